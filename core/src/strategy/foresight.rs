//! Foresight: options evaluated under scenarios, with and without probabilities.

use std::collections::{BTreeMap, HashMap};

use ndarray::ArrayView2;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::mcda::rank;
use crate::error::{Error, Result};
use crate::model::{Dataset, ShiftKind, SubjectKind, canonical_country};

/// Parameters of [`scenario_rules`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ScenarioRulesParams {
    /// Probability of each scenario (adding up to 1 within 1e-6); empty when the scenarios
    /// have none, and then the expected value is not computed.
    pub probabilities: Vec<f64>,
    /// Hurwicz's coefficient of optimism `alpha`, 0-1 (default 0.5).
    pub hurwicz_alpha: f64,
}

impl Default for ScenarioRulesParams {
    fn default() -> Self {
        Self { probabilities: Vec::new(), hurwicz_alpha: 0.5 }
    }
}

/// The best options by each decision rule (several when tied).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RuleChoices {
    /// Highest expected value (with probabilities).
    pub expected_value: Option<Vec<usize>>,
    /// Highest mean payoff (Laplace: equally likely scenarios).
    pub laplace: Vec<usize>,
    /// Highest worst-case payoff (Wald).
    pub maximin: Vec<usize>,
    /// Highest best-case payoff.
    pub maximax: Vec<usize>,
    /// Highest Hurwicz value.
    pub hurwicz: Vec<usize>,
    /// Smallest maximum regret (Savage).
    pub minimax_regret: Vec<usize>,
}

/// Result of [`scenario_rules`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ScenarioRules {
    /// `sum_j p_j v_ij`, when probabilities are given.
    pub expected_value: Option<Vec<f64>>,
    /// `mean_j v_ij`.
    pub laplace: Vec<f64>,
    /// `min_j v_ij`.
    pub maximin: Vec<f64>,
    /// `max_j v_ij`.
    pub maximax: Vec<f64>,
    /// `alpha max_j v_ij + (1 - alpha) min_j v_ij`.
    pub hurwicz: Vec<f64>,
    /// Regret `r_ij = max_k v_kj - v_ij`.
    pub regret: Vec<Vec<f64>>,
    /// `max_j r_ij`.
    pub max_regret: Vec<f64>,
    /// The best options by each rule.
    pub choices: RuleChoices,
    /// Rank of each option in each scenario (`[option][scenario]`, 1 = best).
    pub scenario_ranks: Vec<Vec<usize>>,
    /// Worst rank of each option over the scenarios.
    pub worst_rank: Vec<usize>,
    /// Scenario-robust rank: by worst rank over the scenarios, then mean rank, then maximum
    /// regret (1 = most robust; options equal in all three share the rank).
    pub robust_rank: Vec<usize>,
}

fn argmax_all(x: &[f64]) -> Vec<usize> {
    let best = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (0..x.len()).filter(|&i| x[i] == best).collect()
}

/// Decision rules under scenarios: expected value, Laplace, maximin (Wald), maximax, Hurwicz,
/// minimax regret (Savage), and a scenario-robust ranking.
///
/// Formula: payoffs `v_ij` of option `i` under scenario `j` (higher is better; negate costs
/// first); the rules as in each field of [`ScenarioRules`]; the robust ranking orders options
/// by their worst rank over the scenarios, then by their mean rank, then by maximum regret,
/// so an option that is never worse than second ranks above one that is first in a boom and
/// last in a crisis.
///
/// # Errors
/// [`Error::Empty`] without options or scenarios; [`Error::NonFinite`]; for the
/// probabilities [`Error::ShapeMismatch`] (not one per scenario) or
/// [`Error::InvalidParameter`] (negative, or not adding up to 1); for `hurwicz_alpha`
/// outside 0-1.
///
/// Complexity: O(n s log n) for n options and s scenarios.
///
/// Source: Luce & Raiffa (1957) *Games and Decisions*, ch. 13 (Wald, Hurwicz, Savage,
/// Laplace); Savage (1951) JASA 46:55-67; the robust ranking follows the "rank robustness"
/// of scenario planning (Lempert et al. 2006, Management Science 52(4)).
///
/// ```
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::strategy::{ScenarioRulesParams, scenario_rules};
/// let v = array![[120.0, 60.0, 20.0], [90.0, 80.0, 50.0], [70.0, 70.0, 65.0]];
/// let r = scenario_rules(v.view(), &ScenarioRulesParams { hurwicz_alpha: 0.6, ..Default::default() })?;
/// assert_eq!(r.max_regret, vec![45.0, 30.0, 50.0]);
/// assert_eq!(r.choices.minimax_regret, vec![1]);
/// assert_eq!(r.choices.maximin, vec![2]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn scenario_rules(payoff: ArrayView2<'_, f64>, params: &ScenarioRulesParams) -> Result<ScenarioRules> {
    let (n, s) = payoff.dim();
    if n == 0 {
        return Err(Error::Empty { what: "options (rows of the payoff matrix)".into() });
    }
    if s == 0 {
        return Err(Error::Empty { what: "scenarios (columns of the payoff matrix)".into() });
    }
    if let Some(((i, j), _)) = payoff.indexed_iter().find(|(_, v)| !v.is_finite()) {
        return Err(Error::NonFinite { what: "payoff matrix".into(), at: format!("option {i}, scenario {j}") });
    }
    if !(0.0..=1.0).contains(&params.hurwicz_alpha) {
        return Err(Error::param("hurwicz_alpha", format!("{} is outside 0..=1", params.hurwicz_alpha)));
    }
    let probs = if params.probabilities.is_empty() {
        None
    } else {
        let p = &params.probabilities;
        if p.len() != s {
            return Err(Error::ShapeMismatch {
                what: "probabilities".into(),
                expected: format!("{s} (one per scenario)"),
                found: p.len().to_string(),
            });
        }
        if let Some((j, x)) = p.iter().enumerate().find(|(_, x)| !x.is_finite() || **x < 0.0) {
            return Err(Error::param("probabilities", format!("probability {x} of scenario {j} must be in 0..=1")));
        }
        let sum: f64 = p.iter().sum();
        if (sum - 1.0).abs() > 1e-6 {
            return Err(Error::param("probabilities", format!("the probabilities add up to {sum}, not 1")));
        }
        Some(p.clone())
    };
    let rows: Vec<Vec<f64>> = payoff.rows().into_iter().map(|r| r.to_vec()).collect();
    let expected_value =
        probs.map(|p| rows.iter().map(|r| r.iter().zip(&p).map(|(v, p)| v * p).sum()).collect::<Vec<f64>>());
    let laplace: Vec<f64> = rows.iter().map(|r| r.iter().sum::<f64>() / s as f64).collect();
    let maximin: Vec<f64> = rows.iter().map(|r| r.iter().copied().fold(f64::INFINITY, f64::min)).collect();
    let maximax: Vec<f64> = rows.iter().map(|r| r.iter().copied().fold(f64::NEG_INFINITY, f64::max)).collect();
    let a = params.hurwicz_alpha;
    let hurwicz: Vec<f64> = maximax.iter().zip(&maximin).map(|(hi, lo)| a * hi + (1.0 - a) * lo).collect();
    let col_best: Vec<f64> =
        (0..s).map(|j| payoff.column(j).iter().copied().fold(f64::NEG_INFINITY, f64::max)).collect();
    let regret: Vec<Vec<f64>> = rows.iter().map(|r| r.iter().zip(&col_best).map(|(v, b)| b - v).collect()).collect();
    let max_regret: Vec<f64> = regret.iter().map(|r| r.iter().copied().fold(0.0, f64::max)).collect();
    let neg_regret: Vec<f64> = max_regret.iter().map(|r| -r).collect();
    let choices = RuleChoices {
        expected_value: expected_value.as_deref().map(argmax_all),
        laplace: argmax_all(&laplace),
        maximin: argmax_all(&maximin),
        maximax: argmax_all(&maximax),
        hurwicz: argmax_all(&hurwicz),
        minimax_regret: argmax_all(&neg_regret),
    };
    let per_scenario: Vec<Vec<usize>> = (0..s).map(|j| rank(&payoff.column(j).to_vec(), true)).collect();
    let scenario_ranks: Vec<Vec<usize>> = (0..n).map(|i| per_scenario.iter().map(|r| r[i]).collect()).collect();
    let worst_rank: Vec<usize> = scenario_ranks.iter().map(|r| r.iter().copied().max().unwrap_or(1)).collect();
    let mean_rank: Vec<f64> = scenario_ranks.iter().map(|r| r.iter().sum::<usize>() as f64 / s as f64).collect();
    let better = |k: usize, i: usize| {
        worst_rank[k]
            .cmp(&worst_rank[i])
            .then(mean_rank[k].total_cmp(&mean_rank[i]))
            .then(max_regret[k].total_cmp(&max_regret[i]))
            .is_lt()
    };
    let robust_rank: Vec<usize> = (0..n).map(|i| 1 + (0..n).filter(|&k| better(k, i)).count()).collect();
    Ok(ScenarioRules {
        expected_value,
        laplace,
        maximin,
        maximax,
        hurwicz,
        regret,
        max_regret,
        choices,
        scenario_ranks,
        worst_rank,
        robust_rank,
    })
}

/// Parameters of [`scenario_payoffs`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ScenarioPayoffParams {
    /// The indicator whose scenario shifts scale the effects (default `employment`).
    pub indicator: String,
    /// Expected effect of each measure (by measure id), e.g. the posterior effects of
    /// [`evidence_feedback`](super::evidence_feedback); a measure not listed gets `budget /
    /// cost_per_unit`.
    pub effects: BTreeMap<String, f64>,
    /// Budget per unit of effect for measures without a given effect (default EUR 50 000 per
    /// job, the order of magnitude of ERDF business-support evaluations).
    pub cost_per_unit: f64,
}

impl Default for ScenarioPayoffParams {
    fn default() -> Self {
        Self { indicator: "employment".into(), effects: BTreeMap::new(), cost_per_unit: 50_000.0 }
    }
}

/// The payoff matrix of a strategy's measures under the dataset's scenarios.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ScenarioPayoffs {
    /// The strategy.
    pub strategy: String,
    /// Measure ids (rows).
    pub options: Vec<String>,
    /// Scenario ids (columns).
    pub scenarios: Vec<String>,
    /// Scenario probabilities, when every scenario has one.
    pub probabilities: Option<Vec<f64>>,
    /// Effect of each measure before scenario shifts.
    pub base_effect: Vec<f64>,
    /// `payoff[i][j]`: effect of measure `i` under scenario `j`.
    pub payoff: Vec<Vec<f64>>,
}

/// Builds the payoff matrix of a strategy's measures under the dataset's foresight scenarios.
///
/// Formula: `payoff_ij = e_i x mean_{a in A_i} prod_{s in S_j(a)} (1 + shift_s)`, with `e_i`
/// the measure's expected effect, `A_i` the activities of the priority its objective serves
/// (none: one term without activity), and `S_j(a)` the relative assumptions of scenario `j`
/// on `indicator` that apply to activity `a` (no activity, the same activity or one of its
/// ancestors) and to the strategy owner (no subject, its country, or the region itself).
/// Absolute shifts are in a region's units, not a measure's, and are left out.
///
/// # Errors
/// [`Error::UnknownLabel`] for an unknown strategy; [`Error::Empty`] when it has no measures
/// or the dataset no scenarios; [`Error::InvalidParameter`] for `cost_per_unit <= 0`.
///
/// Complexity: O(measures x scenarios x activities x assumptions x depth).
///
/// Source: the project's convention (scenario shifts as multipliers of effects, as in
/// scenario-based MCDA, Stewart, French & Rios 2013, Omega 41(4)).
///
/// ```
/// use clusterpolicy::{sample, strategy::{ScenarioPayoffParams, scenario_payoffs}};
/// let ds = sample::south_east_europe();
/// let p = scenario_payoffs(&ds, &ds.strategies[0].id, &ScenarioPayoffParams::default())?;
/// assert_eq!(p.payoff.len(), ds.strategies[0].measures.len());
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn scenario_payoffs(ds: &Dataset, strategy: &str, params: &ScenarioPayoffParams) -> Result<ScenarioPayoffs> {
    if !(params.cost_per_unit.is_finite() && params.cost_per_unit > 0.0) {
        return Err(Error::param("cost_per_unit", format!("{} must be finite and > 0", params.cost_per_unit)));
    }
    let st = ds
        .strategies
        .iter()
        .find(|s| s.id == strategy)
        .ok_or_else(|| Error::UnknownLabel { kind: "strategy".into(), id: strategy.to_owned() })?;
    if st.measures.is_empty() {
        return Err(Error::Empty { what: format!("measures of strategy `{strategy}`") });
    }
    if ds.scenarios.is_empty() {
        return Err(Error::Empty { what: "scenarios of the dataset".into() });
    }
    let parent: HashMap<&str, &str> =
        ds.activities.iter().filter_map(|a| a.parent.as_deref().map(|p| (a.id.as_str(), p))).collect();
    let ancestors = |a: &str| {
        let mut out = vec![a.to_owned()];
        let mut cur = a;
        while let Some(p) = parent.get(cur) {
            if out.iter().any(|x| x == p) || out.len() > 16 {
                break;
            }
            out.push((*p).to_owned());
            cur = p;
        }
        out
    };
    let (owner_region, owner_country) = owner_location(ds, st);
    let priority_of_objective: HashMap<&str, &str> =
        st.objectives.iter().filter_map(|o| o.priority.as_deref().map(|p| (o.id.as_str(), p))).collect();
    let mut base_effect = Vec::with_capacity(st.measures.len());
    let mut payoff = Vec::with_capacity(st.measures.len());
    for m in &st.measures {
        let e = params
            .effects
            .get(&m.id)
            .copied()
            .unwrap_or_else(|| m.budget.filter(|b| b.is_finite()).unwrap_or(0.0) / params.cost_per_unit);
        let acts: Vec<String> = m
            .objective
            .as_deref()
            .and_then(|o| priority_of_objective.get(o))
            .and_then(|p| st.priorities.iter().find(|x| x.id == *p))
            .map(|p| p.activities.clone())
            .unwrap_or_default();
        let row: Vec<f64> = ds
            .scenarios
            .iter()
            .map(|sc| {
                let factor = |act: Option<&str>| -> f64 {
                    let chain = act.map(ancestors).unwrap_or_default();
                    sc.assumptions
                        .iter()
                        .filter(|a| {
                            a.indicator == params.indicator && a.kind == ShiftKind::Relative && a.shift.is_finite()
                        })
                        .filter(|a| a.activity.as_ref().is_none_or(|x| chain.contains(x)))
                        .filter(|a| {
                            a.subject.as_ref().is_none_or(|s| match s.kind {
                                SubjectKind::Country => owner_country.as_deref().is_some_and(|c| {
                                    canonical_country(c).unwrap_or(c) == canonical_country(&s.id).unwrap_or(&s.id)
                                }),
                                SubjectKind::Region => owner_region.as_deref() == Some(s.id.as_str()),
                                _ => false,
                            })
                        })
                        .map(|a| 1.0 + a.shift)
                        .product()
                };
                let mult = if acts.is_empty() {
                    factor(None)
                } else {
                    acts.iter().map(|a| factor(Some(a))).sum::<f64>() / acts.len() as f64
                };
                e * mult
            })
            .collect();
        base_effect.push(e);
        payoff.push(row);
    }
    let probabilities = ds.scenarios.iter().map(|s| s.probability).collect::<Option<Vec<f64>>>();
    Ok(ScenarioPayoffs {
        strategy: st.id.clone(),
        options: st.measures.iter().map(|m| m.id.clone()).collect(),
        scenarios: ds.scenarios.iter().map(|s| s.id.clone()).collect(),
        probabilities,
        base_effect,
        payoff,
    })
}

/// The region and country of a strategy's owner (a region, or a cluster's first region).
pub(crate) fn owner_location(ds: &Dataset, st: &crate::model::Strategy) -> (Option<String>, Option<String>) {
    let region = match st.owner.kind {
        SubjectKind::Region => Some(st.owner.id.clone()),
        SubjectKind::Cluster => {
            ds.clusters.iter().find(|c| c.id == st.owner.id).and_then(|c| c.regions.first().cloned())
        }
        _ => None,
    };
    let country = match st.owner.kind {
        SubjectKind::Country => Some(st.owner.id.clone()),
        _ => region.as_deref().and_then(|r| ds.regions.iter().find(|x| x.id == r)).map(|r| r.country.clone()),
    };
    (region, country)
}
