"""Preview, print, save and export one built plan (``PlanDocument``), and log what left the app.

Shared by the plan view (a plan being prepared) and the saved-plans dialog (a plan reopened
exactly as it was). Every print or export first stores the plan in the user database
(``UserDB.save_plan``: the log entry must point at a plan that exists), then renders off the UI
thread (``PlanRenderer``), writes each file atomically, and only then appends one entry per output
to the hash-chained log (``UserDB.record_output``) with the sha256 of the bytes produced: the
render job does that for files, this object for a page sent to the printer.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.ui.plan_render import PlanRenderer, RenderResult

if TYPE_CHECKING:
    from desktop.core.errors import Issue
    from desktop.data.userdb import LogHead
    from desktop.reports.model import PlanDocument
    from desktop.ui.context import AppContext


def clinician_path(path: Path) -> Path:
    """Where the clinician copy goes: ``plan.pdf`` → ``plan-clinician.pdf`` beside it."""
    return path.with_name(f"{path.stem}-clinician{path.suffix or '.pdf'}")


def _internal(error: Exception) -> Issue:
    from desktop.core.errors import Issue

    return Issue("internal_error", {"detail": f"{type(error).__name__}: {error}"[:300]})


def suggested_name(patient_name: str, suffix: str) -> str:
    """A file name from the patient's name, without characters that would make it a path."""
    cleaned = "".join("-" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in patient_name)
    return f"{cleaned.strip()[:80] or 'plan'}{suffix}"


class PlanOutputs(QObject):
    statusMessage = Signal(str)
    problem = Signal(str)  # a refusal or failure, in the user's words
    previewReady = Signal(object)  # PDF bytes of the latest preview asked for
    previewFailed = Signal(str)  # why the latest preview could not be rendered
    exported = Signal(object)  # RenderResult of a finished save or export (after logging)
    printed = Signal(bool)  # a print job ended (True: sent to the printer and logged)

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.window_parent = parent
        self.renderer = PlanRenderer(self)
        self.renderer.finished.connect(self._finished)
        self._jobs: dict[int, tuple[str, PlanDocument]] = {}
        self._latest_preview = 0

    # ------------------------------------------------------------------ starting work

    def preview(self, plan: PlanDocument, copy: str = "patient") -> None:
        """Render ``copy`` for the preview; only the latest request is delivered."""
        self._latest_preview = self._start("preview", plan, [(copy, None)])

    def drop_previews(self) -> None:
        """Previews asked for until now are never delivered."""
        self._latest_preview = 0

    def save(self, plan: PlanDocument) -> bool:
        """Store the plan in the user database (again is harmless: same plan, same id). One small
        SQLite transaction in the UI thread: a few ms, the connection belongs to this thread."""
        from desktop.core.errors import CalxError

        try:
            from desktop.reports.model import log_overrides

            now = datetime.now(UTC)
            self.context.user_db().save_plan(plan, saved_at=now)
            log_overrides(self.context.user_db(), plan, now)  # the clinician's reasons, logged
        except CalxError as error:
            self._fail(error.issue)
            return False
        except Exception as error:  # nothing was saved: say why, never crash the window
            self._fail(_internal(error))
            return False
        return True

    def _log_folder(self) -> Path:
        return self.context.user_db().path.parent  # opened by ``save`` just before

    def print_plan(self, plan: PlanDocument, copy: str = "patient") -> None:
        if self.save(plan):
            self._start("print", plan, [(copy, None)], log_head=self._log_head())

    def save_pdfs(self, plan: PlanDocument, path: Path) -> None:
        """The patient plan at ``path`` and the clinician copy beside it."""
        targets = [path, clinician_path(path)]
        if self.may_write(targets) and self.save(plan):
            self._start(
                "export",
                plan,
                [("patient", path), ("clinician", targets[1])],
                self._log_folder(),
                self._log_head(),
            )

    def export_calendar(self, plan: PlanDocument, path: Path) -> None:
        if self.may_write([path]) and self.save(plan):
            self._start("export", plan, [("ics", path)], self._log_folder())

    def _log_head(self) -> LogHead | None:
        """The output log as it stands before this print or export (opened by ``save``); None
        when it cannot be read (the copy then says it is not logged, and logging will say why)."""
        from desktop.core.errors import CalxError

        try:
            return self.context.user_db().log_state()
        except CalxError:
            return None

    def may_write(self, paths: list[Path]) -> bool:
        """Never over Calx's own files; over existing files only when the user says so (both
        copies: the clinician copy beside the plan may be another patient's)."""
        from desktop.core.errors import CalxError
        from desktop.data.outputs import check_outputs, existing

        try:
            check_outputs({str(i): p for i, p in enumerate(paths)}, force=True)
        except CalxError as error:
            self._fail(error.issue)
            return False
        found = existing(paths)
        return not found or self.confirm_overwrite(found)

    def confirm_overwrite(self, paths: list[Path]) -> bool:
        names = "\n".join(str(p) for p in paths)
        answer = QMessageBox.question(
            self.window_parent,
            self.tr("Replace existing files?"),
            self.tr(
                "These files already exist and would be replaced:\n%1\n\nReplace them?"
            ).replace("%1", names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_path(self, plan: PlanDocument, title: str, suffix: str, kind: str) -> Path | None:
        # The dialog's own overwrite question covers one file; ``may_write`` asks for all of them.
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window_parent,
            title,
            suggested_name(plan.patient_name, suffix),
            f"{kind} (*{suffix})",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return Path(chosen) if chosen else None

    def _start(
        self,
        purpose: str,
        plan: PlanDocument,
        outputs: list[tuple[str, Path | None]],
        log_folder: Path | None = None,
        log_head: LogHead | None = None,
    ) -> int:
        job = self.renderer.start(plan, outputs, log_folder, log_head)
        self._jobs[job] = (purpose, plan)
        return job

    # ------------------------------------------------------------------ results (UI thread)

    def _finished(self, result: RenderResult) -> None:
        purpose, plan = self._jobs.pop(result.job, ("", None))
        if plan is None:
            return
        if purpose == "preview":
            if result.job != self._latest_preview:
                return  # a newer preview is on its way
            if result.issue is not None:
                self.previewFailed.emit(self.context.render(result.issue))
            else:
                self.previewReady.emit(next(iter(result.outputs.values())))
        elif purpose == "print":
            self._print(plan, result)
        else:
            self._exported(result)

    def _print(self, plan: PlanDocument, result: RenderResult) -> None:
        if result.issue is not None:
            self._fail(result.issue)
            self.printed.emit(False)
            return
        from desktop.ui.views import printing

        data = next(iter(result.outputs.values()))
        if not printing.print_pdf_data(data, self.window_parent):
            self.printed.emit(False)
            return
        ok = self._log_print(plan, data)
        if ok:
            self.statusMessage.emit(self.tr("Plan sent to the printer"))
        self.printed.emit(ok)

    def _exported(self, result: RenderResult) -> None:
        """Written and logged by the job; say so, or say what went wrong."""
        if result.issue is not None:
            self._fail(result.issue)
        else:
            names = ", ".join(path.name for path in result.written.values())
            self.statusMessage.emit(self.tr("Saved %1").replace("%1", names))
        self.exported.emit(result)

    def _log_print(self, plan: PlanDocument, data: bytes) -> bool:
        from desktop.core.errors import CalxError

        try:
            self.context.user_db().record_output(
                plan.plan_id, plan.content.content_version, "printed", data, at=datetime.now(UTC)
            )
        except CalxError as error:
            self._fail(error.issue)
            return False
        except Exception as error:
            self._fail(_internal(error))
            return False
        return True

    def _fail(self, issue: Issue) -> None:
        self.problem.emit(self.context.render(issue))
