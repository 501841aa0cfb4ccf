#!/usr/bin/env bash
# The console apps: one Vite page per form library (Element Plus, Ant Design, TDesign, Arco,
# Naive UI, React Hook Form, VeeValidate, Formily) with the real packages, built against the
# package as an app installs it and driven in headless Chromium; `tsc --strict` on rule files
# typed with each library's own rule types. Needs pkg/ built (tools/build-pkg.sh) and
# tests/js installed (Chromium driver). Installs its own packages (one node_modules).
# Usage: tests/apps/run.sh
set -euo pipefail
cd "$(dirname "$0")"
start=$(date +%s)
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # --ignore-scripts: none of these packages needs an install script (esbuild and the
  # TypeScript compiler come as per-platform packages).
  npm ci --no-audit --no-fund --loglevel=error --ignore-scripts
fi
echo "apps: install $(( $(date +%s) - start ))s"
# The app's dependency on the package: the built pkg/, as `npm install` of it would place it.
ln -sfn ../../../pkg node_modules/icp-validate
t=$(date +%s)
node node_modules/vite/bin/vite.js build --config vite.config.mjs
echo "apps: vite build $(( $(date +%s) - t ))s"
t=$(date +%s)
node node_modules/typescript/bin/tsc -p types/tsconfig.json
echo "apps: tsc $(( $(date +%s) - t ))s"
node --test apps.test.mjs
echo "apps: total $(( $(date +%s) - start ))s"
