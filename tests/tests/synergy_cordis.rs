//! Held-out evaluation of partner recommendations on real CORDIS data: the FP7 network
//! recommends, the new partnerships of Horizon 2020 judge. Recomputes the figures quoted in
//! the documentation of `clusterpolicy::synergy` (module docs, "A held-out test on CORDIS").
//!
//! Tolerance: the evaluation is deterministic (seeded random predictor, sums in a fixed
//! order whatever the number of threads), so the counts are exact and the quoted figures are
//! checked to the rounding they are quoted with (`|value - quoted| <= half a unit of the
//! last quoted digit`).

use std::path::Path;

use clusterpolicy::Dataset;
use clusterpolicy::model::csv::{PartnershipSpec, Partnerships};
use clusterpolicy::synergy::{self, HeldOutEvaluation, HeldOutParams, MatchRule};
use clusterpolicy_tests::shared_data;

fn load(dir: &Path) -> (Dataset, Dataset) {
    let fp7 = Partnerships::from_paths(
        &PartnershipSpec::cordis_fp7_sod(),
        dir.join("cordis-fp7-sod16/fp7_project_org_edges.tsv"),
        Some(&dir.join("cordis-fp7-sod16/fp7_orgs_nuts.tsv")),
        None,
    )
    .unwrap()
    .into_dataset("fp7");
    let h2020 = Partnerships::from_paths(
        &PartnershipSpec::cordis_h2020_sod(),
        dir.join("cordis-h2020-sod16/edges.csv"),
        Some(&dir.join("cordis-h2020-sod16/unique_org.csv")),
        Some(&dir.join("cordis-h2020-sod16/projects.csv")),
    )
    .unwrap()
    .into_dataset("h2020");
    (fp7, h2020)
}

/// `|value - quoted| <= 0.5 x 10^-decimals`.
fn quoted(value: f64, quoted: f64, decimals: i32, what: &str) {
    assert!((value - quoted).abs() <= 0.5 * 10f64.powi(-decimals) + 1e-12, "{what}: {value} is not {quoted}");
}

fn predictor<'a>(e: &'a HeldOutEvaluation, name: &str) -> &'a synergy::PredictorScore {
    e.predictors.iter().find(|p| p.predictor == name).unwrap()
}

/// (predictor, AUC, average precision, precision@10, recall@10, precision@20, recall@20) as
/// in the table of the docs.
const TABLE: [(&str, [f64; 6]); 7] = [
    ("matchmaking", [0.793, 0.061, 0.095, 0.061, 0.079, 0.098]),
    ("adamic_adar", [0.772, 0.058, 0.096, 0.059, 0.080, 0.097]),
    ("resource_allocation", [0.780, 0.059, 0.094, 0.059, 0.078, 0.096]),
    ("common_neighbours", [0.767, 0.051, 0.094, 0.058, 0.078, 0.095]),
    ("proximity_synergy", [0.718, 0.025, 0.031, 0.022, 0.028, 0.038]),
    ("preferential_attachment", [0.705, 0.042, 0.072, 0.042, 0.059, 0.068]),
    ("jaccard", [0.707, 0.033, 0.052, 0.030, 0.043, 0.048]),
];

#[test]
fn fp7_recommendations_recover_h2020_partnerships() {
    let Some(dir) = shared_data() else { return };
    let (fp7, h2020) = load(&dir);
    let m = synergy::match_actors(&fp7, &h2020);
    assert_eq!((m.by_id, m.by_name, m.ambiguous_names), (1_524, 4_336, 43));
    assert_eq!(m.pairs.len(), 5_860);
    // Matched by id: the same PIC; by name: a different id (FP7's MD5 of the name).
    assert!(m.pairs.iter().all(|p| (p.rule == MatchRule::Id) == (p.a == p.b)));

    let e = synergy::heldout_evaluation(&fp7, &h2020, &m, &HeldOutParams::default()).unwrap();
    assert_eq!((e.matched, e.population, e.ties_before), (5_860, 5_606, 206_793));
    assert_eq!((e.ties_after, e.new_ties, e.repeated_ties, e.queries), (96_003, 54_382, 41_621, 5_455));
    quoted(e.positive_rate, 0.0037, 4, "positive rate");
    for (name, [auc, ap, p10, r10, p20, r20]) in TABLE {
        let p = predictor(&e, name);
        let at = |k: usize| p.at_k.iter().find(|a| a.k == k).unwrap();
        for (value, q, what) in [
            (p.auc, auc, "AUC"),
            (p.average_precision, ap, "average precision"),
            (at(10).precision, p10, "precision@10"),
            (at(10).recall, r10, "recall@10"),
            (at(20).precision, p20, "precision@20"),
            (at(20).recall, r20, "recall@20"),
        ] {
            quoted(value, q, 3, &format!("{name} {what}"));
        }
    }
    // The random baselines, and the seeded random predictor that checks them.
    let random = predictor(&e, "random");
    let (r10, r20) = (random.at_k[1], random.at_k[2]);
    assert_eq!((r10.k, r20.k), (10, 20));
    quoted(r10.random_precision, 0.0037, 4, "random precision@10");
    quoted(r10.random_recall, 0.0018, 4, "random recall@10");
    quoted(r20.random_precision, 0.0037, 4, "random precision@20");
    quoted(r20.random_recall, 0.0036, 4, "random recall@20");
    quoted(random.auc, 0.498, 3, "random predictor AUC");
    quoted(r10.precision, 0.0037, 4, "random predictor precision@10");
    // "About 26 times more often than chance".
    let mm = predictor(&e, "matchmaking").at_k.iter().find(|a| a.k == 10).unwrap();
    assert!((mm.precision / mm.random_precision).round() == 26.0, "{}", mm.precision / mm.random_precision);
}

#[test]
fn fp7_recommendations_recover_transnational_h2020_partnerships() {
    let Some(dir) = shared_data() else { return };
    let (fp7, h2020) = load(&dir);
    let m = synergy::match_actors(&fp7, &h2020);
    let e = synergy::heldout_evaluation(&fp7, &h2020, &m, &HeldOutParams { transnational: true, ..Default::default() })
        .unwrap();
    assert_eq!((e.new_ties, e.queries), (48_946, 5_342));
    let mm = predictor(&e, "matchmaking");
    quoted(mm.auc, 0.791, 3, "transnational matchmaking AUC");
    let at10 = mm.at_k.iter().find(|a| a.k == 10).unwrap();
    quoted(at10.precision, 0.093, 3, "transnational matchmaking precision@10");
    quoted(at10.random_precision, 0.0037, 4, "transnational random precision");
}
