"""Where Calx finds its bundled files, from a checkout or from a PyInstaller bundle.

Both lay out ``resources/`` and ``db/`` beside the ``desktop`` package, so one rule serves both.
``CALX_DB`` overrides the reference database (tests, benchmarks).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path


def app_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def reference_db() -> Path:
    override = os.environ.get("CALX_DB")
    return Path(override) if override else app_root() / "db" / "calx.sqlite"


def settings_file() -> Path:
    """``Calx.ini``, where QSettings (IniFormat, user scope) kept it, so existing files are found.
    ``CALX_SETTINGS`` overrides it (tests)."""
    override = os.environ.get("CALX_SETTINGS")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "Calx" / "Calx.ini"


# The user database and its HMAC key, in ``user_data_folder()``. Named here so that the commands
# that only look for them (the outputs' guard, ``calx plan``'s previous weight) do not import the
# user database's module.
USER_DB_NAME = "calx-user.sqlite"
USER_KEY_NAME = "installation.key"  # the HMAC key: beside the database, never inside it


def user_data_folder() -> Path:
    """Saved plans, the output log and installed content releases: ``CALX_USER_DATA`` if set,
    else the platform's user data folder for Calx."""
    override = os.environ.get("CALX_USER_DATA")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("Calx", appauthor=False))


def cache_folder() -> Path:
    """Calx's cache (which reference database files were verified); ``CALX_CACHE`` overrides it."""
    override = os.environ.get("CALX_CACHE")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("Calx", appauthor=False))


def write_atomically(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, flushed to disk and
    renamed over the target, so a crash never leaves half a file; ``mode`` sets its permissions."""
    import tempfile

    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def private_folder(folder: Path) -> None:
    """Create ``folder`` and its missing parents 0700 whatever the umask (they hold patients'
    plans or Calx's own checks), and make ``folder`` itself 0700."""
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another process made it first
            os.mkdir(path, 0o700)
        os.chmod(path, 0o700)  # mkdir's mode is filtered by the umask; chmod is not
    if not folder.is_dir():
        raise NotADirectoryError(20, "Not a directory", str(folder))
    if os.name == "posix" and (os.stat(folder).st_mode & 0o777) != 0o700:
        os.chmod(folder, 0o700)
