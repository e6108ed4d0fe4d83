//! Input checks and the zero-row / zero-column / missing-value policies shared by every
//! measure of the module.

use ndarray::{Array2, ArrayView2, Axis, CowArray, Ix2};

use super::{Handling, RcaParams};
use crate::error::{Error, Result};

/// Labels used to name offending cells in errors; `None` names them by position only.
#[derive(Clone, Copy)]
pub(crate) struct Names<'a> {
    pub(crate) rows: Option<&'a [String]>,
    pub(crate) cols: Option<&'a [String]>,
}

impl<'a> Names<'a> {
    pub(crate) fn none() -> Self {
        Self { rows: None, cols: None }
    }

    pub(crate) fn of(rows: &'a [String], cols: &'a [String]) -> Self {
        Self { rows: Some(rows), cols: Some(cols) }
    }

    pub(crate) fn row(&self, i: usize) -> String {
        match self.rows.and_then(|r| r.get(i)) {
            Some(l) => format!("row {i} (`{l}`)"),
            None => format!("row {i}"),
        }
    }

    pub(crate) fn col(&self, j: usize) -> String {
        match self.cols.and_then(|c| c.get(j)) {
            Some(l) => format!("column {j} (`{l}`)"),
            None => format!("column {j}"),
        }
    }

    pub(crate) fn region(&self, i: usize) -> String {
        match self.rows.and_then(|r| r.get(i)) {
            Some(l) => format!("region `{l}` (row {i})"),
            None => format!("region at row {i}"),
        }
    }

    pub(crate) fn activity(&self, j: usize) -> String {
        match self.cols.and_then(|c| c.get(j)) {
            Some(l) => format!("activity `{l}` (column {j})"),
            None => format!("activity at column {j}"),
        }
    }
}

/// A matrix after the policies: kept rows and columns (indices into the input), the values
/// of the kept cells, and their sums.
pub(crate) struct Prepared<'a> {
    /// Values of the kept rows and columns (a view of the input when nothing was dropped or
    /// replaced).
    pub(crate) values: CowArray<'a, f64, Ix2>,
    /// Input row index of each kept row.
    pub(crate) rows: Vec<usize>,
    /// Input column index of each kept column.
    pub(crate) cols: Vec<usize>,
    /// Row sums of the kept values (NaN cells skipped).
    pub(crate) row_sums: Vec<f64>,
    /// Column sums of the kept values (NaN cells skipped).
    pub(crate) col_sums: Vec<f64>,
    /// Sum of all kept values.
    pub(crate) total: f64,
    /// Whether NaN cells remain (policy `nan` for missing values).
    #[allow(dead_code)] // read by the index functions
    pub(crate) has_nan: bool,
    /// Value written into the cells of zero rows (NaN or 0) when they are kept.
    pub(crate) zero_row_fill: f64,
    /// Value written into the cells of zero columns (NaN or 0) when they are kept.
    pub(crate) zero_col_fill: f64,
}

impl Prepared<'_> {
    /// Whether kept row `i` has a zero total.
    pub(crate) fn zero_row(&self, i: usize) -> bool {
        self.row_sums[i] == 0.0
    }

    /// Whether kept column `j` has a zero total.
    pub(crate) fn zero_col(&self, j: usize) -> bool {
        self.col_sums[j] == 0.0
    }
}

/// The memory layout of a matrix view, for loops over contiguous lanes.
pub(crate) enum Lanes<'a> {
    /// Row-major: each row is a contiguous slice.
    Rows(&'a [f64]),
    /// Column-major: each column is a contiguous slice.
    Cols(&'a [f64]),
    /// Anything else (strided views).
    Other,
}

/// Classifies the layout of `v` (a matrix with one row or column counts as both).
pub(crate) fn lanes<'a>(v: &'a ArrayView2<'_, f64>) -> Lanes<'a> {
    if let Some(s) = v.to_slice() {
        Lanes::Rows(s)
    } else if let Some(s) = v.t().to_slice() {
        Lanes::Cols(s)
    } else {
        Lanes::Other
    }
}

/// Sum of a slice with eight independent accumulators (vectorises; exact for counts).
pub(crate) fn lane_sum(x: &[f64]) -> f64 {
    let mut acc = [0.0f64; 8];
    let chunks = x.chunks_exact(8);
    let rest = chunks.remainder();
    for c in chunks {
        for (a, v) in acc.iter_mut().zip(c) {
            *a += v;
        }
    }
    let mut total = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    for v in rest {
        total += v;
    }
    total
}

/// `sum_k f(k)` over `0..n` for `K` quantities at once, in four interleaved lanes combined
/// as `(l0 + l1) + (l2 + l3)`: independent additions, so that the loop runs at the speed of
/// the arithmetic rather than of one chain of additions, and vectorises. The grouping is
/// fixed, so the result does not depend on anything but the input.
// Always inlined, so that it is compiled with the vector features of its caller.
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn sum4<const K: usize>(n: usize, mut f: impl FnMut(usize) -> [f64; K]) -> [f64; K] {
    // acc[q] holds the four lanes of quantity q side by side (one vector register).
    let mut acc = [[0.0f64; 4]; K];
    let whole = n - n % 4;
    for base in (0..whole).step_by(4) {
        let v: [[f64; K]; 4] = std::array::from_fn(|l| f(base + l));
        for (q, a) in acc.iter_mut().enumerate() {
            for (l, s) in a.iter_mut().enumerate() {
                *s += v[l][q];
            }
        }
    }
    for k in whole..n {
        for (a, v) in acc.iter_mut().zip(f(k)) {
            a[k - whole] += v;
        }
    }
    std::array::from_fn(|q| (acc[q][0] + acc[q][1]) + (acc[q][2] + acc[q][3]))
}

/// `sum_k f(a_k, b_k, c_k)` for `K` quantities at once over three slices of equal length,
/// in eight interleaved lanes combined pairwise at the end: the shape the compiler turns
/// into vector instructions. The grouping is fixed, so the result depends on the input only.
// Always inlined, so that it is compiled with the vector features of its caller.
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn zip_sum8<const K: usize>(
    a: &[f64],
    b: &[f64],
    c: &[f64],
    f: impl Fn(f64, f64, f64) -> [f64; K],
) -> [f64; K] {
    let n = a.len().min(b.len()).min(c.len());
    let (a, b, c) = (&a[..n], &b[..n], &c[..n]);
    let mut acc = [[0.0f64; 8]; K];
    let (ca, cb, cc) = (a.chunks_exact(8), b.chunks_exact(8), c.chunks_exact(8));
    let (ra, rb, rc) = (ca.remainder(), cb.remainder(), cc.remainder());
    for ((xa, xb), xc) in ca.zip(cb).zip(cc) {
        for l in 0..8 {
            let v = f(xa[l], xb[l], xc[l]);
            for (q, s) in acc.iter_mut().zip(v) {
                q[l] += s;
            }
        }
    }
    for (l, ((&xa, &xb), &xc)) in ra.iter().zip(rb).zip(rc).enumerate() {
        for (q, s) in acc.iter_mut().zip(f(xa, xb, xc)) {
            q[l] += s;
        }
    }
    std::array::from_fn(|q| {
        let l = &acc[q];
        ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]))
    })
}

/// Adds `x` (NaN read as 0 when `skip_nan`) into the row and column sums.
fn sums(v: &ArrayView2<'_, f64>, skip_nan: bool) -> (Vec<f64>, Vec<f64>) {
    let (n, m) = v.dim();
    let mut rs = vec![0.0; n];
    let mut cs = vec![0.0; m];
    let clean = |x: f64| if skip_nan && x.is_nan() { 0.0 } else { x };
    match lanes(v) {
        Lanes::Rows(s) => {
            for (i, row) in s.chunks_exact(m).enumerate() {
                if skip_nan {
                    let mut acc = 0.0;
                    for (c, &x) in cs.iter_mut().zip(row) {
                        let x = clean(x);
                        acc += x;
                        *c += x;
                    }
                    rs[i] = acc;
                } else {
                    for (c, &x) in cs.iter_mut().zip(row) {
                        *c += x;
                    }
                    rs[i] = lane_sum(row);
                }
            }
        }
        Lanes::Cols(s) => {
            for (j, col) in s.chunks_exact(n).enumerate() {
                if skip_nan {
                    let mut acc = 0.0;
                    for (r, &x) in rs.iter_mut().zip(col) {
                        let x = clean(x);
                        acc += x;
                        *r += x;
                    }
                    cs[j] = acc;
                } else {
                    for (r, &x) in rs.iter_mut().zip(col) {
                        *r += x;
                    }
                    cs[j] = lane_sum(col);
                }
            }
        }
        Lanes::Other => {
            for ((i, j), &x) in v.indexed_iter() {
                let x = clean(x);
                rs[i] += x;
                cs[j] += x;
            }
        }
    }
    (rs, cs)
}

/// Lanes (rows of a row-major matrix, columns of a column-major one) per block of
/// [`clean_sums`].
const BLOCK_LANES: usize = 32;

/// The sums along each lane of `block`, the sums across its lanes, and the or of the bits
/// of its values. Compiled for several instruction sets and chosen at run time (same
/// operations, same results).
#[multiversion::multiversion(targets(
    "x86_64+avx512f+avx512bw+avx512cd+avx512dq+avx512vl+avx2+avx+bmi1+bmi2+lzcnt+popcnt",
    "x86_64+avx2+avx+bmi1+bmi2+lzcnt+popcnt"
))]
fn sum_block(block: &[f64], lane_len: usize) -> (Vec<f64>, Vec<f64>, u64) {
    let mut lane_sums = Vec::with_capacity(BLOCK_LANES);
    let mut across = vec![0.0; lane_len];
    let mut signs = 0u64;
    for lane in block.chunks_exact(lane_len) {
        lane_sums.push(lane_sum(lane));
        for (a, &x) in across.iter_mut().zip(lane) {
            *a += x;
        }
        signs |= lane.iter().fold(0, |acc, x| acc | x.to_bits());
    }
    (lane_sums, across, signs)
}

/// Row and column sums in one pass over contiguous lanes, in blocks of lanes (on rayon's
/// threads with the `parallel` feature; the partial sums are added in block order, so the
/// result does not depend on the threads), when every value is finite and non-negative:
/// the sign bits are or-ed together and a NaN or infinity shows in its lane's sum. `None`
/// when a value may be negative (or -0), missing or infinite, or for a strided view: then
/// [`scan`] and [`sums`] take over.
fn clean_sums(v: &ArrayView2<'_, f64>) -> Option<(Vec<f64>, Vec<f64>)> {
    let (n, m) = v.dim();
    let (s, row_major) = match lanes(v) {
        Lanes::Rows(s) => (s, true),
        Lanes::Cols(s) => (s, false),
        Lanes::Other => return None,
    };
    let (lane_count, lane_len) = if row_major { (n, m) } else { (m, n) };
    let block = |b: usize| {
        let end = ((b + 1) * BLOCK_LANES).min(lane_count);
        sum_block(&s[b * BLOCK_LANES * lane_len..end * lane_len], lane_len)
    };
    let blocks = lane_count.div_ceil(BLOCK_LANES);
    #[cfg(feature = "parallel")]
    let parts: Vec<(Vec<f64>, Vec<f64>, u64)> = {
        use rayon::prelude::*;
        (0..blocks).into_par_iter().map(block).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let parts: Vec<(Vec<f64>, Vec<f64>, u64)> = (0..blocks).map(block).collect();
    let mut lane_sums = Vec::with_capacity(lane_count);
    let mut across = vec![0.0; lane_len];
    let mut signs = 0;
    for (l, a, sg) in parts {
        lane_sums.extend(l);
        for (t, x) in across.iter_mut().zip(a) {
            *t += x;
        }
        signs |= sg;
    }
    if signs >> 63 != 0 || !lane_sums.iter().all(|x| x.is_finite()) {
        return None;
    }
    Some(if row_major { (lane_sums, across) } else { (across, lane_sums) })
}

/// Whether every value is finite and non-negative (a branch-free pass over contiguous data).
fn all_clean(v: &ArrayView2<'_, f64>) -> bool {
    // A branch-free fold (`&` on booleans), so that the comparison vectorises.
    #[allow(clippy::needless_bitwise_bool, clippy::manual_range_contains)]
    let ok = |s: &[f64]| s.chunks(256).all(|c| c.iter().fold(true, |acc, &x| acc & (x >= 0.0) & (x < f64::INFINITY)));
    match lanes(v) {
        Lanes::Rows(s) | Lanes::Cols(s) => ok(s),
        Lanes::Other => v.iter().all(|x| (0.0..f64::INFINITY).contains(x)),
    }
}

fn fill(h: Handling) -> f64 {
    if h == Handling::Zero { 0.0 } else { f64::NAN }
}

/// Checks every value: infinities and negatives are errors, and so are NaN cells under
/// `missing: error`. Returns which rows hold a NaN, if any does.
fn scan(values: &ArrayView2<'_, f64>, params: &RcaParams, names: Names<'_>) -> Result<Option<Vec<bool>>> {
    if all_clean(values) {
        return Ok(None);
    }
    let mut nan_rows: Option<Vec<bool>> = None;
    for ((i, j), &x) in values.indexed_iter() {
        if x.is_nan() {
            if params.missing == Handling::Error {
                return Err(Error::NonFinite {
                    what: "region x activity matrix (missing value; see the `missing` parameter)".into(),
                    at: format!("{}, {}", names.row(i), names.col(j)),
                });
            }
            nan_rows.get_or_insert_with(|| vec![false; values.nrows()])[i] = true;
        } else if x.is_infinite() {
            return Err(Error::NonFinite {
                what: "region x activity matrix".into(),
                at: format!("{}, {}", names.row(i), names.col(j)),
            });
        } else if x < 0.0 {
            return Err(Error::param(
                "values",
                format!(
                    "negative value {x} at {}, {}: the measures need non-negative counts (employment, exports)",
                    names.row(i),
                    names.col(j)
                ),
            ));
        }
    }
    Ok(nan_rows)
}

/// Applies the policies of `params` to a non-negative count matrix.
///
/// Order: infinities and negative values are errors; missing (NaN) cells follow
/// `params.missing` (`drop` removes the rows that hold one); then regions with a zero
/// total follow `params.zero_rows` and activities with a zero total `params.zero_cols`.
pub(crate) fn prepare<'a>(values: ArrayView2<'a, f64>, params: &RcaParams, names: Names<'_>) -> Result<Prepared<'a>> {
    params.check()?;
    let (n, m) = values.dim();
    if n == 0 || m == 0 {
        return Err(Error::Empty { what: format!("region x activity matrix ({n} x {m})") });
    }
    let fast = clean_sums(&values);
    let nan_rows = if fast.is_some() { None } else { scan(&values, params, names)? };
    let any_nan = nan_rows.is_some();
    let mut cow: CowArray<'a, f64, Ix2> = CowArray::from(values);
    let mut rows: Vec<usize> = (0..n).collect();
    let mut has_nan = false;
    if any_nan {
        match params.missing {
            Handling::Zero => {
                cow = CowArray::from(values.mapv(|x| if x.is_nan() { 0.0 } else { x }));
            }
            Handling::Drop => {
                let nan_rows = nan_rows.unwrap_or_default();
                rows = (0..n).filter(|&i| !nan_rows[i]).collect();
                cow = CowArray::from(values.select(Axis(0), &rows));
            }
            _ => has_nan = true,
        }
    }
    let (mut row_sums, mut col_sums) = match fast {
        Some(s) => s,
        None => sums(&cow.view(), has_nan),
    };
    let mut cols: Vec<usize> = (0..m).collect();
    let zero_rows: Vec<usize> = (0..row_sums.len()).filter(|&i| row_sums[i] == 0.0).collect();
    let zero_cols: Vec<usize> = (0..col_sums.len()).filter(|&j| col_sums[j] == 0.0).collect();
    if let (Handling::Error, Some(&i)) = (params.zero_rows, zero_rows.first()) {
        return Err(Error::Empty {
            what: format!("{} has a total of zero (see the `zero_rows` parameter)", names.region(rows[i])),
        });
    }
    if let (Handling::Error, Some(&j)) = (params.zero_cols, zero_cols.first()) {
        return Err(Error::Empty {
            what: format!("{} has a total of zero (see the `zero_cols` parameter)", names.activity(j)),
        });
    }
    let drop_rows = params.zero_rows == Handling::Drop && !zero_rows.is_empty();
    let drop_cols = params.zero_cols == Handling::Drop && !zero_cols.is_empty();
    if drop_rows || drop_cols {
        // Dropping an all-zero row leaves the column sums as they are, and vice versa.
        let keep_r: Vec<usize> = if drop_rows {
            (0..row_sums.len()).filter(|&i| row_sums[i] != 0.0).collect()
        } else {
            (0..row_sums.len()).collect()
        };
        let keep_c: Vec<usize> = if drop_cols {
            (0..col_sums.len()).filter(|&j| col_sums[j] != 0.0).collect()
        } else {
            (0..col_sums.len()).collect()
        };
        if keep_r.is_empty() || keep_c.is_empty() {
            return Err(Error::Empty { what: "region x activity matrix: every value is zero".into() });
        }
        let v: Array2<f64> = cow.view().select(Axis(0), &keep_r).select(Axis(1), &keep_c);
        cow = CowArray::from(v);
        rows = keep_r.iter().map(|&i| rows[i]).collect();
        cols = keep_c.iter().map(|&j| cols[j]).collect();
        row_sums = keep_r.iter().map(|&i| row_sums[i]).collect();
        col_sums = keep_c.iter().map(|&j| col_sums[j]).collect();
    }
    let total = row_sums.iter().sum();
    Ok(Prepared {
        values: cow,
        rows,
        cols,
        row_sums,
        col_sums,
        total,
        has_nan,
        zero_row_fill: fill(params.zero_rows),
        zero_col_fill: fill(params.zero_cols),
    })
}

/// Labels of the kept rows or columns.
pub(crate) fn pick(labels: &[String], idx: &[usize]) -> Vec<String> {
    idx.iter().map(|&i| labels[i].clone()).collect()
}
