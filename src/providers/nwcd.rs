//! NWCD (西云数据, AWS China Ningxia region): nwcd-website-guide-en/-zh, nwcd-app-guide-en.

use super::provider::{ElectronicUploads, Provider, ProvinceDocument, SmsVerification};
use crate::documents::Need;
use crate::message::Severity;
use crate::province_code::ProvinceCode as P;
use crate::message::text;

const COMMITMENT_SOURCE: &str = "nwcd-website-guide-en Appendix 2 item 4; nwcd-website-guide-zh 附录2 第4项";

pub static PROVIDER: Provider = Provider {
    id: "nwcd",
    name_zh: text("西云数据"),
    name_en: text("NWCD"),
    // nwcd-website-guide-en Third 2.; nwcd-website-guide-zh 三: all but Tibet and Qinghai.
    not_served: &[P::TIBET, P::QINGHAI],
    // nwcd-website-guide-en Third 1.; -zh 三 备案主体: no personal filings.
    accepts_individuals: false,
    mobile_mismatch: Severity::Warning,
    // The NWCD guides do not say the entries must be in Chinese: a warning.
    latin_entity_name: Severity::Warning,
    // nwcd-website-guide-en Seventh step 5 (zh 七 步骤6: "个别情况无需短信核验").
    sms_verification: SmsVerification::All,
    // nwcd-website-guide-en Eleventh 1.(2) and 2.(1)-(3): the licence and the ID cards are
    // prepared beforehand and uploaded in the WeChat mini program (nwcd-app-guide-en Twelfth
    // likewise); the manual route (Twelfth) uploads them per Appendix 1.
    electronic_uploads: ElectronicUploads::InMiniProgram,
    always: &[],
    // nwcd-website-guide-en Ninth 1, "Other attachments": only if applicable.
    domain_certificate_required: false,
    authenticity_form_always: false,
    verification_photo_always: false,
    // Appendix 2 item 3: the account's company is not the entity.
    confirmation_letter: Some((Need::Required, "nwcd-website-guide-en Appendix 2 item 3")),
    // Appendix 2 item 4. The English guide: "Only Shanghai, Ningxia, Shanxi and Guangdong
    // electronic verification customers"; the Chinese guide (附录2 第4项): Shanghai, Ningxia,
    // Shanxi, no Guangdong and no electronic-only condition. The three both name are required
    // on either route; Guangdong is conditional.
    province_documents: &[
        ProvinceDocument { province: P::SHANGHAI, document: "commitment_letter", need: Need::Required, source: COMMITMENT_SOURCE },
        ProvinceDocument { province: P::NINGXIA, document: "commitment_letter", need: Need::Required, source: COMMITMENT_SOURCE },
        ProvinceDocument { province: P::SHANXI, document: "commitment_letter", need: Need::Required, source: COMMITMENT_SOURCE },
        ProvinceDocument { province: P::GUANGDONG, document: "commitment_letter", need: Need::Conditional, source: "nwcd-website-guide-en Appendix 2 item 4 (not in nwcd-website-guide-zh 附录2)" },
    ],
    verification_notes: &[],
    // The defaults of attachment_kinds are NWCD's Appendix 1 numbers.
    attachment_limits: &[],
    // nwcd-website-guide-en Ninth 1: the AWS account ID of the resources accessed.
    account_id_field: Some("aws_account_id"),
    uscc_province_advice: &super::provider::CHECK_CURRENT_LICENCE,
    codes: &[],
};
