#!/usr/bin/env bash
# Writes the wording table of pkg-templates/api.js (its generated block) from the Rust tables
# (examples/gen_wording.rs, icp_validate::catalog::wording_js): how a locale tag is read
# (Locale, src/message.rs), the tags of typed values in the wasm modules' answers and the
# catalog section wording each (WireTag, src/message.rs), each locale's spacing around a
# placeholder (Spacing, src/registry/render.rs). The project's own code, no outside source.
# tests/wording.rs fails while the committed block is stale.
# Usage: tools/gen_wording.sh [--check]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --example gen_wording -- "$@"
