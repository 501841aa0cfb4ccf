//! Per-call context: the facts a rule needs beyond the value itself, parsed once into types
//! (`registry::context` reads the wire form that JSON and JS objects carry). A value that is
//! given but not understood is kept as typed, so the rules that depend on it can say so.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::message::Term;
use crate::province_code::ProvinceCode;

/// The facts a field rule needs beyond the value: the day to check dates against, the
/// entity's province, the provider, the certificate type, the APP platform. Every key is
/// optional; the same context can be passed to every field of a form. From JSON (the wire
/// form the CLI, the browser and the server hosts take) it deserializes leniently: names and
/// aliases are typed once here, and what is given but not understood is kept, so the rules
/// that depend on it can say so.
///
/// ```
/// use icp_validate::{Context, Provider, ProvinceCode};
///
/// let ctx: Context = serde_json::from_str(r#"{"province":"北京","provider":"nwcd","today":"2026-11-23"}"#).unwrap();
/// assert_eq!(ctx.province, Some(ProvinceCode::BEIJING));
/// assert_eq!(ctx.provider, Some(Provider::Nwcd));
/// assert_eq!(ctx.today.map(|d| d.to_string()).as_deref(), Some("2026-11-23"));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Context {
    /// The day to check dates against (birth dates, validity periods). Defaults to today in
    /// China Standard Time; tests pass it so they stay deterministic.
    pub today: Option<Date>,
    /// The filing entity's province.
    pub province: Option<ProvinceCode>,
    /// The filing service provider whose profile applies; `None` (the generic profile) when
    /// absent or unknown.
    pub provider: Option<Provider>,
    /// Certificate type for the `certificate` field.
    pub certificate_type: Option<CertificateType>,
    /// APP platform for `app_package`.
    pub platform: Option<Platform>,
    /// Entity type, for names that depend on it; unknown types count as organisations.
    pub entity_type: Option<EntityType>,
    /// The entity holds the national-level document that allows words such as 中国 in a
    /// website name (nwcd-website-guide-en, Ninth 2.(1)).
    pub national_document: Option<bool>,
    /// A province given but not recognised, as typed: rules that compare provinces report
    /// `context.invalid` instead of silently skipping the check.
    pub province_unrecognised: Option<String>,
    /// Keys whose value has the wrong type or form (`today: "nope"`, `province: 11`), with
    /// the value as typed: no rule runs, the call answers `context.invalid`.
    pub malformed: Vec<(&'static str, String)>,
}

impl Context {
    /// The given `today`, else the clock's day in China; `None` only on wasm32 without a
    /// date from JS (date-relative checks are then skipped rather than guessed).
    pub fn today(&self) -> Option<Date> {
        self.today.or_else(Date::today)
    }
}

/// A registered filing service provider (接入商). Each has a profile in `src/providers/` (one
/// file per provider, one line in its `providers!` list, which maps every variant to its
/// profile, so a variant without a profile or a profile without a variant does not compile).
/// `Generic` is what every provider in the seeds agrees on.
///
/// ```
/// use icp_validate::Provider;
///
/// let p: Provider = " NWCD ".parse().unwrap();
/// assert_eq!(p, Provider::Nwcd);
/// assert_eq!(p.as_str(), "nwcd");
/// assert!("unknown".parse::<Provider>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Provider {
    /// 西云数据 (Ningxia Western Cloud Data), the AWS China (Ningxia) region's provider.
    Nwcd,
    /// 光环新网 (Sinnet), the AWS China (Beijing) region's provider.
    Sinnet,
    /// 阿里云 (Alibaba Cloud).
    Aliyun,
    /// A provider with every kind of rule, for the unit tests of the rules that read them.
    #[cfg(test)]
    Fixture,
    /// The generic profile: what every provider in the seeds agrees on.
    Generic,
}

impl Provider {
    /// Every registered provider, `Generic` last (the fallback), in the order of the profiles.
    pub const ALL: &'static [Provider] = &[
        Provider::Nwcd,
        Provider::Sinnet,
        Provider::Aliyun,
        #[cfg(test)]
        Provider::Fixture,
        Provider::Generic,
    ];

    /// The provider's id, as contexts, options and reports carry it (`nwcd`).
    pub fn as_str(self) -> &'static str {
        match self {
            Provider::Nwcd => "nwcd",
            Provider::Sinnet => "sinnet",
            Provider::Aliyun => "aliyun",
            #[cfg(test)]
            Provider::Fixture => "fixture",
            Provider::Generic => "generic",
        }
    }

    /// The provider with this id (case-insensitive, trimmed).
    pub fn find(id: &str) -> Option<Provider> {
        let id = id.trim();
        Provider::ALL.iter().copied().find(|p| p.as_str().eq_ignore_ascii_case(id))
    }
}

/// The id is not a registered provider's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownProvider;

impl std::fmt::Display for UnknownProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a registered provider id")
    }
}

impl std::error::Error for UnknownProvider {}

impl std::str::FromStr for Provider {
    type Err = UnknownProvider;

    /// Case-insensitive, trimmed, as [`Provider::find`].
    fn from_str(s: &str) -> Result<Provider, UnknownProvider> {
        Provider::find(s).ok_or(UnknownProvider)
    }
}

impl std::fmt::Display for Provider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A certificate type: the field id that validates its number, or the name as typed when no
/// rule knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CertificateType {
    /// A certificate type a field rule checks: the rule's field id (`resident_id`).
    Field(&'static str),
    /// A certificate type no rule knows, as typed.
    Unknown(String),
}

impl CertificateType {
    /// The field id that validates this certificate type's number, when a rule knows it.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            CertificateType::Field(f) => Some(f),
            CertificateType::Unknown(_) => None,
        }
    }
}

/// An APP platform, whatever alias it was typed as (`android`, `安卓`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Platform {
    /// Android (`android`, `安卓`).
    Android,
    /// iOS and iPadOS (`ios`, `iphone`, `苹果`).
    Ios,
    /// HarmonyOS (`harmony`, `鸿蒙`).
    Harmony,
    /// Platforms with no package naming rule of their own (BlackBerry, Linux).
    Other,
    /// Not a platform the rules know, as typed.
    Unknown(String),
}

impl Platform {
    /// Parses the names and aliases filers type; blank is `None`.
    pub fn parse(s: &str) -> Option<Platform> {
        let t = s.trim();
        if t.is_empty() {
            return None;
        }
        Some(match t.to_ascii_lowercase().as_str() {
            "android" | "安卓" => Platform::Android,
            "ios" | "iphone" | "ipados" | "苹果" => Platform::Ios,
            "harmony" | "harmonyos" | "鸿蒙" => Platform::Harmony,
            "blackberry" | "黑莓" | "linux" => Platform::Other,
            _ => Platform::Unknown(t.to_owned()),
        })
    }
}

/// 主办单位性质.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    /// 企业
    #[default]
    Enterprise,
    /// 政府机关
    Government,
    /// 事业单位
    PublicInstitution,
    /// 社会团体
    SocialOrganisation,
    /// 民办非企业单位
    PrivateNonEnterprise,
    /// 基金会
    Foundation,
    /// 军队
    Military,
    /// 个人
    Individual,
}

impl EntityType {
    /// Every entity type, in the order of the filing form.
    pub const ALL: [EntityType; 8] = [
        EntityType::Enterprise,
        EntityType::Government,
        EntityType::PublicInstitution,
        EntityType::SocialOrganisation,
        EntityType::PrivateNonEnterprise,
        EntityType::Foundation,
        EntityType::Military,
        EntityType::Individual,
    ];

    /// The entity type's id, as JSON carries it (`public_institution`).
    pub fn id(self) -> &'static str {
        self.term().id
    }

    /// The entity type as messages name it.
    pub fn term(self) -> &'static Term {
        const fn t(id: &'static str, zh: &'static str, en: &'static str) -> Term {
            Term { id, zh, en }
        }
        static TERMS: [Term; 8] = [
            t("enterprise", "企业", "enterprise"),
            t("government", "政府机关", "government"),
            t("public_institution", "事业单位", "public institution"),
            t("social_organisation", "社会团体", "social organisation"),
            t("private_non_enterprise", "民办非企业单位", "private non-enterprise unit"),
            t("foundation", "基金会", "foundation"),
            t("military", "军队", "military"),
            t("individual", "个人", "individual"),
        ];
        &TERMS[self as usize]
    }

    /// An entity type by id or Chinese name; `personal` and `person` are individuals too.
    pub fn parse(s: &str) -> Option<EntityType> {
        let t = s.trim().to_ascii_lowercase();
        if matches!(t.as_str(), "personal" | "person") {
            return Some(EntityType::Individual);
        }
        EntityType::ALL.into_iter().find(|e| e.term().id == t || e.term().zh == t)
    }
}
