"""Comparison section (stub: issue 9 helper C writes it)."""
from __future__ import annotations


def build(outputs, options):
    return None
