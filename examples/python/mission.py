"""The whole mission of clusterpolicy on the embedded South-East Europe dataset, in Python:

dataset -> validation -> specialisation -> complexity and the priority map -> cooperation
network -> synergy and matchmaking -> strategy (MCDA) -> report.

Run it with the package installed (``scripts/test-python.sh`` runs it):

    python examples/python/mission.py [--out DIR] [--plots]

``--out`` writes the report (HTML and JSON) there; ``--plots`` also saves the figures of
``clusterpolicy.plot`` (needs matplotlib). Every step checks what it prints, so the script
fails loudly when a result stops making sense.
"""

from __future__ import annotations

import argparse
import importlib
import json
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

import clusterpolicy as cp
import clusterpolicy.complexity as cx
import clusterpolicy.specialisation as sp
import clusterpolicy.strategy as cs
from clusterpolicy.report import build as build_report


def section(title: str) -> None:
    print(f"\n== {title}")


def optional(name: str) -> Any:
    """A facade module that may not be bound yet in an older build."""
    try:
        return importlib.import_module(f"clusterpolicy.{name}")
    except ImportError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None, help="folder for the report (default: a temp folder)")
    parser.add_argument("--plots", action="store_true", help="save the figures too (needs matplotlib)")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="clusterpolicy-mission-"))
    out.mkdir(parents=True, exist_ok=True)

    section("1. dataset and validation")
    ds = cp.sample_dataset()
    print(ds)
    validation = ds.validate()
    assert validation.is_valid, validation
    print(f"valid: {validation.is_valid}, problems: {len(validation)}")

    section("2. specialisation: location quotients and star clusters (last year)")
    panel = sp.observation_panel(ds)  # long: region, activity, year, value
    year = int(panel["year"].max())
    employment = panel[panel["year"] == year].pivot(index="region", columns="activity", values="value")
    lq = sp.rca(employment)
    assert lq.shape == employment.shape
    top = lq.stack().sort_values(ascending=False).head(5)
    for (region, activity), value in top.items():
        print(f"  {region} {activity}: LQ {value:.2f}")
    stars = sp.star_clusters(employment)
    three = stars[stars["stars"] == 3]
    print(f"  {len(stars)} region x cluster ratings, {len(three)} three-star clusters")

    section("3. complexity and the priority map")
    presence = sp.presence(employment)
    eci = cx.economic_complexity(presence)
    ranking = eci.regions.sort_values("eci", ascending=False)
    print("  most complex regions:", ", ".join(ranking["region"].head(3)))
    region = str(ranking["region"].iloc[0])
    points, recommendations = cx.priority_maps(employment, [region])
    assert set(points["region"]) == {region}
    print(f"  priority map of {region}: {len(points)} activities, top recommendations:")
    for rec in recommendations.head(3).itertuples():
        print(f"    {rec.rank}. {rec.activity} ({rec.quadrant}, density {rec.density:.3f})")

    section("4. cooperation network")
    network = optional("network")
    if network is not None and hasattr(network, "projection"):
        net, summary = network.projection(ds)
        print(f"  {net.node_count} actors, {net.edge_count} ties from {summary['projects']} projects")
        between = network.betweenness(net)
        broker = max(between, key=between.__getitem__)
        print(f"  top broker: {broker} (betweenness {between[broker]:.3f})")
        communities = network.louvain(net)
        print(f"  communities: {len(set(communities['membership'].values()))}"
              if isinstance(communities.get("membership"), dict) else f"  communities: {communities.get('count')}")
    else:  # pragma: no cover - the network bindings are being added
        print("  (clusterpolicy.network is not bound in this build)")

    section("5. synergy and matchmaking")
    synergy = optional("synergy")
    if synergy is not None and getattr(synergy, "__all__", None):
        print(f"  synergy functions: {', '.join(synergy.__all__[:6])}, ...")
    else:  # pragma: no cover - the synergy bindings are being added
        print("  (clusterpolicy.synergy is not bound in this build)")

    section("6. strategy: multi-criteria ranking of the recommended activities")
    options = recommendations.set_index("activity")[["density", "complexity", "score"]].astype(float)
    if len(options) >= 2:
        weights = [0.4, 0.4, 0.2]
        topsis = cs.topsis(options, weights, ["benefit", "benefit", "benefit"])
        smaa = cs.smaa(options, ["benefit", "benefit", "benefit"], samples=5000, seed=1, progress=False)
        best = options.index[int(np.argmin(topsis["rank"]))]
        print(f"  TOPSIS best: {best}; SMAA first-rank acceptability:",
              ", ".join(f"{o} {a:.2f}" for o, a in zip(options.index, smaa["rank_acceptability"][:, 0])))
        assert abs(smaa["rank_acceptability"].sum() - len(options)) < 1e-9
    strategies = ds.to_dict()["strategies"]
    if strategies:
        feedback = cs.evidence_feedback(ds, strategies[0]["id"])
        print(f"  evidence feedback on {strategies[0]['id']}: {len(feedback.get('measures', []))} measures re-ranked")

    section("7. report")
    report = build_report(ds)
    (out / "report.html").write_text(report.to_html(), encoding="utf-8")
    (out / "report.json").write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    print(f"  sections: {', '.join(report)}")
    print(f"  written to {out}/report.html and report.json")

    if args.plots:
        import matplotlib

        matplotlib.use("Agg")
        import clusterpolicy.plot as cplot

        cplot.priority_map(points, region, recommendations=recommendations).savefig(out / "priority_map.png")
        cplot.star_clusters(stars).savefig(out / "star_clusters.png")
        if len(options) >= 2:
            cplot.mcda_sensitivity(smaa).savefig(out / "smaa.png")
        print(f"  figures written to {out}")

    print("\nmission complete")


if __name__ == "__main__":
    main()
