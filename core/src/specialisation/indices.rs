//! Specialisation indices of regions and concentration indices of activities.

use ndarray::{Array2, ArrayView2};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::prepare::{Lanes, Names, Prepared, lane_sum, lanes, pick, prepare, sum4, zip_sum8};
use super::rca::{PresencePass, in_year, rca_presence_prepared};
use super::rounding::round_half_even;
use super::{Convention, IndexParams};
use crate::error::{Error, Result};
use crate::fastmath::log2_positive;
use crate::model::{LabelledMatrix, Panel};
use crate::sort::{SortScratch, sort_keyed};

/// Specialisation indices of each region (one value per kept row).
///
/// Bounds (for a region with a non-zero total, over `m` activities):
/// `location_quotient_avg >= 1`; `krugman` in [0, 2); `specialisation_coefficient` in [0, 1); `hachman` in (0, 1];
/// `herfindahl` in [1/m, 1]; `entropy` in [0, log2 m]; `diversity` in 0..=m.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RegionIndices {
    /// Region labels (empty from the raw `*_values` kernels, which report row indices).
    pub regions: Vec<String>,
    /// Average location quotient, weighted by the region's activity shares:
    /// `sum_i LQ_ri s_ri` with `s_ri = x_ri / x_r.` (EconGeo `location_quotient_avg`).
    pub location_quotient_avg: Vec<f64>,
    /// Krugman specialisation index `sum_i |s_ri - s_i|`, `s_i = x_.i / x_..` (EconGeo
    /// `krugman_index`).
    pub krugman: Vec<f64>,
    /// Coefficient of specialisation, half the Krugman index (EconGeo `spec_coeff`).
    pub specialisation_coefficient: Vec<f64>,
    /// Hachman index, `1 / location_quotient_avg` (EconGeo `hachman`).
    pub hachman: Vec<f64>,
    /// Herfindahl-Hirschman index `sum_i s_ri^2` (EconGeo `herfindahl`).
    pub herfindahl: Vec<f64>,
    /// Shannon entropy in bits, `-sum_i s_ri log2 s_ri` (0 log 0 = 0); with
    /// [`Convention::EconGeo`] `-sum_i s_ri log2(s_ri + 1e-9)` rounded to 3 decimals
    /// (EconGeo `entropy`).
    pub entropy: Vec<f64>,
    /// Diversity: number of activities present (`RCA >= threshold`) (EconGeo
    /// `diversity(rca = TRUE)`).
    pub diversity: Vec<f64>,
}

/// Concentration indices of each activity (one value per kept column).
///
/// Bounds, over `n` regions: `ubiquity` in 0..=n; `gini` in [0, (n-1)/n]; `locational_gini`
/// in [0, 0.5); `hoover` in [0, 1] (0-100 with [`Convention::EconGeo`]); `hoover_gini` in
/// [0, 1].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ActivityIndices {
    /// Activity labels (empty from the raw `*_values` kernels, which report column indices).
    pub activities: Vec<String>,
    /// Ubiquity: number of regions where the activity is present (EconGeo
    /// `ubiquity(rca = TRUE)`).
    pub ubiquity: Vec<f64>,
    /// Gini coefficient of the activity's values over regions, each region weighted
    /// equally (EconGeo `gini`, which rounds to 3 decimals under [`Convention::EconGeo`]).
    pub gini: Vec<f64>,
    /// Krugman's locational Gini: half the area between the activity's localisation curve
    /// (regions ordered by `x_ri / (x_r. / x_..)`) and the diagonal (EconGeo
    /// `locational_gini`).
    pub locational_gini: Vec<f64>,
    /// Hoover index `1/2 sum_r |x_ri / x_.i - p_r / p_.|` against the reference distribution
    /// `p` (default: the regions' totals); EconGeo's `hoover_index` reports it in percent
    /// rounded to 2 decimals ([`Convention::EconGeo`]).
    pub hoover: Vec<f64>,
    /// Hoover-Gini: the Gini of the activity's Hoover curve against the reference
    /// distribution (EconGeo `hoover_gini`, rounded to 3 decimals under
    /// [`Convention::EconGeo`]).
    pub hoover_gini: Vec<f64>,
}

/// Everything at once: RCA, presence, and the region and activity indices, sharing one
/// pass of input checks. The form returned by [`analyse`] and [`analyse_values`].
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// Input row index of each kept region.
    pub rows: Vec<usize>,
    /// Input column index of each kept activity.
    pub cols: Vec<usize>,
    /// RCA of the kept cells (rounded when `params.rca.digits` is set).
    pub rca: Array2<f64>,
    /// Presence (0/1, NaN where the RCA is NaN).
    pub presence: Array2<f64>,
    /// Region indices.
    pub regions: RegionIndices,
    /// Activity indices.
    pub activities: ActivityIndices,
}

fn econ(params: &IndexParams) -> bool {
    params.convention == Convention::EconGeo
}

/// What the activity indices of every column share: per-region factors and the
/// reference distribution.
struct ColumnContext {
    /// Population shares `p_r = x_r. / x_..` (0 for empty regions).
    pop_share: Vec<f64>,
    /// `1 / x_r.`: `x_ri / x_r.` orders the cells of a column as `x_ri / p_r` does.
    inv_row: Vec<f64>,
    /// Reference distribution of the Hoover index and Hoover-Gini.
    reference: Vec<f64>,
    /// `reference_r / sum(reference)`.
    ref_share: Vec<f64>,
    /// `1 / reference_r` (infinite for a zero reference), when the reference is not the
    /// regions' totals.
    inv_ref: Option<Vec<f64>>,
    econgeo: bool,
}

#[derive(Default)]
struct ColumnScratch {
    vals: Vec<u64>,
    keys: Vec<(u64, u32)>,
    ref_keys: Vec<(u64, u32)>,
    sort_vals: SortScratch<u64>,
    sort_keys: SortScratch<(u64, u32)>,
}

/// The area between a concentration curve and the diagonal, EconGeo's
/// `sum cind_k cpop_{k-1} - sum cind_{k-1} cpop_k` with `cind`, `cpop` the cumulative
/// shares of the cells in `order`, after the cells with `ind = 0` (population `pop_zero` in
/// total), which add nothing but their population. Written as `sum_k (x_k P_{k-1} - X_{k-1}
/// p_k) / (X P)` over the raw cumulative sums `X`, `P`: each term is non-negative when the
/// cells are ordered by `x / p`, so nothing cancels.
fn curve_area(order: &[(u64, u32)], ind: &[f64], pop: &[f64], pop_zero: f64) -> f64 {
    let (mut ci, mut cp, mut acc) = (0.0, pop_zero, 0.0);
    for &(_, k) in order {
        let (x, p) = (ind[k as usize], pop[k as usize]);
        acc += x * cp - ci * p;
        ci += x;
        cp += p;
    }
    acc / (ci * cp)
}

/// Gini, locational Gini, Hoover and Hoover-Gini of one column with total `col_sum`.
#[multiversion::multiversion(targets(
    "x86_64+avx512f+avx512bw+avx512cd+avx512dq+avx512vl+avx2+avx+bmi1+bmi2+lzcnt+popcnt",
    "x86_64+avx2+avx+bmi1+bmi2+lzcnt+popcnt"
))]
fn activity_column(col: &[f64], col_sum: f64, c: &ColumnContext, s: &mut ColumnScratch) -> [f64; 4] {
    let n = col.len();
    let (ps, ir, rs) = (&c.pop_share[..n], &c.inv_row[..n], &c.ref_share[..n]);
    // The Hoover sum and the population of the zero cells (NaN values make the sum NaN).
    let inv_sum = 1.0 / col_sum;
    let [hoover, pop_zero] =
        zip_sum8(col, rs, ps, |x, r, p| [(x * inv_sum - r).abs(), p * f64::from(u8::from(x == 0.0))]);
    if hoover.is_nan() {
        return [f64::NAN; 4];
    }
    // The non-zero values and their sort keys, compacted without branches.
    // (The buffers only grow: writing zeros into them for each column would cost a pass.)
    if s.vals.len() < n {
        s.vals.resize(n, 0);
        s.keys.resize(n, (0, 0));
    }
    let (vals, keys) = (&mut s.vals[..n], &mut s.keys[..n]);
    let mut cnt = 0usize;
    for (k, &x) in col.iter().enumerate() {
        vals[cnt] = x.to_bits();
        keys[cnt] = ((x * ir[k]).to_bits(), k as u32);
        cnt += usize::from(x > 0.0);
    }
    let zeros = n - cnt;
    // Gini with equal weights over the values in increasing order (zeros first):
    // G = sum_i x_(i) (2 i - n - 1) / (n sum x), the closed form of EconGeo's
    // sum nu_i p_{i-1} - nu_{i-1} p_i with p_i = i / n.
    sort_keyed(&mut s.vals[..cnt], &mut s.sort_vals);
    let w0 = (2 * zeros + 1) as f64 - n as f64;
    let vals = &s.vals[..cnt];
    let [g] = sum4(cnt, |k| [f64::from_bits(vals[k]) * (w0 + 2.0 * k as f64)]);
    let mut gini = g / (n as f64 * col_sum);
    // Locational Gini: cells ordered by x / p_r (the index breaks ties, as R's stable
    // `order`); zero cells first.
    sort_keyed(&mut s.keys[..cnt], &mut s.sort_keys);
    let area = curve_area(&s.keys[..cnt], col, &c.pop_share, pop_zero);
    let mut hoover = 0.5 * hoover;
    // Hoover-Gini: the same curve against the reference distribution (EconGeo prepends a
    // (0, 0) pair, which adds nothing). With the regions' totals as reference it is the
    // locational Gini's curve, scaled, which leaves the area as it is.
    let mut hoover_gini = match &c.inv_ref {
        None => area,
        Some(inv_ref) => {
            let [ref_zero] = sum4(n, |k| [c.reference[k] * f64::from(u8::from(col[k] == 0.0))]);
            s.ref_keys.clear();
            s.ref_keys
                .extend(s.keys[..cnt].iter().map(|&(_, k)| ((col[k as usize] * inv_ref[k as usize]).to_bits(), k)));
            sort_keyed(&mut s.ref_keys, &mut s.sort_keys);
            curve_area(&s.ref_keys, col, &c.reference, ref_zero)
        }
    };
    if c.econgeo {
        gini = round_half_even(gini, 3);
        hoover = round_half_even(hoover * 100.0, 2);
        hoover_gini = round_half_even(hoover_gini, 3);
    }
    [gini, area / 2.0, hoover, hoover_gini]
}

/// Rows `range` of `v`, one after the other: borrowed when `v` is row-major, else copied
/// (for a column-major `v`, reading each column's stretch once). The activity indices call
/// it on the transposed view to get columns.
fn row_block<'a>(v: &'a ArrayView2<'_, f64>, range: std::ops::Range<usize>) -> std::borrow::Cow<'a, [f64]> {
    let (n, m) = v.dim();
    match lanes(v) {
        Lanes::Rows(s) => std::borrow::Cow::Borrowed(&s[range.start * m..range.end * m]),
        Lanes::Cols(s) => {
            let mut t = vec![0.0; range.len() * m];
            for (j, col) in s.chunks_exact(n).enumerate() {
                for (k, &x) in col[range.clone()].iter().enumerate() {
                    t[k * m + j] = x;
                }
            }
            std::borrow::Cow::Owned(t)
        }
        Lanes::Other => std::borrow::Cow::Owned(v.slice(ndarray::s![range, ..]).iter().copied().collect()),
    }
}

/// Columns per block of the activity indices.
const BLOCK_COLUMNS: usize = 8;

/// The activity indices of columns `range` (copied into column-major order first when the
/// matrix is row-major).
fn activity_block(
    v: &ArrayView2<'_, f64>,
    range: std::ops::Range<usize>,
    p: &Prepared<'_>,
    c: &ColumnContext,
) -> Vec<[f64; 4]> {
    let n = v.nrows();
    let mut scratch = ColumnScratch::default();
    let vt = v.t();
    let block = row_block(&vt, range.clone());
    range
        .zip(block.chunks_exact(n))
        .map(|(j, col)| {
            if p.zero_col(j) {
                return [p.zero_col_fill; 4];
            }
            activity_column(col, p.col_sums[j], c, &mut scratch)
        })
        .collect()
}

/// What the region indices of every row share.
struct RowContext {
    /// Activity shares `s_i = x_.i / x_..`.
    shares: Vec<f64>,
    /// `1 / s_i`, and 0 for an activity with a zero total (whose cells are zero, or NaN).
    inv_shares: Vec<f64>,
    econgeo: bool,
}

/// Average LQ, Krugman, specialisation coefficient, Hachman, Herfindahl and entropy of one
/// row with total `r > 0`.
#[multiversion::multiversion(targets(
    "x86_64+avx512f+avx512bw+avx512cd+avx512dq+avx512vl+avx2+avx+bmi1+bmi2+lzcnt+popcnt",
    "x86_64+avx2+avx+bmi1+bmi2+lzcnt+popcnt"
))]
fn region_row(row: &[f64], r: f64, c: &RowContext, buf: &mut Vec<f64>) -> [f64; 6] {
    let m = row.len();
    let (sh, ish) = (&c.shares[..m], &c.inv_shares[..m]);
    let ir = 1.0 / r;
    // sum_i LQ_ri s_ri = sum_i x_ri^2 / s_i / r^2; Herfindahl sum_i x_ri^2 / r^2.
    let [krug, herf, avg] = zip_sum8(row, sh, ish, |x, s, is| {
        let sq = x * x;
        [(x * ir - s).abs(), sq, sq * is]
    });
    let entropy = if c.econgeo {
        let [e] = sum4(m, |j| {
            let s = row[j] * ir;
            [s * (s + 1e-9).log2()]
        });
        round_half_even(-e, 3)
    } else {
        // -sum (x/r) log2(x/r) = log2 r - sum x log2 x / r over the cells that are not zero
        // (0 log 0 = 0; a NaN cell makes it NaN), compacted first so that the logarithms are
        // taken in one branch-free loop.
        buf.resize(m, 0.0);
        let b = &mut buf[..m];
        let mut cnt = 0;
        for &x in row {
            b[cnt] = x;
            cnt += usize::from(x != 0.0);
        }
        let b = &mut buf[..cnt];
        for x in b.iter_mut() {
            *x *= log2_positive(*x);
        }
        let xlogx = lane_sum(b);
        // Clamp the rounding below 0 (NaN stays).
        let e = r.log2() - xlogx / r;
        if e < 0.0 { 0.0 } else { e }
    };
    let r2 = r * r;
    let avg = avg / r2;
    [avg, krug, krug / 2.0, 1.0 / avg, herf / r2, entropy]
}

/// Rows per block of the region indices.
const BLOCK_ROWS: usize = 32;

/// The region indices of rows `range` (copied into row-major order first when the matrix is
/// not row-major).
fn region_block(
    v: &ArrayView2<'_, f64>,
    range: std::ops::Range<usize>,
    p: &Prepared<'_>,
    c: &RowContext,
) -> Vec<[f64; 6]> {
    let m = v.ncols();
    let block = row_block(v, range.clone());
    let mut buf = Vec::new();
    range
        .zip(block.chunks_exact(m))
        .map(|(i, row)| if p.zero_row(i) { [p.zero_row_fill; 6] } else { region_row(row, p.row_sums[i], c, &mut buf) })
        .collect()
}

fn check_reference(reference: Option<&[f64]>, n: usize, names: Names<'_>) -> Result<()> {
    let Some(p) = reference else { return Ok(()) };
    if p.len() != n {
        return Err(Error::ShapeMismatch {
            what: "reference distribution".into(),
            expected: format!("{n} values (one per region)"),
            found: format!("{} values", p.len()),
        });
    }
    if let Some(i) = p.iter().position(|v| !(v.is_finite() && *v >= 0.0)) {
        return Err(Error::param(
            "reference",
            format!("the reference value of {} is {}; it must be finite and non-negative", names.region(i), p[i]),
        ));
    }
    if p.iter().sum::<f64>() <= 0.0 {
        return Err(Error::param("reference", "the reference values sum to zero"));
    }
    Ok(())
}

fn compute(p: &Prepared<'_>, params: &IndexParams, reference: Option<&[f64]>) -> Analysis {
    let econgeo = econ(params);
    let v = p.values.view();
    let m = v.ncols();
    let (mut rca, PresencePass { presence, diversity, ubiquity }) = rca_presence_prepared(p, params.rca.threshold);
    if let Some(d) = params.rca.digits {
        rca.mapv_inplace(|x| round_half_even(x, d));
    }
    // The region indices and the activity indices are independent: with the `parallel`
    // feature they run side by side, and the activities in blocks of columns. Each value is
    // computed by the same code whatever the threads, so the output does not change.
    let regions = || region_part(p, &v, econgeo);
    let activities = || activity_part(p, &v, reference, econgeo);
    #[cfg(feature = "parallel")]
    let (cols_r, per_col) = rayon::join(regions, activities);
    #[cfg(not(feature = "parallel"))]
    let (cols_r, per_col) = (regions(), activities());
    let [location_quotient_avg, krugman, specialisation_coefficient, hachman, herfindahl, entropy] = cols_r;
    let mut cols_a: [Vec<f64>; 4] = std::array::from_fn(|_| Vec::with_capacity(m));
    for vals in per_col {
        for (c, x) in cols_a.iter_mut().zip(vals) {
            c.push(x);
        }
    }
    let [gini, locational_gini, hoover, hoover_gini] = cols_a;
    Analysis {
        rows: p.rows.clone(),
        cols: p.cols.clone(),
        rca,
        presence,
        regions: RegionIndices {
            regions: Vec::new(),
            location_quotient_avg,
            krugman,
            specialisation_coefficient,
            hachman,
            herfindahl,
            entropy,
            diversity,
        },
        activities: ActivityIndices { activities: Vec::new(), ubiquity, gini, locational_gini, hoover, hoover_gini },
    }
}

/// The region index columns (average LQ, Krugman, specialisation coefficient, Hachman,
/// Herfindahl, entropy), in blocks of rows on rayon's threads with the `parallel` feature.
fn region_part(p: &Prepared<'_>, v: &ArrayView2<'_, f64>, econgeo: bool) -> [Vec<f64>; 6] {
    let n = v.nrows();
    let shares: Vec<f64> = p.col_sums.iter().map(|c| c / p.total).collect();
    let inv_shares = shares.iter().map(|&s| if s > 0.0 { 1.0 / s } else { 0.0 }).collect();
    let c = RowContext { shares, inv_shares, econgeo };
    let block = |b: usize| region_block(v, b * BLOCK_ROWS..((b + 1) * BLOCK_ROWS).min(n), p, &c);
    #[cfg(feature = "parallel")]
    let per_row: Vec<[f64; 6]> = {
        use rayon::prelude::*;
        (0..n.div_ceil(BLOCK_ROWS)).into_par_iter().flat_map_iter(block).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let per_row: Vec<[f64; 6]> = (0..n.div_ceil(BLOCK_ROWS)).flat_map(block).collect();
    let mut cols_r: [Vec<f64>; 6] = std::array::from_fn(|_| Vec::with_capacity(n));
    for vals in per_row {
        for (c, x) in cols_r.iter_mut().zip(vals) {
            c.push(x);
        }
    }
    cols_r
}

/// Gini, locational Gini, Hoover and Hoover-Gini of every activity (in blocks of columns on
/// rayon's threads with the `parallel` feature).
fn activity_part(p: &Prepared<'_>, v: &ArrayView2<'_, f64>, reference: Option<&[f64]>, econgeo: bool) -> Vec<[f64; 4]> {
    let m = v.ncols();
    let reference: Vec<f64> = match reference {
        Some(r) => p.rows.iter().map(|&i| r[i]).collect(),
        None => p.row_sums.clone(),
    };
    let ref_total: f64 = reference.iter().sum();
    let c = ColumnContext {
        pop_share: p.row_sums.iter().map(|r| r / p.total).collect(),
        inv_row: p.row_sums.iter().map(|r| 1.0 / r).collect(),
        ref_share: reference.iter().map(|r| r / ref_total).collect(),
        inv_ref: (reference != p.row_sums).then(|| reference.iter().map(|r| 1.0 / r).collect()),
        reference,
        econgeo,
    };
    let block = |range: std::ops::Range<usize>| activity_block(v, range, p, &c);
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        (0..m.div_ceil(BLOCK_COLUMNS))
            .into_par_iter()
            .flat_map_iter(|b| block(b * BLOCK_COLUMNS..((b + 1) * BLOCK_COLUMNS).min(m)))
            .collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        (0..m.div_ceil(BLOCK_COLUMNS))
            .flat_map(|b| block(b * BLOCK_COLUMNS..((b + 1) * BLOCK_COLUMNS).min(m)))
            .collect()
    }
}

fn analyse_named(
    values: ArrayView2<'_, f64>,
    params: &IndexParams,
    reference: Option<&[f64]>,
    names: Names<'_>,
) -> Result<Analysis> {
    params.check()?;
    check_reference(reference, values.nrows(), names)?;
    let p = prepare(values, &params.rca, names)?;
    Ok(compute(&p, params, reference))
}

/// RCA, presence and every region and activity index of a bare array in one call: the raw
/// kernel behind [`analyse`]. Labels in the result are empty; `rows` and `cols` give the
/// input index of each kept region and activity.
///
/// # Errors
/// As [`analyse`], naming cells by position.
///
/// Complexity: as [`analyse`].
///
/// ```
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{IndexParams, analyse_values};
/// let a = analyse_values(array![[30.0, 10.0], [10.0, 50.0]].view(), &IndexParams::default(), None)?;
/// assert_eq!(a.regions.diversity, [1.0, 1.0]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn analyse_values(
    values: ArrayView2<'_, f64>,
    params: &IndexParams,
    reference: Option<&[f64]>,
) -> Result<Analysis> {
    analyse_named(values, params, reference, Names::none())
}

/// RCA, presence, region indices and activity indices of a region x activity matrix in one
/// call (one pass of input checks; the sorts of the activity indices shared).
///
/// Formulas: see the fields of [`RegionIndices`] and [`ActivityIndices`]; RCA and presence
/// as [`rca`](super::rca) and [`presence`](super::presence).
///
/// Method: one pass checks the values and sums rows and columns; one pass writes RCA and
/// presence and counts diversity and ubiquity; then each region's indices come from one
/// pass over its row, and each activity's from one pass over its column and two sorts of
/// its non-zero cells (a radix sort on the top 16 bits of the key range, finished by
/// insertion). The Gini is taken in its closed form `sum_i x_(i) (2 i - n - 1) / (n sum x)`
/// and the concentration curves as sums of cross products `x_k P_{k-1} - X_{k-1} p_k`,
/// both equal to EconGeo's trapezoid sums; the Hoover-Gini reuses the locational Gini's
/// curve when the reference is the regions' totals. The passes run in blocks on rayon's
/// threads (feature `parallel`) and in vector instructions chosen at run time (AVX2,
/// AVX-512); the grouping of every sum is fixed, so the results are the same, bit for bit,
/// whatever the threads and the processor.
///
/// Arguments: `m`, non-negative counts; `params`: the RCA policies and threshold, and the
/// [`Convention`] (exact values, or EconGeo's rounding and `+1e-9` entropy); `reference`:
/// the reference distribution of the Hoover index and Hoover-Gini, one value per row of `m`
/// (default: the regions' totals, EconGeo's `pop = rowSums(mat)` in the reference files).
///
/// Returns an [`Analysis`] with the labels filled in. Regions with a zero total get the
/// fill of `zero_rows` (NaN or 0) for every index; activities with a zero total get the fill
/// of `zero_cols`; NaN cells (policy `nan`) make the indices of their region and activity
/// NaN.
///
/// # Errors
/// As [`rca`](super::rca); [`Error::ShapeMismatch`] / [`Error::InvalidParameter`]
/// (`reference`) for a reference of the wrong length, with a negative or non-finite value,
/// or summing to zero.
///
/// Complexity: O(n m) for keys spread over their range, O(n m log n) at worst (the sorts of
/// the activity indices), O(n m) memory.
///
/// ```
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{IndexParams, analyse};
///
/// let m = LabelledMatrix::new(vec!["R1".into(), "R2".into()], vec!["A".into(), "B".into()],
///     array![[30.0, 10.0], [10.0, 50.0]])?;
/// let a = analyse(&m, &IndexParams::default(), None)?;
/// assert_eq!(a.regions.regions, ["R1", "R2"]);
/// assert!((a.regions.krugman[0] - (0.75f64 - 0.4).abs() * 2.0).abs() < 1e-15);
/// assert_eq!(a.activities.ubiquity, [1.0, 1.0]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: EconGeo 1.3 (P.-A. Balland), functions named in the fields; Krugman (1991)
/// *Geography and Trade*; Hoover (1936), *Review of Economics and Statistics* 18(1): 162-171;
/// Hachman (1995); Shannon (1948).
pub fn analyse(m: &LabelledMatrix, params: &IndexParams, reference: Option<&[f64]>) -> Result<Analysis> {
    let mut a = analyse_named(m.values(), params, reference, Names::of(m.rows(), m.cols()))?;
    a.regions.regions = pick(m.rows(), &a.rows);
    a.activities.activities = pick(m.cols(), &a.cols);
    Ok(a)
}

/// The specialisation indices of each region ([`RegionIndices`]).
///
/// # Errors
/// As [`analyse`].
///
/// Complexity: O(n m log n) (computed with [`analyse`]).
///
/// ```
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{IndexParams, region_indices};
///
/// let m = LabelledMatrix::new(vec!["R1".into(), "R2".into()], vec!["A".into(), "B".into()],
///     array![[50.0, 50.0], [10.0, 30.0]])?;
/// let r = region_indices(&m, &IndexParams::default())?;
/// assert_eq!(r.entropy[0], 1.0);          // two equal shares: one bit
/// assert_eq!(r.herfindahl[0], 0.5);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn region_indices(m: &LabelledMatrix, params: &IndexParams) -> Result<RegionIndices> {
    Ok(analyse(m, params, None)?.regions)
}

/// The concentration indices of each activity ([`ActivityIndices`]); `reference` as in
/// [`analyse`].
///
/// # Errors
/// As [`analyse`].
///
/// Complexity: O(n m log n).
///
/// ```
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{IndexParams, activity_indices};
///
/// let m = LabelledMatrix::new(vec!["R1".into(), "R2".into()], vec!["A".into(), "B".into()],
///     array![[10.0, 20.0], [10.0, 20.0]])?;
/// let a = activity_indices(&m, &IndexParams::default(), None)?;
/// assert_eq!(a.gini, [0.0, 0.0]);          // evenly spread
/// assert_eq!(a.hoover, [0.0, 0.0]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn activity_indices(
    m: &LabelledMatrix,
    params: &IndexParams,
    reference: Option<&[f64]>,
) -> Result<ActivityIndices> {
    Ok(analyse(m, params, reference)?.activities)
}

/// Name of a region index in long-form results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RegionIndex {
    /// [`RegionIndices::location_quotient_avg`].
    LocationQuotientAvg,
    /// [`RegionIndices::krugman`].
    Krugman,
    /// [`RegionIndices::specialisation_coefficient`].
    SpecialisationCoefficient,
    /// [`RegionIndices::hachman`].
    Hachman,
    /// [`RegionIndices::herfindahl`].
    Herfindahl,
    /// [`RegionIndices::entropy`].
    Entropy,
    /// [`RegionIndices::diversity`].
    Diversity,
}

/// Name of an activity index in long-form results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActivityIndex {
    /// [`ActivityIndices::ubiquity`].
    Ubiquity,
    /// [`ActivityIndices::gini`].
    Gini,
    /// [`ActivityIndices::locational_gini`].
    LocationalGini,
    /// [`ActivityIndices::hoover`].
    Hoover,
    /// [`ActivityIndices::hoover_gini`].
    HooverGini,
}

/// One region index of one region (in one year), long form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RegionIndexRecord {
    /// Region label.
    pub region: String,
    /// Year, for panels.
    pub year: Option<i32>,
    /// Which index.
    pub index: RegionIndex,
    /// Its value.
    pub value: f64,
}

/// One activity index of one activity (in one year), long form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ActivityIndexRecord {
    /// Activity label.
    pub activity: String,
    /// Year, for panels.
    pub year: Option<i32>,
    /// Which index.
    pub index: ActivityIndex,
    /// Its value.
    pub value: f64,
}

impl RegionIndices {
    /// The indices in long form: regions outer, indices inner (in [`RegionIndex`] order).
    #[must_use]
    pub fn to_long(&self, year: Option<i32>) -> Vec<RegionIndexRecord> {
        use RegionIndex as I;
        let cols = [
            (I::LocationQuotientAvg, &self.location_quotient_avg),
            (I::Krugman, &self.krugman),
            (I::SpecialisationCoefficient, &self.specialisation_coefficient),
            (I::Hachman, &self.hachman),
            (I::Herfindahl, &self.herfindahl),
            (I::Entropy, &self.entropy),
            (I::Diversity, &self.diversity),
        ];
        let mut out = Vec::with_capacity(self.regions.len() * cols.len());
        for (i, r) in self.regions.iter().enumerate() {
            for (index, c) in &cols {
                out.push(RegionIndexRecord { region: r.clone(), year, index: *index, value: c[i] });
            }
        }
        out
    }
}

impl ActivityIndices {
    /// The indices in long form: activities outer, indices inner (in [`ActivityIndex`]
    /// order).
    #[must_use]
    pub fn to_long(&self, year: Option<i32>) -> Vec<ActivityIndexRecord> {
        use ActivityIndex as I;
        let cols = [
            (I::Ubiquity, &self.ubiquity),
            (I::Gini, &self.gini),
            (I::LocationalGini, &self.locational_gini),
            (I::Hoover, &self.hoover),
            (I::HooverGini, &self.hoover_gini),
        ];
        let mut out = Vec::with_capacity(self.activities.len() * cols.len());
        for (j, a) in self.activities.iter().enumerate() {
            for (index, c) in &cols {
                out.push(ActivityIndexRecord { activity: a.clone(), year, index: *index, value: c[j] });
            }
        }
        out
    }
}

/// [`region_indices`] for every year of a panel, in long form (years outer).
///
/// # Errors
/// As [`analyse`], with the year in the message.
///
/// Complexity: O(T n m log n).
///
/// ```
/// use clusterpolicy::model::Panel;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{IndexParams, RegionIndex, region_indices_panel};
///
/// let p = Panel::new(vec![2020, 2021], vec!["R1".into(), "R2".into()], vec!["A".into(), "B".into()],
///     array![[[1.0, 1.0], [1.0, 1.0]], [[3.0, 1.0], [1.0, 3.0]]])?;
/// let long = region_indices_panel(&p, &IndexParams::default())?;
/// assert_eq!(long.len(), 2 * 2 * 7);
/// let k = long.iter().find(|r| r.year == Some(2020) && r.index == RegionIndex::Krugman).unwrap();
/// assert_eq!(k.value, 0.0);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn region_indices_panel(panel: &Panel, params: &IndexParams) -> Result<Vec<RegionIndexRecord>> {
    let mut out = Vec::new();
    for &y in panel.years() {
        let r = region_indices(&panel.year(y)?, params).map_err(|e| in_year(e, y))?;
        out.extend(r.to_long(Some(y)));
    }
    Ok(out)
}

/// [`activity_indices`] for every year of a panel, in long form (years outer); `reference`
/// is `years x regions` (default: the regions' totals of each year).
///
/// # Errors
/// As [`analyse`], with the year in the message; [`Error::ShapeMismatch`] when `reference`
/// is not `years x regions`.
///
/// Complexity: O(T n m log n).
///
/// ```
/// use clusterpolicy::model::Panel;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{IndexParams, activity_indices_panel};
///
/// let p = Panel::new(vec![2020], vec!["R1".into(), "R2".into()], vec!["A".into(), "B".into()],
///     array![[[1.0, 1.0], [1.0, 1.0]]])?;
/// assert_eq!(activity_indices_panel(&p, &IndexParams::default(), None)?.len(), 2 * 5);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn activity_indices_panel(
    panel: &Panel,
    params: &IndexParams,
    reference: Option<ArrayView2<'_, f64>>,
) -> Result<Vec<ActivityIndexRecord>> {
    if let Some(r) = reference
        && r.dim() != (panel.years().len(), panel.rows().len())
    {
        return Err(Error::ShapeMismatch {
            what: "reference (years x regions)".into(),
            expected: format!("{} x {}", panel.years().len(), panel.rows().len()),
            found: format!("{} x {}", r.nrows(), r.ncols()),
        });
    }
    let mut out = Vec::new();
    for (t, &y) in panel.years().iter().enumerate() {
        let row = reference.map(|r| r.row(t).to_vec());
        let a = activity_indices(&panel.year(y)?, params, row.as_deref()).map_err(|e| in_year(e, y))?;
        out.extend(a.to_long(Some(y)));
    }
    Ok(out)
}
