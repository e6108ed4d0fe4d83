"""Shared helpers for the peer-comparison benchmarks.

Each benchmark times clusterpolicy (through its Python binding) and the peers on the same
in-memory data in the same process, and prints the ratio peer / clusterpolicy. Times are
the best of several repeats of wall-clock time measured with ``time.perf_counter``.
"""

from __future__ import annotations

import os
import pathlib
import time
from typing import Callable

SHARED = pathlib.Path(os.environ.get("CLUSTERPOLICY_SHARED", pathlib.Path(__file__).resolve().parents[3] / "shared"))


def shared_data(*parts: str) -> pathlib.Path:
    """Path of a file in ../shared/data; exits with a notice when it is missing."""
    path = SHARED.joinpath("data", *parts)
    if not path.exists():
        raise SystemExit(f"skipping: {path} not found (set CLUSTERPOLICY_SHARED)")
    return path


def best_of(fn: Callable[[], object], repeat: int = 5, min_time: float = 0.2) -> float:
    """Best wall-clock seconds of ``fn()`` over ``repeat`` runs (more runs for fast functions)."""
    best = float("inf")
    runs = 0
    started = time.perf_counter()
    while runs < repeat or (time.perf_counter() - started < min_time and runs < 1000):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
        runs += 1
    return best


def report(task: str, ours: float, peers: dict[str, float]) -> None:
    """Prints one line per peer: times and the ratio peer / ours."""
    print(f"{task}: clusterpolicy {ours * 1e3:.3f} ms")
    for name, t in peers.items():
        print(f"  {name:<28} {t * 1e3:10.3f} ms   ratio {t / ours:8.1f}x")
