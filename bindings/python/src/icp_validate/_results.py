"""The results, typed: the same keys as the JSON the CLI, the browser and Rust give."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple


@dataclass(frozen=True)
class Issue:
    """One finding: a stable ``code``, ``error`` or ``warning``, the message worded in the
    locale asked for, and the ``params`` the message mentions."""

    code: str
    severity: str
    message: str
    params: Dict[str, Any] = field(default_factory=dict)
    #: Where in a filing (``services[0].domains[1]``); empty for a single field.
    path: str = ""

    @classmethod
    def _of(cls, d: Dict[str, Any]) -> "Issue":
        return cls(code=d["code"], severity=d["severity"], message=d["message"], params=d.get("params", {}), path=d.get("path", ""))


class _FromText:
    text: str

    def to_dict(self) -> Dict[str, Any]:
        """The result as the JSON object every other host gives."""
        return json.loads(self.text)



def _issues(items: List[Dict[str, Any]]) -> Tuple[Issue, ...]:
    return tuple(Issue._of(i) for i in items)


@dataclass(frozen=True)
class FieldResult(_FromText):
    """The verdict on one field value. ``valid`` means no error (warnings allowed);
    ``normalized`` is the canonical form to file, present only when valid."""

    field: str
    valid: bool
    normalized: Optional[str]
    errors: Tuple[Issue, ...]
    warnings: Tuple[Issue, ...]
    details: Dict[str, Any]
    #: The JSON as the CLI prints it (one line, newline included).
    text: str = field(repr=False, compare=False, default="")

    @classmethod
    def _of(cls, text: str) -> "FieldResult":
        d = json.loads(text)
        return cls(d["field"], d["valid"], d.get("normalized"), _issues(d["errors"]), _issues(d["warnings"]), d.get("details", {}), text)

    def codes(self) -> List[str]:
        """Every finding's code, errors first."""
        return [i.code for i in self.errors + self.warnings]



@dataclass(frozen=True)
class FilingReport(_FromText):
    """The report on a whole filing: errors and warnings at their ``path``, the canonical
    values, the documents the filing needs, the verification route and counts."""

    valid: bool
    provider: str
    kind: str
    errors: Tuple[Issue, ...]
    warnings: Tuple[Issue, ...]
    normalized: Dict[str, str]
    documents: List[Dict[str, Any]]
    verification: Optional[Dict[str, Any]]
    summary: Dict[str, Any]
    #: The report as ``icp-validate filing`` prints it (pretty JSON and a newline).
    text: str = field(repr=False, compare=False, default="")

    @classmethod
    def _of(cls, text: str) -> "FilingReport":
        d = json.loads(text)
        return cls(d["valid"], d["provider"], d["kind"], _issues(d["errors"]), _issues(d["warnings"]), d.get("normalized", {}), d.get("documents", []), d.get("verification"), d.get("summary", {}), text)



@dataclass(frozen=True)
class AttachmentResult(_FromText):
    """An attachment judged from its header: format, size, colour mode and findings."""

    kind: str
    valid: bool
    format: Optional[str]
    width: Optional[int]
    height: Optional[int]
    colour_mode: Optional[str]
    byte_size: int
    errors: Tuple[Issue, ...]
    warnings: Tuple[Issue, ...]
    details: Dict[str, Any]
    text: str = field(repr=False, compare=False, default="")

    @classmethod
    def _of(cls, text: str) -> "AttachmentResult":
        d = json.loads(text)
        return cls(d["kind"], d["valid"], d.get("format"), d.get("width"), d.get("height"), d.get("colour_mode"), d.get("byte_size", 0), _issues(d["errors"]), _issues(d["warnings"]), d.get("details", {}), text)



@dataclass(frozen=True)
class AppFileInfo(_FromText):
    """What an APP file (APK, IPA, HAP/APP, provisioning profile, certificate) says: package
    name, signing certificates' MD5 and public key as the filing fields take them."""

    kind: str
    valid: bool
    platform: Optional[str]
    package: Optional[str]
    md5: Optional[str]
    public_key: Optional[str]
    certificates: List[Dict[str, Any]]
    errors: Tuple[Issue, ...]
    warnings: Tuple[Issue, ...]
    #: The answer as ``icp-validate app-info`` prints it.
    text: str = field(repr=False, compare=False, default="")

    @classmethod
    def _of(cls, text: str) -> "AppFileInfo":
        d = json.loads(text)
        return cls(d["kind"], d["valid"], d.get("platform"), d.get("package"), d.get("md5"), d.get("public_key"), d.get("certificates", []), _issues(d["errors"]), _issues(d["warnings"]), text)



@dataclass(frozen=True)
class FieldInfo:
    """A field id the rules know, with its family, label (in the locale asked for) and codes."""

    id: str
    family: str
    label: str
    codes: Tuple[str, ...]
