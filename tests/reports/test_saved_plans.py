"""Saved plans reopen and reprint exactly as they were, even after the content changes; every
regimen of the knowledge base goes through the whole chain (plan, both copies, calendar, save)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from plan_helpers import PREPARED_ON, START, PlanMaker, flat, patient_80_180, pdf_pages

from desktop.core.errors import CalxError
from desktop.data.build import build
from desktop.data.refdb import ReferenceDB
from desktop.data.userdb import UserDB
from desktop.reports.ics import schedule_to_ics
from desktop.reports.model import PlanDocument, build_plan, load_plan
from desktop.reports.pdf_plan import render_clinician_copy, render_patient_plan

ROOT = Path(__file__).resolve().parents[2]

# Values the source leaves open that have no lower bound ("up to 500 mg"): a choice is required.
REQUIRED_CHOICES = {"probenecid-500-tid": {"dose": 500}}


def test_a_saved_plan_reprints_identically_after_the_content_changes(
    make_plan: PlanMaker, tmp_path: Path, user_data: Path
) -> None:
    plan = make_plan(["rituximab-375-weekly", "bisphosphonates"])
    before = render_patient_plan(plan), render_clinician_copy(plan), schedule_to_ics(plan)
    with UserDB.open() as userdb:
        plan_id = userdb.save_plan(plan)

    # A reviewer rewrites the rituximab advice: new content, new hash.
    content = tmp_path / "content"
    shutil.copytree(ROOT / "db" / "content", content)
    record = content / "rituximab.toml"
    text = record.read_text(encoding="utf-8")
    old = "Your care team will give you the date of each infusion."
    assert old in text
    record.write_text(text.replace(old, "Bring this plan to each infusion."), encoding="utf-8")
    meta = content / "_meta.toml"  # new content, new version: a released one never changes
    meta.write_text(
        re.sub(
            r'content_version = "[^"]+"',
            'content_version = "2099.12.0"',
            meta.read_text(encoding="utf-8"),
        ),
        encoding="utf-8",
    )
    build(content, tmp_path / "new.sqlite")
    with ReferenceDB.open(tmp_path / "new.sqlite") as new_db:
        fresh = build_plan(
            new_db,
            patient_80_180(),
            ["rituximab-375-weekly", "bisphosphonates"],
            START,
            "en",
            None,
            "Dr Claire Dupont",
            PREPARED_ON,
            patient_name="Zoë Martin",
        )
    assert fresh.content.content_hash != plan.content.content_hash
    assert "Bring this plan to each infusion." in flat(pdf_pages(render_patient_plan(fresh))[0])

    with UserDB.open() as userdb:
        reopened = load_plan(userdb, plan_id)
        saved = userdb.load_plan(plan_id)
    assert reopened == plan
    assert saved.record.content_hash == plan.content.content_hash
    assert (
        render_patient_plan(reopened),
        render_clinician_copy(reopened),
        schedule_to_ics(reopened),
    ) == before
    assert old in flat(pdf_pages(before[0])[0])


def test_an_unreadable_snapshot_is_refused(make_plan: PlanMaker) -> None:
    document = make_plan().to_json()
    with pytest.raises(CalxError) as err:
        PlanDocument.from_json({**document, "snapshot_version": 99})
    assert err.value.code == "saved_plan_unsupported"
    broken = {**document, "plan": {**document["plan"], "start": "not a date"}}
    with pytest.raises(CalxError) as err:
        PlanDocument.from_json(broken)
    assert err.value.code == "saved_plan_unreadable"


def _all_regimens(ref_db_path: Path) -> list[str]:
    with ReferenceDB.open(ref_db_path) as db:
        return [r.id for r in db.regimens()]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_regimen_of_the_knowledge_base_goes_through_the_whole_chain(
    ref_db: ReferenceDB, ref_db_path: Path, lang: str
) -> None:
    regimens = _all_regimens(ref_db_path)
    assert len(regimens) >= 10
    for rid in regimens:
        plan = build_plan(
            ref_db,
            patient_80_180(),
            [rid],
            START,
            lang,
            {rid: REQUIRED_CHOICES[rid]} if rid in REQUIRED_CHOICES else None,
            "Dr Claire Dupont",
            PREPARED_ON,
            patient_name="Zoë Martin",
        )
        assert PlanDocument.from_json(plan.to_json()) == plan, rid
        therapy = ref_db.therapy(ref_db.regimen(rid).therapy_id)
        # The patient copy prints the plain-words name where the record has one.
        for render, name in (
            (render_patient_plan, therapy.patient_label(lang)),
            (render_clinician_copy, therapy.name.get(lang)),
        ):
            text = flat("\n".join(pdf_pages(render(plan))))
            assert flat(name) in text, (rid, render.__name__)
        schedule_to_ics(plan)


def test_a_plan_id_depends_on_every_input(make_plan: PlanMaker) -> None:
    base = make_plan()
    assert make_plan().plan_id == base.plan_id
    assert make_plan(patient_name="Zoë Martin-Dupont").plan_id != base.plan_id
    assert make_plan(lang="fr").plan_id != base.plan_id
    assert make_plan(notes="fasting").plan_id != base.plan_id
    assert make_plan(bsa_formula="dubois").plan_id != base.plan_id
