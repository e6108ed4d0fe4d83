//! # clusterpolicy-wasm
//!
//! The npm package `clusterpolicy`: WebAssembly bindings of the [`clusterpolicy`] crate,
//! built with `wasm-bindgen` for Node (`--target nodejs`), browsers without a bundler
//! (`--target web`) and bundlers (`--target bundler`). `scripts/test-wasm.sh` at the
//! repository root builds, type-checks and tests all three.
//!
//! All logic lives in the core crate. Each binding converts its arguments, calls one core
//! function, converts the result and maps the error:
//!
//! | module | JavaScript API | core |
//! |---|---|---|
//! | [`csv`] | `readLongCsv`, `longTableMatrix`, `longTablePanel`, `longTableDataset`, `partnershipSpec`, `readPartnerships`, `partnershipsDataset` | [`clusterpolicy::model::csv`] |
//! | [`model`] | class `Dataset`: `fromJson`, `fromObject`, `toJson`, `toObject`, `validate`, `validated`, `jsonSchema`, getters | [`clusterpolicy::Dataset`] |
//! | [`network`] | class `Network` (`fromEdges`, measures, communities, brokerage, vulnerability, recommendations, exports), `networkProjection`, `bipartiteNetwork`, `networkSummary` | [`clusterpolicy::network`] |
//! | [`report`](mod@report) | `report(ds)`, `reportHtml(ds)` | [`clusterpolicy::report::Report`] |
//! | [`sample`] | `sampleDataset()` | [`clusterpolicy::sample::south_east_europe`] |
//! | [`strategy`] | `topsis`, `vikor`, `prometheeII`, `weightedSum`, `weightedProduct`, `normalise`, `ahp`, `weightBreakpoints`, `smaa`, `scenarioRules`, `achievementRate`, `strategyScoreboard`, `didTwoPeriod`, `didPanel`, `beforeAfter`, `pilotPanel`, `peerDistances`, `nearestPeers`, `regionProfiles`, `poolEvidence`, `evidenceFeedback`, `knowledgeHub`, `scenarioPayoffs`, `programmeMonitoring`, `projectMonitoring`, `strategySummary` | [`clusterpolicy::strategy`] |
//! | [`specialisation`] | `rca`, `presence`, `symmetricRca`, `rpop`, `analyse`, `variety`, `shiftShare`, `starClusters`, `starRatings`, `exampleNaceMapping`, `summariseSpecialisation`, `observationMatrix` | [`clusterpolicy::specialisation`] |
//! | [`complexity`] | `relatedness`, `relatednessDensity`, `relativeRelatedness`, `economicComplexity`, `subnationalEci`, `complexityOutlook`, `opportunityGain`, `complexityProfile`, `priorityMaps`, `backtest` | [`clusterpolicy::complexity`] |
//! | [`synergy`] | `tripleHelixValues`, `tripleHelixTable`, `tripleHelix`, `tripleHelixBootstrap`, `decompose`, `tripleHelixDecomposition`, `proximity`, `proximityMatrix`, class `SynergyContext`, `matchPartners`, `jointPriorities`, `designInitiative`, `evaluateInitiatives`, `synergyImpact`, `matchActors`, `heldoutEvaluation`, `synergySummary` | [`clusterpolicy::synergy`] |
//! | [`error`] | every thrown value is an `Error` whose `name` is the kind; `errorKinds()` | [`clusterpolicy::Error`] |
//! | [`conversion`] | plain objects in and out (serde) | |
//!
//! ```js
//! import { Dataset } from "clusterpolicy";
//!
//! const ds = Dataset.fromJson(text);            // throws JsonError { line, column }
//! const { problems } = ds.validate();           // [{ path, kind, severity, message }]
//! const doc = ds.toObject();                    // DatasetDocument, a plain object
//! ```
//!
//! ## TypeScript
//! The `.d.ts` that `wasm-bindgen` writes includes the types of the data model, generated from
//! the committed JSON Schemas with `json-schema-to-typescript` (`types/model.d.ts`, checked for
//! drift by `npm run types:check`), and the error interfaces (`types/errors.d.ts`), so that
//! `toObject()` returns a `DatasetDocument` and `validate()` a `ValidationReport`.
//!
//! ## Panics
//! Input errors are thrown as `Error`s; a panic would be a bug. [`start`] installs
//! `console_error_panic_hook` so that such a bug prints its message and location.

pub mod complexity;
pub mod conversion;
pub mod csv;
pub mod error;
pub mod model;
pub mod network;
pub mod report;
pub mod sample;
pub mod specialisation;
pub mod strategy;
pub mod synergy;

use wasm_bindgen::prelude::*;

pub use complexity::{
    backtest, complexity_outlook, complexity_profile, economic_complexity, opportunity_gain, priority_maps,
    relatedness, relatedness_density, relative_relatedness, subnational_eci,
};
pub use csv::{
    long_table_dataset, long_table_matrix, long_table_panel, partnership_spec, partnerships_dataset, read_long_csv,
    read_partnerships,
};
pub use error::error_kinds;
pub use model::{Dataset, DatasetDocument, JsonSchemaObject, ValidationReportObject};
pub use network::{Network, bipartite_network, network_projection, network_summary};
pub use report::{ReportObject, report, report_html};
pub use sample::sample_dataset;
pub use specialisation::{
    analyse, example_nace_mapping, observation_matrix, presence, rca, rpop, shift_share, star_clusters, star_ratings,
    summarise_specialisation, symmetric_rca, variety,
};
pub use strategy::{
    achievement_rate, ahp, before_after, did_panel, did_two_period, evidence_feedback, knowledge_hub, nearest_peers,
    normalise, peer_distances, pilot_panel, pool_evidence, programme_monitoring, project_monitoring, promethee_ii,
    region_profiles, scenario_payoffs, scenario_rules, smaa, strategy_scoreboard, strategy_summary, topsis, vikor,
    weight_breakpoints, weighted_product, weighted_sum,
};
pub use synergy::{
    SynergyContext, decompose, design_initiative, evaluate_initiatives, heldout_evaluation, joint_priorities,
    match_actors, match_partners, proximity, proximity_matrix, synergy_impact, synergy_summary, triple_helix,
    triple_helix_bootstrap, triple_helix_decomposition, triple_helix_table, triple_helix_values,
};

/// Runs when the module is instantiated: routes Rust panic messages to `console.error`.
/// (wasm-bindgen also exports it to JavaScript; it is left out of the TypeScript types, and
/// calling it again does nothing.)
#[wasm_bindgen(start, skip_typescript)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// TypeScript types of the data model and of the report, generated from the JSON Schemas.
#[wasm_bindgen(typescript_custom_section)]
const MODEL_TYPES: &str = include_str!("../types/model.d.ts");

/// TypeScript interfaces of the thrown errors, one per kind.
#[wasm_bindgen(typescript_custom_section)]
const ERROR_TYPES: &str = include_str!("../types/errors.d.ts");
