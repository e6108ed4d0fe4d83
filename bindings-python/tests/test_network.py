"""Tests of clusterpolicy.network (core ``clusterpolicy::network``): the Florentine families of
../shared/reference/network_reference_values.json (published to 6 decimals, R sna brokerage to
15 digits), NetworkX on small graphs when it is installed (1e-9), the embedded dataset, errors,
exports and pickling. Skipped with a notice without ../shared (failing when CI=true)."""

from __future__ import annotations

import json
import math
import os
import pickle
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

import clusterpolicy as cp
import clusterpolicy.network as cn

SHARED = (
    Path(os.environ["CLUSTERPOLICY_SHARED"])
    if "CLUSTERPOLICY_SHARED" in os.environ
    else Path(__file__).resolve().parents[3] / "shared"
)
REF = SHARED / "reference"


def need(path: Path) -> Path:
    if not path.exists():
        if os.environ.get("CI", "").lower() in ("true", "1"):
            raise AssertionError(f"{path} is missing in CI")
        pytest.skip(f"{path} not found")
    return path


@pytest.fixture(scope="module")
def florentine() -> Tuple[cn.Network, Dict[str, Any]]:
    edges: List[Tuple[str, str, float]] = []
    for line in need(REF / "florentine_edges.tsv").read_text().splitlines():
        if line.strip():
            a, b = line.split("\t")
            edges.append((a.strip(), b.strip(), 1.0))
    ref = json.loads((REF / "network_reference_values.json").read_text())["florentine"]
    return cn.Network.from_edges(edges), ref


def rounds_to(ours: float, published: float) -> None:
    assert abs(ours - published) <= 5e-7 + 1e-12, (ours, published)


def test_florentine_centralities(florentine: Tuple[cn.Network, Dict[str, Any]]) -> None:
    net, ref = florentine
    assert (net.node_count, net.edge_count) == (ref["n"], ref["m"])
    checks = [
        (cn.betweenness(net), "betweenness_normalized_top5"),
        (cn.betweenness(net, normalized=False), "betweenness_raw_top5"),
        (cn.closeness(net), "closeness_top3"),
        (cn.harmonic(net), "harmonic_top3"),
        (cn.eigenvector(net), "eigenvector_unitnorm_top3"),
        (cn.pagerank(net), "pagerank_0.85_top3"),
    ]
    for values, key in checks:
        for node, x in ref[key].items():
            rounds_to(values[node], x)
    rounds_to(cn.transitivity(net), ref["transitivity"])
    rounds_to(cn.average_clustering(net), ref["average_clustering"])
    rounds_to(cn.degree_assortativity(net), ref["degree_assortativity"])
    assert max(cn.core_number(net).values()) == ref["max_core"]
    cuts = cn.cut_structure(net)
    assert sorted(cuts["articulation_points"]) == ref["articulation_points"]
    assert sorted(tuple(sorted(b)) for b in cuts["bridges"]) == [tuple(b) for b in ref["bridges"]]
    holes = cn.structural_holes(net)
    for node, x in ref["burt_constraint_lowest3"].items():
        rounds_to(holes["constraint"][node], x)
    for node, x in ref["burt_effective_size_top3"].items():
        rounds_to(holes["effective_size"][node], x)


def test_florentine_brokerage_and_ei(florentine: Tuple[cn.Network, Dict[str, Any]]) -> None:
    net, ref = florentine
    groups = ref["sna_brokerage"]["groups"]
    br = cn.brokerage(net, groups)
    names = {"coordinator": "w_I", "itinerant": "w_O", "representative": "b_IO", "gatekeeper": "b_OI", "liaison": "b_O", "total": "t"}
    for node in br["nodes"]:
        for ours, sna in names.items():
            assert node["raw"][ours] == ref["sna_brokerage"]["raw_nli"][node["id"]][sna]
    for part in ("exp", "sd", "z"):
        ours = {"exp": br["expected"], "sd": br["sd"], "z": br["z"]}[part]
        for k, sna in names.items():
            assert math.isclose(ours[k], ref["sna_brokerage"]["gli"][part][sna], rel_tol=1e-12, abs_tol=1e-12)
    frame = cn.brokerage_frame(net, groups)
    assert frame.loc["Medici", "total"] == 28.0 and frame.loc["Medici", "group"] == "IT"
    partition = {m: g for g, ms in ref["partition"].items() for m in ms}
    ei = cn.ei_index(net, partition)
    assert (ei["external"], ei["internal"]) == (7.0, 13.0)
    rounds_to(ei["ei"], ref["EI_index_graph"]["EI"])
    membership = {m: i for i, (g, ms) in enumerate(sorted(ref["partition"].items())) for m in ms}
    rounds_to(cn.modularity(net, membership, weighted=False), ref["modularity_of_partition_unweighted"])


def test_against_networkx_when_installed() -> None:
    nx = pytest.importorskip("networkx")
    g = nx.karate_club_graph()
    edges = [(str(a), str(b), float(d.get("weight", 1))) for a, b, d in g.edges(data=True)]
    net = cn.Network.from_edges(edges, nodes=[{"id": str(v)} for v in g])
    pairs = [
        (cn.betweenness(net), nx.betweenness_centrality(g)),
        (cn.betweenness(net, distance="weight"), nx.betweenness_centrality(g, weight="weight")),
        (cn.closeness(net), nx.closeness_centrality(g)),
        (cn.harmonic(net), nx.harmonic_centrality(g)),
        (cn.clustering(net), nx.clustering(g)),
        (cn.clustering(net, weighted=True), nx.clustering(g, weight="weight")),
        (cn.pagerank(net), nx.pagerank(g, tol=1e-15, max_iter=10000)),
        (cn.eigenvector(net), nx.eigenvector_centrality(g, tol=1e-15, max_iter=10000)),
    ]
    for ours, theirs in pairs:
        for v, x in theirs.items():
            assert abs(ours[str(v)] - x) <= 1e-9
    ours_eb = cn.edge_betweenness(net)
    for (a, b), x in nx.edge_betweenness_centrality(g).items():
        key = (str(a), str(b)) if (str(a), str(b)) in ours_eb else (str(b), str(a))
        assert abs(ours_eb[key] - x) <= 1e-12
    assert abs(cn.local_efficiency(net) - nx.local_efficiency(g)) <= 1e-12
    summary = cn.path_summary(net)
    assert abs(summary["average_path_length"] - nx.average_shortest_path_length(g)) <= 1e-12
    assert summary["diameter"] == nx.diameter(g)
    assert abs(summary["global_efficiency"] - nx.global_efficiency(g)) <= 1e-12
    assert cn.core_number(net) == {str(k): v for k, v in nx.core_number(g).items()}


def test_embedded_dataset_projection_and_report_section() -> None:
    ds = cp.sample_dataset()
    net, summary = cn.projection(ds)
    assert net.level == "organisation" and summary["projects"] == len(ds.to_dict()["projects"])
    newman, _ = cn.projection(ds, weighting="newman")
    assert newman.edge_count == net.edge_count
    stable, _ = cn.projection(ds, min_joint_projects=2, isolates="drop")
    assert stable.edge_count < net.edge_count
    periods = [w[0] for w in cn.windows(ds)]
    assert periods == [{"start_year": 2007, "end_year": 2013}, {"start_year": 2014, "end_year": 2020}]
    countries = cn.aggregate(net, "country", self_loops="keep")
    assert countries.level == "country"
    a = cn.group_measure(net, measure="betweenness")
    b = cn.group_measure(net, measure="betweenness", order="aggregate_then_compute")
    assert (a["order"], b["order"]) == ("compute_then_aggregate", "aggregate_then_compute")
    part = cn.louvain(net, seed=1)
    assert part == cn.louvain(net, seed=1)  # seeded and deterministic
    assert set(part["membership"]) == set(net.ids)
    recs = cn.recommend(net, k=3, cross_border_only=True, actors=[net.ids[0]])
    assert len(recs) == 3 and all(r["candidate_group"] != net.nodes[0]["country"] for r in recs)
    assert cn.summarise(ds)["cross_border_share"] == cp.report(ds)["network"]["cross_border_share"]
    curve = cn.robustness(net, removal="degree", steps=10)
    assert curve["points"][0]["giant_share"] == 1.0
    approx = cn.approximate_betweenness(net, epsilon=0.05, seed=3)
    exact = cn.betweenness(net)
    assert all(abs(approx["values"][v] - exact[v]) <= approx["bound"] for v in net.ids)


def test_errors_name_the_problem() -> None:
    with pytest.raises(cp.UnknownLabelError) as e:
        cn.Network.from_edges([("a", "x", 1.0)], nodes=[{"id": "a"}])
    assert e.value.id == "x"
    net = cn.Network.from_edges([("a", "b", 1.0)])
    with pytest.raises(cp.InvalidParameterError) as p:
        cn.betweenness(net, normalised=True)
    assert "normalised" in str(p.value)
    with pytest.raises(cp.InvalidParameterError) as p:
        cn.betweenness(net, distance="miles")
    assert "hops" in str(p.value)
    with pytest.raises(cp.InvalidParameterError):
        cn.brokerage(net, "country")  # no countries
    with pytest.raises(cp.NonFiniteError):
        cn.Network.from_edges([("a", "b", float("nan"))])


def test_exports_and_pickle() -> None:
    net = cn.Network.from_edges([("a", "b", 2.0), ("b", "c", 1.0)], nodes=[
        {"id": "a", "country": "SI"}, {"id": "b", "country": "AT"}, {"id": "c", "label": "C & co"}])
    assert pickle.loads(pickle.dumps(net)) == net
    assert cn.Network.from_dict(net.to_dict()) == net
    xml = cn.graphml(net, extra={"pr": cn.pagerank(net)})
    assert "C &amp; co" in xml and 'attr.name="pr"' in xml
    assert "<gexf" in cn.gexf(net)
    nl = cn.node_link(net)
    assert nl["edges"][0] == {"source": "a", "target": "b", "weight": 2.0, "count": 1}
    nx = pytest.importorskip("networkx")
    g = nx.node_link_graph(nl, edges="edges")
    assert g["a"]["b"]["weight"] == 2.0


def test_robustness_reports_progress_and_propagates_callback_errors() -> None:
    net = cn.Network.from_edges([(f"v{i}", f"v{(i * 7 + 3) % 40}", 1.0) for i in range(40)])
    seen: List[Tuple[int, int]] = []
    quiet = cn.robustness(net, removal="degree", progress=False)
    reported = cn.robustness(net, removal="degree", progress=lambda done, total: seen.append((done, total)))
    assert reported == quiet
    assert seen and all(a <= b for (a, _), (b, _) in zip(seen, seen[1:]))
    assert seen[-1][0] == seen[-1][1]

    def stop(done: int, total: int) -> None:
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        cn.robustness(net, removal="degree", progress=stop)
