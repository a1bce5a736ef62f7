"""Words of the plan check (``desktop.core.plan_check``) and of its alerts as the window, the PDF
and the command line show them (``desktop.reports.alerts``): severities, renal estimates, what
triggered an alert, and the sentences of Calx's own checks. The sourced rules carry their own
words in the content (``db/content/safety``)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # severities, strongest first (docs/clinical.md §6)
    "severity_contraindicated": {"en": "Contraindicated", "fr": "Contre-indication"},
    "severity_avoid": {"en": "Avoid", "fr": "Association déconseillée"},
    "severity_precaution": {"en": "Precaution", "fr": "Précaution d'emploi"},
    "severity_consider": {"en": "Consider", "fr": "À prendre en compte"},
    # renal estimates (desktop.core.plan_check.renal_estimates)
    "estimate_crcl-actual": {
        "en": "Cockcroft–Gault (actual weight)",
        "fr": "Cockcroft–Gault (poids réel)",
    },
    "estimate_crcl-adjusted": {
        "en": "Cockcroft–Gault (adjusted weight)",
        "fr": "Cockcroft–Gault (poids ajusté)",
    },
    "estimate_egfr-ckd-epi-2021": {"en": "eGFR CKD-EPI 2021", "fr": "DFG CKD-EPI 2021"},
    # what triggered an alert
    "alert_regimens": {"en": "Regimens", "fr": "Schémas"},
    "alert_medications": {"en": "Medications", "fr": "Médicaments"},
    "alert_measurements": {"en": "Measurements", "fr": "Mesures"},
    "alert_patient": {"en": "Patient", "fr": "Patient"},
    "alert_action": {"en": "Action", "fr": "Conduite à tenir"},
    "alert_override": {"en": "Overridden", "fr": "Passée outre"},
    "alert_measure_weight": {"en": "weight", "fr": "poids"},
    "alert_measure_previous-weight": {
        "en": "weight at the last plan",
        "fr": "poids du dernier plan",
    },
    "alert_patient_pregnant=yes": {"en": "pregnant", "fr": "enceinte"},
    "alert_patient_pregnant=unknown": {
        "en": "pregnancy not stated",
        "fr": "grossesse non renseignée",
    },
    "alert_patient_breastfeeding=yes": {"en": "breastfeeding", "fr": "allaite"},
    "alert_patient_breastfeeding=unknown": {
        "en": "breastfeeding not stated",
        "fr": "allaitement non renseigné",
    },
    # Calx's own checks (desktop.core.plan_check)
    "alert_renal_below": {
        "en": "{message} ({estimates}: below {threshold} mL/min)",
        "fr": "{message} ({estimates} : sous {threshold} mL/min)",
    },
    "alert_renal_caution": {
        "en": "{caution} ({estimates}: below {threshold} mL/min, Calx's own threshold)",
        "fr": "{caution} ({estimates} : sous {threshold} mL/min, seuil propre à Calx)",
    },
    "alert_status_unknown_pregnancy": {
        "en": "Pregnancy status unknown: {message}",
        "fr": "Grossesse non renseignée : {message}",
    },
    "alert_status_unknown_breastfeeding": {
        "en": "Breastfeeding status unknown: {message}",
        "fr": "Allaitement non renseigné : {message}",
    },
    "alert_twice": {"en": "{name}: twice in the plan.", "fr": "{name} : deux fois dans le plan."},
    "alert_twice_current": {
        "en": "{name}: twice in the plan (the patient already takes it).",
        "fr": "{name} : deux fois dans le plan (déjà pris par le patient).",
    },
    "alert_twice_action": {
        "en": "Keep one regimen of this medication, or check the total dose.",
        "fr": "Ne garder qu'un schéma de ce médicament, ou vérifier la dose totale.",
    },
    "alert_weight_unit_action": {
        "en": "Check the unit: if the weight was typed in pounds, enter it in lb ({as_pounds}). "
        "Doses per kg and per m² depend on it.",
        "fr": "Vérifier l'unité : si le poids a été saisi en livres, le saisir en lb "
        "({as_pounds}). Les doses par kg et par m² en dépendent.",
    },
    "alert_bmi_unit": {
        "en": "BMI {bmi}: check the unit ({pounds}).",
        "fr": "IMC {bmi} : vérifiez l'unité ({pounds}).",
    },
    "alert_weight_no_height": {
        "en": "Weight above {limit} kg with no height: check the unit ({pounds}).",
        "fr": "Poids de plus de {limit} kg sans taille : vérifiez l'unité ({pounds}).",
    },
    "alert_weight_changed": {
        "en": "The weight changed by {change} % since the last plan ({previous} kg → {weight} kg).",
        "fr": "Le poids a changé de {change} % depuis le dernier plan ({previous} kg → "
        "{weight} kg).",
    },
    "alert_weight_changed_action": {
        "en": "Check the weight and its unit before printing.",
        "fr": "Vérifier le poids et son unité avant d'imprimer.",
    },
    "alert_not_checked": {
        "en": "Not checked: {names} (a medication Calx does not know).",
        "fr": "Non vérifié : {names} (médicament inconnu de Calx).",
    },
    "alert_renal_caution_action": {
        "en": "Check the renal function and the dose before prescribing.",
        "fr": "Vérifier la fonction rénale et la dose avant de prescrire.",
    },
    "alert_adult_dose_child": {
        "en": "Patient aged {age}: Calx is made for adults; a fixed dose is not adapted to a "
        "child's size.",
        "fr": "Patient de {age} ans : Calx est fait pour les adultes ; une dose fixe n'est pas "
        "adaptée à la taille d'un enfant.",
    },
    "alert_adult_dose_child_action": {
        "en": "Do not give an adult dose to a child: check the paediatric dose in the label or "
        "with a paediatrician.",
        "fr": "Ne pas donner une dose d'adulte à un enfant : vérifier la dose pédiatrique dans le "
        "RCP ou avec un pédiatre.",
    },
    "alert_renal_unknown": {
        "en": "A label sets a renal threshold for a medication of the plan; the renal function "
        "is not known (creatinine, age or sex missing).",
        "fr": "Le RCP fixe un seuil rénal pour un médicament du plan ; la fonction rénale n'est "
        "pas connue (créatinine, âge ou sexe manquant).",
    },
    "alert_renal_unknown_action": {
        "en": "Enter creatinine, age and sex to check the thresholds.",
        "fr": "Saisir la créatinine, l'âge et le sexe pour vérifier les seuils.",
    },
    "alert_check_failed": {
        "en": "The plan check could not finish: check the plan yourself.",
        "fr": "La vérification du plan n'a pas pu aboutir : vérifiez le plan vous-même.",
    },
    "alert_check_failed_detail": {"en": "Detail: {detail}", "fr": "Détail : {detail}"},
    "alert_not_checked_action": {
        "en": "Check these interactions in another reference.",
        "fr": "Vérifier ces interactions dans une autre référence.",
    },
}
