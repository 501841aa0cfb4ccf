//! Runs every vector under `tests/vectors/` through the native API, and checks that each
//! vector file is named after the module that declares the rules it tests.

mod common;

use std::path::{Path, PathBuf};

use icp_validate::Locale;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every vector file under tests/vectors/, by its path there (`certificates/passport.json`).
fn vector_files() -> Vec<(String, PathBuf)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "json") {
                out.push(p);
            }
        }
    }
    let dir = root().join("tests/vectors");
    let mut paths = Vec::new();
    walk(&dir, &mut paths);
    let mut files: Vec<(String, PathBuf)> = paths.into_iter().map(|p| (p.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/"), p)).collect();
    files.sort();
    assert!(!files.is_empty(), "no vector files in {}", dir.display());
    files
}

#[test]
fn all_vectors_pass_natively() {
    let (mut count, mut failures) = (0, Vec::new());
    let fields = icp_validate::list_fields(Locale::En);
    for (name, path) in vector_files() {
        for v in common::parse_file(&name, &std::fs::read_to_string(&path).unwrap()) {
            count += 1;
            for locale in [Locale::ZhCn, Locale::En] {
                let result = serde_json::to_value(common::run_native(&v, locale)).unwrap();
                for m in common::mismatches(&v, &result) {
                    failures.push(format!("{name}[{}] {} {:?} ({}): {m}", v.index, v.field, v.value, locale.tag()));
                }
                // Every returned code is in the field's documented list, and every
                // placeholder of its template got a param.
                let rule = fields.iter().find(|f| f.id == v.field);
                for issue in result["errors"].as_array().unwrap().iter().chain(result["warnings"].as_array().unwrap()) {
                    let id = issue["code"].as_str().unwrap();
                    let Some(code) = icp_validate::catalog::code(id) else {
                        failures.push(format!("{name}[{}]: code {id} is in no catalog", v.index));
                        continue;
                    };
                    let documented = icp_validate::catalog::shared_field_codes().iter().any(|c| c.id == id) || rule.is_some_and(|r| r.codes.contains(&id));
                    if !documented {
                        failures.push(format!("{name}[{}]: {id} is missing from the codes list of {}", v.index, v.field));
                    }
                    for p in icp_validate::catalog::placeholders(code.template(locale)) {
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
    let listing = std::fs::read_to_string(root().join("crates/wasm/tests/wasm.rs")).unwrap();
    for (name, _) in vector_files() {
        assert!(listing.contains(&format!("(\"{name}\", include_str!(\"../../../tests/vectors/{name}\"))")), "crates/wasm/tests/wasm.rs does not include vectors/{name}");
    }
}

/// Rules declared outside src/rules, with the vector file that tests them: `certificate`
/// runs the rule of another field, so the registry declares it; its vectors sit with the
/// certificate formats it dispatches to.
const DECLARED_ELSEWHERE: &[(&str, &str)] = &[("certificates/certificate.json", "src/registry/mod.rs")];

/// The source of the module a vector file is named after: `<path>.json` tests the rules of
/// `src/rules/<path>.rs` or `src/rules/<path>/mod.rs`.
fn module_source(name: &str) -> Option<PathBuf> {
    if let Some((_, file)) = DECLARED_ELSEWHERE.iter().find(|(n, _)| *n == name) {
        return Some(root().join(file));
    }
    let stem = name.strip_suffix(".json")?;
    let rules = root().join("src/rules");
    [rules.join(format!("{stem}.rs")), rules.join(stem).join("mod.rs")].into_iter().find(|p| p.is_file())
}

/// What is wrong with a vector file named `name` that tests `fields`: a name that is no
/// module, or a field whose rule (`id: "<field>"`) that module does not declare.
fn misplaced<'a>(name: &str, fields: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let Some(source) = module_source(name) else {
        return vec![format!("{name}: no module src/rules/{} (.rs or /mod.rs)", name.trim_end_matches(".json"))];
    };
    let text = std::fs::read_to_string(&source).unwrap();
    fields
        .into_iter()
        .filter(|f| !text.contains(&format!("id: \"{f}\"")))
        .map(|f| format!("{name}: field {f} is not declared in {}", source.strip_prefix(root()).unwrap().display()))
        .collect()
}

#[test]
fn vector_files_are_named_after_the_module_of_their_rules() {
    let mut problems = Vec::new();
    for (name, path) in vector_files() {
        let vectors = common::parse_file(&name, &std::fs::read_to_string(&path).unwrap());
        let mut fields: Vec<&str> = vectors.iter().map(|v| v.field.as_str()).collect();
        fields.dedup();
        problems.extend(misplaced(&name, fields));
    }
    assert!(problems.is_empty(), "vector files not matching their modules:\n{}", problems.join("\n"));
    // The check itself can fail.
    assert!(misplaced("certificates/passport.json", ["passport"]).is_empty());
    assert_eq!(misplaced("identity.json", ["passport"]).len(), 1);
    assert_eq!(misplaced("phone.json", ["mobile", "uscc"]).len(), 1);
    assert_eq!(misplaced("certificates/certificate.json", ["certificate", "passport"]).len(), 1);
}
