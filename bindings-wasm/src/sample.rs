//! The embedded synthetic dataset: [`clusterpolicy::sample::south_east_europe`].

use wasm_bindgen::prelude::*;

use crate::model::Dataset;

/// The embedded, seeded, synthetic dataset of the South East Europe programme area: real
/// countries, NUTS regions, NACE activities and programmes; synthetic actors, clusters,
/// projects, strategies, observations, evidence and scenarios (their names end in
/// "(synthetic)" and the dataset has `synthetic: true`). The same on every call and every
/// platform, byte for byte in its JSON form.
#[wasm_bindgen(js_name = sampleDataset)]
#[must_use]
pub fn sample_dataset() -> Dataset {
    Dataset::from(clusterpolicy::sample::south_east_europe())
}
