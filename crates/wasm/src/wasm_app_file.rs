//! The npm package's app-file module (feature `app-file-module`, loaded on first use): the
//! APP-file reader of src/appfile/ and nothing else. Reading a `File` in a browser is
//! asynchronous and the reader is synchronous, so the reading is restartable: JS gives the
//! file's length, the reader runs over the ranges fetched so far, and each run either answers
//! or names the ranges it lacked, which JS slices from the file and adds before the next run
//! (pkg-templates/app-file.js). Findings go out as codes with typed params, worded in JS
//! from the catalog, as the other modules' (wasm.rs).

use wasm_bindgen::prelude::*;

use icp_validate::__shell::{cross_check, Finding, RangeReader, Round, Typed, Value};
use icp_validate::{Date, Severity};

/// A value as api.js words it: a term tagged `{"$t":id}`, a term list `{"$T":[..]}`.
fn tagged(v: &Value) -> serde_json::Value {
    use serde_json::json;
    match v {
        Value::Bool(b) => json!(b),
        Value::Int(i) => json!(i),
        Value::Str(s) => json!(s),
        Value::Input(s) => json!(s),
        Value::Province(p) => json!({ "$p": p.0 }),
        Value::Provider(id) => json!({ "$r": id }),
        Value::Term(t) => json!({ "$t": t.id }),
        Value::InputList(items) => json!(items),
        Value::TermList(items) => json!({ "$T": items.iter().map(|t| t.id).collect::<Vec<_>>() }),
    }
}

/// `[[name, value], ..]`, in their order (the wording takes a repeated name's first).
fn params(f: &Finding) -> serde_json::Value {
    f.params.iter().map(|(k, v)| serde_json::json!([k, tagged(v)])).collect()
}

/// One file being read: `new AppFileReading(size)`, then `run(..)` until it answers.
#[wasm_bindgen]
pub struct AppFileReading {
    reader: RangeReader,
}

#[wasm_bindgen]
impl AppFileReading {
    #[wasm_bindgen(constructor)]
    pub fn new(size: f64) -> AppFileReading {
        let size = if size.is_finite() && size > 0.0 { size as u64 } else { 0 };
        AppFileReading { reader: RangeReader::new(size) }
    }

    /// Adds the bytes JS sliced at `offset`.
    pub fn add(&mut self, offset: f64, bytes: &[u8]) {
        if offset.is_finite() && offset >= 0.0 {
            self.reader.add(offset as u64, bytes);
        }
    }

    /// Runs the reader over the ranges held: `{"need":[[offset, length], ..]}`, or the answer
    /// `{"info": AppInfo as the CLI prints it, "e"/"w": [[code, params], ..], "x": [[path,
    /// severity, code, params], ..] (the typed values against the file's, at paths under
    /// `at`), "rounds": n}`. `today` is `YYYY-MM-DD`, else the JS clock's date in China.
    /// `failed`: a slice failed, so this run answers, with the reads it lacked as failed.
    #[allow(clippy::too_many_arguments)]
    pub fn run(&mut self, today: &str, package: Option<String>, md5: Option<String>, public_key: Option<String>, platform: Option<String>, at: &str, failed: bool) -> String {
        let today = Date::parse(today).unwrap_or_else(|| Date::from_unix_seconds_cst((js_sys::Date::now() / 1000.0) as i64));
        let info = match self.reader.run(today, failed) {
            Round::Need(need) => return serde_json::json!({ "need": need }).to_string(),
            Round::Done(info) => info,
        };
        let typed = Typed { package: package.as_deref(), md5: md5.as_deref(), public_key: public_key.as_deref(), platform: platform.as_deref() };
        let crossed = cross_check(&info, &typed, at);
        let of = |s: Severity| info.findings.iter().filter(|f| f.severity == s).map(|f| serde_json::json!([f.code.id, params(f)])).collect::<Vec<_>>();
        let x: Vec<serde_json::Value> = crossed.iter().map(|(path, f)| serde_json::json!([path, f.severity, f.code.id, params(f)])).collect();
        serde_json::json!({ "info": &info, "e": of(Severity::Error), "w": of(Severity::Warning), "x": x, "rounds": self.reader.rounds() }).to_string()
    }
}
