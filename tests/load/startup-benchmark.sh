#!/usr/bin/env bash
# Cold start of the whole stack: from all stopped, how long `./repitbot up --no-build` takes until every deployable
# answers UP on /health, and how much memory (RSS) the JVMs then hold. Runs it N times (default 3) and prints a
# table; docs/performance.md records the results.
#
#   tests/load/startup-benchmark.sh [--runs N] [--state-dir DIR]
#
# Uses the launcher's state directory (REPITBOT_HOME or .repitbot, or --state-dir) and its settings (.env), so it
# measures what a user gets; it stops a running stack first and leaves the stack stopped. One untimed start first
# prepares what a first start prepares once (unpacked jars, JVM caches) and is reported separately.
# REPITBOT_JVM_CACHE=aot|cds|off compares the class-data caches.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
RUNS=3
STATE_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift ;;
    --state-dir) STATE_ARGS=(--state-dir "$2"); export REPITBOT_HOME="$2"; shift ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
STATE="${REPITBOT_HOME:-$ROOT/.repitbot}"
LAUNCHER=("$ROOT/repitbot" "${STATE_ARGS[@]+"${STATE_ARGS[@]}"}")
OUT="$ROOT/tests/load/target/startup-benchmark"
mkdir -p "$OUT"

# Sum of the RSS (KiB) and of the CPU time (clock ticks) of this state dir's JVMs (deployables and, when used, the
# embedded infrastructure). CPU time says how much work a start is, whatever else the machine is doing.
usage_of_stack() {
  local rss_total=0 cpu_total=0 count=0 f pid rss cpu
  for f in "$STATE"/pids/*.pid; do
    [ -f "$f" ] || continue
    pid="$(cat "$f")"
    # Only our JVMs (a stale pid file may name a reused pid).
    case "$(ps -ww -o args= -p "$pid" 2>/dev/null || true)" in *-Drepitbot.deployable=*) ;; *) continue ;; esac
    rss="$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ' || true)"
    [ -n "$rss" ] || continue
    cpu="$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)"
    rss_total=$((rss_total + rss))
    cpu_total=$((cpu_total + cpu))
    count=$((count + 1))
  done
  printf '%s %s %s' "$count" "$rss_total" "$cpu_total"
}

millis() { date +%s%3N; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
echo "java:    $("${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -version 2>&1 | head -n 1)"
echo "cache:   REPITBOT_JVM_CACHE=${REPITBOT_JVM_CACHE:-auto}; heap REPITBOT_JVM_HEAP=${REPITBOT_JVM_HEAP:-256m}"
echo "state:   $STATE"
echo

"${LAUNCHER[@]}" down >/dev/null
start="$(millis)"
"${LAUNCHER[@]}" up --no-build --no-demo >"$OUT/prepare.log" 2>&1 || { tail -n 40 "$OUT/prepare.log"; exit 1; }
echo "first start (unpacks changed jars): $(( ($(millis) - start) / 1000 )) s  (log: $OUT/prepare.log)"
# The launcher trains missing JVM caches in the background after a start: let it finish (that is the state of
# every start after the first).
trainer="$(cat "$STATE/pids/aot-trainer.pid" 2>/dev/null || true)"
if [ -n "$trainer" ] && kill -0 "$trainer" 2>/dev/null; then
  start="$(millis)"
  while kill -0 "$trainer" 2>/dev/null; do sleep 2; done
  echo "background JVM-cache training: $(( ($(millis) - start) / 1000 )) s more"
fi
"${LAUNCHER[@]}" down >/dev/null

results=()
for run in $(seq 1 "$RUNS"); do
  sleep 5 # let the machine settle after the previous stop
  load="$(cut -d' ' -f1 /proc/loadavg)"
  start="$(millis)"
  if ! "${LAUNCHER[@]}" up --no-build --no-demo >"$OUT/run-$run.log" 2>&1; then
    tail -n 40 "$OUT/run-$run.log"
    "${LAUNCHER[@]}" down >/dev/null || true
    exit 1
  fi
  elapsed=$(( $(millis) - start ))
  read -r _ _ cpu_ticks <<<"$(usage_of_stack)"
  sleep 2 # RSS once the start-up work has settled
  read -r jvms rss_kib _ <<<"$(usage_of_stack)"
  results+=("$run $elapsed $jvms $rss_kib $cpu_ticks $load")
  "${LAUNCHER[@]}" down >/dev/null
done

echo
TICKS="$(getconf CLK_TCK)"
printf '%-5s %-8s %-6s %-15s %-16s %s\n' run "up (s)" JVMs "RSS sum (MiB)" "JVM CPU sum (s)" "load before"
for r in "${results[@]}"; do
  read -r run elapsed jvms rss_kib cpu_ticks load <<<"$r"
  printf '%-5s %-8s %-6s %-15s %-16s %s\n' "$run" "$(awk -v m="$elapsed" 'BEGIN {printf "%.1f", m/1000}')" "$jvms" \
    "$(awk -v k="$rss_kib" 'BEGIN {printf "%.0f", k/1024}')" "$(awk -v t="$cpu_ticks" -v h="$TICKS" 'BEGIN {printf "%.0f", t/h}')" "$load"
done
