#!/usr/bin/env bash
# Instructions per item (valgrind callgrind) for benchmark input sets: repeatable where
# timings are noisy. Runs examples/profile_set with 1 and 6 passes and divides the difference.
# Usage: tools/instructions.sh [SET...]   (default: every field set and both filings)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind not found (Debian package valgrind)" >&2; exit 2; }
cargo build --quiet --release --example profile_set
bin=target/release/examples/profile_set
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(resident_id uscc domain mobile android_package md5 filing:valid_website filing:valid_app_three_platforms)
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 |
    awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}
for set in "${sets[@]}"; do
  items=1000
  [[ $set == filing:* ]] && items=1
  one=$(count "$set" 1)
  six=$(count "$set" 6)
  echo "$set $(( (six - one) / (5 * items) ))"
done
