"""``calx plan``: the files it writes, and its contract for refused input (exit 2, no file)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cli_runner import run_main
from icalendar import Calendar
from plan_helpers import flat, pdf_pages

from desktop.cli.plans import write_all
from desktop.core.errors import CalxError
from desktop.data.userdb import UserDB, sha256_hex

BASE = [
    "plan",
    "--patient",
    "Zoë <b>& O'Brien",
    "--weight",
    "80 kg",
    "--height",
    "180 cm",
    "--start",
    "2025-03-03",
    "--prepared-on",
    "2025-03-01",
    "--prepared-by",
    "Dr Dupont",
]


pytestmark = pytest.mark.usefixtures("cli_databases")


def test_writes_the_patient_plan_clinician_copy_and_calendar(tmp_path: Path, capsys) -> None:
    out, copy, ics = tmp_path / "plan.pdf", tmp_path / "copy.pdf", tmp_path / "plan.ics"
    code = run_main(
        [
            *BASE,
            "--regimen",
            "rituximab-375-weekly",
            "--regimen",
            "minocycline-cyclic",
            "--choose",
            "minocycline-cyclic:dose=100",
            "--choose",
            "minocycline-cyclic:on=6",
            "--out",
            str(out),
            "--clinician-copy",
            str(copy),
            "--ics",
            str(ics),
            "--json",
        ]
    )
    assert code == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["plan_id"].startswith("plan-")
    assert doc["treatments"][0] == {
        "regimen": "rituximab-375-weekly",
        "dose_display": "750 mg per infusion",
        "administrations": ["2025-03-03", "2025-03-10", "2025-03-17", "2025-03-24"],
    }
    assert doc["treatments"][1]["dose_display"] == "100 mg daily"
    assert doc["sha256"]["out"] == sha256_hex(out.read_bytes())
    assert [w["code"] for w in doc["warnings"]] == ["range_lower_bound_used"]  # "off" not chosen
    assert "Zoë <b>& O'Brien" in flat(pdf_pages(out.read_bytes())[0])
    assert "Calculated dose 750 mg" in flat("\n".join(pdf_pages(copy.read_bytes())))
    assert len(list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))) >= 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.pdf", "plan.ics", "plan.pdf"]


def test_the_second_identifier_and_large_print_from_the_command_line(tmp_path: Path) -> None:
    normal, large = tmp_path / "plan.pdf", tmp_path / "large.pdf"
    common = [
        *BASE,
        "--regimen",
        "colchicine-1mg-daily",
        "--dob",
        "1961-04-23",
        "--record-number",
        "MRN-0042",
        "--lang",
        "fr",
    ]
    assert run_main([*common, "--out", str(normal)]) == 0
    assert run_main([*common, "--large-print", "--tick-sheet", "--out", str(large)]) == 0
    pages = [flat(p) for p in pdf_pages(normal.read_bytes())]
    for n, page in enumerate(pages, 1):
        assert "né(e) le 23 avril 1961 · dossier MRN-0042" in page
        assert f"Page {n} sur {len(pages)}" in page
    big = [flat(p) for p in pdf_pages(large.read_bytes())]
    assert len(big) > len(pages)  # same content, larger type, more pages
    assert "Fiche de la semaine" in big[-1]  # the weekly tick sheet


def test_french_plan_with_decimal_comma_input(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    code = run_main(
        [
            "plan",
            "--patient",
            "Zoé",
            "--weight",
            "70,5 kg",
            "--start",
            "2025-03-03",
            "--prepared-on",
            "2025-03-01",
            "--regimen",
            "infliximab-3-mg-kg",
            "--lang",
            "fr",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    text = flat(pdf_pages(out.read_bytes())[0])
    assert "210 mg par perfusion" in text  # 3 mg/kg × 70.5 kg = 211.5 → 210 mg
    assert "Page 1 sur" in text


def test_save_stores_the_plan_and_logs_every_export(
    tmp_path: Path, user_data: Path, capsys
) -> None:
    out, ics = tmp_path / "plan.pdf", tmp_path / "plan.ics"
    assert (
        run_main(
            [
                *BASE,
                "--regimen",
                "rituximab-375-weekly",
                "--out",
                str(out),
                "--ics",
                str(ics),
                "--save",
                "--json",
            ]
        )
        == 0
    )
    plan_id = json.loads(capsys.readouterr().out)["plan_id"]
    with UserDB.open(user_data) as userdb:
        assert [p.plan_id for p in userdb.list_plans()] == [plan_id]
        entries = userdb.log_entries()
        assert [e.action for e in entries] == ["exported_pdf", "exported_ics"]
        assert entries[0].output_sha256 == sha256_hex(out.read_bytes())
        assert userdb.verify_log() == (True, None)

        from desktop.reports.model import load_plan
        from desktop.reports.pdf_plan import render_patient_plan

        assert render_patient_plan(load_plan(userdb, plan_id)) == out.read_bytes()


REFUSED = {
    "unknown regimen": (["--regimen", "rituximab-999"], "unknown_regimen"),
    "bad start date": (
        ["--regimen", "colchicine-1mg-daily", "--start", "2025-02-30"],
        "start_date_invalid",
    ),
    "bad prepared-on": (
        ["--regimen", "colchicine-1mg-daily", "--prepared-on", "yesterday"],
        "plan_date_invalid",
    ),
    "choice outside range": (
        ["--regimen", "diltiazem-240-480", "--choose", "diltiazem-240-480:dose=1000"],
        "choice_out_of_range",
    ),
    "choose malformed": (
        ["--regimen", "diltiazem-240-480", "--choose", "dose=300"],
        "plan_choose_malformed",
    ),
    "choice for another regimen": (
        ["--regimen", "colchicine-1mg-daily", "--choose", "diltiazem-240-480:dose=300"],
        "plan_choice_unknown_regimen",
    ),
    "unknown choice name": (
        ["--regimen", "colchicine-1mg-daily", "--choose", "colchicine-1mg-daily:every=3"],
        "unknown_choice",
    ),
    "weight out of range": (
        ["--regimen", "colchicine-1mg-daily", "--weight", "900 kg"],
        "weight_out_of_range",
    ),
    "duplicate regimen": (
        ["--regimen", "colchicine-1mg-daily", "--regimen", "colchicine-1mg-daily"],
        "plan_duplicate_regimen",
    ),
    "therapy with regimens": (["--regimen", "rituximab"], "plan_therapy_has_regimens"),
    "blank patient name": (
        ["--regimen", "colchicine-1mg-daily", "--patient", "   "],
        "plan_text_required",
    ),
    "horizon out of range": (
        ["--regimen", "colchicine-1mg-daily", "--horizon-months", "99"],
        "horizon_out_of_range",
    ),
    "date of birth not a date": (
        ["--regimen", "colchicine-1mg-daily", "--dob", "23/04/1961"],
        "birth_date_invalid",
    ),
    "date of birth before 1900": (
        ["--regimen", "colchicine-1mg-daily", "--dob", "1850-01-01"],
        "birth_date_invalid",
    ),
    "date of birth after the plan": (
        ["--regimen", "colchicine-1mg-daily", "--dob", "2025-03-02"],
        "birth_date_after_plan",
    ),
    "record number with markup": (
        ["--regimen", "colchicine-1mg-daily", "--record-number", "<b>12</b>"],
        "record_number_invalid",
    ),
    "record number too long": (
        ["--regimen", "colchicine-1mg-daily", "--record-number", "1" * 41],
        "record_number_invalid",
    ),
    "closed days of an unknown country": (
        ["--regimen", "colchicine-1mg-daily", "--closed-days", "ZZ"],
        "closed_days_country_unknown",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_input_exits_2_and_writes_no_file(tmp_path: Path, capsys, case: str) -> None:
    extra, code = REFUSED[case]
    args = [
        *BASE,
        *extra,
        "--out",
        str(tmp_path / "plan.pdf"),
        "--clinician-copy",
        str(tmp_path / "copy.pdf"),
        "--ics",
        str(tmp_path / "plan.ics"),
        "--json",
    ]
    assert run_main(args) == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)["error"]["code"] == code
    assert captured.err.startswith("calx: ") and "Traceback" not in captured.err
    assert list(tmp_path.iterdir()) == []  # no file, not even a temporary one


def test_missing_height_for_a_per_m2_dose_is_refused(tmp_path: Path, capsys) -> None:
    args = [
        "plan",
        "--patient",
        "X",
        "--weight",
        "70",
        "--start",
        "2025-03-03",
        "--regimen",
        "rituximab-375-weekly",
        "--out",
        str(tmp_path / "p.pdf"),
    ]
    assert run_main(args) == 2
    assert "height" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_bad_output_paths_are_refused_before_anything_is_written(tmp_path: Path, capsys) -> None:
    ok = ["--regimen", "colchicine-1mg-daily"]
    assert run_main([*BASE, *ok, "--out", str(tmp_path / "no" / "plan.pdf")]) == 2
    assert run_main([*BASE, *ok, "--out", str(tmp_path)]) == 2
    same = str(tmp_path / "same.pdf")
    assert run_main([*BASE, *ok, "--out", same, "--clinician-copy", same]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "is a folder" in err and "two outputs" in err
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_kept_when_the_input_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"the previous plan")
    assert run_main([*BASE, "--regimen", "nope", "--out", str(out)]) == 2
    assert out.read_bytes() == b"the previous plan"


def test_a_failure_while_writing_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the second of three files: disk full
            raise OSError(28, "No space left on device", str(tmp_path / "b"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(CalxError) as err:
        write_all({tmp_path / "a": b"A" * 1000, tmp_path / "b": b"B", tmp_path / "c": b"C"})
    assert err.value.code == "output_not_writable"
    assert list(tmp_path.iterdir()) == []


def test_closed_days_flag_the_hospitals_dates_on_a_weekend_or_public_holiday(
    tmp_path: Path, capsys
) -> None:
    # Rituximab weekly from Friday 25 December 2026 (France): 25 December (Christmas Day) and
    # 1 January (New Year's Day) are public holidays; 8 and 15 January are working Fridays.
    # Colchicine is taken at home: its days are never flagged.
    out, copy = tmp_path / "plan.pdf", tmp_path / "copy.pdf"
    args = [*BASE[:7], "--start", "2026-12-25", "--prepared-on", "2026-12-01"]
    args += ["--regimen", "rituximab-375-weekly", "--regimen", "colchicine-1mg-daily"]
    args += ["--out", str(out), "--clinician-copy", str(copy), "--closed-days", "fr"]
    assert run_main([*args, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    closed = {t["regimen"]: t["closed_days"] for t in doc["treatments"]}
    assert closed == {
        "rituximab-375-weekly": ["2026-12-25", "2027-01-01"],
        "colchicine-1mg-daily": [],
    }
    warning = next(w["message"] for w in doc["warnings"] if w["code"] == "closed_day_dates")
    assert warning.startswith(
        "Rituximab on a day the hospital is closed: 25 December 2026 (Christmas Day), "
        "1 January 2027 (New Year's Day)."
    )
    text = flat("\n".join(pdf_pages(copy.read_bytes())))
    assert "Closed days checked weekends and public holidays (FR)" in text
    assert "25 December 2026 (Christmas Day)" in text
    assert "closed" not in flat("\n".join(pdf_pages(out.read_bytes()))).lower()  # not the patient's
    # "weekends": no holiday, and these Fridays are working days.
    assert run_main([*args[:-1], "weekends", "--force", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["treatments"][0]["closed_days"] == []
    # Without the option the dates are not checked, and the plan is the one it always was.
    assert run_main([*args[:-2], "--force", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert "closed_days" not in doc["treatments"][0]
    assert "Closed days checked" not in flat("\n".join(pdf_pages(copy.read_bytes())))
