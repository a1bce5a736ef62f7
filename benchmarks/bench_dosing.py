"""Cost of one dose computation and one 12-month schedule, against the bare arithmetic.

- ``compute_dose`` for rituximab 375 mg/m² (70 kg, 170 cm: BSA, rounding, vials, dilution,
  working) and infliximab 3 mg/kg (70 kg), each against the same dose in plain float math
  (formula, rounding to 10 mg, volume) measured in the same run;
- ``build_schedule`` for 12 months of infliximab (weeks 0, 2, 6 then every 8 weeks) and of the
  dressing changed every 3 days (122 dates), each against a plain ``date + timedelta`` loop that
  produces the same dates.

Aim (issue 3): under 1 ms per dose computation. The ratios say what the unit-safe engine costs
over the arithmetic itself; the absolute figures are for this machine only.
"""

from __future__ import annotations

import math
import sys
import timeit
import tomllib
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.core.dosing import compute_dose  # noqa: E402
from desktop.core.patient import Patient  # noqa: E402
from desktop.core.regimen import Product, Regimen, product_from_dict, regimen_from_dict  # noqa: E402
from desktop.core.schedule import build_schedule  # noqa: E402

CONTENT = ROOT / "db" / "content"
START = date(2026, 1, 5)


def _regimen(therapy: str, regimen_id: str) -> Regimen:
    record = tomllib.loads((CONTENT / f"{therapy}.toml").read_text(encoding="utf-8"))
    (found,) = [r for r in record["regimens"] if r["id"] == regimen_id]
    return regimen_from_dict(found, therapy)


def _product(product_id: str) -> Product:
    data = tomllib.loads((CONTENT / "_products.toml").read_text(encoding="utf-8"))
    (found,) = [p for p in data["products"] if p["id"] == product_id]
    return product_from_dict(found)


def _per_call_us(fn: object, number: int) -> float:
    """Best of 5 runs of ``number`` calls, in µs per call (the least disturbed run)."""
    runs = timeit.repeat(fn, number=number, repeat=5)  # type: ignore[arg-type]
    return min(runs) / number * 1e6


def _bare_per_m2() -> float:
    bsa = math.sqrt(170.0 * 70.0 / 3600)
    dose = 375.0 * bsa
    rounded = math.floor(dose / 10 + 0.5) * 10
    return rounded / 10.0  # mL of concentrate


def _bare_per_kg() -> float:
    dose = 3.0 * 70.0
    rounded = math.floor(dose / 10 + 0.5) * 10
    return rounded / 10.0


def _bare_infliximab_dates() -> list[date]:
    end = date(2027, 1, 5)
    days = [START + timedelta(weeks=w) for w in (0, 2, 6)]
    d = days[-1] + timedelta(weeks=8)
    while d < end:
        days.append(d)
        d += timedelta(weeks=8)
    return days


def _bare_every_3_days() -> list[date]:
    end = date(2027, 1, 5)
    days, d = [], START
    while d < end:
        days.append(d)
        d += timedelta(days=3)
    return days


def run() -> list[str]:
    patient, _ = Patient.from_inputs("70 kg", "170 cm")
    rituximab = _regimen("rituximab", "rituximab-375-weekly")
    infliximab = _regimen("infliximab", "infliximab-3-mg-kg")
    dressing = _regimen("hydrocolloid-dressing", "hydrocolloid-dressing-every-3-days")
    rtx_product, ifx_product = _product("rituximab-concentrate"), _product("infliximab-powder")

    # Same results, or the comparison means nothing.
    assert round(compute_dose(rituximab, patient, rtx_product).volume.magnitude) == _bare_per_m2()
    assert compute_dose(infliximab, patient, ifx_product).volume.magnitude == _bare_per_kg()
    assert build_schedule(infliximab, START).dates() == _bare_infliximab_dates()
    assert build_schedule(dressing, START).dates() == _bare_every_3_days()

    lines = []
    cases = [
        (
            "dose rituximab 375 mg/m²",
            lambda: compute_dose(rituximab, patient, rtx_product),
            _bare_per_m2,
            2000,
            200_000,
        ),
        (
            "dose infliximab 3 mg/kg",
            lambda: compute_dose(infliximab, patient, ifx_product),
            _bare_per_kg,
            2000,
            200_000,
        ),
        (
            "schedule infliximab 12 months",
            lambda: build_schedule(infliximab, START),
            _bare_infliximab_dates,
            2000,
            20_000,
        ),
        (
            "schedule dressing every 3 days, 12 months",
            lambda: build_schedule(dressing, START),
            _bare_every_3_days,
            500,
            2000,
        ),
    ]
    for name, engine, bare, n_engine, n_bare in cases:
        engine_us = _per_call_us(engine, n_engine)
        bare_us = _per_call_us(bare, n_bare)
        lines.append(
            f"{name}: {engine_us:.1f} µs per call, {engine_us / bare_us:.0f}× the bare "
            f"arithmetic ({bare_us:.2f} µs)"
        )
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
