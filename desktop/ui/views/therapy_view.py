"""The therapy view: what the review reports about one therapy, with sources and badges."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from desktop.ui.context import AppContext
from desktop.ui.i18n import Retranslating


class TherapyView(Retranslating, QWidget):
    computeRequested = Signal(str)  # regimen id

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("therapyView")
        self.context = context
        self.therapy_id: str | None = None
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("therapyText")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._anchor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        context.languageChanged.connect(lambda _lang: self.refresh())
        self.retranslate()

    def show_therapy(self, therapy_id: str) -> None:
        self.therapy_id = therapy_id
        self.refresh()

    def refresh(self) -> None:
        db = self.context.db
        if db is None or self.therapy_id is None:
            hint = self.tr("Choose a therapy on the left, or search for one (Ctrl+F).")
            self.browser.setHtml(f"<p>{hint}</p>")
            return
        from desktop.ui.views.therapy_html import therapy_html

        therapy = db.therapy(self.therapy_id)
        self.browser.setHtml(
            therapy_html(therapy, self.context.lang, self.words(), references_of(db))
        )
        self.browser.setAccessibleDescription(therapy.name.get(self.context.lang))

    def words(self) -> Any:
        from desktop.core.regimen import ROUTES
        from desktop.core.words import capitalized, word
        from desktop.ui.views.therapy_html import Words

        lang = self.context.lang
        # Domain words (off-label, how far a source was checked, routes) come from the catalogue,
        # named as the command line and the PDF name them; the headings are the window's own.
        return Words(
            summary=self.tr("Summary"),
            mechanism=self.tr("Mechanism"),
            regimens=self.tr("Regimens"),
            evidence=self.tr("Evidence"),
            adverse_effects=self.tr("Adverse effects"),
            cautions=self.tr("Cautions"),
            monitoring=self.tr("Monitoring"),
            patient_advice=self.tr("Advice for the patient"),
            instructions=self.tr("Instructions"),
            references=self.tr("References"),
            off_label=capitalized(word("off_label", lang)),
            conflicting=capitalized(word("conflicting", lang)),
            advised_against=self.tr("Advised against"),
            study=self.tr("Study"),
            design=self.tr("Design"),
            patients=self.tr("n"),
            outcome=self.tr("Outcome"),
            follow_up=self.tr("Follow-up"),
            as_reported=word("as_reported", lang),
            secondary=word("secondary", lang),
            unverified=word("unverified", lang),
            verified=word("verified", lang),
            compute=self.tr("Compute this dose…"),
            no_dose=self.tr("The review gives no dose: no calculation."),
            schedule_source=self.tr("Timing:"),
            evidence_level=self.tr("Strongest evidence"),
            routes={route: word(f"route_name_{route}", lang) for route in ROUTES},
        )

    def _anchor(self, url: QUrl) -> None:
        from desktop.ui.views.therapy_html import COMPUTE_SCHEME

        if url.scheme() == COMPUTE_SCHEME:
            self.computeRequested.emit(url.path())

    # ------------------------------------------------------------------ printing

    def printable(self) -> bool:
        return self.therapy_id is not None and self.context.db is not None

    def print_view(self) -> None:
        from desktop.ui.views import printing  # Qt's print dialog: not before the first paint

        printing.print_document(self.browser.document(), self)

    def retranslate(self) -> None:
        self.browser.setAccessibleName(self.tr("Therapy details"))
        self.browser.setToolTip("")
        self.refresh()


def references_of(db: Any) -> dict[str, Any]:
    """The reference list of the database by id (empty if the database does not offer it)."""
    getter = getattr(db, "references", None)
    if getter is None:
        return {}
    refs = getter()
    return dict(refs) if isinstance(refs, dict) else {r.id: r for r in refs}
