//! Validation of a [`Dataset`]: every problem at once, each with its path.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Period, SubjectKind, SubjectRef};
use super::dataset::Dataset;
use super::geography::canonical_country;
use super::project::PartnerRole;

/// What kind of problem validation found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// An id refers to an entity that does not exist (or exists in the wrong place, such as
    /// a work-package lead that is not a partner of the project).
    UnknownReference,
    /// An id occurs more than once where ids must be unique.
    DuplicateId,
    /// An id is empty.
    EmptyId,
    /// A number is NaN or infinite where a finite number is required.
    NonFinite,
    /// An amount (money, count, reach) is negative.
    NegativeAmount,
    /// An end (date or year) lies before its start.
    EndBeforeStart,
    /// Parts that must add up to a total do not (partner budgets, work-package budgets,
    /// scenario probabilities).
    SharesDoNotAddUp,
    /// A country code is neither ISO 3166-1 alpha-2 nor an accepted EU form.
    UnknownCountryCode,
    /// A value is outside its allowed range or inconsistent with another (a probability
    /// above 1, a contribution above the budget, two lead partners, a parent cycle).
    InvalidValue,
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The dataset is invalid.
    Error,
    /// Suspicious but usable.
    Warning,
}

/// One problem found by [`Dataset::validate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    /// Path into the JSON document, e.g. `projects[3].partners[1].actor`.
    pub path: String,
    /// Kind of problem.
    pub kind: ProblemKind,
    /// How serious it is.
    pub severity: Severity,
    /// Human-readable explanation naming the offending value.
    pub message: String,
}

/// The result of [`Dataset::validate`]: all problems, in document order by entity (the
/// collections in the order of [`Dataset`]'s fields, entities by index; the problems of one
/// entity in the order they were checked).
///
/// ```
/// use clusterpolicy::Dataset;
/// use clusterpolicy::model::{Actor, ProblemKind};
///
/// let mut ds = Dataset::new("broken");
/// ds.actors.push(Actor::new("A1", "One", "SI").with_region("NOWHERE"));
/// ds.actors.push(Actor::new("A1", "Two", "ZZ"));
/// let report = ds.validate();
/// let kinds: Vec<_> = report.problems.iter().map(|p| (p.path.as_str(), p.kind)).collect();
/// assert_eq!(kinds, [
///     ("actors[0].region", ProblemKind::UnknownReference),
///     ("actors[1].id", ProblemKind::DuplicateId),
///     ("actors[1].country", ProblemKind::UnknownCountryCode),
/// ]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidationReport {
    /// Problems found, in document order by entity.
    pub problems: Vec<Problem>,
}

impl ValidationReport {
    /// `true` when no problem of severity [`Severity::Error`] was found.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        !self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    /// Number of problems of each kind, in kind order.
    #[must_use]
    pub fn counts(&self) -> std::collections::BTreeMap<ProblemKind, usize> {
        let mut m = std::collections::BTreeMap::new();
        for p in &self.problems {
            *m.entry(p.kind).or_insert(0) += 1;
        }
        m
    }
}

/// Tolerance for shares: parts must add up to the total within one cent or one part per
/// million of the total, whichever is larger.
fn shares_match(sum: f64, total: f64) -> bool {
    (sum - total).abs() <= (1e-6 * total.abs()).max(0.01)
}

struct Ids<'a> {
    regions: HashSet<&'a str>,
    activities: HashSet<&'a str>,
    actors: HashSet<&'a str>,
    clusters: HashSet<&'a str>,
    programmes: HashSet<&'a str>,
    projects: HashSet<&'a str>,
    strategies: HashSet<&'a str>,
    measures: HashSet<&'a str>,
    indicators: HashSet<&'a str>,
}

struct Checker<'a> {
    problems: Vec<Problem>,
    ids: Ids<'a>,
}

impl Checker<'_> {
    fn push(&mut self, path: String, kind: ProblemKind, message: String) {
        self.problems.push(Problem { path, kind, severity: Severity::Error, message });
    }

    /// Registers the ids of one collection: empty and duplicate ids are problems.
    fn unique<'b, I>(&mut self, collection: &str, what: &str, ids: I) -> HashSet<&'b str>
    where
        I: IntoIterator<Item = (String, &'b str)>,
    {
        let mut seen = HashSet::new();
        for (path, id) in ids {
            if id.trim().is_empty() {
                self.push(path, ProblemKind::EmptyId, format!("{what} id is empty in {collection}"));
            } else if !seen.insert(id) {
                self.push(path, ProblemKind::DuplicateId, format!("duplicate {what} id `{id}`"));
            }
        }
        seen
    }

    fn reference(&mut self, path: impl FnOnce() -> String, kind: &str, id: &str, known: bool) {
        if !known {
            self.push(path(), ProblemKind::UnknownReference, format!("unknown {kind} `{id}`"));
        }
    }

    fn region(&mut self, path: impl FnOnce() -> String, id: &str) {
        let known = self.ids.regions.contains(id);
        self.reference(path, "region", id, known);
    }
    fn activity(&mut self, path: impl FnOnce() -> String, id: &str) {
        let known = self.ids.activities.contains(id);
        self.reference(path, "activity", id, known);
    }
    fn actor(&mut self, path: impl FnOnce() -> String, id: &str) {
        let known = self.ids.actors.contains(id);
        self.reference(path, "actor", id, known);
    }
    fn indicator(&mut self, path: impl FnOnce() -> String, id: &str) {
        let known = self.ids.indicators.contains(id);
        self.reference(path, "indicator", id, known);
    }

    fn subject(&mut self, path: impl FnOnce() -> String, s: &SubjectRef) {
        let known = match s.kind {
            SubjectKind::Country => canonical_country(&s.id).is_some(),
            SubjectKind::Region => self.ids.regions.contains(s.id.as_str()),
            SubjectKind::Actor => self.ids.actors.contains(s.id.as_str()),
            SubjectKind::Cluster => self.ids.clusters.contains(s.id.as_str()),
            SubjectKind::Programme => self.ids.programmes.contains(s.id.as_str()),
            SubjectKind::Project => self.ids.projects.contains(s.id.as_str()),
            SubjectKind::Strategy => self.ids.strategies.contains(s.id.as_str()),
            SubjectKind::Measure => self.ids.measures.contains(s.id.as_str()),
        };
        if !known {
            let kind = s.kind.as_str();
            let p = format!("{}.id", path());
            if s.kind == SubjectKind::Country {
                self.push(p, ProblemKind::UnknownCountryCode, format!("unknown country code `{}`", s.id));
            } else {
                self.push(p, ProblemKind::UnknownReference, format!("unknown {kind} `{}`", s.id));
            }
        }
    }

    fn country(&mut self, path: impl FnOnce() -> String, code: &str) {
        if canonical_country(code).is_none() {
            self.push(
                path(),
                ProblemKind::UnknownCountryCode,
                format!("unknown country code `{code}` (expected ISO 3166-1 alpha-2 such as `AT`, or the EU forms `EL`, `UK`)"),
            );
        }
    }

    /// A non-negative finite amount.
    fn amount(&mut self, path: impl FnOnce() -> String, what: &str, v: f64) {
        if !v.is_finite() {
            self.push(path(), ProblemKind::NonFinite, format!("{what} is {v}, not a finite number"));
        } else if v < 0.0 {
            self.push(path(), ProblemKind::NegativeAmount, format!("{what} is negative ({v})"));
        }
    }

    fn finite(&mut self, path: impl FnOnce() -> String, what: &str, v: f64) {
        if !v.is_finite() {
            self.push(path(), ProblemKind::NonFinite, format!("{what} is {v}, not a finite number"));
        }
    }

    fn period(&mut self, path: impl FnOnce() -> String, p: Period) {
        if p.end_year < p.start_year {
            self.push(
                format!("{}.end_year", path()),
                ProblemKind::EndBeforeStart,
                format!("period ends in {} before it starts in {}", p.end_year, p.start_year),
            );
        }
    }

    fn dates(&mut self, path: impl FnOnce() -> String, start: Option<NaiveDate>, end: Option<NaiveDate>) {
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            self.push(path(), ProblemKind::EndBeforeStart, format!("ends on {e} before it starts on {s}"));
        }
    }

    fn invalid(&mut self, path: String, message: String) {
        self.push(path, ProblemKind::InvalidValue, message);
    }

    /// Reports cycles in a parent relation (a region that is its own ancestor).
    fn parent_cycles(&mut self, collection: &str, parents: &[(&str, Option<&str>)]) {
        let index: HashMap<&str, Option<&str>> = parents.iter().copied().collect();
        for (i, (id, _)) in parents.iter().enumerate() {
            let mut cur = index.get(id).copied().flatten();
            let mut steps = 0usize;
            while let Some(p) = cur {
                if p == *id {
                    self.invalid(
                        format!("{collection}[{i}].parent"),
                        format!("`{id}` is its own ancestor (parent cycle)"),
                    );
                    break;
                }
                steps += 1;
                if steps > parents.len() {
                    break; // a cycle not through `id`; reported for its own members
                }
                cur = index.get(p).copied().flatten();
            }
        }
    }
}

fn ids_of<'a, T>(items: &'a [T], collection: &str, id: impl Fn(&'a T) -> &'a str) -> Vec<(String, &'a str)> {
    items.iter().enumerate().map(|(i, x)| (format!("{collection}[{i}].id"), id(x))).collect()
}

#[allow(clippy::too_many_lines)] // one pass over the document, section by section
pub(super) fn validate(ds: &Dataset) -> ValidationReport {
    let empty = Ids {
        regions: HashSet::new(),
        activities: HashSet::new(),
        actors: HashSet::new(),
        clusters: HashSet::new(),
        programmes: HashSet::new(),
        projects: HashSet::new(),
        strategies: HashSet::new(),
        measures: HashSet::new(),
        indicators: HashSet::new(),
    };
    let mut c = Checker { problems: Vec::new(), ids: empty };

    // Countries: valid and unique codes (EL and GR count as the same country).
    let mut seen_countries: HashMap<&str, usize> = HashMap::new();
    for (i, country) in ds.countries.iter().enumerate() {
        match canonical_country(&country.code) {
            None => c.country(|| format!("countries[{i}].code"), &country.code),
            Some(iso) => {
                if let Some(first) = seen_countries.insert(iso, i) {
                    c.push(
                        format!("countries[{i}].code"),
                        ProblemKind::DuplicateId,
                        format!("country `{}` is listed twice (also at countries[{first}])", country.code),
                    );
                }
            }
        }
    }

    // Id registries first, so that references can point forwards.
    c.ids.regions = c.unique("regions", "region", ids_of(&ds.regions, "regions", |r| &r.id));
    c.ids.activities = c.unique("activities", "activity", ids_of(&ds.activities, "activities", |a| &a.id));
    c.ids.actors = c.unique("actors", "actor", ids_of(&ds.actors, "actors", |a| &a.id));
    c.ids.clusters = c.unique("clusters", "cluster", ids_of(&ds.clusters, "clusters", |a| &a.id));
    c.ids.programmes = c.unique("programmes", "programme", ids_of(&ds.programmes, "programmes", |a| &a.id));
    c.ids.projects = c.unique("projects", "project", ids_of(&ds.projects, "projects", |a| &a.id));
    c.ids.indicators = c.unique("indicators", "indicator", ids_of(&ds.indicators, "indicators", |a| &a.id));
    c.ids.strategies = c.unique("strategies", "strategy", ids_of(&ds.strategies, "strategies", |a| &a.id));
    let measure_ids: Vec<(String, &str)> = ds
        .strategies
        .iter()
        .enumerate()
        .flat_map(|(s, st)| {
            st.measures
                .iter()
                .enumerate()
                .map(move |(m, x)| (format!("strategies[{s}].measures[{m}].id"), x.id.as_str()))
        })
        .collect();
    c.ids.measures = c.unique("strategies", "measure", measure_ids);
    let priority_ids: Vec<(String, &str)> = ds
        .strategies
        .iter()
        .enumerate()
        .flat_map(|(s, st)| {
            st.priorities
                .iter()
                .enumerate()
                .map(move |(m, x)| (format!("strategies[{s}].priorities[{m}].id"), x.id.as_str()))
        })
        .collect();
    c.unique("strategies", "priority", priority_ids);

    for (i, r) in ds.regions.iter().enumerate() {
        c.country(|| format!("regions[{i}].country"), &r.country);
        if let Some(p) = &r.parent {
            c.region(|| format!("regions[{i}].parent"), p);
        }
        if let Some(pt) = r.centroid {
            if !(pt.lat.is_finite() && (-90.0..=90.0).contains(&pt.lat)) {
                c.invalid(format!("regions[{i}].centroid.lat"), format!("latitude {} is outside -90..90", pt.lat));
            }
            if !(pt.lon.is_finite() && (-180.0..=180.0).contains(&pt.lon)) {
                c.invalid(format!("regions[{i}].centroid.lon"), format!("longitude {} is outside -180..180", pt.lon));
            }
        }
        if let Some(pop) = r.population {
            c.amount(|| format!("regions[{i}].population"), "population", pop);
        }
    }
    let region_parents: Vec<(&str, Option<&str>)> =
        ds.regions.iter().map(|r| (r.id.as_str(), r.parent.as_deref())).collect();
    c.parent_cycles("regions", &region_parents);

    for (i, a) in ds.activities.iter().enumerate() {
        if let Some(p) = &a.parent {
            c.activity(|| format!("activities[{i}].parent"), p);
        }
    }
    let activity_parents: Vec<(&str, Option<&str>)> =
        ds.activities.iter().map(|r| (r.id.as_str(), r.parent.as_deref())).collect();
    c.parent_cycles("activities", &activity_parents);

    for (i, a) in ds.actors.iter().enumerate() {
        c.country(|| format!("actors[{i}].country"), &a.country);
        if let Some(r) = &a.region {
            c.region(|| format!("actors[{i}].region"), r);
        }
        for (j, act) in a.activities.iter().enumerate() {
            c.activity(|| format!("actors[{i}].activities[{j}]"), act);
        }
    }

    for (i, cl) in ds.clusters.iter().enumerate() {
        for (j, r) in cl.regions.iter().enumerate() {
            c.region(|| format!("clusters[{i}].regions[{j}]"), r);
        }
        for (j, a) in cl.activities.iter().enumerate() {
            c.activity(|| format!("clusters[{i}].activities[{j}]"), a);
        }
        for (j, m) in cl.members.iter().enumerate() {
            c.actor(|| format!("clusters[{i}].members[{j}]"), m);
        }
        if let Some(m) = &cl.manager {
            c.actor(|| format!("clusters[{i}].manager"), m);
        }
    }

    for (i, p) in ds.programmes.iter().enumerate() {
        if let Some(per) = &p.period {
            c.period(|| format!("programmes[{i}].period"), *per);
        }
        for (j, r) in p.area.iter().enumerate() {
            c.region(|| format!("programmes[{i}].area[{j}]"), r);
        }
        if let Some(b) = p.budget {
            c.amount(|| format!("programmes[{i}].budget"), "budget", b);
        }
    }

    for (i, p) in ds.projects.iter().enumerate() {
        check_project(&mut c, i, p);
    }

    for (i, s) in ds.strategies.iter().enumerate() {
        let base = format!("strategies[{i}]");
        match s.owner.kind {
            SubjectKind::Region | SubjectKind::Cluster => c.subject(|| format!("{base}.owner"), &s.owner),
            other => c.invalid(
                format!("{base}.owner.kind"),
                format!("a strategy is owned by a region or a cluster, not a {}", other.as_str()),
            ),
        }
        c.period(|| format!("{base}.period"), s.period);
        for (j, pr) in s.priorities.iter().enumerate() {
            for (k, a) in pr.activities.iter().enumerate() {
                c.activity(|| format!("{base}.priorities[{j}].activities[{k}]"), a);
            }
        }
        let priorities: HashSet<&str> = s.priorities.iter().map(|p| p.id.as_str()).collect();
        let objectives = c.unique(
            &format!("{base}.objectives"),
            "objective",
            ids_of(&s.objectives, &format!("{base}.objectives"), |o| &o.id),
        );
        for (j, o) in s.objectives.iter().enumerate() {
            if let Some(p) = &o.priority {
                let known = priorities.contains(p.as_str());
                c.reference(|| format!("{base}.objectives[{j}].priority"), "priority of this strategy", p, known);
            }
        }
        let measures: HashSet<&str> = s.measures.iter().map(|m| m.id.as_str()).collect();
        for (j, m) in s.measures.iter().enumerate() {
            if let Some(o) = &m.objective {
                let known = objectives.contains(o.as_str());
                c.reference(|| format!("{base}.measures[{j}].objective"), "objective of this strategy", o, known);
            }
            if let Some(b) = m.budget {
                c.amount(|| format!("{base}.measures[{j}].budget"), "budget", b);
            }
            if let Some(per) = &m.period {
                c.period(|| format!("{base}.measures[{j}].period"), *per);
            }
        }
        for (j, t) in s.targets.iter().enumerate() {
            let tp = format!("{base}.targets[{j}]");
            c.indicator(|| format!("{tp}.indicator"), &t.indicator);
            if let Some(m) = &t.measure {
                let known = measures.contains(m.as_str());
                c.reference(|| format!("{tp}.measure"), "measure of this strategy", m, known);
            }
            c.finite(|| format!("{tp}.baseline"), "baseline", t.baseline);
            c.finite(|| format!("{tp}.target"), "target", t.target);
            if t.target_year < t.baseline_year {
                c.push(
                    format!("{tp}.target_year"),
                    ProblemKind::EndBeforeStart,
                    format!("target year {} lies before baseline year {}", t.target_year, t.baseline_year),
                );
            }
        }
    }

    let mut seen_obs: HashMap<(&str, SubjectKind, &str, Option<&str>, i32), usize> = HashMap::new();
    for (i, o) in ds.observations.iter().enumerate() {
        c.indicator(|| format!("observations[{i}].indicator"), &o.indicator);
        c.subject(|| format!("observations[{i}].subject"), &o.subject);
        if let Some(a) = &o.activity {
            c.activity(|| format!("observations[{i}].activity"), a);
        }
        c.finite(|| format!("observations[{i}].value"), "value", o.value);
        let key = (o.indicator.as_str(), o.subject.kind, o.subject.id.as_str(), o.activity.as_deref(), o.year);
        if let Some(first) = seen_obs.insert(key, i) {
            c.push(
                format!("observations[{i}]"),
                ProblemKind::DuplicateId,
                format!(
                    "second value of `{}` for {} `{}`{} in {} (first at observations[{first}])",
                    o.indicator,
                    o.subject.kind.as_str(),
                    o.subject.id,
                    o.activity.as_ref().map(|a| format!(", activity `{a}`")).unwrap_or_default(),
                    o.year
                ),
            );
        }
    }

    c.unique("evidence", "evidence", ids_of(&ds.evidence, "evidence", |e| &e.id));
    for (i, e) in ds.evidence.iter().enumerate() {
        for (j, s) in e.concerns.iter().enumerate() {
            c.subject(|| format!("evidence[{i}].concerns[{j}]"), s);
        }
        if let Some(eff) = &e.effect {
            if let Some(ind) = &eff.indicator {
                c.indicator(|| format!("evidence[{i}].effect.indicator"), ind);
            }
            c.finite(|| format!("evidence[{i}].effect.estimate"), "effect estimate", eff.estimate);
            if let Some(se) = eff.std_error {
                c.amount(|| format!("evidence[{i}].effect.std_error"), "standard error", se);
            }
        }
    }

    c.unique("scenarios", "scenario", ids_of(&ds.scenarios, "scenarios", |e| &e.id));
    let mut prob_sum = 0.0;
    let mut all_have_prob = !ds.scenarios.is_empty();
    for (i, s) in ds.scenarios.iter().enumerate() {
        match s.probability {
            Some(p) if !p.is_finite() || !(0.0..=1.0).contains(&p) => {
                c.invalid(format!("scenarios[{i}].probability"), format!("probability {p} is outside 0..1"));
                all_have_prob = false;
            }
            Some(p) => prob_sum += p,
            None => all_have_prob = false,
        }
        for (j, a) in s.assumptions.iter().enumerate() {
            let ap = format!("scenarios[{i}].assumptions[{j}]");
            c.indicator(|| format!("{ap}.indicator"), &a.indicator);
            if let Some(sub) = &a.subject {
                c.subject(|| format!("{ap}.subject"), sub);
            }
            if let Some(act) = &a.activity {
                c.activity(|| format!("{ap}.activity"), act);
            }
            c.finite(|| format!("{ap}.shift"), "shift", a.shift);
        }
    }
    if all_have_prob && (prob_sum - 1.0).abs() > 1e-6 {
        c.push(
            "scenarios".to_owned(),
            ProblemKind::SharesDoNotAddUp,
            format!("scenario probabilities add up to {prob_sum}, not 1"),
        );
    }

    let mut problems = c.problems;
    problems.sort_by_key(|p| entity_position(&p.path));
    ValidationReport { problems }
}

/// Top-level collections in the order of the document (the fields of [`Dataset`]).
const SECTIONS: [&str; 13] = [
    "countries",
    "regions",
    "activities",
    "actors",
    "clusters",
    "programmes",
    "projects",
    "indicators",
    "strategies",
    "observations",
    "evidence",
    "scenarios",
    "attributes",
];

/// Sort key that puts problems in document order by entity: the top-level collection, then
/// the entity's index (problems about a whole collection, like `scenarios`, come last).
fn entity_position(path: &str) -> (usize, usize) {
    let head = path.split('.').next().unwrap_or(path);
    let (name, index) = match head.split_once('[') {
        Some((name, rest)) => (name, rest.trim_end_matches(']').parse().unwrap_or(usize::MAX)),
        None => (head, usize::MAX),
    };
    (SECTIONS.iter().position(|s| *s == name).unwrap_or(SECTIONS.len()), index)
}

#[allow(clippy::too_many_lines)]
fn check_project(c: &mut Checker<'_>, i: usize, p: &super::project::Project) {
    let base = format!("projects[{i}]");
    if let Some(prog) = &p.programme {
        let known = c.ids.programmes.contains(prog.as_str());
        c.reference(|| format!("{base}.programme"), "programme", prog, known);
    }
    if let Some(per) = &p.period {
        c.period(|| format!("{base}.period"), *per);
    }
    c.dates(|| format!("{base}.end"), p.start, p.end);
    if let Some(b) = p.budget {
        c.amount(|| format!("{base}.budget"), "budget", b);
    }
    for (j, a) in p.activities.iter().enumerate() {
        c.activity(|| format!("{base}.activities[{j}]"), a);
    }

    let mut partners: HashMap<&str, usize> = HashMap::new();
    let mut leads = 0usize;
    let mut budget_sum = 0.0;
    let mut all_budgets = !p.partners.is_empty();
    for (j, pa) in p.partners.iter().enumerate() {
        let pp = format!("{base}.partners[{j}]");
        c.actor(|| format!("{pp}.actor"), &pa.actor);
        if let Some(first) = partners.insert(pa.actor.as_str(), j) {
            c.push(
                format!("{pp}.actor"),
                ProblemKind::DuplicateId,
                format!("actor `{}` is a partner twice (also at partners[{first}])", pa.actor),
            );
        }
        if pa.role == PartnerRole::Lead {
            leads += 1;
            if leads == 2 {
                c.invalid(format!("{pp}.role"), "a project has at most one lead partner".to_owned());
            }
        }
        match pa.budget {
            Some(b) => {
                c.amount(|| format!("{pp}.budget"), "budget", b);
                budget_sum += b;
            }
            None => all_budgets = false,
        }
        if let Some(contr) = pa.contribution {
            c.amount(|| format!("{pp}.contribution"), "contribution", contr);
            if let Some(b) = pa.budget
                && contr.is_finite()
                && b.is_finite()
                && contr > b + 0.01
            {
                c.invalid(
                    format!("{pp}.contribution"),
                    format!("contribution {contr} exceeds the partner's budget {b}"),
                );
            }
        }
    }
    if let Some(total) = p.budget
        && all_budgets
        && total.is_finite()
        && budget_sum.is_finite()
        && !shares_match(budget_sum, total)
    {
        c.push(
            format!("{base}.partners"),
            ProblemKind::SharesDoNotAddUp,
            format!("partner budgets add up to {budget_sum}, not to the project budget {total}"),
        );
    }

    let wps = c.unique(
        &format!("{base}.work_packages"),
        "work package",
        ids_of(&p.work_packages, &format!("{base}.work_packages"), |w| &w.id),
    );
    let mut wp_sum = 0.0;
    let mut all_wp_budgets = !p.work_packages.is_empty();
    for (j, wp) in p.work_packages.iter().enumerate() {
        let wpp = format!("{base}.work_packages[{j}]");
        if let Some(l) = &wp.lead {
            let known = partners.contains_key(l.as_str());
            c.reference(|| format!("{wpp}.lead"), "partner of this project", l, known);
        }
        match wp.budget {
            Some(b) => {
                c.amount(|| format!("{wpp}.budget"), "budget", b);
                wp_sum += b;
            }
            None => all_wp_budgets = false,
        }
        c.unique(
            &format!("{wpp}.deliverables"),
            "deliverable",
            ids_of(&wp.deliverables, &format!("{wpp}.deliverables"), |d| &d.id),
        );
    }
    if let Some(total) = p.budget
        && all_wp_budgets
        && total.is_finite()
        && wp_sum.is_finite()
        && !shares_match(wp_sum, total)
    {
        c.push(
            format!("{base}.work_packages"),
            ProblemKind::SharesDoNotAddUp,
            format!("work-package budgets add up to {wp_sum}, not to the project budget {total}"),
        );
    }

    for (j, s) in p.spending.iter().enumerate() {
        let sp = format!("{base}.spending[{j}]");
        if let Some(pa) = &s.partner {
            let known = partners.contains_key(pa.as_str());
            c.reference(|| format!("{sp}.partner"), "partner of this project", pa, known);
        }
        if let Some(w) = &s.work_package {
            let known = wps.contains(w.as_str());
            c.reference(|| format!("{sp}.work_package"), "work package of this project", w, known);
        }
        c.amount(|| format!("{sp}.amount"), "amount", s.amount);
        c.dates(|| format!("{sp}.to"), s.from, s.to);
    }

    c.unique(
        &format!("{base}.communication"),
        "communication activity",
        ids_of(&p.communication, &format!("{base}.communication"), |x| &x.id),
    );
    for (j, ca) in p.communication.iter().enumerate() {
        let cp = format!("{base}.communication[{j}]");
        c.amount(|| format!("{cp}.planned_reach"), "planned reach", ca.planned_reach);
        if let Some(a) = ca.achieved_reach {
            c.amount(|| format!("{cp}.achieved_reach"), "achieved reach", a);
        }
    }
}
