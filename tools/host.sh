#!/usr/bin/env bash
# Runs a server host's command line on the core module (docs/ABI.md), building what it needs
# first; `batch` and `filing` print the native CLI's bytes with its exit statuses.
#   tools/host.sh python batch --locale en < requests.jsonl
#   tools/host.sh python filing - --today 2026-11-30 --locale en < filing.json
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
  *)
    echo "usage: tools/host.sh LANG ARGS...   (LANG: python)" >&2
    exit 2
    ;;
esac
