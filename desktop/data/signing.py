"""Signed content releases: Ed25519 keys, the trusted key list and the release manifest.

Cryptography comes from PyNaCl (libsodium's Ed25519); nothing here is hand-rolled but the JSON
envelope, which follows TUF's shape: ``{"signed": {...}, "signatures": [{"keyid", "sig"}]}``, the
signature made over the canonical JSON of ``signed`` (sorted keys, no spaces, UTF-8).

Trust, from ``resources/trust/``:

- ``roots.json``: the root public keys the application ships. Roots sign only key lists, and
  their private halves stay offline.
- ``keys.json``: a key list signed by a root: the keys that may sign releases, and the keys that
  are revoked. A newer list (higher ``version``, signed by a root) may travel inside a content
  pack: it replaces the shipped one for signers (rotation), and revocations from every valid list
  are kept (a revoked key never comes back).
- A development build (a checkout, not a frozen bundle) also trusts this machine's development
  key (``development-signing-key.json`` in the user config folder, created on first use), marked
  as development everywhere it shows. A release (``calx content release --release``) refuses it.

Every failure is a ``CalxError`` with a code (``release_*``), never an exception of the library.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.errors import CalxError
from desktop.data.canonical import canonical_json
from desktop.data.verify import (  # the open path's part: no crypto, no dataclasses
    DEV_PUBLIC_KEY,
    ENV_DEV_KEY,
    development_key_path,
    is_development_build,
    trust_folder,
)

# Re-exported: callers read them as signing's.
from desktop.data.verify import installed_key_list as installed_key_list
from desktop.data.verify import version_tuple as version_tuple

if TYPE_CHECKING:  # the library is imported only when a signature is made or checked
    from nacl.signing import SigningKey as NaclSigningKey

MANIFEST_TYPE = "calx-content-release"
KEY_LIST_TYPE = "calx-key-list"
FORMAT = 1
KEY_FILE_TYPE = "calx-ed25519-private-key"
MAX_JSON_BYTES = 256 * 1024


def canonical(value: Any) -> bytes:
    """The bytes a signature covers (``desktop.data.canonical``)."""
    return canonical_json(value).encode("utf-8")


def key_id(public: bytes) -> str:
    return hashlib.sha256(public).hexdigest()[:16]


def public_bytes(key: NaclSigningKey) -> bytes:
    return bytes(key.verify_key)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


# ------------------------------------------------------------------------------- keys


@dataclass(frozen=True)
class Signer:
    """A public signing key and whose it is."""

    id: str
    name: str
    public: bytes
    development: bool = False

    def document(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "public_key": b64(self.public),
            **({"development": True} if self.development else {}),
        }


@dataclass(frozen=True)
class SigningKey:
    """A private key in memory and the name it signs under."""

    private: NaclSigningKey
    name: str
    development: bool = False

    @property
    def id(self) -> str:
        return key_id(public_bytes(self.private))

    @property
    def signer(self) -> Signer:
        return Signer(self.id, self.name, public_bytes(self.private), self.development)

    def sign(self, signed: Mapping[str, Any]) -> dict[str, Any]:
        """The envelope: ``signed`` and this key's signature over its canonical JSON."""
        signature = b64(self.private.sign(canonical(signed)).signature)
        return {"signed": dict(signed), "signatures": [{"keyid": self.id, "sig": signature}]}


def generate(name: str, development: bool = False) -> SigningKey:
    from nacl.signing import SigningKey as NaclSigningKey

    return SigningKey(NaclSigningKey.generate(), name, development)


def private_document(key: SigningKey) -> bytes:
    """The private key as a small JSON file: its 32-byte seed in base64 and its name."""
    return json.dumps(
        {
            "type": KEY_FILE_TYPE,
            "name": key.name,
            "development": key.development,
            "seed": b64(bytes(key.private)),
        },
        indent=1,
    ).encode("utf-8")


def write_private_key(key: SigningKey, path: Path) -> None:
    """Write the key 0600, never over an existing file (a key is never replaced silently)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(private_document(key))


def load_private_key(path: Path, name: str | None = None, development: bool = False) -> SigningKey:
    from nacl.signing import SigningKey as NaclSigningKey

    try:
        document = json.loads(Path(path).read_bytes()[:MAX_JSON_BYTES])
        if not isinstance(document, dict) or document.get("type") != KEY_FILE_TYPE:
            raise ValueError("not a Calx signing key")
        private = NaclSigningKey(unb64(document["seed"]))
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise CalxError("release_key_unreadable", path=str(path), detail=str(err)[:200]) from None
    return SigningKey(
        private,
        name or str(document.get("name", Path(path).stem)),
        development or bool(document.get("development")),
    )


def development_key(create: bool = True) -> SigningKey | None:
    """This machine's development key, created on first use (``create``)."""
    path = development_key_path()
    if not path.exists():
        if not create:
            return None
        from desktop.paths import private_folder

        private_folder(path.parent)
        with contextlib.suppress(FileExistsError):  # another build made it first
            write_private_key(generate("development key (this machine)", True), path)
    return load_private_key(path, "development key (this machine)", development=True)


def _envelope(document: object, expected_type: str) -> tuple[dict[str, Any], list[Any]]:
    if (
        not isinstance(document, dict)
        or not isinstance(document.get("signed"), dict)
        or not isinstance(document.get("signatures"), list)
    ):
        raise ValueError("not a signed document")
    signed = document["signed"]
    if signed.get("type") != expected_type:
        raise ValueError(f"not a {expected_type}")
    return signed, document["signatures"]


def _signed_by(
    signed: Mapping[str, Any], signatures: list[Any], keys: Mapping[str, Signer]
) -> Signer | None:
    """The first trusted key whose signature over ``signed`` verifies, else None."""
    from nacl.exceptions import BadSignatureError
    from nacl.signing import VerifyKey

    message = canonical(signed)
    for entry in signatures[:8]:
        if not isinstance(entry, dict):
            continue
        signer = keys.get(entry.get("keyid"))  # type: ignore[arg-type]
        if signer is None:
            continue
        try:
            VerifyKey(signer.public).verify(message, unb64(entry.get("sig")))
        except (BadSignatureError, ValueError, TypeError):
            continue
        return signer
    return None


def _keyids(signatures: list[Any]) -> list[str]:
    return [str(e.get("keyid"))[:16] for e in signatures[:8] if isinstance(e, dict)]


# ------------------------------------------------------------------------------- trust


@dataclass(frozen=True)
class Trust:
    """The keys trusted to sign releases: roots, signers, and revoked key ids."""

    roots: Mapping[str, Signer]
    signers: Mapping[str, Signer]
    revoked: Mapping[str, str] = field(default_factory=dict)  # key id → reason
    key_list_version: int = 0

    def with_key_list(self, document: object) -> Trust:
        """This trust updated by a key list, if a root signed it and it is newer; revocations are
        kept from every valid list. An invalid or older list changes nothing but revocations."""
        try:
            signed, signatures = _envelope(document, KEY_LIST_TYPE)
            version = signed.get("version")
            if not isinstance(version, int):
                raise ValueError("no version")
            roots = {k: v for k, v in self.roots.items() if k not in self.revoked}
            if _signed_by(signed, signatures, roots) is None:
                return self
            revoked = dict(self.revoked)
            for item in signed.get("revoked", []):
                revoked[str(item["id"])] = str(item.get("reason", ""))
            signers = dict(self.signers)
            current = self.key_list_version
            if version > current:
                signers = {k: v for k, v in signers.items() if v.development}
                for item in signed.get("signers", []):
                    public = unb64(item["public_key"])
                    signers[key_id(public)] = Signer(key_id(public), str(item["name"]), public)
                current = version
            return Trust(self.roots, signers, revoked, current)
        except (ValueError, KeyError, TypeError, AttributeError):
            return self

    def add_development(self, key: SigningKey | Signer) -> Trust:
        signer = key.signer if isinstance(key, SigningKey) else key
        return Trust(
            self.roots, {**self.signers, signer.id: signer}, self.revoked, self.key_list_version
        )


def make_key_list(
    root: SigningKey,
    version: int,
    signers: Iterable[Signer],
    revoked: Mapping[str, str] | None = None,
    date: str = "",
) -> dict[str, Any]:
    return root.sign(
        {
            "type": KEY_LIST_TYPE,
            "version": version,
            "date": date,
            "signers": [{"name": s.name, "public_key": b64(s.public)} for s in signers],
            "revoked": [{"id": k, "reason": r} for k, r in (revoked or {}).items()],
        }
    )


def _read_json(path: Path) -> object:
    with open(path, "rb") as handle:
        return json.loads(handle.read(MAX_JSON_BYTES))


_TRUST_CACHE: dict[tuple[str, str], Trust] = {}


def load_trust(folder: Path | None = None, development: bool | None = None) -> Trust:
    """The shipped roots and key list, the key list kept by the last install, and, in a
    development build, this machine's development key (never created here)."""
    folder = folder or trust_folder()
    development = is_development_build() if development is None else development
    cache_key = (
        str(folder),
        f"{development}{os.environ.get(ENV_DEV_KEY, '')}{installed_key_list()}",
    )
    if cache_key in _TRUST_CACHE:
        return _TRUST_CACHE[cache_key]
    roots: dict[str, Signer] = {}
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError, AttributeError):
        for item in _read_json(folder / "roots.json")["roots"]:  # type: ignore[index]
            public = unb64(item["public_key"])
            roots[key_id(public)] = Signer(key_id(public), str(item["name"]), public)
    trust = Trust(roots, {})
    for key_list in (folder / "keys.json", installed_key_list()):
        with contextlib.suppress(OSError, ValueError):
            trust = trust.with_key_list(_read_json(key_list))
    if development:
        with contextlib.suppress(CalxError):
            key = development_key(create=False)
            if key is not None:
                trust = trust.add_development(key)
        # A development bundle carries the public half of the key that signed its database.
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError, AttributeError):
            item = _read_json(folder / DEV_PUBLIC_KEY)
            public = unb64(item["public_key"])  # type: ignore[index]
            trust = trust.add_development(
                Signer(
                    key_id(public),
                    str(item["name"]),  # type: ignore[index]
                    public,
                    development=True,
                )
            )
    _TRUST_CACHE[cache_key] = trust
    return trust


def forget_trust() -> None:
    _TRUST_CACHE.clear()


# ------------------------------------------------------------------------------- manifest


@dataclass(frozen=True)
class Manifest:
    """What a release says about itself (all of it covered by the signature)."""

    content_version: str
    content_date: str
    released: str  # the day the release was cut
    previous_version: str  # "" for the first release
    digest: str  # sha256 of the whole database file
    content_hash: str
    schema_version: int
    min_calx_version: str
    changelog: str
    development: bool = False
    signer: str = ""  # the signing key's name, as its holder signed it

    def signed(self) -> dict[str, Any]:
        return {
            "type": MANIFEST_TYPE,
            "format": FORMAT,
            "content_version": self.content_version,
            "content_date": self.content_date,
            "released": self.released,
            "previous_version": self.previous_version,
            "digest": self.digest,
            "content_hash": self.content_hash,
            "schema_version": self.schema_version,
            "min_calx_version": self.min_calx_version,
            "changelog": self.changelog,
            "development": self.development,
            "signer": self.signer,
        }


@dataclass(frozen=True)
class SignedRelease:
    """A release manifest whose signature was checked, and who signed it."""

    manifest: Manifest
    signer: Signer
    document: dict[str, Any]


def sign_manifest(manifest: Manifest, key: SigningKey) -> dict[str, Any]:
    return key.sign(manifest.signed())


def verify_manifest(document: object, trust: Trust, shown: str) -> SignedRelease:
    """The manifest if a trusted, unrevoked key signed it; ``CalxError`` saying why otherwise."""
    try:
        signed, signatures = _envelope(document, MANIFEST_TYPE)
    except ValueError as err:
        raise CalxError("release_corrupt", path=shown, detail=str(err)) from None
    ids = _keyids(signatures)
    revoked = [k for k in ids if k in trust.revoked]
    if revoked:
        raise CalxError(
            "release_key_revoked",
            path=shown,
            key=revoked[0],
            reason=trust.revoked[revoked[0]] or "—",
        )
    signer = _signed_by(signed, signatures, trust.signers)
    if signer is None:
        if not any(k in trust.signers for k in ids):
            raise CalxError("release_key_unknown", path=shown, key=", ".join(ids) or "—")
        raise CalxError("release_signature_bad", path=shown)
    return _manifest_of(signed, signer, document, shown)


def _manifest_of(
    signed: Mapping[str, Any], signer: Signer, document: object, shown: str
) -> SignedRelease:
    try:
        if signed.get("format") != FORMAT:
            raise ValueError(f"format {signed.get('format')!r}")
        manifest = Manifest(
            content_version=_text(signed, "content_version"),
            content_date=_text(signed, "content_date"),
            released=_text(signed, "released"),
            previous_version=_text(signed, "previous_version"),
            digest=_text(signed, "digest"),
            content_hash=_text(signed, "content_hash"),
            schema_version=int(signed["schema_version"]),
            min_calx_version=_text(signed, "min_calx_version"),
            changelog=_text(signed, "changelog"),
            development=bool(signed.get("development")),
            signer=_text(signed, "signer"),
        )
        version_tuple(manifest.content_version)
        version_tuple(manifest.min_calx_version)
    except (KeyError, ValueError, TypeError) as err:
        raise CalxError("release_corrupt", path=shown, detail=str(err)[:200]) from None
    if manifest.development != signer.development:
        raise CalxError("release_signature_bad", path=shown)
    return SignedRelease(manifest, signer, dict(document) if isinstance(document, dict) else {})


def _text(signed: Mapping[str, Any], key: str) -> str:
    value = signed[key]
    if not isinstance(value, str):
        raise ValueError(f"{key} is not text")
    return value


def write_json_atomic(path: Path, document: object) -> None:
    from desktop.paths import write_atomically

    write_atomically(
        path, json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"), 0o644
    )


def _parse(data: bytes, shown: str) -> object:
    try:
        return json.loads(data)
    except ValueError as err:
        raise CalxError("release_corrupt", path=shown, detail=str(err)[:200]) from None


def verify_beside(db: Path, manifest: bytes, trust: Trust | None = None) -> SignedRelease:
    return verify_manifest(_parse(manifest, str(db)), trust or load_trust(), str(db))


def already_verified(db: Path, manifest: bytes) -> SignedRelease:
    """The manifest read back without checking its signature: only for bytes whose signature was
    verified before under the same trust (``trust_token``)."""
    document = _parse(manifest, str(db))
    try:
        signed, signatures = _envelope(document, MANIFEST_TYPE)
        keyid = _keyids(signatures)[0]
    except (ValueError, IndexError) as err:
        raise CalxError("release_corrupt", path=str(db), detail=str(err)[:200]) from None
    development = bool(signed.get("development"))
    name = str(signed.get("signer", ""))
    fake = Trust({}, {keyid: Signer(keyid, name, b"", development)})
    return _manifest_of(signed, fake.signers[keyid], document, str(db))
