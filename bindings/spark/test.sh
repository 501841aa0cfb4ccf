#!/usr/bin/env bash
# The Spark module's tests, in local mode (local[2], one SparkSession for the whole test JVM):
# the corpus against the native CLI, malformed lines, nulls, the filings job; then
# `tools/host.sh spark batch` over the baseline corpus, byte for byte the CLI's output.
# Needs what tools/test.sh has built or installed before it (cargo, the wasm32 target, a JDK 17
# and Maven); Spark's jars come from Maven Central into the local Maven repository.
# Usage: bindings/spark/test.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
start=$(date +%s)
cargo build --quiet --bin icp-validate
tools/build-core.sh --quiet
(cd bindings/java && mvn -B -q -DskipTests -pl core -am install)
# package runs the tests (Surefire) and builds the shaded jar the host run below uses.
(cd bindings/spark && mvn -B -Dstyle.color=never package 2>&1 \
  | grep -vE '^\[INFO\] (Download|Progress)|^(Downloading|Downloaded|Progress)' )
for locale in en zh-CN; do
  target/debug/icp-validate batch --locale "$locale" < tests/baseline/fields.jsonl > "$here/target/cli-batch.txt" || true
  tools/host.sh spark batch --locale "$locale" < tests/baseline/fields.jsonl > "$here/target/spark-batch.txt" || true
  cmp "$here/target/cli-batch.txt" "$here/target/spark-batch.txt"
  echo "tools/host.sh spark batch --locale $locale: $(wc -l < "$here/target/spark-batch.txt") lines, the CLI's bytes"
done
echo "spark step: $(( $(date +%s) - start ))s"
