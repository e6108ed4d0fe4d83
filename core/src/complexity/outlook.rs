//! Complexity outlook (COI), outlook gain (COG), opportunity gain, and the one-call
//! py-ecomplexity profile.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::indices::{ComplexityParams, complexity_of};
use super::relatedness::{RelatednessParams, check_same_activities, density_kernel, from_cooccurrence};
use super::rowsums::{PresentRows, present_row_sums};
use super::sparse::{Bipartite, Names, check_finite, check_presence};
use super::stats::{mean, std_pop};
use super::{Complexity, Diagonal};
use crate::error::{Error, Result};
use crate::model::{LabelledMatrix, Panel};
use crate::specialisation::{Handling, RcaParams, rca_values};

/// Options of [`complexity_outlook`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct OutlookParams {
    /// Standardise COI with its mean and population standard deviation, as py-ecomplexity.
    /// Default true.
    pub standardise: bool,
}

impl Default for OutlookParams {
    fn default() -> Self {
        Self { standardise: true }
    }
}

impl OutlookParams {
    /// Checks the parameters (every value is valid).
    ///
    /// # Errors
    /// None at present.
    pub fn check(&self) -> Result<&Self> {
        Ok(self)
    }
}

/// The result of [`complexity_outlook_values`].
#[derive(Debug, Clone, PartialEq)]
pub struct OutlookValues {
    /// Complexity outlook index, one per region.
    pub coi: Array1<f64>,
    /// Complexity outlook gain, regions x activities (0 where the activity is present).
    pub cog: Array2<f64>,
}

fn check_inputs(presence: ArrayView2<'_, f64>, proximity: ArrayView2<'_, f64>, pci: ArrayView1<'_, f64>) -> Result<()> {
    check_presence(presence, Names::none())?;
    let m = presence.ncols();
    if proximity.dim() != (m, m) {
        return Err(Error::ShapeMismatch {
            what: "proximity matrix".into(),
            expected: format!("{m} x {m} (one row and column per activity)"),
            found: format!("{} x {}", proximity.nrows(), proximity.ncols()),
        });
    }
    check_finite("proximity matrix", proximity, Names::none())?;
    if pci.len() != m {
        return Err(Error::ShapeMismatch {
            what: "PCI".into(),
            expected: format!("{m} values (one per activity)"),
            found: format!("{} values", pci.len()),
        });
    }
    Ok(())
}

/// COI and COG on bare arrays: the raw kernel behind [`complexity_outlook`].
///
/// # Errors
/// As [`complexity_outlook`].
pub fn complexity_outlook_values(
    presence: ArrayView2<'_, f64>,
    proximity: ArrayView2<'_, f64>,
    pci: ArrayView1<'_, f64>,
    params: &OutlookParams,
) -> Result<OutlookValues> {
    params.check()?;
    check_inputs(presence, proximity, pci)?;
    Ok(outlook_kernel(presence, proximity, pci, params.standardise).1)
}

/// Density, COI and COG in one pass over the proximity matrix: returns
/// `(density, outlook)`.
pub(crate) fn outlook_kernel(
    presence: ArrayView2<'_, f64>,
    proximity: ArrayView2<'_, f64>,
    pci: ArrayView1<'_, f64>,
    standardise: bool,
) -> (Array2<f64>, OutlookValues) {
    let (n, m) = presence.dim();
    let pci0: Vec<f64> = pci.iter().map(|x| if x.is_nan() { 0.0 } else { *x }).collect();
    // W[q, p] = phi[q, p] s_q with s_q = pci_q / sum_k phi[q, k]; cog = (1 - M) * ((1 - M) W)
    let row_tot = proximity.sum_axis(Axis(1));
    let col_tot = proximity.sum_axis(Axis(0));
    let scale: Vec<f64> = (0..m).map(|q| if row_tot[q] == 0.0 { 0.0 } else { pci0[q] / row_tot[q] }).collect();
    let mut w_tot = vec![0.0; m];
    for (q, row) in proximity.outer_iter().enumerate() {
        for (t, &x) in w_tot.iter_mut().zip(row.iter()) {
            *t += x * scale[q];
        }
    }
    // Presence is binary (checked by the callers): density and M W are sums of rows.
    let (mut density, mut cog) = present_row_sums(&PresentRows::new(presence), proximity, &scale);
    for mut row in density.outer_iter_mut() {
        for (a, &t) in row.iter_mut().zip(col_tot.iter()) {
            *a = if t == 0.0 { 0.0 } else { *a / t };
        }
    }
    // coi_c = sum_p density_cp (1 - M_cp) pci_p
    let mut coi: Vec<f64> = (0..n)
        .map(|c| {
            density.row(c).iter().zip(presence.row(c).iter()).zip(&pci0).map(|((d, x), q)| d * (1.0 - x) * q).sum()
        })
        .collect();
    if standardise {
        let (mu, sd) = (mean(&coi), std_pop(&coi));
        coi.iter_mut().for_each(|x| *x = (*x - mu) / sd);
    }
    // (1 - M) W = 1'W - M W: the column totals of W less the rows of the present activities.
    for (mut row, prow) in cog.outer_iter_mut().zip(presence.outer_iter()) {
        for (p, (v, x)) in row.iter_mut().zip(prow.iter()).enumerate() {
            *v = if pci[p].is_nan() {
                f64::NAN
            } else if *x == 0.0 {
                w_tot[p] - *v
            } else {
                0.0
            };
        }
    }
    (density, OutlookValues { coi: Array1::from(coi), cog })
}

/// Complexity outlook of regions and outlook gain of each absent activity, as defined by
/// Hausmann et al. in the Atlas of Economic Complexity.
///
/// Formula, with `d` the density under `proximity` and `pci` the activity complexity:
/// `COI_r = sum_p d_rp (1 - M_rp) pci_p` (standardised with mean and population sd by
/// default) and `COG_rp = (1 - M_rp) sum_q (1 - M_rq) phi_qp pci_q / sum_k phi_qk`.
///
/// With the result of [`economic_complexity`](super::economic_complexity) under the
/// `eigenvector` method and the proximity of [`relatedness`](super::relatedness)
/// (`proximity`, diagonal 1) this is py-ecomplexity's normalisation exactly: it evaluates
/// the formulas with the raw eigenvector divided by the raw ECI's standard deviation, that
/// is with `pci + pci_offset` ([`Complexity::pci_offset`]), which is what this function
/// uses. For other methods `pci_offset` is 0.
///
/// Arguments: `presence` (binary regions x activities), `proximity` (activity x activity
/// on the same activities), `complexity` (on the same activities, in the same order),
/// `params`.
///
/// Returns the COI per region and the COG matrix (0 where the activity is present; NaN in
/// the columns of activities without a PCI).
///
/// # Errors
/// [`Error::InvalidParameter`] (`presence`) for non-binary presence; [`Error::NonFinite`];
/// [`Error::ShapeMismatch`] / [`Error::UnknownLabel`] when the activities differ.
///
/// Complexity: O(n m^2) worst case, O(nnz(1 - M) m) in practice.
///
/// ```
/// use clusterpolicy::complexity::*;
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// let m = LabelledMatrix::new(
///     vec!["C1".into(), "C2".into(), "C3".into(), "C4".into()],
///     vec!["P1".into(), "P2".into(), "P3".into(), "P4".into()],
///     array![[1.0, 1.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0], [0.0, 0.0, 1.0, 1.0], [1.0, 0.0, 0.0, 1.0]],
/// )?;
/// let c = economic_complexity(&m, &ComplexityParams::default())?;
/// let phi = relatedness(&m, &RelatednessParams::default())?;
/// let o = complexity_outlook(&m, &phi, &c, &OutlookParams::default())?;
/// assert_eq!(o.cog.get("C1", "P1"), Some(0.0)); // present: no gain
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Hausmann, Hidalgo et al. (2014), *The Atlas of Economic Complexity*, MIT Press;
/// py-ecomplexity 0.5.3 `calc_coi_cog` and its normalisation in `ecomplexity`.
pub fn complexity_outlook(
    presence: &LabelledMatrix,
    proximity: &LabelledMatrix,
    complexity: &Complexity,
    params: &OutlookParams,
) -> Result<Outlook> {
    check_same_activities(presence, proximity)?;
    let pci = pci_of(presence, complexity, true)?;
    let v = complexity_outlook_values(presence.values(), proximity.values(), pci.view(), params)?;
    Ok(Outlook {
        coi: presence
            .rows()
            .iter()
            .zip(v.coi.iter())
            .map(|(r, &value)| super::RegionScore { region: r.clone(), value })
            .collect(),
        cog: LabelledMatrix::new(presence.rows().to_vec(), presence.cols().to_vec(), v.cog)?,
    })
}

fn pci_of(presence: &LabelledMatrix, complexity: &Complexity, offset: bool) -> Result<Array1<f64>> {
    if complexity.activities.len() != presence.dim().1 {
        return Err(Error::ShapeMismatch {
            what: "complexity activities".into(),
            expected: format!("{} activities", presence.dim().1),
            found: format!("{} activities", complexity.activities.len()),
        });
    }
    let add = if offset { complexity.pci_offset } else { 0.0 };
    presence
        .cols()
        .iter()
        .zip(&complexity.activities)
        .map(|(a, c)| {
            if *a == c.activity {
                Ok(c.pci + add)
            } else {
                Err(Error::UnknownLabel { kind: "activity of the complexity result".into(), id: a.clone() })
            }
        })
        .collect()
}

/// The result of [`complexity_outlook`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Outlook {
    /// Complexity outlook index per region, in input order.
    pub coi: Vec<super::RegionScore>,
    /// Complexity outlook gain, regions x activities.
    pub cog: LabelledMatrix,
}

/// Opportunity gain on bare arrays: the raw kernel behind [`opportunity_gain`].
///
/// # Errors
/// As [`opportunity_gain`].
pub fn opportunity_gain_values(
    presence: ArrayView2<'_, f64>,
    proximity: ArrayView2<'_, f64>,
    pci: ArrayView1<'_, f64>,
) -> Result<Array2<f64>> {
    check_inputs(presence, proximity, pci)?;
    check_finite("PCI", pci.insert_axis(Axis(0)), Names::none())?;
    let (n, m) = presence.dim();
    let col_tot = proximity.sum_axis(Axis(0));
    let density = density_kernel(presence, proximity);
    // middle[c, k] = (1 - M_ck) pci_k; ratio[k, p] = phi_kp / sum_k' phi_k'p
    let mut ratio = proximity.to_owned();
    for ((_, p), v) in ratio.indexed_iter_mut() {
        *v = if col_tot[p] == 0.0 { 0.0 } else { *v / col_tot[p] };
    }
    let mut middle = Array2::<f64>::zeros((n, m));
    for ((c, k), v) in middle.indexed_iter_mut() {
        *v = (1.0 - presence[[c, k]]) * pci[k];
    }
    let mut og = middle.dot(&ratio);
    for ((c, p), v) in og.indexed_iter_mut() {
        *v -= density[[c, p]] * pci[p];
    }
    Ok(og)
}

/// Opportunity gain as Datawheel `economic-complexity` 0.3.0 computes it.
///
/// Formula: `OG_rp = sum_k (1 - M_rk) pci_k phi_kp / sum_k' phi_k'p - d_rp pci_p`, with
/// `d_rp = sum_k M_rk phi_kp / sum_k phi_kp` the density. (Datawheel's code subtracts
/// `(1 - relatedness(1 - M)) pci`, which is `d pci`; the Atlas' formula subtracts
/// `(1 - d) pci` instead. We follow the peer.)
///
/// Arguments: `presence`, `proximity`, `complexity` (its `pci` values are used as they
/// are) on the same activities in the same order.
///
/// # Errors
/// As [`complexity_outlook`]; [`Error::NonFinite`] for a NaN PCI.
///
/// Complexity: O(n m^2).
///
/// ```
/// use clusterpolicy::complexity::*;
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// let names = |p: &str| (1..=5).map(|i| format!("{p}{i}")).collect::<Vec<_>>();
/// let m = LabelledMatrix::new(names("C"), names("P"), array![
///     [1.0, 1.0, 1.0, 0.0, 0.0],
///     [1.0, 1.0, 0.0, 0.0, 0.0],
///     [1.0, 0.0, 1.0, 1.0, 0.0],
///     [0.0, 0.0, 1.0, 1.0, 1.0],
///     [1.0, 0.0, 0.0, 0.0, 1.0],
/// ])?;
/// let c = economic_complexity(&m, &ComplexityParams::with_method(ComplexityMethod::Reflections))?;
/// let phi = relatedness(&m, &RelatednessParams::proximity(Diagonal::Zero))?;
/// let og = opportunity_gain(&m, &phi, &c)?;
/// assert_eq!(og.dim(), (5, 5));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Datawheel `economic-complexity` 0.3.0 `opportunity_gain`; Hausmann et al. (2014),
/// *The Atlas of Economic Complexity*.
pub fn opportunity_gain(
    presence: &LabelledMatrix,
    proximity: &LabelledMatrix,
    complexity: &Complexity,
) -> Result<LabelledMatrix> {
    check_same_activities(presence, proximity)?;
    let pci = pci_of(presence, complexity, false)?;
    let og = opportunity_gain_values(presence.values(), proximity.values(), pci.view())?;
    LabelledMatrix::new(presence.rows().to_vec(), presence.cols().to_vec(), og)
}

/// Options of [`complexity_profile`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ProfileParams {
    /// Presence threshold on RCA (py-ecomplexity's `rca_mcp_threshold`). Default 1.
    pub threshold: f64,
}

impl Default for ProfileParams {
    fn default() -> Self {
        Self { threshold: 1.0 }
    }
}

impl ProfileParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`threshold`) unless finite and positive.
    pub fn check(&self) -> Result<&Self> {
        if !(self.threshold.is_finite() && self.threshold > 0.0) {
            return Err(Error::param("threshold", format!("must be finite and positive, got {}", self.threshold)));
        }
        Ok(self)
    }
}

/// Everything py-ecomplexity computes for one year, on the kept regions and activities.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileValues {
    /// Input row index of each kept region.
    pub rows: Vec<usize>,
    /// Input column index of each kept activity.
    pub cols: Vec<usize>,
    /// RCA, kept regions x kept activities.
    pub rca: Array2<f64>,
    /// Binary presence `RCA >= threshold`.
    pub presence: Array2<f64>,
    /// Diversity per kept region.
    pub diversity: Array1<f64>,
    /// Ubiquity per kept activity.
    pub ubiquity: Array1<f64>,
    /// ECI per kept region.
    pub eci: Array1<f64>,
    /// PCI per kept activity.
    pub pci: Array1<f64>,
    /// Density under the proximity (diagonal 1).
    pub density: Array2<f64>,
    /// Standardised complexity outlook per kept region.
    pub coi: Array1<f64>,
    /// Complexity outlook gain.
    pub cog: Array2<f64>,
    /// The proximity matrix (kept activities).
    pub proximity: Array2<f64>,
}

/// The py-ecomplexity profile on a bare array of counts: the raw kernel behind
/// [`complexity_profile`].
///
/// # Errors
/// As [`complexity_profile`].
pub fn complexity_profile_values(counts: ArrayView2<'_, f64>, params: &ProfileParams) -> Result<ProfileValues> {
    params.check()?;
    let rca_params = RcaParams {
        zero_rows: Handling::Drop,
        zero_cols: Handling::Drop,
        missing: Handling::Error,
        threshold: params.threshold,
        digits: None,
    };
    let kept = rca_values(counts, &rca_params)?;
    let rca = kept.values;
    let presence = rca.mapv(|x| if x >= params.threshold { 1.0 } else { 0.0 });
    let b = Bipartite::new(presence.view());
    let c = complexity_of(&b, &ComplexityParams::default())?;
    let proximity = from_cooccurrence(b.cooccurrence(), &b.ubiquity, RelatednessParams::proximity(Diagonal::One));
    let shifted = c.pci.mapv(|x| x + c.pci_offset);
    let (density, o) = outlook_kernel(presence.view(), proximity.view(), shifted.view(), true);
    Ok(ProfileValues {
        rows: kept.rows,
        cols: kept.cols,
        rca,
        presence,
        diversity: c.diversity,
        ubiquity: c.ubiquity,
        eci: c.eci,
        pci: c.pci,
        density,
        coi: o.coi,
        cog: o.cog,
        proximity,
    })
}

/// A py-ecomplexity profile in columnar long form: one entry per kept cell, years outer,
/// then regions, then activities.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct ProfileTable {
    /// Region labels; `region` indexes into them.
    pub regions: Vec<String>,
    /// Activity labels; `activity` indexes into them.
    pub activities: Vec<String>,
    /// Year of each cell (0 for a single matrix).
    pub year: Vec<i32>,
    /// Region index of each cell.
    pub region: Vec<u32>,
    /// Activity index of each cell.
    pub activity: Vec<u32>,
    /// The input value.
    pub value: Vec<f64>,
    /// RCA.
    pub rca: Vec<f64>,
    /// Presence (0/1).
    pub mcp: Vec<f64>,
    /// Diversity of the region.
    pub diversity: Vec<f64>,
    /// Ubiquity of the activity.
    pub ubiquity: Vec<f64>,
    /// ECI of the region.
    pub eci: Vec<f64>,
    /// PCI of the activity.
    pub pci: Vec<f64>,
    /// Density.
    pub density: Vec<f64>,
    /// COI of the region.
    pub coi: Vec<f64>,
    /// COG.
    pub cog: Vec<f64>,
}

impl ProfileTable {
    /// The table of the given years (`counts[k]` and `values[k]` for `years[k]`): each
    /// column is allocated once at its final length and the years (and blocks of regions
    /// within a year) are written in parallel under the `parallel` feature.
    fn assemble(
        regions: Vec<String>,
        activities: Vec<String>,
        years: &[i32],
        counts: &[ArrayView2<'_, f64>],
        values: &[ProfileValues],
    ) -> Self {
        let total: usize = values.iter().map(|v| v.rows.len() * v.cols.len()).sum();
        let mut t = ProfileTable {
            regions,
            activities,
            year: vec![0; total],
            region: vec![0; total],
            activity: vec![0; total],
            value: vec![0.0; total],
            rca: vec![0.0; total],
            mcp: vec![0.0; total],
            diversity: vec![0.0; total],
            ubiquity: vec![0.0; total],
            eci: vec![0.0; total],
            pci: vec![0.0; total],
            density: vec![0.0; total],
            coi: vec![0.0; total],
            cog: vec![0.0; total],
        };
        let mut rest = Cells {
            year: &mut t.year,
            region: &mut t.region,
            activity: &mut t.activity,
            f: [
                &mut t.value,
                &mut t.rca,
                &mut t.mcp,
                &mut t.diversity,
                &mut t.ubiquity,
                &mut t.eci,
                &mut t.pci,
                &mut t.density,
                &mut t.coi,
                &mut t.cog,
            ],
        };
        // Work items of about CELLS_PER_TASK cells: whole regions of one year.
        let col_ids: Vec<Vec<u32>> = values.iter().map(|v| v.cols.iter().map(|&j| j as u32).collect()).collect();
        let mut items = Vec::new();
        for (((&year, counts), v), cols) in years.iter().zip(counts).zip(values).zip(&col_ids) {
            let width = v.cols.len().max(1);
            let step = (CELLS_PER_TASK / width).max(1);
            let mut a = 0;
            while a < v.rows.len() {
                let b = (a + step).min(v.rows.len());
                let (head, tail) = rest.split_at((b - a) * v.cols.len());
                items.push(Block { year, counts: *counts, v, cols, regions: a..b, cells: head });
                rest = tail;
                a = b;
            }
        }
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            items.into_par_iter().for_each(Block::fill);
        }
        #[cfg(not(feature = "parallel"))]
        items.into_iter().for_each(Block::fill);
        t
    }

    /// Number of cells.
    #[must_use]
    pub fn len(&self) -> usize {
        self.year.len()
    }

    /// Whether there are no cells.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.year.is_empty()
    }
}

/// Cells per task when the profile table is written.
const CELLS_PER_TASK: usize = 16_384;

/// Mutable slices of the columns of a [`ProfileTable`] over a run of cells.
struct Cells<'a> {
    year: &'a mut [i32],
    region: &'a mut [u32],
    activity: &'a mut [u32],
    /// value, rca, mcp, diversity, ubiquity, eci, pci, density, coi, cog.
    f: [&'a mut [f64]; 10],
}

impl<'a> Cells<'a> {
    fn split_at(self, k: usize) -> (Self, Self) {
        let (y0, y1) = self.year.split_at_mut(k);
        let (r0, r1) = self.region.split_at_mut(k);
        let (a0, a1) = self.activity.split_at_mut(k);
        let mut f0: [&'a mut [f64]; 10] = Default::default();
        let mut f1: [&'a mut [f64]; 10] = Default::default();
        for ((col, l), r) in self.f.into_iter().zip(&mut f0).zip(&mut f1) {
            (*l, *r) = col.split_at_mut(k);
        }
        (Self { year: y0, region: r0, activity: a0, f: f0 }, Self { year: y1, region: r1, activity: a1, f: f1 })
    }
}

/// The cells of the regions `regions` (kept indices) of one year.
struct Block<'a> {
    year: i32,
    counts: ArrayView2<'a, f64>,
    v: &'a ProfileValues,
    cols: &'a [u32],
    regions: std::ops::Range<usize>,
    cells: Cells<'a>,
}

impl Block<'_> {
    fn fill(self) {
        let Self { year, counts, v, cols, regions, cells } = self;
        let w = cols.len();
        if w == 0 {
            return;
        }
        let Cells { year: ys, region: rs, activity: acts, f } = cells;
        let [value, rca, mcp, diversity, ubiquity, eci, pci, density, coi, cog] = f;
        ys.fill(year);
        for (t, a) in regions.enumerate() {
            let cells = t * w..(t + 1) * w;
            let i = v.rows[a];
            rs[cells.clone()].fill(i as u32);
            acts[cells.clone()].copy_from_slice(cols);
            let crow = counts.row(i);
            for (x, &j) in value[cells.clone()].iter_mut().zip(cols) {
                *x = crow[j as usize];
            }
            copy_row(&mut rca[cells.clone()], v.rca.row(a));
            copy_row(&mut mcp[cells.clone()], v.presence.row(a));
            diversity[cells.clone()].fill(v.diversity[a]);
            copy_row(&mut ubiquity[cells.clone()], v.ubiquity.view());
            eci[cells.clone()].fill(v.eci[a]);
            copy_row(&mut pci[cells.clone()], v.pci.view());
            copy_row(&mut density[cells.clone()], v.density.row(a));
            coi[cells.clone()].fill(v.coi[a]);
            copy_row(&mut cog[cells], v.cog.row(a));
        }
    }
}

fn copy_row(dst: &mut [f64], src: ArrayView1<'_, f64>) {
    if let Some(s) = src.as_slice() {
        dst.copy_from_slice(s);
    } else {
        dst.iter_mut().zip(src.iter()).for_each(|(d, s)| *d = *s);
    }
}

/// Everything py-ecomplexity's `ecomplexity()` computes, in one call: RCA, presence,
/// diversity, ubiquity, ECI, PCI, density, COI and COG for every cell.
///
/// Formula: RCA as [`specialisation::rca`](crate::specialisation::rca), presence
/// `RCA >= threshold`, ECI / PCI by the `eigenvector` method of
/// [`economic_complexity`](super::economic_complexity), proximity with diagonal 1,
/// density as [`relatedness_density`](super::relatedness_density), COI / COG as
/// [`complexity_outlook`].
///
/// Arguments: `counts`, non-negative values (exports, employment), regions x activities;
/// `params`: the presence threshold.
///
/// Returns the profile as a columnar long table over the kept cells: regions and
/// activities whose total is zero are dropped first, as py-ecomplexity does.
///
/// # Errors
/// As [`specialisation::rca`](crate::specialisation::rca) (negative, NaN or infinite
/// values name the cell) and [`economic_complexity`](super::economic_complexity).
///
/// Complexity: O(nnz m + m^2 n / 64) plus the Lanczos iterations.
///
/// ```
/// use clusterpolicy::complexity::{ProfileParams, complexity_profile};
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// let m = LabelledMatrix::new(
///     vec!["C1".into(), "C2".into(), "C3".into()],
///     vec!["P1".into(), "P2".into(), "P3".into()],
///     array![[5.0, 1.0, 1.0], [1.0, 5.0, 4.0], [1.0, 1.0, 9.0]],
/// )?;
/// let t = complexity_profile(&m, &ProfileParams::default())?;
/// assert_eq!(t.len(), 9);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: py-ecomplexity 0.5.3 (Harvard Growth Lab) `ecomplexity` with its defaults
/// (`presence_test = "rca"`, discrete symmetric proximity); the reference tests reproduce
/// its output on the world-trade and Spanish data to 1e-9.
pub fn complexity_profile(counts: &LabelledMatrix, params: &ProfileParams) -> Result<ProfileTable> {
    let v = complexity_profile_values(counts.values(), params)?;
    Ok(ProfileTable::assemble(counts.rows().to_vec(), counts.cols().to_vec(), &[0], &[counts.values()], &[v]))
}

/// [`complexity_profile`] for every year of a panel, years outer.
///
/// # Errors
/// As [`complexity_profile`]; the error names the year.
///
/// Complexity: the sum over the years. With the default `parallel` feature the years, the
/// blocks of regions of the density / COG kernel within a year and the blocks of the
/// output table run on rayon's threads; every value is computed by the same operations in
/// the same order as sequentially (and the error reported when several years fail is the
/// earliest), so the output is bit-identical for any thread count.
///
/// ```
/// use clusterpolicy::complexity::{ProfileParams, complexity_profile_panel};
/// use clusterpolicy::model::Panel;
/// use clusterpolicy::ndarray::array;
/// let v = array![[[5.0, 1.0, 1.0], [1.0, 5.0, 4.0], [1.0, 1.0, 9.0]], [[4.0, 2.0, 1.0], [1.0, 5.0, 4.0], [2.0, 1.0, 9.0]]];
/// let p = Panel::new(vec![2020, 2021], vec!["C1".into(), "C2".into(), "C3".into()],
///     vec!["P1".into(), "P2".into(), "P3".into()], v)?;
/// let t = complexity_profile_panel(&p, &ProfileParams::default())?;
/// assert_eq!(t.len(), 18);
/// assert_eq!(t.year[9], 2021);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: as [`complexity_profile`].
pub fn complexity_profile_panel(panel: &Panel, params: &ProfileParams) -> Result<ProfileTable> {
    let years = panel.years();
    let one = |k: usize| complexity_profile_values(panel.values().index_axis_move(Axis(0), k), params);
    #[cfg(feature = "parallel")]
    let results: Vec<Result<ProfileValues>> = {
        use rayon::prelude::*;
        (0..years.len()).into_par_iter().map(one).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let results: Vec<Result<ProfileValues>> = (0..years.len()).map(one).collect();
    let values =
        years.iter().zip(results).map(|(&year, v)| v.map_err(|e| in_year(e, year))).collect::<Result<Vec<_>>>()?;
    let counts: Vec<ArrayView2<'_, f64>> =
        (0..years.len()).map(|k| panel.values().index_axis_move(Axis(0), k)).collect();
    Ok(ProfileTable::assemble(panel.rows().to_vec(), panel.cols().to_vec(), years, &counts, &values))
}

pub(crate) fn in_year(e: Error, year: i32) -> Error {
    match e {
        Error::Empty { what } => Error::Empty { what: format!("{what} (year {year})") },
        Error::NonFinite { what, at } => Error::NonFinite { what: format!("{what} (year {year})"), at },
        Error::InvalidParameter { name, reason } => {
            Error::InvalidParameter { name, reason: format!("{reason} (year {year})") }
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::complexity::relatedness::weighted_rows_sums;
    use ndarray::Array3;

    /// Deterministic counts with zeros, a zero region and a zero activity in some years.
    fn counts(years: usize, n: usize, m: usize) -> Array3<f64> {
        let mut s: u64 = 0x2545_F491_4F6C_DD1D;
        Array3::from_shape_fn((years, n, m), |(y, i, j)| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let u = (s >> 11) as f64 / (1u64 << 53) as f64;
            let dense = (i * 7 + j * 3) % 5 != 0;
            if (y == 1 && i == 2) || (y == 2 && j == 3) || !dense || u < 0.3 { 0.0 } else { (u * 1000.0).round() }
        })
    }

    fn panel(years: usize, n: usize, m: usize) -> Panel {
        Panel::new(
            (0..years as i32).map(|y| 2000 + y).collect(),
            (0..n).map(|i| format!("R{i}")).collect(),
            (0..m).map(|j| format!("A{j}")).collect(),
            counts(years, n, m),
        )
        .unwrap()
    }

    fn bits(x: &[f64]) -> Vec<u64> {
        x.iter().map(|v| v.to_bits()).collect()
    }

    fn same(a: &ProfileTable, b: &ProfileTable) {
        assert_eq!((&a.regions, &a.activities), (&b.regions, &b.activities));
        assert_eq!((&a.year, &a.region, &a.activity), (&b.year, &b.region, &b.activity));
        for (x, y) in [
            (&a.value, &b.value),
            (&a.rca, &b.rca),
            (&a.mcp, &b.mcp),
            (&a.diversity, &b.diversity),
            (&a.ubiquity, &b.ubiquity),
            (&a.eci, &b.eci),
            (&a.pci, &b.pci),
            (&a.density, &b.density),
            (&a.coi, &b.coi),
            (&a.cog, &b.cog),
        ] {
            assert_eq!(bits(x), bits(y));
        }
    }

    /// The table written out cell by cell from the per-year values (the obvious way).
    fn slow_table(p: &Panel, params: ProfileParams) -> ProfileTable {
        let mut t = ProfileTable { regions: p.rows().to_vec(), activities: p.cols().to_vec(), ..Default::default() };
        for (k, &year) in p.years().iter().enumerate() {
            let counts = p.values().index_axis_move(Axis(0), k);
            let v = complexity_profile_values(counts, &params).unwrap();
            for (a, &i) in v.rows.iter().enumerate() {
                for (b, &j) in v.cols.iter().enumerate() {
                    t.year.push(year);
                    t.region.push(i as u32);
                    t.activity.push(j as u32);
                    t.value.push(counts[[i, j]]);
                    t.rca.push(v.rca[[a, b]]);
                    t.mcp.push(v.presence[[a, b]]);
                    t.diversity.push(v.diversity[a]);
                    t.ubiquity.push(v.ubiquity[b]);
                    t.eci.push(v.eci[a]);
                    t.pci.push(v.pci[b]);
                    t.density.push(v.density[[a, b]]);
                    t.coi.push(v.coi[a]);
                    t.cog.push(v.cog[[a, b]]);
                }
            }
        }
        t
    }

    #[test]
    fn panel_table_equals_the_cell_by_cell_table() {
        // Regions of more than one task (CELLS_PER_TASK / 70 = 234 < 300) in every year.
        let p = panel(3, 300, 70);
        let params = ProfileParams::default();
        let t = complexity_profile_panel(&p, &params).unwrap();
        assert!(t.len() > 3 * 290 * 60);
        same(&t, &slow_table(&p, params));
        // A single matrix is year 0.
        let m = p.year(2001).unwrap();
        let one = complexity_profile(&m, &params).unwrap();
        let values = m.values().to_owned().insert_axis(Axis(0));
        let single = Panel::new(vec![0], m.rows().to_vec(), m.cols().to_vec(), values).unwrap();
        same(&one, &slow_table(&single, params));
    }

    #[cfg(feature = "parallel")]
    #[test]
    fn panel_table_is_the_same_on_one_thread() {
        let p = panel(4, 120, 90);
        let params = ProfileParams::default();
        let par = complexity_profile_panel(&p, &params).unwrap();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let seq = pool.install(|| complexity_profile_panel(&p, &params).unwrap());
        same(&par, &seq);
        let pool3 = rayon::ThreadPoolBuilder::new().num_threads(3).build().unwrap();
        same(&par, &pool3.install(|| complexity_profile_panel(&p, &params).unwrap()));
    }

    /// The outlook kernel against the weighted form (every presence a weight of 1): the same
    /// sums in the same order, so equal to the last bit.
    #[test]
    fn outlook_kernel_equals_the_weighted_sums() {
        for (n, m) in [(40, 33), (25, 16), (9, 70), (200, 47)] {
            let c = counts(1, n, m).index_axis_move(Axis(0), 0);
            let v = complexity_profile_values(c.view(), &ProfileParams::default()).unwrap();
            let shifted = v.pci.mapv(|x| x + 0.25);
            let (density, o) = outlook_kernel(v.presence.view(), v.proximity.view(), shifted.view(), false);
            let row_tot = v.proximity.sum_axis(Axis(1));
            let col_tot = v.proximity.sum_axis(Axis(0));
            let scale: Vec<f64> =
                (0..v.cols.len()).map(|q| if shifted[q].is_nan() { 0.0 } else { shifted[q] / row_tot[q] }).collect();
            let (a, b) = weighted_rows_sums(v.presence.view(), v.proximity.view(), Some(&scale));
            let mut w_tot = vec![0.0; scale.len()];
            for (q, row) in v.proximity.outer_iter().enumerate() {
                for (t, &x) in w_tot.iter_mut().zip(row.iter()) {
                    *t += x * scale[q];
                }
            }
            for ((r, p), &x) in v.presence.indexed_iter() {
                assert_eq!(density[[r, p]].to_bits(), (a[[r, p]] / col_tot[p]).to_bits());
                let cog = if x == 0.0 { w_tot[p] - b[[r, p]] } else { 0.0 };
                assert_eq!(o.cog[[r, p]].to_bits(), cog.to_bits());
            }
        }
    }
}
