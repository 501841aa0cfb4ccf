#!/usr/bin/env bash
# Every test: native (unit, vectors, catalog, CLI, doc tests), the wasm package in Node
# (parity with native) and in headless Chromium (wasm-bindgen-test + demo end to end).
# Installs what it needs first (tools/setup.sh).  Usage: tools/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step setup
tools/setup.sh

step "native tests: the rule crate and its shells (crates/cli; crates/wasm is empty natively; crates/abi's tests run with the core module below)"
cargo test --workspace --all-targets --exclude icp-validate-abi
cargo test -p icp-validate --doc

step "the rule crate without its default features (no templates, no UTS 46, no local field answers)"
cargo test -p icp-validate --no-default-features

step "JVM host (bindings/java: JUnit 5, byte parity with the native CLI, Bean Validation)"
bindings/java/test.sh

if [ "${CI:-}" = true ]; then step "fuzz smoke (20 s per target)"; tools/fuzz.sh --smoke; fi

step "server core: the wasm module imports nothing, its ABI natively (tools/build-core.sh)"
tools/build-core.sh
cargo test -p icp-validate-abi

step "Python host: vectors, baseline and filings byte for byte against the CLI; threads; Pydantic"
python=$(tools/python-env.sh)
cargo build --quiet -p icp-validate-cli
PYTHONPATH=bindings/python/src "$python" -m pytest -q -p no:cacheprovider bindings/python/tests
# The wheel: pure Python with the module and py.typed inside.
rm -rf target/python-wheel bindings/python/build
"$python" -m pip wheel --quiet --no-deps --disable-pip-version-check -w target/python-wheel bindings/python
"$python" -c 'import sys, zipfile; names = zipfile.ZipFile(sys.argv[1]).namelist(); missing = {"icp_validate/icp_validate_core.wasm", "icp_validate/py.typed"} - set(names); sys.exit(f"wheel lacks {missing}" if missing else 0)' target/python-wheel/icp_validate-*-py3-none-any.whl

step "wasm package"
tools/build-pkg.sh

# A release is one command away: both package listings must succeed (no build, seconds).
# --allow-dirty: the listing is checked, not whether local edits are committed yet.
step "release dry runs: cargo package --list, npm pack --dry-run"
crate_files=$(cargo package -p icp-validate --list --allow-dirty)
echo "crate: $(wc -l <<<"$crate_files") files"
npm pack --dry-run pkg/ 2>&1 | grep -E 'name:|version:|package size:|total files:'

step "wasm vectors in Node (wasm-bindgen-test)"
cargo test -p icp-validate-wasm --target wasm32-unknown-unknown --test wasm

step "wasm vectors in headless Chromium (wasm-bindgen-test)"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test -p icp-validate-wasm --target wasm32-unknown-unknown --test wasm

step "JS boundary parity (Node) and demo end to end (Chromium)"
node --test tests/js/

step "console apps: one Vite page per form library, in Chromium; tsc on typed rules (tests/apps)"
tests/apps/run.sh

step "Go module (bindings/go): parity with the native CLI, -race, fuzz smoke under CI"
bindings/go/test.sh

# The package in real bundlers and frameworks (tests/compat): a lean subset in CI; the whole
# matrix is tools/compat.sh.
step "compatibility subset: Vite 7 dev and build, Next.js 16 build + start + route handler"
tools/compat.sh --ci

step "Spark job in local[2] (bindings/spark/test.sh): the corpus as the native CLI answers it, malformed lines, nulls"
bindings/spark/test.sh

step "README: the server hosts' commands as written (tools/readme-hosts.sh)"
tools/readme-hosts.sh
