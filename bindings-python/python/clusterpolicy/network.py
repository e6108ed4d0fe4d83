"""Cooperation networks: projections of the data model, centralities, communities, brokerage
across borders, vulnerability, partner recommendation and exports.

Per-node measures return a dict keyed by node id (in node order); ``centralities`` and the
``*_frame`` helpers return pandas DataFrames indexed by id. Groups (``group_by``) are
``"country"``, ``"region"``, ``"helix"``, ``("attribute", key)`` or a mapping from node id to
group. Options are keyword arguments of the core ``XxxParams`` structs; a wrong one raises
``InvalidParameterError`` naming it. Conventions follow NetworkX 3.6 (betweenness
normalisation, closeness with the Wasserman-Faust correction) and R sna 2.7-1 (brokerage).

>>> import clusterpolicy as cp
>>> import clusterpolicy.network as cn
>>> net, summary = cn.projection(cp.sample_dataset())
>>> net.node_count > 0 and summary["projects"] > 0
True
>>> star = cn.Network.from_edges([("c", "a", 1.0), ("c", "b", 1.0), ("c", "d", 1.0)])
>>> cn.betweenness(star, normalized=False)
{'c': 3.0, 'a': 0.0, 'b': 0.0, 'd': 0.0}
>>> round(cn.ei_index(cn.Network.from_edges([("a", "b", 1.0)], nodes=[
...     {"id": "a", "country": "SI"}, {"id": "b", "country": "AT"}]), "country")["ei"], 3)
1.0
"""

from __future__ import annotations

import importlib
from typing import Any, Dict, List, Mapping, Sequence, Tuple, Union

from clusterpolicy import _native
from clusterpolicy._native import Dataset, Network
from clusterpolicy._progress import Progress, reporter

__all__ = [
    "Network",
    "projection",
    "windows",
    "bipartite",
    "aggregate",
    "degree",
    "strength",
    "betweenness",
    "edge_betweenness",
    "approximate_betweenness",
    "closeness",
    "harmonic",
    "eigenvector",
    "pagerank",
    "clustering",
    "average_clustering",
    "transitivity",
    "core_number",
    "components",
    "density",
    "path_summary",
    "local_efficiency",
    "degree_assortativity",
    "attribute_assortativity",
    "louvain",
    "leiden",
    "modularity",
    "consensus",
    "brokerage",
    "brokerage_frame",
    "ei_index",
    "structural_holes",
    "group_measure",
    "cut_structure",
    "robustness",
    "group_removal",
    "recommend",
    "recommend_frame",
    "link_scores",
    "centralities",
    "graphml",
    "gexf",
    "node_link",
    "summarise",
]

#: A grouping: ``"country"``, ``"region"``, ``"helix"``, ``("attribute", key)`` or a mapping
#: from node id to group name.
GroupBy = Union[str, Tuple[str, str], Mapping[str, str]]


def _group(by: GroupBy) -> Any:
    if isinstance(by, str):
        return by
    if isinstance(by, tuple):
        if len(by) == 2 and by[0] == "attribute":
            return {"attribute": by[1]}
        raise TypeError('group_by must be "country", "region", "helix", ("attribute", key) or a mapping')
    return {"explicit": {str(k): str(v) for k, v in by.items()}}


def _ids(net: Network) -> List[str]:
    """The node ids of ``net``; a ``TypeError`` naming the argument for anything else."""
    if not isinstance(net, Network):
        raise TypeError(f"net: expected a clusterpolicy.network.Network, got {type(net).__name__}")
    return net.ids


def _by_id(net: Network, values: Sequence[float]) -> Dict[str, float]:
    return dict(zip(_ids(net), values))


def projection(dataset: Dataset, **params: Any) -> Tuple[Network, Dict[str, Any]]:
    """The actor-actor projection of a dataset's projects and its summary.

    Options: ``weighting`` (``"joint_projects"``, ``"newman"``, ``"fractional"``, ``"money"``),
    ``max_consortium_size``, ``min_joint_projects`` (stable partnerships), ``window``
    (``{"start_year": ..., "end_year": ...}``), ``programmes``, ``include_associated``,
    ``isolates`` (``"keep"`` / ``"drop"``).
    

    >>> import clusterpolicy as cp
    >>> net, summary = projection(cp.sample_dataset(), min_joint_projects=2)
    >>> net.node_count > 0 and summary["projects"] > 0
    True
    """
    return _native.net_projection(dataset, **params)


def windows(dataset: Dataset, **params: Any) -> List[Tuple[Dict[str, int], Network, Dict[str, Any]]]:
    """One projection per programme period: ``[(period, network, summary), ...]``.

    >>> import clusterpolicy as cp
    >>> [(p["start_year"], n.node_count > 0) for p, n, _ in windows(cp.sample_dataset())][:1]
    [(2007, True)]
    """
    return _native.net_windows(dataset, **params)


def bipartite(dataset: Dataset, money: bool = False) -> Tuple[Network, int]:
    """The bipartite actor-project network and the number of actors (the first nodes).

    >>> import clusterpolicy as cp
    >>> graph, actors = bipartite(cp.sample_dataset())
    >>> graph.node_count > actors > 0
    True
    """
    return _native.net_bipartite(dataset, money)


def aggregate(net: Network, group_by: GroupBy = "country", self_loops: str = "drop") -> Network:
    """The network aggregated to groups; ``self_loops="keep"`` keeps within-group ties.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> countries = aggregate(net, "country")
    >>> sorted(countries.ids), countries.edge_count
    (['AT', 'HR', 'SI'], 2)
    """
    return _native.net_aggregate(net, _group(group_by), self_loops)


def degree(net: Network) -> Dict[str, float]:
    """Degree of each node (a self-loop counts twice).

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> degree(net)
    {'a': 2.0, 'b': 2.0, 'c': 3.0, 'd': 1.0}
    """
    return _by_id(net, _native.net_degree(net))


def strength(net: Network) -> Dict[str, float]:
    """Strength (weighted degree) of each node.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> strength(net)
    {'a': 2.0, 'b': 2.0, 'c': 4.0, 'd': 2.0}
    """
    return _by_id(net, _native.net_strength(net))


def betweenness(net: Network, **params: Any) -> Dict[str, float]:
    """Brandes betweenness. Options: ``normalized`` (True), ``distance`` (``"hops"``,
    ``"weight"``, ``"inverse_weight"``), ``endpoints``.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> betweenness(net, normalized=False)
    {'a': 0.0, 'b': 0.0, 'c': 2.0, 'd': 0.0}
    """
    return _by_id(net, _native.net_betweenness(net, **params))


def edge_betweenness(net: Network, **params: Any) -> Dict[Tuple[str, str], float]:
    """Edge betweenness keyed by ``(source id, target id)``.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> edge_betweenness(net, normalized=False)[("c", "d")]
    3.0
    """
    ids = _ids(net)
    values = _native.net_edge_betweenness(net, **params)
    return {(ids[e["source"]], ids[e["target"]]): x for e, x in zip(net.edges, values)}


def approximate_betweenness(net: Network, **params: Any) -> Dict[str, Any]:
    """Sampled betweenness (Riondato-Kornaropoulos) with its error bound: ``values`` (by id),
    ``samples``, ``bound``, ``epsilon``, ``delta``, ``vertex_diameter_bound``.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> r = approximate_betweenness(net, epsilon=0.1, delta=0.1, seed=7)
    >>> sorted(r["values"]) == sorted(net.ids) and r["bound"] > 0
    True
    """
    r = _native.net_approximate_betweenness(net, **params)
    r["values"] = _by_id(net, r["values"])
    return r


def closeness(net: Network, **params: Any) -> Dict[str, float]:
    """Closeness (Wasserman-Faust corrected). Options: ``distance``, ``wf_improved``.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> {k: round(v, 4) for k, v in closeness(net).items()}
    {'a': 0.75, 'b': 0.75, 'c': 1.0, 'd': 0.6}
    """
    return _by_id(net, _native.net_closeness(net, **params))


def harmonic(net: Network, **params: Any) -> Dict[str, float]:
    """Harmonic centrality. Options: ``distance``, ``normalized``.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> {k: round(v, 4) for k, v in harmonic(net).items()}
    {'a': 2.5, 'b': 2.5, 'c': 3.0, 'd': 2.0}
    """
    return _by_id(net, _native.net_harmonic(net, **params))


def eigenvector(net: Network, **params: Any) -> Dict[str, float]:
    """Eigenvector centrality (unit norm). Options: ``weighted``, ``tol``, ``max_iter``.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> max(eigenvector(net), key=eigenvector(net).get)
    'c'
    """
    return _by_id(net, _native.net_eigenvector(net, **params))


def pagerank(net: Network, **params: Any) -> Dict[str, float]:
    """PageRank. Options: ``alpha``, ``weighted``, ``tol``, ``max_iter``.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> round(sum(pagerank(net).values()), 6)
    1.0
    """
    return _by_id(net, _native.net_pagerank(net, **params))


def clustering(net: Network, weighted: bool = False) -> Dict[str, float]:
    """Local clustering coefficients.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> clustering(net)
    {'a': 1.0, 'b': 1.0, 'c': 0.3333333333333333, 'd': 0.0}
    """
    return _by_id(net, _native.net_clustering(net, weighted))


def average_clustering(net: Network, weighted: bool = False) -> float:
    """Average clustering (zeros included).

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> round(average_clustering(net), 4)
    0.5833
    """
    return _native.net_average_clustering(net, weighted)


def transitivity(net: Network) -> float:
    """Transitivity (global clustering).

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> round(transitivity(net), 4)
    0.6
    """
    return _native.net_transitivity(net)


def core_number(net: Network) -> Dict[str, int]:
    """Core number of each node.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> core_number(net)
    {'a': 2, 'b': 2, 'c': 2, 'd': 1}
    """
    return dict(zip(_ids(net), _native.net_core_number(net)))


def components(net: Network) -> List[List[str]]:
    """Connected components (node ids), largest first.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> components(net)
    [['a', 'b', 'c', 'd']]
    """
    ids = _ids(net)
    return [[ids[v] for v in c] for c in _native.net_components(net)]


def density(net: Network) -> float:
    """Density.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> round(density(net), 4)
    0.6667
    """
    return _native.net_density(net)


def path_summary(net: Network, distance: str = "hops") -> Dict[str, Any]:
    """Diameter and average path length of the giant component, global efficiency.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> path_summary(net)["diameter"]
    2.0
    """
    return _native.net_path_summary(net, distance)


def local_efficiency(net: Network) -> float:
    """Local efficiency.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> round(local_efficiency(net), 4)
    0.5833
    """
    return _native.net_local_efficiency(net)


def degree_assortativity(net: Network) -> float:
    """Degree assortativity.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> round(degree_assortativity(net), 4)
    -0.7143
    """
    return _native.net_degree_assortativity(net)


def attribute_assortativity(net: Network, group_by: GroupBy = "country") -> float:
    """Assortativity of a categorical attribute.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> round(attribute_assortativity(net, "country"), 4)
    -0.2632
    """
    return _native.net_attribute_assortativity(net, _group(group_by))


def _partition(net: Network, r: Dict[str, Any]) -> Dict[str, Any]:
    r["membership"] = dict(zip(net.ids, r["membership"]))
    return r


def louvain(net: Network, **params: Any) -> Dict[str, Any]:
    """Louvain communities: ``membership`` (by id), ``communities``, ``modularity``. Options:
    ``resolution``, ``seed``, ``weighted``, ``threshold``, ``iterations`` (runs, each from the
    previous partition; default 2, 1 for the classic single run).

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> r = louvain(net, seed=1)
    >>> r["membership"]["a"] == r["membership"]["b"], round(r["modularity"], 4)
    (True, 0.08)
    """
    return _partition(net, _native.net_louvain(net, **params))


def leiden(net: Network, **params: Any) -> Dict[str, Any]:
    """Leiden communities. Options: ``resolution``, ``seed``, ``weighted``, ``theta``,
    ``quality`` (``"modularity"`` or ``"cpm"``), ``iterations`` (default 2).

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> r = leiden(net, seed=1)
    >>> r["membership"]["a"] == r["membership"]["b"]
    True
    """
    return _partition(net, _native.net_leiden(net, **params))


def modularity(
    net: Network, membership: Mapping[str, int], resolution: float = 1.0, weighted: bool = True
) -> float:
    """Modularity of a membership given by node id.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> round(modularity(net, {"a": 0, "b": 0, "c": 1, "d": 1}), 4)
    0.08
    """
    ids = _ids(net)
    if not isinstance(membership, Mapping):
        raise TypeError(f"membership: expected a mapping from node id to community, got {type(membership).__name__}")
    missing = [i for i in ids if i not in membership]
    if missing:
        raise _native.UnknownLabelError(f"membership: no community for node `{missing[0]}` ({len(missing)} node(s) missing)")
    return _native.net_modularity(net, [membership[i] for i in ids], resolution, weighted)


def consensus(net: Network, **params: Any) -> Dict[str, Any]:
    """Consensus clustering over seeded runs: ``partition``, ``rounds``, ``converged``,
    ``stability`` (by id). Options: ``method``, ``runs``, ``threshold``, ``max_rounds``,
    ``community`` (a dict of Louvain/Leiden options).

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> r = consensus(net, runs=5)
    >>> sorted(r["stability"]) == sorted(net.ids)
    True
    """
    r = _native.net_consensus(net, **params)
    r["partition"] = _partition(net, r["partition"])
    r["stability"] = _by_id(net, r["stability"])
    return r


def brokerage(net: Network, group_by: GroupBy = "country") -> Dict[str, Any]:
    """Gould-Fernandez brokerage as R sna reports it: per node raw counts, expected values,
    standard deviations and z-scores of the roles ``coordinator`` (sna ``w_I``),
    ``itinerant`` (``w_O``), ``representative`` (``b_IO``), ``gatekeeper`` (``b_OI``),
    ``liaison`` (``b_O``) and ``total``; the same for the whole network.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> brokerage(net, "country")["nodes"][2]["raw"]["total"]
    4.0
    """
    return _native.net_brokerage(net, _group(group_by))


def brokerage_frame(net: Network, group_by: GroupBy = "country", which: str = "raw") -> Any:
    """One row per node (index: id) of the brokerage ``which`` (``raw``, ``expected``,
    ``sd``, ``z``), with the node's group; needs pandas.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> float(brokerage_frame(net, "country").loc["c", "total"])
    4.0
    """
    pd: Any = importlib.import_module("pandas")

    rows = brokerage(net, group_by)["nodes"]
    frame = pd.DataFrame([{"group": r["group"], **r[which]} for r in rows], index=[r["id"] for r in rows])
    frame.index.name = "id"
    return frame


def ei_index(net: Network, group_by: GroupBy = "country", weighted: bool = False) -> Dict[str, Any]:
    """Krackhardt's E-I index at graph, group and node level and the cross-border share.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> round(ei_index(net, "country")["ei"], 4)
    0.5
    """
    return _native.net_ei_index(net, _group(group_by), weighted)


def structural_holes(net: Network, weighted: bool = False) -> Dict[str, Dict[str, float]]:
    """Burt's ``constraint`` and ``effective_size`` by id.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> {k: round(v, 4) for k, v in structural_holes(net)["effective_size"].items()}
    {'a': 1.0, 'b': 1.0, 'c': 2.3333, 'd': 1.0}
    """
    r = _native.net_structural_holes(net, weighted)
    return {k: _by_id(net, v) for k, v in r.items()}


def group_measure(net: Network, **params: Any) -> Dict[str, Any]:
    """A node measure by group, in either order (``order``: ``"compute_then_aggregate"`` or
    ``"aggregate_then_compute"``); the result says which order produced it. Options:
    ``measure``, ``group_by``, ``order``, ``self_loops``.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> r = group_measure(net, measure="degree", group_by="country")
    >>> dict(zip(r["groups"], r["values"]))
    {'AT': 3.0, 'HR': 1.0, 'SI': 4.0}
    """
    if "group_by" in params:
        params["group_by"] = _group(params["group_by"])
    return _native.net_group_measure(net, **params)


def cut_structure(net: Network) -> Dict[str, Any]:
    """Articulation points (ids) and bridges (id pairs).

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> cut_structure(net)
    {'articulation_points': ['c'], 'bridges': [('c', 'd')]}
    """
    ids = _ids(net)
    edges = net.edges
    r = _native.net_cut_structure(net)
    return {
        "articulation_points": [ids[v] for v in r["articulation_points"]],
        "bridges": [(ids[edges[e]["source"]], ids[edges[e]["target"]]) for e in r["bridges"]],
    }


def robustness(net: Network, *, progress: Progress = None, **params: Any) -> Dict[str, Any]:
    """Robustness curve of the giant component (and efficiency). Options: ``removal``
    (``"random"``, ``"degree"``, ``"adaptive_degree"``, ``"betweenness"``), ``steps``,
    ``efficiency``, ``seed``. ``progress``: a callable ``progress(done, total)``, ``True`` /
    ``False`` for a tqdm bar or none, default a bar when tqdm is installed and the curve takes
    longer than half a second (see ``clusterpolicy._progress``).

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> r = robustness(net, removal="degree")
    >>> [p["giant"] for p in r["points"]][:2]
    [4, 2]
    >>> seen = []
    >>> _ = robustness(net, removal="degree", progress=lambda done, total: seen.append((done, total)))
    >>> seen[-1][0] == seen[-1][1]
    True
    """
    _ids(net)
    with reporter(progress, "robustness") as cb:
        return _native.net_robustness(net, cb, **params)


def group_removal(net: Network, group_by: GroupBy = "country") -> List[Dict[str, Any]]:
    """What if each group (country) left: giant component, components and efficiency.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> [(g["group"], g["giant"], g["components"]) for g in group_removal(net, "country")][:1]
    [('AT', 2, 2)]
    """
    return _native.net_group_removal(net, _group(group_by))


def recommend(net: Network, **params: Any) -> List[Dict[str, Any]]:
    """Top-k partner candidates per actor with explanations. Options: ``method``
    (``"common_neighbours"``, ``"jaccard"``, ``"adamic_adar"``, ``"resource_allocation"``,
    ``"preferential_attachment"``), ``k``, ``cross_border_only``, ``group_by``, ``actors``,
    ``max_explained``.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> r = recommend(net, k=1)
    >>> (r[0]["actor"], r[0]["candidate"], r[0]["explanation"])
    ('a', 'd', '1 shared partner(s): c')
    """
    if "group_by" in params:
        params["group_by"] = _group(params["group_by"])
    return _native.net_recommend(net, **params)


def recommend_frame(net: Network, **params: Any) -> Any:
    """:func:`recommend` as a DataFrame; needs pandas.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> len(recommend_frame(net, k=1)) > 0
    True
    """
    pd: Any = importlib.import_module("pandas")

    return pd.DataFrame(recommend(net, **params))


def link_scores(net: Network, pairs: Sequence[Tuple[str, str]], method: str = "adamic_adar") -> List[float]:
    """Link-prediction scores of node-id pairs.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> [round(s, 4) for s in link_scores(net, [("a", "d"), ("b", "d")], "common_neighbours")]
    [1.0, 1.0]
    """
    if isinstance(pairs, (str, bytes)) or not hasattr(pairs, "__iter__"):
        raise TypeError(f"pairs: expected a sequence of (id, id) pairs, got {type(pairs).__name__}")
    return _native.net_link_scores(net, list(pairs), method)


def centralities(net: Network, distance: str = "hops") -> Any:
    """A DataFrame (index: id) of degree, strength, betweenness, closeness, harmonic,
    eigenvector, PageRank, clustering and core number; needs pandas.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> centralities(net).loc["c", ["degree", "core"]].tolist()
    [3.0, 2.0]
    """
    pd: Any = importlib.import_module("pandas")

    frame = pd.DataFrame(
        {
            "degree": _native.net_degree(net),
            "strength": _native.net_strength(net),
            "betweenness": _native.net_betweenness(net, distance=distance),
            "closeness": _native.net_closeness(net, distance=distance),
            "harmonic": _native.net_harmonic(net, distance=distance),
            "eigenvector": _native.net_eigenvector(net),
            "pagerank": _native.net_pagerank(net),
            "clustering": _native.net_clustering(net, False),
            "core": _native.net_core_number(net),
        },
        index=net.ids,
    )
    frame.index.name = "id"
    return frame


def _extra(extra: Mapping[str, Mapping[str, float]] | None, net: Network) -> List[Tuple[str, List[float]]]:
    ids = _ids(net)
    if not extra:
        return []
    out = []
    for k, v in extra.items():
        missing = [i for i in ids if i not in v]
        if missing:
            raise _native.UnknownLabelError(f"extra[{k!r}]: no value for node `{missing[0]}`")
        out.append((k, [float(v[i]) for i in ids]))
    return out


def graphml(net: Network, extra: Mapping[str, Mapping[str, float]] | None = None) -> str:
    """GraphML text (Gephi, Cytoscape, NetworkX); ``extra`` adds per-node values by id.

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> graphml(net).startswith("<?xml")
    True
    """
    return _native.net_graphml(net, _extra(extra, net))


def gexf(net: Network, extra: Mapping[str, Mapping[str, float]] | None = None) -> str:
    """GEXF 1.3 text (Gephi).

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> "<gexf" in gexf(net)
    True
    """
    return _native.net_gexf(net, _extra(extra, net))


def node_link(net: Network, extra: Mapping[str, Mapping[str, float]] | None = None) -> Dict[str, Any]:
    """Node-link dict (d3; ``networkx.node_link_graph(d, edges="edges")``).

    >>> net = Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0), ("c", "a", 1.0), ("c", "d", 2.0)],
    ...     nodes=[{"id": i, "country": c} for i, c in zip("abcd", ["SI", "SI", "AT", "HR"])])
    >>> len(node_link(net)["nodes"])
    4
    """
    return _native.net_node_link(net, _extra(extra, net))


def summarise(dataset: Dataset) -> Dict[str, Any]:
    """The cooperation-network section of the report.

    >>> import clusterpolicy as cp
    >>> sorted(summarise(cp.sample_dataset()))[:3]
    ['articulation_point_count', 'articulation_points', 'average_clustering']
    """
    return _native.net_summarise(dataset)
