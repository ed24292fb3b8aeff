#!/usr/bin/env bash
# Scheduling throughput: WRITERS concurrent connections (default 8) plan touches through
# POST /api/v1/touches, each request on another contact, for DURATION seconds (default 15),
# split over NODES `concord serve` processes on one database (default 2; each node's writers
# take their own half of the contacts). Every request is one scheduling transaction (read the
# contact's ledger, decide, insert, audit). Prints each node's figures and the transactions a
# second over all nodes. DB=postgres://…/empty_database for PostgreSQL (several nodes need it);
# without DB, one node on a SQLite file. Target (issue #15): >= 1 000 transactions/s with 8
# writers across two nodes on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
command -v wrk >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y wrk; }
bin="${BIN:-$CARGO_TARGET_DIR/release/concord}"
[ -x "$bin" ] || cargo build --release -p server --bin concord
port="${PORT:-3229}"; contacts="${CONTACTS:-2000}"; duration="${DURATION:-15}"
writers="${WRITERS:-8}"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
db="${DB:-$work/schedule.db}"
if [ -z "${DB:-}" ]; then nodes=1; else nodes="${NODES:-2}"; fi

for n in $(seq 1 "$nodes"); do
  "$bin" serve --db "$db" --addr "127.0.0.1:$((port + n - 1))" --site-root target/site \
    --api-rate 1000000 >"$work/server$n.log" 2>&1 &
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$((port + n - 1))/healthz" >/dev/null && break; sleep 0.2; done
done
CONCORD_PASSWORD=bench-password-long "$bin" user add --email bench@example.com --name Bench \
  --role manager --team Bench --db "$db" >/dev/null 2>&1
token=$("$bin" token create --email bench@example.com --label schedule-bench --db "$db" 2>/dev/null)

echo "creating $contacts contacts..."
for i in $(seq 1 "$contacts"); do
  printf 'url = "http://127.0.0.1:%s/api/v1/contacts"\nheader = "Authorization: Bearer %s"\n' "$port" "$token"
  printf 'header = "Content-Type: application/json"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n'
  printf 'data = "{\\"name\\":\\"Writer %s\\",\\"email\\":\\"w%s@example.org\\",\\"timezone\\":\\"America/New_York\\",\\"stage\\":\\"lead\\"}"\nnext\n' "$i" "$i"
done >"$work/contacts.curl"
sed -i '$d' "$work/contacts.curl"
created=$(curl -sS -K "$work/contacts.curl" | grep -c '^201$' || true)
echo "created $created contacts"

echo "wrk: $writers writers over $nodes node(s), ${duration}s of POST /api/v1/touches"
half=$((contacts / nodes))
wrks=()
for n in $(seq 1 "$nodes"); do
  CONCORD_TOKEN="$token" CONCORD_CONTACTS="$half" CONCORD_FIRST=$(( (n - 1) * half + 1 )) \
    wrk -t 1 -c $((writers / nodes)) -d "${duration}s" -s bench/schedule.lua \
    "http://127.0.0.1:$((port + n - 1))" >"$work/wrk$n" &
  wrks+=($!)
done
wait "${wrks[@]}"
for n in $(seq 1 "$nodes"); do
  echo "node $n: $(grep '^Requests/sec' "$work/wrk$n") $(tail -1 "$work/wrk$n")"
done
awk '/^Requests\/sec:/ { sum += $2 } END { printf "scheduling: %.0f transactions/s over all nodes\n", sum }' "$work"/wrk*
