//! CSV import (core `clusterpolicy::model::csv`): `LongTable` (long-format observations to
//! matrices, panels, `DataFrame`s and datasets) and `Partnerships` (CORDIS-style partnership
//! lists to datasets).
//!
//! Each method converts its arguments, calls one core function with the GIL released,
//! converts the result and maps the error. Options are keyword arguments read into the core
//! option structs through serde, so an unknown option or a wrong choice raises
//! `InvalidParameterError` naming it and listing the allowed values. Both classes pickle
//! through their JSON form.

// pyo3 extracts the arguments by value.
#![allow(clippy::needless_pass_by_value)]

use std::fmt::Write as _;
use std::path::PathBuf;

use clusterpolicy::Error;
use clusterpolicy::model::csv::{
    CsvSource, LongCsvOptions, LongDatasetParams, LongTable, PartnershipSpec, Partnerships,
};
use clusterpolicy::model::{LabelledMatrix, Panel};
use clusterpolicy::ndarray::Array1;
use numpy::{IntoPyArray, PyArray2, PyArray3};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyByteArray, PyBytes, PyDict, PyString, PyType};
use serde::de::DeserializeOwned;

use crate::conversion::{kwargs_params as options, to_py};
use crate::error::to_py_err;
use crate::model::{JsonText, PyDataset};

/// The names of the partnership presets, in the order of the error message.
const PRESETS: [&str; 4] = ["default", "cordis_h2020_sod", "cordis_fp7_sod", "cordis_flat"];

fn json_error(e: &serde_json::Error) -> PyErr {
    to_py_err(Error::Json { line: e.line(), column: e.column(), message: e.to_string() })
}

fn parse_json<T: DeserializeOwned + Send>(py: Python<'_>, s: &JsonText) -> PyResult<T> {
    py.detach(|| match s {
        JsonText::Str(text) => serde_json::from_str::<T>(text),
        JsonText::Bytes(bytes) => serde_json::from_slice::<T>(bytes),
    })
    .map_err(|e| json_error(&e))
}

/// Escapes text for HTML.
fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A CSV input from Python: a path (`str` or `os.PathLike`), the bytes of the file
/// (`bytes` / `bytearray`), or an open file (anything with `read()`, text or binary).
/// `name` names it in error messages (default: the path, the file's `name`, or `default`).
fn source(obj: &Bound<'_, PyAny>, name: Option<&str>, default: &str) -> PyResult<CsvSource> {
    let py = obj.py();
    let named = |fallback: &str| name.unwrap_or(fallback).to_owned();
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(CsvSource::new(named(default), b.as_bytes().to_vec()));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(CsvSource::new(named(default), b.to_vec()));
    }
    if obj.hasattr("read")? && !obj.is_instance_of::<PyString>() {
        let content = obj.call_method0("read")?;
        let file_name = obj.getattr("name").ok().and_then(|n| n.extract::<String>().ok());
        let label = named(file_name.as_deref().unwrap_or(default));
        if let Ok(s) = content.extract::<String>() {
            return Ok(CsvSource::new(label, s.into_bytes()));
        }
        if let Ok(b) = content.extract::<Vec<u8>>() {
            return Ok(CsvSource::new(label, b));
        }
        return Err(PyTypeError::new_err("the file's read() returned neither str nor bytes"));
    }
    if let Ok(path) = obj.extract::<PathBuf>() {
        let src = py.detach(|| CsvSource::from_path(&path)).map_err(to_py_err)?;
        return Ok(match name {
            Some(n) => CsvSource::new(n, src.bytes().to_vec()),
            None => src,
        });
    }
    Err(PyTypeError::new_err(format!(
        "expected a path, bytes or an open file for the CSV input, got {}",
        obj.get_type().name()?
    )))
}

/// `(values, rows, cols)` of a labelled matrix.
type MatrixTuple<'py> = (Bound<'py, PyArray2<f64>>, Vec<String>, Vec<String>);

fn matrix_tuple(py: Python<'_>, m: LabelledMatrix) -> MatrixTuple<'_> {
    let (rows, cols, values) = m.into_parts();
    (values.into_pyarray(py), rows, cols)
}

/// `(years, rows, cols, values)` of a panel.
type PanelTuple<'py> = (Vec<i32>, Vec<String>, Vec<String>, Bound<'py, PyArray3<f64>>);

fn panel_tuple<'py>(py: Python<'py>, p: &Panel) -> PanelTuple<'py> {
    (p.years().to_vec(), p.rows().to_vec(), p.cols().to_vec(), p.values().to_owned().into_pyarray(py))
}

/// A long-format table read from CSV: one record per distinct (region, activity, year),
/// the labels in the chosen order, and what happened to the rows (`summary`).
///
/// Read one with `clusterpolicy.model.read_long_csv(path, **options)` (or
/// `LongTable.read`); options as the core's `LongCsvOptions`: `region`, `activity`,
/// `year`, `value` (column names), `region_name`, `activity_name`, `country`,
/// `delimiter` (`auto`, `comma`, `semicolon`, `tab`, `pipe`), `decimal` (`point`,
/// `comma`), `duplicates` (`error`, `sum`, `first`), `missing` (`error`, `skip`, `zero`,
/// `nan`), `allow_negative`, `label_order` (`sorted`, `natural`, `first_seen`),
/// `exclude_regions`, `exclude_activities`.
///
/// Then: `to_pandas()` (long `DataFrame`), `to_frame(year)` (wide `DataFrame`), `to_numpy(year)`,
/// `to_panel()`, `to_dataset(...)`. Pickles through its JSON form.
///
/// ```python
/// >>> from clusterpolicy.model import LongTable
/// >>> t = LongTable.from_text("region,activity,year,value\nR1,A,2020,1\nR1,B,2020,2\nR2,A,2021,3\n", year="year")
/// >>> t
/// LongTable(source='input.csv', records=3, regions=2, activities=2, years=[2020, 2021])
/// >>> t.to_numpy(2020)
/// array([[1., 2.]])
///
/// ```
#[pyclass(module = "clusterpolicy.model", name = "LongTable", frozen, eq)]
#[derive(PartialEq)]
pub(crate) struct PyLongTable {
    inner: LongTable,
}

#[pymethods]
impl PyLongTable {
    /// Reads a long-format CSV: `source` is a path, the file's bytes, or an open file;
    /// `name` names it in error messages. Releases the GIL while parsing.
    ///
    /// Raises `CsvError` (with `source_name`, `line`, `column`) for a malformed row,
    /// `IoError` when the file cannot be read, `InvalidParameterError` for a bad option.
    #[classmethod]
    #[pyo3(signature = (source, *, name = None, **options))]
    fn read(
        _cls: &Bound<'_, PyType>,
        source: &Bound<'_, PyAny>,
        name: Option<&str>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let o: LongCsvOptions = self::options(options)?;
        let src = self::source(source, name, "input.csv")?;
        let table = source.py().detach(|| LongTable::from_source(&src, &o)).map_err(to_py_err)?;
        Ok(Self { inner: table })
    }

    /// Reads a long-format CSV from its text (named `name` in error messages).
    #[classmethod]
    #[pyo3(signature = (text, *, name = "input.csv", **options))]
    fn from_text(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        text: &str,
        name: &str,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let o: LongCsvOptions = self::options(options)?;
        let src = CsvSource::new(name, text.as_bytes().to_vec());
        let table = py.detach(|| LongTable::from_source(&src, &o)).map_err(to_py_err)?;
        Ok(Self { inner: table })
    }

    /// A table from its JSON form (`to_json()`).
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, s: JsonText) -> PyResult<Self> {
        Ok(Self { inner: parse_json(py, &s)? })
    }

    /// The table as JSON text.
    fn to_json(&self, py: Python<'_>) -> String {
        py.detach(|| serde_json::to_string(&self.inner).unwrap_or_default())
    }

    /// The table as a dict (the serde form: `source_name`, `records`, `regions`, ...).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    /// Name of the source the table was read from.
    #[getter]
    fn source_name(&self) -> &str {
        &self.inner.source_name
    }

    /// Region labels, in the chosen order.
    #[getter]
    fn regions(&self) -> Vec<String> {
        self.inner.regions.clone()
    }

    /// Activity labels, in the chosen order.
    #[getter]
    fn activities(&self) -> Vec<String> {
        self.inner.activities.clone()
    }

    /// Years, increasing; empty without a year column.
    #[getter]
    fn years(&self) -> Vec<i32> {
        self.inner.years.clone()
    }

    /// Region names from the `region_name` column.
    #[getter]
    fn region_names<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.region_names)
    }

    /// Activity names from the `activity_name` column.
    #[getter]
    fn activity_names<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.activity_names)
    }

    /// Region country codes from the `country` column.
    #[getter]
    fn region_countries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.region_countries)
    }

    /// What happened to the rows: `rows_read`, `rows_excluded`, `missing_values`,
    /// `duplicate_rows`.
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.summary)
    }

    /// The records as columns: a dict with `region` and `activity` (label strings), `year`
    /// (int array, or None without years) and `value` (float array).
    fn columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let recs = &self.inner.records;
        let d = PyDict::new(py);
        d.set_item("region", recs.iter().map(|r| r.region.as_str()).collect::<Vec<_>>())?;
        d.set_item("activity", recs.iter().map(|r| r.activity.as_str()).collect::<Vec<_>>())?;
        if self.inner.years.is_empty() {
            d.set_item("year", py.None())?;
        } else {
            let years: Array1<i64> = recs.iter().map(|r| i64::from(r.year.unwrap_or_default())).collect();
            d.set_item("year", years.into_pyarray(py))?;
        }
        d.set_item("value", recs.iter().map(|r| r.value).collect::<Array1<f64>>().into_pyarray(py))?;
        Ok(d)
    }

    /// The region x activity matrix `(values, rows, cols)`: of the whole table when it has
    /// no years, else of `year` (only the regions and activities with rows that year).
    ///
    /// Raises `InvalidParameterError` when the table has years and none is given,
    /// `UnknownLabelError` for a year the table lacks.
    #[pyo3(signature = (year = None))]
    fn matrix<'py>(&self, py: Python<'py>, year: Option<i32>) -> PyResult<MatrixTuple<'py>> {
        let t = &self.inner;
        let m = py.detach(|| match year {
            Some(y) => t.matrix_for_year(y),
            None => t.to_matrix(),
        });
        Ok(matrix_tuple(py, m.map_err(to_py_err)?))
    }

    /// The region x activity values as a float64 `NumPy` array (see `matrix`).
    #[pyo3(signature = (year = None))]
    fn to_numpy<'py>(&self, py: Python<'py>, year: Option<i32>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        Ok(self.matrix(py, year)?.0)
    }

    /// The region x activity values as a wide pandas `DataFrame` (index `region`, columns
    /// `activity`; see `matrix`). Needs pandas.
    #[pyo3(signature = (year = None))]
    fn to_frame<'py>(&self, py: Python<'py>, year: Option<i32>) -> PyResult<Bound<'py, PyAny>> {
        let pandas = py.import("pandas")?;
        let (values, rows, cols) = self.matrix(py, year)?;
        let index = pandas.getattr("Index")?;
        let kw = PyDict::new(py);
        kw.set_item("index", index.call((rows,), Some(&[("name", "region")].into_py_dict(py)?))?)?;
        kw.set_item("columns", index.call((cols,), Some(&[("name", "activity")].into_py_dict(py)?))?)?;
        pandas.getattr("DataFrame")?.call((values,), Some(&kw))
    }

    /// The records as a long pandas `DataFrame`: columns `region`, `activity`, `year` (when
    /// the table has years) and `value`, in file order. Needs pandas.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pandas = py.import("pandas")?;
        let d = self.columns(py)?;
        if self.inner.years.is_empty() {
            d.del_item("year")?;
        }
        pandas.getattr("DataFrame")?.call1((d,))
    }

    /// The years x regions x activities panel `(years, rows, cols, values)` (absent cells 0).
    ///
    /// Raises `InvalidParameterError` when the table has no year column.
    fn panel<'py>(&self, py: Python<'py>) -> PyResult<PanelTuple<'py>> {
        let t = &self.inner;
        let p = py.detach(|| t.to_panel()).map_err(to_py_err)?;
        Ok(panel_tuple(py, &p))
    }

    /// The records as observations of `indicator` (dicts in the dataset's form); `year`
    /// for a table without years.
    #[pyo3(signature = (indicator, year = None))]
    fn to_observations<'py>(&self, py: Python<'py>, indicator: &str, year: Option<i32>) -> PyResult<Bound<'py, PyAny>> {
        let obs = self.inner.to_observations(indicator, year).map_err(to_py_err)?;
        to_py(py, &obs)
    }

    /// A `Dataset` with the table's regions, activities, the indicator and one observation
    /// per record. Parameters as the core's `LongDatasetParams`: `name`, `indicator` (a dict
    /// `{id, name, unit, direction}`), `classification` (`nace`, `naics`, ...), `country`,
    /// `year`. Returned as built: call `validate()`.
    #[pyo3(signature = (**params))]
    fn to_dataset(&self, py: Python<'_>, params: Option<&Bound<'_, PyDict>>) -> PyResult<PyDataset> {
        let p: LongDatasetParams = options(params)?;
        let t = &self.inner;
        let ds = py.detach(|| t.to_dataset(&p)).map_err(to_py_err)?;
        Ok(ds.into())
    }

    fn __len__(&self) -> usize {
        self.inner.records.len()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let t = &self.inner;
        let mut s = format!(
            "LongTable(source={}, records={}, regions={}, activities={}",
            PyString::new(py, &t.source_name).repr()?,
            t.records.len(),
            t.regions.len(),
            t.activities.len()
        );
        if !t.years.is_empty() {
            let years: Vec<String> = t.years.iter().map(ToString::to_string).collect();
            let _ = write!(s, ", years=[{}]", years.join(", "));
        }
        s.push(')');
        Ok(s)
    }

    /// A summary table, shown by Jupyter.
    fn _repr_html_(&self) -> String {
        let t = &self.inner;
        let s = &t.summary;
        let years = match (t.years.first(), t.years.last()) {
            (Some(a), Some(b)) => format!("{a}-{b} ({} years)", t.years.len()),
            _ => "none".to_owned(),
        };
        let rows = [
            ("source", escape_html(&t.source_name)),
            ("records", t.records.len().to_string()),
            ("regions", t.regions.len().to_string()),
            ("activities", t.activities.len().to_string()),
            ("years", years),
            ("rows read", s.rows_read.to_string()),
            ("rows excluded", s.rows_excluded.to_string()),
            ("missing values", s.missing_values.to_string()),
            ("duplicate rows", s.duplicate_rows.to_string()),
        ];
        let mut html =
            String::from("<table class=\"clusterpolicy-longtable\">\n<caption>LongTable</caption>\n<tbody>\n");
        for (k, v) in rows {
            let _ = writeln!(html, "<tr><th>{k}</th><td>{v}</td></tr>");
        }
        html.push_str("</tbody>\n</table>");
        html
    }

    /// Pickles through the JSON form: `(LongTable.from_json, (json,))`.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        let inner = &slf.get().inner;
        Ok((from_json, (slf.py().detach(|| serde_json::to_string(inner).unwrap_or_default()),)))
    }
}

fn preset(name: &str) -> Result<PartnershipSpec, Error> {
    match name {
        "default" => Ok(PartnershipSpec::default()),
        "cordis_h2020_sod" => Ok(PartnershipSpec::cordis_h2020_sod()),
        "cordis_fp7_sod" => Ok(PartnershipSpec::cordis_fp7_sod()),
        "cordis_flat" => Ok(PartnershipSpec::cordis_flat()),
        other => Err(Error::InvalidParameter {
            name: "spec".into(),
            reason: format!("unknown preset `{other}`, expected one of {}", PRESETS.join(", ")),
        }),
    }
}

/// A partnership-import spec: `None` (the default spec), a preset name or a dict (any
/// subset of the `PartnershipSpec` fields).
fn spec(obj: Option<&Bound<'_, PyAny>>) -> PyResult<PartnershipSpec> {
    match obj {
        None => Ok(PartnershipSpec::default()),
        Some(o) if o.is_none() => Ok(PartnershipSpec::default()),
        Some(o) => match o.extract::<String>() {
            Ok(name) => preset(&name).map_err(to_py_err),
            Err(_) => pythonize::depythonize(o)
                .map_err(|e| to_py_err(Error::InvalidParameter { name: "spec".into(), reason: e.to_string() })),
        },
    }
}

/// A partnership-import spec preset as a dict: `"default"` (columns `project`,
/// `organisation`), `"cordis_h2020_sod"`, `"cordis_fp7_sod"` (the Spaghetti Open Data
/// cleanings of CORDIS) or `"cordis_flat"` (a CORDIS `organization.csv`-like list).
/// Change its fields and pass it to `read_partnerships`.
///
/// Raises `InvalidParameterError` listing the presets for an unknown name.
#[pyfunction]
#[pyo3(signature = (preset = "default"))]
pub(crate) fn partnership_spec<'py>(py: Python<'py>, preset: &str) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &self::preset(preset).map_err(to_py_err)?)
}

/// Projects, actors and regions read from a partnership list (one row per project x
/// organisation), optionally joined with an organisations file and a projects file, with
/// an import `summary`.
///
/// Read one with `clusterpolicy.model.read_partnerships(...)`; `to_dataset(name)` gives the
/// `Dataset`. Pickles through its JSON form.
///
/// ```python
/// >>> from clusterpolicy.model import read_partnerships
/// >>> csv = b"project,organisation,name,country,role\nP1,O1,One,SI,coordinator\nP1,O2,Two,HR,participant\n"
/// >>> p = read_partnerships(csv, spec={"participations": {"project": "project", "organisation": "organisation",
/// ...     "name": "name", "country": "country", "role": "role"}})
/// >>> p
/// Partnerships(sources=['participations.csv'], projects=1, actors=2, regions=0)
/// >>> p.to_dataset("demo").counts["actors"]
/// 2
///
/// ```
#[pyclass(module = "clusterpolicy.model", name = "Partnerships", frozen, eq)]
#[derive(PartialEq)]
pub(crate) struct PyPartnerships {
    inner: Partnerships,
}

#[pymethods]
impl PyPartnerships {
    /// Reads a partnership list: each input a path, the file's bytes, or an open file.
    /// `spec`: `None` (default columns `project`, `organisation`), a preset name
    /// (`partnership_spec`) or a dict of `PartnershipSpec` fields. Releases the GIL.
    ///
    /// Raises `CsvError` naming file, line and column; `InvalidParameterError` for a bad
    /// spec, an unknown preset, or a file given without its columns (or the other way
    /// round); `IoError` when a file cannot be read.
    #[classmethod]
    #[pyo3(signature = (participations, organisations = None, projects = None, *, spec = None))]
    fn read(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        participations: &Bound<'_, PyAny>,
        organisations: Option<&Bound<'_, PyAny>>,
        projects: Option<&Bound<'_, PyAny>>,
        spec: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let spec = self::spec(spec)?;
        let p = source(participations, None, "participations.csv")?;
        let o = organisations.filter(|o| !o.is_none()).map(|o| source(o, None, "organisations.csv")).transpose()?;
        let j = projects.filter(|o| !o.is_none()).map(|o| source(o, None, "projects.csv")).transpose()?;
        let read = py.detach(|| Partnerships::read(&spec, &p, o.as_ref(), j.as_ref())).map_err(to_py_err)?;
        Ok(Self { inner: read })
    }

    /// Partnerships from their JSON form (`to_json()`).
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, s: JsonText) -> PyResult<Self> {
        Ok(Self { inner: parse_json(py, &s)? })
    }

    /// The import as JSON text.
    fn to_json(&self, py: Python<'_>) -> String {
        py.detach(|| serde_json::to_string(&self.inner).unwrap_or_default())
    }

    /// The import as a dict (`sources`, `programme`, `regions`, `actors`, `projects`,
    /// `summary`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    /// A `Dataset` named `name` with the programme, regions, actors and projects. Returned
    /// as built: call `validate()` (an organisation without a country is reported there).
    #[pyo3(signature = (name = "imported"))]
    fn to_dataset(&self, py: Python<'_>, name: &str) -> PyDataset {
        let p = &self.inner;
        py.detach(|| p.clone().into_dataset(name)).into()
    }

    /// Names of the files read.
    #[getter]
    fn sources(&self) -> Vec<String> {
        self.inner.sources.clone()
    }

    /// The projects with their partners (dicts in the dataset's form).
    #[getter]
    fn projects<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.projects)
    }

    /// The actors (dicts in the dataset's form).
    #[getter]
    fn actors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.actors)
    }

    /// The regions of the organisations' region codes, with their NUTS ancestors.
    #[getter]
    fn regions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.regions)
    }

    /// What the import did: rows read, duplicates, unknown references, coordinator matching.
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.summary)
    }

    fn __repr__(&self) -> String {
        let p = &self.inner;
        let sources: Vec<String> = p.sources.iter().map(|s| format!("'{}'", s.replace('\'', "\\'"))).collect();
        format!(
            "Partnerships(sources=[{}], projects={}, actors={}, regions={})",
            sources.join(", "),
            p.projects.len(),
            p.actors.len(),
            p.regions.len()
        )
    }

    /// A summary table, shown by Jupyter.
    fn _repr_html_(&self) -> String {
        let p = &self.inner;
        let s = &p.summary;
        let rows = [
            ("sources", escape_html(&p.sources.join(", "))),
            ("projects", p.projects.len().to_string()),
            ("actors", p.actors.len().to_string()),
            ("regions", p.regions.len().to_string()),
            ("participations", s.participations.to_string()),
            ("duplicate participations", s.duplicate_participations.to_string()),
            ("unknown organisations", s.unknown_organisations.to_string()),
            ("unknown projects", s.unknown_projects.to_string()),
            ("unmatched coordinators", s.unmatched_coordinators.len().to_string()),
            ("projects without lead", s.projects_without_lead.to_string()),
            ("actors without country", s.actors_without_country.to_string()),
        ];
        let mut html =
            String::from("<table class=\"clusterpolicy-partnerships\">\n<caption>Partnerships</caption>\n<tbody>\n");
        for (k, v) in rows {
            let _ = writeln!(html, "<tr><th>{k}</th><td>{v}</td></tr>");
        }
        html.push_str("</tbody>\n</table>");
        html
    }

    /// Pickles through the JSON form: `(Partnerships.from_json, (json,))`.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        let inner = &slf.get().inner;
        Ok((from_json, (slf.py().detach(|| serde_json::to_string(inner).unwrap_or_default()),)))
    }
}
