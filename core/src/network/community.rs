//! Communities: modularity, Louvain, Leiden and consensus clustering, seeded and
//! deterministic.

use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::graph::Network;
use crate::error::{Error, Result};

/// The quality function the Leiden algorithm optimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Quality {
    /// Modularity with resolution gamma (Reichardt & Bornholdt 2006).
    #[default]
    Modularity,
    /// The constant Potts model: `sum_c (e_c - gamma n_c (n_c - 1) / 2)` (Traag et al. 2011);
    /// igraph's `community_leiden` optimises it unless told otherwise.
    Cpm,
}

/// Options of [`louvain`] and [`leiden`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct CommunityParams {
    /// Resolution gamma (1 = classic modularity); larger values give smaller communities.
    pub resolution: f64,
    /// Seed of the random node order.
    pub seed: u64,
    /// Use edge weights.
    pub weighted: bool,
    /// Louvain stops when a level improves modularity by no more than this (NetworkX default).
    pub threshold: f64,
    /// Leiden: randomness of the refinement (theta of Traag et al. 2019).
    pub theta: f64,
    /// Leiden: the quality function.
    pub quality: Quality,
    /// Louvain and Leiden: runs, each starting from the previous partition (default 2, as
    /// igraph's Leiden `n_iterations`). Louvain stops early when a run raises modularity by
    /// no more than `threshold`; 1 gives the classic single run.
    pub iterations: usize,
}

impl Default for CommunityParams {
    fn default() -> Self {
        Self {
            resolution: 1.0,
            seed: 42,
            weighted: true,
            threshold: 1e-7,
            theta: 0.01,
            quality: Quality::Modularity,
            iterations: 2,
        }
    }
}

impl CommunityParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a negative or non-finite resolution, a negative
    /// threshold or a non-positive theta.
    pub fn check(&self) -> Result<&Self> {
        if !(self.resolution.is_finite() && self.resolution >= 0.0) {
            return Err(Error::param("resolution", format!("must be finite and >= 0, got {}", self.resolution)));
        }
        if !(self.threshold.is_finite() && self.threshold >= 0.0) {
            return Err(Error::param("threshold", "must be finite and >= 0"));
        }
        if !(self.theta.is_finite() && self.theta > 0.0) {
            return Err(Error::param("theta", "must be finite and > 0"));
        }
        Ok(self)
    }
}

/// A partition of the nodes into communities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Partition {
    /// Community of each node, aligned with [`Network::nodes`]; communities are numbered from
    /// 0 by decreasing size (ties: by their smallest node index).
    pub membership: Vec<usize>,
    /// Number of communities.
    pub communities: usize,
    /// Modularity of the partition (with the resolution and weighting used).
    pub modularity: f64,
}

/// Working graph of the community algorithms: arcs without self-loops, self-loop weights,
/// node strengths (a self-loop counting twice) and node sizes.
#[derive(Clone)]
struct LevelGraph {
    off: Vec<usize>,
    nbr: Vec<u32>,
    w: Vec<f64>,
    self_w: Vec<f64>,
    k: Vec<f64>,
    size: Vec<f64>,
    m2: f64,
}

impl LevelGraph {
    fn from_network(net: &Network, weighted: bool) -> Self {
        let n = net.node_count();
        let mut off = Vec::with_capacity(n + 1);
        let mut nbr = Vec::with_capacity(2 * net.edge_count());
        let mut w = Vec::with_capacity(2 * net.edge_count());
        let mut self_w = vec![0.0; n];
        off.push(0);
        for v in 0..n {
            for (&u, &x) in net.neighbors(v).iter().zip(net.neighbor_weights(v)) {
                let x = if weighted { x } else { 1.0 };
                if u as usize == v {
                    self_w[v] += x;
                } else {
                    nbr.push(u);
                    w.push(x);
                }
            }
            off.push(nbr.len());
        }
        Self::finish(off, nbr, w, self_w, vec![1.0; n])
    }

    fn finish(off: Vec<usize>, nbr: Vec<u32>, w: Vec<f64>, self_w: Vec<f64>, size: Vec<f64>) -> Self {
        let n = self_w.len();
        let k: Vec<f64> = (0..n).map(|v| w[off[v]..off[v + 1]].iter().sum::<f64>() + 2.0 * self_w[v]).collect();
        let m2 = k.iter().sum();
        Self { off, nbr, w, self_w, k, size, m2 }
    }

    fn n(&self) -> usize {
        self.self_w.len()
    }

    /// The graph of the communities of `comm` (numbered 0..c).
    fn aggregate(&self, comm: &[usize], c: usize) -> Self {
        let n = self.n();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); c];
        for v in 0..n {
            members[comm[v]].push(v);
        }
        let mut off = Vec::with_capacity(c + 1);
        let mut nbr = Vec::new();
        let mut w = Vec::new();
        let mut self_w = vec![0.0; c];
        let mut size = vec![0.0; c];
        let mut acc = vec![0.0; c];
        let mut touched: Vec<usize> = Vec::new();
        off.push(0);
        for (a, mem) in members.iter().enumerate() {
            for &v in mem {
                self_w[a] += self.self_w[v];
                size[a] += self.size[v];
                for i in self.off[v]..self.off[v + 1] {
                    let b = comm[self.nbr[i] as usize];
                    if b == a {
                        // Each internal edge is seen from both ends.
                        self_w[a] += self.w[i] / 2.0;
                    } else {
                        if acc[b] == 0.0 {
                            touched.push(b);
                        }
                        acc[b] += self.w[i];
                    }
                }
            }
            touched.sort_unstable();
            for &b in &touched {
                nbr.push(b as u32);
                w.push(acc[b]);
                acc[b] = 0.0;
            }
            touched.clear();
            off.push(nbr.len());
        }
        Self::finish(off, nbr, w, self_w, size)
    }
}

/// Renumbers communities by decreasing size (ties: smallest member), returns the count.
fn canonical(comm: &mut [usize]) -> usize {
    let n = comm.len();
    let c = comm.iter().copied().max().map_or(0, |x| x + 1);
    let mut size = vec![0usize; c];
    let mut first = vec![usize::MAX; c];
    for (v, &x) in comm.iter().enumerate() {
        size[x] += 1;
        first[x] = first[x].min(v);
    }
    let mut ids: Vec<usize> = (0..c).filter(|&x| size[x] > 0).collect();
    ids.sort_by(|&a, &b| size[b].cmp(&size[a]).then(first[a].cmp(&first[b])));
    let mut map = vec![0usize; c];
    for (i, &x) in ids.iter().enumerate() {
        map[x] = i;
    }
    for x in comm.iter_mut().take(n) {
        *x = map[*x];
    }
    ids.len()
}

/// Renumbers labels to 0..c in order of first appearance.
fn compact(comm: &mut [usize]) -> usize {
    let c = comm.iter().copied().max().map_or(0, |x| x + 1);
    let mut map = vec![usize::MAX; c];
    let mut next = 0;
    for x in comm.iter_mut() {
        if map[*x] == usize::MAX {
            map[*x] = next;
            next += 1;
        }
        *x = map[*x];
    }
    next
}

fn level_modularity(g: &LevelGraph, comm: &[usize], gamma: f64) -> f64 {
    if g.m2 == 0.0 {
        return 0.0;
    }
    let c = comm.iter().copied().max().map_or(0, |x| x + 1);
    let mut inside = vec![0.0; c];
    let mut tot = vec![0.0; c];
    for v in 0..g.n() {
        let a = comm[v];
        tot[a] += g.k[v];
        inside[a] += g.self_w[v];
        for i in g.off[v]..g.off[v + 1] {
            if comm[g.nbr[i] as usize] == a {
                inside[a] += g.w[i] / 2.0;
            }
        }
    }
    let m = g.m2 / 2.0;
    (0..c).map(|a| inside[a] / m - gamma * (tot[a] / g.m2) * (tot[a] / g.m2)).sum()
}

/// Modularity of a partition given as one community label per node.
///
/// `Q = sum_c [ L_c / m - gamma (d_c / (2 m))^2 ]` for the weight `L_c` of the edges inside
/// community `c` (a self-loop once), the sum `d_c` of its nodes' strengths (a self-loop
/// twice) and the total weight `m`.
///
/// Complexity: O(n + m).
///
/// Source: Newman & Girvan (2004), PRE 69, 026113; Reichardt & Bornholdt (2006) for gamma;
/// NetworkX 3.6 `modularity`.
///
/// ```
/// use clusterpolicy::network::{modularity, Network};
/// let net = Network::from_edges(&[("a", "b", 1.0), ("c", "d", 1.0)])?;
/// assert_eq!(modularity(&net, &[0, 0, 1, 1], 1.0, true)?, 0.5);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`] when `membership` is not one label per node.
pub fn modularity(net: &Network, membership: &[usize], resolution: f64, weighted: bool) -> Result<f64> {
    if membership.len() != net.node_count() {
        return Err(Error::ShapeMismatch {
            what: "membership".into(),
            expected: net.node_count().to_string(),
            found: membership.len().to_string(),
        });
    }
    let g = LevelGraph::from_network(net, weighted);
    Ok(level_modularity(&g, membership, resolution))
}

/// Scratch space for neighbour-community weights.
struct Scratch {
    acc: Vec<f64>,
    touched: Vec<usize>,
}

impl Scratch {
    fn new(n: usize) -> Self {
        Self { acc: vec![0.0; n], touched: Vec::new() }
    }

    fn gather(&mut self, g: &LevelGraph, comm: &[usize], v: usize) {
        for i in g.off[v]..g.off[v + 1] {
            let c = comm[g.nbr[i] as usize];
            if self.acc[c] == 0.0 {
                self.touched.push(c);
            }
            self.acc[c] += g.w[i];
        }
    }

    fn clear(&mut self) {
        for &c in &self.touched {
            self.acc[c] = 0.0;
        }
        self.touched.clear();
    }
}

/// One level of Louvain local moving from the partition `comm` (labels below `g.n()`);
/// returns whether any node moved.
fn louvain_level(g: &LevelGraph, comm: &mut [usize], gamma: f64, rng: &mut ChaCha8Rng) -> bool {
    let n = g.n();
    let mut tot = vec![0.0; n];
    for (v, &c) in comm.iter().enumerate() {
        tot[c] += g.k[v];
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(rng);
    let mut scratch = Scratch::new(n);
    let scale = gamma / g.m2;
    let mut any = false;
    loop {
        let mut moves = 0usize;
        for &v in &order {
            let cv = comm[v];
            let kv = g.k[v];
            scratch.gather(g, comm, v);
            tot[cv] -= kv;
            let mut best = cv;
            let mut best_gain = scratch.acc[cv] - scale * kv * tot[cv];
            for &c in &scratch.touched {
                let gain = scratch.acc[c] - scale * kv * tot[c];
                if gain > best_gain {
                    best_gain = gain;
                    best = c;
                }
            }
            tot[best] += kv;
            if best != cv {
                comm[v] = best;
                moves += 1;
            }
            scratch.clear();
        }
        if moves == 0 {
            break;
        }
        any = true;
    }
    any
}

/// One Louvain run on `base` starting from the partition `start` (labels below the node
/// count): local moving of the nodes, then of the aggregated communities, level by level,
/// until a level raises modularity by no more than `params.threshold`; `start_q` is the
/// modularity of `start`. Returns the labels.
fn louvain_run(
    base: &LevelGraph,
    start: &[usize],
    start_q: f64,
    params: &CommunityParams,
    rng: &mut ChaCha8Rng,
) -> Vec<usize> {
    let gamma = params.resolution;
    let mut assign: Vec<usize> = (0..base.n()).collect();
    let mut comm = start.to_vec();
    let mut current = start_q;
    let from_partition = start.iter().enumerate().any(|(v, &c)| v != c);
    // The first level of a run from a partition is always aggregated: a later level may
    // merge its communities even when no node moves.
    let mut level: Option<LevelGraph> = None;
    loop {
        let g = level.as_ref().unwrap_or(base);
        let keep_going = level.is_none() && from_partition;
        let moved = louvain_level(g, &mut comm, gamma, rng);
        if !moved && !keep_going {
            break;
        }
        let q = level_modularity(g, &comm, gamma);
        let c = compact(&mut comm);
        for a in &mut assign {
            *a = comm[*a];
        }
        if q - current <= params.threshold && !keep_going {
            break;
        }
        let next = g.aggregate(&comm, c);
        current = q;
        comm = (0..next.n()).collect();
        level = Some(next);
    }
    assign
}

/// Louvain community detection (modularity with resolution), seeded and deterministic.
///
/// Each level visits the nodes in a random order (from `seed`) and moves each to the
/// neighbouring community with the largest modularity gain until no move helps; the
/// communities then become the nodes of the next level. Stops when a level improves the
/// modularity by no more than `threshold`, as NetworkX does.
///
/// With `iterations` above 1 (default 2), the run is repeated from its own result: the
/// nodes of the original graph move again from their final communities (a node can leave a
/// community it was aggregated into), then the levels are rebuilt. A run is kept only when
/// it raises modularity by more than `threshold`, so modularity never falls from run to run;
/// each extra run costs about one more pass over the graph.
///
/// Complexity: O(m) per pass, a few passes per level, O(log n) levels in practice.
///
/// Source: Blondel, Guillaume, Lambiotte & Lefebvre (2008), J. Stat. Mech. P10008;
/// NetworkX 3.6 `louvain_communities` (stopping rule); igraph `community_multilevel`; repeated
/// runs from the previous partition as in Traag, Waltman & van Eck (2019), Sci. Rep. 9, 5233.
///
/// ```
/// use clusterpolicy::network::{louvain, CommunityParams, Network};
/// let net = Network::from_edges(&[
///     ("a", "b", 1.0), ("b", "c", 1.0), ("a", "c", 1.0),
///     ("x", "y", 1.0), ("y", "z", 1.0), ("x", "z", 1.0), ("c", "x", 1.0),
/// ])?;
/// let p = louvain(&net, &CommunityParams::default())?;
/// assert_eq!(p.communities, 2);
/// assert_eq!(p.membership[0], p.membership[2]);
/// assert_ne!(p.membership[0], p.membership[3]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] from [`CommunityParams::check`].
pub fn louvain(net: &Network, params: &CommunityParams) -> Result<Partition> {
    params.check()?;
    let base = LevelGraph::from_network(net, params.weighted);
    let mut rng = ChaCha8Rng::seed_from_u64(params.seed);
    let mut assign: Vec<usize> = (0..base.n()).collect();
    let mut q = level_modularity(&base, &assign, params.resolution);
    for run in 0..params.iterations.max(1) {
        let next = louvain_run(&base, &assign, q, params, &mut rng);
        let q_next = level_modularity(&base, &next, params.resolution);
        if run > 0 && q_next - q <= params.threshold {
            break;
        }
        assign = next;
        q = q_next;
    }
    finish(net, assign, params)
}

fn finish(net: &Network, mut assign: Vec<usize>, params: &CommunityParams) -> Result<Partition> {
    let communities = canonical(&mut assign);
    let q = modularity(net, &assign, params.resolution, params.weighted)?;
    Ok(Partition { membership: assign, communities, modularity: q })
}

/// Quality terms of the Leiden algorithm: node "mass" and the penalty scale.
struct LeidenQuality {
    gamma_scaled: f64,
    cpm: bool,
}

impl LeidenQuality {
    fn mass(&self, g: &LevelGraph, v: usize) -> f64 {
        if self.cpm { g.size[v] } else { g.k[v] }
    }
}

/// Queue-based fast local moving (Leiden phase 1).
fn fast_move(g: &LevelGraph, comm: &mut [usize], q: &LeidenQuality, rng: &mut ChaCha8Rng) -> bool {
    let n = g.n();
    let mut tot = vec![0.0; n];
    let mut count = vec![0usize; n];
    for v in 0..n {
        tot[comm[v]] += q.mass(g, v);
        count[comm[v]] += 1;
    }
    let mut empty: Vec<usize> = (0..n).filter(|&c| count[c] == 0).collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(rng);
    let mut queue: std::collections::VecDeque<usize> = order.into_iter().collect();
    let mut queued = vec![true; n];
    let mut scratch = Scratch::new(n);
    let mut moved = false;
    while let Some(v) = queue.pop_front() {
        queued[v] = false;
        let cv = comm[v];
        let mv = q.mass(g, v);
        scratch.gather(g, comm, v);
        tot[cv] -= mv;
        count[cv] -= 1;
        let mut best = cv;
        let mut best_gain = scratch.acc[cv] - q.gamma_scaled * mv * tot[cv];
        for &c in &scratch.touched {
            let gain = scratch.acc[c] - q.gamma_scaled * mv * tot[c];
            if gain > best_gain {
                best_gain = gain;
                best = c;
            }
        }
        // An empty community has gain 0 (when `cv` is left empty, staying is that option).
        if best_gain < 0.0
            && count[cv] > 0
            && let Some(e) = empty.pop()
        {
            best = e;
        }
        if count[cv] == 0 && best != cv {
            empty.push(cv);
        }
        tot[best] += mv;
        count[best] += 1;
        if best != cv {
            comm[v] = best;
            moved = true;
            for i in g.off[v]..g.off[v + 1] {
                let u = g.nbr[i] as usize;
                if !queued[u] && comm[u] != best {
                    queued[u] = true;
                    queue.push_back(u);
                }
            }
        }
        scratch.clear();
    }
    moved
}

/// Leiden refinement: merges nodes within each community of `comm` into well-connected
/// sub-communities; returns the refined labels.
fn refine(g: &LevelGraph, comm: &[usize], q: &LeidenQuality, theta: f64, rng: &mut ChaCha8Rng) -> Vec<usize> {
    let n = g.n();
    let mut refined: Vec<usize> = (0..n).collect();
    let mut tot: Vec<f64> = (0..n).map(|v| q.mass(g, v)).collect();
    let mut singleton = vec![true; n];
    // Total mass of each community of `comm`, and edge weight from each node into its own
    // community (excluding itself).
    let c = comm.iter().copied().max().map_or(0, |x| x + 1);
    let mut comm_tot = vec![0.0; c];
    for v in 0..n {
        comm_tot[comm[v]] += q.mass(g, v);
    }
    let mut ext = vec![0.0; n]; // weight from refined community r to the rest of its community
    for v in 0..n {
        for i in g.off[v]..g.off[v + 1] {
            if comm[g.nbr[i] as usize] == comm[v] {
                ext[v] += g.w[i];
            }
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(rng);
    let mut scratch = Scratch::new(n);
    let mut cands: Vec<(usize, f64)> = Vec::new();
    for &v in &order {
        if !singleton[v] {
            continue;
        }
        let mv = q.mass(g, v);
        let s_tot = comm_tot[comm[v]];
        // v must be well connected to its community.
        if ext[v] < q.gamma_scaled * mv * (s_tot - mv) {
            continue;
        }
        // Neighbouring refined communities inside the same community.
        for i in g.off[v]..g.off[v + 1] {
            let u = g.nbr[i] as usize;
            if comm[u] != comm[v] {
                continue;
            }
            let r = refined[u];
            if scratch.acc[r] == 0.0 {
                scratch.touched.push(r);
            }
            scratch.acc[r] += g.w[i];
        }
        cands.clear();
        let mut best_gain = 0.0f64;
        for &r in &scratch.touched {
            if r == refined[v] {
                continue;
            }
            // r must be well connected to the rest of the community.
            if ext[r] < q.gamma_scaled * tot[r] * (s_tot - tot[r]) {
                continue;
            }
            let gain = scratch.acc[r] - q.gamma_scaled * mv * tot[r];
            if gain >= 0.0 {
                cands.push((r, gain));
                best_gain = best_gain.max(gain);
            }
        }
        if !cands.is_empty() {
            // Pr(r) proportional to exp(gain / theta), shifted for stability.
            let weights: Vec<f64> = cands.iter().map(|&(_, gain)| ((gain - best_gain) / theta).exp()).collect();
            let total: f64 = weights.iter().sum();
            let mut x = rng.random::<f64>() * total;
            let mut chosen = cands[cands.len() - 1].0;
            for (i, &wt) in weights.iter().enumerate() {
                if x < wt {
                    chosen = cands[i].0;
                    break;
                }
                x -= wt;
            }
            let old = refined[v];
            // Update the external weight of the chosen community: links between v and r become
            // internal; v's other links inside the community become r's.
            let w_vr = scratch.acc[chosen];
            ext[chosen] = ext[chosen] + ext[old] - 2.0 * w_vr;
            tot[chosen] += mv;
            tot[old] -= mv;
            refined[v] = chosen;
            singleton[v] = false;
            singleton[chosen] = false;
        }
        scratch.clear();
    }
    refined
}

/// Leiden community detection (modularity or CPM with resolution), seeded and deterministic.
///
/// Fast local moving with a queue, refinement of each community into well-connected
/// sub-communities (randomness `theta`), aggregation of the refined partition with the
/// unrefined one as the starting point, until no node moves; `iterations` such runs, each
/// starting from the previous partition. Every community of the result is connected.
///
/// Complexity: O(m) per pass in practice.
///
/// Source: Traag, Waltman & van Eck (2019), Sci. Rep. 9, 5233 (Algorithm A.2); igraph
/// `community_leiden` (which optimises CPM unless `objective_function="modularity"`).
///
/// ```
/// use clusterpolicy::network::{leiden, CommunityParams, Network};
/// let net = Network::from_edges(&[
///     ("a", "b", 1.0), ("b", "c", 1.0), ("a", "c", 1.0),
///     ("x", "y", 1.0), ("y", "z", 1.0), ("x", "z", 1.0), ("c", "x", 1.0),
/// ])?;
/// let p = leiden(&net, &CommunityParams::default())?;
/// assert_eq!(p.communities, 2);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] from [`CommunityParams::check`].
pub fn leiden(net: &Network, params: &CommunityParams) -> Result<Partition> {
    params.check()?;
    let n = net.node_count();
    let g = LevelGraph::from_network(net, params.weighted);
    let mut rng = ChaCha8Rng::seed_from_u64(params.seed);
    let quality = |g: &LevelGraph| LeidenQuality {
        gamma_scaled: match params.quality {
            Quality::Modularity => {
                if g.m2 > 0.0 {
                    params.resolution / g.m2
                } else {
                    0.0
                }
            }
            Quality::Cpm => params.resolution,
        },
        cpm: params.quality == Quality::Cpm,
    };
    let base = g.clone();
    let mut membership: Vec<usize> = (0..n).collect();
    for _ in 0..params.iterations.max(1) {
        membership = leiden_pass(base.clone(), membership, &quality, params.theta, &mut rng);
    }
    finish(net, membership, params)
}

/// One run of the Leiden algorithm from a starting partition of the nodes.
fn leiden_pass(
    mut g: LevelGraph,
    start: Vec<usize>,
    quality: &dyn Fn(&LevelGraph) -> LeidenQuality,
    theta: f64,
    rng: &mut ChaCha8Rng,
) -> Vec<usize> {
    let mut assign: Vec<usize> = (0..g.n()).collect();
    let mut comm = start;
    compact(&mut comm);
    for _ in 0..1000 {
        let q = quality(&g);
        fast_move(&g, &mut comm, &q, rng);
        let c = compact(&mut comm);
        if c == g.n() {
            break;
        }
        let mut refined = refine(&g, &comm, &q, theta, rng);
        let mut r = compact(&mut refined);
        if r == g.n() {
            // Nothing merged in the refinement: aggregate the communities themselves.
            refined.clone_from(&comm);
            r = c;
        }
        // Starting partition of the aggregate: each refined community in its community.
        let mut start = vec![0usize; r];
        for v in 0..g.n() {
            start[refined[v]] = comm[v];
        }
        for a in &mut assign {
            *a = refined[*a];
        }
        g = g.aggregate(&refined, r);
        comm = start;
    }
    for a in &mut assign {
        *a = comm[*a];
    }
    assign
}

/// Which algorithm [`consensus`] runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CommunityMethod {
    /// [`louvain`].
    #[default]
    Louvain,
    /// [`leiden`].
    Leiden,
}

/// Options of [`consensus`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ConsensusParams {
    /// The algorithm.
    pub method: CommunityMethod,
    /// Runs per round (each with seed `community.seed + i`).
    pub runs: usize,
    /// Ties placed together in fewer than this share of the runs are dropped.
    pub threshold: f64,
    /// Largest number of rounds.
    pub max_rounds: usize,
    /// Options of each run.
    pub community: CommunityParams,
}

impl Default for ConsensusParams {
    fn default() -> Self {
        Self {
            method: CommunityMethod::Louvain,
            runs: 20,
            threshold: 0.5,
            max_rounds: 10,
            community: CommunityParams::default(),
        }
    }
}

/// The consensus partition and how stable the nodes were.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Consensus {
    /// The consensus partition (modularity on the original network).
    pub partition: Partition,
    /// Rounds run.
    pub rounds: usize,
    /// Whether all runs of the last round agreed.
    pub converged: bool,
    /// Per node: the mean share of the first round's runs in which the node was placed
    /// together with each of its neighbours (1 = always with all of them).
    pub stability: Vec<f64>,
}

/// Consensus clustering over several seeded runs.
///
/// Each round runs the algorithm `runs` times on the current network, reweights every edge
/// by the share of runs that put its ends together, drops edges below `threshold`, and
/// repeats on the reweighted network until all runs agree (or `max_rounds`).
///
/// Complexity: `runs x rounds` community detections.
///
/// Source: Lancichinetti & Fortunato (2012), Sci. Rep. 2, 336 (restricted to the edges of
/// the network, their sparse variant).
///
/// ```
/// use clusterpolicy::network::{consensus, ConsensusParams, Network};
/// let net = Network::from_edges(&[
///     ("a", "b", 1.0), ("b", "c", 1.0), ("a", "c", 1.0),
///     ("x", "y", 1.0), ("y", "z", 1.0), ("x", "z", 1.0), ("c", "x", 1.0),
/// ])?;
/// let c = consensus(&net, &ConsensusParams { runs: 5, ..Default::default() })?;
/// assert!(c.converged);
/// assert_eq!(c.partition.communities, 2);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for `runs == 0`, a threshold outside (0, 1] or bad community
/// options.
pub fn consensus(net: &Network, params: &ConsensusParams) -> Result<Consensus> {
    params.community.check()?;
    if params.runs == 0 {
        return Err(Error::param("runs", "must be at least 1"));
    }
    if !(params.threshold > 0.0 && params.threshold <= 1.0) {
        return Err(Error::param("threshold", "must lie in (0, 1]"));
    }
    let n = net.node_count();
    let mut current = net.clone();
    let mut stability = vec![1.0; n];
    let mut rounds = 0;
    let mut converged = false;
    let mut last: Vec<usize> = (0..n).collect();
    while rounds < params.max_rounds.max(1) {
        rounds += 1;
        let parts: Vec<Partition> = (0..params.runs)
            .map(|i| {
                // Later rounds run on the agreement weights.
                let p = CommunityParams {
                    seed: params.community.seed.wrapping_add(i as u64),
                    weighted: params.community.weighted || rounds > 1,
                    ..params.community
                };
                match params.method {
                    CommunityMethod::Louvain => louvain(&current, &p),
                    CommunityMethod::Leiden => leiden(&current, &p),
                }
            })
            .collect::<Result<_>>()?;
        let share = |a: usize, b: usize| {
            parts.iter().filter(|p| p.membership[a] == p.membership[b]).count() as f64 / params.runs as f64
        };
        if rounds == 1 {
            let mut sum = vec![0.0; n];
            let mut cnt = vec![0.0; n];
            for e in net.edges() {
                if e.source != e.target {
                    let s = share(e.source, e.target);
                    sum[e.source] += s;
                    sum[e.target] += s;
                    cnt[e.source] += 1.0;
                    cnt[e.target] += 1.0;
                }
            }
            stability = (0..n).map(|v| if cnt[v] > 0.0 { sum[v] / cnt[v] } else { 1.0 }).collect();
        }
        last.clone_from(&parts[0].membership);
        let all_agree = current.edges().iter().all(|e| {
            let s = share(e.source, e.target);
            s == 0.0 || s == 1.0
        });
        if all_agree {
            converged = true;
            break;
        }
        current = current.filter_edges(|e| share(e.source, e.target) >= params.threshold);
        let reweighted: Vec<super::graph::Edge> =
            current.edges().iter().map(|e| super::graph::Edge { weight: share(e.source, e.target), ..*e }).collect();
        current = Network::from_parts(current.level(), current.nodes().to_vec(), reweighted)?;
    }
    let partition = finish(net, last, &params.community)?;
    Ok(Consensus { partition, rounds, converged, stability })
}
