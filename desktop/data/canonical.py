"""One spelling per JSON value, for everything Calx hashes, signs or stores as text.

Sorted keys, no spaces, UTF-8 characters kept (not ``\\u`` escapes), NaN and infinity refused
(``ValueError``): the same value always gives the same bytes, so a content hash, a release
signature, a saved plan's id and a log entry's chain can be recomputed and compared.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def sha256_hex(data: bytes | str) -> str:
    """The sha256 of ``data`` (text as UTF-8), in hexadecimal."""
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def canonical_json(value: Any) -> str:
    """``value`` as canonical JSON text (encode it as UTF-8 to hash or sign it)."""
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
