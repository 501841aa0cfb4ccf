//! `platforms_unique`: an APP lists each platform once (nwcd-app-guide-en Tenth 1: one
//! package name, key and MD5 per platform). Platforms compare canonically
//! ([`Platform::parse`]): `android` and `安卓`, `iOS` and `苹果` are the same platform; names
//! no rule knows compare without case.

use super::cross_rule::CrossRule;
use crate::context::Platform;
use crate::filing::model::ServiceType;
use crate::filing::report::MAX_PLATFORMS;
use crate::filing::walk::{Findings, Walk};
use crate::message::Code;
use crate::message::text;

pub const PLATFORM_DUPLICATE: Code = Code {
    id: "filing.platform_duplicate",
    zh: text("平台 {platform} 重复填写"),
    en: text("Platform {platform} is listed twice"),
};

pub static RULE: CrossRule = CrossRule {
    id: "platforms_unique",
    reads: &["services[*].platforms[*].platform"],
    writes: &["services[*].platforms[*].platform"],
    codes: &[&PLATFORM_DUPLICATE],
    check,
};

fn check(w: &Walk, f: &mut Findings) {
    for (i, s) in w.services().iter().enumerate().filter(|(_, s)| s.service_type == ServiceType::App) {
        let mut seen: Vec<String> = Vec::new();
        for (j, p) in s.platforms.iter().take(MAX_PLATFORMS).enumerate() {
            let Some(key) = platform_key(&p.platform) else { continue };
            if seen.contains(&key) {
                f.error(&format!("services[{i}].platforms[{j}].platform"), &PLATFORM_DUPLICATE).input("platform", crate::input::excerpt(&p.platform, 20));
            }
            seen.push(key);
        }
    }
}

/// What two platform entries compare by: the canonical platform, or for those without a
/// naming rule of their own (`Platform::Other`, BlackBerry and Linux are two platforms) and
/// unknown ones the name without case, 黑莓 read as BlackBerry.
fn platform_key(typed: &str) -> Option<String> {
    Some(match Platform::parse(typed)? {
        Platform::Android => "android".to_owned(),
        Platform::Ios => "ios".to_owned(),
        Platform::Harmony => "harmony".to_owned(),
        Platform::Other | Platform::Unknown(_) => match crate::input::lower(typed.trim()).as_str() {
            "黑莓" => "blackberry".to_owned(),
            other => other.to_owned(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::platform_key;

    #[test]
    fn aliases_are_one_platform_and_other_platforms_stay_apart() {
        for (a, b) in [("android", "安卓"), ("Android", " ANDROID "), ("iOS", "苹果"), ("iphone", "ipados"), ("HarmonyOS", "鸿蒙"), ("BlackBerry", "黑莓"), ("Tizen", "tizen")] {
            assert_eq!(platform_key(a), platform_key(b), "{a} {b}");
        }
        for (a, b) in [("android", "ios"), ("blackberry", "linux"), ("harmony", "android"), ("Tizen", "linux")] {
            assert_ne!(platform_key(a), platform_key(b), "{a} {b}");
        }
        assert_eq!(platform_key("  "), None);
    }
}
