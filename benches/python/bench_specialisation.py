"""Specialisation on the US County Business Patterns 2019 matrix (933 CBSAs x 288 NAICS
4-digit industries, ../shared/data/us-cbsa-naics-cbp-2019): RCA, presence and every region
and activity index, through the clusterpolicy Python binding and through the peers, from the
same in-memory wide pandas DataFrame, in the same run.

Peers:
- Datawheel ``economic-complexity`` (``economic_complexity.rca``), the fastest;
- Harvard Growth Lab ``ecomplexity`` (``ComplexityData``: ``create_full_df``,
  ``calculate_rca``, ``calculate_mcp``, then diversity and ubiquity as ``ecomplexity()``
  computes them), from the same DataFrame in long form, as it requires.

The peers compute RCA, presence, diversity and ubiquity. The other indices (average LQ,
Krugman, specialisation coefficient, Hachman, Herfindahl, entropy; Gini, locational Gini,
Hoover, Hoover-Gini) exist in no Python peer: the peer pipelines compute them with
vectorised NumPy on top of the peer's RCA (EconGeo's formulas, as our core implements them;
checked against our values at the end). Two ratios are printed: the full task, and the part
the peers implement themselves (RCA + presence + diversity + ubiquity).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from benchlib import best_of, report, shared_data

import clusterpolicy.specialisation as sp


def load() -> pd.DataFrame:
    path = shared_data("us-cbsa-naics-cbp-2019", "cbp2019_cbsa_naics4.csv")
    df = pd.read_csv(path, dtype={"cbsa_code": str, "naics_code": str})
    wide = df.pivot_table(index="cbsa_code", columns="naics_code", values="emp", aggfunc="sum", fill_value=0)
    return wide.astype(np.float64)


def numpy_indices(x: np.ndarray, r: np.ndarray, m: np.ndarray) -> dict:
    """The region and activity indices the peers lack, in vectorised NumPy (EconGeo's formulas)."""
    rows = x.sum(axis=1)
    total = rows.sum()
    s = x / rows[:, None]
    share = x.sum(axis=0) / total
    avg = np.nansum(np.nan_to_num(r) * s, axis=1)
    krugman = np.abs(s - share).sum(axis=1)
    herf = (x * x).sum(axis=1) / rows**2
    with np.errstate(divide="ignore", invalid="ignore"):
        ent = -np.where(s > 0, s * np.log2(s), 0.0).sum(axis=1)
    # Gini over regions (equal weights), per activity.
    n = x.shape[0]
    srt = np.sort(x, axis=0)
    nu = np.cumsum(srt, axis=0) / srt.sum(axis=0)
    p = np.arange(1, n + 1)[:, None] / n
    gini = (nu[1:] * p[:-1]).sum(axis=0) - (nu[:-1] * p[1:]).sum(axis=0)
    # Locational Gini and Hoover-Gini: regions ordered by x / row share.
    pop = rows / total
    order = np.argsort(x / pop[:, None], axis=0, kind="stable")
    ind = np.take_along_axis(x, order, axis=0)
    pp = pop[order]
    ci = np.cumsum(ind, axis=0) / ind.sum(axis=0)
    cp = np.cumsum(pp, axis=0) / pp.sum(axis=0)
    curve = (ci[1:] * cp[:-1]).sum(axis=0) - (ci[:-1] * cp[1:]).sum(axis=0)
    hoover = 0.5 * np.abs(x / x.sum(axis=0) - (rows / total)[:, None]).sum(axis=0)
    return {
        "location_quotient_avg": avg,
        "krugman": krugman,
        "specialisation_coefficient": krugman / 2,
        "hachman": 1 / avg,
        "herfindahl": herf,
        "entropy": ent,
        "diversity": m.sum(axis=1),
        "ubiquity": m.sum(axis=0),
        "gini": gini,
        "locational_gini": curve / 2,
        "hoover": hoover,
        "hoover_gini": curve,
    }


def main() -> None:
    wide = load()
    print(f"US CBP 2019: {wide.shape[0]} CBSAs x {wide.shape[1]} NAICS4 industries, {int((wide > 0).values.sum())} non-zero cells")

    from economic_complexity import rca as dw_rca
    from ecomplexity.ComplexityData import ComplexityData

    def ours_core() -> object:
        out = sp.analyse(wide)
        return out

    def ours_peer_part() -> object:
        r = sp.rca(wide)
        m = sp.presence(wide)
        return r, m, m.sum(axis=1), m.sum(axis=0)

    def datawheel_part() -> tuple:
        r = dw_rca(wide)
        m = (r >= 1).astype(np.float64)
        return r, m, m.sum(axis=1), m.sum(axis=0)

    def datawheel_full() -> dict:
        r, m, _, _ = datawheel_part()
        return numpy_indices(wide.to_numpy(), r.to_numpy(), m.to_numpy())

    long = wide.stack().rename("emp").reset_index()
    long["year"] = 2019
    cols = {"time": "year", "loc": "cbsa_code", "prod": "naics_code", "val": "emp"}

    def ecomplexity_part() -> tuple:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            c = ComplexityData(long, cols, "coerce")
            c.create_full_df(2019)
            c.calculate_rca()
            c.calculate_mcp(1, 1, "rca", None, 2019)
            return c.rca_t, c.mcp_t, np.nansum(c.mcp_t, axis=1), np.nansum(c.mcp_t, axis=0)

    def ecomplexity_full() -> dict:
        r, m, _, _ = ecomplexity_part()
        return numpy_indices(wide.to_numpy(), r, m.astype(np.float64))

    # Same numbers first.
    a = sp.analyse(wide)
    ref = numpy_indices(wide.to_numpy(), dw_rca(wide).to_numpy(), (dw_rca(wide) >= 1).to_numpy().astype(float))
    assert np.allclose(a["rca"].to_numpy(), dw_rca(wide).to_numpy(), rtol=1e-12, atol=0)
    for k, v in ref.items():
        ours = a["regions"][k] if k in a["regions"] else a["activities"][k]
        assert np.allclose(ours.to_numpy(), v, rtol=1e-9, atol=1e-12), k
    print("check: RCA equals Datawheel's to 1e-12 relative; every index equals the NumPy formulas to 1e-9")

    t_full = best_of(ours_core, repeat=20)
    report(
        "RCA + presence + all region and activity indices (wide DataFrame in, DataFrames out)",
        t_full,
        {
            "economic-complexity + NumPy": best_of(datawheel_full, repeat=10),
            "ecomplexity + NumPy": best_of(ecomplexity_full, repeat=3),
        },
    )
    t_part = best_of(ours_peer_part, repeat=20)
    report(
        "RCA + presence + diversity + ubiquity only (what the peers implement)",
        t_part,
        {
            "economic-complexity": best_of(datawheel_part, repeat=10),
            "ecomplexity": best_of(ecomplexity_part, repeat=3),
        },
    )


if __name__ == "__main__":
    main()
