//! The Python exceptions of the package, created here and nowhere else, and the mapping of
//! [`clusterpolicy::Error`] to them.
//!
//! `ClusterPolicyError` subclasses `ValueError`; each name in [`Error::KINDS`] becomes a
//! subclass of it (`IoError` also subclasses `OSError`, so `except OSError` catches it).
//! An exception's message is the `Display` text of the Rust error, and the structured
//! fields of the variant become attributes: `JsonError.line`, `JsonError.column`,
//! `ValidationError.problems`, ...
//!
//! The classes are created once per process, when the module is first imported, with
//! `__module__ == "clusterpolicy"`, so they pickle by reference and read as
//! `clusterpolicy.JsonError` in tracebacks.

use clusterpolicy::Error;
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyTuple, PyType};

use crate::conversion::ToPython;
use crate::model::ValidationReport;

/// Name of the base class of every exception of the package.
const BASE: &str = "ClusterPolicyError";

/// Module under which the classes are created (the public facade, not `_native`).
const MODULE: &str = "clusterpolicy";

/// The exception classes, created once.
struct Classes {
    base: Py<PyType>,
    by_kind: Vec<(&'static str, Py<PyType>)>,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

/// Docstring of each exception class, with the attributes it carries.
fn doc(kind: &str) -> &'static str {
    match kind {
        "ClusterPolicyError" => {
            "Base class of every error raised by clusterpolicy (a ValueError).\n\n\
             Catch this to handle any clusterpolicy error; the subclasses carry the details\n\
             of each kind of error as attributes."
        }
        "JsonError" => {
            "A JSON document (or a dict given to from_dict) could not be read as the expected type.\n\n\
             Attributes: line and column (1-based; 0 when unknown, e.g. for a dict), message."
        }
        "CsvError" => {
            "A CSV row could not be read or interpreted.\n\n\
             Attributes: source_name, line (1-based, the header is line 1), column (or None), message."
        }
        "IoError" => "A file could not be read or written (also an OSError).\n\nAttributes: path, message.",
        "ValidationError" => {
            "A dataset failed validation.\n\n\
             Attributes: problems (a list of dicts with path, kind, severity and message) and\n\
             report (the ValidationReport)."
        }
        "InvalidParameterError" => {
            "A parameter is outside its allowed range or combination.\n\nAttributes: name, reason."
        }
        "ShapeMismatchError" => "Two inputs that must agree in shape do not.\n\nAttributes: what, expected, found.",
        "UnknownLabelError" => {
            "A label (region, activity, actor, ...) was looked up and not found.\n\nAttributes: kind, id."
        }
        "DuplicateLabelError" => "A label occurs twice where labels must be unique.\n\nAttributes: kind, id.",
        "NonFiniteError" => "A number is NaN or infinite where a finite number is required.\n\nAttributes: what, at.",
        "EmptyInputError" => "An input is empty where at least one element is required.\n\nAttributes: what.",
        _ => "An error of clusterpolicy.",
    }
}

/// Creates `class name(*bases)` with the package's module and docstring, through `type()`,
/// which (unlike `PyErr_NewException`) accepts several bases.
fn new_class<'py>(py: Python<'py>, name: &str, bases: &Bound<'py, PyTuple>) -> PyResult<Py<PyType>> {
    let namespace = PyDict::new(py);
    namespace.set_item("__module__", MODULE)?;
    namespace.set_item("__doc__", doc(name))?;
    let class = py.get_type::<PyType>().call1((name, bases, namespace))?;
    Ok(class.cast_into::<PyType>()?.unbind())
}

fn classes(py: Python<'_>) -> PyResult<&'static Classes> {
    CLASSES.get_or_try_init(py, || {
        let base = new_class(py, BASE, &PyTuple::new(py, [py.get_type::<PyValueError>()])?)?;
        let by_kind = Error::KINDS
            .iter()
            .map(|&kind| {
                let mut bases = vec![base.bind(py).clone()];
                if kind == "IoError" {
                    bases.push(py.get_type::<PyOSError>());
                }
                Ok((kind, new_class(py, kind, &PyTuple::new(py, bases)?)?))
            })
            .collect::<PyResult<Vec<_>>>()?;
        Ok(Classes { base, by_kind })
    })
}

/// Adds `ClusterPolicyError` and one subclass per [`Error::KINDS`] name to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let classes = classes(py)?;
    m.add(BASE, classes.base.bind(py))?;
    for (kind, class) in &classes.by_kind {
        m.add(*kind, class.bind(py))?;
    }
    Ok(())
}

/// Maps a core error to the exception of its kind, with the variant's fields as attributes.
///
/// Usable directly in `map_err`; attaches to the interpreter if needed.
pub(crate) fn to_py_err(err: Error) -> PyErr {
    Python::attach(|py| build(py, err).unwrap_or_else(|e| e))
}

fn build(py: Python<'_>, err: Error) -> PyResult<PyErr> {
    let classes = classes(py)?;
    let class = classes.by_kind.iter().find(|(kind, _)| *kind == err.kind()).map_or(&classes.base, |(_, c)| c);
    let exc = class.bind(py).call1((err.to_string(),))?;
    match err {
        Error::Json { line, column, message } => {
            exc.setattr("line", line)?;
            exc.setattr("column", column)?;
            exc.setattr("message", message)?;
        }
        Error::Csv { source_name, line, column, message } => {
            exc.setattr("source_name", source_name)?;
            exc.setattr("line", line)?;
            exc.setattr("column", column)?;
            exc.setattr("message", message)?;
        }
        Error::Io { path, message } => {
            exc.setattr("path", path)?;
            exc.setattr("message", message)?;
        }
        Error::Invalid { report } => {
            let problems = PyList::empty(py);
            for p in &report.problems {
                problems.append(p.to_python(py)?)?;
            }
            exc.setattr("problems", problems)?;
            exc.setattr("report", ValidationReport::from(report))?;
        }
        Error::InvalidParameter { name, reason } => {
            exc.setattr("name", name)?;
            exc.setattr("reason", reason)?;
        }
        Error::ShapeMismatch { what, expected, found } => {
            exc.setattr("what", what)?;
            exc.setattr("expected", expected)?;
            exc.setattr("found", found)?;
        }
        Error::UnknownLabel { kind, id } | Error::DuplicateLabel { kind, id } => {
            exc.setattr("kind", kind)?;
            exc.setattr("id", id)?;
        }
        Error::NonFinite { what, at } => {
            exc.setattr("what", what)?;
            exc.setattr("at", at)?;
        }
        Error::Empty { what } => exc.setattr("what", what)?,
        // Variants added to the core later still raise their class, with the message only.
        _ => {}
    }
    Ok(PyErr::from_value(exc))
}
