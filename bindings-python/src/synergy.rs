//! Synergy scoring and partner matchmaking (core `clusterpolicy::synergy`).
//!
//! The functions (prefixed `syn_` in the native module, re-exported with plain names by the
//! facade `clusterpolicy.synergy`) each convert their arguments, call one core function with
//! the GIL released and return the serde form of the core result (dicts, lists, numbers).
//! The bare count table of `syn_triple_helix_values` crosses as a 3-D float64 `NumPy` array
//! without a copy; labelled tables (`ThreeWayTable`), subjects (`{"kind", "id"}`) and actor
//! matchings cross in their serde form. Options are keyword arguments read into the core
//! `XxxParams` structs, so an unknown or mistyped option raises `InvalidParameterError`
//! naming it and, for a choice, listing the allowed values. A specialisation matrix (region x
//! activity, e.g. RCA) crosses as `(rows, cols, values)`.

// pyo3 extracts the arguments by value.
#![allow(clippy::needless_pass_by_value)]

use std::collections::BTreeMap;

use clusterpolicy::model::{LabelledMatrix, SubjectRef};
use clusterpolicy::synergy as sy;
use clusterpolicy::{Dataset, Error};
use numpy::{PyReadonlyArray2, PyReadonlyArray3};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::conversion::{from_py, kwargs_params as params, params_from_kwargs, to_py};
use crate::error::to_py_err;
use crate::model::PyDataset;

/// A region x activity matrix as `(rows, cols, values)`.
type Specialisation<'py> = (Vec<String>, Vec<String>, PyReadonlyArray2<'py, f64>);

fn matrix(spec: Option<Specialisation<'_>>) -> PyResult<Option<LabelledMatrix>> {
    spec.map(|(rows, cols, values)| LabelledMatrix::new(rows, cols, values.as_array().to_owned()).map_err(to_py_err))
        .transpose()
}

/// Triple Helix entropies and mutual informations (bits) of a `u x i x g` counts array.
#[pyfunction]
pub(crate) fn syn_triple_helix_values<'py>(
    py: Python<'py>,
    counts: PyReadonlyArray3<'py, f64>,
) -> PyResult<Bound<'py, PyAny>> {
    let view = counts.as_array();
    let th = py.detach(|| sy::triple_helix_values(view)).map_err(to_py_err)?;
    to_py(py, &th)
}

/// The helix x activity x geography table of a dataset (serde form of `ThreeWayTable`).
/// Options: `geography`, `activity_level`, `counting`, `unit`, `window`, `programmes`.
#[pyfunction]
#[pyo3(signature = (dataset, **kwargs))]
pub(crate) fn syn_triple_helix_table<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: sy::TripleHelixParams = params(kwargs)?;
    let ds = &dataset.get().inner;
    let t = py.detach(|| sy::triple_helix_table(ds, &p)).map_err(to_py_err)?;
    to_py(py, &t)
}

/// Triple Helix values of a labelled table (serde form of `ThreeWayTable`).
#[pyfunction]
pub(crate) fn syn_triple_helix<'py>(py: Python<'py>, table: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let t: sy::ThreeWayTable = from_py("table", table)?;
    let th = py.detach(|| sy::triple_helix(&t)).map_err(to_py_err)?;
    to_py(py, &th)
}

/// Triple Helix values with bootstrap intervals. Options: `replicates`, `seed`,
/// `confidence`, `method` (`basic`, `percentile`).
#[pyfunction]
#[pyo3(signature = (table, **kwargs))]
pub(crate) fn syn_triple_helix_bootstrap<'py>(
    py: Python<'py>,
    table: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let t: sy::ThreeWayTable = from_py("table", table)?;
    let p: sy::BootstrapParams = params(kwargs)?;
    let b = py.detach(|| sy::triple_helix_bootstrap(&t, &p)).map_err(to_py_err)?;
    to_py(py, &b)
}

/// Decomposition of `T_uig` of a table by groups of its geographical units (`groups`: unit
/// -> group); `bootstrap` (a dict of bootstrap options, `{}` for the defaults) adds intervals.
#[pyfunction]
#[pyo3(signature = (table, groups, bootstrap = None))]
pub(crate) fn syn_decompose<'py>(
    py: Python<'py>,
    table: &Bound<'py, PyAny>,
    groups: BTreeMap<String, String>,
    bootstrap: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let t: sy::ThreeWayTable = from_py("table", table)?;
    let b: Option<sy::BootstrapParams> = bootstrap.map(|b| from_py("bootstrap", b)).transpose()?;
    let d = py.detach(|| sy::decompose(&t, &groups, b.as_ref())).map_err(to_py_err)?;
    to_py(py, &d)
}

/// The Triple Helix decomposition of a dataset by country (or higher-level region).
/// Options: `table`, `groups`, `bootstrap`.
#[pyfunction]
#[pyo3(signature = (dataset, **kwargs))]
pub(crate) fn syn_triple_helix_decomposition<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: sy::DecompositionParams = params(kwargs)?;
    let ds = &dataset.get().inner;
    let d = py.detach(|| sy::triple_helix_decomposition(ds, &p)).map_err(to_py_err)?;
    to_py(py, &d)
}

/// The proximity options, checked, in their full serde form.
#[pyfunction]
#[pyo3(signature = (**kwargs))]
pub(crate) fn syn_proximity_params<'py>(
    py: Python<'py>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: sy::ProximityParams = params(kwargs)?;
    to_py(py, p.check().map_err(to_py_err)?)
}

/// Proximity synergy of two subjects (`{"kind", "id"}`). Options: `ProximityParams`.
#[pyfunction]
#[pyo3(signature = (dataset, a, b, **kwargs))]
pub(crate) fn syn_proximity<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (a, b): (SubjectRef, SubjectRef) = (from_py("a", a)?, from_py("b", b)?);
    let p: sy::ProximityParams = params(kwargs)?;
    let ds = &dataset.get().inner;
    let r = py.detach(|| sy::proximity(ds, &a, &b, &p)).map_err(to_py_err)?;
    to_py(py, &r)
}

/// Proximity synergy of many pairs of subjects on one `SynergyContext` (built once).
#[pyfunction]
#[pyo3(signature = (dataset, pairs, **kwargs))]
pub(crate) fn syn_context_proximities<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    pairs: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let pairs: Vec<(SubjectRef, SubjectRef)> = from_py("pairs", pairs)?;
    let p: sy::ProximityParams = params(kwargs)?;
    let ds: &Dataset = &dataset.get().inner;
    let r = py
        .detach(|| {
            let ctx = sy::SynergyContext::new(ds, &p)?;
            pairs.iter().map(|(a, b)| ctx.proximity(a, b)).collect::<Result<Vec<_>, Error>>()
        })
        .map_err(to_py_err)?;
    to_py(py, &r)
}

/// Proximity synergy between every pair of subjects. Options: `ProximityParams`.
#[pyfunction]
#[pyo3(signature = (dataset, subjects, **kwargs))]
pub(crate) fn syn_proximity_matrix<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    subjects: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let s: Vec<SubjectRef> = from_py("subjects", subjects)?;
    let p: sy::ProximityParams = params(kwargs)?;
    let ds = &dataset.get().inner;
    let r = py.detach(|| sy::proximity_matrix(ds, &s, &p)).map_err(to_py_err)?;
    to_py(py, &r)
}

/// Ranked partner candidates for each subject. Options: `MatchParams`.
#[pyfunction]
#[pyo3(signature = (dataset, subjects, **kwargs))]
pub(crate) fn syn_match_partners<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    subjects: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let s: Vec<SubjectRef> = from_py("subjects", subjects)?;
    let p: sy::MatchParams = params(kwargs)?;
    let ds = &dataset.get().inner;
    let r = py.detach(|| sy::match_partners(ds, &s, &p)).map_err(to_py_err)?;
    to_py(py, &r)
}

/// Joint priorities of regions. Options: `JointPriorityParams`.
#[pyfunction]
#[pyo3(signature = (dataset, specialisation = None, **kwargs))]
pub(crate) fn syn_joint_priorities<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    specialisation: Option<Specialisation<'py>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let m = matrix(specialisation)?;
    let p: sy::JointPriorityParams = params(kwargs)?;
    let ds = &dataset.get().inner;
    let r = py.detach(|| sy::joint_priorities(ds, m.as_ref(), &p)).map_err(to_py_err)?;
    to_py(py, &r)
}

/// The members of a transnational initiative (greedy submodular selection). Options:
/// `InitiativeParams`.
#[pyfunction]
#[pyo3(signature = (dataset, specialisation = None, **kwargs))]
pub(crate) fn syn_design_initiative<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    specialisation: Option<Specialisation<'py>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let m = matrix(specialisation)?;
    let p: sy::InitiativeParams = params(kwargs)?;
    let ds = &dataset.get().inner;
    let r = py.detach(|| sy::design_initiative(ds, m.as_ref(), &p)).map_err(to_py_err)?;
    to_py(py, &r)
}

/// The objective values of given member sets. Options: `InitiativeParams`.
#[pyfunction]
#[pyo3(signature = (dataset, sets, specialisation = None, **kwargs))]
pub(crate) fn syn_evaluate_initiatives<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    sets: &Bound<'py, PyAny>,
    specialisation: Option<Specialisation<'py>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let sets: Vec<Vec<SubjectRef>> = from_py("sets", sets)?;
    let m = matrix(specialisation)?;
    let p: sy::InitiativeParams = params(kwargs)?;
    let ds = &dataset.get().inner;
    let r = py.detach(|| sy::evaluate_initiatives(ds, m.as_ref(), &sets, &p)).map_err(to_py_err)?;
    to_py(py, &r)
}

/// Synergy and network measures before and after, with bootstrap intervals. Options:
/// `ImpactParams` (`before` and `after` required).
#[pyfunction]
#[pyo3(signature = (dataset, **kwargs))]
pub(crate) fn syn_synergy_impact<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let empty = PyDict::new(py);
    let p: sy::ImpactParams = params_from_kwargs(kwargs.unwrap_or(&empty)).map_err(to_py_err)?;
    let ds = &dataset.get().inner;
    let r = py.detach(|| sy::synergy_impact(ds, &p)).map_err(to_py_err)?;
    to_py(py, &r)
}

/// The actors of two datasets matched one to one (by id, then by name and country).
#[pyfunction]
pub(crate) fn syn_match_actors<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyDataset>,
    b: &Bound<'py, PyDataset>,
) -> PyResult<Bound<'py, PyAny>> {
    let (a, b) = (&a.get().inner, &b.get().inner);
    let m = py.detach(|| sy::match_actors(a, b));
    to_py(py, &m)
}

/// Held-out evaluation of the partner recommendations. Options: `HeldOutParams`.
#[pyfunction]
#[pyo3(signature = (before, after, matching, **kwargs))]
pub(crate) fn syn_heldout_evaluation<'py>(
    py: Python<'py>,
    before: &Bound<'py, PyDataset>,
    after: &Bound<'py, PyDataset>,
    matching: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let m: sy::ActorMatching = from_py("matching", matching)?;
    let p: sy::HeldOutParams = params(kwargs)?;
    let (a, b) = (&before.get().inner, &after.get().inner);
    let r = py.detach(|| sy::heldout_evaluation(a, b, &m, &p)).map_err(to_py_err)?;
    to_py(py, &r)
}

/// The synergy section of the report.
#[pyfunction]
#[pyo3(signature = (dataset, specialisation = None))]
pub(crate) fn syn_summarise<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    specialisation: Option<Specialisation<'py>>,
) -> PyResult<Bound<'py, PyAny>> {
    let m = matrix(specialisation)?;
    let ds = &dataset.get().inner;
    let r = py.detach(|| sy::summarise(ds, m.as_ref())).map_err(to_py_err)?;
    to_py(py, &r)
}
