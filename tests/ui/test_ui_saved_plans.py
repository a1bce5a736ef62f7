"""Saved plans: Ctrl+S keeps the plan, Ctrl+O lists the saved ones, and a reopened plan reprints
byte for byte as it was, with the content version it used."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

RITUXIMAB = "rituximab-375-weekly"


def summary(plan_id: str, name: str, day: int, lang: str = "fr"):
    from desktop.data.userdb import PlanSummary

    return PlanSummary(
        plan_id,
        name,
        dt.date(2025, 3, day),
        dt.datetime(2025, 3, day, 9, 30, tzinfo=dt.UTC),
        lang,
        (RITUXIMAB,),
        "2026.11.0",
    )


def test_saved_plans_model(qtmodeltester):
    from PySide6.QtCore import QSortFilterProxyModel, Qt

    from desktop.ui.models.saved_plans import (
        COL_LANGUAGE,
        COL_PATIENT,
        COL_PREPARED,
        COLUMN_COUNT,
        SavedPlansModel,
    )
    from desktop.ui.roles import PLAN_ID_ROLE, SORT_ROLE

    model = SavedPlansModel()
    qtmodeltester.check(model)
    model.set_plans([summary("plan-b", "Émile Zola", 1), summary("plan-a", "anne Dupont", 2)], "fr")
    qtmodeltester.check(model)
    assert model.columnCount() == COLUMN_COUNT and model.rowCount() == 2
    assert model.index(0, COL_PREPARED).data() == "1er mars 2025"
    assert model.index(0, COL_LANGUAGE).data() == "Français"
    saved = model.index(0, COL_PREPARED).data(Qt.ItemDataRole.ToolTipRole)
    local = model.summary(0).saved_at.astimezone()  # when it was saved, in local time
    assert "mars 2025" in saved and f"{local:%H:%M}" in saved
    assert model.index(1, 0).data(PLAN_ID_ROLE) == "plan-a"
    assert model.row_of("plan-a") == 1 and model.row_of("nope") == -1
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(COL_PATIENT, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy)
    # Accents and case do not decide the order: "anne" before "Émile".
    assert [proxy.index(r, COL_PATIENT).data() for r in range(2)] == ["anne Dupont", "Émile Zola"]


def test_save_and_open_shortcuts(window):
    SK = QKeySequence.StandardKey
    assert window.save_plan_action.shortcut() == QKeySequence(SK.Save)
    assert window.saved_plans_action.shortcut() == QKeySequence(SK.Open)
    assert QKeySequence(SK.Open).toString() == "Ctrl+O"
    assert window.saved_plans_action in window.file_menu.actions()
    assert window.save_plan_action in window.file_menu.actions()


def open_dialog(qtbot, window):
    from desktop.ui.dialogs.saved_plans import SavedPlansDialog

    window.saved_plans_action.trigger()
    dialog = window.findChild(SavedPlansDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_reopened_plan_reprints_exactly_as_it_was(qtbot, window, plan_view, tmp_path, monkeypatch):
    from desktop.reports.model import load_plan
    from desktop.reports.pdf_plan import render_plan
    from desktop.ui.views import printing

    first = tmp_path / "first.pdf"
    with qtbot.waitSignal(plan_view.outputs.exported, timeout=20_000):
        plan_view.save_pdf_to(first)
    window.save_plan_action.trigger()  # Ctrl+S: again harmless, same plan, same id
    saved_id = plan_view.build_document().plan_id
    # The clinician goes on: another patient, another plan.
    plan_view.list.setCurrentIndex(plan_view.model.index(0, 0))
    plan_view.remove_current()
    plan_view.patient_name.setText("Second Patient")
    assert window.plan_view.save_plan()

    dialog = open_dialog(qtbot, window)
    assert dialog.model.rowCount() == 2
    names = {dialog.model.index(r, 0).data() for r in range(2)}
    assert names == {"Zoë <b>O'Brien</b>", "Second Patient"}
    from desktop.ui.models.saved_plans import COL_CONTENT

    assert {dialog.model.index(r, COL_CONTENT).data() for r in range(2)} == {
        window.context.metadata().content_version
    }
    dialog.filter.setText("zoë")
    assert dialog.proxy.rowCount() == 1
    dialog.table.selectRow(0)
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan.plan_id == saved_id)
    # The preview shows the very bytes of the first export.
    qtbot.waitUntil(lambda: dialog.preview.shown == first.read_bytes(), timeout=20_000)
    assert dialog.preview.page_count() >= 2
    assert "also the content installed now" in dialog.note.text()
    assert "2026" in dialog.note.text()

    monkeypatch.setattr(printing, "ask_printer", lambda _parent: _pdf_printer(tmp_path))
    with qtbot.waitSignal(dialog.outputs.printed, timeout=20_000) as printed:
        dialog.print_button.click()
    assert printed.args == [True]
    userdb = window.context.user_db()
    expected = render_plan(load_plan(userdb, saved_id))
    assert expected == first.read_bytes()
    entry = userdb.log_entries()[-1]
    assert (entry.plan_id, entry.action) == (saved_id, "printed")
    assert entry.output_sha256 == hashlib.sha256(expected).hexdigest()
    assert userdb.verify_log() == (True, None)
    dialog.reject()


def _pdf_printer(folder):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(folder / "printer.pdf"))
    return printer


def test_note_when_the_content_changed_since(qtbot, window, plan_view, monkeypatch):
    assert plan_view.save_plan()
    installed = window.context.metadata()
    newer = replace(installed, content_version="2027.1.0", content_hash="f" * 64)
    monkeypatch.setattr(window.context, "metadata", lambda: newer)
    dialog = open_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.plan is not None)
    note = dialog.note.text()
    assert installed.content_version in note and "2027.1.0" in note
    assert "before renewing" in note
    dialog.reject()


def test_a_damaged_saved_plan_is_refused_with_a_message(qtbot, window, plan_view, user_data):
    assert plan_view.save_plan()
    with sqlite3.connect(user_data / "calx-user.sqlite") as conn:  # tampering behind Calx's back
        conn.execute("UPDATE plans SET document = replace(document, '680', '880')")
    dialog = open_dialog(qtbot, window)
    qtbot.waitUntil(lambda: "altered" in dialog.preview.placeholder.text())
    assert dialog.plan is None
    assert not dialog.print_button.isEnabled() and not dialog.pdf_button.isEnabled()
    dialog.reject()


def test_no_saved_plan_yet(qtbot, window):
    dialog = open_dialog(qtbot, window)
    assert dialog.model.rowCount() == 0
    qtbot.waitUntil(lambda: "Save plan" in dialog.preview.placeholder.text())
    assert not dialog.print_button.isEnabled()
    dialog.reject()


def test_dialog_speaks_the_window_language(qtbot, window):
    window.context.set_language("fr")
    dialog = open_dialog(qtbot, window)
    assert dialog.windowTitle() == "Plans enregistrés"
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "Patient"
    assert dialog.print_button.text() == "&Imprimer…"
    dialog.reject()


def test_closing_the_dialog_mid_export_still_writes_and_logs(qtbot, window, plan_view, tmp_path):
    from PySide6.QtCore import QThreadPool

    assert plan_view.save_plan()
    dialog = open_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.plan is not None)
    target = tmp_path / "again.pdf"
    assert dialog.panel.save_pdf_to(target)
    dialog.close()  # deleted on close, while the job may still be rendering
    qtbot.waitUntil(lambda: len(window.context.user_db().log_entries()) == 2, timeout=20_000)
    assert QThreadPool.globalInstance().waitForDone(20_000)
    assert target.exists() and (tmp_path / "again-clinician.pdf").exists()
    assert [e.action for e in window.context.user_db().log_entries()] == [
        "exported_pdf",
        "exported_clinician_pdf",
    ]


def _two_saved_plans(plan_view) -> tuple[str, str]:
    assert plan_view.save_plan()
    first = plan_view.build_document().plan_id
    plan_view.patient_name.setText("Second Patient")
    assert plan_view.save_plan()
    return first, plan_view.build_document().plan_id


def _select(dialog, plan_id: str) -> None:
    from desktop.ui.roles import PLAN_ID_ROLE

    for row in range(dialog.proxy.rowCount()):
        if dialog.proxy.index(row, 0).data(PLAN_ID_ROLE) == plan_id:
            dialog.table.selectRow(row)
            return
    raise AssertionError(plan_id)


def test_an_unreadable_plan_never_shows_the_previous_one(qtbot, window, plan_view, user_data):
    """The trial: Patient 3's plan stayed on screen, and was saved as PDF, with Patient 2's row
    selected after a read error."""
    first, second = _two_saved_plans(plan_view)
    with sqlite3.connect(user_data / "calx-user.sqlite") as conn:
        conn.execute(
            "UPDATE plans SET document = replace(document, '680', '880') WHERE plan_id = ?",
            (second,),
        )
    dialog = open_dialog(qtbot, window)
    _select(dialog, first)
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan.plan_id == first)
    qtbot.waitUntil(lambda: dialog.preview.shown is not None, timeout=20_000)
    _select(dialog, second)
    assert dialog.plan is None and dialog.preview.shown is None  # cleared at once
    qtbot.wait(600)  # past any late render
    assert dialog.preview.shown is None
    assert "altered" in dialog.preview.placeholder.text()
    assert not dialog.pdf_button.isEnabled() and not dialog.print_button.isEnabled()
    from desktop.ui.models.saved_plans import COL_PATIENT

    row = dialog.model.row_of(second)
    assert dialog.model.index(row, COL_PATIENT).data().startswith("\u26a0")
    assert "altered" in dialog.model.index(row, COL_PATIENT).data(Qt.ItemDataRole.ToolTipRole)
    _select(dialog, first)  # the others stay reachable
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan.plan_id == first)
    dialog.reject()


def test_a_late_preview_of_the_previous_plan_is_dropped(
    qtbot, window, plan_view, user_data, monkeypatch
):
    import time

    from desktop.ui import plan_render

    real_produce = plan_render.produce

    def slow_produce(*args):  # a long calendar: the render ends after the list moved on
        time.sleep(0.8)
        return real_produce(*args)

    first, second = _two_saved_plans(plan_view)
    monkeypatch.setattr(plan_render, "produce", slow_produce)
    with sqlite3.connect(user_data / "calx-user.sqlite") as conn:
        conn.execute("UPDATE plans SET patient_name = 'Someone Else' WHERE plan_id = ?", (second,))
    dialog = open_dialog(qtbot, window)
    _select(dialog, first)
    dialog.panel.refresh_preview()  # the render of the first plan is on its way…
    _select(dialog, second)  # …when a plan that cannot be read is chosen
    qtbot.wait(2000)
    assert dialog.preview.shown is None and dialog.plan is None
    dialog.reject()
    from PySide6.QtCore import QThreadPool

    assert QThreadPool.globalInstance().waitForDone(20_000)


def test_malformed_rows_never_stop_the_dialog_opening(qtbot, window, plan_view, user_data):
    assert plan_view.save_plan()
    with sqlite3.connect(user_data / "calx-user.sqlite") as conn:
        conn.execute(
            "INSERT INTO plans (plan_id, saved_at, patient_name, prepared_on, lang, "
            "regimen_ids, content_version, content_hash, document, document_sha256) "
            "VALUES ('bad-date', 'yesterday', 'Bad Date', '2025-13-45', 'en', '[]', "
            "'x', 'x', '{}', 'x')"
        )
        conn.execute(
            "INSERT INTO plans (plan_id, saved_at, patient_name, prepared_on, lang, "
            "regimen_ids, content_version, content_hash, document, document_sha256) "
            "VALUES ('bad-json', '2025-03-01T00:00:00+00:00', 'Bad Json', "
            "'2025-03-01', 'en', '{not json', 'x', 'x', 'nope', 'x')"
        )
    dialog = open_dialog(qtbot, window)
    assert dialog.model.rowCount() == 3
    for plan_id in ("bad-date", "bad-json"):
        assert dialog.model.error(plan_id)
        _select(dialog, plan_id)
        assert dialog.plan is None
    good = plan_view.build_document().plan_id
    _select(dialog, good)
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan.plan_id == good)


def test_a_saved_plan_is_renewed_in_the_plan_view(qtbot, window, plan_view):
    from desktop.ui.dialogs.saved_plans import SavedPlansDialog

    assert plan_view.save_plan()
    plan_view.list.setCurrentIndex(plan_view.model.index(0, 0))
    plan_view.remove_current()  # the clinician moved on
    dialog = open_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.plan is not None)
    assert dialog.renew_button.isEnabled()
    with qtbot.waitSignal(dialog.renewRequested):
        dialog.renew_button.click()
    entries = plan_view.entries()
    assert [e.regimen_id for e in entries] == ["rituximab-375-weekly", "infliximab-3-mg-kg"]
    assert all(e.start == dt.date.today() for e in entries)  # a new start: this visit
    assert plan_view.patient_name.text() == "Zoë <b>O'Brien</b>"
    # Old measurements are not carried over: the dose waits for today's.
    assert window.compute_view.patient_panel.is_empty()
    assert window.tabs.currentWidget() is window.compute_view
    assert window.findChild(SavedPlansDialog) is None or not dialog.isVisible()


@pytest.mark.parametrize(("answer", "replaced"), [("cancel", False), ("discard", True)])
def test_renewing_over_an_unsaved_plan_asks_first(qtbot, window, plan_view, answer, replaced):
    assert plan_view.save_plan()
    dialog = open_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.plan is not None)
    plan_view.list.setCurrentIndex(plan_view.model.index(0, 0))
    plan_view.remove_current()  # the plan on screen now differs from the saved one
    on_screen = [e.regimen_id for e in plan_view.entries()]
    asked = []
    window.ask_before_replacing = lambda what: asked.append(what) or answer
    dialog.renew_button.click()
    assert asked == ["plan"]
    renewed = ["rituximab-375-weekly", "infliximab-3-mg-kg"]
    assert [e.regimen_id for e in plan_view.entries()] == (renewed if replaced else on_screen)
    assert window.compute_view.patient_panel.is_empty() is replaced
    dialog.reject()


@pytest.mark.parametrize("confirmed", [False, True])
def test_deleting_a_saved_plan_asks_and_is_logged(qtbot, window, plan_view, confirmed):
    assert plan_view.save_plan()
    plan_id = plan_view.build_document().plan_id
    dialog = open_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.plan is not None)
    asked = []
    dialog.confirm_delete = lambda plan: asked.append(plan.plan_id) or confirmed
    dialog.delete_button.click()
    assert asked == [plan_id]
    userdb = window.context.user_db()
    assert (dialog.model.rowCount() == 0) is confirmed
    assert ([p.plan_id for p in userdb.list_plans()] == []) is confirmed
    actions = [(e.action, e.plan_id) for e in userdb.log_entries()]
    assert (("deleted", plan_id) in actions) is confirmed
    assert userdb.verify_log() == (True, None)
    dialog.reject()
