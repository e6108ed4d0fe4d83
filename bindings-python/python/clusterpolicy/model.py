"""The data model (core ``clusterpolicy::model``): the :class:`Dataset` document, its
validation, and the CSV loaders that build matrices, panels, DataFrames and datasets from
the files users hold.

* :class:`Dataset`, :class:`ValidationReport`, :class:`Problem`: the JSON document shared
  with Rust and JavaScript, and its validation (every problem at once, with its path).
* :func:`read_long_csv` -> :class:`LongTable`: long-format observations (one row per region,
  activity and optionally year) to a wide ``DataFrame`` / NumPy matrix (``to_frame``,
  ``to_numpy``), a years x regions x activities panel (``panel``), a long ``DataFrame``
  (``to_pandas``) or a ``Dataset`` (``to_dataset``).
* :func:`read_partnerships` -> :class:`Partnerships`: CORDIS-style partnership lists
  (presets in :func:`partnership_spec`) to actors, projects and regions, and a ``Dataset``.

All parsing runs in Rust with the GIL released; a malformed row raises ``CsvError`` naming
the file, the line and the column.

>>> import clusterpolicy.model as cm
>>> text = b"region,activity,year,value\\nAT11,C10,2020,12\\nAT11,C29,2020,3\\nSI04,C10,2021,7\\n"
>>> t = cm.read_long_csv(text, year="year")
>>> t.years, t.regions
([2020, 2021], ['AT11', 'SI04'])
>>> years, rows, cols, values = t.panel()
>>> values.shape
(2, 2, 2)
>>> t.to_frame(2020)
activity   C10  C29
region
AT11      12.0  3.0
>>> ds = t.to_dataset(name="demo", country="AT", indicator={"id": "employment", "name": "Employment",
...     "unit": "persons", "direction": "increase"})
>>> ds.counts["observations"]
3
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Union

from clusterpolicy import _native
from clusterpolicy._native import Dataset, LongTable, Partnerships, Problem, ValidationReport

__all__ = [
    "Dataset",
    "ValidationReport",
    "Problem",
    "LongTable",
    "Partnerships",
    "read_long_csv",
    "read_partnerships",
    "partnership_spec",
]

#: A CSV input: a path (``str`` or ``os.PathLike``), the file's bytes, or an open file.
CsvInput = Any


def read_long_csv(source: CsvInput, *, name: Optional[str] = None, **options: Any) -> LongTable:
    """Reads a long-format CSV (one row per region, activity and optionally year, with a
    value) into a :class:`LongTable`.

    ``source``: a path, the file's bytes, or an open file (text or binary); ``name`` names
    it in error messages. Options as the core's ``LongCsvOptions``: the column names
    ``region``, ``activity``, ``value`` (defaults ``"region"``, ``"activity"``,
    ``"value"``), ``year`` (for panels), ``region_name``, ``activity_name``, ``country``;
    ``delimiter`` (``"auto"``, ``"comma"``, ``"semicolon"``, ``"tab"``, ``"pipe"``),
    ``decimal`` (``"point"``, ``"comma"``), ``duplicates`` (``"error"``, ``"sum"``,
    ``"first"``), ``missing`` (``"error"``, ``"skip"``, ``"zero"``, ``"nan"``),
    ``allow_negative``, ``label_order`` (``"sorted"``, ``"natural"``, ``"first_seen"``),
    ``exclude_regions``, ``exclude_activities``.

    Raises ``CsvError`` (``source_name``, ``line``, ``column``) for a malformed row,
    ``IoError`` for an unreadable file, ``InvalidParameterError`` (listing the allowed
    values) for a bad option.

    >>> t = read_long_csv(b"region;activity;value\\nR1;A;1,5\\nR2;A;2\\n", decimal="comma")
    >>> t.to_numpy().ravel().tolist()
    [1.5, 2.0]
    >>> read_long_csv(b"region,activity,value\\nR1,A,x\\n", name="jobs.csv")
    Traceback (most recent call last):
    ...
    clusterpolicy.CsvError: jobs.csv: line 2, column `value`: `x` is not a number
    >>> read_long_csv(b"region,activity,value\\n", missing="drop")
    Traceback (most recent call last):
    ...
    clusterpolicy.InvalidParameterError: invalid parameter `missing`: unknown variant `drop`, expected one of `error`, `skip`, `zero`, `nan`
    """
    return LongTable.read(source, name=name, **options)


def read_partnerships(
    participations: CsvInput,
    organisations: Optional[CsvInput] = None,
    projects: Optional[CsvInput] = None,
    *,
    spec: Union[None, str, Dict[str, Any]] = None,
) -> Partnerships:
    """Reads a partnership list (one row per project x organisation), joined with an
    organisations file and a projects file when the spec names their columns.

    ``spec``: ``None`` (columns ``project`` and ``organisation`` only), a preset name
    (``"cordis_h2020_sod"``, ``"cordis_fp7_sod"``, ``"cordis_flat"``; see
    :func:`partnership_spec`) or a dict with any subset of the ``PartnershipSpec`` fields.

    >>> p = read_partnerships(b"project,organisation\\nP1,O1\\nP1,O2\\nP2,O1\\n")
    >>> p.summary["participations"], len(p.projects)
    (3, 2)
    >>> read_partnerships(b"project,organisation\\n", spec="cordis")
    Traceback (most recent call last):
    ...
    clusterpolicy.InvalidParameterError: invalid parameter `spec`: unknown preset `cordis`, expected one of default, cordis_h2020_sod, cordis_fp7_sod, cordis_flat
    """
    return Partnerships.read(participations, organisations, projects, spec=spec)


def partnership_spec(preset: str = "default") -> Dict[str, Any]:
    """A partnership-import spec preset as a dict, to change and pass to
    :func:`read_partnerships`: ``"default"``, ``"cordis_h2020_sod"``, ``"cordis_fp7_sod"``
    or ``"cordis_flat"``.

    >>> spec = partnership_spec("cordis_h2020_sod")
    >>> spec["participations"]["project"], spec["delimiter"], spec["decimal"]
    ('projectRcn', 'tab', 'comma')
    """
    return dict(_native.partnership_spec(preset))
