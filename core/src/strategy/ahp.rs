//! The Analytic Hierarchy Process: weights from a pairwise comparison matrix and its
//! consistency.

use ndarray::{Array2, ArrayView2};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// How the weights are derived from the comparison matrix.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AhpMethod {
    /// Principal right eigenvector (Saaty 1977), normalised to sum 1.
    #[default]
    Eigenvector,
    /// Normalised geometric means of the rows (Crawford & Williams 1985).
    GeometricMean,
    /// Row means of the column-normalised matrix (Saaty's approximation; pyDecision `wd='m'`).
    ColumnMean,
}

/// The table of random consistency indices RI(n) used for the consistency ratio.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RandomIndex {
    /// Saaty's table (n = 3: 0.58, 4: 0.90, 5: 1.12, ..., 15: 1.59), as pyDecision uses.
    #[default]
    Saaty,
    /// Tummala & Ling (1998) (n = 3: 0.5799, 4: 0.8921, ...), as pymcdm 1.4.0 uses.
    TummalaLing,
}

const RI_SAATY: [f64; 16] =
    [0.0, 0.0, 0.0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];
const RI_TUMMALA_LING: [f64; 16] = [
    0.0, 0.0, 0.0, 0.5799, 0.8921, 1.1159, 1.2358, 1.3322, 1.3952, 1.4537, 1.4882, 1.5117, 1.5356, 1.5571, 1.5714,
    1.5831,
];

impl RandomIndex {
    /// RI(n) for `n <= 15` (0 for n <= 2), `None` beyond the table.
    #[must_use]
    pub fn value(self, n: usize) -> Option<f64> {
        let table = match self {
            RandomIndex::Saaty => &RI_SAATY,
            RandomIndex::TummalaLing => &RI_TUMMALA_LING,
        };
        table.get(n).copied()
    }
}

/// Parameters of [`ahp`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct AhpParams {
    /// How the weights are derived (default `eigenvector`).
    pub method: AhpMethod,
    /// Random index table (default `saaty`).
    pub random_index: RandomIndex,
    /// Largest consistency ratio accepted as consistent (default 0.1, Saaty's rule; he
    /// also quotes 0.05 for n = 3 and 0.08 for n = 4).
    pub threshold: f64,
    /// Largest relative deviation accepted in `a_ij * a_ji = 1` (default 1e-6, so that
    /// entries such as 0.3333333333 count as 1/3).
    pub reciprocity_tolerance: f64,
}

impl Default for AhpParams {
    fn default() -> Self {
        Self {
            method: AhpMethod::Eigenvector,
            random_index: RandomIndex::Saaty,
            threshold: 0.1,
            reciprocity_tolerance: 1e-6,
        }
    }
}

impl AhpParams {
    /// Checks the threshold and tolerance.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a negative or non-finite threshold or tolerance.
    pub fn check(&self) -> Result<&Self> {
        if !(self.threshold.is_finite() && self.threshold >= 0.0) {
            return Err(Error::param("threshold", format!("{} must be finite and >= 0", self.threshold)));
        }
        if !(self.reciprocity_tolerance.is_finite() && self.reciprocity_tolerance >= 0.0) {
            return Err(Error::param(
                "reciprocity_tolerance",
                format!("{} must be finite and >= 0", self.reciprocity_tolerance),
            ));
        }
        Ok(self)
    }
}

/// Result of [`ahp`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AhpResult {
    /// Priority weights, summing to 1.
    pub weights: Vec<f64>,
    /// Estimate of the principal eigenvalue: the mean of `(A w)_i / w_i` (the eigenvalue
    /// itself for the eigenvector method).
    pub lambda_max: f64,
    /// Consistency index `CI = (lambda_max - n) / (n - 1)` (0 for n = 1).
    pub ci: f64,
    /// Random index `RI(n)` of the chosen table.
    pub ri: f64,
    /// Consistency ratio `CR = CI / RI` (0 for n <= 2, where every matrix is consistent).
    pub cr: f64,
    /// Whether `CR < threshold`. An inconsistent matrix is reported here, not rejected.
    pub consistent: bool,
    /// The method used.
    pub method: AhpMethod,
}

/// Checks a pairwise comparison matrix: square, finite, positive, unit diagonal, reciprocal.
fn check_comparisons(a: ArrayView2<'_, f64>, tol: f64) -> Result<()> {
    let (n, m) = a.dim();
    if n == 0 {
        return Err(Error::Empty { what: "pairwise comparison matrix".into() });
    }
    if n != m {
        return Err(Error::ShapeMismatch {
            what: "pairwise comparison matrix".into(),
            expected: format!("{n} x {n} (square)"),
            found: format!("{n} x {m}"),
        });
    }
    for ((i, j), &x) in a.indexed_iter() {
        if !x.is_finite() {
            return Err(Error::NonFinite {
                what: "pairwise comparison matrix".into(),
                at: format!("row {i}, column {j}"),
            });
        }
        if x <= 0.0 {
            return Err(Error::param("matrix", format!("entry ({i}, {j}) = {x} must be positive")));
        }
    }
    for i in 0..n {
        if (a[[i, i]] - 1.0).abs() > tol {
            return Err(Error::param("matrix", format!("diagonal entry ({i}, {i}) = {} must be 1", a[[i, i]])));
        }
        for j in i + 1..n {
            let prod = a[[i, j]] * a[[j, i]];
            if (prod - 1.0).abs() > tol {
                return Err(Error::param(
                    "matrix",
                    format!(
                        "not reciprocal at ({i}, {j}): a[{i}][{j}] = {} but a[{j}][{i}] = {} (expected {})",
                        a[[i, j]],
                        a[[j, i]],
                        1.0 / a[[i, j]]
                    ),
                ));
            }
        }
    }
    Ok(())
}

fn normalised(v: impl IntoIterator<Item = f64>) -> Vec<f64> {
    let v: Vec<f64> = v.into_iter().collect();
    let s: f64 = v.iter().sum();
    v.into_iter().map(|x| x / s).collect()
}

/// Principal right eigenvector of a positive matrix: repeated squaring of the normalised
/// matrix (the columns of `A^(2^k)` converge to the Perron vector doubly exponentially), then
/// power iterations to machine precision.
fn perron_vector(a: ArrayView2<'_, f64>) -> Vec<f64> {
    let n = a.nrows();
    let mut p: Array2<f64> = a.to_owned();
    let mut prev = normalised(p.rows().into_iter().map(|r| r.sum()));
    for _ in 0..64 {
        let s = p.sum();
        p /= s;
        p = p.dot(&p);
        let cur = normalised(p.rows().into_iter().map(|r| r.sum()));
        let change = cur.iter().zip(&prev).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max);
        prev = cur;
        if change < 1e-15 {
            break;
        }
    }
    let mut w = prev;
    for _ in 0..1000 {
        let next = normalised((0..n).map(|i| (0..n).map(|j| a[[i, j]] * w[j]).sum::<f64>()));
        let change = next.iter().zip(&w).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max);
        w = next;
        if change <= 4.0 * f64::EPSILON {
            break;
        }
    }
    w
}

/// AHP priority weights and consistency of a pairwise comparison matrix.
///
/// Formula: `A = [a_ij]` with `a_ji = 1 / a_ij` (Saaty's 1-9 scale); weights `w` by the
/// [`AhpMethod`]; `lambda_max = mean_i (A w)_i / w_i`; `CI = (lambda_max - n) / (n - 1)`;
/// `CR = CI / RI(n)`; consistent when `CR < threshold` (0.1).
///
/// Arguments: `matrix` (`n x n`, `n <= 15`), `params`.
///
/// Returns weights, lambda-max, CI, RI, CR and the verdict.
///
/// # Errors
/// [`Error::Empty`]; [`Error::ShapeMismatch`] for a matrix that is not square;
/// [`Error::NonFinite`]; [`Error::InvalidParameter`] (`matrix`) for a non-positive entry, a
/// diagonal entry other than 1 or a pair with `a_ij * a_ji != 1`, naming the cell; for
/// `n > 15`, beyond the random index tables; for bad `params`.
///
/// Complexity: O(n^3 log) for the eigenvector (repeated squaring), O(n^2) otherwise.
///
/// Source: Saaty (1977) J. Math. Psych. 15:234-281 and (1980) *The Analytic Hierarchy
/// Process*; the weights agree with pymcdm 1.4.0 `AHP` and pyDecision 5.1.8 `ahp_method`
/// (`wd='me'`, `'g'`, `'m'`), the CR with pyDecision (Saaty's RI) or pymcdm (Tummala-Ling RI).
///
/// ```
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::strategy::{AhpParams, ahp};
/// let a = array![[1.0, 3.0, 5.0], [1.0 / 3.0, 1.0, 3.0], [0.2, 1.0 / 3.0, 1.0]];
/// let r = ahp(a.view(), &AhpParams::default())?;
/// assert!((r.weights[0] - 0.636986).abs() < 1e-6);
/// assert!(r.consistent && (r.cr - 0.033199).abs() < 1e-6);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn ahp(matrix: ArrayView2<'_, f64>, params: &AhpParams) -> Result<AhpResult> {
    params.check()?;
    check_comparisons(matrix, params.reciprocity_tolerance)?;
    let n = matrix.nrows();
    let Some(ri) = params.random_index.value(n) else {
        return Err(Error::param(
            "matrix",
            format!("{n} criteria exceed the random index tables (at most 15); split the hierarchy"),
        ));
    };
    let weights = match params.method {
        AhpMethod::Eigenvector => perron_vector(matrix),
        AhpMethod::GeometricMean => {
            normalised(matrix.rows().into_iter().map(|r| (r.iter().map(|x| x.ln()).sum::<f64>() / n as f64).exp()))
        }
        AhpMethod::ColumnMean => {
            let col_sums: Vec<f64> = matrix.columns().into_iter().map(|c| c.sum()).collect();
            normalised(
                matrix.rows().into_iter().map(|r| r.iter().zip(&col_sums).map(|(x, s)| x / s).sum::<f64>() / n as f64),
            )
        }
    };
    let lambda_max =
        (0..n).map(|i| (0..n).map(|j| matrix[[i, j]] * weights[j]).sum::<f64>() / weights[i]).sum::<f64>() / n as f64;
    let ci = if n > 1 { (lambda_max - n as f64) / (n as f64 - 1.0) } else { 0.0 };
    let cr = if ri > 0.0 { ci / ri } else { 0.0 };
    Ok(AhpResult { weights, lambda_max, ci, ri, cr, consistent: cr < params.threshold, method: params.method })
}
