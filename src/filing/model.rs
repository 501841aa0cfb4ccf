//! The filing as a filer submits it: one shape for Rust, JSON (CLI, servers) and JS objects
//! (the wasm `validateFiling`). Field lists follow the filing checklists of
//! nwcd-website-guide-en Ninth 1 and nwcd-app-guide-en Tenth 1; access fields follow
//! sinnet-guide-en (account ID, IP). Unknown keys are rejected so a misspelt key is reported
//! instead of silently unchecked.

use serde::{Deserialize, Serialize};



/// The whole filing application.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Filing {
    /// What the application does.
    pub kind: FilingKind,
    /// Provider profile id (`nwcd`, `sinnet`, `aliyun`, `generic`); `Options.provider` wins.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// 主办单位: the entity that files.
    pub entity: Entity,
    /// Websites and APPs in this application.
    pub services: Vec<Service>,
    /// 接入信息: the cloud account and addresses the services are reached at.
    pub access: Access,
    /// What the attachment checker reported for each uploaded file.
    pub attachments: Vec<AttachmentMeta>,
}

/// Application types as the provider consoles name them (nwcd-website-guide-en Eighth,
/// sinnet-guide-en Step 2~3: 新增备案, 新增接入, 变更, 注销).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FilingKind {
    /// 新增备案: an entity with no record yet.
    #[default]
    NewFiling,
    /// 新增网站/新增APP: a filed entity adds a service.
    NewService,
    /// 新增接入: a service filed with another provider moves here.
    NewAccess,
    /// 变更: a filed entity or service changes.
    Change,
    /// 注销 / 取消接入: the listed services, or the entity when none are listed.
    Cancel,
}

impl FilingKind {
    /// Every kind, in the order of the filing form.
    pub const ALL: [FilingKind; 5] = [FilingKind::NewFiling, FilingKind::NewService, FilingKind::NewAccess, FilingKind::Change, FilingKind::Cancel];

    /// The serde name (`new_filing`), which results carry.
    pub fn id(self) -> &'static str {
        match self {
            FilingKind::NewFiling => "new_filing",
            FilingKind::NewService => "new_service",
            FilingKind::NewAccess => "new_access",
            FilingKind::Change => "change",
            FilingKind::Cancel => "cancel",
        }
    }

    /// The entity already holds a record number (主体备案号).
    pub fn entity_is_filed(self) -> bool {
        self != FilingKind::NewFiling
    }

    /// Each listed service already holds a record number (网站/APP备案号).
    pub fn services_are_filed(self) -> bool {
        matches!(self, FilingKind::NewAccess | FilingKind::Change | FilingKind::Cancel)
    }
}

pub use crate::context::EntityType;

/// Certificate fields an entity type files with. The modern certificates of all
/// organisations carry a USCC; the organization code certificate is the pre-2015 form
/// still offered by the consoles for government and military units.
pub fn certificate_fields(t: EntityType) -> &'static [&'static str] {
    match t {
        EntityType::Enterprise => &["business_license", "uscc"],
        EntityType::Government => &["uscc", "org_code"],
        EntityType::PublicInstitution => &["public_institution_cert", "uscc", "org_code"],
        EntityType::SocialOrganisation => &["social_org_cert", "uscc"],
        EntityType::PrivateNonEnterprise => &["private_non_enterprise_cert", "uscc"],
        EntityType::Foundation => &["foundation_cert", "uscc"],
        EntityType::Military => &["military_service_permit", "uscc", "org_code"],
        EntityType::Individual => PERSONAL_CERTIFICATES,
    }
}

/// Certificates a natural person files with.
pub const PERSONAL_CERTIFICATES: &[&str] =
    &["resident_id", "hmt_residence_permit", "hk_macau_travel_permit", "taiwan_travel_permit", "passport", "foreigner_permanent_id"];

/// 主办单位信息 (nwcd-website-guide-en Ninth 1; sinnet-guide-en Step 2~3 form).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Entity {
    /// 主办单位性质 (JSON: `type`).
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// 主办单位名称; for an individual, the person's name.
    pub name: String,
    /// 主办单位证件类型: a field id (`business_license`) or the console's Chinese name (`营业执照`).
    pub certificate_type: String,
    /// 主办单位证件号码.
    pub certificate_number: String,
    /// 证件住所: the address printed on the certificate.
    pub address: String,
    /// 通讯地址, when different from the certificate address.
    pub mailing_address: String,
    /// 主办单位所在省, any accepted form (`北京`, `京`, `11`, `Beijing`).
    pub province: String,
    /// 主办单位所在市.
    pub city: String,
    /// 投资者或上级主管单位.
    pub investor: String,
    /// 主体备案号 (`京ICP备12345678号`) for every kind but a new filing.
    pub record_number: String,
    /// Holds the national document that allows 中国, 国家 ... in service names
    /// (nwcd-website-guide-en Ninth 2.(1)).
    pub national_document: bool,
    /// 主办单位负责人: the legal representative for organisations.
    pub person_in_charge: Person,
}

/// A person in charge (负责人) with the contact fields both checklists ask for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Person {
    /// 姓名.
    pub name: String,
    /// 证件类型: a field id (`resident_id`) or the console's Chinese name (`居民身份证`).
    pub certificate_type: String,
    /// 证件号码.
    pub certificate_number: String,
    /// 证件有效期 (`2016-08-01~2036-08-01`, `2016-08-01~长期`).
    pub certificate_validity: String,
    /// 手机号码 (联系电话).
    pub mobile: String,
    /// 办公电话, optional.
    pub office_phone: String,
    /// 应急联系电话.
    pub emergency_phone: String,
    /// 电子邮箱.
    pub email: String,
}

/// Website or APP.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ServiceType {
    /// A website (网站).
    #[default]
    Website,
    /// An APP.
    App,
}

/// One Internet information service (网站 or APP).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Service {
    /// Website or APP (JSON: `type`).
    #[serde(rename = "type")]
    pub service_type: ServiceType,
    /// 网站名称 / APP名称.
    pub name: String,
    /// 网站/APP备案号 (`京ICP备12345678号-1`) when the service is already filed.
    pub record_number: String,
    /// Website: registrable domains; APP: domains up to the fourth level. Each is a name,
    /// or an object with what the registrar's real-name record says about it.
    pub domains: Vec<Domain>,
    /// APP only: one entry per operating system.
    pub platforms: Vec<AppPlatform>,
    /// 服务类目 / service content, free text or pre-approval category ids.
    pub categories: Vec<String>,
    /// 语种.
    pub languages: Vec<String>,
    /// 前置审批: the pre-approvals the service's categories need.
    pub pre_approvals: Vec<PreApproval>,
    /// 网站/APP负责人.
    pub person_in_charge: Person,
}

/// A service's domain: its name (`example.com`), or its name with the registrar's real-name
/// record. The name is checked at `services[i].domains[j]` either way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Domain {
    /// A domain name alone.
    Name(String),
    /// A domain name with its registration record (holder, expiry).
    Record(DomainRecord),
}

impl Domain {
    /// The domain name as typed.
    pub fn name(&self) -> &str {
        match self {
            Domain::Name(n) => n,
            Domain::Record(r) => &r.name,
        }
    }

    /// The registrar's record, when the filer gave one.
    pub fn record(&self) -> Option<&DomainRecord> {
        match self {
            Domain::Name(_) => None,
            Domain::Record(r) => Some(r),
        }
    }
}

impl From<&str> for Domain {
    fn from(name: &str) -> Domain {
        Domain::Name(name.to_owned())
    }
}

/// What the registrar knows about a domain (its real-name record, 域名实名认证信息):
/// nwcd-website-guide-zh 五 1.(3)-(5), sinnet-guide-en materials table item 9. Empty parts
/// are not checked.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct DomainRecord {
    /// The domain name.
    pub name: String,
    /// 域名持有者: the registrant's name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub holder_name: String,
    /// The registrant's certificate type (`营业执照`, `居民身份证`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub holder_certificate_type: String,
    /// The holder's certificate number.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub holder_certificate_number: String,
    /// 到期日期 of the registration (`2027-05-01`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub expiry_date: String,
}

/// APP characteristic information per platform (nwcd-app-guide-en Tenth 1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct AppPlatform {
    /// `android`, `ios`, `harmony`, ...
    pub platform: String,
    /// Package name / Bundle ID / bundle name.
    pub package: String,
    /// The signing certificate's public key (Base64 SubjectPublicKeyInfo or PEM).
    pub public_key: String,
    /// Signature MD5.
    pub md5: String,
    /// The name under the icon on this platform when it differs from the service's name
    /// field in the console (it must not: nwcd-app-guide-en Tenth 2.(1)).
    pub name: String,
}

/// 前置审批: category and the approving document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct PreApproval {
    /// The pre-approval category (`news`, `publishing`, ... or its Chinese name).
    pub category: String,
    /// The approval document's number.
    pub document_number: String,
}

/// 接入信息.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Access {
    /// Cloud account id (AWS Account ID for `nwcd`/`sinnet`).
    pub account_id: String,
    /// The company the cloud account is registered to (for the confirmation letter).
    pub account_company_name: String,
    /// The IP addresses the services are reached at.
    pub ips: Vec<String>,
}

pub use crate::attachment::AttachmentMeta;
