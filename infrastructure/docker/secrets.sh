#!/usr/bin/env bash
# Writes the secrets compose.staging.yml and compose.prod.yml mount, one file each, into infrastructure/docker/secrets/
# (or the directory given as the first argument, or REPITBOT_SECRETS_DIR). Never overwrites a file that exists:
# changing SECRET_KEY later invalidates every access code, changing postgres_password locks the services out of a
# database that already has one, so run it as often as you like.
#
#   infrastructure/docker/secrets.sh                       # generate what is missing
#   TELEGRAM_BOT_TOKEN=123:abc infrastructure/docker/secrets.sh   # also store the token from @BotFather
#   ALERT_SMTP_PASSWORD=… infrastructure/docker/secrets.sh          # and the password of Alertmanager's mail account
#
# The directory is private to you (0700); the files in it are readable by anyone who can reach them (0644), because
# compose bind-mounts them as they are into containers that run as uid 65532 (the deployables) or 70 (PostgreSQL).
# Needs openssl.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${1:-${REPITBOT_SECRETS_DIR:-$here/secrets}}"
command -v openssl >/dev/null || { echo "secrets.sh needs openssl" >&2; exit 1; }

mkdir -p "$dir"
chmod 0700 "$dir"

created=()
write() { # name generator...
  local name="$1" file="$dir/$1"
  shift
  [ -e "$file" ] && return 0
  local tmp="$file.tmp.$$"
  ( umask 022 && "$@" >"$tmp" )
  chmod 0644 "$tmp"
  mv "$tmp" "$file"
  created+=("$name")
}

random_hex() { openssl rand -hex 32; }
# 6 to 10 of A-Z0-9 (user-service's rule): 8 characters from 32 letters and digits.
access_code() {
  local alphabet=ABCDEFGHJKLMNPQRSTUVWXYZ23456789 code="" byte
  for byte in $(openssl rand 8 | od -An -tu1); do
    code+="${alphabet:$((byte % 32)):1}"
  done
  printf '%s\n' "$code"
}
# PKCS#8 PEM, RSA 2048: what auth-service signs tokens with (JWT_PRIVATE_KEY).
signing_key() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null; }
# Empty without TELEGRAM_BOT_TOKEN: the bot and the delivery engine then stay idle.
telegram_token() { if [ -n "${TELEGRAM_BOT_TOKEN:-}" ]; then printf '%s\n' "$TELEGRAM_BOT_TOKEN"; fi; }
# Empty without ALERT_SMTP_PASSWORD: Alertmanager (the monitoring profile) then cannot send mail.
smtp_password() { if [ -n "${ALERT_SMTP_PASSWORD:-}" ]; then printf '%s\n' "$ALERT_SMTP_PASSWORD"; fi; }

write postgres_password random_hex
write secret_key random_hex
write jwt_private_key signing_key
write admin_access_code access_code
write telegram_webhook_secret random_hex
write telegram_bot_token telegram_token
write alert_smtp_password smtp_password
for deployable in user-service auth-service lesson-service homework-service payment-service notification-service \
  material-service analytics-service achievement-service scheduler-service api-gateway telegram-bot; do
  write "${deployable//-/_}_secret_key" random_hex
done

if [ "${#created[@]}" -gt 0 ]; then
  echo "Created in $dir: ${created[*]}"
else
  echo "Every secret already exists in $dir"
fi
if [ ! -s "$dir/telegram_bot_token" ]; then
  echo "telegram_bot_token is empty: the bot stays idle until you put the token from @BotFather in it" \
    "(or run again with TELEGRAM_BOT_TOKEN=… after deleting the empty file)"
fi
if [ ! -s "$dir/alert_smtp_password" ]; then
  echo "alert_smtp_password is empty: Alertmanager sends no mail until you put the mail account's password in it"
fi
if printf '%s\n' "${created[@]+"${created[@]}"}" | grep -qx admin_access_code; then
  echo "The first admin's access code (used once, while the database has no admin): $(cat "$dir/admin_access_code")"
fi
