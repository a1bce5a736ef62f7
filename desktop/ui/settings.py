"""Preferences: every setting declared once, with its type and default (as MusicBrainz Picard does).

Stored with ``QSettings``. Nothing here computes a dose: settings that affect a calculation (the
default BSA formula, the default units) are read by the window and passed to the domain as
arguments. A stored value of the wrong type or outside its choices reads as the default, so a
hand-edited or stale settings file can never break the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QLocale, QSettings

T = TypeVar("T")

LANGUAGES: tuple[str, ...] = ("en", "fr")
BSA_FORMULAS: tuple[str, ...] = ("mosteller", "dubois", "haycock", "gehan-george", "boyd")
WEIGHT_UNITS: tuple[str, ...] = ("kg", "lb")
HEIGHT_UNITS: tuple[str, ...] = ("cm", "m", "in")
CREATININE_UNITS: tuple[str, ...] = ("µmol/L", "mg/dL")


def system_language() -> str:
    """French when the system locale is French, English otherwise."""
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One preference: where it is stored, its Python type, its default and allowed values."""

    key: str
    type: type
    default: T | Callable[[], T]
    choices: tuple[Any, ...] = ()

    def default_value(self) -> T:
        return self.default() if callable(self.default) else self.default  # type: ignore[return-value]

    def coerce(self, raw: Any) -> T:
        """The stored value as this setting's type, or the default when it cannot be."""
        if raw is None:
            return self.default_value()
        try:
            if self.type is bool:
                value: Any = raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1")
            elif self.type is QByteArray:
                value = raw if isinstance(raw, QByteArray) else QByteArray(raw)
            else:
                value = self.type(raw)
        except (TypeError, ValueError):
            return self.default_value()
        if self.choices and value not in self.choices:
            return self.default_value()
        return value  # type: ignore[no-any-return]


LANGUAGE: Setting[str] = Setting("ui/language", str, system_language, LANGUAGES)
BSA_FORMULA: Setting[str] = Setting("dosing/bsa_formula", str, "mosteller", BSA_FORMULAS)
WEIGHT_UNIT: Setting[str] = Setting("units/weight", str, "kg", WEIGHT_UNITS)
HEIGHT_UNIT: Setting[str] = Setting("units/height", str, "cm", HEIGHT_UNITS)
CREATININE_UNIT: Setting[str] = Setting("units/creatinine", str, "µmol/L", CREATININE_UNITS)
WINDOW_GEOMETRY: Setting[QByteArray] = Setting("window/geometry", QByteArray, QByteArray)
WINDOW_STATE: Setting[QByteArray] = Setting("window/state", QByteArray, QByteArray)
INTENDED_USE_SEEN: Setting[bool] = Setting("notice/intended_use_seen", bool, False)

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    LANGUAGE, BSA_FORMULA, WEIGHT_UNIT, HEIGHT_UNIT, CREATININE_UNIT,
    WINDOW_GEOMETRY, WINDOW_STATE, INTENDED_USE_SEEN,
)


class Preferences:
    """Typed access to the declared settings over one ``QSettings`` store."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Calx", "Calx")

    @classmethod
    def at(cls, path: str) -> Preferences:
        """Preferences kept in one ini file (tests, ``--self-test``)."""
        return cls(QSettings(path, QSettings.Format.IniFormat))

    def get(self, setting: Setting[T]) -> T:
        return setting.coerce(self.store.value(setting.key))

    def set(self, setting: Setting[T], value: T) -> None:
        checked = setting.coerce(value)
        if checked != value and setting.type is not QByteArray:
            raise ValueError(f"{setting.key}: {value!r} is not one of {setting.choices}")
        self.store.setValue(setting.key, value)

    def reset(self, setting: Setting[Any]) -> None:
        self.store.remove(setting.key)

    def sync(self) -> None:
        self.store.sync()
