"""Conversions at the edge of the facades: NumPy arrays without copies where the layout
allows, typed errors for values that are not numbers, polars DataFrames as pandas.

* :func:`float_array`: a float64 array, no copy for a float64 array of any memory order (the
  native functions take strided views) or a single-dtype float64 DataFrame; ``TypeError``
  for ``None``, strings and other non-numbers, ``InvalidParameterError`` (naming the
  argument) for ragged or non-numeric sequences.
* :func:`accept_polars`: wraps a module's public functions so that a polars ``DataFrame``
  (or ``Series``) argument arrives as pandas. A polars frame has no index: a wide frame's
  first column, when it holds strings, becomes the index (regions); a long frame (with the
  label and value columns) stays long. Needs pandas; polars is never imported here.

>>> import numpy as np
>>> from clusterpolicy._convert import float_array
>>> a = np.asfortranarray(np.ones((2, 3)))
>>> float_array(a, "values") is a
True
>>> float_array("x", "values")
Traceback (most recent call last):
...
TypeError: values: expected an array of numbers, got str
>>> float_array([[1.0], [2.0, 3.0]], "values")
Traceback (most recent call last):
...
clusterpolicy.InvalidParameterError: invalid parameter `values`: not an array of numbers (...)
"""

from __future__ import annotations

import functools
import importlib
from typing import Any, Callable, Dict, Iterable, TypeVar

import numpy as np

from clusterpolicy import _native

__all__ = ["float_array", "matrix", "invalid", "shape_mismatch", "is_polars", "to_pandas", "accept_polars"]

F = TypeVar("F", bound=Callable[..., Any])


def invalid(name: str, reason: str) -> Exception:
    """An ``InvalidParameterError`` naming ``name``, with ``name`` and ``reason`` attributes
    as the native errors have them."""
    e: Exception = _native.InvalidParameterError(f"invalid parameter `{name}`: {reason}")
    e.name = name  # type: ignore[attr-defined]
    e.reason = reason  # type: ignore[attr-defined]
    return e


def shape_mismatch(what: str, expected: str, found: str) -> Exception:
    """A ``ShapeMismatchError`` with ``what``, ``expected`` and ``found`` attributes."""
    e: Exception = _native.ShapeMismatchError(f"shape mismatch in {what}: expected {expected}, found {found}")
    e.what, e.expected, e.found = what, expected, found  # type: ignore[attr-defined]
    return e


def matrix(x: Any, name: str) -> np.ndarray:
    """``x`` as a 2-d float64 array (:func:`float_array`), else ``ShapeMismatchError``."""
    a = float_array(x, name)
    if a.ndim != 2:
        raise shape_mismatch(name, "a 2-d array", f"{a.ndim} dimension(s)")
    return a


def float_array(x: Any, name: str) -> np.ndarray:
    """``x`` as a float64 array (see the module doc)."""
    if isinstance(x, np.ndarray) and x.dtype == np.float64:
        return x
    if x is None or isinstance(x, (str, bytes, dict)) or not (
        hasattr(x, "__array__") or hasattr(x, "__len__") or isinstance(x, (int, float))
    ):
        raise TypeError(f"{name}: expected an array of numbers, got {type(x).__name__}")
    try:
        if type(x).__name__ == "DataFrame" and hasattr(x, "to_numpy"):
            return np.asarray(x.to_numpy(dtype=np.float64, copy=False))
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError) as e:
        raise invalid(name, f"not an array of numbers ({e})") from None


def is_polars(x: Any) -> bool:
    """True for a polars ``DataFrame`` or ``Series`` (checked by module, without importing
    polars)."""
    return type(x).__module__.split(".")[0] == "polars" and type(x).__name__ in ("DataFrame", "Series")


def to_pandas(x: Any) -> Any:
    """A polars frame or series as pandas (without pyarrow: column by column through NumPy);
    anything else unchanged."""
    if not is_polars(x):
        return x
    pd = importlib.import_module("pandas")
    if type(x).__name__ == "Series":
        return pd.Series(x.to_numpy(), name=x.name)
    cols: Dict[str, Any] = {c: x[c].to_numpy() for c in x.columns}
    df = pd.DataFrame(cols)
    long = {"region", "activity", "value"} <= set(df.columns) or {"activity_1", "activity_2"} <= set(df.columns)
    if not long and len(df.columns) > 1 and df.dtypes.iloc[0] == object:
        df = df.set_index(df.columns[0])
    return df


def accept_polars(namespace: Dict[str, Any], names: Iterable[str]) -> None:
    """Wraps the functions ``names`` of a module namespace so that polars arguments arrive as
    pandas (see the module doc). The wrappers keep the name, docstring, signature and module
    of the function (so doctests and ``inspect.signature`` see the original)."""
    for name in names:
        fn = namespace.get(name)
        if not callable(fn) or isinstance(fn, type) or not hasattr(fn, "__code__"):
            continue
        namespace[name] = _wrap(fn)


def _wrap(fn: F) -> F:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if any(is_polars(a) for a in args) or any(is_polars(v) for v in kwargs.values()):
            args = tuple(to_pandas(a) for a in args)
            kwargs = {k: to_pandas(v) for k, v in kwargs.items()}
        return fn(*args, **kwargs)

    return wrapper  # type: ignore[return-value]
