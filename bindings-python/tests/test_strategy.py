"""Tests of clusterpolicy.strategy (core ``clusterpolicy::strategy``).

The multi-criteria methods are compared with pymcdm 1.4.0's unrounded results to 1e-9 on the
worked examples of ``../shared/reference`` (read in place) and on random problems; the
fixed-effects difference-in-differences with statsmodels' OLS with dummies and clustered
standard errors to 1e-9. Both peers are optional: the comparisons skip without them (CI
installs them, see scripts/test-python.sh).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import clusterpolicy as cp
import clusterpolicy.strategy as cs

SHARED = Path(os.environ.get("CLUSTERPOLICY_SHARED", Path(__file__).resolve().parents[3] / "shared"))
TOL = 1e-9


def reference(name: str) -> Any:
    path = SHARED / "reference" / name
    if not path.exists():
        if os.environ.get("CI", "").lower() in ("true", "1"):
            raise AssertionError(f"{path} is missing in CI")
        pytest.skip(f"{path} not found")
    return json.loads(path.read_text())


def fighter() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    case = reference("mcda_topsis.json")["cases"][0]
    return np.array(case["matrix"], float), np.array(case["weights"]), np.array(case["types"])


def random_problems(count: int = 20) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(7)
    out = []
    for _ in range(count):
        n, m = rng.integers(3, 12), rng.integers(2, 7)
        x = rng.uniform(1, 100, (n, m))
        w = rng.uniform(0.1, 1, m)
        w /= w.sum()
        t = np.where(rng.random(m) < 0.4, -1, 1)
        out.append((x, w, t))
    return out


# --- against the published / computed reference values -----------------------------------


def test_topsis_reference_values() -> None:
    for case in reference("mcda_topsis.json")["cases"]:
        x, w, t = np.array(case["matrix"], float), case["weights"], case["types"]
        for key, norm in (("vector_normalisation", "vector"), ("minmax_normalisation_pymcdm_default", "min_max")):
            r = cs.topsis(x, w, t, normalisation=norm)
            want = case["expected"][key]
            np.testing.assert_allclose(r["closeness"], want["closeness"], atol=5e-7)
            assert r["rank"].tolist() == want["rank"]


def test_vikor_reference_values() -> None:
    for case in reference("mcda_vikor.json")["cases"]:
        r = cs.vikor(np.array(case["matrix"], float), case["weights"], case["types"], v=case["v"])
        e = case["expected"]
        np.testing.assert_allclose(r["q"], e["Q"], atol=5e-7)
        assert [case["alternatives"][i] for i in r["compromise"]] == e["compromise_set"]
        assert (r["acceptable_advantage"], r["acceptable_stability"]) == (
            e["C1_acceptable_advantage"],
            e["C2_acceptable_stability"],
        )


def test_smaa_exact_reference() -> None:
    case = reference("smaa_rank_acceptability.json")["case"]
    r = cs.smaa(case["values_already_normalised"], ["benefit", "benefit"], normalisation="none", method="exact")
    want = case["expected_analytic"]["rank_acceptability"]
    np.testing.assert_allclose(r["rank_acceptability"], [want[k] for k in ("a", "b", "c")], atol=1e-12)
    np.testing.assert_allclose(r["rank_acceptability"].sum(axis=0), 1.0, atol=1e-12)


def test_policy_evaluation_reference() -> None:
    cases = {c["id"]: c for c in reference("policy_evaluation.json")["cases"]}
    i = cases["did_card_krueger_1994"]["inputs"]
    obs = [
        {"unit": "NJ", "time": 0, "outcome": i["NJ_before"], "treated": False},
        {"unit": "NJ", "time": 1, "outcome": i["NJ_after"], "treated": True},
        {"unit": "PA", "time": 0, "outcome": i["PA_before"], "treated": False},
        {"unit": "PA", "time": 1, "outcome": i["PA_after"], "treated": False},
    ]
    assert cs.did_two_period(obs)["did"]["estimate"] == pytest.approx(2.75, abs=1e-12)
    sc = cases["scenario_robustness_minimax_regret"]
    r = cs.scenario_rules(np.array(sc["payoff"]), hurwicz_alpha=0.6)
    assert r["max_regret"] == sc["expected"]["max_regret"]
    assert r["choices"]["minimax_regret"] == [1]
    assert cs.achievement_rate(40, 100, 85) == pytest.approx(0.75)


def test_peer_regions_reference() -> None:
    r = reference("benchmarking_peer_regions.json")
    dims = {k: [r["variables"][j] for j in v] for k, v in r["dimensions"].items()}
    d = cs.peer_distances(np.array(r["data"]), dims, regions=r["regions"], variables=r["variables"])
    np.testing.assert_allclose(d["distance"], r["expected"]["distance"], atol=5e-7)
    peers = [p["region"] for p in cs.nearest_peers(d, "R1", 5)]
    assert peers == r["expected"]["peers_of_R1_nearest_first"]


# --- against pymcdm to 1e-9 --------------------------------------------------------------


def test_against_pymcdm() -> None:
    methods: Any = pytest.importorskip("pymcdm.methods")
    N: Any = pytest.importorskip("pymcdm.normalizations")
    PROMETHEE_II, TOPSIS, VIKOR, WPM, WSM = (methods.PROMETHEE_II, methods.TOPSIS, methods.VIKOR, methods.WPM, methods.WSM)

    problems = random_problems()
    try:
        problems.append(fighter())
    except pytest.skip.Exception:
        pass
    worst = 0.0
    for x, w, t in problems:
        for ours, theirs in (
            (cs.topsis(x, w, t, normalisation="vector")["closeness"], TOPSIS(N.vector_normalization)(x, w, t, validation=False)),
            (cs.topsis(x, w, t, normalisation="min_max")["closeness"], TOPSIS()(x, w, t, validation=False)),
            (cs.vikor(x, w, t)["q"], VIKOR()(x, w, t, validation=False)),
            (cs.weighted_sum(x, w, t, normalisation="sum")["scores"], WSM()(x, w, t, validation=False)),
            (cs.weighted_sum(x, w, t, normalisation="linear")["scores"], WSM(N.linear_normalization)(x, w, t, validation=False)),
            (cs.weighted_product(x, w, t, normalisation="sum")["scores"], WPM()(x, w, t, validation=False)),
            (cs.promethee_ii(x, w, t)["phi_net"], PROMETHEE_II("usual")(x, w, t, validation=False)),
        ):
            np.testing.assert_allclose(ours, theirs, rtol=0, atol=TOL)
            worst = max(worst, float(np.max(np.abs(np.asarray(ours) - theirs))))
        m = x.shape[1]
        spread = x.max(axis=0) - x.min(axis=0)
        q, p = list(0.1 * spread), list(0.6 * spread)
        kw: dict[str, Any]
        for ours_name, theirs_name, kw in (
            ("ushape", "ushape", {"q": q}),
            ("vshape", "vshape", {"p": p}),
            ("level", "level", {"q": q, "p": p}),
            ("linear", "vshape_2", {"q": q, "p": p}),
        ):
            ours = cs.promethee_ii(x, w, t, functions=ours_name, q=kw.get("q"), p=kw.get("p"))["phi_net"]
            theirs = PROMETHEE_II(theirs_name, **{k: np.array(v) for k, v in kw.items()})(x, w, t, validation=False)
            np.testing.assert_allclose(ours, theirs, rtol=0, atol=TOL)
        for norm, fn in (
            ("vector", N.vector_normalization),
            ("min_max", N.minmax_normalization),
            ("max", N.max_normalization),
            ("sum", N.sum_normalization),
            ("linear", N.linear_normalization),
            ("nonlinear", N.nonlinear_normalization),
            ("enhanced_accuracy", N.enhanced_accuracy_normalization),
            ("zavadskas_turskis", N.zavadskas_turskis_normalization),
        ):
            want = np.column_stack([fn(x[:, j], t[j] == -1) for j in range(m)])
            np.testing.assert_allclose(cs.normalise(x, t, norm), want, rtol=0, atol=TOL)
    assert worst < TOL


def test_ahp_against_pymcdm() -> None:
    subjective: Any = pytest.importorskip("pymcdm.weights.subjective")
    AHP = subjective.AHP

    a = np.array([[1.0, 2.0, 4.0, 3.0], [0.5, 1.0, 2.0, 1.0], [0.25, 0.5, 1.0, 1.0], [1 / 3, 1.0, 1.0, 1.0]])
    theirs = AHP(matrix=a)()
    ours = cs.ahp(a)
    np.testing.assert_allclose(ours["weights"], theirs, rtol=0, atol=TOL)


# --- against statsmodels to 1e-9 ---------------------------------------------------------


def test_did_panel_against_statsmodels() -> None:
    sm = pytest.importorskip("statsmodels.api")
    pd = pytest.importorskip("pandas")
    rng = np.random.default_rng(3)
    rows = []
    for u in range(15):
        start = [2016, 2018, 10_000][u % 3]
        for t in range(2012, 2022):
            if rng.random() < 0.1:
                continue
            d = t >= start
            rows.append({"unit": f"r{u}", "time": t, "outcome": 0.4 * d + 0.05 * (t - 2012) + u + rng.normal(), "treated": bool(d)})
    df = pd.DataFrame(rows)
    ours = cs.did_panel(df)
    x = pd.get_dummies(df[["unit"]], drop_first=False).astype(float)
    x = x.join(pd.get_dummies(df["time"].astype(str), prefix="t", drop_first=True).astype(float))
    x.insert(0, "D", df["treated"].astype(float))
    codes = pd.factorize(df["unit"])[0]
    fit = sm.OLS(df["outcome"].astype(float), x).fit(cov_type="cluster", cov_kwds={"groups": codes})
    assert ours["estimate"] == pytest.approx(fit.params["D"], abs=TOL)
    assert ours["std_error"] == pytest.approx(fit.bse["D"], abs=TOL)


# --- errors ------------------------------------------------------------------------------


def test_errors_are_typed_and_name_the_item() -> None:
    x, w, t = np.ones((3, 2)) + np.eye(3, 2), [0.5, 0.5], [1, 1]
    with pytest.raises(cp.InvalidParameterError) as e:
        cs.topsis(x, w, t, normalisation="cubic")
    assert "vector" in str(e.value) and "min_max" in str(e.value)
    with pytest.raises(cp.InvalidParameterError, match="benefit"):
        cs.topsis(x, w, ["benefit", "profit"])
    with pytest.raises(cp.InvalidParameterError, match="`methd`: unknown field `methd`, expected one of"):
        cs.ahp([[1, 2], [0.5, 1]], methd="geometric_mean")
    with pytest.raises(cp.ShapeMismatchError):
        cs.topsis(x, [1.0], t)
    with pytest.raises(cp.NonFiniteError):
        cs.topsis(np.array([[1.0, np.nan], [2.0, 3.0]]), w, t)
    with pytest.raises(cp.InvalidParameterError, match="not reciprocal"):
        cs.ahp([[1, 3], [1, 1]])
    with pytest.raises(cp.UnknownLabelError):
        cs.scoreboard(cp.sample_dataset(), "nope")
    assert not cs.ahp([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]])["consistent"]


# --- dataset-level functions, the same as the Rust report --------------------------------


def test_dataset_functions_on_the_sample() -> None:
    ds = cp.sample_dataset()
    d = json.loads(ds.to_json())
    strategy = d["strategies"][0]["id"]
    board = cs.scoreboard(ds, strategy)
    assert len(board["rows"]) == len(d["strategies"][0]["targets"])
    fb = cs.evidence_feedback(ds, strategy)
    assert len(fb["measures"]) == len(d["strategies"][0]["measures"])
    for m in fb["measures"]:
        e = m["effect"]
        assert sum(c["pull"] for c in e["contributions"]) == pytest.approx(e["shift"], abs=1e-9)
    hub = cs.knowledge_hub(ds, "SI04")
    assert hub and all(item["reasons"] for item in hub)
    prog = cs.programme_monitoring(ds, d["programmes"][0]["id"])
    assert 0 < prog["coverage"]["area_share"] <= 1
    panel = cs.pilot_panel(ds)
    est = cs.did_panel(panel)
    assert est["clusters"] == len({o["unit"] for o in panel})
    profiles, dims = cs.region_profiles(ds)
    assert set(dims) == {"size", "economic_structure", "productivity", "innovation", "openness"}
    assert cs.summary(ds) == cp.report(ds)["strategy"]


def test_smaa_is_seeded_and_sums_to_one() -> None:
    x, w, t = random_problems(1)[0]
    a = cs.smaa(x, t, samples=2000, seed=5)
    b = cs.smaa(x, t, samples=2000, seed=5)
    np.testing.assert_array_equal(a["rank_acceptability"], b["rank_acceptability"])
    np.testing.assert_allclose(a["rank_acceptability"].sum(axis=0), 1.0, atol=1e-12)
    np.testing.assert_allclose(a["rank_acceptability"].sum(axis=1), 1.0, atol=1e-12)


def test_dataframe_in_labels_out() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"jobs": [10.0, 20.0, 15.0], "cost": [5.0, 9.0, 6.0]}, index=["M1", "M2", "M3"])
    r = cs.topsis(df, [0.5, 0.5], ["benefit", "cost"])
    assert r["options"] == ["M1", "M2", "M3"]
    n = cs.normalise(df, ["benefit", "cost"], "min_max")
    assert list(n.index) == ["M1", "M2", "M3"] and list(n.columns) == ["jobs", "cost"]
