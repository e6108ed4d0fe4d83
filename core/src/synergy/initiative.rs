//! Joint priorities across regions' strategies and specialisation profiles, and the design of
//! a transnational cluster initiative by greedy submodular selection.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::proximity::{Profile, ProximityParams, SynergyContext};
use crate::error::{Error, Result};
use crate::model::{Dataset, LabelledMatrix, SubjectKind, SubjectRef};

/// Options of [`joint_priorities`].
///
/// ```
/// use clusterpolicy::synergy::JointPriorityParams;
/// let p: JointPriorityParams = serde_json::from_str(r#"{"regions": ["SI04", "HR05"], "min_regions": 2}"#).unwrap();
/// assert_eq!(p.threshold, 1.0);
/// assert!(p.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct JointPriorityParams {
    /// The regions compared (ids); empty means every region that owns a strategy (directly,
    /// or through a cluster located in it).
    pub regions: Vec<String>,
    /// RCA (or other specialisation value) at or above which a region counts as specialised
    /// in an activity. Default 1.
    pub threshold: f64,
    /// Weight of the strategy side in the score: `score = w x priority share + (1 - w) x
    /// specialisation share` (without a specialisation matrix the score is the priority
    /// share). Default 0.5.
    pub strategy_weight: f64,
    /// An activity is a joint priority when at least this many of the regions prioritise it
    /// or are specialised in it, and at least one prioritises it. Default 2.
    pub min_regions: usize,
}

impl Default for JointPriorityParams {
    fn default() -> Self {
        Self { regions: Vec::new(), threshold: 1.0, strategy_weight: 0.5, min_regions: 2 }
    }
}

impl JointPriorityParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a non-finite threshold, a strategy weight outside
    /// [0, 1] or `min_regions == 0`.
    pub fn check(&self) -> Result<&Self> {
        if !self.threshold.is_finite() {
            return Err(Error::param("threshold", "must be finite"));
        }
        if !(0.0..=1.0).contains(&self.strategy_weight) {
            return Err(Error::param("strategy_weight", format!("must be in [0, 1], got {}", self.strategy_weight)));
        }
        if self.min_regions == 0 {
            return Err(Error::param("min_regions", "must be at least 1"));
        }
        Ok(self)
    }
}

/// An activity shared by several regions' strategies or specialisations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct JointPriority {
    /// Activity id.
    pub activity: String,
    /// Activity name, if the dataset lists it.
    pub name: Option<String>,
    /// Regions whose strategies prioritise it.
    pub prioritised_by: Vec<String>,
    /// The strategies that do.
    pub strategies: Vec<String>,
    /// The named domains of those priorities.
    pub domains: Vec<String>,
    /// Regions specialised in it (specialisation value >= threshold).
    pub specialised_in: Vec<String>,
    /// `prioritised_by / regions`.
    pub priority_share: f64,
    /// `specialised_in / regions` (None without a specialisation matrix).
    pub specialisation_share: Option<f64>,
    /// The score.
    pub score: f64,
}

/// A named priority domain shared by several regions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SharedDomain {
    /// The domain (`Priority::domain`).
    pub domain: String,
    /// Regions with a priority in it.
    pub regions: Vec<String>,
    /// Their strategies.
    pub strategies: Vec<String>,
    /// The activities of those priorities.
    pub activities: Vec<String>,
}

/// The result of [`joint_priorities`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct JointPriorities {
    /// The regions compared.
    pub regions: Vec<String>,
    /// Joint priority activities, best score first (ties by activity id).
    pub priorities: Vec<JointPriority>,
    /// Domains shared by at least `min_regions` regions, by domain name.
    pub domains: Vec<SharedDomain>,
}

/// Regions, strategies and domains (or activities) collected per key.
type Sets = (BTreeSet<String>, BTreeSet<String>, BTreeSet<String>);

/// Regions a strategy speaks for: its owner region, or the regions of its owner cluster.
fn strategy_regions(ds: &Dataset, s: &crate::model::Strategy) -> Vec<String> {
    match s.owner.kind {
        SubjectKind::Region => vec![s.owner.id.clone()],
        SubjectKind::Cluster => {
            ds.clusters.iter().find(|c| c.id == s.owner.id).map(|c| c.regions.clone()).unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

/// Shared priority activities of several regions, from their strategies and specialisation
/// profiles.
///
/// For each activity named in a priority of a strategy of the compared regions:
/// `priority share = regions prioritising it / regions`, `specialisation share = regions
/// with specialisation >= threshold / regions` (the row of the region in `specialisation`,
/// e.g. the RCA of [`specialisation::rca`](crate::specialisation::rca); a region without a
/// row counts as not specialised), `score = w priority share + (1 - w) specialisation
/// share`. An activity is kept when at least `min_regions` regions prioritise it or are
/// specialised in it and at least one prioritises it. Named domains
/// ([`crate::model::Priority::domain`]) shared by `min_regions` regions are listed too.
///
/// Arguments: `ds`; `specialisation`, an optional region x activity matrix; `params`.
///
/// # Errors
/// [`Error::UnknownLabel`] for a region of `params.regions` that is not in the dataset;
/// [`Error::Empty`] when no region is compared; [`Error::NonFinite`] for NaN in the
/// matrix; [`Error::InvalidParameter`] from [`JointPriorityParams::check`].
///
/// Complexity: O(priority activities x regions).
///
/// ```
/// use clusterpolicy::synergy::{joint_priorities, JointPriorityParams};
/// let ds = clusterpolicy::sample::south_east_europe();
/// let jp = joint_priorities(&ds, None, &JointPriorityParams::default())?;
/// assert!(jp.priorities[0].prioritised_by.len() >= 2);
/// assert!(jp.priorities.windows(2).all(|w| w[0].score >= w[1].score));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: the "joint strategy" step of transnational cluster cooperation (European
/// Commission 2012, *Guide to Research and Innovation Strategies for Smart Specialisation*,
/// step 3: positioning against other regions); specialisation as the location quotient.
pub fn joint_priorities(
    ds: &Dataset,
    specialisation: Option<&LabelledMatrix>,
    params: &JointPriorityParams,
) -> Result<JointPriorities> {
    params.check()?;
    if let Some(m) = specialisation {
        m.check_finite("specialisation")?;
    }
    let known: BTreeSet<&str> = ds.regions.iter().map(|r| r.id.as_str()).collect();
    let regions: Vec<String> = if params.regions.is_empty() {
        let set: BTreeSet<String> = ds.strategies.iter().flat_map(|s| strategy_regions(ds, s)).collect();
        set.into_iter().collect()
    } else {
        for r in &params.regions {
            if !known.contains(r.as_str()) {
                return Err(Error::UnknownLabel { kind: "region".into(), id: r.clone() });
            }
        }
        let set: BTreeSet<String> = params.regions.iter().cloned().collect();
        set.into_iter().collect()
    };
    if regions.is_empty() {
        return Err(Error::Empty { what: "regions with a strategy".into() });
    }
    let nr = regions.len() as f64;
    let in_scope: BTreeSet<&str> = regions.iter().map(String::as_str).collect();
    // activity -> (regions, strategies, domains)
    let mut acts: BTreeMap<String, Sets> = BTreeMap::new();
    let mut domains: BTreeMap<String, Sets> = BTreeMap::new();
    for s in &ds.strategies {
        let owners: Vec<String> =
            strategy_regions(ds, s).into_iter().filter(|r| in_scope.contains(r.as_str())).collect();
        if owners.is_empty() {
            continue;
        }
        for p in &s.priorities {
            for a in &p.activities {
                let e = acts.entry(a.clone()).or_default();
                e.0.extend(owners.iter().cloned());
                e.1.insert(s.id.clone());
                if let Some(d) = &p.domain {
                    e.2.insert(d.clone());
                }
            }
            if let Some(d) = &p.domain {
                let e = domains.entry(d.clone()).or_default();
                e.0.extend(owners.iter().cloned());
                e.1.insert(s.id.clone());
                e.2.extend(p.activities.iter().cloned());
            }
        }
    }
    let names: HashMap<&str, &str> = ds.activities.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect();
    let mut priorities = Vec::new();
    for (a, (prio, strategies, doms)) in acts {
        let specialised: Vec<String> = match specialisation {
            Some(m) => {
                regions.iter().filter(|r| m.get(r, &a).is_some_and(|v| v >= params.threshold)).cloned().collect()
            }
            None => Vec::new(),
        };
        let involved: BTreeSet<&String> = prio.iter().chain(specialised.iter()).collect();
        if involved.len() < params.min_regions {
            continue;
        }
        let priority_share = prio.len() as f64 / nr;
        let specialisation_share = specialisation.map(|_| specialised.len() as f64 / nr);
        let score = match specialisation_share {
            Some(s) => params.strategy_weight * priority_share + (1.0 - params.strategy_weight) * s,
            None => priority_share,
        };
        priorities.push(JointPriority {
            name: names.get(a.as_str()).map(|n| (*n).to_owned()),
            activity: a,
            prioritised_by: prio.into_iter().collect(),
            strategies: strategies.into_iter().collect(),
            domains: doms.into_iter().collect(),
            specialised_in: specialised,
            priority_share,
            specialisation_share,
            score,
        });
    }
    priorities.sort_by(|x, y| y.score.total_cmp(&x.score).then_with(|| x.activity.cmp(&y.activity)));
    let domains = domains
        .into_iter()
        .filter(|(_, (r, _, _))| r.len() >= params.min_regions)
        .map(|(d, (r, s, a))| SharedDomain {
            domain: d,
            regions: r.into_iter().collect(),
            strategies: s.into_iter().collect(),
            activities: a.into_iter().collect(),
        })
        .collect();
    Ok(JointPriorities { regions, priorities, domains })
}

/// Weights of the three parts of the initiative objective (non-negative).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct InitiativeWeights {
    /// Covered synergy. Default 1.
    pub synergy: f64,
    /// Programme-area coverage. Default 1.
    pub coverage: f64,
    /// Joint-priority coverage. Default 1.
    pub priorities: f64,
}

impl Default for InitiativeWeights {
    fn default() -> Self {
        Self { synergy: 1.0, coverage: 1.0, priorities: 1.0 }
    }
}

/// Options of [`design_initiative`] and [`evaluate_initiatives`].
///
/// ```
/// use clusterpolicy::synergy::InitiativeParams;
/// let p: InitiativeParams = serde_json::from_str(r#"{"budget": 8, "max_per_country": 2}"#).unwrap();
/// assert!(p.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct InitiativeParams {
    /// The kind of member (clusters by default; actors, regions or countries).
    pub kind: SubjectKind,
    /// The candidate pool; empty means every subject of `kind`.
    pub candidates: Vec<SubjectRef>,
    /// The size budget: at most this many members. Default 6.
    pub budget: usize,
    /// The programme whose area is to be covered; `None` takes the first programme with an
    /// area (no coverage term without one).
    pub programme: Option<String>,
    /// Weights of the objective.
    pub weights: InitiativeWeights,
    /// At most this many members per country (a partition-matroid constraint; the guarantee
    /// drops to 1/2). Default none.
    pub max_per_country: Option<usize>,
    /// The proximity synergy between candidates.
    pub proximity: ProximityParams,
    /// The joint priorities to cover (over every region with a strategy by default).
    pub priorities: JointPriorityParams,
}

impl Default for InitiativeParams {
    fn default() -> Self {
        Self {
            kind: SubjectKind::Cluster,
            candidates: Vec::new(),
            budget: 6,
            programme: None,
            weights: InitiativeWeights::default(),
            max_per_country: None,
            proximity: ProximityParams::default(),
            priorities: JointPriorityParams::default(),
        }
    }
}

impl InitiativeParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a budget of 0, a negative or non-finite weight, all
    /// weights 0, `max_per_country == Some(0)`, and the errors of the nested parameters.
    pub fn check(&self) -> Result<&Self> {
        if self.budget == 0 {
            return Err(Error::param("budget", "must be at least 1"));
        }
        let w = self.weights;
        for (v, n) in [(w.synergy, "synergy"), (w.coverage, "coverage"), (w.priorities, "priorities")] {
            if !(v.is_finite() && v >= 0.0) {
                return Err(Error::param(&format!("weights.{n}"), format!("must be finite and >= 0, got {v}")));
            }
        }
        if w.synergy + w.coverage + w.priorities <= 0.0 {
            return Err(Error::param("weights", "at least one weight must be positive"));
        }
        if self.max_per_country == Some(0) {
            return Err(Error::param("max_per_country", "must be at least 1 (or absent)"));
        }
        self.proximity.check()?;
        self.priorities.check()?;
        Ok(self)
    }
}

/// A member of a proposed initiative and what it adds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct InitiativeMember {
    /// The member.
    pub subject: SubjectRef,
    /// Its name.
    pub name: String,
    /// Its countries (ISO codes).
    pub countries: Vec<String>,
    /// Step of the greedy selection at which it joined (1 = first).
    pub step: usize,
    /// Its marginal gain of the objective when it joined.
    pub gain: f64,
    /// The synergy part of the gain (weighted).
    pub gain_synergy: f64,
    /// The coverage part of the gain (weighted).
    pub gain_coverage: f64,
    /// The priority part of the gain (weighted).
    pub gain_priorities: f64,
    /// The objective after it joined.
    pub objective: f64,
    /// Area regions it covered first.
    pub new_regions: Vec<String>,
    /// Joint priority activities it covered first.
    pub new_priorities: Vec<String>,
    /// Candidates whose best synergy with the initiative it raised (it became their most
    /// synergetic member).
    pub represents: usize,
}

/// The value of an initiative: the objective and its three parts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct InitiativeValue {
    /// `w_s synergy + w_c coverage + w_p priorities`.
    pub objective: f64,
    /// Covered synergy, in [0, 1].
    pub synergy: f64,
    /// Share of the programme area covered (None without an area).
    pub coverage: Option<f64>,
    /// Score-weighted share of the joint priorities covered (None without any).
    pub priorities: Option<f64>,
}

/// A proposed transnational initiative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Initiative {
    /// Members in the order chosen.
    pub members: Vec<InitiativeMember>,
    /// The value of the whole initiative.
    pub value: InitiativeValue,
    /// An upper bound of the best objective any initiative within the budget reaches (the
    /// data-dependent bound of Leskovec et al. 2007: `f(S) + sum of the budget's largest
    /// marginal gains w.r.t. S`, the smallest over the greedy steps).
    pub upper_bound: f64,
    /// The guarantee of the greedy selection: `1 - 1/e` (about 0.632) under the size budget
    /// alone, 1/2 with `max_per_country`.
    pub guarantee: f64,
    /// The programme whose area is covered.
    pub programme: Option<String>,
    /// Regions of that area.
    pub area_regions: usize,
    /// Candidates considered.
    pub candidates: usize,
    /// The joint priority activities covered by the objective.
    pub priorities: Vec<String>,
}

/// The precomputed objective: synergy matrix, coverage sets and priority sets.
struct Objective {
    subjects: Vec<SubjectRef>,
    profiles: Vec<Profile>,
    countries: Vec<Vec<String>>,
    sigma: Vec<Vec<f64>>,
    covers: Vec<Vec<usize>>,
    area: Vec<String>,
    prios: Vec<Vec<usize>>,
    prio_ids: Vec<String>,
    prio_w: Vec<f64>,
    weights: InitiativeWeights,
    programme: Option<String>,
}

/// State of a selection: the best synergy per candidate, covered regions and priorities.
#[derive(Clone)]
struct State {
    best: Vec<f64>,
    region: Vec<bool>,
    prio: Vec<bool>,
}

impl Objective {
    fn build(ds: &Dataset, specialisation: Option<&LabelledMatrix>, params: &InitiativeParams) -> Result<Self> {
        params.check()?;
        let ctx = SynergyContext::new(ds, &params.proximity)?;
        let subjects: Vec<SubjectRef> = if params.candidates.is_empty() {
            match params.kind {
                SubjectKind::Cluster => ds.clusters.iter().map(|c| SubjectRef::cluster(c.id.clone())).collect(),
                SubjectKind::Actor => {
                    ds.actors.iter().map(|a| SubjectRef { kind: SubjectKind::Actor, id: a.id.clone() }).collect()
                }
                SubjectKind::Region => ds.regions.iter().map(|r| SubjectRef::region(r.id.clone())).collect(),
                SubjectKind::Country => {
                    ctx.country_codes.iter().map(|c| SubjectRef { kind: SubjectKind::Country, id: c.clone() }).collect()
                }
                other => {
                    return Err(Error::param(
                        "kind",
                        format!("members are actors, clusters, regions or countries, not {}", other.as_str()),
                    ));
                }
            }
        } else {
            params.candidates.clone()
        };
        if subjects.is_empty() {
            return Err(Error::Empty { what: "candidate members".into() });
        }
        let profiles: Vec<Profile> = subjects.iter().map(|s| ctx.profile(s)).collect::<Result<_>>()?;
        let n = subjects.len();
        let mut sigma = vec![vec![0.0; n]; n];
        for i in 0..n {
            for j in 0..n {
                sigma[i][j] = if i == j {
                    1.0
                } else {
                    let ns = ctx.neighbour_stats(&profiles[i], &profiles[j]);
                    ctx.components(&profiles[i], &profiles[j], &ns).0.combine(&ctx.params.weights).0
                };
            }
        }
        // Programme area.
        let programme = match &params.programme {
            Some(id) => Some(
                ds.programmes
                    .iter()
                    .find(|p| &p.id == id)
                    .ok_or_else(|| Error::UnknownLabel { kind: "programme".into(), id: id.clone() })?,
            ),
            None => ds.programmes.iter().find(|p| !p.area.is_empty()),
        };
        let area: Vec<String> = programme
            .map(|p| {
                let s: BTreeSet<String> = p.area.iter().cloned().collect();
                s.into_iter().collect()
            })
            .unwrap_or_default();
        let area_index: HashMap<&str, usize> = area.iter().enumerate().map(|(i, r)| (r.as_str(), i)).collect();
        let region_of: HashMap<&str, &crate::model::Region> = ds.regions.iter().map(|r| (r.id.as_str(), r)).collect();
        let covers: Vec<Vec<usize>> = profiles
            .iter()
            .map(|p| {
                let mut c = BTreeSet::new();
                for &(r, _) in &p.places {
                    let mut cur = Some(ds.regions[r].id.as_str());
                    for _ in 0..32 {
                        let Some(x) = cur else { break };
                        if let Some(&k) = area_index.get(x) {
                            c.insert(k);
                        }
                        cur = region_of.get(x).and_then(|r| r.parent.as_deref());
                    }
                }
                c.into_iter().collect()
            })
            .collect();
        // Joint priorities (without strategies: none).
        let jp = if ds.strategies.is_empty() {
            None
        } else {
            match joint_priorities(ds, specialisation, &params.priorities) {
                Ok(jp) => Some(jp),
                Err(Error::Empty { .. }) => None,
                Err(e) => return Err(e),
            }
        };
        let (prio_ids, prio_w): (Vec<String>, Vec<f64>) =
            jp.map(|jp| jp.priorities.into_iter().map(|p| (p.activity, p.score)).unzip()).unwrap_or_default();
        let prio_index: HashMap<&str, usize> = prio_ids.iter().enumerate().map(|(i, a)| (a.as_str(), i)).collect();
        let prios: Vec<Vec<usize>> = profiles
            .iter()
            .map(|p| {
                let mut v: Vec<usize> = p
                    .portfolio
                    .iter()
                    .filter_map(|(k, _)| prio_index.get(ctx.activities[*k].as_str()).copied())
                    .collect();
                v.sort_unstable();
                v
            })
            .collect();
        Ok(Self {
            countries: profiles.iter().map(|p| ctx.country_names(p)).collect(),
            subjects,
            profiles,
            sigma,
            covers,
            area,
            prios,
            prio_ids,
            prio_w,
            weights: params.weights,
            programme: programme.map(|p| p.id.clone()),
        })
    }

    fn empty(&self) -> State {
        State {
            best: vec![0.0; self.subjects.len()],
            region: vec![false; self.area.len()],
            prio: vec![false; self.prio_ids.len()],
        }
    }

    /// Weighted gains (synergy, coverage, priorities) of adding `i`.
    fn gain(&self, s: &State, i: usize) -> (f64, f64, f64) {
        let n = self.subjects.len() as f64;
        let syn: f64 = self.sigma[i].iter().zip(&s.best).map(|(x, b)| (x - b).max(0.0)).sum::<f64>() / n;
        let cov = if self.area.is_empty() {
            0.0
        } else {
            self.covers[i].iter().filter(|&&r| !s.region[r]).count() as f64 / self.area.len() as f64
        };
        let total_w: f64 = self.prio_w.iter().sum();
        let pri = if total_w > 0.0 {
            self.prios[i].iter().filter(|&&a| !s.prio[a]).map(|&a| self.prio_w[a]).sum::<f64>() / total_w
        } else {
            0.0
        };
        (self.weights.synergy * syn, self.weights.coverage * cov, self.weights.priorities * pri)
    }

    fn add(&self, s: &mut State, i: usize) {
        for (b, x) in s.best.iter_mut().zip(&self.sigma[i]) {
            if *x > *b {
                *b = *x;
            }
        }
        for &r in &self.covers[i] {
            s.region[r] = true;
        }
        for &a in &self.prios[i] {
            s.prio[a] = true;
        }
    }

    fn value(&self, s: &State) -> InitiativeValue {
        let synergy = s.best.iter().sum::<f64>() / self.subjects.len() as f64;
        let coverage =
            (!self.area.is_empty()).then(|| s.region.iter().filter(|&&x| x).count() as f64 / self.area.len() as f64);
        let total_w: f64 = self.prio_w.iter().sum();
        let priorities = (total_w > 0.0)
            .then(|| s.prio.iter().zip(&self.prio_w).filter(|(c, _)| **c).map(|(_, w)| w).sum::<f64>() / total_w);
        let w = self.weights;
        InitiativeValue {
            objective: w.synergy * synergy
                + w.coverage * coverage.unwrap_or(0.0)
                + w.priorities * priorities.unwrap_or(0.0),
            synergy,
            coverage,
            priorities,
        }
    }
}

/// The objective values of given sets of members (initiatives designed by hand, or
/// alternatives to compare), on the same terms as [`design_initiative`].
///
/// # Errors
/// As [`design_initiative`]; [`Error::UnknownLabel`] for a member that is not among the
/// candidates.
///
/// Complexity: as [`design_initiative`] without the greedy steps, plus O(|V| x members) per
/// set.
///
/// ```
/// use clusterpolicy::model::SubjectRef;
/// use clusterpolicy::synergy::{evaluate_initiatives, InitiativeParams};
/// let ds = clusterpolicy::sample::south_east_europe();
/// let c = |k: usize| SubjectRef::cluster(ds.clusters[k].id.clone());
/// let v = evaluate_initiatives(&ds, None, &[vec![c(0)], vec![c(0), c(1)]], &InitiativeParams::default())?;
/// assert!(v[1].objective >= v[0].objective); // monotone
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn evaluate_initiatives(
    ds: &Dataset,
    specialisation: Option<&LabelledMatrix>,
    sets: &[Vec<SubjectRef>],
    params: &InitiativeParams,
) -> Result<Vec<InitiativeValue>> {
    let obj = Objective::build(ds, specialisation, params)?;
    sets.iter()
        .map(|members| {
            let mut s = obj.empty();
            for m in members {
                let i = obj
                    .subjects
                    .iter()
                    .position(|x| x == m)
                    .ok_or_else(|| Error::UnknownLabel { kind: "candidate member".into(), id: m.id.clone() })?;
                obj.add(&mut s, i);
            }
            Ok(obj.value(&s))
        })
        .collect()
}

/// Chooses the members of a transnational cluster initiative: greedy maximisation of covered
/// synergy, programme-area coverage and joint-priority coverage under a size budget.
///
/// Objective, for a set `S` of members from the candidates `V`:
/// `f(S) = w_s (1/|V|) sum_{j in V} max_{i in S} sigma(i, j) + w_c |area covered by S| /
/// |area| + w_p sum_{a covered by S} score_a / sum_a score_a`, where `sigma` is the proximity
/// synergy ([`super::proximity()`], `sigma(j, j) = 1`): each candidate is represented by
/// its most synergetic member (a facility-location function), an area region is covered
/// when a member is located in it or below it, and a joint priority
/// ([`joint_priorities`]) when it is in a member's activity portfolio. Each part is
/// monotone and submodular (facility location and weighted coverage), so `f` is, and the
/// greedy selection (add the candidate of largest marginal gain, ties to the one listed
/// first, until the budget is used) reaches at least `(1 - 1/e) f(OPT)` (Nemhauser, Wolsey
/// & Fisher 1978); with `max_per_country` (a partition matroid) at least `f(OPT) / 2`
/// (Fisher, Nemhauser & Wolsey 1978). A sum of pairwise synergies among members would not
/// be submodular, which is why synergy enters as coverage of the candidates. Because each
/// greedy step extends the previous selection, the objective never decreases with the
/// budget. [`Initiative::upper_bound`] gives a data-dependent bound on `f(OPT)`.
///
/// Arguments: `ds`; `specialisation`, an optional region x activity matrix for the joint
/// priorities; `params`.
///
/// Returns the members in the order chosen with their marginal gains (split by part), new
/// regions and priorities.
///
/// # Errors
/// [`Error::InvalidParameter`] from [`InitiativeParams::check`] or for an unsupported
/// kind; [`Error::UnknownLabel`] for an unknown candidate or programme; [`Error::Empty`]
/// without candidates; the errors of [`SynergyContext::new`] and [`joint_priorities`].
///
/// Complexity: O(|V|^2) proximity pairs, then O(budget |V|^2) for the greedy steps.
///
/// ```
/// use clusterpolicy::synergy::{design_initiative, InitiativeParams};
/// let ds = clusterpolicy::sample::south_east_europe();
/// let ini = design_initiative(&ds, None, &InitiativeParams { budget: 5, ..Default::default() })?;
/// assert_eq!(ini.members.len(), 5);
/// assert!(ini.members.windows(2).all(|w| w[0].objective <= w[1].objective));
/// assert!(ini.value.objective <= ini.upper_bound + 1e-12);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Nemhauser, Wolsey & Fisher (1978), *Mathematical Programming* 14: 265-294;
/// Fisher, Nemhauser & Wolsey (1978), *Math. Programming Study* 8: 73-87; Leskovec et al.
/// (2007), KDD, "Cost-effective outbreak detection in networks" (online bound).
pub fn design_initiative(
    ds: &Dataset,
    specialisation: Option<&LabelledMatrix>,
    params: &InitiativeParams,
) -> Result<Initiative> {
    let obj = Objective::build(ds, specialisation, params)?;
    let n = obj.subjects.len();
    let mut state = obj.empty();
    let mut chosen = vec![false; n];
    let mut per_country: HashMap<u32, usize> = HashMap::new();
    let mut members = Vec::new();
    let mut bound = f64::INFINITY;
    for step in 1..=params.budget {
        let current = obj.value(&state).objective;
        let mut gains: Vec<(f64, usize, (f64, f64, f64))> = (0..n)
            .filter(|&i| !chosen[i])
            .map(|i| {
                let g = obj.gain(&state, i);
                (g.0 + g.1 + g.2, i, g)
            })
            .collect();
        // The online bound with the current selection.
        let mut top: Vec<f64> = gains.iter().map(|g| g.0).collect();
        top.sort_by(|a, b| b.total_cmp(a));
        bound = bound.min(current + top.iter().take(params.budget).sum::<f64>());
        gains.retain(|&(_, i, _)| {
            params.max_per_country.is_none_or(|cap| {
                obj.profiles[i].countries.iter().all(|c| per_country.get(c).copied().unwrap_or(0) < cap)
            })
        });
        let Some(&(gain, i, (gs, gc, gp))) =
            gains.iter().max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(&a.1)))
        else {
            break;
        };
        let new_regions: Vec<String> =
            obj.covers[i].iter().filter(|&&r| !state.region[r]).map(|&r| obj.area[r].clone()).collect();
        let new_priorities: Vec<String> =
            obj.prios[i].iter().filter(|&&a| !state.prio[a]).map(|&a| obj.prio_ids[a].clone()).collect();
        let represents = (0..n).filter(|&j| obj.sigma[i][j] > state.best[j]).count();
        obj.add(&mut state, i);
        chosen[i] = true;
        for c in &obj.profiles[i].countries {
            *per_country.entry(*c).or_insert(0) += 1;
        }
        members.push(InitiativeMember {
            subject: obj.subjects[i].clone(),
            name: obj.profiles[i].name.clone(),
            countries: obj.countries[i].clone(),
            step,
            gain,
            gain_synergy: gs,
            gain_coverage: gc,
            gain_priorities: gp,
            objective: obj.value(&state).objective,
            new_regions,
            new_priorities,
            represents,
        });
    }
    let value = obj.value(&state);
    // The bound at the final selection too.
    let mut top: Vec<f64> = (0..n)
        .filter(|&i| !chosen[i])
        .map(|i| {
            let g = obj.gain(&state, i);
            g.0 + g.1 + g.2
        })
        .collect();
    top.sort_by(|a, b| b.total_cmp(a));
    bound = bound.min(value.objective + top.iter().take(params.budget).sum::<f64>());
    Ok(Initiative {
        members,
        value,
        upper_bound: bound,
        guarantee: if params.max_per_country.is_some() { 0.5 } else { 1.0 - (-1.0f64).exp() },
        programme: obj.programme.clone(),
        area_regions: obj.area.len(),
        candidates: n,
        priorities: obj.prio_ids.clone(),
    })
}
