"""Saved plans: reopen a plan kept in the user database and reprint it exactly as it was.

The list comes from ``UserDB.list_plans``; choosing a plan reads it back whole
(``desktop.reports.model.load_plan``: its doses, dates and statements as they were saved, checked
against their stored hash) and previews it. It is never recomputed, so it prints as it did, with
the content version it used; a note says when that differs from the content now installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import Retranslating
from desktop.ui.models.saved_plans import COL_PATIENT, COL_PREPARED, SavedPlansModel
from desktop.ui.roles import PLAN_ID_ROLE, SORT_ROLE
from desktop.ui.widgets.plan_output_panel import PlanOutputPanel

if TYPE_CHECKING:
    from desktop.reports.model import PlanDocument
    from desktop.ui.context import AppContext


class SavedPlansDialog(Retranslating, QDialog):
    renewRequested = Signal(object)  # PlanDocument: start the next visit's plan from it

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedPlansDialog")
        self.context = context
        self.plan: PlanDocument | None = None
        self.reason = ""  # why no plan is shown
        self.model = SavedPlansModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(COL_PATIENT)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("savedPlansFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter_label = QLabel(self)
        self.filter_label.setBuddy(self.filter)
        self.table = QTableView(self)
        self.table.setObjectName("savedPlansTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_PREPARED, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # arrows move between cells; Tab leaves the table
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_PATIENT, QHeaderView.ResizeMode.Stretch)  # elided
        self.note = QLabel(self)
        self.note.setObjectName("savedPlanNote")
        self.note.setWordWrap(True)
        # The saved plan as it was: the panel previews, prints and exports it, never rebuilds it.
        self.panel = PlanOutputPanel(context, lambda: (self.plan, self.reason), self)
        self.preview, self.outputs = self.panel.preview, self.panel.outputs
        self.print_button = self.panel.print_button
        self.pdf_button = self.panel.pdf_button
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        # The plan's lifecycle: renew it at the next visit, or delete it (logged).
        self.renew_button = QPushButton(self)
        self.renew_button.setObjectName("renewPlan")
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("deletePlan")
        self.renew_button.clicked.connect(self.renew_current)
        self.delete_button.clicked.connect(self.delete_current)
        self._layout()
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.open_current())
        self.outputs.problem.connect(self.note.setText)
        self.buttons.rejected.connect(self.reject)
        self.resize(1140, 720)
        self.retranslate()
        self.reload()

    def _layout(self) -> None:
        search = QHBoxLayout()
        search.addWidget(self.filter_label)
        search.addWidget(self.filter, 1)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(search)
        column.addWidget(self.table, 1)
        lifecycle = QHBoxLayout()
        lifecycle.addWidget(self.renew_button)
        lifecycle.addWidget(self.delete_button)
        lifecycle.addStretch(1)
        column.addLayout(lifecycle)
        right = QWidget(self)
        preview = QVBoxLayout(right)
        preview.setContentsMargins(0, 0, 0, 0)
        preview.addWidget(self.note)
        preview.addWidget(self.panel, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([540, 580])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ list and plan

    def reload(self) -> None:
        """Read the list again from the user database (a message instead when it cannot)."""
        from desktop.core.errors import CalxError, Issue

        try:
            plans = self.context.user_db().list_plans()
            message = self.tr("No saved plan yet: in the Plan view, press “Save plan”.")
        except CalxError as error:
            plans, message = [], self.context.render(error.issue)
        self.model.set_plans(plans, self.context.lang)
        for plan in plans:
            if plan.damaged:  # listed, with its error, so that the others stay reachable
                self.model.set_error(
                    plan.plan_id,
                    self.context.render(
                        Issue("saved_plan_damaged", {"plan_id": plan.plan_id[:40]})
                    ),
                )
        if self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self._set_plan(None, message)

    def open_current(self) -> None:
        """Read the chosen plan back exactly as saved, then preview it."""
        from desktop.core.errors import CalxError
        from desktop.reports.model import load_plan

        index = self.table.currentIndex()
        plan_id = index.data(PLAN_ID_ROLE) if index.isValid() else None
        # Nothing of the plan shown before may stay on screen, or be printed, while this loads.
        self.plan = None
        self.panel.clear_preview()
        if plan_id is None:
            self._set_plan(None, self.tr("Choose a saved plan to see it here."))
            return
        try:
            plan = load_plan(self.context.user_db(), plan_id)
        except CalxError as error:  # a damaged or unreadable plan: say so, in its row too
            message = self.context.render(error.issue)
            self.model.set_error(plan_id, message)
            self._set_plan(None, message)
            return
        except Exception as error:  # a row no check foresaw: its own error, never a crash
            from desktop.core.errors import Issue

            message = self.context.render(
                Issue("saved_plan_unreadable", {"detail": f"{type(error).__name__}: {error}"[:200]})
            )
            self.model.set_error(plan_id, message)
            self._set_plan(None, message)
            return
        self._set_plan(plan)

    def content_note(self, plan: PlanDocument) -> str:
        """Which content the plan used, and whether the content installed now is the same."""
        used = (
            self.tr("Made with content %1 (%2); it reprints exactly as it was saved.")
            .replace("%1", plan.content.content_version)
            .replace("%2", plan.content.content_date)
        )
        current = self.context.metadata()
        if current is None:
            return used
        if current.content_hash == plan.content.content_hash:
            return used + " " + self.tr("This is also the content installed now.")
        review = self.review(plan)
        if review:  # what changed for this plan, and any new safety alert
            return used + "\n\n" + "\n".join(review)
        return (
            used
            + " "
            + self.tr(
                "The content installed now is %1 (%2): check this plan against it before "
                "renewing a treatment."
            )
            .replace("%1", current.content_version)
            .replace("%2", current.content_date)
        )

    def review(self, plan: PlanDocument) -> list[str]:
        """What changed for this plan's regimens since it was made, and new safety alerts."""
        from desktop.core.errors import CalxError
        from desktop.reports.plan_review import review_lines, review_plan

        db = self.context.db
        if db is None:
            return []
        try:
            review = review_plan(plan, db)
            return [] if review.same else review_lines(review, self.context.lang, db)
        except CalxError as error:
            return [self.context.render(error.issue)]
        except Exception as error:  # the list of changes must never stop the reprint
            return [f"{type(error).__name__}: {error}"[:200]]

    def renew_current(self) -> None:
        """Open the chosen plan in the Plan view for the next visit (new measurements, start)."""
        if self.plan is not None:
            self.renewRequested.emit(self.plan)
            self.accept()

    def confirm_delete(self, plan: PlanDocument) -> bool:
        """Ask before deleting (tests replace this method)."""
        from PySide6.QtWidgets import QMessageBox

        SB = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            self.tr("Delete the saved plan"),
            self.tr(
                "Delete the plan of %1 prepared on %2? The log keeps a record that it was deleted."
            )
            .replace("%1", plan.patient_name)
            .replace("%2", plan.prepared_on.isoformat()),
            SB.Yes | SB.Cancel,
            SB.Cancel,
        )
        return answer == SB.Yes

    def delete_current(self) -> None:
        """Delete the chosen plan after confirmation; the deletion is recorded in the log."""
        from datetime import UTC, datetime

        from desktop.core.errors import CalxError

        plan = self.plan
        if plan is None or not self.confirm_delete(plan):
            return
        try:
            self.context.user_db().delete_plan(plan.plan_id, datetime.now(UTC))
        except CalxError as error:
            self.note.setText(self.context.render(error.issue))
            return
        self.reload()
        self.outputs.statusMessage.emit(
            self.tr("Plan of %1 deleted; the log records it.").replace("%1", plan.patient_name)
        )

    def _set_plan(self, plan: PlanDocument | None, reason: str = "") -> None:
        self.plan, self.reason = plan, reason
        self.renew_button.setEnabled(plan is not None)
        self.delete_button.setEnabled(plan is not None)
        self.panel.set_ready(plan is not None, reason)
        self.note.setText(self.content_note(plan) if plan is not None else "")
        if plan is None:
            self.panel.clear_preview(reason)
        else:
            self.panel.schedule_preview()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Saved plans"))
        self.filter_label.setText(self.tr("&Find patient:"))
        from desktop.ui.style import name_clear_button

        name_clear_button(self.filter, self.tr("Clear the filter"))
        for widget, name, tip in (
            (
                self.filter,
                self.tr("Find patient"),
                self.tr("Show only the plans of patients whose name contains this text"),
            ),
            (self.table, self.tr("Saved plans"), self.tr("Plans kept in Calx, newest first")),
        ):
            widget.setAccessibleName(name)
            widget.setToolTip(tip)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setToolTip(self.tr("Close the list of saved plans"))
        self.note.setAccessibleName(self.tr("Content version of the plan"))
        for button, text, tip in (
            (
                self.renew_button,
                self.tr("&Renew in Plan view"),
                self.tr(
                    "Start the next visit's plan from this one: the same regimens and "
                    "values, from today, with today's measurements"
                ),
            ),
            (
                self.delete_button,
                self.tr("&Delete…"),
                self.tr("Delete this saved plan (asks first; the log records it)"),
            ),
        ):
            button.setText(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.setToolTip(tip)
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )
