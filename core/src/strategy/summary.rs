//! The strategy section of the main job's report: scoreboards, the evidence-updated ranking
//! of a strategy's measures with its weight robustness, foresight rules, a pilot evaluation,
//! peer regions, a knowledge-hub query and programme monitoring.

use ndarray::Array2;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::evaluation::{
    BeforeAfter, DidEstimate, DidPanelParams, PilotPanelParams, before_after, did_panel, pilot_panel,
};
use super::evidence::{
    EvidenceFeedback, EvidenceFeedbackParams, HubItem, HubParams, evidence_feedback_with, knowledge_hub,
};
use super::foresight::{
    ScenarioPayoffParams, ScenarioPayoffs, ScenarioRules, ScenarioRulesParams, scenario_payoffs, scenario_rules,
};
use super::mcda::CriterionType;
use super::monitoring::{MonitoringParams, ObservationIndex, Scoreboard, scoreboard_with};
use super::peers::{Peer, PeerParams, ProfileParams, nearest_peers, peer_distances, region_profiles};
use super::programme::{
    CommunicationRow, Coverage, DeliverableState, Deviation, ProgrammeParams, programme_monitoring,
};
use super::sensitivity::{SmaaParams, smaa};
use crate::error::{Error, Result};
use crate::model::{Dataset, SubjectKind};

/// Foresight: a strategy's measures under the scenarios.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ForesightSummary {
    /// The payoff matrix (posterior effects x scenario multipliers).
    pub payoffs: ScenarioPayoffs,
    /// The decision rules on it (Hurwicz alpha 0.5).
    pub rules: ScenarioRules,
}

/// The pilot evaluation of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PilotSummary {
    /// The programme whose participation is the treatment.
    pub programme: String,
    /// The outcome (log of the indicator).
    pub outcome: String,
    /// Treated regions.
    pub treated_regions: usize,
    /// Comparison regions.
    pub comparison_regions: usize,
    /// Two-way fixed-effects difference-in-differences with cluster-robust standard errors.
    pub did: DidEstimate,
    /// Before/after change of the treated regions alone (no comparison group), around the
    /// first treatment year.
    pub before_after: Option<BeforeAfter>,
}

/// The peers of a strategy owner region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RegionPeers {
    /// The region.
    pub region: String,
    /// Its nearest structural peers.
    pub peers: Vec<Peer>,
}

/// A project's line in the programme summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProjectLine {
    /// Project id.
    pub project: String,
    /// Acronym or title.
    pub name: String,
    /// Absorption.
    pub absorption: Option<f64>,
    /// Forecast absorption at the burn rate.
    pub forecast_absorption: Option<f64>,
    /// Deviation flag.
    pub flag: Option<Deviation>,
    /// Deliverables delivered late or overdue.
    pub late_deliverables: usize,
    /// All deliverables.
    pub deliverables: usize,
}

/// A programme's monitoring in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProgrammeSummary {
    /// Programme id.
    pub programme: String,
    /// Name.
    pub name: String,
    /// Budget of its projects.
    pub budget: f64,
    /// Spending reported.
    pub spent: f64,
    /// Absorption.
    pub absorption: Option<f64>,
    /// Projects, in dataset order.
    pub projects: Vec<ProjectLine>,
    /// Communication reach by target group.
    pub communication: Vec<CommunicationRow>,
    /// Coverage of the programme area.
    pub coverage: Coverage,
}

/// The strategy section of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StrategySummary {
    /// One scoreboard per strategy, in dataset order.
    pub scoreboards: Vec<Scoreboard>,
    /// The strategy whose measures are ranked (the one with most evidence on its measures).
    pub focus: Option<String>,
    /// Evidence-updated ranking of its measures.
    pub feedback: Option<EvidenceFeedback>,
    /// SMAA-2 first-rank acceptability of its measures on the updated criteria (10 000 seeded
    /// uniform weight samples), one per measure.
    pub first_rank_acceptability: Option<Vec<f64>>,
    /// Its measures under the foresight scenarios.
    pub foresight: Option<ForesightSummary>,
    /// Pilot evaluation of the latest programme's participation.
    pub pilot: Option<PilotSummary>,
    /// Structural peers of the focus strategy's owner region.
    pub peers: Option<RegionPeers>,
    /// Knowledge-hub items for the focus strategy's owner region.
    pub hub: Vec<HubItem>,
    /// Programme monitoring.
    pub programmes: Vec<ProgrammeSummary>,
}

/// Builds the strategy section of the report; every part that the dataset cannot support
/// (no strategies, no scenarios, no observations, ...) is left empty.
///
/// # Errors
/// [`Error::Empty`] when the dataset has neither strategies nor programmes.
///
/// Complexity: dominated by the SMAA samples and the peer distances (O(regions^2)).
///
/// Source: the functions of [`strategy`](super), each with its own source.
///
/// ```
/// use clusterpolicy::{sample, strategy::summarise};
/// let s = summarise(&sample::south_east_europe())?;
/// assert_eq!(s.scoreboards.len(), 20);
/// assert!(s.feedback.is_some() && s.pilot.is_some());
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[allow(clippy::too_many_lines)]
pub fn summarise(ds: &Dataset) -> Result<StrategySummary> {
    if ds.strategies.is_empty() && ds.programmes.is_empty() {
        return Err(Error::Empty { what: "strategies and programmes".into() });
    }
    let index = ObservationIndex::new(ds);
    let scoreboards = ds
        .strategies
        .iter()
        .filter_map(|s| scoreboard_with(ds, &index, &s.id, &MonitoringParams::default()).ok())
        .collect();
    let evidence_count = |s: &crate::model::Strategy| {
        ds.evidence
            .iter()
            .filter(|e| {
                e.concerns.iter().any(|c| c.kind == SubjectKind::Measure && s.measures.iter().any(|m| m.id == c.id))
            })
            .count()
    };
    let focus = ds
        .strategies
        .iter()
        .filter(|s| !s.measures.is_empty())
        .enumerate()
        .max_by(|(i, a), (j, b)| evidence_count(a).cmp(&evidence_count(b)).then(j.cmp(i)))
        .map(|(_, s)| s);
    let params = EvidenceFeedbackParams::default();
    let feedback = focus.and_then(|s| evidence_feedback_with(ds, &index, &s.id, &params).ok());
    let first_rank_acceptability = feedback.as_ref().and_then(|fb| {
        let n = fb.measures.len();
        let x = Array2::from_shape_fn((n, 4), |(i, j)| {
            let m = &fb.measures[i];
            match j {
                0 => m.effect.mean.unwrap_or(0.0),
                1 => m.budget,
                2 => m.effect.sd.unwrap_or(0.0),
                _ => m.delivery.unwrap_or(0.0),
            }
        });
        let types = [CriterionType::Benefit, CriterionType::Cost, CriterionType::Cost, CriterionType::Benefit];
        smaa(x.view(), &types, &SmaaParams::default()).ok().map(|r| r.rank_acceptability.iter().map(|b| b[0]).collect())
    });
    let foresight = focus.zip(feedback.as_ref()).and_then(|(s, fb)| {
        let effects = fb.measures.iter().filter_map(|m| m.effect.mean.map(|e| (m.measure.clone(), e))).collect();
        let payoffs =
            scenario_payoffs(ds, &s.id, &ScenarioPayoffParams { effects, ..ScenarioPayoffParams::default() }).ok()?;
        let n = payoffs.payoff.len();
        let k = payoffs.scenarios.len();
        let v = Array2::from_shape_vec((n, k), payoffs.payoff.concat()).ok()?;
        let rp = ScenarioRulesParams {
            probabilities: payoffs.probabilities.clone().unwrap_or_default(),
            ..ScenarioRulesParams::default()
        };
        let rules = scenario_rules(v.view(), &rp).ok()?;
        Some(ForesightSummary { payoffs, rules })
    });
    let pilot = pilot(ds);
    let owner = focus.and_then(|s| super::foresight::owner_location(ds, s).0);
    let peers = owner.as_ref().and_then(|r| {
        let (data, dims) = region_profiles(ds, &ProfileParams::default()).ok()?;
        let d = peer_distances(&data, &PeerParams { dimensions: dims }).ok()?;
        Some(RegionPeers { region: r.clone(), peers: nearest_peers(&d, r, 3).ok()? })
    });
    let hub = owner
        .as_ref()
        .and_then(|r| knowledge_hub(ds, r, &HubParams { limit: 5, ..HubParams::default() }).ok())
        .unwrap_or_default();
    let programmes = ds
        .programmes
        .iter()
        .filter_map(|p| programme_monitoring(ds, &p.id, &ProgrammeParams::default()).ok())
        .map(|m| ProgrammeSummary {
            programme: m.programme,
            name: m.name,
            budget: m.budget,
            spent: m.spent,
            absorption: m.absorption,
            projects: m
                .projects
                .iter()
                .map(|p| ProjectLine {
                    project: p.project.clone(),
                    name: ds
                        .projects
                        .iter()
                        .find(|x| x.id == p.project)
                        .and_then(|x| x.acronym.clone())
                        .unwrap_or_else(|| p.title.clone()),
                    absorption: p.absorption,
                    forecast_absorption: p.forecast_absorption,
                    flag: p.flag,
                    late_deliverables: p
                        .deliverables
                        .iter()
                        .filter(|d| matches!(d.state, DeliverableState::Late | DeliverableState::Overdue))
                        .count(),
                    deliverables: p.deliverables.len(),
                })
                .collect(),
            communication: m.communication,
            coverage: m.coverage,
        })
        .collect();
    Ok(StrategySummary {
        scoreboards,
        focus: focus.map(|s| s.id.clone()),
        feedback,
        first_rank_acceptability,
        foresight,
        pilot,
        peers,
        hub,
        programmes,
    })
}

/// Difference-in-differences of participation in the programme whose projects started last.
fn pilot(ds: &Dataset) -> Option<PilotSummary> {
    let latest = ds
        .programmes
        .iter()
        .filter_map(|p| {
            ds.projects
                .iter()
                .filter(|x| x.programme.as_deref() == Some(p.id.as_str()))
                .filter_map(|x| x.start.map(|d| chrono::Datelike::year(&d)))
                .min()
                .map(|y| (y, p.id.clone()))
        })
        .max()?;
    let params = PilotPanelParams { programme: latest.1.clone(), ..PilotPanelParams::default() };
    let panel = pilot_panel(ds, &params).ok()?;
    let did = did_panel(&panel, &DidPanelParams::default()).ok()?;
    let treated: std::collections::BTreeSet<&str> =
        panel.iter().filter(|o| o.treated).map(|o| o.unit.as_str()).collect();
    let all: std::collections::BTreeSet<&str> = panel.iter().map(|o| o.unit.as_str()).collect();
    let first = panel.iter().filter(|o| o.treated).map(|o| o.time).min()?;
    let treated_obs: Vec<_> = panel.iter().filter(|o| treated.contains(o.unit.as_str())).cloned().collect();
    Some(PilotSummary {
        programme: params.programme,
        outcome: format!("ln {}", params.indicator),
        treated_regions: treated.len(),
        comparison_regions: all.len() - treated.len(),
        did,
        before_after: before_after(&treated_obs, first).ok(),
    })
}
