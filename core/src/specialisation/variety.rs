//! Related and unrelated variety: the entropy decomposition of Frenken, Van Oort & Verburg
//! (2007) over a two-level activity hierarchy.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::RcaParams;
use super::prepare::{Names, pick, prepare};
use super::rca::in_year;
use crate::error::{Error, Result};
use crate::model::{Dataset, LabelledMatrix, Panel};

/// The group (higher level of the hierarchy) of each activity, e.g. NACE division -> section
/// or NAICS 4-digit -> 2-digit. A `BTreeMap` so that its JSON form is ordered.
pub type ActivityGroups = BTreeMap<String, String>;

/// Groups activities by the first `len` characters of their labels (NAICS `3118` -> `31`
/// with `len = 2`; a label shorter than `len` is its own group).
///
/// ```
/// use clusterpolicy::specialisation::groups_by_prefix;
/// let g = groups_by_prefix(&["3118".to_owned(), "3121".to_owned(), "5415".to_owned()], 2);
/// assert_eq!(g["3121"], "31");
/// assert_eq!(g["5415"], "54");
/// ```
#[must_use]
pub fn groups_by_prefix(activities: &[String], len: usize) -> ActivityGroups {
    activities.iter().map(|a| (a.clone(), a.chars().take(len).collect())).collect()
}

/// Groups the activities of a dataset by their `parent` (NACE division -> section in the
/// embedded dataset); an activity without a parent is its own group.
///
/// ```
/// use clusterpolicy::{sample, specialisation::groups_from_dataset};
/// let g = groups_from_dataset(&sample::south_east_europe());
/// assert_eq!(g["C29"], "C");
/// assert_eq!(g["J"], "J");
/// ```
#[must_use]
pub fn groups_from_dataset(ds: &Dataset) -> ActivityGroups {
    ds.activities.iter().map(|a| (a.id.clone(), a.parent.clone().unwrap_or_else(|| a.id.clone()))).collect()
}

/// Options of [`variety`].
///
/// ```
/// use clusterpolicy::specialisation::VarietyParams;
/// let p: VarietyParams = serde_json::from_str(r#"{"base": 2.718281828459045}"#).unwrap();
/// assert!(p.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct VarietyParams {
    /// Base of the logarithm (2: bits, as Frenken et al. and EconGeo).
    pub base: f64,
    /// Zero rows and missing values, as for the RCA (zero columns do not matter here).
    pub rca: RcaParams,
}

impl Default for VarietyParams {
    fn default() -> Self {
        Self { base: 2.0, rca: RcaParams::default() }
    }
}

impl VarietyParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`base`) unless it is finite, positive and not 1; as
    /// [`RcaParams::check`].
    pub fn check(&self) -> Result<&Self> {
        if !(self.base.is_finite() && self.base > 0.0 && self.base != 1.0) {
            return Err(Error::param("base", format!("must be finite, positive and not 1, got {}", self.base)));
        }
        self.rca.check()?;
        Ok(self)
    }
}

/// Entropy and its decomposition for each region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Variety {
    /// Region labels.
    pub regions: Vec<String>,
    /// The groups, sorted.
    pub groups: Vec<String>,
    /// Total entropy `H = -sum_i p_i log p_i` over activities.
    pub entropy: Vec<f64>,
    /// Unrelated variety `UV = -sum_g P_g log P_g` over groups.
    pub unrelated_variety: Vec<f64>,
    /// Related variety `RV = sum_g P_g H_g`, `H_g = -sum_{i in g} (p_i / P_g) log(p_i / P_g)`.
    pub related_variety: Vec<f64>,
}

/// Related and unrelated variety of each region (Frenken, Van Oort & Verburg 2007).
///
/// Formula: with `p_i` the region's share of activity `i` and `P_g = sum_{i in g} p_i` the
/// share of group `g`: `UV = sum_g P_g log(1 / P_g)`, `RV = sum_g P_g H_g` with
/// `H_g = sum_{i in g} (p_i / P_g) log(P_g / p_i)`, and `H = UV + RV` is the entropy over
/// activities (`0 log 0 = 0`). Bounds: `0 <= UV <= log G`, `0 <= RV`, `H <= log m`.
///
/// Arguments: `m`; `groups`: the group of every column label of `m`; `params`: the base of
/// the logarithm and the policies for zero rows and missing values.
///
/// Returns a [`Variety`]; a region with a zero total gets the `zero_rows` fill (NaN or 0).
///
/// # Errors
/// [`Error::UnknownLabel`] (kind `activity group`) for an activity without a group; as
/// [`rca`](super::rca) for the values; [`Error::InvalidParameter`] for invalid parameters.
///
/// Complexity: O(n m).
///
/// ```
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{VarietyParams, groups_by_prefix, variety};
///
/// let cols: Vec<String> = ["C10", "C11", "J62"].map(String::from).to_vec();
/// let m = LabelledMatrix::new(vec!["R".into()], cols.clone(), array![[25.0, 25.0, 50.0]])?;
/// let v = variety(&m, &groups_by_prefix(&cols, 1), &VarietyParams::default())?;
/// let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
/// assert!(close(v.unrelated_variety[0], 1.0)); // two groups of equal size
/// assert!(close(v.related_variety[0], 0.5));   // half the employment sits in a two-way split
/// assert!(close(v.entropy[0], 1.5));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Frenken, Van Oort & Verburg (2007), Related variety, unrelated variety and
/// regional economic growth, *Regional Studies* 41(5): 685-697.
pub fn variety(m: &LabelledMatrix, groups: &ActivityGroups, params: &VarietyParams) -> Result<Variety> {
    params.check()?;
    let mut group_names: Vec<String> = Vec::new();
    let mut group_of = Vec::with_capacity(m.cols().len());
    for c in m.cols() {
        let g = groups.get(c).ok_or_else(|| Error::UnknownLabel { kind: "activity group".into(), id: c.clone() })?;
        group_of.push(g);
    }
    group_names.extend(group_of.iter().map(|g| (*g).clone()));
    group_names.sort();
    group_names.dedup();
    let gidx: Vec<usize> = group_of.iter().map(|g| group_names.binary_search(g).unwrap_or(0)).collect();
    // Zero columns do not change any share.
    let rca = RcaParams { zero_cols: super::Handling::Nan, ..params.rca.clone() };
    let p = prepare(m.values(), &rca, Names::of(m.rows(), m.cols()))?;
    let ln_base = params.base.ln();
    let n = p.rows.len();
    let (mut h, mut uv, mut rv) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    let mut gshare = vec![0.0; group_names.len()];
    for (i, row) in p.values.outer_iter().enumerate() {
        if p.zero_row(i) {
            h.push(p.zero_row_fill);
            uv.push(p.zero_row_fill);
            rv.push(p.zero_row_fill);
            continue;
        }
        let r = p.row_sums[i];
        gshare.fill(0.0);
        let mut ent = 0.0;
        for (j, &x) in row.iter().enumerate() {
            let s = x / r;
            gshare[gidx[j]] += s;
            if s > 0.0 || s.is_nan() {
                ent -= s * s.ln();
            }
        }
        let mut unrel = 0.0;
        for &g in &gshare {
            if g > 0.0 || g.is_nan() {
                unrel -= g * g.ln();
            }
        }
        let mut rel = 0.0;
        for (j, &x) in row.iter().enumerate() {
            let s = x / r;
            let g = gshare[gidx[j]];
            if s > 0.0 || s.is_nan() {
                rel += s * (g / s).ln();
            }
        }
        h.push(ent / ln_base);
        uv.push(unrel / ln_base);
        rv.push(rel / ln_base);
    }
    Ok(Variety {
        regions: pick(m.rows(), &p.rows),
        groups: group_names,
        entropy: h,
        unrelated_variety: uv,
        related_variety: rv,
    })
}

/// One variety measure of one region in one year, long form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct VarietyRecord {
    /// Region label.
    pub region: String,
    /// Year, for panels.
    pub year: Option<i32>,
    /// Total entropy.
    pub entropy: f64,
    /// Unrelated variety.
    pub unrelated_variety: f64,
    /// Related variety.
    pub related_variety: f64,
}

impl Variety {
    /// One record per region.
    #[must_use]
    pub fn to_long(&self, year: Option<i32>) -> Vec<VarietyRecord> {
        (0..self.regions.len())
            .map(|i| VarietyRecord {
                region: self.regions[i].clone(),
                year,
                entropy: self.entropy[i],
                unrelated_variety: self.unrelated_variety[i],
                related_variety: self.related_variety[i],
            })
            .collect()
    }
}

/// [`variety`] for every year of a panel, in long form (years outer).
///
/// # Errors
/// As [`variety`], with the year in the message.
///
/// Complexity: O(T n m).
///
/// ```
/// use clusterpolicy::model::Panel;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{VarietyParams, groups_by_prefix, variety_panel};
///
/// let cols: Vec<String> = ["C10", "J62"].map(String::from).to_vec();
/// let p = Panel::new(vec![2020, 2021], vec!["R".into()], cols.clone(), array![[[1.0, 1.0]], [[1.0, 0.0]]])?;
/// let v = variety_panel(&p, &groups_by_prefix(&cols, 1), &VarietyParams::default())?;
/// assert!((v[0].entropy - 1.0).abs() < 1e-12 && v[1].entropy == 0.0);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn variety_panel(panel: &Panel, groups: &ActivityGroups, params: &VarietyParams) -> Result<Vec<VarietyRecord>> {
    let mut out = Vec::new();
    for &y in panel.years() {
        let v = variety(&panel.year(y)?, groups, params).map_err(|e| in_year(e, y))?;
        out.extend(v.to_long(Some(y)));
    }
    Ok(out)
}
