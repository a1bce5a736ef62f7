"""Rendering a treatment plan against a bare reportlab document of the same number of pages.

The plan: rituximab 375 mg/m² weekly, minocycline cycles and bisphosphonate advice for an
80 kg / 180 cm patient, a 3-month calendar (3 pages). The baseline: the same number of pages of
plain Helvetica paragraphs in a SimpleDocTemplate, interleaved with ours (ours, bare, ours,
bare...); median (min–max) of the per-pair ratios. Fonts are registered before timing (once per
process in the app too); building the plan (doses, schedules, database reads) is not part of the
rendering and is not timed. Goals (issue 13): clinician copy ≤ 2×, patient plan ≤ 1.5×.
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from common import ROOT, goal, interleave, median, ratio_spread, spread  # noqa: E402

REPEATS = 9
LOREM = ("Calcinosis in systemic sclerosis is the deposit of calcium salts in the skin and soft "
         "tissues; treatment rests on case reports and small series. ") * 3


def _reference_db() -> tuple[Path, tempfile.TemporaryDirectory[str] | None]:
    from desktop.paths import reference_db

    path = reference_db()
    if path.is_file():
        return path, None
    from desktop.data.build import build

    tmp = tempfile.TemporaryDirectory()
    out = Path(tmp.name) / "calx.sqlite"
    build(ROOT / "db" / "content", out)
    return out, tmp


def _plan():  # type: ignore[no-untyped-def]
    from desktop.core.patient import Patient
    from desktop.data.refdb import ReferenceDB
    from desktop.reports.model import build_plan

    path, tmp = _reference_db()
    try:
        with ReferenceDB.open(path) as db:
            patient, _ = Patient.from_inputs("80 kg", "180 cm", "female", "54", "0.9 mg/dL")
            return build_plan(
                db, patient, ["rituximab-375-weekly", "minocycline-cyclic", "bisphosphonates"],
                date(2025, 3, 3), "en", {"minocycline-cyclic": {"dose": 100, "on": 6, "off": 3}},
                "Dr Claire Dupont", date(2025, 3, 1), patient_name="Zoë Martin",
                horizon_months=3)
    finally:
        if tmp is not None:
            tmp.cleanup()


def _pages(data: bytes) -> int:
    return data.count(b"/Type /Page\n") or data.count(b"/Type /Page ")


def _bare(paragraphs: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(
        [Paragraph(LOREM, style) for _ in range(paragraphs)])
    return buffer.getvalue()


def _paragraphs_for(pages: int) -> int:
    """The largest number of plain paragraphs that still fills exactly ``pages`` pages."""
    n = 1
    while _pages(_bare(n + 1)) <= pages:
        n += 1
    return n


def _ms(work: Callable[[], object]) -> Callable[[], float]:
    def timed() -> float:
        started = time.perf_counter()
        work()
        return (time.perf_counter() - started) * 1000
    return timed


def run() -> list[str]:
    from desktop.reports.pdf_plan import render_clinician_copy, render_patient_plan

    plan = _plan()
    patient_pages = _pages(render_patient_plan(plan))
    clinician_pages = _pages(render_clinician_copy(plan))
    lines = []
    for label, render, pages, aim in (
            ("patient plan", render_patient_plan, patient_pages, 1.5),
            ("clinician copy", render_clinician_copy, clinician_pages, 2.0)):
        paragraphs = _paragraphs_for(pages)
        assert _pages(_bare(paragraphs)) == pages
        ours, bare = interleave(_ms(lambda r=render: r(plan)),  # type: ignore[misc]
                                _ms(lambda n=paragraphs: _bare(n)), REPEATS)  # type: ignore[misc]
        ratios = [o / b for o, b in zip(ours, bare, strict=True)]
        lines.append(f"{label}, {pages} pages: {spread(ours)} vs bare reportlab {spread(bare)}: "
                     f"{ratio_spread(ratios)}")
        goal(f"{label} PDF / bare reportlab", f"≤ {aim}×", ratio_spread(ratios),
             round(median(ratios), 2) <= aim)
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
