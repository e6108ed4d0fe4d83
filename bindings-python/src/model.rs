//! The data model (core `clusterpolicy::model`): `Dataset`, `ValidationReport`, `Problem`.
//!
//! Each method converts its arguments, calls one core function, converts the result and
//! maps the error. Parsing, serialising and validating release the GIL, so several threads
//! can work on large documents at once.

use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use clusterpolicy::model::{Problem as CoreProblem, ProblemKind, Severity, ValidationReport as CoreReport};
use clusterpolicy::{Dataset as CoreDataset, Error};
use pyo3::exceptions::PyIndexError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyDict, PyIterator, PyList, PyString, PyType};

use crate::conversion::{FromPython, ToPython, WireName};
use crate::error::to_py_err;

/// A JSON text given from Python: `str`, or UTF-8 `bytes` / `bytearray`.
#[derive(FromPyObject)]
pub(crate) enum JsonText {
    /// A `str`.
    Str(PyBackedStr),
    /// `bytes` or `bytearray`, UTF-8.
    Bytes(PyBackedBytes),
}

/// Everything the knowledge platform knows, as one JSON document: regions, activities,
/// actors, clusters, programmes and projects, indicators, strategies, observations,
/// evidence and scenarios.
///
/// A Dataset is immutable. Build one with `Dataset.from_json`, `Dataset.from_dict` or
/// `Dataset.read_json`; get the document back with `to_json`, `to_dict` or `write_json`.
/// Entities refer to each other by id; `validate()` checks every reference and reports
/// every problem with its path. Datasets compare equal when their documents are equal,
/// and pickle through their JSON form (NaN and infinities travel as JSON null).
///
/// ```python
/// >>> import clusterpolicy as cp
/// >>> ds = cp.Dataset.from_json('{"name": "tiny", "regions": '
/// ...     '[{"id": "SI04", "name": "Zahodna Slovenija", "country": "SI"}]}')
/// >>> ds
/// Dataset(name='tiny', regions=1)
/// >>> ds.validate().is_valid
/// True
/// >>> cp.Dataset.from_json(ds.to_json()) == ds
/// True
///
/// ```
#[pyclass(module = "clusterpolicy", name = "Dataset", frozen, eq)]
#[derive(PartialEq)]
pub(crate) struct PyDataset {
    pub(crate) inner: CoreDataset,
}

impl From<CoreDataset> for PyDataset {
    fn from(inner: CoreDataset) -> Self {
        Self { inner }
    }
}

impl PyDataset {
    /// The collections of the document with their lengths, in document order.
    fn collections(&self) -> [(&'static str, usize); 13] {
        let d = &self.inner;
        [
            ("countries", d.countries.len()),
            ("regions", d.regions.len()),
            ("activities", d.activities.len()),
            ("actors", d.actors.len()),
            ("clusters", d.clusters.len()),
            ("programmes", d.programmes.len()),
            ("projects", d.projects.len()),
            ("indicators", d.indicators.len()),
            ("strategies", d.strategies.len()),
            ("observations", d.observations.len()),
            ("evidence", d.evidence.len()),
            ("scenarios", d.scenarios.len()),
            ("attributes", d.attributes.len()),
        ]
    }
}

#[pymethods]
impl PyDataset {
    /// An empty dataset with a name.
    #[new]
    fn new(name: String) -> Self {
        CoreDataset::new(name).into()
    }

    /// Parses a dataset from its JSON text (`str` or UTF-8 `bytes`), releasing the GIL.
    ///
    /// Unknown fields are rejected, so that a misspelt field is not silently dropped. A
    /// `null` where a required number belongs is read as NaN, which `validate()` reports.
    ///
    /// Raises `JsonError` (with `line` and `column`) when the text is not a dataset.
    #[classmethod]
    fn from_json(cls: &Bound<'_, PyType>, s: JsonText) -> PyResult<Self> {
        let parsed = cls.py().detach(|| match &s {
            JsonText::Str(text) => CoreDataset::from_json(text),
            JsonText::Bytes(bytes) => CoreDataset::from_json_slice(bytes),
        });
        drop(s); // release the Python string while attached
        parsed.map(Self::from).map_err(to_py_err)
    }

    /// Builds a dataset from a dict of the same shape as the JSON document.
    ///
    /// Floats are taken as they are: `float("nan")` reaches `validate()` as NaN.
    ///
    /// Raises `JsonError` (with `line` and `column` 0) when the dict is not a dataset.
    #[classmethod]
    fn from_dict(_cls: &Bound<'_, PyType>, d: &Bound<'_, PyAny>) -> PyResult<Self> {
        CoreDataset::from_python(d).map(Self::from).map_err(to_py_err)
    }

    /// Reads a dataset from a JSON file, releasing the GIL.
    ///
    /// Raises `IoError` (also an `OSError`) when the file cannot be read, `JsonError` when it
    /// does not parse.
    #[classmethod]
    fn read_json(cls: &Bound<'_, PyType>, path: PathBuf) -> PyResult<Self> {
        cls.py().detach(|| CoreDataset::read_json_file(path)).map(Self::from).map_err(to_py_err)
    }

    /// Writes the indented JSON form to a file, releasing the GIL.
    ///
    /// Raises `IoError` (also an `OSError`) when the file cannot be written.
    fn write_json(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        py.detach(|| self.inner.write_json_file(path)).map_err(to_py_err)
    }

    /// The JSON text, compact or indented by two spaces, releasing the GIL.
    ///
    /// Numbers are written in the shortest form that reads back to the same float, so
    /// `Dataset.from_json(d.to_json()) == d` for every dataset with finite numbers; NaN and
    /// infinities are written as `null`.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, py: Python<'_>, pretty: bool) -> String {
        py.detach(|| if pretty { self.inner.to_json_pretty() } else { self.inner.to_json() })
    }

    /// The document as a dict (the same shape as the JSON; NaN stays NaN).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.inner.to_python(py)
    }

    /// Checks every reference, id, amount, date and share, releasing the GIL, and returns
    /// all problems at once, each with its path into the document.
    fn validate(&self, py: Python<'_>) -> ValidationReport {
        py.detach(|| self.inner.validate()).into()
    }

    /// Returns this dataset if it is valid.
    ///
    /// Raises `ValidationError`, whose `problems` lists every problem, otherwise.
    fn validated<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, Self>> {
        let inner = &slf.get().inner;
        let report = slf.py().detach(|| inner.validate());
        if report.is_valid() { Ok(slf.clone()) } else { Err(to_py_err(Error::Invalid { report })) }
    }

    /// The JSON Schema (draft 2020-12) of the dataset document, as a dict.
    #[staticmethod]
    fn json_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        CoreDataset::json_schema().to_python(py)
    }

    /// Name of the dataset.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }

    /// What the dataset holds and where it comes from, or None.
    #[getter]
    fn description(&self) -> Option<&str> {
        self.inner.description.as_deref()
    }

    /// True when the data are synthetic (generated), not observed.
    #[getter]
    fn synthetic(&self) -> bool {
        self.inner.synthetic
    }

    /// Number of entries of each collection, in document order: countries, regions,
    /// activities, actors, clusters, programmes, projects, indicators, strategies,
    /// observations, evidence, scenarios and attributes.
    #[getter]
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (name, n) in self.collections() {
            d.set_item(name, n)?;
        }
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut s = format!("Dataset(name={}", PyString::new(py, &self.inner.name).repr()?);
        if self.inner.synthetic {
            s.push_str(", synthetic=True");
        }
        for (name, n) in self.collections() {
            if n > 0 {
                let _ = write!(s, ", {name}={n}");
            }
        }
        s.push(')');
        Ok(s)
    }

    /// Pickles through the JSON form: `(Dataset.from_json, (json,))`.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        let inner = &slf.get().inner;
        Ok((from_json, (slf.py().detach(|| inner.to_json()),)))
    }

    /// A Dataset is immutable: a copy is the dataset itself.
    fn __copy__<'py>(slf: &Bound<'py, Self>) -> Bound<'py, Self> {
        slf.clone()
    }

    /// A Dataset is immutable: a deep copy is the dataset itself.
    #[pyo3(signature = (_memo, /))]
    fn __deepcopy__<'py>(slf: &Bound<'py, Self>, _memo: &Bound<'py, PyAny>) -> Bound<'py, Self> {
        slf.clone()
    }
}

/// One problem found by `Dataset.validate()`.
///
/// `path` points into the JSON document (`projects[3].partners[1].actor`); `kind` is one of
/// `unknown_reference`, `duplicate_id`, `empty_id`, `non_finite`, `negative_amount`,
/// `end_before_start`, `shares_do_not_add_up`, `unknown_country_code`, `invalid_value`;
/// `severity` is `error` or `warning`; `message` names the offending value.
///
/// ```python
/// >>> from clusterpolicy import Problem
/// >>> p = Problem("actors[1].id", "duplicate_id", "error", "duplicate actor id `A1`")
/// >>> p.kind, p.severity
/// ('duplicate_id', 'error')
/// >>> Problem("x", "no_such_kind", "error", "")
/// Traceback (most recent call last):
/// ...
/// clusterpolicy.InvalidParameterError: invalid parameter `kind`: unknown variant `no_such_kind`, expected one of ...
///
/// ```
#[pyclass(module = "clusterpolicy", name = "Problem", frozen, eq, hash)]
#[derive(PartialEq, Eq)]
pub(crate) struct PyProblem {
    inner: CoreProblem,
}

impl Hash for PyProblem {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let p = &self.inner;
        (&p.path, p.kind, p.severity, &p.message).hash(state);
    }
}

#[pymethods]
impl PyProblem {
    /// A problem; `kind` and `severity` are given by name.
    ///
    /// Raises `InvalidParameterError`, listing the allowed names, for an unknown name.
    #[new]
    fn new(path: String, kind: String, severity: String, message: String) -> PyResult<Self> {
        let kind = ProblemKind::from_wire_name("kind", kind).map_err(to_py_err)?;
        let severity = Severity::from_wire_name("severity", severity).map_err(to_py_err)?;
        Ok(Self { inner: CoreProblem { path, kind, severity, message } })
    }

    /// Path into the JSON document, e.g. `projects[3].partners[1].actor`.
    #[getter]
    fn path(&self) -> &str {
        &self.inner.path
    }

    /// Kind of problem, e.g. `unknown_reference`.
    #[getter]
    fn kind(&self) -> String {
        self.inner.kind.wire_name()
    }

    /// `error` (the dataset is invalid) or `warning` (suspicious but usable).
    #[getter]
    fn severity(&self) -> String {
        self.inner.severity.wire_name()
    }

    /// Human-readable explanation naming the offending value.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// The problem as a dict with keys path, kind, severity and message.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.inner.to_python(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let p = &self.inner;
        Ok(format!(
            "Problem(path={}, kind='{}', severity='{}', message={})",
            PyString::new(py, &p.path).repr()?,
            p.kind.wire_name(),
            p.severity.wire_name(),
            PyString::new(py, &p.message).repr()?
        ))
    }

    fn __str__(&self) -> String {
        format!("{}: {} [{}]", self.inner.path, self.inner.message, self.inner.kind.wire_name())
    }

    /// Pickles as `(Problem, (path, kind, severity, message))`.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> (Bound<'py, PyType>, (String, String, String, String)) {
        let p = &slf.get().inner;
        (slf.get_type(), (p.path.clone(), p.kind.wire_name(), p.severity.wire_name(), p.message.clone()))
    }
}

/// The result of `Dataset.validate()`: every problem, in document order.
///
/// A sequence of `Problem` objects (`len`, iteration, indexing) with `is_valid` (no problem
/// of severity error), `counts()` per kind, `to_dict()`, `to_json()`, `to_pandas()`, and a
/// table in Jupyter.
///
/// ```python
/// >>> import clusterpolicy as cp
/// >>> ds = cp.Dataset.from_dict({"name": "broken", "actors": [
/// ...     {"id": "A1", "name": "One", "country": "SI", "region": "NOWHERE"},
/// ...     {"id": "A1", "name": "Two", "country": "ZZ"}]})
/// >>> report = ds.validate()
/// >>> report
/// ValidationReport(is_valid=False, errors=3, warnings=0)
/// >>> sorted((p.path, p.kind) for p in report)
/// [('actors[0].region', 'unknown_reference'), ('actors[1].country', 'unknown_country_code'), ('actors[1].id', 'duplicate_id')]
///
/// ```
#[pyclass(module = "clusterpolicy", name = "ValidationReport", frozen, eq)]
#[derive(PartialEq)]
pub(crate) struct ValidationReport {
    inner: CoreReport,
}

impl From<CoreReport> for ValidationReport {
    fn from(inner: CoreReport) -> Self {
        Self { inner }
    }
}

impl ValidationReport {
    fn count(&self, severity: Severity) -> usize {
        self.inner.problems.iter().filter(|p| p.severity == severity).count()
    }

    fn problem_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.inner.problems.iter().map(|p| PyProblem { inner: p.clone() }))
    }
}

/// Escapes text for HTML.
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[pymethods]
impl ValidationReport {
    /// A report holding the given problems.
    #[new]
    #[pyo3(signature = (problems = Vec::new()))]
    fn new(problems: Vec<Bound<'_, PyProblem>>) -> Self {
        CoreReport { problems: problems.into_iter().map(|p| p.get().inner.clone()).collect() }.into()
    }

    /// Every problem, in document order.
    #[getter]
    fn problems<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.problem_list(py)
    }

    /// True when no problem of severity error was found.
    #[getter]
    fn is_valid(&self) -> bool {
        self.inner.is_valid()
    }

    /// Number of problems of each kind that occurs, in kind order.
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (kind, n) in self.inner.counts() {
            d.set_item(kind.wire_name(), n)?;
        }
        Ok(d)
    }

    /// The report as a dict: `{"problems": [{"path": ..., "kind": ..., ...}, ...]}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.inner.to_python(py)
    }

    /// The report as JSON text, compact or indented by two spaces.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        let text = if pretty { serde_json::to_string_pretty(&self.inner) } else { serde_json::to_string(&self.inner) };
        text.unwrap_or_default()
    }

    /// The problems as a pandas `DataFrame` with columns path, kind, severity and message.
    ///
    /// Needs pandas (`pip install clusterpolicy[pandas]`).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pandas = py.import("pandas")?;
        let records = PyList::empty(py);
        for p in &self.inner.problems {
            records.append(p.to_python(py)?)?;
        }
        let kwargs = PyDict::new(py);
        kwargs.set_item("columns", ["path", "kind", "severity", "message"])?;
        pandas.getattr("DataFrame")?.call((records,), Some(&kwargs))
    }

    fn __len__(&self) -> usize {
        self.inner.problems.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        self.problem_list(py)?.try_iter()
    }

    fn __getitem__(&self, index: isize) -> PyResult<PyProblem> {
        let n = self.inner.problems.len();
        let i = if index < 0 { index.checked_add_unsigned(n) } else { Some(index) };
        i.and_then(|i| usize::try_from(i).ok())
            .and_then(|i| self.inner.problems.get(i))
            .map(|p| PyProblem { inner: p.clone() })
            .ok_or_else(|| PyIndexError::new_err("problem index out of range"))
    }

    fn __repr__(&self) -> String {
        format!(
            "ValidationReport(is_valid={}, errors={}, warnings={})",
            if self.inner.is_valid() { "True" } else { "False" },
            self.count(Severity::Error),
            self.count(Severity::Warning)
        )
    }

    fn __str__(&self) -> String {
        let n = self.inner.problems.len();
        if n == 0 {
            return "no problems".to_owned();
        }
        let mut s = format!("{n} problem{}:", if n == 1 { "" } else { "s" });
        for p in &self.inner.problems {
            let _ = write!(s, "\n  {} {}: {} [{}]", p.severity.wire_name(), p.path, p.message, p.kind.wire_name());
        }
        s
    }

    /// An HTML table of the problems, shown by Jupyter.
    fn _repr_html_(&self) -> String {
        let (errors, warnings) = (self.count(Severity::Error), self.count(Severity::Warning));
        let verdict = if self.inner.is_valid() { "valid" } else { "invalid" };
        let mut s = format!(
            "<table class=\"clusterpolicy-validation\">\n<caption>ValidationReport: {verdict}, \
             {errors} errors, {warnings} warnings</caption>\n"
        );
        if !self.inner.problems.is_empty() {
            s.push_str(
                "<thead><tr><th>path</th><th>kind</th><th>severity</th><th>message</th></tr></thead>\n<tbody>\n",
            );
            for p in &self.inner.problems {
                let _ = writeln!(
                    s,
                    "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    escape_html(&p.path),
                    p.kind.wire_name(),
                    p.severity.wire_name(),
                    escape_html(&p.message)
                );
            }
            s.push_str("</tbody>\n");
        }
        s.push_str("</table>");
        s
    }

    /// Pickles as `(ValidationReport, (problems,))`.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyType>, (Bound<'py, PyList>,))> {
        Ok((slf.get_type(), (slf.get().problem_list(slf.py())?,)))
    }
}
