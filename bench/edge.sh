#!/usr/bin/env bash
# Masthead behind Varnish, as deploy/varnish/default.vcl ships it: Varnish 7 with xkey (127.0.0.1:6081) in front of
# two app nodes (8081, 8082; page cache on, purging that Varnish) on one PostgreSQL (5484), all on loopback.
# Measures, in one run:
#   (1) req/s and p99 through Varnish for the article and the home page, against nginx serving the same bytes;
#   (2) a publish, a correction and a title change on node A: the time until Varnish serves it (REPEAT runs);
#   (3) origin requests per publish: of a warm set of pages, how many Varnish fetches again after a publish;
#   (4) under load (a mix of pages): a VCL reload, then a purge of everything and a kill -9 of node B at once:
#       failed reader requests (grace and retry on the other node are meant to make them 0);
#   (5) after a Varnish restart, the time until it serves hits again.
# Not part of ./mvnw verify. Needs varnish and varnish-modules (Debian: apt-get install -y varnish varnish-modules),
# nginx, wrk, curl, a JDK. Figures: docs/benchmarks.md ("Behind Varnish").
#
#   bench/edge.sh                       # about 3 minutes once the jar and the database exist
#   REPEAT=3 DURATION=5s bench/edge.sh  # a short run
#
# Settings (environment): REPEAT (10), DURATION (10s: each load run), CONNECTIONS (32), THREADS (2), HEAP
# (-Xmx256m), JAR (default: built from this tree), BENCH_DIR (./data/bench), REPORT (append to this file instead).
set -euo pipefail
trap 'echo "bench/edge.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."

REPEAT=${REPEAT:-10}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
HEAP=${HEAP:--Xmx256m}
BENCH_DIR=${BENCH_DIR:-./data/bench}
A_PORT=8081
B_PORT=8082
VARNISH_PORT=6081
NGINX_PORT=8098
EDGE_PG_PORT=5484
TIMEOUT=5
EMAIL=bench-edge@example.org
PASSWORD=bench-edge-password

missing=()
for tool in varnishd varnishadm varnishstat nginx wrk curl java awk; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "Missing: ${missing[*]}. On Debian: apt-get install -y varnish varnish-modules nginx wrk curl" >&2
  exit 1
fi

mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
RUN_AT=$(date -u +%Y%m%d-%H%M%S)
OWN_REPORT=${REPORT:-}
REPORT=${REPORT:-$BENCH_DIR/edge-${RUN_AT}.md}
WORK=$(mktemp -d)
chmod 755 "$WORK"
VDIR=$WORK/varnish
VCL=$PWD/deploy/varnish/default.vcl
. bench/lib.sh

VARNISH_PID=""
NGINX_DIR=$WORK/nginx
cleanup() {
  [[ -n $VARNISH_PID ]] && kill "$VARNISH_PID" 2>/dev/null || true
  [[ -f $NGINX_DIR/nginx.pid ]] && kill "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null || true
  stop_started
  rm -rf "$WORK"
}
trap cleanup EXIT

ensure_jar
ensure_test_classpath
start_pg edge "$EDGE_PG_PORT"

start_node() { # name port demo-content
  # shellcheck disable=SC2086
  java $HEAP -jar "$JAR" --server.port="$2" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$EDGE_PG_PORT/postgres" --spring.datasource.username=postgres \
    --masthead.demo-content="$3" --masthead.page-cache.enabled=true \
    --masthead.cache.purge.varnish-urls="http://127.0.0.1:$VARNISH_PORT/" --masthead.http.trusted-proxies=127.0.0.1 \
    --masthead.admin-email="$EMAIL" --masthead.admin-password="$PASSWORD" \
    >"$BENCH_DIR/app-edge-$1.log" 2>&1 &
  PIDS+=($!)
  eval "PID_$1=$!"
}
start_node a "$A_PORT" true
wait_ready "$A_PORT"
start_node b "$B_PORT" false
wait_ready "$B_PORT"

start_varnish() {
  varnishd -F -n "$VDIR" -a "127.0.0.1:$VARNISH_PORT" -T "127.0.0.1:0" -f "$VCL" -s malloc,256m \
    >>"$BENCH_DIR/varnish-edge.log" 2>&1 &
  VARNISH_PID=$!
  for _ in $(seq 1 100); do
    curl -fs -o /dev/null "http://127.0.0.1:$VARNISH_PORT/" 2>/dev/null && return
    sleep 0.1
  done
  echo "Varnish did not start; see $BENCH_DIR/varnish-edge.log" >&2
  exit 1
}
start_varnish
V="http://127.0.0.1:$VARNISH_PORT"
A="http://127.0.0.1:$A_PORT"
backend_requests() { varnishstat -n "$VDIR" -1 -f MAIN.backend_req | awk '{ print $2 }'; }
now_ms() { echo $((${EPOCHREALTIME/./} / 1000)); }
gz() { curl -s -H 'Accept-Encoding: gzip' "$@"; }

# --- the pages: the home page and the first article it links to ---
article=$(curl -fs "$V/" | grep -o 'href="/articles/[^"#?]*"' | head -1 | sed 's/href="//; s/"$//')
[[ -n $article ]] || { echo "No article linked from the home page" >&2; exit 1; }

# --- (1) through Varnish against nginx serving the same bytes (gzip, as browsers ask) ---
mkdir -p "$NGINX_DIR/www" "$NGINX_DIR/logs"
for page in / "$article"; do
  gz -o /dev/null "$V$page"
done
gz -o "$NGINX_DIR/www/article.html" "$V$article"
gz -o "$NGINX_DIR/www/home.html" "$V/"
user=""
[[ $(id -u) == 0 ]] && user="user root;"
cat >"$NGINX_DIR/nginx.conf" <<CONF
$user
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  gzip off;
  client_body_temp_path $NGINX_DIR/logs;
  proxy_temp_path $NGINX_DIR/logs;
  fastcgi_temp_path $NGINX_DIR/logs;
  uwsgi_temp_path $NGINX_DIR/logs;
  scgi_temp_path $NGINX_DIR/logs;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $NGINX_DIR/www;
    location / { default_type text/html; add_header Content-Encoding gzip; add_header Vary Accept-Encoding; }
  }
}
CONF
nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf"
sleep 0.5

load() { # url [wrk arguments]: prints "req/s p99 failures"
  local url=$1 out
  shift
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$@" "$url" 2>&1)
  echo "$out" >>"$BENCH_DIR/wrk-edge-$RUN_AT.log"
  echo "$out" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx/ { failed += $NF }
    /Socket errors/ { gsub(/,/, ""); failed += $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %d\n", rps, p99, failed }'
}

say "## Behind Varnish, $(date -u '+%Y-%m-%d %H:%M UTC')"
say ""
say "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; $(varnishd -V 2>&1 | head -1 | cut -d' ' -f1-2)"
say "with deploy/varnish/default.vcl in front of two nodes ($HEAP, page cache on) on one PostgreSQL; wrk -t$THREADS"
say "-c$CONNECTIONS -d$DURATION, gzip asked for; nginx serves the same gzipped bytes as files."
say ""
say "| page | through Varnish req/s | p99 ms | nginx req/s | p99 ms | Varnish ÷ nginx | failed |"
say "|---|---|---|---|---|---|---|"
for page in article home; do
  path=$article
  [[ $page == home ]] && path=/
  read -r v_rps v_p99 v_failed < <(load "$V$path")
  read -r n_rps n_p99 n_failed < <(load "http://127.0.0.1:$NGINX_PORT/$page.html")
  ratio=$(awk -v v="$v_rps" -v n="$n_rps" 'BEGIN { printf "%.2f", (n > 0 ? v / n : 0) }')
  say "| $page | $v_rps | $v_p99 | $n_rps | $n_p99 | $ratio | $((v_failed + n_failed)) |"
done
say ""

# --- signing in on A as staff do ---
COOKIES="$WORK/cookies"
token_of() { sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' "$1" | head -1; }
curl -fs -b "$COOKIES" -c "$COOKIES" "$A/login" >"$WORK/login.html"
curl -fs -o /dev/null -b "$COOKIES" -c "$COOKIES" --data-urlencode "_csrf=$(token_of "$WORK/login.html")" \
  --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" "$A/login"
curl -fs -o "$WORK/new.html" -b "$COOKIES" -c "$COOKIES" "$A/admin/articles/new" \
  || { echo "Could not sign in on node A; see $BENCH_DIR/app-edge-a.log" >&2; exit 1; }
token=$(token_of "$WORK/new.html")
section=$(tr '\n' ' ' <"$WORK/new.html" | grep -o '<select[^>]*name="sectionId".*</select>' \
  | grep -o '<option value="[0-9][0-9]*"' | head -1 | grep -o '[0-9][0-9]*')
# publishing needs a byline: the first author the form offers
author=$(tr '\n' ' ' <"$WORK/new.html" | grep -o 'name="authorIds\[0\]".*' \
  | grep -o '<option value="[0-9][0-9]*"' | head -1 | grep -o '[0-9][0-9]*')
[[ -n "$token" && -n "$section" && -n "$author" ]] || { echo "No CSRF token, section or author on the form" >&2; exit 1; }
post() { # path field=value...: prints the redirect's target
  local path=$1 args=()
  shift
  for field in "$@"; do args+=(--data-urlencode "$field"); done
  curl -s -o /dev/null -w '%{redirect_url}' -b "$COOKIES" -c "$COOKIES" --data-urlencode "_csrf=$token" \
    "${args[@]}" "$A$path"
}
BODY="A paragraph written to measure how soon readers behind Varnish see it."
draft() { # title: prints the new draft's id
  local location
  location=$(post /admin/articles "title=$1" "sectionId=$section" "authorIds[0]=$author" "bodyMarkdown=$BODY")
  [[ $location =~ /admin/articles/([0-9]+)$ ]] || { echo "Creating a draft failed ('$location')" >&2; exit 1; }
  echo "${BASH_REMATCH[1]}"
}
hit() { # path: fetched until Varnish answers it from its cache
  for _ in 1 2 3 4 5; do
    curl -s -o /dev/null -D - "$V$1" | grep -qi '^X-Cache: HIT' && return
  done
  return 0
}
poll_until() { # path text: ms until Varnish serves a page containing text, or "timeout"
  local deadline=$(($(now_ms) + TIMEOUT * 1000))
  while (($(now_ms) < deadline)); do
    curl -s "$V$1" | grep -qF -- "$2" && { now_ms; return; }
    sleep 0.01
  done
  echo timeout
}
summary() {
  local timeouts
  timeouts=$(grep -c timeout "$1" || true)
  grep -v timeout "$1" | sort -n | awk -v t="$timeouts" '
    { v[NR] = $1 }
    END { if (NR == 0) { printf "no figure (%d timeouts)", t; exit }
          printf "p50 %d ms, max %d ms (%d runs", v[int(NR * 0.5 + 0.5)], v[NR], NR
          if (t > 0) printf ", %d timeouts", t
          printf ")" }'
}

# --- (2) a publish, a correction and a title change on A, seen through Varnish ---
: >"$WORK/publish"
: >"$WORK/correction"
: >"$WORK/title"
for i in $(seq 1 "$REPEAT"); do
  title="Edge $RUN_AT publish $i"
  id=$(draft "$title")
  hit /
  t0=$(now_ms)
  post "/admin/articles/$id/publish" >/dev/null
  seen=$(poll_until / "$title")
  [[ $seen == timeout ]] && echo timeout >>"$WORK/publish" || echo $((seen - t0)) >>"$WORK/publish"

  curl -s -b "$COOKIES" -c "$COOKIES" "$A/admin/articles/$id" >"$WORK/edit.html"
  slug=$(sed -n 's/.*name="slug"[^>]*value="\([^"]*\)".*/\1/p' "$WORK/edit.html" | head -1)
  hit "/articles/$slug"
  note="Edge correction $RUN_AT $i: an earlier version misdated the summit."
  t0=$(now_ms)
  post "/admin/articles/$id/notes" "kind=CORRECTION" "body=$note" >/dev/null
  seen=$(poll_until "/articles/$slug" "$note")
  [[ $seen == timeout ]] && echo timeout >>"$WORK/correction" || echo $((seen - t0)) >>"$WORK/correction"

  curl -s -b "$COOKIES" -c "$COOKIES" "$A/admin/articles/$id" >"$WORK/edit.html"
  revision=$(sed -n 's/.*name="revision"[^>]*value="\([0-9]*\)".*/\1/p' "$WORK/edit.html" | head -1)
  version=$(sed -n 's/.*name="version"[^>]*value="\([0-9]*\)".*/\1/p' "$WORK/edit.html" | head -1)
  hit "/articles/$slug"
  new_title="Edge $RUN_AT retitled $i"
  t0=$(now_ms)
  post "/admin/articles/$id" "title=$new_title" "slug=$slug" "sectionId=$section" "authorIds[0]=$author" \
    "bodyMarkdown=$BODY" "revision=$revision" "version=$version" >/dev/null
  seen=$(poll_until "/articles/$slug" "$new_title")
  [[ $seen == timeout ]] && echo timeout >>"$WORK/title" || echo $((seen - t0)) >>"$WORK/title"
  echo "run $i: publish $(tail -1 "$WORK/publish") ms, correction $(tail -1 "$WORK/correction") ms, title $(tail -1 "$WORK/title") ms"
done
say "| change on node A, seen through Varnish (from the request's start) | delay | target |"
say "|---|---|---|"
say "| publish → the home page | $(summary "$WORK/publish") | ≤ 1 s |"
say "| correction → the article page | $(summary "$WORK/correction") | ≤ 1 s |"
say "| title change → the article page | $(summary "$WORK/title") | ≤ 1 s |"
say ""

# --- (3) origin requests per publish ---
curl -s "$V/" >"$WORK/home.html"
for path in $(grep -o 'href="/\(articles\|sections\|authors\|topics\)/[^"#?]*"' "$WORK/home.html" \
  | sed 's/href="//; s/"$//' | sort -u | head -60); do
  echo "$path"
done >"$WORK/paths"
for path in $(sed -n 's|^/sections/.*|&|p' "$WORK/paths"); do
  curl -s "$V$path" | grep -o 'href="/articles/[^"#?]*"' | sed 's/href="//; s/"$//' | head -10
done | sort -u >>"$WORK/paths"
echo / >>"$WORK/paths"
sort -u -o "$WORK/paths" "$WORK/paths"
pages=$(wc -l <"$WORK/paths")
warm_all() { while read -r path; do curl -s -o /dev/null "$V$path"; done <"$WORK/paths"; }
warm_all
warm_all
before=$(backend_requests)
warm_all
idle=$(($(backend_requests) - before))
id=$(draft "Edge $RUN_AT origin")
before=$(backend_requests)
post "/admin/articles/$id/publish" >/dev/null
sleep 1
warm_all
refetched=$(($(backend_requests) - before))
say "Origin requests per publish: of $pages warm pages (the home page, every section, author, topic and article it"
say "links to, and the articles those sections list), a publish into one section made Varnish fetch **$refetched**"
say "again (the pages tagged home or with that section); the same pages fetched again without a change: $idle."
say ""

# --- (4) a VCL reload, then a purge of everything and kill -9 of node B, under load ---
{
  echo 'local paths = {}'
  while read -r path; do echo "table.insert(paths, \"$path\")"; done <"$WORK/paths"
  echo 'local i = 0'
  echo 'request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end'
} >"$WORK/mix.lua"
seconds=${DURATION%s}
(
  sleep $((seconds / 3))
  varnishadm -n "$VDIR" vcl.load reload1 "$VCL" >/dev/null && varnishadm -n "$VDIR" vcl.use reload1 >/dev/null
  sleep $((seconds / 3))
  curl -s -o /dev/null -X BAN "$V/"
  kill -9 "$PID_b"
) &
events=$!
read -r m_rps m_p99 m_failed < <(load "$V/" -s "$WORK/mix.lua")
wait "$events" || true
say "Under load ($pages pages in turn, wrk -c$CONNECTIONS -d$DURATION): a VCL reload at a third, then a purge of"
say "everything and kill -9 of node B at two thirds: **$m_failed failed reader requests**, $m_rps req/s, p99 $m_p99 ms."
say ""

# --- (5) a Varnish restart: until it serves hits again ---
kill "$VARNISH_PID"
wait "$VARNISH_PID" 2>/dev/null || true
t0=$(now_ms)
start_varnish
until curl -s -o /dev/null -D - "$V$article" | grep -qi '^X-Cache: HIT'; do sleep 0.01; done
say "After a Varnish restart (empty cache), the article page was a hit again $(($(now_ms) - t0)) ms after the restart"
say "began (start-up included); node B stays down, so every miss went to node A."
say ""
for name in a b; do
  say "Errors in node $(echo "$name" | tr a-z A-Z)'s log: $(grep -c 'OutOfMemoryError\| ERROR ' "$BENCH_DIR/app-edge-$name.log" || true)."
done
say "Purge calls that failed once or more (logged by the nodes): $(cat "$BENCH_DIR"/app-edge-?.log | grep -c 'Outgoing purge' || true)."
[[ -n $OWN_REPORT ]] || echo "Report: $REPORT"
