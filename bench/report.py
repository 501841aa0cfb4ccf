"""Prints the side-by-side table of tools/bench.sh from the JSON files in DIR (native.json,
wasm.json, stdnum.json, batch.json), with ratios and the targets of issue 15 (delivery).
Usage: bench/report.py DIR"""
import json
import os
import sys

d = sys.argv[1]
load = lambda n: json.load(open(os.path.join(d, n), encoding="utf-8"))
native, wasm, stdnum = load("native.json"), load("wasm.json"), load("stdnum.json")
batch = load("batch.json") if os.path.exists(os.path.join(d, "batch.json")) else None
# The boolean fast path's figures, apart from the result-building ones.
fast = {k.split(":", 1)[1]: v for k, v in native.items() if k.startswith("is_valid:")}
native = {k: v for k, v in native.items() if not k.startswith("is_valid:")}
node, chrome, peers = wasm["node"], wasm["chromium"], wasm["peers"]
o3 = load("native_o3.json") if os.path.exists(os.path.join(d, "native_o3.json")) else None


def fmt(ns):
    return f"{ns / 1000:.1f} µs" if ns >= 10_000 else f"{ns:.0f} ns"


rows = []
head = ["input set", "native", "native is_valid"] + (["native -O3"] if o3 else []) + ["wasm Node", "wasm Chromium", "validator.js", "libphonenumber-js", "python-stdnum"]
for name, ns in native.items():
    peer = peers.get(name, {})
    row = [name, fmt(ns), fmt(fast[name]) if name in fast else "-"] + ([fmt(o3[name])] if o3 else [])
    for side in (node, chrome):
        w = side["ns"].get(name)
        row.append(f"{fmt(w)} ({w / ns:.1f}x)" if w else "-")
    for lib in ("validator.js", "libphonenumber-js"):
        p = peer.get(lib)
        # Ratio: how many times faster native is than the peer.
        row.append(f"{fmt(p['ns'])} ({p['ns'] / ns:.1f}x)" if p else "-")
    s = stdnum.get(name)
    row.append(f"{fmt(s['ns'])} ({s['ns'] / ns:.1f}x)" if s else "-")
    rows.append(row)

print("isValid (the boolean fast path), ns per item: " + ", ".join(f"{k} native {fmt(fast[k])} / Node {fmt(node.get('is_valid', {}).get(k, 0))} / Chromium {fmt(chrome.get('is_valid', {}).get(k, 0))}" for k in fast))
print()
print("ns per item (median of 5 rounds). wasm columns: (x) = wasm / native, lower is better;")
print("peer columns: (x) = peer / native, higher means native is that many times faster.")
print("| " + " | ".join(head) + " |")
print("|" + "---|" * len(head))
for r in rows:
    print("| " + " | ".join(r) + " |")

mismatch = [k for k in node["valid"] if node["valid"][k] != chrome["valid"].get(k)]
print(f"\nvalid counts, Node vs Chromium: {'identical' if not mismatch else 'DIFFER: ' + ', '.join(mismatch)}")
print("valid counts per set:", ", ".join(f"{k} {v}" for k, v in node["valid"].items()))
for name, libs in peers.items():
    for lib, p in libs.items():
        print(f"  {lib} {name}: {p['valid']} valid")
for name in ("resident_id", "uscc"):
    print(f"  python-stdnum {name}: {stdnum[name]['valid']} valid")

print("\nload: Node compile {compile_ms:.1f} ms, instantiate {instantiate_ms:.2f} ms, require() total {require_ms:.1f} ms".format(**node["load"]))
print("      Chromium {} compile {compile_ms:.1f} ms, instantiate {instantiate_ms:.2f} ms".format(chrome.get("version", ""), **chrome["load"]))
m = wasm.get("memory")
if m:
    print(f"memory: linear memory {m['start']} B at start, {m['after_10k']} B after 10k calls, {m['after_1m']} B after {m['calls']} calls ({m['ns_per_call']:.0f} ns/call)")

print("\ntargets (issue 15):")
def check(label, ok):
    print(f"  {'PASS' if ok else 'MISS'}  {label}")
fil = [k for k in native if k.startswith("filing:")]
for k in fil:
    check(f"Chromium {k} < 100 µs ({fmt(chrome['ns'][k])})", chrome["ns"][k] < 100_000)
for k in native:
    if k in fil or k not in chrome["ns"]:
        continue
    r = chrome["ns"][k] / native[k]
    check(f"Chromium validateField {k} within 4x of native ({r:.1f}x)", r <= 4)
for name in ("resident_id", "mobile", "domain", "md5"):
    v = peers.get(name, {}).get("validator.js")
    if v and name in fast:
        r = v["ns"] / fast[name]
        check(f"native is_valid {name} >= 2x validator.js in Node ({r:.1f}x)", r >= 2)
iv = chrome.get("is_valid", {}).get("resident_id")
v = chrome.get("peers", {}).get("validator.js", {}).get("resident_id")
if iv and v:
    check(f"Chromium isValid resident_id no slower than validator.js isIdentityCard in the same page ({fmt(iv)} vs {fmt(v)})", iv <= v)
if batch:
    check(f"batch {batch['lines']} lines >= 20x python-stdnum per CPU-second ({batch['ratio']:.1f}x: {batch['batch_cpu_s']:.2f} s vs {batch['stdnum_cpu_s']:.2f} s)", batch["ratio"] >= 20)
check(f"wasm instantiate < 10 ms (Node {node['load']['instantiate_ms']:.2f} ms, Chromium {chrome['load']['instantiate_ms']:.2f} ms)", max(node["load"]["instantiate_ms"], chrome["load"]["instantiate_ms"]) < 10)
m = wasm.get("memory")
if m:
    check("no memory growth from 10k to 1M calls", m["after_1m"] == m["after_10k"])
