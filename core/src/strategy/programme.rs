//! Programme monitoring: budget against spending per partner, work package and period,
//! absorption, deviation flags, burn-rate forecast, deliverables, communication reach and
//! partnership coverage.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{Dataset, Project, TargetGroup, canonical_country};

/// Parameters of [`project_monitoring`] and [`programme_monitoring`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ProgrammeParams {
    /// Date of assessment; `None` (default): each project's latest reported spending date
    /// (else its end date).
    pub as_of: Option<NaiveDate>,
    /// Absorption deviating from the elapsed share of time by more than this is flagged,
    /// 0-1 (default 0.15).
    pub deviation_threshold: f64,
    /// Communication reach below this share of the plan is flagged, 0-1 (default 0.8).
    pub reach_threshold: f64,
}

impl Default for ProgrammeParams {
    fn default() -> Self {
        Self { as_of: None, deviation_threshold: 0.15, reach_threshold: 0.8 }
    }
}

impl ProgrammeParams {
    /// Checks the thresholds.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the field.
    pub fn check(&self) -> Result<&Self> {
        if !(0.0..=1.0).contains(&self.deviation_threshold) {
            return Err(Error::param("deviation_threshold", format!("{} is outside 0..=1", self.deviation_threshold)));
        }
        if !(0.0..=1.0).contains(&self.reach_threshold) {
            return Err(Error::param("reach_threshold", format!("{} is outside 0..=1", self.reach_threshold)));
        }
        Ok(self)
    }
}

/// Which way spending deviates from plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Deviation {
    /// Absorption lags the elapsed time by more than the threshold.
    Underspending,
    /// Absorption runs ahead of the elapsed time by more than the threshold, or above 100 %.
    Overspending,
}

/// Budget against spending of one partner, work package or period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AbsorptionRow {
    /// The partner (actor id), work package id or period number.
    pub key: String,
    /// Its budget, if known.
    pub budget: Option<f64>,
    /// Spending reported up to the assessment date.
    pub spent: f64,
    /// `spent / budget`.
    pub absorption: Option<f64>,
    /// Deviation flag against the elapsed share of time.
    pub flag: Option<Deviation>,
}

/// State of a deliverable at the assessment date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeliverableState {
    /// Delivered by its due date (or without one).
    OnTime,
    /// Delivered after its due date.
    Late,
    /// Not delivered, not yet due.
    Open,
    /// Not delivered and past due.
    Overdue,
}

/// A deliverable and its state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DeliverableStatus {
    /// Work package id.
    pub work_package: String,
    /// Deliverable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Due date.
    pub due: Option<NaiveDate>,
    /// Delivery date.
    pub delivered: Option<NaiveDate>,
    /// State.
    pub state: DeliverableState,
    /// Days late (delivered late, or overdue at the assessment date).
    pub delay_days: Option<i64>,
}

/// Communication reach by target group against plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CommunicationRow {
    /// The target group.
    pub target_group: TargetGroup,
    /// Activities addressing it.
    pub activities: usize,
    /// Planned reach of all its activities.
    pub planned: f64,
    /// Achieved reach of the activities that report one.
    pub achieved: f64,
    /// Planned reach of the activities that report an achieved reach.
    pub planned_reported: f64,
    /// `achieved / planned_reported`.
    pub reach_rate: Option<f64>,
    /// Whether the reach rate is below the threshold.
    pub below_plan: bool,
}

/// Which countries and regions a partnership reaches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Coverage {
    /// Countries of the partners (canonical codes, sorted).
    pub countries: Vec<String>,
    /// Regions of the partners (as located, sorted).
    pub regions: Vec<String>,
    /// Regions of the programme area reached (walking up the region hierarchy), sorted.
    pub area_regions_covered: Vec<String>,
    /// Regions of the programme area not reached, sorted.
    pub area_regions_uncovered: Vec<String>,
    /// Countries of the programme area not reached, sorted.
    pub area_countries_uncovered: Vec<String>,
    /// Share of the programme area's regions reached (0 without an area).
    pub area_share: f64,
}

/// Monitoring of one project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProjectMonitoring {
    /// Project id.
    pub project: String,
    /// Title.
    pub title: String,
    /// Assessment date.
    pub as_of: Option<NaiveDate>,
    /// Total budget (the project's, else the sum of the partner budgets).
    pub budget: Option<f64>,
    /// Spending reported up to the assessment date.
    pub spent: f64,
    /// `spent / budget`.
    pub absorption: Option<f64>,
    /// Share of the project's duration elapsed at the assessment date, 0-1.
    pub elapsed: Option<f64>,
    /// Spending per month elapsed.
    pub burn_rate: Option<f64>,
    /// Total spending forecast at the current burn rate, `spent / elapsed`.
    pub forecast: Option<f64>,
    /// `forecast / budget`.
    pub forecast_absorption: Option<f64>,
    /// Deviation flag of the whole project.
    pub flag: Option<Deviation>,
    /// Per partner, in partner order.
    pub by_partner: Vec<AbsorptionRow>,
    /// Per work package (spending reported with a work package), in work-package order.
    pub by_work_package: Vec<AbsorptionRow>,
    /// Per reporting period, cumulative absorption in `absorption`.
    pub by_period: Vec<AbsorptionRow>,
    /// Deliverables.
    pub deliverables: Vec<DeliverableStatus>,
    /// Number of deliverables per state.
    pub deliverable_counts: BTreeMap<DeliverableState, usize>,
    /// Communication reach by target group.
    pub communication: Vec<CommunicationRow>,
    /// Partnership coverage.
    pub coverage: Coverage,
}

/// Monitoring of a programme: its projects and its area coverage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProgrammeMonitoring {
    /// Programme id.
    pub programme: String,
    /// Name.
    pub name: String,
    /// Sum of the project budgets.
    pub budget: f64,
    /// Sum of the spending.
    pub spent: f64,
    /// `spent / budget`.
    pub absorption: Option<f64>,
    /// Projects flagged, by deviation.
    pub flagged: BTreeMap<Deviation, Vec<String>>,
    /// Each project, in dataset order.
    pub projects: Vec<ProjectMonitoring>,
    /// Communication reach by target group over all projects.
    pub communication: Vec<CommunicationRow>,
    /// Coverage of the programme area by all its partnerships.
    pub coverage: Coverage,
}

fn flag(absorption: Option<f64>, elapsed: Option<f64>, threshold: f64) -> Option<Deviation> {
    let (a, e) = (absorption?, elapsed?);
    if a > 1.0 + 1e-9 || a - e > threshold {
        Some(Deviation::Overspending)
    } else if e - a > threshold {
        Some(Deviation::Underspending)
    } else {
        None
    }
}

fn ratio(a: f64, b: Option<f64>) -> Option<f64> {
    b.filter(|b| *b > 0.0 && b.is_finite()).map(|b| a / b)
}

fn communication(projects: &[&Project], threshold: f64) -> Vec<CommunicationRow> {
    let mut rows: BTreeMap<TargetGroup, (usize, f64, f64, f64)> = BTreeMap::new();
    for p in projects {
        for c in &p.communication {
            let r = rows.entry(c.target_group).or_insert((0, 0.0, 0.0, 0.0));
            r.0 += 1;
            if c.planned_reach.is_finite() {
                r.1 += c.planned_reach;
            }
            if let Some(a) = c.achieved_reach.filter(|a| a.is_finite()) {
                r.2 += a;
                if c.planned_reach.is_finite() {
                    r.3 += c.planned_reach;
                }
            }
        }
    }
    rows.into_iter()
        .map(|(g, (n, planned, achieved, planned_reported))| {
            let reach_rate = ratio(achieved, Some(planned_reported));
            CommunicationRow {
                target_group: g,
                activities: n,
                planned,
                achieved,
                planned_reported,
                reach_rate,
                below_plan: reach_rate.is_some_and(|r| r < threshold),
            }
        })
        .collect()
}

struct Geo<'a> {
    parent: HashMap<&'a str, &'a str>,
    country: HashMap<&'a str, &'a str>,
    actor: HashMap<&'a str, (&'a str, Option<&'a str>)>,
}

impl<'a> Geo<'a> {
    fn new(ds: &'a Dataset) -> Self {
        Self {
            parent: ds.regions.iter().filter_map(|r| r.parent.as_deref().map(|p| (r.id.as_str(), p))).collect(),
            country: ds.regions.iter().map(|r| (r.id.as_str(), r.country.as_str())).collect(),
            actor: ds.actors.iter().map(|a| (a.id.as_str(), (a.country.as_str(), a.region.as_deref()))).collect(),
        }
    }

    fn coverage(&self, projects: &[&Project], area: &[String]) -> Coverage {
        let area_set: BTreeSet<&str> = area.iter().map(String::as_str).collect();
        let mut countries = BTreeSet::new();
        let mut regions = BTreeSet::new();
        let mut covered = BTreeSet::new();
        for p in projects {
            for pa in &p.partners {
                let Some(&(c, r)) = self.actor.get(pa.actor.as_str()) else { continue };
                countries.insert(canonical_country(c).unwrap_or(c).to_owned());
                if let Some(r) = r {
                    regions.insert(r.to_owned());
                    let mut cur = Some(r);
                    for _ in 0..16 {
                        let Some(x) = cur else { break };
                        if area_set.contains(x) {
                            covered.insert(x.to_owned());
                            break;
                        }
                        cur = self.parent.get(x).copied();
                    }
                }
            }
        }
        let uncovered: Vec<String> =
            area_set.iter().filter(|r| !covered.contains(**r)).map(|r| (*r).to_owned()).collect();
        let area_countries: BTreeSet<String> = area_set
            .iter()
            .filter_map(|r| self.country.get(r).map(|c| canonical_country(c).unwrap_or(c).to_owned()))
            .collect();
        Coverage {
            area_countries_uncovered: area_countries.difference(&countries).cloned().collect(),
            area_share: if area_set.is_empty() { 0.0 } else { covered.len() as f64 / area_set.len() as f64 },
            countries: countries.into_iter().collect(),
            regions: regions.into_iter().collect(),
            area_regions_covered: covered.into_iter().collect(),
            area_regions_uncovered: uncovered,
        }
    }
}

/// Months between two dates, with days as fractions of 30.4375 days.
fn months(from: NaiveDate, to: NaiveDate) -> f64 {
    (to - from).num_days() as f64 / 30.4375
}

#[allow(clippy::too_many_lines)]
fn monitor(p: &Project, geo: &Geo<'_>, area: &[String], params: &ProgrammeParams) -> ProjectMonitoring {
    let latest_report = p.spending.iter().filter_map(|s| s.to).max();
    let as_of = params.as_of.or(latest_report).or(p.end);
    let counted = |s: &crate::model::SpendingReport| match (as_of, s.to.or(s.from)) {
        (Some(d), Some(t)) => t <= d,
        _ => true,
    };
    let spending: Vec<&crate::model::SpendingReport> =
        p.spending.iter().filter(|s| counted(s) && s.amount.is_finite()).collect();
    let spent: f64 = spending.iter().map(|s| s.amount).sum();
    let partner_budget: f64 = p.partners.iter().filter_map(|x| x.budget).filter(|b| b.is_finite()).sum();
    let budget = p.budget.filter(|b| b.is_finite()).or((partner_budget > 0.0).then_some(partner_budget));
    let elapsed = match (p.start, p.end, as_of) {
        (Some(s), Some(e), Some(d)) if e > s => {
            Some(((d - s).num_days() as f64 / (e - s).num_days() as f64).clamp(0.0, 1.0))
        }
        _ => None,
    };
    let absorption = ratio(spent, budget);
    let burn_rate = match (p.start, as_of) {
        (Some(s), Some(d)) if d > s => Some(spent / months(s, d)),
        _ => None,
    };
    let forecast = elapsed.filter(|e| *e > 0.0).map(|e| spent / e);
    let th = params.deviation_threshold;
    let by_partner = p
        .partners
        .iter()
        .map(|pa| {
            let s: f64 =
                spending.iter().filter(|x| x.partner.as_deref() == Some(pa.actor.as_str())).map(|x| x.amount).sum();
            let a = ratio(s, pa.budget);
            AbsorptionRow {
                key: pa.actor.clone(),
                budget: pa.budget,
                spent: s,
                absorption: a,
                flag: flag(a, elapsed, th),
            }
        })
        .collect();
    let by_work_package = p
        .work_packages
        .iter()
        .map(|wp| {
            let s: f64 =
                spending.iter().filter(|x| x.work_package.as_deref() == Some(wp.id.as_str())).map(|x| x.amount).sum();
            let reported = spending.iter().any(|x| x.work_package.is_some());
            let a = if reported { ratio(s, wp.budget) } else { None };
            AbsorptionRow { key: wp.id.clone(), budget: wp.budget, spent: s, absorption: a, flag: flag(a, elapsed, th) }
        })
        .collect();
    let periods: BTreeSet<u32> = spending.iter().map(|s| s.period).collect();
    let mut cumulative = 0.0;
    let by_period = periods
        .into_iter()
        .map(|k| {
            let s: f64 = spending.iter().filter(|x| x.period == k).map(|x| x.amount).sum();
            cumulative += s;
            AbsorptionRow {
                key: k.to_string(),
                budget: None,
                spent: s,
                absorption: ratio(cumulative, budget),
                flag: None,
            }
        })
        .collect();
    let mut deliverables = Vec::new();
    let mut deliverable_counts = BTreeMap::new();
    for wp in &p.work_packages {
        for d in &wp.deliverables {
            let (state, delay) = match (d.delivered, d.due) {
                (Some(got), Some(due)) if got > due => (DeliverableState::Late, Some((got - due).num_days())),
                (Some(_), _) => (DeliverableState::OnTime, None),
                (None, Some(due)) if as_of.is_some_and(|t| t > due) => {
                    (DeliverableState::Overdue, as_of.map(|t| (t - due).num_days()))
                }
                (None, _) => (DeliverableState::Open, None),
            };
            *deliverable_counts.entry(state).or_insert(0) += 1;
            deliverables.push(DeliverableStatus {
                work_package: wp.id.clone(),
                id: d.id.clone(),
                title: d.title.clone(),
                due: d.due,
                delivered: d.delivered,
                state,
                delay_days: delay,
            });
        }
    }
    ProjectMonitoring {
        project: p.id.clone(),
        title: p.title.clone(),
        as_of,
        budget,
        spent,
        absorption,
        elapsed,
        burn_rate,
        forecast,
        forecast_absorption: forecast.and_then(|f| ratio(f, budget)),
        flag: flag(absorption, elapsed, th),
        by_partner,
        by_work_package,
        by_period,
        deliverables,
        deliverable_counts,
        communication: communication(&[p], params.reach_threshold),
        coverage: geo.coverage(&[p], area),
    }
}

/// Monitoring of one project: budget against spending per partner, work package and period,
/// absorption, deviation flags, burn-rate forecast, deliverables, communication reach and
/// partnership coverage of its programme's area.
///
/// Formula: `absorption = spent / budget`; elapsed share `e = (as_of - start) / (end -
/// start)`; flag `underspending` when `e - absorption > threshold`, `overspending` when
/// `absorption - e > threshold` or absorption > 1; `burn_rate = spent / months elapsed`;
/// `forecast = spent / e` (the total at the current burn rate); reach rate = achieved /
/// planned reach of the activities that report one. Spending is counted up to `as_of` (by
/// each report's end date). Work-package absorption needs spending reported per work
/// package; without any, it is `None`.
///
/// # Errors
/// [`Error::UnknownLabel`] for an unknown project; [`Error::InvalidParameter`] for bad
/// thresholds.
///
/// Complexity: O(project size x partners).
///
/// Source: the absorption and N+2/N+3 decommitment monitoring of Interreg programmes
/// (Interact, *Programme Management Handbook*, 2021), with the project's thresholds.
///
/// ```
/// use clusterpolicy::{sample, strategy::{ProgrammeParams, project_monitoring}};
/// let ds = sample::south_east_europe();
/// let m = project_monitoring(&ds, &ds.projects[0].id, &ProgrammeParams::default())?;
/// assert!(m.absorption.unwrap() > 0.5);
/// assert_eq!(m.by_partner.len(), ds.projects[0].partners.len());
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn project_monitoring(ds: &Dataset, project: &str, params: &ProgrammeParams) -> Result<ProjectMonitoring> {
    params.check()?;
    let p = ds
        .projects
        .iter()
        .find(|p| p.id == project)
        .ok_or_else(|| Error::UnknownLabel { kind: "project".into(), id: project.to_owned() })?;
    let area = p
        .programme
        .as_deref()
        .and_then(|id| ds.programmes.iter().find(|g| g.id == id))
        .map(|g| g.area.clone())
        .unwrap_or_default();
    Ok(monitor(p, &Geo::new(ds), &area, params))
}

/// Monitoring of a programme: every project's [`project_monitoring`], totals, flagged
/// projects, communication reach over all projects and the coverage of the programme area by
/// all its partnerships.
///
/// # Errors
/// [`Error::UnknownLabel`] for an unknown programme; [`Error::InvalidParameter`] for bad
/// thresholds.
///
/// Complexity: O(size of the programme's projects).
///
/// Source: as [`project_monitoring`].
///
/// ```
/// use clusterpolicy::{sample, strategy::{ProgrammeParams, programme_monitoring}};
/// let ds = sample::south_east_europe();
/// let m = programme_monitoring(&ds, &ds.programmes[0].id, &ProgrammeParams::default())?;
/// assert!(m.coverage.area_share > 0.0 && m.coverage.area_share <= 1.0);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn programme_monitoring(ds: &Dataset, programme: &str, params: &ProgrammeParams) -> Result<ProgrammeMonitoring> {
    params.check()?;
    let prog = ds
        .programmes
        .iter()
        .find(|p| p.id == programme)
        .ok_or_else(|| Error::UnknownLabel { kind: "programme".into(), id: programme.to_owned() })?;
    let geo = Geo::new(ds);
    let projects: Vec<&Project> = ds.projects.iter().filter(|p| p.programme.as_deref() == Some(programme)).collect();
    let monitored: Vec<ProjectMonitoring> = projects.iter().map(|p| monitor(p, &geo, &prog.area, params)).collect();
    let budget: f64 = monitored.iter().filter_map(|m| m.budget).sum();
    let spent: f64 = monitored.iter().map(|m| m.spent).sum();
    let mut flagged: BTreeMap<Deviation, Vec<String>> = BTreeMap::new();
    for m in &monitored {
        if let Some(f) = m.flag {
            flagged.entry(f).or_default().push(m.project.clone());
        }
    }
    Ok(ProgrammeMonitoring {
        programme: prog.id.clone(),
        name: prog.name.clone(),
        budget,
        spent,
        absorption: ratio(spent, Some(budget)),
        flagged,
        communication: communication(&projects, params.reach_threshold),
        coverage: geo.coverage(&projects, &prog.area),
        projects: monitored,
    })
}
