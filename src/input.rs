//! Checks and normalisation shared by every field: size limit, characters that are never
//! legitimate in a filing value, full-width folding.

use crate::message::Code;
use crate::outcome::Outcome;
use crate::message::text;

pub const EMPTY: Code = Code {
    id: "input.empty",
    zh: text("请填写此项"),
    en: text("This field is required"),
};
pub const TOO_LONG: Code = Code {
    id: "input.too_long",
    zh: text("内容过长（超过 {max} 字节）"),
    en: text("Too long (more than {max} bytes)"),
};
pub const INVALID_CHAR: Code = Code {
    id: "input.invalid_char",
    zh: text("第 {position} 个字符 {char} 是不可见或控制字符，请删除"),
    en: text("Character {position} ({char}) is an invisible or control character; remove it"),
};
/// A value that is not what its field takes at all (the wasm shells' refusal of a value they cannot read).
pub const MALFORMED: Code = Code {
    id: "input.malformed",
    zh: text("输入格式错误：{reason}"),
    en: text("Malformed input: {reason}"),
};

/// Reasons of `input.malformed`; `detail` (the parser's own text, not shown) may follow.
pub const NOT_TEXT: crate::message::Term = crate::message::Term { id: "not_text", zh: text("值应为文本"), en: text("the value is not a string") };
pub const LINE_NOT_JSON: crate::message::Term = crate::message::Term { id: "line_not_json", zh: text("此行不是有效的 JSON"), en: text("the line is not valid JSON") };
/// The JS attachment helpers' reasons (pkg-templates/attachment-file.js words them the same).
pub const NOT_BYTES: crate::message::Term = crate::message::Term {
    id: "not_bytes",
    zh: text("文件头应为 Uint8Array 或 ArrayBuffer（File 或 Blob 请用 validateAttachmentFile）"),
    en: text("the header is not a Uint8Array or ArrayBuffer (for a File or Blob use validateAttachmentFile)"),
};
pub const NOT_FILE: crate::message::Term = crate::message::Term { id: "not_file", zh: text("应为 File 或 Blob"), en: text("a File or Blob is expected") };
pub const FILE_UNREADABLE: crate::message::Term = crate::message::Term { id: "file_unreadable", zh: text("无法读取该文件"), en: text("the file could not be read") };
pub const LINE_NOT_OBJECT: crate::message::Term = crate::message::Term { id: "line_not_object", zh: text("此行应为含 field、value 的 JSON 对象"), en: text("the line is not a JSON object with field and value") };
pub const UNKNOWN_FIELD: Code = Code {
    id: "field.unknown",
    zh: text("未知字段：{field}"),
    en: text("Unknown field: {field}"),
};
pub const CONTEXT_INVALID: Code = Code {
    id: "context.invalid",
    zh: text("上下文参数 {key} 的值“{value}”无法识别"),
    en: text("Invalid context: {key} \"{value}\" is not understood"),
};

/// A value needs UTS 46 (a name that is not plain ASCII, or has an `xn--` label) and this
/// build has neither the `uts46` feature nor an installed provider (`install_uts46`): no
/// verdict on it. Only a build without `uts46` can return it.
#[cfg(not(feature = "uts46"))]
pub const UTS46_UNAVAILABLE: Code = Code {
    id: "input.uts46_unavailable",
    zh: text("此版本不含 UTS 46（国际化域名），无法检查该值"),
    en: text("This build has no UTS 46 (internationalised domain names) and cannot check this value"),
};
#[cfg(feature = "uts46")]
pub const CODES: &[&Code] = &[&EMPTY, &TOO_LONG, &INVALID_CHAR, &MALFORMED, &UNKNOWN_FIELD, &CONTEXT_INVALID];
#[cfg(not(feature = "uts46"))]
pub const CODES: &[&Code] = &[&EMPTY, &TOO_LONG, &INVALID_CHAR, &MALFORMED, &UNKNOWN_FIELD, &CONTEXT_INVALID, &UTS46_UNAVAILABLE];

/// Longest value any single-line field accepts, in UTF-8 bytes. Checked before anything
/// else looks at the value, so a 10 MB paste costs O(1).
pub const DEFAULT_MAX_BYTES: usize = 512;

/// Characters no filing value may contain: C0/C1 controls (NUL included), bidi controls
/// (RLO and friends: a spoofing vector), zero-width characters, BOM, U+FFFD (what a lone
/// UTF-16 surrogate from JS becomes), non-characters and private-use code points.
pub fn is_forbidden_char(c: char, allow_newlines: bool) -> bool {
    match c {
        '\n' | '\r' => !allow_newlines,
        '\t' => !allow_newlines,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => true,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' => true,
        '\u{061C}' | '\u{180E}' | '\u{FEFF}' | '\u{FFFD}' | '\u{FFF9}'..='\u{FFFB}' => true,
        '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}' => true,
        '\u{FDD0}'..='\u{FDEF}' => true,
        c if (c as u32) & 0xFFFE == 0xFFFE => true,
        _ => false,
    }
}

/// Screens a raw value; on failure records the finding and returns false.
pub fn screen(value: &str, max_bytes: usize, allow_newlines: bool, out: &mut Outcome) -> bool {
    if value.len() > max_bytes {
        out.error(&TOO_LONG).param("max", max_bytes);
        return false;
    }
    // ASCII values (most of them, and long pasted keys) only need a byte scan for controls.
    let clean_ascii = value.is_ascii() && !value.bytes().any(|b| (b < 0x20 || b == 0x7F) && !(allow_newlines && matches!(b, b'\n' | b'\r' | b'\t')));
    if !clean_ascii {
        if let Some((position, c)) = value.chars().enumerate().find(|&(_, c)| is_forbidden_char(c, allow_newlines)) {
            out.error(&INVALID_CHAR).param("position", position + 1).param("char", format!("U+{:04X}", c as u32));
            return false;
        }
    }
    if value.trim().is_empty() {
        out.error(&EMPTY);
        return false;
    }
    true
}

/// Folds full-width ASCII (U+FF01..FF5E) to ASCII and the ideographic space to a space:
/// Chinese IMEs type these, and the filing system wants the half-width forms.
pub fn fold_width(s: &str) -> String {
    // Most values are ASCII already: one copy instead of a char-by-char rebuild (which
    // profiled as a third of a simple rule's time in wasm).
    if s.is_ascii() {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().map(|c| match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }));
    out
}

/// Width-folded, without the characters `drop` names. ASCII values (most of them) are
/// filtered in place, without decoding characters.
fn folded_without(s: &str, drop: impl Fn(char) -> bool) -> String {
    let folded = fold_width(s);
    if folded.is_ascii() {
        let mut bytes = folded.into_bytes();
        bytes.retain(|&b| !drop(b as char));
        // Only ASCII bytes were kept, so this cannot fail.
        return String::from_utf8(bytes).unwrap_or_default();
    }
    folded.chars().filter(|&c| !drop(c)).collect()
}

/// Folded, with all whitespace removed: how long pasted values (keys, hashes) are read,
/// whatever line breaks a copy added.
pub fn without_whitespace(s: &str) -> String {
    folded_without(s, char::is_whitespace)
}

/// Folded, trimmed, with inner spaces and hyphens removed: how card and code numbers are
/// compared (`110105 1949 1231 002X` is the same number).
pub fn compact(s: &str) -> String {
    folded_without(s, |c| c.is_whitespace() || c == '-')
}

/// [`compact`], ASCII letters upper-cased: how ID and code numbers are compared.
pub fn compact_upper(s: &str) -> String {
    let mut out = compact(s);
    out.make_ascii_uppercase();
    out
}

/// A value safe to echo back: at most `max_chars` characters, so error params never leak a
/// whole ID number into logs.
pub fn excerpt(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        // Exact capacity: params box their text, which must not reallocate.
        None => s.to_owned(),
        Some((cut, _)) => {
            let mut out = String::with_capacity(cut + '…'.len_utf8());
            out.push_str(&s[..cut]);
            out.push('…');
            out
        }
    }
}

/// An excerpt of the user's input as a finding parameter: shown as typed in every locale.
pub fn quoted(s: &str, max_chars: usize) -> crate::message::Value {
    crate::message::Value::Input(excerpt(s, max_chars).into_boxed_str())
}

/// A space, named: it is invisible in a message.
pub const SPACE: crate::message::Term = crate::message::Term { id: "space", zh: text("空格"), en: text("space") };

/// A typed character as a finding parameter: a space is named (it is invisible in a message).
pub fn shown_char(c: char) -> crate::message::Value {
    if c == ' ' {
        crate::message::Value::Term(&SPACE)
    } else {
        crate::message::Value::Input(c.to_string().into_boxed_str())
    }
}

/// Lower-case form of `c` for ASCII and the letters the rules accept beyond it (Latin,
/// Greek, Cyrillic; `case_table.rs`); other characters are returned as they are. Unlike
/// `char::to_lowercase` it keeps Unicode's full case tables out of the wasm bundle.
pub fn to_lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let Ok(cp) = u16::try_from(c as u32) else { return c };
    let i = crate::case_table::LOWER.partition_point(|r| r.0 <= cp);
    match i.checked_sub(1).map(|i| crate::case_table::LOWER[i]) {
        Some((first, last, delta, stride)) if cp <= last && (cp - first) % u16::from(stride) == 0 => {
            char::from_u32(u32::from(cp.wrapping_add(delta))).unwrap_or(c)
        }
        _ => c,
    }
}

/// `s` with [`to_lower`] applied to every character.
pub fn lower(s: &str) -> String {
    s.chars().map(to_lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width() {
        assert_eq!(fold_width("１１０１０５ＡＢｘ　－"), "110105ABx -");
        assert_eq!(compact(" 110105 1949-1231 002x "), "110105194912310002x".replacen("0002x", "002x", 1));
    }

    #[test]
    fn screens_hostile_input() {
        for bad in ["a\u{0}b", "a\u{202E}b", "\u{200B}", "x\u{FFFD}", "\u{FEFF}1", "a\u{E000}"] {
            let mut out = Outcome::default();
            assert!(!screen(bad, 100, false, &mut out), "{bad:?}");
            assert!(out.has_code("input.invalid_char"));
        }
        let mut out = Outcome::default();
        assert!(!screen(&"1".repeat(10_000_000), 100, false, &mut out));
        assert!(out.has_code("input.too_long"));
        let mut out = Outcome::default();
        assert!(!screen(" \u{3000}", 100, false, &mut out) && out.has_code("input.empty"));
    }

    #[test]
    fn lower_agrees_with_std_on_the_accepted_letters() {
        let blocks = ('\u{0}'..='\u{052F}').chain('\u{1E00}'..='\u{1EFF}');
        for c in blocks.filter(|&c| c != '\u{130}') {
            assert_eq!(Some(to_lower(c)), c.to_lowercase().next(), "U+{:04X}", c as u32);
        }
        assert_eq!(lower("ÉCOLE Москва ΑΒΓ 例"), "école москва αβγ 例");
        assert_eq!(to_lower('\u{130}'), '\u{130}');
    }
}
