//! A small validator for the subset of JSON Schema 2020-12 that schemars writes into
//! `docs/api.schema.json`, to check real outputs and inputs against it. Stricter than the
//! standard in one way: an object whose schema does not say `additionalProperties` is closed,
//! so every key serde writes must be described. A keyword it does not know is a panic, not
//! a pass: the schema cannot grow a rule this check silently ignores.

use serde_json::Value;

pub struct Schema {
    root: Value,
}

/// Keywords that only annotate.
const ANNOTATIONS: &[&str] = &["$schema", "title", "description", "default", "examples"];

impl Schema {
    pub fn new(root: Value) -> Schema {
        Schema { root }
    }

    /// The committed `docs/api.schema.json`.
    pub fn api() -> Schema {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/api.schema.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("docs/api.schema.json: {e}"));
        Schema::new(serde_json::from_str(&text).expect("docs/api.schema.json is JSON"))
    }

    pub fn defs(&self) -> &serde_json::Map<String, Value> {
        self.root["$defs"].as_object().expect("$defs")
    }

    /// What is wrong with `value` as an instance of `$defs/<name>`, one line per problem.
    pub fn problems(&self, name: &str, value: &Value) -> Vec<String> {
        let schema = self.defs().get(name).unwrap_or_else(|| panic!("no $defs/{name}"));
        let mut out = Vec::new();
        self.check(schema, value, "$", &mut out);
        out
    }

    /// Panics with the problems of `value` as a `name`, naming `what` it is.
    pub fn assert_valid(&self, name: &str, value: &Value, what: &str) {
        let problems = self.problems(name, value);
        assert!(problems.is_empty(), "{what} is not a valid {name}:\n{}\n{value}", problems.join("\n"));
    }

    /// Whether `value` is an instance of `schema` (a part of this schema).
    pub fn accepts(&self, schema: &Value, value: &Value) -> bool {
        self.passes(schema, value, "$")
    }

    fn resolve<'a>(&'a self, reference: &str) -> &'a Value {
        let name = reference.strip_prefix("#/$defs/").unwrap_or_else(|| panic!("unsupported $ref {reference}"));
        self.defs().get(name).unwrap_or_else(|| panic!("dangling $ref {reference}"))
    }

    fn check(&self, schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
        let schema = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => return out.push(format!("{at}: nothing is allowed here")),
            Value::Object(o) => o,
            other => panic!("{at}: a schema must be an object or a boolean, not {other}"),
        };
        let closed = !schema.contains_key("additionalProperties");
        for (keyword, arg) in schema {
            match keyword.as_str() {
                k if ANNOTATIONS.contains(&k) => {}
                "$ref" => self.check(self.resolve(arg.as_str().expect("$ref is a string")), value, at, out),
                "type" => {
                    let types: Vec<&str> = match arg {
                        Value::String(t) => vec![t.as_str()],
                        Value::Array(ts) => ts.iter().map(|t| t.as_str().expect("type name")).collect(),
                        other => panic!("{at}: bad type {other}"),
                    };
                    if !types.iter().any(|t| is_type(t, value)) {
                        out.push(format!("{at}: {} is not of type {}", brief(value), types.join(" | ")));
                    }
                }
                "enum" => {
                    if !arg.as_array().expect("enum is an array").contains(value) {
                        out.push(format!("{at}: {} is not one of {arg}", brief(value)));
                    }
                }
                "const" => {
                    if arg != value {
                        out.push(format!("{at}: {} is not {arg}", brief(value)));
                    }
                }
                "anyOf" | "oneOf" => {
                    let branches = arg.as_array().expect("a list of schemas");
                    let passing = branches.iter().filter(|b| self.passes(b, value, at)).count();
                    let ok = if keyword == "anyOf" { passing >= 1 } else { passing == 1 };
                    if !ok {
                        out.push(format!("{at}: {} matches {passing} of the {keyword} branches", brief(value)));
                    }
                }
                "properties" => {
                    if let Value::Object(obj) = value {
                        let props = arg.as_object().expect("properties is an object");
                        for (key, v) in obj {
                            match props.get(key) {
                                Some(s) => self.check(s, v, &format!("{at}.{key}"), out),
                                None if closed => out.push(format!("{at}: key {key:?} is not in the schema")),
                                None => {}
                            }
                        }
                    }
                }
                "required" => {
                    if let Value::Object(obj) = value {
                        for key in arg.as_array().expect("required is an array") {
                            let key = key.as_str().expect("required key");
                            if !obj.contains_key(key) {
                                out.push(format!("{at}: required key {key:?} is absent"));
                            }
                        }
                    }
                }
                "additionalProperties" => {
                    if let Value::Object(obj) = value {
                        let named = schema.get("properties").and_then(Value::as_object);
                        for (key, v) in obj {
                            if named.is_none_or(|p| !p.contains_key(key)) {
                                self.check(arg, v, &format!("{at}.{key}"), out);
                            }
                        }
                    }
                }
                "items" => {
                    if let Value::Array(items) = value {
                        for (i, v) in items.iter().enumerate() {
                            self.check(arg, v, &format!("{at}[{i}]"), out);
                        }
                    }
                }
                "minimum" => {
                    if let Some(n) = value.as_f64() {
                        if n < arg.as_f64().expect("minimum is a number") {
                            out.push(format!("{at}: {n} is below {arg}"));
                        }
                    }
                }
                "format" => {
                    let max = match arg.as_str().expect("format is a string") {
                        "uint" | "uint64" => u64::MAX,
                        "uint32" => u32::MAX as u64,
                        "uint16" => u16::MAX as u64,
                        "uint8" => u8::MAX as u64,
                        other => panic!("{at}: the validator does not know format {other:?}"),
                    };
                    if value.is_number() && value.as_u64().is_none_or(|n| n > max) {
                        out.push(format!("{at}: {value} is not an integer in 0..={max}"));
                    }
                }
                other => panic!("{at}: the validator does not know the keyword {other:?}"),
            }
        }
    }

    fn passes(&self, schema: &Value, value: &Value, at: &str) -> bool {
        let mut scratch = Vec::new();
        self.check(schema, value, at, &mut scratch);
        scratch.is_empty()
    }
}

fn is_type(t: &str, v: &Value) -> bool {
    match t {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "string" => v.is_string(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        "number" => v.is_number(),
        // serde_json keeps integers as integers; a float with no fraction is one in JSON too.
        "integer" => v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() == 0.0),
        other => panic!("the validator does not know the type {other:?}"),
    }
}

fn brief(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}
