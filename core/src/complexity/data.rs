//! Panels from the observations of a dataset.

use std::collections::{BTreeMap, BTreeSet};

use ndarray::Array3;

use crate::error::{Error, Result};
use crate::model::{Dataset, Panel, SubjectKind};

/// The region x activity panel of one indicator from a dataset's observations.
///
/// Takes every observation of `indicator` about a region with an activity breakdown;
/// years, regions and activities are sorted; a cell without an observation is 0; two
/// observations of the same cell are added.
///
/// # Errors
/// [`Error::Empty`] when the dataset holds no such observation; [`Error::NonFinite`] for a
/// NaN or infinite value, naming the region, activity and year.
///
/// Complexity: O(k log k) for k observations, plus the panel.
///
/// ```
/// use clusterpolicy::{complexity::observation_panel, sample};
/// let p = observation_panel(&sample::south_east_europe(), "employment")?;
/// assert_eq!(p.years(), &[2012, 2015, 2018, 2021]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: the data model ([`crate::model::Observation`]).
pub fn observation_panel(ds: &Dataset, indicator: &str) -> Result<Panel> {
    let obs: Vec<_> = ds
        .observations
        .iter()
        .filter(|o| o.indicator == indicator && o.subject.kind == SubjectKind::Region && o.activity.is_some())
        .collect();
    if obs.is_empty() {
        return Err(Error::Empty {
            what: format!("observations of indicator `{indicator}` about regions with an activity"),
        });
    }
    let years: BTreeSet<i32> = obs.iter().map(|o| o.year).collect();
    let regions: BTreeSet<&str> = obs.iter().map(|o| o.subject.id.as_str()).collect();
    let acts: BTreeSet<&str> = obs.iter().filter_map(|o| o.activity.as_deref()).collect();
    let yi: BTreeMap<i32, usize> = years.iter().enumerate().map(|(i, y)| (*y, i)).collect();
    let ri: BTreeMap<&str, usize> = regions.iter().enumerate().map(|(i, r)| (*r, i)).collect();
    let ai: BTreeMap<&str, usize> = acts.iter().enumerate().map(|(i, a)| (*a, i)).collect();
    let mut v = Array3::<f64>::zeros((years.len(), regions.len(), acts.len()));
    for o in obs {
        let a = o.activity.as_deref().unwrap_or_default();
        if !o.value.is_finite() {
            return Err(Error::NonFinite {
                what: format!("observation of `{indicator}`"),
                at: format!("region `{}`, activity `{a}`, year {}", o.subject.id, o.year),
            });
        }
        v[[yi[&o.year], ri[o.subject.id.as_str()], ai[a]]] += o.value;
    }
    Panel::new(
        years.into_iter().collect(),
        regions.into_iter().map(str::to_owned).collect(),
        acts.into_iter().map(str::to_owned).collect(),
        v,
    )
}
