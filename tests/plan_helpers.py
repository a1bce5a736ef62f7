"""Helpers shared by the plan and command-line tests (imported as ``plan_helpers``; fixtures live
in ``tests/conftest.py``)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import date

import pypdf

from desktop.core.patient import Patient
from desktop.reports.model import PlanDocument

PREPARED_ON = date(2025, 3, 1)
START = date(2025, 3, 3)  # a Monday

PlanMaker = Callable[..., PlanDocument]

# ``calx plan`` for one oral regimen, on the dates above: the command the output and log tests vary.
COLCHICINE_PLAN_ARGS: tuple[str, ...] = (
    "plan",
    "--patient",
    "Zoë Martin",
    "--weight",
    "80 kg",
    "--height",
    "180 cm",
    "--start",
    START.isoformat(),
    "--prepared-on",
    PREPARED_ON.isoformat(),
    "--regimen",
    "colchicine-1mg-daily",
)


def patient_80_180() -> Patient:
    """docs/clinical.md §2: 80 kg, 180 cm → Mosteller √(180 × 80 / 3600) = 2.00 m² exactly."""
    patient, _ = Patient.from_inputs("80 kg", "180 cm", "female", "54", "0.9 mg/dL")
    return patient


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page (pypdf), for assertions."""
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    return [page.extract_text() or "" for page in reader.pages]


def flat(text: str) -> str:
    """Whitespace-insensitive text: line breaks inside wrapped sentences do not matter."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def squeeze(text: str) -> str:
    """All whitespace removed: long names broken across lines still match."""
    return re.sub(r"\s+", "", text)


def page_bodies(data: bytes, header: str) -> str:
    """The text of every page without its header and footer, joined: headers and footers are
    drawn after the page's content, so each page's text is cut at the last ``header``."""
    bodies = []
    for page in pdf_pages(data):
        cut = page.rfind(header)
        bodies.append(page[:cut] if cut >= 0 else page)
    return "\n".join(bodies)
