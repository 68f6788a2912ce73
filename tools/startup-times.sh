#!/usr/bin/env bash
# Start-up times of the runnable jar as a new user meets them: `java -jar target/daynight.jar` with no settings,
# timed from the exec to the first 200 of /readyz. A cold start gets a fresh DATA_DIR and a fresh temp folder
# (nothing unpacked yet); the warm starts reuse both. Prints the service's own per-stage lines, then the sizes.
#
#   tools/startup-times.sh [warm starts, default 3]      (run from the checkout, after mvn package)
set -euo pipefail

JAR=${JAR:-target/daynight.jar}
WARM=${1:-3}
PORT=${PORT:-18080}
WORK=$(mktemp -d /tmp/daynight-startup-XXXXXX)
mkdir -p "$WORK/data" "$WORK/tmp" "$WORK/buckets"
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
PID=

now_ms() { date +%s%3N; }

start_once() { # $1: label
  local log="$WORK/$1.log" started ready
  started=$(now_ms)
  DATA_DIR="$WORK/data" BUCKETS_DIR="$WORK/buckets" PORT=$PORT \
    java -Djava.io.tmpdir="$WORK/tmp" -jar "$JAR" >"$log" 2>&1 &
  PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/readyz"; do
    if ! kill -0 "$PID" 2>/dev/null; then echo "$1: the service exited:"; cat "$log"; exit 1; fi
    sleep 0.1
  done
  ready=$(now_ms)
  printf '%-6s %6.1f s to ready (load average %s)\n' "$1" "$(echo "($ready - $started) / 1000" | bc -l)" \
    "$(cut -d' ' -f1 /proc/loadavg)"
  grep -E 'start-up|DayNight ready' "$log" | sed -E 's/^.*(start-up|DayNight ready)/    \1/' || true
  kill "$PID"; wait "$PID" 2>/dev/null || true
  PID=
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
start_once cold
for i in $(seq 1 "$WARM"); do start_once "warm$i"; done
echo "sizes: jar $(du -sh "$JAR" | cut -f1), target/ $(du -sh target | cut -f1)," \
  "DATA_DIR $(du -sh "$WORK/data" | cut -f1), temp folder $(du -sh "$WORK/tmp" | cut -f1)"
