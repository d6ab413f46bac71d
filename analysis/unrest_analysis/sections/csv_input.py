"""Reading the small CSV files of the calibration and sensitivity sections, checked: every
problem is a ReportError naming the file, the line (header = line 1) and the column."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import ReportError

# Column kinds: "text" (non-empty), "number" (finite), "int" (an integer >= 0),
# "weight" (finite, >= 0), "fraction" (in [0, 1]).
EXPECTED = {
    "text": "a non-empty text",
    "number": "a finite number",
    "int": "an integer >= 0",
    "weight": "a number >= 0",
    "fraction": "a number in [0, 1]",
}


def _value(kind: str, text: str):
    if kind == "text":
        return text if text.strip() else None
    if kind == "int":
        return int(text) if text.isdigit() else None
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    if kind == "weight" and value < 0:
        return None
    if kind == "fraction" and not 0 <= value <= 1:
        return None
    return value


def read_checked(path: Path, columns: dict[str, str], extra: str | None = None,
                 min_rows: int = 1) -> pd.DataFrame:
    """The CSV file at `path` with `columns` (name -> kind) converted; other columns are refused,
    or with `extra` (a kind) kept and converted as that kind, in file order (the posterior's
    parameters). ReportError: 'FILE: missing column X', 'FILE:LINE: column X: expected ..., found
    ...', 'FILE: expected at least N rows'."""
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError as e:
        raise ReportError(f"{path}: empty file (expected a header line: "
                          f"{', '.join(columns)})") from e
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as e:
        raise ReportError(f"{path}: not a readable CSV file ({e})") from e
    missing = [c for c in columns if c not in raw.columns]
    if missing:
        raise ReportError(f"{path}: missing column {missing[0]} (expected the columns "
                          f"{', '.join(columns)}{' and more' if extra else ''})")
    others = [c for c in raw.columns if c not in columns]
    if others and extra is None:
        raise ReportError(f"{path}: unexpected column {others[0]} (expected the columns "
                          f"{', '.join(columns)})")
    unnamed = [c for c in others if c.startswith("Unnamed:") or not c.strip()]
    if unnamed:
        raise ReportError(f"{path}: a column without a name (expected a name per column)")
    if len(raw) < min_rows:
        raise ReportError(f"{path}: expected at least {min_rows} row(s), found {len(raw)}")
    kinds = dict(columns)
    kinds.update({c: extra for c in others})
    out = pd.DataFrame(index=raw.index)
    for name in list(columns) + others:
        kind = kinds[name]
        values = []
        for i, text in enumerate(raw[name]):
            value = _value(kind, text)
            if value is None:
                raise ReportError(f"{path}:{i + 2}: column {name}: expected {EXPECTED[kind]}, "
                                  f"found {text!r}")
            values.append(value)
        out[name] = values if kind == "text" else np.array(
            values, dtype=np.int64 if kind == "int" else float)
    return out


def present(directory: Path, names: list[str]) -> dict[str, Path]:
    """Which of the files `names` exist under `directory`: name -> path."""
    return {n: directory / n for n in names if (directory / n).is_file()}


def files_placeholder(folder: str, files: dict[str, str], found: dict[str, Path],
                      none_found: str) -> str | None:
    """The placeholder of a section drawn from the optional files `files` (name -> what it shows)
    under `folder`: with none found, `none_found` followed by every file and what it shows; with
    some missing, those; with all found, None."""
    if not found:
        return none_found + "; ".join(f"{folder}/{n}: {w}" for n, w in files.items()) + "."
    missing = [n for n in files if n not in found]
    if missing:
        return "Not found, so not shown: " + "; ".join(
            f"{folder}/{n} ({files[n]})" for n in missing) + "."
    return None
