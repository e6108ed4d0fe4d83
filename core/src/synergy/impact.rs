//! Synergy impact: Triple Helix synergy and network measures of two periods (before and
//! after an initiative) compared, with bootstrap intervals.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::stats::{Interval, interval};
use super::triple_helix::{BootstrapParams, TripleHelixParams, Unit, triple_helix, triple_helix_table};
use crate::error::{Error, Result};
use crate::model::{Dataset, Period, Project};
use crate::network::{self, GroupBy, ProjectionParams, project_period};

/// Options of [`synergy_impact`].
///
/// ```
/// use clusterpolicy::model::Period;
/// use clusterpolicy::synergy::ImpactParams;
/// let p = ImpactParams::new(Period { start_year: 2007, end_year: 2013 }, Period { start_year: 2014, end_year: 2020 });
/// assert!(p.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImpactParams {
    /// The period before (projects overlapping it).
    pub before: Period,
    /// The period after.
    pub after: Period,
    /// The Triple Helix table of the participations (its `unit` and `window` are set per
    /// period).
    #[serde(default)]
    pub table: TripleHelixParams,
    /// The cooperation networks (its `window` is set per period).
    #[serde(default)]
    pub projection: ProjectionParams,
    /// The groups of the cross-border share. Default countries.
    #[serde(default)]
    pub group_by: GroupBy,
    /// The bootstrap over projects. Default 1000 replicates, seed 42, 95 %, basic intervals.
    #[serde(default)]
    pub bootstrap: BootstrapParams,
}

impl ImpactParams {
    /// Parameters for two periods, everything else by default.
    #[must_use]
    pub fn new(before: Period, after: Period) -> Self {
        Self {
            before,
            after,
            table: TripleHelixParams::default(),
            projection: ProjectionParams::default(),
            group_by: GroupBy::Country,
            bootstrap: BootstrapParams::default(),
        }
    }

    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a period that ends before it starts, and the errors of
    /// the nested parameters.
    pub fn check(&self) -> Result<&Self> {
        for (p, n) in [(self.before, "before"), (self.after, "after")] {
            if p.end_year < p.start_year {
                return Err(Error::param(n, format!("ends ({}) before it starts ({})", p.end_year, p.start_year)));
            }
        }
        self.table.check()?;
        self.projection.check()?;
        self.bootstrap.check()?;
        Ok(self)
    }
}

/// One measure before and after, and the change, with bootstrap intervals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ImpactMeasure {
    /// The measure: `t_uig`, `t_ui`, `t_ug`, `t_ig` (Triple Helix of the participations, bits),
    /// `average_clustering`, `cross_border_share` ([`IMPACT_MEASURES`]).
    pub measure: String,
    /// The value before, with its interval.
    pub before: Interval,
    /// The value after.
    pub after: Interval,
    /// `after - before`.
    pub change: Interval,
}

/// The size of a period's cooperation network (no intervals: see [`synergy_impact`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NetworkSize {
    /// Actors with at least one tie.
    pub actors: usize,
    /// Ties.
    pub ties: usize,
    /// Density, `2 ties / (actors (actors - 1))`.
    pub density: f64,
    /// Mean degree, `2 ties / actors`.
    pub mean_degree: f64,
}

/// The result of [`synergy_impact`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Impact {
    /// The period before.
    pub before: Period,
    /// The period after.
    pub after: Period,
    /// Projects overlapping the period before.
    pub projects_before: usize,
    /// Projects overlapping the period after.
    pub projects_after: usize,
    /// The measures with bootstrap intervals, in the order of [`IMPACT_MEASURES`].
    pub measures: Vec<ImpactMeasure>,
    /// The network of the period before.
    pub network_before: NetworkSize,
    /// The network of the period after.
    pub network_after: NetworkSize,
    /// The bootstrap used.
    pub bootstrap: BootstrapParams,
}

/// The names of the bootstrapped measures of [`synergy_impact`], in output order.
pub const IMPACT_MEASURES: [&str; 6] = ["t_uig", "t_ui", "t_ug", "t_ig", "average_clustering", "cross_border_share"];

fn measures(base: &Dataset, projects: Vec<Project>, params: &ImpactParams) -> ([f64; 6], Option<NetworkSize>) {
    let mut d = base.clone();
    d.projects = projects;
    let table = TripleHelixParams { unit: Unit::Participations, window: None, ..params.table.clone() };
    let th = triple_helix_table(&d, &table).and_then(|t| triple_helix(&t));
    let (t_uig, t_ui, t_ug, t_ig) =
        th.map_or((f64::NAN, f64::NAN, f64::NAN, f64::NAN), |t| (t.t_uig, t.t_ui, t.t_ug, t.t_ig));
    let proj = ProjectionParams { window: None, isolates: network::Isolates::Drop, ..params.projection.clone() };
    let Ok(p) = network::projection(&d, &proj) else {
        return ([t_uig, t_ui, t_ug, t_ig, f64::NAN, f64::NAN], None);
    };
    let net = p.network;
    let (n, m) = (net.node_count(), net.edge_count());
    let cross = network::ei_index(&net, &params.group_by, false).map_or(f64::NAN, |e| e.cross_border_share);
    let clustering = if n > 0 { network::average_clustering(&net, false) } else { f64::NAN };
    let size = NetworkSize {
        actors: n,
        ties: m,
        density: network::density(&net),
        mean_degree: if n > 0 { 2.0 * m as f64 / n as f64 } else { 0.0 },
    };
    ([t_uig, t_ui, t_ug, t_ig, clustering, cross], Some(size))
}

/// Compares Triple Helix synergy and cooperation-network measures between two periods
/// (before and after an initiative), with bootstrap intervals for each value and for the
/// change.
///
/// For each period, the projects whose period overlaps it ([`network::project_period`])
/// give (i) the helix x activity x geography table of their participations
/// ([`Unit::Participations`]) and its `T_uig` and bilateral `T`s, and (ii) the cooperation
/// network of their partners (isolates dropped): its size (actors, ties, density, mean
/// degree), its average clustering and the share of its ties across `group_by` borders
/// ([`network::ei_index`]). The bootstrap resamples the projects of each period with
/// replacement (the project is the unit of cooperation), independently per period, and
/// recomputes the measures; intervals are basic (default) or percentile bootstrap intervals
/// ([`super::IntervalMethod`]), the change interval that of the replicate differences. A
/// measure undefined in a replicate (e.g. no ties) is left out of its interval.
///
/// Why the size measures have no interval: a project drawn twice adds no new partner or
/// tie, so in a resample the network has about 63 % of the distinct projects and every
/// size measure shrinks by construction, an artefact of resampling rather than sampling
/// variation. The bootstrapped measures are those a duplicated project hardly moves: the
/// `T`s (duplicates reweight cells; the plug-in bias of sparse tables, Miller 1955, shows
/// in [`Interval::bias`] and the basic interval corrects it), the cross-border share of
/// ties and the average clustering. Compare the periods through the `change` intervals.
///
/// # Errors
/// [`Error::InvalidParameter`] from [`ImpactParams::check`]; [`Error::Empty`] when a period
/// has no project.
///
/// Complexity: (1 + replicates) x two periods x (a projection + a table).
///
/// ```
/// use clusterpolicy::model::Period;
/// use clusterpolicy::synergy::{BootstrapParams, ImpactParams, synergy_impact};
/// let ds = clusterpolicy::sample::south_east_europe();
/// let mut p = ImpactParams::new(Period { start_year: 2007, end_year: 2013 }, Period { start_year: 2014, end_year: 2020 });
/// p.bootstrap = BootstrapParams { replicates: 50, ..Default::default() };
/// let impact = synergy_impact(&ds, &p)?;
/// assert!(impact.network_before.ties > 0 && impact.network_after.ties > 0);
/// let t = impact.measures.iter().find(|m| m.measure == "t_uig").unwrap();
/// assert!(t.change.lower <= t.change.upper);
/// assert_eq!(t.change.estimate, t.after.estimate - t.before.estimate);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Leydesdorff & Strand (2013) (synergy over time); the project bootstrap after
/// Efron & Tibshirani (1993), ch. 13; network measures as [`crate::network`].
pub fn synergy_impact(ds: &Dataset, params: &ImpactParams) -> Result<Impact> {
    params.check()?;
    let select = |w: Period| -> Vec<&Project> {
        ds.projects
            .iter()
            .filter(|p| {
                project_period(ds, p).is_some_and(|pp| pp.start_year <= w.end_year && pp.end_year >= w.start_year)
            })
            .collect()
    };
    let (pb, pa) = (select(params.before), select(params.after));
    for (ps, n) in [(&pb, "before"), (&pa, "after")] {
        if ps.is_empty() {
            return Err(Error::Empty { what: format!("projects in the period {n}") });
        }
    }
    // The dataset without its projects and the bulky parts no measure reads.
    let base = Dataset {
        name: ds.name.clone(),
        countries: ds.countries.clone(),
        regions: ds.regions.clone(),
        activities: ds.activities.clone(),
        actors: ds.actors.clone(),
        programmes: ds.programmes.clone(),
        ..Dataset::default()
    };
    let own = |ps: &[&Project]| -> Vec<Project> { ps.iter().map(|p| (*p).clone()).collect() };
    let (est_b, size_b) = measures(&base, own(&pb), params);
    let (est_a, size_a) = measures(&base, own(&pa), params);
    let mut rng = ChaCha8Rng::seed_from_u64(params.bootstrap.seed);
    let r = params.bootstrap.replicates;
    let k_all = IMPACT_MEASURES.len();
    let mut reps_b: Vec<Vec<f64>> = (0..k_all).map(|_| Vec::with_capacity(r)).collect();
    let mut reps_a: Vec<Vec<f64>> = (0..k_all).map(|_| Vec::with_capacity(r)).collect();
    let mut reps_d: Vec<Vec<f64>> = (0..k_all).map(|_| Vec::with_capacity(r)).collect();
    let draw = |ps: &[&Project], rng: &mut ChaCha8Rng| -> Vec<Project> {
        (0..ps.len()).map(|_| ps[rng.random_range(0..ps.len())].clone()).collect()
    };
    for _ in 0..r {
        let b = measures(&base, draw(&pb, &mut rng), params).0;
        let a = measures(&base, draw(&pa, &mut rng), params).0;
        for k in 0..k_all {
            reps_b[k].push(b[k]);
            reps_a[k].push(a[k]);
            reps_d[k].push(a[k] - b[k]);
        }
    }
    let (c, method) = (params.bootstrap.confidence, params.bootstrap.method);
    let measures = IMPACT_MEASURES
        .iter()
        .enumerate()
        .map(|(k, name)| ImpactMeasure {
            measure: (*name).to_owned(),
            before: interval(est_b[k], std::mem::take(&mut reps_b[k]), c, method),
            after: interval(est_a[k], std::mem::take(&mut reps_a[k]), c, method),
            change: interval(est_a[k] - est_b[k], std::mem::take(&mut reps_d[k]), c, method),
        })
        .collect();
    let empty = NetworkSize { actors: 0, ties: 0, density: 0.0, mean_degree: 0.0 };
    Ok(Impact {
        before: params.before,
        after: params.after,
        projects_before: pb.len(),
        projects_after: pa.len(),
        measures,
        network_before: size_b.unwrap_or(empty),
        network_after: size_a.unwrap_or(empty),
        bootstrap: params.bootstrap,
    })
}
