//! What the command line reads and prints, as functions: the `icp-validate` CLI and the
//! server ABI (crates/abi, docs/ABI.md) both call these, so a host's `batch`, `filing` and
//! `app-info` print the CLI's bytes by construction rather than by a parity test.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{value::MapAccessDeserializer, Deserialize, Deserializer, MapAccess, Visitor};
use serde::Serialize;

use crate::appfile::AppInfo;
use crate::filing::{Options, Report, MAX_JSON_BYTES};
use crate::message::{Locale, Severity, Value};
use crate::outcome::{FieldResult, Outcome};
use crate::context::Context;
use crate::date::Date;
use crate::{input, registry};

/// Bytes of a filing read at most: one more than the filing check takes, so that a longer
/// document is reported as too large rather than cut silently.
pub const FILING_READ_LIMIT: usize = MAX_JSON_BYTES + 1;

/// A value that deserializes from a JSON object only. A derived struct also deserializes
/// from a JSON array (fields by position), so `[]` would pass as an empty context: requests
/// and contexts must be objects.
///
/// ```
/// use icp_validate::{wire::Object, Context};
///
/// assert!(serde_json::from_str::<Object<Context>>("{}").is_ok());
/// assert!(serde_json::from_str::<Object<Context>>("[]").is_err());
/// ```
pub struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MapOnly<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for MapOnly<T> {
            type Value = T;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
            }
        }
        d.deserialize_map(MapOnly(PhantomData)).map(Object)
    }
}

/// A context given as a JSON object (`--context`); anything else is an error.
///
/// ```
/// use icp_validate::wire::context_json;
///
/// assert_eq!(context_json(r#"{"provider":"sinnet"}"#).unwrap().provider, Some(icp_validate::Provider::Sinnet));
/// assert!(context_json("[]").is_err());
/// ```
pub fn context_json(json: &str) -> Result<Context, serde_json::Error> {
    serde_json::from_str::<Object<Context>>(json).map(|o| o.0)
}

/// `value` as the CLI prints it: one line, compact or pretty, ending in a newline.
///
/// ```
/// let text = icp_validate::wire::json_text(&serde_json::json!({"valid": true}), false).unwrap();
/// assert_eq!(text, "{\"valid\":true}\n");
/// ```
pub fn json_text<T: Serialize>(value: &T, pretty: bool) -> Result<String, serde_json::Error> {
    let mut text = if pretty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) }?;
    text.push('\n');
    Ok(text)
}

#[derive(serde::Deserialize)]
struct BatchLine {
    field: String,
    value: String,
    #[serde(default)]
    context: Option<Object<Context>>,
}

/// The result for one `batch` input line (without its line end; invalid UTF-8 is read as
/// U+FFFD). A line that is not a valid request becomes a result with `input.malformed`.
/// `today` stands in where the line's context names no day.
///
/// ```
/// use icp_validate::{wire::batch_line, Locale};
///
/// let r = batch_line(br#"{"field":"resident_id","value":"11010519491231002X"}"#, Locale::En, None);
/// assert!(r.valid);
/// assert_eq!(batch_line(b"not json", Locale::En, None).codes(), ["input.malformed"]);
/// ```
pub fn batch_line(line: &[u8], locale: Locale, today: Option<Date>) -> FieldResult {
    let text = String::from_utf8_lossy(line);
    let text = text.trim_end_matches(['\n', '\r']);
    match serde_json::from_str::<Object<BatchLine>>(text) {
        Ok(Object(req)) => {
            let mut ctx = req.context.map(|c| c.0).unwrap_or_default();
            if ctx.today.is_none() {
                ctx.today = today;
            }
            registry::validate_field(&req.field, &req.value, &ctx, locale)
        }
        Err(e) => malformed_line(&e, locale),
    }
}

/// `input.malformed` for a batch line: not JSON at all, or JSON of the wrong shape; the
/// parser's own text goes to `params.detail`.
fn malformed_line(e: &serde_json::Error, locale: Locale) -> FieldResult {
    let reason = match e.classify() {
        serde_json::error::Category::Data => &input::LINE_NOT_OBJECT,
        _ => &input::LINE_NOT_JSON,
    };
    let mut out = Outcome::default();
    out.error(&input::MALFORMED).param("reason", Value::Term(reason)).param("detail", input::excerpt(&e.to_string(), 120));
    registry::render::field_result(out, "", locale)
}

/// Writes one batch result as the CLI prints it: compact JSON and a newline.
///
/// ```
/// use icp_validate::{validate_field, wire::write_batch_result, Context, Locale};
///
/// let mut out = Vec::new();
/// write_batch_result(&mut out, &validate_field("md5", "x", &Context::default(), Locale::En)).unwrap();
/// assert!(out.starts_with(b"{\"field\":\"md5\",\"valid\":false") && out.ends_with(b"}\n"));
/// ```
pub fn write_batch_result(w: &mut impl std::io::Write, result: &FieldResult) -> Result<(), serde_json::Error> {
    serde_json::to_writer(&mut *w, result)?;
    w.write_all(b"\n").map_err(serde_json::Error::io)
}

/// The `batch` output for the lines of `chunk` (each ends at `\n`, the last one may not),
/// appended to `out`; whether every line was valid.
///
/// ```
/// use icp_validate::{wire::batch_chunk, Locale};
///
/// let mut out = Vec::new();
/// let lines = b"{\"field\":\"mobile\",\"value\":\"13812345678\"}\n{\"field\":\"mobile\",\"value\":\"1\"}";
/// assert!(!batch_chunk(lines, Locale::En, None, &mut out));
/// assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 2);
/// ```
pub fn batch_chunk(chunk: &[u8], locale: Locale, today: Option<Date>, out: &mut Vec<u8>) -> bool {
    let mut all_valid = true;
    for line in chunk.split_inclusive(|&b| b == b'\n') {
        let result = batch_line(line, locale, today);
        all_valid &= result.valid;
        // Writing to a Vec fails only if serialising fails, which these types cannot.
        let _ = write_batch_result(out, &result);
    }
    all_valid
}

/// The `filing` report for the bytes read (at most [`FILING_READ_LIMIT`] are looked at, as
/// the CLI reads no more): malformed when they are not UTF-8.
///
/// ```
/// use icp_validate::{wire::filing_report, Options};
///
/// let report = filing_report(b"{\"kind\":\"new_filing\"}\xff", &Options::default());
/// assert_eq!(report.errors[0].code, "filing.malformed");
/// ```
pub fn filing_report(bytes: &[u8], options: &Options) -> Report {
    let bytes = &bytes[..bytes.len().min(FILING_READ_LIMIT)];
    match std::str::from_utf8(bytes) {
        Ok(text) => crate::filing::validate_filing_json(text, options),
        Err(e) => crate::filing::malformed(&crate::filing::NOT_JSON, &format!("not UTF-8: {e}"), options),
    }
}

/// What `app-info` prints for a file read: the file's facts with `valid`, `errors` and
/// `warnings` worded in `locale`; and whether it is valid.
///
/// ```
/// use icp_validate::{app_file, wire::app_info_json, Date, Locale};
///
/// let info = app_file::read(&b"not an APP file".to_vec(), Date::parse("2026-11-23").unwrap());
/// let (json, valid) = app_info_json(info, Locale::En).unwrap();
/// assert!(!valid);
/// assert_eq!(json["kind"], "unknown");
/// ```
pub fn app_info_json(mut info: AppInfo, locale: Locale) -> Result<(serde_json::Value, bool), serde_json::Error> {
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    for f in std::mem::take(&mut info.findings) {
        match f.severity {
            Severity::Error => errors.push(registry::render::issue(f, locale)),
            Severity::Warning => warnings.push(registry::render::issue(f, locale)),
        }
    }
    let valid = errors.is_empty();
    let mut json = serde_json::to_value(&info)?;
    json["valid"] = valid.into();
    json["errors"] = serde_json::to_value(errors)?;
    json["warnings"] = serde_json::to_value(warnings)?;
    Ok((json, valid))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chunk_is_its_lines_in_order_and_today_fills_only_a_missing_day() {
        let today = Date::parse("2026-11-23");
        let chunk = b"{\"field\":\"mobile\",\"value\":\"13800138000\"}\r\n\nnot json\n{\"field\":\"resident_id\",\"value\":\"11010519491231002X\",\"context\":{\"today\":\"1949-12-30\"}}";
        let mut out = Vec::new();
        assert!(!batch_chunk(chunk, Locale::En, today, &mut out));
        let lines: Vec<serde_json::Value> = out.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(|l| serde_json::from_slice(l).unwrap()).collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0]["valid"], true);
        assert_eq!(lines[1]["errors"][0]["code"], "input.malformed");
        assert_eq!(lines[2]["errors"][0]["code"], "input.malformed");
        // The line's own day wins: born the day after it, the ID is not yet valid.
        assert_eq!(lines[3]["valid"], false);
        assert!(out.ends_with(b"\n"));
    }

    #[test]
    fn a_filing_past_the_read_limit_is_looked_at_only_up_to_it() {
        let mut big = b"{\"kind\":\"new_filing\",\"x\":\"".to_vec();
        big.resize(FILING_READ_LIMIT + 10_000, b'a');
        let report = filing_report(&big, &Options::default());
        assert!(!report.valid);
        assert_eq!(filing_report(&big[..FILING_READ_LIMIT], &Options::default()).errors, report.errors);
    }
}
