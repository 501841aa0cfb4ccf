"""Two builds of the core module compared through the Python host, in CPU time: run once per
module with ICP_VALIDATE_WASM=PATH, alternating (BENCHMARKS.md, "Build level of the core
module"). Usage: ICP_VALIDATE_WASM=M.wasm PYTHONPATH=bindings/python/src python bench/python_levels.py"""
import json, sys, time, os
import icp_validate
filing = open("examples/filings/app_three_platforms.json").read()
def t(fn, n):
    fn()
    best = []
    for _ in range(5):
        s = time.process_time()
        for _ in range(n): fn()
        best.append((time.process_time() - s) / n * 1e6)
    return sorted(best)[2]
r = {
 "validate_field resident_id": t(lambda: icp_validate.validate_field("resident_id", "11010519491231002X", today="2026-11-23"), 3000),
 "validate_field domain": t(lambda: icp_validate.validate_field("domain", "例子.中国", today="2026-11-23"), 3000),
 "validate_filing app_three_platforms": t(lambda: icp_validate.validate_filing(filing, today="2026-11-30"), 300),
}
data = b"".join(json.dumps({"field": f, "value": v}).encode() + b"\n" for f, v in [("resident_id", "11010519491231002X"), ("uscc", "91110000600037341L")] * 8000)
s = time.process_time(); icp_validate._core.batch_chunk(data, "zh-CN", "2026-11-23"); r["batch 16k lines (us/line)"] = (time.process_time() - s) / 16000 * 1e6
print(os.environ.get("ICP_VALIDATE_WASM", "opt-level 3"), json.dumps({k: round(v, 2) for k, v in r.items()}))
