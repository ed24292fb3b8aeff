#!/usr/bin/env bash
# The one command that runs Concord: installs what is missing, builds the release site and
# serves it on 127.0.0.1:3000 with a demo company in ./concord.db. Extra arguments go to
# `concord serve` (e.g. --db other.db, --addr 0.0.0.0:8080).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
cargo leptos build --release
exec "$CARGO_TARGET_DIR/release/concord" serve --demo --site-root target/site "$@"
