//! Regional specialisation and cluster mapping: what a region is specialised in and where
//! its clusters are strong.
//!
//! Every measure works on a region x activity [`LabelledMatrix`] of non-negative counts
//! (employment, exports, establishments), on a bare `ArrayView2` (the `*_values` kernels, for
//! the bindings), and per year on a [`Panel`] with long-form results.
//!
//! | measure | functions | matches |
//! |---|---|---|
//! | location quotient / Balassa RCA | [`rca`], [`rca_values`], [`rca_panel`] | EconGeo `location_quotient` (bit for bit on counts), `RCA()` with `digits: Some(2)`; Datawheel `rca`; `ecomplexity` |
//! | binary presence `RCA >= 1` | [`presence`], [`presence_values`], [`presence_panel`] | EconGeo `binary = TRUE`, `ecomplexity` `mcp` |
//! | per-capita presence RPOP | [`rpop`], [`rpop_presence`], [`rpop_panel`], [`rpop_presence_panel`] | `ecomplexity` `calculate_rpop` |
//! | symmetric RCA | [`symmetric_rca`], [`symmetric_rca_panel`] | Dalum et al. (1998) |
//! | average LQ, Krugman, specialisation coefficient, Hachman, Herfindahl, entropy, diversity | [`region_indices`], [`region_indices_panel`] ([`RegionIndices`]) | EconGeo 1.3 (to 1e-9, or its rounding with [`Convention::EconGeo`]) |
//! | ubiquity, Gini, locational Gini, Hoover, Hoover-Gini | [`activity_indices`], [`activity_indices_panel`] ([`ActivityIndices`]) | EconGeo 1.3 |
//! | all of the above in one call | [`analyse`], [`analyse_values`] ([`Analysis`]) | |
//! | related / unrelated variety | [`variety`], [`variety_panel`] | Frenken, Van Oort & Verburg (2007) |
//! | shift-share | [`shift_share`], [`shift_share_panel`] | Dunn (1960), classic components |
//! | cluster star ratings | [`star_clusters`], [`star_ratings`], [`star_clusters_panel`], [`cluster_employment`], [`example_nace_mapping`] | European Cluster Observatory |
//! | data | [`observation_panel`] (a panel from a dataset's observations), [`summarise`] (the report's profile) | |
//!
//! ## Zero rows, zero columns and missing values
//!
//! A region whose total is zero has no shares, so its RCA is 0/0; likewise an activity with
//! a zero total. [`RcaParams`] says what happens, with one [`Handling`] each for zero rows,
//! zero columns and missing (NaN) cells:
//!
//! | policy | zero rows / columns | missing (NaN) cells |
//! |---|---|---|
//! | `nan` | kept, their outputs NaN (default; pandas' result) | kept: left out of every total, their outputs NaN |
//! | `zero` | kept, their outputs 0 (EconGeo's `LQ[is.na(LQ)] <- 0`) | read as 0 (as an absent row of a long table) |
//! | `drop` | removed from the output | the regions (rows) holding one are removed first |
//! | `error` | [`Error::Empty`] naming the region or activity | [`Error::NonFinite`] naming the cell (default) |
//!
//! Infinite values are always [`Error::NonFinite`], negative values
//! [`Error::InvalidParameter`] (`values`), naming the cell.
//!
//! ## Agreement with EconGeo
//!
//! On the 554 x 19 Australian census matrix of `../shared/data/australia-lga-anzsic19-census`
//! (tests `tests/tests/specialisation_reference.rs`, and the same checks in the Python and
//! Node tests), the largest absolute differences from EconGeo 1.3's outputs are: location
//! quotient 5.0e-14, average LQ 5.3e-14, Krugman 5.1e-15, specialisation coefficient 5.6e-16,
//! Hachman 8.9e-16, Herfindahl 5.0e-16, locational Gini 1.3e-13 (R prints 15 significant
//! digits); binary LQ, diversity and ubiquity are equal; with [`Convention::EconGeo`] the
//! rounded values (RCA to 2 decimals, entropy, Gini and Hoover-Gini to 3, Hoover in percent to
//! 2) are equal. The cluster star rules reproduce `../shared/reference/cluster_mapping.json`.
//!
//! ## Example
//! ```
//! use clusterpolicy::model::LabelledMatrix;
//! use clusterpolicy::ndarray::array;
//! use clusterpolicy::specialisation::{Convention, Handling, IndexParams, RcaParams, analyse, rca};
//!
//! let m = LabelledMatrix::new(
//!     vec!["AT22".into(), "SI04".into(), "HR03".into()],
//!     vec!["C29".into(), "J62".into(), "I55".into()],
//!     array![[900.0, 100.0, 50.0], [100.0, 400.0, 60.0], [0.0, 0.0, 0.0]],
//! )?;
//! // HR03 has no employment: drop it (EconGeo's convention would be `Handling::Zero`).
//! let params = RcaParams { zero_rows: Handling::Drop, ..RcaParams::default() };
//! let lq = rca(&m, &params)?;
//! assert_eq!(lq.rows(), ["AT22", "SI04"]);
//! assert!(lq.get("AT22", "C29").unwrap() > 1.0);
//! let a = analyse(&m, &IndexParams { rca: params, convention: Convention::EconGeo }, None)?;
//! assert_eq!(a.regions.diversity, [1.0, 2.0]);
//! # Ok::<(), clusterpolicy::Error>(())
//! ```

// Views are taken by value, as the house convention says (NumPy arrays cross as views).
#![allow(clippy::needless_pass_by_value)]

mod data;
mod indices;
mod prepare;
mod rca;
mod rounding;
mod shift_share;
mod stars;
mod summary;
mod variety;

use ndarray::Array2;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
#[allow(unused_imports)] // used in docs
use crate::model::{LabelledMatrix, Panel};

pub use data::observation_panel;
pub use indices::{
    ActivityIndex, ActivityIndexRecord, ActivityIndices, Analysis, RegionIndex, RegionIndexRecord, RegionIndices,
    activity_indices, activity_indices_panel, analyse, analyse_values, region_indices, region_indices_panel,
};
pub use rca::{
    presence, presence_panel, presence_values, rca, rca_panel, rca_values, rpop, rpop_panel, rpop_presence,
    rpop_presence_panel, rpop_presence_values, rpop_values, symmetric_rca, symmetric_rca_panel, symmetric_rca_values,
};
pub use rounding::round_half_even;
pub use shift_share::{
    ShiftShare, ShiftShareParams, ShiftShareRecord, ShiftShareTotal, shift_share, shift_share_panel,
};
pub use stars::{
    ClusterCategory, ClusterMapping, FocusScope, StarParams, StarRating, cluster_employment, example_nace_mapping,
    star_clusters, star_clusters_panel, star_ratings,
};
pub use summary::{RegionProfile, SpecialisationSummary, StarCluster, TopActivity, summarise};
pub use variety::{
    ActivityGroups, Variety, VarietyParams, VarietyRecord, groups_by_prefix, groups_from_dataset, variety,
    variety_panel,
};

/// What to do with regions or activities whose total is zero, and with missing (NaN)
/// values. See the [module documentation](self) for the meaning of each policy.
///
/// ```
/// use clusterpolicy::specialisation::Handling;
/// let h: Handling = serde_json::from_str("\"drop\"").unwrap();
/// assert_eq!(h, Handling::Drop);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Handling {
    /// Keep, with NaN outputs (for NaN cells: left out of the totals).
    Nan,
    /// Keep, with 0 outputs (EconGeo's convention); NaN cells are read as 0.
    Zero,
    /// Remove the row or column (for NaN cells: the rows that hold one).
    Drop,
    /// Fail with an error naming the region, activity or cell.
    Error,
}

/// Options of the location quotient and everything built on it.
///
/// ```
/// use clusterpolicy::specialisation::{Handling, RcaParams};
/// let p: RcaParams = serde_json::from_str(r#"{"zero_rows": "drop", "digits": 2}"#).unwrap();
/// assert_eq!(p.zero_cols, Handling::Nan);
/// assert_eq!(p.threshold, 1.0);
/// assert!(p.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct RcaParams {
    /// Regions (rows) with a zero total. Default `nan`.
    pub zero_rows: Handling,
    /// Activities (columns) with a zero total. Default `nan`.
    pub zero_cols: Handling,
    /// Missing (NaN) values. Default `error`.
    pub missing: Handling,
    /// Presence threshold: a region has an activity when its RCA (or RPOP) is at least this.
    /// Default 1, as every peer. Used by the presence functions and by diversity and
    /// ubiquity.
    pub threshold: f64,
    /// Round RCA, RPOP and symmetric RCA values to this many decimals as R's `round()` does
    /// (EconGeo's `RCA()` rounds to 2). Default `None`: unrounded. Presence always uses
    /// the unrounded values.
    pub digits: Option<u32>,
}

impl Default for RcaParams {
    fn default() -> Self {
        Self {
            zero_rows: Handling::Nan,
            zero_cols: Handling::Nan,
            missing: Handling::Error,
            threshold: 1.0,
            digits: None,
        }
    }
}

impl RcaParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`threshold`) unless it is finite and positive;
    /// (`digits`) above 15.
    pub fn check(&self) -> Result<&Self> {
        if !(self.threshold.is_finite() && self.threshold > 0.0) {
            return Err(Error::param("threshold", format!("must be finite and positive, got {}", self.threshold)));
        }
        if let Some(d) = self.digits
            && d > 15
        {
            return Err(Error::param("digits", format!("must be at most 15, got {d}")));
        }
        Ok(self)
    }
}

/// Which conventions the indices follow.
///
/// ```
/// use clusterpolicy::specialisation::Convention;
/// assert_eq!(serde_json::to_string(&Convention::EconGeo).unwrap(), "\"econ_geo\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Convention {
    /// Unrounded values; entropy with `0 log 0 = 0`; Hoover index as a share in [0, 1].
    #[default]
    Exact,
    /// EconGeo 1.3's conventions: entropy `-sum s log2(s + 1e-9)` rounded to 3 decimals,
    /// Gini and Hoover-Gini rounded to 3, Hoover index in percent rounded to 2 (R's
    /// `round`). Combine with `RcaParams::digits = Some(2)` for its `RCA()`.
    EconGeo,
}

/// Options of the region and activity indices.
///
/// ```
/// use clusterpolicy::specialisation::{Convention, IndexParams};
/// let p: IndexParams = serde_json::from_str(r#"{"convention": "econ_geo", "rca": {"zero_rows": "drop"}}"#).unwrap();
/// assert_eq!(p.convention, Convention::EconGeo);
/// assert!(p.check().is_ok());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct IndexParams {
    /// Policies, threshold and rounding of the underlying RCA.
    pub rca: RcaParams,
    /// Exact values (default) or EconGeo's rounding conventions.
    pub convention: Convention,
}

impl IndexParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// As [`RcaParams::check`].
    pub fn check(&self) -> Result<&Self> {
        self.rca.check()?;
        Ok(self)
    }
}

/// The result of a raw `*_values` kernel: the output on the kept rows and columns, and the
/// input index of each kept row and column (all of them unless a policy is `drop`).
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    /// Output values, kept rows x kept columns.
    pub values: Array2<f64>,
    /// Input row index of each output row.
    pub rows: Vec<usize>,
    /// Input column index of each output column.
    pub cols: Vec<usize>,
}
