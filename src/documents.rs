//! The documents a filing may need, and the reasons the checklist gives for each.
//! Names follow nwcd-website-guide-en Ninth 1 ("Five attachments", "Other attachments"),
//! Appendix 1/2, nwcd-app-guide-en Appendix 1 and the sinnet-guide-en materials table.

use crate::message::{Code, Term};
use crate::message::text;

/// Whether a document is needed for sure, or only in some cases the sources leave open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Need {
    /// Every filing of this kind needs it.
    Required,
    /// The sources disagree or the reviewer decides; shown so nobody is surprised.
    Conditional,
}

impl Need {
    /// The serde name (`required`), which results carry.
    pub fn id(self) -> &'static str {
        match self {
            Need::Required => "required",
            Need::Conditional => "conditional",
        }
    }
}

/// A document the checklist can name.
#[derive(Debug)]
pub struct Document {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// The attachment kind its upload is checked as, when it is an image upload.
    pub attachment_kind: Option<&'static str>,
}

pub static DOCUMENTS: &[Document] = &[
    Document { id: "entity_certificate", zh: text("主办单位证件"), en: text("Entity certificate"), attachment_kind: Some("entity_certificate") },
    Document { id: "person_certificate", zh: text("负责人证件"), en: text("Identity document of the person in charge"), attachment_kind: Some("person_certificate") },
    Document { id: "verification_photo", zh: text("负责人核验照片"), en: text("Verification photo of the person in charge"), attachment_kind: Some("verification_photo") },
    Document { id: "authenticity_form", zh: text("备案信息真实性核验单"), en: text("Filing information authenticity verification form"), attachment_kind: Some("authenticity_form") },
    Document { id: "domain_real_name_screenshot", zh: text("域名实名认证截图"), en: text("Screenshot of the domain's real-name authentication"), attachment_kind: Some("other") },
    Document { id: "domain_certificate", zh: text("域名注册证书"), en: text("Domain name registration certificate"), attachment_kind: Some("domain_certificate") },
    Document { id: "app_icon", zh: text("APP图标"), en: text("APP icon"), attachment_kind: Some("app_icon") },
    Document { id: "authorization_letter", zh: text("负责人授权书"), en: text("Authorization letter"), attachment_kind: Some("other") },
    Document { id: "confirmation_letter", zh: text("确认书"), en: text("Confirmation letter"), attachment_kind: Some("other") },
    Document { id: "commitment_letter", zh: text("互联网信息服务备案承诺书"), en: text("Internet information service filing commitment letter"), attachment_kind: Some("other") },
    Document { id: "pre_approval", zh: text("前置审批文件"), en: text("Pre-approval document"), attachment_kind: Some("other") },
    Document { id: "account_screenshot", zh: text("账号注册信息截图"), en: text("Account registration screenshot"), attachment_kind: Some("other") },
    Document { id: "security_responsibility_letter", zh: text("信息安全管理责任书"), en: text("Letter of responsibility for information security management"), attachment_kind: Some("other") },
    Document { id: "website_construction_document", zh: text("网站建设方案书"), en: text("Website construction document"), attachment_kind: Some("other") },
    Document { id: "authenticity_responsibility_notice", zh: text("网站备案信息真实性责任告知书"), en: text("Notification of responsibility for authenticity of website filing information"), attachment_kind: Some("other") },
    Document { id: "authenticity_commitment", zh: text("网站备案信息真实性承诺书"), en: text("Letter of commitment on the authenticity of website filing information"), attachment_kind: Some("other") },
];

pub fn document(id: &str) -> Option<&'static Document> {
    DOCUMENTS.iter().find(|d| d.id == id)
}


pub const ENTITY_CERTIFICATE: Code = Code {
    id: "document.entity_certificate",
    zh: text("主办单位有效证件的彩色原件照片或扫描件"),
    en: text("A colour photo or scan of the original entity certificate"),
};
pub const ENTITY_PERSON_CERTIFICATE: Code = Code {
    id: "document.entity_person_certificate",
    zh: text("主办单位负责人 {name} 的有效证件"),
    en: text("The identity document of {name}, person in charge of the entity"),
};
pub const SERVICE_PERSON_CERTIFICATE: Code = Code {
    id: "document.service_person_certificate",
    zh: text("“{service}”的负责人 {name} 与主体负责人不是同一人，需提供其有效证件"),
    en: text("{name}, in charge of \"{service}\", is not the entity's person in charge, so their identity document is needed"),
};
pub const VERIFICATION_PHOTO: Code = Code {
    id: "document.verification_photo",
    zh: text("人工核验：“{service}”的负责人 {name} 需拍摄核验照片"),
    en: text("Manual verification: {name}, in charge of \"{service}\", is photographed for verification"),
};
pub const ENTITY_CERTIFICATE_MINI_PROGRAM: Code = Code {
    id: "document.entity_certificate_mini_program",
    zh: text("电子核验：事先准备营业执照原件，在微信小程序中按提示拍照上传，不上传给{provider}"),
    en: text("Electronic verification: have the original business licence ready and upload its photo in the WeChat mini program when asked, not to {provider}"),
};
pub const ENTITY_PERSON_CERTIFICATE_MINI_PROGRAM: Code = Code {
    id: "document.entity_person_certificate_mini_program",
    zh: text("电子核验：事先准备主办单位负责人{name}的身份证，在微信小程序中上传正反面照片，不上传给{provider}"),
    en: text("Electronic verification: have the ID card of {name}, person in charge of the entity, ready and upload both sides in the WeChat mini program, not to {provider}"),
};
pub const SERVICE_PERSON_CERTIFICATE_MINI_PROGRAM: Code = Code {
    id: "document.service_person_certificate_mini_program",
    zh: text("电子核验：“{service}”的负责人{name}不是主体负责人，其身份证在微信小程序中上传，不上传给{provider}"),
    en: text("Electronic verification: {name}, in charge of \"{service}\", is not the entity's person in charge; upload their ID card in the WeChat mini program, not to {provider}"),
};
pub const VERIFICATION_PHOTO_ALWAYS: Code = Code {
    id: "document.verification_photo_always",
    zh: text("{provider}要求“{service}”的负责人{name}拍摄核验照片（可申请幕布），与核验方式无关"),
    en: text("{provider} asks for a verification photo of {name}, in charge of \"{service}\", on every route (a photo backdrop can be requested)"),
};
pub const AUTHENTICITY_FORM_MANUAL: Code = Code {
    id: "document.authenticity_form_manual",
    zh: text("人工核验需提交盖章签字的真实性核验单"),
    en: text("Manual verification needs the signed and sealed authenticity form"),
};
pub const AUTHENTICITY_FORM_ALWAYS: Code = Code {
    id: "document.authenticity_form_always",
    zh: text("{provider} 要求下载、填写并上传真实性核验单"),
    en: text("{provider} asks you to download, fill in and upload the authenticity form"),
};
pub const DOMAIN_SCREENSHOT: Code = Code {
    id: "document.domain_screenshot",
    zh: text("域名 {domain} 的实名认证截图（持有者名称、证件类型、证件号码）"),
    en: text("The real-name authentication screenshot of {domain} (holder name, certificate type and number)"),
};
pub const DOMAIN_CERTIFICATE: Code = Code {
    id: "document.domain_certificate",
    zh: text("域名 {domain} 的注册证书（持有者须为备案主体，有效期三个月以上）"),
    en: text("The registration certificate of {domain} (held by the entity, valid for more than 3 months)"),
};
pub const DOMAIN_CERTIFICATE_MAYBE: Code = Code {
    id: "document.domain_certificate_maybe",
    zh: text("审核时可能要求提供域名 {domain} 的注册证书"),
    en: text("The reviewer may ask for the registration certificate of {domain}"),
};
pub const APP_ICON: Code = Code {
    id: "document.app_icon",
    zh: text("APP“{service}”在应用平台上显示的图标"),
    en: text("The icon APP \"{service}\" shows on its platforms"),
};
pub const AUTHORIZATION_LETTER: Code = Code {
    id: "document.authorization_letter",
    zh: text("“{service}”的负责人 {name} 不是主体负责人，需主体负责人签字盖章的授权书"),
    en: text("{name}, in charge of \"{service}\", is not the entity's person in charge: an authorization letter signed by the entity's person in charge and sealed is needed"),
};
pub const CONFIRMATION_LETTER: Code = Code {
    id: "document.confirmation_letter",
    zh: text("主办单位“{entity}”与云账号公司“{account}”名称不一致"),
    en: text("The entity \"{entity}\" differs from the cloud account's company \"{account}\""),
};
pub const CONFIRMATION_LETTER_MAYBE: Code = Code {
    id: "document.confirmation_letter_maybe",
    zh: text("主办单位“{entity}”与云账号公司“{account}”名称不一致，部分接入商要求提供确认书"),
    en: text("The entity \"{entity}\" differs from the cloud account's company \"{account}\"; some providers ask for a confirmation letter"),
};
pub const PROVINCE_DOCUMENT: Code = Code {
    id: "document.province_document",
    zh: text("{province}的备案需提供此材料（{provider}）"),
    en: text("Filings in {province} need this document ({provider})"),
};
pub const PROVINCE_DOCUMENT_MAYBE: Code = Code {
    id: "document.province_document_maybe",
    zh: text("{province}的备案可能需要此材料：请提前准备，审核时如被要求即可提交"),
    en: text("Filings in {province} may be asked for this document: have it ready in case the reviewer asks for it"),
};
pub const PRE_APPROVAL: Code = Code {
    id: "document.pre_approval",
    zh: text("“{service}”涉及“{category}”，需相关主管部门的前置审批文件"),
    en: text("\"{service}\" involves \"{category}\", which needs the competent authority's pre-approval document"),
};
pub const PROVIDER_DOCUMENT: Code = Code {
    id: "document.provider_document",
    zh: text("{provider} 要求每个备案提供此材料"),
    en: text("{provider} asks every filing for this document"),
};

pub const REASONS: &[&Code] = &[
    &ENTITY_CERTIFICATE,
    &ENTITY_PERSON_CERTIFICATE,
    &SERVICE_PERSON_CERTIFICATE,
    &ENTITY_CERTIFICATE_MINI_PROGRAM,
    &ENTITY_PERSON_CERTIFICATE_MINI_PROGRAM,
    &SERVICE_PERSON_CERTIFICATE_MINI_PROGRAM,
    &VERIFICATION_PHOTO,
    &VERIFICATION_PHOTO_ALWAYS,
    &AUTHENTICITY_FORM_MANUAL,
    &AUTHENTICITY_FORM_ALWAYS,
    &DOMAIN_SCREENSHOT,
    &DOMAIN_CERTIFICATE,
    &DOMAIN_CERTIFICATE_MAYBE,
    &APP_ICON,
    &AUTHORIZATION_LETTER,
    &CONFIRMATION_LETTER,
    &CONFIRMATION_LETTER_MAYBE,
    &PROVINCE_DOCUMENT,
    &PROVINCE_DOCUMENT_MAYBE,
    &PRE_APPROVAL,
    &PROVIDER_DOCUMENT,
];

/// A pre-approval (前置审批) category. Article 5 of the Internet Information Service
/// Management Measures as quoted by nwcd-website-guide-en Ninth 2.(2) (news, publishing,
/// medicine and medical devices, culture, radio/film/TV, online games) and by
/// sinnet-guide-en 1. "Pre-registration approval" (adds education and health care).
#[derive(Debug)]
pub struct PreApprovalCategory {
    /// Id and names (`news`, 新闻, News).
    pub term: Term,
    /// Other names filers use; matched after width folding and lower-casing.
    pub aliases: &'static [&'static str],
}

pub static PRE_APPROVAL_CATEGORIES: &[PreApprovalCategory] = &[
    PreApprovalCategory { term: Term { id: "news", zh: "新闻", en: "News" }, aliases: &["新闻资讯", "news"] },
    PreApprovalCategory { term: Term { id: "publishing", zh: "出版", en: "Publishing" }, aliases: &["网络出版", "publishing"] },
    PreApprovalCategory { term: Term { id: "education", zh: "教育", en: "Education" }, aliases: &["education"] },
    PreApprovalCategory { term: Term { id: "health_care", zh: "医疗保健", en: "Health care" }, aliases: &["医疗", "health care", "healthcare"] },
    PreApprovalCategory { term: Term { id: "medicine_medical_devices", zh: "药品和医疗器械", en: "Medicine and medical devices" }, aliases: &["药品", "医疗器械", "药品医疗器械", "medicine", "medical devices", "drugs and medical devices"] },
    PreApprovalCategory { term: Term { id: "culture", zh: "文化", en: "Culture" }, aliases: &["网络文化", "culture"] },
    PreApprovalCategory { term: Term { id: "radio_film_tv", zh: "广播电影电视节目", en: "Radio, film and TV programmes" }, aliases: &["广播电视", "广播电影电视", "影视", "网络视听", "radio", "film", "television", "radio, film and tv"] },
    PreApprovalCategory { term: Term { id: "online_games", zh: "网络游戏", en: "Online games" }, aliases: &["游戏", "online games", "games"] },
];

/// The pre-approval category a service category names, if any.
pub fn pre_approval_category(category: &str) -> Option<&'static PreApprovalCategory> {
    let key = crate::input::fold_width(category.trim()).to_ascii_lowercase();
    PRE_APPROVAL_CATEGORIES.iter().find(|c| c.term.id == key || c.term.zh == key || c.term.en.eq_ignore_ascii_case(&key) || c.aliases.iter().any(|a| *a == key))
}
