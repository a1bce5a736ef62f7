"""Values inside a source's range: the documented default or the clinician's explicit choice.

One rule for every front end (window, PDF, command line), so that no value nobody chose is ever
shown as the clinician's:

- a fixed value is the source's;
- a range ("240–480 mg daily", "4–8 weeks", "50 or 100 mg") has a documented default, its lowest
  value, used only when the clinician chose none. It is then labelled as a default: its name is in
  ``defaults`` of the result and a ``range_lower_bound_used`` warning says so;
- an "up to" ("up to 500 mg") has no default: the clinician must choose (``choice_required``);
- a dose is chosen among amounts that can be given with the marketed strengths of the product
  (multiples of its smallest strength, docs/clinical.md §3), never as a free decimal such as
  247.35 mg; schedule values among whole days, weeks or months.

Nothing here is in a language: refusals and warnings are codes with parameters.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from desktop.core.errors import CalxError, Issue
from desktop.core.regimen import MG_PER_DOSE_UNIT, SCHEDULE_DURATIONS

if TYPE_CHECKING:
    from desktop.core.regimen import DoseSpec, DurationSpec, Product, Regimen, Schedule, ValueSpec

Origin = Literal["source", "default", "clinician"]

# Offered values are listed one by one: a range that would need more is offered by its ends and
# the product's steps only (never in practice: the content's widest dose range has 9 steps).
MAX_OFFERED = 200


@dataclass(frozen=True)
class RangeValue:
    """The value used for one choice and who decided it."""

    value: float
    origin: Origin


@dataclass(frozen=True)
class ChoiceSpec:
    """A value the clinician may choose inside the source's range (one editor in the window)."""

    name: str  # "dose", "every", "on", "off", "duration", "course_every", "offset_N"
    low: float  # the lowest value offered
    high: float
    options: tuple[float, ...]  # every value that may be chosen, in order
    unit: str  # "mg/m²", "mg", "week", "month"...
    whole: bool  # schedule values are whole days, weeks or months
    default: float | None  # the documented default; None: an explicit choice is required


def basis_unit(dose: DoseSpec) -> str:
    """The unit of the source's amount: "mg", "mg/kg", "mg/m²"."""
    return {"fixed": dose.unit, "per_kg": f"{dose.unit}/kg", "per_m2": f"{dose.unit}/m²"}[
        dose.basis
    ]


def dose_options(dose: DoseSpec, product: Product | None) -> tuple[float, ...]:
    """The amounts a ranged dose may be chosen among, in the dose's own unit.

    The source's options when it gives some ("50 or 100 mg"); for a fixed dose of a product with
    marketed strengths, the multiples of its smallest strength inside the range (diltiazem tablets
    of 30 mg: 240, 270 … 480 mg; probenecid 500 mg tablets: "up to 500 mg" → 500 mg); else ()
    (the range is open, bounded by the source, and ``dose_step`` gives the steps).
    """
    spec = dose.amount
    if spec.options:
        return spec.options
    per_mg = MG_PER_DOSE_UNIT.get(dose.unit)
    if dose.basis != "fixed" or product is None or not product.strengths_mg or per_mg is None:
        return ()
    step = min(product.strengths_mg) / per_mg
    low = spec.low if spec.low is not None else step
    first = math.ceil(low / step - 1e-9)
    last = math.floor(spec.high / step + 1e-9)
    values = tuple(round(k * step, 6) for k in range(first, last + 1))
    return values if 0 < len(values) <= MAX_OFFERED else ()


def dose_step(dose: DoseSpec) -> float:
    """A step for a ranged dose without marketed strengths (per kg or per m² ranges): a round
    number that divides both ends, so that 3–5 mg/kg moves by 0.5 and never to 3.37."""
    spec = dose.amount
    low = spec.low or 0.0
    for step in (100.0, 50.0, 25.0, 10.0, 5.0, 1.0, 0.5, 0.1):
        if (spec.high - low) / step >= 4 and all(
            math.isclose(v / step, round(v / step), abs_tol=1e-9) for v in (low, spec.high)
        ):
            return step
    return 0.05


def choice_specs(regimen: Regimen, product: Product | None = None) -> list[ChoiceSpec]:
    """Every range of ``regimen`` the clinician may choose in, dose first."""
    specs: list[ChoiceSpec] = []
    dose = regimen.dose
    if dose is not None and dose.amount.is_range:
        amount = dose.amount
        options = dose_options(dose, product)
        if not options:
            step = dose_step(dose)
            low = amount.low if amount.low is not None else step
            count = round((amount.high - low) / step)
            options = (
                tuple(round(low + k * step, 6) for k in range(count + 1))
                if count <= MAX_OFFERED
                else (low, amount.high)
            )
        specs.append(
            ChoiceSpec(
                "dose",
                options[0] if options else amount.low or 0.0,
                amount.high,
                options,
                basis_unit(dose),
                False,
                amount.default,
            )
        )
    for name, duration in schedule_choice_names(regimen.schedule).items():
        value = duration.value
        low = value.low if value.low is not None else 1.0
        options = value.options or tuple(
            float(v) for v in range(math.ceil(low), math.floor(value.high) + 1)
        )
        specs.append(ChoiceSpec(name, low, value.high, options, duration.unit, True, value.default))
    return specs


def resolve(
    name: str,
    spec: ValueSpec,
    unit: str,
    choices: Mapping[str, float] | None,
    warnings: list[Issue],
    offered: tuple[float, ...] = (),
) -> RangeValue:
    """The value of ``name``: the source's fixed value, the clinician's valid choice, or the
    documented default (with a warning that says so). Raises ``CalxError`` for a choice outside
    the range or not among the ``offered`` values, and for an "up to" without a choice."""
    from desktop.core.schedule import options_word_params, range_word_params, unit_word_params

    if spec.is_fixed:
        return RangeValue(spec.high, "source")
    chosen = (choices or {}).get(name)
    low = spec.low if spec.low is not None else 0
    words = {"range": range_word_params(spec), "unit": unit_word_params(unit, spec.high)}
    if chosen is not None:
        valid = (
            isinstance(chosen, int | float)
            and not isinstance(chosen, bool)
            and math.isfinite(chosen)
            and chosen > 0
        )
        if valid and spec.options and not spec.accepts(float(chosen)):
            raise CalxError(
                "choice_not_an_option",
                field=name,
                name=name,
                value=chosen,
                options=options_word_params(spec.options),
                unit=words["unit"],
            )
        if not valid or not spec.accepts(float(chosen)):
            raise CalxError(
                "choice_out_of_range",
                field=name,
                name=name,
                value=chosen,
                min=low,
                max=spec.high,
                **words,
            )
        if (
            offered
            and not spec.options
            and not any(math.isclose(float(chosen), o) for o in offered)
        ):
            raise CalxError(
                "choice_not_a_product_step",
                field=name,
                name=name,
                value=chosen,
                options=options_word_params(offered),
                unit=words["unit"],
            )
        return RangeValue(float(chosen), "clinician")
    default = spec.default
    if default is None:  # "up to": no sensible default
        raise CalxError("choice_required", field=name, name=name, max=spec.high, unit=words["unit"])
    warnings.append(
        Issue(
            "range_lower_bound_used",
            {"name": name, "value": default, "min": low, "max": spec.high, **words},
            field=name,
        )
    )
    return RangeValue(default, "default")


# --------------------------------------------------------------------------- by name


def schedule_choice_names(schedule: Schedule | None) -> dict[str, DurationSpec]:
    """Every value of the schedule a clinician may choose (ranges only), by choice name: its
    durations by field name, its offsets as "offset_N"."""
    if schedule is None:
        return {}
    names: dict[str, DurationSpec] = {}
    for key in SCHEDULE_DURATIONS:
        spec = getattr(schedule, key)
        if spec is not None and spec.value.is_range:
            names[key] = spec
    for i, spec in enumerate(schedule.offsets, start=1):
        if spec.value.is_range:
            names[f"offset_{i}"] = spec
    return names


def regimen_choice_names(regimen: Regimen) -> set[str]:
    """All choice names a regimen accepts: its schedule ranges and ``"dose"`` for a dose range."""
    names = set(schedule_choice_names(regimen.schedule))
    if regimen.dose is not None and regimen.dose.amount.is_range:
        names.add("dose")
    return names


def check_choice_names(regimen: Regimen, choices: Mapping[str, float] | None) -> None:
    """Refuse a choice the regimen does not offer (a typo must never be silently ignored)."""
    allowed = regimen_choice_names(regimen)
    for name in choices or {}:
        if name not in allowed:
            raise CalxError(
                "unknown_choice",
                field=name,
                name=name,
                allowed=", ".join(sorted(allowed)) if allowed else "—",
            )


# --------------------------------------------------------------------------- the dose


def choose_dose(
    dose: DoseSpec,
    product: Product | None,
    choices: Mapping[str, float] | None,
    warnings: list[Issue],
    working: list[Issue],
) -> tuple[float, dict[str, float], tuple[str, ...]]:
    """The amount per basis unit: the fixed value, the clinician's choice (among the product's
    steps), or the documented default; with the working step that says which. Returns (amount,
    the choices used, the names that hold a default)."""
    from desktop.core.schedule import range_word_params, unit_word_params

    spec = dose.amount
    if spec.is_fixed:
        return spec.high, {}, ()
    unit = basis_unit(dose)
    used = resolve("dose", spec, unit, choices, warnings, dose_options(dose, product))
    if used.origin == "clinician":
        working.append(
            Issue(
                "working_dose_chosen",
                {
                    "value": used.value,
                    "min": spec.low if spec.low is not None else 0,
                    "max": spec.high,
                    "range": range_word_params(spec),
                    "unit": unit_word_params(unit, spec.high),
                },
                field="dose",
            )
        )
        return used.value, {"dose": used.value}, ()
    working.append(
        Issue(
            "working_dose_default",
            {
                "value": used.value,
                "range": range_word_params(spec),
                "unit": unit_word_params(unit, spec.high),
            },
            field="dose",
        )
    )
    return used.value, {"dose": used.value}, ("dose",)


# --------------------------------------------------------------------------- the schedule


def _whole(amount: float, unit: str) -> bool:
    """A calendar needs whole days (or whole months for months and years)."""
    if unit in ("day", "month"):
        return math.isclose(amount, round(amount))
    if unit == "week":
        return math.isclose(amount * 7, round(amount * 7))
    return math.isclose(amount * 12, round(amount * 12))


class ScheduleChoices:
    """The schedule's ranged durations, resolved one by one in whole units; remembers the values
    used, which of them are defaults, and the warnings."""

    def __init__(self, choices: Mapping[str, float] | None) -> None:
        self.given = dict(choices or {})
        self.used: dict[str, float] = {}
        self.defaults: list[str] = []
        self.warnings: list[Issue] = []

    def value(self, name: str, spec: DurationSpec) -> float:
        from desktop.core.schedule import unit_word_params

        used = resolve(name, spec.value, spec.unit, self.given, self.warnings)
        if used.origin == "source":
            return used.value
        if used.origin == "clinician" and not _whole(used.value, spec.unit):
            raise CalxError(
                "choice_not_whole",
                field=name,
                name=name,
                value=used.value,
                unit=unit_word_params(spec.unit, used.value),
            )
        self.used[name] = used.value
        if used.origin == "default":
            self.defaults.append(name)
        return used.value
