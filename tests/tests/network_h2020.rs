//! The network measures on the real Horizon 2020 projection (CORDIS, SOD16 cleaning, in
//! `../shared/data/cordis-h2020-sod16/`) against `NetworkX` 3.6.1 and python-igraph 1.0.
//!
//! The reference values are our own outputs of `tests/peers/networkx_h2020.py` (it builds the
//! projection from the shared files independently of clusterpolicy and runs `NetworkX`; about
//! an hour of CPU, so its outputs are committed: `tests/peers/networkx_h2020_nodes.tsv`,
//! `tests/peers/networkx_h2020_graph.json`). Rerun it after changing what it computes.
//!
//! Tolerance: 1e-9 absolute for every per-node measure and graph value (the acceptance
//! criterion); degrees, strengths and core numbers exactly. `NetworkX`'s eigenvector and
//! `PageRank` ran with tol=1e-15 (its default 1e-6 would make the reference itself inexact
//! beyond 1e-6); ours use their default 1e-14. Louvain (and Leiden): the best modularity of 10
//! seeded runs within 1 % of the best of 10 igraph `community_multilevel` runs.

use std::collections::HashMap;
use std::path::PathBuf;

use clusterpolicy::model::csv::{PartnershipSpec, Partnerships};
use clusterpolicy::network::{
    self, BetweennessParams, ClosenessParams, CommunityParams, EigenvectorParams, GroupBy, HarmonicParams,
    PageRankParams, ProjectionParams,
};
use clusterpolicy_tests::shared_data;
use serde_json::Value;

fn peers(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("peers").join(name)
}

#[test]
fn h2020_projection_agrees_with_networkx() {
    let Some(dir) = shared_data() else { return };
    let d = dir.join("cordis-h2020-sod16");
    let p = Partnerships::from_paths(
        &PartnershipSpec::cordis_h2020_sod(),
        d.join("edges.csv"),
        Some(&d.join("unique_org.csv")),
        Some(&d.join("projects.csv")),
    )
    .unwrap();
    let ds = p.into_dataset("h2020");
    let proj = network::projection(&ds, &ProjectionParams::default()).unwrap();
    let net = &proj.network;
    // The checked facts of PROVENANCE.md.
    assert_eq!((net.node_count(), net.edge_count()), (12_326, 170_120));
    assert_eq!(proj.summary.co_participations, 196_436);
    let comps = network::components(net);
    assert_eq!((comps.len(), comps[0].len()), (1_398, 10_680));
    let stable = network::projection(
        &ds,
        &ProjectionParams { min_joint_projects: 2, isolates: network::Isolates::Drop, ..Default::default() },
    )
    .unwrap()
    .network;
    assert_eq!((stable.node_count(), stable.edge_count()), (2_278, 16_289));
    assert_eq!(network::core_number(&stable).into_iter().max(), Some(72));

    let graph: Value =
        serde_json::from_str(&std::fs::read_to_string(peers("networkx_h2020_graph.json")).unwrap()).unwrap();
    let text = std::fs::read_to_string(peers("networkx_h2020_nodes.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let rows: HashMap<&str, Vec<f64>> = lines
        .map(|l| {
            let mut f = l.split('\t');
            let id = f.next().unwrap();
            (id, f.map(|x| x.parse::<f64>().unwrap()).collect())
        })
        .collect();
    assert_eq!(rows.len(), net.node_count());
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap() - 1;

    let ours: Vec<(&str, Vec<f64>)> = vec![
        ("degree", network::degree(net)),
        ("strength", network::strength(net)),
        ("betweenness", network::betweenness(net, &BetweennessParams::default()).unwrap()),
        ("closeness", network::closeness(net, &ClosenessParams::default())),
        ("harmonic", network::harmonic(net, &HarmonicParams::default())),
        ("eigenvector", network::eigenvector(net, &EigenvectorParams::default()).unwrap()),
        ("pagerank", network::pagerank(net, &PageRankParams::default()).unwrap()),
        ("clustering", network::clustering(net, false)),
        ("core", network::core_number(net).into_iter().map(|k| k as f64).collect()),
    ];
    for (name, values) in &ours {
        let c = col(name);
        let exact = matches!(*name, "degree" | "strength" | "core");
        let mut worst = 0.0f64;
        for (v, id) in net.ids().enumerate() {
            let theirs = rows[id][c];
            let diff = (values[v] - theirs).abs();
            worst = worst.max(diff);
            if exact {
                assert_eq!(values[v], theirs, "{name} of {id}");
            } else {
                assert!(diff <= 1e-9, "{name} of {id}: ours {}, NetworkX {theirs}", values[v]);
            }
        }
        println!("{name}: largest difference from NetworkX {worst:e}");
    }
    let close = |ours: f64, key: &str| {
        let theirs = graph[key].as_f64().unwrap();
        assert!((ours - theirs).abs() <= 1e-9, "{key}: ours {ours}, NetworkX {theirs}");
        println!("{key}: ours {ours}, NetworkX {theirs}, difference {:e}", (ours - theirs).abs());
    };
    close(network::average_clustering(net, false), "average_clustering");
    close(network::transitivity(net), "transitivity");
    close(network::degree_assortativity(net).unwrap(), "degree_assortativity");
    close(network::attribute_assortativity(net, &GroupBy::Country).unwrap(), "country_assortativity");
    close(network::density(net), "density");

    // Same protocol as the reference: the best of 10 seeded runs.
    for (weighted, key) in [
        (false, "igraph_multilevel_modularity_unweighted_best_of_10"),
        (true, "igraph_multilevel_modularity_weighted_best_of_10"),
    ] {
        let igraph = graph[key].as_f64().unwrap();
        let best = |leiden: bool| {
            (0..10)
                .map(|seed| {
                    let p = CommunityParams { weighted, seed, ..Default::default() };
                    if leiden { network::leiden(net, &p) } else { network::louvain(net, &p) }.unwrap().modularity
                })
                .fold(f64::NEG_INFINITY, f64::max)
        };
        let (louvain, leiden) = (best(false), best(true));
        println!("{key}: igraph {igraph}, ours Louvain {louvain}, Leiden {leiden}");
        assert!(louvain >= 0.99 * igraph, "Louvain {key}: ours {louvain}, igraph {igraph}");
        assert!(leiden >= 0.99 * igraph, "Leiden {key}: ours {leiden}, igraph {igraph}");
    }
}
