//! The public API, snapshotted: every public path of the library with its signature, read
//! from rustdoc's JSON output, must equal `tests/public-api.txt`, so a change to the API (an
//! item added, removed or changed, a derived trait dropped) shows as a diff in review.
//! `UPDATE_PUBLIC_API=1 cargo test --test public_api` rewrites the file after a deliberate
//! change. Items under `#[doc(hidden)]` (`__shell`, semver-exempt, for the workspace's own
//! shells and tools) are listed in a section of their own, so they are visible too.
//!
//! rustdoc's JSON output is unstable on a stable toolchain; `RUSTC_BOOTSTRAP=1` enables it
//! for this one rustdoc run (the same switch tools/fuzz.sh uses), in a target directory of
//! its own so it never waits on the build running this test.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const SNAPSHOT: &str = "tests/public-api.txt";

/// Traits a derive implements for the compiler's own use, not the API's.
const COMPILER_MARKERS: &[&str] = &["StructuralPartialEq", "TrivialClone"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// rustdoc's JSON of the library with default features, hidden items included.
fn rustdoc_json() -> Value {
    let target = root().join("target/public-api");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .current_dir(root())
        .env("RUSTC_BOOTSTRAP", "1")
        .env_remove("RUSTDOCFLAGS")
        .args(["rustdoc", "--quiet", "--lib", "-p", "icp-validate", "--target-dir"])
        .arg(&target)
        .args(["--", "-Z", "unstable-options", "--output-format", "json", "--document-hidden-items"])
        .output()
        .expect("cargo runs");
    assert!(out.status.success(), "cargo rustdoc failed:\n{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(target.join("doc/icp_validate.json")).expect("rustdoc wrote its JSON");
    serde_json::from_str(&text).expect("rustdoc JSON")
}

struct Api<'a> {
    doc: &'a Value,
    /// Lines by (path, line): an item and its parts stay together.
    public: BTreeSet<(String, String)>,
    hidden: BTreeSet<(String, String)>,
}

impl<'a> Api<'a> {
    fn item(&self, id: &Value) -> Option<&'a Value> {
        self.doc["index"].get(id_key(id))
    }

    /// Whether a type is this crate's (named by its last segment, as the facade exports it)
    /// or another crate's (named as written).
    fn is_local(&self, id: &Value) -> bool {
        self.doc["paths"].get(id_key(id)).map_or(self.item(id).is_some(), |p| p["crate_id"] == 0)
    }

    fn add(&mut self, hidden: bool, line: String) {
        let at = line.find("icp_validate::").unwrap_or(0);
        let path: String = line[at..].chars().take_while(|c| c.is_alphanumeric() || matches!(c, '_' | ':' | '.')).collect();
        // Trait impls after the item's own parts.
        let key = if line.starts_with("impl ") { format!("{path}\u{1}") } else { path };
        if hidden { &mut self.hidden } else { &mut self.public }.insert((key, line));
    }

    /// Lists `module`'s public items under `path`, following re-exports to their items.
    fn module(&mut self, module: &Value, path: &str, hidden: bool, seen: &mut Vec<String>) {
        let items = module["inner"]["module"]["items"].as_array().cloned().unwrap_or_default();
        for id in &items {
            let Some(item) = self.item(id) else { continue };
            if item["visibility"] != "public" {
                continue;
            }
            let hidden = hidden || is_hidden(item);
            if let Some(u) = item["inner"].get("use") {
                let target = u["id"].clone();
                match self.item(&target) {
                    Some(t) if u["is_glob"] == true => {
                        if t["inner"].get("module").is_some() {
                            self.module(t, path, hidden, seen)
                        } else {
                            // A glob over an enum's variants.
                            self.add(hidden, format!("pub use {path}::{}::*", u["source"].as_str().unwrap_or("?")));
                        }
                    }
                    Some(t) => {
                        let name = u["name"].as_str().unwrap_or("?");
                        self.named(t, &join(path, name), hidden, seen)
                    }
                    None => self.add(hidden, format!("pub use {} as {}", u["source"].as_str().unwrap_or("?"), join(path, u["name"].as_str().unwrap_or("?")))),
                }
            } else {
                let name = item["name"].as_str().unwrap_or("?");
                self.named(item, &join(path, name), hidden, seen)
            }
        }
    }

    /// One item at its public path, with its parts (fields, variants, methods, impls).
    fn named(&mut self, item: &Value, path: &str, hidden: bool, seen: &mut Vec<String>) {
        let hidden = hidden || is_hidden(item);
        let inner = &item["inner"];
        let (kind, body) = inner.as_object().and_then(|o| o.iter().next()).map(|(k, v)| (k.as_str(), v)).unwrap_or(("?", &Value::Null));
        match kind {
            "module" => {
                // A module re-exported twice is listed under each path, once each.
                let key = format!("{path}#{}", item["id"]);
                if seen.contains(&key) {
                    return;
                }
                seen.push(key);
                self.add(hidden, format!("pub mod {path}"));
                self.module(item, path, hidden, seen);
            }
            "function" => {
                let line = format!("pub {}", self.function(body, path));
                self.add(hidden, line)
            }
            "constant" => {
                let line = format!("pub const {path}: {}", self.ty(&body["type"]));
                self.add(hidden, line)
            }
            "static" => {
                let line = format!("pub static {}{path}: {}", if body["is_mutable"] == true { "mut " } else { "" }, self.ty(&body["type"]));
                self.add(hidden, line)
            }
            "type_alias" => {
                let line = format!("pub type {path}{} = {}", self.generics(&body["generics"]), self.ty(&body["type"]));
                self.add(hidden, line)
            }
            "struct" => {
                let generics = self.generics(&body["generics"]);
                let shape = &body["kind"];
                if let Some(fields) = shape.get("plain") {
                    self.add(hidden, format!("pub struct {path}{generics}{}", if fields["has_stripped_fields"] == true { " (some fields private)" } else { "" }));
                    for f in fields["fields"].as_array().into_iter().flatten() {
                        self.field(f, path, hidden);
                    }
                } else if let Some(fields) = shape.get("tuple") {
                    let shown: Vec<String> = fields.as_array().into_iter().flatten().map(|f| match self.item(f) {
                        Some(f) => format!("pub {}", self.ty(&f["inner"]["struct_field"])),
                        None => "_".to_owned(),
                    }).collect();
                    self.add(hidden, format!("pub struct {path}{generics}({})", shown.join(", ")));
                } else {
                    self.add(hidden, format!("pub struct {path}{generics}"));
                }
                self.impls(body, path, hidden);
            }
            "enum" => {
                self.add(hidden, format!("pub enum {path}{}{}", self.generics(&body["generics"]), if body["has_stripped_variants"] == true { " (some variants hidden)" } else { "" }));
                for v in body["variants"].as_array().into_iter().flatten() {
                    let Some(v) = self.item(v) else { continue };
                    let name = format!("{path}::{}", v["name"].as_str().unwrap_or("?"));
                    let vkind = &v["inner"]["variant"]["kind"];
                    if let Some(fields) = vkind.get("tuple") {
                        let shown: Vec<String> = fields.as_array().into_iter().flatten().map(|f| self.item(f).map_or("_".to_owned(), |f| self.ty(&f["inner"]["struct_field"]))).collect();
                        self.add(hidden, format!("{name}({})", shown.join(", ")));
                    } else if let Some(fields) = vkind.get("struct") {
                        self.add(hidden, format!("{name} {{ .. }}"));
                        for f in fields["fields"].as_array().into_iter().flatten() {
                            self.field(f, &name, hidden);
                        }
                    } else {
                        self.add(hidden, name);
                    }
                }
                self.impls(body, path, hidden);
            }
            "trait" => {
                self.add(hidden, format!("pub trait {path}{}", self.generics(&body["generics"])));
                for m in body["items"].as_array().into_iter().flatten() {
                    let Some(m) = self.item(m) else { continue };
                    let name = format!("{path}::{}", m["name"].as_str().unwrap_or("?"));
                    if let Some(f) = m["inner"].get("function") {
                        let line = self.function(f, &name);
                        self.add(hidden, line);
                    }
                }
            }
            other => self.add(hidden, format!("pub {other} {path}")),
        }
    }

    fn field(&mut self, id: &Value, owner: &str, hidden: bool) {
        let Some(f) = self.item(id) else { return };
        let line = format!("pub {owner}.{}: {}", f["name"].as_str().unwrap_or("?"), self.ty(&f["inner"]["struct_field"]));
        self.add(hidden || is_hidden(f), line);
    }

    /// The inherent methods and constants, and the traits implemented (derived or written;
    /// auto traits and blanket impls are left out: they follow from the fields).
    fn impls(&mut self, body: &Value, path: &str, hidden: bool) {
        for id in body["impls"].as_array().into_iter().flatten() {
            let Some(imp) = self.item(id) else { continue };
            let i = &imp["inner"]["impl"];
            if i["is_synthetic"] == true || !i["blanket_impl"].is_null() {
                continue;
            }
            if let Some(t) = i.get("trait").filter(|t| !t.is_null()) {
                // Marker traits the compiler adds with a derive, named as the toolchain likes.
                if COMPILER_MARKERS.contains(&t["path"].as_str().unwrap_or("")) {
                    continue;
                }
                let line = format!("impl {}{} for {path}", if i["is_negative"] == true { "!" } else { "" }, self.path(t));
                self.add(hidden, line);
                continue;
            }
            for m in i["items"].as_array().into_iter().flatten() {
                let Some(m) = self.item(m) else { continue };
                if m["visibility"] != "public" {
                    continue;
                }
                let name = format!("{path}::{}", m["name"].as_str().unwrap_or("?"));
                let line = match m["inner"].as_object().and_then(|o| o.iter().next()) {
                    Some((k, f)) if k == "function" => format!("pub {}", self.function(f, &name)),
                    Some((k, c)) if k == "assoc_const" || k == "constant" => format!("pub const {name}: {}", self.ty(&c["type"])),
                    Some((k, _)) => format!("pub {k} {name}"),
                    None => continue,
                };
                self.add(hidden || is_hidden(m), line);
            }
        }
    }

    fn function(&self, f: &Value, name: &str) -> String {
        let sig = &f["sig"];
        let header = &f["header"];
        let mut s = String::new();
        for (flag, word) in [("is_const", "const "), ("is_async", "async "), ("is_unsafe", "unsafe ")] {
            if header[flag] == true {
                s.push_str(word);
            }
        }
        if let Some(abi) = header["abi"].as_object().and_then(|o| o.keys().next()) {
            s.push_str(&format!("extern \"{abi}\" "));
        }
        let inputs: Vec<String> = sig["inputs"].as_array().into_iter().flatten().map(|p| {
            let (n, t) = (p[0].as_str().unwrap_or("_"), &p[1]);
            if n == "self" { self.self_param(t) } else { format!("{n}: {}", self.ty(t)) }
        }).collect();
        s.push_str(&format!("fn {name}{}({})", self.generics(&f["generics"]), inputs.join(", ")));
        if !sig["output"].is_null() {
            s.push_str(&format!(" -> {}", self.ty(&sig["output"])));
        }
        s.push_str(&self.where_clause(&f["generics"]));
        s
    }

    fn self_param(&self, t: &Value) -> String {
        match t.get("borrowed_ref") {
            Some(r) if r["type"]["generic"] == "Self" => format!("&{}{}self", lifetime(&r["lifetime"]), if r["is_mutable"] == true { "mut " } else { "" }),
            _ if t["generic"] == "Self" => "self".to_owned(),
            _ => format!("self: {}", self.ty(t)),
        }
    }

    fn generics(&self, g: &Value) -> String {
        let params: Vec<String> = g["params"].as_array().into_iter().flatten().filter_map(|p| {
            let name = p["name"].as_str().unwrap_or("?");
            let kind = &p["kind"];
            if let Some(t) = kind.get("type") {
                if t["is_synthetic"] == true {
                    return None;
                }
                let bounds = self.bounds(&t["bounds"]);
                Some(if bounds.is_empty() { name.to_owned() } else { format!("{name}: {bounds}") })
            } else if kind.get("lifetime").is_some() {
                Some(name.to_owned())
            } else if let Some(c) = kind.get("const") {
                Some(format!("const {name}: {}", self.ty(&c["type"])))
            } else {
                Some(name.to_owned())
            }
        }).collect();
        if params.is_empty() { String::new() } else { format!("<{}>", params.join(", ")) }
    }

    fn where_clause(&self, g: &Value) -> String {
        let preds: Vec<String> = g["where_predicates"].as_array().into_iter().flatten().filter_map(|p| {
            let b = p.get("bound_predicate")?;
            Some(format!("{}: {}", self.ty(&b["type"]), self.bounds(&b["bounds"])))
        }).collect();
        if preds.is_empty() { String::new() } else { format!(" where {}", preds.join(", ")) }
    }

    fn bounds(&self, bounds: &Value) -> String {
        let shown: Vec<String> = bounds.as_array().into_iter().flatten().map(|b| {
            if let Some(t) = b.get("trait_bound") {
                format!("{}{}", if t["modifier"] == "maybe" { "?" } else { "" }, self.path(&t["trait"]))
            } else if let Some(l) = b.get("outlives") {
                l.as_str().unwrap_or("'?").to_owned()
            } else {
                "use<..>".to_owned()
            }
        }).collect();
        shown.join(" + ")
    }

    /// A path as the facade names it: this crate's types by their own name, others' as written.
    fn path(&self, p: &Value) -> String {
        let written = p["path"].as_str().unwrap_or("?");
        let name = if self.is_local(&p["id"]) { written.rsplit("::").next().unwrap_or(written) } else { written };
        format!("{name}{}", self.args(&p["args"]))
    }

    fn args(&self, a: &Value) -> String {
        if let Some(ab) = a.get("angle_bracketed") {
            let mut shown: Vec<String> = ab["args"].as_array().into_iter().flatten().map(|arg| {
                if let Some(t) = arg.get("type") {
                    self.ty(t)
                } else if let Some(l) = arg.get("lifetime") {
                    l.as_str().unwrap_or("'?").to_owned()
                } else if let Some(c) = arg.get("const") {
                    c["expr"].as_str().unwrap_or("_").to_owned()
                } else {
                    "_".to_owned()
                }
            }).collect();
            for c in ab["constraints"].as_array().into_iter().flatten() {
                let binding = &c["binding"];
                if let Some(t) = binding.get("equality").and_then(|e| e.get("type")) {
                    shown.push(format!("{} = {}", c["name"].as_str().unwrap_or("?"), self.ty(t)));
                } else {
                    shown.push(format!("{}: {}", c["name"].as_str().unwrap_or("?"), self.bounds(&binding["constraint"])));
                }
            }
            if shown.is_empty() { String::new() } else { format!("<{}>", shown.join(", ")) }
        } else if let Some(p) = a.get("parenthesized") {
            let inputs: Vec<String> = p["inputs"].as_array().into_iter().flatten().map(|t| self.ty(t)).collect();
            let output = if p["output"].is_null() { String::new() } else { format!(" -> {}", self.ty(&p["output"])) };
            format!("({}){output}", inputs.join(", "))
        } else {
            String::new()
        }
    }

    fn ty(&self, t: &Value) -> String {
        let Some((kind, v)) = t.as_object().and_then(|o| o.iter().next()) else {
            return t.as_str().map_or_else(|| "?".to_owned(), |s| if s == "infer" { "_".to_owned() } else { s.to_owned() });
        };
        match kind.as_str() {
            "resolved_path" => self.path(v),
            "generic" | "primitive" => v.as_str().unwrap_or("?").to_owned(),
            "borrowed_ref" => format!("&{}{}{}", lifetime(&v["lifetime"]), if v["is_mutable"] == true { "mut " } else { "" }, self.ty(&v["type"])),
            "raw_pointer" => format!("*{} {}", if v["is_mutable"] == true { "mut" } else { "const" }, self.ty(&v["type"])),
            "slice" => format!("[{}]", self.ty(v)),
            "array" => format!("[{}; {}]", self.ty(&v["type"]), v["len"].as_str().unwrap_or("_")),
            "tuple" => {
                let parts: Vec<String> = v.as_array().into_iter().flatten().map(|t| self.ty(t)).collect();
                if parts.len() == 1 { format!("({},)", parts[0]) } else { format!("({})", parts.join(", ")) }
            }
            "impl_trait" => format!("impl {}", self.bounds(v)),
            "dyn_trait" => {
                let traits: Vec<String> = v["traits"].as_array().into_iter().flatten().map(|p| self.path(&p["trait"])).collect();
                let life = v["lifetime"].as_str().map(|l| format!(" + {l}")).unwrap_or_default();
                format!("dyn {}{life}", traits.join(" + "))
            }
            "qualified_path" => {
                let trait_ = if v["trait"].is_null() { String::new() } else { format!(" as {}", self.path(&v["trait"])) };
                format!("<{}{trait_}>::{}", self.ty(&v["self_type"]), v["name"].as_str().unwrap_or("?"))
            }
            "function_pointer" => {
                let sig = &v["sig"];
                let inputs: Vec<String> = sig["inputs"].as_array().into_iter().flatten().map(|p| self.ty(&p[1])).collect();
                let output = if sig["output"].is_null() { String::new() } else { format!(" -> {}", self.ty(&sig["output"])) };
                format!("fn({}){output}", inputs.join(", "))
            }
            other => format!("<{other}>"),
        }
    }
}

fn id_key(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn lifetime(l: &Value) -> String {
    l.as_str().map(|l| format!("{l} ")).unwrap_or_default()
}

fn join(path: &str, name: &str) -> String {
    format!("{path}::{name}")
}

fn is_hidden(item: &Value) -> bool {
    item["attrs"].as_array().into_iter().flatten().any(|a| a.to_string().replace(' ', "").contains("doc(hidden)"))
}

/// The snapshot text: the public API, then the hidden items.
fn render(doc: &Value) -> String {
    let mut api = Api { doc, public: BTreeSet::new(), hidden: BTreeSet::new() };
    let root = api.item(&doc["root"]).expect("the crate root").clone();
    api.module(&root, "icp_validate", false, &mut Vec::new());
    let mut text = String::from("# The public API of icp_validate (default features), one item or part per line.\n# Generated by tests/public_api.rs from rustdoc's JSON; `UPDATE_PUBLIC_API=1 cargo test --test public_api` rewrites it.\n\n");
    for (_, line) in &api.public {
        text.push_str(line);
        text.push('\n');
    }
    text.push_str("\n# Hidden (#[doc(hidden)], semver-exempt: for the shells and tools in this workspace only)\n\n");
    for (_, line) in &api.hidden {
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// The lines only in `old` (`-`) and only in `new` (`+`), in order: the API lines are sorted
/// by path, so this is the change a reader needs.
fn diff(old: &str, new: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let (sa, sb): (BTreeSet<&str>, BTreeSet<&str>) = (a.iter().copied().collect(), b.iter().copied().collect());
    let mut out = String::new();
    for l in a.iter().filter(|l| !sb.contains(*l)) {
        out.push_str(&format!("- {l}\n"));
    }
    for l in b.iter().filter(|l| !sa.contains(*l)) {
        out.push_str(&format!("+ {l}\n"));
    }
    if out.is_empty() {
        out.push_str("(the same lines in another order)\n");
    }
    out
}

#[test]
fn public_api_matches_the_snapshot() {
    let doc = rustdoc_json();
    let current = render(&doc);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SNAPSHOT);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed == current {
        return;
    }
    if std::env::var_os("UPDATE_PUBLIC_API").is_some() {
        std::fs::write(&path, &current).unwrap();
        return;
    }
    panic!("the public API changed ({SNAPSHOT} is the committed one):\n{}\nIf the change is deliberate: UPDATE_PUBLIC_API=1 cargo test --test public_api, and commit {SNAPSHOT}.", diff(&committed, &current));
}

/// The renderer reads rustdoc's JSON as this toolchain writes it: the facade's entry points
/// come out with their signatures, so an empty or garbled snapshot cannot pass for a current one.
#[test]
fn the_snapshot_names_the_facade_with_signatures() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SNAPSHOT)).unwrap();
    for line in [
        "pub fn icp_validate::validate_field(field: &str, value: &str, ctx: &Context, locale: Locale) -> FieldResult",
        "pub fn icp_validate::is_valid(field: &str, value: &str, ctx: &Context) -> bool",
        "pub icp_validate::Context.provider: Option<Provider>",
        "impl FromStr for icp_validate::Provider",
    ] {
        assert!(text.lines().any(|l| l == line), "{SNAPSHOT} lacks {line:?}");
    }
    let (public, hidden) = text.split_once("# Hidden").unwrap();
    assert!(!public.contains("__shell") && hidden.contains("pub mod icp_validate::__shell"));
}
