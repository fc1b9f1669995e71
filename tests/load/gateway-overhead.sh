#!/usr/bin/env bash
# Gateway overhead: requests/s and p50/p99 of an authenticated GET of a user, through the gateway and directly
# against user-service, in one run, with wrk (Debian package `wrk`). The stack must be up (./repitbot up); the
# gateway's rate limit must be high enough not to answer 429 (start the stack with RATE_LIMIT_REQUESTS=100000000).
#
# Two ways of sharing the machine's CPUs (docs/performance.md, "Gateway overhead", says why both):
#   dedicated  user-service and PostgreSQL on the first half of the CPUs, the gateway, Redis and wrk on the other
#              half, in both runs (taskset): the service has the same CPUs with and without the gateway in front,
#              and the gateway has its own, as on separate hosts or pods. This answers "how much of the service's
#              throughput does the gateway keep".
#   shared     nothing pinned: the gateway competes with the service for the same cores. This answers "how much
#              CPU does the gateway cost compared with the service".
# 64 connections by default: the question is throughput, so the side that limits it must be busy all the time; with
# 16, the requests waiting in the gateway and in Redis leave the service's CPU partly idle (latency-bound).
# Each target is warmed first (WARMUP seconds, default 60: the gateway's JIT needs about a minute of traffic before
# it stops compiling; a 5 s warm-up measured mostly the compiler). The CPU each side spent per request comes from
# /proc/PID/stat before and after the measured run. Affinities are put back to all CPUs at the end.
# Usage: [WARMUP=60] [MODES="dedicated shared"] tests/load/gateway-overhead.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH="${1:-20}"
CONNECTIONS="${2:-64}"
WARMUP="${WARMUP:-60}"
MODES="${MODES:-dedicated shared}"
STATE="${REPITBOT_HOME:-.repitbot}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
get() { sed -n "s/^$1=//p" "$STATE/demo.env"; }
pid_of() { cat "$STATE/pids/$1.pid" 2>/dev/null || true; }
code="$(get DEMO_ADMIN_CODE)"; tg="$(get DEMO_ADMIN_TELEGRAM_ID)"; admin="$(get DEMO_ADMIN_ID)"
token="$(curl -sf http://127.0.0.1:8000/api/v1/auth/login -H 'Content-Type: application/json' \
  -d "{\"access_code\":\"$code\",\"telegram_id\":$tg}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
[ -n "$token" ] || { echo "login failed" >&2; exit 1; }
path="/api/v1/users/$admin"

gateway_pid="$(pid_of api-gateway)"; service_pid="$(pid_of user-service)"
[ -n "$gateway_pid" ] && [ -n "$service_pid" ] || { echo "api-gateway or user-service is not running" >&2; exit 1; }
# The service's side: user-service and the PostgreSQL it queries; the gateway's side: the gateway and its Redis.
service_side="$service_pid $(pgrep -x postgres | tr '\n' ' ')"
gateway_side="$gateway_pid $(pgrep redis-server | tr '\n' ' ')"
cpus="$(nproc)"; half=$((cpus / 2))
all_cpus="0-$((cpus - 1))"; service_cpus="0-$((half - 1))"; gateway_cpus="$half-$((cpus - 1))"

pin() {   # pin CPUS PID... (every thread of each process; a process we may not touch is reported, not fatal)
  local set="$1"; shift
  for p in "$@"; do taskset -a -p -c "$set" "$p" >/dev/null 2>&1 || echo "  (could not pin pid $p)" >&2; done
}
unpin() { pin "$all_cpus" $service_side $gateway_side; }
trap unpin EXIT
ticks() { local s=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && s=$((s + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$s"; }
hz="$(getconf CLK_TCK)"

for mode in $MODES; do
  case "$mode" in
    dedicated)
      [ "$cpus" -ge 2 ] || { echo "dedicated: needs at least 2 CPUs" >&2; continue; }
      command -v taskset >/dev/null || { echo "dedicated: taskset (util-linux) is needed" >&2; continue; }
      pin "$service_cpus" $service_side; pin "$gateway_cpus" $gateway_side
      client=(taskset -c "$gateway_cpus" wrk)
      echo "dedicated: user-service + PostgreSQL on CPU $service_cpus; gateway + Redis + wrk on CPU $gateway_cpus" ;;
    shared)
      unpin; client=(wrk)
      echo "shared: nothing pinned, $cpus CPUs for everything" ;;
    *) echo "unknown mode $mode" >&2; exit 2 ;;
  esac
  declare -A rps=()
  for target in "gateway http://127.0.0.1:8000" "direct http://127.0.0.1:8001"; do
    set -- $target
    curl -sf -o /dev/null -H "Authorization: Bearer $token" "$2$path" || { echo "$1: GET $path failed" >&2; exit 1; }
    "${client[@]}" -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -H "Authorization: Bearer $token" "$2$path" >/dev/null
    g0="$(ticks $gateway_pid)"; s0="$(ticks $service_side)"
    out="$("${client[@]}" -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -H "Authorization: Bearer $token" "$2$path")"
    g1="$(ticks $gateway_pid)"; s1="$(ticks $service_side)"
    n="$(printf '%s\n' "$out" | awk '/requests in/ {print $1}')"
    rps[$1]="$(printf '%s\n' "$out" | awk '/Requests\/sec/ {print $2}')"
    p50="$(printf '%s\n' "$out" | awk '$1=="50%" {print $2}')"
    p99="$(printf '%s\n' "$out" | awk '$1=="99%" {print $2}')"
    non2xx="$(printf '%s\n' "$out" | awk '/Non-2xx/ {print $NF}')"
    cpu="$(awk -v n="$n" -v hz="$hz" -v g=$((g1 - g0)) -v s=$((s1 - s0)) \
      'BEGIN {printf "cpu/request: gateway %.2f ms, user-service+postgres %.2f ms", g * 1000 / hz / n, s * 1000 / hz / n}')"
    printf '  %-8s rps=%s p50=%s p99=%s non2xx=%s  %s\n' "$1" "${rps[$1]}" "$p50" "$p99" "${non2xx:-0}" "$cpu"
  done
  awk -v g="${rps[gateway]}" -v d="${rps[direct]}" -v m="$mode" \
    'BEGIN {printf "  %s: the gateway keeps %.0f %% of the direct throughput\n", m, 100 * g / d}'
done
