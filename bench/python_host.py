"""The Python host (bindings/python) side by side with native Rust and python-stdnum, on the
inputs of benches/support/inputs.rs (`bench_native --dump`): per-call `is_valid` and
`validate_field`, a whole filing, `batch` throughput in CPU seconds, RSS over 1M calls.
Usage: python bench/python_host.py INPUTS.json NATIVE.json [--quick]   (tools/bench-python.sh)
Prints a Markdown table and, on the last line, the figures as JSON."""

from __future__ import annotations

import json
import os
import sys
import time

import icp_validate
from icp_validate import _core
from stdnum.cn import ric, uscc


def guarded(fn):
    """stdnum raising (a KeyError for some region codes) counts as invalid, as in bench/peers.py
    (which runs on import, so it is not imported here)."""

    def call(v):
        try:
            return fn(v)
        except Exception:
            return False

    return call

QUICK = "--quick" in sys.argv
ROUNDS = 5


def per_call_us(fn, items) -> float:
    """Median µs per item over 5 rounds of the whole set (after one warm-up round)."""
    for it in items:
        fn(*it)
    times = []
    reps = max(1, (300 if QUICK else 2000) // len(items))
    for _ in range(ROUNDS):
        t = time.perf_counter()
        for _ in range(reps):
            for it in items:
                fn(*it)
        times.append((time.perf_counter() - t) / (reps * len(items)) * 1e6)
    return sorted(times)[ROUNDS // 2]


def rss_kb() -> int:
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))


def main() -> None:
    inputs = json.load(open(sys.argv[1], encoding="utf-8"))
    native = json.load(open(sys.argv[2], encoding="utf-8"))
    today = inputs["today"]
    sets = {s["name"]: s for s in inputs["fields"]}
    rows, figures = [], {}

    def ctx_of(c):
        return {**(c or {}), "today": today} if c else {"today": today}

    for name in ("resident_id", "uscc", "mobile", "domain"):
        s = sets[name]
        items = [(s["field"], v, ctx_of(c)) for v, c in zip(s["values"], s["contexts"])]
        # The common call: no context but the day (the module's own today argument).
        plain = [(s["field"], v) for v, c in zip(s["values"], s["contexts"]) if not c]
        ctx_items = items if len(plain) < len(items) else None
        iv = per_call_us(lambda f, v, *c: icp_validate.is_valid(f, v, *c, today=today), ctx_items or plain)
        vf = per_call_us(lambda f, v, *c: icp_validate.validate_field(f, v, *c, locale="zh-CN", today=today), ctx_items or plain)
        figures[f"is_valid:{name}"], figures[f"validate_field:{name}"] = iv, vf
        rows.append((f"`is_valid` {name}", iv, native.get(f"is_valid:{name}", 0) / 1000))
        rows.append((f"`validate_field` {name}", vf, native.get(name, 0) / 1000))
    for label, fn, name in (("python-stdnum `cn.ric.is_valid`", ric.is_valid, "resident_id"), ("python-stdnum `cn.uscc.is_valid`", uscc.is_valid, "uscc")):
        us = per_call_us(guarded(fn), [(v,) for v in sets[name]["values"]])
        figures[f"stdnum:{name}"] = us
        rows.append((label, us, None))
    for f in inputs["filings"]:
        text = json.dumps(f["filing"], ensure_ascii=False)
        opts = f["options"]
        us = per_call_us(lambda: icp_validate.validate_filing(text, provider=opts.get("provider"), locale="zh-CN", today=opts.get("today", today)), [()])
        figures[f"filing:{f['name']}"] = us
        rows.append((f"`validate_filing` {f['name']} (JSON text in, report out)", us, native.get(f"filing:{f['name']}", 0) / 1000))

    # Batch: resident IDs and USCCs as JSON lines, CPU seconds per line.
    n = 20_000 if QUICK else 200_000
    values = []
    while len(values) < n:
        for field in ("resident_id", "uscc"):
            values += [(field, v) for v in sets[field]["values"]]
    values = values[:n]
    data = "".join(json.dumps({"field": f, "value": v}, ensure_ascii=False) + "\n" for f, v in values).encode()
    runs = []
    for _ in range(3):
        t = time.process_time()
        for chunk in _core.line_chunks(data, max_bytes=1 << 20):
            _core.batch_chunk(chunk, "zh-CN", today)
        runs.append(time.process_time() - t)
    ours = sorted(runs)[1]
    fns = {"resident_id": guarded(ric.is_valid), "uscc": guarded(uscc.is_valid)}
    runs = []
    for _ in range(3):
        t = time.process_time()
        for f, v in values:
            fns[f](v)
        runs.append(time.process_time() - t)
    theirs = sorted(runs)[1]
    figures["batch_lines_per_cpu_s"], figures["stdnum_lines_per_cpu_s"] = n / ours, n / theirs

    # RSS over 1M calls on one instance.
    rid = sets["resident_id"]["values"]
    calls = 100_000 if QUICK else 1_000_000
    marks, rss = {10_000, 100_000, calls}, {"start": rss_kb()}
    for i in range(1, calls + 1):
        icp_validate.is_valid("resident_id", rid[i % len(rid)], today=today)
        if i in marks:
            rss[str(i)] = rss_kb()
    vf_rss = {"start": rss_kb()}
    vf_calls = calls // 5
    for i in range(1, vf_calls + 1):
        icp_validate.validate_field("resident_id", rid[i % len(rid)], today=today)
        if i in (10_000, vf_calls):
            vf_rss[str(i)] = rss_kb()
    figures["rss_kb_is_valid"], figures["rss_kb_validate_field"] = rss, vf_rss

    print("| what | Python host µs/call | native Rust µs/call | ratio |")
    print("|---|---:|---:|---:|")
    for label, us, nat in rows:
        print(f"| {label} | {us:.2f} | {'' if not nat else f'{nat:.3f}'} | {'' if not nat else f'{us / nat:.0f}x'} |")
    print()
    print(f"batch, {n} resident ID + USCC lines: Python host {n / ours:,.0f} lines per CPU second, python-stdnum `is_valid` {n / theirs:,.0f}: {theirs / ours:.1f}x")
    print(f"RSS (KB) over {calls:,} `is_valid` calls: {rss}; over {vf_calls:,} `validate_field` calls: {vf_rss}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
