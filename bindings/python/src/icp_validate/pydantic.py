"""Pydantic v2 types: declare a request body's field as, say, a resident ID, and Pydantic
rejects a wrong one with our verdict and message (error type ``icp_field``, the finding's code
in the error's context).

>>> from typing import Annotated
>>> from pydantic import BaseModel
>>> from icp_validate.pydantic import IcpField, ResidentId
>>> class Applicant(BaseModel):
...     id_number: ResidentId
...     phone: Annotated[str, IcpField("mobile", locale="en", context_from={"province": "province"})]
...     province: str = ""

A valid value is replaced by its canonical form (``normalized``) unless ``normalize=False``.
``context`` is a fixed context; ``context_from`` maps context keys to fields of the same model
validated before this one (Pydantic validates fields in declaration order).
"""

from __future__ import annotations

from typing import Annotated, Any, Mapping, Optional

from pydantic import GetCoreSchemaHandler
from pydantic_core import PydanticCustomError, core_schema


from . import validate_field
from ._core import Today

__all__ = ["IcpField", "ResidentId", "Uscc", "Mobile", "Phone", "Domain", "Email", "IcpRecordNumber", "PersonName", "EntityName"]


class IcpField:
    """Validates a ``str`` as the icp-validate field ``field`` (``resident_id``, ``uscc``,
    ``mobile``, ...). Use it in ``Annotated[str, IcpField("resident_id")]``."""

    def __init__(self, field: str, *, locale: str = "zh-CN", context: Optional[Mapping[str, Any]] = None, context_from: Optional[Mapping[str, str]] = None, normalize: bool = True, today: Today = None) -> None:
        self.field = field
        self.locale = locale
        self.context = dict(context or {})
        self.context_from = dict(context_from or {})
        self.normalize = normalize
        self.today = today

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.with_info_after_validator_function(self._validate, handler(source))

    def _validate(self, value: str, info: core_schema.ValidationInfo) -> str:
        context = dict(self.context)
        data = info.data if isinstance(info.data, Mapping) else {}
        for key, sibling in self.context_from.items():
            if data.get(sibling) not in (None, ""):
                context[key] = data[sibling]
        result = validate_field(self.field, value, context or None, locale=self.locale, today=self.today)
        if not result.valid:
            first = result.errors[0]
            raise PydanticCustomError("icp_field", "{message}", {"message": first.message, "code": first.code, "field": self.field, "codes": [e.code for e in result.errors]})
        return result.normalized if self.normalize and result.normalized is not None else value

    def __repr__(self) -> str:
        return f"IcpField({self.field!r}, locale={self.locale!r})"


ResidentId = Annotated[str, IcpField("resident_id")]
"""居民身份证号码 (GB 11643): checksum, region, birth date; normalized with an upper-case X."""
Uscc = Annotated[str, IcpField("uscc")]
"""统一社会信用代码 (GB 32100)."""
Mobile = Annotated[str, IcpField("mobile")]
"""A mainland mobile number."""
Phone = Annotated[str, IcpField("phone")]
"""A mobile or landline number."""
Domain = Annotated[str, IcpField("domain")]
"""A domain name to file (IDN allowed; normalized to its A-label)."""
Email = Annotated[str, IcpField("email")]
IcpRecordNumber = Annotated[str, IcpField("icp_record_number")]
PersonName = Annotated[str, IcpField("person_name")]
EntityName = Annotated[str, IcpField("entity_name")]
