"""Interface language: Qt translators for the window's own words, switchable without restart.

Installing or removing a ``QTranslator`` makes Qt send a ``LanguageChange`` event to every widget;
each widget answers it by calling its ``retranslate()``. Words of the domain (error and warning
messages, working steps, formatted doses) do not come from here: they come from
``desktop.core.messages`` and ``formatting`` with ``lang="fr"``/``"en"``.

A missing ``.qm`` file (translations not compiled) is not an error: the window starts in English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from desktop.paths import resource

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    _Widget = QWidget
else:
    _Widget = object  # a plain mixin at run time: the Qt class comes after it in the bases


class Retranslating(_Widget):
    """A widget whose own words follow the interface language: it answers Qt's
    ``LanguageChange`` with its ``retranslate()``. Put it first in the bases:
    ``class AboutDialog(Retranslating, QDialog)``."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def translations_dir() -> str:
    return str(resource("translations"))


class LanguageSwitcher:
    """Holds the installed translators; ``apply(lang)`` swaps them."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def apply(self, lang: str) -> bool:
        """Install the translators for ``lang``. Returns False when its ``.qm`` was not found (the
        window then shows English words, never an error)."""
        app = QCoreApplication.instance()
        self.language = lang  # first: widgets retranslating during the swap read it
        QLocale.setDefault(
            QLocale(
                QLocale.Language.French if lang == "fr" else QLocale.Language.English,
                QLocale.Country.France if lang == "fr" else QLocale.Country.UnitedKingdom,
            )
        )
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed.clear()
        if app is None:
            return True
        # English is the source language: its file only holds plural forms ("1 result").
        ours = QTranslator(app)
        found = ours.load(f"calx_{lang}", translations_dir())
        if found:
            QCoreApplication.installTranslator(ours)
            self._installed.append(ours)
        if lang == "en":
            return True
        # Qt's own words (standard buttons, print dialog) in the same language.
        qt_words = QTranslator(app)
        if qt_words.load(
            f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            QCoreApplication.installTranslator(qt_words)
            self._installed.append(qt_words)
        return found

    def remove_all(self) -> None:
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed.clear()
