//! Cooperation networks: [`clusterpolicy::network`].
//!
//! The class `Network` wraps the core network; its methods each call one core function.
//! Per-node results are `Float64Array`s aligned with `network.ids`; other results are plain
//! objects (the serde form of the core result types, typed in the `.d.ts`). Options are plain
//! objects with any subset of the fields of the core's `XxxParams` (unknown fields are
//! rejected); `undefined` means the defaults. Groups (`groupBy`) are `"country"`, `"region"`,
//! `"helix"`, `{ attribute: key }` or `{ explicit: { nodeId: group } }`.

use clusterpolicy::network as nw;
use js_sys::{Float64Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::conversion::{optional as opt, required as req, to_js};
use crate::error::js_error;
use crate::model::Dataset;

fn floats(v: &[f64]) -> Float64Array {
    Float64Array::from(v)
}

fn extra(value: &JsValue) -> Result<Vec<(String, Vec<f64>)>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let map: std::collections::BTreeMap<String, Vec<f64>> = req(value, "extra node values")?;
    Ok(map.into_iter().collect())
}

fn columns(extra: &[(String, Vec<f64>)]) -> Vec<(&str, &[f64])> {
    extra.iter().map(|(k, v)| (k.as_str(), v.as_slice())).collect()
}

/// An undirected, weighted cooperation network of named nodes (organisations, regions or
/// countries). Per-node results are aligned with `ids`.
#[wasm_bindgen]
pub struct Network {
    inner: nw::Network,
}

impl From<nw::Network> for Network {
    fn from(inner: nw::Network) -> Self {
        Self { inner }
    }
}

#[wasm_bindgen]
impl Network {
    /// A network from `[source, target, weight]` triples; `nodes` (objects with `id` and
    /// optionally `label`, `country`, `region`, `helix`, `attributes`) fixes the nodes and their
    /// order, else the nodes are the ids in order of first appearance.
    ///
    /// # Errors
    /// `JsonError` for input of the wrong shape; `UnknownLabelError`, `DuplicateLabelError`,
    /// `NonFiniteError` or `InvalidParameterError` from the core.
    #[wasm_bindgen(js_name = fromEdges)]
    pub fn from_edges(
        #[wasm_bindgen(unchecked_param_type = "[string, string, number][]")] edges: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "NetworkNode[] | undefined")] nodes: &JsValue,
    ) -> Result<Network, JsValue> {
        let edges: Vec<(String, String, f64)> = req(edges, "edges")?;
        let result = if nodes.is_undefined() || nodes.is_null() {
            nw::Network::from_edges(&edges)
        } else {
            nw::Network::from_edge_list(req::<Vec<nw::Node>>(nodes, "nodes")?, &edges)
        };
        result.map(Self::from).map_err(|e| js_error(&e))
    }

    /// The network from its object form (`{ level, nodes, edges }`, edges by node index).
    ///
    /// # Errors
    /// `JsonError` when the object is not a network.
    #[wasm_bindgen(js_name = fromObject)]
    pub fn from_object(
        #[wasm_bindgen(unchecked_param_type = "NetworkObject")] value: &JsValue,
    ) -> Result<Network, JsValue> {
        req::<nw::Network>(value, "network").map(Self::from)
    }

    /// The object form.
    ///
    /// # Errors
    /// None in practice.
    #[wasm_bindgen(js_name = toObject, unchecked_return_type = "NetworkObject")]
    pub fn to_object(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner)
    }

    /// Node ids in node order.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn ids(&self) -> Vec<String> {
        self.inner.ids().map(str::to_owned).collect()
    }

    /// Number of nodes.
    #[wasm_bindgen(getter, js_name = nodeCount)]
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.inner.node_count()
    }

    /// Number of edges.
    #[wasm_bindgen(getter, js_name = edgeCount)]
    #[must_use]
    pub fn edge_count(&self) -> usize {
        self.inner.edge_count()
    }

    /// Degree of each node.
    #[must_use]
    pub fn degree(&self) -> Float64Array {
        floats(&nw::degree(&self.inner))
    }

    /// Strength of each node.
    #[must_use]
    pub fn strength(&self) -> Float64Array {
        floats(&nw::strength(&self.inner))
    }

    /// Brandes betweenness (`{ normalized, distance, endpoints }`).
    ///
    /// # Errors
    /// `JsonError` for bad options.
    pub fn betweenness(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Partial<BetweennessParams>")] params: &JsValue,
    ) -> Result<Float64Array, JsValue> {
        let p: nw::BetweennessParams = opt(params, "betweenness options")?;
        nw::betweenness(&self.inner, &p).map(|v| floats(&v)).map_err(|e| js_error(&e))
    }

    /// Edge betweenness, aligned with the edges of `toObject()`.
    ///
    /// # Errors
    /// `JsonError` for bad options.
    #[wasm_bindgen(js_name = edgeBetweenness)]
    pub fn edge_betweenness(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Partial<BetweennessParams>")] params: &JsValue,
    ) -> Result<Float64Array, JsValue> {
        let p: nw::BetweennessParams = opt(params, "betweenness options")?;
        nw::edge_betweenness(&self.inner, &p).map(|v| floats(&v)).map_err(|e| js_error(&e))
    }

    /// Sampled betweenness with its error bound.
    ///
    /// # Errors
    /// `InvalidParameterError` for epsilon or delta outside (0, 1).
    #[wasm_bindgen(js_name = approximateBetweenness, unchecked_return_type = "ApproxBetweenness")]
    pub fn approximate_betweenness(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Partial<ApproxBetweennessParams>")] params: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let p: nw::ApproxBetweennessParams = opt(params, "approximation options")?;
        to_js(&nw::approximate_betweenness(&self.inner, &p).map_err(|e| js_error(&e))?)
    }

    /// Closeness (`{ distance, wf_improved }`).
    ///
    /// # Errors
    /// `JsonError` for bad options.
    pub fn closeness(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Partial<ClosenessParams>")] params: &JsValue,
    ) -> Result<Float64Array, JsValue> {
        let p: nw::ClosenessParams = opt(params, "closeness options")?;
        Ok(floats(&nw::closeness(&self.inner, &p)))
    }

    /// Harmonic centrality (`{ distance, normalized }`).
    ///
    /// # Errors
    /// `JsonError` for bad options.
    pub fn harmonic(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Partial<HarmonicParams>")] params: &JsValue,
    ) -> Result<Float64Array, JsValue> {
        let p: nw::HarmonicParams = opt(params, "harmonic options")?;
        Ok(floats(&nw::harmonic(&self.inner, &p)))
    }

    /// Eigenvector centrality (`{ weighted, tol, max_iter }`).
    ///
    /// # Errors
    /// `InvalidParameterError` when it does not converge.
    pub fn eigenvector(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Partial<EigenvectorParams>")] params: &JsValue,
    ) -> Result<Float64Array, JsValue> {
        let p: nw::EigenvectorParams = opt(params, "eigenvector options")?;
        nw::eigenvector(&self.inner, &p).map(|v| floats(&v)).map_err(|e| js_error(&e))
    }

    /// `PageRank` (`{ alpha, weighted, tol, max_iter }`).
    ///
    /// # Errors
    /// `InvalidParameterError` for a bad alpha or no convergence.
    pub fn pagerank(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Partial<PageRankParams>")] params: &JsValue,
    ) -> Result<Float64Array, JsValue> {
        let p: nw::PageRankParams = opt(params, "PageRank options")?;
        nw::pagerank(&self.inner, &p).map(|v| floats(&v)).map_err(|e| js_error(&e))
    }

    /// Local clustering coefficients.
    #[must_use]
    pub fn clustering(&self, weighted: bool) -> Float64Array {
        floats(&nw::clustering(&self.inner, weighted))
    }

    /// Average clustering.
    #[wasm_bindgen(js_name = averageClustering)]
    #[must_use]
    pub fn average_clustering(&self, weighted: bool) -> f64 {
        nw::average_clustering(&self.inner, weighted)
    }

    /// Transitivity.
    #[must_use]
    pub fn transitivity(&self) -> f64 {
        nw::transitivity(&self.inner)
    }

    /// Core number of each node.
    #[wasm_bindgen(js_name = coreNumber)]
    #[must_use]
    pub fn core_number(&self) -> Float64Array {
        floats(&nw::core_number(&self.inner).into_iter().map(|k| k as f64).collect::<Vec<_>>())
    }

    /// Connected components (node indices), largest first.
    ///
    /// # Errors
    /// None in practice.
    #[wasm_bindgen(unchecked_return_type = "number[][]")]
    pub fn components(&self) -> Result<JsValue, JsValue> {
        to_js(&nw::components(&self.inner))
    }

    /// Density.
    #[must_use]
    pub fn density(&self) -> f64 {
        nw::density(&self.inner)
    }

    /// Diameter and average path length of the giant component, global efficiency.
    ///
    /// # Errors
    /// `JsonError` for a bad distance rule.
    #[wasm_bindgen(js_name = pathSummary, unchecked_return_type = "PathSummary")]
    pub fn path_summary(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Distance | undefined")] distance: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let d: nw::Distance = opt(distance, "distance")?;
        to_js(&nw::path_summary(&self.inner, d))
    }

    /// Local efficiency.
    #[wasm_bindgen(js_name = localEfficiency)]
    #[must_use]
    pub fn local_efficiency(&self) -> f64 {
        nw::local_efficiency(&self.inner)
    }

    /// Degree assortativity.
    ///
    /// # Errors
    /// `EmptyInputError` without edges.
    #[wasm_bindgen(js_name = degreeAssortativity)]
    pub fn degree_assortativity(&self) -> Result<f64, JsValue> {
        nw::degree_assortativity(&self.inner).map_err(|e| js_error(&e))
    }

    /// Assortativity of a grouping.
    ///
    /// # Errors
    /// `InvalidParameterError` naming a node without a group.
    #[wasm_bindgen(js_name = attributeAssortativity)]
    pub fn attribute_assortativity(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GroupBy")] group_by: &JsValue,
    ) -> Result<f64, JsValue> {
        let by: nw::GroupBy = opt(group_by, "groupBy")?;
        nw::attribute_assortativity(&self.inner, &by).map_err(|e| js_error(&e))
    }

    /// Louvain communities.
    ///
    /// # Errors
    /// `InvalidParameterError` for bad options.
    #[wasm_bindgen(unchecked_return_type = "Partition")]
    pub fn louvain(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Partial<CommunityParams>")] params: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let p: nw::CommunityParams = opt(params, "community options")?;
        to_js(&nw::louvain(&self.inner, &p).map_err(|e| js_error(&e))?)
    }

    /// Leiden communities.
    ///
    /// # Errors
    /// `InvalidParameterError` for bad options.
    #[wasm_bindgen(unchecked_return_type = "Partition")]
    pub fn leiden(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Partial<CommunityParams>")] params: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let p: nw::CommunityParams = opt(params, "community options")?;
        to_js(&nw::leiden(&self.inner, &p).map_err(|e| js_error(&e))?)
    }

    /// Modularity of a membership (one community number per node).
    ///
    /// # Errors
    /// `ShapeMismatchError` when the membership is not one number per node.
    pub fn modularity(&self, membership: &[usize], resolution: f64, weighted: bool) -> Result<f64, JsValue> {
        nw::modularity(&self.inner, membership, resolution, weighted).map_err(|e| js_error(&e))
    }

    /// Consensus clustering over seeded runs.
    ///
    /// # Errors
    /// `InvalidParameterError` for bad options.
    #[wasm_bindgen(unchecked_return_type = "Consensus")]
    pub fn consensus(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Partial<ConsensusParams>")] params: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let p: nw::ConsensusParams = opt(params, "consensus options")?;
        to_js(&nw::consensus(&self.inner, &p).map_err(|e| js_error(&e))?)
    }

    /// Gould-Fernandez brokerage by group, as R sna reports it.
    ///
    /// # Errors
    /// `InvalidParameterError` naming a node without a group.
    #[wasm_bindgen(unchecked_return_type = "Brokerage")]
    pub fn brokerage(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GroupBy")] group_by: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let by: nw::GroupBy = opt(group_by, "groupBy")?;
        to_js(&nw::brokerage(&self.inner, &by).map_err(|e| js_error(&e))?)
    }

    /// Krackhardt's E-I index and the cross-border share.
    ///
    /// # Errors
    /// `InvalidParameterError` naming a node without a group.
    #[wasm_bindgen(js_name = eiIndex, unchecked_return_type = "EiIndex")]
    pub fn ei_index(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GroupBy")] group_by: &JsValue,
        weighted: bool,
    ) -> Result<JsValue, JsValue> {
        let by: nw::GroupBy = opt(group_by, "groupBy")?;
        to_js(&nw::ei_index(&self.inner, &by, weighted).map_err(|e| js_error(&e))?)
    }

    /// Burt's constraint and effective size.
    ///
    /// # Errors
    /// None in practice.
    #[wasm_bindgen(js_name = structuralHoles, unchecked_return_type = "StructuralHoles")]
    pub fn structural_holes(&self, weighted: bool) -> Result<JsValue, JsValue> {
        to_js(&nw::structural_holes(&self.inner, weighted))
    }

    /// A node measure by group, saying which order of aggregation produced it.
    ///
    /// # Errors
    /// `InvalidParameterError` naming a node without a group.
    #[wasm_bindgen(js_name = groupMeasure, unchecked_return_type = "GroupMeasure")]
    pub fn group_measure(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Partial<GroupMeasureParams>")] params: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let p: nw::GroupMeasureParams = opt(params, "group measure options")?;
        to_js(&nw::group_measure(&self.inner, &p).map_err(|e| js_error(&e))?)
    }

    /// Articulation points and bridges (node and edge indices).
    ///
    /// # Errors
    /// None in practice.
    #[wasm_bindgen(js_name = cutStructure, unchecked_return_type = "CutStructure")]
    pub fn cut_structure(&self) -> Result<JsValue, JsValue> {
        to_js(&nw::cut_structure(&self.inner))
    }

    /// Robustness curve under random or targeted removal.
    ///
    /// # Errors
    /// `InvalidParameterError` for bad options.
    #[wasm_bindgen(unchecked_return_type = "RobustnessCurve")]
    pub fn robustness(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Partial<RobustnessParams>")] params: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let p: nw::RobustnessParams = opt(params, "robustness options")?;
        to_js(&nw::robustness(&self.inner, &p).map_err(|e| js_error(&e))?)
    }

    /// What if each group (country) left.
    ///
    /// # Errors
    /// `InvalidParameterError` naming a node without a group.
    #[wasm_bindgen(js_name = groupRemoval, unchecked_return_type = "GroupRemoval[]")]
    pub fn group_removal(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GroupBy")] group_by: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let by: nw::GroupBy = opt(group_by, "groupBy")?;
        to_js(&nw::group_removal(&self.inner, &by).map_err(|e| js_error(&e))?)
    }

    /// Top-k partner candidates per actor, explained.
    ///
    /// # Errors
    /// `UnknownLabelError` for an unknown actor; `InvalidParameterError` for bad options.
    #[wasm_bindgen(unchecked_return_type = "Recommendation[]")]
    pub fn recommend(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Partial<RecommendParams>")] params: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let p: nw::RecommendParams = opt(params, "recommendation options")?;
        to_js(&nw::recommend(&self.inner, &p).map_err(|e| js_error(&e))?)
    }

    /// Link-prediction scores of `[id, id]` pairs.
    ///
    /// # Errors
    /// `UnknownLabelError` for an unknown id; `JsonError` for an unknown method.
    #[wasm_bindgen(js_name = linkScores)]
    pub fn link_scores(
        &self,
        #[wasm_bindgen(unchecked_param_type = "[string, string][]")] pairs: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "LinkScore")] method: &JsValue,
    ) -> Result<Float64Array, JsValue> {
        let pairs: Vec<(String, String)> = req(pairs, "pairs")?;
        let m: nw::LinkScore = req(method, "method")?;
        nw::link_scores(&self.inner, &pairs, m).map(|v| floats(&v)).map_err(|e| js_error(&e))
    }

    /// The network aggregated to groups.
    ///
    /// # Errors
    /// `InvalidParameterError` naming a node without a group.
    pub fn aggregate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GroupBy")] group_by: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "SelfLoops | undefined")] self_loops: &JsValue,
    ) -> Result<Network, JsValue> {
        let by: nw::GroupBy = opt(group_by, "groupBy")?;
        let sl: nw::SelfLoops = opt(self_loops, "selfLoops")?;
        nw::aggregate(&self.inner, &by, sl).map(Network::from).map_err(|e| js_error(&e))
    }

    /// `GraphML` text; `extra` maps column names to per-node values.
    ///
    /// # Errors
    /// `ShapeMismatchError` when a column is not one value per node.
    pub fn graphml(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Record<string, number[]> | undefined")] extra_values: &JsValue,
    ) -> Result<String, JsValue> {
        let x = extra(extra_values)?;
        nw::export::graphml(&self.inner, &columns(&x)).map_err(|e| js_error(&e))
    }

    /// GEXF text (Gephi).
    ///
    /// # Errors
    /// `ShapeMismatchError` when a column is not one value per node.
    pub fn gexf(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Record<string, number[]> | undefined")] extra_values: &JsValue,
    ) -> Result<String, JsValue> {
        let x = extra(extra_values)?;
        nw::export::gexf(&self.inner, &columns(&x)).map_err(|e| js_error(&e))
    }

    /// Node-link object for d3 (`nodes` with `id`, `edges` with `source` / `target` ids).
    ///
    /// # Errors
    /// `ShapeMismatchError` when a column is not one value per node.
    #[wasm_bindgen(js_name = nodeLink, unchecked_return_type = "Record<string, unknown>")]
    pub fn node_link(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Record<string, number[]> | undefined")] extra_values: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let x = extra(extra_values)?;
        to_js(&nw::export::node_link_json(&self.inner, &columns(&x)).map_err(|e| js_error(&e))?)
    }
}

/// The actor-actor projection of a dataset: `{ network, summary }`.
///
/// # Errors
/// `JsonError` or `InvalidParameterError` for bad options.
#[wasm_bindgen(js_name = networkProjection, unchecked_return_type = "{ network: Network; summary: ProjectionSummary }")]
pub fn network_projection(
    dataset: &Dataset,
    #[wasm_bindgen(unchecked_param_type = "Partial<ProjectionParams>")] params: &JsValue,
) -> Result<JsValue, JsValue> {
    let p: nw::ProjectionParams = opt(params, "projection options")?;
    let r = nw::projection(dataset.inner(), &p).map_err(|e| js_error(&e))?;
    let out = Object::new();
    Reflect::set(&out, &"network".into(), &Network::from(r.network).into())?;
    Reflect::set(&out, &"summary".into(), &to_js(&r.summary)?)?;
    Ok(out.into())
}

/// The bipartite actor-project network (actors first, then projects).
///
/// # Errors
/// `DuplicateLabelError` when an actor id equals a project id.
#[wasm_bindgen(js_name = bipartiteNetwork)]
pub fn bipartite_network(dataset: &Dataset, money: bool) -> Result<Network, JsValue> {
    nw::bipartite(dataset.inner(), money).map(|(n, _)| Network::from(n)).map_err(|e| js_error(&e))
}

/// The cooperation-network section of the report.
///
/// # Errors
/// `EmptyInputError` when no project has two partners.
#[wasm_bindgen(js_name = networkSummary, unchecked_return_type = "NetworkSummary")]
pub fn network_summary(dataset: &Dataset) -> Result<JsValue, JsValue> {
    to_js(&nw::summarise(dataset.inner()).map_err(|e| js_error(&e))?)
}
