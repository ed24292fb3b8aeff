#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for trying Concord on PostgreSQL, tests and benchmarks:
# `scripts/pg-cluster.sh start DIR` installs Debian's PostgreSQL when it is missing, creates a
# cluster in DIR (trust auth, loopback only, a free port) with an empty database `concord`,
# starts it and prints the server's URL (postgres://postgres@127.0.0.1:PORT; add /concord for
# the database); `scripts/pg-cluster.sh stop DIR` stops it and removes DIR. PostgreSQL refuses
# to run as root: as root the server runs as `postgres`. For tests it trades durability for
# speed (fsync off; CONCORD_PG_DURABLE=1 keeps PostgreSQL's durable defaults): keep real data
# in a real cluster.
set -euo pipefail
cmd=${1:?usage: pg-cluster.sh start|stop DIR}
dir=${2:?usage: pg-cluster.sh start|stop DIR}
if [ "$cmd" = start ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "installing Debian's PostgreSQL" >&2
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed" >&2; exit 1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400"
    if [ "${CONCORD_PG_DURABLE:-0}" != 1 ]; then # tests: speed over durability
      options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    else # benchmarks: PostgreSQL's durable defaults, memory sized for this machine
      options="$options -c shared_buffers=2GB -c max_wal_size=8GB -c checkpoint_timeout=30min"
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$options" start >/dev/null
    "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c 'CREATE DATABASE concord'
    echo "postgres://postgres@127.0.0.1:$port"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: pg-cluster.sh start|stop DIR" >&2; exit 2 ;;
esac
