//! The committed JSON Schema of the binding results must match the Rust types.
//!
//! `types/bindings.schema.json` holds the schemas of the values the bindings return besides
//! the dataset itself (whose schema is `schema/dataset.schema.json`): the `ValidationReport`
//! of `validate()` and the `Report` of `report()`. `scripts/gen-types.mjs` turns both files
//! into `types/model.d.ts`. After changing one of these types, run
//! `UPDATE_SCHEMA=1 cargo test -p clusterpolicy-wasm --test schema`, then
//! `npm run types` in `bindings-wasm/`, and commit both files.

use std::path::PathBuf;

use clusterpolicy::model::ValidationReport;
use clusterpolicy::report::Report;

#[allow(clippy::too_many_lines)] // one line per exported type
fn generated() -> String {
    let mut generator = schemars::generate::SchemaSettings::default().into_generator();
    // Only the definitions matter: each type is referenced once so that it lands in `$defs`.
    generator.subschema_for::<ValidationReport>();
    generator.subschema_for::<Report>();
    {
        use clusterpolicy::network as nw;
        generator.subschema_for::<nw::Network>();
        generator.subschema_for::<nw::Node>();
        generator.subschema_for::<nw::GroupBy>();
        generator.subschema_for::<nw::SelfLoops>();
        generator.subschema_for::<nw::Distance>();
        generator.subschema_for::<nw::LinkScore>();
        generator.subschema_for::<nw::ProjectionParams>();
        generator.subschema_for::<nw::ProjectionSummary>();
        generator.subschema_for::<nw::BetweennessParams>();
        generator.subschema_for::<nw::ApproxBetweennessParams>();
        generator.subschema_for::<nw::ApproxBetweenness>();
        generator.subschema_for::<nw::ClosenessParams>();
        generator.subschema_for::<nw::HarmonicParams>();
        generator.subschema_for::<nw::EigenvectorParams>();
        generator.subschema_for::<nw::PageRankParams>();
        generator.subschema_for::<nw::PathSummary>();
        generator.subschema_for::<nw::CommunityParams>();
        generator.subschema_for::<nw::Partition>();
        generator.subschema_for::<nw::ConsensusParams>();
        generator.subschema_for::<nw::Consensus>();
        generator.subschema_for::<nw::Brokerage>();
        generator.subschema_for::<nw::EiIndex>();
        generator.subschema_for::<nw::StructuralHoles>();
        generator.subschema_for::<nw::GroupMeasureParams>();
        generator.subschema_for::<nw::GroupMeasure>();
        generator.subschema_for::<nw::CutStructure>();
        generator.subschema_for::<nw::RobustnessParams>();
        generator.subschema_for::<nw::RobustnessCurve>();
        generator.subschema_for::<Vec<nw::GroupRemoval>>();
        generator.subschema_for::<nw::RecommendParams>();
        generator.subschema_for::<Vec<nw::Recommendation>>();
        generator.subschema_for::<nw::NetworkSummary>();
    }
    {
        use clusterpolicy::specialisation as sp;
        generator.subschema_for::<sp::RcaParams>();
        generator.subschema_for::<sp::IndexParams>();
        generator.subschema_for::<sp::VarietyParams>();
        generator.subschema_for::<sp::StarParams>();
        generator.subschema_for::<sp::ClusterMapping>();
        generator.subschema_for::<Vec<sp::StarRating>>();
        generator.subschema_for::<sp::Variety>();
        generator.subschema_for::<sp::ShiftShare>();
        generator.subschema_for::<sp::SpecialisationSummary>();
    }
    {
        use clusterpolicy::strategy as st;
        generator.subschema_for::<st::CriterionType>();
        generator.subschema_for::<st::Normalisation>();
        generator.subschema_for::<st::WeightedParams>();
        generator.subschema_for::<st::ScoreResult>();
        generator.subschema_for::<st::TopsisParams>();
        generator.subschema_for::<st::TopsisResult>();
        generator.subschema_for::<st::VikorParams>();
        generator.subschema_for::<st::VikorResult>();
        generator.subschema_for::<st::PrometheeParams>();
        generator.subschema_for::<st::PrometheeResult>();
        generator.subschema_for::<st::BreakpointParams>();
        generator.subschema_for::<st::WeightSensitivity>();
        generator.subschema_for::<st::AhpParams>();
        generator.subschema_for::<st::AhpResult>();
        generator.subschema_for::<st::SmaaParams>();
        generator.subschema_for::<st::SmaaResult>();
        generator.subschema_for::<st::ScenarioRulesParams>();
        generator.subschema_for::<st::ScenarioRules>();
        generator.subschema_for::<st::MonitoringParams>();
        generator.subschema_for::<st::Scoreboard>();
        generator.subschema_for::<st::EvidenceFeedbackParams>();
        generator.subschema_for::<st::EvidenceFeedback>();
        generator.subschema_for::<st::HubParams>();
        generator.subschema_for::<Vec<st::HubItem>>();
        generator.subschema_for::<st::ScenarioPayoffParams>();
        generator.subschema_for::<st::ScenarioPayoffs>();
        generator.subschema_for::<st::ProgrammeParams>();
        generator.subschema_for::<st::ProgrammeMonitoring>();
        generator.subschema_for::<st::ProjectMonitoring>();
        generator.subschema_for::<st::DidObservation>();
        generator.subschema_for::<st::DidPanelParams>();
        generator.subschema_for::<st::DidTwoPeriod>();
        generator.subschema_for::<st::DidEstimate>();
        generator.subschema_for::<st::BeforeAfter>();
        generator.subschema_for::<st::PilotPanelParams>();
        generator.subschema_for::<st::PeerParams>();
        generator.subschema_for::<st::PeerDistances>();
        generator.subschema_for::<Vec<st::Peer>>();
        generator.subschema_for::<st::Dimension>();
        generator.subschema_for::<st::PoolingParams>();
        generator.subschema_for::<st::PooledEffect>();
        generator.subschema_for::<st::StrategySummary>();
    }
    {
        use clusterpolicy::complexity as cx;
        generator.subschema_for::<cx::RelatednessParams>();
        generator.subschema_for::<cx::DensityParams>();
        generator.subschema_for::<cx::ComplexityParams>();
        generator.subschema_for::<cx::Complexity>();
        generator.subschema_for::<cx::SubnationalParams>();
        generator.subschema_for::<Vec<cx::RegionScore>>();
        generator.subschema_for::<cx::OutlookParams>();
        generator.subschema_for::<cx::Outlook>();
        generator.subschema_for::<cx::ProfileParams>();
        generator.subschema_for::<cx::ProfileTable>();
        generator.subschema_for::<cx::PriorityParams>();
        generator.subschema_for::<Vec<cx::PriorityMap>>();
        generator.subschema_for::<cx::BacktestParams>();
        generator.subschema_for::<cx::Backtest>();
    }
    {
        use clusterpolicy::synergy as sy;
        generator.subschema_for::<sy::TripleHelix>();
        generator.subschema_for::<sy::ThreeWayTable>();
        generator.subschema_for::<sy::TripleHelixParams>();
        generator.subschema_for::<sy::BootstrapParams>();
        generator.subschema_for::<sy::TripleHelixBootstrap>();
        generator.subschema_for::<sy::DecompositionParams>();
        generator.subschema_for::<sy::Decomposition>();
        generator.subschema_for::<sy::ProximityParams>();
        generator.subschema_for::<sy::Proximity>();
        generator.subschema_for::<sy::ProximityMatrix>();
        generator.subschema_for::<sy::MatchParams>();
        generator.subschema_for::<Vec<sy::PartnerCandidate>>();
        generator.subschema_for::<sy::JointPriorityParams>();
        generator.subschema_for::<sy::JointPriorities>();
        generator.subschema_for::<sy::InitiativeParams>();
        generator.subschema_for::<sy::Initiative>();
        generator.subschema_for::<Vec<sy::InitiativeValue>>();
        generator.subschema_for::<sy::ImpactParams>();
        generator.subschema_for::<sy::Impact>();
        generator.subschema_for::<sy::ActorMatching>();
        generator.subschema_for::<sy::HeldOutParams>();
        generator.subschema_for::<sy::HeldOutEvaluation>();
        generator.subschema_for::<sy::SynergySummary>();
    }
    {
        use clusterpolicy::model::csv;
        generator.subschema_for::<csv::LongCsvOptions>();
        generator.subschema_for::<csv::LongTable>();
        generator.subschema_for::<csv::LongDatasetParams>();
        generator.subschema_for::<csv::PartnershipSpec>();
        generator.subschema_for::<csv::Partnerships>();
    }
    let defs = generator.take_definitions(true);
    let schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "clusterpolicy binding results",
        "description": "Types returned by the bindings besides the dataset; generated by `cargo test -p clusterpolicy-wasm --test schema`.",
        "$defs": defs,
    });
    serde_json::to_string_pretty(&schema).unwrap() + "\n"
}

#[test]
fn committed_binding_schema_matches_the_types() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("types/bindings.schema.json");
    let generated = generated();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "bindings-wasm/types/bindings.schema.json is out of date with the Rust types: run \
         `UPDATE_SCHEMA=1 cargo test -p clusterpolicy-wasm --test schema`, then `npm run types` in bindings-wasm/"
    );
}
