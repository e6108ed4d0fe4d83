//! The complexity section of the main job's report: priority maps of the regions of
//! interest and a backtest of density on the dataset's own panel.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::backtest::{BacktestParams, BacktestSummary, backtest};
use super::indices::{ComplexityParams, RegionComplexity, economic_complexity};
use super::priority::{PriorityMap, PriorityParams, priority_maps};
use crate::error::{Error, Result};
use crate::model::{Dataset, LabelledMatrix, SubjectKind};
use crate::specialisation::{Handling, RcaParams, observation_panel, presence};

/// At most this many regions of interest get a priority map in the report.
pub const MAX_REGIONS_OF_INTEREST: usize = 6;

/// Smart-specialisation models on a dataset: what the report shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ComplexitySummary {
    /// The indicator of the region x activity panel, e.g. `employment`.
    pub indicator: String,
    /// The year of the priority maps and the complexity ranking (the latest).
    pub year: i32,
    /// How the regions of interest were chosen.
    pub regions_rule: String,
    /// Economic complexity (eigenvector ECI) of every region in `year`, highest first.
    pub eci: Vec<RegionComplexity>,
    /// One priority map per region of interest.
    pub maps: Vec<PriorityMap>,
    /// The `k` of precision@k in the backtest.
    pub top_k: usize,
    /// Pooled backtest of density as a predictor of entries: per pair of consecutive years,
    /// then over all pairs (empty with a single year).
    pub backtest: Vec<BacktestSummary>,
}

/// The complexity section for a dataset: priority maps (recommendations with evidence) of
/// the regions of interest in the latest year, the ECI ranking, and a backtest of density
/// over the dataset's years.
///
/// Regions of interest: the regions that own a strategy in the dataset (smart
/// specialisation strategies), in strategy order; without such regions, the first regions
/// of the panel; at most [`MAX_REGIONS_OF_INTEREST`].
///
/// # Errors
/// [`Error::Empty`] when the dataset has no observations of `indicator` by region and
/// activity, and the errors of the models (e.g. fewer than two regions).
///
/// Complexity: as [`priority_maps`] and [`backtest`].
///
/// ```
/// use clusterpolicy::{complexity::summarise, sample};
/// let s = summarise(&sample::south_east_europe(), "employment")?;
/// assert!(!s.maps.is_empty());
/// assert_eq!(s.backtest.last().unwrap().from, None);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Balland, Boschma, Crespo & Rigby (2019) (priority maps); see [`backtest`].
pub fn summarise(ds: &Dataset, indicator: &str) -> Result<ComplexitySummary> {
    let panel = observation_panel(ds, indicator)?;
    let year = *panel.years().last().ok_or_else(|| Error::Empty { what: "panel years".into() })?;
    let latest = panel.year(year)?;
    let params = PriorityParams { top: 5, ..PriorityParams::default() };
    let mut regions: Vec<String> = Vec::new();
    for s in &ds.strategies {
        if s.owner.kind == SubjectKind::Region
            && latest.row_index(&s.owner.id).is_some()
            && !regions.contains(&s.owner.id)
            && regions.len() < MAX_REGIONS_OF_INTEREST
        {
            regions.push(s.owner.id.clone());
        }
    }
    let regions_rule = if regions.is_empty() {
        regions = latest.rows().iter().take(3).cloned().collect();
        "no region owns a strategy: the first three regions".to_owned()
    } else {
        format!("regions that own a strategy (at most {MAX_REGIONS_OF_INTEREST})")
    };
    // A region whose total is zero has no map; keep the others.
    let kept: Vec<String> = regions.into_iter().filter(|r| latest_total(&latest, r) > 0.0).collect();
    let maps = priority_maps(&latest, &kept, &params)?;
    let p =
        presence(&latest, &RcaParams { zero_rows: Handling::Drop, zero_cols: Handling::Drop, ..RcaParams::default() })?;
    let mut eci = economic_complexity(&p, &ComplexityParams::default())?.regions;
    eci.sort_by(|a, b| b.eci.total_cmp(&a.eci).then(a.region.cmp(&b.region)));
    let bt_params = BacktestParams { top_k: 3, ..BacktestParams::default() };
    let backtest = if panel.years().len() > 1 { backtest(&panel, &bt_params)?.pooled } else { Vec::new() };
    Ok(ComplexitySummary {
        indicator: indicator.to_owned(),
        year,
        regions_rule,
        eci,
        maps,
        top_k: bt_params.top_k,
        backtest,
    })
}

fn latest_total(m: &LabelledMatrix, region: &str) -> f64 {
    m.row_index(region).map_or(0.0, |i| m.values().row(i).sum())
}
