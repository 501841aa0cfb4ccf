//! APP characteristic information (nwcd-app-guide-en, Tenth 1, "APP 特征信息"): the
//! package name / Bundle ID per platform, and the signing certificate's public key + MD5.
//!
//! - `android_package`: Android applicationId rules (Android developer docs, "Configure
//!   the app module"): at least two segments, each starting with a letter, only
//!   `[A-Za-z0-9_]`; a segment may not be a Java keyword (the id is also the Java package
//!   of the generated R class). At most 255 characters, the longest file name the
//!   package's data directory can have.
//! - `ios_bundle_id`: CFBundleIdentifier rules (Apple's Information Property List
//!   reference): `[A-Za-z0-9.-]`, reverse-DNS; App Store Connect takes at most 155
//!   characters. Two segments at least, as every filing console asks for reverse-DNS.
//! - `harmony_bundle_name`: HarmonyOS `bundleName` rules (app.json5 reference): 7-128
//!   characters of `[A-Za-z0-9_.]`, starting with a letter, reverse-domain form.
//! - `app_package`: dispatches on `context.platform`. BlackBerry and Linux have no
//!   published identifier rules to cite; they get the reverse-DNS check shared by the
//!   others (`[A-Za-z0-9._-]`, two segments, at most 255), which is what consoles do.
//!   Identifiers are case-sensitive, so only full-width folding and trimming normalise.
//! - `md5`: the signing certificate's MD5 fingerprint as `keytool -printcert` shows it
//!   (`MD5: AB:CD:...`): colons, spaces, hyphens, case and a leading `MD5:` are accepted.
//!   A whole keytool line pasted with another algorithm's label (`SHA1: 5E:8F:...`,
//!   `SHA256: ...`, also `SHA-1`/`SHA-256`, any case) answers `app.md5_is_sha1` /
//!   `app.md5_is_sha256` from the label (JDK `keytool -printcert` / `-list -v` output, which
//!   labels each fingerprint line; certain. Issue 19 item 11).
//!   Normalised to 32 upper-case hex digits without separators, the form consoles show
//!   and compare; `details.colon_form` gives keytool's form. A 40- or 64-digit value is
//!   the SHA-1 or SHA-256 fingerprint pasted by mistake and gets its own code.
//! - `public_key`: the signing certificate's public key. Accepted forms, as the filing
//!   guides obtain it: PEM (`BEGIN PUBLIC KEY` = SubjectPublicKeyInfo, `BEGIN RSA PUBLIC
//!   KEY` = PKCS#1), the Base64 between those lines (joined or not), the same DER in hex,
//!   or the bare hex RSA modulus (as jadx and `keytool -v` style tools print it). Keys
//!   are normalised to the one-line Base64 SubjectPublicKeyInfo (what `openssl x509
//!   -pubkey` prints between the PEM lines); a bare modulus stays lower-case hex, since
//!   without its exponent it cannot be turned into a key. A minimal DER walk (lengths
//!   consistent, nothing after the key, RSA modulus odd) catches truncated pastes;
//!   certificates, private keys and fingerprints get their own codes. No cryptography
//!   is done: the MIIT system compares the key with the APK's.

use crate::context::{Context, Platform};
use crate::input::{excerpt, fold_width};
use crate::message::Code;
use crate::outcome::Outcome;
use crate::rule::Rule;
use crate::message::text;

pub const INVALID_CHAR: Code = Code {
    id: "app.package_invalid_char",
    zh: text("第 {position} 个字符“{char}”不能用在包名 / Bundle ID 中（允许：{allowed}）"),
    en: text("Character {position} (\"{char}\") cannot be used in a package name / Bundle ID (allowed: {allowed})"),
};
pub const LENGTH: Code = Code {
    id: "app.package_length",
    zh: text("包名 / Bundle ID 长度应为 {min}–{max} 个字符，当前 {length} 个"),
    en: text("A package name / Bundle ID has {min}-{max} characters, this one has {length}"),
};
pub const TOO_FEW_SEGMENTS: Code = Code {
    id: "app.package_too_few_segments",
    zh: text("包名 / Bundle ID 应为反向域名形式，至少两段，用点分隔（如 com.example.app）"),
    en: text("A package name / Bundle ID is in reverse-domain form with at least two dot-separated segments (such as com.example.app)"),
};
pub const EMPTY_SEGMENT: Code = Code {
    id: "app.package_empty_segment",
    zh: text("包名 / Bundle ID 中有空段（以点开头或结尾，或连续两个点）"),
    en: text("The package name / Bundle ID has an empty segment (a leading or trailing dot, or two dots in a row)"),
};
pub const SEGMENT_START: Code = Code {
    id: "app.package_segment_start",
    zh: text("“{segment}”应以字母开头"),
    en: text("\"{segment}\" must start with a letter"),
};
pub const KEYWORD: Code = Code {
    id: "app.package_keyword",
    zh: text("“{segment}”是 Java 关键字，不能作为 Android 包名的一段"),
    en: text("\"{segment}\" is a Java keyword and cannot be a segment of an Android package name"),
};
pub const PLATFORM_MISSING: Code = Code {
    id: "app.platform_missing",
    zh: text("请先选择 APP 的应用平台（安卓、iOS、鸿蒙等）"),
    en: text("Choose the APP's platform first (Android, iOS, HarmonyOS, ...)"),
};
pub const PLATFORM_UNKNOWN: Code = Code {
    id: "app.platform_unknown",
    zh: text("不支持的应用平台“{platform}”（可选：安卓、iOS、鸿蒙、黑莓、Linux）"),
    en: text("Unknown platform \"{platform}\" (choose Android, iOS, HarmonyOS, BlackBerry or Linux)"),
};

pub const MD5_LENGTH: Code = Code {
    id: "app.md5_length",
    zh: text("MD5 值应为 32 位十六进制数，当前 {length} 位"),
    en: text("An MD5 fingerprint has 32 hex digits, this one has {length}"),
};
pub const MD5_INVALID_CHAR: Code = Code {
    id: "app.md5_invalid_char",
    zh: text("MD5 值只能包含 0–9 和 A–F，“{char}”不允许"),
    en: text("An MD5 fingerprint has only 0-9 and A-F; \"{char}\" is not allowed"),
};
pub const MD5_IS_SHA1: Code = Code {
    id: "app.md5_is_sha1",
    zh: text("这是 40 位的 SHA-1 指纹，不是 MD5；请复制签名证书的 MD5 值（32 位）"),
    en: text("This is a 40-digit SHA-1 fingerprint, not MD5; copy the certificate's MD5 fingerprint (32 digits)"),
};
pub const MD5_IS_SHA256: Code = Code {
    id: "app.md5_is_sha256",
    zh: text("这是 64 位的 SHA-256 指纹，不是 MD5；请复制签名证书的 MD5 值（32 位）"),
    en: text("This is a 64-digit SHA-256 fingerprint, not MD5; copy the certificate's MD5 fingerprint (32 digits)"),
};

pub const KEY_FORMAT: Code = Code {
    id: "app.public_key_format",
    zh: text("无法识别公钥，请粘贴 PEM / Base64 格式的公钥或十六进制模数"),
    en: text("Not a recognisable public key; paste the key as PEM / Base64 or its hex modulus"),
};
pub const KEY_TRUNCATED: Code = Code {
    id: "app.public_key_truncated",
    zh: text("公钥不完整或已损坏（长度或结构不对），请重新完整复制"),
    en: text("The public key is incomplete or damaged (its length or structure is wrong); copy it again in full"),
};
pub const KEY_IS_CERTIFICATE: Code = Code {
    id: "app.public_key_is_certificate",
    zh: text("这是整个证书，不是公钥；请用 openssl x509 -pubkey 等方式取出其中的公钥"),
    en: text("This is the whole certificate, not its public key; extract the key (for example with openssl x509 -pubkey)"),
};
pub const KEY_IS_PRIVATE: Code = Code {
    id: "app.public_key_is_private",
    zh: text("这是私钥！请勿在任何地方提交私钥，只需填写公钥"),
    en: text("This is a private key! Never submit a private key anywhere; enter the public key only"),
};
pub const KEY_IS_FINGERPRINT: Code = Code {
    id: "app.public_key_is_fingerprint",
    zh: text("这是证书指纹（MD5 / SHA），不是公钥"),
    en: text("This is a certificate fingerprint (MD5 / SHA), not the public key"),
};
pub const KEY_TOO_SHORT: Code = Code {
    id: "app.public_key_too_short",
    zh: text("RSA 公钥只有 {bits} 位，至少应为 1024 位"),
    en: text("The RSA key has only {bits} bits; at least 1024 are required"),
};

const PACKAGE_CODES: &[&Code] = &[&INVALID_CHAR, &LENGTH, &TOO_FEW_SEGMENTS, &EMPTY_SEGMENT, &SEGMENT_START, &KEYWORD];

pub const RULES: &[Rule] = &[
    Rule {
        id: "android_package",
        family: "app",
        label_zh: text("安卓包名"),
        label_en: text("Android package name"),
        codes: PACKAGE_CODES,
        max_bytes: crate::input::DEFAULT_MAX_BYTES,
        multiline: false,
        check: check_android,
    },
    Rule {
        id: "ios_bundle_id",
        family: "app",
        label_zh: text("iOS Bundle ID"),
        label_en: text("iOS Bundle ID"),
        codes: &[&INVALID_CHAR, &LENGTH, &TOO_FEW_SEGMENTS, &EMPTY_SEGMENT],
        max_bytes: crate::input::DEFAULT_MAX_BYTES,
        multiline: false,
        check: check_ios,
    },
    Rule {
        id: "harmony_bundle_name",
        family: "app",
        label_zh: text("鸿蒙 Bundle 名称"),
        label_en: text("HarmonyOS bundle name"),
        codes: &[&INVALID_CHAR, &LENGTH, &TOO_FEW_SEGMENTS, &EMPTY_SEGMENT, &SEGMENT_START],
        max_bytes: crate::input::DEFAULT_MAX_BYTES,
        multiline: false,
        check: check_harmony,
    },
    Rule {
        id: "app_package",
        family: "app",
        label_zh: text("APP 包名 / Bundle ID"),
        label_en: text("APP package name / Bundle ID"),
        codes: &[&INVALID_CHAR, &LENGTH, &TOO_FEW_SEGMENTS, &EMPTY_SEGMENT, &SEGMENT_START, &KEYWORD, &PLATFORM_MISSING, &PLATFORM_UNKNOWN],
        max_bytes: crate::input::DEFAULT_MAX_BYTES,
        multiline: false,
        check: check_app_package,
    },
    Rule {
        id: "md5",
        family: "app",
        label_zh: text("签名 MD5 值"),
        label_en: text("Signing certificate MD5"),
        codes: &[&MD5_LENGTH, &MD5_INVALID_CHAR, &MD5_IS_SHA1, &MD5_IS_SHA256],
        max_bytes: crate::input::DEFAULT_MAX_BYTES,
        multiline: false,
        check: check_md5,
    },
    Rule {
        id: "public_key",
        family: "app",
        label_zh: text("签名公钥"),
        label_en: text("Signing public key"),
        codes: &[&KEY_FORMAT, &KEY_TRUNCATED, &KEY_IS_CERTIFICATE, &KEY_IS_PRIVATE, &KEY_IS_FINGERPRINT, &KEY_TOO_SHORT],
        // A 4096-bit key as PEM is about 800 bytes; room for 16384-bit keys and headers.
        max_bytes: 8192,
        multiline: true,
        check: check_public_key,
    },
];

/// The identifier rules of one platform.
struct Scheme {
    platform: &'static str,
    min: usize,
    max: usize,
    /// Allowed characters besides ASCII letters, digits and the dot, as shown to users.
    extra: &'static str,
    /// The platform's own rules for segments, after the shape common to all.
    segments: fn(&str, &mut Outcome) -> bool,
}

const ANDROID: Scheme = Scheme { platform: "android", min: 3, max: 255, extra: "_", segments: java_segments };
const IOS: Scheme = Scheme { platform: "ios", min: 3, max: 155, extra: "-", segments: any_segments };
const HARMONY: Scheme = Scheme { platform: "harmony", min: 7, max: 128, extra: "_", segments: letter_first };
const GENERIC: Scheme = Scheme { platform: "other", min: 3, max: 255, extra: "_-", segments: any_segments };

/// Android: every segment is a Java identifier, starting with a letter and not a keyword.
fn java_segments(id: &str, out: &mut Outcome) -> bool {
    for segment in id.split('.') {
        if !segment.starts_with(|c: char| c.is_ascii_alphabetic()) {
            out.error(&SEGMENT_START).input("segment", excerpt(segment, 40));
            return false;
        }
        if JAVA_KEYWORDS.contains(&segment) {
            out.error(&KEYWORD).input("segment", segment);
            return false;
        }
    }
    true
}

/// HarmonyOS: the bundle name starts with a letter.
fn letter_first(id: &str, out: &mut Outcome) -> bool {
    let first = id.split('.').next().unwrap_or("");
    if !first.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.error(&SEGMENT_START).input("segment", excerpt(first, 40));
        return false;
    }
    true
}

/// iOS and others: no rule beyond the common shape.
fn any_segments(_id: &str, _out: &mut Outcome) -> bool {
    true
}

/// Java keywords and literals (JLS 3.9, 3.10.3, 3.10.7), `_` included since Java 9.
const JAVA_KEYWORDS: &[&str] = &[
    "_", "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue", "default", "do",
    "double", "else", "enum", "extends", "false", "final", "finally", "float", "for", "goto", "if", "implements", "import",
    "instanceof", "int", "interface", "long", "native", "new", "null", "package", "private", "protected", "public", "return",
    "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "true", "try",
    "void", "volatile", "while",
];

pub fn check_android(value: &str, _ctx: &Context, out: &mut Outcome) {
    check_identifier(value, &ANDROID, out);
}

pub fn check_ios(value: &str, _ctx: &Context, out: &mut Outcome) {
    check_identifier(value, &IOS, out);
}

pub fn check_harmony(value: &str, _ctx: &Context, out: &mut Outcome) {
    check_identifier(value, &HARMONY, out);
}

pub fn check_app_package(value: &str, ctx: &Context, out: &mut Outcome) {
    let scheme = match &ctx.platform {
        None => {
            out.error(&PLATFORM_MISSING);
            return;
        }
        Some(Platform::Android) => &ANDROID,
        Some(Platform::Ios) => &IOS,
        Some(Platform::Harmony) => &HARMONY,
        Some(Platform::Other) => &GENERIC,
        Some(Platform::Unknown(platform)) => {
            out.error(&PLATFORM_UNKNOWN).input("platform", excerpt(platform, 20));
            return;
        }
    };
    check_identifier(value, scheme, out);
}

fn check_identifier(value: &str, scheme: &Scheme, out: &mut Outcome) {
    let id = fold_width(value).trim().to_owned();
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '.' || scheme.extra.contains(c);
    if let Some((i, c)) = id.chars().enumerate().find(|&(_, c)| !allowed(c)) {
        out.error(&INVALID_CHAR)
            .param("position", i + 1)
            .param("char", crate::input::shown_char(c))
            .param("allowed", format!("A-Z a-z 0-9 . {}", scheme.extra.chars().map(String::from).collect::<Vec<_>>().join(" ")));
        return;
    }
    if id.len() < scheme.min || id.len() > scheme.max {
        out.error(&LENGTH).param("min", scheme.min).param("max", scheme.max).param("length", id.len());
        return;
    }
    if id.split('.').any(str::is_empty) {
        out.error(&EMPTY_SEGMENT);
        return;
    }
    if !id.contains('.') {
        out.error(&TOO_FEW_SEGMENTS);
        return;
    }
    if !(scheme.segments)(&id, out) {
        return;
    }
    out.detail("platform", crate::message::Value::text(scheme.platform));
    out.detail("segments", id.split('.').count());
    out.normalized = Some(id);
}

pub fn check_md5(value: &str, _ctx: &Context, out: &mut Outcome) {
    let folded = fold_width(value);
    let mut s = folded.trim();
    // keytool prints `MD5:  AB:CD:...`, `SHA1: ...`, `SHA256: ...`, one per line; a pasted
    // line keeps its label. Take the label off before counting digits; a SHA label answers
    // for itself, whatever the length after it.
    let mut labelled = None;
    for (label, code) in [("SHA-256", Some(&MD5_IS_SHA256)), ("SHA256", Some(&MD5_IS_SHA256)), ("SHA-1", Some(&MD5_IS_SHA1)), ("SHA1", Some(&MD5_IS_SHA1)), ("MD5", None)] {
        let head = s.get(..label.len()).filter(|h| h.eq_ignore_ascii_case(label));
        if let Some(rest) = head.and_then(|h| s.strip_prefix(h)).filter(|r| r.starts_with([':', '：', ' ', '='])) {
            s = rest.trim_start_matches([':', '：', ' ', '=']);
            labelled = Some(code);
            break;
        }
    }
    if let Some(Some(code)) = labelled {
        out.error(code);
        return;
    }
    let mut digits = String::with_capacity(s.len());
    digits.extend(s.chars().filter(|c| !matches!(c, ':' | '：' | ' ' | '-')));
    if let Some(c) = digits.chars().find(|c| !c.is_ascii_hexdigit()) {
        out.error(&MD5_INVALID_CHAR).input("char", c.to_string());
        return;
    }
    match digits.len() {
        32 => {}
        40 => {
            out.error(&MD5_IS_SHA1);
            return;
        }
        64 => {
            out.error(&MD5_IS_SHA256);
            return;
        }
        n => {
            out.error(&MD5_LENGTH).param("length", n);
            return;
        }
    }
    digits.make_ascii_uppercase();
    let mut colon = String::with_capacity(47);
    for (i, pair) in digits.as_bytes().chunks(2).enumerate() {
        if i > 0 {
            colon.push(':');
        }
        // Checked above: all ASCII hex digits.
        colon.extend(pair.iter().map(|&b| b as char));
    }
    out.detail("colon_form", colon);
    out.normalized = Some(digits);
}

/// `md5`'s verdict, without building a result, for ASCII values: an optional keytool label
/// (`MD5:`; a SHA label is an error whatever follows), then 32 hex digits (with `:`, `-` or
/// spaces between them) are valid, any other count or any other character is not. `None`
/// for non-ASCII text, whitespace other than spaces, or no digit. Mirrors `check_md5`.
pub fn md5_verdict(value: &str, _ctx: &Context) -> Option<bool> {
    let mut t = value.trim_start_matches(' ');
    // A label starts with a letter no hex digit is.
    if t.as_bytes().first().is_some_and(|b| matches!(b.to_ascii_lowercase(), b's' | b'm')) {
        if !value.is_ascii() {
            return None;
        }
        let label = ["SHA-256", "SHA256", "SHA-1", "SHA1", "MD5"].into_iter().find(|label| {
            t.get(..label.len()).is_some_and(|h| h.eq_ignore_ascii_case(label)) && matches!(t.as_bytes().get(label.len()), Some(b':' | b' ' | b'='))
        });
        match label {
            Some("MD5") => t = t[3..].trim_start_matches([':', ' ', '=']),
            Some(_) => return Some(false),
            None => {}
        }
    }
    let mut hex = 0;
    for &b in t.as_bytes() {
        match b {
            b'0'..=b'9' | b'a'..=b'f' | b'A'..=b'F' => hex += 1,
            b':' | b'-' | b' ' => {}
            // Other whitespace is trimmed, and other text folded, by the full check.
            b if b.is_ascii_whitespace() || !b.is_ascii() => return None,
            _ => return Some(false),
        }
    }
    (hex > 0).then_some(hex == 32)
}

/// Why a value is not a usable public key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyError {
    Format,
    Truncated,
    Certificate,
    Private,
    Fingerprint,
    TooShort(usize),
}

/// A key that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    normalized: String,
    algorithm: &'static str,
    bits: usize,
    form: &'static str,
}

pub fn check_public_key(value: &str, _ctx: &Context, out: &mut Outcome) {
    match parse_key(value) {
        Ok(key) => {
            out.detail("algorithm", key.algorithm);
            out.detail("bits", key.bits);
            out.detail(crate::outcome::DetailKey::FORM.name(), key.form);
            out.normalized = Some(key.normalized);
        }
        Err(e) => {
            let code = match e {
                KeyError::Format => &KEY_FORMAT,
                KeyError::Truncated => &KEY_TRUNCATED,
                KeyError::Certificate => &KEY_IS_CERTIFICATE,
                KeyError::Private => &KEY_IS_PRIVATE,
                KeyError::Fingerprint => &KEY_IS_FINGERPRINT,
                KeyError::TooShort(bits) => {
                    out.error(&KEY_TOO_SHORT).param("bits", bits);
                    return;
                }
            };
            out.error(code);
        }
    }
}

fn parse_key(value: &str) -> Result<Key, KeyError> {
    let text = value.trim();
    if let Some(begin) = text.find("-----BEGIN ") {
        let after = &text[begin + 11..];
        let label_end = after.find("-----").ok_or(KeyError::Truncated)?;
        let label = &after[..label_end];
        if label.contains("PRIVATE") {
            return Err(KeyError::Private);
        }
        if label.contains("CERTIFICATE") {
            return Err(KeyError::Certificate);
        }
        let body = &after[label_end + 5..];
        let body = &body[..body.find("-----END").ok_or(KeyError::Truncated)?];
        let der = base64_decode(body)?;
        return match label {
            "PUBLIC KEY" => spki_key(&der, "pem"),
            "RSA PUBLIC KEY" => pkcs1_key(&der, "pem"),
            _ => Err(KeyError::Format),
        };
    }
    let compact = crate::input::without_whitespace(text);
    let hex = compact.strip_prefix("0x").unwrap_or(&compact).replace(':', "");
    if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        if matches!(hex.len(), 32 | 40 | 64) {
            return Err(KeyError::Fingerprint);
        }
        let bytes = hex_decode(&hex).ok_or(KeyError::Truncated)?;
        // DER starts with a SEQUENCE tag 0x30; a modulus starting with that byte would
        // be 6 bits short of a whole byte count, which key generators never produce.
        if bytes.first() == Some(&0x30) {
            return any_der_key(&bytes, "hex");
        }
        return modulus_key(&bytes);
    }
    if compact.len() >= 16 && compact.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_')) {
        return any_der_key(&base64_decode(&compact)?, "base64");
    }
    Err(KeyError::Format)
}

/// SubjectPublicKeyInfo or PKCS#1, whichever the DER is.
fn any_der_key(der: &[u8], form: &'static str) -> Result<Key, KeyError> {
    match spki_key(der, form) {
        Err(KeyError::Format) => pkcs1_key(der, form),
        other => other,
    }
}

const OID_RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const OID_EC: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const OID_DSA: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01];

/// One DER element: (tag, content, rest after it). Lengths past the end mean a cut-off
/// value, so they are `Truncated`, not `Format`.
fn tlv(buf: &[u8]) -> Result<(u8, &[u8], &[u8]), KeyError> {
    let (&tag, rest) = buf.split_first().ok_or(KeyError::Truncated)?;
    let (&first, mut rest) = rest.split_first().ok_or(KeyError::Truncated)?;
    let len = match first {
        0..=0x7f => first as usize,
        0x81..=0x83 => {
            let n = (first & 0x7f) as usize;
            if rest.len() < n {
                return Err(KeyError::Truncated);
            }
            let len = rest[..n].iter().fold(0usize, |acc, &b| (acc << 8) | b as usize);
            rest = &rest[n..];
            len
        }
        _ => return Err(KeyError::Format),
    };
    if rest.len() < len {
        return Err(KeyError::Truncated);
    }
    Ok((tag, &rest[..len], &rest[len..]))
}

fn spki_key(der: &[u8], form: &'static str) -> Result<Key, KeyError> {
    let (tag, outer, trailing) = tlv(der)?;
    if tag != 0x30 || !trailing.is_empty() {
        return Err(KeyError::Format);
    }
    let (tag, alg, rest) = tlv(outer)?;
    if tag != 0x30 {
        return Err(KeyError::Format);
    }
    // A certificate's first element is the TBSCertificate, itself a SEQUENCE whose first
    // element is the [0] version or the serial INTEGER, not an OID.
    let (alg_tag, oid, _) = tlv(alg)?;
    if alg_tag == 0xa0 || alg_tag == 0x02 {
        return Err(KeyError::Certificate);
    }
    let (tag, bits, rest) = tlv(rest)?;
    if alg_tag != 0x06 || tag != 0x03 || !rest.is_empty() {
        return Err(KeyError::Format);
    }
    let (&unused, key) = bits.split_first().ok_or(KeyError::Truncated)?;
    if unused != 0 {
        return Err(KeyError::Format);
    }
    let (algorithm, size) = if oid == OID_RSA {
        ("RSA", rsa_bits(key)?)
    } else if oid == OID_EC {
        // An uncompressed point is 04 || X || Y.
        match key.first() {
            Some(0x04) if key.len() % 2 == 1 => ("EC", (key.len() - 1) / 2 * 8),
            Some(0x02 | 0x03) => ("EC", (key.len() - 1) * 8),
            _ => return Err(KeyError::Truncated),
        }
    } else if oid == OID_DSA {
        ("DSA", 0)
    } else {
        return Err(KeyError::Format);
    };
    Ok(Key { normalized: base64_encode(der), algorithm, bits: size, form })
}

fn pkcs1_key(der: &[u8], form: &'static str) -> Result<Key, KeyError> {
    let bits = rsa_bits(der)?;
    // Wrap into SubjectPublicKeyInfo: SEQ { SEQ { rsaEncryption, NULL }, BIT STRING { 0, der } }.
    let mut alg = der_header(0x06, OID_RSA.len());
    alg.extend_from_slice(OID_RSA);
    alg.extend_from_slice(&[0x05, 0x00]);
    let mut body = der_header(0x30, alg.len());
    body.extend_from_slice(&alg);
    body.extend_from_slice(&der_header(0x03, der.len() + 1));
    body.push(0);
    body.extend_from_slice(der);
    let mut spki = der_header(0x30, body.len());
    spki.extend_from_slice(&body);
    Ok(Key { normalized: base64_encode(&spki), algorithm: "RSA", bits, form })
}

fn der_header(tag: u8, len: usize) -> Vec<u8> {
    let mut h = vec![tag];
    match len {
        0..=0x7f => h.push(len as u8),
        0x80..=0xff => h.extend_from_slice(&[0x81, len as u8]),
        _ => h.extend_from_slice(&[0x82, (len >> 8) as u8, len as u8]),
    }
    h
}

/// Modulus size of a PKCS#1 RSAPublicKey (SEQ { INTEGER n, INTEGER e }), after checking
/// that nothing is missing.
fn rsa_bits(der: &[u8]) -> Result<usize, KeyError> {
    let (tag, seq, trailing) = tlv(der)?;
    if tag != 0x30 || !trailing.is_empty() {
        return Err(KeyError::Format);
    }
    let (tag_n, n, rest) = tlv(seq)?;
    let (tag_e, e, rest) = tlv(rest)?;
    if tag_n != 0x02 || tag_e != 0x02 || !rest.is_empty() || e.is_empty() {
        return Err(KeyError::Format);
    }
    let bits = modulus_bits(n);
    // RSA moduli and public exponents are odd.
    if n.last().is_some_and(|b| b % 2 == 0) || e.last().is_some_and(|b| b % 2 == 0) {
        return Err(KeyError::Truncated);
    }
    if bits < 1024 {
        return Err(KeyError::TooShort(bits));
    }
    Ok(bits)
}

fn modulus_bits(n: &[u8]) -> usize {
    let n = &n[n.iter().take_while(|&&b| b == 0).count()..];
    match n.first() {
        Some(&top) => n.len() * 8 - top.leading_zeros() as usize,
        None => 0,
    }
}

fn modulus_key(bytes: &[u8]) -> Result<Key, KeyError> {
    let bits = modulus_bits(bytes);
    if bits < 256 {
        return Err(KeyError::Format);
    }
    if bytes.last().is_some_and(|b| b % 2 == 0) {
        return Err(KeyError::Truncated);
    }
    if bits < 1024 {
        return Err(KeyError::TooShort(bits));
    }
    let start = bytes.iter().take_while(|&&b| b == 0).count();
    let hex: String = bytes[start..].iter().map(|b| format!("{b:02x}")).collect();
    Ok(Key { normalized: hex, algorithm: "RSA", bits, form: "modulus_hex" })
}

fn hex_decode(hex: &str) -> Option<Vec<u8>> {
    if hex.len() % 2 != 0 {
        return None;
    }
    hex.as_bytes().chunks(2).map(|p| std::str::from_utf8(p).ok().and_then(|s| u8::from_str_radix(s, 16).ok())).collect()
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard or URL-safe Base64, whitespace ignored, padding optional.
const INVALID: u8 = 0xFF;
const PAD: u8 = 0xFE;
/// Byte -> sextet for standard and URL-safe base64 (one lookup per character: keys are
/// the longest values filed).
const B64_VALUE: [u8; 256] = {
    let mut t = [INVALID; 256];
    let mut i = 0;
    while i < 64 {
        t[B64[i] as usize] = i as u8;
        i += 1;
    }
    t[b'-' as usize] = 62;
    t[b'_' as usize] = 63;
    t[b'=' as usize] = PAD;
    t
};

/// Standard or URL-safe Base64, whitespace ignored (PEM bodies, plist `<data>`).
pub fn base64_decode_text(text: &str) -> Option<Vec<u8>> {
    base64_decode(text).ok()
}

fn base64_decode(text: &str) -> Result<Vec<u8>, KeyError> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut n, mut padded) = (0u32, 0u32, false);
    for c in text.bytes().filter(|b| !b.is_ascii_whitespace()) {
        let v = match B64_VALUE[c as usize] {
            PAD => {
                padded = true;
                continue;
            }
            INVALID => return Err(KeyError::Format),
            v => v,
        };
        if padded {
            return Err(KeyError::Format);
        }
        acc = (acc << 6) | u32::from(v);
        n += 1;
        if n == 4 {
            out.extend_from_slice(&[(acc >> 16) as u8, (acc >> 8) as u8, acc as u8]);
            (acc, n) = (0, 0);
        }
    }
    match n {
        0 => {}
        2 => out.push((acc >> 4) as u8),
        3 => out.extend_from_slice(&[(acc >> 10) as u8, (acc >> 2) as u8]),
        _ => return Err(KeyError::Truncated),
    }
    Ok(out)
}

/// Standard Base64 with padding (also the APP file reader's public key form).
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let v = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(v >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips() {
        for data in [&b""[..], b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar"] {
            assert_eq!(base64_decode(&base64_encode(data)).unwrap(), data);
        }
        assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64_decode("Zm9vYg").unwrap(), b"foob");
        assert_eq!(base64_decode("Zm9vY"), Err(KeyError::Truncated));
    }

    #[test]
    fn der_lengths_past_the_end_are_truncation() {
        assert_eq!(tlv(&[0x30, 0x82, 0x01]).unwrap_err(), KeyError::Truncated);
        assert_eq!(tlv(&[0x30, 0x05, 0x00]).unwrap_err(), KeyError::Truncated);
        assert_eq!(tlv(&[0x30, 0x80]).unwrap_err(), KeyError::Format);
        assert_eq!(tlv(&[0x02, 0x01, 0x03, 0xff]).unwrap(), (0x02, &[0x03][..], &[0xff][..]));
    }
}
