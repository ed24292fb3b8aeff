#!/usr/bin/env bash
# Suppression list import: a registry extract of NUMBERS (1 000 000) phone numbers, 10 000 of
# them the demo-scale company's own numbers, imported with `concord import suppression` into a
# synthetic company of CONTACTS (100 000) contacts and TOUCHES (200 000) touches; prints the
# import's own timing and how many contacts it blocked. Target (issue #17): 1 000 000 numbers in
# at most 30 s. DB=… reuses an existing database (SQLite path or postgres://…); BIN picks another
# binary.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bin="${BIN:-$CARGO_TARGET_DIR/release/concord}"
[ -x "$bin" ] || cargo build --release -p server --bin concord
numbers="${NUMBERS:-1000000}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="${DB:-$work/bench.db}"
if [ -z "${DB:-}" ]; then
  "$bin" demo --contacts "${CONTACTS:-100000}" --touches "${TOUCHES:-200000}" --db "$db" >/dev/null
fi
# Boston's synthetic numbers (+1 617 555 xxxx, ten thousand of them), then distinct others.
awk -v n="$numbers" 'BEGIN {
  print "phone"
  for (i = 0; i < n; i++) {
    if (i < 10000) printf "617555%04d\n", i; else printf "%d\n", 2000000000 + i
  }
}' > "$work/extract.csv"
echo "extract: $(wc -l < "$work/extract.csv") lines, $(du -h "$work/extract.csv" | cut -f1)"
"$bin" import suppression "$work/extract.csv" --name "Bench registry extract" --kind registry \
  --channels phone,sms --date "$(date -u +%F)" --db "$db"
