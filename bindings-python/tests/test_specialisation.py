"""Tests of clusterpolicy.specialisation (core ``clusterpolicy::specialisation``) on the shared
data: the EconGeo outputs of ../shared/data/australia-lga-anzsic19-census (1e-9 where EconGeo
does not round, its rounding where it does, as in the Rust reference tests), the worked
examples of ../shared/reference/cluster_mapping.json, and the NumPy / wide / long forms
against each other. Skipped with a notice without ../shared (failing when CI=true)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import clusterpolicy as cp
import clusterpolicy.specialisation as sp

SHARED = (
    Path(os.environ["CLUSTERPOLICY_SHARED"])
    if "CLUSTERPOLICY_SHARED" in os.environ
    else Path(__file__).resolve().parents[3] / "shared"
)
AU = SHARED / "data" / "australia-lga-anzsic19-census"
NON_INDUSTRIES = ["Inadequately described", "Not stated", "Not applicable"]


def need(path: Path) -> Path:
    if not path.exists():
        if os.environ.get("CI", "").lower() in ("true", "1"):
            raise AssertionError(f"{path} is missing in CI")
        pytest.skip(f"{path} not found")
    return path


@pytest.fixture(scope="module")
def au_2021() -> pd.DataFrame:
    df = pd.read_csv(need(AU / "employment_lga_pow_industry.csv"))
    df = df[(df.year == 2021) & ~df.industry.isin(NON_INDUSTRIES)]
    return df.pivot_table(index="lga_pow", columns="industry", values="employment", aggfunc="sum", fill_value=0).astype(
        float
    )


def expected(name: str, key: str) -> pd.DataFrame:
    return pd.read_csv(need(AU / name)).set_index(key)


def test_location_quotient_matches_econgeo(au_2021: pd.DataFrame) -> None:
    lq = sp.rca(au_2021, zero_rows="drop")
    assert lq.shape == (554, 19)
    exp = pd.read_csv(need(AU / "expected_econgeo_2021_lq.csv"))
    for col, ours, tol in [
        ("location_quotient", lq, 1e-9),
        ("lq_binary", sp.presence(au_2021, zero_rows="drop"), 0.0),
        ("rca_econgeo_rounded2", sp.rca(au_2021, zero_rows="drop", digits=2), 1e-12),
    ]:
        wide = exp.pivot(index="lga_pow", columns="industry", values=col).reindex(index=lq.index, columns=lq.columns)
        err = float(np.abs(ours.to_numpy() - wide.to_numpy()).max())
        assert err <= tol, (col, err)


def test_indices_match_econgeo(au_2021: pd.DataFrame) -> None:
    exact = sp.analyse(au_2021, zero_rows="drop")
    econgeo = sp.analyse(au_2021, zero_rows="drop", convention="econ_geo")
    regions = expected("expected_econgeo_2021_regions.csv", "lga_pow").reindex(exact["regions"].index)
    industries = expected("expected_econgeo_2021_industries.csv", "industry").reindex(exact["activities"].index)
    checks: list[tuple[pd.Series, pd.Series, float]] = [
        (exact["regions"]["location_quotient_avg"], regions["location_quotient_avg"], 1e-9),
        (exact["regions"]["krugman"], regions["krugman_index"], 1e-9),
        (exact["regions"]["specialisation_coefficient"], regions["spec_coeff"], 1e-9),
        (exact["regions"]["hachman"], regions["hachman"], 1e-9),
        (exact["regions"]["herfindahl"], regions["herfindahl"], 1e-9),
        (econgeo["regions"]["entropy"], regions["entropy_log2_rounded3"], 1e-12),
        (exact["regions"]["diversity"], regions["diversity_rca"], 0.0),
        (exact["activities"]["ubiquity"], industries["ubiquity_rca"], 0.0),
        (econgeo["activities"]["gini"], industries["gini"], 1e-12),
        (exact["activities"]["locational_gini"], industries["locational_gini"], 1e-9),
        (econgeo["activities"]["hoover"], industries["hoover_index_pop_employment"], 1e-12),
        (econgeo["activities"]["hoover_gini"], industries["hoover_gini_pop_employment"], 1e-12),
    ]
    for ours, exp, tol in checks:
        err = float(np.abs(ours.to_numpy() - exp.to_numpy()).max())
        assert err <= tol, (ours.name, err)
    # region_indices / activity_indices are the same columns
    pd.testing.assert_frame_equal(sp.region_indices(au_2021, zero_rows="drop"), exact["regions"])
    pd.testing.assert_frame_equal(sp.activity_indices(au_2021, zero_rows="drop"), exact["activities"])


def test_numpy_wide_and_long_forms_agree() -> None:
    rng = np.random.default_rng(7)
    x = rng.integers(0, 50, size=(6, 4)).astype(float) + 1.0
    rows, cols = [f"R{i}" for i in range(6)], [f"A{j}" for j in range(4)]
    wide = pd.DataFrame(x, index=rows, columns=cols)
    arr = sp.rca(x)
    np.testing.assert_array_equal(arr, sp.rca(wide).to_numpy())
    # Fortran-ordered input (what pandas often hands out) gives the same numbers.
    np.testing.assert_array_equal(arr, sp.rca(np.asfortranarray(x)))
    long = wide.stack().rename("value").rename_axis(["region", "activity"]).reset_index()
    out = sp.rca(long)
    assert list(out.columns) == ["region", "activity", "value"]
    np.testing.assert_array_equal(out["value"].to_numpy(), arr.reshape(-1))
    # a panel: one block per year, with the year column
    panel = pd.concat([long.assign(year=2020), long.assign(year=2021, value=long.value * 2)])
    p = sp.presence(panel)
    assert list(p.columns) == ["region", "activity", "year", "value"]
    assert (p.groupby("year")["value"].sum() == sp.presence(x).sum()).all()
    ri = sp.region_indices(panel)
    assert list(ri.columns) == ["region", "year", "index", "value"] and len(ri) == 2 * 6 * 7


def test_policies_and_errors() -> None:
    x = pd.DataFrame({"A": [10.0, 0.0, 3.0], "B": [0.0, 0.0, 0.0], "C": [5.0, 0.0, 7.0]}, index=["R1", "R2", "R3"])
    dropped = sp.rca(x, zero_rows="drop", zero_cols="drop")
    assert list(dropped.index) == ["R1", "R3"] and list(dropped.columns) == ["A", "C"]
    assert np.isnan(sp.rca(x).loc["R2"]).all()
    assert (sp.rca(x, zero_rows="zero", zero_cols="zero").loc["R2"] == 0).all()
    with pytest.raises(cp.EmptyInputError, match="`R2`"):
        sp.rca(x, zero_rows="error")
    with pytest.raises(cp.InvalidParameterError) as e:
        sp.rca(x, zero_rows="sometimes")
    assert getattr(e.value, "name") == "zero_rows" and "`drop`" in getattr(e.value, "reason")
    nan = x.copy()
    nan.loc["R1", "A"] = np.nan
    with pytest.raises(cp.NonFiniteError, match="`R1`"):
        sp.rca(nan)
    assert list(sp.rca(nan, missing="drop", zero_rows="drop").index) == ["R3"]
    with pytest.raises(cp.InvalidParameterError, match="negative"):
        sp.rca(-x)


def test_rpop_and_symmetric() -> None:
    x = np.array([[30.0, 10.0], [10.0, 50.0]])
    assert sp.rpop(x, [100.0, 300.0])[0, 0] == (30 / 100) / (40 / 400)
    s = sp.symmetric_rca(x)
    r = sp.rca(x)
    np.testing.assert_allclose(s, (r - 1) / (r + 1), rtol=0, atol=1e-15)
    pop = pd.Series({"R2": 300.0, "R1": 100.0})
    wide = pd.DataFrame(x, index=["R1", "R2"], columns=["A", "B"])
    assert sp.rpop(wide, pop).loc["R1", "A"] == (30 / 100) / (40 / 400)
    with pytest.raises(cp.InvalidParameterError, match="population"):
        sp.rpop(x, [0.0, 1.0])


def test_variety_and_shift_share() -> None:
    df = pd.DataFrame({"C10": [25.0, 10.0], "C11": [25.0, 10.0], "J62": [50.0, 80.0]}, index=["R1", "R2"])
    v = sp.variety(df, 1)
    np.testing.assert_allclose(v["related_variety"] + v["unrelated_variety"], v["entropy"], rtol=1e-12)
    ent = sp.region_indices(df)["entropy"]
    np.testing.assert_allclose(v["entropy"].to_numpy(), ent.to_numpy(), rtol=1e-12)
    end = df * pd.DataFrame({"C10": [1.5, 0.5], "C11": [1.0, 1.0], "J62": [1.2, 0.9]}, index=["R1", "R2"])
    s = sp.shift_share(df, end)
    total = s[["national_growth", "industry_mix", "regional_shift"]].sum(axis=1)
    np.testing.assert_allclose(total.to_numpy(), s["change"].to_numpy(), rtol=0, atol=1e-9)
    long = pd.concat(
        [
            df.stack().rename("value").rename_axis(["region", "activity"]).reset_index().assign(year=2020),
            end.stack().rename("value").rename_axis(["region", "activity"]).reset_index().assign(year=2021),
        ]
    )
    s2 = sp.shift_share(long)
    np.testing.assert_allclose(s2["regional_shift"].to_numpy(), s["regional_shift"].to_numpy(), rtol=0, atol=1e-12)
    assert (s2["from_year"] == 2020).all() and (s2["to_year"] == 2021).all()


def reference_case(case_id: str) -> dict[str, Any]:
    doc = json.loads(need(SHARED / "reference" / "cluster_mapping.json").read_text())
    case: dict[str, Any] = next(c for c in doc["cases"] if c["id"] == case_id)
    return case


def test_star_rating_worked_example() -> None:
    c = reference_case("eco_three_star_synthetic")
    emp = pd.DataFrame(c["employment"], index=c["regions"], columns=c["categories"])
    s = sp.star_clusters(emp, categories=True, region_totals=c["region_total_employment"])
    e = c["expected"]
    shape = (len(c["regions"]), len(c["categories"]))
    for col, key in [("size_star", "size_star"), ("specialisation_star", "specialisation_star"), ("focus_star", "focus_star"), ("stars", "stars")]:
        np.testing.assert_array_equal(s[col].to_numpy().astype(int).reshape(shape), np.array(e[key]))
    np.testing.assert_allclose(s["location_quotient"].to_numpy().reshape(shape), np.array(e["LQ"]), atol=5e-5)


def test_econgeo_example_and_reat() -> None:
    c = reference_case("econgeo_location_quotient_example")
    x = np.array(c["matrix"])
    np.testing.assert_allclose(sp.rca(x), np.array(c["expected"]["LQ"]), atol=1e-12)
    np.testing.assert_array_equal(sp.presence(x), np.array(c["expected"]["binary_econgeo_semantics_ge1"]))
    r = reference_case("reat_locq_farhauer_kroell")["inputs"]
    m = np.array([[r["e_ij"], r["e_j"] - r["e_ij"]], [r["e_i"] - r["e_ij"], r["e"] - r["e_j"] - r["e_i"] + r["e_ij"]]])
    assert abs(sp.rca(m)[0, 0] - 0.3847623) < 5e-8


def test_embedded_dataset_profile_and_stars() -> None:
    ds = cp.sample_dataset()
    panel = sp.observation_panel(ds)
    last = panel[panel.year == 2021]
    stars = sp.star_clusters(last.drop(columns="year"))
    assert len(stars) == last.region.nunique() * 14 and (stars["stars"] == 3).any()
    s = sp.summarise(ds)
    graz = next(r for r in s["regions"] if r["region"] == "AT22")
    assert any(t["activity"] == "C29" for t in graz["top_specialisations"])
    assert cp.report(ds)["specialisation"] == s
    m = sp.example_nace_mapping()
    assert m["example"] is True and "Not a published definition" in m["source"]
