"""The Python host gives the native CLI's bytes and exit statuses: the shared vectors, the
baseline corpus and the sample filings (tests/vectors, tests/baseline, tests/filings,
examples/filings). Both run with the same `--today`, so the date never differs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List

import pytest

import icp_validate
from icp_validate import _core
from conftest import ROOT, python_cli, run

LOCALES = ["zh-CN", "en"]


def vector_files() -> List[Path]:
    return sorted((ROOT / "tests" / "vectors").rglob("*.json"))


def vector_lines() -> bytes:
    """Every vector as a `batch` line, its file's `today` in its context."""
    lines = []
    for path in vector_files():
        doc = json.loads(path.read_text(encoding="utf-8"))
        for v in doc["vectors"]:
            ctx = {"today": doc["today"], **v.get("context", {})}
            lines.append(json.dumps({"field": v["field"], "value": v["value"], "context": ctx}, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode()


def test_the_vectors_hold_through_the_python_api() -> None:
    count = 0
    for path in vector_files():
        doc = json.loads(path.read_text(encoding="utf-8"))
        for v in doc["vectors"]:
            ctx = {"today": doc["today"], **v.get("context", {})}
            r = icp_validate.validate_field(v["field"], v["value"], ctx, locale="en")
            where = f"{path.name}: {v['field']} {v['value']!r}"
            assert r.valid == v["valid"], where
            assert r.codes() == v["codes"], where
            assert icp_validate.is_valid(v["field"], v["value"], ctx) == v["valid"], where
            if "normalized" in v:
                assert r.normalized == v["normalized"], where
            for key, want in v.get("details", {}).items():
                assert r.details.get(key) == want, f"{where}: details.{key}"
            count += 1
    assert count > 500


@pytest.mark.parametrize("locale", LOCALES)
def test_batch_on_the_vectors_is_the_native_bytes(native_cli: Path, locale: str) -> None:
    lines = vector_lines()
    args = ["batch", "--locale", locale, "--today", "2026-11-23"]
    assert python_cli(args, lines) == run([native_cli, *args], lines)


@pytest.mark.parametrize("locale", LOCALES)
def test_batch_on_the_baseline_corpus_is_the_native_bytes_and_the_recorded_results(native_cli: Path, locale: str) -> None:
    corpus = (ROOT / "tests" / "baseline" / "fields.jsonl").read_bytes()
    args = ["batch", "--locale", locale, "--today", "2026-11-23"]
    status, out = python_cli(args, corpus)
    assert (status, out) == run([native_cli, *args], corpus)
    recorded = (ROOT / "tests" / "baseline" / "fields.results.jsonl").read_text(encoding="utf-8").splitlines()
    ours = out.decode().splitlines()
    assert len(ours) == len(recorded) == corpus.count(b"\n")
    for i, (mine, theirs) in enumerate(zip(ours, recorded)):
        assert json.loads(mine) == json.loads(theirs)[locale], f"fields.jsonl line {i + 1}"


def test_batch_in_small_chunks_is_the_same_stream() -> None:
    corpus = (ROOT / "tests" / "baseline" / "fields.jsonl").read_bytes()[:200_000]
    whole, valid = icp_validate._core.batch_chunk(corpus, "en", "2026-11-23")
    parts = [icp_validate._core.batch_chunk(c, "en", "2026-11-23") for c in icp_validate._core.line_chunks(corpus, max_bytes=1000)]
    assert b"".join(p[0] for p in parts) == whole
    assert all(p[1] for p in parts) == valid


def test_batch_edge_lines_are_the_native_bytes(native_cli: Path) -> None:
    # Empty lines, CRLF, bad UTF-8, a non-object, a long value, no final newline.
    lines = b'\n{"field":"mobile","value":"13800138000"}\r\n\xff\xfe\n[1]\n{"field":"domain","value":"' + b"a" * 100_000 + b'"}\n{"field":"mobile","value":"1"}'
    for locale in LOCALES:
        args = ["batch", "--locale", locale]
        assert python_cli(args, lines) == run([native_cli, *args], lines)


def filing_cases() -> List[Dict[str, object]]:
    """(name, filing bytes, CLI options) for every sample filing and baseline line."""
    cases: List[Dict[str, object]] = []
    for path in sorted((ROOT / "examples" / "filings").glob("*.json")):
        cases.append({"name": path.name, "data": path.read_bytes(), "options": {"today": "2026-11-30"}})
    for path in sorted((ROOT / "tests" / "filings").glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        data = json.dumps(case["filing"], ensure_ascii=False).encode() if "filing" in case else path.read_bytes()
        cases.append({"name": path.name, "data": data, "options": case.get("options") or {"today": "2026-11-23"}})
    return cases


def cli_options(options: Dict[str, str], locale: str) -> List[str]:
    args = ["--locale", locale, "--today", options.get("today", "2026-11-23")]
    if options.get("provider"):
        args += ["--provider", options["provider"]]
    return args


@pytest.mark.parametrize("case", filing_cases(), ids=lambda c: str(c["name"]))
def test_filing_is_the_native_bytes(native_cli: Path, case: Dict[str, object]) -> None:
    options: Dict[str, str] = case["options"]  # type: ignore[assignment]
    data: bytes = case["data"]  # type: ignore[assignment]
    for locale in LOCALES:
        args = ["filing", "-", *cli_options(options, locale)]
        # What the Python CLI prints for `filing` (cli.py writes these bytes unchanged).
        out, valid = _core.filing_bytes(data, options.get("provider"), locale, options.get("today", "2026-11-23"))
        assert (0 if valid else 1, out) == run([native_cli, *args], data)


@pytest.mark.parametrize("path", sorted((ROOT / "examples" / "filings").glob("*.json")), ids=lambda p: p.name)
def test_the_python_cli_prints_the_native_filing_bytes(native_cli: Path, path: Path) -> None:
    for args in (["filing", "-", "--today", "2026-11-30", "--locale", "en"], ["filing", path, "--provider", "sinnet", "--today", "2026-11-30"]):
        ours = python_cli(args, path.read_bytes())
        assert ours == run([native_cli, *args], path.read_bytes())


def test_baseline_filings_are_the_recorded_results_and_the_native_bytes(native_cli: Path) -> None:
    corpus = (ROOT / "tests" / "baseline" / "filings.jsonl").read_text(encoding="utf-8").splitlines()
    recorded = (ROOT / "tests" / "baseline" / "filings.results.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(corpus) == len(recorded) > 0
    for i, (line, results) in enumerate(zip(corpus, recorded)):
        case = json.loads(line)
        options = case.get("options") or {}
        data = case["filing_json"].encode() if "filing_json" in case else json.dumps(case["filing"], ensure_ascii=False).encode()
        for locale in LOCALES:
            report = icp_validate.validate_filing(data, provider=options.get("provider"), locale=locale, today=options.get("today", "2026-11-23"))
            assert report.to_dict() == json.loads(results)[locale], f"filings.jsonl line {i + 1} ({locale})"
        args = ["filing", "-", *cli_options(options, "en")]
        out, valid = _core.filing_bytes(data, options.get("provider"), "en", options.get("today", "2026-11-23"))
        assert (0 if valid else 1, out) == run([native_cli, *args], data), f"filings.jsonl line {i + 1}"


def test_usage_errors_exit_2_like_the_native_cli(native_cli: Path) -> None:
    for args in (["filing", "-", "--provider", "bogus"], ["batch", "--locale", "fr"], ["filing", "-", "--today", "2026-13-01"], ["bogus"], ["filing", "/nonexistent/x.json"]):
        assert python_cli(args, b"{}")[0] == run([native_cli, *args], b"{}")[0] == 2, args


def test_field_fields_and_catalog_are_the_native_bytes(native_cli: Path) -> None:
    for args in (["field", "resident_id", "110105194912310021", "--locale", "en"], ["field", "mobile", "13800138000", "--context", '{"province":"上海","today":"2026-11-23"}'], ["fields", "--locale", "en"], ["catalog"]):
        assert python_cli(args) == run([native_cli, *args]), args
