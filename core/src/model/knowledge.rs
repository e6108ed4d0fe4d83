//! Observations, evidence and foresight scenarios: what the knowledge platform knows.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Attributes, SubjectRef, nan_as_null};

/// One value of an indicator for a subject (region, cluster, measure, ...) in a year,
/// optionally broken down by activity (employment of region R in NACE division C29).
///
/// ```
/// use clusterpolicy::model::{Observation, SubjectRef};
/// let o = Observation::new("employment", SubjectRef::region("AT22"), 2021, 1250.0).with_activity("C29");
/// assert_eq!(o.activity.as_deref(), Some("C29"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// The indicator (an id of `Dataset::indicators`).
    pub indicator: String,
    /// What the value is about.
    pub subject: SubjectRef,
    /// Activity breakdown (an id of `Dataset::activities`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    /// Calendar year.
    pub year: i32,
    /// The value, in the indicator's unit.
    #[serde(deserialize_with = "nan_as_null::deserialize")]
    pub value: f64,
}

impl Observation {
    /// An observation without activity breakdown.
    pub fn new(indicator: impl Into<String>, subject: SubjectRef, year: i32, value: f64) -> Self {
        Self { indicator: indicator.into(), subject, activity: None, year, value }
    }

    /// Sets the activity breakdown.
    #[must_use]
    pub fn with_activity(mut self, activity: impl Into<String>) -> Self {
        self.activity = Some(activity.into());
        self
    }
}

/// Where a piece of evidence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// Evaluation of a past measure.
    Evaluation,
    /// Result of a foresight workshop.
    ForesightWorkshop,
    /// Lessons from a study visit to another region.
    StudyVisit,
    /// A guideline or good-practice recommendation.
    Guideline,
    /// Evaluation of a pilot initiative.
    PilotEvaluation,
}

/// Quality of a piece of evidence, on the GRADE scale (Guyatt et al. 2008, BMJ), which
/// policy-evidence reviews also use: how much confidence the estimate deserves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Quality {
    /// Very little confidence (anecdote, opinion).
    VeryLow,
    /// Limited confidence (before/after without comparison group).
    Low,
    /// Moderate confidence (comparison group, some risk of bias).
    Moderate,
    /// High confidence (randomised or strong quasi-experimental design).
    High,
}

/// The finding of a piece of evidence as an effect with its uncertainty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    /// The indicator the effect is measured on (an id of `Dataset::indicators`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// Point estimate, in the indicator's unit (or a standardised effect size).
    #[serde(deserialize_with = "nan_as_null::deserialize")]
    pub estimate: f64,
    /// Standard error of the estimate, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub std_error: Option<f64>,
}

/// A citable source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Citation (authors, year, title, publisher).
    pub citation: String,
    /// Web address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A piece of evidence that feeds strategy learning: a finding about a measure, strategy,
/// cluster or region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Unique id.
    pub id: String,
    /// Where it comes from.
    pub kind: EvidenceKind,
    /// What it is about (measures, strategies, clusters, regions, ...).
    pub concerns: Vec<SubjectRef>,
    /// Year of the finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Short statement of the finding.
    pub summary: String,
    /// The finding as an effect with uncertainty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<Effect>,
    /// How much confidence it deserves.
    pub quality: Quality,
    /// Where to read more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Further attributes, kept verbatim.
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
}

/// How a scenario assumption shifts an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ShiftKind {
    /// Add `shift` to the value.
    Absolute,
    /// Multiply the value by `1 + shift` (so `0.1` is +10 %).
    Relative,
}

/// One assumption of a scenario: a shift of an indicator, optionally for one subject and
/// activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assumption {
    /// The indicator shifted (an id of `Dataset::indicators`).
    pub indicator: String,
    /// Subject it applies to; all subjects when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<SubjectRef>,
    /// Activity it applies to; all activities when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    /// Size of the shift.
    #[serde(deserialize_with = "nan_as_null::deserialize")]
    pub shift: f64,
    /// Absolute or relative.
    pub kind: ShiftKind,
}

/// A foresight scenario: a named, possibly weighted, future described by shifts of
/// indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Unique id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Narrative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Subjective probability; when every scenario has one they must add up to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<f64>,
    /// Year the scenario describes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon: Option<i32>,
    /// Assumptions.
    #[serde(default)]
    pub assumptions: Vec<Assumption>,
}
