"""File › Update content…: check a content pack, show what it changes, install it on request.

The pack is verified (signature, digest, database, versions) before anything is shown; a refusal
is its reason in the user's words and nothing changes. The changes are listed therapy by therapy,
doses and safety rules first, then the editor's changelog; "Install" installs it
(``desktop.data.content_store.install``) and the window reopens the content.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import CalxError, Issue
from desktop.ui.context import AppContext
from desktop.ui.i18n import Retranslating


class UpdateContentDialog(Retranslating, QDialog):
    """Shows the changes of ``pack`` against the content in use; ``error`` is set (and the
    Install button disabled) when the pack is refused."""

    def __init__(self, context: AppContext, pack: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("updateContentDialog")
        self.context = context
        self.pack = Path(pack)
        self.error: Issue | None = None
        self.installed_version: str | None = None
        self.lines: list[str] = []
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.changes = QPlainTextEdit(self)
        self.changes.setObjectName("contentChanges")
        self.changes.setReadOnly(True)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        fixed.setStyleHint(QFont.StyleHint.Monospace)
        self.changes.setFont(fixed)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.install_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.install_button.setObjectName("installContent")
        self.buttons.accepted.connect(self.install)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.changes, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 600)
        self._check()
        self.retranslate()
        # The changes are in the domain's words: redo them when the language changes.
        context.languageChanged.connect(self._language_changed)

    def _language_changed(self, _lang: str) -> None:
        self.retranslate()

    def _check(self) -> None:
        from desktop.data import content_diff, content_store
        from desktop.data.refdb import ReferenceDB

        db = self.context.db
        if db is None:
            self.error = Issue("db_missing", {"path": "—"})
            return
        try:
            meta = db.metadata()
            found = content_store.check_pack(self.pack, meta.content_version, meta.content_hash)
            try:
                with ReferenceDB._open(found.database, required=True, trust=found.trust) as new:
                    self.diff = content_diff.diff(
                        db.connection(), new.connection(), found.release.manifest.changelog
                    )
                    self.signer = found.release.manifest.signer or found.release.signer.name
                    self.development = found.release.manifest.development
                    self.version = found.release.manifest.content_version
            finally:
                content_store.discard(found)
        except CalxError as err:
            self.error = err.issue
        except Exception as err:  # never a crash: the reason, and nothing installed
            self.error = Issue("internal_error", {"detail": f"{type(err).__name__}: {err}"[:200]})

    def install(self) -> None:
        from desktop.data import content_store

        if self.error is not None:
            return
        try:
            done = content_store.install(self.pack)
        except CalxError as err:
            self.error = err.issue
            self.retranslate()
            return
        self.installed_version = done.version
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Update content"))
        self.install_button.setText(self.tr("&Install"))
        self.install_button.setToolTip(
            self.tr("Install this content release; the current one is kept for a rollback")
        )
        self.changes.setAccessibleName(self.tr("Changes in this content release"))
        if self.error is not None:
            self.heading.setText(
                self.tr("This content pack is refused:") + " " + self.context.render(self.error)
            )
            self.install_button.setEnabled(False)
            self.changes.setPlainText("")
            return
        from desktop.data import content_diff, content_store

        signer = content_store.signer_label(self.signer, self.development, self.context.lang)
        self.heading.setText(
            self.tr(
                "Content %1, signed by %2. Read the changes (doses and safety rules first) "
                "before installing."
            )
            .replace("%1", self.version)
            .replace("%2", signer)
        )
        self.lines = content_diff.lines(self.diff, self.context.lang)
        self.changes.setPlainText("\n".join(self.lines))
