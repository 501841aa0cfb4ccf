//! The package's JS words findings from generated tables, not from a port: the wording block
//! of pkg-templates/api.js is `catalog::wording_js()` as committed (tools/gen_wording.sh
//! rewrites it), and that table reads locales, tags and spacing as the Rust code does.

use icp_validate::catalog::wording_js;
use icp_validate::message::{Value, WireTag};
use icp_validate::Locale;

#[test]
fn the_wording_block_of_api_js_is_current() {
    let api = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("pkg-templates/api.js")).unwrap();
    assert!(api.contains(&wording_js()), "pkg-templates/api.js: the wording block is stale: run tools/gen_wording.sh");
}

fn table() -> serde_json::Value {
    let js = wording_js();
    let json = js.split("const WORDING = ").nth(1).and_then(|rest| rest.split(";\n").next()).expect("const WORDING = {...};");
    serde_json::from_str(json).unwrap()
}

/// The JS reading of a tag (pkg-templates/api.js `localeTag`) over the generated table.
fn js_locale_tag(table: &serde_json::Value, tag: &str) -> String {
    let primary = tag.trim().split(['-', '_']).next().unwrap().to_ascii_lowercase();
    table["languages"].get(&primary).unwrap_or(&table["fallback"]).as_str().unwrap().to_owned()
}

#[test]
fn the_table_reads_locale_tags_as_rust_does() {
    let t = table();
    for tag in ["zh", "zh-CN", "zh_Hans_CN", " EN-us ", "en", "fr", "", "-", "english", "ZH"] {
        assert_eq!(js_locale_tag(&t, tag), Locale::parse(tag).unwrap_or_default().tag(), "{tag:?}");
    }
}

#[test]
fn every_typed_value_has_a_tag_and_a_catalog_section() {
    let t = table();
    let catalog = icp_validate::catalog::table();
    for tag in WireTag::ALL {
        let section = t["tags"][tag.key()].as_str().unwrap();
        assert!(catalog[section].is_object(), "{section}");
    }
    assert_eq!(Value::Term(&icp_validate::input::NOT_TEXT).wire_tag(), Some(WireTag::Term));
    assert_eq!(t["template"], WireTag::Term.key());
    assert_eq!(Value::text("x").wire_tag(), None);
}
