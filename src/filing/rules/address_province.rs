//! `address_province`: the entity's address and mailing address lie in its province
//! (aliyun-filing-guide-en step 4: "The contact address and mobile phone must be from the
//! same province as the subject"; an error there, a warning under the other profiles).

use super::cross_rule::CrossRule;
use crate::filing::walk::{Findings, Walk};
use crate::message::{Code, Value};
use crate::province_code::ProvinceCode;
use crate::region::Province;
use crate::message::text;

pub const ADDRESS_PROVINCE_MISMATCH: Code = Code {
    id: "filing.address_province_mismatch",
    zh: text("地址位于{address_province}，与主办单位所在省{province}不一致"),
    en: text("The address is in {address_province}, not in the entity's province {province}"),
};

pub static RULE: CrossRule = CrossRule {
    id: "address_province",
    reads: &["entity.province", "entity.address", "entity.mailing_address", "provider"],
    writes: &["entity.address", "entity.mailing_address"],
    codes: &[&ADDRESS_PROVINCE_MISMATCH],
    check,
};

/// The province an address starts with (`广东省深圳市...`, `北京市...`), if any.
fn address_province(address: &str) -> Option<Province> {
    let a = crate::input::fold_width(address);
    let a = a.trim_start();
    crate::region::provinces().filter(|p| a.starts_with(p.name_zh) || a.starts_with(p.name_bare)).max_by_key(|p| p.name_bare.len())
}

fn check(w: &Walk, f: &mut Findings) {
    let Some(p) = w.province else { return };
    let entity = &w.filing.entity;
    for (path, address) in [("entity.address", &entity.address), ("entity.mailing_address", &entity.mailing_address)] {
        if let Some(a) = address_province(address).filter(|a| a.code != p.code) {
            f.push(path, &ADDRESS_PROVINCE_MISMATCH, w.profile.mobile_mismatch)
                .param("address_province", Value::Province(ProvinceCode(a.code)))
                .param("province", Value::Province(ProvinceCode(p.code)));
        }
    }
}
