//! The cooperation-network section of the main job's report.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::borders::{brokerage, ei_index};
use super::build::{ProjectionParams, projection};
use super::community::{CommunityParams, louvain};
use super::graph::GroupBy;
use super::paths::{BetweennessParams, betweenness};
use super::robustness::group_removal;
use super::structure::{average_clustering, components, cut_structure, density};
use crate::error::{Error, Result};
use crate::model::Dataset;

/// A broker of the summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BrokerEntry {
    /// Actor id.
    pub id: String,
    /// Actor name.
    pub name: String,
    /// Normalised betweenness.
    pub betweenness: f64,
    /// Brokerage roles across borders: representative + gatekeeper + liaison + itinerant.
    pub cross_border_brokerage: f64,
    /// All brokerage (Gould-Fernandez total).
    pub total_brokerage: f64,
    /// Share of the actor's ties that cross a border.
    pub cross_border_share: f64,
}

/// The top brokers of one country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CountryBrokers {
    /// Country code.
    pub country: String,
    /// Actors of the country in the network.
    pub actors: usize,
    /// Top brokers by betweenness (at most three).
    pub brokers: Vec<BrokerEntry>,
}

/// A community of the summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CommunityEntry {
    /// Community number (0 = largest).
    pub community: usize,
    /// Members.
    pub size: usize,
    /// Its three largest countries with their member counts.
    pub countries: Vec<(String, usize)>,
}

/// An articulation point of the summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CutEntry {
    /// Actor id.
    pub id: String,
    /// Actor name.
    pub name: String,
    /// Country.
    pub country: String,
    /// Normalised betweenness.
    pub betweenness: f64,
}

/// The cooperation network of a dataset, as the report shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NetworkSummary {
    /// Actors with at least one participation.
    pub nodes: usize,
    /// Ties (actor pairs with a joint project).
    pub edges: usize,
    /// Connected components.
    pub components: usize,
    /// Share of the actors in the largest component.
    pub giant_share: f64,
    /// Density.
    pub density: f64,
    /// Average clustering.
    pub average_clustering: f64,
    /// Share of ties between actors of different countries.
    pub cross_border_share: f64,
    /// Krackhardt's E-I index by country (graph level).
    pub ei_index: f64,
    /// Louvain communities (weighted by joint projects, seed 42): number and modularity.
    pub communities: usize,
    /// Modularity of the communities.
    pub modularity: f64,
    /// The largest communities (at most eight).
    pub largest_communities: Vec<CommunityEntry>,
    /// Top brokers per country, in country order.
    pub brokers: Vec<CountryBrokers>,
    /// Articulation points: actors whose departure splits the network, by betweenness (at
    /// most ten listed).
    pub articulation_points: Vec<CutEntry>,
    /// Number of articulation points.
    pub articulation_point_count: usize,
    /// Countries whose departure would hurt most (at most three; see
    /// [`group_removal`](super::group_removal)): country, share of the remaining actors still
    /// in the giant component, components, global efficiency left (intact: `efficiency`).
    pub critical_countries: Vec<(String, f64, usize, f64)>,
    /// Global efficiency of the intact network.
    pub efficiency: f64,
}

/// The cooperation network of a dataset for the report: the actor-actor projection of all
/// projects (weights: joint projects), its cross-border share and E-I index by country,
/// Louvain communities, top brokers per country (betweenness with Gould-Fernandez roles by
/// country), articulation points and the countries whose departure would hurt most.
///
/// ```
/// let s = clusterpolicy::network::summarise(&clusterpolicy::sample::south_east_europe())?;
/// assert!(s.cross_border_share > 0.5 && s.communities > 1);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::Empty`] when no project has two partners.
pub fn summarise(ds: &Dataset) -> Result<NetworkSummary> {
    let net = projection(ds, &ProjectionParams { isolates: super::Isolates::Drop, ..Default::default() })?.network;
    if net.edge_count() == 0 {
        return Err(Error::Empty { what: "ties between actors".into() });
    }
    let n = net.node_count();
    let comps = components(&net);
    let bc = betweenness(&net, &BetweennessParams::default())?;
    let by = GroupBy::Country;
    let ei = ei_index(&net, &by, false)?;
    let br = brokerage(&net, &by)?;
    let part = louvain(&net, &CommunityParams::default())?;
    let groups = net.groups(&by)?;
    let name = |v: usize| net.nodes()[v].label.clone().unwrap_or_else(|| net.nodes()[v].id.clone());
    let mut by_country: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for v in 0..n {
        by_country.entry(groups.of[v]).or_default().push(v);
    }
    let brokers = by_country
        .iter()
        .map(|(&c, members)| {
            let mut m = members.clone();
            m.sort_by(|&a, &b| bc[b].total_cmp(&bc[a]).then(a.cmp(&b)));
            CountryBrokers {
                country: groups.names[c].clone(),
                actors: members.len(),
                brokers: m
                    .iter()
                    .take(3)
                    .map(|&v| {
                        let r = &br.nodes[v].raw;
                        let e = &ei.nodes[v];
                        BrokerEntry {
                            id: net.nodes()[v].id.clone(),
                            name: name(v),
                            betweenness: bc[v],
                            cross_border_brokerage: r.representative + r.gatekeeper + r.liaison + r.itinerant,
                            total_brokerage: r.total,
                            cross_border_share: if e.external + e.internal > 0.0 {
                                e.external / (e.external + e.internal)
                            } else {
                                0.0
                            },
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let mut largest = Vec::new();
    for c in 0..part.communities.min(8) {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        let mut size = 0;
        for v in 0..n {
            if part.membership[v] == c {
                size += 1;
                *counts.entry(groups.names[groups.of[v]].as_str()).or_default() += 1;
            }
        }
        let mut counts: Vec<(String, usize)> = counts.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counts.truncate(3);
        largest.push(CommunityEntry { community: c, size, countries: counts });
    }
    let cuts = cut_structure(&net);
    let mut aps = cuts.articulation_points.clone();
    aps.sort_by(|&a, &b| bc[b].total_cmp(&bc[a]).then(a.cmp(&b)));
    let articulation_points = aps
        .iter()
        .take(10)
        .map(|&v| CutEntry {
            id: net.nodes()[v].id.clone(),
            name: name(v),
            country: groups.names[groups.of[v]].clone(),
            betweenness: bc[v],
        })
        .collect();
    let removal = group_removal(&net, &by)?;
    let efficiency = removal.first().map_or(0.0, |g| g.efficiency_before);
    let critical_countries = removal
        .into_iter()
        .take(3)
        .map(|g| (g.group, g.giant_share_of_remaining, g.components, g.efficiency))
        .collect();
    Ok(NetworkSummary {
        nodes: n,
        edges: net.edge_count(),
        components: comps.len(),
        giant_share: comps.first().map_or(0.0, |c| c.len() as f64 / n as f64),
        density: density(&net),
        average_clustering: average_clustering(&net, false),
        cross_border_share: ei.cross_border_share,
        ei_index: ei.ei,
        communities: part.communities,
        modularity: part.modularity,
        largest_communities: largest,
        brokers,
        articulation_points,
        articulation_point_count: cuts.articulation_points.len(),
        critical_countries,
        efficiency,
    })
}
