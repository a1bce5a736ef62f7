"""A text in both languages and where a statement comes from: what every record of the content
carries, regimens or not. A module of its own so that reading the knowledge base (the window's
therapy tree) does not build the regimen types (``desktop.core.regimen`` re-exports these)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# The reference id of the source review (db/content/_references.toml).
REVIEW_REF = "valenzuela-2016"

Verification = Literal["verified", "secondary", "unverified"]
VERIFICATIONS: tuple[str, ...] = ("verified", "secondary", "unverified")


class ContentError(ValueError):
    """A content record that cannot be used. ``field`` is a dotted path inside the record."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


@dataclass(frozen=True)
class Bilingual:
    """A text in French and in English."""

    fr: str
    en: str

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en

    @classmethod
    def of(cls, code: str) -> Bilingual:
        """The words of ``code`` in the catalogue (``desktop.core.words``), as a pair: a
        vocabulary shown beside content, or an alert stored in a saved plan."""
        from desktop.core.words import word

        return cls(word(code, "fr"), word(code, "en"))


@dataclass(frozen=True)
class Source:
    """Where a statement comes from: a reference id (see ``_references.toml``), the section of the
    review it is read from, and how far it was checked (docs/clinical.md marks V / S / U)."""

    ref: str
    verification: Verification
    section: str | None = None

    @property
    def as_reported_in_review(self) -> bool:
        """True when the review is the only source: it cites its primary study, which could not
        be found or checked (docs/clinical.md §1). Such a statement is shown "as reported in the
        review", never as established."""
        return self.ref == REVIEW_REF and self.verification == "unverified"

    @property
    def verification_code(self) -> str:
        """The catalogue code (``desktop.core.words``) of how far it was checked, as shown:
        "as_reported", or the verification level ("verified", "secondary", "unverified")."""
        return "as_reported" if self.as_reported_in_review else self.verification
