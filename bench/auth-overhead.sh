#!/usr/bin/env bash
# What a login costs: wrk throughput of authenticated GETs (HTTP Basic, credential remembered
# after the first request) against the anonymous API index, on the packaged jar with the demo data.
# Usage: bench/auth-overhead.sh [seconds per run, default 20] [connections, default 16]
# Needs: wrk (apt-get install wrk), a packaged jar (mvn -B -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
CONNECTIONS=${2:-16}
PORT=${PORT:-18080}
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

DATA=$(mktemp -d)
java -Dquarkus.http.port="$PORT" -Dportal.data-dir="$DATA" -Dportal.demo-data=true -jar "$JAR" >"$DATA/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 120); do
  curl -sf "localhost:$PORT/q/health/ready" >/dev/null && break
  sleep 0.5
done

BASE="http://localhost:$PORT"
AUTH="Authorization: Basic $(printf 'secretary:secretary-demo-2020' | base64)"
run() { # name, then wrk arguments; prints "name requests/s"
  local name=$1; shift
  local rps
  rps=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "$@" | awk '/Requests\/sec/ {print $2}')
  printf '%-48s %10s req/s\n' "$name" "$rps" >&2
  echo "$rps"
}

# warm up the JIT and the credential cache on every path measured below
wrk -t2 -c"$CONNECTIONS" -d5s "$BASE/api/v1" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -H "$AUTH" "$BASE/api/v1/me" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -H "$AUTH" "$BASE/api/v1/subcommittees/1" >/dev/null

index=$(run "GET /api/v1 (anonymous index)" "$BASE/api/v1" | tail -1)
me=$(run "GET /api/v1/me (Basic, secretary)" -H "$AUTH" "$BASE/api/v1/me" | tail -1)
sub=$(run "GET /api/v1/subcommittees/1 (Basic, secretary)" -H "$AUTH" "$BASE/api/v1/subcommittees/1" | tail -1)
awk -v i="$index" -v m="$me" -v s="$sub" 'BEGIN {
  printf "ratio /me : index            = %.2f\n", m / i
  printf "ratio /subcommittees/1 : index = %.2f\n", s / i }'
