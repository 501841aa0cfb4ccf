#!/usr/bin/env bash
# What a browser downloads for the widget: the wasm module, its JS glue (pkg/web) and
# www/widget.js — raw, gzip -9 and brotli (q 11) — the wasm section sizes and largest
# functions, and the budget check of issue 8 (<= 120 KB gzipped, all tables included).
# Usage: tools/size.sh [--no-build]   (builds pkg/ with tools/build-pkg.sh first)
set -euo pipefail
cd "$(dirname "$0")/.."
budget=$((120 * 1024))
[ "${1:-}" = "--no-build" ] || tools/build-pkg.sh >&2
# Python brotli (bench/requirements.txt), benchmark-only, into bench/.pydeps.
[ -f bench/.pydeps/brotli.py ] || python3 -m pip install --quiet --target bench/.pydeps -r bench/requirements.txt
# Two ways to load: the package's web build (wasm fetched), and the demo page, which imports
# the wasm bytes as a base64 ES module because it runs under connect-src 'none'.
PYTHONPATH=bench/.pydeps python3 - "$budget" <<'PY'
import gzip, os, sys, brotli
budget = int(sys.argv[1])
kb = lambda n: f"{n / 1024:.1f} KB"
groups = {
    "pkg/web + widget": ["pkg/web/icp_validate_bg.wasm", "pkg/web/icp_validate.js", "www/widget.js"],
    "demo page (www/)": ["www/pkg/icp_validate_bg.wasm.js", "www/pkg/icp_validate.js", "www/widget.js"],
}
for title, files in groups.items():
    if not all(os.path.exists(f) for f in files):
        continue
    rows, tot = [], [0, 0, 0]
    for f in files:
        b = open(f, "rb").read()
        sizes = (len(b), len(gzip.compress(b, 9, mtime=0)), len(brotli.compress(b, quality=11)))
        tot = [t + s for t, s in zip(tot, sizes)]
        rows.append((f, *sizes))
    rows.append(("total", *tot))
    print(f"{title:<34} {'raw':>9} {'gzip -9':>9} {'brotli':>9}")
    for f, r, g, br in rows:
        print(f"  {f:<32} {r:>9} {g:>9} {br:>9}")
    verdict = "PASS" if tot[1] <= budget else "FAIL"
    print(f"  budget: {kb(tot[1])} gzipped of {kb(budget)}: {verdict} (brotli {kb(tot[2])})\n")
PY
python3 tools/wasm_sections.py pkg/web/icp_validate_bg.wasm target/wasm32-unknown-unknown/wasm/icp_validate.wasm 15
