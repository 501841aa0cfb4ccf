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


def der(tag, content):
    """One DER element (X.690 8.1)."""
    n = len(content)
    if n < 0x80:
        head = bytes([n])
    else:
        b = n.to_bytes((n.bit_length() + 7) // 8, "big")
        head = bytes([0x80 | len(b)]) + b
    return bytes([tag]) + head + content


def certificate(cn):
    """A structurally complete X.509 certificate (RFC 5280 4.1) with a fixed RSA key; the
    signature is filler: the reader does not verify it."""
    seq = lambda *parts: der(0x30, b"".join(parts))
    name = seq(der(0x31, seq(der(0x06, b"\x55\x04\x03"), der(0x0c, cn.encode()))))
    rsa = seq(der(0x02, b"\x00" + b"\xc5" * 127 + b"\x01"), der(0x02, b"\x01\x00\x01"))
    spki = seq(seq(der(0x06, bytes.fromhex("2a864886f70d010101")), b"\x05\x00"), der(0x03, b"\x00" + rsa))
    alg = seq(der(0x06, bytes.fromhex("2a864886f70d01010b")), b"\x05\x00")
    tbs = seq(der(0xa0, der(0x02, b"\x02")), der(0x02, b"\x01"), alg, name, seq(der(0x17, b"250101000000Z"), der(0x18, b"20501231235959Z")), name, spki)
    return seq(tbs, alg, der(0x03, b"\x00" + b"\x5a" * 16))


def signed_data(cert, content=None):
    """CMS SignedData (RFC 5652 5.1) carrying `cert`, one signer naming it, optional content."""
    seq = lambda *parts: der(0x30, b"".join(parts))
    encap = seq(der(0x06, bytes.fromhex("2a864886f70d010701")), der(0xa0, der(0x04, content)) if content else b"")
    tbs = iter_der(iter_der(iter_der(cert)[0][1])[0][1])
    sid = seq(tbs[3][2], tbs[1][2])
    signer = seq(der(0x02, b"\x01"), sid, seq(der(0x06, bytes.fromhex("608648016503040201"))), seq(der(0x06, bytes.fromhex("2a864886f70d010101"))), der(0x04, b"\x00" * 8))
    sd = seq(der(0x02, b"\x01"), der(0x31, b""), encap, der(0xa0, cert), der(0x31, signer))
    return seq(der(0x06, bytes.fromhex("2a864886f70d010702")), der(0xa0, sd))


def iter_der(buf):
    """(tag, content, whole) of each element in `buf` (definite lengths only)."""
    out, at = [], 0
    while at < len(buf):
        tag, first = buf[at], buf[at + 1]
        if first < 0x80:
            n, head = first, 2
        else:
            k = first & 0x7F
            n, head = int.from_bytes(buf[at + 2:at + 2 + k], "big"), 2 + k
        out.append((tag, buf[at + head:at + head + n], buf[at:at + head + n]))
        at += head + n
    return out


def axml(package):
    """A compiled manifest (AOSP ResourceTypes.h): string pool, then <manifest package=...>."""
    strings = ["manifest", "package", package]
    data = b"".join(struct.pack("<H", len(s)) + s.encode("utf-16-le") + b"\x00\x00" for s in strings)
    offsets, at = b"", 0
    for s in strings:
        offsets += struct.pack("<I", at)
        at += 2 + 2 * len(s) + 2
    data += b"\x00" * (-len(data) % 4)
    pool_head = 28 + len(offsets)
    pool = struct.pack("<HHIIIIII", 1, 28, pool_head + len(data), len(strings), 0, 0, pool_head, 0) + offsets + data
    attr = struct.pack("<IIIHBBI", 0xFFFFFFFF, 1, 2, 8, 0, 3, 2)
    element = struct.pack("<HHIII", 0x0102, 16, 16 + 20 + len(attr), 1, 0xFFFFFFFF) + struct.pack("<IIHHHHHH", 0xFFFFFFFF, 0, 20, 20, 1, 0, 0, 0) + attr
    body = pool + element
    return struct.pack("<HHI", 3, 8, 8 + len(body)) + body


def zip_file(entries, before_directory=b""):
    """A stored ZIP (APPNOTE 4.3) with `before_directory` (an APK Signing Block) just
    before the central directory."""
    import zipfile, io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            z.writestr(info, data)
    raw = buf.getvalue()
    eocd = raw.rindex(b"PK\x05\x06")
    cd_size, cd_at = struct.unpack("<II", raw[eocd + 12:eocd + 20])
    fixed = raw[eocd:eocd + 16] + struct.pack("<I", cd_at + len(before_directory)) + raw[eocd + 20:]
    return raw[:cd_at] + before_directory + raw[cd_at:eocd] + fixed


def signing_block(cert):
    """An APK Signing Block (Android "APK Signature Scheme v2/v3") with one v2 and one v3
    signer naming `cert`, the v3 one with a two-level proof-of-rotation lineage."""
    lp = lambda b: struct.pack("<I", len(b)) + b
    certs = lp(lp(cert))
    v2 = lp(lp(lp(lp(b"") + certs + lp(b"")) + lp(b"") + lp(b"")))
    node = lp(lp(lp(cert) + struct.pack("<I", 0x103)) + struct.pack("<II", 0, 0x103) + lp(b""))
    rotation = lp(struct.pack("<II", 0x3BA06F8C, 1) + node + node)
    v3_signed = lp(b"") + certs + struct.pack("<II", 24, 0x7FFFFFFF) + lp(rotation)
    v3 = lp(lp(lp(v3_signed) + struct.pack("<II", 24, 0x7FFFFFFF) + lp(b"") + lp(b"")))
    pairs = b"".join(struct.pack("<QI", len(v) + 4, i) + v for i, v in [(0x7109871A, v2), (0xF05368C0, v3)])
    size = len(pairs) + 24
    return struct.pack("<Q", size) + pairs + struct.pack("<Q", size) + b"APK Sig Block 42"


def hap_signing_block(cert, profile):
    """A HAP signing block, v3 (OpenHarmony developtools_hapsigner, SignHap.generateHapSigningBlock):
    sub-block headers (type, length, offset from the block's start), a property block opening
    with a code-signing header, the signed profile and the signature, then count, size, magic
    and version."""
    values = [(0x20000003, struct.pack("<III", 0x30000001, 4, 0) + b"\0" * 4), (0x20000002, signed_data(cert, profile)), (0x20000000, signed_data(cert, struct.pack("<II", 2, 1)))]
    headers, body, offset = b"", b"", 12 * len(values)
    for kind, value in values:
        headers += struct.pack("<III", kind, len(value), offset)
        offset += len(value)
        body += value
    return headers + body + struct.pack("<IQ", len(values), len(headers) + len(body) + 32) + b"<hap sign block>" + struct.pack("<I", 3)


def app_file_seeds():
    """`app_file` target: an APK (v1 + v2 + v3 with lineage), an IPA (binary Info.plist,
    CMS-wrapped XML profile), a HAP unsigned and signed (v3 block), an `.app` of signed
    HAPs, DER and PEM certificates. Built from fixed bytes, so
    the output is the same on every run."""
    import base64, plistlib
    cert = certificate("Fuzz Seed")
    apk = zip_file([("AndroidManifest.xml", axml("com.example.seed")), ("META-INF/CERT.RSA", signed_data(cert))], signing_block(cert))
    profile = plistlib.dumps({"DeveloperCertificates": [cert], "Entitlements": {"application-identifier": "ABCDE12345.com.example.seed"}}, fmt=plistlib.FMT_XML)
    info = plistlib.dumps({"CFBundleIdentifier": "com.example.seed"}, fmt=plistlib.FMT_BINARY)
    ipa = zip_file([("Payload/Seed.app/Info.plist", info), ("Payload/Seed.app/embedded.mobileprovision", signed_data(cert, profile))])
    hap = zip_file([("module.json", b'{"app":{"bundleName":"com.example.seed"}}'), ("pack.info", b'{"summary":{"app":{"bundleName":"com.example.seed"}}}')])
    pem = b"-----BEGIN CERTIFICATE-----\n" + base64.encodebytes(cert) + b"-----END CERTIFICATE-----\n"
    harmony_profile = json.dumps({"type": "release", "bundle-info": {"bundle-name": "com.example.seed", "distribution-certificate": pem.decode()}}).encode()
    signed_hap = zip_file([("module.json", b'{"app":{"bundleName":"com.example.seed"}}')], hap_signing_block(cert, harmony_profile))
    pack = b'{"summary":{"app":{"bundleName":"com.example.seed"}},"packages":[{"name":"entry","moduleType":"entry"}]}'
    app = zip_file([("pack.info", pack), ("entry.hap", signed_hap), ("feature.hap", signed_hap)])
    return [apk, ipa, hap, cert, pem * 2, signed_data(cert, profile), signed_hap, app]


def filing_seeds():
    """`filing_json` target: the sample filings of tests/filings/ as JSON text."""
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "filings", "*.json"))):
        with open(path, encoding="utf-8") as f:
            case = json.load(f)
        text = case.get("filing_json") or json.dumps(case["filing"], ensure_ascii=False)
        out.append(text.encode("utf-8"))
    return out


def abi_seeds(field_ids):
    """`abi` target: one call per operation (byte 0), locale id (byte 1), today (bytes 2..6,
    a real date when byte 2 is below 0x80), arguments separated by 0x1F."""
    head = lambda op, locale=1: bytes([op, locale, 0, 0, 0, 0])
    sep = b"\x1f"
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "vectors", "**", "*.json"), recursive=True))[:6]:
        with open(path, encoding="utf-8") as f:
            for v in json.load(f)["vectors"][:3]:
                ctx = json.dumps(v.get("context", {}), ensure_ascii=False).encode()
                out.append(head(0) + v["field"].encode() + sep + v["value"].encode() + sep + ctx)
                out.append(head(1, 0) + v["field"].encode() + sep + v["value"].encode())
    out.append(head(2) + b'{"field":"mobile","value":"13800138000"}\n\n[1]\n{"field":"domain","value":"\xe4\xbe\x8b\xe5\xad\x90.\xe4\xb8\xad\xe5\x9b\xbd"}')
    out += [head(3) + f + sep + b"nwcd" for f in filing_seeds()[:4]]
    out += [head(4) + bytes([3]) + sep + a for a in attachment_seeds()[:3]]
    out += [head(5) + a for a in app_file_seeds()]
    out += [head(6) + struct.pack("<6i", 16, 11, 1 << 30, 64, 0, 0), head(7) + struct.pack("<i", 1 << 20) + sep + b"en-US", bytes([0, 1, 0xff, 0xff, 0xff, 0xff]) + b"mobile" + sep + b"138"]
    return out


def main():
    fields = sys.argv[1:]
    if not fields:
        sys.exit("usage: tools/fuzz_seeds.py FIELD_ID...")
    print("seeds: field %d, attachment %d, filing_json %d, app_file %d" % (write_all("field", field_seeds(fields)), write_all("attachment", attachment_seeds()), write_all("filing_json", filing_seeds()), write_all("app_file", app_file_seeds())) + ", abi %d" % write_all("abi", abi_seeds(fields)))


if __name__ == "__main__":
    main()
