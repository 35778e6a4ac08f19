#!/usr/bin/env bash
# How fresh the reader pages of a second node are: two app nodes (A and B, page cache on, as in production) on one
# PostgreSQL, a staff member signed in on A through the app's own login form (curl, CSRF token, session cookie).
#   (a) publish on A: the time until B's front page (in B's cache beforehand) shows the article, and the time
#       until B's page of an article shows the new title of an edit of it made on A;
#   (b) schedule on A a few seconds ahead: the time after that moment until the front pages of A and of B show it.
# B is polled with curl every POLL seconds (about 15 ms apart, curl's own start included). Not part of ./mvnw verify;
# bench/pages.sh runs it at its end (FRESHNESS=0 skips it). Figures and how to read them: docs/benchmarks.md.
#
#   bench/freshness.sh              # about a minute once the database exists (first run: builds it, about 1 minute more)
#   REPEAT=3 bench/freshness.sh     # a short run
#
# Settings (environment): REPEAT (10: repetitions of each measure), AHEAD (3: seconds between scheduling and the
# scheduled moment), POLL (0.01: pause between two polls, seconds), TIMEOUT (15: seconds before a poll gives up),
# HEAP (-Xmx256m), JAR (default: built from this tree), FRESH_ARGS (more arguments for both nodes),
# BENCH_DIR (./data/bench: the kept database pg-fresh, logs and reports), REPORT (append to this file instead).
# Ports: 8086 (node A), 8087 (node B), 5483 (their PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."

REPEAT=${REPEAT:-10}
AHEAD=${AHEAD:-3}
POLL=${POLL:-0.01}
TIMEOUT=${TIMEOUT:-15}
HEAP=${HEAP:--Xmx256m}
BENCH_DIR=${BENCH_DIR:-./data/bench}
A_PORT=${A_PORT:-8086}
B_PORT=${B_PORT:-8087}
FRESH_PG_PORT=${FRESH_PG_PORT:-5483}
ZONE=${ZONE:-Europe/London}
EMAIL=bench-freshness@example.org
PASSWORD=bench-freshness-password

for tool in curl java awk; do
  command -v "$tool" >/dev/null 2>&1 || { echo "Missing: $tool" >&2; exit 1; }
done

mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
RUN_AT=$(date -u +%Y%m%d-%H%M%S)
OWN_REPORT=${REPORT:-}
REPORT=${REPORT:-$BENCH_DIR/freshness-${RUN_AT}.md}
WORK=$(mktemp -d)
. bench/lib.sh

cleanup() {
  stop_started
  rm -rf "$WORK"
}
trap cleanup EXIT

ensure_jar
ensure_test_classpath
start_pg fresh "$FRESH_PG_PORT"

# --- the two nodes. A creates the demo journal on the first run, and the staff account (the first admin's
# properties: created on a first start, made an enabled admin with that password on every later one). ---
start_node() { # name port demo-content
  # shellcheck disable=SC2086
  java $HEAP -jar "$JAR" ${FRESH_ARGS:-} --server.port="$2" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$FRESH_PG_PORT/postgres" --spring.datasource.username=postgres \
    --masthead.demo-content="$3" --masthead.page-cache.enabled=true --masthead.time-zone="$ZONE" \
    --masthead.admin-email="$EMAIL" --masthead.admin-password="$PASSWORD" \
    >"$BENCH_DIR/app-fresh-$1.log" 2>&1 &
  PIDS+=($!)
}
start_node a "$A_PORT" true
wait_ready "$A_PORT"
start_node b "$B_PORT" false
wait_ready "$B_PORT"
A="http://127.0.0.1:$A_PORT"
B="http://127.0.0.1:$B_PORT"

# --- signing in on A as staff do: the login form's CSRF token, then the session cookie ---
JAR_FILE="$WORK/cookies"
csrf() { # url: the CSRF token of the form on that page
  curl -fs -b "$JAR_FILE" -c "$JAR_FILE" "$1" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1
}
token=$(csrf "$A/login")
curl -fs -o /dev/null -b "$JAR_FILE" -c "$JAR_FILE" --data-urlencode "_csrf=$token" \
  --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" "$A/login"
curl -fs -o "$WORK/new.html" -b "$JAR_FILE" -c "$JAR_FILE" "$A/admin/articles/new" \
  || { echo "Could not sign in on node A; see $BENCH_DIR/app-fresh-a.log" >&2; exit 1; }
token=$(sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' "$WORK/new.html" | head -1)
section=$(tr '\n' ' ' <"$WORK/new.html" | grep -o '<select[^>]*name="sectionId".*</select>' \
  | grep -o '<option value="[0-9][0-9]*"' | head -1 | grep -o '[0-9][0-9]*')
[[ -n "$token" && -n "$section" ]] || { echo "No CSRF token or section on the new-article form" >&2; exit 1; }

post() { # path field=value...: prints the redirect's target
  local path=$1 args=()
  shift
  for field in "$@"; do args+=(--data-urlencode "$field"); done
  curl -s -o /dev/null -w '%{redirect_url}' -b "$JAR_FILE" -c "$JAR_FILE" --data-urlencode "_csrf=$token" \
    "${args[@]}" "$A$path"
}
draft() { # title: creates a draft, prints its id
  local location
  location=$(post /admin/articles "title=$1" "sectionId=$section" "authorIds[0]=" \
    "bodyMarkdown=A paragraph written to measure how soon readers of every node see it.")
  [[ $location =~ /admin/articles/([0-9]+)$ ]] || { echo "Creating a draft failed (redirect: '$location')" >&2; exit 1; }
  echo "${BASH_REMATCH[1]}"
}
now_ms() { echo $((${EPOCHREALTIME/./} / 1000)); }
# Polls a URL until its page contains the text; prints the moment it did (ms since the epoch), or "timeout".
poll_until() { # url text
  local deadline=$(($(now_ms) + TIMEOUT * 1000))
  while (($(now_ms) < deadline)); do
    if curl -s "$1" | grep -qF -- "$2"; then
      now_ms
      return
    fi
    sleep "$POLL"
  done
  echo timeout
}
warm() { # url: rendered and kept in that node's cache; the third request's time goes to $WORK/warm (a page from
  # the cache takes a millisecond or two, a rendered one 20 ms or more)
  curl -s -o /dev/null "$1"
  curl -s -o /dev/null "$1"
  curl -s -o /dev/null -w '%{time_total}\n' "$1" | awk '{ printf "%.1f\n", $1 * 1000 }' >>"$WORK/warm"
}
summary() { # file of ms values (or "timeout")
  local timeouts
  timeouts=$(grep -c timeout "$1" || true)
  grep -v timeout "$1" | sort -n | awk -v t="$timeouts" '
    { v[NR] = $1; s += $1 }
    END {
      if (NR == 0) { printf "no figure (%d timeouts)", t; exit }
      printf "p50 %d ms, max %d ms, min %d ms (%d runs", v[int(NR * 0.5 + 0.5)], v[NR], v[1], NR
      if (t > 0) printf ", %d timeouts", t
      printf ")"
    }'
}

say "## Freshness across nodes, $(date -u '+%Y-%m-%d %H:%M UTC')"
say ""
say "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; two nodes ($HEAP, page cache on)"
say "on one PostgreSQL; B polled with curl every ${POLL}s plus curl's own time; $REPEAT runs of each measure."
say ""

run=$RUN_AT
: >"$WORK/publish"
: >"$WORK/publish-request"
: >"$WORK/publish-after"
: >"$WORK/edit"
: >"$WORK/scheduled-a"
: >"$WORK/scheduled-b"
: >"$WORK/warm"
for i in $(seq 1 "$REPEAT"); do
  # (a) publish on A, B's front page
  title="Freshness $run publish $i"
  id=$(draft "$title")
  warm "$B/"
  curl -s "$B/" | grep -qF -- "$title" && { echo "B shows a draft" >&2; exit 1; }
  sleep 0.2
  t0=$(now_ms)
  post "/admin/articles/$id/publish" >/dev/null
  t1=$(now_ms)
  seen=$(poll_until "$B/" "$title")
  echo $((t1 - t0)) >>"$WORK/publish-request"
  [[ $seen == timeout ]] && echo timeout >>"$WORK/publish" || echo $((seen - t0)) >>"$WORK/publish"
  [[ $seen == timeout ]] && echo timeout >>"$WORK/publish-after" || echo $((seen - t1)) >>"$WORK/publish-after"

  # (a') an edit of the published article's title on A, B's article page
  curl -s -b "$JAR_FILE" -c "$JAR_FILE" "$A/admin/articles/$id" >"$WORK/edit.html"
  slug=/articles/$(sed -n 's/.*name="slug"[^>]*value="\([^"]*\)".*/\1/p' "$WORK/edit.html" | head -1)
  revision=$(sed -n 's/.*name="revision"[^>]*value="\([0-9]*\)".*/\1/p' "$WORK/edit.html" | head -1)
  version=$(sed -n 's/.*name="version"[^>]*value="\([0-9]*\)".*/\1/p' "$WORK/edit.html" | head -1)
  warm "$B$slug"
  new_title="Freshness $run edited $i"
  sleep 0.2
  t0=$(now_ms)
  post "/admin/articles/$id" "title=$new_title" "slug=${slug#/articles/}" "sectionId=$section" "authorIds[0]=" \
    "bodyMarkdown=A paragraph written to measure how soon readers of every node see it." \
    "revision=$revision" "version=$version" >/dev/null
  seen=$(poll_until "$B$slug" "$new_title")
  [[ $seen == timeout ]] && echo timeout >>"$WORK/edit" || echo $((seen - t0)) >>"$WORK/edit"

  # (b) schedule on A for a whole second AHEAD seconds from now; A's and B's front pages
  title="Freshness $run scheduled $i"
  id=$(draft "$title")
  at_s=$(($(date +%s) + AHEAD + 1))
  post "/admin/articles/$id/schedule" "date=$(TZ=$ZONE date -d "@$at_s" +%F)" "time=$(TZ=$ZONE date -d "@$at_s" +%T)" \
    >/dev/null # (a schedule refused would show as a timeout below)
  sleep 0.3 # B's cache was just cleared by the schedule's own notification: fill it again
  curl -s -o /dev/null "$A/"
  curl -s -o /dev/null "$A/"
  warm "$B/"
  poll_until "$A/" "$title" >"$WORK/seen-a" &
  poll_a=$!
  seen=$(poll_until "$B/" "$title")
  wait "$poll_a"
  seen_a=$(cat "$WORK/seen-a")
  [[ $seen == timeout ]] && echo timeout >>"$WORK/scheduled-b" || echo $((seen - at_s * 1000)) >>"$WORK/scheduled-b"
  [[ $seen_a == timeout ]] && echo timeout >>"$WORK/scheduled-a" || echo $((seen_a - at_s * 1000)) >>"$WORK/scheduled-a"
  echo "run $i: publish $(tail -1 "$WORK/publish") ms, edit $(tail -1 "$WORK/edit") ms, scheduled A $(tail -1 "$WORK/scheduled-a") / B $(tail -1 "$WORK/scheduled-b") ms"
done

say "| what | delay | target |"
say "|---|---|---|"
say "| publish on A → B's front page shows it (from the click: the publish request's start) | $(summary "$WORK/publish") | ≤ 1 s |"
say "| (the publish request on A itself) | $(summary "$WORK/publish-request") | |"
say "| publish on A → B's front page, from the moment A answered the publish request (committed) | $(summary "$WORK/publish-after") | |"
say "| title edited on A → B's article page shows it (from the save request's start) | $(summary "$WORK/edit") | ≤ 1 s |"
say "| scheduled article → A's front page, after its moment | $(summary "$WORK/scheduled-a") | ≤ 1 s |"
say "| scheduled article → B's front page, after its moment | $(summary "$WORK/scheduled-b") | ≤ 1 s |"
say ""
say "Before each change, the page polled on B was in B's cache: its last request before the change took $(sort -n "$WORK/warm" | awk '{ v[NR] = $1 } END { printf "%.1f ms (p50), %.1f ms (max)", v[int(NR * 0.5 + 0.5)], v[NR] }') (a rendered page takes 20 ms or more)."
say "Every run (ms): publish $(tr '\n' ' ' <"$WORK/publish"); edit $(tr '\n' ' ' <"$WORK/edit");"
say "scheduled A $(tr '\n' ' ' <"$WORK/scheduled-a"); scheduled B $(tr '\n' ' ' <"$WORK/scheduled-b")."
for name in a b; do
  n=$(grep -c 'OutOfMemoryError\|ERROR' "$BENCH_DIR/app-fresh-$name.log" || true)
  say "Errors in node $(echo "$name" | tr a-z A-Z)'s log: $n."
done
say ""
[[ -n $OWN_REPORT ]] || echo "Report: $REPORT"
