"""The one catalogue of words (``desktop.core.words``): every code in every language, and exactly
the codes the package uses.

``code_usage`` reads every code position of ``desktop/`` from the source (see its docstring). A
code built from a value (``f"route_name_{r.route}"``) is checked over the value's domain, named
below: a new route without a name, or a new family nobody declared, fails here.
"""

from __future__ import annotations

import string

import pytest

from desktop.core.calculators.bsa import BSA_FORMULAS
from desktop.core.calculators.cockcroft_gault import WEIGHT_BASES
from desktop.core.errors import CalxError, Issue
from desktop.core.formatting import INTERVAL_UNITS, WORD_UNITS
from desktop.core.measures import MEASURES
from desktop.core.messages import format_param, localized, render
from desktop.core.parsing import KINDS
from desktop.core.plan_check import ESTIMATE_WORDS
from desktop.core.regimen import ROUTES, VERIFICATIONS
from desktop.core.safety import SEVERITIES
from desktop.core.schedule import KIND_DAILY, KIND_DOSE, KIND_DRESSING, KIND_ON, KIND_SESSION
from desktop.core.words import CATALOGUE, LANGUAGES, MESSAGE_CODES, word
from desktop.data.content_diff import SECTIONS
from desktop.reports.patient_copy import SLOTS
from tests.core.code_usage import code_usage

ANSWERS = ("yes", "no", "unknown")
SEXES = ("female", "male")
ACTIONS = ("added", "changed", "removed")
ESTIMATES = tuple(ESTIMATE_WORDS)
PATIENT_FACTS = ("pregnant=yes", "pregnant=unknown", "breastfeeding=yes", "breastfeeding=unknown")

# A code built from a value the source does not spell out: (prefix, suffix) → the values.
FAMILIES: dict[tuple[str, str], tuple[str, ...]] = {
    ("alert_patient_", ""): PATIENT_FACTS,
    ("estimate_", ""): ESTIMATES,
    ("frequency_", ""): tuple(str(n) for n in range(1, 13)),
    ("interval_every_", ""): INTERVAL_UNITS,
    ("interval_one_", ""): INTERVAL_UNITS,
    ("measure_", ""): KINDS,
    ("metric_", ""): ("bmi", "ibw", "abw", "crcl", "egfr"),
    ("severity_", ""): SEVERITIES,
    ("sex_", ""): SEXES,
    ("slot_", ""): SLOTS,
    ("unit_", "_one"): WORD_UNITS,
    ("unit_", "_many"): WORD_UNITS,
    ("weight_basis_", ""): WEIGHT_BASES,
    ("working_bsa_", ""): tuple(key.replace("-", "_") for key in BSA_FORMULAS),
}
# A code that is an attribute's value, or built from one: "attribute:prefix*suffix" → values.
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "action:diff_*": ACTIONS,
    "action:diff_*_f": ACTIONS,
    "breastfeeding:answer_*": ANSWERS,
    "pregnant:answer_*": ANSWERS,
    "kind:*": KINDS,  # a typed measurement's label
    "kind:kind_*": (KIND_DOSE, KIND_SESSION, KIND_DRESSING, KIND_DAILY, KIND_ON),  # not a pause
    "lang:language_*": LANGUAGES,
    "name:estimate_*": ESTIMATES,
    "out_of_range_code:*": tuple(m.out_of_range_code for m in MEASURES.values()),
    "route:route_*": ROUTES,
    "route:route_name_*": ROUTES,
    "section:diff_*": SECTIONS,
    "sex:sex_*": SEXES,
    "verification:*": VERIFICATIONS,
    "verification_code:*": (*VERIFICATIONS, "as_reported"),
    "weight_basis:weight_basis_*": WEIGHT_BASES,
}

USAGE = code_usage()


def used_codes() -> dict[str, list[str]]:
    """Every code the package uses, with where."""
    used = {code: list(where) for code, where in USAGE.exact.items()}
    for (prefix, suffix), where in USAGE.families.items():
        for value in FAMILIES.get((prefix, suffix), ()):
            used.setdefault(f"{prefix}{value}{suffix}", []).extend(where)
    for key, where in USAGE.attributes.items():
        prefix, _, suffix = key.partition(":")[2].partition("\0")
        for value in ATTRIBUTES.get(key.replace("\0", "*"), ()):
            used.setdefault(f"{prefix}{value}{suffix}", []).extend(where)
    return used


USED = used_codes()


def test_every_code_position_is_read() -> None:
    assert not USAGE.unresolved, (
        "a code is computed in a way the guard cannot read; spell it out, or build it from a "
        "table of codes: " + "; ".join(USAGE.unresolved)
    )
    families = set(USAGE.families) - set(FAMILIES)
    assert not families, f"declare the values of these code families in FAMILIES: {families}"
    attributes = {k.replace("\0", "*") for k in USAGE.attributes} - set(ATTRIBUTES)
    assert not attributes, f"declare the values of these attributes in ATTRIBUTES: {attributes}"


def test_the_guard_sees_the_codes_a_regex_missed() -> None:
    # Codes raised through a table, a variable or a helper (the old regex over
    # CalxError("...") and Issue("...") found none of these).
    for code in (
        "weight_out_of_range",
        "needs_weight",
        "working_bsa_mosteller",
        "working_course_total_days",
        "plan_date_invalid",
        "route_name_iv",
        "dose_to_give",
        "as_reported",
    ):
        assert code in USED, code


def test_no_unknown_code_is_used() -> None:
    unknown = {code: where[:3] for code, where in USED.items() if code not in CATALOGUE}
    assert not unknown, f"codes used without words in desktop/core/words/: {unknown}"


def test_no_unused_code_is_kept() -> None:
    unused = sorted(set(CATALOGUE) - set(USED))
    assert not unused, f"codes of the catalogue that nothing uses (remove them): {unused}"


def test_the_languages_are_the_catalogue_s() -> None:
    assert set(LANGUAGES) == {"fr", "en"}
    assert set(CATALOGUE) >= MESSAGE_CODES


def language_problems(texts: dict[str, str]) -> list[str]:
    """What is wrong with one code's texts: a language missing or empty, parameters that differ
    between languages."""

    def fields(text: str) -> frozenset[str]:
        return frozenset(f for _, f, _, _ in string.Formatter().parse(text) if f)

    problems = [f"no {lang}" for lang in LANGUAGES if not texts.get(lang, "").strip()]
    problems += [f"unknown language {lang}" for lang in texts if lang not in LANGUAGES]
    if not problems and len({fields(texts[lang]) for lang in LANGUAGES}) > 1:
        problems.append("parameters differ")
    return problems


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_code_has_every_language_with_the_same_parameters(code: str) -> None:
    assert not language_problems(dict(CATALOGUE[code])), code


def test_the_language_check_fails_on_a_missing_or_different_language() -> None:
    assert language_problems({"en": "Only English"}) == ["no fr"]
    assert language_problems({"en": "A", "fr": " "}) == ["no fr"]
    assert language_problems({"en": "{n} days", "fr": "{m} jours"}) == ["parameters differ"]
    assert language_problems({"en": "{n} days", "fr": "{n} jours"}) == []


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_no_text_formats_or_hides_a_parameter(code: str) -> None:
    # Words that differ by language are one localised parameter, never a pair of which each
    # text hides one with a format spec such as "{unit_fr:.0}".
    for lang in LANGUAGES:
        specs = [
            (f, spec)
            for _, f, spec, _ in string.Formatter().parse(CATALOGUE[code][lang])
            if f is not None and spec
        ]
        assert not specs, (code, lang, specs)


def test_word_fills_parameters_for_the_language() -> None:
    assert word("page_of", "en", n=2, m=3) == "Page 2 of 3"
    assert word("page_of", "fr", n=2, m=3) == "Page 2 sur 3"
    assert word("off_label", "fr") == "hors AMM"
    assert word("off_label", "de") == "off-label"  # a language Calx does not know reads English


def test_render_fills_parameters_with_the_language_decimal_mark() -> None:
    issue = Issue("internal_error", {"detail": 1.5})
    assert render(issue, "en").endswith("1.5")
    assert render(issue, "fr").endswith("1,5")


def test_unknown_code_renders_as_the_code_rather_than_crashing() -> None:
    assert render(CalxError("no_such_code").issue, "fr") == "no_such_code"


def test_messages_for_clinicians_name_no_flag_or_build_step() -> None:
    for code in MESSAGE_CODES:
        for lang in LANGUAGES:
            text = CATALOGUE[code][lang]
            assert "make db" not in text and " --" not in text and "`calx" not in text, (
                code,
                lang,
                text,
            )


@pytest.mark.parametrize(
    ("value", "en", "fr"),
    [
        (2.0, "2", "2"),
        (0.5, "0.5", "0,5"),
        (681.7948, "681.7948", "681,7948"),
        (2720, "2,720", "2\u00a0720"),
    ],
)
def test_format_param_follows_the_display_rules(value: float, en: str, fr: str) -> None:
    assert format_param(value, "en") == en
    assert format_param(value, "fr") == fr


def test_a_localized_parameter_prints_the_text_of_the_language() -> None:
    weeks = localized(en="weeks", fr="semaines")
    assert weeks == {"en": "weeks", "fr": "semaines"}  # plain JSON for saved plans
    assert (format_param(weeks, "en"), format_param(weeks, "fr")) == ("weeks", "semaines")
    assert format_param(weeks, "de") == "weeks"  # like the templates: English otherwise
    issue = Issue("choice_not_whole", {"name": "on", "value": 4.5, "unit": weeks})
    assert render(issue, "en").endswith("(4.5 weeks is not).")
    assert render(issue, "fr").endswith("(4,5 semaines n'en est pas un).")


def test_a_code_defined_in_two_areas_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    from desktop.core import words

    one = types.SimpleNamespace(__name__="one", WORDS={"same": {"en": "a", "fr": "a"}})
    two = types.SimpleNamespace(__name__="two", WORDS={"same": {"en": "b", "fr": "b"}})
    monkeypatch.setattr(words, "AREAS", (one, two))
    with pytest.raises(ValueError, match="same"):
        words._merge()


def test_unknown_language_names_the_languages_of_the_catalogue() -> None:
    from desktop.core.words import unknown_language

    issue = CalxError("unknown_language", field="lang", **unknown_language("de")).issue
    assert render(issue, "en") == "Unknown language “de”: use fr or en."
    assert render(issue, "fr") == "Langue inconnue « de » : utilisez fr ou en."
