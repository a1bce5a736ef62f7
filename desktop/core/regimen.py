"""Structured regimens, products and sources: the contract between the content and the engine.

A regimen is read from one content file (``db/content/*.toml``), stored as canonical JSON in the
reference database, and read back by the dosing and schedule engines. ``regimen_from_dict`` and
``product_from_dict`` are the only parsers for that data, so the build-time validation and the
run-time reader can never disagree. Problems are reported as ``ContentError`` naming the field.

Numbers in the source that are ranges ("240–480 mg/day", "4–8 weeks") stay ranges here
(``ValueSpec``); the clinician picks a value inside them later.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Literal

# Re-exported: a regimen's texts and sources are of these types.
from desktop.core.sources import REVIEW_REF as REVIEW_REF
from desktop.core.sources import VERIFICATIONS as VERIFICATIONS
from desktop.core.sources import Bilingual as Bilingual
from desktop.core.sources import ContentError as ContentError
from desktop.core.sources import Source as Source
from desktop.core.sources import Verification as Verification
from desktop.core.words import LANGUAGES

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

Basis = Literal["fixed", "per_kg", "per_m2"]
BASES: tuple[str, ...] = ("fixed", "per_kg", "per_m2")

# Units a dose may be written in, and what one of them is in mg (None: not a mass; rounding,
# volumes and vials work in mg). "units" (biologics) is spelled out, never "U" or "IU".
MG_PER_DOSE_UNIT: dict[str, float | None] = {
    "mcg": 0.001,
    "mg": 1.0,
    "g": 1000.0,
    "mL": None,
    "units": None,
}
DOSE_UNITS: tuple[str, ...] = tuple(MG_PER_DOSE_UNIT)
CONCENTRATION_UNITS: tuple[str, ...] = ("mg/mL", "mcg/mL", "units/mL")
DURATION_UNITS: tuple[str, ...] = ("day", "week", "month", "year")
ROUTES: tuple[str, ...] = (
    "oral",
    "iv",
    "sc",
    "intralesional",
    "topical",
    "procedure",
)


@dataclass(frozen=True)
class ValueSpec:
    """A number from the source: one value, a range (``low`` < ``high``), an "up to" (``low`` is
    None) or a set of options ("50 or 100 mg/day")."""

    low: float | None
    high: float
    options: tuple[float, ...] = ()

    @property
    def is_fixed(self) -> bool:
        return self.low == self.high and not self.options

    @property
    def is_range(self) -> bool:
        return not self.is_fixed

    def accepts(self, value: float) -> bool:
        if self.options:
            return any(math.isclose(value, o) for o in self.options)
        low = 0.0 if self.low is None else self.low
        return low - 1e-9 <= value <= self.high + 1e-9

    @property
    def default(self) -> float | None:
        """The value used when the clinician chose none: the lower bound (never for "up to")."""
        if self.options:
            return min(self.options)
        return self.low


@dataclass(frozen=True)
class DurationSpec:
    """How long a course lasts: a value (or range) and its unit."""

    value: ValueSpec
    unit: str  # one of DURATION_UNITS


@dataclass(frozen=True)
class DoseSpec:
    """How much per administration (``per == "administration"``) or per day (``per == "day"``),
    as a fixed amount or per kg of body weight or per m² of body-surface area."""

    amount: ValueSpec
    unit: str  # one of DOSE_UNITS
    basis: Basis = "fixed"
    per: Literal["administration", "day"] = "administration"
    times_per_day: int | None = None  # "500 mg three times daily" → amount 500, times_per_day 3


@dataclass(frozen=True)
class Schedule:
    """A timing pattern (one of ``desktop.core.schedule.PATTERNS``, which says the fields each
    uses) and its numbers."""

    pattern: str
    offsets: tuple[DurationSpec, ...] = ()
    every: DurationSpec | None = None
    count: int | None = None
    duration: DurationSpec | None = None
    on: DurationSpec | None = None
    off: DurationSpec | None = None
    courses: int | None = None
    course_every: DurationSpec | None = None


# The schedule's single durations ("every", "duration", "on", "off", "course_every"): each may be
# a range the clinician chooses in, by the field's name.
SCHEDULE_DURATIONS: tuple[str, ...] = tuple(
    f.name for f in fields(Schedule) if f.type == "DurationSpec | None"
)


@dataclass(frozen=True)
class Concentration:
    """A product's strength per mL (or units per mL)."""

    value: float
    unit: str  # one of CONCENTRATION_UNITS


@dataclass(frozen=True)
class Regimen:
    """One dosing regimen of a therapy: route, dose, schedule, product, each with its source."""

    id: str
    therapy_id: str
    label: Bilingual
    route: str
    source: Source
    dose: DoseSpec | None = None
    schedule: Schedule | None = None
    schedule_source: Source | None = None
    product: str | None = None
    concentration: Concentration | None = None
    renal_caution: Bilingual | None = None
    notes: Bilingual | None = None
    # The medication it gives (an id of db/content/safety/_medications.toml); None for a
    # procedure or a dressing. The plan check reads the plan's medications through it.
    drug: str | None = None


# Routes whose regimens give a medication, and so must name it (``drug``).
DRUG_ROUTES: tuple[str, ...] = ("oral", "iv", "sc", "intralesional")


@dataclass(frozen=True)
class Vial:
    """One vial size of a product: its strength and volume."""

    strength_mg: float
    volume_ml: float


@dataclass(frozen=True)
class Product:
    """A marketed presentation, used for volumes and vial counts (docs/clinical.md §3)."""

    id: str
    name: Bilingual
    form: Bilingual
    source: Source
    concentration_mg_ml: float | None = None
    vials: tuple[Vial, ...] = ()
    final_volume_ml: float | None = None  # infliximab: diluted to 250 mL in total
    # allowed (min, max) after dilution
    final_concentration_mg_ml: tuple[float, float] | None = None
    dose_step_mg: float | None = None  # the rounding rule for calculated doses
    dose_step_note: Bilingual | None = None
    strengths_mg: tuple[float, ...] = ()  # oral forms (capsules, tablets)
    notes: Bilingual | None = None
    sources: tuple[Source, ...] = field(default=())


# --------------------------------------------------------------------------- parsing


def _require(d: Mapping[str, Any], key: str, path: str) -> Any:
    if key not in d or d[key] is None or d[key] == "":
        raise ContentError(f"{path}.{key}" if path else key, "is missing")
    return d[key]


def _number(v: Any, path: str) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise ContentError(path, f"{v!r} is not a number")
    f = float(v)
    if not math.isfinite(f) or f < 0:
        raise ContentError(path, f"{v!r} is not a finite, non-negative number")
    return f


def bilingual_from(v: Any, path: str) -> Bilingual:
    if not isinstance(v, Mapping):
        raise ContentError(path, "must be a table with 'fr' and 'en' texts")
    texts = []
    for lang in LANGUAGES:
        t = v.get(lang)
        if not isinstance(t, str) or not t.strip():
            raise ContentError(f"{path}.{lang}", "translation is missing")
        texts.append(t.strip())
    return Bilingual(*texts)


def source_from(v: Any, path: str, known_refs: Sequence[str] | None = None) -> Source:
    if not isinstance(v, Mapping):
        raise ContentError(path, "source is missing")
    ref = _require(v, "ref", path)
    if not isinstance(ref, str):
        raise ContentError(f"{path}.ref", "must be a reference id")
    if known_refs is not None and ref not in known_refs:
        raise ContentError(f"{path}.ref", f"unknown reference {ref!r}")
    ver = _require(v, "verification", path)
    if ver not in VERIFICATIONS:
        raise ContentError(f"{path}.verification", f"must be one of {', '.join(VERIFICATIONS)}")
    section = v.get("section")
    if section is not None and not isinstance(section, str):
        raise ContentError(f"{path}.section", "must be text")
    return Source(ref=ref, verification=ver, section=section)


def value_spec_from(v: Any, path: str) -> ValueSpec:
    """``375`` | ``{min = 240, max = 480}`` | ``{max = 500}`` ("up to") |
    ``{options = [50, 100]}``."""
    if isinstance(v, Mapping):
        if "options" in v:
            opts = v["options"]
            if not isinstance(opts, list) or len(opts) < 2:
                raise ContentError(f"{path}.options", "needs at least two numbers")
            values = tuple(sorted(_number(o, f"{path}.options") for o in opts))
            return ValueSpec(low=values[0], high=values[-1], options=values)
        if "max" not in v:
            raise ContentError(f"{path}.max", "a range needs at least a maximum")
        high = _number(v["max"], f"{path}.max")
        low = _number(v["min"], f"{path}.min") if "min" in v else None
        if low is not None and low >= high:
            raise ContentError(path, f"minimum {low:g} is not below maximum {high:g}")
        if high == 0:
            raise ContentError(f"{path}.max", "must be above zero")
        return ValueSpec(low=low, high=high)
    f = _number(v, path)
    if f == 0:
        raise ContentError(path, "must be above zero")
    return ValueSpec(low=f, high=f)


def _split_quantity(text: Any, path: str, units: Sequence[str]) -> tuple[float, str]:
    if not isinstance(text, str):
        raise ContentError(path, f"{text!r} must be text like '4 week'")
    parts = text.split()
    if len(parts) != 2:
        raise ContentError(path, f"{text!r} must be a number and a unit, like '4 week'")
    try:
        number = float(parts[0])
    except ValueError:
        raise ContentError(path, f"{parts[0]!r} is not a number") from None
    if not math.isfinite(number) or number < 0:
        raise ContentError(path, f"{parts[0]!r} is not a non-negative number")
    unit = parts[1]
    if unit not in units:
        raise ContentError(path, f"unknown unit {unit!r} (expected one of {', '.join(units)})")
    return number, unit


def duration_from(v: Any, path: str) -> DurationSpec:
    """``"8 week"`` | ``{min = "4 week", max = "8 week"}`` (both bounds in the same unit)."""
    if isinstance(v, Mapping):
        if "max" not in v:
            raise ContentError(f"{path}.max", "a duration range needs a maximum")
        high, unit = _split_quantity(v["max"], f"{path}.max", DURATION_UNITS)
        low = None
        if "min" in v:
            low, unit_min = _split_quantity(v["min"], f"{path}.min", DURATION_UNITS)
            if unit_min != unit:
                raise ContentError(path, "both bounds must use the same unit")
            if low >= high:
                raise ContentError(path, "minimum is not below maximum")
        return DurationSpec(ValueSpec(low=low, high=high), unit)
    number, unit = _split_quantity(v, path, DURATION_UNITS)
    return DurationSpec(ValueSpec(low=number, high=number), unit)


def dose_from(v: Any, path: str) -> DoseSpec:
    if not isinstance(v, Mapping):
        raise ContentError(path, "must be a table")
    amount = value_spec_from(_require(v, "amount", path), f"{path}.amount")
    unit = _require(v, "unit", path)
    if unit not in DOSE_UNITS:
        raise ContentError(
            f"{path}.unit", f"unknown unit {unit!r} (expected one of {', '.join(DOSE_UNITS)})"
        )
    basis = v.get("basis", "fixed")
    if basis not in BASES:
        raise ContentError(f"{path}.basis", f"must be one of {', '.join(BASES)}")
    per = v.get("per", "administration")
    if per not in ("administration", "day"):
        raise ContentError(f"{path}.per", "must be 'administration' or 'day'")
    tpd = v.get("times_per_day")
    whole = isinstance(tpd, int) and not isinstance(tpd, bool)
    if tpd is not None and not (whole and 1 <= tpd <= 12):
        raise ContentError(f"{path}.times_per_day", "must be a whole number from 1 to 12")
    return DoseSpec(amount=amount, unit=unit, basis=basis, per=per, times_per_day=tpd)


def _positive_int(v: Any, path: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 1:
        raise ContentError(path, "must be a whole number of at least 1")
    return v


def schedule_from(v: Any, path: str) -> Schedule:
    if not isinstance(v, Mapping):
        raise ContentError(path, "must be a table")
    from desktop.core.schedule import PATTERNS  # each pattern's declaration

    pattern = _require(v, "pattern", path)
    if pattern not in PATTERNS:
        raise ContentError(f"{path}.pattern", f"must be one of {', '.join(PATTERNS)}")

    def dur(key: str) -> DurationSpec | None:
        return duration_from(v[key], f"{path}.{key}") if key in v else None

    offsets = tuple(duration_from(o, f"{path}.offsets") for o in v.get("offsets", ()))
    count = _positive_int(v["count"], f"{path}.count") if "count" in v else None
    courses = _positive_int(v["courses"], f"{path}.courses") if "courses" in v else None
    s = Schedule(
        pattern=pattern,
        offsets=offsets,
        every=dur("every"),
        count=count,
        duration=dur("duration"),
        on=dur("on"),
        off=dur("off"),
        courses=courses,
        course_every=dur("course_every"),
    )
    for key in PATTERNS[pattern].needs:
        if not getattr(s, key):
            raise ContentError(f"{path}.{key}", f"is required for pattern {pattern!r}")
    if s.courses and s.courses > 1 and not s.course_every:
        raise ContentError(f"{path}.course_every", "is required when there is more than one course")
    return s


def regimen_from_dict(
    d: Mapping[str, Any],
    therapy_id: str,
    path: str = "regimens",
    known_refs: Sequence[str] | None = None,
    known_products: Sequence[str] | None = None,
) -> Regimen:
    rid = _require(d, "id", path)
    if not isinstance(rid, str) or not SLUG.fullmatch(rid):
        raise ContentError(f"{path}.id", f"{rid!r} must be a slug like 'rituximab-375-weekly'")
    route = _require(d, "route", path)
    if route not in ROUTES:
        raise ContentError(f"{path}.route", f"must be one of {', '.join(ROUTES)}")
    product = d.get("product")
    if product is not None and known_products is not None and product not in known_products:
        raise ContentError(f"{path}.product", f"unknown product {product!r}")
    drug = d.get("drug")
    if drug is not None and (not isinstance(drug, str) or not SLUG.fullmatch(drug)):
        raise ContentError(f"{path}.drug", f"{drug!r} must be a medication id like 'colchicine'")
    conc = None
    if "concentration" in d:
        value, unit = _split_quantity(
            d["concentration"], f"{path}.concentration", CONCENTRATION_UNITS
        )
        conc = Concentration(value, unit)
    return Regimen(
        id=rid,
        therapy_id=therapy_id,
        label=bilingual_from(_require(d, "label", path), f"{path}.label"),
        route=route,
        source=source_from(d.get("source"), f"{path}.source", known_refs),
        dose=dose_from(d["dose"], f"{path}.dose") if "dose" in d else None,
        schedule=schedule_from(d["schedule"], f"{path}.schedule") if "schedule" in d else None,
        schedule_source=(
            source_from(d["schedule_source"], f"{path}.schedule_source", known_refs)
            if "schedule_source" in d
            else None
        ),
        product=product,
        concentration=conc,
        renal_caution=(
            bilingual_from(d["renal_caution"], f"{path}.renal_caution")
            if "renal_caution" in d
            else None
        ),
        notes=bilingual_from(d["notes"], f"{path}.notes") if "notes" in d else None,
        drug=drug,
    )


def product_from_dict(
    d: Mapping[str, Any],
    path: str = "products",
    known_refs: Sequence[str] | None = None,
) -> Product:
    pid = _require(d, "id", path)
    vials = []
    for i, vd in enumerate(d.get("vials", ())):
        vp = f"{path}.vials[{i}]"
        vials.append(
            Vial(
                _number(_require(vd, "strength_mg", vp), f"{vp}.strength_mg"),
                _number(_require(vd, "volume_ml", vp), f"{vp}.volume_ml"),
            )
        )
    fc = d.get("final_concentration_mg_ml")
    final_conc = None
    if fc is not None:
        spec = value_spec_from(fc, f"{path}.final_concentration_mg_ml")
        if spec.low is None:
            raise ContentError(f"{path}.final_concentration_mg_ml", "needs a minimum and a maximum")
        final_conc = (spec.low, spec.high)

    def opt_number(key: str) -> float | None:
        return _number(d[key], f"{path}.{key}") if key in d else None

    def opt_text(key: str) -> Bilingual | None:
        return bilingual_from(d[key], f"{path}.{key}") if key in d else None

    return Product(
        id=pid,
        name=bilingual_from(_require(d, "name", path), f"{path}.name"),
        form=bilingual_from(_require(d, "form", path), f"{path}.form"),
        source=source_from(d.get("source"), f"{path}.source", known_refs),
        concentration_mg_ml=opt_number("concentration_mg_ml"),
        vials=tuple(sorted(vials, key=lambda v: v.strength_mg, reverse=True)),
        final_volume_ml=opt_number("final_volume_ml"),
        final_concentration_mg_ml=final_conc,
        dose_step_mg=opt_number("dose_step_mg"),
        dose_step_note=opt_text("dose_step_note"),
        strengths_mg=tuple(_number(s, f"{path}.strengths_mg") for s in d.get("strengths_mg", ())),
        notes=opt_text("notes"),
        sources=_sources_list(d.get("sources", []), f"{path}.sources", known_refs),
    )


def _sources_list(v: Any, path: str, known_refs: Sequence[str] | None) -> tuple[Source, ...]:
    if not isinstance(v, list):
        raise ContentError(path, "must be a list of sources")
    return tuple(source_from(s, f"{path}[{i}]", known_refs) for i, s in enumerate(v))
