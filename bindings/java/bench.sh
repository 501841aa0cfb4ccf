#!/usr/bin/env bash
# The JVM host side by side with native Rust, on the inputs of examples/bench_native.rs: prints
# one JSON object per run (native, Java compiled, Java interpreted, start-up, memory) into
# target/java-bench/. BENCH_SECS (default 1) is the measuring time per set; WARM_SECS (default
# 30) of every kind of call let the JIT compile the generated classes before any figure.
#   bindings/java/bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/java-bench
mkdir -p "$out"
tools/build-core.sh --quiet
cargo build --quiet --release --example bench_native
target/release/examples/bench_native --dump "$out/inputs.json"
mvn -B -q -Dstyle.color=never -f bindings/java/pom.xml -Pbench install -DskipTests
cp=bindings/java/bench/target/classes:$(ls bindings/java/bench/target/lib/*.jar | tr '\n' ':')
run() { local name=$1; shift; echo "== $name" >&2; "$@" | tee "$out/$name.json"; }
run native target/release/examples/bench_native
run compiled java -cp "$cp" org.icpvalidate.bench.Bench per-call "$out/inputs.json" compiled
run compiled-huge java -XX:-DontCompileHugeMethods -cp "$cp" org.icpvalidate.bench.Bench per-call "$out/inputs.json" compiled
run interpreter java -cp "$cp" org.icpvalidate.bench.Bench per-call "$out/inputs.json" interpreter
for i in 1 2 3; do
  run "startup-compiled-$i" java -cp "$cp" org.icpvalidate.bench.Bench startup compiled
  run "startup-interpreter-$i" java -cp "$cp" org.icpvalidate.bench.Bench startup interpreter
done
run memory java -Xmx512m -cp "$cp" org.icpvalidate.bench.Bench memory "$out/inputs.json"
