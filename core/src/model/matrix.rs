//! Labelled matrices (regions x activities) and panels (years x regions x activities).

use std::collections::HashMap;

use ndarray::{Array2, Array3, ArrayView2, Axis};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// One cell of a region x activity table in long form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LongRecord {
    /// Region label.
    pub region: String,
    /// Activity label.
    pub activity: String,
    /// Year, for panels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The value.
    pub value: f64,
}

fn check_labels(kind: &str, labels: &[String]) -> Result<HashMap<String, usize>> {
    let mut index = HashMap::with_capacity(labels.len());
    for (i, l) in labels.iter().enumerate() {
        if index.insert(l.clone(), i).is_some() {
            return Err(Error::DuplicateLabel { kind: kind.to_owned(), id: l.clone() });
        }
    }
    Ok(index)
}

/// A matrix with labelled rows (regions) and columns (activities): employment by region
/// and industry, exports by country and product.
///
/// Labels are unique; the value array is `rows.len() x cols.len()`. Numerics take the
/// array as a view ([`LabelledMatrix::values`]) so that `NumPy` arrays cross the Python
/// boundary without copies.
///
/// The JSON form is `{"rows": [...], "cols": [...], "values": [[...], ...]}` (row-major).
///
/// ```
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
///
/// let m = LabelledMatrix::new(
///     vec!["AT11".into(), "AT12".into()],
///     vec!["C10".into(), "C29".into(), "J62".into()],
///     array![[10.0, 0.0, 5.0], [3.0, 7.0, 1.0]],
/// )?;
/// assert_eq!(m.get("AT12", "C29"), Some(7.0));
/// assert_eq!(m.to_long().len(), 6);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "MatrixWire", into = "MatrixWire")]
pub struct LabelledMatrix {
    rows: Vec<String>,
    cols: Vec<String>,
    values: Array2<f64>,
    row_index: HashMap<String, usize>,
    col_index: HashMap<String, usize>,
}

/// Wire form of [`LabelledMatrix`].
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename = "LabelledMatrix")]
struct MatrixWire {
    /// Row labels (regions).
    rows: Vec<String>,
    /// Column labels (activities).
    cols: Vec<String>,
    /// Values, one array per row.
    values: Vec<Vec<f64>>,
}

impl TryFrom<MatrixWire> for LabelledMatrix {
    type Error = Error;
    fn try_from(w: MatrixWire) -> Result<Self> {
        let (n, m) = (w.rows.len(), w.cols.len());
        if w.values.len() != n {
            return Err(Error::ShapeMismatch {
                what: "matrix values".into(),
                expected: format!("{n} rows"),
                found: format!("{} rows", w.values.len()),
            });
        }
        let mut flat = Vec::with_capacity(n * m);
        for (i, row) in w.values.into_iter().enumerate() {
            if row.len() != m {
                return Err(Error::ShapeMismatch {
                    what: format!("matrix row {i} (`{}`)", w.rows[i]),
                    expected: format!("{m} values"),
                    found: format!("{} values", row.len()),
                });
            }
            flat.extend(row);
        }
        let values = Array2::from_shape_vec((n, m), flat).map_err(|e| Error::ShapeMismatch {
            what: "matrix values".into(),
            expected: format!("{n} x {m}"),
            found: e.to_string(),
        })?;
        LabelledMatrix::new(w.rows, w.cols, values)
    }
}

impl From<LabelledMatrix> for MatrixWire {
    fn from(m: LabelledMatrix) -> Self {
        let values = m.values.outer_iter().map(|r| r.to_vec()).collect();
        MatrixWire { rows: m.rows, cols: m.cols, values }
    }
}

impl JsonSchema for LabelledMatrix {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LabelledMatrix".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        MatrixWire::json_schema(generator)
    }
}

impl LabelledMatrix {
    /// A matrix from its labels and values.
    ///
    /// # Errors
    /// [`Error::ShapeMismatch`] when the array is not `rows.len() x cols.len()`,
    /// [`Error::DuplicateLabel`] when a label repeats.
    pub fn new(rows: Vec<String>, cols: Vec<String>, values: Array2<f64>) -> Result<Self> {
        if values.dim() != (rows.len(), cols.len()) {
            return Err(Error::ShapeMismatch {
                what: "labelled matrix".into(),
                expected: format!("{} x {} (rows x cols labels)", rows.len(), cols.len()),
                found: format!("{} x {}", values.nrows(), values.ncols()),
            });
        }
        let row_index = check_labels("row label", &rows)?;
        let col_index = check_labels("column label", &cols)?;
        Ok(Self { rows, cols, values, row_index, col_index })
    }

    /// Row labels (regions).
    #[must_use]
    pub fn rows(&self) -> &[String] {
        &self.rows
    }

    /// Column labels (activities).
    #[must_use]
    pub fn cols(&self) -> &[String] {
        &self.cols
    }

    /// The values as a view.
    #[must_use]
    pub fn values(&self) -> ArrayView2<'_, f64> {
        self.values.view()
    }

    /// Shape as (rows, cols).
    #[must_use]
    pub fn dim(&self) -> (usize, usize) {
        self.values.dim()
    }

    /// Splits into labels and values.
    #[must_use]
    pub fn into_parts(self) -> (Vec<String>, Vec<String>, Array2<f64>) {
        (self.rows, self.cols, self.values)
    }

    /// Index of a row label.
    #[must_use]
    pub fn row_index(&self, label: &str) -> Option<usize> {
        self.row_index.get(label).copied()
    }

    /// Index of a column label.
    #[must_use]
    pub fn col_index(&self, label: &str) -> Option<usize> {
        self.col_index.get(label).copied()
    }

    /// The value at (row label, column label).
    #[must_use]
    pub fn get(&self, row: &str, col: &str) -> Option<f64> {
        Some(self.values[[self.row_index(row)?, self.col_index(col)?]])
    }

    /// The matrix in long form, one record per cell, rows outer and columns inner.
    #[must_use]
    pub fn to_long(&self) -> Vec<LongRecord> {
        let mut out = Vec::with_capacity(self.values.len());
        for (i, r) in self.rows.iter().enumerate() {
            for (j, c) in self.cols.iter().enumerate() {
                out.push(LongRecord { region: r.clone(), activity: c.clone(), year: None, value: self.values[[i, j]] });
            }
        }
        out
    }

    /// Fails with [`Error::NonFinite`] naming the first NaN or infinite cell.
    ///
    /// # Errors
    /// [`Error::NonFinite`].
    pub fn check_finite(&self, what: &str) -> Result<()> {
        for ((i, j), v) in self.values.indexed_iter() {
            if !v.is_finite() {
                return Err(Error::NonFinite {
                    what: what.to_owned(),
                    at: format!("row {i} (`{}`), column {j} (`{}`)", self.rows[i], self.cols[j]),
                });
            }
        }
        Ok(())
    }
}

/// A panel: one region x activity matrix per year, all on the same labels.
///
/// The JSON form is `{"years": [...], "rows": [...], "cols": [...], "values": [[[...]]]}`
/// with `values[t][i][j]` the value of row `i`, column `j` in year `years[t]`.
///
/// ```
/// use clusterpolicy::model::Panel;
/// use clusterpolicy::ndarray::Array3;
///
/// let p = Panel::new(vec![2016, 2021], vec!["R1".into()], vec!["A".into(), "B".into()], Array3::zeros((2, 1, 2)))?;
/// assert_eq!(p.year(2021)?.dim(), (1, 2));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "PanelWire", into = "PanelWire")]
pub struct Panel {
    years: Vec<i32>,
    rows: Vec<String>,
    cols: Vec<String>,
    values: Array3<f64>,
}

/// Wire form of [`Panel`].
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename = "Panel")]
struct PanelWire {
    /// Years, increasing.
    years: Vec<i32>,
    /// Row labels (regions).
    rows: Vec<String>,
    /// Column labels (activities).
    cols: Vec<String>,
    /// Values: one matrix per year, one array per row.
    values: Vec<Vec<Vec<f64>>>,
}

impl TryFrom<PanelWire> for Panel {
    type Error = Error;
    fn try_from(w: PanelWire) -> Result<Self> {
        let (t, n, m) = (w.years.len(), w.rows.len(), w.cols.len());
        if w.values.len() != t {
            return Err(Error::ShapeMismatch {
                what: "panel values".into(),
                expected: format!("{t} years"),
                found: format!("{} years", w.values.len()),
            });
        }
        let mut flat = Vec::with_capacity(t * n * m);
        for (k, mat) in w.values.into_iter().enumerate() {
            if mat.len() != n {
                return Err(Error::ShapeMismatch {
                    what: format!("panel year {}", w.years[k]),
                    expected: format!("{n} rows"),
                    found: format!("{} rows", mat.len()),
                });
            }
            for (i, row) in mat.into_iter().enumerate() {
                if row.len() != m {
                    return Err(Error::ShapeMismatch {
                        what: format!("panel year {}, row {i} (`{}`)", w.years[k], w.rows[i]),
                        expected: format!("{m} values"),
                        found: format!("{} values", row.len()),
                    });
                }
                flat.extend(row);
            }
        }
        let values = Array3::from_shape_vec((t, n, m), flat).map_err(|e| Error::ShapeMismatch {
            what: "panel values".into(),
            expected: format!("{t} x {n} x {m}"),
            found: e.to_string(),
        })?;
        Panel::new(w.years, w.rows, w.cols, values)
    }
}

impl From<Panel> for PanelWire {
    fn from(p: Panel) -> Self {
        let values = p.values.outer_iter().map(|mat| mat.outer_iter().map(|r| r.to_vec()).collect()).collect();
        PanelWire { years: p.years, rows: p.rows, cols: p.cols, values }
    }
}

impl JsonSchema for Panel {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Panel".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        PanelWire::json_schema(generator)
    }
}

impl Panel {
    /// A panel from years, labels and a `years x rows x cols` array.
    ///
    /// # Errors
    /// [`Error::ShapeMismatch`] for a wrong shape, [`Error::DuplicateLabel`] for repeated
    /// labels or years, [`Error::InvalidParameter`] when years are not increasing.
    pub fn new(years: Vec<i32>, rows: Vec<String>, cols: Vec<String>, values: Array3<f64>) -> Result<Self> {
        if values.dim() != (years.len(), rows.len(), cols.len()) {
            return Err(Error::ShapeMismatch {
                what: "panel".into(),
                expected: format!("{} x {} x {} (years x rows x cols)", years.len(), rows.len(), cols.len()),
                found: format!("{:?}", values.dim()),
            });
        }
        check_labels("row label", &rows)?;
        check_labels("column label", &cols)?;
        if let Some(&[a, b]) = years.windows(2).find(|w| w[0] >= w[1]) {
            return Err(Error::param("years", format!("years must increase, found {a} then {b}")));
        }
        Ok(Self { years, rows, cols, values })
    }

    /// Years, increasing.
    #[must_use]
    pub fn years(&self) -> &[i32] {
        &self.years
    }

    /// Row labels (regions).
    #[must_use]
    pub fn rows(&self) -> &[String] {
        &self.rows
    }

    /// Column labels (activities).
    #[must_use]
    pub fn cols(&self) -> &[String] {
        &self.cols
    }

    /// The `years x rows x cols` values.
    #[must_use]
    pub fn values(&self) -> ndarray::ArrayView3<'_, f64> {
        self.values.view()
    }

    /// The matrix of one year.
    ///
    /// # Errors
    /// [`Error::UnknownLabel`] if the year is not in the panel.
    pub fn year(&self, year: i32) -> Result<LabelledMatrix> {
        let t = self
            .years
            .iter()
            .position(|&y| y == year)
            .ok_or_else(|| Error::UnknownLabel { kind: "year".into(), id: year.to_string() })?;
        LabelledMatrix::new(self.rows.clone(), self.cols.clone(), self.values.index_axis(Axis(0), t).to_owned())
    }

    /// The panel in long form: years outer, then rows, then columns.
    #[must_use]
    pub fn to_long(&self) -> Vec<LongRecord> {
        let mut out = Vec::with_capacity(self.values.len());
        for (t, y) in self.years.iter().enumerate() {
            for (i, r) in self.rows.iter().enumerate() {
                for (j, c) in self.cols.iter().enumerate() {
                    out.push(LongRecord {
                        region: r.clone(),
                        activity: c.clone(),
                        year: Some(*y),
                        value: self.values[[t, i, j]],
                    });
                }
            }
        }
        out
    }
}
