"""The plan as a clinician prints it: each regimen from its own start date, a preview in the plan's
language, PDF and .ics files written atomically, every print and export logged.

70 kg, 170 cm (Mosteller 1.8181 m²): rituximab 375 mg/m² weekly × 4 → 680 mg to give, on the
start day and 7, 14 and 21 days later (docs/clinical.md §3); infliximab 3 mg/kg → 210 mg.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import threading
from pathlib import Path

RITUXIMAB, INFLIXIMAB = "rituximab-375-weekly", "infliximab-3-mg-kg"
RITUXIMAB_START, INFLIXIMAB_START = dt.date(2025, 3, 3), dt.date(2025, 4, 14)  # as in conftest


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def wait_export(qtbot, view, start) -> object:
    with qtbot.waitSignal(view.outputs.exported, timeout=20_000) as blocker:
        assert start()
    return blocker.args[0]


def test_each_regimen_prints_from_its_own_start_date(plan_view):
    from desktop.reports.pdf_plan import render_plan

    plan = plan_view.build_document()
    assert plan is not None
    items = {item.regimen_id: item for item in plan.items}
    rituximab = [row.date for row in items[RITUXIMAB].schedule.treatment_rows()]
    assert rituximab == [RITUXIMAB_START + dt.timedelta(days=7 * k) for k in range(4)]
    assert items[INFLIXIMAB].schedule.treatment_rows()[0].date == INFLIXIMAB_START
    assert plan.start == RITUXIMAB_START  # "treatment starts": the earliest of the two
    text = pdf_text(render_plan(plan))
    assert "14 April 2025" in text and "3 March 2025" in text


def test_save_pdfs_writes_both_copies_atomically_and_logs_them(qtbot, plan_view, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "plan.pdf").write_bytes(b"an older plan")
    result = wait_export(qtbot, plan_view, lambda: plan_view.save_pdf_to(folder / "plan.pdf"))
    assert result.issue is None
    patient, clinician = folder / "plan.pdf", folder / "plan-clinician.pdf"
    assert sorted(p.name for p in folder.iterdir()) == ["plan-clinician.pdf", "plan.pdf"]
    text = pdf_text(patient.read_bytes())
    assert "Zoë <b>O'Brien</b>" in text and "680 mg" in text and "210 mg" in text
    assert "Treatment plan: clinician copy" in pdf_text(clinician.read_bytes())

    userdb = plan_view.context.user_db()
    plan_id = plan_view.build_document().plan_id
    assert [p.plan_id for p in userdb.list_plans()] == [plan_id]  # saved before it was logged
    log = userdb.log_entries()
    assert [(e.plan_id, e.action) for e in log] == [
        (plan_id, "exported_pdf"),
        (plan_id, "exported_clinician_pdf"),
    ]
    assert log[0].output_sha256 == hashlib.sha256(patient.read_bytes()).hexdigest()
    assert log[1].output_sha256 == hashlib.sha256(clinician.read_bytes()).hexdigest()
    assert userdb.verify_log() == (True, None)


def test_a_failed_write_keeps_the_old_file_and_logs_nothing(
    qtbot, plan_view, tmp_path, monkeypatch
):
    import os

    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "plan.pdf"
    target.write_bytes(b"the plan printed last week")

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)  # the rename at the end of an atomic write
    result = wait_export(qtbot, plan_view, lambda: plan_view.save_pdf_to(target))
    assert result.issue is not None and not result.written
    assert target.read_bytes() == b"the plan printed last week"
    assert [p.name for p in folder.iterdir()] == ["plan.pdf"]  # no temporary file, no copy
    assert plan_view.problem.isVisibleTo(plan_view)
    assert "No space left on device" in plan_view.problem.text()
    assert plan_view.context.user_db().log_entries() == []


def test_calendar_export_parses_back_with_the_same_dates(qtbot, plan_view, tmp_path):
    from icalendar import Calendar

    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "plan.ics"
    path.write_bytes(b"old calendar")
    result = wait_export(qtbot, plan_view, lambda: plan_view.export_calendar_to(path))
    assert result.issue is None
    calendar = Calendar.from_ical(path.read_bytes())
    starts = sorted(event.decoded("dtstart") for event in calendar.walk("VEVENT"))
    assert starts[:4] == [RITUXIMAB_START + dt.timedelta(days=7 * k) for k in range(4)]
    assert INFLIXIMAB_START in starts and min(starts) == RITUXIMAB_START
    assert [p.name for p in folder.iterdir()] == ["plan.ics"]  # no temporary file left
    (entry,) = plan_view.context.user_db().log_entries()
    assert entry.action == "exported_ics"
    assert entry.output_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_print_sends_the_previewed_copy_and_logs_it(qtbot, plan_view, tmp_path, monkeypatch):
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from desktop.reports.pdf_plan import render_plan
    from desktop.ui.views import printing

    printed = tmp_path / "printer.pdf"

    def pdf_printer(_parent: object) -> QPrinter:  # the system dialog, answered "Print"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    monkeypatch.setattr(printing, "ask_printer", pdf_printer)
    plan_view.preview.copy.setCurrentIndex(plan_view.preview.copy.findData("clinician"))
    with qtbot.waitSignal(plan_view.outputs.printed, timeout=20_000) as blocker:
        plan_view.print_view()
    assert blocker.args == [True]
    from desktop.data.userdb import GENESIS_HASH, LogHead

    # The printed clinician copy carries the log as it stood before it: empty here.
    expected = render_plan(
        plan_view.build_document(), "clinician", log_head=LogHead(0, GENESIS_HASH)
    )
    assert len(PdfReader(printed).pages) == len(PdfReader(io.BytesIO(expected)).pages)
    (entry,) = plan_view.context.user_db().log_entries()
    assert entry.action == "printed"
    assert entry.output_sha256 == hashlib.sha256(expected).hexdigest()


def test_cancelled_print_logs_nothing(qtbot, plan_view, monkeypatch):
    from desktop.ui.views import printing

    monkeypatch.setattr(printing, "ask_printer", lambda _parent: None)
    with qtbot.waitSignal(plan_view.outputs.printed, timeout=20_000) as blocker:
        plan_view.print_view()
    assert blocker.args == [False]
    assert plan_view.context.user_db().log_entries() == []


def test_preview_renders_off_the_ui_thread_in_the_plan_language(
    qtbot, window, plan_view, monkeypatch
):
    from desktop.ui import plan_render

    threads: list[threading.Thread] = []
    real_produce = plan_render.produce

    def produce(plan, kind, *rest):
        threads.append(threading.current_thread())
        return real_produce(plan, kind, *rest)

    monkeypatch.setattr(plan_render, "produce", produce)
    with qtbot.waitSignal(plan_view.outputs.previewReady, timeout=20_000) as english:
        window.tabs.setCurrentWidget(plan_view)
    assert threads and threading.main_thread() not in threads
    assert "Your treatments" in pdf_text(english.args[0])
    qtbot.waitUntil(lambda: plan_view.preview.page_count() > 0)
    with qtbot.waitSignal(plan_view.outputs.previewReady, timeout=20_000) as french:
        plan_view.plan_language.setCurrentIndex(plan_view.plan_language.findData("fr"))
    assert "Vos traitements" in pdf_text(french.args[0])
    assert window.tabs.tabText(1) == "Compute"  # the window stays in English
    with qtbot.waitSignal(plan_view.outputs.previewReady, timeout=20_000) as copy:
        plan_view.preview.copy.setCurrentIndex(plan_view.preview.copy.findData("clinician"))
    assert "Plan de traitement : copie clinicien" in pdf_text(copy.args[0])


def test_preview_pages_are_made_with_the_first_pdf_and_tabbed_to_after_the_picker(
    qtbot, window, plan_view
):
    preview = plan_view.preview
    assert preview.view is None and preview.document is None  # QtPdf not needed yet
    assert preview.page_count() == 0
    window.tabs.setCurrentWidget(plan_view)
    qtbot.waitUntil(lambda: preview.page_count() > 0, timeout=20_000)
    assert preview.view is not None and preview.view.document() is preview.document
    assert preview.copy.nextInFocusChain() is preview.view
    assert preview.view.accessibleName() == "Plan preview"


def test_preview_says_what_is_missing(qtbot, window, plan_view):
    plan_view.patient_name.clear()
    window.tabs.setCurrentWidget(plan_view)
    placeholder = plan_view.preview.placeholder
    qtbot.waitUntil(lambda: "patient's name" in placeholder.text())
    assert plan_view.preview.page_count() == 0


def test_saving_without_a_user_database_is_a_message(qtbot, plan_view, tmp_path, monkeypatch):
    from desktop.data.userdb import ENV_FOLDER

    not_a_folder = tmp_path / "user-data-file"
    not_a_folder.write_text("a file where the folder should be")
    monkeypatch.setenv(ENV_FOLDER, str(not_a_folder))
    target = tmp_path / "plan.pdf"
    assert plan_view.save_plan() is False
    assert "saved-plans database" in plan_view.problem.text()
    plan_view.save_pdf_to(target)
    qtbot.wait(50)
    assert not target.exists()  # nothing leaves Calx unless it can be logged


def test_file_names_never_become_paths():
    from desktop.ui.plan_outputs import clinician_path, suggested_name

    assert suggested_name("../../etc/passwd", ".pdf") == "..-..-etc-passwd.pdf"
    assert suggested_name("  ", ".ics") == "plan.ics"
    assert clinician_path(Path("/x/Jane.pdf")) == Path("/x/Jane-clinician.pdf")


def test_a_window_started_in_french_lists_the_plan_in_french(qtbot, prefs, calx_db):
    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import LANGUAGE

    prefs.set(LANGUAGE, "fr")
    context = AppContext(prefs, str(calx_db))
    try:
        window = MainWindow(context)
        qtbot.addWidget(window)
        assert context.load_database()
        window.compute_view.patient_panel.set_values(weight="70", height="170")
        window.compute_regimen(RITUXIMAB)
        window.compute_view.add_button.click()
        line = window.plan_view.model.index(0, 0).data()
        assert "une fois par semaine" in line and "once weekly" not in line
        assert window.plan_view.plan_language.currentData() == "fr"
    finally:
        context.shutdown()


def test_the_window_asks_before_replacing_either_copy(
    qtbot, plan_view, tmp_path, overwrite_questions
):
    from desktop.ui.plan_outputs import PlanOutputs

    folder = tmp_path / "out"
    folder.mkdir()
    clinician = folder / "plan-clinician.pdf"
    clinician.write_bytes(b"another patient's clinician copy")
    PlanOutputs._overwrite_answer["yes"] = False  # type: ignore[attr-defined]
    plan_view.save_pdf_to(folder / "plan.pdf")
    qtbot.wait(200)
    assert overwrite_questions == [[clinician]]  # the copy nobody chose in the file dialog
    assert clinician.read_bytes() == b"another patient's clinician copy"
    assert not (folder / "plan.pdf").exists()
    assert plan_view.context.user_db().log_entries() == []
    PlanOutputs._overwrite_answer["yes"] = True  # type: ignore[attr-defined]
    wait_export(qtbot, plan_view, lambda: plan_view.save_pdf_to(folder / "plan.pdf"))
    assert overwrite_questions[-1] == [clinician]
    assert clinician.read_bytes().startswith(b"%PDF")


def test_the_window_never_writes_over_calx_own_files(
    qtbot, plan_view, tmp_path, overwrite_questions
):
    from desktop.paths import USER_DB_NAME

    assert plan_view.save_plan()
    db = plan_view.context.user_db().path
    assert db.name == USER_DB_NAME
    before = db.read_bytes()
    link = tmp_path / "innocent.ics"
    link.symlink_to(db)
    plan_view.export_calendar_to(link)
    qtbot.wait(200)
    assert "Calx's own files" in plan_view.problem.text()
    assert overwrite_questions == []
    assert db.read_bytes() == before


def test_the_window_prints_the_log_head_on_the_clinician_copy(qtbot, plan_view, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    wait_export(qtbot, plan_view, lambda: plan_view.save_pdf_to(folder / "a.pdf"))
    head = plan_view.context.user_db().log_state()
    assert head.count == 2
    wait_export(qtbot, plan_view, lambda: plan_view.save_pdf_to(folder / "b.pdf"))
    text = pdf_text((folder / "b-clinician.pdf").read_bytes()).replace("\n", " ")
    assert "2 entries before this copy" in text and head.head[:32] in text.replace(" ", "")


def test_the_second_identifier_from_the_patient_panel_prints_on_every_page(window, plan_view):
    from desktop.reports.pdf_plan import render_plan

    panel = window.compute_view.patient_panel
    panel.set_values(weight="70", height="170", birth_date="1961-04-23", record_number="MRN-0042")
    assert panel.patient is not None and panel.patient.birth_date == dt.date(1961, 4, 23)
    pages = [
        " ".join(p.split())
        for p in pdf_text(render_plan(plan_view.build_document())).split("Calx content")
    ][:-1]
    assert pages and all("born 23 April 1961 · record MRN-0042" in page for page in pages)


def test_a_wrong_date_of_birth_is_refused_next_to_its_field(window):
    panel = window.compute_view.patient_panel
    panel.set_values(weight="70", birth_date="23/04/1961")
    assert panel.patient is None
    assert panel.birth_date.message.isVisibleTo(panel)
    assert "YYYY-MM-DD" in panel.birth_date.message.text()
    panel.set_values(weight="70", record_number="<b>1</b>")
    assert panel.patient is None and "record number" in panel.record_number.message.text()


def test_large_print_and_the_tick_sheet_are_chosen_per_plan(plan_view):
    assert not plan_view.build_document().large_print
    plan_view.large_print.setChecked(True)
    plan_view.tick_sheet.setChecked(True)
    plan = plan_view.build_document()
    assert plan.large_print and plan.tick_sheet
