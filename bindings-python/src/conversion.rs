//! serde <-> Python: the JSON wire format of the core, as Python objects.
//!
//! [`pythonize`] turns a serde type into dicts, lists, strings, numbers and `None`, and back.
//! Floats cross as they are, so `float("nan")` in a dict reaches validation as NaN (where the
//! JSON text could only say `null`). The traits are implemented, by macro, for exactly the
//! core types that cross the boundary, so this file lists them.

use clusterpolicy::complexity::{
    Backtest, BacktestParams, ComplexityMethod, DensityScale, Diagonal, PriorityMap, PriorityParams, RelatednessMethod,
};
use clusterpolicy::model::{Problem, ProblemKind, Severity, ValidationReport};
use clusterpolicy::report::Report;
use clusterpolicy::sample::SampleParams;
use clusterpolicy::specialisation::{
    ClusterMapping, Convention, FocusScope, Handling, SpecialisationSummary, StarRating,
};
use clusterpolicy::{Dataset, Error};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// A core value as a Python object, through its serde form: structs and maps become
/// `dict`, sequences `list`, unit enum variants their `snake_case` name.
pub(crate) trait ToPython {
    /// Converts `self`; fails only if Python cannot allocate.
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

/// A core value read from a Python object (dicts, lists, strings, numbers, `None`) through
/// its serde form.
pub(crate) trait FromPython: Sized {
    /// Converts `obj`.
    ///
    /// # Errors
    /// [`Error::Json`] with line and column 0 (a dict has no lines) when the object does not
    /// have the shape of `Self`: the same class of error as for the JSON text of the same
    /// document.
    fn from_python(obj: &Bound<'_, PyAny>) -> Result<Self, Error>;
}

/// An `XxxParams` struct read from keyword arguments (any subset of its fields).
pub(crate) trait FromKwargs: Sized {
    /// Converts the keyword arguments.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (named `params`) for an unknown name or a value of the
    /// wrong type, with serde's message, which names the field or lists the allowed names.
    fn from_kwargs(kwargs: &Bound<'_, PyDict>) -> Result<Self, Error>;
}

/// The `snake_case` wire name of a unit enum variant, e.g. `"unknown_reference"` for
/// [`ProblemKind::UnknownReference`], and back.
pub(crate) trait WireName: Sized {
    /// The name of `self`.
    fn wire_name(&self) -> String;

    /// The variant called `name`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `param` and listing the allowed names.
    fn from_wire_name(param: &str, name: String) -> Result<Self, Error>;
}

macro_rules! to_python {
    ($($t:ty),* $(,)?) => {$(
        impl ToPython for $t {
            fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(pythonize::pythonize(py, self)?)
            }
        }
    )*};
}

macro_rules! from_python {
    ($($t:ty),* $(,)?) => {$(
        impl FromPython for $t {
            fn from_python(obj: &Bound<'_, PyAny>) -> Result<Self, Error> {
                pythonize::depythonize(obj).map_err(|e| Error::Json { line: 0, column: 0, message: e.to_string() })
            }
        }
    )*};
}

macro_rules! from_kwargs {
    ($($t:ty),* $(,)?) => {$(
        impl FromKwargs for $t {
            fn from_kwargs(kwargs: &Bound<'_, PyDict>) -> Result<Self, Error> {
                params_from_kwargs(kwargs)
            }
        }
    )*};
}

/// Keyword arguments (any subset of the fields of a `#[serde(default)]` options struct) as
/// `T`.
///
/// # Errors
/// [`Error::InvalidParameter`] with serde's message (which lists the allowed names of a
/// choice or of the fields), named after the offending keyword: on this cold path each
/// keyword is tried alone to find it (`params` when none fails alone).
pub(crate) fn params_from_kwargs<T: serde::de::DeserializeOwned>(kwargs: &Bound<'_, PyDict>) -> Result<T, Error> {
    pythonize::depythonize::<T>(kwargs.as_any()).map_err(|e| {
        let culprit = kwargs.iter().find_map(|(key, value)| {
            let one = PyDict::new(kwargs.py());
            one.set_item(&key, &value).ok()?;
            pythonize::depythonize::<T>(one.as_any()).err().map(|_| key.to_string())
        });
        Error::InvalidParameter { name: culprit.unwrap_or_else(|| "params".to_owned()), reason: e.to_string() }
    })
}

/// Keyword arguments (any subset of the fields) as a core parameter struct: its defaults
/// without any; `InvalidParameterError` naming the offending option otherwise.
pub(crate) fn kwargs_params<T: serde::de::DeserializeOwned + Default>(
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<T> {
    match kwargs {
        Some(k) if !k.is_empty() => params_from_kwargs(k).map_err(crate::error::to_py_err),
        _ => Ok(T::default()),
    }
}

/// A plain Python object (dicts, lists, numbers) as a core input type;
/// `InvalidParameterError` naming `what` otherwise.
pub(crate) fn from_py<T: serde::de::DeserializeOwned>(what: &str, obj: &Bound<'_, PyAny>) -> PyResult<T> {
    pythonize::depythonize(obj)
        .map_err(|e| crate::error::to_py_err(Error::InvalidParameter { name: what.to_owned(), reason: e.to_string() }))
}

/// A core result as plain Python objects (its serde form).
pub(crate) fn to_py<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, value)?)
}

macro_rules! wire_name {
    ($($t:ty),* $(,)?) => {$(
        impl WireName for $t {
            fn wire_name(&self) -> String {
                match serde_json::to_value(self) {
                    Ok(serde_json::Value::String(s)) => s,
                    _ => String::new(),
                }
            }

            fn from_wire_name(param: &str, name: String) -> Result<Self, Error> {
                serde_json::from_value(serde_json::Value::String(name))
                    .map_err(|e| Error::InvalidParameter { name: param.to_owned(), reason: e.to_string() })
            }
        }
    )*};
}

to_python!(Dataset, ValidationReport, Problem, Report, serde_json::Value);
to_python!(Vec<StarRating>, ClusterMapping, SpecialisationSummary);
from_python!(Dataset);
from_python!(ClusterMapping);
from_kwargs!(SampleParams);
wire_name!(ProblemKind, Severity);
wire_name!(Handling, Convention, FocusScope);
to_python!(Vec<PriorityMap>, Backtest);
from_kwargs!(PriorityParams, BacktestParams);
wire_name!(RelatednessMethod, Diagonal, DensityScale, ComplexityMethod);
