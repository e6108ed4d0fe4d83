"""Plotting helpers for notebooks (matplotlib, the ``plot`` extra:
``pip install clusterpolicy[plot]``): the priority map, the cooperation network, star
clusters and MCDA sensitivity. Each draws on ``ax`` (a new figure when ``None``) and
returns the matplotlib ``Figure``; nothing is computed here beyond placing what the
analysis functions returned.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import clusterpolicy as cp
>>> import clusterpolicy.plot as cplot
>>> r = cp.strategy.smaa([[1.0, 0.0], [0.0, 1.0], [0.6, 0.6]], ["benefit", "benefit"], samples=2000,
...                      progress=False)
>>> fig = cplot.mcda_sensitivity(r, options=["A", "B", "C"])
>>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
['A', 'B', 'C']
"""

from __future__ import annotations

import importlib
import math
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np

__all__ = ["priority_map", "cooperation_network", "star_clusters", "mcda_sensitivity"]

#: Colours of the four quadrants of a priority map.
QUADRANT_COLOURS = {
    "low_risk_high_gain": "#1b9e77",
    "high_risk_high_gain": "#d95f02",
    "low_risk_low_gain": "#7570b3",
    "high_risk_low_gain": "#999999",
}


def _pyplot() -> Any:
    try:
        return importlib.import_module("matplotlib.pyplot")
    except ImportError as e:  # pragma: no cover - the extra is installed in the tests
        raise ImportError("clusterpolicy.plot needs matplotlib: pip install clusterpolicy[plot]") from e


def _axes(ax: Any, size: Tuple[float, float]) -> Tuple[Any, Any]:
    if ax is not None:
        return ax.figure, ax
    fig, ax = _pyplot().subplots(figsize=size)
    return fig, ax


def _records(data: Any) -> List[Dict[str, Any]]:
    """Rows of a DataFrame or a list of dicts."""
    if hasattr(data, "to_dict") and hasattr(data, "columns"):
        return list(data.to_dict("records"))
    return [dict(r) for r in data]


def priority_map(
    points: Any,
    region: Optional[str] = None,
    *,
    recommendations: Any = None,
    ax: Any = None,
    region_column: str = "region",
) -> Any:
    """The priority map of one region (Balland et al. 2019): relatedness density (x) against
    complexity (y) of every activity, present activities filled, the absent ones coloured by
    quadrant, the medians as lines, and the recommended activities labelled.

    ``points`` and ``recommendations``: the two tables of
    :func:`clusterpolicy.complexity.priority_maps` (DataFrames or lists of dicts);
    ``region``: which region (default: the first).

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import clusterpolicy as cp
    >>> counts = cp.model.read_long_csv(b"region,activity,value\\nR1,A,5\\nR1,B,1\\nR2,A,1\\nR2,B,4\\nR3,C,3\\nR3,A,1\\n")
    >>> pts, recs = cp.complexity.priority_maps(counts.to_frame())
    >>> fig = priority_map(pts, "R1", recommendations=recs)
    >>> fig.axes[0].get_xlabel()
    'relatedness density'
    """
    rows = _records(points)
    if not rows:
        raise _native_error("EmptyInputError", "the priority map has no points")
    chosen = region if region is not None else rows[0][region_column]
    rows = [r for r in rows if str(r[region_column]) == str(chosen)]
    if not rows:
        raise _native_error("UnknownLabelError", f"unknown region `{chosen}` in the priority map")
    fig, ax = _axes(ax, (7.0, 5.5))
    x = np.array([float(r["density"]) for r in rows])
    y = np.array([float(r["complexity"]) for r in rows])
    present = np.array([bool(r["present"]) for r in rows])
    colours = [QUADRANT_COLOURS.get(str(r.get("quadrant")), "#999999") for r in rows]
    ax.scatter(x[~present], y[~present], c=[c for c, p in zip(colours, present) if not p], s=28, alpha=0.8,
               label="absent")
    ax.scatter(x[present], y[present], facecolors="none", edgecolors="black", s=40, label="present")
    finite_x, finite_y = x[np.isfinite(x)], y[np.isfinite(y)]
    if finite_x.size:
        ax.axvline(float(np.median(finite_x)), color="grey", lw=0.8, ls="--")
    if finite_y.size:
        ax.axhline(float(np.median(finite_y)), color="grey", lw=0.8, ls="--")
    if recommendations is not None:
        by_activity = {str(r["activity"]): (float(r["density"]), float(r["complexity"])) for r in rows}
        for rec in _records(recommendations):
            if str(rec.get(region_column)) == str(chosen) and str(rec["activity"]) in by_activity:
                px, py = by_activity[str(rec["activity"])]
                ax.annotate(str(rec["activity"]), (px, py), textcoords="offset points", xytext=(4, 4), fontsize=8)
    ax.set_xlabel("relatedness density")
    ax.set_ylabel("complexity")
    ax.set_title(f"Priority map of {chosen}")
    ax.legend(loc="best", fontsize=8)
    return fig


def _native_error(kind: str, message: str) -> Exception:
    native = importlib.import_module("clusterpolicy._native")
    exc: Exception = getattr(native, kind)(message)
    return exc


def cooperation_network(
    network: Any,
    *,
    color_by: str = "country",
    sizes: Optional[Mapping[str, float]] = None,
    ax: Any = None,
    labels: bool = False,
) -> Any:
    """The cooperation network on a circle, nodes grouped and coloured by ``color_by``
    (``"country"``, ``"region"`` or ``"helix"``), edge widths by weight, node sizes by
    ``sizes`` (e.g. a centrality by node id; default the weighted degree).

    ``network``: a :class:`clusterpolicy.Network`, or a dict with ``nodes`` (dicts with
    ``id`` and the attribute) and ``edges`` (dicts with ``source`` and ``target`` node
    indices or ids and ``weight``), as ``Network.to_dict()`` gives.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> net = {"nodes": [{"id": "a", "country": "SI"}, {"id": "b", "country": "HR"}, {"id": "c", "country": "SI"}],
    ...        "edges": [{"source": 0, "target": 1, "weight": 2.0}, {"source": 1, "target": 2, "weight": 1.0}]}
    >>> fig = cooperation_network(net)
    >>> len(fig.axes[0].collections) >= 2
    True
    """
    d = network.to_dict() if hasattr(network, "to_dict") else dict(network)
    nodes = [dict(n) for n in d.get("nodes", [])]
    edges = [dict(e) for e in d.get("edges", [])]
    if not nodes:
        raise _native_error("EmptyInputError", "the network has no nodes")
    index = {str(n["id"]): i for i, n in enumerate(nodes)}

    def node(ref: Any) -> int:
        if isinstance(ref, (int, np.integer)) and not isinstance(ref, bool):
            if not 0 <= int(ref) < len(nodes):
                raise _native_error("UnknownLabelError", f"unknown node index `{ref}`")
            return int(ref)
        if str(ref) not in index:
            raise _native_error("UnknownLabelError", f"unknown node `{ref}`")
        return index[str(ref)]

    groups = [str(n.get(color_by) or "") for n in nodes]
    order = sorted(range(len(nodes)), key=lambda i: (groups[i], str(nodes[i]["id"])))
    angle = {v: 2 * math.pi * k / len(nodes) for k, v in enumerate(order)}
    pos = np.array([[math.cos(angle[i]), math.sin(angle[i])] for i in range(len(nodes))])
    strength = np.zeros(len(nodes))
    pairs = []
    for e in edges:
        s, t, w = node(e["source"]), node(e["target"]), float(e.get("weight", 1.0))
        pairs.append((s, t, w))
        strength[s] += w
        strength[t] += w
    fig, ax = _axes(ax, (7.0, 7.0))
    collections = importlib.import_module("matplotlib.collections")
    if pairs:
        wmax = max(w for _, _, w in pairs) or 1.0
        lines = [[pos[s], pos[t]] for s, t, _ in pairs]
        ax.add_collection(
            collections.LineCollection(lines, linewidths=[0.3 + 2.5 * w / wmax for _, _, w in pairs],
                                       colors="#888888", alpha=0.6)
        )
    size = np.array([float(sizes.get(str(n["id"]), 0.0)) for n in nodes]) if sizes is not None else strength
    size = 20 + 280 * (size / size.max()) if size.size and size.max() > 0 else np.full(len(nodes), 40.0)
    names = sorted(set(groups))
    cmap = _pyplot().get_cmap("tab20")
    colour = {g: cmap(k % 20) for k, g in enumerate(names)}
    ax.scatter(pos[:, 0], pos[:, 1], s=size, c=[colour[g] for g in groups], edgecolors="white", zorder=3)
    for g in names[:20]:
        ax.scatter([], [], color=colour[g], label=g or "(none)")
    if labels:
        for i, n in enumerate(nodes):
            ax.annotate(str(n.get("label") or n["id"]), pos[i], fontsize=7)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.legend(title=color_by, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    ax.set_title(f"Cooperation network ({len(nodes)} nodes, {len(pairs)} edges)")
    return fig


def star_clusters(stars: Any, *, ax: Any = None, region_column: str = "region") -> Any:
    """Star ratings (0-3) of each region x cluster category as a heat map, the
    European Cluster Observatory's stars.

    ``stars``: the table of :func:`clusterpolicy.specialisation.star_clusters` (a DataFrame
    or a list of dicts with ``region``, ``category`` and ``stars``).

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> fig = star_clusters([{"region": "R1", "category": "auto", "stars": 3},
    ...                      {"region": "R2", "category": "auto", "stars": 0}])
    >>> fig.axes[0].get_ylabel()
    'region'
    """
    rows = _records(stars)
    if not rows:
        raise _native_error("EmptyInputError", "no star ratings to plot")
    regions = list(dict.fromkeys(str(r[region_column]) for r in rows))
    categories = list(dict.fromkeys(str(r["category"]) for r in rows))
    grid = np.zeros((len(regions), len(categories)))
    for r in rows:
        grid[regions.index(str(r[region_column])), categories.index(str(r["category"]))] = float(r["stars"])
    fig, ax = _axes(ax, (max(4.0, 0.45 * len(categories) + 2), max(3.0, 0.3 * len(regions) + 1.5)))
    image = ax.imshow(grid, cmap="YlOrRd", vmin=0, vmax=3, aspect="auto")
    ax.set_xticks(range(len(categories)))
    ax.set_xticklabels(categories, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(regions)))
    ax.set_yticklabels(regions, fontsize=8)
    ax.set_xlabel("cluster category")
    ax.set_ylabel("region")
    fig.colorbar(image, ax=ax, ticks=[0, 1, 2, 3], label="stars")
    ax.set_title("Star clusters")
    return fig


def mcda_sensitivity(result: Mapping[str, Any], *, options: Optional[Sequence[str]] = None, ax: Any = None) -> Any:
    """MCDA sensitivity: for a :func:`clusterpolicy.strategy.smaa` result, the rank
    acceptabilities as stacked bars per option (rank 1 at the bottom); for a
    :func:`clusterpolicy.strategy.weight_breakpoints` result, per criterion the weight
    intervals coloured by the option that is best there, with the current weight marked.

    ``options``: option names (default: the result's ``options``, else indices).

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import clusterpolicy as cp
    >>> bp = cp.strategy.weight_breakpoints([[1.0, 0.0], [0.0, 1.0], [0.6, 0.6]], [0.5, 0.5], ["benefit", "benefit"])
    >>> fig = mcda_sensitivity(bp)
    >>> fig.axes[0].get_xlabel()
    'weight of the criterion'
    """
    pyplot = _pyplot()
    if "rank_acceptability" in result:
        acc = np.asarray(result["rank_acceptability"], dtype=float)
        if acc.ndim != 2 or acc.shape[0] == 0:
            raise _native_error("ShapeMismatchError", "rank_acceptability must be an options x ranks matrix")
        n = acc.shape[0]
        names = [str(o) for o in (options or result.get("options") or range(n))]
        fig, ax = _axes(ax, (max(4.0, 0.6 * n + 2), 4.5))
        bottom = np.zeros(n)
        cmap = pyplot.get_cmap("viridis")
        for k in range(acc.shape[1]):
            ax.bar(range(n), acc[:, k], bottom=bottom, color=cmap(k / max(1, acc.shape[1] - 1)), label=f"rank {k + 1}")
            bottom += acc[:, k]
        ax.set_xticks(range(n))
        ax.set_xticklabels(names)
        ax.set_ylabel("rank acceptability")
        ax.set_ylim(0, 1)
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        ax.set_title("SMAA-2 rank acceptability")
        return fig
    if "criteria" in result:
        criteria = list(result["criteria"])
        if not criteria:
            raise _native_error("EmptyInputError", "the breakpoints have no criteria")
        tops = sorted({int(s["top"]) for c in criteria for s in c["segments"]})
        names = [str(o) for o in (options or result.get("options") or range(max(tops, default=0) + 1))]
        fig, ax = _axes(ax, (7.0, 0.5 * len(criteria) + 1.5))
        cmap = pyplot.get_cmap("tab10")
        for row, c in enumerate(criteria):
            for s in c["segments"]:
                ax.barh(row, float(s["to"]) - float(s["from"]), left=float(s["from"]), color=cmap(int(s["top"]) % 10),
                        edgecolor="white")
            ax.plot([float(c["weight"])], [row], marker="|", color="black", markersize=14)
        for t in tops:
            label = names[t] if t < len(names) else str(t)
            ax.barh([], [], color=cmap(t % 10), label=f"best: {label}")
        ax.set_yticks(range(len(criteria)))
        ax.set_yticklabels([f"criterion {int(c['criterion'])}" for c in criteria])
        ax.set_xlim(0, 1)
        ax.set_xlabel("weight of the criterion")
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        ax.set_title("Weight breakpoints")
        return fig
    raise _native_error(
        "InvalidParameterError", "expected an smaa() result (rank_acceptability) or a weight_breakpoints() result (criteria)"
    )
