//! Vulnerability: robustness curves under random and targeted node removal, and the removal of
//! a whole group (what if a country leaves).

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::graph::{GroupBy, Network};
use super::paths::{Distance, path_summary};
use crate::error::{Error, Result};
use crate::progress::{Counter, Progress, Silent};

/// The order in which nodes are removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Removal {
    /// Uniformly random order (seeded): failures.
    #[default]
    Random,
    /// Highest degree first (degrees of the intact network): attacks on hubs.
    Degree,
    /// Highest degree first, recomputed after each removal.
    AdaptiveDegree,
    /// Highest betweenness first (of the intact network): attacks on brokers.
    Betweenness,
}

/// Options of [`robustness`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct RobustnessParams {
    /// The removal order.
    pub removal: Removal,
    /// Points of the curve besides the intact network: removal of `i / steps` of the nodes.
    pub steps: usize,
    /// Also compute the global efficiency at each point (an all-pairs computation per point).
    pub efficiency: bool,
    /// Seed of the random order (and of ties between equal scores: none, ties go to the lower
    /// index).
    pub seed: u64,
}

impl Default for RobustnessParams {
    fn default() -> Self {
        Self { removal: Removal::Random, steps: 20, efficiency: false, seed: 42 }
    }
}

/// One point of a robustness curve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RobustnessPoint {
    /// Share of nodes removed.
    pub removed_share: f64,
    /// Nodes removed.
    pub removed: usize,
    /// Size of the largest component of the remaining network.
    pub giant: usize,
    /// `giant / n` (n of the intact network).
    pub giant_share: f64,
    /// Global efficiency of the remaining network divided by n (n - 1) of the intact network,
    /// when asked for.
    pub efficiency: Option<f64>,
}

/// A robustness curve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RobustnessCurve {
    /// The removal order used.
    pub removal: Removal,
    /// Points, from the intact network to all nodes removed.
    pub points: Vec<RobustnessPoint>,
    /// Area under the giant-share curve (trapezoids over the removed share), the R index of
    /// Schneider et al. (2011) in the limit of many steps.
    pub area: f64,
}

fn find(p: &mut [usize], mut x: usize) -> usize {
    while p[x] != x {
        p[x] = p[p[x]];
        x = p[x];
    }
    x
}

/// Largest component sizes after removing `order[..i]` for each i, by adding the nodes back
/// in reverse order with a union-find. Entry `i` is the giant size with `i` nodes removed.
fn giant_after_removals(net: &Network, order: &[usize]) -> Vec<usize> {
    let n = net.node_count();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut size = vec![1usize; n];
    let mut alive = vec![false; n];
    let mut out = vec![0usize; n + 1];
    let mut giant = 0;
    // Nodes never removed come first.
    let mut removed = vec![false; n];
    for &v in order {
        removed[v] = true;
    }
    let add = |v: usize, parent: &mut Vec<usize>, size: &mut Vec<usize>, alive: &mut Vec<bool>, giant: &mut usize| {
        alive[v] = true;
        *giant = (*giant).max(1);
        for &w in net.neighbors(v) {
            let w = w as usize;
            if !alive[w] || w == v {
                continue;
            }
            let (a, b) = (find(parent, v), find(parent, w));
            if a != b {
                let (big, small) = if size[a] >= size[b] { (a, b) } else { (b, a) };
                parent[small] = big;
                size[big] += size[small];
                *giant = (*giant).max(size[big]);
            }
        }
    };
    for v in 0..n {
        if !removed[v] {
            add(v, &mut parent, &mut size, &mut alive, &mut giant);
        }
    }
    out[order.len()] = giant;
    for i in (0..order.len()).rev() {
        add(order[i], &mut parent, &mut size, &mut alive, &mut giant);
        out[i] = giant;
    }
    out.truncate(order.len() + 1);
    out
}

fn removal_order(net: &Network, params: &RobustnessParams) -> Result<Vec<usize>> {
    let n = net.node_count();
    let by_score = |score: &[f64]| {
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| score[b].total_cmp(&score[a]).then(a.cmp(&b)));
        order
    };
    Ok(match params.removal {
        Removal::Random => {
            let mut order: Vec<usize> = (0..n).collect();
            order.shuffle(&mut ChaCha8Rng::seed_from_u64(params.seed));
            order
        }
        Removal::Degree => by_score(&super::structure::degree(net)),
        Removal::Betweenness => by_score(&super::paths::betweenness(net, &super::paths::BetweennessParams::default())?),
        Removal::AdaptiveDegree => {
            // Bucket queue of current degrees.
            let mut deg: Vec<usize> = (0..n).map(|v| net.degree_without_loops(v)).collect();
            let mut removed = vec![false; n];
            let mut heap: std::collections::BinaryHeap<(usize, std::cmp::Reverse<usize>)> =
                (0..n).map(|v| (deg[v], std::cmp::Reverse(v))).collect();
            let mut order = Vec::with_capacity(n);
            while let Some((d, std::cmp::Reverse(v))) = heap.pop() {
                if removed[v] || d != deg[v] {
                    continue;
                }
                removed[v] = true;
                order.push(v);
                for &w in net.neighbors(v) {
                    let w = w as usize;
                    if !removed[w] && w != v {
                        deg[w] -= 1;
                        heap.push((deg[w], std::cmp::Reverse(w)));
                    }
                }
            }
            order
        }
    })
}

/// Robustness curve: the size of the giant component (and optionally the global efficiency)
/// as nodes are removed in random or targeted order.
///
/// Complexity: O(m alpha(n)) for the giant-component curve (nodes are added back in reverse
/// order with a union-find); O(steps n m) with efficiency; plus the cost of the order
/// (betweenness: O(n m)).
///
/// Source: Albert, Jeong & Barabasi (2000), Nature 406, 378; Schneider et al. (2011), PNAS
/// 108, 3838 (the R index); Latora & Marchiori (2001) for efficiency.
///
/// ```
/// use clusterpolicy::network::{robustness, Network, Removal, RobustnessParams};
/// let star = Network::from_edges(&[("c", "a", 1.0), ("c", "b", 1.0), ("c", "d", 1.0)])?;
/// let curve = robustness(&star, &RobustnessParams { removal: Removal::Degree, steps: 4, ..Default::default() })?;
/// assert_eq!(curve.points[0].giant, 4);
/// assert_eq!(curve.points[1].giant, 1); // the hub goes first
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for `steps == 0`; [`Error::Empty`] for a network without nodes.
pub fn robustness(net: &Network, params: &RobustnessParams) -> Result<RobustnessCurve> {
    robustness_with_progress(net, params, &Silent)
}

/// [`robustness`] reporting its progress in points of the curve (`steps + 1` of them; the
/// slow ones are those with `efficiency`); see [`crate::progress`]. The result is the same as
/// [`robustness`]'s.
///
/// # Errors
/// As [`robustness`].
///
/// Complexity: as [`robustness`].
pub fn robustness_with_progress(
    net: &Network,
    params: &RobustnessParams,
    progress: &dyn Progress,
) -> Result<RobustnessCurve> {
    let n = net.node_count();
    if n == 0 {
        return Err(Error::Empty { what: "network".into() });
    }
    if params.steps == 0 {
        return Err(Error::param("steps", "must be at least 1"));
    }
    let order = removal_order(net, params)?;
    let giant = giant_after_removals(net, &order);
    let nf = n as f64;
    let mut points = Vec::with_capacity(params.steps + 1);
    let counter = Counter::new(progress, params.steps + 1);
    for i in 0..=params.steps {
        let removed = (i * n).div_ceil(params.steps).min(n);
        let efficiency = if params.efficiency {
            let mut keep = vec![true; n];
            for &v in &order[..removed] {
                keep[v] = false;
            }
            let sub = net.induced(&keep)?;
            let k = sub.node_count() as f64;
            let e = path_summary(&sub, Distance::Hops).global_efficiency;
            // Rescale to the pairs of the intact network.
            Some(if n > 1 { e * k * (k - 1.0) / (nf * (nf - 1.0)) } else { 0.0 })
        } else {
            None
        };
        points.push(RobustnessPoint {
            removed_share: removed as f64 / nf,
            removed,
            giant: giant[removed],
            giant_share: giant[removed] as f64 / nf,
            efficiency,
        });
        counter.add(1);
    }
    let area = points
        .windows(2)
        .map(|w| (w[1].removed_share - w[0].removed_share) * (w[0].giant_share + w[1].giant_share) / 2.0)
        .sum();
    Ok(RobustnessCurve { removal: params.removal, points, area })
}

/// What happens when all nodes of one group leave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GroupRemoval {
    /// The group that leaves.
    pub group: String,
    /// Its nodes.
    pub removed: usize,
    /// Giant component of the remaining network.
    pub giant: usize,
    /// `giant / (n - removed)`: the share of the remaining nodes still in the giant component.
    pub giant_share_of_remaining: f64,
    /// Giant component of the intact network.
    pub giant_before: usize,
    /// Components of the remaining network.
    pub components: usize,
    /// Global efficiency of the remaining network (on its own pairs).
    pub efficiency: f64,
    /// Global efficiency of the intact network.
    pub efficiency_before: f64,
}

/// The "what if a country leaves" question: for each group (country, region, helix kind, ...),
/// the network without that group's nodes: giant component, components and global
/// efficiency, next to the intact values. Sorted by the share of the remaining nodes left in
/// the giant component, then by the efficiency left (smallest first: the most critical group
/// first), then by name.
///
/// Complexity: O(groups x n m) (an all-pairs computation per group).
///
/// ```
/// use clusterpolicy::network::{group_removal, GroupBy, Network, Node};
/// let nodes = vec![Node::new("a").with_country("AT"), Node::new("b").with_country("SI"), Node::new("c").with_country("AT")];
/// let net = Network::from_edge_list(nodes, &[("a", "b", 1.0), ("b", "c", 1.0)])?;
/// let r = group_removal(&net, &GroupBy::Country)?;
/// assert_eq!((r[0].group.as_str(), r[0].giant, r[0].components), ("SI", 1, 2));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] naming a node without a group.
pub fn group_removal(net: &Network, by: &GroupBy) -> Result<Vec<GroupRemoval>> {
    let groups = net.groups(by)?;
    let n = net.node_count();
    let before = path_summary(net, Distance::Hops);
    let mut out = Vec::with_capacity(groups.names.len());
    for (c, name) in groups.names.iter().enumerate() {
        let keep: Vec<bool> = groups.of.iter().map(|&x| x != c).collect();
        let removed = keep.iter().filter(|k| !**k).count();
        let sub = net.induced(&keep)?;
        let comps = super::structure::components(&sub);
        let giant = comps.first().map_or(0, Vec::len);
        let eff = path_summary(&sub, Distance::Hops).global_efficiency;
        out.push(GroupRemoval {
            group: name.clone(),
            removed,
            giant,
            giant_share_of_remaining: if n > removed { giant as f64 / (n - removed) as f64 } else { 0.0 },
            giant_before: before.giant_nodes,
            components: comps.len(),
            efficiency: eff,
            efficiency_before: before.global_efficiency,
        });
    }
    out.sort_by(|a, b| {
        a.giant_share_of_remaining
            .total_cmp(&b.giant_share_of_remaining)
            .then(a.efficiency.total_cmp(&b.efficiency))
            .then_with(|| a.group.cmp(&b.group))
    });
    Ok(out)
}
