//! Held-out evaluation of partner recommendations: match the actors of two datasets (two
//! programme periods), recommend from the first, score against the new partnerships of the
//! second.

use std::collections::{BTreeMap, HashMap};

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::matchmaking::LinkAccumulator;
use super::proximity::{ProximityParams, SynergyContext};
use super::stats::{Ranking, ranking_metrics};
use crate::error::{Error, Result};
use crate::model::csv::normalised_name;
use crate::model::{Dataset, canonical_country};
use crate::network::{self, LinkScore};

/// By which rule two actors were matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchRule {
    /// The same id in both datasets (e.g. a CORDIS PIC).
    Id,
    /// The same normalised name and the same country.
    Name,
}

/// A pair of matched actors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ActorMatch {
    /// Actor id in the first dataset.
    pub a: String,
    /// Actor id in the second dataset.
    pub b: String,
    /// The rule that matched them.
    pub rule: MatchRule,
}

/// The actors of two datasets matched one to one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ActorMatching {
    /// The pairs, in the order of the first dataset's actors.
    pub pairs: Vec<ActorMatch>,
    /// Pairs matched by id.
    pub by_id: usize,
    /// Pairs matched by name and country.
    pub by_name: usize,
    /// Name-and-country keys left unmatched because several unmatched actors of one side
    /// share them.
    pub ambiguous_names: usize,
    /// Actors of the first dataset.
    pub actors_a: usize,
    /// Actors of the second dataset.
    pub actors_b: usize,
}

/// Matches the actors of two datasets one to one, e.g. the organisations of two CORDIS
/// programmes.
///
/// Rule, in two passes:
/// 1. the same id in both datasets (CORDIS: the nine-digit PICs, which both programmes
///    use where known);
/// 2. for the actors left, the same *normalised name* (ASCII letters and digits only, lower
///    case: the rule the CSV loader uses to find coordinators, so `OFFIS E.V.` = `OFFIS EV`
///    and a name whose accented letters became U+FFFD upstream still matches) and the same
///    country (`EL` = `GR`, `UK` = `GB`); a key is used only when exactly one unmatched
///    actor of each side has it (keys shared by several are counted in
///    [`ActorMatching::ambiguous_names`] and left out). Actors without a country or whose
///    normalised name is empty are not matched by name.
///
/// Complexity: O((a + b) log(a + b)) for a and b actors, plus the name normalisation.
///
/// ```
/// use clusterpolicy::Dataset;
/// use clusterpolicy::model::Actor;
/// use clusterpolicy::synergy::{match_actors, MatchRule};
/// let mut a = Dataset::new("fp7");
/// a.actors = vec![Actor::new("999", "Acme", "DE"), Actor::new("x1", "OFFIS E.V.", "DE")];
/// let mut b = Dataset::new("h2020");
/// b.actors = vec![Actor::new("999", "ACME GmbH", "DE"), Actor::new("y7", "Offis eV", "DE")];
/// let m = match_actors(&a, &b);
/// assert_eq!((m.by_id, m.by_name), (1, 1));
/// assert_eq!((m.pairs[1].b.as_str(), m.pairs[1].rule), ("y7", MatchRule::Name));
/// ```
///
/// Source: the rule is ours, documented here; name normalisation as
/// [`crate::model::csv::CoordinatorMatching::Lenient`].
#[must_use]
pub fn match_actors(a: &Dataset, b: &Dataset) -> ActorMatching {
    let b_index: HashMap<&str, usize> = b.actors.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect();
    let mut a_to_b: Vec<Option<(usize, MatchRule)>> = vec![None; a.actors.len()];
    let mut b_used = vec![false; b.actors.len()];
    for (i, x) in a.actors.iter().enumerate() {
        if let Some(&j) = b_index.get(x.id.as_str())
            && !b_used[j]
        {
            a_to_b[i] = Some((j, MatchRule::Id));
            b_used[j] = true;
        }
    }
    let key = |country: &str, name: &str| -> Option<(String, String)> {
        let n = normalised_name(name);
        (!country.is_empty() && !n.is_empty()).then(|| (canonical_country(country).unwrap_or(country).to_owned(), n))
    };
    let mut ka: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, x) in a.actors.iter().enumerate() {
        if a_to_b[i].is_none()
            && let Some(k) = key(&x.country, &x.name)
        {
            ka.entry(k).or_default().push(i);
        }
    }
    let mut kb: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (j, x) in b.actors.iter().enumerate() {
        if !b_used[j]
            && let Some(k) = key(&x.country, &x.name)
        {
            kb.entry(k).or_default().push(j);
        }
    }
    let mut ambiguous = 0;
    for (k, is) in &ka {
        if let Some(js) = kb.get(k) {
            if is.len() == 1 && js.len() == 1 {
                a_to_b[is[0]] = Some((js[0], MatchRule::Name));
            } else {
                ambiguous += 1;
            }
        }
    }
    let pairs: Vec<ActorMatch> = a_to_b
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            m.map(|(j, rule)| ActorMatch { a: a.actors[i].id.clone(), b: b.actors[j].id.clone(), rule })
        })
        .collect();
    ActorMatching {
        by_id: pairs.iter().filter(|p| p.rule == MatchRule::Id).count(),
        by_name: pairs.iter().filter(|p| p.rule == MatchRule::Name).count(),
        pairs,
        ambiguous_names: ambiguous,
        actors_a: a.actors.len(),
        actors_b: b.actors.len(),
    }
}

/// Options of [`heldout_evaluation`].
///
/// ```
/// use clusterpolicy::synergy::HeldOutParams;
/// let p: HeldOutParams = serde_json::from_str(r#"{"k": [10], "transnational": true}"#).unwrap();
/// assert!(p.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct HeldOutParams {
    /// The proximity synergy on the first dataset; its projection options build both
    /// networks.
    pub proximity: ProximityParams,
    /// The link score of the matchmaking predictor. Default Adamic-Adar.
    pub link_method: LinkScore,
    /// The matchmaking weight of the link score (as [`super::MatchParams::link_weight`]).
    /// Default 0.5.
    pub link_weight: f64,
    /// The cut-offs of precision@k and recall@k. Default 5, 10, 20.
    pub k: Vec<usize>,
    /// Only cross-border pairs (different countries) are candidates and new partnerships.
    /// Default false.
    pub transnational: bool,
    /// Seed of the random predictor. Default 42.
    pub seed: u64,
}

impl Default for HeldOutParams {
    fn default() -> Self {
        Self {
            proximity: ProximityParams::default(),
            link_method: LinkScore::AdamicAdar,
            link_weight: 0.5,
            k: vec![5, 10, 20],
            transnational: false,
            seed: 42,
        }
    }
}

impl HeldOutParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for an empty `k` or a `k` of 0, a link weight outside
    /// [0, 1], and the errors of [`ProximityParams::check`].
    pub fn check(&self) -> Result<&Self> {
        if self.k.is_empty() || self.k.contains(&0) {
            return Err(Error::param("k", "give at least one cut-off, each at least 1"));
        }
        if !(0.0..=1.0).contains(&self.link_weight) {
            return Err(Error::param("link_weight", format!("must be in [0, 1], got {}", self.link_weight)));
        }
        self.proximity.check()?;
        Ok(self)
    }
}

/// Precision and recall at one cut-off, with the random baseline.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AtK {
    /// The cut-off.
    pub k: usize,
    /// Mean over query actors of the share of new partners among the top k (ties at the
    /// cut counted by their expected share).
    pub precision: f64,
    /// Mean over query actors of the share of their new partners found in the top k.
    pub recall: f64,
    /// Precision of a random ranking: the mean of `positives / candidates`.
    pub random_precision: f64,
    /// Recall of a random ranking: the mean of `min(k, candidates) / candidates`.
    pub random_recall: f64,
}

/// How one predictor ranks the new partnerships.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PredictorScore {
    /// `common_neighbours`, `jaccard`, `adamic_adar`, `resource_allocation`,
    /// `preferential_attachment`, `proximity_synergy`, `matchmaking` or `random`.
    pub predictor: String,
    /// Mean over the query actors with both positives and negatives of the ROC AUC of their
    /// candidates (ties averaged; random 0.5).
    pub auc: f64,
    /// Mean over query actors of the average precision (random: `random_precision` of the
    /// largest cut-off's candidates, i.e. the mean positive share).
    pub average_precision: f64,
    /// Precision and recall per cut-off.
    pub at_k: Vec<AtK>,
}

/// The result of [`heldout_evaluation`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct HeldOutEvaluation {
    /// Matched actor pairs.
    pub matched: usize,
    /// Matched actors with a tie in both networks (the population).
    pub population: usize,
    /// Ties within the population in the first network.
    pub ties_before: usize,
    /// Ties within the population in the second network.
    pub ties_after: usize,
    /// Ties of the second network that the first lacks: the new partnerships (with
    /// `transnational`, cross-border ones only).
    pub new_ties: usize,
    /// Ties of the second network that the first already had.
    pub repeated_ties: usize,
    /// Population actors with at least one new partner: the queries.
    pub queries: usize,
    /// Candidate pairs summed over the queries (each query: the population minus itself and
    /// its partners in the first network).
    pub candidates: u64,
    /// Mean positive share of the queries (the random precision).
    pub positive_rate: f64,
    /// One entry per predictor.
    pub predictors: Vec<PredictorScore>,
}

/// The names of the predictors of [`heldout_evaluation`], in output order.
pub const PREDICTORS: [&str; 8] = [
    "common_neighbours",
    "jaccard",
    "adamic_adar",
    "resource_allocation",
    "preferential_attachment",
    "proximity_synergy",
    "matchmaking",
    "random",
];

const METHODS: [LinkScore; 5] = [
    LinkScore::CommonNeighbours,
    LinkScore::Jaccard,
    LinkScore::AdamicAdar,
    LinkScore::ResourceAllocation,
    LinkScore::PreferentialAttachment,
];

/// Held-out evaluation of partner recommendations: recommend from the cooperation network of
/// one period and count how many of the partnerships that are new in the next period the
/// recommendations recover.
///
/// Set-up: `before` and `after` are two datasets (e.g. FP7 and Horizon 2020) whose actors
/// are matched by `matching` ([`match_actors`]). Both are projected to cooperation networks
/// (the projection options of `params.proximity`). The *population* is the matched actors
/// with at least one tie in each network. For each population actor `u`, the *candidates*
/// are the other population actors not tied to `u` before (and, with `transnational`, in
/// another country); the *positives* are the candidates tied to `u` after. Actors with at
/// least one positive are the queries. Each predictor scores every candidate of every
/// query from the `before` data alone:
///
/// | predictor | score |
/// |---|---|
/// | `common_neighbours` ... `preferential_attachment` | the link scores of [`LinkScore`] on the `before` network (NetworkX's definitions) |
/// | `proximity_synergy` | [`super::proximity()`] with `params.proximity` |
/// | `matchmaking` | `(1 - lambda) synergy + lambda link / max link` as [`super::match_partners`] |
/// | `random` | uniform random numbers (seeded): a check of the baselines |
///
/// Metrics, per query and then averaged over the queries: ROC AUC (Mann-Whitney with
/// average ranks for ties; random 0.5), average precision (scikit-learn's definition),
/// precision@k and recall@k (ties at the cut by their expected share), with the random
/// baselines `positives / candidates` and `min(k, candidates) / candidates`. These are the
/// ranking metrics of [`crate::complexity::backtest`].
///
/// # Errors
/// [`Error::InvalidParameter`] from [`HeldOutParams::check`]; [`Error::UnknownLabel`] for a
/// matched id that is not an actor of its dataset; [`Error::Empty`] when no query is left;
/// the errors of [`SynergyContext::new`] and [`network::projection`].
///
/// Complexity: the two projections and the context, then O(sum_z d(z) d_P(z)) for the
/// two-step paths into the population P and O(|Q| |P| log |P|) for the rankings of the
/// queries Q.
///
/// ```
/// use clusterpolicy::Dataset;
/// use clusterpolicy::model::{Actor, Partner, PartnerRole, Project};
/// use clusterpolicy::synergy::{heldout_evaluation, match_actors, HeldOutParams};
/// let project = |id: &str, who: &[&str]| {
///     let mut p = Project::new(id, id);
///     p.partners = who.iter().map(|a| Partner { actor: (*a).into(), role: PartnerRole::Partner, budget: None, contribution: None }).collect();
///     p
/// };
/// let mut before = Dataset::new("before");
/// before.actors = ["a", "b", "c", "d"].iter().map(|x| Actor::new(*x, *x, "SI")).collect();
/// before.projects = vec![project("P1", &["a", "b"]), project("P2", &["b", "c"]), project("P3", &["c", "d"])];
/// let mut after = before.clone();
/// after.projects = vec![project("Q1", &["a", "c"]), project("Q2", &["b", "d"])];
/// let m = match_actors(&before, &after);
/// let e = heldout_evaluation(&before, &after, &m, &HeldOutParams::default())?;
/// assert_eq!((e.population, e.new_ties), (4, 2));
/// let cn = e.predictors.iter().find(|p| p.predictor == "common_neighbours").unwrap();
/// assert_eq!(cn.auc, 1.0); // a-c and b-d share a partner, a-d does not
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: the held-out design of Liben-Nowell & Kleinberg (2007), *JASIST* 58(7):
/// 1019-1031 (train on one period, test on the new links of the next); metrics as
/// scikit-learn 1.x `roc_auc_score` and `average_precision_score`.
pub fn heldout_evaluation(
    before: &Dataset,
    after: &Dataset,
    matching: &ActorMatching,
    params: &HeldOutParams,
) -> Result<HeldOutEvaluation> {
    params.check()?;
    let ctx = SynergyContext::new(before, &params.proximity)?;
    let after_net = network::projection(after, &params.proximity.projection)?.network;
    let after_index: HashMap<&str, usize> = after_net.ids().enumerate().map(|(i, id)| (id, i)).collect();
    let n_before = before.actors.len();
    // Before-actor index of each after-network node (matched only).
    let mut after_to_before: Vec<Option<usize>> = vec![None; after_net.node_count()];
    let mut in_pop = vec![false; n_before];
    let after_ids: std::collections::HashSet<&str> = after.actors.iter().map(|x| x.id.as_str()).collect();
    for m in &matching.pairs {
        let &a = ctx
            .actor_index
            .get(m.a.as_str())
            .ok_or_else(|| Error::UnknownLabel { kind: "actor of the first dataset".into(), id: m.a.clone() })?;
        if !after_ids.contains(m.b.as_str()) {
            return Err(Error::UnknownLabel { kind: "actor of the second dataset".into(), id: m.b.clone() });
        }
        if let Some(&v) = after_index.get(m.b.as_str())
            && ctx.node_of_actor[a].is_some_and(|u| ctx.degree[u as usize] > 0)
            && after_net.degree_without_loops(v) > 0
        {
            after_to_before[v] = Some(a);
            in_pop[a] = true;
        }
    }
    // After-ties mapped into the population.
    let mut after_adj: Vec<Vec<usize>> = vec![Vec::new(); n_before];
    for e in after_net.edges() {
        if let (Some(a), Some(b)) = (after_to_before[e.source], after_to_before[e.target])
            && in_pop[a]
            && in_pop[b]
            && a != b
        {
            after_adj[a].push(b);
            after_adj[b].push(a);
        }
    }
    for l in &mut after_adj {
        l.sort_unstable();
        l.dedup();
    }
    let population: Vec<usize> = (0..n_before).filter(|&a| in_pop[a]).collect();
    let pop_node: Vec<bool> = {
        let mut v = vec![false; ctx.net.node_count()];
        for &a in &population {
            if let Some(u) = ctx.node_of_actor[a] {
                v[u as usize] = true;
            }
        }
        v
    };
    // Neighbours in the population, per node.
    let pop_nb: Vec<Vec<u32>> = (0..ctx.net.node_count())
        .map(|z| ctx.net.neighbors(z).iter().copied().filter(|&v| pop_node[v as usize]).collect())
        .collect();
    let tied_before = |a: usize, b: usize| -> bool {
        match (ctx.node_of_actor[a], ctx.node_of_actor[b]) {
            (Some(u), Some(v)) => ctx.net.neighbors(u as usize).binary_search(&v).is_ok(),
            _ => false,
        }
    };
    let cross = |a: usize, b: usize| -> bool {
        // An actor has at most one country.
        match (ctx.actor_profiles[a].countries.first(), ctx.actor_profiles[b].countries.first()) {
            (Some(x), Some(y)) => x != y,
            _ => false,
        }
    };
    let (mut ties_before, mut ties_after, mut new_ties, mut repeated) = (0, 0, 0, 0);
    for (i, &a) in population.iter().enumerate() {
        for &b in &population[i + 1..] {
            if tied_before(a, b) {
                ties_before += 1;
            }
        }
        for &b in &after_adj[a] {
            if b > a {
                ties_after += 1;
                if tied_before(a, b) {
                    repeated += 1;
                } else if !params.transnational || cross(a, b) {
                    new_ties += 1;
                }
            }
        }
    }

    let link_k = METHODS.iter().position(|m| *m == params.link_method).unwrap_or(2);
    let query = |state: &mut QueryState, a: usize| -> Option<QueryResult> {
        let positives =
            after_adj[a].iter().filter(|&&b| !tied_before(a, b) && (!params.transnational || cross(a, b))).count();
        if positives == 0 {
            return None;
        }
        let u = ctx.node_of_actor[a]?;
        let QueryState { acc, neighbour, scores, labels, cells } = state;
        acc.run(&ctx.net, &ctx.degree, u, |z| &pop_nb[z as usize]);
        for &v in ctx.net.neighbors(u as usize) {
            neighbour[v as usize] = true;
        }
        for s in scores.iter_mut() {
            s.clear();
        }
        labels.clear();
        let mut rng = ChaCha8Rng::seed_from_u64(params.seed ^ (a as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let du = f64::from(ctx.degree[u as usize]);
        let sp = &ctx.actor_profiles[a];
        for &b in &population {
            let v = ctx.node_of_actor[b].map_or(0, |v| v as usize);
            if b == a || neighbour[v] || (params.transnational && !cross(a, b)) {
                continue;
            }
            let dv = f64::from(ctx.degree[v]);
            for (k, m) in METHODS.iter().enumerate() {
                scores[k].push(acc.score(v, du, dv, *m));
            }
            let ns = ctx.actor_pair_stats(Some(u), b, acc);
            let syn = ctx.components(sp, &ctx.actor_profiles[b], &ns).0.combine(&ctx.params.weights).0;
            scores[5].push(syn);
            scores[7].push(rng.random::<f64>());
            labels.push(after_adj[a].binary_search(&b).is_ok());
        }
        for &v in ctx.net.neighbors(u as usize) {
            neighbour[v as usize] = false;
        }
        let max_link = scores[link_k].iter().copied().fold(0.0, f64::max);
        let lambda = params.link_weight;
        let (syn, link) = (std::mem::take(&mut scores[5]), std::mem::take(&mut scores[link_k]));
        scores[6].clear();
        scores[6].extend(
            syn.iter()
                .zip(&link)
                .map(|(s, l)| (1.0 - lambda) * s + lambda * if max_link > 0.0 { l / max_link } else { 0.0 }),
        );
        scores[5] = syn;
        scores[link_k] = link;
        let n = labels.len();
        let metrics = scores
            .iter()
            .map(|sc| {
                cells.clear();
                cells.extend(sc.iter().copied().zip(labels.iter().copied()));
                ranking_metrics(cells, &params.k)
            })
            .collect();
        Some(QueryResult { candidates: n, positives, metrics })
    };
    let make = || QueryState {
        acc: LinkAccumulator::new(ctx.net.node_count()),
        neighbour: vec![false; ctx.net.node_count()],
        scores: vec![Vec::new(); PREDICTORS.len()],
        labels: Vec::new(),
        cells: Vec::new(),
    };
    #[cfg(feature = "parallel")]
    let results: Vec<Option<QueryResult>> = {
        use rayon::prelude::*;
        population.par_iter().map_init(make, |state, &a| query(state, a)).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let results: Vec<Option<QueryResult>> = {
        let mut state = make();
        population.iter().map(|&a| query(&mut state, a)).collect()
    };
    // Sums in population order: the same result whatever the number of threads.
    let mut sums: Vec<Sums> = vec![Sums::new(params.k.len()); PREDICTORS.len()];
    let (mut queries, mut candidates, mut pos_rate) = (0usize, 0u64, 0.0);
    for r in results.into_iter().flatten() {
        queries += 1;
        candidates += r.candidates as u64;
        pos_rate += r.positives as f64 / r.candidates as f64;
        for (sum, m) in sums.iter_mut().zip(&r.metrics) {
            sum.add(m, &params.k, r.candidates, r.positives);
        }
    }
    if queries == 0 {
        return Err(Error::Empty { what: "query actors (population actors with a new partner)".into() });
    }
    let q = queries as f64;
    let predictors = PREDICTORS
        .iter()
        .zip(&sums)
        .map(|(name, s)| PredictorScore {
            predictor: (*name).to_owned(),
            auc: s.auc / s.auc_n.max(1) as f64,
            average_precision: s.ap / q,
            at_k: params
                .k
                .iter()
                .enumerate()
                .map(|(i, &k)| AtK {
                    k,
                    precision: s.precision[i] / q,
                    recall: s.recall[i] / q,
                    random_precision: pos_rate / q,
                    random_recall: s.random_recall[i] / q,
                })
                .collect(),
        })
        .collect();
    Ok(HeldOutEvaluation {
        matched: matching.pairs.len(),
        population: population.len(),
        ties_before,
        ties_after,
        new_ties,
        repeated_ties: repeated,
        queries,
        candidates,
        positive_rate: pos_rate / q,
        predictors,
    })
}

/// Scratch space of one thread of the evaluation.
struct QueryState {
    acc: LinkAccumulator,
    neighbour: Vec<bool>,
    scores: Vec<Vec<f64>>,
    labels: Vec<bool>,
    cells: Vec<(f64, bool)>,
}

/// The metrics of one query actor, per predictor.
struct QueryResult {
    candidates: usize,
    positives: usize,
    metrics: Vec<Ranking>,
}

/// Running sums of the per-query metrics of one predictor.
#[derive(Debug, Clone)]
struct Sums {
    auc: f64,
    auc_n: usize,
    ap: f64,
    precision: Vec<f64>,
    recall: Vec<f64>,
    random_recall: Vec<f64>,
}

impl Sums {
    fn new(k: usize) -> Self {
        Self { auc: 0.0, auc_n: 0, ap: 0.0, precision: vec![0.0; k], recall: vec![0.0; k], random_recall: vec![0.0; k] }
    }

    fn add(&mut self, r: &Ranking, ks: &[usize], n: usize, positives: usize) {
        if let Some(a) = r.auc {
            self.auc += a;
            self.auc_n += 1;
        }
        self.ap += r.average_precision.unwrap_or(0.0);
        for (i, &k) in ks.iter().enumerate() {
            let kk = k.min(n);
            let p = r.precision[i].unwrap_or(0.0);
            self.precision[i] += p;
            self.recall[i] += p * kk as f64 / positives as f64;
            self.random_recall[i] += if n == 0 { 0.0 } else { kk as f64 / n as f64 };
        }
    }
}
