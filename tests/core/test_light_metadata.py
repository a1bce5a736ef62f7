"""pint imports without importlib.metadata, and its libraries still learn their true versions."""

from __future__ import annotations

import importlib.metadata
import json
import sys

import pytest
from probe import run_python

from desktop.core.light_metadata import installed_version


def test_the_registry_loads_pint_without_importlib_metadata_and_leaves_no_stand_in() -> None:
    seen = json.loads(
        run_python(
            "import json, sys\n"
            "from desktop.core.units import ureg\n"
            "ureg()\n"
            "import pint, flexcache, flexparser\n"
            "loaded = 'importlib.metadata' in sys.modules\n"
            "import importlib, importlib.metadata\n"
            "print(json.dumps({'loaded': loaded, 'pint': pint.__version__,\n"
            "    'flexcache': flexcache.__version__, 'flexparser': flexparser.__version__,\n"
            "    'real': hasattr(importlib.metadata, 'distributions'),\n"
            "    'attribute': importlib.metadata is sys.modules['importlib.metadata']}))\n"
        )
    )
    assert seen["loaded"] is False
    # The versions pint and its parsers report are the installed ones, as before.
    for name in ("pint", "flexcache", "flexparser"):
        assert seen[name] == importlib.metadata.version(name)
    # Imported afterwards, importlib.metadata is the real module, under both of its names.
    assert seen["real"] is True and seen["attribute"] is True


@pytest.mark.parametrize(
    "distribution",
    [
        "pint",
        "flexcache",
        "flexparser",
        "python-dateutil",
        "python_bidi",
        "PySide6-Essentials",
        "reportlab",
        "holidays",
        "click-default-group",
    ],
)
def test_the_version_read_from_metadata_is_importlib_metadatas(distribution: str) -> None:
    # Names written with "-", "_" or capitals find the wheel's folder as importlib.metadata does.
    assert installed_version(distribution) == importlib.metadata.version(distribution)


def test_an_unknown_distribution_is_none() -> None:
    assert installed_version("no-such-distribution-calx") is None


def test_a_name_the_stand_in_cannot_find_is_asked_of_the_real_module(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib

    from desktop.core.light_metadata import without_importlib_metadata

    monkeypatch.delitem(sys.modules, "importlib.metadata")
    monkeypatch.delattr(importlib, "metadata")
    with without_importlib_metadata():
        from importlib.metadata import version

        with pytest.raises(Exception, match="no-such-distribution-calx") as raised:
            version("no-such-distribution-calx")
        # The real module answered, and stays: a fresh import of it, not the stand-in.
        assert type(raised.value).__name__ == "PackageNotFoundError"
        assert hasattr(sys.modules["importlib.metadata"], "distributions")
    assert hasattr(sys.modules["importlib.metadata"], "distributions")


def test_an_already_imported_importlib_metadata_is_left_alone() -> None:
    from desktop.core.light_metadata import without_importlib_metadata

    real = sys.modules["importlib.metadata"]
    with without_importlib_metadata():
        assert sys.modules["importlib.metadata"] is real
    assert sys.modules["importlib.metadata"] is real


def test_inside_the_block_the_stand_in_answers_and_after_it_is_gone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # In this process importlib.metadata is loaded already: take it out for the block's length
    # (monkeypatch puts it back), as in a fresh ``calx`` process.
    import importlib

    from desktop.core.light_metadata import without_importlib_metadata

    real = sys.modules["importlib.metadata"]
    expected = [real.version(name) for name in ("pint", "python-dateutil")]
    monkeypatch.delitem(sys.modules, "importlib.metadata")
    monkeypatch.delattr(importlib, "metadata")
    with without_importlib_metadata():
        from importlib.metadata import version

        stand_in = sys.modules["importlib.metadata"]
        assert stand_in is not real and not hasattr(stand_in, "distributions")
        assert [version("pint"), version("python-dateutil")] == expected
    assert "importlib.metadata" not in sys.modules
    assert not hasattr(importlib, "metadata")
