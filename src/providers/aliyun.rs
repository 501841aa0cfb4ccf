//! Alibaba Cloud (阿里云): aliyun-filing-guide-en (2018).

use super::provider::{Provider, SmsVerification};
use crate::message::{Code, Severity};
use crate::province_code::ProvinceCode as P;

// aliyun-filing-guide-en steps 6-8.
pub const NOTE_SHANGHAI_APP: Code = Code {
    id: "filing.note_shanghai_app",
    zh: "上海的网站负责人须使用上海市通信管理局 App 核验",
    en: "Shanghai requires verifying the website administrator with the Shanghai Communications Administration app",
};
pub const NOTE_APP_UPLOAD: Code = Code {
    id: "filing.note_app_upload",
    zh: "本省可使用阿里云 App 上传材料并核验网站负责人",
    en: "This province supports uploading documents and verifying the administrator in the Alibaba Cloud app",
};

pub static PROVIDER: Provider = Provider {
    id: "aliyun",
    name_zh: "阿里云",
    name_en: "Alibaba Cloud",
    not_served: &[],
    // aliyun-filing-guide-en Prerequisites: "For personal, ...".
    accepts_individuals: true,
    // aliyun-filing-guide-en step 4: "The contact address and mobile phone must be from the
    // same province as the subject".
    mobile_mismatch: Severity::Error,
    // aliyun-filing-guide-en, introduction: "you must complete the application in Chinese".
    latin_entity_name: Severity::Error,
    // Step 8: Tianjin, Gansu, Tibet, Ningxia, Hainan, Xinjiang and Qinghai.
    sms_verification: SmsVerification::Provinces(&[P::TIANJIN, P::GANSU, P::TIBET, P::NINGXIA, P::HAINAN, P::XINJIANG, P::QINGHAI]),
    electronic_skips_uploads: false,
    always: &[],
    domain_certificate_required: false,
    // Step 6: download the authenticity statement, fill it, upload it.
    authenticity_form_always: true,
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
    codes: &[&NOTE_SHANGHAI_APP, &NOTE_APP_UPLOAD],
};
