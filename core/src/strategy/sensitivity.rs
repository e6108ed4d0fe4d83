//! Sensitivity of a multi-criteria ranking to its weights: exact one-at-a-time breakpoints,
//! and SMAA-2 rank acceptability indices and central weights.

use ndarray::{ArrayView1, ArrayView2};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Gamma};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::mcda::{CriterionType, McdaMethod, Normalisation, check_matrix, check_problem, check_weights, normalise};
use crate::error::{Error, Result};
use crate::progress::{Counter, Progress, Silent};
use crate::sort::{SortScratch, sort_keyed};

/// Parameters of [`weight_breakpoints`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct BreakpointParams {
    /// The scoring model: `weighted_sum` (default) or `weighted_product` (whose logarithm is
    /// linear in the weights, so its breakpoints are exact too).
    pub method: McdaMethod,
    /// Normalisation of the criteria (default `linear`, as [`weighted_sum`](super::weighted_sum)).
    pub normalisation: Normalisation,
}

impl Default for BreakpointParams {
    fn default() -> Self {
        Self { method: McdaMethod::WeightedSum, normalisation: Normalisation::Linear }
    }
}

/// A weight interval of one criterion in which one option is best.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Segment {
    /// Lower end of the weight interval.
    pub from: f64,
    /// Upper end of the weight interval.
    pub to: f64,
    /// The best option (index) in the interval (the one of higher slope, then lower index,
    /// at a tie).
    pub top: usize,
}

/// The breakpoints of one criterion's weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CriterionBreakpoints {
    /// Criterion index.
    pub criterion: usize,
    /// Its current (normalised) weight.
    pub weight: f64,
    /// The best option over the whole range 0-1 of this weight, interval by interval.
    pub segments: Vec<Segment>,
    /// Weight below the current one at which the best option changes, if any.
    pub lower: Option<f64>,
    /// Weight above the current one at which the best option changes, if any.
    pub upper: Option<f64>,
    /// Smallest change of this weight (up or down) that changes the best option, if any.
    pub min_change: Option<f64>,
}

/// Result of [`weight_breakpoints`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WeightSensitivity {
    /// The best option at the given weights.
    pub top: usize,
    /// One entry per criterion.
    pub criteria: Vec<CriterionBreakpoints>,
    /// The criterion whose weight needs the smallest change to change the best option.
    pub most_sensitive: Option<usize>,
}

/// Exact one-at-a-time weight sensitivity: for each criterion, where does the best option
/// change when its weight moves from 0 to 1 and the other weights keep their proportions?
///
/// Formula: with normalised weights `w` and normalised values `r`, setting criterion `j`'s
/// weight to `t` and the others to `w_k (1 - t) / (1 - w_j)` makes each option's weighted
/// sum a line in `t`: `V_i(t) = c_i + t (r_ij - c_i)`, `c_i = sum_{k != j} w_k r_ik / (1 -
/// w_j)` (an equal split of the others when `w_j = 1`). The breakpoints are the corners of the
/// upper envelope of these lines on \[0, 1\], found exactly by walking from line to line.
/// For the weighted product the same holds for `ln V_i`.
///
/// Returns the best option, per criterion its intervals and the nearest breakpoints below
/// and above the current weight, and the most sensitive criterion.
///
/// # Errors
/// As [`weighted_sum`](super::weighted_sum); [`Error::InvalidParameter`] (`method`) for a
/// method other than `weighted_sum` / `weighted_product`, and (`values`) for a weighted
/// product with a normalised value <= 0.
///
/// Complexity: O(m n s) for `s` segments per criterion (at most n).
///
/// Source: the one-at-a-time analysis of Triantaphyllou & Sánchez (1997) Decision Sciences
/// 28(1), with proportional rescaling of the other weights (as in Expert Choice's
/// performance sensitivity).
///
/// ```
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::strategy::{BreakpointParams, CriterionType::*, Normalisation, weight_breakpoints};
/// let x = array![[1.0, 0.0], [0.0, 1.0], [0.6, 0.6]];
/// let p = BreakpointParams { normalisation: Normalisation::None, ..BreakpointParams::default() };
/// let s = weight_breakpoints(x.view(), array![0.5, 0.5].view(), &[Benefit, Benefit], &p)?;
/// assert_eq!(s.top, 2);
/// let c0 = &s.criteria[0];
/// assert!((c0.lower.unwrap() - 0.4).abs() < 1e-12 && (c0.upper.unwrap() - 0.6).abs() < 1e-12);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn weight_breakpoints(
    values: ArrayView2<'_, f64>,
    weights: ArrayView1<'_, f64>,
    types: &[CriterionType],
    params: &BreakpointParams,
) -> Result<WeightSensitivity> {
    let w = check_problem(values, weights, types)?;
    let product = match params.method {
        McdaMethod::WeightedSum => false,
        McdaMethod::WeightedProduct => true,
        other => {
            return Err(Error::param(
                "method",
                format!("{other:?} is not linear in the weights; use weighted_sum or weighted_product"),
            ));
        }
    };
    let mut r = normalise(values, types, params.normalisation)?;
    if product {
        if let Some(((i, j), v)) = r.indexed_iter().find(|(_, v)| **v <= 0.0) {
            return Err(Error::param(
                "values",
                format!(
                    "normalised value {v} of option {i}, criterion {j} is not positive; the weighted product needs values > 0"
                ),
            ));
        }
        r.mapv_inplace(f64::ln);
    }
    let (n, m) = r.dim();
    let scores: Vec<f64> = (0..n).map(|i| (0..m).map(|j| w[j] * r[[i, j]]).sum()).collect();
    let top = (0..n).fold(0, |b, i| if scores[i] > scores[b] { i } else { b });
    let mut criteria = Vec::with_capacity(m);
    for j in 0..m {
        let rest = 1.0 - w[j];
        let lines: Vec<(f64, f64)> = (0..n)
            .map(|i| {
                let c = if m == 1 {
                    r[[i, j]]
                } else if rest > 0.0 {
                    (0..m).filter(|&k| k != j).map(|k| w[k] * r[[i, k]]).sum::<f64>() / rest
                } else {
                    (0..m).filter(|&k| k != j).map(|k| r[[i, k]]).sum::<f64>() / (m as f64 - 1.0)
                };
                (c, r[[i, j]] - c)
            })
            .collect();
        let segments = envelope(&lines);
        let t = w[j];
        let here = segments.iter().position(|s| s.from <= t && t < s.to).unwrap_or(segments.len() - 1);
        let lower = (here > 0).then(|| segments[here].from);
        let upper = (here + 1 < segments.len()).then(|| segments[here].to);
        let min_change = match (lower, upper) {
            (Some(l), Some(u)) => Some((t - l).min(u - t)),
            (Some(l), None) => Some(t - l),
            (None, Some(u)) => Some(u - t),
            (None, None) => None,
        };
        criteria.push(CriterionBreakpoints { criterion: j, weight: t, segments, lower, upper, min_change });
    }
    let most_sensitive = criteria
        .iter()
        .filter_map(|c| c.min_change.map(|d| (c.criterion, d)))
        .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(j, _)| j);
    Ok(WeightSensitivity { top, criteria, most_sensitive })
}

/// Upper envelope of lines `a + b t` on \[0, 1\], as segments with the best line.
fn envelope(lines: &[(f64, f64)]) -> Vec<Segment> {
    let better = |x: usize, y: usize| {
        // at t = 0: higher intercept, then higher slope, then lower index
        let (ax, bx) = lines[x];
        let (ay, by) = lines[y];
        ax > ay || (ax == ay && (bx > by || (bx == by && x < y)))
    };
    let mut cur = 0;
    for i in 1..lines.len() {
        if better(i, cur) {
            cur = i;
        }
    }
    let mut t = 0.0;
    let mut out = Vec::new();
    loop {
        let (ac, bc) = lines[cur];
        let mut next: Option<(usize, f64)> = None;
        for (k, &(ak, bk)) in lines.iter().enumerate() {
            if k == cur || bk <= bc {
                continue;
            }
            let tk = ((ac - ak) / (bk - bc)).max(t);
            let take = match next {
                None => true,
                Some((nk, nt)) => tk < nt || (tk == nt && (bk > lines[nk].1 || (bk == lines[nk].1 && k < nk))),
            };
            if take {
                next = Some((k, tk));
            }
        }
        match next {
            Some((k, tk)) if tk < 1.0 => {
                if tk > t {
                    out.push(Segment { from: t, to: tk, top: cur });
                }
                t = tk;
                cur = k;
            }
            _ => {
                out.push(Segment { from: t, to: 1.0, top: cur });
                break;
            }
        }
    }
    out
}

/// How SMAA draws weight vectors.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WeightSampling {
    /// Uniformly on the weight simplex (no preference information): normalised standard
    /// exponentials, i.e. Dirichlet(1, ..., 1).
    #[default]
    Uniform,
    /// Around the given `weights`: Dirichlet(`concentration` x w), whose mean is `w`.
    Around,
}

/// How SMAA computes the indices.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SmaaMethod {
    /// Seeded Monte Carlo sampling of `samples` weight vectors.
    #[default]
    MonteCarlo,
    /// Exact integration over the weight simplex; available for two criteria with uniform
    /// weights, where the simplex is the segment `(t, 1 - t)`.
    Exact,
}

/// Parameters of [`smaa`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct SmaaParams {
    /// Number of weight samples, 1-100 000 000 (default 10 000).
    pub samples: usize,
    /// Seed of the random number generator (`ChaCha8`; default 0).
    pub seed: u64,
    /// How weights are drawn (default `uniform`).
    pub sampling: WeightSampling,
    /// The weights to sample around (with `sampling = "around"`), one per criterion.
    pub weights: Vec<f64>,
    /// Dirichlet concentration around the weights, > 0 (default 100: each weight's standard
    /// deviation is about sqrt(w (1 - w) / 101)).
    pub concentration: f64,
    /// Normalisation of the criteria before the additive value function (default `min_max`,
    /// linear partial values; `none` for values already on a value scale).
    pub normalisation: Normalisation,
    /// Monte Carlo (default) or exact.
    pub method: SmaaMethod,
    /// Meta-weights `alpha_k` of the holistic acceptability, one per rank; empty for the
    /// linear `alpha_k = (n - k) / (n - 1)` (1 for rank 1, 0 for the last).
    pub meta_weights: Vec<f64>,
}

impl Default for SmaaParams {
    fn default() -> Self {
        Self {
            samples: 10_000,
            seed: 0,
            sampling: WeightSampling::Uniform,
            weights: Vec::new(),
            concentration: 100.0,
            normalisation: Normalisation::MinMax,
            method: SmaaMethod::MonteCarlo,
            meta_weights: Vec::new(),
        }
    }
}

impl SmaaParams {
    /// Checks the parameters for a problem of `n` options and `m` criteria.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the field.
    pub fn check(&self, n: usize, m: usize) -> Result<&Self> {
        if !(1..=100_000_000).contains(&self.samples) {
            return Err(Error::param("samples", format!("{} is outside 1..=100000000", self.samples)));
        }
        if !(self.concentration.is_finite() && self.concentration > 0.0) {
            return Err(Error::param("concentration", format!("{} must be finite and > 0", self.concentration)));
        }
        if self.sampling == WeightSampling::Around {
            check_weights(ArrayView1::from(&self.weights[..]), m)?;
        }
        if self.method == SmaaMethod::Exact && (m != 2 || self.sampling != WeightSampling::Uniform) {
            return Err(Error::param(
                "method",
                "exact SMAA is available for two criteria with uniform weights; use monte_carlo",
            ));
        }
        if !self.meta_weights.is_empty() && self.meta_weights.len() != n {
            return Err(Error::ShapeMismatch {
                what: "meta_weights".into(),
                expected: format!("{n} (one per rank)"),
                found: self.meta_weights.len().to_string(),
            });
        }
        if let Some(a) = self.meta_weights.iter().find(|a| !a.is_finite()) {
            return Err(Error::param("meta_weights", format!("{a} is not finite")));
        }
        Ok(self)
    }
}

/// Result of [`smaa`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SmaaResult {
    /// `rank_acceptability[i][k]`: share of the weight space in which option `i` has rank
    /// `k + 1`. Each row and each column adds up to 1 (tied options share their ranks evenly).
    pub rank_acceptability: Vec<Vec<f64>>,
    /// Central weight vector of each option (mean weights that make it best), `None` for an
    /// option that is never best.
    pub central_weights: Vec<Option<Vec<f64>>>,
    /// Confidence factor of each option: share of ranks 1 it gets at its own central
    /// weights (1 or 0 with exact criteria values; shared at ties), `None` without central
    /// weights.
    pub confidence: Vec<Option<f64>>,
    /// Holistic acceptability `sum_k alpha_k b_i^k`.
    pub holistic: Vec<f64>,
    /// Samples drawn (0 for the exact method).
    pub samples: usize,
    /// Largest standard error of a Monte Carlo acceptability, `0.5 / sqrt(samples)` (0 for
    /// the exact method).
    pub max_standard_error: f64,
}

/// Order-preserving map of an `f64` to a `u64` (larger value, larger key).
fn order_key(x: f64) -> u64 {
    let b = x.to_bits();
    if b >> 63 == 1 { !b } else { b | (1 << 63) }
}

/// Accumulates one ranking: `keys` holds (descending-score key, option) sorted ascending.
struct Accumulator {
    n: usize,
    m: usize,
    acc: Vec<f64>,
    central: Vec<f64>,
    first: Vec<f64>,
}

impl Accumulator {
    fn new(n: usize, m: usize) -> Self {
        Self { n, m, acc: vec![0.0; n * n], central: vec![0.0; n * m], first: vec![0.0; n] }
    }

    /// Adds another accumulator's counts.
    fn merge(&mut self, other: &Accumulator) {
        for (a, b) in self.acc.iter_mut().zip(&other.acc) {
            *a += b;
        }
        for (a, b) in self.central.iter_mut().zip(&other.central) {
            *a += b;
        }
        for (a, b) in self.first.iter_mut().zip(&other.first) {
            *a += b;
        }
    }

    /// Adds the ranking given by `sorted` (best first, with its keys) with the mass `mass`.
    fn add(&mut self, sorted: &[(u64, u32)], w: &[f64], mass: f64) {
        let n = self.n;
        let mut start = 0;
        while start < n {
            let mut end = start + 1;
            while end < n && sorted[end].0 == sorted[start].0 {
                end += 1;
            }
            if end == start + 1 {
                let i = sorted[start].1 as usize;
                self.acc[i * n + start] += mass;
                if start == 0 {
                    self.first[i] += mass;
                    for (c, wj) in self.central[i * self.m..(i + 1) * self.m].iter_mut().zip(w) {
                        *c += mass * wj;
                    }
                }
            } else {
                let share = mass / (end - start) as f64;
                for &(_, i) in &sorted[start..end] {
                    let i = i as usize;
                    for k in start..end {
                        self.acc[i * n + k] += share;
                    }
                    if start == 0 {
                        self.first[i] += share;
                        for (c, wj) in self.central[i * self.m..(i + 1) * self.m].iter_mut().zip(w) {
                            *c += share * wj;
                        }
                    }
                }
            }
            start = end;
        }
    }
}

/// Scores `r w` of every option, sorted best first as (key, option).
fn ranking(r: &[f64], m: usize, w: &[f64], sorted: &mut Vec<(u64, u32)>, scratch: &mut SortScratch<(u64, u32)>) {
    sorted.clear();
    for (i, row) in r.chunks_exact(m).enumerate() {
        let mut u = 0.0;
        for (x, wj) in row.iter().zip(w) {
            u += x * wj;
        }
        // ascending key order = descending score
        sorted.push((!order_key(u), i as u32));
    }
    sort_keyed(sorted, scratch);
}

/// Largest memory of the per-part acceptability counts (64 MiB) and largest number of parts.
const MAX_PART_BYTES: usize = 64 << 20;
const MAX_PARTS: usize = 8;
/// Samples ranked before their ranks are counted (bounds the rank buffer).
const BLOCK: usize = 2048;

/// One part of the Monte Carlo: `samples` weight draws from `rng`, ranked and counted.
///
/// Ranks of a block of samples are stored option-major and counted option by option, so the
/// `n x n` counts are touched row by row (cache-friendly); samples with tied values take the
/// shared-rank path of [`Accumulator::add`].
fn monte_carlo_part(
    r: &[f64],
    n: usize,
    m: usize,
    samples: usize,
    rng: &mut ChaCha8Rng,
    gammas: Option<&[Option<Gamma<f64>>]>,
    counter: &Counter<'_>,
) -> Accumulator {
    let mut acc = Accumulator::new(n, m);
    let mut sorted = Vec::with_capacity(n);
    let mut scratch = SortScratch::default();
    let mut w = vec![0.0; m];
    let mut ranks = vec![u32::MAX; n * BLOCK.min(samples.max(1))];
    let mut done = 0;
    while done < samples {
        let b = BLOCK.min(samples - done);
        for s in 0..b {
            loop {
                let mut sum = 0.0;
                for (j, wj) in w.iter_mut().enumerate() {
                    *wj = match gammas {
                        None => -(1.0 - rng.random::<f64>()).ln(),
                        Some(g) => g[j].as_ref().map_or(0.0, |g| g.sample(rng)),
                    };
                    sum += *wj;
                }
                if sum > 0.0 && sum.is_finite() {
                    for wj in &mut w {
                        *wj /= sum;
                    }
                    break;
                }
            }
            ranking(r, m, &w, &mut sorted, &mut scratch);
            if sorted.windows(2).any(|p| p[0].0 == p[1].0) {
                for &(_, i) in &sorted {
                    ranks[i as usize * b + s] = u32::MAX;
                }
                acc.add(&sorted, &w, 1.0);
            } else {
                for (pos, &(_, i)) in sorted.iter().enumerate() {
                    ranks[i as usize * b + s] = pos as u32;
                }
                let top = sorted[0].1 as usize;
                acc.first[top] += 1.0;
                for (c, wj) in acc.central[top * m..(top + 1) * m].iter_mut().zip(&w) {
                    *c += wj;
                }
            }
        }
        for i in 0..n {
            let row = &mut acc.acc[i * n..(i + 1) * n];
            for &k in &ranks[i * b..(i + 1) * b] {
                if k != u32::MAX {
                    row[k as usize] += 1.0;
                }
            }
        }
        done += b;
        counter.add(b);
    }
    acc
}

/// SMAA-2: rank acceptability indices, central weights, confidence factors and holistic
/// acceptability of options under weight uncertainty.
///
/// Formula: additive value `u(i, w) = sum_j w_j r_ij` on the [`normalise`]d values `r`;
/// `b_i^k = P(rank(i, w) = k)` for `w` drawn as [`WeightSampling`] says; central weight `w_i^c =
/// E[w | rank(i, w) = 1]`; confidence factor `p_i^c = P(rank(i, w_i^c) = 1)`; holistic
/// acceptability `a_i = sum_k alpha_k b_i^k`. Monte Carlo draws `samples` weight vectors from
/// `ChaCha8` seeded with `seed`, in a fixed number of parts (at most 8, set by the problem size)
/// with one stream each, run on threads with the `parallel` feature (the same result on every
/// platform, call and thread count); options with
/// equal values share their ranks evenly, so each rank's acceptabilities add up to 1. The
/// exact method (two criteria, uniform weights) integrates over `w = (t, 1 - t)` between the
/// crossing points of the value lines.
///
/// # Errors
/// As [`normalise`]; [`Error::InvalidParameter`] or [`Error::ShapeMismatch`] for bad
/// `params` (see [`SmaaParams::check`]).
///
/// Complexity: Monte Carlo O(samples n (m + log n)); exact O(n^3 log n).
///
/// Source: Lahdelma & Salminen (2001) Operations Research 49(3):444-454; Tervonen &
/// Figueira (2008) J. Multi-Crit. Decis. Anal. 15:1-14 (uniform simplex sampling).
///
/// ```
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::strategy::{CriterionType::*, Normalisation, SmaaMethod, SmaaParams, smaa};
/// let x = array![[1.0, 0.0], [0.0, 1.0], [0.6, 0.6]];
/// let p = SmaaParams { normalisation: Normalisation::None, method: SmaaMethod::Exact, ..SmaaParams::default() };
/// let r = smaa(x.view(), &[Benefit, Benefit], &p)?;
/// assert!((r.rank_acceptability[2][0] - 0.2).abs() < 1e-12);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn smaa(values: ArrayView2<'_, f64>, types: &[CriterionType], params: &SmaaParams) -> Result<SmaaResult> {
    smaa_with_progress(values, types, params, &Silent)
}

/// [`smaa`] reporting its progress in samples drawn (Monte Carlo, in blocks of 2048 samples)
/// or in pieces of the weight line (exact); see [`crate::progress`]. The result is the same
/// as [`smaa`]'s.
///
/// # Errors
/// As [`smaa`].
///
/// Complexity: as [`smaa`], plus one report per block.
pub fn smaa_with_progress(
    values: ArrayView2<'_, f64>,
    types: &[CriterionType],
    params: &SmaaParams,
    progress: &dyn Progress,
) -> Result<SmaaResult> {
    check_matrix(values, types)?;
    let (n, m) = values.dim();
    params.check(n, m)?;
    let r2 = normalise(values, types, params.normalisation)?;
    let r: Vec<f64> = r2.iter().copied().collect();
    let mut acc = Accumulator::new(n, m);
    let mut sorted = Vec::with_capacity(n);
    let mut scratch = SortScratch::default();
    let samples = match params.method {
        SmaaMethod::MonteCarlo => {
            let around = (params.sampling == WeightSampling::Around)
                .then(|| check_weights(ArrayView1::from(&params.weights[..]), m))
                .transpose()?;
            let gammas: Option<Vec<Option<Gamma<f64>>>> = around.as_ref().map(|w0| {
                w0.iter()
                    .map(|&wj| (wj > 0.0).then(|| Gamma::new(params.concentration * wj, 1.0).ok()).flatten())
                    .collect()
            });
            // A fixed number of parts (by problem size, never by thread count), each with its
            // own ChaCha8 stream of the seed: the same result with or without threads.
            let parts = (MAX_PART_BYTES / (n * n * 8).max(1)).clamp(1, MAX_PARTS).min(params.samples);
            let ranges: Vec<(u64, usize, usize)> =
                (0..parts).map(|p| (p as u64, params.samples * p / parts, params.samples * (p + 1) / parts)).collect();
            let counter = Counter::new(progress, params.samples);
            let run = |&(stream, from, to): &(u64, usize, usize)| -> Accumulator {
                let mut rng = ChaCha8Rng::seed_from_u64(params.seed);
                rng.set_stream(stream);
                monte_carlo_part(&r, n, m, to - from, &mut rng, gammas.as_deref(), &counter)
            };
            #[cfg(feature = "parallel")]
            let results: Vec<Accumulator> = {
                use rayon::prelude::*;
                ranges.par_iter().map(run).collect()
            };
            #[cfg(not(feature = "parallel"))]
            let results: Vec<Accumulator> = ranges.iter().map(run).collect();
            for part in results {
                acc.merge(&part);
            }
            params.samples
        }
        SmaaMethod::Exact => {
            // value lines u_i(t) = r_i1 t + r_i2 (1 - t); crossings split [0, 1] into pieces of
            // constant ranking, evaluated at their midpoints (the central weight integrand is
            // linear in t, so the midpoint gives its exact mean).
            let mut cuts = vec![0.0, 1.0];
            for a in 0..n {
                for b in a + 1..n {
                    let (sa, sb) = (r[a * 2] - r[a * 2 + 1], r[b * 2] - r[b * 2 + 1]);
                    if sa != sb {
                        let t = (r[b * 2 + 1] - r[a * 2 + 1]) / (sa - sb);
                        if t > 0.0 && t < 1.0 {
                            cuts.push(t);
                        }
                    }
                }
            }
            cuts.sort_by(f64::total_cmp);
            cuts.dedup();
            let counter = Counter::new(progress, cuts.len() - 1);
            for win in cuts.windows(2) {
                let (lo, hi) = (win[0], win[1]);
                let mid = 0.5 * (lo + hi);
                let w = [mid, 1.0 - mid];
                ranking(&r, m, &w, &mut sorted, &mut scratch);
                acc.add(&sorted, &w, hi - lo);
                counter.add(1);
            }
            0
        }
    };
    // Monte Carlo counts are divided once at the end (exact sums of integers and shares).
    let total = if samples > 0 { samples as f64 } else { 1.0 };
    let rank_acceptability: Vec<Vec<f64>> =
        acc.acc.chunks_exact(n).map(|row| row.iter().map(|c| c / total).collect()).collect();
    let central_weights: Vec<Option<Vec<f64>>> = (0..n)
        .map(|i| {
            (acc.first[i] > 0.0).then(|| acc.central[i * m..(i + 1) * m].iter().map(|c| c / acc.first[i]).collect())
        })
        .collect();
    let confidence = central_weights
        .iter()
        .enumerate()
        .map(|(i, cw)| {
            cw.as_ref().map(|w| {
                ranking(&r, m, w, &mut sorted, &mut scratch);
                let top = sorted[0].0;
                let ties = sorted.iter().take_while(|s| s.0 == top).count();
                if sorted.iter().take(ties).any(|s| s.1 as usize == i) { 1.0 / ties as f64 } else { 0.0 }
            })
        })
        .collect();
    let alpha: Vec<f64> = if params.meta_weights.is_empty() {
        (0..n).map(|k| if n == 1 { 1.0 } else { (n - 1 - k) as f64 / (n - 1) as f64 }).collect()
    } else {
        params.meta_weights.clone()
    };
    let holistic = rank_acceptability.iter().map(|b| b.iter().zip(&alpha).map(|(b, a)| a * b).sum()).collect();
    let max_standard_error = if samples > 0 { 0.5 / (samples as f64).sqrt() } else { 0.0 };
    Ok(SmaaResult { rank_acceptability, central_weights, confidence, holistic, samples, max_standard_error })
}
