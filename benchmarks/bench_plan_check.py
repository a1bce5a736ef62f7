"""The plan check (``desktop.core.plan_check.check_plan``): 10 regimens and 20 current
medications against every rule of the reference database; the target is under 5 ms a check."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def run() -> list[str]:
    from desktop.core.patient import CurrentMedication, Patient
    from desktop.core.plan_check import check_plan, plan_regimen
    from desktop.core.units import Q_
    from desktop.data.refdb import ReferenceDB

    with ReferenceDB.open() as db:
        rules = db.safety()
        regimens = [plan_regimen(r) for r in db.regimens()][:10]
    meds = tuple(CurrentMedication(m.name.en, m.id) for m in rules.medications[21:41])
    patient = Patient(
        weight=Q_(154, "kg"),
        height=Q_(170, "cm"),
        sex="female",
        age_years=60,
        creatinine=Q_(1.2, "mg/dL"),
        medications=meds,
    )
    check_plan(patient, regimens, None, rules)  # warm the imports
    n = 200
    started = time.perf_counter()
    for _ in range(n):
        alerts = check_plan(patient, regimens, None, rules)
    per = (time.perf_counter() - started) / n * 1000
    return [
        f"{len(regimens)} regimens, {len(meds)} current medications, "
        f"{len(rules.rules)} rules → {len(alerts)} alerts",
        f"check_plan: {per:.2f} ms per check (target < 5 ms: {per / 5:.2f}× the budget)",
    ]
