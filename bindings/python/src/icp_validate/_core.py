"""The core module (``icp_validate_core.wasm``, docs/ABI.md) on wasmtime.

The module is compiled once per process; each thread gets its own instance (a wasm instance is
single-threaded state). Calls go through wasmtime's unchecked raw call when the installed
wasmtime offers it: the generic ``Func.__call__`` inspects the function's type on every call,
which costs more than the rule itself.
"""

from __future__ import annotations

import ctypes
import datetime as _dt
import functools
import json
import os
import re
import struct
import threading
from importlib import resources
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import wasmtime

#: The ABI version this library speaks (``icp_abi_version``).
ABI_VERSION = 1

VALID, INVALID, NEED_RANGES, ERROR = 0, 1, 2, 3

#: Caps of the module (docs/ABI.md, "Caps").
MAX_BATCH_BYTES = 16 << 20
MAX_BATCH_LINES = 16 << 10
FILING_READ_LIMIT = 4 * 1024 * 1024 + 1
ATTACHMENT_HEADER_LEN = 256 * 1024

# Parameter kinds of every export: "i" an i32, "I" an i64; then whether it returns a status.
_EXPORTS: Dict[str, Tuple[str, bool]] = {
    "icp_abi_version": ("", True),
    "icp_scratch": ("i", True),
    "icp_reply": ("", True),
    "icp_version": ("", True),
    "icp_locale": ("ii", True),
    "icp_validate_field": ("iiiiiiii", True),
    "icp_is_valid": ("iiiiiii", True),
    "icp_batch": ("iiii", True),
    "icp_fields": ("i", True),
    "icp_catalog": ("", True),
    "icp_validate_filing": ("iiiiii", True),
    "icp_check_attachment": ("iiiiIiiii", True),
    "icp_app_begin": ("I", True),
    "icp_app_add": ("Iii", True),
    "icp_app_run": ("iii", True),
    "icp_app_end": ("", False),
}

_CST = _dt.timezone(_dt.timedelta(hours=8))
_DATE = re.compile(r"([0-9]{4})[-./]([0-9]{1,2})[-./]([0-9]{1,2})|([0-9]{4})([0-9]{2})([0-9]{2})")

Today = Union[_dt.date, str, None]


class IcpValidateError(ValueError):
    """A call the module refused: a bad argument (unknown locale or provider, a context that is
    not a JSON object, bad UTF-8) or an input over a cap. ``kind`` is the ABI's error kind
    (``bad_context``, ``too_large``, ...); bad *content* is never an error, it is a result with
    findings."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@functools.lru_cache(maxsize=64)
def _date_text(text: str) -> int:
    m = _DATE.fullmatch(text.strip())
    try:
        if not m:
            raise ValueError
        y, mo, da = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        d = _dt.date(int(y), int(mo), int(da))
    except ValueError:
        raise IcpValidateError("bad_today", f"{text!r} is not YYYY-MM-DD") from None
    return d.year * 10000 + d.month * 100 + d.day


def today_number(today: Today) -> int:
    """``today`` as the ABI takes it (``yyyymmdd``): a ``date``, a text as the CLI's
    ``--today`` reads it (``2026-11-30``, ``2026/11/30``, ``20261130``), or ``None`` for
    today's date in China Standard Time (the module has no clock)."""
    if today is None:
        d = _dt.datetime.now(_CST).date()
    elif isinstance(today, _dt.datetime):
        d = today.date()
    elif isinstance(today, _dt.date):
        d = today
    elif isinstance(today, str):
        return _date_text(today)
    else:
        raise TypeError(f"today must be a date, a YYYY-MM-DD text or None, not {type(today).__name__}")
    return d.year * 10000 + d.month * 100 + d.day


def context_json(context: Optional[Mapping[str, Any]]) -> bytes:
    """A context mapping as the JSON object the module reads (dates written YYYY-MM-DD)."""
    if context is None:
        return b""
    if isinstance(context, (str, bytes)):
        return context.encode() if isinstance(context, str) else context
    return json.dumps(dict(context), ensure_ascii=False, separators=(",", ":"), default=_json_default).encode()


def _json_default(value: Any) -> Any:
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _module_path() -> Any:
    override = os.environ.get("ICP_VALIDATE_WASM")
    if override:
        return override
    return resources.files(__package__).joinpath("icp_validate_core.wasm")


#: Keep the machine code wasmtime compiles in its on-disk cache (its default location), so a
#: new process starts in milliseconds instead of compiling the module for a second or more. The
#: command line turns it on; a long-running server compiles once and needs no cache. Set it
#: before the first call.
compile_cache = os.environ.get("ICP_VALIDATE_COMPILE_CACHE", "") == "1"


class _Compiled:
    """The engine and the compiled module, once per process."""

    _lock = threading.Lock()
    _value: Optional[Tuple[wasmtime.Engine, wasmtime.Module]] = None

    @classmethod
    def get(cls) -> Tuple[wasmtime.Engine, wasmtime.Module]:
        if cls._value is None:
            with cls._lock:
                if cls._value is None:
                    config = wasmtime.Config()
                    if compile_cache:
                        try:
                            config.cache = True
                        except wasmtime.WasmtimeError:  # no cache directory: compile each time
                            pass
                    engine = wasmtime.Engine(config)
                    path = _module_path()
                    data = path.read_bytes() if hasattr(path, "read_bytes") else open(path, "rb").read()
                    cls._value = (engine, wasmtime.Module(engine, data))
        return cls._value


try:  # The raw call (wasmtime's C API through its own ctypes bindings).
    from wasmtime import _bindings as _wffi

    _raw_call = _wffi._wasmtime_func_call_unchecked
    _RawVal = _wffi.wasmtime_val_raw_t
    _TrapPtr = ctypes.POINTER(_wffi.wasm_trap_t)
except (ImportError, AttributeError):  # pragma: no cover - older or newer wasmtime
    _raw_call = None


class Instance:
    """One instance of the core module; used by one thread at a time."""

    def __init__(self) -> None:
        engine, module = _Compiled.get()
        self._store = wasmtime.Store(engine)
        exports = wasmtime.Instance(self._store, module, []).exports(self._store)
        self._memory: wasmtime.Memory = exports["memory"]  # type: ignore[assignment]
        self._funcs = {name: exports[name] for name in _EXPORTS}
        self._fast = _raw_call is not None
        if self._fast:
            self._ctx = self._store._context()
            self._trap = _TrapPtr()
            self._trap_ref = ctypes.byref(self._trap)
            self._raw = {name: ((_RawVal * max(len(sig), 1))(), ctypes.byref(self._funcs[name]._func), sig) for name, (sig, _) in _EXPORTS.items()}  # type: ignore[attr-defined]
        version = self.call("icp_abi_version")
        if version != ABI_VERSION:
            raise RuntimeError(f"icp_validate_core.wasm speaks ABI {version}; this library speaks {ABI_VERSION}")
        self._reply = self.call("icp_reply")
        self._scratch, self._scratch_len = self.call("icp_scratch", 64 << 10), 64 << 10
        if not self._scratch:
            raise MemoryError("the core module could not allocate its scratch buffer")
        self._locales: Dict[str, int] = {}

    def call(self, name: str, *args: int) -> int:
        """Calls an export; its status (or value)."""
        if not self._fast:
            return (self._funcs[name](self._store, *args) or 0) & 0xFFFFFFFF  # type: ignore[operator]
        raw, func, sig = self._raw[name]
        for i, (kind, value) in enumerate(zip(sig, args)):
            if kind == "I":
                raw[i].i64 = value
            else:
                raw[i].i32 = value
        error = _raw_call(self._ctx, func, raw, len(raw), self._trap_ref)
        if error or self._trap:
            raise RuntimeError(f"the core module trapped in {name}; the instance is discarded")
        # Addresses are unsigned; statuses are small.
        return raw[0].i32 & 0xFFFFFFFF

    def _base(self) -> int:
        return ctypes.cast(self._memory.data_ptr(self._store), ctypes.c_void_p).value or 0

    def put(self, *parts: bytes) -> List[Tuple[int, int]]:
        """Writes ``parts`` one after another into the scratch buffer: their ``(ptr, len)``."""
        total = sum(len(p) for p in parts)
        if total > self._scratch_len:
            ptr = self.call("icp_scratch", total)
            if not ptr:
                raise MemoryError(f"the core module could not hold {total} bytes of input")
            self._scratch, self._scratch_len = ptr, total
        base, at, out = self._base(), self._scratch, []
        for p in parts:
            ctypes.memmove(base + at, p, len(p))
            out.append((at, len(p)))
            at += len(p)
        return out

    def output(self) -> bytes:
        """The last call's output."""
        base = self._base()
        ptr, length = struct.unpack("<II", ctypes.string_at(base + self._reply, 8))
        return ctypes.string_at(base + ptr, length)

    def answer(self, status: int) -> Tuple[bytes, bool]:
        """The output and whether valid, or the error raised."""
        out = self.output()
        if status == ERROR:
            err = json.loads(out)
            raise IcpValidateError(err["error"], err["message"])
        return out, status == VALID

    def locale(self, tag: str) -> int:
        """The module's id of a locale tag (``zh-CN``, ``en``), resolved once."""
        found = self._locales.get(tag)
        if found is None:
            ((p, n),) = self.put(tag.encode())
            out, _ = self.answer(self.call("icp_locale", p, n))
            found = self._locales[tag] = json.loads(out)["locale"]
        return found

    def is_valid(self, field: bytes, value: bytes, context: bytes, today: int) -> bool:
        """The one-call verdict (the fast path of ``is_valid``)."""
        (fp, fn), (vp, vn), (cp, cn) = self.put(field, value, context)
        status = self.call("icp_is_valid", fp, fn, vp, vn, cp, cn, today)
        if status == ERROR:
            self.answer(status)
        return status == VALID


_local = threading.local()


def instance() -> Instance:
    """This thread's instance (made on first use)."""
    inst = getattr(_local, "instance", None)
    if inst is None:
        inst = _local.instance = Instance()
    return inst


def discard() -> None:
    """Drops this thread's instance (after a trap)."""
    _local.instance = None


def run(action: Any) -> Any:
    """Runs ``action(instance)``; a trap discards the instance before it propagates."""
    inst = instance()
    try:
        return action(inst)
    except RuntimeError:
        discard()
        raise


def line_chunks(data: bytes, max_bytes: int = 1 << 20) -> List[bytes]:
    """``data`` cut at line ends into chunks the module takes (bytes and lines capped)."""
    chunks, start, n = [], 0, len(data)
    while start < n:
        end = min(start + max_bytes, n)
        if end < n:
            cut = data.rfind(b"\n", start, end)
            if cut < 0:  # one line longer than max_bytes: alone, up to its end
                cut = data.find(b"\n", end)
                cut = n - 1 if cut < 0 else cut
            end = cut + 1
        chunk = data[start:end]
        while chunk.count(b"\n") > MAX_BATCH_LINES:
            at = -1
            for _ in range(MAX_BATCH_LINES):
                at = chunk.index(b"\n", at + 1)
            chunks.append(chunk[: at + 1])
            chunk = chunk[at + 1 :]
        if chunk:
            chunks.append(chunk)
        start = end
    return chunks


def batch_chunk(chunk: bytes, locale: str, today: Today) -> Tuple[bytes, bool]:
    """The CLI's ``batch`` output for complete lines, and whether all were valid."""

    def go(inst: Instance) -> Tuple[bytes, bool]:
        lid, day = inst.locale(locale), today_number(today)
        ((p, n),) = inst.put(chunk)
        return inst.answer(inst.call("icp_batch", p, n, lid, day))

    return run(go)


def filing_bytes(data: bytes, provider: Optional[str], locale: str, today: Today) -> Tuple[bytes, bool]:
    """The CLI's ``filing`` output (pretty report and newline) and its validity."""

    def go(inst: Instance) -> Tuple[bytes, bool]:
        lid, day = inst.locale(locale), today_number(today)
        (jp, jn), (pp, pn) = inst.put(data[:FILING_READ_LIMIT], (provider or "").encode())
        return inst.answer(inst.call("icp_validate_filing", jp, jn, pp, pn, lid, day))

    return run(go)


Reader = Any  # a callable (offset, length) -> bytes


def app_info_bytes(size: int, read_at: Reader, locale: str, today: Today) -> Tuple[bytes, bool]:
    """The CLI's ``app-info`` output for a file read through ``read_at`` in rounds."""

    def go(inst: Instance) -> Tuple[bytes, bool]:
        lid, day = inst.locale(locale), today_number(today)
        inst.answer(inst.call("icp_app_begin", size))
        failed = 0
        try:
            while True:
                status = inst.call("icp_app_run", failed, lid, day)
                if status != NEED_RANGES:
                    return inst.answer(status)
                for offset, length in json.loads(inst.output())["need"]:
                    try:
                        data = read_at(offset, length)
                    except OSError:
                        data = b""
                    if len(data) != length:
                        failed = 1
                        break
                    ((p, n),) = inst.put(data)
                    inst.answer(inst.call("icp_app_add", offset, p, n))
        finally:
            inst.call("icp_app_end")

    return run(go)
