//! Reference tests of `clusterpolicy::synergy`: the published worked examples in
//! `../shared/reference/` (`triple_helix_synergy.json`, `link_prediction_similarity.json`),
//! and slow, obviously correct implementations written here.
//!
//! Tolerances: the Triple Helix cases are information-theory identities on powers of two,
//! computed exactly in floating point, so they are compared with `==`. The link-prediction
//! values are published with 6 decimals: `|ours - published| <= 5e-7`. Comparisons with the
//! slow implementations allow 1e-12 (different order of the same sums).

use std::collections::{BTreeMap, HashMap};

use clusterpolicy::Dataset;
use clusterpolicy::model::{Actor, Partner, PartnerRole, Project, SubjectKind, SubjectRef};
use clusterpolicy::ndarray::Array3;
use clusterpolicy::network::{self, LinkScore, ProjectionParams};
use clusterpolicy::synergy::{
    self, CognitiveMeasure, MatchParams, ProximityParams, TableAxis, ThreeWayTable, TripleHelixParams,
};
use clusterpolicy_tests::shared_reference;
use serde_json::Value;

fn read(name: &str) -> Option<Value> {
    let dir = shared_reference()?;
    Some(serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap())
}

fn counts(v: &Value) -> Array3<f64> {
    let c: Vec<Vec<Vec<f64>>> = serde_json::from_value(v.clone()).unwrap();
    let (a, b, d) = (c.len(), c[0].len(), c[0][0].len());
    Array3::from_shape_vec((a, b, d), c.into_iter().flatten().flatten().collect()).unwrap()
}

#[test]
fn triple_helix_cases_exactly() {
    let Some(r) = read("triple_helix_synergy.json") else { return };
    let cases = r["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 3);
    for case in cases {
        let id = case["id"].as_str().unwrap();
        let c = counts(&case["counts"]);
        let th = synergy::triple_helix_values(c.view()).unwrap();
        let e = &case["expected"];
        let ours = [
            ("H_u", th.h_u),
            ("H_i", th.h_i),
            ("H_g", th.h_g),
            ("H_ui", th.h_ui),
            ("H_ug", th.h_ug),
            ("H_ig", th.h_ig),
            ("H_uig", th.h_uig),
            ("T_ui", th.t_ui),
            ("T_ug", th.t_ug),
            ("T_ig", th.t_ig),
            ("T_uig", th.t_uig),
        ];
        assert_eq!(e.as_object().unwrap().len(), ours.len(), "{id}: every published value is checked");
        for (name, v) in ours {
            assert_eq!(v, e[name].as_f64().unwrap(), "{id} {name}");
        }
        // The same through a labelled table, and its JSON form (counts nested like the file's).
        let axis = |n: &str, k: usize| TableAxis { name: n.into(), labels: (0..k).map(|x| x.to_string()).collect() };
        let (a, b, d) = c.dim();
        let t = ThreeWayTable::new(axis("u", a), axis("i", b), axis("g", d), c.view()).unwrap();
        assert_eq!(serde_json::to_value(&t).unwrap()["counts"], case["counts"]);
        assert_eq!(synergy::triple_helix(&t).unwrap(), th);
    }
}

/// `H(X) = -sum p log2 p` straight from a map of joint keys.
fn slow_entropy(cells: &[((usize, usize, usize), f64)], key: impl Fn(&(usize, usize, usize)) -> Vec<usize>) -> f64 {
    let mut m: BTreeMap<Vec<usize>, f64> = BTreeMap::new();
    let n: f64 = cells.iter().map(|c| c.1).sum();
    for (k, v) in cells {
        *m.entry(key(k)).or_insert(0.0) += v;
    }
    m.values().filter(|&&v| v > 0.0).map(|&v| -(v / n) * (v / n).log2()).sum()
}

fn slow_t(c: &Array3<f64>) -> f64 {
    let cells: Vec<((usize, usize, usize), f64)> = c.indexed_iter().map(|(k, v)| (k, *v)).collect();
    slow_entropy(&cells, |k| vec![k.0]) + slow_entropy(&cells, |k| vec![k.1]) + slow_entropy(&cells, |k| vec![k.2])
        - slow_entropy(&cells, |k| vec![k.0, k.1])
        - slow_entropy(&cells, |k| vec![k.0, k.2])
        - slow_entropy(&cells, |k| vec![k.1, k.2])
        + slow_entropy(&cells, |k| vec![k.0, k.1, k.2])
}

#[test]
fn sample_table_decomposition_matches_slow_computation() {
    let ds = clusterpolicy::sample::south_east_europe();
    let table = synergy::triple_helix_table(&ds, &TripleHelixParams::default()).unwrap();
    let c = table.array().unwrap();
    let th = synergy::triple_helix(&table).unwrap();
    assert!((th.t_uig - slow_t(&c)).abs() < 1e-12);
    // Fractional counting: one unit per actor with a helix, an activity and a region.
    assert!((th.n - ds.actors.len() as f64).abs() < 1e-9);

    let country: BTreeMap<String, String> = ds.regions.iter().map(|r| (r.id.clone(), r.country.clone())).collect();
    let d = synergy::decompose(&table, &country, None).unwrap();
    // The between term is T of the table aggregated to countries, built here by hand.
    let groups: Vec<&String> = {
        let mut g: Vec<&String> = table.g.labels.iter().map(|l| &country[l]).collect();
        g.sort();
        g.dedup();
        g
    };
    let (nu, ni, _) = c.dim();
    let mut agg = Array3::<f64>::zeros((nu, ni, groups.len()));
    for ((u, i, g), v) in c.indexed_iter() {
        let k = groups.iter().position(|x| **x == country[&table.g.labels[g]]).unwrap();
        agg[[u, i, k]] += v;
    }
    assert!((d.between - slow_t(&agg)).abs() < 1e-12);
    // Each group's T on its own slice, and the identity T = within + between.
    for gs in &d.groups {
        let cols: Vec<usize> =
            table.g.labels.iter().enumerate().filter(|(_, l)| country[*l] == gs.group).map(|(i, _)| i).collect();
        let sub = c.select(clusterpolicy::ndarray::Axis(2), &cols);
        assert!((gs.synergy.t_uig - slow_t(&sub)).abs() < 1e-12, "{}", gs.group);
        assert!((gs.weight - sub.sum() / c.sum()).abs() < 1e-12);
    }
    assert!((d.within + d.between - d.total.t_uig).abs() < 1e-12);
    assert_eq!(d.groups.len(), 16);
}

/// A dataset whose projection is the given graph: one two-partner project per edge.
fn graph_dataset(n: usize, edges: &[(usize, usize)]) -> Dataset {
    let mut ds = Dataset::new("graph");
    ds.actors = (0..n).map(|i| Actor::new(i.to_string(), format!("node {i}"), "SI")).collect();
    ds.projects = edges
        .iter()
        .enumerate()
        .map(|(k, (a, b))| {
            let mut p = Project::new(format!("P{k}"), "edge");
            p.partners = [a, b]
                .iter()
                .map(|x| Partner { actor: x.to_string(), role: PartnerRole::Partner, budget: None, contribution: None })
                .collect();
            p
        })
        .collect();
    ds
}

fn actor(id: &str) -> SubjectRef {
    SubjectRef { kind: SubjectKind::Actor, id: id.to_owned() }
}

#[test]
fn link_prediction_cases_through_matchmaking() {
    let Some(r) = read("link_prediction_similarity.json") else { return };
    let case = &r["cases"][0];
    assert_eq!(case["id"], "networkx_complete_graph_5");
    let mut edges = Vec::new();
    for a in 0..5 {
        for b in (a + 1)..5 {
            edges.push((a, b));
        }
    }
    let ds = graph_dataset(5, &edges);
    let expected = case["expected"].as_object().unwrap();
    for (name, method) in [
        ("jaccard", LinkScore::Jaccard),
        ("adamic_adar", LinkScore::AdamicAdar),
        ("resource_allocation", LinkScore::ResourceAllocation),
        ("preferential_attachment", LinkScore::PreferentialAttachment),
    ] {
        // NetworkX scores tied pairs too: keep existing partners and same-country candidates.
        let params = MatchParams {
            link_method: method,
            transnational: false,
            exclude_existing: false,
            k: 4,
            ..MatchParams::default()
        };
        for (pair, (a, b)) in [("0-1", ("0", "1")), ("2-3", ("2", "3"))] {
            let recs = synergy::match_partners(
                &ds,
                &[actor(a)],
                &MatchParams { candidates: vec![actor(b)], ..params.clone() },
            )
            .unwrap();
            assert_eq!(recs.len(), 1);
            let published = expected[name][pair].as_f64().unwrap();
            assert!((recs[0].link_score - published).abs() <= 5e-7 + 1e-12, "{name} {pair}: {}", recs[0].link_score);
        }
    }
    assert_eq!(expected.len(), 4, "every published score is checked");
}

#[test]
fn cosine_profile_is_jaffe_proximity() {
    // `cosine_profile` of the reference file: a.b / (|a||b|) on activity share vectors.
    let Some(r) = read("link_prediction_similarity.json") else { return };
    assert!(r["formulas"]["cosine_profile"].as_str().unwrap().starts_with("a.b / (|a||b|)"));
    let mut ds = Dataset::new("portfolios");
    let mut a = Actor::new("A", "A", "SI");
    a.activities = vec!["C10".into(), "C11".into(), "C20".into()];
    let mut b = Actor::new("B", "B", "AT");
    b.activities = vec!["C11".into(), "C20".into()];
    ds.actors = vec![a, b];
    let params = ProximityParams { cognitive: CognitiveMeasure::Cosine, cognitive_optimum: None, ..Default::default() };
    let p = synergy::proximity(&ds, &actor("A"), &actor("B"), &params).unwrap();
    // Shares (1/3, 1/3, 1/3) and (0, 1/2, 1/2): cosine = (1/3) / (sqrt(1/3) sqrt(1/2)).
    let expected = (1.0 / 3.0) / ((1.0f64 / 3.0).sqrt() * 0.5f64.sqrt());
    assert!((p.details.cognitive_similarity.unwrap() - expected).abs() < 1e-12);
    assert_eq!(p.components.cognitive, p.details.cognitive_similarity);
    assert_eq!(p.details.shared_activities, ["C11", "C20"]);
}

#[test]
fn matchmaking_link_scores_equal_network_scores() {
    let ds = clusterpolicy::sample::south_east_europe();
    let net = network::projection(&ds, &ProjectionParams::default()).unwrap().network;
    let ids: Vec<String> = net.ids().map(str::to_owned).collect();
    for method in [
        LinkScore::CommonNeighbours,
        LinkScore::Jaccard,
        LinkScore::AdamicAdar,
        LinkScore::ResourceAllocation,
        LinkScore::PreferentialAttachment,
    ] {
        for who in ids.iter().step_by(37) {
            let params = MatchParams {
                link_method: method,
                transnational: false,
                exclude_existing: false,
                k: ds.actors.len(),
                link_weight: 1.0,
                ..MatchParams::default()
            };
            let recs = synergy::match_partners(&ds, &[actor(who)], &params).unwrap();
            let in_net: Vec<&synergy::PartnerCandidate> =
                recs.iter().filter(|r| net.index_of(&r.candidate.id).is_ok()).collect();
            let pairs: Vec<(String, String)> = in_net.iter().map(|r| (who.clone(), r.candidate.id.clone())).collect();
            let theirs = network::link_scores(&net, &pairs, method).unwrap();
            for (r, t) in in_net.iter().zip(theirs) {
                assert!((r.link_score - t).abs() <= 1e-12 * t.abs().max(1.0), "{method:?} {who}-{}", r.candidate.id);
            }
            // With lambda = 1 the ranking is the link ranking.
            assert!(recs.windows(2).all(|w| w[0].link_score >= w[1].link_score));
        }
    }
}

/// Slow proximity of two actors straight from the dataset: neighbourhoods and joint projects
/// from the partner lists, countries, shares.
#[test]
fn actor_proximity_matches_slow_computation() {
    let ds = clusterpolicy::sample::south_east_europe();
    let mut nb: HashMap<&str, std::collections::BTreeSet<&str>> = HashMap::new();
    let mut joint: HashMap<(&str, &str), u64> = HashMap::new();
    for p in &ds.projects {
        let mut who: Vec<&str> = p.partners.iter().map(|x| x.actor.as_str()).collect();
        who.sort_unstable();
        who.dedup();
        for &a in &who {
            for &b in &who {
                if a != b {
                    nb.entry(a).or_default().insert(b);
                    *joint.entry((a, b)).or_insert(0) += 1;
                }
            }
        }
    }
    let params = ProximityParams::default();
    let ctx = synergy::SynergyContext::new(&ds, &params).unwrap();
    let with: Vec<&str> = nb.keys().copied().collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    for (k, a) in with.iter().enumerate().step_by(11) {
        let b = with[(k * 7 + 3) % with.len()];
        if *a == b {
            continue;
        }
        let p = ctx.proximity(&actor(a), &actor(b)).unwrap();
        let (na, nbb) = (&nb[a], &nb[b]);
        let shared = na.intersection(nbb).count();
        let union = na.union(nbb).count();
        assert_eq!(p.details.shared_partners, shared);
        assert!((p.details.neighbourhood_overlap.unwrap() - shared as f64 / union as f64).abs() < 1e-12);
        let j = joint.get(&(*a, b)).copied().unwrap_or(0);
        assert_eq!(p.details.joint_projects, j);
        assert!((p.components.social.unwrap() - j as f64 / (j as f64 + 1.0)).abs() < 1e-12);
        let (ca, cb) = (
            &ds.actors.iter().find(|x| x.id == *a).unwrap().country,
            &ds.actors.iter().find(|x| x.id == b).unwrap().country,
        );
        assert_eq!(p.details.same_country, Some(if ca == cb { 1.0 } else { 0.0 }));
        // The synergy is the weighted mean of the available components (weights 1).
        let c = p.components;
        let avail: Vec<f64> =
            [c.cognitive, c.organisational, c.social, c.institutional, c.geographical, c.complementarity]
                .into_iter()
                .flatten()
                .collect();
        assert!((p.synergy - avail.iter().sum::<f64>() / avail.len() as f64).abs() < 1e-12);
    }
}
