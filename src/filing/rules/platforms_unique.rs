//! `platforms_unique`: an APP lists each platform once (nwcd-app-guide-en Tenth 1: one
//! package name, key and MD5 per platform).

use super::cross_rule::CrossRule;
use crate::filing::model::ServiceType;
use crate::filing::report::MAX_PLATFORMS;
use crate::filing::walk::{Findings, Walk};
use crate::message::Code;

pub const PLATFORM_DUPLICATE: Code = Code {
    id: "filing.platform_duplicate",
    zh: "平台 {platform} 重复填写",
    en: "Platform {platform} is listed twice",
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
            if p.platform.trim().is_empty() {
                continue;
            }
            let key = p.platform.trim().to_ascii_lowercase();
            if seen.contains(&key) {
                f.error(&format!("services[{i}].platforms[{j}].platform"), &PLATFORM_DUPLICATE).input("platform", crate::input::excerpt(&p.platform, 20));
            }
            seen.push(key);
        }
    }
}
