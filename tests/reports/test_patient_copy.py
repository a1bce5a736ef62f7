"""The patient copy's measured targets (issue 12, docs/clinical.md §7), over every regimen of the
content, in French and English: page counts, no clinical jargon, short sentences, both patient
identifiers and "page N of M" on every page; and the pieces of the copy (pill card, dated calendar,
team treatments, large print, tick sheet, the safety checks' patient instructions).

Worked example for the cycle: minocycline 6 weeks on from Monday 3 March 2025 (last day 13 April),
3 months off from 14 April, restart 14 July 2025 (14 April + 3 months), pause 25 August 2025.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pypdf
import pytest
from plan_helpers import PREPARED_ON, START, flat, pdf_pages
from readability import measure

from desktop.core.patient import Patient
from desktop.data.refdb import ReferenceDB
from desktop.reports.model import ContactLine, PlanDocument, build_plan
from desktop.reports.patient_copy import PatientStyles, interaction_words
from desktop.reports.pdf_plan import render_clinician_copy, render_patient_plan

LANGS = ("en", "fr")
JARGON_FILE = Path(__file__).with_name("patient_jargon.txt")
# Values inside the source's ranges for the regimens that need one (the dose of a range).
CHOICES = {
    "minocycline-cyclic": {"dose": 100, "on": 6, "off": 3},
    "minocycline-daily": {"dose": 100},
    "diltiazem-240-480": {"dose": 240},
    "probenecid-500-tid": {"dose": 500},
}
THREE = [
    ("rituximab-375-weekly", "infliximab-3-mg-kg", "minocycline-cyclic"),
    ("rituximab-1g-x2", "infliximab-3-mg-kg", "minocycline-cyclic"),
    ("rituximab-375-weekly", "infliximab-3-mg-kg", "minocycline-daily"),
    ("rituximab-1g-x2", "infliximab-3-mg-kg", "minocycline-daily"),
]
# The six (colchicine, diltiazem, minocycline, aluminium hydroxide, warfarin,
# ceftriaxone), then six that cover every other regimen of the content.
SIX = [
    (
        "colchicine-1mg-daily",
        "diltiazem-240-480",
        "minocycline-cyclic",
        "aluminium-hydroxide-30ml-qid",
        "warfarin-1mg-daily",
        "ceftriaxone-2g-20-days",
    ),
    (
        "rituximab-375-weekly",
        "infliximab-3-mg-kg",
        "triamcinolone-intralesional-4-8-weeks",
        "co2-laser-single-session",
        "eswl-3-sessions",
        "hydrocolloid-dressing-every-3-days",
    ),
    (
        "rituximab-1g-x2",
        "probenecid-500-tid",
        "diltiazem-180",
        "minocycline-daily",
        "colchicine-1mg-daily",
        "ceftriaxone-2g-20-days",
    ),
]


def _patient(**identifiers: str) -> Patient:
    patient, _ = Patient.from_inputs("80 kg", "180 cm", "female", "54", "0.9 mg/dL", **identifiers)
    return patient


PATIENT_ID = {"birth_date": "1961-04-23", "record_number": "MRN-004217"}
IDENTIFIER = {
    "en": "born 23 April 1961 · record MRN-004217",
    "fr": "né(e) le 23 avril 1961 · dossier MRN-004217",
}


@pytest.fixture(scope="module")
def plans(ref_db_path: Path) -> Iterator[dict[tuple[tuple[str, ...], str, bool], PlanDocument]]:
    """Plans built once per module, keyed by (regimens, language, large print)."""
    db = ReferenceDB.open(ref_db_path)
    cache: dict[tuple[tuple[str, ...], str, bool], PlanDocument] = {}

    class Plans(dict):  # type: ignore[type-arg]
        def __missing__(self, key: tuple[tuple[str, ...], str, bool]) -> PlanDocument:
            regimens, lang, large = key
            plan = build_plan(
                db,
                _patient(**PATIENT_ID),
                list(regimens),
                START,
                lang,
                {r: CHOICES[r] for r in regimens if r in CHOICES},
                "Dr Claire Dupont",
                PREPARED_ON,
                patient_name="Zoë Martin",
                large_print=large,
                contacts=[ContactLine("Rheumatology", "01 23 45 67 89")],
            )
            self[key] = plan
            return plan

    found = Plans(cache)
    yield found
    db.close()


_pages_cache: dict[tuple[tuple[str, ...], str, bool], list[str]] = {}


def _pages(plans: dict, regimens: tuple[str, ...], lang: str, large: bool = False) -> list[str]:
    key = (regimens, lang, large)
    if key not in _pages_cache:
        _pages_cache[key] = [flat(p) for p in pdf_pages(render_patient_plan(plans[key]))]
    return _pages_cache[key]


def _all_regimens(ref_db_path: Path) -> list[str]:
    with ReferenceDB.open(ref_db_path) as db:
        return [r.id for r in db.regimens()]


def _advice_only(ref_db_path: Path) -> tuple[str, ...]:
    with ReferenceDB.open(ref_db_path) as db:
        return tuple(t.id for t in db.therapies("en") if not db.therapy(t.id).regimens)


def _jargon() -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in JARGON_FILE.read_text("utf-8").splitlines())
    return [line for line in lines if line]


def _uses(term: str, text: str) -> bool:
    return re.search(rf"(?<![\w/-]){re.escape(term)}(?![\w/-])", text, re.IGNORECASE) is not None


# --------------------------------------------------------------------------- page counts


@pytest.mark.parametrize("lang", LANGS)
def test_one_treatment_over_12_months_fits_on_two_pages(
    plans: dict, ref_db_path: Path, lang: str
) -> None:
    regimens = _all_regimens(ref_db_path)
    assert len(regimens) >= 16
    for rid in regimens:
        pages = _pages(plans, (rid,), lang)
        assert len(pages) <= 2, (rid, len(pages))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("regimens", THREE, ids=lambda r: "+".join(r))
def test_rituximab_infliximab_and_minocycline_over_12_months_fit_on_four_pages(
    plans: dict, regimens: tuple[str, ...], lang: str
) -> None:
    assert len(_pages(plans, regimens, lang)) <= 4


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("regimens", SIX, ids=lambda r: "six-" + r[0])
def test_six_treatments_over_12_months_fit_on_five_pages(
    plans: dict, regimens: tuple[str, ...], lang: str
) -> None:
    assert len(_pages(plans, regimens, lang)) <= 5


def test_the_six_regimens_cover_every_regimen_of_the_content(ref_db_path: Path) -> None:
    assert set(_all_regimens(ref_db_path)) <= {r for six in SIX for r in six}


# --------------------------------------------------------------------------- every page


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_every_page_shows_the_name_the_second_identifier_and_page_n_of_m(
    plans: dict, lang: str, large: bool
) -> None:
    of = "of" if lang == "en" else "sur"
    for regimens in [*THREE[:1], *SIX]:
        pages = _pages(plans, regimens, lang, large)
        for n, page in enumerate(pages, 1):
            assert "Zoë Martin" in page and IDENTIFIER[lang] in page, (regimens, n)
            assert f"Page {n} {of} {len(pages)}" in page
        clinician = [
            flat(p) for p in pdf_pages(render_clinician_copy(plans[(regimens, lang, large)]))
        ]
        for n, page in enumerate(clinician, 1):
            assert IDENTIFIER[lang] in page and f"Page {n} {of} {len(clinician)}" in page


def test_without_an_identifier_every_page_has_a_line_to_write_it(ref_db: ReferenceDB) -> None:
    plan = build_plan(
        ref_db,
        _patient(),
        ["colchicine-1mg-daily"],
        START,
        "en",
        None,
        "",
        PREPARED_ON,
        patient_name="Zoë Martin",
    )
    for page in pdf_pages(render_patient_plan(plan)):
        assert "Zoë Martin · born ____________" in flat(page)


def test_a_long_name_is_cut_in_the_header_but_the_identifier_never_is(ref_db: ReferenceDB) -> None:
    plan = build_plan(
        ref_db,
        _patient(**PATIENT_ID),
        ["colchicine-1mg-daily"],
        START,
        "fr",
        None,
        "",
        PREPARED_ON,
        patient_name="Maximilienne " * 15,
        large_print=True,
    )
    for page in pdf_pages(render_patient_plan(plan)):
        assert any(
            line.startswith("Maximilienne") and line.endswith("…") for line in page.splitlines()
        )  # the name in the header, cut
        assert IDENTIFIER["fr"] in flat(page)


# --------------------------------------------------------------------------- plain words


@pytest.mark.parametrize("lang", LANGS)
def test_no_patient_text_uses_clinical_jargon(plans: dict, ref_db_path: Path, lang: str) -> None:
    jargon = _jargon()
    assert {
        "mg/m²",
        "BSA",
        "intralesional",
        "CYP3A4",
        "off-label",
        "bioavailability",
        "as reported in the review",
    } <= set(jargon)
    texts = {rid: " ".join(_pages(plans, (rid,), lang)) for rid in _all_regimens(ref_db_path)}
    texts["advice"] = " ".join(_pages(plans, _advice_only(ref_db_path), lang))
    found = sorted(
        {(key, term) for key, text in texts.items() for term in jargon if _uses(term, text)}
    )
    assert found == []


def test_the_jargon_check_finds_a_term_where_it_is() -> None:
    assert _uses("BSA", "the BSA is 2 m²") and _uses("mg/m²", "375 mg/m² weekly")
    assert not _uses("IV", "IVIG") and not _uses("tid", "tidy")


@pytest.mark.parametrize("lang", LANGS)
def test_every_therapys_patient_text_has_short_sentences(ref_db: ReferenceDB, lang: str) -> None:
    """Average at most 15 words a sentence, none over 25, in plain words (pyphen syllables)."""
    kinds = (
        "patient_name",
        "patient_purpose",
        "patient_advice",
        "instructions",
        "patient_food",
        "adverse_effects",
    )
    therapies = [ref_db.therapy(t.id) for t in ref_db.therapies(lang)]
    assert len(therapies) >= 30
    for therapy in therapies:
        texts = [s.text.get(lang) for kind in kinds for s in getattr(therapy, kind)]
        result = measure(texts, lang)
        assert result.sentences >= 1, therapy.id
        assert result.words_per_sentence <= 15, (therapy.id, result)
        assert result.longest <= 25, (therapy.id, result)
        assert result.syllables_per_word <= 2.0, (therapy.id, result)


def test_the_sentence_count_follows_the_text() -> None:
    result = measure(
        ["Take it in the morning. Then do not eat for half an hour; drink water."], "en"
    )
    assert (result.sentences, result.words, result.longest) == (3, 15, 8)
    assert measure(["médicament"], "fr").syllables_per_word == 4  # mé-di-ca-ment


def test_every_therapy_says_what_it_is_for(ref_db: ReferenceDB) -> None:
    for summary in ref_db.therapies("en"):
        therapy = ref_db.therapy(summary.id)
        assert therapy.patient_purpose, therapy.id
        assert all(s.source.ref for s in therapy.patient_purpose)


# --------------------------------------------------------------------------- the pieces


def test_page_one_holds_the_plan_at_a_glance(plans: dict) -> None:
    first = _pages(plans, THREE[0], "en")[0]
    for part in (
        "Zoë Martin",
        "23 April 1961",
        "MRN-004217",
        "Dr Claire Dupont",
        "Rheumatology: 01 23 45 67 89",
        "Your medicines at home",
        "Minocycline",
        "Coming up",
        "Monday 3 March 2025 Rituximab: infusion 1",
        "More dates in the calendar.",
    ):
        assert part in first
    # Five home medicines with the plan check's instructions: the card fills page 1, the next
    # dates follow at the top of page 2.
    first, second = _pages(plans, SIX[0], "en")[:2]
    assert "Your medicines at home" in first and "Warfarin" in first
    # the card: what for, how much, the times of day
    assert "To calm the inflammation around the calcium deposits." in first  # colchicine
    assert "With or without food." in first  # colchicine, from its US label
    assert "30 mL four times daily" in first  # aluminium
    assert first.count("30 mL") >= 1 + 4  # how much, then one per time of day
    for slot in ("Morning", "Midday", "Evening", "Bedtime"):
        assert slot in first
    assert "Coming up Monday 3 March 2025 Colchicine: start" in first + " " + second


def test_the_calendar_shows_every_month_and_says_when_nothing_happens(plans: dict) -> None:
    text = " ".join(_pages(plans, THREE[0], "en"))
    calendar = text.split("Your calendar")[1].split("What to watch for")[0]
    calendar = re.sub(r"\(\d{1,2} \w+ 20\d\d\)", "", calendar)  # the footer's content date
    months = re.findall(
        r"(?:January|February|March|April|May|June|July|August|September|"
        r"October|November|December) 20\d\d",
        calendar,
    )
    # 3 March 2025 to 2 March 2026 (the day before the horizon's end): 13 months, none missing
    assert months[0] == "March 2025" and months[-1] == "March 2026"
    assert len(months) == len(set(months)) == 13
    assert "Nothing planned this month." in calendar
    assert "Minocycline: pause starts" in calendar and "Minocycline: restart" in calendar
    assert "Infliximab: infusion 3" in calendar  # week 6: 14 April 2025
    assert "☐" not in text


def test_the_french_calendar_uses_names_and_plain_words(plans: dict) -> None:
    text = " ".join(_pages(plans, THREE[0], "fr"))
    assert "lun. 14 Minocycline : début de la pause" in text
    assert "lun. 14 Minocycline : reprise" in text
    assert "Rien de prévu ce mois-ci." in text


def test_each_team_treatment_has_its_handout_section(plans: dict) -> None:
    text = " ".join(_pages(plans, THREE[0], "en"))
    section = text.split("Treatments given by your care team")[1].split("Your calendar")[0]
    for part in (
        "Rituximab",
        "Infliximab",
        "What it is for",
        "How it is given",
        "When",
        "What to watch for: tell your team if you notice",
        "Reactions during the drip or soon after",  # rituximab SmPC 4.4/4.8
        "Serious infections, including tuberculosis",
    ):  # infliximab label
        assert part in section
    six = " ".join(_pages(plans, SIX[0], "en"))
    assert "watery or bloody, even weeks after the treatment" in six  # ceftriaxone label


def test_the_plan_checks_instructions_and_tests_are_printed_where_they_belong(plans: dict) -> None:
    """The plan check (issue 9) gives minocycline and aluminium hydroxide plain instructions and
    times warfarin's INR weekly: the card and "what to watch for" carry the instructions, the
    calendar one line a month with the test days, by the medicine's name."""
    plan = plans[(SIX[0], "en", False)]
    items = {i.regimen_id: i for i in plan.items}
    instructions = [i.get("en") for i in items["minocycline-cyclic"].patient_instructions]
    spacing = "Take minocycline and aluminium hydroxide more than 2 hours apart."
    assert spacing in instructions and len(instructions) >= 2
    text = flat(" ".join(pdf_pages(render_patient_plan(plan))))
    interactions = {i.get("en") for i in interaction_words(plan)}
    assert spacing in interactions
    for line in instructions:
        # an interaction ("what not to take with it") on the card and under what to watch for,
        # once each although it names two medicines; the others under what to watch for
        assert text.count(flat(line)) == (2 if line in interactions else 1), line
    (test,) = items["warfarin-1mg-daily"].tests
    march = [d.day for d in test.dates if d.month == 3 and d.year == 2025]
    assert len(march) >= 3  # weekly: grouped on one line
    first = date(2025, 3, march[0]).strftime("%a")
    days = f"{first} {march[0]}, " + ", ".join(str(d) for d in march[1:])
    assert f"{days} Warfarin: INR blood test" in text
    assert text.count("Warfarin: INR blood test") <= 13 + 5  # a line a month (+ page 1)


def test_large_print_keeps_the_content_with_bigger_type(plans: dict) -> None:
    styles = PatientStyles(large=True)
    for style in (
        styles.body,
        styles.small,
        styles.cell,
        styles.bullet,
        styles.slot,
        styles.bold,
        styles.muted,
        styles.label,
    ):
        assert style.fontSize >= 14
    for lang in LANGS:
        normal = " ".join(_pages(plans, SIX[0], lang))
        large = " ".join(_pages(plans, SIX[0], lang, True))
        assert len(_pages(plans, SIX[0], lang, True)) > len(_pages(plans, SIX[0], lang))
        words = set(re.findall(r"\w{6,}", normal)) - set(re.findall(r"\w{6,}", large))
        # only the card's column title ("When, and take care") and the header's title ("Calx ·
        # Treatment plan" shortened to "Calx" to leave room for the name) are not repeated
        assert words <= {"précautions", "Treatment"}, words


def test_the_tick_sheet_is_optional_and_has_a_box_per_dose_and_day(ref_db: ReferenceDB) -> None:
    def render(tick: bool) -> str:
        plan = build_plan(
            ref_db,
            _patient(**PATIENT_ID),
            ["aluminium-hydroxide-30ml-qid", "colchicine-1mg-daily"],
            START,
            "en",
            None,
            "",
            PREPARED_ON,
            patient_name="Zoë Martin",
            tick_sheet=tick,
        )
        return flat(" ".join(pdf_pages(render_patient_plan(plan))))

    assert "☐" not in render(False)
    assert render(True).count("☐") == (4 + 1) * 7  # four times a day + once a day, 7 days


# --------------------------------------------------------------------------- the PDF itself


@pytest.mark.parametrize("lang", LANGS)
def test_metadata_give_title_author_subject_and_language(plans: dict, lang: str) -> None:
    plan = plans[(THREE[0], lang, False)]
    for render, copy in ((render_patient_plan, "patient"), (render_clinician_copy, "clinician")):
        data = render(plan)
        meta = pypdf.PdfReader(io.BytesIO(data)).metadata
        assert meta.author == "Calx" and meta.title and meta.subject
        assert ("copie " if lang == "fr" else "") + copy[
            :5
        ] in meta.subject.lower() or copy in meta.subject.lower()
        assert "Zoë" not in f"{meta.title}{meta.subject}"  # no name leaves the page
        assert f"/Lang ({lang})".encode() in data


def test_the_same_plan_prints_the_same_bytes_in_large_print_too(plans: dict) -> None:
    plan = plans[(THREE[0], "fr", True)]
    again = PlanDocument.from_json(plan.to_json())
    assert again.large_print and render_patient_plan(again) == render_patient_plan(plan)


def test_the_clinician_copy_marks_every_evidence_line_with_its_verification(plans: dict) -> None:
    text = flat(" ".join(pdf_pages(render_clinician_copy(plans[(THREE[0], "en", False)]))))
    studies = re.findall(r"(?:improved|no effect|worsened|mixed) \[\d+\] \(([^)]*)\)", text)
    assert studies and set(studies) <= {
        "verified",
        "secondary source",
        "unverified",
        "as reported in the review",
    }
    assert "Daoussis" in text and "(verified)" in text


def test_the_clinician_copy_names_the_patient_with_both_identifiers(plans: dict) -> None:
    first = flat(pdf_pages(render_clinician_copy(plans[(THREE[0], "fr", False)]))[0])
    assert "Date de naissance 23 avril 1961" in first
    assert "Numéro de dossier MRN-004217" in first
    assert "Calx · Copie clinicien" in first  # the header says which copy it is


def test_a_plan_saved_before_the_identifiers_reopens_and_prints(plans: dict) -> None:
    """A snapshot written before this version has none of the new fields: they take their
    defaults (no identifier: a line to fill; normal print; no instructions)."""
    document = plans[(THREE[0], "en", False)].to_json()

    def strip(value: object) -> object:
        new = {
            "birth_date",
            "record_number",
            "large_print",
            "tick_sheet",
            "patient_name",
            "patient_purpose",
            "patient_food",
        }
        if isinstance(value, dict):
            # the plan's own patient_name (text) stays; the therapies' (a list) goes
            return {
                k: strip(v)
                for k, v in value.items()
                if k not in new or (k == "patient_name" and isinstance(v, str))
            }
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    old = PlanDocument.from_json(strip(document))  # type: ignore[arg-type]
    assert old.patient.birth_date is None and not old.large_print
    assert old.patient_name == "Zoë Martin"
    assert all(not i.therapy.patient_purpose for i in old.items)
    text = flat(" ".join(pdf_pages(render_patient_plan(old))))
    assert "Zoë Martin · born ____________" in text and "Rituximab: infusion 1" in text


def test_two_regimens_of_one_medicine_are_told_apart_by_their_amount(plans: dict) -> None:
    # The plan check flags them (AVOID); the copy must still say which dose each date is.
    # 375 mg/m² × √(180 cm × 80 kg / 3600) = 375 × 2.0 m² = 750 mg (Mosteller); the other 1 g.
    both = ("rituximab-375-weekly", "rituximab-1g-x2")
    text = " ".join(_pages(plans, both, "en"))
    for line in (
        "Mon 3 Rituximab (750 mg): infusion 1",
        "Mon 3 Rituximab (1,000 mg): infusion 1",
        "Mon 17 Rituximab (1,000 mg): infusion 2",
    ):
        assert line in text
    assert "Rituximab: infusion" not in text
    section = text.split("Treatments given by your care team")[1].split("Your calendar")[0]
    assert "Rituximab (750 mg) What it is for" in section
    assert "Rituximab (1,000 mg) What it is for" in section
    # Alone in its plan, a medicine keeps its bare name.
    alone = " ".join(_pages(plans, ("rituximab-375-weekly",), "en"))
    assert "Rituximab: infusion 1" in alone and "(750 mg)" not in alone


def test_two_regimens_of_one_medicine_with_the_same_amount_are_numbered(plans: dict) -> None:
    both = ("minocycline-daily", "minocycline-cyclic")  # 100 mg daily each
    text = " ".join(_pages(plans, both, "fr"))
    assert "Minocycline (traitement 1) : début" in text
    assert "Minocycline (traitement 2) : début de la pause" in text
    assert "Minocycline : " not in text
