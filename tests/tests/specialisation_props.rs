//! Property tests and slow, obviously correct implementations of the specialisation
//! measures; the policies for zero rows, zero columns and missing values; the star-rating
//! worked example of `../shared/reference/cluster_mapping.json`.
//!
//! Tolerances: 1e-9 relative between the fast code and the slow implementations written
//! here (different summation orders and algorithms agree to a few ulps on these sizes);
//! shift-share components add up to the observed change to one rounding of the last
//! addition (the regional shift is the residual), i.e. 4 ulps of the largest magnitude.

use clusterpolicy::Error;
use clusterpolicy::model::{LabelledMatrix, Panel};
use clusterpolicy::ndarray::{Array2, Array3, array};
use clusterpolicy::specialisation::{
    ClusterCategory, ClusterMapping, Convention, FocusScope, Handling, IndexParams, RcaParams, StarParams,
    VarietyParams, analyse, groups_by_prefix, presence, rca, rca_panel, shift_share, star_clusters, star_ratings,
    symmetric_rca, variety,
};
use proptest::prelude::*;

fn labels(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}{i:02}")).collect()
}

fn matrix(v: Array2<f64>) -> LabelledMatrix {
    let (n, m) = v.dim();
    LabelledMatrix::new(labels("R", n), labels("A", m), v).unwrap()
}

/// Strictly positive integer counts, 2-9 regions x 2-9 activities.
fn positive() -> impl Strategy<Value = Array2<f64>> {
    (2usize..10, 2usize..10).prop_flat_map(|(n, m)| {
        proptest::collection::vec(1u32..5000, n * m)
            .prop_map(move |v| Array2::from_shape_vec((n, m), v.into_iter().map(f64::from).collect()).unwrap())
    })
}

/// Non-negative counts with many zeros, every row and column non-zero.
fn sparse() -> impl Strategy<Value = Array2<f64>> {
    (2usize..10, 2usize..10).prop_flat_map(|(n, m)| {
        proptest::collection::vec(prop_oneof![3 => Just(0u32), 2 => 1u32..500], n * m).prop_map(move |v| {
            let mut a = Array2::from_shape_vec((n, m), v.into_iter().map(f64::from).collect()).unwrap();
            for i in 0..n {
                a[[i, i % m]] += 1.0;
            }
            for j in 0..m {
                a[[j % n, j]] += 1.0;
            }
            a
        })
    })
}

/// 33-300 regions x 1-5 activities; per matrix one kind of values: small integers with
/// many zeros and ties, floats over thirty binades, or a crowd within 1e-9 of 1000 with a
/// few large values. Every row and column non-zero.
fn tall() -> impl Strategy<Value = Array2<f64>> {
    (33usize..300, 1usize..6, 0u8..3).prop_flat_map(|(n, m, kind)| {
        proptest::collection::vec((0u32..1000, 0u32..1_000_000), n * m).prop_map(move |v| {
            let cell = |(a, b): (u32, u32)| match kind {
                0 => f64::from(a % 40) - 15.0,
                1 if a % 3 == 0 => 0.0,
                1 => 2f64.powf(f64::from(a % 30)) * (1.0 + f64::from(b) / 1e6),
                _ if a % 50 == 0 => 1e6 + f64::from(b),
                _ => 1000.0 + f64::from(b % 1000) * 1e-12,
            };
            let mut x = Array2::from_shape_vec((n, m), v.into_iter().map(|c| cell(c).max(0.0)).collect()).unwrap();
            for i in 0..n {
                x[[i, i % m]] += 1.0;
            }
            x
        })
    })
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()))
}

// ---- slow reference implementations ----

fn slow_rca(x: &Array2<f64>) -> Array2<f64> {
    let (n, m) = x.dim();
    let total: f64 = x.iter().sum();
    Array2::from_shape_fn((n, m), |(i, j)| {
        let row: f64 = (0..m).map(|k| x[[i, k]]).sum();
        let col: f64 = (0..n).map(|k| x[[k, j]]).sum();
        (x[[i, j]] / row) / (col / total)
    })
}

/// Gini by the mean absolute difference.
fn slow_gini(v: &[f64]) -> f64 {
    let n = v.len() as f64;
    let mean = v.iter().sum::<f64>() / n;
    let mut s = 0.0;
    for a in v {
        for b in v {
            s += (a - b).abs();
        }
    }
    s / (2.0 * n * n * mean)
}

/// One minus twice the area under the curve of (cumulative pop share, cumulative ind share),
/// points ordered by ind / pop, by the trapezoid rule.
fn slow_curve_gini(ind: &[f64], pop: &[f64]) -> f64 {
    let mut idx: Vec<usize> = (0..ind.len()).collect();
    idx.sort_by(|&a, &b| (ind[a] / pop[a]).partial_cmp(&(ind[b] / pop[b])).unwrap());
    let (ti, tp): (f64, f64) = (ind.iter().sum(), pop.iter().sum());
    let (mut ci, mut cp, mut area) = (0.0, 0.0, 0.0);
    for k in idx {
        let (ci1, cp1) = (ci + ind[k] / ti, cp + pop[k] / tp);
        area += (cp1 - cp) * (ci1 + ci) / 2.0;
        ci = ci1;
        cp = cp1;
    }
    1.0 - 2.0 * area
}

/// Every output of `analyse` against the slow implementations above (`reference`: the
/// Hoover reference distribution, default the regions' totals). Diversity and ubiquity
/// always equal the counts of the library's own RCA at or above 1; they equal the counts
/// of the slow RCA too when `exact_presence`, or else where no RCA lies within rounding of
/// the threshold (non-integer inputs can put it on either side).
fn check_against_slow(x: &Array2<f64>, reference: Option<&[f64]>, exact_presence: bool) {
    let m = matrix(x.clone());
    let lq = rca(&m, &RcaParams::default()).unwrap();
    let slow = slow_rca(x);
    for (a, b) in lq.values().iter().zip(slow.iter()) {
        assert!(close(*a, *b));
    }
    let a = analyse(&m, &IndexParams::default(), reference).unwrap();
    let (n, k) = x.dim();
    let total: f64 = x.iter().sum();
    let shares: Vec<f64> = (0..k).map(|j| x.column(j).sum() / total).collect();
    for i in 0..n {
        let r = x.row(i).sum();
        let s: Vec<f64> = x.row(i).iter().map(|v| v / r).collect();
        let krugman: f64 = s.iter().zip(&shares).map(|(a, b)| (a - b).abs()).sum();
        let entropy: f64 = -s.iter().filter(|v| **v > 0.0).map(|v| v * v.log2()).sum::<f64>();
        let herf: f64 = s.iter().map(|v| v * v).sum();
        let avg: f64 = s.iter().zip(&shares).map(|(a, b)| a / b * a).sum();
        let div = (0..k).filter(|&j| slow[[i, j]] >= 1.0).count() as f64;
        assert!(close(a.regions.krugman[i], krugman));
        assert!(close(a.regions.specialisation_coefficient[i], krugman / 2.0));
        assert!(close(a.regions.entropy[i], entropy));
        assert!(close(a.regions.herfindahl[i], herf));
        assert!(close(a.regions.location_quotient_avg[i], avg));
        assert!(close(a.regions.hachman[i], 1.0 / avg));
        let own = (0..k).filter(|&j| lq.values()[[i, j]] >= 1.0).count() as f64;
        assert_eq!(a.regions.diversity[i], own);
        if exact_presence || (0..k).all(|j| (slow[[i, j]] - 1.0).abs() > 1e-9) {
            assert_eq!(a.regions.diversity[i], div);
        }
    }
    let rows: Vec<f64> = (0..n).map(|i| x.row(i).sum()).collect();
    let pop: Vec<f64> = rows.iter().map(|r| r / total).collect();
    for j in 0..k {
        let col: Vec<f64> = x.column(j).to_vec();
        let c: f64 = col.iter().sum();
        let p = reference.unwrap_or(&rows);
        let pt: f64 = p.iter().sum();
        let hoover: f64 = 0.5 * col.iter().zip(p).map(|(v, r)| (v / c - r / pt).abs()).sum::<f64>();
        assert!(close(a.activities.gini[j], slow_gini(&col)), "gini {j}");
        assert!(close(a.activities.hoover[j], hoover), "hoover {j}");
        assert!(close(a.activities.hoover_gini[j], slow_curve_gini(&col, p)), "hoover-gini {j}");
        assert!(close(a.activities.locational_gini[j], slow_curve_gini(&col, &pop) / 2.0), "loc gini {j}");
        let ubq = (0..n).filter(|&i| slow[[i, j]] >= 1.0).count() as f64;
        let own = (0..n).filter(|&i| lq.values()[[i, j]] >= 1.0).count() as f64;
        assert_eq!(a.activities.ubiquity[j], own);
        if exact_presence || (0..n).all(|i| (slow[[i, j]] - 1.0).abs() > 1e-9) {
            assert_eq!(a.activities.ubiquity[j], ubq);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn lq_of_the_whole_economy_is_one(x in sparse()) {
        // The economy as one region: every activity has LQ 1.
        let whole = x.sum_axis(clusterpolicy::ndarray::Axis(0)).insert_axis(clusterpolicy::ndarray::Axis(0));
        let lq = rca(&matrix(whole), &RcaParams::default()).unwrap();
        prop_assert!(lq.values().iter().all(|v| close(*v, 1.0)), "{:?}", lq.values());
        // The employment-weighted mean LQ of each activity over regions is 1.
        let lq = rca(&matrix(x.clone()), &RcaParams::default()).unwrap();
        let total: f64 = x.iter().sum();
        for j in 0..x.ncols() {
            let mean: f64 = (0..x.nrows()).map(|i| x.row(i).sum() / total * lq.values()[[i, j]]).sum();
            prop_assert!(close(mean, 1.0), "activity {j}: {mean}");
        }
    }

    #[test]
    fn rca_and_indices_equal_slow_implementations(x in sparse()) {
        check_against_slow(&x, None, true);
    }

    /// Columns long enough for the radix sorts (more than 32 non-zero cells), with values
    /// that tie often, spread over many binades, or crowd into one slice of the key range
    /// (which sends the sort to its comparison fallback); with and without a reference
    /// distribution of its own.
    #[test]
    fn long_columns_equal_slow_implementations(x in tall(), seed in any::<u64>(), own_reference in any::<bool>()) {
        let reference: Vec<f64> = (0..x.nrows()).map(|i| 1.0 + ((seed >> (i % 60)) & 7) as f64).collect();
        check_against_slow(&x, own_reference.then_some(reference.as_slice()), false);
        // Both memory orders give the same values.
        let mut f = Array2::zeros(clusterpolicy::ndarray::ShapeBuilder::f(x.raw_dim()));
        f.assign(&x);
        let p = IndexParams::default();
        let (c, o) = (clusterpolicy::specialisation::analyse_values(x.view(), &p, None).unwrap(), clusterpolicy::specialisation::analyse_values(f.view(), &p, None).unwrap());
        // (Row and column sums add in the order of memory, so non-integer values may differ
        // in the last bits.)
        for (a, b) in o.rca.iter().zip(&c.rca).chain(o.activities.hoover_gini.iter().zip(&c.activities.hoover_gini)).chain(o.regions.entropy.iter().zip(&c.regions.entropy)) {
            prop_assert!(close(*a, *b));
        }
    }

    #[test]
    fn indices_lie_in_their_documented_bounds(x in sparse(), econgeo in any::<bool>()) {
        let convention = if econgeo { Convention::EconGeo } else { Convention::Exact };
        let a = analyse(&matrix(x.clone()), &IndexParams { convention, ..IndexParams::default() }, None).unwrap();
        let (n, m) = x.dim();
        let eps = 1e-12;
        let r = &a.regions;
        for i in 0..n {
            prop_assert!(r.location_quotient_avg[i] >= 1.0 - eps);
            prop_assert!((0.0..2.0).contains(&r.krugman[i]));
            prop_assert!((0.0..1.0).contains(&r.specialisation_coefficient[i]));
            prop_assert!(r.hachman[i] > 0.0 && r.hachman[i] <= 1.0 + eps);
            prop_assert!(r.herfindahl[i] >= 1.0 / m as f64 - eps && r.herfindahl[i] <= 1.0 + eps);
            prop_assert!(r.entropy[i] >= -eps && r.entropy[i] <= (m as f64).log2() + 1e-3);
            prop_assert!(r.diversity[i] >= 0.0 && r.diversity[i] <= m as f64);
        }
        let h_max = if econgeo { 100.0 } else { 1.0 };
        let t = &a.activities;
        for j in 0..m {
            prop_assert!(t.ubiquity[j] >= 1.0 && t.ubiquity[j] <= n as f64); // someone holds the largest share
            prop_assert!(t.gini[j] >= -eps && t.gini[j] <= (n as f64 - 1.0) / n as f64 + 1e-3);
            prop_assert!(t.locational_gini[j] >= -eps && t.locational_gini[j] < 0.5);
            prop_assert!(t.hoover[j] >= -eps && t.hoover[j] <= h_max + eps);
            prop_assert!(t.hoover_gini[j] >= -1e-3 && t.hoover_gini[j] <= 1.0 + eps);
        }
        let s = symmetric_rca(&matrix(x), &RcaParams::default()).unwrap();
        prop_assert!(s.values().iter().all(|v| (-1.0..1.0).contains(v)));
    }

    #[test]
    fn permuting_regions_and_activities_permutes_outputs(x in positive(), seed in any::<u64>()) {
        let (n, m) = x.dim();
        // A deterministic permutation from the seed.
        let perm = |len: usize, salt: u64| {
            let mut p: Vec<usize> = (0..len).collect();
            p.sort_by_key(|&i| (i as u64 + 1).wrapping_mul(seed | 1).wrapping_add(salt).rotate_left(17));
            p
        };
        let (pr, pc) = (perm(n, 7), perm(m, 11));
        let m0 = matrix(x.clone());
        let y = Array2::from_shape_fn((n, m), |(i, j)| x[[pr[i], pc[j]]]);
        let rows: Vec<String> = pr.iter().map(|&i| m0.rows()[i].clone()).collect();
        let cols: Vec<String> = pc.iter().map(|&j| m0.cols()[j].clone()).collect();
        let m1 = LabelledMatrix::new(rows, cols, y).unwrap();
        let (a0, a1) = (analyse(&m0, &IndexParams::default(), None).unwrap(), analyse(&m1, &IndexParams::default(), None).unwrap());
        for (i, &pi) in pr.iter().enumerate() {
            for (j, &pj) in pc.iter().enumerate() {
                prop_assert!(close(a1.rca[[i, j]], a0.rca[[pi, pj]]));
                prop_assert_eq!(a1.presence[[i, j]], a0.presence[[pi, pj]]);
            }
            prop_assert!(close(a1.regions.krugman[i], a0.regions.krugman[pi]));
            prop_assert!(close(a1.regions.entropy[i], a0.regions.entropy[pi]));
            prop_assert!(close(a1.regions.location_quotient_avg[i], a0.regions.location_quotient_avg[pi]));
            prop_assert_eq!(a1.regions.diversity[i], a0.regions.diversity[pi]);
        }
        for (j, &pj) in pc.iter().enumerate() {
            prop_assert!(close(a1.activities.gini[j], a0.activities.gini[pj]));
            prop_assert!(close(a1.activities.locational_gini[j], a0.activities.locational_gini[pj]));
            prop_assert!(close(a1.activities.hoover[j], a0.activities.hoover[pj]));
            prop_assert!(close(a1.activities.hoover_gini[j], a0.activities.hoover_gini[pj]));
            prop_assert_eq!(a1.activities.ubiquity[j], a0.activities.ubiquity[pj]);
        }
    }

    #[test]
    fn shift_share_components_add_up_to_the_change(x0 in sparse(), growth in proptest::collection::vec(0u32..300, 81)) {
        let (n, m) = x0.dim();
        let x1 = Array2::from_shape_fn((n, m), |(i, j)| (x0[[i, j]] * f64::from(growth[(i * m + j) % 81]) / 100.0).round());
        let s = shift_share(&matrix(x0.clone()), &matrix(x1.clone())).unwrap();
        for r in &s.records {
            prop_assert_eq!(r.change, r.end - r.base);
            let sum = r.national_growth + r.industry_mix + r.regional_shift;
            let scale = r.national_growth.abs().max(r.industry_mix.abs()).max(r.regional_shift.abs()).max(r.change.abs());
            prop_assert!((sum - r.change).abs() <= 4.0 * f64::EPSILON * scale, "{sum} vs {}", r.change);
            // The regional shift is x0 (g_ri - g_i).
            if r.base > 0.0 {
                let j = s.records.iter().position(|q| q.activity == r.activity).unwrap() % m;
                let g_ri = r.end / r.base - 1.0;
                prop_assert!((r.regional_shift - r.base * (g_ri - s.activity_rates[j])).abs() <= 1e-9 * (1.0 + r.base * 4.0));
            }
        }
        let total_change: f64 = s.regions.iter().map(|t| t.change).sum();
        let total_ng: f64 = s.regions.iter().map(|t| t.national_growth).sum();
        // National growth sums to the change of the whole matrix; industry mix sums to 0.
        prop_assert!((total_ng - total_change).abs() <= 1e-9 * (1.0 + total_change.abs()));
        prop_assert!(s.regions.iter().map(|t| t.industry_mix).sum::<f64>().abs() <= 1e-9 * (1.0 + x0.sum()));
    }

    #[test]
    fn variety_decomposes_entropy(x in sparse(), len in 1usize..3) {
        let m = matrix(x.clone());
        let groups = groups_by_prefix(m.cols(), len + 1);
        let v = variety(&m, &groups, &VarietyParams::default()).unwrap();
        let a = analyse(&m, &IndexParams::default(), None).unwrap();
        for i in 0..x.nrows() {
            prop_assert!(close(v.related_variety[i] + v.unrelated_variety[i], v.entropy[i]));
            prop_assert!(close(v.entropy[i], a.regions.entropy[i]));
            prop_assert!(v.related_variety[i] >= -1e-12 && v.unrelated_variety[i] >= -1e-12);
        }
    }
}

/// A quotient that overflows to infinity (a tiny activity share) is present, as in
/// `rca >= threshold`; a NaN cell stays NaN.
#[test]
fn an_infinite_quotient_is_present() {
    let x = array![[1e-300, 0.0], [0.0, 1e10]];
    let a = clusterpolicy::specialisation::analyse_values(x.view(), &IndexParams::default(), None).unwrap();
    assert_eq!(a.rca[[0, 0]], f64::INFINITY);
    assert_eq!(a.presence, array![[1.0, 0.0], [0.0, 1.0]]);
    assert_eq!(a.regions.diversity, [1.0, 1.0]);
    assert_eq!(a.activities.ubiquity, [1.0, 1.0]);
}

#[test]
fn zero_row_and_column_policies() {
    let x = array![[10.0, 0.0, 5.0], [0.0, 0.0, 0.0], [3.0, 0.0, 7.0]];
    let m = matrix(x);
    let p = |zero_rows, zero_cols| RcaParams { zero_rows, zero_cols, ..RcaParams::default() };
    let nan = rca(&m, &p(Handling::Nan, Handling::Nan)).unwrap();
    assert_eq!(nan.dim(), (3, 3));
    assert!(nan.values().row(1).iter().all(|v| v.is_nan()) && nan.values().column(1).iter().all(|v| v.is_nan()));
    let zero = rca(&m, &p(Handling::Zero, Handling::Zero)).unwrap();
    assert!(zero.values().row(1).iter().chain(zero.values().column(1).iter()).all(|v| *v == 0.0));
    let dropped = rca(&m, &p(Handling::Drop, Handling::Drop)).unwrap();
    assert_eq!(
        (dropped.rows(), dropped.cols()),
        (&["R00".to_owned(), "R02".to_owned()][..], &["A00".to_owned(), "A02".to_owned()][..])
    );
    assert_eq!(dropped.get("R00", "A00"), nan.get("R00", "A00"));
    let err = rca(&m, &p(Handling::Error, Handling::Nan)).unwrap_err();
    assert!(matches!(&err, Error::Empty { what } if what.contains("`R01`")), "{err}");
    let err = rca(&m, &p(Handling::Nan, Handling::Error)).unwrap_err();
    assert!(matches!(&err, Error::Empty { what } if what.contains("`A01`")), "{err}");
    // Presence keeps NaN where the RCA is NaN and 0 under `zero`.
    let pr = presence(&m, &p(Handling::Nan, Handling::Zero)).unwrap();
    assert!(pr.values()[[1, 0]].is_nan() && pr.values()[[0, 1]] == 0.0 && pr.values()[[0, 0]] == 1.0);
    // Region indices of a zero row take the fill; a zero column does not disturb them.
    let a = analyse(&m, &IndexParams { rca: p(Handling::Nan, Handling::Nan), ..IndexParams::default() }, None).unwrap();
    assert!(a.regions.krugman[1].is_nan() && a.regions.krugman[0].is_finite() && a.activities.gini[1].is_nan());
    let d =
        analyse(&m, &IndexParams { rca: p(Handling::Drop, Handling::Drop), ..IndexParams::default() }, None).unwrap();
    assert!((a.regions.krugman[0] - d.regions.krugman[0]).abs() < 1e-15);
    let everything_zero = matrix(Array2::zeros((2, 2)));
    assert!(matches!(rca(&everything_zero, &p(Handling::Drop, Handling::Nan)), Err(Error::Empty { .. })));
}

#[test]
fn missing_values_policies_and_bad_input() {
    let x = array![[10.0, f64::NAN, 5.0], [2.0, 4.0, 6.0], [3.0, 1.0, 7.0]];
    let m = matrix(x);
    let p = |missing| RcaParams { missing, ..RcaParams::default() };
    let err = rca(&m, &p(Handling::Error)).unwrap_err();
    assert!(matches!(&err, Error::NonFinite { at, .. } if at.contains("`R00`") && at.contains("`A01`")), "{err}");
    let dropped = rca(&m, &p(Handling::Drop)).unwrap();
    assert_eq!(dropped.rows(), ["R01", "R02"]);
    let zero = rca(&m, &p(Handling::Zero)).unwrap();
    let explicit =
        rca(&matrix(array![[10.0, 0.0, 5.0], [2.0, 4.0, 6.0], [3.0, 1.0, 7.0]]), &RcaParams::default()).unwrap();
    assert_eq!(zero.values(), explicit.values());
    // `nan`: the cell is left out of the totals (as pandas' skipna) and its RCA is NaN.
    let nan = rca(&m, &p(Handling::Nan)).unwrap();
    assert!(nan.values()[[0, 1]].is_nan());
    assert_eq!(nan.values()[[0, 0]], explicit.values()[[0, 0]]);
    // Infinite and negative values are errors naming the cell.
    let inf = matrix(array![[1.0, f64::INFINITY], [1.0, 1.0]]);
    assert!(matches!(rca(&inf, &p(Handling::Zero)), Err(Error::NonFinite { .. })));
    let neg = matrix(array![[1.0, -2.0], [1.0, 1.0]]);
    let err = rca(&neg, &RcaParams::default()).unwrap_err();
    assert!(
        matches!(&err, Error::InvalidParameter { name, reason } if name == "values" && reason.contains("`A01`")),
        "{err}"
    );
    let bad = RcaParams { threshold: 0.0, ..RcaParams::default() };
    assert!(
        matches!(rca(&matrix(array![[1.0]]), &bad), Err(Error::InvalidParameter { name, .. }) if name == "threshold")
    );
    // Panels carry the year in the message.
    let panel = Panel::new(
        vec![2020, 2021],
        labels("R", 2),
        labels("A", 2),
        Array3::from_shape_vec((2, 2, 2), vec![1.0, 1.0, 1.0, 1.0, 1.0, f64::NAN, 1.0, 1.0]).unwrap(),
    )
    .unwrap();
    let err = rca_panel(&panel, &RcaParams::default()).unwrap_err();
    assert!(err.to_string().contains("year 2021"), "{err}");
}

#[test]
fn star_rating_worked_example() {
    let Some(dir) = clusterpolicy_tests::shared_reference() else { return };
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("cluster_mapping.json")).unwrap()).unwrap();
    let c = doc["cases"].as_array().unwrap().iter().find(|c| c["id"] == "eco_three_star_synthetic").unwrap();
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_owned()).collect()
    };
    let nums = |v: &serde_json::Value| -> Vec<Vec<f64>> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect())
            .collect()
    };
    let (regions, cats) = (strings(&c["regions"]), strings(&c["categories"]));
    let emp = nums(&c["employment"]);
    let flat: Vec<f64> = emp.iter().flatten().copied().collect();
    let m = LabelledMatrix::new(
        regions.clone(),
        cats.clone(),
        Array2::from_shape_vec((regions.len(), cats.len()), flat).unwrap(),
    )
    .unwrap();
    let totals: Vec<f64> =
        c["region_total_employment"].as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect();
    let s = star_ratings(&m, &totals, &StarParams::default()).unwrap();
    let e = &c["expected"];
    let (lq, share) = (nums(&e["LQ"]), nums(&e["cluster_share_of_region"]));
    let star = |k: &str| nums(&e[k]);
    let (size, spec, focus, stars) =
        (star("size_star"), star("specialisation_star"), star("focus_star"), star("stars"));
    let mut max_lq: f64 = 0.0;
    for (k, r) in s.iter().enumerate() {
        let (i, j) = (k / cats.len(), k % cats.len());
        assert_eq!((r.region.as_str(), r.category.as_str()), (regions[i].as_str(), cats[j].as_str()));
        // Expected LQ and shares are printed to 4 and 5 significant decimals.
        max_lq = max_lq.max((r.location_quotient - lq[i][j]).abs());
        assert!((r.location_quotient - lq[i][j]).abs() <= 5e-5, "LQ {i},{j}: {}", r.location_quotient);
        assert!((r.focus - share[i][j]).abs() <= 5e-6, "focus {i},{j}: {}", r.focus);
        assert_eq!(f64::from(u8::from(r.size_star)), size[i][j], "size {i},{j}");
        assert_eq!(f64::from(u8::from(r.specialisation_star)), spec[i][j], "specialisation {i},{j}");
        assert_eq!(f64::from(u8::from(r.focus_star)), focus[i][j], "focus star {i},{j}");
        assert_eq!(f64::from(r.stars), stars[i][j], "stars {i},{j}");
    }
    println!("three-star example: LQ max abs error {max_lq:e} (expected printed to 4 decimals); all stars equal");
    // Ranking focus among all pairs gives the single top 10% of the 30 pairs = 3 stars.
    let all = star_ratings(&m, &totals, &StarParams { focus_scope: FocusScope::All, ..StarParams::default() }).unwrap();
    assert_eq!(all.iter().filter(|r| r.focus_star).count(), 3);
}

#[test]
fn stars_from_activities_and_mapping() {
    let m = LabelledMatrix::new(
        labels("R", 3),
        vec!["C29".into(), "C30".into(), "J62".into(), "Q86".into()],
        array![[500.0, 100.0, 10.0, 390.0], [10.0, 10.0, 300.0, 680.0], [50.0, 20.0, 30.0, 900.0]],
    )
    .unwrap();
    let mapping = ClusterMapping {
        name: "test".into(),
        source: "test".into(),
        example: true,
        categories: vec![
            ClusterCategory {
                id: "auto".into(),
                name: "Automotive".into(),
                activities: vec!["C29".into(), "C30".into()],
            },
            ClusterCategory { id: "ict".into(), name: "ICT".into(), activities: vec!["J62".into(), "J63".into()] },
        ],
    };
    let s = star_clusters(&m, &mapping, &StarParams::default()).unwrap();
    assert_eq!(s.len(), 6);
    let auto_r0 = &s[0];
    assert_eq!(auto_r0.employment, 600.0);
    assert_eq!(auto_r0.focus, 0.6);
    assert!(auto_r0.size_star && auto_r0.focus_star && auto_r0.specialisation_star);
    let ict_r1 = &s[3];
    assert_eq!((ict_r1.category.as_str(), ict_r1.employment, ict_r1.stars), ("ict", 300.0, 3));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// NumPy hands column-major arrays (pandas) as often as row-major ones: the kernels give
    /// the same numbers for both memory orders, and for a strided view.
    #[test]
    fn memory_order_does_not_change_results(x in sparse()) {
        use clusterpolicy::ndarray::{Axis, ShapeBuilder};
        use clusterpolicy::specialisation::{analyse_values, rca_values};
        let mut f = Array2::zeros(x.raw_dim().f());
        f.assign(&x);
        let wide = Array2::from_shape_fn((x.nrows(), 2 * x.ncols()), |(i, j)| if j % 2 == 0 { x[[i, j / 2]] } else { -1.0 });
        let mut strided = wide.view();
        strided.slice_axis_inplace(Axis(1), clusterpolicy::ndarray::Slice::new(0, None, 2));
        let p = IndexParams::default();
        let c = analyse_values(x.view(), &p, None).unwrap();
        for v in [f.view(), strided] {
            let o = analyse_values(v, &p, None).unwrap();
            prop_assert_eq!(&o.presence, &c.presence);
            prop_assert_eq!(&o.regions.diversity, &c.regions.diversity);
            for (a, b) in o.rca.iter().zip(c.rca.iter()) {
                prop_assert_eq!(a, b); // same operations in the same order: bit-identical
            }
            for (a, b) in o.activities.gini.iter().zip(&c.activities.gini) {
                prop_assert!(close(*a, *b));
            }
            for (a, b) in o.regions.entropy.iter().zip(&c.regions.entropy) {
                prop_assert!(close(*a, *b));
            }
            prop_assert_eq!(&rca_values(v, &RcaParams::default()).unwrap().values, &rca_values(x.view(), &RcaParams::default()).unwrap().values);
        }
    }
}
