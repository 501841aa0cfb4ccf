//! The cross-field rules: what no single field can tell. Each is a named rule in its own
//! file with the source it follows, the paths it reads and the paths it writes findings at;
//! the filing check runs them in this order after the field pass, as the field registry runs
//! field rules. Adding one is a file and a line in [`RULES`].

mod address_province;
mod app_names;
mod contacts_distinct;
mod cross_rule;
mod domain_holder;
mod domains_unique;
mod emergency_number;
mod entity_certificate_type;
mod entity_licence_current;
mod individual_is_the_person;
mod individuals_accepted;
mod personal_certificates;
mod platforms_unique;
mod pre_approvals;
mod provider_known;
mod record_number_family;
mod record_province;
pub mod record_service_type;
mod required_items;

pub use cross_rule::CrossRule;

/// Every cross-field rule, in the order the report lists their findings.
pub static RULES: &[&CrossRule] = &[
    &provider_known::RULE,
    &individuals_accepted::RULE,
    &required_items::RULE,
    &entity_certificate_type::RULE,
    &entity_licence_current::RULE,
    &personal_certificates::RULE,
    &address_province::RULE,
    &record_province::RULE,
    &record_number_family::RULE,
    &record_service_type::RULE,
    &individual_is_the_person::RULE,
    &domains_unique::RULE,
    &domain_holder::RULE,
    &app_names::RULE,
    &platforms_unique::RULE,
    &pre_approvals::RULE,
    &emergency_number::RULE,
    &contacts_distinct::RULE,
];

/// Whether a finding's path is one a rule declares: `services[*].domains[*]` matches
/// `services[3].domains[0]`.
#[cfg_attr(not(test), allow(dead_code))] // the unit tests check each finding's path against `writes`
pub fn path_matches(pattern: &str, path: &str) -> bool {
    let (mut p, mut s) = (pattern, path);
    while let Some(i) = p.find("[*]") {
        let (head, rest) = (&p[..i], &p[i + 3..]);
        let Some(after) = s.strip_prefix(head).and_then(|t| t.strip_prefix('[')) else { return false };
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let Some(t) = after[digits..].strip_prefix(']').filter(|_| digits > 0) else { return false };
        p = rest;
        s = t;
    }
    p == s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filing::walk::{walk, Findings};
    use crate::filing::{Filing, Options};

    #[test]
    fn paths_match_their_patterns() {
        assert!(path_matches("services[*].domains[*]", "services[3].domains[10]"));
        assert!(path_matches("entity.address", "entity.address"));
        assert!(!path_matches("services[*].name", "services[x].name"));
        assert!(!path_matches("services[*].name", "services[1].names"));
        assert!(!path_matches("services[*]", "services[]"));
    }

    /// Over the sample filings, each rule reports only codes it declares, at paths it
    /// declares, and ids are unique.
    #[test]
    fn rules_keep_to_their_declared_codes_and_paths() {
        let corpus = include_str!("../../../tests/baseline/filings.jsonl");
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len(), "two cross-field rules share an id");
        let mut reported = 0;
        for line in corpus.lines() {
            let case: serde_json::Value = serde_json::from_str(line).unwrap();
            let Some(filing) = case.get("filing") else { continue };
            let filing: Filing = serde_json::from_value(filing.clone()).unwrap();
            let options: Options = serde_json::from_value(case["options"].clone()).unwrap();
            let w = walk(&filing, &options);
            for rule in RULES {
                let mut f = Findings::default();
                (rule.check)(&w, &mut f);
                for (path, _, finding) in &f.list {
                    reported += 1;
                    assert!(rule.codes.iter().any(|c| c.id == finding.code.id), "{} reports undeclared {}", rule.id, finding.code.id);
                    assert!(rule.writes.iter().any(|p| path_matches(p, path)), "{} reports at undeclared path {path}", rule.id);
                }
            }
        }
        assert!(reported > 10, "the sample filings exercise the rules");
    }
}
