#!/usr/bin/env bash
# The generated client, end to end: generates the TypeScript client from openapi/openapi.yaml, type-checks the story program with tsc --strict, starts the packaged jar
# (target/quarkus-app, from `mvn -B -DskipTests package` or `mvn -B verify`) with the demo data on
# a free port and a throwaway data directory (webhooks allowed to a local http receiver, the story's), runs the story against it and stops it.
set -euo pipefail
cd "$(dirname "$0")"
jar=../target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ]; then
  echo "client: $jar is missing: build it first (mvn -B -DskipTests package)" >&2
  exit 1
fi
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run --silent build
echo "client: tsc --strict: the generated client and story.ts type-check"

data=$(mktemp -d)
port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
java -Dportal.demo-data=true -Dportal.data-dir="$data" -Dportal.webhooks.allow-http=true -Dportal.webhooks.allow-private-targets=true -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
  -jar "$jar" >"$data/service.log" 2>&1 &
service=$!
stop() {
  local status=$?
  kill "$service" 2>/dev/null && wait "$service" 2>/dev/null || true
  if [ "$status" -ne 0 ]; then
    echo "client: the service's log:" >&2
    tail -n 40 "$data/service.log" >&2 || true
  fi
  rm -rf "$data"
  exit "$status"
}
trap stop EXIT
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then
    break
  fi
  kill -0 "$service" 2>/dev/null || { echo "client: the service did not start" >&2; exit 1; }
  sleep 0.5
done
PORTAL_URL="http://127.0.0.1:$port" node dist/story.js
