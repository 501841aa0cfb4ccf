#!/usr/bin/env bash
# Runs a server host's command line on the core module (docs/ABI.md), building what it needs
# first; `batch` and `filing` print the native CLI's bytes with its exit statuses.
#   tools/host.sh python batch --locale en < requests.jsonl
#   tools/host.sh go filing - --today 2026-11-30 --locale en < filing.json
#   tools/host.sh spark batch --locale en < requests.jsonl     (the Spark job in local mode)
# One case per host; each builds quietly (to stderr) and then runs its command in the
# caller's directory, so relative paths work.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lang=${1:-}
[ $# -gt 0 ] && shift
case "$lang" in
  python)
    python=$("$root/tools/python-env.sh")
    PYTHONPATH="$root/bindings/python/src" exec "$python" -m icp_validate "$@"
    ;;
  go)
    # The module embeds its committed .wasm (bindings/go/icp_validate_core.wasm); go build
    # fetches wazero through the module proxy on first use and rebuilds only what changed.
    (cd "$root/bindings/go" && go build -o "$root/target/go/icp-validate" ./cmd/icp-validate) >&2
    exec "$root/target/go/icp-validate" "$@"
    ;;
  java)
    # The jar carries the core module (compiled to JVM bytecode at build time). Maven rebuilds
    # it when a Java source is newer than the jar or the module's bytes changed.
    "$root/tools/build-core.sh" --quiet >/dev/null
    jar="$root/bindings/java/cli/target/icp-validate-cli.jar"
    stamp="$root/bindings/java/cli/target/core.sha256"
    if [ ! -f "$jar" ] || ! sha256sum --status -c "$stamp" 2>/dev/null \
        || [ -n "$(find "$root/bindings/java" -path '*/target' -prune -o -newer "$jar" -type f -print -quit)" ]; then
      mvn -B -q -Dstyle.color=never -f "$root/bindings/java/pom.xml" install -DskipTests >&2
      sha256sum "$root/target/core/icp_validate_core.wasm" > "$stamp"
    fi
    exec java -jar "$jar" "$@"
    ;;
  spark)
    # The Spark job (bindings/spark) in local mode: batch | filings; run.sh builds what changed.
    exec "$root/bindings/spark/run.sh" "$@"
    ;;
  *)
    echo "usage: tools/host.sh LANG ARGS...   (LANG: python, go, java, spark)" >&2
    exit 2
    ;;
esac
