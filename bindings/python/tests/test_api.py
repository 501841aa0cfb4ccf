"""The Python API: typed results, typed errors, caps, files as paths, bytes or file objects."""

from __future__ import annotations

import datetime as dt
import io
import json
import struct
import zlib
from pathlib import Path

import pytest

import icp_validate
from icp_validate import IcpValidateError
from conftest import ROOT, run


def test_a_field_result_has_the_keys_everywhere_else() -> None:
    r = icp_validate.validate_field("resident_id", "11010519491231002x", locale="en", today=dt.date(2026, 11, 23))
    assert r.valid and r.normalized == "11010519491231002X"
    assert set(r.to_dict()) == {"field", "valid", "normalized", "errors", "warnings", "details"}
    assert r.details["birth_date"] == "1949-12-31"
    bad = icp_validate.validate_field("resident_id", "110105194912310021", locale="en")
    assert not bad.valid and bad.codes() == ["resident_id.checksum"]
    assert bad.errors[0].message.startswith("The check character")
    assert icp_validate.validate_field("resident_id", "110105194912310021").errors[0].message.startswith("身份证号码")


def test_today_decides_date_checks() -> None:
    # Born 1949-12-31: on the day before, the ID's birth date lies in the future.
    assert icp_validate.is_valid("resident_id", "11010519491231002X", today="1950-01-01")
    assert not icp_validate.is_valid("resident_id", "11010519491231002X", today="1949-12-30")
    assert not icp_validate.is_valid("resident_id", "11010519491231002X", {"today": "1949-12-30"}, today="2026-01-01")


def test_bad_arguments_are_typed_errors() -> None:
    with pytest.raises(IcpValidateError) as e:
        icp_validate.validate_field("mobile", "13800138000", locale="fr")
    assert e.value.kind == "bad_locale"
    with pytest.raises(IcpValidateError) as e:
        icp_validate.validate_field("mobile", "13800138000", '["not", "an", "object"]')  # type: ignore[arg-type]
    assert e.value.kind == "bad_context"
    with pytest.raises(IcpValidateError) as e:
        icp_validate.validate_filing("{}", provider="bogus")
    assert e.value.kind == "unknown_provider"
    with pytest.raises(IcpValidateError) as e:
        icp_validate.check_attachment("selfie", b"\xff\xd8")
    assert e.value.kind == "unknown_attachment_kind"
    with pytest.raises(IcpValidateError) as e:
        icp_validate.is_valid("mobile", "13800138000", today="2026-02-30")
    assert e.value.kind == "bad_today"
    with pytest.raises(IcpValidateError) as e:
        icp_validate.validate_field("x" * 2000, "1")
    assert e.value.kind == "too_large"


def test_huge_values_and_deep_json_are_answers() -> None:
    r = icp_validate.validate_field("website_name", "名" * (4 << 20))
    assert r.codes() == ["input.too_long"]
    deep = "[" * 100_000 + "]" * 100_000
    report = icp_validate.validate_filing('{"entity":' + deep + "}", locale="en")
    assert not report.valid and report.errors[0].code == "filing.malformed"
    line = {"field": "mobile", "value": "1", "context": json.loads("[" * 50 + "]" * 50)}
    (res,) = icp_validate.validate_batch([line])
    assert res.codes() == ["input.malformed"]
    with pytest.raises(IcpValidateError):
        icp_validate.validate_field("mobile", "1", "[" * 100_000)  # type: ignore[arg-type]
    assert icp_validate.validate_filing(b"{" * (5 << 20)).errors[0].code == "filing.too_large"


def test_a_filing_from_a_dict_or_text() -> None:
    text = (ROOT / "examples" / "filings" / "website.json").read_text(encoding="utf-8")
    a = icp_validate.validate_filing(json.loads(text), locale="en", today="2026-11-30")
    b = icp_validate.validate_filing(text, locale="en", today="2026-11-30")
    assert a.to_dict() == b.to_dict() and a.valid
    assert a.summary["fields_checked"] > 10


def test_an_attachment_from_bytes_a_path_or_a_file(tmp_path: Path, native_cli: Path) -> None:
    ihdr = b"IHDR" + struct.pack(">IIBBBBB", 512, 384, 8, 2, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + ihdr + struct.pack(">I", zlib.crc32(ihdr)) + b"\x00" * 2000
    path = tmp_path / "icon.png"
    path.write_bytes(png)
    by_bytes = icp_validate.check_attachment("app_icon", png, locale="en")
    assert by_bytes == icp_validate.check_attachment("app_icon", path, locale="en")
    with open(path, "rb") as f:
        assert by_bytes == icp_validate.check_attachment("app_icon", f, locale="en")
    assert by_bytes.format == "png" and (by_bytes.width, by_bytes.height) == (512, 384)
    assert run([native_cli, "attachment", "app_icon", path, "--locale", "en"]) == (0 if by_bytes.valid else 1, by_bytes.text.encode())


def test_an_app_file_is_read_by_ranges_like_the_native_cli(tmp_path: Path, native_cli: Path) -> None:
    # A ZIP whose end record lies 300 KB past its start: the reader asks for both ends only.
    data = b"PK\x03\x04" + bytes(300_000) + b"PK\x05\x06" + bytes(18)
    path = tmp_path / "broken.apk"
    path.write_bytes(data)
    info = icp_validate.read_app_file(path, locale="en", today="2026-11-23")
    assert info == icp_validate.read_app_file(data, locale="en", today="2026-11-23")
    assert info == icp_validate.read_app_file(io.BytesIO(data), locale="en", today="2026-11-23")
    assert info.to_dict()["bytes_read"] < len(data) / 2
    assert run([native_cli, "app-info", path, "--locale", "en", "--today", "2026-11-23"]) == (0 if info.valid else 1, info.text.encode())


def test_fields_catalog_and_versions() -> None:
    ids = [f.id for f in icp_validate.fields(locale="en")]
    assert "resident_id" in ids and "uscc" in ids
    assert "resident_id.checksum" in json.dumps(icp_validate.catalog())
    assert icp_validate.version.startswith("0.1.0+data.")
    assert icp_validate.data_version in icp_validate.version
