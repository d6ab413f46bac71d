"""Sweep sections (stub: issue 9 helper C writes it)."""
from __future__ import annotations


def title_and_provenance(d):
    return d.name, []


def build(d, options):
    return []
