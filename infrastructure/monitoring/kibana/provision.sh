#!/bin/sh
# Provisions Kibana for RepitBot's logs: the data view "repitbot-*" (time field @timestamp; trace.id links to Jaeger)
# and a saved search of warnings and errors, from repitbot-logs.ndjson, through Kibana's saved objects import API.
# Idempotent (overwrite=true). Runs in the one-shot "kibana-setup" container (image curlimages/curl) of the
# monitoring profile, or by hand:  KIBANA_URL=http://127.0.0.1:5601 sh infrastructure/monitoring/kibana/provision.sh
#
#   KIBANA_URL        Kibana's base URL (default http://kibana:5601)
#   JAEGER_URL        Jaeger UI as a browser reaches it, for the trace.id links (default http://localhost:16686)
#   KIBANA_USERNAME / KIBANA_PASSWORD   basic auth, when Elasticsearch security is on
#   KIBANA_WAIT_SECONDS  how long to wait for Kibana to be available (default 300), asking every
#   KIBANA_POLL_SECONDS  (default 5)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
kibana=${KIBANA_URL:-http://kibana:5601}
kibana=${kibana%/}
jaeger=${JAEGER_URL:-http://localhost:16686}
jaeger=${jaeger%/}
wait_seconds=${KIBANA_WAIT_SECONDS:-300}
poll_seconds=${KIBANA_POLL_SECONDS:-5}

auth=""
if [ -n "${KIBANA_USERNAME:-}" ]; then
  auth="${KIBANA_USERNAME}:${KIBANA_PASSWORD:-}"
fi

kcurl() {
  if [ -n "$auth" ]; then
    curl -sS -u "$auth" -H 'kbn-xsrf: repitbot' "$@"
  else
    curl -sS -H 'kbn-xsrf: repitbot' "$@"
  fi
}

echo "kibana-setup: waiting for $kibana (up to ${wait_seconds}s)"
waited=0
until kcurl -f -o /dev/null "$kibana/api/status" 2>/dev/null; do
  if [ "$waited" -ge "$wait_seconds" ]; then
    echo "kibana-setup: $kibana did not answer within ${wait_seconds}s" >&2
    exit 1
  fi
  sleep "$poll_seconds"
  waited=$((waited + poll_seconds))
done

objects=$(mktemp)
trap 'rm -f "$objects"' EXIT
# The Jaeger address is a deployment's, not the file's.
sed "s|__JAEGER_URL__|$jaeger|g" "$here/repitbot-logs.ndjson" > "$objects"

answer=$(kcurl -f -H "Expect:" -X POST "$kibana/api/saved_objects/_import?overwrite=true" \
  -F "file=@$objects;filename=repitbot-logs.ndjson")
case "$answer" in
  *'"success":true'*)
    echo "kibana-setup: data view repitbot-* and the warnings search are in place" ;;
  *)
    echo "kibana-setup: the import was refused: $answer" >&2
    exit 1 ;;
esac
