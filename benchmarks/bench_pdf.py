"""Rendering a treatment plan against a bare reportlab document with the same pages.

The plan: rituximab 375 mg/m² weekly, minocycline cycles and bisphosphonate advice for an
80 kg / 180 cm patient, a 3-month calendar. The baseline (the goal): the same pages laid out
plainly, i.e. the same text (each paragraph's text with its bold and bullets, each table's cells)
in the same embedded font, one plain paragraph style and default tables (same column widths), in
a SimpleDocTemplate: what any reportlab document showing this content pays, without Calx's
styles, header and footer, KeepTogether, page-break rules or story building. Interleaved with ours
(ours, bare, ours, bare...); median (min–max) of the per-pair ratios. For comparison, the figure
against the earlier baseline is printed too: as many pages of lorem ipsum in Helvetica, a font
that cannot draw the plan's text (µ, ², ≥, →), with a third to half the paragraphs and no tables.
Fonts are registered before timing (once per process in the app too); building the plan (doses,
schedules, database reads) is not part of the rendering and is not timed. Goals (issue 13):
clinician copy ≤ 2×, patient plan ≤ 1.5×.
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
LOREM = (
    "Calcinosis in systemic sclerosis is the deposit of calcium salts in the skin and soft "
    "tissues; treatment rests on case reports and small series. "
) * 3


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
                db,
                patient,
                ["rituximab-375-weekly", "minocycline-cyclic", "bisphosphonates"],
                date(2025, 3, 3),
                "en",
                {"minocycline-cyclic": {"dose": 100, "on": 6, "off": 3}},
                "Dr Claire Dupont",
                date(2025, 3, 1),
                patient_name="Zoë Martin",
                horizon_months=3,
            )
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
        [Paragraph(LOREM, style) for _ in range(paragraphs)]
    )
    return buffer.getvalue()


def _paragraphs_for(pages: int) -> int:
    """The largest number of plain paragraphs that still fills exactly ``pages`` pages."""
    n = 1
    while _pages(_bare(n + 1)) <= pages:
        n += 1
    return n


def _content(story: list[object]) -> list[tuple[object, ...]]:
    """What a story says, in order: ("p", markup, bullet) per paragraph, ("t", rows, widths) per
    table (cells as text; a wrapping cell keeps its markup), page-break rules and spacers left
    out, KeepTogether groups flattened."""
    from reportlab.platypus import Paragraph, Table

    items: list[tuple[object, ...]] = []

    def walk(flowables: list[object]) -> None:
        for f in flowables:
            if isinstance(f, Paragraph):
                items.append(("p", f.text, f.bulletText))
            elif isinstance(f, Table):
                rows = [
                    [("p", c.text) if isinstance(c, Paragraph) else ("s", str(c)) for c in row]
                    for row in f._cellvalues
                ]
                items.append(("t", rows, list(f._argW)))
            elif hasattr(f, "_content"):
                walk(f._content)

    walk(story)
    return items


def _bare_same(items: list[tuple[object, ...]]) -> bytes:
    """The same content laid out plainly (see the module's docstring)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from desktop.reports.styles import FONT

    style = ParagraphStyle("plain", fontName=FONT, fontSize=10, leading=13)
    story: list[object] = []
    for item in items:
        if item[0] == "p":
            story.append(Paragraph(item[1], style, bulletText=item[2]))
        else:
            rows, widths = item[1], item[2]
            story.append(
                Table(
                    [
                        [Paragraph(c, style) if kind == "p" else c for kind, c in row]
                        for row in rows
                    ],
                    colWidths=widths,
                )
            )  # type: ignore[attr-defined]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(story)  # type: ignore[arg-type]
    return buffer.getvalue()


def _ms(work: Callable[[], object]) -> Callable[[], float]:
    def timed() -> float:
        started = time.perf_counter()
        work()
        return (time.perf_counter() - started) * 1000

    return timed


def run() -> list[str]:
    from desktop.reports import patient_copy, pdf_plan
    from desktop.reports.pdf_plan import render_clinician_copy, render_patient_plan
    from desktop.reports.styles import Styles

    plan = _plan()
    stories = {
        "patient plan": patient_copy.patient_story(
            plan, plan.lang, patient_copy.PatientStyles(plan.large_print, plan.lang)
        ),
        "clinician copy": pdf_plan._clinician_story(plan, plan.lang, Styles(body_size=9.5)),
    }
    lines = []
    for label, render, aim in (
        ("patient plan", render_patient_plan, 1.5),
        ("clinician copy", render_clinician_copy, 2.0),
    ):
        pages = _pages(render(plan))
        content = _content(stories[label])  # type: ignore[arg-type]
        same_pages = _pages(_bare_same(content))
        ours, bare = interleave(
            _ms(lambda r=render: r(plan)),  # type: ignore[misc]
            _ms(lambda c=content: _bare_same(c)),
            REPEATS,
        )  # type: ignore[misc]
        ratios = [o / b for o, b in zip(ours, bare, strict=True)]
        lines.append(
            f"{label}, {pages} pages: {spread(ours)} vs the same content laid out "
            f"plainly ({same_pages} pages) {spread(bare)}: {ratio_spread(ratios)}"
        )
        goal(
            f"{label} PDF / bare reportlab",
            f"≤ {aim}×",
            ratio_spread(ratios),
            round(median(ratios), 2) <= aim,
        )
        paragraphs = _paragraphs_for(pages)
        ours, lorem = interleave(
            _ms(lambda r=render: r(plan)),  # type: ignore[misc]
            _ms(lambda n=paragraphs: _bare(n)),
            REPEATS,
        )  # type: ignore[misc]
        ratios = [o / b for o, b in zip(ours, lorem, strict=True)]
        lines.append(
            f"  (earlier baseline, {pages} pages of lorem ipsum in Helvetica: "
            f"{spread(lorem)}: {ratio_spread(ratios)})"
        )
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
