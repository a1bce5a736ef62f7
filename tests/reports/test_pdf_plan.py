"""The printed plans: what a patient and a clinician read, checked in the extracted PDF text.

Worked example (docs/clinical.md §2, §3): 80 kg, 180 cm → Mosteller BSA √(180 × 80 / 3600)
= 2.00 m²; rituximab 375 mg/m² × 2.00 m² = 750 mg, already on the 10 mg step (deviation 0 %);
750 mg of the 10 mg/mL concentrate = 75 mL; vials 500 and 100 mg: 1 × 500 + 3 × 100 wastes
50 mg (the least; 8 × 100 wastes as much with more vials). Weekly × 4 from Monday 3 March 2025:
3, 10, 17, 24 March; the second course 18 months later (3 September 2026) lies past the
12-month calendar.
"""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest
from plan_helpers import PREPARED_ON, PlanMaker, flat, page_bodies, pdf_pages, squeeze

from desktop.core.words import word
from desktop.data.refdb import ReferenceDB
from desktop.reports.model import ContactLine
from desktop.reports.pdf_plan import render_clinician_copy, render_patient_plan, render_plan

ALL = [
    "rituximab-375-weekly",
    "minocycline-cyclic",
    "hydrocolloid-dressing-every-3-days",
    "bisphosphonates",
]
MINO = {"minocycline-cyclic": {"dose": 100, "on": 6, "off": 3}}


def _text(data: bytes) -> str:
    return flat("\n".join(pdf_pages(data)))


# --------------------------------------------------------------------------- patient copy


def test_patient_plan_in_english_says_who_what_how_much_and_when(make_plan: PlanMaker) -> None:
    text = _text(render_patient_plan(make_plan(ALL, choices=MINO)))
    assert "Your treatment plan" in text
    assert "Zoë Martin" in text and "Dr Claire Dupont" in text
    assert "1 March 2025" in text  # prepared on
    assert "Dose: 750 mg per infusion." in text  # 375 mg/m² × 2.00 m²
    assert "By drip (infusion) into a vein, in hospital." in text
    for d in ("3 March 2025", "10 March 2025", "17 March 2025", "24 March 2025"):
        assert d in text
    assert "Next date after this calendar: 3 September 2026." in text
    # minocycline cycles: 6 weeks on from 3 March (last day 13 April), 3 months off
    assert "100 mg daily" in text
    assert "In cycles: every day for 6 weeks, then a break of 3 months." in text
    assert "from 3 March 2025 to 13 April 2025" in text


def test_patient_plan_carries_the_reviews_practical_advice(make_plan: PlanMaker) -> None:
    text = _text(render_patient_plan(make_plan(ALL, choices=MINO)))
    # bisphosphonates: fasting, a full glass of water, no food for half an hour
    assert "empty stomach" in text and "240 mL" in text and "half an hour" in text
    assert "As prescribed by your doctor:" in text  # no dose in the review: a line to fill
    # DuoDERM: the dressing steps, and change every 3 days or sooner if it leaks
    assert "3% hydrogen peroxide" in text
    assert "½ to 1 inch" in text
    assert "Every 3 days, from 3 March 2025." in text
    assert "every three days, or sooner if a lot of fluid leaks" in text
    # minocycline: its side effects in the record's plain words, and the cycles
    assert "What to watch for and when to call" in text and "make you dizzy" in text
    assert "Follow the timetable of treatment periods and breaks" in text
    # when to call (spreading redness, thick green or yellow discharge) and general measures
    assert "redness around a lesion is spreading" in text
    assert "thick green or yellow fluid" in text
    assert "not to smoke" in text and "from the cold" in text and "knocks and injuries" in text
    assert "Your contacts" in text and "In an emergency" in text


def test_patient_plan_in_french(make_plan: PlanMaker) -> None:
    text = _text(render_patient_plan(make_plan(ALL, lang="fr", choices=MINO)))
    assert "Votre plan de traitement" in text
    assert "1er mars 2025" in text  # French ordinal for the first
    assert "Dose : 750 mg par perfusion." in text
    assert "En perfusion dans une veine, à l'hôpital." in text
    for d in ("3 mars 2025", "10 mars 2025", "17 mars 2025", "24 mars 2025"):
        assert d in text
    assert "100 mg par jour" in text
    assert "Par cycles : tous les jours pendant 6 semaines, puis une pause de 3 mois." in text
    assert "eau oxygénée" in text and "à jeun" in text and "demi-heure" in text
    assert "vert ou jaune" in text
    assert "Page 1 sur" in text


def test_the_calendar_lists_dated_events_by_name_and_never_ticks_daily_doses(
    make_plan: PlanMaker,
) -> None:
    # 3-month calendar from Monday 3 March 2025: rituximab on 3, 10, 17, 24 March; probenecid
    # 500 mg three times daily every day: on the card, not on the calendar.
    plan = make_plan(
        ["rituximab-375-weekly", "probenecid-500-tid"],
        horizon_months=3,
        choices={"probenecid-500-tid": {"dose": 500}},
    )
    text = _text(render_patient_plan(plan))
    assert "☐" not in text  # no tick box for a daily medicine
    for d in (3, 10, 17, 24):
        assert f"Rituximab: infusion {(d + 4) // 7}" in text
    assert "Mon 3 Rituximab: infusion 1" in text
    assert "Mon 3 Probenecid: start" in text  # the daily medicine starts, once
    assert text.count("Probenecid: start") == 2  # page 1 "coming up" and the calendar
    for month in ("March 2025", "April 2025", "May 2025", "June 2025"):
        assert month in text  # 3 March to 2 June: four months
    assert "July 2025" not in text
    assert text.count("Nothing planned this month.") == 3


def test_a_cycle_pause_and_restart_are_named_on_their_days(make_plan: PlanMaker) -> None:
    # 6 weeks on from 3 March 2025 (last day 13 April), 3 months off from 14 April: restart on
    # 14 July 2025 (14 April + 3 months), pause again 6 weeks later on 25 August 2025.
    plan = make_plan(
        ["minocycline-cyclic"],
        horizon_months=6,
        choices={"minocycline-cyclic": {"dose": 100, "on": 6, "off": 3}},
    )
    text = _text(render_patient_plan(plan))
    assert "Mon 14 Minocycline: pause starts" in text
    assert "Mon 14 Minocycline: restart" in text
    assert "Mon 25 Minocycline: pause starts" in text
    assert "break" not in text.split("Your calendar")[1].split("What to watch")[0]


@pytest.mark.parametrize(("lang", "of"), [("en", "of"), ("fr", "sur")])
def test_every_page_has_page_n_of_m_content_version_and_intended_use(
    make_plan: PlanMaker, ref_db: ReferenceDB, lang: str, of: str
) -> None:
    meta = ref_db.metadata()
    for render in (render_patient_plan, render_clinician_copy):
        pages = [flat(p) for p in pdf_pages(render(make_plan(ALL, lang=lang, choices=MINO)))]
        assert len(pages) >= 2
        for n, page in enumerate(pages, 1):
            assert f"Page {n} {of} {len(pages)}" in page
            assert meta.content_version in page
            use = (
                "intended_use_patient"
                if render is render_patient_plan
                else "intended_use_clinician"
            )
            assert flat(word(use, lang)) in page


def test_a_saved_plan_reprints_byte_for_byte(make_plan: PlanMaker) -> None:
    from desktop.reports.model import PlanDocument

    plan = make_plan(ALL, choices=MINO)
    back = PlanDocument.from_json(plan.to_json())
    assert back == plan
    assert render_patient_plan(back) == render_patient_plan(plan)
    assert render_clinician_copy(back) == render_clinician_copy(plan)


def test_output_is_deterministic_and_dated_from_the_plan(make_plan: PlanMaker) -> None:
    first = render_patient_plan(make_plan(ALL, choices=MINO))
    again = render_patient_plan(make_plan(ALL, choices=MINO))
    assert first == again
    reader = pypdf.PdfReader(io.BytesIO(first))
    assert reader.metadata.creation_date.date() == PREPARED_ON
    later = render_patient_plan(make_plan(ALL, choices=MINO, prepared_on=date(2025, 3, 2)))
    assert later != first


def test_writes_to_a_path_or_a_stream(make_plan: PlanMaker, tmp_path) -> None:
    plan = make_plan()
    path = tmp_path / "plan.pdf"
    data = render_plan(plan, "patient", out=path)
    assert path.read_bytes() == data
    stream = io.BytesIO()
    render_patient_plan(plan, out=stream)
    assert stream.getvalue() == data
    assert not list(tmp_path.glob("*.part"))


# --------------------------------------------------------------------------- clinician copy


def test_clinician_copy_shows_the_working(make_plan: PlanMaker) -> None:
    text = _text(render_clinician_copy(make_plan(ALL, choices=MINO)))
    assert "Treatment plan: clinician copy" in text
    assert "Measured on 1 March 2025" in text
    assert "Weight 80 kg" in text and "Height 180 cm" in text
    assert "Serum creatinine 0.9 mg/dL" in text
    assert "2 m² (Mosteller" in text  # BSA formula and value
    # Body metrics as Compute shows them (docs/clinical.md §2): BMI 80 / 1.8² = 24.69;
    # Devine, woman: 45.5 + 2.3 × (180 / 2.54 − 60) = 70.49 kg;
    # adjusted: 70.49 + 0.4 × (80 − 70.49) = 74.3 kg
    assert "BMI 24.69 kg/m²" in text
    assert "Ideal body weight (Devine) 70.49 kg" in text
    assert "Adjusted body weight 74.3 kg" in text
    assert "Prescribed 375 mg/m²" in text
    assert "Calculated dose 750 mg" in text
    assert "Dose to give 750 mg (0% from the calculated dose)" in text
    assert "Volume to draw up 75 mL at 10 mg/mL" in text
    assert "1 × 500 mg + 3 × 100 mg (waste 50 mg)" in text
    assert "Case series, off-label, conflicting evidence" in text  # evidence level, flags
    assert "Daoussis D et al. Semin Arthritis Rheum 2012" in text  # references
    assert "as reported in the review" in text
    assert "Warnings" in text and "Off-label for calcinosis" in text
    assert "on = 6 weeks" in text and "off = 3 months" in text  # values used
    assert "plan-" in text and "2026.11" in text


def test_clinician_copy_in_french_uses_decimal_commas(make_plan: PlanMaker) -> None:
    from desktop.core.patient import Patient

    patient, _ = Patient.from_inputs("70,5 kg", "165 cm", lang="fr")
    text = _text(
        render_clinician_copy(make_plan(["infliximab-3-mg-kg"], lang="fr", patient=patient))
    )
    # 3 mg/kg × 70.5 kg = 211.5 mg → rounded to 210 mg (−0.7 %), 21 mL, 3 × 100 mg vials
    assert "Poids 70,5 kg" in text
    assert "Dose calculée 211,5 mg" in text
    assert "Dose à administrer 210 mg (-0,7 % par rapport à la dose calculée)" in text
    assert "Volume à prélever 21 mL à 10 mg/mL" in text
    assert "3 × 100 mg (perte 90 mg)" in text


def test_conversions_of_typed_units_are_shown(make_plan: PlanMaker) -> None:
    from desktop.core.patient import Patient

    patient, _ = Patient.from_inputs("154 lb", "180 cm", "female", "54", "80 µmol/L")
    text = _text(render_clinician_copy(make_plan(patient=patient)))
    assert "69.85 kg (entered as 154 lb)" in text  # 154 × 0.45359237 = 69.853 kg
    assert "0.9 mg/dL (entered as 80 µmol/L)" in text  # 80 / 88.4 = 0.905 mg/dL


# --------------------------------------------------------------------------- hostile user text


HOSTILE = {
    "markup": "Zoë <b>& O'Brien",
    "font": "<font size=40>Big</font>",
    "entity": 'Ann &amp; &lt;Bob&gt; "quoted"',
    "emoji": "Émile 😀👍🏽 Durand",
    "arabic": "محمد عبد الله",
    "mixed": "Zoë محمد <i>x</i> ≥ → ² µ",
    "control": "Tab\tand\x00nul\x0bvt",
    "long": "Zoé-" + "Abcdefghij" * 500,  # 5,004 characters, one "word"
    "long_words": " ".join(["Maximilienne"] * 420),  # 5,459 characters of words
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
@pytest.mark.parametrize("copy", ["patient", "clinician"])
def test_hostile_names_produce_a_valid_pdf_with_the_text_as_typed(
    make_plan: PlanMaker, case: str, copy: str
) -> None:
    name = HOSTILE[case]
    # Names and signatures are at most 200 characters; notes take the whole text.
    plan = make_plan(patient_name=name[:200], prepared_by=name[:200], notes=name)
    data = render_plan(plan, copy)  # type: ignore[arg-type]
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
    assert len(reader.pages) >= 1
    text = page_bodies(data, word(f"header_{copy}", "en"))
    if case in ("markup", "font", "entity", "long", "long_words"):
        # printed as typed: the markup is text, never interpreted
        assert squeeze(name) in squeeze(text)
    if case == "emoji":
        # characters the font cannot draw are shown as a visible replacement mark
        assert "Émile" in text and "Durand" in text and "\ufffd" in text
    if case == "control":
        assert "Tab and nul vt" in flat(text)


@pytest.mark.parametrize("name", ["زينب العلي", "שרה כהן"])
@pytest.mark.parametrize("copy", ["patient", "clinician"])
def test_right_to_left_names_print_in_reading_order(
    make_plan: PlanMaker, name: str, copy: str
) -> None:
    """pypdf reads right-to-left runs back in reading order: it gives the name as typed (Arabic
    in its joined letter forms) only if the PDF draws it right to left. Drawn in typed order, it
    would read back reversed; unjoined, in isolated letters."""
    import arabic_reshaper

    plan = make_plan(patient_name=name, notes=name)
    data = render_plan(plan, copy)  # type: ignore[arg-type]
    drawn = page_bodies(data, word(f"header_{copy}", "en"))
    joined = arabic_reshaper.reshape(name)
    assert squeeze(joined) in squeeze(drawn)
    assert squeeze(joined[::-1]) not in squeeze(drawn)
    if joined != name:
        assert squeeze(name) not in squeeze(drawn)  # never isolated letters


def test_mixed_direction_text_is_handed_to_the_pdf_in_visual_order() -> None:
    from desktop.reports.styles import FONT, one_line, register_fonts, user_text

    register_fonts()
    assert user_text("Zoë Martin") == "Zoë Martin"  # left to right: untouched
    # The bidi algorithm puts the Arabic word (joined) after the number on a left-to-right line.
    assert user_text("Zoë زينب 12 mg") == "Zoë 12 ﺐﻨﻳﺯ mg"
    long = "زينب " * 40
    cut = one_line(long, FONT, 9.5, 100)
    assert cut.startswith("…") and "ﺯ" not in cut[:2]  # cut at the end of the reading order


def test_a_right_to_left_line_too_long_for_one_printed_line_is_refused(
    make_plan: PlanMaker,
) -> None:
    from desktop.core.errors import CalxError

    with pytest.raises(CalxError) as err:
        make_plan(notes="زينب " * 20)
    assert err.value.code == "plan_text_rtl_too_long"
    make_plan(notes="\n".join(["زينب العلي"] * 20))  # short lines: fine


def test_markup_in_contacts_and_prepared_by_is_printed_as_typed(make_plan: PlanMaker) -> None:
    plan = make_plan(
        prepared_by="Dr <i>Who</i>",
        notes="Line <two> & three",
        contacts=[ContactLine("Nurse <Anne>", "01 23 45 67 89")],
    )
    text = _text(render_patient_plan(plan))
    assert "Dr <i>Who</i>" in text
    assert "Line <two> & three" in text
    assert "Nurse <Anne> 01 23 45 67 89" in text


def test_a_patient_plan_without_optional_texts_still_reads(make_plan: PlanMaker) -> None:
    text = _text(render_patient_plan(make_plan(prepared_by="", notes="")))
    assert "Prepared by" not in text
    assert "Notes" not in text
    assert "Doctor" in text and "Nurse" in text  # the contact lines to fill


def test_same_inputs_give_the_same_bytes_in_another_process(
    make_plan: PlanMaker, ref_db_path
) -> None:
    import hashlib
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import hashlib, sys\n"
        "from datetime import date\n"
        "from desktop.core.patient import Patient\n"
        "from desktop.data.refdb import ReferenceDB\n"
        "from desktop.reports.model import build_plan\n"
        "from desktop.reports.pdf_plan import render_patient_plan\n"
        "p, _ = Patient.from_inputs('80 kg', '180 cm', 'female', '54', '0.9 mg/dL')\n"
        "with ReferenceDB.open(sys.argv[1]) as db:\n"
        "    plan = build_plan(db, p, ['rituximab-375-weekly', 'bisphosphonates'],\n"
        "                      date(2025, 3, 3), 'fr', None, 'Dr Claire Dupont',\n"
        "                      date(2025, 3, 1), patient_name='Zoë Martin')\n"
        "print(hashlib.sha256(render_patient_plan(plan)).hexdigest())\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", script, str(ref_db_path)],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    here = render_patient_plan(make_plan(["rituximab-375-weekly", "bisphosphonates"], lang="fr"))
    assert out.stdout.strip() == hashlib.sha256(here).hexdigest()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_page_of_the_clinician_copy_ends_with_a_heading_alone(
    make_plan: PlanMaker, lang: str
) -> None:
    # Plans whose references heading fell on the last line of page 2 before it was kept with
    # its first reference (found by sweeping every regimen with these patients).
    from desktop.core.patient import Patient

    header = "Calx · "  # the page header, drawn after the page's content
    headings = (word("references", lang), word("notes", lang))
    patients = [
        Patient.from_inputs("80 kg", "180 cm", lang=lang, pregnant="yes")[0],
        Patient.from_inputs("80 kg", "180 cm", "female", "80", "2 mg/dL", lang=lang)[0],
    ]
    for regimen in ("minocycline-daily", "probenecid-500-tid"):
        for patient in patients:
            plan = make_plan(
                [regimen],
                lang=lang,
                patient=patient,
                patient_name="Jeanne Test",
                choices={regimen: {"dose": 500}} if regimen.startswith("probenecid") else None,
            )
            for page in pdf_pages(render_clinician_copy(plan)):
                body = page[: page.rfind(header)].strip().splitlines()
                assert body[-1].strip() not in headings, (regimen, patient.pregnant)
