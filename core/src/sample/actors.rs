//! Synthetic organisations of the triple (quadruple) helix and the clusters they form.

use std::collections::BTreeSet;

use super::draw::{Rng, chance, int, lognormal, pick, uniform, weighted, weighted_distinct};
use super::economy::Economy;
use super::geo::BASIC_REGIONS;
use super::nace::{SECTION_DIVISIONS, firm_noun, is_market_unit, trend, unit_of};
use super::themes::{LEGAL_FORMS, THEMES};
use crate::model::{Actor, Cluster, HelixKind, MaturityStage, SizeClass};

/// Helix shares of the actors outside clusters and anchors (assumption: a regional
/// innovation ecosystem is mostly firms; Interreg partnerships draw on public bodies,
/// research and intermediaries). Order as in [`HelixKind::ALL`].
pub(super) const OTHER_HELIX_SHARES: [f64; 5] = [0.45, 0.15, 0.15, 0.08, 0.17];

/// Helix shares of cluster members besides the manager (assumption: cluster organisations
/// are mostly firms, as in the European Cluster Collaboration Platform's profiles).
pub(super) const MEMBER_HELIX_SHARES: [f64; 5] = [0.80, 0.08, 0.03, 0.04, 0.05];

/// Size-class shares of firms: micro, small, medium, large (assumption: firms active in
/// cooperation are larger than the enterprise population, where over 90 % are micro).
pub(super) const SIZE_SHARES: [f64; 4] = [0.40, 0.30, 0.20, 0.10];

/// Median and log-sd of the number of members of a cluster besides its manager (assumption;
/// clamped to 4-40; real cluster organisations have 30-200 members, the sample keeps a subset).
pub(super) const CLUSTER_MEMBERS: (f64, f64) = (8.0, 0.45);

/// Everything this part creates.
pub(super) struct Organisations {
    /// All actors.
    pub(super) actors: Vec<Actor>,
    /// All clusters.
    pub(super) clusters: Vec<Cluster>,
    /// Theme index of each cluster.
    pub(super) cluster_themes: Vec<usize>,
}

/// Unique, clearly synthetic names.
struct Namer {
    used: BTreeSet<String>,
}

impl Namer {
    /// `"{head}{tail} (synthetic)"`, or with a counter after `head` if already taken.
    fn name(&mut self, head: &str, tail: &str) -> String {
        let mut k = 1usize;
        loop {
            let candidate =
                if k == 1 { format!("{head}{tail} (synthetic)") } else { format!("{head} {k}{tail} (synthetic)") };
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
            k += 1;
        }
    }
}

/// A short place name for organisation names: the region's name when short, else its city.
pub(super) fn place(r: usize) -> &'static str {
    let row = &BASIC_REGIONS[r.min(BASIC_REGIONS.len() - 1)];
    if row.name.len() <= 20 && !row.name.contains([',', '/']) { row.name } else { row.city }
}

struct Builder<'e> {
    econ: &'e Economy,
    namer: Namer,
    actors: Vec<Actor>,
    last_year: usize,
}

impl Builder<'_> {
    fn push(&mut self, r: usize, name: String, helix: HelixKind, activities: Vec<String>) -> usize {
        let row = &BASIC_REGIONS[r];
        let id = format!("ORG-{:04}", self.actors.len() + 1);
        let mut a = Actor::new(id, name, row.country).with_region(row.id).with_helix(helix);
        a.activities = activities;
        self.actors.push(a);
        self.actors.len() - 1
    }

    /// A division id for an observation unit.
    fn division(rng: &mut Rng, unit: &str) -> String {
        if unit.starts_with('C') {
            return unit.to_owned();
        }
        SECTION_DIVISIONS
            .iter()
            .find(|(s, _)| *s == unit)
            .and_then(|(_, divs)| pick(rng, divs))
            .map_or_else(|| unit.to_owned(), |d| (*d).to_owned())
    }

    fn firm(&mut self, rng: &mut Rng, r: usize, activities: Vec<String>) -> usize {
        let row = &BASIC_REGIONS[r];
        let size: (f64, f64) = match weighted(rng, &SIZE_SHARES) {
            Some(0) => (1.0, 9.0),
            Some(1) => (10.0, 49.0),
            Some(2) => (50.0, 249.0),
            _ => (250.0, 5000.0),
        };
        // log-uniform within the class
        let employees = (size.0.ln() + uniform(rng, 0.0, 1.0) * (size.1.ln() - size.0.ln())).exp().round() as u32;
        let employees = employees.clamp(size.0 as u32, size.1 as u32);
        let class = SizeClass::from_employees(employees);
        let (sme, large) =
            LEGAL_FORMS.iter().find(|(c, _, _)| *c == row.country).map_or(("Ltd", "plc"), |f| (f.1, f.2));
        let form = if class == SizeClass::Large { large } else { sme };
        let noun = activities.first().map_or("Services", |a| firm_noun(unit_of(a)));
        let name = self.namer.name(&format!("{} {noun}", row.city), &format!(" {form}"));
        let i = self.push(r, name, HelixKind::Business, activities);
        self.actors[i].size = Some(class);
        self.actors[i].employees = Some(employees);
        i
    }

    /// One or two activities among the region's eight strongest market units, drawn with
    /// probability proportional to their score.
    fn strong_activities(&self, rng: &mut Rng, r: usize) -> Vec<String> {
        let top: Vec<usize> = self.econ.strongest(r, self.last_year, is_market_unit).into_iter().take(8).collect();
        let weights: Vec<f64> =
            top.iter().map(|&u| self.econ.theme_score(r, self.last_year, self.econ.units[u])).collect();
        let k = int(rng, 1, 2);
        let mut out: Vec<String> = weighted_distinct(rng, &weights, k)
            .into_iter()
            .map(|i| Self::division(rng, self.econ.units[top[i]]))
            .collect();
        out.dedup();
        out
    }

    fn organisation(&mut self, rng: &mut Rng, r: usize, helix: HelixKind, theme: Option<usize>) -> usize {
        let row = &BASIC_REGIONS[r];
        let reg = place(r);
        match helix {
            HelixKind::Business => {
                let activities = match theme.map(|t| THEMES[t].activities) {
                    Some(acts) => {
                        let k = int(rng, 1, 2.min(acts.len()));
                        let idx = weighted_distinct(rng, &vec![1.0; acts.len()], k);
                        let mut v: Vec<String> = idx.into_iter().map(|i| acts[i].to_owned()).collect();
                        v.sort();
                        v
                    }
                    None => self.strong_activities(rng, r),
                };
                self.firm(rng, r, activities)
            }
            HelixKind::Research => {
                let (head, acts) = match theme {
                    Some(t) => (format!("{reg} {} Research Centre", THEMES[t].label), vec!["M72"]),
                    None => match int(rng, 0, 2) {
                        0 => (format!("{} Institute of Technology", row.city), vec!["M72", "P85"]),
                        1 => (format!("{reg} Applied Research Institute"), vec!["M72"]),
                        _ => (format!("{} Polytechnic", row.city), vec!["P85"]),
                    },
                };
                let name = self.namer.name(&head, "");
                self.push(r, name, helix, acts.into_iter().map(str::to_owned).collect())
            }
            HelixKind::PublicAuthority => {
                let head = match int(rng, 0, 2) {
                    0 => format!("Municipality of {}", row.city),
                    1 => format!("{reg} Regional Government"),
                    _ => format!("{reg} Innovation Fund"),
                };
                let name = self.namer.name(&head, "");
                self.push(r, name, helix, vec!["O84".to_owned()])
            }
            HelixKind::CivilSociety => {
                let head = match int(rng, 0, 3) {
                    0 => format!("{} Citizens' Innovation Forum", row.city),
                    1 => format!("{reg} Environmental Association"),
                    2 => format!("{reg} Women Entrepreneurs' Network"),
                    _ => format!("{} Youth Technology Association", row.city),
                };
                let name = self.namer.name(&head, "");
                self.push(r, name, helix, vec!["S94".to_owned()])
            }
            HelixKind::Intermediary => {
                let (head, act) = match int(rng, 0, 3) {
                    0 => (format!("{reg} Chamber of Commerce"), "S94"),
                    1 => (format!("{} Technology Park", row.city), "M70"),
                    2 => (format!("{reg} Innovation Agency"), "M70"),
                    _ => (format!("{} Business Incubator", row.city), "N82"),
                };
                let name = self.namer.name(&head, "");
                self.push(r, name, helix, vec![act.to_owned()])
            }
        }
    }
}

/// Creates the anchors (a university and a development agency per basic region), the
/// clusters with their managers and members, and `other_actors` further organisations.
pub(super) fn build(rng: &mut Rng, econ: &Economy, n_clusters: usize, other_actors: usize) -> Organisations {
    let last_year = econ.years.len().saturating_sub(1);
    let mut b = Builder { econ, namer: Namer { used: BTreeSet::new() }, actors: Vec::new(), last_year };
    let mut anchors = Vec::with_capacity(BASIC_REGIONS.len());
    for (r, row) in BASIC_REGIONS.iter().enumerate() {
        let uni = b.namer.name(&format!("University of {}", row.city), "");
        let u = b.push(r, uni, HelixKind::Research, vec!["P85".to_owned(), "M72".to_owned()]);
        let rda = b.namer.name(&format!("{} Regional Development Agency", place(r)), "");
        let a = b.push(r, rda, HelixKind::PublicAuthority, vec!["O84".to_owned()]);
        anchors.push((u, a));
    }

    let (clusters, cluster_themes) = clusters(rng, &mut b, &anchors, n_clusters);

    let weights: Vec<f64> = (0..BASIC_REGIONS.len()).map(|r| econ.total(r, last_year).max(0.0).powf(0.7)).collect();
    for _ in 0..other_actors {
        let r = weighted(rng, &weights).unwrap_or(0);
        let helix = HelixKind::ALL[weighted(rng, &OTHER_HELIX_SHARES).unwrap_or(0)];
        b.organisation(rng, r, helix, None);
    }
    Organisations { actors: b.actors, clusters, cluster_themes }
}

/// Places `n` clusters in regions (weighted by employment^0.6, at most 3 per region, one per
/// theme and region), choosing the theme with the highest [`Economy::theme_score`] of its
/// core activity (with lognormal noise), and creates manager and members.
fn clusters(rng: &mut Rng, b: &mut Builder<'_>, anchors: &[(usize, usize)], n: usize) -> (Vec<Cluster>, Vec<usize>) {
    let econ = b.econ;
    let y = b.last_year;
    let last_year = econ.years.last().copied().unwrap_or(2021);
    let mut weights: Vec<f64> = (0..BASIC_REGIONS.len()).map(|r| econ.total(r, y).max(0.0).powf(0.6)).collect();
    let mut used: Vec<Vec<usize>> = vec![Vec::new(); BASIC_REGIONS.len()];
    let mut out = Vec::with_capacity(n);
    let mut themes_out = Vec::with_capacity(n);
    while out.len() < n {
        let Some(r) = weighted(rng, &weights) else { break };
        let scored: Vec<(usize, f64)> = THEMES
            .iter()
            .enumerate()
            .filter(|(t, _)| !used[r].contains(t))
            .filter_map(|(t, th)| {
                let score = econ.theme_score(r, y, unit_of(th.activities[0]));
                (score > 0.0).then(|| (t, score * th.prior * lognormal(rng, 1.0, 0.3)))
            })
            .collect();
        let Some(&(t, _)) = scored.iter().max_by(|a, c| a.1.total_cmp(&c.1).then(c.0.cmp(&a.0))) else {
            weights[r] = 0.0;
            continue;
        };
        used[r].push(t);
        if used[r].len() >= 3 {
            weights[r] = 0.0;
        }
        let theme = &THEMES[t];
        let row = &BASIC_REGIONS[r];
        let reg = place(r);
        let id = format!("CL-{:03}", out.len() + 1);
        let name = b.namer.name(&format!("{reg} {} Cluster", theme.label), "");
        let manager_name = b.namer.name(&format!("{reg} {} Cluster Association", theme.label), "");
        let manager =
            b.push(r, manager_name, HelixKind::Intermediary, vec!["S94".to_owned(), theme.activities[0].to_owned()]);
        let k = lognormal(rng, CLUSTER_MEMBERS.0, CLUSTER_MEMBERS.1).round().clamp(4.0, 40.0) as usize;
        let mut members = Vec::with_capacity(k + 2);
        let (uni, rda) = anchors.get(r).copied().unwrap_or((manager, manager));
        if chance(rng, 0.8) {
            members.push(uni);
        }
        if chance(rng, 0.3) {
            members.push(rda);
        }
        for _ in 0..k {
            let helix = HelixKind::ALL[weighted(rng, &MEMBER_HELIX_SHARES).unwrap_or(0)];
            members.push(b.organisation(rng, r, helix, Some(t)));
        }
        let founded = (int(rng, 1995, 2015) as i32).min(last_year);
        let age = last_year - founded;
        let shrinking = THEMES[t].activities.first().is_some_and(|a| trend(unit_of(a)) < -0.01);
        let maturity = if shrinking && age > 10 {
            if chance(rng, 0.5) { MaturityStage::Declining } else { MaturityStage::Renewing }
        } else if age >= 15 {
            MaturityStage::Mature
        } else if age >= 7 {
            if chance(rng, 0.3) { MaturityStage::Mature } else { MaturityStage::Growing }
        } else {
            MaturityStage::Emerging
        };
        let mut attributes = crate::model::Attributes::new();
        attributes.insert("theme".to_owned(), serde_json::Value::from(theme.key));
        out.push(Cluster {
            id,
            name,
            regions: vec![row.id.to_owned()],
            activities: theme.activities.iter().map(|a| (*a).to_owned()).collect(),
            members: members.iter().map(|&i| b.actors[i].id.clone()).collect(),
            manager: Some(b.actors[manager].id.clone()),
            founded: Some(founded),
            maturity: Some(maturity),
            attributes,
        });
        themes_out.push(t);
    }
    (out, themes_out)
}
