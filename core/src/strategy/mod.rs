//! Strategy evaluation and policy learning: choosing among options, monitoring targets,
//! evaluating pilots, finding peer regions, learning from evidence and managing programmes.
//!
//! Stands on the data model only (floors of the house): it reads [`Dataset`](crate::Dataset)
//! entities ([`Strategy`](crate::model::Strategy), [`Target`](crate::model::Target),
//! [`Observation`](crate::model::Observation), [`Evidence`](crate::model::Evidence),
//! [`Scenario`](crate::model::Scenario), [`Project`](crate::model::Project)) and raw arrays.
//!
//! | area | functions | module |
//! |---|---|---|
//! | multi-criteria decision analysis | [`normalise`], [`weighted_sum`], [`weighted_product`], [`topsis`], [`vikor`], [`promethee_ii`], [`rank`] | [`mcda`] |
//! | pairwise comparisons | [`ahp()`] (eigenvector, geometric mean, column mean; lambda-max, CI, CR) | [`ahp`](mod@ahp) |
//! | sensitivity | [`weight_breakpoints`] (exact one-at-a-time), [`smaa`] (SMAA-2, seeded Monte Carlo or exact for two criteria) | [`sensitivity`] |
//! | foresight | [`scenario_rules`] (expected value, Laplace, maximin, maximax, Hurwicz, minimax regret, robust ranking), [`scenario_payoffs`] | [`foresight`] |
//! | monitoring | [`achievement_rate`], [`target_status`], [`scoreboard`] | [`monitoring`] |
//! | pilot evaluation | [`did_two_period`], [`did_panel`] (two-way fixed effects, cluster-robust), [`before_after`], [`pilot_panel`] | [`evaluation`] |
//! | peer regions | [`peer_distances`], [`nearest_peers`], [`region_profiles`] | [`peers`] |
//! | evidence feedback | [`pool_evidence`], [`evidence_feedback`], [`knowledge_hub`] | [`evidence`] |
//! | programme monitoring | [`programme_monitoring`], [`project_monitoring`] | [`programme`] |
//! | report section | [`summarise`] | [`summary`] |
//!
//! Conventions shared by every function here: options (alternatives) are rows and criteria
//! are columns of the decision matrix; [`CriterionType`] says whether more (benefit) or less
//! (cost) is better; weights must be non-negative and are normalised to sum 1; ranks are
//! 1 = best, and exactly tied scores share the smallest rank (`rank = 1 + number of options
//! strictly better`), as in the reference vectors of the project and in
//! `scipy.stats.rankdata(method="min")`.

// Numerics take `ArrayView`s by value, as the house style asks (they are cheap views that
// NumPy arrays cross into without copies).
#![allow(clippy::needless_pass_by_value)]

pub mod ahp;
pub mod evaluation;
pub mod evidence;
pub mod foresight;
pub mod mcda;
pub mod monitoring;
pub mod peers;
pub mod programme;
pub mod sensitivity;
mod stats;
pub mod summary;

pub use ahp::{AhpMethod, AhpParams, AhpResult, RandomIndex, ahp};
pub use evaluation::{
    BeforeAfter, DidEstimate, DidObservation, DidPanelParams, DidTwoPeriod, PilotPanelParams, before_after, did_panel,
    did_two_period, pilot_panel,
};
pub use evidence::{
    EvidenceContribution, EvidenceFeedback, EvidenceFeedbackParams, HubItem, HubItemKind, HubParams, MeasureUpdate,
    PooledEffect, PoolingParams, QualityWeights, evidence_feedback, knowledge_hub, pool_evidence,
};
pub use foresight::{
    RuleChoices, ScenarioPayoffParams, ScenarioPayoffs, ScenarioRules, ScenarioRulesParams, scenario_payoffs,
    scenario_rules,
};
pub use mcda::{
    CriterionType, McdaMethod, Normalisation, PreferenceFunction, PrometheeParams, PrometheeResult, ScoreResult,
    TopsisParams, TopsisResult, VikorParams, VikorResult, WeightedParams, normalise, promethee_ii, rank, topsis, vikor,
    weighted_product, weighted_sum,
};
pub use monitoring::{
    MonitoringParams, Scoreboard, TargetStatus, TrackStatus, achievement_rate, scoreboard, target_status,
};
pub use peers::{
    Dimension, DimensionDistance, Peer, PeerDistances, PeerParams, ProfileParams, nearest_peers, peer_distances,
    region_profiles,
};
pub use programme::{
    AbsorptionRow, CommunicationRow, Coverage, DeliverableState, DeliverableStatus, Deviation, ProgrammeMonitoring,
    ProgrammeParams, ProjectMonitoring, programme_monitoring, project_monitoring,
};
pub use sensitivity::{
    BreakpointParams, CriterionBreakpoints, Segment, SmaaMethod, SmaaParams, SmaaResult, WeightSampling,
    WeightSensitivity, smaa, smaa_with_progress, weight_breakpoints,
};
pub use summary::{
    ForesightSummary, PilotSummary, ProgrammeSummary, ProjectLine, RegionPeers, StrategySummary, summarise,
};
