//! Monitoring of strategy targets: achievement rates, on-track status and a scoreboard.

use std::collections::{BTreeMap, HashMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{Dataset, Direction, SubjectRef, Target};

/// Achievement rate of a target: how far the way from baseline to target has been covered.
///
/// Formula: `(actual - baseline) / (target - baseline)`: 1 when the target is met, above 1
/// when exceeded, negative when the indicator moved the wrong way. Works for targets in
/// either direction (a target below the baseline for unemployment).
///
/// Returns `None` when `target == baseline` (no distance to cover) or a value is not finite.
///
/// Complexity: O(1).
///
/// Source: the achievement rate of EU cohesion-policy monitoring (European Commission,
/// Guidance document on monitoring and evaluation, 2014-2020, ERDF and Cohesion Fund).
///
/// ```
/// use clusterpolicy::strategy::achievement_rate;
/// assert_eq!(achievement_rate(40.0, 100.0, 85.0), Some(0.75));
/// assert_eq!(achievement_rate(10.0, 10.0, 12.0), None);
/// ```
#[must_use]
pub fn achievement_rate(baseline: f64, target: f64, actual: f64) -> Option<f64> {
    let range = target - baseline;
    let a = (actual - baseline) / range;
    (range != 0.0 && a.is_finite()).then_some(a)
}

/// Where a target stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TrackStatus {
    /// The target value has been reached (achievement >= 1).
    Achieved,
    /// Progress is within `tolerance` of the share of time elapsed.
    OnTrack,
    /// Progress lags the elapsed time by more than `tolerance`, at most `risk_margin`.
    AtRisk,
    /// Progress lags the elapsed time by more than `risk_margin`.
    OffTrack,
    /// The target year has passed without reaching the target.
    Missed,
    /// No observation of the indicator since the baseline year.
    NoData,
}

/// Parameters of [`target_status`] and [`scoreboard`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct MonitoringParams {
    /// Year of assessment; observations after it are ignored. `None` (default): the latest
    /// observation of each target's indicator.
    pub as_of: Option<i32>,
    /// Largest lag of achievement behind the elapsed share of time still on track, 0-1
    /// (default 0.1).
    pub tolerance: f64,
    /// Largest lag still at risk rather than off track, >= `tolerance` (default 0.25).
    pub risk_margin: f64,
}

impl Default for MonitoringParams {
    fn default() -> Self {
        Self { as_of: None, tolerance: 0.1, risk_margin: 0.25 }
    }
}

impl MonitoringParams {
    /// Checks the margins.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the field.
    pub fn check(&self) -> Result<&Self> {
        if !(0.0..=1.0).contains(&self.tolerance) {
            return Err(Error::param("tolerance", format!("{} is outside 0..=1", self.tolerance)));
        }
        if !(self.risk_margin.is_finite() && self.risk_margin >= self.tolerance) {
            return Err(Error::param("risk_margin", format!("{} must be finite and >= tolerance", self.risk_margin)));
        }
        Ok(self)
    }
}

/// The state of one target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TargetStatus {
    /// The indicator.
    pub indicator: String,
    /// What was measured: the target's measure, or the strategy owner.
    pub subject: SubjectRef,
    /// Baseline value.
    pub baseline: f64,
    /// Baseline year.
    pub baseline_year: i32,
    /// Target value.
    pub target: f64,
    /// Target year.
    pub target_year: i32,
    /// Latest actual value, if observed.
    pub actual: Option<f64>,
    /// Year of the actual value.
    pub actual_year: Option<i32>,
    /// [`achievement_rate`].
    pub achievement: Option<f64>,
    /// `actual / target`.
    pub actual_over_target: Option<f64>,
    /// Share of the time from baseline to target year elapsed at the actual year, 0-1.
    pub expected_progress: Option<f64>,
    /// The verdict.
    pub status: TrackStatus,
}

/// Status of a target given its latest actual value.
///
/// Formula: achievement `a` by [`achievement_rate`]; elapsed share `e = (year - baseline_year) /
/// (target_year - baseline_year)` clamped to 0-1 (1 when the years are equal);
/// `achieved` if `a >= 1`, `missed` if the target year has passed, `on_track` if `e - a <=
/// tolerance`, `at_risk` if `e - a <= risk_margin`, else `off_track`. A target equal to its
/// baseline is achieved when the actual value is not worse (by `direction`).
///
/// Arguments: the target, what it measures, the indicator's direction, the latest actual
/// `(year, value)` if any, parameters.
///
/// # Errors
/// [`Error::InvalidParameter`] for bad `params`.
///
/// Complexity: O(1).
///
/// Source: the "on track" traffic lights of the EU Cohesion Open Data platform, with the
/// project's margins.
///
/// ```
/// use clusterpolicy::model::{Direction, SubjectRef, Target};
/// use clusterpolicy::strategy::{MonitoringParams, TrackStatus, target_status};
/// let t = Target { indicator: "jobs".into(), measure: None, baseline: 40.0, baseline_year: 2020, target: 100.0, target_year: 2030 };
/// let s = target_status(&t, SubjectRef::region("SI04"), Direction::Increase, Some((2025, 85.0)), &MonitoringParams::default())?;
/// assert_eq!(s.achievement, Some(0.75));
/// assert_eq!(s.status, TrackStatus::OnTrack);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn target_status(
    target: &Target,
    subject: SubjectRef,
    direction: Direction,
    actual: Option<(i32, f64)>,
    params: &MonitoringParams,
) -> Result<TargetStatus> {
    params.check()?;
    let mut out = TargetStatus {
        indicator: target.indicator.clone(),
        subject,
        baseline: target.baseline,
        baseline_year: target.baseline_year,
        target: target.target,
        target_year: target.target_year,
        actual: None,
        actual_year: None,
        achievement: None,
        actual_over_target: None,
        expected_progress: None,
        status: TrackStatus::NoData,
    };
    let Some((year, value)) = actual.filter(|(_, v)| v.is_finite()) else {
        return Ok(out);
    };
    out.actual = Some(value);
    out.actual_year = Some(year);
    out.achievement = achievement_rate(target.baseline, target.target, value);
    out.actual_over_target = (target.target != 0.0).then(|| value / target.target);
    let span = target.target_year - target.baseline_year;
    let e = if span <= 0 { 1.0 } else { (f64::from(year - target.baseline_year) / f64::from(span)).clamp(0.0, 1.0) };
    out.expected_progress = Some(e);
    let reached = match out.achievement {
        Some(a) => a >= 1.0,
        None => match direction {
            Direction::Increase => value >= target.target,
            Direction::Decrease => value <= target.target,
        },
    };
    out.status = if reached {
        TrackStatus::Achieved
    } else if year >= target.target_year {
        TrackStatus::Missed
    } else {
        let gap = e - out.achievement.unwrap_or(0.0);
        if gap <= params.tolerance {
            TrackStatus::OnTrack
        } else if gap <= params.risk_margin {
            TrackStatus::AtRisk
        } else {
            TrackStatus::OffTrack
        }
    };
    Ok(out)
}

/// The scoreboard of a strategy: every target with its status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Scoreboard {
    /// Strategy id.
    pub strategy: String,
    /// Strategy name.
    pub name: String,
    /// One row per target, in the strategy's order.
    pub rows: Vec<TargetStatus>,
    /// Number of targets per status.
    pub counts: BTreeMap<TrackStatus, usize>,
    /// Mean achievement over the targets that have one.
    pub mean_achievement: Option<f64>,
}

/// (indicator, subject, year)
type ObsKey<'a> = (&'a str, &'a SubjectRef, i32);

/// Value of an indicator for a subject in a year: the observation without activity, else the
/// sum over its activity breakdown, each activity counted once (an activity whose ancestor is
/// also observed is skipped).
pub(crate) struct ObservationIndex<'a> {
    totals: HashMap<ObsKey<'a>, f64>,
    parts: HashMap<ObsKey<'a>, Vec<(&'a str, f64)>>,
    parent: HashMap<&'a str, &'a str>,
}

impl<'a> ObservationIndex<'a> {
    pub(crate) fn new(ds: &'a Dataset) -> Self {
        let mut totals = HashMap::new();
        let mut parts: HashMap<_, Vec<_>> = HashMap::new();
        for o in &ds.observations {
            if !o.value.is_finite() {
                continue;
            }
            let key = (o.indicator.as_str(), &o.subject, o.year);
            match &o.activity {
                None => {
                    totals.insert(key, o.value);
                }
                Some(a) => parts.entry(key).or_default().push((a.as_str(), o.value)),
            }
        }
        let parent = ds.activities.iter().filter_map(|a| a.parent.as_deref().map(|p| (a.id.as_str(), p))).collect();
        Self { totals, parts, parent }
    }

    pub(crate) fn value(&self, indicator: &str, subject: &SubjectRef, year: i32) -> Option<f64> {
        let key = (indicator, subject, year);
        if let Some(v) = self.totals.get(&key) {
            return Some(*v);
        }
        let parts = self.parts.get(&key)?;
        let observed: HashSet<&str> = parts.iter().map(|p| p.0).collect();
        let mut sum = 0.0;
        for (a, v) in parts {
            let mut cur = *a;
            let mut covered = false;
            for _ in 0..16 {
                match self.parent.get(cur) {
                    Some(p) if observed.contains(p) => {
                        covered = true;
                        break;
                    }
                    Some(p) => cur = p,
                    None => break,
                }
            }
            if !covered {
                sum += v;
            }
        }
        Some(sum)
    }

    /// Latest `(year, value)` with `from <= year <= to`.
    pub(crate) fn latest(
        &self,
        indicator: &str,
        subject: &SubjectRef,
        years: &[i32],
        from: i32,
        to: Option<i32>,
    ) -> Option<(i32, f64)> {
        years
            .iter()
            .rev()
            .filter(|&&y| y >= from && to.is_none_or(|t| y <= t))
            .find_map(|&y| self.value(indicator, subject, y).map(|v| (y, v)))
    }
}

/// The scoreboard of a strategy: each target's latest actual value, achievement rate and
/// on-track status ([`target_status`]).
///
/// The actual value of a target with a measure is the indicator observed for that measure;
/// of any other target, the indicator observed for the strategy's owner (region or cluster),
/// without activity breakdown or else summed over it.
///
/// # Errors
/// [`Error::UnknownLabel`] for an unknown strategy; [`Error::InvalidParameter`] for bad
/// `params`.
///
/// Complexity: O(observations + targets x years).
///
/// Source: the monitoring of RIS3 strategies (Gianelle & Kleibrink 2015, JRC S3 Policy Brief
/// 13/2015), with the rules of [`target_status`].
///
/// ```
/// use clusterpolicy::{sample, strategy::{MonitoringParams, scoreboard}};
/// let ds = sample::south_east_europe();
/// let board = scoreboard(&ds, &ds.strategies[0].id, &MonitoringParams::default())?;
/// assert_eq!(board.rows.len(), ds.strategies[0].targets.len());
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn scoreboard(ds: &Dataset, strategy: &str, params: &MonitoringParams) -> Result<Scoreboard> {
    params.check()?;
    let index = ObservationIndex::new(ds);
    scoreboard_with(ds, &index, strategy, params)
}

pub(crate) fn observed_years(ds: &Dataset) -> Vec<i32> {
    let mut years: Vec<i32> = ds.observations.iter().map(|o| o.year).collect();
    years.sort_unstable();
    years.dedup();
    years
}

pub(crate) fn scoreboard_with(
    ds: &Dataset,
    index: &ObservationIndex<'_>,
    strategy: &str,
    params: &MonitoringParams,
) -> Result<Scoreboard> {
    let st = ds
        .strategies
        .iter()
        .find(|s| s.id == strategy)
        .ok_or_else(|| Error::UnknownLabel { kind: "strategy".into(), id: strategy.to_owned() })?;
    let years = observed_years(ds);
    let direction: HashMap<&str, Direction> = ds.indicators.iter().map(|i| (i.id.as_str(), i.direction)).collect();
    let mut rows = Vec::with_capacity(st.targets.len());
    for t in &st.targets {
        let subject = t.measure.as_ref().map_or_else(|| st.owner.clone(), SubjectRef::measure);
        let actual = index.latest(&t.indicator, &subject, &years, t.baseline_year, params.as_of);
        let dir = direction.get(t.indicator.as_str()).copied().unwrap_or(if t.target >= t.baseline {
            Direction::Increase
        } else {
            Direction::Decrease
        });
        rows.push(target_status(t, subject, dir, actual, params)?);
    }
    let mut counts = BTreeMap::new();
    for r in &rows {
        *counts.entry(r.status).or_insert(0) += 1;
    }
    let achieved: Vec<f64> = rows.iter().filter_map(|r| r.achievement).collect();
    let mean_achievement = (!achieved.is_empty()).then(|| achieved.iter().sum::<f64>() / achieved.len() as f64);
    Ok(Scoreboard { strategy: st.id.clone(), name: st.name.clone(), rows, counts, mean_achievement })
}
