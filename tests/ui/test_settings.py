"""Settings are plain typed values read through a declared schema: a crafted ``Calx.ini`` never
runs code, and an unknown or invalid value reads as its default, reported once."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Writes, with PySide6's own QSettings, a value that QSettings.value() would unpickle: its pickle
# creates the marker file. Only pickling happens in this process.
_CRAFT = textwrap.dedent("""
    import pathlib, sys
    from PySide6.QtCore import QSettings
    class Payload:
        def __reduce__(self):
            return (pathlib.Path.touch, (pathlib.Path(sys.argv[2]),))
    store = QSettings(sys.argv[1], QSettings.Format.IniFormat)
    store.setValue("ui/language", Payload())
    store.setValue("notice/intended_use_seen", Payload())
    store.setValue("units/weight", "lb")
    store.sync()
""")


def craft(ini: Path, marker: Path) -> None:
    ini.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-c", _CRAFT, str(ini), str(marker)],
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert "PyObjectWrapper" in ini.read_text(encoding="latin-1")
    assert not marker.exists()


def test_a_crafted_settings_file_is_never_unpickled(tmp_path: Path, capsys):
    from desktop.ui.settings import INTENDED_USE_SEEN, LANGUAGE, WEIGHT_UNIT, Preferences

    ini, marker = tmp_path / "Calx.ini", tmp_path / "pwned"
    craft(ini, marker)
    prefs = Preferences.at(ini)
    assert prefs.get(LANGUAGE) in ("en", "fr")
    assert prefs.get(INTENDED_USE_SEEN) is False
    assert prefs.get(WEIGHT_UNIT) == "lb"  # the plain values around it still read
    assert not marker.exists()
    # Reported once, naming the keys; the crafted entries are dropped at the next save.
    assert len(prefs.problems) == 2 and any("ui/language" in p for p in prefs.problems)
    assert capsys.readouterr().err.count("calx: settings file") == 1
    prefs.set(WEIGHT_UNIT, "kg")
    assert "PyObjectWrapper" not in ini.read_text(encoding="utf-8")
    assert not marker.exists()


def test_the_window_starts_on_a_crafted_settings_file_without_running_it(tmp_path: Path):
    marker = tmp_path / "pwned"
    craft(tmp_path / "config" / "Calx" / "Calx.ini", marker)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
        "APPDATA": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--exit-after-startup"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert not marker.exists()
    assert "ui/language" in done.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[ui]\nlanguage=fr\n", "fr"),
        ("[ui]\nlanguage=de\n", None),  # outside its choices
        ("[ui]\nlanguage=@Invalid()\n", None),
        ("\xff\xfe garbage", None),  # not UTF-8
        ("[ui\nlanguage", None),  # not ini
        ("[ui]\nlanguage=fr\nlanguage=en\n", "en"),  # repeated key: the last one, no traceback
    ],
)
def test_invalid_values_read_as_defaults(tmp_path: Path, text: str, expected: str | None):
    from desktop.ui.settings import LANGUAGE, Preferences

    ini = tmp_path / "Calx.ini"
    ini.write_bytes(text.encode("latin-1"))
    prefs = Preferences.at(ini)
    assert prefs.get(LANGUAGE) == (expected or LANGUAGE.default_value())
    assert bool(prefs.problems) == (expected is None)


def test_values_round_trip_and_wrong_values_are_refused(tmp_path: Path):
    from PySide6.QtCore import QByteArray

    from desktop.ui.settings import (
        BSA_FORMULA,
        CREATININE_UNIT,
        INTENDED_USE_SEEN,
        WINDOW_GEOMETRY,
        InvalidSettingError,
        Preferences,
    )

    ini = tmp_path / "sub" / "Calx.ini"
    prefs = Preferences.at(ini)
    prefs.set(CREATININE_UNIT, "mg/dL")
    prefs.set(INTENDED_USE_SEEN, True)
    prefs.set(WINDOW_GEOMETRY, QByteArray(b"\x01\xd9\xd0\xcb\x00"))
    with pytest.raises(InvalidSettingError, match="bsa_formula"):
        prefs.set(BSA_FORMULA, "nonsense")
    again = Preferences.at(ini)
    assert again.get(CREATININE_UNIT) == "mg/dL" and again.get(INTENDED_USE_SEEN) is True
    assert bytes(again.get(WINDOW_GEOMETRY)) == b"\x01\xd9\xd0\xcb\x00"
    assert not again.problems
    if os.name == "posix":
        assert ini.stat().st_mode & 0o777 == 0o600
