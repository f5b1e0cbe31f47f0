#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the tests and prints its URL.
# Usage: eval "$(scripts/postgres-throwaway.sh start)"   …   scripts/postgres-throwaway.sh stop "$DIR"
# KRAEVED_PG_SETTINGS adds server settings, e.g. "-c shared_buffers=1GB" (bench:search).
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
  echo "PostgreSQL is not installed: apt-get install postgresql (or set TEST_DATABASE_URL)" >&2
  exit 1
fi

as_owner() {
  # initdb refuses to run as root; on CI and these machines we are root, on a laptop we are not.
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/kraeved-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_owner "'$bindir/initdb' -D '$dir/data' -U kraeved --auth=trust -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1"
    as_owner "'$bindir/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-h 127.0.0.1 -p $port -k '$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${KRAEVED_PG_SETTINGS:-}\" start >/dev/null"
    as_owner "'$bindir/createdb' -h 127.0.0.1 -p $port -U kraeved kraeved_test"
    echo "export TEST_DATABASE_URL=postgres://kraeved@127.0.0.1:$port/kraeved_test"
    echo "export KRAEVED_PG_DIR=$dir"
    ;;
  stop)
    dir="${2:?directory}"
    as_owner "'$bindir/pg_ctl' -D '$dir/data' -m immediate stop >/dev/null 2>&1" || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
