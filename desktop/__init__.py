"""Calx: offline reference and dosing calculator for calcinosis in systemic sclerosis."""

__version__ = "0.1.0"
