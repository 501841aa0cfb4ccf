//! Reading Rust source as text, for the tests that hold the house to its plan
//! (tests/layers.rs: imports; src/internal_tests/codes.rs: code lists): comments and strings removed,
//! unit-test modules dropped, `use` trees expanded, paths found.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Module path of a source file: src/a/b.rs and src/a/b/mod.rs are [a, b]; src/lib.rs is [].
pub fn module_of(src: &Path, file: &Path) -> Vec<String> {
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
pub fn code_only(text: &str) -> String {
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
pub fn without_test_modules(code: &str) -> String {
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
pub fn expand_use(tree: &str) -> Vec<Vec<String>> {
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

pub fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path that starts with one of `roots` outside `use` lines: `crate::a::b(...)`.
pub fn inline_paths(code: &str, roots: &BTreeSet<String>) -> Vec<Vec<String>> {
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

pub fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

