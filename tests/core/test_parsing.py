"""The one parser for typed measurements: every accepted and refused form (docs/clinical.md §4)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.errors import CalxError
from desktop.core.parsing import PARSE_ERROR_CODES, parse_number, parse_quantity

# (text, kind, lang, expected canonical value, entered unit symbol). Expected values by hand:
# 154 lb × 0.45359237 = 69.85322498 kg; 67 in × 2.54 = 170.18 cm; 5 ft 7 in = 67 in;
# 85 µmol/L ÷ 88.4 = 0.96153846 mg/dL; 18 months = 1.5 years.
ACCEPTED = [
    ("70 kg", "weight", "en", 70.0, "kg"),
    ("70kg", "weight", "en", 70.0, "kg"),
    ("70 KG", "weight", "en", 70.0, "kg"),
    ("70", "weight", "en", 70.0, "kg"),
    ("  70  ", "weight", "fr", 70.0, "kg"),
    ("70,5 kg", "weight", "fr", 70.5, "kg"),
    ("70,5 kg", "weight", "en", 70.5, "kg"),
    ("70.5 kg", "weight", "fr", 70.5, "kg"),
    ("154 lb", "weight", "en", 69.85322498, "lb"),
    ("154 lbs", "weight", "en", 69.85322498, "lb"),
    ("154lbs.", "weight", "en", 69.85322498, "lb"),
    ("154 livres", "weight", "fr", 69.85322498, "lb"),
    ("70000 g", "weight", "en", 70.0, "g"),
    ("70 kilos", "weight", "fr", 70.0, "kg"),
    ("170 cm", "height", "en", 170.0, "cm"),
    ("170", "height", "en", 170.0, "cm"),
    ("1.70 m", "height", "en", 170.0, "m"),
    ("1,70 m", "height", "fr", 170.0, "m"),
    ("1,70 m", "height", "en", 170.0, "m"),
    ("1.7m", "height", "en", 170.0, "m"),
    ("1700 mm", "height", "en", 170.0, "mm"),
    ("67 in", "height", "en", 170.18, "in"),
    ('67"', "height", "en", 170.18, "in"),
    ("67 inches", "height", "en", 170.18, "in"),
    ("5 ft 7 in", "height", "en", 170.18, "ft"),
    ("5ft7in", "height", "en", 170.18, "ft"),
    ("5'7\"", "height", "en", 170.18, "ft"),
    ("5' 7\"", "height", "en", 170.18, "ft"),
    ("5'7", "height", "en", 170.18, "ft"),
    ("5′7″", "height", "en", 170.18, "ft"),
    ("5 ft", "height", "en", 152.4, "ft"),
    ("5,5 ft", "height", "fr", 167.64, "ft"),
    ("1.09 mg/dL", "creatinine", "en", 1.09, "mg/dL"),
    ("1,09 mg/dl", "creatinine", "fr", 1.09, "mg/dL"),
    ("1.09", "creatinine", "en", 1.09, "mg/dL"),
    ("85 µmol/L", "creatinine", "en", 0.9615384615, "µmol/L"),
    ("85 μmol/L", "creatinine", "en", 0.9615384615, "µmol/L"),  # Greek mu
    ("85 umol/L", "creatinine", "en", 0.9615384615, "µmol/L"),
    ("85µmol/l", "creatinine", "fr", 0.9615384615, "µmol/L"),
    ("0,085 mmol/L", "creatinine", "en", 0.9615384615, "mmol/L"),
    ("55", "age", "en", 55.0, "yr"),
    ("55 years", "age", "en", 55.0, "yr"),
    ("55 ans", "age", "fr", 55.0, "yr"),
    ("18 months", "age", "en", 1.5, "mo"),
    ("18 mois", "age", "fr", 1.5, "mo"),
    ("0", "age", "en", 0.0, "yr"),
    (".5 kg", "weight", "en", 0.5, "kg"),
]


@pytest.mark.parametrize(("text", "kind", "lang", "value", "unit"), ACCEPTED)
def test_accepted_forms(text: str, kind: str, lang: str, value: float, unit: str) -> None:
    parsed = parse_quantity(text, kind, lang)  # type: ignore[arg-type]
    assert parsed.value_canonical == pytest.approx(value, rel=1e-9)
    assert parsed.unit_entered == unit
    assert parsed.original == text
    canonical = {
        "weight": "kilogram",
        "height": "centimeter",
        "creatinine": "milligram / deciliter",
        "age": "year",
    }[kind]
    assert str(parsed.quantity.units) == canonical
    assert parsed.quantity.magnitude == pytest.approx(value, rel=1e-9)


# (text, kind, lang, code)
REFUSED = [
    ("", "weight", "en", "input_empty"),
    ("   ", "height", "fr", "input_empty"),
    ("abc", "weight", "en", "not_a_number"),
    ("kg", "weight", "en", "not_a_number"),
    ("NaN", "weight", "en", "not_a_number"),
    ("nan kg", "weight", "en", "not_a_number"),
    ("inf", "weight", "en", "not_a_number"),
    ("Infinity kg", "weight", "en", "not_a_number"),
    ("1e3 kg", "weight", "en", "unit_unknown"),
    ("-70 kg", "weight", "en", "number_negative"),
    ("−70 kg", "weight", "en", "number_negative"),
    ("-5", "age", "en", "number_negative"),
    ("+70", "weight", "en", "not_a_number"),
    ("1,234.5 kg", "weight", "en", "number_ambiguous"),
    ("1.234,5 kg", "weight", "fr", "number_ambiguous"),
    ("1.2.3", "weight", "en", "number_ambiguous"),
    ("1,2,3", "weight", "fr", "number_ambiguous"),
    ("1,234 kg", "weight", "en", "number_ambiguous"),  # thousands separator in English?
    ("1.768 µmol/L", "creatinine", "fr", "number_ambiguous"),  # thousands separator in French?
    ("1 234 µmol/L", "creatinine", "fr", "number_ambiguous"),
    ("1\u00a0234 µmol/L", "creatinine", "fr", "number_ambiguous"),
    ("70 5", "weight", "en", "number_ambiguous"),
    ("70.", "weight", "en", "number_ambiguous"),
    ("70 kgg", "weight", "en", "unit_unknown"),
    ("70 U", "weight", "en", "unit_unknown"),
    ("10 units", "weight", "en", "unit_unknown"),
    ("1,85 m**2", "height", "fr", "unit_unknown"),  # pint would read 185 m²
    ("170 cm", "weight", "en", "wrong_unit_kind"),
    ("70 kg", "height", "en", "wrong_unit_kind"),
    ("5 ft 7 in", "weight", "en", "wrong_unit_kind"),
    ("1.09 mg", "creatinine", "en", "wrong_unit_kind"),
    ("55 kg", "age", "en", "wrong_unit_kind"),
    ("85 µmol/L", "weight", "en", "wrong_unit_kind"),
    ("5 ft 14 in", "height", "en", "feet_inches_malformed"),
    ("1" * 61, "weight", "en", "input_too_long"),
    ("٧٠ kg", "weight", "en", "not_a_number"),  # non-ASCII digits are not read
]


@pytest.mark.parametrize(("text", "kind", "lang", "code"), REFUSED)
def test_refused_forms(text: str, kind: str, lang: str, code: str) -> None:
    with pytest.raises(CalxError) as caught:
        parse_quantity(text, kind, lang)  # type: ignore[arg-type]
    assert caught.value.code == code
    assert caught.value.field == kind
    assert code in PARSE_ERROR_CODES


def test_wrong_kind_names_what_was_expected_and_got() -> None:
    with pytest.raises(CalxError) as caught:
        parse_quantity("170 cm", "weight")
    assert caught.value.params["got"] == "cm"
    assert "kg" in caught.value.params["expected"]


def test_default_unit_is_a_parameter() -> None:
    assert parse_quantity("154", "weight", default_unit="lb").value_canonical == pytest.approx(
        69.85322498
    )
    assert parse_quantity("67", "height", default_unit="in").value_canonical == pytest.approx(
        170.18
    )
    assert parse_quantity(
        "85", "creatinine", default_unit="µmol/L"
    ).value_canonical == pytest.approx(0.9615384615)
    parsed = parse_quantity("70", "weight")
    assert parsed.unit_defaulted and parsed.unit_entered == "kg"
    assert not parse_quantity("70 kg", "weight").unit_defaulted


def test_a_default_unit_of_the_wrong_kind_is_refused() -> None:
    with pytest.raises(CalxError) as caught:
        parse_quantity("70", "weight", default_unit="cm")
    assert caught.value.code == "wrong_unit_kind"


@pytest.mark.parametrize(
    ("text", "kind", "lang", "note"),
    [
        ("154 lb", "weight", "en", "154 lb = 69.85 kg"),
        ("154 lb", "weight", "fr", "154 lb = 69,85 kg"),
        ("5 ft 7 in", "height", "en", "5 ft 7 in = 170.18 cm"),
        ("5'7\"", "height", "fr", "5 ft 7 in = 170,18 cm"),
        ("1,70 m", "height", "fr", "1,7 m = 170 cm"),
        ("85 µmol/L", "creatinine", "en", "85 µmol/L = 0.96 mg/dL"),
        ("85 µmol/L", "creatinine", "fr", "85 µmol/L = 0,96 mg/dL"),
        ("18 months", "age", "en", "18 months = 1.5 years"),
        ("18 mois", "age", "fr", "18 mois = 1,5 an"),
    ],
)
def test_conversion_note(text: str, kind: str, lang: str, note: str) -> None:
    assert parse_quantity(text, kind, lang).conversion_note(lang) == note  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "kind"),
    [("70 kg", "weight"), ("170", "height"), ("1.09 mg/dL", "creatinine"), ("55", "age")],
)
def test_no_conversion_note_in_the_canonical_unit(text: str, kind: str) -> None:
    assert parse_quantity(text, kind).conversion_note("en") is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("70", "en", 70.0),
        ("70.5", "en", 70.5),
        ("70,5", "fr", 70.5),
        ("0,085", "en", 0.085),
        ("1,5", "en", 1.5),
        ("1.234", "en", 1.234),
        ("1,234", "fr", 1.234),
        ("0", "en", 0.0),
    ],
)
def test_parse_number(text: str, lang: str, value: float) -> None:
    assert parse_number(text, lang) == value


# ---- properties

KINDS = st.sampled_from(["weight", "height", "creatinine", "age"])
UNITS = st.sampled_from(
    [
        "",
        "kg",
        "lb",
        "g",
        "cm",
        "m",
        "in",
        "ft",
        "'",
        '"',
        "mg/dL",
        "µmol/L",
        "umol/L",
        "years",
        "mois",
        "U",
        "units",
        "m**2",
        "e3",
        "%",
    ]
)
NUMBERISH = st.text(alphabet="0123456789.,- \u00a0'\"", max_size=12)


@settings(deadline=None, max_examples=300)
@given(text=st.text(max_size=80), kind=KINDS, lang=st.sampled_from(["en", "fr"]))
def test_any_text_gives_a_quantity_or_a_known_error(text: str, kind: str, lang: str) -> None:
    try:
        parsed = parse_quantity(text, kind, lang)  # type: ignore[arg-type]
    except CalxError as error:
        assert error.code in PARSE_ERROR_CODES
        assert error.field == kind
    else:
        assert parsed.value_canonical >= 0


@settings(deadline=None, max_examples=300)
@given(
    number=NUMBERISH,
    unit=UNITS,
    space=st.sampled_from(["", " "]),
    kind=KINDS,
    lang=st.sampled_from(["en", "fr"]),
)
def test_number_like_text_gives_a_quantity_or_a_known_error(
    number: str, unit: str, space: str, kind: str, lang: str
) -> None:
    try:
        parsed = parse_quantity(number + space + unit, kind, lang)  # type: ignore[arg-type]
    except CalxError as error:
        assert error.code in PARSE_ERROR_CODES
    else:
        assert parsed.value_canonical >= 0
        assert parsed.value_canonical == parsed.value_canonical  # not NaN


@settings(deadline=None)
@given(
    whole=st.integers(min_value=0, max_value=99_999),
    fraction=st.text("0123456789", min_size=1, max_size=2),
    lang=st.sampled_from(["en", "fr"]),
)
def test_decimal_comma_and_point_read_the_same(whole: int, fraction: str, lang: str) -> None:
    assert (
        parse_number(f"{whole},{fraction}", lang)
        == parse_number(f"{whole}.{fraction}", lang)
        == float(f"{whole}.{fraction}")
    )


@settings(deadline=None)
@given(st.floats(min_value=0.5, max_value=1000, allow_nan=False).map(lambda x: round(x, 2)))
def test_pounds_round_trip(pounds: float) -> None:
    parsed = parse_quantity(f"{pounds} lb", "weight")
    assert parsed.quantity.to("lb").magnitude == pytest.approx(pounds, rel=1e-12)
    assert parsed.value_canonical == pytest.approx(pounds * 0.45359237, rel=1e-12)


@settings(deadline=None)
@given(st.floats(min_value=10, max_value=110, allow_nan=False).map(lambda x: round(x, 2)))
def test_inches_round_trip(inches: float) -> None:
    parsed = parse_quantity(f"{inches} in", "height")
    assert parsed.quantity.to("in").magnitude == pytest.approx(inches, rel=1e-12)
    assert parsed.value_canonical == pytest.approx(inches * 2.54, rel=1e-12)


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=8), st.integers(min_value=0, max_value=11))
def test_feet_and_inches_equal_total_inches(feet: int, inches: int) -> None:
    assert parse_quantity(f"{feet}'{inches}\"", "height").value_canonical == pytest.approx(
        parse_quantity(f"{feet * 12 + inches} in", "height").value_canonical, rel=1e-12
    )
