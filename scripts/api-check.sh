#!/usr/bin/env bash
# Property-based API check: starts the release binary on its own port and database, issues
# an admin token, and runs schemathesis against /api/openapi.json. Fails on any server error
# or any answer that breaks the documented schema. Called by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bin="$CARGO_TARGET_DIR/release/concord"
venv="$HOME/.cache/concord/venv"
port="${CONCORD_API_CHECK_PORT:-3218}"
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

"$bin" serve --demo --db "$work/api.db" --addr "127.0.0.1:$port" --site-root target/site \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
token=$("$bin" token create --email ada@example.com --label schemathesis --db "$work/api.db" 2>/dev/null)

"$venv/bin/schemathesis" run "http://127.0.0.1:$port/api/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,response_schema_conformance,content_type_conformance \
  --max-examples "${CONCORD_API_CHECK_EXAMPLES:-30}" \
  --seed 1 \
  --no-color || { echo "server log:"; tail -20 "$work/server.log"; exit 1; }
