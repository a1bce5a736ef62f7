"""``calx --self-test``: drive the real window once through its main workflow and report.

Used after building the installer to prove the bundle works: it needs the database, the
translations, pint's definitions, the dosing engine and the PDF renderer to be present and working
together. Plans are saved in a throwaway user database (``app.py`` points ``CALX_USER_DATA`` at a
temporary folder), never in the clinician's own.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Worked cases a pharmacist can check by hand: 70 kg, 170 cm, Mosteller BSA √(170 × 70 / 3600)
# = 1.8181 m²; rituximab 375 mg/m² → 681.8 mg; infliximab 3 mg/kg → 210 mg.
PATIENT = {"weight": "70", "height": "170", "sex": "female", "age": "50"}
CASES = (("rituximab-375-weekly", 681.8), ("infliximab-3-mg-kg", 210.0))
# Public holidays by their official names, in each language Calx asks the holidays library for
# (its translation files are bundled for French and English only): Christmas in France, German
# Unity Day (3 October), New Year's Day in Japan, Canada Day (Fête du Canada, 1 July).
HOLIDAYS = (
    ("FR", "2026-12-25", "fr", "Noël"),
    ("FR", "2026-12-25", "en", "Christmas Day"),
    ("DE", "2026-10-03", "en", "German Unity Day"),
    ("JP", "2026-01-01", "en", "New Year's Day"),
    ("CA", "2026-07-01", "fr", "Fête du Canada"),
)


def _wait_for_export(plan_view: Any, start: Callable[[], bool], timeout_ms: int = 30_000) -> Any:
    """Start a save or export and wait (events running) for its result; None if none came."""
    from PySide6.QtCore import QEventLoop, QTimer

    results: list[Any] = []
    loop = QEventLoop()
    outputs = plan_view.outputs

    def done(result: Any) -> None:
        results.append(result)
        loop.quit()

    outputs.exported.connect(done)
    outputs.problem.connect(loop.quit)
    try:
        if start():
            QTimer.singleShot(timeout_ms, loop.quit)
            loop.exec()
    finally:
        outputs.exported.disconnect(done)
        outputs.problem.disconnect(loop.quit)
    return results[0] if results else None


def run_self_test(window: Any, say: Callable[[str], None]) -> int:
    failures: list[str] = []

    def check(ok: bool, what: str) -> None:
        say(f"{'ok  ' if ok else 'FAIL'} {what}")
        if not ok:
            failures.append(what)

    context = window.context
    check(
        context.db is not None,
        "reference database opened"
        + ("" if context.db is not None else f": {context.render(context.database_error)}"),
    )
    if context.db is None:
        return 1
    meta = context.metadata()
    say(f"     content {meta.content_version} ({meta.content_date})")

    navigator = window.navigator
    started = time.perf_counter()
    navigator.search_field.setText("ritu")
    navigator._run_search()
    hits = navigator.results_model.rowCount() if navigator.results_model else 0
    first = navigator.results_model.hit(0).therapy_id if hits else None
    check(
        first == "rituximab",
        f"search “ritu”: {hits} hit(s), first {first} "
        f"({(time.perf_counter() - started) * 1000:.1f} ms)",
    )

    window.open_therapy("rituximab")
    text = window.therapy_view.browser.toPlainText()
    check("Rituximab" in text, "therapy page for rituximab shown")

    compute = window.compute_view
    compute.patient_panel.set_values(**PATIENT)
    check(compute.patient_panel.patient is not None, "patient 70 kg, 170 cm accepted")
    for regimen_id, expected_mg in CASES:
        window.compute_regimen(regimen_id)
        computation = compute.computation
        dose = computation.dose if computation is not None else None
        mg = dose.amount_in("mg") if dose is not None else None
        shown = compute.dose_panel.values["calculated"].text()
        given = compute.dose_panel.values["rounded"].text()
        check(
            mg is not None and abs(mg - expected_mg) < 0.1,
            f"{regimen_id}: calculated {shown!r}, to give {given!r} "
            f"(expected ≈ {expected_mg:g} mg)",
        )
        if computation is not None and computation.schedule is not None:
            say(
                f"     {len(computation.schedule.administrations)} administration(s) from "
                f"{computation.schedule.start.isoformat()}"
            )
        compute.add_button.click()
    plan = window.plan_view
    check(len(plan.entries()) == len(CASES), f"plan holds {len(plan.entries())} regimen(s)")

    plan.patient_name.setText("Self-test patient")
    folder = Path(tempfile.mkdtemp(prefix="calx-self-test-"))
    result = _wait_for_export(plan, lambda: plan.save_pdf_to(folder / "plan.pdf"))
    written = list(result.written.values()) if result is not None else []
    sizes = [p.stat().st_size for p in written]
    check(
        len(written) == 2 and min(sizes) > 1000,
        f"patient plan and clinician copy rendered to PDF ({sizes} bytes)"
        + ("" if written else f": {plan.problem.text()}"),
    )
    ics = folder / "plan.ics"
    result = _wait_for_export(plan, lambda: plan.export_calendar_to(ics))
    check(
        result is not None and ics.exists() and b"BEGIN:VEVENT" in ics.read_bytes(),
        "calendar exported (.ics)",
    )
    ok, _broken = context.user_db().verify_log()
    check(ok and len(context.user_db().log_entries()) == 3, "3 exports logged, log verified")
    shutil.rmtree(folder, ignore_errors=True)
    _check_holidays(check, say)
    say("self-test " + ("passed" if not failures else f"FAILED ({len(failures)})"))
    return 0 if not failures else 1


def _check_holidays(check: Callable[[bool, str], None], say: Callable[[str], None]) -> None:
    import datetime as dt

    from desktop.core.closed_days import closed_day

    def name(country: str, day: str, lang: str) -> str | None:
        closed = closed_day(dt.date.fromisoformat(day), country, lang)
        return closed.name if closed is not None else None

    for country, day, lang, expected in HOLIDAYS:
        found = name(country, day, lang)
        check(found == expected, f"holiday {country} {day} in {lang}: {found!r}")
    # No French names for Germany: the holidays library falls back to the system's language,
    # else German (Latin letters: printable on any console, unlike Japan's own names).
    say(f"     DE 2026-10-03 in French: {name('DE', '2026-10-03', 'fr')!r} (the system's language)")
