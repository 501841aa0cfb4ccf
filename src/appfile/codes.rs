//! What reading an APP file can find, and the parts of a file a finding names.

use crate::message::{Code, Term};
use crate::message::text;

pub const NOT_AN_APP_FILE: Code = Code {
    id: "app_file.unknown_kind",
    zh: text("无法识别此文件，请选择 APK、IPA、HAP / APP 安装包，或 .cer / .crt / .pem 证书文件"),
    en: text("This file is not recognised; choose an APK, IPA or HAP / APP package, or a .cer / .crt / .pem certificate"),
};
pub const UNKNOWN_ARCHIVE: Code = Code {
    id: "app_file.unknown_archive",
    zh: text("这是一个 ZIP 压缩包，但不是 APK、IPA 或 HAP / APP 安装包（其中没有 AndroidManifest.xml、Payload/*.app/Info.plist、module.json 或 pack.info）"),
    en: text("This is a ZIP archive but not an APK, IPA or HAP / APP package (it has no AndroidManifest.xml, Payload/*.app/Info.plist, module.json or pack.info)"),
};
pub const READ_FAILED: Code = Code {
    id: "app_file.read_failed",
    zh: text("读取文件失败，请重新选择文件"),
    en: text("The file could not be read; choose it again"),
};
pub const TRUNCATED: Code = Code {
    id: "app_file.truncated",
    zh: text("文件不完整：{part}在文件结束前被截断，请重新下载或重新打包"),
    en: text("The file is incomplete: the {part} is cut off before its end; download or build it again"),
};
pub const MALFORMED: Code = Code {
    id: "app_file.malformed",
    zh: text("{part}已损坏或格式不正确"),
    en: text("The {part} is damaged or not in its format"),
};
pub const LIMIT: Code = Code {
    id: "app_file.limit",
    zh: text("{part}超出读取上限（{limit}），文件可能已损坏或被恶意构造，已停止读取"),
    en: text("The {part} exceeds the reading limit ({limit}); the file may be damaged or crafted, reading stopped"),
};
pub const UNSUPPORTED: Code = Code {
    id: "app_file.unsupported",
    zh: text("无法读取{part}：使用了不支持的压缩方式或加密（方式 {method}）"),
    en: text("The {part} cannot be read: it uses an unsupported compression or encryption (method {method})"),
};
pub const MISSING: Code = Code {
    id: "app_file.missing",
    zh: text("安装包中没有{part}"),
    en: text("The package has no {part}"),
};
pub const PACKAGE_MISSING: Code = Code {
    id: "app_file.package_missing",
    zh: text("{part}中没有包名 / Bundle ID"),
    en: text("The {part} names no package name / Bundle ID"),
};
pub const UNSIGNED: Code = Code {
    id: "app_file.unsigned",
    zh: text("APK 没有签名（既无 v1 JAR 签名，也无 v2 / v3 签名块），无法取得签名证书；请选择签名后的发布包"),
    en: text("The APK is not signed (no v1 JAR signature and no v2 / v3 signing block), so it has no signing certificate; choose the signed release build"),
};
pub const NO_CERTIFICATE: Code = Code {
    id: "app_file.no_certificate",
    zh: text("未能从安装包中取得签名证书（{part}），请另外选择发布证书文件（.cer）以取得公钥和 MD5"),
    en: text("No signing certificate was taken from the package ({part}); choose the distribution certificate (.cer) as well for the public key and MD5"),
};
pub const DEBUG_CERTIFICATE: Code = Code {
    id: "app_file.debug_certificate",
    zh: text("这是调试证书（{subject}）签名的安装包，备案须填写发布证书的公钥和 MD5；请选择用发布证书签名的安装包"),
    en: text("This package is signed with a debug certificate ({subject}); the filing needs the release certificate's public key and MD5, so choose the release build"),
};
pub const EXPIRED: Code = Code {
    id: "app_file.certificate_expired",
    zh: text("证书（{subject}）已于 {not_after} 过期"),
    en: text("The certificate ({subject}) expired on {not_after}"),
};
pub const NOT_YET_VALID: Code = Code {
    id: "app_file.certificate_not_yet_valid",
    zh: text("证书（{subject}）自 {not_before} 起才生效"),
    en: text("The certificate ({subject}) is valid only from {not_before}"),
};
pub const SCHEMES_DISAGREE: Code = Code {
    id: "app_file.schemes_disagree",
    zh: text("各签名方案中的证书不一致（{schemes}），无法确定应填写哪个证书；请用同一证书重新签名"),
    en: text("The signature schemes name different certificates ({schemes}), so which one to file is unclear; sign again with one certificate"),
};
pub const KEY_ROTATED: Code = Code {
    id: "app_file.key_rotated",
    zh: text("签名密钥已轮换（v3 证书谱系共 {count} 个证书）：显示的是当前证书的值（MD5 {current}），原证书的 MD5 为 {original}；请确认备案系统要求哪一个"),
    en: text("The signing key was rotated (v3 lineage of {count} certificates): the values shown are the current certificate's (MD5 {current}); the original certificate's MD5 is {original}; check which one the filing console expects"),
};
pub const MULTIPLE_SIGNERS: Code = Code {
    id: "app_file.multiple_signers",
    zh: text("安装包有 {count} 个签名者，显示的是第一个签名者的证书；请确认备案应填写哪一个"),
    en: text("The package has {count} signers; the values shown are the first signer's certificate; check which one to file"),
};
pub const PACKAGE_MISMATCH: Code = Code {
    id: "app_file.package_mismatch",
    zh: text("填写的包名“{typed}”与安装包中的“{file}”不一致"),
    en: text("The package name typed (\"{typed}\") differs from the package's own (\"{file}\")"),
};
pub const MD5_MISMATCH: Code = Code {
    id: "app_file.md5_mismatch",
    zh: text("填写的 MD5 与安装包签名证书的 MD5（{file}）不一致"),
    en: text("The MD5 typed differs from the signing certificate's MD5 ({file})"),
};
pub const MD5_OF_OTHER_CERTIFICATE: Code = Code {
    id: "app_file.md5_other_certificate",
    zh: text("填写的 MD5 属于安装包中的另一个证书（{subject}），不是当前签名证书（MD5 {file}）"),
    en: text("The MD5 typed is another certificate's in the package ({subject}), not the current signing certificate's (MD5 {file})"),
};
pub const KEY_MISMATCH: Code = Code {
    id: "app_file.public_key_mismatch",
    zh: text("填写的公钥与安装包签名证书的公钥不一致"),
    en: text("The public key typed differs from the signing certificate's public key"),
};

pub const HAP_UNSIGNED: Code = Code {
    id: "app_file.hap_unsigned",
    zh: text("HAP 没有签名块，无法取得签名证书；请选择用发布证书和发布 Profile 签名后的安装包"),
    en: text("The HAP has no signing block, so it has no signing certificate; choose the package signed with the release certificate and release profile"),
};
pub const HARMONY_DEBUG_PROFILE: Code = Code {
    id: "app_file.harmony_debug_profile",
    zh: text("这是用调试 Profile（type 为 debug）签名的安装包，备案须填写发布证书的公钥和 MD5；请选择用发布证书和发布 Profile 签名的安装包"),
    en: text("This package is signed with a debug (development) profile; the filing needs the release certificate's public key and MD5, so choose the package signed with the release certificate and release profile"),
};
pub const HARMONY_BUNDLE_MISMATCH: Code = Code {
    id: "app_file.harmony_bundle_mismatch",
    zh: text("签名 Profile 中的包名“{profile}”与{part}中的“{config}”不一致"),
    en: text("The signing profile's bundle name (\"{profile}\") differs from the {part}'s (\"{config}\")"),
};
pub const HARMONY_PROFILE_CERTIFICATE_MISMATCH: Code = Code {
    id: "app_file.harmony_profile_certificate_mismatch",
    zh: text("签名证书（MD5 {signature}）不是签名 Profile 所指定的证书（MD5 {profile}），设备将拒绝安装；请用 Profile 对应的证书重新签名"),
    en: text("The signing certificate (MD5 {signature}) is not the certificate the signing profile names (MD5 {profile}), so devices refuse the package; sign it again with the profile's certificate"),
};
pub const HARMONY_MODULES_DISAGREE: Code = Code {
    id: "app_file.harmony_modules_disagree",
    zh: text("APP 包中的各 HAP 签名证书不一致（{modules}），无法确定应填写哪个证书；请用同一证书重新签名"),
    en: text("The HAPs in the APP package are signed with different certificates ({modules}), so which one to file is unclear; sign them again with one certificate"),
};
/// HarmonyOS guides, "Release" (developer.huawei.com/consumer/en/doc/harmonyOS-guides/ide-publish-app):
/// since DevEco Studio 26.0.0 the upload to AppGallery Connect re-signs the app, signed before
/// or not, with the cloud-managed certificate AppGallery Connect generates or one you created.
pub const HARMONY_STORE_RESIGNS: Code = Code {
    id: "app_file.harmony_store_resigns",
    zh: text("上传到 AppGallery Connect 时应用可能被重新签名（DevEco Studio 26.0.0 起，上传时用 AppGallery Connect 管理的证书或您创建的证书重签），备案应填写在架应用所用发布证书的公钥和 MD5；本地签名的安装包中的证书可能与之不同，请在 AppGallery Connect 中核对"),
    en: text("An app uploaded to AppGallery Connect may be re-signed (from DevEco Studio 26.0.0 the upload re-signs it with the certificate AppGallery Connect manages or one you created), and the filing needs the public key and MD5 of the certificate the released app carries; a locally signed package may carry another, so check it in AppGallery Connect"),
};

pub const PLATFORM_MISMATCH: Code = Code {
    id: "app_file.platform_mismatch",
    zh: text("所选文件是 {file} 安装包或证书，而此处填写的是 {form} 平台"),
    en: text("The file chosen is for {file}, but this platform is {form}"),
};

/// Every code of this module, for the catalog.
pub const CODES: &[&Code] = &[
    &NOT_AN_APP_FILE, &UNKNOWN_ARCHIVE, &READ_FAILED, &TRUNCATED, &MALFORMED, &LIMIT, &UNSUPPORTED, &MISSING, &PACKAGE_MISSING,
    &UNSIGNED, &NO_CERTIFICATE, &DEBUG_CERTIFICATE, &EXPIRED, &NOT_YET_VALID, &SCHEMES_DISAGREE, &KEY_ROTATED, &MULTIPLE_SIGNERS,
    &PACKAGE_MISMATCH, &MD5_MISMATCH, &MD5_OF_OTHER_CERTIFICATE, &KEY_MISMATCH,
    &PLATFORM_MISMATCH, &HAP_UNSIGNED, &HARMONY_DEBUG_PROFILE, &HARMONY_BUNDLE_MISMATCH, &HARMONY_PROFILE_CERTIFICATE_MISMATCH,
    &HARMONY_MODULES_DISAGREE, &HARMONY_STORE_RESIGNS,
];

/// A part of a file that a finding names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Zip,
    CentralDirectory,
    Entry,
    SigningBlock,
    JarSignature,
    Manifest,
    InfoPlist,
    Provisioning,
    HarmonyConfig,
    HarmonyProfile,
    HapSigningBlock,
    HapSignature,
    Certificate,
}

pub const PART_ZIP: Term = Term { id: "app_file.part.zip", zh: text("ZIP 结构"), en: text("ZIP structure") };
pub const PART_CENTRAL_DIRECTORY: Term = Term { id: "app_file.part.central_directory", zh: text("ZIP 中央目录"), en: text("ZIP central directory") };
pub const PART_ENTRY: Term = Term { id: "app_file.part.entry", zh: text("压缩包内的文件"), en: text("file inside the archive") };
pub const PART_SIGNING_BLOCK: Term = Term { id: "app_file.part.signing_block", zh: text("APK 签名块（v2 / v3）"), en: text("APK signing block (v2 / v3)") };
pub const PART_JAR_SIGNATURE: Term = Term { id: "app_file.part.jar_signature", zh: text("v1 JAR 签名（META-INF 下的 .RSA / .DSA / .EC）"), en: text("v1 JAR signature (.RSA / .DSA / .EC in META-INF)") };
pub const PART_MANIFEST: Term = Term { id: "app_file.part.manifest", zh: text("AndroidManifest.xml"), en: text("AndroidManifest.xml") };
pub const PART_INFO_PLIST: Term = Term { id: "app_file.part.info_plist", zh: text("Info.plist"), en: text("Info.plist") };
pub const PART_PROVISIONING: Term = Term { id: "app_file.part.provisioning", zh: text("描述文件 embedded.mobileprovision"), en: text("provisioning profile embedded.mobileprovision") };
pub const PART_HARMONY_CONFIG: Term = Term { id: "app_file.part.harmony_config", zh: text("module.json / config.json / pack.info"), en: text("module.json / config.json / pack.info") };
pub const PART_HARMONY_PROFILE: Term = Term { id: "app_file.part.harmony_profile", zh: text("鸿蒙签名块中的 Profile"), en: text("HarmonyOS signing profile") };
pub const PART_HAP_SIGNING_BLOCK: Term = Term { id: "app_file.part.hap_signing_block", zh: text("HAP 签名块"), en: text("HAP signing block") };
pub const PART_HAP_SIGNATURE: Term = Term { id: "app_file.part.hap_signature", zh: text("HAP 签名块中的签名（PKCS#7）"), en: text("signature (PKCS#7) in the HAP signing block") };
pub const PART_HAP: Term = Term { id: "app_file.part.hap", zh: text("HAP 模块包"), en: text("HAP module") };
pub const PART_CERTIFICATE: Term = Term { id: "app_file.part.certificate", zh: text("证书"), en: text("certificate") };
pub const PART_FILE: Term = Term { id: "app_file.part.file", zh: text("文件"), en: text("file") };

pub const PLATFORM_ANDROID: Term = Term { id: "app_file.platform.android", zh: text("Android"), en: text("Android") };
pub const PLATFORM_IOS: Term = Term { id: "app_file.platform.ios", zh: text("iOS"), en: text("iOS") };
pub const PLATFORM_HARMONY: Term = Term { id: "app_file.platform.harmony", zh: text("鸿蒙"), en: text("HarmonyOS") };

/// The term of a platform as the filing names it (`android`, `ios`, `harmony`).
pub fn platform_term(platform: &str) -> Option<&'static Term> {
    match platform {
        "android" => Some(&PLATFORM_ANDROID),
        "ios" => Some(&PLATFORM_IOS),
        "harmony" => Some(&PLATFORM_HARMONY),
        _ => None,
    }
}

/// Every term of this module, for the catalog.
pub const TERMS: &[&Term] = &[
    &PART_ZIP, &PART_CENTRAL_DIRECTORY, &PART_ENTRY, &PART_SIGNING_BLOCK, &PART_JAR_SIGNATURE, &PART_MANIFEST, &PART_INFO_PLIST,
    &PART_PROVISIONING, &PART_HARMONY_CONFIG, &PART_HARMONY_PROFILE, &PART_HAP_SIGNING_BLOCK, &PART_HAP_SIGNATURE, &PART_HAP, &PART_CERTIFICATE, &PART_FILE, &PLATFORM_ANDROID, &PLATFORM_IOS,
    &PLATFORM_HARMONY,
];

impl Part {
    pub fn term(self) -> &'static Term {
        match self {
            Part::Zip => &PART_ZIP,
            Part::CentralDirectory => &PART_CENTRAL_DIRECTORY,
            Part::Entry => &PART_ENTRY,
            Part::SigningBlock => &PART_SIGNING_BLOCK,
            Part::JarSignature => &PART_JAR_SIGNATURE,
            Part::Manifest => &PART_MANIFEST,
            Part::InfoPlist => &PART_INFO_PLIST,
            Part::Provisioning => &PART_PROVISIONING,
            Part::HarmonyConfig => &PART_HARMONY_CONFIG,
            Part::HarmonyProfile => &PART_HARMONY_PROFILE,
            Part::HapSigningBlock => &PART_HAP_SIGNING_BLOCK,
            Part::HapSignature => &PART_HAP_SIGNATURE,
            Part::Certificate => &PART_CERTIFICATE,
        }
    }
}

/// Why reading stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fail {
    /// The source could not give a range it has.
    Read,
    Truncated(Part),
    Malformed(Part),
    /// A size or count past what the reader allows, with the limit.
    Limit(Part, u64),
    /// A compression method (or 0xFFFF for encryption) the reader does not inflate.
    Unsupported(Part, u16),
}

/// A damaged structure, before the caller says which part it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bad {
    Truncated,
    Malformed,
}

impl Bad {
    pub fn at(self, part: Part) -> Fail {
        match self {
            Bad::Truncated => Fail::Truncated(part),
            Bad::Malformed => Fail::Malformed(part),
        }
    }
}
