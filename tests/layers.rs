//! The house runs one way. Every `crate::`, `super::` and `self::` path in src/ (in `use`
//! lines and inline), and every path through a child module a file declares, is read as an
//! arrow from its file to the file of the module it names. The test fails on an arrow that
//! runs up the declared layer order, on a circle of files, and on a module no layer claims.
//! There is no list of exemptions.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level modules by layer, bottom first. The crate root (src/lib.rs) is the facade.
const LAYERS: &[(&str, &[&str])] = &[
    ("vocabulary", &["case_table", "checksum", "context", "date", "input", "message", "outcome", "province_code", "rule"]),
    ("data", &["documents", "region"]),
    ("rules", &["attachment", "providers", "rules"]),
    ("registry", &["registry"]),
    ("filing", &["filing"]),
    ("facade", &["", "catalog", "docs", "wasm"]),
];

fn layer_of(module: &[String]) -> Option<usize> {
    let top = module.first().map(String::as_str).unwrap_or("");
    LAYERS.iter().position(|(_, mods)| mods.contains(&top))
}

/// Module path of a source file: src/a/b.rs and src/a/b/mod.rs are [a, b]; src/lib.rs is [].
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let last = parts.pop().unwrap();
    match last.as_str() {
        "lib.rs" | "mod.rs" => {}
        other => parts.push(other.trim_end_matches(".rs").to_owned()),
    }
    parts
}

/// Source text without comments and string literals (paths in them are not imports).
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if b[i] == b'r' && (b[i..].starts_with(b"r\"") || b[i..].starts_with(b"r#")) && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) {
            let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
            if b.get(i + 1 + hashes) != Some(&b'"') {
                out.push('r');
                i += 1;
                continue;
            }
            let close: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
            i += 2 + hashes;
            while i < b.len() && !b[i..].starts_with(&close) {
                i += 1;
            }
            i += close.len();
            out.push_str("\"\"");
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && i + 2 < b.len() && (b[i + 2] == b'\'' || b[i + 1] == b'\\') {
            // A char literal ('x', '\n', '\u{..}'); lifetimes have no closing quote nearby.
            let end = b[i + 1..].iter().position(|&c| c == b'\'').map_or(b.len(), |p| i + 2 + p);
            i = end;
            out.push_str("' '");
        } else {
            let ch = text[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// The code without `#[cfg(test)] mod name { ... }` blocks: unit tests may reach anywhere.
fn without_test_modules(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        let after = rest[at + 12..].trim_start();
        let is_inline_mod = after.starts_with("mod ") && after.find('{').is_some_and(|b| !after[..b].contains(';'));
        if !is_inline_mod {
            out.push_str(&rest[..at + 12]);
            rest = &rest[at + 12..];
            continue;
        }
        out.push_str(&rest[..at]);
        let open = rest.len() - after.len() + after.find('{').unwrap();
        let mut depth = 0;
        let mut end = rest.len();
        for (i, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The paths of a `use` tree: `a::{b, c::{d, *}}` -> a::b, a::c::d, a::c::*.
fn expand_use(tree: &str) -> Vec<Vec<String>> {
    fn split_top(s: &str) -> Vec<&str> {
        let (mut depth, mut start, mut parts) = (0, 0, Vec::new());
        for (i, c) in s.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(&s[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&s[start..]);
        parts.into_iter().map(str::trim).filter(|p| !p.is_empty()).collect()
    }
    let tree: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let tree = tree.trim().trim_start_matches("::");
    if let Some(open) = tree.find('{') {
        let prefix: Vec<String> = tree[..open].trim_end_matches("::").split("::").filter(|s| !s.is_empty()).map(|s| s.trim().to_owned()).collect();
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let mut out = Vec::new();
        for part in split_top(inner) {
            for rest in expand_use(part) {
                let rest: Vec<String> = if rest.first().map(String::as_str) == Some("self") { rest[1..].to_vec() } else { rest };
                out.push(prefix.iter().cloned().chain(rest).collect());
            }
        }
        out
    } else {
        let path = tree.split(" as ").next().unwrap_or("").trim();
        vec![path.split("::").map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()]
    }
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path that starts with one of `roots` outside `use` lines: `crate::a::b(...)`.
fn inline_paths(code: &str, roots: &BTreeSet<String>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = code.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let starts_word = is_ident(c) && (k == 0 || !(is_ident(chars[k - 1].1) || chars[k - 1].1 == ':'));
        if starts_word {
            let mut j = k;
            let mut segments = Vec::new();
            let mut seg_start = i;
            loop {
                while j < chars.len() && is_ident(chars[j].1) {
                    j += 1;
                }
                let seg_end = if j < chars.len() { chars[j].0 } else { code.len() };
                segments.push(code[seg_start..seg_end].to_owned());
                if code[seg_end..].starts_with("::") && code[seg_end + 2..].starts_with(is_ident) {
                    j += 2;
                    seg_start = chars[j].0;
                } else {
                    break;
                }
            }
            if segments.len() > 1 && roots.contains(&segments[0]) {
                out.push(segments);
            }
            k = j.max(k + 1);
        } else {
            k += 1;
        }
    }
    out
}

struct File {
    path: PathBuf,
    module: Vec<String>,
    code: String,
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
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
