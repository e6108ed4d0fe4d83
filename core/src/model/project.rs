//! Programmes and projects: transnational partnerships with partners, work packages,
//! budgets, spending and communication.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Attributes, Period, nan_as_null};

/// A funding programme (an Interreg transnational programme, Horizon 2020, ...), with the
/// regions of its programme area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Unique id, e.g. `SEE-2007-2013`.
    pub id: String,
    /// Name.
    pub name: String,
    /// Programming period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Regions of the programme area (ids of `Dataset::regions`).
    #[serde(default)]
    pub area: Vec<String>,
    /// Total budget of the programme, in `currency` (EUR unless stated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<f64>,
    /// ISO 4217 currency code of the money amounts; EUR when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Further attributes, kept verbatim.
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
}

/// The role of a partner in a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartnerRole {
    /// Lead partner (coordinator), responsible towards the programme.
    Lead,
    /// Full (financing) partner.
    Partner,
    /// Associated partner without budget of its own.
    Associated,
}

/// An organisation's participation in a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// The organisation (an id of `Dataset::actors`).
    pub actor: String,
    /// Its role.
    pub role: PartnerRole,
    /// The partner's eligible budget (total cost share).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<f64>,
    /// The programme's contribution to that budget (e.g. ERDF, EC contribution).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contribution: Option<f64>,
}

/// A deliverable of a work package.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deliverable {
    /// Id, unique within the project (e.g. `D3.2`).
    pub id: String,
    /// Title.
    pub title: String,
    /// Due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Date actually delivered; `None` while open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered: Option<NaiveDate>,
}

/// A work package of a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkPackage {
    /// Id, unique within the project (e.g. `WP3`).
    pub id: String,
    /// Title.
    pub title: String,
    /// Leading partner (an actor id that is a partner of the project).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// Budget of the work package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<f64>,
    /// Deliverables.
    #[serde(default)]
    pub deliverables: Vec<Deliverable>,
}

/// Spending reported for a reporting period, optionally per partner and work package.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SpendingReport {
    /// Reporting period number (1, 2, ...), as in programme progress reports.
    pub period: u32,
    /// First day of the reporting period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// Last day of the reporting period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    /// The partner that spent (an actor id that is a partner of the project), if per partner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    /// The work package (an id of the project's work packages), if per work package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_package: Option<String>,
    /// Amount spent (certified expenditure).
    #[serde(deserialize_with = "nan_as_null::deserialize")]
    pub amount: f64,
}

/// Who a communication activity addresses (categories of Interreg communication plans).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetGroup {
    /// Policy makers and public authorities.
    PolicyMakers,
    /// Cluster managers and cluster organisations.
    ClusterManagers,
    /// Businesses, in particular SMEs.
    Businesses,
    /// Researchers and universities.
    Researchers,
    /// Intermediaries such as chambers and development agencies.
    Intermediaries,
    /// Media.
    Media,
    /// The general public.
    GeneralPublic,
}

/// A communication activity of a project: an event, a publication, a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommunicationActivity {
    /// Id, unique within the project.
    pub id: String,
    /// What it is (`conference`, `newsletter`, `website`, `study visit`, ...).
    pub kind: String,
    /// Who it addresses.
    pub target_group: TargetGroup,
    /// Planned reach (persons or organisations).
    #[serde(deserialize_with = "nan_as_null::deserialize")]
    pub planned_reach: f64,
    /// Achieved reach, once known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achieved_reach: Option<f64>,
    /// Date of the activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

/// A project: a (transnational) partnership of organisations funded by a programme.
///
/// Money amounts are in the programme's currency (EUR unless stated).
///
/// ```
/// use clusterpolicy::model::{Partner, PartnerRole, Project};
/// let mut p = Project::new("P1", "Cluster learning in SEE");
/// p.partners.push(Partner { actor: "ORG1".into(), role: PartnerRole::Lead, budget: Some(1.0e5), contribution: Some(8.5e4) });
/// assert_eq!(p.lead().map(|x| x.actor.as_str()), Some("ORG1"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Unique id (a CORDIS record number, an Interreg project code, ...).
    pub id: String,
    /// Title.
    pub title: String,
    /// Acronym.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// The funding programme (an id of `Dataset::programmes`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
    /// Programming period the project belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Start date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// End date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// Total eligible budget; when given, partner budgets and work-package budgets must add
    /// up to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<f64>,
    /// Activities the project addresses (ids of `Dataset::activities`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<String>,
    /// Partners, the lead partner first by convention.
    #[serde(default)]
    pub partners: Vec<Partner>,
    /// Work packages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub work_packages: Vec<WorkPackage>,
    /// Spending reports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spending: Vec<SpendingReport>,
    /// Communication activities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub communication: Vec<CommunicationActivity>,
    /// Further attributes, kept verbatim.
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
}

impl Project {
    /// A project with id and title and nothing else.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            acronym: None,
            programme: None,
            period: None,
            start: None,
            end: None,
            budget: None,
            activities: Vec::new(),
            partners: Vec::new(),
            work_packages: Vec::new(),
            spending: Vec::new(),
            communication: Vec::new(),
            attributes: Attributes::new(),
        }
    }

    /// The lead partner, if any.
    #[must_use]
    pub fn lead(&self) -> Option<&Partner> {
        self.partners.iter().find(|p| p.role == PartnerRole::Lead)
    }

    /// Total spending reported so far.
    #[must_use]
    pub fn spent(&self) -> f64 {
        self.spending.iter().map(|s| s.amount).sum()
    }
}
