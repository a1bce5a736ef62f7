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

WORDS = {
    "en": {"same": "Made with the content in use ({version}): nothing changed since.",
           "changed": "Made with content {old}; the content in use is {new}. Changes that "
                      "touch this plan:",
           "none": "No change touches this plan's therapies or regimens.",
           "lost": "Content {old} is no longer kept on this machine: the changes cannot be "
                   "listed. Check each regimen against the content in use before printing.",
           "alerts": "New safety alerts with the content in use:",
           "no_alerts": "No new safety alert."},
    "fr": {"same": "Réalisé avec le contenu utilisé ({version}) : rien n'a changé depuis.",
           "changed": "Réalisé avec le contenu {old} ; le contenu utilisé est {new}. "
                      "Changements qui concernent ce plan :",
           "none": "Aucun changement ne concerne les traitements ou schémas de ce plan.",
           "lost": "Le contenu {old} n'est plus conservé sur cet ordinateur : les changements "
                   "ne peuvent pas être listés. Vérifiez chaque schéma avec le contenu utilisé "
                   "avant d'imprimer.",
           "alerts": "Nouvelles alertes de sécurité avec le contenu utilisé :",
           "no_alerts": "Aucune nouvelle alerte de sécurité."},
}


@dataclass(frozen=True)
class PlanReview:
    old_version: str
    new_version: str
    same: bool
    diff: content_diff.ContentDiff | None     # None: the plan's release is no longer kept
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
                therapies, regimens)
    regimen_list = [plan_regimen(i.regimen, i.regimen_id) for i in plan.items]
    alerts = check_plan(plan.patient, regimen_list, plan.patient.medications, db.safety(), None)
    before = {a.code for a in plan.alerts}
    new_alerts = tuple(a for a in alerts if a.code not in before)
    return PlanReview(old.content_version, meta.content_version, False, found, new_alerts)


def review_lines(review: PlanReview, lang: str, db: ReferenceDB) -> list[str]:
    from desktop.reports.alerts import alert_lines, reference_map

    w = WORDS[lang]
    if review.same:
        return [w["same"].format(version=review.new_version)]
    lines = []
    if review.diff is None:
        lines.append(w["lost"].format(old=review.old_version))
    else:
        lines.append(w["changed"].format(old=review.old_version, new=review.new_version))
        body = content_diff.lines(review.diff, lang)[1:]
        lines += body if not review.diff.empty else [w["none"]]
    if review.new_alerts:
        refs = reference_map(list(db.references()))
        lines += ["", w["alerts"]]
        for alert in review.new_alerts:
            lines += [f"  {x}" for x in alert_lines(alert, lang, db.safety(), refs, None)]
    else:
        lines += ["", w["no_alerts"]]
    return lines
