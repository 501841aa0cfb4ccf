//! The package's JS words findings from generated tables, not from a port: the wording block
//! of pkg-templates/api.js is `catalog::wording_js()` as committed (tools/gen_wording.sh
//! rewrites it). What the table says is tested beside it (src/catalog.rs) and, through the
//! package, in tests/js/api.test.mjs.

#[test]
fn the_wording_block_of_api_js_is_current() {
    let api = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("pkg-templates/api.js")).unwrap();
    assert!(api.contains(&icp_validate::catalog::wording_js()), "pkg-templates/api.js: the wording block is stale: run tools/gen_wording.sh");
}
