"""What the knowledge base returns: frozen dataclasses for a therapy record and its parts.

A record (``db/content/<id>.toml``) is one therapy, general measure or procedure of the review
(Valenzuela & Chung 2016). Every clinical statement carries its ``Source``. Regimens and products
are the dosing engine's own types from ``desktop.core.regimen`` and are reused, not copied;
texts and sources are ``desktop.core.sources``'s.

The vocabularies (categories, study designs, directions of effect) are listed here, their words
taken from the catalogue (``desktop.core.words``), so the build, the command line, the window and
the PDF name them alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.core.sources import REVIEW_REF, Bilingual, Source
from desktop.data.provenance import DbMetadata, Reference

if TYPE_CHECKING:
    from desktop.core.regimen import Regimen
else:

    def __getattr__(name: str) -> Any:
        """``Regimen``, the type of ``Therapy.regimens``, imported when first asked for (a saved
        plan read back resolves that hint through ``getattr``): filling the window's tree does
        not build the regimen types."""
        if name == "Regimen":
            from desktop.core.regimen import Regimen

            return Regimen
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CATEGORIES",
    "DESIGNS",
    "DIRECTIONS",
    "REVIEW_REF",
    "STATEMENT_KINDS",
    "Bilingual",
    "DbMetadata",
    "Evidence",
    "OverviewRow",
    "Reference",
    "SearchHit",
    "Source",
    "Statement",
    "Synonyms",
    "Therapy",
    "TherapySummary",
    "category_rank",
]


# In the review's order: general measures, drugs, emerging therapies, interventional procedures.
CATEGORIES: dict[str, Bilingual] = {
    key: Bilingual.of("category_" + key) for key in ("general", "drug", "emerging", "procedure")
}
# Study designs, weakest to strongest (db/content/README.md, "Designs").
DESIGNS: dict[str, Bilingual] = {
    key: Bilingual.of("design_" + key)
    for key in (
        "expert-opinion",
        "unpublished-observation",
        "case-report",
        "case-series",
        "retrospective-study",
        "prospective-open-study",
        "controlled-trial",
    )
}
DIRECTIONS: dict[str, Bilingual] = {
    key: Bilingual.of("direction_" + key) for key in ("improved", "no-effect", "worsened", "mixed")
}

# The lists of plain statements of a record, in display order.
STATEMENT_KINDS: tuple[str, ...] = (
    "advised_against",
    "adverse_effects",
    "cautions",
    "monitoring",
    "patient_advice",
    "instructions",
    "patient_name",
    "patient_purpose",
    "patient_food",
)


def category_rank(category: str) -> int:
    """Position of a category in the review (unknown categories last)."""
    order = tuple(CATEGORIES)
    return order.index(category) if category in order else len(order)


@dataclass(frozen=True)
class Statement:
    """One clinical sentence in both languages and where it comes from."""

    text: Bilingual
    source: Source


@dataclass(frozen=True)
class Synonyms:
    """Brand names, abbreviations and other names, per language (BCC/CCB, IGIV/IVIG...)."""

    fr: tuple[str, ...] = ()
    en: tuple[str, ...] = ()

    def get(self, lang: str) -> tuple[str, ...]:
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True)
class Evidence:
    """One study behind a therapy: design, number of patients, population, outcome."""

    study: Bilingual
    design: str  # a key of DESIGNS
    population: Bilingual
    outcome: Bilingual
    direction: str  # a key of DIRECTIONS
    source: Source
    patients: int | None = None  # None when the review does not say
    intervention: Bilingual | None = None
    follow_up: Bilingual | None = None


@dataclass(frozen=True)
class Therapy:
    """A full record: a therapy, general measure or procedure of the review."""

    id: str
    category: str  # a key of CATEGORIES
    order: int  # position in the review
    review_section: Bilingual
    name: Bilingual
    synonyms: Synonyms
    off_label: bool
    conflicting_evidence: bool
    evidence_level: str  # a key of DESIGNS: the strongest design behind it
    summary: Statement
    mechanism: Statement | None = None
    regimens: tuple[Regimen, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    adverse_effects: tuple[Statement, ...] = ()
    cautions: tuple[Statement, ...] = ()
    # A later source that advises against the therapy (warfarin: Traineau 2020), shown as a
    # banner on the page and a flag in the overview.
    advised_against: tuple[Statement, ...] = ()
    monitoring: tuple[Statement, ...] = ()
    patient_advice: tuple[Statement, ...] = ()
    instructions: tuple[Statement, ...] = ()  # numbered steps, in order
    # Patient copy: a plain-words name (when the review's name is clinical jargon), what the
    # treatment is for, and whether to take it with food (only where a source says so).
    patient_name: tuple[Statement, ...] = ()
    patient_purpose: tuple[Statement, ...] = ()
    patient_food: tuple[Statement, ...] = ()

    def patient_label(self, lang: str) -> str:
        """The name the patient copy prints: the plain-words name when the record has one."""
        return self.patient_name[0].text.get(lang) if self.patient_name else self.name.get(lang)

    def statements(self) -> tuple[tuple[str, Statement], ...]:
        """Every plain statement with its kind ("summary", "mechanism", "cautions"...)."""
        out: list[tuple[str, Statement]] = [("summary", self.summary)]
        if self.mechanism is not None:
            out.append(("mechanism", self.mechanism))
        for kind in STATEMENT_KINDS:
            out.extend((kind, s) for s in getattr(self, kind))
        return tuple(out)

    def sources(self) -> tuple[Source, ...]:
        """Every source the record cites, statements, evidence and regimens alike."""
        found = [s.source for _, s in self.statements()]
        found += [e.source for e in self.evidence]
        for r in self.regimens:
            found.append(r.source)
            if r.schedule_source is not None:
                found.append(r.schedule_source)
        return tuple(found)


@dataclass(frozen=True)
class TherapySummary:
    """A line of the therapy list, in one language (``ReferenceDB.therapies(lang)``)."""

    id: str
    category: str
    order: int
    name: str
    names: Bilingual
    synonyms: tuple[str, ...]
    summary: str
    evidence_level: str
    off_label: bool
    conflicting_evidence: bool


@dataclass(frozen=True)
class SearchHit:
    """A search result in the requested language. ``highlights`` are (start, end) character
    offsets into ``snippet`` of the words that matched; ``score`` is higher for better matches
    (negated bm25), comparable only within one search."""

    therapy_id: str
    name: str
    category: str
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    score: float


@dataclass(frozen=True)
class OverviewRow:
    """One line of the overview table (the review's missing "Tableau 1"), in one language."""

    therapy_id: str
    category: str
    category_label: str
    order: int
    name: str
    regimen_summary: str  # regimen labels, "" when the review gives none
    evidence_level: str
    evidence_label: str
    main_adverse_effects: str  # "" when the record lists none
    off_label: bool
    conflicting_evidence: bool
    advised_against: str = ""  # who advises against it ("Traineau et al. 2020"), or ""
