//! The [`Dataset`]: every entity of the knowledge platform in one JSON document.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::activity::Activity;
use super::actor::{Actor, Cluster};
use super::common::Attributes;
use super::geography::{Country, Region};
use super::knowledge::{Evidence, Observation, Scenario};
use super::project::{Programme, Project};
use super::strategy::{Indicator, Strategy};
use super::validate::{ValidationReport, validate};
use crate::error::{Error, Result};

/// Everything the knowledge platform knows, as one JSON-serialisable document: the
/// geography, activities, actors of the triple helix, clusters, programmes and projects,
/// indicators, strategies, observations, evidence and foresight scenarios.
///
/// Entities refer to each other by id (an actor's `region`, a partner's `actor`);
/// [`Dataset::validate`] checks every such reference and reports all problems at once.
/// The JSON form is the wire format shared by Rust, Python and JavaScript; its JSON Schema
/// is [`Dataset::json_schema`] (committed as `schema/dataset.schema.json`).
///
/// # Example
/// ```
/// use clusterpolicy::Dataset;
///
/// let json = r#"{
///   "name": "tiny",
///   "regions": [{ "id": "SI04", "name": "Zahodna Slovenija", "country": "SI", "level": 2 }],
///   "actors": [{ "id": "A1", "name": "Example d.o.o.", "country": "SI", "region": "SI04", "helix": "business" }]
/// }"#;
/// let ds = Dataset::from_json(json)?;
/// assert!(ds.validate().is_valid());
/// let again = Dataset::from_json(&ds.to_json())?;
/// assert_eq!(ds, again);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Name of the dataset.
    pub name: String,
    /// What the dataset holds and where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `true` when the data are synthetic (generated), not observed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synthetic: bool,
    /// Countries (optional metadata; any valid country code may be used without listing it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<Country>,
    /// Regions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<Region>,
    /// Activities (industries, products, technologies).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Organisations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    /// Clusters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clusters: Vec<Cluster>,
    /// Funding programmes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programmes: Vec<Programme>,
    /// Projects (partnerships).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
    /// Indicators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Strategies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strategies: Vec<Strategy>,
    /// Indicator values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Observation>,
    /// Evidence for strategy learning.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Foresight scenarios.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// Further attributes, kept verbatim.
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
}

impl Dataset {
    /// An empty dataset with a name.
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into(), ..Self::default() }
    }

    /// Parses a dataset from its JSON form.
    ///
    /// Unknown fields are rejected (so that a misspelt field is not silently dropped); put
    /// extra data in an entity's `attributes`. A `null` where a required number belongs is
    /// read as NaN, which [`Dataset::validate`] then reports with its path.
    ///
    /// # Errors
    /// [`Error::Json`] with the line and column of the first offending token.
    pub fn from_json(json: &str) -> Result<Self> {
        serde_json::from_str(json).map_err(|e| Error::from_json(&e))
    }

    /// Parses a dataset from JSON bytes (UTF-8).
    ///
    /// # Errors
    /// [`Error::Json`] as for [`Dataset::from_json`].
    pub fn from_json_slice(json: &[u8]) -> Result<Self> {
        serde_json::from_slice(json).map_err(|e| Error::from_json(&e))
    }

    /// Reads a dataset from a JSON file.
    ///
    /// # Errors
    /// [`Error::Io`] if the file cannot be read, [`Error::Json`] if it does not parse.
    pub fn read_json_file(path: impl AsRef<std::path::Path>) -> Result<Self> {
        let path = path.as_ref();
        let bytes =
            std::fs::read(path).map_err(|e| Error::Io { path: path.display().to_string(), message: e.to_string() })?;
        Self::from_json_slice(&bytes)
    }

    /// The compact JSON form. Numbers are written in the shortest form that reads back to
    /// the same `f64`, so `from_json(to_json(d)) == d` for every dataset with finite numbers;
    /// NaN and infinities are written as `null` (JSON has no such numbers).
    #[must_use]
    pub fn to_json(&self) -> String {
        // Serialising these types cannot fail: all map keys are strings.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The indented JSON form (two spaces), for files meant to be read by people.
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Writes the indented JSON form to a file.
    ///
    /// # Errors
    /// [`Error::Io`] if the file cannot be written.
    pub fn write_json_file(&self, path: impl AsRef<std::path::Path>) -> Result<()> {
        let path = path.as_ref();
        std::fs::write(path, self.to_json_pretty() + "\n")
            .map_err(|e| Error::Io { path: path.display().to_string(), message: e.to_string() })
    }

    /// The JSON Schema (draft 2020-12) of the dataset document, generated from the types.
    ///
    /// ```
    /// let schema = clusterpolicy::Dataset::json_schema();
    /// assert_eq!(schema["title"], "Dataset");
    /// ```
    #[must_use]
    pub fn json_schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(Dataset)).unwrap_or_default()
    }

    /// Checks every reference, id, amount, date and share of the dataset and reports all
    /// problems at once, each with a path into the document such as
    /// `projects[3].partners[1].actor`. Never panics, whatever the content.
    ///
    /// See [`ValidationReport`] for the kinds of problem.
    #[must_use]
    pub fn validate(&self) -> ValidationReport {
        validate(self)
    }

    /// Returns the dataset if it is valid, or [`Error::Invalid`] with the full report.
    ///
    /// # Errors
    /// [`Error::Invalid`] when [`Dataset::validate`] finds any problem of severity error.
    pub fn validated(self) -> Result<Self> {
        let report = self.validate();
        if report.is_valid() { Ok(self) } else { Err(Error::Invalid { report }) }
    }
}
