"""The server bulk path: `icp-validate batch` (JSON lines in, one JSON result per line out)
against python-stdnum's `is_valid` on the same values, in CPU seconds (user + system), so a
shared machine's load does not count. 200k lines: the benchmark's resident IDs and USCCs,
repeated. Usage: python3 bench/batch.py INPUTS.json CLI [LINES]   (prints JSON)"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

from stdnum.cn import ric, uscc


def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main():
    inputs = json.load(open(sys.argv[1], encoding="utf-8"))
    cli = sys.argv[2]
    lines = int(sys.argv[3]) if len(sys.argv) > 3 else 200_000
    sets = {s["name"]: s["values"] for s in inputs["fields"]}
    values = []
    while len(values) < lines:
        for field in ("resident_id", "uscc"):
            values += [(field, v) for v in sets[field]]
    values = values[:lines]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for field, v in values:
            f.write(json.dumps({"field": field, "value": v}, ensure_ascii=False) + "\n")
        path = f.name
    try:
        runs = []
        for _ in range(3):
            before = cpu_children()
            with open(path, "rb") as stdin, open(os.devnull, "wb") as out:
                code = subprocess.run([cli, "batch", "--locale", "zh-CN"], stdin=stdin, stdout=out).returncode
            runs.append(cpu_children() - before)
            assert code in (0, 1), f"batch exited {code}"
        ours = sorted(runs)[1]
    finally:
        os.unlink(path)
    fns = {"resident_id": ric.is_valid, "uscc": uscc.is_valid}

    def stdnum_pass():
        for field, v in values:
            try:
                fns[field](v)
            except Exception:
                pass

    runs = []
    for _ in range(3):
        t = time.process_time()
        stdnum_pass()
        runs.append(time.process_time() - t)
    theirs = sorted(runs)[1]
    print(json.dumps({"lines": lines, "batch_cpu_s": ours, "stdnum_cpu_s": theirs, "ratio": theirs / ours}))


main()
