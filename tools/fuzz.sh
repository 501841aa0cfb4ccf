#!/usr/bin/env bash
# Fuzzes every entry point with libFuzzer (cargo-fuzz) for a time budget per target and
# prints execs, coverage and crashes.  Usage: tools/fuzz.sh [seconds-per-target | --smoke]
# (default 300; --smoke = 20 s, what tools/test.sh runs under CI=true). Figures: FUZZING.md.
#
# Only a stable toolchain is installed, so the nightly flags cargo-fuzz passes
# (-Zsanitizer, -Cpasses=sancov-module) are enabled with RUSTC_BOOTSTRAP=1; the stable
# toolchain ships the ASan runtime (librustc-stable_rt.asan.a), so AddressSanitizer is on.
# Debug assertions and overflow checks are on in the optimised build.
set -euo pipefail
cd "$(dirname "$0")/.."
CARGO_FUZZ_VERSION=0.13.1
# Targets in fuzz/Cargo.toml; a new target (filing JSON) is added here and there.
TARGETS=(field attachment filing_json app_file abi)

secs=${1:-300}
[ "$secs" = --smoke ] && secs=20
case "$secs" in '' | *[!0-9]*) echo "usage: tools/fuzz.sh [seconds-per-target | --smoke]" >&2; exit 2 ;; esac

if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi
export RUSTC_BOOTSTRAP=1

# The abi target includes the built core module (tools/build-core.sh).
tools/build-core.sh --quiet
# Seeds from the vectors, indexed like the `field` target indexes the registry.
cargo build --quiet --bin icp-validate
mapfile -t fields < <(target/debug/icp-validate fields | python3 -c 'import json,sys; print("\n".join(f["id"] for f in json.load(sys.stdin)))')
python3 tools/fuzz_seeds.py "${fields[@]}"

status=0
summary=()
for t in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  before=$(find "fuzz/artifacts/$t" -type f | wc -l)
  log="fuzz/artifacts/$t.log"
  echo "== fuzz $t for ${secs}s"
  # First corpus dir collects new inputs (git-ignored); the seeds are read only.
  if ! cargo fuzz run --release --debug-assertions "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
      -max_total_time="$secs" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 >"$log" 2>&1; then
    status=1
    tail -40 "$log"
  fi
  after=$(find "fuzz/artifacts/$t" -type f | wc -l)
  execs=$(awk '/stat::number_of_executed_units/{print $NF}' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  corp=$(find "fuzz/corpus/$t" -type f | wc -l)
  summary+=("$(printf '%-11s %4ss  execs %-10s %-22s corpus %-6s crashes %s' "$t" "$secs" "${execs:-?}" "${cov:-cov: ?}" "$corp" "$((after - before))")")
done
echo
printf '%s\n' "${summary[@]}"
exit $status
