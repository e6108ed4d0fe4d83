//! Shortest-path measures: betweenness (Brandes), edge betweenness, closeness, harmonic
//! centrality, efficiency, diameter and average path length, and sampled approximate
//! betweenness with an error bound.
//!
//! Kernels work on the petgraph CSR adjacency of [`Network`] with reused per-thread buffers:
//! breadth-first search for hop distances, a bucket queue (Dial 1969) when every arc length
//! is a small integer, a binary heap otherwise. All-sources measures run the sources in
//! parallel with rayon (feature `parallel`, on by default) and add the per-thread sums in a
//! fixed tree, so results do not depend on the number of threads beyond rounding.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::graph::Network;
use crate::error::{Error, Result};

/// How edge weights become lengths for shortest paths.
///
/// | rule | length of an edge of weight w | note |
/// |---|---|---|
/// | `hops` | 1 | unweighted |
/// | `weight` | w | NetworkX (`weight="weight"`) and igraph read weights as distances |
/// | `inverse_weight` | 1 / w | strong ties are short (Newman 2001; Brandes 2001; Opsahl et al. 2010 with alpha = 1) |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Distance {
    /// Every edge has length 1.
    #[default]
    Hops,
    /// The weight is the length.
    Weight,
    /// The inverse of the weight is the length.
    InverseWeight,
}

/// Arc lengths in the form the kernels use.
pub(crate) enum Lengths {
    /// All 1.
    Hops,
    /// Small positive integers (bucket queue): the lengths, the largest, and whether the
    /// queue's buckets are bitmaps (see [`ring_pays`]).
    Small(Vec<u8>, u32, bool),
    /// General positive lengths (binary heap).
    Real(Vec<f64>),
}

pub(crate) fn lengths(net: &Network, rule: Distance) -> Lengths {
    if rule == Distance::Hops {
        return Lengths::Hops;
    }
    let n = net.node_count();
    let mut real = Vec::with_capacity(2 * net.edge_count());
    for v in 0..n {
        for &w in net.neighbor_weights(v) {
            real.push(if rule == Distance::Weight { w } else { 1.0 / w });
        }
    }
    if real.iter().all(|&x| x == 1.0) {
        return Lengths::Hops;
    }
    let max = real.iter().copied().fold(0.0, f64::max);
    if max <= 64.0 && real.iter().all(|&x| x.fract() == 0.0 && x >= 1.0) {
        let small = real.iter().map(|&x| x as u8).collect();
        return Lengths::Small(small, max as u32, ring_pays(net, max as u32));
    }
    Lengths::Real(real)
}

/// Whether the bucket queue of [`Sssp::dial`] pays for bitmaps: reading one bucket scans
/// `ceil(n / 64)` words, and a search reads one bucket per distance up to the largest,
/// which is at most `2 e L` (`e` the eccentricity, in hops, of any node of the component,
/// `L` the largest length). The bitmaps are used when that scan is bounded by the arcs, so
/// that a search stays O(n + m); otherwise (long chains) the buckets are lists.
fn ring_pays(net: &Network, max_len: u32) -> bool {
    let n = net.node_count();
    let mut st = Sssp::new(n);
    let mut far = 0usize;
    for c in super::structure::components(net) {
        st.bfs(net, c[0]);
        // `levels` holds the start of each level and the end.
        far = far.max(2 * (st.levels.len() - 2) * max_len as usize + 1);
        st.reset();
    }
    far.saturating_mul(n.div_ceil(64)) <= net.arc_count()
}

/// Offsets of each node's arcs in the arc arrays.
pub(crate) fn arc_offsets(net: &Network) -> Vec<usize> {
    let mut off = Vec::with_capacity(net.node_count() + 1);
    off.push(0);
    for v in 0..net.node_count() {
        off.push(off[v] + net.neighbors(v).len());
    }
    off
}

/// Options of [`betweenness`] and [`edge_betweenness`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct BetweennessParams {
    /// Divide as NetworkX does: node betweenness by (n - 1)(n - 2) / 2 for an undirected graph
    /// (by (n - 1) n / 2 ... see [`betweenness`]), edge betweenness by n (n - 1) / 2.
    pub normalized: bool,
    /// Edge lengths.
    pub distance: Distance,
    /// Count the end points of each path too (NetworkX `endpoints=True`).
    pub endpoints: bool,
}

impl Default for BetweennessParams {
    fn default() -> Self {
        Self { normalized: true, distance: Distance::Hops, endpoints: false }
    }
}

/// The arcs and small integer lengths of a bucket-queue search.
struct Arcs<'a> {
    net: &'a Network,
    off: &'a [usize],
    len: &'a [u8],
}

impl Arcs<'_> {
    /// Relaxes the arcs of `v`, settled at distance `d`: a neighbour whose distance drops
    /// gets `v` as its only predecessor, its sigma, and is queued by `push(w, new distance)`;
    /// a neighbour at an equal distance adds `v` and its sigma. Returns the number queued.
    #[inline]
    #[allow(clippy::too_many_arguments)]
    fn relax(
        &self,
        v: usize,
        d: u32,
        dist: &mut [u32],
        sigma: &mut [f64],
        preds: &mut [u32],
        npred: &mut [u32],
        mut push: impl FnMut(usize, u32),
    ) -> usize {
        let (off, sv) = (self.off, sigma[v]);
        let nbrs = self.net.neighbors(v);
        let lens = &self.len[off[v]..off[v] + nbrs.len()];
        let mut pushed = 0;
        for (&w, &l) in nbrs.iter().zip(lens) {
            let w = w as usize;
            let nd = d + u32::from(l);
            let cur = dist[w];
            if nd < cur {
                dist[w] = nd;
                sigma[w] = sv;
                preds[off[w]] = v as u32;
                npred[w] = 1;
                push(w, nd);
                pushed += 1;
            } else if nd == cur {
                sigma[w] += sv;
                preds[off[w] + npred[w] as usize] = v as u32;
                npred[w] += 1;
            }
        }
        pushed
    }
}

/// Reused buffers of one single-source computation.
struct Sssp {
    dist: Vec<u32>,
    distf: Vec<f64>,
    sigma: Vec<f64>,
    delta: Vec<f64>,
    /// Scratch sums: of the top-down BFS steps, then of the push steps of the accumulation.
    acc: Vec<f64>,
    /// Per node `(1 + delta) / sigma` once final (0 before), for the gather form of the
    /// accumulation.
    coeff: Vec<f64>,
    /// Sigma of the nodes of the current BFS level, 0 elsewhere (bottom-up steps).
    front: Vec<f64>,
    /// Nodes not reached yet, ascending (bottom-up steps).
    rest: Vec<u32>,
    /// Bitmap used to sort the nodes of a level found top-down.
    bits: Vec<u64>,
    /// Start of each BFS level in `order` (and the end).
    levels: Vec<usize>,
    /// Number of arcs of the nodes of each BFS level.
    level_arcs: Vec<usize>,
    order: Vec<u32>,
    heap: BinaryHeap<Reverse<(u64, u32)>>,
    buckets: Vec<Vec<u32>>,
    /// Bucket bitmaps of [`Sssp::dial_ring`], one per distance of the ring.
    ring: Vec<u64>,
    /// Whether `distf` was written since the last reset.
    real: bool,
    /// Predecessors on shortest paths found by the bucket queue: those of node `w` in
    /// `preds[off[w]..off[w] + npred[w]]` (at most one per arc of `w`).
    preds: Vec<u32>,
    /// Number of predecessors of each node reached (assigned when first reached).
    npred: Vec<u32>,
}

const UNSEEN: u32 = u32::MAX;

impl Sssp {
    fn new(n: usize) -> Self {
        Self {
            dist: vec![UNSEEN; n],
            distf: vec![f64::INFINITY; n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            acc: vec![0.0; n],
            coeff: vec![0.0; n],
            front: vec![0.0; n],
            rest: Vec::new(),
            bits: vec![0; n.div_ceil(64)],
            levels: Vec::new(),
            level_arcs: Vec::new(),
            order: Vec::with_capacity(n),
            heap: BinaryHeap::new(),
            buckets: Vec::new(),
            ring: Vec::new(),
            real: false,
            preds: Vec::new(),
            npred: vec![0; n],
        }
    }

    /// Clears the state of the nodes reached. `sigma` is left: every search assigns a
    /// node's sigma when it first reaches the node, before adding to it.
    fn reset(&mut self) {
        for &v in &self.order {
            let v = v as usize;
            self.dist[v] = UNSEEN;
            self.delta[v] = 0.0;
            self.coeff[v] = 0.0;
            self.acc[v] = 0.0;
        }
        if self.real {
            for &v in &self.order {
                self.distf[v as usize] = f64::INFINITY;
            }
            self.real = false;
        }
        self.order.clear();
        self.levels.clear();
        self.level_arcs.clear();
    }

    /// Breadth-first search from `s`: `order` in BFS order (each level ascending), `levels`,
    /// `level_arcs`, `dist`, `sigma`.
    ///
    /// Direction-optimising (Beamer, Asanovic & Patterson 2012, SC'12), adapted to path
    /// counting, which cannot stop a node's scan early. Each level is expanded the cheaper
    /// way, counted in arcs:
    /// - *top-down* from the current level (its arcs): every arc adds the sigma of its tail
    ///   to `acc` of its head, without a branch (only the heads on the next level keep the
    ///   sum: they are copied to `sigma` when the level is complete, and no node of the next
    ///   level is adjacent to an earlier level), and every head is written to the queue,
    ///   which advances only when the head is new;
    /// - *bottom-up* from the nodes not reached yet (their arcs): each sums `front`, the
    ///   sigma of the current level, over its neighbours, and a non-zero sum is its sigma.
    ///
    /// The choice is made again at every level, so a long tail after the widest level (a
    /// chain hanging off a dense core) goes back to top-down instead of rescanning the
    /// unreached nodes once per level. A top-down step adds to `acc` only on the next level,
    /// so the unreached nodes' sums stay 0 for a later top-down step.
    fn bfs(&mut self, net: &Network, s: usize) {
        let n = self.dist.len();
        self.order.resize(n + 1, 0);
        self.levels.clear();
        self.level_arcs.clear();
        // Disjoint borrows of the fields: the compiler keeps their pointers in registers
        // instead of reloading them after every store.
        let (order, dist, sigma, acc, front, rest, bits) = (
            &mut self.order[..],
            &mut self.dist[..],
            &mut self.sigma[..],
            &mut self.acc[..],
            &mut self.front[..],
            &mut self.rest,
            &mut self.bits[..],
        );
        let (levels, level_arcs) = (&mut self.levels, &mut self.level_arcs);
        order[0] = s as u32;
        dist[s] = 0;
        sigma[s] = 1.0;
        let mut len = 1usize;
        let mut lo = 0usize;
        let mut d = 0u32;
        let mut front_arcs = net.neighbors(s).len();
        let mut unreached_arcs = net.arc_count() - front_arcs;
        let mut rest_ready = false;
        while lo < len {
            let hi = len;
            levels.push(lo);
            level_arcs.push(front_arcs);
            d += 1;
            let mut new_arcs = 0usize;
            if unreached_arcs < front_arcs {
                if !rest_ready {
                    // Isolated nodes are never reached: left out, they cost nothing.
                    rest.clear();
                    rest.extend(
                        (0..n as u32).filter(|&w| dist[w as usize] == UNSEEN && !net.neighbors(w as usize).is_empty()),
                    );
                    rest_ready = true;
                }
                for &v in &order[lo..hi] {
                    front[v as usize] = sigma[v as usize];
                }
                let mut keep = 0usize;
                for k in 0..rest.len() {
                    let w = rest[k];
                    if dist[w as usize] != UNSEEN {
                        continue; // reached by a top-down step since the list was made
                    }
                    let nbrs = net.neighbors(w as usize);
                    let mut sum = 0.0;
                    for &x in nbrs {
                        sum += front[x as usize];
                    }
                    if sum == 0.0 {
                        rest[keep] = w;
                        keep += 1;
                    } else {
                        sigma[w as usize] = sum;
                        dist[w as usize] = d;
                        order[len] = w;
                        len += 1;
                        new_arcs += nbrs.len();
                    }
                }
                rest.truncate(keep);
                for &v in &order[lo..hi] {
                    front[v as usize] = 0.0;
                }
            } else {
                for i in lo..hi {
                    let v = order[i] as usize;
                    let sv = sigma[v];
                    for &w in net.neighbors(v) {
                        let w = w as usize;
                        acc[w] += sv;
                        let dw = dist[w];
                        let new = dw == UNSEEN;
                        dist[w] = if new { d } else { dw };
                        order[len] = w as u32;
                        len += usize::from(new);
                    }
                }
                // Sort the new level through a bitmap: the next step then reads the rows of
                // the adjacency in memory order.
                if hi < len {
                    let (mut first, mut last) = (usize::MAX, 0usize);
                    for &w in &order[hi..len] {
                        let w = w as usize;
                        bits[w >> 6] |= 1u64 << (w & 63);
                        first = first.min(w >> 6);
                        last = last.max(w >> 6);
                    }
                    let mut k = hi;
                    for (i, word) in bits[first..=last].iter_mut().enumerate() {
                        let mut b = std::mem::take(word);
                        while b != 0 {
                            order[k] = ((first + i) * 64 + b.trailing_zeros() as usize) as u32;
                            b &= b - 1;
                            k += 1;
                        }
                    }
                }
                for &w in &order[hi..len] {
                    let w = w as usize;
                    sigma[w] = acc[w];
                    new_arcs += net.neighbors(w).len();
                }
            }
            unreached_arcs -= new_arcs;
            front_arcs = new_arcs;
            lo = hi;
        }
        levels.push(len);
        self.order.truncate(len);
    }

    /// Dijkstra from `s` with real lengths: `order` in settling order, `distf`, `sigma`, and
    /// the predecessors (`preds`, `npred`: the arcs whose relaxation matched the final
    /// distance exactly).
    fn dijkstra(&mut self, net: &Network, off: &[usize], len: &[f64], s: usize) {
        self.real = true;
        self.preds.resize(off[off.len() - 1], 0);
        self.npred[s] = 0;
        self.distf[s] = 0.0;
        self.sigma[s] = 1.0;
        self.heap.clear();
        self.heap.push(Reverse((0f64.to_bits(), s as u32)));
        while let Some(Reverse((bits, v))) = self.heap.pop() {
            let v = v as usize;
            let dv = f64::from_bits(bits);
            if self.dist[v] != UNSEEN || dv > self.distf[v] {
                continue;
            }
            self.dist[v] = 0; // settled
            self.order.push(v as u32);
            let sv = self.sigma[v];
            let base = off[v];
            for (k, &w) in net.neighbors(v).iter().enumerate() {
                let w = w as usize;
                if self.dist[w] != UNSEEN {
                    continue;
                }
                let nd = dv + len[base + k];
                let cur = self.distf[w];
                if nd < cur {
                    self.distf[w] = nd;
                    self.sigma[w] = sv;
                    self.preds[off[w]] = v as u32;
                    self.npred[w] = 1;
                    self.heap.push(Reverse((nd.to_bits(), w as u32)));
                } else if nd == cur {
                    self.sigma[w] += sv;
                    self.preds[off[w] + self.npred[w] as usize] = v as u32;
                    self.npred[w] += 1;
                }
            }
        }
        // `dist` was used as the settled flag; settled nodes are exactly `order`.
    }

    /// Dijkstra with small integer lengths on a bucket queue (Dial 1969): `order` in settling
    /// order, `dist` (integer distances), `sigma`, `preds`. A node is settled when its bucket is
    /// reached and its distance still equals the bucket's; no settled flag is needed, since a
    /// settled node's distance is below any tentative distance found later.
    fn dial(&mut self, net: &Network, off: &[usize], len: &[u8], max_len: u32, s: usize) {
        // A power of two above the largest length, so that the bucket of a distance is a mask.
        let nb = (max_len as usize + 1).next_power_of_two();
        let mask = nb - 1;
        if self.buckets.len() != nb {
            self.buckets = vec![Vec::new(); nb];
        }
        self.preds.resize(off[off.len() - 1], 0);
        let dist = &mut self.dist[..];
        let sigma = &mut self.sigma[..];
        let order = &mut self.order;
        let buckets = &mut self.buckets;
        let (preds, npred) = (&mut self.preds[..], &mut self.npred[..]);
        npred[s] = 0;
        dist[s] = 0;
        sigma[s] = 1.0;
        buckets[0].push(s as u32);
        let mut pending = 1usize;
        let mut d: u32 = 0;
        while pending > 0 {
            let b = d as usize & mask;
            let bucket = std::mem::take(&mut buckets[b]);
            pending -= bucket.len();
            for &v in &bucket {
                let v = v as usize;
                if dist[v] != d {
                    continue; // stale: settled earlier at a smaller distance
                }
                order.push(v as u32);
                let arcs = Arcs { net, off, len };
                pending += arcs.relax(v, d, dist, sigma, preds, npred, |w, nd| {
                    buckets[nd as usize & mask].push(w as u32);
                });
            }
            let mut bucket = bucket;
            bucket.clear();
            buckets[b] = bucket;
            d += 1;
        }
    }

    /// [`Sssp::dial`] with bitmap buckets: `order` in settling order, each distance
    /// ascending by node (its rows of the adjacency are read in memory order), `dist`,
    /// `sigma`. A node is pushed again only to a strictly smaller distance, in another bucket
    /// of the ring, so each push is one bit and the count of pending pushes is exact (a stale
    /// bit is read and skipped). Every bucket read scans `ceil(n / 64)` words: used when
    /// [`ring_pays`].
    fn dial_ring(&mut self, net: &Network, off: &[usize], len: &[u8], max_len: u32, s: usize) {
        let words = self.dist.len().div_ceil(64);
        let nb = (max_len as usize + 1).next_power_of_two();
        let mask = nb - 1;
        if self.ring.len() != nb * words {
            self.ring = vec![0; nb * words];
        }
        self.preds.resize(off[off.len() - 1], 0);
        let (dist, sigma, order, ring) = (&mut self.dist[..], &mut self.sigma[..], &mut self.order, &mut self.ring[..]);
        let (preds, npred) = (&mut self.preds[..], &mut self.npred[..]);
        npred[s] = 0;
        dist[s] = 0;
        sigma[s] = 1.0;
        ring[s >> 6] |= 1u64 << (s & 63);
        let mut pending = 1usize;
        let mut d: u32 = 0;
        while pending > 0 {
            let b = (d as usize & mask) * words;
            for wi in 0..words {
                let mut bits = std::mem::take(&mut ring[b + wi]);
                while bits != 0 {
                    let v = wi * 64 + bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    pending -= 1;
                    if dist[v] != d {
                        continue; // stale: settled earlier at a smaller distance
                    }
                    order.push(v as u32);
                    let arcs = Arcs { net, off, len };
                    pending += arcs.relax(v, d, dist, sigma, preds, npred, |w, nd| {
                        ring[(nd as usize & mask) * words + (w >> 6)] |= 1u64 << (w & 63);
                    });
                }
            }
            d += 1;
        }
    }

    /// Runs the single-source search for the lengths.
    fn search(&mut self, net: &Network, off: &[usize], lengths: &Lengths, s: usize) {
        match lengths {
            Lengths::Hops => self.bfs(net, s),
            Lengths::Small(len, max, false) => self.dial(net, off, len, *max, s),
            Lengths::Small(len, max, true) => self.dial_ring(net, off, len, *max, s),
            Lengths::Real(len) => self.dijkstra(net, off, len, s),
        }
    }

    /// Whether `v` precedes `w` on a shortest path (arc `k` of `w`, `v` a neighbour of `w`).
    #[inline]
    fn is_pred(&self, lengths: &Lengths, v: usize, w: usize, arc: usize) -> bool {
        match lengths {
            Lengths::Hops => self.dist[v] != UNSEEN && self.dist[v] + 1 == self.dist[w],
            Lengths::Small(len, ..) => {
                self.dist[v] != UNSEEN && self.dist[v].wrapping_add(u32::from(len[arc])) == self.dist[w] && v != w
            }
            Lengths::Real(len) => self.dist[v] != UNSEEN && self.distf[v] + len[arc] == self.distf[w] && v != w,
        }
    }

    /// Brandes' accumulation after [`Sssp::bfs`], node betweenness only, level by level from
    /// the deepest: `delta(v) = sigma(v) * sum over successors w of coeff(w)`, where
    /// `coeff(w) = (1 + delta(w)) / sigma(w)`. The sums of a level are taken the cheaper way,
    /// counted in arcs:
    /// - *gather* over the arcs of the level: `coeff` is set only for the deeper levels
    ///   already done, and a neighbour of a level-L node lies on level L - 1, L or L + 1, so
    ///   only the successors contribute: no distance test, no branch per arc;
    /// - *push* over the arcs of the next level: each of its nodes adds its `coeff` to `acc`
    ///   of all its neighbours; only the sums of level L are read (the other neighbours,
    ///   on levels L + 1 and L + 2, are done).
    fn accumulate_hops(&mut self, net: &Network, s: usize, endpoints: bool, bc: &mut [f64]) {
        let (order, levels, level_arcs, sigma, delta, coeff, acc) = (
            &self.order[..],
            &self.levels[..],
            &self.level_arcs[..],
            &self.sigma[..],
            &mut self.delta[..],
            &mut self.coeff[..],
            &mut self.acc[..],
        );
        if endpoints {
            bc[s] += (order.len() - 1) as f64;
        }
        let depth = levels.len() - 1;
        for l in (0..depth).rev() {
            let level = &order[levels[l]..levels[l + 1]];
            if l + 1 < depth && level_arcs[l + 1] < level_arcs[l] {
                for &w in level {
                    acc[w as usize] = 0.0;
                }
                for &x in &order[levels[l + 1]..levels[l + 2]] {
                    let c = coeff[x as usize];
                    for &v in net.neighbors(x as usize) {
                        acc[v as usize] += c;
                    }
                }
                for &w in level {
                    delta[w as usize] = acc[w as usize];
                }
            } else {
                for &w in level {
                    // Four partial sums: the additions of one node overlap instead of
                    // waiting on each other.
                    let nbrs = net.neighbors(w as usize);
                    let mut quads = nbrs.chunks_exact(4);
                    let mut p = [0.0f64; 4];
                    for q in quads.by_ref() {
                        p[0] += coeff[q[0] as usize];
                        p[1] += coeff[q[1] as usize];
                        p[2] += coeff[q[2] as usize];
                        p[3] += coeff[q[3] as usize];
                    }
                    for (k, &x) in quads.remainder().iter().enumerate() {
                        p[k] += coeff[x as usize];
                    }
                    delta[w as usize] = (p[0] + p[1]) + (p[2] + p[3]);
                }
            }
            for &w in level {
                let w = w as usize;
                let sig = sigma[w];
                let dw = sig * delta[w];
                delta[w] = dw;
                coeff[w] = (1.0 + dw) / sig;
                if w != s {
                    bc[w] += if endpoints { dw + 1.0 } else { dw };
                }
            }
        }
    }

    /// Brandes' accumulation after a weighted search ([`Sssp::dial`], [`Sssp::dial_ring`] or
    /// [`Sssp::dijkstra`]), node betweenness only, in push form over the predecessors the
    /// search recorded: in reverse settling order, `delta(v) += sigma(v) * (1 + delta(w)) /
    /// sigma(w)` for each predecessor `v` of `w` (Brandes 2001, Algorithm 1). The predecessors
    /// are the arcs whose relaxation matched the final distance exactly, as in NetworkX, and
    /// only they are read (about n arcs, against all 2 m for a test per arc).
    fn accumulate_weighted(&mut self, off: &[usize], s: usize, endpoints: bool, bc: &mut [f64]) {
        let (order, sigma, delta, preds, npred) =
            (&self.order[..], &self.sigma[..], &mut self.delta[..], &self.preds[..], &self.npred[..]);
        if endpoints {
            bc[s] += (order.len() - 1) as f64;
        }
        for &w in order.iter().rev() {
            let w = w as usize;
            let dw = delta[w];
            let c = (1.0 + dw) / sigma[w];
            for &v in &preds[off[w]..off[w] + npred[w] as usize] {
                let v = v as usize;
                delta[v] += sigma[v] * c;
            }
            if w != s {
                bc[w] += if endpoints { dw + 1.0 } else { dw };
            }
        }
    }

    /// Brandes' dependency accumulation; adds to node and/or edge betweenness.
    #[allow(clippy::too_many_arguments)]
    fn accumulate(
        &mut self,
        net: &Network,
        off: &[usize],
        lengths: &Lengths,
        s: usize,
        endpoints: bool,
        node_bc: Option<&mut [f64]>,
        edge_bc: Option<&mut [f64]>,
    ) {
        let mut node_bc = node_bc;
        let mut edge_bc = edge_bc;
        if endpoints && let Some(bc) = node_bc.as_deref_mut() {
            bc[s] += (self.order.len() - 1) as f64;
        }
        for i in (0..self.order.len()).rev() {
            let w = self.order[i] as usize;
            let coeff = (1.0 + self.delta[w]) / self.sigma[w];
            let nbrs = net.neighbors(w);
            let base = off[w];
            if let (None, Lengths::Hops) = (&mut edge_bc, lengths) {
                let dw = self.dist[w];
                for &v in nbrs {
                    let v = v as usize;
                    if self.dist[v].wrapping_add(1) == dw {
                        self.delta[v] += self.sigma[v] * coeff;
                    }
                }
            } else {
                {
                    let eids = net.neighbor_edges(w);
                    for (k, &v) in nbrs.iter().enumerate() {
                        let v = v as usize;
                        if self.is_pred(lengths, v, w, base + k) {
                            let c = self.sigma[v] * coeff;
                            self.delta[v] += c;
                            if let Some(eb) = edge_bc.as_deref_mut() {
                                eb[eids[k] as usize] += c;
                            }
                        }
                    }
                }
            }
            if w != s
                && let Some(bc) = node_bc.as_deref_mut()
            {
                bc[w] += if endpoints { self.delta[w] + 1.0 } else { self.delta[w] };
            }
        }
    }
}

/// Runs `body(state, source, out)` for every source and returns the element-wise sum of the
/// `out` vectors (length `len`), in parallel with the `parallel` feature.
fn sum_over_sources<S, F>(n: usize, len: usize, make: impl Fn() -> S + Sync, body: F) -> Vec<f64>
where
    F: Fn(&mut S, usize, &mut [f64]) + Sync,
    S: Send,
{
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        // Fixed blocks of sources, summed in a fixed tree: the result does not depend on the
        // scheduling (rounding aside, it does not depend on the number of threads either).
        let block = 64usize;
        let blocks = n.div_ceil(block);
        let partial: Vec<Vec<f64>> = (0..blocks)
            .into_par_iter()
            .map_init(&make, |state, b| {
                let mut out = vec![0.0; len];
                for s in (b * block)..((b + 1) * block).min(n) {
                    body(state, s, &mut out);
                }
                out
            })
            .collect();
        tree_sum(partial, len)
    }
    #[cfg(not(feature = "parallel"))]
    {
        let mut state = make();
        let mut out = vec![0.0; len];
        for s in 0..n {
            body(&mut state, s, &mut out);
        }
        out
    }
}

#[cfg(feature = "parallel")]
fn tree_sum(mut parts: Vec<Vec<f64>>, len: usize) -> Vec<f64> {
    if parts.is_empty() {
        return vec![0.0; len];
    }
    while parts.len() > 1 {
        let mut next = Vec::with_capacity(parts.len().div_ceil(2));
        let mut it = parts.into_iter();
        while let Some(mut a) = it.next() {
            if let Some(b) = it.next() {
                a.iter_mut().zip(&b).for_each(|(x, y)| *x += y);
            }
            next.push(a);
        }
        parts = next;
    }
    parts.pop().unwrap_or_default()
}

/// Betweenness centrality by Brandes' algorithm, exact, unweighted or weighted.
///
/// `b(v) = sum over unordered pairs {s, t}, s != v != t, of sigma_st(v) / sigma_st`, where
/// `sigma_st` is the number of shortest s-t paths and `sigma_st(v)` those through `v`.
/// Normalised (the default) as NetworkX for undirected graphs: multiplied by
/// `2 / ((n - 1)(n - 2))` (with `endpoints`: by `2 / (n (n - 1))`); raw values are the sums
/// over unordered pairs (NetworkX `normalized=False`). Edge lengths follow
/// [`BetweennessParams::distance`]; ties of weighted path lengths are detected by exact
/// equality of the sums, as NetworkX does.
///
/// Complexity: O(n m) time unweighted, O(n m + n^2 log n) weighted (O(n m) with small integer
/// lengths); O(n + m) memory per thread. Parallel over sources with the `parallel` feature.
///
/// How the sums are taken (the values are Brandes' whatever the route; they differ from a
/// textbook implementation only in the order of floating-point additions):
/// - unweighted, each breadth-first level is expanded top-down from the level or bottom-up
///   from the nodes not reached yet, and each level of the accumulation is gathered from
///   its successors or pushed from the next level, whichever reads fewer arcs
///   (direction-optimising search, Beamer, Asanovic & Patterson 2012, adapted to path
///   counting); on a sparse small-world graph this reads about half the arcs;
/// - weighted, small integer lengths (at most 64) use a bucket queue (Dial 1969), other
///   lengths a binary heap, and the accumulation reads only the predecessors recorded by the
///   search, as NetworkX does.
///
/// Source: U. Brandes (2001), J. Math. Sociol. 25, 163; U. Brandes (2008), Soc. Networks 30,
/// 136 (variants); S. Beamer, K. Asanovic & D. Patterson (2012), SC'12, "Direction-optimizing
/// breadth-first search"; R. Dial (1969), Commun. ACM 12, 632; conventions of NetworkX 3.6
/// `betweenness_centrality`.
///
/// ```
/// use clusterpolicy::network::{betweenness, BetweennessParams, Network};
/// let star = Network::from_edges(&[("c", "a", 1.0), ("c", "b", 1.0), ("c", "d", 1.0)])?;
/// let raw = betweenness(&star, &BetweennessParams { normalized: false, ..Default::default() })?;
/// assert_eq!(raw, [3.0, 0.0, 0.0, 0.0]);
/// let norm = betweenness(&star, &BetweennessParams::default())?;
/// assert_eq!(norm[0], 1.0);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// None at present (the `Result` leaves room for parameter checks).
pub fn betweenness(net: &Network, params: &BetweennessParams) -> Result<Vec<f64>> {
    let n = net.node_count();
    let lengths = lengths(net, params.distance);
    let off = arc_offsets(net);
    let mut bc = sum_over_sources(
        n,
        n,
        || Sssp::new(n),
        |st, s, out| {
            st.search(net, &off, &lengths, s);
            if let Lengths::Hops = lengths {
                st.accumulate_hops(net, s, params.endpoints, out);
            } else {
                st.accumulate_weighted(&off, s, params.endpoints, out);
            }
            st.reset();
        },
    );
    let nf = n as f64;
    let scale = if params.normalized {
        if params.endpoints {
            if n < 2 { None } else { Some(1.0 / (nf * (nf - 1.0))) }
        } else if n <= 2 {
            None
        } else {
            Some(1.0 / ((nf - 1.0) * (nf - 2.0)))
        }
    } else {
        Some(0.5)
    };
    if let Some(scale) = scale {
        for x in &mut bc {
            *x *= scale;
        }
    }
    Ok(bc)
}

/// Edge betweenness centrality: for each edge of [`Network::edges`], the sum over unordered
/// node pairs of the share of their shortest paths through the edge.
///
/// Normalised (default) as NetworkX: divided by `n (n - 1) / 2`; raw otherwise.
///
/// Complexity: as [`betweenness`].
///
/// Source: Girvan & Newman (2002), PNAS 99, 7821; NetworkX 3.6 `edge_betweenness_centrality`.
///
/// ```
/// use clusterpolicy::network::{edge_betweenness, BetweennessParams, Network};
/// let path = Network::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0)])?;
/// let raw = edge_betweenness(&path, &BetweennessParams { normalized: false, ..Default::default() })?;
/// assert_eq!(raw, [2.0, 2.0]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// None at present.
pub fn edge_betweenness(net: &Network, params: &BetweennessParams) -> Result<Vec<f64>> {
    let n = net.node_count();
    let m = net.edge_count();
    let lengths = match lengths(net, params.distance) {
        // The edge accumulation needs the generic predecessor test.
        Lengths::Hops => Lengths::Small(vec![1; net.arc_count()], 1, ring_pays(net, 1)),
        other => other,
    };
    let off = arc_offsets(net);
    let mut eb = sum_over_sources(
        n,
        m,
        || Sssp::new(n),
        |st, s, out| {
            st.search(net, &off, &lengths, s);
            st.accumulate(net, &off, &lengths, s, false, None, Some(out));
            st.reset();
        },
    );
    let nf = n as f64;
    let scale = if params.normalized { if n > 1 { 1.0 / (nf * (nf - 1.0)) } else { 1.0 } } else { 0.5 };
    for x in &mut eb {
        *x *= scale;
    }
    Ok(eb)
}

/// Per-source distance statistics.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SourceStats {
    /// Sum of distances to the reached nodes.
    pub sum: f64,
    /// Reached nodes, the source included.
    pub reached: usize,
    /// Largest distance (eccentricity within the component).
    pub ecc: f64,
    /// Sum of 1 / distance.
    pub harmonic: f64,
}

/// Distance statistics of every source (multi-source bit-parallel BFS for hops, one
/// Dijkstra per source otherwise).
pub(crate) fn all_source_stats(net: &Network, rule: Distance) -> Vec<SourceStats> {
    let n = net.node_count();
    let lengths = lengths(net, rule);
    let off = arc_offsets(net);
    if let Lengths::Hops = &lengths {
        {
            let batches: Vec<usize> = (0..n.div_ceil(64)).collect();
            let run = |buf: &mut MsBfs, b: usize| {
                let lo = b * 64;
                let hi = (lo + 64).min(n);
                buf.run(net, lo, hi)
            };
            #[cfg(feature = "parallel")]
            let parts: Vec<Vec<SourceStats>> = {
                use rayon::prelude::*;
                batches.par_iter().map_init(|| MsBfs::new(n), |buf, &b| run(buf, b)).collect()
            };
            #[cfg(not(feature = "parallel"))]
            let parts: Vec<Vec<SourceStats>> = {
                let mut buf = MsBfs::new(n);
                batches.iter().map(|&b| run(&mut buf, b)).collect()
            };
            parts.into_iter().flatten().collect()
        }
    } else {
        {
            let one = |st: &mut Sssp, s: usize| {
                st.search(net, &off, &lengths, s);
                let mut stats = SourceStats { reached: st.order.len(), ..SourceStats::default() };
                for &v in &st.order {
                    let d = match &lengths {
                        Lengths::Small(..) => f64::from(st.dist[v as usize]),
                        _ => st.distf[v as usize],
                    };
                    stats.sum += d;
                    if d > 0.0 {
                        stats.harmonic += 1.0 / d;
                    }
                    stats.ecc = stats.ecc.max(d);
                }
                st.reset();
                stats
            };
            #[cfg(feature = "parallel")]
            {
                use rayon::prelude::*;
                (0..n).into_par_iter().map_init(|| Sssp::new(n), |st, s| one(st, s)).collect()
            }
            #[cfg(not(feature = "parallel"))]
            {
                let mut st = Sssp::new(n);
                (0..n).map(|s| one(&mut st, s)).collect()
            }
        }
    }
}

/// Buffers of a multi-source BFS of up to 64 sources (bit-parallel, Then et al. 2014,
/// "The more the merrier", PVLDB 8, 449).
struct MsBfs {
    seen: Vec<u64>,
    frontier: Vec<u64>,
    next: Vec<u64>,
    active: Vec<u32>,
}

impl MsBfs {
    fn new(n: usize) -> Self {
        Self { seen: vec![0; n], frontier: vec![0; n], next: vec![0; n], active: Vec::new() }
    }

    fn run(&mut self, net: &Network, lo: usize, hi: usize) -> Vec<SourceStats> {
        let k = hi - lo;
        let mut sum = [0u64; 64];
        let mut reached = [1usize; 64];
        let mut ecc = [0u32; 64];
        let mut harmonic = [0.0f64; 64];
        self.seen.iter_mut().for_each(|x| *x = 0);
        self.frontier.iter_mut().for_each(|x| *x = 0);
        self.active.clear();
        for (i, s) in (lo..hi).enumerate() {
            self.seen[s] |= 1 << i;
            self.frontier[s] |= 1 << i;
            self.active.push(s as u32);
        }
        let mut d: u32 = 0;
        let mut touched: Vec<u32> = Vec::new();
        while !self.active.is_empty() {
            d += 1;
            touched.clear();
            for &v in &self.active {
                let v = v as usize;
                let f = self.frontier[v];
                self.frontier[v] = 0;
                for &w in net.neighbors(v) {
                    let w = w as usize;
                    let add = f & !self.seen[w];
                    if add != 0 {
                        if self.next[w] == 0 {
                            touched.push(w as u32);
                        }
                        self.next[w] |= add;
                    }
                }
            }
            self.active.clear();
            let mut level = [0u32; 64];
            for &w in &touched {
                let w = w as usize;
                let new = self.next[w] & !self.seen[w];
                self.next[w] = 0;
                if new == 0 {
                    continue;
                }
                self.seen[w] |= new;
                self.frontier[w] = new;
                self.active.push(w as u32);
                let mut bits = new;
                while bits != 0 {
                    let i = bits.trailing_zeros() as usize;
                    level[i] += 1;
                    bits &= bits - 1;
                }
            }
            let df = f64::from(d);
            for i in 0..k {
                if level[i] > 0 {
                    sum[i] += u64::from(level[i]) * u64::from(d);
                    reached[i] += level[i] as usize;
                    ecc[i] = d;
                    harmonic[i] += f64::from(level[i]) / df;
                }
            }
        }
        (0..k)
            .map(|i| SourceStats {
                sum: sum[i] as f64,
                reached: reached[i],
                ecc: f64::from(ecc[i]),
                harmonic: harmonic[i],
            })
            .collect()
    }
}

/// Options of [`closeness`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ClosenessParams {
    /// Edge lengths.
    pub distance: Distance,
    /// Wasserman-Faust correction for disconnected graphs (NetworkX `wf_improved`, default).
    pub wf_improved: bool,
}

impl Default for ClosenessParams {
    fn default() -> Self {
        Self { distance: Distance::Hops, wf_improved: true }
    }
}

/// Closeness centrality as NetworkX computes it.
///
/// `c(u) = (r - 1) / sum_v d(u, v)` over the `r - 1` nodes reachable from `u`; with the
/// Wasserman-Faust correction (default) multiplied by `(r - 1) / (n - 1)`; 0 when nothing is
/// reachable.
///
/// Complexity: O(n m) time (bit-parallel BFS of 64 sources at a time for hops), parallel.
///
/// Source: Wasserman & Faust (1994), Social Network Analysis, p. 201; NetworkX 3.6
/// `closeness_centrality`.
///
/// ```
/// use clusterpolicy::network::{closeness, ClosenessParams, Network};
/// let path = Network::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0)])?;
/// let c = closeness(&path, &ClosenessParams::default());
/// assert_eq!(c, [2.0 / 3.0, 1.0, 2.0 / 3.0]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[must_use]
pub fn closeness(net: &Network, params: &ClosenessParams) -> Vec<f64> {
    let n = net.node_count();
    all_source_stats(net, params.distance)
        .iter()
        .map(|st| {
            let r = st.reached as f64;
            if st.sum > 0.0 && n > 1 {
                let c = (r - 1.0) / st.sum;
                if params.wf_improved { c * ((r - 1.0) / (n as f64 - 1.0)) } else { c }
            } else {
                0.0
            }
        })
        .collect()
}

/// Options of [`harmonic`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct HarmonicParams {
    /// Edge lengths.
    pub distance: Distance,
    /// Divide by `n - 1` (NetworkX does not).
    pub normalized: bool,
}

/// Harmonic centrality: `h(u) = sum over v != u of 1 / d(u, v)` (0 for unreachable `v`).
///
/// Complexity: as [`closeness`].
///
/// Source: Marchiori & Latora (2000), Physica A 285, 539; Boldi & Vigna (2014), Internet
/// Math. 10, 222; NetworkX 3.6 `harmonic_centrality` (not normalised).
///
/// ```
/// use clusterpolicy::network::{harmonic, HarmonicParams, Network};
/// let path = Network::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0)])?;
/// assert_eq!(harmonic(&path, &HarmonicParams::default()), [1.5, 2.0, 1.5]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[must_use]
pub fn harmonic(net: &Network, params: &HarmonicParams) -> Vec<f64> {
    let n = net.node_count();
    let scale = if params.normalized && n > 1 { 1.0 / (n as f64 - 1.0) } else { 1.0 };
    all_source_stats(net, params.distance).iter().map(|st| st.harmonic * scale).collect()
}

/// Path statistics of a network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PathSummary {
    /// Nodes of the giant (largest) component.
    pub giant_nodes: usize,
    /// Diameter of the giant component (largest distance).
    pub diameter: f64,
    /// Average distance between the ordered node pairs of the giant component (NetworkX
    /// `average_shortest_path_length` on it).
    pub average_path_length: f64,
    /// Global efficiency of the whole network: mean of 1 / d over ordered pairs.
    pub global_efficiency: f64,
}

/// Diameter and average path length of the giant component, and the global efficiency of the
/// whole network.
///
/// `L = sum over ordered pairs of the giant component of d(u, v) / (g (g - 1))`;
/// `E = sum over ordered pairs of 1 / d(u, v) / (n (n - 1))`.
///
/// Complexity: O(n m), parallel.
///
/// Source: Watts & Strogatz (1998); Latora & Marchiori (2001), PRL 87, 198701; NetworkX 3.6
/// `diameter`, `average_shortest_path_length`, `global_efficiency`.
///
/// ```
/// use clusterpolicy::network::{path_summary, Distance, Network};
/// let net = Network::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0), ("x", "y", 1.0)])?;
/// let s = path_summary(&net, Distance::Hops);
/// assert_eq!((s.giant_nodes, s.diameter), (3, 2.0));
/// assert!((s.average_path_length - 8.0 / 6.0).abs() < 1e-15);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[must_use]
pub fn path_summary(net: &Network, rule: Distance) -> PathSummary {
    let n = net.node_count();
    let comps = super::structure::components(net);
    let giant: Vec<usize> = comps.first().cloned().unwrap_or_default();
    let stats = all_source_stats(net, rule);
    let g = giant.len();
    let (mut sum, mut diam) = (0.0, 0.0f64);
    for &v in &giant {
        sum += stats[v].sum;
        diam = diam.max(stats[v].ecc);
    }
    let harmonic: f64 = stats.iter().map(|s| s.harmonic).sum();
    PathSummary {
        giant_nodes: g,
        diameter: diam,
        average_path_length: if g > 1 { sum / (g as f64 * (g as f64 - 1.0)) } else { 0.0 },
        global_efficiency: if n > 1 { harmonic / (n as f64 * (n as f64 - 1.0)) } else { 0.0 },
    }
}

/// Local efficiency: the mean over nodes of the global efficiency of the subgraph induced by
/// the node's neighbours (hop distances).
///
/// Complexity: O(sum over v of d(v) m_v) for the m_v edges among the neighbours of v.
///
/// Source: Latora & Marchiori (2001); NetworkX 3.6 `local_efficiency`.
///
/// ```
/// use clusterpolicy::network::{local_efficiency, Network};
/// let tri = Network::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0), ("a", "c", 1.0)])?;
/// assert_eq!(local_efficiency(&tri), 1.0);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[must_use]
pub fn local_efficiency(net: &Network) -> f64 {
    let n = net.node_count();
    if n == 0 {
        return 0.0;
    }
    let one = |pos: &mut Vec<u32>, v: usize| -> f64 {
        let nb: Vec<usize> = net.neighbors(v).iter().map(|&w| w as usize).filter(|&w| w != v).collect();
        let k = nb.len();
        if k < 2 {
            return 0.0;
        }
        for (i, &w) in nb.iter().enumerate() {
            pos[w] = i as u32;
        }
        // Adjacency of the induced subgraph.
        let adj: Vec<Vec<u32>> = nb
            .iter()
            .map(|&w| {
                net.neighbors(w)
                    .iter()
                    .filter(|&&x| x as usize != w && pos[x as usize] != u32::MAX)
                    .map(|&x| pos[x as usize])
                    .collect()
            })
            .collect();
        for &w in &nb {
            pos[w] = u32::MAX;
        }
        let mut total = 0.0;
        let mut dist = vec![u32::MAX; k];
        let mut queue = Vec::with_capacity(k);
        for s in 0..k {
            dist.fill(u32::MAX);
            queue.clear();
            queue.push(s as u32);
            dist[s] = 0;
            let mut head = 0;
            while head < queue.len() {
                let x = queue[head] as usize;
                head += 1;
                for &y in &adj[x] {
                    if dist[y as usize] == u32::MAX {
                        dist[y as usize] = dist[x] + 1;
                        total += 1.0 / f64::from(dist[x] + 1);
                        queue.push(y);
                    }
                }
            }
        }
        total / (k as f64 * (k as f64 - 1.0))
    };
    #[cfg(feature = "parallel")]
    let sum: f64 = {
        use rayon::prelude::*;
        let parts: Vec<f64> = (0..n).into_par_iter().map_init(|| vec![u32::MAX; n], |pos, v| one(pos, v)).collect();
        parts.iter().sum()
    };
    #[cfg(not(feature = "parallel"))]
    let sum: f64 = {
        let mut pos = vec![u32::MAX; n];
        (0..n).map(|v| one(&mut pos, v)).sum()
    };
    sum / n as f64
}

/// Options of [`approximate_betweenness`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ApproxBetweennessParams {
    /// Largest error allowed, on the scale of betweenness divided by n (n - 1) (0 < epsilon < 1).
    pub epsilon: f64,
    /// Probability that the error bound fails (0 < delta < 1).
    pub delta: f64,
    /// Seed of the random number generator.
    pub seed: u64,
    /// Edge lengths.
    pub distance: Distance,
    /// Normalise as [`betweenness`] (default) or return raw values.
    pub normalized: bool,
}

impl Default for ApproxBetweennessParams {
    fn default() -> Self {
        Self { epsilon: 0.01, delta: 0.1, seed: 42, distance: Distance::Hops, normalized: true }
    }
}

impl ApproxBetweennessParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for `epsilon` or `delta` outside (0, 1).
    pub fn check(&self) -> Result<&Self> {
        if !(self.epsilon > 0.0 && self.epsilon < 1.0) {
            return Err(Error::param("epsilon", format!("must lie in (0, 1), got {}", self.epsilon)));
        }
        if !(self.delta > 0.0 && self.delta < 1.0) {
            return Err(Error::param("delta", format!("must lie in (0, 1), got {}", self.delta)));
        }
        Ok(self)
    }
}

/// Sampled betweenness with its error bound.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ApproxBetweenness {
    /// Estimated betweenness per node, on the scale of [`betweenness`] with the same
    /// `normalized` option.
    pub values: Vec<f64>,
    /// Shortest paths sampled.
    pub samples: usize,
    /// Upper bound of the vertex diameter used for the sample size.
    pub vertex_diameter_bound: usize,
    /// With probability at least `1 - delta`, every `|values[v] - exact[v]| <= bound`.
    pub bound: f64,
    /// The `epsilon` asked for (the bound on the n (n - 1) scale).
    pub epsilon: f64,
    /// The `delta` asked for.
    pub delta: f64,
}

/// Approximate betweenness by sampling shortest paths (Riondato & Kornaropoulos 2016), for
/// networks too large for the exact O(n m) computation.
///
/// Draws `r = ceil(0.5 / epsilon^2 (floor(log2(VD - 2)) + 1 + ln(1 / delta)))` node pairs
/// uniformly, one uniformly random shortest path between each, and credits `1 / r` to the
/// path's inner nodes. `VD` bounds the vertex diameter (nodes on a longest shortest path):
/// `2 ecc(root) + 1` per component with hops, the component size with weights. With
/// probability at least `1 - delta`, every estimate is within `epsilon` of
/// `b(v) / (n (n - 1))` (ordered pairs), i.e. within `epsilon n / (n - 2)` of the
/// normalised value of [`betweenness`] ([`ApproxBetweenness::bound`] states it in the units of
/// the values).
///
/// Complexity: O(r m) time in the worst case (each search stops at its target), O(n + m)
/// memory. Deterministic for a seed.
///
/// Source: M. Riondato & E. M. Kornaropoulos (2016), Data Min. Knowl. Disc. 30, 438, Thm 1
/// (constant c = 0.5 as in the paper).
///
/// ```
/// use clusterpolicy::network::{approximate_betweenness, betweenness, ApproxBetweennessParams, Network};
/// let edges: Vec<(String, String, f64)> =
///     (0..30).map(|i| (i.to_string(), ((i * 7 + 3) % 30).to_string(), 1.0)).collect();
/// let net = Network::from_edges(&edges)?;
/// let exact = betweenness(&net, &Default::default())?;
/// let approx = approximate_betweenness(&net, &ApproxBetweennessParams { epsilon: 0.05, ..Default::default() })?;
/// assert!(exact.iter().zip(&approx.values).all(|(e, a)| (e - a).abs() <= approx.bound));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] from [`ApproxBetweennessParams::check`].
pub fn approximate_betweenness(net: &Network, params: &ApproxBetweennessParams) -> Result<ApproxBetweenness> {
    params.check()?;
    let n = net.node_count();
    let nf = n as f64;
    let lengths = lengths(net, params.distance);
    let off = arc_offsets(net);
    // Vertex-diameter bound.
    let comps = super::structure::components(net);
    let mut vd = 1usize;
    let mut st = Sssp::new(n);
    for c in &comps {
        let bound = match lengths {
            Lengths::Hops => {
                st.bfs(net, c[0]);
                let ecc = st.order.iter().map(|&v| st.dist[v as usize]).max().unwrap_or(0) as usize;
                st.reset();
                (2 * ecc + 1).min(c.len())
            }
            _ => c.len(),
        };
        vd = vd.max(bound);
    }
    let log_term = if vd > 2 { ((vd - 2) as f64).log2().floor() } else { 0.0 };
    let r = (0.5 / (params.epsilon * params.epsilon) * (log_term + 1.0 + (1.0 / params.delta).ln())).ceil() as usize;
    let mut est = vec![0.0; n];
    let mut rng = ChaCha8Rng::seed_from_u64(params.seed);
    if n >= 3 {
        let inc = 1.0 / r as f64;
        for _ in 0..r {
            let s = rng.random_range(0..n);
            let mut t = rng.random_range(0..n - 1);
            if t >= s {
                t += 1;
            }
            st.search(net, &off, &lengths, s);
            let reached = match lengths {
                Lengths::Hops | Lengths::Small(..) | Lengths::Real(_) => st.dist[t] != UNSEEN,
            };
            if reached {
                // Walk back from t choosing each predecessor with probability sigma_v / sigma_w.
                let mut w = t;
                while w != s {
                    let x = rng.random::<f64>() * st.sigma[w];
                    let mut acc = 0.0;
                    let mut chosen = usize::MAX;
                    let mut last = usize::MAX;
                    let base = off[w];
                    for (k, &v) in net.neighbors(w).iter().enumerate() {
                        let v = v as usize;
                        if st.is_pred(&lengths, v, w, base + k) {
                            acc += st.sigma[v];
                            last = v;
                            if x < acc {
                                chosen = v;
                                break;
                            }
                        }
                    }
                    if chosen == usize::MAX {
                        chosen = last; // rounding at the top end
                    }
                    if chosen == usize::MAX {
                        break;
                    }
                    if chosen != s {
                        est[chosen] += inc;
                    }
                    w = chosen;
                }
            }
            st.reset();
        }
    }
    // est estimates b(v) / (n (n - 1)) over ordered pairs.
    let (scale, bound) = if params.normalized {
        if n > 2 { (nf / (nf - 2.0), params.epsilon * nf / (nf - 2.0)) } else { (0.0, 0.0) }
    } else {
        (nf * (nf - 1.0) / 2.0, params.epsilon * nf * (nf - 1.0) / 2.0)
    };
    Ok(ApproxBetweenness {
        values: est.iter().map(|x| x * scale).collect(),
        samples: r,
        vertex_diameter_bound: vd,
        bound,
        epsilon: params.epsilon,
        delta: params.delta,
    })
}
