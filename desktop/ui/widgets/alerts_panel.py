"""The plan check's alerts in the window: one row per alert (symbol and word for the severity,
never colour alone), each expanding to the action, what triggered it and its sources.

Words of the alerts come from the content (both languages) through the one presenter
``desktop.reports.alerts``; only the panel's own chrome is translated here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import Retranslating

if TYPE_CHECKING:
    from desktop.core.plan_check import Alert
    from desktop.core.safety import SafetyContent

_COLOURS = {
    "contraindicated": "#b00020",
    "avoid": "#b35900",
    "precaution": "#7a6000",
    "consider": "#33577a",
}


class AlertsPanel(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertsPanel")
        self.summary = QLabel(self)
        self.summary.setObjectName("alertsSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("alertsTree")
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setMinimumHeight(90)
        self.tree.viewport().installEventFilter(self)
        # One column as wide as the view: long messages wrap instead of being cut.
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.alerts: tuple[Alert, ...] = ()
        self._shown: tuple[Any, ...] = ()
        self.retranslate()

    def show_alerts(
        self,
        alerts: Sequence[Alert],
        lang: str,
        safety: SafetyContent | None = None,
        references: Mapping[str, Any] | None = None,
        overrides: Mapping[str, str] | None = None,
        regimen_labels: Mapping[str, str] | None = None,
    ) -> None:
        from desktop.core.words import word as words
        from desktop.reports.alerts import (
            SEVERITY_ICONS,
            colon,
            severity_label,
            source_text,
            trigger_text,
        )

        self.alerts = tuple(alerts)
        overrides = dict(overrides or {})
        key = (self.alerts, lang, tuple(sorted(overrides.items())))
        if key == self._shown:
            return  # unchanged: keep what the clinician expanded
        self._shown = key
        expanded = {
            item.data(0, Qt.ItemDataRole.UserRole) for item in self._heads() if item.isExpanded()
        }
        self.tree.clear()
        c = colon(lang)
        for alert in self.alerts:
            word = severity_label(alert.severity, lang)
            head = self._item(
                f"{SEVERITY_ICONS.get(alert.severity, '?')} {word.upper()}"
                f"{c}{alert.message.get(lang)}"
            )
            head.setData(0, Qt.ItemDataRole.UserRole, alert.code)
            head.setForeground(0, QBrush(QColor(_COLOURS.get(alert.severity, "#000000"))))
            font = head.font(0)
            font.setBold(alert.severity in ("contraindicated", "avoid"))
            head.setFont(0, font)
            lines = [
                f"{words('alert_action', lang)}{c}{alert.action.get(lang)}",
                *trigger_text(alert, lang, safety, regimen_labels),
                f"{words('sources', lang)}{c}"
                + "; ".join(source_text(s, references) for s in alert.sources),
                f"{self.tr('Code')}{c}{alert.code}",
            ]
            if alert.code in overrides:
                lines.append(f"{words('alert_override', lang)}{c}{overrides[alert.code]}")
            for line in lines:
                head.addChild(self._item(line))
            self.tree.addTopLevelItem(head)
            head.setExpanded(alert.code in expanded)
        self._rewrap()
        self._summarise()

    # ---- wrapping: a tree row does not wrap by itself, so each text is broken to the width

    _RAW = Qt.ItemDataRole.UserRole + 1

    def _item(self, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([self._wrapped(text, item_depth=0)])
        item.setData(0, self._RAW, text)
        item.setToolTip(0, text)
        return item

    def _wrapped(self, text: str, item_depth: int) -> str:
        width = self.tree.viewport().width() - self.tree.indentation() * (item_depth + 2) - 8
        font = self.tree.font()
        font.setBold(item_depth == 0)  # heads may be bold: measure the widest
        metrics = QFontMetrics(font)
        if width < 80:
            return text
        lines: list[str] = []
        current = ""
        for word in text.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and metrics.horizontalAdvance(candidate) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
        return "\n".join(lines)

    def _heads(self) -> list[QTreeWidgetItem]:
        """The alerts' rows (an index past the end is the only way to get None)."""
        heads = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [head for head in heads if head is not None]

    def _rewrap(self) -> None:
        for head in self._heads():
            head.setText(0, self._wrapped(head.data(0, self._RAW) or "", 0))
            for j in range(head.childCount()):
                child = head.child(j)
                if child is not None:
                    child.setText(0, self._wrapped(child.data(0, self._RAW) or "", 1))

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._rewrap()  # the width changed: break the lines again
        return super().eventFilter(watched, event)

    def _summarise(self) -> None:
        count = len(self.alerts)
        blocking = sum(1 for a in self.alerts if a.blocks)
        if count == 0:
            self.summary.setText(self.tr("Safety checks: no alert."))
        elif blocking:
            self.summary.setText(
                self.tr(
                    "Safety checks: %1 alert(s), %2 contraindication(s) "
                    "— click an alert to see why and its sources."
                )
                .replace("%1", str(count))
                .replace("%2", str(blocking))
            )
        else:
            self.summary.setText(
                self.tr(
                    "Safety checks: %1 alert(s) — click an alert to see why and its sources."
                ).replace("%1", str(count))
            )

    def retranslate(self) -> None:
        self.tree.setAccessibleName(self.tr("Safety alerts"))
        self.tree.setToolTip(
            self.tr(
                "Each alert: its severity and why; open it for the action, "
                "what triggered it and its sources"
            )
        )
        self.summary.setAccessibleName(self.tr("Safety checks"))
        self._summarise()
