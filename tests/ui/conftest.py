"""Qt test set-up: a reference database built once, a fresh window per test, Qt warnings fail.

Tests drive the real window as a clinician would (pytest-qt, offscreen): they wait on signals or
conditions, never sleep.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The one Qt warning the offscreen platform prints for every top-level window: harmless.
HARMLESS_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)


@pytest.fixture(scope="session")
def calx_db(reference_db: Path) -> Path:
    """The reference database, built once per session (``tests/conftest.py``); passed to the
    window by path, never left in ``CALX_DB`` for the tests that follow."""
    return reference_db


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The .qm files, compiled from the .ts sources if they are missing or older."""
    translations = ROOT / "resources" / "translations"
    stale = [
        ts
        for ts in translations.glob("calx_*.ts")
        if not ts.with_suffix(".qm").exists()
        or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]
    if stale:
        import importlib.util

        spec = importlib.util.spec_from_file_location(
            "build_translations", ROOT / "tools" / "build_translations.py"
        )
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.release()


# pytest-qt's own Qt-message capture would do what ``fail_on_qt_warnings`` does; it is turned
# off here so that one handler, ours, decides.


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.no_qt_log)


@pytest.fixture(autouse=True)
def fail_on_qt_warnings() -> Iterator[list[str]]:
    """Any Qt warning or critical message fails the test (except the offscreen one above)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    seen: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if kind in (
            QtMsgType.QtWarningMsg,
            QtMsgType.QtCriticalMsg,
            QtMsgType.QtFatalMsg,
        ) and not any(h in message for h in HARMLESS_QT_MESSAGES):
            seen.append(f"{kind.name}: {message}")

    previous = qInstallMessageHandler(handler)
    yield seen
    qInstallMessageHandler(previous)
    assert not seen, "Qt printed warnings:\n" + "\n".join(seen)


@pytest.fixture(autouse=True)
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Saved plans and their log go to a throwaway folder: no test touches the user's own."""
    from desktop.data.userdb import ENV_FOLDER

    folder = tmp_path / "user-data"
    monkeypatch.setenv(ENV_FOLDER, str(folder))
    return folder


@pytest.fixture(autouse=True)
def answer_discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a window with typed values, or renewing a plan over them, asks first in a modal
    box, which would wait for ever in a test: every window answers "discard" unless its test
    says otherwise."""
    from desktop.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "ask_before_closing", lambda _self, _what: "discard")
    monkeypatch.setattr(MainWindow, "ask_before_replacing", lambda _self, _what: "discard")


@pytest.fixture
def prefs(tmp_path: Path):
    from desktop.ui.settings import LANGUAGE, Preferences

    preferences = Preferences.at(str(tmp_path / "calx.ini"))
    preferences.set(LANGUAGE, "en")
    return preferences


@pytest.fixture
def context(qapp, prefs, calx_db: Path):
    from desktop.ui.context import AppContext

    ctx = AppContext(prefs, str(calx_db))
    yield ctx
    ctx.shutdown()


@pytest.fixture
def window(qtbot, context):
    """The main window, shown, with the database loaded (as after start-up)."""
    from desktop.ui.main_window import MainWindow

    win = MainWindow(context)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(context.databaseReady, timeout=5000):
        context.load_database()
    return win


@pytest.fixture
def plan_view(qtbot, window):
    """The plan view with rituximab 375 mg/m² weekly from 3 March 2025 and infliximab 3 mg/kg
    from 14 April 2025, for a 70 kg, 170 cm patient, added from the Compute view as a clinician
    would, and the patient's name typed (markup in it must print as typed)."""
    import datetime as dt

    from PySide6.QtCore import QDate

    compute = window.compute_view
    compute.patient_panel.set_values(weight="70", height="170")
    assert compute.patient_panel.patient is not None
    starts = {
        "rituximab-375-weekly": dt.date(2025, 3, 3),
        "infliximab-3-mg-kg": dt.date(2025, 4, 14),
    }
    for regimen_id, start in starts.items():
        window.compute_regimen(regimen_id)
        compute.schedule_panel.start.setDate(QDate(start.year, start.month, start.day))
        compute.add_button.click()
    view = window.plan_view
    assert [e.start for e in view.entries()] == list(starts.values())
    view.patient_name.setText("Zoë <b>O'Brien</b>")
    view.plan_language.setCurrentIndex(view.plan_language.findData("en"))
    return view


@pytest.fixture(autouse=True)
def overwrite_questions(monkeypatch: pytest.MonkeyPatch) -> list[list[Path]]:
    """No modal question in tests: "replace these files?" is answered by
    ``PlanOutputs._overwrite_answer["yes"]`` (yes unless a test says no) and each question's files
    are recorded."""
    from desktop.ui.plan_outputs import PlanOutputs

    asked: list[list[Path]] = []
    answer = {"yes": True}

    def confirm(self: object, paths: list[Path]) -> bool:
        asked.append(list(paths))
        return answer["yes"]

    monkeypatch.setattr(PlanOutputs, "confirm_overwrite", confirm)
    monkeypatch.setattr(PlanOutputs, "_overwrite_answer", answer, raising=False)
    return asked
