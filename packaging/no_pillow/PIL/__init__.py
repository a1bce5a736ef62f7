"""Stands in for Pillow in the Calx bundle, which leaves Pillow out (6.6 MB with its libraries).

reportlab imports ``PIL.Image`` when it starts (``reportlab.lib.utils``) but needs it only to draw
bitmap images, and Calx's PDFs draw none: text, tables and lines. This stub satisfies that import
and refuses any image clearly. Development and tests use the real Pillow (requirements.lock);
only ``packaging/calx.spec`` puts this folder in the bundle, in Pillow's place.
"""
