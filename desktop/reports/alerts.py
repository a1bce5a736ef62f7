"""Plan-check alerts in words: the one presenter the command line, the window and the PDF share.

``alert_document`` is the JSON shape of an alert (``calx dose/plan/check --json``):
``{"severity", "severity_label", "code", "message", "action", "sources", "triggered_by",
"patient_instruction"}``; ``alert_lines`` the same in lines of text; ``trigger_text`` and
``source_text`` the pieces the window and the clinician copy lay out themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from desktop.core.formatting import format_number
from desktop.core.plan_check import ESTIMATE_WORDS, Alert, Measurement
from desktop.core.regimen import Bilingual
from desktop.core.safety import SEVERITY_WORDS, RuleSource, SafetyContent

if TYPE_CHECKING:
    from desktop.data.models import Reference

# A symbol per severity, so that it never rests on colour alone (printed and screen).
SEVERITY_ICONS: dict[str, str] = {
    "contraindicated": "✖", "avoid": "▲", "precaution": "●", "consider": "ℹ",
}
# Plain text marks for the command line (any terminal).
SEVERITY_MARKS: dict[str, str] = {
    "contraindicated": "[X]", "avoid": "[!]", "precaution": "[*]", "consider": "[i]",
}
_MEASURE_WORDS: dict[str, Bilingual] = {
    **ESTIMATE_WORDS,
    "bmi": Bilingual("IMC", "BMI"),
    "weight": Bilingual("poids", "weight"),
    "previous-weight": Bilingual("poids du dernier plan", "weight at the last plan"),
    "age": Bilingual("âge", "age"),
}
_UNIT_WORDS: dict[str, Bilingual] = {"years": Bilingual("ans", "years")}
_PATIENT_WORDS: dict[str, Bilingual] = {
    "pregnant=yes": Bilingual("enceinte", "pregnant"),
    "pregnant=unknown": Bilingual("grossesse non renseignée", "pregnancy not stated"),
    "breastfeeding=yes": Bilingual("allaite", "breastfeeding"),
    "breastfeeding=unknown": Bilingual("allaitement non renseigné", "breastfeeding not stated"),
}
WORDS: dict[str, Bilingual] = {
    "regimens": Bilingual("Schémas", "Regimens"),
    "medications": Bilingual("Médicaments", "Medications"),
    "measurements": Bilingual("Mesures", "Measurements"),
    "patient": Bilingual("Patient", "Patient"),
    "action": Bilingual("Conduite à tenir", "Action"),
    "sources": Bilingual("Sources", "Sources"),
    "triggered_by": Bilingual("Déclenchée par", "Triggered by"),
    "override": Bilingual("Passée outre", "Overridden"),
    "not_checked": Bilingual("non vérifié", "not checked"),
}


def colon(lang: str) -> str:
    return " : " if lang == "fr" else ": "


def severity_label(severity: str, lang: str) -> str:
    words = SEVERITY_WORDS.get(severity)
    return words.get(lang) if words is not None else severity


def unit_text(unit: str, lang: str) -> str:
    """A unit in ``lang``: "ans" for years, a decimal comma in "1,73 m²" in French."""
    words = _UNIT_WORDS.get(unit)
    if words is not None:
        return words.get(lang)
    return unit.replace("1.73", "1,73") if lang == "fr" else unit


def measurement_text(m: Measurement, lang: str) -> str:
    name = _MEASURE_WORDS.get(m.name)
    return (f"{name.get(lang) if name else m.name} {format_number(m.value, lang, 1)} "
            f"{unit_text(m.unit, lang)}")


def medication_name(mid: str, lang: str,
                    names: SafetyContent | Mapping[str, Bilingual] | None) -> str:
    """The medication's name in ``lang`` (from the list or a saved plan's names), else as typed."""
    if isinstance(names, SafetyContent):
        med = names.medication(mid)
        return med.name.get(lang) if med is not None else mid
    found = (names or {}).get(mid)
    return found.get(lang) if found is not None else mid


def trigger_text(alert: Alert, lang: str,
                 safety: SafetyContent | Mapping[str, Bilingual] | None = None,
                 regimen_labels: Mapping[str, str] | None = None) -> list[str]:
    """"Regimens: …", "Medications: …", "Measurements: …", "Patient: …" (those that apply)."""
    t = alert.triggered_by
    labels = regimen_labels or {}
    c = colon(lang)
    lines = []
    if t.regimens:
        lines.append(WORDS["regimens"].get(lang) + c
                     + ", ".join(labels.get(r, r) for r in t.regimens))
    if t.medications:
        lines.append(WORDS["medications"].get(lang) + c
                     + ", ".join(medication_name(m, lang, safety) for m in t.medications))
    if t.measurements:
        lines.append(WORDS["measurements"].get(lang) + c
                     + "; ".join(measurement_text(m, lang) for m in t.measurements))
    if t.patient:
        lines.append(WORDS["patient"].get(lang) + c + ", ".join(
            _PATIENT_WORDS[p].get(lang) if p in _PATIENT_WORDS else p for p in t.patient))
    return lines


def source_text(source: RuleSource, references: Mapping[str, Reference] | None = None) -> str:
    ref = (references or {}).get(source.ref)
    name = ref.short if ref is not None else source.ref
    return f"{name}, {source.section}" if source.section else name


def alert_document(alert: Alert, lang: str, references: Mapping[str, Reference] | None = None,
                   override: str | None = None) -> dict[str, Any]:
    """The JSON shape of an alert (see the module docstring)."""
    t = alert.triggered_by
    return {
        "severity": alert.severity,
        "severity_label": severity_label(alert.severity, lang),
        "code": alert.code,
        "message": alert.message.get(lang),
        "action": alert.action.get(lang),
        "sources": [{"ref": s.ref, "section": s.section,
                     "text": source_text(s, references)} for s in alert.sources],
        "triggered_by": {
            "regimens": list(t.regimens), "medications": list(t.medications),
            "measurements": [{"name": m.name, "value": m.value, "unit": m.unit}
                             for m in t.measurements],
            "patient": list(t.patient)},
        "patient_instruction": (alert.patient_instruction.get(lang)
                                if alert.patient_instruction is not None else None),
        "override": override,
    }


def alert_lines(alert: Alert, lang: str, safety: SafetyContent | None = None,
                references: Mapping[str, Reference] | None = None,
                override: str | None = None) -> list[str]:
    """An alert as lines of plain text: the first line carries the mark and the word."""
    c = colon(lang)
    head = (f"{SEVERITY_MARKS.get(alert.severity, '[?]')} "
            f"{severity_label(alert.severity, lang).upper()} ({alert.code}){c}"
            f"{alert.message.get(lang)}")
    lines = [head, f"    {WORDS['action'].get(lang)}{c}{alert.action.get(lang)}"]
    lines += [f"    {line}" for line in trigger_text(alert, lang, safety)]
    lines.append(f"    {WORDS['sources'].get(lang)}{c}"
                 + "; ".join(source_text(s, references) for s in alert.sources))
    if override is not None:
        lines.append(f"    {WORDS['override'].get(lang)}{c}{override}")
    return lines


def reference_map(references: Iterable[Reference]) -> dict[str, Reference]:
    return {r.id: r for r in references}

