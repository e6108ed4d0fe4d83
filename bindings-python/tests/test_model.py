"""Tests of the data model binding (core ``clusterpolicy::model``): Dataset, validation,
errors, pickling and the JSON Schema.

They run on the shared fixtures of ``tests/fixtures/`` at the repository root, which the
Rust and Node tests read too, so the three languages check the same documents.
"""

from __future__ import annotations

import copy
import json
import math
import pickle
import threading
from pathlib import Path
from typing import Any

import pytest

import clusterpolicy as cp

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"

ERROR_KINDS = [
    "JsonError",
    "CsvError",
    "IoError",
    "ValidationError",
    "InvalidParameterError",
    "ShapeMismatchError",
    "UnknownLabelError",
    "DuplicateLabelError",
    "NonFiniteError",
    "EmptyInputError",
]

# The document of tests/fixtures/small_dataset.json, written as a Python dict: every
# collection, non-ASCII text, nested attributes, ints where floats belong, and floats
# whose shortest representation is long (0.30000000000000004) or exponential (1e-7).
RICH: dict[str, Any] = {
    "name": "small",
    "description": "A small hand-written dataset touching every collection of the document; "
    "shared by the Rust, Python and Node tests.",
    "synthetic": True,
    "countries": [
        {"code": "SI", "name": "Slovenia", "eu_member": True},
        {"code": "EL", "name": "Greece", "eu_member": True},
        {"code": "RS", "name": "Serbia", "eu_member": False},
    ],
    "regions": [
        {"id": "SI0", "name": "Slovenija", "country": "SI", "level": 1},
        {
            "id": "SI04",
            "name": "Zahodna Slovenija",
            "country": "SI",
            "parent": "SI0",
            "level": 2,
            "centroid": {"lat": 46.05, "lon": 14.5},
            "population": 1100000,
        },
        {
            "id": "EL52",
            "name": "Κεντρική Μακεδονία",
            "country": "EL",
            "level": 2,
            "centroid": {"lat": 40.64, "lon": 22.94},
            "population": 1795669.0,
        },
        {"id": "RS11", "name": "Beogradski region", "country": "RS", "level": 2},
    ],
    "activities": [
        {"id": "C", "name": "Manufacturing", "classification": "nace_rev2", "level": 1},
        {
            "id": "C10",
            "name": "Manufacture of food products",
            "classification": "nace_rev2",
            "parent": "C",
            "level": 2,
        },
        {"id": "J62", "name": "Computer programming, consultancy", "classification": "nace_rev2", "level": 2},
    ],
    "actors": [
        {
            "id": "A1",
            "name": "Ljubljana Food Lab d.o.o.",
            "country": "SI",
            "region": "SI04",
            "helix": "business",
            "size": "small",
            "employees": 23,
            "activities": ["C10"],
        },
        {"id": "A2", "name": "Aristotle Research Institute", "country": "EL", "region": "EL52", "helix": "research"},
        {
            "id": "A3",
            "name": "City of Belgrade",
            "country": "RS",
            "region": "RS11",
            "helix": "public_authority",
            "attributes": {"score": 0.1, "tags": ["pilot", 2, True], "vat": None},
        },
    ],
    "clusters": [
        {
            "id": "CL1",
            "name": "Agri-food cluster",
            "regions": ["SI04", "EL52"],
            "activities": ["C10"],
            "members": ["A1", "A2"],
            "manager": "A1",
            "founded": 2011,
            "maturity": "growing",
        }
    ],
    "programmes": [
        {
            "id": "P1",
            "name": "Interreg Danube",
            "period": {"start_year": 2021, "end_year": 2027},
            "area": ["SI04", "EL52", "RS11"],
            "budget": 212_000_000,
            "currency": "EUR",
        }
    ],
    "projects": [
        {
            "id": "PR1",
            "title": "Food innovation across borders",
            "acronym": "FOODX",
            "programme": "P1",
            "period": {"start_year": 2023, "end_year": 2025},
            "start": "2023-01-01",
            "end": "2025-12-31",
            "budget": 1_500_000.0,
            "activities": ["C10"],
            "partners": [
                {"actor": "A1", "role": "lead", "budget": 700_000.0, "contribution": 595_000.0},
                {"actor": "A2", "role": "partner", "budget": 500_000.0},
                {"actor": "A3", "role": "associated", "budget": 300_000.0},
            ],
            "work_packages": [
                {
                    "id": "WP1",
                    "title": "Management",
                    "lead": "A1",
                    "budget": 300_000.0,
                    "deliverables": [
                        {"id": "D1.1", "title": "Project handbook", "due": "2023-03-31", "delivered": "2023-03-28"}
                    ],
                },
                {"id": "WP2", "title": "Pilots", "lead": "A2", "budget": 1_200_000.0, "deliverables": []},
            ],
            "spending": [
                {
                    "period": 1,
                    "from": "2023-01-01",
                    "to": "2023-06-30",
                    "partner": "A1",
                    "work_package": "WP1",
                    "amount": 50000.25,
                }
            ],
            "communication": [
                {
                    "id": "C1",
                    "kind": "newsletter",
                    "target_group": "businesses",
                    "planned_reach": 500.0,
                    "achieved_reach": 612.0,
                    "date": "2023-05-15",
                }
            ],
        }
    ],
    "indicators": [
        {"id": "EMP", "name": "Employment", "unit": "persons", "direction": "increase", "definition": "Persons employed"},
        {"id": "LQ", "name": "Location quotient", "unit": "ratio", "direction": "increase"},
    ],
    "strategies": [
        {
            "id": "S1",
            "name": "Smart specialisation strategy of Zahodna Slovenija",
            "owner": {"kind": "region", "id": "SI04"},
            "period": {"start_year": 2021, "end_year": 2027},
            "priorities": [{"id": "PRI1", "name": "Sustainable food", "activities": ["C10"], "domain": "Health"}],
            "objectives": [{"id": "O1", "description": "Grow food start-ups", "priority": "PRI1"}],
            "measures": [
                {
                    "id": "M1",
                    "name": "Innovation vouchers",
                    "objective": "O1",
                    "instrument": "voucher",
                    "budget": 250_000.0,
                    "period": {"start_year": 2022, "end_year": 2026},
                }
            ],
            "targets": [
                {
                    "indicator": "EMP",
                    "measure": "M1",
                    "baseline": 1200.0,
                    "baseline_year": 2020,
                    "target": 1500.0,
                    "target_year": 2027,
                }
            ],
        }
    ],
    "observations": [
        {"indicator": "EMP", "subject": {"kind": "region", "id": "SI04"}, "activity": "C10", "year": 2022, "value": 1234.5},
        {"indicator": "LQ", "subject": {"kind": "region", "id": "SI04"}, "activity": "C10", "year": 2022, "value": 0.1},
        {
            "indicator": "LQ",
            "subject": {"kind": "region", "id": "EL52"},
            "activity": "C10",
            "year": 2022,
            "value": 0.1 + 0.2,
        },
        {"indicator": "LQ", "subject": {"kind": "country", "id": "SI"}, "year": 2022, "value": 1e-7},
        {"indicator": "EMP", "subject": {"kind": "actor", "id": "A1"}, "year": 2022, "value": 23},
    ],
    "evidence": [
        {
            "id": "E1",
            "kind": "evaluation",
            "concerns": [{"kind": "measure", "id": "M1"}],
            "year": 2024,
            "summary": "Vouchers raised employment in supported firms.",
            "effect": {"indicator": "EMP", "estimate": 0.12, "std_error": 0.05},
            "quality": "moderate",
            "source": {
                "citation": "Interim evaluation of the voucher scheme (2024)",
                "url": "https://example.org/evaluation",
            },
        }
    ],
    "scenarios": [
        {
            "id": "SC1",
            "name": "Baseline",
            "probability": 0.6,
            "horizon": 2030,
            "assumptions": [
                {
                    "indicator": "EMP",
                    "subject": {"kind": "region", "id": "SI04"},
                    "activity": "C10",
                    "shift": 0.02,
                    "kind": "relative",
                }
            ],
        },
        {
            "id": "SC2",
            "name": "Green shift",
            "description": "Faster demand for sustainable food.",
            "probability": 0.4,
            "assumptions": [{"indicator": "LQ", "shift": -0.05, "kind": "absolute"}],
        },
    ],
    "attributes": {"source": "hand-written for the binding tests", "version": 1},
}


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def small_text() -> str:
    return fixture_text("small_dataset.json")


@pytest.fixture(scope="module")
def broken_text() -> str:
    return fixture_text("broken_dataset.json")


@pytest.fixture(scope="module")
def planted() -> list[tuple[str, str, str]]:
    expected = json.loads(fixture_text("broken_dataset.problems.json"))
    return sorted((p["path"], p["kind"], p["severity"]) for p in expected)


def found(report: cp.ValidationReport) -> list[tuple[str, str, str]]:
    return sorted((p.path, p.kind, p.severity) for p in report)


# --- JSON round trip -------------------------------------------------------------------


def test_fixture_round_trips_byte_for_byte(small_text: str) -> None:
    ds = cp.Dataset.from_json(small_text)
    assert ds.validate().is_valid
    # The fixture is in the form Rust writes; reading and writing it changes nothing.
    assert ds.to_json(pretty=True) + "\n" == small_text
    assert cp.Dataset.from_json(ds.to_json()) == ds
    assert cp.Dataset.from_json(small_text.encode("utf-8")) == ds


def test_dict_built_in_python_serialises_like_rust(small_text: str) -> None:
    from_python = cp.Dataset.from_dict(RICH)
    from_rust = cp.Dataset.from_json(small_text)
    assert from_python == from_rust
    # Rust's JSON of the Python-built document is the fixture, byte for byte.
    assert from_python.to_json(pretty=True) + "\n" == small_text
    assert from_python.to_json() == from_rust.to_json()
    # And the same document as JSON text parsed by Rust gives the same dataset.
    assert cp.Dataset.from_json(json.dumps(RICH)) == from_python


def test_to_dict_is_lossless(small_text: str) -> None:
    ds = cp.Dataset.from_json(small_text)
    d = ds.to_dict()
    assert d == json.loads(small_text) == RICH
    assert cp.Dataset.from_dict(d) == ds
    # Floats come back as the very same doubles, not approximately.
    values = [o["value"] for o in d["observations"]]
    assert values == [1234.5, 0.1, 0.1 + 0.2, 1e-7, 23.0]
    assert all(isinstance(v, float) for v in values)
    assert d["actors"][2]["attributes"] == {"score": 0.1, "tags": ["pilot", 2, True], "vat": None}


@pytest.mark.parametrize(
    "value",
    [0.1, 1 / 3, 2.0**-1074, 1.7976931348623157e308, 123456789.12345679, -0.0, 1e21, 1e-300, 9007199254740993.0],
)
def test_floats_survive_json_exactly(value: float) -> None:
    doc = {
        "name": "floats",
        "indicators": [{"id": "X", "name": "x", "unit": "1", "direction": "increase"}],
        "observations": [{"indicator": "X", "subject": {"kind": "country", "id": "SI"}, "year": 2020, "value": value}],
    }
    ds = cp.Dataset.from_dict(doc)
    back = cp.Dataset.from_json(ds.to_json()).to_dict()["observations"][0]["value"]
    assert back == value and math.copysign(1.0, back) == math.copysign(1.0, value)
    assert json.loads(ds.to_json())["observations"][0]["value"] == value


def test_write_and_read_json_file(tmp_path: Path, small_text: str) -> None:
    ds = cp.Dataset.from_json(small_text)
    path = tmp_path / "out.json"
    ds.write_json(path)
    assert path.read_text(encoding="utf-8") == small_text
    assert cp.Dataset.read_json(path) == ds
    assert cp.Dataset.read_json(str(path)) == ds


# --- validation --------------------------------------------------------------------------


def test_every_planted_problem_is_reported(broken_text: str, planted: list[tuple[str, str, str]]) -> None:
    report = cp.Dataset.from_json(broken_text).validate()
    assert not report.is_valid
    assert found(report) == planted
    assert len(report) == len(planted) == 12


def test_nan_from_a_dict_reaches_validation(broken_text: str, planted: list[tuple[str, str, str]]) -> None:
    doc = json.loads(broken_text)
    doc["observations"][0]["value"] = float("nan")  # JSON null in the fixture; a real NaN here
    ds = cp.Dataset.from_dict(doc)
    assert math.isnan(ds.to_dict()["observations"][0]["value"])
    assert found(ds.validate()) == planted
    # NaN is kept where JSON could only say null, so an optional number is checked too.
    doc["projects"][0]["budget"] = float("inf")
    problems = {(p.path, p.kind) for p in cp.Dataset.from_dict(doc).validate()}
    assert ("projects[0].budget", "non_finite") in problems
    assert ("projects[0].budget", "negative_amount") not in problems


def test_each_planted_problem_alone() -> None:
    """The four problems of the brief, each planted in an otherwise valid document."""
    base: dict[str, Any] = copy.deepcopy(RICH)
    assert cp.Dataset.from_dict(base).validate().is_valid

    def problems_after(change: Any) -> list[tuple[str, str]]:
        doc = copy.deepcopy(base)
        change(doc)
        return [(p.path, p.kind) for p in cp.Dataset.from_dict(doc).validate()]

    def nan_value(d: dict[str, Any]) -> None:
        d["observations"][2]["value"] = float("nan")

    def reversed_dates(d: dict[str, Any]) -> None:
        d["projects"][0]["start"], d["projects"][0]["end"] = "2025-12-31", "2023-01-01"

    def dangling_partner(d: dict[str, Any]) -> None:
        d["projects"][0]["partners"][1]["actor"] = "NOBODY"

    def duplicate_actor(d: dict[str, Any]) -> None:
        d["actors"][2]["id"] = "A1"

    assert problems_after(nan_value) == [("observations[2].value", "non_finite")]
    assert problems_after(reversed_dates) == [("projects[0].end", "end_before_start")]
    # The work package led by A2 now names an actor who is no partner: reported too.
    assert problems_after(dangling_partner) == [
        ("projects[0].partners[1].actor", "unknown_reference"),
        ("projects[0].work_packages[1].lead", "unknown_reference"),
    ]
    assert ("actors[2].id", "duplicate_id") in problems_after(duplicate_actor)


def test_validation_report_api(broken_text: str) -> None:
    report = cp.Dataset.from_json(broken_text).validate()
    problems = report.problems
    assert all(isinstance(p, cp.Problem) for p in problems)
    assert list(report) == problems
    assert report[0] == problems[0] and report[-1] == problems[-1]
    with pytest.raises(IndexError):
        report[len(report)]
    assert report.counts() == {
        "unknown_reference": 4,
        "duplicate_id": 2,
        "non_finite": 1,
        "negative_amount": 1,
        "end_before_start": 2,
        "shares_do_not_add_up": 1,
        "unknown_country_code": 1,
    }
    assert repr(report) == "ValidationReport(is_valid=False, errors=12, warnings=0)"
    assert str(report).startswith("12 problems:\n  error ")
    assert report.to_dict() == {"problems": [p.to_dict() for p in problems]}
    assert json.loads(report.to_json()) == report.to_dict()
    html = report._repr_html_()
    assert html.count("<tr><td>") == 12 and "<code>clusters[0].members[1]</code>" in html
    assert "unknown actor `GHOST`" in html
    assert cp.ValidationReport(problems) == report
    assert cp.ValidationReport() == cp.Dataset("empty").validate()
    assert len(cp.ValidationReport()) == 0 and cp.ValidationReport().is_valid


def test_problem_api() -> None:
    p = cp.Problem("actors[1].id", "duplicate_id", "error", "duplicate actor id `A1`")
    assert (p.path, p.kind, p.severity, p.message) == ("actors[1].id", "duplicate_id", "error", "duplicate actor id `A1`")
    assert p.to_dict() == {"path": "actors[1].id", "kind": "duplicate_id", "severity": "error", "message": p.message}
    assert p == cp.Problem(**p.to_dict())
    assert len({p, cp.Problem(**p.to_dict())}) == 1
    assert repr(p) == "Problem(path='actors[1].id', kind='duplicate_id', severity='error', message='duplicate actor id `A1`')"
    assert str(p) == "actors[1].id: duplicate actor id `A1` [duplicate_id]"


def test_html_is_escaped() -> None:
    report = cp.ValidationReport([cp.Problem("a<b>", "invalid_value", "warning", "x & 'y'")])
    assert report.is_valid  # warnings do not make a dataset invalid
    html = report._repr_html_()
    assert "a&lt;b&gt;" in html and "x &amp; &#39;y&#39;" in html and "<b>" not in html


def test_validation_report_to_pandas(broken_text: str) -> None:
    pd = pytest.importorskip("pandas")
    frame = cp.Dataset.from_json(broken_text).validate().to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["path", "kind", "severity", "message"]
    assert len(frame) == 12
    assert list(cp.ValidationReport().to_pandas().columns) == ["path", "kind", "severity", "message"]


# --- errors ------------------------------------------------------------------------------


def test_exception_hierarchy() -> None:
    assert issubclass(cp.ClusterPolicyError, ValueError)
    for kind in ERROR_KINDS:
        cls = getattr(cp, kind)
        assert issubclass(cls, cp.ClusterPolicyError), kind
        assert cls.__module__ == "clusterpolicy" and cls.__doc__, kind
    assert issubclass(cp.IoError, OSError)
    assert not issubclass(cp.JsonError, OSError)


def test_bad_json_raises_json_error_with_position() -> None:
    with pytest.raises(cp.JsonError) as info:
        cp.Dataset.from_json('{"name": "x",\n  "regions": [}')
    e = info.value
    assert (e.line, e.column) == (2, 15)
    assert str(e) == f"invalid JSON at line 2, column 15: {e.message}"
    assert isinstance(e, ValueError)

    with pytest.raises(cp.JsonError) as info:
        cp.Dataset.from_json('{"name": "x", "regoins": []}')
    assert "unknown field `regoins`" in info.value.message
    assert (info.value.line, info.value.column) == (1, 23)

    with pytest.raises(cp.JsonError):
        cp.Dataset.from_json(b"\xff")


def test_wrong_dict_raises_json_error() -> None:
    with pytest.raises(cp.JsonError) as info:
        cp.Dataset.from_dict({"name": "x", "actors": [{"id": "A1"}]})
    assert (info.value.line, info.value.column) == (0, 0)
    assert "missing field `name`" in info.value.message
    with pytest.raises(cp.JsonError):
        cp.Dataset.from_dict({"name": "x", "regoins": []})
    with pytest.raises(cp.JsonError):
        cp.Dataset.from_dict([1, 2])  # type: ignore[arg-type]


def test_missing_file_raises_io_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(cp.IoError) as info:
        cp.Dataset.read_json(missing)
    assert info.value.path == str(missing)
    assert str(info.value).startswith(f"cannot access `{missing}`: ")
    with pytest.raises(OSError):
        cp.Dataset("x").write_json(tmp_path / "no" / "such" / "dir.json")


def test_validated_raises_validation_error(broken_text: str, planted: list[tuple[str, str, str]]) -> None:
    ds = cp.Dataset.from_json(broken_text)
    with pytest.raises(cp.ValidationError) as info:
        ds.validated()
    e = info.value
    assert str(e).startswith("dataset is invalid: 12 problems; first at ")
    assert sorted((p["path"], p["kind"], p["severity"]) for p in e.problems) == planted
    assert all(set(p) == {"path", "kind", "severity", "message"} for p in e.problems)
    assert e.report == ds.validate()


def test_validated_returns_the_dataset_itself(small_text: str) -> None:
    ds = cp.Dataset.from_json(small_text)
    assert ds.validated() is ds


def test_unknown_problem_kind_raises_invalid_parameter_error() -> None:
    with pytest.raises(cp.InvalidParameterError) as info:
        cp.Problem("x", "no_such_kind", "error", "")  # type: ignore[arg-type]
    assert info.value.name == "kind"
    assert "`unknown_reference`" in info.value.reason  # the allowed names are listed
    with pytest.raises(cp.InvalidParameterError) as info:
        cp.Problem("x", "invalid_value", "fatal", "")  # type: ignore[arg-type]
    assert info.value.name == "severity"


# --- pickling, copying, equality -----------------------------------------------------------


def test_pickle_round_trips(small_text: str, broken_text: str) -> None:
    ds = cp.Dataset.from_json(small_text)
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(ds, protocol=protocol)) == ds
    report = cp.Dataset.from_json(broken_text).validate()
    assert pickle.loads(pickle.dumps(report)) == report
    assert pickle.loads(pickle.dumps(report[0])) == report[0]


def test_exceptions_pickle_with_their_fields(broken_text: str) -> None:
    with pytest.raises(cp.ValidationError) as info:
        cp.Dataset.from_json(broken_text).validated()
    e = pickle.loads(pickle.dumps(info.value))
    assert type(e) is cp.ValidationError and str(e) == str(info.value)
    assert e.problems == info.value.problems and e.report == info.value.report
    with pytest.raises(cp.JsonError) as jinfo:
        cp.Dataset.from_json("{")
    j = pickle.loads(pickle.dumps(jinfo.value))
    assert (type(j), j.line, j.column, j.message) == (cp.JsonError, 1, 1, jinfo.value.message)


def test_copy_and_equality(small_text: str) -> None:
    ds = cp.Dataset.from_json(small_text)
    assert copy.copy(ds) is ds and copy.deepcopy(ds) is ds
    assert ds != cp.Dataset("small")
    assert ds != small_text
    with pytest.raises(TypeError):
        hash(ds)


# --- accessors and schema ---------------------------------------------------------------


def test_properties_and_repr(small_text: str) -> None:
    ds = cp.Dataset.from_json(small_text)
    assert ds.name == "small" and ds.synthetic and ds.description is not None
    assert ds.counts["regions"] == 4 and ds.counts["observations"] == 5 and ds.counts["attributes"] == 2
    assert list(ds.counts) == [
        "countries",
        "regions",
        "activities",
        "actors",
        "clusters",
        "programmes",
        "projects",
        "indicators",
        "strategies",
        "observations",
        "evidence",
        "scenarios",
        "attributes",
    ]
    assert repr(ds).startswith("Dataset(name='small', synthetic=True, countries=3, regions=4, ")
    empty = cp.Dataset("empty")
    assert repr(empty) == "Dataset(name='empty')"
    assert (empty.name, empty.description, empty.synthetic) == ("empty", None, False)
    assert empty.to_dict() == {"name": "empty"}


def test_json_schema() -> None:
    schema = cp.Dataset.json_schema()
    assert schema["title"] == "Dataset"
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["name"]
    assert "regions" in schema["properties"]
    committed = json.loads((FIXTURES.parent.parent / "schema" / "dataset.schema.json").read_text(encoding="utf-8"))
    assert schema == committed


# --- the GIL is released -------------------------------------------------------------------


def test_threads_share_a_dataset(small_text: str) -> None:
    ds = cp.Dataset.from_json(small_text)
    results: list[bool] = []

    def work() -> None:
        for _ in range(20):
            results.append(cp.Dataset.from_json(ds.to_json()).validate().is_valid)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * 80
