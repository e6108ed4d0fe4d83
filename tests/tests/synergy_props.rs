//! Property tests of `clusterpolicy::synergy`: Triple Helix invariance to the order of
//! categories and dimensions, symmetry and bounds of proximity synergy, monotonicity and
//! submodularity of the initiative objective, and the greedy guarantee against brute force.

use std::sync::LazyLock;

use clusterpolicy::Dataset;
use clusterpolicy::model::{HelixKind, SubjectKind, SubjectRef};
use clusterpolicy::ndarray::Array3;
use clusterpolicy::synergy::{
    self, BootstrapParams, InitiativeParams, InitiativeWeights, MatchParams, OrganisationalMeasure, ProximityParams,
    ProximityWeights, SynergyContext, TableAxis, ThreeWayTable,
};
use proptest::prelude::*;

static SAMPLE: LazyLock<Dataset> = LazyLock::new(clusterpolicy::sample::south_east_europe);

/// A table of small integer counts, not all zero, with 1-4 categories per axis.
fn table() -> impl Strategy<Value = Array3<f64>> {
    (1usize..5, 1usize..5, 1usize..5).prop_flat_map(|(a, b, c)| {
        proptest::collection::vec(0u8..6, a * b * c).prop_filter_map("all zero", move |v| {
            (v.iter().any(|&x| x > 0))
                .then(|| Array3::from_shape_vec((a, b, c), v.into_iter().map(f64::from).collect()).unwrap())
        })
    })
}

fn permutation(n: usize) -> impl Strategy<Value = Vec<usize>> {
    Just((0..n).collect::<Vec<usize>>()).prop_shuffle()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn triple_helix_is_invariant_to_permuting_categories(
        (c, pu, pi, pg) in table().prop_flat_map(|c| {
            let (a, b, d) = c.dim();
            (Just(c), permutation(a), permutation(b), permutation(d))
        })
    ) {
        let th = synergy::triple_helix_values(c.view()).unwrap();
        let (a, b, d) = c.dim();
        let permuted = Array3::from_shape_fn((a, b, d), |(u, i, g)| c[[pu[u], pi[i], pg[g]]]);
        let tp = synergy::triple_helix_values(permuted.view()).unwrap();
        for (x, y) in [(th.t_uig, tp.t_uig), (th.t_ui, tp.t_ui), (th.t_ug, tp.t_ug), (th.t_ig, tp.t_ig), (th.h_uig, tp.h_uig)] {
            prop_assert!((x - y).abs() < 1e-12, "{x} vs {y}");
        }
        // The dimensions themselves in another order: T_uig is symmetric in u, i, g.
        let swapped = c.view().permuted_axes([2, 0, 1]).to_owned();
        let ts = synergy::triple_helix_values(swapped.view()).unwrap();
        prop_assert!((th.t_uig - ts.t_uig).abs() < 1e-12);
        prop_assert!((th.t_ui - ts.t_ig).abs() < 1e-12); // (u, i) became (i, g)
        // Bilateral terms are mutual informations: >= 0 and at most the smaller entropy.
        prop_assert!(th.t_ui >= -1e-12 && th.t_ui <= th.h_u.min(th.h_i) + 1e-12);
        // T_uig = I(u;i) - I(u;i|g) >= -min(H_u, H_i), and likewise for the other pairs.
        prop_assert!(th.t_uig >= -th.h_u.min(th.h_i).min(th.h_g) - 1e-12);
    }

    #[test]
    fn decomposition_adds_up(
        (c, groups) in table().prop_flat_map(|c| {
            let d = c.dim().2;
            (Just(c), proptest::collection::vec(0usize..3, d))
        })
    ) {
        let (a, b, d) = c.dim();
        let axis = |n: &str, k: usize| TableAxis { name: n.into(), labels: (0..k).map(|x| format!("{n}{x}")).collect() };
        let t = ThreeWayTable::new(axis("u", a), axis("i", b), axis("g", d), c.view()).unwrap();
        let map = (0..d).map(|g| (format!("g{g}"), format!("G{}", groups[g]))).collect();
        let dec = synergy::decompose(&t, &map, None).unwrap();
        prop_assert!((dec.within + dec.between - dec.total.t_uig).abs() < 1e-12);
        let w: f64 = dec.groups.iter().map(|g| g.weight).sum();
        prop_assert!((w - 1.0).abs() < 1e-12);
    }

    #[test]
    fn bootstrap_is_seeded_and_brackets_its_replicates(c in table(), seed in 0u64..1000) {
        let (a, b, d) = c.dim();
        let axis = |n: &str, k: usize| TableAxis { name: n.into(), labels: (0..k).map(|x| x.to_string()).collect() };
        let t = ThreeWayTable::new(axis("u", a), axis("i", b), axis("g", d), c.view()).unwrap();
        let p = BootstrapParams { replicates: 30, seed, confidence: 0.9, ..BootstrapParams::default() };
        let x = synergy::triple_helix_bootstrap(&t, &p).unwrap();
        let y = synergy::triple_helix_bootstrap(&t, &p).unwrap();
        prop_assert_eq!(&x, &y);
        prop_assert!(x.t_uig.lower <= x.t_uig.upper);
        prop_assert_eq!(x.units, c.sum() as u64);
    }
}

fn subjects(ds: &Dataset) -> Vec<SubjectRef> {
    let mut s: Vec<SubjectRef> =
        ds.actors.iter().step_by(23).map(|a| SubjectRef { kind: SubjectKind::Actor, id: a.id.clone() }).collect();
    s.extend(ds.clusters.iter().step_by(3).map(|c| SubjectRef::cluster(c.id.clone())));
    s.extend(ds.regions.iter().filter(|r| r.level == Some(2)).step_by(9).map(|r| SubjectRef::region(r.id.clone())));
    s.extend(["SI", "EL", "AT"].iter().map(|c| SubjectRef { kind: SubjectKind::Country, id: (*c).to_owned() }));
    s
}

fn weights() -> impl Strategy<Value = ProximityWeights> {
    proptest::collection::vec(0.0f64..3.0, 6).prop_filter_map("all zero", |w| {
        (w.iter().sum::<f64>() > 0.0).then(|| ProximityWeights {
            cognitive: w[0],
            organisational: w[1],
            social: w[2],
            institutional: w[3],
            geographical: w[4],
            complementarity: w[5],
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn proximity_synergy_is_symmetric_and_bounded(
        w in weights(),
        optimum in proptest::option::of(0.0f64..=1.0),
        org in prop_oneof![Just(OrganisationalMeasure::Neighbourhood), Just(OrganisationalMeasure::Community), Just(OrganisationalMeasure::Mean)],
        decay in 10.0f64..2000.0,
        half in 0.1f64..5.0,
    ) {
        let ds = &*SAMPLE;
        let params = ProximityParams {
            weights: w,
            cognitive_optimum: optimum,
            organisational: org,
            distance_decay_km: decay,
            social_half_saturation: half,
            ..ProximityParams::default()
        };
        let ctx = SynergyContext::new(ds, &params).unwrap();
        let s = subjects(ds);
        for (k, a) in s.iter().enumerate() {
            let b = &s[(k * 5 + 2) % s.len()];
            let ab = ctx.proximity(a, b).unwrap();
            let ba = ctx.proximity(b, a).unwrap();
            prop_assert!((ab.synergy - ba.synergy).abs() < 1e-12, "{a:?} {b:?}");
            prop_assert!((0.0..=1.0).contains(&ab.synergy));
            let parts = |c: &synergy::Components| [c.cognitive, c.organisational, c.social, c.institutional, c.geographical, c.complementarity];
            for (x, y) in parts(&ab.components).into_iter().zip(parts(&ba.components)) {
                prop_assert_eq!(x.is_some(), y.is_some());
                if let (Some(x), Some(y)) = (x, y) {
                    prop_assert!((0.0..=1.0).contains(&x));
                    prop_assert!((x - y).abs() < 1e-12);
                }
            }
            let total: f64 = parts(&ab.contributions).into_iter().flatten().sum();
            prop_assert!((total - ab.synergy).abs() < 1e-12);
        }
    }
}

#[test]
fn a_subject_is_cognitively_identical_to_itself() {
    // With the inverted U off, a subject's portfolio similarity with itself is 1 and its
    // complementarity 0 (nothing to add).
    let ds = &*SAMPLE;
    let params = ProximityParams { cognitive_optimum: None, ..ProximityParams::default() };
    let ctx = SynergyContext::new(ds, &params).unwrap();
    for a in subjects(ds) {
        let p = ctx.proximity(&a, &a).unwrap();
        if let Some(c) = p.details.cognitive_similarity {
            assert!((c - 1.0).abs() < 1e-12, "{a:?}");
            assert!(p.components.complementarity.unwrap() < 1e-12);
        }
        // One location (an actor, a region): distance 0. Groups spread over several
        // regions have a positive mean distance to themselves.
        if matches!(a.kind, SubjectKind::Actor | SubjectKind::Region)
            && let Some(g) = p.components.geographical
        {
            assert!((g - 1.0).abs() < 1e-12);
        }
    }
}

#[test]
fn matchmaking_respects_its_filters() {
    let ds = &*SAMPLE;
    let who: Vec<SubjectRef> =
        ds.actors.iter().step_by(97).map(|a| SubjectRef { kind: SubjectKind::Actor, id: a.id.clone() }).collect();
    let params = MatchParams {
        k: 8,
        helix: vec![HelixKind::Research, HelixKind::Business],
        exclude_countries: vec!["GR".into()],
        ..MatchParams::default()
    };
    let recs = synergy::match_partners(ds, &who, &params).unwrap();
    assert!(!recs.is_empty());
    for r in &recs {
        let s = ds.actors.iter().find(|a| a.id == r.subject.id).unwrap();
        let c = ds.actors.iter().find(|a| a.id == r.candidate.id).unwrap();
        assert!(!clusterpolicy::model::same_country(&s.country, &c.country), "transnational");
        assert!(matches!(c.helix, Some(HelixKind::Research | HelixKind::Business)));
        assert_ne!(c.country, "EL", "GR excludes EL");
        assert_eq!(r.details.joint_projects, 0, "no existing partners");
        assert!((0.0..=1.0).contains(&r.score));
    }
    for w in recs.windows(2) {
        if w[0].subject == w[1].subject {
            assert!(w[0].score >= w[1].score && w[0].rank + 1 == w[1].rank);
        }
    }
}

/// Brute force over every subset of at most `budget` of a small pool.
fn brute_force(ds: &Dataset, params: &InitiativeParams) -> f64 {
    let pool = &params.candidates;
    let sets: Vec<Vec<SubjectRef>> = (1u32..(1 << pool.len()))
        .filter(|m| m.count_ones() as usize <= params.budget)
        .map(|m| (0..pool.len()).filter(|i| m & (1 << i) != 0).map(|i| pool[i].clone()).collect())
        .collect();
    synergy::evaluate_initiatives(ds, None, &sets, params).unwrap().iter().map(|v| v.objective).fold(0.0, f64::max)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    #[test]
    fn initiative_objective_is_monotone_in_the_budget(
        ws in 0.0f64..2.0, wc in 0.0f64..2.0, wp in 0.01f64..2.0, start in 0usize..30,
    ) {
        let ds = &*SAMPLE;
        let candidates: Vec<SubjectRef> = ds.clusters.iter().skip(start).take(9).map(|c| SubjectRef::cluster(c.id.clone())).collect();
        let base = InitiativeParams {
            candidates: candidates.clone(),
            weights: InitiativeWeights { synergy: ws, coverage: wc, priorities: wp },
            ..InitiativeParams::default()
        };
        let mut last = 0.0;
        let mut previous: Vec<SubjectRef> = Vec::new();
        for budget in 1..=4 {
            let params = InitiativeParams { budget, ..base.clone() };
            let ini = synergy::design_initiative(ds, None, &params).unwrap();
            let members: Vec<SubjectRef> = ini.members.iter().map(|m| m.subject.clone()).collect();
            // Monotone in the budget, and each greedy run extends the previous one.
            prop_assert!(ini.value.objective >= last - 1e-12);
            prop_assert_eq!(&members[..previous.len()], &previous[..]);
            // The reported gains add up to the objective, which evaluate_initiatives confirms.
            let gains: f64 = ini.members.iter().map(|m| m.gain).sum();
            prop_assert!((gains - ini.value.objective).abs() < 1e-9);
            let v = synergy::evaluate_initiatives(ds, None, std::slice::from_ref(&members), &params).unwrap();
            prop_assert!((v[0].objective - ini.value.objective).abs() < 1e-12);
            // The greedy guarantee and the online bound, against brute force.
            let opt = brute_force(ds, &params);
            prop_assert!(ini.value.objective >= ini.guarantee * opt - 1e-12);
            prop_assert!(opt <= ini.upper_bound + 1e-12);
            last = ini.value.objective;
            previous = members;
        }
    }

    #[test]
    fn initiative_objective_has_diminishing_returns(a_mask in 0u32..64, extra in 0u32..64, x in 0usize..6) {
        let ds = &*SAMPLE;
        let pool: Vec<SubjectRef> = ds.clusters.iter().take(6).map(|c| SubjectRef::cluster(c.id.clone())).collect();
        let params = InitiativeParams { candidates: pool.clone(), ..InitiativeParams::default() };
        let set = |m: u32| -> Vec<SubjectRef> { (0..6).filter(|i| m & (1 << i) != 0).map(|i| pool[i].clone()).collect() };
        let (a, b) = (a_mask, a_mask | extra); // A subset of B
        let bit = 1 << x;
        let v = synergy::evaluate_initiatives(ds, None, &[set(a), set(a | bit), set(b), set(b | bit)], &params).unwrap();
        let f: Vec<f64> = v.iter().map(|x| x.objective).collect();
        let gain_a = f[1] - f[0];
        let gain_b = f[3] - f[2];
        prop_assert!(gain_a >= gain_b - 1e-12, "f(A+x)-f(A) = {gain_a} < f(B+x)-f(B) = {gain_b}");
        prop_assert!(f[2] >= f[0] - 1e-12, "monotone");
    }
}
