#!/usr/bin/env bash
# The main job: build the wasm package and serve the demo filing form on loopback.
# Usage: tools/demo.sh [PORT]   (default 8080; open http://127.0.0.1:PORT/)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-8080}"
case "$port" in
  '' | *[!0-9]*) echo "usage: tools/demo.sh [PORT]   (a port number, default 8080)" >&2; exit 2 ;;
esac
# Checked before the build and again before serving, so a busy port is one clear line,
# not a traceback from http.server after minutes of building.
port_free() {
  python3 - "$port" <<'PY'
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as http.server does
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
PY
}
busy() {
  echo "demo: port $port on 127.0.0.1 is busy (another server?); pick another: tools/demo.sh $((port == 65535 ? 8081 : port + 1))" >&2
  exit 1
}
port_free || busy
tools/setup.sh --no-browser
tools/build-pkg.sh
port_free || busy
echo "demo: http://127.0.0.1:$port/  (Ctrl-C to stop)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory www
