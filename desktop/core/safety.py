"""Safety content: the medication list and the sourced plan-check rules (``db/content/safety/``).

The contract between the rule files and the plan check (``desktop.core.plan_check``); its format
is described in ``db/content/safety/README.md``. ``medication_from_dict`` and ``rule_from_dict``
are the only parsers of that data: the build validates with them and the reference database
reads back with them, so the two can never disagree. Problems are ``ContentError`` naming the
field. ``match_medication`` finds a typed name (any case, with or without accents, INN, French or
English name, brand) in the list.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core.regimen import SLUG, Bilingual, ContentError, bilingual_from
from desktop.core.words import LANGUAGES

# The ANSM's four levels, strongest first (docs/clinical.md §6).
SEVERITIES: tuple[str, ...] = ("contraindicated", "avoid", "precaution", "consider")
SEVERITY_WORDS: dict[str, Bilingual] = {
    severity: Bilingual.of(f"severity_{severity}") for severity in SEVERITIES
}
KINDS: tuple[str, ...] = (
    "interaction",
    "renal",
    "age",
    "pregnancy",
    "breastfeeding",
    "duplicate",
    "screening",
    "monitoring",
    "adverse-effects",
)
CLASS_PREFIX = "class:"
# In an interaction rule's patient text: the names of the plan's "with" medications.
WITH_PLACEHOLDER = "{with}"

_MEDICATION_KEYS = frozenset({"id", "name", "synonyms", "classes"})
_RULE_KEYS = frozenset(
    {
        "code",
        "kind",
        "severity",
        "drugs",
        "with",
        "below_ml_min",
        "under_years",
        "message",
        "action",
        "patient",
        "sources",
        "interval_days",
        "first_after_days",
        "test",
    }
)
_SOURCE_KEYS = frozenset({"ref", "section"})
# Fields a kind needs, and fields only some kinds may carry.
_KIND_NEEDS: dict[str, tuple[str, ...]] = {
    "interaction": ("with",),
    "renal": ("below_ml_min",),
    "age": ("under_years",),
}
_KIND_ONLY: dict[str, tuple[str, ...]] = {
    "with": ("interaction",),
    "below_ml_min": ("renal",),
    "under_years": ("age",),
    "interval_days": ("monitoring",),
    "first_after_days": ("monitoring",),
    "test": ("monitoring",),
}


def severity_rank(severity: str) -> int:
    """0 for contraindicated … 3 for consider; unknown severities sort last."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


def fold(text: str) -> str:
    """Case- and accent-insensitive key: "Ciclosporine" and "ciclosporine" and "CICLOSPORINE"."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@dataclass(frozen=True)
class Medication:
    """A medication Calx can recognise: a review drug or a usual co-medication."""

    id: str
    name: Bilingual
    synonyms_fr: tuple[str, ...] = ()
    synonyms_en: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.id, self.name.fr, self.name.en, *self.synonyms_fr, *self.synonyms_en)


@dataclass(frozen=True)
class RuleSource:
    """A label, SmPC or thesaurus entry (an id of a references file) and its section."""

    ref: str
    section: str = ""


@dataclass(frozen=True)
class SafetyRule:
    """One sourced rule (see ``db/content/safety/README.md``)."""

    code: str
    kind: str
    severity: str
    drugs: tuple[str, ...]
    message: Bilingual
    action: Bilingual
    sources: tuple[RuleSource, ...]
    with_: tuple[str, ...] = ()
    below_ml_min: float | None = None
    under_years: float | None = None
    patient: Bilingual | None = None
    interval_days: int | None = None
    first_after_days: int | None = None
    test: Bilingual | None = None  # monitoring: the test's name on the patient's calendar


@dataclass(frozen=True)
class SafetyContent:
    """The medication list and the rules, as the plan check reads them."""

    medications: tuple[Medication, ...] = ()
    rules: tuple[SafetyRule, ...] = ()
    _by_id: Mapping[str, Medication] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {m.id: m for m in self.medications})

    def medication(self, medication_id: str) -> Medication | None:
        return self._by_id.get(medication_id)


# --------------------------------------------------------------------------- parsing


def _unknown(d: Mapping[str, Any], allowed: frozenset[str], path: str) -> None:
    for key in d:
        if key not in allowed:
            raise ContentError(
                f"{path}.{key}", f"unknown key (expected one of: {', '.join(sorted(allowed))})"
            )


def _text(d: Mapping[str, Any], key: str, path: str, required: bool = True) -> Bilingual | None:
    if key not in d:
        if required:
            raise ContentError(f"{path}.{key}", "is missing (a table with 'fr' and 'en')")
        return None
    value = d[key]
    if isinstance(value, Mapping):
        _unknown(value, frozenset({"fr", "en"}), f"{path}.{key}")
    return bilingual_from(value, f"{path}.{key}")


def _names(value: Any, path: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(n, str) and n.strip() for n in value):
        raise ContentError(path, "must be a list of non-empty texts")
    return tuple(n.strip() for n in value)


def medication_from_dict(d: Mapping[str, Any], path: str = "medication") -> Medication:
    if not isinstance(d, Mapping):
        raise ContentError(path, "must be a table")
    _unknown(d, _MEDICATION_KEYS, path)
    mid = d.get("id")
    if not isinstance(mid, str) or not SLUG.fullmatch(mid):
        raise ContentError(f"{path}.id", f"{mid!r} must be a slug like 'clarithromycin'")
    name = _text(d, "name", path)
    assert name is not None
    synonyms = d.get("synonyms", {"fr": [], "en": []})
    if not isinstance(synonyms, Mapping):
        raise ContentError(f"{path}.synonyms", "must be a table { fr = [...], en = [...] }")
    _unknown(synonyms, frozenset({"fr", "en"}), f"{path}.synonyms")
    for lang in LANGUAGES:
        if lang not in synonyms:
            raise ContentError(
                f"{path}.synonyms.{lang}", "translation is missing (write [] if there is none)"
            )
    classes = _names(d.get("classes", []), f"{path}.classes")
    for c in classes:
        if not SLUG.fullmatch(c):
            raise ContentError(f"{path}.classes", f"{c!r} must be a slug like 'macrolide'")
    return Medication(
        id=mid,
        name=name,
        synonyms_fr=_names(synonyms["fr"], f"{path}.synonyms.fr"),
        synonyms_en=_names(synonyms["en"], f"{path}.synonyms.en"),
        classes=classes,
    )


def _number(d: Mapping[str, Any], key: str, path: str, whole: bool = False) -> float | None:
    if key not in d:
        return None
    value = d[key]
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not value > 0
        or value != value
        or value == float("inf")
        or (whole and not isinstance(value, int))
    ):
        raise ContentError(
            f"{path}.{key}", "must be a positive " + ("whole number" if whole else "number")
        )
    return value


def _targets(
    value: Any, path: str, medications: Mapping[str, Medication] | None, classes: set[str] | None
) -> tuple[str, ...]:
    items = _names(value, path)
    if not items:
        raise ContentError(path, "must name at least one medication or class")
    for item in items:
        if item.startswith(CLASS_PREFIX):
            name = item[len(CLASS_PREFIX) :]
            if classes is not None and name not in classes:
                raise ContentError(path, f"unknown class {name!r} (no medication has it)")
        elif medications is not None and item not in medications:
            raise ContentError(path, f"unknown medication id {item!r}")
    return items


def _sources(value: Any, path: str, known_refs: Sequence[str] | None) -> tuple[RuleSource, ...]:
    if value is None:
        raise ContentError(path, "source is missing: a rule without a source is refused")
    if not isinstance(value, list) or not value:
        raise ContentError(path, "must be a non-empty list of { ref, section }")
    found = []
    for i, s in enumerate(value):
        p = f"{path}[{i}]"
        if not isinstance(s, Mapping):
            raise ContentError(p, "must be a table { ref, section }")
        _unknown(s, _SOURCE_KEYS, p)
        ref = s.get("ref")
        if not isinstance(ref, str) or not ref.strip():
            raise ContentError(f"{p}.ref", "is missing")
        if known_refs is not None and ref not in known_refs:
            raise ContentError(f"{p}.ref", f"unknown reference {ref!r}")
        section = s.get("section", "")
        if not isinstance(section, str) or not section.strip():
            raise ContentError(f"{p}.section", "is missing (the label's section)")
        found.append(RuleSource(ref=ref, section=section.strip()))
    return tuple(found)


def rule_from_dict(
    d: Mapping[str, Any],
    path: str = "rule",
    known_refs: Sequence[str] | None = None,
    medications: Mapping[str, Medication] | None = None,
) -> SafetyRule:
    """One rule; with ``known_refs`` / ``medications`` the ids and classes are checked too."""
    if not isinstance(d, Mapping):
        raise ContentError(path, "must be a table")
    _unknown(d, _RULE_KEYS, path)
    code = d.get("code")
    if not isinstance(code, str) or not SLUG.fullmatch(code):
        raise ContentError(f"{path}.code", f"{code!r} must be a slug like 'colchicine-diltiazem'")
    kind = d.get("kind")
    if kind not in KINDS:
        raise ContentError(f"{path}.kind", f"{kind!r} is not one of: {', '.join(KINDS)}")
    severity = d.get("severity")
    if severity not in SEVERITIES:
        raise ContentError(
            f"{path}.severity", f"{severity!r} is not one of: {', '.join(SEVERITIES)}"
        )
    for key in _KIND_NEEDS.get(kind, ()):
        if key not in d:
            raise ContentError(f"{path}.{key}", f"is required for kind {kind!r}")
    for key, kinds in _KIND_ONLY.items():
        if key in d and kind not in kinds:
            raise ContentError(f"{path}.{key}", f"is not used by kind {kind!r}")
    classes = (
        {c for m in medications.values() for c in m.classes} if medications is not None else None
    )
    sources = _sources(d.get("sources"), f"{path}.sources", known_refs)
    message, action = _text(d, "message", path), _text(d, "action", path)
    assert message is not None and action is not None
    patient = _text(d, "patient", path, required=False)
    marked = [WITH_PLACEHOLDER in t for t in (patient.fr, patient.en)] if patient else []
    if any(marked) and (kind != "interaction" or not all(marked)):
        raise ContentError(
            f"{path}.patient",
            f"{WITH_PLACEHOLDER} belongs in both languages of an interaction rule's patient text",
        )
    interval = _number(d, "interval_days", path, whole=True)
    first = _number(d, "first_after_days", path, whole=True)
    return SafetyRule(
        code=code,
        kind=kind,
        severity=severity,
        drugs=_targets(d.get("drugs"), f"{path}.drugs", medications, classes),
        with_=(_targets(d["with"], f"{path}.with", medications, classes) if "with" in d else ()),
        below_ml_min=_number(d, "below_ml_min", path),
        under_years=_number(d, "under_years", path),
        message=message,
        action=action,
        patient=patient,
        sources=sources,
        interval_days=int(interval) if interval is not None else None,
        first_after_days=int(first) if first is not None else None,
        test=_text(d, "test", path, required=False),
    )


def rule_to_dict(rule: SafetyRule) -> dict[str, Any]:
    """The rule as its file writes it (for storage); ``rule_from_dict`` reads it back."""
    out: dict[str, Any] = {
        "code": rule.code,
        "kind": rule.kind,
        "severity": rule.severity,
        "drugs": list(rule.drugs),
    }
    if rule.with_:
        out["with"] = list(rule.with_)
    for key in ("below_ml_min", "under_years", "interval_days", "first_after_days"):
        if getattr(rule, key) is not None:
            out[key] = getattr(rule, key)
    out["message"] = {"fr": rule.message.fr, "en": rule.message.en}
    out["action"] = {"fr": rule.action.fr, "en": rule.action.en}
    for key in ("patient", "test"):
        text = getattr(rule, key)
        if text is not None:
            out[key] = {"fr": text.fr, "en": text.en}
    out["sources"] = [{"ref": s.ref, "section": s.section} for s in rule.sources]
    return out


def medication_to_dict(m: Medication) -> dict[str, Any]:
    return {
        "id": m.id,
        "name": {"fr": m.name.fr, "en": m.name.en},
        "synonyms": {"fr": list(m.synonyms_fr), "en": list(m.synonyms_en)},
        "classes": list(m.classes),
    }


# --------------------------------------------------------------------------- names


def medication_index(medications: Sequence[Medication]) -> dict[str, str]:
    """Folded name → medication id, over ids, names and synonyms (first medication wins)."""
    index: dict[str, str] = {}
    for m in medications:
        for n in m.names():
            index.setdefault(fold(n), m.id)
    return index


def match_medication(
    text: str, medications: Sequence[Medication], index: Mapping[str, str] | None = None
) -> str | None:
    """The id of the medication named ``text`` (accent- and case-insensitive), else None.

    As typed on a prescription, a name may carry a strength ("Kardégic 75 mg") or a salt
    ("amlodipine bésilate"): the name before the first number is tried, then the longest known
    name that the text starts with as a whole word. Nothing else is guessed."""
    if not isinstance(text, str) or not text.strip():
        return None
    index = index if index is not None else medication_index(medications)
    key = fold(text)[:200]
    found = index.get(key)
    if found is not None:
        return found
    words = key.replace("/", " ").split()
    before_number = []
    for word in words:
        if any(ch.isdigit() for ch in word):
            break
        before_number.append(word)
    if before_number and len(before_number) < len(words):
        found = index.get(" ".join(before_number))
        if found is not None:
            return found
    for end in range(len(words) - 1, 0, -1):  # longest whole-word prefix first
        found = index.get(" ".join(words[:end]))
        if found is not None:
            return found
    return None
