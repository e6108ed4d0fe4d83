//! Complexity outlook (COI), outlook gain (COG), opportunity gain, and the one-call
//! py-ecomplexity profile.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, ArrayView3, Axis};
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
use crate::specialisation::{Handling, Kept, RcaParams, rca_values};

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
    let dim = presence.dim();
    let mut density = vec![0.0; dim.0 * dim.1];
    let mut cog = vec![0.0; dim.0 * dim.1];
    let rows = PresentRows::new(presence);
    let coi = outlook_into(presence, &rows, proximity, pci, standardise, &mut density, &mut cog);
    let density = Array2::from_shape_vec(dim, density).expect("one value per cell");
    let cog = Array2::from_shape_vec(dim, cog).expect("one value per cell");
    (density, OutlookValues { coi: Array1::from(coi), cog })
}

/// [`outlook_kernel`] writing density and COG to `density` and `cog` (regions x
/// activities, row-major), with `rows` the present activities of each row of `presence`;
/// returns the COI.
fn outlook_into(
    presence: ArrayView2<'_, f64>,
    rows: &PresentRows,
    proximity: ArrayView2<'_, f64>,
    pci: ArrayView1<'_, f64>,
    standardise: bool,
    density: &mut [f64],
    cog: &mut [f64],
) -> Vec<f64> {
    let m = presence.ncols();
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
    present_row_sums(rows, proximity, &scale, density, cog);
    if m == 0 {
        return vec![0.0; presence.nrows()];
    }
    // Per region: density over the column totals; coi_c = sum_p density_cp (1 - M_cp) pci_p;
    // (1 - M) W = 1'W - M W, the column totals of W less the rows of the present activities.
    let finish = |i: usize, drow: &mut [f64], grow: &mut [f64]| -> f64 {
        let prow = presence.row(i);
        for (a, &t) in drow.iter_mut().zip(col_tot.iter()) {
            *a = if t == 0.0 { 0.0 } else { *a / t };
        }
        for (p, (v, x)) in grow.iter_mut().zip(prow.iter()).enumerate() {
            *v = if pci[p].is_nan() {
                f64::NAN
            } else if *x == 0.0 {
                w_tot[p] - *v
            } else {
                0.0
            };
        }
        drow.iter().zip(prow.iter()).zip(&pci0).map(|((d, x), q)| d * (1.0 - x) * q).sum()
    };
    #[cfg(feature = "parallel")]
    let mut coi: Vec<f64> = {
        use rayon::prelude::*;
        density.par_chunks_mut(m).zip(cog.par_chunks_mut(m)).enumerate().map(|(i, (d, g))| finish(i, d, g)).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let mut coi: Vec<f64> =
        density.chunks_mut(m).zip(cog.chunks_mut(m)).enumerate().map(|(i, (d, g))| finish(i, d, g)).collect();
    if standardise {
        let (mu, sd) = (mean(&coi), std_pop(&coi));
        coi.iter_mut().for_each(|x| *x = (*x - mu) / sd);
    }
    coi
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
    let kept = rca_values(counts, &rca_params(*params))?;
    let dim = kept.values.dim();
    let [mut presence, mut density, mut cog] = [(); 3].map(|()| vec![0.0; dim.0 * dim.1]);
    let y = year_kernel(kept.values.view(), params.threshold, &mut presence, &mut density, &mut cog)?;
    let shaped = |v: Vec<f64>| Array2::from_shape_vec(dim, v).unwrap_or_default(); // n x m values: never fails
    Ok(ProfileValues {
        rows: kept.rows,
        cols: kept.cols,
        rca: kept.values,
        presence: shaped(presence),
        diversity: y.diversity,
        ubiquity: y.ubiquity,
        eci: y.eci,
        pci: y.pci,
        density: shaped(density),
        coi: Array1::from(y.coi),
        cog: shaped(cog),
        proximity: y.proximity,
    })
}

fn rca_params(params: ProfileParams) -> RcaParams {
    RcaParams {
        zero_rows: Handling::Drop,
        zero_cols: Handling::Drop,
        missing: Handling::Error,
        threshold: params.threshold,
        digits: None,
    }
}

/// What one year adds to its RCA besides presence, density and COG.
struct YearValues {
    diversity: Array1<f64>,
    ubiquity: Array1<f64>,
    eci: Array1<f64>,
    pci: Array1<f64>,
    coi: Vec<f64>,
    proximity: Array2<f64>,
}

/// Everything after RCA for one year: presence, density and COG are written to the given
/// slices (kept regions x kept activities, row-major), the rest is returned.
fn year_kernel(
    rca: ArrayView2<'_, f64>,
    threshold: f64,
    presence: &mut [f64],
    density: &mut [f64],
    cog: &mut [f64],
) -> Result<YearValues> {
    let dim = rca.dim();
    if dim.1 > 0 {
        for (dst, row) in presence.chunks_exact_mut(dim.1).zip(rca.outer_iter()) {
            for (d, &x) in dst.iter_mut().zip(row.iter()) {
                *d = if x >= threshold { 1.0 } else { 0.0 };
            }
        }
    }
    let presence = ArrayView2::from_shape(dim, &*presence).expect("one value per cell");
    let b = Bipartite::new(presence);
    let c = complexity_of(&b, &ComplexityParams::default())?;
    let proximity = from_cooccurrence(b.cooccurrence(), &b.ubiquity, RelatednessParams::proximity(Diagonal::One));
    let shifted = c.pci.mapv(|x| x + c.pci_offset);
    let coi = outlook_into(presence, &PresentRows::of(&b), proximity.view(), shifted.view(), true, density, cog);
    Ok(YearValues { diversity: c.diversity, ubiquity: c.ubiquity, eci: c.eci, pci: c.pci, coi, proximity })
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

/// The columns of a [`ProfileTable`] as slices to write to, each of
/// [`ProfilePlan::len`] values (e.g. `NumPy` arrays allocated by a binding).
#[derive(Debug)]
pub struct ProfileColumns<'a> {
    /// Year of each cell.
    pub year: &'a mut [i32],
    /// Region index of each cell.
    pub region: &'a mut [u32],
    /// Activity index of each cell.
    pub activity: &'a mut [u32],
    /// The input value.
    pub value: &'a mut [f64],
    /// RCA.
    pub rca: &'a mut [f64],
    /// Presence (0/1).
    pub mcp: &'a mut [f64],
    /// Diversity of the region.
    pub diversity: &'a mut [f64],
    /// Ubiquity of the activity.
    pub ubiquity: &'a mut [f64],
    /// ECI of the region.
    pub eci: &'a mut [f64],
    /// PCI of the activity.
    pub pci: &'a mut [f64],
    /// Density.
    pub density: &'a mut [f64],
    /// COI of the region.
    pub coi: &'a mut [f64],
    /// COG.
    pub cog: &'a mut [f64],
}

/// The first step of [`complexity_profile_panel`]: the RCA of every year, which fixes the
/// kept regions and activities and so the number of cells ([`ProfilePlan::len`]). The
/// second step, [`ProfilePlan::write`], computes everything else straight into the output
/// columns, so that a caller can supply them (the Python binding writes into `NumPy`
/// arrays) and no per-year matrix is copied.
#[derive(Debug)]
pub struct ProfilePlan<'a> {
    regions: &'a [String],
    activities: &'a [String],
    years: Vec<i32>,
    counts: Vec<ArrayView2<'a, f64>>,
    kept: Vec<Kept>,
    threshold: f64,
    /// Whether errors name the year (a panel) or not (a single matrix).
    panel: bool,
}

/// Cells per task when the broadcast columns of the table are written.
const CELLS_PER_TASK: usize = 16_384;

impl<'a> ProfilePlan<'a> {
    fn new(
        regions: &'a [String],
        activities: &'a [String],
        years: Vec<i32>,
        counts: Vec<ArrayView2<'a, f64>>,
        params: ProfileParams,
        panel: bool,
    ) -> Result<Self> {
        params.check()?;
        let rp = rca_params(params);
        let one = |c: &ArrayView2<'a, f64>| rca_values(*c, &rp);
        #[cfg(feature = "parallel")]
        let kept: Vec<Result<Kept>> = {
            use rayon::prelude::*;
            counts.par_iter().map(one).collect()
        };
        #[cfg(not(feature = "parallel"))]
        let kept: Vec<Result<Kept>> = counts.iter().map(one).collect();
        let kept = kept
            .into_iter()
            .zip(&years)
            .map(|(k, &y)| k.map_err(|e| if panel { in_year(e, y) } else { e }))
            .collect::<Result<Vec<_>>>()?;
        Ok(Self { regions, activities, years, counts, kept, threshold: params.threshold, panel })
    }

    /// Number of cells of the table.
    #[must_use]
    pub fn len(&self) -> usize {
        self.kept.iter().map(|k| k.rows.len() * k.cols.len()).sum()
    }

    /// Whether the table has no cells.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Region labels (what `region` indexes).
    #[must_use]
    pub fn regions(&self) -> &[String] {
        self.regions
    }

    /// Activity labels (what `activity` indexes).
    #[must_use]
    pub fn activities(&self) -> &[String] {
        self.activities
    }

    /// Computes the profile into `out`, every slice of [`ProfilePlan::len`] values (their
    /// previous contents are ignored). Years, blocks of regions of the density / COG
    /// kernel and blocks of cells run in parallel under the `parallel` feature, each value
    /// by the same operations as sequentially.
    ///
    /// # Errors
    /// [`Error::ShapeMismatch`] for a slice of another length; otherwise as
    /// [`complexity_profile_panel`] (the earliest failing year).
    pub fn write(&self, out: ProfileColumns<'_>) -> Result<()> {
        let n = self.len();
        let ProfileColumns {
            year,
            region,
            activity,
            value,
            rca,
            mcp,
            diversity,
            ubiquity,
            eci,
            pci,
            density,
            coi,
            cog,
        } = out;
        for (name, len) in
            [("year", year.len()), ("region", region.len()), ("activity", activity.len())].into_iter().chain(
                [
                    ("value", &value),
                    ("rca", &rca),
                    ("mcp", &mcp),
                    ("diversity", &diversity),
                    ("ubiquity", &ubiquity),
                    ("eci", &eci),
                    ("pci", &pci),
                    ("density", &density),
                    ("coi", &coi),
                    ("cog", &cog),
                ]
                .map(|(k, v)| (k, v.len())),
            )
        {
            if len != n {
                return Err(Error::ShapeMismatch {
                    what: format!("profile column `{name}`"),
                    expected: format!("{n} values (one per cell)"),
                    found: format!("{len} values"),
                });
            }
        }
        let mut rest =
            Cells { year, region, activity, f: [value, rca, mcp, diversity, ubiquity, eci, pci, density, coi, cog] };
        let mut jobs = Vec::with_capacity(self.kept.len());
        for k in 0..self.kept.len() {
            let (head, tail) = rest.split_at(self.kept[k].rows.len() * self.kept[k].cols.len());
            jobs.push((k, head));
            rest = tail;
        }
        let run = |(k, cells): (usize, Cells<'_, 10>)| self.write_year(k, cells);
        #[cfg(feature = "parallel")]
        let results: Vec<Result<()>> = {
            use rayon::prelude::*;
            jobs.into_par_iter().map(run).collect()
        };
        #[cfg(not(feature = "parallel"))]
        let results: Vec<Result<()>> = jobs.into_iter().map(run).collect();
        for (r, &y) in results.into_iter().zip(&self.years) {
            r.map_err(|e| if self.panel { in_year(e, y) } else { e })?;
        }
        Ok(())
    }

    fn write_year(&self, k: usize, cells: Cells<'_, 10>) -> Result<()> {
        let kept = &self.kept[k];
        let Cells { year, region, activity, f } = cells;
        let [value, rca, mcp, diversity, ubiquity, eci, pci, density, coi, cog] = f;
        let y = year_kernel(kept.values.view(), self.threshold, mcp, density, cog)?;
        let w = kept.cols.len();
        if w == 0 {
            return Ok(());
        }
        let cols: Vec<u32> = kept.cols.iter().map(|&j| j as u32).collect();
        let fill = Fill { year: self.years[k], counts: self.counts[k], kept, y: &y, cols: &cols };
        let step = (CELLS_PER_TASK / w).max(1);
        let mut rest = Cells { year, region, activity, f: [value, rca, diversity, ubiquity, eci, pci, coi] };
        let mut blocks = Vec::new();
        let mut a = 0;
        while a < kept.rows.len() {
            let b = (a + step).min(kept.rows.len());
            let (head, tail) = rest.split_at((b - a) * w);
            blocks.push((a..b, head));
            rest = tail;
            a = b;
        }
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            blocks.into_par_iter().for_each(|(r, c)| fill.regions(r, c));
        }
        #[cfg(not(feature = "parallel"))]
        blocks.into_iter().for_each(|(r, c)| fill.regions(r, c));
        Ok(())
    }

    /// The table in newly allocated columns.
    fn table(&self) -> Result<ProfileTable> {
        let n = self.len();
        let mut t = ProfileTable {
            regions: self.regions.to_vec(),
            activities: self.activities.to_vec(),
            year: vec![0; n],
            region: vec![0; n],
            activity: vec![0; n],
            value: vec![0.0; n],
            rca: vec![0.0; n],
            mcp: vec![0.0; n],
            diversity: vec![0.0; n],
            ubiquity: vec![0.0; n],
            eci: vec![0.0; n],
            pci: vec![0.0; n],
            density: vec![0.0; n],
            coi: vec![0.0; n],
            cog: vec![0.0; n],
        };
        self.write(ProfileColumns {
            year: &mut t.year,
            region: &mut t.region,
            activity: &mut t.activity,
            value: &mut t.value,
            rca: &mut t.rca,
            mcp: &mut t.mcp,
            diversity: &mut t.diversity,
            ubiquity: &mut t.ubiquity,
            eci: &mut t.eci,
            pci: &mut t.pci,
            density: &mut t.density,
            coi: &mut t.coi,
            cog: &mut t.cog,
        })?;
        Ok(t)
    }
}

/// Mutable slices of the columns of a table over a run of cells: `N` float columns.
struct Cells<'a, const N: usize> {
    year: &'a mut [i32],
    region: &'a mut [u32],
    activity: &'a mut [u32],
    f: [&'a mut [f64]; N],
}

impl<'a, const N: usize> Cells<'a, N> {
    fn split_at(self, k: usize) -> (Self, Self) {
        let (y0, y1) = self.year.split_at_mut(k);
        let (r0, r1) = self.region.split_at_mut(k);
        let (a0, a1) = self.activity.split_at_mut(k);
        let mut f0: [&'a mut [f64]; N] = std::array::from_fn(|_| <&mut [f64]>::default());
        let mut f1: [&'a mut [f64]; N] = std::array::from_fn(|_| <&mut [f64]>::default());
        for ((col, l), r) in self.f.into_iter().zip(&mut f0).zip(&mut f1) {
            (*l, *r) = col.split_at_mut(k);
        }
        (Self { year: y0, region: r0, activity: a0, f: f0 }, Self { year: y1, region: r1, activity: a1, f: f1 })
    }
}

/// What the cells of one year other than presence, density and COG are written from.
struct Fill<'a> {
    year: i32,
    counts: ArrayView2<'a, f64>,
    kept: &'a Kept,
    y: &'a YearValues,
    cols: &'a [u32],
}

impl Fill<'_> {
    /// The cells of the kept regions `regions`: year, region, activity, then value, rca,
    /// diversity, ubiquity, eci, pci, coi.
    fn regions(&self, regions: std::ops::Range<usize>, cells: Cells<'_, 7>) {
        let w = self.cols.len();
        let Cells { year, region, activity, f } = cells;
        let [value, rca, diversity, ubiquity, eci, pci, coi] = f;
        year.fill(self.year);
        for (t, a) in regions.enumerate() {
            let at = t * w..(t + 1) * w;
            let i = self.kept.rows[a];
            region[at.clone()].fill(i as u32);
            activity[at.clone()].copy_from_slice(self.cols);
            let crow = self.counts.row(i);
            for (x, &j) in value[at.clone()].iter_mut().zip(self.cols) {
                *x = crow[j as usize];
            }
            copy_row(&mut rca[at.clone()], self.kept.values.row(a));
            diversity[at.clone()].fill(self.y.diversity[a]);
            copy_row(&mut ubiquity[at.clone()], self.y.ubiquity.view());
            eci[at.clone()].fill(self.y.eci[a]);
            copy_row(&mut pci[at.clone()], self.y.pci.view());
            coi[at].fill(self.y.coi[a]);
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
    ProfilePlan::new(counts.rows(), counts.cols(), vec![0], vec![counts.values()], *params, false)?.table()
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
    complexity_profile_plan(panel, params)?.table()
}

/// The first step of [`complexity_profile_panel`], for callers that supply the output
/// columns: the RCA of every year (in parallel under the `parallel` feature). Then
/// [`ProfilePlan::len`] cells are written by [`ProfilePlan::write`].
///
/// # Errors
/// As [`complexity_profile_panel`] for the RCA step (the earliest failing year).
///
/// Complexity: O(years n m).
///
/// ```
/// use clusterpolicy::complexity::{ProfileColumns, ProfileParams, complexity_profile_plan};
/// use clusterpolicy::model::Panel;
/// use clusterpolicy::ndarray::array;
/// let v = array![[[5.0, 1.0, 0.0], [1.0, 5.0, 4.0], [1.0, 1.0, 9.0]]];
/// let p = Panel::new(vec![2020], vec!["C1".into(), "C2".into(), "C3".into()],
///     vec!["P1".into(), "P2".into(), "P3".into()], v)?;
/// let plan = complexity_profile_plan(&p, &ProfileParams::default())?;
/// let n = plan.len();
/// let (mut year, mut region, mut activity) = (vec![0; n], vec![0; n], vec![0; n]);
/// let mut f = vec![vec![0.0; n]; 10];
/// let [value, rca, mcp, diversity, ubiquity, eci, pci, density, coi, cog] = f.get_disjoint_mut([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).unwrap();
/// plan.write(ProfileColumns { year: &mut year, region: &mut region, activity: &mut activity,
///     value, rca, mcp, diversity, ubiquity, eci, pci, density, coi, cog })?;
/// assert_eq!((n, year[0], activity[..3].to_vec()), (9, 2020, vec![0, 1, 2]));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: as [`complexity_profile`].
pub fn complexity_profile_plan<'a>(panel: &'a Panel, params: &ProfileParams) -> Result<ProfilePlan<'a>> {
    let v = panel.values();
    let counts = (0..panel.years().len()).map(|k| v.index_axis_move(Axis(0), k)).collect();
    ProfilePlan::new(panel.rows(), panel.cols(), panel.years().to_vec(), counts, *params, true)
}

/// [`complexity_profile_plan`] on a bare `years x regions x activities` view, checked as
/// [`Panel::new`] checks its input (the Python binding passes the `NumPy` array without a
/// copy).
///
/// # Errors
/// As [`Panel::new`] ([`Error::ShapeMismatch`], [`Error::DuplicateLabel`],
/// [`Error::InvalidParameter`] for years that do not increase) and
/// [`complexity_profile_plan`].
///
/// Complexity: O(years n m).
///
/// ```
/// use clusterpolicy::complexity::{ProfileParams, complexity_profile_plan_values};
/// use clusterpolicy::ndarray::array;
/// let v = array![[[5.0, 1.0, 0.0], [1.0, 5.0, 4.0], [1.0, 1.0, 9.0]]];
/// let (rows, cols) = (["C1", "C2", "C3"].map(String::from), ["P1", "P2", "P3"].map(String::from));
/// let plan = complexity_profile_plan_values(&[2020], &rows, &cols, v.view(), &ProfileParams::default())?;
/// assert_eq!(plan.len(), 9);
/// assert!(complexity_profile_plan_values(&[2020, 2020], &rows, &cols, v.view(), &ProfileParams::default()).is_err());
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: as [`complexity_profile`].
pub fn complexity_profile_plan_values<'a>(
    years: &[i32],
    rows: &'a [String],
    cols: &'a [String],
    values: ArrayView3<'a, f64>,
    params: &ProfileParams,
) -> Result<ProfilePlan<'a>> {
    if values.dim() != (years.len(), rows.len(), cols.len()) {
        return Err(Error::ShapeMismatch {
            what: "panel".into(),
            expected: format!("{} x {} x {} (years x rows x cols)", years.len(), rows.len(), cols.len()),
            found: format!("{:?}", values.dim()),
        });
    }
    for (kind, labels) in [("row label", rows), ("column label", cols)] {
        let mut seen = std::collections::HashSet::with_capacity(labels.len());
        if let Some(l) = labels.iter().find(|l| !seen.insert(l.as_str())) {
            return Err(Error::DuplicateLabel { kind: kind.to_owned(), id: l.clone() });
        }
    }
    if let Some(&[a, b]) = years.windows(2).find(|w| w[0] >= w[1]) {
        return Err(Error::param("years", format!("years must increase, found {a} then {b}")));
    }
    let counts = (0..years.len()).map(|k| values.index_axis_move(Axis(0), k)).collect();
    ProfilePlan::new(rows, cols, years.to_vec(), counts, *params, true)
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

    /// Writing into given columns ignores their contents and checks their lengths.
    #[test]
    fn plan_writes_over_any_contents_and_checks_lengths() {
        let p = panel(2, 30, 21);
        let params = ProfileParams::default();
        let plan = complexity_profile_plan(&p, &params).unwrap();
        let n = plan.len();
        let (mut year, mut region, mut activity) = (vec![-7; n], vec![9; n], vec![9; n]);
        let mut f = vec![vec![f64::NAN; n]; 10];
        let [value, rca, mcp, diversity, ubiquity, eci, pci, density, coi, cog] =
            f.get_disjoint_mut([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).unwrap();
        let out = ProfileColumns {
            year: &mut year,
            region: &mut region,
            activity: &mut activity,
            value,
            rca,
            mcp,
            diversity,
            ubiquity,
            eci,
            pci,
            density,
            coi,
            cog,
        };
        plan.write(out).unwrap();
        let t = complexity_profile_panel(&p, &params).unwrap();
        assert_eq!((year, region, activity), (t.year.clone(), t.region.clone(), t.activity.clone()));
        for (got, want) in f.iter().zip([
            &t.value,
            &t.rca,
            &t.mcp,
            &t.diversity,
            &t.ubiquity,
            &t.eci,
            &t.pci,
            &t.density,
            &t.coi,
            &t.cog,
        ]) {
            assert_eq!(bits(got), bits(want));
        }
        let mut short = vec![0.0; n - 1];
        let mut g = vec![vec![0.0; n]; 9];
        let [value, rca, diversity, ubiquity, eci, pci, density, coi, cog] =
            g.get_disjoint_mut([0, 1, 2, 3, 4, 5, 6, 7, 8]).unwrap();
        let (mut year, mut region, mut activity) = (vec![0; n], vec![0; n], vec![0; n]);
        let out = ProfileColumns {
            year: &mut year,
            region: &mut region,
            activity: &mut activity,
            value,
            rca,
            mcp: &mut short,
            diversity,
            ubiquity,
            eci,
            pci,
            density,
            coi,
            cog,
        };
        let e = plan.write(out).unwrap_err();
        assert!(matches!(&e, Error::ShapeMismatch { what, .. } if what.contains("`mcp`")), "{e}");
    }

    #[test]
    fn plan_on_a_view_is_the_plan_on_the_panel_and_checks_its_input() {
        let p = panel(2, 30, 21);
        let params = ProfileParams::default();
        let (years, rows, cols) = (p.years(), p.rows(), p.cols());
        let plan = complexity_profile_plan_values(years, rows, cols, p.values(), &params).unwrap();
        same(&plan.table().unwrap(), &complexity_profile_panel(&p, &params).unwrap());
        let err = |y: &[i32], r: &[String], c: &[String]| {
            complexity_profile_plan_values(y, r, c, p.values(), &params).unwrap_err()
        };
        assert!(matches!(err(&years[..1], rows, cols), Error::ShapeMismatch { .. }));
        assert!(matches!(err(&[2001, 2000], rows, cols), Error::InvalidParameter { .. }));
        let mut dup = rows.to_vec();
        dup[7] = dup[3].clone();
        assert!(matches!(err(years, &dup, cols), Error::DuplicateLabel { id, .. } if id == "R3"));
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
