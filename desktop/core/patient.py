"""The measurements of one patient, checked once, in canonical units.

``Patient.from_inputs`` reads what the clinician typed (any accepted unit, French or English
numbers), refuses what is outside the hard limits and returns the soft-limit warnings with the
patient (docs/clinical.md §4). Code that already has quantities uses the plain constructor, which
converts them to kg / cm / mg/dL and applies the same hard limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from desktop.core.errors import CalxError, Issue
from desktop.core.limits import check_hard, require_within, soft_warnings
from desktop.core.measures import MEASURES
from desktop.core.parsing import ParsedQuantity, measure_params, parse_quantity

if TYPE_CHECKING:
    import pint

Sex = Literal["female", "male"]
SEXES: tuple[str, ...] = ("female", "male")
# Pregnancy and breastfeeding: asked, answered or not (the plan check reminds when "unknown").
Status = Literal["yes", "no", "unknown"]
STATUSES: tuple[str, ...] = ("yes", "no", "unknown")
_STATUS_WORDS: dict[str, str] = {
    "yes": "yes",
    "y": "yes",
    "oui": "yes",
    "o": "yes",
    "true": "yes",
    "no": "no",
    "n": "no",
    "non": "no",
    "false": "no",
    "unknown": "unknown",
    "?": "unknown",
    "inconnu": "unknown",
    "inconnue": "unknown",
    "ne sait pas": "unknown",
    "nsp": "unknown",
}
MAX_CURRENT_MEDICATIONS = 50
MAX_MEDICATION_NAME_CHARS = 100


def parse_status(text: str | None, field_name: str) -> Status:
    """ "yes"/"no"/"unknown" from typed text (also oui/non/inconnu); "unknown" for no input."""
    if text is None or not str(text).strip():
        return "unknown"
    status = _STATUS_WORDS.get(str(text).strip().casefold())
    if status is None:
        raise _status_error(field_name, str(text))
    return status  # type: ignore[return-value]


def _status_error(field_name: str, text: str) -> CalxError:
    from desktop.core.words import texts

    question = texts("question_pregnant" if field_name == "pregnant" else "question_breastfeeding")
    return CalxError("status_unknown", field=field_name, text=text.strip()[:40], question=question)


@dataclass(frozen=True)
class CurrentMedication:
    """A medication the patient already takes: the name as typed and, when Calx knows it, the id
    of its medication list. An unknown name is kept (shown "not checked"), never dropped."""

    name: str
    medication_id: str | None = None


# Accepted spellings of sex in typed input (both languages; "m" is male in both).
_SEX_WORDS: dict[str, str] = {
    "female": "female",
    "f": "female",
    "woman": "female",
    "femme": "female",
    "féminin": "female",
    "feminin": "female",
    "male": "male",
    "m": "male",
    "man": "male",
    "homme": "male",
    "h": "male",
    "masculin": "male",
}


def parse_sex(text: str | None) -> Sex | None:
    """ "female"/"male" from typed text (also F/M, femme/homme, H); None for no input."""
    if text is None or not text.strip():
        return None
    sex = _SEX_WORDS.get(text.strip().lower())
    if sex is None:
        raise CalxError("sex_unknown", field="sex", text=text.strip())
    return sex  # type: ignore[return-value]


# The second patient identifier (docs/clinical.md §7): a date of birth and/or a record number.
# A record number is short printable text (letters, digits, spaces and - / . _ #), as hospitals
# write them.
EARLIEST_BIRTH_DATE = date(1900, 1, 1)
MAX_RECORD_NUMBER = 40
_RECORD_NUMBER = re.compile(r"[\w\-/.# ]+")


def parse_birth_date(text: str | None) -> date | None:
    """A date of birth typed as YYYY-MM-DD; None for no input."""
    if text is None or not text.strip():
        return None
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise CalxError("birth_date_invalid", field="birth_date", value=text.strip()[:40]) from None
    return check_birth_date(value)


def check_birth_date(value: date) -> date:
    if not isinstance(value, date) or value < EARLIEST_BIRTH_DATE:
        raise CalxError("birth_date_invalid", field="birth_date", value=str(value)[:40])
    return value


def check_record_number(text: str | None) -> str:
    """The record number, stripped; "" for none. Refuses control characters and long text."""
    value = "" if text is None else str(text).strip()
    if value and (len(value) > MAX_RECORD_NUMBER or not _RECORD_NUMBER.fullmatch(value)):
        raise CalxError(
            "record_number_invalid", field="record_number", value=value[:60], max=MAX_RECORD_NUMBER
        )
    return value


def _convert(value: Any, kind: str) -> pint.Quantity:
    from desktop.core.units import creatinine_mg_dl, is_quantity

    if not is_quantity(value):
        raise TypeError(f"{kind} must be a quantity of the Calx registry, not {value!r}")
    measure = MEASURES[kind]
    try:
        converted = creatinine_mg_dl(value) if kind == "creatinine" else value.to(measure.unit)
    except Exception as exc:  # a dimensionality error: wrong kind of quantity
        raise CalxError(
            "wrong_unit_kind",
            field=kind,
            expected=measure.expected,
            got=format(value.units, "~"),
            measure=measure_params(kind),
        ) from exc
    require_within(kind, float(converted.magnitude))
    return converted


@dataclass(frozen=True)
class Patient:
    """Weight in kg, height in cm, creatinine in mg/dL (pint quantities), age in years."""

    weight: pint.Quantity
    height: pint.Quantity | None = None
    sex: Sex | None = None
    age_years: float | None = None
    creatinine: pint.Quantity | None = None
    pregnant: Status = "unknown"
    breastfeeding: Status = "unknown"
    medications: tuple[CurrentMedication, ...] = ()
    # The second identifier printed beside the name on every page of a plan (not a measurement).
    birth_date: date | None = None
    record_number: str = ""
    # What was typed, for showing conversions ("154 lb = 69.85 kg"); not part of equality.
    entered: tuple[ParsedQuantity, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "weight", _convert(self.weight, "weight"))
        if self.height is not None:
            object.__setattr__(self, "height", _convert(self.height, "height"))
        if self.creatinine is not None:
            object.__setattr__(self, "creatinine", _convert(self.creatinine, "creatinine"))
        if self.sex is not None and self.sex not in SEXES:
            raise CalxError("sex_unknown", field="sex", text=str(self.sex))
        if self.age_years is not None:
            if isinstance(self.age_years, bool) or not isinstance(self.age_years, int | float):
                raise TypeError(f"age_years must be a number, not {self.age_years!r}")
            require_within("age", float(self.age_years))
            object.__setattr__(self, "age_years", float(self.age_years))
        for name in ("pregnant", "breastfeeding"):
            if getattr(self, name) not in STATUSES:
                raise _status_error(name, str(getattr(self, name)))
        meds = tuple(self.medications)
        if len(meds) > MAX_CURRENT_MEDICATIONS:
            raise CalxError(
                "too_many_medications", field="medications", max=MAX_CURRENT_MEDICATIONS
            )
        for med in meds:
            if (
                not isinstance(med, CurrentMedication)
                or not isinstance(med.name, str)
                or not med.name.strip()
                or len(med.name) > MAX_MEDICATION_NAME_CHARS
            ):
                raise CalxError(
                    "medication_name_invalid", field="medications", max=MAX_MEDICATION_NAME_CHARS
                )
        object.__setattr__(self, "medications", meds)
        if self.birth_date is not None:
            check_birth_date(self.birth_date)
        object.__setattr__(self, "record_number", check_record_number(self.record_number))

    # ---- plain numbers in canonical units, for formulas
    @property
    def weight_kg(self) -> float:
        return float(self.weight.magnitude)

    @property
    def height_cm(self) -> float | None:
        return None if self.height is None else float(self.height.magnitude)

    @property
    def creatinine_mg_dl(self) -> float | None:
        return None if self.creatinine is None else float(self.creatinine.magnitude)

    def warnings(self) -> list[Issue]:
        """Soft-limit warnings (unusual weight or height, implausible BMI)."""
        return soft_warnings(self.weight_kg, self.height_cm, self.age_years)

    def conversion_notes(self, lang: str = "en") -> list[str]:
        """ "154 lb = 69.85 kg" for every input typed in another unit than the canonical one."""
        return [note for p in self.entered if (note := p.conversion_note(lang))]

    @classmethod
    def from_inputs(
        cls,
        weight: str,
        height: str | None = None,
        sex: str | None = None,
        age: str | None = None,
        creatinine: str | None = None,
        lang: str = "en",
        weight_unit: str = "kg",
        height_unit: str = "cm",
        pregnant: str | None = None,
        breastfeeding: str | None = None,
        medications: tuple[CurrentMedication, ...] = (),
        birth_date: str | None = None,
        record_number: str | None = None,
    ) -> tuple[Patient, list[Issue]]:
        """Parse typed inputs, refuse hard-limit violations (``CalxError`` naming the field) and
        return the patient with its soft-limit warnings. Bare numbers take ``weight_unit`` /
        ``height_unit``, mg/dL for creatinine and years for age."""

        def read(text: str | None, kind: str, unit: str | None = None) -> ParsedQuantity | None:
            if text is None or (isinstance(text, str) and not text.strip()):
                return None
            parsed = parse_quantity(text, kind, lang, default_unit=unit)  # type: ignore[arg-type]
            check_hard(parsed)
            return parsed

        if weight is None or not str(weight).strip():
            raise CalxError("input_empty", field="weight", measure=measure_params("weight"))
        w = read(weight, "weight", weight_unit)
        h = read(height, "height", height_unit)
        a = read(age, "age")
        c = read(creatinine, "creatinine")
        assert w is not None
        patient = cls(
            weight=w.quantity,
            height=h.quantity if h else None,
            sex=parse_sex(sex),
            age_years=a.value_canonical if a else None,
            creatinine=c.quantity if c else None,
            pregnant=parse_status(pregnant, "pregnant"),
            breastfeeding=parse_status(breastfeeding, "breastfeeding"),
            medications=tuple(medications),
            birth_date=parse_birth_date(birth_date),
            record_number=check_record_number(record_number),
            entered=tuple(p for p in (w, h, a, c) if p is not None),
        )
        return patient, patient.warnings()
