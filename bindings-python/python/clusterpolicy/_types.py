"""Types of the values that cross the boundary as plain Python objects.

These are typing helpers only: the native module returns plain ``str`` and ``dict``
objects of these shapes.
"""

from typing import Any, Dict, Literal, TypedDict

__all__ = ["DatasetDict", "ProblemDict", "ProblemKind", "Severity"]

#: Kind of a validation problem (``Problem.kind``).
ProblemKind = Literal[
    "unknown_reference",
    "duplicate_id",
    "empty_id",
    "non_finite",
    "negative_amount",
    "end_before_start",
    "shares_do_not_add_up",
    "unknown_country_code",
    "invalid_value",
]

#: Severity of a validation problem (``Problem.severity``).
Severity = Literal["error", "warning"]

#: The JSON document of a dataset as a dict (see ``Dataset.json_schema()``).
DatasetDict = Dict[str, Any]


class ProblemDict(TypedDict):
    """A validation problem as a dict (``Problem.to_dict()``, ``ValidationError.problems``)."""

    path: str
    kind: ProblemKind
    severity: Severity
    message: str
