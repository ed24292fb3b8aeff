#!/usr/bin/env bash
# Webhook ingest: one SendGrid Event Webhook batch of EVENTS (10 000) signed events posted to
# /hooks/{id} of a release `concord serve --demo` (the demo company's contacts and touches),
# timed; then the same batch again, as a retry, with the row counts before and after to show
# that it changed nothing. bench/hooks.py builds, signs and posts the batch and prints the
# figures. Target (DESIGN): the first ingest of 10 000 events within 2 s.
# DB=postgres://…/empty_database runs it on PostgreSQL (POSTGRES=1 starts a throwaway durable
# cluster for it, as bench/postgres.sh does); BIN picks another binary; PORT the port.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bin="${BIN:-$CARGO_TARGET_DIR/release/concord}"
[ -x "$bin" ] || cargo build --release -p server --bin concord
port="${PORT:-3239}"; events="${EVENTS:-10000}"
work=$(mktemp -d)
cluster=""
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  wait 2>/dev/null || true
  [ -z "$cluster" ] || scripts/pg-cluster.sh stop "$cluster"
  [ -z "${KEEP_LOG:-}" ] || cp "$work/server.log" "$KEEP_LOG"
  rm -rf "$work"
}
trap cleanup EXIT

# The signer needs `cryptography`: this Python's, else a venv's (made once, kept).
python=python3
if ! python3 -c 'import cryptography' 2>/dev/null; then
  venv="$HOME/.cache/concord/venv"
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/python" -c 'import cryptography' 2>/dev/null ||
    "$venv/bin/pip" install --quiet cryptography
  python="$venv/bin/python"
fi

if [ "${POSTGRES:-0}" = 1 ] && [ -z "${DB:-}" ]; then
  cluster=$(mktemp -d /tmp/concord-bench-hooks-pg.XXXXXX)
  pg=$(CONCORD_PG_DURABLE=1 scripts/pg-cluster.sh start "$cluster")
  DB="$pg/concord"
fi
db="${DB:-$work/hooks.db}"
case "$db" in postgres*) engine=PostgreSQL ;; *) engine=SQLite ;; esac

"$bin" serve --demo --db "$db" --addr "127.0.0.1:$port" --site-root target/site \
  --api-rate 1000000 >"$work/server.log" 2>&1 &
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$work/server.log"; exit 1; }
token=$("$bin" token create --email ada@example.com --label hooks-bench --db "$db" 2>/dev/null)

echo "webhook ingest on $engine: $events SendGrid events in one batch"
"$python" bench/hooks.py "http://127.0.0.1:$port" "$token" "$db" "$events"
