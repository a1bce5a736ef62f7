"""Interface language: Qt translators for the window's own words, switchable without restart.

Installing or removing a ``QTranslator`` makes Qt send a ``LanguageChange`` event to every widget;
each widget answers it by calling its ``retranslate()``. Words of the domain (error and warning
messages, working steps, formatted doses) do not come from here: they come from
``desktop.core.messages`` and ``formatting`` with ``lang="fr"``/``"en"``.

A missing ``.qm`` file (translations not compiled) is not an error: the window starts in English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.paths import resource


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
        QLocale.setDefault(QLocale(QLocale.Language.French if lang == "fr"
                                   else QLocale.Language.English,
                                   QLocale.Country.France if lang == "fr"
                                   else QLocale.Country.UnitedKingdom))
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
        if qt_words.load(f"qtbase_{lang}",
                         QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            QCoreApplication.installTranslator(qt_words)
            self._installed.append(qt_words)
        return found

    def remove_all(self) -> None:
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed.clear()
