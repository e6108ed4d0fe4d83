//! Indicators, smart-specialisation and cluster strategies, their monitoring observations,
//! evidence for strategy learning, and foresight scenarios.

use super::actors::{Organisations, place};
use super::draw::{Rng, chance, int, lognormal, normal, pick, round_to, split_units, uniform, weighted};
use super::economy::Economy;
use super::geo::{BASIC_REGIONS, COUNTRIES};
use super::nace::unit_of;
use super::themes::{SCENARIOS, THEMES};
use crate::model::{
    Assumption, Direction, Effect, Evidence, EvidenceKind, Indicator, Measure, Objective, Observation, Period,
    Priority, Quality, Scenario, ShiftKind, Source, Strategy, SubjectKind, SubjectRef, Target,
};

/// The indicators: `(id, name, unit, direction, definition)`.
const INDICATORS: [(&str, &str, &str, Direction, &str); 7] = [
    (
        "employment",
        "Persons employed",
        "persons",
        Direction::Increase,
        "Persons employed at the place of work, by NACE Rev. 2 activity (concept of Eurostat LFS / SBS); synthetic values",
    ),
    (
        "gva",
        "Gross value added",
        "EUR million",
        Direction::Increase,
        "Gross value added at basic prices, current prices (concept of Eurostat nama_10r_3gva); synthetic values",
    ),
    (
        "exports",
        "Exports of goods and services",
        "EUR million",
        Direction::Increase,
        "Exports of goods and services of the region's firms; synthetic values",
    ),
    (
        "patent_applications",
        "Patent applications to the EPO",
        "count",
        Direction::Increase,
        "Patent applications to the European Patent Office by inventor's region (concept of Eurostat pat_ep_rtot); synthetic values",
    ),
    (
        "rd_expenditure",
        "R&D expenditure",
        "% of GDP",
        Direction::Increase,
        "Gross domestic expenditure on R&D as a share of GDP (concept of Eurostat rd_e_gerdreg); synthetic values",
    ),
    (
        "cluster_membership",
        "Cluster membership",
        "organisations",
        Direction::Increase,
        "Member organisations of a cluster organisation; synthetic values",
    ),
    (
        "firms_supported",
        "Enterprises receiving support",
        "enterprises",
        Direction::Increase,
        "Number of enterprises receiving support (ERDF common output indicator CO01), cumulative; synthetic values",
    ),
];

/// All indicators.
pub(super) fn indicators() -> Vec<Indicator> {
    INDICATORS
        .iter()
        .map(|(id, name, unit, dir, def)| {
            let mut i = Indicator::new(*id, *name, *unit, *dir);
            i.definition = Some((*def).to_owned());
            i
        })
        .collect()
}

/// Instruments of measures with the median cost per supported enterprise in EUR
/// (assumption, the order of magnitude of ERDF business-support programmes).
const INSTRUMENTS: [(&str, &str, f64); 7] = [
    ("grant", "Innovation grants", 60_000.0),
    ("voucher", "Innovation vouchers", 8_000.0),
    ("cluster support", "Cluster development support", 15_000.0),
    ("joint research call", "Joint research call", 120_000.0),
    ("training", "Skills and training programme", 5_000.0),
    ("loan guarantee", "Loan guarantee fund", 90_000.0),
    ("public procurement of innovation", "Public procurement of innovation", 150_000.0),
];

const OBJECTIVES: [&str; 3] = [
    "Raise business R&D and innovation in {}",
    "Grow exports and value added of {}",
    "Build skills and cooperation in {}",
];

/// A strategy with the facts the evidence part needs about its measures.
pub(super) struct Strategies {
    /// The strategies.
    pub(super) strategies: Vec<Strategy>,
    /// Monitoring observations (`firms_supported` per measure and year).
    pub(super) observations: Vec<Observation>,
}

/// The region's baseline year index for a strategy period.
fn baseline(econ: &Economy, period: Period) -> (usize, i32) {
    let y = econ.year_at_or_before(period.start_year);
    (y, econ.years.get(y).copied().unwrap_or(period.start_year))
}

/// Themes ranked for a region by [`Economy::theme_score`] times the theme's prior and lognormal noise (log-sd
/// 0.25), strongest first, only themes with employment in their core unit.
fn ranked_themes(rng: &mut Rng, econ: &Economy, r: usize, y: usize) -> Vec<usize> {
    let mut scored: Vec<(usize, f64)> = THEMES
        .iter()
        .enumerate()
        .filter_map(|(t, th)| {
            let score = econ.theme_score(r, y, unit_of(th.activities[0])) * th.prior;
            (score > 0.0).then_some((t, score))
        })
        .collect();
    for s in &mut scored {
        s.1 *= lognormal(rng, 1.0, 0.25);
    }
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scored.into_iter().map(|(t, _)| t).collect()
}

struct StrategyDraft {
    id: String,
    period: Period,
    /// Budget scale of measures in EUR (median).
    measure_scale: f64,
}

/// Priorities, objectives and measures for the chosen themes, plus measure-level targets.
fn content(
    rng: &mut Rng,
    d: &StrategyDraft,
    themes: &[usize],
    s: &mut Strategy,
    obs: &mut Vec<Observation>,
    years: &[i32],
) {
    let mut n_obj = 0;
    let mut n_meas = 0;
    for (k, &t) in themes.iter().enumerate() {
        let theme = &THEMES[t];
        let pid = format!("{}-P{}", d.id, k + 1);
        s.priorities.push(Priority {
            id: pid.clone(),
            name: theme.label.to_owned(),
            activities: theme.activities.iter().map(|a| (*a).to_owned()).collect(),
            domain: Some(theme.domain.to_owned()),
        });
        let n_o = int(rng, 1, 2);
        let first = int(rng, 0, OBJECTIVES.len() - 1);
        for j in 0..n_o {
            n_obj += 1;
            let oid = format!("{}-O{n_obj}", d.id);
            let template = OBJECTIVES[(first + j) % OBJECTIVES.len()];
            s.objectives.push(Objective {
                id: oid.clone(),
                description: template.replace("{}", &theme.lower()),
                priority: Some(pid.clone()),
            });
            for _ in 0..int(rng, 1, 2) {
                n_meas += 1;
                let mid = format!("{}-M{n_meas}", d.id);
                let (instrument, title, cost) = *pick(rng, &INSTRUMENTS).unwrap_or(&INSTRUMENTS[0]);
                let budget = round_to(lognormal(rng, d.measure_scale, 0.7), -3).max(50_000.0);
                let start = d.period.start_year + int(rng, 0, 1) as i32;
                let period = Period { start_year: start.min(d.period.end_year), end_year: d.period.end_year };
                let firms = (budget / lognormal(rng, cost, 0.4)).round().max(5.0);
                s.measures.push(Measure {
                    id: mid.clone(),
                    name: format!("{title} for {}", theme.lower()),
                    objective: Some(oid.clone()),
                    instrument: Some(instrument.to_owned()),
                    budget: Some(budget),
                    period: Some(period),
                });
                s.targets.push(Target {
                    indicator: "firms_supported".to_owned(),
                    measure: Some(mid.clone()),
                    baseline: 0.0,
                    baseline_year: period.start_year,
                    target: firms,
                    target_year: period.end_year,
                });
                let span = f64::from(period.end_year - period.start_year + 1);
                for &year in years.iter().filter(|y| period.contains(**y)) {
                    let progress =
                        (f64::from(year - period.start_year + 1) / span * lognormal(rng, 0.9, 0.25)).min(1.3);
                    obs.push(Observation::new(
                        "firms_supported",
                        SubjectRef::measure(&mid),
                        year,
                        (firms * progress).round(),
                    ));
                }
            }
        }
    }
}

fn value(obs: &[Observation], indicator: &str, kind: SubjectKind, id: &str, year: i32) -> Option<f64> {
    obs.iter()
        .find(|o| {
            o.indicator == indicator
                && o.subject.kind == kind
                && o.subject.id == id
                && o.year == year
                && o.activity.is_none()
        })
        .map(|o| o.value)
}

/// One smart-specialisation strategy per country, owned by the country's basic region with
/// the most employment, then `n_cluster` cluster strategies for the largest clusters.
pub(super) fn build(
    rng: &mut Rng,
    econ: &Economy,
    orgs: &Organisations,
    region_obs: &[Observation],
    cluster_obs: &[Observation],
    n_cluster: usize,
) -> Strategies {
    let mut strategies = Vec::new();
    let mut obs = Vec::new();
    for c in &COUNTRIES {
        let period = if c.accession.is_some_and(|y| y <= 2013) {
            Period { start_year: 2014, end_year: 2020 }
        } else {
            Period { start_year: 2021, end_year: 2027 }
        };
        let (y, base_year) = baseline(econ, period);
        let Some(r) = (0..BASIC_REGIONS.len())
            .filter(|&r| BASIC_REGIONS[r].country == c.code)
            .max_by(|&a, &b| econ.total(a, y).total_cmp(&econ.total(b, y)).then(b.cmp(&a)))
        else {
            continue;
        };
        let region = &BASIC_REGIONS[r];
        let id = format!("S3-{}", c.code);
        let scope = if matches!(c.code, "AT" | "IT") { "regional" } else { "national" };
        let mut s = Strategy {
            id: id.clone(),
            name: format!(
                "Smart specialisation strategy of {} {}-{} (synthetic)",
                if scope == "regional" { region.name } else { c.name },
                period.start_year,
                period.end_year
            ),
            owner: SubjectRef::region(region.id),
            period,
            priorities: Vec::new(),
            objectives: Vec::new(),
            measures: Vec::new(),
            targets: Vec::new(),
            attributes: crate::model::Attributes::new(),
        };
        s.attributes.insert("scope".to_owned(), serde_json::Value::from(scope));
        let n = int(rng, 3, 5);
        let themes: Vec<usize> = ranked_themes(rng, econ, r, y).into_iter().take(n).collect();
        let scale = 2.0e6 * (region.size_prior / 1000.0).sqrt();
        let d = StrategyDraft { id, period, measure_scale: scale };
        content(rng, &d, &themes, &mut s, &mut obs, &econ.years);
        let target_year = period.end_year.max(base_year);
        let total = econ.total(r, y);
        let mut push = |indicator: &str, baseline: f64, target: f64| {
            s.targets.push(Target {
                indicator: indicator.to_owned(),
                measure: None,
                baseline,
                baseline_year: base_year,
                target,
                target_year,
            });
        };
        push("employment", total, (total * uniform(rng, 1.02, 1.08)).round());
        for (ind, lo, hi, decimals, additive) in [
            ("rd_expenditure", 0.2, 0.6, 2, true),
            ("patent_applications", 1.3, 1.6, 0, false),
            ("exports", 1.2, 1.4, 1, false),
        ] {
            if let Some(b) = value(region_obs, ind, SubjectKind::Region, region.id, base_year) {
                let t = if additive { b + uniform(rng, lo, hi) } else { b * uniform(rng, lo, hi) };
                push(ind, b, round_to(t, decimals));
            }
        }
        strategies.push(s);
    }

    // Cluster strategies for the clusters with most members.
    let mut order: Vec<usize> = (0..orgs.clusters.len()).collect();
    order.sort_by(|&a, &b| orgs.clusters[b].members.len().cmp(&orgs.clusters[a].members.len()).then(a.cmp(&b)));
    for &c in order.iter().take(n_cluster) {
        let cl = &orgs.clusters[c];
        let period = Period { start_year: 2021, end_year: 2027 };
        let (_, base_year) = baseline(econ, period);
        let id = format!("CS-{}", cl.id);
        let mut s = Strategy {
            id: id.clone(),
            name: format!("Cluster strategy 2021-2027 of {}", cl.name),
            owner: SubjectRef::cluster(&cl.id),
            period,
            priorities: Vec::new(),
            objectives: Vec::new(),
            measures: Vec::new(),
            targets: Vec::new(),
            attributes: crate::model::Attributes::new(),
        };
        let main = orgs.cluster_themes.get(c).copied().unwrap_or(0);
        let second = (main + 1 + int(rng, 0, THEMES.len() - 2)) % THEMES.len();
        let d = StrategyDraft { id, period, measure_scale: 3.0e5 };
        content(rng, &d, &[main, second], &mut s, &mut obs, &econ.years);
        let b = value(cluster_obs, "cluster_membership", SubjectKind::Cluster, &cl.id, base_year).unwrap_or(0.0);
        s.targets.push(Target {
            indicator: "cluster_membership".to_owned(),
            measure: None,
            baseline: b,
            baseline_year: base_year,
            target: (b * uniform(rng, 1.2, 1.6)).round().max(b + 3.0),
            target_year: period.end_year.max(base_year),
        });
        strategies.push(s);
    }
    Strategies { strategies, observations: obs }
}

/// Members of each cluster per observation year since its founding: the current count in
/// the last year, fewer before (assumption: 5 % fewer per year back, at least 3).
pub(super) fn cluster_observations(econ: &Economy, orgs: &Organisations) -> Vec<Observation> {
    let last = econ.years.last().copied().unwrap_or(2021);
    let mut out = Vec::new();
    for cl in &orgs.clusters {
        let now = cl.members.len() as f64;
        for &year in &econ.years {
            if cl.founded.is_some_and(|f| f <= year) {
                let back = f64::from(last - year).max(0.0);
                let v = (now * (1.0 - 0.05 * back)).round().max(3.0_f64.min(now));
                out.push(Observation::new("cluster_membership", SubjectRef::cluster(&cl.id), year, v));
            }
        }
    }
    out
}

/// GRADE quality shares per evidence kind: very low, low, moderate, high (assumption:
/// evaluations with comparison groups are a minority; workshops and visits are opinion).
const QUALITY: [(EvidenceKind, [f64; 4]); 5] = [
    (EvidenceKind::Evaluation, [0.10, 0.30, 0.40, 0.20]),
    (EvidenceKind::PilotEvaluation, [0.15, 0.40, 0.35, 0.10]),
    (EvidenceKind::ForesightWorkshop, [0.50, 0.50, 0.0, 0.0]),
    (EvidenceKind::StudyVisit, [0.60, 0.40, 0.0, 0.0]),
    (EvidenceKind::Guideline, [0.0, 0.50, 0.50, 0.0]),
];

/// Relative standard error of an estimate by quality (assumption).
fn relative_se(q: Quality) -> f64 {
    match q {
        Quality::High => 0.15,
        Quality::Moderate => 0.3,
        Quality::Low => 0.5,
        Quality::VeryLow => 0.8,
    }
}

/// Evidence items cycling through the five kinds, none dated after `latest`.
pub(super) fn evidence(
    rng: &mut Rng,
    seed: u64,
    latest: i32,
    st: &[Strategy],
    orgs: &Organisations,
    n: usize,
) -> Vec<Evidence> {
    let measures: Vec<(&Strategy, &Measure)> = st.iter().flat_map(|s| s.measures.iter().map(move |m| (s, m))).collect();
    let kinds = [
        EvidenceKind::Evaluation,
        EvidenceKind::PilotEvaluation,
        EvidenceKind::ForesightWorkshop,
        EvidenceKind::StudyVisit,
        EvidenceKind::Guideline,
    ];
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let id = format!("EV-{:03}", i + 1);
        let kind = kinds[i % kinds.len()];
        let shares = QUALITY.iter().find(|(k, _)| *k == kind).map_or([0.25; 4], |(_, s)| *s);
        let quality =
            [Quality::VeryLow, Quality::Low, Quality::Moderate, Quality::High][weighted(rng, &shares).unwrap_or(1)];
        let rse = relative_se(quality);
        let (concerns, year, summary, effect) = match kind {
            EvidenceKind::Evaluation | EvidenceKind::PilotEvaluation if !measures.is_empty() => {
                let (s, m) = measures[int(rng, 0, measures.len() - 1)];
                let period = m.period.unwrap_or(s.period);
                let pilot = kind == EvidenceKind::PilotEvaluation;
                let scale = if pilot { 0.1 } else { 1.0 };
                // jobs: budget / cost per job (lognormal, median EUR 50 000, log-sd 0.5)
                let jobs = m.budget.unwrap_or(1.0e6) * scale / lognormal(rng, 50_000.0, 0.5);
                let estimate = round_to(jobs * lognormal(rng, 1.0, 0.3), 1);
                // mid-term or ex-post evaluation, not after `latest` nor before the measure starts
                let year = (period.start_year + 3 + int(rng, 0, 2) as i32)
                    .min(period.end_year + 2)
                    .min(latest)
                    .max(period.start_year);
                let what = if pilot { "A pilot of" } else { "An evaluation of" };
                let summary =
                    format!("{what} `{}` estimates about {estimate:.0} additional jobs in supported firms.", m.name);
                let effect = Effect {
                    indicator: Some("employment".to_owned()),
                    estimate,
                    std_error: Some(round_to(estimate.abs() * rse, 1)),
                };
                (vec![SubjectRef::measure(&m.id), s.owner.clone()], year, summary, effect)
            }
            EvidenceKind::StudyVisit if orgs.clusters.len() >= 2 => {
                let a = int(rng, 0, orgs.clusters.len() - 1);
                let b = (a + 1 + int(rng, 0, orgs.clusters.len() - 2)) % orgs.clusters.len();
                let (ca, cb) = (&orgs.clusters[a], &orgs.clusters[b]);
                let estimate = round_to(normal(rng, 0.3, 0.2), 2);
                let summary = format!(
                    "A study visit of {} to {} found transferable practices in member services.",
                    cb.name, ca.name
                );
                let effect = Effect { indicator: None, estimate, std_error: Some(round_to(0.1 + 0.2 * rse, 2)) };
                let founded = ca.founded.unwrap_or(2010).max(cb.founded.unwrap_or(2010)).max(2010);
                let year = founded + int(rng, 0, (latest - founded).max(0) as usize) as i32;
                (vec![SubjectRef::cluster(&ca.id), SubjectRef::cluster(&cb.id)], year, summary, effect)
            }
            _ => {
                let r = int(rng, 0, BASIC_REGIONS.len() - 1);
                let foresight = kind == EvidenceKind::ForesightWorkshop;
                let estimate = round_to(if foresight { normal(rng, 0.4, 0.5) } else { normal(rng, 0.2, 0.15) }, 2);
                let summary = if foresight {
                    format!("A foresight workshop in {} rated the growth potential of its priorities.", place(r))
                } else {
                    format!("A good-practice guideline for cluster policy drawn from {} and its peers.", place(r))
                };
                let mut concerns = vec![SubjectRef::region(BASIC_REGIONS[r].id)];
                if let Some(cl) = orgs.clusters.iter().find(|c| c.regions.iter().any(|x| x == BASIC_REGIONS[r].id))
                    && (!foresight || chance(rng, 0.5))
                {
                    concerns.push(SubjectRef::cluster(&cl.id));
                }
                let effect = Effect { indicator: None, estimate, std_error: Some(round_to(0.1 + 0.3 * rse, 2)) };
                let year = 2012 + int(rng, 0, (latest - 2012).max(0) as usize) as i32;
                (concerns, year, summary, effect)
            }
        };
        out.push(Evidence {
            id: id.clone(),
            kind,
            concerns,
            year: Some(year),
            summary,
            effect: Some(effect),
            quality,
            source: Some(Source {
                citation: format!(
                    "Synthetic evidence record {id} generated by clusterpolicy::sample (seed {seed}); not a real publication"
                ),
                url: None,
            }),
            attributes: crate::model::Attributes::new(),
        });
    }
    out
}

/// The first `n` scenario narratives; probabilities are multiples of 1/64 drawn around the
/// narratives' prior weights (lognormal noise, log-sd 0.2), so they add up to exactly 1.
pub(super) fn scenarios(rng: &mut Rng, n: usize) -> Vec<Scenario> {
    let rows: Vec<_> = SCENARIOS.iter().take(n).collect();
    if rows.is_empty() {
        return Vec::new();
    }
    let weights: Vec<f64> = rows.iter().map(|r| r.3 * lognormal(rng, 1.0, 0.2)).collect();
    // one 1/64 each, the rest by weight: every scenario keeps a positive probability
    let units = split_units(64 - rows.len() as i64, &weights);
    rows.iter()
        .zip(units)
        .map(|(row, u)| {
            let (id, name, description, _, assumptions) = **row;
            Scenario {
                id: id.to_owned(),
                name: format!("{name} (synthetic)"),
                description: Some(description.to_owned()),
                probability: Some((u + 1) as f64 / 64.0),
                horizon: Some(2030),
                assumptions: assumptions
                    .iter()
                    .map(|&(indicator, activity, country, shift, relative)| Assumption {
                        indicator: indicator.to_owned(),
                        subject: country.map(|c| SubjectRef { kind: SubjectKind::Country, id: c.to_owned() }),
                        activity: activity.map(str::to_owned),
                        shift: round_to(shift * lognormal(rng, 1.0, 0.15), 3),
                        kind: if relative { ShiftKind::Relative } else { ShiftKind::Absolute },
                    })
                    .collect(),
            }
        })
        .collect()
}
