"""Seeded inputs for the Spark benchmarks, built from the repository's own corpus (no data typed
here): the valid resident IDs, mobiles and domains of tests/baseline/fields.jsonl (their results
in fields.results.jsonl say which are valid) are varied into new values, and the sample filings
(tests/filings/*.json, examples/filings/*.json) become keyed records.

  python3 gen_lines.py KIND COUNT [--seed N] > FILE
  KIND: resident_id | mobile | domain | mixed   (field lines: the CLI's `batch` input)
        filings                                 (records: {"key": ..., "filing": {...}})

resident_id: the corpus's region codes and birth dates, fresh sequence numbers, the GB 11643
check digit computed (about 1 in 20 lines gets a wrong one, as typed data has). mobile: a valid
prefix of the corpus with fresh last four digits, in context the prefix's own province or, one
line in ten, another province. domain: fresh second-level labels under the corpus's suffixes.
mixed: the three interleaved. Same seed, same bytes. bindings/spark/examples/records.jsonl is
`gen_lines.py filings 20 --seed 7`."""
import argparse
import glob
import json
import os
import random
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../.."))
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def corpus():
    """(field, value, details) of every valid line of the baseline corpus."""
    inputs = open(os.path.join(ROOT, "tests/baseline/fields.jsonl"), encoding="utf-8")
    results = open(os.path.join(ROOT, "tests/baseline/fields.results.jsonl"), encoding="utf-8")
    out = []
    for line, result in zip(inputs, results):
        req, res = json.loads(line), json.loads(result)["en"]
        if res["valid"]:
            out.append((req["field"], res.get("normalized") or req["value"], res.get("details") or {}))
    return out


def check_digit(body):
    return "10X98765432"[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]


def make(kind, count, seed):
    rng = random.Random(seed)
    valid = corpus()
    births = sorted({d["birth_date"].replace("-", "") for f, _, d in valid if f == "resident_id"})
    regions = sorted({d["region_code"] for f, _, d in valid if f == "resident_id"})
    mobiles = sorted({(v[:7], d["province"]) for f, v, d in valid if f == "mobile" and v.isdigit() and len(v) == 11 and "province" in d})
    provinces = sorted({p for _, p in mobiles})
    suffixes = sorted({d["public_suffix"] for f, _, d in valid if f == "domain" and d.get("public_suffix", "").isascii()})
    letters = "abcdefghijklmnopqrstuvwxyz0123456789"

    def resident_id():
        body = rng.choice(regions) + rng.choice(births) + f"{rng.randrange(1000):03d}"
        digit = check_digit(body)
        if rng.random() < 0.05:
            digit = "0" if digit != "0" else "1"
        return {"field": "resident_id", "value": body + digit}

    def mobile():
        prefix, province = rng.choice(mobiles)
        if rng.random() < 0.1:
            province = rng.choice(provinces)
        return {"field": "mobile", "value": prefix + f"{rng.randrange(10000):04d}", "context": {"province": province}}

    def domain():
        label = "".join(rng.choice(letters) for _ in range(rng.randrange(3, 16)))
        sub = rng.choice(["", "", "www.", "m."])
        return {"field": "domain", "value": sub + label + "." + rng.choice(suffixes)}

    makers = {"resident_id": [resident_id], "mobile": [mobile], "domain": [domain],
              "mixed": [resident_id, mobile, domain]}[kind]
    write = sys.stdout.write
    for i in range(count):
        write(json.dumps(makers[i % len(makers)](), ensure_ascii=False, separators=(",", ":")) + "\n")


def filings(count, seed):
    rng = random.Random(seed)
    paths = sorted(glob.glob(os.path.join(ROOT, "tests/filings/*.json"))) + sorted(glob.glob(os.path.join(ROOT, "examples/filings/*.json")))
    samples = []
    for path in paths:
        doc = json.load(open(path, encoding="utf-8"))
        samples.append(doc["filing"] if "filing" in doc and "expect" in doc else doc)
    for i in range(count):
        record = {"key": f"record-{i:09d}", "filing": rng.choice(samples)}
        sys.stdout.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("kind", choices=["resident_id", "mobile", "domain", "mixed", "filings"])
    p.add_argument("count", type=int)
    p.add_argument("--seed", type=int, default=2026)
    a = p.parse_args()
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    if a.kind == "filings":
        filings(a.count, a.seed)
    else:
        make(a.kind, a.count, a.seed)


if __name__ == "__main__":
    main()
