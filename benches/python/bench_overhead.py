"""The cost of crossing from Python into clusterpolicy: call overhead and copy cost.

Two questions a notebook user asks before calling a Rust kernel in a loop:

1. **Call overhead.** The location quotient of a 10 x 10 matrix is about a hundred
   floating-point operations, so its time is almost all overhead: argument checks and
   conversion in the Python facade, the pyo3 call, the allocation of the result array. We
   time the facade ``clusterpolicy.specialisation.rca``, the native entry point it calls
   (``clusterpolicy._native.rca_array``, no facade), the same formula as four NumPy
   expressions (the natural peer for a matrix this small) and Datawheel's
   ``economic_complexity.rca`` on the same matrix as a pandas DataFrame (its input type).
   Ratio = peer / clusterpolicy facade.

2. **Copy cost.** A float64, C-contiguous 1,000 x 1,000 matrix crosses without a copy (the
   kernel reads NumPy's buffer through a read-only view; the result is a Rust vector handed
   to NumPy without copying). Inputs of another layout or dtype are converted first. We time
   the facade on the zero-copy layout and on a Fortran-ordered, an int64 and a float32 copy
   of the same matrix; the difference to the zero-copy call is the conversion, compared with
   ``np.array(x, dtype=float64, order="C")`` of the same input (the copy itself). A pandas
   DataFrame input adds its own ``to_numpy`` and the labelled result.

Run with ``benches/run.sh overhead`` (best of repeated wall-clock runs, same process).
"""

from __future__ import annotations

import numpy as np

import clusterpolicy.specialisation as sp
from benchlib import best_of, report
from clusterpolicy import _native

try:
    import pandas as pd
except ImportError:  # pragma: no cover - pandas is in requirements-peers.txt
    pd = None

try:
    from economic_complexity import rca as datawheel_rca
except ImportError:  # pragma: no cover
    datawheel_rca = None


def numpy_lq(x: np.ndarray) -> np.ndarray:
    """LQ_ij = (x_ij / x_i.) / (x_.j / x_..), as four NumPy expressions."""
    return (x / x.sum(axis=1, keepdims=True)) / (x.sum(axis=0, keepdims=True) / x.sum())


def call_overhead() -> None:
    rng = np.random.default_rng(7)
    small = rng.integers(1, 1000, size=(10, 10)).astype(np.float64)
    ours = sp.rca(small)
    np.testing.assert_allclose(ours, numpy_lq(small), rtol=1e-12)

    facade = best_of(lambda: sp.rca(small), repeat=20000, min_time=0.5)
    native = best_of(lambda: _native.rca_array(small), repeat=20000, min_time=0.5)
    peers = {"NumPy (4 expressions)": best_of(lambda: numpy_lq(small), repeat=20000, min_time=0.5)}
    if pd is not None and datawheel_rca is not None:
        frame = pd.DataFrame(small, index=[f"r{i}" for i in range(10)], columns=[f"a{j}" for j in range(10)])
        np.testing.assert_allclose(datawheel_rca(frame).to_numpy(), ours, rtol=1e-12)
        peers["Datawheel rca (DataFrame)"] = best_of(lambda: datawheel_rca(frame), repeat=2000, min_time=0.5)
        ours_frame = best_of(lambda: sp.rca(frame), repeat=2000, min_time=0.5)
        print(f"LQ of a 10 x 10 DataFrame through clusterpolicy: {ours_frame * 1e6:.1f} us")
    print(
        f"call overhead, LQ of a 10 x 10 matrix: facade {facade * 1e6:.2f} us, native entry "
        f"{native * 1e6:.2f} us (facade share {100 * (facade - native) / facade:.0f} %)"
    )
    report("LQ 10 x 10 (call overhead)", facade, peers)


def copy_cost() -> None:
    rng = np.random.default_rng(11)
    base = rng.integers(1, 1000, size=(1000, 1000))
    inputs = {
        "float64 C-contiguous (zero copy)": base.astype(np.float64),
        "float64 Fortran order": np.asfortranarray(base.astype(np.float64)),
        "int64": base.astype(np.int64),
        "float32": base.astype(np.float32),
    }
    zero = best_of(lambda: sp.rca(inputs["float64 C-contiguous (zero copy)"]), repeat=20)
    print(f"\nLQ of a 1,000 x 1,000 matrix, zero-copy input: {zero * 1e3:.2f} ms")
    expected = sp.rca(inputs["float64 C-contiguous (zero copy)"])
    for name, x in inputs.items():
        if name.startswith("float64 C"):
            continue
        np.testing.assert_allclose(sp.rca(x), expected, rtol=1e-6 if x.dtype == np.float32 else 1e-12)
        t = best_of(lambda: sp.rca(x), repeat=20)
        copy = best_of(lambda: np.array(x, dtype=np.float64, order="C"), repeat=20)
        print(
            f"  {name:<24} {t * 1e3:8.2f} ms: +{(t - zero) * 1e3:6.2f} ms over zero copy "
            f"(NumPy's own conversion of it: {copy * 1e3:.2f} ms)"
        )
    if pd is not None:
        frame = pd.DataFrame(inputs["float64 C-contiguous (zero copy)"])
        t = best_of(lambda: sp.rca(frame), repeat=20)
        print(f"  {'pandas DataFrame':<24} {t * 1e3:8.2f} ms: +{(t - zero) * 1e3:6.2f} ms (labels in and out)")
    peer = best_of(lambda: numpy_lq(inputs["float64 C-contiguous (zero copy)"]), repeat=20)
    report("LQ 1,000 x 1,000", zero, {"NumPy (4 expressions)": peer})


if __name__ == "__main__":
    call_overhead()
    copy_cost()
