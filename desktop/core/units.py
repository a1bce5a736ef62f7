"""The one unit registry of Calx, loaded lazily from ``resources/units.txt``.

pint's default registry costs about 200 ms and reads "units" as micro-nits and "U" as the enzyme
unit (docs/clinical.md §4). Calx loads only its own small definitions file (a few ms), on first
use, so importing ``desktop.core`` never imports pint. Quantities from two registries cannot be
mixed: every quantity in the app must come from ``ureg()`` (``Q_`` is the short way).

User text never reaches pint: ``desktop.core.parsing`` reads numbers itself and attaches units from
this registry by name.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pint

    Quantity = pint.Quantity
else:  # pint is only imported on first use
    Quantity = Any

# µmol/L of creatinine per mg/dL (docs/clinical.md §2: divide µmol/L by 88.4 to get mg/dL).
CREATININE_UMOL_L_PER_MG_DL = 88.4

_registry: pint.UnitRegistry | None = None
_lock = threading.Lock()


def ureg() -> pint.UnitRegistry:
    """The application's unit registry, created on the first call (thread-safe)."""
    global _registry
    if _registry is None:
        with _lock:
            if _registry is None:
                from desktop.core.light_metadata import without_importlib_metadata
                from desktop.paths import resource

                with without_importlib_metadata():
                    import pint

                _registry = pint.UnitRegistry(
                    filename=str(resource("units.txt")),
                    cache_folder=None,
                    autoconvert_offset_to_baseunit=False,
                )
    return _registry


def Q_(value: float, unit: str) -> pint.Quantity:
    """A quantity of the app registry. ``unit`` is a unit name of resources/units.txt written by
    code ("kg", "mg/m²", "units/mL"), never text typed by a user."""
    return ureg().Quantity(value, unit)


def is_quantity(value: object) -> bool:
    """True for a quantity of the app registry (without importing pint for other values)."""
    return _registry is not None and isinstance(value, _registry.Quantity)


def creatinine_mg_dl(creatinine: pint.Quantity) -> pint.Quantity:
    """Serum creatinine in mg/dL, from mg/dL-like (mass/volume) or µmol/L-like (amount/volume)
    quantities. Amount/volume uses the pinned factor 88.4 (docs/clinical.md §2), not a molar
    mass."""
    registry = ureg()
    dims = creatinine.dimensionality
    if dims == registry.get_dimensionality("[mass] / [length] ** 3"):
        return creatinine.to("mg/dL")
    if dims == registry.get_dimensionality("[substance] / [length] ** 3"):
        umol_l = creatinine.m_as("umol/L")
        return registry.Quantity(umol_l / CREATININE_UMOL_L_PER_MG_DL, "mg/dL")
    raise ValueError(f"not a creatinine concentration: {creatinine!r}")
