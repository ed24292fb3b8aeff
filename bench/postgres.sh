#!/usr/bin/env bash
# Concord's benchmarks on PostgreSQL, beside everything else on this machine: starts a
# throwaway cluster (durable: fsync on, unlike the test cluster), then
#   1. the send gate (bench/gate.sh) on one node and on two nodes;
#   2. scheduling with 8 writers across two nodes (bench/schedule.sh);
#   3. with SCALE=1: a synthetic company of CONTACTS (1 000 000) contacts and TOUCHES
#      (10 000 000) touches, then `concord bench preview` (preview against a bare indexed scan of
#      the same recipients, same run) and `concord bench calendar` (month and week views).
# Prints every figure; stops the cluster at the end. BIN picks the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bin="${BIN:-$CARGO_TARGET_DIR/release/concord}"
dir=$(mktemp -d /tmp/concord-bench-pg.XXXXXX)
trap 'scripts/pg-cluster.sh stop "$dir"' EXIT
pg=$(CONCORD_PG_DURABLE=1 scripts/pg-cluster.sh start "$dir")
mk() { psql -q "$pg/postgres" -c "CREATE DATABASE $1"; echo "$pg/$1"; }

printf '\n== send gate, one node (PostgreSQL)\n'
DB=$(mk gate1) NODES=1 BIN="$bin" bench/gate.sh
printf '\n== send gate, two nodes (PostgreSQL)\n'
DB=$(mk gate2) NODES=2 BIN="$bin" bench/gate.sh
printf '\n== scheduling, 8 writers over two nodes (PostgreSQL)\n'
DB=$(mk schedule) NODES=2 WRITERS=8 BIN="$bin" bench/schedule.sh

if [ "${SCALE:-0}" = 1 ]; then
  big=$(mk big)
  printf '\n== %s contacts, %s touches (PostgreSQL)\n' "${CONTACTS:-1000000}" "${TOUCHES:-10000000}"
  time "$bin" demo --contacts "${CONTACTS:-1000000}" --touches "${TOUCHES:-10000000}" --seed 1 --db "$big"
  printf '\n== campaign preview against a bare scan (PostgreSQL)\n'
  "$bin" bench preview --recipients "${RECIPIENTS:-100000}" --db "$big"
  printf '\n== team calendar (PostgreSQL)\n'
  "$bin" bench calendar --db "$big"
fi
