"""Pydantic v2 rejects a wrong resident ID with our message, in zh-CN and en."""

from __future__ import annotations

from typing import Annotated

import pytest
from pydantic import BaseModel, ValidationError

from icp_validate.pydantic import IcpField, ResidentId


class Applicant(BaseModel):
    province: str = ""
    id_number: ResidentId
    id_number_en: Annotated[str, IcpField("resident_id", locale="en")] = "11010519491231002X"
    phone: Annotated[str, IcpField("mobile", locale="en", context={"provider": "aliyun"}, context_from={"province": "province"})] = "13800138000"


def test_a_valid_body_is_normalized() -> None:
    a = Applicant(id_number="11010519491231002x")
    assert a.id_number == "11010519491231002X"


def test_a_wrong_resident_id_is_rejected_with_our_message() -> None:
    with pytest.raises(ValidationError) as e:
        Applicant(id_number="110105194912310021", id_number_en="110105194912310021")
    errors = {err["loc"][0]: err for err in e.value.errors()}
    assert errors["id_number"]["type"] == "icp_field"
    assert errors["id_number"]["msg"] == "身份证号码校验位不正确，请检查是否输错了某一位"
    assert errors["id_number"]["ctx"]["code"] == "resident_id.checksum"
    assert errors["id_number_en"]["msg"] == "The check character does not match; a character is probably mistyped"


def test_the_context_comes_from_a_sibling_field() -> None:
    # A Beijing mobile number for an entity in Shanghai: an error under the aliyun profile.
    Applicant(id_number="11010519491231002X", province="北京", phone="13800138000")
    with pytest.raises(ValidationError) as e:
        Applicant(id_number="11010519491231002X", province="上海", phone="13800138000")
    (err,) = e.value.errors()
    assert err["loc"] == ("phone",) and err["ctx"]["code"] == "phone.province_mismatch"
