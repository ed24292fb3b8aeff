#!/usr/bin/env bash
# The one command that runs every test: installs what is missing (Chromium, Playwright and
# PostgreSQL included), checks formatting and clippy (server and browser builds), runs the
# Rust tests, runs the integration tests again on a throwaway
# PostgreSQL cluster, builds the release site, prints the wasm size, and runs the Playwright
# tests in headless Chromium against the release binary, then schemathesis against the API's
# OpenAPI document, each on SQLite and on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
started=$(date +%s)
scripts/setup.sh --test

printf '\n== style: rustfmt, and clippy on the server and browser builds (warnings are errors)\n'
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p app --lib --locked --target wasm32-unknown-unknown --no-default-features \
    --features hydrate --target-dir "$CARGO_TARGET_DIR/front" -- -D warnings

printf '\n== Rust tests\n'
cargo test --workspace --locked

printf '\n== integration tests on PostgreSQL\n'
pgdir=$(mktemp -d /tmp/concord-pg.XXXXXX)
trap 'scripts/pg-cluster.sh stop "$pgdir"' EXIT
pg=$(scripts/pg-cluster.sh start "$pgdir")
echo "throwaway cluster at $pg"
CONCORD_TEST_POSTGRES="$pg" cargo test -p server --test app --locked

printf '\n== release build\n'
cargo leptos build --release

# The build names the WebAssembly after its hash, listed in hash.txt beside the binary.
wasm="target/site/pkg/concord.$(sed -n 's/^wasm: *//p' "$CARGO_TARGET_DIR/release/hash.txt").wasm"
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
printf 'release wasm: %d KB raw, %d KB gzip (target: gzip <= 400 KB)\n' $((raw / 1024)) $((gz / 1024))

export CONCORD_BIN="$CARGO_TARGET_DIR/release/concord"
export CONCORD_SITE_ROOT="$PWD/target/site"
printf '\n== Playwright (headless Chromium) on SQLite\n'
(cd end2end && npx playwright test)
printf '\n== Playwright (headless Chromium) on PostgreSQL\n'
psql -q "$pg/postgres" -c 'CREATE DATABASE e2e' -c 'CREATE DATABASE api_check'
(cd end2end && CONCORD_E2E_DB="$pg/e2e" npx playwright test)

printf '\n== API schema check (schemathesis) on SQLite\n'
scripts/api-check.sh
printf '\n== API schema check (schemathesis) on PostgreSQL\n'
CONCORD_API_CHECK_DB="$pg/api_check" scripts/api-check.sh

printf '\nall tests passed in %d s\n' $(($(date +%s) - started))
