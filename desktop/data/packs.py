"""Content packs: one file (a zip) carrying a signed release of the reference database.

A pack holds exactly ``manifest.json`` (the signed manifest, ``desktop.data.signing``),
``calx.sqlite`` (the database) and, optionally, ``keys.json`` (a newer key list signed by a root:
how a rotation or a revocation reaches machines with no network). ``read_pack`` checks, in this
order, and refuses with a ``CalxError`` saying why: the zip itself (corrupt or truncated: every
member's CRC), the signature (bad, unknown or revoked key), the digest of the database against the
signed manifest, the database itself (SQLite and FTS5 integrity, content hash, schema, a released
version's pinned content), the manifest against the database, and the Calx version it needs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from desktop import __version__
from desktop.core.errors import CalxError
from desktop.data import signing, verify
from desktop.data.models import DbMetadata

PACK_SUFFIX = ".calxpack"
DB_NAME = "calx.sqlite"
MEMBERS = ("manifest.json", DB_NAME)
OPTIONAL = ("keys.json",)
MAX_PACK_BYTES = 300 * 1024 * 1024
MAX_MEMBER_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class Pack:
    """A verified pack, unpacked into ``folder`` as an installed release is laid out."""

    folder: Path
    release: signing.SignedRelease
    metadata: DbMetadata
    key_list: object | None
    trust: signing.Trust  # the trust it was verified with (with its own key list)

    @property
    def database(self) -> Path:
        return self.folder / DB_NAME


def lay_out(folder: Path, db_bytes: bytes, manifest: object, key_list: object | None) -> None:
    """Write a release as the app reads it: database, pinned digest, signed manifest beside."""
    db = folder / DB_NAME
    db.write_bytes(db_bytes)
    os.chmod(db, 0o644)
    verify.write_digest(db)
    signing.write_json_atomic(verify.manifest_path(db), manifest)
    if key_list is not None:
        signing.write_json_atomic(folder / "keys.json", key_list)


def read_pack(pack: Path, into: Path, trust: signing.Trust | None = None) -> Pack:
    """Verify ``pack`` and unpack it into the new folder ``into`` (removed again on refusal)."""
    shown = str(pack)
    members = _members(Path(pack), shown)
    trust = trust or signing.load_trust()
    key_list = None
    if "keys.json" in members:
        key_list = _json(members["keys.json"], shown)
        trust = trust.with_key_list(key_list)
    release = signing.verify_manifest(_json(members["manifest.json"], shown), trust, shown)
    data = members[DB_NAME]
    if hashlib.sha256(data).hexdigest() != release.manifest.digest:
        raise CalxError("release_digest_mismatch", path=shown)
    from desktop.data.releases import RELEASED

    pinned = RELEASED.get(release.manifest.content_version)
    if pinned is not None and pinned != release.manifest.content_hash:
        raise CalxError(
            "release_same_version_other_content",
            path=shown,
            version=release.manifest.content_version,
        )
    needs = release.manifest.min_calx_version
    if signing.version_tuple(needs) > signing.version_tuple(__version__):
        raise CalxError("release_needs_newer_calx", path=shown, needed=needs, have=__version__)
    os.mkdir(into, 0o700)
    try:
        lay_out(into, data, release.document, key_list)
        from desktop.data.refdb import ReferenceDB

        try:
            with ReferenceDB._open(into / DB_NAME, required=True, trust=trust) as db:
                metadata = db.metadata()
        except CalxError as err:
            if err.code.startswith("release_"):
                raise
            detail = err.params.get("detail") or err.code
            raise CalxError("release_corrupt", path=shown, detail=str(detail)[:200]) from None
        if (metadata.content_version, metadata.content_hash) != (
            release.manifest.content_version,
            release.manifest.content_hash,
        ):
            raise CalxError("release_digest_mismatch", path=shown)
    except BaseException:
        shutil.rmtree(into, ignore_errors=True)
        raise
    return Pack(into, release, metadata, key_list, trust)


def _members(pack: Path, shown: str) -> dict[str, bytes]:
    try:
        size = pack.stat().st_size
        if not pack.is_file():
            raise CalxError("release_unreadable", path=shown, detail="not a file")
        if size > MAX_PACK_BYTES:
            raise CalxError("release_corrupt", path=shown, detail="file too large")
        with zipfile.ZipFile(pack) as archive:
            names = archive.namelist()
            if (
                len(names) != len(set(names))
                or not set(MEMBERS) <= set(names)
                or not set(names) <= set(MEMBERS) | set(OPTIONAL)
            ):
                raise CalxError(
                    "release_corrupt",
                    path=shown,
                    detail=f"unexpected contents: {', '.join(sorted(names))[:200]}",
                )
            out: dict[str, bytes] = {}
            for info in archive.infolist():
                if info.file_size > MAX_MEMBER_BYTES:
                    raise CalxError("release_corrupt", path=shown, detail="member too large")
                with archive.open(info) as handle:  # the CRC is checked as it is read
                    out[info.filename] = handle.read(MAX_MEMBER_BYTES + 1)
            return out
    except FileNotFoundError:
        raise CalxError("release_unreadable", path=shown, detail="no such file") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as err:
        raise CalxError(
            "release_corrupt", path=shown, detail=f"corrupt or truncated ({str(err)[:120]})"
        ) from None
    except OSError as err:
        raise CalxError("release_unreadable", path=shown, detail=err.strerror or str(err)) from None


def _json(data: bytes, shown: str) -> object:
    try:
        return json.loads(data)
    except (ValueError, UnicodeError) as err:
        raise CalxError("release_corrupt", path=shown, detail=str(err)[:200]) from None


# ------------------------------------------------------------------------------- cutting


def build_pack(
    content_dir: Path,
    out: Path,
    key: signing.SigningKey,
    changelog: str,
    previous_version: str = "",
    min_calx_version: str = __version__,
    key_list: object | None = None,
    released: str | None = None,
    releases: dict[str, str] | None = None,
) -> signing.Manifest:
    """Build the database from ``content_dir`` and write the signed pack ``out`` (atomically)."""
    from desktop.data.build import build
    from desktop.data.releases import RELEASED

    with tempfile.TemporaryDirectory(prefix="calx-release-") as tmp:
        db = Path(tmp) / DB_NAME
        meta = build(Path(content_dir), db, RELEASED if releases is None else releases)
        data = db.read_bytes()
        manifest = release_manifest(
            meta, data, key, changelog, previous_version, min_calx_version, released
        )
        document = signing.sign_manifest(manifest, key)
        write_pack(out, data, document, key_list)
    return manifest


def release_manifest(
    meta: DbMetadata,
    data: bytes,
    key: signing.SigningKey,
    changelog: str,
    previous_version: str = "",
    min_calx_version: str = __version__,
    released: str | None = None,
) -> signing.Manifest:
    return signing.Manifest(
        content_version=meta.content_version,
        content_date=meta.content_date,
        released=released or dt.date.today().isoformat(),
        previous_version=previous_version,
        digest=hashlib.sha256(data).hexdigest(),
        content_hash=meta.content_hash,
        schema_version=meta.schema_version,
        min_calx_version=min_calx_version,
        changelog=changelog,
        development=key.development,
        signer=key.name,
    )


def write_pack(out: Path, data: bytes, manifest: object, key_list: object | None = None) -> None:
    out = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent or ".")
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
            archive.writestr(DB_NAME, data)
            if key_list is not None:
                archive.writestr("keys.json", json.dumps(key_list, indent=1))
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
