"""Smart-specialisation models: relatedness, relatedness density, economic complexity (each
peer's convention), complexity outlook, priority maps and backtests.

Inputs are region x activity values as

* a NumPy array (regions in rows, activities in columns),
* a wide pandas DataFrame (index = regions, columns = activities), or
* a long pandas DataFrame with the columns named by ``region``, ``activity`` and ``value``
  (default ``"region"``, ``"activity"``, ``"value"``) and, for panels, ``year``.

Results are NumPy arrays for NumPy input and long-form pandas DataFrames otherwise (one row
per region x activity, or per activity pair). All computations run in Rust (the core
crate's ``complexity`` module) with the GIL released; the conventions are those of
py-ecomplexity 0.5.3, Datawheel ``economic-complexity`` 0.3.0, EconGeo 1.3 and R
``economiccomplexity`` 2.0.0 (see ``method``), reproduced to 1e-9.

>>> import numpy as np
>>> import clusterpolicy.complexity as cx
>>> m = np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 0.0], [1.0, 0.0, 1.0]])
>>> cx.relatedness(m).round(3)
array([[1.   , 0.333, 0.333],
       [0.333, 1.   , 0.   ],
       [0.333, 0.   , 1.   ]])
>>> cx.relatedness_density(m, cx.relatedness(m)).round(3)[1]
array([0.6 , 0.25, 0.25])
"""

from __future__ import annotations

import importlib
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Tuple

import numpy as np

from clusterpolicy import _native
from clusterpolicy._convert import accept_polars, float_array, invalid
from clusterpolicy._results import to_html

__all__ = [
    "relatedness",
    "cooccurrence",
    "relatedness_density",
    "relative_relatedness",
    "economic_complexity",
    "subnational_eci",
    "complexity_outlook",
    "opportunity_gain",
    "complexity_profile",
    "priority_maps",
    "backtest",
    "Complexity",
    "Backtest",
]


def _pandas() -> Any:
    """pandas, imported on first use (it is optional for NumPy input)."""
    return importlib.import_module("pandas")


def _is_frame(data: Any) -> bool:
    return type(data).__name__ == "DataFrame" and hasattr(data, "columns")


def _wide(data: Any, region: str, activity: str, value: str) -> Any:
    """A wide DataFrame from a wide or long one (absent cells of a long table are 0)."""
    if all(c in data.columns for c in (region, activity, value)):
        keys = [region, activity]
        dup = data.duplicated(keys)
        if dup.any():
            row = data[dup].iloc[0]
            raise _native.DuplicateLabelError(f"duplicate cell `{row[region]} / {row[activity]}` in the long table")
        return data.set_index(keys)[value].astype(np.float64).unstack(fill_value=0.0)
    return data


def _array(data: Any) -> np.ndarray:
    a = float_array(data, "data")
    if a.ndim != 2:
        raise _native.ShapeMismatchError(f"expected a 2-d regions x activities array, got {a.ndim} dimension(s)")
    return a


def _labels(wide: Any) -> Tuple[List[str], List[str]]:
    return [str(x) for x in wide.index], [str(x) for x in wide.columns]


def _long(values: np.ndarray, rows: Sequence[Any], cols: Sequence[Any], names: Tuple[str, str, str]) -> Any:
    pd = _pandas()

    n, m = values.shape
    return pd.DataFrame(
        {
            names[0]: np.repeat(np.asarray(rows, dtype=object), m),
            names[1]: np.tile(np.asarray(cols, dtype=object), n),
            names[2]: values.reshape(-1),
        }
    )


def _pair_input(data: Any, region: str, activity: str, value: str) -> Tuple[np.ndarray, Any]:
    """(array, wide frame or None)."""
    if _is_frame(data):
        w = _wide(data, region, activity, value)
        return _array(w), w
    return _array(data), None


def relatedness(
    presence: Any,
    *,
    method: str = "proximity",
    diagonal: str = "peer",
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
) -> Any:
    """Relatedness between activities from their co-occurrence in regions.

    ``method``: ``"proximity"`` (Hidalgo et al. 2007; py-ecomplexity, Datawheel),
    ``"conditional_probability"``, ``"cosine"``, ``"jaccard"``, ``"association"``,
    ``"probability"`` (EconGeo's four normalisations) or ``"correlation"`` (py-ecomplexity's
    continuous variant on RCA values). ``diagonal``: ``"peer"`` (1 for proximity, 0 for the
    EconGeo methods), ``"one"`` or ``"zero"`` (Datawheel). ``presence`` is binary (0/1).

    Returns an activity x activity array, or a long DataFrame ``activity_1, activity_2,
    relatedness`` for DataFrame input.

    >>> import numpy as np
    >>> m = np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 0.0], [1.0, 0.0, 1.0]])
    >>> relatedness(m, method="cosine").round(3)[0]
    array([0.   , 0.707, 0.707])
    >>> relatedness(m, method="pearson")
    Traceback (most recent call last):
    ...
    clusterpolicy.InvalidParameterError: invalid parameter `method`: unknown variant `pearson`, expected one of ...
    """
    a, w = _pair_input(presence, region, activity, value)
    r = _native.relatedness_array(a, method=method, diagonal=diagonal)
    if w is None:
        return r
    _, cols = _labels(w)
    return _long(r, cols, cols, ("activity_1", "activity_2", "relatedness"))


def cooccurrence(presence: Any, *, region: str = "region", activity: str = "activity", value: str = "value") -> Any:
    """Co-occurrence counts ``M'M`` of a binary presence matrix (diagonal = ubiquity).

    >>> import numpy as np
    >>> m = np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 0.0], [1.0, 0.0, 1.0]])
    >>> cooccurrence(m)
    array([[3., 1., 1.],
           [1., 1., 0.],
           [1., 0., 1.]])
    """
    a, w = _pair_input(presence, region, activity, value)
    c = _native.cooccurrence_array(a)
    if w is None:
        return c
    _, cols = _labels(w)
    return _long(c, cols, cols, ("activity_1", "activity_2", "cooccurrence"))


def _relatedness_matrix(rel: Any, cols: Optional[List[str]]) -> np.ndarray:
    """A square array from an array, a square DataFrame or a long pair table."""
    if _is_frame(rel) and "activity_1" in rel.columns:
        valuecol = [c for c in rel.columns if c not in ("activity_1", "activity_2")][0]
        sq = rel.pivot(index="activity_1", columns="activity_2", values=valuecol)
        if cols is not None:
            sq = sq.reindex(index=cols, columns=cols)
        return np.ascontiguousarray(sq.to_numpy(dtype=np.float64))
    if _is_frame(rel) and cols is not None:
        rel = rel.reindex(index=cols, columns=cols)
    return _array(rel)


def relatedness_density(
    presence: Any,
    relatedness: Any,
    *,
    scale: str = "unit",
    digits: Optional[int] = None,
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
) -> Any:
    """Relatedness density ``sum_k M_rk R_ka / sum_k R_ka`` (``scale="percent"`` and
    ``digits=2`` for EconGeo's ``relatedness_density``).

    ``relatedness`` is an array, a square DataFrame or the long output of
    :func:`relatedness`. Returns an array, or a long DataFrame ``region, activity, density``.

    >>> import pandas as pd
    >>> p = pd.DataFrame({"A": [1.0, 1.0], "B": [1.0, 0.0]}, index=["R1", "R2"])
    >>> relatedness_density(p, relatedness(p))
      region activity   density
    0     R1        A  1.000000
    1     R1        B  1.000000
    2     R2        A  0.666667
    3     R2        B  0.333333
    """
    a, w = _pair_input(presence, region, activity, value)
    cols = _labels(w)[1] if w is not None else None
    d = _native.relatedness_density_array(a, _relatedness_matrix(relatedness, cols), scale=scale, digits=digits)
    if w is None:
        return d
    rows, cols = _labels(w)
    return _long(d, rows, cols, (region, activity, "density"))


def relative_relatedness(
    presence: Any, relatedness: Any, *, region: str = "region", activity: str = "activity", value: str = "value"
) -> Any:
    """Density as a z-score among each region's absent activities (Datawheel).

    >>> import numpy as np
    >>> p = np.array([[1.0, 0.0, 0.0], [1.0, 1.0, 0.0], [0.0, 1.0, 1.0]])
    >>> relative_relatedness(p, np.array([[1.0, 0.5, 0.1], [0.5, 1.0, 0.4], [0.1, 0.4, 1.0]])).shape
    (3, 3)
    """
    a, w = _pair_input(presence, region, activity, value)
    cols = _labels(w)[1] if w is not None else None
    d = _native.relative_relatedness_array(a, _relatedness_matrix(relatedness, cols))
    if w is None:
        return d
    rows, cols = _labels(w)
    return _long(d, rows, cols, (region, activity, "relative_relatedness"))


def _html(title: str, parts: Dict[str, Any]) -> str:
    """Tables of a result for Jupyter: DataFrames as pandas renders them, dicts as
    :func:`clusterpolicy._results.to_html`."""
    out = [f'<div class="clusterpolicy-result"><strong>{title}</strong>']
    for name, part in parts.items():
        out.append(f"<p>{name}</p>")
        out.append(part.to_html(max_rows=20) if hasattr(part, "to_html") else to_html(dict(part), name, 1))
    return "".join(out) + "</div>"


class Complexity(NamedTuple):
    """The result of :func:`economic_complexity`: per-region and per-activity tables (NumPy
    arrays for NumPy input, DataFrames otherwise) and the run's details; shown as tables in
    Jupyter.

    >>> c = economic_complexity([[1.0, 1.0], [1.0, 0.0]])
    >>> c.info["iterations"], "<table" in c._repr_html_()
    (0, True)
    """

    regions: Any
    activities: Any
    info: Dict[str, Any]

    def _repr_html_(self) -> str:
        return _html("Economic complexity", {"regions": self.regions, "activities": self.activities, "info": self.info})


def economic_complexity(
    presence: Any,
    *,
    method: str = "eigenvector",
    iterations: int = 20,
    extremality: float = 1.0,
    tolerance: float = 0.0,
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
) -> Complexity:
    """ECI / PCI (or their analogues) of a binary presence matrix.

    ``method``: ``"eigenvector"`` (py-ecomplexity), ``"reflections"`` (Datawheel),
    ``"econgeo_eigenvector"`` (EconGeo ``KCI`` / ``TCI``), ``"econgeo_reflections"``
    (``MORc`` / ``MORt``), ``"fitness"`` (Tacchella et al. 2012 as R ``economiccomplexity``;
    ``extremality`` and ``tolerance`` control it).

    Returns ``Complexity(regions, activities, info)``: DataFrames ``region, diversity, eci``
    and ``activity, ubiquity, pci`` (dicts of arrays for NumPy input), and ``info`` with
    ``eigenvalue``, ``pci_offset``, ``iterations`` and ``change``.

    >>> import numpy as np
    >>> m = np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 0.0], [1.0, 0.0, 1.0]])
    >>> c = economic_complexity(m)
    >>> c.regions["diversity"], c.activities["ubiquity"]
    (array([2., 1., 2.]), array([3., 1., 1.]))
    >>> c.regions["eci"].round(3)
    array([ 1.225, -0.   , -1.225])
    """
    a, w = _pair_input(presence, region, activity, value)
    r = _native.economic_complexity_array(
        a, method=method, iterations=iterations, extremality=extremality, tolerance=tolerance
    )
    info = {k: r[k] for k in ("eigenvalue", "pci_offset", "iterations", "change")}
    if w is None:
        return Complexity(
            {"diversity": r["diversity"], "eci": r["eci"]}, {"ubiquity": r["ubiquity"], "pci": r["pci"]}, info
        )
    pd = _pandas()

    rows, cols = _labels(w)
    return Complexity(
        pd.DataFrame({region: rows, "diversity": r["diversity"], "eci": r["eci"]}),
        pd.DataFrame({activity: cols, "ubiquity": r["ubiquity"], "pci": r["pci"]}),
        info,
    )


def _pci_vector(pci: Any, cols: Optional[List[str]], activity: str) -> np.ndarray:
    if _is_frame(pci):
        if "pci" not in pci.columns and len(pci.columns) != 1:
            raise invalid("pci", "a DataFrame of PCI needs a `pci` column (and the activity column)")
        pci = pci.set_index(activity)["pci"] if activity in pci.columns and "pci" in pci.columns else pci.iloc[:, 0]
    if hasattr(pci, "reindex") and cols is not None:
        return float_array(pci.reindex(cols), "pci")
    if isinstance(pci, dict) and cols is not None:
        return np.array([pci.get(c, np.nan) for c in cols], dtype=np.float64)
    return float_array(pci, "pci")


def subnational_eci(
    presence: Any,
    pci: Any,
    *,
    standardise: bool = False,
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
) -> Any:
    """Mean external PCI of each region's present activities (Datawheel's subnational
    method). ``pci``: an array (one per column), a Series / dict by activity label, or the
    ``activities`` table of :func:`economic_complexity`; activities without one are ignored.

    >>> import numpy as np
    >>> m = np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 0.0], [1.0, 0.0, 1.0]])
    >>> subnational_eci(m, [0.5, 1.0, -1.0])
    array([ 0.75,  0.5 , -0.25])
    """
    a, w = _pair_input(presence, region, activity, value)
    cols = _labels(w)[1] if w is not None else None
    e = _native.subnational_eci_array(a, _pci_vector(pci, cols, activity), standardise=standardise)
    if w is None:
        return e
    pd = _pandas()

    return pd.DataFrame({region: _labels(w)[0], "eci": e})


def complexity_outlook(
    presence: Any,
    proximity: Any,
    pci: Any,
    *,
    standardise: bool = True,
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
) -> Tuple[Any, Any]:
    """COI per region and COG per cell (py-ecomplexity's formulas). To reproduce
    py-ecomplexity pass ``pci + info["pci_offset"]`` of the ``eigenvector`` method.

    Returns ``(coi, cog)``: arrays, or DataFrames ``region, coi`` and ``region, activity, cog``.

    >>> import numpy as np
    >>> m = np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 0.0], [1.0, 0.0, 1.0]])
    >>> coi, cog = complexity_outlook(m, relatedness(m), [0.5, 1.0, -1.0])
    >>> coi.round(3)
    array([-1.225,  0.   ,  1.225])
    """
    a, w = _pair_input(presence, region, activity, value)
    cols = _labels(w)[1] if w is not None else None
    coi, cog = _native.complexity_outlook_array(
        a, _relatedness_matrix(proximity, cols), _pci_vector(pci, cols, activity), standardise=standardise
    )
    if w is None:
        return coi, cog
    pd = _pandas()

    rows, cols = _labels(w)
    return pd.DataFrame({region: rows, "coi": coi}), _long(cog, rows, cols, (region, activity, "cog"))


def opportunity_gain(
    presence: Any, proximity: Any, pci: Any, *, region: str = "region", activity: str = "activity", value: str = "value"
) -> Any:
    """Opportunity gain as Datawheel ``economic-complexity`` 0.3.0 computes it.

    >>> import numpy as np
    >>> m = np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 0.0], [1.0, 0.0, 1.0]])
    >>> opportunity_gain(m, relatedness(m), [0.5, 1.0, -1.0]).round(2)[1]
    array([-0.3,  0.5, -0.5])
    """
    a, w = _pair_input(presence, region, activity, value)
    cols = _labels(w)[1] if w is not None else None
    og = _native.opportunity_gain_array(a, _relatedness_matrix(proximity, cols), _pci_vector(pci, cols, activity))
    if w is None:
        return og
    rows, cols = _labels(w)
    return _long(og, rows, cols, (region, activity, "opportunity_gain"))


def _factorize(column: Any) -> Tuple[np.ndarray, Any]:
    """``pd.factorize(column, sort=True)`` (codes as int64). A column of Python strings is
    factorized as its object array with a small ``size_hint``: pandas otherwise sizes the hash
    table for one key per row, which costs several times the hashing itself."""
    pd = _pandas()
    values = column.to_numpy()
    if values.dtype == object:
        codes, uniques = pd.factorize(values, sort=True, size_hint=1024)
    else:
        codes, uniques = pd.factorize(column, sort=True)
    return codes.astype(np.int64, copy=False), uniques


def _panel(
    data: Any, region: str, activity: str, value: str, year: str
) -> Tuple[List[int], List[str], List[str], np.ndarray]:
    """(years, rows, cols, values) from a long DataFrame with a year column, a wide
    DataFrame (one year, 0) or a 2-d / 3-d array."""
    if _is_frame(data) and year in data.columns:
        ycodes, yvals = _factorize(data[year])
        rcodes, rvals = _factorize(data[region])
        acodes, avals = _factorize(data[activity])
        years = [int(y) for y in yvals]
        rows = [str(r) for r in rvals]
        cols = [str(c) for c in avals]
        cell = (ycodes * len(rows) + rcodes) * len(cols) + acodes
        v = np.zeros((len(years), len(rows), len(cols)))
        seen = np.zeros(v.size, dtype=np.bool_)
        seen[cell] = True
        if np.count_nonzero(seen) != len(cell):
            counts = np.bincount(cell, minlength=v.size)
            k = int(np.argmax(counts[cell] > 1))
            raise _native.DuplicateLabelError(
                f"duplicate cell `{rows[rcodes[k]]} / {cols[acodes[k]]} / {years[ycodes[k]]}` in the long table"
            )
        v.reshape(-1)[cell] = data[value].to_numpy(dtype=np.float64)
        return years, rows, cols, v
    if _is_frame(data):
        w = _wide(data, region, activity, value)
        rows, cols = _labels(w)
        return [0], rows, cols, _array(w)[np.newaxis, :, :].copy()
    a = float_array(data, "data")
    if a.ndim == 2:
        a = a[np.newaxis, :, :]
    if a.ndim != 3:
        raise _native.ShapeMismatchError(f"expected a 2-d or 3-d array, got {a.ndim} dimension(s)")
    return list(range(a.shape[0])), [str(i) for i in range(a.shape[1])], [str(j) for j in range(a.shape[2])], a


def complexity_profile(
    data: Any,
    *,
    threshold: float = 1.0,
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
    year: str = "year",
) -> Any:
    """Everything py-ecomplexity's ``ecomplexity()`` computes, per year: a long DataFrame
    ``year, region, activity, value, rca, mcp, diversity, ubiquity, eci, pci, density, coi,
    cog`` (regions and activities with a zero total in a year are left out of that year).

    ``data``: a long DataFrame (with or without ``year``), a wide DataFrame or an array.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"region": ["R1", "R1", "R2", "R2", "R3"] * 2, "activity": ["A", "B", "A", "C", "B"] * 2,
    ...                    "year": [2020] * 5 + [2021] * 5, "value": [5, 1, 2, 4, 3, 6, 2, 2, 5, 3.0]})
    >>> p = complexity_profile(df)
    >>> p.shape, list(p.columns[:5])
    ((18, 13), ['year', 'region', 'activity', 'value', 'rca'])
    """
    pd = _pandas()

    years, rows, cols, v = _panel(data, region, activity, value, year)
    t = _native.complexity_profile_panel(years, rows, cols, v, threshold=threshold)
    out = {
        year: t["year"],
        region: pd.Categorical.from_codes(t["region"], categories=t["regions"]),
        activity: pd.Categorical.from_codes(t["activity"], categories=t["activities"]),
    }
    for k in ("value", "rca", "mcp", "diversity", "ubiquity", "eci", "pci", "density", "coi", "cog"):
        out[k] = t[k]
    return pd.DataFrame(out, copy=False)


def priority_maps(
    counts: Any,
    regions: Optional[Sequence[str]] = None,
    *,
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
    **params: Any,
) -> Tuple[Any, Any]:
    """Priority maps (Balland, Boschma, Crespo & Rigby 2019) of ``regions`` (default all)
    from counts: two long DataFrames, the points ``region, activity, density, complexity,
    present, quadrant`` and the recommendations ``region, rank, activity, quadrant, density,
    complexity, density_percentile, complexity_percentile, score, evidence, rationale``.

    Options as the core's ``PriorityParams``: ``threshold``, ``relatedness`` (dict),
    ``complexity`` (dict), ``rule`` (``"median"`` / ``"mean"``), ``top``, ``evidence``,
    ``density_weight``.

    >>> import pandas as pd
    >>> counts = pd.DataFrame({"A": [5.0, 1.0, 1.0], "B": [1.0, 4.0, 1.0], "C": [1.0, 1.0, 3.0], "D": [2.0, 2.0, 0.5]},
    ...                       index=["R1", "R2", "R3"])
    >>> points, recs = priority_maps(counts, ["R1"])
    >>> points[["activity", "present", "quadrant"]].values.tolist()
    [['A', True, nan], ['B', False, 'low_risk_high_gain'], ['C', False, 'high_risk_low_gain'], ['D', True, nan]]
    >>> recs["activity"].tolist()
    ['B', 'C']
    """
    pd = _pandas()

    a, w = _pair_input(counts, region, activity, value)
    rows, cols = _labels(w) if w is not None else ([str(i) for i in range(a.shape[0])], [str(j) for j in range(a.shape[1])])
    chosen = list(regions) if regions is not None else rows
    maps = _native.priority_maps(a, rows, cols, [str(r) for r in chosen], **params)
    points = [dict(p, region=m["region"]) for m in maps for p in m["points"]]
    recs = [
        dict(r, region=m["region"], evidence="; ".join(f"{e['activity']} ({e['relatedness']:.3f})" for e in r["evidence"]))
        for m in maps
        for r in m["recommendations"]
    ]
    pcols = [region, "activity", "density", "complexity", "present", "quadrant"]
    rcols = [region, "rank", "activity", "quadrant", "density", "complexity", "density_percentile",
             "complexity_percentile", "score", "evidence", "rationale"]
    p = pd.DataFrame(points).rename(columns={"region": region}) if points else pd.DataFrame(columns=pcols)
    r = pd.DataFrame(recs).rename(columns={"region": region}) if recs else pd.DataFrame(columns=rcols)
    return p[pcols], r[rcols]


class Backtest(NamedTuple):
    """The result of :func:`backtest`: per region and pair of years, and pooled (per pair,
    then over all pairs with ``from`` and ``to`` missing); shown as tables in Jupyter.

    >>> import clusterpolicy as cp
    >>> bt = backtest(cp.specialisation.observation_panel(cp.sample_dataset()))
    >>> "<table" in bt._repr_html_()
    True
    """

    regions: Any
    pooled: Any
    info: Dict[str, Any]

    def _repr_html_(self) -> str:
        return _html("Backtest", {"pooled": self.pooled, "regions": self.regions, "info": self.info})


def backtest(
    data: Any,
    scores: Any = None,
    *,
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
    year: str = "year",
    score: str = "score",
    **params: Any,
) -> Backtest:
    """Would relatedness density (or ``scores``) have predicted which activities regions
    entered? An entry: RCA below ``threshold - buffer`` at ``t`` and at least
    ``threshold + buffer`` at ``t + horizon`` (consecutive panel years by default).
    Reports ROC AUC, average precision and precision@``top_k`` against a random baseline.

    ``data``: a long DataFrame with a ``year`` column, or a years x regions x activities
    array. ``scores``: same form (a long DataFrame with a ``score`` column), optional.
    Options as the core's ``BacktestParams``: ``horizon``, ``threshold``, ``buffer``,
    ``top_k``, ``relatedness`` (dict).

    >>> import clusterpolicy as cp
    >>> bt = backtest(cp.specialisation.observation_panel(cp.sample_dataset()))
    >>> bt.pooled[["from", "to"]].values.tolist()[:2], bt.info["predictor"]
    ([[2012.0, 2015.0], [2015.0, 2018.0]], 'density (proximity)')
    """
    pd = _pandas()

    years, rows, cols, v = _panel(data, region, activity, value, year)
    s = None
    if scores is not None:
        if _is_frame(scores):
            sy, sr, sc, s = _panel(scores, region, activity, score, year)
            if (sy, sr, sc) != (years, rows, cols):
                full = pd.MultiIndex.from_product([years, rows, cols])
                ser = scores.assign(**{region: scores[region].astype(str), activity: scores[activity].astype(str)})
                ser = ser.set_index([year, region, activity])[score].reindex(full)
                s = ser.to_numpy(dtype=np.float64).reshape(len(years), len(rows), len(cols))
        else:
            s = float_array(scores, "scores")
    bt = _native.backtest_panel(years, rows, cols, v, s, **params)
    reg = pd.DataFrame(bt["regions"]).rename(columns={"region": region})
    pooled = pd.DataFrame(bt["pooled"])
    info = {k: bt[k] for k in ("predictor", "top_k", "buffer")}
    return Backtest(reg, pooled, info)


# polars DataFrames in, as pandas (see clusterpolicy._convert).
accept_polars(globals(), __all__)
