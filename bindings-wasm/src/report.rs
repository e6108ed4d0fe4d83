//! The report of the main job: [`clusterpolicy::report::Report`].

use wasm_bindgen::prelude::*;

use crate::conversion::to_js;
use crate::model::Dataset;

#[wasm_bindgen]
extern "C" {
    /// The report as a plain object, TypeScript type `Report`.
    #[wasm_bindgen(typescript_type = "Report")]
    pub type ReportObject;
}

/// The report of a dataset as a plain object: `generator`, the dataset `summary` (entity
/// counts, by country, by helix kind, coverage of programme areas) and the `validation`
/// findings. Never throws for an invalid dataset: it is summarised as far as it goes and its
/// problems are listed under `validation`.
///
/// Complexity: linear in the size of the dataset.
///
/// # Errors
/// None in practice: a `RangeError` only if a count exceeded `Number.MAX_SAFE_INTEGER`.
#[wasm_bindgen]
pub fn report(dataset: &Dataset) -> Result<ReportObject, JsValue> {
    to_js(&clusterpolicy::report::Report::build(dataset.inner())).map(JsCast::unchecked_into)
}

/// The report of a dataset as one self-contained HTML page (inline CSS, no scripts, no
/// external resources).
#[wasm_bindgen(js_name = reportHtml)]
#[must_use]
pub fn report_html(dataset: &Dataset) -> String {
    clusterpolicy::report::Report::build(dataset.inner()).to_html()
}
