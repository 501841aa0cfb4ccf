//! `app_names`: an APP's name is unique within the entity and the same on every platform
//! (nwcd-app-guide-en Tenth 1: the APP name as filed is the name shown on each platform).

use super::cross_rule::CrossRule;
use crate::filing::model::ServiceType;
use crate::filing::report::MAX_PLATFORMS;
use crate::filing::walk::{Findings, Walk};
use crate::message::Code;
use crate::rules::names::name_key;
use crate::message::text;

pub const APP_NAME_DUPLICATE: Code = Code {
    id: "filing.app_name_duplicate",
    zh: text("同一主体下 APP 名称须唯一，“{name}”与 {other} 重复"),
    en: text("APP names are unique within an entity: \"{name}\" repeats {other}"),
};
pub const APP_NAME_PLATFORM_MISMATCH: Code = Code {
    id: "filing.app_name_platform_mismatch",
    zh: text("同一 APP 在各平台的名称须一致：{platform} 上为“{platform_name}”，备案名称为“{name}”"),
    en: text("An APP has one name on every platform: \"{platform_name}\" on {platform}, \"{name}\" in the filing"),
};

pub static RULE: CrossRule = CrossRule {
    id: "app_names",
    reads: &["services[*].name", "services[*].platforms[*].name"],
    writes: &["services[*].name", "services[*].platforms[*].name"],
    codes: &[&APP_NAME_DUPLICATE, &APP_NAME_PLATFORM_MISMATCH],
    check,
};

fn check(w: &Walk, f: &mut Findings) {
    let mut seen: Vec<(String, String)> = Vec::new();
    for (i, s) in w.services().iter().enumerate().filter(|(_, s)| s.service_type == ServiceType::App) {
        let key = name_key(&s.name);
        if key.is_empty() {
            continue;
        }
        let path = format!("services[{i}].name");
        match seen.iter().find(|(_, k)| *k == key) {
            Some((other, _)) => {
                f.error(&path, &APP_NAME_DUPLICATE).input("name", crate::input::excerpt(&s.name, 30)).param("other", other.clone());
            }
            None => seen.push((path, key.clone())),
        }
        for (j, p) in s.platforms.iter().take(MAX_PLATFORMS).enumerate() {
            if !p.name.trim().is_empty() && name_key(&p.name) != key {
                f.error(&format!("services[{i}].platforms[{j}].name"), &APP_NAME_PLATFORM_MISMATCH)
                    .input("platform", crate::input::excerpt(&p.platform, 20))
                    .input("platform_name", crate::input::excerpt(&p.name, 30))
                    .input("name", crate::input::excerpt(&s.name, 30));
            }
        }
    }
}
