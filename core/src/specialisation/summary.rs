//! The specialisation profile of a dataset: top specialisations and star clusters per
//! region, for the report of the main job.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    ClusterMapping, Handling, IndexParams, RcaParams, StarParams, analyse, example_nace_mapping, observation_panel,
    star_clusters,
};
use crate::error::Result;
use crate::model::Dataset;

/// One activity in which a region is specialised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TopActivity {
    /// Activity id.
    pub activity: String,
    /// Activity name (the id when the dataset does not name it).
    pub name: String,
    /// Location quotient.
    pub location_quotient: f64,
    /// The region's value (employment) in the activity.
    pub value: f64,
}

/// A region's star cluster category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StarCluster {
    /// Category id.
    pub category: String,
    /// Category name.
    pub name: String,
    /// Stars, 1-3.
    pub stars: u8,
    /// Size star.
    pub size_star: bool,
    /// Specialisation star.
    pub specialisation_star: bool,
    /// Focus star.
    pub focus_star: bool,
    /// Employment in the category.
    pub employment: f64,
    /// Location quotient of the category.
    pub location_quotient: f64,
    /// Category's share of the region's employment.
    pub focus: f64,
}

/// The specialisation profile of one region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RegionProfile {
    /// Region id.
    pub region: String,
    /// Region name (the id when the dataset does not name it).
    pub name: String,
    /// Total of the indicator over activities.
    pub total: f64,
    /// Krugman specialisation index.
    pub krugman: f64,
    /// Shannon entropy in bits.
    pub entropy: f64,
    /// Number of activities with RCA >= 1.
    pub diversity: f64,
    /// Top activities by location quotient (at most `top`, LQ >= 1 only).
    pub top_specialisations: Vec<TopActivity>,
    /// Cluster categories with at least one star, most stars first.
    pub star_clusters: Vec<StarCluster>,
}

/// The specialisation profile of a dataset in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SpecialisationSummary {
    /// The indicator (e.g. `employment`).
    pub indicator: String,
    /// The year profiled (the last year with observations).
    pub year: i32,
    /// Name of the cluster mapping used for the star ratings.
    pub mapping: String,
    /// Whether that mapping is an illustrative example rather than a published definition.
    pub mapping_is_example: bool,
    /// One profile per region with a non-zero total, in the dataset's region order.
    pub regions: Vec<RegionProfile>,
}

/// The specialisation profile of a dataset: for the last year of `indicator`'s observations
/// by region and activity, each region's top `top` specialisations by location quotient
/// (LQ >= 1) and its star cluster categories under `mapping` (default: the
/// [`example_nace_mapping`]) with the European Cluster Observatory's default thresholds.
///
/// Regions with a zero total are left out.
///
/// # Errors
/// As [`observation_panel`] (no such observations) and [`analyse`].
///
/// Complexity: O(n m log n) for the last year.
///
/// ```
/// use clusterpolicy::{sample, specialisation::summarise};
/// let s = summarise(&sample::south_east_europe(), "employment", None, 3)?;
/// assert_eq!(s.year, 2021);
/// assert!(s.mapping_is_example);
/// let graz = s.regions.iter().find(|r| r.region == "AT22").unwrap(); // Steiermark
/// assert!(graz.top_specialisations.iter().any(|t| t.activity == "C29"));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn summarise(
    ds: &Dataset,
    indicator: &str,
    mapping: Option<&ClusterMapping>,
    top: usize,
) -> Result<SpecialisationSummary> {
    let panel = observation_panel(ds, indicator)?;
    let year = *panel.years().last().unwrap_or(&0);
    let m = panel.year(year)?;
    let params =
        IndexParams { rca: RcaParams { zero_rows: Handling::Drop, ..RcaParams::default() }, ..IndexParams::default() };
    let a = analyse(&m, &params, None)?;
    let example = example_nace_mapping();
    let mapping = mapping.unwrap_or(&example);
    let kept = crate::model::LabelledMatrix::new(
        a.regions.regions.clone(),
        m.cols().to_vec(),
        m.values().select(ndarray::Axis(0), &a.rows),
    )?;
    let stars = star_clusters(&kept, mapping, &StarParams::default())?;
    let region_names: HashMap<&str, &str> = ds.regions.iter().map(|r| (r.id.as_str(), r.name.as_str())).collect();
    let activity_names: HashMap<&str, &str> = ds.activities.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect();
    let category_names: HashMap<&str, &str> =
        mapping.categories.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect();
    let ncat = mapping.categories.len();
    let mut regions = Vec::with_capacity(a.rows.len());
    for (k, &i) in a.rows.iter().enumerate() {
        let id = &m.rows()[i];
        let mut acts: Vec<TopActivity> = (0..a.cols.len())
            .filter(|&j| a.rca[[k, j]] >= 1.0)
            .map(|j| {
                let act = &m.cols()[a.cols[j]];
                TopActivity {
                    activity: act.clone(),
                    name: activity_names.get(act.as_str()).map_or_else(|| act.clone(), |s| (*s).to_owned()),
                    location_quotient: a.rca[[k, j]],
                    value: m.values()[[i, a.cols[j]]],
                }
            })
            .collect();
        acts.sort_by(|x, y| y.location_quotient.total_cmp(&x.location_quotient).then(x.activity.cmp(&y.activity)));
        acts.truncate(top);
        let mut sc: Vec<StarCluster> = stars[k * ncat..(k + 1) * ncat]
            .iter()
            .filter(|s| s.stars > 0)
            .map(|s| StarCluster {
                category: s.category.clone(),
                name: category_names.get(s.category.as_str()).map_or_else(|| s.category.clone(), |n| (*n).to_owned()),
                stars: s.stars,
                size_star: s.size_star,
                specialisation_star: s.specialisation_star,
                focus_star: s.focus_star,
                employment: s.employment,
                location_quotient: s.location_quotient,
                focus: s.focus,
            })
            .collect();
        sc.sort_by(|x, y| y.stars.cmp(&x.stars).then(y.location_quotient.total_cmp(&x.location_quotient)));
        regions.push(RegionProfile {
            region: id.clone(),
            name: region_names.get(id.as_str()).map_or_else(|| id.clone(), |s| (*s).to_owned()),
            total: m.values().row(i).sum(),
            krugman: a.regions.krugman[k],
            entropy: a.regions.entropy[k],
            diversity: a.regions.diversity[k],
            top_specialisations: acts,
            star_clusters: sc,
        });
    }
    Ok(SpecialisationSummary {
        indicator: indicator.to_owned(),
        year,
        mapping: mapping.name.clone(),
        mapping_is_example: mapping.example,
        regions,
    })
}
