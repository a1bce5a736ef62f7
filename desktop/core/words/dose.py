"""Words of one dose and one calculation: the labelled rows the window, both PDFs and the command
line print (``desktop.core.presenting``), and the measurements as a clinician types them."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # dose rows (desktop.core.presenting.dose_rows); "prescribed", "calculated", "daily_dose",
    # "course_total", "vials" and "concentration" are the plan's words
    "dose_to_give": {"en": "Dose to give", "fr": "Dose à administrer"},
    "volume_to_draw_up": {"en": "Volume to draw up", "fr": "Volume à prélever"},
    "dose_from_calculated": {
        "en": "{dose} ({deviation} from the calculated dose)",
        "fr": "{dose} ({deviation} par rapport à la dose calculée)",
    },
    "course_over": {
        "en": "{total} over {n} administrations",
        "fr": "{total} en {n} administrations",
    },
    "course_over_one": {"en": "{total} over 1 administration", "fr": "{total} en 1 administration"},
    "course_over_days": {"en": "{total} over {n} days", "fr": "{total} en {n} jours"},
    "volume_at": {"en": "{volume} at {concentration}", "fr": "{volume} à {concentration}"},
    "vials_waste": {"en": "{vials} (waste {waste} mg)", "fr": "{vials} (perte {waste} mg)"},
    # one calculation as text (desktop.core.presenting.calculation_text)
    "creatinine": {"en": "Creatinine", "fr": "Créatinine"},
    "bsa_short": {"en": "BSA", "fr": "Surface corporelle"},
    "working_detailed": {"en": "Working", "fr": "Calcul détaillé"},
    "calendar_short": {"en": "Calendar", "fr": "Calendrier"},
    "no_dose_regimen": {
        "en": "The review gives no dose for this regimen.",
        "fr": "La revue ne donne pas de dose pour ce schéma.",
    },
    "aid_not_prescription": {
        "en": "Calx is a reference and dosing aid, not a prescription: check every dose and date "
        "before prescribing.",
        "fr": "Calx est une aide à la référence et au calcul de doses, pas une prescription : "
        "vérifiez chaque dose et chaque date avant de prescrire.",
    },
    # times per day (desktop.core.formatting.format_frequency): never qd/od/tid
    "frequency_1": {"en": "daily", "fr": "par jour"},
    "frequency_2": {"en": "twice daily", "fr": "deux fois par jour"},
    "frequency_3": {"en": "three times daily", "fr": "trois fois par jour"},
    "frequency_4": {"en": "four times daily", "fr": "quatre fois par jour"},
    "frequency_5": {"en": "five times daily", "fr": "cinq fois par jour"},
    "frequency_6": {"en": "six times daily", "fr": "six fois par jour"},
    "frequency_7": {"en": "seven times daily", "fr": "sept fois par jour"},
    "frequency_8": {"en": "eight times daily", "fr": "huit fois par jour"},
    "frequency_9": {"en": "nine times daily", "fr": "neuf fois par jour"},
    "frequency_10": {"en": "ten times daily", "fr": "dix fois par jour"},
    "frequency_11": {"en": "eleven times daily", "fr": "onze fois par jour"},
    "frequency_12": {"en": "twelve times daily", "fr": "douze fois par jour"},
    # the measurement a message names (desktop.core.parsing.measure_params)
    "measure_weight": {"en": "weight", "fr": "le poids"},
    "measure_height": {"en": "height", "fr": "la taille"},
    "measure_creatinine": {"en": "creatinine", "fr": "la créatinine"},
    "measure_age": {"en": "age", "fr": "l'âge"},
    "measure_other": {"en": "this entry", "fr": "cette saisie"},
    # body size and kidney function (desktop.core.body_metrics, desktop.core.calculators)
    "metric_bmi": {"en": "BMI", "fr": "IMC"},
    # Beside a metric's name in the window, what it still needs (the full sentence, with the
    # metric's name, is the messages' "needs_height", shown as its tooltip).
    "metric_needs_age": {"en": "needs the age", "fr": "nécessite l'âge"},
    "metric_needs_sex": {"en": "needs the sex", "fr": "nécessite le sexe"},
    "metric_needs_weight": {"en": "needs the weight", "fr": "nécessite le poids"},
    "metric_needs_height": {"en": "needs the height", "fr": "nécessite la taille"},
    "metric_needs_creatinine": {"en": "needs the creatinine", "fr": "nécessite la créatinine"},
    # Only in "… needs the height": the subject of a sentence.
    "metric_bsa": {"en": "Body-surface area", "fr": "La surface corporelle"},
    "metric_ibw": {"en": "Ideal body weight (Devine)", "fr": "Poids idéal (Devine)"},
    "metric_abw": {"en": "Adjusted body weight", "fr": "Poids ajusté"},
    "metric_crcl": {"en": "Cockcroft–Gault", "fr": "Cockcroft–Gault"},
    "metric_egfr": {"en": "CKD-EPI 2021", "fr": "CKD-EPI 2021"},
    "weight_basis_actual": {"en": "actual weight", "fr": "poids réel"},
    "weight_basis_ideal": {"en": "ideal weight (Devine)", "fr": "poids idéal (Devine)"},
    "weight_basis_adjusted": {"en": "adjusted weight", "fr": "poids ajusté"},
    # the symbols of a formula's working that are words (desktop.core.calculators)
    "symbol_age": {"en": "age", "fr": "âge"},
    "symbol_sex": {"en": "sex", "fr": "sexe"},
    # a patient's answer a message asks about (desktop.core.patient)
    "question_pregnant": {"en": "pregnancy", "fr": "la grossesse"},
    "question_breastfeeding": {"en": "breastfeeding", "fr": "l'allaitement"},
    # the source's values in a message (desktop.core.schedule.range_word_params)
    "value_up_to": {"en": "up to {high}", "fr": "jusqu'à {high}"},
    "value_range": {"en": "{low}–{high}", "fr": "{low} à {high}"},
    # units spelt as words, one and many (desktop.core.formatting.format_unit; French uses the
    # singular below two: "1,5 unité")
    "unit_units_one": {"en": "unit", "fr": "unité"},
    "unit_units_many": {"en": "units", "fr": "unités"},
    "unit_d_one": {"en": "day", "fr": "jour"},
    "unit_d_many": {"en": "days", "fr": "jours"},
    "unit_wk_one": {"en": "week", "fr": "semaine"},
    "unit_wk_many": {"en": "weeks", "fr": "semaines"},
    "unit_mo_one": {"en": "month", "fr": "mois"},
    "unit_mo_many": {"en": "months", "fr": "mois"},
    "unit_yr_one": {"en": "year", "fr": "an"},
    "unit_yr_many": {"en": "years", "fr": "ans"},
    # repeat intervals (desktop.core.formatting.format_interval); {n} is a number or a range
    "interval_one_d": {"en": "daily", "fr": "tous les jours"},
    "interval_one_wk": {"en": "every week", "fr": "toutes les semaines"},
    "interval_one_mo": {"en": "every month", "fr": "tous les mois"},
    "interval_one_yr": {"en": "every year", "fr": "tous les ans"},
    "interval_other_day": {"en": "every other day", "fr": "un jour sur deux"},
    "interval_every_d": {"en": "every {n} days", "fr": "tous les {n} jours"},
    "interval_every_wk": {"en": "every {n} weeks", "fr": "toutes les {n} semaines"},
    "interval_every_mo": {"en": "every {n} months", "fr": "tous les {n} mois"},
    "interval_every_yr": {"en": "every {n} years", "fr": "tous les {n} ans"},
    # the days a hospital team does not give a treatment (desktop.core.closed_days)
    "saturday": {"en": "Saturday", "fr": "samedi"},
    "sunday": {"en": "Sunday", "fr": "dimanche"},
}
