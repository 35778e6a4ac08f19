#!/usr/bin/env bash
# Readership counting under load, on 127.0.0.1 only: (1) the cached article page from an app that adds the counting
# script and from one that does not (masthead.analytics.enabled=false), in alternating rounds of one run, on one
# database; (2) beacons per second at /count with its rate limit off for the run, then the counts written to the
# database checked against the requests wrk made. Not part of ./mvnw verify. Figures: docs/benchmarks.md.
#
#   bench/beacon.sh                         # the whole run (about 4 minutes on 2 cores)
#   DURATION=5s ROUNDS=1 bench/beacon.sh    # a short run
#
# Settings (environment): DURATION (15s), WARMUP (3s), CONNECTIONS (32), THREADS (2), ROUNDS (3), HEAP (-Xmx256m),
# JAR (default: built from this tree), BENCH_DIR (./data/bench). Ports: 8085 (counting on), 8095 (counting off),
# 5485 (PostgreSQL, its data in $BENCH_DIR/pg-beacon).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-3s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-3}
HEAP=${HEAP:--Xmx256m}
BENCH_DIR=${BENCH_DIR:-./data/bench}
ON_PORT=${ON_PORT:-8085}
OFF_PORT=${OFF_PORT:-8095}
PG_PORT=${PG_PORT:-5485}
AGENT="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36"

for tool in wrk curl java psql; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    [[ $tool == psql ]] && continue # only for the check at the end
    echo "Missing: $tool. On Debian/Ubuntu: sudo apt-get install wrk curl (and a JDK 17+)." >&2
    exit 1
  fi
done

mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
RUN_AT=$(date -u +%Y%m%d-%H%M%S)
REPORT="$BENCH_DIR/beacon-${RUN_AT}.md"
. bench/lib.sh
trap stop_started EXIT

ensure_jar
ensure_test_classpath
start_pg beacon "$PG_PORT"
URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"

start_app() { # name port analytics-enabled
  # shellcheck disable=SC2086
  java $HEAP -jar "$JAR" --server.port="$2" --spring.datasource.url="$URL" --spring.datasource.username=postgres \
    --masthead.demo-content=true --masthead.analytics.enabled="$3" --masthead.analytics.rate-limit=false \
    --masthead.http.connections-per-client=0 >"$BENCH_DIR/app-beacon-$1.log" 2>&1 &
  PIDS+=($!)
}
# One app first (it migrates the database and loads the demo journal), then the other.
start_app on "$ON_PORT" true
wait_ready "$ON_PORT"
start_app off "$OFF_PORT" false
wait_ready "$OFF_PORT"

ARTICLE=$(curl -fs "http://127.0.0.1:$ON_PORT/" | grep -o 'href="/articles/[^"]*"' | head -1 | cut -d'"' -f2)
PAGE_ON=$(curl -fs -A "$AGENT" "http://127.0.0.1:$ON_PORT$ARTICLE")
ID=$(echo "$PAGE_ON" | grep -o 'data-article="[0-9]*"' | head -1 | cut -d'"' -f2)
[[ -n "$ID" ]] || { echo "No counting script on $ARTICLE" >&2; exit 1; }
curl -fs "http://127.0.0.1:$OFF_PORT$ARTICLE" | grep -q 'readership' && { echo "Counting is not off on $OFF_PORT" >&2; exit 1; }

rps() { # wrk output -> requests per second
  awk '/^Requests\/sec/ {print $2}'
}
run_wrk() { # url [script]
  local extra=()
  [[ -n "${2:-}" ]] && extra=(-s "$2")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "User-Agent: $AGENT" -H "Accept-Encoding: gzip" "${extra[@]}" "$1" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "User-Agent: $AGENT" -H "Accept-Encoding: gzip" "${extra[@]}" "$1"
}

say "# Readership counting, $(date -u '+%d %B %Y %H:%M') UTC"
say ""
say "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg). wrk -t$THREADS -c$CONNECTIONS, $DURATION rounds after"
say "$WARMUP of warm-up, gzip, on 127.0.0.1; $ARTICLE (article $ID), page cache on."
say ""
say "| Round | Article, counting on (req/s) | Article, counting off (req/s) | On / off |"
say "|---|---|---|---|"
ratios=()
for round in $(seq 1 "$ROUNDS"); do
  if ((round % 2)); then
    on=$(run_wrk "http://127.0.0.1:$ON_PORT$ARTICLE" | rps)
    off=$(run_wrk "http://127.0.0.1:$OFF_PORT$ARTICLE" | rps)
  else
    off=$(run_wrk "http://127.0.0.1:$OFF_PORT$ARTICLE" | rps)
    on=$(run_wrk "http://127.0.0.1:$ON_PORT$ARTICLE" | rps)
  fi
  ratio=$(awk -v a="$on" -v b="$off" 'BEGIN {printf "%.3f", a / b}')
  ratios+=("$ratio")
  say "| $round | $on | $off | $ratio |"
done
say ""
say "Median on / off: $(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') (target ≥ 0.95)"
say ""

# Beacons: POST /count as the script sends it, from one address, the rate limit off for this run.
LUA="$BENCH_DIR/beacon.lua"
cat >"$LUA" <<LUA
wrk.method = "POST"
wrk.path = "/count?p=article&a=$ID&r=news.example.org"
LUA
say "| Round | Beacons (req/s), POST /count | Non-2xx |"
say "|---|---|---|"
total=0
for round in $(seq 1 "$ROUNDS"); do
  out=$(run_wrk "http://127.0.0.1:$ON_PORT/count" "$LUA")
  beacons=$(echo "$out" | rps)
  errors=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  total=$((total + requests))
  say "| $round | $beacons | ${errors:-0} |"
done
say ""
sleep 7 # one flush interval and more: every count written
if command -v psql >/dev/null 2>&1; then
  stored=$(psql -At -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
    -c "select coalesce(sum(views), 0) from analytics_article_days where article_id = $ID")
  say "Views stored for article $ID: $stored, for $total measured beacons (and their warm-ups) of this run."
fi
say ""
say "Report: $REPORT"
