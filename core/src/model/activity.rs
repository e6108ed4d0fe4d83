//! Economic activities: industries, products, technologies.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::Attributes;

/// The classification an activity code belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Classification {
    /// Statistical classification of economic activities in the European Community, Rev. 2
    /// (sections A-U, divisions 01-99, groups, classes).
    NaceRev2,
    /// North American Industry Classification System.
    Naics,
    /// Australian and New Zealand Standard Industrial Classification.
    Anzsic,
    /// UN Central Product Classification.
    Cpc,
    /// Harmonized Commodity Description and Coding System (traded products).
    Hs,
    /// Standard International Trade Classification.
    Sitc,
    /// International or Cooperative Patent Classification classes (technologies).
    PatentClass,
    /// A classification of the user's own; name it in the activity's attributes.
    UserDefined,
}

/// An economic activity: an industry, a product or a technology, identified by its code
/// in a [`Classification`].
///
/// Hierarchies (NACE section > division > group) are expressed with `parent`, which
/// names another activity of the dataset; related-variety measures use it.
///
/// ```
/// use clusterpolicy::model::{Activity, Classification};
/// let a = Activity::new("C29", "Manufacture of motor vehicles, trailers and semi-trailers", Classification::NaceRev2)
///     .with_parent("C");
/// assert_eq!(a.parent.as_deref(), Some("C"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// Unique id within the dataset, usually the code (`C29`, `336`, `0011`).
    pub id: String,
    /// Name.
    pub name: String,
    /// Classification of the code.
    pub classification: Classification,
    /// Id of the enclosing activity in the hierarchy, if part of the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Hierarchy level (1 = top, e.g. NACE section; 2 = division; ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// Further attributes, kept verbatim.
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
}

impl Activity {
    /// An activity with the required fields.
    pub fn new(id: impl Into<String>, name: impl Into<String>, classification: Classification) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            classification,
            parent: None,
            level: None,
            attributes: Attributes::new(),
        }
    }

    /// Sets the parent activity.
    #[must_use]
    pub fn with_parent(mut self, parent: impl Into<String>) -> Self {
        self.parent = Some(parent.into());
        self
    }
}
