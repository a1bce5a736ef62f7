"""Qt test set-up: a reference database built once, a fresh window per test, Qt warnings fail.

Tests drive the real window as a clinician would (pytest-qt, offscreen): they wait on signals or
conditions, never sleep.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The one Qt warning the offscreen platform prints for every top-level window: harmless.
HARMLESS_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)


@pytest.fixture(scope="session")
def calx_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference database built from db/content into a temporary folder (``CALX_DB``)."""
    from desktop.data.build import build

    path = tmp_path_factory.mktemp("refdb") / "calx.sqlite"
    build(ROOT / "db" / "content", path)
    os.environ["CALX_DB"] = str(path)
    return path


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The .qm files, compiled from the .ts sources if they are missing or older."""
    translations = ROOT / "resources" / "translations"
    stale = [ts for ts in translations.glob("calx_*.ts")
             if not ts.with_suffix(".qm").exists()
             or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime]
    if stale:
        import importlib.util

        spec = importlib.util.spec_from_file_location("build_translations",
                                                      ROOT / "tools" / "build_translations.py")
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
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg) \
                and not any(h in message for h in HARMLESS_QT_MESSAGES):
            seen.append(f"{kind.name}: {message}")

    previous = qInstallMessageHandler(handler)
    yield seen
    qInstallMessageHandler(previous)
    assert not seen, "Qt printed warnings:\n" + "\n".join(seen)


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
