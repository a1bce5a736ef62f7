"""One presenter for a dose: the window, both PDFs and the command line show the same dose text
for every regimen of the knowledge base (``desktop.core.presenting.dose_text``).

Before issue 11 they disagreed: diltiazem was "240 mg per day" in the window and "240 mg daily"
on the command line, and the clinician copy repeated the daily dose on a row of its own.
"""

from __future__ import annotations

import io
import re
from datetime import date

import pypdf
import pytest

LANGS = ("en", "fr")


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    return _squeeze("".join(page.extract_text() or "" for page in reader.pages))


def _cases(db):
    from desktop.core.choices import choice_specs

    for listed in db.therapies("en"):
        for regimen in db.therapy(listed.id).regimens:
            product = db.product(regimen.product) if regimen.product else None
            choices = {
                s.name: s.options[-1] for s in choice_specs(regimen, product) if s.default is None
            }  # an "up to" needs a choice: its highest step
            yield regimen, choices


@pytest.mark.parametrize("lang", LANGS)
def test_window_pdfs_and_cli_show_the_same_dose_text(qtbot, window, capsys, lang):
    from desktop.cli.main import main
    from desktop.core.patient import Patient
    from desktop.core.presenting import dose_text
    from desktop.reports.model import build_plan
    from desktop.reports.pdf_plan import render_clinician_copy, render_patient_plan

    db = window.context.db
    window.context.set_language(lang)
    compute = window.compute_view
    compute.patient_panel.set_values(weight="70", height="170")
    patient, _ = Patient.from_inputs("70 kg", "170 cm")
    checked = 0
    for regimen, choices in _cases(db):
        window.compute_regimen(regimen.id)
        for name, value in choices.items():
            compute.choices.set_value(name, value)
        result = compute.computation.dose
        assert result is not None, regimen.id
        expected = dose_text(result, lang)
        if expected is None:  # the review gives no dose (triamcinolone, procedures)
            continue
        checked += 1
        shown = [v.text() for v in compute.dose_panel.values.values() if v.isVisibleTo(compute)]
        assert any(expected in t for t in shown), (regimen.id, expected, shown)

        argv = ["dose", regimen.id, "--weight", "70 kg", "--height", "170 cm", "--lang", lang]
        for name, value in choices.items():
            argv += ["--choose", f"{name}={value:g}"]
        assert main(argv) == 0
        assert expected in capsys.readouterr().out, (regimen.id, expected)

        plan = build_plan(
            db,
            patient,
            [regimen.id],
            date(2025, 3, 3),
            lang,
            choices={regimen.id: choices},
            prepared_on=date(2025, 3, 1),
            patient_name="A. Patient",
        )
        assert _squeeze(expected) in _pdf_text(render_clinician_copy(plan)), regimen.id
        assert _squeeze(expected) in _pdf_text(render_patient_plan(plan)), regimen.id
    assert checked >= 10  # every regimen with a dose (12 in content 2025)


def test_a_daily_dose_is_said_once_and_the_same_way(window):
    from desktop.core.presenting import dose_rows

    window.compute_regimen("diltiazem-180")
    compute = window.compute_view
    compute.patient_panel.set_values(weight="70")
    rows = dose_rows(compute.computation.dose, "en")
    assert [r.key for r in rows] == ["prescribed", "calculated"]  # no redundant daily row
    assert compute.dose_panel.values["calculated"].text() == "180 mg daily"
