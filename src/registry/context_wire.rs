//! The wire form of the context: [`Wire`], what callers pass, read by serde (the CLI, a
//! filing's options) or by hand from JSON text (the wasm field module).
//!
//! By hand for the wasm field module: api.js hands the context over as `JSON.stringify` text.
//! Kept for the keystroke path's bytes (measured 2026-12-07, wasm after wasm-opt, gzip -9): the
//! field module is 135,105 B with this reader, 158,657 B with serde_json (+23,552 B), which
//! would put the first field (170,526 B of its 174,080 B budget, tools/size.sh) over. It
//! answers as
//! serde_json with `Wire`'s derive does on every text `JSON.stringify` writes
//! (tests in this file compare the two natively): unknown keys ignored, `null` as absent, a
//! repeated known key or a lone surrogate is an unreadable context; nested values of any
//! depth are skipped without recursion, as serde_json skips them. A number is kept as written (`JSON.stringify` writes the shortest
//! form), exponent expanded as Rust prints an `f64` (serde_json's default float parse may
//! land one unit in the last place off for 17 significant digits, `1.2345678901234568e+23`;
//! the digits as written are the right ones).

use serde::{Deserialize, Deserializer};

use crate::input::excerpt;

/// A context value of any JSON type; the parse decides what each key accepts. A number is
/// kept as Rust prints it, only ever shown.
#[cfg_attr(test, derive(Debug, PartialEq))]
pub enum Loose {
    Text(String),
    Flag(bool),
    Number(String),
    Other,
}

/// By hand rather than `#[serde(untagged)]`, which buffers every value first (code size).
impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Loose;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a context value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Loose, E> {
                Ok(Loose::Text(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Loose, E> {
                Ok(Loose::Text(v))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Loose, E> {
                Ok(Loose::Flag(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Loose, E> {
                Ok(Loose::Number(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Loose, E> {
                Ok(Loose::Number(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Loose, E> {
                Ok(Loose::Number(v.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Loose, A::Error> {
                while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Loose::Other)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Loose, A::Error> {
                while a.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
                Ok(Loose::Other)
            }
        }
        d.deserialize_any(V)
    }
}

impl Loose {
    /// The value as typed, for a message.
    pub fn shown(&self) -> String {
        match self {
            Loose::Text(s) => excerpt(s.trim(), 20),
            Loose::Flag(b) => b.to_string(),
            Loose::Number(n) => n.clone(),
            Loose::Other => "{…}".to_owned(),
        }
    }
}

/// The context as callers pass it (a JSON object, a JS object): facts rules may need beyond
/// the value. Every key is optional, and `""` (or blanks) and `null` mean not given, as an
/// absent key does; unknown keys are ignored, so one context object can serve every field of
/// a form. A value of another type or form than described here is
/// reported as `context.invalid`.
#[derive(Deserialize, Default)]
#[cfg_attr(test, derive(Debug, PartialEq))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Context", extend("additionalProperties" = true)))]
#[serde(default)]
pub struct Wire {
    /// `YYYY-MM-DD`; defaults to today in China Standard Time.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub today: Option<Loose>,
    /// The entity's province in any form, as text: `北京`, `京`, `"11"`, `Beijing`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub province: Option<Loose>,
    /// Provider profile id: `nwcd`, `sinnet`, `aliyun`, `generic`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub provider: Option<Loose>,
    /// Certificate type (name or field id) for the `certificate` field.
    #[serde(rename = "type")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub certificate_type: Option<Loose>,
    /// APP platform for `app_package`: `android`, `ios`, `harmony`, ...
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub platform: Option<Loose>,
    /// The entity type (主办单位性质): `enterprise`, `government`, `individual`, ...
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub entity_type: Option<Loose>,
    /// The entity holds the national-level document that allows words such as 中国 in a
    /// website name.
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    pub national_document: Option<Loose>,
}


/// The wire context of a JSON object's text; `None` when the text is not one.
pub fn parse_wire(text: &str) -> Option<Wire> {
    let mut p = Parser { s: text.as_bytes(), at: 0 };
    p.space();
    let wire = p.object()?;
    p.space();
    (p.at == p.s.len()).then_some(wire)
}

/// A JS number's text (`1e+21`, `1.5e-7`, `-0`) as Rust's `Display` for `f64` prints the
/// same number: no exponent, `-0` kept. Both print the shortest digits that round-trip, so
/// only the exponent form differs. Text that is not a JSON number comes back as it is.
pub fn plain_number(text: &str) -> String {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], &unsigned[at + 1..]),
        None => (unsigned, "0"),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let Ok(exponent) = exponent.trim_start_matches('+').parse::<i32>() else { return text.to_owned() };
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) || exponent.unsigned_abs() > 400 {
        return text.to_owned();
    }
    let digits: String = format!("{int}{frac}");
    // The decimal point sits after `point` of `digits` (may be negative or past the end).
    let point = int.len() as i64 + i64::from(exponent);
    let mut out = String::new();
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        out.push_str(&digits);
    } else if point as usize >= digits.len() {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', point as usize - digits.len()));
    } else {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    }
    // Leading zeros of the integer part go ("00.5" -> "0.5"), trailing ones of the fraction too.
    if let Some((i, f)) = out.split_once('.') {
        let f = f.trim_end_matches('0');
        let i = i.trim_start_matches('0');
        out = match (i.is_empty(), f.is_empty()) {
            (_, true) => if i.is_empty() { "0".to_owned() } else { i.to_owned() },
            (true, false) => format!("0.{f}"),
            (false, false) => format!("{i}.{f}"),
        };
    } else {
        let i = out.trim_start_matches('0');
        out = if i.is_empty() { "0".to_owned() } else { i.to_owned() };
    }
    if negative {
        out.insert(0, '-');
    }
    out
}

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        self.space();
        (self.peek()? == b).then(|| self.at += 1)
    }

    fn literal(&mut self, word: &str) -> Option<()> {
        self.s[self.at..].starts_with(word.as_bytes()).then(|| self.at += word.len())
    }

    /// The top-level object, its known keys into a `Wire`.
    fn object(&mut self) -> Option<Wire> {
        self.eat(b'{')?;
        let mut wire = Wire::default();
        // The known keys seen so far: serde's derive refuses a repeated one, `null` included.
        let mut given = 0u8;
        self.space();
        if self.peek()? == b'}' {
            self.at += 1;
            return Some(wire);
        }
        loop {
            let key = self.key(true)?;
            let known = ["today", "province", "provider", "type", "platform", "entity_type", "national_document"].iter().position(|k| *k == key);
            let value = self.value(known.is_some())?;
            if let Some(i) = known {
                if given & (1 << i) != 0 {
                    return None;
                }
                given |= 1 << i;
                *[&mut wire.today, &mut wire.province, &mut wire.provider, &mut wire.certificate_type, &mut wire.platform, &mut wire.entity_type, &mut wire.national_document][i] = value;
            }
            self.space();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(wire);
                }
                _ => return None,
            }
        }
    }

    /// One value, `Some(None)` for `null`; arrays and objects are checked and skipped. The
    /// value of an unknown key (`keep` false) is skipped as serde_json ignores it.
    fn value(&mut self, keep: bool) -> Option<Option<Loose>> {
        Some(Some(match self.peek()? {
            b'"' => Loose::Text(self.string_kept(keep)?),
            b't' => self.literal("true").map(|_| Loose::Flag(true))?,
            b'f' => self.literal("false").map(|_| Loose::Flag(false))?,
            b'n' => return self.literal("null").map(|_| None),
            b'[' | b'{' => {
                self.nested()?;
                Loose::Other
            }
            _ => Loose::Number(plain_number(self.number()?)),
        }))
    }

    /// An array or object, checked and skipped without recursion: serde_json ignores a
    /// value of any depth the same way.
    fn nested(&mut self) -> Option<()> {
        let mut open = Vec::new();
        loop {
            // At a value: a container opens, a scalar is read.
            self.space();
            match self.peek()? {
                c @ (b'[' | b'{') => {
                    self.at += 1;
                    open.push(if c == b'[' { b']' } else { b'}' });
                    self.space();
                    if self.peek()? == *open.last()? {
                        self.at += 1;
                        open.pop();
                    } else {
                        if c == b'{' {
                            self.key(false)?;
                        }
                        continue;
                    }
                }
                _ => {
                    self.value(false)?;
                }
            }
            // After a value: a comma goes on to the next one, a bracket closes its container.
            loop {
                let Some(&close) = open.last() else { return Some(()) };
                self.space();
                match self.peek()? {
                    b',' => {
                        self.at += 1;
                        if close == b'}' {
                            self.key(false)?;
                        }
                        break;
                    }
                    b if b == close => {
                        self.at += 1;
                        open.pop();
                    }
                    _ => return None,
                }
            }
        }
    }

    /// An object's key and its colon.
    fn key(&mut self, keep: bool) -> Option<String> {
        self.space();
        let key = self.string_kept(keep)?;
        self.eat(b':')?;
        self.space();
        Some(key)
    }

    fn number(&mut self) -> Option<&str> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.peek().filter(u8::is_ascii_digit)?;
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.peek().filter(u8::is_ascii_digit)?;
            self.digits();
        }
        std::str::from_utf8(&self.s[start..self.at]).ok()
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let h = self.s.get(self.at..self.at + 4)?;
        self.at += 4;
        u32::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok().filter(|_| h.iter().all(u8::is_ascii_hexdigit))
    }

    /// A string's text; in a skipped value (`keep` false) escapes are only checked for form,
    /// so a lone surrogate there passes, as serde_json lets it pass.
    fn string_kept(&mut self, keep: bool) -> Option<String> {
        if self.peek()? != b'"' {
            return None;
        }
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while !matches!(self.peek()?, b'"' | b'\\' | 0..=0x1f) {
                self.at += 1;
            }
            out.push_str(std::str::from_utf8(&self.s[start..self.at]).ok()?);
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    let e = self.peek()?;
                    self.at += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let first = self.hex4()?;
                            if !keep {
                                continue;
                            }
                            let c = match first {
                                0xD800..=0xDBFF => {
                                    self.literal("\\u")?;
                                    let second = self.hex4()?;
                                    if !(0xDC00..=0xDFFF).contains(&second) {
                                        return None;
                                    }
                                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                                }
                                0xDC00..=0xDFFF => return None,
                                c => c,
                            };
                            out.push(char::from_u32(c)?);
                        }
                        _ => return None,
                    }
                }
                // A control character must be escaped.
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand reading and serde_json's agree on `text`.
    fn agree(text: &str) {
        let serde: Option<Wire> = serde_json::from_str(text).ok();
        assert_eq!(parse_wire(text), serde, "{text}");
    }

    #[test]
    fn reads_every_context_as_serde_json_does() {
        let values = [
            r#""北京""#, r#""\u5317\u4eac""#, r#""a\"b\\c\/\n\t""#, r#""😀""#, r#""\ud83d\ude00""#, r#""\ud83d""#, r#""\ude00x""#,
            r#""2026-11-23""#, r#"" 2026-11-23 ""#, "true", "false", "null", "0", "-0", "5", "20261123", "1.5", "1e+21", "1.5e-7",
            "1.5e+300", "12345678901234567000", "1e+21", "-1e-7", "0.30000000000000004", "[]", "{}", r#"[1,{"a":[null]}]"#, r#"{"today":"x"}"#,
            "01", "1.", ".5", "+1", "tru", r#""a"#, "\"\u{1}\"", "nul",
        ];
        let keys = ["today", "province", "provider", "type", "platform", "entity_type", "national_document", "other"];
        for key in keys {
            for v in values {
                agree(&format!(r#"{{"{key}":{v}}}"#));
                agree(&format!(r#"{{"x":1,"{key}":{v},"y":[]}}"#));
                agree(&format!(r#"{{ "{key}" : {v} }}"#));
            }
            agree(&format!(r#"{{"{key}":"a","{key}":"b"}}"#));
            agree(&format!(r#"{{"{key}":null,"{key}":"b"}}"#));
        }
        for text in ["{}", "{ }", "{", "{,}", r#"{"a":1,}"#, r#"{"a" 1}"#, r#"{"\ud83d":1}"#, r#"{"x":{"\ud83d":"\ude00"}}"#, "{\"x\":\"\u{1}\"}", r#"{"province":"京"} x"#, r#"{"province":"京"}  "#, r#"{"today":"2026-11-23","province":"上海","provider":"nwcd","type":"居民身份证","platform":"ios","entity_type":"enterprise","national_document":true}"#] {
            agree(text);
        }
    }

    #[test]
    fn nesting_of_any_depth_is_skipped_as_serde_json_skips_it() {
        for depth in [1, 127, 128, 129, 100_000] {
            agree(&format!(r#"{{"x":{}{}}}"#, "[".repeat(depth), "]".repeat(depth)));
            agree(&format!(r#"{{"province":{}1{}}}"#, "[".repeat(depth), "]".repeat(depth)));
        }
    }

    #[test]
    fn numbers_print_as_rust_prints_them() {
        // (what a JS engine writes, the number): JS switches to exponents at 1e21 and 1e-7.
        let cases: [(&str, f64); 12] = [
            ("0", 0.0), ("-0", -0.0), ("5", 5.0), ("1.5", 1.5), ("1e+21", 1e21), ("1.5e-7", 1.5e-7), ("123456789.125", 123456789.125),
            ("1e-300", 1e-300), ("1.7976931348623157e+308", f64::MAX), ("0.30000000000000004", 0.1 + 0.2), ("-2.5e+25", -2.5e25), ("0.000001", 1e-6),
        ];
        for (js, n) in cases {
            assert_eq!(plain_number(js), n.to_string(), "{js}");
        }
        assert_eq!(plain_number("not a number"), "not a number");
    }
}
