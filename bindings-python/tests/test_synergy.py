"""Tests of ``clusterpolicy.synergy`` (core ``clusterpolicy::synergy``).

Compared against:

* the worked examples of ../shared/reference/triple_helix_synergy.json (information-theory
  identities on powers of two, exact in floating point: compared with ``==``, as
  tests/tests/synergy_reference.rs does) and link_prediction_similarity.json (NetworkX's
  scores, published to 6 decimals: ``|ours - published| <= 5e-7``);
* slow, obviously correct NumPy implementations written here (entropies from the margins,
  the between-group table aggregated by hand, the cosine of two share vectors): 1e-12, the
  same sums in another order;
* the Rust core itself: the report's synergy section (built in Rust by ``cp.report``) and
  ``summarise`` through the binding must serialise to the same JSON bytes;
* real data: the held-out evaluation on CORDIS (FP7 recommends, Horizon 2020 judges) gives
  the counts of tests/tests/synergy_cordis.rs exactly and the figures quoted in the core's
  docs to half a unit of their last quoted digit.

Skipped with a notice without ../shared (failing when CI=true), as the other binding tests.
"""

from __future__ import annotations

import json
import math
import os
import pickle
from pathlib import Path
from typing import Any, Dict, List

import numpy as np
import pytest

import clusterpolicy as cp
import clusterpolicy.synergy as cs
from clusterpolicy import _native

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


def dumps(x: Any) -> str:
    """JSON bytes of a result (NaN as the token NaN, arrays as lists), key order kept."""
    return json.dumps(x, default=lambda a: a.tolist())


# --- slow reference implementations -----------------------------------------------------


def slow_entropy(p: np.ndarray) -> float:
    p = p[p > 0] / p.sum()
    return float(-(p * np.log2(p)).sum())


def slow_t_uig(c: np.ndarray) -> float:
    return (
        slow_entropy(c.sum(axis=(1, 2)))
        + slow_entropy(c.sum(axis=(0, 2)))
        + slow_entropy(c.sum(axis=(0, 1)))
        - slow_entropy(c.sum(axis=2))
        - slow_entropy(c.sum(axis=1))
        - slow_entropy(c.sum(axis=0))
        + slow_entropy(c)
    )


# --- published worked examples ------------------------------------------------------------


def test_triple_helix_cases_exactly() -> None:
    ref = json.loads(need(REF / "triple_helix_synergy.json").read_text())
    cases = ref["cases"]
    assert len(cases) == 3
    for case in cases:
        counts = np.array(case["counts"], dtype=np.float64)
        th = cs.triple_helix_values(counts)
        expected = case["expected"]
        assert len(expected) == 11, "every published value is checked"
        for name, value in expected.items():
            assert th[name.lower()] == value, (case["id"], name, th[name.lower()])
        # The same through the labelled-table path (a bare array and the dict form), and the
        # nested-list input.
        assert cs.triple_helix(counts) == th
        table = {"u": axis("u", 2), "i": axis("i", 2), "g": axis("g", 2), "counts": case["counts"]}
        assert cs.triple_helix(table) == th
        assert cs.triple_helix_values(case["counts"]) == th
        # Any axis order gives the same T_uig (it is symmetric in u, i, g).
        assert cs.triple_helix_values(np.transpose(counts, (2, 0, 1)))["t_uig"] == th["t_uig"]


def axis(name: str, k: int) -> Dict[str, Any]:
    return {"name": name, "labels": [str(x) for x in range(k)]}


def _graph_dataset(n: int, edges: List[tuple[int, int]]) -> cp.Dataset:
    """A dataset whose projection is the graph: one two-partner project per edge."""
    return cp.Dataset.from_dict(
        {
            "name": "graph",
            "actors": [{"id": str(i), "name": f"node {i}", "country": "SI"} for i in range(n)],
            "projects": [
                {
                    "id": f"P{k}",
                    "title": "edge",
                    "partners": [{"actor": str(a), "role": "partner"}, {"actor": str(b), "role": "partner"}],
                }
                for k, (a, b) in enumerate(edges)
            ],
        }
    )


def test_link_prediction_cases_through_matchmaking() -> None:
    ref = json.loads(need(REF / "link_prediction_similarity.json").read_text())
    case = ref["cases"][0]
    assert case["id"] == "networkx_complete_graph_5"
    ds = _graph_dataset(5, [(a, b) for a in range(5) for b in range(a + 1, 5)])
    expected = case["expected"]
    assert len(expected) == 4, "every published score is checked"
    for method, scores in expected.items():
        for pair, published in scores.items():
            a, b = pair.split("-")
            # NetworkX scores tied pairs too: keep existing partners and same-country ones.
            recs = cs.match_partners(
                ds,
                [("actor", a)],
                link_method=method,
                transnational=False,
                exclude_existing=False,
                k=4,
                candidates=[("actor", b)],
            )
            assert len(recs) == 1 and recs[0]["candidate"] == {"kind": "actor", "id": b}
            assert abs(recs[0]["link_score"] - published) <= 5e-7 + 1e-12, (method, pair, recs[0]["link_score"])


def test_cosine_profile_is_jaffe_proximity() -> None:
    ref = json.loads(need(REF / "link_prediction_similarity.json").read_text())
    assert ref["formulas"]["cosine_profile"].startswith("a.b / (|a||b|)")
    ds = cp.Dataset.from_dict(
        {
            "name": "portfolios",
            "actors": [
                {"id": "A", "name": "A", "country": "SI", "activities": ["C10", "C11", "C20"]},
                {"id": "B", "name": "B", "country": "AT", "activities": ["C11", "C20"]},
            ],
        }
    )
    p = cs.proximity(ds, ("actor", "A"), ("actor", "B"), cognitive="cosine", cognitive_optimum=None)
    a, b = np.array([1, 1, 1]) / 3, np.array([0, 1, 1]) / 2
    cosine = float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))
    assert abs(p["details"]["cognitive_similarity"] - cosine) < 1e-12
    assert p["components"]["cognitive"] == p["details"]["cognitive_similarity"]
    assert p["details"]["shared_activities"] == ["C11", "C20"]
    available = [v for v in p["components"].values() if v is not None]
    assert abs(p["synergy"] - sum(available) / len(available)) < 1e-12  # weights 1
    assert abs(sum(v for v in p["contributions"].values() if v is not None) - p["synergy"]) < 1e-12


# --- slow implementations on the sample dataset and random tables ---------------------------


def test_random_tables_match_slow_numpy_and_the_invariants() -> None:
    rng = np.random.default_rng(2026)
    for trial in range(40):
        shape = tuple(int(k) for k in rng.integers(1, 6, size=3))
        counts = np.floor(rng.exponential(3.0, size=shape)) * (rng.random(shape) < 0.7)
        counts.flat[0] += 1.0  # never all zero
        th = cs.triple_helix_values(counts)
        assert abs(th["t_uig"] - slow_t_uig(counts)) < 1e-12, trial
        assert min(th["t_ui"], th["t_ug"], th["t_ig"]) >= -1e-12  # bilateral terms are >= 0
        # Relabelling the categories (permuting each axis) and scaling the counts change nothing.
        perm = counts[rng.permutation(shape[0])][:, rng.permutation(shape[1])][:, :, rng.permutation(shape[2])]
        assert abs(cs.triple_helix_values(perm)["t_uig"] - th["t_uig"]) < 1e-12
        assert abs(cs.triple_helix_values(3.0 * counts)["t_uig"] - th["t_uig"]) < 1e-12
        # Any grouping of the third axis: T = within + between (Leydesdorff & Strand 2013).
        groups = {str(k): f"G{int(rng.integers(0, 3))}" for k in range(shape[2])}
        d = cs.decompose(counts, groups)
        assert abs(d["within"] + d["between"] - th["t_uig"]) < 1e-12




def test_sample_table_and_decomposition_match_slow_numpy() -> None:
    ds = cp.sample_dataset()
    table = cs.triple_helix_table(ds)
    c = table["counts"]
    assert c.shape == tuple(len(table[k]["labels"]) for k in "uig")
    assert abs(c.sum() - len(ds.to_dict()["actors"])) < 1e-9  # fractional counting: one per actor
    th = cs.triple_helix(table)
    assert abs(th["t_uig"] - slow_t_uig(c)) < 1e-12
    assert th == cs.triple_helix_values(c)
    country = {r["id"]: r["country"] for r in ds.to_dict()["regions"]}
    d = cs.decompose(table, country)
    groups = sorted({country[g] for g in table["g"]["labels"]})
    assert [g["group"] for g in d["groups"]] == groups
    agg = np.zeros(c.shape[:2] + (len(groups),))
    for k, label in enumerate(table["g"]["labels"]):
        agg[:, :, groups.index(country[label])] += c[:, :, k]
    assert abs(d["between"] - slow_t_uig(agg)) < 1e-12
    for g in d["groups"]:
        cols = [k for k, label in enumerate(table["g"]["labels"]) if country[label] == g["group"]]
        sub = c[:, :, cols]
        assert g["units"] == [table["g"]["labels"][k] for k in cols]
        assert abs(g["weight"] - sub.sum() / c.sum()) < 1e-12
        assert abs(g["synergy"]["t_uig"] - slow_t_uig(sub)) < 1e-12
    assert abs(d["within"] + d["between"] - d["total"]["t_uig"]) < 1e-12
    # The dataset-level decomposition is the same computation (its groups are canonical
    # country codes: GR where the regions say EL).
    by_country = cs.triple_helix_decomposition(ds)
    for key in ("total", "within", "between", "between_table"):
        assert by_country[key] == d[key], key
    canonical = {"EL": "GR"}
    assert {canonical.get(g["group"], g["group"]): g["contribution"] for g in d["groups"]} == {
        g["group"]: g["contribution"] for g in by_country["groups"]
    }
    frame = cs.decomposition_frame(d)
    assert list(frame.index) == groups and np.allclose(frame["contribution"], [g["contribution"] for g in d["groups"]])


def test_proximity_matrix_context_and_pairs_agree() -> None:
    ds = cp.sample_dataset()
    subjects = [("cluster", c["id"]) for c in ds.to_dict()["clusters"][:4]]
    m = cs.proximity_matrix(ds, subjects)
    assert m["ids"] == [s[1] for s in subjects] and m["synergy"].shape == (4, 4)
    assert len(m["pairs"]) == 6
    ctx = cs.SynergyContext(ds)
    pairs = [(subjects[i], subjects[j]) for i in range(4) for j in range(4)]
    many = ctx.proximities(pairs)
    for (a, b), p in zip(pairs, many):
        i, j = subjects.index(a), subjects.index(b)
        assert p["synergy"] == m["synergy"][i, j]
        assert 0.0 <= p["synergy"] <= 1.0
    # Symmetric with the default (symmetric) relatedness.
    assert np.allclose(m["synergy"], m["synergy"].T, atol=1e-12)
    one = cs.proximity(ds, subjects[0], subjects[1])
    assert dumps(one) == dumps(m["pairs"][0]) == dumps(many[1])
    assert dumps(ctx.matrix(subjects)) == dumps(m)
    net, _ = cp.network.projection(ds)
    assert ctx.network() == net
    stable = cs.SynergyContext(ds, projection={"min_joint_projects": 2})
    assert stable.network().edge_count < net.edge_count
    assert dumps(stable.match_partners([subjects[0]], k=2)) == dumps(
        cs.match_partners(ds, [subjects[0]], k=2, proximity={"projection": {"min_joint_projects": 2}})
    )


# --- the Rust result ------------------------------------------------------------------------


def _report_rca(ds: cp.Dataset) -> Any:
    """The RCA the report feeds to the synergy section: the latest year of the employment
    observations, in the core's row and column order."""
    pd = pytest.importorskip("pandas")
    import clusterpolicy.specialisation as sp

    years, rows, cols, values = _native.observation_panel(ds, "employment")
    latest = pd.DataFrame(values[int(np.argmax(years))], index=rows, columns=cols)
    return sp.rca(latest)


def test_summarise_equals_the_report_section_built_in_rust() -> None:
    ds = cp.sample_dataset()
    ours = cs.summarise(ds, _report_rca(ds))
    theirs = cp.report(ds)["synergy"]
    assert dumps(ours) == dumps(theirs)
    assert len(ours["sample_actors"]) == 5
    # Without the matrix the parts that do not use it are the same.
    plain = cs.summarise(ds)
    for key in ("triple_helix", "sample_actors", "recommendations", "impact"):
        assert dumps(plain[key]) == dumps(theirs[key]), key
    # The parts equal the functions called with the section's options.
    assert dumps(plain["triple_helix"]) == dumps(cs.triple_helix_decomposition(ds, bootstrap={"replicates": 200}))
    recs = cs.match_partners(ds, [("actor", a) for a in plain["sample_actors"]], k=3)
    assert dumps(recs) == dumps(plain["recommendations"])


def test_joint_priorities_initiatives_and_impact_on_the_sample() -> None:
    ds = cp.sample_dataset()
    rca = _report_rca(ds)
    jp = cs.joint_priorities(ds, rca)
    scores = [p["score"] for p in jp["priorities"]]
    assert scores == sorted(scores, reverse=True) and all(0.0 <= s <= 1.0 for s in scores)
    # The (rows, cols, values) form is the same matrix.
    as_tuple = (list(rca.index), list(rca.columns), rca.to_numpy())
    assert dumps(cs.joint_priorities(ds, as_tuple)) == dumps(jp)
    long = rca.stack().rename("value").rename_axis(["region", "activity"]).reset_index()
    assert dumps(cs.joint_priorities(ds, long)) == dumps(jp)
    pl = pytest.importorskip("polars")
    as_polars = pl.DataFrame({c: long[c].to_numpy() for c in long.columns})
    assert dumps(cs.joint_priorities(ds, as_polars)) == dumps(jp)
    ini = cs.design_initiative(ds, budget=4)
    members = [m["subject"] for m in ini["members"]]
    assert len(members) == 4
    objectives = [m["objective"] for m in ini["members"]]
    assert objectives == sorted(objectives)  # greedy steps never lower the objective
    values = cs.evaluate_initiatives(ds, [members[:k] for k in range(1, 5)], budget=4)
    assert values[-1]["objective"] == pytest.approx(ini["value"]["objective"], abs=1e-12)
    assert [v["objective"] for v in values] == pytest.approx(objectives, abs=1e-12)
    im = cs.synergy_impact(ds, (2007, 2013), {"start_year": 2014, "end_year": 2020}, bootstrap={"replicates": 40})
    t = {m["measure"]: m for m in im["measures"]}
    assert set(t) >= {"t_uig", "t_ui", "t_ug", "t_ig"}
    assert t["t_uig"]["change"]["estimate"] == t["t_uig"]["after"]["estimate"] - t["t_uig"]["before"]["estimate"]


def test_match_actors_and_heldout_evaluation() -> None:
    def mk(name: str, projects: List[tuple[str, str]]) -> cp.Dataset:
        return cp.Dataset.from_dict(
            {
                "name": name,
                "actors": [{"id": a, "name": a.upper(), "country": "SI"} for a in "abcd"],
                "projects": [
                    {"id": p, "title": p, "partners": [{"actor": x, "role": "partner"} for x in who]}
                    for p, who in projects
                ],
            }
        )

    before = mk("before", [("P1", "ab"), ("P2", "bc"), ("P3", "cd")])
    after = mk("after", [("Q1", "ac"), ("Q2", "bd")])
    m = cs.match_actors(before, after)
    assert (m["by_id"], m["by_name"], len(m["pairs"])) == (4, 0, 4)
    e = cs.heldout_evaluation(before, after)
    assert (e["population"], e["new_ties"]) == (4, 2)
    cn = next(p for p in e["predictors"] if p["predictor"] == "common_neighbours")
    assert cn["auc"] == 1.0  # a-c and b-d share a partner, a-d does not
    assert dumps(cs.heldout_evaluation(before, after, m)) == dumps(e)


#: (AUC, average precision, precision@10, recall@10, precision@20, recall@20) per predictor
#: as quoted in the core's module docs (tests/tests/synergy_cordis.rs checks them in Rust).
CORDIS_TABLE = {
    "matchmaking": (0.793, 0.061, 0.095, 0.061, 0.079, 0.098),
    "adamic_adar": (0.772, 0.058, 0.096, 0.059, 0.080, 0.097),
    "resource_allocation": (0.780, 0.059, 0.094, 0.059, 0.078, 0.096),
    "common_neighbours": (0.767, 0.051, 0.094, 0.058, 0.078, 0.095),
    "proximity_synergy": (0.718, 0.025, 0.031, 0.022, 0.028, 0.038),
    "preferential_attachment": (0.705, 0.042, 0.072, 0.042, 0.059, 0.068),
    "jaccard": (0.707, 0.033, 0.052, 0.030, 0.043, 0.048),
}


def test_cordis_heldout_evaluation_reproduces_the_documented_figures() -> None:
    """FP7 recommends, Horizon 2020 judges (real data, ../shared/data). The evaluation is
    deterministic: counts exact, quoted figures to half a unit of their last digit."""
    data = need(SHARED / "data" / "cordis-fp7-sod16").parent
    fp7 = cp.model.read_partnerships(
        data / "cordis-fp7-sod16/fp7_project_org_edges.tsv",
        data / "cordis-fp7-sod16/fp7_orgs_nuts.tsv",
        spec="cordis_fp7_sod",
    ).to_dataset("fp7")
    h2020 = cp.model.read_partnerships(
        need(data / "cordis-h2020-sod16") / "edges.csv",
        data / "cordis-h2020-sod16/unique_org.csv",
        data / "cordis-h2020-sod16/projects.csv",
        spec="cordis_h2020_sod",
    ).to_dataset("h2020")
    m = cs.match_actors(fp7, h2020)
    assert (m["by_id"], m["by_name"], m["ambiguous_names"], len(m["pairs"])) == (1_524, 4_336, 43, 5_860)
    assert all((p["rule"] == "id") == (p["a"] == p["b"]) for p in m["pairs"])
    e = cs.heldout_evaluation(fp7, h2020, m)
    assert (e["matched"], e["population"], e["ties_before"]) == (5_860, 5_606, 206_793)
    assert (e["ties_after"], e["new_ties"], e["repeated_ties"], e["queries"]) == (96_003, 54_382, 41_621, 5_455)
    assert abs(e["positive_rate"] - 0.0037) <= 0.5e-4
    scores = {p["predictor"]: p for p in e["predictors"]}
    for name, quoted in CORDIS_TABLE.items():
        p = scores[name]
        at = {a["k"]: a for a in p["at_k"]}
        ours = (p["auc"], p["average_precision"], at[10]["precision"], at[10]["recall"], at[20]["precision"], at[20]["recall"])
        for value, q in zip(ours, quoted):
            assert abs(value - q) <= 0.5e-3 + 1e-12, (name, value, q)


# --- determinism, errors, pickling ----------------------------------------------------------


def test_same_seed_same_bytes() -> None:
    counts = np.array([[[30.0, 2.0], [3.0, 25.0]], [[4.0, 28.0], [27.0, 1.0]]])
    a = cs.triple_helix_bootstrap(counts, replicates=300, seed=7)
    b = cs.triple_helix_bootstrap(counts, replicates=300, seed=7)
    c = cs.triple_helix_bootstrap(counts, replicates=300, seed=8)
    assert dumps(a) == dumps(b) and dumps(a) != dumps(c)
    assert a["estimate"] == cs.triple_helix_values(counts)
    p = cs.triple_helix_bootstrap(counts, replicates=300, seed=7, method="percentile")
    # Basic and percentile intervals mirror each other around the estimate.
    t = a["estimate"]["t_uig"]
    assert p["t_uig"]["lower"] == pytest.approx(2 * t - a["t_uig"]["upper"], abs=1e-12)
    ds = cp.sample_dataset()
    d1 = cs.triple_helix_decomposition(ds, bootstrap={"replicates": 60, "seed": 3})
    d2 = cs.triple_helix_decomposition(ds, bootstrap={"replicates": 60, "seed": 3})
    assert dumps(d1) == dumps(d2)
    assert dumps(cs.design_initiative(ds, budget=3)) == dumps(cs.design_initiative(ds, budget=3))


def test_errors_name_the_offending_item() -> None:
    with pytest.raises(cp.ShapeMismatchError) as shape:
        cs.triple_helix_values(np.ones((2, 2)))
    assert shape.value.what == "counts"
    bad = np.ones((2, 2, 2))
    bad[1, 0, 1] = np.nan
    with pytest.raises(cp.NonFiniteError) as nan:
        cs.triple_helix_values(bad)
    assert nan.value.at == "cell (1, 0, 1)"
    bad[1, 0, 1] = -1.0
    with pytest.raises(cp.InvalidParameterError) as neg:
        cs.triple_helix_values(bad)
    assert neg.value.name == "counts" and "(1, 0, 1)" in str(neg.value)
    with pytest.raises(cp.EmptyInputError):
        cs.triple_helix_values(np.zeros((2, 2, 2)))
    with pytest.raises(cp.InvalidParameterError) as method:
        cs.triple_helix_bootstrap(np.ones((2, 2, 2)), method="bogus")
    assert "basic" in str(method.value) and "percentile" in str(method.value)
    assert method.value.name == "method"
    with pytest.raises(cp.InvalidParameterError) as reps:
        cs.triple_helix_bootstrap(np.ones((2, 2, 2)), replicates=1)
    assert reps.value.name == "replicates"
    ds = cp.sample_dataset()
    with pytest.raises(cp.UnknownLabelError) as unknown:
        cs.proximity(ds, ("cluster", "CL-001"), ("cluster", "NOPE"))
    assert (unknown.value.kind, unknown.value.id) == ("cluster", "NOPE")
    with pytest.raises(cp.InvalidParameterError) as kind:
        cs.match_partners(ds, [("galaxy", "M31")])
    assert "galaxy" in str(kind.value) and "cluster" in str(kind.value)
    with pytest.raises(cp.InvalidParameterError) as option:
        cs.match_partners(ds, [("cluster", "CL-001")], link_method="telepathy")
    assert option.value.name == "link_method" and "adamic_adar" in str(option.value)
    with pytest.raises(cp.InvalidParameterError) as typo:
        cs.proximity(ds, ("region", "SI04"), ("region", "HR05"), weigths={"social": 2})
    assert typo.value.name == "weigths"
    with pytest.raises(cp.InvalidParameterError) as weight:
        cs.SynergyContext(ds, weights={"social": -1.0})
    assert weight.value.name == "weights.social"
    with pytest.raises(cp.UnknownLabelError) as group:
        cs.decompose(cs.triple_helix_table(ds), {"SI04": "SI"})
    assert group.value.id != "SI04"
    with pytest.raises(cp.ShapeMismatchError):
        cs.triple_helix({"u": {"name": "u", "labels": ["a"]}, "i": {"name": "i", "labels": ["b"]},
                         "g": {"name": "g", "labels": ["c", "d"]}, "counts": [[[1.0]]]})
    with pytest.raises(cp.InvalidParameterError) as groups:
        cs.triple_helix_decomposition(ds, groups="region")
    assert groups.value.name == "groups"
    with pytest.raises(cp.NonFiniteError):
        cs.joint_priorities(ds, (["SI04"], ["C10"], np.array([[np.nan]])))
    with pytest.raises(cp.InvalidParameterError) as before:
        cs.synergy_impact(ds, (2013, 2007), (2014, 2020))
    assert before.value.name == "before"
    with pytest.raises(TypeError):
        cs.proximity(ds, "CL-001", ("cluster", "CL-002"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cs.triple_helix(None)


def test_results_and_context_pickle() -> None:
    ds = cp.sample_dataset()
    objs: List[Any] = [
        cs.triple_helix_values(np.ones((2, 2, 2))),
        cs.triple_helix_table(ds),
        cs.triple_helix_decomposition(ds),
        cs.proximity_matrix(ds, [("region", "SI04"), ("region", "HR05")]),
        cs.design_initiative(ds, budget=2),
    ]
    for obj in objs:
        back = pickle.loads(pickle.dumps(obj))
        assert type(back) is type(obj) and dumps(back) == dumps(obj)
        assert "<table>" in back._repr_html_()
    ctx = cs.SynergyContext(ds, distance_decay_km=150.0)
    back_ctx = pickle.loads(pickle.dumps(ctx))
    assert back_ctx.params == ctx.params and back_ctx.dataset == ds
    pair = (("region", "SI04"), ("region", "HR05"))
    assert dumps(back_ctx.proximity(*pair)) == dumps(ctx.proximity(*pair))
    assert math.isclose(ctx.proximity(*pair)["components"]["geographical"],
                        math.exp(-ctx.proximity(*pair)["details"]["distance_km"] / 150.0), rel_tol=1e-12)
