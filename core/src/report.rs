//! The report of the main job: a summary of a [`Dataset`] and, section by section, the
//! analyses of the later capabilities, written as JSON and as one self-contained HTML page.
//!
//! The report stands on top of the crate: it may use every module, and nothing imports it.
//!
//! ```
//! use clusterpolicy::{report::Report, sample};
//!
//! let ds = sample::south_east_europe();
//! let report = Report::build(&ds);
//! assert_eq!(report.summary.counts.regions, ds.regions.len());
//! let html = report.to_html();
//! assert!(html.contains("synthetic"));
//! let json = report.to_json();
//! assert!(json.starts_with('{'));
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Dataset, HelixKind, PartnerRole, ValidationReport, canonical_country};
use crate::network::NetworkSummary;
use crate::specialisation::SpecialisationSummary;
use crate::strategy::StrategySummary;
use crate::synergy::SynergySummary;

/// Counts of each kind of entity in a dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct EntityCounts {
    /// Countries listed in `countries`.
    pub countries: usize,
    /// Regions.
    pub regions: usize,
    /// Activities.
    pub activities: usize,
    /// Actors (organisations).
    pub actors: usize,
    /// Clusters.
    pub clusters: usize,
    /// Programmes.
    pub programmes: usize,
    /// Projects.
    pub projects: usize,
    /// Participations (partner entries over all projects).
    pub participations: usize,
    /// Indicators.
    pub indicators: usize,
    /// Strategies.
    pub strategies: usize,
    /// Measures over all strategies.
    pub measures: usize,
    /// Observations.
    pub observations: usize,
    /// Pieces of evidence.
    pub evidence: usize,
    /// Scenarios.
    pub scenarios: usize,
}

/// What a dataset holds for one country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CountrySummary {
    /// Country code as written in the data (`EL`, not `GR`, if the data say `EL`).
    pub country: String,
    /// Country name, when listed in `countries`.
    pub name: Option<String>,
    /// Regions located in the country.
    pub regions: usize,
    /// Actors located in the country.
    pub actors: usize,
    /// Clusters with at least one region in the country.
    pub clusters: usize,
    /// Participations of the country's actors in projects.
    pub participations: usize,
    /// Projects led by an actor of the country.
    pub projects_led: usize,
    /// Sum of the partner budgets of the country's actors.
    pub budget: f64,
}

/// Actors and participations of one helix kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct HelixSummary {
    /// Helix kind; `None` for actors whose kind is not known.
    pub helix: Option<HelixKind>,
    /// Actors of that kind.
    pub actors: usize,
    /// Their participations in projects.
    pub participations: usize,
    /// Share of all actors, 0-1.
    pub share: f64,
}

/// How well the projects of a programme cover its programme area.
///
/// A region of the area is covered when at least one actor located in it, or in a region
/// below it in the hierarchy, takes part in a project of the programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProgrammeCoverage {
    /// Programme id.
    pub programme: String,
    /// Programme name.
    pub name: String,
    /// Projects of the programme.
    pub projects: usize,
    /// Regions of the programme area.
    pub area_regions: usize,
    /// Regions of the area with a participating actor.
    pub covered_regions: usize,
    /// `covered_regions / area_regions` (0 when the area is empty).
    pub region_share: f64,
    /// Countries of the programme area.
    pub area_countries: usize,
    /// Countries of the area with a participating actor.
    pub covered_countries: usize,
    /// Regions of the area without any participating actor.
    pub uncovered_regions: Vec<String>,
}

/// The dataset summary section of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DatasetSummary {
    /// Name of the dataset.
    pub name: String,
    /// Its description.
    pub description: Option<String>,
    /// Whether the data are synthetic.
    pub synthetic: bool,
    /// Entity counts.
    pub counts: EntityCounts,
    /// Per country, in code order.
    pub by_country: Vec<CountrySummary>,
    /// Per helix kind, in kind order, unknown last.
    pub by_helix: Vec<HelixSummary>,
    /// Coverage of each programme's area, in programme order.
    pub coverage: Vec<ProgrammeCoverage>,
}

/// The report of the main job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// `clusterpolicy` and its version, e.g. `clusterpolicy 0.1.0`.
    pub generator: String,
    /// The dataset summary.
    pub summary: DatasetSummary,
    /// Validation findings.
    pub validation: ValidationReport,
    /// Top specialisations and star clusters per region (absent when the dataset has no
    /// employment observations by region and activity).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialisation: Option<SpecialisationSummary>,
    /// Strategy evaluation and policy learning: scoreboards, evidence-updated measure
    /// ranking, foresight, pilot evaluation, peers, knowledge hub, programme monitoring
    /// (absent when the dataset has neither strategies nor programmes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<StrategySummary>,
    /// The cooperation network: cross-border share, communities, top brokers per country,
    /// articulation points, critical countries (absent when no project has two partners).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<NetworkSummary>,
    /// Smart specialisation: priority maps of the regions of interest and a backtest of
    /// density (absent when the dataset has no employment observations by region and activity).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complexity: Option<crate::complexity::ComplexitySummary>,
    /// Synergy: Triple Helix synergy by country with its decomposition and bootstrap
    /// intervals, top transnational partners for a sample of actors, joint priorities, a
    /// proposed initiative and the synergy impact between programme periods (absent when no
    /// actor has a helix kind, an activity and a region).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synergy: Option<SynergySummary>,
}

impl DatasetSummary {
    /// Summarises a dataset: entity counts, counts by country and helix kind, programme
    /// area coverage. Dangling references are skipped (validation reports them).
    ///
    /// Complexity: linear in the size of the dataset.
    #[must_use]
    pub fn build(ds: &Dataset) -> Self {
        let participations: usize = ds.projects.iter().map(|p| p.partners.len()).sum();
        let counts = EntityCounts {
            countries: ds.countries.len(),
            regions: ds.regions.len(),
            activities: ds.activities.len(),
            actors: ds.actors.len(),
            clusters: ds.clusters.len(),
            programmes: ds.programmes.len(),
            projects: ds.projects.len(),
            participations,
            indicators: ds.indicators.len(),
            strategies: ds.strategies.len(),
            measures: ds.strategies.iter().map(|s| s.measures.len()).sum(),
            observations: ds.observations.len(),
            evidence: ds.evidence.len(),
            scenarios: ds.scenarios.len(),
        };
        Self {
            name: ds.name.clone(),
            description: ds.description.clone(),
            synthetic: ds.synthetic,
            counts,
            by_country: by_country(ds),
            by_helix: by_helix(ds),
            coverage: coverage(ds),
        }
    }
}

fn by_country(ds: &Dataset) -> Vec<CountrySummary> {
    let mut rows: BTreeMap<&str, CountrySummary> = BTreeMap::new();
    let blank = |code: &str| CountrySummary {
        country: code.to_owned(),
        name: None,
        regions: 0,
        actors: 0,
        clusters: 0,
        participations: 0,
        projects_led: 0,
        budget: 0.0,
    };
    for c in &ds.countries {
        rows.entry(c.code.as_str()).or_insert_with(|| blank(&c.code)).name = Some(c.name.clone());
    }
    let mut region_country: HashMap<&str, &str> = HashMap::new();
    for r in &ds.regions {
        region_country.insert(r.id.as_str(), r.country.as_str());
        rows.entry(r.country.as_str()).or_insert_with(|| blank(&r.country)).regions += 1;
    }
    let mut actor_country: HashMap<&str, &str> = HashMap::new();
    for a in &ds.actors {
        actor_country.insert(a.id.as_str(), a.country.as_str());
        rows.entry(a.country.as_str()).or_insert_with(|| blank(&a.country)).actors += 1;
    }
    for cl in &ds.clusters {
        let countries: BTreeSet<&str> =
            cl.regions.iter().filter_map(|r| region_country.get(r.as_str()).copied()).collect();
        for c in countries {
            rows.entry(c).or_insert_with(|| blank(c)).clusters += 1;
        }
    }
    for p in &ds.projects {
        for pa in &p.partners {
            if let Some(&c) = actor_country.get(pa.actor.as_str()) {
                let row = rows.entry(c).or_insert_with(|| blank(c));
                row.participations += 1;
                row.budget += pa.budget.filter(|b| b.is_finite()).unwrap_or(0.0);
                if pa.role == PartnerRole::Lead {
                    row.projects_led += 1;
                }
            }
        }
    }
    rows.into_values().collect()
}

fn by_helix(ds: &Dataset) -> Vec<HelixSummary> {
    let mut actors: BTreeMap<Option<HelixKind>, usize> = BTreeMap::new();
    let mut helix_of: HashMap<&str, Option<HelixKind>> = HashMap::new();
    for a in &ds.actors {
        *actors.entry(a.helix).or_insert(0) += 1;
        helix_of.insert(a.id.as_str(), a.helix);
    }
    let mut parts: BTreeMap<Option<HelixKind>, usize> = BTreeMap::new();
    for p in &ds.projects {
        for pa in &p.partners {
            if let Some(h) = helix_of.get(pa.actor.as_str()) {
                *parts.entry(*h).or_insert(0) += 1;
            }
        }
    }
    let total = ds.actors.len().max(1) as f64;
    // Known kinds in declaration order, then unknown.
    let order = HelixKind::ALL.iter().copied().map(Some).chain(std::iter::once(None));
    order
        .filter_map(|h| {
            let n = actors.get(&h).copied().unwrap_or(0);
            (n > 0).then(|| HelixSummary {
                helix: h,
                actors: n,
                participations: parts.get(&h).copied().unwrap_or(0),
                share: n as f64 / total,
            })
        })
        .collect()
}

fn coverage(ds: &Dataset) -> Vec<ProgrammeCoverage> {
    let parent: HashMap<&str, &str> =
        ds.regions.iter().filter_map(|r| r.parent.as_deref().map(|p| (r.id.as_str(), p))).collect();
    let region_country: HashMap<&str, &str> = ds.regions.iter().map(|r| (r.id.as_str(), r.country.as_str())).collect();
    let actor_region: HashMap<&str, Option<&str>> =
        ds.actors.iter().map(|a| (a.id.as_str(), a.region.as_deref())).collect();
    ds.programmes
        .iter()
        .map(|prog| {
            let area: BTreeSet<&str> = prog.area.iter().map(String::as_str).collect();
            let mut covered: BTreeSet<&str> = BTreeSet::new();
            let projects: Vec<_> = ds.projects.iter().filter(|p| p.programme.as_deref() == Some(&prog.id)).collect();
            for p in &projects {
                for pa in &p.partners {
                    // Walk up the hierarchy from the actor's region to a region of the area.
                    let mut cur = actor_region.get(pa.actor.as_str()).copied().flatten();
                    let mut steps = 0;
                    while let Some(r) = cur {
                        if area.contains(r) {
                            covered.insert(r);
                            break;
                        }
                        steps += 1;
                        if steps > 16 {
                            break; // cycles are reported by validation
                        }
                        cur = parent.get(r).copied();
                    }
                }
            }
            let canon = |r: &str| region_country.get(r).map(|c| canonical_country(c).unwrap_or(c));
            let area_countries: HashSet<&str> = area.iter().filter_map(|r| canon(r)).collect();
            let covered_countries: HashSet<&str> = covered.iter().filter_map(|r| canon(r)).collect();
            ProgrammeCoverage {
                programme: prog.id.clone(),
                name: prog.name.clone(),
                projects: projects.len(),
                area_regions: area.len(),
                covered_regions: covered.len(),
                region_share: if area.is_empty() { 0.0 } else { covered.len() as f64 / area.len() as f64 },
                area_countries: area_countries.len(),
                covered_countries: covered_countries.len(),
                uncovered_regions: area.difference(&covered).map(|r| (*r).to_owned()).collect(),
            }
        })
        .collect()
}

impl Report {
    /// Builds the report of a dataset: its summary and its validation findings.
    ///
    /// Never fails: an invalid dataset is summarised as far as it goes and its problems are
    /// listed in [`Report::validation`].
    #[must_use]
    pub fn build(ds: &Dataset) -> Self {
        Self {
            generator: format!("clusterpolicy {}", env!("CARGO_PKG_VERSION")),
            summary: DatasetSummary::build(ds),
            validation: ds.validate(),
            specialisation: crate::specialisation::summarise(ds, "employment", None, TOP_SPECIALISATIONS).ok(),
            strategy: crate::strategy::summarise(ds).ok(),
            network: crate::network::summarise(ds).ok(),
            complexity: crate::complexity::summarise(ds, "employment").ok(),
            synergy: synergy_section(ds),
        }
    }

    /// The report as indented JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The report as one self-contained HTML page (inline CSS, no scripts, no external
    /// resources), suitable for opening from disk or attaching to an e-mail.
    #[must_use]
    pub fn to_html(&self) -> String {
        let s = &self.summary;
        let mut h = Html::default();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        h.text(&format!("clusterpolicy report: {}", s.name));
        h.raw("</title>\n<style>");
        h.raw(CSS);
        h.raw("</style>\n</head>\n<body>\n<header>\n<h1>");
        h.text(&s.name);
        h.raw("</h1>\n");
        if s.synthetic {
            h.raw("<p class=\"badge\">synthetic data: generated, not observed</p>\n");
        }
        if let Some(d) = &s.description {
            h.raw("<p>");
            h.text(d);
            h.raw("</p>\n");
        }
        h.raw("<p class=\"muted\">");
        h.text(&self.generator);
        h.raw("</p>\n</header>\n<main>\n");
        summary_html(&mut h, s);
        validation_html(&mut h, &self.validation);
        if let Some(sp) = &self.specialisation {
            specialisation_html(&mut h, sp);
        }
        if let Some(st) = &self.strategy {
            strategy_html(&mut h, st);
        }
        if let Some(net) = &self.network {
            network_html(&mut h, net);
        }
        if let Some(c) = &self.complexity {
            complexity_html(&mut h, c);
        }
        if let Some(sy) = &self.synergy {
            synergy_html(&mut h, sy);
        }
        h.raw("</main>\n</body>\n</html>\n");
        h.0
    }
}

fn summary_html(h: &mut Html, s: &DatasetSummary) {
    h.section("summary", "Dataset summary");
    let c = &s.counts;
    let count_rows: Vec<Vec<String>> = [
        ("countries", c.countries),
        ("regions", c.regions),
        ("activities", c.activities),
        ("actors", c.actors),
        ("clusters", c.clusters),
        ("programmes", c.programmes),
        ("projects", c.projects),
        ("participations", c.participations),
        ("indicators", c.indicators),
        ("strategies", c.strategies),
        ("measures", c.measures),
        ("observations", c.observations),
        ("evidence", c.evidence),
        ("scenarios", c.scenarios),
    ]
    .iter()
    .map(|(k, v)| vec![(*k).to_owned(), v.to_string()])
    .collect();
    h.table("counts", &["entity", "count"], &count_rows);

    h.raw("<h3>By country</h3>\n");
    let rows: Vec<Vec<String>> = s
        .by_country
        .iter()
        .map(|r| {
            vec![
                r.country.clone(),
                r.name.clone().unwrap_or_default(),
                r.regions.to_string(),
                r.actors.to_string(),
                r.clusters.to_string(),
                r.participations.to_string(),
                r.projects_led.to_string(),
                format_money(r.budget),
            ]
        })
        .collect();
    h.table(
        "by-country",
        &["country", "name", "regions", "actors", "clusters", "participations", "projects led", "partner budgets"],
        &rows,
    );

    h.raw("<h3>By helix kind</h3>\n");
    let rows: Vec<Vec<String>> = s
        .by_helix
        .iter()
        .map(|r| {
            vec![
                r.helix.map_or("unknown", HelixKind::as_str).to_owned(),
                r.actors.to_string(),
                format!("{:.1} %", 100.0 * r.share),
                r.participations.to_string(),
            ]
        })
        .collect();
    h.table("by-helix", &["helix", "actors", "share", "participations"], &rows);

    h.raw("<h3>Coverage of programme areas</h3>\n");
    let rows: Vec<Vec<String>> = s
        .coverage
        .iter()
        .map(|r| {
            vec![
                r.name.clone(),
                r.projects.to_string(),
                format!("{} / {}", r.covered_regions, r.area_regions),
                format!("{:.1} %", 100.0 * r.region_share),
                format!("{} / {}", r.covered_countries, r.area_countries),
                r.uncovered_regions.join(", "),
            ]
        })
        .collect();
    h.table(
        "coverage",
        &["programme", "projects", "regions covered", "share", "countries covered", "not covered"],
        &rows,
    );
    h.raw("</section>\n");
}

fn validation_html(h: &mut Html, validation: &ValidationReport) {
    h.section("validation", "Validation findings");
    if validation.problems.is_empty() {
        h.raw("<p class=\"ok\">No problems found.</p>\n");
    } else {
        h.raw("<p>");
        h.text(&format!("{} problem(s) found.", validation.problems.len()));
        h.raw("</p>\n");
        let rows: Vec<Vec<String>> = validation
            .problems
            .iter()
            .take(MAX_PROBLEM_ROWS)
            .map(|p| {
                vec![
                    p.path.clone(),
                    serde_json::to_value(p.kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
                    p.message.clone(),
                ]
            })
            .collect();
        h.table("problems", &["path", "kind", "message"], &rows);
        if validation.problems.len() > MAX_PROBLEM_ROWS {
            h.raw("<p class=\"muted\">");
            h.text(&format!(
                "Showing the first {MAX_PROBLEM_ROWS}; the JSON report lists all {}.",
                validation.problems.len()
            ));
            h.raw("</p>\n");
        }
    }
    h.raw("</section>\n");
}

fn network_html(h: &mut Html, s: &NetworkSummary) {
    h.section("network", "Cooperation network");
    h.raw("<p>");
    h.text(&format!(
        "{} actors with {} ties in {} components (the largest holds {:.1} %); density {:.4}, \
         average clustering {:.3}. {:.1} % of the ties cross a border (E-I index by country {:.3}).",
        s.nodes,
        s.edges,
        s.components,
        100.0 * s.giant_share,
        s.density,
        s.average_clustering,
        100.0 * s.cross_border_share,
        s.ei_index
    ));
    h.raw("</p>\n<h3>Top brokers per country</h3>\n");
    let rows: Vec<Vec<String>> = s
        .brokers
        .iter()
        .flat_map(|c| {
            c.brokers.iter().enumerate().map(move |(i, b)| {
                vec![
                    if i == 0 { format!("{} ({})", c.country, c.actors) } else { String::new() },
                    b.name.clone(),
                    format!("{:.4}", b.betweenness),
                    format!("{:.0}", b.cross_border_brokerage),
                    format!("{:.0}", b.total_brokerage),
                    format!("{:.1} %", 100.0 * b.cross_border_share),
                ]
            })
        })
        .collect();
    h.table(
        "network-brokers",
        &["country (actors)", "actor", "betweenness", "cross-border brokerage", "all brokerage", "cross-border ties"],
        &rows,
    );
    h.raw("<h3>Communities</h3>\n<p>");
    h.text(&format!("Louvain: {} communities, modularity {:.3}.", s.communities, s.modularity));
    h.raw("</p>\n");
    let rows: Vec<Vec<String>> = s
        .largest_communities
        .iter()
        .map(|c| {
            vec![
                c.community.to_string(),
                c.size.to_string(),
                c.countries.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", "),
            ]
        })
        .collect();
    h.table("network-communities", &["community", "actors", "largest countries"], &rows);
    h.raw("<h3>Articulation points</h3>\n<p>");
    h.text(&format!(
        "{} actors hold parts of the network together (their departure splits it); the most central:",
        s.articulation_point_count
    ));
    h.raw("</p>\n");
    let rows: Vec<Vec<String>> = s
        .articulation_points
        .iter()
        .map(|a| vec![a.name.clone(), a.country.clone(), format!("{:.4}", a.betweenness)])
        .collect();
    h.table("network-cuts", &["actor", "country", "betweenness"], &rows);
    h.raw("<h3>If a country left</h3>\n");
    let rows: Vec<Vec<String>> = s
        .critical_countries
        .iter()
        .map(|(c, share, comps, eff)| {
            vec![
                c.clone(),
                format!("{:.1} %", 100.0 * share),
                comps.to_string(),
                format!("{eff:.4} ({:.4})", s.efficiency),
            ]
        })
        .collect();
    h.table(
        "network-critical",
        &["country leaving", "remaining actors still connected", "components", "efficiency left (intact)"],
        &rows,
    );
    h.raw("</section>\n");
}

const MAX_PROBLEM_ROWS: usize = 500;

/// Top specialisations listed per region in the report.
const TOP_SPECIALISATIONS: usize = 3;

/// The synergy section: joint priorities use the RCA of the latest year of the employment
/// observations when the dataset has them.
fn synergy_section(ds: &Dataset) -> Option<SynergySummary> {
    let rca = crate::specialisation::observation_panel(ds, "employment").ok().and_then(|p| {
        let year = *p.years().last()?;
        crate::specialisation::rca(&p.year(year).ok()?, &crate::specialisation::RcaParams::default()).ok()
    });
    crate::synergy::summarise(ds, rca.as_ref()).ok()
}

/// Millibits with an optional interval (`+ 0.0` writes -0 as 0).
fn mbits(v: f64, i: Option<&crate::synergy::Interval>) -> String {
    let m = |x: f64| if (1000.0 * x).abs() < 0.05 { 0.0 } else { 1000.0 * x };
    match i {
        Some(i) => format!("{:.1} [{:.1}, {:.1}]", m(v), m(i.lower), m(i.upper)),
        None => format!("{:.1}", m(v)),
    }
}

fn synergy_html(h: &mut Html, s: &SynergySummary) {
    h.section("synergy", "Synergy");
    let th = &s.triple_helix;
    h.raw("<h3>Triple Helix synergy by country</h3>\n<p>");
    h.text(&format!(
        "Mutual information in three dimensions (helix kind x activity x region) of {:.0} actors: \
         T(uig) = {} millibits (bias-corrected {:.1}); negative values are synergy. The 95 % intervals are basic bootstrap \
         intervals ({} resamples of the actors), which correct the bias of plug-in entropies in a sparse \
         table (here {:+.1} millibits in the resamples). T splits into the countries' contributions (their \
         share of actors times their own T) and a between-country term, T of the table with regions \
         aggregated to countries (Leydesdorff & Strand 2013).",
        th.total.n,
        mbits(th.total.t_uig, th.total_interval.as_ref()),
        1000.0 * (th.total.t_uig - th.total_interval.map_or(0.0, |i| i.bias)),
        th.bootstrap.map_or(0, |b| b.replicates),
        th.total_interval.map_or(0.0, |i| 1000.0 * i.bias),
    ));
    h.raw("</p>\n");
    let mut rows: Vec<Vec<String>> = th
        .groups
        .iter()
        .map(|g| {
            vec![
                g.group.clone(),
                format!("{:.0}", g.weight * th.total.n),
                mbits(g.synergy.t_uig, None),
                mbits(g.contribution, g.interval.as_ref()),
            ]
        })
        .collect();
    rows.push(vec![
        "between countries".into(),
        String::new(),
        String::new(),
        mbits(th.between, th.between_interval.as_ref()),
    ]);
    rows.push(vec![
        "total".into(),
        format!("{:.0}", th.total.n),
        String::new(),
        mbits(th.total.t_uig, th.total_interval.as_ref()),
    ]);
    h.table("synergy-triple-helix", &["country", "actors", "T(uig) within, mbit", "contribution, mbit [95 %]"], &rows);

    h.raw("<h3>Partner recommendations</h3>\n<p>");
    h.text(
        "Top transnational partners, not yet partners, for the actor with the most participations of each \
         helix kind: score = 0.5 proximity synergy (Boschma's five proximities and complementarity) + 0.5 \
         Adamic-Adar link prediction relative to the best candidate.",
    );
    h.raw("</p>\n");
    let rows: Vec<Vec<String>> = s
        .recommendations
        .iter()
        .map(|r| {
            vec![
                if r.rank == 1 { r.subject.id.clone() } else { String::new() },
                r.rank.to_string(),
                format!("{} ({})", r.name, r.countries.join(", ")),
                format!("{:.3}", r.score),
                format!("{:.3}", r.synergy),
                format!("{:.3}", r.link_score),
                r.explanation.clone(),
            ]
        })
        .collect();
    h.table("synergy-partners", &["actor", "rank", "candidate", "score", "synergy", "link", "why"], &rows);

    if let Some(jp) = &s.joint_priorities {
        h.raw("<h3>Joint priorities</h3>\n<p>");
        h.text(&format!(
            "Activities prioritised in the strategies of, or specialised in (RCA >= 1), several of the {} \
             regions with a strategy.",
            jp.regions.len()
        ));
        h.raw("</p>\n");
        let rows: Vec<Vec<String>> = jp
            .priorities
            .iter()
            .map(|p| {
                vec![
                    format!("{} {}", p.activity, p.name.clone().unwrap_or_default()),
                    p.prioritised_by.len().to_string(),
                    p.specialised_in.len().to_string(),
                    format!("{:.3}", p.score),
                ]
            })
            .collect();
        h.table("synergy-priorities", &["activity", "regions prioritising", "regions specialised", "score"], &rows);
    }

    synergy_initiative_html(h, s);
    h.raw("</section>\n");
}

/// The initiative and impact parts of the synergy section.
fn synergy_initiative_html(h: &mut Html, s: &SynergySummary) {
    use crate::synergy::Interval;
    if let Some(ini) = &s.initiative {
        h.raw("<h3>A proposed transnational initiative</h3>\n<p>");
        h.text(&format!(
            "Greedy choice of {} of {} clusters maximising covered synergy, coverage of the {} programme area \
             ({} regions) and joint-priority coverage: objective {:.3} (synergy {:.3}, area {}, priorities {}); \
             no initiative of this size exceeds {:.3}, and greedy selection guarantees at least {:.0} % of the \
             optimum.",
            ini.members.len(),
            ini.candidates,
            ini.programme.clone().unwrap_or_default(),
            ini.area_regions,
            ini.value.objective,
            ini.value.synergy,
            opt_pct(ini.value.coverage),
            opt_pct(ini.value.priorities),
            ini.upper_bound,
            100.0 * ini.guarantee,
        ));
        h.raw("</p>\n");
        let rows: Vec<Vec<String>> = ini
            .members
            .iter()
            .map(|m| {
                vec![
                    m.step.to_string(),
                    format!("{} ({})", m.name, m.countries.join(", ")),
                    format!("{:.3}", m.gain),
                    format!("{:.3} / {:.3} / {:.3}", m.gain_synergy, m.gain_coverage, m.gain_priorities),
                    format!("{:.3}", m.objective),
                    m.new_regions.len().to_string(),
                    m.new_priorities.join(", "),
                ]
            })
            .collect();
        h.table(
            "synergy-initiative",
            &["step", "member", "gain", "synergy / area / priorities", "objective", "new regions", "new priorities"],
            &rows,
        );
    }

    if let Some(im) = &s.impact {
        h.raw("<h3>Synergy impact between programme periods</h3>\n<p>");
        h.text(&format!(
            "{}-{} ({} projects; network of {} actors, {} ties, density {:.4}) against {}-{} ({} projects; {} \
             actors, {} ties, density {:.4}); 95 % basic intervals from {} bootstrap resamples of the projects.",
            im.before.start_year,
            im.before.end_year,
            im.projects_before,
            im.network_before.actors,
            im.network_before.ties,
            im.network_before.density,
            im.after.start_year,
            im.after.end_year,
            im.projects_after,
            im.network_after.actors,
            im.network_after.ties,
            im.network_after.density,
            im.bootstrap.replicates,
        ));
        h.raw("</p>\n");
        let f = |i: &Interval| format!("{:.4} [{:.4}, {:.4}]", i.estimate, i.lower, i.upper);
        let rows: Vec<Vec<String>> =
            im.measures.iter().map(|m| vec![m.measure.clone(), f(&m.before), f(&m.after), f(&m.change)]).collect();
        h.table("synergy-impact", &["measure", "before", "after", "change"], &rows);
    }
}

fn specialisation_html(h: &mut Html, sp: &SpecialisationSummary) {
    h.section("specialisation", "Specialisation and star clusters");
    h.raw("<p>");
    h.text(&format!(
        "{} by region and activity, {}: the activities with the highest location quotients (LQ >= 1) and the cluster \
         categories with European Cluster Observatory stars (size: top 10% of regions; specialisation: LQ >= 2; \
         focus: top 10% by share of regional {}). Mapping: {}{}.",
        sp.indicator,
        sp.year,
        sp.indicator,
        sp.mapping,
        if sp.mapping_is_example { " (an illustrative example, not a published definition)" } else { "" }
    ));
    h.raw("</p>\n");
    let stars = |n: u8| "\u{2605}".repeat(usize::from(n));
    let rows: Vec<Vec<String>> = sp
        .regions
        .iter()
        .map(|r| {
            let top = r
                .top_specialisations
                .iter()
                .map(|t| format!("{} {} ({:.2})", t.activity, t.name, t.location_quotient))
                .collect::<Vec<_>>()
                .join("; ");
            let star =
                r.star_clusters.iter().map(|c| format!("{} {}", c.name, stars(c.stars))).collect::<Vec<_>>().join("; ");
            vec![format!("{} {}", r.region, r.name), format!("{:.0}", r.total), format!("{:.3}", r.krugman), top, star]
        })
        .collect();
    h.table(
        "specialisation-table",
        &["region", "total", "Krugman", "top specialisations (LQ)", "star clusters"],
        &rows,
    );
    h.raw("</section>\n");
}

fn opt_pct(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_owned(), |x| format!("{:.1} %", 100.0 * x))
}

fn opt_num(v: Option<f64>, decimals: usize) -> String {
    v.map_or_else(|| "-".to_owned(), |x| format!("{x:.decimals$}"))
}

fn wire<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|x| x.as_str().map(|s| s.replace('_', " "))).unwrap_or_default()
}

#[allow(clippy::too_many_lines)]
fn strategy_html(h: &mut Html, st: &StrategySummary) {
    h.section("strategy", "Strategy evaluation and policy learning");
    h.raw("<h3>Target scoreboards</h3>\n<p>");
    h.text(
        "Achievement = (actual - baseline) / (target - baseline) at the latest observation; on track when it lags the \
         elapsed share of the strategy period by at most 10 points, at risk up to 25 points.",
    );
    h.raw("</p>\n");
    let rows: Vec<Vec<String>> = st
        .scoreboards
        .iter()
        .map(|b| {
            let counts = b.counts.iter().map(|(k, n)| format!("{}: {n}", wire(k))).collect::<Vec<_>>().join(", ");
            vec![format!("{} {}", b.strategy, b.name), b.rows.len().to_string(), opt_pct(b.mean_achievement), counts]
        })
        .collect();
    h.table("scoreboards", &["strategy", "targets", "mean achievement", "status"], &rows);

    if let Some(fb) = &st.feedback {
        h.raw("<h3>Evidence feedback: ranking the measures of ");
        h.text(&fb.strategy);
        h.raw("</h3>\n<p>");
        h.text(&format!(
            "Each measure's expected effect on jobs starts from a vague prior (budget / EUR 50 000 per job, sd = mean) and \
             is updated by the evidence about it (normal-normal update, precision x GRADE quality weight). The measures are \
             ranked by {} on: {}{}. The last column is the SMAA-2 probability of being ranked first under uniformly random \
             weights.",
            wire(&fb.method).to_uppercase(),
            fb.criteria.join(", "),
            if fb.constant_criteria.is_empty() {
                String::new()
            } else {
                format!(" ({} left out: the same for all measures)", fb.constant_criteria.join(", "))
            }
        ));
        h.raw("</p>\n");
        let rows: Vec<Vec<String>> = fb
            .measures
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let moved = m
                    .effect
                    .contributions
                    .iter()
                    .take(3)
                    .map(|c| format!("{} ({:+.1})", c.evidence, c.pull))
                    .collect::<Vec<_>>()
                    .join(", ");
                vec![
                    format!("{} {}", m.measure, m.name),
                    opt_num(m.effect.prior_mean, 1),
                    format!("{} ± {}", opt_num(m.effect.mean, 1), opt_num(m.effect.sd, 1)),
                    moved,
                    format!("{} → {}", m.rank_before, m.rank_after),
                    opt_pct(st.first_rank_acceptability.as_ref().and_then(|a| a.get(i).copied())),
                ]
            })
            .collect();
        h.table(
            "measure-ranking",
            &["measure", "prior jobs", "updated jobs", "evidence (pull)", "rank", "P(first)"],
            &rows,
        );
    }

    if let Some(f) = &st.foresight {
        h.raw("<h3>Foresight: the measures under the scenarios</h3>\n<p>");
        h.text(
            "Updated effects scaled by each scenario's employment shifts for the measure's priority activities; regret = \
             best payoff in the scenario minus the measure's; robust rank = worst rank over scenarios, then mean rank.",
        );
        h.raw("</p>\n");
        let mut head: Vec<String> = vec!["measure".into()];
        head.extend(f.payoffs.scenarios.iter().cloned());
        head.extend(["expected".into(), "max regret".into(), "robust rank".into()]);
        let rows: Vec<Vec<String>> = f
            .payoffs
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let mut r = vec![o.clone()];
                r.extend(f.payoffs.payoff[i].iter().map(|v| format!("{v:.1}")));
                r.push(opt_num(f.rules.expected_value.as_ref().map(|e| e[i]), 1));
                r.push(format!("{:.1}", f.rules.max_regret[i]));
                r.push(f.rules.robust_rank[i].to_string());
                r
            })
            .collect();
        let head_refs: Vec<&str> = head.iter().map(String::as_str).collect();
        h.table("foresight", &head_refs, &rows);
    }

    if let Some(p) = &st.pilot {
        h.raw("<h3>Pilot evaluation</h3>\n<p>");
        let d = &p.did;
        h.text(&format!(
            "Regions with a partner in a {} project ({} treated, {} comparison regions of the programme area), outcome {}: \
             two-way fixed-effects difference-in-differences {:+.4} (cluster-robust s.e. {}, p = {}, 95 % CI {}), over {} \
             observations in {} periods.",
            p.programme,
            p.treated_regions,
            p.comparison_regions,
            p.outcome,
            d.estimate,
            opt_num(d.std_error, 4),
            opt_num(d.p_value, 3),
            d.ci.map_or_else(|| "-".to_owned(), |c| format!("[{:+.4}, {:+.4}]", c[0], c[1])),
            d.observations,
            d.periods
        ));
        if let Some(ba) = &p.before_after {
            h.text(&format!(
                " A before/after comparison of the treated regions alone would report {:+.4} (p = {}), attributing \
                 every common trend to the pilot.",
                ba.change,
                opt_num(ba.p_value, 3)
            ));
        }
        h.raw("</p>\n");
    }

    if let Some(rp) = &st.peers {
        h.raw("<h3>Structural peers of ");
        h.text(&rp.region);
        h.raw("</h3>\n");
        let rows: Vec<Vec<String>> = rp
            .peers
            .iter()
            .map(|p| vec![p.region.clone(), format!("{:.3}", p.distance_rescaled), p.closest_dimensions.join(", ")])
            .collect();
        h.table("peers", &["peer", "distance (0-1)", "alike in"], &rows);
    }

    if !st.hub.is_empty() {
        h.raw("<h3>Knowledge hub</h3>\n");
        let rows: Vec<Vec<String>> = st
            .hub
            .iter()
            .map(|i| vec![format!("{} {}", wire(&i.kind), i.id), format!("{:.2}", i.score), i.reasons.join("; ")])
            .collect();
        h.table("hub", &["item", "relevance", "why"], &rows);
    }

    for p in &st.programmes {
        h.raw("<h3>Programme monitoring: ");
        h.text(&p.name);
        h.raw("</h3>\n<p>");
        h.text(&format!(
            "Budget {}, spent {} (absorption {}); the partnerships reach {} of the programme area's regions{}.",
            format_money(p.budget),
            format_money(p.spent),
            opt_pct(p.absorption),
            opt_pct(Some(p.coverage.area_share)),
            if p.coverage.area_countries_uncovered.is_empty() {
                String::new()
            } else {
                format!("; countries not reached: {}", p.coverage.area_countries_uncovered.join(", "))
            }
        ));
        h.raw("</p>\n");
        let rows: Vec<Vec<String>> = p
            .projects
            .iter()
            .map(|x| {
                vec![
                    format!("{} {}", x.project, x.name),
                    opt_pct(x.absorption),
                    opt_pct(x.forecast_absorption),
                    x.flag.map(|f| wire(&f)).unwrap_or_default(),
                    format!("{} / {}", x.late_deliverables, x.deliverables),
                ]
            })
            .collect();
        h.table(
            &format!("programme-{}", p.programme),
            &["project", "absorption", "forecast", "flag", "late deliverables"],
            &rows,
        );
        let rows: Vec<Vec<String>> = p
            .communication
            .iter()
            .map(|c| {
                vec![
                    wire(&c.target_group),
                    c.activities.to_string(),
                    format!("{:.0}", c.planned),
                    format!("{:.0}", c.achieved),
                    opt_pct(c.reach_rate),
                ]
            })
            .collect();
        h.table(
            &format!("communication-{}", p.programme),
            &["target group", "activities", "planned reach", "achieved", "reach rate"],
            &rows,
        );
    }
    h.raw("</section>\n");
}

/// Fill colours of the quadrants on the priority maps.
fn quadrant_colour(q: Option<crate::complexity::Quadrant>) -> &'static str {
    use crate::complexity::Quadrant;
    match q {
        Some(Quadrant::LowRiskHighGain) => "#1a7f37",
        Some(Quadrant::HighRiskHighGain) => "#bf8700",
        Some(Quadrant::LowRiskLowGain) => "#0969da",
        Some(Quadrant::HighRiskLowGain) => "#cf222e",
        None => "#b6bdc8",
    }
}

/// A priority map as an inline SVG scatter: relatedness density (x) against complexity (y),
/// the quadrant boundaries dashed, candidates coloured by quadrant, present activities grey,
/// the recommendations labelled by rank.
fn priority_svg(h: &mut Html, map: &crate::complexity::PriorityMap) {
    const W: f64 = 420.0;
    const H: f64 = 300.0;
    const PAD: f64 = 40.0;
    let xs: Vec<f64> = map.points.iter().map(|p| p.density).filter(|x| x.is_finite()).collect();
    let ys: Vec<f64> = map.points.iter().map(|p| p.complexity).filter(|y| y.is_finite()).collect();
    if xs.is_empty() || ys.is_empty() {
        return;
    }
    let range = |v: &[f64]| {
        let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if hi > lo { (lo, hi) } else { (lo - 0.5, hi + 0.5) }
    };
    let ((x0, x1), (y0, y1)) = (range(&xs), range(&ys));
    let sx = |x: f64| PAD + (x - x0) / (x1 - x0) * (W - 2.0 * PAD);
    let sy = |y: f64| H - PAD - (y - y0) / (y1 - y0) * (H - 2.0 * PAD);
    let _ = write!(
        h.0,
        "<svg class=\"priority-map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\""
    );
    h.text(&format!("Priority map of {}: relatedness density against complexity", map.region));
    h.raw("\">\n");
    let _ = writeln!(
        h.0,
        "<rect x=\"{PAD}\" y=\"{PAD}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#fff\" stroke=\"#d5dae1\"/>",
        W - 2.0 * PAD,
        H - 2.0 * PAD
    );
    if map.density_threshold.is_finite() && map.complexity_threshold.is_finite() {
        let (tx, ty) = (sx(map.density_threshold), sy(map.complexity_threshold));
        let _ = writeln!(
            h.0,
            "<line x1=\"{tx:.1}\" y1=\"{PAD}\" x2=\"{tx:.1}\" y2=\"{:.1}\" stroke=\"#8a94a6\" stroke-dasharray=\"4 3\"/>\
             <line x1=\"{PAD}\" y1=\"{ty:.1}\" x2=\"{:.1}\" y2=\"{ty:.1}\" stroke=\"#8a94a6\" stroke-dasharray=\"4 3\"/>",
            H - PAD,
            W - PAD
        );
    }
    for p in &map.points {
        if !(p.density.is_finite() && p.complexity.is_finite()) {
            continue;
        }
        let _ = write!(
            h.0,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{}\" fill=\"{}\" fill-opacity=\"0.8\"><title>",
            sx(p.density),
            sy(p.complexity),
            if p.present { 2.5 } else { 3.5 },
            quadrant_colour(p.quadrant)
        );
        h.text(&format!(
            "{}: density {:.3}, complexity {:.3}{}",
            p.activity,
            p.density,
            p.complexity,
            if p.present { " (present)" } else { "" }
        ));
        h.raw("</title></circle>\n");
    }
    for r in &map.recommendations {
        let _ = write!(
            h.0,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#1d2433\">",
            sx(r.density) + 5.0,
            sy(r.complexity) - 4.0
        );
        h.text(&format!("{} {}", r.rank, r.activity));
        h.raw("</text>\n");
    }
    let _ = writeln!(
        h.0,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#57606a\">relatedness density</text>\
         <text x=\"12\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#57606a\" transform=\"rotate(-90 12 {:.1})\">complexity (PCI)</text>\
         <text x=\"{PAD}\" y=\"{:.1}\" font-size=\"9\" fill=\"#8a94a6\">{x0:.2}</text>\
         <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" fill=\"#8a94a6\" text-anchor=\"end\">{x1:.2}</text>\
         <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" fill=\"#8a94a6\" text-anchor=\"end\">{y0:.2}</text>\
         <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" fill=\"#8a94a6\" text-anchor=\"end\">{y1:.2}</text>",
        W / 2.0,
        H - 8.0,
        H / 2.0,
        H / 2.0,
        H - PAD + 12.0,
        W - PAD,
        H - PAD + 12.0,
        PAD - 3.0,
        H - PAD,
        PAD - 3.0,
        PAD + 8.0
    );
    h.raw("</svg>\n");
}

fn complexity_html(h: &mut Html, c: &crate::complexity::ComplexitySummary) {
    h.section("complexity", "Smart specialisation: priority maps and backtest");
    h.raw("<p>");
    h.text(&format!(
        "{} by region and activity, {}. Candidate activities (absent: RCA < 1) placed by relatedness density \
         (proximity, Hidalgo et al. 2007) against complexity (eigenvector PCI, py-ecomplexity's convention), in the \
         quadrants of Balland, Boschma, Crespo & Rigby (2019): medians of the region's candidates split low from high. \
         Green: low risk, high gain; amber: high risk, high gain; blue: low risk, low gain; red: high risk, low gain; \
         grey: present. Regions: {}.",
        c.indicator, c.year, c.regions_rule
    ));
    h.raw("</p>\n");
    for map in &c.maps {
        h.raw("<h3>");
        h.text(&format!("{} ({} activities present)", map.region, map.present));
        h.raw("</h3>\n");
        priority_svg(h, map);
        let rows: Vec<Vec<String>> = map
            .recommendations
            .iter()
            .map(|r| {
                vec![
                    r.rank.to_string(),
                    r.activity.clone(),
                    r.quadrant.label().to_owned(),
                    format!("{:.3}", r.density),
                    format!("{:.3}", r.complexity),
                    r.evidence
                        .iter()
                        .map(|e| format!("{} ({:.2})", e.activity, e.relatedness))
                        .collect::<Vec<_>>()
                        .join(", "),
                ]
            })
            .collect();
        h.table(
            &format!("priority-{}", map.region),
            &["rank", "activity", "quadrant", "density", "complexity", "related activities present (proximity)"],
            &rows,
        );
    }
    if !c.backtest.is_empty() {
        h.raw("<h3>Would density have predicted diversification?</h3>\n<p>");
        h.text(&format!(
            "Entries: activities absent at the first year (RCA < 1) and present at the second (RCA >= 1). Density at \
             the first year scores every candidate; AUC 0.5 and the entry rate are what a random score achieves. \
             Precision@{} is the share of entries among each region's {} best-scored candidates, averaged over regions.",
            c.top_k, c.top_k
        ));
        h.raw("</p>\n");
        let f = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |x| format!("{x:.3}"));
        let rows: Vec<Vec<String>> = c
            .backtest
            .iter()
            .map(|s| {
                vec![
                    match (s.from, s.to) {
                        (Some(a), Some(b)) => format!("{a} -> {b}"),
                        _ => "all pairs".to_owned(),
                    },
                    s.candidates.to_string(),
                    s.entries.to_string(),
                    f(s.auc),
                    f(s.average_precision),
                    f(s.baseline_average_precision),
                    f(s.precision_at_k),
                    f(s.baseline_precision_at_k),
                    f(s.lift_at_k),
                ]
            })
            .collect();
        h.table(
            "complexity-backtest",
            &["period", "candidates", "entries", "AUC", "AP", "AP random", "precision@k", "random", "lift"],
            &rows,
        );
    }
    h.raw("</section>\n");
}

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1d2433;background:#fafbfc}\
header{background:#1f3a5f;color:#fff;padding:1.2rem 2rem}header h1{margin:0 0 .4rem}\
main{padding:1rem 2rem;max-width:72rem}section{margin-bottom:2rem}\
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.92rem;background:#fff}\
th,td{border:1px solid #d5dae1;padding:.3rem .6rem;text-align:left;vertical-align:top}\
th{background:#eef1f5}td.num{text-align:right;font-variant-numeric:tabular-nums}\
.badge{display:inline-block;background:#f2b84b;color:#1d2433;padding:.15rem .6rem;border-radius:.8rem;font-weight:600}\
.muted{color:#8a94a6}header .muted{color:#c9d3e3}.ok{color:#1a7f37;font-weight:600}";

fn format_money(v: f64) -> String {
    if v == 0.0 {
        return "0".to_owned();
    }
    format!("{v:.0}")
}

/// A tiny HTML writer that escapes every text it is given.
#[derive(Default)]
struct Html(String);

impl Html {
    fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }

    fn text(&mut self, s: &str) {
        for ch in s.chars() {
            match ch {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
    }

    fn section(&mut self, id: &str, title: &str) {
        let _ = write!(self.0, "<section id=\"{id}\">\n<h2>");
        self.text(title);
        self.raw("</h2>\n");
    }

    fn table(&mut self, id: &str, head: &[&str], rows: &[Vec<String>]) {
        let _ = write!(self.0, "<table id=\"{id}\">\n<thead><tr>");
        for th in head {
            self.raw("<th>");
            self.text(th);
            self.raw("</th>");
        }
        self.raw("</tr></thead>\n<tbody>\n");
        for row in rows {
            self.raw("<tr>");
            for cell in row {
                let numeric = !cell.is_empty() && cell.chars().all(|c| c.is_ascii_digit() || " .%/-".contains(c));
                self.raw(if numeric { "<td class=\"num\">" } else { "<td>" });
                self.text(cell);
                self.raw("</td>");
            }
            self.raw("</tr>\n");
        }
        self.raw("</tbody>\n</table>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Partner, Programme, Project, Region};

    fn tiny() -> Dataset {
        let mut ds = Dataset::new("tiny <test>");
        ds.regions.push(Region::new("SI0", "Slovenija", "SI").with_level(0));
        ds.regions.push(Region::new("SI04", "Zahodna Slovenija", "SI").with_level(2).with_parent("SI0"));
        ds.regions.push(Region::new("SI03", "Vzhodna Slovenija", "SI").with_level(2).with_parent("SI0"));
        ds.regions.push(Region::new("AT22", "Steiermark", "AT").with_level(2));
        ds.regions.push(Region::new("AT221", "Graz", "AT").with_level(3).with_parent("AT22"));
        ds.actors.push(Actor::new("A", "A", "SI").with_region("SI04").with_helix(HelixKind::Research));
        ds.actors.push(Actor::new("B", "B", "AT").with_region("AT221").with_helix(HelixKind::Business));
        ds.actors.push(Actor::new("C", "C", "AT"));
        ds.programmes.push(Programme {
            id: "P".into(),
            name: "Prog".into(),
            period: None,
            area: vec!["SI04".into(), "SI03".into(), "AT22".into()],
            budget: None,
            currency: None,
            attributes: crate::model::Attributes::new(),
        });
        let mut p = Project::new("X", "X");
        p.programme = Some("P".into());
        p.partners.push(Partner { actor: "A".into(), role: PartnerRole::Lead, budget: Some(10.0), contribution: None });
        p.partners.push(Partner {
            actor: "B".into(),
            role: PartnerRole::Partner,
            budget: Some(5.0),
            contribution: None,
        });
        ds.projects.push(p);
        ds
    }

    #[test]
    fn coverage_walks_up_the_hierarchy() {
        let r = Report::build(&tiny());
        let cov = &r.summary.coverage[0];
        assert_eq!((cov.area_regions, cov.covered_regions), (3, 2));
        assert_eq!(cov.uncovered_regions, vec!["SI03".to_owned()]);
        assert_eq!((cov.area_countries, cov.covered_countries), (2, 2));
        assert!((cov.region_share - 2.0 / 3.0).abs() < 1e-15);
    }

    #[test]
    fn counts_by_country_and_helix() {
        let r = Report::build(&tiny());
        let at = r.summary.by_country.iter().find(|c| c.country == "AT").unwrap();
        assert_eq!((at.regions, at.actors, at.participations, at.projects_led), (2, 2, 1, 0));
        assert_eq!(at.budget, 5.0);
        let si = r.summary.by_country.iter().find(|c| c.country == "SI").unwrap();
        assert_eq!((si.regions, si.actors, si.participations, si.projects_led), (3, 1, 1, 1));
        let helix: Vec<_> = r.summary.by_helix.iter().map(|h| (h.helix, h.actors)).collect();
        assert_eq!(helix, vec![(Some(HelixKind::Business), 1), (Some(HelixKind::Research), 1), (None, 1)]);
    }

    #[test]
    fn html_escapes_text() {
        let html = Report::build(&tiny()).to_html();
        assert!(html.contains("tiny &lt;test&gt;"));
        assert!(!html.contains("tiny <test>"));
    }
}
