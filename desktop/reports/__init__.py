"""The plan's documents: the PDFs (reportlab) and the calendar.

reportlab imports ``PIL.Image`` when it starts (``reportlab.lib.utils``) but needs it only to
draw bitmap images, and Calx's PDFs draw none. Importing Pillow's image module loads its C
library and the codecs' libraries (about 2.5 MB of memory). So it is imported lazily: the module
exists as reportlab expects, and Pillow loads at its first use, which never comes in Calx
(reportlab renders one document at a time, ``desktop.ui.plan_render``). The bundle carries a
stub in Pillow's place (``packaging/no_pillow``); this works the same over it.
"""

from __future__ import annotations

import importlib.util
import sys


def _import_pillow_lazily() -> None:
    if "PIL.Image" in sys.modules or "reportlab" in sys.modules:
        return
    try:
        spec = importlib.util.find_spec("PIL.Image")
    except ImportError:
        return
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules["PIL.Image"] = module
    spec.loader.exec_module(module)  # runs nothing yet: Pillow loads at the first attribute
    setattr(sys.modules["PIL"], "Image", module)  # noqa: B010  # as the import system would


_import_pillow_lazily()
