//! CSV import: [`clusterpolicy::model::csv`].
//!
//! The two loaders of the core read text that a web page holds (a `File`'s text or bytes):
//! long-format observations (`readLongCsv`, then `longTableMatrix`, `longTablePanel` or
//! `longTableDataset`) and CORDIS-style partnership lists (`readPartnerships`, then
//! `partnershipsDataset`). A CSV input is a string, a `Uint8Array` of UTF-8 bytes, or
//! `{ name, data }` where `name` names the file in error messages. Tables, specs and imports
//! are plain objects (the serde form of the core types), so they can be inspected, filtered
//! and handed back. Malformed rows throw a `CsvError` with `sourceName`, `line` and `column`.

// wasm-bindgen hands optional JavaScript arguments over as owned values.
#![allow(clippy::needless_pass_by_value)]

use clusterpolicy::model::csv::{
    CsvSource, LongCsvOptions, LongDatasetParams, LongTable, PartnershipSpec, Partnerships,
};
use clusterpolicy::model::{LabelledMatrix, Panel};
use js_sys::{Array, Float64Array, Object, Reflect, Uint8Array};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::conversion::{from_js, to_js};
use crate::error::{conversion_error, js_error, type_error};
use crate::model::Dataset;

#[wasm_bindgen(typescript_custom_section)]
const CSV_TYPES: &str = r#"
/** CSV text: a string, UTF-8 bytes, or `{ name, data }` with the file name used in error messages. */
export type CsvInput = string | Uint8Array | { name: string; data: string | Uint8Array };

/** The presets of `partnershipSpec` / `readPartnerships`. */
export type PartnershipPreset = "default" | "cordis_h2020_sod" | "cordis_fp7_sod" | "cordis_flat";

/** A labelled panel result: `values` years x rows x cols, row-major. */
export interface PanelOutput {
  years: number[];
  rows: string[];
  cols: string[];
  values: Float64Array;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// TypeScript `CsvInput`.
    #[wasm_bindgen(typescript_type = "CsvInput")]
    pub type CsvInput;
    /// TypeScript `LongTable`.
    #[wasm_bindgen(typescript_type = "LongTable")]
    pub type LongTableObject;
    /// TypeScript `PartnershipSpec`.
    #[wasm_bindgen(typescript_type = "PartnershipSpec")]
    pub type PartnershipSpecObject;
    /// TypeScript `Partnerships`.
    #[wasm_bindgen(typescript_type = "Partnerships")]
    pub type PartnershipsObject;
    /// TypeScript `PanelOutput`.
    #[wasm_bindgen(typescript_type = "PanelOutput")]
    pub type PanelOutput;
}

/// The names of the presets, in the order of the error message.
const PRESETS: [&str; 4] = ["default", "cordis_h2020_sod", "cordis_fp7_sod", "cordis_flat"];

fn read<T: DeserializeOwned>(value: &JsValue, what: &str) -> Result<T, JsValue> {
    from_js(value).map_err(|e| conversion_error(&e, what))
}

/// Options: `undefined` / `null` for the defaults.
fn options<T: DeserializeOwned + Default>(value: Option<JsValue>, what: &str) -> Result<T, JsValue> {
    match value {
        Some(v) if !v.is_undefined() && !v.is_null() => read(&v, what),
        _ => Ok(T::default()),
    }
}

fn out<T: serde::Serialize, U: JsCast>(value: &T) -> Result<U, JsValue> {
    Ok(to_js(value)?.unchecked_into())
}

/// A `CsvInput` as a core `CsvSource`; `default_name` names a bare string or byte array.
fn source(value: &JsValue, default_name: &str, function: &str) -> Result<CsvSource, JsValue> {
    let bytes = |v: &JsValue| -> Option<Vec<u8>> {
        v.as_string().map(String::into_bytes).or_else(|| v.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec))
    };
    if let Some(b) = bytes(value) {
        return Ok(CsvSource::new(default_name, b));
    }
    if value.is_object() && !Array::is_array(value) {
        let get = |k: &str| Reflect::get(value, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
        let name = get("name").as_string();
        if let (Some(name), Some(b)) = (name, bytes(&get("data"))) {
            return Ok(CsvSource::new(name, b));
        }
    }
    Err(type_error(function, "CSV text (a string, a Uint8Array or { name, data })", value))
}

fn preset(name: &str) -> Result<PartnershipSpec, JsValue> {
    match name {
        "default" => Ok(PartnershipSpec::default()),
        "cordis_h2020_sod" => Ok(PartnershipSpec::cordis_h2020_sod()),
        "cordis_fp7_sod" => Ok(PartnershipSpec::cordis_fp7_sod()),
        "cordis_flat" => Ok(PartnershipSpec::cordis_flat()),
        other => Err(js_error(&clusterpolicy::Error::InvalidParameter {
            name: "preset".into(),
            reason: format!("unknown preset `{other}`; expected one of {}", PRESETS.join(", ")),
        })),
    }
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    // Setting a property of a fresh object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn strings(v: &[String]) -> Array {
    v.iter().map(|s| JsValue::from_str(s)).collect()
}

fn matrix_output(m: &LabelledMatrix) -> JsValue {
    let obj = Object::new();
    set(&obj, "rows", &strings(m.rows()));
    set(&obj, "cols", &strings(m.cols()));
    let values = m.values().as_standard_layout().to_owned();
    set(&obj, "values", &Float64Array::from(values.as_slice().unwrap_or(&[])));
    obj.into()
}

fn panel_output(p: &Panel) -> JsValue {
    let obj = Object::new();
    set(&obj, "years", &p.years().iter().map(|y| JsValue::from_f64(f64::from(*y))).collect::<Array>());
    set(&obj, "rows", &strings(p.rows()));
    set(&obj, "cols", &strings(p.cols()));
    let values = p.values().as_standard_layout().to_owned();
    set(&obj, "values", &Float64Array::from(values.as_slice().unwrap_or(&[])));
    obj.into()
}

/// Reads a long-format CSV (one row per region, activity and optionally year, with a value)
/// into a `LongTable`. Options: `LongCsvOptions` (column names, delimiter, decimal comma,
/// duplicate and missing-value policies, excluded labels); a bare string or byte array is
/// named `input.csv` in error messages.
///
/// # Errors
/// `CsvError` (`sourceName`, `line`, `column`) for a missing column, a short row, an empty
/// label, a value that is not a number, a duplicate key or a missing value when the options
/// forbid them; `InvalidParameterError` for bad options; `JsonError` for options of the wrong
/// shape; `TypeError` when `input` is not CSV text.
#[wasm_bindgen(js_name = readLongCsv)]
pub fn read_long_csv(
    input: &CsvInput,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<LongCsvOptions>")] options: Option<JsValue>,
) -> Result<LongTableObject, JsValue> {
    let src = source(input, "input.csv", "readLongCsv")?;
    let o: LongCsvOptions = self::options(options, "readLongCsv options")?;
    out(&LongTable::from_source(&src, &o).map_err(|e| js_error(&e))?)
}

/// The region x activity matrix of a `LongTable` (labels in the table's order, absent cells
/// 0): of the whole table when it has no years, else of the given `year`.
///
/// # Errors
/// `InvalidParameterError` when the table has years and none is given; `UnknownLabelError`
/// for a year the table lacks; `JsonError` when `table` is not a `LongTable`.
#[wasm_bindgen(js_name = longTableMatrix, unchecked_return_type = "MatrixOutput")]
pub fn long_table_matrix(
    #[wasm_bindgen(unchecked_param_type = "LongTable")] table: &JsValue,
    year: Option<i32>,
) -> Result<JsValue, JsValue> {
    let t: LongTable = read(table, "longTableMatrix table")?;
    let m = match year {
        Some(y) => t.matrix_for_year(y),
        None => t.to_matrix(),
    };
    m.map(|m| matrix_output(&m)).map_err(|e| js_error(&e))
}

/// The years x regions x activities panel of a `LongTable` with a year column.
///
/// # Errors
/// `InvalidParameterError` when the table has no years; `JsonError` when `table` is not a
/// `LongTable`.
#[wasm_bindgen(js_name = longTablePanel)]
pub fn long_table_panel(
    #[wasm_bindgen(unchecked_param_type = "LongTable")] table: &JsValue,
) -> Result<PanelOutput, JsValue> {
    let t: LongTable = read(table, "longTablePanel table")?;
    t.to_panel().map(|p| panel_output(&p).unchecked_into()).map_err(|e| js_error(&e))
}

/// A `Dataset` holding a `LongTable`: its regions, activities, the indicator and one
/// observation per record. Parameters: `LongDatasetParams` (`name`, `indicator`,
/// `classification`, `country` of regions without a country column, `year` when the table
/// has none). The dataset is returned as built: call `validate()` to check it.
///
/// # Errors
/// `InvalidParameterError` when a region has no country or the records no year;
/// `JsonError` for arguments of the wrong shape.
#[wasm_bindgen(js_name = longTableDataset)]
pub fn long_table_dataset(
    #[wasm_bindgen(unchecked_param_type = "LongTable")] table: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<LongDatasetParams>")] params: Option<JsValue>,
) -> Result<Dataset, JsValue> {
    let t: LongTable = read(table, "longTableDataset table")?;
    let p: LongDatasetParams = options(params, "longTableDataset params")?;
    t.to_dataset(&p).map(Dataset::from).map_err(|e| js_error(&e))
}

/// A partnership-import spec preset: `"default"` (columns `project`, `organisation`),
/// `"cordis_h2020_sod"`, `"cordis_fp7_sod"` (the Spaghetti Open Data cleanings of CORDIS) or
/// `"cordis_flat"` (a CORDIS `organization.csv`-like list). Change its fields and pass it to
/// `readPartnerships`.
///
/// # Errors
/// `InvalidParameterError` listing the presets for an unknown name.
#[wasm_bindgen(js_name = partnershipSpec)]
pub fn partnership_spec(
    #[wasm_bindgen(unchecked_param_type = "PartnershipPreset")] preset: &str,
) -> Result<PartnershipSpecObject, JsValue> {
    out(&self::preset(preset)?)
}

/// Reads a partnership list (one row per project x organisation), joined with an
/// organisations file and a projects file when the spec names their columns. `spec` is a
/// `PartnershipSpec` object (any subset of its fields), a preset name, or `undefined` for
/// the default spec.
///
/// # Errors
/// `CsvError` naming file, line and column (missing column, short row, empty id, bad number,
/// date or role); `InvalidParameterError` for a bad spec, an unknown preset, or a file given
/// without its columns (or the other way round); `JsonError` for a spec of the wrong shape;
/// `TypeError` when an input is not CSV text.
#[wasm_bindgen(js_name = readPartnerships)]
pub fn read_partnerships(
    #[wasm_bindgen(unchecked_param_type = "Partial<PartnershipSpec> | PartnershipPreset | undefined")] spec: &JsValue,
    participations: &CsvInput,
    #[wasm_bindgen(unchecked_optional_param_type = "CsvInput")] organisations: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "CsvInput")] projects: Option<JsValue>,
) -> Result<PartnershipsObject, JsValue> {
    let spec = match spec.as_string() {
        Some(name) => preset(&name)?,
        None => options(Some(spec.clone()), "readPartnerships spec")?,
    };
    let given = |v: Option<JsValue>| v.filter(|v| !v.is_undefined() && !v.is_null());
    let p = source(participations, "participations.csv", "readPartnerships")?;
    let o = given(organisations).map(|v| source(&v, "organisations.csv", "readPartnerships")).transpose()?;
    let j = given(projects).map(|v| source(&v, "projects.csv", "readPartnerships")).transpose()?;
    out(&Partnerships::read(&spec, &p, o.as_ref(), j.as_ref()).map_err(|e| js_error(&e))?)
}

/// A `Dataset` named `name` with the programme, regions, actors and projects of a
/// partnership import. It is returned as built: call `validate()` to check it (an
/// organisation without a country is reported there).
///
/// # Errors
/// `JsonError` when `partnerships` is not the result of `readPartnerships`.
#[wasm_bindgen(js_name = partnershipsDataset)]
pub fn partnerships_dataset(
    #[wasm_bindgen(unchecked_param_type = "Partnerships")] partnerships: &JsValue,
    name: &str,
) -> Result<Dataset, JsValue> {
    let p: Partnerships = read(partnerships, "partnershipsDataset partnerships")?;
    Ok(Dataset::from(p.into_dataset(name)))
}
