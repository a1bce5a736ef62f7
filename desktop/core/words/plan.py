"""Interface words of the printed plans and the calendar, in French and English.

Clinical sentences (advice, side effects, dressing steps) come from the knowledge base; only the
headings and the glue between them live here (one area of the catalogue, ``desktop.core.words``).
Patient words are plain: "by drip into a vein", not "IV".
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # ---- frame
    "header_patient": {"en": "Calx · Treatment plan", "fr": "Calx · Plan de traitement"},
    # Short: the header also carries the patient's name and second identifier.
    "header_clinician": {"en": "Calx · Clinician copy", "fr": "Calx · Copie clinicien"},
    "page_of": {"en": "Page {n} of {m}", "fr": "Page {n} sur {m}"},
    "content_line": {
        "en": "Calx content {version} ({date})",
        "fr": "Contenu Calx {version} ({date})",
    },
    "output_log": {"en": "Output log", "fr": "Journal des sorties"},
    "closed_days_checked": {"en": "Closed days checked", "fr": "Jours de fermeture vérifiés"},
    "closed_days_holidays": {
        "en": "weekends and public holidays ({country})",
        "fr": "week-ends et jours fériés ({country})",
    },
    "closed_days_weekends": {"en": "weekends only", "fr": "week-ends seulement"},
    "log_head_line": {
        "en": "{count} entries before this copy; latest hash {head}",
        "fr": "{count} entrées avant cette copie ; dernière empreinte {head}",
    },
    "log_not_recorded": {
        "en": "not recorded (this copy is not logged)",
        "fr": "non enregistrée (cette copie n'est pas journalisée)",
    },
    "intended_use_patient": {
        "en": "Prepared with Calx, a reference and dosing aid for clinicians. Your care team's "
        "advice comes first: this plan does not replace it.",
        "fr": "Préparé avec Calx, outil de référence et de calcul de doses pour les cliniciens. "
        "Les conseils de votre équipe soignante priment : ce plan ne les remplace pas.",
    },
    "intended_use_clinician": {
        "en": "Calx is a reference and dosing aid for clinicians, not a prescription: check every "
        "dose and date before prescribing.",
        "fr": "Calx est une aide à la référence et au calcul de doses, pas une prescription : "
        "vérifiez chaque dose et chaque date avant de prescrire.",
    },
    "pdf_title_patient": {"en": "Treatment plan", "fr": "Plan de traitement"},
    "pdf_title_clinician": {
        "en": "Treatment plan: clinician copy",
        "fr": "Plan de traitement : copie clinicien",
    },
    # ---- patient plan
    "patient_title": {"en": "Your treatment plan", "fr": "Votre plan de traitement"},
    "for": {"en": "For", "fr": "Pour"},
    "prepared_by": {"en": "Prepared by", "fr": "Préparé par"},
    "prepared_on": {"en": "Date", "fr": "Date"},
    "starts": {"en": "Treatment starts", "fr": "Début du traitement"},
    "how_much": {"en": "How much", "fr": "Quelle dose"},
    "when": {"en": "When", "fr": "Quand"},
    "good_to_know": {"en": "Good to know", "fr": "À savoir"},
    "steps": {"en": "Step by step", "fr": "Étape par étape"},
    "dose_as_prescribed": {
        "en": "As prescribed by your doctor: ",
        "fr": "Selon l'ordonnance de votre médecin : ",
    },
    "when_as_prescribed": {
        "en": "As prescribed by your doctor.",
        "fr": "Selon l'ordonnance de votre médecin.",
    },
    "per_infusion": {"en": "{dose} per infusion", "fr": "{dose} par perfusion"},
    "per_injection": {"en": "{dose} per injection", "fr": "{dose} par injection"},
    "each_time": {"en": "{dose} each time", "fr": "{dose} à chaque prise"},
    "route_oral": {"en": "By mouth.", "fr": "Par la bouche."},
    "route_iv": {
        "en": "By drip (infusion) into a vein, in hospital.",
        "fr": "En perfusion dans une veine, à l'hôpital.",
    },
    "route_sc": {"en": "By injection under the skin.", "fr": "En injection sous la peau."},
    "route_intralesional": {
        "en": "By injection into the calcium deposit, given by your doctor.",
        "fr": "En injection dans le dépôt de calcium, faite par votre médecin.",
    },
    "route_topical": {"en": "On the skin.", "fr": "Sur la peau."},
    "route_procedure": {
        "en": "A procedure done by your care team.",
        "fr": "Une intervention faite par votre équipe soignante.",
    },
    "when_once": {"en": "Once, on {date}.", "fr": "Une fois, le {date}."},
    "when_events": {
        "en": "{count} times, from {first} to {last}.",
        "fr": "{count} fois, du {first} au {last}.",
    },
    "when_every": {"en": "{interval}, from {first}.", "fr": "{interval}, à partir du {first}."},
    "when_daily_period": {
        "en": "Every day from {first} to {last}.",
        "fr": "Tous les jours du {first} au {last}.",
    },
    "when_daily_open": {
        "en": "Every day from {first}, until your doctor tells you otherwise.",
        "fr": "Tous les jours à partir du {first}, jusqu'à nouvel avis de votre médecin.",
    },
    "when_cycle": {
        "en": "In cycles: every day for {on}, then a break of {off}. First cycle "
        "from {first} to {last}.",
        "fr": "Par cycles : tous les jours pendant {on}, puis une pause de {off}. "
        "Premier cycle du {first} au {last}.",
    },
    "when_continues": {
        "en": "This treatment goes on after {date}: ask your care team for the next dates.",
        "fr": "Ce traitement continue après le {date} : demandez les dates "
        "suivantes à votre équipe soignante.",
    },
    "when_next": {
        "en": "Next date after this calendar: {date}.",
        "fr": "Date suivante, après ce calendrier : {date}.",
    },
    "when_to_call_any": {
        "en": "Call also if a side effect worries you, or if you are not sure how to take a "
        "treatment.",
        "fr": "Appelez aussi si un effet indésirable vous inquiète, ou si vous ne savez pas "
        "comment prendre un traitement.",
    },
    "contacts": {"en": "Your contacts", "fr": "Vos contacts"},
    "contact_doctor": {"en": "Doctor", "fr": "Médecin"},
    "contact_nurse": {"en": "Nurse", "fr": "Infirmier ou infirmière"},
    "contact_clinic": {"en": "Hospital or clinic", "fr": "Hôpital ou clinique"},
    "contact_emergency": {"en": "In an emergency", "fr": "En cas d'urgence"},
    "general": {"en": "Every day", "fr": "Au quotidien"},
    "notes": {"en": "Notes", "fr": "Notes"},
    "calendar": {"en": "Your calendar", "fr": "Votre calendrier"},
    "calendar_break": {"en": "break", "fr": "pause"},
    "weekdays": {"en": "Mon Tue Wed Thu Fri Sat Sun", "fr": "lun. mar. mer. jeu. ven. sam. dim."},
    "kind_dose": {"en": "dose", "fr": "administration"},
    "kind_session": {"en": "session", "fr": "séance"},
    "kind_dressing change": {"en": "dressing change", "fr": "changement de pansement"},
    "kind_daily": {"en": "daily treatment", "fr": "traitement quotidien"},
    "kind_on": {"en": "treatment period", "fr": "période de traitement"},
    # ---- patient copy (desktop.reports.patient_copy)
    "pdf_subject_patient": {
        "en": "Treatment plan for calcinosis: patient copy",
        "fr": "Plan de traitement de la calcinose : copie patient",
    },
    "pdf_subject_clinician": {
        "en": "Treatment plan for calcinosis: clinician copy",
        "fr": "Plan de traitement de la calcinose : copie clinicien",
    },
    "intro_short": {
        "en": "Your treatments for calcinosis (calcium deposits in or under the skin). Keep this "
        "plan at home. Bring it to every visit.",
        "fr": "Vos traitements de la calcinose (dépôts de calcium dans ou sous la peau). Gardez "
        "ce plan chez vous. Apportez-le à chaque rendez-vous.",
    },
    "born_on": {"en": "born {date}", "fr": "né(e) le {date}"},
    "record_no": {"en": "record {number}", "fr": "dossier {number}"},
    "birth_date": {"en": "Date of birth", "fr": "Date de naissance"},
    "record_number": {"en": "Record number", "fr": "Numéro de dossier"},
    "team_contact": {"en": "Your team", "fr": "Votre équipe"},
    "team_contact_fill": {
        "en": "Phone: ______________________ (see also your contacts)",
        "fr": "Téléphone : ______________________ (voir aussi vos contacts)",
    },
    "card_title": {"en": "Your medicines at home", "fr": "Vos médicaments à la maison"},
    "card_medicine": {"en": "Medicine", "fr": "Médicament"},
    "card_take_care": {"en": "When, and take care", "fr": "Quand, et précautions"},
    "slot_morning": {"en": "Morning", "fr": "Matin"},
    "slot_midday": {"en": "Midday", "fr": "Midi"},
    "slot_evening": {"en": "Evening", "fr": "Soir"},
    "slot_bedtime": {"en": "Bedtime", "fr": "Coucher"},
    "card_note": {
        "en": "● = take one dose at that time of day. Your doctor or pharmacist may set other "
        "times: write them on the card.",
        "fr": "● = une prise à ce moment de la journée. Votre médecin ou votre pharmacien peut "
        "fixer d'autres heures : notez-les sur la carte.",
    },
    "card_more": {
        "en": "And {n} more: see what to watch for.",
        "fr": "Et {n} de plus : voir ce qu'il faut surveiller.",
    },
    "coming_up": {"en": "Coming up", "fr": "Prochaines dates"},
    "no_dated_events": {
        "en": "No dated treatment in this plan.",
        "fr": "Aucun traitement daté dans ce plan.",
    },
    "see_calendar_more": {
        "en": "More dates in the calendar.",
        "fr": "Les autres dates sont dans le calendrier.",
    },
    "team_treatments": {
        "en": "Treatments given by your care team",
        "fr": "Traitements faits par votre équipe soignante",
    },
    "home_care": {"en": "Care at home", "fr": "Soins à la maison"},
    "other_advice": {
        "en": "Other treatments in your plan",
        "fr": "Autres traitements de votre plan",
    },
    "what_it_is": {"en": "What it is for", "fr": "À quoi il sert"},
    "how_given": {"en": "How it is given", "fr": "Comment il est donné"},
    "dose_line": {"en": "Dose: {dose}.", "fr": "Dose : {dose}."},
    "watch_for": {
        "en": "What to watch for: tell your team if you notice",
        "fr": "À surveiller : prévenez votre équipe si vous remarquez",
    },
    "calendar_intro_events": {
        "en": "Only the days when something happens or changes. Keep taking your daily medicines "
        "as the card says.",
        "fr": "Seulement les jours où quelque chose se passe ou change. Continuez vos médicaments "
        "de tous les jours comme l'indique la carte.",
    },
    "nothing_this_month": {"en": "Nothing planned this month.", "fr": "Rien de prévu ce mois-ci."},
    "watch_and_call": {
        "en": "What to watch for and when to call",
        "fr": "Ce qu'il faut surveiller et quand appeler",
    },
    "call_if": {"en": "Call your care team if:", "fr": "Appelez votre équipe soignante si :"},
    "watch_see_section": {
        "en": "{names}: see “What to watch for” in its section above.",
        "fr": "{names} : voir « À surveiller » dans sa rubrique plus haut.",
    },
    "watch_see_sections": {
        "en": "{names}: see “What to watch for” in their sections above.",
        "fr": "{names} : voir « À surveiller » dans leurs rubriques plus haut.",
    },
    "and_list": {"en": "{first} and {last}", "fr": "{first} et {last}"},
    "or_list": {"en": "{first} or {last}", "fr": "{first} ou {last}"},
    "tick_title": {"en": "Weekly tick sheet", "fr": "Fiche de la semaine"},
    "tick_intro": {
        "en": "Tick a box when you take a dose. Copy this page for each week.",
        "fr": "Cochez une case à chaque prise. Photocopiez cette page chaque semaine.",
    },
    "tick_cycles": {
        "en": "{names}: not taken during a pause (see the calendar). Leave its boxes empty then.",
        "fr": "{names} : ne se prend pas pendant une pause (voir le calendrier). "
        "Laissez alors ses cases vides.",
    },
    "tick_week_of": {"en": "Week of: ", "fr": "Semaine du : "},
    "tick_medicine": {"en": "Medicine and time", "fr": "Médicament et moment"},
    # Two regimens of one medicine with the same amount, told apart by their order in the plan.
    "told_apart_number": {"en": "treatment {n}", "fr": "traitement {n}"},
    "event_infusion": {"en": "infusion", "fr": "perfusion"},
    "event_injection": {"en": "injection", "fr": "injection"},
    "event_dose": {"en": "dose", "fr": "prise"},
    "event_session": {"en": "session", "fr": "séance"},
    "event_dressing": {"en": "dressing change", "fr": "changement de pansement"},
    "event_start": {"en": "{name}: start", "fr": "{name} : début"},
    "event_restart": {"en": "{name}: restart", "fr": "{name} : reprise"},
    "event_pause": {"en": "{name}: pause starts", "fr": "{name} : début de la pause"},
    "event_last_day": {"en": "{name}: last day", "fr": "{name} : dernier jour"},
    "event_first": {
        "en": "{name}: {what} 1, then see its section",
        "fr": "{name} : {what} 1, puis voir sa rubrique",
    },
    "event_test": {"en": "{name}: test planned", "fr": "{name} : analyse prévue"},
    # ---- clinician copy
    "clinician_title": {
        "en": "Treatment plan: clinician copy",
        "fr": "Plan de traitement : copie clinicien",
    },
    "plan_id": {"en": "Plan", "fr": "Plan"},
    "patient_copy_language": {"en": "Patient copy in", "fr": "Copie patient en"},
    "language_en": {"en": "English", "fr": "anglais"},
    "language_fr": {"en": "French", "fr": "français"},
    "measurements": {"en": "Patient measurements", "fr": "Mesures du patient"},
    "measured_on": {"en": "Measured on", "fr": "Mesures du"},
    "weight": {"en": "Weight", "fr": "Poids"},
    "height": {"en": "Height", "fr": "Taille"},
    "sex": {"en": "Sex", "fr": "Sexe"},
    "sex_female": {"en": "female", "fr": "femme"},
    "sex_male": {"en": "male", "fr": "homme"},
    "age": {"en": "Age", "fr": "Âge"},
    "years": {"en": "years", "fr": "ans"},
    "serum_creatinine": {"en": "Serum creatinine", "fr": "Créatininémie"},
    "bsa": {"en": "Body-surface area", "fr": "Surface corporelle"},
    "entered_as": {"en": "entered as", "fr": "saisi"},
    "not_given": {"en": "not given", "fr": "non renseigné"},
    "regimen": {"en": "Regimen", "fr": "Schéma"},
    "prescribed": {"en": "Prescribed", "fr": "Prescrit"},
    "calculated": {"en": "Calculated dose", "fr": "Dose calculée"},
    "daily_dose": {"en": "Daily dose", "fr": "Dose quotidienne"},
    "course_total": {"en": "Course total", "fr": "Total de la cure"},
    "vials": {"en": "Vials", "fr": "Flacons"},
    "concentration": {"en": "Concentration", "fr": "Concentration"},
    "product": {"en": "Product", "fr": "Produit"},
    "no_dose": {
        "en": "The review gives no dose: none is calculated.",
        "fr": "La revue ne donne pas de dose : aucune n'est calculée.",
    },
    "working": {"en": "Working", "fr": "Calcul"},
    "warnings": {"en": "Warnings", "fr": "Avertissements"},
    "schedule": {"en": "Schedule", "fr": "Calendrier"},
    "schedule_summary": {
        "en": "{count} × {kind} from {first} to {last} (horizon {months} months)",
        "fr": "{count} × {kind} du {first} au {last} (horizon {months} mois)",
    },
    "schedule_none": {
        "en": "No dated administration within the horizon.",
        "fr": "Aucune administration datée dans l'horizon.",
    },
    "choices_used": {"en": "Values used", "fr": "Valeurs retenues"},
    # a ranged value nobody chose: the source's documented default (desktop.core.choices)
    "by_default": {"en": "(default)", "fr": "(par défaut)"},
    "next_after": {"en": "next after the horizon", "fr": "suivante après l'horizon"},
    "evidence": {"en": "Evidence", "fr": "Niveau de preuve"},
    "sources": {"en": "Sources", "fr": "Sources"},
    "studies": {"en": "Studies", "fr": "Études"},
    "n_patients": {"en": "{n} patients", "fr": "{n} patients"},
    "one_patient": {"en": "1 patient", "fr": "1 patient"},
    "dose_source": {"en": "dose", "fr": "dose"},
    "schedule_source": {"en": "schedule", "fr": "rythme"},
    "references": {"en": "References", "fr": "Références"},
    "content_version": {"en": "Content version", "fr": "Version du contenu"},
    "advice_only": {
        "en": "No regimen in the review: advice only, dose as prescribed.",
        "fr": "Pas de schéma dans la revue : conseils seulement, dose selon l'ordonnance.",
    },
    "safety_checks": {"en": "Safety checks", "fr": "Vérifications de sécurité"},
    "safety_intro": {
        "en": "The whole plan checked against the patient and the current medications, with the "
        "rules' sources (labels, SmPC, ANSM thesaurus) and Calx's own checks.",
        "fr": "Le plan entier vérifié au regard du patient et de ses traitements en cours, avec "
        "les sources des règles (RCP, notices, thésaurus ANSM) et les vérifications "
        "propres à Calx.",
    },
    "no_alert": {"en": "No alert.", "fr": "Aucune alerte."},
    "renal_estimates": {
        "en": "Renal function estimates",
        "fr": "Estimations de la fonction rénale",
    },
    "renal_unknown": {
        "en": "not computed (creatinine, age or sex missing)",
        "fr": "non calculée (créatinine, âge ou sexe manquant)",
    },
    "pregnant": {"en": "Pregnant", "fr": "Enceinte"},
    "breastfeeding": {"en": "Breastfeeding", "fr": "Allaitement"},
    "answer_yes": {"en": "yes", "fr": "oui"},
    "answer_no": {"en": "no", "fr": "non"},
    "answer_unknown": {"en": "not stated", "fr": "non renseigné"},
    "current_medications": {"en": "Current medications", "fr": "Traitements en cours"},
    "none": {"en": "none", "fr": "aucun"},
    "not_checked": {"en": "not checked", "fr": "non vérifié"},
    "override_reason": {
        "en": "Overridden by the prescriber; reason",
        "fr": "Passée outre par le prescripteur ; raison",
    },
    "ics_summary_test": {"en": "{treatment}: test planned", "fr": "{treatment} : analyse prévue"},
    "other_medicines": {"en": "With your other medicines", "fr": "Avec vos autres médicaments"},
    "patient_warnings": {"en": "Input warnings", "fr": "Avertissements sur les mesures"},
    # ---- calendar export
    "ics_calendar_name": {"en": "Calx treatment plan", "fr": "Plan de traitement Calx"},
    "ics_summary_event": {
        "en": "{treatment}: {kind} {number}",
        "fr": "{treatment} : {kind} {number}",
    },
    "ics_summary_period": {"en": "{treatment}: {kind}", "fr": "{treatment} : {kind}"},
    "ics_dose": {"en": "Dose: {dose}", "fr": "Dose : {dose}"},
    "ics_how": {"en": "How: {how}", "fr": "Comment : {how}"},
    "ics_footer": {
        "en": "From your Calx treatment plan prepared on {date}. Follow your care team's advice.",
        "fr": "D'après votre plan de traitement Calx du {date}. Suivez les conseils "
        "de votre équipe soignante.",
    },
}
