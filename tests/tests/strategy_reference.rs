//! Reference tests of `clusterpolicy::strategy` against the worked examples in
//! `../shared/reference/` (read in place).
//!
//! Tolerances: the reference files print most numbers to 6 decimals (some to 3, 4 or 8), so a
//! value is compared to half a unit of its last printed digit plus 1e-12 (`printed_tol`);
//! values printed exactly (0.5, 2.75, 1.0, ...) are thereby compared to about 1e-12. Each test
//! prints the largest absolute difference it saw (`cargo test -- --nocapture`). The Python tests
//! compare the same cases with pymcdm's unrounded outputs to 1e-9.

use clusterpolicy::model::LabelledMatrix;
use clusterpolicy::ndarray::{Array1, Array2};
use clusterpolicy::strategy::{
    AhpMethod, AhpParams, CriterionType, DidObservation, DidPanelParams, Dimension, Normalisation, PeerParams,
    PreferenceFunction, PrometheeParams, RandomIndex, ScenarioRulesParams, SmaaMethod, SmaaParams, TopsisParams,
    VikorParams, WeightedParams, achievement_rate, ahp, did_panel, did_two_period, nearest_peers, normalise,
    peer_distances, promethee_ii, scenario_rules, smaa, topsis, vikor, weighted_product, weighted_sum,
};
use serde_json::Value;

fn load(name: &str) -> Option<Value> {
    let dir = clusterpolicy_tests::shared_reference()?;
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    Some(serde_json::from_str(&text).unwrap())
}

fn matrix(v: &Value) -> Array2<f64> {
    let rows: Vec<Vec<f64>> = v.as_array().unwrap().iter().map(floats).collect();
    let (n, m) = (rows.len(), rows[0].len());
    Array2::from_shape_vec((n, m), rows.concat()).unwrap()
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect()
}

fn types(v: &Value) -> Vec<CriterionType> {
    floats(v).into_iter().map(|t| CriterionType::from_sign(t).unwrap()).collect()
}

fn ranks(v: &Value) -> Vec<usize> {
    v.as_array().unwrap().iter().map(|x| x.as_u64().unwrap() as usize).collect()
}

/// Half a unit of the last printed decimal of `x` (as `serde_json` prints it back), plus 1e-12.
fn printed_tol(x: f64) -> f64 {
    let s = format!("{x}");
    let decimals = s.split_once('.').map_or(0, |(_, d)| d.len());
    0.5 * 10f64.powi(-(decimals as i32)) + 1e-12
}

/// Compares `got` with printed `want`; returns the largest absolute difference.
fn close(what: &str, got: &[f64], want: &Value) -> f64 {
    let want = floats(want);
    assert_eq!(got.len(), want.len(), "{what}: length");
    let mut worst: f64 = 0.0;
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        let d = (g - w).abs();
        assert!(d <= printed_tol(*w), "{what}[{i}]: got {g}, want {w} (diff {d:e})");
        worst = worst.max(d);
    }
    worst
}

fn report(file: &str, worst: f64) {
    println!("max abs error {file}: {worst:e}");
}

#[test]
fn topsis_reference() {
    let Some(r) = load("mcda_topsis.json") else { return };
    let mut worst: f64 = 0.0;
    for case in r["cases"].as_array().unwrap() {
        let x = matrix(&case["matrix"]);
        let w = Array1::from(floats(&case["weights"]));
        let t = types(&case["types"]);
        for (key, norm) in [
            ("vector_normalisation", Normalisation::Vector),
            ("minmax_normalisation_pymcdm_default", Normalisation::MinMax),
        ] {
            let e = &case["expected"][key];
            let got = topsis(x.view(), w.view(), &t, &TopsisParams { normalisation: norm }).unwrap();
            let id = case["id"].as_str().unwrap();
            worst = worst.max(close(&format!("{id} {key} closeness"), &got.closeness, &e["closeness"]));
            worst = worst.max(close(&format!("{id} {key} d_plus"), &got.d_plus, &e["d_plus"]));
            worst = worst.max(close(&format!("{id} {key} d_minus"), &got.d_minus, &e["d_minus"]));
            assert_eq!(got.rank, ranks(&e["rank"]), "{id} {key} rank");
        }
    }
    // Hwang & Yoon's published three-decimal closeness
    let case = &r["cases"][0];
    let got = topsis(
        matrix(&case["matrix"]).view(),
        Array1::from(floats(&case["weights"])).view(),
        &types(&case["types"]),
        &TopsisParams::default(),
    )
    .unwrap();
    for (g, p) in got.closeness.iter().zip([0.643, 0.268, 0.614, 0.312]) {
        assert!((g - p).abs() <= 0.0005 + 1e-12, "published {p}, got {g}");
    }
    report("mcda_topsis.json", worst);
}

#[test]
fn vikor_reference() {
    let Some(r) = load("mcda_vikor.json") else { return };
    let mut worst: f64 = 0.0;
    for case in r["cases"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap();
        let x = matrix(&case["matrix"]);
        let got = vikor(
            x.view(),
            Array1::from(floats(&case["weights"])).view(),
            &types(&case["types"]),
            &VikorParams { v: case["v"].as_f64().unwrap() },
        )
        .unwrap();
        let e = &case["expected"];
        worst = worst.max(close(&format!("{id} S"), &got.s, &e["S"]));
        worst = worst.max(close(&format!("{id} R"), &got.r, &e["R"]));
        worst = worst.max(close(&format!("{id} Q"), &got.q, &e["Q"]));
        worst = worst.max(close(&format!("{id} DQ"), &[got.dq], &Value::from(vec![e["DQ"].clone()])));
        assert_eq!(got.rank, ranks(&e["rank_by_Q"]), "{id} rank");
        assert_eq!(got.acceptable_advantage, e["C1_acceptable_advantage"].as_bool().unwrap(), "{id} C1");
        assert_eq!(got.acceptable_stability, e["C2_acceptable_stability"].as_bool().unwrap(), "{id} C2");
        let names: Vec<&str> = case["alternatives"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
        let set: Vec<&str> = got.compromise.iter().map(|&i| names[i]).collect();
        let want: Vec<&str> = e["compromise_set"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
        assert_eq!(set, want, "{id} compromise set");
    }
    report("mcda_vikor.json", worst);
}

#[test]
fn promethee_reference() {
    let Some(r) = load("mcda_promethee2.json") else { return };
    let mut worst: f64 = 0.0;
    for case in r["cases"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap();
        let x = matrix(&case["matrix"]);
        let functions: Vec<PreferenceFunction> = serde_json::from_value(case["preference_functions"].clone()).unwrap();
        let opt = |k: &str| if case.get(k).is_some_and(|v| !v.is_null()) { floats(&case[k]) } else { Vec::new() };
        let params = PrometheeParams { functions, q: opt("q"), p: opt("p"), s: opt("s"), pairwise: true };
        let got =
            promethee_ii(x.view(), Array1::from(floats(&case["weights"])).view(), &types(&case["types"]), &params)
                .unwrap();
        let e = &case["expected"];
        worst = worst.max(close(&format!("{id} phi+"), &got.phi_plus, &e["phi_plus"]));
        worst = worst.max(close(&format!("{id} phi-"), &got.phi_minus, &e["phi_minus"]));
        worst = worst.max(close(&format!("{id} phi"), &got.phi_net, &e["phi_net"]));
        assert_eq!(got.rank, ranks(&e["rank"]), "{id} rank");
        let pi = got.pi.unwrap();
        if let Some(want) = e.get("pi_matrix") {
            for (a, row) in pi.iter().enumerate() {
                worst = worst.max(close(&format!("{id} pi[{a}]"), row, &want[a]));
            }
        }
        // the fast flows agree with the pairwise matrix
        let n = pi.len() as f64;
        for a in 0..pi.len() {
            let plus: f64 = pi[a].iter().sum::<f64>() / (n - 1.0);
            let minus: f64 = pi.iter().map(|row| row[a]).sum::<f64>() / (n - 1.0);
            assert!((plus - got.phi_plus[a]).abs() < 1e-14 && (minus - got.phi_minus[a]).abs() < 1e-14);
        }
    }
    report("mcda_promethee2.json", worst);
}

#[test]
fn ahp_reference() {
    let Some(r) = load("mcda_ahp.json") else { return };
    let mut worst: f64 = 0.0;
    for case in r["cases"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap();
        let a = matrix(&case["matrix"]);
        let e = &case["expected"];
        let eig = ahp(a.view(), &AhpParams::default()).unwrap();
        worst = worst.max(close(&format!("{id} eigenvector"), &eig.weights, &e["eigenvector_weights"]));
        let tl = ahp(a.view(), &AhpParams { random_index: RandomIndex::TummalaLing, ..AhpParams::default() }).unwrap();
        worst = worst.max(close(&format!("{id} CR TL"), &[tl.cr], &Value::from(vec![e["CR_tummala_ling_RI"].clone()])));
        if e.get("lambda_max").is_none() {
            continue;
        }
        let one = |k: &str| Value::from(vec![e[k].clone()]);
        worst = worst.max(close(&format!("{id} lambda"), &[eig.lambda_max], &one("lambda_max")));
        worst = worst.max(close(&format!("{id} CI"), &[eig.ci], &one("CI")));
        worst = worst.max(close(&format!("{id} CR"), &[eig.cr], &one("CR_saaty_RI")));
        assert_eq!(eig.consistent, e["consistent_at_0_10"].as_bool().unwrap());
        let g = ahp(a.view(), &AhpParams { method: AhpMethod::GeometricMean, ..AhpParams::default() }).unwrap();
        worst = worst.max(close(&format!("{id} geometric"), &g.weights, &e["geometric_mean_weights"]));
        worst = worst.max(close(&format!("{id} geometric CR"), &[g.cr], &one("pyDecision_geometric_mode_CR")));
        let c = ahp(a.view(), &AhpParams { method: AhpMethod::ColumnMean, ..AhpParams::default() }).unwrap();
        worst = worst.max(close(&format!("{id} column mean"), &c.weights, &e["column_normalised_mean_weights"]));
        worst = worst.max(close(&format!("{id} column-mean CR"), &[c.cr], &one("pyDecision_mean_mode_CR")));
    }
    report("mcda_ahp.json", worst);
}

#[test]
fn ahp_rejects_malformed_matrices() {
    use clusterpolicy::ndarray::array;
    let p = AhpParams::default();
    let e = ahp(array![[1.0, 2.0, 3.0], [0.5, 1.0, 1.0]].view(), &p).unwrap_err();
    assert_eq!(e.kind(), "ShapeMismatchError");
    let e = ahp(array![[1.0, 3.0], [0.5, 1.0]].view(), &p).unwrap_err();
    assert!(e.to_string().contains("not reciprocal at (0, 1)"), "{e}");
    let e = ahp(array![[1.0, -3.0], [-1.0 / 3.0, 1.0]].view(), &p).unwrap_err();
    assert!(e.to_string().contains("must be positive"), "{e}");
    let e = ahp(array![[2.0, 3.0], [1.0 / 3.0, 1.0]].view(), &p).unwrap_err();
    assert!(e.to_string().contains("diagonal"), "{e}");
    let e = ahp(array![[1.0, f64::NAN], [1.0, 1.0]].view(), &p).unwrap_err();
    assert_eq!(e.kind(), "NonFiniteError");
    // an inconsistent matrix is reported, not rejected
    let bad = array![[1.0, 9.0, 1.0 / 9.0], [1.0 / 9.0, 1.0, 9.0], [9.0, 1.0 / 9.0, 1.0]];
    let r = ahp(bad.view(), &p).unwrap();
    assert!(!r.consistent && r.cr > 0.1, "CR {}", r.cr);
}

#[test]
fn weighted_sum_product_and_normalisations_reference() {
    let Some(r) = load("mcda_wsm_normalisations.json") else { return };
    let d = &r["data"];
    let x = matrix(&d["matrix"]);
    let w = Array1::from(floats(&d["weights"]));
    let t = types(&d["types"]);
    let e = &r["expected"];
    let mut worst: f64 = 0.0;
    for (key, norm, product) in [
        ("saw_linear_max_normalisation", Normalisation::Linear, false),
        ("wsm_sum_normalisation_pymcdm_default", Normalisation::Sum, false),
        ("wsm_minmax", Normalisation::MinMax, false),
        ("wpm_sum_normalisation_pymcdm_default", Normalisation::Sum, true),
    ] {
        let p = WeightedParams { normalisation: norm };
        let got = if product {
            weighted_product(x.view(), w.view(), &t, &p)
        } else {
            weighted_sum(x.view(), w.view(), &t, &p)
        }
        .unwrap();
        worst = worst.max(close(key, &got.scores, &e[key]["scores"]));
        assert_eq!(got.rank, ranks(&e[key]["rank"]), "{key} rank");
    }
    let col = Array2::from_shape_vec((3, 2), vec![1.0, 1.0, 2.0, 2.0, 5.0, 5.0]).unwrap();
    for (key, norm) in [
        ("minmax_normalization", Normalisation::MinMax),
        ("max_normalization", Normalisation::Max),
        ("sum_normalization", Normalisation::Sum),
        ("vector_normalization", Normalisation::Vector),
        ("linear_normalization", Normalisation::Linear),
        ("nonlinear_normalization", Normalisation::Nonlinear),
        ("logarithmic_normalization", Normalisation::Logarithmic),
        ("enhanced_accuracy_normalization", Normalisation::EnhancedAccuracy),
        ("zavadskas_turskis_normalization", Normalisation::ZavadskasTurskis),
    ] {
        let got = normalise(col.view(), &[CriterionType::Benefit, CriterionType::Cost], norm).unwrap();
        let want = &r["pymcdm_normalisations_on_x_1_2_5"][key];
        worst = worst.max(close(&format!("{key} benefit"), &got.column(0).to_vec(), &want["benefit"]));
        worst = worst.max(close(&format!("{key} cost"), &got.column(1).to_vec(), &want["cost"]));
    }
    report("mcda_wsm_normalisations.json", worst);
}

#[test]
fn smaa_reference() {
    let Some(r) = load("smaa_rank_acceptability.json") else { return };
    let case = &r["case"];
    let x = matrix(&case["values_already_normalised"]);
    let t = [CriterionType::Benefit, CriterionType::Benefit];
    let names = ["a", "b", "c"];
    let e = &case["expected_analytic"];
    // exact integration: the analytic values to 1e-12
    let exact = smaa(
        x.view(),
        &t,
        &SmaaParams { normalisation: Normalisation::None, method: SmaaMethod::Exact, ..SmaaParams::default() },
    )
    .unwrap();
    let mut worst: f64 = 0.0;
    for (i, n) in names.iter().enumerate() {
        worst = worst.max(close(&format!("exact b[{n}]"), &exact.rank_acceptability[i], &e["rank_acceptability"][n]));
        worst = worst.max(close(
            &format!("exact w[{n}]"),
            exact.central_weights[i].as_ref().unwrap(),
            &e["central_weights"][n],
        ));
        assert_eq!(exact.confidence[i], e["confidence_factor"][n].as_f64());
    }
    report("smaa_rank_acceptability.json (exact)", worst);
    // seeded Monte Carlo with the reference's 200 000 samples, within its tolerance 0.01
    // (the binomial standard error is at most 0.5 / sqrt(200 000) = 0.0011)
    let mc = smaa(
        x.view(),
        &t,
        &SmaaParams { normalisation: Normalisation::None, samples: 200_000, seed: 20_240_601, ..SmaaParams::default() },
    )
    .unwrap();
    let tol = case["monte_carlo_check"]["tolerance_vs_analytic"].as_f64().unwrap();
    let mut mc_worst: f64 = 0.0;
    for (i, n) in names.iter().enumerate() {
        for (g, w) in mc.rank_acceptability[i].iter().zip(floats(&e["rank_acceptability"][n])) {
            assert!((g - w).abs() < tol);
            mc_worst = mc_worst.max((g - w).abs());
        }
        for (g, w) in mc.central_weights[i].as_ref().unwrap().iter().zip(floats(&e["central_weights"][n])) {
            assert!((g - w).abs() < tol);
            mc_worst = mc_worst.max((g - w).abs());
        }
    }
    println!("SMAA Monte Carlo (200 000 samples) max abs deviation from the analytic values: {mc_worst:e}");
}

#[test]
fn policy_evaluation_reference() {
    let Some(r) = load("policy_evaluation.json") else { return };
    let mut worst: f64 = 0.0;
    for case in r["cases"].as_array().unwrap() {
        match case["id"].as_str().unwrap() {
            "did_card_krueger_1994" => {
                let i = &case["inputs"];
                let o = |unit: &str, time, key: &str, treated| DidObservation {
                    unit: unit.into(),
                    time,
                    outcome: i[key].as_f64().unwrap(),
                    treated,
                };
                let obs = [
                    o("NJ", 0, "NJ_before", false),
                    o("NJ", 1, "NJ_after", true),
                    o("PA", 0, "PA_before", false),
                    o("PA", 1, "PA_after", false),
                ];
                let got = did_two_period(&obs, &DidPanelParams::default()).unwrap();
                let e = &case["expected"];
                let one = |k: &str| Value::from(vec![e[k].clone()]);
                worst = worst.max(close("change_treated", &[got.change_treated], &one("change_treated")));
                worst = worst.max(close("change_control", &[got.change_control], &one("change_control")));
                worst = worst.max(close("did", &[got.did.estimate], &one("did")));
                assert!(
                    (got.did.estimate - e["published_did"].as_f64().unwrap()).abs() <= e["tolerance"].as_f64().unwrap()
                );
                assert_eq!(got.did.std_error, None, "one observation per cell leaves no degrees of freedom");
                // the balanced two-period panel through the fixed-effects estimator
                let fe = did_panel(&obs, &DidPanelParams::default()).unwrap();
                assert!((fe.estimate - got.did.estimate).abs() < 1e-12);
            }
            "indicator_achievement" => {
                for ind in case["indicators"].as_array().unwrap() {
                    let f = |k: &str| ind[k].as_f64().unwrap();
                    let a = achievement_rate(f("baseline"), f("target"), f("actual")).unwrap();
                    worst = worst.max(close("achievement", &[a], &Value::from(vec![ind["achievement_rate"].clone()])));
                    let aot = f("actual") / f("target");
                    assert!((aot - f("actual_over_target")).abs() <= printed_tol(f("actual_over_target")));
                }
            }
            "scenario_robustness_minimax_regret" => {
                let v = matrix(&case["payoff"]);
                let e = &case["expected"];
                let names: Vec<&str> =
                    case["strategies"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
                let got = scenario_rules(
                    v.view(),
                    &ScenarioRulesParams { hurwicz_alpha: 0.6, ..ScenarioRulesParams::default() },
                )
                .unwrap();
                for (k, row) in got.regret.iter().enumerate() {
                    worst = worst.max(close("regret", row, &e["regret"][k]));
                }
                worst = worst.max(close("max_regret", &got.max_regret, &e["max_regret"]));
                worst = worst.max(close("laplace", &got.laplace, &e["laplace_mean"]));
                worst = worst.max(close("hurwicz", &got.hurwicz, &e["hurwicz_alpha_0_6"]));
                let one = |c: &[usize]| {
                    assert_eq!(c.len(), 1);
                    names[c[0]]
                };
                assert_eq!(one(&got.choices.minimax_regret), e["minimax_regret_choice"].as_str().unwrap());
                assert_eq!(one(&got.choices.maximin), e["maximin_wald_choice"].as_str().unwrap());
                assert_eq!(one(&got.choices.maximax), e["maximax_choice"].as_str().unwrap());
                assert_eq!(one(&got.choices.laplace), e["laplace_choice"].as_str().unwrap());
                assert_eq!(one(&got.choices.hurwicz), e["hurwicz_choice"].as_str().unwrap());
            }
            other => panic!("unexpected case {other}: extend this test"),
        }
    }
    report("policy_evaluation.json", worst);
}

#[test]
fn peer_regions_reference() {
    let Some(r) = load("benchmarking_peer_regions.json") else { return };
    let vars: Vec<String> = r["variables"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect();
    let regions: Vec<String> =
        r["regions"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect();
    let data = LabelledMatrix::new(regions, vars.clone(), matrix(&r["data"])).unwrap();
    let dims: Vec<Dimension> = r["dimensions"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(name, idx)| Dimension {
            name: name.clone(),
            variables: idx.as_array().unwrap().iter().map(|i| vars[i.as_u64().unwrap() as usize].clone()).collect(),
            weight: r["dimension_weights"][name].as_f64().unwrap(),
        })
        .collect();
    let got = peer_distances(&data, &PeerParams { dimensions: dims }).unwrap();
    let e = &r["expected"];
    let mut worst: f64 = 0.0;
    for (i, row) in got.z.iter().enumerate() {
        worst = worst.max(close("z", row, &e["z_scores"][i]));
    }
    for (k, name) in got.dimensions.iter().enumerate() {
        for (a, row) in got.per_dimension[k].iter().enumerate() {
            worst = worst.max(close(&format!("{name}[{a}]"), row, &e["per_dimension_distance"][name][a]));
        }
    }
    for (a, row) in got.distance.iter().enumerate() {
        worst = worst.max(close("distance", row, &e["distance"][a]));
        worst = worst.max(close("rescaled", &got.distance_rescaled[a], &e["distance_rescaled"][a]));
    }
    let peers: Vec<String> = nearest_peers(&got, "R1", 5).unwrap().into_iter().map(|p| p.region).collect();
    let want: Vec<String> =
        e["peers_of_R1_nearest_first"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect();
    assert_eq!(peers, want);
    report("benchmarking_peer_regions.json", worst);
}
