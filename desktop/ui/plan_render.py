"""Plan PDFs and calendars made off the UI thread: a ``QThreadPool`` job that hands bytes back.

Rendering one copy of a plan with reportlab takes 30 to 80 ms (more for long calendars), so the
window asks ``PlanRenderer.start`` for it and gets the bytes in ``finished`` a moment later. The job
only calls the pure ``desktop.reports`` functions, writes files and appends to the user database's
log: it never touches a widget (the result travels through a queued signal into the UI thread).

A file is written atomically (``desktop.paths.write_atomically``: a temporary file in
the same folder, flushed, then renamed over the target), so a crash or a full disk never leaves
half a plan where the clinician expects a whole one. The job logs the files it wrote itself, so
closing the window that asked never loses the log entry of a file already on disk.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

if TYPE_CHECKING:
    from desktop.core.errors import Issue
    from desktop.data.userdb import LogHead
    from desktop.reports.model import PlanDocument

# What each kind of output is called in the user database's log (``desktop.data.userdb``).
EXPORT_ACTIONS: dict[str, str] = {
    "patient": "exported_pdf",
    "clinician": "exported_clinician_pdf",
    "ics": "exported_ics",
}

# One render at a time: reportlab keeps per-font state that two documents built at once in
# two threads could share.
_reportlab_lock = threading.Lock()
_job_ids = count(1)


@dataclass(frozen=True)
class RenderResult:
    """What one job produced: the bytes of each output, the files written, or why it stopped."""

    job: int
    outputs: dict[str, bytes] = field(default_factory=dict)
    written: dict[str, Path] = field(default_factory=dict)
    issue: Issue | None = None


def produce(plan: PlanDocument, kind: str, log_head: LogHead | None = None) -> bytes:
    """The bytes of one output of ``plan``: a PDF copy (in the plan's language) or the .ics.
    A clinician copy prints ``log_head`` (the output log before it), or says it is not logged."""
    if kind == "ics":
        from desktop.reports.ics import schedule_to_ics

        return schedule_to_ics(plan)
    from desktop.reports.pdf_plan import render_plan

    with _reportlab_lock:
        return render_plan(plan, kind, log_head=log_head)  # type: ignore[arg-type]


def run_job(
    job: int,
    plan: PlanDocument,
    outputs: list[tuple[str, Path | None]],
    log_folder: Path | None = None,
    log_head: LogHead | None = None,
) -> RenderResult:
    """Make every output in memory first, then write those that have a path, one atomic file
    each, then (given ``log_folder``) log each file written in that user database. A write that
    fails stops there: the result says which files exist and why not more."""
    from desktop.core.errors import CalxError, Issue

    made: dict[str, bytes] = {}
    try:
        for kind, _path in outputs:
            made[kind] = produce(plan, kind, log_head)
    except CalxError as error:
        return RenderResult(job, issue=error.issue)
    except Exception as error:  # a rendering bug ends in a message, never a dead worker
        return RenderResult(job, issue=_internal(error))
    from desktop.paths import write_atomically

    written: dict[str, Path] = {}
    issue = None
    for kind, path in outputs:
        if path is None:
            continue
        try:
            write_atomically(path, made[kind])
        except OSError as error:
            issue = Issue(
                "output_not_writable", {"path": str(path), "detail": error.strerror or str(error)}
            )
            break
        written[kind] = path
    if written and log_folder is not None:
        issue = log_exports(plan, {kind: made[kind] for kind in written}, log_folder) or issue
    return RenderResult(job, made, written, issue)


def log_exports(plan: PlanDocument, files: dict[str, bytes], folder: Path) -> Issue | None:
    """One log entry per file written, from this thread's own connection to the user database
    (a SQLite connection is not shared between threads; WAL lets both write in turn)."""
    from desktop.core.errors import CalxError
    from desktop.data.userdb import UserDB

    now = datetime.now(UTC)
    try:
        with UserDB.open(folder) as userdb:
            for kind, data in files.items():
                userdb.record_output(
                    plan.plan_id, plan.content.content_version, EXPORT_ACTIONS[kind], data, at=now
                )
    except CalxError as error:
        return error.issue
    except Exception as error:  # sqlite busy for 10 s, a full disk: said, not raised
        return _internal(error)
    return None


def _internal(error: Exception) -> Issue:
    from desktop.core.errors import Issue

    return Issue("internal_error", {"detail": f"{type(error).__name__}: {error}"[:300]})


class _Relay(QObject):
    """Carries results from the pool's threads into the UI thread. One for the application and
    never deleted before it: a job must not emit on an object a closing window is destroying."""

    finished = Signal(object)


_relay: _Relay | None = None


def _shared_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay(QCoreApplication.instance())  # created in, and living in, the UI thread
    return _relay


class _Job(QRunnable):
    def __init__(
        self,
        relay: _Relay,
        job: int,
        plan: PlanDocument,
        outputs: list[tuple[str, Path | None]],
        log_folder: Path | None,
        log_head: LogHead | None,
    ) -> None:
        super().__init__()
        self.relay = relay
        self.job = job
        self.plan = plan
        self.outputs = outputs
        self.log_folder = log_folder
        self.log_head = log_head

    def run(self) -> None:
        self.relay.finished.emit(
            run_job(self.job, self.plan, self.outputs, self.log_folder, self.log_head)
        )


class PlanRenderer(QObject):
    """Starts render jobs on the global thread pool; ``finished(RenderResult)`` in the UI thread
    for the jobs it started. Deleting it (its window closed) drops the results, not the jobs."""

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._mine: set[int] = set()
        # Queued (the relay emits from a pool thread); Qt drops it when this object is deleted.
        _shared_relay().finished.connect(self._relayed)

    @Slot(object)
    def _relayed(self, result: RenderResult) -> None:
        if result.job in self._mine:
            self._mine.discard(result.job)
            self.finished.emit(result)

    def start(
        self,
        plan: PlanDocument,
        outputs: list[tuple[str, Path | None]],
        log_folder: Path | None = None,
        log_head: LogHead | None = None,
    ) -> int:
        """Render (and write, where a path is given) ``outputs``, logging the files written in
        the user database of ``log_folder``; returns the job number ``finished`` will carry.
        The job finishes (files written and logged) even if the window that asked is closed."""
        job = next(_job_ids)
        self._mine.add(job)
        QThreadPool.globalInstance().start(
            _Job(_shared_relay(), job, plan, list(outputs), log_folder, log_head)
        )
        return job
