#!/usr/bin/env bash
# Prints the size of each deployable's image (docs/performance.md, "Image sizes") from the image tars that
# `./mvnw -Pimages package` left in target/: the application's layers (Jib's: dependencies, project dependencies,
# resources, classes, JVM argument file, extra files) and the whole image, compressed as a registry stores and sends
# them, on the base the tar was built on and on eclipse-temurin:25-jre.
#
#   infrastructure/images/sizes.sh [TEMURIN_BYTES]
#
# TEMURIN_BYTES: the compressed size of eclipse-temurin:25-jre (linux/amd64) — no registry is reachable on this
# project's machines, so it is taken from the image's published record (README.md here says which).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
temurin="${1:-123138422}"
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000000 }'; }

printf '| deployable | app layers | largest app layer | image on the local base | image on eclipse-temurin:25-jre |\n'
printf '|---|---:|---|---:|---:|\n'
for module in services/user-service services/auth-service services/lesson-service services/homework-service \
  services/payment-service services/notification-service services/material-service services/analytics-service \
  services/achievement-service services/scheduler-service api-gateway telegram-bot; do
  tar_file="$root/$module/target/jib-image.tar"
  if [ ! -f "$tar_file" ]; then
    printf '| %s | (no target/jib-image.tar) | | | |\n' "${module##*/}"
    continue
  fi
  # Jib's history names each layer it made; the base's layers come first and are not Jib's.
  python3 - "$tar_file" "${module##*/}" "$temurin" <<'PY'
import json, sys, tarfile
path, name, temurin = sys.argv[1], sys.argv[2], int(sys.argv[3])
with tarfile.open(path) as t:
    read = lambda n: json.load(t.extractfile(n))
    index = read("index.json")
    manifest = read("blobs/sha256/" + index["manifests"][0]["digest"].split(":")[1])
    config = read("blobs/sha256/" + manifest["config"]["digest"].split(":")[1])
history = [h for h in config["history"] if not h.get("empty_layer")]
layers = list(zip(history, manifest["layers"]))
app = [(h.get("comment", "?"), l["size"]) for h, l in layers if h.get("author") == "Jib"]
base = sum(l["size"] for h, l in layers if h.get("author") != "Jib")
app_bytes = sum(s for _, s in app)
largest = max(app, key=lambda a: a[1])
mb = lambda b: "%.1f MB" % (b / 1e6)
print(f"| {name} | {mb(app_bytes)} | {largest[0]} {mb(largest[1])} | {mb(base + app_bytes)} | {mb(temurin + app_bytes)} |")
PY
done
