#!/usr/bin/env bash
# Gateway overhead: requests/s and p50/p99 of an authenticated GET of a user, through the gateway and directly
# against user-service, in one run, with wrk (Debian package `wrk`). The stack must be up (./repitbot up); the
# gateway's rate limit must be high enough not to answer 429 (start the stack with RATE_LIMIT_REQUESTS=100000000).
# Each target is warmed first (WARMUP seconds, default 60: the gateway's JIT needs about a minute of traffic before
# it stops compiling; a 5 s warm-up measured mostly the compiler).
# Usage: [WARMUP=60] tests/load/gateway-overhead.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH="${1:-20}"
CONNECTIONS="${2:-16}"
WARMUP="${WARMUP:-60}"
STATE="${REPITBOT_HOME:-.repitbot}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
get() { sed -n "s/^$1=//p" "$STATE/demo.env"; }
code="$(get DEMO_ADMIN_CODE)"; tg="$(get DEMO_ADMIN_TELEGRAM_ID)"; admin="$(get DEMO_ADMIN_ID)"
token="$(curl -sf http://127.0.0.1:8000/api/v1/auth/login -H 'Content-Type: application/json' \
  -d "{\"access_code\":\"$code\",\"telegram_id\":$tg}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
[ -n "$token" ] || { echo "login failed" >&2; exit 1; }
path="/api/v1/users/$admin"
for target in "gateway http://127.0.0.1:8000" "direct http://127.0.0.1:8001"; do
  set -- $target
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "$2$path" || { echo "$1: GET $path failed" >&2; exit 1; }
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -H "Authorization: Bearer $token" "$2$path" >/dev/null   # warm-up
  out="$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -H "Authorization: Bearer $token" "$2$path")"
  rps="$(printf '%s\n' "$out" | awk '/Requests\/sec/ {print $2}')"
  p50="$(printf '%s\n' "$out" | awk '$1=="50%" {print $2}')"
  p99="$(printf '%s\n' "$out" | awk '$1=="99%" {print $2}')"
  non2xx="$(printf '%s\n' "$out" | awk '/Non-2xx/ {print $NF}')"
  printf '%-8s rps=%s p50=%s p99=%s non2xx=%s\n' "$1" "$rps" "$p50" "$p99" "${non2xx:-0}"
done
