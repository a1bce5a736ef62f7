"""Errors as codes with parameters; words come later, in the user's language (``messages``).

The domain never formats a message for a person: it raises ``CalxError("weight_out_of_range",
min=0.5, max=500, unit="kg")`` and the edge (window, PDF, command line) turns it into words.
A ``Warning`` is the same shape but does not stop the calculation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Issue:
    """A code, its parameters and, optionally, the input field that caused it."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    field: str | None = None


class CalxError(Exception):
    """Input or data that Calx refuses. Nothing is computed or changed when it is raised."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        super().__init__(code)
        self.issue = Issue(code, dict(params), field)

    @property
    def code(self) -> str:
        return self.issue.code

    @property
    def params(self) -> dict[str, Any]:
        return self.issue.params

    @property
    def field(self) -> str | None:
        return self.issue.field

    def __str__(self) -> str:  # for logs only; people see messages.render(...)
        return f"{self.code} {self.params}" if self.params else self.code
