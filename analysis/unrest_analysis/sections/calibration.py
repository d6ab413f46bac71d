"""Calibration section (stub: issue 9 helper C writes it)."""
from __future__ import annotations

from ..page import Section


def build(d, options):
    return Section(id="calibration", title="Calibration", placeholder="not yet")
