"""Screenshots of the main views of the real app, for the README (``make screenshots``).

    .venv/bin/python tools/screenshots.py [--out docs/screenshots] [--offscreen]

Runs under Xvfb when it is installed and there is no display (``apt-get install xvfb``), so the
window uses the same X11 platform plugin as on a desktop; falls back to Qt's offscreen platform.
Settings go to a throwaway file: your own preferences are never read or changed. Uses the
reference database of ``desktop.paths.reference_db()`` (``make db`` builds it; ``CALX_DB``
overrides it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = (1280, 820)
PATIENT = {"weight": "70", "height": "170", "sex": "female", "age": "50", "creatinine": "85"}


def _reexec_under_xvfb(argv: list[str]) -> int | None:
    """Run this script again inside xvfb-run; None when that is not possible."""
    if os.environ.get("DISPLAY") or os.environ.get("CALX_SCREENSHOTS_CHILD"):
        return None
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        return None
    env = dict(os.environ, CALX_SCREENSHOTS_CHILD="1", QT_QPA_PLATFORM="xcb")
    command = [xvfb, "-a", "-s", f"-screen 0 {SIZE[0] + 100}x{SIZE[1] + 100}x24 -dpi 96",
               sys.executable, __file__, *argv]
    return subprocess.call(command, env=env)


def take(out: Path) -> list[Path]:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import LANGUAGE, Preferences

    QCoreApplication.setOrganizationName("Calx")
    QCoreApplication.setApplicationName("Calx")
    app = QApplication.instance() or QApplication(["calx"])
    settings_dir = tempfile.mkdtemp(prefix="calx-shots-")
    prefs = Preferences.at(os.path.join(settings_dir, "calx.ini"))
    prefs.set(LANGUAGE, "en")
    context = AppContext(prefs)
    window = MainWindow(context)
    window.resize(*SIZE)
    window.show()
    QTest.qWaitForWindowExposed(window)
    if not context.load_database():
        raise SystemExit(f"no database: {context.render(context.database_error)}")
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    def shot(name: str) -> None:
        QTest.qWait(120)  # let layouts settle and the status bar show its message
        app.processEvents()
        path = out / f"{name}.png"
        if not window.grab().save(str(path), "PNG"):
            raise SystemExit(f"cannot write {path}")
        saved.append(path)
        print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    # 1. Search as you type, with highlighted snippets.
    window.navigator.focus_search()
    QTest.keyClicks(window.navigator.search_field, "calcium")
    QTest.qWait(50)
    hits = context.db.search("calcium", "en", 1)
    window.open_therapy(hits[0].therapy_id if hits else "rituximab")
    window.navigator.search_field.setFocus()
    shot("search")
    # 2. A therapy page.
    window.navigator.search_field.clear()
    window.open_therapy("rituximab")
    window.tabs.setCurrentWidget(window.therapy_view)
    shot("therapy")
    # 3. Compute a rituximab dose.
    window.compute_view.patient_panel.set_values(**PATIENT)
    window.compute_regimen("rituximab-375-weekly")
    shot("compute")
    # 4. The plan, with two regimens.
    window.compute_view.add_button.click()
    window.compute_regimen("infliximab-3-mg-kg")
    window.compute_view.add_button.click()
    window.tabs.setCurrentWidget(window.plan_view)
    window.plan_view.patient_name.setText("Jane Example")
    window.plan_view.prepared_by.setText("Dr A. Example, rheumatology")
    # The preview renders in a worker after typing pauses: wait for its pages, not for a clock.
    preview = window.plan_view.preview
    deadline = time.monotonic() + 20
    while preview.page_count() == 0 and time.monotonic() < deadline:
        QTest.qWait(50)
    shot("plan")
    # 5. The overview table.
    window.tabs.setCurrentWidget(window.overview_view)
    window.overview_view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    shot("overview")
    # 6. The same compute view in French, switched without restart.
    context.set_language("fr")
    window.tabs.setCurrentWidget(window.compute_view)
    window.compute_regimen("rituximab-375-weekly")
    shot("compute-fr")
    window.close()
    shutil.rmtree(settings_dir, ignore_errors=True)
    return saved


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--offscreen", action="store_true", help="do not use Xvfb")
    args = parser.parse_args(argv)
    if not args.offscreen:
        code = _reexec_under_xvfb(argv)
        if code is not None:
            return code
    if not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    take(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
