#!/usr/bin/env python3
"""The fixed corpus behind the committed result baseline (tests/baseline/).

Written once and committed; regenerate it only on purpose (a new rule family, a new field),
in its own commit, then regenerate the results (`UPDATE_BASELINE=1 cargo test --test
baseline`). Deterministic: the same files give the same corpus.

- fields.jsonl: every seed of tests/vectors/**/*.json as written; every field id of
  docs/FIELDS.md with a fixed sample of seeds from all families; and a fixed sample of the
  parity corpus's mutations (tools/gen_parity_corpus.py). Each line {"field","value","context"}
  with `today` always set, so no result depends on the clock.
- filings.jsonl: every sample filing of tests/filings/ with its options, as
  {"filing": {...}} or {"filing_json": "..."} plus "options".

Usage: tools/gen_baseline_corpus.py [--per-field N] [--mutations N]"""
import argparse
import glob
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
from gen_parity_corpus import load_seeds, mutations  # noqa: E402

OUT = os.path.join(ROOT, "tests", "baseline")


def field_ids():
    with open(os.path.join(ROOT, "docs", "FIELDS.md"), encoding="utf-8") as f:
        return re.findall(r"^### `([a-z0-9_]+)`", f.read(), re.M)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-field", type=int, default=24)
    ap.add_argument("--mutations", type=int, default=1500)
    a = ap.parse_args()
    rng = random.Random(20261130)
    seeds = load_seeds()
    cases = [(f, v, c) for f, v, c in seeds]
    for field in field_ids():
        for f, v, c in rng.sample(seeds, a.per_field):
            cases.append((field, v, c))
    pool = []
    for f, v, c in seeds:
        muts = mutations(v)
        pool += [(f, m, c) for m in muts[:: max(1, len(muts) // 6)] if len(m.encode("utf-8")) <= 600]
    cases += rng.sample(pool, min(a.mutations, len(pool)))
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "fields.jsonl"), "w", encoding="utf-8") as out:
        for f, v, c in cases:
            out.write(json.dumps({"field": f, "value": v, "context": c}, ensure_ascii=False, sort_keys=True) + "\n")
    n_filings = 0
    with open(os.path.join(OUT, "filings.jsonl"), "w", encoding="utf-8") as out:
        for path in sorted(glob.glob(os.path.join(ROOT, "tests", "filings", "*.json"))):
            with open(path, encoding="utf-8") as f:
                case = json.load(f)
            line = {k: case[k] for k in ("filing", "filing_json", "options") if k in case}
            out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
            n_filings += 1
    print("baseline corpus: %d field cases, %d filings" % (len(cases), n_filings), file=sys.stderr)


if __name__ == "__main__":
    main()
