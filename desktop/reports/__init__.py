"""The plan's documents: the PDFs (reportlab) and the calendar.

reportlab imports ``PIL.Image`` when it starts (``reportlab.lib.utils``) but needs it only to
draw bitmap images, and Calx's PDFs draw none. Importing Pillow's image module loads its C
library and the codecs' libraries (about 2.5 MB of memory). So, when reportlab imports it, it is
made lazy (``importlib.util.LazyLoader``): the module exists as reportlab expects, and Pillow
loads at its first use, which never comes in Calx (reportlab renders one document at a time,
``desktop.ui.plan_render``). Nothing is imported before reportlab asks. The bundle carries a
stub in Pillow's place (``packaging/no_pillow``); this works the same over it.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType


class _LazyPillowImage:
    """A finder that answers for ``PIL.Image`` only, with the spec the other finders give and
    its loader made lazy."""

    @classmethod
    def find_spec(
        cls, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name != "PIL.Image":
            return None
        for finder in sys.meta_path:
            if finder is cls or not hasattr(finder, "find_spec"):
                continue
            spec: ModuleSpec | None = finder.find_spec(name, path, target)
            if spec is None:
                continue
            if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                spec.loader = importlib.util.LazyLoader(spec.loader)
            return spec
        return None


if _LazyPillowImage not in sys.meta_path and "PIL.Image" not in sys.modules:
    sys.meta_path.insert(0, _LazyPillowImage)
