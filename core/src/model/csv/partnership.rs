//! Partnership lists: projects x organisations, flat or split over several files (CORDIS).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{CsvFile, CsvSource, Decimal, Delimiter, Interner, Row};
use crate::error::{Error, Result};
use crate::model::{
    Actor, Attributes, Dataset, HelixKind, Partner, PartnerRole, Period, Programme, Project, Region, same_country,
};

/// Columns of the participation list: one row per (project, organisation).
///
/// Only the two ids are required. In a *flat* list (no organisations file, no projects
/// file) the other columns describe the organisation and the project, the first row of an
/// organisation or project giving its attributes. When an organisations file (projects
/// file) is given, the organisation (project) columns here are not used: the other file
/// describes them.
///
/// Default: columns `project` and `organisation`, nothing else.
///
/// ```
/// use clusterpolicy::model::csv::{CsvSource, ParticipationColumns, PartnershipSpec, Partnerships};
/// // An Interreg-style partner list of the user's own.
/// let text = "project,partner,partner_name,country,nuts,role,erdf\n\
///             SEE-1,ORG1,Agency One,SI,SI04,LP,85000\n\
///             SEE-1,ORG2,Cluster Two,HR,HR03,PP,60000\n";
/// let spec = PartnershipSpec {
///     participations: ParticipationColumns {
///         organisation: "partner".into(),
///         name: Some("partner_name".into()),
///         country: Some("country".into()),
///         region: Some("nuts".into()),
///         role: Some("role".into()),
///         contribution: Some("erdf".into()),
///         ..ParticipationColumns::default()
///     },
///     roles: vec![
///         clusterpolicy::model::csv::RoleValue { value: "LP".into(), role: clusterpolicy::model::PartnerRole::Lead },
///         clusterpolicy::model::csv::RoleValue { value: "PP".into(), role: clusterpolicy::model::PartnerRole::Partner },
///     ],
///     ..PartnershipSpec::default()
/// };
/// let p = Partnerships::read(&spec, &CsvSource::new("partners.csv", text), None, None)?;
/// assert_eq!(p.projects[0].lead().map(|l| l.actor.as_str()), Some("ORG1"));
/// assert_eq!(p.regions.len(), 6); // SI, SI0, SI04, HR, HR0, HR03
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ParticipationColumns {
    /// Project id column (required).
    pub project: String,
    /// Organisation id column (required).
    pub organisation: String,
    /// Organisation name; the id is used when absent or empty.
    pub name: Option<String>,
    /// Organisation country code (kept as written: `EL`, `UK`, `KO` are accepted by
    /// validation). When empty and the region is a NUTS code, its first two letters are used.
    pub country: Option<String>,
    /// Organisation region code (NUTS, or the user's own: see [`RegionCodes`]).
    pub region: Option<String>,
    /// CORDIS activity type (`PRC`, `HES`, `REC`, `PUB`, `OTH`), mapped to a helix by
    /// [`HelixKind::from_cordis_activity_type`].
    pub activity_type: Option<String>,
    /// Role of the organisation in the project, read through [`PartnershipSpec::roles`];
    /// every participation is a [`PartnerRole::Partner`] when absent.
    pub role: Option<String>,
    /// The programme's contribution to the participation (CORDIS `ecContribution`).
    pub contribution: Option<String>,
    /// The participation's budget (CORDIS `totalCost` of the organisation).
    pub budget: Option<String>,
    /// Project title.
    pub project_title: Option<String>,
    /// Project acronym.
    pub project_acronym: Option<String>,
    /// Project start date (`YYYY-MM-DD`).
    pub start: Option<String>,
    /// Project end date (`YYYY-MM-DD`).
    pub end: Option<String>,
    /// Further columns copied verbatim (as strings) into the organisation's attributes,
    /// keyed by column name; empty fields are left out.
    pub attributes: Vec<String>,
}

impl Default for ParticipationColumns {
    fn default() -> Self {
        Self {
            project: "project".to_owned(),
            organisation: "organisation".to_owned(),
            name: None,
            country: None,
            region: None,
            activity_type: None,
            role: None,
            contribution: None,
            budget: None,
            project_title: None,
            project_acronym: None,
            start: None,
            end: None,
            attributes: Vec::new(),
        }
    }
}

/// Columns of an organisations file: one row per organisation, joined to the
/// participations by id. When an id repeats, the first row wins and later rows are counted
/// in [`ImportSummary::duplicate_organisation_rows`].
///
/// Default: column `id`, nothing else.
///
/// ```
/// use clusterpolicy::model::csv::{CsvSource, OrganisationColumns, PartnershipSpec, Partnerships};
/// let spec = PartnershipSpec {
///     organisations: Some(OrganisationColumns { name: Some("name".into()), country: Some("country".into()), ..Default::default() }),
///     ..PartnershipSpec::default()
/// };
/// let edges = CsvSource::new("edges.csv", "project,organisation\nP1,O1\nP1,O9\n");
/// let orgs = CsvSource::new("orgs.csv", "id,name,country\nO1,One,AT\nO1,One again,AT\n");
/// let p = Partnerships::read(&spec, &edges, Some(&orgs), None)?;
/// assert_eq!(p.actors.len(), 1);
/// assert_eq!((p.summary.duplicate_organisation_rows, p.summary.unknown_organisations), (1, 1));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct OrganisationColumns {
    /// Organisation id column (required).
    pub id: String,
    /// Name; the id is used when absent or empty.
    pub name: Option<String>,
    /// Country code, as for [`ParticipationColumns::country`].
    pub country: Option<String>,
    /// Region code (see [`RegionCodes`]).
    pub region: Option<String>,
    /// CORDIS activity type, as for [`ParticipationColumns::activity_type`].
    pub activity_type: Option<String>,
    /// Further columns copied verbatim into the organisation's attributes.
    pub attributes: Vec<String>,
}

impl Default for OrganisationColumns {
    fn default() -> Self {
        Self {
            id: "id".to_owned(),
            name: None,
            country: None,
            region: None,
            activity_type: None,
            attributes: Vec::new(),
        }
    }
}

/// Columns of a projects file: one row per project, joined to the participations by id.
/// When an id repeats, the first row wins.
///
/// Default: column `id`, nothing else.
///
/// ```
/// use clusterpolicy::model::csv::{CsvSource, PartnershipSpec, Partnerships, ProjectColumns};
/// let spec = PartnershipSpec {
///     projects: Some(ProjectColumns {
///         title: Some("title".into()),
///         start: Some("start".into()),
///         coordinator: Some("coordinator".into()),
///         ..Default::default()
///     }),
///     ..PartnershipSpec::default()
/// };
/// let edges = CsvSource::new("edges.csv", "project,organisation\nP1,Acme\n");
/// let projects = CsvSource::new("projects.csv", "id,title,start,coordinator\nP1,Smart Clusters,2021-03-01,Acme\n");
/// let p = Partnerships::read(&spec, &edges, None, Some(&projects))?;
/// assert_eq!(p.projects[0].title, "Smart Clusters");
/// assert_eq!(p.summary.coordinators_by_name, 1); // the flat actor's name is its id, `Acme`
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ProjectColumns {
    /// Project id column (required).
    pub id: String,
    /// Title; when absent or empty the acronym is the title, else the id.
    pub title: Option<String>,
    /// Acronym.
    pub acronym: Option<String>,
    /// Start date (`YYYY-MM-DD`).
    pub start: Option<String>,
    /// End date (`YYYY-MM-DD`).
    pub end: Option<String>,
    /// Total cost of the project, its [`Project::budget`].
    pub budget: Option<String>,
    /// Name of the coordinating organisation, when the participations carry no role (the
    /// CORDIS SOD layout). It is matched to a partner as [`CoordinatorMatching`] says.
    pub coordinator: Option<String>,
    /// Country of the coordinating organisation, used in the matching.
    pub coordinator_country: Option<String>,
    /// Further columns copied verbatim into the project's attributes.
    pub attributes: Vec<String>,
}

impl Default for ProjectColumns {
    fn default() -> Self {
        Self {
            id: "id".to_owned(),
            title: None,
            acronym: None,
            start: None,
            end: None,
            budget: None,
            coordinator: None,
            coordinator_country: None,
            attributes: Vec::new(),
        }
    }
}

/// One value of the role column and the [`PartnerRole`] it means. Values match without
/// regard to case and surrounding whitespace.
///
/// ```
/// use clusterpolicy::model::PartnerRole;
/// use clusterpolicy::model::csv::RoleValue;
/// let roles = RoleValue::cordis();
/// let coordinator = roles.iter().find(|r| r.value == "coordinator").unwrap();
/// assert_eq!(coordinator.role, PartnerRole::Lead);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleValue {
    /// The value as written in the file, e.g. `coordinator`.
    pub value: String,
    /// What it means.
    pub role: PartnerRole,
}

impl RoleValue {
    /// The CORDIS vocabulary (FP7 to Horizon Europe): `coordinator` is the lead;
    /// `participant`, `beneficiary` and `hostInstitution` (ERC) are partners; `partner` (MSCA
    /// partner organisations, which sign no grant agreement and receive no EU funding
    /// directly), `associatedPartner`, `thirdParty` (linked third parties) and
    /// `internationalPartner` are associated.
    ///
    /// ```
    /// use clusterpolicy::model::PartnerRole;
    /// use clusterpolicy::model::csv::RoleValue;
    /// let third = RoleValue::cordis().into_iter().find(|r| r.value == "thirdParty").unwrap();
    /// assert_eq!(third.role, PartnerRole::Associated);
    /// ```
    #[must_use]
    pub fn cordis() -> Vec<RoleValue> {
        [
            ("coordinator", PartnerRole::Lead),
            ("participant", PartnerRole::Partner),
            ("beneficiary", PartnerRole::Partner),
            ("hostInstitution", PartnerRole::Partner),
            ("partner", PartnerRole::Associated),
            ("associatedPartner", PartnerRole::Associated),
            ("thirdParty", PartnerRole::Associated),
            ("internationalPartner", PartnerRole::Associated),
        ]
        .into_iter()
        .map(|(value, role)| RoleValue { value: value.to_owned(), role })
        .collect()
    }
}

/// What the region codes of organisations are.
///
/// ```
/// use clusterpolicy::model::csv::{CsvSource, ParticipationColumns, PartnershipSpec, Partnerships, RegionCodes};
/// let text = "project,organisation,country,region\nP,O,US,US-CA-06037\n";
/// let mut spec = PartnershipSpec {
///     participations: ParticipationColumns { country: Some("country".into()), region: Some("region".into()), ..Default::default() },
///     ..PartnershipSpec::default()
/// };
/// let src = CsvSource::new("list.csv", text);
/// assert!(Partnerships::read(&spec, &src, None, None).is_err()); // not a NUTS code
/// spec.region_codes = RegionCodes::Plain;
/// let p = Partnerships::read(&spec, &src, None, None)?;
/// assert_eq!((p.regions[0].id.as_str(), p.regions[0].country.as_str()), ("US-CA-06037", "US"));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RegionCodes {
    /// NUTS codes: two capital letters and up to three capital letters or digits (`DE`,
    /// `DE7`, `DE71`, `DE711`; country-level codes of non-EU countries such as `US` too).
    /// Each code seen creates its region and all its ancestors: name = code, country = its
    /// first two letters, level = length - 2, parent = the code without its last character.
    /// A code of another shape is an [`Error::Csv`].
    #[default]
    Nuts,
    /// Codes of the user's own: each creates one region named by its code, in the country
    /// of the first organisation that has it, without level or parent.
    Plain,
}

/// What to do with a participation that names an organisation (project) missing from the
/// organisations (projects) file.
///
/// ```
/// use clusterpolicy::model::csv::{CsvSource, OrganisationColumns, PartnershipSpec, Partnerships, UnknownReferences};
/// let mut spec = PartnershipSpec { organisations: Some(OrganisationColumns::default()), ..Default::default() };
/// let edges = CsvSource::new("edges.csv", "project,organisation\nP1,O1\nP1,O2\n");
/// let orgs = CsvSource::new("orgs.csv", "id\nO1\n");
/// let p = Partnerships::read(&spec, &edges, Some(&orgs), None)?;
/// assert_eq!(p.summary.participations_with_unknown_reference, 1);
/// spec.unknown = UnknownReferences::Error;
/// let err = Partnerships::read(&spec, &edges, Some(&orgs), None).unwrap_err();
/// assert_eq!(err.to_string(), "edges.csv: line 3, column `organisation`: organisation `O2` is not in the organisations file");
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnknownReferences {
    /// Drop the participation and count it in the [`ImportSummary`].
    #[default]
    Skip,
    /// Fail with [`Error::Csv`] at the participation's line.
    Error,
}

/// How the coordinator named in a projects file is found among the project's partners.
///
/// ```
/// use clusterpolicy::model::csv::{CoordinatorMatching, CsvSource, OrganisationColumns, PartnershipSpec, Partnerships, ProjectColumns};
/// let mut spec = PartnershipSpec {
///     organisations: Some(OrganisationColumns { name: Some("name".into()), country: Some("country".into()), ..Default::default() }),
///     projects: Some(ProjectColumns { coordinator: Some("coord".into()), coordinator_country: Some("cc".into()), ..Default::default() }),
///     ..PartnershipSpec::default()
/// };
/// let edges = CsvSource::new("e.csv", "project,organisation\nP,1\nP,2\n");
/// let orgs = CsvSource::new("o.csv", "id,name,country\n1,TECHNION - ISRAEL INSTITUTE OF TECHNOLOGY,IL\n2,ACME SA,EL\n");
/// let projects = CsvSource::new("p.csv", "id,coord,cc\nP,TECHNION ISRAEL INSTITUTE OF TECHNOLOGY,IL\n");
/// let p = Partnerships::read(&spec, &edges, Some(&orgs), Some(&projects))?;
/// assert_eq!(p.projects[0].partners[0].actor, "1");
/// spec.coordinator_matching = CoordinatorMatching::Exact;
/// let p = Partnerships::read(&spec, &edges, Some(&orgs), Some(&projects))?;
/// assert_eq!(p.summary.unmatched_coordinators.len(), 1);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CoordinatorMatching {
    /// Same name (after trimming) and same country ([`same_country`], so `EL` = `GR`);
    /// exactly one partner must match.
    Exact,
    /// [`CoordinatorMatching::Exact`] first; then the same *normalised* name (ASCII letters
    /// and digits only, lower case: so `TECHNION - ISRAEL` = `Technion Israel`, and a name
    /// whose accented letters were replaced by U+FFFD upstream still matches) and the same
    /// country, exactly one partner matching; then, for a project with a single partner in
    /// the coordinator's country, that partner (it must be the coordinator).
    #[default]
    Lenient,
}

/// How to read a partnership list: the columns of each file, the vocabulary and what to
/// do with imperfect data. Presets for the CORDIS layouts:
/// [`PartnershipSpec::cordis_h2020_sod`], [`PartnershipSpec::cordis_fp7_sod`],
/// [`PartnershipSpec::cordis_flat`].
///
/// Default: a flat list with columns `project` and `organisation`, delimiter detected,
/// decimal point, the CORDIS role vocabulary, NUTS region codes, unknown references
/// skipped, lenient coordinator matching, no programme.
///
/// The spec is plain data, so it can be stored as JSON next to the files it describes:
///
/// ```
/// use clusterpolicy::model::csv::PartnershipSpec;
/// let json = r#"{ "participations": { "project": "acronym", "organisation": "pic", "country": "country" },
///                 "delimiter": "semicolon", "decimal": "comma" }"#;
/// let spec: PartnershipSpec = serde_json::from_str(json).unwrap();
/// assert_eq!(spec.participations.country.as_deref(), Some("country"));
/// assert!(spec.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PartnershipSpec {
    /// The participation list.
    pub participations: ParticipationColumns,
    /// The organisations file, for the relational layout.
    pub organisations: Option<OrganisationColumns>,
    /// The projects file, for the relational layout.
    pub projects: Option<ProjectColumns>,
    /// Field delimiter of all files.
    pub delimiter: Delimiter,
    /// Decimal separator of money columns.
    pub decimal: Decimal,
    /// The values of the role column.
    pub roles: Vec<RoleValue>,
    /// What region codes are.
    pub region_codes: RegionCodes,
    /// Participations naming an organisation or project missing from its file.
    pub unknown: UnknownReferences,
    /// Matching of coordinators named in the projects file.
    pub coordinator_matching: CoordinatorMatching,
    /// The programme that funded the projects: it is added to the dataset, and every
    /// project refers to it and takes its period.
    pub programme: Option<Programme>,
}

impl Default for PartnershipSpec {
    fn default() -> Self {
        Self {
            participations: ParticipationColumns::default(),
            organisations: None,
            projects: None,
            delimiter: Delimiter::Auto,
            decimal: Decimal::Point,
            roles: RoleValue::cordis(),
            region_codes: RegionCodes::Nuts,
            unknown: UnknownReferences::Skip,
            coordinator_matching: CoordinatorMatching::Lenient,
            programme: None,
        }
    }
}

fn programme(id: &str, name: &str, start_year: i32, end_year: i32) -> Programme {
    Programme {
        id: id.to_owned(),
        name: name.to_owned(),
        period: Some(Period { start_year, end_year }),
        area: Vec::new(),
        budget: None,
        currency: Some("EUR".to_owned()),
        attributes: Attributes::new(),
    }
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

impl PartnershipSpec {
    /// The Horizon 2020 layout of the Spaghetti Open Data (SOD16) cleaning of CORDIS:
    /// `edges.csv` (`projectRcn`, `new_org_id`), `unique_org.csv` (`new_org_id`, `name`,
    /// `shortName`, `country`, `totContribution`, ...) and `projects.csv` (`rcn`, `acronym`,
    /// `startDate`, `endDate`, `totalCost`, `coordinator`, `coordinatorCountry`, ...);
    /// tab-separated, decimal comma. The edges carry no role: the coordinator is matched by
    /// name and country. Projects have no title column, so the acronym is the title.
    /// Programme `H2020` (2014-2020).
    ///
    /// ```
    /// use clusterpolicy::model::csv::{CsvSource, PartnershipSpec, Partnerships};
    /// use clusterpolicy::model::PartnerRole;
    ///
    /// let edges = CsvSource::new("edges.csv", "projectRcn\tnew_org_id\r\n1\t999\r\n1\tabc\r\n");
    /// let orgs = CsvSource::new(
    ///     "unique_org.csv",
    ///     "new_org_id\tname\tshortName\tcountry\ttotContribution\r\n\
    ///      999\tUNIVERSIT\u{FFFD} DI BOLOGNA\tUNIBO\tIT\t1000,50\r\n\
    ///      abc\tACME GMBH\t\tDE\t\r\n",
    /// );
    /// let projects = CsvSource::new(
    ///     "projects.csv",
    ///     "rcn\treference\tacronym\tstatus\tprogramme\ttopics\tstartDate\tendDate\ttotalCost\tecMaxContribution\t\
    ///      call\tfundingScheme\tcoordinator\tcoordinatorCountry\tnumOrg\r\n\
    ///      1\t6001\tDEMO\tSIGNED\tH2020-EU.1.1.\tERC\t2015-01-01\t2017-12-31\t230000,00\t230000,00\tC\tRIA\t\
    ///      UNIVERSITÀ DI BOLOGNA\tIT\t 2\r\n",
    /// );
    /// let p = Partnerships::read(&PartnershipSpec::cordis_h2020_sod(), &edges, Some(&orgs), Some(&projects))?;
    /// let project = &p.projects[0];
    /// assert_eq!((project.title.as_str(), project.budget), ("DEMO", Some(230_000.0)));
    /// assert_eq!((project.partners[0].actor.as_str(), project.partners[0].role), ("999", PartnerRole::Lead));
    /// assert_eq!(p.summary.coordinators_by_normalised_name, 1);
    /// assert!(p.into_dataset("demo").validate().is_valid());
    /// # Ok::<(), clusterpolicy::Error>(())
    /// ```
    #[must_use]
    pub fn cordis_h2020_sod() -> Self {
        Self {
            participations: ParticipationColumns {
                project: "projectRcn".to_owned(),
                organisation: "new_org_id".to_owned(),
                ..ParticipationColumns::default()
            },
            organisations: Some(OrganisationColumns {
                id: "new_org_id".to_owned(),
                name: Some("name".to_owned()),
                country: Some("country".to_owned()),
                attributes: names(&["shortName", "totContribution"]),
                ..OrganisationColumns::default()
            }),
            projects: Some(ProjectColumns {
                id: "rcn".to_owned(),
                title: None,
                acronym: Some("acronym".to_owned()),
                start: Some("startDate".to_owned()),
                end: Some("endDate".to_owned()),
                budget: Some("totalCost".to_owned()),
                coordinator: Some("coordinator".to_owned()),
                coordinator_country: Some("coordinatorCountry".to_owned()),
                attributes: names(&[
                    "reference",
                    "status",
                    "programme",
                    "topics",
                    "call",
                    "fundingScheme",
                    "ecMaxContribution",
                ]),
            }),
            delimiter: Delimiter::Tab,
            decimal: Decimal::Comma,
            programme: Some(programme("H2020", "Horizon 2020", 2014, 2020)),
            ..Self::default()
        }
    }

    /// The FP7 layout of the Spaghetti Open Data (SOD16) cleaning of CORDIS:
    /// `fp7_project_org_edges.tsv` (`projectRcn`, `new_org_id`) and `fp7_orgs_nuts.tsv`
    /// (`new_org_id`, `name`, `short_name`, `nuts3`, `country`, `city`); tab-separated; no
    /// projects file (projects are named by their record number and have no lead). NUTS
    /// codes create regions with their ancestors. Programme `FP7` (2007-2013).
    ///
    /// ```
    /// use clusterpolicy::model::csv::{CsvSource, PartnershipSpec, Partnerships};
    ///
    /// let edges = CsvSource::new("edges.tsv", "projectRcn\tnew_org_id\r\n7\ta\r\n7\tb\r\n7\ta\r\n");
    /// let orgs = CsvSource::new(
    ///     "orgs.tsv",
    ///     "new_org_id\tname\tshort_name\tnuts3\tcountry\tcity\n\
    ///      a\tUNIVERSITY OF ATHENS\tUOA\tEL303\tGR\tATHENS\n\
    ///      b\tACME LTD\t\tUKI\t\tLONDON\n\
    ///      a\tUNIVERSITY OF ATHENS (dup)\t\t\tGR\t\n",
    /// );
    /// let p = Partnerships::read(&PartnershipSpec::cordis_fp7_sod(), &edges, Some(&orgs), None)?;
    /// assert_eq!(p.summary.duplicate_participations, 1);
    /// assert_eq!(p.summary.duplicate_organisation_rows, 1);
    /// assert_eq!(p.actors[1].country, "UK"); // taken from the NUTS code
    /// let ids: Vec<&str> = p.regions.iter().map(|r| r.id.as_str()).collect();
    /// assert_eq!(ids, ["EL", "EL3", "EL30", "EL303", "UK", "UKI"]);
    /// assert!(p.into_dataset("fp7").validate().is_valid());
    /// # Ok::<(), clusterpolicy::Error>(())
    /// ```
    #[must_use]
    pub fn cordis_fp7_sod() -> Self {
        Self {
            participations: ParticipationColumns {
                project: "projectRcn".to_owned(),
                organisation: "new_org_id".to_owned(),
                ..ParticipationColumns::default()
            },
            organisations: Some(OrganisationColumns {
                id: "new_org_id".to_owned(),
                name: Some("name".to_owned()),
                country: Some("country".to_owned()),
                region: Some("nuts3".to_owned()),
                activity_type: None,
                attributes: names(&["short_name", "city"]),
            }),
            projects: None,
            delimiter: Delimiter::Tab,
            decimal: Decimal::Comma,
            programme: Some(programme("FP7", "Seventh Framework Programme", 2007, 2013)),
            ..Self::default()
        }
    }

    /// A flat CORDIS `organization.csv` as documented by CORDIS for Horizon 2020 and Horizon
    /// Europe downloads: semicolon-separated, decimal comma, columns `projectID`,
    /// `projectAcronym`, `organisationID`, `name`, `shortName`, `SME`, `activityType`,
    /// `country`, `nutsCode`, `role`, `ecContribution`, `totalCost` (other columns are
    /// ignored). Roles use [`RoleValue::cordis`]. No programme is set; add one, and a
    /// `projects` spec for `project.csv` (`id`, `title`, `startDate`, ...), as needed.
    ///
    /// ```
    /// use clusterpolicy::model::csv::{CsvSource, PartnershipSpec, Partnerships};
    /// use clusterpolicy::model::{HelixKind, PartnerRole};
    ///
    /// let text = "projectID;projectAcronym;organisationID;name;shortName;SME;activityType;country;nutsCode;\
    ///             role;ecContribution;totalCost\n\
    ///             101;ACME;1;Acme Research;ACME;false;REC;IE;IE061;coordinator;100,5;200\n\
    ///             101;ACME;2;Beta GmbH;;true;PRC;DE;DE300;participant;50;50\n\
    ///             101;ACME;3;Gamma Inc;;;PRC;US;;associatedPartner;;\n";
    /// let p = Partnerships::read(&PartnershipSpec::cordis_flat(), &CsvSource::new("organization.csv", text), None, None)?;
    /// let partners = &p.projects[0].partners;
    /// assert_eq!(partners[0].role, PartnerRole::Lead);
    /// assert_eq!(partners[0].contribution, Some(100.5));
    /// assert_eq!(partners[2].role, PartnerRole::Associated);
    /// assert_eq!(p.actors[1].helix, Some(HelixKind::Business));
    /// assert_eq!(p.actors[0].region.as_deref(), Some("IE061"));
    /// assert!(p.into_dataset("he").validate().is_valid());
    /// # Ok::<(), clusterpolicy::Error>(())
    /// ```
    #[must_use]
    pub fn cordis_flat() -> Self {
        Self {
            participations: ParticipationColumns {
                project: "projectID".to_owned(),
                organisation: "organisationID".to_owned(),
                name: Some("name".to_owned()),
                country: Some("country".to_owned()),
                region: Some("nutsCode".to_owned()),
                activity_type: Some("activityType".to_owned()),
                role: Some("role".to_owned()),
                contribution: Some("ecContribution".to_owned()),
                budget: Some("totalCost".to_owned()),
                project_title: None,
                project_acronym: Some("projectAcronym".to_owned()),
                start: None,
                end: None,
                attributes: names(&["shortName", "SME"]),
            },
            delimiter: Delimiter::Semicolon,
            decimal: Decimal::Comma,
            ..Self::default()
        }
    }

    /// Checks the spec and returns it. [`Partnerships::read`] calls it first.
    ///
    /// ```
    /// use clusterpolicy::model::csv::PartnershipSpec;
    /// let mut spec = PartnershipSpec::cordis_flat();
    /// spec.roles.push(spec.roles[0].clone());
    /// assert!(spec.check().is_err()); // `coordinator` listed twice
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when a column name is empty, a role value is empty or
    /// repeated (ignoring case), or the programme id is empty.
    pub fn check(&self) -> Result<&Self> {
        let p = &self.participations;
        let mut cols: Vec<(&str, Option<&String>)> =
            vec![("participations.project", Some(&p.project)), ("participations.organisation", Some(&p.organisation))];
        for (n, c) in [
            ("participations.name", &p.name),
            ("participations.country", &p.country),
            ("participations.region", &p.region),
            ("participations.activity_type", &p.activity_type),
            ("participations.role", &p.role),
            ("participations.contribution", &p.contribution),
            ("participations.budget", &p.budget),
            ("participations.project_title", &p.project_title),
            ("participations.project_acronym", &p.project_acronym),
            ("participations.start", &p.start),
            ("participations.end", &p.end),
        ] {
            cols.push((n, c.as_ref()));
        }
        cols.extend(p.attributes.iter().map(|a| ("participations.attributes", Some(a))));
        if let Some(o) = &self.organisations {
            cols.push(("organisations.id", Some(&o.id)));
            for (n, c) in [
                ("organisations.name", &o.name),
                ("organisations.country", &o.country),
                ("organisations.region", &o.region),
                ("organisations.activity_type", &o.activity_type),
            ] {
                cols.push((n, c.as_ref()));
            }
            cols.extend(o.attributes.iter().map(|a| ("organisations.attributes", Some(a))));
        }
        if let Some(pr) = &self.projects {
            cols.push(("projects.id", Some(&pr.id)));
            for (n, c) in [
                ("projects.title", &pr.title),
                ("projects.acronym", &pr.acronym),
                ("projects.start", &pr.start),
                ("projects.end", &pr.end),
                ("projects.budget", &pr.budget),
                ("projects.coordinator", &pr.coordinator),
                ("projects.coordinator_country", &pr.coordinator_country),
            ] {
                cols.push((n, c.as_ref()));
            }
            cols.extend(pr.attributes.iter().map(|a| ("projects.attributes", Some(a))));
        }
        if let Some((name, _)) = cols.iter().find(|(_, c)| c.is_some_and(|c| c.trim().is_empty())) {
            return Err(Error::param(name, "the column name is empty"));
        }
        let mut seen = HashSet::new();
        for r in &self.roles {
            let key = r.value.trim().to_lowercase();
            if key.is_empty() {
                return Err(Error::param("roles", "a role value is empty"));
            }
            if !seen.insert(key) {
                return Err(Error::param("roles", format!("role value `{}` is listed twice", r.value)));
            }
        }
        if let Some(pr) = &self.programme
            && pr.id.trim().is_empty()
        {
            return Err(Error::param("programme", "the programme id is empty"));
        }
        Ok(self)
    }
}

/// A coordinator named in the projects file that could not be found among the project's
/// partners; the project then has no lead.
///
/// ```
/// use clusterpolicy::model::csv::UnmatchedCoordinator;
/// let u = UnmatchedCoordinator { project: "196621".into(), name: "TRUST-IT SERVICES LTD".into(), country: Some("UK".into()) };
/// assert_eq!(serde_json::to_string(&u).unwrap(), r#"{"project":"196621","name":"TRUST-IT SERVICES LTD","country":"UK"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnmatchedCoordinator {
    /// The project id.
    pub project: String,
    /// The coordinator's name as written.
    pub name: String,
    /// The coordinator's country as written, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// What a partnership import read, dropped and inferred.
///
/// ```
/// use clusterpolicy::model::csv::{CsvSource, PartnershipSpec, Partnerships};
/// let src = CsvSource::new("l.csv", "project,organisation\nP1,O1\nP1,O1\nP2,O1\n");
/// let s = Partnerships::read(&PartnershipSpec::default(), &src, None, None)?.summary;
/// assert_eq!((s.participation_rows, s.duplicate_participations, s.participations), (3, 1, 2));
/// assert_eq!((s.projects_without_lead, s.actors_without_country), (2, 1));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportSummary {
    /// Data rows of the participation list.
    pub participation_rows: usize,
    /// Data rows of the organisations file.
    pub organisation_rows: usize,
    /// Data rows of the projects file.
    pub project_rows: usize,
    /// Participations kept (partners over all projects).
    pub participations: usize,
    /// Repeated (project, organisation) rows dropped; the first row wins.
    pub duplicate_participations: usize,
    /// Repeated organisation rows dropped (organisations file; first row wins).
    pub duplicate_organisation_rows: usize,
    /// Repeated project rows dropped (projects file; first row wins).
    pub duplicate_project_rows: usize,
    /// Distinct organisation ids named by participations but missing from the organisations file.
    pub unknown_organisations: usize,
    /// Distinct project ids named by participations but missing from the projects file.
    pub unknown_projects: usize,
    /// Participations dropped because of an unknown organisation or project.
    pub participations_with_unknown_reference: usize,
    /// Projects whose lead came from the role column.
    pub coordinators_by_role: usize,
    /// Further rows with the lead role in a project that already had one, demoted to
    /// [`PartnerRole::Partner`] (a project has at most one lead).
    pub extra_leads_demoted: usize,
    /// Coordinators of the projects file matched by exact name and country.
    pub coordinators_by_name: usize,
    /// Coordinators matched by normalised name and country ([`CoordinatorMatching::Lenient`]).
    pub coordinators_by_normalised_name: usize,
    /// Coordinators taken to be the single partner of the project ([`CoordinatorMatching::Lenient`]).
    pub coordinators_as_sole_participant: usize,
    /// Coordinators named in the projects file but not found among the partners.
    pub unmatched_coordinators: Vec<UnmatchedCoordinator>,
    /// Projects without a lead partner.
    pub projects_without_lead: usize,
    /// Organisations whose empty country was taken from their NUTS code.
    pub countries_from_region_code: usize,
    /// Organisations left without a country code ([`Dataset::validate`] reports them).
    pub actors_without_country: usize,
}

/// The result of a partnership import: organisations, projects with their partners, the
/// regions of the organisations' codes, the programme, and a summary.
///
/// Order: actors as in the organisations file (or in order of first participation for a
/// flat list), projects as in the projects file (or in order of first participation),
/// partners in participation order with the lead moved first, regions sorted by id.
///
/// ```
/// use clusterpolicy::model::csv::{CsvSource, PartnershipSpec, Partnerships};
/// let text = "projectID;projectAcronym;organisationID;name;shortName;SME;activityType;country;nutsCode;role;ecContribution;totalCost\n\
///             9;X;2;Two;;;PRC;AT;AT130;participant;1;1\n\
///             9;X;1;One;;;HES;AT;AT130;coordinator;2;2\n";
/// let p = Partnerships::read(&PartnershipSpec::cordis_flat(), &CsvSource::new("o.csv", text), None, None)?;
/// let order: Vec<&str> = p.projects[0].partners.iter().map(|x| x.actor.as_str()).collect();
/// assert_eq!(order, ["1", "2"]); // the lead first
/// let regions: Vec<&str> = p.regions.iter().map(|r| r.id.as_str()).collect();
/// assert_eq!(regions, ["AT", "AT1", "AT13", "AT130"]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partnerships {
    /// Names of the files read.
    pub sources: Vec<String>,
    /// The programme of the spec, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<Programme>,
    /// Regions of the organisations' region codes (with NUTS ancestors).
    pub regions: Vec<Region>,
    /// Organisations.
    pub actors: Vec<Actor>,
    /// Projects with their partners.
    pub projects: Vec<Project>,
    /// What was read, dropped and inferred.
    pub summary: ImportSummary,
}

struct ActorCols {
    name: Option<usize>,
    country: Option<usize>,
    region: Option<usize>,
    activity_type: Option<usize>,
    attributes: Vec<(String, usize)>,
}

struct ProjectCols {
    title: Option<usize>,
    acronym: Option<usize>,
    start: Option<usize>,
    end: Option<usize>,
    budget: Option<usize>,
    attributes: Vec<(String, usize)>,
}

/// Projects under construction: the project, its partners' actor indices, its coordinator.
struct Draft {
    project: Project,
    members: Vec<usize>,
    coordinator: Option<(String, Option<String>)>,
}

struct Builder<'s> {
    spec: &'s PartnershipSpec,
    actors: Vec<Actor>,
    actor_index: HashMap<String, usize>,
    drafts: Vec<Draft>,
    project_index: HashMap<String, usize>,
    summary: ImportSummary,
}

impl Partnerships {
    /// Reads a partnership list, joined with an organisations file and a projects file when
    /// the spec names their columns.
    ///
    /// Steps: organisations are read (first row per id wins), then projects (first row per
    /// id wins), then participations, dropping repeated (project, organisation) pairs and,
    /// per [`UnknownReferences`], participations naming unknown ids. Leads come from the
    /// role column (the first lead row of a project wins, later ones are demoted), else
    /// from the projects file's coordinator ([`CoordinatorMatching`]). An organisation
    /// without a country takes the first two letters of its NUTS code. Regions are created
    /// for the region codes ([`RegionCodes`]). Everything dropped or inferred is counted in
    /// [`Partnerships::summary`].
    ///
    /// Complexity: O(rows) expected time. The FP7 SOD files (135,670 edges, 31,055
    /// organisation rows) import in about 0.13 s in a release build (best of 7 runs on a
    /// loaded 2-core machine).
    ///
    /// ```
    /// use clusterpolicy::model::csv::{CsvSource, PartnershipSpec, Partnerships};
    /// let edges = CsvSource::new("edges.tsv", "projectRcn\tnew_org_id\n1\tA\n");
    /// // The H2020 preset needs its organisations and projects files.
    /// assert!(Partnerships::read(&PartnershipSpec::cordis_h2020_sod(), &edges, None, None).is_err());
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a bad spec ([`PartnershipSpec::check`]) or when a file
    /// is given without its spec or the other way round; [`Error::Csv`], naming file, line
    /// and column, for a missing column, a row with the wrong number of fields, an empty id,
    /// an unparsable number or date, a role value not in [`PartnershipSpec::roles`], a region
    /// code that is not NUTS-shaped ([`RegionCodes::Nuts`]), or an unknown reference with
    /// [`UnknownReferences::Error`].
    pub fn read(
        spec: &PartnershipSpec,
        participations: &CsvSource,
        organisations: Option<&CsvSource>,
        projects: Option<&CsvSource>,
    ) -> Result<Self> {
        spec.check()?;
        let mut b = Builder {
            spec,
            actors: Vec::new(),
            actor_index: HashMap::new(),
            drafts: Vec::new(),
            project_index: HashMap::new(),
            summary: ImportSummary::default(),
        };
        let mut sources = vec![participations.name().to_owned()];
        match (&spec.organisations, organisations) {
            (Some(cols), Some(src)) => {
                b.read_organisations(cols, src)?;
                sources.push(src.name().to_owned());
            }
            (None, None) => {}
            (Some(_), None) => {
                return Err(Error::param(
                    "organisations",
                    "the spec names organisation columns but no organisations file was given",
                ));
            }
            (None, Some(_)) => {
                return Err(Error::param(
                    "organisations",
                    "an organisations file was given but the spec has no organisation columns",
                ));
            }
        }
        match (&spec.projects, projects) {
            (Some(cols), Some(src)) => {
                b.read_projects(cols, src)?;
                sources.push(src.name().to_owned());
            }
            (None, None) => {}
            (Some(_), None) => {
                return Err(Error::param("projects", "the spec names project columns but no projects file was given"));
            }
            (None, Some(_)) => {
                return Err(Error::param("projects", "a projects file was given but the spec has no project columns"));
            }
        }
        b.read_participations(participations)?;
        b.fill_countries();
        b.assign_leads();
        let regions = b.regions();
        let Builder { actors, drafts, mut summary, .. } = b;
        summary.actors_without_country = actors.iter().filter(|a| a.country.is_empty()).count();
        summary.participations = drafts.iter().map(|d| d.project.partners.len()).sum();
        Ok(Partnerships {
            sources,
            programme: spec.programme.clone(),
            regions,
            actors,
            projects: drafts.into_iter().map(|d| d.project).collect(),
            summary,
        })
    }

    /// Reads the files at the given paths (see [`Partnerships::read`]).
    ///
    /// ```
    /// use clusterpolicy::model::csv::{PartnershipSpec, Partnerships};
    /// let err = Partnerships::from_paths(&PartnershipSpec::cordis_flat(), "organization.csv", None, None).unwrap_err();
    /// assert_eq!(err.kind(), "IoError");
    /// ```
    ///
    /// # Errors
    /// [`Error::Io`] when a file cannot be read; otherwise as [`Partnerships::read`].
    pub fn from_paths(
        spec: &PartnershipSpec,
        participations: impl AsRef<Path>,
        organisations: Option<&Path>,
        projects: Option<&Path>,
    ) -> Result<Self> {
        let p = CsvSource::from_path(participations)?;
        let o = organisations.map(CsvSource::from_path).transpose()?;
        let j = projects.map(CsvSource::from_path).transpose()?;
        Self::read(spec, &p, o.as_ref(), j.as_ref())
    }

    /// A [`Dataset`] with the programme, regions, actors and projects, described by the
    /// names of the files read.
    ///
    /// ```
    /// use clusterpolicy::model::csv::{CsvSource, PartnershipSpec, Partnerships};
    /// let spec = PartnershipSpec::default(); // columns `project`, `organisation`
    /// let src = CsvSource::new("list.csv", "project,organisation\nP1,O1\nP1,O2\n");
    /// let ds = Partnerships::read(&spec, &src, None, None)?.into_dataset("tiny");
    /// assert_eq!((ds.actors.len(), ds.projects[0].partners.len()), (2, 2));
    /// assert_eq!(ds.actors[0].country, ""); // a flat list without a country column
    /// # Ok::<(), clusterpolicy::Error>(())
    /// ```
    #[must_use]
    pub fn into_dataset(self, name: &str) -> Dataset {
        let mut ds = Dataset::new(name);
        ds.description = Some(format!("partnerships imported from {}", self.sources.join(", ")));
        ds.programmes = self.programme.into_iter().collect();
        ds.regions = self.regions;
        ds.actors = self.actors;
        ds.projects = self.projects;
        ds
    }
}

impl Builder<'_> {
    fn actor_cols(
        file: &CsvFile<'_>,
        name: Option<&String>,
        country: Option<&String>,
        region: Option<&String>,
        activity_type: Option<&String>,
        attributes: &[String],
    ) -> Result<ActorCols> {
        Ok(ActorCols {
            name: file.optional_column(name.map(String::as_str))?,
            country: file.optional_column(country.map(String::as_str))?,
            region: file.optional_column(region.map(String::as_str))?,
            activity_type: file.optional_column(activity_type.map(String::as_str))?,
            attributes: file.columns(attributes)?,
        })
    }

    fn actor_from_row(&self, row: &Row<'_>, id: &str, cols: &ActorCols) -> Result<Actor> {
        let mut actor = Actor::new(id, row.opt(cols.name).unwrap_or(id), row.opt(cols.country).unwrap_or(""));
        if let Some(c) = cols.region
            && let Some(code) = row.opt(Some(c))
        {
            if self.spec.region_codes == RegionCodes::Nuts && !is_nuts(code) {
                return Err(row.error(
                    c,
                    format!("`{code}` is not a NUTS code (two capital letters and up to three letters or digits; use region_codes: plain for other codes)"),
                ));
            }
            actor.region = Some(code.to_owned());
        }
        actor.helix = row.opt(cols.activity_type).and_then(HelixKind::from_cordis_activity_type);
        actor.attributes = attributes(row, &cols.attributes);
        Ok(actor)
    }

    fn read_organisations(&mut self, cols: &OrganisationColumns, src: &CsvSource) -> Result<()> {
        let mut file = CsvFile::open(src, self.spec.delimiter)?;
        let id_col = file.column(&cols.id)?;
        let ac = Self::actor_cols(
            &file,
            cols.name.as_ref(),
            cols.country.as_ref(),
            cols.region.as_ref(),
            cols.activity_type.as_ref(),
            &cols.attributes,
        )?;
        while let Some(row) = file.next_row()? {
            self.summary.organisation_rows += 1;
            let id = row.label(id_col, "organisation id")?;
            if self.actor_index.contains_key(id) {
                self.summary.duplicate_organisation_rows += 1;
                continue;
            }
            let actor = self.actor_from_row(&row, id, &ac)?;
            self.actor_index.insert(id.to_owned(), self.actors.len());
            self.actors.push(actor);
        }
        Ok(())
    }

    fn project_from_row(&self, row: &Row<'_>, id: &str, cols: &ProjectCols) -> Result<Project> {
        let acronym = row.opt(cols.acronym);
        let title = row.opt(cols.title).or(acronym).unwrap_or(id);
        let mut p = Project::new(id, title);
        p.acronym = acronym.map(str::to_owned);
        p.start = date(row, cols.start)?;
        p.end = date(row, cols.end)?;
        p.budget = cols.budget.map(|c| row.number(c, self.spec.decimal)).transpose()?.flatten();
        p.attributes = attributes(row, &cols.attributes);
        if let Some(prog) = &self.spec.programme {
            p.programme = Some(prog.id.clone());
            p.period = prog.period;
        }
        Ok(p)
    }

    fn read_projects(&mut self, cols: &ProjectColumns, src: &CsvSource) -> Result<()> {
        let mut file = CsvFile::open(src, self.spec.delimiter)?;
        let id_col = file.column(&cols.id)?;
        let pc = ProjectCols {
            title: file.optional_column(cols.title.as_deref())?,
            acronym: file.optional_column(cols.acronym.as_deref())?,
            start: file.optional_column(cols.start.as_deref())?,
            end: file.optional_column(cols.end.as_deref())?,
            budget: file.optional_column(cols.budget.as_deref())?,
            attributes: file.columns(&cols.attributes)?,
        };
        let coord = file.optional_column(cols.coordinator.as_deref())?;
        let coord_country = file.optional_column(cols.coordinator_country.as_deref())?;
        while let Some(row) = file.next_row()? {
            self.summary.project_rows += 1;
            let id = row.label(id_col, "project id")?;
            if self.project_index.contains_key(id) {
                self.summary.duplicate_project_rows += 1;
                continue;
            }
            let project = self.project_from_row(&row, id, &pc)?;
            let coordinator = row.opt(coord).map(|n| (n.to_owned(), row.opt(coord_country).map(str::to_owned)));
            self.project_index.insert(id.to_owned(), self.drafts.len());
            self.drafts.push(Draft { project, members: Vec::new(), coordinator });
        }
        Ok(())
    }

    #[allow(clippy::too_many_lines)] // one pass over the participation rows
    fn read_participations(&mut self, src: &CsvSource) -> Result<()> {
        let spec = self.spec;
        let cols = &spec.participations;
        let mut file = CsvFile::open(src, spec.delimiter)?;
        let project_col = file.column(&cols.project)?;
        let org_col = file.column(&cols.organisation)?;
        let flat_actor = if spec.organisations.is_none() {
            Some(Self::actor_cols(
                &file,
                cols.name.as_ref(),
                cols.country.as_ref(),
                cols.region.as_ref(),
                cols.activity_type.as_ref(),
                &cols.attributes,
            )?)
        } else {
            None
        };
        let flat_project = if spec.projects.is_none() {
            Some(ProjectCols {
                title: file.optional_column(cols.project_title.as_deref())?,
                acronym: file.optional_column(cols.project_acronym.as_deref())?,
                start: file.optional_column(cols.start.as_deref())?,
                end: file.optional_column(cols.end.as_deref())?,
                budget: None,
                attributes: Vec::new(),
            })
        } else {
            None
        };
        let role_col = file.optional_column(cols.role.as_deref())?;
        let contribution_col = file.optional_column(cols.contribution.as_deref())?;
        let budget_col = file.optional_column(cols.budget.as_deref())?;
        let roles: HashMap<String, PartnerRole> =
            spec.roles.iter().map(|r| (r.value.trim().to_lowercase(), r.role)).collect();
        let mut unknown_orgs = Interner::default();
        let mut unknown_projects = Interner::default();
        let mut pairs: HashSet<(usize, usize)> = HashSet::new();

        while let Some(row) = file.next_row()? {
            self.summary.participation_rows += 1;
            let pid = row.label(project_col, "project id")?;
            let oid = row.label(org_col, "organisation id")?;

            let mut project = self.project_index.get(pid).copied();
            let mut actor = self.actor_index.get(oid).copied();
            let project_ok = project.is_some() || flat_project.is_some();
            let actor_ok = actor.is_some() || flat_actor.is_some();
            if !(project_ok && actor_ok) {
                if spec.unknown == UnknownReferences::Error {
                    return Err(if project_ok {
                        row.error(org_col, format!("organisation `{oid}` is not in the organisations file"))
                    } else {
                        row.error(project_col, format!("project `{pid}` is not in the projects file"))
                    });
                }
                if !project_ok {
                    unknown_projects.intern(pid);
                }
                if !actor_ok {
                    unknown_orgs.intern(oid);
                }
                self.summary.participations_with_unknown_reference += 1;
                continue;
            }
            if project.is_none()
                && let Some(pc) = &flat_project
            {
                let p = self.project_from_row(&row, pid, pc)?;
                project = Some(self.drafts.len());
                self.project_index.insert(pid.to_owned(), self.drafts.len());
                self.drafts.push(Draft { project: p, members: Vec::new(), coordinator: None });
            }
            if actor.is_none()
                && let Some(ac) = &flat_actor
            {
                let a = self.actor_from_row(&row, oid, ac)?;
                actor = Some(self.actors.len());
                self.actor_index.insert(oid.to_owned(), self.actors.len());
                self.actors.push(a);
            }
            let (Some(p), Some(a)) = (project, actor) else { continue };
            let role = match role_col.and_then(|c| row.opt(Some(c)).map(|v| (c, v))) {
                None => PartnerRole::Partner,
                Some((c, v)) => *roles.get(&v.to_lowercase()).ok_or_else(|| {
                    let allowed = spec.roles.iter().map(|r| format!("`{}`", r.value)).collect::<Vec<_>>().join(", ");
                    row.error(c, format!("unknown role `{v}`; the roles are {allowed}"))
                })?,
            };
            let contribution = contribution_col.map(|c| row.number(c, spec.decimal)).transpose()?.flatten();
            let budget = budget_col.map(|c| row.number(c, spec.decimal)).transpose()?.flatten();
            if !pairs.insert((p, a)) {
                self.summary.duplicate_participations += 1;
                continue;
            }
            let draft = &mut self.drafts[p];
            draft.members.push(a);
            draft.project.partners.push(Partner { actor: oid.to_owned(), role, budget, contribution });
        }
        self.summary.unknown_organisations = unknown_orgs.labels.len();
        self.summary.unknown_projects = unknown_projects.labels.len();
        Ok(())
    }

    /// An organisation without a country takes its NUTS code's country.
    fn fill_countries(&mut self) {
        if self.spec.region_codes != RegionCodes::Nuts {
            return;
        }
        for a in &mut self.actors {
            if a.country.is_empty()
                && let Some(code) = a.region.as_deref().and_then(|r| r.get(..2))
            {
                a.country = code.to_owned();
                self.summary.countries_from_region_code += 1;
            }
        }
    }

    fn assign_leads(&mut self) {
        let lenient = self.spec.coordinator_matching == CoordinatorMatching::Lenient;
        for d in &mut self.drafts {
            let partners = &mut d.project.partners;
            let mut leads = partners.iter().enumerate().filter(|(_, p)| p.role == PartnerRole::Lead).map(|(i, _)| i);
            let lead = if let Some(first) = leads.next() {
                let extra: Vec<usize> = leads.collect();
                for &i in &extra {
                    partners[i].role = PartnerRole::Partner;
                }
                self.summary.extra_leads_demoted += extra.len();
                self.summary.coordinators_by_role += 1;
                Some(first)
            } else if let Some((name, country)) = &d.coordinator {
                let found = match_coordinator(&self.actors, &d.members, name, country.as_deref(), lenient);
                match found {
                    Some((_, Tier::Name)) => self.summary.coordinators_by_name += 1,
                    Some((_, Tier::Normalised)) => self.summary.coordinators_by_normalised_name += 1,
                    Some((_, Tier::Sole)) => self.summary.coordinators_as_sole_participant += 1,
                    None => self.summary.unmatched_coordinators.push(UnmatchedCoordinator {
                        project: d.project.id.clone(),
                        name: name.clone(),
                        country: country.clone(),
                    }),
                }
                found.map(|(i, _)| i)
            } else {
                None
            };
            match lead.filter(|&i| i < partners.len()) {
                Some(i) => {
                    let mut p = partners.remove(i);
                    p.role = PartnerRole::Lead;
                    partners.insert(0, p);
                    let m = d.members.remove(i);
                    d.members.insert(0, m);
                }
                None => self.summary.projects_without_lead += 1,
            }
        }
    }

    fn regions(&self) -> Vec<Region> {
        let mut regions: BTreeMap<String, Region> = BTreeMap::new();
        for a in &self.actors {
            let Some(code) = a.region.as_deref() else { continue };
            match self.spec.region_codes {
                RegionCodes::Plain => {
                    regions.entry(code.to_owned()).or_insert_with(|| Region::new(code, code, a.country.clone()));
                }
                RegionCodes::Nuts => {
                    // NUTS codes are ASCII (checked when read), so every prefix is a char boundary.
                    let country = code.get(..2).unwrap_or(code);
                    for len in 2..=code.len() {
                        let id = code.get(..len).unwrap_or(code);
                        if regions.contains_key(id) {
                            continue;
                        }
                        let mut r = Region::new(id, id, country).with_level((len - 2) as u8);
                        if len > 2 {
                            r = r.with_parent(code.get(..len - 1).unwrap_or(code));
                        }
                        regions.insert(id.to_owned(), r);
                    }
                }
            }
        }
        regions.into_values().collect()
    }
}

#[derive(Clone, Copy)]
enum Tier {
    Name,
    Normalised,
    Sole,
}

/// The index (into the project's partners) of the coordinator, and how it was found.
fn match_coordinator(
    actors: &[Actor],
    members: &[usize],
    name: &str,
    country: Option<&str>,
    lenient: bool,
) -> Option<(usize, Tier)> {
    let country_ok = |a: &Actor| country.is_none_or(|c| same_country(&a.country, c));
    let unique = |pred: &dyn Fn(&Actor) -> bool| -> Option<usize> {
        let mut hits = members.iter().enumerate().filter(|(_, m)| actors.get(**m).is_some_and(pred));
        match (hits.next(), hits.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    };
    let name = name.trim();
    if let Some(i) = unique(&|a| a.name.trim() == name && country_ok(a)) {
        return Some((i, Tier::Name));
    }
    if !lenient {
        return None;
    }
    let key = normalised(name);
    if !key.is_empty()
        && let Some(i) = unique(&|a| normalised(&a.name) == key && country_ok(a))
    {
        return Some((i, Tier::Normalised));
    }
    if members.len() == 1 && actors.get(members[0]).is_some_and(country_ok) {
        return Some((0, Tier::Sole));
    }
    None
}

/// ASCII letters and digits of a name, lower case.
pub(crate) fn normalised(name: &str) -> String {
    name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// Two capital letters, then up to three capital letters or digits.
fn is_nuts(code: &str) -> bool {
    let b = code.as_bytes();
    (2..=5).contains(&b.len())
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

fn attributes(row: &Row<'_>, cols: &[(String, usize)]) -> Attributes {
    cols.iter()
        .filter_map(|(name, i)| row.opt(Some(*i)).map(|v| (name.clone(), serde_json::Value::String(v.to_owned()))))
        .collect()
}

/// A `YYYY-MM-DD` date, optionally followed by a time (`T...` or ` ...`), which is ignored.
fn date(row: &Row<'_>, col: Option<usize>) -> Result<Option<NaiveDate>> {
    let Some(c) = col else { return Ok(None) };
    let Some(s) = row.opt(Some(c)) else { return Ok(None) };
    let day = match (s.get(..10), s.as_bytes().get(10)) {
        (Some(d), None | Some(b'T' | b' ')) => d,
        _ => s,
    };
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| row.error(c, format!("`{s}` is not a date (YYYY-MM-DD)")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nuts_shapes() {
        assert!(is_nuts("DE"));
        assert!(is_nuts("DE711"));
        assert!(is_nuts("EL30"));
        assert!(!is_nuts("D"));
        assert!(!is_nuts("de711"));
        assert!(!is_nuts("DE7111"));
        assert!(!is_nuts("DÉ"));
    }

    #[test]
    fn normalising() {
        assert_eq!(normalised("TECHNION - ISRAEL INSTITUTE"), normalised("Technion Israel Institute"));
        assert_eq!(normalised("Tillv\u{FFFD}xtverket"), normalised("Tillväxtverket"));
    }
}
