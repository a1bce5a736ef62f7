"""Error and warning codes (``desktop.core.errors``): what went wrong and what to do, for a
clinician. The codes are stored in saved plans: never rename one. No command-line flags or
`make` targets here: the command line adds its own hints (``desktop/cli/common.py``)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # --- general
    "internal_error": {
        "en": "Calx hit an unexpected problem and changed nothing: {detail}",
        "fr": "Calx a rencontré un problème inattendu et n'a rien modifié : {detail}",
    },
    # --- knowledge base (desktop/data)
    "db_missing": {
        "en": "The reference database was not found at {path}. Reinstall Calx.",
        "fr": "La base de référence est introuvable ({path}). Réinstallez Calx.",
    },
    "db_unreadable": {
        "en": "The reference database {path} cannot be opened: {detail}",
        "fr": "La base de référence {path} ne peut pas être ouverte : {detail}",
    },
    "db_corrupt": {
        "en": "The reference database {path} is damaged and was not used ({detail}). "
        "Reinstall Calx.",
        "fr": "La base de référence {path} est endommagée et n'a pas été utilisée ({detail}). "
        "Réinstallez Calx.",
    },
    "db_schema_unsupported": {
        "en": "The reference database {path} has schema version {found}; this Calx reads "
        "version {expected}. Install the matching Calx.",
        "fr": "La base de référence {path} est au schéma version {found} ; cette version de Calx "
        "lit la version {expected}. Installez la version de Calx correspondante.",
    },
    "db_hash_mismatch": {
        "en": "The reference database {path} was modified after it was built (content hash "
        "{actual}, expected {recorded}) and was not used. Reinstall Calx.",
        "fr": "La base de référence {path} a été modifiée après sa construction (empreinte "
        "{actual}, attendue {recorded}) et n'a pas été utilisée. Réinstallez Calx.",
    },
    # --- signed content releases (desktop/data/signing, packs, content_store)
    "release_unreadable": {
        "en": "The content pack {path} cannot be read ({detail}). Nothing was changed.",
        "fr": "Le paquet de contenu {path} ne peut pas être lu ({detail}). Rien n'a été modifié.",
    },
    "release_corrupt": {
        "en": "The content pack or release {path} is corrupt or truncated ({detail}). Nothing "
        "was changed.",
        "fr": "Le paquet ou la version de contenu {path} est endommagé ou tronqué ({detail}). "
        "Rien n'a été modifié.",
    },
    "release_signature_bad": {
        "en": "The signature of {path} does not match its contents: it was altered after "
        "signing. Nothing was changed.",
        "fr": "La signature de {path} ne correspond pas à son contenu : il a été modifié après "
        "sa signature. Rien n'a été modifié.",
    },
    "release_key_unknown": {
        "en": "{path} is signed by a key this Calx does not trust ({key}). Nothing was changed.",
        "fr": "{path} est signé par une clé que ce Calx ne reconnaît pas ({key}). Rien n'a été "
        "modifié.",
    },
    "release_key_revoked": {
        "en": "{path} is signed by a revoked key ({key}: {reason}). Nothing was changed.",
        "fr": "{path} est signé par une clé révoquée ({key} : {reason}). Rien n'a été modifié.",
    },
    "release_unsigned": {
        "en": "The reference database {path} is not a signed release (no signed manifest beside "
        "it) and was not used.",
        "fr": "La base de référence {path} n'est pas une version signée (aucun manifeste signé à "
        "côté) et n'a pas été utilisée.",
    },
    "release_digest_mismatch": {
        "en": "The database in {path} is not the one its signed manifest describes (digest or "
        "content differs). Nothing was changed.",
        "fr": "La base contenue dans {path} n'est pas celle que décrit son manifeste signé "
        "(empreinte ou contenu différent). Rien n'a été modifié.",
    },
    "release_needs_newer_calx": {
        "en": "The content pack {path} needs Calx {needed} or later; this is Calx {have}. "
        "Update Calx first. Nothing was changed.",
        "fr": "Le paquet de contenu {path} nécessite Calx {needed} ou plus récent ; ceci est "
        "Calx {have}. Mettez d'abord Calx à jour. Rien n'a été modifié.",
    },
    "release_same_version_other_content": {
        "en": "The content pack {path} claims version {version}, which was released with other "
        "content. Nothing was changed.",
        "fr": "Le paquet de contenu {path} se dit en version {version}, publiée avec un autre "
        "contenu. Rien n'a été modifié.",
    },
    "release_not_newer": {
        "en": "Content {version} is already in use ({path}). Nothing was changed.",
        "fr": "Le contenu {version} est déjà utilisé ({path}). Rien n'a été modifié.",
    },
    "release_older": {
        "en": "The content pack {path} holds version {version}, older than the content in use "
        "({installed}): it is refused (rollback protection). To go back, use “Roll back "
        "content” to the kept previous release. Nothing was changed.",
        "fr": "Le paquet de contenu {path} contient la version {version}, plus ancienne que le "
        "contenu utilisé ({installed}) : il est refusé (protection contre le retour en "
        "arrière). Pour revenir en arrière, utilisez « Revenir au contenu précédent ». "
        "Rien n'a été modifié.",
    },
    "release_nothing_to_roll_back": {
        "en": "No installed content release to roll back: the content shipped with Calx is in "
        "use. Nothing was changed.",
        "fr": "Aucune version de contenu installée à annuler : le contenu livré avec Calx est "
        "utilisé. Rien n'a été modifié.",
    },
    "release_key_unreadable": {
        "en": "The signing key {path} cannot be read ({detail}).",
        "fr": "La clé de signature {path} ne peut pas être lue ({detail}).",
    },
    "release_development_key": {
        "en": "A release build refuses the development key {key}: sign with the release key.",
        "fr": "Une version publiée refuse la clé de développement {key} : signez avec la clé de "
        "publication.",
    },
    "release_version_invalid": {
        "en": "“{value}” is not a version: write it as year.month.revision (2026.12.0) or, for "
        "Calx, 0.1.0.",
        "fr": "« {value} » n'est pas une version : écrivez-la année.mois.révision (2026.12.0) "
        "ou, pour Calx, 0.1.0.",
    },
    "content_source_unreadable": {
        "en": "{path} is neither a content pack, a content folder nor a reference database "
        "({detail}).",
        "fr": "{path} n'est ni un paquet de contenu, ni un dossier de contenu, ni une base de "
        "référence ({detail}).",
    },
    "content_invalid": {
        "en": "The content in {path} has {count} problem(s): {detail}",
        "fr": "Le contenu de {path} a {count} problème(s) : {detail}",
    },
    "unknown_therapy": {
        "en": "No therapy has the id “{id}” (close matches: {suggestions}).",
        "fr": "Aucun traitement n'a l'identifiant « {id} » (proches : {suggestions}).",
    },
    "unknown_regimen": {
        "en": "No regimen has the id “{id}” (close matches: {suggestions}).",
        "fr": "Aucun schéma n'a l'identifiant « {id} » (proches : {suggestions}).",
    },
    "unknown_product": {
        "en": "No product has the id “{id}”.",
        "fr": "Aucun produit n'a l'identifiant « {id} ».",
    },
    "unknown_reference": {
        "en": "No reference has the id “{id}”.",
        "fr": "Aucune référence n'a l'identifiant « {id} ».",
    },
    "search_limit_out_of_range": {
        "en": "The number of search results must be between {min} and {max}.",
        "fr": "Le nombre de résultats doit être compris entre {min} et {max}.",
    },
    "search_query_empty": {
        "en": "Type at least one word to search for (letters or digits).",
        "fr": "Saisissez au moins un mot à chercher (lettres ou chiffres).",
    },
    "unknown_language": {
        "en": "Unknown language “{lang}”: use {languages}.",
        "fr": "Langue inconnue « {lang} » : utilisez {languages}.",
    },
    # --- dosing (desktop/core)
    # Typed measurements (desktop/core/parsing.py)
    "input_empty": {
        "en": "A value is missing for {measure}: type a number and its unit (for example 70 kg).",
        "fr": "Une valeur manque pour {measure} : saisissez un nombre et son unité (par exemple "
        "70 kg).",
    },
    "input_too_long": {
        "en": "This entry is too long (at most {max} characters): type a number and its unit.",
        "fr": "Cette saisie est trop longue ({max} caractères au plus) : saisissez un nombre et "
        "son unité.",
    },
    "not_a_number": {
        "en": "“{text}” is not a number Calx can read: type digits, for example 70.5 or 70,5.",
        "fr": "« {text} » n'est pas un nombre lisible : saisissez des chiffres, par exemple 70,5 "
        "ou 70.5.",
    },
    "number_ambiguous": {
        "en": "“{text}” is ambiguous (a thousands separator or two numbers?): type the number "
        "without separators, with one decimal mark, for example 1234.5.",
        "fr": "« {text} » est ambigu (séparateur de milliers ou deux nombres ?) : saisissez le "
        "nombre sans séparateur, avec une seule marque décimale, par exemple 1234,5.",
    },
    "number_negative": {
        "en": "“{text}” is negative: a measurement cannot be below zero.",
        "fr": "« {text} » est négatif : une mesure ne peut pas être inférieure à zéro.",
    },
    "unit_unknown": {
        "en": "Unknown unit “{unit}” for {measure}: use {expected}.",
        "fr": "Unité inconnue « {unit} » pour {measure} : utilisez {expected}.",
    },
    "wrong_unit_kind": {
        "en": "“{got}” is not a unit for {measure}: use {expected}.",
        "fr": "« {got} » n'est pas une unité pour {measure} : utilisez {expected}.",
    },
    "feet_inches_malformed": {
        "en": "“{text}” cannot be read as feet and inches: write it like 5 ft 7 in (inches "
        "below 12).",
        "fr": "« {text} » ne se lit pas en pieds et pouces : écrivez par exemple 5 ft 7 in "
        "(moins de 12 pouces).",
    },
    # Hard limits (desktop/core/limits.py)
    "weight_out_of_range": {
        "en": "Weight “{entered}” ({value} kg) is outside the accepted range, {min} to {max} kg.",
        "fr": "Le poids « {entered} » ({value} kg) est hors de la plage acceptée, de {min} à "
        "{max} kg.",
    },
    "height_out_of_range": {
        "en": "Height “{entered}” ({value} cm) is outside the accepted range, {min} to {max} cm.",
        "fr": "La taille « {entered} » ({value} cm) est hors de la plage acceptée, de {min} à "
        "{max} cm.",
    },
    "age_out_of_range": {
        "en": "Age “{entered}” ({value} years) is outside the accepted range, {min} to {max} "
        "years.",
        "fr": "L'âge « {entered} » ({value} ans) est hors de la plage acceptée, de {min} à "
        "{max} ans.",
    },
    "creatinine_out_of_range": {
        "en": "Creatinine “{entered}” ({value} mg/dL) is outside the accepted range, {min} to "
        "{max} mg/dL ({min_umol} to {max_umol} µmol/L).",
        "fr": "La créatinine « {entered} » ({value} mg/dL) est hors de la plage acceptée, de "
        "{min} à {max} mg/dL ({min_umol} à {max_umol} µmol/L).",
    },
    "creatinine_probably_umol": {
        "en": "Creatinine {value} mg/dL is above {max} mg/dL: was it in µmol/L? Type the unit, "
        "for example “{value} µmol/L” (accepted: {min_umol} to {max_umol} µmol/L).",
        "fr": "Une créatinine de {value} mg/dL dépasse {max} mg/dL : était-elle en µmol/L ? "
        "Saisissez l'unité, par exemple « {value} µmol/L » (accepté : {min_umol} à "
        "{max_umol} µmol/L).",
    },
    "creatinine_probably_mg_dl": {
        "en": "Creatinine “{entered}” is below {min_umol} µmol/L: was it in mg/dL? Type the unit, "
        "for example “1.1 mg/dL” (accepted: {min} to {max} mg/dL).",
        "fr": "La créatinine « {entered} » est inférieure à {min_umol} µmol/L : était-elle en "
        "mg/dL ? Saisissez l'unité, par exemple « 1,1 mg/dL » (accepté : {min} à {max} "
        "mg/dL).",
    },
    # Soft limits: warnings, the calculation goes on
    "weight_unusual": {
        "en": "Check the weight: {value} kg is unusual for an adult (below {low} or above "
        "{high} kg).",
        "fr": "Vérifiez le poids : {value} kg est inhabituel chez l'adulte (moins de {low} ou "
        "plus de {high} kg).",
    },
    "height_unusual": {
        "en": "Check the height: {value} cm is unusual for an adult (below {low} or above "
        "{high} cm).",
        "fr": "Vérifiez la taille : {value} cm est inhabituelle chez l'adulte (moins de {low} ou "
        "plus de {high} cm).",
    },
    "bmi_implausible": {
        "en": "Check weight and height: they give a BMI of {bmi} (expected {low} to {high}). "
        "Was the weight entered in pounds as kilograms, or the height in the wrong unit?",
        "fr": "Vérifiez le poids et la taille : ils donnent un IMC de {bmi} (attendu de {low} à "
        "{high}). Le poids a-t-il été saisi en livres au lieu de kilogrammes, ou la taille "
        "dans une autre unité ?",
    },
    # Patient and calculators (desktop/core/patient.py, desktop/core/calculators/)
    "sex_unknown": {
        "en": "Unknown sex “{text}”: use female or male.",
        "fr": "Sexe inconnu « {text} » : utilisez female (femme) ou male (homme).",
    },
    "status_unknown": {
        "en": "“{text}” is not an answer for {question}: use yes, no or unknown.",
        "fr": "« {text} » n'est pas une réponse pour {question} : utilisez oui (yes), non (no) "
        "ou inconnu (unknown).",
    },
    "too_many_medications": {
        "en": "At most {max} current medications can be listed.",
        "fr": "Au plus {max} traitements en cours peuvent être indiqués.",
    },
    "medication_name_invalid": {
        "en": "A current medication needs a name of 1 to {max} characters.",
        "fr": "Un traitement en cours doit avoir un nom de 1 à {max} caractères.",
    },
    "plan_contraindicated": {
        "en": "The plan has a contraindication ({codes}). Nothing was written. Review the alert "
        "and, to go on, give your reason for overriding it.",
        "fr": "Le plan comporte une contre-indication ({codes}). Rien n'a été écrit. Vérifiez "
        "l'alerte et, pour continuer, donnez votre raison de passer outre.",
    },
    "closed_days_country_unknown": {
        "en": "No public holidays are known for “{country}”: give a country's two-letter code "
        "(FR, BE, CH, CA…) or “weekends”.",
        "fr": "Aucun jour férié n'est connu pour « {country} » : donnez le code à deux lettres "
        "d'un pays (FR, BE, CH, CA…) ou « weekends ».",
    },
    "closed_day_dates": {
        "en": "{treatment} on a day the hospital is closed: {dates}. Check that the unit is open "
        "that day, or move the dose to the next working day (Calx's Compute view moves it, the "
        "later doses following).",
        "fr": "{treatment} un jour de fermeture de l'hôpital : {dates}. Vérifiez que le service "
        "est ouvert ce jour-là, ou reportez la dose au jour ouvré suivant (la vue Calcul de Calx "
        "la déplace, les doses suivantes avec elle).",
    },
    "override_malformed": {
        "en": "“{text}” is not CODE:REASON (for example colchicine-clarithromycin:reason).",
        "fr": "« {text} » n'est pas CODE:RAISON (par exemple colchicine-clarithromycin:raison).",
    },
    "override_not_needed": {
        "en": "No contraindication with the code “{given}” on this plan (contraindications: "
        "{codes}).",
        "fr": "Aucune contre-indication de code « {given} » dans ce plan (contre-indications : "
        "{codes}).",
    },
    "bsa_formula_unknown": {
        "en": "Unknown body-surface-area formula “{formula}”: use one of {known}.",
        "fr": "Formule de surface corporelle inconnue « {formula} » : utilisez {known}.",
    },
    "needs_age": {
        "en": "{calculator} needs the age.",
        "fr": "{calculator} nécessite l'âge.",
    },
    "needs_sex": {
        "en": "{calculator} needs the sex (female or male).",
        "fr": "{calculator} nécessite le sexe (femme ou homme).",
    },
    "needs_weight": {
        "en": "{calculator} needs the weight.",
        "fr": "{calculator} nécessite le poids.",
    },
    "needs_height": {
        "en": "{calculator} needs the height.",
        "fr": "{calculator} nécessite la taille.",
    },
    "needs_creatinine": {
        "en": "{calculator} needs the serum creatinine.",
        "fr": "{calculator} nécessite la créatinine sérique.",
    },
    "crcl_weight_unknown": {
        "en": "Unknown weight for creatinine clearance “{basis}”: use one of {known}.",
        "fr": "Poids inconnu pour la clairance de la créatinine « {basis} » : utilisez {known}.",
    },
    "ibw_undefined": {
        "en": "Ideal body weight (Devine) has no meaning at a height of {height} cm.",
        "fr": "Le poids idéal (Devine) n'a pas de sens pour une taille de {height} cm.",
    },
    "ibw_extrapolated_short": {
        "en": "Height {height} cm is below {min_height} cm (60 inches): the Devine ideal body "
        "weight is extrapolated beyond the range it was written for.",
        "fr": "La taille de {height} cm est inférieure à {min_height} cm (60 pouces) : le poids "
        "idéal de Devine est extrapolé hors du domaine pour lequel il a été établi.",
    },
    "crcl_adult_formula": {
        "en": "Cockcroft–Gault was derived in adults; at {age} years its result is uncertain.",
        "fr": "La formule de Cockcroft–Gault a été établie chez l'adulte ; à {age} ans son "
        "résultat est incertain.",
    },
    "egfr_adults_only": {
        "en": "CKD-EPI 2021 is for adults only ({min_age} years and over); the age given is "
        "{age} years.",
        "fr": "CKD-EPI 2021 est réservé à l'adulte ({min_age} ans et plus) ; l'âge saisi est "
        "{age} ans.",
    },
    # dosing (desktop/core/dosing.py, schedule.py, vials.py).
    # Words that differ by language (unit spellings, ranges in words, content texts) come as one
    # localised parameter, ``localized(en=..., fr=...)``: each template prints it as ``{unit}``
    # and ``format_param`` picks the language's text.
    "choice_out_of_range": {
        "en": "“{name}”: {value} is outside the range given by the source ({range} {unit}).",
        "fr": "« {name} » : {value} est hors de l'intervalle donné par la source ({range} {unit}).",
    },
    "choice_not_an_option": {
        "en": "“{name}”: {value} is not one of the source's options ({options} {unit}).",
        "fr": "« {name} » : {value} ne fait pas partie des options de la source "
        "({options} {unit}).",
    },
    "choice_not_a_product_step": {
        "en": "“{name}”: {value} {unit} cannot be made up with the product's strengths; "
        "choose one of {options} {unit}.",
        "fr": "« {name} » : {value} {unit} ne peut pas être obtenu avec les dosages du produit ; "
        "choisissez parmi {options} {unit}.",
    },
    "choice_required": {
        "en": "“{name}”: the source gives only a maximum ({max} {unit}); choose a value up to it.",
        "fr": "« {name} » : la source ne donne qu'un maximum ({max} {unit}) ; "
        "choisissez une valeur inférieure ou égale.",
    },
    "choice_not_whole": {
        "en": "“{name}”: a calendar needs a whole number of days or months "
        "({value} {unit} is not).",
        "fr": "« {name} » : un calendrier demande un nombre entier de jours ou de mois "
        "({value} {unit} n'en est pas un).",
    },
    "unknown_choice": {
        "en": "“{name}” is not a value this regimen lets you choose (choices: {allowed}).",
        "fr": "« {name} » n'est pas une valeur à choisir pour ce schéma (choix possibles : "
        "{allowed}).",
    },
    "range_lower_bound_used": {
        "en": "No value chosen for “{name}”: Calx used the lowest value the source gives, "
        "{value} {unit} (source: {range} {unit}). Choose a value to change it.",
        "fr": "Aucune valeur choisie pour « {name} » : Calx a pris la plus basse valeur donnée "
        "par la source, {value} {unit} (source : {range} {unit}). Choisissez une valeur "
        "pour la modifier.",
    },
    "horizon_out_of_range": {
        "en": "The schedule horizon must be {min} to {max} months (got {value}).",
        "fr": "L'horizon du calendrier doit être de {min} à {max} mois (reçu : {value}).",
    },
    "birth_date_invalid": {
        "en": "“{value}” is not a date of birth: use YYYY-MM-DD, e.g. 1961-04-23 (from 1900).",
        "fr": "« {value} » n'est pas une date de naissance : utilisez AAAA-MM-JJ, p. ex. "
        "1961-04-23 (à partir de 1900).",
    },
    "birth_date_after_plan": {
        "en": "The date of birth {value} is after the plan's date {date}.",
        "fr": "La date de naissance {value} est postérieure à la date du plan {date}.",
    },
    "record_number_invalid": {
        "en": "“{value}” is not a record number: at most {max} letters, digits, spaces or "
        "- / . _ #.",
        "fr": "« {value} » n'est pas un numéro de dossier : au plus {max} lettres, chiffres, "
        "espaces ou - / . _ #.",
    },
    "start_date_invalid": {
        "en": "“{value}” is not a start date: use YYYY-MM-DD, e.g. 2026-01-05.",
        "fr": "« {value} » n'est pas une date de début : utilisez AAAA-MM-JJ, p. ex. 2026-01-05.",
    },
    "choose_malformed": {
        "en": "“{text}” is not a choice: use NAME=VALUE.",
        "fr": "« {text} » n'est pas un choix : utilisez NOM=VALEUR.",
    },
    "no_schedule_in_review": {
        "en": "The review gives no timing for this regimen: no dates are planned.",
        "fr": "La revue ne précise pas le rythme de ce schéma : aucune date n'est planifiée.",
    },
    "schedule_inconsistent": {
        "en": "The timing of regimen {regimen} is inconsistent (a repeat starts before the "
        "previous one ends): its content file needs checking.",
        "fr": "Le rythme du schéma {regimen} est incohérent (une reprise commence avant la fin "
        "de la précédente) : son fichier de contenu doit être vérifié.",
    },
    "unknown_pattern": {
        "en": "Unknown schedule pattern “{pattern}”.",
        "fr": "Rythme d'administration inconnu « {pattern} ».",
    },
    "no_vials": {
        "en": "No vial sizes are recorded for this product.",
        "fr": "Aucune taille de flacon n'est enregistrée pour ce produit.",
    },
    "dose_not_positive": {
        "en": "The dose must be above zero (got {value}).",
        "fr": "La dose doit être supérieure à zéro (reçu : {value}).",
    },
    "dose_needs_too_many_vials": {
        "en": "{value} mg would need more than {max} vials: check the inputs.",
        "fr": "{value} mg demanderaient plus de {max} flacons : vérifiez les données saisies.",
    },
    "volume_not_positive": {
        "en": "The volume must be above zero (got {value}).",
        "fr": "Le volume doit être supérieur à zéro (reçu : {value}).",
    },
    "final_concentration_below_label": {
        "en": "{dose} mg in {volume} mL gives {concentration} mg/mL, below the {min}–{max} mg/mL "
        "of the label: a dose under {min_dose} mg cannot reach {min} mg/mL in {volume} mL.",
        "fr": "{dose} mg dans {volume} mL donnent {concentration} mg/mL, sous les {min} à {max} "
        "mg/mL de l'étiquetage : une dose inférieure à {min_dose} mg ne peut atteindre "
        "{min} mg/mL dans {volume} mL.",
    },
    "final_concentration_above_label": {
        "en": "{dose} mg in {volume} mL gives {concentration} mg/mL, above the {min}–{max} mg/mL "
        "of the label: a dose over {max_dose} mg exceeds {max} mg/mL in {volume} mL.",
        "fr": "{dose} mg dans {volume} mL donnent {concentration} mg/mL, au-dessus des {min} à "
        "{max} mg/mL de l'étiquetage : une dose supérieure à {max_dose} mg dépasse {max} "
        "mg/mL dans {volume} mL.",
    },
    "final_concentration_unreachable": {
        "en": "The concentrate ({concentration} mg/mL) is already below the {min} mg/mL minimum: "
        "no dilution can reach the labelled range.",
        "fr": "Le concentré ({concentration} mg/mL) est déjà sous le minimum de {min} mg/mL : "
        "aucune dilution ne peut atteindre l'intervalle de l'étiquetage.",
    },
    "concentration_not_positive": {
        "en": "Concentrations must be above zero (target {target} mg/mL, stock {stock} mg/mL).",
        "fr": "Les concentrations doivent être supérieures à zéro (cible {target} mg/mL, "
        "solution mère {stock} mg/mL).",
    },
    "product_mismatch": {
        "en": "Product {product} is not the product of this regimen ({expected}).",
        "fr": "Le produit {product} n'est pas celui de ce schéma ({expected}).",
    },
    "height_required": {
        "en": "This dose is per m² of body-surface area: enter the height.",
        "fr": "Cette dose est exprimée par m² de surface corporelle : saisissez la taille.",
    },
    "weight_required": {
        "en": "This dose is per kg of body weight: enter the weight.",
        "fr": "Cette dose est exprimée par kg de poids : saisissez le poids.",
    },
    "no_dose_in_review": {
        "en": "No dose given in the review for this regimen: Calx calculates none "
        "(the schedule still applies).",
        "fr": "La revue ne donne aucune dose pour ce schéma : Calx n'en calcule pas "
        "(le calendrier s'applique).",
    },
    "dose_below_rounding_step": {
        "en": "The calculated dose ({dose} mg) is under half the {step} mg rounding step: it was "
        "not rounded. Check the inputs.",
        "fr": "La dose calculée ({dose} mg) est inférieure à la moitié du pas d'arrondi de "
        "{step} mg : elle n'a pas été arrondie. Vérifiez les données saisies.",
    },
    "rounding_deviation_above_band": {
        "en": "Rounding changes the dose by {sign}{deviation}% ({calculated} mg → {rounded} mg), "
        "beyond the {band}% band of NICE KTT22: check the dose before giving it.",
        "fr": "L'arrondi modifie la dose de {sign}{deviation} % ({calculated} mg → {rounded} mg), "
        "au-delà de l'écart de {band} % de NICE KTT22 : vérifiez la dose avant de la donner.",
    },
    "renal_caution": {
        "en": "{text}",
        "fr": "{text}",
    },
    "renal_caution_low_clearance": {
        "en": "{estimate} {crcl} {unit} is under {threshold} mL/min: the renal caution "
        "applies to this patient. ({threshold} mL/min is Calx's own threshold: no source "
        "gives one.)",
        "fr": "{estimate} {crcl} {unit}, inférieur à {threshold} mL/min : la "
        "mise en garde rénale concerne ce patient. ({threshold} mL/min est un seuil propre "
        "à Calx : aucune source n'en donne.)",
    },
    "product_note": {
        "en": "{text}",
        "fr": "{text}",
    },
    # working: the steps of a dose calculation, shown in the window, the PDF and the CLI
    "working_bsa_mosteller": {
        "en": "BSA (Mosteller) = √({height} cm × {weight} kg / 3600) = {bsa} m² "
        "({bsa_exact} m² unrounded, used for the dose)",
        "fr": "Surface corporelle (Mosteller) = √({height} cm × {weight} kg / 3600) = {bsa} m² "
        "({bsa_exact} m² non arrondie, utilisée pour la dose)",
    },
    "working_bsa_dubois": {
        "en": "BSA (DuBois & DuBois) = 0.007184 × {weight}^0.425 × {height}^0.725 = {bsa} m² "
        "({bsa_exact} m² unrounded, used for the dose)",
        "fr": "Surface corporelle (DuBois & DuBois) = 0,007184 × {weight}^0,425 × {height}^0,725 "
        "= {bsa} m² ({bsa_exact} m² non arrondie, utilisée pour la dose)",
    },
    "working_bsa_haycock": {
        "en": "BSA (Haycock) = 0.024265 × {weight}^0.5378 × {height}^0.3964 = {bsa} m² "
        "({bsa_exact} m² unrounded, used for the dose)",
        "fr": "Surface corporelle (Haycock) = 0,024265 × {weight}^0,5378 × {height}^0,3964 = "
        "{bsa} m² ({bsa_exact} m² non arrondie, utilisée pour la dose)",
    },
    "working_bsa_gehan_george": {
        "en": "BSA (Gehan & George) = 0.0235 × {weight}^0.51456 × {height}^0.42246 = {bsa} m² "
        "({bsa_exact} m² unrounded, used for the dose)",
        "fr": "Surface corporelle (Gehan & George) = 0,0235 × {weight}^0,51456 × "
        "{height}^0,42246 = {bsa} m² ({bsa_exact} m² non arrondie, utilisée pour la dose)",
    },
    "working_bsa_boyd": {
        "en": "BSA (Boyd) = 0.0003207 × {height}^0.3 × {weight_g}^(0.7285 − 0.0188 × "
        "log₁₀ {weight_g}) (weight in grams) = {bsa} m² ({bsa_exact} m² unrounded, "
        "used for the dose)",
        "fr": "Surface corporelle (Boyd) = 0,0003207 × {height}^0,3 × {weight_g}^(0,7285 − "
        "0,0188 × log₁₀ {weight_g}) (poids en grammes) = {bsa} m² ({bsa_exact} m² non "
        "arrondie, utilisée pour la dose)",
    },
    "working_dose_per_m2": {
        "en": "{amount} {unit}/m² × {bsa_exact} m² = {dose} {unit}",
        "fr": "{amount} {unit}/m² × {bsa_exact} m² = {dose} {unit}",
    },
    "working_dose_per_kg": {
        "en": "{amount} {unit}/kg × {weight} kg = {dose} {unit}",
        "fr": "{amount} {unit}/kg × {weight} kg = {dose} {unit}",
    },
    "working_dose_fixed": {
        "en": "Fixed dose: {amount} {unit} per administration",
        "fr": "Dose fixe : {amount} {unit} par administration",
    },
    "working_dose_fixed_daily": {
        "en": "Fixed dose: {amount} {unit} daily",
        "fr": "Dose fixe : {amount} {unit} par jour",
    },
    "working_dose_chosen": {
        "en": "Dose chosen by the clinician: {value} {unit} (source: {range} {unit})",
        "fr": "Dose choisie par le clinicien : {value} {unit} (source : {range} {unit})",
    },
    "working_dose_default": {
        "en": "Dose by default (the source's lowest value, not chosen by the clinician): "
        "{value} {unit} (source: {range} {unit})",
        "fr": "Dose par défaut (la plus basse valeur de la source, non choisie par le "
        "clinicien) : {value} {unit} (source : {range} {unit})",
    },
    "working_daily_split": {
        "en": "{daily} {unit} daily ÷ {times} doses = {dose} {unit} per dose",
        "fr": "{daily} {unit} par jour ÷ {times} prises = {dose} {unit} par prise",
    },
    "working_daily_not_divided": {
        "en": "{daily} {unit} is the total daily dose; the source does not say "
        "how many doses a day",
        "fr": "{daily} {unit} est la dose quotidienne totale ; la source ne "
        "précise pas le nombre de prises par jour",
    },
    "working_times_per_day": {
        "en": "{dose} {unit} × {times} a day = {daily} {unit} daily",
        "fr": "{dose} {unit} × {times} par jour = {daily} {unit} par jour",
    },
    "working_rounded": {
        "en": "Rounded to {rounded} mg ({sign}{deviation}% from {calculated} mg) "
        "[Calx convention: nearest {step} mg]",
        "fr": "Arrondie à {rounded} mg ({sign}{deviation} % par rapport à {calculated} mg) "
        "[convention de Calx : aux {step} mg les plus proches]",
    },
    "working_rounding_not_needed": {
        "en": "{calculated} mg is already a multiple of {step} mg: no rounding needed "
        "[Calx convention: nearest {step} mg]",
        "fr": "{calculated} mg est déjà un multiple de {step} mg : pas d'arrondi "
        "[convention de Calx : aux {step} mg les plus proches]",
    },
    "working_not_rounded": {
        "en": "No rounding rule for this product: the calculated dose is shown as it is",
        "fr": "Pas de règle d'arrondi pour ce produit : la dose calculée est affichée telle quelle",
    },
    "working_course_total_administrations": {
        "en": "Course: {n} × {dose} {unit} = {total} {unit}",
        "fr": "Cure : {n} × {dose} {unit} = {total} {unit}",
    },
    "working_course_total_days": {
        "en": "Course: {n} days × {dose} {unit} daily = {total} {unit}",
        "fr": "Cure : {n} jours × {dose} {unit} par jour = {total} {unit}",
    },
    "working_volume": {
        "en": "{dose} mg ÷ {concentration} mg/mL = {volume} mL of concentrate",
        "fr": "{dose} mg ÷ {concentration} mg/mL = {volume} mL de solution concentrée",
    },
    "working_vials": {
        "en": "Vials: {vials} ({total} mg; {waste} mg left over)",
        "fr": "Flacons : {vials} ({total} mg ; {waste} mg non utilisés)",
    },
    "working_dilution_fixed": {
        "en": "Diluted to {volume} mL in total: {concentration} mg/mL (allowed {min}–{max} mg/mL)",
        "fr": "Diluée à {volume} mL au total : {concentration} mg/mL "
        "(autorisé : {min} à {max} mg/mL)",
    },
    "working_dilution_range": {
        "en": "To reach {min}–{max} mg/mL, dilute to a total of {volume_min}–{volume_max} mL",
        "fr": "Pour obtenir {min} à {max} mg/mL, diluer à un volume total de {volume_min} à "
        "{volume_max} mL",
    },
    "working_dilution_range_diluent": {
        "en": "To reach {min}–{max} mg/mL, dilute to a total of {volume_min}–{volume_max} mL "
        "(add {diluent_min}–{diluent_max} mL of diluent to the concentrate)",
        "fr": "Pour obtenir {min} à {max} mg/mL, diluer à un volume total de {volume_min} à "
        "{volume_max} mL (ajouter {diluent_min} à {diluent_max} mL de diluant au concentré)",
    },
    "working_concentration": {
        "en": "Concentration given by the review: {value} {unit}",
        "fr": "Concentration donnée par la revue : {value} {unit}",
    },
    "working_crcl": {
        "en": "Creatinine clearance (Cockcroft–Gault, actual body weight) = {crcl} mL/min",
        "fr": "Clairance de la créatinine (Cockcroft–Gault, poids réel) = {crcl} mL/min",
    },
    "working_crcl_unavailable": {
        "en": "Creatinine clearance not calculated (it needs creatinine, age and sex)",
        "fr": "Clairance de la créatinine non calculée (il faut la créatinine, l'âge et le sexe)",
    },
    # --- plans (desktop/reports)
    "plan_date_required": {
        "en": "A plan needs the date it is prepared on (the date of the measurements).",
        "fr": "Un plan doit porter sa date de préparation (la date des mesures).",
    },
    "plan_date_invalid": {
        "en": "“{value}” is not a date: use YYYY-MM-DD, e.g. 2026-01-05.",
        "fr": "« {value} » n'est pas une date : utilisez AAAA-MM-JJ, p. ex. 2026-01-05.",
    },
    "plan_patient_required": {
        "en": "A plan needs the patient's measurements (at least the weight).",
        "fr": "Un plan a besoin des mesures du patient (au moins le poids).",
    },
    "plan_text_invalid": {
        "en": "The {name} field must be text.",
        "fr": "Le champ {name} doit être du texte.",
    },
    "plan_text_required": {
        "en": "The {name} field is empty: the plan needs it.",
        "fr": "Le champ {name} est vide : le plan en a besoin.",
    },
    "plan_text_too_long": {
        "en": "The {name} field is too long ({length} characters; at most {max}).",
        "fr": "Le champ {name} est trop long ({length} caractères ; au plus {max}).",
    },
    "plan_too_many_contacts": {
        "en": "A plan holds at most {max} contact lines.",
        "fr": "Un plan contient au plus {max} lignes de contact.",
    },
    "plan_no_treatment": {
        "en": "A plan needs at least one regimen.",
        "fr": "Un plan doit contenir au moins un schéma.",
    },
    "plan_duplicate_regimen": {
        "en": "The regimen {id} is listed more than once.",
        "fr": "Le schéma {id} figure plusieurs fois.",
    },
    "plan_choice_unknown_regimen": {
        "en": "A choice names the regimen “{id}”, which is not in this plan.",
        "fr": "Un choix porte sur le schéma « {id} », absent de ce plan.",
    },
    "plan_start_unknown_regimen": {
        "en": "A start date is given for the regimen “{id}”, which is not in this plan.",
        "fr": "Une date de début est donnée pour le schéma « {id} », absent de ce plan.",
    },
    "plan_choice_not_a_number": {
        "en": "The choice {name} of {regimen} must be a number, not “{value}”.",
        "fr": "Le choix {name} de {regimen} doit être un nombre, pas « {value} ».",
    },
    "plan_choose_malformed": {
        "en": "“{text}” is not a choice: use REGIMEN_ID:NAME=VALUE.",
        "fr": "« {text} » n'est pas un choix : utilisez ID_SCHEMA:NOM=VALEUR.",
    },
    "plan_therapy_has_regimens": {
        "en": "“{id}” is a therapy with regimens: name one of them ({regimens}).",
        "fr": "« {id} » est un traitement qui a des schémas : indiquez-en un ({regimens}).",
    },
    "plan_not_serialisable": {
        "en": "This plan cannot be saved exactly as it is ({detail}); nothing was saved.",
        "fr": "Ce plan ne peut pas être enregistré tel quel ({detail}) ; rien n'a été enregistré.",
    },
    "saved_plan_not_found": {
        "en": "No saved plan has the id {plan_id}.",
        "fr": "Aucun plan enregistré n'a l'identifiant {plan_id}.",
    },
    "saved_plan_damaged": {
        "en": "The saved plan {plan_id} no longer matches its checksum: it was altered or "
        "damaged and is not shown.",
        "fr": "Le plan enregistré {plan_id} ne correspond plus à son empreinte : il a été modifié "
        "ou endommagé et n'est pas affiché.",
    },
    "saved_plan_unsupported": {
        "en": "This saved plan was written by another version of Calx (format {version}).",
        "fr": "Ce plan enregistré provient d'une autre version de Calx (format {version}).",
    },
    "saved_plan_unreadable": {
        "en": "This saved plan cannot be read back exactly ({detail}).",
        "fr": "Ce plan enregistré ne peut pas être relu à l'identique ({detail}).",
    },
    "user_db_unreadable": {
        "en": "The saved-plans database {path} cannot be opened ({detail}).",
        "fr": "La base des plans enregistrés {path} ne peut pas être ouverte ({detail}).",
    },
    "user_db_damaged": {
        "en": "The saved-plans database {path} is damaged or was altered ({detail}). It was "
        "moved aside, untouched, to {aside}, and nothing was saved or written; the next "
        "save starts a new database.",
        "fr": "La base des plans enregistrés {path} est endommagée ou a été modifiée ({detail}). "
        "Elle a été mise de côté, intacte, sous {aside}, et rien n'a été enregistré ni "
        "écrit ; le prochain enregistrement crée une nouvelle base.",
    },
    "user_db_log_broken": {
        "en": "The log of the saved-plans database {path} no longer verifies ({detail}); nothing "
        "was added to it. Restart Calx: it will set the database aside.",
        "fr": "Le journal de la base des plans enregistrés {path} n'est plus vérifiable "
        "({detail}) ; rien n'y a été ajouté. Redémarrez Calx : il mettra la base de côté.",
    },
    "user_db_write_failed": {
        "en": "Nothing could be saved in the saved-plans database {path} ({detail}); it is "
        "unchanged.",
        "fr": "Rien n'a pu être enregistré dans la base des plans {path} ({detail}) ; elle est "
        "inchangée.",
    },
    "log_time_invalid": {
        "en": "“{value}” is not a date and time for the log.",
        "fr": "« {value} » n'est pas une date et heure valable pour le journal.",
    },
    "log_action_unknown": {
        "en": "“{action}” is not a log action (expected one of: {allowed}).",
        "fr": "« {action} » n'est pas une action du journal (attendu : {allowed}).",
    },
    "calendar_needs_plan": {
        "en": "A calendar export needs the plan's id and date.",
        "fr": "L'export du calendrier a besoin de l'identifiant et de la date du plan.",
    },
    "output_is_folder": {
        "en": "{path} is a folder: give a file name.",
        "fr": "{path} est un dossier : indiquez un nom de fichier.",
    },
    "output_folder_missing": {
        "en": "The folder of {path} does not exist; nothing was written.",
        "fr": "Le dossier de {path} n'existe pas ; rien n'a été écrit.",
    },
    "output_paths_same": {
        "en": "{path} is given for two outputs: use a different file for each.",
        "fr": "{path} est indiqué pour deux sorties : utilisez un fichier différent pour chacune.",
    },
    "dose_too_small_to_show": {
        "en": "This dose ({dose} {unit}) is too small to be printed (it would read “0 {unit}”); "
        "check the value chosen.",
        "fr": "Cette dose ({dose} {unit}) est trop petite pour être imprimée (elle se lirait "
        "« 0 {unit} ») ; vérifiez la valeur choisie.",
    },
    "settings_reset": {
        "en": "{count} setting(s) in {path} could not be read and use their default.",
        "fr": "{count} réglage(s) de {path} illisible(s) : leur valeur par défaut est utilisée.",
    },
    "argument_not_text": {
        "en": "The argument “{text}” holds bytes that are not text (invalid UTF-8); type it again.",
        "fr": "L'argument « {text} » contient des octets qui ne sont pas du texte (UTF-8 "
        "invalide) ; saisissez-le à nouveau.",
    },
    "date_implausible": {
        "en": "{value} is not a plausible date for a plan: Calx accepts {min} to {max}.",
        "fr": "{value} n'est pas une date plausible pour un plan : Calx accepte du {min} au {max}.",
    },
    "start_far_from_plan": {
        "en": "The treatment start {value} is too far from the plan's date {prepared_on}: it may "
        "be up to {before} days before it and {after} days after it.",
        "fr": "Le début du traitement {value} est trop éloigné de la date du plan {prepared_on} : "
        "il peut la précéder de {before} jours au plus et la suivre de {after} jours au "
        "plus.",
    },
    "plan_text_not_unicode": {
        "en": "The {name} field holds bytes that are not text (invalid UTF-8 or a lone "
        "surrogate); type it again.",
        "fr": "Le champ {name} contient des octets qui ne sont pas du texte (UTF-8 invalide ou "
        "substitut isolé) ; saisissez-le à nouveau.",
    },
    "plan_text_rtl_too_long": {
        "en": "The {name} field has a right-to-left line (Arabic or Hebrew) longer than {max} "
        "characters; it would wrap in the wrong order on paper: split it into shorter "
        "lines.",
        "fr": "Le champ {name} a une ligne de droite à gauche (arabe ou hébreu) de plus de {max} "
        "caractères ; elle serait coupée dans le mauvais ordre sur le papier : "
        "découpez-la en lignes plus courtes.",
    },
    "output_is_calx_data": {
        "en": "{path} is one of Calx's own files (its databases, key or settings): Calx never "
        "writes an export there; choose another file.",
        "fr": "{path} est un fichier de Calx lui-même (ses bases, sa clé ou ses réglages) : Calx "
        "n'y écrit jamais d'export ; choisissez un autre fichier.",
    },
    "output_not_a_file": {
        "en": "{path} is not a regular file (a device, a pipe or a socket): Calx never writes an "
        "export over it; choose a file name.",
        "fr": "{path} n'est pas un fichier ordinaire (périphérique, tube ou socket) : Calx n'y "
        "écrit jamais d'export ; choisissez un nom de fichier.",
    },
    "output_exists": {
        "en": "{path} already exists and was kept: choose another file.",
        "fr": "{path} existe déjà et a été conservé : choisissez un autre fichier.",
    },
    "output_not_writable": {
        "en": "Cannot write {path} ({detail}); no file was written.",
        "fr": "Impossible d'écrire {path} ({detail}) ; aucun fichier n'a été écrit.",
    },
}
