//! Every field rule declares exactly the codes it can return. Read from the source, so the
//! check does not depend on which inputs the vectors happen to try: each rule's `check`
//! function is followed through every function, constant and static it names (in its own
//! module, through `use`, or by path), and the codes met on the way must be the codes its
//! `codes:` list declares (plus the shared input codes, which the registry's screening
//! reports before any rule runs). Rule tables (`RULES`) are declarations, not behaviour,
//! and are not followed; the `certificate` rule, which dispatches through the registry, is
//! checked against its targets at run time below.

use super::source;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use source::{code_only, expand_use, is_ident, module_of, rs_files, without_test_modules};

type Module = Vec<String>;
type ItemKey = (Module, String);

#[derive(Default)]
struct Items {
    /// Item bodies: functions, constants, statics.
    bodies: BTreeMap<ItemKey, String>,
    /// Code constants and their ids.
    code_ids: BTreeMap<ItemKey, String>,
    /// Per module: names brought in by `use` -> the path they stand for.
    imports: BTreeMap<Module, BTreeMap<String, Vec<String>>>,
    /// `Rule { ... }` literals: (module, id, codes expression, check path).
    rules: Vec<(Module, String, String, String)>,
}

/// The text from `open` (an opening brace) to its matching close.
fn braced(code: &str, open: usize) -> &str {
    let mut depth = 0;
    for (i, c) in code[open..].char_indices() {
        match c {
            '{' | '(' | '[' => depth += 1,
            '}' | ')' | ']' => {
                depth -= 1;
                if depth == 0 {
                    return &code[open..open + i + 1];
                }
            }
            _ => {}
        }
    }
    &code[open..]
}

fn words_after<'a>(code: &'a str, keyword: &str) -> Vec<(usize, &'a str)> {
    code.match_indices(keyword)
        // `&'static Code` is a lifetime, not a static item.
        .filter(|(i, _)| *i == 0 || !(code[..*i].ends_with(is_ident) || code[..*i].ends_with('\'')))
        .filter_map(|(i, _)| {
            let rest = &code[i + keyword.len()..];
            let name_len = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
            (name_len > 0).then(|| (i, &rest[..name_len]))
        })
        .collect()
}

fn read() -> Items {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    rs_files(&src.join("rules"), &mut paths);
    paths.push(src.join("registry/mod.rs"));
    paths.sort();
    let mut items = Items::default();
    for p in paths {
        let module = module_of(&src, &p);
        let code = without_test_modules(&code_only(&std::fs::read_to_string(&p).unwrap()));
        // Codes keep their id, which code_only blanked: read it from the raw text.
        let raw = std::fs::read_to_string(&p).unwrap();
        for (at, name) in words_after(&raw, "const ") {
            let decl = &raw[at..];
            if decl[6 + name.len()..].trim_start().starts_with(": Code =") {
                let id = decl.split("id: \"").nth(1).and_then(|s| s.split('"').next()).unwrap_or("").to_owned();
                items.code_ids.insert((module.clone(), name.to_owned()), id);
            }
        }
        for kw in ["fn ", "const ", "static "] {
            for (at, name) in words_after(&code, kw) {
                let rest = &code[at..];
                let body = if kw == "fn " {
                    match rest.find('{') {
                        Some(b) if !rest[..b].contains(';') => braced(rest, b),
                        _ => continue,
                    }
                } else {
                    let end = {
                        let mut depth = 0;
                        rest.char_indices().find(|&(_, c)| {
                            match c {
                                '{' | '(' | '[' => depth += 1,
                                '}' | ')' | ']' => depth -= 1,
                                _ => {}
                            }
                            c == ';' && depth == 0
                        })
                    };
                    &rest[..end.map_or(rest.len(), |(i, _)| i)]
                };
                items.bodies.insert((module.clone(), name.to_owned()), body.to_owned());
            }
        }
        let mut imports = BTreeMap::new();
        for (at, _) in code.match_indices("use ").filter(|(i, _)| *i == 0 || !code[..*i].ends_with(is_ident)) {
            let tree = &code[at + 4..at + 4 + code[at + 4..].find(';').unwrap_or(0)];
            for path in expand_use(tree) {
                let alias = tree.split(" as ").nth(1).filter(|_| path.len() > 1 && !tree.contains('{')).map(|a| a.trim().to_owned());
                if let Some(last) = alias.or_else(|| path.last().cloned()).filter(|l| l != "*") {
                    imports.insert(last, path);
                }
            }
        }
        items.imports.insert(module.clone(), imports);
        for (at, _) in code.match_indices("Rule {").filter(|(at, _)| !code[..*at].trim_end().ends_with("->")) {
            let lit = braced(&code, at + 5);
            let field = |name: &str| -> String {
                let Some(i) = lit.find(&format!("{name}:")) else {
                    // Shorthand `check,`: the field is a local name of the same spelling.
                    let short = lit.match_indices(name).any(|(i, _)| !lit[..i].ends_with(is_ident) && lit[i + name.len()..].trim_start().starts_with([',', '}']));
                    return if short { name.to_owned() } else { String::new() };
                };
                let v = &lit[i + name.len() + 1..];
                let mut depth = 0;
                let end = v.char_indices().find(|&(_, c)| {
                    match c {
                        '{' | '(' | '[' => depth += 1,
                        '}' | ')' | ']' => depth -= 1,
                        _ => {}
                    }
                    (c == ',' && depth == 0) || depth < 0
                });
                v[..end.map_or(v.len(), |(i, _)| i)].trim().to_owned()
            };
            let id = raw_rule_id(&raw, &field("check"));
            if !field("check").is_empty() && !field("check").contains("fn(") {
                items.rules.push((module.clone(), id, field("codes"), field("check")));
            }
        }
    }
    items
}

/// The rule id of the `Rule` literal whose check is `check` (ids are strings, blanked in the
/// code-only text).
fn raw_rule_id(raw: &str, check: &str) -> String {
    raw.match_indices("Rule {")
        .map(|(at, _)| braced(raw, at + 5))
        .find(|lit| lit.contains(&format!("check: {check},")) || lit.contains(&format!("check: {check}\n")) || (check == "check" && (lit.contains("check,") || lit.contains("check\n"))))
        .and_then(|lit| lit.split("id: \"").nth(1))
        .and_then(|s| s.split('"').next())
        .unwrap_or("?")
        .to_owned()
}

impl Items {
    /// The item a path names from `module`, if it is one of the items read.
    fn resolve(&self, module: &Module, path: &[String]) -> Option<ItemKey> {
        let name = path.last()?.clone();
        let mut base: Module = match path.first()?.as_str() {
            "crate" => Vec::new(),
            "super" | "self" => module.clone(),
            first if path.len() == 1 => {
                if self.bodies.contains_key(&(module.clone(), first.to_owned())) {
                    return Some((module.clone(), first.to_owned()));
                }
                let imported = self.imports.get(module)?.get(first)?.clone();
                return self.resolve(module, &imported);
            }
            first => match self.imports.get(module).and_then(|m| m.get(first)) {
                Some(imported) => {
                    let mut full = imported.clone();
                    full.extend(path[1..].iter().cloned());
                    return self.resolve(module, &full);
                }
                None => {
                    let mut child = module.clone();
                    child.push(first.to_owned());
                    return self.resolve(module, &std::iter::once("crate".to_owned()).chain(child).chain(path[1..].iter().cloned()).collect::<Vec<_>>());
                }
            },
        };
        let mut segs = &path[1..path.len() - 1];
        if path[0] == "super" {
            base.pop();
            while segs.first().map(String::as_str) == Some("super") {
                base.pop();
                segs = &segs[1..];
            }
        }
        base.extend(segs.iter().cloned());
        let key = (base, name);
        self.bodies.contains_key(&key).then_some(key)
    }

    /// Every path or name an item's body uses (method calls and field accesses aside).
    fn references(body: &str) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        let mut k = 0;
        while k < chars.len() {
            let (i, c) = chars[k];
            let prev = if k > 0 { chars[k - 1].1 } else { ' ' };
            if (c.is_alphabetic() || c == '_') && !is_ident(prev) && prev != '.' && prev != ':' && prev != '\'' {
                let mut path = Vec::new();
                let mut j = i;
                loop {
                    let len = body[j..].find(|ch: char| !is_ident(ch)).unwrap_or(body.len() - j);
                    path.push(body[j..j + len].to_owned());
                    j += len;
                    if body[j..].starts_with("::") && body[j + 2..].starts_with(|ch: char| ch.is_alphabetic() || ch == '_') {
                        j += 2;
                    } else {
                        break;
                    }
                }
                while k < chars.len() && chars[k].0 < j {
                    k += 1;
                }
                out.push(path);
            } else {
                k += 1;
            }
        }
        out
    }

    /// Codes reachable from an item, following what it names (rule tables excepted).
    fn reachable(&self, start: ItemKey) -> BTreeSet<String> {
        let (mut seen, mut todo, mut codes) = (BTreeSet::new(), vec![start], BTreeSet::new());
        while let Some(key) = todo.pop() {
            if !seen.insert(key.clone()) {
                continue;
            }
            if let Some(id) = self.code_ids.get(&key) {
                codes.insert(id.clone());
                continue;
            }
            if key.1 == "RULES" {
                continue;
            }
            let Some(body) = self.bodies.get(&key) else { continue };
            for path in Self::references(body) {
                if let Some(next) = self.resolve(&key.0, &path) {
                    todo.push(next);
                }
            }
        }
        codes
    }
}

#[test]
fn every_rule_declares_exactly_the_codes_its_check_can_return() {
    let items = read();
    let input: BTreeSet<String> = icp_validate::input::CODES.iter().map(|c| c.id.to_owned()).collect();
    let registered: BTreeSet<&str> = icp_validate::registry::rules().map(|r| r.id).collect();
    let mut read_ids = BTreeSet::new();
    let mut problems = Vec::new();
    for (module, id, codes_expr, check) in &items.rules {
        read_ids.insert(id.clone());
        let check_path: Vec<String> = check.split("::").map(str::to_owned).collect();
        let Some(check_key) = items.resolve(module, &check_path) else {
            problems.push(format!("{id} ({}): its check `{check}` is not a function the reader finds", module.join("::")));
            continue;
        };
        let mut declared = BTreeSet::new();
        let codes_body = format!("x = {codes_expr};");
        for path in Items::references(&codes_body) {
            if let Some(key) = items.resolve(module, &path) {
                declared.extend(items.reachable(key));
            }
        }
        let can_return: BTreeSet<String> = items.reachable(check_key).difference(&input).cloned().collect();
        let undeclared: Vec<&String> = can_return.difference(&declared).collect();
        let never: Vec<&String> = declared.difference(&can_return).filter(|c| !input.contains(*c)).collect();
        if id != "certificate" && !undeclared.is_empty() {
            problems.push(format!("{id} can return but does not declare {undeclared:?}"));
        }
        if id != "certificate" && !never.is_empty() {
            problems.push(format!("{id} declares but can never return {never:?}"));
        }
    }
    let unread: Vec<&&str> = registered.iter().filter(|id| !read_ids.contains(**id)).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(unread.is_empty(), "rules the reader did not find as `Rule {{ .. }}` literals: {unread:?}");
}

/// `certificate` runs the rule of the certificate type it is given: it declares every code
/// of every rule a type can name.
#[test]
fn the_certificate_rule_declares_its_targets_codes() {
    let dispatcher = icp_validate::registry::find("certificate").unwrap();
    let declared: BTreeSet<&str> = dispatcher.codes.iter().map(|c| c.id).collect();
    for (name, field) in icp_validate::rules::certificates::CERTIFICATE_TYPES {
        let target = icp_validate::registry::find(field).unwrap_or_else(|| panic!("{name} -> {field} is no rule"));
        for c in target.codes.iter().filter(|c| !icp_validate::input::CODES.iter().any(|i| i.id == c.id)) {
            assert!(declared.contains(c.id), "certificate does not declare {} of {field} ({name})", c.id);
        }
    }
}

#[test]
fn the_reader_follows_names_uses_and_paths() {
    let refs = Items::references("fn f() { out.error(&LENGTH); super::uscc::check(v); x.check(); let a = 'b'; }");
    let refs: Vec<String> = refs.into_iter().map(|p| p.join("::")).collect();
    assert!(refs.contains(&"LENGTH".to_owned()) && refs.contains(&"super::uscc::check".to_owned()));
    assert!(!refs.contains(&"check".to_owned()), "a method call is not a reference: {refs:?}");
}
