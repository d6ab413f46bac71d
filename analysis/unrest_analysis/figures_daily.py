"""Daily figures of a run with a calendar (daily.csv): arrests, deaths by side, injured by side and
damage, each as bars per local day (left) and as a running total since the start of the run
(right, from timeseries.csv at every tick), one row of panels per region and, with several
regions, a first row for all of them added together. The reported figures of comparison.csv are
drawn beside them (reported.py): a daily figure beside that day's bar, a figure over a span of
hours as a box across the span, a cumulative figure on the running total at its as-of time.

Artists are labelled so that tests can read back what was drawn: the bars' containers by series
(`arrests`, `protesters`, ...), the running totals' lines by their label, each reported figure
`_reported <id>` (a Line2D: a value or an open-ended bound as one point, a range as two points;
a span as a Rectangle). Hover texts are in figures_run.tips_of(fig)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

from . import style
from .figures_run import thousands, tips_of, unit_of
from .outputs import RunOutputs
from .reported import ALL, ReportedFigure
from .timeline_marks import format_time_axis, time_axis

BAR_CENTRE = 0.42  # within the day [d, d + 1)
BAR_WIDTH = 0.56
REPORTED_AT = 0.85  # a daily reported figure, beside the day's bar
EVERYONE = "#212121"


@dataclass
class Series:
    flows: list[str]  # metrics summed (per day: daily.csv; running: their sum since tick 0)
    label: str
    colour: str
    running: str | None = None  # a running-total metric of timeseries.csv, when there is one
    dashed: bool = False


@dataclass
class Group:
    key: str
    title: str
    what: str  # "arrests", "deaths", ... for the axis labels
    unit_metric: str
    bars: list[Series]  # stacked, bottom first
    running: list[Series]
    quantities: dict[str, str]  # reported quantity -> colour


GROUPS = [
    Group("arrests", "Arrests", "arrests", "arrests",
          [Series(["arrests"], "arrests", style.COLOURS["jailed"])],
          [Series(["arrests"], "arrested since the start", style.COLOURS["jailed"],
                  running="detained")],
          {"arrests": EVERYONE, "detained": EVERYONE}),
    Group("deaths", "Deaths by side", "killed", "protesters_killed",
          [Series(["protesters_killed"], "protesters", style.COLOURS["protesters"]),
           Series(["bystanders_killed"], "bystanders", style.COLOURS["bystanders"]),
           Series(["police_killed"], "police", style.COLOURS["police"]),
           Series(["military_killed"], "military", style.COLOURS["military"])],
          [Series(["protesters_killed"], "protesters", style.COLOURS["protesters"]),
           Series(["bystanders_killed"], "bystanders", style.COLOURS["bystanders"]),
           Series(["police_killed"], "police", style.COLOURS["police"]),
           Series(["military_killed"], "military", style.COLOURS["military"]),
           Series(["protesters_killed", "bystanders_killed"], "citizens (protesters + bystanders)",
                  EVERYONE, dashed=True)],
          {"police_dead": style.COLOURS["police"], "protesters_killed": style.COLOURS["protesters"],
           "citizens_killed": EVERYONE}),
    Group("injured", "Injured by side", "injured", "citizens_wounded",
          [Series(["citizens_wounded"], "citizens", style.COLOURS["injured"]),
           Series(["police_wounded"], "police", style.COLOURS["police"]),
           Series(["military_wounded"], "military", style.COLOURS["military"])],
          [Series(["citizens_wounded"], "citizens", style.COLOURS["injured"]),
           Series(["police_wounded"], "police", style.COLOURS["police"]),
           Series(["military_wounded"], "military", style.COLOURS["military"]),
           Series(["citizens_wounded", "police_wounded", "military_wounded"], "everyone",
                  EVERYONE, dashed=True)],
          {"citizens_injured": style.COLOURS["injured"], "police_injured": style.COLOURS["police"],
           "people_injured": EVERYONE}),
    Group("damage", "Damage to sites", "damage", "damage_usd",
          [Series(["damage_usd"], "damage", "#ef6c00")],
          [Series(["damage_usd"], "damage since the start", "#ef6c00",
                  running="damage_usd_total")],
          {"damage_usd": EVERYONE}),
]
GROUP = {g.key: g for g in GROUPS}

UNIT_NAMES = {"usd": "US dollars"}


def money(value: float) -> str:
    """US dollars in readable units: $950, $12k, $27.8M, $1.2B."""
    a = abs(value)
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if a >= size:
            text = f"{value / size:.1f}".rstrip("0").rstrip(".")
            return f"${text}{suffix}"
    return f"${value:,.0f}"


def amount(value: float, unit: str | None) -> str:
    return money(value) if unit == "usd" else f"{value:,.0f} {unit or ''}".strip()


def scopes(outputs: RunOutputs) -> list[str]:
    """The rows of panels: all regions together (when several), then each region."""
    return ([ALL] if len(outputs.regions) > 1 else []) + list(outputs.regions)


def scope_name(scope: str) -> str:
    return "all regions" if scope == ALL else scope


def daily_of(outputs: RunOutputs, scope: str) -> pd.DataFrame:
    """daily.csv of one region, or of all of them added up by local date."""
    daily = outputs.daily
    if scope != ALL:
        return daily[daily["region"] == scope].reset_index(drop=True)
    numeric = [c for c in daily.columns if c not in ("region", "date")]
    return daily.groupby("date", sort=True)[numeric].sum().reset_index()


def ticks_of(outputs: RunOutputs, scope: str) -> pd.DataFrame:
    return outputs.totals() if scope == ALL else outputs.region(scope)


def running_total(frame: pd.DataFrame, series: Series) -> np.ndarray:
    """A series since the start of the run, at every tick."""
    if series.running is not None:
        return frame[series.running].to_numpy(dtype=float)
    return frame[series.flows].sum(axis=1).cumsum().to_numpy(dtype=float)


def day_number(date: str) -> float:
    return float(mdates.date2num(datetime.strptime(date, "%Y-%m-%d")))


def group_figures(group: Group, figures: list[ReportedFigure]
                  ) -> tuple[list[ReportedFigure], list[ReportedFigure]]:
    """The reported figures of the group's quantities: (drawn, not drawn)."""
    mine = [f for f in figures if f.quantity in group.quantities]
    return [f for f in mine if f.drawable], [f for f in mine if not f.drawable]


def has_data(outputs: RunOutputs, group: Group, figures: list[ReportedFigure]) -> bool:
    """Whether the group has anything to show: a day with a value, or a reported figure."""
    daily = outputs.daily
    flows = [m for s in group.bars for m in s.flows]
    return bool((daily[flows] != 0).to_numpy().any()) or bool(group_figures(group, figures)[0])


def daily_figure(outputs: RunOutputs, group: Group | str, figures: list[ReportedFigure]):
    """One group's figure: a row of two panels per scope (per day | since the start)."""
    group = GROUP[group] if isinstance(group, str) else group
    with plt.rc_context(style.RC):
        return _daily_figure(outputs, group, figures)


def _daily_figure(outputs: RunOutputs, group: Group, figures: list[ReportedFigure]):
    rows = scopes(outputs)
    unit = unit_of(outputs, group.unit_metric)
    unit_name = UNIT_NAMES.get(unit or "", unit)
    left, w1, gap, w2, right = 0.95, 5.2, 1.05, 3.5, 0.25
    row_h, row_gap, top, bottom = 2.2, 0.75, 0.75, 0.5
    width = left + w1 + gap + w2 + right
    height = top + len(rows) * row_h + (len(rows) - 1) * row_gap + bottom
    fig = plt.figure(figsize=(width, height))
    tips = tips_of(fig)
    drawn, _ = group_figures(group, figures)
    offsets = _offsets(drawn)
    glyphs: set[str] = set()
    all_days = [day_number(d) for d in outputs.daily["date"]]
    lo, hi = min(all_days), max(all_days) + 1
    for i, scope in enumerate(rows):
        y0 = height - top - (i + 1) * row_h - i * row_gap
        ax_day = fig.add_axes([left / width, y0 / height, w1 / width, row_h / height])
        ax_run = fig.add_axes([(left + w1 + gap) / width, y0 / height, w2 / width,
                               row_h / height])
        ax_day.set_gid(f"per-day {scope_name(scope)}")
        ax_run.set_gid(f"running {scope_name(scope)}")
        daily = daily_of(outputs, scope)
        days = np.array([day_number(d) for d in daily["date"]])
        bottom_values = np.zeros(len(daily))
        for s in group.bars:
            values = daily[s.flows].sum(axis=1).to_numpy(dtype=float)
            bars = ax_day.bar(days + BAR_CENTRE, values, BAR_WIDTH, bottom=bottom_values,
                              color=s.colour, label=s.label, zorder=2)
            for d, v, patch in zip(daily["date"], values, bars.patches):
                tips[patch] = f"{d}, {scope_name(scope)}: {amount(v, unit)} {s.label}" \
                    if unit == "usd" else f"{d}, {scope_name(scope)}: {v:,.0f} {s.label}"
            bottom_values = bottom_values + values
        frame = ticks_of(outputs, scope)
        axis = time_axis(outputs, None if scope == ALL else scope)
        x = axis.state_x(frame["tick"])
        for s in group.running:
            values = running_total(frame, s)
            (line,) = ax_run.plot(x, values, color=s.colour, label=s.label, lw=1.4,
                                  ls="--" if s.dashed else "-", zorder=3)
            tips[line] = f"{s.label}, {scope_name(scope)}: {amount(values[-1], unit)} by the end"
        for f in (f for f in drawn if f.scope == scope):
            glyphs.add(_draw_reported(ax_day, ax_run, f, group, tips, offsets[f.id]))
        ax_day.set_xlim(lo, hi)
        ax_run.set_xlim(lo, hi + 0.03 * (hi - lo))  # room for a figure as of the last day's end
        for ax in (ax_day, ax_run):
            ax.set_ylim(0, max(ax.get_ylim()[1], 1.0))  # all 0: an axis of 0..1, not 0..0.05
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            if unit == "usd":
                ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: money(v)))
            else:
                thousands(ax)
        day_axis(ax_day, lo, hi, w1)
        format_time_axis(ax_run, axis, label=False, width_inches=w2)
        if i == len(rows) - 1 or len(outputs.regions) > 1:
            ax_run.set_xlabel(axis.label)
        where = scope_name(scope)
        ax_day.set_title(f"{group.title} per day: {where}", loc="left")
        ax_run.set_title(f"Since the start: {where}", loc="left")
        ax_day.set_ylabel(style.axis_label(f"{group.what} per day", unit_name))
        ax_run.set_ylabel(style.axis_label(group.what, unit_name))
        if i == len(rows) - 1:
            ax_day.set_xlabel("local date" + (f" ({scope_name(scope)})" if len(rows) == 1 else ""))
    _figure_legend(fig, group, glyphs, left / width)
    return fig


def day_axis(ax, lo: float, hi: float, width_inches: float) -> None:
    """Days as slots: each local date written under the middle of its day, lines between days."""
    n = int(round(hi - lo))
    step = max(1, math.ceil(n * 0.6 / width_inches))
    ax.xaxis.set_major_locator(FixedLocator([lo + k + 0.5 for k in range(0, n, step)]))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
    ax.xaxis.set_minor_locator(FixedLocator([lo + k for k in range(n + 1)]))
    ax.tick_params(axis="x", which="major", length=0)
    ax.xaxis.grid(False, which="major")
    ax.xaxis.grid(True, which="minor")


def _offsets(drawn: list[ReportedFigure]) -> dict[str, float]:
    """Where each reported figure goes beside the others at the same place (same scope, kind of
    place and time), in days: side by side, not on top of each other."""
    places: dict[tuple, list[str]] = {}
    for f in drawn:
        if f.kind == "cumulative":
            key = (f.scope, "run", f.end)
        elif f.kind == "daily" and f.end - f.start <= timedelta(days=1):
            key = (f.scope, "day", f.day)
        else:
            continue
        places.setdefault(key, []).append(f.id)
    out = {f.id: 0.0 for f in drawn}
    for key, ids in places.items():
        step = 0.07 if key[1] == "day" else 0.12
        for k, fid in enumerate(ids):
            out[fid] = (k - (len(ids) - 1) / 2) * step
    return out


def _draw_reported(ax_day, ax_run, f: ReportedFigure, group: Group, tips: dict,
                   offset: float = 0.0) -> str:
    """One reported figure on its panel; returns which glyph it used (for the legend)."""
    colour = group.quantities[f.quantity]
    label = f"_reported {f.id}"
    hollow = dict(mfc="white") if f.note else {}
    if f.kind in ("span", "event") or (f.kind == "daily" and f.end - f.start > timedelta(days=1)):
        a, b = mdates.date2num(f.start), mdates.date2num(f.end)
        if f.open_ended or f.is_value:
            (art,) = ax_day.plot([a, b], [f.low, f.low], color=colour, lw=2.2, label=label,
                                 zorder=4, solid_capstyle="butt")
        else:
            art = Rectangle((a, f.low), b - a, f.high - f.low, facecolor=colour, alpha=0.22,
                            edgecolor=colour, lw=1.2, label=label, zorder=4)
            ax_day.add_patch(art)
        tips[art] = f.tip()
        return "span"
    if f.kind == "cumulative":
        ax, x = ax_run, float(mdates.date2num(f.end)) + offset
    else:
        ax, x = ax_day, float(mdates.date2num(f.day)) + REPORTED_AT + offset
    if f.open_ended:
        (art,) = ax.plot([x], [f.low], marker="^", ms=7, color=colour, ls="none", label=label,
                         zorder=5, mec=colour, **hollow)
        kind = "open"
    elif f.is_value:
        (art,) = ax.plot([x], [f.low], marker="D", ms=6, color=colour, ls="none", label=label,
                         zorder=5, mec=colour, **hollow)
        kind = "value"
    else:
        (art,) = ax.plot([x, x], [f.low, f.high], color=colour, lw=2.2, marker="_", ms=9,
                         mew=2.2, label=label, zorder=5)
        kind = "range"
    tips[art] = f.tip()
    return kind


def _figure_legend(fig, group: Group, glyphs: set[str], x0: float) -> None:
    handles = [Patch(color=s.colour, label=s.label) for s in group.bars]
    seen = {s.label for s in group.bars}
    for s in group.running:
        if s.label not in seen:
            handles.append(Line2D([], [], color=s.colour, ls="--" if s.dashed else "-",
                                  label=s.label))
    k = EVERYONE
    if "value" in glyphs:
        handles.append(Line2D([], [], marker="D", color=k, ls="none", label="reported value"))
    if "range" in glyphs:
        handles.append(Line2D([], [], marker="_", color=k, lw=2.2, ms=9, mew=2.2,
                              label="reported range"))
    if "open" in glyphs:
        handles.append(Line2D([], [], marker="^", color=k, ls="none", label="reported: at least"))
    if "span" in glyphs:
        handles.append(Patch(facecolor=k, alpha=0.22, edgecolor=k,
                             label="reported over a span of hours"))
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(x0, 1.0),
               ncol=min(len(handles), 6), borderaxespad=0.3)


GLYPHS = (
    "Reported figures (comparison.csv) are drawn in black or in the colour of their side: a daily "
    "figure beside its day's bar, a figure over a span of hours as a box across the span (a total "
    "over it), a cumulative figure on the running total at its as-of time; a diamond is a value, "
    "a bar with caps a range, a triangle an open-ended bound (at least); hollow, a figure about a "
    "wider area (national) compared with this panel's region. Hover over a figure for its words, "
    "the simulated value and its source.")


def caption(outputs: RunOutputs, group: Group, figures: list[ReportedFigure]) -> str:
    """What the figure shows, the sources of the reported figures drawn, and those not drawn."""
    unit = unit_of(outputs, group.unit_metric)
    unit_name = UNIT_NAMES.get(unit or "", unit)
    how = "stacked by side" if len(group.bars) > 1 else "one bar a day"
    text = [f"Left: simulated {group.what} per local day ({unit_name}), {how}; right: since the "
            "start of the run, at every tick."]
    drawn, skipped = group_figures(group, figures)
    if drawn:
        text.append("Reported: " + "; ".join(
            f"{f.id} ({f.source}" + (f"; {f.note}" if f.note else "") + ")" for f in drawn)
            + ".")
    if skipped:
        text.append("Not drawn: " + "; ".join(f"{f.id} ({f.why or f.within})" for f in skipped)
                    + ".")
    return " ".join(text)
