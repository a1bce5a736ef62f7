"""The reference database build: deterministic bytes, a content hash that follows the content,
atomic writing, and the ``db/build.py`` script's exit contract."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.regimen import regimen_from_dict
from desktop.data.build import build, canonical_json
from desktop.data.content import ContentValidationError, load_content
from desktop.data.schema import SCHEMA_VERSION, content_hash

ROOT = Path(__file__).resolve().parents[2]


def test_the_same_content_gives_the_same_bytes(synthetic, tmp_path: Path) -> None:
    first = build(synthetic.dir, tmp_path / "a.sqlite")
    second = build(synthetic.dir, tmp_path / "b.sqlite")
    assert (tmp_path / "a.sqlite").read_bytes() == (tmp_path / "b.sqlite").read_bytes()
    assert first == second


def test_the_real_content_builds_deterministically(real_db: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.sqlite"
    build(ROOT / "db" / "content", again)
    assert (
        hashlib.sha256(again.read_bytes()).digest() == hashlib.sha256(real_db.read_bytes()).digest()
    )


def test_a_content_change_changes_the_hash(synthetic, tmp_path: Path) -> None:
    before = build(synthetic.dir, tmp_path / "before.sqlite")
    synthetic.edit(
        "colchicine.toml", "Diarrhée, douleurs abdominales.", "Diarrhée et douleurs abdominales."
    )
    after = build(synthetic.dir, tmp_path / "after.sqlite")
    assert before.content_hash != after.content_hash
    assert len(after.content_hash) == 64
    assert (tmp_path / "before.sqlite").read_bytes() != (tmp_path / "after.sqlite").read_bytes()


def test_a_version_bump_alone_changes_the_hash(synthetic, tmp_path: Path) -> None:
    before = build(synthetic.dir, tmp_path / "before.sqlite")
    synthetic.edit("_meta.toml", '"2000.1.0"', '"2000.1.1"')
    after = build(synthetic.dir, tmp_path / "after.sqlite")
    assert (before.content_version, after.content_version) == ("2000.1.0", "2000.1.1")
    assert before.content_hash != after.content_hash


def test_metadata_is_stored(synthetic, tmp_path: Path) -> None:
    out = tmp_path / "calx.sqlite"
    meta = build(synthetic.dir, out)
    with sqlite3.connect(out) as conn:
        stored = dict(conn.execute("SELECT key, value FROM metadata"))
        assert stored == {
            "schema_version": str(SCHEMA_VERSION),
            "content_version": "2000.1.0",
            "content_date": "2026-11-28",
            "content_hash": meta.content_hash,
        }
        assert content_hash(conn) == meta.content_hash


def test_regimens_are_stored_as_canonical_json_that_rebuilds_them(
    synthetic, tmp_path: Path
) -> None:
    out = tmp_path / "calx.sqlite"
    build(synthetic.dir, out)
    content = load_content(synthetic.dir)
    expected = {r.id: r for t in content.therapies for r in t.regimens}
    with sqlite3.connect(out) as conn:
        rows = conn.execute("SELECT id, therapy_id, data FROM regimens").fetchall()
    assert {r[0] for r in rows} == set(expected)
    for rid, therapy_id, data in rows:
        assert data == canonical_json(json.loads(data))
        assert regimen_from_dict(json.loads(data), therapy_id) == expected[rid]


def test_the_search_index_folds_accents_and_has_prefix_indexes(synthetic_db: Path) -> None:
    with sqlite3.connect(synthetic_db) as conn:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'search'").fetchone()[0]
    assert "remove_diacritics 2" in sql
    assert "prefix=" in sql


def test_the_journal_mode_is_not_wal(synthetic_db: Path) -> None:
    # A WAL database cannot be opened read-only from a read-only install directory.
    header = synthetic_db.read_bytes()[:100]
    assert header[18] == 1 and header[19] == 1  # legacy (rollback journal) read/write versions


def test_invalid_content_writes_nothing_and_keeps_the_old_database(
    synthetic, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "calx.sqlite"
    build(synthetic.dir, out)
    good = out.read_bytes()
    synthetic.edit("rituximab.toml", 'unit = "mg"', 'unit = "mg/kg"')
    with pytest.raises(ContentValidationError):
        build(synthetic.dir, out)
    assert out.read_bytes() == good
    assert sorted(p.name for p in out.parent.iterdir()) == ["calx.sqlite", "calx.sqlite.sha256"]


def test_a_failed_write_leaves_no_temporary_file(
    synthetic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.data.build as build_module

    def explode(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(build_module, "_insert", explode)
    out = tmp_path / "out" / "calx.sqlite"
    with pytest.raises(RuntimeError):
        build(synthetic.dir, out)
    assert list(out.parent.iterdir()) == []


def _run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "db" / "build.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_build_script_refuses_with_file_and_field_and_no_traceback(
    synthetic, tmp_path: Path
) -> None:
    synthetic.edit("rituximab.toml", 'unit = "mg"', 'unit = "mg/kg"')
    synthetic.edit("analgesia.toml", ', en = "Pain relief" }', " }")
    out = tmp_path / "calx.sqlite"
    result = _run_script("--out", str(out), "--content", str(synthetic.dir))
    assert result.returncode == 1
    assert "rituximab.toml: regimens[0].dose.unit: unknown unit 'mg/kg'" in result.stderr
    assert "analgesia.toml: name.en: translation is missing" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_the_build_script_writes_the_database(synthetic, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "calx.sqlite"
    result = _run_script("--out", str(out), "--content", str(synthetic.dir))
    assert result.returncode == 0, result.stderr
    assert out.is_file()
    assert "2000.1.0" in result.stdout
