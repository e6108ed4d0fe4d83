//! The two real programmes and their synthetic transnational projects.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use super::actors::Organisations;
use super::draw::{
    Rng, add_days, add_months, chance, date, date_between, eur, gamma, int, lognormal, normal, pick, split_units,
    sub_days, uniform, weighted, weighted_distinct,
};
use super::geo::{BASIC_REGIONS, DANUBE_COUNTRIES, country_of};
use super::themes::THEMES;
use crate::model::{
    Attributes, CommunicationActivity, Deliverable, HelixKind, Partner, PartnerRole, Period, Programme, Project,
    SpendingReport, TargetGroup, WorkPackage,
};

/// Helix shares of financing partners (assumption, after the partner typology of
/// Interreg transnational projects on keep.eu: public authorities, research and business
/// support organisations dominate, firms are few). Order as in [`HelixKind::ALL`].
pub(super) const PARTNER_HELIX: [f64; 5] = [0.08, 0.25, 0.35, 0.10, 0.22];

/// Helix shares of lead partners (assumption: leads are public bodies, research
/// organisations or development agencies).
pub(super) const LEAD_HELIX: [f64; 5] = [0.0, 0.35, 0.40, 0.0, 0.25];

/// Consortium size (financing partners incl. lead): Normal(mean, sd), rounded, clamped to
/// 6-18 (assumption after the SEE project list, where most projects had 8-15 partners).
pub(super) const CONSORTIUM: (f64, f64) = (11.0, 2.5);

/// Number of partner countries: Normal(mean, sd), rounded, clamped to 5-12 and to the
/// consortium size (assumption; the programme required at least three countries, most
/// projects had partners from five or more).
pub(super) const COUNTRIES_PER_PROJECT: (f64, f64) = (7.0, 1.5);

/// Project budget in EUR: lognormal median and log-sd, clamped to 1-3 million (assumption
/// after the SEE project list, typical budgets EUR 1-3 million).
pub(super) const PROJECT_BUDGET: (f64, f64) = (1.8e6, 0.3);

/// ERDF / IPA co-financing rate of partner budgets in percent (fact: up to 85 % in both programmes).
pub(super) const CO_FINANCING_PERCENT: i64 = 85;

/// Share of its budget a partner has spent by the end (uniform range; assumption, after
/// typical Interreg absorption rates of 75-100 %).
pub(super) const ABSORPTION: (f64, f64) = (0.75, 1.0);

/// A programme: id, name, period, countries of its area (within the dataset), budget and notes.
struct ProgrammeSpec {
    id: &'static str,
    prefix: &'static str,
    name: &'static str,
    period: (i32, i32),
    start_window: ((i32, u32), (i32, u32)),
    region_word: &'static str,
    countries: &'static [&'static str],
    budget: f64,
    notes: &'static [(&'static str, &'static str)],
}

const SEE: ProgrammeSpec = ProgrammeSpec {
    id: "SEE-2007-2013",
    prefix: "SEE",
    name: "South East Europe Transnational Cooperation Programme 2007-2013",
    period: (2007, 2013),
    start_window: ((2009, 1), (2011, 6)),
    region_word: "South-East Europe",
    countries: &["AL", "AT", "BA", "BG", "HR", "EL", "HU", "IT", "MK", "MD", "ME", "RO", "RS", "SK", "SI", "UA"],
    budget: 245_100_000.0,
    notes: &[
        (
            "budget_note",
            "approximate total budget: ERDF EUR 206.7 million plus national co-financing (IPA and ENPI funds were added later)",
        ),
        (
            "source",
            "Operational Programme South-East Europe 2007-2013, CCI 2007CB163PO069, Commission Decision C(2007)6590 of 20 December 2007",
        ),
        ("projects", "the projects of this programme in the dataset are synthetic"),
    ],
};

const DTP: ProgrammeSpec = ProgrammeSpec {
    id: "DTP-2014-2020",
    prefix: "DTP",
    name: "Interreg Danube Transnational Programme 2014-2020",
    period: (2014, 2020),
    start_window: ((2017, 1), (2018, 7)),
    region_word: "the Danube region",
    countries: &DANUBE_COUNTRIES,
    budget: 274_578_077.0,
    notes: &[
        (
            "budget_note",
            "total programme budget: ERDF EUR 202 095 405, IPA II EUR 19 829 192, ENI EUR 10 000 000 and national co-financing",
        ),
        (
            "source",
            "Interreg Danube Transnational Programme 2014-2020, programme presentation (dtp.interreg-danube.eu)",
        ),
        (
            "area_note",
            "the programme area also covers Czechia and Baden-Württemberg and Bayern (DE), which this dataset does not hold",
        ),
        ("projects", "the projects of this programme in the dataset are synthetic"),
    ],
};

fn specs(danube: bool) -> Vec<&'static ProgrammeSpec> {
    if danube { vec![&SEE, &DTP] } else { vec![&SEE] }
}

/// The programmes: South East Europe 2007-2013, and the Danube programme 2014-2020 if asked.
pub(super) fn programmes(danube: bool) -> Vec<Programme> {
    specs(danube)
        .into_iter()
        .map(|s| {
            let mut attributes = Attributes::new();
            for (k, v) in s.notes {
                attributes.insert((*k).to_owned(), serde_json::Value::from(*v));
            }
            Programme {
                id: s.id.to_owned(),
                name: s.name.to_owned(),
                period: Some(Period { start_year: s.period.0, end_year: s.period.1 }),
                area: BASIC_REGIONS
                    .iter()
                    .filter(|r| s.countries.contains(&r.country))
                    .map(|r| r.id.to_owned())
                    .collect(),
                budget: Some(s.budget),
                currency: Some("EUR".to_owned()),
                attributes,
            }
        })
        .collect()
}

/// Actors by country, within a programme's area.
fn candidates<'a>(orgs: &'a Organisations, spec: &ProgrammeSpec) -> BTreeMap<&'a str, Vec<usize>> {
    let mut map: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, a) in orgs.actors.iter().enumerate() {
        if spec.countries.contains(&a.country.as_str()) {
            map.entry(a.country.as_str()).or_default().push(i);
        }
    }
    map
}

/// One actor of `pool` not yet taken: first a helix kind with probability proportional to
/// `shares` among the kinds still available, then a uniformly chosen actor of that kind
/// (any free actor if no weighted kind is left).
fn draw_actor(
    rng: &mut Rng,
    orgs: &Organisations,
    pool: &[usize],
    shares: &[f64; 5],
    taken: &BTreeSet<usize>,
) -> Option<usize> {
    let free: Vec<usize> = pool.iter().copied().filter(|i| !taken.contains(i)).collect();
    let of_kind =
        |h: HelixKind| -> Vec<usize> { free.iter().copied().filter(|&i| orgs.actors[i].helix == Some(h)).collect() };
    let weights: Vec<f64> =
        HelixKind::ALL.iter().zip(shares).map(|(&h, &w)| if of_kind(h).is_empty() { 0.0 } else { w }).collect();
    if let Some(k) = weighted(rng, &weights) {
        return pick(rng, &of_kind(HelixKind::ALL[k])).copied();
    }
    pick(rng, &free).copied()
}

/// Draws the consortium: lead first, then one partner per chosen country, then the rest.
fn consortium(
    rng: &mut Rng,
    orgs: &Organisations,
    pool: &BTreeMap<&str, Vec<usize>>,
) -> Option<(Vec<usize>, Vec<usize>)> {
    let eligible: Vec<&str> = pool.keys().copied().collect();
    let eu: Vec<&str> = eligible.iter().copied().filter(|c| country_of(c).is_some_and(|r| r.eu_2007)).collect();
    let lead_country = *pick(rng, if eu.is_empty() { &eligible } else { &eu })?;
    let mut taken = BTreeSet::new();
    let lead = draw_actor(rng, orgs, &pool[lead_country], &LEAD_HELIX, &taken)?;
    taken.insert(lead);
    let mut partners = vec![lead];
    let size = normal(rng, CONSORTIUM.0, CONSORTIUM.1).round().clamp(6.0, 18.0) as usize;
    let n_countries =
        (normal(rng, COUNTRIES_PER_PROJECT.0, COUNTRIES_PER_PROJECT.1).round().clamp(5.0, 12.0) as usize).min(size);
    let others: Vec<&str> = eligible.iter().copied().filter(|c| *c != lead_country).collect();
    let picked = weighted_distinct(rng, &vec![1.0; others.len()], n_countries.saturating_sub(1));
    let mut countries = vec![lead_country];
    countries.extend(picked.into_iter().map(|i| others[i]));
    for c in countries.iter().skip(1) {
        if let Some(a) = draw_actor(rng, orgs, &pool[c], &PARTNER_HELIX, &taken) {
            taken.insert(a);
            partners.push(a);
        }
    }
    let mut attempts = 0;
    while partners.len() < size && attempts < 10 * size {
        attempts += 1;
        let Some(c) = pick(rng, &countries) else { break };
        if let Some(a) = draw_actor(rng, orgs, &pool[c], &PARTNER_HELIX, &taken) {
            taken.insert(a);
            partners.push(a);
        }
    }
    let mut associated = Vec::new();
    if chance(rng, 0.4) {
        for _ in 0..int(rng, 1, 2) {
            let Some(c) = pick(rng, &eligible) else { break };
            if let Some(a) = draw_actor(rng, orgs, &pool[c], &[0.05, 0.1, 0.6, 0.1, 0.15], &taken) {
                taken.insert(a);
                associated.push(a);
            }
        }
    }
    Some((partners, associated))
}

const WP_TITLES: [&str; 6] = [
    "Project management and coordination",
    "Communication and dissemination",
    "Transnational analysis of {}",
    "Joint strategy and action plans for {}",
    "Pilot actions in {}",
    "Capitalisation and policy transfer",
];

const DELIVERABLES: [[&str; 3]; 6] = [
    ["Partnership agreement", "Progress report", "Final report"],
    ["Communication plan", "Project website", "Final conference"],
    ["Regional state-of-the-art reports", "Transnational benchmarking report", "Mapping of actors and value chains"],
    ["Joint transnational strategy", "Regional action plans", "Policy recommendations"],
    ["Pilot action plans", "Pilot implementation reports", "Pilot evaluation report"],
    ["Capitalisation plan", "Transferability toolkit", "Memorandum of understanding"],
];

/// `(kind, target group, median planned reach)` of communication activities (assumption).
const COMMUNICATION: [(&str, TargetGroup, f64); 8] = [
    ("conference", TargetGroup::PolicyMakers, 150.0),
    ("newsletter", TargetGroup::Businesses, 800.0),
    ("website", TargetGroup::GeneralPublic, 5000.0),
    ("study visit", TargetGroup::ClusterManagers, 25.0),
    ("workshop", TargetGroup::Researchers, 40.0),
    ("press release", TargetGroup::Media, 2000.0),
    ("policy brief", TargetGroup::PolicyMakers, 100.0),
    ("training", TargetGroup::Intermediaries, 30.0),
];

const TITLES: [&str; 4] = [
    "Transnational cooperation of {} clusters in {}",
    "Smart specialisation partnerships for {} in {}",
    "Innovation networks for {} SMEs in {}",
    "Joint capacity building for {} value chains in {}",
];

const ACRONYM_TAILS: [&str; 8] = ["NET", "LINK", "INNO", "CLUST", "BRIDGE", "PLUS", "HUB", "LAB"];

/// Months covered by a project, counting started months.
fn months_between(start: NaiveDate, end: NaiveDate) -> u32 {
    let m = (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32 + 1;
    m.max(1) as u32
}

struct Draft<'a> {
    spec: &'a ProgrammeSpec,
    theme: usize,
    start: NaiveDate,
    end: NaiveDate,
    partner_ids: Vec<String>,
    partner_cents: Vec<i64>,
}

fn work_packages(rng: &mut Rng, d: &Draft<'_>, total: i64) -> Vec<WorkPackage> {
    let label = THEMES[d.theme].lower();
    let k = int(rng, 4, 6);
    let chosen: Vec<usize> = (0..2).chain(2..k.min(WP_TITLES.len() - 1)).chain(std::iter::once(5)).take(k).collect();
    let weights: Vec<f64> = chosen
        .iter()
        .map(|&w| match w {
            0 => 0.12,
            1 => 0.10,
            _ => 0.78 / (k as f64 - 2.0) * gamma(rng, 8.0) / 8.0,
        })
        .collect();
    let budgets = split_units(total, &weights);
    let due_from = add_months(d.start, 3).min(d.end);
    chosen
        .iter()
        .enumerate()
        .map(|(n, &w)| {
            let lead = if n == 0 { d.partner_ids.first() } else { pick(rng, &d.partner_ids) };
            let mut dues: Vec<NaiveDate> = (0..int(rng, 1, 3)).map(|_| date_between(rng, due_from, d.end)).collect();
            dues.sort_unstable();
            let deliverables = dues
                .into_iter()
                .enumerate()
                .map(|(j, due)| {
                    let r = uniform(rng, 0.0, 1.0);
                    let delivered = if r < 0.75 {
                        Some(add_days(sub_days(due, 10), int(rng, 0, 55) as u64).max(d.start))
                    } else if r < 0.9 {
                        Some(add_days(due, int(rng, 30, 120) as u64))
                    } else {
                        None
                    };
                    Deliverable {
                        id: format!("D{}.{}", n + 1, j + 1),
                        title: DELIVERABLES[w][j % 3].to_owned(),
                        due: Some(due),
                        delivered,
                    }
                })
                .collect();
            WorkPackage {
                id: format!("WP{}", n + 1),
                title: WP_TITLES[w].replace("{}", &label),
                lead: lead.cloned(),
                budget: Some(eur(budgets.get(n).copied().unwrap_or(0))),
                deliverables,
            }
        })
        .collect()
}

fn spending(rng: &mut Rng, d: &Draft<'_>) -> Vec<SpendingReport> {
    let periods = months_between(d.start, d.end).div_ceil(6) as usize;
    let mut out = Vec::new();
    for (id, &cents) in d.partner_ids.iter().zip(&d.partner_cents) {
        if cents <= 0 {
            continue;
        }
        let spent = (cents as f64 * uniform(rng, ABSORPTION.0, ABSORPTION.1)).floor() as i64;
        let weights: Vec<f64> = (0..periods).map(|p| gamma(rng, 2.0) * (0.5 * (p + 1) as f64).min(1.0)).collect();
        for (p, amount) in split_units(spent.min(cents), &weights).into_iter().enumerate() {
            let from = add_months(d.start, 6 * p as u32).min(d.end);
            let to = sub_days(add_months(d.start, 6 * (p as u32 + 1)), 1).min(d.end);
            out.push(SpendingReport {
                period: p as u32 + 1,
                from: Some(from),
                to: Some(to),
                partner: Some(id.clone()),
                work_package: None,
                amount: eur(amount),
            });
        }
    }
    out
}

fn communication(rng: &mut Rng, d: &Draft<'_>) -> Vec<CommunicationActivity> {
    let k = int(rng, 3, 6);
    let mut idx = weighted_distinct(rng, &[1.0; COMMUNICATION.len()], k);
    idx.sort_unstable();
    idx.into_iter()
        .enumerate()
        .map(|(n, i)| {
            let (kind, target_group, median) = COMMUNICATION[i];
            let planned = lognormal(rng, median, 0.3).round().max(1.0);
            let achieved = chance(rng, 0.9).then(|| (planned * lognormal(rng, 0.95, 0.35)).round());
            CommunicationActivity {
                id: format!("C{}", n + 1),
                kind: kind.to_owned(),
                target_group,
                planned_reach: planned,
                achieved_reach: achieved,
                date: Some(date_between(rng, d.start, d.end)),
            }
        })
        .collect()
}

fn project(
    rng: &mut Rng,
    orgs: &Organisations,
    spec: &ProgrammeSpec,
    pool: &BTreeMap<&str, Vec<usize>>,
    number: usize,
    acronyms: &mut BTreeSet<String>,
) -> Option<Project> {
    let (partners, associated) = consortium(rng, orgs, pool)?;
    let theme = int(rng, 0, THEMES.len() - 1);
    let ((y0, m0), (y1, m1)) = spec.start_window;
    let start = date_between(rng, date(y0, m0, 1), date(y1, m1, 1));
    let start = date(start.year(), start.month(), 1);
    let end = sub_days(add_months(start, int(rng, 24, 36) as u32), 1).min(date(spec.period.1, 12, 31)).max(start);

    let total = (lognormal(rng, PROJECT_BUDGET.0, PROJECT_BUDGET.1).clamp(1.0e6, 3.0e6) * 100.0).round() as i64;
    let weights: Vec<f64> = (0..partners.len()).map(|k| gamma(rng, 4.0) * if k == 0 { 2.0 } else { 1.0 }).collect();
    let cents = split_units(total, &weights);
    let draft = Draft {
        spec,
        theme,
        start,
        end,
        partner_ids: partners.iter().map(|&i| orgs.actors[i].id.clone()).collect(),
        partner_cents: cents.clone(),
    };

    let mut p = Project::new(
        format!("{}-{number:03}", spec.prefix),
        format!(
            "{} (synthetic)",
            pick(rng, &TITLES).unwrap_or(&TITLES[0]).replacen("{}", &THEMES[theme].lower(), 1).replacen(
                "{}",
                draft.spec.region_word,
                1
            )
        ),
    );
    let tail = pick(rng, &ACRONYM_TAILS).copied().unwrap_or("NET");
    let mut acronym = format!("{}{tail}", THEMES[theme].code);
    let mut k = 2;
    while !acronyms.insert(acronym.clone()) {
        acronym = format!("{}{tail}{k}", THEMES[theme].code);
        k += 1;
    }
    p.acronym = Some(acronym);
    p.programme = Some(spec.id.to_owned());
    p.period = Some(Period { start_year: spec.period.0, end_year: spec.period.1 });
    p.start = Some(start);
    p.end = Some(end);
    p.budget = Some(eur(total));
    p.activities = THEMES[theme].activities.iter().map(|a| (*a).to_owned()).collect();
    p.partners = draft
        .partner_ids
        .iter()
        .zip(&cents)
        .enumerate()
        .map(|(k, (id, &c))| Partner {
            actor: id.clone(),
            role: if k == 0 { PartnerRole::Lead } else { PartnerRole::Partner },
            budget: Some(eur(c)),
            contribution: Some(eur((c * CO_FINANCING_PERCENT + 50) / 100)),
        })
        .chain(associated.iter().map(|&i| Partner {
            actor: orgs.actors[i].id.clone(),
            role: PartnerRole::Associated,
            budget: Some(0.0),
            contribution: Some(0.0),
        }))
        .collect();
    p.work_packages = work_packages(rng, &draft, total);
    p.spending = spending(rng, &draft);
    p.communication = communication(rng, &draft);
    Some(p)
}

/// Draws `n` projects: 70 % in the South East Europe programme and 30 % in the Danube
/// programme when it is included (assumption).
pub(super) fn build(rng: &mut Rng, orgs: &Organisations, n: usize, danube: bool) -> Vec<Project> {
    let mut out = Vec::with_capacity(n);
    let mut acronyms = BTreeSet::new();
    let n_dtp = if danube { n * 3 / 10 } else { 0 };
    for (spec, count) in specs(danube).into_iter().zip([n - n_dtp, n_dtp]) {
        let pool = candidates(orgs, spec);
        let mut number = 0;
        for _ in 0..count {
            if let Some(p) = project(rng, orgs, spec, &pool, number + 1, &mut acronyms) {
                number += 1;
                out.push(p);
            }
        }
    }
    out
}
