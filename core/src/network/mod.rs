//! Cooperation networks: who cooperates with whom across borders, who brokers between
//! countries, which partners hold a programme's network together, and who should cooperate
//! next.
//!
//! Stands on the data model ([`crate::model`]); built on petgraph (the adjacency of a
//! [`Network`] is a [`petgraph::csr::Csr`]).
//!
//! | area | functions |
//! |---|---|
//! | networks from the data model | [`projection`] ([`ProjectionParams`], [`Weighting`]), [`windows`], [`bipartite`], [`aggregate`]; [`Network::from_edges`], [`Network::from_petgraph`] |
//! | measures | [`degree`], [`strength`], [`betweenness`], [`edge_betweenness`], [`closeness`], [`harmonic`], [`eigenvector`], [`pagerank`], [`clustering`], [`average_clustering`], [`transitivity`], [`core_number`], [`components`], [`density`], [`path_summary`], [`degree_assortativity`], [`attribute_assortativity`], [`local_efficiency`] |
//! | communities | [`louvain`], [`leiden`], [`modularity`], [`consensus`] |
//! | across borders | [`brokerage`], [`ei_index`], [`structural_holes`], [`group_measure`] |
//! | vulnerability | [`cut_structure`], [`robustness`], [`group_removal`] |
//! | partner recommendation | [`recommend`], [`link_scores`] |
//! | scale | [`approximate_betweenness`]; all-sources measures run in parallel with the `parallel` feature |
//! | report | [`summarise`] (the network section of the main job's report) |
//! | exports | [`export::graphml`], [`export::gexf`], [`export::node_link_json`] |
//!
//! Per-node results are `Vec<f64>` aligned with [`Network::nodes`] ([`NodeValues`] pairs them
//! with the ids). Conventions follow NetworkX 3.6 unless stated (normalisation of
//! betweenness, closeness with the Wasserman-Faust correction, self-loops counted twice in
//! degrees), brokerage follows R sna 2.7-1.
//!
//! ```
//! use clusterpolicy::network::{self, BetweennessParams, GroupBy, ProjectionParams};
//!
//! let ds = clusterpolicy::sample::south_east_europe();
//! let net = network::projection(&ds, &ProjectionParams::default())?.network;
//! let bc = network::betweenness(&net, &BetweennessParams::default())?;
//! let ei = network::ei_index(&net, &GroupBy::Country, false)?;
//! assert_eq!(bc.len(), net.node_count());
//! assert!(ei.cross_border_share > 0.5);
//! # Ok::<(), clusterpolicy::Error>(())
//! ```

// The docs name peers (NetworkX, igraph) and formulas (k_v^2) that are not code; index loops
// mirror the published algorithms (Brandes, Batagelj-Zaversnik, sna's variance formulas).
#![allow(clippy::doc_markdown, clippy::needless_range_loop, clippy::too_many_lines)]

mod borders;
mod build;
mod community;
pub mod export;
mod graph;
mod paths;
mod recommend;
mod robustness;
mod spectral;
mod structure;
mod summary;

pub use borders::{
    AggregationOrder, Brokerage, BrokerageRoles, EiEntry, EiIndex, GroupMeasure, GroupMeasureParams, NodeBrokerage,
    NodeMeasure, StructuralHoles, brokerage, ei_index, group_measure, structural_holes,
};
pub use build::{
    Isolates, Projection, ProjectionParams, ProjectionSummary, SelfLoops, Weighting, aggregate, bipartite,
    project_period, projection, windows,
};
pub use community::{
    CommunityMethod, CommunityParams, Consensus, ConsensusParams, Partition, Quality, consensus, leiden, louvain,
    modularity,
};
pub use graph::{Edge, GroupBy, Groups, Network, Node, NodeLevel, NodeValues};
pub use paths::{
    ApproxBetweenness, ApproxBetweennessParams, BetweennessParams, ClosenessParams, Distance, HarmonicParams,
    PathSummary, approximate_betweenness, betweenness, closeness, edge_betweenness, harmonic, local_efficiency,
    path_summary,
};
pub use recommend::{LinkScore, RecommendParams, Recommendation, link_scores, recommend};
pub use robustness::{
    GroupRemoval, Removal, RobustnessCurve, RobustnessParams, RobustnessPoint, group_removal, robustness,
    robustness_with_progress,
};
pub use spectral::{EigenvectorParams, PageRankParams, eigenvector, pagerank};
pub use structure::{
    CutStructure, attribute_assortativity, average_clustering, clustering, components, core_number, cut_structure,
    degree, degree_assortativity, density, strength, transitivity, triangles,
};
pub use summary::{BrokerEntry, CommunityEntry, CountryBrokers, CutEntry, NetworkSummary, summarise};
