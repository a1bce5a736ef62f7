"""Preferences: every setting declared once, with its type, validator and default.

The settings file is plain ini text that Calx reads and writes itself. ``QSettings`` is never
used: reading a value through it lets PySide6 unpickle an ``@Variant(…PyObjectWrapper…)`` entry,
so a crafted ``Calx.ini`` could run code. Here every value stays a string until its declared
``Setting`` turns it into a str, bool or bytes; nothing is ever deserialised into an object.

A value that is unknown, of the wrong type or outside its choices reads as the default, and is
reported once (``Preferences.problems`` and one line on stderr), so a hand-edited or stale
settings file can never break the window. Nothing here computes a dose: settings that affect a
calculation (the default BSA formula, the default units) are read by the window and passed to the
domain as arguments.
"""

from __future__ import annotations

import base64
import binascii
import configparser
import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QByteArray, QLocale

from desktop.core.languages import LANGUAGES as WORDS_LANGUAGES

T = TypeVar("T")

LANGUAGES: tuple[str, ...] = WORDS_LANGUAGES  # desktop.core.languages: the one list

MAX_FILE_BYTES = 64 * 1024  # a real settings file is well under 2 kB
MAX_VALUE_CHARS = 8 * 1024  # window geometry in base64 is the longest value (~100 chars)
GENERAL = "General"  # the section of keys without a "/"


def system_language() -> str:
    """French when the system locale is French, English otherwise."""
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def default_settings_file() -> Path:
    from desktop.paths import settings_file

    return settings_file()


class InvalidSettingError(ValueError):
    """A stored text that is not a valid value of its setting."""


class Setting(NamedTuple, Generic[T]):
    """One preference: where it is stored, its Python type, its default and allowed values.
    (A named tuple, not a dataclass: the window's first paint reads the settings, and building
    a frozen dataclass costs more than the rest of this module.)"""

    key: str
    type: type
    default: T | Callable[[], T]
    # The allowed values, or a function giving them when they come from a module the first
    # paint does not need (read when a stored value is checked).
    choices: tuple[Any, ...] | Callable[[], tuple[Any, ...]] = ()

    def default_value(self) -> T:
        return self.default() if callable(self.default) else self.default

    def allowed(self) -> tuple[Any, ...]:
        """The allowed values (empty: any value of the type)."""
        return self.choices() if callable(self.choices) else self.choices

    def parse(self, text: str) -> T:
        """The stored text as this setting's value; ``InvalidSettingError`` when it is not one."""
        if not isinstance(text, str) or len(text) > MAX_VALUE_CHARS:
            raise InvalidSettingError(self.key)
        value: Any
        if self.type is bool:
            lowered = text.strip().lower()
            if lowered not in ("true", "false"):
                raise InvalidSettingError(self.key)
            value = lowered == "true"
        elif self.type is QByteArray:
            try:
                value = QByteArray(base64.b64decode(text.strip(), validate=True))
            except (binascii.Error, ValueError):
                raise InvalidSettingError(self.key) from None
        elif self.type is str:
            value = text
        else:  # only the plain types above are ever declared
            raise InvalidSettingError(self.key)
        allowed = self.allowed()
        if allowed and value not in allowed:
            raise InvalidSettingError(self.key)
        return value

    def format(self, value: T) -> str:
        """The text stored for ``value``; ``ValueError`` when it is not a valid value."""
        if self.type is bool and isinstance(value, bool):
            text = "true" if value else "false"
        elif self.type is QByteArray and isinstance(value, (QByteArray, bytes)):
            text = base64.b64encode(bytes(value)).decode("ascii")  # type: ignore[arg-type]
        elif self.type is str and isinstance(value, str):
            text = value
        else:
            raise ValueError(f"{self.key}: {value!r} is not a {self.type.__name__}")
        self.parse(text)  # the choices, the size: never store what would not read back
        return text


LANGUAGE: Setting[str] = Setting("ui/language", str, system_language, LANGUAGES)


def _bsa_formulas() -> tuple[str, ...]:
    """The domain's list, in its order."""
    from desktop.core.calculators.bsa import BSA_FORMULAS

    return tuple(BSA_FORMULAS)


BSA_FORMULA: Setting[str] = Setting("dosing/bsa_formula", str, "mosteller", _bsa_formulas)


def _unit_setting(measure: str) -> Setting[str]:
    """The unit a measurement is typed in by default: one of those its ``Measure`` offers."""

    def units() -> tuple[str, ...]:
        from desktop.core.measures import MEASURES

        return MEASURES[measure].offered_units

    return Setting(f"units/{measure}", str, lambda: units()[0], units)


WEIGHT_UNIT: Setting[str] = _unit_setting("weight")
HEIGHT_UNIT: Setting[str] = _unit_setting("height")
CREATININE_UNIT: Setting[str] = _unit_setting("creatinine")
WINDOW_GEOMETRY: Setting[QByteArray] = Setting("window/geometry", QByteArray, QByteArray)
WINDOW_STATE: Setting[QByteArray] = Setting("window/state", QByteArray, QByteArray)
INTENDED_USE_SEEN: Setting[bool] = Setting("notice/intended_use_seen", bool, False)


def default_holiday_country() -> str:
    """France for a French system (Calx's first users), else the system's own country."""
    if system_language() == "fr":
        return "FR"
    return QLocale.territoryToCode(QLocale.system().territory())


# Public holidays that close the hospital (ISO 3166 code; "" = weekends only).
HOLIDAY_COUNTRY: Setting[str] = Setting("calendar/holiday_country", str, default_holiday_country)

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    LANGUAGE,
    BSA_FORMULA,
    WEIGHT_UNIT,
    HEIGHT_UNIT,
    CREATININE_UNIT,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    INTENDED_USE_SEEN,
    HOLIDAY_COUNTRY,
)
_BY_KEY = {s.key: s for s in ALL_SETTINGS}


def _split(key: str) -> tuple[str, str]:
    section, _, name = key.rpartition("/")
    return (section or GENERAL), name


def read_ini(path: Path) -> tuple[dict[str, str], list[str]]:
    """The ``section/name → text`` pairs of an ini file, and what could not be read.

    Only text is ever produced. A file that is missing gives nothing; one that is too large, not
    UTF-8 or not ini gives nothing and one problem."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return {}, []
    except OSError as error:
        return {}, [f"{path}: {error.strerror or error}"]
    if len(raw) > MAX_FILE_BYTES:
        return {}, [f"{path}: larger than {MAX_FILE_BYTES} bytes"]
    parser = configparser.RawConfigParser(
        strict=False, interpolation=None, delimiters=("=",), comment_prefixes=(";", "#")
    )
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    try:
        parser.read_string(raw.decode("utf-8"))
    except (UnicodeDecodeError, configparser.Error) as error:
        return {}, [f"{path}: {type(error).__name__}"]
    values: dict[str, str] = {}
    for section in parser.sections():
        for name, text in parser.items(section, raw=True):
            key = name if section == GENERAL else f"{section}/{name}"
            values[key] = text if text is not None else ""
    return values, []


def write_ini(path: Path, values: dict[str, str]) -> None:
    """Write the pairs as ini text: a temporary file in the same folder renamed over the old one,
    so a crash never leaves half a file. Folder 0700, file 0600."""
    parser = configparser.RawConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    for key in sorted(values):
        section, name = _split(key)
        if not parser.has_section(section):
            parser.add_section(section)
        parser.set(section, name, values[key])
    from desktop.paths import private_folder, write_atomically

    private_folder(path.parent)
    text = io.StringIO()
    parser.write(text)
    write_atomically(path, text.getvalue().encode("utf-8"), 0o600)


class Preferences:
    """Typed access to the declared settings, kept in one ini file."""

    def __init__(self, path: str | Path | None = None, *, report: bool = True) -> None:
        self.path = Path(path) if path is not None else default_settings_file()
        self._raw, self.problems = read_ini(self.path)
        self._values: dict[str, Any] = {}
        for key, text in self._raw.items():
            setting = _BY_KEY.get(key)
            if setting is None:
                self.problems.append(f"{key}: unknown setting")
                continue
            try:
                self._values[key] = setting.parse(text)
            except InvalidSettingError:
                self.problems.append(f"{key}: invalid value, default used")
        # What the file holds, when it holds only valid declared values: a save that would write
        # the same values again is skipped (closing the window wrote the ini twice, fsync'ed).
        self._on_disk: dict[str, str] | None = None if self.problems else dict(self._raw)
        if report and self.problems:  # once, at start-up: the defaults are in use
            print(
                f"calx: settings file {self.path}: " + "; ".join(self.problems[:10]),
                file=sys.stderr,
            )

    @classmethod
    def at(cls, path: str | Path) -> Preferences:
        """Preferences kept in one ini file (tests, ``--self-test``)."""
        return cls(path)

    def get(self, setting: Setting[T]) -> T:
        if setting.key in self._values:
            return self._values[setting.key]
        return setting.default_value()

    def set(self, setting: Setting[T], value: T) -> None:
        text = setting.format(value)  # refuses a value of the wrong type or outside its choices
        self._values[setting.key] = setting.parse(text)
        self._raw[setting.key] = text
        self._save()

    def sync(self) -> None:
        self._save()

    def _save(self) -> None:
        # Only declared, valid values are written back: a crafted entry never survives a save.
        kept = {key: text for key, text in self._raw.items() if key in self._values}
        if kept == self._on_disk:
            return
        try:
            write_ini(self.path, kept)
            self._on_disk = kept
        except OSError as error:  # a read-only home: the window keeps working on its defaults
            print(
                f"calx: cannot save settings to {self.path}: {error.strerror or error}",
                file=sys.stderr,
            )
