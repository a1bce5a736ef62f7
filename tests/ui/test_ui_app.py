"""The real program, as a separate process: start-up flags, lazy imports, translations."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ACCELERATOR = re.compile(r"&[^\s&;]")
TRANSLATIONS = ROOT / "resources" / "translations"


def _run(
    args: list[str], calx_db: Path, home: Path, timeout: float = 60
) -> subprocess.CompletedProcess:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        CALX_DB=str(calx_db),
        XDG_CONFIG_HOME=str(home),
        HOME=str(home),
    )
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def test_exit_after_startup_paints_and_exits_zero(calx_db, tmp_path):
    done = _run(["-m", "desktop", "--exit-after-startup"], calx_db, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_self_test_passes_on_the_real_window(calx_db, tmp_path):
    done = _run(["-m", "desktop", "--self-test"], calx_db, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout
    assert "rituximab-375-weekly: calculated '681.79 mg'" in done.stdout
    assert "infliximab-3-mg-kg: calculated '210 mg'" in done.stdout


def test_self_test_fails_without_a_database(tmp_path):
    done = _run(["-m", "desktop", "--self-test"], tmp_path / "missing.sqlite", tmp_path)
    assert done.returncode == 1
    assert "FAIL reference database opened" in done.stdout
    assert "Traceback" not in done.stderr


PROBE = """
import json, sys
from desktop.ui import main_window
HEAVY = ("pint", "reportlab", "sqlite3", "sqlite_utils", "babel", "desktop.core.dosing",
         "desktop.data.refdb", "desktop.core.units", "desktop.core.words",
         "desktop.core.calculators")
seen = {}
paint = main_window.MainWindow.paintEvent
def first_paint(self, event):
    paint(self, event)
    if not seen:
        seen.update({name: name in sys.modules for name in HEAVY})
main_window.MainWindow.paintEvent = first_paint
from desktop.ui.app import run
code = run(["--exit-after-startup"])
print(json.dumps(seen))
sys.exit(code)
"""


def _probe(script: str, calx_db: Path, home: Path) -> dict:
    """Run a probe of the real start-up; what it saw, from its last line (JSON)."""
    done = _run(["-c", script], calx_db, home)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_heavy_modules_wait_for_the_first_paint(calx_db, tmp_path):
    loaded = _probe(PROBE, calx_db, tmp_path)
    assert loaded and not any(loaded.values()), loaded


# After the real self-test: what it left out of memory (issue 13), and the hashes it used.
AFTER_SELF_TEST = """
import json, sys
from desktop.ui.app import run
code = run(["--self-test"])
import hashlib, hmac
print(json.dumps({
    "code": code,
    "openssl": "_hashlib" in sys.modules,
    "abc": hashlib.sha256(b"abc").hexdigest(),
    "hmac": hmac.new(b"Jefe", b"what do ya want for nothing?", hashlib.sha256).hexdigest(),
    "lunar": [m for m in sys.modules if m.startswith("holidays.calendars.")
              and m.rpartition(".")[2] in ("islamic", "hindu", "chinese", "hebrew", "tibetan")],
}))
"""


def test_the_self_test_leaves_openssl_and_the_lunar_calendars_out(calx_db, tmp_path):
    """The window hashes with Python's own sha256 and HMAC (OpenSSL's libcrypto, 3.4 MiB, is
    not loaded) with the same digests (FIPS 180-2's "abc", RFC 4231's second HMAC case), and
    its holiday names in four countries load none of the lunar calendars."""
    seen = _probe(AFTER_SELF_TEST, calx_db, tmp_path)
    assert seen["code"] == 0
    assert not seen["openssl"]
    assert seen["abc"] == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert seen["hmac"] == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    assert seen["lunar"] == []


def test_french_translation_is_complete_and_keeps_placeholders():
    root = ET.parse(TRANSLATIONS / "calx_fr.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 200
    for message in messages:
        source = message.find("source").text
        translation = message.find("translation")
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), source
        forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
        for text in forms:
            assert text and text.strip(), source
            for placeholder in ("%1", "%2", "%3", "%4", "%n"):
                assert (placeholder in source) == (placeholder in text), (source, text)
            # A keyboard accelerator ("&File") keeps one in French ("&Fichier").
            assert bool(ACCELERATOR.search(source)) <= bool(ACCELERATOR.search(text)), source


def test_every_window_string_is_in_the_translation_file(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (ROOT / "desktop" / "ui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)

    def strings(path: Path) -> set[tuple[str, str]]:
        root = ET.parse(path).getroot()
        return {
            (c.find("name").text, m.find("source").text)
            for c in root.iter("context")
            for m in c.iter("message")
        }

    missing = strings(fresh) - strings(TRANSLATIONS / "calx_fr.ts")
    assert not missing, f"run tools/build_translations.py --update and translate: {missing}"


COLLECTOR = """
import gc, json, sys
from PySide6.QtWidgets import QApplication
import desktop.ui.app as app_module

seen = {}
original = app_module._in_idle_time

def with_probe(steps):
    seen["off_until_usable"] = not gc.isenabled()
    def probe():
        seen.update(on_after_idle_loading=gc.isenabled(), frozen=gc.get_freeze_count())
        QApplication.instance().quit()
    original([*steps, probe])

app_module._in_idle_time = with_probe
code = app_module.run([])
print(json.dumps(seen))
sys.exit(code)
"""


def test_collector_is_off_during_start_up_and_back_on_once_usable(calx_db, tmp_path):
    seen = _probe(COLLECTOR, calx_db, tmp_path)
    assert seen["off_until_usable"] is True
    assert seen["on_after_idle_loading"] is True
    assert seen["frozen"] > 1000  # start-up's objects set aside, not walked again
