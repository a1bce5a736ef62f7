"""``PIL.Image`` for reportlab in the Calx bundle: no image is ever a Pillow image, none opens."""

from __future__ import annotations

from typing import NoReturn


class Image:
    """Never instantiated: reportlab's ``isinstance(x, Image.Image)`` is always False."""


def open(*args: object, **kwargs: object) -> NoReturn:
    raise OSError("this Calx bundle draws no bitmap images (Pillow is left out)")
