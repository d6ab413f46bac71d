"""Maps and animation (stub: issue 9 helper B2 writes it)."""
from __future__ import annotations


def build(outputs, options):
    return []
