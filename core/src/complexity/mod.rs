//! Smart-specialisation models: which activities a region could grow into (relatedness),
//! how valuable they are (economic complexity), where a region's priorities lie (priority
//! maps), and whether such advice would have been right in the past (backtests).
//!
//! Every model takes a binary region x activity presence matrix (from
//! [`specialisation::presence`](crate::specialisation::presence)) as a [`LabelledMatrix`],
//! or a bare `ArrayView2` in the `*_values` kernels used by the bindings; the profile,
//! priority map and backtest start from counts and compute RCA and presence themselves.
//! Each peer's convention is a named choice, reproduced to 1e-9 by the reference tests on
//! the world-trade, Spanish-province and Australian census data:
//!
//! | model | functions | matches |
//! |---|---|---|
//! | relatedness | [`relatedness`], [`cooccurrence`] with [`RelatednessMethod`] | py-ecomplexity (proximity, diagonal 1; continuous), Datawheel (proximity, diagonal 0), EconGeo (`prob`, `association`, `cosine`, `Jaccard`) |
//! | relatedness density | [`relatedness_density`] (0-1 or 0-100, optional rounding) | py-ecomplexity `density`, Datawheel `relatedness`, EconGeo `relatedness_density` |
//! | relative relatedness | [`relative_relatedness`] | Datawheel `relative_relatedness` |
//! | economic complexity | [`economic_complexity`] with [`ComplexityMethod`] | py-ecomplexity (eigenvector), Datawheel (reflections), EconGeo (`KCI`/`TCI`, `MORc`/`MORt`), R `economiccomplexity` (fitness) |
//! | subnational ECI | [`subnational_eci`] | Datawheel `complexity_subnational` |
//! | outlook | [`complexity_outlook`] (COI, COG), [`opportunity_gain`] | py-ecomplexity; Datawheel |
//! | all at once | [`complexity_profile`], [`complexity_profile_panel`] ([`complexity_profile_plan`] to write into given columns) | py-ecomplexity `ecomplexity()` |
//! | priority map | [`priority_map`] | Balland, Boschma, Crespo & Rigby (2019) |
//! | backtest | [`backtest`], [`backtest_scores`] | ROC AUC, average precision, precision@k vs random |
//! | report section | [`summarise`] | the main job's priority maps and backtest table |
//!
//! ## The symmetric eigenproblem
//! The eigenvector indices need the eigenvector of `Mpp = U^-1 M' D^-1 M` for its second
//! largest eigenvalue. `Mpp` is similar to the symmetric `U^-1/2 M' D^-1 M U^-1/2` (and
//! shares its spectrum with the region-side `D^-1/2 M U^-1 M' D^-1/2`), whose top
//! eigenvector `sqrt(u)` is known. We take the smaller side, never form the matrix, project
//! the known eigenvector out and run Lanczos with full re-orthogonalisation, so one index
//! costs a few dozen sparse products instead of a dense non-symmetric eigendecomposition.
//! Small sides are solved densely with nalgebra's `SymmetricEigen`, which also solves the
//! small tridiagonal problems. EconGeo rounds its transition matrices to 4 decimals first;
//! its preset refines the symmetric solution on the rounded matrix by inverse iteration.//!
//! ## Does it help? A backtest on real data
//! On the Australian census (LGA of work x 19 ANZSIC divisions, 2011 -> 2016 -> 2021;
//! `../shared/data/australia-lga-anzsic19-census`), LGA names change between censuses: the
//! 2011 and 2016 names carry ABS status codes such as "(C)" or "(DC)" and the 2021 names do
//! not. Our rule drops every parenthesised status code (`(A)`, `(AC)`, `(B)`, `(C)`, `(DC)`, `(M)`,
//! `(R)`, `(RC)`, `(RegC)`, `(S)`, `(T)`), keeps state disambiguators such as "(NSW)", and keeps the LGAs
//! whose matched name occurs exactly once in all three censuses: 479 stable LGAs (merged and
//! renamed ones are left out). [`backtest`] with the default proximity density, entries
//! "absent at t (RCA < 1), present at t + 5 (RCA >= 1)" and k = 3 gives, pooled over both
//! pairs of censuses (958 region-periods, 12,825 candidate cells, 840 entries):
//!
//! | measure | density | random |
//! |---|---|---|
//! | ROC AUC | 0.633 | 0.5 |
//! | average precision | 0.099 | 0.066 |
//! | precision@3 | 0.121 | 0.066 (lift 1.84) |
//!
//! (2011 -> 2016: AUC 0.622, precision@3 0.117 vs 0.063; 2016 -> 2021: AUC 0.644,
//! precision@3 0.126 vs 0.068.) With a buffer band of 0.1 (absent below 0.9, present from
//! 1.1) entries are rarer and the signal weaker: AUC 0.562, precision@3 0.039 vs 0.024. The
//! test `australia_backtest_density_predicts_entries` in `tests/tests/complexity_reference.rs`
//! recomputes these figures.

// Views are taken by value, as the house convention says (NumPy arrays cross as views).
#![allow(clippy::needless_pass_by_value)]
// Element-wise vector updates read best as one `iter_mut().for_each(..)` line each.
#![allow(clippy::needless_for_each)]

mod backtest;
mod eigen;
mod indices;
mod outlook;
mod priority;
mod relatedness;
mod rowsums;
mod sparse;
mod stats;
mod summary;

#[allow(unused_imports)] // used in docs
use crate::model::LabelledMatrix;

pub use backtest::{Backtest, BacktestParams, BacktestRegion, BacktestSummary, backtest, backtest_scores};
// The ranking metrics, the reference of the held-out evaluation's one-pass version in
// `crate::synergy` (its unit tests compare the two).
#[cfg(test)]
pub(crate) use backtest::{auc, average_precision, precision_at_k};
pub use indices::{
    ActivityComplexity, Complexity, ComplexityMethod, ComplexityParams, ComplexityValues, RegionComplexity,
    RegionScore, SubnationalParams, economic_complexity, economic_complexity_values, subnational_eci,
    subnational_eci_values,
};
pub use outlook::{
    Outlook, OutlookParams, OutlookValues, ProfileColumns, ProfileParams, ProfilePlan, ProfileTable, ProfileValues,
    complexity_outlook, complexity_outlook_values, complexity_profile, complexity_profile_panel,
    complexity_profile_plan, complexity_profile_plan_values, complexity_profile_values, opportunity_gain,
    opportunity_gain_values,
};
pub use priority::{
    PriorityMap, PriorityParams, PriorityPoint, PriorityRecommendation, Quadrant, RelatedActivity, ThresholdRule,
    priority_map, priority_maps,
};
pub use relatedness::{
    DensityParams, DensityScale, Diagonal, RelatednessMethod, RelatednessParams, cooccurrence, cooccurrence_values,
    relatedness, relatedness_density, relatedness_density_values, relatedness_values, relative_relatedness,
    relative_relatedness_values,
};
pub use summary::{ComplexitySummary, MAX_REGIONS_OF_INTEREST, summarise};
