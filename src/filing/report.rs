//! What `validate_filing` answers: the report, its parts and the filing-level codes.

use serde::{Deserialize, Serialize};

use super::model::FilingKind;
use crate::date::Date;
use crate::documents::Need;
use crate::message::{Code, Locale, Severity, Value};

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
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub params: std::collections::BTreeMap<&'static str, Value>,
}

/// One line of the documents checklist.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocumentItem {
    pub id: &'static str,
    pub name: String,
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
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub attachment_kind: Option<&'static str>,
    /// Whether an attachment of that kind for that subject is in `Filing.attachments`;
    /// absent when the filing lists no attachments at all (nothing uploaded yet).
    #[serde(skip_serializing_if = "Option::is_none")]
    // Absent, never null: the schema says so.
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub provided: Option<bool>,
}

/// Electronic (online, WeChat mini program with face recognition) or manual (photo and
/// paper forms) verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Route {
    Electronic,
    Manual,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Verification {
    pub route: Route,
    pub reason: String,
    pub reason_code: &'static str,
    /// Whether the MIIT sends an SMS code to confirm; absent when the provider's guide
    /// does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    // Absent, never null: the schema says so.
    #[cfg_attr(feature = "schema", schemars(with = "bool"))]
    pub sms_verification: Option<bool>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub fields_checked: usize,
    pub services: usize,
    pub documents_required: usize,
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
    pub kind: FilingKind,
    pub errors: Vec<PathIssue>,
    pub warnings: Vec<PathIssue>,
    /// Values whose canonical form differs from what was typed, by path.
    pub normalized: std::collections::BTreeMap<String, String>,
    pub documents: Vec<DocumentItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    // Absent, never null: the schema says so.
    #[cfg_attr(feature = "schema", schemars(with = "Verification"))]
    pub verification: Option<Verification>,
    pub summary: Summary,
}

/// Larger than any real filing (a few KB) by three orders of magnitude.
pub const MAX_JSON_BYTES: usize = 4 * 1024 * 1024;
/// Counts above which a list is cut: no real filing comes near them.
pub const MAX_SERVICES: usize = 100;
pub const MAX_ITEMS: usize = 200;

macro_rules! code {
    ($name:ident, $id:literal, $zh:literal, $en:literal) => {
        pub const $name: Code = Code { id: concat!("filing.", $id), zh: $zh, en: $en };
    };
}

code!(MALFORMED, "malformed", "备案数据无法解析：{reason}", "The filing could not be read: {reason}");
code!(TOO_LARGE, "too_large", "备案数据过大（{size} 字节，上限 {max_size}）", "The filing is too large ({size} bytes, at most {max_size})");
code!(TOO_MANY, "too_many", "此处最多 {max} 项，只检查了前 {max} 项", "At most {max} items here; only the first {max} were checked");
code!(REQUIRED, "required", "请填写{item}", "{item} is required");
code!(PROVIDER_UNKNOWN, "provider_unknown", "未知的接入商“{provider}”，已按通用规则检查", "Unknown provider \"{provider}\"; the generic rules were applied");
code!(INDIVIDUAL_NOT_ACCEPTED, "individual_not_accepted", "{provider} 不受理个人备案", "{provider} does not accept personal filings");
code!(CERTIFICATE_TYPE_MISMATCH, "certificate_type_mismatch", "“{type}”不是{entity_type}可用的主体证件", "\"{type}\" is not a certificate a {entity_type} entity files with");
code!(PERSONAL_CERTIFICATE_REQUIRED, "personal_certificate_required", "负责人须使用个人证件，“{type}”不是个人证件", "A person in charge files with a personal document; \"{type}\" is not one");
code!(INDIVIDUAL_NAME_MISMATCH, "individual_name_mismatch", "个人备案的主办单位名称应为本人姓名“{name}”", "A personal filing's entity name is the person's own name, \"{name}\"");
code!(INDIVIDUAL_OTHER_PERSON, "individual_other_person", "个人备案的服务负责人须为本人", "In a personal filing the person in charge of each service is the individual");
code!(ADDRESS_PROVINCE_MISMATCH, "address_province_mismatch", "地址位于{address_province}，与主办单位所在省{province}不一致", "The address is in {address_province}, not in the entity's province {province}");
code!(EMERGENCY_SAME_AS_CONTACT, "emergency_same_as_contact", "应急联系电话不能与联系电话相同", "The emergency number must differ from the contact number");
code!(MOBILE_SHARED, "mobile_shared", "不同负责人不能使用同一手机号码（与 {other} 相同）", "Different persons in charge cannot share a mobile number (same as {other})");
code!(EMAIL_SHARED, "email_shared", "不同负责人不能使用同一电子邮箱（与 {other} 相同）", "Different persons in charge cannot share an email address (same as {other})");
code!(APP_NAME_DUPLICATE, "app_name_duplicate", "同一主体下 APP 名称须唯一，“{name}”与 {other} 重复", "APP names are unique within an entity: \"{name}\" repeats {other}");
code!(APP_NAME_PLATFORM_MISMATCH, "app_name_platform_mismatch", "同一 APP 在各平台的名称须一致：{platform} 上为“{platform_name}”，备案名称为“{name}”", "An APP has one name on every platform: \"{platform_name}\" on {platform}, \"{name}\" in the filing");
code!(PLATFORM_DUPLICATE, "platform_duplicate", "平台 {platform} 重复填写", "Platform {platform} is listed twice");
code!(DOMAIN_DUPLICATE, "domain_duplicate", "域名 {domain} 重复（与 {other} 相同）", "The domain {domain} is listed twice (same as {other})");
code!(PRE_APPROVAL_MISSING, "pre_approval_missing", "服务涉及“{category}”，请填写前置审批文件号", "The service involves \"{category}\": enter the pre-approval document number");
code!(RECORD_PROVINCE_MISMATCH, "record_province_mismatch", "备案号属于{record_province}，与主办单位所在省{province}不一致（主体所在省不能变更）", "The record number belongs to {record_province}, not to the entity's province {province} (an entity's province cannot change)");
code!(RECORD_NUMBER_MISMATCH, "record_number_mismatch", "服务备案号 {record} 不属于主体备案号 {entity_record}", "The service record number {record} does not belong to the entity's record {entity_record}");
code!(RECORD_NUMBER_KIND, "record_number_kind", "此处应填写{expected}", "This should be {expected}");

pub const CODES: &[&Code] = &[
    &MALFORMED,
    &TOO_LARGE,
    &TOO_MANY,
    &REQUIRED,
    &PROVIDER_UNKNOWN,
    &INDIVIDUAL_NOT_ACCEPTED,
    &CERTIFICATE_TYPE_MISMATCH,
    &PERSONAL_CERTIFICATE_REQUIRED,
    &INDIVIDUAL_NAME_MISMATCH,
    &INDIVIDUAL_OTHER_PERSON,
    &ADDRESS_PROVINCE_MISMATCH,
    &EMERGENCY_SAME_AS_CONTACT,
    &MOBILE_SHARED,
    &EMAIL_SHARED,
    &APP_NAME_DUPLICATE,
    &APP_NAME_PLATFORM_MISMATCH,
    &PLATFORM_DUPLICATE,
    &DOMAIN_DUPLICATE,
    &PRE_APPROVAL_MISSING,
    &RECORD_PROVINCE_MISMATCH,
    &RECORD_NUMBER_MISMATCH,
    &RECORD_NUMBER_KIND,
    &ROUTE_ELECTRONIC,
    &ROUTE_MANUAL,
    &NOTE_SMS,
];

// Verification route reasons: nwcd-website-guide-en Tenth; nwcd-app-guide-en Eleventh;
// sinnet-guide-en Step 4.
code!(ROUTE_ELECTRONIC, "route_electronic", "营业执照和居民身份证可电子核验：使用微信小程序上传证件并人脸识别", "Business licence and resident ID cards qualify for electronic verification: upload them and pass face recognition in the WeChat mini program");
code!(ROUTE_MANUAL, "route_manual", "{document}不能电子核验，转人工核验：准备核验照片和纸质材料", "{document} cannot be verified electronically, so verification is manual: prepare the verification photo and paper forms");
code!(NOTE_SMS, "note_sms", "提交管局后须在规定时间内完成工信部短信核验", "After submission, confirm the MIIT's SMS verification within the time limit");
