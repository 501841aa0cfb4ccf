#!/usr/bin/env python3
"""Writes the fuzz seed corpora (fuzz/seeds/<target>/) from tests/vectors/**/*.json, so every
field family's vectors seed the fuzzer without edits. Stdlib only; deterministic output.

Usage: tools/fuzz_seeds.py FIELD_ID...   (field ids in registry order, as the `field`
target indexes them: `icp-validate fields` prints them)."""
import glob
import hashlib
import json
import os
import shutil
import struct
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "fuzz", "seeds")


def write_all(target, blobs):
    d = os.path.join(SEEDS, target)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for blob in blobs:
        with open(os.path.join(d, hashlib.sha1(blob).hexdigest()), "wb") as f:
            f.write(blob)
    return len(set(blobs))


def field_seeds(field_ids):
    """`field` target layout: [field index][flags][value] or, with flags bit 0,
    [field index][flags][value]\\0[context JSON]."""
    index = {f: i for i, f in enumerate(field_ids)}
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "vectors", "**", "*.json"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for v in doc["vectors"]:
            if v["field"] not in index:
                continue
            value = v["value"].encode("utf-8")
            head = bytes([index[v["field"]]])
            out.append(head + b"\x00" + value)
            ctx = dict(v.get("context") or {})
            ctx.setdefault("today", doc.get("today"))
            if b"\x00" not in value:
                out.append(head + b"\x03" + value + b"\x00" + json.dumps(ctx, ensure_ascii=False).encode("utf-8"))
    return out


def png(width, height, colour_type):
    ihdr = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))


def jpeg(width, height, components, orientation=None):
    seg = b""
    if orientation is not None:
        # APP1 Exif, big-endian TIFF with one IFD0 entry: Orientation (0x0112, SHORT).
        tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1)
        tiff += struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0) + struct.pack(">I", 0)
        body = b"Exif\x00\x00" + tiff
        seg += b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    sof = struct.pack(">BHHB", 8, height, width, components) + b"".join(bytes([i + 1, 0x11, 0]) for i in range(components))
    seg += b"\xff\xc0" + struct.pack(">H", len(sof) + 2) + sof
    return b"\xff\xd8" + seg + b"\xff\xd9"


def attachment_seeds():
    """Minimal well-formed headers of each format and colour mode the parser reads."""
    out = [png(w, h, c) for (w, h) in [(1500, 1100), (720, 1280), (1, 1)] for c in (0, 2, 6)]
    out += [jpeg(w, h, n, o) for (w, h) in [(1500, 1100), (1280, 720)] for n in (1, 3, 4) for o in (None, 1, 6)]
    out += [b"GIF89a\x01\x00\x01\x00", b"%PDF-1.7\n", b"BM" + b"\x00" * 30, b"RIFF\x00\x00\x00\x00WEBPVP8 "]
    return out


def filing_seeds():
    """`filing_json` target: the sample filings of tests/filings/ as JSON text."""
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "filings", "*.json"))):
        with open(path, encoding="utf-8") as f:
            case = json.load(f)
        text = case.get("filing_json") or json.dumps(case["filing"], ensure_ascii=False)
        out.append(text.encode("utf-8"))
    return out


def main():
    fields = sys.argv[1:]
    if not fields:
        sys.exit("usage: tools/fuzz_seeds.py FIELD_ID...")
    print("seeds: field %d, attachment %d, filing_json %d" % (write_all("field", field_seeds(fields)), write_all("attachment", attachment_seeds()), write_all("filing_json", filing_seeds())))


if __name__ == "__main__":
    main()
