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
from clusterpolicy._native import Dataset

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
        values = np.ascontiguousarray(matrix.to_numpy(dtype=np.float64))
        return values, list(matrix.index), list(matrix.columns)
    return np.ascontiguousarray(matrix, dtype=np.float64), None, None


def _types(types: Types) -> Any:
    if isinstance(types, (list, tuple)) and types and isinstance(types[0], str):
        return list(types)
    return np.ascontiguousarray(types, dtype=np.float64)


def _weights(weights: Any) -> np.ndarray:
    if type(weights).__name__ == "Series":
        weights = weights.to_numpy()
    return np.ascontiguousarray(weights, dtype=np.float64)


def _labelled(result: Dict[str, Any], options: Optional[List[Any]]) -> Dict[str, Any]:
    if options is not None:
        result["options"] = options
    return result


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
        return pd.DataFrame(out, index=rows, columns=cols)
    return out


def weighted_sum(matrix: Matrix, weights: Any, types: Types, *, normalisation: str = "linear") -> Dict[str, Any]:
    """Weighted sum (SAW): ``{"scores", "rank"}``; default normalisation ``linear`` (x/max,
    cost min/x); pymcdm's ``WSM()`` uses ``sum``."""
    values, rows, _ = _split(matrix)
    r = _native.weighted_sum_array(values, _weights(weights), _types(types), normalisation=normalisation)
    return _labelled(r, rows)


def weighted_product(matrix: Matrix, weights: Any, types: Types, *, normalisation: str = "linear") -> Dict[str, Any]:
    """Weighted product: ``{"scores", "rank"}``."""
    values, rows, _ = _split(matrix)
    r = _native.weighted_product_array(values, _weights(weights), _types(types), normalisation=normalisation)
    return _labelled(r, rows)


def topsis(matrix: Matrix, weights: Any, types: Types, *, normalisation: str = "vector") -> Dict[str, Any]:
    """TOPSIS: ``{"closeness", "d_plus", "d_minus", "rank"}``; default vector normalisation
    (Hwang & Yoon); pymcdm's ``TOPSIS()`` default is ``min_max``."""
    values, rows, _ = _split(matrix)
    r = _native.topsis_array(values, _weights(weights), _types(types), normalisation=normalisation)
    return _labelled(r, rows)


def vikor(matrix: Matrix, weights: Any, types: Types, *, v: float = 0.5) -> Dict[str, Any]:
    """VIKOR: S, R, Q (lower is better), ranks, DQ, conditions C1/C2 and the compromise set
    (option indices, best Q first)."""
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
    the matrix ``pi``."""
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
    return dict(_native.ahp_array(values, **options))


def weight_breakpoints(matrix: Matrix, weights: Any, types: Types, **options: Any) -> Dict[str, Any]:
    """Exact one-at-a-time weight breakpoints of the weighted sum (or product): per
    criterion, the weight intervals with their best option and the nearest changes."""
    values, _, _ = _split(matrix)
    return dict(_native.weight_breakpoints_array(values, _weights(weights), _types(types), **options))


def smaa(matrix: Matrix, types: Types, **options: Any) -> Dict[str, Any]:
    """SMAA-2 rank acceptability (options x ranks), central weights, confidence factors and
    holistic acceptability. Options: ``samples`` (10 000), ``seed`` (0), ``sampling``
    (``uniform`` or ``around`` with ``weights`` and ``concentration``), ``normalisation``
    (``min_max``), ``method`` (``monte_carlo`` or ``exact`` for two criteria),
    ``meta_weights``."""
    values, rows, _ = _split(matrix)
    if "weights" in options:
        options["weights"] = [float(x) for x in options["weights"]]
    return _labelled(_native.smaa_array(values, _types(types), **options), rows)


def scenario_rules(payoff: Matrix, **options: Any) -> Dict[str, Any]:
    """Expected value, Laplace, maximin, maximax, Hurwicz, regret and a robust ranking of
    options (rows) under scenarios (columns). Options: ``probabilities``, ``hurwicz_alpha``."""
    values, rows, _ = _split(payoff)
    return _labelled(dict(_native.scenario_rules_array(values, **options)), rows)


def achievement_rate(baseline: float, target: float, actual: float) -> Optional[float]:
    """``(actual - baseline) / (target - baseline)``; ``None`` when target equals baseline.

    >>> achievement_rate(40, 100, 85)
    0.75
    """
    return _native.achievement_rate(float(baseline), float(target), float(actual))


def scoreboard(dataset: Dataset, strategy: str, **options: Any) -> Dict[str, Any]:
    """Every target of a strategy with its actual value, achievement and status."""
    return dict(_native.strategy_scoreboard(dataset, strategy, **options))


def _observations(data: Any) -> List[Dict[str, Any]]:
    if type(data).__name__ == "DataFrame":
        return [
            {"unit": str(r["unit"]), "time": int(r["time"]), "outcome": float(r["outcome"]), "treated": bool(r["treated"])}
            for r in data.to_dict("records")
        ]
    return list(data)


def did_two_period(observations: Any, **options: Any) -> Dict[str, Any]:
    """Two-period difference-in-differences of ``{unit, time, outcome, treated}`` records
    (a list of dicts or a DataFrame with those columns), with cluster-robust inference."""
    return dict(_native.did_two_period(_observations(observations), **options))


def did_panel(observations: Any, **options: Any) -> Dict[str, Any]:
    """Two-way fixed-effects difference-in-differences with standard errors clustered by unit
    (as statsmodels OLS with unit and time dummies, ``cov_type="cluster"``)."""
    return dict(_native.did_panel(_observations(observations), **options))


def before_after(observations: Any, cut: int) -> Dict[str, Any]:
    """Before/after comparison of units observed on both sides of ``cut`` (paired t-test)."""
    return dict(_native.before_after(_observations(observations), int(cut)))


def pilot_panel(dataset: Dataset, **options: Any) -> List[Dict[str, Any]]:
    """The pilot-evaluation panel of a dataset: regions of a programme area, treated from their
    first project of the programme. Options: ``programme``, ``indicator``, ``log``."""
    return list(_native.pilot_panel(dataset, **options))


def peer_distances(data: Matrix, dimensions: Optional[Mapping[str, Sequence[str]]] = None, *,
                   weights: Optional[Mapping[str, float]] = None, regions: Optional[Sequence[str]] = None,
                   variables: Optional[Sequence[str]] = None) -> Dict[str, Any]:
    """Structural distances between regions (rows) on standardised variables (columns),
    grouped in ``dimensions`` (name -> variables; default one per variable) with optional
    dimension ``weights``. A DataFrame gives the labels."""
    values, rows, cols = _split(data)
    rows = [str(r) for r in (rows if rows is not None else regions or range(values.shape[0]))]
    cols = [str(c) for c in (cols if cols is not None else variables or range(values.shape[1]))]
    dims = None
    if dimensions is not None:
        dims = [{"name": k, "variables": list(v), "weight": float((weights or {}).get(k, 1.0))} for k, v in dimensions.items()]
    return dict(_native.peer_distances_array(values, rows, cols, dims))


def nearest_peers(distances: Mapping[str, Any], region: str, k: int = 5) -> List[Dict[str, Any]]:
    """The ``k`` nearest peers of ``region``, nearest first, with the dimensions that make
    them close."""
    return list(_native.nearest_peers(dict(distances), region, int(k)))


def region_profiles(dataset: Dataset, year: Optional[int] = None) -> Tuple[Any, Dict[str, List[str]]]:
    """Structural profiles of a dataset's regions as a DataFrame (or an array without
    pandas) and the default dimensions (name -> variables)."""
    values, rows, cols, dims = _native.region_profiles(dataset, year)
    dimensions = {d["name"]: list(d["variables"]) for d in dims}
    try:
        pd: Any = importlib.import_module("pandas")
        return pd.DataFrame(values, index=rows, columns=cols), dimensions
    except ImportError:  # pragma: no cover
        return values, dimensions


def pool_evidence(evidence: Sequence[Mapping[str, Any]], prior: Optional[Tuple[float, float]] = None,
                  **options: Any) -> Dict[str, Any]:
    """Precision-weighted pooling of evidence records (the dataset's ``evidence`` form), with
    GRADE quality weights; a normal-normal update of ``prior = (mean, sd)`` when given."""
    return dict(_native.pool_evidence(list(evidence), prior, **options))


def evidence_feedback(dataset: Dataset, strategy: str, **options: Any) -> Dict[str, Any]:
    """Updates the expected effects of a strategy's measures with the evidence about them and
    re-ranks the measures; shows what changed and which evidence moved it."""
    return dict(_native.evidence_feedback(dataset, strategy, **options))


def knowledge_hub(dataset: Dataset, region: str, **options: Any) -> List[Dict[str, Any]]:
    """Evidence and measures most relevant to a region (its priority activities, its peer
    regions, its kinds of actors), ranked and explained."""
    return list(_native.knowledge_hub(dataset, region, **options))


def scenario_payoffs(dataset: Dataset, strategy: str, **options: Any) -> Dict[str, Any]:
    """The payoff matrix of a strategy's measures under the dataset's scenarios."""
    return dict(_native.scenario_payoffs(dataset, strategy, **options))


def programme_monitoring(dataset: Dataset, programme: str, **options: Any) -> Dict[str, Any]:
    """Budget against spending, absorption, flags, forecasts, deliverables, communication reach
    and area coverage of a programme's projects."""
    return dict(_native.programme_monitoring(dataset, programme, **options))


def project_monitoring(dataset: Dataset, project: str, **options: Any) -> Dict[str, Any]:
    """The monitoring of one project."""
    return dict(_native.project_monitoring(dataset, project, **options))


def summary(dataset: Dataset) -> Dict[str, Any]:
    """The strategy section of the report of a dataset."""
    return dict(_native.strategy_summary(dataset))
