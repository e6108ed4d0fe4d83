//! The data model: the `Dataset` class over [`clusterpolicy::Dataset`].

use wasm_bindgen::prelude::*;

use crate::conversion::{from_js, to_js};
use crate::error::{conversion_error, js_error, type_error};

#[wasm_bindgen]
extern "C" {
    /// The plain-object (JSON) form of a dataset, TypeScript type `DatasetDocument`
    /// (generated from `schema/dataset.schema.json`).
    #[wasm_bindgen(typescript_type = "DatasetDocument")]
    pub type DatasetDocument;

    /// The result of validation, TypeScript type `ValidationReport`: `{ problems: Problem[] }`.
    #[wasm_bindgen(typescript_type = "ValidationReport")]
    pub type ValidationReportObject;

    /// A JSON Schema document, TypeScript type `Record<string, unknown>`.
    #[wasm_bindgen(typescript_type = "Record<string, unknown>")]
    pub type JsonSchemaObject;
}

/// `schema/dataset.schema.json`: [`clusterpolicy::Dataset::json_schema`] as pretty JSON, checked
/// against the types by `tests/tests/schema.rs` and by the test below.
const DATASET_SCHEMA: &str = include_str!("../../schema/dataset.schema.json");

/// A dataset: every entity of the knowledge platform (geography, activities, actors,
/// clusters, programmes and projects, indicators, strategies, observations, evidence,
/// scenarios) in one document.
///
/// Create one with `Dataset.fromJson(text)` or `Dataset.fromObject(object)`; read it back
/// with `toJson()` or `toObject()`; check it with `validate()`. The JSON form is the wire
/// format shared with the Rust crate and the Python package. A dataset lives in WebAssembly
/// memory: it is freed when garbage-collected, or at once with `free()`.
#[wasm_bindgen]
pub struct Dataset {
    inner: clusterpolicy::Dataset,
}

impl From<clusterpolicy::Dataset> for Dataset {
    fn from(inner: clusterpolicy::Dataset) -> Self {
        Self { inner }
    }
}

impl Dataset {
    /// The core dataset.
    pub(crate) fn inner(&self) -> &clusterpolicy::Dataset {
        &self.inner
    }
}

#[wasm_bindgen]
impl Dataset {
    /// Parses a dataset from its JSON text.
    ///
    /// Unknown fields are rejected, so that a misspelt field is not silently dropped; a
    /// `null` where a required number belongs is read as NaN, which `validate()` reports.
    ///
    /// # Errors
    /// Throws a `JsonError` with `line` and `column` (1-based) of the first offending token,
    /// or a `TypeError` when `text` is not a string.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(#[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue) -> Result<Dataset, JsValue> {
        // Checked here: wasm-bindgen's `&str` glue would read a non-string out of bounds.
        let text = text.as_string().ok_or_else(|| type_error("Dataset.fromJson", "a string", text))?;
        clusterpolicy::Dataset::from_json(&text).map(Self::from).map_err(|e| js_error(&e))
    }

    /// Reads a dataset from a plain object of the same shape as the JSON form (for example
    /// the result of `JSON.parse` or of `toObject()`).
    ///
    /// The object is read as strictly as JSON text (unknown fields are rejected), except that
    /// numbers stay numbers: NaN and infinities reach the dataset, and `validate()` reports
    /// them with their path. A property whose value is `undefined` counts as absent, as
    /// `JSON.stringify` leaves it out; `null` means what it means in JSON.
    ///
    /// # Errors
    /// Throws a `JsonError` when a value does not fit, with `path` naming it (such as
    /// `projects[0].partners[1].budget`) and `line` = `column` = 0.
    #[wasm_bindgen(js_name = fromObject)]
    pub fn from_object(object: &DatasetDocument) -> Result<Dataset, JsValue> {
        from_js::<clusterpolicy::Dataset>(object).map(Self::from).map_err(|e| conversion_error(&e, "dataset object"))
    }

    /// The JSON text of the dataset: compact, or indented by two spaces when `pretty` is
    /// true. Numbers are written so that they read back to the same value; NaN and
    /// infinities are written as `null`.
    #[wasm_bindgen(js_name = toJson)]
    #[must_use]
    pub fn to_json(&self, pretty: Option<bool>) -> String {
        if pretty.unwrap_or(false) { self.inner.to_json_pretty() } else { self.inner.to_json() }
    }

    /// The dataset as a plain object, equal to `JSON.parse(toJson())` except that NaN and
    /// infinities stay numbers.
    ///
    /// # Errors
    /// Throws a `RangeError` when an integer in free-form `attributes` is too large for a
    /// JavaScript number.
    #[wasm_bindgen(js_name = toObject)]
    pub fn to_object(&self) -> Result<DatasetDocument, JsValue> {
        to_js(&self.inner).map(JsCast::unchecked_into)
    }

    /// Called by `JSON.stringify(dataset)`: the same plain object as `toObject()`.
    ///
    /// # Errors
    /// Throws a `RangeError` as `toObject()` does.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json_value(&self) -> Result<DatasetDocument, JsValue> {
        self.to_object()
    }

    /// Checks every reference, id, amount, date and share and reports all problems at once,
    /// in document order, each with its `path` (such as `projects[3].partners[1].actor`),
    /// `kind`, `severity` and `message`.
    ///
    /// # Errors
    /// None: problems hold strings only, so the conversion to a plain object cannot fail.
    pub fn validate(&self) -> Result<ValidationReportObject, JsValue> {
        to_js(&self.inner.validate()).map(JsCast::unchecked_into)
    }

    /// `true` when `validate()` finds no problem of severity `"error"`.
    #[wasm_bindgen(js_name = isValid)]
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.inner.validate().is_valid()
    }

    /// Returns a copy of the dataset if it is valid.
    ///
    /// # Errors
    /// Throws a `ValidationError` with all `problems` when `validate()` finds an error.
    pub fn validated(&self) -> Result<Dataset, JsValue> {
        self.inner.clone().validated().map(Self::from).map_err(|e| js_error(&e))
    }

    /// The JSON Schema (draft 2020-12) of the JSON form, generated from the Rust types.
    ///
    /// The value of [`clusterpolicy::Dataset::json_schema`], read from its committed text
    /// `schema/dataset.schema.json` (kept equal to it by the tests): generating it at run time
    /// would add the schema generator and the `JsonSchema` impls of every model type (about
    /// 130 KiB) to the module.
    ///
    /// # Errors
    /// None in practice: the embedded text is valid JSON.
    #[wasm_bindgen(js_name = jsonSchema)]
    pub fn json_schema() -> Result<JsonSchemaObject, JsValue> {
        js_sys::JSON::parse(DATASET_SCHEMA).map(JsCast::unchecked_into)
    }

    /// Name of the dataset.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn name(&self) -> String {
        self.inner.name.clone()
    }

    /// What the dataset holds and where it comes from, if given.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn description(&self) -> Option<String> {
        self.inner.description.clone()
    }

    /// `true` when the data are synthetic (generated), not observed.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn synthetic(&self) -> bool {
        self.inner.synthetic
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_schema_is_the_generated_one() {
        let embedded: serde_json::Value = serde_json::from_str(super::DATASET_SCHEMA).unwrap();
        assert_eq!(embedded, clusterpolicy::Dataset::json_schema());
    }
}
