"""File › Update content… and Roll back content… in the window, in English and French: the
changes shown before installing, the status bar after, a refused pack's reason."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from release_helpers import BASE_VERSION, NEW_VERSION, rituximab_plan
from release_helpers import repack as _repack

from desktop.data import content_store


@pytest.fixture
def window(qtbot, store: dict[str, Path], tmp_path: Path):
    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import LANGUAGE, Preferences

    prefs = Preferences.at(str(tmp_path / "calx.ini"))
    prefs.set(LANGUAGE, "en")
    context = AppContext(prefs)
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(context.databaseReady, timeout=5000):
        context.load_database()
    yield win
    context.shutdown()


def test_update_shows_the_changes_installs_and_rolls_back(
    qtbot, window, store: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    qtbot.waitUntil(lambda: BASE_VERSION in window.content_label.text())
    assert "signed by Test editor" in window.content_label.text()
    dialog = window.update_content(pack=str(store["pack"]))
    assert dialog.error is None and dialog.install_button.isEnabled()
    text = dialog.changes.toPlainText()
    assert "Rituximab (rituximab)" in text and "Example update study (test)" in text
    assert "Editor's changelog" in text
    window.context.set_language("fr")
    assert "Étude d'exemple de la mise à jour (test)" in dialog.changes.toPlainText()
    assert "signé par Test editor" in dialog.heading.text()
    window.context.set_language("en")
    with qtbot.waitSignal(window.context.databaseReady, timeout=5000):
        dialog.install_button.click()
    assert window.context.metadata().content_version == NEW_VERSION
    qtbot.waitUntil(lambda: NEW_VERSION in window.content_label.text())
    assert "installed" in window.content_label.text()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.context.databaseReady, timeout=5000):
        window.roll_back_content()
    assert window.context.metadata().content_version == BASE_VERSION
    assert content_store.status().current is None


def test_a_refused_pack_says_why_and_cannot_be_installed(
    window, store: dict[str, Path], tmp_path: Path
) -> None:
    with zipfile.ZipFile(store["pack"]) as archive:
        manifest = archive.read("manifest.json").replace(b"one study added", b"two studies")
    bad = _repack(store["pack"], tmp_path / "bad.calxpack", {"manifest.json": manifest})
    window.context.set_language("fr")
    dialog = window.update_content(pack=str(bad))
    assert dialog.error is not None and not dialog.install_button.isEnabled()
    assert (
        "Ce paquet de contenu est refusé" in dialog.heading.text()
        or "refusé" in dialog.heading.text()
    )
    assert "Rien n'a été modifié" in dialog.heading.text()
    assert content_store.status().current is None


def test_a_plan_reopened_after_an_update_lists_its_changes(
    qtbot, window, store: dict[str, Path]
) -> None:

    plan = rituximab_plan(window.context.db)
    window.context.user_db().save_plan(plan)
    content_store.install(store["pack"])
    with qtbot.waitSignal(window.context.databaseReady, timeout=5000):
        window.context.reload_database()
    dialog = window.show_saved_plans()
    qtbot.waitUntil(lambda: dialog.plan is not None)
    note = dialog.note.text()
    assert f"Made with content {BASE_VERSION}; the content in use is {NEW_VERSION}" in note
    assert "rituximab-375-weekly" in note and "before a second course" in note
    assert "No new safety alert." in note
    dialog.reject()
