//! Region x activity panels from the observations of a [`Dataset`].

use std::collections::{BTreeSet, HashMap};

use ndarray::Array3;

use crate::error::{Error, Result};
use crate::model::{Dataset, Panel, SubjectKind};

/// The years x regions x activities panel of one indicator's observations with an activity
/// breakdown (e.g. employment by region and NACE unit in the embedded dataset).
///
/// Rows are the regions that have such observations, in the order of `ds.regions` (then by
/// id for regions the dataset does not list); columns the activities, in the order of
/// `ds.activities` (then by id); years increase. A cell without an observation is 0.
///
/// # Errors
/// [`Error::Empty`] when the indicator has no region observation with an activity;
/// [`Error::DuplicateLabel`] (kind `observation`) for two observations of the same cell.
///
/// Complexity: O(observations + T n m).
///
/// ```
/// use clusterpolicy::{sample, specialisation::observation_panel};
/// let p = observation_panel(&sample::south_east_europe(), "employment")?;
/// assert_eq!(p.years(), [2012, 2015, 2018, 2021]);
/// assert!(p.cols().iter().any(|c| c == "C29"));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn observation_panel(ds: &Dataset, indicator: &str) -> Result<Panel> {
    let obs: Vec<_> = ds
        .observations
        .iter()
        .filter(|o| o.indicator == indicator && o.subject.kind == SubjectKind::Region && o.activity.is_some())
        .collect();
    if obs.is_empty() {
        return Err(Error::Empty { what: format!("observations of indicator `{indicator}` by region and activity") });
    }
    let order = |listed: Vec<&str>, present: BTreeSet<&str>| -> Vec<String> {
        let mut out: Vec<String> = listed.iter().filter(|id| present.contains(*id)).map(|s| (*s).to_owned()).collect();
        let listed: BTreeSet<&str> = listed.into_iter().collect();
        out.extend(present.iter().filter(|id| !listed.contains(*id)).map(|s| (*s).to_owned()));
        out
    };
    let rows =
        order(ds.regions.iter().map(|r| r.id.as_str()).collect(), obs.iter().map(|o| o.subject.id.as_str()).collect());
    let cols = order(
        ds.activities.iter().map(|a| a.id.as_str()).collect(),
        obs.iter().filter_map(|o| o.activity.as_deref()).collect(),
    );
    let years: Vec<i32> = obs.iter().map(|o| o.year).collect::<BTreeSet<_>>().into_iter().collect();
    let ri: HashMap<&str, usize> = rows.iter().enumerate().map(|(i, r)| (r.as_str(), i)).collect();
    let ci: HashMap<&str, usize> = cols.iter().enumerate().map(|(i, c)| (c.as_str(), i)).collect();
    let ti: HashMap<i32, usize> = years.iter().enumerate().map(|(t, y)| (*y, t)).collect();
    let mut values = Array3::zeros((years.len(), rows.len(), cols.len()));
    let mut seen = vec![false; values.len()];
    for o in obs {
        let (t, i, j) = (ti[&o.year], ri[o.subject.id.as_str()], ci[o.activity.as_deref().unwrap_or_default()]);
        let flat = (t * rows.len() + i) * cols.len() + j;
        if std::mem::replace(&mut seen[flat], true) {
            return Err(Error::DuplicateLabel {
                kind: "observation".into(),
                id: format!(
                    "{indicator} / {} / {} / {}",
                    o.subject.id,
                    o.activity.as_deref().unwrap_or_default(),
                    o.year
                ),
            });
        }
        values[[t, i, j]] = o.value;
    }
    Panel::new(years, rows, cols, values)
}
