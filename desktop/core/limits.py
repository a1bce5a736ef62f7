"""Calx's own input limits (docs/clinical.md §4; product decisions, not from a source).

Hard limits refuse the input (``CalxError``): nothing is computed from a weight of 5,000 kg.
Soft limits warn and allow (``Issue``): the value is possible but often a slip, e.g. pounds typed
as kilograms (154 "kg" at 170 cm is a BMI of 53).

Decisions where docs/clinical.md leaves a choice:
- Bounds are inclusive, compared with a tolerance of 1e-9 (8.84 µmol/L ÷ 88.4 is 0.0999… in
  floating point and must still be accepted as 0.1 mg/dL).
- "Creatinine > 20 with unit mg/dL (probably µmol/L)" is above the hard limit of 20 mg/dL, so it
  is refused with its own code suggesting µmol/L; symmetrically a µmol/L value below 8.84 is
  refused with a code suggesting mg/dL.
- The lower weight and height soft limits are adult limits: they apply when the age is 18 or
  more, or unknown (Calx is used for adults). The upper ones and the BMI check apply at any age,
  so that a child's pounds typed as kilograms still warn (the plan check adds the BMI ≥ 50 and
  the over-150-kg-without-height unit checks, also at any age).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from desktop.core.errors import CalxError, Issue
from desktop.core.measures import MEASURES

if TYPE_CHECKING:
    from desktop.core.parsing import ParsedQuantity

# The hard limits of each measurement are in its record (desktop.core.measures.MEASURES).
CREATININE_UMOL_L_RANGE: tuple[float, float] = (8.84, 1768.0)

ADULT_AGE_YEARS = 18.0
SOFT_WEIGHT_KG: tuple[float, float] = (30.0, 250.0)
SOFT_HEIGHT_CM: tuple[float, float] = (130.0, 210.0)
SOFT_BMI: tuple[float, float] = (13.0, 60.0)

_TOLERANCE = 1e-9


def _within(value: float, low: float, high: float) -> bool:
    return low * (1 - _TOLERANCE) <= value <= high * (1 + _TOLERANCE)


def require_within(kind: str, value: float, entered: str | None = None) -> None:
    """Refuse ``value`` (in the canonical unit of ``kind``) outside the hard limits."""
    measure = MEASURES[kind]
    low, high = measure.low, measure.high
    if value != value or not _within(value, low, high):  # NaN fails too
        params: dict[str, object] = {
            "min": low,
            "max": high,
            "unit": measure.limit_unit,
            "value": value,
            "entered": entered if entered is not None else f"{value:g}",
        }
        if kind == "creatinine":
            params["min_umol"], params["max_umol"] = CREATININE_UMOL_L_RANGE
        raise CalxError(measure.out_of_range_code, field=kind, **params)


def check_hard(parsed: ParsedQuantity) -> None:
    """Apply the hard limit of the parsed measurement's kind; raise ``CalxError`` if outside.

    Creatinine typed (or defaulted) in mg/dL above 20 is refused as "creatinine_probably_umol";
    typed in µmol/L (or mmol/L) below 8.84 µmol/L as "creatinine_probably_mg_dl".
    """
    kind, value = parsed.kind, parsed.value_canonical
    if kind == "creatinine":
        low, high = MEASURES["creatinine"].low, MEASURES["creatinine"].high
        if parsed.unit_entered == "mg/dL" and value > high * (1 + _TOLERANCE):
            raise CalxError(
                "creatinine_probably_umol",
                field="creatinine",
                value=parsed.value_entered,
                max=high,
                min_umol=CREATININE_UMOL_L_RANGE[0],
                max_umol=CREATININE_UMOL_L_RANGE[1],
            )
        if parsed.unit_entered in ("µmol/L", "mmol/L") and value < low * (1 - _TOLERANCE):
            raise CalxError(
                "creatinine_probably_mg_dl",
                field="creatinine",
                entered=parsed.original.strip(),
                min_umol=CREATININE_UMOL_L_RANGE[0],
                min=low,
                max=high,
            )
    require_within(kind, value, parsed.original.strip())


def soft_warnings(
    weight_kg: float, height_cm: float | None = None, age_years: float | None = None
) -> list[Issue]:
    """Warnings for plausible-but-suspicious measurements (already within the hard limits)."""
    issues: list[Issue] = []
    adult = age_years is None or age_years >= ADULT_AGE_YEARS
    # A child keeps the checks of its own: the upper limits (no child is heavier or taller than
    # the adult limits); only the lower ones are adult-only (docs/clinical.md §4).
    if (weight_kg > SOFT_WEIGHT_KG[1]) or (adult and weight_kg < SOFT_WEIGHT_KG[0]):
        issues.append(
            Issue(
                "weight_unusual",
                {"value": weight_kg, "low": SOFT_WEIGHT_KG[0], "high": SOFT_WEIGHT_KG[1]},
                "weight",
            )
        )
    if height_cm is not None:
        if height_cm > SOFT_HEIGHT_CM[1] or (adult and height_cm < SOFT_HEIGHT_CM[0]):
            issues.append(
                Issue(
                    "height_unusual",
                    {"value": height_cm, "low": SOFT_HEIGHT_CM[0], "high": SOFT_HEIGHT_CM[1]},
                    "height",
                )
            )
        bmi = weight_kg / (height_cm / 100) ** 2
        if not SOFT_BMI[0] <= bmi <= SOFT_BMI[1]:
            issues.append(
                Issue(
                    "bmi_implausible",
                    {
                        "bmi": round(bmi, 1),
                        "low": SOFT_BMI[0],
                        "high": SOFT_BMI[1],
                        "weight": weight_kg,
                        "height": height_cm,
                    },
                    "weight",
                )
            )
    return issues


# Plan and treatment dates (product decision, issue 10): a plan prepared or started outside these
# years is a slip (year 1, year 9999) and would run calendars past the end of the calendar. A
# treatment may start up to five years before or after the day the plan is written (a course
# written up afterwards, a course planned well ahead); further is a typing slip.
PLAN_YEARS: tuple[int, int] = (2000, 2099)
START_BEFORE_PLAN_DAYS = 1827
START_AFTER_PLAN_DAYS = 1827


def check_plan_date(value: date, field: str) -> date:
    """Refuse a date outside ``PLAN_YEARS`` (``date_implausible``)."""
    if not PLAN_YEARS[0] <= value.year <= PLAN_YEARS[1]:
        raise CalxError(
            "date_implausible",
            field=field,
            value=value.isoformat(),
            min=f"{PLAN_YEARS[0]}-01-01",
            max=f"{PLAN_YEARS[1]}-12-31",
        )
    return value


def check_start_date(start: date, prepared_on: date, field: str = "start") -> date:
    """Refuse a treatment start too far from the day the plan is prepared."""
    check_plan_date(start, field)
    days = (start - prepared_on).days
    if not -START_BEFORE_PLAN_DAYS <= days <= START_AFTER_PLAN_DAYS:
        raise CalxError(
            "start_far_from_plan",
            field=field,
            value=start.isoformat(),
            prepared_on=prepared_on.isoformat(),
            before=START_BEFORE_PLAN_DAYS,
            after=START_AFTER_PLAN_DAYS,
        )
    return start
