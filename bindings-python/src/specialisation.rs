//! Specialisation and cluster mapping (core `specialisation`): `NumPy` arrays in and out.
//!
//! Each function takes the values as a float64 `NumPy` array (any memory order, no copy),
//! the options as keyword arguments (choices as strings, turned into the core enums with
//! the allowed values listed when wrong), calls one core kernel with the GIL released and
//! returns `NumPy` arrays. Optional `rows` / `cols` (any sequence, e.g. a pandas Index) are
//! only read when the input is bad, to name the offending region or activity in the error.
//! The facade `clusterpolicy.specialisation` adds pandas (wide and long) on top.

// pyo3 hands arguments over as owned values.
#![allow(clippy::needless_pass_by_value)]

use clusterpolicy::Error;
use clusterpolicy::model::LabelledMatrix;
use clusterpolicy::ndarray::{Array2, ArrayView2, ShapeBuilder};
use clusterpolicy::specialisation as sp;
use numpy::{IntoPyArray, PyArray1, PyArray2, PyReadonlyArray2};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::conversion::{FromPython, ToPython, WireName};
use crate::error::to_py_err;
use crate::model::PyDataset;

/// `(years, rows, cols, values)` of a panel.
type PanelTuple<'py> = (Vec<i32>, Vec<String>, Vec<String>, Bound<'py, numpy::PyArray3<f64>>);

/// The options of the RCA family from keyword arguments.
fn rca_params(
    zero_rows: String,
    zero_cols: String,
    missing: String,
    threshold: f64,
    digits: Option<u32>,
) -> Result<sp::RcaParams, Error> {
    let p = sp::RcaParams {
        zero_rows: sp::Handling::from_wire_name("zero_rows", zero_rows)?,
        zero_cols: sp::Handling::from_wire_name("zero_cols", zero_cols)?,
        missing: sp::Handling::from_wire_name("missing", missing)?,
        threshold,
        digits,
    };
    p.check()?;
    Ok(p)
}

/// Labels of a sequence, as strings (`str()` of each item).
fn labels(obj: Option<&Bound<'_, PyAny>>) -> Option<Vec<String>> {
    let obj = obj?;
    let mut out = Vec::new();
    for item in obj.try_iter().ok()? {
        out.push(item.ok()?.str().ok()?.to_string());
    }
    Some(out)
}

/// The error of a failed kernel call; when labels were given, the labelled core function is
/// called on this cold path so that the error names the region or activity.
fn named_error(
    err: Error,
    values: ArrayView2<'_, f64>,
    rows: Option<&Bound<'_, PyAny>>,
    cols: Option<&Bound<'_, PyAny>>,
    labelled: impl FnOnce(&LabelledMatrix) -> Result<(), Error>,
) -> PyErr {
    let (Some(r), Some(c)) = (labels(rows), labels(cols)) else { return to_py_err(err) };
    match LabelledMatrix::new(r, c, values.to_owned()) {
        Ok(m) => to_py_err(labelled(&m).err().unwrap_or(err)),
        Err(_) => to_py_err(err),
    }
}

type KeptTuple<'py> = (Bound<'py, PyArray2<f64>>, Bound<'py, PyArray1<usize>>, Bound<'py, PyArray1<usize>>);

fn kept(py: Python<'_>, k: sp::Kept) -> KeptTuple<'_> {
    (k.values.into_pyarray(py), k.rows.into_pyarray(py), k.cols.into_pyarray(py))
}

macro_rules! rca_family {
    ($(#[$doc:meta])* $name:ident, $kernel:path, $labelled:path) => {
        $(#[$doc])*
        #[pyfunction]
        #[pyo3(signature = (values, *, zero_rows = "nan".to_owned(), zero_cols = "nan".to_owned(), missing = "error".to_owned(), threshold = 1.0, digits = None, rows = None, cols = None))]
        #[allow(clippy::too_many_arguments)]
        pub(crate) fn $name<'py>(
            py: Python<'py>,
            values: PyReadonlyArray2<'py, f64>,
            zero_rows: String,
            zero_cols: String,
            missing: String,
            threshold: f64,
            digits: Option<u32>,
            rows: Option<Bound<'py, PyAny>>,
            cols: Option<Bound<'py, PyAny>>,
        ) -> PyResult<KeptTuple<'py>> {
            let params = rca_params(zero_rows, zero_cols, missing, threshold, digits).map_err(to_py_err)?;
            let view = values.as_array();
            match py.detach(|| $kernel(view, &params)) {
                Ok(k) => Ok(kept(py, k)),
                Err(e) => Err(named_error(e, view, rows.as_ref(), cols.as_ref(), |m| $labelled(m, &params).map(|_| ()))),
            }
        }
    };
}

rca_family!(
    /// Location quotient / RCA of a regions x activities float64 array: `(values, kept_rows, kept_cols)`.
    rca_array,
    sp::rca_values,
    sp::rca
);
rca_family!(
    /// Binary presence (RCA >= threshold): `(values, kept_rows, kept_cols)`.
    presence_array,
    sp::presence_values,
    sp::presence
);
rca_family!(
    /// Symmetric RCA `(RCA - 1) / (RCA + 1)`: `(values, kept_rows, kept_cols)`.
    symmetric_rca_array,
    sp::symmetric_rca_values,
    sp::symmetric_rca
);

macro_rules! rpop_family {
    ($(#[$doc:meta])* $name:ident, $kernel:path, $labelled:path) => {
        $(#[$doc])*
        #[pyfunction]
        #[pyo3(signature = (values, population, *, zero_rows = "nan".to_owned(), zero_cols = "nan".to_owned(), missing = "error".to_owned(), threshold = 1.0, digits = None, rows = None, cols = None))]
        #[allow(clippy::too_many_arguments)]
        pub(crate) fn $name<'py>(
            py: Python<'py>,
            values: PyReadonlyArray2<'py, f64>,
            population: Vec<f64>,
            zero_rows: String,
            zero_cols: String,
            missing: String,
            threshold: f64,
            digits: Option<u32>,
            rows: Option<Bound<'py, PyAny>>,
            cols: Option<Bound<'py, PyAny>>,
        ) -> PyResult<KeptTuple<'py>> {
            let params = rca_params(zero_rows, zero_cols, missing, threshold, digits).map_err(to_py_err)?;
            let view = values.as_array();
            match py.detach(|| $kernel(view, &population, &params)) {
                Ok(k) => Ok(kept(py, k)),
                Err(e) => Err(named_error(e, view, rows.as_ref(), cols.as_ref(), |m| {
                    $labelled(m, &population, &params).map(|_| ())
                })),
            }
        }
    };
}

rpop_family!(
    /// Per-capita presence index RPOP: `(values, kept_rows, kept_cols)`.
    rpop_array,
    sp::rpop_values,
    sp::rpop
);
rpop_family!(
    /// Per-capita presence (RPOP >= threshold): `(values, kept_rows, kept_cols)`.
    rpop_presence_array,
    sp::rpop_presence_values,
    sp::rpop_presence
);

/// RCA, presence and every region and activity index in one call: a dict of `NumPy` arrays
/// (`rca`, `presence`, `rows`, `cols`; `regions` and `activities`, column-major matrices
/// of one column per index, named in `regions_columns` and `activities_columns`).
#[pyfunction]
#[pyo3(signature = (values, *, reference = None, convention = "exact".to_owned(), zero_rows = "nan".to_owned(), zero_cols = "nan".to_owned(), missing = "error".to_owned(), threshold = 1.0, digits = None, rows = None, cols = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn analyse_array<'py>(
    py: Python<'py>,
    values: PyReadonlyArray2<'py, f64>,
    reference: Option<Vec<f64>>,
    convention: String,
    zero_rows: String,
    zero_cols: String,
    missing: String,
    threshold: f64,
    digits: Option<u32>,
    rows: Option<Bound<'py, PyAny>>,
    cols: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let params = sp::IndexParams {
        rca: rca_params(zero_rows, zero_cols, missing, threshold, digits).map_err(to_py_err)?,
        convention: sp::Convention::from_wire_name("convention", convention).map_err(to_py_err)?,
    };
    let view = values.as_array();
    let a = match py.detach(|| sp::analyse_values(view, &params, reference.as_deref())) {
        Ok(a) => a,
        Err(e) => {
            return Err(named_error(e, view, rows.as_ref(), cols.as_ref(), |m| {
                sp::analyse(m, &params, reference.as_deref()).map(|_| ())
            }));
        }
    };
    let out = PyDict::new(py);
    out.set_item("rca", a.rca.into_pyarray(py))?;
    out.set_item("presence", a.presence.into_pyarray(py))?;
    out.set_item("rows", a.rows.into_pyarray(py))?;
    out.set_item("cols", a.cols.into_pyarray(py))?;
    // The indices as one column-major matrix each (a single pandas block, no copy), with
    // their names.
    let r = a.regions;
    let region_cols = [
        ("location_quotient_avg", r.location_quotient_avg),
        ("krugman", r.krugman),
        ("specialisation_coefficient", r.specialisation_coefficient),
        ("hachman", r.hachman),
        ("herfindahl", r.herfindahl),
        ("entropy", r.entropy),
        ("diversity", r.diversity),
    ];
    let x = a.activities;
    let activity_cols = [
        ("ubiquity", x.ubiquity),
        ("gini", x.gini),
        ("locational_gini", x.locational_gini),
        ("hoover", x.hoover),
        ("hoover_gini", x.hoover_gini),
    ];
    for (key, cols) in [("regions", &region_cols[..]), ("activities", &activity_cols[..])] {
        let len = cols.first().map_or(0, |c| c.1.len());
        let matrix = Array2::from_shape_fn((len, cols.len()).f(), |(i, j)| cols[j].1[i]);
        out.set_item(key, matrix.into_pyarray(py))?;
        out.set_item(format!("{key}_columns"), cols.iter().map(|c| c.0).collect::<Vec<_>>())?;
    }
    Ok(out)
}

/// Related and unrelated variety: a dict with `rows` (kept) and arrays `entropy`,
/// `unrelated_variety`, `related_variety`, and the sorted `groups`.
#[pyfunction]
#[pyo3(signature = (values, rows, cols, groups, *, base = 2.0, zero_rows = "nan".to_owned(), missing = "error".to_owned()))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn variety_array<'py>(
    py: Python<'py>,
    values: PyReadonlyArray2<'py, f64>,
    rows: Vec<String>,
    cols: Vec<String>,
    groups: std::collections::BTreeMap<String, String>,
    base: f64,
    zero_rows: String,
    missing: String,
) -> PyResult<Bound<'py, PyDict>> {
    let params =
        sp::VarietyParams { base, rca: rca_params(zero_rows, "nan".into(), missing, 1.0, None).map_err(to_py_err)? };
    let m = LabelledMatrix::new(rows, cols, values.as_array().to_owned()).map_err(to_py_err)?;
    let v = py.detach(|| sp::variety(&m, &groups, &params)).map_err(to_py_err)?;
    let out = PyDict::new(py);
    out.set_item("regions", PyList::new(py, v.regions)?)?;
    out.set_item("groups", PyList::new(py, v.groups)?)?;
    out.set_item("entropy", v.entropy.into_pyarray(py))?;
    out.set_item("unrelated_variety", v.unrelated_variety.into_pyarray(py))?;
    out.set_item("related_variety", v.related_variety.into_pyarray(py))?;
    Ok(out)
}

/// Shift-share decomposition between a base and an end array on the same labels: a dict
/// with `national_rate`, `activity_rates` and arrays (regions x activities) `change`,
/// `national_growth`, `industry_mix`, `regional_shift`.
#[pyfunction]
pub(crate) fn shift_share_array<'py>(
    py: Python<'py>,
    base: PyReadonlyArray2<'py, f64>,
    end: PyReadonlyArray2<'py, f64>,
    rows: Vec<String>,
    cols: Vec<String>,
) -> PyResult<Bound<'py, PyDict>> {
    let m0 = LabelledMatrix::new(rows.clone(), cols.clone(), base.as_array().to_owned()).map_err(to_py_err)?;
    let m1 = LabelledMatrix::new(rows, cols, end.as_array().to_owned()).map_err(to_py_err)?;
    let s = py.detach(|| sp::shift_share(&m0, &m1)).map_err(to_py_err)?;
    let (n, m) = m0.dim();
    let grid = |f: fn(&sp::ShiftShareRecord) -> f64| -> Result<clusterpolicy::ndarray::Array2<f64>, Error> {
        clusterpolicy::ndarray::Array2::from_shape_vec((n, m), s.records.iter().map(f).collect()).map_err(|e| {
            Error::ShapeMismatch { what: "shift-share".into(), expected: format!("{n} x {m}"), found: e.to_string() }
        })
    };
    let out = PyDict::new(py);
    out.set_item("national_rate", s.national_rate)?;
    out.set_item("activity_rates", s.activity_rates.clone().into_pyarray(py))?;
    out.set_item("change", grid(|r| r.change).map_err(to_py_err)?.into_pyarray(py))?;
    out.set_item("national_growth", grid(|r| r.national_growth).map_err(to_py_err)?.into_pyarray(py))?;
    out.set_item("industry_mix", grid(|r| r.industry_mix).map_err(to_py_err)?.into_pyarray(py))?;
    out.set_item("regional_shift", grid(|r| r.regional_shift).map_err(to_py_err)?.into_pyarray(py))?;
    Ok(out)
}

/// European Cluster Observatory star ratings from a regions x categories employment array
/// and the regions' totals: a list of dicts (one per cell, regions outer).
#[pyfunction]
#[pyo3(signature = (employment, region_totals, rows, categories, *, size_top_share = 0.1, specialisation_threshold = 2.0, focus_top_share = 0.1, focus_scope = "category".to_owned()))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn star_ratings_array<'py>(
    py: Python<'py>,
    employment: PyReadonlyArray2<'py, f64>,
    region_totals: Vec<f64>,
    rows: Vec<String>,
    categories: Vec<String>,
    size_top_share: f64,
    specialisation_threshold: f64,
    focus_top_share: f64,
    focus_scope: String,
) -> PyResult<Bound<'py, PyAny>> {
    let params = sp::StarParams {
        size_top_share,
        specialisation_threshold,
        focus_top_share,
        focus_scope: sp::FocusScope::from_wire_name("focus_scope", focus_scope).map_err(to_py_err)?,
    };
    let m = LabelledMatrix::new(rows, categories, employment.as_array().to_owned()).map_err(to_py_err)?;
    let s = py.detach(|| sp::star_ratings(&m, &region_totals, &params)).map_err(to_py_err)?;
    s.to_python(py)
}

/// Employment of each region in each cluster category: `(values, category_ids)`.
#[pyfunction]
pub(crate) fn cluster_employment_array<'py>(
    py: Python<'py>,
    values: PyReadonlyArray2<'py, f64>,
    rows: Vec<String>,
    cols: Vec<String>,
    mapping: &Bound<'py, PyAny>,
) -> PyResult<(Bound<'py, PyArray2<f64>>, Vec<String>)> {
    let mapping = sp::ClusterMapping::from_python(mapping).map_err(to_py_err)?;
    let m = LabelledMatrix::new(rows, cols, values.as_array().to_owned()).map_err(to_py_err)?;
    let e = sp::cluster_employment(&m, &mapping).map_err(to_py_err)?;
    let (_, cats, v) = e.into_parts();
    Ok((v.into_pyarray(py), cats))
}

/// The example mapping of the embedded dataset's NACE units to 14 cluster categories, as a
/// dict (`name`, `source`, `example`, `categories`).
#[pyfunction]
pub(crate) fn example_nace_mapping(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    sp::example_nace_mapping().to_python(py)
}

/// The specialisation profile of a dataset (top specialisations and star clusters per
/// region, last year), as a dict.
#[pyfunction]
#[pyo3(signature = (dataset, indicator = "employment", mapping = None, top = 3))]
pub(crate) fn summarise_dataset<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    indicator: &str,
    mapping: Option<&Bound<'py, PyAny>>,
    top: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let mapping = mapping.map(sp::ClusterMapping::from_python).transpose().map_err(to_py_err)?;
    let ds = &dataset.get().inner;
    let s = py.detach(|| sp::summarise(ds, indicator, mapping.as_ref(), top)).map_err(to_py_err)?;
    s.to_python(py)
}

/// The regions x activities panel (years, rows, cols, values) of one indicator's
/// observations in a dataset.
#[pyfunction]
#[pyo3(signature = (dataset, indicator = "employment"))]
pub(crate) fn observation_panel<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    indicator: &str,
) -> PyResult<PanelTuple<'py>> {
    let p = sp::observation_panel(&dataset.get().inner, indicator).map_err(to_py_err)?;
    let (years, rows, cols) = (p.years().to_vec(), p.rows().to_vec(), p.cols().to_vec());
    Ok((years, rows, cols, p.values().to_owned().into_pyarray(py)))
}

/// R's `round(x, digits)` (half to even on the exact decimal), as EconGeo rounds.
#[pyfunction]
pub(crate) fn round_half_even(x: f64, digits: u32) -> f64 {
    sp::round_half_even(x, digits)
}
