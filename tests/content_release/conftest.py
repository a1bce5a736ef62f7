"""Signed content releases under test: generated keys, a test trust folder, a bundled release
signed by the test key, and the example update (``example_update/``), built once per session
from ``db/content`` into temporary folders. Nothing here uses this machine's development key or
the user's own folders."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from release_helpers import BASE_VERSION, EXAMPLE, Keys, content_copy

from desktop.data import content_store, packs, signing, verify
from desktop.data.models import DbMetadata


@pytest.fixture(scope="session")
def keys() -> Keys:
    return Keys(
        signing.generate("Test root"),
        signing.generate("Test editor"),
        signing.generate("Stranger"),
        signing.generate("Test editor 2027"),
    )


@pytest.fixture(scope="session")
def built(
    tmp_path_factory: pytest.TempPathFactory, keys: Keys, reference_db: Path
) -> dict[str, Path]:
    """The bundled release (the session's reference database, signed by the test key) and the
    example update pack, made once."""
    base = tmp_path_factory.mktemp("releases")
    bundled = base / "bundled"
    bundled.mkdir()
    shutil.copy(reference_db, bundled / packs.DB_NAME)
    verify.write_digest(bundled / packs.DB_NAME)
    with sqlite3.connect(bundled / packs.DB_NAME) as conn:
        stored = dict(conn.execute("SELECT key, value FROM metadata").fetchall())
    conn.close()
    meta = DbMetadata(
        int(stored["schema_version"]),
        stored["content_version"],
        stored["content_date"],
        stored["content_hash"],
    )
    data = (bundled / packs.DB_NAME).read_bytes()
    manifest = packs.release_manifest(
        meta, data, keys.signer, "", "2026.11.0", released=meta.content_date
    )
    signing.write_json_atomic(
        verify.manifest_path(bundled / packs.DB_NAME), signing.sign_manifest(manifest, keys.signer)
    )
    example = content_copy(base / "example-content", example=True)
    pack = base / "example.calxpack"
    packs.build_pack(
        example,
        pack,
        keys.signer,
        (EXAMPLE / "changelog.md").read_text(encoding="utf-8"),
        BASE_VERSION,
        released="2026-12-01",
    )
    return {
        "bundled": bundled / packs.DB_NAME,
        "pack": pack,
        "example_content": example,
        "base": base,
    }


@pytest.fixture
def trust_env(tmp_path: Path, keys: Keys, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A trust folder with the test root and signer; no development key; empty user folders."""
    trust = tmp_path / "trust"
    trust.mkdir()
    (trust / "roots.json").write_text(
        json.dumps(
            {
                "roots": [
                    {"name": keys.root.name, "public_key": signing.b64(keys.root.signer.public)}
                ]
            }
        )
    )
    (trust / "keys.json").write_text(
        json.dumps(signing.make_key_list(keys.root, 1, [keys.signer.signer], date="2026-11-30"))
    )
    monkeypatch.setenv(verify.ENV_TRUST, str(trust))
    monkeypatch.setenv(verify.ENV_DEV_KEY, str(tmp_path / "no-dev-key.pem"))
    monkeypatch.setenv("CALX_USER_DATA", str(tmp_path / "user"))
    monkeypatch.setenv("CALX_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("CALX_DB", raising=False)
    signing.forget_trust()
    yield trust
    signing.forget_trust()


@pytest.fixture
def store(
    trust_env: Path, built: dict[str, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> dict[str, Path]:
    """The test bundled release in use, as the application would find it."""
    bundled = tmp_path / "app" / "db"
    bundled.mkdir(parents=True)
    for name in (packs.DB_NAME, f"{packs.DB_NAME}.sha256", f"{packs.DB_NAME}.release.json"):
        shutil.copy(built["bundled"].parent / name, bundled / name)
    monkeypatch.setattr(content_store, "bundled_db", lambda: bundled / packs.DB_NAME)
    return {**built, "bundled": bundled / packs.DB_NAME}
