#!/usr/bin/env python3
"""Deterministic native/wasm parity corpus: JSON lines {"field","value","context"} for the
CLI `batch` subcommand and for `validateField` in Node (tests/js/parity.test.mjs).

Field ids, seed values and contexts come from tests/vectors/**/*.json, so a new rule family
is covered as soon as it has vectors. Each seed is mutated (character substitutions,
truncations, width folding and case changes, insertions of zero-width/bidi/NUL/CJK
characters, long repetitions around the 512-byte limit) and sent to its own field; a sample
of every seed's mutations also goes to every other field. If that gives fewer than
--min-cases, seeded random edits of the seeds fill up; above --max-cases a seeded sample
is kept (the unmutated seeds always stay). Stdlib only; same output on every run.

Usage: tools/gen_parity_corpus.py [--min-cases N] [--max-cases N] [--out FILE]"""
import argparse
import glob
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SUBSTITUTES = list("0123456789AXZIOSVxa-. *#中") + ["\u3000", "\uff11", "\uff38", "\u0430", "\u00e9", "\U0001f600"]
INSERTS = ["\u200b", "\u200d", "\u202e", "\u200f", "\u0000", "\ufeff", "\u00ad", "\u0301", "\n", "\t", "中", " "]
# Lone surrogates are not included: JSON cannot carry them to serde_json, and JS turns them
# into U+FFFD before the wasm boundary (tests/js/parity.test.mjs checks that separately).


def load_seeds():
    seeds = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "vectors", "**", "*.json"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for v in doc["vectors"]:
            ctx = dict(v.get("context") or {})
            if doc.get("today") is not None:
                ctx.setdefault("today", doc["today"])
            seeds.append((v["field"], v["value"], ctx))
    return seeds


def full_width(s):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in s)


def mutations(value):
    """Every systematic mutation of one seed value, in a fixed order."""
    out = [value, value.lower(), value.upper(), full_width(value), " %s " % value, value + value]
    chars = list(value)
    for i in range(len(chars)):
        for c in SUBSTITUTES:
            if c != chars[i]:
                out.append("".join(chars[:i] + [c] + chars[i + 1:]))
    for i in range(len(chars) + 1):
        out.append(value[:i])
        out.append(value[i:])
    for i in range(len(chars) + 1):
        for c in INSERTS:
            out.append("".join(chars[:i] + [c] + chars[i:]))
    for i in range(len(chars) - 1):
        out.append("".join(chars[:i] + [chars[i + 1], chars[i]] + chars[i + 2:]))  # transposition
    unit = value or "1"
    for n in (500, 511, 512, 513, 4096, 100_000):
        out.append((unit * (n // len(unit.encode("utf-8")) + 1))[:n])
    return out


def random_edit(rng, value):
    chars = list(value)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(3)
        i = rng.randint(0, len(chars))
        if op == 0 and i < len(chars):
            chars[i] = rng.choice(SUBSTITUTES)
        elif op == 1:
            chars.insert(i, rng.choice(SUBSTITUTES + INSERTS))
        elif chars:
            del chars[min(i, len(chars) - 1)]
    return "".join(chars)


def corpus(min_cases, max_cases):
    seeds = load_seeds()
    fields = sorted({f for f, _, _ in seeds})
    if not fields:
        sys.exit("no vectors in tests/vectors/")
    rng = random.Random(20261123)
    cases = []
    for field, value, ctx in seeds:
        muts = mutations(value)
        cases += [(field, m, ctx) for m in muts]
        sample = muts[:: max(1, len(muts) // 50)]
        cases += [(other, m, ctx) for other in fields if other != field for m in sample]
    while len(cases) < min_cases:
        field, value, ctx = seeds[rng.randrange(len(seeds))]
        target = field if rng.random() < 0.7 else rng.choice(fields)
        cases.append((target, random_edit(rng, value), ctx))
    if len(cases) > max_cases:
        chosen = sorted(rng.sample(range(len(cases)), max_cases - len(seeds)))
        cases = [(f, v, c) for f, v, c in seeds] + [cases[i] for i in chosen]
    return cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-cases", type=int, default=100_000)
    ap.add_argument("--max-cases", type=int, default=400_000)
    ap.add_argument("--out", default="-")
    a = ap.parse_args()
    cases = corpus(a.min_cases, a.max_cases)
    f = sys.stdout if a.out == "-" else open(a.out, "w", encoding="utf-8")
    for field, value, ctx in cases:
        f.write(json.dumps({"field": field, "value": value, "context": ctx}, ensure_ascii=False) + "\n")
    if f is not sys.stdout:
        f.close()
    print("parity corpus: %d cases, %d fields" % (len(cases), len({c[0] for c in cases})), file=sys.stderr)


if __name__ == "__main__":
    main()
