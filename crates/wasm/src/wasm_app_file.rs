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

/// A value as JSON carries it, and as api.js words it: tagged where JSON alone would lose its
/// type, as src/wasm.rs writes it (`{"$t":id}`, `message::WireTag`).
fn json_of(v: &Value, tagged: bool) -> serde_json::Value {
    use serde_json::json;
    let plain = match v {
        Value::Bool(b) => json!(b),
        Value::Int(i) => json!(i),
        Value::Str(s) => json!(s),
        Value::Input(s) => json!(s),
        Value::Province(p) => json!(p.0),
        Value::Provider(id) => json!(id),
        Value::Term(t) => json!(t.id),
        Value::InputList(items) => json!(items),
        Value::TermList(items) => json!(items.iter().map(|t| t.id).collect::<Vec<_>>()),
    };
    match v.wire_tag() {
        Some(tag) if tagged => json!({ tag.key(): plain }),
        _ => plain,
    }
}

/// `[[name, value], ..]`, in their order (the wording takes a repeated name's first), then the
/// public params map (`outcome::public_order`).
fn params(f: &Finding) -> [serde_json::Value; 2] {
    let mut public = serde_json::Map::new();
    for i in icp_validate::__shell::public_order(&f.params) {
        let (k, v) = &f.params[i];
        public.insert((*k).to_owned(), json_of(v, false));
    }
    [f.params.iter().map(|(k, v)| serde_json::json!([k, json_of(v, true)])).collect(), public.into()]
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
    /// `{"info": AppInfo as the CLI prints it, "e"/"w": [[code, params, map], ..], "x": [[path,
    /// severity, code, params, map], ..] (the typed values against the file's, at paths under
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
        let of = |s: Severity| {
            let worded = info.findings.iter().filter(|f| f.severity == s).map(|f| {
                let [wording, public] = params(f);
                serde_json::json!([f.code.id, wording, public])
            });
            worded.collect::<Vec<_>>()
        };
        let x: Vec<serde_json::Value> = crossed.iter().map(|(path, f)| {
            let [wording, public] = params(f);
            serde_json::json!([path, f.severity, f.code.id, wording, public])
        }).collect();
        serde_json::json!({ "info": &info, "e": of(Severity::Error), "w": of(Severity::Warning), "x": x, "rounds": self.reader.rounds() }).to_string()
    }
}
