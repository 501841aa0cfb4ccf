"""Records per CPU-second: the Spark job on local[1] and local[2] against the native CLI, on the
same generated inputs (gen_lines.py, seeded), CPU = user + system of the whole process tree, so a
shared machine's load does not count. A run over an empty input gives the fixed cost (JVM and
Spark start-up, the module's loading), reported apart and subtracted for the per-record rate.

  python3 bindings/spark/bench/bench.py [--lines N] [--filings N] [--ten-million]
Needs target/release/icp-validate (cargo build --release --bin icp-validate) and the shaded jar
(bindings/spark/run.sh builds it). Prints a Markdown table and JSON lines on stderr."""
import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "../../.."))
CLI = os.path.join(ROOT, "target/release/icp-validate")
RUN = os.path.join(ROOT, "bindings/spark/run.sh")


def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def measure(cmd, stdin=None, env=None):
    """(cpu seconds, wall seconds, stderr) of one command, its output discarded."""
    c0, w0 = cpu(), time.time()
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as inp:
        p = subprocess.run(cmd, stdin=inp, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if p.returncode not in (0, 1):
        sys.exit(f"{cmd} failed ({p.returncode}):\n{p.stderr.decode()[-2000:]}")
    return cpu() - c0, time.time() - w0, p.stderr.decode()


def gen(kind, count, path):
    with open(path, "wb") as out:
        subprocess.run([sys.executable, os.path.join(HERE, "gen_lines.py"), kind, str(count)], stdout=out, check=True)


def spark(command, inp, out, cores, env):
    return measure([RUN, command, "--input", inp, "--output", out, "--master", f"local[{cores}]",
                    "--locale", "en", "--today", "2026-11-30"], env=env)


def native_filings(inp, tmp):
    """The CLI has no batch of filings: one `filing -` per record (process start-up included)."""
    c0, w0 = cpu(), time.time()
    with open(inp, encoding="utf-8") as f:
        for line in f:
            filing = json.dumps(json.loads(line)["filing"], ensure_ascii=False).encode()
            subprocess.run([CLI, "filing", "-", "--locale", "en", "--today", "2026-11-30"], input=filing,
                           stdout=subprocess.DEVNULL, check=False)
    return cpu() - c0, time.time() - w0, ""


def heap(stderr):
    m = re.search(r"peak heap (\d+) MB.*max heap (\d+) MB", stderr)
    return f"{m.group(1)} / {m.group(2)}" if m else "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=300_000)
    ap.add_argument("--filings", type=int, default=20_000)
    ap.add_argument("--native-filings", type=int, default=2_000)
    ap.add_argument("--ten-million", action="store_true", help="only the 10M mixed lines, local[2], -Xmx1g")
    ap.add_argument("--without-spark", action="store_true",
                    help="only the JVM library's batch on one thread, no Spark (BatchWithoutSpark.java)")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="icp-spark-bench")
    env = dict(os.environ)
    rows = []
    try:
        if a.ten_million:
            inp = os.environ.get("TEN_MILLION_FILE") or os.path.join(tmp, "mixed.jsonl")
            if not os.path.exists(inp):
                gen("mixed", 10_000_000, inp)
            # spark-submit's default driver memory is 1g; in local mode the executor is the driver.
            env["JAVA_OPTS"] = "-Xmx1g"
            c, w, err = spark("batch", inp, os.path.join(tmp, "out"), 2, env)
            ncpu, nwall, _ = measure([CLI, "batch", "--locale", "en", "--today", "2026-11-30"], stdin=inp)
            print(json.dumps({"ten_million": True, "spark_cpu": c, "spark_wall": w, "heap": heap(err),
                              "native_cpu": ncpu, "native_wall": nwall}), file=sys.stderr)
            print(f"| 10M mixed field lines, local[2], -Xmx1g | {w:.0f} s wall | {c:.0f} CPU-s | peak heap {heap(err)} MB "
                  f"| native CLI {nwall:.0f} s wall, {ncpu:.0f} CPU-s |")
            return
        empty = os.path.join(tmp, "empty.jsonl")
        open(empty, "w").close()
        if a.without_spark:
            cp = open(os.path.join(ROOT, "bindings/spark/target/spark-classpath.txt")).read().strip()
            jar = os.path.join(ROOT, "bindings/spark/target/icp-validate-spark-0.1.0.jar")
            cmd = ["java", "-cp", f"{jar}:{cp}", os.path.join(HERE, "BatchWithoutSpark.java")]
            base = measure(cmd + [empty])[0]
            print("| input | lines | JVM library, 1 thread, no Spark /CPU-s | fixed cost (CPU-s) |")
            print("|---|---|---|---|")
            for kind in ("resident_id", "mobile", "domain"):
                inp = os.path.join(tmp, f"{kind}.jsonl")
                gen(kind, a.lines, inp)
                c = measure(cmd + [inp])[0]
                print(f"| {kind} | {a.lines:,} | {a.lines / max(c - base, 1e-9):,.0f} | {base:.1f} |")
            return
        fixed = {}
        for cores in (1, 2):
            fixed[("batch", cores)] = spark("batch", empty, os.path.join(tmp, "o"), cores, env)[0]
            fixed[("filings", cores)] = spark("filings", empty, os.path.join(tmp, "o"), cores, env)[0]
        print(json.dumps({"fixed_cpu": {f"{k[0]} local[{k[1]}]": v for k, v in fixed.items()}}), file=sys.stderr)
        for kind in ("resident_id", "mobile", "domain", "filings"):
            n = a.filings if kind == "filings" else a.lines
            inp = os.path.join(tmp, f"{kind}.jsonl")
            gen(kind, n, inp)
            if kind == "filings":
                sample = os.path.join(tmp, "filings-native.jsonl")
                with open(inp, encoding="utf-8") as f, open(sample, "w", encoding="utf-8") as s:
                    for i, line in enumerate(f):
                        if i >= a.native_filings:
                            break
                        s.write(line)
                nc, nw, _ = native_filings(sample, tmp)
                native = a.native_filings / nc
            else:
                nc, nw, _ = measure([CLI, "batch", "--locale", "en", "--today", "2026-11-30"], stdin=inp)
                native = n / nc
            row = {"kind": kind, "records": n, "native_per_cpu_s": native, "native_cpu": nc}
            for cores in (1, 2):
                command = "filings" if kind == "filings" else "batch"
                out = os.path.join(tmp, f"out-{kind}-{cores}")
                c, w, err = spark(command, inp, out, cores, env)
                shutil.rmtree(out, ignore_errors=True)
                work = max(c - fixed[(command, cores)], 1e-9)
                row[f"local{cores}"] = {"cpu": c, "wall": w, "per_cpu_s": n / work, "per_wall_s": n / w, "heap": heap(err)}
            print(json.dumps(row), file=sys.stderr)
            rows.append(row)
        print("| input | records | native CLI /CPU-s | local[1] /CPU-s | local[2] /CPU-s | local[1] /wall-s | local[2] /wall-s "
              "| local[2] ÷ local[1] (wall) | native ÷ local[2] (CPU) | peak heap local[2] (MB, of max) |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for r in rows:
            l1, l2 = r["local1"], r["local2"]
            print(f"| {r['kind']} | {r['records']:,} | {r['native_per_cpu_s']:,.0f} | {l1['per_cpu_s']:,.0f} | {l2['per_cpu_s']:,.0f} "
                  f"| {l1['per_wall_s']:,.0f} | {l2['per_wall_s']:,.0f} | {l2['per_wall_s'] / l1['per_wall_s']:.2f}x "
                  f"| {r['native_per_cpu_s'] / l2['per_cpu_s']:.2f}x | {l2['heap']} |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
