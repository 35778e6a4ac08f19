# Shared by bench/pages.sh and bench/freshness.sh (sourced, not run): the application jar, the kept PostgreSQL
# servers, waiting for an app, the report's lines, and stopping what a script started. The script sets BENCH_DIR
# (an absolute path) and REPORT before it calls them, and adds each process it starts to PIDS.

PIDS=()

# Stops every process in PIDS and waits for it (a script's cleanup calls it on exit).
stop_started() {
  for pid in "${PIDS[@]:-}"; do
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}"; do
    [[ -n "$pid" ]] && wait "$pid" 2>/dev/null || true
  done
}

# A line of the report, shown as it is written.
say() { echo "$*" | tee -a "$REPORT"; }

# The application jar (no embedded-PostgreSQL binaries in it: the databases are servers of their own): JAR if set,
# else built from this tree.
ensure_jar() {
  if [[ -z "${JAR:-}" ]]; then
    echo "Building the jar..."
    ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package
    JAR=$(ls target/masthead-*.jar | grep -v '\.original$' | head -1)
  fi
}

# The test classes and their class path, for org.masthead.testing.BenchDatabase. The class path goes through an
# argument file ($BENCH_DIR/java.args): a short command line, which a broad "pkill -f" is less likely to hit.
ensure_test_classpath() {
  if [[ ! -f target/test-classes/org/masthead/testing/BenchDatabase.class || ! -f "$BENCH_DIR/classpath.txt" ]]; then
    ./mvnw -B -q -Dspotless.check.skip=true test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$BENCH_DIR/classpath.txt"
  fi
  echo "-cp target/test-classes:$(cat "$BENCH_DIR/classpath.txt")" >"$BENCH_DIR/java.args"
}

# The embedded server's own binaries on the kept data folder $BENCH_DIR/pg-NAME, on PORT, until it says it is ready.
start_pg() { # name port
  java @"$BENCH_DIR/java.args" org.masthead.testing.BenchDatabase \
    "$BENCH_DIR/pg-$1" "$2" >"$BENCH_DIR/pg-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    grep -qs "PostgreSQL ready" "$BENCH_DIR/pg-$1.log" && return
    sleep 0.5
  done
  echo "PostgreSQL ($1) did not start; see $BENCH_DIR/pg-$1.log" >&2
  exit 1
}

# Waits until the app on PORT is ready (a busy machine can take minutes to start it).
wait_ready() { # port
  for _ in $(seq 1 1200); do
    curl -fs "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1 && return
    sleep 0.5
  done
  echo "The app on port $1 did not start; see $BENCH_DIR/app-*.log" >&2
  exit 1
}
