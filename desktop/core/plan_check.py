"""The plan check: a whole plan (patient, regimens, current medications) against the safety rules.

``check_plan(patient, regimens, comedications, rules)`` returns every alert, strongest first.
It is pure (no clock, no database, no Qt), gives the same tuple whatever the order of its input
(alerts are sorted by severity, code and triggers; triggers are sorted), and never raises: an
unexpected problem becomes an alert asking for a check by hand, never a silent pass.

Two sources of alerts:

- the sourced rules of ``db/content/safety/`` (``desktop.core.safety``), one alert per rule that
  fires, with every regimen, medication and measurement that made it fire;
- Calx's own plan logic (docs/clinical.md §6, cited as ``calx-convention``): the same medication
  twice, pounds typed as kilograms (BMI ≥ 50; no height and more than 150 kg), a weight that
  changed by more than 10 % since the patient's last plan, current medications Calx does not know
  ("not checked"), renal thresholds that cannot be checked without a creatinine, a regimen's
  renal caution (from the review) under Calx's 60 mL/min, and fixed (adult) doses under 18.

Renal rules look at every estimate Calx can make: Cockcroft–Gault on actual weight, on adjusted
weight when BMI ≥ 30 (Devine ideal weight + 0.4 × excess), and CKD-EPI 2021 (adults); the alert
names each estimate below the threshold.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from desktop.core.limits import ADULT_AGE_YEARS
from desktop.core.regimen import Bilingual, Regimen
from desktop.core.safety import (
    CLASS_PREFIX,
    SEVERITIES,
    WITH_PLACEHOLDER,
    RuleSource,
    SafetyContent,
    SafetyRule,
    severity_rank,
)
from desktop.core.words import word

if TYPE_CHECKING:
    from desktop.core.patient import CurrentMedication, Patient


# Calx's own plausibility thresholds (docs/clinical.md §4).
UNIT_CHECK_BMI = 50.0
UNIT_CHECK_WEIGHT_NO_HEIGHT_KG = 150.0
WEIGHT_CHANGE_FRACTION = 0.10
OBESITY_BMI = 30.0
# A regimen's renal caution (from the review, which gives no number) applies under this
# clearance: Calx's own threshold, shared with the dose's warning (desktop.core.dosing).
RENAL_CAUTION_ML_MIN = 60.0
LB_PER_KG = 1 / 0.45359237
# Calx's own checks are listed in docs/clinical.md §6 ("Calx's own checks").
CALX_SOURCE = RuleSource(ref="calx-convention", section="docs/clinical.md §6")

# Measurement names (``Measurement.name``) and their words.
ESTIMATE_WORDS: dict[str, Bilingual] = {
    name: Bilingual.of(f"estimate_{name}")
    for name in ("crcl-actual", "crcl-adjusted", "egfr-ckd-epi-2021")
}


@dataclass(frozen=True)
class PlanRegimen:
    """A regimen of the plan and the medication it gives (None for a procedure or advice), with
    the review's renal caution for it, if any (checked against Calx's own threshold)."""

    regimen_id: str
    medication_id: str | None = None
    renal_caution: Bilingual | None = None
    caution_source: RuleSource | None = None
    fixed_dose: bool = False  # a fixed dose (not per kg or m²): an adult's dose in a child


def plan_regimen(regimen: Regimen | None, regimen_id: str = "") -> PlanRegimen:
    """What the plan check needs of a regimen of the knowledge base (None: advice only)."""
    if regimen is None:
        return PlanRegimen(regimen_id)
    source = regimen.source
    return PlanRegimen(
        regimen.id,
        regimen.drug,
        regimen.renal_caution,
        RuleSource(source.ref, source.section or "") if regimen.renal_caution else None,
        fixed_dose=regimen.dose is not None and regimen.dose.basis == "fixed",
    )


@dataclass(frozen=True)
class Measurement:
    """A value that made an alert fire: ``name`` (crcl-actual, bmi, weight, age…), value, unit."""

    name: str
    value: float
    unit: str


@dataclass(frozen=True)
class Triggers:
    """What made an alert fire. ``medications`` are medication ids, or the names as typed for
    current medications Calx does not know; ``patient`` holds answers such as "pregnant=yes"."""

    regimens: tuple[str, ...] = ()
    medications: tuple[str, ...] = ()
    measurements: tuple[Measurement, ...] = ()
    patient: tuple[str, ...] = ()


@dataclass(frozen=True)
class Alert:
    """One finding of the plan check. ``patient_instruction`` is plain words for the patient
    copy (only where the source gives one); ``builtin`` marks Calx's own plan logic."""

    severity: str
    code: str
    kind: str
    message: Bilingual
    action: Bilingual
    sources: tuple[RuleSource, ...]
    triggered_by: Triggers
    patient_instruction: Bilingual | None = None
    builtin: bool = False

    @property
    def blocks(self) -> bool:
        """A contraindication: the plan needs the clinician's reason to be printed or saved."""
        return self.severity == "contraindicated"


@dataclass(frozen=True)
class RenalEstimate:
    """The kidney-function estimate a renal rule was checked against."""

    name: str  # a key of ESTIMATE_WORDS
    value: float  # mL/min (CKD-EPI: mL/min/1.73 m²)
    unit: str


# --------------------------------------------------------------------------- helpers


@dataclass(frozen=True)
class _Taker:
    """A medication present in the plan: from a regimen (``regimen``) or taken already."""

    medication_id: str
    regimen: str | None
    tokens: frozenset[str]
    name: Bilingual | None = None

    @property
    def on_plan(self) -> bool:
        return self.regimen is not None


def _num(x: float, lang: str, decimals: int = 0) -> str:
    from desktop.core.formatting import format_number

    return format_number(x, lang, decimals)


def _both(make: Any) -> Bilingual:
    return Bilingual(make("fr"), make("en"))


def _estimates_text(estimates: Iterable[RenalEstimate], lang: str) -> str:
    """ "Cockcroft–Gault (actual weight) 42 mL/min; eGFR CKD-EPI 2021 40 mL/min/1.73 m²"."""
    from desktop.core.formatting import format_unit

    return "; ".join(
        f"{ESTIMATE_WORDS[e.name].get(lang)} {_num(e.value, lang)} {format_unit(e.unit, lang)}"
        for e in estimates
    )


def _finite(x: Any) -> float | None:
    if isinstance(x, bool) or not isinstance(x, int | float):
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def renal_estimates(patient: Patient | None) -> tuple[RenalEstimate, ...]:
    """Every renal estimate Calx can make for ``patient`` (empty when an input is missing)."""
    from desktop.core.calculators.adjusted_body_weight import abw_value
    from desktop.core.calculators.ckd_epi_2021 import MIN_AGE_YEARS, egfr_ckd_epi_2021
    from desktop.core.calculators.cockcroft_gault import crcl_cockcroft_gault
    from desktop.core.calculators.ideal_body_weight import ibw_devine

    if patient is None:
        return ()
    scr, age, sex = patient.creatinine_mg_dl, patient.age_years, patient.sex
    if scr is None or age is None or sex not in ("female", "male") or scr <= 0:
        return ()
    weight = patient.weight_kg
    found = [RenalEstimate("crcl-actual", crcl_cockcroft_gault(age, weight, scr, sex), "mL/min")]
    height = patient.height_cm
    if height is not None and weight / (height / 100) ** 2 >= OBESITY_BMI:
        ibw = ibw_devine(height, sex)
        if ibw > 0:
            found.append(
                RenalEstimate(
                    "crcl-adjusted",
                    crcl_cockcroft_gault(age, abw_value(weight, ibw), scr, sex),
                    "mL/min",
                )
            )
    if age >= MIN_AGE_YEARS:
        found.append(
            RenalEstimate("egfr-ckd-epi-2021", egfr_ckd_epi_2021(age, scr, sex), "mL/min/1.73 m²")
        )
    return tuple(e for e in found if math.isfinite(e.value))


def _takers(
    regimens: Iterable[PlanRegimen],
    comedications: Iterable[CurrentMedication],
    rules: SafetyContent,
) -> tuple[list[_Taker], list[str]]:
    """Every medication present (plan and current), and the typed names Calx does not know."""
    takers: list[_Taker] = []
    unknown: list[str] = []

    def taker(mid: str, regimen: str | None) -> _Taker:
        med = rules.medication(mid)
        classes = med.classes if med is not None else ()
        return _Taker(
            mid,
            regimen,
            frozenset((mid, *(CLASS_PREFIX + c for c in classes))),
            med.name if med is not None else None,
        )

    for r in regimens:
        mid = getattr(r, "medication_id", None)
        rid = getattr(r, "regimen_id", None)
        if isinstance(mid, str) and mid and isinstance(rid, str):
            takers.append(taker(mid, rid))
    for c in comedications:
        mid = getattr(c, "medication_id", None)
        name = getattr(c, "name", None)
        if isinstance(mid, str) and mid and rules.medication(mid) is not None:
            takers.append(taker(mid, None))
        elif isinstance(name, str) and name.strip():
            unknown.append(name.strip())
        elif isinstance(mid, str) and mid:
            unknown.append(mid)
    return takers, unknown


def _matching(takers: Sequence[_Taker], targets: Sequence[str]) -> list[_Taker]:
    wanted = set(targets)
    return [t for t in takers if t.tokens & wanted]


def _triggers(
    takers: Iterable[_Taker], measurements: Iterable[Measurement] = (), patient: Iterable[str] = ()
) -> Triggers:
    takers = list(takers)
    return Triggers(
        regimens=tuple(sorted({t.regimen for t in takers if t.regimen is not None})),
        medications=tuple(sorted({t.medication_id for t in takers})),
        measurements=tuple(sorted(set(measurements), key=lambda m: (m.name, m.value))),
        patient=tuple(sorted(set(patient))),
    )


def _alert(
    rule: SafetyRule,
    triggers: Triggers,
    severity: str | None = None,
    message: Bilingual | None = None,
) -> Alert:
    return Alert(
        severity=severity or rule.severity,
        code=rule.code,
        kind=rule.kind,
        message=message or rule.message,
        action=rule.action,
        sources=rule.sources,
        triggered_by=triggers,
        patient_instruction=rule.patient,
    )


# --------------------------------------------------------------------------- rules


def _interaction(rule: SafetyRule, takers: Sequence[_Taker]) -> Alert | None:
    left, right = _matching(takers, rule.drugs), _matching(takers, rule.with_)
    involved: set[_Taker] = set()
    others: set[_Taker] = set()
    for a in left:
        for b in right:
            if a.medication_id != b.medication_id and (a.on_plan or b.on_plan):
                involved.update((a, b))
                others.add(b)
    if not involved:
        return None
    alert = _alert(rule, _triggers(involved))
    if rule.patient is not None and WITH_PLACEHOLDER in rule.patient.en + rule.patient.fr:
        # A rule about many medications ("take this medicine and the antacid apart") names the
        # ones of this plan, so the patient never reads "this medicine" on the antacid's own row.
        alert = replace(
            alert,
            patient_instruction=_both(
                lambda lang: rule.patient.get(lang).replace(WITH_PLACEHOLDER, _names(others, lang))
            ),
        )
    return alert


def _names(takers: Iterable[_Taker], lang: str) -> str:
    """Medication names for a sentence: sorted, lower-case initial ("aspirine"), joined."""
    names = sorted({(t.name.get(lang) if t.name else t.medication_id) for t in takers})
    names = [n[:1].lower() + n[1:] if n[1:2].islower() else n for n in names]
    if len(names) == 1:
        return names[0]
    return word("and_list", lang, first=", ".join(names[:-1]), last=names[-1])


def _renal(
    rule: SafetyRule, on_plan: Sequence[_Taker], estimates: Sequence[RenalEstimate]
) -> Alert | None:
    drugs = _matching(on_plan, rule.drugs)
    threshold = rule.below_ml_min
    if not drugs or threshold is None:
        return None
    low = [e for e in estimates if e.value < threshold]
    if not low:
        return None

    def text(lang: str) -> str:
        return word(
            "alert_renal_below",
            lang,
            message=rule.message.get(lang),
            estimates=_estimates_text(low, lang),
            threshold=_num(threshold, lang),
        )

    return _alert(
        rule,
        _triggers(drugs, [Measurement(e.name, round(e.value, 1), e.unit) for e in low]),
        message=_both(text),
    )


def _age(rule: SafetyRule, on_plan: Sequence[_Taker], patient: Patient | None) -> Alert | None:
    age = patient.age_years if patient is not None else None
    drugs = _matching(on_plan, rule.drugs)
    if not drugs or age is None or rule.under_years is None or not age < rule.under_years:
        return None
    return _alert(rule, _triggers(drugs, [Measurement("age", age, "years")]))


def _reproductive(
    rule: SafetyRule, on_plan: Sequence[_Taker], patient: Patient | None
) -> Alert | None:
    drugs = _matching(on_plan, rule.drugs)
    if not drugs or (patient is not None and patient.sex == "male"):
        return None
    field = "pregnant" if rule.kind == "pregnancy" else "breastfeeding"
    status = getattr(patient, field, "unknown") if patient is not None else "unknown"
    if status == "yes":
        return _alert(rule, _triggers(drugs, patient=[f"{field}=yes"]))
    if status == "unknown" and severity_rank(rule.severity) <= SEVERITIES.index("avoid"):
        code = (
            "alert_status_unknown_pregnancy"
            if rule.kind == "pregnancy"
            else "alert_status_unknown_breastfeeding"
        )
        # A reminder, not a block: the clinician has not said whether it applies.
        return _alert(
            rule,
            _triggers(drugs, patient=[f"{field}=unknown"]),
            severity="consider",
            message=_both(lambda lang: word(code, lang, message=rule.message.get(lang))),
        )
    return None


def _duplicate(rule: SafetyRule, takers: Sequence[_Taker]) -> Alert | None:
    found = _matching(takers, rule.drugs)
    if len({t.medication_id for t in found}) < 2 or not any(t.on_plan for t in found):
        return None
    return _alert(rule, _triggers(found))


def _on_plan_rule(rule: SafetyRule, on_plan: Sequence[_Taker]) -> Alert | None:
    drugs = _matching(on_plan, rule.drugs)
    return _alert(rule, _triggers(drugs)) if drugs else None


def _rule_alert(
    rule: SafetyRule,
    takers: Sequence[_Taker],
    on_plan: Sequence[_Taker],
    patient: Patient | None,
    estimates: Sequence[RenalEstimate],
) -> Alert | None:
    kind = rule.kind
    if kind == "interaction":
        return _interaction(rule, takers)
    if kind == "renal":
        return _renal(rule, on_plan, estimates)
    if kind == "age":
        return _age(rule, on_plan, patient)
    if kind in ("pregnancy", "breastfeeding"):
        return _reproductive(rule, on_plan, patient)
    if kind == "duplicate":
        return _duplicate(rule, takers)
    return _on_plan_rule(rule, on_plan)  # screening, monitoring, adverse-effects


# --------------------------------------------------------------------------- Calx's own checks


def _builtin(
    severity: str,
    code: str,
    kind: str,
    message: Bilingual,
    action: Bilingual,
    triggers: Triggers,
    sources: tuple[RuleSource, ...] = (CALX_SOURCE,),
) -> Alert:
    return Alert(
        severity=severity,
        code=code,
        kind=kind,
        message=message,
        action=action,
        sources=sources,
        triggered_by=triggers,
        builtin=True,
    )


def _same_medication(takers: Sequence[_Taker], rules: SafetyContent) -> list[Alert]:
    alerts = []
    by_id: dict[str, list[_Taker]] = {}
    for t in takers:
        by_id.setdefault(t.medication_id, []).append(t)
    for mid, group in sorted(by_id.items()):
        if len(group) < 2 or not any(t.on_plan for t in group):
            continue
        med = rules.medication(mid)
        name = med.name if med is not None else Bilingual(mid, mid)
        current = any(not t.on_plan for t in group)
        alerts.append(
            _builtin(
                "avoid",
                f"same-medication-{mid}",
                "duplicate",
                _both(
                    lambda lang, name=name, current=current: word(
                        "alert_twice_current" if current else "alert_twice",
                        lang,
                        name=name.get(lang),
                    )
                ),
                Bilingual.of("alert_twice_action"),
                _triggers(group),
            )
        )
    return alerts


def _unit_checks(patient: Patient | None, previous_weight_kg: float | None) -> list[Alert]:
    if patient is None:
        return []
    alerts = []
    weight = patient.weight_kg
    height = patient.height_cm
    pounds = _both(
        lambda lang: f"{_num(weight, lang, 1)} kg = {_num(weight * LB_PER_KG, lang, 1)} lb"
    )
    as_pounds = _both(
        lambda lang: f"{_num(weight, lang, 1)} lb = {_num(weight / LB_PER_KG, lang, 1)} kg"
    )
    action = _both(
        lambda lang: word("alert_weight_unit_action", lang, as_pounds=as_pounds.get(lang))
    )
    if height is not None:
        bmi = weight / (height / 100) ** 2
        if bmi >= UNIT_CHECK_BMI:
            alerts.append(
                _builtin(
                    "precaution",
                    "check-weight-unit",
                    "plausibility",
                    _both(
                        lambda lang: word(
                            "alert_bmi_unit", lang, bmi=_num(bmi, lang, 1), pounds=pounds.get(lang)
                        )
                    ),
                    action,
                    Triggers(
                        measurements=(
                            Measurement("bmi", round(bmi, 1), "kg/m²"),
                            Measurement("weight", weight, "kg"),
                        )
                    ),
                )
            )
    elif weight > UNIT_CHECK_WEIGHT_NO_HEIGHT_KG:
        alerts.append(
            _builtin(
                "precaution",
                "check-weight-unit",
                "plausibility",
                _both(
                    lambda lang: word(
                        "alert_weight_no_height",
                        lang,
                        limit=_num(UNIT_CHECK_WEIGHT_NO_HEIGHT_KG, lang),
                        pounds=pounds.get(lang),
                    )
                ),
                action,
                Triggers(measurements=(Measurement("weight", weight, "kg"),)),
            )
        )
    previous = _finite(previous_weight_kg)
    if previous is not None and previous > 0:
        change = (weight - previous) / previous
        # A previous weight near zero (never a saved plan's; hypothesis found 1e-308) makes the
        # percentage infinite: it cannot be written, and no alert is raised on it.
        if math.isfinite(change * 100) and abs(change) > WEIGHT_CHANGE_FRACTION:
            alerts.append(
                _builtin(
                    "precaution",
                    "weight-changed",
                    "plausibility",
                    _both(
                        lambda lang: word(
                            "alert_weight_changed",
                            lang,
                            change=_num(change * 100, lang, 0),
                            previous=_num(previous, lang, 1),
                            weight=_num(weight, lang, 1),
                        )
                    ),
                    Bilingual.of("alert_weight_changed_action"),
                    Triggers(
                        measurements=(
                            Measurement("previous-weight", previous, "kg"),
                            Measurement("weight", weight, "kg"),
                        )
                    ),
                )
            )
    return alerts


def _not_checked(unknown: Sequence[str]) -> list[Alert]:
    if not unknown:
        return []
    names = sorted(set(unknown), key=lambda n: (n.casefold(), n))
    shown = ", ".join(names)
    return [
        _builtin(
            "consider",
            "medication-not-checked",
            "interaction",
            _both(lambda lang: word("alert_not_checked", lang, names=shown)),
            Bilingual.of("alert_not_checked_action"),
            Triggers(medications=tuple(names)),
            (CALX_SOURCE,),
        )
    ]


def _renal_cautions(
    regimens: Sequence[PlanRegimen], estimates: Sequence[RenalEstimate]
) -> list[Alert]:
    """A regimen's renal caution, when any estimate is under Calx's threshold of 60 mL/min."""
    low = [e for e in estimates if e.value < RENAL_CAUTION_ML_MIN]
    alerts = []
    for r in regimens:
        caution = getattr(r, "renal_caution", None)
        if not low or not isinstance(caution, Bilingual):
            continue

        def text(lang: str, caution: Bilingual = caution) -> str:
            return word(
                "alert_renal_caution",
                lang,
                caution=caution.get(lang),
                estimates=_estimates_text(low, lang),
                threshold=_num(RENAL_CAUTION_ML_MIN, lang),
            )

        sources = tuple(
            s
            for s in (
                getattr(r, "caution_source", None),
                RuleSource("calx-convention", "docs/clinical.md §4"),
            )
            if isinstance(s, RuleSource)
        )
        alerts.append(
            _builtin(
                "precaution",
                f"renal-caution-{r.regimen_id}",
                "renal",
                _both(text),
                Bilingual.of("alert_renal_caution_action"),
                Triggers(
                    regimens=(r.regimen_id,),
                    medications=(r.medication_id,) if r.medication_id else (),
                    measurements=tuple(Measurement(e.name, round(e.value, 1), e.unit) for e in low),
                ),
                sources,
            )
        )
    return alerts


def _adult_doses(patient: Patient | None, regimens: Sequence[PlanRegimen]) -> list[Alert]:
    """Under 18, a fixed dose is an adult's dose (Calx is made for adults, docs/clinical.md §4):
    said once, naming the regimens; the labels' own age limits are rules of the content."""
    age = patient.age_years if patient is not None else None
    if age is None or age >= ADULT_AGE_YEARS:
        return []
    fixed = [
        r
        for r in regimens
        if getattr(r, "fixed_dose", False) is True
        and isinstance(getattr(r, "regimen_id", None), str)
    ]
    if not fixed:
        return []
    return [
        _builtin(
            "precaution",
            "adult-fixed-dose-in-a-child",
            "age",
            _both(lambda lang: word("alert_adult_dose_child", lang, age=_num(age, lang, 1))),
            Bilingual.of("alert_adult_dose_child_action"),
            Triggers(
                regimens=tuple(sorted({r.regimen_id for r in fixed})),
                medications=tuple(sorted({r.medication_id for r in fixed if r.medication_id})),
                measurements=(Measurement("age", age, "years"),),
            ),
        )
    ]


def _renal_unknown(
    rules: Sequence[SafetyRule], on_plan: Sequence[_Taker], estimates: Sequence[RenalEstimate]
) -> list[Alert]:
    if estimates:
        return []
    hit = [(r, _matching(on_plan, r.drugs)) for r in rules if r.kind == "renal"]
    hit = [(r, d) for r, d in hit if d]
    if not hit:
        return []
    takers = [t for _, d in hit for t in d]
    sources = tuple(
        sorted({s for r, _ in hit for s in r.sources}, key=lambda s: (s.ref, s.section))
    )
    return [
        _builtin(
            "consider",
            "renal-function-unknown",
            "renal",
            Bilingual.of("alert_renal_unknown"),
            Bilingual.of("alert_renal_unknown_action"),
            _triggers(takers),
            sources,
        )
    ]


# --------------------------------------------------------------------------- the entry point


def _sort_key(alert: Alert) -> tuple[Any, ...]:
    t = alert.triggered_by
    return (
        severity_rank(alert.severity),
        alert.code,
        t.regimens,
        t.medications,
        tuple((m.name, m.value) for m in t.measurements),
        t.patient,
        alert.message.en,
        alert.message.fr,
    )


def check_plan(
    patient: Patient | None,
    regimens: Sequence[PlanRegimen],
    comedications: Sequence[CurrentMedication] | None,
    rules: SafetyContent,
    previous_weight_kg: float | None = None,
) -> tuple[Alert, ...]:
    """Every alert for the plan, strongest first (see the module docstring). ``comedications``
    None means the patient's own list; ``previous_weight_kg`` is the weight of the patient's last
    saved plan, if any. Never raises."""
    try:
        return _check(patient, regimens, comedications, rules, previous_weight_kg)
    except Exception as exc:  # a bug must show as an alert, never as a silent pass
        kind = type(exc).__name__
        return (
            _builtin(
                "avoid",
                "plan-check-failed",
                "internal",
                Bilingual.of("alert_check_failed"),
                _both(lambda lang: word("alert_check_failed_detail", lang, detail=kind)),
                Triggers(),
                (CALX_SOURCE,),
            ),
        )


def _check(
    patient: Patient | None,
    regimens: Sequence[PlanRegimen],
    comedications: Sequence[CurrentMedication] | None,
    rules: SafetyContent,
    previous_weight_kg: float | None,
) -> tuple[Alert, ...]:
    if comedications is None:
        comedications = patient.medications if patient is not None else ()
    takers, unknown = _takers(regimens or (), comedications or (), rules)
    on_plan = [t for t in takers if t.on_plan]
    estimates = renal_estimates(patient)
    alerts: dict[str, Alert] = {}
    found = [_rule_alert(rule, takers, on_plan, patient, estimates) for rule in rules.rules]
    found += [
        *_same_medication(takers, rules),
        *_unit_checks(patient, previous_weight_kg),
        *_not_checked(unknown),
        *_renal_unknown(rules.rules, on_plan, estimates),
        *_renal_cautions(regimens or (), estimates),
        *_adult_doses(patient, regimens or ()),
    ]
    for alert in found:
        if alert is None:
            continue
        kept = alerts.get(alert.code)  # one alert per code: the same one whatever the order
        if kept is None or _sort_key(alert) < _sort_key(kept):
            alerts[alert.code] = alert
    return tuple(sorted(alerts.values(), key=_sort_key))


def patient_instructions(alerts: Iterable[Alert]) -> dict[str, tuple[Bilingual, ...]]:
    """Plain instructions for the patient copy, per medication id (each once, in alert order)."""
    out: dict[str, list[Bilingual]] = {}
    for alert in alerts:
        if alert.patient_instruction is None:
            continue
        for mid in alert.triggered_by.medications:
            kept = out.setdefault(mid, [])
            if alert.patient_instruction not in kept:
                kept.append(alert.patient_instruction)
    return {k: tuple(v) for k, v in out.items()}


def blocking(
    alerts: Iterable[Alert], overridden: Mapping[str, str] | Iterable[str] = ()
) -> tuple[Alert, ...]:
    """Contraindications without the clinician's reason (``overridden``: codes given one)."""
    done = set(overridden)
    return tuple(a for a in alerts if a.blocks and a.code not in done)


def current_medications(
    names: Iterable[str], rules: SafetyContent
) -> tuple[CurrentMedication, ...]:
    """Typed names → current medications, matched accent- and case-insensitively against names
    and synonyms of the list; an unknown name is kept with no id ("not checked"). Repeats of the
    same medication are kept once."""
    from desktop.core.patient import CurrentMedication
    from desktop.core.safety import match_medication, medication_index

    index: dict[str, str] | None = None  # built for the first name: most plans list none
    found: list[CurrentMedication] = []
    seen: set[str] = set()
    for name in names:
        if not isinstance(name, str) or not name.strip():
            continue
        index = index if index is not None else medication_index(rules.medications)
        mid = match_medication(name, rules.medications, index)
        key = mid or name.strip().casefold()
        if key not in seen:
            seen.add(key)
            found.append(CurrentMedication(name=name.strip(), medication_id=mid))
    return tuple(found)
