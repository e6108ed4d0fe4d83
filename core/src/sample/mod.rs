//! The embedded, seeded, **synthetic** default dataset of the South East Europe programme
//! area.
//!
//! [`south_east_europe`] returns the default dataset; [`generate`] draws a variant for other
//! [`SampleParams`] (another seed, more projects, other years). The same parameters always
//! give the same dataset, byte for byte in its JSON form: every random draw comes from a
//! `ChaCha8Rng` seeded with [`SampleParams::seed`] (one independent stream per part of the
//! dataset, so that asking for more projects leaves the actors unchanged), and no output
//! depends on the iteration order of a hash map.
//!
//! # What is real and what is synthetic
//!
//! **Real (public facts):**
//! - the 16 countries of the South East Europe Transnational Cooperation Programme
//!   2007-2013 with their EU codes (`EL` for Greece) and EU membership on 1 January 2007,
//!   the programme's first day (Croatia joined on 1 July 2013 and counts as a non-member;
//!   the year of accession is in each country's `eu_accession` attribute);
//! - the regions: NUTS 2021 codes and official Latin-script names (Regulation (EC) No
//!   1059/2003 as amended by Delegated Regulation (EU) 2019/1755, with Eurostat's statistical
//!   regions for AL, ME, MK and RS) of every level-2 region of the programme area and of
//!   their level-1 and level-0 parents; ISO 3166-2 codes for the entities of Bosnia and
//!   Herzegovina and the four Ukrainian oblasts; one region `MD` for Moldova. Each level-2
//!   region's `centroid` holds the coordinates (2 decimals) of the main city named in its
//!   `main_city` attribute (the regional seat, or the largest city where a statistical
//!   region has none); it is a representative point, not a geometric centroid;
//! - NACE Rev. 2 (Regulation (EC) No 1893/2006): the 21 sections (ids `A`-`U`, level 1) and
//!   the 88 divisions (ids such as `C29`, level 2, parent = section) with official names;
//! - the two programmes: areas, periods and budgets (South East Europe 2007-2013, about
//!   EUR 245.1 million of which ERDF EUR 206.7 million, Operational Programme CCI
//!   2007CB163PO069; Interreg Danube Transnational Programme 2014-2020, EUR 274.6 million
//!   total, restricted to its countries in this dataset) and their 85 % co-financing rate;
//! - the ERDF common output indicator CO01 (enterprises receiving support).
//!
//! **Synthetic (drawn, not observed):** every number of every observation, and every
//! actor, cluster, project, strategy, evidence item and scenario. Names of organisations,
//! clusters, projects, strategies and scenarios end in "(synthetic)", evidence sources say
//! so, and the dataset carries `synthetic: true`. Region populations are deliberately left
//! empty: the rough population figures below are only size priors.
//!
//! # Distributions and their sources
//!
//! "Assumption" marks a parameter chosen to look plausible rather than taken from a source.
//! Country parameters (employment rate; shares of agriculture, manufacturing and
//! accommodation in employment; GVA per person employed; EPO applications per million
//! inhabitants; R&D in % of GDP) are rounded values of Eurostat tables around 2012
//! (`lfsa_egan2`, `lfst_r_lfe2emp`, `nama_10_lp_ulc`, `pat_ep_rtot`, `rd_e_gerdtot`; World
//! Bank and national offices for AL, BA, MD, ME, MK, RS, UA), stated to one or two
//! significant digits; they steer the draws and are not exported.
//!
//! | quantity | distribution | parameters | source |
//! |---|---|---|---|
//! | employment of a region, first year | lognormal | median = size prior x employment rate, log-sd 0.05; Italy: rate 0.43 North, 0.31 South | size prior: rough population (Eurostat `demo_r_pjangrp3`, national offices); rates: Eurostat LFS, rounded |
//! | section shares of employment | Dirichlet | alpha = kappa x p; kappa = [`SampleParams::concentration`] (200); p = EU-27 2019 shares with the country's A, C, I shares, x regional multipliers | Eurostat LFS `lfsa_egan2`; multipliers: assumption |
//! | manufacturing division shares | Dirichlet | alpha = kappa x q; q = EU-27 2019 shares of C10-C33 x regional multipliers | Eurostat SBS `sbs_na_ind_r2` |
//! | regional specialisation | multipliers 1.2-3.0 per region and unit | e.g. C29 x3.0 in Steiermark, C15 x3.0 in Marche, I x3.0 on the islands; capital regions A x0.15, J x2.0, K x1.8, M x1.6, N x1.3, O x1.3 | assumption (stylised regional profiles) |
//! | employment growth | trend x drift x noise | unit trends -4 % to +3.5 % a year; regional drift Normal(0.4 %, 0.6 %); lognormal noise log-sd 0.03 x sqrt(years); I x0.85 and R x0.92 across 2020 | assumption, after EU-27 LFS 2012-2021 |
//! | GVA (EUR million) | deterministic x lognormal | persons x country GVA per person x 1.35 in capitals x LN(1, 0.12) x 1.2 % a year | Eurostat `nama_10_lp_ulc` (rounded); premium: assumption |
//! | exports (EUR million) | deterministic x lognormal | GVA x (0.2 + 1.8 x manufacturing share) x LN(1, 0.2) | assumption |
//! | patent applications | Poisson | lambda = country rate per million x size prior x 1.6 in capitals x LN(1, 0.5) x 2 % a year | Eurostat `pat_ep_rtot` (rounded) |
//! | R&D expenditure (% of GDP) | deterministic x lognormal | country GERD x 1.5 in capitals, else x LN(0.85, 0.35); x 2 % a year | Eurostat `rd_e_gerdtot` (rounded) |
//! | organisations | anchors + cluster members + others | per region a university and a development agency; others by region employment^0.7 with helix shares business 45 %, research 15 %, public 15 %, civil society 8 %, intermediary 17 % | assumption |
//! | firm size | categorical, then log-uniform employees | micro 40 %, small 30 %, medium 20 %, large 10 %; classes of Recommendation 2003/361/EC | assumption |
//! | clusters | weighted placement | region by employment^0.6, at most 3 per region; theme = best score (location quotient x s / (s + 0.005), s = employment share of its core activity) x theme prior 0.5-1.3 x LN(1, 0.3); members LN(median 8, 0.45) clamped 4-40, helix 80/8/3/4/5 %; founded uniform 1995-2015; maturity from age and trend | assumption |
//! | projects | see [`SampleParams::projects`] | 70 % South East Europe, 30 % Danube; partners Normal(11, 2.5) clamped 6-18; countries Normal(7, 1.5) clamped 5-12; lead from an EU member (2007); helix shares of partners: business 8 %, research 25 %, public 35 %, civil society 10 %, intermediary 22 % (leads 0/35/40/0/25 %); 40 % have 1-2 associated partners | assumption after the SEE project list (typically 8-15 partners from 5+ countries) and keep.eu partner types |
//! | project budget | lognormal | median EUR 1.8 million, log-sd 0.3, clamped EUR 1-3 million; partner shares Gamma(4), lead x2; ERDF/IPA contribution 85 % | budget: assumption; 85 %: programme rules |
//! | dates | uniform | start (first of a month) 2009-01 to 2011-06 (SEE), 2017-01 to 2018-07 (Danube); 24-36 months, ending within the programme period | assumption |
//! | work packages | 4-6 | management 12 %, communication 10 %, others Gamma(8) shares of the rest; 1-3 deliverables each, 75 % delivered around the due date, 15 % 1-4 months late, 10 % open | assumption |
//! | spending | 6-monthly per partner | absorption uniform 75-100 % of the partner budget, split over periods by Gamma(2) weights with a ramp-up | assumption |
//! | communication | 3-6 activities | planned reach LN(median by kind: conference 150, newsletter 800, website 5000, ...; 0.3); achieved = planned x LN(0.95, 0.35), reported for 90 % | assumption |
//! | strategies | per country + per large cluster | 3-5 priorities = themes by the same score x prior x LN(1, 0.25); 1-2 objectives per priority, 1-2 measures per objective; measure budget LN(EUR 2 million x sqrt(size prior in millions), 0.7); firms supported = budget / LN(cost per firm of the instrument, 0.4) | assumption |
//! | targets | uniform | employment +2-8 %, R&D +0.2-0.6 points, patents x1.3-1.6, exports x1.2-1.4; cluster membership x1.2-1.6 | assumption |
//! | evidence | rotation of the 5 kinds | GRADE quality shares per kind; jobs = budget / LN(EUR 50 000 per job, 0.5) x LN(1, 0.3); standard error 15/30/50/80 % of the estimate for high/moderate/low/very low quality | assumption |
//! | scenarios | 4 narratives to 2030 | probabilities are multiples of 1/64 proportional to prior weights 0.40/0.25/0.20/0.15 x LN(1, 0.2); shifts x LN(1, 0.15) | assumption |
//!
//! # Example
//! ```
//! use clusterpolicy::sample::{self, SampleParams};
//!
//! let ds = sample::south_east_europe();
//! assert!(ds.synthetic);
//! assert!(ds.validate().problems.is_empty());
//! assert_eq!(ds.countries.len(), 16);
//! assert!(ds.regions.iter().any(|r| r.id == "ITH3" && r.name == "Veneto"));
//! assert!(ds.activities.iter().any(|a| a.id == "C29" && a.parent.as_deref() == Some("C")));
//!
//! // A smaller variant with another seed.
//! let small = sample::generate(&SampleParams { seed: 42, projects: 10, ..SampleParams::default() })?;
//! assert_eq!(small.projects.len(), 10);
//! assert!(small.validate().is_valid());
//! # Ok::<(), clusterpolicy::Error>(())
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{Activity, Attributes, Classification, Coordinates, Country, Dataset, Region};

mod actors;
mod draw;
mod economy;
mod geo;
mod nace;
mod projects;
mod strategy;
mod themes;

/// Parameters of the synthetic dataset.
///
/// Every field has a default (the values of [`south_east_europe`]); in JSON, Python and
/// JavaScript any subset of the fields may be given. [`SampleParams::check`] rejects values
/// outside the stated ranges.
///
/// ```
/// use clusterpolicy::sample::SampleParams;
/// let p: SampleParams = serde_json::from_str(r#"{ "seed": 7, "projects": 20 }"#).unwrap();
/// assert_eq!(p.clusters, SampleParams::default().clusters);
/// assert!(p.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct SampleParams {
    /// Seed of the random number generator (default 2007, the programme's first year).
    pub seed: u64,
    /// Observation years, strictly increasing, 1-30 years within 2000-2030
    /// (default 2012, 2015, 2018, 2021).
    pub years: Vec<i32>,
    /// Dirichlet concentration of the employment shares around their expected values,
    /// 1-1 000 000: larger means regions closer to the expected structure (default 200,
    /// which gives a 2 % sector a coefficient of variation of about 0.5).
    pub concentration: f64,
    /// Number of clusters, 0-200 (default 40; fewer are placed if the regions run out of
    /// themes, at most 3 per region).
    pub clusters: usize,
    /// Organisations besides the regional anchors and the cluster members, 0-20 000 (default 120).
    pub other_actors: usize,
    /// Number of transnational projects, 0-2 000 (default 50).
    pub projects: usize,
    /// Include the Interreg Danube Transnational Programme 2014-2020 and give it 30 % of
    /// the projects (default `true`).
    pub danube_programme: bool,
    /// Cluster strategies in addition to the 16 national or regional smart-specialisation
    /// strategies, 0-200, capped at the number of clusters (default 4).
    pub cluster_strategies: usize,
    /// Number of evidence items, 0-10 000 (default 40).
    pub evidence: usize,
    /// Number of foresight scenarios, 0-4 (default 4).
    pub scenarios: usize,
}

impl Default for SampleParams {
    fn default() -> Self {
        Self {
            seed: 2007,
            years: vec![2012, 2015, 2018, 2021],
            concentration: 200.0,
            clusters: 40,
            other_actors: 120,
            projects: 50,
            danube_programme: true,
            cluster_strategies: 4,
            evidence: 40,
            scenarios: 4,
        }
    }
}

impl SampleParams {
    /// Checks every field against its allowed range and returns the parameters unchanged.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first offending field and its allowed range.
    ///
    /// # Example
    /// ```
    /// use clusterpolicy::sample::SampleParams;
    /// let bad = SampleParams { years: vec![2015, 2012], ..SampleParams::default() };
    /// let err = bad.check().unwrap_err();
    /// assert_eq!(err.kind(), "InvalidParameterError");
    /// ```
    pub fn check(&self) -> Result<&Self> {
        if self.years.is_empty() || self.years.len() > 30 {
            return Err(Error::param("years", format!("give 1 to 30 years, not {}", self.years.len())));
        }
        if let Some(y) = self.years.iter().find(|y| !(2000..=2030).contains(*y)) {
            return Err(Error::param("years", format!("year {y} is outside 2000..=2030")));
        }
        if self.years.windows(2).any(|w| w[0] >= w[1]) {
            return Err(Error::param("years", "years must be strictly increasing"));
        }
        if !(self.concentration.is_finite() && (1.0..=1.0e6).contains(&self.concentration)) {
            return Err(Error::param("concentration", format!("{} is outside 1..=1000000", self.concentration)));
        }
        let limits = [
            ("clusters", self.clusters, 200),
            ("other_actors", self.other_actors, 20_000),
            ("projects", self.projects, 2_000),
            ("cluster_strategies", self.cluster_strategies, 200),
            ("evidence", self.evidence, 10_000),
            ("scenarios", self.scenarios, 4),
        ];
        for (name, value, max) in limits {
            if value > max {
                return Err(Error::param(name, format!("{value} is above the maximum {max}")));
            }
        }
        Ok(self)
    }
}

/// The default dataset: the South East Europe programme area with synthetic data,
/// generated with [`SampleParams::default`].
///
/// Returns the same dataset on every call and on every platform that computes IEEE 754
/// arithmetic and the standard library's `exp`/`ln` identically. It never panics: the
/// default parameters always pass [`SampleParams::check`] and generation has no other
/// failure (a test asserts that the result has no validation problem); should generation
/// ever fail, an empty dataset with the same name is returned instead of panicking.
///
/// # Example
/// ```
/// let ds = clusterpolicy::sample::south_east_europe();
/// assert_eq!(ds.name, "South-East Europe cluster platform (synthetic)");
/// assert!(ds.synthetic);
/// ```
#[must_use]
pub fn south_east_europe() -> Dataset {
    generate(&SampleParams::default()).unwrap_or_else(|_| {
        let mut ds = Dataset::new(NAME);
        ds.synthetic = true;
        ds
    })
}

const NAME: &str = "South-East Europe cluster platform (synthetic)";

/// Generates the synthetic South East Europe dataset for `params`.
///
/// Returns a dataset whose [`Dataset::validate`] report is empty; see the module
/// documentation for what is real and which distributions the synthetic parts follow.
/// Generating the default dataset takes a few milliseconds in release mode.
///
/// # Errors
/// [`Error::InvalidParameter`] when `params` fails [`SampleParams::check`].
///
/// # Example
/// ```
/// use clusterpolicy::sample::{SampleParams, generate};
/// let a = generate(&SampleParams { seed: 1, ..SampleParams::default() })?;
/// let b = generate(&SampleParams { seed: 1, ..SampleParams::default() })?;
/// assert_eq!(a.to_json(), b.to_json());
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn generate(params: &SampleParams) -> Result<Dataset> {
    params.check()?;
    let seed = params.seed;
    let mut rng = draw::stream(seed, 1);
    let econ = economy::build(&mut rng, &params.years, params.concentration);
    let mut observations = economy::observations(&mut rng, &econ);
    let orgs = actors::build(&mut draw::stream(seed, 2), &econ, params.clusters, params.other_actors);
    let programmes = projects::programmes(params.danube_programme);
    let projects = projects::build(&mut draw::stream(seed, 3), &orgs, params.projects, params.danube_programme);
    let cluster_obs = strategy::cluster_observations(&econ, &orgs);
    let st = strategy::build(
        &mut draw::stream(seed, 4),
        &econ,
        &orgs,
        &observations,
        &cluster_obs,
        params.cluster_strategies,
    );
    // evidence is dated up to three years after the last observation
    let latest = params.years.last().map_or(2024, |y| y + 3);
    let evidence = strategy::evidence(&mut draw::stream(seed, 5), seed, latest, &st.strategies, &orgs, params.evidence);
    let scenarios = strategy::scenarios(&mut draw::stream(seed, 6), params.scenarios);
    observations.extend(cluster_obs);
    observations.extend(st.observations);

    let mut attributes = Attributes::new();
    attributes.insert("generator".to_owned(), serde_json::Value::from("clusterpolicy::sample::generate"));
    if let Ok(p) = serde_json::to_value(params) {
        attributes.insert("sample_params".to_owned(), p);
    }
    Ok(Dataset {
        name: NAME.to_owned(),
        description: Some(format!(
            "Synthetic data generated by clusterpolicy::sample with seed {seed}. The geography (NUTS 2021 codes and \
             names, ISO 3166-2 codes for Bosnia and Herzegovina and Ukraine, one region for Moldova, coordinates of \
             main cities), the NACE Rev. 2 classification and the two programmes (areas, periods, approximate budgets) \
             are real; every observation, organisation, cluster, project, strategy, evidence item and scenario is \
             synthetic, drawn from the distributions documented in the module clusterpolicy::sample. Do not read the \
             numbers as statistics."
        )),
        synthetic: true,
        countries: countries(),
        regions: regions(),
        activities: activities(),
        actors: orgs.actors,
        clusters: orgs.clusters,
        programmes,
        projects,
        indicators: strategy::indicators(),
        strategies: st.strategies,
        observations,
        evidence,
        scenarios,
        attributes,
    })
}

/// The 16 countries with their EU membership on 1 January 2007.
fn countries() -> Vec<Country> {
    geo::COUNTRIES
        .iter()
        .map(|c| {
            let mut attributes = Attributes::new();
            if let Some(y) = c.accession {
                attributes.insert("eu_accession".to_owned(), serde_json::Value::from(y));
            }
            Country { code: c.code.to_owned(), name: c.name.to_owned(), eu_member: Some(c.eu_2007), attributes }
        })
        .collect()
}

/// Upper regions (levels 0 and 1) first, then the 83 basic regions with their main city.
fn regions() -> Vec<Region> {
    let upper = geo::UPPER_REGIONS.iter().map(|&(id, name, country, parent, level)| {
        let mut r = Region::new(id, name, country).with_level(level);
        r.parent = parent.map(str::to_owned);
        let scheme = if matches!(id, "BA" | "UA") { "ISO 3166-1" } else { "NUTS 2021" };
        r.attributes.insert("scheme".to_owned(), serde_json::Value::from(scheme));
        r
    });
    let basic = geo::BASIC_REGIONS.iter().map(|b| {
        let mut r = Region::new(b.id, b.name, b.country).with_level(2);
        r.parent = b.parent.map(str::to_owned);
        r.centroid = Some(Coordinates { lat: b.lat, lon: b.lon });
        let scheme = match b.country {
            "BA" | "UA" => "ISO 3166-2",
            "MD" => "ISO 3166-1 (whole country, no NUTS regions)",
            _ => "NUTS 2021",
        };
        r.attributes.insert("scheme".to_owned(), serde_json::Value::from(scheme));
        r.attributes.insert("main_city".to_owned(), serde_json::Value::from(b.city));
        r
    });
    upper.chain(basic).collect()
}

/// NACE Rev. 2: each section (level 1) followed by its divisions (level 2).
fn activities() -> Vec<Activity> {
    let mut out = Vec::with_capacity(nace::SECTIONS.len() + nace::DIVISIONS.len());
    for &(letter, name) in &nace::SECTIONS {
        let mut s = Activity::new(letter, name, Classification::NaceRev2);
        s.level = Some(1);
        out.push(s);
        for &(_, code, dname) in nace::DIVISIONS.iter().filter(|d| d.0 == letter) {
            let mut d = Activity::new(format!("{letter}{code}"), dname, Classification::NaceRev2).with_parent(letter);
            d.level = Some(2);
            out.push(d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use chrono::Datelike;

    use super::*;
    use crate::model::{HelixKind, PartnerRole};

    fn default_ds() -> Dataset {
        generate(&SampleParams::default()).expect("default parameters are valid")
    }

    #[test]
    fn default_dataset_validates_without_problems() {
        let ds = default_ds();
        let report = ds.validate();
        assert!(report.problems.is_empty(), "{:#?}", &report.problems[..report.problems.len().min(20)]);
        assert_eq!(south_east_europe(), ds);
    }

    #[test]
    fn generation_is_deterministic() {
        let a = generate(&SampleParams::default()).map(|d| d.to_json());
        let b = generate(&SampleParams::default()).map(|d| d.to_json());
        assert_eq!(a, b);
        let c = generate(&SampleParams { seed: 1, ..SampleParams::default() }).map(|d| d.to_json());
        assert_ne!(a, c);
        // more projects leave the actors unchanged (independent streams)
        let d = generate(&SampleParams { projects: 60, ..SampleParams::default() }).expect("valid");
        assert_eq!(d.actors, default_ds().actors);
    }

    #[test]
    fn contents_have_the_promised_shape() {
        let ds = default_ds();
        assert!(ds.synthetic);
        assert!(ds.description.as_deref().is_some_and(|d| d.contains("Synthetic") && d.contains("2007")));
        assert_eq!(ds.countries.len(), 16);
        assert!(ds.countries.iter().any(|c| c.code == "EL" && c.eu_member == Some(true)));
        assert!(ds.countries.iter().any(|c| c.code == "HR" && c.eu_member == Some(false)));
        assert_eq!(ds.regions.iter().filter(|r| r.level == Some(2)).count(), 83);
        assert!(ds.regions.iter().filter(|r| r.level == Some(2)).all(|r| r.centroid.is_some()));
        assert!(ds.regions.iter().all(|r| r.population.is_none()));
        assert_eq!(ds.activities.iter().filter(|a| a.level == Some(1)).count(), 21);
        assert_eq!(ds.activities.iter().filter(|a| a.level == Some(2)).count(), 88);
        assert!(ds.actors.len() >= 300, "{}", ds.actors.len());
        for h in HelixKind::ALL {
            assert!(ds.actors.iter().any(|a| a.helix == Some(h)), "{h:?}");
        }
        assert!(ds.actors.iter().all(|a| a.name.ends_with("(synthetic)")));
        assert!(ds.clusters.iter().all(|c| c.name.ends_with("(synthetic)")));
        assert_eq!(ds.clusters.len(), 40);
        assert_eq!(ds.projects.len(), 50);
        assert_eq!(ds.strategies.len(), 20);
        assert_eq!(ds.evidence.len(), 40);
        assert_eq!(ds.scenarios.len(), 4);
        let kinds: BTreeSet<_> = ds.evidence.iter().map(|e| e.kind).collect();
        assert_eq!(kinds.len(), 5);
        let prob: f64 = ds.scenarios.iter().filter_map(|s| s.probability).sum();
        assert_eq!(prob, 1.0);
        // managers are intermediaries of the cluster's region
        for c in &ds.clusters {
            let m = ds.actors.iter().find(|a| Some(&a.id) == c.manager.as_ref()).expect("manager exists");
            assert_eq!(m.helix, Some(HelixKind::Intermediary));
            assert_eq!(m.region.as_ref(), c.regions.first());
        }
        // measure ids unique across the dataset
        let measures: Vec<&str> = ds.strategies.iter().flat_map(|s| s.measures.iter().map(|m| m.id.as_str())).collect();
        assert_eq!(measures.iter().collect::<BTreeSet<_>>().len(), measures.len());
        let json = ds.to_json();
        assert!(json.len() > 1_000_000 && json.len() < 3_000_000, "{} bytes", json.len());
    }

    #[test]
    fn project_money_adds_up_in_cents() {
        let ds = default_ds();
        let cents = |x: f64| (x * 100.0).round() as i64;
        for p in &ds.projects {
            let total = cents(p.budget.unwrap_or(-1.0));
            let partners: i64 = p.partners.iter().map(|x| cents(x.budget.unwrap_or(0.0))).sum();
            let wps: i64 = p.work_packages.iter().map(|w| cents(w.budget.unwrap_or(0.0))).sum();
            assert_eq!(partners, total, "{}", p.id);
            assert_eq!(wps, total, "{}", p.id);
            assert!((100_000_000..=300_000_000).contains(&total), "{}", p.id);
            assert!((4..=6).contains(&p.work_packages.len()));
            let lead = p.lead().expect("lead");
            let country = &ds.actors.iter().find(|a| a.id == lead.actor).expect("lead actor").country;
            assert!(ds.countries.iter().any(|c| &c.code == country && c.eu_member == Some(true)), "{}", p.id);
            let countries: BTreeSet<&str> = p
                .partners
                .iter()
                .filter(|x| x.role != PartnerRole::Associated)
                .filter_map(|x| ds.actors.iter().find(|a| a.id == x.actor))
                .map(|a| a.country.as_str())
                .collect();
            assert!(countries.len() >= 5, "{}: {countries:?}", p.id);
            for x in &p.partners {
                let b = cents(x.budget.unwrap_or(0.0));
                let c = cents(x.contribution.unwrap_or(0.0));
                assert!(c <= b);
                let spent: i64 =
                    p.spending.iter().filter(|s| s.partner.as_ref() == Some(&x.actor)).map(|s| cents(s.amount)).sum();
                assert!(spent <= b, "{} {}", p.id, x.actor);
            }
            let (start, end) = (p.start.expect("start"), p.end.expect("end"));
            let period = p.period.expect("period");
            assert!(start < end && period.contains(start.year()) && period.contains(end.year()), "{}", p.id);
            for d in p.work_packages.iter().flat_map(|w| &w.deliverables) {
                assert!(d.due.is_some_and(|x| x >= start && x <= end));
            }
        }
    }

    #[test]
    fn check_rejects_absurd_values() {
        let bad = [
            SampleParams { years: vec![], ..SampleParams::default() },
            SampleParams { years: vec![1990], ..SampleParams::default() },
            SampleParams { years: vec![2012, 2012], ..SampleParams::default() },
            SampleParams { years: (2000..2031).collect(), ..SampleParams::default() },
            SampleParams { concentration: f64::NAN, ..SampleParams::default() },
            SampleParams { concentration: 0.5, ..SampleParams::default() },
            SampleParams { clusters: 201, ..SampleParams::default() },
            SampleParams { other_actors: 20_001, ..SampleParams::default() },
            SampleParams { projects: 2_001, ..SampleParams::default() },
            SampleParams { evidence: 10_001, ..SampleParams::default() },
            SampleParams { scenarios: 5, ..SampleParams::default() },
        ];
        for p in bad {
            let err = generate(&p).expect_err("must be rejected");
            assert!(matches!(err, Error::InvalidParameter { .. }), "{err:?}");
        }
    }

    #[test]
    fn edge_parameters_still_validate() {
        let cases = [
            SampleParams {
                clusters: 0,
                other_actors: 0,
                projects: 0,
                cluster_strategies: 0,
                evidence: 0,
                scenarios: 0,
                ..SampleParams::default()
            },
            SampleParams {
                years: vec![2030],
                concentration: 1.0,
                evidence: 7,
                scenarios: 1,
                ..SampleParams::default()
            },
            SampleParams {
                years: vec![2000, 2001],
                concentration: 1.0e6,
                danube_programme: false,
                ..SampleParams::default()
            },
            SampleParams {
                seed: u64::MAX,
                clusters: 200,
                cluster_strategies: 200,
                projects: 300,
                ..SampleParams::default()
            },
        ];
        for p in cases {
            let ds = generate(&p).expect("valid parameters");
            let report = ds.validate();
            assert!(report.problems.is_empty(), "{p:?}: {:#?}", &report.problems[..report.problems.len().min(10)]);
        }
    }

    #[test]
    fn params_round_trip_through_json() {
        let p = SampleParams::default();
        let json = serde_json::to_string(&p).expect("serialises");
        let back: SampleParams = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, p);
        let ds = default_ds();
        assert_eq!(ds.attributes.get("sample_params"), Some(&serde_json::to_value(&p).expect("value")));
    }
}
