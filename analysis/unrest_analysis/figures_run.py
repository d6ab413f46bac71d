"""The run's time series: persons by state and the forces on duty over time, with the timeline's
events marked (timeline_marks.py), the controls (legitimacy, communications, fuel price, force
level) when they vary, and one small panel per region when there are several.

Each builder returns the matplotlib figure; its hover texts are in `tips_of(fig)` (artist ->
text) for style.svg_of. Lines are labelled by metric name (`active`, `cops`...), so that tests can
read back what was drawn."""

from __future__ import annotations

import math

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from . import style
from .outputs import RunOutputs
from .timeline_marks import (
    CURFEW_COLOUR,
    SITE_MARKERS,
    TimeAxis,
    draw_label_strip,
    draw_marks,
    format_time_axis,
    marks_of,
    plan_labels,
    time_axis,
)

STATES = ["active", "violent", "jailed", "injured", "dead"]
FORCES = {"cops": "police on duty", "military": "military on duty"}
CONTROLS = ["legitimacy", "comms", "fuel_price", "force_level"]
CONTROL_NAMES = {"comms": "communications", "fuel_price": "fuel price", "force_level": "force"}
CONTROL_TITLES = {
    "legitimacy": "Legitimacy",
    "comms": "Communications (internet and mobile available)",
    "fuel_price": "Fuel price",
    "force_level": "Force the police may use",
}
CONTROL_COLOURS = {
    "legitimacy": "#6a1b9a", "comms": "#00838f", "fuel_price": "#ef6c00", "force_level": "#c62828",
}
# The quiet citizens share the states' panel only when they are of the same size as the others
# (Model I); otherwise (a city of millions) they get a panel of their own.
QUIET_TOGETHER = 5.0

WIDTH = 11.0  # inches
LEFT = 0.85
RIGHT = 1.55  # room for the legends, right of the panels


def tips_of(fig) -> dict:
    """The hover texts of a figure's artists (artist -> text), for style.svg_of."""
    if not hasattr(fig, "unrest_tips"):
        fig.unrest_tips = {}
    return fig.unrest_tips


def thousands(ax, axis: str = "y") -> None:
    fmt = FuncFormatter(lambda v, _: f"{v:,.0f}" if abs(v) >= 1 or v == 0 else f"{v:g}")
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(fmt)


def unit_of(outputs: RunOutputs, metric: str) -> str | None:
    for m in outputs.metrics:
        if m["name"] == metric:
            return m.get("unit")
    return None


def stacked_axes(heights: list[float], gaps: list[float], width: float = WIDTH,
                 top: float = 0.1, bottom: float = 0.6):
    """A figure of panels one above the other, `heights` and the `gaps` between them in inches,
    sharing the x axis; the panels' left and right margins fixed (the label strip needs them)."""
    total = sum(heights) + sum(gaps) + top + bottom
    fig = plt.figure(figsize=(width, total))
    axes = []
    y = total - top
    for i, h in enumerate(heights):
        rect = [LEFT / width, (y - h) / total, (width - LEFT - RIGHT) / width, h / total]
        ax = fig.add_axes(rect, sharex=axes[0] if axes else None)
        axes.append(ax)
        y -= h + (gaps[i] if i < len(gaps) else 0)
    return fig, axes


def _varies(values: pd.Series) -> bool:
    return len(values) > 0 and float(values.max()) - float(values.min()) > 1e-12


def controls_varying(outputs: RunOutputs, frame: pd.DataFrame | None = None) -> list[str]:
    """The controls (legitimacy, communications, fuel price, force level) that change during the
    run, over the whole run."""
    frame = outputs.totals() if frame is None else frame
    return [c for c in CONTROLS if c in frame.columns and _varies(frame[c])]


def _states_drawn(frames: list[pd.DataFrame]) -> tuple[list[str], bool]:
    """The states to draw (those not 0 throughout, active and jailed always) and whether quiet
    goes on the same panel."""
    states = [s for s in STATES
              if s in ("active", "jailed") or any((f[s] != 0).any() for f in frames)]
    others = max(float(f[states].to_numpy().max()) for f in frames) if states else 0.0
    quiet = max(float(f["quiet"].max()) for f in frames)
    return states, quiet <= QUIET_TOGETHER * max(others, 1.0)


def _line(ax, axis: TimeAxis, frame: pd.DataFrame, metric: str, label: str, colour: str,
          tips: dict, unit: str | None, **kw):
    x = axis.state_x(frame["tick"])
    (line,) = ax.plot(x, frame[metric].to_numpy(), color=colour, label=label, lw=1.3, **kw)
    peak = int(np.argmax(frame[metric].to_numpy()))
    when = _when_state(axis, int(frame["tick"].iloc[peak]))
    tips[line] = f"{label}: at most {frame[metric].iloc[peak]:,.0f} {unit or ''} ({when})"
    return line


def _when_state(axis: TimeAxis, tick: int) -> str:
    if not axis.calendar:
        return f"tick {tick}"
    return mdates.num2date(axis.state_x([tick])[0]).strftime("%Y-%m-%d %H:%M")


def _legend(ax, extra: list | None = None) -> None:
    handles, labels = ax.get_legend_handles_labels()
    for h in extra or []:
        handles.append(h)
        labels.append(h.get_label())
    if handles:
        ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  borderaxespad=0.0)


def _mark_handles(marks) -> list:
    """Legend entries for the kinds of marks present (curfew band, site markers, event line)."""
    out = []
    kinds = {m.kind for m in marks}
    if "band" in kinds:
        out.append(Patch(color=CURFEW_COLOUR, alpha=0.15, label="curfew"))
    for phase, (marker, colour) in SITE_MARKERS.items():
        if any(m.kind == "site" and m.phase == phase for m in marks):
            out.append(Line2D([], [], marker=marker, color=colour, ls="none",
                              label=f"site {phase}"))
    if "line" in kinds:
        out.append(Line2D([], [], color="#546e7a", ls=(0, (4, 2)), label="timeline event"))
    return out


def _force_names(outputs: RunOutputs, frame: pd.DataFrame) -> dict[float, str]:
    """Names of the force levels, from events.csv's force_level records ("force_level A -> B"):
    B is the level in force after the record's tick, A the one before the first record."""
    names: dict[float, str] = {}
    ev = outputs.events
    if ev is None or len(ev) == 0:
        return names
    levels = dict(zip(frame["tick"], frame["force_level"]))
    records = ev[ev["type"] == "force_level"].sort_values("tick", kind="stable")
    for n, (_, row) in enumerate(records.iterrows()):
        parts = str(row["details"]).split()
        if len(parts) != 4 or parts[2] != "->" or int(row["tick"]) not in levels:
            continue
        tick = int(row["tick"])
        names.setdefault(float(levels[tick]), parts[3].replace("_", " "))
        if n == 0 and tick - 1 in levels:
            names.setdefault(float(levels[tick - 1]), parts[1].replace("_", " "))
    return names


def timeseries_figure(outputs: RunOutputs):
    """The whole run over time: citizens by state, (quiet apart when far more numerous), the
    forces on duty and the controls that vary; the named events labelled above, curfews shaded,
    sites seized or burned marked."""
    with plt.rc_context(style.RC):
        return _timeseries_figure(outputs)


def _timeseries_figure(outputs: RunOutputs):
    axis = time_axis(outputs)
    frame = outputs.totals()
    marks = marks_of(outputs, axis)
    states, quiet_together = _states_drawn([frame])
    controls = controls_varying(outputs, frame)
    x = axis.state_x(frame["tick"])
    xlim = (float(x.min()), float(x.max()))
    lines = [m for m in marks if m.kind == "line"]
    plan, rows = plan_labels(lines, xlim, WIDTH - LEFT - RIGHT)
    heights, gaps = [], []
    if rows:
        heights.append(rows * 0.17)
        gaps.append(0.0)
    heights.append(2.6)
    if not quiet_together:
        gaps.append(0.3)
        heights.append(1.0)
    gaps.append(0.3)
    heights.append(1.5)
    for _ in controls:
        gaps.append(0.3)
        heights.append(0.8)
    fig, axes = stacked_axes(heights, gaps)
    tips = tips_of(fig)
    it = iter(axes)
    strip = next(it) if rows else None
    ax_states = next(it)
    ax_quiet = None if quiet_together else next(it)
    ax_forces = next(it)
    ax_controls = [next(it) for _ in controls]
    persons = unit_of(outputs, "active")

    drawn = (["quiet"] if quiet_together else []) + states
    for s in drawn:
        _line(ax_states, axis, frame, s, s, style.COLOURS[s], tips, persons)
    ax_states.set_title("Citizens by state", loc="left")
    ax_states.set_ylabel(style.axis_label("citizens", persons))
    ax_states.set_ylim(bottom=0)
    thousands(ax_states)
    draw_marks(ax_states, marks, tips, sites=True)
    _legend(ax_states, _mark_handles(marks))

    if ax_quiet is not None:
        _line(ax_quiet, axis, frame, "quiet", "quiet", style.COLOURS["quiet"], tips, persons)
        ax_quiet.set_title("Quiet citizens (free, not protesting)", loc="left")
        ax_quiet.set_ylabel(persons or "")
        thousands(ax_quiet)
        draw_marks(ax_quiet, marks, tips)
        _legend(ax_quiet)

    for metric, label in FORCES.items():
        if metric == "cops" or (frame[metric] != 0).any():
            _line(ax_forces, axis, frame, metric, label, style.COLOURS[metric], tips, persons)
    ax_forces.set_title("Forces on duty", loc="left")
    ax_forces.set_ylabel(style.axis_label("on duty", persons))
    ax_forces.set_ylim(bottom=0)
    thousands(ax_forces)
    draw_marks(ax_forces, marks, tips, forces=True)
    forces_present = [m for m in marks if m.kind == "force"]
    extra = []
    if forces_present:
        extra.append(Line2D([], [], marker="|", color="#546e7a", ls="none", ms=9,
                            label="forces' records"))
    _legend(ax_forces, extra)

    for ax, metric in zip(ax_controls, controls):
        unit = unit_of(outputs, metric)
        name = CONTROL_NAMES.get(metric, metric)
        (line,) = ax.plot(x, frame[metric].to_numpy(), color=CONTROL_COLOURS[metric], lw=1.3,
                          label=metric, drawstyle="steps-pre")
        tips[line] = f"{name}: from {frame[metric].min():g} to {frame[metric].max():g} {unit}"
        ax.set_title(CONTROL_TITLES[metric], loc="left")
        if metric == "force_level":
            names = _force_names(outputs, frame)
            levels = sorted(set(frame[metric].tolist()))
            ax.set_yticks(levels)
            ax.set_yticklabels([names.get(float(v), f"{v:g}") for v in levels])
        else:
            ax.ticklabel_format(axis="y", useOffset=False, style="plain")
            ax.set_ylabel(unit or "")
        ax.margins(y=0.25)
        draw_marks(ax, marks, tips)

    if strip is not None:
        strip.set_xlim(*xlim)
        draw_label_strip(strip, plan, rows, tips)
    ax_states.set_xlim(*xlim)
    bottom_ax = axes[-1]
    for ax in axes[:-1]:
        ax.tick_params(labelbottom=False)
    format_time_axis(bottom_ax, axis, width_inches=WIDTH - LEFT - RIGHT)
    return fig


def regions_figure(outputs: RunOutputs):
    """Small multiples: citizens by state in each region (its own local clock), curfews shaded,
    the named events as lines (hover for their ids) and sites seized or burned marked."""
    with plt.rc_context(style.RC):
        return _regions_figure(outputs)


def _regions_figure(outputs: RunOutputs):
    regions = outputs.regions
    frames = [outputs.region(r) for r in regions]
    states, quiet_together = _states_drawn(frames)
    drawn = (["quiet"] if quiet_together else []) + states
    cols = 2 if len(regions) > 1 else 1
    rows = math.ceil(len(regions) / cols)
    panel_w, panel_h, gap_w, gap_h, top, bottom, left = 4.6, 2.1, 0.75, 0.75, 0.45, 0.55, 0.85
    width = left + cols * panel_w + (cols - 1) * gap_w + 0.2
    height = top + rows * panel_h + (rows - 1) * gap_h + bottom
    fig = plt.figure(figsize=(width, height))
    tips = tips_of(fig)
    persons = unit_of(outputs, "active")
    all_marks = []
    for i, (region, frame) in enumerate(zip(regions, frames)):
        r, c = divmod(i, cols)
        x0 = left + c * (panel_w + gap_w)
        y0 = height - top - (r + 1) * panel_h - r * gap_h
        ax = fig.add_axes([x0 / width, y0 / height, panel_w / width, panel_h / height])
        axis = time_axis(outputs, region)
        marks = marks_of(outputs, axis, region)
        all_marks += marks
        for s in drawn:
            _line(ax, axis, frame, s, s, style.COLOURS[s], tips, persons)
        ax.set_title(region + (f" (UTC{axis.utc_offset})" if axis.utc_offset else ""),
                     loc="left")
        ax.set_ylabel(style.axis_label("citizens", persons))
        ax.set_ylim(bottom=0)
        thousands(ax)
        draw_marks(ax, marks, tips, sites=True)
        x = axis.state_x(frame["tick"])
        ax.set_xlim(float(x.min()), float(x.max()))
        format_time_axis(ax, axis, label=i + cols >= len(regions), width_inches=panel_w)
        ax.set_gid(f"region {region}")
    handles, labels = fig.axes[0].get_legend_handles_labels()
    for h in _mark_handles(all_marks):
        handles.append(h)
        labels.append(h.get_label())
    fig.legend(handles, labels, loc="upper left", ncol=len(handles),
               bbox_to_anchor=(left / width, 1.0), borderaxespad=0.2)
    return fig
