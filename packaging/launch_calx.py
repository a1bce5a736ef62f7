"""Entry point of the frozen Calx executable: the same ``main`` as ``python -m desktop``.

With ``CALX_BUNDLE_CHECK=imports`` in the environment (set by build_installer.py only) it instead
imports every module of the ``desktop`` package and exits: the proof that nothing the app imports
late or by name (CLI command groups, reports, dialogs) was left out of the bundle.
"""

import os
import sys


def check_imports() -> int:
    import importlib
    import pkgutil

    import desktop

    names = sorted(m.name for m in pkgutil.walk_packages(desktop.__path__, "desktop."))
    failed = 0
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as error:  # report every module that cannot load, then fail
            failed += 1
            print(f"cannot import {name}: {type(error).__name__}: {error}", file=sys.stderr)
    print(f"imported {len(names) - failed} of {len(names)} desktop modules")
    return 1 if failed or not names else 0


if os.environ.get("CALX_BUNDLE_CHECK") == "imports":
    raise SystemExit(check_imports())

from desktop.__main__ import main  # noqa: E402

raise SystemExit(main())
