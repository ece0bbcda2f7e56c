#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and CI, on 127.0.0.1 only.
#
#   bash scripts/ci-postgres.sh start    # prints the URL to use as TEST_DATABASE_URL (last line, stdout)
#   bash scripts/ci-postgres.sh stop
#   bash scripts/ci-postgres.sh status
#   bash scripts/ci-postgres.sh url
#
#   export TEST_DATABASE_URL=$(bash scripts/ci-postgres.sh start) && npx vitest run test/db
#
# Uses initdb/pg_ctl from PATH or /usr/lib/postgresql/*/bin, installing Debian's `postgresql`
# package when there are none. The server refuses to run as root, so as root it runs as an
# unprivileged user (created if absent). Authentication: the server user (default pgtest) is
# trusted on loopback with no password; every other role needs a password (scram-sha-256), so
# tests can check the wrong-credentials path.
#
# Settings (environment): CI_PG_PORT (55432), CI_PG_DATA (/tmp/stat-bot-pgdata), CI_PG_USER (pgtest),
# CI_PG_SOCKET_DIR (/tmp). Progress goes to stderr; only the URL goes to stdout.
set -euo pipefail

PORT="${CI_PG_PORT:-55432}"
DATA="${CI_PG_DATA:-/tmp/stat-bot-pgdata}"
SOCKET_DIR="${CI_PG_SOCKET_DIR:-/tmp}"
LOG="${DATA}.log"

if [ "$(id -u)" = "0" ]; then
  PGUSER_NAME="${CI_PG_USER:-pgtest}"
else
  PGUSER_NAME="${CI_PG_USER:-$(id -un)}"
fi
URL="postgres://${PGUSER_NAME}@127.0.0.1:${PORT}/postgres"

say() { echo "ci-postgres: $*" >&2; }
die() { say "$*"; exit 1; }

find_bindir() {
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return 0
  fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

ensure_binaries() {
  if BINDIR="$(find_bindir)"; then return 0; fi
  [ "$(id -u)" = "0" ] || die "no PostgreSQL binaries found and not root: install the 'postgresql' package."
  say "installing Debian's postgresql package..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  BINDIR="$(find_bindir)" || die "postgresql installed but initdb/pg_ctl not found."
}

# Run a command as the server user (root cannot run PostgreSQL).
as_pg() {
  if [ "$(id -u)" = "0" ]; then
    su -s /bin/sh "$PGUSER_NAME" -c "$*"
  else
    sh -c "$*"
  fi
}

ensure_user() {
  [ "$(id -u)" = "0" ] || return 0
  if ! id "$PGUSER_NAME" >/dev/null 2>&1; then
    say "creating user $PGUSER_NAME"
    useradd -m -s /bin/sh "$PGUSER_NAME"
  fi
}

is_running() {
  [ -f "$DATA/postmaster.pid" ] && as_pg "'$BINDIR/pg_ctl' -D '$DATA' status" >/dev/null 2>&1
}

cmd_start() {
  ensure_binaries
  ensure_user
  if is_running; then
    say "already running on port $PORT (data $DATA)"
    echo "$URL"
    return 0
  fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    say "initdb in $DATA"
    rm -rf "$DATA"
    mkdir -p "$DATA"
    [ "$(id -u)" = "0" ] && chown "$PGUSER_NAME" "$DATA"
    as_pg "'$BINDIR/initdb' -D '$DATA' -U '$PGUSER_NAME' --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null 2>&1 || '$BINDIR/initdb' -D '$DATA' -U '$PGUSER_NAME' --auth=trust --encoding=UTF8 --locale=C >/dev/null" \
      || die "initdb failed"
    # The server user: trusted on loopback and the socket. Everyone else: a password.
    as_pg "cat > '$DATA/pg_hba.conf'" <<HBA
# TYPE  DATABASE  USER            ADDRESS        METHOD
local   all       ${PGUSER_NAME}                 trust
host    all       ${PGUSER_NAME}  127.0.0.1/32   trust
host    all       ${PGUSER_NAME}  ::1/128        trust
local   all       all                            scram-sha-256
host    all       all             127.0.0.1/32   scram-sha-256
host    all       all             ::1/128        scram-sha-256
HBA
  fi
  say "starting on 127.0.0.1:$PORT (log $LOG)"
  touch "$LOG"
  [ "$(id -u)" = "0" ] && chown "$PGUSER_NAME" "$LOG"
  # Throwaway server: durability off, which makes CREATE DATABASE and DDL much faster.
  as_pg "'$BINDIR/pg_ctl' -D '$DATA' -l '$LOG' -w -t 60 -o \"-p $PORT -k '$SOCKET_DIR' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start" >&2 \
    || { tail -n 20 "$LOG" >&2 || true; die "the server did not start"; }
  echo "$URL"
}

cmd_stop() {
  if ! BINDIR="$(find_bindir)"; then say "no PostgreSQL binaries; nothing to stop"; return 0; fi
  if is_running; then
    as_pg "'$BINDIR/pg_ctl' -D '$DATA' -m fast -w stop" >&2
  else
    say "not running"
  fi
}

cmd_status() {
  if BINDIR="$(find_bindir)" && is_running; then say "running: $URL"; echo "$URL"; else say "not running"; return 3; fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  url) echo "$URL" ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
