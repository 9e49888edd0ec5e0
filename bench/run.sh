#!/usr/bin/env bash
# The performance bench: builds the packaged jar (and the bare Quarkus REST app in bench/hello, the
# ceiling of this stack here), and for each size loads generated data by the bulk path
# (bench/load/Load.java: JDBC batches, no HTTP call per row), starts the service on it and drives it
# with wrk, logged in with HTTP Basic as the SECRETARY of the measured subcommittee. Prints a table per
# size and writes it, with the machine described, to bench/results/.
#
# Usage: bench/run.sh [sizes, default 1000,10000,100000] [seconds per endpoint, default 15]
#   PORTAL_BENCH_DB_URL=jdbc:postgresql://host:port/db PORTAL_BENCH_DB_USER=u PORTAL_BENCH_DB_PASSWORD=p bench/run.sh
#     runs against that PostgreSQL database instead of the embedded H2: it is EMPTIED for every size.
#   JAVA_OPTS: the service's JVM options (default: the README's, -Xms64m -Xmx256m -Xmn80m -XX:+UseSerialGC and the AppCDS
#     archive; the service runs in its quarkus-app directory, as the archive requires).
#   PORTAL_BENCH_ONLY=<regex>: measure only the endpoints whose name matches (and the ceiling and the index, which
#     every table is relative to), e.g. PORTAL_BENCH_ONLY=writes to compare two builds' write rates.
#   PORTAL_BENCH_SKIP_BUILD=1: use the jars already built. PORTAL_BENCH_WARM_UP: seconds of traffic on every
#     endpoint before any is measured (default 10: the JIT needs far more than one endpoint's 5 s warm-up).
# Needs: JDK 17, Maven, wrk (apt-get install wrk), curl.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-1000,10000,100000}
DURATION=${2:-15}
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx256m -Xmn80m -XX:+UseSerialGC -XX:SharedArchiveFile=app-cds.jsa}
PORT=${PORTAL_BENCH_PORT:-18080}
HELLO_PORT=18081
BASE="http://localhost:$PORT"
DB_URL=${PORTAL_BENCH_DB_URL:-}
DB=h2
[ -n "$DB_URL" ] && DB=postgresql
WORK=bench/work
mkdir -p "$WORK" bench/results
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

ADMIN_PASSWORD=bench-admin-password
BENCH_USER=bench
BENCH_PASSWORD=bench-password-2020
ADMIN_AUTH="Authorization: Basic $(printf 'admin:%s' "$ADMIN_PASSWORD" | base64 -w0)"
BENCH_AUTH="Authorization: Basic $(printf '%s:%s' "$BENCH_USER" "$BENCH_PASSWORD" | base64 -w0)"

# --- build ---------------------------------------------------------------------------------------
APP=$WORK/app-$DB
if [ -z "${PORTAL_BENCH_SKIP_BUILD:-}" ]; then
  # AppCDS: the classes loaded at start-up, archived at build time (start-up, below); see bench/README.md
  profile=()
  [ "$DB" = postgresql ] && profile=(-Ppostgresql)
  mvn -B -q -DskipTests package -Dquarkus.package.jar.appcds.enabled=true "${profile[@]}"
  rm -rf "$APP" && cp -a target/quarkus-app "$APP" # -a: AppCDS checks the jars' times
  (cd bench/hello && mvn -B -q -DskipTests package)
fi
CP="$APP/lib/main/*:$APP/app/*"

# --- the machine ---------------------------------------------------------------------------------
stamp=$(date -u +%Y-%m-%dT%H-%M-%SZ)
RESULT=bench/results/$stamp-$DB.md
{
  echo "# Bench $stamp on $DB"
  echo
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "- JDK: $(java -version 2>&1 | head -1); service JVM options: $JAVA_OPTS"
  echo "- database: $DB${DB_URL:+ ($(sed 's/\?.*//' <<<"$DB_URL"))}; wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), 2 threads, 16 connections (writes 8), ${DURATION} s per endpoint after a 5 s warm-up"
  echo "- load average at the start: $(cut -d' ' -f1-3 /proc/loadavg); other busy processes: $(ps -eo pcpu=,comm= --sort=-pcpu | awk '$1 > 5 {printf "%s(%s%%) ", $2, $1}' | head -c 300)"
  echo
} >"$RESULT"

# --- helpers -------------------------------------------------------------------------------------
pid=
stop_service() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi
}
trap 'stop_service; [ -n "${hello_pid:-}" ] && kill $hello_pid 2>/dev/null; true' EXIT

# start_service DATA_DIR: starts the jar, sets $pid and $startup_ms (launch to /q/health/ready)
start_service() {
  local started
  started=$(date +%s%N)
  local db_args=()
  [ -n "$DB_URL" ] && db_args=(-Dquarkus.datasource.jdbc.url="$DB_URL" -Dquarkus.datasource.username="$PORTAL_BENCH_DB_USER"
    -Dquarkus.datasource.password="$PORTAL_BENCH_DB_PASSWORD")
  # shellcheck disable=SC2086
  (cd "$APP" && PORTAL_ADMIN_INITIAL_PASSWORD=$ADMIN_PASSWORD QUARKUS_SHUTDOWN_DELAY=0s exec java $JAVA_OPTS \
    -Dquarkus.http.port="$PORT" -Dportal.data-dir="$1" "${db_args[@]}" -jar quarkus-run.jar) >>"$WORK/service.log" 2>&1 &
  pid=$!
  for _ in $(seq 1200); do
    curl -sf "$BASE/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { tail -30 "$WORK/service.log" >&2; exit 1; }
    sleep 0.02
  done
  startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))
}

statements() {
  curl -s "$BASE/q/metrics" | awk '/^hibernate_statements_total.*status="prepared"/ {printf "%d", $2}'
}

rows=()
# measure NAME CONNECTIONS LOGINS WRK-ARGS...: a 5 s warm-up, then one wrk run; appends a row
# "name|req/s|p50|p99|SQL statements per request|non-2xx". The statements are those Hibernate prepared
# (hibernate_statements_total at /q/metrics) plus LOGINS: the login's own JDBC statement (Accounts),
# which Hibernate does not see, 1 on every authenticated request.
# With WARM_UP set, only warms up (the JIT needs far more than 5 s to settle on a path).
measure() {
  local name=$1 connections=$2 logins=$3; shift 3
  # PORTAL_BENCH_ONLY=<regex>: only the endpoints whose name matches (the ceiling and the index always run)
  if [ -n "${PORTAL_BENCH_ONLY:-}" ] && ! grep -qE "$PORTAL_BENCH_ONLY|^bare Quarkus|^GET /api/v1 \(index" <<<"$name"; then
    return
  fi
  if [ -n "${WARM_UP:-}" ]; then
    wrk -t2 -c"$connections" -d"${WARM_UP}s" "$@" >/dev/null 2>&1 || true
    return
  fi
  wrk -t2 -c"$connections" -d5s "$@" >/dev/null 2>&1 || true
  local before after out
  before=$(statements)
  out=$(wrk -t2 -c"$connections" -d"${DURATION}s" --latency "$@")
  after=$(statements)
  rows+=("$(awk -v name="$name" -v before="$before" -v after="$after" -v logins="$logins" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    / 50%/ { p50 = ms($2) } / 99%/ { p99 = ms($2) }
    /requests in/ { total = $1 }
    /Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF }
    END { printf "%s|%.0f|%.2f|%.2f|%s|%d", name, rps, p50, p99, (before == "" ? "-" : sprintf("%.2f", (after - before) / total + logins)), bad }' <<<"$out")")
  echo "bench: ${rows[-1]}" >&2
}

# every measured endpoint, in the table's order
endpoints() {
  measure "bare Quarkus REST hello (bench/hello)" 16 0 "http://localhost:$HELLO_PORT/hello"
  measure "GET /api/v1 (index, anonymous)" 16 0 "$BASE/api/v1"
  measure "GET /api/v1/submissions/{id} (random id)" 16 1 -H "$BENCH_AUTH" -s bench/lua/random-submission.lua "$BASE"
  measure "GET /api/v1/submissions?subcommitteeId&status=SUBMITTED&size=20" 16 1 -H "$BENCH_AUTH" \
    "$BASE/api/v1/submissions?subcommitteeId=$MEASURED_SID&status=SUBMITTED&size=20"
  measure "GET /api/v1/subcommittees/{sid}/milestones?size=50" 16 1 -H "$BENCH_AUTH" \
    "$BASE/api/v1/subcommittees/$MEASURED_SID/milestones?size=50"
  measure "GET /api/v1/subcommittees/{sid}/progress" 16 1 -H "$BENCH_AUTH" "$BASE/api/v1/subcommittees/$MEASURED_SID/progress"
  measure "GET /api/v1/audit?subcommitteeId (newest 20)" 16 1 -H "$BENCH_AUTH" "$BASE/api/v1/audit?subcommitteeId=$MEASURED_SID"
  measure "writes: create a submission, submit 2 of 3" 8 1 -H "$BENCH_AUTH" -s bench/lua/writes.lua "$BASE"
  # after the writes, whose events (and the warm-up's) it reads: the first 100 the bench user sees
  measure "GET /api/v1/events?limit=100 (change feed, oldest kept)" 16 1 -H "$BENCH_AUTH" "$BASE/api/v1/events?limit=100"
}

# --- the ceiling: bare Quarkus REST ----------------------------------------------------------------
# shellcheck disable=SC2086
java ${JAVA_OPTS//-XX:SharedArchiveFile=app-cds.jsa/} -jar bench/hello/target/quarkus-app/quarkus-run.jar >"$WORK/hello.log" 2>&1 &
hello_pid=$!
until curl -sf "localhost:$HELLO_PORT/hello" >/dev/null 2>&1; do sleep 0.05; done

for size in ${SIZES//,/ }; do
  echo "bench: $size submissions on $DB" >&2
  data=$(pwd)/$WORK/data-$DB-$size
  rm -rf "$data" && mkdir -p "$data"
  if [ -n "$DB_URL" ]; then
    java -cp "$CP" bench/load/Reset.java "$DB_URL" "$PORTAL_BENCH_DB_USER" "$PORTAL_BENCH_DB_PASSWORD"
  fi

  # 1. an empty database: start-up to ready, then the bench's own login
  start_service "$data"
  empty_startup_ms=$startup_ms
  curl -sf -H "$ADMIN_AUTH" -H 'Content-Type: application/json' -d \
    "{\"username\":\"$BENCH_USER\",\"displayName\":\"Bench\",\"password\":\"$BENCH_PASSWORD\"}" "$BASE/api/v1/users" >"$WORK/user.json"
  bench_user_id=$(sed -E 's/.*"id":([0-9]+).*/\1/' "$WORK/user.json")
  stop_service

  # 2. the bulk load
  h2_url="jdbc:h2:file:$(readlink -f "$data")/portal"
  load_started=$(date +%s%N)
  java -cp "$CP" bench/load/Load.java "${DB_URL:-$h2_url}" "${PORTAL_BENCH_DB_USER:-portal}" \
    "${PORTAL_BENCH_DB_PASSWORD:-}" "$size" "$bench_user_id" "$WORK/ids.env" >&2
  load_s=$(( ($(date +%s%N) - load_started) / 1000000000 ))
  # shellcheck disable=SC1090
  . "$WORK/ids.env"

  rm -f "$WORK/write-offset"

  # 3. the loaded service
  start_service "$data"
  loaded_startup_ms=$startup_ms
  export MEASURED_FIRST_SUBMISSION MEASURED_LAST_SUBMISSION WRITE_FIRST_MILESTONE WRITE_MILESTONES \
    WRITE_FIRST_RESPONSIBILITY WRITE_RESPONSIBILITIES
  WARM_UP=${PORTAL_BENCH_WARM_UP:-10} endpoints
  rows=()
  endpoints
  rss_mib=$(( $(ps -o rss= -p "$pid") / 1024 ))
  stop_service

  {
    echo "## $size submissions ($DB)"
    echo
    echo "| endpoint | req/s | p50 ms | p99 ms | × index | SQL statements / request | non-2xx |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    index_rps=$(cut -d'|' -f2 <<<"${rows[1]}")
    for row in "${rows[@]}"; do
      IFS='|' read -r name rps p50 p99 spr bad <<<"$row"
      ratio=$(awk -v r="$rps" -v i="$index_rps" 'BEGIN { printf "%.2f", r / i }')
      echo "| $name | $rps | $p50 | $p99 | $ratio | $spr | $bad |"
    done
    echo
    echo "Start-up to ready: ${empty_startup_ms} ms on an empty database, ${loaded_startup_ms} ms on this one." \
      "RSS after the run: ${rss_mib} MiB. Bulk load: ${load_s} s."
    echo
  } | tee -a "$RESULT"
done
echo "bench: results in $RESULT" >&2
