//! Multi-criteria decision analysis: normalisations, weighted sum and product, TOPSIS, VIKOR
//! and PROMETHEE II over an options x criteria matrix.
//!
//! Every method takes the decision matrix as a view (`n` options in rows, `m` criteria in
//! columns), one weight and one [`CriterionType`] per criterion, and a `XxxParams` struct.
//! Weights must be finite and non-negative with a positive sum; they are divided by their
//! sum, so scaling all weights by a positive factor changes no result.

use ndarray::{Array2, ArrayView1, ArrayView2};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Whether more or less of a criterion is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CriterionType {
    /// More is better (jobs created, exports); `1` in pymcdm's `types`.
    Benefit,
    /// Less is better (cost, risk); `-1` in pymcdm's `types`.
    Cost,
}

impl CriterionType {
    /// The type of pymcdm's code: `1` benefit, `-1` cost.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for any other number.
    ///
    /// ```
    /// use clusterpolicy::strategy::CriterionType;
    /// assert_eq!(CriterionType::from_sign(-1.0)?, CriterionType::Cost);
    /// # Ok::<(), clusterpolicy::Error>(())
    /// ```
    pub fn from_sign(code: f64) -> Result<Self> {
        if code == 1.0 {
            Ok(Self::Benefit)
        } else if code == -1.0 {
            Ok(Self::Cost)
        } else {
            Err(Error::param("types", format!("{code} is not a criterion type; use 1 (benefit) or -1 (cost)")))
        }
    }

    fn is_cost(self) -> bool {
        self == Self::Cost
    }
}

/// How a criterion column is brought to a common, "more is better" scale before weighting.
///
/// The formulas are pymcdm 1.4.0's `normalizations` (benefit / cost), which the reference
/// vectors `mcda_wsm_normalisations.json` reproduce:
///
/// | variant | benefit | cost | undefined when |
/// |---|---|---|---|
/// | `vector` | x / sqrt(sum x^2) | 1 - x / sqrt(sum x^2) | all x = 0 |
/// | `min_max` | (x - min) / (max - min) | (max - x) / (max - min) | never (a constant column gives ones) |
/// | `sum` | x / sum x | (1/x) / sum(1/x) | sum x = 0; cost: some x = 0 |
/// | `max` | x / max | 1 - x / max | max = 0 |
/// | `linear` | x / max | min / x | max = 0; cost: some x = 0 |
/// | `nonlinear` | (x / max)^2 | (min / x)^3 | as `linear` |
/// | `logarithmic` | ln x / ln(prod x) | (1 - ln x / ln(prod x)) / (n - 1) | some x <= 0, prod x = 1; cost: n = 1 |
/// | `enhanced_accuracy` | 1 - (max - x) / sum(max - x) | 1 - (x - min) / sum(x - min) | never (a constant column gives ones) |
/// | `zavadskas_turskis` | 1 - abs((max - x) / max) | 1 - abs((min - x) / min) | max = 0 (cost: min = 0) |
/// | `none` | x | -x | never |
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Normalisation {
    /// Vector (Euclidean) normalisation, as in Hwang & Yoon's TOPSIS.
    #[default]
    Vector,
    /// Linear min-max scaling to \[0, 1\].
    MinMax,
    /// Share of the column sum.
    Sum,
    /// Share of the column maximum (cost: its complement).
    Max,
    /// Hwang & Yoon's linear scale: x / max, cost min / x (classical SAW).
    Linear,
    /// Squared (benefit) or cubed (cost) linear scale.
    Nonlinear,
    /// Logarithmic normalisation.
    Logarithmic,
    /// Enhanced-accuracy normalisation (Zeng & Xiao 2016).
    EnhancedAccuracy,
    /// Zavadskas & Turskis (2008) normalisation.
    ZavadskasTurskis,
    /// The values as given (already normalised); cost columns are negated.
    None,
}

fn undefined(method: &str, j: usize, why: &str) -> Error {
    Error::param("values", format!("{method} normalisation is undefined for criterion {j}: {why}"))
}

/// Normalises one column in place into `out`.
#[allow(clippy::too_many_lines)]
fn normalise_column(x: &[f64], cost: bool, method: Normalisation, j: usize, out: &mut [f64]) -> Result<()> {
    let n = x.len();
    let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
    for &v in x {
        if v < min {
            min = v;
        }
        if v > max {
            max = v;
        }
    }
    match method {
        Normalisation::Vector => {
            let norm = x.iter().map(|v| v * v).sum::<f64>().sqrt();
            if norm == 0.0 {
                return Err(undefined("vector", j, "all values are 0"));
            }
            let inv = 1.0 / norm;
            if cost {
                for (o, v) in out.iter_mut().zip(x) {
                    *o = 1.0 - v * inv;
                }
            } else {
                for (o, v) in out.iter_mut().zip(x) {
                    *o = v * inv;
                }
            }
        }
        Normalisation::MinMax => {
            let range = max - min;
            for (o, v) in out.iter_mut().zip(x) {
                *o = if range == 0.0 {
                    1.0
                } else if cost {
                    (max - v) / range
                } else {
                    (v - min) / range
                };
            }
        }
        Normalisation::Sum => {
            if cost {
                if x.contains(&0.0) {
                    return Err(undefined("sum", j, "a cost value is 0"));
                }
                let s: f64 = x.iter().map(|v| 1.0 / v).sum();
                for (o, v) in out.iter_mut().zip(x) {
                    *o = (1.0 / v) / s;
                }
            } else {
                let s: f64 = x.iter().sum();
                if s == 0.0 {
                    return Err(undefined("sum", j, "the values add up to 0"));
                }
                for (o, v) in out.iter_mut().zip(x) {
                    *o = v / s;
                }
            }
        }
        Normalisation::Max => {
            if max == 0.0 {
                return Err(undefined("max", j, "the largest value is 0"));
            }
            for (o, v) in out.iter_mut().zip(x) {
                *o = if cost { 1.0 - v / max } else { v / max };
            }
        }
        Normalisation::Linear | Normalisation::Nonlinear => {
            let name = if method == Normalisation::Linear { "linear" } else { "nonlinear" };
            if cost && x.contains(&0.0) {
                return Err(undefined(name, j, "a cost value is 0"));
            }
            if !cost && max == 0.0 {
                return Err(undefined(name, j, "the largest value is 0"));
            }
            for (o, v) in out.iter_mut().zip(x) {
                let r = if cost { min / v } else { v / max };
                *o = match (method, cost) {
                    (Normalisation::Linear, _) => r,
                    (_, false) => r * r,
                    (_, true) => r * r * r,
                };
            }
        }
        Normalisation::Logarithmic => {
            if let Some(v) = x.iter().find(|v| **v <= 0.0) {
                return Err(undefined("logarithmic", j, &format!("value {v} is not positive")));
            }
            let lp: f64 = x.iter().map(|v| v.ln()).sum();
            if lp == 0.0 {
                return Err(undefined("logarithmic", j, "the product of the values is 1"));
            }
            if cost && n < 2 {
                return Err(undefined("logarithmic", j, "a cost criterion needs at least two options"));
            }
            for (o, v) in out.iter_mut().zip(x) {
                let r = v.ln() / lp;
                *o = if cost { (1.0 - r) / (n as f64 - 1.0) } else { r };
            }
        }
        Normalisation::EnhancedAccuracy => {
            let s: f64 = if cost { x.iter().map(|v| v - min).sum() } else { x.iter().map(|v| max - v).sum() };
            for (o, v) in out.iter_mut().zip(x) {
                *o = if s == 0.0 {
                    1.0
                } else if cost {
                    1.0 - (v - min) / s
                } else {
                    1.0 - (max - v) / s
                };
            }
        }
        Normalisation::ZavadskasTurskis => {
            let base = if cost { min } else { max };
            if base == 0.0 {
                return Err(undefined(
                    "Zavadskas-Turskis",
                    j,
                    if cost { "the smallest value is 0" } else { "the largest value is 0" },
                ));
            }
            for (o, v) in out.iter_mut().zip(x) {
                *o = 1.0 - ((base - v) / base).abs();
            }
        }
        Normalisation::None => {
            for (o, v) in out.iter_mut().zip(x) {
                *o = if cost { -v } else { *v };
            }
        }
    }
    Ok(())
}

/// Checks the shape and values of a decision matrix, its weights and types; returns the
/// weights divided by their sum.
pub(crate) fn check_problem(
    values: ArrayView2<'_, f64>,
    weights: ArrayView1<'_, f64>,
    types: &[CriterionType],
) -> Result<Vec<f64>> {
    check_matrix(values, types)?;
    check_weights(weights, values.ncols())
}

pub(crate) fn check_matrix(values: ArrayView2<'_, f64>, types: &[CriterionType]) -> Result<()> {
    let (n, m) = values.dim();
    if n == 0 {
        return Err(Error::Empty { what: "options (rows of the decision matrix)".into() });
    }
    if m == 0 {
        return Err(Error::Empty { what: "criteria (columns of the decision matrix)".into() });
    }
    if types.len() != m {
        return Err(Error::ShapeMismatch {
            what: "types".into(),
            expected: format!("{m} (one per criterion)"),
            found: types.len().to_string(),
        });
    }
    if !values.iter().all(|v| v.is_finite())
        && let Some(((i, j), _)) = values.indexed_iter().find(|(_, v)| !v.is_finite())
    {
        return Err(Error::NonFinite { what: "decision matrix".into(), at: format!("option {i}, criterion {j}") });
    }
    Ok(())
}

pub(crate) fn check_weights(weights: ArrayView1<'_, f64>, m: usize) -> Result<Vec<f64>> {
    if weights.len() != m {
        return Err(Error::ShapeMismatch {
            what: "weights".into(),
            expected: format!("{m} (one per criterion)"),
            found: weights.len().to_string(),
        });
    }
    if let Some((j, _)) = weights.iter().enumerate().find(|(_, w)| !w.is_finite()) {
        return Err(Error::NonFinite { what: "weights".into(), at: format!("criterion {j}") });
    }
    if let Some((j, w)) = weights.iter().enumerate().find(|(_, w)| **w < 0.0) {
        return Err(Error::param("weights", format!("weight {w} of criterion {j} is negative; weights must be >= 0")));
    }
    let sum: f64 = weights.sum();
    if sum <= 0.0 {
        return Err(Error::param("weights", "the weights add up to 0; give at least one positive weight"));
    }
    Ok(weights.iter().map(|w| w / sum).collect())
}

/// Normalises every column of a decision matrix.
///
/// Formula: per column, the [`Normalisation`] table (pymcdm's convention: cost criteria are
/// turned so that more is better).
///
/// Arguments: `values` (`n x m`), `types` (one per column), `method`.
///
/// Returns the `n x m` normalised matrix.
///
/// # Errors
/// [`Error::Empty`], [`Error::ShapeMismatch`] (types), [`Error::NonFinite`], and
/// [`Error::InvalidParameter`] (`values`) naming the criterion where the normalisation is
/// undefined (e.g. a vector normalisation of an all-zero column).
///
/// Complexity: O(n m).
///
/// Source: pymcdm 1.4.0 `pymcdm.normalizations`.
///
/// ```
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::strategy::{CriterionType::*, Normalisation, normalise};
/// let x = array![[1.0, 1.0], [2.0, 2.0], [5.0, 5.0]];
/// let r = normalise(x.view(), &[Benefit, Cost], Normalisation::MinMax)?;
/// assert_eq!(r.column(0).to_vec(), vec![0.0, 0.25, 1.0]);
/// assert_eq!(r.column(1).to_vec(), vec![1.0, 0.75, 0.0]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn normalise(values: ArrayView2<'_, f64>, types: &[CriterionType], method: Normalisation) -> Result<Array2<f64>> {
    check_matrix(values, types)?;
    let (n, m) = values.dim();
    // Work on contiguous columns: the transposed matrix in standard layout.
    let cols = values.t().as_standard_layout().into_owned();
    let mut out_t = Array2::zeros((m, n));
    for (j, ty) in types.iter().enumerate() {
        let (Some(x), Some(o)) = (cols.row(j).to_slice(), out_t.row_mut(j).into_slice()) else {
            unreachable!("standard layout rows are contiguous")
        };
        normalise_column(x, ty.is_cost(), method, j, o)?;
    }
    Ok(out_t.t().as_standard_layout().into_owned())
}

/// Ranks scores: 1 = best; exactly equal scores share the smallest rank.
///
/// Formula: `rank_i = 1 + #{k : s_k better than s_i}`, where better is larger when
/// `higher_is_better`, else smaller.
///
/// Complexity: O(n log n).
///
/// Source: `scipy.stats.rankdata(method="min")` on the negated (or plain) scores.
///
/// ```
/// use clusterpolicy::strategy::rank;
/// assert_eq!(rank(&[0.5, 0.617, 0.5], true), vec![2, 1, 2]);
/// assert_eq!(rank(&[1.0, 0.0, 1.0], false), vec![2, 1, 2]);
/// ```
#[must_use]
pub fn rank(scores: &[f64], higher_is_better: bool) -> Vec<usize> {
    // Sort (order-preserving integer key, index) pairs: integer comparisons, no closure.
    let key = |x: f64| {
        let b = x.to_bits();
        let k = if b >> 63 == 1 { !b } else { b | (1 << 63) };
        if higher_is_better { !k } else { k }
    };
    let mut order: Vec<(u64, u32)> = scores.iter().enumerate().map(|(i, &x)| (key(x), i as u32)).collect();
    order.sort_unstable();
    let mut ranks = vec![0; scores.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && scores[order[end].1 as usize] == scores[order[start].1 as usize] {
            end += 1;
        }
        for &(_, i) in &order[start..end] {
            ranks[i as usize] = start + 1;
        }
        start = end;
    }
    ranks
}

/// Parameters of [`weighted_sum`] and [`weighted_product`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct WeightedParams {
    /// Normalisation of the criteria (default `linear`: x / max, cost min / x, Hwang &
    /// Yoon's SAW; pymcdm's `WSM()` default is `sum`).
    pub normalisation: Normalisation,
}

impl Default for WeightedParams {
    fn default() -> Self {
        Self { normalisation: Normalisation::Linear }
    }
}

/// Scores and ranks of a scoring method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ScoreResult {
    /// Score of each option (higher is better).
    pub scores: Vec<f64>,
    /// Rank of each option (1 = best, ties share the smallest rank).
    pub rank: Vec<usize>,
}

/// Weighted sum model (simple additive weighting).
///
/// Formula: `V_i = sum_j w_j r_ij` with `r` the [`normalise`]d matrix and `w` the weights
/// divided by their sum.
///
/// Returns the scores and ranks (higher is better).
///
/// # Errors
/// As [`normalise`], plus [`Error::ShapeMismatch`], [`Error::NonFinite`] and
/// [`Error::InvalidParameter`] for the weights (negative, or all 0).
///
/// Complexity: O(n m + n log n).
///
/// Source: Hwang & Yoon (1981) SAW; pymcdm 1.4.0 `WSM(normalization)`; pyDecision 5.1.8
/// `saw_method` (linear normalisation).
///
/// ```
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::strategy::{CriterionType::*, WeightedParams, weighted_sum};
/// let x = array![[2.0, 5.5], [2.5, 6.5], [1.8, 4.5]];
/// let r = weighted_sum(x.view(), array![0.5, 0.5].view(), &[Benefit, Cost], &WeightedParams::default())?;
/// assert_eq!(r.rank, vec![3, 2, 1]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn weighted_sum(
    values: ArrayView2<'_, f64>,
    weights: ArrayView1<'_, f64>,
    types: &[CriterionType],
    params: &WeightedParams,
) -> Result<ScoreResult> {
    let w = check_problem(values, weights, types)?;
    let r = normalise(values, types, params.normalisation)?;
    let scores: Vec<f64> = r.rows().into_iter().map(|row| row.iter().zip(&w).map(|(x, w)| x * w).sum()).collect();
    let rank = rank(&scores, true);
    Ok(ScoreResult { scores, rank })
}

/// Weighted product model.
///
/// Formula: `V_i = prod_j r_ij ^ w_j` with `r` the [`normalise`]d matrix and `w` the weights
/// divided by their sum (a normalised value of 0 gives a score of 0 when its weight is
/// positive).
///
/// Returns the scores and ranks (higher is better).
///
/// # Errors
/// As [`weighted_sum`]; [`Error::InvalidParameter`] (`values`) when a normalised value is
/// negative (possible with `none` or `zavadskas_turskis`), where a real power is undefined.
///
/// Complexity: O(n m + n log n).
///
/// Source: Bridgman (1922), Miller & Starr (1969); pymcdm 1.4.0 `WPM(normalization)`.
///
/// ```
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::strategy::{CriterionType::*, Normalisation, WeightedParams, weighted_product};
/// let x = array![[2.0, 5.5], [2.5, 6.5], [1.8, 4.5]];
/// let p = WeightedParams { normalisation: Normalisation::Sum };
/// let r = weighted_product(x.view(), array![0.5, 0.5].view(), &[Benefit, Cost], &p)?;
/// assert_eq!(r.rank[2], 1);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn weighted_product(
    values: ArrayView2<'_, f64>,
    weights: ArrayView1<'_, f64>,
    types: &[CriterionType],
    params: &WeightedParams,
) -> Result<ScoreResult> {
    let w = check_problem(values, weights, types)?;
    let r = normalise(values, types, params.normalisation)?;
    if let Some(((i, j), v)) = r.indexed_iter().find(|(_, v)| **v < 0.0) {
        return Err(Error::param(
            "values",
            format!(
                "normalised value {v} of option {i}, criterion {j} is negative; the weighted product needs values >= 0"
            ),
        ));
    }
    let scores: Vec<f64> = r
        .rows()
        .into_iter()
        .map(|row| row.iter().zip(&w).map(|(x, w)| if *w == 0.0 { 1.0 } else { x.powf(*w) }).product())
        .collect();
    let rank = rank(&scores, true);
    Ok(ScoreResult { scores, rank })
}

/// Parameters of [`topsis`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct TopsisParams {
    /// Normalisation (default `vector`, as in Hwang & Yoon 1981; pymcdm's `TOPSIS()`
    /// default is `min_max`).
    pub normalisation: Normalisation,
}

/// Result of [`topsis`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TopsisResult {
    /// Relative closeness to the ideal solution, 0-1 (higher is better).
    pub closeness: Vec<f64>,
    /// Euclidean distance to the positive ideal solution.
    pub d_plus: Vec<f64>,
    /// Euclidean distance to the negative ideal solution.
    pub d_minus: Vec<f64>,
    /// Rank by closeness (1 = best, ties share the smallest rank).
    pub rank: Vec<usize>,
}

/// TOPSIS: closeness to the ideal and distance from the anti-ideal solution.
///
/// Formula: `v_ij = w_j r_ij` with `r` the [`normalise`]d matrix; `A+_j = max_i v_ij`,
/// `A-_j = min_i v_ij` (normalisation has turned cost criteria); `D+_i = ||v_i - A+||_2`,
/// `D-_i = ||v_i - A-||_2`; `C_i = D-_i / (D+_i + D-_i)`, and `C_i = 0.5` when every option
/// is identical (both distances 0). With vector normalisation the cost criteria are
/// `1 - x / ||x||`, which gives the same distances as the classical `x / ||x||` with the
/// minimum as ideal.
///
/// # Errors
/// As [`weighted_sum`].
///
/// Complexity: O(n m + n log n).
///
/// Source: Hwang & Yoon (1981); pymcdm 1.4.0 `TOPSIS(normalization)`; pyDecision 5.1.8
/// `topsis_method` (vector normalisation).
///
/// ```
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::strategy::{CriterionType::*, TopsisParams, topsis};
/// let x = array![[1.0, 3000.0], [2.0, 3750.0], [5.0, 4500.0]];
/// let r = topsis(x.view(), array![0.5, 0.5].view(), &[Cost, Benefit], &TopsisParams::default())?;
/// assert_eq!(r.rank, vec![1, 2, 3]);
/// assert!((r.closeness[0] - 0.762141).abs() < 1e-6);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn topsis(
    values: ArrayView2<'_, f64>,
    weights: ArrayView1<'_, f64>,
    types: &[CriterionType],
    params: &TopsisParams,
) -> Result<TopsisResult> {
    let w = check_problem(values, weights, types)?;
    let mut v = normalise(values, types, params.normalisation)?;
    let (n, m) = v.dim();
    let mut pis = vec![f64::NEG_INFINITY; m];
    let mut nis = vec![f64::INFINITY; m];
    for mut row in v.rows_mut() {
        for (j, x) in row.iter_mut().enumerate() {
            *x *= w[j];
            if *x > pis[j] {
                pis[j] = *x;
            }
            if *x < nis[j] {
                nis[j] = *x;
            }
        }
    }
    let mut d_plus = Vec::with_capacity(n);
    let mut d_minus = Vec::with_capacity(n);
    let mut closeness = Vec::with_capacity(n);
    for row in v.rows() {
        let (mut dp, mut dm) = (0.0, 0.0);
        for (j, x) in row.iter().enumerate() {
            dp += (x - pis[j]) * (x - pis[j]);
            dm += (x - nis[j]) * (x - nis[j]);
        }
        let (dp, dm) = (dp.sqrt(), dm.sqrt());
        d_plus.push(dp);
        d_minus.push(dm);
        closeness.push(if dp + dm == 0.0 { 0.5 } else { dm / (dp + dm) });
    }
    let rank = rank(&closeness, true);
    Ok(TopsisResult { closeness, d_plus, d_minus, rank })
}

/// Parameters of [`vikor`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct VikorParams {
    /// Weight of the strategy of the majority of criteria (group utility S) against the
    /// individual regret R, 0-1 (default 0.5, consensus).
    pub v: f64,
}

impl Default for VikorParams {
    fn default() -> Self {
        Self { v: 0.5 }
    }
}

impl VikorParams {
    /// Checks that `v` lies in \[0, 1\].
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `v`.
    pub fn check(&self) -> Result<&Self> {
        if !(0.0..=1.0).contains(&self.v) {
            return Err(Error::param("v", format!("{} is outside 0..=1", self.v)));
        }
        Ok(self)
    }
}

/// Result of [`vikor`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct VikorResult {
    /// Group utility `S_i` (lower is better).
    pub s: Vec<f64>,
    /// Individual regret `R_i` (lower is better).
    pub r: Vec<f64>,
    /// Compromise index `Q_i` (lower is better).
    pub q: Vec<f64>,
    /// Rank by Q (1 = best, ties share the smallest rank).
    pub rank: Vec<usize>,
    /// Rank by S.
    pub rank_s: Vec<usize>,
    /// Rank by R.
    pub rank_r: Vec<usize>,
    /// Threshold of acceptable advantage `DQ = 1 / (n - 1)` (1 when n = 1).
    pub dq: f64,
    /// Condition C1, acceptable advantage: `Q(a2) - Q(a1) >= DQ` for the first two options by Q.
    pub acceptable_advantage: bool,
    /// Condition C2, acceptable stability: the first option by Q is also first by S or by R.
    pub acceptable_stability: bool,
    /// The compromise solutions (option indices, best Q first): `[a1]` when C1 and C2 hold;
    /// `[a1, a2]` when only C2 fails; every option with `Q - Q(a1) < DQ` when C1 fails.
    pub compromise: Vec<usize>,
}

/// VIKOR: the compromise ranking of Opricovic.
///
/// Formula: `f*_j` best and `f-_j` worst value of criterion `j` (max and min for a benefit,
/// min and max for a cost criterion); `S_i = sum_j w_j (f*_j - f_ij) / (f*_j - f-_j)`,
/// `R_i = max_j` of the same terms; `Q_i = v (S_i - S*) / (S- - S*) + (1 - v) (R_i - R*) /
/// (R- - R*)`. A criterion with one value for all options cannot discriminate: its terms are 0
/// (pymcdm raises an error instead; scikit-criteria ignores it the same way). A part of Q
/// whose range is 0 is 0. Conditions C1, C2 and the compromise set as in Opricovic & Tzeng
/// (2004).
///
/// # Errors
/// As [`weighted_sum`], plus [`Error::InvalidParameter`] for `v` outside \[0, 1\].
///
/// Complexity: O(n m + n log n).
///
/// Source: Opricovic (1998); Opricovic & Tzeng (2004) EJOR 156:445-455; Q agrees with pymcdm
/// 1.4.0 `VIKOR()` and pyDecision 5.1.8 `vikor_method`.
///
/// ```
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::strategy::{CriterionType::*, VikorParams, vikor};
/// let x = array![[1.0, 3000.0], [2.0, 3750.0], [5.0, 4500.0]];
/// let r = vikor(x.view(), array![0.5, 0.5].view(), &[Cost, Benefit], &VikorParams::default())?;
/// assert_eq!(r.q, vec![1.0, 0.0, 1.0]);
/// assert_eq!(r.compromise, vec![1]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn vikor(
    values: ArrayView2<'_, f64>,
    weights: ArrayView1<'_, f64>,
    types: &[CriterionType],
    params: &VikorParams,
) -> Result<VikorResult> {
    params.check()?;
    let w = check_problem(values, weights, types)?;
    let (n, m) = values.dim();
    let mut best = vec![0.0; m];
    let mut worst = vec![0.0; m];
    for j in 0..m {
        let col = values.column(j);
        let max = col.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let min = col.iter().copied().fold(f64::INFINITY, f64::min);
        (best[j], worst[j]) = if types[j].is_cost() { (min, max) } else { (max, min) };
    }
    let mut s = vec![0.0; n];
    let mut r = vec![0.0_f64; n];
    for (i, row) in values.rows().into_iter().enumerate() {
        for (j, x) in row.iter().enumerate() {
            let range = best[j] - worst[j];
            let term = if range == 0.0 { 0.0 } else { w[j] * (best[j] - x) / range };
            s[i] += term;
            r[i] = r[i].max(term);
        }
    }
    let span = |x: &[f64]| {
        let lo = x.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (lo, hi - lo)
    };
    let (s_star, s_range) = span(&s);
    let (r_star, r_range) = span(&r);
    let v = params.v;
    let q: Vec<f64> = s
        .iter()
        .zip(&r)
        .map(|(si, ri)| {
            let a = if s_range == 0.0 { 0.0 } else { v * (si - s_star) / s_range };
            let b = if r_range == 0.0 { 0.0 } else { (1.0 - v) * (ri - r_star) / r_range };
            a + b
        })
        .collect();
    let rank_q = rank(&q, false);
    let rank_s = rank(&s, false);
    let rank_r = rank(&r, false);
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| q[a].total_cmp(&q[b]).then(a.cmp(&b)));
    let dq = if n > 1 { 1.0 / (n as f64 - 1.0) } else { 1.0 };
    let a1 = order[0];
    let c1 = n == 1 || q[order[1]] - q[a1] >= dq;
    let c2 = rank_s[a1] == 1 || rank_r[a1] == 1;
    let compromise = if !c1 {
        order.iter().copied().take_while(|&i| q[i] - q[a1] < dq).collect()
    } else if !c2 {
        order[..2].to_vec()
    } else {
        vec![a1]
    };
    Ok(VikorResult {
        s,
        r,
        q,
        rank: rank_q,
        rank_s,
        rank_r,
        dq,
        acceptable_advantage: c1,
        acceptable_stability: c2,
        compromise,
    })
}

/// A PROMETHEE preference function `P(d)` of the difference `d = g(a) - g(b)` (cost criteria
/// negated), with indifference threshold `q`, preference threshold `p` and Gaussian
/// parameter `s` (Brans & Vincke 1985, types I-VI).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PreferenceFunction {
    /// Type I: `P = 1` if `d > 0`, else 0.
    #[default]
    Usual,
    /// Type II: `P = 1` if `d > q`, else 0.
    #[serde(rename = "ushape")]
    UShape,
    /// Type III: `P = d / p` for `0 < d <= p`, 1 for `d > p`, else 0.
    #[serde(rename = "vshape")]
    VShape,
    /// Type IV: `P = 0.5` for `q < d <= p`, 1 for `d > p`, else 0.
    Level,
    /// Type V (V-shape with indifference; pymcdm `vshape_2`): `P = (d - q) / (p - q)` for
    /// `q < d <= p`, 1 for `d > p`, else 0.
    #[serde(alias = "vshape_2")]
    Linear,
    /// Type VI: `P = 1 - exp(-d^2 / (2 s^2))` for `d > 0`, else 0.
    Gaussian,
}

/// Parameters of [`promethee_ii`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PrometheeParams {
    /// Preference function of each criterion; one entry applies to all criteria, none means
    /// `usual` for all.
    pub functions: Vec<PreferenceFunction>,
    /// Indifference thresholds `q`, one per criterion (needed by `ushape`, `level`, `linear`;
    /// empty otherwise).
    pub q: Vec<f64>,
    /// Preference thresholds `p`, one per criterion (needed by `vshape`, `level`, `linear`).
    pub p: Vec<f64>,
    /// Gaussian parameters `s`, one per criterion (needed by `gaussian`).
    pub s: Vec<f64>,
    /// Also return the `n x n` matrix of aggregated preference indices `pi(a, b)`
    /// (default `false`: the flows are computed in O(m n log n) without it).
    pub pairwise: bool,
}

/// One criterion's validated preference function.
#[derive(Debug, Clone, Copy)]
struct Pf {
    f: PreferenceFunction,
    q: f64,
    p: f64,
    s: f64,
}

impl Pf {
    fn eval(self, d: f64) -> f64 {
        match self.f {
            PreferenceFunction::Usual => f64::from(u8::from(d > 0.0)),
            PreferenceFunction::UShape => f64::from(u8::from(d > self.q)),
            PreferenceFunction::VShape => {
                if d > self.p {
                    1.0
                } else if d > 0.0 {
                    d / self.p
                } else {
                    0.0
                }
            }
            PreferenceFunction::Level => {
                if d > self.p {
                    1.0
                } else if d > self.q {
                    0.5
                } else {
                    0.0
                }
            }
            PreferenceFunction::Linear => {
                if d > self.p {
                    1.0
                } else if d > self.q {
                    (d - self.q) / (self.p - self.q)
                } else {
                    0.0
                }
            }
            PreferenceFunction::Gaussian => {
                if d > 0.0 {
                    1.0 - (-d * d / (2.0 * self.s * self.s)).exp()
                } else {
                    0.0
                }
            }
        }
    }
}

impl PrometheeParams {
    /// Checks the lengths and values of the thresholds for `m` criteria and returns one
    /// validated preference function per criterion.
    fn resolve(&self, m: usize) -> Result<Vec<Pf>> {
        let funcs = match self.functions.len() {
            0 => vec![PreferenceFunction::Usual; m],
            1 => vec![self.functions[0]; m],
            k if k == m => self.functions.clone(),
            k => {
                return Err(Error::ShapeMismatch {
                    what: "functions".into(),
                    expected: format!("1 or {m} (one per criterion)"),
                    found: k.to_string(),
                });
            }
        };
        let get = |name: &str, xs: &[f64], j: usize, f: PreferenceFunction| -> Result<f64> {
            if xs.len() != m {
                return Err(Error::ShapeMismatch {
                    what: name.into(),
                    expected: format!("{m} (one per criterion; criterion {j} uses {f:?})"),
                    found: xs.len().to_string(),
                });
            }
            let x = xs[j];
            if !x.is_finite() || x < 0.0 {
                return Err(Error::param(name, format!("{x} for criterion {j} must be finite and >= 0")));
            }
            Ok(x)
        };
        let mut out = Vec::with_capacity(m);
        for (j, &f) in funcs.iter().enumerate() {
            let mut pf = Pf { f, q: 0.0, p: 0.0, s: 0.0 };
            match f {
                PreferenceFunction::Usual => {}
                PreferenceFunction::UShape => pf.q = get("q", &self.q, j, f)?,
                PreferenceFunction::VShape => {
                    pf.p = get("p", &self.p, j, f)?;
                    if pf.p == 0.0 {
                        return Err(Error::param("p", format!("p of criterion {j} must be > 0 for vshape")));
                    }
                }
                PreferenceFunction::Level | PreferenceFunction::Linear => {
                    pf.q = get("q", &self.q, j, f)?;
                    pf.p = get("p", &self.p, j, f)?;
                    if pf.p <= pf.q {
                        return Err(Error::param(
                            "p",
                            format!("p = {} of criterion {j} must be greater than q = {}", pf.p, pf.q),
                        ));
                    }
                }
                PreferenceFunction::Gaussian => {
                    pf.s = get("s", &self.s, j, f)?;
                    if pf.s == 0.0 {
                        return Err(Error::param("s", format!("s of criterion {j} must be > 0")));
                    }
                }
            }
            out.push(pf);
        }
        Ok(out)
    }
}

/// Result of [`promethee_ii`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PrometheeResult {
    /// Positive (leaving) flow `phi+`.
    pub phi_plus: Vec<f64>,
    /// Negative (entering) flow `phi-`.
    pub phi_minus: Vec<f64>,
    /// Net flow `phi = phi+ - phi-` (higher is better; the net flows add up to 0).
    pub phi_net: Vec<f64>,
    /// Rank by net flow (1 = best, ties share the smallest rank).
    pub rank: Vec<usize>,
    /// Aggregated preference indices `pi[a][b]`, when `pairwise` was asked for.
    pub pi: Option<Vec<Vec<f64>>>,
}

/// Sum over `b` of `P(x - g_b)` (`plus`) or `P(g_b - x)` (`!plus`) for ascending `g`, with the
/// same floating-point comparisons as the pairwise definition.
fn flow_sum(g: &[f64], prefix: &[f64], x: f64, pf: Pf, plus: bool) -> f64 {
    let n = g.len();
    // d(b) = x - g_b is non-increasing in b (plus); g_b - x non-decreasing (minus).
    // count of b with d(b) > t
    let count_gt = |t: f64| -> usize {
        if plus { g.partition_point(|&gb| x - gb > t) } else { n - g.partition_point(|&gb| gb - x <= t) }
    };
    match pf.f {
        PreferenceFunction::Usual => count_gt(0.0) as f64,
        PreferenceFunction::UShape => count_gt(pf.q) as f64,
        PreferenceFunction::Level => {
            let full = count_gt(pf.p);
            let half = count_gt(pf.q) - full;
            full as f64 + 0.5 * half as f64
        }
        PreferenceFunction::VShape | PreferenceFunction::Linear => {
            let q = if pf.f == PreferenceFunction::VShape { 0.0 } else { pf.q };
            let full = count_gt(pf.p);
            let some = count_gt(q);
            let mid = some - full;
            let (lo, hi) = if plus { (full, some) } else { (n - some, n - full) };
            let mut acc = 0.0;
            if mid <= 32 {
                for &gb in &g[lo..hi] {
                    let d = if plus { x - gb } else { gb - x };
                    acc += (d - q) / (pf.p - q);
                }
            } else {
                // sum of (g_b - g_0) over the middle block, by prefix sums of the shifted values
                let sum_shifted = prefix[hi] - prefix[lo];
                let cnt = mid as f64;
                let xs = x - g[0];
                let total = if plus { cnt * (xs - q) - sum_shifted } else { sum_shifted - cnt * (xs + q) };
                acc = total / (pf.p - q);
            }
            full as f64 + acc
        }
        PreferenceFunction::Gaussian => g.iter().map(|&gb| pf.eval(if plus { x - gb } else { gb - x })).sum(),
    }
}

/// PROMETHEE II: net outranking flows from pairwise preferences.
///
/// Formula: per criterion `d_j(a, b) = g_j(a) - g_j(b)` (negated for a cost criterion),
/// `P_j = F_j(d_j)` with the [`PreferenceFunction`]; `pi(a, b) = sum_j w_j P_j(a, b)` with the
/// weights divided by their sum; `phi+(a) = sum_b pi(a, b) / (n - 1)`, `phi-(a) = sum_b pi(b,
/// a) / (n - 1)`, `phi = phi+ - phi-` (all 0 when n = 1).
///
/// The flows are computed per criterion on the sorted values with binary search and prefix
/// sums, in O(m n log n), with the same comparisons as the pairwise definition (Gaussian
/// criteria, and `pi` when `pairwise` is set, cost O(m n^2)).
///
/// # Errors
/// As [`weighted_sum`], plus [`Error::ShapeMismatch`] for `functions`, `q`, `p`, `s` of the
/// wrong length and [`Error::InvalidParameter`] for negative thresholds or `p <= q`.
///
/// Complexity: O(m n log n), O(m n^2) for Gaussian criteria or with `pairwise`.
///
/// Source: Brans & Vincke (1985) Management Science 31(6); agrees with pymcdm 1.4.0
/// `PROMETHEE_II` (`usual`, `ushape`, `vshape`, `level`, `vshape_2`) and pyDecision 5.1.8
/// `promethee_ii` (t1-t6).
///
/// ```
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::strategy::{CriterionType::*, PrometheeParams, promethee_ii};
/// let x = array![[4.0, 3.0, 2.0], [3.0, 2.0, 4.0], [5.0, 1.0, 3.0]];
/// let r = promethee_ii(x.view(), array![0.5, 0.3, 0.2].view(), &[Benefit; 3], &PrometheeParams::default())?;
/// assert_eq!(r.rank, vec![2, 3, 1]);
/// assert!((r.phi_net[1] + 0.3).abs() < 1e-12);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn promethee_ii(
    values: ArrayView2<'_, f64>,
    weights: ArrayView1<'_, f64>,
    types: &[CriterionType],
    params: &PrometheeParams,
) -> Result<PrometheeResult> {
    let w = check_problem(values, weights, types)?;
    let (n, m) = values.dim();
    let pfs = params.resolve(m)?;
    let mut phi_plus = vec![0.0; n];
    let mut phi_minus = vec![0.0; n];
    let mut g = vec![0.0; n];
    let mut sorted = vec![0.0; n];
    let mut prefix = vec![0.0; n + 1];
    for j in 0..m {
        if w[j] == 0.0 {
            continue;
        }
        let sign = if types[j].is_cost() { -1.0 } else { 1.0 };
        for (gi, x) in g.iter_mut().zip(values.column(j)) {
            *gi = sign * x;
        }
        sorted.copy_from_slice(&g);
        sorted.sort_by(f64::total_cmp);
        for b in 0..n {
            prefix[b + 1] = prefix[b] + (sorted[b] - sorted[0]);
        }
        for a in 0..n {
            phi_plus[a] += w[j] * flow_sum(&sorted, &prefix, g[a], pfs[j], true);
            phi_minus[a] += w[j] * flow_sum(&sorted, &prefix, g[a], pfs[j], false);
        }
    }
    let denom = if n > 1 { n as f64 - 1.0 } else { 1.0 };
    for a in 0..n {
        phi_plus[a] /= denom;
        phi_minus[a] /= denom;
    }
    let phi_net: Vec<f64> = phi_plus.iter().zip(&phi_minus).map(|(p, q)| p - q).collect();
    let pi = params.pairwise.then(|| pairwise_preferences(values, &w, types, &pfs));
    let rank = rank(&phi_net, true);
    Ok(PrometheeResult { phi_plus, phi_minus, phi_net, rank, pi })
}

fn pairwise_preferences(values: ArrayView2<'_, f64>, w: &[f64], types: &[CriterionType], pfs: &[Pf]) -> Vec<Vec<f64>> {
    let (n, m) = values.dim();
    let mut pi = vec![vec![0.0; n]; n];
    for j in 0..m {
        let sign = if types[j].is_cost() { -1.0 } else { 1.0 };
        for a in 0..n {
            for b in 0..n {
                if a != b {
                    let d = sign * values[[a, j]] - sign * values[[b, j]];
                    pi[a][b] += w[j] * pfs[j].eval(d);
                }
            }
        }
    }
    pi
}

/// A multi-criteria method, for functions that let the caller choose one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum McdaMethod {
    /// [`weighted_sum`] with linear normalisation.
    WeightedSum,
    /// [`weighted_product`] with linear normalisation.
    WeightedProduct,
    /// [`topsis`] with vector normalisation.
    #[default]
    Topsis,
    /// [`vikor`] with v = 0.5 (score `1 - Q`).
    Vikor,
    /// [`promethee_ii`] with the usual preference function (score = net flow).
    PrometheeIi,
}

impl McdaMethod {
    /// Scores (higher is better) of the options by this method with default parameters.
    ///
    /// # Errors
    /// As the method.
    pub fn scores(
        self,
        values: ArrayView2<'_, f64>,
        weights: ArrayView1<'_, f64>,
        types: &[CriterionType],
    ) -> Result<Vec<f64>> {
        Ok(match self {
            McdaMethod::WeightedSum => weighted_sum(values, weights, types, &WeightedParams::default())?.scores,
            McdaMethod::WeightedProduct => weighted_product(values, weights, types, &WeightedParams::default())?.scores,
            McdaMethod::Topsis => topsis(values, weights, types, &TopsisParams::default())?.closeness,
            McdaMethod::Vikor => {
                vikor(values, weights, types, &VikorParams::default())?.q.iter().map(|q| 1.0 - q).collect()
            }
            McdaMethod::PrometheeIi => promethee_ii(values, weights, types, &PrometheeParams::default())?.phi_net,
        })
    }
}
