//! Strategy evaluation and policy learning (core `clusterpolicy::strategy`).
//!
//! Numeric kernels take `NumPy` arrays (float64, converted by the facade
//! `clusterpolicy.strategy`) and return dicts of `NumPy` arrays; the dataset-level functions
//! take a `Dataset` and return plain dicts (the serde form of the core results). Options are
//! keyword arguments read into the core `XxxParams` structs, so an unknown or mistyped option
//! raises `InvalidParameterError` naming it. Heavy calls release the GIL.

// pyo3 extracts the arguments by value.
#![allow(clippy::needless_pass_by_value)]

use clusterpolicy::Error;
use clusterpolicy::strategy as st;
use numpy::{IntoPyArray, PyReadonlyArray1, PyReadonlyArray2};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::conversion::{from_py, kwargs_params as params, to_py};
use crate::error::to_py_err;
use crate::model::PyDataset;
use crate::progress::PyProgress;

/// Criterion types: a sequence of `"benefit"` / `"cost"`, or of numbers 1 / -1.
fn criterion_types(types: &Bound<'_, PyAny>) -> PyResult<Vec<st::CriterionType>> {
    if let Ok(names) = types.extract::<Vec<String>>() {
        return names
            .into_iter()
            .map(|n| {
                serde_json::from_value(serde_json::Value::String(n))
                    .map_err(|e| to_py_err(Error::InvalidParameter { name: "types".to_owned(), reason: e.to_string() }))
            })
            .collect();
    }
    let codes: Vec<f64> = if let Ok(a) = types.extract::<PyReadonlyArray1<'_, f64>>() {
        a.as_array().to_vec()
    } else {
        types.extract::<Vec<f64>>().map_err(|_| {
            to_py_err(Error::InvalidParameter {
                name: "types".to_owned(),
                reason: "give one type per criterion: \"benefit\" / \"cost\" or 1 / -1".to_owned(),
            })
        })?
    };
    codes.into_iter().map(|c| st::CriterionType::from_sign(c).map_err(to_py_err)).collect()
}

fn dict(py: Python<'_>) -> Bound<'_, PyDict> {
    PyDict::new(py)
}

fn ranks(v: Vec<usize>) -> Vec<i64> {
    v.into_iter().map(|r| r as i64).collect()
}

/// Weighted sum: `{"scores", "rank"}` (`NumPy` arrays). Options: `normalisation`.
#[pyfunction]
#[pyo3(signature = (matrix, weights, types, **kwargs))]
pub(crate) fn weighted_sum_array<'py>(
    py: Python<'py>,
    matrix: PyReadonlyArray2<'py, f64>,
    weights: PyReadonlyArray1<'py, f64>,
    types: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let (t, p): (_, st::WeightedParams) = (criterion_types(types)?, params(kwargs)?);
    let r = st::weighted_sum(matrix.as_array(), weights.as_array(), &t, &p).map_err(to_py_err)?;
    let d = dict(py);
    d.set_item("scores", r.scores.into_pyarray(py))?;
    d.set_item("rank", ranks(r.rank).into_pyarray(py))?;
    Ok(d)
}

/// Weighted product: `{"scores", "rank"}` (`NumPy` arrays). Options: `normalisation`.
#[pyfunction]
#[pyo3(signature = (matrix, weights, types, **kwargs))]
pub(crate) fn weighted_product_array<'py>(
    py: Python<'py>,
    matrix: PyReadonlyArray2<'py, f64>,
    weights: PyReadonlyArray1<'py, f64>,
    types: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let (t, p): (_, st::WeightedParams) = (criterion_types(types)?, params(kwargs)?);
    let r = st::weighted_product(matrix.as_array(), weights.as_array(), &t, &p).map_err(to_py_err)?;
    let d = dict(py);
    d.set_item("scores", r.scores.into_pyarray(py))?;
    d.set_item("rank", ranks(r.rank).into_pyarray(py))?;
    Ok(d)
}

/// TOPSIS: `{"closeness", "d_plus", "d_minus", "rank"}` (`NumPy` arrays). Options: `normalisation`.
#[pyfunction]
#[pyo3(signature = (matrix, weights, types, **kwargs))]
pub(crate) fn topsis_array<'py>(
    py: Python<'py>,
    matrix: PyReadonlyArray2<'py, f64>,
    weights: PyReadonlyArray1<'py, f64>,
    types: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let (t, p): (_, st::TopsisParams) = (criterion_types(types)?, params(kwargs)?);
    let r = st::topsis(matrix.as_array(), weights.as_array(), &t, &p).map_err(to_py_err)?;
    let d = dict(py);
    d.set_item("closeness", r.closeness.into_pyarray(py))?;
    d.set_item("d_plus", r.d_plus.into_pyarray(py))?;
    d.set_item("d_minus", r.d_minus.into_pyarray(py))?;
    d.set_item("rank", ranks(r.rank).into_pyarray(py))?;
    Ok(d)
}

/// VIKOR: `{"s", "r", "q", "rank", "rank_s", "rank_r", "dq", "acceptable_advantage",
/// "acceptable_stability", "compromise"}`. Options: `v`.
#[pyfunction]
#[pyo3(signature = (matrix, weights, types, **kwargs))]
pub(crate) fn vikor_array<'py>(
    py: Python<'py>,
    matrix: PyReadonlyArray2<'py, f64>,
    weights: PyReadonlyArray1<'py, f64>,
    types: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let (t, p): (_, st::VikorParams) = (criterion_types(types)?, params(kwargs)?);
    let r = st::vikor(matrix.as_array(), weights.as_array(), &t, &p).map_err(to_py_err)?;
    let d = dict(py);
    d.set_item("s", r.s.into_pyarray(py))?;
    d.set_item("r", r.r.into_pyarray(py))?;
    d.set_item("q", r.q.into_pyarray(py))?;
    d.set_item("rank", ranks(r.rank).into_pyarray(py))?;
    d.set_item("rank_s", ranks(r.rank_s).into_pyarray(py))?;
    d.set_item("rank_r", ranks(r.rank_r).into_pyarray(py))?;
    d.set_item("dq", r.dq)?;
    d.set_item("acceptable_advantage", r.acceptable_advantage)?;
    d.set_item("acceptable_stability", r.acceptable_stability)?;
    d.set_item("compromise", r.compromise)?;
    Ok(d)
}

/// PROMETHEE II: `{"phi_plus", "phi_minus", "phi_net", "rank", "pi"}` (`pi` a 2-D array or
/// `None`). Options: `functions`, `q`, `p`, `s`, `pairwise`. Releases the GIL.
#[pyfunction]
#[pyo3(signature = (matrix, weights, types, **kwargs))]
pub(crate) fn promethee_ii_array<'py>(
    py: Python<'py>,
    matrix: PyReadonlyArray2<'py, f64>,
    weights: PyReadonlyArray1<'py, f64>,
    types: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let (t, p): (_, st::PrometheeParams) = (criterion_types(types)?, params(kwargs)?);
    let (x, w) = (matrix.as_array(), weights.as_array());
    let r = py.detach(|| st::promethee_ii(x, w, &t, &p)).map_err(to_py_err)?;
    let d = dict(py);
    d.set_item("phi_plus", r.phi_plus.into_pyarray(py))?;
    d.set_item("phi_minus", r.phi_minus.into_pyarray(py))?;
    d.set_item("phi_net", r.phi_net.into_pyarray(py))?;
    d.set_item("rank", ranks(r.rank).into_pyarray(py))?;
    match r.pi {
        Some(pi) => {
            let n = pi.len();
            let flat: Vec<f64> = pi.concat();
            let arr = numpy::ndarray::Array2::from_shape_vec((n, n), flat)
                .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
            d.set_item("pi", arr.into_pyarray(py))?;
        }
        None => d.set_item("pi", py.None())?,
    }
    Ok(d)
}

/// The normalised decision matrix (`NumPy` array). `method` as `Normalisation`.
#[pyfunction]
#[pyo3(signature = (matrix, types, method = "vector".to_owned()))]
pub(crate) fn normalise_array<'py>(
    py: Python<'py>,
    matrix: PyReadonlyArray2<'py, f64>,
    types: &Bound<'py, PyAny>,
    method: String,
) -> PyResult<Bound<'py, numpy::PyArray2<f64>>> {
    let t = criterion_types(types)?;
    let m: st::Normalisation = from_py("method", &method.into_pyobject(py)?.into_any())?;
    Ok(st::normalise(matrix.as_array(), &t, m).map_err(to_py_err)?.into_pyarray(py))
}

/// AHP weights and consistency of a pairwise comparison matrix (dict). Options: `method`,
/// `random_index`, `threshold`, `reciprocity_tolerance`.
#[pyfunction]
#[pyo3(signature = (matrix, **kwargs))]
pub(crate) fn ahp_array<'py>(
    py: Python<'py>,
    matrix: PyReadonlyArray2<'py, f64>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: st::AhpParams = params(kwargs)?;
    to_py(py, &st::ahp(matrix.as_array(), &p).map_err(to_py_err)?)
}

/// Exact one-at-a-time weight breakpoints (dict). Options: `method`, `normalisation`.
#[pyfunction]
#[pyo3(signature = (matrix, weights, types, **kwargs))]
pub(crate) fn weight_breakpoints_array<'py>(
    py: Python<'py>,
    matrix: PyReadonlyArray2<'py, f64>,
    weights: PyReadonlyArray1<'py, f64>,
    types: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (t, p): (_, st::BreakpointParams) = (criterion_types(types)?, params(kwargs)?);
    to_py(py, &st::weight_breakpoints(matrix.as_array(), weights.as_array(), &t, &p).map_err(to_py_err)?)
}

/// SMAA-2: `{"rank_acceptability"` (2-D array), `"central_weights"` (2-D array, NaN rows for
/// options never first), `"confidence"`, `"holistic"`, `"samples"`, `"max_standard_error"}`.
/// Options as `SmaaParams`. Releases the GIL; `progress(done, total)` is called as
/// samples are drawn.
#[pyfunction]
#[pyo3(signature = (matrix, types, progress = None, **kwargs))]
pub(crate) fn smaa_array<'py>(
    py: Python<'py>,
    matrix: PyReadonlyArray2<'py, f64>,
    types: &Bound<'py, PyAny>,
    progress: Option<Py<PyAny>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let (t, p): (_, st::SmaaParams) = (criterion_types(types)?, params(kwargs)?);
    let x = matrix.as_array();
    let reporter = PyProgress::new(progress);
    let r = py.detach(|| st::smaa_with_progress(x, &t, &p, &reporter));
    let r = reporter.finish(r)?.map_err(to_py_err)?;
    let (n, m) = x.dim();
    let acc = numpy::ndarray::Array2::from_shape_fn((n, n), |(i, k)| r.rank_acceptability[i][k]);
    let cw = numpy::ndarray::Array2::from_shape_fn((n, m), |(i, j)| {
        r.central_weights[i].as_ref().map_or(f64::NAN, |w| w[j])
    });
    let d = dict(py);
    d.set_item("rank_acceptability", acc.into_pyarray(py))?;
    d.set_item("central_weights", cw.into_pyarray(py))?;
    d.set_item(
        "confidence",
        r.confidence.iter().map(|c| c.unwrap_or(f64::NAN)).collect::<Vec<f64>>().into_pyarray(py),
    )?;
    d.set_item("holistic", r.holistic.into_pyarray(py))?;
    d.set_item("samples", r.samples)?;
    d.set_item("max_standard_error", r.max_standard_error)?;
    Ok(d)
}

/// Decision rules under scenarios on a payoff matrix (dict). Options: `probabilities`,
/// `hurwicz_alpha`.
#[pyfunction]
#[pyo3(signature = (payoff, **kwargs))]
pub(crate) fn scenario_rules_array<'py>(
    py: Python<'py>,
    payoff: PyReadonlyArray2<'py, f64>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: st::ScenarioRulesParams = params(kwargs)?;
    to_py(py, &st::scenario_rules(payoff.as_array(), &p).map_err(to_py_err)?)
}

/// Achievement rate `(actual - baseline) / (target - baseline)`, `None` when target equals
/// baseline.
#[pyfunction]
pub(crate) fn achievement_rate(baseline: f64, target: f64, actual: f64) -> Option<f64> {
    st::achievement_rate(baseline, target, actual)
}

/// The target scoreboard of a strategy (dict). Options: `as_of`, `tolerance`, `risk_margin`.
#[pyfunction]
#[pyo3(signature = (dataset, strategy, **kwargs))]
pub(crate) fn strategy_scoreboard<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    strategy: &str,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: st::MonitoringParams = params(kwargs)?;
    let ds = &dataset.get().inner;
    to_py(py, &py.detach(|| st::scoreboard(ds, strategy, &p)).map_err(to_py_err)?)
}

/// Two-period difference-in-differences of a list of `{unit, time, outcome, treated}` dicts.
/// Options: `level`, `tolerance`, `max_iterations`.
#[pyfunction]
#[pyo3(signature = (observations, **kwargs))]
pub(crate) fn did_two_period<'py>(
    py: Python<'py>,
    observations: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let obs: Vec<st::DidObservation> = from_py("observations", observations)?;
    let p: st::DidPanelParams = params(kwargs)?;
    to_py(py, &st::did_two_period(&obs, &p).map_err(to_py_err)?)
}

/// Two-way fixed-effects difference-in-differences with cluster-robust standard errors.
/// Options: `level`, `tolerance`, `max_iterations`. Releases the GIL.
#[pyfunction]
#[pyo3(signature = (observations, **kwargs))]
pub(crate) fn did_panel<'py>(
    py: Python<'py>,
    observations: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let obs: Vec<st::DidObservation> = from_py("observations", observations)?;
    let p: st::DidPanelParams = params(kwargs)?;
    to_py(py, &py.detach(|| st::did_panel(&obs, &p)).map_err(to_py_err)?)
}

/// Before/after comparison around `cut` of a list of `{unit, time, outcome, treated}` dicts.
#[pyfunction]
pub(crate) fn before_after<'py>(
    py: Python<'py>,
    observations: &Bound<'py, PyAny>,
    cut: i32,
) -> PyResult<Bound<'py, PyAny>> {
    let obs: Vec<st::DidObservation> = from_py("observations", observations)?;
    to_py(py, &st::before_after(&obs, cut).map_err(to_py_err)?)
}

/// The pilot-evaluation panel of a dataset (list of dicts). Options: `programme`,
/// `indicator`, `log`.
#[pyfunction]
#[pyo3(signature = (dataset, **kwargs))]
pub(crate) fn pilot_panel<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: st::PilotPanelParams = params(kwargs)?;
    to_py(py, &st::pilot_panel(&dataset.get().inner, &p).map_err(to_py_err)?)
}

/// Structural distances between regions (dict). `dimensions`: list of `{name, variables,
/// weight}` dicts, or `None` for one dimension per variable.
#[pyfunction]
#[pyo3(signature = (data, regions, variables, dimensions = None))]
pub(crate) fn peer_distances_array<'py>(
    py: Python<'py>,
    data: PyReadonlyArray2<'py, f64>,
    regions: Vec<String>,
    variables: Vec<String>,
    dimensions: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let m =
        clusterpolicy::model::LabelledMatrix::new(regions, variables, data.as_array().to_owned()).map_err(to_py_err)?;
    let dims: Vec<st::Dimension> = match dimensions {
        Some(d) if !d.is_none() => from_py("dimensions", d)?,
        _ => Vec::new(),
    };
    to_py(py, &st::peer_distances(&m, &st::PeerParams { dimensions: dims }).map_err(to_py_err)?)
}

/// The `k` nearest peers of `region` in a result of `peer_distances` (list of dicts).
#[pyfunction]
pub(crate) fn nearest_peers<'py>(
    py: Python<'py>,
    distances: &Bound<'py, PyAny>,
    region: &str,
    k: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let d: st::PeerDistances = from_py("distances", distances)?;
    to_py(py, &st::nearest_peers(&d, region, k).map_err(to_py_err)?)
}

/// Structural profiles of a dataset's regions: `(values, regions, variables, dimensions)`.
#[pyfunction]
#[pyo3(signature = (dataset, year = None))]
#[allow(clippy::type_complexity)]
pub(crate) fn region_profiles<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    year: Option<i32>,
) -> PyResult<(Bound<'py, numpy::PyArray2<f64>>, Vec<String>, Vec<String>, Bound<'py, PyAny>)> {
    let (m, dims) = st::region_profiles(&dataset.get().inner, &st::ProfileParams { year }).map_err(to_py_err)?;
    let dims = to_py(py, &dims)?;
    let (rows, cols, values) = m.into_parts();
    Ok((values.into_pyarray(py), rows, cols, dims))
}

/// Pools evidence records (list of dicts in the dataset's `evidence` form) into one effect.
/// `prior`: `(mean, sd)` or `None`. Options: `quality_weights`, `missing_se`.
#[pyfunction]
#[pyo3(signature = (evidence, prior = None, **kwargs))]
pub(crate) fn pool_evidence<'py>(
    py: Python<'py>,
    evidence: &Bound<'py, PyAny>,
    prior: Option<(f64, f64)>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let ev: Vec<clusterpolicy::model::Evidence> = from_py("evidence", evidence)?;
    let p: st::PoolingParams = params(kwargs)?;
    to_py(py, &st::pool_evidence(&ev, prior, &p).map_err(to_py_err)?)
}

/// Evidence-updated effects and ranking of a strategy's measures (dict). Options as
/// `EvidenceFeedbackParams`.
#[pyfunction]
#[pyo3(signature = (dataset, strategy, **kwargs))]
pub(crate) fn evidence_feedback<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    strategy: &str,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: st::EvidenceFeedbackParams = params(kwargs)?;
    let ds = &dataset.get().inner;
    to_py(py, &py.detach(|| st::evidence_feedback(ds, strategy, &p)).map_err(to_py_err)?)
}

/// Knowledge-hub items for a region, ranked and explained (list of dicts). Options as
/// `HubParams`.
#[pyfunction]
#[pyo3(signature = (dataset, region, **kwargs))]
pub(crate) fn knowledge_hub<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    region: &str,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: st::HubParams = params(kwargs)?;
    let ds = &dataset.get().inner;
    to_py(py, &py.detach(|| st::knowledge_hub(ds, region, &p)).map_err(to_py_err)?)
}

/// Payoffs of a strategy's measures under the dataset's scenarios (dict). Options:
/// `indicator`, `effects`, `cost_per_unit`.
#[pyfunction]
#[pyo3(signature = (dataset, strategy, **kwargs))]
pub(crate) fn scenario_payoffs<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    strategy: &str,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: st::ScenarioPayoffParams = params(kwargs)?;
    to_py(py, &st::scenario_payoffs(&dataset.get().inner, strategy, &p).map_err(to_py_err)?)
}

/// Monitoring of a programme (dict). Options: `as_of` (ISO date), `deviation_threshold`,
/// `reach_threshold`.
#[pyfunction]
#[pyo3(signature = (dataset, programme, **kwargs))]
pub(crate) fn programme_monitoring<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    programme: &str,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: st::ProgrammeParams = params(kwargs)?;
    let ds = &dataset.get().inner;
    to_py(py, &py.detach(|| st::programme_monitoring(ds, programme, &p)).map_err(to_py_err)?)
}

/// Monitoring of one project (dict). Options as `programme_monitoring`.
#[pyfunction]
#[pyo3(signature = (dataset, project, **kwargs))]
pub(crate) fn project_monitoring<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    project: &str,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: st::ProgrammeParams = params(kwargs)?;
    to_py(py, &st::project_monitoring(&dataset.get().inner, project, &p).map_err(to_py_err)?)
}

/// The strategy section of the report (dict). Releases the GIL.
#[pyfunction]
pub(crate) fn strategy_summary<'py>(py: Python<'py>, dataset: &Bound<'py, PyDataset>) -> PyResult<Bound<'py, PyAny>> {
    let ds = &dataset.get().inner;
    to_py(py, &py.detach(|| st::summarise(ds)).map_err(to_py_err)?)
}
