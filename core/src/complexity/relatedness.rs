//! Relatedness between activities, relatedness density and relative relatedness.

use ndarray::{Array1, Array2, ArrayView2, Axis};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::sparse::{Bipartite, Names, check_finite, check_presence};
use crate::error::{Error, Result};
use crate::model::LabelledMatrix;
use crate::specialisation::round_half_even;

/// How relatedness between two activities is measured from the regions where they occur.
///
/// With `M` the binary region x activity presence matrix, `C = M'M` the co-occurrence
/// counts and `u_i = C_ii` the ubiquity of activity `i`:
///
/// | method | `R_ij` | matches |
/// |---|---|---|
/// | `proximity` | `C_ij / max(u_i, u_j)`, the smaller of the two conditional probabilities | Hidalgo et al. (2007); py-ecomplexity `calc_discrete_proximity`, Datawheel `proximity` |
/// | `conditional_probability` | `C_ij / u_i = P(j present \| i present)`, asymmetric | py-ecomplexity `asymmetric=True` (transposed) |
/// | `cosine` | `C_ij / sqrt(s_i s_j)` | EconGeo `relatedness(method = "cosine")` |
/// | `jaccard` | `C_ij / (s_i + s_j - C_ij)` | EconGeo `relatedness(method = "Jaccard")` |
/// | `association` | `(C_ij / T) / ((s_i / T)(s_j / T))` | EconGeo `relatedness(method = "association")`; van Eck & Waltman (2009) |
/// | `probability` | `C_ij / ((s_i / T · s_j / (T - s_i) + s_j / T · s_i / (T - s_j)) T / 2)` | EconGeo `relatedness(method = "prob")`; Steijn (2017) |
/// | `correlation` | `(1 + corr(RCA_i, RCA_j)) / 2` over regions, on continuous RCA | py-ecomplexity `continuous=True` |
///
/// For the four EconGeo normalisations, `C` has its diagonal set to 0 first, `s_i` is the
/// sum of row `i` of that matrix and `T` the sum of all of it, exactly as EconGeo
/// computes them. Pairs whose formula divides by zero get 0 (EconGeo's
/// `sm[is.na(sm)] <- 0`), as does the correlation of an activity whose RCA is constant
/// (it then gets `(1 + 0) / 2 = 0.5`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum RelatednessMethod {
    /// Hidalgo's proximity: co-occurrence over the larger ubiquity (default).
    #[default]
    Proximity,
    /// Conditional probability `P(j | i) = C_ij / u_i` (row `i`, column `j`), asymmetric.
    ConditionalProbability,
    /// Cosine normalisation of the co-occurrence matrix (EconGeo).
    Cosine,
    /// Jaccard index of the co-occurrence matrix (EconGeo).
    Jaccard,
    /// Association strength (van Eck & Waltman 2009; EconGeo).
    Association,
    /// EconGeo's probability index (`method = "prob"`, its default).
    Probability,
    /// Continuous: `(1 + Pearson correlation of the RCA columns) / 2` (py-ecomplexity).
    Correlation,
}

/// The diagonal of a relatedness matrix (an activity's relatedness to itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Diagonal {
    /// The convention of the peer the method follows (default): 1 for `proximity`,
    /// `conditional_probability` and `correlation` (py-ecomplexity), 0 for the EconGeo
    /// normalisations.
    #[default]
    Peer,
    /// 1, as py-ecomplexity's proximity.
    One,
    /// 0, as Datawheel's `proximity` and EconGeo.
    Zero,
}

/// Options of [`relatedness`].
///
/// ```
/// use clusterpolicy::complexity::{Diagonal, RelatednessMethod, RelatednessParams};
/// let p: RelatednessParams = serde_json::from_str(r#"{"method": "jaccard"}"#).unwrap();
/// assert_eq!(p.method, RelatednessMethod::Jaccard);
/// assert_eq!(p.diagonal, Diagonal::Peer);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(default, deny_unknown_fields)]
pub struct RelatednessParams {
    /// The measure. Default `proximity`.
    pub method: RelatednessMethod,
    /// The diagonal. Default `peer`.
    pub diagonal: Diagonal,
}

impl RelatednessParams {
    /// Checks the parameters (every combination is valid).
    ///
    /// # Errors
    /// None at present; kept for the uniform `XxxParams` contract.
    pub fn check(&self) -> Result<&Self> {
        Ok(self)
    }

    /// Proximity with the given diagonal.
    #[must_use]
    pub fn proximity(diagonal: Diagonal) -> Self {
        Self { method: RelatednessMethod::Proximity, diagonal }
    }

    fn diagonal_value(self) -> f64 {
        match (self.diagonal, self.method) {
            (Diagonal::One, _)
            | (
                Diagonal::Peer,
                RelatednessMethod::Proximity
                | RelatednessMethod::ConditionalProbability
                | RelatednessMethod::Correlation,
            ) => 1.0,
            _ => 0.0,
        }
    }
}

/// Co-occurrence counts on a bare array: the raw kernel behind [`cooccurrence`].
///
/// # Errors
/// As [`cooccurrence`].
pub fn cooccurrence_values(presence: ArrayView2<'_, f64>) -> Result<Array2<f64>> {
    check_presence(presence, Names::none())?;
    Ok(Bipartite::new(presence).cooccurrence())
}

/// Co-occurrence of activities: in how many regions both are present.
///
/// Formula: `C = M'M`, so `C_ij = sum_r M_ri M_rj`; the diagonal holds the ubiquities.
///
/// Arguments: `presence`, a binary region x activity matrix (e.g. from
/// [`specialisation::presence`](crate::specialisation::presence)).
///
/// Returns an activity x activity matrix of counts. EconGeo's `co_occurrence(t(mat))` is
/// this matrix with its diagonal set to 0.
///
/// # Errors
/// [`Error::Empty`] for an empty matrix; [`Error::NonFinite`] or
/// [`Error::InvalidParameter`] (`presence`) for a value other than 0 or 1, naming the cell.
///
/// Complexity: O(m^2 n / 64) with bit sets (n regions, m activities).
///
/// ```
/// use clusterpolicy::complexity::cooccurrence;
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// let m = LabelledMatrix::new(vec!["R1".into(), "R2".into()], vec!["A".into(), "B".into()],
///     array![[1.0, 1.0], [1.0, 0.0]])?;
/// let c = cooccurrence(&m)?;
/// assert_eq!(c.get("A", "B"), Some(1.0));
/// assert_eq!(c.get("A", "A"), Some(2.0));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Hidalgo et al. (2007), *Science* 317: 482-487; EconGeo 1.3 `co_occurrence`.
pub fn cooccurrence(presence: &LabelledMatrix) -> Result<LabelledMatrix> {
    check_presence(presence.values(), Names::of(presence.rows(), presence.cols()))?;
    let c = Bipartite::new(presence.values()).cooccurrence();
    LabelledMatrix::new(presence.cols().to_vec(), presence.cols().to_vec(), c)
}

/// Relatedness on a bare array: the raw kernel behind [`relatedness`].
///
/// # Errors
/// As [`relatedness`].
pub fn relatedness_values(values: ArrayView2<'_, f64>, params: &RelatednessParams) -> Result<Array2<f64>> {
    relatedness_named(values, *params, Names::none())
}

pub(crate) fn relatedness_named(
    values: ArrayView2<'_, f64>,
    params: RelatednessParams,
    names: Names<'_>,
) -> Result<Array2<f64>> {
    params.check()?;
    if params.method == RelatednessMethod::Correlation {
        if values.is_empty() {
            return Err(Error::Empty { what: "RCA matrix".into() });
        }
        check_finite("RCA matrix", values, names)?;
        return Ok(correlation(values, params.diagonal_value()));
    }
    check_presence(values, names)?;
    let b = Bipartite::new(values);
    let c = b.cooccurrence();
    Ok(from_cooccurrence(c, &b.ubiquity, params))
}

/// Relatedness from co-occurrence counts `c` (consumed: proximity and conditional
/// probability are computed in its place) and ubiquities `u`.
pub(crate) fn from_cooccurrence(c: Array2<f64>, u: &[f64], params: RelatednessParams) -> Array2<f64> {
    let n = c.nrows();
    let diag = params.diagonal_value();
    let div = |a: f64, b: f64| if b == 0.0 { 0.0 } else { a / b };
    let mut r = match params.method {
        RelatednessMethod::Proximity => {
            let mut r = c;
            let row = |(row, &ui): (&mut [f64], &f64)| {
                for (x, &uj) in row.iter_mut().zip(u) {
                    *x = div(*x, ui.max(uj));
                }
            };
            if let Some(rs) = r.as_slice_mut().filter(|_| n > 0) {
                #[cfg(feature = "parallel")]
                {
                    use rayon::prelude::*;
                    rs.par_chunks_mut(n).zip(u.par_iter()).for_each(row);
                }
                #[cfg(not(feature = "parallel"))]
                rs.chunks_mut(n).zip(u).for_each(row);
            } else {
                for (mut x, &ui) in r.outer_iter_mut().zip(u) {
                    x.iter_mut().zip(u).for_each(|(x, &uj)| *x = div(*x, ui.max(uj)));
                }
            }
            r
        }
        RelatednessMethod::ConditionalProbability => {
            let mut r = c;
            for (mut row, &ui) in r.outer_iter_mut().zip(u) {
                row.iter_mut().for_each(|x| *x = div(*x, ui));
            }
            r
        }
        RelatednessMethod::Cosine
        | RelatednessMethod::Jaccard
        | RelatednessMethod::Association
        | RelatednessMethod::Probability => {
            let mut r = Array2::<f64>::zeros((n, n));
            let mut cij = c;
            cij.diag_mut().fill(0.0);
            let s: Vec<f64> = cij.sum_axis(Axis(0)).to_vec();
            let t: f64 = cij.sum();
            for i in 0..n {
                for j in 0..n {
                    // EconGeo: si[i, j] = s_j (byrow), sj[i, j] = s_i.
                    let (si, sj, x) = (s[j], s[i], cij[[i, j]]);
                    let v = match params.method {
                        RelatednessMethod::Cosine => x / (si * sj).sqrt(),
                        RelatednessMethod::Jaccard => x / (si + sj - x),
                        RelatednessMethod::Association => (x / t) / ((si / t) * (sj / t)),
                        _ => x / (((si / t) * (sj / (t - si)) + (sj / t) * (si / (t - sj))) * (t / 2.0)),
                    };
                    r[[i, j]] = if v.is_finite() { v } else { 0.0 };
                }
            }
            r
        }
        RelatednessMethod::Correlation => unreachable!("handled by the caller"),
    };
    r.diag_mut().fill(diag);
    r
}

/// `(1 + corr) / 2` of the columns (`NumPy`'s `corrcoef` order of operations).
fn correlation(x: ArrayView2<'_, f64>, diag: f64) -> Array2<f64> {
    let (n, m) = x.dim();
    let mean = x.mean_axis(Axis(0)).unwrap_or_else(|| Array1::zeros(m));
    let centred = &x - &mean.insert_axis(Axis(0));
    let cov = centred.t().dot(&centred) / (n as f64 - 1.0).max(1.0);
    let sd: Vec<f64> = (0..m).map(|j| cov[[j, j]].sqrt()).collect();
    let mut r = Array2::<f64>::zeros((m, m));
    for i in 0..m {
        for j in 0..m {
            let c = cov[[i, j]] / sd[i] / sd[j];
            let c = if c.is_finite() { c.clamp(-1.0, 1.0) } else { 0.0 };
            r[[i, j]] = f64::midpoint(1.0, c);
        }
    }
    r.diag_mut().fill(diag);
    r
}

/// Relatedness between activities from where they co-occur.
///
/// Formula: see [`RelatednessMethod`] for each method; `R_ij` is the relatedness of
/// activity `i` (row) to activity `j` (column).
///
/// Arguments: `m`, a binary region x activity presence matrix (from
/// [`specialisation::presence`](crate::specialisation::presence)), or continuous RCA values
/// for `correlation`; `params`: the method and the diagonal.
///
/// Returns an activity x activity matrix labelled by the activities of `m`.
///
/// # Errors
/// [`Error::Empty`] for an empty matrix; [`Error::NonFinite`] for NaN or infinite values;
/// [`Error::InvalidParameter`] (`presence`) for a value other than 0 or 1 with a
/// co-occurrence method. Each names the cell.
///
/// Complexity: O(m^2 n / 64) for the co-occurrence methods (bit sets), O(m^2 n) for
/// `correlation`; O(m^2) memory.
///
/// ```
/// use clusterpolicy::complexity::{Diagonal, RelatednessParams, relatedness};
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// let m = LabelledMatrix::new(
///     vec!["R1".into(), "R2".into(), "R3".into()],
///     vec!["A".into(), "B".into()],
///     array![[1.0, 1.0], [1.0, 0.0], [1.0, 0.0]],
/// )?;
/// let phi = relatedness(&m, &RelatednessParams::default())?;
/// assert_eq!(phi.get("A", "B"), Some(1.0 / 3.0)); // 1 co-occurrence over max(3, 1)
/// assert_eq!(phi.get("A", "A"), Some(1.0));
/// let dw = relatedness(&m, &RelatednessParams::proximity(Diagonal::Zero))?;
/// assert_eq!(dw.get("A", "A"), Some(0.0));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Hidalgo, Klinger, Barabási & Hausmann (2007), *Science* 317: 482-487 (proximity);
/// van Eck & Waltman (2009), *JASIST* 60(8): 1635-1651 (association strength, cosine,
/// Jaccard); conventions of py-ecomplexity 0.5.3, Datawheel `economic-complexity` 0.3.0 and
/// EconGeo 1.3 (`relatedness`), which the reference tests reproduce.
pub fn relatedness(m: &LabelledMatrix, params: &RelatednessParams) -> Result<LabelledMatrix> {
    let r = relatedness_named(m.values(), *params, Names::of(m.rows(), m.cols()))?;
    LabelledMatrix::new(m.cols().to_vec(), m.cols().to_vec(), r)
}

/// The scale of relatedness density.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum DensityScale {
    /// A share in [0, 1] (py-ecomplexity, Datawheel). Default.
    #[default]
    Unit,
    /// A percentage in [0, 100] (EconGeo).
    Percent,
}

/// Options of [`relatedness_density`].
///
/// ```
/// use clusterpolicy::complexity::{DensityParams, DensityScale};
/// let p = DensityParams::econgeo();
/// assert_eq!((p.scale, p.digits), (DensityScale::Percent, Some(2)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(default, deny_unknown_fields)]
pub struct DensityParams {
    /// Unit or percent scale. Default `unit`.
    pub scale: DensityScale,
    /// Round to this many decimals as R's `round()` does (EconGeo rounds to 2). Default
    /// `None`: unrounded.
    pub digits: Option<u32>,
}

impl DensityParams {
    /// EconGeo's `relatedness_density`: percent, rounded to 2 decimals.
    #[must_use]
    pub fn econgeo() -> Self {
        Self { scale: DensityScale::Percent, digits: Some(2) }
    }

    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`digits`) above 15.
    pub fn check(&self) -> Result<&Self> {
        if let Some(d) = self.digits
            && d > 15
        {
            return Err(Error::param("digits", format!("must be at most 15, got {d}")));
        }
        Ok(self)
    }
}

fn check_square(what: &str, r: ArrayView2<'_, f64>, m: usize) -> Result<()> {
    if r.dim() != (m, m) {
        return Err(Error::ShapeMismatch {
            what: what.to_owned(),
            expected: format!("{m} x {m} (one row and column per activity)"),
            found: format!("{} x {}", r.nrows(), r.ncols()),
        });
    }
    Ok(())
}

/// Relatedness density on bare arrays: the raw kernel behind [`relatedness_density`].
///
/// # Errors
/// As [`relatedness_density`].
pub fn relatedness_density_values(
    presence: ArrayView2<'_, f64>,
    relatedness: ArrayView2<'_, f64>,
    params: &DensityParams,
) -> Result<Array2<f64>> {
    density_named(presence, relatedness, params, Names::none())
}

pub(crate) fn density_named(
    presence: ArrayView2<'_, f64>,
    relatedness: ArrayView2<'_, f64>,
    params: &DensityParams,
    names: Names<'_>,
) -> Result<Array2<f64>> {
    params.check()?;
    if presence.is_empty() {
        return Err(Error::Empty { what: "presence matrix".into() });
    }
    check_finite("presence matrix", presence, names)?;
    check_square("relatedness matrix", relatedness, presence.ncols())?;
    check_finite("relatedness matrix", relatedness, Names::none())?;
    let mut d = density_kernel(presence, relatedness);
    let scale = if params.scale == DensityScale::Percent { 100.0 } else { 1.0 };
    if scale != 1.0 || params.digits.is_some() {
        d.mapv_inplace(|x| {
            let x = x * scale;
            params.digits.map_or(x, |k| round_half_even(x, k))
        });
    }
    Ok(d)
}

/// `sum_k w_ck R_kj / sum_k R_kj`, sparse in the weights; a zero column total gives 0.
pub(crate) fn density_kernel(w: ArrayView2<'_, f64>, r: ArrayView2<'_, f64>) -> Array2<f64> {
    let col_tot: Vec<f64> = r.sum_axis(Axis(0)).to_vec();
    let mut out = weighted_rows_sum(w, r);
    for mut row in out.outer_iter_mut() {
        for (a, &t) in row.iter_mut().zip(&col_tot) {
            *a = if t == 0.0 { 0.0 } else { *a / t };
        }
    }
    out
}

/// `W R` for a sparse weight matrix `W` (n x m) and a dense `R` (m x p): for each row of
/// `W`, the sum of the rows of `R` at its non-zero weights, in blocks of columns of `R` so
/// that the block stays in cache.
pub(crate) fn weighted_rows_sum(w: ArrayView2<'_, f64>, r: ArrayView2<'_, f64>) -> Array2<f64> {
    weighted_rows_sums(w, r, None).0
}

/// [`weighted_rows_sum`], and with `scale` also `W diag(scale) R` in the same pass over `R`.
pub(crate) fn weighted_rows_sums(
    w: ArrayView2<'_, f64>,
    r: ArrayView2<'_, f64>,
    scale: Option<&[f64]>,
) -> (Array2<f64>, Array2<f64>) {
    let (n, p) = (w.nrows(), r.ncols());
    let r = r.as_standard_layout();
    let rs = r.as_slice().expect("standard layout");
    let nz: Vec<Vec<(usize, f64)>> = w
        .outer_iter()
        .map(|row| row.iter().enumerate().filter(|(_, x)| **x != 0.0).map(|(k, x)| (k, *x)).collect())
        .collect();
    let mut out = Array2::<f64>::zeros((n, p));
    let mut out2 = Array2::<f64>::zeros(if scale.is_some() { (n, p) } else { (0, 0) });
    let os = out.as_slice_mut().expect("fresh arrays are contiguous");
    let os2 = out2.as_slice_mut().expect("fresh arrays are contiguous");
    // Column blocks of LANES values: the accumulators stay in registers while the rows of
    // `R` stream through, and the block of `R` (m x LANES) stays in cache across regions.
    let mut start = 0;
    while start < p {
        let width = LANES.min(p - start);
        for (i, row) in nz.iter().enumerate() {
            let (a, b) = accumulate(rs, p, start, width, row, scale);
            os[i * p + start..i * p + start + width].copy_from_slice(&a[..width]);
            if scale.is_some() {
                os2[i * p + start..i * p + start + width].copy_from_slice(&b[..width]);
            }
        }
        start += width;
    }
    (out, out2)
}

const LANES: usize = 16;

/// Sums of the rows `k` of `R` (columns `start..start + width`) weighted by `x`, and with
/// `scale`, weighted by `x scale_k`.
#[inline]
fn accumulate(
    rs: &[f64],
    p: usize,
    start: usize,
    width: usize,
    row: &[(usize, f64)],
    scale: Option<&[f64]>,
) -> ([f64; LANES], [f64; LANES]) {
    let mut a = [0.0f64; LANES];
    let mut b = [0.0f64; LANES];
    if width == LANES {
        for &(k, x) in row {
            let src: &[f64; LANES] = rs[k * p + start..k * p + start + LANES].try_into().expect("LANES values");
            if x == 1.0 {
                for l in 0..LANES {
                    a[l] += src[l];
                }
            } else {
                for l in 0..LANES {
                    a[l] += x * src[l];
                }
            }
            if let Some(scale) = scale {
                let f = x * scale[k];
                for l in 0..LANES {
                    b[l] += f * src[l];
                }
            }
        }
    } else {
        for &(k, x) in row {
            let src = &rs[k * p + start..k * p + start + width];
            for l in 0..width {
                a[l] += if x == 1.0 { src[l] } else { x * src[l] };
            }
            if let Some(scale) = scale {
                let f = x * scale[k];
                for l in 0..width {
                    b[l] += f * src[l];
                }
            }
        }
    }
    (a, b)
}

/// Relatedness density: how much of what is related to an activity a region already has.
///
/// Formula: `density_rj = sum_k M_rk R_kj / sum_k R_kj`, the relatedness of the region's
/// present activities to `j` over the relatedness of all activities to `j` (in [0, 1];
/// times 100 with `scale: percent`). An activity whose column of `R` sums to 0 gets 0.
/// For a symmetric `R` this is py-ecomplexity's `density`, Datawheel's `relatedness` and
/// EconGeo's `relatedness_density` (`DensityParams::econgeo()`: percent, 2 decimals). With
/// continuous RCA in place of presence and `correlation` relatedness it is py-ecomplexity's
/// continuous density.
///
/// Arguments: `presence`, region x activity (0/1, or non-negative weights);
/// `relatedness`, activity x activity on the same activities in the same order; `params`:
/// scale and rounding.
///
/// Returns a region x activity matrix on the labels of `presence`.
///
/// # Errors
/// [`Error::ShapeMismatch`] when `relatedness` is not square on the activities of
/// `presence`; [`Error::UnknownLabel`] when its labels differ; [`Error::NonFinite`];
/// [`Error::Empty`]; [`Error::InvalidParameter`] (`digits`).
///
/// Complexity: O(nnz(M) m) for n regions and m activities.
///
/// ```
/// use clusterpolicy::complexity::{DensityParams, RelatednessParams, relatedness, relatedness_density};
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// let m = LabelledMatrix::new(
///     vec!["R1".into(), "R2".into(), "R3".into()],
///     vec!["A".into(), "B".into(), "C".into()],
///     array![[1.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 1.0]],
/// )?;
/// let phi = relatedness(&m, &RelatednessParams::default())?;
/// let d = relatedness_density(&m, &phi, &DensityParams::default())?;
/// // R1 has A and B; C is related 0.5 to each and 1 to itself: (0.5 + 0.5) / 2
/// assert_eq!(d.get("R1", "C"), Some(0.5));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Hidalgo et al. (2007) (density); Boschma, Balland & Kogler (2015), *Industrial
/// and Corporate Change* 24(1): 223-250 (relatedness density); py-ecomplexity 0.5.3
/// `calc_density`, Datawheel 0.3.0 `relatedness`, EconGeo 1.3 `relatedness_density`.
pub fn relatedness_density(
    presence: &LabelledMatrix,
    relatedness: &LabelledMatrix,
    params: &DensityParams,
) -> Result<LabelledMatrix> {
    check_same_activities(presence, relatedness)?;
    let d =
        density_named(presence.values(), relatedness.values(), params, Names::of(presence.rows(), presence.cols()))?;
    LabelledMatrix::new(presence.rows().to_vec(), presence.cols().to_vec(), d)
}

pub(crate) fn check_same_activities(presence: &LabelledMatrix, relatedness: &LabelledMatrix) -> Result<()> {
    check_square("relatedness matrix", relatedness.values(), presence.dim().1)?;
    for (k, a) in presence.cols().iter().enumerate() {
        if relatedness.rows()[k] != *a || relatedness.cols()[k] != *a {
            return Err(Error::UnknownLabel { kind: "activity of the relatedness matrix".into(), id: a.clone() });
        }
    }
    Ok(())
}

/// Relative relatedness on bare arrays: the raw kernel behind [`relative_relatedness`].
///
/// # Errors
/// As [`relative_relatedness`].
pub fn relative_relatedness_values(
    presence: ArrayView2<'_, f64>,
    relatedness: ArrayView2<'_, f64>,
) -> Result<Array2<f64>> {
    relative_named(presence, relatedness, Names::none())
}

fn relative_named(
    presence: ArrayView2<'_, f64>,
    relatedness: ArrayView2<'_, f64>,
    names: Names<'_>,
) -> Result<Array2<f64>> {
    check_presence(presence, names)?;
    let mut d = density_named(presence, relatedness, &DensityParams::default(), names)?;
    for (mut row, prow) in d.outer_iter_mut().zip(presence.outer_iter()) {
        let absent: Vec<f64> = row.iter().zip(prow.iter()).filter(|(_, p)| **p == 0.0).map(|(x, _)| *x).collect();
        let k = absent.len() as f64;
        let mean = absent.iter().sum::<f64>() / k;
        let var = absent.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (k - 1.0);
        let sd = var.sqrt();
        row.mapv_inplace(|x| (x - mean) / sd);
    }
    Ok(d)
}

/// Relative relatedness: a region's density in an activity as a z-score among the
/// activities it does not have yet.
///
/// Formula: `rr_rj = (density_rj - mean_r) / sd_r`, with the mean and the sample standard
/// deviation (n - 1) of `density_r.` over the activities absent from region `r`; every
/// cell (present or not) is scored. A region with fewer than two absent activities, or
/// whose absent activities all have the same density, gets NaN (0/0).
///
/// Arguments and errors as [`relatedness_density`] (presence must be 0/1).
///
/// Complexity: as [`relatedness_density`].
///
/// ```
/// use clusterpolicy::complexity::{RelatednessParams, relatedness, relative_relatedness};
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// let m = LabelledMatrix::new(
///     vec!["R1".into(), "R2".into(), "R3".into()],
///     vec!["A".into(), "B".into(), "C".into(), "D".into()],
///     array![[1.0, 0.0, 0.0, 0.0], [1.0, 1.0, 0.0, 1.0], [0.0, 0.0, 1.0, 1.0]],
/// )?;
/// let rr = relative_relatedness(&m, &relatedness(&m, &RelatednessParams::default())?)?;
/// assert!(rr.get("R1", "B").unwrap() > rr.get("R1", "C").unwrap()); // B co-occurs with A
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// As [`relatedness_density`]; [`Error::InvalidParameter`] (`presence`) for a value other
/// than 0 or 1.
///
/// Source: Datawheel `economic-complexity` 0.3.0 `relative_relatedness`.
pub fn relative_relatedness(presence: &LabelledMatrix, relatedness: &LabelledMatrix) -> Result<LabelledMatrix> {
    check_same_activities(presence, relatedness)?;
    let d = relative_named(presence.values(), relatedness.values(), Names::of(presence.rows(), presence.cols()))?;
    LabelledMatrix::new(presence.rows().to_vec(), presence.cols().to_vec(), d)
}
