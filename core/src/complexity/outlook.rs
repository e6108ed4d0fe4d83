//! Complexity outlook (COI), outlook gain (COG), opportunity gain, and the one-call
//! py-ecomplexity profile.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::indices::{ComplexityParams, complexity_of};
use super::relatedness::{
    RelatednessParams, check_same_activities, density_kernel, from_cooccurrence, weighted_rows_sums,
};
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
    let (mut density, mut cog) = weighted_rows_sums(presence, proximity, Some(&scale));
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
    let proximity = from_cooccurrence(&b.cooccurrence(), &b.ubiquity, RelatednessParams::proximity(Diagonal::One));
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
    fn push_year(&mut self, year: i32, counts: ArrayView2<'_, f64>, v: &ProfileValues) {
        let n = v.rows.len() * v.cols.len();
        for col in [
            &mut self.value,
            &mut self.rca,
            &mut self.mcp,
            &mut self.diversity,
            &mut self.ubiquity,
            &mut self.eci,
            &mut self.pci,
            &mut self.density,
            &mut self.coi,
            &mut self.cog,
        ] {
            col.reserve(n);
        }
        for (a, &i) in v.rows.iter().enumerate() {
            for (b, &j) in v.cols.iter().enumerate() {
                self.year.push(year);
                self.region.push(i as u32);
                self.activity.push(j as u32);
                self.value.push(counts[[i, j]]);
                self.rca.push(v.rca[[a, b]]);
                self.mcp.push(v.presence[[a, b]]);
                self.diversity.push(v.diversity[a]);
                self.ubiquity.push(v.ubiquity[b]);
                self.eci.push(v.eci[a]);
                self.pci.push(v.pci[b]);
                self.density.push(v.density[[a, b]]);
                self.coi.push(v.coi[a]);
                self.cog.push(v.cog[[a, b]]);
            }
        }
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
    let mut t =
        ProfileTable { regions: counts.rows().to_vec(), activities: counts.cols().to_vec(), ..ProfileTable::default() };
    t.push_year(0, counts.values(), &v);
    Ok(t)
}

/// [`complexity_profile`] for every year of a panel, years outer.
///
/// # Errors
/// As [`complexity_profile`]; the error names the year.
///
/// Complexity: the sum over the years. With the default `parallel` feature the years run
/// on rayon's threads; the table is assembled in year order afterwards, so the output (and
/// the error reported when several years fail: the earliest) is the same as sequentially.
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
    let mut t =
        ProfileTable { regions: panel.rows().to_vec(), activities: panel.cols().to_vec(), ..ProfileTable::default() };
    let years = panel.years();
    let one = |k: usize| complexity_profile_values(panel.values().index_axis_move(Axis(0), k), params);
    #[cfg(feature = "parallel")]
    let results: Vec<Result<ProfileValues>> = {
        use rayon::prelude::*;
        (0..years.len()).into_par_iter().map(one).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let results: Vec<Result<ProfileValues>> = (0..years.len()).map(one).collect();
    for (k, (&year, v)) in years.iter().zip(results).enumerate() {
        let v = v.map_err(|e| in_year(e, year))?;
        t.push_year(year, panel.values().index_axis_move(Axis(0), k), &v);
    }
    Ok(t)
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
