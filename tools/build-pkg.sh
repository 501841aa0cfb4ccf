#!/usr/bin/env bash
# Builds the npm package into pkg/ (git-ignored) from pkg-templates/, and copies the web
# build next to the demo in www/pkg/. Targets: web (ES module + init), bundler, nodejs.
# Usage: tools/build-pkg.sh [--dev]   (--dev: debug build, faster, bigger)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=release; cargo_flags=(--release)
if [ "${1:-}" = "--dev" ]; then profile=debug; cargo_flags=(); fi

cargo build --lib --target wasm32-unknown-unknown --no-default-features "${cargo_flags[@]}"
wasm="target/wasm32-unknown-unknown/$profile/icp_validate.wasm"

rm -rf pkg
for target in web bundler nodejs; do
  wasm-bindgen "$wasm" --target "$target" --out-dir "pkg/$target" --out-name icp_validate
done
# binaryen from npm (tests/js): Debian's is too old for the reference types rustc emits.
wasm_opt=tests/js/node_modules/.bin/wasm-opt
if [ "$profile" = release ]; then
  if [ -x "$wasm_opt" ]; then
    for f in pkg/*/icp_validate_bg.wasm; do "$wasm_opt" -Oz --strip-debug --strip-producers "$f" -o "$f"; done
  else
    echo "note: $wasm_opt missing (run tools/setup.sh); wasm left unoptimised" >&2
  fi
fi
# The nodejs target is CommonJS inside an ES-module package.
echo '{ "type": "commonjs" }' > pkg/nodejs/package.json
cp pkg-templates/package.json pkg-templates/README.md pkg-templates/index.d.ts pkg/
cp www/widget.js pkg/widget.js
cp pkg-templates/widget.d.ts pkg/widget.d.ts
cp LICENSE* pkg/ 2>/dev/null || true
# The npm package declares its version from Cargo.toml so the two never drift.
version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
sed -i "s/\"version\": \"[^\"]*\"/\"version\": \"$version\"/" pkg/package.json

rm -rf www/pkg && mkdir -p www/pkg && cp pkg/web/* www/pkg/
printf 'built pkg/ (%s): wasm %s bytes\n' "$profile" "$(wc -c < pkg/web/icp_validate_bg.wasm)"
