"""Many threads at once give the answers one thread gives (an instance per thread, the
module compiled once)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import icp_validate
from icp_validate import _core

VALUES = [("resident_id", "11010519491231002X"), ("resident_id", "110105194912310021"), ("mobile", "13800138000"), ("domain", "例子.中国"), ("uscc", "91110000600037341L"), ("email", "a@"), ("domain", "x" * 300)]


def answers() -> list:
    return [(icp_validate.validate_field(f, v, locale="en", today="2026-11-23").text, icp_validate.is_valid(f, v, today="2026-11-23")) for f, v in VALUES]


def test_threads_agree_with_one_thread() -> None:
    expected = answers()
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: [answers() for _ in range(30)], range(16)))
    for per_thread in results:
        for got in per_thread:
            assert got == expected
    assert _core._Compiled._value is not None


def test_each_thread_has_its_own_instance() -> None:
    mine = _core.instance()
    with ThreadPoolExecutor(max_workers=2) as pool:
        theirs = pool.submit(_core.instance).result()
    assert theirs is not mine and _core.instance() is mine


def test_calls_take_the_raw_fast_path_with_the_pinned_wasmtime() -> None:
    # The generic call costs ~30 us of type checks per call; the raw one a few.
    assert _core._raw_call is not None and _core.instance()._fast
