"""Words of a content release (``calx content``, ``desktop.data.content_store``): what was
signed, checked, installed or rolled back, and how a release is described."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # calx content pack / validate / install / rollback / keygen (desktop/cli/content.py)
    "content_packed": {
        "en": "{path}: content {version}, signed by {signer} (key {key})",
        "fr": "{path} : contenu {version}, signé par {signer} (clé {key})",
    },
    "content_valid": {"en": "{path}: valid. {info}", "fr": "{path} : valide. {info}"},
    "content_not_installed": {
        "en": "Not installed: run again with --yes to install this release.",
        "fr": "Non installé : relancez avec --yes pour installer cette version.",
    },
    "content_installed": {
        "en": "Installed content {version}; previous kept: {previous}.",
        "fr": "Contenu {version} installé ; précédent conservé : {previous}.",
    },
    "content_would_roll_back": {
        "en": "Would return from {current} to {target}: run again with --yes.",
        "fr": "Reviendrait de {current} à {target} : relancez avec --yes.",
    },
    "content_rolled_back": {
        "en": "Content {version} in use again.",
        "fr": "Contenu {version} à nouveau utilisé.",
    },
    "content_key_made": {
        "en": "{path}: key {key} for {signer}; public key {public}",
        "fr": "{path} : clé {key} pour {signer} ; clé publique {public}",
    },
    # a release described (desktop.data.content_store.info_text)
    "content_shipped": {"en": "the content shipped with Calx", "fr": "le contenu livré avec Calx"},
    "release_version_date": {
        "en": "Content {version} of {date}",
        "fr": "Contenu {version} du {date}",
    },
    "release_signed_by": {"en": "signed by {signer}", "fr": "signé par {signer}"},
    "release_development_signer": {
        "en": "this machine's development key",
        "fr": "la clé de développement de cet ordinateur",
    },
    "release_unsigned_development": {
        "en": "unsigned (development)",
        "fr": "non signé (développement)",
    },
    "release_today": {"en": "released today", "fr": "publié aujourd'hui"},
    "release_days_old": {"en": "{days} day old", "fr": "publié il y a {days} jour"},
    "release_days_old_many": {"en": "{days} days old", "fr": "publié il y a {days} jours"},
    "release_installed": {"en": "installed", "fr": "installé"},
    "release_shipped": {"en": "shipped with Calx", "fr": "livré avec Calx"},
}
