"""Analytics for cluster strategies and smart specialisation.

A typed facade over the Rust library ``clusterpolicy`` (the private extension module
``clusterpolicy._native``). All computations happen in Rust; Python and Rust exchange the
same JSON document, so a dataset written by one reads back identically in the other.

Read a dataset, check it, and get it back:

>>> import clusterpolicy as cp
>>> ds = cp.Dataset.from_dict({
...     "name": "tiny",
...     "regions": [{"id": "SI04", "name": "Zahodna Slovenija", "country": "SI"}],
...     "actors": [{"id": "A1", "name": "Example d.o.o.", "country": "SI",
...                 "region": "SI04", "helix": "business"}],
... })
>>> ds
Dataset(name='tiny', regions=1, actors=1)
>>> ds.validate().is_valid
True
>>> cp.Dataset.from_json(ds.to_json()) == ds
True

Every problem is reported at once, with its path into the document:

>>> broken = cp.Dataset.from_dict({
...     "name": "broken",
...     "actors": [{"id": "A1", "name": "One", "country": "SI", "region": "NOWHERE"}],
... })
>>> for problem in broken.validate():
...     print(problem.path, problem.kind)
actors[0].region unknown_reference
>>> broken.validated()
Traceback (most recent call last):
...
clusterpolicy.ValidationError: dataset is invalid: actors[0].region: unknown region `NOWHERE`

Errors are ``ClusterPolicyError`` (a ``ValueError``) subclasses with structured fields:

>>> try:
...     cp.Dataset.from_json('{"name": "x",\\n "regions": 3}')
... except cp.JsonError as e:
...     print(e.line, e.column)
2 13
"""

from typing import TYPE_CHECKING

from clusterpolicy._native import (
    ClusterPolicyError,
    CsvError,
    Dataset,
    DuplicateLabelError,
    EmptyInputError,
    InvalidParameterError,
    IoError,
    JsonError,
    Network,
    NonFiniteError,
    Problem,
    ShapeMismatchError,
    UnknownLabelError,
    ValidationError,
    ValidationReport,
    __version__,
    report_html,
    sample_dataset,
)
from clusterpolicy._types import DatasetDict, ProblemDict, ProblemKind, Severity

# The submodules, mirroring the core's modules.
from clusterpolicy import complexity, model, network, sample, specialisation, strategy, synergy  # noqa: E402
from clusterpolicy import report as _report_module  # noqa: E402

if TYPE_CHECKING:
    # Type checkers see `cp.report` as the function it has always been (`cp.report(ds)`);
    # the module's other names are reached as `from clusterpolicy.report import build`.
    from clusterpolicy._native import report
else:
    # At run time `cp.report` is the module `clusterpolicy.report`, callable as the function.
    report = _report_module

__all__ = [
    # data model
    "Dataset",
    "ValidationReport",
    "Problem",
    # cooperation networks (functions in clusterpolicy.network)
    "Network",
    # submodules mirroring the core
    "model",
    "specialisation",
    "complexity",
    "network",
    "synergy",
    "strategy",
    "report",
    "sample",
    # report of the main job (the module `report` is callable as `report.report`)
    "report_html",
    # the embedded synthetic dataset
    "sample_dataset",
    # errors: one class per clusterpolicy::Error kind
    "ClusterPolicyError",
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
    # typing helpers
    "DatasetDict",
    "ProblemDict",
    "ProblemKind",
    "Severity",
    "__version__",
]
