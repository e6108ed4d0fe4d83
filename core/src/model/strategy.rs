//! Indicators and strategies: priorities, objectives, measures and targets.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Attributes, Period, SubjectRef, nan_as_null};

/// Which way an indicator should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// More is better (employment, exports, patents).
    Increase,
    /// Less is better (unemployment, emissions).
    Decrease,
}

/// An indicator: what is measured, in which unit, and which direction is good.
///
/// ```
/// use clusterpolicy::model::{Direction, Indicator};
/// let i = Indicator::new("employment", "Persons employed", "persons", Direction::Increase);
/// assert_eq!(i.unit, "persons");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Unique id, e.g. `employment`.
    pub id: String,
    /// Name.
    pub name: String,
    /// Unit of measurement (`persons`, `EUR`, `%`, ...).
    pub unit: String,
    /// Which way is better.
    pub direction: Direction,
    /// Definition or source of the indicator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<String>,
}

impl Indicator {
    /// An indicator with the required fields.
    pub fn new(id: impl Into<String>, name: impl Into<String>, unit: impl Into<String>, direction: Direction) -> Self {
        Self { id: id.into(), name: name.into(), unit: unit.into(), direction, definition: None }
    }
}

/// A strategic priority: a set of activities or a named domain (e.g. "green mobility").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    /// Id, unique within the dataset's strategies.
    pub id: String,
    /// Name.
    pub name: String,
    /// Activities of the priority (ids of `Dataset::activities`); may be empty for a domain.
    #[serde(default)]
    pub activities: Vec<String>,
    /// A named domain when the priority is not (only) a set of activities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
}

/// An objective of a strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Id, unique within the strategy.
    pub id: String,
    /// What the objective is.
    pub description: String,
    /// The priority it serves (a priority id of the same strategy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
}

/// A policy measure (instrument) of a strategy: a voucher scheme, a cluster programme, a
/// joint research call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Id, unique across all strategies of the dataset (observations and evidence refer to it).
    pub id: String,
    /// Name.
    pub name: String,
    /// Objective it serves (an objective id of the same strategy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objective: Option<String>,
    /// Kind of instrument (`grant`, `voucher`, `network support`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instrument: Option<String>,
    /// Budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<f64>,
    /// Years the measure runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
}

/// A target of a strategy for one indicator: baseline and target values and years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The indicator (an id of `Dataset::indicators`).
    pub indicator: String,
    /// Optional measure the target belongs to (a measure id of the same strategy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// Value in the baseline year.
    #[serde(deserialize_with = "nan_as_null::deserialize")]
    pub baseline: f64,
    /// Baseline year.
    pub baseline_year: i32,
    /// Value to reach.
    #[serde(deserialize_with = "nan_as_null::deserialize")]
    pub target: f64,
    /// Year by which to reach it.
    pub target_year: i32,
}

/// A (smart-specialisation or cluster) strategy of a region or cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    /// Unique id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Who owns the strategy: a region or a cluster.
    pub owner: SubjectRef,
    /// Years the strategy covers.
    pub period: Period,
    /// Priorities.
    #[serde(default)]
    pub priorities: Vec<Priority>,
    /// Objectives.
    #[serde(default)]
    pub objectives: Vec<Objective>,
    /// Measures.
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// Indicator targets.
    #[serde(default)]
    pub targets: Vec<Target>,
    /// Further attributes, kept verbatim.
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
}
