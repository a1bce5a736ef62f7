"""Where Calx may write a file it was asked to export: never over its own data, never over an
existing file unless told so.

A PDF written over the user database loses every saved plan and the log; an ``.ics`` written over
the reference database takes its content away. So an output path is refused when it names, by any
route (a relative path, a symlink, a hard link), one of Calx's own files, or a file inside its
private folders: paths are compared after ``realpath`` *and* by ``(st_dev, st_ino)``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path

from desktop.core.errors import CalxError

_SQLITE_SIDE_FILES = ("", "-journal", "-wal", "-shm")


def calx_files() -> list[Path]:
    """Calx's own files: the reference database and its pinned digest, the user database, the
    installation key, the settings file."""
    from desktop.paths import (
        USER_DB_NAME,
        USER_KEY_NAME,
        reference_db,
        settings_file,
        user_data_folder,
    )

    reference, user = reference_db(), user_data_folder() / USER_DB_NAME
    files = [
        Path(f"{reference}{suffix}") for suffix in (*_SQLITE_SIDE_FILES, ".sha256", ".release.json")
    ]
    files += [Path(f"{user}{suffix}") for suffix in _SQLITE_SIDE_FILES]
    files += [user_data_folder() / USER_KEY_NAME, settings_file()]
    return files


def calx_folders() -> list[Path]:
    """Folders only Calx writes into: the user data folder and its cache."""
    from desktop.paths import cache_folder, user_data_folder

    return [user_data_folder(), cache_folder()]


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def is_calx_data(path: Path) -> bool:
    """True when writing ``path`` would replace or go inside one of Calx's own files or folders."""
    real = _real(path)
    identity = _identity(path)
    for own in calx_files():
        if _real(own) == real or (identity is not None and identity == _identity(own)):
            return True
    for folder in calx_folders():
        real_folder = _real(folder)
        if real == real_folder or real_folder in real.parents:
            return True
    return False


def check_outputs(paths: Mapping[str, Path], *, force: bool = False) -> None:
    """Refuse before anything is computed: Calx's own data, an existing file (unless ``force``),
    a folder, a missing folder, one file given twice, a name the system cannot take."""
    seen: dict[Path, str] = {}
    for field, path in paths.items():
        shown = str(path)
        try:
            if is_calx_data(path):
                raise CalxError("output_is_calx_data", field=field, path=shown)
            if path.is_dir():
                raise CalxError("output_is_folder", field=field, path=shown)
            folder = _real(path).parent
            if not folder.is_dir():
                raise CalxError("output_folder_missing", field=field, path=shown)
            key = _real(path)
            if key in seen:
                raise CalxError("output_paths_same", field=field, path=shown)
            seen[key] = field
            if os.path.exists(path) and not stat.S_ISREG(os.stat(path).st_mode):
                # /dev/null, a FIFO, a socket: replacing it would destroy a system file
                raise CalxError("output_not_a_file", field=field, path=shown)
            if not force and os.path.lexists(path):
                raise CalxError("output_exists", field=field, path=shown)
            if len(path.name.encode("utf-8", "surrogateescape")) > 255:
                raise OSError(36, "File name too long", shown)
        except OSError as error:  # a name too long, a permission: said, not raised
            raise CalxError(
                "output_not_writable", field=field, path=shown, detail=error.strerror or str(error)
            ) from None
        except (UnicodeError, ValueError) as error:  # a NUL or a lone surrogate in the name
            raise CalxError(
                "output_not_writable",
                field=field,
                path=shown.encode("utf-8", "backslashreplace").decode("utf-8"),
                detail=type(error).__name__,
            ) from None


def existing(paths: Iterable[Path]) -> list[Path]:
    """Which of ``paths`` already exist (the window asks before replacing them)."""
    return [p for p in paths if os.path.lexists(p)]
