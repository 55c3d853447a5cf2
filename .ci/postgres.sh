#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the store tests and prints the URL to export as
# SOURCED_TEST_POSTGRES. Installs Debian's server package when it is missing. The server
# listens on 127.0.0.1 only, with trust authentication, in a data directory under /tmp.
set -euo pipefail
PORT="${SOURCED_PG_PORT:-55432}"
DATA="${SOURCED_PG_DATA:-/tmp/sourced-pg}"

bindir=""
for d in /usr/lib/postgresql/*/bin; do
  [ -x "$d/postgres" ] && bindir="$d"
done
if [ -z "$bindir" ]; then
  echo "installing PostgreSQL (Debian package postgresql)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || true
  # The package's own cluster setup can complain without systemd; what matters is the
  # server binaries, checked below.
  apt-get install -y -qq --no-install-recommends postgresql >&2 \
    || echo "apt-get reported a problem; looking for the server binaries anyway" >&2
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/postgres" ] && bindir="$d"
  done
fi
[ -n "$bindir" ] || { echo "PostgreSQL server binaries not found" >&2; exit 1; }

# The server refuses to run as root: run it as the postgres user when we are root.
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home "$DATA" postgres
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}

if ! as_pg "'$bindir/pg_isready' -q -h 127.0.0.1 -p $PORT"; then
  if [ ! -f "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA"
    [ "$(id -u)" = 0 ] && chown postgres "$DATA"
    as_pg "'$bindir/initdb' -D '$DATA' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >&2
  fi
  as_pg "'$bindir/pg_ctl' -D '$DATA' -l '$DATA/server.log' -w \
        -o \"-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories='$DATA' -c fsync=off\" start" >&2
fi
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
