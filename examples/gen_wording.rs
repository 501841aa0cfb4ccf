//! Writes the generated block of pkg-templates/api.js, the wording table the package's JS
//! interprets (`icp_validate::catalog::wording_js`: how a locale tag is read, the tags of
//! typed values and their catalog sections, each locale's spacing), from the Rust tables.
//! `--check` only says whether the committed block is current (tests/wording.rs does too).
//! Run through tools/gen_wording.sh.

use icp_validate::catalog::{wording_js, WORDING_BEGIN, WORDING_END};

fn main() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("pkg-templates/api.js");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    let (Some(begin), Some(end)) = (text.find(WORDING_BEGIN), text.find(WORDING_END)) else {
        fail("pkg-templates/api.js has no generated wording block (its first and last lines are catalog::WORDING_BEGIN and WORDING_END)");
    };
    let end = text[end..].find('\n').map_or(text.len(), |n| end + n + 1);
    let updated = format!("{}{}{}", &text[..begin], wording_js(), &text[end..]);
    if std::env::args().any(|a| a == "--check") {
        if updated != text {
            fail("pkg-templates/api.js: the wording block is stale: run tools/gen_wording.sh");
        }
    } else if updated != text {
        std::fs::write(&path, updated).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        println!("rewrote the wording block of pkg-templates/api.js");
    }
}

fn fail(why: &str) -> ! {
    eprintln!("gen_wording: {why}");
    std::process::exit(1)
}
