//! Runs one benchmark input set N times, for profilers that count rather than time
//! (`valgrind --tool=callgrind`): instructions per item are repeatable on a shared machine,
//! where nanoseconds are not. `tools/instructions.sh` subtracts a 1-pass run from an
//! N-pass run, so input generation cancels out.
//!   cargo run --release --example profile_set -- md5 6
//!   cargo run --release --example profile_set -- filing:valid_website 6
//!   cargo run --release --example profile_set -- is_valid:mobile 6   (the boolean fast path)

#[path = "../benches/support/inputs.rs"]
mod inputs;

use std::hint::black_box;

use icp_validate::{validate_filing, Filing, Options};
use icp_validate::{is_valid, validate_field, Locale};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(set), Some(passes)) = (args.get(1), args.get(2).and_then(|n| n.parse::<usize>().ok())) else {
        eprintln!("usage: profile_set SET PASSES   (SET: a field set such as md5, or filing:NAME)");
        std::process::exit(2);
    };
    if let Some(name) = set.strip_prefix("filing:") {
        let (filing, options) = inputs::filing_json(name);
        let filing: Filing = serde_json::from_value(filing).expect("filing");
        let options: Options = serde_json::from_value(options).expect("options");
        for _ in 0..passes {
            black_box(validate_filing(black_box(&filing), &options));
        }
        return;
    }
    let (fast, set) = match set.strip_prefix("is_valid:") {
        Some(name) => (true, name),
        None => (false, set.as_str()),
    };
    let Some(field_set) = inputs::field_sets().into_iter().find(|s| s.name == set) else {
        eprintln!("unknown set {set}");
        std::process::exit(2);
    };
    let contexts: Vec<_> = field_set.provinces.iter().map(inputs::context).collect();
    for _ in 0..passes {
        for (v, c) in field_set.values.iter().zip(&contexts) {
            if fast {
                black_box(is_valid(black_box(field_set.field), black_box(v), c));
            } else {
                black_box(validate_field(black_box(field_set.field), black_box(v), c, Locale::ZhCn));
            }
        }
    }
}
