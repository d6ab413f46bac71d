"""Reading a sweep directory (docs/sweeps.md): sweep_manifest.json and runs.csv, checked, and the
reductions the sweep section draws (means over replicates, replicate bands).

Replicate r uses the same seed at every design point (common random numbers). A reduction over
parameters that are averaged out is done per replicate first: a replicate's value at x is the mean
of its successful runs at x (over the other parameters); the band at x spans those replicate values
and the line is the mean of every successful run at x.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import ReportError

MANIFEST = "sweep_manifest.json"
RUNS = "runs.csv"
JOURNAL = "runs.journal.csv"
KEYS = ["run_id", "point", "replicate", "seed"]
CONTINUOUS = ("uniform", "log_uniform")
LOG_KINDS = ("log", "log_uniform")

# Units of the summary statistics a sweep collects (docs/outputs.md, summary.json), by the
# metric's path; `final.<metric>` and `totals.<metric>` take the metric's unit (METRIC_UNITS,
# persons when the registry's unit is persons: counts of a Model I run are agents = persons).
STAT_UNITS = {
    "ticks": "ticks",
    "citizens": "persons",
    "final.tick": "tick",
    "activity.mean_active_fraction": "fraction",
    "activity.peak_active": "persons",
    "activity.peak_tick": "tick",
    "activity.peak_active_fraction": "fraction",
    "activity.quiet_tick_actives": "persons",
    "activity.quiet_tick_fraction": "fraction",
    "outbursts.threshold": "persons",
    "outbursts.count": "outbursts",
    "outbursts.censored": "outbursts",
    "outbursts.total_activation": "person-ticks",
    "outbursts.duration": "ticks",
    "outbursts.waiting_time": "ticks",
    "outbursts.inter_start_interval": "ticks",
    "scale.persons_per_agent": "persons",
}
METRIC_UNITS = {
    "damage_usd": "usd",
    "damage_usd_total": "usd",
    "sites_attacked": "sites",
    "sites_seized": "sites",
    "sites_burned": "sites",
    "legitimacy": "fraction",
    "comms": "fraction",
    "news": "index",
    "fuel_price": "currency/litre",
    "force_level": "level",
    "curfew": "flag",
}
PERSON_METRICS = {
    "quiet", "active", "violent", "jailed", "injured", "dead", "cops", "police_injured",
    "police_dead", "police_withdrawn", "military", "military_withdrawn", "military_injured",
    "military_dead", "arrests", "releases", "detained", "protesters_killed", "bystanders_killed",
    "citizens_wounded", "police_killed", "police_wounded", "military_killed", "military_wounded",
    "armed",
}


def metric_unit(name: str) -> str | None:
    """The unit of a collected metric from its path, None when unknown: `final.jailed` persons,
    `outbursts.duration.mean` ticks, `outbursts.duration.n` outbursts, `regions.almaty.totals.
    damage_usd` usd."""
    path = name
    m = re.match(r"^regions\.[^.]+\.(.+)$", path)
    if m:
        path = m.group(1)
    if path in STAT_UNITS:
        return STAT_UNITS[path]
    head, _, leaf = path.rpartition(".")
    if head in STAT_UNITS and leaf in ("mean", "sd"):
        return STAT_UNITS[head]
    if head in STAT_UNITS and leaf == "n":
        return "count"
    if head in ("final", "totals"):
        if leaf in METRIC_UNITS:
            return METRIC_UNITS[leaf]
        if leaf in PERSON_METRICS:
            return "persons"
    return None


@dataclass
class Parameter:
    key: str
    kind: str  # list, linear, log, uniform, log_uniform
    spec: dict  # the manifest's entry
    numeric: bool  # every value in runs.csv is a number
    levels: list  # the distinct values in runs.csv, in order (numbers sorted; names as listed)

    @property
    def continuous(self) -> bool:
        return self.kind in CONTINUOUS

    @property
    def log(self) -> bool:
        return self.kind in LOG_KINDS

    def describe(self) -> str:
        s = self.spec
        if self.kind == "list":
            return "values " + ", ".join(str(v) for v in s.get("values", []))
        if self.kind in ("linear", "log"):
            return (f"{s.get('count')} values from {s.get('low')} to {s.get('high')}"
                    + (", evenly spaced in log" if self.kind == "log" else ", evenly spaced"))
        if self.kind in CONTINUOUS:
            return (f"drawn from [{s.get('low')}, {s.get('high')})"
                    + (", uniform in log" if self.kind == "log_uniform" else ", uniform"))
        return self.kind


@dataclass
class Sweep:
    directory: Path
    manifest: dict
    runs: pd.DataFrame  # every row of runs.csv, metrics as floats (NaN when undefined or failed)
    parameters: list[Parameter]
    metrics: list[str]
    runs_file: Path  # runs.csv, or the journal of a sweep that did not complete

    @property
    def design(self) -> dict:
        return self.manifest["design"]

    @property
    def kind(self) -> str:
        return self.design.get("kind", "grid")

    @property
    def ok(self) -> pd.DataFrame:
        return self.runs[self.runs["status"] == "ok"]

    @property
    def failed(self) -> pd.DataFrame:
        return self.runs[self.runs["status"] != "ok"]

    @property
    def replicates(self) -> int:
        return len(self.design.get("replicate_seeds", [])) or int(self.runs["replicate"].nunique())

    @property
    def scattered(self) -> bool:
        """True for designs of continuous values (lhs, sobol): scatter plots, not a grid."""
        return self.kind in ("lhs", "sobol") or any(p.continuous for p in self.parameters)


def _read_json(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as e:
        raise ReportError(f"{path}: cannot read ({e.strerror})") from e
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise ReportError(f"{path}: not valid JSON ({e})") from e
    if not isinstance(data, dict):
        raise ReportError(f"{path}: expected a JSON object")
    return data


def _need(path: Path, mapping: dict, key: str, kind: type, where: str):
    value = mapping.get(key)
    if not isinstance(value, kind):
        raise ReportError(f"{path}: {where}{key}: expected a {kind.__name__}, found {value!r}")
    return value


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def load_sweep(directory: str | Path) -> Sweep:
    """The sweep's manifest and runs; ReportError naming the file (and line and column) when
    either is missing or malformed."""
    d = Path(directory)
    mpath = d / MANIFEST
    manifest = _read_json(mpath)
    design = _need(mpath, manifest, "design", dict, "")
    _need(mpath, design, "kind", str, "design.")
    specs = _need(mpath, design, "parameters", list, "design.")
    metrics = _need(mpath, design, "metrics", list, "design.")
    for i, spec in enumerate(specs):
        if not isinstance(spec, dict) or not isinstance(spec.get("key"), str):
            raise ReportError(f"{mpath}: design.parameters[{i}].key: expected a string")
    if not all(isinstance(m, str) for m in metrics):
        raise ReportError(f"{mpath}: design.metrics: expected a list of strings")
    rpath = d / RUNS
    if not rpath.exists():
        if (d / JOURNAL).exists():
            rpath = d / JOURNAL
        else:
            raise ReportError(f"{rpath}: no such file (sweep status: "
                              f"{manifest.get('status', 'unknown')})")
    try:
        raw = pd.read_csv(rpath, dtype=str, keep_default_na=False)
    except (OSError, ValueError, pd.errors.ParserError) as e:
        raise ReportError(f"{rpath}: not a readable CSV file ({e})") from e
    keys = [s["key"] for s in specs]
    expected = KEYS + keys + metrics + ["status", "error"]
    missing = [c for c in expected if c not in raw.columns]
    if missing:
        raise ReportError(f"{rpath}: missing column(s) {', '.join(missing)} (expected the "
                          f"columns {MANIFEST} declares: {', '.join(expected)})")
    runs = raw[expected].copy()
    for c in KEYS:
        bad = [i for i, v in enumerate(raw[c]) if not v.isdigit()]
        if bad:
            raise ReportError(f"{rpath}:{bad[0] + 2}: column {c}: expected a non-negative "
                              f"integer, found {raw[c].iloc[bad[0]]!r}")
        runs[c] = raw[c].astype(np.int64)
    bad = [i for i, v in enumerate(raw["status"]) if v not in ("ok", "error")]
    if bad:
        raise ReportError(f"{rpath}:{bad[0] + 2}: column status: expected ok or error, found "
                          f"{raw['status'].iloc[bad[0]]!r}")
    for m in metrics:
        values = []
        for i, (text, status) in enumerate(zip(raw[m], raw["status"])):
            value = _number(text)
            if value is None and text != "" and status == "ok":
                raise ReportError(f"{rpath}:{i + 2}: column {m}: expected a number or nothing "
                                  f"(undefined), found {text!r}")
            values.append(value if status == "ok" and value is not None else np.nan)
        runs[m] = np.array(values, dtype=float)
    parameters = []
    for spec in specs:
        key = spec["key"]
        texts = list(raw[key])
        numbers = [_number(t) for t in texts]
        numeric = all(v is not None for v in numbers) and len(texts) > 0
        if numeric:
            runs[key] = np.array(numbers, dtype=float)
            levels = sorted(set(runs[key]))
        else:
            listed = [str(v) for v in spec.get("values", [])]
            seen = list(dict.fromkeys(texts))
            levels = [v for v in listed if v in seen] + [v for v in seen if v not in listed]
        parameters.append(Parameter(key, str(spec.get("kind", "list")), spec, numeric, levels))
    return Sweep(d, manifest, runs.reset_index(drop=True), parameters, list(metrics), rpath)


def grid_means(ok: pd.DataFrame, metric: str, x: Parameter, y: Parameter) -> np.ndarray:
    """Mean of `metric` over the successful runs at each (y level, x level): shape (len(y.levels),
    len(x.levels)); NaN where no run gave a value. Other parameters are averaged over."""
    out = np.full((len(y.levels), len(x.levels)), np.nan)
    valid = ok[ok[metric].notna()]
    for (xv, yv), group in valid.groupby([x.key, y.key], sort=False):
        out[y.levels.index(yv), x.levels.index(xv)] = group[metric].mean()
    return out


@dataclass
class Band:
    levels: list  # x values (the parameter's levels that have a value)
    mean: np.ndarray
    low: np.ndarray
    high: np.ndarray


def band_over(ok: pd.DataFrame, metric: str, x: Parameter, quantiles: tuple[float, float] | None
              ) -> Band:
    """The line and band of `metric` over x: the mean of every successful run at each x level,
    and the spread of the replicates' values there (each replicate's value: the mean of its runs
    at that level, over the other parameters): min-max when `quantiles` is None, else those
    quantiles (e.g. (0.1, 0.9))."""
    valid = ok[ok[metric].notna()]
    levels, mean, low, high = [], [], [], []
    for level in x.levels:
        at = valid[valid[x.key] == level]
        if at.empty:
            continue
        per_replicate = at.groupby("replicate")[metric].mean().to_numpy()
        levels.append(level)
        mean.append(at[metric].mean())
        if quantiles is None:
            low.append(per_replicate.min())
            high.append(per_replicate.max())
        else:
            low.append(np.quantile(per_replicate, quantiles[0]))
            high.append(np.quantile(per_replicate, quantiles[1]))
    return Band(levels, np.array(mean), np.array(low), np.array(high))


def point_means(ok: pd.DataFrame, metric: str, keys: list[str]) -> pd.DataFrame:
    """One row per design point: its parameters and the mean of `metric` over its successful
    replicates (points without a value left out)."""
    valid = ok[ok[metric].notna()]
    grouped = valid.groupby("point", sort=True)
    frame = grouped[keys].first()
    frame[metric] = grouped[metric].mean()
    return frame.reset_index()
