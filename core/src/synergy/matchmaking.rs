//! Matchmaking: ranked (transnational) partner candidates combining proximity synergy and
//! link prediction, with filters and an explanation of each candidate.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::proximity::{Components, NeighbourStats, Profile, ProximityDetails, ProximityParams, SynergyContext};
use crate::error::{Error, Result};
use crate::model::{Dataset, HelixKind, SubjectKind, SubjectRef, canonical_country};
use crate::network::{self, GroupBy, LinkScore, SelfLoops};

/// Options of [`match_partners`].
///
/// ```
/// use clusterpolicy::synergy::MatchParams;
/// let p: MatchParams = serde_json::from_str(r#"{"k": 3, "helix": ["research"], "link_weight": 0.3}"#).unwrap();
/// assert!(p.transnational && p.exclude_existing);
/// assert!(p.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct MatchParams {
    /// The proximity synergy (used by [`match_partners`] to build its context).
    pub proximity: ProximityParams,
    /// The link-prediction score. Default Adamic-Adar.
    pub link_method: LinkScore,
    /// Weight `lambda` of the link score: `score = (1 - lambda) synergy + lambda link / max
    /// link`. Default 0.5.
    pub link_weight: f64,
    /// Candidates per subject. Default 10.
    pub k: usize,
    /// Only candidates that share no country with the subject. Default true.
    pub transnational: bool,
    /// Only candidates in one of these countries (`EL` = `GR`); empty allows all.
    pub countries: Vec<String>,
    /// No candidates in these countries.
    pub exclude_countries: Vec<String>,
    /// Only candidates of these helix kinds (for groups: with a member of one of them);
    /// empty allows all.
    pub helix: Vec<HelixKind>,
    /// Leave out candidates that already have a joint project with the subject. Default
    /// true.
    pub exclude_existing: bool,
    /// The candidate pool; empty means every subject of the same kind (actors, clusters,
    /// regions of the same level, countries of the actors).
    pub candidates: Vec<SubjectRef>,
    /// Shared partners named in each explanation (at most). Default 5.
    pub max_explained: usize,
}

impl Default for MatchParams {
    fn default() -> Self {
        Self {
            proximity: ProximityParams::default(),
            link_method: LinkScore::AdamicAdar,
            link_weight: 0.5,
            k: 10,
            transnational: true,
            countries: Vec::new(),
            exclude_countries: Vec::new(),
            helix: Vec::new(),
            exclude_existing: true,
            candidates: Vec::new(),
            max_explained: 5,
        }
    }
}

impl MatchParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for `k == 0`, a link weight outside [0, 1], and the
    /// errors of [`ProximityParams::check`].
    pub fn check(&self) -> Result<&Self> {
        if self.k == 0 {
            return Err(Error::param("k", "must be at least 1"));
        }
        if !(0.0..=1.0).contains(&self.link_weight) {
            return Err(Error::param("link_weight", format!("must be in [0, 1], got {}", self.link_weight)));
        }
        self.proximity.check()?;
        Ok(self)
    }
}

/// A recommended partner with the reasons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PartnerCandidate {
    /// Who the recommendation is for.
    pub subject: SubjectRef,
    /// The recommended partner.
    pub candidate: SubjectRef,
    /// The candidate's name.
    pub name: String,
    /// The candidate's countries (ISO codes).
    pub countries: Vec<String>,
    /// The candidate's helix kinds (of its members, for groups).
    pub helix: Vec<HelixKind>,
    /// Rank among the subject's candidates (1 = best).
    pub rank: usize,
    /// The matchmaking score `(1 - lambda) synergy + lambda link_normalised`, in [0, 1].
    pub score: f64,
    /// Proximity synergy.
    pub synergy: f64,
    /// The raw link-prediction score.
    pub link_score: f64,
    /// The link score over the best link score among the subject's candidates (0 when all
    /// are 0).
    pub link_normalised: f64,
    /// The proximity components.
    pub components: Components,
    /// Each component's share of the synergy.
    pub contributions: Components,
    /// The measurements behind the components.
    pub details: ProximityDetails,
    /// Shared partners (ids), the most telling first (those with the fewest partners).
    pub shared_partners: Vec<String>,
    /// Why, in words.
    pub explanation: String,
}

/// Link accumulators of one source node over the network: common neighbours, Adamic-Adar
/// and resource-allocation sums, reset after each use.
pub(crate) struct LinkAccumulator {
    pub(crate) cn: Vec<f64>,
    pub(crate) aa: Vec<f64>,
    pub(crate) ra: Vec<f64>,
    touched: Vec<u32>,
}

impl LinkAccumulator {
    pub(crate) fn new(n: usize) -> Self {
        Self { cn: vec![0.0; n], aa: vec![0.0; n], ra: vec![0.0; n], touched: Vec::new() }
    }

    /// Accumulates the two-step paths from `u` to the targets `targets(z)` of each
    /// neighbour `z` (all neighbours, or a subset such as a population).
    pub(crate) fn run<'n>(
        &mut self,
        net: &'n network::Network,
        degree: &[u32],
        u: u32,
        targets: impl Fn(u32) -> &'n [u32],
    ) {
        self.reset();
        for &z in net.neighbors(u as usize) {
            if z == u {
                continue;
            }
            let d = f64::from(degree[z as usize]);
            if d < 2.0 {
                continue;
            }
            let (wa, wr) = (1.0 / d.ln(), 1.0 / d);
            for &v in targets(z) {
                if v == u || v == z {
                    continue;
                }
                let vi = v as usize;
                if self.cn[vi] == 0.0 {
                    self.touched.push(v);
                }
                self.cn[vi] += 1.0;
                self.aa[vi] += wa;
                self.ra[vi] += wr;
            }
        }
    }

    /// Sets every accumulator back to 0.
    pub(crate) fn reset(&mut self) {
        for &v in &self.touched {
            let v = v as usize;
            self.cn[v] = 0.0;
            self.aa[v] = 0.0;
            self.ra[v] = 0.0;
        }
        self.touched.clear();
    }

    /// The score of `v` by `method`, with the degrees of the two ends.
    pub(crate) fn score(&self, v: usize, du: f64, dv: f64, method: LinkScore) -> f64 {
        let cn = self.cn[v];
        match method {
            LinkScore::CommonNeighbours => cn,
            LinkScore::Jaccard => {
                let union = du + dv - cn;
                if union > 0.0 { cn / union } else { 0.0 }
            }
            LinkScore::AdamicAdar => self.aa[v],
            LinkScore::ResourceAllocation => self.ra[v],
            LinkScore::PreferentialAttachment => du * dv,
        }
    }
}

impl SynergyContext<'_> {
    /// Network measurements of actor `a` (with node `nu`, if any) and actor `b` from the
    /// accumulators of `nu`.
    pub(crate) fn actor_pair_stats(&self, nu: Option<u32>, b: usize, acc: &LinkAccumulator) -> NeighbourStats {
        let (Some(u), Some(v)) = (nu, self.node_of_actor[b]) else {
            let union = nu.map_or(0.0, |u| f64::from(self.degree[u as usize]));
            return NeighbourStats { shared: 0.0, union, joint: 0, same_community: None };
        };
        let cn = acc.cn[v as usize];
        let joint = match self.net.neighbors(u as usize).binary_search(&v) {
            Ok(k) if u != v => self.net.edges()[self.net.neighbor_edges(u as usize)[k] as usize].count,
            _ => 0,
        };
        NeighbourStats {
            shared: cn,
            union: f64::from(self.degree[u as usize]) + f64::from(self.degree[v as usize]) - cn,
            joint,
            same_community: self.same_community_nodes(u, v),
        }
    }

    fn candidate_pool(&self, subject: &SubjectRef, params: &MatchParams) -> Result<Vec<SubjectRef>> {
        if !params.candidates.is_empty() {
            return Ok(params.candidates.clone());
        }
        let ds = self.ds;
        Ok(match subject.kind {
            SubjectKind::Actor => {
                ds.actors.iter().map(|a| SubjectRef { kind: SubjectKind::Actor, id: a.id.clone() }).collect()
            }
            SubjectKind::Cluster => ds.clusters.iter().map(|c| SubjectRef::cluster(c.id.clone())).collect(),
            SubjectKind::Region => {
                let level = ds
                    .regions
                    .iter()
                    .find(|r| r.id == subject.id)
                    .ok_or_else(|| Error::UnknownLabel { kind: "region".into(), id: subject.id.clone() })?
                    .level;
                ds.regions.iter().filter(|r| r.level == level).map(|r| SubjectRef::region(r.id.clone())).collect()
            }
            SubjectKind::Country => {
                let cs: BTreeSet<&str> = ds
                    .actors
                    .iter()
                    .filter(|a| !a.country.is_empty())
                    .map(|a| canonical_country(&a.country).unwrap_or(&a.country))
                    .collect();
                cs.into_iter().map(|c| SubjectRef { kind: SubjectKind::Country, id: c.to_owned() }).collect()
            }
            other => {
                return Err(Error::param(
                    "subject",
                    format!(
                        "partners are matched for actors, clusters, regions and countries, not for a {}",
                        other.as_str()
                    ),
                ));
            }
        })
    }

    fn allowed(s: &Profile, c: &Profile, params: &MatchParams, include: &[u32], exclude: &[u32]) -> bool {
        if params.transnational && (c.countries.is_empty() || c.countries.iter().any(|x| s.countries.contains(x))) {
            return false;
        }
        if !include.is_empty() && !c.countries.iter().any(|x| include.contains(x)) {
            return false;
        }
        if c.countries.iter().any(|x| exclude.contains(x)) {
            return false;
        }
        if !params.helix.is_empty() && !c.helix.iter().any(|h| params.helix.contains(h)) {
            return false;
        }
        true
    }

    /// Ranked partner candidates for each subject; see [`match_partners`]. The context's
    /// proximity parameters are used (`params.proximity` is ignored).
    ///
    /// # Errors
    /// As [`match_partners`].
    pub fn match_partners(&self, subjects: &[SubjectRef], params: &MatchParams) -> Result<Vec<PartnerCandidate>> {
        if params.k == 0 {
            return Err(Error::param("k", "must be at least 1"));
        }
        if !(0.0..=1.0).contains(&params.link_weight) {
            return Err(Error::param("link_weight", format!("must be in [0, 1], got {}", params.link_weight)));
        }
        // Countries no actor or region has cannot match anything: an include list of only
        // such countries allows no candidate.
        let include: Vec<u32> = params.countries.iter().filter_map(|c| self.country_id(c)).collect();
        let exclude: Vec<u32> = params.exclude_countries.iter().filter_map(|c| self.country_id(c)).collect();
        if !params.countries.is_empty() && include.is_empty() {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        let mut acc = LinkAccumulator::new(self.net.node_count());
        for subject in subjects {
            let sp = self.profile(subject)?;
            let pool = self.candidate_pool(subject, params)?;
            // (candidate, profile, stats, link score, synergy)
            let mut scored: Vec<(SubjectRef, Profile, NeighbourStats, f64, f64)> = Vec::new();
            if subject.kind == SubjectKind::Actor && pool.iter().all(|c| c.kind == SubjectKind::Actor) {
                let a = self.actor_index[subject.id.as_str()];
                let nu = self.node_of_actor[a];
                if let Some(u) = nu {
                    acc.run(&self.net, &self.degree, u, |z| self.net.neighbors(z as usize));
                } else {
                    acc.reset();
                }
                for c in pool {
                    let &b = self
                        .actor_index
                        .get(c.id.as_str())
                        .ok_or_else(|| Error::UnknownLabel { kind: "actor".into(), id: c.id.clone() })?;
                    if b == a {
                        continue;
                    }
                    let cp = &self.actor_profiles[b];
                    if !Self::allowed(&sp, cp, params, &include, &exclude) {
                        continue;
                    }
                    let ns = self.actor_pair_stats(nu, b, &acc);
                    if params.exclude_existing && ns.joint > 0 {
                        continue;
                    }
                    let link = match (nu, self.node_of_actor[b]) {
                        (Some(u), Some(v)) => acc.score(
                            v as usize,
                            f64::from(self.degree[u as usize]),
                            f64::from(self.degree[v as usize]),
                            params.link_method,
                        ),
                        _ => 0.0,
                    };
                    let syn = self.components(&sp, cp, &ns).0.combine(&self.params.weights).0;
                    scored.push((c, cp.clone(), ns, link, syn));
                }
            } else {
                let profiles: Vec<(SubjectRef, Profile)> = pool
                    .into_iter()
                    .filter(|c| c != subject)
                    .map(|c| self.profile(&c).map(|p| (c, p)))
                    .collect::<Result<_>>()?;
                let links = self.group_links(subject, &sp, &profiles, params.link_method)?;
                for ((c, cp), link) in profiles.into_iter().zip(links) {
                    if !Self::allowed(&sp, &cp, params, &include, &exclude) {
                        continue;
                    }
                    let ns = self.neighbour_stats(&sp, &cp);
                    if params.exclude_existing && ns.joint > 0 {
                        continue;
                    }
                    let syn = self.components(&sp, &cp, &ns).0.combine(&self.params.weights).0;
                    scored.push((c, cp, ns, link, syn));
                }
            }
            let max_link = scored.iter().map(|s| s.3).fold(0.0, f64::max);
            let lambda = params.link_weight;
            let mut ranked: Vec<(f64, usize)> = scored
                .iter()
                .enumerate()
                .map(|(k, s)| {
                    let ln = if max_link > 0.0 { s.3 / max_link } else { 0.0 };
                    ((1.0 - lambda) * s.4 + lambda * ln, k)
                })
                .collect();
            ranked.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            ranked.truncate(params.k);
            for (rank, (score, k)) in ranked.into_iter().enumerate() {
                let (c, cp, ns, link, _) = &scored[k];
                let p = self.explain(subject, c, &sp, cp, ns);
                let shared = self.shared_partners(&sp, cp, params.max_explained);
                let link_normalised = if max_link > 0.0 { link / max_link } else { 0.0 };
                let explanation =
                    explanation(&p, *link, link_normalised, params.link_method, &shared, ns.shared as usize);
                out.push(PartnerCandidate {
                    subject: subject.clone(),
                    candidate: c.clone(),
                    name: cp.name.clone(),
                    countries: self.country_names(cp),
                    helix: cp.helix.clone(),
                    rank: rank + 1,
                    score,
                    synergy: p.synergy,
                    link_score: *link,
                    link_normalised,
                    components: p.components,
                    contributions: p.contributions,
                    details: p.details,
                    shared_partners: shared,
                    explanation,
                });
            }
        }
        Ok(out)
    }

    /// Shared network neighbours of two profiles (ids), those with the fewest partners
    /// first.
    fn shared_partners(&self, a: &Profile, b: &Profile, max: usize) -> Vec<String> {
        let nb = |p: &Profile| -> BTreeSet<u32> {
            p.nodes
                .iter()
                .flat_map(|&v| self.net.neighbors(v as usize).iter().copied().filter(move |&w| w != v))
                .collect()
        };
        let (na, nb_) = (nb(a), nb(b));
        let mut common: Vec<u32> = na.intersection(&nb_).copied().collect();
        common.sort_by(|&x, &y| self.degree[x as usize].cmp(&self.degree[y as usize]).then(x.cmp(&y)));
        common.into_iter().take(max).map(|z| self.net.nodes()[z as usize].id.clone()).collect()
    }

    /// Link scores between a group subject and group candidates on the network aggregated
    /// to the groups (an actor counts for the first of subject and candidates that holds
    /// it; actors of no group stay single nodes).
    fn group_links(
        &self,
        subject: &SubjectRef,
        sp: &Profile,
        cands: &[(SubjectRef, Profile)],
        method: LinkScore,
    ) -> Result<Vec<f64>> {
        let key = |s: &SubjectRef| format!("{}:{}", s.kind.as_str(), s.id);
        let mut of_node: Vec<Option<String>> = vec![None; self.net.node_count()];
        for (s, p) in std::iter::once((subject, sp)).chain(cands.iter().map(|(s, p)| (s, p))) {
            for &v in &p.nodes {
                if of_node[v as usize].is_none() {
                    of_node[v as usize] = Some(key(s));
                }
            }
        }
        let map: BTreeMap<String, String> = self
            .net
            .nodes()
            .iter()
            .zip(of_node)
            .map(|(n, g)| (n.id.clone(), g.unwrap_or_else(|| format!("node:{}", n.id))))
            .collect();
        if map.is_empty() {
            return Ok(vec![0.0; cands.len()]);
        }
        let agg = network::aggregate(&self.net, &GroupBy::Explicit(map), SelfLoops::Drop)?;
        let sk = key(subject);
        if agg.index_of(&sk).is_err() {
            return Ok(vec![0.0; cands.len()]);
        }
        cands
            .iter()
            .map(|(c, _)| {
                let ck = key(c);
                if agg.index_of(&ck).is_err() || ck == sk {
                    return Ok(0.0);
                }
                Ok(network::link_scores(&agg, &[(sk.clone(), ck)], method)?[0])
            })
            .collect()
    }
}

fn explanation(
    p: &super::proximity::Proximity,
    link: f64,
    link_normalised: f64,
    method: LinkScore,
    shared: &[String],
    shared_count: usize,
) -> String {
    let names = ["cognitive", "organisational", "social", "institutional", "geographical", "complementarity"];
    let c = &p.contributions;
    let vals = [c.cognitive, c.organisational, c.social, c.institutional, c.geographical, c.complementarity];
    let comps = &p.components;
    let raw = [
        comps.cognitive,
        comps.organisational,
        comps.social,
        comps.institutional,
        comps.geographical,
        comps.complementarity,
    ];
    let mut order: Vec<usize> = (0..6).filter(|&k| vals[k].is_some()).collect();
    order.sort_by(|&a, &b| vals[b].unwrap_or(0.0).total_cmp(&vals[a].unwrap_or(0.0)).then(a.cmp(&b)));
    let mut s = format!("synergy {:.2}", p.synergy);
    let parts: Vec<String> =
        order.iter().take(3).map(|&k| format!("{} {:.2}", names[k], raw[k].unwrap_or(0.0))).collect();
    if !parts.is_empty() {
        let _ = write!(s, " ({})", parts.join(", "));
    }
    let d = &p.details;
    if !d.shared_activities.is_empty() {
        let _ = write!(s, "; shared activities {}", d.shared_activities.join(", "));
    }
    if let Some(km) = d.distance_km {
        let _ = write!(s, "; {km:.0} km apart");
    }
    if !d.shared_programmes.is_empty() {
        let _ = write!(s, "; both in {}", d.shared_programmes.join(", "));
    }
    let method_name = serde_json::to_value(method).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
    let _ = write!(s, "; {shared_count} shared partner(s)");
    if !shared.is_empty() {
        let _ = write!(s, " ({}{})", shared.join(", "), if shared_count > shared.len() { ", ..." } else { "" });
    }
    let _ = write!(s, "; {method_name} {link:.3} ({:.0} % of the best)", 100.0 * link_normalised);
    s
}

/// Ranked partner candidates for actors, clusters, regions or countries: proximity
/// synergy combined with link prediction, filtered and explained.
///
/// Formula: `score = (1 - lambda) synergy + lambda link / max link`, with `synergy` the
/// proximity synergy ([`super::proximity()`]) of subject and candidate, `link` the
/// link-prediction score ([`LinkScore`]: for actors on the cooperation network, for groups
/// on the network aggregated to the groups) and `max link` the best link score among the
/// subject's remaining candidates. Candidates are the subjects of the same kind (or
/// [`MatchParams::candidates`]) after the filters: not the subject, in no country of the
/// subject (`transnational`), in the allowed and not in the excluded countries, of an
/// allowed helix kind, without a joint project yet (`exclude_existing`). Ties of score go
/// to the candidate listed first.
///
/// Arguments: `ds`; `subjects`, who to find partners for; `params`.
///
/// Returns up to `k` candidates per subject, subjects in the order given, best first, each
/// with its components, measurements, shared partners and an explanation in words.
///
/// # Errors
/// [`Error::UnknownLabel`] for an unknown subject or candidate; [`Error::InvalidParameter`]
/// from [`MatchParams::check`] or for an unsupported kind of subject.
///
/// Complexity: one context, then per actor subject O(two-step neighbourhood + candidates);
/// per group subject an aggregation of the network and O(candidates x members x degree).
///
/// ```
/// use clusterpolicy::model::{HelixKind, SubjectRef};
/// use clusterpolicy::synergy::{match_partners, MatchParams};
/// let ds = clusterpolicy::sample::south_east_europe();
/// let who = SubjectRef::cluster(ds.clusters[0].id.clone());
/// let recs = match_partners(&ds, &[who], &MatchParams { k: 3, ..Default::default() })?;
/// assert_eq!(recs.len(), 3);
/// assert!(recs[0].score >= recs[1].score);
/// assert!(!recs[0].explanation.is_empty());
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: proximity as [`super::proximity()`]; link prediction as
/// [`network::recommend`] (Liben-Nowell & Kleinberg 2007); combining network and proximity
/// evidence for partner search follows Balland (2012), *Regional Studies* 46(6): 741-756
/// (proximity and the evolution of collaboration networks).
pub fn match_partners(ds: &Dataset, subjects: &[SubjectRef], params: &MatchParams) -> Result<Vec<PartnerCandidate>> {
    params.check()?;
    SynergyContext::new(ds, &params.proximity)?.match_partners(subjects, params)
}
