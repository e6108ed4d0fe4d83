//! Spectral centralities: eigenvector centrality and PageRank, by power iteration.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::graph::Network;
use crate::error::{Error, Result};

/// Options of [`eigenvector`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct EigenvectorParams {
    /// Use edge weights (default: unweighted, as NetworkX's default `weight=None`).
    pub weighted: bool,
    /// Stop when the L1 change of the unit vector is below `n * tol`.
    pub tol: f64,
    /// Largest number of iterations.
    pub max_iter: usize,
}

impl Default for EigenvectorParams {
    fn default() -> Self {
        Self { weighted: false, tol: 1e-14, max_iter: 100_000 }
    }
}

/// Eigenvector centrality: the principal eigenvector of the adjacency matrix, scaled to unit
/// Euclidean norm, by power iteration on `A + I` from the uniform vector, as NetworkX does.
///
/// Complexity: O(m) per iteration.
///
/// Source: Bonacich (1972), J. Math. Sociol. 2, 113; NetworkX 3.6 `eigenvector_centrality`
/// (the default tolerance here is tighter, 1e-14 instead of 1e-6, so that the result is the
/// eigenvector to about 1e-13).
///
/// ```
/// use clusterpolicy::network::{eigenvector, EigenvectorParams, Network};
/// let path = Network::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0)])?;
/// let x = eigenvector(&path, &EigenvectorParams::default())?;
/// assert!((x[1] - 0.5f64.sqrt()).abs() < 1e-12 && (x[0] - 0.5).abs() < 1e-12);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::Empty`] for a network without nodes; [`Error::InvalidParameter`] (named
/// `max_iter`) when the iteration does not converge.
pub fn eigenvector(net: &Network, params: &EigenvectorParams) -> Result<Vec<f64>> {
    let n = net.node_count();
    if n == 0 {
        return Err(Error::Empty { what: "network".into() });
    }
    let mut x = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    for _ in 0..params.max_iter {
        next.copy_from_slice(&x);
        for v in 0..n {
            let xv = x[v];
            if params.weighted {
                for (&w, &wt) in net.neighbors(v).iter().zip(net.neighbor_weights(v)) {
                    next[w as usize] += xv * wt;
                }
            } else {
                for &w in net.neighbors(v) {
                    next[w as usize] += xv;
                }
            }
        }
        let norm = next.iter().map(|a| a * a).sum::<f64>().sqrt();
        let norm = if norm == 0.0 { 1.0 } else { norm };
        let mut change = 0.0;
        for (a, b) in next.iter_mut().zip(&x) {
            *a /= norm;
            change += (*a - b).abs();
        }
        std::mem::swap(&mut x, &mut next);
        if change < n as f64 * params.tol {
            return Ok(x);
        }
    }
    Err(Error::param("max_iter", format!("power iteration did not converge in {} iterations", params.max_iter)))
}

/// Options of [`pagerank`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct PageRankParams {
    /// Damping factor.
    pub alpha: f64,
    /// Use edge weights (default, as NetworkX's default `weight="weight"`).
    pub weighted: bool,
    /// Stop when the L1 change is below `n * tol`.
    pub tol: f64,
    /// Largest number of iterations.
    pub max_iter: usize,
}

impl Default for PageRankParams {
    fn default() -> Self {
        Self { alpha: 0.85, weighted: true, tol: 1e-14, max_iter: 100_000 }
    }
}

/// PageRank on the undirected network (each edge both ways), with uniform teleportation and
/// the mass of dangling (isolated) nodes spread uniformly, as NetworkX does.
///
/// `x' = alpha (x P + (sum over dangling x) / n) + (1 - alpha) / n`, `P_ij = w_ij / s_i`.
///
/// Complexity: O(m) per iteration.
///
/// Source: Brin & Page (1998); NetworkX 3.6 `pagerank` (tolerance 1e-14 here instead of
/// 1e-6).
///
/// ```
/// use clusterpolicy::network::{pagerank, PageRankParams, Network};
/// let net = Network::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0)])?;
/// let pr = pagerank(&net, &PageRankParams::default())?;
/// assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-12 && pr[1] > pr[0]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for `alpha` outside [0, 1] or no convergence; [`Error::Empty`]
/// for a network without nodes.
pub fn pagerank(net: &Network, params: &PageRankParams) -> Result<Vec<f64>> {
    let n = net.node_count();
    if n == 0 {
        return Err(Error::Empty { what: "network".into() });
    }
    if !(0.0..=1.0).contains(&params.alpha) {
        return Err(Error::param("alpha", format!("must lie in [0, 1], got {}", params.alpha)));
    }
    let nf = n as f64;
    // Row sums of the adjacency matrix (a self-loop counted once).
    let out: Vec<f64> = (0..n)
        .map(|v| if params.weighted { net.neighbor_weights(v).iter().sum() } else { net.neighbors(v).len() as f64 })
        .collect();
    let inv: Vec<f64> = out.iter().map(|&s| if s == 0.0 { 0.0 } else { 1.0 / s }).collect();
    let dangling: Vec<usize> = (0..n).filter(|&v| out[v] == 0.0).collect();
    let mut x = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    let mut share = vec![0.0; n];
    for _ in 0..params.max_iter {
        for v in 0..n {
            share[v] = x[v] * inv[v];
        }
        let dsum: f64 = dangling.iter().map(|&v| x[v]).sum();
        let base = params.alpha * dsum / nf + (1.0 - params.alpha) / nf;
        for v in 0..n {
            let mut acc = 0.0;
            if params.weighted {
                for (&u, &w) in net.neighbors(v).iter().zip(net.neighbor_weights(v)) {
                    acc += share[u as usize] * w;
                }
            } else {
                for &u in net.neighbors(v) {
                    acc += share[u as usize];
                }
            }
            next[v] = params.alpha * acc + base;
        }
        let change: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if change < nf * params.tol {
            return Ok(x);
        }
    }
    Err(Error::param("max_iter", format!("PageRank did not converge in {} iterations", params.max_iter)))
}
