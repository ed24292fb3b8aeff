#!/usr/bin/env bash
# Installs what building Concord needs, skipping whatever is already present:
# the wasm target, cargo-leptos, wasm-bindgen-cli (at Cargo.lock's version), Tailwind and
# wasm-opt from npm. With --test it also installs Debian's Chromium, Playwright, and
# schemathesis, icalendar and openapi-spec-validator from PyPI (in a virtual environment under ~/.cache/concord).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [[ " $* " == *" --test "* ]]; then
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      step "adding the $component component (the test command checks style with it)"
      rustup component add "$component"
    fi
  done
fi

LEPTOS_VERSION=0.3.11
if ! cargo leptos --version 2>/dev/null | grep -q "$LEPTOS_VERSION"; then
  step "installing cargo-leptos $LEPTOS_VERSION (takes about 15 minutes, once)"
  cargo install cargo-leptos --version "$LEPTOS_VERSION" --locked --ignore-rust-version
fi

BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q "$BINDGEN_VERSION"; then
  step "installing wasm-bindgen-cli $BINDGEN_VERSION"
  # Not --locked: its lockfile pins a webpki-roots that no longer builds.
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION"
fi

if [ ! -x node_modules/.bin/tailwindcss ] || [ ! -x node_modules/.bin/wasm-opt ] \
  || [ package.json -nt node_modules/.stamp ]; then
  step "installing Tailwind and wasm-opt from npm"
  # npm install, not npm ci: the lockfile lacks some of Tailwind's optional platform packages.
  npm install --no-audit --no-fund
  touch node_modules/.stamp
fi

if [ "${1:-}" = "--test" ]; then
  if [ ! -x /usr/bin/chromium ]; then
    step "installing Debian's Chromium"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  fi
  venv="$HOME/.cache/concord/venv"
  if [ ! -x "$venv/bin/schemathesis" ] || [ ! -x "$venv/bin/icalendar" ] \
    || [ ! -x "$venv/bin/openapi-spec-validator" ]; then
    step "installing schemathesis, icalendar and openapi-spec-validator (PyPI) into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "schemathesis==4.32.5" "icalendar==7.*" \
      "openapi-spec-validator==0.7.*"
  fi
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    step "installing Debian's PostgreSQL (the suite runs on it too)"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  fi
  if ! command -v curl >/dev/null; then
    step "installing curl"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y curl
  fi
  if [ ! -d end2end/node_modules/@playwright/test ] \
    || [ end2end/package-lock.json -nt end2end/node_modules/.stamp ]; then
    step "installing Playwright"
    (cd end2end && npm ci --no-audit --no-fund && touch node_modules/.stamp)
  fi
fi
