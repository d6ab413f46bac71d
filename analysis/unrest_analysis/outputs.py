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
    """A JSON object from `path`; ReportError naming the file when it is missing, unreadable, not
    JSON or not an object."""
    try:
        with open(path, encoding="utf-8") as f:
            value = json.load(f)
    except FileNotFoundError:
        raise ReportError(f"{path}: missing (every run directory has it)") from None
    except json.JSONDecodeError as e:
        raise ReportError(
            f"{path}: line {e.lineno} column {e.colno}: expected JSON, {e.msg.lower()}"
        ) from None
    except (OSError, UnicodeDecodeError) as e:
        raise ReportError(f"{path}: cannot be read ({e})") from None
    if not isinstance(value, dict):
        raise ReportError(f"{path}: expected a JSON object, found {type(value).__name__}")
    return value


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


def read_csv_file(path: Path, text_columns: tuple[str, ...] = ()) -> pd.DataFrame:
    """A CSV file as a frame; ReportError naming the file when it is missing or not CSV. Empty
    cells stay empty strings (a region called "NA" must not become NaN); `text_columns` stay
    text."""
    try:
        return pd.read_csv(path, keep_default_na=False, dtype={c: str for c in text_columns})
    except FileNotFoundError:
        raise ReportError(f"{path}: missing") from None
    except pd.errors.EmptyDataError:
        raise ReportError(f"{path}: empty (expected a header line)") from None
    except pd.errors.ParserError as e:
        raise ReportError(f"{path}: not a valid CSV file ({_one_line(str(e))})") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ReportError(f"{path}: cannot be read ({_one_line(str(e))})") from None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def require_numbers(frame: pd.DataFrame, path: Path, columns: list[str]) -> None:
    """ReportError naming the file, line and column of the first cell of `columns` that is not a
    number (line 1 is the header)."""
    for c in columns:
        if pd.api.types.is_numeric_dtype(frame[c]):
            continue
        values = pd.to_numeric(frame[c], errors="coerce")
        bad = values.isna().to_numpy()
        if not bad.any():  # an empty file: no rows, no type
            frame[c] = values.astype("int64") if len(frame) == 0 else values
            continue
        row = int(bad.nonzero()[0][0])
        raise ReportError(
            f"{path}: line {row + 2}: column {c}: expected a number, found {frame[c].iloc[row]!r}"
        )


def _read_csv(directory: Path, dictionary: dict, name: str) -> pd.DataFrame:
    path = directory / name
    frame = read_csv_file(path, text_columns=("region", "id", "time", "date", "details"))
    entry = file_entry(dictionary, name) or {}
    expected = columns_of(dictionary, name)
    missing = [c for c in expected if c not in frame.columns]
    if missing:
        raise ReportError(f"{path}: missing columns {missing}")
    unexpected = [c for c in frame.columns if c not in expected]
    if unexpected:
        raise ReportError(f"{path}: columns {unexpected} not in {DICTIONARY}")
    numeric = [
        c["name"]
        for c in entry.get("columns", [])
        if c.get("metric") or c["name"] in ("tick", "first_tick", "last_tick")
    ]
    require_numbers(frame, path, numeric)
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
    for key in ("files", "metrics", "regions"):
        if not isinstance(dictionary.get(key), list):
            raise ReportError(f"{d / DICTIONARY}: expected a list under {key!r}")
    ts = _read_csv(d, dictionary, "timeseries.csv")
    daily = _read_csv(d, dictionary, "daily.csv") if file_entry(dictionary, "daily.csv") else None
    events = _read_csv(d, dictionary, "events.csv") if file_entry(dictionary, "events.csv") else None
    summary = _read_json(d / "summary.json")
    manifest = _read_json(d / "manifest.json")
    return RunOutputs(d, dictionary, ts, daily, events, summary, manifest)


COMPARISON = "comparison.csv"
# The columns of comparison.csv (docs/reported_figures.md); dictionary.json does not list them.
COMPARISON_COLUMNS = [
    "id", "quantity", "region", "date", "kind", "reported", "reported_min", "reported_max",
    "unit", "simulated", "within", "why", "source",
]


def load_comparison(directory: str | Path) -> pd.DataFrame | None:
    """comparison.csv of a run (written with `compare:`), or None when the run has none. The
    numbers (reported_min, reported_max, simulated) are floats, NaN where empty (an open-ended
    range, a figure not simulated); every other column is text."""
    path = Path(directory) / COMPARISON
    if not path.exists():
        return None
    numbers = ["reported_min", "reported_max", "simulated"]
    text = tuple(c for c in COMPARISON_COLUMNS if c not in numbers)
    frame = read_csv_file(path, text_columns=text)
    missing = [c for c in COMPARISON_COLUMNS if c not in frame.columns]
    if missing:
        raise ReportError(f"{path}: missing columns {missing}")
    for c in numbers:
        cells = frame[c].astype(str).str.strip()
        values = pd.to_numeric(cells.where(cells != "", "nan"), errors="coerce")
        bad = (values.isna() & (cells != "")).to_numpy()
        if bad.any():
            row = int(bad.nonzero()[0][0])
            raise ReportError(
                f"{path}: line {row + 2}: column {c}: expected a number or nothing, "
                f"found {frame[c].iloc[row]!r}"
            )
        frame[c] = values.astype(float)
    return frame
