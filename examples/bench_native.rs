//! Native ns/op over exactly the inputs of benches/support/inputs.rs, as one JSON object
//! (criterion's output is hard to put side by side with the wasm and peer numbers).
//!   cargo run --release --example bench_native            -> {"resident_id": 123.4, ...,
//!                                                             "is_valid:resident_id": 45.6, ...}
//!   cargo run --release --example bench_native -- --dump F -> writes the inputs to F (JSON)
//! BENCH_SECS (default 1) is the measuring time per set; the figure is the median of 5 rounds.

#[path = "../benches/support/inputs.rs"]
mod inputs;

use std::hint::black_box;
use std::time::{Duration, Instant};

use icp_validate::check_attachment;
use icp_validate::{validate_filing, Filing, Options};
use icp_validate::{is_valid, validate_field, Locale};

/// Median ns per item over 5 rounds; each round loops the whole set as often as fits.
fn measure(items: usize, secs: f64, mut run_all: impl FnMut()) -> f64 {
    let warm = Instant::now();
    let mut passes = 0u64;
    while warm.elapsed() < Duration::from_secs_f64(secs / 5.0) || passes == 0 {
        run_all();
        passes += 1;
    }
    let per_pass = warm.elapsed().as_secs_f64() / passes as f64;
    let reps = ((secs / 5.0 / per_pass) as u64).max(1);
    let mut rounds: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..reps {
                run_all();
            }
            t.elapsed().as_nanos() as f64 / (reps as f64 * items as f64)
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    rounds[2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--dump") {
        let path = args.get(i + 1).expect("--dump FILE");
        std::fs::write(path, serde_json::to_string(&inputs::dump()).expect("JSON")).expect("write inputs");
        return;
    }
    let secs: f64 = std::env::var("BENCH_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let mut results = serde_json::Map::new();
    for set in inputs::field_sets() {
        let contexts: Vec<_> = set.provinces.iter().map(inputs::context).collect();
        let ns = measure(set.values.len(), secs, || {
            for (v, c) in set.values.iter().zip(&contexts) {
                black_box(validate_field(black_box(set.field), black_box(v), c, Locale::ZhCn));
            }
        });
        results.insert(set.name.into(), ns.into());
        // The boolean fast path on the same values.
        let ns = measure(set.values.len(), secs, || {
            for (v, c) in set.values.iter().zip(&contexts) {
                black_box(is_valid(black_box(set.field), black_box(v), c));
            }
        });
        results.insert(format!("is_valid:{}", set.name), ns.into());
    }
    let attachments = inputs::attachments();
    let ctx = inputs::context(&None);
    let ns = measure(attachments.len(), secs, || {
        for a in &attachments {
            black_box(check_attachment(a.kind, black_box(&a.header), a.total_size, &ctx, Locale::ZhCn));
        }
    });
    results.insert("attachment".into(), ns.into());
    for name in inputs::FILINGS {
        let (filing, options) = inputs::filing_json(name);
        let filing: Filing = serde_json::from_value(filing).expect("filing");
        let options: Options = serde_json::from_value(options).expect("options");
        let ns = measure(1, secs, || {
            black_box(validate_filing(black_box(&filing), &options));
        });
        results.insert(format!("filing:{name}"), ns.into());
    }
    println!("{}", serde_json::Value::Object(results));
}
