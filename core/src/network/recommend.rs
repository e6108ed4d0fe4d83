//! Partner recommendation: link-prediction scores and the top candidates per actor, with the
//! shared partners that explain each score.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::graph::{GroupBy, Network};
use crate::error::{Error, Result};

/// A link-prediction score of a non-tied pair `(u, v)` with neighbour sets `N(u)`, `N(v)`.
///
/// | score | formula | source |
/// |---|---|---|
/// | `common_neighbours` | `|N(u) & N(v)|` | Newman (2001), PRE 64, 025102 |
/// | `jaccard` | `|N(u) & N(v)| / |N(u) \| N(v)|` | Jaccard (1901) |
/// | `adamic_adar` | `sum_{z in N(u) & N(v)} 1 / ln |N(z)|` | Adamic & Adar (2003) |
/// | `resource_allocation` | `sum_{z in N(u) & N(v)} 1 / |N(z)|` | Zhou, Lu & Zhang (2009) |
/// | `preferential_attachment` | `|N(u)| |N(v)|` | Barabasi & Albert (1999); Liben-Nowell & Kleinberg (2007) |
///
/// As NetworkX 3.6 `link_prediction` (self-loops ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LinkScore {
    /// Common neighbours.
    CommonNeighbours,
    /// Jaccard coefficient.
    Jaccard,
    /// Adamic-Adar index.
    #[default]
    AdamicAdar,
    /// Resource allocation index.
    ResourceAllocation,
    /// Preferential attachment.
    PreferentialAttachment,
}

fn neighbour_sets(net: &Network) -> Vec<Vec<u32>> {
    (0..net.node_count()).map(|v| net.neighbors(v).iter().copied().filter(|&w| w as usize != v).collect()).collect()
}

fn score_pair(nb: &[Vec<u32>], u: usize, v: usize, method: LinkScore) -> (f64, Vec<usize>) {
    let (a, b) = (&nb[u], &nb[v]);
    let mut common = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common.push(a[i] as usize);
                i += 1;
                j += 1;
            }
        }
    }
    let c = common.len() as f64;
    let score = match method {
        LinkScore::CommonNeighbours => c,
        LinkScore::Jaccard => {
            let union = (a.len() + b.len()) as f64 - c;
            if union == 0.0 { 0.0 } else { c / union }
        }
        LinkScore::AdamicAdar => common.iter().map(|&z| 1.0 / (nb[z].len() as f64).ln()).sum(),
        LinkScore::ResourceAllocation => common.iter().map(|&z| 1.0 / nb[z].len() as f64).sum(),
        LinkScore::PreferentialAttachment => (a.len() * b.len()) as f64,
    };
    (score, common)
}

/// Scores of given node pairs (by id), in the order given.
///
/// ```
/// use clusterpolicy::network::{link_scores, LinkScore, Network};
/// let tri = Network::from_edges(&[("a", "b", 1.0), ("b", "c", 1.0)])?;
/// let s = link_scores(&tri, &[("a".into(), "c".into())], LinkScore::ResourceAllocation)?;
/// assert_eq!(s, [0.5]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::UnknownLabel`] for an id that is not a node.
pub fn link_scores(net: &Network, pairs: &[(String, String)], method: LinkScore) -> Result<Vec<f64>> {
    let nb = neighbour_sets(net);
    pairs.iter().map(|(a, b)| Ok(score_pair(&nb, net.index_of(a)?, net.index_of(b)?, method).0)).collect()
}

/// Options of [`recommend`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct RecommendParams {
    /// The score.
    pub method: LinkScore,
    /// Candidates per actor.
    pub k: usize,
    /// Only candidates of another group (cross-border partners).
    pub cross_border_only: bool,
    /// The groups for `cross_border_only` and the explanation.
    pub group_by: GroupBy,
    /// Actors to recommend for (ids); empty means every node.
    pub actors: Vec<String>,
    /// Shared partners listed in each explanation (at most).
    pub max_explained: usize,
}

impl Default for RecommendParams {
    fn default() -> Self {
        Self {
            method: LinkScore::AdamicAdar,
            k: 5,
            cross_border_only: false,
            group_by: GroupBy::Country,
            actors: Vec::new(),
            max_explained: 5,
        }
    }
}

/// A recommended partner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Recommendation {
    /// The actor the recommendation is for.
    pub actor: String,
    /// The recommended partner (not yet tied to the actor).
    pub candidate: String,
    /// Rank among the actor's candidates (1 = best).
    pub rank: usize,
    /// The score.
    pub score: f64,
    /// Shared partners (ids), strongest contributors first, at most `max_explained`.
    pub shared_partners: Vec<String>,
    /// Number of shared partners.
    pub shared_count: usize,
    /// The candidate's group, if it has one.
    pub candidate_group: Option<String>,
    /// Why, in words.
    pub explanation: String,
}

/// The top-k partner candidates per actor by a link-prediction score, optionally only across
/// borders, each explained by the shared partners behind it.
///
/// Candidates are the nodes not tied to the actor: for the neighbourhood scores those at
/// distance 2 (any other pair scores 0), for preferential attachment every other node. Ties
/// of score go to the candidate with the lower node index. Candidates with score 0 are not
/// listed.
///
/// Complexity: O(sum over actors of the size of their two-step neighbourhood).
///
/// Source: Liben-Nowell & Kleinberg (2007), JASIST 58, 1019; scores as [`LinkScore`].
///
/// ```
/// use clusterpolicy::network::{recommend, GroupBy, Network, Node, RecommendParams};
/// let nodes = vec![Node::new("a").with_country("SI"), Node::new("b").with_country("SI"), Node::new("c").with_country("AT")];
/// let net = Network::from_edge_list(nodes, &[("a", "b", 1.0), ("b", "c", 1.0)])?;
/// let recs = recommend(&net, &RecommendParams { actors: vec!["a".into()], ..Default::default() })?;
/// assert_eq!((recs[0].candidate.as_str(), recs[0].shared_partners.clone()), ("c", vec!["b".to_owned()]));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::UnknownLabel`] for an unknown actor; [`Error::InvalidParameter`] for `k == 0` or,
/// with `cross_border_only`, a node without a group.
pub fn recommend(net: &Network, params: &RecommendParams) -> Result<Vec<Recommendation>> {
    if params.k == 0 {
        return Err(Error::param("k", "must be at least 1"));
    }
    let n = net.node_count();
    let nb = neighbour_sets(net);
    let groups = match net.groups(&params.group_by) {
        Ok(g) => Some(g),
        Err(e) if params.cross_border_only => return Err(e),
        Err(_) => None,
    };
    let actors: Vec<usize> = if params.actors.is_empty() {
        (0..n).collect()
    } else {
        params.actors.iter().map(|a| net.index_of(a)).collect::<Result<_>>()?
    };
    let group_of = |v: usize| groups.as_ref().map(|g| g.names[g.of[v]].clone());
    let mut out = Vec::new();
    let mut seen = vec![usize::MAX; n];
    let deg_order: Vec<usize> = {
        let mut o: Vec<usize> = (0..n).collect();
        o.sort_by(|&a, &b| nb[b].len().cmp(&nb[a].len()).then(a.cmp(&b)));
        o
    };
    for &u in &actors {
        let allowed = |v: usize| {
            v != u
                && nb[u].binary_search(&(v as u32)).is_err()
                && (!params.cross_border_only || groups.as_ref().is_some_and(|g| g.of[v] != g.of[u]))
        };
        let mut cands: Vec<(f64, usize, Vec<usize>)> = Vec::new();
        if params.method == LinkScore::PreferentialAttachment {
            for &v in &deg_order {
                if cands.len() >= params.k {
                    break;
                }
                if allowed(v) {
                    let (s, common) = score_pair(&nb, u, v, params.method);
                    if s > 0.0 {
                        cands.push((s, v, common));
                    }
                }
            }
        } else {
            seen[u] = u;
            for &z in &nb[u] {
                for &v in &nb[z as usize] {
                    let v = v as usize;
                    if seen[v] != u && allowed(v) {
                        seen[v] = u;
                        let (s, common) = score_pair(&nb, u, v, params.method);
                        if s > 0.0 {
                            cands.push((s, v, common));
                        }
                    }
                }
            }
        }
        cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        cands.truncate(params.k);
        for (rank, (score, v, mut common)) in cands.into_iter().enumerate() {
            // Strongest contributors first: shared partners with the fewest partners.
            common.sort_by(|&a, &b| nb[a].len().cmp(&nb[b].len()).then(a.cmp(&b)));
            let shared_count = common.len();
            let shared: Vec<String> =
                common.iter().take(params.max_explained).map(|&z| net.nodes()[z].id.clone()).collect();
            let explanation = match params.method {
                LinkScore::PreferentialAttachment => format!(
                    "{} has {} partners and {} has {}; {} shared",
                    net.nodes()[u].id,
                    nb[u].len(),
                    net.nodes()[v].id,
                    nb[v].len(),
                    shared_count
                ),
                _ => format!(
                    "{shared_count} shared partner(s){}{}",
                    if shared.is_empty() { String::new() } else { format!(": {}", shared.join(", ")) },
                    if shared_count > shared.len() { ", ..." } else { "" }
                ),
            };
            out.push(Recommendation {
                actor: net.nodes()[u].id.clone(),
                candidate: net.nodes()[v].id.clone(),
                rank: rank + 1,
                score,
                shared_partners: shared,
                shared_count,
                candidate_group: group_of(v),
                explanation,
            });
        }
    }
    Ok(out)
}
