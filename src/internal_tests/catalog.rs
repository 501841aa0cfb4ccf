//! The message catalog below the facade (moved from tests/catalog.rs).

#[test]
fn one_code_id_means_one_message() {
    let mut seen: Vec<&icp_validate::Code> = Vec::new();
    for rule in icp_validate::registry::rules() {
        for &code in rule.codes {
            if let Some(prev) = seen.iter().find(|c| c.id == code.id) {
                assert!(prev.zh == code.zh && prev.en == code.en, "{} has two different messages", code.id);
            } else {
                seen.push(code);
            }
        }
    }
}
