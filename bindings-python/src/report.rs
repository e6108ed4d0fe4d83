//! The report of the main job (core `clusterpolicy::report`).

use clusterpolicy::report::Report;
use pyo3::prelude::*;

use crate::conversion::ToPython;
use crate::model::PyDataset;

/// The report of a dataset as a dict: its summary (entity counts, counts by country and
/// helix kind, programme area coverage) and its validation findings.
///
/// Never fails: an invalid dataset is summarised as far as it goes and its problems are
/// listed under `"validation"`. Releases the GIL while the report is built.
///
/// ```python
/// >>> import clusterpolicy as cp
/// >>> r = cp.report(cp.Dataset.from_json('{"name": "tiny"}'))
/// >>> r["summary"]["name"], r["validation"]["problems"]
/// ('tiny', [])
///
/// ```
#[pyfunction]
pub(crate) fn report<'py>(py: Python<'py>, dataset: &Bound<'py, PyDataset>) -> PyResult<Bound<'py, PyAny>> {
    let ds = &dataset.get().inner;
    py.detach(|| Report::build(ds)).to_python(py)
}

/// The report of a dataset as one self-contained HTML page (inline CSS, no scripts, no
/// external resources). Releases the GIL.
///
/// ```python
/// >>> import clusterpolicy as cp
/// >>> html = cp.report_html(cp.Dataset.from_json('{"name": "tiny"}'))
/// >>> html.startswith("<!DOCTYPE html>")
/// True
///
/// ```
#[pyfunction]
pub(crate) fn report_html(py: Python<'_>, dataset: &Bound<'_, PyDataset>) -> String {
    let ds = &dataset.get().inner;
    py.detach(|| Report::build(ds).to_html())
}
