"""Calx: offline reference and dosing calculator for calcinosis in systemic sclerosis."""

# The application's version, the only place it is written: pyproject.toml, the command line,
# the About box, the bundle and calendars read it from here. (The content has its own version,
# in db/content/_meta.toml.)
__version__ = "0.1.0"
