//! Cooperation networks (core `clusterpolicy::network`).
//!
//! The class `Network` wraps the core network; the functions (prefixed `net_` in the native
//! module, re-exported with plain names by the facade `clusterpolicy.network`) each convert
//! their arguments, call one core function and return plain Python objects: per-node values
//! as lists aligned with `Network.ids`, results as dicts (the serde form of the core result
//! types). Options are keyword arguments read into the core `XxxParams` structs, so an unknown
//! or mistyped option raises `InvalidParameterError` naming it. Heavy calls release the GIL.

// pyo3 extracts the arguments by value.
#![allow(clippy::needless_pass_by_value)]

use clusterpolicy::Error;
use clusterpolicy::network as nw;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};

use crate::conversion::{from_py, kwargs_params as params, to_py};
use crate::error::to_py_err;
use crate::model::PyDataset;
use crate::progress::PyProgress;

/// An undirected, weighted cooperation network of named nodes (organisations, regions or
/// countries). Immutable; compares equal by nodes and edges; pickles through its dict form.
///
/// ```python
/// >>> import clusterpolicy.network as cn
/// >>> net = cn.Network.from_edges([("a", "b", 1.0), ("b", "c", 2.0)])
/// >>> net
/// Network(nodes=3, edges=2)
/// >>> net.ids
/// ['a', 'b', 'c']
///
/// ```
#[pyclass(module = "clusterpolicy", name = "Network", frozen, eq)]
#[derive(PartialEq)]
pub(crate) struct PyNetwork {
    pub(crate) inner: nw::Network,
}

impl From<nw::Network> for PyNetwork {
    fn from(inner: nw::Network) -> Self {
        Self { inner }
    }
}

#[pymethods]
impl PyNetwork {
    /// A network from `(source, target, weight)` triples; `nodes` (dicts with `id` and
    /// optionally `label`, `country`, `region`, `helix`, `attributes`) fixes the nodes and their
    /// order, else the nodes are the ids in order of first appearance. Repeated pairs add up.
    #[classmethod]
    #[pyo3(signature = (edges, nodes = None))]
    fn from_edges(
        _cls: &Bound<'_, PyType>,
        edges: Vec<(String, String, f64)>,
        nodes: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let result = match nodes {
            None => nw::Network::from_edges(&edges),
            Some(n) => nw::Network::from_edge_list(from_py::<Vec<nw::Node>>("nodes", n)?, &edges),
        };
        result.map(Self::from).map_err(to_py_err)
    }

    /// The network from its dict form (`{"level", "nodes", "edges"}` with node indices).
    #[classmethod]
    fn from_dict(_cls: &Bound<'_, PyType>, d: &Bound<'_, PyAny>) -> PyResult<Self> {
        pythonize::depythonize::<nw::Network>(d)
            .map(Self::from)
            .map_err(|e| to_py_err(Error::Json { line: 0, column: 0, message: e.to_string() }))
    }

    /// The dict form: `{"level", "nodes": [...], "edges": [{"source", "target", "weight",
    /// "count"}]}` with node indices.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyAny>,))> {
        let py = slf.py();
        let cls = py.get_type::<PyNetwork>().getattr("from_dict")?;
        Ok((cls, (to_py(py, &slf.get().inner)?,)))
    }

    fn __repr__(&self) -> String {
        format!("Network(nodes={}, edges={})", self.inner.node_count(), self.inner.edge_count())
    }

    /// Node ids in node order (per-node results are aligned with them).
    #[getter]
    fn ids(&self) -> Vec<String> {
        self.inner.ids().map(str::to_owned).collect()
    }

    /// The nodes as dicts.
    #[getter]
    fn nodes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.nodes())
    }

    /// The edges as dicts with node indices.
    #[getter]
    fn edges<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.edges())
    }

    /// Number of nodes.
    #[getter]
    fn node_count(&self) -> usize {
        self.inner.node_count()
    }

    /// Number of edges.
    #[getter]
    fn edge_count(&self) -> usize {
        self.inner.edge_count()
    }

    /// What the nodes stand for: `organisation`, `region`, `country` or `custom`.
    #[getter]
    fn level(&self) -> String {
        serde_json::to_value(self.inner.level()).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }
}

/// The actor-actor projection of a dataset: `(Network, summary dict)`. Options: `weighting`,
/// `max_consortium_size`, `min_joint_projects`, `window`, `programmes`, `include_associated`,
/// `isolates`.
#[pyfunction]
#[pyo3(signature = (dataset, **kwargs))]
pub(crate) fn net_projection<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<(PyNetwork, Bound<'py, PyAny>)> {
    let p: nw::ProjectionParams = params(kwargs)?;
    let ds = &dataset.get().inner;
    let r = py.detach(|| nw::projection(ds, &p)).map_err(to_py_err)?;
    Ok((r.network.into(), to_py(py, &r.summary)?))
}

/// One projection per programme period: a list of `(period dict, Network, summary dict)`.
#[allow(clippy::type_complexity)] // the tuple is the Python return type
#[pyfunction]
#[pyo3(signature = (dataset, **kwargs))]
pub(crate) fn net_windows<'py>(
    py: Python<'py>,
    dataset: &Bound<'py, PyDataset>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Vec<(Bound<'py, PyAny>, PyNetwork, Bound<'py, PyAny>)>> {
    let p: nw::ProjectionParams = params(kwargs)?;
    let ds = &dataset.get().inner;
    let r = py.detach(|| nw::windows(ds, &p)).map_err(to_py_err)?;
    r.into_iter().map(|(w, pr)| Ok((to_py(py, &w)?, pr.network.into(), to_py(py, &pr.summary)?))).collect()
}

/// The bipartite actor-project network: `(Network, number of actors)`.
#[pyfunction]
#[pyo3(signature = (dataset, money = false))]
pub(crate) fn net_bipartite(dataset: &Bound<'_, PyDataset>, money: bool) -> PyResult<(PyNetwork, usize)> {
    let (net, k) = nw::bipartite(&dataset.get().inner, money).map_err(to_py_err)?;
    Ok((net.into(), k))
}

/// The network aggregated to groups (`group_by` in its JSON form).
#[pyfunction]
pub(crate) fn net_aggregate(
    net: &Bound<'_, PyNetwork>,
    group_by: &Bound<'_, PyAny>,
    self_loops: &Bound<'_, PyAny>,
) -> PyResult<PyNetwork> {
    let by: nw::GroupBy = from_py("group_by", group_by)?;
    let sl: nw::SelfLoops = from_py("self_loops", self_loops)?;
    nw::aggregate(&net.get().inner, &by, sl).map(PyNetwork::from).map_err(to_py_err)
}

/// Degree of each node.
#[pyfunction]
pub(crate) fn net_degree(net: &Bound<'_, PyNetwork>) -> Vec<f64> {
    nw::degree(&net.get().inner)
}

/// Strength of each node.
#[pyfunction]
pub(crate) fn net_strength(net: &Bound<'_, PyNetwork>) -> Vec<f64> {
    nw::strength(&net.get().inner)
}

/// Betweenness (Brandes). Options: `normalized`, `distance`, `endpoints`.
#[pyfunction]
#[pyo3(signature = (net, **kwargs))]
pub(crate) fn net_betweenness(
    py: Python<'_>,
    net: &Bound<'_, PyNetwork>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<f64>> {
    let p: nw::BetweennessParams = params(kwargs)?;
    let g = &net.get().inner;
    py.detach(|| nw::betweenness(g, &p)).map_err(to_py_err)
}

/// Edge betweenness, aligned with `Network.edges`. Options as `net_betweenness`.
#[pyfunction]
#[pyo3(signature = (net, **kwargs))]
pub(crate) fn net_edge_betweenness(
    py: Python<'_>,
    net: &Bound<'_, PyNetwork>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<f64>> {
    let p: nw::BetweennessParams = params(kwargs)?;
    let g = &net.get().inner;
    py.detach(|| nw::edge_betweenness(g, &p)).map_err(to_py_err)
}

/// Sampled betweenness with its error bound (dict). Options: `epsilon`, `delta`, `seed`,
/// `distance`, `normalized`.
#[pyfunction]
#[pyo3(signature = (net, **kwargs))]
pub(crate) fn net_approximate_betweenness<'py>(
    py: Python<'py>,
    net: &Bound<'py, PyNetwork>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: nw::ApproxBetweennessParams = params(kwargs)?;
    let g = &net.get().inner;
    let r = py.detach(|| nw::approximate_betweenness(g, &p)).map_err(to_py_err)?;
    to_py(py, &r)
}

/// Closeness. Options: `distance`, `wf_improved`.
#[pyfunction]
#[pyo3(signature = (net, **kwargs))]
pub(crate) fn net_closeness(
    py: Python<'_>,
    net: &Bound<'_, PyNetwork>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<f64>> {
    let p: nw::ClosenessParams = params(kwargs)?;
    let g = &net.get().inner;
    Ok(py.detach(|| nw::closeness(g, &p)))
}

/// Harmonic centrality. Options: `distance`, `normalized`.
#[pyfunction]
#[pyo3(signature = (net, **kwargs))]
pub(crate) fn net_harmonic(
    py: Python<'_>,
    net: &Bound<'_, PyNetwork>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<f64>> {
    let p: nw::HarmonicParams = params(kwargs)?;
    let g = &net.get().inner;
    Ok(py.detach(|| nw::harmonic(g, &p)))
}

/// Eigenvector centrality. Options: `weighted`, `tol`, `max_iter`.
#[pyfunction]
#[pyo3(signature = (net, **kwargs))]
pub(crate) fn net_eigenvector(
    py: Python<'_>,
    net: &Bound<'_, PyNetwork>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<f64>> {
    let p: nw::EigenvectorParams = params(kwargs)?;
    let g = &net.get().inner;
    py.detach(|| nw::eigenvector(g, &p)).map_err(to_py_err)
}

/// `PageRank`. Options: `alpha`, `weighted`, `tol`, `max_iter`.
#[pyfunction]
#[pyo3(signature = (net, **kwargs))]
pub(crate) fn net_pagerank(
    py: Python<'_>,
    net: &Bound<'_, PyNetwork>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<f64>> {
    let p: nw::PageRankParams = params(kwargs)?;
    let g = &net.get().inner;
    py.detach(|| nw::pagerank(g, &p)).map_err(to_py_err)
}

/// Local clustering coefficients.
#[pyfunction]
#[pyo3(signature = (net, weighted = false))]
pub(crate) fn net_clustering(net: &Bound<'_, PyNetwork>, weighted: bool) -> Vec<f64> {
    nw::clustering(&net.get().inner, weighted)
}

/// Average clustering.
#[pyfunction]
#[pyo3(signature = (net, weighted = false))]
pub(crate) fn net_average_clustering(net: &Bound<'_, PyNetwork>, weighted: bool) -> f64 {
    nw::average_clustering(&net.get().inner, weighted)
}

/// Transitivity.
#[pyfunction]
pub(crate) fn net_transitivity(net: &Bound<'_, PyNetwork>) -> f64 {
    nw::transitivity(&net.get().inner)
}

/// Core numbers.
#[pyfunction]
pub(crate) fn net_core_number(net: &Bound<'_, PyNetwork>) -> Vec<usize> {
    nw::core_number(&net.get().inner)
}

/// Connected components (node indices), largest first.
#[pyfunction]
pub(crate) fn net_components(net: &Bound<'_, PyNetwork>) -> Vec<Vec<usize>> {
    nw::components(&net.get().inner)
}

/// Density.
#[pyfunction]
pub(crate) fn net_density(net: &Bound<'_, PyNetwork>) -> f64 {
    nw::density(&net.get().inner)
}

/// Diameter and average path length of the giant component, global efficiency (dict).
#[pyfunction]
#[pyo3(signature = (net, distance = None))]
pub(crate) fn net_path_summary<'py>(
    py: Python<'py>,
    net: &Bound<'py, PyNetwork>,
    distance: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let d: nw::Distance = distance.map(|x| from_py("distance", x)).transpose()?.unwrap_or_default();
    let g = &net.get().inner;
    let r = py.detach(|| nw::path_summary(g, d));
    to_py(py, &r)
}

/// Local efficiency.
#[pyfunction]
pub(crate) fn net_local_efficiency(py: Python<'_>, net: &Bound<'_, PyNetwork>) -> f64 {
    let g = &net.get().inner;
    py.detach(|| nw::local_efficiency(g))
}

/// Degree assortativity.
#[pyfunction]
pub(crate) fn net_degree_assortativity(net: &Bound<'_, PyNetwork>) -> PyResult<f64> {
    nw::degree_assortativity(&net.get().inner).map_err(to_py_err)
}

/// Attribute assortativity of a grouping.
#[pyfunction]
pub(crate) fn net_attribute_assortativity(net: &Bound<'_, PyNetwork>, group_by: &Bound<'_, PyAny>) -> PyResult<f64> {
    let by: nw::GroupBy = from_py("group_by", group_by)?;
    nw::attribute_assortativity(&net.get().inner, &by).map_err(to_py_err)
}

/// Louvain communities (dict: membership, communities, modularity). Options: `resolution`,
/// `seed`, `weighted`, `threshold`.
#[pyfunction]
#[pyo3(signature = (net, **kwargs))]
pub(crate) fn net_louvain<'py>(
    py: Python<'py>,
    net: &Bound<'py, PyNetwork>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: nw::CommunityParams = params(kwargs)?;
    let g = &net.get().inner;
    let r = py.detach(|| nw::louvain(g, &p)).map_err(to_py_err)?;
    to_py(py, &r)
}

/// Leiden communities. Options: `resolution`, `seed`, `weighted`, `theta`, `quality`.
#[pyfunction]
#[pyo3(signature = (net, **kwargs))]
pub(crate) fn net_leiden<'py>(
    py: Python<'py>,
    net: &Bound<'py, PyNetwork>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: nw::CommunityParams = params(kwargs)?;
    let g = &net.get().inner;
    let r = py.detach(|| nw::leiden(g, &p)).map_err(to_py_err)?;
    to_py(py, &r)
}

/// Modularity of a membership list.
#[pyfunction]
#[pyo3(signature = (net, membership, resolution = 1.0, weighted = true))]
pub(crate) fn net_modularity(
    net: &Bound<'_, PyNetwork>,
    membership: Vec<usize>,
    resolution: f64,
    weighted: bool,
) -> PyResult<f64> {
    nw::modularity(&net.get().inner, &membership, resolution, weighted).map_err(to_py_err)
}

/// Consensus clustering. Options: `method`, `runs`, `threshold`, `max_rounds`, `community`.
#[pyfunction]
#[pyo3(signature = (net, **kwargs))]
pub(crate) fn net_consensus<'py>(
    py: Python<'py>,
    net: &Bound<'py, PyNetwork>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: nw::ConsensusParams = params(kwargs)?;
    let g = &net.get().inner;
    let r = py.detach(|| nw::consensus(g, &p)).map_err(to_py_err)?;
    to_py(py, &r)
}

/// Gould-Fernandez brokerage as R sna reports it (dict).
#[pyfunction]
pub(crate) fn net_brokerage<'py>(
    py: Python<'py>,
    net: &Bound<'py, PyNetwork>,
    group_by: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let by: nw::GroupBy = from_py("group_by", group_by)?;
    let g = &net.get().inner;
    let r = py.detach(|| nw::brokerage(g, &by)).map_err(to_py_err)?;
    to_py(py, &r)
}

/// Krackhardt's E-I index and the cross-border share (dict).
#[pyfunction]
#[pyo3(signature = (net, group_by, weighted = false))]
pub(crate) fn net_ei_index<'py>(
    py: Python<'py>,
    net: &Bound<'py, PyNetwork>,
    group_by: &Bound<'py, PyAny>,
    weighted: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let by: nw::GroupBy = from_py("group_by", group_by)?;
    let r = nw::ei_index(&net.get().inner, &by, weighted).map_err(to_py_err)?;
    to_py(py, &r)
}

/// Burt's constraint and effective size (dict of lists).
#[pyfunction]
#[pyo3(signature = (net, weighted = false))]
pub(crate) fn net_structural_holes<'py>(
    py: Python<'py>,
    net: &Bound<'py, PyNetwork>,
    weighted: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let g = &net.get().inner;
    let r = py.detach(|| nw::structural_holes(g, weighted));
    to_py(py, &r)
}

/// A node measure by group in either order (dict saying which order produced it). Options:
/// `measure`, `group_by`, `order`, `self_loops`.
#[pyfunction]
#[pyo3(signature = (net, **kwargs))]
pub(crate) fn net_group_measure<'py>(
    py: Python<'py>,
    net: &Bound<'py, PyNetwork>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: nw::GroupMeasureParams = params(kwargs)?;
    let g = &net.get().inner;
    let r = py.detach(|| nw::group_measure(g, &p)).map_err(to_py_err)?;
    to_py(py, &r)
}

/// Articulation points and bridges (dict of node and edge indices).
#[pyfunction]
pub(crate) fn net_cut_structure<'py>(py: Python<'py>, net: &Bound<'py, PyNetwork>) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &nw::cut_structure(&net.get().inner))
}

/// Robustness curve (dict). Options: `removal`, `steps`, `efficiency`, `seed`.
/// `progress(done, total)` is called as nodes are removed.
#[pyfunction]
#[pyo3(signature = (net, progress = None, **kwargs))]
pub(crate) fn net_robustness<'py>(
    py: Python<'py>,
    net: &Bound<'py, PyNetwork>,
    progress: Option<Py<PyAny>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: nw::RobustnessParams = params(kwargs)?;
    let g = &net.get().inner;
    let reporter = PyProgress::new(progress);
    let r = py.detach(|| nw::robustness_with_progress(g, &p, &reporter));
    let r = reporter.finish(r)?.map_err(to_py_err)?;
    to_py(py, &r)
}

/// What if each group left (list of dicts).
#[pyfunction]
pub(crate) fn net_group_removal<'py>(
    py: Python<'py>,
    net: &Bound<'py, PyNetwork>,
    group_by: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let by: nw::GroupBy = from_py("group_by", group_by)?;
    let g = &net.get().inner;
    let r = py.detach(|| nw::group_removal(g, &by)).map_err(to_py_err)?;
    to_py(py, &r)
}

/// Top-k partner candidates (list of dicts). Options: `method`, `k`, `cross_border_only`,
/// `group_by`, `actors`, `max_explained`.
#[pyfunction]
#[pyo3(signature = (net, **kwargs))]
pub(crate) fn net_recommend<'py>(
    py: Python<'py>,
    net: &Bound<'py, PyNetwork>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p: nw::RecommendParams = params(kwargs)?;
    let g = &net.get().inner;
    let r = py.detach(|| nw::recommend(g, &p)).map_err(to_py_err)?;
    to_py(py, &r)
}

/// Link-prediction scores of id pairs.
#[pyfunction]
pub(crate) fn net_link_scores(
    net: &Bound<'_, PyNetwork>,
    pairs: Vec<(String, String)>,
    method: &Bound<'_, PyAny>,
) -> PyResult<Vec<f64>> {
    let m: nw::LinkScore = from_py("method", method)?;
    nw::link_scores(&net.get().inner, &pairs, m).map_err(to_py_err)
}

fn extra_columns(extra: &[(String, Vec<f64>)]) -> Vec<(&str, &[f64])> {
    extra.iter().map(|(k, v)| (k.as_str(), v.as_slice())).collect()
}

/// `GraphML` text; `extra` adds per-node value columns.
#[pyfunction]
#[pyo3(signature = (net, extra = Vec::new()))]
pub(crate) fn net_graphml(net: &Bound<'_, PyNetwork>, extra: Vec<(String, Vec<f64>)>) -> PyResult<String> {
    nw::export::graphml(&net.get().inner, &extra_columns(&extra)).map_err(to_py_err)
}

/// GEXF text; `extra` adds per-node value columns.
#[pyfunction]
#[pyo3(signature = (net, extra = Vec::new()))]
pub(crate) fn net_gexf(net: &Bound<'_, PyNetwork>, extra: Vec<(String, Vec<f64>)>) -> PyResult<String> {
    nw::export::gexf(&net.get().inner, &extra_columns(&extra)).map_err(to_py_err)
}

/// Node-link dict (d3, `NetworkX` `node_link_graph(..., edges="edges")`).
#[pyfunction]
#[pyo3(signature = (net, extra = Vec::new()))]
pub(crate) fn net_node_link<'py>(
    py: Python<'py>,
    net: &Bound<'py, PyNetwork>,
    extra: Vec<(String, Vec<f64>)>,
) -> PyResult<Bound<'py, PyAny>> {
    let v = nw::export::node_link_json(&net.get().inner, &extra_columns(&extra)).map_err(to_py_err)?;
    to_py(py, &v)
}

/// The network section of the report (dict).
#[pyfunction]
pub(crate) fn net_summarise<'py>(py: Python<'py>, dataset: &Bound<'py, PyDataset>) -> PyResult<Bound<'py, PyAny>> {
    let ds = &dataset.get().inner;
    let r = py.detach(|| nw::summarise(ds)).map_err(to_py_err)?;
    to_py(py, &r)
}
