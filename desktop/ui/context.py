"""What every part of the window shares: preferences, language, the reference database.

The database (and with it sqlite and the domain modules) is opened only when the window asks for
it, after its first paint, so start-up never pays for it. A database that is missing or damaged is
not a crash: ``database_error`` holds the refusal and ``databaseFailed`` carries its words.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.ui import settings as S
from desktop.ui.i18n import LanguageSwitcher

if TYPE_CHECKING:
    from desktop.core.errors import Issue
    from desktop.data.refdb import ReferenceDB
    from desktop.data.userdb import UserDB


class AppContext(QObject):
    languageChanged = Signal(str)
    databaseReady = Signal()
    databaseFailed = Signal(str)
    preferencesChanged = Signal()

    def __init__(
        self, prefs: S.Preferences, db_path: str | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.db_path = db_path
        self.db: ReferenceDB | None = None
        self.database_error: Issue | None = None
        self._user_db: UserDB | None = None
        self._switcher = LanguageSwitcher()
        self.translations_found = self._switcher.apply(prefs.get(S.LANGUAGE))

    # ------------------------------------------------------------------ language

    @property
    def lang(self) -> str:
        return self._switcher.language

    def set_language(self, lang: str) -> None:
        """Switch the interface and the domain words to ``lang`` now, and remember it."""
        if lang not in S.LANGUAGES:
            raise ValueError(lang)
        self.prefs.set(S.LANGUAGE, lang)
        if lang == self._switcher.language:
            return
        self.translations_found = self._switcher.apply(lang)
        self.languageChanged.emit(lang)

    def render(self, issue: Issue) -> str:
        """An error or warning code in the user's words (``desktop.core.messages``)."""
        from desktop.core.messages import render

        return render(issue, self.lang)

    # ------------------------------------------------------------------ database

    def load_database(self) -> bool:
        """Open the reference database (read-only). Emits ``databaseReady`` or
        ``databaseFailed`` with the refusal in the user's words; never raises."""
        from desktop.core.errors import CalxError, Issue

        try:
            from desktop.data.refdb import ReferenceDB

            self.db = ReferenceDB.open(None if self.db_path is None else Path(self.db_path))
        except CalxError as error:
            self.database_error = error.issue
        except Exception as error:  # the window must stay usable and say what went wrong
            self.database_error = Issue(
                "internal_error", {"detail": f"{type(error).__name__}: {error}"}
            )
        else:
            self.database_error = None
            self.databaseReady.emit()
            return True
        self.db = None
        self.databaseFailed.emit(self.render(self.database_error))
        return False

    def user_db(self) -> UserDB:
        """The saved-plans database, opened on first use (``CALX_USER_DATA`` or the platform's
        user data folder). Raises ``CalxError`` (``user_db_unreadable``) when it cannot be used.
        Opening it takes a few ms (SQLite, one migration check), so the UI thread does it."""
        if self._user_db is None:
            from desktop.core.errors import CalxError
            from desktop.data.userdb import UserDB, user_data_folder

            try:
                self._user_db = UserDB.open()
            except OSError as error:  # a folder it may not create or a file it may not open
                raise CalxError(
                    "user_db_unreadable",
                    path=str(user_data_folder()),
                    detail=error.strerror or str(error),
                ) from None
        return self._user_db

    def shutdown(self) -> None:
        """Remove the translators and close the databases (tests open many windows)."""
        self._switcher.apply("en")
        self._switcher.remove_all()
        if self.db is not None:
            self.db.close()
            self.db = None
        if self._user_db is not None:
            self._user_db.close()
            self._user_db = None

    def reload_database(self) -> bool:
        """Open the content in use again (after an install or a rollback)."""
        if self.db is not None:
            self.db.close()
            self.db = None
        return self.load_database()

    def release_text(self) -> str | None:
        """The release in use in one line (status bar, About), or None without a database."""
        if self.db is None:
            return None
        from desktop.data import content_store

        info = content_store.describe(self.db)
        text = content_store.info_text(info, self.lang)
        if self.db.fallback_reason is not None:  # the installed release failed its checks
            text += " — " + self.render(self.db.fallback_reason.issue)
        return text

    def metadata(self) -> Any:
        return self.db.metadata() if self.db is not None else None
