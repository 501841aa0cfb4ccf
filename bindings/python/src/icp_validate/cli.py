"""``python -m icp_validate``: the Rust CLI's commands on the same module. ``batch`` and
``filing`` print exactly the bytes ``icp-validate`` prints, with the same exit statuses
(0 valid, 1 invalid, 2 usage error or unreadable input, 141 stdout closed early), so either
can be swapped into a script."""

from __future__ import annotations

import os
import sys
from typing import BinaryIO, List, Optional, Sequence

from . import _core
from ._core import IcpValidateError

USAGE = """usage:
  python -m icp_validate batch [--today YYYY-MM-DD] [--locale zh-CN|en]   (JSON lines on stdin)
  python -m icp_validate filing <FILE.json|-> [--provider ID] [--today YYYY-MM-DD] [--locale zh-CN|en]
  python -m icp_validate field <FIELD> <VALUE> [--context JSON] [--locale zh-CN|en]
  python -m icp_validate attachment <KIND> <FILE> [--context JSON] [--locale zh-CN|en]
  python -m icp_validate app-info <FILE> [--today YYYY-MM-DD] [--locale zh-CN|en]
  python -m icp_validate fields [--locale zh-CN|en]
  python -m icp_validate catalog
  python -m icp_validate --help | --version"""

CLOSED_STDOUT = 141


class Usage(Exception):
    pass


class Args:
    def __init__(self) -> None:
        self.positional: List[str] = []
        self.locale = "zh-CN"
        self.context: Optional[str] = None
        self.provider: Optional[str] = None
        self.today: Optional[str] = None


def _parse(argv: Sequence[str]) -> Optional[Args]:
    """As the Rust CLI reads its arguments: options anywhere, ``--`` ends them."""
    args, it = Args(), iter(argv)
    for a in it:
        if a in ("-h", "--help", "-V", "--version"):
            return None if a in ("-h", "--help") else _version()
        if a in ("--context", "--locale", "--provider", "--today"):
            value = next(it, None)
            if value is None:
                raise Usage(f"{a} needs a value")
            setattr(args, a[2:], value)
        elif a == "--":
            args.positional.extend(it)
        elif a.startswith("--"):
            raise Usage(f"unknown option {a} (values starting with '-' go after '--')")
        else:
            args.positional.append(a)
    return args


def _version() -> None:
    from . import _versions

    _out(f"icp-validate {_versions()['version']}\n".encode())
    raise SystemExit(0)


def _out(data: bytes) -> None:
    sys.stdout.buffer.write(data)


def _batch(args: Args, stdin: BinaryIO) -> int:
    locale, today = args.locale, args.today
    all_valid, pending = True, b""
    while True:
        block = stdin.read(1 << 20)
        if not block:
            break
        pending += block
        cut = pending.rfind(b"\n") + 1
        if cut:
            for chunk in _core.line_chunks(pending[:cut]):
                out, valid = _core.batch_chunk(chunk, locale, today)
                all_valid &= valid
                _out(out)
            pending = pending[cut:]
    if pending:
        out, valid = _core.batch_chunk(pending, locale, today)
        all_valid &= valid
        _out(out)
    return 0 if all_valid else 1


def _filing(args: Args, stdin: BinaryIO) -> int:
    if len(args.positional) != 2:
        raise Usage("filing takes <FILE.json|->")
    path = args.positional[1]
    try:
        if path == "-":
            data = stdin.read(_core.FILING_READ_LIMIT)
        else:
            with open(path, "rb") as f:
                data = f.read(_core.FILING_READ_LIMIT)
    except OSError as e:
        print(f"icp-validate: {path}: {e.strerror}", file=sys.stderr)
        return 2
    out, valid = _core.filing_bytes(data, args.provider, args.locale, args.today)
    _out(out)
    return 0 if valid else 1


def _run(args: Args) -> int:
    import icp_validate as api

    pos = args.positional
    if not pos:
        raise Usage("no command given")
    cmd = pos[0]
    stdin = sys.stdin.buffer
    if cmd == "batch":
        if len(pos) != 1:
            raise Usage(f"batch takes no arguments, got {pos[1:]}")
        return _batch(args, stdin)
    if cmd == "filing":
        return _filing(args, stdin)
    # Commands answered by one result: its usage, its argument count, the call.
    single = {
        "field": ("field takes <FIELD> <VALUE>", 3, lambda: api.validate_field(pos[1], pos[2], args.context, locale=args.locale, today=args.today)),
        "attachment": ("attachment takes <KIND> <FILE>", 3, lambda: api.check_attachment(pos[1], pos[2], args.context, locale=args.locale, today=args.today)),
        "app-info": ("app-info takes <FILE>", 2, lambda: api.read_app_file(pos[1], locale=args.locale, today=args.today)),
    }
    if cmd in single:
        usage, count, call = single[cmd]
        if len(pos) != count:
            raise Usage(usage)
        result = call()
        _out(result.text.encode())
        return 0 if result.valid else 1
    if cmd in ("fields", "catalog"):
        out, _ = _core.run(lambda inst: inst.answer(inst.call("icp_fields", inst.locale(args.locale)) if cmd == "fields" else inst.call("icp_catalog")))
        _out(out)
        return 0
    raise Usage(f"unknown command {cmd!r} (field, batch, fields, attachment, app-info, filing, catalog)")


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs the command line; returns the exit status."""
    if "ICP_VALIDATE_COMPILE_CACHE" not in os.environ:
        _core.compile_cache = True
    try:
        try:
            args = _parse(sys.argv[1:] if argv is None else argv)
            if args is None:
                _out((USAGE + "\n").encode())
                return 0
            status = _run(args)
            sys.stdout.flush()
            return status
        except Usage as e:
            print(f"icp-validate: {e}\n{USAGE}", file=sys.stderr)
            return 2
        except IcpValidateError as e:
            # A bad option value (locale, provider, context, today) or an input over a cap.
            print(f"icp-validate: {e.message}", file=sys.stderr)
            return 2
        except OSError as e:
            if isinstance(e, BrokenPipeError):
                raise
            print(f"icp-validate: {e}", file=sys.stderr)
            return 2
    except BrokenPipeError:
        # Python would complain again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return CLOSED_STDOUT


if __name__ == "__main__":
    raise SystemExit(main())
