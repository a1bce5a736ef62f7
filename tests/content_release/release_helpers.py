"""Helpers for the signed-release tests: generated keys, a test trust folder, a bundled release
signed by the test key, and the example update (``example_update/``: a study added to rituximab
and one regimen note changed, version 2026.12.0), all built from ``db/content`` into temporary
folders. Nothing here uses this machine's development key or the user's own folders."""

from __future__ import annotations

import shutil
import tomllib
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.data import packs, signing

if TYPE_CHECKING:
    from desktop.data.refdb import ReferenceDB
    from desktop.reports.model import PlanDocument

ROOT = Path(__file__).resolve().parents[2]
REAL_CONTENT = ROOT / "db" / "content"
EXAMPLE = Path(__file__).resolve().parent / "example_update"
with open(REAL_CONTENT / "_meta.toml", "rb") as _meta:
    BASE_VERSION = str(tomllib.load(_meta)["content_version"])  # the content in db/content
NEW_VERSION = "2026.12.0"
OLD_NOTE = (
    'notes = { fr = "Deux cures de quatre perfusions hebdomadaires « à 18 mois '
    "d'intervalle » : intervalle tel que rapporté dans la revue, non vérifié dans "
    'l\'étude source.", en = "Two courses of four weekly infusions \\"18 months apart\\": '
    'interval as reported in the review, not verified in the primary study." }'
)
NEW_NOTE = (
    'notes = { fr = "Deux cures de quatre perfusions hebdomadaires « à 18 mois '
    "d'intervalle » : intervalle tel que rapporté dans la revue ; à vérifier dans "
    'l\'étude source avant une seconde cure.", en = "Two courses of four weekly '
    'infusions \\"18 months apart\\": interval as reported in the review; check it '
    'against the primary study before a second course." }'
)


def content_copy(
    dst: Path,
    version: str | None = None,
    example: bool = False,
    edit: tuple[str, str, str] | None = None,
) -> Path:
    """``db/content`` copied to ``dst``, with another version, the example update, or one edit
    (file, old, new)."""
    shutil.copytree(REAL_CONTENT, dst)
    meta = dst / "_meta.toml"
    text = meta.read_text(encoding="utf-8")
    current = text.split('content_version = "', 1)[1].split('"', 1)[0]
    if version or example:
        meta.write_text(
            text.replace(
                f'content_version = "{current}"', f'content_version = "{version or NEW_VERSION}"'
            ),
            encoding="utf-8",
        )
    if example:
        record = dst / "rituximab.toml"
        body = record.read_text(encoding="utf-8")
        assert OLD_NOTE in body, "the example update's note changed in db/content: update it"
        body = body.replace(OLD_NOTE, NEW_NOTE)
        study = (EXAMPLE / "rituximab-study.toml").read_text(encoding="utf-8")
        record.write_text(body + "\n" + study, encoding="utf-8")
    if edit:
        path = dst / edit[0]
        body = path.read_text(encoding="utf-8")
        assert edit[1] in body
        path.write_text(body.replace(edit[1], edit[2], 1), encoding="utf-8")
    return dst


@dataclass
class Keys:
    root: signing.SigningKey
    signer: signing.SigningKey
    other: signing.SigningKey  # trusted by nobody
    rotated: signing.SigningKey  # trusted only through a newer key list


def repack(
    source: Path, out: Path, replace: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()
) -> Path:
    """A copy of the pack ``source`` with members replaced or dropped (tampering)."""
    with zipfile.ZipFile(source) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members.update(replace or {})
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            if name not in drop:
                archive.writestr(name, data)
    return out


def pack_from(
    content: Path,
    out: Path,
    key: signing.SigningKey,
    previous: str = BASE_VERSION,
    min_calx: str = "0.1.0",
    key_list: object | None = None,
) -> Path:
    packs.build_pack(
        content, out, key, "test", previous, min_calx, key_list, "2026-12-01", releases={}
    )
    return out


def rituximab_plan(db: ReferenceDB, lang: str = "en", pregnant: str = "unknown") -> PlanDocument:
    """The plan the release tests save or review: rituximab 375 mg/m² weekly for an 80 kg,
    180 cm woman, from 7 December 2026, prepared on 1 December 2026."""
    from desktop.core.patient import Patient
    from desktop.reports.model import build_plan

    patient, _ = Patient.from_inputs(
        "80 kg", "180 cm", "female", "54", "0.9 mg/dL", pregnant=pregnant
    )
    return build_plan(
        db,
        patient,
        ["rituximab-375-weekly"],
        date(2026, 12, 7),
        lang,
        None,
        "Dr Claire Dupont",
        date(2026, 12, 1),
        patient_name="Zoë Martin",
    )
