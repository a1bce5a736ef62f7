"""The reference database is read only if it is exactly the file that was built: random byte flips
give "damaged" or the original content, never other content; verification runs once per file
identity and again after any change; the build refuses new content under a released version."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.errors import CalxError
from desktop.data import verify
from desktop.data.build import ContentVersionError, build
from desktop.data.refdb import ReferenceDB

ROOT = Path(__file__).resolve().parents[2]
FLIPS = 240


def _everything(db: ReferenceDB) -> object:
    """All that Calx shows from the database, in both languages."""
    shown: list[object] = []
    for lang in ("en", "fr"):
        shown += [db.therapies(lang), db.overview(lang)]
        shown += [db.search(word, lang) for word in ("calcinosis", "calcinose", "ritu", "mg")]
    shown += [db.therapy(t.id) for t in db.therapies()]
    shown += [db.regimens(), db.references(), db.metadata()]
    return shown


def _copy(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    shutil.copyfile(verify.digest_path(src), verify.digest_path(dst))
    return dst


def test_random_byte_flips_are_damage_or_the_original_content(
    real_db: Path, tmp_path: Path
) -> None:
    with ReferenceDB.open(real_db) as db:
        original = _everything(db)
    data = real_db.read_bytes()
    rng = random.Random(20261130)
    target = _copy(real_db, tmp_path / "flipped.sqlite")
    outcomes = {"damaged": 0, "original": 0}
    for _ in range(FLIPS):
        flipped = bytearray(data)
        at = rng.randrange(len(flipped))
        flipped[at] ^= 1 << rng.randrange(8)
        target.write_bytes(bytes(flipped))
        try:
            with ReferenceDB.open(target) as db:
                assert _everything(db) == original, f"different content after a flip at {at}"
            outcomes["original"] += 1
        except CalxError as error:
            assert error.code.startswith("db_"), error.code
            outcomes["damaged"] += 1
    assert sum(outcomes.values()) == FLIPS
    assert outcomes["damaged"] == FLIPS  # the whole-file digest sees every flip


def test_a_verified_file_is_not_read_whole_again_until_it_changes(
    real_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CALX_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(verify, "RACY_NS", 0)  # the copy was made just now
    path = _copy(real_db, tmp_path / "calx.sqlite")
    ReferenceDB.open(path).close()  # verified whole, and remembered
    assert (tmp_path / "cache" / verify.CACHE_NAME).is_file()

    def no_whole_file_hash(data: bytes) -> str:
        raise AssertionError("a verified file was hashed again")

    monkeypatch.setattr(verify, "file_sha256", no_whole_file_hash)
    with ReferenceDB.open(path) as db:
        assert db.therapies()
    monkeypatch.undo()
    monkeypatch.setenv("CALX_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(verify, "RACY_NS", 0)
    # One byte changed in place (same inode, same size): mtime and ctime move, so it is checked.
    with open(path, "r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        byte = handle.read(1)
        handle.seek(-1, 1)
        handle.write(bytes([byte[0] ^ 0x20]))
    with pytest.raises(CalxError) as error:
        ReferenceDB.open(path)
    assert error.value.code == "db_corrupt"


def test_a_file_changed_just_now_is_not_remembered(
    real_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CALX_CACHE", str(tmp_path / "cache"))
    path = _copy(real_db, tmp_path / "calx.sqlite")
    ReferenceDB.open(path).close()
    assert not verify.is_verified(verify.identity(path), verify.pinned_digest(path) or "")


def test_the_build_refuses_new_content_under_a_released_version(synthetic, tmp_path: Path) -> None:
    meta = build(synthetic.dir, tmp_path / "a.sqlite")
    released = {meta.content_version: meta.content_hash}
    build(synthetic.dir, tmp_path / "b.sqlite", released)  # the same content: fine
    synthetic.edit("rituximab.toml", "375", "3750")
    with pytest.raises(ContentVersionError):
        build(synthetic.dir, tmp_path / "c.sqlite", released)
    assert not (tmp_path / "c.sqlite").exists()
    synthetic.edit("_meta.toml", '"2000.1.0"', '"2000.1.1"')
    build(synthetic.dir, tmp_path / "c.sqlite", released)  # bumped: fine


def test_the_build_script_refuses_the_real_content_edited_under_its_version(tmp_path: Path) -> None:
    from desktop.data.releases import RELEASED

    content = tmp_path / "content"
    shutil.copytree(ROOT / "db" / "content", content)
    meta_text = (content / "_meta.toml").read_text(encoding="utf-8")
    version = meta_text.split('content_version = "', 1)[1].split('"', 1)[0]
    if version not in RELEASED:
        pytest.skip(f"content {version} is not released yet")
    rituximab = content / "rituximab.toml"
    rituximab.write_text(
        rituximab.read_text(encoding="utf-8").replace("375", "3750", 1), encoding="utf-8"
    )
    out = tmp_path / "calx.sqlite"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "db" / "build.py"),
            "--out",
            str(out),
            "--content",
            str(content),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "bump content_version" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def test_the_released_record_matches_the_shipped_content(real_db: Path) -> None:
    from desktop.data.releases import RELEASED

    with ReferenceDB.open(real_db) as db:
        meta = db.metadata()
    assert RELEASED.get(meta.content_version, meta.content_hash) == meta.content_hash


def test_a_file_swapped_after_the_identity_check_is_checked_whole(
    real_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The remembered identity is checked again once the file is open: a file put in place
    between the two is read whole and refused."""
    monkeypatch.setenv("CALX_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(verify, "RACY_NS", 0)
    path = _copy(real_db, tmp_path / "calx.sqlite")
    ReferenceDB.open(path).close()
    tampered = bytearray(path.read_bytes())
    tampered[len(tampered) // 2] ^= 0x01
    real_identity = verify.identity
    calls = {"n": 0}

    def identity_then_swap(p: Path) -> verify.FileIdentity:
        calls["n"] += 1
        seen = real_identity(p)
        if calls["n"] == 1:  # right after the first look, someone replaces the file
            swap = tmp_path / "swap.sqlite"
            swap.write_bytes(bytes(tampered))
            swap.replace(path)
        return seen

    monkeypatch.setattr(verify, "identity", identity_then_swap)
    with pytest.raises(CalxError) as error:
        ReferenceDB.open(path)
    assert error.value.code == "db_corrupt"


def test_the_whole_file_digest_is_sha256_below_and_above_the_large_file_size(monkeypatch) -> None:
    """FIPS 180-2's example of one million "a": the same digest by Python's own sha256 (below
    ``LARGE_FILE_BYTES``) and by OpenSSL's (from it on: the window binds hashlib to the former)."""
    million = b"a" * 1_000_000
    expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    assert verify.file_sha256(million) == expected
    monkeypatch.setattr(verify, "LARGE_FILE_BYTES", 1_000_000)
    assert verify.file_sha256(million) == expected
    assert verify.file_sha256(million[:-1]) != expected
