"""Synergy scoring and partner matchmaking: Leydesdorff's Triple Helix synergy (with its
decomposition by country and bootstrap intervals), Boschma's proximity synergy between
actors, clusters, regions and countries, partner recommendations, joint priorities,
transnational initiatives, the synergy impact of a programme and a held-out evaluation of
the recommendations (core ``clusterpolicy::synergy``).

The count-table kernel takes and returns NumPy arrays: :func:`triple_helix_values` reads a
3-D ``u x i x g`` array of counts. Dataset-level results are :class:`~clusterpolicy._results.Result`
dicts (the serde form of the core results, with an HTML rendering in Jupyter); tables carry
their ``counts`` as a 3-D array, the proximity matrix its ``synergy`` as a 2-D array
labelled by ``ids``, and the ``*_frame`` helpers give pandas DataFrames. A subject is a
``(kind, id)`` tuple such as ``("cluster", "CL-001")`` (or the dict ``{"kind", "id"}``);
kinds are ``actor``, ``cluster``, ``region`` and ``country``. Options are keyword arguments
of the core ``XxxParams`` structs (nested options as dicts); a wrong one raises
``InvalidParameterError`` naming it, and an unknown choice lists the allowed values.
A specialisation matrix (region x activity, e.g. RCA) is a wide DataFrame (index regions,
columns activities), a long one (columns ``region``, ``activity``, ``value``) or a
``(rows, cols, values)`` tuple.

>>> import numpy as np
>>> import clusterpolicy as cp
>>> import clusterpolicy.synergy as cs
>>> xor = np.array([[[1.0, 0.0], [0.0, 1.0]], [[0.0, 1.0], [1.0, 0.0]]])  # g = u XOR i
>>> th = cs.triple_helix_values(xor)
>>> th["t_ui"], th["t_ug"], th["t_ig"], th["t_uig"]
(0.0, 0.0, 0.0, -1.0)
>>> ds = cp.sample_dataset()
>>> d = cs.triple_helix_decomposition(ds)
>>> len(d["groups"]), abs(d["within"] + d["between"] - d["total"]["t_uig"]) < 1e-12
(16, True)
>>> recs = cs.match_partners(ds, [("cluster", "CL-001")], k=3)
>>> [r["rank"] for r in recs]
[1, 2, 3]
"""

from __future__ import annotations

import importlib
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from clusterpolicy import _native
from clusterpolicy._convert import accept_polars, float_array, matrix, shape_mismatch
from clusterpolicy._native import Dataset
from clusterpolicy._results import Result

__all__ = [
    "SynergyContext",
    "triple_helix_values",
    "triple_helix_table",
    "triple_helix",
    "triple_helix_bootstrap",
    "decompose",
    "triple_helix_decomposition",
    "decomposition_frame",
    "proximity",
    "proximity_matrix",
    "match_partners",
    "match_partners_frame",
    "joint_priorities",
    "design_initiative",
    "evaluate_initiatives",
    "synergy_impact",
    "match_actors",
    "heldout_evaluation",
    "summarise",
]

#: A subject: ``(kind, id)`` with kind ``actor``, ``cluster``, ``region`` or ``country``, or
#: the dict ``{"kind": ..., "id": ...}``.
Subject = Union[Tuple[str, str], Mapping[str, str]]

#: A region x activity matrix: a wide or long DataFrame or ``(rows, cols, values)``.
Specialisation = Any

#: A labelled three-way table (the result of :func:`triple_helix_table`) or a bare 3-D array.
Table = Any


def _subject(x: Any, name: str) -> Dict[str, Any]:
    if isinstance(x, Mapping):
        return dict(x)
    if isinstance(x, (tuple, list)) and len(x) == 2 and all(isinstance(v, str) for v in x):
        return {"kind": x[0], "id": x[1]}
    raise TypeError(f"{name}: expected a subject (kind, id) such as ('cluster', 'CL-001'), got {type(x).__name__}")


def _subjects(xs: Any, name: str) -> List[Dict[str, Any]]:
    if isinstance(xs, (str, bytes, Mapping)) or not isinstance(xs, (list, tuple)):
        raise TypeError(f"{name}: expected a list of subjects (kind, id), got {type(xs).__name__}")
    return [_subject(x, name) for x in xs]


def _table(table: Any) -> Dict[str, Any]:
    """The serde form of a table: a labelled table (dict) or a bare 3-D array (axes ``u``,
    ``i``, ``g`` labelled by position)."""
    if isinstance(table, Mapping):
        out = dict(table)
        if isinstance(out.get("counts"), np.ndarray):
            out["counts"] = out["counts"].tolist()
        return out
    if table is None or isinstance(table, (str, bytes, int, float)):
        raise TypeError(f"table: expected a table from triple_helix_table or a 3-D array, got {type(table).__name__}")
    counts = float_array(table, "table")
    if counts.ndim != 3:
        raise shape_mismatch("table", "a 3-D array (u x i x g)", f"{counts.ndim} dimension(s)")
    axes = {n: {"name": n, "labels": [str(k) for k in range(s)]} for n, s in zip("uig", counts.shape)}
    return {**axes, "counts": counts.tolist()}


def _with_counts(r: Dict[str, Any], title: str) -> Result:
    out = Result(r, title=title)
    out["counts"] = np.asarray(r["counts"], dtype=np.float64).reshape(
        len(r["u"]["labels"]), len(r["i"]["labels"]), len(r["g"]["labels"])
    )
    return out


def _specialisation(x: Specialisation) -> Optional[Tuple[List[str], List[str], np.ndarray]]:
    if x is None:
        return None
    if hasattr(x, "columns") and {"region", "activity", "value"} <= set(x.columns):
        x = x.pivot_table(index="region", columns="activity", values="value", aggfunc="sum", dropna=False)
    if hasattr(x, "index") and hasattr(x, "columns") and hasattr(x, "to_numpy"):
        values = matrix(x.to_numpy(dtype=np.float64), "specialisation")
        return [str(r) for r in x.index], [str(c) for c in x.columns], values
    if isinstance(x, tuple) and len(x) == 3:
        rows, cols, values = x
        return [str(r) for r in rows], [str(c) for c in cols], matrix(values, "specialisation")
    raise TypeError(f"specialisation: expected a DataFrame or (rows, cols, values), got {type(x).__name__}")


def _matrix_wire(x: Any) -> Any:
    """A DataFrame option (``relatedness_matrix``, ``distance_matrix``) in its serde form."""
    if hasattr(x, "index") and hasattr(x, "columns") and hasattr(x, "to_numpy"):
        values = x.to_numpy(dtype=np.float64)
        return {"rows": [str(r) for r in x.index], "cols": [str(c) for c in x.columns], "values": values.tolist()}
    return x


def _proximity_options(p: Dict[str, Any]) -> Dict[str, Any]:
    out = dict(p)
    for key in ("relatedness_matrix", "distance_matrix"):
        if key in out:
            out[key] = _matrix_wire(out[key])
    return out


def _options(params: Dict[str, Any]) -> Dict[str, Any]:
    """Keyword options with DataFrames of the proximity options in their serde form, and
    subjects given as tuples as dicts."""
    out = _proximity_options(params)
    if isinstance(out.get("proximity"), Mapping):
        out["proximity"] = _proximity_options(dict(out["proximity"]))
    if isinstance(out.get("candidates"), (list, tuple)):
        out["candidates"] = _subjects(out["candidates"], "candidates")
    return out


def triple_helix_values(counts: Any) -> Result:
    """Triple Helix entropies and mutual informations, in bits, of a ``u x i x g`` array of
    counts.

    ``H_x = -sum p log2 p`` of each margin, ``T_xy = H_x + H_y - H_xy`` (>= 0) and
    ``T_uig = H_u + H_i + H_g - H_ui - H_ug - H_ig + H_uig``; a negative ``T_uig`` is
    synergy (Leydesdorff 2003; Leydesdorff & Fritsch 2006). Keys: ``n``, ``h_u`` ... ``h_uig``,
    ``t_ui``, ``t_ug``, ``t_ig``, ``t_uig``. Errors: ``ShapeMismatchError`` for an array that
    is not 3-D, ``NonFiniteError`` / ``InvalidParameterError`` naming the NaN or negative
    cell, ``EmptyInputError`` for an all-zero table.

    >>> u_equals_i_equals_g = [[[1.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 1.0]]]
    >>> triple_helix_values(u_equals_i_equals_g)["t_uig"]  # pure redundancy
    1.0
    """
    a = float_array(counts, "counts")
    if a.ndim != 3:
        raise shape_mismatch("counts", "a 3-D array (u x i x g)", f"{a.ndim} dimension(s)")
    return Result(_native.syn_triple_helix_values(a), title="Triple Helix")


def triple_helix_table(dataset: Dataset, **params: Any) -> Result:
    """The helix x activity x geography table of a dataset: ``u``, ``i``, ``g`` (each
    ``{"name", "labels"}``), ``counts`` (a 3-D array) and ``skipped`` (units left out).

    Options: ``geography`` (``"region"``, ``"country"`` or ``{"level": l}``),
    ``activity_level``, ``counting`` (``"fractional"``, ``"whole"``), ``unit``
    (``"actors"``, ``"participations"``), ``window`` (``{"start_year", "end_year"}``),
    ``programmes``.

    >>> import clusterpolicy as cp
    >>> t = triple_helix_table(cp.sample_dataset(), geography="country", activity_level=1)
    >>> t["counts"].shape[2], t["u"]["name"]
    (16, 'helix')
    """
    return _with_counts(_native.syn_triple_helix_table(dataset, **params), "Triple Helix table")


def triple_helix(table: Table) -> Result:
    """Triple Helix values of a labelled table (or of a bare 3-D array), as
    :func:`triple_helix_values`.

    >>> import clusterpolicy as cp
    >>> th = triple_helix(triple_helix_table(cp.sample_dataset()))
    >>> th["t_ui"] >= 0 and th["t_ug"] >= 0 and th["t_ig"] >= 0
    True
    """
    return Result(_native.syn_triple_helix(_table(table)), title="Triple Helix")


def triple_helix_bootstrap(table: Table, **params: Any) -> Result:
    """Triple Helix values with seeded bootstrap intervals: ``estimate`` and one interval
    (``estimate``, ``lower``, ``upper``, ``std_error``, ``bias``) per ``t_ui``, ``t_ug``,
    ``t_ig``, ``t_uig``. Each replicate draws ``round(N)`` units from the cell shares.

    Options: ``replicates`` (1000), ``seed`` (42), ``confidence`` (0.95), ``method``
    (``"basic"``, the default, or ``"percentile"``).

    >>> import numpy as np
    >>> counts = np.array([[[30.0, 2.0], [3.0, 25.0]], [[4.0, 28.0], [27.0, 1.0]]])
    >>> b = triple_helix_bootstrap(counts, replicates=200)
    >>> b["t_uig"]["lower"] <= b["estimate"]["t_uig"] <= b["t_uig"]["upper"] < 0
    True
    """
    return Result(_native.syn_triple_helix_bootstrap(_table(table), **params), title="Triple Helix bootstrap")


def decompose(table: Table, groups: Mapping[str, str], bootstrap: Optional[Mapping[str, Any]] = None) -> Result:
    """Decomposes ``T_uig`` of a table into group contributions ``(n_G / N) T_G`` and the
    between-group term (``T_uig`` of the table aggregated to the groups), Leydesdorff &
    Strand (2013): ``total``, ``groups``, ``within``, ``between``, ``between_table``.

    ``groups`` maps each label of the table's geography to its group; ``bootstrap`` (a dict
    of :func:`triple_helix_bootstrap` options, ``{}`` for the defaults) adds intervals.

    >>> import clusterpolicy as cp
    >>> ds = cp.sample_dataset()
    >>> country = {r["id"]: r["country"] for r in ds.to_dict()["regions"]}
    >>> d = decompose(triple_helix_table(ds), country)
    >>> abs(d["within"] + d["between"] - d["total"]["t_uig"]) < 1e-12
    True
    """
    if not isinstance(groups, Mapping):
        raise TypeError(f"groups: expected a mapping from geographical unit to group, got {type(groups).__name__}")
    b = None if bootstrap is None else dict(bootstrap)
    return Result(_native.syn_decompose(_table(table), dict(groups), b), title="Triple Helix decomposition")


def triple_helix_decomposition(dataset: Dataset, **params: Any) -> Result:
    """The Triple Helix synergy of a dataset decomposed into the contributions of countries
    (or higher-level regions) and the between-group term (see :func:`decompose`).

    Options: ``table`` (the :func:`triple_helix_table` options, as a dict), ``groups``
    (``"country"``, the default, or ``{"level": l}``), ``bootstrap`` (a dict of bootstrap
    options; none by default).

    >>> import clusterpolicy as cp
    >>> d = triple_helix_decomposition(cp.sample_dataset(), bootstrap={"replicates": 50})
    >>> d["total_interval"]["lower"] <= d["total_interval"]["upper"]
    True
    """
    return Result(_native.syn_triple_helix_decomposition(dataset, **params), title="Triple Helix decomposition")


def decomposition_frame(decomposition: Mapping[str, Any]) -> Any:
    """The groups of a decomposition as a DataFrame (index: group) of ``weight``,
    ``t_uig`` (within the group), ``contribution`` and, with a bootstrap, its ``lower`` and
    ``upper`` bounds; needs pandas.

    >>> import clusterpolicy as cp
    >>> f = decomposition_frame(triple_helix_decomposition(cp.sample_dataset()))
    >>> list(f.columns), round(float(f["weight"].sum()), 12)
    (['weight', 't_uig', 'contribution', 'lower', 'upper'], 1.0)
    """
    if not isinstance(decomposition, Mapping) or not isinstance(decomposition.get("groups"), list):
        raise TypeError("decomposition: expected the result of decompose or triple_helix_decomposition")
    pd: Any = importlib.import_module("pandas")

    rows = [
        {
            "weight": g["weight"],
            "t_uig": g["synergy"]["t_uig"],
            "contribution": g["contribution"],
            "lower": g["interval"]["lower"] if g.get("interval") else float("nan"),
            "upper": g["interval"]["upper"] if g.get("interval") else float("nan"),
        }
        for g in decomposition["groups"]
    ]
    frame = pd.DataFrame(rows, index=[g["group"] for g in decomposition["groups"]])
    frame.index.name = "group"
    return frame


def proximity(dataset: Dataset, a: Subject, b: Subject, **params: Any) -> Result:
    """Proximity synergy of two subjects: Boschma's five proximities (cognitive with an
    inverted U, organisational, social, institutional, geographical) and complementarity,
    each in [0, 1], combined by weights: ``synergy``, ``components``, ``contributions``
    (adding up to ``synergy``) and the ``details`` behind them.

    Options (``ProximityParams``): ``weights`` (a dict by component), ``cognitive``
    (``"soft_cosine"``, ``"cosine"``), ``cognitive_optimum`` (0.5; ``None`` for "more is
    better"), ``relatedness``, ``relatedness_matrix`` (a DataFrame), ``organisational``
    (``"mean"``, ``"neighbourhood"``, ``"community"``), ``community``, ``projection``,
    ``social_half_saturation``, ``distance_decay_km``, ``distance_matrix`` (a DataFrame).

    >>> import clusterpolicy as cp
    >>> p = proximity(cp.sample_dataset(), ("region", "SI04"), ("region", "HR05"))
    >>> 0 <= p["synergy"] <= 1, 100 < p["details"]["distance_km"] < 130
    (True, True)
    """
    return Result(
        _native.syn_proximity(dataset, _subject(a, "a"), _subject(b, "b"), **_options(params)), title="Proximity"
    )


def proximity_matrix(dataset: Dataset, subjects: Sequence[Subject], **params: Any) -> Result:
    """Proximity synergy between every pair of subjects: ``ids``, ``synergy`` (a 2-D array,
    ``subjects x subjects``), ``subjects`` and ``pairs`` (each pair ``i < j`` explained as
    :func:`proximity`). Options as :func:`proximity`.

    >>> import clusterpolicy as cp
    >>> m = proximity_matrix(cp.sample_dataset(), [("cluster", "CL-001"), ("cluster", "CL-002"), ("cluster", "CL-003")])
    >>> m["synergy"].shape, len(m["pairs"]), m["ids"]
    ((3, 3), 3, ['CL-001', 'CL-002', 'CL-003'])
    """
    r = _native.syn_proximity_matrix(dataset, _subjects(subjects, "subjects"), **_options(params))
    out = Result(r, title="Proximity matrix")
    out["ids"] = list(r["synergy"]["rows"])
    out["synergy"] = np.asarray(r["synergy"]["values"], dtype=np.float64).reshape(len(out["ids"]), len(out["ids"]))
    return out


def match_partners(dataset: Dataset, subjects: Sequence[Subject], **params: Any) -> List[Dict[str, Any]]:
    """Ranked partner candidates for each subject: ``score = (1 - lambda) synergy + lambda
    link / max link`` (proximity synergy and a link-prediction score), with the components,
    shared partners and an explanation in words.

    Options (``MatchParams``): ``proximity`` (a dict of :func:`proximity` options),
    ``link_method`` (``"adamic_adar"``, ``"common_neighbours"``, ``"jaccard"``,
    ``"resource_allocation"``, ``"preferential_attachment"``), ``link_weight`` (0.5), ``k``
    (10), ``transnational`` (True), ``countries``, ``exclude_countries``, ``helix``,
    ``exclude_existing`` (True), ``candidates`` (subjects), ``max_explained``.

    >>> import clusterpolicy as cp
    >>> recs = match_partners(cp.sample_dataset(), [("cluster", "CL-001")], k=2)
    >>> recs[0]["score"] >= recs[1]["score"] and bool(recs[0]["explanation"])
    True
    """
    return _native.syn_match_partners(dataset, _subjects(subjects, "subjects"), **_options(params))


def match_partners_frame(dataset: Dataset, subjects: Sequence[Subject], **params: Any) -> Any:
    """:func:`match_partners` as a DataFrame (one row per recommendation: subject,
    candidate, name, rank, score, synergy, link scores, explanation); needs pandas.

    >>> import clusterpolicy as cp
    >>> f = match_partners_frame(cp.sample_dataset(), [("cluster", "CL-001")], k=3)
    >>> list(f["rank"])
    [1, 2, 3]
    """
    pd: Any = importlib.import_module("pandas")

    rows = [
        {
            "subject": r["subject"]["id"],
            "candidate": r["candidate"]["id"],
            "name": r["name"],
            "countries": ", ".join(r["countries"]),
            "rank": r["rank"],
            "score": r["score"],
            "synergy": r["synergy"],
            "link_score": r["link_score"],
            "link_normalised": r["link_normalised"],
            "explanation": r["explanation"],
        }
        for r in match_partners(dataset, subjects, **params)
    ]
    return pd.DataFrame(rows)


def joint_priorities(dataset: Dataset, specialisation: Specialisation = None, **params: Any) -> Result:
    """Shared priority activities of regions, from their strategies and (optionally) a
    specialisation matrix: ``score = w x priority share + (1 - w) x specialisation share``.
    Result: ``regions``, ``priorities`` (best first), ``domains``.

    Options: ``regions`` (ids; every region with a strategy by default), ``threshold`` (1),
    ``strategy_weight`` (0.5), ``min_regions`` (2).

    >>> import clusterpolicy as cp
    >>> jp = joint_priorities(cp.sample_dataset())
    >>> len(jp["priorities"][0]["prioritised_by"]) >= 2
    True
    """
    return Result(
        _native.syn_joint_priorities(dataset, _specialisation(specialisation), **params), title="Joint priorities"
    )


def design_initiative(dataset: Dataset, specialisation: Specialisation = None, **params: Any) -> Result:
    """The members of a transnational cluster initiative: greedy maximisation of covered
    synergy, programme-area coverage and joint-priority coverage under a size budget (a
    monotone submodular objective, so at least ``(1 - 1/e)`` of the optimum).

    Options (``InitiativeParams``): ``kind`` (``"cluster"``), ``candidates``, ``budget`` (6),
    ``programme``, ``weights`` (``{"synergy", "coverage", "priorities"}``),
    ``max_per_country``, ``proximity``, ``priorities``.

    >>> import clusterpolicy as cp
    >>> ini = design_initiative(cp.sample_dataset(), budget=4)
    >>> len(ini["members"]), ini["value"]["objective"] <= ini["upper_bound"] + 1e-12
    (4, True)
    """
    return Result(
        _native.syn_design_initiative(dataset, _specialisation(specialisation), **_options(params)), title="Initiative"
    )


def evaluate_initiatives(
    dataset: Dataset, sets: Sequence[Sequence[Subject]], specialisation: Specialisation = None, **params: Any
) -> List[Dict[str, Any]]:
    """The objective values (``objective``, ``synergy``, ``coverage``, ``priorities``) of
    given member sets, on the terms of :func:`design_initiative`.

    >>> import clusterpolicy as cp
    >>> v = evaluate_initiatives(cp.sample_dataset(), [[("cluster", "CL-001")], [("cluster", "CL-001"), ("cluster", "CL-002")]])
    >>> v[1]["objective"] >= v[0]["objective"]
    True
    """
    if isinstance(sets, (str, bytes, Mapping)) or not isinstance(sets, (list, tuple)):
        raise TypeError(f"sets: expected a list of lists of subjects, got {type(sets).__name__}")
    wire = [_subjects(s, "sets") for s in sets]
    return _native.syn_evaluate_initiatives(dataset, wire, _specialisation(specialisation), **_options(params))


def _period(p: Any, name: str) -> Dict[str, Any]:
    if isinstance(p, Mapping):
        return dict(p)
    if isinstance(p, (tuple, list)) and len(p) == 2:
        return {"start_year": p[0], "end_year": p[1]}
    raise TypeError(f"{name}: expected a period (start_year, end_year), got {type(p).__name__}")


def synergy_impact(dataset: Dataset, before: Any, after: Any, **params: Any) -> Result:
    """Triple Helix synergy of the participations and cooperation-network measures in two
    periods (``before``, ``after``: ``(start_year, end_year)``), with project-bootstrap
    intervals of each value and of the change: ``measures``, ``network_before``,
    ``network_after``, ...

    Options: ``table``, ``projection``, ``group_by``, ``bootstrap`` (a dict; 1000 replicates
    by default).

    >>> import clusterpolicy as cp
    >>> im = synergy_impact(cp.sample_dataset(), (2007, 2013), (2014, 2020), bootstrap={"replicates": 50})
    >>> t = next(m for m in im["measures"] if m["measure"] == "t_uig")
    >>> t["change"]["estimate"] == t["after"]["estimate"] - t["before"]["estimate"]
    True
    """
    return Result(
        _native.syn_synergy_impact(
            dataset, before=_period(before, "before"), after=_period(after, "after"), **params
        ),
        title="Synergy impact",
    )


def match_actors(a: Dataset, b: Dataset) -> Result:
    """Matches the actors of two datasets one to one: by the same id, then by the same
    normalised name and country (when unique on both sides). Result: ``pairs`` (``a``,
    ``b``, ``rule``), ``by_id``, ``by_name``, ``ambiguous_names``, ``actors_a``,
    ``actors_b``.

    >>> import clusterpolicy as cp
    >>> ds = cp.sample_dataset()
    >>> m = match_actors(ds, ds)
    >>> m["by_id"] == m["actors_a"] == len(m["pairs"])
    True
    """
    return Result(_native.syn_match_actors(a, b), title="Actor matching")


def heldout_evaluation(
    before: Dataset, after: Dataset, matching: Optional[Mapping[str, Any]] = None, **params: Any
) -> Result:
    """Does the matchmaking recommend the partners that later cooperate? Trains on
    ``before``, counts as positives the new partnerships of ``after`` among the matched
    actors (``matching``, :func:`match_actors` by default) and reports per predictor
    (``matchmaking``, ``proximity_synergy``, the link scores, ``random``) the AUC, average
    precision and precision/recall at k.

    Options (``HeldOutParams``): ``proximity``, ``link_method``, ``link_weight``, ``k``
    ([5, 10, 20]), ``transnational``, ``seed``.

    >>> import clusterpolicy as cp
    >>> mk = lambda projects: cp.Dataset.from_dict({"name": "x",
    ...     "actors": [{"id": a, "name": a, "country": "SI"} for a in "abcd"],
    ...     "projects": [{"id": p, "title": p, "partners": [{"actor": x, "role": "partner"} for x in who]}
    ...                  for p, who in projects]})
    >>> e = heldout_evaluation(mk([("P1", "ab"), ("P2", "bc"), ("P3", "cd")]), mk([("Q1", "ac"), ("Q2", "bd")]))
    >>> e["population"], e["new_ties"]
    (4, 2)
    """
    m = dict(matching) if matching is not None else _native.syn_match_actors(before, after)
    return Result(_native.syn_heldout_evaluation(before, after, m, **_options(params)), title="Held-out evaluation")


def summarise(dataset: Dataset, specialisation: Specialisation = None) -> Result:
    """The synergy section of the report: the Triple Helix decomposition by country (200
    bootstrap replicates), the sample actors and their recommended partners, joint
    priorities, a proposed initiative and the synergy impact between the first two periods.

    >>> import clusterpolicy as cp
    >>> s = summarise(cp.sample_dataset())
    >>> len(s["sample_actors"]), s["initiative"] is not None
    (5, True)
    """
    return Result(_native.syn_summarise(dataset, _specialisation(specialisation)), title="Synergy")


class SynergyContext:
    """A dataset with fixed proximity options, for many proximity computations.

    The options are checked when the context is made (``InvalidParameterError`` naming a
    wrong one). :meth:`proximities` builds the core ``SynergyContext`` (the projection, its
    communities and the relatedness of activities) once for all the pairs it is given;
    :meth:`proximity`, :meth:`matrix` and :meth:`match_partners` each build it once per
    call (the core context borrows the dataset, which cannot be kept across calls without
    unsafe code, forbidden in this workspace). :meth:`network` is the projection it uses.
    Pickles (the dataset and the options).

    >>> import clusterpolicy as cp
    >>> ctx = SynergyContext(cp.sample_dataset(), cognitive="cosine")
    >>> ctx.params["cognitive"], ctx.params["weights"]["social"]
    ('cosine', 1.0)
    >>> ps = ctx.proximities([(("cluster", "CL-001"), ("cluster", "CL-002")), (("region", "SI04"), ("region", "HR05"))])
    >>> [round(p["synergy"], 12) == round(ctx.proximity(p["a"], p["b"])["synergy"], 12) for p in ps]
    [True, True]
    >>> ctx.network().node_count > 0
    True
    """

    dataset: Dataset
    params: Dict[str, Any]

    def __init__(self, dataset: Dataset, **params: Any) -> None:
        if not isinstance(dataset, Dataset):
            raise TypeError(f"dataset: expected a Dataset, got {type(dataset).__name__}")
        self.dataset = dataset
        self.params = _native.syn_proximity_params(**_proximity_options(params))

    def __repr__(self) -> str:
        return f"SynergyContext(dataset={self.dataset.name!r})"

    def proximity(self, a: Subject, b: Subject) -> Result:
        """Proximity synergy of two subjects (see :func:`proximity`)."""
        return proximity(self.dataset, a, b, **self.params)

    def proximities(self, pairs: Sequence[Tuple[Subject, Subject]]) -> List[Dict[str, Any]]:
        """Proximity synergy of each pair ``(a, b)``, on one core context."""
        if isinstance(pairs, (str, bytes, Mapping)) or not isinstance(pairs, (list, tuple)):
            raise TypeError(f"pairs: expected a list of (a, b) subject pairs, got {type(pairs).__name__}")
        wire = []
        for pair in pairs:
            if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
                raise TypeError("pairs: each pair must be (a, b)")
            wire.append((_subject(pair[0], "pairs"), _subject(pair[1], "pairs")))
        return _native.syn_context_proximities(self.dataset, wire, **self.params)

    def matrix(self, subjects: Sequence[Subject]) -> Result:
        """Proximity synergy between every pair of subjects (see :func:`proximity_matrix`)."""
        return proximity_matrix(self.dataset, subjects, **self.params)

    def network(self) -> Any:
        """The cooperation network the context uses: the projection of its ``projection``
        options (see :func:`clusterpolicy.network.projection`)."""
        net, _ = _native.net_projection(self.dataset, **self.params["projection"])
        return net

    def match_partners(self, subjects: Sequence[Subject], **params: Any) -> List[Dict[str, Any]]:
        """Partner candidates with this context's proximity options (see
        :func:`match_partners`)."""
        return match_partners(self.dataset, subjects, proximity=self.params, **params)


accept_polars(globals(), __all__)
