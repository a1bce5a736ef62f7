"""Signed content releases: the example update end to end, and every refusal (generated keys,
tampered packs), each leaving the installed state exactly as it was."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from cli_runner import CalxCli, CliRun
from release_helpers import (
    BASE_VERSION,
    NEW_VERSION,
    Keys,
    content_copy,
    pack_from,
    repack,
    rituximab_plan,
)

from desktop.core.errors import CalxError
from desktop.data import content_store, packs, signing, verify
from desktop.data.refdb import ReferenceDB
from desktop.data.userdb import UserDB
from desktop.reports.model import load_plan
from desktop.reports.plan_review import review_lines, review_plan


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under the installed-content folder, to prove a refusal changed nothing."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> CliRun:
    return CalxCli(capsys)(argv)  # the one in-process runner (tests/cli_runner.py)


def in_use() -> str:
    with ReferenceDB.open() as db:
        return db.metadata().content_version


# ------------------------------------------------------------------ the example update


def test_example_update_diff_install_reopen_and_roll_back(
    store: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert in_use() == BASE_VERSION
    # A plan made with the bundled release.
    with ReferenceDB.open() as db:
        plan = rituximab_plan(db)
    with UserDB.open() as user:
        plan_id = user.save_plan(plan)

    # The diff, as data: the study added and the note changed, under rituximab, nothing else.
    code, out, err = run(
        ["content", "diff", str(store["bundled"]), str(store["pack"]), "--json"], capsys
    )
    assert code == 0, err
    document = json.loads(out)
    assert (document["from"]["version"], document["to"]["version"]) == (BASE_VERSION, NEW_VERSION)
    assert [t["id"] for t in document["therapies"]] == ["rituximab"]
    changes = document["therapies"][0]["changes"]
    assert {(c["section"], c["action"], c["item"]) for c in changes} == {
        ("regimen", "changed", "rituximab-375-weekly"),
        ("study", "added", "Example update study (test)"),
    }
    note = next(c for c in changes if c["section"] == "regimen")
    assert note["fields"] == ["notes"] and "before a second course" in note["after"]
    assert document["safety"] == [] and document["products"] == []
    assert "one study added" in document["changelog"]

    # install without --yes shows the diff and changes nothing.
    folder = content_store.folder()
    code, out, _ = run(["content", "install", str(store["pack"])], capsys)
    assert code == 0 and "Example update study (test)" in out and "--yes" in out
    assert not folder.exists()
    assert in_use() == BASE_VERSION

    code, out, err = run(
        ["content", "install", str(store["pack"]), "--yes", "--lang", "fr"], capsys
    )
    assert code == 0, err
    assert "Étude d'exemple de la mise à jour (test)" in out and "installé" in out
    assert in_use() == NEW_VERSION
    with ReferenceDB.open() as db:
        assert db.release is not None and db.release.signer.name == "Test editor"
        studies = [e.study.en for e in db.therapy("rituximab").evidence]
        assert "Example update study (test)" in studies
        info = content_store.describe(db, today=date(2026, 12, 11))
    assert (info.installed, info.age_days, info.signer) == (True, 10, "Test editor")

    # The older plan, reopened: its regimen's change is listed, and it reprints unchanged.
    with UserDB.open() as user:
        reopened = load_plan(user, plan_id)
        actions = [e.action for e in user.log_entries()]
    assert reopened == plan
    with ReferenceDB.open() as db:
        review = review_plan(reopened, db)
        text = "\n".join(review_lines(review, "en", db))
    assert not review.same and review.diff is not None
    assert f"Made with content {BASE_VERSION}; the content in use is {NEW_VERSION}" in text
    assert "rituximab-375-weekly" in text and "before a second course" in text
    assert "content_installed" in actions
    code, out, _ = run(["content", "plan", plan_id, "--json"], capsys)
    assert code == 0 and json.loads(out)["diff"]["therapies"][0]["id"] == "rituximab"

    # Installing it again is refused (same version).
    code, _, err = run(["content", "install", str(store["pack"]), "--yes"], capsys)
    assert code == 2 and "already in use" in err

    # Roll back: the previous content again, logged.
    code, out, err = run(["content", "rollback", "--yes"], capsys)
    assert code == 0, err
    assert in_use() == BASE_VERSION
    with ReferenceDB.open() as db:
        studies = [e.study.en for e in db.therapy("rituximab").evidence]
        assert "Example update study (test)" not in studies
        assert review_plan(reopened, db).same
    with UserDB.open() as user:
        assert [e.action for e in user.log_entries()][-2:] == [
            "content_installed",
            "content_rolled_back",
        ]
        assert user.verify_log() == (True, None)
    code, _, err = run(["content", "rollback", "--yes"], capsys)
    assert code == 2 and "No installed content release" in err


def test_an_installed_release_that_no_longer_verifies_falls_back_to_the_bundled_one(
    store: dict[str, Path],
) -> None:
    content_store.install(store["pack"])
    assert in_use() == NEW_VERSION
    installed = content_store.release_db(NEW_VERSION)
    data = bytearray(installed.read_bytes())
    data[5000] ^= 0xFF
    installed.write_bytes(bytes(data))
    with ReferenceDB.open() as db:
        assert db.metadata().content_version == BASE_VERSION
        assert db.fallback_reason is not None


def test_a_newer_bundled_release_wins_over_an_older_installed_one(
    store: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    content_store.install(store["pack"])
    monkeypatch.setattr(content_store, "_bundled_version", lambda: "2099.1.0")
    assert content_store.candidates() == [content_store.bundled_db()]


# ------------------------------------------------------------------ refusals


def refused(pack: Path, code: str, capsys: pytest.CaptureFixture[str]) -> str:
    """Install ``pack`` from the command line: exit 2, the message, nothing changed."""
    folder = content_store.folder()
    before = snapshot(folder)
    for lang in ("en", "fr"):
        status, out, err = run(["content", "install", str(pack), "--yes", "--lang", lang], capsys)
        assert status == 2, (out, err)
        assert "Traceback" not in err and err.startswith("calx: ")
        assert ("Rien n'a été modifié" if lang == "fr" else "Nothing was changed") in err
    with pytest.raises(CalxError) as raised:
        content_store.install(pack)
    assert raised.value.code == code
    assert snapshot(folder) == before
    if not before:
        assert not folder.exists()  # not even an empty folder
    assert in_use() == BASE_VERSION
    return err


def test_bad_signature(
    store: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with zipfile.ZipFile(store["pack"]) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    manifest["signed"]["changelog"] = "Nothing important."  # edited after signing
    pack = repack(
        store["pack"],
        tmp_path / "edited.calxpack",
        {"manifest.json": json.dumps(manifest).encode()},
    )
    refused(pack, "release_signature_bad", capsys)


def test_unknown_key(
    store: dict[str, Path], keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = content_copy(tmp_path / "c", example=True)
    refused(
        pack_from(content, tmp_path / "stranger.calxpack", keys.other),
        "release_key_unknown",
        capsys,
    )


def test_revoked_key_and_rotation(
    store: dict[str, Path], keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = content_copy(tmp_path / "c", example=True)
    revoking = signing.make_key_list(
        keys.root, 2, [keys.rotated.signer], {keys.signer.id: "laptop stolen"}
    )
    # The key list travels in a pack signed by the new key; the old key is then revoked.
    rotated = pack_from(content, tmp_path / "rotated.calxpack", keys.rotated, key_list=revoking)
    old = pack_from(content, tmp_path / "old-key.calxpack", keys.signer, key_list=revoking)
    err = refused(old, "release_key_revoked", capsys)
    assert "laptop stolen" in err
    # A key list not signed by a root is ignored: the new key stays unknown.
    forged = signing.make_key_list(keys.other, 3, [keys.rotated.signer])
    refused(
        pack_from(content, tmp_path / "forged.calxpack", keys.rotated, key_list=forged),
        "release_key_unknown",
        capsys,
    )
    done = content_store.install(rotated)
    assert done.release.signer.name == "Test editor 2027"
    assert in_use() == NEW_VERSION
    # From now on the old key is refused, even for a newer release without a key list.
    newer = content_copy(tmp_path / "n", version="2026.12.1")
    with pytest.raises(CalxError) as raised:
        content_store.install(pack_from(newer, tmp_path / "n.calxpack", keys.signer))
    assert raised.value.code == "release_key_revoked"


def test_digest_mismatch(
    store: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = pack_from(
        content_copy(tmp_path / "c", version="2026.12.0"),
        tmp_path / "o.calxpack",
        signing.generate("x"),
    )
    with zipfile.ZipFile(other) as archive:
        database = archive.read("calx.sqlite")
    pack = repack(store["pack"], tmp_path / "swapped.calxpack", {"calx.sqlite": database})
    refused(pack, "release_digest_mismatch", capsys)


def test_same_or_older_version(
    store: dict[str, Path], keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    same = pack_from(content_copy(tmp_path / "s"), tmp_path / "same.calxpack", keys.signer)
    refused(same, "release_not_newer", capsys)
    older = pack_from(
        content_copy(tmp_path / "o", version="2026.10.3"), tmp_path / "older.calxpack", keys.signer
    )
    err = refused(older, "release_older", capsys)
    assert "protection contre le retour en arrière" in err
    # After an install, the bundled release itself is older.
    content_store.install(store["pack"])
    with pytest.raises(CalxError) as raised:
        content_store.install(same)
    assert raised.value.code == "release_older"


def test_same_version_other_content(
    store: dict[str, Path], keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit = ("rituximab.toml", "Daoussis et al. 2012", "Daoussis and colleagues 2012")
    same = pack_from(content_copy(tmp_path / "s", edit=edit), tmp_path / "s.calxpack", keys.signer)
    refused(same, "release_same_version_other_content", capsys)
    released = pack_from(
        content_copy(tmp_path / "r", version="2026.11.0", edit=edit),
        tmp_path / "r.calxpack",
        keys.signer,
    )
    with pytest.raises(CalxError) as raised:
        content_store.install(released)
    assert raised.value.code == "release_same_version_other_content"


def test_needs_a_newer_calx(
    store: dict[str, Path], keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = pack_from(
        content_copy(tmp_path / "c", example=True),
        tmp_path / "n.calxpack",
        keys.signer,
        min_calx="99.0.0",
    )
    err = refused(pack, "release_needs_newer_calx", capsys)
    assert "99.0.0" in err


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "member", "missing"])
def test_corrupt_or_truncated(
    store: dict[str, Path], tmp_path: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = store["pack"].read_bytes()
    pack = tmp_path / "damaged.calxpack"
    if damage == "truncated":
        pack.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        pack.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 10)
    elif damage == "empty":
        pack.write_bytes(b"")
    elif damage == "member":  # one byte of the compressed database flipped: its CRC fails
        damaged = bytearray(data)
        damaged[len(data) // 3] ^= 0x01
        pack.write_bytes(bytes(damaged))
    else:
        repack(store["pack"], pack, drop=("manifest.json",))
    refused(pack, "release_corrupt", capsys)


def test_missing_pack_is_a_message(
    store: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["content", "install", str(tmp_path / "nope.calxpack")], capsys)
    assert code == 2 and "cannot be read" in err


# ------------------------------------------------------------------ the bundled release


def test_the_bundled_release_is_checked_the_same_way(
    store: dict[str, Path], keys: Keys, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Signed by a key the application does not trust: refused at open.
    trust = tmp_path / "trust"
    (trust / "keys.json").write_text(
        json.dumps(signing.make_key_list(keys.root, 1, [keys.other.signer]))
    )
    signing.forget_trust()
    with pytest.raises(CalxError) as raised:
        ReferenceDB.open()
    assert raised.value.code == "release_key_unknown"


def test_a_verified_release_is_not_checked_again_at_every_open(
    store: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.data import verify

    bundled = store["bundled"]
    monkeypatch.setattr(verify, "RACY_NS", 0)  # remembered although just written
    ReferenceDB.open().close()
    calls: list[Path] = []
    real = signing.verify_beside
    monkeypatch.setattr(
        signing, "verify_beside", lambda *a, **k: calls.append(a[0]) or real(*a, **k)
    )
    with ReferenceDB.open() as db:
        assert db.release is not None and db.release.signer.name == "Test editor"
    assert calls == []
    # A changed manifest is verified again.
    manifest = verify.manifest_path(bundled)
    document = json.loads(manifest.read_text())
    document["signed"]["changelog"] = "edited"
    manifest.write_text(json.dumps(document))
    with pytest.raises(CalxError) as raised:
        ReferenceDB.open()
    assert raised.value.code == "release_signature_bad" and calls == [bundled]


def test_unsigned_database_is_refused_by_a_release_build(
    store: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    verify.manifest_path(store["bundled"]).unlink()
    with ReferenceDB.open() as db:  # a development build reads it, marked unsigned
        assert db.release is None
    monkeypatch.setattr(verify, "is_development_build", lambda: False)
    with pytest.raises(CalxError) as raised:
        ReferenceDB.open()
    assert raised.value.code == "release_unsigned"


# ------------------------------------------------------------------ editor workflow


def test_validate_and_diff_work_on_content_folders(
    store: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["content", "validate", str(store["example_content"]), "--json"], capsys)
    assert code == 0, err
    assert json.loads(out)["content_version"] == NEW_VERSION
    code, out, err = run(
        ["content", "diff", str(store["bundled"]), str(store["example_content"]), "--lang", "fr"],
        capsys,
    )
    assert code == 0, err
    assert "Rituximab (rituximab)" in out and "Étude ajoutée" in out
    broken = content_copy(
        tmp_path / "b", edit=("rituximab.toml", 'design = "case-report"', 'design = "anecdote"')
    )
    code, _, err = run(["content", "validate", str(broken)], capsys)
    assert code == 2 and "problem" in err


def test_validate_refuses_a_name_the_file_system_cannot_hold(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Found by tests/cli/test_cli_fuzz.py: a 300-character name made is_dir() raise.
    code, out, err = run(["content", "validate", "x" * 300, "--json"], capsys)
    assert code == 2 and "Traceback" not in err
    assert json.loads(out)["error"]["code"] == "content_source_unreadable"


def test_release_refuses_a_content_name_the_file_system_cannot_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by tests/cli/test_cli_fuzz.py on a fresh clone: a 300-character --content made
    # is_dir() raise, as it did for calx content validate.
    log = tmp_path / "changelog.md"
    log.write_text("# 2026.12.0\n", encoding="utf-8")
    out_pack = tmp_path / "x.calxpack"
    args = ["content", "release", "--out", str(out_pack), "--changelog", str(log)]
    code, out, err = run([*args, "--content", "x" * 300, "--json"], capsys)
    assert code == 2 and "Traceback" not in err
    assert json.loads(out)["error"]["code"] == "content_source_unreadable"
    assert not out_pack.exists()


def test_release_refuses_a_changelog_name_with_a_nul(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by tests/cli/test_cli_fuzz.py: --changelog "\x00" made read_text raise ValueError.
    out_pack = tmp_path / "x.calxpack"
    args = ["content", "release", "--out", str(out_pack), "--changelog", "\x00", "--json"]
    code, out, err = run(args, capsys)
    assert code == 2 and "Traceback" not in err
    assert json.loads(out)["error"]["code"] == "content_source_unreadable"
    assert not out_pack.exists()


def test_doses_and_safety_rules_come_first(
    store: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rituximab's dose and one of its studies changed, and a safety rule's message: the rule
    comes before every therapy, the dose before the study. (Test edits only.)"""
    content = content_copy(
        tmp_path / "c",
        version="2026.12.0",
        edit=("rituximab.toml", "Daoussis et al. 2012", "Daoussis 2012"),
    )
    path = content / "rituximab.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("amount = 375,", "amount = 300,", 1), encoding="utf-8")
    rule = content / "safety" / "age.toml"
    text = rule.read_text(encoding="utf-8")
    rule.write_text(
        text.replace(
            "avoid during tooth development.", "avoid during tooth development (test edit).", 1
        ),
        encoding="utf-8",
    )
    code, out, err = run(["content", "diff", str(store["bundled"]), str(content), "--json"], capsys)
    assert code == 0, err
    document = json.loads(out)
    assert [(c["section"], c["item"]) for c in document["safety"]] == [
        ("safety_rule", "tetracyclines-under-8")
    ]
    rituximab = document["therapies"][0]
    assert rituximab["id"] == "rituximab"
    assert [c["section"] for c in rituximab["changes"]][:1] == ["dose"]
    assert rituximab["changes"][0]["fields"] == ["dose"]
    code, out, _ = run(["content", "diff", str(store["bundled"]), str(content)], capsys)
    assert out.index("Safety rule changed") < out.index("Dose changed") < out.index("Study removed")


def test_release_build_refuses_the_development_key(
    trust_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "changes.md"
    log.write_text("x")
    code, _, err = run(
        [
            "content",
            "release",
            "--out",
            str(tmp_path / "p.calxpack"),
            "--changelog",
            str(log),
            "--release",
        ],
        capsys,
    )
    assert code == 2 and "development key" in err
    assert not (tmp_path / "p.calxpack").exists()


def test_a_remembered_open_does_not_even_load_the_crypto_library(
    store: dict[str, Path], tmp_path: Path
) -> None:
    """Issue 13 keeps start-up fast: once a signed file is verified, a new process opens it
    without checking the signature again, so without importing the crypto library (PyNaCl)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "CALX_DB": str(store["bundled"])}
    first = (
        "from desktop.data import verify; verify.RACY_NS = 0\n"
        "from desktop.data.refdb import ReferenceDB; ReferenceDB.open().close()"
    )
    then = (
        "import sys\nfrom desktop.data.refdb import ReferenceDB\n"
        "db = ReferenceDB.open(); print(db.release.signer.name)\n"
        "print('nacl' in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", first], env=env, check=True)
    out = subprocess.run(
        [sys.executable, "-c", then], env=env, check=True, capture_output=True, text=True
    ).stdout.split("\n")
    assert out[:2] == ["Test editor", "False"]


def test_the_status_line_says_who_signed_and_how_old() -> None:
    info = content_store.ReleaseInfo(
        "2026.12.0",
        "2026-11-30",
        "2026-12-01",
        "Dr A. Editor",
        "0123456789abcdef",
        False,
        True,
        10,
        None,
    )
    assert content_store.info_text(info, "en") == (
        "Content 2026.12.0 of 2026-11-30, signed by Dr A. Editor, 10 days old, installed"
    )
    assert content_store.info_text(info, "fr") == (
        "Contenu 2026.12.0 du 2026-11-30, signé par Dr A. Editor, publié il y a 10 jours, installé"
    )
    dev = content_store.ReleaseInfo(
        "2026.11.1", "2026-11-30", "2026-11-30", "x", "k", True, False, 0, None
    )
    assert content_store.info_text(dev, "en") == (
        "Content 2026.11.1 of 2026-11-30, signed by this machine's development key, released "
        "today, shipped with Calx"
    )


def test_release_never_writes_over_calx_files_or_an_existing_pack(
    trust_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.paths import USER_DB_NAME, user_data_folder

    log = tmp_path / "changes.md"
    log.write_text("x")
    own = user_data_folder() / USER_DB_NAME
    own.parent.mkdir(parents=True)
    own.write_bytes(b"plans")
    existing = tmp_path / "old.calxpack"
    existing.write_bytes(b"kept")
    for target in (own, existing):
        code, _, err = run(
            ["content", "release", "--out", str(target), "--changelog", str(log)], capsys
        )
        assert code == 2 and "Traceback" not in err
    assert own.read_bytes() == b"plans" and existing.read_bytes() == b"kept"


def test_flipped_bytes_anywhere_in_a_pack_never_install_other_content(
    store: dict[str, Path], tmp_path: Path
) -> None:
    """One byte flipped at 80 places spread over the pack: each is refused with a reason, or
    (a byte no reader looks at, such as a zip header's timestamp) checks out as the very
    content that was signed. Never a traceback, never other content."""
    import random

    with ReferenceDB.open() as db:
        meta = db.metadata()
    data = store["pack"].read_bytes()
    with zipfile.ZipFile(store["pack"]) as archive:
        signed = json.loads(archive.read("manifest.json"))["signed"]["content_hash"]
    rng = random.Random(15)
    refused_count = 0
    for position in sorted(rng.sample(range(len(data)), 80)):
        flipped = bytearray(data)
        flipped[position] ^= 1 << rng.randrange(8)
        pack = tmp_path / "flipped.calxpack"
        pack.write_bytes(bytes(flipped))
        try:
            found = content_store.check_pack(pack, meta.content_version, meta.content_hash)
        except CalxError as err:
            assert err.code.startswith("release_"), (position, err.code)
            refused_count += 1
            continue
        assert found.metadata.content_hash == signed, position
        content_store.discard(found)
    assert refused_count >= 70  # 80 of 80 when written
    assert not content_store.folder().exists()


def test_a_frozen_bundle_trusts_a_development_key_only_when_it_carries_its_public_half(
    store: dict[str, Path], keys: Keys, trust_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The installer built from a development-signed database bundles that key's public half:
    the bundle is then a development build; without it, a frozen Calx trusts no development
    key."""
    import sys

    dev = signing.generate("dev", development=True)
    bundled = store["bundled"]
    data = bundled.read_bytes()
    with ReferenceDB.open() as db:
        meta = db.metadata()
    manifest = packs.release_manifest(meta, data, dev, "", released="2026-11-30")
    signing.write_json_atomic(verify.manifest_path(bundled), signing.sign_manifest(manifest, dev))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    signing.forget_trust()
    with pytest.raises(CalxError) as raised:
        ReferenceDB.open()
    assert raised.value.code == "release_key_unknown"
    (trust_env / verify.DEV_PUBLIC_KEY).write_text(json.dumps(dev.signer.document()))
    signing.forget_trust()
    with ReferenceDB.open() as db:
        assert db.release is not None and db.release.manifest.development
        assert content_store.describe(db).development


def test_keygen_release_validate_status_and_rollback_words(
    store: dict[str, Path],
    keys: Keys,
    tmp_path: Path,
    trust_env: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    key = tmp_path / "editor.key"
    code, out, err = run(["content", "keygen", "--out", str(key), "--signer", "Dr K"], capsys)
    assert code == 0, err
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    loaded = signing.load_private_key(key)
    assert loaded.name == "Dr K" and loaded.id in out
    # Trusted through a new key list signed by the root, carried in the pack.
    key_list = tmp_path / "keys.json"
    key_list.write_text(json.dumps(signing.make_key_list(keys.root, 5, [loaded.signer])))
    log = tmp_path / "log.md"
    log.write_text("Example.")
    pack = tmp_path / "k.calxpack"
    code, out, err = run(
        [
            "content",
            "release",
            "--content",
            str(store["example_content"]),
            "--out",
            str(pack),
            "--changelog",
            str(log),
            "--key",
            str(key),
            "--key-list",
            str(key_list),
            "--release",
        ],
        capsys,
    )
    assert code == 0, err
    code, out, err = run(["content", "validate", str(pack), "--json"], capsys)
    assert code == 0, err
    assert json.loads(out)["signer"] == "Dr K" and not json.loads(out)["development"]
    code, out, _ = run(["content", "rollback"], capsys)
    assert code == 2
    code, out, err = run(["content", "install", str(pack), "--yes", "--json"], capsys)
    assert code == 0, err and json.loads(out)["installed"]
    code, out, _ = run(["content", "status", "--json"], capsys)
    status = json.loads(out)
    assert (status["version"], status["signer"], status["can_roll_back"]) == (
        NEW_VERSION,
        "Dr K",
        True,
    )
    code, out, _ = run(["content", "rollback", "--lang", "fr"], capsys)
    assert code == 0 and "relancez avec --yes" in out and in_use() == NEW_VERSION
    # A key file that is not one: a message.
    (tmp_path / "bad.key").write_text("not a key")
    with pytest.raises(CalxError) as raised:
        signing.load_private_key(tmp_path / "bad.key")
    assert raised.value.code == "release_key_unreadable"
    code, _, err = run(
        [
            "content",
            "release",
            "--out",
            str(tmp_path / "x.calxpack"),
            "--changelog",
            str(log),
            "--previous",
            "latest",
        ],
        capsys,
    )
    assert code == 2 and "not a version" in err


def test_a_plan_whose_release_is_no_longer_kept_says_so(store: dict[str, Path]) -> None:
    with ReferenceDB.open() as db:
        plan = rituximab_plan(db, "fr")
    content_store.install(store["pack"])
    original = content_store.find_release
    try:
        content_store.find_release = lambda _hash: None  # type: ignore[assignment]
        with ReferenceDB.open() as db:
            review = review_plan(plan, db)
            text = "\n".join(review_lines(review, "fr", db))
    finally:
        content_store.find_release = original  # type: ignore[assignment]
    assert review.diff is None
    assert "n'est plus conservé sur cet ordinateur" in text


def test_diff_lists_records_statements_products_and_references(
    store: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Test edits only: a record removed, a summary reworded, a product's note and a
    reference's note changed."""
    content = content_copy(
        tmp_path / "c",
        version="2026.12.0",
        edit=("co2-laser.toml", "complete resolution of pain", "full resolution of pain"),
    )
    (content / "surgical-excision.toml").unlink()
    for name, old, new in (
        (
            "_products.toml",
            "US label as quoted (secondary source).",
            "US label as quoted (secondary source, test edit).",
        ),
        (
            "_references.toml",
            "per-arm figures only quoted by a third party.",
            "per-arm figures quoted by a third party (test edit).",
        ),
    ):
        text = (content / name).read_text(encoding="utf-8")
        assert old in text
        (content / name).write_text(text.replace(old, new), encoding="utf-8")
    code, out, err = run(["content", "diff", str(store["bundled"]), str(content), "--json"], capsys)
    assert code == 0, err
    document = json.loads(out)
    by_id = {t["id"]: t["changes"] for t in document["therapies"]}
    assert ("therapy", "removed") in {
        (c["section"], c["action"]) for c in by_id["surgical-excision"]
    }
    statement = next(c for c in by_id["co2-laser"] if c["section"] == "statement")
    assert statement["action"] == "changed" and "full resolution" in statement["after"]
    assert [(c["item"], c["fields"]) for c in document["products"]] == [
        ("rituximab-concentrate", ["notes"])
    ]
    assert [(c["item"], c["fields"]) for c in document["references"]] == [("balin-2012", ["note"])]
    code, out, _ = run(
        ["content", "diff", str(store["bundled"]), str(content), "--lang", "fr"], capsys
    )
    assert "Fiche supprimée : surgical-excision" in out and "Produits" in out


def test_a_trusted_signer_cannot_install_a_database_that_is_not_what_it_signed(
    store: dict[str, Path], keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Signed by a trusted key, yet the manifest's content hash is not the database's, or the
    database itself is damaged (its digest signed as it is): both refused."""
    with zipfile.ZipFile(store["pack"]) as archive:
        database = archive.read("calx.sqlite")
        signed = json.loads(archive.read("manifest.json"))["signed"]
    import hashlib

    wrong = dict(signed, content_hash="0" * 64)
    pack = tmp_path / "wrong.calxpack"
    packs.write_pack(pack, database, keys.signer.sign(wrong))
    refused(pack, "release_digest_mismatch", capsys)
    damaged = bytearray(database)
    damaged[len(damaged) // 2 : len(damaged) // 2 + 4096] = bytes(4096)
    broken = dict(signed, digest=hashlib.sha256(bytes(damaged)).hexdigest())
    packs.write_pack(pack, bytes(damaged), keys.signer.sign(broken))
    refused(pack, "release_corrupt", capsys)


def test_a_reopened_plan_lists_alerts_it_did_not_have(store: dict[str, Path]) -> None:
    """A plan saved before a rule existed (its alerts emptied, as they were then): the plan
    check run again with the content in use lists the rule's alert as new."""
    import dataclasses

    with ReferenceDB.open() as db:
        plan = rituximab_plan(db, pregnant="yes")
    assert plan.alerts, "rituximab in pregnancy: the plan check has a rule for it"
    before = dataclasses.replace(plan, alerts=())
    content_store.install(store["pack"])
    with ReferenceDB.open() as db:
        review = review_plan(before, db)
        text = "\n".join(review_lines(review, "en", db))
    assert {a.code for a in review.new_alerts} == {a.code for a in plan.alerts}
    assert "New safety alerts with the content in use:" in text


def test_release_folder_names_the_database_as_packs_do() -> None:
    # content_store keeps its own copy of the name so that opening a database does not import
    # packs (zipfile, tempfile); a pack unpacks to packs.DB_NAME, which the store must find.
    assert content_store.DB_NAME == packs.DB_NAME
    assert content_store.release_db("2026.1.0").name == packs.DB_NAME
