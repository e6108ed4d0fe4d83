"""The package as a whole: submodules mirror the core's modules, every public function and
class has a docstring with a runnable example (run by the doctests), the native module's
names are all reachable through the facades, result objects pickle, and the optional
extras are declared."""

from __future__ import annotations

import importlib
import inspect
import pickle
import re
import tomllib
from pathlib import Path
from typing import Any, List

import numpy as np
import pytest

import clusterpolicy as cp
from clusterpolicy import _native

ROOT = Path(__file__).resolve().parents[2]
#: Core modules without a Python submodule of their own: `error` is the exception classes
#: at the top level, `progress` the `progress=` argument of the long functions.
NOT_MIRRORED = {"error", "progress"}


def core_modules() -> List[str]:
    text = (ROOT / "core" / "src" / "lib.rs").read_text()
    return [m for m in re.findall(r"^pub mod (\w+);", text, re.M) if m not in NOT_MIRRORED]


def test_submodules_mirror_the_core() -> None:
    for name in core_modules():
        mod = importlib.import_module(f"clusterpolicy.{name}")
        assert mod.__doc__ and mod.__all__, name


def facade_names() -> List[Any]:
    out = []
    for name in core_modules() + ["plot"]:
        try:
            mod = importlib.import_module(f"clusterpolicy.{name}")
        except ImportError:  # pragma: no cover - a module not bound yet
            continue
        for attr in mod.__all__:
            out.append((f"{name}.{attr}", getattr(mod, attr)))
    return out


@pytest.mark.parametrize("qualname,obj", facade_names(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_public_name_has_a_docstring_with_an_example(qualname: str, obj: Any) -> None:
    if not (inspect.isclass(obj) or callable(obj)):
        return
    doc = inspect.getdoc(obj) or ""
    assert doc.strip(), f"{qualname} has no docstring"
    if inspect.isclass(obj) and issubclass(obj, BaseException):
        return
    module_doc = inspect.getdoc(importlib.import_module(f"clusterpolicy.{qualname.split('.')[0]}")) or ""
    examples = ">>>" in doc or (inspect.isclass(obj) and f"{obj.__name__}" in module_doc and ">>>" in module_doc)
    assert examples, f"{qualname} has no example (>>>) in its docstring"


def test_native_functions_are_reached_through_a_facade() -> None:
    """Every function of the native module is called by a facade module (or is one of its
    names): a capability bound in Rust but not exposed would fail here."""
    sources = "".join(p.read_text() for p in (ROOT / "bindings-python" / "python" / "clusterpolicy").glob("*.py"))
    missing = [
        n
        for n in dir(_native)
        if not n.startswith("_") and callable(getattr(_native, n)) and not re.search(rf"\b{n}\b", sources)
    ]
    assert not missing, f"native names no facade uses: {missing}"


def test_top_level_names_stay_importable() -> None:
    from clusterpolicy import Dataset, Problem, ValidationReport, report, report_html, sample_dataset  # noqa: F401

    ds = cp.sample_dataset()
    assert cp.report(ds)["summary"]["name"] == ds.name  # the module is callable as before
    assert cp.report.report(ds) == cp.report(ds)  # type: ignore[attr-defined]
    assert cp.sample.sample_dataset() == ds
    assert cp.model.Dataset is cp.Dataset


def test_results_pickle() -> None:
    ds = cp.sample_dataset()
    objs: List[Any] = [
        ds,
        ds.validate(),
        cp.model.read_long_csv(b"region,activity,year,value\nR,A,2020,1\n", year="year"),
        cp.model.read_partnerships(b"project,organisation\nP,O\n"),
        cp.strategy.topsis(np.eye(3) + 1, [0.3, 0.3, 0.4], ["benefit"] * 3),
        cp.complexity.economic_complexity(np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 0.0], [1.0, 0.0, 1.0]])),
        importlib.import_module("clusterpolicy.report").build(ds),
    ]
    for obj in objs:
        back = pickle.loads(pickle.dumps(obj))
        assert type(back) is type(obj)
        if isinstance(obj, dict):
            assert back.keys() == obj.keys()
        elif isinstance(obj, tuple):
            assert len(back) == len(obj)
        else:
            assert back == obj
        if hasattr(obj, "_repr_html_"):
            assert "<" in back._repr_html_()


def test_extras_are_declared() -> None:
    meta = tomllib.loads((ROOT / "bindings-python" / "pyproject.toml").read_text())["project"]
    assert any(d.startswith("numpy") for d in meta["dependencies"])
    extras = meta["optional-dependencies"]
    for extra, package in [("plot", "matplotlib"), ("pandas", "pandas"), ("polars", "polars"), ("progress", "tqdm")]:
        assert any(d.startswith(package) for d in extras[extra]), extra
