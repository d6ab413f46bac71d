"""summary.json as the page's tables: totals and final values, activity and outbursts, for the
whole run and per region; the list of outbursts; the timeline's events."""

from __future__ import annotations

import pandas as pd

from .outputs import RunOutputs
from .timeline_marks import TimeAxis, fmt_time


def number(value, unit: str | None = None) -> str:
    """A number as the tables show it: integers with thousands separators, dollars to the dollar,
    other reals to 4 significant digits; empty for null."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if unit == "usd" or abs(value) >= 1000 or (value.is_integer() and value != 0):
            return f"{value:,.0f}"
        return f"{value:.4g}"
    return str(value)


def _columns(outputs: RunOutputs) -> list[tuple[str, dict]]:
    """(column title, summary block): the whole run, then each region when there are several."""
    cols = [("whole run", outputs.summary)]
    if len(outputs.regions) > 1:
        regions = outputs.summary.get("regions") or {}
        cols += [(r, regions.get(r, {})) for r in outputs.regions]
    return cols


def totals_table(outputs: RunOutputs) -> tuple[pd.DataFrame, list[str]]:
    """One row per metric: the flows summed over the run (`totals`), then the others at the last
    tick (`final`); metrics 0 in every column are left out (returned second)."""
    cols = _columns(outputs)
    units = {m["name"]: m.get("unit") for m in outputs.metrics}
    rows, zero = [], []
    for block, what in (("totals", "total over the run"), ("final", "at the end")):
        names = [k for k in (outputs.summary.get(block) or {}) if k != "tick"]
        for name in names:
            values = [(c[1].get(block) or {}).get(name) for c in cols]
            if all(v in (0, 0.0, None) for v in values):
                zero.append(name)
                continue
            row = {"metric": name, "unit": units.get(name) or "", "value": what}
            for (title, _), v in zip(cols, values):
                row[title] = number(v, units.get(name))
            rows.append(row)
    return pd.DataFrame(rows), zero


def _stat(block: dict, path: str):
    value = block
    for key in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _mean_sd(block: dict, path: str) -> str:
    s = _stat(block, path)
    if not isinstance(s, dict) or not s.get("n"):
        return ""
    sd = f" (sd {number(s['sd'])})" if s.get("sd") is not None else ""
    return f"{number(s['mean'])}{sd}, n = {s['n']}"


ACTIVITY = [
    ("ticks", "ticks", "ticks"),
    ("citizens", "citizens", "persons"),
    ("activity.peak_active", "most active at once", "persons"),
    ("activity.peak_tick", "first tick with the most active", "tick"),
    ("activity.peak_active_fraction", "most active at once / citizens", "1"),
    ("activity.mean_active_fraction", "mean active / citizens", "1"),
    ("activity.quiet_tick_fraction", "share of quiet ticks (fewer than 10 active)", "1"),
    ("outbursts.count", "outbursts", "outbursts"),
    ("outbursts.censored", "outburst under way at the end", "outbursts"),
]
OUTBURST_STATS = [
    ("outbursts.duration", "outburst duration: mean", "ticks"),
    ("outbursts.total_activation", "total activation: mean", "person-ticks"),
    ("outbursts.waiting_time", "waiting time between outbursts: mean", "ticks"),
    ("outbursts.inter_start_interval", "interval between starts: mean", "ticks"),
]


def activity_table(outputs: RunOutputs, axis: TimeAxis) -> pd.DataFrame:
    """Activity and outbursts, the whole run and each region."""
    cols = _columns(outputs)
    rows = []
    for path, name, unit in ACTIVITY:
        row = {"statistic": name, "unit": unit}
        for title, block in cols:
            value = _stat(block, path)
            if path == "activity.peak_tick" and isinstance(value, int) and axis.calendar:
                row[title] = f"{value:,} ({fmt_time(axis.tick_start[value])})"
            else:
                row[title] = number(value)
        rows.append(row)
    for path, name, unit in OUTBURST_STATS:
        row = {"statistic": name, "unit": unit}
        for title, block in cols:
            row[title] = _mean_sd(block, path)
        rows.append(row)
    return pd.DataFrame(rows)


def outbursts_table(outputs: RunOutputs, axis: TimeAxis) -> pd.DataFrame:
    """The outbursts of the whole run, in order."""
    rows = []
    for n, o in enumerate((outputs.summary.get("outbursts") or {}).get("list") or [], 1):
        row = {"#": n, "start (tick)": o.get("start"), "end (tick)": o.get("end")}
        if axis.calendar:
            row["start (local time)"] = fmt_time(axis.tick_start[o["start"]])
        row["duration (ticks)"] = o.get("duration")
        row["total activation (person-ticks)"] = number(o.get("total_activation"))
        row["peak (persons)"] = number(o.get("peak"))
        row["censored"] = "yes" if o.get("censored") else ""
        rows.append(row)
    return pd.DataFrame(rows)


def events_table(outputs: RunOutputs) -> pd.DataFrame | None:
    """events.csv as it is (time, region, type, id, phase, details)."""
    ev = outputs.events
    if ev is None or len(ev) == 0:
        return None
    cols = [c for c in ("tick", "time", "region", "type", "id", "phase", "details")
            if c in ev.columns]
    table = ev[cols].reset_index(drop=True)
    if "time" in table.columns:  # one line: "2022-01-05 12:00", not broken at the T
        table["time"] = [t.replace("T", "\u00a0") for t in table["time"]]
    return table
