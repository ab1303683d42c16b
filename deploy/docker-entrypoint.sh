#!/usr/bin/env bash
# The container's entry point.
#
#   journeybot-entrypoint [serve] [--http ...]   run the Slack app (the default)
#   journeybot-entrypoint healthcheck            exit 0 when /health answers (Docker HEALTHCHECK)
#   journeybot-entrypoint <any journeybot command>, e.g. ingest --folder /imports
#
# Before serving it reads secrets from files (Docker/Kubernetes secrets: SLACK_BOT_TOKEN_FILE
# and friends), checks that the data folder is writable, and waits for the shared PostgreSQL
# (JOURNEYBOT_STATE_URL) so a stack starting together does not fail its first seconds.
set -euo pipefail

JOURNEYBOT="${JOURNEYBOT_BIN:-journeybot}"
PYTHON="${JOURNEYBOT_PYTHON:-python}"
SECRETS=(SLACK_BOT_TOKEN SLACK_APP_TOKEN SLACK_SIGNING_SECRET OPENAI_API_KEY PGPASSWORD JOURNEYBOT_STATE_URL)

say() { echo "journeybot-entrypoint: $*" >&2; }

read_secret_files() {
  local name file
  for name in "${SECRETS[@]}"; do
    file="${name}_FILE"
    if [ -n "${!file:-}" ]; then
      if [ -n "${!name:-}" ]; then
        say "both $name and $file are set; use one"
        exit 3
      fi
      if [ ! -r "${!file}" ]; then
        say "$file points at ${!file}, which cannot be read"
        exit 3
      fi
      export "$name=$(cat "${!file}")"
      unset "$file"
    fi
  done
}

check_data_folder() {
  local home="${JOURNEYBOT_HOME:-/data}"
  mkdir -p "$home" 2>/dev/null || true
  if ! ( : > "$home/.write-test" ) 2>/dev/null; then
    say "the data folder $home is not writable by uid $(id -u); give the volume to uid $(id -u) (e.g. chown -R $(id -u):$(id -g))"
    exit 3
  fi
  rm -f "$home/.write-test"
}

wait_for_state_db() {
  [ -n "${JOURNEYBOT_STATE_URL:-}" ] || return 0
  local seconds="${JOURNEYBOT_WAIT_SECONDS:-60}"
  "$PYTHON" - "$seconds" <<'PY' || { say "PostgreSQL (JOURNEYBOT_STATE_URL) did not answer within ${seconds} s"; exit 3; }
import os, sys, time
import psycopg
url = os.environ["JOURNEYBOT_STATE_URL"].replace("postgresql+psycopg://", "postgresql://")
deadline = time.monotonic() + float(sys.argv[1])
while True:
    try:
        psycopg.connect(url, connect_timeout=3).close()
        sys.exit(0)
    except psycopg.OperationalError as exc:
        if time.monotonic() > deadline:
            print(f"last error: {str(exc).strip().splitlines()[0]}", file=sys.stderr)
            sys.exit(1)
        time.sleep(1)
PY
}

healthcheck() {
  # Socket Mode answers on [service] health_port (8080), HTTP mode beside /slack/events (3000).
  local port
  for port in ${JOURNEYBOT_HEALTH_PORTS:-8080 3000}; do
    if "$PYTHON" -c "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:$port/health', timeout=3).status == 200 else 1)" 2>/dev/null; then
      return 0
    fi
  done
  say "no /health answer on port(s) ${JOURNEYBOT_HEALTH_PORTS:-8080 3000}"
  return 1
}

main() {
  if [ "${1:-}" = "healthcheck" ]; then
    healthcheck
    return
  fi
  if [ $# -eq 0 ] || [ "${1#-}" != "$1" ]; then
    set -- serve "$@"
  fi
  read_secret_files
  if [ "$1" = "serve" ]; then
    check_data_folder
    wait_for_state_db
  fi
  exec "$JOURNEYBOT" "$@"
}

main "$@"
