//! Specialisation indices of regions and concentration indices of activities.

use ndarray::{Array2, ArrayView2, Axis};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::prepare::{Lanes, Names, Prepared, lanes, pick, prepare};
use super::rca::{binarise, in_year, rca_prepared};
use super::rounding::round_half_even;
use super::{Convention, IndexParams};
use crate::error::{Error, Result};
use crate::model::{LabelledMatrix, Panel};

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

/// The EconGeo Gini of one column (equal weights) from its count of zeros and its sorted
/// non-zero values: `p_k = cumsum(1/n)`, `nu_k = cumsum(x)_k / sum(x)`,
/// `G = sum nu_k p_{k-1} - sum nu_{k-1} p_k` over the values in increasing order.
fn gini_sparse(zeros: usize, sorted_nz: &[f64]) -> f64 {
    let n = zeros + sorted_nz.len();
    let total: f64 = sorted_nz.iter().sum();
    let w = 1.0 / n as f64;
    let (mut a, mut b) = (0.0, 0.0);
    // The zeros contribute nothing (nu = 0) but advance p.
    let mut p_prev = 0.0;
    for _ in 0..zeros {
        p_prev += w;
    }
    let (mut nu_prev, mut cum) = (0.0, 0.0);
    for (k, &x) in sorted_nz.iter().enumerate() {
        cum += x;
        let p = p_prev + w;
        let nu = cum / total;
        if zeros > 0 || k > 0 {
            a += nu * p_prev;
            b += nu_prev * p;
        }
        p_prev = p;
        nu_prev = nu;
    }
    a - b
}

/// The EconGeo curve area `sum cind_k cpop_{k-1} - sum cind_{k-1} cpop_k` of a column whose
/// zero cells come first (they add nothing but their population, `pop_zero` in total) and
/// whose non-zero cells follow in `order`; `has_prefix` tells whether any element precedes
/// the first non-zero one.
fn curve_area(order: &[(u64, u32)], ind: &[f64], pop: &[f64], pop_zero: f64, has_prefix: bool) -> f64 {
    let ti: f64 = order.iter().map(|&(_, k)| ind[k as usize]).sum();
    let tp: f64 = pop_zero + order.iter().map(|&(_, k)| pop[k as usize]).sum::<f64>();
    let (mut a, mut b) = (0.0, 0.0);
    let (mut ci, mut cp) = (0.0, pop_zero);
    let (mut ci_prev, mut cp_prev) = (0.0, pop_zero / tp);
    for (k, &(_, o)) in order.iter().enumerate() {
        ci += ind[o as usize];
        cp += pop[o as usize];
        let (cin, cpn) = (ci / ti, cp / tp);
        if has_prefix || k > 0 {
            a += cin * cp_prev;
            b += ci_prev * cpn;
        }
        ci_prev = cin;
        cp_prev = cpn;
    }
    a - b
}

/// Sort keys of the non-zero cells: the bits of a non-negative float order as the float
/// (+inf last); the index breaks ties, which gives R's stable `order`.
fn sorted_keys(col: &[f64], denominators: &[f64], out: &mut Vec<(u64, u32)>, buf: &mut Vec<(u64, u32)>) {
    out.clear();
    out.extend(col.iter().zip(denominators).enumerate().filter(|(_, (x, _))| **x > 0.0).map(|(k, (x, d))| {
        let key = x / d;
        ((if key.is_nan() { f64::INFINITY } else { key }).to_bits(), k as u32)
    }));
    radix_sort(out, buf);
}

/// Sorts `(key, index)` pairs by key, stably (equal keys keep their order): an LSD radix
/// sort over the bytes in which the keys differ, for the few hundred keys of a column; a
/// comparison sort for short inputs.
fn radix_sort(v: &mut Vec<(u64, u32)>, buf: &mut Vec<(u64, u32)>) {
    if v.len() < 64 {
        v.sort_unstable();
        return;
    }
    let (mut and, mut or) = (u64::MAX, 0u64);
    for &(k, _) in v.iter() {
        and &= k;
        or |= k;
    }
    let varying = and ^ or;
    buf.clear();
    buf.resize(v.len(), (0, 0));
    for byte in 0..8 {
        let shift = byte * 8;
        if (varying >> shift).trailing_zeros() >= 8 {
            continue;
        }
        let mut counts = [0usize; 257];
        for &(k, _) in v.iter() {
            counts[((k >> shift) & 0xff) as usize + 1] += 1;
        }
        for b in 0..256 {
            counts[b + 1] += counts[b];
        }
        for &e in v.iter() {
            let b = ((e.0 >> shift) & 0xff) as usize;
            buf[counts[b]] = e;
            counts[b] += 1;
        }
        std::mem::swap(v, buf);
    }
}

#[derive(Default)]
struct ColumnScratch {
    nz: Vec<(u64, u32)>,
    sorted: Vec<f64>,
    keys: Vec<(u64, u32)>,
    ref_keys: Vec<(u64, u32)>,
    buf: Vec<(u64, u32)>,
}

/// Gini, locational Gini, Hoover and Hoover-Gini of one column.
fn activity_column(
    col: &[f64],
    pop_share: &[f64],
    reference: &[f64],
    ref_total: f64,
    reference_is_rows: bool,
    econgeo: bool,
    s: &mut ColumnScratch,
) -> [f64; 4] {
    // One pass: the sum, the non-zero values and sort keys, the populations of zero cells.
    let (mut col_sum, mut pop_zero, mut ref_zero, mut nan) = (0.0, 0.0, 0.0, false);
    s.nz.clear();
    s.keys.clear();
    for (k, ((&x, &ps), &rf)) in col.iter().zip(pop_share).zip(reference).enumerate() {
        if x > 0.0 {
            col_sum += x;
            s.nz.push((x.to_bits(), 0));
            let key = x / ps;
            s.keys.push(((if key.is_nan() { f64::INFINITY } else { key }).to_bits(), k as u32));
        } else if x == 0.0 {
            pop_zero += ps;
            ref_zero += rf;
        } else {
            nan = true;
        }
    }
    if nan {
        return [f64::NAN; 4];
    }
    let zeros = col.len() - s.nz.len();
    // Gini: only the non-zero values need sorting (bits of non-negative floats sort as them).
    radix_sort(&mut s.nz, &mut s.buf);
    s.sorted.clear();
    s.sorted.extend(s.nz.iter().map(|b| f64::from_bits(b.0)));
    let mut gini = gini_sparse(zeros, &s.sorted);
    // Locational Gini: cells ordered by x / (row share); zero cells first (key 0; in empty
    // regions 0/0, which R sorts last, where they add exactly nothing either).
    radix_sort(&mut s.keys, &mut s.buf);
    let loc_gini = curve_area(&s.keys, col, pop_share, pop_zero, zeros > 0) / 2.0;
    // Hoover index against the reference distribution.
    let mut hoover = 0.5 * col.iter().zip(reference).map(|(x, p)| (x / col_sum - p / ref_total).abs()).sum::<f64>();
    // Hoover-Gini: EconGeo prepends a (0, 0) pair and orders by ind / pop with NaN -> 0, so
    // the zero cells come first. With the regions' totals as reference, x / r orders as the
    // locational Gini's x / (r / t).
    let order = if reference_is_rows {
        &s.keys
    } else {
        sorted_keys(col, reference, &mut s.ref_keys, &mut s.buf);
        &s.ref_keys
    };
    let mut hoover_gini = curve_area(order, col, reference, ref_zero, true);
    if econgeo {
        gini = round_half_even(gini, 3);
        hoover = round_half_even(hoover * 100.0, 2);
        hoover_gini = round_half_even(hoover_gini, 3);
    }
    [gini, loc_gini, hoover, hoover_gini]
}

/// The activity indices of columns `range` (gathered into a contiguous buffer when the
/// matrix is row-major).
#[allow(clippy::too_many_arguments)]
fn activity_block(
    v: &ArrayView2<'_, f64>,
    range: std::ops::Range<usize>,
    p: &Prepared<'_>,
    pop_share: &[f64],
    reference: &[f64],
    ref_total: f64,
    reference_is_rows: bool,
    econgeo: bool,
) -> Vec<[f64; 4]> {
    let n = v.nrows();
    let mut scratch = ColumnScratch::default();
    let mut gathered = Vec::with_capacity(n);
    let col_lanes = lanes(v);
    range
        .map(|j| {
            if p.zero_col(j) {
                return [p.zero_col_fill; 4];
            }
            let col: &[f64] = if let Lanes::Cols(s) = col_lanes {
                &s[j * n..(j + 1) * n]
            } else {
                gathered.clear();
                gathered.extend(v.column(j).iter().copied());
                &gathered
            };
            activity_column(col, pop_share, reference, ref_total, reference_is_rows, econgeo, &mut scratch)
        })
        .collect()
}

/// Accumulates the per-region sums of one cell.
#[derive(Default, Clone)]
struct RegionSums {
    avg: f64,
    krug: f64,
    herf: f64,
    xlogx: f64,
    ent_econgeo: f64,
}

#[inline]
fn add_cell(acc: &mut RegionSums, x: f64, inv_r: f64, share: f64, inv_share: f64, econgeo: bool) {
    let s = x * inv_r;
    acc.krug += (s - share).abs();
    let sq = x * x;
    acc.herf += sq;
    if share > 0.0 {
        acc.avg += sq * inv_share;
    } else if x.is_nan() {
        acc.avg = f64::NAN;
    }
    if econgeo {
        acc.ent_econgeo += s * (s + 1e-9).log2();
    } else if x > 0.0 || x.is_nan() {
        acc.xlogx += x * x.log2();
    }
}

fn region_values(acc: &RegionSums, r: f64, econgeo: bool) -> [f64; 6] {
    let r2 = r * r;
    let avg = acc.avg / r2;
    let entropy = if econgeo {
        round_half_even(-acc.ent_econgeo, 3)
    } else {
        // -sum (x/r) log2(x/r) = log2 r - sum x log2 x / r; clamp the rounding below 0 (NaN stays).
        let e = r.log2() - acc.xlogx / r;
        if e < 0.0 { 0.0 } else { e }
    };
    [avg, acc.krug, acc.krug / 2.0, 1.0 / avg, acc.herf / r2, entropy]
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
    let raw_rca = rca_prepared(p);
    let mut presence = raw_rca.clone();
    binarise(&mut presence, params.rca.threshold);
    let mut rca = raw_rca;
    if let Some(d) = params.rca.digits {
        rca.mapv_inplace(|x| round_half_even(x, d));
    }
    let diversity = presence.sum_axis(Axis(1));
    let ubiquity = presence.sum_axis(Axis(0));
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
    let (diversity, ubiquity) = (diversity.to_vec(), ubiquity.to_vec());
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
/// Herfindahl, entropy), accumulated over contiguous lanes.
fn region_part(p: &Prepared<'_>, v: &ArrayView2<'_, f64>, econgeo: bool) -> [Vec<f64>; 6] {
    let (n, m) = v.dim();
    let shares: Vec<f64> = p.col_sums.iter().map(|c| c / p.total).collect();
    let inv_shares: Vec<f64> = shares.iter().map(|s| 1.0 / s).collect();
    let inv_r: Vec<f64> = p.row_sums.iter().map(|r| 1.0 / r).collect();
    let mut acc = vec![RegionSums::default(); n];
    match lanes(v) {
        Lanes::Rows(s) => {
            for ((a, row), &ir) in acc.iter_mut().zip(s.chunks_exact(m)).zip(&inv_r) {
                for ((&x, &sh), &ish) in row.iter().zip(&shares).zip(&inv_shares) {
                    add_cell(a, x, ir, sh, ish, econgeo);
                }
            }
        }
        Lanes::Cols(s) => {
            for ((col, &sh), &ish) in s.chunks_exact(n).zip(&shares).zip(&inv_shares) {
                for ((a, &x), &ir) in acc.iter_mut().zip(col).zip(&inv_r) {
                    add_cell(a, x, ir, sh, ish, econgeo);
                }
            }
        }
        Lanes::Other => {
            for ((i, j), &x) in v.indexed_iter() {
                add_cell(&mut acc[i], x, inv_r[i], shares[j], inv_shares[j], econgeo);
            }
        }
    }
    let mut cols_r: [Vec<f64>; 6] = std::array::from_fn(|_| Vec::with_capacity(n));
    for (i, a) in acc.iter().enumerate() {
        let vals = if p.zero_row(i) { [p.zero_row_fill; 6] } else { region_values(a, p.row_sums[i], econgeo) };
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
    let reference_is_rows = reference.as_slice() == p.row_sums.as_slice();
    let ref_total: f64 = reference.iter().sum();
    let pop_share: Vec<f64> = p.row_sums.iter().map(|r| r / p.total).collect();
    let block = |range: std::ops::Range<usize>| {
        activity_block(v, range, p, &pop_share, &reference, ref_total, reference_is_rows, econgeo)
    };
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        const COLUMNS: usize = 16;
        (0..m.div_ceil(COLUMNS))
            .into_par_iter()
            .flat_map_iter(|b| block(b * COLUMNS..((b + 1) * COLUMNS).min(m)))
            .collect()
    }
    #[cfg(not(feature = "parallel"))]
    block(0..m)
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
/// Complexity: O(n m log n) (a sort per activity), O(n m) memory.
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
