"""A treatment plan as data: ``PlanDocument``, built once from the knowledge base and the engine.

``build_plan`` asks the reference database for each regimen, its therapy record and product, the
dosing engine for the dose (``compute_dose``) and the schedule engine for the dated calendar
(``build_schedule``). The PDF copies, the calendar export and the saved-plan store all read the
same ``PlanDocument``; nothing in it is computed again when it is printed, so a saved plan reprints
exactly as it was, even after the content or the engine changes.

Nothing here reads the clock: ``prepared_on`` (the date of the measurements, the PDF's creation
date and the calendar's time stamp) is passed in.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop.core.calculators.bsa import bsa, formula_info
from desktop.core.closed_days import ClosedDay, closed_rows, supported_country
from desktop.core.dosing import DoseResult
from desktop.core.errors import CalxError, Issue
from desktop.core.patient import Patient
from desktop.core.plan_check import (
    Alert,
    RenalEstimate,
    blocking,
    check_plan,
    patient_instructions,
    plan_regimen,
    renal_estimates,
)
from desktop.core.presenting import evaluate
from desktop.core.regimen import Bilingual, Product, Regimen, Source
from desktop.core.schedule import DEFAULT_HORIZON_MONTHS, RegimenSchedule
from desktop.core.words import LANGUAGES, unknown_language
from desktop.data.canonical import canonical_json, sha256_hex
from desktop.data.models import DbMetadata, Reference, Statement, Therapy
from desktop.reports.snapshot import SnapshotError, decode, encode

if TYPE_CHECKING:
    from desktop.data.refdb import ReferenceDB
    from desktop.data.userdb import PlanRecord, SavedPlan, UserDB

# Records whose plain-words advice every patient plan carries (the review's "Mesures générales").
GENERAL_MEASURES_RECORD = "prevention"  # cold, smoking, trauma, stress
WHEN_TO_CALL_RECORD = "antibiotics-superinfection"  # spreading redness, thick discharge

# Longest user text accepted, per field: a name or a signature fits a line or two; notes fit a few
# pages. Longer text is refused with a message (a crafted saved plan with a huge name once held the
# renderer for minutes).
MAX_TEXT_CHARS = 10_000
MAX_FIELD_CHARS: dict[str, int] = {"patient": 200, "prepared_by": 200, "notes": MAX_TEXT_CHARS}
# A right-to-left line must fit on one printed line: wrapped, it would read in the wrong order.
MAX_RTL_LINE_CHARS = 60
MAX_CONTACTS = 8
# 2: the plan check (alerts, overrides, renal estimates, patient instructions) and the patient's
# pregnancy, breastfeeding and current medications. 3: the closed days checked (the country, and
# each item's dates on a closed day). Older documents read as they were (the new fields take their
# empty defaults).
SNAPSHOT_VERSION = 3
READABLE_SNAPSHOTS = (1, 2, 3)


MAX_TEST_DATES = 400  # a weekly test over the longest horizon (60 months) fits well under it


@dataclass(frozen=True)
class MonitoringTest:
    """Tests a monitoring rule times (warfarin: INR weekly): the dates go on the calendar."""

    code: str
    dates: tuple[date, ...]
    instruction: Bilingual | None = None  # the rule's words for the patient, if any
    test: Bilingual | None = None  # the test's name ("INR blood test"), if given


@dataclass(frozen=True)
class Override:
    """The clinician's reason for printing a plan despite a contraindication (user text)."""

    code: str
    reason: str


@dataclass(frozen=True)
class ContactLine:
    """A contact line of the patient plan: a label and, if known, the number or name. Both are
    user text; an empty ``value`` prints as a line to fill in by hand."""

    label: str
    value: str = ""


@dataclass(frozen=True)
class PlanItem:
    """One treatment of the plan. ``regimen`` is None for a record the review gives no regimen for
    (bisphosphonates, for instance): the plan then carries its advice and a dose line to fill."""

    regimen_id: str  # the regimen id, or the therapy id for advice only
    therapy: Therapy
    regimen: Regimen | None = None
    product: Product | None = None
    dose: DoseResult | None = None
    schedule: RegimenSchedule | None = None
    choices: Mapping[str, float] = field(default_factory=dict)
    # Plain instructions for the patient from the plan check's rules (e.g. how far apart to take
    # two medicines), in the patient's words; the patient copy prints them with the treatment.
    patient_instructions: tuple[Bilingual, ...] = ()
    tests: tuple[MonitoringTest, ...] = ()  # dated tests of its monitoring rules
    # Its dates given by the hospital that fall on a closed day (a weekend or a public holiday of
    # the plan's ``closed_days_country``), each with its reason, in the plan's language.
    closed: tuple[ClosedDay, ...] = ()

    @property
    def medication_id(self) -> str | None:
        return self.regimen.drug if self.regimen is not None else None

    @property
    def is_home_medicine(self) -> bool:
        """Taken by the patient at home by mouth: a row of the medicine card."""
        return self.regimen is not None and self.regimen.route == "oral"


@dataclass(frozen=True)
class PlanDocument:
    """Everything both copies print. Built by ``build_plan``; never changed afterwards."""

    plan_id: str
    lang: str  # the plan's language, independent of the window's
    patient_name: str  # user text
    prepared_by: str  # user text
    prepared_on: date
    patient: Patient
    patient_warnings: tuple[Issue, ...]
    bsa_formula: str
    bsa_m2: float | None  # unrounded; None without a height
    start: date
    horizon_months: int
    items: tuple[PlanItem, ...]
    general_measures: tuple[Statement, ...]
    when_to_call: tuple[Statement, ...]
    references: tuple[Reference, ...]  # every reference the items cite, first cited first
    content: DbMetadata
    notes: str = ""  # user text
    contacts: tuple[ContactLine, ...] = ()
    alerts: tuple[Alert, ...] = ()  # the plan check, strongest first
    overrides: tuple[Override, ...] = ()
    renal_estimates: tuple[RenalEstimate, ...] = ()
    # Instructions for medications the patient already takes (not items of the plan).
    other_instructions: tuple[Bilingual, ...] = ()
    # Names of the medications the alerts name (ids → names), so the copy prints names.
    medication_names: Mapping[str, Bilingual] = field(default_factory=dict)

    @property
    def unresolved(self) -> tuple[Alert, ...]:
        """Contraindications without the clinician's reason: the plan must not be printed."""
        return blocking(self.alerts, [o.code for o in self.overrides])

    def override_for(self, code: str) -> str | None:
        return next((o.reason for o in self.overrides if o.code == code), None)

    large_print: bool = False  # patient copy with body text of 14 pt or more
    tick_sheet: bool = False  # patient copy ends with a weekly tick sheet
    # The country whose public holidays close the hospital ("": weekends only); None: the dates
    # were not checked (a plan from the command line without --closed-days, an older plan).
    closed_days_country: str | None = None

    # ----------------------------------------------------------------- storage

    def to_json(self) -> dict[str, Any]:
        """JSON-ready data of the whole plan: inputs and computed results."""
        return {"snapshot_version": SNAPSHOT_VERSION, "plan": encode(self)}

    @classmethod
    def from_json(cls, document: Mapping[str, Any]) -> PlanDocument:
        if document.get("snapshot_version") not in READABLE_SNAPSHOTS:
            raise CalxError(
                "saved_plan_unsupported", version=str(document.get("snapshot_version"))[:20]
            )
        try:
            plan = decode(cls, document["plan"])
        except (SnapshotError, KeyError, TypeError, ValueError) as exc:
            raise CalxError("saved_plan_unreadable", detail=str(exc)[:200]) from None
        if not isinstance(plan, PlanDocument):
            raise CalxError("saved_plan_unreadable", detail="not a plan")
        # The same limits as when it was made: a crafted row must not hold the renderer.
        for name, value in (
            ("patient", plan.patient_name),
            ("prepared_by", plan.prepared_by),
            ("notes", plan.notes),
        ):
            try:
                _check_text(value, name)
            except CalxError as error:
                from desktop.core.messages import render

                raise CalxError(
                    "saved_plan_unreadable", detail=render(error.issue, "en")[:200]
                ) from None
        return plan

    def to_record(self) -> PlanRecord:
        """What ``UserDB.save_plan`` stores."""
        from desktop.data.userdb import PlanRecord  # the user database only when saving

        try:
            document = self.to_json()
        except SnapshotError as exc:
            raise CalxError("plan_not_serialisable", detail=str(exc)[:200]) from None
        return PlanRecord(
            plan_id=self.plan_id,
            patient_name=self.patient_name,
            prepared_on=self.prepared_on,
            birth_date=self.patient.birth_date,
            record_number=self.patient.record_number,
            lang=self.lang,
            regimen_ids=tuple(i.regimen_id for i in self.items),
            content_version=self.content.content_version,
            content_hash=self.content.content_hash,
            document=document,
        )

    @classmethod
    def from_saved(cls, saved: SavedPlan) -> PlanDocument:
        return cls.from_json(saved.record.document)


def previous_weight_kg(userdb: UserDB, patient_name: str) -> float | None:
    """The weight on the patient's last saved plan (same name, any case), or None."""
    key = " ".join(patient_name.split()).casefold()
    for summary in userdb.list_plans():  # most recent first
        if " ".join(summary.patient_name.split()).casefold() != key:
            continue
        try:
            return load_plan(userdb, summary.plan_id).patient.weight_kg
        except CalxError:
            continue  # an unreadable plan says nothing about the weight
    return None


def override_log_bytes(plan: PlanDocument) -> bytes:
    """What the log hashes for the plan's overrides: each code and reason, canonical JSON."""
    return canonical_json([{"code": o.code, "reason": o.reason} for o in plan.overrides]).encode(
        "utf-8"
    )


def log_overrides(userdb: UserDB, plan: PlanDocument, at: Any) -> None:
    """Record the plan's overrides in the hash-chained log (action "override", the sha256 of
    the codes and reasons), once per plan and set of reasons."""
    if not plan.overrides:
        return
    data = override_log_bytes(plan)
    done = any(
        e.plan_id == plan.plan_id and e.action == "override" and e.output_sha256 == sha256_hex(data)
        for e in userdb.log_entries()
    )
    if not done:
        userdb.record_output(plan.plan_id, plan.content.content_version, "override", data, at=at)


def load_plan(userdb: UserDB, plan_id: str) -> PlanDocument:
    """A saved plan, exactly as it was saved (see ``UserDB.load_plan`` for the checks)."""
    return PlanDocument.from_saved(userdb.load_plan(plan_id))


# --------------------------------------------------------------------------- building


def _check_text(value: Any, name: str, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise CalxError("plan_text_invalid", field=name, name=name)
    limit = MAX_FIELD_CHARS.get(name, MAX_TEXT_CHARS)
    if len(value) > limit:
        raise CalxError("plan_text_too_long", field=name, name=name, length=len(value), max=limit)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes from a terminal, a lone surrogate
        raise CalxError("plan_text_not_unicode", field=name, name=name) from None
    if required and not value.strip():
        raise CalxError("plan_text_required", field=name, name=name)
    from desktop.reports.styles import RTL

    if RTL.search(value) and any(len(line) > MAX_RTL_LINE_CHARS for line in value.split("\n")):
        raise CalxError("plan_text_rtl_too_long", field=name, name=name, max=MAX_RTL_LINE_CHARS)
    return value


def _plan_id(inputs: Mapping[str, Any]) -> str:
    """Derived from the inputs and the content hash: the same plan always gets the same id."""
    return "plan-" + sha256_hex(canonical_json(encode(inputs)))[:20]


def _referenced(sources: Sequence[Source], db: ReferenceDB) -> tuple[Reference, ...]:
    seen: dict[str, Reference] = {}
    for source in sources:
        if source.ref not in seen:
            seen[source.ref] = db.reference(source.ref)
    return tuple(seen.values())


def _advice(db: ReferenceDB, therapy_id: str) -> tuple[Statement, ...]:
    try:
        return db.therapy(therapy_id).patient_advice
    except CalxError as exc:
        if exc.code == "unknown_therapy":  # a knowledge base without that record
            return ()
        raise


def advice_only_therapy(db: ReferenceDB, wanted: str, not_a_regimen: CalxError) -> Therapy:
    """The record ``wanted`` names when it is not a regimen: only a therapy without regimen
    (bisphosphonates) may stand in a plan, for its advice; a therapy with regimens is refused
    naming them, and anything else with the regimen error (and its close matches)."""
    try:
        therapy = db.therapy(wanted)
    except CalxError:
        raise not_a_regimen from None
    if therapy.regimens:
        raise CalxError(
            "plan_therapy_has_regimens",
            field="regimen",
            id=wanted,
            regimens=", ".join(r.id for r in therapy.regimens),
        )
    return therapy


def _advice_only_item(
    db: ReferenceDB, wanted: str, choices: Mapping[str, float], not_a_regimen: CalxError
) -> PlanItem:
    """A record without regimen gives advice only (see advice_only_therapy)."""
    therapy = advice_only_therapy(db, wanted, not_a_regimen)
    if choices:
        raise CalxError(
            "unknown_choice", field="choose", name=", ".join(sorted(choices)), allowed="—"
        )
    return PlanItem(regimen_id=wanted, therapy=therapy)


def _item(
    db: ReferenceDB,
    wanted: str,
    patient: Patient,
    choices: Mapping[str, float],
    start: date,
    horizon_months: int,
    bsa_formula: str,
    shifts: tuple[tuple[int, int], ...] = (),
) -> PlanItem:
    try:
        regimen = db.regimen(wanted)
    except CalxError as exc:
        if exc.code != "unknown_regimen":
            raise
        return _advice_only_item(db, wanted, choices, exc)
    therapy = db.therapy(regimen.therapy_id)
    product = db.product(regimen.product) if regimen.product else None
    evaluation = evaluate(
        regimen, product, patient, choices, bsa_formula, start, horizon_months, shifts
    )  # the window's and the CLI's entry point
    evaluation.raise_first()
    dose, schedule = evaluation.dose, evaluation.schedule
    return PlanItem(
        regimen_id=regimen.id,
        therapy=therapy,
        regimen=regimen,
        product=product,
        dose=dose,
        schedule=schedule,
        choices=dict(choices),
    )


def build_plan(
    db: ReferenceDB,
    patient: Patient,
    regimen_ids: Sequence[str],
    start: date,
    lang: str,
    choices: Mapping[str, Mapping[str, float]] | None = None,
    prepared_by: str = "",
    prepared_on: date | None = None,
    bsa_formula: str = "mosteller",
    *,
    patient_name: str,
    horizon_months: int = DEFAULT_HORIZON_MONTHS,
    notes: str = "",
    contacts: Sequence[ContactLine] | None = None,
    starts: Mapping[str, date] | None = None,
    overrides: Mapping[str, str] | None = None,
    previous_weight_kg: float | None = None,
    large_print: bool = False,
    tick_sheet: bool = False,
    shifts: Mapping[str, tuple[tuple[int, int], ...]] | None = None,
    closed_days_country: str | None = None,
) -> PlanDocument:
    """The plan for ``patient`` and the regimens ``regimen_ids`` (in that order), starting on
    ``start``. ``choices`` maps a regimen id to its choices inside the source's ranges
    (``{"minocycline-cyclic": {"dose": 100, "on": 6}}``). ``prepared_on`` is required: it dates the
    measurements, the PDF and the calendar. Raises ``CalxError`` for any bad input; nothing is
    half-built. ``starts`` gives a regimen its own first day (default: ``start``); the plan's
    "treatment starts" date is the earliest of them. The plan check runs on the whole plan
    (``alerts``); ``overrides`` maps a contraindication's code to the clinician's reason (refused
    for a code that is not a contraindication of this plan); ``previous_weight_kg`` is the weight
    of the patient's last saved plan. ``shifts`` moves doses off closed days
    (``desktop.core.closed_days``): (row, days) per regimen, later doses following.
    ``closed_days_country`` ("" for weekends only) flags the hospital's dates left on a closed
    day (``PlanItem.closed``); None leaves them unchecked."""
    prepared_on = _check_dates(lang, prepared_on, start, patient, starts)
    patient_name = _check_text(patient_name, "patient", required=True)
    if patient.birth_date is not None and patient.birth_date > prepared_on:
        raise CalxError(
            "birth_date_after_plan",
            field="birth_date",
            value=patient.birth_date.isoformat(),
            date=prepared_on.isoformat(),
        )
    prepared_by = _check_text(prepared_by, "prepared_by")
    notes = _check_text(notes, "notes")
    contacts = _check_contacts(contacts)
    bsa_formula = formula_info(str(bsa_formula)[:40]).key  # refuses an unknown formula
    ids = _check_regimen_ids(regimen_ids)
    choices = _check_choices(choices, ids)
    starts = _check_starts(starts, ids)
    patient_warnings = tuple(patient.warnings())
    shifts = {k: tuple((int(i), int(d)) for i, d in v) for k, v in (shifts or {}).items()}
    items = tuple(
        _item(
            db,
            rid,
            patient,
            choices.get(rid, {}),
            starts.get(rid, start),
            horizon_months,
            bsa_formula,
            shifts.get(rid, ()),
        )
        for rid in ids
    )
    if closed_days_country is not None:
        country = supported_country(closed_days_country)
        if country is None:
            raise CalxError(
                "closed_days_country_unknown",
                field="closed_days",
                country=str(closed_days_country)[:20],
            )
        closed_days_country = country
        items = tuple(_closed(item, country, lang) for item in items)
    first_day = min(starts.get(rid, start) for rid in ids)

    bsa_m2 = None
    if patient.height is not None:
        bsa_m2 = float(bsa(patient.weight, patient.height, bsa_formula).m_as("m²"))

    sources = _item_sources(items)
    items, alerts, other = _checked(db, patient, items, previous_weight_kg)
    given = _overrides(overrides, alerts)
    sources.extend(_alert_sources(alerts))
    general = _advice(db, GENERAL_MEASURES_RECORD)
    when_to_call = _advice(db, WHEN_TO_CALL_RECORD)
    sources.extend(s.source for s in general + when_to_call)
    content = db.metadata()

    inputs = {
        "patient_name": patient_name,
        "prepared_by": prepared_by,
        "prepared_on": prepared_on,
        "patient": patient,
        "regimens": tuple(ids),
        "choices": choices,
        "start": start,
        "starts": starts,
        **(
            {"shifts": {k: [list(m) for m in v] for k, v in shifts.items() if v}}
            if any(shifts.values())
            else {}
        ),
        "lang": lang,
        "bsa_formula": bsa_formula,
        "horizon_months": horizon_months,
        "notes": notes,
        "contacts": contacts,
        "content_hash": content.content_hash,
        "overrides": given,
    }
    # Layout options change the printed pages, so they make another plan; left out when off so
    # that a plan's id does not change for options it does not use.
    if large_print:
        inputs["large_print"] = True
    if tick_sheet:
        inputs["tick_sheet"] = True
    if closed_days_country is not None:
        inputs["closed_days_country"] = closed_days_country
    return PlanDocument(
        plan_id=_plan_id(inputs),
        lang=lang,
        patient_name=patient_name,
        prepared_by=prepared_by,
        prepared_on=prepared_on,
        patient=patient,
        patient_warnings=patient_warnings,
        bsa_formula=bsa_formula,
        bsa_m2=bsa_m2,
        start=first_day,
        horizon_months=horizon_months,
        items=items,
        general_measures=general,
        when_to_call=when_to_call,
        references=_referenced(sources, db),
        content=content,
        notes=notes,
        contacts=contacts,
        alerts=alerts,
        overrides=given,
        renal_estimates=renal_estimates(patient),
        other_instructions=other,
        medication_names=_medication_names(db, alerts),
        large_print=bool(large_print),
        tick_sheet=bool(tick_sheet),
        closed_days_country=closed_days_country,
    )


def _closed(item: PlanItem, country: str, lang: str) -> PlanItem:
    if item.schedule is None or item.regimen is None:
        return item
    flagged = closed_rows(item.schedule, item.regimen.route, country, lang)
    return replace(item, closed=tuple(flagged.values())) if flagged else item


def _check_dates(
    lang: str,
    prepared_on: date | None,
    start: date,
    patient: Patient,
    starts: Mapping[str, date] | None,
) -> date:
    """The plan's language, its date (returned), the start dates and the patient are there and
    of the right kind; the dates inside the limits (``desktop.core.limits``)."""
    if lang not in LANGUAGES:
        raise CalxError("unknown_language", field="lang", **unknown_language(lang))
    if not isinstance(prepared_on, date):
        raise CalxError("plan_date_required", field="prepared_on")
    if not isinstance(start, date):
        raise CalxError("start_date_invalid", field="start", value=str(start)[:40])
    if not isinstance(patient, Patient):
        raise CalxError("plan_patient_required", field="patient")
    from desktop.core.limits import check_plan_date, check_start_date

    check_plan_date(prepared_on, "prepared_on")
    check_start_date(start, prepared_on)
    for regimen_start in (starts or {}).values():
        if isinstance(regimen_start, date):
            check_start_date(regimen_start, prepared_on)
    return prepared_on


def _check_contacts(contacts: Sequence[ContactLine] | None) -> tuple[ContactLine, ...]:
    found = tuple(contacts) if contacts is not None else ()
    if len(found) > MAX_CONTACTS:
        raise CalxError("plan_too_many_contacts", field="contacts", max=MAX_CONTACTS)
    for contact in found:
        _check_text(contact.label, "contacts")
        _check_text(contact.value, "contacts")
    return found


def _check_regimen_ids(regimen_ids: Sequence[str]) -> list[str]:
    ids = list(regimen_ids)
    if not ids:
        raise CalxError("plan_no_treatment", field="regimen")
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CalxError("plan_duplicate_regimen", field="regimen", id=", ".join(duplicates))
    return ids


def _check_choices(
    choices: Mapping[str, Mapping[str, float]] | None, ids: Sequence[str]
) -> dict[str, dict[str, float]]:
    """Choices of regimens of the plan, each a number (the engine checks their ranges)."""
    checked = {k: dict(v) for k, v in (choices or {}).items()}
    stray = sorted(set(checked) - set(ids))
    if stray:
        raise CalxError("plan_choice_unknown_regimen", field="choose", id=", ".join(stray))
    for rid, per_regimen in checked.items():
        for name, value in per_regimen.items():
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not math.isfinite(value)
            ):
                raise CalxError(
                    "plan_choice_not_a_number",
                    field=name,
                    regimen=rid,
                    name=name,
                    value=str(value)[:40],
                )
    return checked


def _check_starts(starts: Mapping[str, date] | None, ids: Sequence[str]) -> dict[str, date]:
    """Own start dates of regimens of the plan, each a date."""
    checked = dict(starts or {})
    stray = sorted(set(checked) - set(ids))
    if stray:
        raise CalxError("plan_start_unknown_regimen", field="start", id=", ".join(stray))
    for own_start in checked.values():
        if not isinstance(own_start, date):
            raise CalxError("start_date_invalid", field="start", value=str(own_start)[:40])
    return checked


def _item_sources(items: Sequence[PlanItem]) -> list[Source]:
    """The sources behind each item: its regimen and schedule, its product, its evidence."""
    sources: list[Source] = []
    for item in items:
        if item.regimen is not None:
            sources.append(item.regimen.source)
            if item.regimen.schedule_source is not None:
                sources.append(item.regimen.schedule_source)
        if item.product is not None:
            sources.append(item.product.source)
            sources.extend(item.product.sources)
        sources.extend(e.source for e in item.therapy.evidence)
    return sources


def _medication_names(db: ReferenceDB, alerts: Sequence[Alert]) -> dict[str, Bilingual]:
    safety = db.safety()
    names = {}
    for mid in sorted({m for a in alerts for m in a.triggered_by.medications}):
        med = safety.medication(mid)
        if med is not None:
            names[mid] = med.name
    return names


def _checked(
    db: ReferenceDB, patient: Patient, items: tuple[PlanItem, ...], previous_weight_kg: float | None
) -> tuple[tuple[PlanItem, ...], tuple[Alert, ...], tuple[Bilingual, ...]]:
    """The plan check on the whole plan, and each item's plain instructions for the patient."""
    regimens = [plan_regimen(i.regimen, i.regimen_id) for i in items]
    alerts = check_plan(patient, regimens, patient.medications, db.safety(), previous_weight_kg)
    per_medication = patient_instructions(alerts)
    on_plan = {i.medication_id for i in items if i.medication_id}
    given: set[str] = set()
    out = []
    for item in items:
        mid = item.medication_id
        mine = per_medication.get(mid, ()) if mid and mid not in given else ()
        if mid:
            given.add(mid)  # a medication on two regimens: its instructions once
        out.append(
            replace(item, patient_instructions=mine, tests=_tests(item, alerts, db) if mid else ())
        )
    other = tuple(
        dict.fromkeys(
            text
            for mid, texts in sorted(per_medication.items())
            if mid not in on_plan
            for text in texts
            if not any(text in per_medication.get(p, ()) for p in on_plan)
        )
    )
    return tuple(out), alerts, other


def _tests(item: PlanItem, alerts: Sequence[Alert], db: ReferenceDB) -> tuple[MonitoringTest, ...]:
    """Dates of the tests a monitoring rule times for this item's medication: the first
    ``first_after_days`` after its first day, then every ``interval_days`` while it is given."""
    from datetime import timedelta

    rows = item.schedule.treatment_rows() if item.schedule is not None else ()
    if not rows:
        return ()
    rules = {r.code: r for r in db.safety().rules}
    first_day, last_day = rows[0].date, max(r.end for r in rows)
    found = []
    for alert in alerts:
        rule = rules.get(alert.code)
        if (
            rule is None
            or alert.kind != "monitoring"
            or not rule.interval_days
            or item.medication_id not in alert.triggered_by.medications
        ):
            continue
        dates: list[date] = []
        day = first_day + timedelta(days=rule.first_after_days or 0)
        while day <= last_day and len(dates) < MAX_TEST_DATES:
            dates.append(day)
            day += timedelta(days=rule.interval_days)
        if dates:
            found.append(MonitoringTest(rule.code, tuple(dates), rule.patient, rule.test))
    return tuple(found)


def _overrides(
    overrides: Mapping[str, str] | None, alerts: Sequence[Alert]
) -> tuple[Override, ...]:
    blocking_codes = sorted(a.code for a in alerts if a.blocks)
    given = []
    for code, reason in sorted((overrides or {}).items()):
        if code not in blocking_codes:
            raise CalxError(
                "override_not_needed",
                field="override",
                given=str(code)[:100],
                codes=", ".join(blocking_codes) or "—",
            )
        given.append(Override(code, _check_text(reason, "override", required=True).strip()))
    return tuple(given)


def _alert_sources(alerts: Sequence[Alert]) -> list[Source]:
    return [
        Source(ref=s.ref, verification="verified", section=s.section)
        for a in alerts
        for s in a.sources
    ]
