//! Triple Helix synergy: Leydesdorff's mutual information in three dimensions, its
//! bilateral terms, the decomposition by groups of geographical units and bootstrap
//! intervals.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use ndarray::{Array3, ArrayView3, Axis};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Binomial, Distribution};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::stats::{Interval, IntervalMethod, interval};
use crate::error::{Error, Result};
use crate::model::{Dataset, HelixKind, Period};
use crate::network::project_period;

/// Entropies and mutual informations of a three-way table, in bits.
///
/// With `p` the cell shares of a table of counts `n_uig` (total `N`), `H_x = -sum p_x log2 p_x`
/// for each margin and joint margin, `T_xy = H_x + H_y - H_xy` (>= 0) and
/// `T_uig = H_u + H_i + H_g - H_ui - H_ug - H_ig + H_uig`, which can be negative: a negative
/// `T_uig` is a reduction of uncertainty that no pair of dimensions explains, Leydesdorff's
/// *synergy*. Many papers report millibits (1000 x bits).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TripleHelix {
    /// Total count `N`.
    pub n: f64,
    /// `H_u`.
    pub h_u: f64,
    /// `H_i`.
    pub h_i: f64,
    /// `H_g`.
    pub h_g: f64,
    /// `H_ui`.
    pub h_ui: f64,
    /// `H_ug`.
    pub h_ug: f64,
    /// `H_ig`.
    pub h_ig: f64,
    /// `H_uig`.
    pub h_uig: f64,
    /// `T_ui = H_u + H_i - H_ui`.
    pub t_ui: f64,
    /// `T_ug = H_u + H_g - H_ug`.
    pub t_ug: f64,
    /// `T_ig = H_i + H_g - H_ig`.
    pub t_ig: f64,
    /// `T_uig`; negative values are synergy.
    pub t_uig: f64,
}

/// `-sum p log2 p` of the (non-negative) counts, with total `n`.
fn entropy<'a>(counts: impl Iterator<Item = &'a f64>, n: f64) -> f64 {
    let mut h = 0.0;
    for &c in counts {
        if c > 0.0 {
            let p = c / n;
            h -= p * p.log2();
        }
    }
    h
}

fn check_counts(counts: ArrayView3<'_, f64>) -> Result<f64> {
    if counts.is_empty() {
        return Err(Error::Empty { what: "three-way table of counts".into() });
    }
    let mut n = 0.0;
    for ((u, i, g), &c) in counts.indexed_iter() {
        if !c.is_finite() {
            return Err(Error::NonFinite {
                what: "three-way table of counts".into(),
                at: format!("cell ({u}, {i}, {g})"),
            });
        }
        if c < 0.0 {
            return Err(Error::param("counts", format!("cell ({u}, {i}, {g}) is negative ({c})")));
        }
        n += c;
    }
    if n <= 0.0 {
        return Err(Error::Empty { what: "three-way table of counts (all cells are zero)".into() });
    }
    Ok(n)
}

fn compute(counts: ArrayView3<'_, f64>, n: f64) -> TripleHelix {
    let m_u = counts.sum_axis(Axis(2)).sum_axis(Axis(1));
    let m_i = counts.sum_axis(Axis(2)).sum_axis(Axis(0));
    let m_g = counts.sum_axis(Axis(1)).sum_axis(Axis(0));
    let m_ui = counts.sum_axis(Axis(2));
    let m_ug = counts.sum_axis(Axis(1));
    let m_ig = counts.sum_axis(Axis(0));
    let h_u = entropy(m_u.iter(), n);
    let h_i = entropy(m_i.iter(), n);
    let h_g = entropy(m_g.iter(), n);
    let h_ui = entropy(m_ui.iter(), n);
    let h_ug = entropy(m_ug.iter(), n);
    let h_ig = entropy(m_ig.iter(), n);
    let h_uig = entropy(counts.iter(), n);
    TripleHelix {
        n,
        h_u,
        h_i,
        h_g,
        h_ui,
        h_ug,
        h_ig,
        h_uig,
        t_ui: h_u + h_i - h_ui,
        t_ug: h_u + h_g - h_ug,
        t_ig: h_i + h_g - h_ig,
        t_uig: h_u + h_i + h_g - h_ui - h_ug - h_ig + h_uig,
    }
}

/// Triple Helix entropies and mutual informations of a bare `u x i x g` array of counts.
///
/// Formula: see [`TripleHelix`]; `counts[[u, i, g]]` is the count of units in category `u`
/// of the first dimension, `i` of the second and `g` of the third. The values do not depend
/// on the order of the categories, nor on which dimension is called `u`, `i` or `g` (for
/// `T_uig`).
///
/// # Errors
/// [`Error::Empty`] for an empty or all-zero table; [`Error::NonFinite`] for NaN or
/// infinite counts and [`Error::InvalidParameter`] (`counts`) for negative ones, each naming
/// the cell.
///
/// Complexity: O(|u| |i| |g|).
///
/// ```
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::synergy::triple_helix_values;
/// // g = u XOR i: every pair independent, yet one bit of synergy.
/// let xor = array![[[1.0, 0.0], [0.0, 1.0]], [[0.0, 1.0], [1.0, 0.0]]];
/// let th = triple_helix_values(xor.view())?;
/// assert_eq!((th.t_ui, th.t_ug, th.t_ig, th.t_uig), (0.0, 0.0, 0.0, -1.0));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Leydesdorff (2003), *Scientometrics* 58(2): 445-467 (mutual information in three
/// dimensions, after Abramson 1963 and McGill 1954); Leydesdorff & Fritsch (2006), *Research
/// Policy* 35(10): 1538-1553. Reproduces `triple_helix_synergy.json` exactly.
pub fn triple_helix_values(counts: ArrayView3<'_, f64>) -> Result<TripleHelix> {
    let n = check_counts(counts)?;
    Ok(compute(counts, n))
}

/// One dimension of a [`ThreeWayTable`]: its name and category labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableAxis {
    /// What the dimension is (`helix`, `activity`, `geography`).
    pub name: String,
    /// Category labels, in the order of the counts.
    pub labels: Vec<String>,
}

/// Units left out of a [`ThreeWayTable`] built from a dataset, by the missing attribute
/// (a unit missing several is counted under the first in this order).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Skipped {
    /// Units without a helix kind.
    pub no_helix: usize,
    /// Units without an activity (at the requested level).
    pub no_activity: usize,
    /// Units without a geographical unit (at the requested level).
    pub no_geography: usize,
}

/// A labelled three-way table of counts: `counts[u][i][g]` for the categories of the
/// dimensions `u`, `i` and `g`.
///
/// Built from a dataset by [`triple_helix_table`] with `u` = helix kind (the organisational
/// dimension), `i` = activity (the industrial or technological dimension) and `g` =
/// geography, the three dimensions of Leydesdorff's firm-level Triple Helix. The JSON form
/// nests the counts as `[[[...]]]`, like `triple_helix_synergy.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThreeWayTable {
    /// First dimension.
    pub u: TableAxis,
    /// Second dimension.
    pub i: TableAxis,
    /// Third dimension.
    pub g: TableAxis,
    /// Counts, `counts[u][i][g]`.
    pub counts: Vec<Vec<Vec<f64>>>,
    /// Units left out (from a dataset; zero otherwise).
    #[serde(default)]
    pub skipped: Skipped,
}

impl ThreeWayTable {
    /// A table from its axes and a `u x i x g` array.
    ///
    /// # Errors
    /// [`Error::ShapeMismatch`] when the array does not fit the labels;
    /// [`Error::DuplicateLabel`] for a label that repeats within an axis.
    pub fn new(u: TableAxis, i: TableAxis, g: TableAxis, counts: ArrayView3<'_, f64>) -> Result<Self> {
        let t = Self {
            counts: counts.outer_iter().map(|m| m.outer_iter().map(|r| r.to_vec()).collect()).collect(),
            u,
            i,
            g,
            skipped: Skipped::default(),
        };
        t.array()?;
        Ok(t)
    }

    /// The counts as a `u x i x g` array, after checking the shape against the labels.
    ///
    /// # Errors
    /// [`Error::ShapeMismatch`] naming the first row of the wrong length;
    /// [`Error::DuplicateLabel`] for a repeated label.
    pub fn array(&self) -> Result<Array3<f64>> {
        for axis in [&self.u, &self.i, &self.g] {
            let mut seen = BTreeSet::new();
            for l in &axis.labels {
                if !seen.insert(l) {
                    return Err(Error::DuplicateLabel { kind: format!("{} label", axis.name), id: l.clone() });
                }
            }
        }
        let (nu, ni, ng) = (self.u.labels.len(), self.i.labels.len(), self.g.labels.len());
        let mismatch = |what: String, expected: usize, found: usize| Error::ShapeMismatch {
            what,
            expected: expected.to_string(),
            found: found.to_string(),
        };
        if self.counts.len() != nu {
            return Err(mismatch(format!("counts: entries for `{}`", self.u.name), nu, self.counts.len()));
        }
        let mut flat = Vec::with_capacity(nu * ni * ng);
        for (a, m) in self.counts.iter().enumerate() {
            if m.len() != ni {
                return Err(mismatch(format!("counts[{a}]: entries for `{}`", self.i.name), ni, m.len()));
            }
            for (b, r) in m.iter().enumerate() {
                if r.len() != ng {
                    return Err(mismatch(format!("counts[{a}][{b}]: entries for `{}`", self.g.name), ng, r.len()));
                }
                flat.extend_from_slice(r);
            }
        }
        Array3::from_shape_vec((nu, ni, ng), flat)
            .map_err(|e| mismatch(format!("counts ({e})"), nu * ni * ng, self.counts.len()))
    }
}

/// Triple Helix entropies and mutual informations of a labelled table.
///
/// Formula and source: see [`triple_helix_values`].
///
/// # Errors
/// As [`triple_helix_values`]; [`Error::ShapeMismatch`] / [`Error::DuplicateLabel`] for an
/// inconsistent table.
///
/// Complexity: O(|u| |i| |g|).
///
/// ```
/// use clusterpolicy::synergy::{TripleHelixParams, triple_helix, triple_helix_table};
/// let ds = clusterpolicy::sample::south_east_europe();
/// let table = triple_helix_table(&ds, &TripleHelixParams::default())?;
/// let th = triple_helix(&table)?;
/// assert!(th.t_ui >= 0.0 && th.t_ug >= 0.0 && th.t_ig >= 0.0);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn triple_helix(table: &ThreeWayTable) -> Result<TripleHelix> {
    let a = table.array()?;
    triple_helix_values(a.view())
}

/// The geographical unit of a [`ThreeWayTable`] or of the groups of a decomposition.
///
/// In JSON: `"region"`, `"country"` or `{"level": 2}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GeographyLevel {
    /// The actor's region as given (`Actor::region`).
    #[default]
    Region,
    /// The actor's country (`Actor::country`, `EL` and `GR` read as one country).
    Country,
    /// The ancestor of the actor's region (itself included) at this level of the hierarchy
    /// (`Region::level`, e.g. 2 for NUTS 2).
    Level(u8),
}

/// How a unit with several activities is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    /// Each unit adds 1 in total, `1 / k` to each of its `k` activities (default), so `N` is
    /// the number of units.
    #[default]
    Fractional,
    /// Each unit adds 1 to each of its activities.
    Whole,
}

/// What a unit of a [`ThreeWayTable`] built from a dataset is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// An actor, with its helix kind, its activities (`Actor::activities`) and its location
    /// (default).
    #[default]
    Actors,
    /// A participation of an actor in a project: the actor's helix kind and location and the
    /// project's activities (the actor's when the project lists none).
    Participations,
}

/// Options of [`triple_helix_table`].
///
/// ```
/// use clusterpolicy::synergy::{GeographyLevel, TripleHelixParams};
/// let p: TripleHelixParams = serde_json::from_str(r#"{"geography": {"level": 2}, "activity_level": 1}"#).unwrap();
/// assert_eq!(p.geography, GeographyLevel::Level(2));
/// assert!(p.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct TripleHelixParams {
    /// The geographical dimension. Default: the actor's region.
    pub geography: GeographyLevel,
    /// The activity dimension at this level of the activity hierarchy (`Activity::level`,
    /// 1 = NACE sections); `None` (default) keeps the activities as given.
    pub activity_level: Option<u8>,
    /// Fractional (default) or whole counting of multi-activity units.
    pub counting: Counting,
    /// Actors (default) or participations.
    pub unit: Unit,
    /// Participations: only projects whose period overlaps this one
    /// ([`crate::network::project_period`]); `None` keeps all.
    pub window: Option<Period>,
    /// Participations: only projects of these programmes; empty keeps all.
    pub programmes: Vec<String>,
}

impl TripleHelixParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`window`) for a window that ends before it starts.
    pub fn check(&self) -> Result<&Self> {
        if let Some(w) = self.window
            && w.end_year < w.start_year
        {
            return Err(Error::param("window", format!("ends ({}) before it starts ({})", w.end_year, w.start_year)));
        }
        Ok(self)
    }
}

/// Walks up the region hierarchy from `start` (itself included) to a region of `level`.
fn ancestor_at<'a>(by_id: &HashMap<&'a str, &'a crate::model::Region>, start: &'a str, level: u8) -> Option<&'a str> {
    let mut cur = Some(start);
    for _ in 0..32 {
        let r = by_id.get(cur?)?;
        if r.level == Some(level) {
            return Some(r.id.as_str());
        }
        cur = r.parent.as_deref();
    }
    None
}

fn canonical(code: &str) -> &str {
    crate::model::canonical_country(code).unwrap_or(code)
}

/// Builds the helix x activity x geography table of a dataset.
///
/// Each unit ([`Unit`]: an actor, or a participation of an actor in a project) adds to the
/// cells (its helix kind, each of its activities, its geographical unit): `1 / k` to each of
/// its `k` activities with [`Counting::Fractional`], 1 with [`Counting::Whole`]. Units
/// without a helix kind, an activity or a geographical unit at the requested levels are left
/// out and counted in [`ThreeWayTable::skipped`]. Labels are sorted (helix kinds in their
/// declaration order); with [`GeographyLevel::Country`], countries are written in their ISO
/// form (`GR` for `EL`).
///
/// Arguments: `ds`, the dataset; `params`, the dimensions and the unit.
///
/// Returns the table with `u` = `helix`, `i` = `activity`, `g` = `geography`.
///
/// # Errors
/// [`Error::InvalidParameter`] from [`TripleHelixParams::check`]; [`Error::Empty`] when no
/// unit has all three attributes.
///
/// Complexity: O(units x activities per unit + cells).
///
/// ```
/// use clusterpolicy::synergy::{GeographyLevel, TripleHelixParams, triple_helix_table};
/// let ds = clusterpolicy::sample::south_east_europe();
/// let p = TripleHelixParams { geography: GeographyLevel::Country, activity_level: Some(1), ..Default::default() };
/// let t = triple_helix_table(&ds, &p)?;
/// assert_eq!(t.g.labels.len(), 16);
/// let n: f64 = t.counts.iter().flatten().flatten().sum();
/// assert!((n - ds.actors.len() as f64).abs() < 1e-9); // fractional counting: one per actor
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: the firm-level Triple Helix of Leydesdorff, Dolfsma & Van der Panne (2006),
/// *Research Policy* 35(2): 181-199 (geography x technology x organisation), here with the
/// helix kind as the organisational dimension.
pub fn triple_helix_table(ds: &Dataset, params: &TripleHelixParams) -> Result<ThreeWayTable> {
    params.check()?;
    let regions: HashMap<&str, &crate::model::Region> = ds.regions.iter().map(|r| (r.id.as_str(), r)).collect();
    let activities: HashMap<&str, &crate::model::Activity> = ds.activities.iter().map(|a| (a.id.as_str(), a)).collect();
    let activity_at = |id: &str| -> Option<String> {
        let Some(level) = params.activity_level else { return Some(id.to_owned()) };
        let mut cur = Some(id);
        for _ in 0..32 {
            let a = activities.get(cur?)?;
            if a.level == Some(level) {
                return Some(a.id.clone());
            }
            cur = a.parent.as_deref();
        }
        None
    };
    let geography = |a: &crate::model::Actor| -> Option<String> {
        match params.geography {
            GeographyLevel::Region => a.region.clone(),
            GeographyLevel::Country => (!a.country.is_empty()).then(|| canonical(&a.country).to_owned()),
            GeographyLevel::Level(l) => {
                a.region.as_deref().and_then(|r| ancestor_at(&regions, r, l)).map(str::to_owned)
            }
        }
    };
    // Units as (helix, activities, geography).
    let mut units: Vec<(Option<HelixKind>, Vec<&str>, Option<String>)> = Vec::new();
    match params.unit {
        Unit::Actors => {
            for a in &ds.actors {
                units.push((a.helix, a.activities.iter().map(String::as_str).collect(), geography(a)));
            }
        }
        Unit::Participations => {
            let actors: HashMap<&str, &crate::model::Actor> = ds.actors.iter().map(|a| (a.id.as_str(), a)).collect();
            for p in &ds.projects {
                if !params.programmes.is_empty() && !p.programme.as_ref().is_some_and(|g| params.programmes.contains(g))
                {
                    continue;
                }
                if let Some(w) = params.window {
                    match project_period(ds, p) {
                        Some(pp) if pp.start_year <= w.end_year && pp.end_year >= w.start_year => {}
                        _ => continue,
                    }
                }
                let mut seen = BTreeSet::new();
                for pa in &p.partners {
                    let Some(a) = actors.get(pa.actor.as_str()) else { continue };
                    if !seen.insert(pa.actor.as_str()) {
                        continue;
                    }
                    let acts: Vec<&str> = if p.activities.is_empty() {
                        a.activities.iter().map(String::as_str).collect()
                    } else {
                        p.activities.iter().map(String::as_str).collect()
                    };
                    units.push((a.helix, acts, geography(a)));
                }
            }
        }
    }
    let mut skipped = Skipped::default();
    let mut cells: BTreeMap<(HelixKind, String, String), f64> = BTreeMap::new();
    for (helix, acts, geo) in units {
        let Some(h) = helix else {
            skipped.no_helix += 1;
            continue;
        };
        let acts: BTreeSet<String> = acts.into_iter().filter_map(activity_at).collect();
        if acts.is_empty() {
            skipped.no_activity += 1;
            continue;
        }
        let Some(g) = geo else {
            skipped.no_geography += 1;
            continue;
        };
        let w = match params.counting {
            Counting::Fractional => 1.0 / acts.len() as f64,
            Counting::Whole => 1.0,
        };
        for a in acts {
            *cells.entry((h, a, g.clone())).or_insert(0.0) += w;
        }
    }
    if cells.is_empty() {
        return Err(Error::Empty { what: "units with a helix kind, an activity and a geographical unit".into() });
    }
    let hs: BTreeSet<HelixKind> = cells.keys().map(|k| k.0).collect();
    let is: BTreeSet<&String> = cells.keys().map(|k| &k.1).collect();
    let gs: BTreeSet<&String> = cells.keys().map(|k| &k.2).collect();
    let hi: BTreeMap<HelixKind, usize> = hs.iter().enumerate().map(|(k, h)| (*h, k)).collect();
    let ii: BTreeMap<&String, usize> = is.iter().enumerate().map(|(k, a)| (*a, k)).collect();
    let gi: BTreeMap<&String, usize> = gs.iter().enumerate().map(|(k, g)| (*g, k)).collect();
    let mut counts = vec![vec![vec![0.0; gs.len()]; is.len()]; hs.len()];
    for ((h, a, g), v) in &cells {
        counts[hi[h]][ii[a]][gi[g]] = *v;
    }
    Ok(ThreeWayTable {
        u: TableAxis { name: "helix".into(), labels: hs.iter().map(|h| h.as_str().to_owned()).collect() },
        i: TableAxis { name: "activity".into(), labels: is.into_iter().cloned().collect() },
        g: TableAxis { name: "geography".into(), labels: gs.into_iter().cloned().collect() },
        counts,
        skipped,
    })
}

/// Options of the seeded bootstrap.
///
/// ```
/// use clusterpolicy::synergy::BootstrapParams;
/// let p = BootstrapParams { replicates: 0, ..Default::default() };
/// assert!(p.check().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct BootstrapParams {
    /// Number of bootstrap replicates. Default 1000.
    pub replicates: usize,
    /// Seed of the random draws (ChaCha8). Default 42.
    pub seed: u64,
    /// Confidence level of the intervals. Default 0.95.
    pub confidence: f64,
    /// The interval: basic (default) or percentile.
    pub method: IntervalMethod,
}

impl Default for BootstrapParams {
    fn default() -> Self {
        Self { replicates: 1000, seed: 42, confidence: 0.95, method: IntervalMethod::Basic }
    }
}

impl BootstrapParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for fewer than 2 replicates or a confidence outside (0, 1).
    pub fn check(&self) -> Result<&Self> {
        if self.replicates < 2 {
            return Err(Error::param("replicates", format!("must be at least 2, got {}", self.replicates)));
        }
        if !(self.confidence > 0.0 && self.confidence < 1.0) {
            return Err(Error::param("confidence", format!("must be in (0, 1), got {}", self.confidence)));
        }
        Ok(self)
    }
}

/// One multinomial resample of the cells: `round(N)` units drawn with the cell shares.
pub(crate) fn resample(counts: &Array3<f64>, n: f64, rng: &mut ChaCha8Rng) -> Array3<f64> {
    let total = n.round().max(1.0) as u64;
    let mut out = Array3::<f64>::zeros(counts.raw_dim());
    let mut left = total;
    let mut mass = n;
    let cells: Vec<usize> = counts.iter().enumerate().filter(|(_, c)| **c > 0.0).map(|(k, _)| k).collect();
    let flat = counts.as_slice_memory_order();
    let out_flat = out.as_slice_memory_order_mut();
    if let (Some(flat), Some(out_flat)) = (flat, out_flat) {
        for (pos, &k) in cells.iter().enumerate() {
            if left == 0 {
                break;
            }
            let c = flat[k];
            let draw = if pos + 1 == cells.len() || mass <= c {
                left
            } else {
                let p = (c / mass).clamp(0.0, 1.0);
                Binomial::new(left, p).map_or(0, |b| b.sample(rng))
            };
            out_flat[k] = draw as f64;
            left -= draw;
            mass -= c;
        }
    }
    out
}

/// Triple Helix values with seeded bootstrap intervals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TripleHelixBootstrap {
    /// The values of the table itself.
    pub estimate: TripleHelix,
    /// Interval of `T_ui`.
    pub t_ui: Interval,
    /// Interval of `T_ug`.
    pub t_ug: Interval,
    /// Interval of `T_ig`.
    pub t_ig: Interval,
    /// Interval of `T_uig`.
    pub t_uig: Interval,
    /// Units drawn per replicate: `N` rounded.
    pub units: u64,
    /// The options used.
    pub params: BootstrapParams,
}

/// Triple Helix values with bootstrap intervals.
///
/// Each replicate draws `round(N)` units with replacement from the table (a multinomial draw
/// with the cell shares, by sequential binomials) and recomputes the values. With `q_lo`,
/// `q_hi` the `(1 - confidence) / 2` and `(1 + confidence) / 2` quantiles of the replicates
/// (linear interpolation, NumPy's default), the interval is the basic one
/// `[2 t - q_hi, 2 t - q_lo]` (default) or the percentile one `[q_lo, q_hi]` ([`IntervalMethod`]); the
/// standard error is the replicates' standard deviation (n - 1) and [`Interval::bias`] their
/// mean minus `t`. Plug-in entropies of sparse tables are biased (a resample concentrates
/// the units in fewer cells, so the `T`s of the replicates are shifted): the basic interval
/// corrects that shift, the percentile interval does not and may then lie entirely on one
/// side of the estimate. With integer counts the resampling is exactly the nonparametric
/// bootstrap of the units; with fractional counting it resamples `round(N)`
/// unit-equivalents.
///
/// # Errors
/// As [`triple_helix`]; [`Error::InvalidParameter`] from [`BootstrapParams::check`].
///
/// Complexity: O(replicates x cells).
///
/// ```
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::synergy::{BootstrapParams, ThreeWayTable, TableAxis, triple_helix_bootstrap};
/// let axis = |n: &str| TableAxis { name: n.into(), labels: vec!["0".into(), "1".into()] };
/// let counts = array![[[30.0, 2.0], [3.0, 25.0]], [[4.0, 28.0], [27.0, 1.0]]];
/// let t = ThreeWayTable::new(axis("u"), axis("i"), axis("g"), counts.view())?;
/// let b = triple_helix_bootstrap(&t, &BootstrapParams { replicates: 200, ..Default::default() })?;
/// assert!(b.t_uig.lower <= b.estimate.t_uig && b.estimate.t_uig <= b.t_uig.upper);
/// assert!(b.t_uig.upper < 0.0); // synergy, clearly
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Davison & Hinkley (1997), *Bootstrap Methods and their Application*, eq. 5.6
/// (basic interval); Efron & Tibshirani (1993), *An Introduction to the Bootstrap*, ch. 13
/// (percentile interval); values as [`triple_helix_values`].
pub fn triple_helix_bootstrap(table: &ThreeWayTable, params: &BootstrapParams) -> Result<TripleHelixBootstrap> {
    params.check()?;
    let counts = table.array()?;
    let n = check_counts(counts.view())?;
    let estimate = compute(counts.view(), n);
    let mut rng = ChaCha8Rng::seed_from_u64(params.seed);
    let mut reps: [Vec<f64>; 4] = Default::default();
    for _ in 0..params.replicates {
        let r = resample(&counts, n, &mut rng);
        let t = compute(r.view(), r.sum());
        for (v, x) in reps.iter_mut().zip([t.t_ui, t.t_ug, t.t_ig, t.t_uig]) {
            v.push(x);
        }
    }
    let [a, b, c, d] = reps;
    Ok(TripleHelixBootstrap {
        t_ui: interval(estimate.t_ui, a, params.confidence, params.method),
        t_ug: interval(estimate.t_ug, b, params.confidence, params.method),
        t_ig: interval(estimate.t_ig, c, params.confidence, params.method),
        t_uig: interval(estimate.t_uig, d, params.confidence, params.method),
        units: n.round().max(1.0) as u64,
        estimate,
        params: *params,
    })
}

/// The Triple Helix values within one group of geographical units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GroupSynergy {
    /// Group name (a country, a NUTS 1 region, ...).
    pub group: String,
    /// The geographical units of the group (labels of the table's `g`).
    pub units: Vec<String>,
    /// Share of the total count in the group, `n_G / N`.
    pub weight: f64,
    /// The values computed on the group's part of the table alone.
    pub synergy: TripleHelix,
    /// Its contribution to the total: `weight x T_uig(G)`.
    pub contribution: f64,
    /// Bootstrap interval of the contribution, when asked for.
    pub interval: Option<Interval>,
}

/// The decomposition of `T_uig` by groups of geographical units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Decomposition {
    /// The values of the whole table.
    pub total: TripleHelix,
    /// One entry per group, by group name.
    pub groups: Vec<GroupSynergy>,
    /// `sum_G (n_G / N) T_uig(G)`: the within-group part.
    pub within: f64,
    /// The between-group part: `T_uig` of the table with geography aggregated to the groups.
    pub between: f64,
    /// The values of the aggregated table (its `t_uig` is [`Decomposition::between`]).
    pub between_table: TripleHelix,
    /// Bootstrap interval of the total `T_uig`, when asked for.
    pub total_interval: Option<Interval>,
    /// Bootstrap interval of the between-group part, when asked for.
    pub between_interval: Option<Interval>,
    /// The bootstrap used, if any.
    pub bootstrap: Option<BootstrapParams>,
}

fn decompose_array(
    counts: &Array3<f64>,
    of: &[usize],
    groups: usize,
) -> (TripleHelix, Vec<(f64, TripleHelix)>, TripleHelix) {
    let n = counts.sum();
    let total = compute(counts.view(), n);
    let (nu, ni, _) = counts.dim();
    let mut agg = Array3::<f64>::zeros((nu, ni, groups));
    for ((u, i, g), &c) in counts.indexed_iter() {
        agg[[u, i, of[g]]] += c;
    }
    let mut parts = Vec::with_capacity(groups);
    for k in 0..groups {
        let cols: Vec<usize> = (0..of.len()).filter(|&g| of[g] == k).collect();
        let sub = counts.select(Axis(2), &cols);
        let nk = sub.sum();
        let th = if nk > 0.0 { compute(sub.view(), nk) } else { compute(sub.view(), 1.0) };
        parts.push((if n > 0.0 { nk / n } else { 0.0 }, th));
    }
    let between = compute(agg.view(), n);
    (total, parts, between)
}

/// Decomposes `T_uig` of a table into the contributions of groups of its geographical
/// units and a between-group term.
///
/// Formula (Leydesdorff & Strand 2013): with `n_G` the count of group `G` and `T_G` the
/// value computed on the group's part of the table,
/// `T_uig = sum_G (n_G / N) T_G + T_between`, where `T_between` is `T_uig` of the table
/// whose geographical dimension is aggregated to the groups. (Each entropy splits as
/// `H = H(G) + sum_G (n_G/N) H_G` for the margins holding `g` and as `H = sum_G (n_G/N) H_G
/// + I(. ; G)` for the others; what is left is `I(u;G) + I(i;G) - I(ui;G)`, which is the
/// aggregated table's `T_uig`.) The identity is exact; the tests check it to 1e-12.
///
/// Arguments: `table`; `groups`, the group of each label of `table.g`; `bootstrap`, when
/// given, percentile intervals of the total, the between term and each contribution
/// (resampling units as [`triple_helix_bootstrap`]).
///
/// Returns the decomposition, groups sorted by name.
///
/// # Errors
/// [`Error::UnknownLabel`] for a geographical unit without a group; the errors of
/// [`triple_helix`] and [`BootstrapParams::check`].
///
/// Complexity: O(cells x (1 + replicates)).
///
/// ```
/// use std::collections::BTreeMap;
/// use clusterpolicy::synergy::{TripleHelixParams, decompose, triple_helix_table};
/// let ds = clusterpolicy::sample::south_east_europe();
/// let table = triple_helix_table(&ds, &TripleHelixParams::default())?;
/// let country: BTreeMap<String, String> =
///     ds.regions.iter().map(|r| (r.id.clone(), r.country.clone())).collect();
/// let d = decompose(&table, &country, None)?;
/// assert!((d.within + d.between - d.total.t_uig).abs() < 1e-9);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Leydesdorff & Strand (2013), *JASIST* 64(9): 1890-1906 ("The Swedish system of
/// innovation: regional synergies in a knowledge-based economy"); Theil (1972) for the
/// decomposition of entropy.
pub fn decompose(
    table: &ThreeWayTable,
    groups: &BTreeMap<String, String>,
    bootstrap: Option<&BootstrapParams>,
) -> Result<Decomposition> {
    let counts = table.array()?;
    let n = check_counts(counts.view())?;
    let names: BTreeSet<&String> = table
        .g
        .labels
        .iter()
        .map(|g| {
            groups
                .get(g)
                .ok_or_else(|| Error::UnknownLabel { kind: "geographical unit of the groups".into(), id: g.clone() })
        })
        .collect::<Result<_>>()?;
    let index: BTreeMap<&String, usize> = names.iter().enumerate().map(|(k, g)| (*g, k)).collect();
    let of: Vec<usize> = table.g.labels.iter().map(|g| index[&groups[g]]).collect();
    let (total, parts, between_table) = decompose_array(&counts, &of, names.len());
    let _ = n;
    let mut intervals: Option<(Interval, Interval, Vec<Interval>)> = None;
    if let Some(bp) = bootstrap {
        bp.check()?;
        let mut rng = ChaCha8Rng::seed_from_u64(bp.seed);
        let mut tot = Vec::with_capacity(bp.replicates);
        let mut bet = Vec::with_capacity(bp.replicates);
        let mut con: Vec<Vec<f64>> = vec![Vec::with_capacity(bp.replicates); names.len()];
        for _ in 0..bp.replicates {
            let r = resample(&counts, total.n, &mut rng);
            let (t, p, b) = decompose_array(&r, &of, names.len());
            tot.push(t.t_uig);
            bet.push(b.t_uig);
            for (c, (w, th)) in con.iter_mut().zip(&p) {
                c.push(w * th.t_uig);
            }
        }
        let per = con
            .into_iter()
            .zip(&parts)
            .map(|(c, (w, th))| interval(w * th.t_uig, c, bp.confidence, bp.method))
            .collect();
        intervals = Some((
            interval(total.t_uig, tot, bp.confidence, bp.method),
            interval(between_table.t_uig, bet, bp.confidence, bp.method),
            per,
        ));
    }
    let groups_out: Vec<GroupSynergy> = names
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let (w, th) = parts[k];
            GroupSynergy {
                group: (*name).clone(),
                units: table.g.labels.iter().zip(&of).filter(|(_, o)| **o == k).map(|(g, _)| g.clone()).collect(),
                weight: w,
                synergy: th,
                contribution: w * th.t_uig,
                interval: intervals.as_ref().map(|i| i.2[k]),
            }
        })
        .collect();
    let within = groups_out.iter().map(|g| g.contribution).sum();
    Ok(Decomposition {
        total,
        groups: groups_out,
        within,
        between: between_table.t_uig,
        between_table,
        total_interval: intervals.as_ref().map(|i| i.0),
        between_interval: intervals.as_ref().map(|i| i.1),
        bootstrap: bootstrap.copied(),
    })
}

/// Options of [`triple_helix_decomposition`].
///
/// ```
/// use clusterpolicy::synergy::{DecompositionParams, GeographyLevel};
/// let p: DecompositionParams = serde_json::from_str(r#"{"groups": "country"}"#).unwrap();
/// assert_eq!(p.table.geography, GeographyLevel::Region);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct DecompositionParams {
    /// The table; its geography must be finer than the groups. Default: actors by region.
    pub table: TripleHelixParams,
    /// The groups of the geographical units: their country (default) or their ancestor at
    /// a level (`{"level": 1}`). [`GeographyLevel::Region`] is not a grouping.
    pub groups: GeographyLevel,
    /// Bootstrap intervals; `None` (default) skips them.
    pub bootstrap: Option<BootstrapParams>,
}

impl Default for DecompositionParams {
    fn default() -> Self {
        Self { table: TripleHelixParams::default(), groups: GeographyLevel::Country, bootstrap: None }
    }
}

/// Decomposes the Triple Helix synergy of a dataset into the contributions of countries (or
/// higher-level regions) and the between-group term: [`triple_helix_table`] then
/// [`decompose`] with the groups of [`DecompositionParams::groups`].
///
/// The group of a geographical unit: with `groups: country`, the country of the region (a
/// country itself when the table is by country: one group per country, so that every
/// within term is 0); with `{"level": l}`, its ancestor at level `l` (a unit without one is
/// its own group).
///
/// # Errors
/// [`Error::InvalidParameter`] (`groups`) for `region`; the errors of
/// [`triple_helix_table`] and [`decompose`].
///
/// Complexity: as [`decompose`].
///
/// ```
/// use clusterpolicy::synergy::{DecompositionParams, triple_helix_decomposition};
/// let ds = clusterpolicy::sample::south_east_europe();
/// let d = triple_helix_decomposition(&ds, &DecompositionParams::default())?;
/// assert_eq!(d.groups.len(), 16); // the 16 countries of the programme area
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: as [`decompose`].
pub fn triple_helix_decomposition(ds: &Dataset, params: &DecompositionParams) -> Result<Decomposition> {
    if params.groups == GeographyLevel::Region {
        return Err(Error::param("groups", "must be `country` or `{\"level\": l}`, not `region`"));
    }
    let table = triple_helix_table(ds, &params.table)?;
    let regions: HashMap<&str, &crate::model::Region> = ds.regions.iter().map(|r| (r.id.as_str(), r)).collect();
    let groups: BTreeMap<String, String> = table
        .g
        .labels
        .iter()
        .map(|g| {
            let group = match (params.table.geography, params.groups) {
                (GeographyLevel::Country, _) | (_, GeographyLevel::Region) => g.clone(),
                (_, GeographyLevel::Country) => {
                    regions.get(g.as_str()).map_or_else(|| g.clone(), |r| canonical(&r.country).to_owned())
                }
                (_, GeographyLevel::Level(l)) => ancestor_at(&regions, g, l).unwrap_or(g).to_owned(),
            };
            (g.clone(), group)
        })
        .collect();
    decompose(&table, &groups, params.bootstrap.as_ref())
}
