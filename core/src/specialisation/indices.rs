//! Specialisation indices of regions and concentration indices of activities.

use ndarray::{Array2, ArrayView1, ArrayView2, Axis};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::prepare::{Names, Prepared, pick, prepare};
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

/// The EconGeo Gini of one column's values (equal weights), from a sorted copy.
fn gini_sorted(sorted: &[f64]) -> f64 {
    // p_k = cumsum(1/n), nu_k = cumsum(x)_k / sum(x); G = sum nu_k p_{k-1} - sum nu_{k-1} p_k.
    let n = sorted.len();
    let total: f64 = sorted.iter().sum();
    let w = 1.0 / n as f64;
    let (mut a, mut b) = (0.0, 0.0);
    let (mut p_prev, mut nu_prev) = (w, sorted[0] / total);
    let mut cum = sorted[0];
    for &x in &sorted[1..] {
        cum += x;
        let p = p_prev + w;
        let nu = cum / total;
        a += nu * p_prev;
        b += nu_prev * p;
        p_prev = p;
        nu_prev = nu;
    }
    a - b
}

/// The EconGeo Lorenz-type area `sum cind_k cpop_{k-1} - sum cind_{k-1} cpop_k` of `(ind,
/// pop)` pairs ordered by `order`, each series normalised by its total.
fn curve_area(order: &[u32], ind: &[f64], pop: &[f64]) -> f64 {
    let ti: f64 = order.iter().map(|&k| ind[k as usize]).sum();
    let tp: f64 = order.iter().map(|&k| pop[k as usize]).sum();
    let (mut a, mut b) = (0.0, 0.0);
    let (mut ci, mut cp) = (0.0, 0.0);
    let (mut ci_prev, mut cp_prev) = (f64::NAN, f64::NAN);
    for (k, &o) in order.iter().enumerate() {
        ci += ind[o as usize];
        cp += pop[o as usize];
        let (cin, cpn) = (ci / ti, cp / tp);
        if k > 0 {
            a += cin * cp_prev;
            b += ci_prev * cpn;
        }
        ci_prev = cin;
        cp_prev = cpn;
    }
    a - b
}

/// Stable order of `keys` ascending, NaN last (R's `order`).
fn order_by(keys: &[f64], buf: &mut Vec<(f64, u32)>, out: &mut Vec<u32>) {
    buf.clear();
    buf.extend(keys.iter().enumerate().map(|(k, &v)| (if v.is_nan() { f64::INFINITY } else { v }, k as u32)));
    // NaN keys were mapped to +inf; the index breaks ties, so an unstable sort gives R's
    // stable order. (A true +inf sorts with the NaNs, as both come after every number.)
    buf.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    out.clear();
    out.extend(buf.iter().map(|&(_, k)| k));
}

struct ColumnScratch {
    col: Vec<f64>,
    sorted: Vec<f64>,
    keys: Vec<f64>,
    buf: Vec<(f64, u32)>,
    order: Vec<u32>,
    ind0: Vec<f64>,
    pop0: Vec<f64>,
}

#[allow(clippy::too_many_arguments)]
fn activity_column(
    col: ArrayView1<'_, f64>,
    row_sums: &[f64],
    total: f64,
    reference: &[f64],
    reference_is_rows: bool,
    econgeo: bool,
    s: &mut ColumnScratch,
) -> [f64; 4] {
    s.col.clear();
    s.col.extend(col.iter().copied());
    if s.col.iter().any(|x| x.is_nan()) {
        return [f64::NAN; 4];
    }
    let col_sum: f64 = s.col.iter().sum();
    // Gini: order does not matter among equal values.
    s.sorted.clear();
    s.sorted.extend_from_slice(&s.col);
    s.sorted.sort_unstable_by(f64::total_cmp);
    let mut gini = gini_sorted(&s.sorted);
    // Locational Gini: order by x / (row share).
    let pop_share: Vec<f64> = row_sums.iter().map(|r| r / total).collect();
    s.keys.clear();
    s.keys.extend(s.col.iter().zip(&pop_share).map(|(x, p)| x / p));
    order_by(&s.keys, &mut s.buf, &mut s.order);
    let loc_gini = curve_area(&s.order, &s.col, &pop_share) / 2.0;
    // Hoover index against the reference distribution.
    let ref_total: f64 = reference.iter().sum();
    let mut hoover = 0.5 * s.col.iter().zip(reference).map(|(x, p)| (x / col_sum - p / ref_total).abs()).sum::<f64>();
    // Hoover-Gini: EconGeo prepends a (0, 0) pair and orders by ind / pop with NaN -> 0.
    s.ind0.clear();
    s.ind0.push(0.0);
    s.ind0.extend_from_slice(&s.col);
    s.pop0.clear();
    s.pop0.push(0.0);
    s.pop0.extend_from_slice(reference);
    if reference_is_rows && !s.keys.iter().any(|k| k.is_nan()) {
        // Same order as the locational Gini (x / r and x / (r / t) order alike); the
        // prepended pair has key 0 and index 0, so it goes first among the zeros.
        s.order.insert(0, 0);
        for k in &mut s.order[1..] {
            *k += 1;
        }
    } else {
        s.keys.clear();
        s.keys.extend(s.ind0.iter().zip(&s.pop0).map(|(x, p)| {
            let o = x / p;
            if o.is_nan() { 0.0 } else { o }
        }));
        order_by(&s.keys, &mut s.buf, &mut s.order);
    }
    let mut hoover_gini = curve_area(&s.order, &s.ind0, &s.pop0);
    if econgeo {
        gini = round_half_even(gini, 3);
        hoover = round_half_even(hoover * 100.0, 2);
        hoover_gini = round_half_even(hoover_gini, 3);
    }
    [gini, loc_gini, hoover, hoover_gini]
}

fn region_row(row: ArrayView1<'_, f64>, r: f64, shares: &[f64], econgeo: bool) -> [f64; 6] {
    let (mut avg, mut krug, mut herf, mut ent) = (0.0, 0.0, 0.0, 0.0);
    for (&x, &sj) in row.iter().zip(shares) {
        let s = x / r;
        if sj > 0.0 {
            avg += s / sj * s;
        } else if s.is_nan() {
            avg = f64::NAN;
        }
        krug += (s - sj).abs();
        herf += x * x;
        if econgeo {
            ent += s * (s + 1e-9).log2();
        } else if s > 0.0 || s.is_nan() {
            ent += s * s.log2();
        }
    }
    let mut entropy = -ent;
    if econgeo {
        entropy = round_half_even(entropy, 3);
    }
    [avg, krug, krug / 2.0, 1.0 / avg, herf / (r * r), entropy]
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
    let (n, m) = v.dim();
    let raw_rca = rca_prepared(p);
    let mut presence = raw_rca.clone();
    binarise(&mut presence, params.rca.threshold);
    let mut rca = raw_rca;
    if let Some(d) = params.rca.digits {
        rca.mapv_inplace(|x| round_half_even(x, d));
    }
    // Region indices.
    let shares: Vec<f64> = p.col_sums.iter().map(|c| c / p.total).collect();
    let mut cols_r: [Vec<f64>; 7] = std::array::from_fn(|_| Vec::with_capacity(n));
    let diversity = presence.sum_axis(Axis(1));
    for (i, row) in v.outer_iter().enumerate() {
        let vals = if p.zero_row(i) { [p.zero_row_fill; 6] } else { region_row(row, p.row_sums[i], &shares, econgeo) };
        for (c, x) in cols_r.iter_mut().zip(vals) {
            c.push(x);
        }
        cols_r[6].push(diversity[i]);
    }
    let [location_quotient_avg, krugman, specialisation_coefficient, hachman, herfindahl, entropy, diversity] = cols_r;
    // Activity indices.
    let reference: Vec<f64> = match reference {
        Some(r) => p.rows.iter().map(|&i| r[i]).collect(),
        None => p.row_sums.clone(),
    };
    let ubiquity = presence.sum_axis(Axis(0));
    let mut scratch = ColumnScratch {
        col: Vec::with_capacity(n),
        sorted: Vec::with_capacity(n),
        keys: Vec::with_capacity(n + 1),
        buf: Vec::with_capacity(n + 1),
        order: Vec::with_capacity(n + 1),
        ind0: Vec::with_capacity(n + 1),
        pop0: Vec::with_capacity(n + 1),
    };
    let reference_is_rows = reference.as_slice() == p.row_sums.as_slice();
    let mut cols_a: [Vec<f64>; 5] = std::array::from_fn(|_| Vec::with_capacity(m));
    for (j, col) in v.axis_iter(Axis(1)).enumerate() {
        let vals = if p.zero_col(j) {
            [p.zero_col_fill; 4]
        } else {
            activity_column(col, &p.row_sums, p.total, &reference, reference_is_rows, econgeo, &mut scratch)
        };
        cols_a[0].push(ubiquity[j]);
        for (c, x) in cols_a[1..].iter_mut().zip(vals) {
            c.push(x);
        }
    }
    let [ubiquity, gini, locational_gini, hoover, hoover_gini] = cols_a;
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
