//! Networks from the data model: the bipartite actor-project graph, its projection to an
//! actor-actor network, time windows, and aggregation to regions and countries.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::graph::{Edge, GroupBy, Network, Node, NodeLevel};
use crate::error::{Error, Result};
use crate::model::{Dataset, Period, Project};

/// How the weight of a tie between two actors is computed from their joint projects.
///
/// For a project `p` with `n_p` partners (after the consortium-size filter):
///
/// | rule | contribution of `p` to `w_ij` | source |
/// |---|---|---|
/// | `joint_projects` | 1 | the "stacked" co-participation count |
/// | `newman` | 1 / (n_p - 1) | Newman (2001), Phys. Rev. E 64, 016132: an actor's strength is its number of projects |
/// | `fractional` | 2 / (n_p (n_p - 1)) | full fractional counting: each project adds 1 to the network in total (Perianes-Rodriguez, Waltman & van Eck 2016, J. Informetrics 10, 1178) |
/// | `money` | (c_ip + c_jp) / (n_p - 1) | each partner's contribution (`Partner::contribution`, missing = 0) spread evenly over its n_p - 1 ties, so a project's ties add up to its total contribution; ties of weight 0 are dropped |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Weighting {
    /// Number of joint projects.
    #[default]
    JointProjects,
    /// Newman's collaboration weight.
    Newman,
    /// Fractional counting.
    Fractional,
    /// EC contribution (money).
    Money,
}

/// Whether actors without any tie stay in a network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Isolates {
    /// Keep them (as NetworkX keeps nodes of single-partner projects).
    #[default]
    Keep,
    /// Drop them.
    Drop,
}

/// Options of [`projection`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ProjectionParams {
    /// The tie weight.
    pub weighting: Weighting,
    /// Projects with more partners than this are left out (large consortia make cliques
    /// that say little about cooperation); `None` keeps all.
    pub max_consortium_size: Option<usize>,
    /// The "stable partnership" threshold: only ties with at least this many joint projects
    /// are kept (1 keeps all).
    pub min_joint_projects: u64,
    /// Only projects whose period overlaps this one (see [`project_period`]); `None` keeps all.
    pub window: Option<Period>,
    /// Only projects of these programmes (ids); empty keeps all.
    pub programmes: Vec<String>,
    /// Whether associated partners (without budget of their own) count as partners.
    pub include_associated: bool,
    /// Whether actors without ties stay in the network.
    pub isolates: Isolates,
}

impl Default for ProjectionParams {
    fn default() -> Self {
        Self {
            weighting: Weighting::JointProjects,
            max_consortium_size: None,
            min_joint_projects: 1,
            window: None,
            programmes: Vec::new(),
            include_associated: true,
            isolates: Isolates::Keep,
        }
    }
}

impl ProjectionParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for `max_consortium_size < 2`, `min_joint_projects == 0`
    /// or a window whose end precedes its start.
    pub fn check(&self) -> Result<&Self> {
        if self.max_consortium_size.is_some_and(|k| k < 2) {
            return Err(Error::param("max_consortium_size", "must be at least 2 (or absent)"));
        }
        if self.min_joint_projects == 0 {
            return Err(Error::param("min_joint_projects", "must be at least 1"));
        }
        if let Some(w) = self.window
            && w.end_year < w.start_year
        {
            return Err(Error::param("window", format!("ends ({}) before it starts ({})", w.end_year, w.start_year)));
        }
        Ok(self)
    }
}

/// The period a project belongs to: its own `period`, else its programme's period, else the
/// years of its start and end dates; `None` when none is known.
///
/// ```
/// use clusterpolicy::model::{Period, Project};
/// use clusterpolicy::network::project_period;
/// let mut p = Project::new("P", "P");
/// p.period = Some(Period { start_year: 2007, end_year: 2013 });
/// assert_eq!(project_period(&clusterpolicy::Dataset::new("x"), &p), p.period);
/// ```
#[must_use]
pub fn project_period(ds: &Dataset, p: &Project) -> Option<Period> {
    use chrono::Datelike;
    if p.period.is_some() {
        return p.period;
    }
    if let Some(prog) = p.programme.as_ref().and_then(|id| ds.programmes.iter().find(|g| &g.id == id))
        && prog.period.is_some()
    {
        return prog.period;
    }
    match (p.start, p.end) {
        (Some(s), Some(e)) => Some(Period { start_year: s.year(), end_year: e.year() }),
        (Some(s), None) => Some(Period { start_year: s.year(), end_year: s.year() }),
        (None, Some(e)) => Some(Period { start_year: e.year(), end_year: e.year() }),
        (None, None) => None,
    }
}

/// What a projection kept and dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ProjectionSummary {
    /// Projects selected (programme and window).
    pub projects: usize,
    /// Projects left out for their consortium size.
    pub projects_too_large: usize,
    /// Projects with fewer than two partners (no tie).
    pub single_partner_projects: usize,
    /// Participations of selected projects whose actor is not in the dataset (skipped).
    pub unknown_actors: usize,
    /// Participations without a contribution (counted as 0 by [`Weighting::Money`]).
    pub missing_money: usize,
    /// Co-participations: actor pairs counted once per joint project.
    pub co_participations: u64,
    /// Distinct actor pairs before the stable-partnership threshold.
    pub pairs: usize,
}

/// A projection: the network and what was kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Projection {
    /// The actor-actor network ([`NodeLevel::Organisation`]).
    pub network: Network,
    /// What was kept and dropped.
    pub summary: ProjectionSummary,
}

fn node_of_actor(a: &crate::model::Actor) -> Node {
    Node {
        id: a.id.clone(),
        label: Some(a.name.clone()),
        country: (!a.country.is_empty()).then(|| a.country.clone()),
        region: a.region.clone(),
        helix: a.helix,
        attributes: BTreeMap::new(),
    }
}

/// The selected projects with their partner actor indices (deduplicated, in partner order)
/// and contributions.
fn selected(ds: &Dataset, params: &ProjectionParams, summary: &mut ProjectionSummary) -> Vec<Vec<(usize, f64)>> {
    let index: HashMap<&str, usize> = ds.actors.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let mut out = Vec::new();
    for p in &ds.projects {
        if !params.programmes.is_empty() && !p.programme.as_ref().is_some_and(|g| params.programmes.contains(g)) {
            continue;
        }
        if let Some(w) = params.window {
            match project_period(ds, p) {
                Some(pp) if pp.start_year <= w.end_year && pp.end_year >= w.start_year => {}
                _ => continue,
            }
        }
        summary.projects += 1;
        let mut members: Vec<(usize, f64)> = Vec::with_capacity(p.partners.len());
        for pa in &p.partners {
            if !params.include_associated && pa.role == crate::model::PartnerRole::Associated {
                continue;
            }
            let Some(&a) = index.get(pa.actor.as_str()) else {
                summary.unknown_actors += 1;
                continue;
            };
            if members.iter().any(|m| m.0 == a) {
                continue;
            }
            let money = pa.contribution.filter(|c| c.is_finite()).unwrap_or_else(|| {
                summary.missing_money += 1;
                0.0
            });
            members.push((a, money));
        }
        if params.max_consortium_size.is_some_and(|k| members.len() > k) {
            summary.projects_too_large += 1;
            continue;
        }
        if members.len() < 2 {
            summary.single_partner_projects += 1;
        }
        out.push(members);
    }
    out
}

/// The actor-actor projection of the bipartite actor-project graph.
///
/// Two actors are tied when they are partners of at least `min_joint_projects` selected
/// projects; the weight follows [`Weighting`]. Nodes are the actors taking part in at least
/// one selected project, in the order of `Dataset::actors` (with [`Isolates::Drop`], only
/// actors with a tie). Node attributes: label (name), country, region, helix.
///
/// Complexity: O(P + sum_p n_p^2 + m log m) for P participations.
///
/// Source: the co-participation networks of EU framework programmes (Breschi & Cusmano 2004;
/// Scherngell & Barber 2009); weights as in [`Weighting`].
///
/// ```
/// use clusterpolicy::network::{projection, ProjectionParams, Weighting};
/// let ds = clusterpolicy::sample::south_east_europe();
/// let p = projection(&ds, &ProjectionParams::default())?;
/// assert!(p.network.edge_count() > 0);
/// let newman = projection(&ds, &ProjectionParams { weighting: Weighting::Newman, ..Default::default() })?;
/// assert_eq!(newman.network.edge_count(), p.network.edge_count());
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] from [`ProjectionParams::check`].
pub fn projection(ds: &Dataset, params: &ProjectionParams) -> Result<Projection> {
    params.check()?;
    let mut summary = ProjectionSummary::default();
    let projects = selected(ds, params, &mut summary);
    let mut present = vec![false; ds.actors.len()];
    let mut pairs: HashMap<(u32, u32), (f64, u64)> = HashMap::new();
    for members in &projects {
        for &(a, _) in members {
            present[a] = true;
        }
        let k = members.len();
        if k < 2 {
            continue;
        }
        let kf = k as f64;
        for i in 0..k {
            for j in (i + 1)..k {
                let (a, ma) = members[i];
                let (b, mb) = members[j];
                let key = if a < b { (a as u32, b as u32) } else { (b as u32, a as u32) };
                let w = match params.weighting {
                    Weighting::JointProjects => 1.0,
                    Weighting::Newman => 1.0 / (kf - 1.0),
                    Weighting::Fractional => 2.0 / (kf * (kf - 1.0)),
                    Weighting::Money => (ma + mb) / (kf - 1.0),
                };
                let e = pairs.entry(key).or_insert((0.0, 0));
                e.0 += w;
                e.1 += 1;
                summary.co_participations += 1;
            }
        }
    }
    summary.pairs = pairs.len();
    let mut kept: Vec<((u32, u32), (f64, u64))> =
        pairs.into_iter().filter(|(_, (_, c))| *c >= params.min_joint_projects).collect();
    kept.sort_unstable_by_key(|(k, _)| *k);
    if params.isolates == Isolates::Drop {
        present.fill(false);
        for ((a, b), _) in &kept {
            present[*a as usize] = true;
            present[*b as usize] = true;
        }
    }
    let mut map = vec![usize::MAX; ds.actors.len()];
    let mut nodes = Vec::new();
    for (i, a) in ds.actors.iter().enumerate() {
        if present[i] {
            map[i] = nodes.len();
            nodes.push(node_of_actor(a));
        }
    }
    // A money tie of weight 0 (no contribution known for either partner) is dropped: edges
    // need a positive weight.
    let edges = kept
        .into_iter()
        .filter(|(_, (w, _))| *w > 0.0)
        .map(|((a, b), (w, c))| Edge { source: map[a as usize], target: map[b as usize], weight: w, count: c })
        .collect();
    Ok(Projection { network: Network::from_parts(NodeLevel::Organisation, nodes, edges)?, summary })
}

/// One projection per programme period: the distinct periods of the dataset's programmes
/// (or, without programmes, of its projects), in time order, each with the projection of the
/// projects that overlap it ([`ProjectionParams::window`] is replaced).
///
/// ```
/// use clusterpolicy::network::{windows, ProjectionParams};
/// let ds = clusterpolicy::sample::south_east_europe();
/// let w = windows(&ds, &ProjectionParams::default())?;
/// let periods: Vec<_> = w.iter().map(|(p, _)| (p.start_year, p.end_year)).collect();
/// assert_eq!(periods, [(2007, 2013), (2014, 2020)]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// As [`projection`].
pub fn windows(ds: &Dataset, params: &ProjectionParams) -> Result<Vec<(Period, Projection)>> {
    let mut periods: BTreeSet<Period> = ds.programmes.iter().filter_map(|p| p.period).collect();
    if periods.is_empty() {
        periods = ds.projects.iter().filter_map(|p| project_period(ds, p)).collect();
    }
    periods
        .into_iter()
        .map(|w| Ok((w, projection(ds, &ProjectionParams { window: Some(w), ..params.clone() })?)))
        .collect()
}

/// The bipartite actor-project graph: node `i < actors` is an actor, node `actors + j` a
/// project; an edge per participation (weight 1, or the contribution with
/// `money = true`, participations without money then weigh 1).
///
/// ```
/// use clusterpolicy::network::bipartite;
/// let ds = clusterpolicy::sample::south_east_europe();
/// let (net, actors) = bipartite(&ds, false)?;
/// assert_eq!(net.node_count(), actors + ds.projects.len());
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::DuplicateLabel`] when an actor id equals a project id.
pub fn bipartite(ds: &Dataset, money: bool) -> Result<(Network, usize)> {
    let index: HashMap<&str, usize> = ds.actors.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let mut nodes: Vec<Node> = ds.actors.iter().map(node_of_actor).collect();
    for n in &mut nodes {
        n.attributes.insert("kind".into(), "actor".into());
    }
    let k = nodes.len();
    let mut edges = Vec::new();
    for (j, p) in ds.projects.iter().enumerate() {
        let mut node = Node::new(p.id.clone());
        node.label = Some(p.title.clone());
        node.attributes.insert("kind".into(), "project".into());
        nodes.push(node);
        let mut seen = BTreeSet::new();
        for pa in &p.partners {
            if let Some(&a) = index.get(pa.actor.as_str())
                && seen.insert(a)
            {
                let w = if money { pa.contribution.filter(|c| c.is_finite() && *c > 0.0).unwrap_or(1.0) } else { 1.0 };
                edges.push(Edge { source: a, target: k + j, weight: w, count: 1 });
            }
        }
    }
    Ok((Network::from_parts(NodeLevel::Custom, nodes, edges)?, k))
}

/// How within-group ties are kept when a network is aggregated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SelfLoops {
    /// Ties between two organisations of the same group become a self-loop of the group.
    Keep,
    /// They are dropped.
    #[default]
    Drop,
}

/// Aggregates a network to its groups (countries or regions): one node per group, the
/// weight (and count) of a group pair is the sum over the tied node pairs between the two
/// groups; ties within a group become a self-loop or are dropped.
///
/// Complexity: O(n + m log m).
///
/// ```
/// use clusterpolicy::network::{aggregate, projection, GroupBy, ProjectionParams, SelfLoops};
/// let ds = clusterpolicy::sample::south_east_europe();
/// let orgs = projection(&ds, &ProjectionParams::default())?.network;
/// let countries = aggregate(&orgs, &GroupBy::Country, SelfLoops::Keep)?;
/// let total: f64 = countries.edges().iter().map(|e| e.weight).sum();
/// let orgs_total: f64 = orgs.edges().iter().map(|e| e.weight).sum();
/// assert!((total - orgs_total).abs() < 1e-9);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] naming a node without a group.
pub fn aggregate(net: &Network, by: &GroupBy, self_loops: SelfLoops) -> Result<Network> {
    let groups = net.groups(by)?;
    let level = match by {
        GroupBy::Country => NodeLevel::Country,
        GroupBy::Region => NodeLevel::Region,
        _ => NodeLevel::Custom,
    };
    let nodes: Vec<Node> = groups
        .names
        .iter()
        .map(|g| {
            let mut node = Node::new(g.clone());
            match by {
                GroupBy::Country => node.country = Some(g.clone()),
                GroupBy::Region => {
                    node.region = Some(g.clone());
                    // The country of a region: that of its first member.
                    node.country =
                        net.nodes().iter().find(|v| v.region.as_deref() == Some(g)).and_then(|v| v.country.clone());
                }
                _ => {}
            }
            node
        })
        .collect();
    let edges = net
        .edges()
        .iter()
        .filter_map(|e| {
            let (a, b) = (groups.of[e.source], groups.of[e.target]);
            (a != b || self_loops == SelfLoops::Keep).then_some(Edge { source: a, target: b, ..*e })
        })
        .collect();
    Network::from_parts(level, nodes, edges)
}
