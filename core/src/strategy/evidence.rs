//! Evidence feedback: pooling evidence on a measure's effect, updating the expected effects
//! of a strategy's measures and re-ranking them, and a knowledge-hub query for a region.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use ndarray::{Array1, Array2};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::foresight::owner_location;
use super::mcda::{CriterionType, McdaMethod, rank};
use super::monitoring::{MonitoringParams, ObservationIndex, scoreboard_with};
use super::peers::{PeerParams, ProfileParams, nearest_peers, peer_distances, region_profiles};
use crate::error::{Error, Result};
use crate::model::{Dataset, Evidence, HelixKind, Quality, SubjectKind, SubjectRef};

/// How much each GRADE quality grade counts: the precision `1 / se^2` of a finding is
/// multiplied by its grade's weight (equivalently its variance is divided by it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct QualityWeights {
    /// High quality (default 1).
    pub high: f64,
    /// Moderate quality (default 0.5).
    pub moderate: f64,
    /// Low quality (default 0.25).
    pub low: f64,
    /// Very low quality (default 0.1).
    pub very_low: f64,
}

impl Default for QualityWeights {
    fn default() -> Self {
        Self { high: 1.0, moderate: 0.5, low: 0.25, very_low: 0.1 }
    }
}

impl QualityWeights {
    /// The weight of a grade.
    #[must_use]
    pub fn of(&self, q: Quality) -> f64 {
        match q {
            Quality::High => self.high,
            Quality::Moderate => self.moderate,
            Quality::Low => self.low,
            Quality::VeryLow => self.very_low,
        }
    }

    fn check(&self) -> Result<()> {
        for (name, w) in
            [("high", self.high), ("moderate", self.moderate), ("low", self.low), ("very_low", self.very_low)]
        {
            if !(w.is_finite() && w > 0.0) {
                return Err(Error::param("quality_weights", format!("weight {w} of `{name}` must be finite and > 0")));
            }
        }
        Ok(())
    }
}

/// Parameters of [`pool_evidence`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PoolingParams {
    /// Weights of the quality grades.
    pub quality_weights: QualityWeights,
    /// Relative standard error assumed for a finding without one, by grade (default: high
    /// 0.15, moderate 0.3, low 0.5, very low 0.8, as `|estimate| x` this).
    pub missing_se: QualityWeights,
}

impl Default for PoolingParams {
    fn default() -> Self {
        Self {
            quality_weights: QualityWeights::default(),
            missing_se: QualityWeights { high: 0.15, moderate: 0.3, low: 0.5, very_low: 0.8 },
        }
    }
}

/// One piece of evidence's part in a pooled effect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EvidenceContribution {
    /// Evidence id.
    pub evidence: String,
    /// Its estimate.
    pub estimate: f64,
    /// Its standard error (given or assumed).
    pub std_error: f64,
    /// Whether the standard error was assumed (missing in the record).
    pub assumed_se: bool,
    /// Its quality grade.
    pub quality: Quality,
    /// Its share of the posterior precision, `tau_e / tau`.
    pub weight: f64,
    /// How far it moved the effect: `weight x (estimate - prior mean)` (the pulls add up to
    /// the shift); without a prior, `weight x estimate`.
    pub pull: f64,
}

/// A pooled (posterior) effect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PooledEffect {
    /// Prior mean, if a prior was given.
    pub prior_mean: Option<f64>,
    /// Prior standard deviation, if a prior was given.
    pub prior_sd: Option<f64>,
    /// Posterior (pooled) mean; the prior mean when there is no usable evidence.
    pub mean: Option<f64>,
    /// Posterior standard deviation.
    pub sd: Option<f64>,
    /// The prior's share of the posterior precision.
    pub prior_weight: Option<f64>,
    /// `mean - prior_mean`.
    pub shift: Option<f64>,
    /// The evidence used, largest absolute pull first.
    pub contributions: Vec<EvidenceContribution>,
    /// Evidence left out (no effect, or an effect without usable uncertainty).
    pub skipped: Vec<String>,
}

/// Pools evidence on one effect by precision weighting with quality grades, optionally as
/// a normal-normal Bayesian update of a prior.
///
/// Formula: each finding `e` has precision `tau_e = q_e / se_e^2` with `q_e` its grade's
/// weight (a missing `se` is `|estimate| x missing_se[grade]`); with a prior `N(mu_0,
/// sd_0^2)`, `tau_0 = 1 / sd_0^2`, the posterior is `N(mu, 1 / tau)` with `tau = tau_0 +
/// sum tau_e`, `mu = (tau_0 mu_0 + sum tau_e y_e) / tau`; without a prior, the fixed-effect
/// inverse-variance pool (`tau_0 = 0`). Each finding's pull `(tau_e / tau)(y_e - mu_0)` adds up
/// to the shift `mu - mu_0`.
///
/// Arguments: the evidence records (those without an effect are skipped), an optional prior
/// `(mean, sd)`, parameters.
///
/// # Errors
/// [`Error::InvalidParameter`] for a prior with `sd <= 0` or non-finite values, or bad
/// weights.
///
/// Complexity: O(e log e).
///
/// Source: the normal-normal conjugate update (Gelman et al. 2013, *Bayesian Data Analysis*,
/// 2.5); inverse-variance pooling (Borenstein et al. 2009, *Introduction to Meta-Analysis*,
/// ch. 11) with GRADE quality grades (Guyatt et al. 2008) down-weighting weaker designs.
///
/// ```
/// use clusterpolicy::model::{Effect, Evidence, EvidenceKind, Quality, SubjectRef};
/// use clusterpolicy::strategy::{PoolingParams, pool_evidence};
/// let ev = |id: &str, y, se, q| Evidence {
///     id: id.into(), kind: EvidenceKind::Evaluation, concerns: vec![SubjectRef::measure("M1")], year: None,
///     summary: String::new(), effect: Some(Effect { indicator: None, estimate: y, std_error: Some(se) }),
///     quality: q, source: None, attributes: Default::default(),
/// };
/// let p = pool_evidence(&[ev("a", 10.0, 2.0, Quality::High), ev("b", 20.0, 2.0, Quality::High)], Some((0.0, 1e6)), &PoolingParams::default())?;
/// assert!((p.mean.unwrap() - 15.0).abs() < 1e-6);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn pool_evidence(evidence: &[Evidence], prior: Option<(f64, f64)>, params: &PoolingParams) -> Result<PooledEffect> {
    params.quality_weights.check()?;
    params.missing_se.check()?;
    if let Some((m, sd)) = prior
        && !(m.is_finite() && sd.is_finite() && sd > 0.0)
    {
        return Err(Error::param("prior", format!("prior N({m}, {sd}^2) needs a finite mean and sd > 0")));
    }
    let mut used = Vec::new();
    let mut skipped = Vec::new();
    for e in evidence {
        let Some(eff) = e.effect.as_ref().filter(|f| f.estimate.is_finite()) else {
            skipped.push(e.id.clone());
            continue;
        };
        let (se, assumed) = match eff.std_error.filter(|s| s.is_finite() && *s > 0.0) {
            Some(s) => (s, false),
            None => (eff.estimate.abs() * params.missing_se.of(e.quality), true),
        };
        if se <= 0.0 {
            skipped.push(e.id.clone());
            continue;
        }
        used.push((e, eff.estimate, se, assumed, params.quality_weights.of(e.quality) / (se * se)));
    }
    let tau0 = prior.map_or(0.0, |(_, sd)| 1.0 / (sd * sd));
    let tau = tau0 + used.iter().map(|u| u.4).sum::<f64>();
    let mu0 = prior.map(|p| p.0);
    if tau <= 0.0 {
        return Ok(PooledEffect {
            prior_mean: mu0,
            prior_sd: prior.map(|p| p.1),
            mean: mu0,
            sd: prior.map(|p| p.1),
            prior_weight: prior.map(|_| 1.0),
            shift: prior.map(|_| 0.0),
            contributions: Vec::new(),
            skipped,
        });
    }
    let mean = (tau0 * mu0.unwrap_or(0.0) + used.iter().map(|u| u.4 * u.1).sum::<f64>()) / tau;
    let mut contributions: Vec<EvidenceContribution> = used
        .iter()
        .map(|&(e, y, se, assumed, t)| EvidenceContribution {
            evidence: e.id.clone(),
            estimate: y,
            std_error: se,
            assumed_se: assumed,
            quality: e.quality,
            weight: t / tau,
            pull: t / tau * (y - mu0.unwrap_or(0.0)),
        })
        .collect();
    contributions.sort_by(|a, b| b.pull.abs().total_cmp(&a.pull.abs()).then(a.evidence.cmp(&b.evidence)));
    Ok(PooledEffect {
        prior_mean: mu0,
        prior_sd: prior.map(|p| p.1),
        mean: Some(mean),
        sd: Some(1.0 / tau.sqrt()),
        prior_weight: prior.map(|_| tau0 / tau),
        shift: mu0.map(|m| mean - m),
        contributions,
        skipped,
    })
}

/// Parameters of [`evidence_feedback`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct EvidenceFeedbackParams {
    /// The effect indicator of the evidence used (default `employment`: jobs).
    pub indicator: String,
    /// Prior expected cost per unit of effect: the prior mean of a measure's effect is
    /// `budget / cost_per_unit` (default EUR 50 000 per job).
    pub cost_per_unit: f64,
    /// Prior coefficient of variation: prior sd = `prior_cv x |prior mean|` (default 1, a
    /// vague prior that good evidence overrides).
    pub prior_cv: f64,
    /// Pooling of the evidence.
    pub pooling: PoolingParams,
    /// The MCDA method ranking the measures (default `topsis`).
    pub method: McdaMethod,
    /// Weights of the criteria: expected effect (benefit), budget (cost), effect uncertainty
    /// sd (cost), delivery = achievement rate of the measure's own target (benefit)
    /// (default 0.4, 0.25, 0.15, 0.2).
    pub weights: [f64; 4],
}

impl Default for EvidenceFeedbackParams {
    fn default() -> Self {
        Self {
            indicator: "employment".into(),
            cost_per_unit: 50_000.0,
            prior_cv: 1.0,
            pooling: PoolingParams::default(),
            method: McdaMethod::Topsis,
            weights: [0.4, 0.25, 0.15, 0.2],
        }
    }
}

impl EvidenceFeedbackParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the field.
    pub fn check(&self) -> Result<&Self> {
        if !(self.cost_per_unit.is_finite() && self.cost_per_unit > 0.0) {
            return Err(Error::param("cost_per_unit", format!("{} must be finite and > 0", self.cost_per_unit)));
        }
        if !(self.prior_cv.is_finite() && self.prior_cv > 0.0) {
            return Err(Error::param("prior_cv", format!("{} must be finite and > 0", self.prior_cv)));
        }
        if self.weights.iter().any(|w| !w.is_finite() || *w < 0.0) || self.weights.iter().sum::<f64>() <= 0.0 {
            return Err(Error::param("weights", "give four finite weights >= 0 with a positive sum"));
        }
        Ok(self)
    }
}

/// What the evidence did to one measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MeasureUpdate {
    /// Measure id.
    pub measure: String,
    /// Measure name.
    pub name: String,
    /// Budget.
    pub budget: f64,
    /// Delivery: achievement rate of the measure's own target, if monitored.
    pub delivery: Option<f64>,
    /// The pooled effect (prior, posterior, contributions).
    pub effect: PooledEffect,
    /// MCDA score with the prior effects.
    pub score_before: f64,
    /// MCDA score with the updated effects.
    pub score_after: f64,
    /// Rank with the prior effects.
    pub rank_before: usize,
    /// Rank with the updated effects.
    pub rank_after: usize,
}

/// Result of [`evidence_feedback`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EvidenceFeedback {
    /// Strategy id.
    pub strategy: String,
    /// Criteria of the ranking, in column order.
    pub criteria: Vec<String>,
    /// Criteria left out because they do not vary between the measures.
    pub constant_criteria: Vec<String>,
    /// The method.
    pub method: McdaMethod,
    /// One entry per measure, in the strategy's order.
    pub measures: Vec<MeasureUpdate>,
    /// Measures whose rank changed, with the evidence that moved them most (largest pull
    /// first): `(measure, rank_before, rank_after, evidence ids)`.
    pub changes: Vec<(String, usize, usize, Vec<String>)>,
}

/// Updates the expected effects of a strategy's measures with the evidence about them and
/// re-ranks the measures by multi-criteria analysis, showing what changed and which
/// evidence moved it.
///
/// Method: for each measure, prior effect `N(budget / cost_per_unit, (prior_cv x mean)^2)`;
/// the evidence that concerns the measure (`concerns` holds the measure) with an effect on
/// `indicator` (or none) is pooled into the posterior by [`pool_evidence`]. The measures
/// are then ranked by `method` on four criteria: expected effect (benefit), budget (cost),
/// effect sd (cost) and delivery (benefit; the achievement rate of the measure's target, 0
/// when not monitored), once with the prior and once with the posterior effects. Criteria
/// that do not vary between the measures are left out (they cannot discriminate).
///
/// # Errors
/// [`Error::UnknownLabel`] for an unknown strategy; [`Error::Empty`] without measures;
/// [`Error::InvalidParameter`] for bad `params`.
///
/// Complexity: O(measures x evidence + MCDA).
///
/// Source: [`pool_evidence`] and [`McdaMethod`]; the loop of evidence-based strategy
/// revision in the RIS3 guide (Foray et al. 2012, ch. 3.6).
///
/// ```
/// use clusterpolicy::{sample, strategy::{EvidenceFeedbackParams, evidence_feedback}};
/// let ds = sample::south_east_europe();
/// let id = &ds.strategies[0].id;
/// let fb = evidence_feedback(&ds, id, &EvidenceFeedbackParams::default())?;
/// assert_eq!(fb.measures.len(), ds.strategies[0].measures.len());
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn evidence_feedback(ds: &Dataset, strategy: &str, params: &EvidenceFeedbackParams) -> Result<EvidenceFeedback> {
    params.check()?;
    let index = ObservationIndex::new(ds);
    evidence_feedback_with(ds, &index, strategy, params)
}

pub(crate) fn evidence_feedback_with(
    ds: &Dataset,
    index: &ObservationIndex<'_>,
    strategy: &str,
    params: &EvidenceFeedbackParams,
) -> Result<EvidenceFeedback> {
    params.check()?;
    let st = ds
        .strategies
        .iter()
        .find(|s| s.id == strategy)
        .ok_or_else(|| Error::UnknownLabel { kind: "strategy".into(), id: strategy.to_owned() })?;
    if st.measures.is_empty() {
        return Err(Error::Empty { what: format!("measures of strategy `{strategy}`") });
    }
    let board = scoreboard_with(ds, index, strategy, &MonitoringParams::default())?;
    let delivery: HashMap<&str, f64> = board
        .rows
        .iter()
        .filter(|r| r.subject.kind == SubjectKind::Measure)
        .filter_map(|r| r.achievement.map(|a| (r.subject.id.as_str(), a)))
        .collect();
    let mut pooled = Vec::with_capacity(st.measures.len());
    for m in &st.measures {
        let subject = SubjectRef::measure(&m.id);
        let ev: Vec<Evidence> = ds
            .evidence
            .iter()
            .filter(|e| e.concerns.contains(&subject))
            .filter(|e| e.effect.as_ref().is_some_and(|f| f.indicator.as_deref().is_none_or(|i| i == params.indicator)))
            .cloned()
            .collect();
        let budget = m.budget.filter(|b| b.is_finite() && *b > 0.0).unwrap_or(0.0);
        let prior_mean = budget / params.cost_per_unit;
        let prior_sd = (params.prior_cv * prior_mean.abs()).max(1e-9);
        pooled.push((m, budget, pool_evidence(&ev, Some((prior_mean, prior_sd)), &params.pooling)?));
    }
    let names = ["expected effect", "budget", "effect uncertainty (sd)", "delivery"];
    let types = [CriterionType::Benefit, CriterionType::Cost, CriterionType::Cost, CriterionType::Benefit];
    let build = |posterior: bool| -> Array2<f64> {
        let n = pooled.len();
        let mut x = Array2::zeros((n, 4));
        for (i, (m, budget, p)) in pooled.iter().enumerate() {
            let (mean, sd) = if posterior { (p.mean, p.sd) } else { (p.prior_mean, p.prior_sd) };
            x[[i, 0]] = mean.unwrap_or(0.0);
            x[[i, 1]] = *budget;
            x[[i, 2]] = sd.unwrap_or(0.0);
            x[[i, 3]] = delivery.get(m.id.as_str()).copied().unwrap_or(0.0);
        }
        x
    };
    let (before, after) = (build(false), build(true));
    // keep criteria that vary in either matrix
    let keep: Vec<usize> = (0..4)
        .filter(|&j| {
            let varies = |x: &Array2<f64>| x.column(j).iter().any(|v| *v != x[[0, j]]);
            params.weights[j] > 0.0 && (varies(&before) || varies(&after))
        })
        .collect();
    let constant_criteria = (0..4).filter(|j| !keep.contains(j)).map(|j| names[j].to_owned()).collect();
    let scores = |x: &Array2<f64>| -> Result<Vec<f64>> {
        if keep.is_empty() {
            return Ok(vec![0.0; x.nrows()]);
        }
        let sub = x.select(ndarray::Axis(1), &keep);
        let w = Array1::from_iter(keep.iter().map(|&j| params.weights[j]));
        let t: Vec<CriterionType> = keep.iter().map(|&j| types[j]).collect();
        params.method.scores(sub.view(), w.view(), &t)
    };
    let (sb, sa) = (scores(&before)?, scores(&after)?);
    let (rb, ra) = (rank(&sb, true), rank(&sa, true));
    let mut measures = Vec::with_capacity(pooled.len());
    let mut changes = Vec::new();
    for (i, (m, budget, p)) in pooled.into_iter().enumerate() {
        if rb[i] != ra[i] {
            changes.push((m.id.clone(), rb[i], ra[i], p.contributions.iter().map(|c| c.evidence.clone()).collect()));
        }
        measures.push(MeasureUpdate {
            measure: m.id.clone(),
            name: m.name.clone(),
            budget,
            delivery: delivery.get(m.id.as_str()).copied(),
            effect: p,
            score_before: sb[i],
            score_after: sa[i],
            rank_before: rb[i],
            rank_after: ra[i],
        });
    }
    Ok(EvidenceFeedback {
        strategy: st.id.clone(),
        criteria: keep.iter().map(|&j| names[j].to_owned()).collect(),
        constant_criteria,
        method: params.method,
        measures,
        changes,
    })
}

/// What a knowledge-hub item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HubItemKind {
    /// A piece of evidence.
    Evidence,
    /// A measure of a strategy.
    Measure,
}

/// Parameters of [`knowledge_hub`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct HubParams {
    /// Number of peer regions considered (default 5).
    pub peers: usize,
    /// Largest number of items returned (default 20).
    pub limit: usize,
    /// Weight of place (the region itself, a peer, the same country) (default 0.4).
    pub place_weight: f64,
    /// Weight of shared priority activities (default 0.4).
    pub activity_weight: f64,
    /// Weight of shared kinds of actors (default 0.2).
    pub actor_weight: f64,
    /// Quality weights of evidence (an item's score is multiplied by `0.5 + 0.5 x weight`).
    pub quality_weights: QualityWeights,
}

impl Default for HubParams {
    fn default() -> Self {
        Self {
            peers: 5,
            limit: 20,
            place_weight: 0.4,
            activity_weight: 0.4,
            actor_weight: 0.2,
            quality_weights: QualityWeights::default(),
        }
    }
}

/// An item of the knowledge hub, ranked for a region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct HubItem {
    /// Evidence or measure.
    pub kind: HubItemKind,
    /// Its id.
    pub id: String,
    /// Its summary (evidence) or name (measure).
    pub title: String,
    /// Relevance, 0-1.
    pub score: f64,
    /// Place component, 0-1.
    pub place: f64,
    /// Activity component, 0-1.
    pub activities: f64,
    /// Actor component, 0-1.
    pub actors: f64,
    /// Why it is relevant, one sentence per reason.
    pub reasons: Vec<String>,
}

/// Helix kinds a kind of instrument addresses (the project's convention).
fn instrument_helix(instrument: &str) -> &'static [HelixKind] {
    match instrument {
        "joint research call" => &[HelixKind::Research, HelixKind::Business],
        "cluster support" => &[HelixKind::Intermediary, HelixKind::Business],
        "public procurement of innovation" => &[HelixKind::PublicAuthority, HelixKind::Business],
        _ => &[HelixKind::Business],
    }
}

fn helix_shares<'a>(kinds: impl Iterator<Item = &'a HelixKind>) -> BTreeMap<HelixKind, f64> {
    let mut m = BTreeMap::new();
    let mut n = 0.0;
    for k in kinds {
        *m.entry(*k).or_insert(0.0) += 1.0;
        n += 1.0;
    }
    for v in m.values_mut() {
        *v /= n;
    }
    m
}

/// The knowledge-hub query: evidence and measures most relevant to a region, ranked and
/// explained.
///
/// Relevance: `score = (w_place x place + w_act x activities + w_actor x actors) / (sum w)`,
/// times `0.5 + 0.5 x quality weight` for evidence, where
/// - `place` is 1 for the region itself, `1 - rescaled distance` for one of its `peers`
///   nearest structural peers ([`region_profiles`], [`peer_distances`]), 0.3 for another
///   region of its country, else 0 (the best over the places the item concerns);
/// - `activities` is the share of the item's activities among the region's priority
///   activities (those of strategies owned by the region or its clusters, else of its
///   country's strategies);
/// - `actors` is the overlap `sum_k min(p_k, q_k)` of the helix shares of the region's actors
///   and of the item's actors (a cluster's members; a measure's addressees by instrument).
///
/// Items with score 0 are left out; ties are ordered by kind and id.
///
/// # Errors
/// [`Error::UnknownLabel`] for an unknown region; [`Error::InvalidParameter`] for negative
/// weights or all 0.
///
/// Complexity: O(dataset size + items x (activities + helix kinds)).
///
/// Source: the project's convention, after the S3 Platform's peer-learning approach (find
/// regions like you, learn from their measures).
///
/// ```
/// use clusterpolicy::{sample, strategy::{HubParams, knowledge_hub}};
/// let ds = sample::south_east_europe();
/// let items = knowledge_hub(&ds, "SI04", &HubParams::default())?;
/// assert!(items.windows(2).all(|w| w[0].score >= w[1].score));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[allow(clippy::too_many_lines)]
pub fn knowledge_hub(ds: &Dataset, region: &str, params: &HubParams) -> Result<Vec<HubItem>> {
    params.quality_weights.check()?;
    let ws = [params.place_weight, params.activity_weight, params.actor_weight];
    if ws.iter().any(|w| !w.is_finite() || *w < 0.0) || ws.iter().sum::<f64>() <= 0.0 {
        return Err(Error::param("place_weight", "the three weights must be finite, >= 0 and not all 0"));
    }
    let reg = ds
        .regions
        .iter()
        .find(|r| r.id == region)
        .ok_or_else(|| Error::UnknownLabel { kind: "region".into(), id: region.to_owned() })?;
    let country_of: HashMap<&str, &str> = ds.regions.iter().map(|r| (r.id.as_str(), r.country.as_str())).collect();
    let clusters_here: Vec<&crate::model::Cluster> =
        ds.clusters.iter().filter(|c| c.regions.iter().any(|r| r == region)).collect();
    // priority activities
    let priorities_of = |pred: &dyn Fn(&crate::model::Strategy) -> bool| -> BTreeSet<String> {
        ds.strategies
            .iter()
            .filter(|s| pred(s))
            .flat_map(|s| s.priorities.iter().flat_map(|p| p.activities.iter().cloned()))
            .collect()
    };
    let mut acts = priorities_of(&|s| {
        (s.owner.kind == SubjectKind::Region && s.owner.id == region)
            || (s.owner.kind == SubjectKind::Cluster && clusters_here.iter().any(|c| c.id == s.owner.id))
    });
    if acts.is_empty() {
        acts = priorities_of(&|s| owner_location(ds, s).1.as_deref() == Some(reg.country.as_str()));
    }
    // peers
    let mut peer_close: BTreeMap<String, (f64, Vec<String>)> = BTreeMap::new();
    if let Ok((data, dims)) = region_profiles(ds, &ProfileParams::default())
        && data.row_index(region).is_some()
    {
        let d = peer_distances(&data, &PeerParams { dimensions: dims })?;
        for p in nearest_peers(&d, region, params.peers)? {
            peer_close.insert(p.region.clone(), (1.0 - p.distance_rescaled, p.closest_dimensions));
        }
    }
    let actor_helix: HashMap<&str, HelixKind> =
        ds.actors.iter().filter_map(|a| a.helix.map(|h| (a.id.as_str(), h))).collect();
    let here =
        helix_shares(ds.actors.iter().filter(|a| a.region.as_deref() == Some(region)).filter_map(|a| a.helix.as_ref()));
    let place_score = |r: &str| -> (f64, Option<String>) {
        if r == region {
            (1.0, Some(format!("concerns {region} itself")))
        } else if let Some((c, dims)) = peer_close.get(r) {
            let why = if dims.is_empty() { String::new() } else { format!(", alike in {}", dims.join(", ")) };
            (*c, Some(format!("concerns {r}, a structural peer of {region} (closeness {c:.2}{why})")))
        } else if country_of.get(r) == Some(&reg.country.as_str()) {
            (0.3, Some(format!("concerns {r} in the same country")))
        } else {
            (0.0, None)
        }
    };
    let strategy_of_measure: HashMap<&str, &crate::model::Strategy> =
        ds.strategies.iter().flat_map(|s| s.measures.iter().map(move |m| (m.id.as_str(), s))).collect();
    let measure_acts = |s: &crate::model::Strategy, m: &crate::model::Measure| -> Vec<String> {
        let pr = m
            .objective
            .as_deref()
            .and_then(|o| s.objectives.iter().find(|x| x.id == o))
            .and_then(|o| o.priority.as_deref());
        s.priorities.iter().filter(|p| Some(p.id.as_str()) == pr).flat_map(|p| p.activities.iter().cloned()).collect()
    };
    let score_item = |places: &[String],
                      item_acts: &BTreeSet<String>,
                      helix: &BTreeMap<HelixKind, f64>,
                      quality: Option<Quality>| {
        let mut reasons = Vec::new();
        let (mut place, mut why) = (0.0, None);
        for p in places {
            let (s, w) = place_score(p);
            if s > place {
                place = s;
                why = w;
            }
        }
        reasons.extend(why);
        let shared: Vec<&String> = item_acts.iter().filter(|a| acts.contains(*a)).collect();
        let activities = if item_acts.is_empty() { 0.0 } else { shared.len() as f64 / item_acts.len() as f64 };
        if !shared.is_empty() {
            let list: Vec<&str> = shared.iter().map(|s| s.as_str()).collect();
            reasons.push(format!("shares priority activities {}", list.join(", ")));
        }
        let actors: f64 = helix.iter().map(|(k, q)| here.get(k).map_or(0.0, |p| p.min(*q))).sum();
        if actors > 0.0 {
            let kinds: Vec<&str> = helix.keys().filter(|k| here.contains_key(*k)).map(|k| k.as_str()).collect();
            reasons.push(format!(
                "involves actors of kinds {} as found in {region} (overlap {actors:.2})",
                kinds.join(", ")
            ));
        }
        let mut score = (ws[0] * place + ws[1] * activities + ws[2] * actors) / ws.iter().sum::<f64>();
        if let Some(q) = quality {
            score *= 0.5 + 0.5 * params.quality_weights.of(q).min(1.0);
        }
        (score, place, activities, actors, reasons)
    };
    let mut items = Vec::new();
    for e in &ds.evidence {
        let mut places = Vec::new();
        let mut item_acts = BTreeSet::new();
        let mut helix = Vec::new();
        for c in &e.concerns {
            match c.kind {
                SubjectKind::Region => places.push(c.id.clone()),
                SubjectKind::Cluster => {
                    if let Some(cl) = ds.clusters.iter().find(|x| x.id == c.id) {
                        places.extend(cl.regions.iter().cloned());
                        item_acts.extend(cl.activities.iter().cloned());
                        helix.extend(cl.members.iter().filter_map(|m| actor_helix.get(m.as_str()).copied()));
                    }
                }
                SubjectKind::Measure => {
                    if let Some(s) = strategy_of_measure.get(c.id.as_str()) {
                        places.extend(owner_location(ds, s).0);
                        if let Some(m) = s.measures.iter().find(|m| m.id == c.id) {
                            item_acts.extend(measure_acts(s, m));
                            helix.extend(instrument_helix(m.instrument.as_deref().unwrap_or("")).iter().copied());
                        }
                    }
                }
                SubjectKind::Strategy => {
                    if let Some(s) = ds.strategies.iter().find(|s| s.id == c.id) {
                        places.extend(owner_location(ds, s).0);
                    }
                }
                _ => {}
            }
        }
        let shares = helix_shares(helix.iter());
        let (score, place, activities, actors, mut reasons) = score_item(&places, &item_acts, &shares, Some(e.quality));
        if score > 0.0 {
            let name = |v: serde_json::Result<serde_json::Value>| {
                v.ok().and_then(|v| v.as_str().map(|s| s.replace('_', " "))).unwrap_or_default()
            };
            reasons.push(format!(
                "{} evidence of {} quality",
                name(serde_json::to_value(e.kind)),
                name(serde_json::to_value(e.quality))
            ));
            items.push(HubItem {
                kind: HubItemKind::Evidence,
                id: e.id.clone(),
                title: e.summary.clone(),
                score,
                place,
                activities,
                actors,
                reasons,
            });
        }
    }
    for s in &ds.strategies {
        let places: Vec<String> = owner_location(ds, s).0.into_iter().collect();
        for m in &s.measures {
            let item_acts: BTreeSet<String> = measure_acts(s, m).into_iter().collect();
            let shares = helix_shares(instrument_helix(m.instrument.as_deref().unwrap_or("")).iter());
            let (score, place, activities, actors, reasons) = score_item(&places, &item_acts, &shares, None);
            if score > 0.0 {
                items.push(HubItem {
                    kind: HubItemKind::Measure,
                    id: m.id.clone(),
                    title: m.name.clone(),
                    score,
                    place,
                    activities,
                    actors,
                    reasons,
                });
            }
        }
    }
    items.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.kind.cmp(&b.kind)).then(a.id.cmp(&b.id)));
    items.truncate(params.limit);
    Ok(items)
}
