-- The write load: each request creates a submission for the next free (milestone, responsibility)
-- pair of the write subcommittee (BENCH-W), and two of every three created are then submitted.
-- Every answer must be 2xx (wrk counts the others as Non-2xx). Pairs used by one wrk run are recorded
-- in bench/work/write-offset, so the measured run after the warm-up takes fresh ones.
local offset_file = "bench/work/write-offset"
local first_milestone = tonumber(os.getenv("WRITE_FIRST_MILESTONE"))
local first_responsibility = tonumber(os.getenv("WRITE_FIRST_RESPONSIBILITY"))
local responsibilities = tonumber(os.getenv("WRITE_RESPONSIBILITIES"))
local THREADS = 2 -- as bench/run.sh runs wrk (-t2): thread t takes the pairs t, t + 2, t + 4, ...
local threads = {}
local started = 0

local function read_offset()
  local f = io.open(offset_file, "r")
  if not f then return 0 end
  local n = tonumber(f:read("*l")) or 0
  f:close()
  return n
end

function setup(thread)
  thread:set("tid", started)
  thread:set("offset", read_offset())
  started = started + 1
  table.insert(threads, thread)
end

function init(args)
  creates = 0
  created = 0
  queue = {}
  post_headers = {}
  json_headers = {}
  for k, v in pairs(wrk.headers) do
    post_headers[k] = v
    json_headers[k] = v
  end
  json_headers["Content-Type"] = "application/json"
end

function request()
  if #queue > 0 then
    return wrk.format("POST", "/api/v1/submissions/" .. table.remove(queue, 1) .. "/submit", post_headers)
  end
  local n = offset + tid + THREADS * creates
  creates = creates + 1
  local milestone = first_milestone + math.floor(n / responsibilities)
  local responsibility = first_responsibility + n % responsibilities
  return wrk.format("POST", "/api/v1/milestones/" .. milestone .. "/submissions", json_headers,
    '{"responsibilityId":' .. responsibility .. ',"title":"Số liệu bảng biểu ' .. n .. '"}')
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
    if created % 3 ~= 0 then
      table.insert(queue, body:match('"id":(%d+)'))
    end
  end
end

function done(summary, latency, requests)
  local used = 0
  for _, t in ipairs(threads) do
    used = math.max(used, t:get("creates"))
  end
  local offset = read_offset()
  local f = io.open(offset_file, "w")
  f:write(tostring(offset + THREADS * used + THREADS), "\n")
  f:close()
end
