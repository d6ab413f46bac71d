"""Run sections (stub: issue 9 helper B1 writes it)."""
from __future__ import annotations


def title_and_provenance(outputs):
    return outputs.directory.name, []


def build(outputs, options):
    return []
