//! Actors (organisations) and clusters.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::Attributes;

/// The helix of the Triple (or Quadruple) Helix an organisation belongs to
/// (Etzkowitz & Leydesdorff 2000; Carayannis & Campbell 2009 for civil society).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HelixKind {
    /// Firms and other market producers (CORDIS activity type `PRC`).
    Business,
    /// Universities, higher-education and research organisations (`HES`, `REC`).
    Research,
    /// Public authorities and agencies (`PUB`).
    PublicAuthority,
    /// Civil society: associations, NGOs, citizens' organisations.
    CivilSociety,
    /// Cluster organisations, chambers and other intermediaries.
    Intermediary,
}

impl HelixKind {
    /// All kinds, in declaration order.
    pub const ALL: [HelixKind; 5] = [
        HelixKind::Business,
        HelixKind::Research,
        HelixKind::PublicAuthority,
        HelixKind::CivilSociety,
        HelixKind::Intermediary,
    ];

    /// The snake-case name used in JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            HelixKind::Business => "business",
            HelixKind::Research => "research",
            HelixKind::PublicAuthority => "public_authority",
            HelixKind::CivilSociety => "civil_society",
            HelixKind::Intermediary => "intermediary",
        }
    }

    /// Maps a CORDIS organisation activity type to a helix.
    ///
    /// `PRC` (private for-profit) is business, `HES` (higher or secondary education) and
    /// `REC` (research organisation) are research, `PUB` (public body) is public
    /// authority; `OTH` and anything else have no helix.
    ///
    /// ```
    /// use clusterpolicy::model::HelixKind;
    /// assert_eq!(HelixKind::from_cordis_activity_type("HES"), Some(HelixKind::Research));
    /// assert_eq!(HelixKind::from_cordis_activity_type("OTH"), None);
    /// ```
    #[must_use]
    pub fn from_cordis_activity_type(code: &str) -> Option<HelixKind> {
        match code.trim() {
            "PRC" => Some(HelixKind::Business),
            "HES" | "REC" => Some(HelixKind::Research),
            "PUB" => Some(HelixKind::PublicAuthority),
            _ => None,
        }
    }
}

/// Size class of an organisation (EU SME definition, Recommendation 2003/361/EC:
/// micro < 10 staff, small < 50, medium < 250, large otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SizeClass {
    /// Fewer than 10 persons employed.
    Micro,
    /// 10 to 49.
    Small,
    /// 50 to 249.
    Medium,
    /// 250 or more.
    Large,
}

impl SizeClass {
    /// The size class of an organisation with `employees` persons employed.
    ///
    /// ```
    /// use clusterpolicy::model::SizeClass;
    /// assert_eq!(SizeClass::from_employees(49), SizeClass::Small);
    /// assert_eq!(SizeClass::from_employees(250), SizeClass::Large);
    /// ```
    #[must_use]
    pub fn from_employees(employees: u32) -> SizeClass {
        match employees {
            0..=9 => SizeClass::Micro,
            10..=49 => SizeClass::Small,
            50..=249 => SizeClass::Medium,
            _ => SizeClass::Large,
        }
    }
}

/// An organisation: a firm, university, agency, association or cluster organisation.
///
/// ```
/// use clusterpolicy::model::{Actor, HelixKind};
/// let a = Actor::new("ORG1", "University of Ljubljana", "SI").with_helix(HelixKind::Research).with_region("SI04");
/// assert_eq!(a.region.as_deref(), Some("SI04"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Unique id (a CORDIS PIC, a register number, or the user's own).
    pub id: String,
    /// Name.
    pub name: String,
    /// Country code (ISO 3166-1 alpha-2 or the EU forms `EL` / `UK`).
    pub country: String,
    /// Region id, when the organisation is located in a region of the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Helix kind; `None` when the source does not say (as in some CORDIS extracts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helix: Option<HelixKind>,
    /// Size class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<SizeClass>,
    /// Persons employed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employees: Option<u32>,
    /// Main activities (ids of `Dataset::activities`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<String>,
    /// Further attributes, kept verbatim.
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
}

impl Actor {
    /// An actor with the required fields.
    pub fn new(id: impl Into<String>, name: impl Into<String>, country: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            country: country.into(),
            region: None,
            helix: None,
            size: None,
            employees: None,
            activities: Vec::new(),
            attributes: Attributes::new(),
        }
    }

    /// Sets the helix kind.
    #[must_use]
    pub fn with_helix(mut self, helix: HelixKind) -> Self {
        self.helix = Some(helix);
        self
    }

    /// Sets the region.
    #[must_use]
    pub fn with_region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }
}

/// Life-cycle stage of a cluster (Menzel & Fornahl 2010, "Cluster life cycles").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MaturityStage {
    /// Few firms, first joint activities.
    Emerging,
    /// Growing membership and activity.
    Growing,
    /// Stable, established.
    Mature,
    /// Shrinking.
    Declining,
    /// Renewing itself into new activities.
    Renewing,
}

/// A cluster: a geographically concentrated group of interconnected actors in related
/// activities (Porter 1998), usually with a managing cluster organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    /// Unique id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Regions the cluster is located in (ids of `Dataset::regions`).
    #[serde(default)]
    pub regions: Vec<String>,
    /// Activities it works in (ids of `Dataset::activities`).
    #[serde(default)]
    pub activities: Vec<String>,
    /// Member organisations (ids of `Dataset::actors`).
    #[serde(default)]
    pub members: Vec<String>,
    /// The managing cluster organisation (an actor id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager: Option<String>,
    /// Year the cluster (organisation) was founded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<i32>,
    /// Life-cycle stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maturity: Option<MaturityStage>,
    /// Further attributes, kept verbatim.
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
}
