"""Importing pint without ``importlib.metadata``.

pint, flexcache and flexparser each ask ``importlib.metadata.version()`` for their own version at
import, and importing that module brings in email parsing, csv, zipfile and more: about 13 ms of
every ``calx`` command, a tenth of ``calx dose`` (benchmarks/bench_process.py). Nothing in Calx
reads those versions (pint uses its own only to name a disk cache, and Calx's registry has none).

While the block runs, ``importlib.metadata`` is a stand-in whose ``version`` reads the one
``Version:`` header of the installed distribution's METADATA file, the file the real function
reads too. A name it cannot find there is passed to the real module. After the block the stand-in
is gone: whoever imports ``importlib.metadata`` later gets the real one. The block is process-wide
for its few tens of ms: no other thread of Calx imports then (the window's PDF jobs, its only
threads, start from a plan, which needs the registry first).
"""

from __future__ import annotations

import os
import re
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager

_MODULE = "importlib.metadata"


def _normalized(name: str) -> str:
    # PEP 503 names; wheels write "-", "_" and "." in a project's name as "_" in the folder name.
    return re.sub(r"[-_.]+", "_", name).lower()


def installed_version(distribution: str) -> str | None:
    """The ``Version:`` header of ``distribution``'s ``*.dist-info/METADATA`` on ``sys.path``
    (the first found, in path order, as importlib.metadata does), or None."""
    wanted = _normalized(distribution)
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # a zip file, a missing folder
            continue
        for name in names:
            if name.endswith(".dist-info") and _normalized(name.partition("-")[0]) == wanted:
                try:
                    with open(os.path.join(entry, name, "METADATA"), encoding="utf-8") as file:
                        for line in file:
                            if line.startswith("Version:"):
                                return line[len("Version:") :].strip()
                            if not line.strip():  # the headers end at the first blank line
                                break
                except OSError:
                    pass
    return None


def _version(distribution: str) -> str:
    found = installed_version(distribution)
    if found is not None:
        return found
    sys.modules.pop(_MODULE, None)  # the real module takes over from here
    from importlib.metadata import version

    return version(distribution)


@contextmanager
def without_importlib_metadata() -> Iterator[None]:
    """Imports inside the block see a stand-in ``importlib.metadata`` with only ``version``."""
    if _MODULE in sys.modules:  # already paid for: nothing to save
        yield
        return
    stand_in = types.ModuleType(_MODULE, "Calx's stand-in while pint imports (see its module).")
    stand_in.version = _version  # type: ignore[attr-defined]
    sys.modules[_MODULE] = stand_in
    try:
        yield
    finally:
        if sys.modules.get(_MODULE) is stand_in:  # else the real one took over in the block
            del sys.modules[_MODULE]
