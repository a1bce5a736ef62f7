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
LAPTOP = (1366, 768 - 48)  # a 1366 × 768 screen less the window manager's title bar and panel
PATIENT = {"weight": "70", "height": "170", "sex": "female", "age": "50", "creatinine": "85"}


def _reexec_under_xvfb(argv: list[str]) -> int | None:
    """Run this script again inside xvfb-run; None when that is not possible."""
    if os.environ.get("DISPLAY") or os.environ.get("CALX_SCREENSHOTS_CHILD"):
        return None
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        return None
    env = dict(os.environ, CALX_SCREENSHOTS_CHILD="1", QT_QPA_PLATFORM="xcb")
    command = [
        xvfb,
        "-a",
        "-s",
        f"-screen 0 {max(SIZE[0], LAPTOP[0]) + 100}x{SIZE[1] + 100}x24 -dpi 96",
        sys.executable,
        __file__,
        *argv,
    ]
    return subprocess.call(command, env=env)


def _example_pack(folder: Path) -> Path | None:
    """The example update of the tests (a study added to rituximab, a regimen's note changed),
    signed with this machine's development key; None when CALX_DB pins another database."""
    if os.environ.get("CALX_DB"):
        return None
    sys.path.insert(0, str(ROOT / "tests" / "content_release"))
    from release_helpers import BASE_VERSION, EXAMPLE, content_copy

    from desktop.data import packs, signing

    content = content_copy(folder / "example-content", example=True)
    pack = folder / "example.calxpack"
    key = signing.development_key()
    assert key is not None
    packs.build_pack(
        content, pack, key, (EXAMPLE / "changelog.md").read_text(encoding="utf-8"), BASE_VERSION
    )
    return pack


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
    os.environ["CALX_USER_DATA"] = os.path.join(settings_dir, "user-data")
    prefs = Preferences.at(os.path.join(settings_dir, "calx.ini"))
    prefs.set(LANGUAGE, "en")
    context = AppContext(prefs)
    window = MainWindow(context)
    window.ask_before_closing = lambda _what: "discard"  # an example patient: nothing to keep
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
    # 7. A 1366 × 768 laptop screen (less the title bar), in both languages: Compute shows the
    # dose, its working and the calendar side by side, without horizontal scrolling.
    window.resize(*LAPTOP)
    for lang in ("fr", "en"):
        context.set_language(lang)
        window.tabs.setCurrentWidget(window.compute_view)
        window.compute_regimen("rituximab-375-weekly")
        shot(f"compute-1366-{lang}")
        window.tabs.setCurrentWidget(window.plan_view)
        shot(f"plan-1366-{lang}")
    # 8. File › Update content… with the example update of the tests, in French then English,
    # and the window after installing it (a throwaway user data folder: nothing of yours).
    pack = _example_pack(Path(settings_dir))
    if pack is not None:
        window.resize(*SIZE)
        context.set_language("fr")
        window.tabs.setCurrentWidget(window.therapy_view)
        window.open_therapy("rituximab")
        dialog = window.update_content(pack=str(pack))
        dialog.resize(980, 640)

        def dialog_shot(name: str) -> None:
            QTest.qWait(120)
            app.processEvents()
            path = out / f"{name}.png"
            if not dialog.grab().save(str(path), "PNG"):
                raise SystemExit(f"cannot write {path}")
            saved.append(path)
            print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

        dialog_shot("update-content-fr")
        context.set_language("en")
        dialog_shot("update-content")
        dialog.install_button.click()
        QTest.qWait(200)
        window.open_therapy("rituximab")
        shot("update-installed")
        from desktop.data import content_store

        content_store.roll_back()  # the printed plans below show the bundled content
        context.reload_database()
    window.close()
    shutil.rmtree(settings_dir, ignore_errors=True)
    saved += plan_pages(context.db, out)
    return saved


# The printed plan of the README: three regimens (rituximab, infliximab, minocycline in cycles)
# for 12 months, page 1 and the calendar page of the patient copy in each language, and page 1 of
# the clinician copy. Rendered with Qt's own PDF engine (QtPdf), at 110 dpi.
PLAN_REGIMENS = ["rituximab-375-weekly", "infliximab-3-mg-kg", "minocycline-cyclic"]
PLAN_CHOICES = {"minocycline-cyclic": {"dose": 100, "on": 6, "off": 3}}
DPI = 110


def _page_images(data: bytes, pages: list[int]) -> list[object]:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    images = []
    for page in pages:
        points = document.pagePointSize(page)
        size = QSize(round(points.width() * DPI / 72), round(points.height() * DPI / 72))
        images.append(document.render(page, size))
    document.close()
    return images


def _calendar_page(data: bytes, months: list[str]) -> int:
    """The page (0-based) that shows the most months of the calendar, found in the PDF's text."""
    import io

    from pypdf import PdfReader

    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
    return max(range(len(pages)), key=lambda n: (sum(m in pages[n] for m in months), -n))


def plan_pages(db: object, out: Path) -> list[Path]:
    import datetime as dt

    from desktop.core.patient import Patient
    from desktop.reports.model import ContactLine, build_plan
    from desktop.reports.pdf_plan import render_clinician_copy, render_patient_plan

    saved: list[Path] = []
    patient, _ = Patient.from_inputs(
        "70 kg",
        "170 cm",
        "female",
        "50",
        "85 µmol/L",
        birth_date="1961-04-23",
        record_number="MRN-004217",
    )
    for lang in ("en", "fr"):
        contact = ContactLine(
            "Rheumatology day unit" if lang == "en" else "Hôpital de jour de rhumatologie",
            "01 23 45 67 89",
        )
        plan = build_plan(
            db,
            patient,
            PLAN_REGIMENS,
            dt.date(2025, 3, 3),
            lang,  # type: ignore[arg-type]
            PLAN_CHOICES,
            "Dr A. Example",
            dt.date(2025, 3, 1),
            patient_name="Jane Example",
            contacts=[contact],
        )
        data = render_patient_plan(plan)
        from babel.dates import format_date

        months = [
            format_date(
                dt.date(2025 + (2 + k) // 12, (2 + k) % 12 + 1, 1), "LLLL y", locale=lang
            ).capitalize()
            for k in range(13)
        ]
        calendar = _calendar_page(data, months)
        first, cal = _page_images(data, [0, calendar])
        for name, image in (
            (f"plan-patient-{lang}", first),
            (f"plan-patient-calendar-{lang}", cal),
        ):
            path = out / f"{name}.png"
            if not image.save(str(path), "PNG"):  # type: ignore[attr-defined]
                raise SystemExit(f"cannot write {path}")
            saved.append(path)
            print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        if lang == "en":
            (clinician,) = _page_images(render_clinician_copy(plan), [0])
            path = out / "plan-clinician-en.png"
            clinician.save(str(path), "PNG")  # type: ignore[attr-defined]
            saved.append(path)
            print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
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
