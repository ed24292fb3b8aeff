#!/usr/bin/env bash
# Load benchmark of the send gate, POST /api/v1/check, while touches are being written:
# starts the release binary on its own database, creates CONTACTS contacts with a few touches
# each, then runs wrk (Debian's) against /api/v1/check for DURATION seconds while a writer
# plans touches through the API in the background. Prints wrk's figures and the writes made.
# Target (DESIGN): >= 5 000 requests/s with p99 <= 10 ms on 2 cores, load generator included.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
command -v wrk >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y wrk; }
bin="$CARGO_TARGET_DIR/release/concord"
[ -x "$bin" ] || cargo build --release -p server --bin concord
port="${PORT:-3219}"; contacts="${CONTACTS:-500}"; duration="${DURATION:-20}"
threads="${THREADS:-1}"; connections="${CONNECTIONS:-32}"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

"$bin" serve --demo --db "$work/gate.db" --addr "127.0.0.1:$port" --site-root target/site \
  --api-rate 1000000 >"$work/server.log" 2>&1 &
for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
token=$("$bin" token create --email max@example.com --label gate-bench --db "$work/gate.db" 2>/dev/null)
api() { curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' "http://127.0.0.1:$port$1" -d "$2"; }

echo "creating $contacts contacts with 4 touches each..."
base=$(date -u -d '+1 day' +%Y-%m-%d)
for i in $(seq 1 "$contacts"); do
  api /api/v1/contacts "{\"name\":\"Load $i\",\"email\":\"load$i@example.org\",\"phone\":\"+1 617 555 $(printf %04d $((i % 10000)))\",\"timezone\":\"America/New_York\",\"stage\":\"lead\",\"address\":\"1 Main St\\nBoston MA\"}"
  for h in 13 17 21 23; do
    api /api/v1/touches "{\"contact_id\":$i,\"channel\":\"email\",\"purpose\":\"newsletter\",\"scheduled_at\":\"${base}T$h:00:00Z\",\"title\":\"Seed\"}" || true
  done
done

writer() {
  local n=0 day
  while true; do
    n=$((n + 1)); day=$(( (n / contacts) % 20 + 2 ))
    api /api/v1/touches "{\"contact_id\":$(( n % contacts + 1 )),\"channel\":\"phone\",\"purpose\":\"service\",\"scheduled_at\":\"$(date -u -d "+$day day" +%Y-%m-%d)T15:00:00Z\",\"title\":\"Write during load\"}" || true
    echo "$n" >"$work/writes"
  done
}
writer &

echo "wrk: $threads thread(s), $connections connections, ${duration}s against /api/v1/check"
CONCORD_TOKEN="$token" CONCORD_CONTACTS="$contacts" \
  wrk -t "$threads" -c "$connections" -d "${duration}s" --latency -s bench/gate.lua \
  "http://127.0.0.1:$port" | tail -3
echo "touches written during the run: $(cat "$work/writes" 2>/dev/null || echo 0)"
