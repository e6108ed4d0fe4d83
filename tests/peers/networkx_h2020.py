#!/usr/bin/env python3
"""Reference values of the cooperation-network measures on the real Horizon 2020 projection,
computed with NetworkX 3.6.1 (and the Louvain modularity with python-igraph's multilevel).

The projection is built here, independently of clusterpolicy, from the Spaghetti Open Data
(SOD16) files in ../shared/data/cordis-h2020-sod16/ (read in place, never copied):
nodes are the organisations that take part in at least one project (in order of first
appearance in ``edges.csv``), and two organisations are linked when they share a project; the
edge weight ``weight`` is the number of joint projects.

Output (committed, read by tests/tests/network_h2020.rs):
  tests/peers/networkx_h2020_nodes.tsv   one row per organisation with each NetworkX measure
  tests/peers/networkx_h2020_graph.json  graph-level values and the settings used

Settings (all NetworkX defaults unless stated):
  betweenness_centrality(G)                     unweighted, normalized=True
  closeness_centrality(G)                       unweighted, wf_improved=True
  harmonic_centrality(G)                        unweighted
  eigenvector_centrality(G, max_iter=100000, tol=1e-15)   unweighted; the default tol=1e-6
                                                would only be accurate to about 1e-6
  pagerank(G, alpha=0.85, max_iter=100000, tol=1e-15)     weight="weight" (joint projects),
                                                the NetworkX default weight; tight tolerance
  clustering(G), average_clustering(G), transitivity(G)     unweighted
  core_number(G)
  degree_assortativity_coefficient(G)
  attribute_assortativity_coefficient(G, "country")
  igraph Graph.community_multilevel(weights=None / "weight"), modularity of the result

Betweenness is computed as NetworkX's betweenness_centrality_subset over two halves of the
sources (run in two processes) and summed: for an undirected graph this is exactly
betweenness_centrality(G, normalized=False); it is then scaled by 2 / ((n - 1)(n - 2)) as
betweenness_centrality(G, normalized=True) does. Takes about an hour of CPU.

Usage: .venv-bench/bin/python tests/peers/networkx_h2020.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import multiprocessing as mp
import pathlib
import sys
import time

import networkx as nx

HERE = pathlib.Path(__file__).resolve().parent


def read_tsv(path: pathlib.Path):
    with open(path, newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f, delimiter="\t")


def build(shared: pathlib.Path) -> nx.Graph:
    d = shared / "data" / "cordis-h2020-sod16"
    country = {}
    for row in read_tsv(d / "unique_org.csv"):
        country.setdefault(row["new_org_id"].strip(), row["country"].strip())
    members: dict[str, list[str]] = {}
    order: list[str] = []
    seen = set()
    for row in read_tsv(d / "edges.csv"):
        p, o = row["projectRcn"].strip(), row["new_org_id"].strip()
        members.setdefault(p, [])
        if o not in members[p]:
            members[p].append(o)
        if o not in seen:
            seen.add(o)
            order.append(o)
    g = nx.Graph()
    for o in order:
        g.add_node(o, country=country.get(o, ""))
    for orgs in members.values():
        for a, b in itertools.combinations(orgs, 2):
            if g.has_edge(a, b):
                g[a][b]["weight"] += 1
            else:
                g.add_edge(a, b, weight=1)
    return g


G: nx.Graph | None = None


def _betweenness_part(args):
    shared, part, parts = args
    global G
    if G is None:
        G = build(pathlib.Path(shared))
    nodes = list(G)
    sources = nodes[part::parts]
    return nx.betweenness_centrality_subset(G, sources, nodes, normalized=False)


def _job(args):
    shared, name = args
    global G
    if G is None:
        G = build(pathlib.Path(shared))
    if name == "closeness":
        return name, nx.closeness_centrality(G)
    if name == "harmonic":
        return name, nx.harmonic_centrality(G)
    raise ValueError(name)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(HERE.parents[2] / "shared"))
    ap.add_argument("--processes", type=int, default=2)
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    t0 = time.time()
    g = build(shared)
    n = g.number_of_nodes()
    print(f"projection: {n} nodes, {g.number_of_edges()} edges ({time.time() - t0:.1f} s)", file=sys.stderr)

    out: dict[str, dict[str, float]] = {}
    out["degree"] = dict(g.degree())
    out["strength"] = dict(g.degree(weight="weight"))
    out["eigenvector"] = nx.eigenvector_centrality(g, max_iter=100000, tol=1e-15)
    out["pagerank"] = nx.pagerank(g, alpha=0.85, max_iter=100000, tol=1e-15)
    out["clustering"] = nx.clustering(g)
    out["core"] = nx.core_number(g)
    graph = {
        "nodes": n,
        "edges": g.number_of_edges(),
        "average_clustering": nx.average_clustering(g),
        "transitivity": nx.transitivity(g),
        "degree_assortativity": nx.degree_assortativity_coefficient(g),
        "country_assortativity": nx.attribute_assortativity_coefficient(g, "country"),
        "density": nx.density(g),
    }
    print(f"fast measures done ({time.time() - t0:.1f} s)", file=sys.stderr)

    try:
        import igraph as ig

        h = ig.Graph.from_networkx(g)
        for label, w in (("unweighted", None), ("weighted", "weight")):
            best = None
            for seed in range(10):
                import random

                random.seed(seed)
                ig.set_random_number_generator(random)
                part = h.community_multilevel(weights=w)
                q = h.modularity(part, weights=w)
                best = q if best is None else max(best, q)
            graph[f"igraph_multilevel_modularity_{label}_best_of_10"] = best
        graph["igraph_version"] = ig.__version__
    except ImportError:
        print("python-igraph not installed: no Louvain reference", file=sys.stderr)

    with mp.Pool(args.processes) as pool:
        jobs = [(str(shared), p, args.processes) for p in range(args.processes)]
        parts = pool.map(_betweenness_part, jobs)
        print(f"betweenness done ({time.time() - t0:.1f} s)", file=sys.stderr)
        for name, values in pool.map(_job, [(str(shared), "closeness"), (str(shared), "harmonic")]):
            out[name] = values
    raw = {v: sum(p[v] for p in parts) for v in g}
    scale = 2.0 / ((n - 1) * (n - 2))
    out["betweenness"] = {v: raw[v] * scale for v in g}
    print(f"all done ({time.time() - t0:.1f} s)", file=sys.stderr)

    cols = ["degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "clustering", "core"]
    with open(HERE / "networkx_h2020_nodes.tsv", "w", encoding="utf-8") as f:
        f.write("id\t" + "\t".join(cols) + "\n")
        for v in g:
            f.write(v + "\t" + "\t".join(repr(float(out[c][v])) for c in cols) + "\n")
    graph["networkx_version"] = nx.__version__
    graph["settings"] = __doc__.split("Settings (all NetworkX defaults unless stated):")[1].split("Betweenness is")[0].strip()
    with open(HERE / "networkx_h2020_graph.json", "w", encoding="utf-8") as f:
        json.dump(graph, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
