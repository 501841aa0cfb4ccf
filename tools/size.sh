#!/usr/bin/env bash
# What a browser downloads before its first field is validated through the package's "./web"
# and "./widget" exports: the field module, its glue, the entry and its modules, the widget and
# the page locale's catalog; then the filing module and its glue, loaded on the first
# whole-filing check; then the app-file module ("./app-file"), loaded on the first APP file
# read — raw, gzip -9 and brotli (q 11) per file — then each module's section sizes and
# largest functions. Budgets (issue 15), gzip -9 summed per file: <= 170 KB before the first
# field, <= 60 KB for the filing module, <= 120 KB for the app-file module; the same 170 KB for
# what a page importing "icp-validate" (the bundler entry) fetches at load. The IDN module
# (UTS 46, for names that are not plain ASCII or have an xn-- label) loads only when such a name
# is checked and has no budget of its own.
# Usage: tools/size.sh [--no-build]   (builds pkg/ with tools/build-pkg.sh first)
set -euo pipefail
cd "$(dirname "$0")/.."
budget=$((170 * 1024))
filing_budget=$((60 * 1024))
app_file_budget=$((120 * 1024))
[ "${1:-}" = "--no-build" ] || tools/build-pkg.sh >&2
# Python brotli (bench/requirements.txt), benchmark-only, into bench/.pydeps.
[ -f bench/.pydeps/brotli.py ] || python3 -m pip install --quiet --target bench/.pydeps -r bench/requirements.txt
# The demo page imports the wasm bytes as a base64 ES module instead (connect-src 'none').
PYTHONPATH=bench/.pydeps python3 - "$budget" "$filing_budget" "$app_file_budget" <<'PY'
import glob, gzip, os, sys, brotli
budget, filing_budget, app_file_budget = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
kb = lambda n: f"{n / 1024:.1f} KB"
entry = ["pkg/web/icp_validate_bg.wasm", "pkg/web/icp_validate.js", "pkg/web.js", "pkg/api.js", "pkg/attachment-file.js", "pkg/widget.js"]
groups = {
    "pkg ./web + ./widget, zh-CN": (entry + ["pkg/catalog/zh-CN.js"], budget),
    "pkg ./web + ./widget, en": (entry + ["pkg/catalog/en.js"], budget),
    "pkg \"icp-validate\" (bundler entry) + ./widget, zh-CN, at page load": (entry + ["pkg/bundler.js", "pkg/catalog/zh-CN.js"], budget),
    "IDN module, when a name needs it": (["pkg/web/icp_validate_idn_bg.wasm", "pkg/web/icp_validate_idn.js", "pkg/idn-wasm.js"], None),
    "filing module, when idle after the first check": (["pkg/web/icp_validate_filing_bg.wasm", "pkg/web/icp_validate_filing.js", "pkg/filing-wasm.js"], filing_budget),
    "app-file module, on first file": (["pkg/web/icp_validate_app_file_bg.wasm", "pkg/web/icp_validate_app_file.js", "pkg/app-file.js"], app_file_budget),
    "demo page (www/), zh-CN, before its first field": (["www/pkg/icp_validate_bg.wasm.js", "www/pkg/web/icp_validate.js", "www/pkg/icp_validate.js", "www/pkg/web.js", "www/pkg/api.js", "www/pkg/attachment-file.js", "www/widget.js", *sorted(glob.glob("www/widget/*.js")), "www/pkg/catalog/zh-CN.js"], budget),
}
for title, (files, budget) in groups.items():
    if not all(os.path.exists(f) for f in files):
        continue
    rows, tot = [], [0, 0, 0]
    for f in files:
        b = open(f, "rb").read()
        sizes = (len(b), len(gzip.compress(b, 9, mtime=0)), len(brotli.compress(b, quality=11)))
        tot = [t + s for t, s in zip(tot, sizes)]
        rows.append((f, *sizes))
    rows.append(("total", *tot))
    print(f"{title:<38} {'raw':>9} {'gzip -9':>9} {'brotli':>9}")
    for f, r, g, br in rows:
        print(f"  {f:<36} {r:>9} {g:>9} {br:>9}")
    if budget is None:
        print(f"  (no budget of its own: loaded when a name needs it)\n")
        continue
    verdict = "PASS" if tot[1] <= budget else "FAIL"
    print(f"  budget: {kb(tot[1])} gzipped of {kb(budget)}: {verdict} (brotli {kb(tot[2])})\n")
PY
for module in field idn filing app_file; do
  web=pkg/web/icp_validate_bg.wasm
  [ $module = field ] || web=pkg/web/icp_validate_${module}_bg.wasm
  python3 tools/wasm_sections.py $web target/wasm32-unknown-unknown/wasm/icp_validate_$module.wasm 15
  echo
done
