//! Across borders: Gould-Fernandez brokerage, Krackhardt's E-I index, cross-border shares,
//! Burt's constraint and effective size, and measures by group in both orders of
//! aggregation.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::build::{SelfLoops, aggregate};
use super::graph::{GroupBy, Network};
use crate::error::Result;

/// Counts of the five Gould-Fernandez brokerage roles and their total, in the column order
/// of R sna's `brokerage()`.
///
/// For a broker `b` on an open two-path `a - b - c` (`a` and `c` not tied), by the groups of
/// `a`, `b`, `c`:
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct BrokerageRoles {
    /// Coordinator `w_I`: all three in one group (A-A-A).
    pub coordinator: f64,
    /// Itinerant (consultant) `w_O`: `a` and `c` in one group, `b` in another (A-B-A).
    pub itinerant: f64,
    /// Representative `b_IO`: `a` and `b` in one group, `c` in another (A-A-B).
    pub representative: f64,
    /// Gatekeeper `b_OI`: `b` and `c` in one group, `a` in another (A-B-B).
    pub gatekeeper: f64,
    /// Liaison `b_O`: three different groups (A-B-C).
    pub liaison: f64,
    /// Total `t`.
    pub total: f64,
}

impl BrokerageRoles {
    fn from_array(a: [f64; 6]) -> Self {
        Self { coordinator: a[0], itinerant: a[1], representative: a[2], gatekeeper: a[3], liaison: a[4], total: a[5] }
    }

    fn array(&self) -> [f64; 6] {
        [self.coordinator, self.itinerant, self.representative, self.gatekeeper, self.liaison, self.total]
    }
}

/// Brokerage of one node: raw counts, expected values, standard deviations and z-scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NodeBrokerage {
    /// Node id.
    pub id: String,
    /// Its group.
    pub group: String,
    /// Raw counts (sna `raw.nli`).
    pub raw: BrokerageRoles,
    /// Expected counts in a random graph of the same density (sna `exp.nli`).
    pub expected: BrokerageRoles,
    /// Standard deviations (sna `sd.nli`).
    pub sd: BrokerageRoles,
    /// `(raw - expected) / sd` (sna `z.nli`; NaN where sd is 0).
    pub z: BrokerageRoles,
}

/// The brokerage analysis of a network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Brokerage {
    /// Per node, in node order.
    pub nodes: Vec<NodeBrokerage>,
    /// Whole-network totals (sna `raw.gli`).
    pub raw: BrokerageRoles,
    /// Their expected values (sna `exp.gli`).
    pub expected: BrokerageRoles,
    /// Their standard deviations (sna `sd.gli`).
    pub sd: BrokerageRoles,
    /// Their z-scores (sna `z.gli`).
    pub z: BrokerageRoles,
    /// Group names (sorted) and sizes.
    pub groups: Vec<(String, usize)>,
    /// Density `d` of the directed form (each edge as two arcs): `2 m / (n (n - 1))`.
    pub density: f64,
}

/// Gould-Fernandez brokerage roles by group, as R sna's `brokerage()` reports them.
///
/// An undirected tie counts as two arcs, so every open two-path `a - b - c` is counted in
/// both directions (ordered pairs `(a, c)`); a path is open when `a` and `c` are not tied.
/// Expected values and variances are those of sna 2.7-1 for a Bernoulli graph of density
/// `d = arcs / (n (n - 1))`, per node from its group's size and for the whole network.
///
/// Complexity: O(sum_v k_v^2) time.
///
/// Source: Gould & Fernandez (1989), Sociol. Methodol. 19, 89; R sna 2.7-1 `brokerage()`
/// (C code `brokerage_R`: A-A-B is `b_IO`, A-B-B is `b_OI`).
///
/// ```
/// use clusterpolicy::network::{brokerage, GroupBy, Network, Node};
/// let nodes = vec![Node::new("a").with_country("AT"), Node::new("b").with_country("SI"), Node::new("c").with_country("HR")];
/// let net = Network::from_edge_list(nodes, &[("a", "b", 1.0), ("b", "c", 1.0)])?;
/// let br = brokerage(&net, &GroupBy::Country)?;
/// assert_eq!(br.nodes[1].raw.liaison, 2.0);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`crate::Error::InvalidParameter`] naming a node without a group.
pub fn brokerage(net: &Network, by: &GroupBy) -> Result<Brokerage> {
    let groups = net.groups(by)?;
    let n = net.node_count();
    let g = &groups.of;
    let mut raw = vec![[0.0f64; 6]; n];
    let mut mark = vec![false; n];
    for b in 0..n {
        let nb: Vec<usize> = net.neighbors(b).iter().map(|&x| x as usize).filter(|&x| x != b).collect();
        for &a in &nb {
            for &x in net.neighbors(a) {
                mark[x as usize] = true;
            }
            for &c in &nb {
                if c == a || mark[c] {
                    continue;
                }
                let role = if g[a] == g[b] && g[b] == g[c] {
                    0
                } else if g[a] == g[c] {
                    1
                } else if g[a] == g[b] {
                    2
                } else if g[b] == g[c] {
                    3
                } else {
                    4
                };
                raw[b][role] += 1.0;
            }
            for &x in net.neighbors(a) {
                mark[x as usize] = false;
            }
        }
        raw[b][5] = raw[b][..5].iter().sum();
    }
    // Expected values and variances (sna 2.7-1).
    let nn = n as f64;
    let arcs: f64 = net.edges().iter().map(|e| if e.source == e.target { 1.0 } else { 2.0 }).sum();
    let d = if n > 1 { arcs / (nn * (nn - 1.0)) } else { 0.0 };
    let k = groups.names.len();
    let mut size = vec![0.0f64; k];
    for &x in g {
        size[x] += 1.0;
    }
    let p = d * d * (1.0 - d);
    let q3 = d.powi(3) * (1.0 - d).powi(3);
    let choose2 = |x: f64| x * (x - 1.0) / 2.0;
    let mut ebr = vec![[0.0f64; 6]; k];
    let mut vbr = vec![[0.0f64; 6]; k];
    for i in 0..k {
        let ni = size[i];
        let others: Vec<f64> = (0..k).filter(|&j| j != i).map(|j| size[j]).collect();
        ebr[i][0] = p * (ni - 1.0) * (ni - 2.0);
        vbr[i][0] = ebr[i][0] * (1.0 - p) + 2.0 * (ni - 1.0) * (ni - 2.0) * (ni - 3.0) * q3;
        ebr[i][1] = p * others.iter().map(|x| x * (x - 1.0)).sum::<f64>();
        vbr[i][1] = ebr[i][1] * (1.0 - p) + 2.0 * others.iter().map(|x| x * (x - 1.0) * (x - 2.0)).sum::<f64>() * q3;
        ebr[i][2] = p * (nn - ni) * (ni - 1.0);
        vbr[i][2] = ebr[i][2] * (1.0 - p) + 2.0 * ((ni - 1.0) * choose2(nn - ni) + (nn - ni) * choose2(ni - 1.0)) * q3;
        ebr[i][3] = ebr[i][2];
        vbr[i][3] = vbr[i][2];
        let outer: f64 = others.iter().map(|x| others.iter().map(|y| x * y).sum::<f64>()).sum();
        let sq: f64 = others.iter().map(|x| x * x).sum();
        ebr[i][4] = p * (outer - sq);
        vbr[i][4] = ebr[i][4] * (1.0 - p) + 4.0 * others.iter().map(|x| x * choose2(nn - x - ni) * q3).sum::<f64>();
        ebr[i][5] = p * (nn - 1.0) * (nn - 2.0);
        vbr[i][5] = ebr[i][5] * (1.0 - p) + 2.0 * (nn - 1.0) * (nn - 2.0) * (nn - 3.0) * q3;
    }
    let d3 = q3;
    let d4 = d.powi(4) * (1.0 - d).powi(2);
    let d5 = d.powi(5) * (1.0 - d);
    let mut eg = [0.0f64; 6];
    let mut vg = [0.0f64; 6];
    eg[0] = p * size.iter().map(|x| x * (x - 1.0) * (x - 2.0)).sum::<f64>();
    vg[0] = eg[0] * (1.0 - p)
        + size
            .iter()
            .map(|x| x * (x - 1.0) * (x - 2.0) * ((4.0 * x - 10.0) * d3 - 4.0 * (x - 3.0) * d4 + (x - 3.0) * d5))
            .sum::<f64>();
    eg[1] = p * size.iter().map(|x| x * (nn - x) * (x - 1.0)).sum::<f64>();
    let f2 = |x: f64, y: f64| x * y * (x - 1.0) * ((2.0 * x + 2.0 * y - 6.0) * d3 + (nn - x - 1.0) * d5);
    let outer2: f64 = size.iter().map(|&x| size.iter().map(|&y| f2(x, y)).sum::<f64>()).sum();
    let diag2: f64 = size.iter().map(|x| x * x * (x - 1.0) * ((4.0 * x - 6.0) * d3 + (nn - x - 1.0) * d5)).sum();
    vg[1] = eg[1] * (1.0 - p) + (outer2 - diag2);
    eg[2] = p * size.iter().map(|x| x * (nn - x) * (x - 1.0)).sum::<f64>();
    vg[2] = eg[2] * (1.0 - p)
        + size.iter().map(|x| x * (nn - x) * (x - 1.0) * ((nn - 3.0) * d3 + (x - 2.0) * d5)).sum::<f64>();
    eg[3] = eg[2];
    vg[3] = vg[2];
    let outer5: f64 = size.iter().map(|&x| size.iter().map(|&y| x * y * (nn - x - y)).sum::<f64>()).sum();
    eg[4] = p * (outer5 - size.iter().map(|x| x * x * (nn - 2.0 * x)).sum::<f64>());
    vg[4] = eg[4] * (1.0 - p);
    for i in 0..k {
        for j in 0..k {
            for l in 0..k {
                if i != j && j != l && i != l {
                    let (a, b, c) = (size[i], size[j], size[l]);
                    vg[4] += a
                        * b
                        * c
                        * ((4.0 * (nn - b) - 2.0 * (a + c + 1.0)) * d3 - (4.0 * (nn - c) - 2.0 * (a + b + 1.0)) * d4
                            + (nn - (a + c + 1.0)) * d5);
                }
            }
        }
    }
    eg[5] = p * nn * (nn - 1.0) * (nn - 2.0);
    vg[5] = eg[5] * (1.0 - p)
        + nn * (nn - 1.0) * (nn - 2.0) * ((4.0 * nn - 10.0) * d3 - 4.0 * (nn - 3.0) * d4 + (nn - 3.0) * d5);
    let mut graw = [0.0f64; 6];
    for r in &raw {
        for (t, x) in graw.iter_mut().zip(r) {
            *t += x;
        }
    }
    let sdg: [f64; 6] = vg.map(f64::sqrt);
    let zg: [f64; 6] = std::array::from_fn(|c| (graw[c] - eg[c]) / sdg[c]);
    let nodes = (0..n)
        .map(|v| {
            let e = ebr[g[v]];
            let sd: [f64; 6] = vbr[g[v]].map(f64::sqrt);
            let z: [f64; 6] = std::array::from_fn(|c| (raw[v][c] - e[c]) / sd[c]);
            NodeBrokerage {
                id: net.nodes()[v].id.clone(),
                group: groups.names[g[v]].clone(),
                raw: BrokerageRoles::from_array(raw[v]),
                expected: BrokerageRoles::from_array(e),
                sd: BrokerageRoles::from_array(sd),
                z: BrokerageRoles::from_array(z),
            }
        })
        .collect();
    Ok(Brokerage {
        nodes,
        raw: BrokerageRoles::from_array(graw),
        expected: BrokerageRoles::from_array(eg),
        sd: BrokerageRoles::from_array(sdg),
        z: BrokerageRoles::from_array(zg),
        groups: groups.names.iter().cloned().zip(size.iter().map(|&x| x as usize)).collect(),
        density: d,
    })
}

impl Brokerage {
    /// The raw role counts of every node as rows `[w_I, w_O, b_IO, b_OI, b_O, t]`.
    #[must_use]
    pub fn raw_rows(&self) -> Vec<[f64; 6]> {
        self.nodes.iter().map(|v| v.raw.array()).collect()
    }
}

/// E-I index of one group or one node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EiEntry {
    /// Group name or node id.
    pub id: String,
    /// External ties (to other groups).
    pub external: f64,
    /// Internal ties (within the group).
    pub internal: f64,
    /// `(E - I) / (E + I)`; NaN without ties.
    pub ei: f64,
}

/// Krackhardt's E-I index at graph, group and node level, and the cross-border share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EiIndex {
    /// External ties of the whole network.
    pub external: f64,
    /// Internal ties of the whole network.
    pub internal: f64,
    /// Graph-level E-I index.
    pub ei: f64,
    /// Share of ties that cross group borders, `E / (E + I)`.
    pub cross_border_share: f64,
    /// Per group (sorted by name): its external ties (to other groups) and internal ties.
    pub groups: Vec<EiEntry>,
    /// Per node, in node order.
    pub nodes: Vec<EiEntry>,
}

/// Krackhardt's E-I index: `(E - I) / (E + I)` for external ties `E` (between groups) and
/// internal ties `I` (within a group), for the whole network, each group and each node, and
/// the share of cross-border ties `E / (E + I)`. Ties are counted (or, with `weighted`,
/// their weights summed); a self-loop is internal.
///
/// Complexity: O(n + m).
///
/// Source: Krackhardt & Stern (1988), Soc. Psychol. Q. 51, 123.
///
/// ```
/// use clusterpolicy::network::{ei_index, GroupBy, Network, Node};
/// let nodes = vec![Node::new("a").with_country("SI"), Node::new("b").with_country("SI"), Node::new("c").with_country("AT")];
/// let net = Network::from_edge_list(nodes, &[("a", "b", 1.0), ("b", "c", 1.0)])?;
/// let ei = ei_index(&net, &GroupBy::Country, false)?;
/// assert_eq!((ei.external, ei.internal, ei.ei, ei.cross_border_share), (1.0, 1.0, 0.0, 0.5));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`crate::Error::InvalidParameter`] naming a node without a group.
pub fn ei_index(net: &Network, by: &GroupBy, weighted: bool) -> Result<EiIndex> {
    let groups = net.groups(by)?;
    let n = net.node_count();
    let k = groups.names.len();
    let (mut ge, mut gi) = (vec![0.0; k], vec![0.0; k]);
    let (mut ne, mut ni) = (vec![0.0; n], vec![0.0; n]);
    let (mut e_all, mut i_all) = (0.0, 0.0);
    for e in net.edges() {
        let w = if weighted { e.weight } else { 1.0 };
        let (a, b) = (groups.of[e.source], groups.of[e.target]);
        if a == b {
            i_all += w;
            gi[a] += w;
            ni[e.source] += w;
            if e.source != e.target {
                ni[e.target] += w;
            }
        } else {
            e_all += w;
            ge[a] += w;
            ge[b] += w;
            ne[e.source] += w;
            ne[e.target] += w;
        }
    }
    let ei = |e: f64, i: f64| if e + i > 0.0 { (e - i) / (e + i) } else { f64::NAN };
    Ok(EiIndex {
        external: e_all,
        internal: i_all,
        ei: ei(e_all, i_all),
        cross_border_share: if e_all + i_all > 0.0 { e_all / (e_all + i_all) } else { 0.0 },
        groups: (0..k)
            .map(|c| EiEntry { id: groups.names[c].clone(), external: ge[c], internal: gi[c], ei: ei(ge[c], gi[c]) })
            .collect(),
        nodes: (0..n)
            .map(|v| EiEntry { id: net.nodes()[v].id.clone(), external: ne[v], internal: ni[v], ei: ei(ne[v], ni[v]) })
            .collect(),
    })
}

/// Burt's structural-hole measures of every node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StructuralHoles {
    /// Constraint `C(v)`, aligned with the nodes (NaN for isolated nodes).
    pub constraint: Vec<f64>,
    /// Effective size `E(v)` (NaN for isolated nodes).
    pub effective_size: Vec<f64>,
}

/// Burt's constraint and effective size, as NetworkX computes them (self-loops ignored).
///
/// With `p_uv = w_uv / sum_x w_ux` (proportional tie strength) and `m_vw = w_vw / max_x w_vx`:
/// constraint `C(u) = sum_{v in N(u)} (p_uv + sum_{w in N(u)} p_uw p_wv)^2`; effective size
/// `E(u) = sum_{v in N(u)} (1 - sum_{w in N(u)} p_uw m_vw)` (unweighted: `k - 2 t / k` for `t`
/// ties among the `k` neighbours, Borgatti 1997).
///
/// Complexity: O(sum_v k_v^2).
///
/// Source: Burt (1992), Structural Holes, ch. 2; NetworkX 3.6 `constraint`, `effective_size`.
///
/// ```
/// use clusterpolicy::network::{structural_holes, Network};
/// let star = Network::from_edges(&[("c", "a", 1.0), ("c", "b", 1.0)])?;
/// let h = structural_holes(&star, false);
/// assert_eq!((h.constraint[0], h.effective_size[0]), (0.5, 2.0));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[must_use]
pub fn structural_holes(net: &Network, weighted: bool) -> StructuralHoles {
    let n = net.node_count();
    let wt = |x: f64| if weighted { x } else { 1.0 };
    // Sum and max of tie weights per node (self-loops ignored).
    let mut sum = vec![0.0; n];
    let mut max = vec![0.0f64; n];
    for v in 0..n {
        for (&u, &x) in net.neighbors(v).iter().zip(net.neighbor_weights(v)) {
            if u as usize != v {
                sum[v] += wt(x);
                max[v] = max[v].max(wt(x));
            }
        }
    }
    let mut tie = vec![0.0f64; n];
    let mut constraint = vec![f64::NAN; n];
    let mut effective = vec![f64::NAN; n];
    for u in 0..n {
        if sum[u] == 0.0 {
            continue;
        }
        let nb: Vec<(usize, f64)> = net
            .neighbors(u)
            .iter()
            .zip(net.neighbor_weights(u))
            .filter(|(w, _)| **w as usize != u)
            .map(|(&w, &x)| (w as usize, wt(x)))
            .collect();
        for &(w, x) in &nb {
            tie[w] = x;
        }
        let (mut c, mut e) = (0.0, 0.0);
        for &(v, x) in &nb {
            let direct = x / sum[u];
            let mut indirect = 0.0;
            let mut redundancy = 0.0;
            // sum over w in N(u) of p_uw p_wv, and of p_uw m_vw: walk the neighbours of v.
            for (&w, &y) in net.neighbors(v).iter().zip(net.neighbor_weights(v)) {
                let w = w as usize;
                if w == v || w == u || tie[w] == 0.0 {
                    continue;
                }
                let p_uw = tie[w] / sum[u];
                indirect += p_uw * (wt(y) / sum[w]);
                redundancy += p_uw * (wt(y) / max[v]);
            }
            c += (direct + indirect) * (direct + indirect);
            e += 1.0 - redundancy;
        }
        for &(w, _) in &nb {
            tie[w] = 0.0;
        }
        constraint[u] = c;
        effective[u] = e;
    }
    StructuralHoles { constraint, effective_size: effective }
}

/// Which order produced a measure by group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AggregationOrder {
    /// The measure was computed on the organisation network, then summed per group.
    #[default]
    ComputeThenAggregate,
    /// The network was aggregated to groups, then the measure computed on the group network.
    AggregateThenCompute,
}

/// A per-node measure that [`group_measure`] computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NodeMeasure {
    /// [`super::degree`].
    Degree,
    /// [`super::strength`].
    #[default]
    Strength,
    /// [`super::betweenness`] (normalised, hops).
    Betweenness,
    /// [`super::betweenness`] (normalised, lengths `1 / weight`).
    WeightedBetweenness,
    /// [`super::closeness`] (hops).
    Closeness,
    /// [`super::harmonic`] (hops).
    Harmonic,
    /// [`super::eigenvector`] (weighted).
    Eigenvector,
    /// [`super::pagerank`] (weighted).
    Pagerank,
}

/// Options of [`group_measure`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct GroupMeasureParams {
    /// The measure.
    pub measure: NodeMeasure,
    /// The groups.
    pub group_by: GroupBy,
    /// The order of aggregation and computation.
    pub order: AggregationOrder,
    /// Within-group ties of the aggregated network (only for `aggregate_then_compute`).
    pub self_loops: SelfLoops,
}

impl Default for GroupMeasureParams {
    fn default() -> Self {
        Self {
            measure: NodeMeasure::Strength,
            group_by: GroupBy::Country,
            order: AggregationOrder::ComputeThenAggregate,
            self_loops: SelfLoops::Drop,
        }
    }
}

/// A measure by group, saying which order produced it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GroupMeasure {
    /// The measure.
    pub measure: NodeMeasure,
    /// The order that produced the values.
    pub order: AggregationOrder,
    /// Whether the aggregated network kept within-group ties as self-loops
    /// (`aggregate_then_compute` only; `drop` otherwise).
    pub self_loops: SelfLoops,
    /// Group names, sorted.
    pub groups: Vec<String>,
    /// One value per group.
    pub values: Vec<f64>,
}

/// Computes a node measure by group, in either order: on the organisations and then summed
/// over each group's members, or on the network aggregated to the groups (with or without
/// self-loops). The two orders answer different questions (the brokerage of a country's
/// organisations versus the brokerage of the country as a node); the result records which.
///
/// ```
/// use clusterpolicy::network::{group_measure, projection, AggregationOrder, GroupMeasureParams, ProjectionParams};
/// let net = projection(&clusterpolicy::sample::south_east_europe(), &ProjectionParams::default())?.network;
/// let a = group_measure(&net, &GroupMeasureParams::default())?;
/// let b = group_measure(&net, &GroupMeasureParams { order: AggregationOrder::AggregateThenCompute, ..Default::default() })?;
/// assert_eq!(a.groups, b.groups);
/// assert_eq!(b.order, AggregationOrder::AggregateThenCompute);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`crate::Error::InvalidParameter`] naming a node without a group; errors of the measure.
pub fn group_measure(net: &Network, params: &GroupMeasureParams) -> Result<GroupMeasure> {
    let compute = |g: &Network| -> Result<Vec<f64>> {
        Ok(match params.measure {
            NodeMeasure::Degree => super::structure::degree(g),
            NodeMeasure::Strength => super::structure::strength(g),
            NodeMeasure::Betweenness => super::paths::betweenness(g, &super::paths::BetweennessParams::default())?,
            NodeMeasure::WeightedBetweenness => super::paths::betweenness(
                g,
                &super::paths::BetweennessParams {
                    distance: super::paths::Distance::InverseWeight,
                    ..Default::default()
                },
            )?,
            NodeMeasure::Closeness => super::paths::closeness(g, &super::paths::ClosenessParams::default()),
            NodeMeasure::Harmonic => super::paths::harmonic(g, &super::paths::HarmonicParams::default()),
            NodeMeasure::Eigenvector => super::spectral::eigenvector(
                g,
                &super::spectral::EigenvectorParams { weighted: true, ..Default::default() },
            )?,
            NodeMeasure::Pagerank => super::spectral::pagerank(g, &super::spectral::PageRankParams::default())?,
        })
    };
    match params.order {
        AggregationOrder::ComputeThenAggregate => {
            let groups = net.groups(&params.group_by)?;
            let values = compute(net)?;
            let mut sums = vec![0.0; groups.names.len()];
            for (v, x) in values.iter().enumerate() {
                sums[groups.of[v]] += x;
            }
            Ok(GroupMeasure {
                measure: params.measure,
                order: params.order,
                self_loops: SelfLoops::Drop,
                groups: groups.names,
                values: sums,
            })
        }
        AggregationOrder::AggregateThenCompute => {
            let agg = aggregate(net, &params.group_by, params.self_loops)?;
            let values = compute(&agg)?;
            Ok(GroupMeasure {
                measure: params.measure,
                order: params.order,
                self_loops: params.self_loops,
                groups: agg.ids().map(str::to_owned).collect(),
                values,
            })
        }
    }
}
