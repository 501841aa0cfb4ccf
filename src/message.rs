//! Stable error codes and their zh-CN / en message templates.
//!
//! Every code a rule can emit is a `Code` constant that carries both messages, so a code
//! without a message in either locale cannot be written; `tests/catalog.rs` checks that
//! no template is empty and that placeholders match the params rules attach.

use serde::{Deserialize, Serialize};

use std::borrow::Cow;

use crate::province_code::ProvinceCode;

/// Message language, chosen per call. zh-CN is the default: the filing forms are Chinese.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Locale {
    /// Simplified Chinese (`zh-CN`), the default.
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// English (`en`).
    #[serde(rename = "en")]
    En,
}

/// A locale tag whose language is neither Chinese nor English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownLocale;

impl std::fmt::Display for UnknownLocale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unknown locale (zh-CN or en)")
    }
}

impl std::error::Error for UnknownLocale {}

/// The one reading of a locale tag (the CLI's `--locale`, the ABI's, filing options, the wasm
/// modules'); the package's JS reads tags the same way from the table of
/// [`crate::catalog::wording_js`]. BCP 47-ish tags as browsers report them: `zh`, `zh-CN`,
/// `zh-Hans`, `en`, `en-US`..., by their primary language subtag.
impl std::str::FromStr for Locale {
    type Err = UnknownLocale;

    fn from_str(tag: &str) -> Result<Locale, UnknownLocale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.language() == primary).ok_or(UnknownLocale)
    }
}

impl Locale {
    /// Every locale, the default first.
    pub const ALL: [Locale; 2] = [Locale::ZhCn, Locale::En];

    /// [`FromStr`](std::str::FromStr) as an `Option`: BCP 47-ish tags as browsers report them.
    ///
    /// ```
    /// use icp_validate::Locale;
    ///
    /// assert_eq!(Locale::parse("en-US"), Some(Locale::En));
    /// assert_eq!(Locale::parse("zh-Hans"), Some(Locale::ZhCn));
    /// assert_eq!(Locale::parse("fr"), None);
    /// ```
    pub fn parse(tag: &str) -> Option<Locale> {
        tag.parse().ok()
    }

    /// The primary language subtag (lower case) a tag of this locale starts with.
    pub fn language(self) -> &'static str {
        self.pick("zh", "en")
    }

    /// What joins the items of a list in a message.
    pub fn list_separator(self) -> &'static str {
        self.pick("、", ", ")
    }

    /// The text of this locale out of a zh-CN / en pair.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Locale::ZhCn => zh,
            Locale::En => en,
        }
    }

    /// The locale's BCP 47 tag (`zh-CN`, `en`).
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }
}

/// How much a finding matters. Warnings never make a value invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The value cannot be filed as it is.
    Error,
    /// Worth a look; the value can be filed.
    Warning,
}

/// Message text: the template with the `messages` feature, else empty. The package's wasm
/// modules leave the feature out (about 15 KB gzipped of the field module): their JS words
/// every message from the catalog (`icp-validate catalog`) by code and params.
pub const fn text(s: &'static str) -> &'static str {
    if cfg!(feature = "messages") {
        s
    } else {
        ""
    }
}

/// A stable error code with its message templates. Placeholders are `{name}`, filled from
/// the finding's params.
#[derive(Debug)]
pub struct Code {
    /// Dotted id, e.g. `resident_id.checksum`. Never renamed once released.
    pub id: &'static str,
    /// The zh-CN template.
    pub zh: &'static str,
    /// The en template.
    pub en: &'static str,
}

impl Code {
    /// The template in `locale`.
    pub fn template(&self, locale: Locale) -> &'static str {
        locale.pick(self.zh, self.en)
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// A word or phrase with its form in each locale (an item a form asks for, an entity type,
/// a pre-approval category), carried by id and worded at render time.
#[derive(Debug, PartialEq, Eq)]
pub struct Term {
    /// Stable id, which JSON carries.
    pub id: &'static str,
    /// The word in Chinese.
    pub zh: &'static str,
    /// The word in English.
    pub en: &'static str,
}

/// A parameter or detail value, typed so that a finding stays locale-free and is worded
/// only when rendered: a province is its code, a provider its id, a count a number, what
/// the user typed an excerpt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A yes or no.
    Bool(bool),
    /// A number (a count, a size, a year).
    Int(i64),
    /// Locale-neutral text: ids, codes, numbers and examples the library writes itself
    /// (borrowed when it is a constant, so most details cost no allocation).
    Str(Cow<'static, str>),
    /// An excerpt of the user's own input, shown as typed.
    /// (Boxed, as are the lists, so that a value stays three words: findings are built and
    /// dropped on every keystroke.)
    Input(Box<str>),
    /// A province, by GB/T 2260 code; JSON carries the code.
    Province(ProvinceCode),
    /// A provider, by id; JSON carries the id.
    Provider(&'static str),
    /// A word worded per locale; JSON carries its id.
    Term(&'static Term),
    /// Several excerpts of the input, joined with the locale's list separator; JSON carries
    /// an array.
    InputList(Box<[Box<str>]>),
    /// Several terms, joined the same way; JSON carries an array of their ids.
    TermList(Box<[&'static Term]>),
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Int(i) => s.serialize_i64(*i),
            Value::Str(t) => s.serialize_str(t),
            Value::Input(t) => s.serialize_str(t),
            Value::Province(p) => s.serialize_u8(p.0),
            Value::Provider(id) => s.serialize_str(id),
            Value::Term(t) => s.serialize_str(t.id),
            Value::InputList(items) => items.serialize(s),
            Value::TermList(items) => s.collect_seq(items.iter().map(|t| t.id)),
        }
    }
}

/// The JSON form [`Serialize`] writes: a boolean, an integer (a province code too), a string
/// (text, input, an id) or an array of those.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Value {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Value".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let item = generator.subschema_for::<Value>();
        schemars::json_schema!({
            "description": "A parameter or detail value: a province as its code, a provider or term as its id, several values as an array.",
            "anyOf": [
                { "type": "boolean" },
                { "type": "integer" },
                { "type": "string" },
                { "type": "array", "items": item }
            ]
        })
    }
}

/// The locale-free form, as JSON carries it: a province's code, a provider's or term's id.
impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Str(s) => f.write_str(s),
            Value::Input(s) => f.write_str(s),
            Value::Province(p) => write!(f, "{}", p.0),
            Value::Provider(id) => f.write_str(id),
            Value::Term(t) => f.write_str(t.id),
            Value::InputList(items) => f.write_str(&items.join(", ")),
            Value::TermList(items) => f.write_str(&items.iter().map(|t| t.id).collect::<Vec<_>>().join(", ")),
        }
    }
}

/// The typed values the package's wasm modules tag in their compact answers, where JSON alone
/// would lose the type (`{"$p":11}`), each with the catalog section (`icp-validate catalog`)
/// that words it. The wasm writers and the package's JS (through
/// [`crate::catalog::wording_js`]) both take the tags from here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireTag {
    /// A province by its code.
    Province,
    /// A provider by its id.
    Provider,
    /// A term by its id; its text may itself name the finding's other params.
    Term,
    /// Terms by their ids, joined with the list separator.
    TermList,
}

impl WireTag {
    /// Every tag.
    pub const ALL: [WireTag; 4] = [WireTag::Province, WireTag::Provider, WireTag::Term, WireTag::TermList];

    /// The key of the one-key object that carries the value.
    pub const fn key(self) -> &'static str {
        match self {
            WireTag::Province => "$p",
            WireTag::Provider => "$r",
            WireTag::Term => "$t",
            WireTag::TermList => "$T",
        }
    }

    /// The catalog section that words it.
    pub const fn section(self) -> &'static str {
        match self {
            WireTag::Province => "provinces",
            WireTag::Provider => "providers",
            WireTag::Term | WireTag::TermList => "terms",
        }
    }
}

impl Value {
    /// The tag of this value in the wasm modules' compact answers; `None` for a value JSON
    /// carries as it is.
    #[doc(hidden)]
    pub const fn wire_tag(&self) -> Option<WireTag> {
        match self {
            Value::Province(_) => Some(WireTag::Province),
            Value::Provider(_) => Some(WireTag::Provider),
            Value::Term(_) => Some(WireTag::Term),
            Value::TermList(_) => Some(WireTag::TermList),
            _ => None,
        }
    }

    /// A constant text, kept by reference (no allocation).
    pub const fn text(s: &'static str) -> Value {
        Value::Str(Cow::Borrowed(s))
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Str(Cow::Owned(s.to_owned()))
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Str(Cow::Owned(s))
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

/// Placeholder names used in a template, in order of appearance.
///
/// ```
/// use icp_validate::catalog::placeholders;
///
/// assert_eq!(placeholders("{provider} does not accept filings from {province}"), ["provider", "province"]);
/// ```
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
    fn parses_locale_tags() {
        assert_eq!(Locale::parse("zh-Hans-CN"), Some(Locale::ZhCn));
        assert_eq!(Locale::parse("EN_us"), Some(Locale::En));
        assert_eq!(Locale::parse("fr"), None);
        assert_eq!("zh".parse::<Locale>(), Ok(Locale::ZhCn));
        assert_eq!("".parse::<Locale>(), Err(UnknownLocale));
        for l in Locale::ALL {
            assert_eq!(l.tag().parse::<Locale>(), Ok(l));
        }
    }
}
