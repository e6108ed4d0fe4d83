"""Bad input at every public function: wrong shapes, NaN, empty arrays, unknown labels, wrong
types and unknown choices must raise ``ClusterPolicyError`` (or ``TypeError`` for a value
of the wrong type), never a pyo3 ``PanicException`` and never another exception class
(``KeyError``, ``AttributeError``, ``IndexError``, ... leaking from the facades).

The functions are enumerated from each facade module's ``__all__``, so a function added
later is fuzzed too. Each gets a valid baseline call built from its parameter names (a
small matrix for ``data`` / ``matrix`` / ``presence``, the sample dataset for
``dataset``, ...); then every argument in turn is replaced by each bad value. Choice
parameters (``method``, ``normalisation``, ...) given an unknown name must raise
``InvalidParameterError`` whose message lists the allowed values ("expected ...")."""

from __future__ import annotations

import importlib
import inspect
from typing import Any, Callable, Dict, Iterator, List, Tuple

import numpy as np
import pandas as pd
import pytest

import clusterpolicy as cp

MODULES = ["model", "specialisation", "complexity", "network", "synergy", "strategy", "report", "sample"]

#: Parameters whose value is a choice among names (a core enum).
CHOICES = {
    "method",
    "normalisation",
    "convention",
    "zero_rows",
    "zero_cols",
    "missing",
    "focus_scope",
    "scale",
    "diagonal",
    "weighting",
    "removal",
    "distance",
    "sampling",
    "rule",
    "level",
}

BAD_VALUES: List[Tuple[str, Any]] = [
    ("None", None),
    ("str", "no_such_label"),
    ("int", 42),
    ("float NaN", float("nan")),
    ("NaN matrix", np.array([[np.nan, 1.0], [1.0, np.nan]])),
    ("inf matrix", np.array([[np.inf, 1.0], [1.0, 2.0]])),
    ("empty matrix", np.zeros((0, 0))),
    ("empty rows", np.zeros((0, 3))),
    ("1-d array", np.array([1.0, 2.0, 3.0])),
    ("3-d array", np.ones((2, 2, 2))),
    ("3 x 2 matrix", np.ones((3, 2))),
    ("negative matrix", -np.ones((2, 2))),
    ("string matrix", np.array([["a", "b"], ["c", "d"]])),
    ("object", object()),
    ("dict", {"bogus": 1}),
    ("nested list", [[1.0], [2.0, 3.0]]),
    ("frame of strings", pd.DataFrame({"a": ["x", "y"]})),
    ("long frame unknown", pd.DataFrame({"region": ["R"], "activity": ["A"], "value": [np.nan]})),
]


def _sample() -> cp.Dataset:
    return cp.sample_dataset()


SAMPLE = _sample()
MATRIX = np.array([[3.0, 1.0, 2.0], [1.0, 4.0, 1.0], [2.0, 2.0, 5.0]])


def _network() -> Any:
    net_mod = importlib.import_module("clusterpolicy.network")
    if hasattr(cp, "Network"):
        return cp.Network.from_edges([("a", "b", 1.0), ("b", "c", 2.0), ("c", "a", 1.0)])
    return net_mod  # pragma: no cover


def baseline(name: str) -> Any:
    """A valid-looking value for a parameter called ``name``."""
    table: Dict[str, Any] = {
        "dataset": SAMPLE,
        "data": MATRIX,
        "matrix": MATRIX,
        "presence": (MATRIX > 2).astype(float),
        "counts": MATRIX,
        "values": MATRIX,
        "payoff": MATRIX,
        "base": MATRIX,
        "end": MATRIX,
        "relatedness": np.eye(3),
        "proximity": np.eye(3),
        "pci": np.array([0.1, 0.2, 0.3]),
        "weights": np.array([0.2, 0.3, 0.5]),
        "types": ["benefit", "benefit", "cost"],
        "population": [1.0, 2.0, 3.0],
        "groups": 1,
        "strategy": "no_such_strategy",
        "region": "no_such_region",
        "programme": "no_such_programme",
        "project": "no_such_project",
        "indicator": "employment",
        "observations": [{"unit": "a", "time": 1, "outcome": 1.0, "treated": True}],
        "evidence": [],
        "distances": {},
        "cut": 2000,
        "baseline": 1.0,
        "target": 2.0,
        "actual": 1.5,
        "x": 0.5,
        "digits": 2,
        "source": b"region,activity,value\nR,A,1\n",
        "participations": b"project,organisation\nP,O\n",
        "text": "region,activity,value\nR,A,1\n",
        "pairs": [("a", "b")],
        "membership": {"a": 0, "b": 0, "c": 1},
        "net": _network(),
        "network": _network(),
        "preset": "default",
        "table": None,
    }
    return table.get(name, None)


def public_functions() -> Iterator[Tuple[str, str, Callable[..., Any]]]:
    for mod_name in MODULES:
        try:
            mod = importlib.import_module(f"clusterpolicy.{mod_name}")
        except ImportError:  # a module not bound yet
            continue
        for name in getattr(mod, "__all__", []):
            fn = getattr(mod, name)
            if inspect.isclass(fn) or not callable(fn):
                continue
            yield mod_name, name, fn


FUNCTIONS = sorted({(m, n): f for m, n, f in public_functions()}.items())


def call(fn: Callable[..., Any], args: Dict[str, Any], kwargs: Dict[str, Any]) -> None:
    """Calls ``fn``; fails on any exception but ClusterPolicyError / TypeError."""
    try:
        fn(*args.values(), **kwargs)
    except (cp.ClusterPolicyError, TypeError):
        pass
    except BaseException as e:  # noqa: BLE001 - PanicException is a BaseException
        if type(e).__name__ == "PanicException":
            pytest.fail(f"panic: {e!r}")
        if isinstance(e, (KeyboardInterrupt, SystemExit)):
            raise
        pytest.fail(f"{type(e).__name__} leaked: {e!r}")


def required(fn: Callable[..., Any]) -> Tuple[List[str], List[inspect.Parameter]]:
    sig = inspect.signature(fn)
    pos = [
        p.name
        for p in sig.parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty
    ]
    options = [p for p in sig.parameters.values() if p.default is not p.empty and p.kind is not p.VAR_KEYWORD]
    return pos, options


@pytest.mark.parametrize("key", [k for k, _ in FUNCTIONS], ids=[f"{m}.{n}" for (m, n), _ in FUNCTIONS])
def test_bad_input_raises_a_typed_error(key: Tuple[str, str]) -> None:
    fn = dict(FUNCTIONS)[key]
    pos, _ = required(fn)
    base = {p: baseline(p) for p in pos}
    call(fn, base, {})
    for p in pos:
        for _, bad in BAD_VALUES:
            call(fn, {**base, p: bad}, {})


@pytest.mark.parametrize("key", [k for k, _ in FUNCTIONS], ids=[f"{m}.{n}" for (m, n), _ in FUNCTIONS])
def test_unknown_choices_list_the_allowed_values(key: Tuple[str, str]) -> None:
    fn = dict(FUNCTIONS)[key]
    pos, options = required(fn)
    base = {p: baseline(p) for p in pos}
    for opt in options:
        if opt.name not in CHOICES or not isinstance(opt.default, str):
            continue
        with pytest.raises(cp.ClusterPolicyError) as e:
            fn(*base.values(), **{opt.name: "no_such_choice"})
        message = str(e.value)
        if isinstance(e.value, cp.InvalidParameterError):
            assert "expected" in message and "no_such_choice" in message, message
        # other typed errors are possible when a baseline argument is itself rejected first


def test_every_module_is_fuzzed() -> None:
    fuzzed = {m for (m, _), _ in FUNCTIONS}
    assert {"model", "specialisation", "complexity", "strategy", "report", "sample"} <= fuzzed
