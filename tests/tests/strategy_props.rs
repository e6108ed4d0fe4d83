//! Property tests of `clusterpolicy::strategy`, and comparisons with slow, obviously correct
//! implementations written here.

use clusterpolicy::ndarray::{Array1, Array2};
use clusterpolicy::strategy::{
    BreakpointParams, CriterionType, DidObservation, DidPanelParams, Normalisation, PreferenceFunction,
    PrometheeParams, SmaaParams, TopsisParams, VikorParams, WeightSampling, WeightedParams, did_panel, did_two_period,
    promethee_ii, smaa, topsis, vikor, weight_breakpoints, weighted_product, weighted_sum,
};
use proptest::prelude::*;

/// A decision problem: values in 1..100 (continuous, so that exact ties only come from
/// duplicated rows), positive weights, random types.
fn problem() -> impl Strategy<Value = (Array2<f64>, Vec<f64>, Vec<CriterionType>)> {
    (2usize..9, 1usize..6).prop_flat_map(|(n, m)| {
        (
            proptest::collection::vec(1.0f64..100.0, n * m),
            proptest::collection::vec(0.01f64..1.0, m),
            proptest::collection::vec(any::<bool>(), m),
            proptest::option::of((0..n, 0..n)),
        )
            .prop_map(move |(v, w, t, dup)| {
                let mut x = Array2::from_shape_vec((n, m), v).unwrap();
                if let Some((a, b)) = dup {
                    let row = x.row(a).to_owned();
                    x.row_mut(b).assign(&row);
                }
                let t = t.into_iter().map(|c| if c { CriterionType::Cost } else { CriterionType::Benefit }).collect();
                (x, w, t)
            })
    })
}

fn all_ranks(x: &Array2<f64>, w: &[f64], t: &[CriterionType]) -> Vec<Vec<usize>> {
    let w = Array1::from(w.to_vec());
    let wp = WeightedParams::default();
    vec![
        weighted_sum(x.view(), w.view(), t, &wp).unwrap().rank,
        weighted_product(x.view(), w.view(), t, &wp).unwrap().rank,
        topsis(x.view(), w.view(), t, &TopsisParams::default()).unwrap().rank,
        vikor(x.view(), w.view(), t, &VikorParams::default()).unwrap().rank,
        promethee_ii(x.view(), w.view(), t, &PrometheeParams::default()).unwrap().rank,
    ]
}

/// Naive PROMETHEE flows straight from the definition.
fn naive_flows(
    x: &Array2<f64>,
    w: &[f64],
    t: &[CriterionType],
    f: PreferenceFunction,
    q: f64,
    p: f64,
    s: f64,
) -> Vec<f64> {
    let (n, m) = x.dim();
    let ws: f64 = w.iter().sum();
    let pref = |d: f64| match f {
        PreferenceFunction::Usual => f64::from(u8::from(d > 0.0)),
        PreferenceFunction::UShape => f64::from(u8::from(d > q)),
        PreferenceFunction::VShape => (d / p).clamp(0.0, 1.0),
        PreferenceFunction::Level => {
            if d > p {
                1.0
            } else if d > q {
                0.5
            } else {
                0.0
            }
        }
        PreferenceFunction::Linear => ((d - q) / (p - q)).clamp(0.0, 1.0),
        PreferenceFunction::Gaussian => {
            if d > 0.0 {
                1.0 - (-d * d / (2.0 * s * s)).exp()
            } else {
                0.0
            }
        }
    };
    (0..n)
        .map(|a| {
            let mut net = 0.0;
            for b in 0..n {
                for j in 0..m {
                    let sign = if t[j] == CriterionType::Cost { -1.0 } else { 1.0 };
                    let d = sign * x[[a, j]] - sign * x[[b, j]];
                    net += w[j] / ws * (pref(d) - pref(-d));
                }
            }
            net / (n as f64 - 1.0)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Scaling all weights by a positive factor keeps every method's ranking.
    #[test]
    fn scaling_weights_keeps_rankings((x, w, t) in problem(), c in 0.001f64..1000.0) {
        let scaled: Vec<f64> = w.iter().map(|v| v * c).collect();
        prop_assert_eq!(all_ranks(&x, &w, &t), all_ranks(&x, &scaled, &t));
    }

    /// An option that dominates another (at least as good everywhere, better somewhere) never
    /// ranks below it in the weighted sum and in TOPSIS.
    #[test]
    fn dominated_never_above_dominator((mut x, w, t) in problem(), a in 0usize..8, b in 0usize..8, gain in 0.5f64..20.0, k in 0usize..6) {
        let (n, m) = x.dim();
        let (a, b) = (a % n, b % n);
        prop_assume!(a != b);
        // make a dominate b: copy b, improve one criterion
        let row = x.row(b).to_owned();
        x.row_mut(a).assign(&row);
        let j = k % m;
        x[[a, j]] += if t[j] == CriterionType::Cost { -gain.min(x[[a, j]] - 0.5) } else { gain };
        let wv = Array1::from(w.clone());
        let s = weighted_sum(x.view(), wv.view(), &t, &WeightedParams::default()).unwrap();
        prop_assert!(s.rank[a] <= s.rank[b]);
        prop_assert!(s.scores[a] >= s.scores[b]);
        for norm in [Normalisation::Vector, Normalisation::MinMax, Normalisation::Linear] {
            let r = topsis(x.view(), wv.view(), &t, &TopsisParams { normalisation: norm }).unwrap();
            prop_assert!(r.rank[a] <= r.rank[b], "{:?}: {:?}", norm, r.closeness);
        }
    }

    /// The sorted-prefix-sum flows equal the pairwise definition for every preference function.
    #[test]
    fn promethee_fast_flows_equal_pairwise((x, w, t) in problem(), fi in 0usize..6, q in 0.0f64..20.0, dp in 0.1f64..40.0, s in 0.5f64..30.0) {
        let f = [PreferenceFunction::Usual, PreferenceFunction::UShape, PreferenceFunction::VShape,
                 PreferenceFunction::Level, PreferenceFunction::Linear, PreferenceFunction::Gaussian][fi];
        let m = x.ncols();
        let p = q + dp;
        let params = PrometheeParams { functions: vec![f], q: vec![q; m], p: vec![if f == PreferenceFunction::VShape { dp } else { p }; m], s: vec![s; m], pairwise: false };
        let got = promethee_ii(x.view(), Array1::from(w.clone()).view(), &t, &params).unwrap();
        let want = naive_flows(&x, &w, &t, f, q, if f == PreferenceFunction::VShape { dp } else { p }, s);
        for (g, e) in got.phi_net.iter().zip(&want) {
            prop_assert!((g - e).abs() < 1e-12, "{} vs {}", g, e);
        }
        prop_assert!(got.phi_net.iter().sum::<f64>().abs() < 1e-12);
    }

    /// SMAA: every rank's acceptabilities, and every option's, add up to 1.
    #[test]
    fn smaa_acceptabilities_sum_to_one((x, w, t) in problem(), seed in any::<u64>(), around in any::<bool>()) {
        let params = SmaaParams {
            samples: 500,
            seed,
            sampling: if around { WeightSampling::Around } else { WeightSampling::Uniform },
            weights: w,
            ..SmaaParams::default()
        };
        let r = smaa(x.view(), &t, &params).unwrap();
        let n = x.nrows();
        for k in 0..n {
            let col: f64 = r.rank_acceptability.iter().map(|row| row[k]).sum();
            prop_assert!((col - 1.0).abs() < 1e-12, "rank {}: {}", k + 1, col);
        }
        for row in &r.rank_acceptability {
            prop_assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        }
        for cw in r.central_weights.iter().flatten() {
            prop_assert!((cw.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        }
        // seeded: the same result again
        prop_assert_eq!(r, smaa(x.view(), &t, &params).unwrap());
    }

    /// The exact breakpoints agree with a dense scan of the weight of each criterion.
    #[test]
    fn breakpoints_match_a_dense_scan((x, w, t) in problem()) {
        let wv = Array1::from(w.clone());
        let s = weight_breakpoints(x.view(), wv.view(), &t, &BreakpointParams::default()).unwrap();
        let ws: f64 = w.iter().sum();
        let wn: Vec<f64> = w.iter().map(|v| v / ws).collect();
        let m = w.len();
        for c in &s.criteria {
            let j = c.criterion;
            for step in 0..=200 {
                let tt = f64::from(step) / 200.0;
                // the segment covering tt
                let Some(seg) = c.segments.iter().find(|g| g.from < tt && tt < g.to) else { continue };
                // stay away from breakpoints, where rounding decides
                if c.segments.iter().any(|g| (g.from - tt).abs() < 1e-6 || (g.to - tt).abs() < 1e-6) { continue; }
                let mut wt: Vec<f64> = if m == 1 { vec![1.0] } else if wn[j] < 1.0 {
                    wn.iter().map(|v| v * (1.0 - tt) / (1.0 - wn[j])).collect()
                } else { vec![(1.0 - tt) / (m as f64 - 1.0); m] };
                wt[j] = if m == 1 { 1.0 } else { tt };
                let r = weighted_sum(x.view(), Array1::from(wt).view(), &t, &WeightedParams::default()).unwrap();
                let best = r.scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                prop_assert!((r.scores[seg.top] - best).abs() < 1e-9, "criterion {} at {}: top {} scores {:?}", j, tt, seg.top, r.scores);
            }
        }
    }

    /// Two-period DiD equals the difference of the four group means; the fixed-effects
    /// estimator agrees on a balanced two-period panel.
    #[test]
    fn did_equals_difference_of_four_means(ys in proptest::collection::vec((-50.0f64..50.0, -50.0f64..50.0), 4..30), split in 1usize..29) {
        let g = ys.len();
        let split = 1 + split % (g - 1);
        let mut obs = Vec::new();
        for (i, (y0, y1)) in ys.iter().enumerate() {
            let treated = i < split;
            obs.push(DidObservation { unit: format!("u{i}"), time: 2015, outcome: *y0, treated: false });
            obs.push(DidObservation { unit: format!("u{i}"), time: 2021, outcome: *y1, treated });
        }
        let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len() as f64;
        let tb: Vec<f64> = ys[..split].iter().map(|p| p.0).collect();
        let ta: Vec<f64> = ys[..split].iter().map(|p| p.1).collect();
        let cb: Vec<f64> = ys[split..].iter().map(|p| p.0).collect();
        let ca: Vec<f64> = ys[split..].iter().map(|p| p.1).collect();
        let want = (mean(&ta) - mean(&tb)) - (mean(&ca) - mean(&cb));
        let two = did_two_period(&obs, &DidPanelParams::default()).unwrap();
        prop_assert!((two.did.estimate - want).abs() < 1e-9);
        let fe = did_panel(&obs, &DidPanelParams::default()).unwrap();
        prop_assert!((fe.estimate - want).abs() < 1e-9);
        // and the same cluster-robust standard error (K differs, so compare the unscaled parts)
        prop_assert!(two.did.std_error.is_some() && fe.std_error.is_some());
    }
}

/// The two-way fixed-effects estimate and its cluster-robust standard error equal those of
/// the dummy-variable regression solved by normal equations (an unbalanced staggered panel).
#[test]
fn twfe_matches_dummy_variable_regression() {
    let mut obs = Vec::new();
    let mut state = 12_345u64;
    let mut rnd = || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    for u in 0..12 {
        let start = [2016, 2018, 9999][u % 3];
        for t in 2012..2022 {
            if rnd() < 0.15 {
                continue; // unbalanced
            }
            let d = t >= start;
            let y = 0.3 * f64::from(u8::from(d)) + 0.1 * f64::from(t - 2012) + u as f64 + rnd();
            obs.push(DidObservation { unit: format!("r{u}"), time: t, outcome: y, treated: d });
        }
    }
    let fe = did_panel(&obs, &DidPanelParams::default()).unwrap();
    // dummy-variable regression: [D, unit dummies (all), time dummies (all but first)]
    let units: Vec<String> = {
        let mut u: Vec<String> = obs.iter().map(|o| o.unit.clone()).collect();
        u.dedup();
        u
    };
    let times: Vec<i32> = (2013..2022).collect();
    let k = 1 + units.len() + times.len();
    let n = obs.len();
    let mut x = vec![vec![0.0; k]; n];
    for (i, o) in obs.iter().enumerate() {
        x[i][0] = f64::from(u8::from(o.treated));
        x[i][1 + units.iter().position(|u| *u == o.unit).unwrap()] = 1.0;
        if let Some(p) = times.iter().position(|t| *t == o.time) {
            x[i][1 + units.len() + p] = 1.0;
        }
    }
    // (X'X)^-1 by Gauss-Jordan
    let mut a = vec![vec![0.0; 2 * k]; k];
    for r in &x {
        for i in 0..k {
            for j in 0..k {
                a[i][j] += r[i] * r[j];
            }
        }
    }
    for (i, row) in a.iter_mut().enumerate() {
        row[k + i] = 1.0;
    }
    for c in 0..k {
        let p = (c..k).max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs())).unwrap();
        a.swap(c, p);
        let d = a[c][c];
        for v in &mut a[c] {
            *v /= d;
        }
        for r in 0..k {
            if r != c {
                let f = a[r][c];
                let pivot = a[c].clone();
                for (v, pv) in a[r].iter_mut().zip(pivot) {
                    *v -= f * pv;
                }
            }
        }
    }
    let inv: Vec<Vec<f64>> = a.iter().map(|r| r[k..].to_vec()).collect();
    let xty: Vec<f64> = (0..k).map(|j| x.iter().zip(&obs).map(|(r, o)| r[j] * o.outcome).sum()).collect();
    let beta: Vec<f64> = (0..k).map(|i| (0..k).map(|j| inv[i][j] * xty[j]).sum()).collect();
    assert!((beta[0] - fe.estimate).abs() < 1e-10, "{} vs {}", beta[0], fe.estimate);
    let g = units.len();
    let mut meat0 = vec![0.0; g];
    for (r, o) in x.iter().zip(&obs) {
        let e = o.outcome - r.iter().zip(&beta).map(|(a, b)| a * b).sum::<f64>();
        let u = units.iter().position(|u| *u == o.unit).unwrap();
        meat0[u] += (0..k).map(|j| inv[0][j] * r[j]).sum::<f64>() * e;
    }
    let c = (g as f64 / (g as f64 - 1.0)) * ((n as f64 - 1.0) / (n as f64 - k as f64));
    let se = (c * meat0.iter().map(|v| v * v).sum::<f64>()).sqrt();
    assert!((se - fe.std_error.unwrap()).abs() < 1e-10, "{se} vs {:?}", fe.std_error);
}
