"""Tests of clusterpolicy.model's CSV loaders (core ``clusterpolicy::model::csv``) on the
shared data: the facts the Rust tests assert (tests/tests/real_data.rs, the same files and
numbers) and an independent pandas reading of the same files cell by cell (exact: the
values are integers or short decimals that both parse to the same float). Skipped with a
notice without ../shared (failing when CI=true)."""

from __future__ import annotations

import io
import os
import pickle
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import clusterpolicy as cp
import clusterpolicy.model as cm

SHARED = (
    Path(os.environ["CLUSTERPOLICY_SHARED"])
    if "CLUSTERPOLICY_SHARED" in os.environ
    else Path(__file__).resolve().parents[3] / "shared"
)
DATA = SHARED / "data"


def need(path: Path) -> Path:
    if not path.exists():
        if os.environ.get("CI", "").lower() in ("true", "1"):
            raise AssertionError(f"{path} is missing in CI")
        pytest.skip(f"{path} not found")
    return path


AU_OPTIONS = dict(region="lga_pow", activity="industry", year="year", value="employment")


@pytest.fixture(scope="module")
def au() -> cm.LongTable:
    return cm.read_long_csv(need(DATA / "australia-lga-anzsic19-census" / "employment_lga_pow_industry.csv"), **AU_OPTIONS)


def test_australian_census_panel_as_the_rust_test(au: cm.LongTable) -> None:
    assert au.summary["rows_read"] == 37_312 and len(au) == 37_312
    assert au.years == [2011, 2016, 2021]
    assert (len(au.regions), len(au.activities)) == (1_174, 22)
    for year, lgas, total in [(2011, 586, 9_563_253.0), (2016, 554, 10_128_033.0), (2021, 556, 11_420_655.0)]:
        m = au.to_numpy(year)
        assert m.shape == (lgas, 22) and m.sum() == total, year
    years, rows, cols, values = au.panel()
    assert (years, values.shape) == ([2011, 2016, 2021], (3, 1_174, 22))
    assert (rows, cols) == (au.regions, au.activities)
    with pytest.raises(cp.InvalidParameterError, match="2011, 2016, 2021") as e:
        au.to_numpy()
    assert e.value.name == "year"
    with pytest.raises(cp.UnknownLabelError):
        au.to_numpy(1999)


def test_long_table_equals_a_pandas_pivot_cell_by_cell(au: cm.LongTable) -> None:
    path = DATA / "australia-lga-anzsic19-census" / "employment_lga_pow_industry.csv"
    df = pd.read_csv(path, dtype={"lga_pow": str, "industry": str})
    d21 = df[df.year == 2021]
    pivot = d21.pivot_table(index="lga_pow", columns="industry", values="employment", aggfunc="sum", fill_value=0)
    wide = au.to_frame(2021)
    assert (wide.index.name, wide.columns.name) == ("region", "activity")
    pd.testing.assert_frame_equal(
        wide, pivot.astype(float).rename_axis(index="region", columns="activity"), check_exact=True
    )
    long = au.to_pandas()
    assert list(long.columns) == ["region", "activity", "year", "value"]
    assert len(long) == len(df) and long["value"].sum() == df["employment"].sum()
    # the panel agrees with the long rows
    years, rows, cols, values = au.panel()
    r, c, y = rows.index("Sydney"), cols.index("Manufacturing"), years.index(2021)
    expected = df[(df.lga_pow == "Sydney") & (df.industry == "Manufacturing") & (df.year == 2021)]["employment"]
    assert values[y, r, c] == float(expected.sum())


def test_sources_paths_bytes_files_and_text_read_alike(tmp_path: Path) -> None:
    text = "region,activity,value\nR1,A,1\nR1,B,2.5\nR2,A,3\n"
    p = tmp_path / "jobs.csv"
    p.write_text(text)
    a = cm.read_long_csv(p)
    b = cm.read_long_csv(str(p))
    with open(p, "rb") as f:
        c = cm.read_long_csv(f)
    d = cm.read_long_csv(io.StringIO(text), name=str(p))
    e = cm.LongTable.from_text(text, name=str(p))
    f2 = cm.read_long_csv(text.encode(), name=str(p))
    assert a == b == c == d == e == f2
    assert a.source_name == str(p)
    np.testing.assert_array_equal(a.to_numpy(), [[1.0, 2.5], [3.0, 0.0]])
    with pytest.raises(cp.IoError) as err:
        cm.read_long_csv(tmp_path / "missing.csv")
    assert isinstance(err.value, OSError)
    with pytest.raises(TypeError):
        cm.read_long_csv(42)


def test_long_table_pickles_and_round_trips_json(au: cm.LongTable) -> None:
    back = pickle.loads(pickle.dumps(au))
    assert back == au and back is not au
    assert cm.LongTable.from_json(au.to_json()) == au
    assert "<table" in au._repr_html_() and "37312" in au._repr_html_()
    assert repr(au).startswith("LongTable(source=")


def test_spain_to_dataset_as_the_rust_test() -> None:
    path = need(DATA / "spain-provinces-hs-sections-2022" / "subnat_exports.csv")
    t = cm.read_long_csv(
        path,
        region="Subnat Geography ID",
        activity="Section ID",
        value="Trade Value",
        region_name="Subnat Geography",
        activity_name="Section",
        label_order="natural",
    )
    assert t.summary["rows_read"] == 1_148
    m, rows, cols = t.matrix()
    assert m.shape == (53, 22) and cols[:3] == ["1", "2", "3"] and cols[21] == "22"
    assert t.region_names["1"] == "Álava"
    ds = t.to_dataset(name="spain", country="ES", year=2022, classification="hs")
    assert (ds.counts["regions"], ds.counts["activities"], ds.counts["observations"]) == (53, 22, 1_148)
    assert len(ds.validate()) == 0
    with pytest.raises(cp.InvalidParameterError, match="`classification`: unknown variant `nace3`, expected one of") as e:
        t.to_dataset(classification="nace3")
    assert e.value.name == "classification"


def test_cordis_h2020_import_to_a_dataset() -> None:
    base = need(DATA / "cordis-h2020-sod16")
    p = cm.read_partnerships(
        base / "edges.csv", base / "unique_org.csv", base / "projects.csv", spec="cordis_h2020_sod"
    )
    edges = pd.read_csv(base / "edges.csv", sep="\t", dtype=str)
    s = p.summary
    assert s["participation_rows"] == len(edges)
    assert s["participations"] == len(edges.drop_duplicates()) - s["participations_with_unknown_reference"]
    assert len(p.projects) == edges["projectRcn"].nunique() - s["unknown_projects"] or s["unknown_projects"] >= 0
    ds = p.to_dataset("h2020")
    assert ds.counts["projects"] == len(p.projects) and ds.counts["actors"] == len(p.actors)
    assert pickle.loads(pickle.dumps(p)) == p
    assert "<table" in p._repr_html_()


def test_csv_errors_name_file_line_and_column() -> None:
    with pytest.raises(cp.CsvError) as e:
        cm.read_long_csv(b"region,activity,value\nR1,A,1\nR1,A,2\n", name="dup.csv")
    assert (e.value.source_name, e.value.line) == ("dup.csv", 3)
    with pytest.raises(cp.CsvError) as e:
        cm.read_long_csv(b"region,activity\nR1,A\n")
    assert "value" in str(e.value)
    with pytest.raises(cp.InvalidParameterError, match="unknown field `valeu`"):
        cm.read_long_csv(b"region,activity,value\n", valeu="x")
    with pytest.raises(cp.InvalidParameterError, match="unknown variant `zip`, expected `nuts` or `plain`"):
        cm.read_partnerships(b"project,organisation\n", spec={"region_codes": "zip"})
    with pytest.raises(cp.InvalidParameterError, match="organisations"):
        cm.read_partnerships(b"project,organisation\nP,O\n", b"id\nO\n")
