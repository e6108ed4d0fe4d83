"""Economic complexity end to end: clusterpolicy against py-ecomplexity 0.5.3 (Harvard
Growth Lab, PyPI ``ecomplexity``) and Datawheel ``economic-complexity`` 0.3.0, on the same
in-memory data in the same run.

Two data sets:

* synthetic: 200 regions x 600 activities x 5 years (seeded; lognormal region and activity
  sizes, a nested capability structure and about 55 % zero cells, as in employment or
  export data);
* real: the world-trade matrix of ``../shared/data/world-trade-sitc4-1998-2000``
  (226 countries x 785 SITC products, one period).

Tasks, all starting from the same long pandas DataFrame (``year, region, activity, value``):

* py-ecomplexity ``ecomplexity(df, cols)`` (``check_logsupermodularity=False``,
  ``verbose=False``): RCA, Mcp, diversity, ubiquity, ECI, PCI, proximity, density, COI, COG
  per year, returned as a long DataFrame;
* clusterpolicy ``complexity.complexity_profile(df)``: the same outputs (equal to 1e-9, as
  the reference tests show), returned as a long DataFrame; also timed from the 3-d array;
* a NumPy reimplementation with a symmetric eigensolver (``numpy.linalg.eigh``) as a
  yardstick for "fast Python";
* Datawheel per year: pivot, ``rca``, ``complexity`` (reflections), ``proximity``,
  ``relatedness``. (Datawheel's ``proximity`` fails under pandas >= 3 with "underlying array
  is read-only"; the run then times Datawheel without it and says so.)

Peers run with single-threaded BLAS (benches/run.sh sets OMP_NUM_THREADS=1 and friends).
"""

from __future__ import annotations

import sys
import warnings

import numpy as np
import pandas as pd

from benchlib import best_of, report, shared_data

import clusterpolicy.complexity as cx

warnings.filterwarnings("ignore")


def synthetic(n_regions: int = 200, n_activities: int = 600, years: int = 5, seed: int = 20261127) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    size_r = rng.lognormal(0.0, 1.0, n_regions)
    size_a = rng.lognormal(0.0, 1.2, n_activities)
    capability = rng.random(n_regions)  # diverse regions...
    sophistication = rng.random(n_activities)  # ...hold sophisticated activities
    p_present = np.clip(0.15 + 0.8 * capability[:, None] - 0.5 * sophistication[None, :], 0.02, 0.95)
    present = rng.random((n_regions, n_activities)) < p_present
    base = np.outer(size_r, size_a) * 1000.0 * present
    frames = []
    for t in range(years):
        noise = rng.lognormal(0.0, 0.25, base.shape)
        churn = rng.random(base.shape) < 0.03  # entries and exits between years
        v = np.where(churn, np.where(base > 0, 0.0, np.outer(size_r, size_a) * 100.0), base) * noise
        v = np.round(v)
        r, a = np.nonzero(v)
        frames.append(
            pd.DataFrame(
                {"year": 2015 + t, "region": [f"R{i:03d}" for i in r], "activity": [f"A{j:03d}" for j in a], "value": v[r, a]}
            )
        )
    return pd.concat(frames, ignore_index=True)


def run_ecomplexity(df: pd.DataFrame) -> pd.DataFrame:
    from ecomplexity import ecomplexity

    cols = {"time": "year", "loc": "region", "prod": "activity", "val": "value"}
    return ecomplexity(df, cols, check_logsupermodularity=False, verbose=False)


def numpy_profile(df: pd.DataFrame) -> list[dict[str, np.ndarray]]:
    """py-ecomplexity's computation in NumPy with a symmetric eigensolver."""
    out = []
    for _, g in df.groupby("year", sort=True):
        w = g.pivot_table(index="region", columns="activity", values="value", aggfunc="sum", fill_value=0.0)
        x = w.to_numpy()
        x = x[x.sum(axis=1) > 0][:, x.sum(axis=0) > 0]
        rca = (x / x.sum(axis=1, keepdims=True)) / (x.sum(axis=0, keepdims=True) / x.sum())
        m = (rca >= 1).astype(float)
        d, u = m.sum(axis=1), m.sum(axis=0)
        b = m / np.sqrt(d)[:, None] / np.sqrt(u)[None, :]
        vals, vecs = np.linalg.eigh(b @ b.T)
        kc = vecs[:, -2] / np.sqrt(d)
        kp = (m.T @ kc) / u
        kc = (m @ kp) / d
        s = np.sign(np.corrcoef(d, kc)[0, 1])
        kc, kp = s * kc, s * kp
        c = m.T @ m
        phi = np.minimum(c / u[None, :], c / u[:, None])
        dens = m @ (phi.T / phi.sum(axis=1)[None, :])
        coi = ((dens * (1 - m)) * kp).sum(axis=1)
        cog = (1 - m) * ((1 - m) @ (phi * (kp / phi.sum(axis=1))[:, None]))
        mu, sd = kc.mean(), kc.std()
        out.append(
            {
                "eci": (kc - mu) / sd,
                "pci": (kp - mu) / sd,
                "density": dens,
                "coi": (coi - coi.mean()) / coi.std(),
                "cog": cog / sd,
            }
        )
    return out


def datawheel(df: pd.DataFrame, with_proximity: bool) -> None:
    import economic_complexity as ec

    for _, g in df.groupby("year", sort=True):
        w = g.pivot_table(index="region", columns="activity", values="value", aggfunc="sum", fill_value=0.0)
        rca = ec.rca(w)
        ec.complexity(rca)
        if with_proximity:
            prox = ec.proximity(rca)
            ec.relatedness(rca, proximities=prox)


def as_array(df: pd.DataFrame) -> tuple[list[int], list[str], list[str], np.ndarray]:
    years = sorted(df["year"].unique())
    rows = sorted(df["region"].unique())
    cols = sorted(df["activity"].unique())
    v = np.zeros((len(years), len(rows), len(cols)))
    yi = {y: i for i, y in enumerate(years)}
    ri = {r: i for i, r in enumerate(rows)}
    ci = {c: i for i, c in enumerate(cols)}
    v[df["year"].map(yi).to_numpy(), df["region"].map(ri).to_numpy(), df["activity"].map(ci).to_numpy()] = df["value"]
    return [int(y) for y in years], rows, cols, v


def bench(name: str, df: pd.DataFrame, repeat: int) -> None:
    print(f"\n# {name}: {df['region'].nunique()} regions x {df['activity'].nunique()} activities x "
          f"{df['year'].nunique()} years, {len(df)} non-zero cells")
    ours = cx.complexity_profile(df)
    theirs = run_ecomplexity(df)
    # Same numbers (on the cells both report).
    merged = theirs.merge(ours.astype({"region": str, "activity": str}), on=["year", "region", "activity"], suffixes=("_p", ""))
    for col in ("eci", "pci", "density", "coi", "cog"):
        err = np.nanmax(np.abs(merged[col].to_numpy() - merged[f"{col}_p"].to_numpy()))
        print(f"  max |clusterpolicy - py-ecomplexity| {col}: {err:.1e}")
    years, rows, cols, v = as_array(df)
    t_df = best_of(lambda: cx.complexity_profile(df), repeat=repeat)
    t_arr = best_of(lambda: cx.complexity_profile(v), repeat=repeat)
    t_native = best_of(lambda: cx._native.complexity_profile_panel(years, rows, cols, v), repeat=repeat)
    t_ecx = best_of(lambda: run_ecomplexity(df), repeat=max(2, repeat // 3), min_time=0.0)
    t_np = best_of(lambda: numpy_profile(df), repeat=repeat)
    peers = {"py-ecomplexity 0.5.3": t_ecx, "NumPy + eigh": t_np}
    try:
        t_dw = best_of(lambda: datawheel(df, True), repeat=max(2, repeat // 3), min_time=0.0)
        peers["Datawheel 0.3.0"] = t_dw
    except ValueError as e:
        t_dw = best_of(lambda: datawheel(df, False), repeat=max(2, repeat // 3), min_time=0.0)
        peers["Datawheel 0.3.0 (no proximity)"] = t_dw
        print(f"  note: Datawheel proximity failed ({e}); timed rca + complexity only")
    report(f"{name}: profile from the long DataFrame (DataFrame out)", t_df, peers)
    report(f"{name}: profile from the 3-d array (DataFrame out)", t_arr, peers)
    report(f"{name}: native kernel only (columns out)", t_native, peers)


def world_trade() -> pd.DataFrame:
    t = pd.read_csv(shared_data("world-trade-sitc4-1998-2000", "trade.csv"), dtype={"product": str})
    t = t.rename(columns={"country": "region", "product": "activity"})
    t.insert(0, "year", 2000)
    return t


def main() -> None:
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, pandas {pd.__version__}")
    bench("synthetic", synthetic(), repeat=7)
    bench("world trade", world_trade(), repeat=7)


if __name__ == "__main__":
    main()
