//! Strategy evaluation and policy learning: [`clusterpolicy::strategy`].
//!
//! Decision matrices cross as arrays of rows (`number[][]`, options in rows, criteria in
//! columns), weights as `number[]` (or a `Float64Array`), criterion types as `"benefit"` /
//! `"cost"` strings or pymcdm's `1` / `-1`. Options are plain objects with the fields of the
//! core's `XxxParams` (any subset; unknown fields are rejected); results are plain objects
//! whose TypeScript types are generated from the Rust types.

use clusterpolicy::ndarray::{Array1, Array2};
use clusterpolicy::strategy as st;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::conversion::{from_js, to_js};
use crate::error::{conversion_error, js_error};
use crate::model::Dataset;

fn read<T: DeserializeOwned>(value: &JsValue, what: &str) -> Result<T, JsValue> {
    from_js(value).map_err(|e| conversion_error(&e, what))
}

/// Options: `undefined` / `null` for the defaults.
fn options<T: DeserializeOwned + Default>(value: &JsValue, what: &str) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() { Ok(T::default()) } else { read(value, what) }
}

fn out<T: Serialize>(r: Result<T, clusterpolicy::Error>) -> Result<JsValue, JsValue> {
    to_js(&r.map_err(|e| js_error(&e))?)
}

fn matrix(value: &JsValue, what: &str) -> Result<Array2<f64>, JsValue> {
    let rows: Vec<Vec<f64>> = read(value, what)?;
    let n = rows.len();
    let m = rows.first().map_or(0, Vec::len);
    if let Some((i, r)) = rows.iter().enumerate().find(|(_, r)| r.len() != m) {
        return Err(js_error(&clusterpolicy::Error::ShapeMismatch {
            what: format!("{what} row {i}"),
            expected: format!("{m} values"),
            found: r.len().to_string(),
        }));
    }
    Array2::from_shape_vec((n, m), rows.concat()).map_err(|e| {
        js_error(&clusterpolicy::Error::ShapeMismatch {
            what: what.into(),
            expected: format!("{n} x {m}"),
            found: e.to_string(),
        })
    })
}

fn vector(value: &JsValue, what: &str) -> Result<Array1<f64>, JsValue> {
    if let Some(a) = value.dyn_ref::<js_sys::Float64Array>() {
        return Ok(Array1::from(a.to_vec()));
    }
    Ok(Array1::from(read::<Vec<f64>>(value, what)?))
}

fn types(value: &JsValue) -> Result<Vec<st::CriterionType>, JsValue> {
    let raw: Vec<serde_json::Value> = read(value, "types")?;
    raw.into_iter()
        .map(|v| match v {
            serde_json::Value::Number(n) => {
                st::CriterionType::from_sign(n.as_f64().unwrap_or(0.0)).map_err(|e| js_error(&e))
            }
            other => serde_json::from_value(other).map_err(|e| {
                js_error(&clusterpolicy::Error::InvalidParameter { name: "types".into(), reason: e.to_string() })
            }),
        })
        .collect()
}

/// The normalised decision matrix (`number[][]`); `method` as `Normalisation`
/// (default `"vector"`).
///
/// # Errors
/// As the core [`st::normalise`]; `JsonError` for inputs of the wrong shape.
#[wasm_bindgen(unchecked_return_type = "number[][]")]
pub fn normalise(
    #[wasm_bindgen(unchecked_param_type = "number[][]")] matrix: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "CriterionTypeInput[]")] criterion_types: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Normalisation | undefined")] method: &JsValue,
) -> Result<JsValue, JsValue> {
    let x = self::matrix(matrix, "matrix")?;
    let t = types(criterion_types)?;
    let m: st::Normalisation = if method.is_undefined() { st::Normalisation::Vector } else { read(method, "method")? };
    let r = st::normalise(x.view(), &t, m).map_err(|e| js_error(&e))?;
    to_js(&r.rows().into_iter().map(|row| row.to_vec()).collect::<Vec<_>>())
}

macro_rules! mcda {
    ($(#[$doc:meta])* $name:ident, $js:literal, $params:ty, $params_ts:literal, $result_ts:literal, $core:path) => {
        $(#[$doc])*
        ///
        /// # Errors
        /// The core function's errors (`InvalidParameterError`, `ShapeMismatchError`,
        /// `NonFiniteError`, `EmptyInputError`); `JsonError` for inputs of the wrong shape.
        #[wasm_bindgen(js_name = $js, unchecked_return_type = $result_ts)]
        pub fn $name(
            #[wasm_bindgen(unchecked_param_type = "number[][]")] matrix: &JsValue,
            #[wasm_bindgen(unchecked_param_type = "number[] | Float64Array")] weights: &JsValue,
            #[wasm_bindgen(unchecked_param_type = "CriterionTypeInput[]")] criterion_types: &JsValue,
            #[wasm_bindgen(unchecked_param_type = $params_ts)] params: &JsValue,
        ) -> Result<JsValue, JsValue> {
            let x = self::matrix(matrix, "matrix")?;
            let w = vector(weights, "weights")?;
            let t = types(criterion_types)?;
            let p: $params = options(params, "params")?;
            out($core(x.view(), w.view(), &t, &p))
        }
    };
}

mcda!(
    /// Weighted sum (simple additive weighting): `{ scores, rank }`.
    weighted_sum, "weightedSum", st::WeightedParams, "Partial<WeightedParams> | undefined", "ScoreResult", st::weighted_sum
);
mcda!(
    /// Weighted product: `{ scores, rank }`.
    weighted_product, "weightedProduct", st::WeightedParams, "Partial<WeightedParams> | undefined", "ScoreResult", st::weighted_product
);
mcda!(
    /// TOPSIS (vector normalisation by default): `{ closeness, d_plus, d_minus, rank }`.
    topsis, "topsis", st::TopsisParams, "Partial<TopsisParams> | undefined", "TopsisResult", st::topsis
);
mcda!(
    /// VIKOR: S, R, Q, ranks, DQ, conditions C1 / C2 and the compromise set.
    vikor, "vikor", st::VikorParams, "Partial<VikorParams> | undefined", "VikorResult", st::vikor
);
mcda!(
    /// PROMETHEE II net flows with the usual, U-shape, V-shape, level, linear or Gaussian
    /// preference function per criterion.
    promethee_ii, "prometheeII", st::PrometheeParams, "Partial<PrometheeParams> | undefined", "PrometheeResult", st::promethee_ii
);
mcda!(
    /// Exact one-at-a-time weight breakpoints of the weighted sum (or product).
    weight_breakpoints, "weightBreakpoints", st::BreakpointParams, "Partial<BreakpointParams> | undefined", "WeightSensitivity", st::weight_breakpoints
);

/// AHP weights, lambda-max, CI, RI, CR and the verdict of a pairwise comparison matrix.
///
/// # Errors
/// `ShapeMismatchError` (not square), `InvalidParameterError` (non-positive, non-reciprocal
/// or a diagonal other than 1, naming the cell), `NonFiniteError`.
#[wasm_bindgen(unchecked_return_type = "AhpResult")]
pub fn ahp(
    #[wasm_bindgen(unchecked_param_type = "number[][]")] matrix: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Partial<AhpParams> | undefined")] params: &JsValue,
) -> Result<JsValue, JsValue> {
    let x = self::matrix(matrix, "matrix")?;
    let p: st::AhpParams = options(params, "params")?;
    out(st::ahp(x.view(), &p))
}

/// SMAA-2 rank acceptability, central weights, confidence factors and holistic
/// acceptability (seeded Monte Carlo, or exact for two criteria).
///
/// # Errors
/// As the core [`st::smaa`].
#[wasm_bindgen(unchecked_return_type = "SmaaResult")]
pub fn smaa(
    #[wasm_bindgen(unchecked_param_type = "number[][]")] matrix: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "CriterionTypeInput[]")] criterion_types: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Partial<SmaaParams> | undefined")] params: &JsValue,
) -> Result<JsValue, JsValue> {
    let x = self::matrix(matrix, "matrix")?;
    let t = types(criterion_types)?;
    let p: st::SmaaParams = options(params, "params")?;
    out(st::smaa(x.view(), &t, &p))
}

/// Expected value, Laplace, maximin, maximax, Hurwicz, regret and a robust ranking of
/// options (rows) under scenarios (columns).
///
/// # Errors
/// As the core [`st::scenario_rules`].
#[wasm_bindgen(js_name = scenarioRules, unchecked_return_type = "ScenarioRules")]
pub fn scenario_rules(
    #[wasm_bindgen(unchecked_param_type = "number[][]")] payoff: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Partial<ScenarioRulesParams> | undefined")] params: &JsValue,
) -> Result<JsValue, JsValue> {
    let x = matrix(payoff, "payoff")?;
    let p: st::ScenarioRulesParams = options(params, "params")?;
    out(st::scenario_rules(x.view(), &p))
}

/// `(actual - baseline) / (target - baseline)`; `undefined` when target equals baseline.
#[wasm_bindgen(js_name = achievementRate)]
#[must_use]
pub fn achievement_rate(baseline: f64, target: f64, actual: f64) -> Option<f64> {
    st::achievement_rate(baseline, target, actual)
}

macro_rules! dataset_fn {
    ($(#[$doc:meta])* $name:ident, $js:literal, $params:ty, $params_ts:literal, $result_ts:literal, $core:path) => {
        $(#[$doc])*
        ///
        /// # Errors
        /// `UnknownLabelError` for an unknown id, `InvalidParameterError` for bad options,
        /// and the core function's other errors.
        #[wasm_bindgen(js_name = $js, unchecked_return_type = $result_ts)]
        pub fn $name(
            dataset: &Dataset,
            id: &str,
            #[wasm_bindgen(unchecked_param_type = $params_ts)] params: &JsValue,
        ) -> Result<JsValue, JsValue> {
            let p: $params = options(params, "params")?;
            out($core(dataset.inner(), id, &p))
        }
    };
}

dataset_fn!(
    /// The target scoreboard of a strategy (by id).
    strategy_scoreboard, "strategyScoreboard", st::MonitoringParams, "Partial<MonitoringParams> | undefined", "Scoreboard", st::scoreboard
);
dataset_fn!(
    /// Evidence-updated effects and ranking of a strategy's measures (by strategy id).
    evidence_feedback, "evidenceFeedback", st::EvidenceFeedbackParams, "Partial<EvidenceFeedbackParams> | undefined", "EvidenceFeedback", st::evidence_feedback
);
dataset_fn!(
    /// Knowledge-hub items for a region (by region id), ranked and explained.
    knowledge_hub, "knowledgeHub", st::HubParams, "Partial<HubParams> | undefined", "HubItem[]", st::knowledge_hub
);
dataset_fn!(
    /// Payoffs of a strategy's measures under the dataset's scenarios (by strategy id).
    scenario_payoffs, "scenarioPayoffs", st::ScenarioPayoffParams, "Partial<ScenarioPayoffParams> | undefined", "ScenarioPayoffs", st::scenario_payoffs
);
dataset_fn!(
    /// Monitoring of a programme (by programme id).
    programme_monitoring, "programmeMonitoring", st::ProgrammeParams, "Partial<ProgrammeParams> | undefined", "ProgrammeMonitoring", st::programme_monitoring
);
dataset_fn!(
    /// Monitoring of one project (by project id).
    project_monitoring, "projectMonitoring", st::ProgrammeParams, "Partial<ProgrammeParams> | undefined", "ProjectMonitoring", st::project_monitoring
);

/// Two-period difference-in-differences of `{ unit, time, outcome, treated }` records.
///
/// # Errors
/// As the core [`st::did_two_period`].
#[wasm_bindgen(js_name = didTwoPeriod, unchecked_return_type = "DidTwoPeriod")]
pub fn did_two_period(
    #[wasm_bindgen(unchecked_param_type = "DidObservation[]")] observations: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Partial<DidPanelParams> | undefined")] params: &JsValue,
) -> Result<JsValue, JsValue> {
    let obs: Vec<st::DidObservation> = read(observations, "observations")?;
    let p: st::DidPanelParams = options(params, "params")?;
    out(st::did_two_period(&obs, &p))
}

/// Two-way fixed-effects difference-in-differences with standard errors clustered by unit.
///
/// # Errors
/// As the core [`st::did_panel`].
#[wasm_bindgen(js_name = didPanel, unchecked_return_type = "DidEstimate")]
pub fn did_panel(
    #[wasm_bindgen(unchecked_param_type = "DidObservation[]")] observations: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Partial<DidPanelParams> | undefined")] params: &JsValue,
) -> Result<JsValue, JsValue> {
    let obs: Vec<st::DidObservation> = read(observations, "observations")?;
    let p: st::DidPanelParams = options(params, "params")?;
    out(st::did_panel(&obs, &p))
}

/// Before/after comparison of units observed on both sides of `cut`.
///
/// # Errors
/// As the core [`st::before_after`].
#[wasm_bindgen(js_name = beforeAfter, unchecked_return_type = "BeforeAfter")]
pub fn before_after(
    #[wasm_bindgen(unchecked_param_type = "DidObservation[]")] observations: &JsValue,
    cut: i32,
) -> Result<JsValue, JsValue> {
    let obs: Vec<st::DidObservation> = read(observations, "observations")?;
    out(st::before_after(&obs, cut))
}

/// The pilot-evaluation panel of a dataset (regions of a programme area, treated from their
/// first project of the programme).
///
/// # Errors
/// As the core [`st::pilot_panel`].
#[wasm_bindgen(js_name = pilotPanel, unchecked_return_type = "DidObservation[]")]
pub fn pilot_panel(
    dataset: &Dataset,
    #[wasm_bindgen(unchecked_param_type = "Partial<PilotPanelParams> | undefined")] params: &JsValue,
) -> Result<JsValue, JsValue> {
    let p: st::PilotPanelParams = options(params, "params")?;
    out(st::pilot_panel(dataset.inner(), &p))
}

/// Structural distances between regions (rows of `data`) on standardised variables
/// (columns), grouped in `dimensions` (default one per variable).
///
/// # Errors
/// As the core [`st::peer_distances`].
#[wasm_bindgen(js_name = peerDistances, unchecked_return_type = "PeerDistances")]
pub fn peer_distances(
    #[wasm_bindgen(unchecked_param_type = "number[][]")] data: &JsValue,
    regions: Vec<String>,
    variables: Vec<String>,
    #[wasm_bindgen(unchecked_param_type = "Partial<PeerParams> | undefined")] params: &JsValue,
) -> Result<JsValue, JsValue> {
    let x = matrix(data, "data")?;
    let m = clusterpolicy::model::LabelledMatrix::new(regions, variables, x).map_err(|e| js_error(&e))?;
    let p: st::PeerParams = options(params, "params")?;
    out(st::peer_distances(&m, &p))
}

/// The `k` nearest peers of a region in a result of `peerDistances`.
///
/// # Errors
/// `UnknownLabelError` for a region not in the distances.
#[wasm_bindgen(js_name = nearestPeers, unchecked_return_type = "Peer[]")]
pub fn nearest_peers(
    #[wasm_bindgen(unchecked_param_type = "PeerDistances")] distances: &JsValue,
    region: &str,
    k: usize,
) -> Result<JsValue, JsValue> {
    let d: st::PeerDistances = read(distances, "distances")?;
    out(st::nearest_peers(&d, region, k))
}

/// Structural profiles of a dataset's regions: `{ regions, variables, values, dimensions }`.
///
/// # Errors
/// `EmptyInputError` when no region has all variables.
#[wasm_bindgen(js_name = regionProfiles, unchecked_return_type = "{ regions: string[]; variables: string[]; values: number[][]; dimensions: Dimension[] }")]
pub fn region_profiles(dataset: &Dataset, year: Option<i32>) -> Result<JsValue, JsValue> {
    let (m, dims) = st::region_profiles(dataset.inner(), &st::ProfileParams { year }).map_err(|e| js_error(&e))?;
    let values: Vec<Vec<f64>> = m.values().rows().into_iter().map(|r| r.to_vec()).collect();
    to_js(&serde_json::json!({ "regions": m.rows(), "variables": m.cols(), "values": values, "dimensions": dims }))
}

/// Pools evidence records (the dataset's `evidence` form) into one effect; a normal-normal
/// update of `prior = [mean, sd]` when given.
///
/// # Errors
/// As the core [`st::pool_evidence`].
#[wasm_bindgen(js_name = poolEvidence, unchecked_return_type = "PooledEffect")]
pub fn pool_evidence(
    #[wasm_bindgen(unchecked_param_type = "Evidence[]")] evidence: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "[number, number] | undefined")] prior: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Partial<PoolingParams> | undefined")] params: &JsValue,
) -> Result<JsValue, JsValue> {
    let ev: Vec<clusterpolicy::model::Evidence> = read(evidence, "evidence")?;
    let prior: Option<(f64, f64)> =
        if prior.is_undefined() || prior.is_null() { None } else { Some(read(prior, "prior")?) };
    let p: st::PoolingParams = options(params, "params")?;
    out(st::pool_evidence(&ev, prior, &p))
}

/// The strategy section of the report of a dataset.
///
/// # Errors
/// `EmptyInputError` when the dataset has neither strategies nor programmes.
#[wasm_bindgen(js_name = strategySummary, unchecked_return_type = "StrategySummary")]
pub fn strategy_summary(dataset: &Dataset) -> Result<JsValue, JsValue> {
    out(st::summarise(dataset.inner()))
}

#[wasm_bindgen(typescript_custom_section)]
const STRATEGY_TYPES: &str = r#"
/** A criterion type: "benefit" / "cost", or pymcdm's 1 / -1. */
export type CriterionTypeInput = CriterionType | 1 | -1;
"#;
