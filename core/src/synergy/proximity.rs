//! Proximity-based synergy: Boschma's five proximities and complementarity between two
//! actors, clusters, regions or countries, computed from a dataset.

use std::collections::{BTreeSet, HashMap};

use ndarray::Array2;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::complexity::{RelatednessParams, relatedness};
use crate::error::{Error, Result};
use crate::model::{Coordinates, Dataset, HelixKind, LabelledMatrix, SubjectKind, SubjectRef, canonical_country};
use crate::network::{self, CommunityParams, Network, ProjectionParams};

/// The weight of each proximity in the synergy score.
///
/// Weights are non-negative; only their ratios matter. Default: 1 each.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ProximityWeights {
    /// Cognitive proximity (after the inverted U).
    pub cognitive: f64,
    /// Organisational proximity.
    pub organisational: f64,
    /// Social proximity.
    pub social: f64,
    /// Institutional proximity.
    pub institutional: f64,
    /// Geographical proximity.
    pub geographical: f64,
    /// Complementarity.
    pub complementarity: f64,
}

impl Default for ProximityWeights {
    fn default() -> Self {
        Self {
            cognitive: 1.0,
            organisational: 1.0,
            social: 1.0,
            institutional: 1.0,
            geographical: 1.0,
            complementarity: 1.0,
        }
    }
}

impl ProximityWeights {
    fn as_array(&self) -> [f64; 6] {
        [self.cognitive, self.organisational, self.social, self.institutional, self.geographical, self.complementarity]
    }
}

/// How the cognitive similarity of two activity portfolios is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CognitiveMeasure {
    /// `a.b / (|a| |b|)` on the activity shares: Jaffe's (1986) technological proximity.
    Cosine,
    /// `a'Rb / sqrt(a'Ra b'Rb)` with the relatedness `R` of the activities (diagonal 1): the
    /// soft cosine (Sidorov et al. 2014), which credits related, not only identical,
    /// activities (default). Without a relatedness matrix it is the cosine.
    #[default]
    SoftCosine,
}

/// How organisational proximity is read from the cooperation network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationalMeasure {
    /// Jaccard overlap of the two network neighbourhoods `|N(A) & N(B)| / |N(A) | N(B)|`.
    Neighbourhood,
    /// Share of member pairs in the same network community (Louvain).
    Community,
    /// The mean of the two (default).
    #[default]
    Mean,
}

/// Options of the proximity synergy ([`proximity`], [`proximity_matrix`],
/// [`SynergyContext`]).
///
/// ```
/// use clusterpolicy::synergy::ProximityParams;
/// let p: ProximityParams = serde_json::from_str(r#"{"cognitive_optimum": 0.6, "weights": {"geographical": 2}}"#).unwrap();
/// assert_eq!(p.weights.geographical, 2.0);
/// assert_eq!(p.weights.social, 1.0);
/// assert!(p.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ProximityParams {
    /// Weights of the components.
    pub weights: ProximityWeights,
    /// Cognitive similarity measure. Default soft cosine.
    pub cognitive: CognitiveMeasure,
    /// The optimum of the inverted U of cognitive proximity (too close, little to learn; too
    /// far, no absorptive capacity): `1 - ((c - c*) / max(c*, 1 - c*))^2`. `None` uses the
    /// similarity itself (more is better). Default 0.5.
    pub cognitive_optimum: Option<f64>,
    /// Relatedness of activities computed from the actors' activity portfolios (actors x
    /// activities presence) when no matrix is supplied. Default: proximity (Hidalgo et al.).
    pub relatedness: RelatednessParams,
    /// A relatedness matrix to use instead (activity x activity, e.g.
    /// [`complexity::relatedness`](crate::complexity::relatedness) of regional presence).
    /// Values are clipped to [0, 1] and the diagonal is set to 1.
    pub relatedness_matrix: Option<LabelledMatrix>,
    /// Organisational measure. Default the mean of neighbourhood and community.
    pub organisational: OrganisationalMeasure,
    /// Community detection (Louvain) for organisational proximity.
    pub community: CommunityParams,
    /// The cooperation network (which projects; its edge counts are the joint projects).
    pub projection: ProjectionParams,
    /// Joint projects at which social proximity reaches 0.5: `s = j / (j + h)`. Default 1.
    pub social_half_saturation: f64,
    /// Distance decay of geographical proximity, in km: `exp(-d / decay)`. Default 300.
    pub distance_decay_km: f64,
    /// Distances between regions (km or any unit consistent with `distance_decay_km`),
    /// rows and columns labelled by region ids; used for the pairs it holds, coordinates
    /// (`Region::centroid`, great-circle distance) for the others.
    pub distance_matrix: Option<LabelledMatrix>,
}

impl Default for ProximityParams {
    fn default() -> Self {
        Self {
            weights: ProximityWeights::default(),
            cognitive: CognitiveMeasure::SoftCosine,
            cognitive_optimum: Some(0.5),
            relatedness: RelatednessParams::default(),
            relatedness_matrix: None,
            organisational: OrganisationalMeasure::Mean,
            community: CommunityParams::default(),
            projection: ProjectionParams::default(),
            social_half_saturation: 1.0,
            distance_decay_km: 300.0,
            distance_matrix: None,
        }
    }
}

impl ProximityParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a negative or non-finite weight, all weights 0, an
    /// optimum outside [0, 1], a non-positive half-saturation or decay, or the errors of the
    /// projection and community parameters; [`Error::ShapeMismatch`] for a relatedness
    /// matrix whose rows and columns differ; [`Error::NonFinite`] for NaN in a matrix;
    /// [`Error::InvalidParameter`] (`distance_matrix`) for a negative distance.
    pub fn check(&self) -> Result<&Self> {
        let names = ["cognitive", "organisational", "social", "institutional", "geographical", "complementarity"];
        for (w, n) in self.weights.as_array().iter().zip(names) {
            if !(w.is_finite() && *w >= 0.0) {
                return Err(Error::param(&format!("weights.{n}"), format!("must be finite and >= 0, got {w}")));
            }
        }
        if self.weights.as_array().iter().sum::<f64>() <= 0.0 {
            return Err(Error::param("weights", "at least one weight must be positive"));
        }
        if let Some(o) = self.cognitive_optimum
            && !(0.0..=1.0).contains(&o)
        {
            return Err(Error::param("cognitive_optimum", format!("must be in [0, 1], got {o}")));
        }
        if !(self.social_half_saturation.is_finite() && self.social_half_saturation > 0.0) {
            return Err(Error::param("social_half_saturation", "must be finite and > 0"));
        }
        if !(self.distance_decay_km.is_finite() && self.distance_decay_km > 0.0) {
            return Err(Error::param("distance_decay_km", "must be finite and > 0"));
        }
        self.projection.check()?;
        self.community.check()?;
        if let Some(r) = &self.relatedness_matrix {
            if r.rows() != r.cols() {
                return Err(Error::ShapeMismatch {
                    what: "relatedness_matrix".into(),
                    expected: "the same activities as rows and columns, in the same order".into(),
                    found: format!("{} rows, {} columns", r.rows().len(), r.cols().len()),
                });
            }
            r.check_finite("relatedness_matrix")?;
        }
        if let Some(d) = &self.distance_matrix {
            d.check_finite("distance_matrix")?;
            if let Some(((i, j), v)) = d.values().indexed_iter().find(|(_, v)| **v < 0.0) {
                return Err(Error::param(
                    "distance_matrix",
                    format!("distances must be >= 0, found {v} at `{}` x `{}`", d.rows()[i], d.cols()[j]),
                ));
            }
        }
        Ok(self)
    }
}

/// The six components of proximity synergy, each in [0, 1]; `None` when the data do not
/// allow it (no activities, no network position, no location, ...).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Components {
    /// Cognitive proximity: the inverted U of the portfolio similarity.
    pub cognitive: Option<f64>,
    /// Organisational proximity: shared network neighbourhood and community.
    pub organisational: Option<f64>,
    /// Social proximity: prior joint projects, `j / (j + h)`.
    pub social: Option<f64>,
    /// Institutional proximity: mean of same country and shared programmes.
    pub institutional: Option<f64>,
    /// Geographical proximity: `exp(-distance / decay)`.
    pub geographical: Option<f64>,
    /// Complementarity: related but not identical portfolios.
    pub complementarity: Option<f64>,
}

impl Components {
    fn as_array(&self) -> [Option<f64>; 6] {
        [self.cognitive, self.organisational, self.social, self.institutional, self.geographical, self.complementarity]
    }

    fn from_array(a: [Option<f64>; 6]) -> Self {
        Self {
            cognitive: a[0],
            organisational: a[1],
            social: a[2],
            institutional: a[3],
            geographical: a[4],
            complementarity: a[5],
        }
    }

    /// The weighted mean of the available components and each one's contribution to it.
    pub(crate) fn combine(&self, weights: &ProximityWeights) -> (f64, Components) {
        let w = weights.as_array();
        let x = self.as_array();
        let total: f64 = w.iter().zip(&x).filter(|(_, v)| v.is_some()).map(|(w, _)| w).sum();
        if total <= 0.0 {
            return (0.0, Components::default());
        }
        let mut contrib = [None; 6];
        let mut s = 0.0;
        for k in 0..6 {
            if let Some(v) = x[k] {
                let c = w[k] * v / total;
                contrib[k] = Some(c);
                s += c;
            }
        }
        (s, Components::from_array(contrib))
    }
}

/// The measurements behind the components, so that a score can be explained.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProximityDetails {
    /// Similarity of the activity portfolios before the inverted U.
    pub cognitive_similarity: Option<f64>,
    /// Activities in both portfolios.
    pub shared_activities: Vec<String>,
    /// Jaccard overlap of the network neighbourhoods.
    pub neighbourhood_overlap: Option<f64>,
    /// Share of member pairs in the same community.
    pub same_community: Option<f64>,
    /// Partners (network neighbours) the two have in common.
    pub shared_partners: usize,
    /// Joint projects (for groups: summed over member pairs, as network edge counts).
    pub joint_projects: u64,
    /// Jaccard overlap of the countries (1 for two actors of the same country).
    pub same_country: Option<f64>,
    /// Programmes both take part in or lie in the area of.
    pub shared_programmes: Vec<String>,
    /// Mean distance between their locations.
    pub distance_km: Option<f64>,
}

/// Proximity synergy of two subjects, with its components and their measurements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Proximity {
    /// First subject.
    pub a: SubjectRef,
    /// Second subject.
    pub b: SubjectRef,
    /// The synergy: the weighted mean of the available components, in [0, 1].
    pub synergy: f64,
    /// The components.
    pub components: Components,
    /// Each component's share of the synergy (`w_k x_k / sum of available w`); they add up
    /// to `synergy`.
    pub contributions: Components,
    /// The measurements behind the components.
    pub details: ProximityDetails,
}

/// What a subject is, resolved against the dataset.
#[derive(Debug, Clone, Default)]
pub(crate) struct Profile {
    /// Member actors (indices into `Dataset::actors`), sorted.
    pub(crate) actors: Vec<usize>,
    /// Their network nodes, sorted.
    pub(crate) nodes: Vec<u32>,
    /// Activity shares (index into the context's activities, share), sorted by index.
    pub(crate) portfolio: Vec<(usize, f64)>,
    /// Canonical countries (indices into the context's country codes), sorted.
    pub(crate) countries: Vec<u32>,
    /// Programme indices, sorted.
    pub(crate) programmes: Vec<usize>,
    /// Locations: (region index, weight).
    pub(crate) places: Vec<(usize, f64)>,
    /// Display name.
    pub(crate) name: String,
    /// Helix kinds of the members, sorted.
    pub(crate) helix: Vec<HelixKind>,
}

/// Network measurements of a pair: shared and union neighbourhood sizes, joint projects,
/// same-community share.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct NeighbourStats {
    pub(crate) shared: f64,
    pub(crate) union: f64,
    pub(crate) joint: u64,
    pub(crate) same_community: Option<f64>,
}

/// The numbers behind the components of a pair.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Measures {
    pub(crate) similarity: Option<f64>,
    pub(crate) overlap: Option<f64>,
    pub(crate) same_country: Option<f64>,
    pub(crate) distance: Option<f64>,
}

/// Great-circle distance in km (haversine, mean Earth radius 6371.0088 km).
#[must_use]
pub(crate) fn haversine_km(a: Coordinates, b: Coordinates) -> f64 {
    let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = la2 - la1;
    let dlon = (b.lon - a.lon).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().min(1.0).asin()
}

fn jaccard_sorted<T: Ord>(a: &[T], b: &[T]) -> Option<f64> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    Some(common as f64 / (a.len() + b.len() - common) as f64)
}

/// A supplied distance matrix: row index, column index, values.
type DistanceLookup = (HashMap<String, usize>, HashMap<String, usize>, Array2<f64>);

/// Precomputed data for many proximity computations on one dataset: the cooperation
/// network and its communities, the relatedness of activities, and each actor's portfolio,
/// country, programmes and location.
///
/// Building it costs one projection, one Louvain run and one relatedness computation; every
/// [`SynergyContext::proximity`] after that is cheap. [`proximity`], [`proximity_matrix`],
/// [`match_partners`](super::match_partners) and the other functions of the module build
/// one internally.
///
/// ```
/// use clusterpolicy::model::SubjectRef;
/// use clusterpolicy::synergy::{ProximityParams, SynergyContext};
/// let ds = clusterpolicy::sample::south_east_europe();
/// let ctx = SynergyContext::new(&ds, &ProximityParams::default())?;
/// let p = ctx.proximity(&SubjectRef::cluster("CL-001"), &SubjectRef::cluster("CL-002"))?;
/// assert!((0.0..=1.0).contains(&p.synergy));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub struct SynergyContext<'a> {
    pub(crate) ds: &'a Dataset,
    pub(crate) params: ProximityParams,
    pub(crate) net: Network,
    pub(crate) actor_index: HashMap<&'a str, usize>,
    pub(crate) node_of_actor: Vec<Option<u32>>,
    pub(crate) degree: Vec<u32>,
    community: Option<Vec<usize>>,
    pub(crate) activities: Vec<String>,
    relatedness: Option<Array2<f64>>,
    pub(crate) actor_profiles: Vec<Profile>,
    pub(crate) country_codes: Vec<String>,
    country_index: HashMap<String, u32>,
    region_index: HashMap<&'a str, usize>,
    region_points: Vec<Option<Coordinates>>,
    children: Vec<Vec<usize>>,
    distances: Option<DistanceLookup>,
}

impl<'a> SynergyContext<'a> {
    /// Prepares the proximity computations on a dataset.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] and the other errors of [`ProximityParams::check`]; the
    /// errors of [`network::projection`] and [`network::louvain`].
    ///
    /// Complexity: a projection (O(sum_p n_p^2)), Louvain, and O(m^2 n / 64) for the
    /// relatedness of m activities over n actors.
    pub fn new(ds: &'a Dataset, params: &ProximityParams) -> Result<Self> {
        params.check()?;
        let net = network::projection(ds, &params.projection)?.network;
        let actor_index: HashMap<&str, usize> = ds.actors.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        let mut node_of_actor = vec![None; ds.actors.len()];
        for (v, node) in net.nodes().iter().enumerate() {
            let a = actor_index[node.id.as_str()];
            node_of_actor[a] = Some(v as u32);
        }
        let degree: Vec<u32> = (0..net.node_count()).map(|v| net.degree_without_loops(v) as u32).collect();
        let uses_community = params.weights.organisational > 0.0
            && params.organisational != OrganisationalMeasure::Neighbourhood
            && net.edge_count() > 0;
        let community = if uses_community { Some(network::louvain(&net, &params.community)?.membership) } else { None };

        // Activities: those of portfolios and clusters, plus the supplied matrix's.
        let mut acts: BTreeSet<&str> = BTreeSet::new();
        for a in &ds.actors {
            acts.extend(a.activities.iter().map(String::as_str));
        }
        for c in &ds.clusters {
            acts.extend(c.activities.iter().map(String::as_str));
        }
        if let Some(r) = &params.relatedness_matrix {
            acts.extend(r.rows().iter().map(String::as_str));
        }
        let activities: Vec<String> = acts.into_iter().map(str::to_owned).collect();
        let act_index: HashMap<&str, usize> = activities.iter().enumerate().map(|(k, a)| (a.as_str(), k)).collect();
        let relatedness = Self::relatedness(ds, params, &activities, &act_index)?;

        // Regions: points, children.
        let region_index: HashMap<&str, usize> =
            ds.regions.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
        let mut children = vec![Vec::new(); ds.regions.len()];
        for (i, r) in ds.regions.iter().enumerate() {
            if let Some(&p) = r.parent.as_deref().and_then(|p| region_index.get(p))
                && p != i
            {
                children[p].push(i);
            }
        }
        let region_points = region_points(ds, &region_index, &children);

        let programme_index: HashMap<&str, usize> =
            ds.programmes.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        let mut actor_programmes: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); ds.actors.len()];
        for p in &ds.projects {
            if let Some(&g) = p.programme.as_deref().and_then(|g| programme_index.get(g)) {
                for pa in &p.partners {
                    if let Some(&a) = actor_index.get(pa.actor.as_str()) {
                        actor_programmes[a].insert(g);
                    }
                }
            }
        }
        // Area membership: the region or one of its ancestors is in the programme area.
        let areas: Vec<BTreeSet<&str>> =
            ds.programmes.iter().map(|p| p.area.iter().map(String::as_str).collect()).collect();
        if areas.iter().any(|a| !a.is_empty()) {
            for (a, actor) in ds.actors.iter().enumerate() {
                let mut cur = actor.region.as_deref();
                for _ in 0..32 {
                    let Some(r) = cur else { break };
                    for (g, area) in areas.iter().enumerate() {
                        if area.contains(r) {
                            actor_programmes[a].insert(g);
                        }
                    }
                    cur = region_index.get(r).and_then(|&i| ds.regions[i].parent.as_deref());
                }
            }
        }
        let mut codes: BTreeSet<String> = BTreeSet::new();
        for c in ds.actors.iter().map(|a| &a.country).chain(ds.regions.iter().map(|r| &r.country)) {
            if !c.is_empty() {
                codes.insert(canonical_country(c).unwrap_or(c).to_owned());
            }
        }
        let country_codes: Vec<String> = codes.into_iter().collect();
        let country_index: HashMap<String, u32> =
            country_codes.iter().enumerate().map(|(i, c)| (c.clone(), i as u32)).collect();
        let actor_profiles: Vec<Profile> = ds
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let acts: BTreeSet<usize> =
                    a.activities.iter().filter_map(|x| act_index.get(x.as_str()).copied()).collect();
                let share = 1.0 / acts.len().max(1) as f64;
                Profile {
                    actors: vec![i],
                    nodes: node_of_actor[i].into_iter().collect(),
                    portfolio: acts.into_iter().map(|k| (k, share)).collect(),
                    countries: country_index
                        .get(canonical_country(&a.country).unwrap_or(&a.country))
                        .copied()
                        .into_iter()
                        .collect(),
                    programmes: actor_programmes[i].iter().copied().collect(),
                    places: a
                        .region
                        .as_deref()
                        .and_then(|r| region_index.get(r))
                        .map(|&r| vec![(r, 1.0)])
                        .unwrap_or_default(),
                    name: a.name.clone(),
                    helix: a.helix.into_iter().collect(),
                }
            })
            .collect();
        let distances = params.distance_matrix.as_ref().map(|d| {
            let rows = d.rows().iter().enumerate().map(|(i, r)| (r.clone(), i)).collect();
            let cols = d.cols().iter().enumerate().map(|(i, r)| (r.clone(), i)).collect();
            (rows, cols, d.values().to_owned())
        });
        Ok(Self {
            ds,
            params: params.clone(),
            net,
            actor_index,
            node_of_actor,
            degree,
            community,
            activities,
            relatedness,
            actor_profiles,
            country_codes,
            country_index,
            region_index,
            region_points,
            children,
            distances,
        })
    }

    fn relatedness(
        ds: &Dataset,
        params: &ProximityParams,
        activities: &[String],
        act_index: &HashMap<&str, usize>,
    ) -> Result<Option<Array2<f64>>> {
        let m = activities.len();
        if m == 0 {
            return Ok(None);
        }
        let mut r = Array2::<f64>::zeros((m, m));
        if let Some(sup) = &params.relatedness_matrix {
            for (i, a) in sup.rows().iter().enumerate() {
                for (j, b) in sup.cols().iter().enumerate() {
                    r[[act_index[a.as_str()], act_index[b.as_str()]]] = sup.values()[[i, j]].clamp(0.0, 1.0);
                }
            }
        } else {
            let with: Vec<&crate::model::Actor> = ds.actors.iter().filter(|a| !a.activities.is_empty()).collect();
            if with.is_empty() {
                return Ok(None);
            }
            let mut presence = Array2::<f64>::zeros((with.len(), m));
            for (i, a) in with.iter().enumerate() {
                for x in &a.activities {
                    if let Some(&k) = act_index.get(x.as_str()) {
                        presence[[i, k]] = 1.0;
                    }
                }
            }
            let rows: Vec<String> = (0..with.len()).map(|i| format!("a{i}")).collect();
            let pm = LabelledMatrix::new(rows, activities.to_vec(), presence)?;
            let rel = relatedness(&pm, &params.relatedness)?;
            r = rel.values().mapv(|x| x.clamp(0.0, 1.0));
        }
        r.diag_mut().fill(1.0);
        Ok(Some(r))
    }

    /// The cooperation network the context uses (the projection of
    /// [`ProximityParams::projection`]).
    #[must_use]
    pub fn network(&self) -> &Network {
        &self.net
    }

    /// The resolved profile of a subject.
    pub(crate) fn profile(&self, s: &SubjectRef) -> Result<Profile> {
        let ds = self.ds;
        let unknown = || Error::UnknownLabel { kind: s.kind.as_str().to_owned(), id: s.id.clone() };
        match s.kind {
            SubjectKind::Actor => {
                let &a = self.actor_index.get(s.id.as_str()).ok_or_else(unknown)?;
                Ok(self.actor_profiles[a].clone())
            }
            SubjectKind::Cluster => {
                let c = ds.clusters.iter().find(|c| c.id == s.id).ok_or_else(unknown)?;
                let members: BTreeSet<usize> = c
                    .members
                    .iter()
                    .chain(c.manager.iter())
                    .filter_map(|m| self.actor_index.get(m.as_str()).copied())
                    .collect();
                let mut p = self.group(members.into_iter().collect(), c.name.clone());
                let declared: BTreeSet<usize> =
                    c.activities.iter().filter_map(|x| self.activities.binary_search(x).ok()).collect();
                if !declared.is_empty() {
                    let share = 1.0 / declared.len() as f64;
                    p.portfolio = declared.into_iter().map(|k| (k, share)).collect();
                }
                let places: Vec<usize> =
                    c.regions.iter().filter_map(|r| self.region_index.get(r.as_str()).copied()).collect();
                if !places.is_empty() {
                    let w = 1.0 / places.len() as f64;
                    p.places = places.into_iter().map(|r| (r, w)).collect();
                    let mut cs: BTreeSet<u32> = p.countries.into_iter().collect();
                    for &(r, _) in &p.places {
                        cs.extend(self.country_id(&ds.regions[r].country));
                    }
                    p.countries = cs.into_iter().collect();
                }
                Ok(p)
            }
            SubjectKind::Region => {
                let &r = self.region_index.get(s.id.as_str()).ok_or_else(unknown)?;
                let mut inside = BTreeSet::new();
                let mut stack = vec![r];
                while let Some(x) = stack.pop() {
                    if inside.insert(x) && inside.len() <= ds.regions.len() {
                        stack.extend(self.children[x].iter().copied());
                    }
                }
                let members: Vec<usize> = ds
                    .actors
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| {
                        a.region.as_deref().and_then(|x| self.region_index.get(x)).is_some_and(|i| inside.contains(i))
                    })
                    .map(|(i, _)| i)
                    .collect();
                let region = &ds.regions[r];
                let mut p = self.group(members, region.name.clone());
                p.places = vec![(r, 1.0)];
                p.countries = self.country_id(&region.country).into_iter().collect();
                Ok(p)
            }
            SubjectKind::Country => {
                let code = canonical_country(&s.id).unwrap_or(&s.id).to_owned();
                let members: Vec<usize> = ds
                    .actors
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| canonical_country(&a.country).unwrap_or(&a.country) == code)
                    .map(|(i, _)| i)
                    .collect();
                if members.is_empty() && canonical_country(&s.id).is_none() {
                    return Err(unknown());
                }
                let name = ds
                    .countries
                    .iter()
                    .find(|c| crate::model::same_country(&c.code, &s.id))
                    .map_or_else(|| s.id.clone(), |c| c.name.clone());
                let mut p = self.group(members, name);
                p.countries = self.country_id(&code).into_iter().collect();
                Ok(p)
            }
            _ => Err(Error::param(
                "subject",
                format!(
                    "proximity is defined for actors, clusters, regions and countries, not for a {} (`{}`)",
                    s.kind.as_str(),
                    s.id
                ),
            )),
        }
    }

    /// The index of a country code (`EL` = `GR`), if any actor or region has it.
    pub(crate) fn country_id(&self, code: &str) -> Option<u32> {
        self.country_index.get(canonical_country(code).unwrap_or(code)).copied()
    }

    /// The ISO codes of a profile's countries.
    pub(crate) fn country_names(&self, p: &Profile) -> Vec<String> {
        p.countries.iter().map(|&c| self.country_codes[c as usize].clone()).collect()
    }

    /// The profile of a set of actors: union of nodes, summed portfolios, ...
    pub(crate) fn group(&self, actors: Vec<usize>, name: String) -> Profile {
        let mut nodes = Vec::new();
        let mut weights: Vec<f64> = vec![0.0; self.activities.len()];
        let mut countries = BTreeSet::new();
        let mut programmes = BTreeSet::new();
        let mut places: HashMap<usize, f64> = HashMap::new();
        let mut helix = BTreeSet::new();
        for &a in &actors {
            let p = &self.actor_profiles[a];
            nodes.extend(p.nodes.iter().copied());
            for &(k, w) in &p.portfolio {
                weights[k] += w;
            }
            countries.extend(p.countries.iter().copied());
            programmes.extend(p.programmes.iter().copied());
            for &(r, w) in &p.places {
                *places.entry(r).or_insert(0.0) += w;
            }
            helix.extend(p.helix.iter().copied());
        }
        nodes.sort_unstable();
        nodes.dedup();
        let total: f64 = weights.iter().sum();
        let portfolio = weights.iter().enumerate().filter(|(_, w)| **w > 0.0).map(|(k, w)| (k, w / total)).collect();
        let mut places: Vec<(usize, f64)> = places.into_iter().collect();
        places.sort_unstable_by_key(|p| p.0);
        Profile {
            actors,
            nodes,
            portfolio,
            countries: countries.into_iter().collect(),
            programmes: programmes.into_iter().collect(),
            places,
            name,
            helix: helix.into_iter().collect(),
        }
    }

    /// Network measurements of two profiles from their node sets.
    pub(crate) fn neighbour_stats(&self, a: &Profile, b: &Profile) -> NeighbourStats {
        let nb = |p: &Profile| -> Vec<u32> {
            let mut s: Vec<u32> = Vec::new();
            for &v in &p.nodes {
                s.extend(self.net.neighbors(v as usize).iter().copied().filter(|&w| w != v));
            }
            s.sort_unstable();
            s.dedup();
            s
        };
        let (na, nb_) = (nb(a), nb(b));
        let mut shared = 0usize;
        let (mut i, mut j) = (0, 0);
        while i < na.len() && j < nb_.len() {
            match na[i].cmp(&nb_[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let mut joint = 0u64;
        for &u in &a.nodes {
            let nbr = self.net.neighbors(u as usize);
            for (&w, &e) in nbr.iter().zip(self.net.neighbor_edges(u as usize)) {
                if w != u && b.nodes.binary_search(&w).is_ok() {
                    joint += self.net.edges()[e as usize].count;
                }
            }
        }
        let same_community = self.community.as_ref().and_then(|c| {
            if a.nodes.is_empty() || b.nodes.is_empty() {
                return None;
            }
            let mut same = 0usize;
            for &u in &a.nodes {
                for &v in &b.nodes {
                    if c[u as usize] == c[v as usize] {
                        same += 1;
                    }
                }
            }
            Some(same as f64 / (a.nodes.len() * b.nodes.len()) as f64)
        });
        NeighbourStats { shared: shared as f64, union: (na.len() + nb_.len() - shared) as f64, joint, same_community }
    }

    /// Same-community indicator of two nodes (None without communities).
    pub(crate) fn same_community_nodes(&self, u: u32, v: u32) -> Option<f64> {
        self.community.as_ref().map(|c| if c[u as usize] == c[v as usize] { 1.0 } else { 0.0 })
    }

    fn cognitive_similarity(&self, a: &[(usize, f64)], b: &[(usize, f64)]) -> Option<f64> {
        if a.is_empty() || b.is_empty() {
            return None;
        }
        let sim = if let (CognitiveMeasure::SoftCosine, Some(r)) = (self.params.cognitive, &self.relatedness) {
            let q = |x: &[(usize, f64)], y: &[(usize, f64)]| -> f64 {
                let mut s = 0.0;
                for &(i, xi) in x {
                    for &(j, yj) in y {
                        s += xi * r[[i, j]] * yj;
                    }
                }
                s
            };
            let (ab, aa, bb) = (q(a, b), q(a, a), q(b, b));
            if aa <= 0.0 || bb <= 0.0 { 0.0 } else { ab / (aa * bb).sqrt() }
        } else {
            let dot = merge_dot(a, b);
            let na: f64 = a.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
            let nb: f64 = b.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
            dot / (na * nb)
        };
        Some(sim.clamp(0.0, 1.0))
    }

    fn complementarity(&self, a: &[(usize, f64)], b: &[(usize, f64)]) -> Option<f64> {
        let r = self.relatedness.as_ref()?;
        if a.is_empty() || b.is_empty() {
            return None;
        }
        let overlap = merge_min(a, b);
        let mut num = 0.0;
        let mut den = 0.0;
        for &(i, x) in a {
            for &(j, y) in b {
                if i != j {
                    num += x * y * r[[i, j]];
                    den += x * y;
                }
            }
        }
        let cross = if den > 0.0 { num / den } else { 0.0 };
        Some(((1.0 - overlap) * cross).clamp(0.0, 1.0))
    }

    fn distance(&self, a: &[(usize, f64)], b: &[(usize, f64)]) -> Option<f64> {
        let mut num = 0.0;
        let mut den = 0.0;
        for &(r, wr) in a {
            for &(s, ws) in b {
                if let Some(d) = self.region_distance(r, s) {
                    num += wr * ws * d;
                    den += wr * ws;
                }
            }
        }
        (den > 0.0).then(|| num / den)
    }

    /// Distance between two regions: the supplied matrix, else the great-circle distance of
    /// their points.
    pub(crate) fn region_distance(&self, r: usize, s: usize) -> Option<f64> {
        if r == s {
            return Some(0.0);
        }
        if let Some((rows, cols, m)) = &self.distances {
            let (a, b) = (&self.ds.regions[r].id, &self.ds.regions[s].id);
            if let (Some(&i), Some(&j)) = (rows.get(a), cols.get(b)) {
                return Some(m[[i, j]]);
            }
        }
        match (self.region_points[r], self.region_points[s]) {
            (Some(p), Some(q)) => Some(haversine_km(p, q)),
            _ => None,
        }
    }

    /// Components of two profiles given their network measurements, with the numbers
    /// behind them (no allocation).
    pub(crate) fn components(&self, a: &Profile, b: &Profile, ns: &NeighbourStats) -> (Components, Measures) {
        let p = &self.params;
        let sim = self.cognitive_similarity(&a.portfolio, &b.portfolio);
        let cognitive = sim.map(|c| inverted_u(c, p.cognitive_optimum));
        let complementarity = self.complementarity(&a.portfolio, &b.portfolio);
        let has_nodes = !a.nodes.is_empty() && !b.nodes.is_empty();
        let overlap = has_nodes.then(|| if ns.union > 0.0 { ns.shared / ns.union } else { 0.0 });
        let organisational = match p.organisational {
            OrganisationalMeasure::Neighbourhood => overlap,
            OrganisationalMeasure::Community => ns.same_community,
            OrganisationalMeasure::Mean => match (overlap, ns.same_community) {
                (Some(x), Some(y)) => Some(f64::midpoint(x, y)),
                (x, y) => x.or(y),
            },
        };
        let social = (!a.actors.is_empty() && !b.actors.is_empty())
            .then(|| ns.joint as f64 / (ns.joint as f64 + p.social_half_saturation));
        let same_country = jaccard_sorted(&a.countries, &b.countries);
        let shared_prog =
            if self.ds.programmes.is_empty() { None } else { jaccard_sorted(&a.programmes, &b.programmes) };
        let institutional = match (same_country, shared_prog) {
            (Some(x), Some(y)) => Some(f64::midpoint(x, y)),
            (x, y) => x.or(y),
        };
        let distance = self.distance(&a.places, &b.places);
        let geographical = distance.map(|d| (-d / p.distance_decay_km).exp());
        let components = Components { cognitive, organisational, social, institutional, geographical, complementarity };
        (components, Measures { similarity: sim, overlap, same_country, distance })
    }

    /// The explained measurements of a pair.
    pub(crate) fn details(&self, a: &Profile, b: &Profile, ns: &NeighbourStats, m: &Measures) -> ProximityDetails {
        ProximityDetails {
            cognitive_similarity: m.similarity,
            shared_activities: a
                .portfolio
                .iter()
                .filter(|(k, _)| b.portfolio.binary_search_by_key(k, |x| x.0).is_ok())
                .map(|(k, _)| self.activities[*k].clone())
                .collect(),
            neighbourhood_overlap: m.overlap,
            same_community: ns.same_community,
            shared_partners: ns.shared as usize,
            joint_projects: ns.joint,
            same_country: m.same_country,
            shared_programmes: a
                .programmes
                .iter()
                .filter(|g| b.programmes.binary_search(g).is_ok())
                .map(|&g| self.ds.programmes[g].id.clone())
                .collect(),
            distance_km: m.distance,
        }
    }

    /// The full proximity of two resolved profiles.
    pub(crate) fn explain(
        &self,
        a: &SubjectRef,
        b: &SubjectRef,
        pa: &Profile,
        pb: &Profile,
        ns: &NeighbourStats,
    ) -> Proximity {
        let (components, m) = self.components(pa, pb, ns);
        let (synergy, contributions) = components.combine(&self.params.weights);
        let details = self.details(pa, pb, ns, &m);
        Proximity { a: a.clone(), b: b.clone(), synergy, components, contributions, details }
    }

    /// Proximity synergy of two subjects (actors, clusters, regions or countries; the two
    /// may be of different kinds).
    ///
    /// Formula: `synergy = sum_k w_k x_k / sum_{k available} w_k` over the components `x_k`
    /// the data allow ([`Components`]); see [`proximity`] for each component.
    ///
    /// # Errors
    /// [`Error::UnknownLabel`] for an unknown subject; [`Error::InvalidParameter`]
    /// (`subject`) for a kind other than actor, cluster, region or country.
    ///
    /// Complexity: O(members x degree + portfolio sizes^2 + places^2).
    pub fn proximity(&self, a: &SubjectRef, b: &SubjectRef) -> Result<Proximity> {
        let pa = self.profile(a)?;
        let pb = self.profile(b)?;
        let ns = self.neighbour_stats(&pa, &pb);
        Ok(self.explain(a, b, &pa, &pb, &ns))
    }
}

/// `1 - ((c - o) / max(o, 1 - o))^2`, or `c` without an optimum.
pub(crate) fn inverted_u(c: f64, optimum: Option<f64>) -> f64 {
    match optimum {
        None => c,
        Some(o) => {
            let w = o.max(1.0 - o);
            (1.0 - ((c - o) / w).powi(2)).clamp(0.0, 1.0)
        }
    }
}

fn merge_dot(a: &[(usize, f64)], b: &[(usize, f64)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

fn merge_min(a: &[(usize, f64)], b: &[(usize, f64)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1.min(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// A representative point per region: its centroid, else the mean of its children's points,
/// else its parent's point.
fn region_points(ds: &Dataset, index: &HashMap<&str, usize>, children: &[Vec<usize>]) -> Vec<Option<Coordinates>> {
    let n = ds.regions.len();
    let mut pts: Vec<Option<Coordinates>> = ds.regions.iter().map(|r| r.centroid).collect();
    // Bottom-up: repeat until no change (hierarchies are shallow).
    for _ in 0..8 {
        let mut changed = false;
        for i in 0..n {
            if pts[i].is_none() {
                let kids: Vec<Coordinates> = children[i].iter().filter_map(|&c| pts[c]).collect();
                if !kids.is_empty() {
                    let k = kids.len() as f64;
                    pts[i] = Some(Coordinates {
                        lat: kids.iter().map(|p| p.lat).sum::<f64>() / k,
                        lon: kids.iter().map(|p| p.lon).sum::<f64>() / k,
                    });
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    for _ in 0..8 {
        let mut changed = false;
        for i in 0..n {
            if pts[i].is_none()
                && let Some(&p) = ds.regions[i].parent.as_deref().and_then(|p| index.get(p))
                && pts[p].is_some()
            {
                pts[i] = pts[p];
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    pts
}

/// Proximity synergy of two subjects of a dataset: Boschma's five proximities and
/// complementarity, combined by weights.
///
/// | component | measured as | from |
/// |---|---|---|
/// | cognitive | `1 - ((c - c*) / max(c*, 1 - c*))^2` of the portfolio similarity `c` ([`CognitiveMeasure`]; the inverted U of Nooteboom et al. 2007; `c` itself without an optimum) | activity portfolios: `Actor::activities` (equal shares), a cluster's declared activities (else its members'), a region's or country's actors summed |
/// | organisational | Jaccard overlap of the network neighbourhoods, share of member pairs in the same Louvain community, or their mean ([`OrganisationalMeasure`]) | the projection of [`ProximityParams::projection`] |
/// | social | `j / (j + h)` for `j` joint projects (edge counts summed over member pairs) | the same network |
/// | institutional | mean of the Jaccard overlap of the countries (same country = 1 for two actors) and of the programmes (taken part in, or whose area holds the location) | countries, projects, programme areas |
/// | geographical | `exp(-d / decay)` for the mean distance `d` between the locations (weighted by members) | `Region::centroid` (great circle), or [`ProximityParams::distance_matrix`] |
/// | complementarity | `(1 - overlap) x cross-relatedness`, `overlap = sum_i min(a_i, b_i)`, `cross = sum_{i != j} a_i b_j R_ij / sum_{i != j} a_i b_j` | portfolios and relatedness |
///
/// `synergy = sum_k w_k x_k / sum_{k available} w_k`, a weighted mean over the components
/// the data allow, so it lies in [0, 1]; [`Proximity::contributions`] splits it by
/// component. All components are symmetric in `a` and `b` when the relatedness and distance
/// matrices are symmetric (the default relatedness is); a conditional-probability
/// relatedness or an asymmetric distance matrix (travel times) makes the score asymmetric.
///
/// Arguments: `ds`; `a`, `b`: subjects (actor, cluster, region or country, of any kinds);
/// `params`.
///
/// # Errors
/// [`Error::UnknownLabel`] for an unknown subject; [`Error::InvalidParameter`] for another
/// kind of subject and the errors of [`SynergyContext::new`].
///
/// Complexity: building a [`SynergyContext`] (reuse one for many pairs), then O(members x
/// degree).
///
/// ```
/// use clusterpolicy::model::SubjectRef;
/// use clusterpolicy::synergy::{proximity, ProximityParams};
/// let ds = clusterpolicy::sample::south_east_europe();
/// let (a, b) = (SubjectRef::region("SI04"), SubjectRef::region("HR05"));
/// let p = proximity(&ds, &a, &b, &ProximityParams::default())?;
/// let q = proximity(&ds, &b, &a, &ProximityParams::default())?;
/// assert!((p.synergy - q.synergy).abs() < 1e-12);
/// let km = p.details.distance_km.unwrap(); // Ljubljana - Zagreb
/// assert!((100.0..130.0).contains(&km));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Boschma (2005), *Regional Studies* 39(1): 61-74 (the five proximities); Nooteboom
/// et al. (2007), *Research Policy* 36(7): 1016-1034 (inverted U of cognitive distance);
/// Jaffe (1986), *AER* 76(5): 984-1001 (cosine of portfolios); Balland, Boschma & Frenken
/// (2015), *Regional Studies* 49(6): 907-920 (proximity dynamics).
pub fn proximity(ds: &Dataset, a: &SubjectRef, b: &SubjectRef, params: &ProximityParams) -> Result<Proximity> {
    SynergyContext::new(ds, params)?.proximity(a, b)
}

/// Proximity synergy between every pair of a list of subjects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProximityMatrix {
    /// The subjects, in the order given.
    pub subjects: Vec<SubjectRef>,
    /// Synergy, `subjects x subjects` labelled by subject id (diagonal: the subject with
    /// itself).
    pub synergy: LabelledMatrix,
    /// Every pair `i < j` with its components and details, row-major.
    pub pairs: Vec<Proximity>,
}

/// Proximity synergy between every pair of subjects: a matrix and the explained pairs.
///
/// # Errors
/// As [`proximity`]; [`Error::DuplicateLabel`] for a subject id given twice;
/// [`Error::Empty`] for no subjects.
///
/// Complexity: one context, then O(s^2) pairs.
///
/// ```
/// use clusterpolicy::model::SubjectRef;
/// use clusterpolicy::synergy::{proximity_matrix, ProximityParams};
/// let ds = clusterpolicy::sample::south_east_europe();
/// let s: Vec<SubjectRef> = ds.clusters.iter().take(4).map(|c| SubjectRef::cluster(c.id.clone())).collect();
/// let m = proximity_matrix(&ds, &s, &ProximityParams::default())?;
/// assert_eq!(m.pairs.len(), 6);
/// assert_eq!(m.synergy.dim(), (4, 4));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: as [`proximity`].
pub fn proximity_matrix(ds: &Dataset, subjects: &[SubjectRef], params: &ProximityParams) -> Result<ProximityMatrix> {
    if subjects.is_empty() {
        return Err(Error::Empty { what: "subjects".into() });
    }
    let ctx = SynergyContext::new(ds, params)?;
    let profiles: Vec<Profile> = subjects.iter().map(|s| ctx.profile(s)).collect::<Result<_>>()?;
    let n = subjects.len();
    let mut m = Array2::<f64>::zeros((n, n));
    let mut pairs = Vec::new();
    for i in 0..n {
        for j in i..n {
            let ns = ctx.neighbour_stats(&profiles[i], &profiles[j]);
            let p = ctx.explain(&subjects[i], &subjects[j], &profiles[i], &profiles[j], &ns);
            m[[i, j]] = p.synergy;
            if i != j {
                // The reverse pair: computed, not copied, so asymmetric inputs show.
                let ns2 = ctx.neighbour_stats(&profiles[j], &profiles[i]);
                m[[j, i]] = ctx.components(&profiles[j], &profiles[i], &ns2).0.combine(&ctx.params.weights).0;
                pairs.push(p);
            }
        }
    }
    let labels: Vec<String> = subjects.iter().map(|s| s.id.clone()).collect();
    let synergy = LabelledMatrix::new(labels.clone(), labels, m)?;
    Ok(ProximityMatrix { subjects: subjects.to_vec(), synergy, pairs })
}
