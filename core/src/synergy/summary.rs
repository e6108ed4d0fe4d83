//! The synergy section of the main job's report: Triple Helix synergy by country, partner
//! recommendations for a sample of actors, joint priorities, a proposed initiative and the
//! synergy impact between programme periods.

use std::collections::{BTreeSet, HashMap};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::impact::{Impact, ImpactParams, synergy_impact};
use super::initiative::{
    Initiative, InitiativeParams, JointPriorities, JointPriorityParams, design_initiative, joint_priorities,
};
use super::matchmaking::{MatchParams, PartnerCandidate, match_partners};
use super::triple_helix::{BootstrapParams, Decomposition, DecompositionParams, triple_helix_decomposition};
use crate::error::Result;
use crate::model::{Dataset, HelixKind, LabelledMatrix, SubjectKind, SubjectRef};
use crate::network::project_period;

/// Replicates of the report's bootstraps.
const REPORT_REPLICATES: usize = 200;
/// Recommendations per sample actor in the report.
const REPORT_RECOMMENDATIONS: usize = 3;
/// Joint priorities listed in the report.
const REPORT_PRIORITIES: usize = 10;
/// Members of the report's proposed initiative.
const REPORT_BUDGET: usize = 6;

/// The synergy section of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SynergySummary {
    /// Triple Helix synergy (actors: helix x activity x region) of the whole dataset,
    /// decomposed into country contributions and the between-country term, with bootstrap
    /// intervals (200 replicates, seed 42, basic intervals).
    pub triple_helix: Decomposition,
    /// The sample actors: per helix kind, the one with the most project participations
    /// (ties: the first listed).
    pub sample_actors: Vec<String>,
    /// Top three transnational partners for each sample actor (default matchmaking).
    pub recommendations: Vec<PartnerCandidate>,
    /// The ten best joint priorities of the regions with a strategy (absent without
    /// strategies).
    pub joint_priorities: Option<JointPriorities>,
    /// A proposed initiative of six clusters (absent without clusters).
    pub initiative: Option<Initiative>,
    /// Synergy and network measures of the first two programme periods compared (absent
    /// with fewer than two periods).
    pub impact: Option<Impact>,
}

/// The actor with the most participations of each helix kind.
fn sample_actors(ds: &Dataset) -> Vec<String> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for p in &ds.projects {
        for pa in &p.partners {
            *count.entry(pa.actor.as_str()).or_insert(0) += 1;
        }
    }
    HelixKind::ALL
        .iter()
        .filter_map(|h| {
            ds.actors
                .iter()
                .filter(|a| a.helix == Some(*h))
                .map(|a| (count.get(a.id.as_str()).copied().unwrap_or(0), a))
                .filter(|(c, _)| *c > 0)
                .max_by(|x, y| x.0.cmp(&y.0).then_with(|| y.1.id.cmp(&x.1.id)))
                .map(|(_, a)| a.id.clone())
        })
        .collect()
}

/// Builds the synergy section of the report.
///
/// Parts: [`triple_helix_decomposition`] by country with 200 bootstrap replicates;
/// [`match_partners`] (three transnational candidates, default weights) for the actor with
/// the most participations of each helix kind; [`joint_priorities`] (the ten best);
/// [`design_initiative`] of six clusters; [`synergy_impact`] between the first two
/// distinct programme (or project) periods, 200 replicates. `specialisation` (region x
/// activity RCA, optional) feeds the joint priorities and the initiative.
///
/// # Errors
/// The errors of [`triple_helix_decomposition`] (e.g. [`crate::Error::Empty`] when no actor
/// has a helix kind, an activity and a region) and of [`match_partners`]; the optional
/// parts are left out when they fail.
///
/// Complexity: dominated by the bootstraps and the initiative's O(clusters^2) proximities.
///
/// ```
/// use clusterpolicy::synergy::summarise;
/// let s = summarise(&clusterpolicy::sample::south_east_europe(), None)?;
/// assert_eq!(s.sample_actors.len(), 5);
/// assert!(s.initiative.is_some());
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: as each part.
pub fn summarise(ds: &Dataset, specialisation: Option<&LabelledMatrix>) -> Result<SynergySummary> {
    let boot = BootstrapParams { replicates: REPORT_REPLICATES, ..BootstrapParams::default() };
    let triple_helix = triple_helix_decomposition(
        ds,
        &DecompositionParams { bootstrap: Some(boot), ..DecompositionParams::default() },
    )?;
    let sample = sample_actors(ds);
    let subjects: Vec<SubjectRef> =
        sample.iter().map(|id| SubjectRef { kind: SubjectKind::Actor, id: id.clone() }).collect();
    let recommendations =
        match_partners(ds, &subjects, &MatchParams { k: REPORT_RECOMMENDATIONS, ..MatchParams::default() })?;
    let joint = if ds.strategies.is_empty() {
        None
    } else {
        joint_priorities(ds, specialisation, &JointPriorityParams::default()).ok().map(|mut j| {
            j.priorities.truncate(REPORT_PRIORITIES);
            j
        })
    };
    let initiative = if ds.clusters.is_empty() {
        None
    } else {
        design_initiative(
            ds,
            specialisation,
            &InitiativeParams { budget: REPORT_BUDGET, ..InitiativeParams::default() },
        )
        .ok()
    };
    let mut periods: BTreeSet<crate::model::Period> = ds.programmes.iter().filter_map(|p| p.period).collect();
    if periods.len() < 2 {
        periods = ds.projects.iter().filter_map(|p| project_period(ds, p)).collect();
    }
    let impact = {
        let mut it = periods.into_iter();
        match (it.next(), it.next()) {
            (Some(before), Some(after)) => {
                let mut p = ImpactParams::new(before, after);
                p.bootstrap = boot;
                synergy_impact(ds, &p).ok()
            }
            _ => None,
        }
    };
    Ok(SynergySummary {
        triple_helix,
        sample_actors: sample,
        recommendations,
        joint_priorities: joint,
        initiative,
        impact,
    })
}
