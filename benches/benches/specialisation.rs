//! Benchmarks of the specialisation measures on the US County Business Patterns 2019 matrix
//! (933 CBSAs x 288 NAICS 4-digit industries) from `../shared/data` (skipped when absent),
//! in both memory orders (pandas hands `NumPy` a column-major array).

use std::hint::black_box;
use std::path::PathBuf;

use clusterpolicy::model::csv::{LongCsvOptions, LongTable, Missing};
use clusterpolicy::ndarray::{Array2, ShapeBuilder};
use clusterpolicy::specialisation::{IndexParams, RcaParams, analyse_values, presence_values, rca_values};
use criterion::{Criterion, criterion_group, criterion_main};

fn cbp() -> Option<Array2<f64>> {
    let shared = std::env::var_os("CLUSTERPOLICY_SHARED")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"), PathBuf::from);
    let path = shared.join("data/us-cbsa-naics-cbp-2019/cbp2019_cbsa_naics4.csv");
    if !path.is_file() {
        println!("skipping: {} not found", path.display());
        return None;
    }
    let opts = LongCsvOptions {
        region: "cbsa_code".into(),
        activity: "naics_code".into(),
        value: "emp".into(),
        missing: Missing::Skip,
        ..LongCsvOptions::default()
    };
    let m = LongTable::from_path(&path, &opts).ok()?.to_matrix().ok()?;
    Some(m.values().to_owned())
}

fn specialisation(c: &mut Criterion) {
    let Some(x) = cbp() else { return };
    let mut f = Array2::zeros(x.raw_dim().f());
    f.assign(&x);
    for (order, a) in [("c", &x), ("f", &f)] {
        c.bench_function(&format!("cbp_rca_{order}"), |b| {
            b.iter(|| rca_values(black_box(a.view()), &RcaParams::default()));
        });
        c.bench_function(&format!("cbp_presence_{order}"), |b| {
            b.iter(|| presence_values(black_box(a.view()), &RcaParams::default()));
        });
        c.bench_function(&format!("cbp_analyse_{order}"), |b| {
            b.iter(|| analyse_values(black_box(a.view()), &IndexParams::default(), None));
        });
    }
}

criterion_group!(benches, specialisation);
criterion_main!(benches);
