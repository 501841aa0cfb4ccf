//! Runs every vector in `tests/vectors/*.json` through the native API.

mod common;

use icp_validate::Locale;

#[test]
fn all_vectors_pass_natively() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    assert!(!files.is_empty(), "no vector files in {}", dir.display());
    let (mut count, mut failures) = (0, Vec::new());
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for v in common::parse_file(&name, &std::fs::read_to_string(&path).unwrap()) {
            count += 1;
            for locale in [Locale::ZhCn, Locale::En] {
                let result = serde_json::to_value(common::run_native(&v, locale)).unwrap();
                for m in common::mismatches(&v, &result) {
                    failures.push(format!("{name}[{}] {} {:?} ({}): {m}", v.index, v.field, v.value, locale.tag()));
                }
                // Every returned code is in the field's documented list, and every
                // placeholder of its template got a param.
                let rule = icp_validate::registry::find(&v.field);
                for issue in result["errors"].as_array().unwrap().iter().chain(result["warnings"].as_array().unwrap()) {
                    let id = issue["code"].as_str().unwrap();
                    let Some(code) = icp_validate::catalog::code(id) else {
                        failures.push(format!("{name}[{}]: code {id} is in no catalog", v.index));
                        continue;
                    };
                    let documented = icp_validate::input::CODES.iter().any(|c| c.id == id) || rule.is_some_and(|r| r.codes.iter().any(|c| c.id == id));
                    if !documented {
                        failures.push(format!("{name}[{}]: {id} is missing from the codes list of {}", v.index, v.field));
                    }
                    for p in icp_validate::message::placeholders(code.template(locale)) {
                        if issue["params"].get(p).is_none() {
                            failures.push(format!("{name}[{}]: {id} lacks param {p}", v.index));
                        }
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {count} vectors failed:\n{}", failures.len(), failures.join("\n"));
    eprintln!("{count} vectors passed natively");
}

#[test]
fn wasm_runner_lists_every_vector_file() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let listing = std::fs::read_to_string(dir.join("wasm.rs")).unwrap();
    for entry in std::fs::read_dir(dir.join("vectors")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") {
            assert!(listing.contains(&format!("include_str!(\"vectors/{name}\")")), "tests/wasm.rs does not include vectors/{name}");
        }
    }
}
