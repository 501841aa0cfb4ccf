//! `domains_unique`: a domain is filed once per filing, whichever service lists it and in
//! whichever form (Unicode or A-label, any case): the MIIT system refuses duplicates.

use super::cross_rule::CrossRule;
use crate::filing::report::MAX_ITEMS;
use crate::filing::walk::{Findings, Slot, Walk};
use crate::message::Code;
use crate::message::text;

pub const DOMAIN_DUPLICATE: Code = Code {
    id: "filing.domain_duplicate",
    zh: text("域名 {domain} 重复（与 {other} 相同）"),
    en: text("The domain {domain} is listed twice (same as {other})"),
};

pub static RULE: CrossRule = CrossRule {
    id: "domains_unique",
    reads: &["services[*].domains[*]"],
    writes: &["services[*].domains[*]"],
    codes: &[&DOMAIN_DUPLICATE],
    check,
};

fn check(w: &Walk, f: &mut Findings) {
    let mut seen: Vec<(String, String)> = Vec::new();
    for (i, s) in w.services().iter().enumerate() {
        for (j, d) in s.domains.iter().take(MAX_ITEMS).enumerate() {
            let key = crate::input::lower(&w.canonical(Slot::Domain(i, j), d.name()));
            if key.is_empty() {
                continue;
            }
            let path = format!("services[{i}].domains[{j}]");
            match seen.iter().find(|(_, k)| *k == key) {
                Some((other, _)) => {
                    f.error(&path, &DOMAIN_DUPLICATE).input("domain", crate::input::excerpt(&key, 60)).param("other", other.clone());
                }
                None => seen.push((path, key)),
            }
        }
    }
}
