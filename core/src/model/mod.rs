//! The typed data model of the knowledge platform, its validation and its I/O.
//!
//! Ground floor of the crate: it imports no analysis. Every type derives `Serialize`,
//! `Deserialize` and `JsonSchema`; the JSON form is the wire format shared by Rust,
//! Python and JavaScript, and [`Dataset`] is the document that holds everything.
//!
//! | area | types |
//! |---|---|
//! | geography | [`Country`], [`Region`], [`Coordinates`], [`canonical_country`] |
//! | activities | [`Activity`], [`Classification`] |
//! | actors and clusters | [`Actor`], [`HelixKind`], [`SizeClass`], [`Cluster`], [`MaturityStage`] |
//! | programmes and projects | [`Programme`], [`Project`], [`Partner`], [`PartnerRole`], [`WorkPackage`], [`Deliverable`], [`SpendingReport`], [`CommunicationActivity`], [`TargetGroup`] |
//! | strategies | [`Indicator`], [`Direction`], [`Strategy`], [`Priority`], [`Objective`], [`Measure`], [`Target`] |
//! | knowledge | [`Observation`], [`Evidence`], [`EvidenceKind`], [`Quality`], [`Effect`], [`Scenario`], [`Assumption`] |
//! | numerics | [`LabelledMatrix`], [`Panel`], [`LongRecord`] |
//! | validation | [`ValidationReport`], [`Problem`], [`ProblemKind`], [`Severity`] |
//! | import | [`csv`] (long-format observations, CORDIS-style partnership lists) |

mod activity;
mod actor;
mod common;
pub mod csv;
mod dataset;
mod geography;
mod knowledge;
mod matrix;
mod project;
mod strategy;
mod validate;

pub use activity::{Activity, Classification};
pub use actor::{Actor, Cluster, HelixKind, MaturityStage, SizeClass};
pub use common::{Attributes, Coordinates, Period, SubjectKind, SubjectRef};
pub use dataset::Dataset;
pub use geography::{Country, ISO_3166_ALPHA2, Region, canonical_country, same_country};
pub use knowledge::{Assumption, Effect, Evidence, EvidenceKind, Observation, Quality, Scenario, ShiftKind, Source};
pub use matrix::{LabelledMatrix, LongRecord, Panel};
pub use project::{
    CommunicationActivity, Deliverable, Partner, PartnerRole, Programme, Project, SpendingReport, TargetGroup,
    WorkPackage,
};
pub use strategy::{Direction, Indicator, Measure, Objective, Priority, Strategy, Target};
pub use validate::{Problem, ProblemKind, Severity, ValidationReport};
