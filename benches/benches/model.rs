//! Benchmarks of the data model: JSON parsing, writing and validation of the embedded dataset.

use std::hint::black_box;

use clusterpolicy::{Dataset, sample};
use criterion::{Criterion, criterion_group, criterion_main};

fn model(c: &mut Criterion) {
    let ds = sample::south_east_europe();
    let json = ds.to_json();
    c.bench_function("sample_generate", |b| b.iter(sample::south_east_europe));
    c.bench_function("dataset_from_json", |b| b.iter(|| Dataset::from_json(black_box(&json))));
    c.bench_function("dataset_to_json", |b| b.iter(|| black_box(&ds).to_json()));
    c.bench_function("dataset_validate", |b| b.iter(|| black_box(&ds).validate()));
}

criterion_group!(benches, model);
criterion_main!(benches);
