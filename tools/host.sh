#!/usr/bin/env bash
# Runs a host's command line over the one core module (docs/ABI.md), building what it needs.
# Usage: tools/host.sh LANG ARGS...
#   spark batch [--locale L] [--today D]   the Spark job in local mode: the CLI's batch over stdin
#   spark filings --input PATH --output DIR [...]   (bindings/spark/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
lang="${1:-}"
[ $# -gt 0 ] && shift
case "$lang" in
  spark) exec bindings/spark/run.sh "$@" ;;
  *) echo "usage: tools/host.sh spark ARGS..." >&2; exit 2 ;;
esac
