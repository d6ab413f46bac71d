"""Sensitivity section (stub: issue 9 helper C writes it)."""
from __future__ import annotations

from ..page import Section


def build(d, options):
    return Section(id="sensitivity", title="Sensitivity", placeholder="not yet")
