"""Strategy (MCDA) benchmark: TOPSIS, VIKOR and PROMETHEE II on 500 options x 12 criteria and
SMAA-2 with 10 000 weight samples, clusterpolicy (Python binding) against pymcdm 1.4.0 in the
same process, printing the ratio pymcdm / clusterpolicy.

pymcdm is timed as a user calls it (``method(matrix, weights, types)``, which validates the
problem first) and with ``validation=False`` (its bare computation). pymcdm has no SMAA; the
peer is SMAA written with pymcdm the way its users would: one ``WSM(minmax_normalization)``
call and one ``rankdata`` per weight sample (validation off); a vectorised NumPy SMAA is
timed as a second, stronger peer. Results are checked against each other before timing.

Run with ``benches/run.sh strategy`` (single-threaded BLAS for the peers).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import best_of, report  # noqa: E402

import clusterpolicy.strategy as cs  # noqa: E402
from pymcdm import normalizations as N  # noqa: E402
from pymcdm.helpers import rankdata  # noqa: E402
from pymcdm.methods import PROMETHEE_II, TOPSIS, VIKOR, WSM  # noqa: E402

N_OPTIONS, N_CRITERIA, SAMPLES = 500, 12, 10_000

rng = np.random.default_rng(2024)
X = rng.uniform(1.0, 100.0, (N_OPTIONS, N_CRITERIA))
W = rng.uniform(0.5, 1.5, N_CRITERIA)
W /= W.sum()
T = np.where(np.arange(N_CRITERIA) % 3 == 0, -1, 1)


def check() -> None:
    np.testing.assert_allclose(cs.topsis(X, W, T)["closeness"], TOPSIS(N.vector_normalization)(X, W, T), atol=1e-9)
    np.testing.assert_allclose(cs.vikor(X, W, T)["q"], VIKOR()(X, W, T), atol=1e-9)
    np.testing.assert_allclose(cs.promethee_ii(X, W, T)["phi_net"], PROMETHEE_II("usual")(X, W, T), atol=1e-9)


def smaa_pymcdm(samples: int, seed: int = 0) -> np.ndarray:
    """SMAA-2 rank acceptability with pymcdm's WSM and rankdata, one call per sample."""
    r = np.random.default_rng(seed)
    wsm = WSM(N.minmax_normalization)
    acc = np.zeros((N_OPTIONS, N_OPTIONS))
    idx = np.arange(N_OPTIONS)
    for _ in range(samples):
        w = r.dirichlet(np.ones(N_CRITERIA))
        ranks = rankdata(wsm(X, w, T, validation=False), reverse=True).astype(int) - 1
        acc[idx, ranks] += 1
    return acc / samples


def smaa_numpy(samples: int, seed: int = 0) -> np.ndarray:
    """SMAA-2 rank acceptability, vectorised NumPy: one matrix product and one argsort."""
    r = np.random.default_rng(seed)
    cols = [N.minmax_normalization(X[:, j], T[j] == -1) for j in range(N_CRITERIA)]
    norm = np.column_stack(cols)
    w = r.dirichlet(np.ones(N_CRITERIA), size=samples)
    scores = w @ norm.T
    order = np.argsort(-scores, axis=1)
    acc = np.zeros((N_OPTIONS, N_OPTIONS))
    for k in range(N_OPTIONS):
        acc[:, k] = np.bincount(order[:, k], minlength=N_OPTIONS)
    return acc / samples


def main() -> None:
    check()
    ours = cs.smaa(X, T, samples=SAMPLES, seed=1)["rank_acceptability"]
    peer = smaa_numpy(SAMPLES, seed=1)
    # different random streams: agreement within Monte Carlo error (SE <= 0.005 at 10 000 samples)
    assert np.max(np.abs(ours - peer)) < 0.03, np.max(np.abs(ours - peer))
    print(f"MCDA on {N_OPTIONS} options x {N_CRITERIA} criteria; SMAA with {SAMPLES} weight samples")
    cases = [
        ("TOPSIS (vector)", lambda: cs.topsis(X, W, T),
         lambda: TOPSIS(N.vector_normalization)(X, W, T),
         lambda: TOPSIS(N.vector_normalization)(X, W, T, validation=False)),
        ("VIKOR", lambda: cs.vikor(X, W, T), lambda: VIKOR()(X, W, T), lambda: VIKOR()(X, W, T, validation=False)),
        ("PROMETHEE II (usual)", lambda: cs.promethee_ii(X, W, T),
         lambda: PROMETHEE_II("usual")(X, W, T),
         lambda: PROMETHEE_II("usual")(X, W, T, validation=False)),
    ]
    for name, mine, peer_default, peer_bare in cases:
        t_ours = best_of(mine)
        report(name, t_ours, {
            "pymcdm 1.4.0 (default call)": best_of(peer_default),
            "pymcdm 1.4.0 (validation=False)": best_of(peer_bare),
        })
    t_ours = best_of(lambda: cs.smaa(X, T, samples=SAMPLES), repeat=3)
    report(f"SMAA-2 ({SAMPLES} samples)", t_ours, {
        "pymcdm WSM + rankdata per sample": best_of(lambda: smaa_pymcdm(SAMPLES), repeat=1),
        "NumPy vectorised": best_of(lambda: smaa_numpy(SAMPLES), repeat=3),
    })


if __name__ == "__main__":
    main()
