//! The host-neutral wasm core: icp-validate's verdicts behind a small C ABI over linear memory,
//! with no imports, so any wasm runtime can instantiate it (wasmtime, wazero, Chicory). The
//! contract is docs/ABI.md; this file only moves bytes: every answer comes from the same
//! functions and serde writers as the `icp-validate` CLI (`icp_validate::wire`), so a
//! host prints the CLI's bytes by construction.
//!
//! Each operation returns a [`Status`]; its output (UTF-8 JSON) lies in a buffer the module
//! owns, whose address and length the reply block holds ([`icp_reply`]) until the next call on
//! the instance. Inputs are `(ptr, len)` ranges the host owns: the growable scratch buffer
//! ([`icp_scratch`]) or buffers from [`icp_alloc`]. The module has no clock, so every call that
//! checks dates takes today's date (`yyyymmdd`) from the host.

// Raw pointers cross the boundary by design; each is checked against the memory first.
#![allow(clippy::missing_safety_doc, clippy::not_unsafe_ptr_arg_deref)]

use std::cell::{Cell, RefCell};

use icp_validate::app_file::{RangeReader, Round};
use icp_validate::wire::{self, json_text};
use icp_validate::{attachments, catalog, Date, Locale, Options, Provider};

/// The ABI version a host checks before anything else ([`icp_abi_version`]). Additions keep
/// it; a change to an existing export's meaning raises it.
pub const ABI_VERSION: u32 = 1;

/// What an operation returns.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The answer is in the output; valid (or an answer without a verdict).
    Valid = 0,
    /// The answer is in the output; invalid (the CLI would exit 1).
    Invalid = 1,
    /// APP-file reading only: the output names the ranges to add before the next run.
    NeedRanges = 2,
    /// No answer: the output is an error object `{"error": kind, "message": text}`.
    Error = 3,
}

/// A value longer than this is too long for every field (the largest field cap is 8 KiB), so
/// only its first bytes are decoded and judged: the answer is the same, in bounded time.
pub const VALUE_JUDGED_BYTES: usize = 64 << 10;
/// Largest field id, attachment kind, provider id or locale tag taken.
pub const MAX_NAME_BYTES: usize = 1024;
/// Largest context JSON taken.
pub const MAX_CONTEXT_BYTES: usize = 64 << 10;
/// Largest batch chunk taken, in bytes and in lines; a host splits its input at line ends.
pub const MAX_BATCH_BYTES: usize = 16 << 20;
pub const MAX_BATCH_LINES: usize = 16 << 10;
/// Bytes an APP-file reading may hold at most (a real APK needs a few hundred KB).
pub const MAX_APP_HELD_BYTES: u64 = 64 << 20;

/// Why a call has no answer: the error object's `error`, and its message.
struct Failure(&'static str, String);

thread_local! {
    /// The last answer or error, which the reply block points at.
    static OUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// The reply block: the output's address and length (two little-endian u32 in wasm32).
    static REPLY: *mut [usize; 2] = Box::into_raw(Box::new([0usize; 2]));
    /// The scratch buffer: address and capacity.
    static SCRATCH: Cell<(*mut u8, usize)> = const { Cell::new((std::ptr::null_mut(), 0)) };
    /// The APP-file reading in progress.
    static READING: RefCell<Option<RangeReader>> = const { RefCell::new(None) };
}

/// Publishes `bytes` as the output and returns `status`.
fn answer(status: Status, bytes: &[u8]) -> i32 {
    OUT.with(|out| {
        let mut out = out.borrow_mut();
        out.clear();
        // A large answer's buffer is not kept for the small ones after it.
        if out.capacity() > (4 << 20) && bytes.len() < (1 << 20) {
            out.shrink_to(1 << 20);
        }
        out.extend_from_slice(bytes);
        REPLY.with(|r| unsafe { **r = [out.as_ptr() as usize, out.len()] });
    });
    status as i32
}

fn fail(f: Failure) -> i32 {
    let json = serde_json::json!({ "error": f.0, "message": f.1 });
    answer(Status::Error, json.to_string().as_bytes())
}

/// An answer with a verdict, or the error that stopped it.
fn verdict(result: Result<(String, bool), Failure>) -> i32 {
    match result {
        Ok((text, valid)) => answer(if valid { Status::Valid } else { Status::Invalid }, text.as_bytes()),
        Err(f) => fail(f),
    }
}

fn serialised(e: serde_json::Error) -> Failure {
    Failure("internal", format!("the answer could not be written: {e}"))
}

/// The host's bytes at `ptr..ptr + len`, after checking that they lie inside the memory.
fn bytes<'a>(what: &str, ptr: *const u8, len: usize) -> Result<&'a [u8], Failure> {
    if len == 0 {
        return Ok(&[]);
    }
    let end = (ptr as usize).checked_add(len);
    #[cfg(target_arch = "wasm32")]
    let end = end.filter(|&e| e <= core::arch::wasm32::memory_size::<0>() * 65536);
    if ptr.is_null() || end.is_none() {
        return Err(Failure("bad_pointer", format!("{what}: {len} bytes at {} lie outside the memory", ptr as usize)));
    }
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

fn text<'a>(what: &str, ptr: *const u8, len: usize, max: usize) -> Result<&'a str, Failure> {
    if len > max {
        return Err(Failure("too_large", format!("{what}: {len} bytes, at most {max} are taken")));
    }
    std::str::from_utf8(bytes(what, ptr, len)?).map_err(|e| Failure("bad_utf8", format!("{what}: not UTF-8 ({e})")))
}

/// A field value: at most [`VALUE_JUDGED_BYTES`] are decoded (a longer value is too long for
/// every field whatever follows), cut at a character boundary.
fn value<'a>(ptr: *const u8, len: usize) -> Result<&'a str, Failure> {
    let all = bytes("value", ptr, len)?;
    let judged = &all[..len.min(VALUE_JUDGED_BYTES)];
    match std::str::from_utf8(judged) {
        Ok(s) => Ok(s),
        // Cut inside a character: the complete ones before it.
        Err(e) if judged.len() < all.len() && e.error_len().is_none() => Ok(unsafe { std::str::from_utf8_unchecked(&judged[..e.valid_up_to()]) }),
        Err(e) => Err(Failure("bad_utf8", format!("value: not UTF-8 ({e})"))),
    }
}

/// The locale of a locale id ([`icp_locale`]).
fn locale(id: i32) -> Result<Locale, Failure> {
    match id {
        0 => Ok(Locale::ZhCn),
        1 => Ok(Locale::En),
        _ => Err(Failure("bad_locale", format!("locale id {id} (0 zh-CN, 1 en)"))),
    }
}

/// Today as `yyyymmdd`.
fn today(yyyymmdd: i32) -> Result<Date, Failure> {
    let (y, m, d) = (yyyymmdd / 10000, (yyyymmdd / 100) % 100, yyyymmdd % 100);
    (yyyymmdd > 0).then(|| Date::new(y, m as u8, d as u8)).flatten().ok_or_else(|| Failure("bad_today", format!("today {yyyymmdd} is not a date written yyyymmdd")))
}

/// The context JSON (empty: none), with `today` standing in where it names no day.
fn context(ptr: *const u8, len: usize, today: Date) -> Result<icp_validate::Context, Failure> {
    let json = text("context", ptr, len, MAX_CONTEXT_BYTES)?;
    let mut ctx = if json.is_empty() { icp_validate::Context::default() } else { wire::context_json(json).map_err(|e| Failure("bad_context", format!("context: {e}")))? };
    if ctx.today.is_none() {
        ctx.today = Some(today);
    }
    Ok(ctx)
}

// ---------------------------------------------------------------------------------------
// Memory

/// The ABI version ([`ABI_VERSION`]).
#[no_mangle]
pub extern "C" fn icp_abi_version() -> u32 {
    ABI_VERSION
}

/// `len` bytes the host owns until [`icp_free`]; 0 when they cannot be had (never a trap).
/// `icp_alloc(0)` gives a valid address too.
#[no_mangle]
pub extern "C" fn icp_alloc(len: usize) -> *mut u8 {
    match std::alloc::Layout::from_size_align(len.max(1), 8) {
        Ok(layout) => unsafe { std::alloc::alloc(layout) },
        Err(_) => std::ptr::null_mut(),
    }
}

/// Frees what [`icp_alloc`] gave, with the same `len`; 0 is ignored.
#[no_mangle]
pub unsafe extern "C" fn icp_free(ptr: *mut u8, len: usize) {
    if let (false, Ok(layout)) = (ptr.is_null(), std::alloc::Layout::from_size_align(len.max(1), 8)) {
        std::alloc::dealloc(ptr, layout);
    }
}

/// The module-owned scratch buffer, at least `len` bytes; 0 when it cannot grow (the old one
/// is kept then). Its address changes only when it grows; its contents do not survive that.
#[no_mangle]
pub extern "C" fn icp_scratch(len: usize) -> *mut u8 {
    SCRATCH.with(|s| {
        let (ptr, cap) = s.get();
        if len <= cap && !ptr.is_null() {
            return ptr;
        }
        let grown = icp_alloc(len.max(4096));
        if !grown.is_null() {
            unsafe { icp_free(ptr, cap) };
            s.set((grown, len.max(4096)));
        }
        grown
    })
}

/// The address of the reply block: the last output's address and length, two u32, valid for
/// the instance's life.
#[no_mangle]
pub extern "C" fn icp_reply() -> *const usize {
    REPLY.with(|r| *r as *const usize)
}

// ---------------------------------------------------------------------------------------
// Versions and locales

/// `{"abi_version":1,"version":"0.1.0+data.2026-…","data_version":"2026-…"}`: the version as
/// `icp-validate --version` prints it, and the date of the newest data source.
#[no_mangle]
pub extern "C" fn icp_version() -> i32 {
    let json = serde_json::json!({
        "abi_version": ABI_VERSION,
        "version": catalog::version(),
        "data_version": icp_validate::data_version(),
    });
    answer(Status::Valid, json.to_string().as_bytes())
}

/// The locale id of a tag as the CLI's `--locale` reads it (`zh-CN`, `zh`, `en`, `en-US`):
/// output `{"locale":id,"tag":"en"}`; hosts resolve a tag once and pass the id.
#[no_mangle]
pub extern "C" fn icp_locale(tag_ptr: *const u8, tag_len: usize) -> i32 {
    let found = text("locale", tag_ptr, tag_len, MAX_NAME_BYTES).and_then(|tag| Locale::parse(tag).ok_or_else(|| Failure("bad_locale", format!("unknown locale {tag:?} (zh-CN or en)"))));
    match found {
        Ok(l) => answer(Status::Valid, serde_json::json!({ "locale": l as i32, "tag": l.tag() }).to_string().as_bytes()),
        Err(f) => fail(f),
    }
}

// ---------------------------------------------------------------------------------------
// Fields

/// One field: the output is what `icp-validate field` prints (compact JSON and a newline).
#[no_mangle]
pub extern "C" fn icp_validate_field(field_ptr: *const u8, field_len: usize, value_ptr: *const u8, value_len: usize, context_ptr: *const u8, context_len: usize, locale_id: i32, today_yyyymmdd: i32) -> i32 {
    verdict((|| {
        let (locale, today) = (locale(locale_id)?, today(today_yyyymmdd)?);
        let field = text("field", field_ptr, field_len, MAX_NAME_BYTES)?;
        let value = value(value_ptr, value_len)?;
        let ctx = context(context_ptr, context_len, today)?;
        let result = icp_validate::validate_field(field, value, &ctx, locale);
        Ok((json_text(&result, false).map_err(serialised)?, result.valid))
    })())
}

/// Whether a field value is valid, with no output: `Valid` or `Invalid` (or `Error`).
#[no_mangle]
pub extern "C" fn icp_is_valid(field_ptr: *const u8, field_len: usize, value_ptr: *const u8, value_len: usize, context_ptr: *const u8, context_len: usize, today_yyyymmdd: i32) -> i32 {
    let verdict = (|| {
        let today = today(today_yyyymmdd)?;
        let field = text("field", field_ptr, field_len, MAX_NAME_BYTES)?;
        let value = value(value_ptr, value_len)?;
        let ctx = context(context_ptr, context_len, today)?;
        Ok(icp_validate::is_valid(field, value, &ctx))
    })();
    match verdict {
        Ok(true) => Status::Valid as i32,
        Ok(false) => Status::Invalid as i32,
        Err(f) => fail(f),
    }
}

/// A chunk of `batch` lines: the output is what `icp-validate batch` prints for them; `Valid`
/// when every line is.
#[no_mangle]
pub extern "C" fn icp_batch(chunk_ptr: *const u8, chunk_len: usize, locale_id: i32, today_yyyymmdd: i32) -> i32 {
    verdict((|| {
        let (locale, today) = (locale(locale_id)?, today(today_yyyymmdd)?);
        if chunk_len > MAX_BATCH_BYTES {
            return Err(Failure("too_large", format!("batch chunk: {chunk_len} bytes, at most {MAX_BATCH_BYTES} are taken")));
        }
        let chunk = bytes("batch chunk", chunk_ptr, chunk_len)?;
        let lines = chunk.iter().filter(|&&b| b == b'\n').count() + usize::from(!chunk.ends_with(b"\n") && !chunk.is_empty());
        if lines > MAX_BATCH_LINES {
            return Err(Failure("too_large", format!("batch chunk: {lines} lines, at most {MAX_BATCH_LINES} are taken")));
        }
        let mut out = Vec::with_capacity(lines * 256);
        let valid = wire::batch_chunk(chunk, locale, Some(today), &mut out);
        // The CLI's writer wrote JSON text only.
        Ok((String::from_utf8(out).map_err(|e| Failure("internal", e.to_string()))?, valid))
    })())
}

/// The fields: what `icp-validate fields` prints.
#[no_mangle]
pub extern "C" fn icp_fields(locale_id: i32) -> i32 {
    verdict(locale(locale_id).and_then(|l| Ok((json_text(&icp_validate::list_fields(l), true).map_err(serialised)?, true))))
}

/// The message catalog: what `icp-validate catalog` prints.
#[no_mangle]
pub extern "C" fn icp_catalog() -> i32 {
    verdict(json_text(&catalog::table(), true).map(|t| (t, true)).map_err(serialised))
}

// ---------------------------------------------------------------------------------------
// Filings and attachments

/// A filing: the output is what `icp-validate filing` prints (the report, pretty, and a
/// newline). Only the first `report::MAX_JSON_BYTES + 1` bytes are looked at, as the CLI
/// reads no more. `provider` (may be empty) overrides the filing's, as `--provider` does.
#[no_mangle]
pub extern "C" fn icp_validate_filing(json_ptr: *const u8, json_len: usize, provider_ptr: *const u8, provider_len: usize, locale_id: i32, today_yyyymmdd: i32) -> i32 {
    verdict((|| {
        let (locale, today) = (locale(locale_id)?, today(today_yyyymmdd)?);
        let provider = text("provider", provider_ptr, provider_len, MAX_NAME_BYTES)?;
        if !provider.is_empty() && provider.parse::<Provider>().is_err() {
            let ids: Vec<&str> = Provider::ALL.iter().map(|p| p.as_str()).collect();
            return Err(Failure("unknown_provider", format!("unknown provider {provider:?} (one of {})", ids.join(", "))));
        }
        let json = bytes("filing", json_ptr, json_len.min(wire::FILING_READ_LIMIT))?;
        let options = Options { provider: (!provider.is_empty()).then(|| provider.to_owned()), today: Some(today), locale: Some(locale.tag().to_owned()) };
        let report = wire::filing_report(json, &options);
        Ok((json_text(&report, true).map_err(serialised)?, report.valid))
    })())
}

/// An attachment from its header (at most `attachments::HEADER_LEN` bytes are read) and its
/// whole size: what `icp-validate attachment` prints.
#[no_mangle]
pub extern "C" fn icp_check_attachment(kind_ptr: *const u8, kind_len: usize, header_ptr: *const u8, header_len: usize, size: i64, context_ptr: *const u8, context_len: usize, locale_id: i32, today_yyyymmdd: i32) -> i32 {
    verdict((|| {
        let (locale, today) = (locale(locale_id)?, today(today_yyyymmdd)?);
        let kind = text("kind", kind_ptr, kind_len, MAX_NAME_BYTES)?;
        if !attachments::KINDS.iter().any(|k| k.id == kind) {
            let kinds: Vec<&str> = attachments::KINDS.iter().map(|k| k.id).collect();
            return Err(Failure("unknown_attachment_kind", format!("unknown attachment kind {kind:?} (one of {})", kinds.join(", "))));
        }
        let size = u64::try_from(size).map_err(|_| Failure("bad_size", format!("size {size} is negative")))?;
        let header = bytes("header", header_ptr, header_len.min(attachments::HEADER_LEN))?;
        let ctx = context(context_ptr, context_len, today)?;
        let result = icp_validate::check_attachment(kind, header, size, &ctx, locale);
        Ok((json_text(&result, false).map_err(serialised)?, result.valid))
    })())
}

// ---------------------------------------------------------------------------------------
// APP files, read in rounds (docs/ABI.md, "APP files")

/// Starts reading an APP file of `size` bytes (replacing a reading in progress).
#[no_mangle]
pub extern "C" fn icp_app_begin(size: i64) -> i32 {
    match u64::try_from(size) {
        Ok(size) => {
            READING.with(|r| *r.borrow_mut() = Some(RangeReader::new(size)));
            answer(Status::Valid, b"{}")
        }
        Err(_) => fail(Failure("bad_size", format!("size {size} is negative"))),
    }
}

/// Adds the bytes the host read at `offset`.
#[no_mangle]
pub extern "C" fn icp_app_add(offset: i64, ptr: *const u8, len: usize) -> i32 {
    let added = (|| {
        let offset = u64::try_from(offset).map_err(|_| Failure("bad_offset", format!("offset {offset} is negative")))?;
        let data = bytes("range", ptr, len)?;
        READING.with(|r| match r.borrow_mut().as_mut() {
            None => Err(Failure("no_reading", "icp_app_add before icp_app_begin".to_owned())),
            Some(reader) if reader.held_bytes() + len as u64 > MAX_APP_HELD_BYTES => Err(Failure("too_large", format!("an APP-file reading holds at most {MAX_APP_HELD_BYTES} bytes"))),
            Some(reader) => {
                reader.add(offset, data);
                Ok(())
            }
        })
    })();
    match added {
        Ok(()) => answer(Status::Valid, b"{}"),
        Err(f) => fail(f),
    }
}

/// Runs the reader over the ranges added: `NeedRanges` with `{"need":[[offset,length],..]}`,
/// or the answer, what `icp-validate app-info` prints, which ends the reading. `failed`
/// (non-zero): the host could not read a range asked for; this run answers.
#[no_mangle]
pub extern "C" fn icp_app_run(failed: i32, locale_id: i32, today_yyyymmdd: i32) -> i32 {
    let ran = (|| {
        let (locale, today) = (locale(locale_id)?, today(today_yyyymmdd)?);
        let round = READING.with(|r| r.borrow_mut().as_mut().map(|reader| reader.run(today, failed != 0)));
        match round {
            None => Err(Failure("no_reading", "icp_app_run before icp_app_begin".to_owned())),
            Some(Round::Need(need)) => Ok(Err(serde_json::json!({ "need": need }).to_string())),
            Some(Round::Done(info)) => {
                READING.with(|r| *r.borrow_mut() = None);
                let (json, valid) = wire::app_info_json(info, locale).map_err(serialised)?;
                Ok(Ok((json_text(&json, true).map_err(serialised)?, valid)))
            }
        }
    })();
    match ran {
        Ok(Err(need)) => answer(Status::NeedRanges, need.as_bytes()),
        Ok(Ok(done)) => verdict(Ok(done)),
        Err(f) => fail(f),
    }
}

/// Drops the reading in progress, if any.
#[no_mangle]
pub extern "C" fn icp_app_end() {
    READING.with(|r| *r.borrow_mut() = None);
}

#[cfg(test)]
mod tests;
