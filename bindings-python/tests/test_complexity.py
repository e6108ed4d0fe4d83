"""Tests of ``clusterpolicy.complexity``: the binding against the peer outputs shipped in
``../shared/data`` (the same files as the Rust reference tests, tolerance 1e-9), against
small NumPy implementations written here, and the DataFrame forms and errors."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import clusterpolicy as cp
import clusterpolicy.complexity as cx

pd = pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parents[2]


def _shared() -> Path | None:
    env = os.environ.get("CLUSTERPOLICY_SHARED")
    d = Path(env) / "data" if env else ROOT.parent / "shared" / "data"
    if d.is_dir():
        return d
    if os.environ.get("CI", "").lower() in ("true", "1"):
        raise AssertionError(f"CI=true but {d} is absent")
    return None


SHARED = _shared()
needs_shared = pytest.mark.skipif(SHARED is None, reason="../shared/data is absent")


def _random_presence(n: int, m: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    a = (rng.random((n, m)) < 0.3).astype(float)
    a[np.arange(n), np.arange(n) % m] = 1.0
    a[np.arange(m) % n, np.arange(m)] = 1.0
    return a


def test_proximity_and_density_match_numpy() -> None:
    m = _random_presence(30, 25, 1)
    c = m.T @ m
    u = m.sum(axis=0)
    phi = np.minimum(c / u[np.newaxis, :], c / u[:, np.newaxis])
    assert np.allclose(cx.relatedness(m), phi, atol=1e-15)
    dw = cx.relatedness(m, diagonal="zero")
    assert np.all(np.diag(dw) == 0.0)
    dens = m @ phi / phi.sum(axis=0)
    assert np.allclose(cx.relatedness_density(m, phi), dens, atol=1e-13)
    pct = cx.relatedness_density(m, phi, scale="percent", digits=2)
    assert np.allclose(pct, np.round(dens * 100, 2), atol=1e-9)


def test_eigenvector_eci_matches_numpy_eig() -> None:
    m = _random_presence(40, 50, 2)
    d, u = m.sum(axis=1), m.sum(axis=0)
    mpp = (m / u).T @ (m / d[:, np.newaxis])
    w, v = np.linalg.eig(mpp)
    kp = np.real(v[:, np.argsort(np.real(w))[-2]])
    kc = (m / d[:, np.newaxis]) @ kp
    s = np.sign(np.corrcoef(d, kc)[0, 1])
    kc, kp = s * kc, s * kp
    r = cx.economic_complexity(m)
    assert np.allclose(r.regions["eci"], (kc - kc.mean()) / kc.std(), atol=1e-9)
    assert np.allclose(r.activities["pci"], (kp - kc.mean()) / kc.std(), atol=1e-9)
    assert r.info["eigenvalue"] == pytest.approx(np.sort(np.real(w))[-2], abs=1e-12)


def test_dataframe_forms_are_long() -> None:
    m = _random_presence(6, 5, 3)
    wide = pd.DataFrame(m, index=[f"R{i}" for i in range(6)], columns=[f"A{j}" for j in range(5)])
    rel = cx.relatedness(wide)
    assert list(rel.columns) == ["activity_1", "activity_2", "relatedness"]
    assert len(rel) == 25
    dens = cx.relatedness_density(wide, rel)
    assert list(dens.columns) == ["region", "activity", "density"]
    assert np.allclose(dens["density"].to_numpy().reshape(6, 5), cx.relatedness_density(m, cx.relatedness(m)))
    long = wide.stack().rename("value").rename_axis(["region", "activity"]).reset_index()
    c = cx.economic_complexity(long, method="fitness")
    assert list(c.regions.columns) == ["region", "diversity", "eci"]
    assert c.info["iterations"] == 19


def test_errors_are_typed() -> None:
    with pytest.raises(cp.InvalidParameterError, match="presence"):
        cx.relatedness(np.array([[0.5, 1.0], [1.0, 0.0]]))
    with pytest.raises(cp.InvalidParameterError, match="proximity"):
        cx.relatedness(np.eye(2), method="nope")
    with pytest.raises(cp.ShapeMismatchError):
        cx.relatedness_density(np.eye(3), np.eye(2))
    with pytest.raises(cp.NonFiniteError):
        cx.relatedness(np.array([[np.nan, 1.0], [1.0, 0.0]]))
    with pytest.raises(cp.InvalidParameterError, match="iterations"):
        cx.economic_complexity(np.eye(3), method="reflections", iterations=1)


def _world_trade() -> Any:
    assert SHARED is not None
    t = pd.read_csv(SHARED / "world-trade-sitc4-1998-2000" / "trade.csv", dtype={"product": str})
    return t.rename(columns={"country": "region", "product": "activity"})


@needs_shared
def test_profile_matches_py_ecomplexity_on_world_trade() -> None:
    assert SHARED is not None
    d = SHARED / "world-trade-sitc4-1998-2000"
    prof = cx.complexity_profile(_world_trade())
    country = pd.read_csv(d / "expected_ecomplexity053_raw_country.csv")
    ours = prof.groupby("region", observed=True)[["eci", "coi", "diversity"]].first()
    exp = country.set_index("country")
    for col in ("eci", "coi", "diversity"):
        assert np.max(np.abs(ours.loc[exp.index, col].to_numpy() - exp[col].to_numpy())) < 1e-9
    cells = pd.read_csv(d / "expected_ecomplexity053_raw_cells_sample.csv", dtype={"product": str})
    merged = cells.merge(
        prof.astype({"region": str, "activity": str}),
        left_on=["country", "product"],
        right_on=["region", "activity"],
        suffixes=("_exp", ""),
    )
    assert len(merged) == len(cells)
    for col in ("rca", "density", "cog"):
        assert np.max(np.abs(merged[col] - merged[f"{col}_exp"])) < 1e-9


@needs_shared
def test_datawheel_and_econgeo_presets() -> None:
    assert SHARED is not None
    d = SHARED / "spain-provinces-hs-sections-2022"
    g = pd.read_csv(d / "global_exports.csv")
    wide = g.pivot_table(index="Country ID", columns="Section ID", values="Trade Value", aggfunc="sum").fillna(0.0)
    rca = (wide.div(wide.sum(axis=1), axis=0)).div(wide.sum(axis=0) / wide.to_numpy().sum(), axis=1)
    presence = (rca >= 1).astype(float)
    presence.columns = presence.columns.astype(str)
    c = cx.economic_complexity(presence, method="reflections")
    exp = pd.read_csv(d / "expected_dw030_global_eci.csv").set_index("Country ID")["eci"]
    ours = c.regions.set_index("region")["eci"]
    assert np.max(np.abs(ours.loc[exp.index] - exp)) < 1e-9
    a = SHARED / "australia-lga-anzsic19-census"
    lq = pd.read_csv(a / "expected_econgeo_2021_lq.csv")
    pres = lq.pivot(index="lga_pow", columns="industry", values="lq_binary")
    k = cx.economic_complexity(pres, method="econgeo_eigenvector")
    regions = pd.read_csv(a / "expected_econgeo_2021_regions.csv").set_index("lga_pow")
    assert np.max(np.abs(k.regions.set_index("region")["eci"].loc[regions.index] - regions["kci"])) < 1e-9
    rel = cx.relatedness(pres, method="probability")
    exp_rel = pd.read_csv(a / "expected_econgeo_2021_relatedness.csv")
    merged = exp_rel.merge(rel, left_on=["industry_1", "industry_2"], right_on=["activity_1", "activity_2"])
    assert len(merged) == 361
    assert np.max(np.abs(merged["relatedness"] - merged["rel_prob"])) < 1e-9


def test_priority_maps_and_backtest_on_the_sample() -> None:
    ds = cp.sample_dataset()
    obs = [o for o in ds.to_dict()["observations"] if o["indicator"] == "employment" and o.get("activity")]
    long = pd.DataFrame(
        {
            "year": [o["year"] for o in obs],
            "region": [o["subject"]["id"] for o in obs],
            "activity": [o["activity"] for o in obs],
            "value": [o["value"] for o in obs],
        }
    )
    latest = long[long["year"] == long["year"].max()].drop(columns="year")
    points, recs = cx.priority_maps(latest, ["SI04"], top=5)
    assert set(points["region"]) == {"SI04"}
    assert list(recs["rank"]) == [1, 2, 3, 4, 5]
    assert set(recs["quadrant"]) <= {"low_risk_high_gain", "high_risk_high_gain", "low_risk_low_gain", "high_risk_low_gain"}
    bt = cx.backtest(long, top_k=3)
    assert list(bt.regions.columns)[:3] == ["region", "from", "to"]
    pooled = bt.pooled.iloc[-1]
    assert math.isnan(pooled["from"]) or pooled["from"] is None
    assert 0.0 <= pooled["auc"] <= 1.0
    # Supplied scores: the same density scores give the same metrics.
    with pytest.raises(cp.InvalidParameterError, match="buffer"):
        cx.backtest(long, buffer=-1.0)


def test_profile_long_panel_forms_agree() -> None:
    """The long-panel path (factorized labels scattered into a dense panel) against the 3-d
    array path, for string, categorical and integer label columns; duplicates are named."""
    rng = np.random.default_rng(7)
    v = np.round(rng.lognormal(2.0, 1.0, (3, 12, 9)) * (rng.random((3, 12, 9)) < 0.7))
    y, r, a = np.nonzero(v)
    regions = np.array([f"R{i:02d}" for i in range(12)], dtype=object)[::-1]  # labels sort against their codes
    long = pd.DataFrame({"year": 2000 + y, "region": regions[r], "activity": [f"A{j}" for j in a], "value": v[y, r, a]})
    ref = cx.complexity_profile(v[:, ::-1, :])  # regions in the sorted order of the labels
    for frame in (
        long,
        long.astype({"region": "category", "activity": "category"}),
        long.assign(region=long["region"].astype(object)),
    ):
        p = cx.complexity_profile(frame)
        assert p["year"].dtype == np.int32 and list(p["region"].cat.categories) == sorted(set(regions))
        assert len(p) == len(ref)
        for col in ("rca", "mcp", "eci", "pci", "density", "coi", "cog"):
            assert np.array_equal(p[col].to_numpy(), ref[col].to_numpy(), equal_nan=True), col
    ints = long.assign(region=r * 10)
    assert cx.complexity_profile(ints)["region"].cat.categories.tolist() == [str(i * 10) for i in range(12)]
    dup = pd.concat([long, long.iloc[[5]]], ignore_index=True)
    with pytest.raises(cp.DuplicateLabelError, match=f"{long['region'][5]} / {long['activity'][5]} / {long['year'][5]}"):
        cx.complexity_profile(dup)
