#!/usr/bin/env bash
# Memory of a CSV export: loads SIZE generated submissions by the bench's bulk path (bench/load/Load.java)
# into an H2 file, starts the packaged jar with a small heap, exports every submission as CSV with curl
# (GET /api/v1/submissions, Accept: text/csv, as admin) and records rows, bytes, seconds, the heap in use
# (jstat, sampled every 200 ms during the export, and after a full GC before and after it) and the RSS
# into bench/results/<stamp>-csv-memory.md. The export must not need more heap with more rows.
#
# Usage: bench/csv-memory.sh [submissions, default 100000] [heap, default 128m]
#   PORTAL_BENCH_SKIP_BUILD=1: use the jar already built in bench/work/csv/app.
# Needs: JDK 17 (java, jcmd, jstat), Maven, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-100000}
HEAP=${2:-128m}
PORT=${PORTAL_BENCH_PORT:-18090}
BASE="http://localhost:$PORT"
WORK=bench/work/csv
APP=$WORK/app
mkdir -p "$WORK" bench/results
ADMIN_PASSWORD=bench-admin-password
ADMIN_AUTH="Authorization: Basic $(printf 'admin:%s' "$ADMIN_PASSWORD" | base64 -w0)"

if [ -z "${PORTAL_BENCH_SKIP_BUILD:-}" ]; then
  mvn -B -q -DskipTests package
  rm -rf "$APP" && cp -a target/quarkus-app "$APP"
fi
CP="$APP/lib/main/*:$APP/app/*"

pid=
stop_service() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi
}
sampler=
trap 'stop_service; [ -n "$sampler" ] && kill "$sampler" 2>/dev/null; true' EXIT

start_service() {
  (cd "$APP" && PORTAL_ADMIN_INITIAL_PASSWORD=$ADMIN_PASSWORD QUARKUS_SHUTDOWN_DELAY=0s exec java -Xms32m -Xmx"$HEAP" \
    -XX:+UseSerialGC -Dquarkus.http.port="$PORT" -Dportal.data-dir="$1" -jar quarkus-run.jar) >>"$WORK/service.log" 2>&1 &
  pid=$!
  # curl retries while the port is closed and while readiness answers 503
  curl -sf --retry 120 --retry-connrefused --retry-delay 1 "$BASE/q/health/ready" >/dev/null \
    || { echo "the service did not get ready" >&2; tail -30 "$WORK/service.log" >&2; exit 1; }
}

# heap in use in MiB: survivors, eden and old generation (jstat -gc columns S0U S1U EU OU)
heap_used() {
  jstat -gc "$pid" | awk 'NR == 2 { printf "%.1f", ($3 + $4 + $6 + $8) / 1024 }'
}
heap_after_gc() {
  jcmd "$pid" GC.run >/dev/null
  heap_used
}

data=$(pwd)/$WORK/data-$SIZE
rm -rf "$data" && mkdir -p "$data"
start_service "$data"
user_id=$(curl -sf -H "$ADMIN_AUTH" -H 'Content-Type: application/json' \
  -d '{"username":"bench","displayName":"Bench","password":"bench-password-2020"}' "$BASE/api/v1/users" \
  | sed -E 's/.*"id":([0-9]+).*/\1/')
stop_service
load_started=$(date +%s)
java -cp "$CP" bench/load/Load.java "jdbc:h2:file:$data/portal" portal "" "$SIZE" "$user_id" "$WORK/ids.env" >&2
load_s=$(( $(date +%s) - load_started ))

start_service "$data"
url="$BASE/api/v1/submissions"
# a warm-up export of one subcommittee, so that the figures are the rows' and not the first call's classes
curl -sf -H "$ADMIN_AUTH" -H 'Accept: text/csv' "$url?subcommitteeId=1" -o /dev/null
before=$(heap_after_gc)
: >"$WORK/samples"
( while kill -0 "$pid" 2>/dev/null; do
    echo "$(heap_used) $(( $(ps -o rss= -p "$pid") / 1024 ))" >>"$WORK/samples"
    sleep 0.2
  done ) &
sampler=$!
started=$(date +%s%N)
curl -sf -H "$ADMIN_AUTH" -H 'Accept: text/csv' "$url" -o "$WORK/export.csv"
seconds=$(awk -v ns=$(( $(date +%s%N) - started )) 'BEGIN { printf "%.1f", ns / 1e9 }')
kill "$sampler" 2>/dev/null || true
sampler=
after=$(heap_after_gc)
rss_end=$(( $(ps -o rss= -p "$pid") / 1024 ))
stop_service

bytes=$(stat -c %s "$WORK/export.csv")
rows=$(( $(tr -cd '\n' <"$WORK/export.csv" | wc -c) - 1 ))
# an export shorter than the sampling period leaves no sample
read -r heap_max rss_max < <(awk '{ if ($1 > h) h = $1; if ($2 > r) r = $2 }
  END { if (NR == 0) print "n/a n/a"; else printf "%.1f %d\n", h, r }' "$WORK/samples")
samples=$(wc -l <"$WORK/samples")
stamp=$(date -u +%Y-%m-%dT%H-%M-%SZ)
RESULT=bench/results/$stamp-csv-memory.md
{
  echo "# CSV export memory $stamp (h2)"
  echo
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
    "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- JDK: $(java -version 2>&1 | head -1); service JVM options: -Xms32m -Xmx$HEAP -XX:+UseSerialGC"
  echo "- data: $SIZE generated submissions (bench/load/Load.java, bulk load ${load_s} s)"
  echo "- export: GET /api/v1/submissions with Accept: text/csv, as admin (every row), curl to a file"
  echo
  echo "| rows | bytes | seconds | rows/s | heap after GC before | heap after GC after | heap in use, max of $samples samples | RSS max | RSS at the end |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  echo "| $rows | $bytes | $seconds | $(awk -v r="$rows" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }') | $before MiB | $after MiB | $heap_max MiB | $rss_max MiB | $rss_end MiB |"
  echo
} | tee "$RESULT"
echo "csv-memory: results in $RESULT" >&2
