//! `entity_licence_current`: the entity's business licence is the current one, numbered with
//! the unified social credit code. Licences with the old 15-digit registration number
//! (工商注册号) had to be replaced under the 三证合一 reform (国务院办公厅 国办发〔2015〕50号 and
//! 〔2016〕53号: licences not converted lapsed after 2017-12-31), and the NWCD guide asks for
//! "企业最新的三证合一后的营业执照" (nwcd-website-guide-zh 附件一 item 1). So in a filing a
//! 15-digit number as the entity's licence is an error that says to enter the USCC of the
//! current licence (certain; issue 19 item 8). The `business_reg_no` field itself keeps
//! checking the old format, for other uses, and `business_license` alone still reads it.

use super::cross_rule::CrossRule;
use crate::filing::walk::{Findings, Slot, Walk};
use crate::message::{Code, Value};
use crate::message::text;

pub const BUSINESS_REG_NO_LAPSED: Code = Code {
    id: "filing.business_reg_no_lapsed",
    zh: text("15 位注册号的旧版营业执照已于 2017 年底停止使用（三证合一）：请填写现行营业执照上的 18 位统一社会信用代码"),
    en: text("Business licences with a 15-digit registration number lapsed at the end of 2017 (the three-in-one licence reform): enter the 18-character unified social credit code on the current licence"),
};

pub static RULE: CrossRule = CrossRule {
    id: "entity_licence_current",
    reads: &["entity.certificate_type", "entity.certificate_number"],
    writes: &["entity.certificate_number"],
    codes: &[&BUSINESS_REG_NO_LAPSED],
    check,
};

fn check(w: &Walk, f: &mut Findings) {
    if w.entity_certificate != Some("business_license") {
        return;
    }
    let Some(out) = w.outcome(Slot::EntityCertificate) else { return };
    if matches!(out.detail_value(crate::outcome::DetailKey::KIND), Some(Value::Str(k)) if &**k == "business_reg_no") {
        f.error("entity.certificate_number", &BUSINESS_REG_NO_LAPSED);
    }
}
