"""Dialogs: preferences, about, intended use."""
