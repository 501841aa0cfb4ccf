//! The npm package's TypeScript types (`pkg-templates/types.d.ts`) are generated from the
//! JSON Schema of the API (`icp_validate::catalog::api_schema_json`, committed as
//! docs/api.schema.json), so they follow the Rust types. The test fails when the committed
//! file is stale; `UPDATE_DOCS=1 cargo test --test typescript` rewrites it. The converter
//! knows the subset of JSON Schema schemars writes and panics on anything else.

use serde_json::{Map, Value};

const OUT: &str = "pkg-templates/types.d.ts";

#[test]
fn typescript_types_are_current() {
    let schema: Value = serde_json::from_str(&icp_validate::catalog::api_schema_json()).unwrap();
    let generated = declarations(&schema);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(OUT);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        } else {
            panic!("{OUT} is stale: run `UPDATE_DOCS=1 cargo test --test typescript`");
        }
    }
}

#[test]
fn converter_output() {
    let schema = serde_json::json!({ "$defs": {
        "A": { "description": "An A.", "type": "object", "additionalProperties": false,
               "properties": { "b": { "type": ["string", "null"] }, "c": { "type": "array", "items": { "$ref": "#/$defs/E" } },
                               "d": { "type": "object", "additionalProperties": { "type": "integer" }, "description": "Ds. */" } },
               "required": ["b"] },
        "E": { "oneOf": [{ "type": "string", "enum": ["x", "y"] }, { "const": "z", "type": "string" }] },
        "O": { "type": "object", "additionalProperties": true, "properties": { "k": { "type": "boolean" } } },
        "V": { "anyOf": [{ "type": "boolean" }, { "type": "array", "items": { "$ref": "#/$defs/V" } }] }
    }});
    let ts = declarations(&schema);
    let body = &ts[ts.find("/** An A. */").expect("description")..];
    assert_eq!(
        body,
        "/** An A. */\nexport interface A {\n  b: string | null;\n  c?: E[];\n  /** Ds. *\\/ */\n  d?: Record<string, number>;\n}\n\n\
         export type E = \"x\" | \"y\" | \"z\";\n\n\
         export interface O {\n  k?: boolean;\n  [key: string]: unknown;\n}\n\n\
         export type V = boolean | V[];\n"
    );
    let bad = serde_json::json!({ "$defs": { "X": { "type": "string", "pattern": "^a" } } });
    assert!(std::panic::catch_unwind(|| declarations(&bad)).is_err(), "an unknown keyword must not pass silently");
}

/// Keywords that only annotate, or constrain values beyond what a type says.
const IGNORED: &[&str] = &["description", "title", "default", "examples", "format", "minimum"];

fn declarations(schema: &Value) -> String {
    let mut ts = String::from(
        "// Generated from docs/api.schema.json (the Rust types) by tests/typescript.rs; do not edit.\n\
         // Regenerate with `UPDATE_DOCS=1 cargo test --test catalog --test typescript`.\n",
    );
    let defs = schema["$defs"].as_object().expect("$defs");
    for (name, def) in defs {
        ts.push('\n');
        ts.push_str(&doc(def, ""));
        let props = def.get("properties").and_then(Value::as_object);
        match props {
            Some(props) => {
                check_keywords(name, def, &["type", "properties", "required", "additionalProperties"]);
                assert_eq!(def["type"], "object", "{name}");
                ts.push_str(&format!("export interface {name} {{\n{}}}\n", members(name, def, props)));
            }
            None => ts.push_str(&format!("export type {name} = {};\n", type_of(def, name))),
        }
    }
    ts
}

fn members(name: &str, def: &Value, props: &Map<String, Value>) -> String {
    let required: Vec<&str> = def.get("required").and_then(Value::as_array).map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let mut out = String::new();
    for (key, prop) in props {
        let optional = if required.contains(&key.as_str()) { "" } else { "?" };
        out.push_str(&doc(prop, "  "));
        out.push_str(&format!("  {}{optional}: {};\n", property_name(key), type_of(prop, &format!("{name}.{key}"))));
    }
    match def.get("additionalProperties") {
        None | Some(Value::Bool(false)) => {}
        Some(Value::Bool(true)) => out.push_str("  [key: string]: unknown;\n"),
        Some(other) => panic!("{name}: additionalProperties {other} next to properties"),
    }
    out
}

fn property_name(key: &str) -> String {
    let plain = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_') && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain { key.to_owned() } else { Value::from(key).to_string() }
}

fn check_keywords(at: &str, schema: &Value, known: &[&str]) {
    for key in schema.as_object().expect("a schema object").keys() {
        assert!(known.contains(&key.as_str()) || IGNORED.contains(&key.as_str()), "{at}: the converter does not know the keyword {key:?}");
    }
}

/// The TypeScript type of a schema.
fn type_of(schema: &Value, at: &str) -> String {
    if let Some(reference) = schema.get("$ref") {
        check_keywords(at, schema, &["$ref"]);
        return reference.as_str().and_then(|r| r.strip_prefix("#/$defs/")).unwrap_or_else(|| panic!("{at}: unsupported $ref")).to_owned();
    }
    if let Some(value) = schema.get("const") {
        check_keywords(at, schema, &["const", "type"]);
        return value.to_string();
    }
    if let Some(values) = schema.get("enum") {
        check_keywords(at, schema, &["enum", "type"]);
        return union(values.as_array().expect("enum").iter().map(Value::to_string));
    }
    if let Some(branches) = schema.get("anyOf").or_else(|| schema.get("oneOf")) {
        check_keywords(at, schema, &["anyOf", "oneOf"]);
        return union(branches.as_array().expect("branches").iter().map(|b| type_of(b, at)));
    }
    check_keywords(at, schema, &["type", "items", "additionalProperties"]);
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().map(|t| t.as_str().expect("type name")).collect(),
        other => panic!("{at}: no type in {other}"),
    };
    union(types.into_iter().map(|t| match t {
        "string" => "string".to_owned(),
        "integer" | "number" => "number".to_owned(),
        "boolean" => "boolean".to_owned(),
        "null" => "null".to_owned(),
        "array" => {
            let item = type_of(schema.get("items").unwrap_or_else(|| panic!("{at}: array without items")), at);
            if item.contains(' ') { format!("({item})[]") } else { format!("{item}[]") }
        }
        "object" => match schema.get("additionalProperties") {
            Some(values) if values.is_object() => format!("Record<string, {}>", type_of(values, at)),
            _ => panic!("{at}: an inline object type"),
        },
        other => panic!("{at}: unknown type {other}"),
    }))
}

/// Members joined with `|`, each once, in order.
fn union(parts: impl Iterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for part in parts {
        if !seen.contains(&part) {
            seen.push(part);
        }
    }
    seen.join(" | ")
}

/// The schema's description as a doc comment.
fn doc(schema: &Value, indent: &str) -> String {
    let Some(text) = schema.get("description").and_then(Value::as_str) else { return String::new() };
    let text = text.replace("*/", "*\\/");
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() == 1 {
        return format!("{indent}/** {} */\n", lines[0]);
    }
    let mut out = format!("{indent}/**\n");
    for line in lines {
        out.push_str(&format!("{indent} *{}{line}\n", if line.is_empty() { "" } else { " " }));
    }
    out.push_str(&format!("{indent} */\n"));
    out
}
