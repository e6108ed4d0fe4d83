//! Specialisation and cluster mapping: [`clusterpolicy::specialisation`].
//!
//! Matrices cross as plain objects `{ rows: string[], cols: string[], values }` where
//! `values` is a row-major `Float64Array` of length `rows.length * cols.length` (or an array
//! of row arrays); results come back in the same form with a `Float64Array`. Options are
//! plain objects with the fields of the core's `XxxParams` (any subset; unknown fields are
//! rejected); results are plain objects.

// wasm-bindgen hands optional JavaScript arguments over as owned values.
#![allow(clippy::needless_pass_by_value)]

use clusterpolicy::model::LabelledMatrix;
use clusterpolicy::ndarray::Array2;
use clusterpolicy::specialisation as sp;
use js_sys::{Array, Float64Array, Object, Reflect};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::conversion::{from_js, options as params, to_js};
use crate::error::{conversion_error, js_error, type_error};
use crate::model::Dataset;

#[wasm_bindgen(typescript_custom_section)]
const MATRIX_TYPES: &str = r"
/** A labelled region x activity matrix: `values` row-major, `rows.length * cols.length` long (or one array per row). */
export interface MatrixInput {
  rows: string[];
  cols: string[];
  values: Float64Array | number[] | number[][];
}

/** A labelled matrix result: `values` row-major. */
export interface MatrixOutput {
  rows: string[];
  cols: string[];
  values: Float64Array;
}

/** RCA, presence and every index at once (`analyse`). */
export interface AnalysisOutput {
  rows: string[];
  cols: string[];
  rca: Float64Array;
  presence: Float64Array;
  regions: { location_quotient_avg: Float64Array; krugman: Float64Array; specialisation_coefficient: Float64Array; hachman: Float64Array; herfindahl: Float64Array; entropy: Float64Array; diversity: Float64Array };
  activities: { ubiquity: Float64Array; gini: Float64Array; locational_gini: Float64Array; hoover: Float64Array; hoover_gini: Float64Array };
}
";

#[wasm_bindgen]
extern "C" {
    /// TypeScript `MatrixInput`.
    #[wasm_bindgen(typescript_type = "MatrixInput")]
    pub type MatrixInput;
    /// TypeScript `MatrixOutput`.
    #[wasm_bindgen(typescript_type = "MatrixOutput")]
    pub type MatrixOutput;
    /// TypeScript `AnalysisOutput`.
    #[wasm_bindgen(typescript_type = "AnalysisOutput")]
    pub type AnalysisOutput;
    /// TypeScript `RcaParams`.
    #[wasm_bindgen(typescript_type = "RcaParams")]
    pub type RcaParamsObject;
    /// TypeScript `IndexParams`.
    #[wasm_bindgen(typescript_type = "IndexParams")]
    pub type IndexParamsObject;
    /// TypeScript `VarietyParams`.
    #[wasm_bindgen(typescript_type = "VarietyParams")]
    pub type VarietyParamsObject;
    /// TypeScript `StarParams`.
    #[wasm_bindgen(typescript_type = "StarParams")]
    pub type StarParamsObject;
    /// TypeScript `ClusterMapping`.
    #[wasm_bindgen(typescript_type = "ClusterMapping")]
    pub type ClusterMappingObject;
    /// TypeScript `StarRating[]`.
    #[wasm_bindgen(typescript_type = "StarRating[]")]
    pub type StarRatingArray;
    /// TypeScript `Variety`.
    #[wasm_bindgen(typescript_type = "Variety")]
    pub type VarietyObject;
    /// TypeScript `ShiftShare`.
    #[wasm_bindgen(typescript_type = "ShiftShare")]
    pub type ShiftShareObject;
    /// TypeScript `SpecialisationSummary`.
    #[wasm_bindgen(typescript_type = "SpecialisationSummary")]
    pub type SpecialisationSummaryObject;
    /// TypeScript `Record<string, string>` (activity -> group).
    #[wasm_bindgen(typescript_type = "Record<string, string>")]
    pub type GroupsObject;
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn field<T: DeserializeOwned>(obj: &JsValue, key: &str, what: &str) -> Result<T, JsValue> {
    from_js(&get(obj, key)).map_err(|e| conversion_error(&e, &format!("{what}.{key}")))
}

/// A `MatrixInput` plain object as a labelled matrix.
pub(crate) fn matrix(obj: &JsValue, what: &str) -> Result<LabelledMatrix, JsValue> {
    if !obj.is_object() {
        return Err(type_error(what, "a { rows, cols, values } object", obj));
    }
    let rows: Vec<String> = field(obj, "rows", what)?;
    let cols: Vec<String> = field(obj, "cols", what)?;
    let raw = get(obj, "values");
    let flat: Vec<f64> = if let Some(a) = raw.dyn_ref::<Float64Array>() {
        a.to_vec()
    } else if Array::is_array(&raw) && Array::from(&raw).get(0).is_object() {
        let nested: Vec<Vec<f64>> = field(obj, "values", what)?;
        if nested.len() != rows.len() || nested.iter().any(|r| r.len() != cols.len()) {
            return Err(js_error(&clusterpolicy::Error::ShapeMismatch {
                what: format!("{what}.values"),
                expected: format!("{} rows of {} values", rows.len(), cols.len()),
                found: format!("{} rows", nested.len()),
            }));
        }
        nested.into_iter().flatten().collect()
    } else {
        field(obj, "values", what)?
    };
    let (n, m) = (rows.len(), cols.len());
    if flat.len() != n * m {
        return Err(js_error(&clusterpolicy::Error::ShapeMismatch {
            what: format!("{what}.values (row-major)"),
            expected: format!("{} values ({n} rows x {m} cols)", n * m),
            found: format!("{} values", flat.len()),
        }));
    }
    let values = Array2::from_shape_vec((n, m), flat).map_err(|e| {
        js_error(&clusterpolicy::Error::ShapeMismatch {
            what: what.into(),
            expected: format!("{n} x {m}"),
            found: e.to_string(),
        })
    })?;
    LabelledMatrix::new(rows, cols, values).map_err(|e| js_error(&e))
}

fn strings(v: &[String]) -> Array {
    v.iter().map(|s| JsValue::from_str(s)).collect()
}

fn row_major(a: &Array2<f64>) -> Float64Array {
    let std = a.as_standard_layout();
    Float64Array::from(std.as_slice().unwrap_or(&[]))
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    // Setting a property of a fresh object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn output(m: &LabelledMatrix) -> MatrixOutput {
    let obj = Object::new();
    set(&obj, "rows", &strings(m.rows()));
    set(&obj, "cols", &strings(m.cols()));
    set(&obj, "values", &row_major(&m.values().to_owned()));
    obj.unchecked_into()
}

fn run(
    input: &JsValue,
    options: Option<JsValue>,
    what: &str,
    f: fn(&LabelledMatrix, &sp::RcaParams) -> clusterpolicy::Result<LabelledMatrix>,
) -> Result<MatrixOutput, JsValue> {
    let m = matrix(input, what)?;
    let p: sp::RcaParams = params(options, &format!("{what} options"))?;
    f(&m, &p).map(|r| output(&r)).map_err(|e| js_error(&e))
}

/// Location quotient / Balassa RCA `(x_ri / x_r.) / (x_.i / x_..)` of a matrix (EconGeo's
/// `location_quotient`, Datawheel's `rca`). Options: `RcaParams` (`zero_rows`, `zero_cols`,
/// `missing`: `"nan" | "zero" | "drop" | "error"`; `threshold`; `digits`).
///
/// # Errors
/// Throws `NonFiniteError`, `InvalidParameterError`, `EmptyInputError`, `ShapeMismatchError`
/// naming the offending region, activity or cell; `JsonError` for a malformed option object.
#[wasm_bindgen(js_name = rca)]
pub fn rca(
    matrix: &MatrixInput,
    #[wasm_bindgen(unchecked_param_type = "RcaParams")] options: Option<JsValue>,
) -> Result<MatrixOutput, JsValue> {
    run(matrix, options, "rca", sp::rca)
}

/// Binary presence: 1 where RCA >= `threshold` (default 1), else 0.
///
/// # Errors
/// As `rca`.
#[wasm_bindgen(js_name = presence)]
pub fn presence(
    matrix: &MatrixInput,
    #[wasm_bindgen(unchecked_param_type = "RcaParams")] options: Option<JsValue>,
) -> Result<MatrixOutput, JsValue> {
    run(matrix, options, "presence", sp::presence)
}

/// Symmetric RCA `(RCA - 1) / (RCA + 1)`.
///
/// # Errors
/// As `rca`.
#[wasm_bindgen(js_name = symmetricRca)]
pub fn symmetric_rca(
    matrix: &MatrixInput,
    #[wasm_bindgen(unchecked_param_type = "RcaParams")] options: Option<JsValue>,
) -> Result<MatrixOutput, JsValue> {
    run(matrix, options, "symmetricRca", sp::symmetric_rca)
}

/// Per-capita presence index RPOP `(x_ri / pop_r) / (x_.i / pop_.)`; `population` has one
/// value per row. With `binary: true`, the 0/1 presence `RPOP >= threshold`.
///
/// # Errors
/// As `rca`; `ShapeMismatchError` / `InvalidParameterError` for a bad population.
#[wasm_bindgen(js_name = rpop)]
pub fn rpop(
    matrix: &MatrixInput,
    population: &[f64],
    #[wasm_bindgen(unchecked_param_type = "RcaParams")] options: Option<JsValue>,
    binary: Option<bool>,
) -> Result<MatrixOutput, JsValue> {
    let m = self::matrix(matrix, "rpop")?;
    let p: sp::RcaParams = params(options, "rpop options")?;
    let r = if binary.unwrap_or(false) { sp::rpop_presence(&m, population, &p) } else { sp::rpop(&m, population, &p) };
    r.map(|r| output(&r)).map_err(|e| js_error(&e))
}

/// RCA, presence, the region indices (average LQ, Krugman, specialisation coefficient,
/// Hachman, Herfindahl, entropy, diversity) and the activity indices (ubiquity, Gini,
/// locational Gini, Hoover, Hoover-Gini) at once. Options: `IndexParams` (`rca`,
/// `convention: "exact" | "econ_geo"`); `reference`: the Hoover reference distribution,
/// one value per row (default: the regions' totals).
///
/// # Errors
/// As `rca`.
#[wasm_bindgen(js_name = analyse)]
pub fn analyse(
    matrix: &MatrixInput,
    #[wasm_bindgen(unchecked_param_type = "IndexParams")] options: Option<JsValue>,
    reference: Option<Vec<f64>>,
) -> Result<AnalysisOutput, JsValue> {
    let m = self::matrix(matrix, "analyse")?;
    let p: sp::IndexParams = params(options, "analyse options")?;
    let a = sp::analyse(&m, &p, reference.as_deref()).map_err(|e| js_error(&e))?;
    let obj = Object::new();
    set(&obj, "rows", &strings(&a.regions.regions));
    set(&obj, "cols", &strings(&a.activities.activities));
    set(&obj, "rca", &row_major(&a.rca));
    set(&obj, "presence", &row_major(&a.presence));
    let regions = Object::new();
    let r = &a.regions;
    for (k, v) in [
        ("location_quotient_avg", &r.location_quotient_avg),
        ("krugman", &r.krugman),
        ("specialisation_coefficient", &r.specialisation_coefficient),
        ("hachman", &r.hachman),
        ("herfindahl", &r.herfindahl),
        ("entropy", &r.entropy),
        ("diversity", &r.diversity),
    ] {
        set(&regions, k, &Float64Array::from(v.as_slice()));
    }
    set(&obj, "regions", &regions);
    let activities = Object::new();
    let x = &a.activities;
    for (k, v) in [
        ("ubiquity", &x.ubiquity),
        ("gini", &x.gini),
        ("locational_gini", &x.locational_gini),
        ("hoover", &x.hoover),
        ("hoover_gini", &x.hoover_gini),
    ] {
        set(&activities, k, &Float64Array::from(v.as_slice()));
    }
    set(&obj, "activities", &activities);
    Ok(obj.unchecked_into())
}

/// Entropy, unrelated and related variety of each region (Frenken, Van Oort & Verburg 2007);
/// `groups` maps each column label to its group.
///
/// # Errors
/// As `rca`; `UnknownLabelError` for an activity without a group.
#[wasm_bindgen(js_name = variety)]
pub fn variety(
    matrix: &MatrixInput,
    groups: &GroupsObject,
    #[wasm_bindgen(unchecked_param_type = "VarietyParams")] options: Option<JsValue>,
) -> Result<VarietyObject, JsValue> {
    let m = self::matrix(matrix, "variety")?;
    let g: sp::ActivityGroups = from_js(groups).map_err(|e| conversion_error(&e, "variety groups"))?;
    let p: sp::VarietyParams = params(options, "variety options")?;
    let v = sp::variety(&m, &g, &p).map_err(|e| js_error(&e))?;
    to_js(&v).map(JsCast::unchecked_into)
}

/// Shift-share decomposition (national growth, industry mix, regional shift) between a base
/// and an end matrix on the same labels.
///
/// # Errors
/// `ShapeMismatchError` when the labels differ; `NonFiniteError` / `InvalidParameterError`
/// for bad values.
#[wasm_bindgen(js_name = shiftShare)]
pub fn shift_share(base: &MatrixInput, end: &MatrixInput) -> Result<ShiftShareObject, JsValue> {
    let m0 = matrix(base, "shiftShare base")?;
    let m1 = matrix(end, "shiftShare end")?;
    let s = sp::shift_share(&m0, &m1).map_err(|e| js_error(&e))?;
    to_js(&s).map(JsCast::unchecked_into)
}

/// European Cluster Observatory star ratings of each region x cluster category from a
/// region x activity matrix and a `ClusterMapping` (default: the example NACE mapping),
/// with regional totals from the matrix's row sums. Options: `StarParams`.
///
/// # Errors
/// As `rca`; `JsonError` for a malformed mapping.
#[wasm_bindgen(js_name = starClusters)]
pub fn star_clusters(
    matrix: &MatrixInput,
    #[wasm_bindgen(unchecked_param_type = "ClusterMapping")] mapping: Option<JsValue>,
    #[wasm_bindgen(unchecked_param_type = "StarParams")] options: Option<JsValue>,
) -> Result<StarRatingArray, JsValue> {
    let m = self::matrix(matrix, "starClusters")?;
    let mapping = match mapping {
        Some(v) if !v.is_undefined() && !v.is_null() => {
            from_js(&v).map_err(|e| conversion_error(&e, "cluster mapping"))?
        }
        _ => sp::example_nace_mapping(),
    };
    let p: sp::StarParams = params(options, "starClusters options")?;
    let s = sp::star_clusters(&m, &mapping, &p).map_err(|e| js_error(&e))?;
    to_js(&s).map(JsCast::unchecked_into)
}

/// Star ratings from a region x category employment matrix and the regions' total
/// employment (one value per row).
///
/// # Errors
/// As `starClusters`; `ShapeMismatchError` for totals of the wrong length.
#[wasm_bindgen(js_name = starRatings)]
pub fn star_ratings(
    categories: &MatrixInput,
    region_totals: &[f64],
    #[wasm_bindgen(unchecked_param_type = "StarParams")] options: Option<JsValue>,
) -> Result<StarRatingArray, JsValue> {
    let m = matrix(categories, "starRatings")?;
    let p: sp::StarParams = params(options, "starRatings options")?;
    let s = sp::star_ratings(&m, region_totals, &p).map_err(|e| js_error(&e))?;
    to_js(&s).map(JsCast::unchecked_into)
}

/// The **example** mapping of the embedded dataset's NACE units to 14 cluster categories
/// (illustrative, not a published definition; see its `source`).
///
/// # Errors
/// None in practice.
#[wasm_bindgen(js_name = exampleNaceMapping)]
pub fn example_nace_mapping() -> Result<ClusterMappingObject, JsValue> {
    to_js(&sp::example_nace_mapping()).map(JsCast::unchecked_into)
}

/// The specialisation profile of a dataset (the report section): per region the top
/// specialisations and the star clusters, for the last year of `indicator` (default
/// `"employment"`).
///
/// # Errors
/// `EmptyInputError` when the dataset has no such observations.
#[wasm_bindgen(js_name = summariseSpecialisation)]
pub fn summarise_specialisation(
    dataset: &Dataset,
    indicator: Option<String>,
) -> Result<SpecialisationSummaryObject, JsValue> {
    let s = sp::summarise(dataset.inner(), indicator.as_deref().unwrap_or("employment"), None, 3)
        .map_err(|e| js_error(&e))?;
    to_js(&s).map(JsCast::unchecked_into)
}

/// The matrix of one year of an indicator's observations by region and activity in a
/// dataset (default: employment, the last year).
///
/// # Errors
/// `EmptyInputError` when the dataset has no such observations; `UnknownLabelError` for a
/// year without them.
#[wasm_bindgen(js_name = observationMatrix)]
pub fn observation_matrix(
    dataset: &Dataset,
    indicator: Option<String>,
    year: Option<i32>,
) -> Result<MatrixOutput, JsValue> {
    let p = sp::observation_panel(dataset.inner(), indicator.as_deref().unwrap_or("employment"))
        .map_err(|e| js_error(&e))?;
    let y = year.or_else(|| p.years().last().copied()).unwrap_or_default();
    p.year(y).map(|m| output(&m)).map_err(|e| js_error(&e))
}
