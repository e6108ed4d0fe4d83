"""Tests of clusterpolicy.plot, headless (matplotlib's Agg backend): each helper produces a
figure with the expected marks from real analysis results of the embedded dataset, and
renders to a PNG."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import clusterpolicy as cp  # noqa: E402
import clusterpolicy.plot as cplot  # noqa: E402


def png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    data = buf.getvalue()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 1000
    return data


@pytest.fixture(scope="module")
def employment() -> Any:
    panel = cp.specialisation.observation_panel(cp.sample_dataset())
    last = panel[panel.year == panel.year.max()]
    return last.pivot(index="region", columns="activity", values="value")


def test_priority_map_of_the_sample(employment: Any) -> None:
    points, recs = cp.complexity.priority_maps(employment, [employment.index[0]])
    fig = cplot.priority_map(points, employment.index[0], recommendations=recs)
    ax = fig.axes[0]
    n_points = sum(len(c.get_offsets()) for c in ax.collections)
    assert n_points == len(points)
    assert len(ax.texts) == len(recs)
    png(fig)
    with pytest.raises(cp.UnknownLabelError):
        cplot.priority_map(points, "nowhere")


def test_star_clusters_heat_map(employment: Any) -> None:
    stars = cp.specialisation.star_clusters(employment)
    fig = cplot.star_clusters(stars)
    image = fig.axes[0].images[0].get_array()
    assert image.shape == (stars.region.nunique(), stars.category.nunique())
    assert image.sum() == stars.stars.sum()
    png(fig)


def test_cooperation_network_from_a_dict_and_a_network() -> None:
    d = {
        "nodes": [{"id": "a", "country": "SI"}, {"id": "b", "country": "HR"}, {"id": "c", "country": "SI"}],
        "edges": [{"source": "a", "target": "b", "weight": 2.0}, {"source": 1, "target": 2, "weight": 1.0}],
    }
    fig = cplot.cooperation_network(d, labels=True)
    ax = fig.axes[0]
    assert len(ax.collections[0].get_segments()) == 2
    assert len(ax.texts) == 3
    png(fig)
    with pytest.raises(cp.UnknownLabelError):
        cplot.cooperation_network({"nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "z"}]})
    if hasattr(cp, "Network"):
        net = cp.Network.from_edges([("a", "b", 1.0), ("b", "c", 1.0)])
        png(cplot.cooperation_network(net))


def test_mcda_sensitivity_of_smaa_and_breakpoints() -> None:
    x = np.array([[1.0, 0.0], [0.0, 1.0], [0.6, 0.6]])
    r = cp.strategy.smaa(x, ["benefit", "benefit"], samples=2000, progress=False)
    fig = cplot.mcda_sensitivity(r, options=["A", "B", "C"])
    heights = np.array([p.get_height() for p in fig.axes[0].patches]).reshape(3, 3)  # ranks x options
    np.testing.assert_allclose(heights.T, r["rank_acceptability"])
    png(fig)
    bp = cp.strategy.weight_breakpoints(x, [0.5, 0.5], ["benefit", "benefit"])
    fig = cplot.mcda_sensitivity(bp, options=["A", "B", "C"])
    widths = [p.get_width() for p in fig.axes[0].patches]
    assert abs(sum(widths) - len(bp["criteria"])) < 1e-9  # the segments cover [0, 1] per criterion
    png(fig)
    with pytest.raises(cp.InvalidParameterError):
        cplot.mcda_sensitivity({"scores": [1.0]})
