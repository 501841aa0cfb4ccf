#!/usr/bin/env bash
# Makes the Python host ready: the core module built (tools/build-core.sh) and copied into the
# package, and a venv at bindings/python/.venv (git-ignored) with the pinned packages of
# bindings/python/requirements-test.txt, reinstalled only when that file changes.
# Prints the venv's python.  Usage: tools/python-env.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build-core.sh --quiet >&2
cp target/core/icp_validate_core.wasm bindings/python/src/icp_validate/icp_validate_core.wasm
venv=bindings/python/.venv
stamp="$venv/.requirements"
if ! cmp -s bindings/python/requirements-test.txt "$stamp" 2>/dev/null; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r bindings/python/requirements-test.txt >&2
  cp bindings/python/requirements-test.txt "$stamp"
fi
echo "$(pwd)/$venv/bin/python"
