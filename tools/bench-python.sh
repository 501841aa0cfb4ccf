#!/usr/bin/env bash
# The Python host's benchmark (bench/python_host.py): against native Rust (bench_native, the
# same inputs) and python-stdnum (bench/.pydeps, as tools/bench.sh installs it).
# Usage: tools/bench-python.sh [--quick]   BENCH_SECS (native measuring time per set, default 1)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/.out
mkdir -p "$out"
python=$(tools/python-env.sh)
[ -d bench/.pydeps/stdnum ] || python3 -m pip install --quiet --target bench/.pydeps -r bench/requirements.txt
cargo build --quiet --release --example bench_native
target/release/examples/bench_native --dump "$out/inputs.json"
BENCH_SECS="${BENCH_SECS:-1}" target/release/examples/bench_native > "$out/native.json"
PYTHONPATH="bindings/python/src:bench/.pydeps" "$python" bench/python_host.py "$out/inputs.json" "$out/native.json" "$@"
