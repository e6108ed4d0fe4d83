//! Local and global structure: degree and strength, clustering and transitivity, k-cores,
//! components, density, assortativity, articulation points and bridges.

use super::graph::{GroupBy, Network};
use crate::error::{Error, Result};

/// Degree of every node: the number of incident edges, a self-loop counting twice (as
/// NetworkX counts it).
///
/// Complexity: O(n).
///
/// ```
/// use clusterpolicy::network::{degree, Network};
/// let net = Network::from_edges(&[("a", "b", 2.0), ("b", "c", 1.0)])?;
/// assert_eq!(degree(&net), [1.0, 2.0, 1.0]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[must_use]
pub fn degree(net: &Network) -> Vec<f64> {
    (0..net.node_count())
        .map(|v| {
            let nb = net.neighbors(v);
            (nb.len() + usize::from(nb.binary_search(&(v as u32)).is_ok())) as f64
        })
        .collect()
}

/// Strength (weighted degree) of every node: the sum of the weights of its edges, a self-loop
/// counting twice (NetworkX `G.degree(weight="weight")`).
///
/// ```
/// use clusterpolicy::network::{strength, Network};
/// let net = Network::from_edges(&[("a", "b", 2.0), ("b", "c", 1.0)])?;
/// assert_eq!(strength(&net), [2.0, 3.0, 1.0]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[must_use]
pub fn strength(net: &Network) -> Vec<f64> {
    (0..net.node_count())
        .map(|v| {
            net.neighbors(v)
                .iter()
                .zip(net.neighbor_weights(v))
                .map(|(&w, &x)| if w as usize == v { 2.0 * x } else { x })
                .sum()
        })
        .collect()
}

/// Density: `m / (n (n - 1) / 2)` (self-loops count as edges, as in NetworkX).
///
/// ```
/// use clusterpolicy::network::{density, Network};
/// let net = Network::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0)])?;
/// assert_eq!(density(&net), 2.0 / 3.0);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[must_use]
pub fn density(net: &Network) -> f64 {
    let n = net.node_count() as f64;
    if n <= 1.0 { 0.0 } else { net.edge_count() as f64 / (n * (n - 1.0) / 2.0) }
}

/// Connected components, largest first (ties: by smallest node index); each component's
/// nodes in increasing index order.
///
/// Complexity: O(n + m).
///
/// ```
/// use clusterpolicy::network::{components, Network};
/// let net = Network::from_edges(&[("a", "b", 1.0), ("c", "d", 1.0), ("d", "e", 1.0)])?;
/// assert_eq!(components(&net), vec![vec![2, 3, 4], vec![0, 1]]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[must_use]
pub fn components(net: &Network) -> Vec<Vec<usize>> {
    let n = net.node_count();
    let mut comp = vec![usize::MAX; n];
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut stack = Vec::new();
    for s in 0..n {
        if comp[s] != usize::MAX {
            continue;
        }
        let id = out.len();
        let mut members = vec![s];
        comp[s] = id;
        stack.push(s);
        while let Some(v) = stack.pop() {
            for &w in net.neighbors(v) {
                let w = w as usize;
                if comp[w] == usize::MAX {
                    comp[w] = id;
                    members.push(w);
                    stack.push(w);
                }
            }
        }
        members.sort_unstable();
        out.push(members);
    }
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    out
}

/// Triangles through each node (self-loops ignored), by the forward algorithm on a degree
/// ordering.
///
/// Complexity: O(m^1.5).
#[must_use]
pub fn triangles(net: &Network) -> Vec<f64> {
    let n = net.node_count();
    let deg: Vec<usize> = (0..n).map(|v| net.degree_without_loops(v)).collect();
    // rank: higher degree later; forward adjacency to higher rank.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by_key(|&v| (deg[v], v));
    let mut rank = vec![0usize; n];
    for (i, &v) in order.iter().enumerate() {
        rank[v] = i;
    }
    let fwd: Vec<Vec<u32>> =
        (0..n).map(|v| net.neighbors(v).iter().copied().filter(|&w| rank[w as usize] > rank[v]).collect()).collect();
    let mut tri = vec![0u64; n];
    let mut mark = vec![false; n];
    for v in 0..n {
        for &w in &fwd[v] {
            mark[w as usize] = true;
        }
        for &w in &fwd[v] {
            for &u in &fwd[w as usize] {
                if mark[u as usize] {
                    tri[v] += 1;
                    tri[w as usize] += 1;
                    tri[u as usize] += 1;
                }
            }
        }
        for &w in &fwd[v] {
            mark[w as usize] = false;
        }
    }
    tri.iter().map(|&t| t as f64).collect()
}

/// Local clustering coefficient of every node.
///
/// Unweighted: `c(v) = 2 T(v) / (k (k - 1))` for `T(v)` triangles and `k` neighbours other
/// than `v`; 0 when `k < 2`. Weighted (`weighted = true`): the geometric-mean form of Onnela
/// et al. (2005), `c(v) = sum_{u, w} (w_vu w_vw w_uw)^(1/3) / (k (k - 1))` with weights
/// divided by the largest weight, as NetworkX computes it.
///
/// Complexity: O(m^1.5) unweighted, O(sum_v k_v^2) weighted.
///
/// Source: Watts & Strogatz (1998), Nature 393, 440; Onnela et al. (2005), PRE 71, 065103;
/// NetworkX 3.6 `clustering`.
///
/// ```
/// use clusterpolicy::network::{clustering, Network};
/// let net = Network::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0), ("a", "c", 1.0), ("c", "d", 1.0)])?;
/// assert_eq!(clustering(&net, false), [1.0, 1.0, 1.0 / 3.0, 0.0]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[must_use]
pub fn clustering(net: &Network, weighted: bool) -> Vec<f64> {
    let n = net.node_count();
    if !weighted {
        let tri = triangles(net);
        return (0..n)
            .map(|v| {
                let k = net.degree_without_loops(v) as f64;
                if k < 2.0 { 0.0 } else { 2.0 * tri[v] / (k * (k - 1.0)) }
            })
            .collect();
    }
    let max_w = net.edges().iter().map(|e| e.weight).fold(0.0, f64::max);
    let max_w = if max_w > 0.0 { max_w } else { 1.0 };
    let mut wmark = vec![0.0f64; n];
    (0..n)
        .map(|v| {
            let k = net.degree_without_loops(v) as f64;
            if k < 2.0 {
                return 0.0;
            }
            let nb = net.neighbors(v);
            let ws = net.neighbor_weights(v);
            for (&u, &w) in nb.iter().zip(ws) {
                if u as usize != v {
                    wmark[u as usize] = (w / max_w).cbrt();
                }
            }
            let mut sum = 0.0;
            for (&u, &wu) in nb.iter().zip(ws) {
                let u = u as usize;
                if u == v {
                    continue;
                }
                let a = (wu / max_w).cbrt();
                for (&x, &wx) in net.neighbors(u).iter().zip(net.neighbor_weights(u)) {
                    let x = x as usize;
                    if x != u && x != v && wmark[x] > 0.0 {
                        sum += a * wmark[x] * (wx / max_w).cbrt();
                    }
                }
            }
            for &u in nb {
                wmark[u as usize] = 0.0;
            }
            sum / (k * (k - 1.0))
        })
        .collect()
}

/// Average clustering: the mean of [`clustering`] over all nodes (zeros included, as
/// NetworkX `average_clustering`).
///
/// ```
/// use clusterpolicy::network::{average_clustering, Network};
/// let net = Network::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0), ("a", "c", 1.0), ("c", "d", 1.0)])?;
/// assert!((average_clustering(&net, false) - (2.0 + 1.0 / 3.0) / 4.0).abs() < 1e-15);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[must_use]
pub fn average_clustering(net: &Network, weighted: bool) -> f64 {
    let c = clustering(net, weighted);
    if c.is_empty() { 0.0 } else { c.iter().sum::<f64>() / c.len() as f64 }
}

/// Transitivity: `3 x triangles / connected triples` (self-loops ignored); 0 without triples.
///
/// Source: Newman, Strogatz & Watts (2001); NetworkX 3.6 `transitivity`.
///
/// ```
/// use clusterpolicy::network::{transitivity, Network};
/// let net = Network::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0), ("a", "c", 1.0), ("c", "d", 1.0)])?;
/// assert_eq!(transitivity(&net), 0.6);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[must_use]
pub fn transitivity(net: &Network) -> f64 {
    let tri: f64 = triangles(net).iter().sum();
    let triads: f64 = (0..net.node_count())
        .map(|v| {
            let k = net.degree_without_loops(v) as f64;
            k * (k - 1.0)
        })
        .sum();
    if triads == 0.0 { 0.0 } else { 2.0 * tri / triads }
}

/// Core number of every node (the largest k such that the node belongs to the k-core, the
/// maximal subgraph of minimum degree k); self-loops are ignored.
///
/// Complexity: O(n + m) (Batagelj & Zaversnik 2003, bucket sort by degree).
///
/// Source: Seidman (1983); Batagelj & Zaversnik (2003), arXiv cs/0310049; NetworkX 3.6
/// `core_number`.
///
/// ```
/// use clusterpolicy::network::{core_number, Network};
/// let net = Network::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0), ("a", "c", 1.0), ("c", "d", 1.0)])?;
/// assert_eq!(core_number(&net), [2, 2, 2, 1]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[must_use]
pub fn core_number(net: &Network) -> Vec<usize> {
    let n = net.node_count();
    let mut deg: Vec<usize> = (0..n).map(|v| net.degree_without_loops(v)).collect();
    let md = deg.iter().copied().max().unwrap_or(0);
    let mut bin = vec![0usize; md + 2];
    for &d in &deg {
        bin[d] += 1;
    }
    let mut start = 0;
    for b in &mut bin {
        let c = *b;
        *b = start;
        start += c;
    }
    let mut pos = vec![0usize; n];
    let mut vert = vec![0usize; n];
    for v in 0..n {
        pos[v] = bin[deg[v]];
        vert[pos[v]] = v;
        bin[deg[v]] += 1;
    }
    for d in (1..=md + 1).rev() {
        bin[d] = bin[d - 1];
    }
    bin[0] = 0;
    for i in 0..n {
        let v = vert[i];
        for &u in net.neighbors(v) {
            let u = u as usize;
            if u != v && deg[u] > deg[v] {
                let du = deg[u];
                let pu = pos[u];
                let pw = bin[du];
                let w = vert[pw];
                if u != w {
                    pos[u] = pw;
                    vert[pu] = w;
                    pos[w] = pu;
                    vert[pw] = u;
                }
                bin[du] += 1;
                deg[u] -= 1;
            }
        }
    }
    deg
}

/// Degree assortativity: the Pearson correlation of the degrees at the two ends of the
/// edges (each edge counted in both directions).
///
/// `r = (sum_e j k / M - [sum_e (j + k) / (2M)]^2) / (sum_e (j^2 + k^2) / (2M) - [sum_e (j + k) / (2M)]^2)`.
///
/// Source: Newman (2002), PRL 89, 208701; NetworkX 3.6 `degree_assortativity_coefficient`.
///
/// ```
/// use clusterpolicy::network::{degree_assortativity, Network};
/// let star = Network::from_edges(&[("c", "a", 1.0), ("c", "b", 1.0), ("c", "d", 1.0)])?;
/// assert_eq!(degree_assortativity(&star)?, -1.0);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::Empty`] without edges.
pub fn degree_assortativity(net: &Network) -> Result<f64> {
    let deg = degree(net);
    let (mut sx, mut sxx, mut sxy, mut m) = (0.0, 0.0, 0.0, 0.0);
    for e in net.edges() {
        let (a, b) = (deg[e.source], deg[e.target]);
        let mult = if e.source == e.target { 1.0 } else { 2.0 };
        sx += mult * (a + b) / 2.0;
        sxx += mult * (a * a + b * b) / 2.0;
        sxy += mult * a * b;
        m += mult;
    }
    if m == 0.0 {
        return Err(Error::Empty { what: "edges".into() });
    }
    let mean = sx / m;
    let var = sxx / m - mean * mean;
    Ok((sxy / m - mean * mean) / var)
}

/// Attribute assortativity of a categorical node attribute (countries, regions, helix
/// kinds): `r = (sum_i e_ii - sum_i a_i^2) / (1 - sum_i a_i^2)` for the mixing matrix `e` of
/// edge ends (each edge in both directions) and its margins `a`.
///
/// Source: Newman (2003), PRE 67, 026126; NetworkX 3.6 `attribute_assortativity_coefficient`.
///
/// ```
/// use clusterpolicy::network::{attribute_assortativity, GroupBy, Network, Node};
/// let nodes = vec![Node::new("a").with_country("SI"), Node::new("b").with_country("SI"), Node::new("c").with_country("AT")];
/// let net = Network::from_edge_list(nodes, &[("a", "b", 1.0), ("b", "c", 1.0)])?;
/// let r = attribute_assortativity(&net, &GroupBy::Country)?;
/// assert!((r - (-1.0 / 3.0)).abs() < 1e-12);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for a node without the attribute; [`Error::Empty`] without
/// edges.
pub fn attribute_assortativity(net: &Network, by: &GroupBy) -> Result<f64> {
    let groups = net.groups(by)?;
    let k = groups.names.len();
    let mut mix = vec![0.0; k * k];
    let mut total = 0.0;
    for e in net.edges() {
        let (a, b) = (groups.of[e.source], groups.of[e.target]);
        if e.source == e.target {
            mix[a * k + a] += 1.0;
            total += 1.0;
        } else {
            mix[a * k + b] += 1.0;
            mix[b * k + a] += 1.0;
            total += 2.0;
        }
    }
    if total == 0.0 {
        return Err(Error::Empty { what: "edges".into() });
    }
    let mut trace = 0.0;
    let mut s = 0.0;
    for i in 0..k {
        trace += mix[i * k + i] / total;
        let row: f64 = (0..k).map(|j| mix[i * k + j]).sum::<f64>() / total;
        let col: f64 = (0..k).map(|j| mix[j * k + i]).sum::<f64>() / total;
        s += row * col;
    }
    Ok((trace - s) / (1.0 - s))
}

/// Articulation points and bridges.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct CutStructure {
    /// Nodes whose removal disconnects their component, in index order.
    pub articulation_points: Vec<usize>,
    /// Edges (indices into [`Network::edges`]) whose removal disconnects their component, in
    /// index order.
    pub bridges: Vec<usize>,
}

/// Articulation points (cut vertices) and bridges (cut edges), by one iterative depth-first
/// search with low points (Hopcroft & Tarjan 1973). Self-loops are ignored; a bridge is never
/// a self-loop.
///
/// Complexity: O(n + m), no recursion.
///
/// Source: Hopcroft & Tarjan (1973), CACM 16, 372; NetworkX 3.6 `articulation_points`,
/// `bridges`.
///
/// ```
/// use clusterpolicy::network::{cut_structure, Network};
/// let net = Network::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0), ("a", "c", 1.0), ("c", "d", 1.0)])?;
/// let cuts = cut_structure(&net);
/// assert_eq!(cuts.articulation_points, [2]);
/// assert_eq!(cuts.bridges.iter().map(|&e| (net.edges()[e].source, net.edges()[e].target)).collect::<Vec<_>>(), [(2, 3)]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[must_use]
pub fn cut_structure(net: &Network) -> CutStructure {
    let n = net.node_count();
    let mut disc = vec![u32::MAX; n];
    let mut low = vec![0u32; n];
    let mut is_ap = vec![false; n];
    let mut bridges = Vec::new();
    let mut time = 0u32;
    // Stack frames: (node, parent edge id, next arc position).
    let mut stack: Vec<(usize, u32, usize)> = Vec::new();
    for root in 0..n {
        if disc[root] != u32::MAX {
            continue;
        }
        disc[root] = time;
        low[root] = time;
        time += 1;
        let mut root_children = 0;
        stack.push((root, u32::MAX, 0));
        while let Some(&mut (v, pe, ref mut next)) = stack.last_mut() {
            let nb = net.neighbors(v);
            if *next < nb.len() {
                let k = *next;
                *next += 1;
                let w = nb[k] as usize;
                let eid = net.neighbor_edges(v)[k];
                if w == v || eid == pe {
                    continue;
                }
                if disc[w] == u32::MAX {
                    disc[w] = time;
                    low[w] = time;
                    time += 1;
                    if v == root {
                        root_children += 1;
                    }
                    stack.push((w, eid, 0));
                } else {
                    low[v] = low[v].min(disc[w]);
                }
            } else {
                stack.pop();
                if let Some(&(p, _, _)) = stack.last() {
                    low[p] = low[p].min(low[v]);
                    if low[v] > disc[p] {
                        bridges.push(pe as usize);
                    }
                    if p != root && low[v] >= disc[p] {
                        is_ap[p] = true;
                    }
                }
            }
        }
        if root_children > 1 {
            is_ap[root] = true;
        }
    }
    bridges.sort_unstable();
    CutStructure { articulation_points: (0..n).filter(|&v| is_ap[v]).collect(), bridges }
}
