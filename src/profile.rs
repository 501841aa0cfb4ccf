//! Provider profiles: what each filing service provider (接入商) asks for beyond the rules all
//! filings share, kept as data so a difference is one line with its seed cited beside it.
//! `generic` is what every provider in the seeds agrees on; unknown ids fall back to it.

use crate::message::Severity;

/// Whether a document is needed for sure, or only in some cases the sources leave open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Need {
    Required,
    /// The sources disagree or the reviewer decides; shown so nobody is surprised.
    Conditional,
}

/// A document only some provinces' filings need.
#[derive(Debug)]
pub struct ProvinceDocument {
    /// GB/T 2260 province code.
    pub province: u8,
    /// Document id from `filing::documents::DOCUMENTS`.
    pub document: &'static str,
    pub need: Need,
    pub source: &'static str,
}

/// Which entity provinces get an SMS verification from the MIIT system.
#[derive(Debug, Clone, Copy)]
pub enum SmsVerification {
    All,
    Provinces(&'static [u8]),
    /// The provider's guide does not say.
    NotStated,
}

/// What one provider enforces.
#[derive(Debug)]
pub struct Profile {
    pub id: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// GB/T 2260 codes of provinces whose filings the provider does not accept.
    pub not_served: &'static [u8],
    /// Personal (individual) filings accepted.
    pub accepts_individuals: bool,
    /// Severity when the contact mobile or the address is from another province than the
    /// entity's.
    pub mobile_mismatch: Severity,
    pub sms_verification: SmsVerification,
    /// With electronic verification the licence, ID cards, photo and authenticity form are
    /// handled in the verification app and not sent separately.
    pub electronic_skips_uploads: bool,
    /// Documents every filing with this provider needs (ids from `filing::documents`).
    pub always: &'static [&'static str],
    /// The domain certificate (域名证书) is asked for each domain, not just "if applicable".
    pub domain_certificate_required: bool,
    /// The authenticity form is filled and uploaded even with electronic verification.
    pub authenticity_form_always: bool,
    pub province_documents: &'static [ProvinceDocument],
    /// Provinces with their own verification procedure, and the note to show.
    pub verification_notes: &'static [(u8, &'static crate::message::Code)],
}

const SHANGHAI: u8 = 31;
const SHANXI: u8 = 14;
const NINGXIA: u8 = 64;
const GUANGDONG: u8 = 44;
const HUNAN: u8 = 43;
const JIANGSU: u8 = 32;
const TIBET: u8 = 54;
const QINGHAI: u8 = 63;

pub static PROFILES: &[Profile] = &[
    Profile {
        id: "nwcd",
        name_zh: "西云数据",
        name_en: "NWCD",
        // nwcd-website-guide-en Third 2.; nwcd-website-guide-zh 三: all but Tibet and Qinghai.
        not_served: &[TIBET, QINGHAI],
        // nwcd-website-guide-en Third 1.; -zh 三 备案主体: no personal filings.
        accepts_individuals: false,
        mobile_mismatch: Severity::Warning,
        // nwcd-website-guide-en Seventh step 5 (zh 七 步骤6: "个别情况无需短信核验").
        sms_verification: SmsVerification::All,
        electronic_skips_uploads: false,
        always: &[],
        // nwcd-website-guide-en Ninth 1, "Other attachments": only if applicable.
        domain_certificate_required: false,
        authenticity_form_always: false,
        // Appendix 2 item 4. The English guide: "Only Shanghai, Ningxia, Shanxi and Guangdong
        // electronic verification customers"; the Chinese guide (附录2 第4项): Shanghai,
        // Ningxia, Shanxi, no Guangdong and no electronic-only condition. The three both name
        // are required on either route; Guangdong is conditional.
        province_documents: &[
            ProvinceDocument { province: SHANGHAI, document: "commitment_letter", need: Need::Required, source: "nwcd-website-guide-en Appendix 2 item 4; nwcd-website-guide-zh 附录2 第4项" },
            ProvinceDocument { province: NINGXIA, document: "commitment_letter", need: Need::Required, source: "nwcd-website-guide-en Appendix 2 item 4; nwcd-website-guide-zh 附录2 第4项" },
            ProvinceDocument { province: SHANXI, document: "commitment_letter", need: Need::Required, source: "nwcd-website-guide-en Appendix 2 item 4; nwcd-website-guide-zh 附录2 第4项" },
            ProvinceDocument { province: GUANGDONG, document: "commitment_letter", need: Need::Conditional, source: "nwcd-website-guide-en Appendix 2 item 4 (not in nwcd-website-guide-zh 附录2)" },
        ],
        verification_notes: &[],
    },
    Profile {
        id: "sinnet",
        name_zh: "光环新网",
        name_en: "Sinnet",
        // sinnet-guide-en 3. Scope of services: all provinces except Tibet.
        not_served: &[TIBET],
        // Not excluded by sinnet-guide-en; its materials table assumes an enterprise.
        accepts_individuals: true,
        mobile_mismatch: Severity::Warning,
        sms_verification: SmsVerification::NotStated,
        // sinnet-guide-en materials table, Note 1: electronic verification needs no material 2-6.
        electronic_skips_uploads: true,
        // Materials table items 1 (account screenshot) and 8 (security responsibility letter).
        always: &["account_screenshot", "security_responsibility_letter"],
        // Materials table item 9: "One copy for each domain name".
        domain_certificate_required: true,
        authenticity_form_always: false,
        province_documents: &[
            ProvinceDocument { province: SHANGHAI, document: "commitment_letter", need: Need::Required, source: "sinnet-guide-en materials table item 11" },
            ProvinceDocument { province: HUNAN, document: "website_construction_document", need: Need::Required, source: "sinnet-guide-en materials table item 12" },
            ProvinceDocument { province: JIANGSU, document: "authenticity_responsibility_notice", need: Need::Required, source: "sinnet-guide-en materials table item 13" },
            ProvinceDocument { province: JIANGSU, document: "authenticity_commitment", need: Need::Required, source: "sinnet-guide-en materials table item 14" },
        ],
        verification_notes: &[],
    },
    Profile {
        id: "aliyun",
        name_zh: "阿里云",
        name_en: "Alibaba Cloud",
        not_served: &[],
        // aliyun-filing-guide-en Prerequisites: "For personal, ...".
        accepts_individuals: true,
        // aliyun-filing-guide-en step 4: "The contact address and mobile phone must be from the
        // same province as the subject".
        mobile_mismatch: Severity::Error,
        // Step 8: Tianjin, Gansu, Tibet, Ningxia, Hainan, Xinjiang and Qinghai.
        sms_verification: SmsVerification::Provinces(&[12, 62, 54, 64, 46, 65, 63]),
        electronic_skips_uploads: false,
        always: &[],
        domain_certificate_required: false,
        // Step 6: download the authenticity statement, fill it, upload it.
        authenticity_form_always: true,
        province_documents: &[],
        verification_notes: &[(SHANGHAI, &crate::filing::NOTE_SHANGHAI_APP), (GUANGDONG, &crate::filing::NOTE_APP_UPLOAD), (50, &crate::filing::NOTE_APP_UPLOAD), (21, &crate::filing::NOTE_APP_UPLOAD), (34, &crate::filing::NOTE_APP_UPLOAD), (35, &crate::filing::NOTE_APP_UPLOAD)],
    },
    Profile {
        id: "generic",
        name_zh: "接入服务商",
        name_en: "The provider",
        not_served: &[],
        accepts_individuals: true,
        mobile_mismatch: Severity::Warning,
        sms_verification: SmsVerification::NotStated,
        electronic_skips_uploads: false,
        always: &[],
        domain_certificate_required: false,
        authenticity_form_always: false,
        // Shanghai's commitment letter is the one province document both NWCD and Sinnet name.
        province_documents: &[ProvinceDocument { province: SHANGHAI, document: "commitment_letter", need: Need::Required, source: "nwcd-website-guide-en Appendix 2 item 4; sinnet-guide-en materials table item 11" }],
        verification_notes: &[],
    },
];

/// The profile with this id (case-insensitive, trimmed).
pub fn find(id: &str) -> Option<&'static Profile> {
    PROFILES.iter().find(|p| p.id.eq_ignore_ascii_case(id.trim()))
}

/// The profile for an optional id: `generic` when absent or unknown.
pub fn find_or_generic(id: Option<&str>) -> &'static Profile {
    id.and_then(find).unwrap_or(&PROFILES[PROFILES.len() - 1])
}
