"""Shared test set-up. Qt must run offscreen here: there is no display on CI."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
