"""Reading the outputs of `unrest run` (see docs/outputs.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

TIMESERIES_COLUMNS = ["tick", "quiet", "active", "jailed", "cops", "arrests", "releases", "legitimacy"]


@dataclass
class RunOutputs:
    directory: Path
    timeseries: pd.DataFrame
    summary: dict
    manifest: dict


def load_run(directory: str | Path) -> RunOutputs:
    """Loads timeseries.csv, summary.json and manifest.json from an output directory."""
    d = Path(directory)
    ts = pd.read_csv(d / "timeseries.csv")
    missing = [c for c in TIMESERIES_COLUMNS if c not in ts.columns]
    if missing:
        raise ValueError(f"{d / 'timeseries.csv'}: missing columns {missing}")
    with open(d / "summary.json", encoding="utf-8") as f:
        summary = json.load(f)
    with open(d / "manifest.json", encoding="utf-8") as f:
        manifest = json.load(f)
    return RunOutputs(d, ts, summary, manifest)
