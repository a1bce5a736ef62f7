"""The content hash of every released content version: the same version never names two contents.

``db/build.py`` refuses to build a content version listed here with a different content, so an
edit must bump ``content_version`` in ``db/content/_meta.toml``; ``ReferenceDB.open`` refuses a
database whose content version is listed here with another content hash, even if its own stored
hash and the digest beside it were recomputed after an edit. Record a version when it is released
(``python db/build.py --out db/calx.sqlite --record``); never edit or remove a line.
"""

from __future__ import annotations

RELEASED: dict[str, str] = {
    "2026.11.0": "97cc47523388258fe63bd2f35f48689c1cf3cb1ac1f60e37a936af8da0b68179",
    "2026.11.1": "eafbe84b4bb89a17224e4add244a85d129706a94de759b7c83776645939a85bb",
}
