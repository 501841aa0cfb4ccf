//! The house runs one way. Every `crate::`, `super::` and `self::` path in src/ (in `use`
//! lines and inline), and every path through a child module a file declares, is read as an
//! arrow from its file to the file of the module it names. The test fails on an arrow that
//! runs up the declared layer order, on a circle of files, and on a module no layer claims.
//! There is no list of exemptions.

mod source;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use source::{code_only, expand_use, inline_paths, is_ident, module_of, rs_files, without_test_modules};

/// Top-level modules by layer, bottom first. The crate root (src/lib.rs) is the facade.
const LAYERS: &[(&str, &[&str])] = &[
    ("vocabulary", &["case_table", "checksum", "context", "date", "input", "message", "outcome", "province_code", "rule"]),
    ("data", &["attachment_kinds", "documents", "region"]),
    ("rules", &["appfile", "attachment", "providers", "rules"]),
    ("registry", &["registry"]),
    ("filing", &["filing"]),
    ("facade", &["", "catalog", "cli_output", "docs", "internal_tests"]),
];

fn layer_of(module: &[String]) -> Option<usize> {
    let top = module.first().map(String::as_str).unwrap_or("");
    LAYERS.iter().position(|(_, mods)| mods.contains(&top))
}

struct File {
    path: PathBuf,
    module: Vec<String>,
    code: String,
}

/// Arrows `from -> to` (source files, relative to src/), with the path that makes each.
fn arrows() -> (Vec<File>, BTreeMap<(String, String), String>) {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    rs_files(&src, &mut paths);
    // Binaries are crates of their own: they reach the library only through its public API.
    paths.retain(|p| !p.starts_with(src.join("bin")));
    paths.sort();
    let files: Vec<File> = paths.iter().map(|p| File { path: p.strip_prefix(&src).unwrap().to_path_buf(), module: module_of(&src, p), code: without_test_modules(&code_only(&std::fs::read_to_string(p).unwrap())) }).collect();
    let by_module: BTreeMap<Vec<String>, usize> = files.iter().enumerate().map(|(i, f)| (f.module.clone(), i)).collect();
    let mut arrows = BTreeMap::new();
    for (fi, f) in files.iter().enumerate() {
        let children: BTreeSet<String> = f.code.match_indices("mod ").filter_map(|(i, _)| {
            let before_ok = i == 0 || !f.code[..i].ends_with(is_ident);
            let name: String = f.code[i + 4..].chars().take_while(|&c| is_ident(c)).collect();
            let after = f.code[i + 4 + name.len()..].trim_start();
            (before_ok && !name.is_empty() && after.starts_with(';')).then_some(name)
        }).collect();
        let roots: BTreeSet<String> = ["crate", "super", "self"].iter().map(|s| s.to_string()).chain(children.iter().cloned()).collect();
        let mut found: Vec<Vec<String>> = Vec::new();
        let mut rest = f.code.as_str();
        while let Some(at) = rest.find("use ") {
            let word_start = at == 0 || !rest[..at].ends_with(is_ident);
            let after = &rest[at + 4..];
            let end = after.find(';').unwrap_or(after.len());
            if word_start {
                found.extend(expand_use(&after[..end]).into_iter().filter(|p| p.first().is_some_and(|s| roots.contains(s))));
            }
            rest = &after[end.min(after.len())..];
        }
        found.extend(inline_paths(&f.code, &roots));
        for path in found {
            let mut base: Vec<String> = match path[0].as_str() {
                "crate" => Vec::new(),
                "self" => f.module.clone(),
                "super" => f.module.clone(),
                _ => f.module.clone(), // a child module by its bare name
            };
            let mut segs = &path[..];
            match path[0].as_str() {
                "crate" | "self" => segs = &path[1..],
                "super" => {
                    while segs.first().map(String::as_str) == Some("super") {
                        base.pop();
                        segs = &segs[1..];
                    }
                }
                _ => {}
            }
            let mut target = base.clone();
            let mut module = base;
            for s in segs {
                module.push(s.clone());
                if by_module.contains_key(&module) {
                    target = module.clone();
                } else {
                    break;
                }
            }
            let ti = by_module[&target];
            if ti != fi {
                arrows.entry((f.path.display().to_string(), files[ti].path.display().to_string())).or_insert_with(|| path.join("::"));
            }
        }
    }
    (files, arrows)
}

#[test]
fn every_module_has_a_layer() {
    let (files, _) = arrows();
    let unclaimed: Vec<String> = files.iter().filter(|f| layer_of(&f.module).is_none()).map(|f| f.path.display().to_string()).collect();
    assert!(unclaimed.is_empty(), "no layer claims {unclaimed:?}: add their module to LAYERS");
}

#[test]
fn no_arrow_runs_up_the_layers() {
    let (files, arrows) = arrows();
    let layer = |path: &str| files.iter().find(|f| f.path.display().to_string() == path).and_then(|f| layer_of(&f.module)).unwrap_or(usize::MAX);
    let upward: Vec<String> = arrows
        .iter()
        .filter(|((from, to), _)| layer(to) > layer(from))
        .map(|((from, to), via)| format!("{from} ({}) -> {to} ({}) via {via}", LAYERS[layer(from)].0, LAYERS[layer(to)].0))
        .collect();
    assert!(upward.is_empty(), "arrows against the layer order:\n{}", upward.join("\n"));
    assert!(arrows.len() > 50, "only {} arrows read: the reader is broken", arrows.len());
}

#[test]
fn no_circle_of_files() {
    let (_, arrows) = arrows();
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in arrows.keys() {
        next.entry(from).or_default().push(to);
    }
    // Depth-first search; a grey node met again closes a circle.
    fn visit<'a>(n: &'a str, next: &BTreeMap<&'a str, Vec<&'a str>>, state: &mut BTreeMap<&'a str, u8>, stack: &mut Vec<&'a str>, circles: &mut Vec<String>) {
        state.insert(n, 1);
        stack.push(n);
        for &m in next.get(n).map(Vec::as_slice).unwrap_or(&[]) {
            match state.get(m) {
                Some(1) => {
                    let from = stack.iter().position(|&s| s == m).unwrap();
                    circles.push(format!("{} -> {m}", stack[from..].join(" -> ")));
                }
                Some(_) => {}
                None => visit(m, next, state, stack, circles),
            }
        }
        stack.pop();
        state.insert(n, 2);
    }
    let (mut state, mut circles) = (BTreeMap::new(), Vec::new());
    for &n in next.keys() {
        if !state.contains_key(n) {
            visit(n, &next, &mut state, &mut Vec::new(), &mut circles);
        }
    }
    let via: Vec<String> = arrows.iter().map(|((a, b), v)| format!("  {a} -> {b}: {v}")).collect();
    assert!(circles.is_empty(), "circles of imports:\n{}\n\narrows:\n{}", circles.join("\n"), via.join("\n"));
}

/// Under test the crate also names itself `icp_validate` (`extern crate self`, for the tests of
/// internals moved from tests/), a path this reader does not follow: only those tests, at the
/// top of the house, may use it, so every other arrow stays visible here.
#[test]
fn only_the_tests_of_internals_name_the_crate() {
    let (files, _) = arrows();
    let named: Vec<String> = files.iter().filter(|f| f.module.first().map(String::as_str) != Some("internal_tests") && f.code.contains("icp_validate::")).map(|f| f.path.display().to_string()).collect();
    assert!(named.is_empty(), "files naming the crate by name instead of `crate::`: {named:?}");
    assert!(files.iter().any(|f| f.module.first().map(String::as_str) == Some("internal_tests") && f.code.contains("icp_validate::")), "the reader no longer sees the tests of internals");
}

#[test]
fn the_reader_sees_use_trees_inline_paths_and_children() {
    let paths = expand_use("crate::a::{b, c::{self, d as e}, *}");
    assert_eq!(paths, vec![vec!["crate", "a", "b"], vec!["crate", "a", "c"], vec!["crate", "a", "c", "d"], vec!["crate", "a", "*"]]);
    let code = code_only("let x = crate::m::f(); // crate::not::this\nlet s = \"crate::nor::this\"; let c = ':';");
    let roots: BTreeSet<String> = ["crate".to_owned()].into();
    assert_eq!(inline_paths(&code, &roots), vec![vec!["crate", "m", "f"]]);
    let code = without_test_modules("use crate::a;\n#[cfg(test)]\nmod tests {\n use crate::b; fn f() { if x {} }\n}\nuse crate::c;");
    assert_eq!(code, "use crate::a;\n\nuse crate::c;");
}
