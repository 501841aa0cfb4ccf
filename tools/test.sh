#!/usr/bin/env bash
# Every test: native (unit, vectors, catalog, CLI, doc tests), the wasm package in Node
# (parity with native) and in headless Chromium (wasm-bindgen-test + demo end to end).
# Installs what it needs first (tools/setup.sh).  Usage: tools/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step setup
tools/setup.sh

step "native tests"
cargo test --all-targets
cargo test --doc

if [ "${CI:-}" = true ]; then step "fuzz smoke (20 s per target)"; tools/fuzz.sh --smoke; fi

step "wasm package"
tools/build-pkg.sh

# A release is one command away: both package listings must succeed (no build, seconds).
# --allow-dirty: the listing is checked, not whether local edits are committed yet.
step "release dry runs: cargo package --list, npm pack --dry-run"
crate_files=$(cargo package --list --allow-dirty)
echo "crate: $(wc -l <<<"$crate_files") files"
npm pack --dry-run pkg/ 2>&1 | grep -E 'name:|version:|package size:|total files:'

step "wasm vectors in Node (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown --no-default-features --features browser --test wasm

step "wasm vectors in headless Chromium (wasm-bindgen-test)"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test --target wasm32-unknown-unknown --no-default-features --features browser --test wasm

step "JS boundary parity (Node) and demo end to end (Chromium)"
node --test tests/js/

step "Spark job in local[2] (bindings/spark/test.sh): the corpus as the native CLI answers it, malformed lines, nulls"
bindings/spark/test.sh
