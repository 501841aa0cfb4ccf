//! Alibaba Cloud (阿里云): aliyun-filing-guide-en (2018).

use super::provider::{ElectronicUploads, Provider, SmsVerification};
use crate::message::{Code, Severity, Term};
use crate::province_code::ProvinceCode as P;
use crate::message::text;

// aliyun-filing-guide-en steps 6-8.
pub const NOTE_SHANGHAI_APP: Code = Code {
    id: "filing.note_shanghai_app",
    zh: text("上海的网站负责人须使用上海市通信管理局 App 核验"),
    en: text("Shanghai requires verifying the website administrator with the Shanghai Communications Administration app"),
};
pub const NOTE_APP_UPLOAD: Code = Code {
    id: "filing.note_app_upload",
    zh: text("本省可使用阿里云 App 上传材料并核验网站负责人"),
    en: text("This province supports uploading documents and verifying the administrator in the Alibaba Cloud app"),
};

/// aliyun-filing-guide-en, introduction: "An ICP Filing must be registered in the same
/// province where the applicants' business licenses were issued"; the current licence is the
/// one that counts, the USCC's region may be an older one (GB 32100-2015 4.2).
pub const FILE_WHERE_LICENCE_ISSUED: Term = Term {
    id: "file_where_licence_issued",
    zh: text("阿里云要求在颁发现行营业执照的登记机关所在省份备案：若现行执照不是{expected}颁发的，请在颁发地所在省份备案"),
    en: text("Alibaba Cloud files in the province whose authority issued the current licence: if it was not issued in {expected}, file in that province"),
};
pub static PROVIDER: Provider = Provider {
    id: "aliyun",
    name_zh: text("阿里云"),
    name_en: text("Alibaba Cloud"),
    not_served: &[],
    // aliyun-filing-guide-en Prerequisites: "For personal, ...".
    accepts_individuals: true,
    // aliyun-filing-guide-en step 4: "The contact address and mobile phone must be from the
    // same province as the subject".
    mobile_mismatch: Severity::Error,
    // aliyun-filing-guide-en, introduction: "you must complete the application in Chinese".
    latin_entity_name: Severity::Error,
    // Step 8 (2018) lists seven provinces (Tianjin, Gansu, Tibet, Ningxia, Hainan, Xinjiang,
    // Qinghai); MIIT has since required SMS verification of every mainland filing
    // (nwcd-website-guide-zh 九 2, newer than this guide), so the older list is not used.
    sms_verification: SmsVerification::All,
    electronic_uploads: ElectronicUploads::ToProvider,
    always: &[],
    domain_certificate_required: false,
    // Step 6: download the authenticity statement, fill it, upload it.
    authenticity_form_always: true,
    // Step 7: "the website administrator must take photos as required and upload the photos"
    // after the preliminary review, whatever the route (a photo backdrop can be requested;
    // Shanghai verifies in its own app, see the note).
    verification_photo_always: true,
    // Not in aliyun-filing-guide-en.
    confirmation_letter: None,
    province_documents: &[],
    // Step 7.
    verification_notes: &[
        (P::SHANGHAI, &NOTE_SHANGHAI_APP),
        (P::GUANGDONG, &NOTE_APP_UPLOAD),
        (P::CHONGQING, &NOTE_APP_UPLOAD),
        (P::LIAONING, &NOTE_APP_UPLOAD),
        (P::ANHUI, &NOTE_APP_UPLOAD),
        (P::FUJIAN, &NOTE_APP_UPLOAD),
    ],
    attachment_limits: &[],
    account_id_field: None,
    uscc_province_advice: &FILE_WHERE_LICENCE_ISSUED,
    codes: &[&NOTE_SHANGHAI_APP, &NOTE_APP_UPLOAD],
};
