"""A per-year panel analysis spread over the worker processes of a local Dask cluster.

The embedded dataset travels to the workers once (``Client.scatter``; a ``Dataset`` pickles
through its JSON form), each worker computes one year (location quotients, presence and
economic complexity of every region, in Rust without the GIL), and the results come back
as pandas DataFrames. The script checks that the distributed result equals the serial one
exactly (the computations are deterministic), so it doubles as a test of pickling.

    pip install "dask[distributed]"
    python examples/python/dask_panel.py [--workers 2]

``scripts/test-python.sh`` runs it.
"""

from __future__ import annotations

import argparse
import time
from typing import Any, List

import pandas as pd

import clusterpolicy as cp
import clusterpolicy.complexity as cx
import clusterpolicy.specialisation as sp


def analyse_year(dataset: cp.Dataset, year: int) -> pd.DataFrame:
    """Per region of one year: the number of specialisations (LQ >= 1), the largest
    location quotient and the ECI (py-ecomplexity's eigenvector convention)."""
    panel = sp.observation_panel(dataset)
    wide = panel[panel["year"] == year].pivot(index="region", columns="activity", values="value")
    lq = sp.rca(wide, zero_rows="drop", zero_cols="drop")
    presence = (lq >= 1.0).astype(float)
    eci = cx.economic_complexity(presence).regions.set_index("region")["eci"]
    out = pd.DataFrame({"specialisations": presence.sum(axis=1), "max_lq": lq.max(axis=1), "eci": eci})
    out.insert(0, "year", year)
    return out.rename_axis("region").reset_index()


def run(workers: int) -> pd.DataFrame:
    from dask.distributed import Client, LocalCluster

    ds = cp.sample_dataset()
    years: List[Any] = sorted(int(y) for y in sp.observation_panel(ds)["year"].unique())
    started = time.perf_counter()
    with LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as cluster, Client(cluster) as client:
        remote = client.scatter(ds, broadcast=True)  # pickled through the JSON form
        futures = [client.submit(analyse_year, remote, year, pure=False) for year in years]
        parts = client.gather(futures)
        pids = set(client.run(lambda: __import__("os").getpid()).values())
    distributed = pd.concat(parts, ignore_index=True)
    elapsed = time.perf_counter() - started
    serial = pd.concat([analyse_year(ds, y) for y in years], ignore_index=True)
    pd.testing.assert_frame_equal(distributed, serial, check_exact=True)
    print(f"{len(years)} years x {distributed['region'].nunique()} regions on {len(pids)} worker processes "
          f"in {elapsed:.1f} s; identical to the serial run")
    return distributed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    result = run(args.workers)
    summary = result.groupby("year").agg(regions=("region", "size"), mean_eci=("eci", "mean"),
                                         specialisations=("specialisations", "sum"))
    print(summary.to_string())


if __name__ == "__main__":
    main()
