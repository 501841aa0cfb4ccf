//! `business_license`: the number on a business licence (营业执照) is a USCC, kind `9x`
//! (GB 32100-2015 Table 1, 工商), or, on licences issued before 2015-10, the 15-digit
//! registration number (`business_reg_no`). The length tells them apart.

use super::business_reg_no;
use super::uscc_kind::{check_uscc_kind, USCC_KIND_CODES};
use crate::context::Context;
use crate::input::compact;
use crate::message::Code;
use crate::outcome::Outcome;
use crate::rule::{union, union_len, Rule};
use crate::message::text;

const LISTS: &[&[&Code]] = &[USCC_KIND_CODES, business_reg_no::DIGITS_CODES];
pub const CODES: &[&Code] = &union::<{ union_len(LISTS) }>(LISTS);

pub const RULE: Rule = Rule {
    id: "business_license",
    family: "identity",
    label_zh: text("营业执照号码"),
    label_en: text("Business licence number"),
    codes: CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check,
};

/// A business licence shows a USCC, or on licences issued before 2015-10 a 15-digit
/// registration number.
pub fn check(value: &str, ctx: &Context, out: &mut Outcome) {
    let number = compact(value);
    if number.chars().count() == 15 {
        out.detail(crate::outcome::DetailKey::KIND.name(), crate::message::Value::text("business_reg_no"));
        business_reg_no::check_digits(&number, out);
    } else {
        out.detail(crate::outcome::DetailKey::KIND.name(), crate::message::Value::text("uscc"));
        check_uscc_kind(value, ctx, "9", out);
    }
}
