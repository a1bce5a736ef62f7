"""From a regimen of the knowledge base and a patient's measurements to one administration's dose.

``compute_dose(regimen, patient, product)`` returns a ``DoseResult``: the basis (fixed, per kg,
per m²), the inputs used with their units, the calculated dose (a pint Quantity, never rounded and
never hidden), the dose rounded by the product's rule with its deviation in percent
(docs/clinical.md §5), the daily dose and course total where they apply, the volume of
concentrate, the vials, the final concentration after dilution, warnings, and the ``working``:
the steps of the calculation as codes with parameters, turned into French or English words by
``desktop.core.messages`` so that the window, the PDF and the command line show the same working.

Formulas: per m² dose = amount (mg/m²) × BSA (m², unrounded; Mosteller by default);
per kg dose = amount (mg/kg) × actual body weight (kg); fixed dose = amount.
"times_per_day" doses: daily dose = dose × times per day; a daily total split into
``times_per_day`` doses: dose = daily ÷ times per day.

Ranges in the source ("240–480 mg daily", "50 or 100 mg") stay ranges until the clinician chooses
a value (choice ``"dose"``) by the one rule of ``desktop.core.choices``: without a choice the
documented default (the lower bound) is used and labelled as such; an "up to" needs a choice.
Nothing here is in a language: results hold codes and numbers only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.core.choices import basis_unit, check_choice_names, choose_dose
from desktop.core.errors import CalxError, Issue
from desktop.core.formatting import format_number
from desktop.core.messages import localized
from desktop.core.regimen import MG_PER_DOSE_UNIT, DoseSpec, Product, Regimen, ValueSpec
from desktop.core.schedule import PATTERNS, unit_word_params
from desktop.core.vials import (
    Dilution,
    VialCombination,
    choose_vials,
    concentrate_volume_ml,
    dilution_for,
)
from desktop.core.words import LANGUAGES

if TYPE_CHECKING:
    import pint

    from desktop.core.patient import Patient

# NICE KTT22 (citing NHS England): dose bands within 10 % of the calculated dose for biological
# drugs, 6 % for standard chemotherapy (docs/clinical.md §5).
BAND_BIOLOGICAL_PERCENT = 10.0
BAND_STANDARD_PERCENT = 6.0
# Therapies of the knowledge base that are biological drugs (monoclonal antibodies, receptor
# antagonists): the 10 % band applies to them.
BIOLOGICAL_THERAPIES: frozenset[str] = frozenset(
    {
        "rituximab",
        "infliximab",
        "other-anti-tnf",
        "anakinra",
        "tocilizumab",
    }
)
# Creatinine clearance under which a regimen's renal caution is shown as a stronger warning.
# Calx's own threshold: the review gives none (it says "renal impairment" without a number).
RENAL_CAUTION_CRCL_ML_MIN = 60.0  # the same as plan_check.RENAL_CAUTION_ML_MIN


@dataclass(frozen=True)
class InputUsed:
    """One measurement the dose depends on: ``name`` ("weight", "height", "bsa", "crcl"), its
    value with its unit, and how it was obtained (BSA formula, weight used for the clearance)."""

    name: str
    value: pint.Quantity
    method: str | None = None


@dataclass(frozen=True)
class DoseResult:
    """The dose of one administration of a regimen, with everything needed to check it.

    ``calculated`` is per administration, or per day when the source gives a daily total without
    saying how it is divided (``per == "day"`` and no ``times_per_day``). It is None when the
    source gives no dose (``has_dose`` is False): the schedule still applies.
    """

    regimen_id: str
    basis: str | None  # "fixed" | "per_kg" | "per_m2"
    per: str | None  # "administration" | "day"
    unit: str | None  # the source's dose unit: "mg", "g", "mL", ...
    prescribed: pint.Quantity | None  # 375 mg/m², 3 mg/kg, 1 g: after any choice
    prescribed_range: ValueSpec | None  # the source's range or options, when it has one
    inputs: tuple[InputUsed, ...]
    calculated: pint.Quantity | None  # unrounded
    rounded: pint.Quantity | None = None  # by the product's rule (mg)
    deviation_percent: float | None = None  # (rounded − calculated) ÷ calculated × 100
    rounding_step: pint.Quantity | None = None
    times_per_day: int | None = None
    daily: pint.Quantity | None = None
    course_total: pint.Quantity | None = None
    course_doses: int | None = None  # administrations (or days) in that total
    volume: pint.Quantity | None = None  # concentrate to draw up (mL)
    concentration: pint.Quantity | None = None  # of the concentrate, or the source's strength
    vials: VialCombination | None = None
    dilution: Dilution | None = None
    choices: Mapping[str, float] = field(default_factory=dict)
    warnings: tuple[Issue, ...] = ()
    working: tuple[Issue, ...] = ()
    # names in ``choices`` that hold the source's documented default, not a clinician's choice
    defaults: tuple[str, ...] = ()

    @property
    def has_dose(self) -> bool:
        return self.calculated is not None

    @property
    def given(self) -> pint.Quantity | None:
        """The dose to give: the rounded dose when the product has a rule, else the calculated."""
        return self.rounded if self.rounded is not None else self.calculated

    def amount_in(self, unit: str) -> float | None:
        """``calculated`` in ``unit`` ("mg", "mL"); None if absent or not convertible."""
        return _magnitude_in(self.calculated, unit)


def _magnitude_in(q: pint.Quantity | None, unit: str) -> float | None:
    if q is None:
        return None
    try:
        return float(q.m_as(unit))
    except Exception:  # pint.DimensionalityError: a volume asked as a mass, etc.
        return None


# --------------------------------------------------------------------------- helpers


def _round_for_display(x: float, decimals: int = 2) -> float | int:
    """A number for a message parameter: ``decimals`` places, an int when whole ("70", not
    "70.0"). Display only: results keep the unrounded value."""
    r = round(x, decimals)
    return int(r) if r == int(r) else r


def _step(code: str, unit: str | None = None, count: float = 2, **params: Any) -> Issue:
    """A working step; ``unit`` becomes the ``unit`` parameter, its spelling in each language
    (singular or plural for ``count``)."""
    if unit is not None:
        params["unit"] = unit_word_params(unit, count)
    return Issue(code, params)


def _bsa_step(formula: str, weight_kg: float, height_cm: float, bsa_m2: float) -> Issue:
    params = {
        "weight": _round_for_display(weight_kg, 2),
        "height": _round_for_display(height_cm, 1),
        "bsa": _round_for_display(bsa_m2, 2),
        "bsa_exact": _round_for_display(bsa_m2, 4),
    }
    if formula == "boyd":
        params["weight_g"] = _round_for_display(weight_kg * 1000, 0)
    return Issue(f"working_bsa_{formula.replace('-', '_')}", params)


def _is_biological(regimen: Regimen) -> bool:
    return regimen.therapy_id in BIOLOGICAL_THERAPIES


def _course(regimen: Regimen) -> tuple[str, int] | None:
    """(kind, count) of the doses or days a course total covers, or None for open-ended ones:
    each pattern says it (``course`` of its declaration in ``desktop.core.schedule``)."""
    s = regimen.schedule
    return None if s is None else PATTERNS[s.pattern].course(s)


# --------------------------------------------------------------------------- the engine


@dataclass
class _Notes:
    """What the steps add as they go: warnings, the working, and the measurements used."""

    warnings: list[Issue]
    working: list[Issue] = field(default_factory=list)
    inputs: list[InputUsed] = field(default_factory=list)


@dataclass(frozen=True)
class _Rounding:
    """The dose rounded by the product's rule, and the dose to give in mg (None: not a mass)."""

    rounded: pint.Quantity | None = None
    deviation: float | None = None
    step: pint.Quantity | None = None
    given_mg: float | None = None


def compute_dose(
    regimen: Regimen,
    patient: Patient | None,
    product: Product | None = None,
    choices: Mapping[str, float] | None = None,
    bsa_formula: str = "mosteller",
) -> DoseResult:
    """The dose of one administration of ``regimen`` for ``patient`` (see the module docstring).

    ``product`` is the regimen's product (``regimen.product``) for rounding, volume and vials;
    ``choices`` holds the clinician's values inside the source's ranges (``"dose"``; schedule
    names are accepted and left to ``build_schedule``). The patient's soft-limit warnings
    (unusual weight or height, implausible BMI) are repeated next to the dose. Raises
    ``CalxError`` for a choice the regimen does not offer or outside its range, a per-m² dose
    without height, an unknown BSA formula, or a product that is not the regimen's.

    The steps, in order: the amount (``choose_dose``), the basis (``_dose_on_basis``), the
    per-day split (``_split_per_day``), rounding and band (``_round_to_band``), daily dose and
    course total (``_daily_and_course``), volume and vials and dilution (``_volume_and_vials``),
    then the product's notes and the renal caution.
    """
    check_choice_names(regimen, choices)
    if product is not None and regimen.product is not None and product.id != regimen.product:
        raise CalxError(
            "product_mismatch", field="product", product=product.id, expected=regimen.product
        )
    from desktop.core.calculators.bsa import formula_info
    from desktop.core.units import Q_

    formula = formula_info(bsa_formula)  # refuses an unknown formula ("bsa_formula_unknown")
    notes = _Notes(patient.warnings() if patient is not None else [])
    dose = regimen.dose
    if dose is None:
        return _without_dose(regimen, patient, product, notes)

    amount, used_choices, defaults = choose_dose(
        dose, product, choices, notes.warnings, notes.working
    )
    unit = dose.unit
    value = _dose_on_basis(regimen, dose, amount, patient, formula.key, notes)
    value, daily_value = _split_per_day(dose, value, notes.working)
    if value > 0 and _round_for_display(value) == 0:
        # It would print as "0 mg": refused, never shown as a dose of nothing.
        raise CalxError("dose_too_small_to_show", field="dose", dose=value, unit=unit)
    mg_per_unit = MG_PER_DOSE_UNIT.get(unit)
    rounding = _round_to_band(regimen, dose, product, value, mg_per_unit, notes)
    given_mg = rounding.given_mg
    given_value = given_mg / mg_per_unit if given_mg is not None and mg_per_unit else value
    daily, course_total, course_doses = _daily_and_course(
        regimen, dose, given_value, daily_value, notes.working
    )
    volume, concentration, vials, dilution = _volume_and_vials(product, given_mg, notes)
    _product_notes(product, notes.working)
    _renal(regimen, patient, notes.warnings, notes.working, notes.inputs)

    return DoseResult(
        regimen_id=regimen.id,
        basis=dose.basis,
        per=dose.per,
        unit=unit,
        prescribed=Q_(amount, basis_unit(dose)),
        prescribed_range=(dose.amount if dose.amount.is_range else None),
        inputs=tuple(notes.inputs),
        calculated=Q_(value, unit),
        rounded=rounding.rounded,
        deviation_percent=rounding.deviation,
        rounding_step=rounding.step,
        times_per_day=dose.times_per_day,
        daily=daily,
        course_total=course_total,
        course_doses=course_doses,
        volume=volume,
        concentration=concentration,
        vials=vials,
        dilution=dilution,
        choices=used_choices,
        defaults=defaults,
        warnings=tuple(notes.warnings),
        working=tuple(notes.working),
    )


def _without_dose(
    regimen: Regimen, patient: Patient | None, product: Product | None, notes: _Notes
) -> DoseResult:
    """A regimen whose source gives no dose: the schedule still applies; the strength of what
    is given (triamcinolone 20 mg/mL), the product's notes and the renal caution still show."""
    from desktop.core.units import Q_

    notes.working.append(Issue("no_dose_in_review", {"regimen": regimen.id}))
    concentration = None
    if regimen.concentration is not None:
        c = regimen.concentration
        concentration = Q_(c.value, c.unit)
        notes.working.append(_step("working_concentration", c.unit, c.value, value=c.value))
    _product_notes(product, notes.working)
    _renal(regimen, patient, notes.warnings, notes.working, notes.inputs)
    return DoseResult(
        regimen.id,
        None,
        None,
        None,
        None,
        None,
        tuple(notes.inputs),
        None,
        concentration=concentration,
        warnings=tuple(notes.warnings),
        working=tuple(notes.working),
    )


def _dose_on_basis(
    regimen: Regimen,
    dose: DoseSpec,
    amount: float,
    patient: Patient | None,
    formula: str,
    notes: _Notes,
) -> float:
    """The amount applied to its basis: × BSA (per m²), × actual weight (per kg), or as is
    (fixed). Per administration, or the daily total when the source gives one."""
    unit = dose.unit
    if dose.basis == "per_m2":
        if patient is None or patient.height is None:
            raise CalxError("height_required", field="height", regimen=regimen.id)
        from desktop.core.calculators.bsa import bsa as body_surface_area

        bsa_q = body_surface_area(patient.weight, patient.height, formula=formula)
        bsa_m2 = float(bsa_q.magnitude)
        height_cm = patient.height_cm
        assert height_cm is not None
        notes.inputs += [
            InputUsed("weight", patient.weight),
            InputUsed("height", patient.height),
            InputUsed("bsa", bsa_q, formula),
        ]
        notes.working.append(_bsa_step(formula, patient.weight_kg, height_cm, bsa_m2))
        value = amount * bsa_m2
        notes.working.append(
            _step(
                "working_dose_per_m2",
                unit,
                value,
                amount=amount,
                bsa_exact=_round_for_display(bsa_m2, 4),
                dose=_round_for_display(value),
            )
        )
        return value
    if dose.basis == "per_kg":
        if patient is None:
            raise CalxError("weight_required", field="weight", regimen=regimen.id)
        weight_kg = patient.weight_kg
        notes.inputs.append(InputUsed("weight", patient.weight, "actual"))
        value = amount * weight_kg
        notes.working.append(
            _step(
                "working_dose_per_kg",
                unit,
                value,
                amount=amount,
                weight=_round_for_display(weight_kg),
                dose=_round_for_display(value),
            )
        )
        return value
    notes.working.append(
        _step(
            "working_dose_fixed_daily" if dose.per == "day" else "working_dose_fixed",
            unit,
            amount,
            amount=amount,
        )
    )
    return amount


def _split_per_day(
    dose: DoseSpec, value: float, working: list[Issue]
) -> tuple[float, float | None]:
    """(dose per administration, daily total or None): a daily total is divided by the times
    per day (or kept whole when the source does not say how); a dose taken several times a day
    makes a daily total."""
    unit, tpd = dose.unit, dose.times_per_day
    if dose.per == "day":
        if not tpd:
            working.append(
                _step("working_daily_not_divided", unit, value, daily=_round_for_display(value))
            )
            return value, value
        each = value / tpd
        working.append(
            _step(
                "working_daily_split",
                unit,
                value,
                daily=_round_for_display(value),
                times=tpd,
                dose=_round_for_display(each),
            )
        )
        return each, value
    if tpd:
        daily = value * tpd
        working.append(
            _step(
                "working_times_per_day",
                unit,
                daily,
                dose=_round_for_display(value),
                times=tpd,
                daily=_round_for_display(daily),
            )
        )
        return value, daily
    return value, None


def _round_to_band(
    regimen: Regimen,
    dose: DoseSpec,
    product: Product | None,
    value: float,
    mg_per_unit: float | None,
    notes: _Notes,
) -> _Rounding:
    """The dose rounded half up to the product's step, its deviation, and a warning when the
    deviation is outside the dose band (docs/clinical.md §5)."""
    from desktop.core.units import Q_

    value_mg = value * mg_per_unit if mg_per_unit is not None else None
    if product is None or not product.dose_step_mg or value_mg is None:
        if dose.basis != "fixed":
            notes.working.append(Issue("working_not_rounded", {}))
        return _Rounding(given_mg=value_mg)
    step = product.dose_step_mg
    rounded_mg = math.floor(value_mg / step + 0.5) * step  # half up, as on a ward
    step_q = Q_(step, "mg")
    if rounded_mg <= 0:
        notes.warnings.append(
            Issue(
                "dose_below_rounding_step",
                {"dose": _round_for_display(value_mg), "step": step},
                field="dose",
            )
        )
        return _Rounding(step=step_q, given_mg=value_mg)
    deviation = (rounded_mg - value_mg) / value_mg * 100
    band = BAND_BIOLOGICAL_PERCENT if _is_biological(regimen) else BAND_STANDARD_PERCENT
    shown = {
        "rounded": _round_for_display(rounded_mg),
        "calculated": _round_for_display(value_mg),
        "deviation": _round_for_display(deviation),
        "sign": "+" if _round_for_display(deviation) > 0 else "",
    }
    if math.isclose(rounded_mg, value_mg, rel_tol=0, abs_tol=1e-9):
        notes.working.append(Issue("working_rounding_not_needed", {**shown, "step": step}))
    else:
        notes.working.append(Issue("working_rounded", {**shown, "step": step}))
    if abs(deviation) > band + 1e-9:
        notes.warnings.append(
            Issue("rounding_deviation_above_band", {**shown, "band": band}, field="dose")
        )
    return _Rounding(Q_(rounded_mg, "mg"), deviation, step_q, rounded_mg)


def _daily_and_course(
    regimen: Regimen,
    dose: DoseSpec,
    given_value: float,
    daily_value: float | None,
    working: list[Issue],
) -> tuple[pint.Quantity | None, pint.Quantity | None, int | None]:
    """(daily dose, course total, doses or days in it), from the dose given."""
    from desktop.core.units import Q_

    unit, tpd = dose.unit, dose.times_per_day
    daily = None
    if daily_value is not None:
        daily = Q_(given_value * tpd if tpd else given_value, unit)
    course = _course(regimen)
    if course is None:
        return daily, None, None
    kind, n = course
    # a course in days counts the daily dose; a per-administration dose given once a day
    # (no daily total) counts the dose itself
    per_item = daily.m_as(unit) if (kind == "days" and daily is not None) else given_value
    working.append(
        _step(
            "working_course_total_days"
            if kind == "days"
            else "working_course_total_administrations",
            unit,
            per_item * n,
            n=n,
            dose=_round_for_display(per_item),
            total=_round_for_display(per_item * n),
        )
    )
    return daily, Q_(per_item * n, unit), n


def _volume_and_vials(
    product: Product | None,
    given_mg: float | None,
    notes: _Notes,
) -> tuple[pint.Quantity | None, pint.Quantity | None, VialCombination | None, Dilution | None]:
    """(volume of concentrate, its concentration, vials, dilution) of the dose given, from the
    product's concentration, vial sizes and dilution rule (``desktop.core.vials``)."""
    from desktop.core.units import Q_

    volume = concentration = None
    vials = dilution = None
    if product is None or given_mg is None:
        return volume, concentration, vials, dilution
    if product.concentration_mg_ml:
        concentration = Q_(product.concentration_mg_ml, "mg/mL")
        ml = concentrate_volume_ml(given_mg, product.concentration_mg_ml)
        volume = Q_(ml, "mL")
        notes.working.append(
            Issue(
                "working_volume",
                {
                    "dose": _round_for_display(given_mg),
                    "concentration": product.concentration_mg_ml,
                    "volume": _round_for_display(ml),
                },
            )
        )
    if product.vials:
        vials = choose_vials(given_mg, product.vials)
        notes.working.append(
            Issue(
                "working_vials",
                {
                    "vials": localized(
                        **{
                            lang: " + ".join(
                                f"{v.count} × {format_number(v.strength_mg, lang, 4)} mg"
                                for v in vials.vials
                            )
                            for lang in LANGUAGES
                        }
                    ),
                    "total": _round_for_display(vials.total_mg),
                    "waste": _round_for_display(vials.waste_mg),
                },
            )
        )
    dilution = dilution_for(given_mg, product)
    if dilution is not None:
        _dilution_step(dilution, notes.working)
        notes.warnings.extend(dilution.warnings)
    return volume, concentration, vials, dilution


def _dilution_step(d: Dilution, working: list[Issue]) -> None:
    low, high = d.allowed_mg_ml if d.allowed_mg_ml else (None, None)
    if d.final_volume_ml is not None and d.final_concentration_mg_ml is not None:
        params: dict[str, Any] = {
            "volume": d.final_volume_ml,
            "concentration": _round_for_display(d.final_concentration_mg_ml, 3),
        }
        if low is not None:
            working.append(Issue("working_dilution_fixed", {**params, "min": low, "max": high}))
    elif d.total_volume_range_ml is not None:
        lo_v, hi_v = d.total_volume_range_ml
        params = {
            "min": low,
            "max": high,
            "volume_min": _round_for_display(lo_v, 1),
            "volume_max": _round_for_display(hi_v, 1),
        }
        if d.diluent_range_ml is not None:
            params |= {
                "diluent_min": _round_for_display(d.diluent_range_ml[0], 1),
                "diluent_max": _round_for_display(d.diluent_range_ml[1], 1),
            }
            working.append(Issue("working_dilution_range_diluent", params))
        else:
            working.append(Issue("working_dilution_range", params))


def _product_notes(product: Product | None, working: list[Issue]) -> None:
    """Product facts the clinician needs next to the dose (e.g. triamcinolone 20 mg/mL is a 1:1
    dilution of the 40 mg/mL suspension; docs/clinical.md §3), as the content states them."""
    if product is None or product.notes is None:
        return
    working.append(
        Issue(
            "product_note",
            {"text": localized(en=product.notes.en, fr=product.notes.fr), "product": product.id},
        )
    )


def _renal(
    regimen: Regimen,
    patient: Patient | None,
    warnings: list[Issue],
    working: list[Issue],
    inputs: list[InputUsed],
) -> None:
    """The regimen's renal caution, stronger when the patient's clearance is known and low."""
    if regimen.renal_caution is None:
        return
    rc = regimen.renal_caution
    warnings.append(Issue("renal_caution", {"text": localized(en=rc.en, fr=rc.fr)}))
    crcl = _creatinine_clearance(patient)
    if crcl is None:
        working.append(Issue("working_crcl_unavailable", {}))
        return
    crcl_q, method, crcl_warnings = crcl
    warnings.extend(crcl_warnings)
    ml_min = float(crcl_q.m_as("mL/min"))
    inputs.append(InputUsed("crcl", crcl_q, method))
    working.append(
        Issue("working_crcl", {"crcl": _round_for_display(ml_min, 0), "weight_used": method})
    )
    # Every estimate Calx can make (Cockcroft–Gault on actual and, when BMI ≥ 30, adjusted
    # weight; CKD-EPI 2021): in obesity the actual-weight clearance alone hides a low function.
    from desktop.core.plan_check import ESTIMATE_WORDS, renal_estimates

    low = min(renal_estimates(patient), key=lambda e: e.value, default=None)
    if low is not None and low.value < RENAL_CAUTION_CRCL_ML_MIN:
        name = ESTIMATE_WORDS[low.name]
        warnings.append(
            Issue(
                "renal_caution_low_clearance",
                {
                    "crcl": _round_for_display(low.value, 0),
                    "threshold": RENAL_CAUTION_CRCL_ML_MIN,
                    "estimate": localized(en=name.en, fr=name.fr),
                    "unit": low.unit,
                },
                field="creatinine",
            )
        )


def _creatinine_clearance(
    patient: Patient | None,
) -> tuple[pint.Quantity, str, tuple[Issue, ...]] | None:
    """Cockcroft–Gault with actual body weight, when every input is there; else None."""
    if (
        patient is None
        or patient.creatinine is None
        or patient.age_years is None
        or patient.sex not in ("female", "male")
    ):
        return None
    from desktop.core.calculators.cockcroft_gault import cockcroft_gault_for

    result = cockcroft_gault_for(patient, weight_basis="actual")
    return result.value, result.weight_basis, result.warnings
