"""What goes into a Calx bundle and what is left out.

One policy serves both bundles that ``build_installer.py`` builds, so that their size ratio means
something: the Calx application (``calx.spec``) and the bare PySide6 window it is compared with
(``calx.spec -- --bare``). Each rule below was checked by running the bundle without the files it
drops (offscreen self-test, plus the link check of ``build_installer.py`` for the plugins that only
load on a real display: xcb, wayland).

This module is plain Python (no PyInstaller import at module level) so the tests can load it.
Note: ``packaging/`` must never get an ``__init__.py``: it would shadow the ``packaging`` library
that PyInstaller and pip import.
"""

from __future__ import annotations

import ast
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import PurePosixPath
from types import CodeType

# --- How the bytecode is compiled -------------------------------------------------------------

# Options of the interpreter that runs PyInstaller (build_installer.py passes them), so of the
# bytecode both bundles carry. Python 3.11 keeps, for every instruction, the columns it came from
# (PEP 657), only to underline the failing expression in a traceback; ``-X no_debug_ranges``
# compiles without them. Tracebacks keep their files and lines; the archive of Calx's modules
# loses a quarter of its size. No ``-O``: that would also strip docstrings (click prints them as
# the command line's help) and asserts.
INTERPRETER_OPTIONS: tuple[str, ...] = ("-X", "no_debug_ranges")


# The modules of the archive (PYZ) are compiled without their docstrings, except these packages:
# Qt's bindings. A docstring is text for help() and documentation tools; neither Calx nor a
# library the bundle carries reads one back on Calx's paths (click does, for sqlite-utils' command
# line, which the bundle never runs; Calx's command line is argparse with its own texts). Unlike
# ``-OO``, asserts and ``if __debug__`` blocks stay, and tracebacks keep their lines. Applied to
# both bundles alike.
DOCSTRINGS_KEPT: tuple[str, ...] = ("PySide6", "shiboken6")

# zlib level of the archive's modules (PyInstaller's default is 6; the executable's own archive
# already uses 9). Decompressing is as fast; only the build compresses a little longer.
PYZ_COMPRESSION_LEVEL = 9


def keeps_docstrings(module: str) -> bool:
    """True for a module compiled with its docstrings (see DOCSTRINGS_KEPT)."""
    return any(module == name or module.startswith(name + ".") for name in DOCSTRINGS_KEPT)


def _is_dataclass(node: ast.AST) -> bool:
    """A class decorated with ``dataclass`` (bare, called, or as ``dataclasses.dataclass``)."""
    if not isinstance(node, ast.ClassDef):
        return False
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
        if name == "dataclass":
            return True
    return False


def without_docstrings(source: bytes | str, filename: str) -> CodeType:
    """The module's code as ``compile`` makes it, minus the docstrings of the module, its
    classes and its functions (``__doc__`` is then None); a body that held only its docstring
    holds ``pass``. Line numbers are the source's. A dataclass keeps its docstring: without one,
    ``@dataclass`` writes one from ``inspect.signature`` at every start (README, Performance)."""
    tree = ast.parse(source, filename)
    for node in ast.walk(tree):
        if isinstance(
            node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
        ) and not _is_dataclass(node):
            body = node.body
            first = body[0] if body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                if len(body) == 1:
                    body[0] = ast.copy_location(ast.Pass(), first)
                else:
                    del body[0]
    # dont_inherit: this module's own `from __future__` imports must not leak into the code.
    return compile(tree, filename, "exec", dont_inherit=True)


def metadata_headers(text: str) -> str:
    """A distribution's METADATA without its long description (the body after the headers, the
    project's README): importlib.metadata reads names, versions and requirements from the headers
    (holidays and pint ask for their version at import); no program reads the description."""
    head, blank, _body = text.replace("\r\n", "\n").partition("\n\n")
    return head + "\n" if blank else text


# --- Python modules ---------------------------------------------------------------------------

# The PySide6 modules Calx may import. Every other PySide6 module is excluded, even when a Qt
# library pulls its Python module in by link dependency (libQt6Pdf links libQt6Network: the
# library stays, the PySide6.QtNetwork module, its TLS and network-information plugins go).
KEPT_QT_MODULES: frozenset[str] = frozenset(
    {
        "QtCore",
        "QtGui",
        "QtWidgets",
        "QtSvg",
        "QtSvgWidgets",  # the SVG app icon and toolbar icons
        "QtPrintSupport",  # printing the overview table and the plan
        "QtPdf",
        "QtPdfWidgets",  # previewing the plan PDF
    }
)

# Modules no part of Calx needs at run time, that libraries import optionally or for their tests.
EXCLUDED_MODULES: tuple[str, ...] = (
    "tkinter",
    "_tkinter",
    "turtle",
    "idlelib",
    "lib2to3",
    "pydoc_data",
    "ensurepip",
    "venv",
    "distutils",
    "setuptools",
    "pkg_resources",
    "pip",
    "unittest",
    "doctest",
    "pdb",
    "test",
    "curses",
    "readline",
    "xmlrpc",
    "numpy",
    "IPython",
    "matplotlib",
    "pytest",
    "_pytest",
    "hypothesis",
    "pygments",
    "rich",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "pint.testsuite",
    "pint.testing",
    # Calx is offline: no TLS (http.client and urllib import ssl only if present).
    "ssl",
    "_ssl",
    # No process pools (concurrent.futures imports its process module only for
    # ProcessPoolExecutor, which cannot work without multiprocessing).
    "multiprocessing",
    "concurrent.futures.process",
    # reportlab decodes XMP metadata files with it (rparsexml.smartDecode); Calx embeds none.
    "charset_normalizer",
    # reportlab imports it when present, to hyphenate paragraphs whose style names a language;
    # Calx's styles name none (rl_config.hyphenationLang is empty). Its dictionaries of 70
    # languages weigh 6 MB; the tests use it to count syllables, the bundle never.
    "pyphen",
    # reportlab's charts, barcodes and drawings (0.2 MB): only its graphics validators import
    # them, on first use; Calx's PDFs are text and tables.
    "reportlab.graphics",
    # Python's XML parser (expat, 0.2 MB): Calx and its libraries parse no XML (reportlab's
    # paragraphs use html.parser; xml.sax.saxutils' escaping stays).
    "pyexpat",
    "xml.parsers.expat",
    "xml.sax.expatreader",
    # holidays' financial-market calendars and its iCalendar exporter: Calx asks only for
    # country_holidays (its own calendar export goes through icalendar).
    "holidays.financial",
    "holidays.ical",
    "holidays.generate_ics",
    # asyncio (0.2 MB with concurrent.futures and contextvars): Calx runs no coroutine. Only
    # filelock imports it, for its asyncio locks, and through filelock.asyncio when a FileLock
    # falls back to a soft lock on a file system without flock (some network homes): the Calx
    # bundle carries a stub of filelock.asyncio (FILELOCK_ASYNCIO_STUB) that answers that
    # fallback as the real module does for a synchronous lock.
    "asyncio",
    "_asyncio",
    "filelock.asyncio",
    "filelock._async",
    # filelock's other locks: read-write (a SQLite table), strict, marker and lease locks. Its
    # package loads each only when a program asks for it by name (filelock.__getattr__); Calx
    # takes a FileLock (desktop/data/userdb.py), and the soft-lock fallback needs none of them.
    "filelock._read_write",
    "filelock._async_read_write",
    "filelock._soft_rw",
    "filelock._strict",
    "filelock._lease",
    "filelock._marker",
    # babel (1.2 MB with its CLDR data): Calx writes the calendar's words itself
    # (desktop/core/formatting.py). pint imports it when present, and uses it only to format with
    # a locale (format_babel, a formatter's locale), which Calx never asks for.
    "babel",
    # URL reading (urllib.request, http, ftplib, mimetypes, netrc) and SAX: only reportlab's
    # reading of a resource by URL (rlUrlRead) and its escape helpers for document programming
    # (escapeTextOnce, DocPara) import them, inside the functions Calx never calls; Calx reads its
    # fonts by path and escapes its own markup (desktop/reports/styles.py). reportlab's
    # open_for_read, when a local file cannot be opened, tries a URL and turns any failure into
    # the same IOError.
    "urllib.request",
    "http",
    "ftplib",
    "mimetypes",
    "netrc",
    "nturl2path",
    "xml.sax",
    # reportlab's encryption, forms, Type 1 glyph names and sample text: loaded inside
    # Canvas.setEncrypt, Canvas.acroForm, EmbeddedType1Face (fonts from .afm/.pfb files) and a
    # doctemplate demo. Calx's PDFs are unencrypted, formless, and use TrueType fonts.
    "reportlab.lib.pdfencrypt",
    "reportlab.pdfbase.acroform",
    "reportlab.pdfbase._glyphlist",
    "reportlab.lib.randomtext",
    # reportlab's XMP metadata read from a file (rparsexml) and inline images (pdfimages): loaded
    # inside XMP.makeContent and Canvas.drawInlineImage; Calx's PDFs carry neither.
    "reportlab.lib.rparsexml",
    "reportlab.pdfgen.pdfimages",
    # python-bidi's legacy pure-Python algorithm (its V1 API): Calx calls bidi.get_display, which
    # runs the compiled one.
    "bidi.algorithm",
    "bidi.mirror",
    # Loaded only by pint's setup_matplotlib, icalendar's use_pytz (pytz is not installed) and
    # icalendar's own benchmark helper.
    "pint.matplotlib",
    "icalendar.timezone.pytz",
    "timeit",
    # click's terminal side (progress bars, pagers, editors, browsers, hidden prompts): sqlite-utils
    # imports click for its own command line; Calx's command line is argparse.
    "click._termui_impl",
    "click._winconsole",
    "click.shell_completion",
    "webbrowser",
    "getpass",
    "tty",
    "termios",
    # C accelerators with a pure-Python twin the standard library falls back on: zoneinfo
    # (icalendar imports it; Calx's calendars are all-day dates stamped in UTC), uuid's uuid1
    # (Calx's calendar UIDs are its own), queue.SimpleQueue.
    "_zoneinfo",
    "_uuid",
    "_queue",
    # decimal's pure-Python twin, imported only when the C module _decimal is missing; the
    # bundle carries _decimal.
    "_pydecimal",
    # Pillow (6.6 MB with its codecs' libraries): reportlab imports PIL.Image at start-up but
    # needs it only to draw bitmaps, and Calx's PDFs draw none. The Calx bundle carries the stub
    # in packaging/no_pillow/ in its place (PILLOW_STUB); the self-test renders both PDFs.
    "PIL",
)

# Modules only another operating system imports (by sys.platform), left out of a bundle built
# on any other: each bundle is built on the system it runs on.
PLATFORM_MODULES: dict[str, tuple[str, ...]] = {
    "win32": (
        "asyncio.windows_events",  # asyncio's event loop on Windows (with the two below)
        "asyncio.windows_utils",
        "asyncio.proactor_events",
        "dateutil.tz.win",  # time zones from the Windows registry (dateutil.tz falls back)
        "platformdirs.windows",  # platformdirs picks its module by sys.platform
        "ctypes.wintypes",  # only the Windows modules import it
    ),
    "darwin": ("platformdirs.macos",),
    "ios": ("platformdirs.ios",),
}

# Stands in for Pillow in the Calx bundle: (folder in the bundle, source folder).
PILLOW_STUB = ("PIL", "no_pillow/PIL")

# Stands in for filelock.asyncio in the Calx bundle's archive: (module, source file).
FILELOCK_ASYNCIO_STUB = ("filelock.asyncio", "no_asyncio/filelock/asyncio.py")

# Files of resources/ the bundle never takes from the checkout: the checkout's development key
# (written by db/build.py, ignored by git) may not be the one that signed the bundled database;
# calx.spec adds the right one.
RESOURCE_SKIPPED_FILES: frozenset[str] = frozenset({"trust/development-key.json"})


def is_excluded(module: str) -> bool:
    """True for a module of EXCLUDED_MODULES or inside one of its packages."""
    return any(module == name or module.startswith(name + ".") for name in EXCLUDED_MODULES)


def excluded_modules(
    pyside6_dir: str | os.PathLike[str] | None, platform: str = sys.platform
) -> list[str]:
    """EXCLUDED_MODULES, the modules of PLATFORM_MODULES for systems other than ``platform``,
    and every installed PySide6 module outside KEPT_QT_MODULES."""
    excluded = list(EXCLUDED_MODULES)
    for system, modules in PLATFORM_MODULES.items():
        if system != platform:
            excluded += modules
    if pyside6_dir is not None:
        for name in sorted(os.listdir(pyside6_dir)):
            match = re.match(r"^(Qt\w+)\.(?:abi3\.so|pyd|.*\.so|.*\.pyd)$", name)
            if match and match.group(1) not in KEPT_QT_MODULES:
                excluded.append(f"PySide6.{match.group(1)}")
    return sorted(set(excluded))


# --- Calx's own files -------------------------------------------------------------------------

# resources/ is bundled whole except these: sources (.ts), the icons the executable or the
# macOS .app carries itself (.ico, .icns), notes.
RESOURCE_SKIPPED_SUFFIXES: frozenset[str] = frozenset({".ts", ".ico", ".icns", ".pro", ".md"})


# --- Qt plugins, libraries, translations -----------------------------------------------------

# Plugin types a desktop widgets application loads; any other type is dropped (eglfs device
# integrations, evdev input for framebuffers, network information, TLS, SQL drivers, QML...).
KEPT_PLUGIN_TYPES: frozenset[str] = frozenset(
    {
        "platforms",
        "platformthemes",
        "platforminputcontexts",
        "styles",
        "imageformats",
        "iconengines",
        "printsupport",
        # Not xcbglintegrations: widgets paint without OpenGL (checked on X11 under Xvfb).
        "wayland-decoration-client",
        "wayland-graphics-integration-client",
        "wayland-shell-integration",
    }
)

# Within a kept type, the plugins kept (by substring of the file name); types not listed keep all.
KEPT_PLUGINS: dict[str, tuple[str, ...]] = {
    # Desktop sessions (X11, Wayland, Windows, macOS) and the headless one the self-test uses.
    # Dropped: eglfs, linuxfb, vnc, minimal, minimalegl, vkkhrdisplay, direct2d.
    "platforms": ("qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa"),
    # PNG, BMP, PPM and XPM are built into QtGui; Calx's icons are PNG and SVG (ICO on Windows).
    "imageformats": ("qsvg", "qico"),
    # Compose (dead keys: é, è, ç on many layouts) and IBus input methods. Not Qt's virtual
    # keyboard (PySide6-Addons), for touch kiosks: it links QtQuick and QtQml (20 MB).
    "platforminputcontexts": ("compose", "ibus"),
}

# Plugins dropped even inside a kept type (substring of the file name).
DROPPED_PLUGINS: dict[str, tuple[str, ...]] = {
    # The GTK3 theme links the host's GTK, cairo, pango and gdk-pixbuf; bundling half of that
    # stack breaks on other distributions. The xdg-desktop-portal theme still follows the
    # desktop's light/dark preference and provides native file dialogs.
    "platformthemes": ("gtk3",),
}

# Qt libraries only the dropped plugins use (the eglfs platform).
DROPPED_LIBRARY_PATTERNS: tuple[str, ...] = (
    "*Qt6EglFSDeviceIntegration*",
    "*Qt6EglFsKms*",
    # Windows: the software OpenGL renderer and ANGLE (about 20 MB); widgets do not use OpenGL.
    "opengl32sw.dll",
    "*/opengl32sw.dll",
    "d3dcompiler_*.dll",
    "*/d3dcompiler_*.dll",
)

# Qt's own translations (standard dialogs, context menus): the two languages Calx speaks.
QT_TRANSLATION_LANGUAGES: tuple[str, ...] = ("fr", "en")

# holidays' names of the holidays, one .mo file per country and language: the languages Calx
# shows. Calx asks for "fr" or "en_US" (desktop/core/closed_days.py), which gettext looks up as
# fr_FR, fr, en_US, en. Every French and English variant stays for the countries with no French
# names, where holidays falls back to the system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG):
# a French or English system reads them as before; a system in a third language reads the
# country's own names (in the source, no file needed). Every country's calendar stays.
HOLIDAY_NAME_LANGUAGES: tuple[str, ...] = ("fr", "en")

# System libraries taken from the user's machine rather than the build host's:
# - libcups talks to the local print server and drags in a TLS stack (gnutls, p11-kit, nettle:
#   8 MB). Every desktop distribution installs it; without it Qt still prints to PDF.
# - libgssapi_krb5 (Kerberos, 1.5 MB with libkrb5), linked by libQt6Network, which libQt6Pdf
#   links: Calx never authenticates to a server. libcups depends on it, so any desktop with
#   printing has it.
SYSTEM_LIBRARY_PATTERNS: tuple[str, ...] = ("libcups.so*", "libgssapi_krb5.so*")


@dataclass(frozen=True)
class Options:
    """What the bundle being built needs beyond the shared policy."""

    # pint's own default_en.txt: Calx loads resources/units.txt instead.
    keep_pint_definitions: bool = False


def _plugin_parts(dest: PurePosixPath) -> tuple[str, str] | None:
    """(plugin type, file name) when ``dest`` is a Qt plugin of the PySide6 package."""
    parts = dest.parts
    if not parts or parts[0] != "PySide6" or "plugins" not in parts:
        return None
    index = parts.index("plugins")
    if len(parts) != index + 3:
        return None
    return parts[index + 1], parts[index + 2]


def drop_reason(dest: str, options: Options = Options()) -> str | None:
    """Why the file at ``dest`` (its path inside the bundle) is left out, or None to keep it."""
    path = PurePosixPath(dest.replace("\\", "/"))
    name = path.name
    plugin = _plugin_parts(path)
    if plugin is not None:
        kind, filename = plugin
        if kind not in KEPT_PLUGIN_TYPES:
            return f"Qt plugin type {kind} unused"
        kept = KEPT_PLUGINS.get(kind)
        if kept is not None and not any(k in filename for k in kept):
            return f"Qt {kind} plugin unused"
        if any(d in filename for d in DROPPED_PLUGINS.get(kind, ())):
            return f"Qt {kind} plugin unused"
        return None
    if (path.parts[:1] == ("PySide6",) or len(path.parts) == 1) and any(
        fnmatchcase(str(path), pattern) or fnmatchcase(name, pattern)
        for pattern in DROPPED_LIBRARY_PATTERNS
    ):
        return "Qt library of an unused plugin"
    if len(path.parts) == 1 and any(fnmatchcase(name, p) for p in SYSTEM_LIBRARY_PATTERNS):
        return "system library taken from the user's machine"
    if path.parts[:1] == ("PySide6",) and "translations" in path.parts and name.endswith(".qm"):
        languages = "|".join(QT_TRANSLATION_LANGUAGES)
        if not re.fullmatch(rf"qt(?:base)?_(?:{languages})(?:_[A-Z]{{2}})?\.qm", name):
            return "Qt translation of another language or module"
    return _library_data_reason(path, options)


def _library_data_reason(path: PurePosixPath, options: Options) -> str | None:
    """Why a data file of a Python library is left out, or None."""
    name = path.name
    if path.parts[:1] == ("babel",) or path.parts[0].startswith("babel-"):
        return "babel's data (babel is left out)"
    if path.parts[:2] == ("pint", "testsuite"):
        return "pint's test suite"
    if path.parts[:2] == ("dateutil", "zoneinfo") and name.endswith(".tar.gz"):
        # dateutil's own copy of the time zone database, read only when the system has none
        # for a name dateutil.tz.gettz is asked; Calx hands icalendar dates and UTC stamps
        # (datetime.UTC) only. icalendar asks gettz for "UTC" at import: on a system without
        # /usr/share/zoneinfo it gets dateutil's UTC instead of the file's (same offsets).
        return "dateutil's copy of the time zone database"
    if (
        path.parts[:2] == ("holidays", "locale")
        and name.endswith(".mo")
        and path.parts[2].split("_")[0] not in HOLIDAY_NAME_LANGUAGES
    ):
        return "holiday names in a language Calx does not show"
    if len(path.parts) == 2 and path.parts[0].endswith(".dist-info") and name == "RECORD":
        # pip's list of the files it installed, read by pip uninstall and
        # importlib.metadata.files(), which nothing in Calx calls; version() reads METADATA
        # (holidays asks for its own), entry points come from entry_points.txt (sqlite-utils).
        return "installer's list of installed files"
    if (
        path.parts[:1] == ("pint",)
        and len(path.parts) == 2
        and name.endswith(".txt")
        and not options.keep_pint_definitions
    ):
        return "pint default definitions (Calx loads resources/units.txt)"
    return None


# --- Libraries left orphaned by a dropped plugin ---------------------------------------------

NeededNames = Callable[[str], Iterable[str]]
"""Maps a binary's path to the file names of the shared libraries it links directly."""


@dataclass
class PruneReport:
    dropped: dict[str, str] = field(default_factory=dict)  # dest -> reason

    def summary(self) -> str:
        counts: dict[str, int] = {}
        for reason in self.dropped.values():
            counts[reason] = counts.get(reason, 0) + 1
        return "; ".join(f"{n} × {reason}" for reason, n in sorted(counts.items()))


Entry = tuple[str, str, str]  # PyInstaller TOC entry: (dest, src, typecode)


def prune(
    binaries: list[Entry],
    datas: list[Entry],
    needed_names: NeededNames,
    options: Options = Options(),
) -> tuple[list[Entry], list[Entry], PruneReport]:
    """Drop what the policy leaves out from PyInstaller TOCs ``(dest, src, typecode)``.

    PyInstaller collects a plugin's shared-library dependencies before the spec can filter the
    plugin; so a library is also dropped when only dropped binaries link it (the GTK3 theme's
    cairo and pango, libcups' TLS stack). The link graph follows direct links between bundled
    files only, so a kept plugin linking a dropped system library does not keep that library's
    own dependencies. Libraries no dropped file links (loaded with ctypes) are always kept.
    """
    report = PruneReport()
    real = [e for e in binaries if e[2] != "SYMLINK"]
    graph = _LinkGraph(_binaries_by_name(binaries, real), needed_names)
    dropped = _dropped_binaries(real, graph, options)
    report.dropped.update(dropped)
    final_bins = _kept_binaries(binaries, dropped, report)
    final_datas = []
    for entry in datas:
        reason = drop_reason(entry[0], options)
        if reason:
            report.dropped[entry[0]] = reason
        else:
            final_datas.append(entry)
    return final_bins, final_datas, report


def _symlink_target(dest: str, target: str) -> str:
    return os.path.normpath(os.path.join(os.path.dirname(dest), target))


def _binaries_by_name(binaries: list[Entry], real: list[Entry]) -> dict[str, list[Entry]]:
    """The real files a library file name designates, symbolic links included."""
    by_name: dict[str, list[Entry]] = {}
    for entry in real:
        by_name.setdefault(PurePosixPath(entry[0].replace("\\", "/")).name, []).append(entry)
    for dest, target, typecode in binaries:  # libQt6Gui.so.6 -> PySide6/Qt/lib/libQt6Gui.so.6
        if typecode == "SYMLINK":
            name = PurePosixPath(dest.replace("\\", "/")).name
            target_path = _symlink_target(dest, target)
            by_name.setdefault(name, []).extend(
                e for e in real if os.path.normpath(e[0]) == target_path
            )
    return by_name


class _LinkGraph:
    """Direct links between bundled files (read once per file)."""

    def __init__(self, by_name: dict[str, list[Entry]], needed_names: NeededNames) -> None:
        self.by_name, self.needed_names = by_name, needed_names
        self.links: dict[str, list[Entry]] = {}

    def linked(self, entry: Entry) -> list[Entry]:
        if entry[0] not in self.links:
            self.links[entry[0]] = [
                dep
                for name in self.needed_names(entry[1])
                for dep in self.by_name.get(PurePosixPath(name).name, ())
            ]
        return self.links[entry[0]]

    def closure(self, roots: Iterable[Entry], stop: set[str]) -> set[str]:
        """Every file the roots link, directly or not, without going through ``stop``."""
        seen: set[str] = set()
        stack = list(roots)
        while stack:
            for dep in self.linked(stack.pop()):
                if dep[0] not in seen and dep[0] not in stop:
                    seen.add(dep[0])
                    stack.append(dep)
        return seen


def _dropped_binaries(real: list[Entry], graph: _LinkGraph, options: Options) -> dict[str, str]:
    """The binaries the policy drops, and the libraries only dropped binaries link: why each."""
    dropped = {}
    for entry in real:
        reason = drop_reason(entry[0], options)
        if reason:
            dropped[entry[0]] = reason
    if dropped:
        # What the kept extensions, plugins and executables link, directly or not.
        roots = [e for e in real if e[0] not in dropped and not _dependency_only(e[0])]
        needed = graph.closure(roots, stop=set(dropped)) | {e[0] for e in roots}
        for dest in graph.closure((e for e in real if e[0] in dropped), stop=set(dropped)):
            if dest not in needed:
                dropped[dest] = "library only dropped files link"
    return dropped


def _kept_binaries(
    binaries: list[Entry], dropped: dict[str, str], report: PruneReport
) -> list[Entry]:
    """The binaries left, without the dropped files and the links to them (noted in report)."""
    dropped_paths = {os.path.normpath(d) for d in dropped}
    kept = []
    for entry in binaries:
        dest, target, typecode = entry
        if typecode == "SYMLINK":
            if _symlink_target(dest, target) in dropped_paths:
                report.dropped[dest] = "link to a dropped library"
                continue
        elif dest in dropped:
            continue
        kept.append(entry)
    return kept


def elf_needed(path: str) -> list[str]:
    """The DT_NEEDED names of an ELF shared library or executable (its direct links).

    ``ldd`` lists the whole transitive closure, which cannot tell what a file links itself.
    Returns [] for anything that is not an ELF file with a dynamic section.
    """
    import struct

    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return []
    if data[:4] != b"\x7fELF" or len(data) < 64:
        return []
    is64, endian = data[4] == 2, "<" if data[5] == 1 else ">"
    if is64:
        (shoff,) = struct.unpack_from(endian + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(endian + "HH", data, 0x3A)
        section_format, dyn_format = endian + "IIQQQQIIQQ", endian + "qQ"
    else:
        (shoff,) = struct.unpack_from(endian + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(endian + "HH", data, 0x2E)
        section_format, dyn_format = endian + "IIIIIIIIII", endian + "iI"
    sections = [
        struct.unpack_from(section_format, data, shoff + i * shentsize)
        for i in range(shnum)
        if shoff + (i + 1) * shentsize <= len(data)
    ]
    names: list[str] = []
    for section in sections:
        if section[1] != 6:  # SHT_DYNAMIC
            continue
        offset, size, link = section[4], section[5], section[6]
        strtab_offset = sections[link][4]
        step = struct.calcsize(dyn_format)
        for position in range(offset, offset + size, step):
            tag, value = struct.unpack_from(dyn_format, data, position)
            if tag == 0:  # DT_NULL
                break
            if tag == 1:  # DT_NEEDED
                start = strtab_offset + value
                names.append(data[start : data.index(b"\0", start)].decode("utf-8", "replace"))
    return names


def _dependency_only(dest: str) -> bool:
    """True for files PyInstaller places only as link dependencies (top-level or Qt's lib dir)."""
    path = PurePosixPath(dest.replace("\\", "/"))
    return len(path.parts) == 1 or path.parts[:3] == ("PySide6", "Qt", "lib")
