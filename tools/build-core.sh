#!/usr/bin/env bash
# Builds the host-neutral wasm core (crates/abi; the contract is docs/ABI.md) into
# target/core/icp_validate_core.wasm and prints its size. The module imports nothing and is the
# same bytes from any checkout path: the paths rustc would embed (this checkout, the cargo
# registry) are remapped, symbols are stripped, Cargo.lock is obeyed. The Go host commits the
# module and CI compares it with a fresh build, so keep this build deterministic.
# Usage: tools/build-core.sh [--quiet]
# (CARGO_PROFILE_SERVER_CORE_OPT_LEVEL=s CARGO_TARGET_DIR=target/opt-s: another level, measured
# against this one in BENCHMARKS.md, without rebuilding the usual target dir)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd -P)
cargo_home=$(cd "${CARGO_HOME:-$HOME/.cargo}" && pwd -P)
quiet=(); [ "${1:-}" = --quiet ] && quiet=(--quiet)
# RUSTFLAGS with --target applies to the wasm artifacts only (not build scripts). Each registry's
# source folder (named after the registry's host) becomes /crates: the last matching prefix wins.
remaps="--remap-path-prefix=$root=/icp-validate --remap-path-prefix=$cargo_home=/cargo"
for src in "$cargo_home"/registry/src/*/; do
  [ -d "$src" ] && remaps+=" --remap-path-prefix=${src%/}=/crates"
done
RUSTFLAGS="$remaps" \
  cargo build "${quiet[@]}" --locked -p icp-validate-abi --target wasm32-unknown-unknown --profile server-core
mkdir -p target/core
cp "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/server-core/icp_validate_core.wasm" target/core/icp_validate_core.wasm
[ ${#quiet[@]} -gt 0 ] && exit 0
raw=$(wc -c < target/core/icp_validate_core.wasm)
gz=$(gzip -9n < target/core/icp_validate_core.wasm | wc -c)
echo "target/core/icp_validate_core.wasm: $raw bytes, $gz gzipped (sha256 $(sha256sum target/core/icp_validate_core.wasm | cut -c1-16))"
