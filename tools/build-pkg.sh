# Builds the npm package into pkg/ (git-ignored) from pkg-templates/, and copies the web entry
# next to the demo in www/pkg/. Three wasm modules (pkg/web/) serve every entry: the field
# module (the per-keystroke path); the IDN module, UTS 46 alone, which the field module asks
# for names that are not plain ASCII (src/rules/idn.rs), loaded right after it; and the filing
# module, loaded on first need, which runs no field rule itself but asks the field module
# through JS (src/registry/bridge.rs). The web glue fetches
# them, the bundler entry names them for the bundler, the nodejs glue reads them from disk.
# A fourth, the app-file module ("./app-file", src/wasm_app_file.rs), reads APP files; it has
# only the web glue, which Node instantiates from the bytes (pkg-templates/app-file-node.js).
# Messages are worded in JS from one catalog module per locale (pkg/catalog/), generated from
# the native `icp-validate catalog`, so the Rust catalog stays the single source.
# Usage: tools/build-pkg.sh [--dev]   (--dev: debug build, faster, bigger)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=wasm; cargo_flags=(--profile wasm)
if [ "${1:-}" = "--dev" ]; then profile=debug; cargo_flags=(); fi

out="target/wasm32-unknown-unknown/$profile"
# One build per module; each is copied away before the next overwrites icp_validate.wasm.
# The field and filing modules at opt-level "s", the others at the profile's "z": with "s" the
# whole filing in Chromium takes ~80 µs instead of ~110 µs (target < 100), for +14.6 KB gzipped
# on the field module (the first field still within its 170 KB) and +7.5 KB on the filing
# module (BENCHMARKS.md, "Build levels").
for module in field filing idn app_file; do
  level=z
  case $module in field | filing) level=s ;; esac
  CARGO_PROFILE_WASM_OPT_LEVEL=$level cargo build --lib --target wasm32-unknown-unknown --no-default-features --features "browser,${module//_/-}-module" "${cargo_flags[@]}"
  cp "$out/icp_validate.wasm" "$out/icp_validate_$module.wasm"
done
cargo build --quiet --bin icp-validate

rm -rf pkg
mkdir -p pkg/nodejs
# Each module: its cargo feature, its name in pkg/web/, its nodejs glue file.
for pair in "field icp_validate glue" "filing icp_validate_filing filing_glue" "idn icp_validate_idn idn_glue"; do
  read -r module name glue <<< "$pair"
  wasm-bindgen "$out/icp_validate_$module.wasm" --target web --out-dir pkg/web --out-name "$name" --no-typescript
  wasm-bindgen "$out/icp_validate_$module.wasm" --target nodejs --out-dir pkg/nodejs.tmp --out-name "$name" --no-typescript
  # The nodejs glue reads the web build's wasm instead of a copy of its own.
  sed "s|\`\${__dirname}/${name}_bg.wasm\`|\`\${__dirname}/../web/${name}_bg.wasm\`|" "pkg/nodejs.tmp/$name.js" > "pkg/nodejs/$glue.js"
  grep -q "/../web/${name}_bg.wasm" "pkg/nodejs/$glue.js" || { echo "build-pkg: the nodejs glue's wasm path changed" >&2; exit 1; }
done
rm -rf pkg/nodejs.tmp
wasm-bindgen "$out/icp_validate_app_file.wasm" --target web --out-dir pkg/web --out-name icp_validate_app_file --no-typescript
# binaryen from npm (tests/js): Debian's is too old for the reference types rustc emits.
wasm_opt=tests/js/node_modules/.bin/wasm-opt
if [ "$profile" = wasm ]; then
  if [ -x "$wasm_opt" ]; then
    for web in pkg/web/icp_validate_bg.wasm pkg/web/icp_validate_filing_bg.wasm pkg/web/icp_validate_idn_bg.wasm pkg/web/icp_validate_app_file_bg.wasm; do
      # -O1 without memory packing: smaller than -Oz once gzipped (and brotli), as fast (BENCHMARKS.md).
      "$wasm_opt" -O1 --skip-pass=memory-packing --strip-debug --strip-producers "$web" -o "$web.opt"
      mv "$web.opt" "$web"
    done
  else
    echo "note: $wasm_opt missing (run tools/setup.sh); wasm left unoptimised" >&2
  fi
fi
# The nodejs glue and its wrapper are CommonJS inside an ES-module package.
echo '{ "type": "commonjs" }' > pkg/nodejs/package.json
cp pkg-templates/node.cjs pkg/nodejs/icp_validate.js
# api.js as CommonJS for the require() entry: its only exports are `export function`s.
{ echo '"use strict";'; sed 's/^export function /function /' pkg-templates/api.js; echo 'module.exports = { localeTag, wordFindings, makeApi };'; } > pkg/nodejs/api.js
! grep -q '^export ' pkg/nodejs/api.js || { echo "build-pkg: api.js has an export the CommonJS copy cannot take" >&2; exit 1; }
# One ES module per locale, from the native catalog.
mkdir -p pkg/catalog
target/debug/icp-validate catalog | python3 tools/catalog_modules.py pkg/catalog
cp pkg-templates/package.json pkg-templates/README.md pkg-templates/index.d.ts pkg-templates/web.d.ts pkg-templates/app-file.d.ts pkg/
# The types of what the API takes and returns, generated from the Rust types (tests/typescript.rs).
cp pkg-templates/types.d.ts pkg/
cp pkg-templates/web.js pkg-templates/bundler.js pkg-templates/node.js pkg-templates/api.js pkg-templates/attachment-file.js pkg/
cp pkg-templates/app-file.js pkg-templates/app-file-node.js pkg/
cp www/widget.js pkg/widget.js
cp pkg-templates/widget.d.ts pkg/widget.d.ts
# Form-library adapters: plain ES modules importing "icp-validate" itself, so they share the
# app's instance of the package.
cp -r pkg-templates/adapters pkg/adapters
# The package is published under both licences: no package without their texts.
cp LICENSE-MIT LICENSE-APACHE pkg/
# The npm package declares its version from Cargo.toml so the two never drift.
version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
sed -i "s/\"version\": \"[^\"]*\"/\"version\": \"$version\"/" pkg/package.json

# The demo loads the web entry as www/pkg/icp_validate.js.
rm -rf www/pkg && mkdir -p www/pkg
cp -r pkg/web pkg/catalog pkg/web.js pkg/api.js pkg/attachment-file.js pkg/app-file.js www/pkg/
printf '// The package'"'"'s web entry, as the demo imports it.\nexport * from "./web.js";\nexport { default } from "./web.js";\n' > www/pkg/icp_validate.js
# The demo runs under connect-src 'none', so it cannot fetch() the .wasm: it imports the bytes
# as an ES module (governed by script-src 'self') instead.
python3 - pkg/web/icp_validate_bg.wasm www/pkg/icp_validate_bg.wasm.js pkg/web/icp_validate_filing_bg.wasm www/pkg/icp_validate_filing_bg.wasm.js pkg/web/icp_validate_idn_bg.wasm www/pkg/icp_validate_idn_bg.wasm.js \
  pkg/web/icp_validate_app_file_bg.wasm www/pkg/icp_validate_app_file_bg.wasm.js <<'PY'
import base64, sys
for wasm, module in zip(sys.argv[1::2], sys.argv[2::2]):
    data = base64.b64encode(open(wasm, "rb").read()).decode()
    open(module, "w").write('// Generated by tools/build-pkg.sh: the wasm bytes, for pages whose CSP forbids fetch().\n'
        f'export default Uint8Array.from(atob("{data}"), (c) => c.charCodeAt(0));\n')
PY
printf 'built pkg/ (%s): field wasm %s bytes, IDN wasm %s bytes, filing wasm %s bytes, app-file wasm %s bytes\n' "$profile" "$(wc -c < pkg/web/icp_validate_bg.wasm)" "$(wc -c < pkg/web/icp_validate_idn_bg.wasm)" "$(wc -c < pkg/web/icp_validate_filing_bg.wasm)" "$(wc -c < pkg/web/icp_validate_app_file_bg.wasm)"
