#!/usr/bin/env bash
# Makes RepitBot's local base image: a minimal Debian bookworm (debootstrap --variant=minbase) with a jlink'd Java 25
# runtime in /opt/java/openjdk (where eclipse-temurin images keep theirs), CA certificates, tzdata, bash and the
# non-root user 65532 — written as a `docker save` tar that Jib reads as its base (jib.from.image=tar://…).
#
# Used where no image registry is reachable (this project's build machines, CI); users build on the default
# eclipse-temurin:25-jre. The tar is cached outside the checkout, named by the hash of this script and of the JDK it
# links, and rebuilt only when one of them changes. Prints the tar's path as its last line.
#
#   infrastructure/images/build-base.sh            # build (or reuse) the base; needs root and debootstrap
#   infrastructure/images/build-base.sh --path     # only print where the tar for this script is (built or not)
#
# Settings (environment): REPITBOT_BASE_JDK (a JDK 25 with jmods; default $JAVA_HOME), REPITBOT_BASE_MIRROR
# (default http://deb.debian.org/debian), XDG_CACHE_HOME.
set -euo pipefail

SUITE=bookworm
MIRROR="${REPITBOT_BASE_MIRROR:-http://deb.debian.org/debian}"
JDK="${REPITBOT_BASE_JDK:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}"
# What the deployables need: `jdeps -s` over user-service's jars (README.md here) named java.base, java.compiler,
# java.desktop (java.beans: Spring's bean introspection), java.instrument, java.logging, java.management,
# java.naming, java.net.http, java.prefs, java.scripting, java.security.jgss, java.security.sasl, java.sql,
# java.sql.rowset, java.transaction.xa, java.xml, jdk.jfr, jdk.management, jdk.unsupported. Added for what is found
# by name at run time, which jdeps cannot see: jdk.localedata (Russian dates and numbers), jdk.charsets, jdk.crypto.ec,
# jdk.naming.dns, jdk.net (Netty's socket options), jdk.zipfs. Checked by starting services on it (the images test).
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.prefs,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.sql.rowset,\
java.transaction.xa,java.xml,jdk.charsets,jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,\
jdk.unsupported,jdk.zipfs
LOCALES=en,ru
USER_ID=65532

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/repitbot/images"
jdk_release="$(grep -h '^JAVA_RUNTIME_VERSION=' "$JDK/release" 2>/dev/null | cut -d'"' -f2 || true)"
hash="$( { cat "${BASH_SOURCE[0]}"; printf '%s\n' "$jdk_release"; } | sha256sum | cut -c1-16)"
out="$cache/base-$hash.tar"

if [ "${1:-}" = --path ]; then
  printf '%s\n' "$out"
  exit 0
fi
if [ -s "$out" ]; then
  echo "base image up to date: $out" >&2
  printf '%s\n' "$out"
  exit 0
fi

die() { echo "build-base.sh: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "needs root (debootstrap chroots and creates files owned by root)"
command -v debootstrap >/dev/null || die "needs debootstrap (apt-get install debootstrap)"
[ -x "$JDK/bin/jlink" ] || die "needs a JDK 25 (with jlink): set REPITBOT_BASE_JDK (now $JDK)"
case "$jdk_release" in 25*) ;; *) die "the runtime must be Java 25, $JDK is '$jdk_release'" ;; esac

mkdir -p "$cache"
work="$(mktemp -d "$cache/.base-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"

started=$(date +%s)
echo "debootstrap $SUITE (minbase) from $MIRROR ..." >&2
debootstrap --variant=minbase --include=ca-certificates,tzdata \
  "$SUITE" "$rootfs" "$MIRROR" >"$work/debootstrap.log" 2>&1 \
  || { tail -30 "$work/debootstrap.log" >&2; die "debootstrap failed (log above)"; }
debootstrapped=$(date +%s)
echo "  debootstrap took $((debootstrapped - started)) s" >&2

echo "jlink Java $jdk_release ($MODULES) ..." >&2
# A JDK without jmods/ (Temurin 25) links from its own run-time image (JEP 493).
module_path=()
[ -d "$JDK/jmods" ] && module_path=(--module-path "$JDK/jmods")
"$JDK/bin/jlink" "${module_path[@]+"${module_path[@]}"}" --add-modules "$MODULES" --include-locales="$LOCALES" \
  --strip-debug --no-man-pages --no-header-files --compress=zip-6 --generate-cds-archive \
  --output "$rootfs/opt/java/openjdk"

# The user the applications run as (distroless' "nonroot" number), its home for Java's user.home.
echo "nonroot:x:$USER_ID:$USER_ID:RepitBot:/home/nonroot:/usr/sbin/nologin" >>"$rootfs/etc/passwd"
echo "nonroot:x:$USER_ID:" >>"$rootfs/etc/group"
echo "nonroot:!*:19000::::::" >>"$rootfs/etc/shadow"
install -d -m 0700 -o "$USER_ID" -g "$USER_ID" "$rootfs/home/nonroot"
ln -sf /usr/share/zoneinfo/Etc/UTC "$rootfs/etc/localtime"
echo Etc/UTC >"$rootfs/etc/timezone"

# Nothing a running service needs: documentation, manuals, translations, package lists and caches, logs, the
# machine's identity, device nodes (a container runtime mounts its own /dev).
rm -rf "$rootfs"/usr/share/{doc,man,info,lintian,linda,locale,common-licenses}/* \
  "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/cache/debconf/*-old \
  "$rootfs"/var/cache/ldconfig/* "$rootfs"/var/log/* "$rootfs"/var/lib/dpkg/*-old \
  "$rootfs"/dev/* "$rootfs"/proc/* "$rootfs"/sys/* "$rootfs"/run/* "$rootfs"/tmp/* "$rootfs"/root/.[!.]* 2>/dev/null || true
: >"$rootfs/etc/machine-id"
rm -f "$rootfs/etc/hostname" "$rootfs/etc/resolv.conf"

# One layer, reproducible for the same files: sorted, numeric owners, fixed times; then the docker-save wrapping.
image="$work/image"
mkdir -p "$image"
tar --create --file "$image/layer.tar" --directory "$rootfs" --sort=name --numeric-owner --mtime=@0 \
  --format=posix --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime .
diff_id="sha256:$(sha256sum "$image/layer.tar" | cut -d' ' -f1)"
gzip -n -6 "$image/layer.tar"
debian_version="$(cat "$rootfs/etc/debian_version")"
cat >"$image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"$USER_ID:$USER_ID","WorkingDir":"/",
  "Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
         "JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8","TZ=Etc/UTC"],
  "Labels":{"org.opencontainers.image.title":"repitbot-base",
   "org.opencontainers.image.description":"Debian $debian_version (minbase) + jlink'd Java $jdk_release",
   "org.opencontainers.image.base.name":"debian:$SUITE"}},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"infrastructure/images/build-base.sh $hash"}]}
JSON
cat >"$image/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["repitbot/base:$hash"],"Layers":["layer.tar.gz"]}]
JSON
tar --create --file "$work/base.tar" --directory "$image" --sort=name --numeric-owner --mtime=@0 \
  --owner=0 --group=0 manifest.json config.json layer.tar.gz
mv "$work/base.tar" "$out"

echo "  base image: $(du -m "$out" | cut -f1) MB compressed, $(du -sm "$rootfs" | cut -f1) MB unpacked" \
  "(Java runtime $(du -sm "$rootfs/opt/java/openjdk" | cut -f1) MB), built in $(($(date +%s) - started)) s" >&2
printf '%s\n' "$out"
