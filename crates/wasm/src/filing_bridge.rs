//! In the filing module, the filing check's field rules are answered by the field module,
//! passed to `filingResult` by the package's JS, in one call per filing: installed as the
//! core's answerer (`__shell::install_answerer`), so no field rule is linked into the filing
//! module. The wire itself is the core's src/registry/bridge.rs.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use icp_validate::__shell::{decode_answers, encode_batch, excerpt, install_answerer, Answers, Batch};

#[wasm_bindgen]
extern "C" {
    /// The field module's exports (its `fieldOutcomes`).
    #[derive(Clone)]
    pub type FieldModule;
    /// The texts cross as UTF-8 bytes (copied, not transcoded to and from JS strings).
    #[wasm_bindgen(method, catch, js_name = fieldOutcomes)]
    fn field_outcomes(this: &FieldModule, batch: &[u8]) -> Result<Vec<u8>, JsValue>;
}

thread_local! {
    static FIELDS: RefCell<Option<FieldModule>> = const { RefCell::new(None) };
    /// Why a batch went unanswered during the current `with_field_module`.
    static FAULT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `f` with `fields` answering the filing check's batches; `Err` says why `fields` did not
/// answer (the modules of two builds mixed: `f`'s result is then dropped, it rests on empty
/// outcomes).
pub fn with_field_module<T>(fields: FieldModule, f: impl FnOnce() -> T) -> Result<T, String> {
    FIELDS.with(|m| *m.borrow_mut() = Some(fields));
    FAULT.with(|e| *e.borrow_mut() = None);
    install_answerer(Some(answer));
    let out = f();
    install_answerer(None);
    FIELDS.with(|m| *m.borrow_mut() = None);
    match FAULT.with(|e| e.borrow_mut().take()) {
        None => Ok(out),
        Some(why) => Err(format!("icp-validate: the filing module could not use the field module's answers ({why}); both must come from the same build of the package")),
    }
}

fn answer(batch: &Batch) -> Answers {
    let fields = FIELDS.with(|m| m.borrow().clone());
    let answered = match fields {
        None => Err("no field module was given".to_owned()),
        Some(fields) => match fields.field_outcomes(encode_batch(batch).as_bytes()) {
            Err(e) => Err(format!("fieldOutcomes threw: {}", e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_default())),
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                decode_answers(&text, batch).ok_or_else(|| format!("unreadable answer: {}", excerpt(&text, 60)))
            }
        },
    };
    answered.unwrap_or_else(|why| {
        FAULT.with(|e| *e.borrow_mut() = Some(why));
        let mut empty = Answers::default();
        empty.outcomes.resize_with(batch.fields.len(), Default::default);
        empty.phone_lines.resize_with(batch.phones.len(), Default::default);
        empty
    })
}
