//! Location quotient / Balassa RCA, binary presence, RPOP and symmetric RCA.

use ndarray::{Array1, Array2, ArrayView2, Axis, ShapeBuilder, Zip};

use super::prepare::{Lanes, Names, Prepared, lane_sum, lanes, pick, prepare};
use super::rounding::round_half_even;
use super::{Kept, RcaParams};
use crate::error::{Error, Result};
use crate::model::{LabelledMatrix, LongRecord, Panel};

/// Presence computed in the same pass as the quotients: the 0/1 matrix (NaN where the
/// quotient is NaN) and its row and column sums.
pub(crate) struct PresencePass {
    /// `1` where the quotient is at least the threshold, else `0`; NaN stays NaN.
    pub(crate) presence: Array2<f64>,
    /// Row sums of `presence` (diversity).
    pub(crate) diversity: Vec<f64>,
    /// Column sums of `presence` (ubiquity).
    pub(crate) ubiquity: Vec<f64>,
}

/// Lanes (rows of a row-major matrix, columns of a column-major one) per block of work.
const BLOCK_LANES: usize = 32;

/// `1` if `v >= t`, `0` if not, NaN if `v` is NaN, for a finite or NaN `v`: branch-free
/// (`v - v` is 0 for finite quotients, NaN for NaN; an infinite `v` would give NaN, which
/// [`lq_kernel`] rules out before using it).
#[inline]
#[allow(clippy::eq_op)] // v - v is the point
fn present(v: f64, t: f64) -> f64 {
    f64::from(u8::from(v >= t)) + (v - v)
}

/// The inputs of [`quotient_block`].
struct Quotients<'a> {
    /// The whole matrix, lane after lane.
    x: &'a [f64],
    lane_len: usize,
    /// Index of the block's first lane.
    first_lane: usize,
    row_major: bool,
    row_denominators: &'a [f64],
    /// `c_i / t` per column.
    q: &'a [f64],
}

/// One block of lanes: the quotients into `out`, and with a threshold the presence into
/// `pres`, its sums along each lane into `lane_sums` and across the lanes (returned).
/// Compiled for several instruction sets and chosen at run time (the operations, and so
/// the results, are the same; only the vector width differs).
#[multiversion::multiversion(targets(
    "x86_64+avx512f+avx512bw+avx512cd+avx512dq+avx512vl+avx2+avx+bmi1+bmi2+lzcnt+popcnt",
    "x86_64+avx2+avx+bmi1+bmi2+lzcnt+popcnt"
))]
fn quotient_block<'a>(
    l: &Quotients<'a>,
    threshold: Option<f64>,
    out: &mut [f64],
    pres: &mut [f64],
    lane_sums: &mut [f64],
) -> Vec<f64> {
    let len = l.lane_len;
    let mut across = vec![0.0; if threshold.is_some() { len } else { 0 }];
    for (k, o) in out.chunks_exact_mut(len).enumerate() {
        let lane = l.first_lane + k;
        let x = &l.x[lane * len..(lane + 1) * len];
        if l.row_major {
            let r = l.row_denominators[lane];
            for ((o, &x), &q) in o.iter_mut().zip(x).zip(l.q) {
                *o = x / r / q;
            }
        } else {
            let qj = l.q[lane];
            for ((o, &x), &r) in o.iter_mut().zip(x).zip(l.row_denominators) {
                *o = x / r / qj;
            }
        }
        if let Some(t) = threshold {
            let pr = &mut pres[k * len..(k + 1) * len];
            for (p, &v) in pr.iter_mut().zip(o.iter()) {
                *p = present(v, t);
            }
            for (a, &p) in across.iter_mut().zip(pr.iter()) {
                *a += p;
            }
            lane_sums[k] = lane_sum(pr);
        }
    }
    across
}

/// `(x / r) / (c / t)` for every kept cell, with the fills of the zero rows and columns,
/// and, with a `threshold`, the presence matrix and its sums from the same pass. The order
/// of the operations is EconGeo's (`mat / rowSums(mat)` divided by `colSums(mat) /
/// sum(mat)`), so that values equal its values to the last bit for integer counts. The
/// output has the memory order of the input; the work runs over contiguous lanes in blocks
/// (on rayon's threads with the `parallel` feature), so that the divisions vectorise.
fn lq_kernel(
    p: &Prepared<'_>,
    row_denominators: &[f64],
    total: f64,
    threshold: Option<f64>,
) -> (Array2<f64>, Option<PresencePass>) {
    let v = p.values.view();
    let (n, m) = v.dim();
    let q: Vec<f64> = p.col_sums.iter().map(|&c| c / total).collect();
    let (s, row_major) = match lanes(&v) {
        Lanes::Rows(s) => (s, true),
        Lanes::Cols(s) => (s, false),
        Lanes::Other => {
            let mut out = Array2::zeros((n, m));
            let r = Array1::from(row_denominators.to_vec()).insert_axis(Axis(1));
            let q = Array1::from(q).insert_axis(Axis(0));
            Zip::from(&mut out).and(&v).and_broadcast(&r).and_broadcast(&q).for_each(|o, &x, &r, &q| *o = x / r / q);
            apply_fills(p, &mut out);
            let pass = threshold.map(|t| presence_of(&out, t));
            return (out, pass);
        }
    };
    let (lane_count, lane_len) = if row_major { (n, m) } else { (m, n) };
    // With the regions' totals as denominators `x / r <= 1`, so a quotient overflows to
    // infinity only for an activity share below `1 / f64::MAX`; then the presence is taken
    // from the finished matrix instead (`present` needs finite quotients).
    let threshold = threshold.filter(|_| q.iter().all(|&q| q == 0.0 || q >= 1.0 / f64::MAX));
    let work = |b: usize, out: &mut [f64], pres: &mut [f64], lane_sums: &mut [f64]| {
        let lanes = Quotients { x: s, lane_len, first_lane: b * BLOCK_LANES, row_major, row_denominators, q: &q };
        quotient_block(&lanes, threshold, out, pres, lane_sums)
    };
    let chunk = BLOCK_LANES * lane_len;
    let mut out = vec![0.0; n * m];
    let mut pass = None;
    if threshold.is_some() {
        let mut pres = vec![0.0; n * m];
        let mut lane_sums = vec![0.0; lane_count];
        #[cfg(feature = "parallel")]
        let partials: Vec<Vec<f64>> = {
            use rayon::prelude::*;
            out.par_chunks_mut(chunk)
                .zip(pres.par_chunks_mut(chunk))
                .zip(lane_sums.par_chunks_mut(BLOCK_LANES))
                .enumerate()
                .map(|(b, ((o, pr), ls))| work(b, o, pr, ls))
                .collect()
        };
        #[cfg(not(feature = "parallel"))]
        let partials: Vec<Vec<f64>> = out
            .chunks_mut(chunk)
            .zip(pres.chunks_mut(chunk))
            .zip(lane_sums.chunks_mut(BLOCK_LANES))
            .enumerate()
            .map(|(b, ((o, pr), ls))| work(b, o, pr, ls))
            .collect();
        // Sums of 0/1 (or NaN): exact in any order.
        let mut across = vec![0.0; lane_len];
        for part in partials {
            for (a, x) in across.iter_mut().zip(part) {
                *a += x;
            }
        }
        let (diversity, ubiquity) = if row_major { (lane_sums, across) } else { (across, lane_sums) };
        let shape = if row_major { (n, m).into_shape_with_order() } else { (n, m).f().into_shape_with_order() };
        let presence = Array2::from_shape_vec(shape, pres).unwrap_or_default();
        pass = Some(PresencePass { presence, diversity, ubiquity });
    } else {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            out.par_chunks_mut(chunk).enumerate().for_each(|(b, o)| {
                work(b, o, &mut [], &mut []);
            });
        }
        #[cfg(not(feature = "parallel"))]
        for (b, o) in out.chunks_mut(chunk).enumerate() {
            work(b, o, &mut [], &mut []);
        }
    }
    let shape = if row_major { (n, m).into_shape_with_order() } else { (n, m).f().into_shape_with_order() };
    let mut out = Array2::from_shape_vec(shape, out).unwrap_or_default();
    if p.row_sums.iter().chain(&p.col_sums).any(|&x| x == 0.0) {
        // Rare: kept zero rows or columns take their fills, and the presence follows them.
        apply_fills(p, &mut out);
        pass = threshold.map(|t| presence_of(&out, t));
    }
    (out, pass)
}

/// The presence pass of a finished quotient matrix.
fn presence_of(out: &Array2<f64>, threshold: f64) -> PresencePass {
    let mut presence = out.clone();
    binarise(&mut presence, threshold);
    let diversity = presence.sum_axis(Axis(1)).to_vec();
    let ubiquity = presence.sum_axis(Axis(0)).to_vec();
    PresencePass { presence, diversity, ubiquity }
}

/// Writes the fill values of kept zero columns, then of kept zero rows (rows win).
fn apply_fills(p: &Prepared<'_>, out: &mut Array2<f64>) {
    for j in (0..p.col_sums.len()).filter(|&j| p.zero_col(j)) {
        out.column_mut(j).fill(p.zero_col_fill);
    }
    for i in (0..p.row_sums.len()).filter(|&i| p.zero_row(i)) {
        out.row_mut(i).fill(p.zero_row_fill);
    }
}

fn maybe_round(out: &mut Array2<f64>, digits: Option<u32>) {
    if let Some(d) = digits {
        out.mapv_inplace(|x| round_half_even(x, d));
    }
}

/// The RCA of the kept cells, unrounded.
pub(crate) fn rca_prepared(p: &Prepared<'_>) -> Array2<f64> {
    lq_kernel(p, &p.row_sums, p.total, None).0
}

/// The RCA of the kept cells, unrounded, with the presence at `threshold` and its sums.
pub(crate) fn rca_presence_prepared(p: &Prepared<'_>, threshold: f64) -> (Array2<f64>, PresencePass) {
    let (rca, pass) = lq_kernel(p, &p.row_sums, p.total, Some(threshold));
    let pass = pass.unwrap_or_else(|| presence_of(&rca, threshold));
    (rca, pass)
}

/// Location quotient / Balassa RCA on a bare array: the raw kernel behind [`rca`].
///
/// Formula, arguments, errors and conventions as [`rca`]; errors name cells by position.
/// Returns the values on the kept rows and columns with their input indices.
///
/// Complexity: O(n m) time, one output array.
///
/// ```
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{RcaParams, rca_values};
/// let k = rca_values(array![[10.0, 0.0], [10.0, 20.0]].view(), &RcaParams::default())?;
/// assert_eq!(k.values[[0, 0]], 2.0); // (10/10) / (20/40)
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// As [`rca`].
pub fn rca_values(values: ArrayView2<'_, f64>, params: &RcaParams) -> Result<Kept> {
    rca_named(values, params, Names::none())
}

pub(crate) fn rca_named(values: ArrayView2<'_, f64>, params: &RcaParams, names: Names<'_>) -> Result<Kept> {
    let p = prepare(values, params, names)?;
    let mut out = rca_prepared(&p);
    maybe_round(&mut out, params.digits);
    Ok(Kept { values: out, rows: p.rows, cols: p.cols })
}

fn labelled(m: &LabelledMatrix, k: Kept) -> Result<LabelledMatrix> {
    LabelledMatrix::new(pick(m.rows(), &k.rows), pick(m.cols(), &k.cols), k.values)
}

/// Location quotient, also called Balassa's index of revealed comparative advantage (RCA).
///
/// Formula: `RCA_ri = (x_ri / x_r.) / (x_.i / x_..)`, the share of activity `i` in region
/// `r` over the share of `i` in the whole matrix. Values above 1 mean the region is
/// specialised in the activity. Computed in EconGeo's order of operations, so that the
/// values equal `EconGeo::location_quotient(mat)` to the last bit for integer counts.
///
/// Arguments: `m`, non-negative counts (employment, exports) with regions in rows and
/// activities in columns; `params`: the policies for zero rows, zero columns and missing
/// values, and optional rounding (`digits: Some(2)` reproduces EconGeo's `RCA()`).
///
/// Returns the RCA matrix on the kept rows and columns (all of them unless a policy is
/// `drop`). A region with a zero total gets NaN (`zero_rows: nan`, the default), 0
/// (`zero`, EconGeo's convention), is dropped (`drop`) or fails (`error`); likewise an
/// activity with a zero total (`zero_cols`).
///
/// # Errors
/// [`Error::NonFinite`] for an infinite value, or a NaN with `missing: error` (the
/// default); [`Error::InvalidParameter`] (`values`) for a negative value and for invalid
/// parameters; [`Error::Empty`] for an empty matrix, a zero row or column under policy
/// `error`, or when every row or column was dropped. Each error names the region,
/// activity or cell.
///
/// Complexity: O(n m).
///
/// ```
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{RcaParams, rca};
///
/// let m = LabelledMatrix::new(
///     vec!["R1".into(), "R2".into()],
///     vec!["A".into(), "B".into()],
///     array![[30.0, 10.0], [10.0, 50.0]],
/// )?;
/// let lq = rca(&m, &RcaParams::default())?;
/// assert_eq!(lq.get("R1", "A"), Some((30.0 / 40.0) / (40.0 / 100.0)));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Balassa (1965), *The Manchester School* 33: 99-123; conventions of EconGeo
/// 1.3 (`location_quotient`, `rca`; P.-A. Balland) and the Python packages
/// `economic-complexity` 0.3 (Datawheel) and `ecomplexity` 0.5 (Harvard Growth Lab), which
/// agree on the formula.
pub fn rca(m: &LabelledMatrix, params: &RcaParams) -> Result<LabelledMatrix> {
    let k = rca_named(m.values(), params, Names::of(m.rows(), m.cols()))?;
    labelled(m, k)
}

/// Binary presence on a bare array: the raw kernel behind [`presence`].
///
/// ```
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{RcaParams, presence_values};
/// let k = presence_values(array![[10.0, 0.0], [10.0, 20.0]].view(), &RcaParams::default())?;
/// assert_eq!(k.values, array![[1.0, 0.0], [0.0, 1.0]]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// As [`presence`].
pub fn presence_values(values: ArrayView2<'_, f64>, params: &RcaParams) -> Result<Kept> {
    presence_named(values, params, Names::none())
}

pub(crate) fn binarise(out: &mut Array2<f64>, threshold: f64) {
    out.mapv_inplace(|x| {
        if x.is_nan() {
            x
        } else if x >= threshold {
            1.0
        } else {
            0.0
        }
    });
}

fn presence_named(values: ArrayView2<'_, f64>, params: &RcaParams, names: Names<'_>) -> Result<Kept> {
    let p = prepare(values, params, names)?;
    let mut out = rca_prepared(&p);
    binarise(&mut out, params.threshold);
    Ok(Kept { values: out, rows: p.rows, cols: p.cols })
}

/// Binary presence: 1 where the RCA is at least `params.threshold` (default 1), else 0.
///
/// Formula: `M_ri = 1 if RCA_ri >= threshold else 0`, from the unrounded RCA (`digits` is
/// ignored). Cells of zero rows and columns are NaN or 0 by the policies, as in [`rca`].
///
/// Returns a 0/1 matrix (NaN where the RCA is NaN).
///
/// # Errors
/// As [`rca`]; [`Error::InvalidParameter`] (`threshold`) for a threshold that is not
/// finite and positive.
///
/// Complexity: O(n m).
///
/// ```
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{RcaParams, presence};
///
/// let m = LabelledMatrix::new(vec!["R1".into(), "R2".into()], vec!["A".into(), "B".into()],
///     array![[30.0, 10.0], [10.0, 50.0]])?;
/// let p = presence(&m, &RcaParams::default())?;
/// assert_eq!(p.values(), array![[1.0, 0.0], [0.0, 1.0]]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: every peer uses `RCA >= 1` (`ecomplexity` `rca_mcp_threshold=1`, Datawheel
/// `rca >= 1`); EconGeo's `binary = TRUE` maps LQ < 1 to 0 and LQ > 1 to 1 and leaves
/// LQ == 1 as 1, which is the same rule.
pub fn presence(m: &LabelledMatrix, params: &RcaParams) -> Result<LabelledMatrix> {
    let k = presence_named(m.values(), params, Names::of(m.rows(), m.cols()))?;
    labelled(m, k)
}

fn symmetric_named(values: ArrayView2<'_, f64>, params: &RcaParams, names: Names<'_>) -> Result<Kept> {
    let p = prepare(values, params, names)?;
    let mut out = rca_prepared(&p);
    out.mapv_inplace(|r| (r - 1.0) / (r + 1.0));
    // Zero rows and columns keep their fill (NaN or 0), not (0 - 1) / (0 + 1).
    apply_fills(&p, &mut out);
    maybe_round(&mut out, params.digits);
    Ok(Kept { values: out, rows: p.rows, cols: p.cols })
}

/// Symmetric RCA on a bare array: the raw kernel behind [`symmetric_rca`].
///
/// # Errors
/// As [`rca`].
pub fn symmetric_rca_values(values: ArrayView2<'_, f64>, params: &RcaParams) -> Result<Kept> {
    symmetric_named(values, params, Names::none())
}

/// Symmetric RCA (revealed symmetric comparative advantage), in [-1, 1).
///
/// Formula: `SRCA_ri = (RCA_ri - 1) / (RCA_ri + 1)`: 0 where the region has the activity's
/// average share, -1 where it has none, towards 1 for strong specialisation. Zero rows and
/// columns get the fills of the policies, as in [`rca`].
///
/// # Errors
/// As [`rca`].
///
/// Complexity: O(n m).
///
/// ```
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{RcaParams, symmetric_rca};
///
/// let m = LabelledMatrix::new(vec!["R1".into(), "R2".into()], vec!["A".into(), "B".into()],
///     array![[30.0, 10.0], [10.0, 50.0]])?;
/// let s = symmetric_rca(&m, &RcaParams::default())?;
/// let r = (30.0 / 40.0) / (40.0 / 100.0);
/// assert_eq!(s.get("R1", "A"), Some((r - 1.0) / (r + 1.0)));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Dalum, Laursen & Villumsen (1998), *International Review of Applied Economics*
/// 12(3): 423-443; Laursen (2015), *Eurasian Business Review* 5: 99-115.
pub fn symmetric_rca(m: &LabelledMatrix, params: &RcaParams) -> Result<LabelledMatrix> {
    let k = symmetric_named(m.values(), params, Names::of(m.rows(), m.cols()))?;
    labelled(m, k)
}

fn check_population(population: &[f64], n: usize, names: Names<'_>) -> Result<()> {
    if population.len() != n {
        return Err(Error::ShapeMismatch {
            what: "population".into(),
            expected: format!("{n} values (one per region)"),
            found: format!("{} values", population.len()),
        });
    }
    if let Some(i) = population.iter().position(|p| !(p.is_finite() && *p > 0.0)) {
        return Err(Error::param(
            "population",
            format!("the population of {} is {}; it must be finite and positive", names.region(i), population[i]),
        ));
    }
    Ok(())
}

fn rpop_named(
    values: ArrayView2<'_, f64>,
    population: &[f64],
    params: &RcaParams,
    names: Names<'_>,
    binary: bool,
) -> Result<Kept> {
    check_population(population, values.nrows(), names)?;
    let p = prepare(values, params, names)?;
    let pop: Vec<f64> = p.rows.iter().map(|&i| population[i]).collect();
    let total_pop: f64 = pop.iter().sum();
    let mut out = lq_kernel(&p, &pop, total_pop, None).0;
    if binary {
        binarise(&mut out, params.threshold);
    } else {
        maybe_round(&mut out, params.digits);
    }
    Ok(Kept { values: out, rows: p.rows, cols: p.cols })
}

/// RPOP on a bare array: the raw kernel behind [`rpop`]; `population` has one value per
/// input row.
///
/// # Errors
/// As [`rpop`].
pub fn rpop_values(values: ArrayView2<'_, f64>, population: &[f64], params: &RcaParams) -> Result<Kept> {
    rpop_named(values, population, params, Names::none(), false)
}

/// Per-capita presence index RPOP: an activity's size in a region per inhabitant, relative
/// to its size per inhabitant in the whole matrix.
///
/// Formula: `RPOP_ri = (x_ri / pop_r) / (x_.i / pop_.)`, with `pop_.` the population of the
/// kept regions. Zero activities, missing values and zero regions follow the policies as in
/// [`rca`] (a region with a zero total gets NaN / 0 / is dropped / fails).
///
/// Arguments: `m`; `population`, one finite positive value per row of `m`; `params`.
///
/// # Errors
/// As [`rca`]; [`Error::ShapeMismatch`] when `population` does not have one value per
/// region; [`Error::InvalidParameter`] (`population`) for a value that is not finite and
/// positive, naming the region.
///
/// Complexity: O(n m).
///
/// ```
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{RcaParams, rpop};
///
/// let m = LabelledMatrix::new(vec!["R1".into(), "R2".into()], vec!["A".into(), "B".into()],
///     array![[30.0, 10.0], [10.0, 50.0]])?;
/// let r = rpop(&m, &[100.0, 300.0], &RcaParams::default())?;
/// assert_eq!(r.get("R1", "A"), Some((30.0 / 100.0) / (40.0 / 400.0)));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: `ecomplexity` 0.5 (Harvard Growth Lab) `calculate_rpop`, whose order of
/// operations this follows; Bustos, Gomez, Hausmann & Hidalgo (2012), PLOS ONE 7(11).
pub fn rpop(m: &LabelledMatrix, population: &[f64], params: &RcaParams) -> Result<LabelledMatrix> {
    let k = rpop_named(m.values(), population, params, Names::of(m.rows(), m.cols()), false)?;
    labelled(m, k)
}

/// Per-capita presence: 1 where RPOP is at least `params.threshold` (default 1), else 0,
/// as `ecomplexity`'s `presence_test="rpop"`.
///
/// # Errors
/// As [`rpop`].
///
/// Complexity: O(n m).
///
/// ```
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{RcaParams, rpop_presence};
///
/// let m = LabelledMatrix::new(vec!["R1".into(), "R2".into()], vec!["A".into(), "B".into()],
///     array![[30.0, 10.0], [10.0, 50.0]])?;
/// let p = rpop_presence(&m, &[100.0, 300.0], &RcaParams::default())?;
/// assert_eq!(p.values(), array![[1.0, 0.0], [0.0, 1.0]]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn rpop_presence(m: &LabelledMatrix, population: &[f64], params: &RcaParams) -> Result<LabelledMatrix> {
    let k = rpop_named(m.values(), population, params, Names::of(m.rows(), m.cols()), true)?;
    labelled(m, k)
}

/// Per-capita presence on a bare array: the raw kernel behind [`rpop_presence`].
///
/// # Errors
/// As [`rpop`].
pub fn rpop_presence_values(values: ArrayView2<'_, f64>, population: &[f64], params: &RcaParams) -> Result<Kept> {
    rpop_named(values, population, params, Names::none(), true)
}

/// Runs a matrix measure on every year of a panel and returns long-form records (years
/// outer, then regions, then activities).
pub(crate) fn per_year(
    panel: &Panel,
    mut f: impl FnMut(usize, &LabelledMatrix) -> Result<LabelledMatrix>,
) -> Result<Vec<LongRecord>> {
    let mut out = Vec::new();
    for (t, &year) in panel.years().iter().enumerate() {
        let m = panel.year(year)?;
        let r = f(t, &m).map_err(|e| in_year(e, year))?;
        out.extend(r.to_long().into_iter().map(|mut rec| {
            rec.year = Some(year);
            rec
        }));
    }
    Ok(out)
}

/// Adds the year to the description of an error raised for one year of a panel.
pub(crate) fn in_year(e: Error, year: i32) -> Error {
    match e {
        Error::NonFinite { what, at } => Error::NonFinite { what: format!("{what}, year {year}"), at },
        Error::Empty { what } => Error::Empty { what: format!("{what} (year {year})") },
        Error::InvalidParameter { name, reason } if name == "values" || name == "population" => {
            Error::InvalidParameter { name, reason: format!("{reason} (year {year})") }
        }
        other => other,
    }
}

/// [`rca`] for every year of a panel, in long form `(region, activity, year, value)`.
///
/// # Errors
/// As [`rca`], with the year in the message.
///
/// Complexity: O(T n m).
///
/// ```
/// use clusterpolicy::model::Panel;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{RcaParams, rca_panel};
///
/// let p = Panel::new(vec![2020, 2021], vec!["R1".into(), "R2".into()], vec!["A".into(), "B".into()],
///     array![[[1.0, 1.0], [1.0, 1.0]], [[3.0, 1.0], [1.0, 3.0]]])?;
/// let long = rca_panel(&p, &RcaParams::default())?;
/// assert_eq!(long.len(), 8);
/// assert_eq!((long[4].year, long[4].value), (Some(2021), 1.5));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn rca_panel(panel: &Panel, params: &RcaParams) -> Result<Vec<LongRecord>> {
    per_year(panel, |_, m| rca(m, params))
}

/// [`presence`] for every year of a panel, in long form.
///
/// # Errors
/// As [`presence`], with the year in the message.
///
/// Complexity: O(T n m).
///
/// ```
/// use clusterpolicy::model::Panel;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{RcaParams, presence_panel};
///
/// let p = Panel::new(vec![2020], vec!["R1".into(), "R2".into()], vec!["A".into(), "B".into()],
///     array![[[3.0, 1.0], [1.0, 3.0]]])?;
/// let v: Vec<f64> = presence_panel(&p, &RcaParams::default())?.iter().map(|r| r.value).collect();
/// assert_eq!(v, [1.0, 0.0, 0.0, 1.0]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn presence_panel(panel: &Panel, params: &RcaParams) -> Result<Vec<LongRecord>> {
    per_year(panel, |_, m| presence(m, params))
}

/// [`symmetric_rca`] for every year of a panel, in long form.
///
/// # Errors
/// As [`symmetric_rca`], with the year in the message.
///
/// Complexity: O(T n m).
///
/// ```
/// use clusterpolicy::model::Panel;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{RcaParams, symmetric_rca_panel};
///
/// let p = Panel::new(vec![2020], vec!["R1".into(), "R2".into()], vec!["A".into(), "B".into()],
///     array![[[1.0, 1.0], [1.0, 1.0]]])?;
/// assert!(symmetric_rca_panel(&p, &RcaParams::default())?.iter().all(|r| r.value == 0.0));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn symmetric_rca_panel(panel: &Panel, params: &RcaParams) -> Result<Vec<LongRecord>> {
    per_year(panel, |_, m| symmetric_rca(m, params))
}

fn population_rows(population: ArrayView2<'_, f64>, panel: &Panel) -> Result<()> {
    let expected = (panel.years().len(), panel.rows().len());
    if population.dim() != expected {
        return Err(Error::ShapeMismatch {
            what: "population (years x regions)".into(),
            expected: format!("{} x {}", expected.0, expected.1),
            found: format!("{} x {}", population.nrows(), population.ncols()),
        });
    }
    Ok(())
}

/// [`rpop`] for every year of a panel, in long form; `population` is `years x regions`.
///
/// # Errors
/// As [`rpop`]; [`Error::ShapeMismatch`] when `population` is not `years x regions`.
///
/// Complexity: O(T n m).
///
/// ```
/// use clusterpolicy::model::Panel;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{RcaParams, rpop_panel};
///
/// let p = Panel::new(vec![2020], vec!["R1".into(), "R2".into()], vec!["A".into(), "B".into()],
///     array![[[30.0, 10.0], [10.0, 50.0]]])?;
/// let long = rpop_panel(&p, array![[100.0, 300.0]].view(), &RcaParams::default())?;
/// assert_eq!(long[0].value, (30.0 / 100.0) / (40.0 / 400.0));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn rpop_panel(panel: &Panel, population: ArrayView2<'_, f64>, params: &RcaParams) -> Result<Vec<LongRecord>> {
    population_rows(population, panel)?;
    per_year(panel, |t, m| rpop(m, &population.row(t).to_vec(), params))
}

/// [`rpop_presence`] for every year of a panel, in long form; `population` is
/// `years x regions`.
///
/// # Errors
/// As [`rpop_panel`].
///
/// Complexity: O(T n m).
///
/// ```
/// use clusterpolicy::model::Panel;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{RcaParams, rpop_presence_panel};
///
/// let p = Panel::new(vec![2020], vec!["R1".into(), "R2".into()], vec!["A".into(), "B".into()],
///     array![[[30.0, 10.0], [10.0, 50.0]]])?;
/// let long = rpop_presence_panel(&p, array![[100.0, 300.0]].view(), &RcaParams::default())?;
/// assert_eq!(long.iter().map(|r| r.value).collect::<Vec<_>>(), [1.0, 0.0, 0.0, 1.0]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn rpop_presence_panel(
    panel: &Panel,
    population: ArrayView2<'_, f64>,
    params: &RcaParams,
) -> Result<Vec<LongRecord>> {
    population_rows(population, panel)?;
    per_year(panel, |t, m| rpop_presence(m, &population.row(t).to_vec(), params))
}
