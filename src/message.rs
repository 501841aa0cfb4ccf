//! Stable error codes and their zh-CN / en message templates.
//!
//! Every code a rule can emit is a `Code` constant that carries both messages, so a code
//! without a message in either locale cannot be written; `tests/catalog.rs` checks that
//! no template is empty and that placeholders match the params rules attach.

use serde::{Deserialize, Serialize};

/// Message language, chosen per call. zh-CN is the default: the filing forms are Chinese.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
}

impl Locale {
    /// Accepts BCP 47-ish tags as browsers report them: `zh`, `zh-CN`, `zh-Hans`, `en`, `en-US`...
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Locale::ZhCn),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The text of this locale out of a zh-CN / en pair.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Locale::ZhCn => zh,
            Locale::En => en,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }
}

/// How much a finding matters. Warnings never make a value invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A stable error code with its message templates. Placeholders are `{name}`, filled from
/// the finding's params.
#[derive(Debug)]
pub struct Code {
    /// Dotted id, e.g. `resident_id.checksum`. Never renamed once released.
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

impl Code {
    pub fn template(&self, locale: Locale) -> &'static str {
        locale.pick(self.zh, self.en)
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// A parameter or detail value: text, integer or flag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    Int(i64),
    Str(String),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Str(s) => f.write_str(s),
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Str(s.to_owned())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Str(s)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}
macro_rules! value_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(i: $t) -> Self {
                Value::Int(i64::try_from(i).unwrap_or(i64::MAX))
            }
        }
    )*};
}
value_from_int!(i32, i64, u8, u16, u32, u64, usize);

/// Fills `{name}` placeholders. Unknown placeholders stay as written, so a missing param
/// shows up in tests instead of silently vanishing.
pub fn render(template: &str, params: &[(&'static str, Value)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match params.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(&v.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Placeholder names used in a template, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                names.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_known_and_keeps_unknown_placeholders() {
        let params = [("min", Value::Int(3)), ("name", Value::from("京"))];
        assert_eq!(render("at least {min} for {name}, {x}", &params), "at least 3 for 京, {x}");
        assert_eq!(render("unclosed {min", &params), "unclosed {min");
    }

    #[test]
    fn parses_locale_tags() {
        assert_eq!(Locale::parse("zh-Hans-CN"), Some(Locale::ZhCn));
        assert_eq!(Locale::parse("EN_us"), Some(Locale::En));
        assert_eq!(Locale::parse("fr"), None);
    }
}
