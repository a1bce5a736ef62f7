"""Start the window: ``python -m desktop`` / ``calx`` with no arguments.

Start-up order matters for speed: only Qt and the window's own light modules are imported before
the first paint; the reference database (sqlite) is opened and the tree filled right after it,
and the window is then usable. The views not shown yet (compute, plan, overview), pint with the
dosing engine, and reportlab with the fonts are loaded after that in idle time, one step per turn
of the event loop, so that the first patient entry does not freeze the window (any of them is
also loaded at once when the user asks for it first). Flags:

- ``--exit-after-startup``: show the window, wait for its first paint, exit 0 (start-up benchmark);
- ``--exit-when-usable``: exit 0 once the database is open and the tree filled (benchmark);
- ``--self-test``: offscreen, search, compute a rituximab and an infliximab dose, save a plan as PDF
  and .ics in a throwaway user database; prints each step and exits 0 or 1.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable, Sequence
from types import TracebackType


def run(argv: Sequence[str] = ()) -> int:
    argv = list(argv)
    exit_after_startup = "--exit-after-startup" in argv
    exit_when_usable = "--exit-when-usable" in argv
    self_test = "--self-test" in argv
    if self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _hashes_without_openssl()
    # Start-up makes some 40,000 long-lived objects (Qt's types, their signatures, Calx's
    # modules): the cyclic collector would walk them again and again for nothing. It resumes
    # once the window is usable (``_resume_collector``), with those objects set aside.
    gc.disable()

    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    _lighter_feature_hook()
    QCoreApplication.setOrganizationName("Calx")
    QCoreApplication.setApplicationName("Calx")
    from desktop import __version__

    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(["calx"])
    assert isinstance(app, QApplication)
    app.setDesktopFileName("calx")

    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import INTENDED_USE_SEEN, Preferences

    temporary_settings = None
    if self_test:
        import tempfile

        temporary_settings = tempfile.TemporaryDirectory(prefix="calx-self-test-")
        prefs = Preferences.at(os.path.join(temporary_settings.name, "calx.ini"))
        # Saved plans and their log go there too: the self-test never writes the user's own.
        from desktop.data.userdb import ENV_FOLDER

        os.environ[ENV_FOLDER] = os.path.join(temporary_settings.name, "user-data")
    else:
        prefs = Preferences()
    context = AppContext(prefs)
    window = MainWindow(context, defer_views=True)
    if self_test:  # its throwaway patient and plan are not the clinician's work: no question
        window.ask_before_closing = lambda what: "discard"  # type: ignore[method-assign]
    _install_excepthook(window)
    status = {"code": 0}

    def after_first_paint() -> None:
        if exit_after_startup:
            app.quit()
            return
        context.load_database()
        if exit_when_usable:
            app.quit()
            return
        if prefs.problems:  # reported once: which settings were reset to their defaults
            from desktop.core.errors import Issue

            window.show_status(
                context.render(
                    Issue("settings_reset", {"path": str(prefs.path), "count": len(prefs.problems)})
                )
            )
        if self_test:
            from desktop.ui.self_test import run_self_test

            _resume_collector()
            window.build_views()
            status["code"] = 1  # unless the run below finishes and passes
            try:
                status["code"] = run_self_test(window, print)
            finally:
                app.quit()
            return
        if not prefs.get(INTENDED_USE_SEEN):
            window.show_intended_use()
        _in_idle_time([_resume_collector, window.build_views, _load_dosing, _load_printing])

    window.firstPainted.connect(after_first_paint)
    window.show()
    if exit_after_startup:
        # Safety net: never hang a benchmark if no paint ever arrives.
        QTimer.singleShot(10_000, lambda: (status.update(code=1), app.quit()))
    # And never run a whole session without the collector, should no paint ever arrive.
    QTimer.singleShot(10_000, _resume_collector)
    code = app.exec()
    # A run that ends before the window is usable (the benchmark flags) leaves the collector
    # off: the process ends here, and Python collects once more as it exits. Turning it on now
    # would only add a collection of everything start-up made, which no real session pays.
    context.shutdown()
    if temporary_settings is not None:
        temporary_settings.cleanup()
    return status["code"] or code


def _lighter_feature_hook() -> None:
    """PySide6 asks of every module imported after it whether its source mentions "PySide6"
    (for ``from __feature__ import ...``) through ``inspect.getsource``, which keeps every
    module's source lines in ``linecache``: about 17 MiB once the window has printed. The same
    question, answered from the file's bytes, keeps nothing."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None:  # another PySide6: leave it as it is
        return

    def uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as handle:
                return b"PySide6" in handle.read()
        except OSError:
            return False

    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]  # untyped internals


def _hashes_without_openssl() -> None:
    """Bind ``hashlib`` and ``hmac`` to Python's own hash functions, not OpenSSL's, by importing
    them while ``_hashlib`` (OpenSSL's) cannot be imported: loading OpenSSL's libcrypto costs the
    window about 3.4 MiB of resident memory, for small hashes (the PDFs' ids, the user
    database's plans and seals, the reference database's whole-file check: under 1 MB at 1×, 4 ms
    instead of 1 ms, once per file). The digests are the same; a large file is still hashed by
    OpenSSL (``desktop.data.verify.file_sha256``). Does nothing once hashlib is imported."""
    if "hashlib" in sys.modules or "hmac" in sys.modules or "_hashlib" in sys.modules:
        return
    sys.modules["_hashlib"] = None  # type: ignore[assignment]  # "import _hashlib" fails
    try:
        import hashlib  # noqa: F401
        import hmac  # noqa: F401
    finally:
        del sys.modules["_hashlib"]


def _resume_collector() -> None:
    """Turn the cyclic collector back on after start-up (once; later calls do nothing). What
    start-up made is moved out of its sight first (``gc.freeze``): modules, classes and Qt's
    types live as long as the process, and later collections no longer walk them, which keeps
    their pauses short while the clinician types."""
    if gc.isenabled():
        return
    gc.collect()  # start-up's own garbage goes now, not frozen with the rest
    gc.freeze()
    gc.enable()


def _in_idle_time(steps: list[Callable[[], object]]) -> None:
    """Run ``steps`` one per turn of the event loop: input and paint events come in between."""
    from PySide6.QtCore import QTimer

    def next_step() -> None:
        if steps:
            step = steps.pop(0)
            with contextlib.suppress(Exception):  # a warm-up: the real use reports its errors
                step()
            QTimer.singleShot(0, next_step)

    QTimer.singleShot(0, next_step)


def _load_dosing() -> None:
    """pint, the unit definitions, the dosing engine, the calculators and the plan check (about
    115 ms at the first entry)."""
    from desktop.core import dosing, parsing, plan_check, schedule  # noqa: F401
    from desktop.core.calculators import (  # noqa: F401
        adjusted_body_weight,
        ckd_epi_2021,
        cockcroft_gault,
        ideal_body_weight,
    )
    from desktop.core.units import ureg

    ureg()


def _load_printing() -> None:
    """reportlab, the plan's layout and its fonts (the plan's preview and printing)."""
    from desktop.reports import pdf_plan  # noqa: F401
    from desktop.reports.styles import register_fonts

    register_fonts()


def _install_excepthook(window: object) -> None:
    """An unexpected error in a slot: a message in the status bar and a log line, not a crash."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        import traceback

        traceback.print_exception(kind, error, tb, file=sys.stderr)
        try:
            from desktop.core.errors import Issue

            message = window.context.render(  # type: ignore[attr-defined]
                Issue("internal_error", {"detail": f"{kind.__name__}: {error}"})
            )
            window.show_status(message)  # type: ignore[attr-defined]
        except Exception:
            pass

    sys.excepthook = hook
