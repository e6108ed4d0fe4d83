//! Property tests of `clusterpolicy::complexity` against slow, obviously correct
//! implementations written here: a dense eigendecomposition (nalgebra) of the
//! non-symmetric `Mpp` for the eigenvector indices, triple loops for proximity and density,
//! pairwise counts for ROC AUC, and the invariants of the measures.
//!
//! Tolerances: 1e-9 for the eigenvector indices (the Lanczos residual is below 1e-14; the
//! eigenvector error is the residual over the eigengap, and the generated matrices have
//! gaps above 1e-4), 1e-12 for sums of at most a few hundred terms.

use clusterpolicy::complexity::{
    BacktestParams, ComplexityMethod, ComplexityParams, DensityParams, Diagonal, RelatednessMethod, RelatednessParams,
    backtest_scores, economic_complexity_values, relatedness_density_values, relatedness_values,
};
use clusterpolicy::model::Panel;
use clusterpolicy::ndarray::{Array2, Array3};
use nalgebra::{DMatrix, SymmetricEigen};
use proptest::prelude::*;

/// A random binary matrix in which every row and column has a presence.
fn presence_matrix(max_r: usize, max_c: usize) -> impl Strategy<Value = Array2<f64>> {
    (3..max_r, 3..max_c)
        .prop_flat_map(|(n, m)| (Just((n, m)), proptest::collection::vec(0.0..1.0f64, n * m), 0.15..0.6f64))
        .prop_map(|((n, m), u, p)| {
            let mut a = Array2::from_shape_fn((n, m), |(i, j)| if u[i * m + j] < p { 1.0 } else { 0.0 });
            for i in 0..n {
                a[[i, i % m]] = 1.0;
            }
            for j in 0..m {
                a[[j % n, j]] = 1.0;
            }
            a
        })
}

/// The py-ecomplexity computation written out: dense non-symmetric `Mpp`, all eigenpairs
/// (from the symmetric similar matrix, mapped back), the second, sign by diversity. None
/// when the answer is not unique.
fn slow_eigenvector_eci(m: &Array2<f64>) -> Option<(Vec<f64>, Vec<f64>, f64)> {
    let (n, k) = m.dim();
    let d: Vec<f64> = (0..n).map(|i| m.row(i).sum()).collect();
    let u: Vec<f64> = (0..k).map(|j| m.column(j).sum()).collect();
    // S = U^-1/2 M' D^-1 M U^-1/2
    let s =
        DMatrix::from_fn(k, k, |p, q| (0..n).map(|c| m[[c, p]] * m[[c, q]] / d[c]).sum::<f64>() / (u[p] * u[q]).sqrt());
    let e = SymmetricEigen::new(s);
    let mut idx: Vec<usize> = (0..k).collect();
    idx.sort_by(|&a, &b| e.eigenvalues[b].total_cmp(&e.eigenvalues[a]));
    let (l1, l2, l3) = (e.eigenvalues[idx[0]], e.eigenvalues[idx[1]], e.eigenvalues[idx[2]]);
    // Skip degenerate spectra (disconnected networks, repeated second eigenvalue).
    if (l1 - l2).abs() < 1e-4 || (l2 - l3).abs() < 1e-4 {
        return None;
    }
    let kp: Vec<f64> = (0..k).map(|p| e.eigenvectors[(p, idx[1])] / u[p].sqrt()).collect();
    let kc: Vec<f64> = (0..n).map(|c| (0..k).map(|p| m[[c, p]] * kp[p]).sum::<f64>() / d[c]).collect();
    let mean = |x: &[f64]| x.iter().sum::<f64>() / x.len() as f64;
    let (md, mk) = (mean(&d), mean(&kc));
    let cov: f64 = d.iter().zip(&kc).map(|(a, b)| (a - md) * (b - mk)).sum();
    let scale: f64 = d.iter().zip(&kc).map(|(a, b)| ((a - md) * (b - mk)).abs()).sum();
    // Skip sign-ambiguous cases (ECI uncorrelated with diversity, e.g. symmetric networks).
    if cov.abs() <= 1e-8 * scale {
        return None;
    }
    let sgn = if cov < 0.0 { -1.0 } else { 1.0 };
    let kc: Vec<f64> = kc.iter().map(|x| x * sgn).collect();
    let kp: Vec<f64> = kp.iter().map(|x| x * sgn).collect();
    let mu = mean(&kc);
    let sd = (kc.iter().map(|x| (x - mu).powi(2)).sum::<f64>() / n as f64).sqrt();
    Some((kc.iter().map(|x| (x - mu) / sd).collect(), kp.iter().map(|x| (x - mu) / sd).collect(), l2))
}

fn max_diff(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn eigenvector_eci_equals_dense_solution(m in presence_matrix(60, 70)) {
        if let Some((eci, pci, l2)) = slow_eigenvector_eci(&m) {
            let v = economic_complexity_values(m.view(), &ComplexityParams::default()).unwrap();
            prop_assert!((v.eigenvalue - l2).abs() < 1e-10);
            prop_assert!(max_diff(&v.eci.to_vec(), &eci) < 1e-9, "eci {}", max_diff(&v.eci.to_vec(), &eci));
            prop_assert!(max_diff(&v.pci.to_vec(), &pci) < 1e-9, "pci {}", max_diff(&v.pci.to_vec(), &pci));
        }
    }

    #[test]
    fn eci_follows_permutations(m in presence_matrix(30, 30)) {
        let (n, k) = m.dim();
        let rev = Array2::from_shape_fn((n, k), |(i, j)| m[[n - 1 - i, k - 1 - j]]);
        // Not `reflections`: its z-scores of nearly converged vectors amplify rounding by the
        // inverse of their tiny spread, so reordering the sums moves them beyond any fixed tolerance.
        let degenerate = slow_eigenvector_eci(&m).is_none();
        for method in [ComplexityMethod::Eigenvector, ComplexityMethod::Fitness, ComplexityMethod::EcongeoReflections] {
            if degenerate && method == ComplexityMethod::Eigenvector { continue; }
            let p = ComplexityParams::with_method(method);
            let (Ok(a), Ok(b)) = (economic_complexity_values(m.view(), &p), economic_complexity_values(rev.view(), &p)) else { continue };
            if a.eci.iter().any(|x| x.is_nan()) { continue; }
            let b_eci: Vec<f64> = b.eci.iter().rev().copied().collect();
            prop_assert!(max_diff(&a.eci.to_vec(), &b_eci) < 1e-8, "{method:?}");
        }
    }

    #[test]
    fn proximity_and_density_match_triple_loops(m in presence_matrix(25, 20)) {
        let (n, k) = m.dim();
        let phi = relatedness_values(m.view(), &RelatednessParams::default()).unwrap();
        for a in 0..k {
            for b in 0..k {
                let c: f64 = (0..n).map(|r| m[[r, a]] * m[[r, b]]).sum();
                let ua: f64 = m.column(a).sum();
                let ub: f64 = m.column(b).sum();
                let want = if a == b { 1.0 } else { (c / ua).min(c / ub) };
                prop_assert!((phi[[a, b]] - want).abs() < 1e-15);
                prop_assert_eq!(phi[[a, b]], phi[[b, a]]);
            }
        }
        let d = relatedness_density_values(m.view(), phi.view(), &DensityParams::default()).unwrap();
        for r in 0..n {
            for j in 0..k {
                let num: f64 = (0..k).map(|q| m[[r, q]] * phi[[q, j]]).sum();
                let den: f64 = (0..k).map(|q| phi[[q, j]]).sum();
                prop_assert!((d[[r, j]] - num / den).abs() < 1e-12);
                prop_assert!((0.0..=1.0 + 1e-12).contains(&d[[r, j]]));
            }
        }
    }

    #[test]
    fn econgeo_normalisations_are_symmetric_with_zero_diagonal(m in presence_matrix(25, 15)) {
        for method in [RelatednessMethod::Cosine, RelatednessMethod::Jaccard, RelatednessMethod::Association,
                       RelatednessMethod::Probability] {
            let r = relatedness_values(m.view(), &RelatednessParams { method, diagonal: Diagonal::Peer }).unwrap();
            for a in 0..r.nrows() {
                prop_assert_eq!(r[[a, a]], 0.0);
                for b in 0..r.ncols() {
                    prop_assert!((r[[a, b]] - r[[b, a]]).abs() < 1e-12);
                    prop_assert!(r[[a, b]] >= 0.0);
                }
            }
        }
    }

    #[test]
    fn backtest_auc_equals_pairwise_count(scores in proptest::collection::vec(0u8..6, 40), entries in proptest::collection::vec(any::<bool>(), 40)) {
        // One region, 40 activities; year 1 all absent (RCA 0 for activities 1..), year 2 the entries present.
        let m = 40;
        let mut v = Array3::<f64>::zeros((2, 2, m + 1));
        v[[0, 0, 0]] = 1.0; v[[0, 1, 0]] = 1.0;
        for j in 0..m { v[[0, 1, j + 1]] = 1.0; }
        v[[1, 0, 0]] = 1.0; v[[1, 1, 0]] = 1.0;
        for j in 0..m {
            v[[1, 1, j + 1]] = 1.0;
            if entries[j] { v[[1, 0, j + 1]] = 10.0; }
        }
        let panel = Panel::new(vec![2000, 2001], vec!["R".into(), "S".into()], (0..=m).map(|j| format!("A{j}")).collect(), v).unwrap();
        let mut s = Array3::<f64>::from_elem((2, 2, m + 1), f64::NAN);
        for j in 0..m { s[[0, 0, j + 1]] = f64::from(scores[j]); }
        let sp = Panel::new(vec![2000, 2001], vec!["R".into(), "S".into()], (0..=m).map(|j| format!("A{j}")).collect(), s).unwrap();
        let bt = backtest_scores(&panel, &sp, &BacktestParams { top_k: 5, ..BacktestParams::default() }).unwrap();
        let r = &bt.regions[0];
        prop_assert_eq!(r.candidates, m);
        prop_assert_eq!(r.entries, entries.iter().filter(|&&e| e).count());
        let (mut wins, mut pairs) = (0.0, 0.0);
        for a in 0..m { for b in 0..m {
            if entries[a] && !entries[b] {
                pairs += 1.0;
                wins += match scores[a].cmp(&scores[b]) { std::cmp::Ordering::Greater => 1.0, std::cmp::Ordering::Equal => 0.5, std::cmp::Ordering::Less => 0.0 };
            }
        }}
        if let Some(auc) = r.auc {
            prop_assert!((auc - wins / pairs).abs() < 1e-12);
        } else {
            prop_assert_eq!(pairs, 0.0);
        }
        if let Some(p) = r.precision_at_k { prop_assert!((0.0..=1.0).contains(&p)); }
        if let Some(ap) = r.average_precision { prop_assert!(ap > 0.0 && ap <= 1.0 + 1e-12); }
    }
}

#[test]
fn lanczos_on_a_large_sparse_matrix_equals_dense_solution() {
    // 300 x 120 with ~12 % presence: the Lanczos path (both sides above the dense limit).
    let (n, k) = (300, 120);
    let mut s: u64 = 42;
    let mut m = Array2::<f64>::zeros((n, k));
    for i in 0..n {
        for j in 0..k {
            s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let u = (s >> 11) as f64 / (1u64 << 53) as f64;
            // Nested structure: diverse regions hold rare activities more often.
            let p = 0.02 + 0.25 * (i as f64 / n as f64) * (1.0 - j as f64 / k as f64 * 0.8);
            if u < p || j == i % k {
                m[[i, j]] = 1.0;
            }
        }
    }
    let (eci, pci, l2) = slow_eigenvector_eci(&m).expect("non-degenerate");
    let v = economic_complexity_values(m.view(), &ComplexityParams::default()).unwrap();
    assert!((v.eigenvalue - l2).abs() < 1e-12);
    assert!(max_diff(&v.eci.to_vec(), &eci) < 1e-9, "{}", max_diff(&v.eci.to_vec(), &eci));
    assert!(max_diff(&v.pci.to_vec(), &pci) < 1e-9);
    // The transposed matrix takes the other side of the symmetric formulation.
    let t = m.t().to_owned();
    let (eci_t, _, _) = slow_eigenvector_eci(&t).expect("non-degenerate");
    let vt = economic_complexity_values(t.view(), &ComplexityParams::default()).unwrap();
    assert!(max_diff(&vt.eci.to_vec(), &eci_t) < 1e-9);
}
