"""Reading the outputs of `unrest run` (see docs/outputs.md).

Nothing here restates the columns: every run directory holds `dictionary.json`, the data
dictionary written by the program from its metric registry, and the reader takes the files, their
columns and the metrics (unit, daily reduction, how regions combine) from it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .errors import ReportError

DICTIONARY = "dictionary.json"


def _read_json(path: Path) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def file_entry(dictionary: dict, name: str) -> dict | None:
    """The dictionary's entry for the file `name`, or None when the run did not write it."""
    for entry in dictionary.get("files", []):
        if entry.get("name") == name:
            return entry
    return None


def columns_of(dictionary: dict, name: str) -> list[str]:
    """The columns of the CSV file `name`, in order, as the dictionary declares them."""
    entry = file_entry(dictionary, name)
    if entry is None or "columns" not in entry:
        raise ReportError(f"{DICTIONARY}: no columns for {name}")
    return [c["name"] for c in entry["columns"]]


def _read_csv(directory: Path, dictionary: dict, name: str) -> pd.DataFrame:
    path = directory / name
    # Text stays text: a region called "NA" or an empty event id must not become NaN.
    frame = pd.read_csv(path, keep_default_na=False, dtype={"region": str, "id": str})
    expected = columns_of(dictionary, name)
    missing = [c for c in expected if c not in frame.columns]
    if missing:
        raise ReportError(f"{path}: missing columns {missing}")
    unexpected = [c for c in frame.columns if c not in expected]
    if unexpected:
        raise ReportError(f"{path}: columns {unexpected} not in {DICTIONARY}")
    return frame


@dataclass
class RunOutputs:
    directory: Path
    dictionary: dict
    timeseries: pd.DataFrame  # long format: one row per tick and region
    daily: pd.DataFrame | None  # one row per region and local day; None without a calendar
    events: pd.DataFrame | None  # one row per event applied
    summary: dict
    manifest: dict

    @property
    def metrics(self) -> list[dict]:
        """The metric registry: name, unit, description, daily_reduction, across_regions, ..."""
        return self.dictionary["metrics"]

    @property
    def metric_names(self) -> list[str]:
        return [m["name"] for m in self.metrics]

    @property
    def regions(self) -> list[str]:
        return [r["name"] for r in self.dictionary["regions"]]

    def region(self, name: str) -> pd.DataFrame:
        """The time series of one region, one row per tick."""
        ts = self.timeseries
        return ts[ts["region"] == name].reset_index(drop=True)

    def totals(self) -> pd.DataFrame:
        """The whole run, one row per tick: each metric combined over the regions as the
        dictionary says (`sum`, or `mean` weighted by the regions' citizens), as summary.json's
        top level does."""
        ts = self.timeseries
        if len(self.regions) == 1:
            return ts[["tick"] + self.metric_names].reset_index(drop=True)
        weights = {r["name"]: r["citizens"] for r in self.dictionary["regions"]}
        w = ts["region"].map(weights).astype(float)
        grouped = ts.groupby("tick", sort=True)
        out = pd.DataFrame({"tick": sorted(ts["tick"].unique())})
        for m in self.metrics:
            name = m["name"]
            if m["across_regions"] == "sum":
                out[name] = grouped[name].sum().to_numpy()
            else:
                weighted = (ts[name] * w).groupby(ts["tick"]).sum()
                out[name] = (weighted / w.groupby(ts["tick"]).sum()).to_numpy()
        return out


def load_run(directory: str | Path) -> RunOutputs:
    """Loads every output of a run directory, as its dictionary.json lists them."""
    d = Path(directory)
    if not (d / DICTIONARY).exists():
        raise ReportError(f"{d}: no {DICTIONARY} (not the output of `unrest run`?)")
    dictionary = _read_json(d / DICTIONARY)
    ts = _read_csv(d, dictionary, "timeseries.csv")
    daily = _read_csv(d, dictionary, "daily.csv") if file_entry(dictionary, "daily.csv") else None
    events = _read_csv(d, dictionary, "events.csv") if file_entry(dictionary, "events.csv") else None
    summary = _read_json(d / "summary.json")
    manifest = _read_json(d / "manifest.json")
    return RunOutputs(d, dictionary, ts, daily, events, summary, manifest)
