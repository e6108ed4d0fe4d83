"""Results that are plain dicts but render as HTML tables in Jupyter.

The analysis functions return the serde form of the core results: dicts of NumPy arrays,
numbers, strings, lists and nested dicts. :class:`Result` is such a dict (every dict
operation works, and it pickles like one) with a ``_repr_html_`` for notebooks: scalars
as a key/value table, equal-length 1-D arrays side by side (labelled by ``options`` when
present), 2-D arrays and lists of records as tables (the first rows only).

>>> import numpy as np
>>> from clusterpolicy._results import Result
>>> r = Result({"scores": np.array([0.5, 0.25]), "rank": np.array([1, 2]), "method": "wsm"}, title="MCDA")
>>> r["rank"].tolist(), isinstance(r, dict)
([1, 2], True)
>>> html = r._repr_html_()
>>> "<th>scores</th>" in html and "wsm" in html
True
"""

from __future__ import annotations

import html
import numbers
from typing import Any, Dict, List, Optional, Sequence

__all__ = ["Result", "to_html"]

#: Rows shown of a long table.
MAX_ROWS = 20


def _cell(v: Any) -> str:
    if isinstance(v, float) or (hasattr(v, "dtype") and getattr(v, "ndim", 1) == 0 and v.dtype.kind == "f"):
        return f"{float(v):.6g}"
    if isinstance(v, (list, tuple)) and len(v) > 8:
        return html.escape(f"[{', '.join(map(str, v[:8]))}, ... ({len(v)} items)]")
    if isinstance(v, dict):
        return html.escape(f"{{{len(v)} keys}}")
    return html.escape(str(v))


def _is_scalar(v: Any) -> bool:
    return v is None or isinstance(v, (str, bool, numbers.Number)) or (hasattr(v, "ndim") and v.ndim == 0)


def _is_vector(v: Any) -> bool:
    if hasattr(v, "ndim"):
        return bool(v.ndim == 1)
    return isinstance(v, list) and bool(v) and all(_is_scalar(x) for x in v)


def _table(header: Sequence[str], rows: List[List[str]], total: int, caption: Optional[str] = None) -> str:
    out = ["<table>"]
    if caption:
        out.append(f"<caption>{html.escape(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f"<th>{html.escape(str(h))}</th>" for h in header) + "</tr></thead><tbody>")
    out.extend("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    if total > len(rows):
        out.append(f"<tr><td colspan=\"{len(header)}\">... {total - len(rows)} more rows</td></tr>")
    out.append("</tbody></table>")
    return "".join(out)


def to_html(value: Dict[str, Any], title: str = "Result", depth: int = 0) -> str:
    """An HTML rendering of a result dict (see the module doc)."""
    parts: List[str] = []
    scalars = [(k, v) for k, v in value.items() if _is_scalar(v) or (isinstance(v, list) and not _is_vector(v) and not v)]
    if scalars:
        parts.append(_table(["", "value"], [[f"<b>{html.escape(str(k))}</b>", _cell(v)] for k, v in scalars], len(scalars)))
    labels = value.get("options")
    vectors = [(k, list(v)) for k, v in value.items() if k != "options" and _is_vector(v) and not _is_scalar(v)]
    by_len: Dict[int, List[Any]] = {}
    for k, v in vectors:
        by_len.setdefault(len(v), []).append((k, v))
    for n, cols in by_len.items():
        index = list(labels) if isinstance(labels, list) and len(labels) == n else list(range(n))
        rows = [[_cell(index[i])] + [_cell(c[i]) for _, c in cols] for i in range(min(n, MAX_ROWS))]
        parts.append(_table([""] + [k for k, _ in cols], rows, n))
    for k, v in value.items():
        if hasattr(v, "ndim") and v.ndim == 2:
            rows = [[_cell(i)] + [_cell(x) for x in v[i][:MAX_ROWS]] for i in range(min(v.shape[0], MAX_ROWS))]
            parts.append(_table([""] + [str(j) for j in range(min(v.shape[1], MAX_ROWS))], rows, v.shape[0], str(k)))
        elif isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            keys = list(dict.fromkeys(key for rec in v[:MAX_ROWS] for key in rec))
            rows = [[_cell(rec.get(key, "")) for key in keys] for rec in v[:MAX_ROWS]]
            parts.append(_table(keys, rows, len(v), str(k)))
        elif isinstance(v, dict) and depth < 2:
            parts.append(f"<details><summary>{html.escape(str(k))}</summary>{to_html(v, str(k), depth + 1)}</details>")
    body = "".join(parts)
    if depth:
        return body
    return f'<div class="clusterpolicy-result"><strong>{html.escape(title)}</strong>{body}</div>'


class Result(Dict[str, Any]):
    """A dict of named results with an HTML rendering for Jupyter (``_repr_html_``)."""

    title: str

    def __init__(self, *args: Any, title: str = "Result", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.title = title

    def _repr_html_(self) -> str:
        """The result as HTML tables."""
        return to_html(self, self.title)
