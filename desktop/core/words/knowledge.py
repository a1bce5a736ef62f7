"""Words about the knowledge base: its vocabularies (categories, study designs, directions of
effect, routes, verification levels), the headings of ``calx show`` and ``calx overview``, and the
words of a content change (``calx content diff``, the review of a saved plan against new content).

The vocabularies are named alike everywhere: the window, the command line and the PDF take them
from here (``desktop.data.models`` builds its ``CATEGORIES``, ``DESIGNS`` and ``DIRECTIONS``)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # categories, in the review's order (desktop.data.models.CATEGORIES)
    "category_general": {"en": "General measures", "fr": "Mesures générales"},
    "category_drug": {"en": "Drug treatment", "fr": "Traitement pharmacologique"},
    "category_emerging": {"en": "Emerging therapies", "fr": "Thérapies émergentes"},
    "category_procedure": {
        "en": "Interventional procedures",
        "fr": "Procédures interventionnelles",
    },
    # study designs, weakest to strongest (db/content/README.md, "Designs")
    "design_expert-opinion": {"en": "Expert opinion", "fr": "Avis d'expert"},
    "design_unpublished-observation": {
        "en": "Unpublished observation",
        "fr": "Observation non publiée",
    },
    "design_case-report": {"en": "Case report", "fr": "Rapport de cas"},
    "design_case-series": {"en": "Case series", "fr": "Série de cas"},
    "design_retrospective-study": {"en": "Retrospective study", "fr": "Étude rétrospective"},
    "design_prospective-open-study": {
        "en": "Prospective open study",
        "fr": "Étude prospective ouverte",
    },
    "design_controlled-trial": {"en": "Controlled trial", "fr": "Essai contrôlé"},
    # directions of effect
    "direction_improved": {"en": "Improved", "fr": "Amélioration"},
    "direction_no-effect": {"en": "No effect", "fr": "Pas d'effet"},
    "direction_mixed": {"en": "Mixed", "fr": "Résultats mitigés"},
    "direction_worsened": {"en": "Worsened", "fr": "Aggravation"},
    # routes, as a clinician names them (desktop.core.regimen.ROUTES)
    "route_name_oral": {"en": "oral", "fr": "orale"},
    "route_name_iv": {"en": "intravenous", "fr": "intraveineuse"},
    "route_name_sc": {"en": "subcutaneous", "fr": "sous-cutanée"},
    "route_name_intralesional": {"en": "intralesional", "fr": "intralésionnelle"},
    "route_name_topical": {"en": "topical", "fr": "locale"},
    "route_name_procedure": {"en": "procedure", "fr": "procédure"},
    # verification levels of a source (docs/clinical.md, V / S / U) and the review's own word
    "verified": {"en": "verified", "fr": "vérifié"},
    "secondary": {"en": "secondary source", "fr": "source secondaire"},
    "unverified": {"en": "unverified", "fr": "non vérifié"},
    "as_reported": {"en": "as reported in the review", "fr": "tel que rapporté dans la revue"},
    "off_label": {"en": "off-label", "fr": "hors AMM"},
    "conflicting": {"en": "conflicting evidence", "fr": "preuves contradictoires"},
    # calx show / calx overview (desktop/cli/kb.py)
    "kb_synonyms": {"en": "Also known as", "fr": "Autres noms"},
    "kb_summary": {"en": "Summary", "fr": "Résumé"},
    "kb_mechanism": {"en": "Mechanism", "fr": "Mécanisme"},
    "kb_regimens": {"en": "Regimens", "fr": "Schémas"},
    "kb_evidence": {"en": "Evidence", "fr": "Données"},
    "kb_advised_against": {"en": "ADVISED AGAINST", "fr": "DÉCONSEILLÉ"},
    "kb_adverse_effects": {"en": "Adverse effects", "fr": "Effets indésirables"},
    "kb_cautions": {"en": "Cautions", "fr": "Précautions"},
    "kb_monitoring": {"en": "Monitoring", "fr": "Surveillance"},
    "kb_patient_advice": {"en": "Patient advice", "fr": "Conseils au patient"},
    "kb_instructions": {"en": "Instructions", "fr": "Instructions"},
    "kb_evidence_level": {"en": "Evidence", "fr": "Niveau de preuve"},
    "kb_route": {"en": "route", "fr": "voie"},
    "kb_dose": {"en": "dose", "fr": "dose"},
    "kb_schedule": {"en": "schedule", "fr": "rythme"},
    "kb_product": {"en": "product", "fr": "produit"},
    "kb_concentration": {"en": "concentration", "fr": "concentration"},
    "kb_source": {"en": "source", "fr": "source"},
    "kb_schedule_source": {"en": "schedule source", "fr": "source du rythme"},
    "kb_note": {"en": "note", "fr": "note"},
    "kb_renal": {"en": "renal caution", "fr": "précaution rénale"},
    "kb_no_dose": {"en": "no dose in the review", "fr": "pas de dose dans la revue"},
    "kb_patients": {"en": "patients", "fr": "patients"},
    "kb_patient": {"en": "patient", "fr": "patient"},
    "kb_population": {"en": "population", "fr": "population"},
    "kb_intervention": {"en": "intervention", "fr": "intervention"},
    "kb_outcome": {"en": "outcome", "fr": "résultat"},
    "kb_follow_up": {"en": "follow-up", "fr": "suivi"},
    "kb_no_hits": {"en": "No match.", "fr": "Aucun résultat."},
    "kb_adverse": {"en": "Main adverse effects", "fr": "Principaux effets indésirables"},
    "kb_none": {"en": "—", "fr": "—"},
    # a regimen's dose and schedule in words, one phrase per schedule pattern
    # (desktop.cli.kb.describe_dose, and each schedule pattern's describe in desktop.core.schedule)
    "show_per_administration": {"en": "per dose", "fr": "par administration"},
    "show_per_day": {"en": "per day", "fr": "par jour"},
    "show_at_most_every": {"en": "at most every {duration}", "fr": "au plus tous les {duration}"},
    "show_once": {"en": "once", "fr": "une seule fois"},
    "show_offsets": {"en": "at {unit} {at}", "fr": "aux {unit} {at}"},
    "show_offsets_then": {
        "en": "at {unit} {at}, then {every}",
        "fr": "aux {unit} {at}, puis {every}",
    },
    "show_series": {"en": "{count} doses", "fr": "{count} administrations"},
    "show_series_every": {"en": "{count} doses, {every}", "fr": "{count} administrations, {every}"},
    "show_courses_apart": {
        "en": "{series}; {courses} courses {gap} apart",
        "fr": "{series} ; {courses} cures à {gap} d'intervalle",
    },
    "show_course_repeated": {
        "en": "{series}; course repeated {every}",
        "fr": "{series} ; cure répétée {every}",
    },
    "show_daily_for": {"en": "daily for {duration}", "fr": "tous les jours pendant {duration}"},
    "show_daily_continuous": {"en": "daily, continuous", "fr": "tous les jours, au long cours"},
    "show_cycle": {
        "en": "cycles: {on} on, then {off} off",
        "fr": "cycles : {on} de traitement, puis {off} d'arrêt",
    },
    "show_every_for": {"en": "{every} for {duration}", "fr": "{every} pendant {duration}"},
    # a content change (desktop.data.content_diff)
    "diff_dose": {"en": "Dose", "fr": "Dose"},
    "diff_safety_rule": {"en": "Safety rule", "fr": "Règle de sécurité"},
    "diff_medication": {"en": "Medication list", "fr": "Liste des médicaments"},
    "diff_therapy": {"en": "Record", "fr": "Fiche"},
    "diff_statement": {"en": "Statement", "fr": "Énoncé"},
    "diff_regimen": {"en": "Regimen", "fr": "Schéma"},
    "diff_study": {"en": "Study", "fr": "Étude"},
    "diff_product": {"en": "Product", "fr": "Produit"},
    "diff_reference": {"en": "Reference", "fr": "Référence"},
    "diff_added": {"en": "added", "fr": "ajouté"},
    "diff_changed": {"en": "changed", "fr": "modifié"},
    "diff_removed": {"en": "removed", "fr": "supprimé"},
    "diff_added_f": {"en": "added", "fr": "ajoutée"},
    "diff_changed_f": {"en": "changed", "fr": "modifiée"},
    "diff_removed_f": {"en": "removed", "fr": "supprimée"},
    "diff_safety": {
        "en": "Safety rules and medication list",
        "fr": "Règles de sécurité et liste des médicaments",
    },
    "diff_products": {"en": "Products", "fr": "Produits"},
    "diff_references": {"en": "References", "fr": "Références"},
    "diff_changelog": {"en": "Editor's changelog", "fr": "Journal des modifications de l'éditeur"},
    "diff_nothing": {"en": "No change in the content.", "fr": "Aucun changement dans le contenu."},
    "diff_from": {"en": "From", "fr": "De"},
    "diff_to": {"en": "to", "fr": "à"},
    "diff_fields": {"en": "fields", "fr": "champs"},
    # a saved plan against the content in use (desktop.reports.plan_review)
    "review_same": {
        "en": "Made with the content in use ({version}): nothing changed since.",
        "fr": "Réalisé avec le contenu utilisé ({version}) : rien n'a changé depuis.",
    },
    "review_changed": {
        "en": "Made with content {old}; the content in use is {new}. Changes that touch this plan:",
        "fr": "Réalisé avec le contenu {old} ; le contenu utilisé est {new}. "
        "Changements qui concernent ce plan :",
    },
    "review_none": {
        "en": "No change touches this plan's therapies or regimens.",
        "fr": "Aucun changement ne concerne les traitements ou schémas de ce plan.",
    },
    "review_lost": {
        "en": "Content {old} is no longer kept on this machine: the changes cannot be "
        "listed. Check each regimen against the content in use before printing.",
        "fr": "Le contenu {old} n'est plus conservé sur cet ordinateur : les "
        "changements ne peuvent pas être listés. Vérifiez chaque schéma avec le "
        "contenu utilisé avant d'imprimer.",
    },
    "review_alerts": {
        "en": "New safety alerts with the content in use:",
        "fr": "Nouvelles alertes de sécurité avec le contenu utilisé :",
    },
    "review_no_alerts": {"en": "No new safety alert.", "fr": "Aucune nouvelle alerte de sécurité."},
}
