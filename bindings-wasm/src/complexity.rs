//! Smart-specialisation models: [`clusterpolicy::complexity`].
//!
//! Matrices cross as plain objects `{ rows, cols, values }` (`values` row-major, a
//! `Float64Array` or nested arrays), panels as `{ years, rows, cols, values }` (`values`
//! years x rows x cols, row-major). Options are plain objects with the fields of the core's
//! `XxxParams` (any subset; unknown fields are rejected); results are plain objects whose
//! TypeScript types are generated from the Rust types.

use std::collections::BTreeMap;

use clusterpolicy::complexity as cx;
use clusterpolicy::model::{LabelledMatrix, Panel};
use clusterpolicy::ndarray::{Array2, Array3};
use js_sys::{Array, Float64Array, Object, Reflect};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::conversion::{from_js, options as params, to_js};
use crate::error::{conversion_error, js_error, type_error};

#[wasm_bindgen(typescript_custom_section)]
const PANEL_TYPES: &str = r"
/** A labelled panel: `values` years x rows x cols, row-major (or nested arrays). */
export interface PanelInput {
  years: number[];
  rows: string[];
  cols: string[];
  values: Float64Array | number[] | number[][][];
}
";

#[wasm_bindgen]
extern "C" {
    /// TypeScript `PanelInput`.
    #[wasm_bindgen(typescript_type = "PanelInput")]
    pub type PanelInput;
    /// TypeScript `Complexity`.
    #[wasm_bindgen(typescript_type = "Complexity")]
    pub type ComplexityObject;
    /// TypeScript `RegionScore[]`.
    #[wasm_bindgen(typescript_type = "RegionScore[]")]
    pub type RegionScoreArray;
    /// TypeScript `Outlook`.
    #[wasm_bindgen(typescript_type = "Outlook")]
    pub type OutlookObject;
    /// TypeScript `ProfileTable`.
    #[wasm_bindgen(typescript_type = "ProfileTable")]
    pub type ProfileTableObject;
    /// TypeScript `PriorityMap[]`.
    #[wasm_bindgen(typescript_type = "PriorityMap[]")]
    pub type PriorityMapArray;
    /// TypeScript `Backtest`.
    #[wasm_bindgen(typescript_type = "Backtest")]
    pub type BacktestObject;
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn field<T: DeserializeOwned>(obj: &JsValue, key: &str, what: &str) -> Result<T, JsValue> {
    from_js(&get(obj, key)).map_err(|e| conversion_error(&e, &format!("{what}.{key}")))
}

fn shape_error(what: &str, expected: String, found: String) -> JsValue {
    js_error(&clusterpolicy::Error::ShapeMismatch { what: what.to_owned(), expected, found })
}

/// Flat row-major values: a `Float64Array`, a flat array, or nested arrays (flattened).
fn flat_values(obj: &JsValue, what: &str) -> Result<Vec<f64>, JsValue> {
    let raw = get(obj, "values");
    if let Some(a) = raw.dyn_ref::<Float64Array>() {
        return Ok(a.to_vec());
    }
    if !Array::is_array(&raw) {
        return Err(type_error(what, "values as a Float64Array or an array", &raw));
    }
    let mut out = Vec::new();
    flatten(&raw, &mut out, what)?;
    Ok(out)
}

fn flatten(v: &JsValue, out: &mut Vec<f64>, what: &str) -> Result<(), JsValue> {
    if Array::is_array(v) {
        for item in Array::from(v).iter() {
            flatten(&item, out, what)?;
        }
        Ok(())
    } else if let Some(x) = v.as_f64() {
        out.push(x);
        Ok(())
    } else {
        Err(type_error(what, "numbers in values", v))
    }
}

fn matrix(obj: &JsValue, what: &str) -> Result<LabelledMatrix, JsValue> {
    if !obj.is_object() {
        return Err(type_error(what, "a { rows, cols, values } object", obj));
    }
    let rows: Vec<String> = field(obj, "rows", what)?;
    let cols: Vec<String> = field(obj, "cols", what)?;
    let flat = flat_values(obj, what)?;
    let (n, m) = (rows.len(), cols.len());
    let values = Array2::from_shape_vec((n, m), flat)
        .map_err(|e| shape_error(&format!("{what}.values (row-major)"), format!("{} values", n * m), e.to_string()))?;
    LabelledMatrix::new(rows, cols, values).map_err(|e| js_error(&e))
}

fn panel(obj: &JsValue, what: &str) -> Result<Panel, JsValue> {
    if !obj.is_object() {
        return Err(type_error(what, "a { years, rows, cols, values } object", obj));
    }
    let years: Vec<i32> = field(obj, "years", what)?;
    let rows: Vec<String> = field(obj, "rows", what)?;
    let cols: Vec<String> = field(obj, "cols", what)?;
    let flat = flat_values(obj, what)?;
    let dim = (years.len(), rows.len(), cols.len());
    let values = Array3::from_shape_vec(dim, flat).map_err(|e| {
        shape_error(&format!("{what}.values (row-major)"), format!("{} values", dim.0 * dim.1 * dim.2), e.to_string())
    })?;
    Panel::new(years, rows, cols, values).map_err(|e| js_error(&e))
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    // Setting a property of a fresh object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn output(m: &LabelledMatrix) -> MatrixOutputValue {
    let obj = Object::new();
    set(&obj, "rows", &m.rows().iter().map(|s| JsValue::from_str(s)).collect::<Array>());
    set(&obj, "cols", &m.cols().iter().map(|s| JsValue::from_str(s)).collect::<Array>());
    let std = m.values().as_standard_layout().to_owned();
    set(&obj, "values", &Float64Array::from(std.as_slice().unwrap_or(&[])));
    obj.unchecked_into()
}

#[wasm_bindgen]
extern "C" {
    /// TypeScript `MatrixOutput` (declared by the specialisation module).
    #[wasm_bindgen(typescript_type = "MatrixOutput")]
    pub type MatrixOutputValue;
    /// TypeScript `MatrixInput` (declared by the specialisation module).
    #[wasm_bindgen(typescript_type = "MatrixInput")]
    pub type MatrixInputValue;
}

fn js<T: serde::Serialize, U: JsCast>(value: &T) -> Result<U, JsValue> {
    Ok(to_js(value)?.unchecked_into())
}

/// Relatedness between the activities (columns) of a binary presence matrix (RCA values
/// for `method: "correlation"`). Options: `RelatednessParams`.
///
/// # Errors
/// `InvalidParameterError` (non-binary presence, bad options), `NonFiniteError`,
/// `EmptyInputError`.
#[wasm_bindgen(js_name = relatedness)]
pub fn relatedness(
    presence: &MatrixInputValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RelatednessParams")] options: Option<JsValue>,
) -> Result<MatrixOutputValue, JsValue> {
    let m = matrix(presence, "relatedness")?;
    let p: cx::RelatednessParams = params(options, "relatedness options")?;
    cx::relatedness(&m, &p).map(|r| output(&r)).map_err(|e| js_error(&e))
}

/// Relatedness density of a presence matrix under a relatedness matrix. Options:
/// `DensityParams`.
///
/// # Errors
/// `ShapeMismatchError` / `UnknownLabelError` when the activities differ, and as
/// [`relatedness`].
#[wasm_bindgen(js_name = relatednessDensity)]
pub fn relatedness_density(
    presence: &MatrixInputValue,
    relatedness: &MatrixInputValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DensityParams")] options: Option<JsValue>,
) -> Result<MatrixOutputValue, JsValue> {
    let m = matrix(presence, "relatednessDensity presence")?;
    let r = matrix(relatedness, "relatednessDensity relatedness")?;
    let p: cx::DensityParams = params(options, "relatednessDensity options")?;
    cx::relatedness_density(&m, &r, &p).map(|d| output(&d)).map_err(|e| js_error(&e))
}

/// Relative relatedness (Datawheel): density as a z-score among each region's absent
/// activities.
///
/// # Errors
/// As [`relatedness_density`].
#[wasm_bindgen(js_name = relativeRelatedness)]
pub fn relative_relatedness(
    presence: &MatrixInputValue,
    relatedness: &MatrixInputValue,
) -> Result<MatrixOutputValue, JsValue> {
    let m = matrix(presence, "relativeRelatedness presence")?;
    let r = matrix(relatedness, "relativeRelatedness relatedness")?;
    cx::relative_relatedness(&m, &r).map(|d| output(&d)).map_err(|e| js_error(&e))
}

/// Economic complexity of a binary presence matrix. Options: `ComplexityParams`
/// (`method`: `eigenvector`, `reflections`, `econgeo_eigenvector`, `econgeo_reflections`,
/// `fitness`).
///
/// # Errors
/// As the core's `economic_complexity`.
#[wasm_bindgen(js_name = economicComplexity)]
pub fn economic_complexity(
    presence: &MatrixInputValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ComplexityParams")] options: Option<JsValue>,
) -> Result<ComplexityObject, JsValue> {
    let m = matrix(presence, "economicComplexity")?;
    let p: cx::ComplexityParams = params(options, "economicComplexity options")?;
    js(&cx::economic_complexity(&m, &p).map_err(|e| js_error(&e))?)
}

/// Subnational ECI from an external PCI by activity label. Options: `SubnationalParams`.
///
/// # Errors
/// As the core's `subnational_eci`.
#[wasm_bindgen(js_name = subnationalEci)]
pub fn subnational_eci(
    presence: &MatrixInputValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, number>")] pci: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SubnationalParams")] options: Option<JsValue>,
) -> Result<RegionScoreArray, JsValue> {
    let m = matrix(presence, "subnationalEci")?;
    let pci: BTreeMap<String, f64> = from_js(pci).map_err(|e| conversion_error(&e, "subnationalEci pci"))?;
    let p: cx::SubnationalParams = params(options, "subnationalEci options")?;
    js(&cx::subnational_eci(&m, &pci, &p).map_err(|e| js_error(&e))?)
}

/// Complexity outlook (COI) and outlook gain (COG) with py-ecomplexity's normalisation.
/// `complexity` is the result of [`economic_complexity`] on the same presence matrix.
///
/// # Errors
/// As the core's `complexity_outlook`.
#[wasm_bindgen(js_name = complexityOutlook)]
pub fn complexity_outlook(
    presence: &MatrixInputValue,
    proximity: &MatrixInputValue,
    #[wasm_bindgen(unchecked_param_type = "Complexity")] complexity: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "OutlookParams")] options: Option<JsValue>,
) -> Result<OutlookObject, JsValue> {
    let m = matrix(presence, "complexityOutlook presence")?;
    let r = matrix(proximity, "complexityOutlook proximity")?;
    let c: cx::Complexity = from_js(complexity).map_err(|e| conversion_error(&e, "complexityOutlook complexity"))?;
    let p: cx::OutlookParams = params(options, "complexityOutlook options")?;
    js(&cx::complexity_outlook(&m, &r, &c, &p).map_err(|e| js_error(&e))?)
}

/// Opportunity gain as Datawheel computes it.
///
/// # Errors
/// As the core's `opportunity_gain`.
#[wasm_bindgen(js_name = opportunityGain)]
pub fn opportunity_gain(
    presence: &MatrixInputValue,
    proximity: &MatrixInputValue,
    #[wasm_bindgen(unchecked_param_type = "Complexity")] complexity: &JsValue,
) -> Result<MatrixOutputValue, JsValue> {
    let m = matrix(presence, "opportunityGain presence")?;
    let r = matrix(proximity, "opportunityGain proximity")?;
    let c: cx::Complexity = from_js(complexity).map_err(|e| conversion_error(&e, "opportunityGain complexity"))?;
    cx::opportunity_gain(&m, &r, &c).map(|o| output(&o)).map_err(|e| js_error(&e))
}

/// Everything py-ecomplexity computes, for every year of a panel of counts: a columnar
/// long table. Options: `ProfileParams`.
///
/// # Errors
/// As the core's `complexity_profile_panel`.
#[wasm_bindgen(js_name = complexityProfile)]
pub fn complexity_profile(
    panel_input: &PanelInput,
    #[wasm_bindgen(unchecked_optional_param_type = "ProfileParams")] options: Option<JsValue>,
) -> Result<ProfileTableObject, JsValue> {
    let p = panel(panel_input, "complexityProfile")?;
    let o: cx::ProfileParams = params(options, "complexityProfile options")?;
    js(&cx::complexity_profile_panel(&p, &o).map_err(|e| js_error(&e))?)
}

/// Priority maps (Balland et al. 2019) of the given regions from a counts matrix. Options:
/// `PriorityParams`.
///
/// # Errors
/// As the core's `priority_maps`.
#[wasm_bindgen(js_name = priorityMaps)]
#[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes arrays of strings by value
pub fn priority_maps(
    counts: &MatrixInputValue,
    regions: Vec<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "PriorityParams")] options: Option<JsValue>,
) -> Result<PriorityMapArray, JsValue> {
    let m = matrix(counts, "priorityMaps")?;
    let p: cx::PriorityParams = params(options, "priorityMaps options")?;
    js(&cx::priority_maps(&m, &regions, &p).map_err(|e| js_error(&e))?)
}

/// Backtest of relatedness density (or of `scores`, a panel on the same labels) as a
/// predictor of entries. Options: `BacktestParams`.
///
/// # Errors
/// As the core's `backtest` / `backtest_scores`.
#[wasm_bindgen(js_name = backtest)]
pub fn backtest(
    panel_input: &PanelInput,
    #[wasm_bindgen(unchecked_optional_param_type = "BacktestParams")] options: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "PanelInput")] scores: Option<JsValue>,
) -> Result<BacktestObject, JsValue> {
    let p = panel(panel_input, "backtest")?;
    let o: cx::BacktestParams = params(options, "backtest options")?;
    let result = match scores {
        Some(s) if !s.is_undefined() && !s.is_null() => cx::backtest_scores(&p, &panel(&s, "backtest scores")?, &o),
        _ => cx::backtest(&p, &o),
    };
    js(&result.map_err(|e| js_error(&e))?)
}
