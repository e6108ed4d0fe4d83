"""Cooperation networks: clusterpolicy against NetworkX, python-igraph and rustworkx in the same
run, on seeded graphs of 2,000, 10,000 and 50,000 nodes with average degree 10 (weighted and
unweighted) and on the real Horizon 2020 projection (../shared/data/cordis-h2020-sod16).

Graphs: a seeded planted partition (blocks of 100 nodes, 70 % of the 5 n edges inside a block,
duplicates dropped; weights uniform integers 1-5 for the weighted runs). Every library gets the
same edge list; building the graph is not timed.

Conventions (same quantity in every library): NetworkX and igraph read weights as distances,
so weighted betweenness is ours with ``distance="weight"``; igraph's Leiden runs with
``objective_function="modularity"`` (its default is CPM); Louvain and Leiden are compared by
time and by the modularity they reach (ours and igraph's modularity measured the same way).
rustworkx has no weighted betweenness. NetworkX runs only where it finishes in minutes
(betweenness: 2,000 nodes).

Times are wall-clock seconds (best of ``repeat`` runs for fast tasks, one run for slow ones)
and CPU seconds of the process (all threads); ratios are peer / clusterpolicy. clusterpolicy
runs its all-sources measures on every core (rayon); the peers except rustworkx run one.

Usage: benches/run.sh network [--sizes 2000,10000] [--skip-h2020] [--slow-peers]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import sys
import time
from typing import Any, Callable, Dict, List, Tuple

import numpy as np

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
import benchlib  # noqa: E402

import clusterpolicy.network as cn  # noqa: E402

try:
    import igraph as ig
except ImportError:  # pragma: no cover
    ig = None
try:
    import networkx as nx
except ImportError:  # pragma: no cover
    nx = None
try:
    import rustworkx as rx
except ImportError:  # pragma: no cover
    rx = None


def planted(n: int, seed: int) -> Tuple[List[Tuple[int, int]], np.ndarray]:
    rng = np.random.default_rng(seed)
    m = 5 * n
    block = 100
    blocks = max(1, n // block)
    m_in = int(0.7 * m)
    b = rng.integers(0, blocks, size=m_in)
    u = b * block + rng.integers(0, block, size=m_in)
    v = b * block + rng.integers(0, block, size=m_in)
    a = rng.integers(0, n, size=m - m_in)
    c = rng.integers(0, n, size=m - m_in)
    keep = (a // block) != (c // block)
    src = np.concatenate([u, a[keep]])
    dst = np.concatenate([v, c[keep]])
    lo, hi = np.minimum(src, dst), np.maximum(src, dst)
    ok = lo != hi
    pairs = np.unique(np.stack([lo[ok], hi[ok]], axis=1), axis=0)
    weights = rng.integers(1, 6, size=len(pairs)).astype(float)
    return [(int(x), int(y)) for x, y in pairs], weights


def h2020() -> Tuple[List[Tuple[int, int]], np.ndarray, int]:
    d = benchlib.shared_data("cordis-h2020-sod16")
    members: Dict[str, List[str]] = {}
    order: Dict[str, int] = {}
    with open(d / "edges.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            p, o = row["projectRcn"].strip(), row["new_org_id"].strip()
            order.setdefault(o, len(order))
            if o not in members.setdefault(p, []):
                members[p].append(o)
    count: Dict[Tuple[int, int], int] = {}
    for orgs in members.values():
        for a, b in itertools.combinations(orgs, 2):
            x, y = sorted((order[a], order[b]))
            count[(x, y)] = count.get((x, y), 0) + 1
    pairs = sorted(count)
    return pairs, np.array([float(count[p]) for p in pairs]), len(order)


def timed(fn: Callable[[], Any], repeat: int) -> Tuple[float, float, Any]:
    best_wall, best_cpu, out = float("inf"), float("inf"), None
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best_wall, best_cpu, out


def line(task: str, ours: Tuple[float, float], peers: Dict[str, Tuple[float, float]], note: str = "") -> None:
    print(f"{task}: clusterpolicy {ours[0]:.3f} s wall, {ours[1]:.3f} s CPU {note}")
    for name, (w, c) in peers.items():
        print(f"  {name:<34} {w:9.3f} s wall {c:9.3f} s CPU   ratio wall {w / ours[0]:6.2f}x  CPU {c / ours[1]:6.2f}x")
    sys.stdout.flush()


def run(label: str, n: int, pairs: List[Tuple[int, int]], weights: np.ndarray, args: argparse.Namespace) -> None:
    print(f"\n== {label}: {n} nodes, {len(pairs)} edges")
    ids = [str(i) for i in range(n)]
    net_w = cn.Network.from_edges([(ids[a], ids[b], float(w)) for (a, b), w in zip(pairs, weights)], nodes=[{"id": i} for i in ids])
    net_u = cn.Network.from_edges([(ids[a], ids[b], 1.0) for a, b in pairs], nodes=[{"id": i} for i in ids])
    g_ig = ig.Graph(n=n, edges=pairs) if ig else None
    if g_ig is not None:
        g_ig.es["weight"] = list(weights)
    g_rx = None
    if rx:
        g_rx = rx.PyGraph()
        g_rx.add_nodes_from(range(n))
        g_rx.add_edges_from([(a, b, float(w)) for (a, b), w in zip(pairs, weights)])
    g_nx = None
    slow_ok = n <= 2000 or args.slow_peers
    if nx and (n <= 10000 or args.slow_peers):
        g_nx = nx.Graph()
        g_nx.add_nodes_from(range(n))
        g_nx.add_weighted_edges_from([(a, b, float(w)) for (a, b), w in zip(pairs, weights)])
    big = n > 2000
    rep = 1 if big else 3

    skip_bc = "betweenness" not in args.tasks
    skip_wbc = "weighted-betweenness" not in args.tasks

    # Exact betweenness, unweighted.
    if skip_bc:
        print("betweenness: skipped")
    ours = (0.0, 0.0) if skip_bc else timed(lambda: cn._native.net_betweenness(net_u), rep)
    peers: Dict[str, Tuple[float, float]] = {}
    if g_ig is not None and not skip_bc:
        w, c, _ = timed(lambda: g_ig.betweenness(), rep)
        peers["igraph betweenness"] = (w, c)
    if g_rx is not None and not skip_bc:
        w, c, _ = timed(lambda: rx.betweenness_centrality(g_rx), rep)
        peers["rustworkx betweenness (parallel)"] = (w, c)
    if g_nx is not None and slow_ok and not skip_bc:
        w, c, _ = timed(lambda: nx.betweenness_centrality(g_nx), 1)
        peers["networkx betweenness"] = (w, c)
    if not skip_bc:
        line("betweenness, unweighted", ours[:2], peers)

    # Exact betweenness, weights as distances.
    if skip_wbc:
        print("betweenness, weighted: skipped")
    ours = (0.0, 0.0) if skip_wbc else timed(lambda: cn._native.net_betweenness(net_w, distance="weight"), rep)
    peers = {}
    if g_ig is not None and not skip_wbc:
        w, c, _ = timed(lambda: g_ig.betweenness(weights="weight"), rep)
        peers["igraph betweenness(weights)"] = (w, c)
    if g_nx is not None and slow_ok and not skip_wbc:
        w, c, _ = timed(lambda: nx.betweenness_centrality(g_nx, weight="weight"), 1)
        peers["networkx betweenness(weight)"] = (w, c)
    if not skip_wbc:
        line("betweenness, weighted", ours[:2], peers)

    if "closeness" in args.tasks:
        closeness(n, rep, net_u, g_ig, g_rx, g_nx, slow_ok)
    if "communities" in args.tasks:
        communities(n, net_u, net_w, g_ig, g_nx)
    if "pagerank" in args.tasks:
        pagerank(net_w, g_ig, g_rx, g_nx)


def closeness(n: int, rep: int, net_u: Any, g_ig: Any, g_rx: Any, g_nx: Any, slow_ok: bool) -> None:
    ours = timed(lambda: cn._native.net_closeness(net_u), rep)
    peers = {}
    if g_ig is not None:
        w, c, _ = timed(lambda: g_ig.closeness(), rep)
        peers["igraph closeness"] = (w, c)
    if g_rx is not None:
        w, c, _ = timed(lambda: rx.closeness_centrality(g_rx), rep)
        peers["rustworkx closeness (parallel)"] = (w, c)
    if g_nx is not None and slow_ok:
        w, c, _ = timed(lambda: nx.closeness_centrality(g_nx), 1)
        peers["networkx closeness"] = (w, c)
    line("closeness, unweighted", ours[:2], peers)


def communities(n: int, net_u: Any, net_w: Any, g_ig: Any, g_nx: Any) -> None:
    """Louvain (unweighted and weighted) and Leiden (modularity)."""
    for weighted, net in ((False, net_u), (True, net_w)):
        wname = "weight" if weighted else None
        ow, oc, part = timed(lambda: cn._native.net_louvain(net, weighted=weighted, seed=1), 3)
        peers = {}
        note = f"(modularity {part['modularity']:.4f}"
        if g_ig is not None:
            w, c, p = timed(lambda: g_ig.community_multilevel(weights=wname), 3)
            peers["igraph community_multilevel"] = (w, c)
            note += f"; igraph {g_ig.modularity(p, weights=wname):.4f}"
        if g_nx is not None and n <= 10000:
            w, c, p = timed(lambda: nx.community.louvain_communities(g_nx, weight=wname, seed=1), 1)
            peers["networkx louvain_communities"] = (w, c)
            note += f"; networkx {nx.community.modularity(g_nx, p, weight=wname):.4f}"
        line(f"Louvain, {'weighted' if weighted else 'unweighted'}", (ow, oc), peers, note + ")")
        if g_ig is not None:
            # One seed says little: modularity over seeds 1-5 for both (igraph seeded
            # through Python's random module).
            ours_q = [cn._native.net_louvain(net, weighted=weighted, seed=s)["modularity"] for s in range(1, 6)]
            theirs_q = []
            for s in range(1, 6):
                random.seed(s)
                ig.set_random_number_generator(random)
                theirs_q.append(g_ig.modularity(g_ig.community_multilevel(weights=wname), weights=wname))
            print(f"  Louvain modularity over seeds 1-5: clusterpolicy min {min(ours_q):.4f} mean {np.mean(ours_q):.4f} "
                  f"max {max(ours_q):.4f}; igraph min {min(theirs_q):.4f} mean {np.mean(theirs_q):.4f} max {max(theirs_q):.4f}")
        ow, oc, part = timed(lambda: cn._native.net_leiden(net, weighted=weighted, seed=1), 3)
        peers = {}
        note = f"(modularity {part['modularity']:.4f}"
        if g_ig is not None:
            w, c, p = timed(lambda: g_ig.community_leiden(objective_function="modularity", weights=wname, n_iterations=2), 3)
            peers["igraph community_leiden(modularity)"] = (w, c)
            note += f"; igraph {g_ig.modularity(p, weights=wname):.4f}"
        line(f"Leiden, {'weighted' if weighted else 'unweighted'}", (ow, oc), peers, note + ")")


def pagerank(net_w: Any, g_ig: Any, g_rx: Any, g_nx: Any) -> None:
    ours = timed(lambda: cn._native.net_pagerank(net_w, tol=1e-6), 5)
    peers = {}
    if g_ig is not None:
        w, c, _ = timed(lambda: g_ig.pagerank(weights="weight"), 5)
        peers["igraph pagerank"] = (w, c)
    if g_rx is not None:
        w, c, _ = timed(lambda: rx.pagerank(g_rx.to_directed(), weight_fn=float), 5)
        peers["rustworkx pagerank"] = (w, c)
    if g_nx is not None:
        w, c, _ = timed(lambda: nx.pagerank(g_nx), 3)
        peers["networkx pagerank"] = (w, c)
    line("PageRank (tol 1e-6, weighted)", ours[:2], peers)


TASKS = ("betweenness", "weighted-betweenness", "closeness", "communities", "pagerank")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="2000,10000,50000")
    ap.add_argument("--skip-h2020", action="store_true")
    ap.add_argument("--slow-peers", action="store_true", help="also run NetworkX on large graphs")
    ap.add_argument("--skip-betweenness", action="store_true", help="skip both betweenness runs (the slow part at 50,000 nodes)")
    ap.add_argument("--no-weighted-betweenness", action="store_true", help="skip weighted betweenness (igraph: ~14 min at 50,000 nodes)")
    ap.add_argument("--tasks", default=",".join(TASKS), help=f"comma-separated subset of {','.join(TASKS)}")
    args = ap.parse_args()
    args.tasks = set(args.tasks.split(","))
    unknown = args.tasks - set(TASKS)
    if unknown:
        ap.error(f"unknown task(s) {sorted(unknown)}; choose from {','.join(TASKS)}")
    if args.skip_betweenness:
        args.tasks -= {"betweenness", "weighted-betweenness"}
    if args.no_weighted_betweenness:
        args.tasks.discard("weighted-betweenness")
    print(f"igraph {ig.__version__ if ig else '-'}, networkx {nx.__version__ if nx else '-'}, rustworkx {rx.__version__ if rx else '-'}")
    if not args.skip_h2020:
        pairs, weights, n = h2020()
        run("H2020 projection (weights: joint projects)", n, pairs, weights, args)
    for n in (int(x) for x in args.sizes.split(",") if x):
        pairs, weights = planted(n, seed=n)
        run(f"planted partition n={n}", n, pairs, weights, args)


if __name__ == "__main__":
    main()
