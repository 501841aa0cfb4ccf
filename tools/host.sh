#!/usr/bin/env bash
# Runs a server host's command line on the core module (docs/ABI.md), building what it needs
# first; `batch` and `filing` print the native CLI's bytes with its exit statuses.
#   tools/host.sh go batch --locale en < requests.jsonl
#   tools/host.sh go filing - --today 2026-11-30 --locale en < filing.json
# One case per host; each builds quietly (to stderr) and then runs its command in the
# caller's directory, so relative paths work.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lang=${1:-}
[ $# -gt 0 ] && shift
case "$lang" in
  go)
    # The module embeds its committed .wasm (bindings/go/icp_validate_core.wasm); go build
    # fetches wazero through the module proxy on first use and rebuilds only what changed.
    (cd "$root/bindings/go" && go build -o "$root/target/go/icp-validate" ./cmd/icp-validate) >&2
    exec "$root/target/go/icp-validate" "$@"
    ;;
  *)
    echo "usage: tools/host.sh LANG ARGS...   (LANG: go)" >&2
    exit 2
    ;;
esac
