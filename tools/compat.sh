#!/usr/bin/env bash
# The compatibility matrix (tests/compat/run.mjs): the package built in pkg/, packed as npm
# would, in tiny apps on Vite 5-8 (dev and build), webpack 5 (build and webpack-dev-server),
# Rsbuild, esbuild, Next.js 15/16 (webpack and Turbopack; dev, build + start, a route handler),
# Nuxt 3/4 (dev, build + the built server, a server/api route) and Node (import, require),
# each driven in headless Chromium. Each app installs with `npm ci` from its own committed
# lockfile through the one npm cache. A full run writes its table (tool, version, date,
# result) into README.md ("Use it with").
# Usage: tools/compat.sh            the whole matrix (about 15 minutes on 2 cores)
#        tools/compat.sh --ci       what CI runs: Vite 7 dev and build, Next.js 16 build + start
#        tools/compat.sh NAME...    some setups (`node tests/compat/run.mjs list` names them)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f pkg/package.json ] || tools/build-pkg.sh
args=("$@")
full=0
if [ ${#args[@]} -eq 0 ]; then full=1; fi
if [ "${1:-}" = "--ci" ]; then args=(vite7-dev vite7-build next16-turbopack-build); fi
json=$(mktemp)
trap 'rm -f "$json"' EXIT
status=0
node tests/compat/run.mjs --install --json "$json" "${args[@]}" || status=$?
if [ $full = 1 ]; then
  python3 - "$json" README.md <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
rows = ["| tool | setup | version | date | result |", "|---|---|---|---|---|"]
for r in run["results"]:
    result = "pass" if r["ok"] else "FAIL: " + r["error"].split("\n")[0][:120].replace("|", "\\|")
    rows.append(f"| {r['tool']} | {r['how']} | {r['version']} | {run['date']} | {result} |")
rows.append(f"\nNode {run['node']}, headless Chromium; `tools/compat.sh` (whole matrix).")
readme = open(sys.argv[2]).read()
start, end = "<!-- compat:start -->\n", "<!-- compat:end -->"
head, rest = readme.split(start, 1)
open(sys.argv[2], "w").write(head + start + "\n".join(rows) + "\n" + end + rest.split(end, 1)[1])
PY
  echo "compat: table written into README.md"
fi
exit $status
