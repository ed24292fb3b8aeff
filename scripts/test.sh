#!/usr/bin/env bash
# The one command that runs every test: installs what is missing (Chromium and Playwright
# included), runs the Rust tests, builds the release site, prints the wasm size, and runs the
# Playwright tests in headless Chromium against the release binary, then schemathesis against
# the API's OpenAPI document.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
started=$(date +%s)
scripts/setup.sh --test

printf '\n== Rust tests\n'
cargo test --workspace --locked

printf '\n== release build\n'
cargo leptos build --release

wasm=target/site/pkg/concord.wasm
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
printf 'release wasm: %d KB raw, %d KB gzip (target: gzip <= 400 KB)\n' $((raw / 1024)) $((gz / 1024))

printf '\n== Playwright (headless Chromium)\n'
export CONCORD_BIN="$CARGO_TARGET_DIR/release/concord"
export CONCORD_SITE_ROOT="$PWD/target/site"
(cd end2end && npx playwright test)

printf '\n== API schema check (schemathesis)\n'
scripts/api-check.sh

printf '\nall tests passed in %d s\n' $(($(date +%s) - started))
