#!/usr/bin/env bash
# The main job: build the wasm package and serve the demo filing form on loopback.
# Usage: tools/demo.sh [PORT]   (default 8080; open http://127.0.0.1:PORT/)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-8080}"
tools/setup.sh --no-browser
tools/build-pkg.sh
echo "demo: http://127.0.0.1:$port/  (Ctrl-C to stop)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory www
