#!/usr/bin/env bash
# Benchmarks: native ns/op (and the boolean fast path), the wasm package in Node and headless Chromium, peers
# (validator.js, libphonenumber-js, python-stdnum) on the same generated inputs, wasm memory
# after 10k / 1M calls, the batch CLI against python-stdnum in CPU seconds, and one
# side-by-side table with the targets of issue 15. Installs the benchmark-only packages into
# bench/node_modules and bench/.pydeps (git-ignored; not runtime dependencies).
# Usage: tools/bench.sh [--o3] [--criterion]   BENCH_SECS=1 (measuring time per set and runtime)
#   --o3:        also native with opt-level 3 explicitly, built in target/o3 (the release
#                profile is opt-level 3 since the wasm build got its own "z" profile)
#   --criterion: also cargo bench (benches/fields.rs)
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${BENCH_SECS:-1}"
out=bench/.out
mkdir -p "$out"
step() { printf '== %s\n' "$*" >&2; }

[ -d bench/node_modules ] || { step "npm ci (bench/)"; (cd bench && npm ci --no-audit --no-fund --loglevel=error); }
[ -d bench/.pydeps/stdnum ] || { step "pip install (bench/.pydeps)"; python3 -m pip install --quiet --target bench/.pydeps -r bench/requirements.txt; }

step "wasm package (tools/build-pkg.sh)"
tools/build-pkg.sh >&2
step "native"
cargo build --release --example bench_native
bin=target/release/examples/bench_native
"$bin" --dump "$out/inputs.json"
BENCH_SECS="$secs" "$bin" > "$out/native.json"
step "wasm in Node and Chromium, JS peers, wasm memory"
node bench/wasm.mjs "$out/inputs.json" --secs "$secs" node chromium peers memory > "$out/wasm.json"
step "python-stdnum"
PYTHONPATH=bench/.pydeps python3 bench/peers.py "$out/inputs.json" "$secs" > "$out/stdnum.json"
step "batch CLI against python-stdnum (CPU seconds, 200k lines)"
cargo build --release --bin icp-validate
PYTHONPATH=bench/.pydeps python3 bench/batch.py "$out/inputs.json" target/release/icp-validate > "$out/batch.json"
rm -f "$out/native_o3.json"
if [[ " $* " == *" --o3 "* ]]; then
  step "native, opt-level 3"
  CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_TARGET_DIR=target/o3 cargo build --release --example bench_native
  BENCH_SECS="$secs" target/o3/release/examples/bench_native > "$out/native_o3.json"
fi
if [[ " $* " == *" --criterion "* ]]; then
  step "criterion (benches/fields.rs)"
  # The rule crate alone (-p): the CLI is a crate of its own.
  cargo bench -p icp-validate --bench fields >&2
fi
python3 bench/report.py "$out"
