//! Classic shift-share decomposition of the change between two years.

use ndarray::ArrayView2;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::prepare::Names;
use crate::error::{Error, Result};
use crate::model::{LabelledMatrix, Panel};

/// Options of [`shift_share_panel`]: which two years of the panel to compare.
///
/// ```
/// use clusterpolicy::specialisation::ShiftShareParams;
/// let p: ShiftShareParams = serde_json::from_str(r#"{"from_year": 2012}"#).unwrap();
/// assert_eq!(p.to_year, None); // the last year of the panel
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ShiftShareParams {
    /// Base year; default the first year of the panel.
    pub from_year: Option<i32>,
    /// End year; default the last year of the panel.
    pub to_year: Option<i32>,
}

/// The decomposition of one region x activity cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ShiftShareRecord {
    /// Region label.
    pub region: String,
    /// Activity label.
    pub activity: String,
    /// Base year (for panels).
    pub from_year: Option<i32>,
    /// End year (for panels).
    pub to_year: Option<i32>,
    /// Value in the base year.
    pub base: f64,
    /// Value in the end year.
    pub end: f64,
    /// Observed change `end - base`.
    pub change: f64,
    /// National growth component `base x G`.
    pub national_growth: f64,
    /// Industry mix component `base x (g_i - G)`.
    pub industry_mix: f64,
    /// Regional (competitive) shift: `change - national_growth - industry_mix`, which is
    /// `base x (g_ri - g_i)`.
    pub regional_shift: f64,
}

/// The decomposition summed over the activities of one region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ShiftShareTotal {
    /// Region label.
    pub region: String,
    /// Value in the base year.
    pub base: f64,
    /// Value in the end year.
    pub end: f64,
    /// Observed change.
    pub change: f64,
    /// Sum of the national growth components.
    pub national_growth: f64,
    /// Sum of the industry mix components.
    pub industry_mix: f64,
    /// Sum of the regional shift components.
    pub regional_shift: f64,
}

/// A shift-share decomposition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ShiftShare {
    /// Base year (for panels).
    pub from_year: Option<i32>,
    /// End year (for panels).
    pub to_year: Option<i32>,
    /// Growth rate of the whole matrix `G = X1 / X0 - 1` (0 when `X0` is 0).
    pub national_rate: f64,
    /// Growth rate of each activity over all regions, `g_i = X1_i / X0_i - 1` (in column
    /// order; NaN when the activity is absent in the base year).
    pub activity_rates: Vec<f64>,
    /// One record per cell, regions outer.
    pub records: Vec<ShiftShareRecord>,
    /// One total per region.
    pub regions: Vec<ShiftShareTotal>,
}

fn check(v: &ArrayView2<'_, f64>, what: &str, names: Names<'_>) -> Result<()> {
    for ((i, j), &x) in v.indexed_iter() {
        if !x.is_finite() {
            return Err(Error::NonFinite { what: what.to_owned(), at: format!("{}, {}", names.row(i), names.col(j)) });
        }
        if x < 0.0 {
            return Err(Error::param(
                "values",
                format!("negative value {x} in {what} at {}, {}", names.row(i), names.col(j)),
            ));
        }
    }
    Ok(())
}

/// Shift-share decomposition of the change between a base and an end matrix on the same
/// labels.
///
/// Formula (Dunn 1960; Esteban-Marquillas' notation): with `x0_ri`, `x1_ri` the base and end
/// values, `G = X1 / X0 - 1` the growth of the whole matrix and `g_i = X1_i / X0_i - 1` the
/// growth of activity `i` over all regions:
/// `x1_ri - x0_ri = x0_ri G` (national growth) `+ x0_ri (g_i - G)` (industry mix)
/// `+ x0_ri (g_ri - g_i)` (regional shift). The regional shift is computed as the observed
/// change minus the other two, so that the three components add up to the observed change
/// (to the rounding of one floating-point addition). When an activity is absent in the base
/// year (`X0_i = 0`) every `x0_ri` is 0, so national growth and industry mix are 0 and the
/// whole change is regional shift; likewise for `X0 = 0`.
///
/// Arguments: `base`, `end`: non-negative values on identical labels.
///
/// # Errors
/// [`Error::ShapeMismatch`] when the labels differ; [`Error::NonFinite`] for NaN or
/// infinite values and [`Error::InvalidParameter`] (`values`) for negative ones, naming the
/// cell; [`Error::Empty`] for an empty matrix.
///
/// Complexity: O(n m).
///
/// ```
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::shift_share;
///
/// let labels = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
/// let m0 = LabelledMatrix::new(labels(&["R1", "R2"]), labels(&["A", "B"]), array![[100.0, 100.0], [100.0, 100.0]])?;
/// let m1 = LabelledMatrix::new(labels(&["R1", "R2"]), labels(&["A", "B"]), array![[160.0, 100.0], [140.0, 100.0]])?;
/// let s = shift_share(&m0, &m1)?;
/// assert_eq!(s.national_rate, 0.25);
/// let r1a = &s.records[0];
/// assert_eq!((r1a.national_growth, r1a.industry_mix, r1a.regional_shift), (25.0, 25.0, 10.0));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Dunn (1960), A statistical and analytical technique for regional analysis,
/// *Papers of the Regional Science Association* 6: 97-112; the same components as
/// REAT's `shift()` (classic variant).
pub fn shift_share(base: &LabelledMatrix, end: &LabelledMatrix) -> Result<ShiftShare> {
    if base.rows() != end.rows() || base.cols() != end.cols() {
        return Err(Error::ShapeMismatch {
            what: "shift-share end matrix (labels must equal the base matrix's)".into(),
            expected: format!("{} x {} with the same labels", base.rows().len(), base.cols().len()),
            found: format!("{} x {}", end.rows().len(), end.cols().len()),
        });
    }
    decompose(base.rows(), base.cols(), base.values(), end.values(), None, None)
}

fn decompose(
    rows: &[String],
    cols: &[String],
    x0: ArrayView2<'_, f64>,
    x1: ArrayView2<'_, f64>,
    from_year: Option<i32>,
    to_year: Option<i32>,
) -> Result<ShiftShare> {
    let names = Names::of(rows, cols);
    if rows.is_empty() || cols.is_empty() {
        return Err(Error::Empty { what: "shift-share matrix".into() });
    }
    check(&x0, "shift-share base values", names)?;
    check(&x1, "shift-share end values", names)?;
    let c0 = x0.sum_axis(ndarray::Axis(0));
    let c1 = x1.sum_axis(ndarray::Axis(0));
    let (t0, t1) = (c0.sum(), c1.sum());
    let national_rate = if t0 > 0.0 { t1 / t0 - 1.0 } else { 0.0 };
    let activity_rates: Vec<f64> =
        c0.iter().zip(c1.iter()).map(|(&a, &b)| if a > 0.0 { b / a - 1.0 } else { f64::NAN }).collect();
    let mut records = Vec::with_capacity(rows.len() * cols.len());
    let mut regions = Vec::with_capacity(rows.len());
    for (i, r) in rows.iter().enumerate() {
        let mut tot = ShiftShareTotal {
            region: r.clone(),
            base: 0.0,
            end: 0.0,
            change: 0.0,
            national_growth: 0.0,
            industry_mix: 0.0,
            regional_shift: 0.0,
        };
        for (j, a) in cols.iter().enumerate() {
            let (b, e) = (x0[[i, j]], x1[[i, j]]);
            let change = e - b;
            let (ng, im) =
                if b > 0.0 { (b * national_rate, b * (activity_rates[j] - national_rate)) } else { (0.0, 0.0) };
            let rs = change - ng - im;
            tot.base += b;
            tot.end += e;
            tot.change += change;
            tot.national_growth += ng;
            tot.industry_mix += im;
            tot.regional_shift += rs;
            records.push(ShiftShareRecord {
                region: r.clone(),
                activity: a.clone(),
                from_year,
                to_year,
                base: b,
                end: e,
                change,
                national_growth: ng,
                industry_mix: im,
                regional_shift: rs,
            });
        }
        regions.push(tot);
    }
    Ok(ShiftShare { from_year, to_year, national_rate, activity_rates, records, regions })
}

/// [`shift_share`] between two years of a panel (default: its first and last year), in
/// long form with the years on every record.
///
/// # Errors
/// As [`shift_share`]; [`Error::UnknownLabel`] (kind `year`) for a year not in the panel;
/// [`Error::InvalidParameter`] (`to_year`) unless `from_year < to_year`.
///
/// Complexity: O(n m).
///
/// ```
/// use clusterpolicy::model::Panel;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::specialisation::{ShiftShareParams, shift_share_panel};
///
/// let p = Panel::new(vec![2020, 2021], vec!["R1".into()], vec!["A".into(), "B".into()],
///     array![[[10.0, 10.0]], [[12.0, 9.0]]])?;
/// let s = shift_share_panel(&p, &ShiftShareParams::default())?;
/// assert_eq!((s.from_year, s.to_year), (Some(2020), Some(2021)));
/// assert_eq!(s.records[0].change, 2.0);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn shift_share_panel(panel: &Panel, params: &ShiftShareParams) -> Result<ShiftShare> {
    let years = panel.years();
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return Err(Error::Empty { what: "panel without years".into() });
    };
    let (from, to) = (params.from_year.unwrap_or(first), params.to_year.unwrap_or(last));
    let pos = |y: i32| {
        years.iter().position(|&x| x == y).ok_or_else(|| Error::UnknownLabel { kind: "year".into(), id: y.to_string() })
    };
    let (t0, t1) = (pos(from)?, pos(to)?);
    if t0 >= t1 {
        return Err(Error::param("to_year", format!("must come after from_year ({from}), got {to}")));
    }
    let v = panel.values();
    decompose(
        panel.rows(),
        panel.cols(),
        v.index_axis(ndarray::Axis(0), t0),
        v.index_axis(ndarray::Axis(0), t1),
        Some(from),
        Some(to),
    )
}
