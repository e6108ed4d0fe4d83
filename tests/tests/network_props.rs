//! Property tests of the network measures against slow, obviously correct implementations
//! written here (shortest paths enumerated one by one, Floyd-Warshall, brute-force cut
//! vertices and edges, naive core peeling, triple loops), on random small graphs.
//!
//! Tolerance: 1e-9 relative for sums of floating-point path shares (the fast kernels add in
//! another order); exact for integer quantities.

use std::collections::BTreeMap;

use clusterpolicy::network::{
    self, ApproxBetweennessParams, BetweennessParams, ClosenessParams, CommunityParams, Distance, Edge, GroupBy,
    HarmonicParams, Network, Node, NodeLevel, SelfLoops,
};
use proptest::prelude::*;

fn graph(n: usize, pairs: &[(usize, usize, u8)]) -> Network {
    let nodes = (0..n).map(|i| Node::new(format!("v{i}")).with_country(["AT", "SI", "HR"][i % 3].to_owned())).collect();
    let edges = pairs
        .iter()
        .filter(|(a, b, _)| a % n != b % n)
        .map(|&(a, b, w)| Edge { source: a % n, target: b % n, weight: f64::from(w % 3 + 1), count: 1 })
        .collect();
    // Repeated pairs add up their weights: keep the weights small integers.
    let net = Network::from_parts(NodeLevel::Custom, nodes, edges).unwrap();
    let edges = net.edges().iter().map(|e| Edge { weight: e.weight.min(5.0), ..*e }).collect();
    Network::from_parts(NodeLevel::Custom, net.nodes().to_vec(), edges).unwrap()
}

fn arb_graph() -> impl Strategy<Value = Network> {
    (2usize..9)
        .prop_flat_map(|n| prop::collection::vec((0..n, 0..n, any::<u8>()), 0..(n * 3)).prop_map(move |p| graph(n, &p)))
}

/// All-pairs lengths by Floyd-Warshall (`inf` when unreachable).
fn floyd(net: &Network, weighted: bool) -> Vec<Vec<f64>> {
    let n = net.node_count();
    let mut d = vec![vec![f64::INFINITY; n]; n];
    for (v, row) in d.iter_mut().enumerate() {
        row[v] = 0.0;
    }
    for e in net.edges() {
        let w = if weighted { e.weight } else { 1.0 };
        d[e.source][e.target] = d[e.source][e.target].min(w);
        d[e.target][e.source] = d[e.target][e.source].min(w);
    }
    for k in 0..n {
        for i in 0..n {
            for j in 0..n {
                if d[i][k] + d[k][j] < d[i][j] {
                    d[i][j] = d[i][k] + d[k][j];
                }
            }
        }
    }
    d
}

/// Every shortest path from s to t, enumerated by depth-first search.
fn shortest_paths(net: &Network, d: &[Vec<f64>], weighted: bool, s: usize, t: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut stack = vec![(s, vec![s])];
    while let Some((v, path)) = stack.pop() {
        if v == t {
            out.push(path);
            continue;
        }
        for (&w, &x) in net.neighbors(v).iter().zip(net.neighbor_weights(v)) {
            let w = w as usize;
            let len = if weighted { x } else { 1.0 };
            if d[s][v] + len + d[w][t] == d[s][t] && !path.contains(&w) {
                let mut p = path.clone();
                p.push(w);
                stack.push((w, p));
            }
        }
    }
    out
}

fn slow_betweenness(net: &Network, weighted: bool) -> Vec<f64> {
    let n = net.node_count();
    let d = floyd(net, weighted);
    let mut bc = vec![0.0; n];
    for s in 0..n {
        for t in (s + 1)..n {
            if d[s][t].is_infinite() {
                continue;
            }
            let paths = shortest_paths(net, &d, weighted, s, t);
            for p in &paths {
                for &v in &p[1..p.len() - 1] {
                    bc[v] += 1.0 / paths.len() as f64;
                }
            }
        }
    }
    bc
}

/// Textbook Brandes (2001, Algorithm 1) with a FIFO queue, predecessor lists and a stack,
/// unweighted: the reference for graphs too large to enumerate paths on. Raw values over
/// ordered pairs (twice the unordered sums).
fn textbook_brandes(net: &Network) -> Vec<f64> {
    let n = net.node_count();
    let mut bc = vec![0.0; n];
    for s in 0..n {
        let mut stack = Vec::new();
        let mut pred: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut sigma = vec![0.0f64; n];
        let mut dist = vec![-1i64; n];
        sigma[s] = 1.0;
        dist[s] = 0;
        let mut queue = std::collections::VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            for &w in net.neighbors(v) {
                let w = w as usize;
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                    pred[w].push(v);
                }
            }
        }
        let mut delta = vec![0.0; n];
        while let Some(w) = stack.pop() {
            for &v in &pred[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                bc[w] += delta[w];
            }
        }
    }
    bc
}

/// Random graphs of 20-120 nodes from very sparse (many components) to dense, so that the
/// BFS of the fast kernel takes both its top-down and its bottom-up steps, and its
/// accumulation both its gather and its push steps.
fn arb_wider_graph() -> impl Strategy<Value = Network> {
    (20usize..120, 1usize..40).prop_flat_map(|(n, avg)| {
        prop::collection::vec((0..n, 0..n, any::<u8>()), (n * avg / 2)..=(n * avg / 2)).prop_map(move |p| graph(n, &p))
    })
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn components_without(net: &Network, node: Option<usize>, edge: Option<usize>) -> usize {
    let n = net.node_count();
    let mut seen = vec![false; n];
    let mut count = 0;
    for s in 0..n {
        if seen[s] || Some(s) == node {
            continue;
        }
        count += 1;
        seen[s] = true;
        let mut stack = vec![s];
        while let Some(v) = stack.pop() {
            for (&w, &e) in net.neighbors(v).iter().zip(net.neighbor_edges(v)) {
                let w = w as usize;
                if !seen[w] && Some(w) != node && Some(e as usize) != edge {
                    seen[w] = true;
                    stack.push(w);
                }
            }
        }
    }
    count
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn betweenness_equals_path_enumeration(net in arb_graph()) {
        // Half-integer weights take the Dijkstra path (not small integers) and add up exactly,
        // so ties of path lengths are the same in any order of addition.
        let halves: Vec<Edge> = net.edges().iter().map(|e| Edge { weight: e.weight + 0.5, ..*e }).collect();
        let real = Network::from_parts(NodeLevel::Custom, net.nodes().to_vec(), halves).unwrap();
        for (g, weighted, distance) in [(&net, false, Distance::Hops), (&net, true, Distance::Weight), (&real, true, Distance::Weight)] {
            let slow = slow_betweenness(g, weighted);
            let fast = network::betweenness(g, &BetweennessParams { normalized: false, distance, endpoints: false }).unwrap();
            for v in 0..g.node_count() {
                prop_assert!(close(slow[v], fast[v]), "{distance:?} node {v}: slow {} fast {}", slow[v], fast[v]);
            }
        }
        // Edge betweenness adds up to the sum over pairs of path lengths in hops.
        let d = floyd(&net, false);
        let total: f64 = (0..net.node_count()).flat_map(|s| ((s + 1)..net.node_count()).map(move |t| (s, t)))
            .filter(|&(s, t)| d[s][t].is_finite()).map(|(s, t)| d[s][t]).sum();
        let eb = network::edge_betweenness(&net, &BetweennessParams { normalized: false, ..Default::default() }).unwrap();
        prop_assert!(close(eb.iter().sum::<f64>(), total));
    }

    #[test]
    fn closeness_and_harmonic_equal_floyd_warshall(net in arb_graph()) {
        let n = net.node_count();
        for (weighted, distance) in [(false, Distance::Hops), (true, Distance::Weight), (true, Distance::InverseWeight)] {
            let d = if distance == Distance::InverseWeight {
                let inv: Vec<Edge> = net.edges().iter().map(|e| Edge { weight: 1.0 / e.weight, ..*e }).collect();
                floyd(&Network::from_parts(NodeLevel::Custom, net.nodes().to_vec(), inv).unwrap(), true)
            } else {
                floyd(&net, weighted)
            };
            let c = network::closeness(&net, &ClosenessParams { distance, wf_improved: true });
            let h = network::harmonic(&net, &HarmonicParams { distance, normalized: false });
            for u in 0..n {
                let reach: Vec<f64> = (0..n).filter(|&v| v != u && d[u][v].is_finite()).map(|v| d[u][v]).collect();
                let sum: f64 = reach.iter().sum();
                let r = reach.len() as f64;
                let expect = if sum > 0.0 { r / sum * r / (n as f64 - 1.0) } else { 0.0 };
                prop_assert!(close(c[u], expect), "closeness {u}: {} vs {expect}", c[u]);
                let hexp: f64 = reach.iter().map(|x| 1.0 / x).sum();
                prop_assert!(close(h[u], hexp));
            }
        }
    }

    #[test]
    fn cut_structure_equals_brute_force(net in arb_graph()) {
        let base = components_without(&net, None, None);
        let cuts = network::cut_structure(&net);
        for v in 0..net.node_count() {
            let isolated = net.degree_without_loops(v) == 0;
            let after = components_without(&net, Some(v), None);
            // Removing v splits its component iff more components remain (an isolated node
            // removes one).
            let is_cut = after > base - usize::from(isolated);
            prop_assert_eq!(cuts.articulation_points.contains(&v), is_cut, "node {}", v);
        }
        for e in 0..net.edge_count() {
            let is_bridge = components_without(&net, None, Some(e)) > base;
            prop_assert_eq!(cuts.bridges.contains(&e), is_bridge, "edge {}", e);
        }
    }

    #[test]
    fn cores_and_triangles_equal_naive(net in arb_graph()) {
        let n = net.node_count();
        // Naive peeling: the k-core for k = 0, 1, ...
        let mut core = vec![0usize; n];
        for k in 1..=n {
            let mut alive = vec![true; n];
            loop {
                let mut changed = false;
                for v in 0..n {
                    if alive[v] && net.neighbors(v).iter().filter(|&&w| alive[w as usize] && w as usize != v).count() < k {
                        alive[v] = false;
                        changed = true;
                    }
                }
                if !changed { break; }
            }
            for v in 0..n {
                if alive[v] { core[v] = k; }
            }
        }
        prop_assert_eq!(network::core_number(&net), core);
        let adj = |a: usize, b: usize| net.neighbors(a).contains(&(b as u32));
        let tri = network::triangles(&net);
        prop_assert_eq!(tri.len(), n);
        for (v, &tv) in tri.iter().enumerate() {
            let mut t = 0.0;
            for a in 0..n { for b in (a + 1)..n {
                if a != v && b != v && adj(v, a) && adj(v, b) && adj(a, b) { t += 1.0; }
            }}
            prop_assert_eq!(tv, t);
        }
    }

    #[test]
    fn brokerage_and_ei_add_up(net in arb_graph()) {
        let br = network::brokerage(&net, &GroupBy::Country).unwrap();
        for (v, node) in br.nodes.iter().enumerate() {
            let r = &node.raw;
            prop_assert_eq!(r.coordinator + r.itinerant + r.representative + r.gatekeeper + r.liaison, r.total);
            // Undirected ties: representative and gatekeeper counts are equal.
            prop_assert_eq!(r.representative, r.gatekeeper);
            // Total = ordered pairs of untied neighbours.
            let nb: Vec<usize> = net.neighbors(v).iter().map(|&w| w as usize).collect();
            let open = nb.iter().flat_map(|&a| nb.iter().map(move |&c| (a, c)))
                .filter(|&(a, c)| a != c && !net.neighbors(a).contains(&(c as u32))).count();
            prop_assert_eq!(r.total, open as f64);
        }
        let ei = network::ei_index(&net, &GroupBy::Country, false).unwrap();
        prop_assert_eq!(ei.external + ei.internal, net.edge_count() as f64);
    }

    #[test]
    fn communities_are_deterministic_and_scored_right(net in arb_graph(), seed in 0u64..5) {
        let p = CommunityParams { seed, ..Default::default() };
        for part in [network::louvain(&net, &p).unwrap(), network::leiden(&net, &p).unwrap()] {
            let q = network::modularity(&net, &part.membership, 1.0, true).unwrap();
            prop_assert!((q - part.modularity).abs() < 1e-12);
            prop_assert!(part.modularity >= -0.5 - 1e-12 && part.modularity <= 1.0);
        }
        prop_assert_eq!(network::louvain(&net, &p).unwrap(), network::louvain(&net, &p).unwrap());
        prop_assert_eq!(network::leiden(&net, &p).unwrap(), network::leiden(&net, &p).unwrap());
        // Repeated Louvain runs start with the single run and keep a run only when it helps.
        let one = network::louvain(&net, &CommunityParams { iterations: 1, ..p }).unwrap();
        let more = network::louvain(&net, &CommunityParams { iterations: 3, ..p }).unwrap();
        prop_assert!(more.modularity >= one.modularity - 1e-12, "{} < {}", more.modularity, one.modularity);
    }

    #[test]
    fn betweenness_equals_textbook_brandes(net in arb_wider_graph(), endpoints in any::<bool>()) {
        let slow = textbook_brandes(&net);
        let fast = network::betweenness(&net, &BetweennessParams { normalized: false, distance: Distance::Hops, endpoints }).unwrap();
        // Endpoints add, per node, the number of other nodes it reaches (each ordered pair
        // counted once at its source, once at its target; halved with the rest).
        let reach: Vec<f64> = (0..net.node_count())
            .map(|v| {
                let mut seen = vec![false; net.node_count()];
                let mut stack = vec![v];
                seen[v] = true;
                let mut count = 0usize;
                while let Some(x) = stack.pop() {
                    for &y in net.neighbors(x) {
                        if !seen[y as usize] {
                            seen[y as usize] = true;
                            count += 1;
                            stack.push(y as usize);
                        }
                    }
                }
                count as f64
            })
            .collect();
        for v in 0..net.node_count() {
            let expect = if endpoints { slow[v] / 2.0 + reach[v] } else { slow[v] / 2.0 };
            prop_assert!(close(expect, fast[v]), "node {v}: textbook {expect} fast {}", fast[v]);
        }
    }

    #[test]
    fn approximate_betweenness_within_its_bound(net in arb_graph(), seed in 0u64..1000) {
        let exact = network::betweenness(&net, &BetweennessParams::default()).unwrap();
        let a = network::approximate_betweenness(&net, &ApproxBetweennessParams { epsilon: 0.1, delta: 0.01, seed, ..Default::default() }).unwrap();
        prop_assert_eq!(exact.len(), a.values.len());
        for (v, (&e, &x)) in exact.iter().zip(&a.values).enumerate() {
            prop_assert!((e - x).abs() <= a.bound, "node {v}: exact {e} approx {x} bound {}", a.bound);
        }
    }

    #[test]
    fn aggregation_and_json_round_trip(net in arb_graph()) {
        let agg = network::aggregate(&net, &GroupBy::Country, SelfLoops::Keep).unwrap();
        let total: f64 = net.edges().iter().map(|e| e.weight).sum();
        prop_assert!(close(agg.edges().iter().map(|e| e.weight).sum(), total));
        let strengths: BTreeMap<&str, f64> = agg.ids().zip(network::strength(&agg)).collect();
        let mut by_country: BTreeMap<String, f64> = BTreeMap::new();
        for (v, s) in network::strength(&net).into_iter().enumerate() {
            *by_country.entry(net.nodes()[v].country.clone().unwrap()).or_default() += s;
        }
        for (c, s) in &by_country {
            prop_assert!(close(strengths[c.as_str()], *s));
        }
        let back: Network = serde_json::from_str(&serde_json::to_string(&net).unwrap()).unwrap();
        prop_assert_eq!(back, net);
    }
}

/// A dense core with a long chain hanging off it and a separate component: the BFS goes
/// bottom-up at the core's widest level and must come back top-down along the chain.
#[test]
fn betweenness_on_core_with_tail_equals_textbook_brandes() {
    let mut pairs = Vec::new();
    for a in 0..60 {
        for b in (a + 1)..60 {
            if (a * 7 + b * 3) % 4 != 0 {
                pairs.push((a, b, 0u8));
            }
        }
    }
    for v in 60..160 {
        pairs.push((v - 1, v, 0));
    }
    // A ring at the end of the chain, then a triangle apart and an isolated node.
    for v in 161..170 {
        pairs.push((160, v, 0));
        pairs.push((v, if v + 1 < 170 { v + 1 } else { 161 }, 0));
    }
    pairs.extend([(170, 171, 0), (171, 172, 0), (170, 172, 0)]);
    let net = graph(174, &pairs);
    let slow = textbook_brandes(&net);
    let fast = network::betweenness(
        &net,
        &BetweennessParams { normalized: false, distance: Distance::Hops, endpoints: false },
    )
    .unwrap();
    for v in 0..net.node_count() {
        assert!(close(slow[v] / 2.0, fast[v]), "node {v}: textbook {} fast {}", slow[v] / 2.0, fast[v]);
    }
}
