"""One line of the patient's plan: a regimen with the values the clinician chose.

The dose itself is not stored here: it is recomputed from the current patient whenever it is
shown, so a plan can never show a dose for other measurements than those in the panel.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.regimen import Bilingual


@dataclass(frozen=True)
class PlanEntry:
    """One regimen in the plan being made: its choices, start date, horizon and moved doses."""

    regimen_id: str
    therapy_id: str
    therapy_name: Bilingual
    label: Bilingual
    choices: dict[str, float] = field(default_factory=dict)
    start: dt.date = field(default_factory=dt.date.today)
    horizon_months: int = 12
    # doses moved off closed days: (row of the calendar, days later), later doses following
    shifts: tuple[tuple[int, int], ...] = ()
