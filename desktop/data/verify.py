"""The reference database is checked whole, against a digest kept outside it, once per file.

- The build writes ``calx.sqlite.sha256`` beside the database: the sha256 of the whole file. It
  is not stored inside the file it protects, so no edit of the database can carry its own proof.
- At open, a file not yet verified is read once into memory; its bytes must hash to that digest,
  then SQLite's ``integrity_check``, the FTS5 ``integrity-check`` and the content hash run on those
  very bytes (``sqlite3.Connection.deserialize``): what is checked is what is then read.
- The file's identity (real path, device, inode, size, mtime_ns, ctime_ns) and its digest are then
  remembered in the user cache folder, so later opens skip the whole-file work and stay within a
  few ms. Any write to the file changes its mtime and ctime, so a changed byte is verified again.
  As git does for its index, a file changed within the last seconds before its check is not
  remembered: a second write in the same clock tick could otherwise keep the same identity.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from desktop.paths import write_atomically

DIGEST_SUFFIX = ".sha256"
CACHE_NAME = "verified-reference-db.json"
CACHE_ENTRIES = 8
RACY_NS = 3_000_000_000  # a file changed this recently is checked again at its next open
# From this size on, a file is hashed by OpenSSL even where ``hashlib`` is bound to Python's own
# functions (the window: ``desktop.ui.app``), which are about 4.5 times slower (4.4 ms a MB here,
# against 1 ms): the reference database at 1× (under 1 MB) stays below it, at 100× above.
LARGE_FILE_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class FileIdentity:
    """What identifies a file on disk without reading it: device, inode, size and times."""

    path: str
    dev: int
    ino: int
    size: int
    mtime_ns: int
    ctime_ns: int


def identity(path: Path) -> FileIdentity:
    """Raises ``OSError`` when the file cannot be examined."""
    st = os.stat(path)
    return FileIdentity(
        os.path.realpath(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns
    )


def digest_path(db: Path) -> Path:
    return Path(f"{db}{DIGEST_SUFFIX}")


def file_sha256(data: bytes) -> str:
    if len(data) >= LARGE_FILE_BYTES:
        try:
            from _hashlib import openssl_sha256
        except ImportError:  # a Python built without OpenSSL
            pass
        else:
            return openssl_sha256(data).hexdigest()
    return hashlib.sha256(data).hexdigest()


def write_digest(db: Path) -> str:
    """Pin ``db``'s whole-file digest beside it (the build does this); returns the digest."""
    digest = file_sha256(Path(db).read_bytes())
    target = digest_path(db)
    write_atomically(target, f"{digest}  {Path(db).name}\n".encode("ascii"), 0o644)
    return digest


def pinned_digest(db: Path) -> str | None:
    """The digest pinned beside ``db``, or None when it is missing or not a digest."""
    try:
        with open(digest_path(db), "rb") as handle:
            text = handle.read(200).decode("ascii", "replace")
    except OSError:
        return None
    digest = text.split(" ", 1)[0].strip().lower()
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        return None
    return digest


def _cache_file() -> Path:
    from desktop.paths import cache_folder

    return cache_folder() / CACHE_NAME


def _cached() -> list[dict[str, object]]:
    try:
        with open(_cache_file(), "rb") as handle:
            entries = json.loads(handle.read(64 * 1024))
    except (OSError, ValueError):
        return []
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def is_verified(ident: FileIdentity, digest: str) -> bool:
    """True when this very file (same identity) was verified against this digest before."""
    wanted = {**asdict(ident), "digest": digest}
    return any(entry == wanted for entry in _cached())


def remember(ident: FileIdentity, digest: str) -> None:
    """Record a verified file; never fails (no cache only means a slower next open)."""
    changed = max(ident.mtime_ns, ident.ctime_ns)
    if time.time_ns() - changed < RACY_NS:
        return
    entry = {**asdict(ident), "digest": digest}
    others = [e for e in _cached() if e.get("path") != ident.path]
    entries = [entry, *others][:CACHE_ENTRIES]
    target = _cache_file()
    try:
        from desktop.paths import private_folder

        private_folder(target.parent)
        write_atomically(target, json.dumps(entries).encode("utf-8"))
    except OSError:
        pass


# ------------------------------------------------------------------ signed releases (open path)
# What ``ReferenceDB.open`` needs of a signed release on every open: the manifest's bytes and
# the token a verified identity is remembered with. The signature itself is checked by
# ``desktop.data.signing`` only when the file (or its manifest, or the trust) is new.

MANIFEST_SUFFIX = ".release.json"  # beside the database: calx.sqlite.release.json
ENV_DEV_KEY = "CALX_DEV_KEY"
ENV_TRUST = "CALX_TRUST"  # another trust folder (tests)
MAX_MANIFEST_BYTES = 256 * 1024


DEV_PUBLIC_KEY = "development-key.json"  # in the trust folder of a development bundle


def version_tuple(text: object) -> tuple[int, ...]:
    """ "2026.11.1" → (2026, 11, 1); ``ValueError`` for anything else."""
    if not isinstance(text, str) or not text or len(text) > 40:
        raise ValueError("not a version")
    parts = text.split(".")
    if not all(p.isdigit() and p.isascii() for p in parts):
        raise ValueError("not a version")
    return tuple(int(p) for p in parts)


def is_development_build() -> bool:
    """A checkout runs as a development build; a frozen bundle (the installer) only when it was
    built from a database signed with a development key (its public half is then bundled)."""
    import sys

    return not getattr(sys, "frozen", False) or (trust_folder() / DEV_PUBLIC_KEY).is_file()


def manifest_path(db: Path) -> Path:
    return Path(f"{db}{MANIFEST_SUFFIX}")


def read_manifest(db: Path) -> bytes | None:
    """The bytes of the release manifest beside ``db``; None when there is none. ``OSError``
    when it is there but cannot be read."""
    try:
        with open(manifest_path(db), "rb") as handle:
            return handle.read(MAX_MANIFEST_BYTES)
    except FileNotFoundError:
        return None


def trust_folder() -> Path:
    override = os.environ.get(ENV_TRUST)
    if override:
        return Path(override)
    from desktop.paths import resource

    return resource("trust")


def installed_key_list() -> Path:
    """A newer key list carried by an installed pack is kept here (user data folder)."""
    from desktop.paths import user_data_folder

    return user_data_folder() / "content" / "keys.json"


def development_key_path() -> Path:
    override = os.environ.get(ENV_DEV_KEY)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("Calx", appauthor=False)) / "development-signing-key.json"


def trust_token(pinned: str, manifest: bytes) -> str:
    """What a verified identity is remembered with: the file's digest, its manifest and the
    trust files as they were. A changed manifest or key list (a revocation) is verified again."""
    digest = hashlib.sha256(pinned.encode("ascii") + b"\0" + manifest)
    folder = trust_folder()
    files = [
        folder / "roots.json",
        folder / "keys.json",
        installed_key_list(),
        folder / DEV_PUBLIC_KEY,
    ]
    if is_development_build():
        files.append(development_key_path())
    for path in files:
        try:
            with open(path, "rb") as handle:
                digest.update(b"\0" + handle.read(MAX_MANIFEST_BYTES))
        except OSError:
            digest.update(b"\0-")
    return f"{pinned}+{digest.hexdigest()}"
