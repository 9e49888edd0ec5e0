-- GET /api/v1/submissions/{id} for ids drawn at random (seeded) from the measured subcommittee's.
local first = tonumber(os.getenv("MEASURED_FIRST_SUBMISSION"))
local last = tonumber(os.getenv("MEASURED_LAST_SUBMISSION"))
math.randomseed(20200220)

request = function()
  return wrk.format("GET", "/api/v1/submissions/" .. math.random(first, last))
end
