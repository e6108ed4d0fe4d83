//! Specialisation measures against the EconGeo outputs shipped with the Australian census
//! data (`../shared/data/australia-lga-anzsic19-census/`, see its PROVENANCE.md) and the
//! worked examples of `../shared/reference/cluster_mapping.json`.
//!
//! Tolerances: 1e-9 absolute where EconGeo does not round (our values follow EconGeo's order
//! of operations, so the observed errors are at the level of a few ulps); where EconGeo
//! rounds (RCA to 2 decimals, entropy, Gini and Hoover-Gini to 3, Hoover to 2 in percent) the
//! rounded values must be equal (compared to 1e-12, the printing noise of R's CSV). Every test
//! prints the maximum absolute error it measured.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use clusterpolicy::model::LabelledMatrix;
use clusterpolicy::model::csv::{LongCsvOptions, LongTable};
use clusterpolicy::specialisation::{Handling, RcaParams, presence, rca};
use clusterpolicy_tests::{shared_data, shared_reference};

const NON_INDUSTRIES: [&str; 3] = ["Inadequately described", "Not stated", "Not applicable"];

fn au_dir() -> Option<PathBuf> {
    shared_data().map(|d| d.join("australia-lga-anzsic19-census"))
}

/// The EconGeo input matrix of PROVENANCE.md: 2021, the 19 divisions, LGAs with a non-zero
/// total (554 x 19); zero rows are dropped by the `drop` policy of the measures.
fn au_2021(dir: &Path) -> LabelledMatrix {
    let opts = LongCsvOptions {
        region: "lga_pow".into(),
        activity: "industry".into(),
        year: Some("year".into()),
        value: "employment".into(),
        exclude_activities: NON_INDUSTRIES.iter().map(|s| (*s).to_owned()).collect(),
        ..LongCsvOptions::default()
    };
    let m = LongTable::from_path(dir.join("employment_lga_pow_industry.csv"), &opts)
        .unwrap()
        .matrix_for_year(2021)
        .unwrap();
    assert_eq!(m.dim(), (556, 19));
    m
}

fn drop_zero() -> RcaParams {
    RcaParams { zero_rows: Handling::Drop, ..RcaParams::default() }
}

/// `(region, activity) -> value` of one column of a long expected file.
fn expected_cells(path: &Path, region: &str, activity: &str, value: &str) -> HashMap<(String, String), f64> {
    let opts = LongCsvOptions {
        region: region.into(),
        activity: activity.into(),
        value: value.into(),
        ..LongCsvOptions::default()
    };
    LongTable::from_path(path, &opts).unwrap().records.into_iter().map(|r| ((r.region, r.activity), r.value)).collect()
}

/// Max absolute difference between a labelled matrix and expected cells (which must cover
/// exactly the matrix).
fn max_cell_error(m: &LabelledMatrix, expected: &HashMap<(String, String), f64>) -> f64 {
    assert_eq!(m.rows().len() * m.cols().len(), expected.len(), "cell count");
    let mut max: f64 = 0.0;
    for r in m.rows() {
        for c in m.cols() {
            let e = expected.get(&(r.clone(), c.clone())).unwrap_or_else(|| panic!("no expected value for {r} / {c}"));
            let v = m.get(r, c).unwrap();
            max = max.max((v - e).abs());
        }
    }
    max
}

#[test]
fn econgeo_location_quotient_binary_and_rounded_rca() {
    let Some(dir) = au_dir() else { return };
    let m = au_2021(&dir);
    let file = dir.join("expected_econgeo_2021_lq.csv");

    let lq = rca(&m, &drop_zero()).unwrap();
    assert_eq!(lq.dim(), (554, 19));
    let err = max_cell_error(&lq, &expected_cells(&file, "lga_pow", "industry", "location_quotient"));
    println!("location_quotient: max abs error {err:e}");
    assert!(err <= 1e-9, "location quotient differs from EconGeo by {err}");

    let bin = presence(&m, &drop_zero()).unwrap();
    let err = max_cell_error(&bin, &expected_cells(&file, "lga_pow", "industry", "lq_binary"));
    println!("lq_binary: max abs error {err:e}");
    assert_eq!(err, 0.0, "binary LQ differs from EconGeo");

    let rounded = rca(&m, &RcaParams { digits: Some(2), ..drop_zero() }).unwrap();
    let err = max_cell_error(&rounded, &expected_cells(&file, "lga_pow", "industry", "rca_econgeo_rounded2"));
    println!("rca_econgeo_rounded2: max abs error {err:e}");
    assert!(err <= 1e-12, "RCA rounded to 2 decimals differs from EconGeo's RCA() by {err}");
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn case<'a>(doc: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    doc["cases"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap_or_else(|| panic!("case {id}"))
}

fn matrix_of(v: &serde_json::Value) -> Vec<Vec<f64>> {
    v.as_array().unwrap().iter().map(|r| r.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect()).collect()
}

fn labelled(values: &[Vec<f64>], rows: &[String], cols: &[String]) -> LabelledMatrix {
    let flat: Vec<f64> = values.iter().flatten().copied().collect();
    let a = clusterpolicy::ndarray::Array2::from_shape_vec((rows.len(), cols.len()), flat).unwrap();
    LabelledMatrix::new(rows.to_vec(), cols.to_vec(), a).unwrap()
}

fn names(prefix: &str, n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("{prefix}{i}")).collect()
}

#[test]
fn reat_location_quotient_published_value() {
    let Some(dir) = shared_reference() else { return };
    let doc = json(&dir.join("cluster_mapping.json"));
    let c = case(&doc, "reat_locq_farhauer_kroell");
    let x = |k: &str| c["inputs"][k].as_f64().unwrap();
    let (e_ij, e_j, e_i, e) = (x("e_ij"), x("e_j"), x("e_i"), x("e"));
    // A two-region, two-activity matrix with these margins: region j (row 0) holds e_ij of
    // activity i (column 0) and e_j in total; activity i has e_i in total; everything is e.
    let m = labelled(&[vec![e_ij, e_j - e_ij], vec![e_i - e_ij, e - e_j - e_i + e_ij]], &names("R", 2), &names("I", 2));
    let lq = rca(&m, &RcaParams::default()).unwrap().get("R1", "I1").unwrap();
    let published = c["expected"]["LQ"].as_f64().unwrap();
    println!("REAT locq: {lq} vs published {published} (7 decimals)");
    assert!((lq - published).abs() < 5e-8, "{lq} vs {published}");
}

#[test]
fn econgeo_example_matrix() {
    let Some(dir) = shared_reference() else { return };
    let doc = json(&dir.join("cluster_mapping.json"));
    let c = case(&doc, "econgeo_location_quotient_example");
    let (rows, cols) = (names("R", 5), names("I", 5));
    let m = labelled(&matrix_of(&c["matrix"]), &rows, &cols);
    let lq = rca(&m, &RcaParams::default()).unwrap();
    let expected = matrix_of(&c["expected"]["LQ"]);
    let bin = presence(&m, &RcaParams::default()).unwrap();
    let expected_bin = matrix_of(&c["expected"]["binary_econgeo_semantics_ge1"]);
    for (i, (row, row_bin)) in expected.iter().zip(&expected_bin).enumerate() {
        for (j, (e, b)) in row.iter().zip(row_bin).enumerate() {
            assert!((lq.values()[[i, j]] - e).abs() < 1e-12, "LQ {i},{j}");
            assert_eq!(bin.values()[[i, j]], *b, "presence {i},{j}");
        }
    }
    // The strict rule (LQ > 1) differs exactly where LQ == 1.
    let strict = presence(&m, &RcaParams { threshold: 1.0 + 1e-12, ..RcaParams::default() }).unwrap();
    let expected_gt = matrix_of(&c["expected"]["binary_gt1"]);
    for (i, row) in expected_gt.iter().enumerate() {
        for (j, e) in row.iter().enumerate() {
            assert_eq!(strict.values()[[i, j]], *e, "strict presence {i},{j}");
        }
    }
}

/// A small reader of R's `write.csv` output: a header, quoted strings, unquoted numbers.
fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    fn split(line: &str) -> Vec<String> {
        let (mut out, mut cur, mut quoted) = (Vec::new(), String::new(), false);
        for ch in line.chars() {
            match ch {
                '"' => quoted = !quoted,
                ',' if !quoted => out.push(std::mem::take(&mut cur)),
                c => cur.push(c),
            }
        }
        out.push(cur);
        out
    }
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines().filter(|l| !l.is_empty());
    let header = split(lines.next().unwrap());
    (header, lines.map(split).collect())
}

/// `label -> value` of column `col` of a wide expected file keyed by its first column.
fn expected_column(path: &Path, col: &str) -> HashMap<String, f64> {
    let (header, rows) = read_csv(path);
    let k = header.iter().position(|h| h == col).unwrap_or_else(|| panic!("no column {col}"));
    rows.into_iter().map(|r| (r[0].clone(), r[k].parse().unwrap())).collect()
}

fn max_error(labels: &[String], ours: &[f64], expected: &HashMap<String, f64>) -> f64 {
    assert_eq!(labels.len(), expected.len(), "label count");
    labels.iter().zip(ours).map(|(l, v)| (v - expected[l]).abs()).fold(0.0, f64::max)
}

#[test]
fn econgeo_region_and_industry_indices() {
    use clusterpolicy::specialisation::{Convention, IndexParams, analyse};
    let Some(dir) = au_dir() else { return };
    let m = au_2021(&dir);
    let exact = IndexParams { rca: drop_zero(), convention: Convention::Exact };
    let econgeo = IndexParams { rca: drop_zero(), convention: Convention::EconGeo };
    let a = analyse(&m, &exact, None).unwrap();
    let e = analyse(&m, &econgeo, None).unwrap();
    let regions = dir.join("expected_econgeo_2021_regions.csv");
    let industries = dir.join("expected_econgeo_2021_industries.csv");
    let r = &a.regions;
    // (name, ours, expected column, tolerance): 1e-9 where EconGeo does not round, equality
    // of the rounded values (to R's printing) where it does.
    let region_checks: [(&str, &[f64], &str, f64); 7] = [
        ("location_quotient_avg", &r.location_quotient_avg, "location_quotient_avg", 1e-9),
        ("krugman", &r.krugman, "krugman_index", 1e-9),
        ("specialisation_coefficient", &r.specialisation_coefficient, "spec_coeff", 1e-9),
        ("hachman", &r.hachman, "hachman", 1e-9),
        ("herfindahl", &r.herfindahl, "herfindahl", 1e-9),
        ("entropy (econ_geo)", &e.regions.entropy, "entropy_log2_rounded3", 1e-12),
        ("diversity", &r.diversity, "diversity_rca", 0.0),
    ];
    for (name, ours, col, tol) in region_checks {
        let err = max_error(&r.regions, ours, &expected_column(&regions, col));
        println!("{name}: max abs error {err:e}");
        assert!(err <= tol, "{name} differs from EconGeo by {err}");
    }
    let x = &a.activities;
    let activity_checks: [(&str, &[f64], &str, f64); 5] = [
        ("ubiquity", &x.ubiquity, "ubiquity_rca", 0.0),
        ("gini (econ_geo)", &e.activities.gini, "gini", 1e-12),
        ("locational_gini", &x.locational_gini, "locational_gini", 1e-9),
        ("hoover (econ_geo, percent)", &e.activities.hoover, "hoover_index_pop_employment", 1e-12),
        ("hoover_gini (econ_geo)", &e.activities.hoover_gini, "hoover_gini_pop_employment", 1e-12),
    ];
    for (name, ours, col, tol) in activity_checks {
        let err = max_error(&x.activities, ours, &expected_column(&industries, col));
        println!("{name}: max abs error {err:e}");
        assert!(err <= tol, "{name} differs from EconGeo by {err}");
    }
    // The unrounded values round to EconGeo's.
    for (exact_v, econ_v) in r.entropy.iter().zip(&e.regions.entropy) {
        assert!((exact_v - econ_v).abs() < 1.5e-3, "{exact_v} vs {econ_v}");
    }
    for ((h, he), (g, ge)) in x.hoover.iter().zip(&e.activities.hoover).zip(x.gini.iter().zip(&e.activities.gini)) {
        assert!((h * 100.0 - he).abs() <= 0.005 + 1e-12 && (g - ge).abs() <= 0.0005 + 1e-12);
    }
}
