#!/usr/bin/env bash
# Runs the Spark job in local mode on this machine, as tools/host.sh spark does: builds the
# core module and the shaded jar when their sources changed, then starts the job on a plain JVM
# with Spark's jars from the local Maven repository (on a cluster, spark-submit provides them).
# Usage: bindings/spark/run.sh batch|filings ARGS...   (JAVA_OPTS for -Xmx and the like)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
say() { printf '[spark] %s\n' "$*" >&2; }
jar="$here/target/icp-validate-spark-0.1.0.jar"
cp_file="$here/target/spark-classpath.txt"

if [ -z "${ICP_SPARK_NO_BUILD:-}" ]; then  # benchmarks set it: no build step in the CPU measured
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown >&2
"$root/tools/build-core.sh" --quiet >/dev/null
mvn_q=(mvn -B -q -Dstyle.color=never)
# The JVM library (bindings/java) into the local Maven repository, when the wasm or its sources
# changed since it was installed; then this module's shaded jar, likewise. The stamp holds the
# wasm's digest (build-core.sh rewrites the file, so its time says nothing).
stamp="$here/target/built-from.txt"
want=$(cat "$root/target/core/icp_validate_core.wasm" "$here/pom.xml" | sha256sum | cut -c1-16)
newer=$(find "$here/src/main" "$root/bindings/java" -name target -prune -o -newer "$jar" -type f -print -quit 2>/dev/null || echo missing)
if [ ! -f "$jar" ] || [ -n "$newer" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "building the JVM library (bindings/java: mvn install) and the shaded jar (mvn package)"
  (cd "$root/bindings/java" && "${mvn_q[@]}" -DskipTests -pl core -am install) >&2
  (cd "$here" && "${mvn_q[@]}" -DskipTests package) >&2
  echo "$want" > "$stamp"
fi
if [ ! -f "$cp_file" ] || [ "$here/pom.xml" -nt "$cp_file" ]; then
  (cd "$here" && "${mvn_q[@]}" dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$cp_file") >&2
fi
fi
opens=$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' "$here/pom.xml")
# shellcheck disable=SC2086  # JAVA_OPTS and the opens are lists of flags
exec java $opens ${JAVA_OPTS:-} -Dlog4j2.configurationFile="$here/conf/log4j2.properties" \
  -Dspark.ui.enabled=false -cp "$jar:$(cat "$cp_file")" dev.icpvalidate.spark.RecheckJob "$@"
