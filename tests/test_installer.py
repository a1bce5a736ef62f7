"""The installer: what the bundle leaves out, how its run is judged, and (marked ``installer``,
slow) a real build whose executable must pass its self-test.

The quick tests run with ``make test``; ``make installer`` runs build_installer.py itself, and
``pytest -m installer tests/test_installer.py`` runs the build test below.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
IS_LINUX = sys.platform.startswith("linux")


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


policy = _load("bundle_policy", PACKAGING / "bundle_policy.py")
installer = _load("build_installer", ROOT / "build_installer.py")


# --- what the policy drops -------------------------------------------------------------------

QT = "PySide6/Qt"


@pytest.mark.parametrize(
    "dest",
    [
        f"{QT}/plugins/platforms/libqxcb.so",
        f"{QT}/plugins/platforms/libqwayland.so",
        f"{QT}/plugins/platforms/libqoffscreen.so",  # the self-test's platform
        f"{QT}/plugins/platformthemes/libqxdgdesktopportal.so",
        f"{QT}/plugins/imageformats/libqsvg.so",
        f"{QT}/plugins/iconengines/libqsvgicon.so",
        f"{QT}/plugins/printsupport/libcupsprintersupport.so",
        f"{QT}/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        f"{QT}/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        f"{QT}/lib/libQt6Core.so.6",
        f"{QT}/translations/qtbase_fr.qm",
        f"{QT}/translations/qt_en.qm",
        "resources/translations/calx_fr.qm",  # Calx's own translations
        "resources/translations/calx_de.qm",  # never filtered by language
        "resources/units.txt",
        "db/calx.sqlite",
        "libpython3.11.so.1.0",
        "PySide6/plugins/platforms/qwindows.dll",  # the Windows layout
        "holidays/locale/fr/LC_MESSAGES/FR.mo",
        "holidays/locale/en_US/LC_MESSAGES/JP.mo",
        "holidays/locale/fr_HT/LC_MESSAGES/HT.mo",
        "holidays/locale/en_GB/LC_MESSAGES/GB.mo",
        "holidays/countries/germany.py",  # every country stays selectable
        "holidays-0.108.dist-info/METADATA",  # holidays reads its version from it
        "holidays-0.108.dist-info/entry_points.txt",
        "holidays-0.108.dist-info/licenses/LICENSE",
        "pint-0.25.3.dist-info/METADATA",  # pint reads its version at import
        "dateutil/zoneinfo/__init__.py",
    ],
)
def test_policy_keeps_what_calx_uses(dest: str) -> None:
    assert policy.drop_reason(dest) is None


@pytest.mark.parametrize(
    "dest",
    [
        f"{QT}/plugins/platforms/libqeglfs.so",
        f"{QT}/plugins/platforms/libqvnc.so",
        f"{QT}/plugins/platforms/libqlinuxfb.so",
        f"{QT}/plugins/platformthemes/libqgtk3.so",
        f"{QT}/plugins/imageformats/libqtiff.so",
        f"{QT}/plugins/imageformats/libqpdf.so",
        f"{QT}/plugins/egldeviceintegrations/libqeglfs-kms-egldevice-integration.so",
        f"{QT}/plugins/generic/libqevdevmouseplugin.so",
        f"{QT}/plugins/tls/libqopensslbackend.so",
        f"{QT}/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        f"{QT}/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        f"{QT}/lib/libQt6EglFSDeviceIntegration.so.6",
        f"{QT}/translations/qtbase_de.qm",
        f"{QT}/translations/qt_help_fr.qm",
        "babel/locale-data/fr.dat",  # babel is left out whole
        "babel/global.dat",
        "pint/default_en.txt",
        "pint/testsuite/baseline/test_basic_plot.png",
        "dateutil/zoneinfo/dateutil-zoneinfo.tar.gz",
        "libcups.so.2",
        "PySide6/opengl32sw.dll",
        "PySide6/plugins/platforms/qdirect2d.dll",
        "holidays/locale/de/LC_MESSAGES/DE.mo",
        "holidays/locale/ja/LC_MESSAGES/JP.mo",
        "holidays/locale/fil/LC_MESSAGES/PH.mo",
        "holidays-0.108.dist-info/RECORD",
    ],
)
def test_policy_drops_what_calx_does_not_use(dest: str) -> None:
    assert policy.drop_reason(dest)


@pytest.mark.parametrize("system_language", ["C.UTF-8", "fr_FR.UTF-8", "en_US.UTF-8"])
def test_every_holiday_name_file_calx_opens_is_kept(
    system_language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every country's holidays in French and in English, as Calx asks for them, on a system in
    French, in English or in none: the translation files gettext finds are all bundled."""
    import datetime as dt
    import gettext

    import holidays

    from desktop.core.closed_days import _holidays

    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", system_language)
    site = Path(holidays.__file__).parent.parent
    opened: set[str] = set()
    find = gettext.find

    def recording_find(*args: object, **kwargs: object) -> object:
        found = find(*args, **kwargs)  # type: ignore[arg-type]
        for path in found if isinstance(found, list) else [found] if found else []:
            opened.add(Path(path).relative_to(site).as_posix())
        return found

    monkeypatch.setattr(gettext, "find", recording_find)
    for country in holidays.list_supported_countries():
        for lang in ("fr", "en"):
            _holidays.__wrapped__(country, dt.date.today().year, lang)
    # French and English names were looked up (France's, Japan's)
    assert {"holidays/locale/fr/LC_MESSAGES/FR.mo", "holidays/locale/en_US/LC_MESSAGES/JP.mo"} <= (
        opened
    )
    assert [path for path in sorted(opened) if policy.drop_reason(path)] == []


def test_a_distributions_version_is_read_without_its_record(tmp_path: Path) -> None:
    from importlib.metadata import PathDistribution, distribution

    installed = distribution("holidays")
    copy = tmp_path / "holidays.dist-info"
    record = next(f for f in installed.files or [] if f.name == "RECORD")
    shutil.copytree(Path(str(installed.locate_file(record))).parent, copy)
    (copy / "RECORD").unlink()
    assert PathDistribution(copy).version == installed.version
    assert installed.files and PathDistribution(copy).files is None  # what RECORD served


_REFUSE_LEFT_OUT = """
import importlib.abc, importlib.machinery as machinery, importlib.util, os, sys
blocked = set(os.environ["CALX_TEST_LEFT_OUT"].split(","))
stubs = dict(entry.split("=", 1) for entry in os.environ["CALX_TEST_STUBS"].split(","))
class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name in stubs:  # the bundle's stand-in
            return importlib.util.spec_from_file_location(name, stubs[name])
        if any(name == b or name.startswith(b + ".") for b in blocked):
            raise ImportError(name + " is left out of the bundle")
sys.meta_path.insert(0, Refuse())

# Compiled as the bundle's archive is: without docstrings (a fresh bytecode cache, so that none
# compiled with them is read instead).
spec = importlib.util.spec_from_file_location("bundle_policy", os.environ["CALX_TEST_POLICY"])
policy = sys.modules["bundle_policy"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(policy)
sys.pycache_prefix = os.environ["CALX_TEST_PYCACHE"]
class WithoutDocstrings(machinery.SourceFileLoader):
    def source_to_code(self, data, path, *, _optimize=-1):
        if policy.keeps_docstrings(self.name):
            return super().source_to_code(data, path, _optimize=_optimize)
        return policy.without_docstrings(data, path)
hook = machinery.FileFinder.path_hook(
    (machinery.ExtensionFileLoader, machinery.EXTENSION_SUFFIXES),
    (WithoutDocstrings, machinery.SOURCE_SUFFIXES),
    (machinery.SourcelessFileLoader, machinery.BYTECODE_SUFFIXES),
)
sys.path_hooks[:] = [
    hook if getattr(h, "__name__", "") == "path_hook_for_FileFinder" else h for h in sys.path_hooks
]
sys.path_importer_cache.clear()
"""
_WITHOUT_DOCSTRINGS = (
    "import holidays.holiday_base, json, pint, desktop.core.units\n"
    "print(holidays.holiday_base.HolidayBase.__doc__, pint.UnitRegistry.__doc__,\n"
    "      json.dumps.__doc__, desktop.core.units.__doc__, desktop.core.units.ureg.__doc__)\n"
)
# filelock's own fallback on a file system without flock (some network homes): a soft lock.
_SOFT_LOCK = (
    "import errno, fcntl, tempfile, warnings\n"
    "def no_flock(fd, operation):\n"
    "    raise OSError(errno.ENOSYS, 'flock is not implemented here')\n"
    "fcntl.flock = no_flock\n"
    "from desktop.data.userdb import UserDB\n"
    "folder = tempfile.mkdtemp()\n"
    "with warnings.catch_warnings(record=True) as caught:\n"
    "    warnings.simplefilter('always')\n"
    "    UserDB.open(folder).close()\n"
    "    again = UserDB.open(folder)\n"
    "    again.close()\n"
    "import sys\n"
    "print([str(w.message) for w in caught], 'asyncio' in sys.modules,\n"
    "      sys.modules['filelock.asyncio'].__file__)\n"
)
_IMPORT_ALL = (
    "import importlib, pkgutil, desktop\n"
    "names = [m.name for m in pkgutil.walk_packages(desktop.__path__, 'desktop.')]\n"
    "for name in names:\n"
    "    importlib.import_module(name)\n"
    "print(len(names))\n"
)


def test_calx_runs_without_the_modules_left_out(tmp_path: Path, reference_db: Path) -> None:
    """The modules the policy excludes, refused at import (sitecustomize), and every other
    module compiled without its docstrings, as in the bundle: every module of Calx still loads,
    the self-test the bundle runs (window, both PDFs, calendar, holiday names) passes, and the
    user database still opens under filelock's soft-lock fallback. The stubs of Pillow and of
    filelock.asyncio stand in for them, as in the bundle."""
    blocked = [m for m in policy.excluded_modules(None) if m != "PIL"]
    assert {"_pydecimal", "reportlab.graphics", "pyexpat", "holidays.financial"} <= set(blocked)
    assert {
        "asyncio",
        "filelock.asyncio",
        "babel",
        "urllib.request",
        "http",
        "xml.sax",
        "reportlab.pdfbase._glyphlist",
        "filelock._read_write",
        "click._termui_impl",
        "_asyncio",
        "_zoneinfo",
    } <= set(blocked)
    assert policy.is_excluded("holidays.financial.ny_stock_exchange")
    assert not policy.is_excluded("holidays.countries.germany")
    assert not policy.is_excluded("urllib.parse")  # only the request side goes
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(_REFUSE_LEFT_OUT, encoding="utf-8")
    stub = PACKAGING / policy.PILLOW_STUB[1]
    asyncio_stub = policy.FILELOCK_ASYNCIO_STUB
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": os.pathsep.join([str(site), str(stub.parent)]),
        "CALX_TEST_LEFT_OUT": ",".join(blocked),
        "CALX_TEST_STUBS": f"{asyncio_stub[0]}={PACKAGING / asyncio_stub[1]}",
        "CALX_TEST_POLICY": str(PACKAGING / "bundle_policy.py"),
        "CALX_TEST_PYCACHE": str(tmp_path / "pycache"),
        "CALX_DB": str(reference_db),
        "QT_QPA_PLATFORM": "offscreen",
    }
    outputs = []
    for args in (
        ["-c", _WITHOUT_DOCSTRINGS],
        ["-c", _IMPORT_ALL],
        ["-m", "desktop", "--self-test"],
        ["-c", _SOFT_LOCK],
    ):
        result = subprocess.run(
            [sys.executable, *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=180,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "left out of the bundle" not in result.stderr
        outputs.append(result.stdout)
    assert outputs[0].split() == ["None"] * 5
    assert "self-test passed" in outputs[2]
    assert "rendered to PDF" in outputs[2]
    assert "falling back to SoftFileLock" in outputs[3]
    # ... through the stub, without asyncio
    assert outputs[3].split()[-2:] == ["False", str(PACKAGING / asyncio_stub[1])]


def _imports_from(module_path: Path, target: str) -> set[str]:
    """Names a module imports from ``target`` at run time (not in `if TYPE_CHECKING:`)."""
    tree = ast.parse(module_path.read_text(encoding="utf-8"))
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for statement in node.body
        for inner in ast.walk(statement)
    }
    package = module_path.parent.name
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and id(node) not in typing_only:
            module = f"{package}.{node.module}" if node.level == 1 else node.module
            if module == target:
                names |= {alias.name for alias in node.names}
    return names


def test_filelocks_fallback_asks_the_asyncio_stub_only_what_it_answers() -> None:
    """filelock.asyncio is left out with asyncio; its stub must answer every run-time import of
    it by the filelock modules the bundle keeps (a new filelock could ask for more)."""
    import filelock

    stub = _load("filelock_asyncio_stub", PACKAGING / policy.FILELOCK_ASYNCIO_STUB[1])
    folder = Path(filelock.__file__).parent
    asked: set[str] = set()
    for path in sorted(folder.rglob("*.py")):
        name = ".".join(path.relative_to(folder.parent).with_suffix("").parts)
        if not policy.is_excluded(name):
            asked |= _imports_from(path, "filelock.asyncio")
    assert asked == {"AsyncSoftFileLock", "BaseAsyncFileLock"}  # UnixFileLock's soft fallback
    for name in asked:
        assert isinstance(getattr(stub, name), type)
    with pytest.raises(RuntimeError, match="left out"):
        stub.AsyncSoftFileLock("x.lock")
    with pytest.raises(AttributeError, match="left out"):
        _ = stub.AsyncFileLock


def test_pint_definitions_stay_when_the_app_has_none_of_its_own() -> None:
    keep = policy.Options(keep_pint_definitions=True)
    assert policy.drop_reason("pint/default_en.txt", keep) is None


def test_every_unused_pyside6_module_is_excluded(tmp_path: Path) -> None:
    for name in (
        "QtCore.abi3.so",
        "QtPdf.abi3.so",
        "QtNetwork.abi3.so",
        "QtQml.abi3.so",
        "QtWebEngineCore.pyd",
        "__init__.py",
    ):
        (tmp_path / name).write_bytes(b"")
    excluded = policy.excluded_modules(tmp_path)
    assert {"PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtWebEngineCore"} <= set(excluded)
    assert "PySide6.QtCore" not in excluded and "PySide6.QtPdf" not in excluded
    assert "tkinter" in excluded


def test_pillow_is_left_out_and_its_stub_lets_reportlab_draw_the_same_pdf(tmp_path: Path) -> None:
    assert "PIL" in policy.excluded_modules(None)
    stub = PACKAGING / policy.PILLOW_STUB[1]
    assert (stub / "__init__.py").is_file() and (stub / "Image.py").is_file()
    # The same document with the real Pillow and with the stub in its place: same bytes.
    script = (
        "import io, sys\n"
        "from reportlab.lib.styles import getSampleStyleSheet\n"
        "from reportlab.platypus import Paragraph, SimpleDocTemplate, Table\n"
        "import PIL\n"
        "out = io.BytesIO()\n"
        "SimpleDocTemplate(out, invariant=1).build([Paragraph('Calx <b>µg</b>', "
        "getSampleStyleSheet()['BodyText']), Table([['a', 'b']])])\n"
        "sys.stdout.write(PIL.__file__ + '\\n' + out.getvalue().hex())\n"
    )
    env = {**os.environ, "HOME": str(tmp_path)}
    real = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    ).stdout.split("\n")
    stubbed = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(stub.parent)},
        check=True,
    ).stdout.split("\n")
    assert Path(stubbed[0]).parent == stub and Path(real[0]).parent != stub
    assert stubbed[1] == real[1]


def test_the_checkouts_development_key_is_not_bundled_in_place_of_the_signing_one() -> None:
    assert "trust/development-key.json" in policy.RESOURCE_SKIPPED_FILES


# --- how the bytecode is compiled ------------------------------------------------------------

_COMPILED = (
    "import json\n"
    "ns = {}\n"
    "exec(compile('def f():\\n    \"\"\"Help.\"\"\"\\n    assert 1 > 2\\n', 'm.py', 'exec'), ns)\n"
    "code = ns['f'].__code__\n"
    "try:\n"
    "    ns['f']()\n"
    "    asserted = False\n"
    "except AssertionError:\n"
    "    asserted = True\n"
    "print(json.dumps({'doc': ns['f'].__doc__, 'asserted': asserted,\n"
    "    'lines': sorted({p[0] for p in code.co_positions() if p[0]}),\n"
    "    'columns': sorted({str(p[2]) for p in code.co_positions()})}))\n"
)


def _compiled(*options: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, *options, "-c", _COMPILED], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_bytecode_loses_its_column_tables_not_its_lines_docstrings_or_asserts() -> None:
    plain, bundled = _compiled(), _compiled(*policy.INTERPRETER_OPTIONS)
    assert plain["columns"] != ["None"]  # what the option takes away
    assert bundled["columns"] == ["None"]
    assert bundled["lines"] == plain["lines"] == [1, 3]  # tracebacks keep their lines
    assert bundled["doc"] == "Help." and bundled["asserted"] is True


_DOCUMENTED = '''"""A module."""
from __future__ import annotations

import dataclasses

class Kept:
    """Its docstring goes."""

    value: int = 1


@dataclasses.dataclass(frozen=True)
class Data:
    """A dataclass keeps it (else @dataclass computes one at import)."""

    value: int = 1


def only_a_docstring():
    """Nothing else."""


def checked(x: int) -> int:
    """Its docstring goes; its assert stays."""
    assert x > 0, "positive"
    return x
'''


def test_the_archive_is_compiled_without_docstrings_but_with_asserts_and_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code = policy.without_docstrings(_DOCUMENTED.encode(), "documented.py")
    module = ModuleType("documented")
    monkeypatch.setitem(sys.modules, "documented", module)  # @dataclass looks its module up
    exec(code, module.__dict__)
    namespace = module.__dict__
    kept, only, checked = namespace["Kept"], namespace["only_a_docstring"], namespace["checked"]
    assert namespace.get("__doc__") is None and kept.__doc__ is None  # type: ignore[attr-defined]
    assert only.__doc__ is None and only() is None  # type: ignore[operator, attr-defined]
    assert checked.__doc__ is None and checked(2) == 2  # type: ignore[operator, attr-defined]
    with pytest.raises(AssertionError, match="positive"):
        checked(0)  # type: ignore[operator]
    assert checked.__annotations__ == {"x": "int", "return": "int"}  # the future import holds
    assert namespace["Data"].__doc__.startswith("A dataclass keeps it")  # type: ignore[attr-defined]
    assert checked.__code__.co_firstlineno == 23  # type: ignore[attr-defined]
    lines = {p[0] for p in checked.__code__.co_positions() if p[0]}  # type: ignore[attr-defined]
    assert lines == {23, 25, 26}


def test_docstrings_stay_only_in_qts_bindings() -> None:
    assert policy.keeps_docstrings("PySide6") and policy.keeps_docstrings("shiboken6.Shiboken")
    for module in ("desktop.core.units", "holidays.countries.france", "json", "PySide6x"):
        assert not policy.keeps_docstrings(module)


def test_a_distributions_metadata_is_read_the_same_without_its_description(
    tmp_path: Path,
) -> None:
    from importlib.metadata import PathDistribution, distribution

    for name in ("pint", "holidays", "flexparser"):
        installed = distribution(name)
        copy = tmp_path / f"{name}.dist-info"
        copy.mkdir()
        text = installed.read_text("METADATA") or ""
        trimmed = policy.metadata_headers(text)
        (copy / "METADATA").write_text(trimmed, encoding="utf-8")
        assert len(trimmed) < len(text) / 2  # the README went
        short = PathDistribution(copy)
        assert short.version == installed.version and short.name == installed.name
        assert short.requires == installed.requires
        assert short.metadata.get("Description") is None
    assert policy.metadata_headers("Name: x\nVersion: 1") == "Name: x\nVersion: 1"


def test_modules_of_other_systems_are_left_out_of_this_ones_bundle() -> None:
    linux = set(policy.excluded_modules(None, "linux"))
    windows = set(policy.excluded_modules(None, "win32"))
    assert {"asyncio.windows_events", "platformdirs.windows", "platformdirs.macos"} <= linux
    assert "asyncio.windows_events" not in windows and "platformdirs.windows" not in windows
    assert "platformdirs.macos" in windows
    assert "platformdirs.unix" not in linux | windows


_ICS_WITHOUT_ZONE_FILES = (
    "import sys, warnings\n"
    "warnings.simplefilter('ignore')\n"
    "if sys.argv[1] == 'bare':\n"
    "    import dateutil.tz.tz, dateutil.zoneinfo\n"
    "    dateutil.tz.tz.TZPATHS[:] = []  # a system without /usr/share/zoneinfo\n"
    "    dateutil.zoneinfo.getzoneinfofile_stream = lambda: None  # and no dateutil tarball\n"
    "from icalendar.timezone import tzid\n"
    "from plan_helpers import PREPARED_ON, START, patient_80_180\n"
    "from desktop.data.refdb import ReferenceDB\n"
    "from desktop.reports.ics import schedule_to_ics\n"
    "from desktop.reports.model import build_plan\n"
    "plan = build_plan(ReferenceDB.open(sys.argv[2]), patient_80_180(), ['rituximab-375-weekly'],\n"
    "    START, 'fr', patient_name='Zoë Martin', prepared_by='Dr Claire Dupont',\n"
    "    prepared_on=PREPARED_ON, choices=None)\n"
    "print(type(tzid.DATEUTIL_UTC).__name__)\n"
    "print(schedule_to_ics(plan).decode())\n"
)


def test_the_calendar_is_the_same_without_dateutils_zone_files(
    tmp_path: Path, reference_db: Path
) -> None:
    """dateutil's copy of the time zone database is left out: on a system without one of its own,
    icalendar's import gets dateutil's UTC, and Calx's calendar is the same file."""
    env = {**os.environ, "HOME": str(tmp_path), "PYTHONPATH": str(ROOT / "tests")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", _ICS_WITHOUT_ZONE_FILES, mode, str(reference_db)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=True,
        ).stdout.split("\n", 1)
        for mode in ("system", "bare")
    ]
    assert runs[0][0] == "tzfile" and runs[1][0] == "tzutc"  # what the tarball would answer
    assert "DTSTAMP:20" in runs[0][1] and "Z\n" in runs[0][1]  # a UTC stamp was written
    assert runs[0][1] == runs[1][1]


def test_pyinstaller_runs_with_the_policys_options_and_rebuilds_when_they_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands: list[list[str]] = []

    def run(cmd: list[object], **_: object) -> subprocess.CompletedProcess[str]:
        commands.append([str(c) for c in cmd])
        return subprocess.CompletedProcess(cmd, 0, "calx.spec: left out 0 files\n")

    def build(name: str = "calx") -> list[str]:
        installer.pyinstaller(Path("python"), tmp_path / "dist", tmp_path, name, [], False)
        return commands[-1]

    monkeypatch.setattr(installer, "run", run)
    first, second = build(), build()
    assert first[1 : 1 + len(policy.INTERPRETER_OPTIONS)] == list(policy.INTERPRETER_OPTIONS)
    assert "--clean" not in first  # no cache yet
    assert "--clean" not in second  # a cache built with these options
    (tmp_path / "pyinstaller" / "bare").mkdir(parents=True)
    assert "--clean" in build("bare")  # a cache built before the options were recorded
    monkeypatch.setattr(installer, "load_policy", lambda: SimpleNamespace(INTERPRETER_OPTIONS=()))
    assert "--clean" in build()  # a cache built with other options


# --- libraries left orphaned by dropped plugins ----------------------------------------------


def test_prune_drops_libraries_only_dropped_plugins_link() -> None:
    gtk = (f"{QT}/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY")
    portal = (f"{QT}/plugins/platformthemes/libqxdgdesktopportal.so", "/src/portal.so", "BINARY")
    cairo = ("libcairo.so.2", "/sys/libcairo.so.2", "BINARY")  # gtk3 only
    pixman = ("libpixman-1.so.0", "/sys/libpixman-1.so.0", "BINARY")  # via cairo only
    glib = ("libglib-2.0.so.0", "/sys/libglib-2.0.so.0", "BINARY")  # gtk3 and portal
    ctypes_lib = ("libloaded.so", "/sys/libloaded.so", "BINARY")  # linked by nothing
    gui = (f"{QT}/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY")
    gui_link = ("libQt6Gui.so.6", f"{QT}/lib/libQt6Gui.so.6", "SYMLINK")
    links = {
        "/src/libqgtk3.so": ["libcairo.so.2", "libglib-2.0.so.0", "libQt6Gui.so.6"],
        "/sys/libcairo.so.2": ["libpixman-1.so.0"],
        "/src/portal.so": ["libglib-2.0.so.0", "libQt6Gui.so.6"],
    }
    binaries = [gtk, portal, cairo, pixman, glib, ctypes_lib, gui, gui_link]
    kept, _, report = policy.prune(binaries, [], lambda src: links.get(src, []))

    assert set(report.dropped) == {gtk[0], cairo[0], pixman[0]}
    assert kept == [portal, glib, ctypes_lib, gui, gui_link]


def test_prune_follows_direct_links_not_through_dropped_libraries() -> None:
    # libcups is dropped (the user's own is used); the kept cups plugin still names it, but the
    # TLS stack only libcups links must go with it.
    plugin = (f"{QT}/plugins/printsupport/libcupsprintersupport.so", "/src/cupsps.so", "BINARY")
    cups = ("libcups.so.2", "/sys/libcups.so.2", "BINARY")
    gnutls = ("libgnutls.so.30", "/sys/libgnutls.so.30", "BINARY")
    links = {"/src/cupsps.so": ["libcups.so.2"], "/sys/libcups.so.2": ["libgnutls.so.30"]}
    kept, _, report = policy.prune([plugin, cups, gnutls], [], lambda s: links.get(s, []))
    assert kept == [plugin]
    assert report.dropped[gnutls[0]] == "library only dropped files link"


def test_prune_drops_the_symlink_to_a_dropped_library() -> None:
    eglfs = (f"{QT}/lib/libQt6EglFSDeviceIntegration.so.6", "/src/eglfs.so", "BINARY")
    link = ("libQt6EglFSDeviceIntegration.so.6", eglfs[0], "SYMLINK")
    kept, _, report = policy.prune([eglfs, link], [], lambda s: [])
    assert kept == []
    assert report.dropped[link[0]] == "link to a dropped library"


def test_prune_filters_data_files_too() -> None:
    datas = [
        ("holidays/locale/de/LC_MESSAGES/DE.mo", "/x/DE.mo", "DATA"),
        ("holidays/locale/fr/LC_MESSAGES/DE.mo", "/x/DE.mo", "DATA"),
    ]
    _, kept, report = policy.prune([], datas, lambda s: [])
    assert kept == [datas[1]]
    assert "holiday names in a language" in report.summary()


@pytest.mark.skipif(not IS_LINUX, reason="ELF files are Linux's")
def test_elf_needed_reads_direct_links_only() -> None:
    import PySide6

    qtcore = next(Path(PySide6.__file__).parent.glob("QtCore*.so"))
    needed = policy.elf_needed(str(qtcore))
    assert "libQt6Core.so.6" in needed
    # ldd would list libicuuc (linked by libQt6Core); the direct links do not.
    assert not any(name.startswith("libicu") for name in needed)
    assert policy.elf_needed(str(ROOT / "build_installer.py")) == []


# --- how a run of the bundle is judged -------------------------------------------------------


@pytest.mark.parametrize(
    "stderr",
    [
        "Traceback (most recent call last):\n  File ...",
        "ModuleNotFoundError: No module named 'PIL'",
        "critical: QPainter::begin: Paint device returned engine == 0",
        "fatal: This application failed to start",
        "Error: cannot open the reference database",
    ],
)
def test_errors_on_stderr_fail_the_build(stderr: str) -> None:
    assert installer.unexpected_errors(stderr)


@pytest.mark.parametrize(
    "stderr",
    [
        "",
        "warning: This plugin does not support propagateSizeHints()",
        "warning: qt.qpa.fonts: Populating font family aliases took 60 ms",
    ],
)
def test_known_warnings_do_not(stderr: str) -> None:
    assert installer.unexpected_errors(stderr) == []


def test_the_bundle_keeps_every_qt_module_the_app_imports() -> None:
    """Every PySide6 module imported anywhere in desktop/ is in the policy's KEPT_QT_MODULES
    (the others are left out of the bundle, where importing them would fail)."""
    imported: dict[str, set[str]] = {}
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module == "PySide6":
                names = [f"PySide6.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                if name.startswith("PySide6."):
                    imported.setdefault(name.split(".")[1], set()).add(path.name)
    assert {"QtCore", "QtWidgets", "QtPdf"} <= set(imported)  # the walk sees the app's imports
    left_out = {
        name: files for name, files in imported.items() if name not in policy.KEPT_QT_MODULES
    }
    assert not left_out, f"add them to KEPT_QT_MODULES in packaging/bundle_policy.py: {left_out}"


def test_tree_size_counts_files_once_and_links_never(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "libQt6Core.so.6").write_bytes(b"x" * 1000)
    (tmp_path / "data.txt").write_bytes(b"y" * 24)
    if IS_LINUX:
        (tmp_path / "libQt6Core.so.6").symlink_to("lib/libQt6Core.so.6")
    assert installer.tree_size(tmp_path) == (1024, 2)


def _fake_executable(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "calx"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(0o755)
    return script


@pytest.mark.skipif(shutil.which("sh") is None, reason="fake executables are shell scripts")
@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("echo 'self-test failed'; exit 1", "exited with code 1"),
        ("echo 'Traceback (most recent call last):' >&2; exit 0", "printed errors on stderr"),
        ("echo 'critical: QFont: cannot load font' >&2", "printed errors on stderr"),
        ("sleep 5", "did not finish within 1 s"),
    ],
)
def test_a_failing_or_hanging_executable_fails_the_build(
    tmp_path: Path, body: str, reason: str
) -> None:
    with pytest.raises(installer.BuildError, match=reason):
        installer.run_bundle(_fake_executable(tmp_path, body), ["--self-test"], 1, "calx")


@pytest.mark.skipif(shutil.which("sh") is None, reason="fake executables are shell scripts")
def test_the_executable_runs_without_python_in_a_fresh_home(tmp_path: Path) -> None:
    body = (
        'echo "home=$HOME qpa=$QT_QPA_PLATFORM venv=${VIRTUAL_ENV:-none} '
        'pythonpath=${PYTHONPATH:-none} cwd=$(pwd)"; '
        'echo "warning: This plugin does not support propagateSizeHints()" >&2'
    )
    result = installer.run_bundle(_fake_executable(tmp_path, body), [], 10, "calx")
    fields = dict(item.split("=", 1) for item in result.stdout.split())
    assert fields["qpa"] == "offscreen"
    assert fields["venv"] == "none" and fields["pythonpath"] == "none"
    assert fields["home"] == fields["cwd"] != str(Path.home())
    assert result.warnings == ["warning: This plugin does not support propagateSizeHints()"]


# --- the Linux menu entry --------------------------------------------------------------------


def test_desktop_entry_has_what_menus_need() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(PACKAGING / "calx.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == "calx" and section["Icon"] == "calx"
    assert section["Terminal"] == "false"
    assert section["Categories"].endswith(";")
    # Qt names the window class after the executable: the entry must match it.
    assert section["StartupWMClass"] == "calx"
    for key in ("GenericName", "Comment", "Keywords"):
        assert section[f"{key}[fr]"], f"{key} lacks its French text"


@pytest.mark.skipif(not IS_LINUX or shutil.which("sh") is None, reason="a Linux desktop script")
def test_menu_entry_script_quotes_the_folder_path(tmp_path: Path) -> None:
    bundle = tmp_path / 'Calx folder "new" $HOME'
    bundle.mkdir()
    for name in ("calx.desktop", "install-desktop-entry.sh"):
        shutil.copy2(PACKAGING / name, bundle / name)
    (bundle / "calx.png").write_bytes(b"png")
    (bundle / "calx").write_text("#!/bin/sh\n")
    (bundle / "calx").chmod(0o755)
    env = {"HOME": str(tmp_path / "home"), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    subprocess.run(
        ["sh", str(bundle / "install-desktop-entry.sh")], env=env, check=True, capture_output=True
    )
    installed = tmp_path / "home/.local/share/applications/calx.desktop"
    lines = installed.read_text(encoding="utf-8").splitlines()
    exec_line = next(line for line in lines if line.startswith("Exec="))
    # Desktop Entry quoting: \" and \$ inside double quotes, each backslash then doubled.
    assert exec_line == f'Exec="{tmp_path}/Calx folder \\\\"new\\\\" \\\\$HOME/calx"'
    assert (tmp_path / "home/.local/share/icons/hicolor/256x256/apps/calx.png").is_file()
    subprocess.run(
        ["sh", str(bundle / "install-desktop-entry.sh"), "--remove"],
        env=env,
        check=True,
        capture_output=True,
    )
    assert not installed.exists()


# --- the real build (slow: `pytest -m installer`) --------------------------------------------


@pytest.mark.installer
def test_bundle_builds_and_its_executable_passes_the_self_test(tmp_path: Path) -> None:
    dist, work = tmp_path / "dist", tmp_path / "build"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build_installer.py"),
            "--dist",
            str(dist),
            "--work",
            str(work),
            "--no-baseline",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout or "--exit-after-startup: passed" in result.stdout

    bundle = dist / "calx"
    internal = bundle / "_internal"
    assert (internal / "db" / "calx.sqlite").is_file()
    assert (internal / "resources" / "units.txt").is_file()
    assert list((internal / "resources" / "fonts").glob("*.ttf"))
    if IS_LINUX:
        assert os.access(bundle / "calx", os.X_OK)
        for name in ("calx.desktop", "calx.png", "install-desktop-entry.sh", "README.txt"):
            assert (bundle / name).is_file(), name
    # The policy's exclusions reached the bundle.
    plugins = internal / "PySide6" / "Qt" / "plugins"
    assert not (plugins / "platforms" / "libqeglfs.so").exists()
    assert not (plugins / "platformthemes" / "libqgtk3.so").exists()
    assert not (internal / "babel").exists()
    assert not list(internal.rglob("libcups.so*"))
    if IS_LINUX:
        import tarfile

        (archive,) = dist.glob("calx-*-linux-*.tar.gz")
        with tarfile.open(archive) as packed:
            assert packed.getmember("calx/calx").mode & 0o111  # still executable once unpacked
