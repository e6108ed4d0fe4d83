//! Cluster mapping: activities grouped into cluster categories, and the European Cluster
//! Observatory's star rating of each region x category.

use ndarray::Array2;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::prepare::Names;
use super::rca::in_year;
use crate::error::{Error, Result};
use crate::model::{LabelledMatrix, Panel};

/// A cluster category: a named group of activities (e.g. "Automotive" = NACE C29, C30).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClusterCategory {
    /// Short id, e.g. `automotive`.
    pub id: String,
    /// Name, e.g. `Automotive and transport equipment`.
    pub name: String,
    /// Activity labels (columns of the region x activity matrix).
    pub activities: Vec<String>,
}

/// A mapping of activities to cluster categories, with its provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClusterMapping {
    /// Name of the mapping.
    pub name: String,
    /// Where it comes from, and what it is not.
    pub source: String,
    /// `true` for an illustrative mapping that is not a published definition.
    pub example: bool,
    /// The categories.
    pub categories: Vec<ClusterCategory>,
}

const fn cat(
    id: &'static str,
    name: &'static str,
    acts: &'static [&'static str],
) -> (&'static str, &'static str, &'static [&'static str]) {
    (id, name, acts)
}

/// The categories of [`example_nace_mapping`].
const EXAMPLE: [(&str, &str, &[&str]); 14] = [
    cat("agri_food", "Agri-food and beverages", &["A", "C10", "C11", "C12"]),
    cat("textiles", "Textiles, apparel and footwear", &["C13", "C14", "C15"]),
    cat("wood_paper", "Wood, paper and furniture", &["C16", "C17", "C31"]),
    cat("media", "Printing, publishing and media", &["C18", "J"]),
    cat("chemicals", "Chemicals, plastics and pharmaceuticals", &["C19", "C20", "C21", "C22"]),
    cat("construction", "Construction and building materials", &["C23", "F"]),
    cat("metal", "Metal manufacturing", &["C24", "C25"]),
    cat("electrical", "Electronics and electrical equipment", &["C26", "C27"]),
    cat("machinery", "Machinery and equipment", &["C28", "C33"]),
    cat("automotive", "Automotive and transport equipment", &["C29", "C30"]),
    cat("energy", "Energy, mining and environmental services", &["B", "D", "E"]),
    cat("logistics", "Transport and logistics", &["H"]),
    cat("tourism", "Tourism, hospitality and recreation", &["I", "R"]),
    cat("business_services", "Financial, real-estate and business services", &["K", "L", "M", "N"]),
];

/// An **example** mapping of the NACE Rev. 2 units of the embedded dataset (sections, and
/// the divisions C10-C33 of manufacturing) to 14 cluster categories.
///
/// It is illustrative, not a published definition. The European Cluster Observatory's
/// cluster categories (and the US Cluster Mapping Project's benchmark definitions they
/// follow) are defined on NACE Rev. 2 four-digit classes (NAICS six-digit industries in the
/// US); data at the level of sections and divisions cannot reproduce them. This mapping
/// groups the units by the same logic (related traded activities together) and leaves out
/// the mainly local, non-traded activities (G trade, O public administration, P education,
/// Q health, S other services, T households, U extraterritorial, C32 other manufacturing),
/// which the Observatory also keeps out of its traded cluster categories. Pass your own
/// [`ClusterMapping`] for real analyses.
///
/// ```
/// use clusterpolicy::specialisation::example_nace_mapping;
/// let m = example_nace_mapping();
/// assert!(m.example);
/// assert_eq!(m.categories.len(), 14);
/// assert!(m.categories.iter().any(|c| c.id == "automotive" && c.activities.contains(&"C29".to_string())));
/// ```
#[must_use]
pub fn example_nace_mapping() -> ClusterMapping {
    ClusterMapping {
        name: "Example cluster categories over NACE Rev. 2 sections and manufacturing divisions".into(),
        source: "clusterpolicy example (illustrative): grouped in the manner of the European Cluster Observatory's \
                 traded cluster categories, which are defined on NACE Rev. 2 four-digit classes and cannot be \
                 reproduced at division level; local activities (G, O, P, Q, S, T, U, C32) are left out. Not a \
                 published definition."
            .into(),
        example: true,
        categories: EXAMPLE
            .iter()
            .map(|(id, name, acts)| ClusterCategory {
                id: (*id).to_owned(),
                name: (*name).to_owned(),
                activities: acts.iter().map(|a| (*a).to_owned()).collect(),
            })
            .collect(),
    }
}

/// Which region x category pairs the focus measure is ranked among.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FocusScope {
    /// Among the regions of the same category (default; the Observatory's text is ambiguous).
    #[default]
    Category,
    /// Among all region x category pairs.
    All,
}

/// Thresholds of the star rating, with the European Cluster Observatory's defaults.
///
/// ```
/// use clusterpolicy::specialisation::StarParams;
/// let p = StarParams::default();
/// assert_eq!((p.size_top_share, p.specialisation_threshold, p.focus_top_share), (0.1, 2.0, 0.1));
/// assert!(p.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct StarParams {
    /// Size star for the top share of regions by the category's employment (0.1: top 10%).
    pub size_top_share: f64,
    /// Specialisation star for a location quotient of at least this (2).
    pub specialisation_threshold: f64,
    /// Focus star for the top share by the category's share of regional employment (0.1).
    pub focus_top_share: f64,
    /// Ranking scope of the focus measure.
    pub focus_scope: FocusScope,
}

impl Default for StarParams {
    fn default() -> Self {
        Self {
            size_top_share: 0.1,
            specialisation_threshold: 2.0,
            focus_top_share: 0.1,
            focus_scope: FocusScope::Category,
        }
    }
}

impl StarParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the field: shares must lie in (0, 1], the
    /// threshold must be finite and positive.
    pub fn check(&self) -> Result<&Self> {
        for (name, v) in [("size_top_share", self.size_top_share), ("focus_top_share", self.focus_top_share)] {
            if !(v > 0.0 && v <= 1.0) {
                return Err(Error::param(name, format!("must lie in (0, 1], got {v}")));
            }
        }
        if !(self.specialisation_threshold.is_finite() && self.specialisation_threshold > 0.0) {
            return Err(Error::param(
                "specialisation_threshold",
                format!("must be finite and positive, got {}", self.specialisation_threshold),
            ));
        }
        Ok(self)
    }
}

/// The star rating of one region x cluster category, with the three measures behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StarRating {
    /// Region label.
    pub region: String,
    /// Category id.
    pub category: String,
    /// Year, for panels.
    pub year: Option<i32>,
    /// Size: the category's employment in the region.
    pub employment: f64,
    /// Specialisation: `(E_rc / E_r) / (E_.c / E_..)` with `E_r` the region's total
    /// employment and `E_..` the sum of the totals.
    pub location_quotient: f64,
    /// Focus: the category's share of the region's total employment, `E_rc / E_r`.
    pub focus: f64,
    /// Employment in the top `size_top_share` of regions of the category.
    pub size_star: bool,
    /// Location quotient at least `specialisation_threshold`.
    pub specialisation_star: bool,
    /// Focus in the top `focus_top_share`.
    pub focus_star: bool,
    /// Number of stars, 0-3.
    pub stars: u8,
}

/// Employment of each region in each cluster category: the sum over the category's
/// activities (columns of `m`; activities of the mapping that `m` lacks are skipped, and an
/// activity may belong to several categories).
///
/// # Errors
/// [`Error::Empty`] for a mapping without categories; [`Error::DuplicateLabel`] for a
/// repeated category id.
///
/// Complexity: O(n x total activities of the mapping).
///
/// ```
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{ClusterCategory, ClusterMapping, cluster_employment};
///
/// let m = LabelledMatrix::new(vec!["R1".into()], vec!["C29".into(), "C30".into(), "J".into()], array![[5.0, 2.0, 9.0]])?;
/// let mapping = ClusterMapping { name: "mine".into(), source: "me".into(), example: true, categories: vec![
///     ClusterCategory { id: "auto".into(), name: "Automotive".into(), activities: vec!["C29".into(), "C30".into(), "C291".into()] },
/// ]};
/// assert_eq!(cluster_employment(&m, &mapping)?.get("R1", "auto"), Some(7.0));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn cluster_employment(m: &LabelledMatrix, mapping: &ClusterMapping) -> Result<LabelledMatrix> {
    if mapping.categories.is_empty() {
        return Err(Error::Empty { what: format!("cluster mapping `{}` has no categories", mapping.name) });
    }
    let v = m.values();
    let mut out = Array2::zeros((m.rows().len(), mapping.categories.len()));
    for (c, cat) in mapping.categories.iter().enumerate() {
        for a in &cat.activities {
            if let Some(j) = m.col_index(a) {
                let mut col = out.column_mut(c);
                col += &v.column(j);
            }
        }
    }
    LabelledMatrix::new(m.rows().to_vec(), mapping.categories.iter().map(|c| c.id.clone()).collect(), out).map_err(
        |e| match e {
            Error::DuplicateLabel { id, .. } => Error::DuplicateLabel { kind: "cluster category".into(), id },
            other => other,
        },
    )
}

/// `k = ceil(share x count)` with a tolerance, so that 0.1 x 30 gives 3, not 4; at least 1.
fn top_k(share: f64, count: usize) -> usize {
    ((share * count as f64 - 1e-9).ceil() as usize).clamp(1, count.max(1))
}

/// The k-th largest of the finite values (None when there are none).
fn kth_largest(values: &mut Vec<f64>, k: usize) -> Option<f64> {
    values.retain(|v| v.is_finite());
    if values.is_empty() {
        return None;
    }
    values.sort_unstable_by(|a, b| b.total_cmp(a));
    Some(values[(k - 1).min(values.len() - 1)])
}

/// European Cluster Observatory star ratings of each region x category, from the
/// categories' employment and the regions' total employment.
///
/// Rules (defaults in [`StarParams`]): a **size** star when the category's employment in the
/// region is at least the `k`-th largest among the regions of the category, `k =
/// ceil(size_top_share x regions)` (ties share the star); a **specialisation** star when
/// `LQ = (E_rc / E_r) / (E_.c / E_..) >= specialisation_threshold`; a **focus** star when
/// `E_rc / E_r` is at least the `k`-th largest focus (among the regions of the category, or
/// among all pairs by [`FocusScope`]). A cell with zero employment gets no size or focus
/// star. `E_r` are the given regional totals (all activities, not only the mapped ones), and
/// `E_..` is their sum (the data set stands in for "Europe").
///
/// Arguments: `category_employment`: regions x categories (see [`cluster_employment`]);
/// `region_totals`: one value per row; `params`.
///
/// Returns one [`StarRating`] per cell, regions outer.
///
/// # Errors
/// [`Error::ShapeMismatch`] when `region_totals` does not have one value per region;
/// [`Error::NonFinite`] / [`Error::InvalidParameter`] (`values`, `region_totals`) for
/// non-finite or negative values; [`Error::InvalidParameter`] for invalid parameters.
///
/// Complexity: O(n c log n).
///
/// ```
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{StarParams, star_ratings};
///
/// let e = LabelledMatrix::new(vec!["R1".into(), "R2".into()], vec!["auto".into()], array![[900.0], [100.0]])?;
/// let s = star_ratings(&e, &[3000.0, 7000.0], &StarParams::default())?;
/// assert_eq!(s[0].location_quotient, (900.0 / 3000.0) / (1000.0 / 10000.0));
/// assert_eq!((s[0].size_star, s[0].specialisation_star, s[0].focus_star, s[0].stars), (true, true, true, 3));
/// assert_eq!(s[1].stars, 0);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: European Cluster Observatory, star rating methodology (clusterobservatory.eu,
/// 2008-2014; Ketels & Protsiv 2014, *European Cluster Panorama*); the size and
/// specialisation rules are verified, the focus cut-off (top 10%) follows the same
/// description (see `shared/reference/cluster_mapping.json`).
pub fn star_ratings(
    category_employment: &LabelledMatrix,
    region_totals: &[f64],
    params: &StarParams,
) -> Result<Vec<StarRating>> {
    params.check()?;
    let (n, c) = category_employment.dim();
    let names = Names::of(category_employment.rows(), category_employment.cols());
    if region_totals.len() != n {
        return Err(Error::ShapeMismatch {
            what: "region_totals".into(),
            expected: format!("{n} values (one per region)"),
            found: format!("{} values", region_totals.len()),
        });
    }
    for (i, &t) in region_totals.iter().enumerate() {
        if !(t.is_finite() && t >= 0.0) {
            return Err(Error::param(
                "region_totals",
                format!("the total of {} is {t}; it must be finite and non-negative", names.region(i)),
            ));
        }
    }
    let e = category_employment.values();
    for ((i, j), &x) in e.indexed_iter() {
        if !x.is_finite() {
            return Err(Error::NonFinite {
                what: "category employment".into(),
                at: format!("{}, {}", names.row(i), names.col(j)),
            });
        }
        if x < 0.0 {
            return Err(Error::param(
                "values",
                format!("negative employment {x} at {}, {}", names.row(i), names.col(j)),
            ));
        }
    }
    let grand: f64 = region_totals.iter().sum();
    let cat_totals = e.sum_axis(ndarray::Axis(0));
    let focus = |i: usize, j: usize| e[[i, j]] / region_totals[i];
    let size_k = top_k(params.size_top_share, n);
    let size_cut: Vec<Option<f64>> = (0..c).map(|j| kth_largest(&mut e.column(j).to_vec(), size_k)).collect();
    let focus_cut: Vec<Option<f64>> = match params.focus_scope {
        FocusScope::Category => {
            let k = top_k(params.focus_top_share, n);
            (0..c).map(|j| kth_largest(&mut (0..n).map(|i| focus(i, j)).collect(), k)).collect()
        }
        FocusScope::All => {
            let k = top_k(params.focus_top_share, n * c);
            let cut = kth_largest(
                &mut (0..n).flat_map(|i| (0..c).map(move |j| (i, j))).map(|(i, j)| focus(i, j)).collect(),
                k,
            );
            vec![cut; c]
        }
    };
    let mut out = Vec::with_capacity(n * c);
    for (i, r) in category_employment.rows().iter().enumerate() {
        for (j, cat) in category_employment.cols().iter().enumerate() {
            let x = e[[i, j]];
            let f = focus(i, j);
            let lq = f / (cat_totals[j] / grand);
            let size_star = x > 0.0 && size_cut[j].is_some_and(|cut| x >= cut);
            let specialisation_star = lq >= params.specialisation_threshold;
            let focus_star = f > 0.0 && focus_cut[j].is_some_and(|cut| f >= cut);
            out.push(StarRating {
                region: r.clone(),
                category: cat.clone(),
                year: None,
                employment: x,
                location_quotient: lq,
                focus: f,
                size_star,
                specialisation_star,
                focus_star,
                stars: u8::from(size_star) + u8::from(specialisation_star) + u8::from(focus_star),
            });
        }
    }
    Ok(out)
}

/// Star ratings from a region x activity matrix and a mapping: [`cluster_employment`], then
/// [`star_ratings`] with the regions' totals over all activities of `m` (row sums).
///
/// # Errors
/// As [`cluster_employment`] and [`star_ratings`]; values are checked as by
/// [`rca`](super::rca) (no NaN, infinite or negative values).
///
/// Complexity: O(n m + n c log n).
///
/// ```
/// use clusterpolicy::{sample, specialisation::{StarParams, example_nace_mapping, observation_panel, star_clusters}};
///
/// let panel = observation_panel(&sample::south_east_europe(), "employment")?;
/// let m = panel.year(*panel.years().last().unwrap())?;
/// let stars = star_clusters(&m, &example_nace_mapping(), &StarParams::default())?;
/// assert_eq!(stars.len(), m.rows().len() * 14);
/// assert!(stars.iter().any(|s| s.stars == 3));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn star_clusters(m: &LabelledMatrix, mapping: &ClusterMapping, params: &StarParams) -> Result<Vec<StarRating>> {
    let strict = super::RcaParams { missing: super::Handling::Error, ..super::RcaParams::default() };
    // Value checks (NaN, infinities, negatives) with the cells named.
    super::prepare::prepare(m.values(), &strict, Names::of(m.rows(), m.cols()))?;
    let totals: Vec<f64> = m.values().rows().into_iter().map(|r| r.sum()).collect();
    star_ratings(&cluster_employment(m, mapping)?, &totals, params)
}

/// [`star_clusters`] for every year of a panel, in long form (years outer).
///
/// # Errors
/// As [`star_clusters`], with the year in the message.
///
/// Complexity: O(T (n m + n c log n)).
///
/// ```
/// use clusterpolicy::{sample, specialisation::{StarParams, example_nace_mapping, observation_panel, star_clusters_panel}};
///
/// let panel = observation_panel(&sample::south_east_europe(), "employment")?;
/// let stars = star_clusters_panel(&panel, &example_nace_mapping(), &StarParams::default())?;
/// assert_eq!(stars.len(), panel.years().len() * panel.rows().len() * 14);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn star_clusters_panel(panel: &Panel, mapping: &ClusterMapping, params: &StarParams) -> Result<Vec<StarRating>> {
    let mut out = Vec::new();
    for &y in panel.years() {
        let s = star_clusters(&panel.year(y)?, mapping, params).map_err(|e| in_year(e, y))?;
        out.extend(s.into_iter().map(|mut r| {
            r.year = Some(y);
            r
        }));
    }
    Ok(out)
}
