"""Installed content releases, in the user data folder, beside the user database.

Layout (``<user data>/content/``)::

    state.json                     {"current": "2026.12.0", "previous": "2026.11.1"}
    releases/<version>/calx.sqlite (+ .sha256, + .release.json: the signed manifest)
    keys.json                      the newest key list a pack brought (rotation, revocation)

Installing verifies the pack into a staging folder, refuses anything not newer than the release
in use, moves the folder into ``releases/`` and then replaces ``state.json`` in one rename: a
crash leaves the old state, never half a release. The previous release is kept for a one-click
rollback; the bundled release (shipped with the application) stays the fallback, and wins when
it is newer than the installed one (an application update). Install and rollback are logged in
the user database's keyed, hash-chained log.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import CalxError
from desktop.data import verify

if TYPE_CHECKING:
    from datetime import date

    from desktop.data import packs, signing
    from desktop.data.refdb import ReferenceDB

# Choosing which database to open needs neither packs (zip, staging) nor signing (its
# dataclasses): both are imported where a pack is installed or a release written.
DB_NAME = "calx.sqlite"

STATE = "state.json"


def folder() -> Path:
    from desktop.paths import user_data_folder

    return user_data_folder() / "content"


def bundled_db() -> Path:
    from desktop.paths import app_root

    return app_root() / "db" / "calx.sqlite"


def _read_state() -> dict[str, str | None]:
    try:
        with open(folder() / STATE, "rb") as handle:
            state = json.loads(handle.read(4096))
    except (OSError, ValueError):
        return {"current": None, "previous": None}
    if not isinstance(state, dict):
        return {"current": None, "previous": None}
    return {
        k: (v if isinstance(v, str) and _is_version(v) else None)
        for k, v in ((k, state.get(k)) for k in ("current", "previous"))
    }


def _is_version(text: str) -> bool:
    try:
        verify.version_tuple(text)
    except ValueError:
        return False
    return True


def _write_state(state: dict[str, str | None]) -> None:
    from desktop.data import signing

    signing.write_json_atomic(folder() / STATE, state)


def release_db(version: str) -> Path:
    return folder() / "releases" / version / DB_NAME


def _bundled_version() -> str | None:
    """The bundled release's version, read from its manifest without checking it (only to choose
    which file to open; the open checks it)."""
    try:
        data = verify.read_manifest(bundled_db())
        if data is None:
            return None
        version = json.loads(data)["signed"]["content_version"]
        verify.version_tuple(version)
        return str(version)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def candidates() -> list[Path]:
    """The databases to try, in order: an installed release not older than the bundled one, then
    the bundled one. ``CALX_DB`` (tests, benchmarks) names the only one."""
    override = os.environ.get("CALX_DB")
    if override:
        return [Path(override)]
    current = _read_state()["current"]
    bundled = _bundled_version()
    found: list[Path] = []
    if current and (
        bundled is None or verify.version_tuple(current) >= verify.version_tuple(bundled)
    ):
        found.append(release_db(current))
    return [*found, bundled_db()]


def open_active() -> ReferenceDB:
    """The reference database in use: the installed release when present and valid, else the
    bundled one (the reason the installed one was not used is kept on the result)."""
    from desktop.data.refdb import ReferenceDB

    paths = candidates()
    reason: CalxError | None = None
    for i, path in enumerate(paths):
        try:
            db = ReferenceDB._open(path, required=i < len(paths) - 1)
        except CalxError as err:
            if i == len(paths) - 1:
                raise
            reason = err
            continue
        db.fallback_reason = reason
        return db
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class Status:
    """Which installed release is in use, and what a rollback returns to."""

    current: str | None  # installed release in use, None when the bundled one is
    previous: str | None  # what a rollback returns to (None: the bundled release)
    can_roll_back: bool


def status() -> Status:
    state = _read_state()
    return Status(state["current"], state["previous"], state["current"] is not None)


@dataclass(frozen=True)
class Installed:
    """A release just installed, and the one it replaced."""

    version: str
    previous: str | None
    release: signing.SignedRelease


def check_pack(
    pack: Path, active_version: str, active_hash: str, trust: signing.Trust | None = None
) -> packs.Pack:
    """Verify ``pack`` into a staging folder and check it may replace the release in use.
    The caller installs it or gives it to ``discard``."""
    from desktop.data import packs, signing

    root = folder()
    from desktop.paths import private_folder

    private_folder(root)
    staging = root / f".staging-{os.getpid()}-{datetime.now(UTC).strftime('%H%M%S%f')}"
    try:
        found = packs.read_pack(Path(pack), staging, trust)
        version = found.release.manifest.content_version
        new, old = signing.version_tuple(version), signing.version_tuple(active_version)
        if new == old:
            if found.release.manifest.content_hash != active_hash:
                raise CalxError(
                    "release_same_version_other_content", path=str(pack), version=version
                )
            raise CalxError(
                "release_not_newer", path=str(pack), version=version, installed=active_version
            )
        if new < old:
            raise CalxError(
                "release_older", path=str(pack), version=version, installed=active_version
            )
    except BaseException:
        _remove(staging)
        raise
    return found


def discard(found: packs.Pack) -> None:
    """A checked pack that is not installed: nothing of it stays behind."""
    _remove(found.folder)


def _remove(staging: Path) -> None:
    """Remove a staging folder, and the content folder too when nothing else is in it (a
    refused or shown-only pack leaves not even an empty folder)."""
    shutil.rmtree(staging, ignore_errors=True)
    with contextlib.suppress(OSError):
        staging.parent.rmdir()  # only succeeds when empty


def install(
    pack: Path, at: datetime | None = None, trust: signing.Trust | None = None
) -> Installed:
    """Verify and install ``pack``; nothing changes when it is refused."""
    from desktop.data import signing
    from desktop.data.refdb import ReferenceDB
    from desktop.data.userdb import UserDB

    with ReferenceDB.open() as active:
        meta = active.metadata()
        active_path = active.path
    with UserDB.open() as user:  # checked before anything moves
        found = check_pack(pack, meta.content_version, meta.content_hash, trust)
        state = _read_state()
        version = found.release.manifest.content_version
        target = release_db(version).parent
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                shutil.rmtree(target)
            os.replace(found.folder, target)
        except BaseException:
            shutil.rmtree(found.folder, ignore_errors=True)
            raise
        # The release in use is kept for a rollback; when that is the bundled one, a rollback
        # simply returns to it.
        current = state["current"]
        previous = current if current and active_path == release_db(current) else None
        new_state = {"current": version, "previous": previous}
        _write_state(new_state)
        try:
            user.record_output(
                "",
                version,
                "content_installed",
                signing.canonical(found.release.document),
                at or _now(),
            )
        except BaseException:
            _write_state(state)
            raise
        if found.key_list is not None:
            signing.write_json_atomic(signing.installed_key_list(), found.key_list)
            signing.forget_trust()
        _prune(new_state)
    return Installed(version, previous, found.release)


def roll_back(at: datetime | None = None) -> str:
    """Return to the kept previous release (or the bundled one); the clinician's explicit choice.
    Returns the version now in use."""
    from desktop.data.refdb import ReferenceDB
    from desktop.data.userdb import UserDB

    state = _read_state()
    if state["current"] is None:
        raise CalxError("release_nothing_to_roll_back")
    new_state: dict[str, str | None] = {"current": state["previous"], "previous": None}
    with UserDB.open() as user:
        _write_state(new_state)
        try:
            with ReferenceDB.open() as db:
                version = db.metadata().content_version
            user.record_output(
                "", version, "content_rolled_back", json.dumps(state).encode("utf-8"), at or _now()
            )
        except BaseException:
            _write_state(state)
            raise
    _prune(new_state)
    return version


def _prune(state: dict[str, str | None]) -> None:
    """Remove releases neither in use nor kept, and staging folders left by a crash."""
    keep = {v for v in state.values() if v}
    with contextlib.suppress(OSError):
        for entry in (folder() / "releases").iterdir():
            if entry.name not in keep:
                shutil.rmtree(entry, ignore_errors=True)
    with contextlib.suppress(OSError):
        for entry in folder().glob(".staging-*"):
            shutil.rmtree(entry, ignore_errors=True)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ReleaseInfo:
    """What the status bar and Help › About show about the content in use."""

    version: str
    date: str  # the content's date
    released: str | None  # the day the release was signed (None: unsigned development db)
    signer: str | None
    signer_id: str | None
    development: bool
    installed: bool  # from the user data folder (else the bundled one)
    age_days: int | None  # since ``released`` (else since ``date``)
    fallback_code: str | None  # why an installed release was not used


def describe(db: ReferenceDB, today: date | None = None) -> ReleaseInfo:
    """``db``: an open ``ReferenceDB``; ``today``: a ``date`` (defaults to the local day)."""
    from datetime import date

    meta = db.metadata()
    release = db.release
    day = today or date.today()
    stamp = release.manifest.released if release is not None else meta.content_date
    try:
        age: int | None = (day - date.fromisoformat(stamp)).days
    except ValueError:
        age = None
    installed = folder() in Path(db.path).parents
    return ReleaseInfo(
        version=meta.content_version,
        date=meta.content_date,
        released=release.manifest.released if release else None,
        signer=(release.manifest.signer or release.signer.name) if release else None,
        signer_id=release.signer.id if release else None,
        development=bool(release and release.manifest.development),
        installed=installed,
        age_days=age,
        fallback_code=db.fallback_reason.code if db.fallback_reason is not None else None,
    )


def signer_label(name: str, development: bool, lang: str) -> str:
    """Who signed, as shown: a development key is named as such, in the user's language."""
    from desktop.core.words import word

    return word("release_development_signer", lang) if development else name


def info_text(info: ReleaseInfo, lang: str) -> str:
    """One line: "Content 2026.11.1 of 2026-11-30, signed by … (development key), 3 days old"."""
    from desktop.core.words import word

    parts = [word("release_version_date", lang, version=info.version, date=info.date)]
    if info.signer:
        parts.append(
            word(
                "release_signed_by", lang, signer=signer_label(info.signer, info.development, lang)
            )
        )
    else:
        parts.append(word("release_unsigned_development", lang))
    if info.age_days is not None:
        days = info.age_days
        if days == 0:
            parts.append(word("release_today", lang))
        else:
            parts.append(
                word(
                    "release_days_old" if days == 1 else "release_days_old_many",
                    lang,
                    days=str(days),
                )
            )
    parts.append(word("release_installed" if info.installed else "release_shipped", lang))
    return ", ".join(parts)


def open_source(path: Path, into: Path) -> tuple[ReferenceDB, str]:
    """A ``(ReferenceDB, changelog)`` for ``calx content diff``/``validate``: a content folder
    (built into ``into``), a pack (verified, unpacked into ``into``) or a reference database."""
    import zipfile

    from desktop.data import packs
    from desktop.data.refdb import ReferenceDB

    path = Path(path)
    shown = str(path)
    try:
        is_folder = path.is_dir()
    except OSError as err:  # a name too long for the file system, say
        raise CalxError(
            "content_source_unreadable", path=shown, detail=err.strerror or str(err)
        ) from None
    if is_folder:
        from desktop.data.build import ContentVersionError, build
        from desktop.data.content import ContentValidationError
        from desktop.data.releases import RELEASED

        try:
            build(path, into / packs.DB_NAME, RELEASED)
        except ContentValidationError as err:
            raise CalxError(
                "content_invalid",
                path=shown,
                count=len(err.problems),
                detail="; ".join(str(p) for p in err.problems[:5])[:600],
            ) from None
        except ContentVersionError as err:
            raise CalxError(
                "release_same_version_other_content", path=shown, version=err.version
            ) from None
        return ReferenceDB._open(into / packs.DB_NAME), ""
    try:
        is_zip = path.is_file() and zipfile.is_zipfile(path)
    except OSError as err:
        raise CalxError(
            "content_source_unreadable", path=shown, detail=err.strerror or str(err)
        ) from None
    if is_zip or path.suffix == packs.PACK_SUFFIX:
        found = packs.read_pack(path, into / "pack")
        opened = ReferenceDB._open(found.database, required=True, trust=found.trust)
        return opened, found.release.manifest.changelog
    if not path.is_file():
        raise CalxError("content_source_unreadable", path=shown, detail="no such file or folder")
    db = ReferenceDB._open(path)
    return db, db.release.manifest.changelog if db.release else ""


def find_release(content_hash: str) -> Path | None:
    """A kept database with this content (installed, previous or bundled), if any: the plans
    made with it can then be compared with the content in use."""
    from desktop.data.refdb import ReferenceDB

    state = _read_state()
    paths = [release_db(v) for v in (state["current"], state["previous"]) if v]
    override = os.environ.get("CALX_DB")
    paths += [Path(override)] if override else []
    paths.append(bundled_db())
    for path in paths:
        if not path.is_file():
            continue
        try:
            with ReferenceDB._open(path) as db:
                if db.metadata().content_hash == content_hash:
                    return path
        except CalxError:
            continue
    return None
