"""Regional specialisation and cluster mapping: location quotients, presence, specialisation
and concentration indices, related variety, shift-share and cluster star ratings.

Every function accepts the region x activity values as

* a NumPy array (regions in rows, activities in columns) -- the result is a NumPy array;
* a wide pandas DataFrame (index = regions, columns = activities) -- the result is a
  DataFrame with the same labels (fewer when a ``drop`` policy removed some);
* a long pandas DataFrame with the columns named by ``region``, ``activity`` and ``value``
  (default ``"region"``, ``"activity"``, ``"value"``) and optionally ``year`` -- the result
  is long too, one row per region x activity (x year). Cells absent from a long table are 0;
  an explicit NaN is a missing value (see ``missing``).

All computations run in Rust (the core crate's ``specialisation`` module) with the GIL
released. Options mirror the core's ``RcaParams``: ``zero_rows`` and ``zero_cols`` (regions
or activities with a zero total) and ``missing`` (NaN values) take ``"nan"``, ``"zero"``
(EconGeo's convention), ``"drop"`` or ``"error"``; ``threshold`` (presence, default 1) and
``digits`` (round RCA as R does; EconGeo's ``RCA()`` uses 2).

>>> import numpy as np
>>> import clusterpolicy.specialisation as sp
>>> x = np.array([[30.0, 10.0], [10.0, 50.0]])
>>> sp.rca(x).round(4)
array([[1.875 , 0.4167],
       [0.4167, 1.3889]])
>>> sp.presence(x)
array([[1., 0.],
       [0., 1.]])
"""

from __future__ import annotations

import importlib
import math
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple, Union

import numpy as np

from clusterpolicy import _native
from clusterpolicy._convert import accept_polars, float_array

__all__ = [
    "rca",
    "presence",
    "symmetric_rca",
    "rpop",
    "rpop_presence",
    "analyse",
    "region_indices",
    "activity_indices",
    "variety",
    "shift_share",
    "cluster_employment",
    "star_clusters",
    "example_nace_mapping",
    "summarise",
    "observation_panel",
    "round_half_even",
]

Data = Any  # numpy.ndarray | pandas.DataFrame



def _pd() -> Any:
    """pandas, imported on first use (it is optional for NumPy input)."""
    return importlib.import_module("pandas")


def _is_frame(data: Any) -> bool:
    return type(data).__name__ == "DataFrame" and hasattr(data, "columns")


def _is_long(data: Any, region: str, activity: str, value: str) -> bool:
    return _is_frame(data) and all(c in data.columns for c in (region, activity, value))


def _wide_from_long(df: Any, region: str, activity: str, value: str) -> Any:
    """Long rows of one year -> wide DataFrame (absent cells 0, explicit NaN kept)."""
    keys = [region, activity]
    dup = df.duplicated(keys)
    if dup.any():
        row = df[dup].iloc[0]
        raise _native.DuplicateLabelError(f"duplicate cell `{row[region]} / {row[activity]}` in the long table")
    return df.set_index(keys)[value].unstack(fill_value=0.0).astype(np.float64)


def _array(data: Any) -> np.ndarray:
    a = float_array(data, "data")
    if a.ndim != 2:
        raise _native.ShapeMismatchError(f"expected a 2-d regions x activities array, got {a.ndim} dimension(s)")
    return a


def _per_year(
    data: Any, region: str, activity: str, value: str, year: Optional[str], pos: int, fn: Callable[[Any], Any]
) -> Any:
    """Runs ``fn(wide)`` on each year of a long table (or once, without a year column) and
    concatenates the results, with the year inserted as column ``pos``."""
    pd = _pd()

    if year is not None and year in data.columns:
        parts = []
        for y, group in data.groupby(year, sort=True):
            out = fn(_wide_from_long(group, region, activity, value))
            out.insert(pos, year, y)
            parts.append(out)
        return pd.concat(parts, ignore_index=True)
    return fn(_wide_from_long(data, region, activity, value))


def _long(wide: Any, region: str, activity: str, value: str) -> Any:
    pd = _pd()

    n, m = wide.shape
    return pd.DataFrame(
        {
            region: np.repeat(wide.index.to_numpy(), m),
            activity: np.tile(wide.columns.to_numpy(), n),
            value: wide.to_numpy().reshape(-1),
        }
    )


def _matrix_fn(
    kernel: Callable[..., Tuple[np.ndarray, np.ndarray, np.ndarray]],
    data: Data,
    extra: Tuple[Any, ...],
    options: Dict[str, Any],
    region: str,
    activity: str,
    value: str,
    year: Optional[str],
) -> Any:
    if _is_long(data, region, activity, value):
        def one(wide: Any) -> Any:
            return _long(_matrix_fn(kernel, wide, extra, options, region, activity, value, None), region, activity, value)

        return _per_year(data, region, activity, value, year, 2, one)
    if _is_frame(data):
        pd = _pd()

        values, rows, cols = kernel(_array(data), *extra, rows=data.index, cols=data.columns, **options)
        # copy=False: the array is ours (fresh from Rust); pandas >= 3 would otherwise copy it.
        return pd.DataFrame(values, index=data.index.take(rows), columns=data.columns.take(cols), copy=False)
    values, _, _ = kernel(_array(data), *extra, **options)
    return values


def _opts(zero_rows: str, zero_cols: str, missing: str, threshold: float, digits: Optional[int]) -> Dict[str, Any]:
    return dict(zero_rows=zero_rows, zero_cols=zero_cols, missing=missing, threshold=threshold, digits=digits)


def rca(
    data: Data,
    *,
    zero_rows: str = "nan",
    zero_cols: str = "nan",
    missing: str = "error",
    digits: Optional[int] = None,
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
    year: Optional[str] = "year",
) -> Any:
    """Location quotient / Balassa RCA: ``(x_ri / x_r.) / (x_.i / x_..)``.

    Equal to EconGeo's ``location_quotient`` (``RCA()`` with ``digits=2``), Datawheel's
    ``rca`` and ``ecomplexity``'s ``rca``. See the module docstring for the accepted inputs
    and the options.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"A": [30.0, 10.0], "B": [10.0, 50.0]}, index=["R1", "R2"])
    >>> rca(df).round(3)
            A      B
    R1  1.875  0.417
    R2  0.417  1.389
    """
    return _matrix_fn(
        _native.rca_array, data, (), _opts(zero_rows, zero_cols, missing, 1.0, digits), region, activity, value, year
    )


def presence(
    data: Data,
    *,
    threshold: float = 1.0,
    zero_rows: str = "nan",
    zero_cols: str = "nan",
    missing: str = "error",
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
    year: Optional[str] = "year",
) -> Any:
    """Binary presence: 1 where RCA >= ``threshold`` (default 1, as every peer), else 0.

    >>> presence([[30.0, 10.0], [10.0, 50.0]], threshold=1.5)
    array([[1., 0.],
           [0., 0.]])
    """
    return _matrix_fn(
        _native.presence_array, data, (), _opts(zero_rows, zero_cols, missing, threshold, None), region, activity, value, year
    )


def symmetric_rca(
    data: Data,
    *,
    zero_rows: str = "nan",
    zero_cols: str = "nan",
    missing: str = "error",
    digits: Optional[int] = None,
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
    year: Optional[str] = "year",
) -> Any:
    """Symmetric RCA ``(RCA - 1) / (RCA + 1)`` in [-1, 1).

    >>> symmetric_rca([[1.0, 1.0], [1.0, 1.0]])
    array([[0., 0.],
           [0., 0.]])
    """
    return _matrix_fn(
        _native.symmetric_rca_array, data, (), _opts(zero_rows, zero_cols, missing, 1.0, digits), region, activity, value, year
    )


def _population(population: Any, index: Any) -> List[float]:
    if hasattr(population, "reindex") and index is not None:
        population = population.reindex(index)
    p = float_array(population, "population")
    if p.ndim != 1:
        raise _native.ShapeMismatchError(f"expected one value per region, got a {p.ndim}-d array")
    return [float(v) for v in p]


def _rpop_fn(kernel: Any, data: Data, population: Any, options: Dict[str, Any], region: str, activity: str, value: str) -> Any:
    if _is_long(data, region, activity, value):
        wide = _wide_from_long(data, region, activity, value)
        return _long(_rpop_fn(kernel, wide, population, options, region, activity, value), region, activity, value)
    index = data.index if _is_frame(data) else None
    return _matrix_fn(kernel, data, (_population(population, index),), options, region, activity, value, None)


def rpop(
    data: Data,
    population: Any,
    *,
    zero_rows: str = "nan",
    zero_cols: str = "nan",
    missing: str = "error",
    digits: Optional[int] = None,
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
) -> Any:
    """Per-capita presence index ``(x_ri / pop_r) / (x_.i / pop_.)`` (``ecomplexity``'s RPOP).

    ``population``: one value per region (a sequence in row order, or a pandas Series
    indexed by region).

    >>> round(float(rpop([[30.0, 10.0], [10.0, 50.0]], [100.0, 300.0])[0, 0]), 12)
    3.0
    """
    return _rpop_fn(
        _native.rpop_array, data, population, _opts(zero_rows, zero_cols, missing, 1.0, digits), region, activity, value
    )


def rpop_presence(
    data: Data,
    population: Any,
    *,
    threshold: float = 1.0,
    zero_rows: str = "nan",
    zero_cols: str = "nan",
    missing: str = "error",
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
) -> Any:
    """Per-capita presence: 1 where RPOP >= ``threshold``, else 0.

    >>> rpop_presence([[30.0, 10.0], [10.0, 50.0]], [100.0, 300.0]).tolist()
    [[1.0, 0.0], [0.0, 1.0]]
    """
    return _rpop_fn(
        _native.rpop_presence_array,
        data,
        population,
        _opts(zero_rows, zero_cols, missing, threshold, None),
        region,
        activity,
        value,
    )


_NAMES: Dict[Tuple[str, ...], Any] = {}


def _names(names: List[str]) -> Any:
    """A pandas Index of fixed index names, built once (a view of it each time: building an
    Index from strings costs more than the DataFrame around it)."""
    key = tuple(names)
    idx = _NAMES.get(key)
    if idx is None:
        idx = _NAMES[key] = _pd().Index(key)
    return idx.view()


def analyse(
    data: Data,
    *,
    reference: Any = None,
    convention: str = "exact",
    threshold: float = 1.0,
    zero_rows: str = "nan",
    zero_cols: str = "nan",
    missing: str = "error",
    digits: Optional[int] = None,
) -> Dict[str, Any]:
    """RCA, presence, region indices and activity indices in one call.

    Returns a dict with ``rca`` and ``presence`` (arrays, or DataFrames for a DataFrame
    input), ``regions`` and ``activities`` (DataFrames of the indices, one row per kept
    region / activity). ``convention="econ_geo"`` applies EconGeo's rounding and its
    ``+1e-9`` entropy; ``reference`` is the Hoover reference distribution (default: the
    regions' totals).

    >>> a = analyse([[30.0, 10.0], [10.0, 50.0]])
    >>> a["regions"]["diversity"].tolist()
    [1.0, 1.0]
    """
    pd = _pd()

    frame = _is_frame(data)
    values = _array(data)
    ref = None if reference is None else _population(reference, data.index if frame else None)
    out = _native.analyse_array(
        values,
        reference=ref,
        convention=convention,
        zero_rows=zero_rows,
        zero_cols=zero_cols,
        missing=missing,
        threshold=threshold,
        digits=digits,
        rows=data.index if frame else None,
        cols=data.columns if frame else None,
    )
    rows, cols = out["rows"], out["cols"]
    if frame:
        # Kept rows and columns are increasing input positions: as many as the input means all
        # (a view, so that renaming the result's labels leaves the input's alone).
        ri = data.index.view() if len(rows) == len(data.index) else data.index.take(rows)
        ci = data.columns.view() if len(cols) == len(data.columns) else data.columns.take(cols)
        rca_v = pd.DataFrame(out["rca"], index=ri, columns=ci, copy=False)
        pres = pd.DataFrame(out["presence"], index=ri, columns=ci, copy=False)
    else:
        ri, ci = pd.Index(rows, name="region"), pd.Index(cols, name="activity")
        rca_v, pres = out["rca"], out["presence"]
    return {
        "rca": rca_v,
        "presence": pres,
        "regions": pd.DataFrame(out["regions"], index=ri, columns=_names(out["regions_columns"]), copy=False),
        "activities": pd.DataFrame(out["activities"], index=ci, columns=_names(out["activities_columns"]), copy=False),
    }


def _indices(which: str, data: Data, region: str, activity: str, value: str, year: Optional[str], kw: Dict[str, Any]) -> Any:
    pd = _pd()

    label = "region" if which == "regions" else "activity"
    if _is_long(data, region, activity, value):
        def one(wide: Any) -> Any:
            df = analyse(wide, **kw)[which]
            df.index.name = label
            return df.reset_index().melt(id_vars=[label], var_name="index", value_name="value")

        return _per_year(data, region, activity, value, year, 1, one)
    df = analyse(data, **kw)[which]
    if not _is_frame(data):
        df.index.name = label
    return df


def region_indices(
    data: Data,
    *,
    convention: str = "exact",
    threshold: float = 1.0,
    zero_rows: str = "nan",
    zero_cols: str = "nan",
    missing: str = "error",
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
    year: Optional[str] = "year",
) -> Any:
    """Average LQ, Krugman index, specialisation coefficient, Hachman, Herfindahl, entropy
    and diversity of each region (a DataFrame; long ``region, [year,] index, value`` for a
    long input).

    >>> region_indices([[50.0, 50.0], [10.0, 30.0]])["entropy"].tolist()[0]
    1.0
    """
    kw = dict(convention=convention, threshold=threshold, zero_rows=zero_rows, zero_cols=zero_cols, missing=missing)
    return _indices("regions", data, region, activity, value, year, kw)


def activity_indices(
    data: Data,
    *,
    reference: Any = None,
    convention: str = "exact",
    threshold: float = 1.0,
    zero_rows: str = "nan",
    zero_cols: str = "nan",
    missing: str = "error",
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
    year: Optional[str] = "year",
) -> Any:
    """Ubiquity, Gini, locational Gini, Hoover index and Hoover-Gini of each activity.

    >>> activity_indices([[10.0, 20.0], [10.0, 20.0]])["gini"].tolist()
    [0.0, 0.0]
    """
    kw = dict(
        reference=reference,
        convention=convention,
        threshold=threshold,
        zero_rows=zero_rows,
        zero_cols=zero_cols,
        missing=missing,
    )
    return _indices("activities", data, region, activity, value, year, kw)


def _labelled(data: Data) -> Tuple[np.ndarray, List[str], List[str]]:
    if _is_frame(data):
        return _array(data), [str(r) for r in data.index], [str(c) for c in data.columns]
    a = _array(data)
    return a, [str(i) for i in range(a.shape[0])], [str(j) for j in range(a.shape[1])]


def variety(
    data: Data,
    groups: Union[Mapping[str, str], int],
    *,
    base: float = 2.0,
    zero_rows: str = "nan",
    missing: str = "error",
) -> Any:
    """Entropy, unrelated and related variety of each region (Frenken, Van Oort & Verburg
    2007). ``groups`` maps each activity label to its group, or is a prefix length (NAICS
    ``3118`` -> ``31`` with 2). Returns a DataFrame indexed by region.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"C10": [25.0], "C11": [25.0], "J62": [50.0]}, index=["R"])
    >>> variety(df, 1).round(6).to_dict("records")
    [{'entropy': 1.5, 'unrelated_variety': 1.0, 'related_variety': 0.5}]
    """
    pd = _pd()

    values, rows, cols = _labelled(data)
    if isinstance(groups, int) and not isinstance(groups, bool):
        groups = {c: c[:groups] for c in cols}
    if not isinstance(groups, Mapping):
        raise TypeError(f"groups: expected a mapping of activity to group or a prefix length, got {type(groups).__name__}")
    out = _native.variety_array(values, rows, cols, dict(groups), base=base, zero_rows=zero_rows, missing=missing)
    index = pd.Index(out["regions"], name="region")
    if _is_frame(data):
        index = data.index[[rows.index(r) for r in out["regions"]]]
    return pd.DataFrame(
        {k: out[k] for k in ("entropy", "unrelated_variety", "related_variety")},
        index=index,
    )


def shift_share(
    base: Data,
    end: Optional[Data] = None,
    *,
    from_year: Any = None,
    to_year: Any = None,
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
    year: str = "year",
) -> Any:
    """Shift-share decomposition: national growth, industry mix and regional shift per
    region and activity (the three add up to the observed change).

    Either two wide tables (``base``, ``end``) on the same labels, or one long table with a
    ``year`` column and ``from_year`` / ``to_year`` (default: its first and last year).
    Returns a long DataFrame (region, activity, base, end, change, national_growth,
    industry_mix, regional_shift).

    >>> import pandas as pd
    >>> b = pd.DataFrame({"A": [100.0, 100.0], "B": [100.0, 100.0]}, index=["R1", "R2"])
    >>> e = pd.DataFrame({"A": [160.0, 140.0], "B": [100.0, 100.0]}, index=["R1", "R2"])
    >>> [float(v) for v in shift_share(b, e).iloc[0][["national_growth", "industry_mix", "regional_shift"]]]
    [25.0, 25.0, 10.0]
    """
    pd = _pd()

    if end is None:
        if not _is_long(base, region, activity, value) or year not in base.columns:
            raise _native.InvalidParameterError("shift_share needs two tables, or a long table with a year column")
        years = sorted(base[year].unique())
        y0 = years[0] if from_year is None else from_year
        y1 = years[-1] if to_year is None else to_year
        full = base.set_index([year, region, activity])[value].unstack(fill_value=0.0).astype(np.float64)
        try:
            w0, w1 = full.loc[y0], full.loc[y1]
        except KeyError as e:
            raise _native.UnknownLabelError(f"unknown year `{e.args[0]}`") from None
        idx = w0.index.union(w1.index)
        out = shift_share(w0.reindex(idx, fill_value=0.0), w1.reindex(idx, fill_value=0.0))
        out.insert(2, "from_year", y0)
        out.insert(3, "to_year", y1)
        return out
    v0, rows, cols = _labelled(base)
    v1 = _array(end)
    if _is_frame(end) and _is_frame(base):
        v1 = end.reindex(index=base.index, columns=base.columns).to_numpy(dtype=np.float64)
    s = _native.shift_share_array(v0, v1, rows, cols)
    n, m = v0.shape
    return pd.DataFrame(
        {
            "region": np.repeat(np.asarray(rows, dtype=object), m),
            "activity": np.tile(np.asarray(cols, dtype=object), n),
            "base": v0.reshape(-1),
            "end": v1.reshape(-1),
            "change": s["change"].reshape(-1),
            "national_growth": s["national_growth"].reshape(-1),
            "industry_mix": s["industry_mix"].reshape(-1),
            "regional_shift": s["regional_shift"].reshape(-1),
        }
    )


def example_nace_mapping() -> Dict[str, Any]:
    """The **example** mapping of the embedded dataset's NACE units to 14 cluster
    categories (illustrative, not a published definition; see its ``source``).

    >>> m = example_nace_mapping()
    >>> m["example"], len(m["categories"])
    (True, 14)
    """
    return _native.example_nace_mapping()


def _mapping_dict(mapping: Any) -> Dict[str, Any]:
    if mapping is None:
        return example_nace_mapping()
    if isinstance(mapping, Mapping) and "categories" in mapping:
        return dict(mapping)
    if isinstance(mapping, Mapping):  # {category: [activities]}
        cats = [{"id": str(k), "name": str(k), "activities": [str(a) for a in v]} for k, v in mapping.items()]
        return {"name": "user mapping", "source": "user", "example": False, "categories": cats}
    raise _native.InvalidParameterError(
        "mapping must be a ClusterMapping dict (name, source, example, categories) or {category: [activities]}"
    )


def cluster_employment(data: Data, mapping: Any = None) -> Any:
    """Employment of each region in each cluster category (sum over its activities).

    ``mapping``: a ``ClusterMapping`` dict or ``{category: [activities]}`` (default: the
    example NACE mapping).

    >>> import pandas as pd
    >>> df = pd.DataFrame([[30.0, 10.0, 5.0], [10.0, 50.0, 5.0]], index=["R1", "R2"], columns=["A", "B", "C"])
    >>> cluster_employment(df, {"k1": ["A", "B"], "k2": ["C"]})
          k1   k2
    R1  40.0  5.0
    R2  60.0  5.0
    """
    pd = _pd()

    values, rows, cols = _labelled(data)
    out, cats = _native.cluster_employment_array(values, rows, cols, _mapping_dict(mapping))
    if _is_frame(data):
        return pd.DataFrame(out, index=data.index, columns=cats, copy=False)
    return out


def star_clusters(
    data: Data,
    mapping: Any = None,
    *,
    region_totals: Any = None,
    size_top_share: float = 0.1,
    specialisation_threshold: float = 2.0,
    focus_top_share: float = 0.1,
    focus_scope: str = "category",
    categories: bool = False,
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
    year: Optional[str] = "year",
) -> Any:
    """European Cluster Observatory star ratings (size, specialisation, focus) of each region
    x cluster category, with the three measures (a long DataFrame).

    ``data`` holds activities (mapped to categories by ``mapping``, default the example NACE
    mapping) or, with ``categories=True``, category employment already; ``region_totals``
    (default: the row sums of ``data``) are the regions' total employment.

    >>> import pandas as pd
    >>> e = pd.DataFrame({"auto": [900.0, 100.0]}, index=["R1", "R2"])
    >>> star_clusters(e, categories=True, region_totals=[3000.0, 7000.0])["stars"].tolist()
    [3, 0]
    """
    pd = _pd()

    if _is_long(data, region, activity, value):
        def one(wide: Any) -> Any:
            return star_clusters(
                wide,
                mapping,
                region_totals=region_totals,
                categories=categories,
                size_top_share=size_top_share,
                specialisation_threshold=specialisation_threshold,
                focus_top_share=focus_top_share,
                focus_scope=focus_scope,
            )

        return _per_year(data, region, activity, value, year, 2, one)
    values, rows, cols = _labelled(data)
    if region_totals is None:
        totals = [float(t) for t in values.sum(axis=1)]
    else:
        totals = _population(region_totals, data.index if _is_frame(data) else None)
    if categories:
        emp, cats = values, cols
    else:
        emp, cats = _native.cluster_employment_array(values, rows, cols, _mapping_dict(mapping))
    recs = _native.star_ratings_array(
        np.ascontiguousarray(emp),
        totals,
        rows,
        list(cats),
        size_top_share=size_top_share,
        specialisation_threshold=specialisation_threshold,
        focus_top_share=focus_top_share,
        focus_scope=focus_scope,
    )
    df = pd.DataFrame(recs)
    return df.drop(columns=["year"], errors="ignore")


def summarise(dataset: Any, indicator: str = "employment", mapping: Any = None, top: int = 3) -> Dict[str, Any]:
    """The specialisation profile of a :class:`clusterpolicy.Dataset` (the report section):
    per region the top specialisations and the star clusters, for the last year.

    >>> import clusterpolicy as cp
    >>> s = summarise(cp.sample_dataset())
    >>> s["year"], s["mapping_is_example"]
    (2021, True)
    """
    m = None if mapping is None else _mapping_dict(mapping)
    return _native.summarise_dataset(dataset, indicator, m, top)


def observation_panel(dataset: Any, indicator: str = "employment") -> Any:
    """The observations of one indicator by region and activity as a long DataFrame
    (region, activity, year, value), zeros included.

    >>> import clusterpolicy as cp
    >>> p = observation_panel(cp.sample_dataset())
    >>> sorted(p["year"].unique().tolist())
    [2012, 2015, 2018, 2021]
    """
    pd = _pd()

    years, rows, cols, values = _native.observation_panel(dataset, indicator)
    t, n, m = values.shape
    return pd.DataFrame(
        {
            "region": np.tile(np.repeat(np.asarray(rows, dtype=object), m), t),
            "activity": np.tile(np.asarray(cols, dtype=object), t * n),
            "year": np.repeat(np.asarray(years), n * m),
            "value": values.reshape(-1),
        }
    )


def round_half_even(x: float, digits: int) -> float:
    """R's ``round(x, digits)``, as EconGeo rounds (half to even on the exact decimal).

    >>> round_half_even(0.125, 2)
    0.12
    """
    if math.isnan(x):
        return x
    return _native.round_half_even(x, digits)


# polars DataFrames in, as pandas (see clusterpolicy._convert).
accept_polars(globals(), __all__)
