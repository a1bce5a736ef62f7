"""About Calx: the program version and the version and date of the clinical content."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop import __version__
from desktop.ui.i18n import Retranslating


def _meta(metadata: Any, name: str) -> str | None:
    """One field of ``ReferenceDB.metadata()`` (a dataclass or a mapping), or None."""
    if metadata is None:
        return None
    value = metadata.get(name) if isinstance(metadata, dict) else getattr(metadata, name, None)
    return None if value in (None, "") else str(value)


class AboutDialog(Retranslating, QDialog):
    def __init__(
        self,
        metadata: Any,
        database_message: str | None = None,
        parent: QWidget | None = None,
        release: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.release = release
        self.setObjectName("aboutDialog")
        self.metadata = metadata
        self.database_message = database_message
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setMinimumWidth(380)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Calx"))
        self.text.setAccessibleName(self.tr("About Calx"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        lines = [
            f"<h3>Calx {escape(__version__)}</h3>",
            "<p>"
            + self.tr(
                "Offline reference and dosing calculator for calcinosis in systemic sclerosis."
            )
            + "</p>",
        ]
        version = _meta(self.metadata, "content_version")
        date = _meta(self.metadata, "content_date")
        digest = _meta(self.metadata, "content_hash")
        if version or date:
            lines.append(
                "<p>"
                + self.tr("Clinical content: version %1, dated %2")
                .replace("%1", escape(version or "?"))
                .replace("%2", escape(date or "?"))
                + "</p>"
            )
        if digest:
            lines.append(
                "<p><small>"
                + self.tr("Content fingerprint: %1").replace("%1", escape(digest[:16]))
                + "</small></p>"
            )
        if self.release:
            lines.append(
                "<p>" + self.tr("Content release: %1").replace("%1", escape(self.release)) + "</p>"
            )
        if self.database_message:
            lines.append("<p>" + escape(self.database_message) + "</p>")
        lines.append(
            "<p>"
            + self.tr(
                "Source review: Valenzuela A, Chung L. Management of "
                "Calcinosis Associated with Systemic Sclerosis. Curr Treat "
                "Options Rheumatol 2016;2(1):85–96."
            )
            + "</p>"
        )
        self.text.setText("".join(lines))
