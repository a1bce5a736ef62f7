"""Reusable widgets: rich-text delegate, unit fields, badges."""
