"""The reported figures of comparison.csv (docs/reported_figures.md), placed for drawing beside the
run's daily figures: which panel (a region of the run, or all of them), which time window and
which glyph (a value, a range, an open-ended bound).

A figure's region is the run's region of the same name (letter case aside), or the regions that
the scenario's `compare.regions` maps it to (manifest.json's parameters), and `national` is every
region of the run: the comparison's own reading. A figure about a region the run does not have,
about a quantity the model does not simulate, or about dates the run does not cover is not drawn
(the captions say so)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

import pandas as pd

from .outputs import RunOutputs
from .timeline_marks import parse_time

ALL = "*"  # the scope of a figure compared with every region of the run added together


@dataclass
class ReportedFigure:
    id: str
    quantity: str
    region: str
    date: str
    kind: str
    reported: str  # the words or value as the file gave them
    low: float
    high: float  # NaN: open-ended ("at least", "more than")
    unit: str
    simulated: float  # NaN when not simulated
    within: str
    why: str
    source: str
    start: datetime  # the window: [start, end); a cumulative figure's as-of moment is `end`
    end: datetime
    scope: str | None  # a region of the run, ALL, or None (not in the run)
    note: str = ""  # said on hover and in the caption (a national figure on one region, ...)

    @property
    def open_ended(self) -> bool:
        return math.isnan(self.high)

    @property
    def is_value(self) -> bool:
        return not self.open_ended and self.low == self.high

    @property
    def drawable(self) -> bool:
        return self.scope is not None and self.within != "not simulated"

    @property
    def day(self) -> datetime:
        """The local day of a daily figure."""
        return datetime(self.start.year, self.start.month, self.start.day)

    def glyph(self) -> str:
        if self.open_ended:
            more = self.reported.lower().startswith(("more", ">")) and ">=" not in self.reported
            return f"{'more than' if more else 'at least'} {self.low:,.0f}"
        if self.is_value:
            return f"{self.low:,.0f}"
        return f"{self.low:,.0f} to {self.high:,.0f}"

    def tip(self) -> str:
        sim = "" if math.isnan(self.simulated) else f"; simulated {self.simulated:,.0f}"
        where = f" ({self.within})" if self.within in ("yes", "no") else ""
        note = f"; {self.note}" if self.note else ""
        why = f"; {self.why}" if self.why else ""
        return (f"reported {self.quantity}, {self.region}, {self.kind} {self.date}: "
                f"{self.reported} [{self.glyph()} {self.unit}]{sim}{where}{why}{note}. "
                f"Source: {self.source} ({self.id})")


def _window(date: str, kind: str) -> tuple[datetime, datetime]:
    """[start, end) of the figure's dates: a span's from..to (a date as `to` is its end); a day;
    a cumulative figure: up to the end of its day, or its time."""
    if ".." in date:
        a, b = date.split("..", 1)
        start = parse_time(a)
        end = parse_time(b) + (timedelta(days=1) if "T" not in b else timedelta(0))
        return start, end
    moment = parse_time(date)
    day = datetime(moment.year, moment.month, moment.day)
    if kind in ("cumulative", "daily"):  # up to its time, or the day's end
        return day, moment if "T" in date else day + timedelta(days=1)
    return day, day + timedelta(days=1)


def region_map(outputs: RunOutputs) -> dict[str, list[str]]:
    """compare.regions from the manifest's resolved parameters: reported region -> run regions."""
    compare = (outputs.manifest.get("parameters") or {}).get("compare") or {}
    mapping = compare.get("regions") or {}
    out: dict[str, list[str]] = {}
    if isinstance(mapping, dict):
        for k, v in mapping.items():
            out[str(k)] = [str(x) for x in (v if isinstance(v, list) else [v])]
    return out


def _scope(region: str, outputs: RunOutputs, mapping: dict[str, list[str]]
           ) -> tuple[str | None, str]:
    regions = outputs.regions
    if region in mapping:
        mapped = [r for r in mapping[region] if r in regions]
    elif region.lower() == "national":
        mapped = list(regions)
    else:
        mapped = [r for r in regions if r.lower() == region.lower()]
    if not mapped:
        return None, f"region {region} is not in the run"
    if set(mapped) == set(regions):
        if len(regions) == 1:
            note = "" if mapped[0].lower() == region.lower() else (
                f"a {region} figure, compared with the run's one region, {mapped[0]}")
            return mapped[0], note
        note = "" if region.lower() == "national" else "compared with all regions of the run"
        return ALL, note
    if len(mapped) == 1:
        note = "" if mapped[0].lower() == region.lower() else f"compared with {mapped[0]}"
        return mapped[0], note
    return ALL, f"compared with {' + '.join(mapped)} (drawn with all regions)"


def reported_figures(outputs: RunOutputs, comparison: pd.DataFrame | None
                     ) -> list[ReportedFigure]:
    """Every row of comparison.csv, placed."""
    if comparison is None:
        return []
    mapping = region_map(outputs)
    out = []
    for _, row in comparison.iterrows():
        start, end = _window(str(row["date"]), str(row["kind"]))
        scope, note = _scope(str(row["region"]), outputs, mapping)
        out.append(ReportedFigure(
            id=str(row["id"]), quantity=str(row["quantity"]), region=str(row["region"]),
            date=str(row["date"]), kind=str(row["kind"]), reported=str(row["reported"]),
            low=float(row["reported_min"]), high=float(row["reported_max"]),
            unit=str(row["unit"]), simulated=float(row["simulated"]), within=str(row["within"]),
            why=str(row["why"]), source=str(row["source"]), start=start, end=end, scope=scope,
            note=note))
    return out
