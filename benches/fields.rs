//! Criterion benchmarks per field family and for whole filings, on the deterministic inputs of
//! benches/support/inputs.rs. Throughput is per item, so criterion's "elem/s" is items/s.
//! `cargo bench --bench fields`; tools/bench.sh uses examples/bench_native.rs for the table.

#[path = "support/inputs.rs"]
mod inputs;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use icp_validate::check_attachment;
use icp_validate::{validate_filing, Filing, Options};
use icp_validate::{validate_field, Locale};

fn fields(c: &mut Criterion) {
    let mut group = c.benchmark_group("field");
    for set in inputs::field_sets() {
        let contexts: Vec<_> = set.provinces.iter().map(inputs::context).collect();
        group.throughput(Throughput::Elements(set.values.len() as u64));
        group.bench_function(set.name, |b| {
            b.iter(|| {
                for (v, c) in set.values.iter().zip(&contexts) {
                    black_box(validate_field(black_box(set.field), black_box(v), c, Locale::ZhCn));
                }
            })
        });
    }
    let attachments = inputs::attachments();
    let ctx = inputs::context(&None);
    group.throughput(Throughput::Elements(attachments.len() as u64));
    group.bench_function("attachment", |b| {
        b.iter(|| {
            for a in &attachments {
                black_box(check_attachment(a.kind, black_box(&a.header), a.total_size, &ctx, Locale::ZhCn));
            }
        })
    });
    group.finish();
}

fn filings(c: &mut Criterion) {
    let mut group = c.benchmark_group("filing");
    for name in inputs::FILINGS {
        let (filing, options) = inputs::filing_json(name);
        let filing: Filing = serde_json::from_value(filing).expect("filing");
        let options: Options = serde_json::from_value(options).expect("options");
        group.bench_function(*name, |b| b.iter(|| black_box(validate_filing(black_box(&filing), &options))));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(1)).sample_size(20);
    targets = fields, filings
}
criterion_main!(benches);
