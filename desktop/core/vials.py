"""Vials, volume of concentrate and dilution for an intravenous dose (docs/clinical.md §3).

- Vial combination: the one that wastes least drug, then uses the fewest vials (an exact search
  over small counts, not a greedy fill: 681.79 mg with 500 and 100 mg vials → 1 × 500 + 2 × 100).
- Volume of concentrate = dose ÷ concentration of the concentrate (mg/mL).
- Dilution: a product diluted to a fixed total volume (infliximab: 250 mL) gets its final
  concentration checked against the allowed range (0.4–4 mg/mL: a dose under 100 mg cannot reach
  0.4 mg/mL in 250 mL); a product with only a range (rituximab 1–4 mg/mL) gets the range of total
  volumes that keeps it inside, and ``check_final_concentration`` checks a chosen bag volume.

Amounts here are plain floats in mg and mL: ``desktop.core.dosing`` converts its Quantities at the
boundary, so this search stays cheap (it runs for every dose shown).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import product as cartesian

from desktop.core.errors import CalxError, Issue
from desktop.core.regimen import Product, Vial

# Amounts are compared in micrograms so that 0.1 + 0.2 never misses 0.3.
_RESOLUTION_PER_MG = 1000
# Search bound: a dose needing more vials than this is not a single infusion; refuse it.
MAX_VIALS = 60


@dataclass(frozen=True)
class VialCount:
    """How many vials of one size a dose opens."""

    strength_mg: float
    volume_ml: float
    count: int


@dataclass(frozen=True)
class VialCombination:
    """Vials opened for one dose: ``total_mg`` ≥ dose, ``waste_mg`` = total − dose."""

    vials: tuple[VialCount, ...]  # largest strength first, only counts above zero
    dose_mg: float
    total_mg: float
    waste_mg: float

    @property
    def count(self) -> int:
        return sum(v.count for v in self.vials)


@dataclass(frozen=True)
class Dilution:
    """How the concentrate becomes the infusion.

    ``final_volume_ml`` is set when the product is diluted to a fixed total (infliximab 250 mL),
    with the resulting ``final_concentration_mg_ml``. ``total_volume_range_ml`` is the total
    volume that keeps the final concentration inside ``allowed_mg_ml`` (rituximab 1–4 mg/mL), and
    ``diluent_range_ml`` the diluent to add to the concentrate for it.
    """

    allowed_mg_ml: tuple[float, float] | None
    final_volume_ml: float | None = None
    final_concentration_mg_ml: float | None = None
    total_volume_range_ml: tuple[float, float] | None = None
    diluent_range_ml: tuple[float, float] | None = None
    warnings: tuple[Issue, ...] = ()


def _micro(mg: float) -> int:
    return round(mg * _RESOLUTION_PER_MG)


def choose_vials(dose_mg: float, vials: Sequence[Vial]) -> VialCombination:
    """The vial combination covering ``dose_mg`` with the least waste, then the fewest vials.

    Exact: every count of every strength up to what alone covers the dose is tried (a few dozen
    combinations for the marketed presentations). Ties after waste and count go to the
    combination using larger vials. Raises ``CalxError("dose_needs_too_many_vials")`` past
    ``MAX_VIALS`` and ``"no_vials"`` for a product without vials.
    """
    if not vials:
        raise CalxError("no_vials")
    if not math.isfinite(dose_mg) or dose_mg <= 0:
        raise CalxError("dose_not_positive", field="dose", value=dose_mg)
    strengths = sorted(
        {(_micro(v.strength_mg), v.volume_ml, v.strength_mg) for v in vials}, reverse=True
    )
    # Round up to the microgram (after removing float noise): the vials must cover the dose.
    need = math.ceil(round(dose_mg * _RESOLUTION_PER_MG, 6))
    smallest = strengths[-1][0]
    if math.ceil(need / smallest) > MAX_VIALS:
        raise CalxError("dose_needs_too_many_vials", field="dose", value=dose_mg, max=MAX_VIALS)
    ranges = [range(math.ceil(need / s) + 1) for s, _, _ in strengths]
    best: tuple[int, int, tuple[int, ...]] | None = None
    for counts in cartesian(*ranges):
        total = sum(c * s for c, (s, _, _) in zip(counts, strengths, strict=True))
        if total < need:
            continue
        # Least waste, then fewest vials, then larger vials first (lexicographically larger).
        key = (total - need, sum(counts), tuple(-c for c in counts))
        if best is None or key < best:
            best = key
    assert best is not None  # the largest range alone always covers the dose
    counts = tuple(-c for c in best[2])
    chosen = tuple(
        VialCount(mg, ml, c) for c, (_, ml, mg) in zip(counts, strengths, strict=True) if c
    )
    total_mg = sum(v.strength_mg * v.count for v in chosen)
    return VialCombination(chosen, dose_mg, total_mg, total_mg - dose_mg)


def concentrate_volume_ml(dose_mg: float, concentration_mg_ml: float) -> float:
    """Volume of concentrate to draw up: dose (mg) ÷ concentration (mg/mL)."""
    return dose_mg / concentration_mg_ml


def dilution_for(dose_mg: float, product: Product) -> Dilution | None:
    """The dilution of ``dose_mg`` of ``product``, or None for a product that is not diluted."""
    allowed = product.final_concentration_mg_ml
    if product.final_volume_ml is None and allowed is None:
        return None
    warnings: list[Issue] = []
    if product.final_volume_ml is not None:
        final = dose_mg / product.final_volume_ml
        if allowed is not None:
            warnings.extend(
                _concentration_issues(dose_mg, product.final_volume_ml, final, allowed, product.id)
            )
        return Dilution(allowed, product.final_volume_ml, final, warnings=tuple(warnings))
    assert allowed is not None
    low_c, high_c = allowed
    total = (dose_mg / high_c, dose_mg / low_c)
    diluent = None
    if product.concentration_mg_ml:
        drawn = concentrate_volume_ml(dose_mg, product.concentration_mg_ml)
        diluent = (max(total[0] - drawn, 0.0), max(total[1] - drawn, 0.0))
        if product.concentration_mg_ml < low_c:
            # The concentrate itself is already below the range: no dilution can fix that.
            warnings.append(
                Issue(
                    "final_concentration_unreachable",
                    {
                        "product": product.id,
                        "concentration": product.concentration_mg_ml,
                        "min": low_c,
                    },
                )
            )
    return Dilution(
        allowed, total_volume_range_ml=total, diluent_range_ml=diluent, warnings=tuple(warnings)
    )


def check_final_concentration(
    dose_mg: float, total_volume_ml: float, product: Product
) -> tuple[float, tuple[Issue, ...]]:
    """Final concentration of ``dose_mg`` in a bag of ``total_volume_ml`` and its label check."""
    if not math.isfinite(total_volume_ml) or total_volume_ml <= 0:
        raise CalxError("volume_not_positive", field="volume", value=total_volume_ml)
    final = dose_mg / total_volume_ml
    allowed = product.final_concentration_mg_ml
    issues = (
        _concentration_issues(dose_mg, total_volume_ml, final, allowed, product.id)
        if allowed
        else []
    )
    return final, tuple(issues)


def _concentration_issues(
    dose_mg: float, volume_ml: float, final: float, allowed: tuple[float, float], product_id: str
) -> list[Issue]:
    low, high = allowed
    params = {
        "dose": round(dose_mg, 2),
        "volume": round(volume_ml, 1),
        "concentration": _significant(final),
        "min": low,
        "max": high,
        "product": product_id,
    }
    if final < low - 1e-12:
        # e.g. infliximab: under 100 mg cannot reach 0.4 mg/mL in 250 mL.
        return [
            Issue(
                "final_concentration_below_label",
                {**params, "min_dose": round(low * volume_ml, 2)},
                field="dose",
            )
        ]
    if final > high + 1e-12:
        return [
            Issue(
                "final_concentration_above_label",
                {**params, "max_dose": round(high * volume_ml, 2)},
                field="dose",
            )
        ]
    return []


def _significant(x: float, digits: int = 3) -> float:
    """``x`` to ``digits`` significant digits, for display in a message."""
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, digits - 1 - math.floor(math.log10(abs(x))))


def stock_dilution(target_mg_ml: float, stock_mg_ml: float) -> tuple[int, int] | None:
    """Parts of stock and of diluent that make ``target_mg_ml`` from ``stock_mg_ml``, or None
    when the stock is weaker than the target (no dilution can concentrate it).

    docs/clinical.md §3: the review's 20 mg/mL triamcinolone is a 1:1 dilution of the 40 mg/mL
    suspension (1 part stock + 1 part diluent) and cannot be made from the 10 mg/mL suspension.
    Ratios are reduced to whole parts when the concentrations allow (40 → 10 mg/mL: 1 + 3).
    """
    if target_mg_ml <= 0 or stock_mg_ml <= 0:
        raise CalxError(
            "concentration_not_positive",
            field="concentration",
            target=target_mg_ml,
            stock=stock_mg_ml,
        )
    if stock_mg_ml < target_mg_ml - 1e-12:
        return None

    # total parts / stock parts = stock / target; express as the smallest whole numbers.
    def exact(x: float) -> Fraction:
        return Fraction(x).limit_denominator(1000)

    ratio = exact(stock_mg_ml) / exact(target_mg_ml)
    return ratio.denominator, ratio.numerator - ratio.denominator
