//! Small types shared by several parts of the data model.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Free-form extra attributes of an entity, kept verbatim through every JSON round trip.
///
/// Use it for columns of a source file that the typed model has no field for (a CORDIS
/// `fundingScheme`, a national register number, ...). Keys are kept in sorted order so
/// that output is deterministic.
pub type Attributes = BTreeMap<String, serde_json::Value>;

/// A span of calendar years, both ends included (a programme period such as 2007-2013,
/// or a strategy period such as 2021-2027).
///
/// ```
/// use clusterpolicy::model::Period;
/// let p = Period { start_year: 2021, end_year: 2027 };
/// assert_eq!(p.years(), 7);
/// assert!(p.contains(2024));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First year of the period.
    pub start_year: i32,
    /// Last year of the period (inclusive).
    pub end_year: i32,
}

impl Period {
    /// Number of calendar years covered, `end_year - start_year + 1` (0 if reversed).
    #[must_use]
    pub fn years(&self) -> u32 {
        u32::try_from(self.end_year - self.start_year + 1).unwrap_or(0)
    }

    /// Whether `year` lies within the period.
    #[must_use]
    pub fn contains(&self, year: i32) -> bool {
        (self.start_year..=self.end_year).contains(&year)
    }
}

/// The kind of entity a [`SubjectRef`] points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    /// A country, by its code in `Dataset::countries` or any valid country code.
    Country,
    /// A region in `Dataset::regions`.
    Region,
    /// An organisation in `Dataset::actors`.
    Actor,
    /// A cluster in `Dataset::clusters`.
    Cluster,
    /// A programme in `Dataset::programmes`.
    Programme,
    /// A project in `Dataset::projects`.
    Project,
    /// A strategy in `Dataset::strategies`.
    Strategy,
    /// A measure of any strategy (measure ids are unique across the dataset).
    Measure,
}

impl SubjectKind {
    /// The name used in messages and JSON (`"region"`, `"measure"`, ...).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectKind::Country => "country",
            SubjectKind::Region => "region",
            SubjectKind::Actor => "actor",
            SubjectKind::Cluster => "cluster",
            SubjectKind::Programme => "programme",
            SubjectKind::Project => "project",
            SubjectKind::Strategy => "strategy",
            SubjectKind::Measure => "measure",
        }
    }
}

/// A typed reference to another entity of the dataset: what an observation is about,
/// who owns a strategy, what a piece of evidence concerns.
///
/// ```
/// use clusterpolicy::model::{SubjectKind, SubjectRef};
/// let r = SubjectRef::region("SI04");
/// assert_eq!(r.kind, SubjectKind::Region);
/// assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"kind":"region","id":"SI04"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubjectRef {
    /// What kind of entity is referenced.
    pub kind: SubjectKind,
    /// Its id.
    pub id: String,
}

impl SubjectRef {
    /// A reference to a region.
    pub fn region(id: impl Into<String>) -> Self {
        Self { kind: SubjectKind::Region, id: id.into() }
    }
    /// A reference to a cluster.
    pub fn cluster(id: impl Into<String>) -> Self {
        Self { kind: SubjectKind::Cluster, id: id.into() }
    }
    /// A reference to a measure.
    pub fn measure(id: impl Into<String>) -> Self {
        Self { kind: SubjectKind::Measure, id: id.into() }
    }
}

/// Geographic coordinates in decimal degrees (WGS 84), e.g. a region's centroid.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Coordinates {
    /// Latitude, -90 to 90.
    pub lat: f64,
    /// Longitude, -180 to 180.
    pub lon: f64,
}

/// Serde helpers for required `f64` fields: a JSON `null` reads as NaN, and NaN or an
/// infinity writes as `null` (JSON has no such numbers). Validation then reports the
/// value as non-finite with its path instead of the parser failing on the document.
pub(crate) mod nan_as_null {
    use serde::{Deserialize, Deserializer};

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NAN))
    }
}
