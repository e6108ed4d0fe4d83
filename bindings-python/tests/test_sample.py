"""Tests of the sample binding (core ``clusterpolicy::sample``)."""

from __future__ import annotations

import pytest

import clusterpolicy as cp


def test_default_sample_is_valid_synthetic_and_stable() -> None:
    ds = cp.sample_dataset()
    assert ds.synthetic
    assert ds.name == "South-East Europe cluster platform (synthetic)"
    assert ds.validate().is_valid
    assert cp.sample_dataset() == ds
    # The defaults of the parameters are those of the default dataset.
    assert cp.sample_dataset(seed=2007) == ds
    assert cp.Dataset.from_json(ds.to_json()) == ds


def test_parameters_change_the_sample() -> None:
    small = cp.sample_dataset(
        seed=1,
        years=[2015, 2020],
        concentration=50.0,
        clusters=5,
        other_actors=10,
        projects=7,
        danube_programme=False,
        cluster_strategies=1,
        evidence=3,
        scenarios=2,
    )
    assert small.validate().is_valid
    assert small.counts["projects"] == 7 and small.counts["evidence"] == 3 and small.counts["scenarios"] == 2
    assert small != cp.sample_dataset()
    assert cp.sample_dataset(seed=1, projects=7) == cp.sample_dataset(projects=7, seed=1)


def test_bad_parameters_raise_invalid_parameter_error() -> None:
    with pytest.raises(cp.InvalidParameterError) as info:
        cp.sample_dataset(years=[2015, 2012])
    assert info.value.name == "years"
    with pytest.raises(cp.InvalidParameterError) as info:
        cp.sample_dataset(sed=1)  # type: ignore[call-arg]
    assert "unknown field `sed`" in info.value.reason
    with pytest.raises(cp.InvalidParameterError):
        cp.sample_dataset(projects="many")  # type: ignore[arg-type]
