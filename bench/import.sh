#!/usr/bin/env bash
# Archive import speed and memory: generates a WordPress export of POSTS posts (bench/generate-wxr.py) and imports it
# through the command line (dry run, then the import) into a fresh embedded PostgreSQL, with a capped heap and a GC
# log. Reports posts per second and the heap's peak. Not part of ./mvnw verify. Figures: docs/benchmarks.md.
#
#   bench/import.sh                 # 10,000 posts, -Xmx256m
#   POSTS=2000 bench/import.sh      # a short run
#   DURABLE=1 bench/import.sh       # a fresh database folder with PostgreSQL's durable settings, as in production
#
# Settings (environment): POSTS (10000), HEAP (-Xmx256m), BENCH_DIR (./data/bench-import), DURABLE (0: a throwaway
# database without fsync), APP (the checkout whose compiled classes run: this one; another one, compiled, to measure
# an older commit with the same script, see bench/import-compare.sh), JAVA_OPTS (extra JVM options: a recording).
set -euo pipefail
cd "$(dirname "$0")/.."
APP=${APP:-.}
APP=$(cd "$APP" && pwd)

POSTS=${POSTS:-10000}
HEAP=${HEAP:--Xmx256m}
BENCH_DIR=${BENCH_DIR:-./data/bench-import}
mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
WXR="$BENCH_DIR/posts-$POSTS.xml"

if [[ ! -f "$WXR" ]]; then
  echo "Generating $POSTS posts..."
  python3 bench/generate-wxr.py "$POSTS" "$WXR"
fi
echo "WXR: $WXR ($(du -h "$WXR" | cut -f1))"

if [[ ! -f "$BENCH_DIR/classpath.txt" || ! -d "$APP/target/classes" ]]; then
  (cd "$APP" && ./mvnw -B -q -Dspotless.check.skip=true compile dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$BENCH_DIR/classpath.txt")
fi

GC_LOG="$BENCH_DIR/gc-$POSTS.log"
OUT="$BENCH_DIR/import-$POSTS.txt"
rm -f "$GC_LOG"
if [[ "${DURABLE:-0}" == 1 ]]; then
  DB_DIR="$BENCH_DIR/db-$$"
  rm -rf "$DB_DIR"
  trap 'rm -rf "$DB_DIR"' EXIT
  DB_ARGS=(--masthead.embedded-db.ephemeral=false "--masthead.embedded-db.dir=$DB_DIR")
else
  DB_ARGS=(--masthead.embedded-db.ephemeral=true)
fi
START=$(date +%s.%N)
# shellcheck disable=SC2086
java $HEAP ${JAVA_OPTS:-} -Xlog:gc:file="$GC_LOG" -cp "$APP/target/classes:$(cat "$BENCH_DIR/classpath.txt")" \
  org.masthead.MastheadApplication import wordpress "$WXR" "${DB_ARGS[@]}" --logging.level.root=WARN \
  --logging.level.org.masthead.archive=WARN | tee "$OUT" | grep -E "^(Dry run|Imported|articles|problems)"
END=$(date +%s.%N)

# the heap used before each collection (its peak) and after (what stays live), from the GC log
PEAK=$(grep -oE '[0-9]+M->[0-9]+M' "$GC_LOG" | cut -d- -f1 | tr -d M | sort -n | tail -1)
LIVE=$(grep -oE '[0-9]+M->[0-9]+M' "$GC_LOG" | cut -d'>' -f2 | tr -d M | sort -n | tail -1)
echo
echo "posts: $POSTS; heap $HEAP; durable: ${DURABLE:-0}; classes: $APP; whole command (start, dry run, import, stop): $(echo "$END - $START" | bc) s"
grep -E "^Imported" "$OUT"
echo "heap peak before a collection: ${PEAK:-?} MB; largest after a collection: ${LIVE:-?} MB (GC log: $GC_LOG)"
