#!/usr/bin/env bash
# Heavy work never starves the app (DESIGN's target): on a 40 000-contact demo database, times
# /healthz and a sign-in every 100 ms while six campaign previews and a 300 000-row import run
# through the API (bench/heavy.py prints the figures and the verdict). CONTACTS, TOUCHES and
# ROWS change the sizes; PORT the port.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bin="$CARGO_TARGET_DIR/release/concord"
[ -x "$bin" ] || cargo build --release -p server --bin concord
port="${PORT:-3220}"; contacts="${CONTACTS:-40000}"; touches="${TOUCHES:-400000}"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

echo "generating $contacts contacts and $touches touches..."
"$bin" demo --contacts "$contacts" --touches "$touches" --db "$work/heavy.db" >/dev/null
CONCORD_PASSWORD="heavy bench secret" "$bin" user add --email bench@example.com --name Bench \
  --role marketer --team "Corporate marketing" --db "$work/heavy.db" >/dev/null
token=$("$bin" token create --email bench@example.com --label heavy-bench --db "$work/heavy.db")
"$bin" serve --db "$work/heavy.db" --addr "127.0.0.1:$port" --site-root target/site \
  >"$work/server.log" 2>&1 &
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
python3 bench/heavy.py "http://127.0.0.1:$port" "$token" bench@example.com "heavy bench secret" \
  "${ROWS:-300000}"
