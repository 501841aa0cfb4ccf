//! What `validate_filing` answers: the report, its parts and the filing-level codes.

use serde::{Deserialize, Serialize};

use super::model::FilingKind;
use crate::date::Date;
use crate::documents::Need;
use crate::message::{Code, Locale, Severity, Value};
use crate::message::text;

/// Per-call options; the filing itself stays what the filer typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "FilingOptions"))]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Overrides `Filing.provider`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// The day dates are checked against; defaults to today in China.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub today: Option<Date>,
    /// `zh-CN` (default) or `en`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
}

impl Options {
    /// The locale messages are worded in: `locale` when it parses, else zh-CN.
    pub fn locale(&self) -> Locale {
        self.locale.as_deref().and_then(Locale::parse).unwrap_or_default()
    }
}

/// A finding at a path of the filing.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PathIssue {
    /// Where: `entity.person_in_charge.mobile`, `services[1].domains[0]`.
    pub path: String,
    /// The field rule that found it; absent for filing-level rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    // Absent, never null: the schema says so.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub field: Option<&'static str>,
    /// Stable code (`mobile.checksum`).
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// The message, in the requested locale.
    pub message: String,
    /// The message's parameters, typed.
    pub params: std::collections::BTreeMap<&'static str, Value>,
}

/// One line of the documents checklist.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocumentItem {
    /// Checklist id (`entity_certificate`).
    pub id: &'static str,
    /// The document's name, in the requested locale.
    pub name: String,
    /// Required, or only in some cases.
    pub need: Need,
    /// Why this filing needs it, in the requested locale.
    pub reason: String,
    /// Stable id of the reason (`document.authorization_letter`).
    pub reason_code: &'static str,
    /// The seed section that asks for it.
    pub source: &'static str,
    /// Whose or which: `entity`, `services[0]`, `services[0].domains[1]`.
    pub subject: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    // Absent, never null: the schema says so.
    /// The attachment kind the document is uploaded as, when it is one (`check_attachment` checks it).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub attachment_kind: Option<&'static str>,
    /// Where it is uploaded: to the provider, or, on NWCD's electronic route, in the WeChat
    /// mini program of the verification (nwcd-website-guide-en Eleventh 2.).
    pub upload: Upload,
    /// Whether an attachment of that kind for that subject is in `Filing.attachments`;
    /// absent when the filing lists no attachments at all (nothing uploaded yet).
    #[serde(skip_serializing_if = "Option::is_none")]
    // Absent, never null: the schema says so.
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub provided: Option<bool>,
}

/// Where a document of the checklist is uploaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Upload {
    /// To the provider's filing system (or as the provider's guide says).
    Provider,
    /// In the WeChat mini program of the electronic verification, not to the provider.
    WechatMiniProgram,
}

impl Upload {
    /// The serde name, which results carry.
    pub fn id(self) -> &'static str {
        match self {
            Upload::Provider => "provider",
            Upload::WechatMiniProgram => "wechat_mini_program",
        }
    }
}

/// Electronic (online, WeChat mini program with face recognition) or manual (photo and
/// paper forms) verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// Online: the WeChat mini program with face recognition.
    Electronic,
    /// Manual: photo and paper forms.
    Manual,
}

impl Route {
    /// The serde name, which results carry.
    pub fn id(self) -> &'static str {
        match self {
            Route::Electronic => "electronic",
            Route::Manual => "manual",
        }
    }
}

/// How the filing will be verified, and why.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Verification {
    /// Electronic or manual.
    pub route: Route,
    /// Why this route, in the requested locale.
    pub reason: String,
    /// Stable id of the reason.
    pub reason_code: &'static str,
    /// Whether the MIIT sends an SMS code to confirm (every mainland filing, rare exceptions
    /// announced by the provider: nwcd-website-guide-zh 九 2, 七 步骤6); absent when it depends
    /// on a province that is not known.
    #[serde(skip_serializing_if = "Option::is_none")]
    // Absent, never null: the schema says so.
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub sms_verification: Option<bool>,
    /// Notes on the verification (province procedures), in the requested locale.
    pub notes: Vec<String>,
}

/// Counts over the report.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Summary {
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// Number of field values checked.
    pub fields_checked: usize,
    /// Number of services in the filing.
    pub services: usize,
    /// Documents every such filing needs.
    pub documents_required: usize,
    /// Documents needed in some cases.
    pub documents_conditional: usize,
}

/// The answer for a whole filing.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "FilingReport"))]
pub struct Report {
    /// No error anywhere (warnings allowed).
    pub valid: bool,
    /// The provider profile applied.
    pub provider: &'static str,
    /// The kind of filing checked.
    pub kind: FilingKind,
    /// What must be fixed, by path.
    pub errors: Vec<PathIssue>,
    /// What is worth a look, by path.
    pub warnings: Vec<PathIssue>,
    /// Values whose canonical form differs from what was typed, by path.
    pub normalized: std::collections::BTreeMap<String, String>,
    /// The documents checklist for this filing.
    pub documents: Vec<DocumentItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    // Absent, never null: the schema says so.
    /// The verification route; absent when the filing is too incomplete to tell.
    #[cfg_attr(feature = "schema", schemars(with = "Verification"))]
    pub verification: Option<Verification>,
    /// Counts over the report.
    pub summary: Summary,
}

/// The report before wording: every message a code with typed params, so that any front end
/// can word it ([`super::word`] does, in one locale).
#[derive(Debug, Clone)]
pub struct Checked {
    /// The provider profile the check applied.
    pub provider: &'static str,
    /// The filing's kind.
    pub kind: FilingKind,
    /// `(path, field rule, finding)` in the order found, errors and warnings together.
    pub findings: Vec<(String, Option<&'static str>, crate::outcome::Finding)>,
    /// Normalized values by path.
    pub normalized: std::collections::BTreeMap<String, String>,
    /// The documents checklist.
    pub documents: Vec<DocumentFinding>,
    /// The verification route, when one applies.
    pub verification: Option<RouteFinding>,
    /// How many field values were checked.
    pub fields_checked: usize,
    /// How many services the filing has.
    pub services: usize,
}

/// A line of the checklist before wording: the name comes from the document's id.
#[derive(Debug, Clone)]
pub struct DocumentFinding {
    pub id: &'static str,
    pub need: Need,
    pub reason: &'static Code,
    pub params: Vec<(&'static str, Value)>,
    pub source: &'static str,
    pub subject: String,
    pub attachment_kind: Option<&'static str>,
    pub upload: Upload,
    pub provided: Option<bool>,
}

/// The verification route before wording; `notes` are codes without params.
#[derive(Debug, Clone)]
pub struct RouteFinding {
    pub route: Route,
    pub reason: &'static Code,
    pub params: Vec<(&'static str, Value)>,
    pub sms_verification: Option<bool>,
    pub notes: Vec<&'static Code>,
}

/// Larger than any real filing (a few KB) by three orders of magnitude.
pub const MAX_JSON_BYTES: usize = 4 * 1024 * 1024;
/// Counts above which a list is cut: no real filing comes near them.
pub const MAX_SERVICES: usize = 100;
pub const MAX_ITEMS: usize = 200;
/// Platforms one APP lists at most (there are four kinds).
pub const MAX_PLATFORMS: usize = 16;


pub const MALFORMED: Code = Code {
    id: "filing.malformed",
    zh: text("备案数据无法解析：{reason}"),
    en: text("The filing could not be read: {reason}"),
};
pub const TOO_LARGE: Code = Code {
    id: "filing.too_large",
    zh: text("备案数据过大（{size} 字节，上限 {max_size}）"),
    en: text("The filing is too large ({size} bytes, at most {max_size})"),
};
pub const TOO_MANY: Code = Code {
    id: "filing.too_many",
    zh: text("此处最多 {max} 项，只检查了前 {max} 项"),
    en: text("At most {max} items here; only the first {max} were checked"),
};

pub const CODES: &[&Code] = &[
    &MALFORMED,
    &TOO_LARGE,
    &TOO_MANY,
    &ROUTE_ELECTRONIC,
    &ROUTE_MANUAL,
    &ROUTE_TYPE_MISSING,
    &NOTE_SMS,
];

// Verification route reasons: nwcd-website-guide-en Tenth; nwcd-app-guide-en Eleventh;
// sinnet-guide-en Step 4.
pub const ROUTE_ELECTRONIC: Code = Code {
    id: "filing.route_electronic",
    zh: text("营业执照和居民身份证可电子核验：使用微信小程序上传证件并人脸识别"),
    en: text("Business licence and resident ID cards qualify for electronic verification: upload them and pass face recognition in the WeChat mini program"),
};
pub const ROUTE_MANUAL: Code = Code {
    id: "filing.route_manual",
    zh: text("{document}不能电子核验，转人工核验：准备核验照片和纸质材料"),
    en: text("{document} cannot be verified electronically, so verification is manual: prepare the verification photo and paper forms"),
};
pub const ROUTE_TYPE_MISSING: Code = Code {
    id: "filing.route_type_missing",
    zh: text("证件类型未选择，无法判断能否电子核验：选择证件类型后即可确定；在此之前按人工核验准备核验照片和纸质材料"),
    en: text("A certificate type is not chosen, so whether verification can be electronic is not known yet: choose it; until then, prepare for manual verification (verification photo and paper forms)"),
};
pub const NOTE_SMS: Code = Code {
    id: "filing.note_sms",
    zh: text("提交管局后须在规定时间内完成工信部短信核验（个别情况无需短信核验，以接入商邮件通知为准）"),
    en: text("After submission, confirm the MIIT's SMS verification within the time limit (in rare cases none is needed: the provider says so by e-mail)"),
};
