"""Words of the command line's text output (``desktop/cli``) that the window and the PDF do not
share; the shared ones (routes, verification levels, "off-label") are in the other areas."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # calx dose (desktop/cli/dose.py)
    "cli_dose": {"en": "Dose", "fr": "Dose"},
    "cli_no_dose": {"en": "no dose given in the review", "fr": "pas de dose dans la revue"},
    "cli_after": {"en": "Next date after the horizon", "fr": "Date suivante après l'horizon"},
    "cli_to": {"en": "to", "fr": "au"},
    "cli_continues": {"en": "continues", "fr": "se poursuit"},
    "cli_row_dose": {"en": "dose", "fr": "dose"},
    "cli_row_on": {"en": "treatment", "fr": "traitement"},
    "cli_row_off": {"en": "pause", "fr": "pause"},
    "cli_day": {"en": "day", "fr": "jour"},
    "cli_days": {"en": "days", "fr": "jours"},
    "cli_course": {"en": "course", "fr": "cure"},
    # calx body (desktop/cli/dosing.py)
    "cli_not_computed": {"en": "not computed", "fr": "non calculé"},
    # calx check, calx dose (desktop/cli/common.py)
    "cli_alerts": {"en": "Alerts", "fr": "Alertes"},
    # hints the command line adds after a message, in its own terms (desktop/cli/common.py)
    "cli_hint_make_db": {
        "en": "From a source checkout: rebuild it with `make db`.",
        "fr": "Depuis les sources : reconstruisez-la avec `make db`.",
    },
    "cli_hint_therapies": {
        "en": "`calx therapies` lists them all.",
        "fr": "`calx therapies` les liste tous.",
    },
    "cli_hint_key": {"en": "Give it with --key.", "fr": "Indiquez-la avec --key."},
    "cli_hint_regimen": {
        "en": "Add one with --regimen ID.",
        "fr": "Ajoutez-en un avec --regimen ID.",
    },
    "cli_hint_choose": {
        "en": "For example --choose minocycline-cyclic:dose=100.",
        "fr": "Par exemple --choose minocycline-cyclic:dose=100.",
    },
    "cli_hint_choose_dose": {
        "en": "For example --choose every=6.",
        "fr": "Par exemple --choose every=6.",
    },
    "cli_hint_override": {
        "en": "Give it with --override CODE:REASON.",
        "fr": "Donnez-la avec --override CODE:RAISON.",
    },
    "cli_hint_force": {
        "en": "Add --force to replace it.",
        "fr": "Ajoutez --force pour le remplacer.",
    },
}
