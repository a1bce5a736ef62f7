"""Plan-check alerts in words: the one presenter the command line, the window and the PDF share.

``alert_document`` is the JSON shape of an alert (``calx dose/plan/check --json``):
``{"severity", "severity_label", "code", "message", "action", "sources", "triggered_by",
"patient_instruction"}``; ``alert_lines`` the same in lines of text; ``trigger_text`` and
``source_text`` the pieces the window and the clinician copy lay out themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from desktop.core.formatting import colon as format_colon
from desktop.core.formatting import format_number, format_unit
from desktop.core.plan_check import ESTIMATE_WORDS, Alert, Measurement
from desktop.core.regimen import Bilingual
from desktop.core.safety import SEVERITIES, RuleSource, SafetyContent
from desktop.core.words import word

if TYPE_CHECKING:
    from desktop.data.models import Reference

# A symbol per severity, so that it never rests on colour alone (printed and screen).
SEVERITY_ICONS: dict[str, str] = {
    "contraindicated": "✖",
    "avoid": "▲",
    "precaution": "●",
    "consider": "ℹ",
}
# Plain text marks for the command line (any terminal).
SEVERITY_MARKS: dict[str, str] = {
    "contraindicated": "[X]",
    "avoid": "[!]",
    "precaution": "[*]",
    "consider": "[i]",
}
# A measurement's name (``Measurement.name``) → the code of its words (desktop.core.words).
_MEASURE_CODES: dict[str, str] = {
    **{name: f"estimate_{name}" for name in ESTIMATE_WORDS},
    "bmi": "metric_bmi",
    "weight": "alert_measure_weight",
    "previous-weight": "alert_measure_previous-weight",
    "age": "symbol_age",
}
# Patient facts that trigger an alert ("pregnant=yes"): codes alert_patient_<fact>.
_PATIENT_FACTS: frozenset[str] = frozenset(
    {"pregnant=yes", "pregnant=unknown", "breastfeeding=yes", "breastfeeding=unknown"}
)


def colon(lang: str) -> str:
    """The colon of an alert's lines (a plain space before it in French: the window and the
    command line)."""
    return format_colon(lang, " ")


def severity_label(severity: str, lang: str) -> str:
    return word(f"severity_{severity}", lang) if severity in SEVERITIES else severity


def unit_text(unit: str, lang: str) -> str:
    """A unit in ``lang`` by the display rules: "ans" for years, "1,73 m²" in French."""
    try:
        return format_unit(unit, lang)
    except ValueError:  # a unit the display rules do not know is shown as it is
        return unit


def measurement_text(m: Measurement, lang: str) -> str:
    code = _MEASURE_CODES.get(m.name)
    return (
        f"{word(code, lang) if code else m.name} {format_number(m.value, lang, 1)} "
        f"{unit_text(m.unit, lang)}"
    )


def medication_name(
    mid: str, lang: str, names: SafetyContent | Mapping[str, Bilingual] | None
) -> str:
    """The medication's name in ``lang`` (from the list or a saved plan's names), else as typed."""
    if isinstance(names, SafetyContent):
        med = names.medication(mid)
        return med.name.get(lang) if med is not None else mid
    found = (names or {}).get(mid)
    return found.get(lang) if found is not None else mid


def trigger_text(
    alert: Alert,
    lang: str,
    safety: SafetyContent | Mapping[str, Bilingual] | None = None,
    regimen_labels: Mapping[str, str] | None = None,
) -> list[str]:
    """ "Regimens: …", "Medications: …", "Measurements: …", "Patient: …" (those that apply)."""
    t = alert.triggered_by
    labels = regimen_labels or {}
    c = colon(lang)
    lines = []
    if t.regimens:
        lines.append(
            word("alert_regimens", lang) + c + ", ".join(labels.get(r, r) for r in t.regimens)
        )
    if t.medications:
        lines.append(
            word("alert_medications", lang)
            + c
            + ", ".join(medication_name(m, lang, safety) for m in t.medications)
        )
    if t.measurements:
        lines.append(
            word("alert_measurements", lang)
            + c
            + "; ".join(measurement_text(m, lang) for m in t.measurements)
        )
    if t.patient:
        lines.append(
            word("alert_patient", lang)
            + c
            + ", ".join(
                word(f"alert_patient_{p}", lang) if p in _PATIENT_FACTS else p for p in t.patient
            )
        )
    return lines


def source_text(source: RuleSource, references: Mapping[str, Reference] | None = None) -> str:
    ref = (references or {}).get(source.ref)
    name = ref.short if ref is not None else source.ref
    return f"{name}, {source.section}" if source.section else name


def alert_document(
    alert: Alert,
    lang: str,
    references: Mapping[str, Reference] | None = None,
    override: str | None = None,
) -> dict[str, Any]:
    """The JSON shape of an alert (see the module docstring)."""
    t = alert.triggered_by
    return {
        "severity": alert.severity,
        "severity_label": severity_label(alert.severity, lang),
        "code": alert.code,
        "message": alert.message.get(lang),
        "action": alert.action.get(lang),
        "sources": [
            {"ref": s.ref, "section": s.section, "text": source_text(s, references)}
            for s in alert.sources
        ],
        "triggered_by": {
            "regimens": list(t.regimens),
            "medications": list(t.medications),
            "measurements": [
                {"name": m.name, "value": m.value, "unit": m.unit} for m in t.measurements
            ],
            "patient": list(t.patient),
        },
        "patient_instruction": (
            alert.patient_instruction.get(lang) if alert.patient_instruction is not None else None
        ),
        "override": override,
    }


def alert_lines(
    alert: Alert,
    lang: str,
    safety: SafetyContent | None = None,
    references: Mapping[str, Reference] | None = None,
    override: str | None = None,
) -> list[str]:
    """An alert as lines of plain text: the first line carries the mark and the word."""
    c = colon(lang)
    head = (
        f"{SEVERITY_MARKS.get(alert.severity, '[?]')} "
        f"{severity_label(alert.severity, lang).upper()} ({alert.code}){c}"
        f"{alert.message.get(lang)}"
    )
    lines = [head, f"    {word('alert_action', lang)}{c}{alert.action.get(lang)}"]
    lines += [f"    {line}" for line in trigger_text(alert, lang, safety)]
    lines.append(
        f"    {word('sources', lang)}{c}"
        + "; ".join(source_text(s, references) for s in alert.sources)
    )
    if override is not None:
        lines.append(f"    {word('alert_override', lang)}{c}{override}")
    return lines


def reference_map(references: Iterable[Reference]) -> dict[str, Reference]:
    return {r.id: r for r in references}
