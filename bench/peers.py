"""python-stdnum on the same inputs as the other benchmarks (bench_native --dump): ns/op of
stdnum.cn.ric.is_valid and stdnum.cn.uscc.is_valid, timed like the rest (warm-up, then the
median of 5 rounds) with time.perf_counter.  Usage: python3 bench/peers.py INPUTS.json [SECS]"""
import json
import sys
import time

from stdnum.cn import ric, uscc
import stdnum


def measure(values, secs, fn):
    start = time.perf_counter()
    passes = 0
    while True:
        for v in values:
            fn(v)
        passes += 1
        if time.perf_counter() - start >= secs / 5:
            break
    per_pass = (time.perf_counter() - start) / passes
    reps = max(1, int(secs / 5 / per_pass))
    rounds = []
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(reps):
            for v in values:
                fn(v)
        rounds.append((time.perf_counter() - t) * 1e9 / (reps * len(values)))
    return sorted(rounds)[2]


def safe_call(fn, v):
    try:
        fn(v)
        return True
    except Exception:
        return False


def guarded(fn):
    # stdnum.cn.ric 2.2 raises KeyError for some region codes its table lists without counties;
    # such a value counts as invalid (the try costs the same on every call).
    def run(v):
        try:
            return fn(v)
        except Exception:
            return False
    return run


def main():
    inputs = json.load(open(sys.argv[1], encoding="utf-8"))
    secs = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sets = {s["name"]: s["values"] for s in inputs["fields"]}
    out = {"version": stdnum.__version__, "python": sys.version.split()[0]}
    for name, module in (("resident_id", ric), ("uscc", uscc)):
        values, fn = sets[name], guarded(module.is_valid)
        out[name] = {"ns": measure(values, secs, fn), "valid": sum(1 for v in values if fn(v)), "raised": sum(1 for v in values if not safe_call(module.is_valid, v))}
    print(json.dumps(out))


main()
