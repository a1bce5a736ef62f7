"""A saved plan reopened under another content release: what changed for it.

``review_plan(plan, db)`` compares the release the plan was made with (when Calx still keeps it:
the installed, previous or bundled release) with the one in use, keeps the changes that touch the
plan's therapies and regimens (and every safety-rule change), and runs the plan check again with
the rules in use: alerts the plan did not have when it was made are listed as new. The window
shows ``review_lines`` before a reprint; ``calx content plan PLAN_ID`` prints them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.core.plan_check import Alert, check_plan, plan_regimen
from desktop.data import content_diff, content_store
from desktop.data.refdb import ReferenceDB
from desktop.reports.model import PlanDocument


@dataclass(frozen=True)
class PlanReview:
    """A saved plan against the release in use: what changed, and the alerts that are new."""

    old_version: str
    new_version: str
    same: bool
    diff: content_diff.ContentDiff | None  # None: the plan's release is no longer kept
    new_alerts: tuple[Alert, ...]


def review_plan(plan: PlanDocument, db: ReferenceDB) -> PlanReview:
    meta = db.metadata()
    old = plan.content
    if old.content_hash == meta.content_hash:
        return PlanReview(old.content_version, meta.content_version, True, None, ())
    therapies = {i.regimen.therapy_id for i in plan.items if i.regimen is not None}
    regimens = {i.regimen_id for i in plan.items}
    found: content_diff.ContentDiff | None = None
    path = content_store.find_release(old.content_hash)
    if path is not None:
        with ReferenceDB._open(Path(path)) as then:
            found = content_diff.diff(then.connection(), db.connection()).touching(
                therapies, regimens
            )
    regimen_list = [plan_regimen(i.regimen, i.regimen_id) for i in plan.items]
    alerts = check_plan(plan.patient, regimen_list, plan.patient.medications, db.safety(), None)
    before = {a.code for a in plan.alerts}
    new_alerts = tuple(a for a in alerts if a.code not in before)
    return PlanReview(old.content_version, meta.content_version, False, found, new_alerts)


def review_lines(review: PlanReview, lang: str, db: ReferenceDB) -> list[str]:
    from desktop.core.words import word
    from desktop.reports.alerts import alert_lines, reference_map

    if review.same:
        return [word("review_same", lang, version=review.new_version)]
    lines = []
    if review.diff is None:
        lines.append(word("review_lost", lang, old=review.old_version))
    else:
        lines.append(word("review_changed", lang, old=review.old_version, new=review.new_version))
        body = content_diff.lines(review.diff, lang)[1:]
        lines += body if not review.diff.empty else [word("review_none", lang)]
    if review.new_alerts:
        refs = reference_map(list(db.references()))
        lines += ["", word("review_alerts", lang)]
        for alert in review.new_alerts:
            lines += [f"  {x}" for x in alert_lines(alert, lang, db.safety(), refs, None)]
    else:
        lines += ["", word("review_no_alerts", lang)]
    return lines
