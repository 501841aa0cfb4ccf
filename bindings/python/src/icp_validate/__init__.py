"""icp-validate for Python: the verdicts of the Chinese ICP filing (ICP备案) rules, from the same
WebAssembly module every host loads (the browser, Node, the JVM, Go), so the form and the server
agree byte for byte.

>>> import icp_validate
>>> icp_validate.is_valid("resident_id", "11010519491231002X")
True
>>> r = icp_validate.validate_field("resident_id", "110105194912310021", locale="en")
>>> r.valid, r.codes()
(False, ['resident_id.checksum'])

Every function takes the ``locale`` of its messages (``zh-CN``, the default, or ``en``) and
``today``, the day dates are checked against (a ``date`` or ``YYYY-MM-DD``; default: today in
China Standard Time). All are safe to call from many threads: the module is compiled once per
process and each thread runs its own instance.
"""

from __future__ import annotations

import json
import os
from typing import IO, Any, Dict, Iterable, Iterator, List, Mapping, Optional, Union

from . import _core
from ._core import IcpValidateError, Today
from ._results import AppFileInfo, AttachmentResult, FieldInfo, FieldResult, FilingReport, Issue

__all__ = [
    "validate_field",
    "is_valid",
    "validate_batch",
    "validate_filing",
    "check_attachment",
    "read_app_file",
    "fields",
    "catalog",
    "version",
    "data_version",
    "FieldResult",
    "FilingReport",
    "AttachmentResult",
    "AppFileInfo",
    "FieldInfo",
    "Issue",
    "IcpValidateError",
]

Context = Optional[Mapping[str, Any]]
FileLike = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, IO[bytes]]


def validate_field(field: str, value: str, context: Context = None, *, locale: str = "zh-CN", today: Today = None) -> FieldResult:
    """Validates one form field value (``field`` is a field id such as ``resident_id``,
    ``uscc``, ``mobile``, ``domain``; :func:`fields` lists them). ``context`` carries what the
    rule needs beyond the value (``province``, ``provider``, ``type``, ``platform``,
    ``entity_type``, ``national_document``, ``today``)."""
    ctx = _core.context_json(context)

    def go(inst: _core.Instance) -> FieldResult:
        lid, day = inst.locale(locale), _core.today_number(today)
        (fp, fn), (vp, vn), (cp, cn) = inst.put(field.encode(), value.encode(), ctx)
        out, _ = inst.answer(inst.call("icp_validate_field", fp, fn, vp, vn, cp, cn, lid, day))
        return FieldResult._of(out.decode())

    return _core.run(go)


def is_valid(field: str, value: str, context: Context = None, *, today: Today = None) -> bool:
    """Whether ``value`` is a valid ``field``: the verdict alone, in one call into the module."""
    ctx = _core.context_json(context)
    day = _core.today_number(today)
    return _core.run(lambda inst: inst.is_valid(field.encode(), value.encode(), ctx, day))


def validate_batch(requests: Iterable[Mapping[str, Any]], *, locale: str = "zh-CN", today: Today = None, chunk_lines: int = 4096) -> Iterator[FieldResult]:
    """Validates many ``{"field", "value", "context"}`` requests, one module call per chunk of
    ``chunk_lines``: the results in order. A request the CLI's ``batch`` would not read gets
    ``input.malformed``, as there."""
    lines: List[bytes] = []
    for req in requests:
        lines.append(json.dumps(dict(req), ensure_ascii=False, separators=(",", ":"), default=_core._json_default).encode() + b"\n")
        if len(lines) >= chunk_lines:
            yield from _results_of(b"".join(lines), locale, today)
            lines = []
    if lines:
        yield from _results_of(b"".join(lines), locale, today)


def _results_of(data: bytes, locale: str, today: Today) -> Iterator[FieldResult]:
    for chunk in _core.line_chunks(data):
        out, _ = _core.batch_chunk(chunk, locale, today)
        for line in out.decode().splitlines():
            yield FieldResult._of(line + "\n")


def validate_filing(filing: Union[Mapping[str, Any], str, bytes], *, provider: Optional[str] = None, locale: str = "zh-CN", today: Today = None) -> FilingReport:
    """Validates a whole filing (a dict, or its JSON text): every field at its path, the rules
    across fields, the provider profile (``provider`` overrides the filing's own), the documents
    it needs and the verification route. A document that is not a filing gets a report with
    ``filing.malformed``."""
    if isinstance(filing, str):
        data = filing.encode()
    elif isinstance(filing, (bytes, bytearray, memoryview)):
        data = bytes(filing)
    else:
        data = json.dumps(dict(filing), ensure_ascii=False, default=_core._json_default).encode()
    out, _ = _core.filing_bytes(data, provider, locale, today)
    return FilingReport._of(out.decode())


def check_attachment(kind: str, file: FileLike, context: Context = None, *, size: Optional[int] = None, locale: str = "zh-CN", today: Today = None) -> AttachmentResult:
    """Checks an attachment (``entity_certificate``, ``verification_photo``, ``app_icon``, ...)
    from its first 256 KiB and its size: format, resolution, colour mode, byte size. ``file`` is
    a path, the bytes, or a binary file object; ``size`` defaults to the file's."""
    header, total = _header(file)
    ctx = _core.context_json(context)

    def go(inst: _core.Instance) -> AttachmentResult:
        lid, day = inst.locale(locale), _core.today_number(today)
        (kp, kn), (hp, hn), (cp, cn) = inst.put(kind.encode(), header, ctx)
        out, _ = inst.answer(inst.call("icp_check_attachment", kp, kn, hp, hn, total if size is None else size, cp, cn, lid, day))
        return AttachmentResult._of(out.decode())

    return _core.run(go)


def _header(file: FileLike) -> "tuple[bytes, int]":
    limit = _core.ATTACHMENT_HEADER_LEN
    if isinstance(file, (bytes, bytearray, memoryview)):
        return bytes(file[:limit]), len(file)
    if isinstance(file, (str, os.PathLike)):
        with open(file, "rb") as f:
            return f.read(limit), os.fstat(f.fileno()).st_size
    start = file.tell()
    header = file.read(limit)
    end = file.seek(0, os.SEEK_END)
    file.seek(start + len(header))
    return header, end - start


def read_app_file(file: FileLike, *, locale: str = "zh-CN", today: Today = None) -> AppFileInfo:
    """Reads an APP file (APK, IPA, HAP/APP, provisioning profile, certificate) by byte ranges,
    never whole: its package name and signing certificates as the filing takes them. ``file``
    is a path, the bytes, or a seekable binary file object."""
    if isinstance(file, (bytes, bytearray, memoryview)):
        data = memoryview(file)
        out, _ = _core.app_info_bytes(len(data), lambda o, n: bytes(data[o : o + n]), locale, today)
    elif isinstance(file, (str, os.PathLike)):
        with open(file, "rb") as f:
            return read_app_file(f, locale=locale, today=today)
    else:
        size = file.seek(0, os.SEEK_END)

        def read_at(offset: int, length: int) -> bytes:
            file.seek(offset)
            return file.read(length)

        out, _ = _core.app_info_bytes(size, read_at, locale, today)
    return AppFileInfo._of(out.decode())


def fields(*, locale: str = "zh-CN") -> List[FieldInfo]:
    """Every field id the rules know, labelled in ``locale``."""
    out, _ = _core.run(lambda inst: inst.answer(inst.call("icp_fields", inst.locale(locale))))
    return [FieldInfo(f["id"], f["family"], f["label"], tuple(f["codes"])) for f in json.loads(out)]


def catalog() -> Dict[str, Any]:
    """Every code, term, province and provider with its wording per locale."""
    out, _ = _core.run(lambda inst: inst.answer(inst.call("icp_catalog")))
    return json.loads(out)


def _versions() -> Dict[str, Any]:
    out, _ = _core.run(lambda inst: inst.answer(inst.call("icp_version")))
    return json.loads(out)


def __getattr__(name: str) -> Any:
    # `version` and `data_version` come from the module, read on first use.
    if name in ("version", "data_version"):
        return _versions()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


version: str
data_version: str
