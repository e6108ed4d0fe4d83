"""Tests of the report binding (core ``clusterpolicy::report``) on the shared fixtures."""

from __future__ import annotations

from pathlib import Path

import clusterpolicy as cp

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"


def load(name: str) -> cp.Dataset:
    return cp.Dataset.read_json(FIXTURES / name)


def test_report_summarises_the_dataset() -> None:
    ds = load("small_dataset.json")
    r = cp.report(ds)
    # the analysis sections (one dict each) are present when the dataset supports them
    assert {"generator", "summary", "validation"} <= set(r)
    assert all(isinstance(r[k], dict) for k in set(r) - {"generator", "summary", "validation"})
    assert r["generator"] == f"clusterpolicy {cp.__version__}"
    summary = r["summary"]
    assert (summary["name"], summary["synthetic"]) == ("small", True)
    for collection in ["countries", "regions", "activities", "actors", "clusters", "projects", "observations"]:
        assert summary["counts"][collection] == ds.counts[collection], collection
    assert summary["counts"]["participations"] == 3
    assert r["validation"] == {"problems": []}


def test_report_lists_the_problems_of_an_invalid_dataset() -> None:
    ds = load("broken_dataset.json")
    r = cp.report(ds)
    assert r["validation"] == ds.validate().to_dict()


def test_report_html_is_one_self_contained_page() -> None:
    ds = load("small_dataset.json")
    html = cp.report_html(ds)
    assert html.startswith("<!DOCTYPE html>")
    assert "Κεντρική Μακεδονία" in html or "EL" in html
    assert "<script" not in html and "http://" not in html
    broken = cp.report_html(load("broken_dataset.json"))
    assert "clusters[0].members[1]" in broken
