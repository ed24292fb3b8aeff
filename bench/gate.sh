#!/usr/bin/env bash
# Load benchmark of the send gate, POST /api/v1/check, while touches are being written:
# starts the release binary on its own database, creates CONTACTS contacts with a few touches
# each, then runs wrk (Debian's) against /api/v1/check for DURATION seconds while a writer
# plans WRITES touches a second through the API. Prints wrk's figures and the writes made.
# Target (DESIGN): >= 5 000 requests/s with p99 <= 10 ms on 2 cores, load generator included.
# DB=postgres://…/empty_database runs it on PostgreSQL; NODES=2 starts a second `concord serve`
# on the same database (port+1) and splits the connections between the two (one wrk each);
# BIN picks another binary (e.g. an older build, to compare).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
command -v wrk >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y wrk; }
bin="${BIN:-$CARGO_TARGET_DIR/release/concord}"
[ -x "$bin" ] || cargo build --release -p server --bin concord
nodes="${NODES:-1}"
port="${PORT:-3219}"; contacts="${CONTACTS:-500}"; duration="${DURATION:-20}"
threads="${THREADS:-1}"; connections="${CONNECTIONS:-32}"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
db="${DB:-$work/gate.db}"

for n in $(seq 1 "$nodes"); do
  "$bin" serve --demo --db "$db" --addr "127.0.0.1:$((port + n - 1))" --site-root target/site \
    --api-rate 1000000 >"$work/server$n.log" 2>&1 &
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$((port + n - 1))/healthz" >/dev/null && break; sleep 0.2; done
done
token=$("$bin" token create --email max@example.com --label gate-bench --db "$db" 2>/dev/null)

# One curl process sends a whole list of API requests (a curl config, one block per request),
# so that neither the seeding nor the writer spends the two cores on starting processes.
curl_list() { # <config> [curl options]: prints one status code per request
  local config=$1; shift
  sed -i '$d' "$config" # the last block's "next" would start a request without a URL
  exec curl -sS "$@" -K "$config"
}
request() { # <path> <json>: one block of a curl config
  printf 'url = "http://127.0.0.1:%s%s"\nheader = "Authorization: Bearer %s"\n' "$port" "$1" "$token"
  printf 'header = "Content-Type: application/json"\noutput = "/dev/null"\n'
  printf 'write-out = "%%{http_code}\\n"\ndata = %s\nnext\n' \
    "$(printf '%s' "$2" | sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$/"/')"
}

echo "creating $contacts contacts with 4 touches each..."
base=$(date -u -d '+1 day' +%Y-%m-%d)
for i in $(seq 1 "$contacts"); do
  request /api/v1/contacts "{\"name\":\"Load $i\",\"email\":\"load$i@example.org\",\"phone\":\"+1 617 555 $(printf %04d $((i % 10000)))\",\"timezone\":\"America/New_York\",\"stage\":\"lead\",\"address\":\"1 Main St\\nBoston MA\"}"
done >"$work/contacts.curl"
for i in $(seq 1 "$contacts"); do
  for h in 13 17 21 23; do
    request /api/v1/touches "{\"contact_id\":$i,\"channel\":\"email\",\"purpose\":\"newsletter\",\"scheduled_at\":\"${base}T$h:00:00Z\",\"title\":\"Seed\"}"
  done
done >"$work/seed.curl"
created=$(curl_list "$work/contacts.curl" | grep -c '^201$' || true)
seeded=$(curl_list "$work/seed.curl" | grep -c '^201$' || true)
echo "created $created contacts and $seeded touches"

# The writer: phone touches planned through the API at WRITES per second (curl's --rate), as
# many as the run lasts, spread over 20 days; waited for after wrk, then counted.
writes="${WRITES:-50}"
days=(); for d in $(seq 0 21); do days+=("$(date -u -d "$base + $d day" +%Y-%m-%d)"); done
for n in $(seq 1 $((writes * duration))); do
  day=$(( (n / contacts) % 20 + 2 ))
  request /api/v1/touches "{\"contact_id\":$(( n % contacts + 1 )),\"channel\":\"phone\",\"purpose\":\"service\",\"scheduled_at\":\"${days[$day]}T15:00:00Z\",\"title\":\"Write during load\"}"
done >"$work/writes.curl"
curl_list "$work/writes.curl" --rate "$writes/s" >"$work/writes" &
writer=$!

echo "wrk: $threads thread(s) per node, $connections connections over $nodes node(s), ${duration}s against /api/v1/check"
wrks=()
for n in $(seq 1 "$nodes"); do
  CONCORD_TOKEN="$token" CONCORD_CONTACTS="$contacts" \
    wrk -t "$threads" -c $((connections / nodes)) -d "${duration}s" --latency -s bench/gate.lua \
    "http://127.0.0.1:$((port + n - 1))" >"$work/wrk$n" &
  wrks+=($!)
done
wait "${wrks[@]}"
for n in $(seq 1 "$nodes"); do
  [ "$nodes" = 1 ] || echo "node $n:"
  tail -3 "$work/wrk$n"
done
[ "$nodes" = 1 ] || awk '/^Requests\/sec:/ { sum += $2 } END { printf "all nodes: %.0f requests/s\n", sum }' "$work"/wrk*
wait "$writer" || true
echo "touches written during the run: $(grep -c '^201$' "$work/writes" || true) of $((writes * duration)) (writer at $writes/s)"
