"""The report of the main job (core ``clusterpolicy::report``): a dataset's summary, its
validation findings and, section by section, the analyses (specialisation, complexity,
networks, synergy, strategy), as a dict (the JSON form) or as one self-contained HTML page.

:func:`build` returns a :class:`Report`: the dict, which Jupyter shows as the HTML page.
For compatibility the module itself is callable: ``clusterpolicy.report(ds)`` is
``clusterpolicy.report.report(ds)`` (type checkers know only the latter).

>>> import clusterpolicy as cp
>>> r = cp.report.build(cp.sample_dataset())
>>> r["summary"]["counts"]["regions"] > 0, r["validation"]["problems"]
(True, [])
>>> "<iframe" in r._repr_html_()
True
"""

from __future__ import annotations

import html as _html
import sys
import types
from typing import Any, Dict

from clusterpolicy._native import Dataset, report, report_html

__all__ = ["report", "report_html", "build", "Report"]


class Report(Dict[str, Any]):
    """The report of a dataset as a dict (``generator``, ``summary``, ``validation`` and
    one key per analysis section), shown in Jupyter as the report's HTML page."""

    dataset: Dataset

    def __init__(self, dataset: Dataset) -> None:
        super().__init__(report(dataset))
        self.dataset = dataset

    def to_html(self) -> str:
        """The self-contained HTML page (as :func:`report_html`)."""
        return report_html(self.dataset)

    def _repr_html_(self) -> str:
        """The HTML page in an isolated frame (its styles do not leak into the notebook)."""
        page = _html.escape(self.to_html(), quote=True)
        return f'<iframe srcdoc="{page}" style="width: 100%; height: 640px; border: 0"></iframe>'

    def __reduce__(self) -> Any:
        return (Report, (self.dataset,))


def build(dataset: Dataset) -> Report:
    """The report of ``dataset`` (a :class:`Report`). Never fails: an invalid dataset is
    summarised as far as it goes and its problems are listed under ``"validation"``.

    >>> import clusterpolicy as cp
    >>> r = build(cp.Dataset.from_json('{"name": "tiny"}'))
    >>> r["summary"]["name"], r.to_html().startswith("<!DOCTYPE html>")
    ('tiny', True)
    """
    return Report(dataset)


class _CallableModule(types.ModuleType):
    """This module, callable as :func:`report` (``clusterpolicy.report(ds)``)."""

    def __call__(self, dataset: Dataset) -> Any:
        return report(dataset)


sys.modules[__name__].__class__ = _CallableModule
