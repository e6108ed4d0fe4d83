//! # clusterpolicy
//!
//! Analytics for cluster strategies and smart specialisation: which activities a region is
//! specialised in, which it could grow into, who cooperates with whom across borders, where
//! the synergies are, and which strategy options and pilot measures work.
//!
//! This crate holds all the logic; the Python package (`pip install clusterpolicy`) and the
//! npm package (`clusterpolicy`) are thin bindings over it and exchange the same JSON.
//!
//! ## Quickstart
//! ```
//! use clusterpolicy::{Dataset, sample};
//!
//! // The embedded, synthetic South-East Europe dataset (seeded, so always the same).
//! let ds: Dataset = sample::south_east_europe();
//! assert!(ds.synthetic);
//! assert!(ds.validate().is_valid());
//!
//! // JSON in, JSON out, losslessly.
//! let back = Dataset::from_json(&ds.to_json())?;
//! assert_eq!(back, ds);
//!
//! // The report of the main job.
//! let report = clusterpolicy::report::Report::build(&ds);
//! assert!(report.to_html().contains("<html"));
//! # Ok::<(), clusterpolicy::Error>(())
//! ```
//!
//! ## Modules
//! - [`model`]: the typed data model ([`Dataset`] and its entities), validation, labelled
//!   matrices and panels, JSON and CSV I/O. The ground floor: it imports no analysis.
//! - [`network`]: cooperation networks: projections, centralities, communities, brokerage
//!   across borders, vulnerability, partner recommendation, exports.
//! - [`sample`]: the embedded synthetic dataset of the South-East Europe programme area.
//! - [`specialisation`]: location quotients / RCA, presence, specialisation and concentration
//!   indices, shift-share and cluster star ratings.
//! - [`complexity`]: smart-specialisation models: relatedness, relatedness density,
//!   economic complexity (each peer's convention), outlook, priority maps and backtests.
//! - [`strategy`]: strategy evaluation and policy learning: multi-criteria analysis (TOPSIS,
//!   VIKOR, PROMETHEE II, AHP, weighted sum and product) with sensitivity and SMAA, foresight
//!   scenarios, target monitoring, pilot evaluation (difference-in-differences), peer regions,
//!   evidence feedback and programme monitoring.
//! - [`synergy`]: synergy scoring and partner matchmaking: Triple Helix synergy (with its
//!   regional decomposition), proximity-based synergy, partner recommendations, joint
//!   priorities, initiative design and synergy impact.
//! - [`report`]: the report of the main job, as JSON and self-contained HTML.
//! - [`progress`]: progress reporting of long computations (the `..._with_progress` variants).
//! - [`error`]: the crate's [`Error`] type.
//!
//! ## Feature flags
//! - `cli`: builds the `clusterpolicy` command-line program (the main job).
//! - `parallel` (default): multi-threaded all-sources network measures (rayon); the
//!   WebAssembly build turns it off.

pub mod complexity;
pub mod error;
mod fastmath;
pub mod model;
pub mod network;
pub mod progress;
pub mod report;
pub mod sample;
mod sort;
pub mod specialisation;
pub mod strategy;
pub mod synergy;

pub use error::{Error, Result};

/// The Rust examples of the README, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
pub use model::Dataset;

pub use ndarray;
pub use petgraph;
pub use serde_json;
