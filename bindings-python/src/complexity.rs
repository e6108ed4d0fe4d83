//! Smart-specialisation models (core `complexity`): `NumPy` arrays in and out.
//!
//! Matrices cross as float64 `NumPy` arrays (any memory order, no copy), choices as strings
//! turned into the core enums (the allowed values are listed when wrong), options of the
//! priority map and the backtest as keyword arguments read through serde. Each function
//! calls one core function with the GIL released. The facade `clusterpolicy.complexity`
//! adds pandas (wide and long) on top.

// pyo3 extracts the arguments by value.
#![allow(clippy::needless_pass_by_value)]

use clusterpolicy::complexity as cx;
use clusterpolicy::model::{LabelledMatrix, Panel};
use numpy::{IntoPyArray, PyArray1, PyArray2, PyArrayMethods, PyReadonlyArray1, PyReadonlyArray2, PyReadonlyArray3};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::conversion::{FromKwargs, ToPython, WireName};
use crate::error::to_py_err;

fn panel(years: Vec<i32>, rows: Vec<String>, cols: Vec<String>, values: &PyReadonlyArray3<'_, f64>) -> PyResult<Panel> {
    Panel::new(years, rows, cols, values.as_array().to_owned()).map_err(to_py_err)
}

/// Relatedness between the columns of a presence (or, for `correlation`, RCA) array.
#[pyfunction]
#[pyo3(signature = (values, *, method = "proximity".to_owned(), diagonal = "peer".to_owned()))]
pub(crate) fn relatedness_array<'py>(
    py: Python<'py>,
    values: PyReadonlyArray2<'py, f64>,
    method: String,
    diagonal: String,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    let params = cx::RelatednessParams {
        method: cx::RelatednessMethod::from_wire_name("method", method).map_err(to_py_err)?,
        diagonal: cx::Diagonal::from_wire_name("diagonal", diagonal).map_err(to_py_err)?,
    };
    let view = values.as_array();
    Ok(py.detach(|| cx::relatedness_values(view, &params)).map_err(to_py_err)?.into_pyarray(py))
}

/// Co-occurrence counts `M'M` of a presence array.
#[pyfunction]
pub(crate) fn cooccurrence_array<'py>(
    py: Python<'py>,
    values: PyReadonlyArray2<'py, f64>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    let view = values.as_array();
    Ok(py.detach(|| cx::cooccurrence_values(view)).map_err(to_py_err)?.into_pyarray(py))
}

/// Relatedness density of a presence array under a relatedness matrix.
#[pyfunction]
#[pyo3(signature = (presence, relatedness, *, scale = "unit".to_owned(), digits = None))]
pub(crate) fn relatedness_density_array<'py>(
    py: Python<'py>,
    presence: PyReadonlyArray2<'py, f64>,
    relatedness: PyReadonlyArray2<'py, f64>,
    scale: String,
    digits: Option<u32>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    let params =
        cx::DensityParams { scale: cx::DensityScale::from_wire_name("scale", scale).map_err(to_py_err)?, digits };
    let (p, r) = (presence.as_array(), relatedness.as_array());
    Ok(py.detach(|| cx::relatedness_density_values(p, r, &params)).map_err(to_py_err)?.into_pyarray(py))
}

/// Relative relatedness (z-scores of density among absent activities).
#[pyfunction]
pub(crate) fn relative_relatedness_array<'py>(
    py: Python<'py>,
    presence: PyReadonlyArray2<'py, f64>,
    relatedness: PyReadonlyArray2<'py, f64>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    let (p, r) = (presence.as_array(), relatedness.as_array());
    Ok(py.detach(|| cx::relative_relatedness_values(p, r)).map_err(to_py_err)?.into_pyarray(py))
}

/// Economic complexity of a presence array: a dict with `eci`, `pci`, `diversity`,
/// `ubiquity` (arrays) and `eigenvalue`, `pci_offset`, `iterations`, `change`.
#[pyfunction]
#[pyo3(signature = (presence, *, method = "eigenvector".to_owned(), iterations = 20, extremality = 1.0, tolerance = 0.0))]
pub(crate) fn economic_complexity_array<'py>(
    py: Python<'py>,
    presence: PyReadonlyArray2<'py, f64>,
    method: String,
    iterations: u32,
    extremality: f64,
    tolerance: f64,
) -> PyResult<Bound<'py, PyDict>> {
    let params = cx::ComplexityParams {
        method: cx::ComplexityMethod::from_wire_name("method", method).map_err(to_py_err)?,
        iterations,
        extremality,
        tolerance,
    };
    let view = presence.as_array();
    let v = py.detach(|| cx::economic_complexity_values(view, &params)).map_err(to_py_err)?;
    let d = PyDict::new(py);
    d.set_item("eci", v.eci.into_pyarray(py))?;
    d.set_item("pci", v.pci.into_pyarray(py))?;
    d.set_item("diversity", v.diversity.into_pyarray(py))?;
    d.set_item("ubiquity", v.ubiquity.into_pyarray(py))?;
    d.set_item("eigenvalue", if v.eigenvalue.is_nan() { None } else { Some(v.eigenvalue) })?;
    d.set_item("pci_offset", v.pci_offset)?;
    d.set_item("iterations", v.iterations)?;
    d.set_item("change", v.change)?;
    Ok(d)
}

/// Subnational ECI: mean external PCI (NaN = none) of the present activities.
#[pyfunction]
#[pyo3(signature = (presence, pci, *, standardise = false))]
pub(crate) fn subnational_eci_array<'py>(
    py: Python<'py>,
    presence: PyReadonlyArray2<'py, f64>,
    pci: PyReadonlyArray1<'py, f64>,
    standardise: bool,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let params = cx::SubnationalParams { standardise };
    let (p, q) = (presence.as_array(), pci.as_array());
    Ok(py.detach(|| cx::subnational_eci_values(p, q, &params)).map_err(to_py_err)?.into_pyarray(py))
}

/// COI per region and COG per cell.
type OutlookPair<'py> = (Bound<'py, PyArray1<f64>>, Bound<'py, PyArray2<f64>>);

/// Complexity outlook: `(coi, cog)`.
#[pyfunction]
#[pyo3(signature = (presence, proximity, pci, *, standardise = true))]
pub(crate) fn complexity_outlook_array<'py>(
    py: Python<'py>,
    presence: PyReadonlyArray2<'py, f64>,
    proximity: PyReadonlyArray2<'py, f64>,
    pci: PyReadonlyArray1<'py, f64>,
    standardise: bool,
) -> PyResult<OutlookPair<'py>> {
    let params = cx::OutlookParams { standardise };
    let (p, r, q) = (presence.as_array(), proximity.as_array(), pci.as_array());
    let o = py.detach(|| cx::complexity_outlook_values(p, r, q, &params)).map_err(to_py_err)?;
    Ok((o.coi.into_pyarray(py), o.cog.into_pyarray(py)))
}

/// Opportunity gain as Datawheel computes it.
#[pyfunction]
pub(crate) fn opportunity_gain_array<'py>(
    py: Python<'py>,
    presence: PyReadonlyArray2<'py, f64>,
    proximity: PyReadonlyArray2<'py, f64>,
    pci: PyReadonlyArray1<'py, f64>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    let (p, r, q) = (presence.as_array(), proximity.as_array(), pci.as_array());
    Ok(py.detach(|| cx::opportunity_gain_values(p, r, q)).map_err(to_py_err)?.into_pyarray(py))
}

/// py-ecomplexity's profile of every year of a panel, as a dict of equal-length columns
/// (`year`, `region`, `activity` indices and the measures) plus the `regions` and
/// `activities` labels. The core plans the table (RCA of every year), the columns are
/// allocated as `NumPy` arrays (large ones on huge pages, and reused by `NumPy`'s allocator
/// from call to call) and the core writes the profile straight into them.
#[pyfunction]
#[pyo3(signature = (years, rows, cols, values, *, threshold = 1.0))]
pub(crate) fn complexity_profile_panel<'py>(
    py: Python<'py>,
    years: Vec<i32>,
    rows: Vec<String>,
    cols: Vec<String>,
    values: PyReadonlyArray3<'py, f64>,
    threshold: f64,
) -> PyResult<Bound<'py, PyDict>> {
    let params = cx::ProfileParams { threshold };
    let view = values.as_array();
    let plan =
        py.detach(|| cx::complexity_profile_plan_values(&years, &rows, &cols, view, &params)).map_err(to_py_err)?;
    let n = plan.len();
    let year = PyArray1::<i32>::zeros(py, n, false);
    let region = PyArray1::<u32>::zeros(py, n, false);
    let activity = PyArray1::<u32>::zeros(py, n, false);
    let names = ["value", "rca", "mcp", "diversity", "ubiquity", "eci", "pci", "density", "coi", "cog"];
    let f = names.map(|_| PyArray1::<f64>::zeros(py, n, false));
    {
        let (mut y, mut r, mut a) = (year.readwrite(), region.readwrite(), activity.readwrite());
        let mut fw: Vec<_> = f.iter().map(PyArrayMethods::readwrite).collect();
        let mut fs = Vec::with_capacity(fw.len());
        for w in &mut fw {
            fs.push(w.as_slice_mut()?);
        }
        let Ok([value, rca, mcp, diversity, ubiquity, eci, pci, density, coi, cog]) = <[_; 10]>::try_from(fs) else {
            unreachable!("ten columns")
        };
        let out = cx::ProfileColumns {
            year: y.as_slice_mut()?,
            region: r.as_slice_mut()?,
            activity: a.as_slice_mut()?,
            value,
            rca,
            mcp,
            diversity,
            ubiquity,
            eci,
            pci,
            density,
            coi,
            cog,
        };
        py.detach(|| plan.write(out)).map_err(to_py_err)?;
    }
    let d = PyDict::new(py);
    d.set_item("regions", plan.regions())?;
    d.set_item("activities", plan.activities())?;
    d.set_item("year", year)?;
    d.set_item("region", region)?;
    d.set_item("activity", activity)?;
    for (name, col) in names.into_iter().zip(f) {
        d.set_item(name, col)?;
    }
    Ok(d)
}

/// Priority maps of the given regions from a counts array: a list of dicts (the serde form
/// of `PriorityMap`). Options as keyword arguments (`PriorityParams`).
#[pyfunction]
#[pyo3(signature = (values, rows, cols, regions, **params))]
pub(crate) fn priority_maps<'py>(
    py: Python<'py>,
    values: PyReadonlyArray2<'py, f64>,
    rows: Vec<String>,
    cols: Vec<String>,
    regions: Vec<String>,
    params: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let params = match params {
        Some(k) => cx::PriorityParams::from_kwargs(k).map_err(to_py_err)?,
        None => cx::PriorityParams::default(),
    };
    let m = LabelledMatrix::new(rows, cols, values.as_array().to_owned()).map_err(to_py_err)?;
    let maps = py.detach(|| cx::priority_maps(&m, &regions, &params)).map_err(to_py_err)?;
    maps.to_python(py)
}

/// Backtest of density (or of `scores`, a years x regions x activities array) on a counts
/// panel: the serde form of `Backtest`. Options as keyword arguments (`BacktestParams`).
#[pyfunction]
#[pyo3(signature = (years, rows, cols, values, scores = None, **params))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn backtest_panel<'py>(
    py: Python<'py>,
    years: Vec<i32>,
    rows: Vec<String>,
    cols: Vec<String>,
    values: PyReadonlyArray3<'py, f64>,
    scores: Option<PyReadonlyArray3<'py, f64>>,
    params: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let params = match params {
        Some(k) => cx::BacktestParams::from_kwargs(k).map_err(to_py_err)?,
        None => cx::BacktestParams::default(),
    };
    let s = match &scores {
        Some(s) => Some(panel(years.clone(), rows.clone(), cols.clone(), s)?),
        None => None,
    };
    let p = panel(years, rows, cols, &values)?;
    let bt = py
        .detach(|| match &s {
            Some(s) => cx::backtest_scores(&p, s, &params),
            None => cx::backtest(&p, &params),
        })
        .map_err(to_py_err)?;
    bt.to_python(py)
}
