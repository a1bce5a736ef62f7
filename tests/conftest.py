"""Shared test set-up. Qt must run offscreen here: there is no display on CI. Calx's cache (which
reference databases were verified) goes to a throwaway folder, never the user's own."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CALX_CACHE", tempfile.mkdtemp(prefix="calx-test-cache-"))
