"""A run's time axis and the timeline's events as marks on it.

Time: with a calendar, the x axis is the local wall clock of a region (timeseries.csv's `time`, the
local time at which each tick starts): the state after tick t is drawn at the end of the tick (the
start of tick t + 1; tick 0, the initial state, at the calendar's start) and an event applied
during tick t at the tick's start, the time events.csv gives it. Without a calendar (Model I) the
axis counts ticks.

Marks, from events.csv (docs/outputs.md, docs/timeline.md):
- named timeline events (legitimacy, price, comms, force_level, contingent, police_withdrawal,
  ...): a vertical line at each one-off event (`at`) and at the start of each event with from/to,
  labelled by its id in a strip above the panels, in rows so that no two labels overlap;
- curfews: a shaded band from start to end (to the end of the run when it ends after it);
- sites seized or burned (type `site`): a small marker at the top of the panel;
- the forces' own records (type `police` or `military`: officers overwhelmed, ordered off,
  contingents deployed): a small tick at the bottom of the forces' panel.
Every mark carries a hover text: time, id and details.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.font_manager import FontProperties
from matplotlib.transforms import blended_transform_factory

from .outputs import RunOutputs

SITE_TYPE = "site"
FORCE_TYPES = ("police", "military")  # records the engine writes, not timeline events
CURFEW = "curfew"
STARTS = ("at", "start")

# Colours of the named events by type (the agents' and sides' colours are style.COLOURS).
TYPE_COLOURS = {
    "legitimacy": "#6a1b9a",
    "price": "#ef6c00",
    "force_level": "#c62828",
    "comms": "#00838f",
    "contingent": "#2e7d32",
    "police_withdrawal": "#1565c0",
    "cop_density": "#1565c0",
}
OTHER_COLOUR = "#546e7a"
CURFEW_COLOUR = "#3949ab"
SITE_MARKERS = {"seized": ("v", "#e53935"), "burned": ("v", "#000000")}

LABEL_SIZE = 7.5  # points
LABEL_ROW_INCHES = 0.17


def parse_time(text: str) -> datetime:
    """A local date-time `YYYY-MM-DDTHH:MM` (or a date, read as its 00:00)."""
    if "T" in text:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M")
    return datetime.strptime(text, "%Y-%m-%d")


def fmt_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


@dataclass
class TimeAxis:
    """Positions on the x axis of one region's ticks (or the whole run's, on the first region's
    clock)."""

    calendar: bool
    region: str
    utc_offset: str | None  # "+06:00"
    tick_start: dict[int, datetime] = field(default_factory=dict)  # tick -> local start time
    tick_seconds: float = 0.0

    def state_x(self, ticks) -> np.ndarray:
        """Where the state after each tick is drawn: its end (tick 0: the calendar's start)."""
        ticks = np.asarray(ticks, dtype=int)
        if not self.calendar:
            return ticks.astype(float)
        step = timedelta(seconds=self.tick_seconds)
        moments = [self.tick_start[t] + (step if t > 0 else timedelta(0)) for t in ticks]
        return mdates.date2num(moments)

    def event_x(self, tick: int) -> float:
        """Where an event applied during `tick` is drawn: the tick's start."""
        if not self.calendar:
            return float(tick)
        return float(mdates.date2num(self.tick_start[int(tick)]))

    def end_x(self) -> float:
        """The end of the last tick."""
        last = max(self.tick_start) if self.calendar else None
        if last is None:
            return float("nan")
        return float(self.state_x([last])[0])

    @property
    def label(self) -> str:
        if not self.calendar:
            return "tick"
        zone = f" (UTC{self.utc_offset})" if self.utc_offset else ""
        return f"local time, {self.region}{zone}"


def time_axis(outputs: RunOutputs, region: str | None = None) -> TimeAxis:
    """The axis of `region`, or of the whole run (None): the first region's clock."""
    name = region if region is not None else outputs.regions[0]
    zones = {r["name"]: r.get("time_zone") for r in outputs.dictionary["regions"]}
    ts = outputs.region(name)
    calendar = "time" in ts.columns and bool(outputs.dictionary.get("calendar", True))
    if not calendar:
        return TimeAxis(False, name, None)
    starts = {int(t): parse_time(s) for t, s in zip(ts["tick"], ts["time"])}
    cal = outputs.summary.get("calendar") or {}
    seconds = cal.get("tick_seconds")
    if not seconds:
        ticks = sorted(starts)
        seconds = (starts[ticks[-1]] - starts[ticks[1]]).total_seconds() / max(
            1, ticks[-1] - ticks[1]) if len(ticks) > 2 else 0.0
    return TimeAxis(True, name, zones.get(name), starts, float(seconds))


def format_time_axis(ax, axis: TimeAxis, label: bool = True, width_inches: float = 9.0) -> None:
    """Date ticks as local dates ("05 Jan", with the hour when ticks fall within days), as many as
    fit in `width_inches` without overlapping; or plain ticks without a calendar."""
    if axis.calendar:
        lo, hi = ax.get_xlim()
        hours = (hi - lo) * 24
        for step in (1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720):
            per_label = 0.55 if step < 24 else 0.6
            if hours / step * per_label <= width_inches:
                break
        if step < 24:
            ax.xaxis.set_major_locator(mdates.HourLocator(byhour=range(0, 24, step)))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%H:%M\n%d %b"))
        else:
            ax.xaxis.set_major_locator(mdates.DayLocator(interval=step // 24))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
            if step == 24:
                ax.xaxis.set_minor_locator(mdates.HourLocator(byhour=[6, 12, 18]))
    if label:
        ax.set_xlabel(axis.label)


@dataclass
class Mark:
    kind: str  # "line" (named event), "band" (curfew), "site", "force"
    x: float
    end: float | None  # bands only
    tick: int
    type: str
    id: str
    phase: str
    details: str
    regions: list[str]
    tip: str

    @property
    def colour(self) -> str:
        if self.kind == "band":
            return CURFEW_COLOUR
        if self.kind == "site":
            return SITE_MARKERS.get(self.phase, ("v", OTHER_COLOUR))[1]
        return TYPE_COLOURS.get(self.type, OTHER_COLOUR)


def _when(axis: TimeAxis, tick: int) -> str:
    if axis.calendar:
        return fmt_time(axis.tick_start[int(tick)])
    return f"tick {tick}"


def marks_of(outputs: RunOutputs, axis: TimeAxis, region: str | None = None) -> list[Mark]:
    """The marks of one region's events (or the whole run's: an event applied in several regions
    at the same tick is one mark), in the order of events.csv."""
    ev = outputs.events
    if ev is None or len(ev) == 0:
        return []
    if region is not None:
        ev = ev[ev["region"] == region]
    groups: dict[tuple, list[str]] = {}
    rows: dict[tuple, pd.Series] = {}
    for _, row in ev.iterrows():
        key = (int(row["tick"]), row["type"], row["id"], row["phase"], row["details"])
        groups.setdefault(key, []).append(row["region"])
        rows.setdefault(key, row)
    # Ends of events with from/to, to close the bands and say "until" on hover.
    ends: dict[tuple[str, str, str], list[int]] = {}
    for (tick, typ, eid, phase, _), regs in groups.items():
        if phase == "end":
            for r in regs:
                ends.setdefault((typ, eid, r), []).append(tick)
    marks: list[Mark] = []
    for key, regs in groups.items():
        tick, typ, eid, phase, details = key
        where = "" if region is not None or len(outputs.regions) == 1 else f" ({', '.join(regs)})"
        name = eid or typ
        until = None
        if phase == "start":
            later = [t for t in ends.get((typ, eid, regs[0]), []) if t > tick]
            until = min(later) if later else None
        span = f", until {_when(axis, until)}" if until is not None else ""
        tip = f"{_when(axis, tick)}{span}: {typ} {name} ({phase}){where}: {details}"
        x = axis.event_x(tick)
        if typ == SITE_TYPE:
            marks.append(Mark("site", x, None, tick, typ, eid, phase, details, regs,
                              f"{_when(axis, tick)}: site {eid} {phase}{where}: {details}"))
        elif typ in FORCE_TYPES:
            marks.append(Mark("force", x, None, tick, typ, eid, phase, details, regs, tip))
        elif typ == CURFEW and phase == "start":
            end = axis.event_x(until) if until is not None else axis.end_x()
            marks.append(Mark("band", x, end, tick, typ, eid, phase, details, regs, tip))
        elif typ != CURFEW and phase in STARTS:
            marks.append(Mark("line", x, None, tick, typ, eid, phase, details, regs, tip))
    return marks


def label_rows(xs_inches: list[float], widths_inches: list[float], right_inches: float,
               gap: float = 0.06) -> list[tuple[int, str]]:
    """Rows (0 = top) and alignments for labels starting at `xs_inches` (sorted) so that no two
    in a row overlap: each goes into the first row whose last label ends before it starts; a
    label that would run past `right_inches` is written leftwards from its line."""
    ends: list[float] = []
    out: list[tuple[int, str]] = []
    for x, w in zip(xs_inches, widths_inches):
        if x + w + 0.03 > right_inches:
            left, right, ha = x - w - 0.03, x, "right"
        else:
            left, right, ha = x, x + w + 0.03, "left"
        for row, end in enumerate(ends):
            if end + gap <= left:
                ends[row] = right
                break
        else:
            row = len(ends)
            ends.append(right)
        out.append((row, ha))
    return out


def text_width_inches(text: str, size: float = LABEL_SIZE) -> float:
    renderer = RendererAgg(100, 100, 72)
    w, _, _ = renderer.get_text_width_height_descent(text, FontProperties(
        family="DejaVu Sans", size=size), ismath=False)
    return w / 72.0


def plan_labels(lines: list[Mark], xlim: tuple[float, float], axis_inches: float
                ) -> tuple[list[tuple[Mark, int, str]], int]:
    """Each named event with its row and alignment in the label strip; and the number of rows."""
    lo, hi = xlim
    scale = axis_inches / (hi - lo) if hi > lo else 1.0
    ordered = sorted(lines, key=lambda m: (m.x, m.id))
    xs = [(m.x - lo) * scale for m in ordered]
    widths = [text_width_inches(m.id or m.type) for m in ordered]
    rows = label_rows(xs, widths, axis_inches)
    n = 1 + max((r for r, _ in rows), default=-1)
    return [(m, r, ha) for m, (r, ha) in zip(ordered, rows)], n


def draw_label_strip(ax, plan: list[tuple[Mark, int, str]], rows: int, tips: dict) -> None:
    """The labels of the named events in an axis of their own above the panels."""
    ax.set_ylim(rows, 0)
    ax.axis("off")
    for m, row, ha in plan:
        text = ax.text(m.x, row + 0.5, f" {m.id or m.type} ", ha=ha, va="center",
                       fontsize=LABEL_SIZE, color=m.colour, clip_on=False,
                       label=f"_label {m.type} {m.id}")
        ax.plot([m.x, m.x], [row + 0.5, rows], color=m.colour, lw=0.6, alpha=0.5)
        tips[text] = m.tip


def draw_marks(ax, marks: list[Mark], tips: dict, *, lines: bool = True, bands: bool = True,
               sites: bool = False, forces: bool = False) -> None:
    """The marks on one panel: event lines, curfew bands, and (when asked) sites and forces."""
    top = blended_transform_factory(ax.transData, ax.transAxes)
    for m in marks:
        if m.kind == "band" and bands:
            band = ax.axvspan(m.x, m.end, color=m.colour, alpha=0.08, lw=0, zorder=0,
                              label=f"_curfew {m.id}")
            tips[band] = m.tip
        elif m.kind == "line" and lines:
            line = ax.axvline(m.x, color=m.colour, lw=0.9, alpha=0.55, ls=(0, (4, 2)), zorder=1,
                              label=f"_event {m.type} {m.id}")
            tips[line] = m.tip
        elif m.kind == "site" and sites:
            marker, colour = SITE_MARKERS.get(m.phase, ("v", OTHER_COLOUR))
            (dot,) = ax.plot([m.x], [0.97], marker=marker, color=colour, ms=6, ls="none",
                             transform=top, clip_on=False, zorder=5,
                             label=f"_site {m.phase} {m.id}")
            tips[dot] = m.tip
        elif m.kind == "force" and forces:
            (rug,) = ax.plot([m.x], [0.0], marker="|", color=m.colour, ms=9, mew=1.2,
                             ls="none", transform=top, clip_on=False, zorder=5,
                             label=f"_force {m.id}")
            tips[rug] = m.tip
