//! The embedded synthetic dataset (core `clusterpolicy::sample`).

use clusterpolicy::sample::{SampleParams, generate, south_east_europe};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::conversion::FromKwargs;
use crate::error::to_py_err;
use crate::model::PyDataset;

/// The synthetic dataset of the South-East Europe programme area: real geography and
/// activity classification, seeded synthetic actors, clusters, projects, strategies,
/// observations, evidence and scenarios. Releases the GIL while generating.
///
/// Without arguments it is the default dataset, the same on every call. Keyword arguments
/// change the generation parameters (any subset): `seed`, `years`, `concentration`,
/// `clusters`, `other_actors`, `projects`, `danube_programme`, `cluster_strategies`,
/// `evidence`, `scenarios`.
///
/// Raises `InvalidParameterError` for an unknown parameter or a value outside its range.
///
/// ```python
/// >>> import clusterpolicy as cp
/// >>> ds = cp.sample_dataset()
/// >>> ds.synthetic, ds.validate().is_valid
/// (True, True)
/// >>> cp.sample_dataset(seed=7, projects=5).counts["projects"]
/// 5
///
/// ```
#[pyfunction]
#[pyo3(signature = (**params))]
pub(crate) fn sample_dataset(py: Python<'_>, params: Option<&Bound<'_, PyDict>>) -> PyResult<PyDataset> {
    let dataset = match params {
        None => py.detach(south_east_europe),
        Some(kwargs) => {
            let params = SampleParams::from_kwargs(kwargs).map_err(to_py_err)?;
            py.detach(|| generate(&params)).map_err(to_py_err)?
        }
    };
    Ok(dataset.into())
}
