"""Stands in for ``filelock.asyncio`` in the Calx bundle, which leaves asyncio out (0.2 MB).

filelock imports this module on one path Calx can take: when the file system of the user's data
folder has no flock (some network homes), ``UnixFileLock._fallback_to_soft_lock`` turns the lock
into a soft one, and imports this module only to ask whether the lock is an asyncio one. Calx's
lock never is (desktop/data/userdb.py takes a FileLock, and Calx runs no coroutine), so it becomes
a ``SoftFileLock`` exactly as with the real module. Anything else asked of this module fails
clearly. Development and tests use the real filelock; only ``packaging/calx.spec`` puts this file
in the bundle, and tests/test_installer.py checks that filelock's fallback still names only these
two classes.
"""

from __future__ import annotations

from typing import NoReturn

LEFT_OUT = "filelock's asyncio locks are left out of the Calx bundle"


class BaseAsyncFileLock:
    """Never made: Calx's locks are synchronous."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise RuntimeError(LEFT_OUT)


class AsyncSoftFileLock(BaseAsyncFileLock):
    """Never made (see BaseAsyncFileLock)."""


def __getattr__(name: str) -> NoReturn:
    raise AttributeError(f"{LEFT_OUT} (filelock.asyncio.{name})")
