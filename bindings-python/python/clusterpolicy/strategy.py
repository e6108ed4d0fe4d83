"""Strategy evaluation and policy learning: multi-criteria decision analysis (weighted sum and
product, TOPSIS, VIKOR, PROMETHEE II, AHP), weight sensitivity and SMAA-2, foresight scenario
rules, target monitoring, pilot evaluation (difference-in-differences), peer regions, evidence
feedback, a knowledge-hub query and programme monitoring.

The multi-criteria functions take the decision matrix (options in rows, criteria in columns)
as a NumPy array or a pandas DataFrame, one weight per criterion, and one type per criterion
(``"benefit"`` / ``"cost"`` or pymcdm's ``1`` / ``-1``). They return a dict of NumPy arrays;
when the matrix is a DataFrame the dict also holds ``"options"``, its index. Weights are
normalised to sum 1; ranks are 1 = best, with exactly tied scores sharing the smallest rank.

All computations run in Rust (the core crate's ``strategy`` module); errors are the package's
exception classes (``InvalidParameterError`` names a bad option and lists the allowed values).

>>> import numpy as np
>>> import clusterpolicy.strategy as cs
>>> x = np.array([[2.0, 1500, 20000, 5.5, 5, 9], [2.5, 2700, 18000, 6.5, 3, 5],
...               [1.8, 2000, 21000, 4.5, 7, 7], [2.2, 1800, 20000, 5.0, 5, 5]])
>>> w = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3]
>>> t = [1, 1, 1, -1, 1, 1]
>>> r = cs.topsis(x, w, t)
>>> r["closeness"].round(3), r["rank"]
(array([0.643, 0.268, 0.614, 0.312]), array([1, 4, 2, 3]))
>>> cs.vikor(x, w, t)["compromise"]
[0, 2]
"""

from __future__ import annotations

import importlib
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from clusterpolicy import _native
from clusterpolicy._convert import accept_polars, float_array, invalid
from clusterpolicy._convert import matrix as as_matrix
from clusterpolicy._native import Dataset
from clusterpolicy._progress import Progress, reporter
from clusterpolicy._results import Result

__all__ = [
    "normalise",
    "weighted_sum",
    "weighted_product",
    "topsis",
    "vikor",
    "promethee_ii",
    "ahp",
    "weight_breakpoints",
    "smaa",
    "scenario_rules",
    "achievement_rate",
    "scoreboard",
    "did_two_period",
    "did_panel",
    "before_after",
    "pilot_panel",
    "peer_distances",
    "nearest_peers",
    "region_profiles",
    "pool_evidence",
    "evidence_feedback",
    "knowledge_hub",
    "scenario_payoffs",
    "programme_monitoring",
    "project_monitoring",
    "summary",
]

Matrix = Any  # numpy.ndarray | pandas.DataFrame | nested sequences
Types = Union[Sequence[str], Sequence[float], Any]


def _split(matrix: Matrix) -> Tuple[np.ndarray, Optional[List[Any]], Optional[List[Any]]]:
    """(float64 C-contiguous values, row labels, column labels) of an array or DataFrame."""
    if type(matrix).__name__ == "DataFrame" and hasattr(matrix, "columns"):
        return as_matrix(matrix, "matrix"), list(matrix.index), list(matrix.columns)
    return as_matrix(matrix, "matrix"), None, None


def _types(types: Types) -> Any:
    if isinstance(types, (list, tuple)) and types and isinstance(types[0], str):
        return list(types)
    return float_array(types, "types")


def _weights(weights: Any) -> np.ndarray:
    if type(weights).__name__ == "Series":
        weights = weights.to_numpy()
    return float_array(weights, "weights")


def _number(x: Any, name: str) -> float:
    if isinstance(x, (str, bytes)) or x is None:
        raise TypeError(f"{name}: expected a number, got {type(x).__name__}")
    return float(x)


def _int(x: Any, name: str) -> int:
    if isinstance(x, (str, bytes, float)) or x is None:
        raise TypeError(f"{name}: expected an integer, got {type(x).__name__}")
    return int(x)


def _labelled(result: Dict[str, Any], options: Optional[List[Any]], title: str = "MCDA") -> Dict[str, Any]:
    out = result if isinstance(result, Result) else Result(result, title=title)
    if options is not None:
        out["options"] = options
    return out


def normalise(matrix: Matrix, types: Types, method: str = "vector") -> Any:
    """The normalised matrix (pymcdm's formulas): ``vector``, ``min_max``, ``sum``, ``max``,
    ``linear``, ``nonlinear``, ``logarithmic``, ``enhanced_accuracy``, ``zavadskas_turskis``,
    ``none``. A DataFrame in gives a DataFrame out.

    >>> normalise([[1.0], [2.0], [5.0]], ["benefit"], "min_max").ravel().tolist()
    [0.0, 0.25, 1.0]
    """
    values, rows, cols = _split(matrix)
    out = _native.normalise_array(values, _types(types), method)
    if rows is not None:
        pd: Any = importlib.import_module("pandas")
        return pd.DataFrame(out, index=rows, columns=cols, copy=False)
    return out


def weighted_sum(matrix: Matrix, weights: Any, types: Types, *, normalisation: str = "linear") -> Dict[str, Any]:
    """Weighted sum (SAW): ``{"scores", "rank"}``; default normalisation ``linear`` (x/max,
    cost min/x); pymcdm's ``WSM()`` uses ``sum``.

    >>> x = [[2.0, 1500, 20000], [2.5, 2700, 18000], [1.8, 2000, 21000]]
    >>> weighted_sum(x, [0.4, 0.3, 0.3], ["benefit", "cost", "benefit"])["rank"]
    array([1, 2, 3])
    """
    values, rows, _ = _split(matrix)
    r = _native.weighted_sum_array(values, _weights(weights), _types(types), normalisation=normalisation)
    return _labelled(r, rows)


def weighted_product(matrix: Matrix, weights: Any, types: Types, *, normalisation: str = "linear") -> Dict[str, Any]:
    """Weighted product: ``{"scores", "rank"}``.

    >>> x = [[2.0, 1500, 20000], [2.5, 2700, 18000], [1.8, 2000, 21000]]
    >>> weighted_product(x, [0.4, 0.3, 0.3], ["benefit", "cost", "benefit"])["rank"]
    array([1, 3, 2])
    """
    values, rows, _ = _split(matrix)
    r = _native.weighted_product_array(values, _weights(weights), _types(types), normalisation=normalisation)
    return _labelled(r, rows)


def topsis(matrix: Matrix, weights: Any, types: Types, *, normalisation: str = "vector") -> Dict[str, Any]:
    """TOPSIS: ``{"closeness", "d_plus", "d_minus", "rank"}``; default vector normalisation
    (Hwang & Yoon); pymcdm's ``TOPSIS()`` default is ``min_max``.

    >>> import pandas as pd
    >>> x = pd.DataFrame({"jobs": [2.0, 2.5, 1.8], "cost": [1500, 2700, 2000]}, index=["A", "B", "C"])
    >>> r = topsis(x, [0.5, 0.5], ["benefit", "cost"])
    >>> r["options"], r["rank"]
    (['A', 'B', 'C'], array([1, 3, 2]))
    """
    values, rows, _ = _split(matrix)
    r = _native.topsis_array(values, _weights(weights), _types(types), normalisation=normalisation)
    return _labelled(r, rows)


def vikor(matrix: Matrix, weights: Any, types: Types, *, v: float = 0.5) -> Dict[str, Any]:
    """VIKOR: S, R, Q (lower is better), ranks, DQ, conditions C1/C2 and the compromise set
    (option indices, best Q first).

    >>> x = [[2.0, 1500, 20000], [2.5, 2700, 18000], [1.8, 2000, 21000]]
    >>> r = vikor(x, [0.4, 0.3, 0.3], ["benefit", "cost", "benefit"])
    >>> r["rank"], r["compromise"]
    (array([1, 2, 3]), [0])
    """
    values, rows, _ = _split(matrix)
    r = _native.vikor_array(values, _weights(weights), _types(types), v=v)
    return _labelled(r, rows)


def promethee_ii(
    matrix: Matrix,
    weights: Any,
    types: Types,
    *,
    functions: Union[str, Sequence[str], None] = None,
    q: Optional[Sequence[float]] = None,
    p: Optional[Sequence[float]] = None,
    s: Optional[Sequence[float]] = None,
    pairwise: bool = False,
) -> Dict[str, Any]:
    """PROMETHEE II net flows. ``functions``: one name or one per criterion of ``usual``,
    ``ushape``, ``vshape``, ``level``, ``linear`` (pymcdm's ``vshape_2``), ``gaussian``;
    thresholds ``q``, ``p``, ``s`` one per criterion where needed; ``pairwise=True`` adds
    the matrix ``pi``.

    >>> x = [[2.0, 1500, 20000], [2.5, 2700, 18000], [1.8, 2000, 21000]]
    >>> r = promethee_ii(x, [0.4, 0.3, 0.3], ["benefit", "cost", "benefit"])
    >>> r["phi_net"].round(3), r["rank"]
    (array([ 0.3, -0.2, -0.1]), array([1, 3, 2]))
    """
    values, rows, _ = _split(matrix)
    kw: Dict[str, Any] = {"pairwise": pairwise}
    if functions is not None:
        kw["functions"] = [functions] if isinstance(functions, str) else list(functions)
    for name, val in (("q", q), ("p", p), ("s", s)):
        if val is not None:
            kw[name] = [float(x) for x in val]
    r = _native.promethee_ii_array(values, _weights(weights), _types(types), **kw)
    return _labelled(r, rows)


def ahp(matrix: Matrix, **options: Any) -> Dict[str, Any]:
    """AHP weights, lambda-max, CI, RI, CR and ``consistent`` (CR < threshold) of a pairwise
    comparison matrix. Options: ``method`` (``eigenvector``, ``geometric_mean``,
    ``column_mean``), ``random_index`` (``saaty``, ``tummala_ling``), ``threshold`` (0.1),
    ``reciprocity_tolerance`` (1e-6).

    >>> r = ahp([[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]])
    >>> [round(w, 4) for w in r["weights"]], round(r["cr"], 4), r["consistent"]
    ([0.637, 0.2583, 0.1047], 0.0332, True)
    """
    values, _, _ = _split(matrix)
    return Result(_native.ahp_array(values, **options), title="AHP")


def weight_breakpoints(matrix: Matrix, weights: Any, types: Types, **options: Any) -> Dict[str, Any]:
    """Exact one-at-a-time weight breakpoints of the weighted sum (or product): per
    criterion, the weight intervals with their best option and the nearest changes.

    >>> x = [[2.0, 1500, 20000], [2.5, 2700, 18000], [1.8, 2000, 21000]]
    >>> bp = weight_breakpoints(x, [0.4, 0.3, 0.3], ["benefit", "cost", "benefit"])
    >>> bp["top"], bp["most_sensitive"], len(bp["criteria"])
    (0, 1, 3)
    """
    values, _, _ = _split(matrix)
    return Result(_native.weight_breakpoints_array(values, _weights(weights), _types(types), **options), title="Weight breakpoints")


def smaa(matrix: Matrix, types: Types, *, progress: Progress = None, **options: Any) -> Dict[str, Any]:
    """SMAA-2 rank acceptability (options x ranks), central weights, confidence factors and
    holistic acceptability. Options: ``samples`` (10 000), ``seed`` (0), ``sampling``
    (``uniform`` or ``around`` with ``weights`` and ``concentration``), ``normalisation``
    (``min_max``), ``method`` (``monte_carlo`` or ``exact`` for two criteria),
    ``meta_weights``. ``progress``: a callable ``progress(done, total)`` (samples drawn),
    ``False``, or ``None`` for a tqdm bar when tqdm is installed (see
    ``clusterpolicy._progress``). Runs without the GIL, on all cores.

    >>> r = smaa([[1.0, 0.0], [0.0, 1.0], [0.6, 0.6]], ["benefit", "benefit"], samples=2000, seed=1,
    ...          progress=False)
    >>> r["rank_acceptability"].sum(axis=0).round(12).tolist()
    [1.0, 1.0, 1.0]
    >>> seen = []
    >>> _ = smaa([[1.0, 0.0], [0.0, 1.0]], ["benefit", "benefit"], samples=4096,
    ...          progress=lambda done, total: seen.append(done))
    >>> seen[0], seen[-1]
    (0, 4096)
    """
    values, rows, _ = _split(matrix)
    if "weights" in options:
        options["weights"] = [float(x) for x in options["weights"]]
    with reporter(progress, "SMAA") as cb:
        r = _native.smaa_array(values, _types(types), cb, **options)
    return _labelled(Result(r, title="SMAA-2"), rows)


def scenario_rules(payoff: Matrix, **options: Any) -> Dict[str, Any]:
    """Expected value, Laplace, maximin, maximax, Hurwicz, regret and a robust ranking of
    options (rows) under scenarios (columns). Options: ``probabilities``, ``hurwicz_alpha``.

    >>> r = scenario_rules([[10, 2], [6, 6], [3, 9]])
    >>> r["maximin"], r["maximax"]
    ([2.0, 6.0, 3.0], [10.0, 6.0, 9.0])
    """
    values, rows, _ = _split(payoff)
    return _labelled(Result(_native.scenario_rules_array(values, **options), title="Scenario rules"), rows)


def achievement_rate(baseline: float, target: float, actual: float) -> Optional[float]:
    """``(actual - baseline) / (target - baseline)``; ``None`` when target equals baseline.

    >>> achievement_rate(40, 100, 85)
    0.75
    """
    return _native.achievement_rate(_number(baseline, "baseline"), _number(target, "target"), _number(actual, "actual"))


def scoreboard(dataset: Dataset, strategy: str, **options: Any) -> Dict[str, Any]:
    """Every target of a strategy with its actual value, achievement and status.

    >>> import clusterpolicy as cp
    >>> board = scoreboard(cp.sample_dataset(), "S3-AL")
    >>> len(board["rows"]), board["counts"]
    (19, {'achieved': 1, 'on_track': 9, 'no_data': 9})
    """
    return Result(_native.strategy_scoreboard(dataset, strategy, **options), title="Scoreboard")


def _observations(data: Any) -> List[Dict[str, Any]]:
    if type(data).__name__ == "DataFrame":
        missing = [c for c in ("unit", "time", "outcome", "treated") if c not in data.columns]
        if missing:
            raise invalid("observations", f"the DataFrame lacks the column(s) {', '.join(missing)}")
        return [
            {"unit": str(r["unit"]), "time": int(r["time"]), "outcome": float(r["outcome"]), "treated": bool(r["treated"])}
            for r in data.to_dict("records")
        ]
    return list(data)


def did_two_period(observations: Any, **options: Any) -> Dict[str, Any]:
    """Two-period difference-in-differences of ``{unit, time, outcome, treated}`` records
    (a list of dicts or a DataFrame with those columns), with cluster-robust inference.

    >>> obs = [{"unit": u, "time": t, "outcome": y, "treated": d} for u, t, y, d in [
    ...     ("a", 0, 1.0, False), ("a", 1, 3.0, True), ("b", 0, 1.0, False), ("b", 1, 1.5, False),
    ...     ("c", 0, 2.0, False), ("c", 1, 4.5, True), ("d", 0, 2.0, False), ("d", 1, 2.0, False)]]
    >>> did_two_period(obs)["did"]["estimate"]
    2.0
    """
    return Result(_native.did_two_period(_observations(observations), **options), title="Difference-in-differences (two periods)")


def did_panel(observations: Any, **options: Any) -> Dict[str, Any]:
    """Two-way fixed-effects difference-in-differences with standard errors clustered by unit
    (as statsmodels OLS with unit and time dummies, ``cov_type="cluster"``).

    >>> obs = [{"unit": u, "time": t, "outcome": y, "treated": d} for u, t, y, d in [
    ...     ("a", 0, 1.0, False), ("a", 1, 3.0, True), ("b", 0, 1.0, False), ("b", 1, 1.5, False),
    ...     ("c", 0, 2.0, False), ("c", 1, 4.5, True), ("d", 0, 2.0, False), ("d", 1, 2.0, False)]]
    >>> r = did_panel(obs)
    >>> r["estimate"], r["clusters"]
    (2.0, 4)
    """
    return Result(_native.did_panel(_observations(observations), **options), title="Difference-in-differences (TWFE)")


def before_after(observations: Any, cut: int) -> Dict[str, Any]:
    """Before/after comparison of units observed on both sides of ``cut`` (paired t-test).

    >>> obs = [{"unit": u, "time": t, "outcome": y, "treated": True} for u, t, y in [
    ...     ("a", 0, 1.0), ("a", 1, 3.0), ("b", 0, 2.0), ("b", 1, 2.5)]]
    >>> before_after(obs, 1)["change"]
    1.25
    """
    return Result(_native.before_after(_observations(observations), _int(cut, "cut")), title="Before/after")


def pilot_panel(dataset: Dataset, **options: Any) -> List[Dict[str, Any]]:
    """The pilot-evaluation panel of a dataset: regions of a programme area, treated from their
    first project of the programme. Options: ``programme``, ``indicator``, ``log``.

    >>> import clusterpolicy as cp
    >>> rows = pilot_panel(cp.sample_dataset())
    >>> sorted(rows[0])
    ['outcome', 'time', 'treated', 'unit']
    """
    return list(_native.pilot_panel(dataset, **options))


def peer_distances(data: Matrix, dimensions: Optional[Mapping[str, Sequence[str]]] = None, *,
                   weights: Optional[Mapping[str, float]] = None, regions: Optional[Sequence[str]] = None,
                   variables: Optional[Sequence[str]] = None) -> Dict[str, Any]:
    """Structural distances between regions (rows) on standardised variables (columns),
    grouped in ``dimensions`` (name -> variables; default one per variable) with optional
    dimension ``weights``. A DataFrame gives the labels.

    >>> import pandas as pd
    >>> profiles = pd.DataFrame({"gdp": [1.0, 2.0, 10.0], "jobs": [1.0, 2.5, 9.0]}, index=["R1", "R2", "R3"])
    >>> d = peer_distances(profiles)
    >>> d["regions"], [p["region"] for p in nearest_peers(d, "R1", 2)]
    (['R1', 'R2', 'R3'], ['R2', 'R3'])
    """
    values, rows, cols = _split(data)
    rows = [str(r) for r in (rows if rows is not None else regions or range(values.shape[0]))]
    cols = [str(c) for c in (cols if cols is not None else variables or range(values.shape[1]))]
    dims = None
    if dimensions is not None:
        dims = [{"name": k, "variables": list(v), "weight": float((weights or {}).get(k, 1.0))} for k, v in dimensions.items()]
    return Result(_native.peer_distances_array(values, rows, cols, dims), title="Peer distances")


def nearest_peers(distances: Mapping[str, Any], region: str, k: int = 5) -> List[Dict[str, Any]]:
    """The ``k`` nearest peers of ``region``, nearest first, with the dimensions that make
    them close.

    >>> import pandas as pd
    >>> d = peer_distances(pd.DataFrame({"gdp": [1.0, 2.0, 10.0]}, index=["R1", "R2", "R3"]))
    >>> nearest_peers(d, "R3", 1)[0]["region"]
    'R2'
    """
    if not isinstance(distances, Mapping):
        raise TypeError(f"distances: expected the dict of peer_distances(), got {type(distances).__name__}")
    return list(_native.nearest_peers(dict(distances), region, _int(k, "k")))


def region_profiles(dataset: Dataset, year: Optional[int] = None) -> Tuple[Any, Dict[str, List[str]]]:
    """Structural profiles of a dataset's regions as a DataFrame (or an array without
    pandas) and the default dimensions (name -> variables).

    >>> import clusterpolicy as cp
    >>> profiles, dimensions = region_profiles(cp.sample_dataset())
    >>> profiles.shape, sorted(dimensions)[:2]
    ((83, 8), ['economic_structure', 'innovation'])
    """
    values, rows, cols, dims = _native.region_profiles(dataset, year)
    dimensions = {d["name"]: list(d["variables"]) for d in dims}
    try:
        pd: Any = importlib.import_module("pandas")
        return pd.DataFrame(values, index=rows, columns=cols, copy=False), dimensions
    except ImportError:  # pragma: no cover
        return values, dimensions


def pool_evidence(evidence: Sequence[Mapping[str, Any]], prior: Optional[Tuple[float, float]] = None,
                  **options: Any) -> Dict[str, Any]:
    """Precision-weighted pooling of evidence records (the dataset's ``evidence`` form), with
    GRADE quality weights; a normal-normal update of ``prior = (mean, sd)`` when given.

    >>> import clusterpolicy as cp
    >>> pooled = pool_evidence(cp.sample_dataset().to_dict()["evidence"][:3])
    >>> sorted(pooled)[:4]
    ['contributions', 'mean', 'prior_mean', 'prior_sd']
    """
    return Result(_native.pool_evidence(list(evidence), prior, **options), title="Pooled evidence")


def evidence_feedback(dataset: Dataset, strategy: str, **options: Any) -> Dict[str, Any]:
    """Updates the expected effects of a strategy's measures with the evidence about them and
    re-ranks the measures; shows what changed and which evidence moved it.

    >>> import clusterpolicy as cp
    >>> fb = evidence_feedback(cp.sample_dataset(), "S3-AL")
    >>> fb["strategy"], len(fb["measures"]) > 0
    ('S3-AL', True)
    """
    return Result(_native.evidence_feedback(dataset, strategy, **options), title="Evidence feedback")


def knowledge_hub(dataset: Dataset, region: str, **options: Any) -> List[Dict[str, Any]]:
    """Evidence and measures most relevant to a region (its priority activities, its peer
    regions, its kinds of actors), ranked and explained.

    >>> import clusterpolicy as cp
    >>> ds = cp.sample_dataset()
    >>> items = knowledge_hub(ds, ds.to_dict()["regions"][0]["id"])
    >>> len(items), sorted(items[0])[:3]
    (20, ['activities', 'actors', 'id'])
    """
    return list(_native.knowledge_hub(dataset, region, **options))


def scenario_payoffs(dataset: Dataset, strategy: str, **options: Any) -> Dict[str, Any]:
    """The payoff matrix of a strategy's measures under the dataset's scenarios.

    >>> import clusterpolicy as cp
    >>> p = scenario_payoffs(cp.sample_dataset(), "S3-AL")
    >>> len(p["payoff"]) == len(p["options"]), len(p["scenarios"])
    (True, 4)
    """
    return Result(_native.scenario_payoffs(dataset, strategy, **options), title="Scenario payoffs")


def programme_monitoring(dataset: Dataset, programme: str, **options: Any) -> Dict[str, Any]:
    """Budget against spending, absorption, flags, forecasts, deliverables, communication reach
    and area coverage of a programme's projects.

    >>> import clusterpolicy as cp
    >>> ds = cp.sample_dataset()
    >>> m = programme_monitoring(ds, ds.to_dict()["programmes"][0]["id"])
    >>> 0.0 <= m["absorption"] <= 1.5
    True
    """
    return Result(_native.programme_monitoring(dataset, programme, **options), title="Programme monitoring")


def project_monitoring(dataset: Dataset, project: str, **options: Any) -> Dict[str, Any]:
    """The monitoring of one project.

    >>> import clusterpolicy as cp
    >>> ds = cp.sample_dataset()
    >>> m = project_monitoring(ds, ds.to_dict()["projects"][0]["id"])
    >>> m["project"] == ds.to_dict()["projects"][0]["id"], "burn_rate" in m
    (True, True)
    """
    return Result(_native.project_monitoring(dataset, project, **options), title="Project monitoring")


def summary(dataset: Dataset) -> Dict[str, Any]:
    """The strategy section of the report of a dataset.

    >>> import clusterpolicy as cp
    >>> sorted(summary(cp.sample_dataset()))[:3]
    ['feedback', 'first_rank_acceptability', 'focus']
    """
    return Result(_native.strategy_summary(dataset), title="Strategy summary")


# polars DataFrames in, as pandas (see clusterpolicy._convert).
accept_polars(globals(), __all__)
