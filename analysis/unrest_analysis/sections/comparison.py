"""Comparison section: the run against the reported figures (comparison.csv,
docs/reported_figures.md).

The table is comparison.csv as written, every cell as its text. The chart has one row per figure,
one panel per unit (persons, usd, vehicles...): the reported range as a grey bar (an arrow when
open-ended, a black diamond when a single value), the simulated value as a dot coloured by
`within` (hollow when the run covers only part of the figure's dates); a figure the model does
not simulate says so in grey on its row. A panel whose values span two orders of magnitude or
more has a symmetric-log x axis (linear below 1, so that 0 is shown). Hovering a row shows its id,
source, the reported words and the simulated value.
"""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from .. import style
from ..errors import ReportError
from ..page import Figure, Section, Table

FILE = "comparison.csv"
COLUMNS = ["id", "quantity", "region", "date", "kind", "reported", "reported_min", "reported_max",
           "unit", "simulated", "within", "why", "source"]
WITHIN = ("yes", "no", "not simulated")
WITHIN_COLOURS = {"yes": "#2e7d32", "no": "#c62828", "not simulated": "#9e9e9e"}
RANGE_COLOUR = "#b0bec5"
LOG_SPAN = 100.0  # max / smallest positive value from which a panel's x axis is logarithmic


def read_comparison(path) -> pd.DataFrame:
    """comparison.csv with every cell as its text (an empty cell is ""); ReportError naming the
    file and the column when a column is missing or a value is not what docs say."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError, pd.errors.ParserError) as e:
        raise ReportError(f"{path}: not a readable CSV file ({e})") from e
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise ReportError(f"{path}: missing column(s) {', '.join(missing)} "
                          "(expected the columns of docs/reported_figures.md)")
    for i, row in enumerate(frame.itertuples(index=False), start=2):
        if row.within not in WITHIN:
            raise ReportError(f"{path}:{i}: column within: expected yes, no or not simulated, "
                              f"found {row.within!r}")
        _number(path, i, "reported_min", row.reported_min, required=True)
        _number(path, i, "reported_max", row.reported_max, required=False)
        _number(path, i, "simulated", row.simulated, required=row.within != "not simulated")
    return frame


def _number(path, line: int, column: str, text: str, required: bool) -> float | None:
    if text == "":
        if required:
            raise ReportError(f"{path}:{line}: column {column}: expected a number, found nothing")
        return None
    try:
        value = float(text)
    except ValueError:
        raise ReportError(f"{path}:{line}: column {column}: expected a number, found {text!r}")
    if not math.isfinite(value):
        raise ReportError(f"{path}:{line}: column {column}: expected a finite number, "
                          f"found {text!r}")
    return value


def _num(text: str) -> float | None:
    return float(text) if text != "" else None


def _fmt(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.1f}" if abs(value) >= 100 else f"{value:.3g}"


def _tick(value: float, _pos=None) -> str:
    """Axis numbers as a reader writes them: 0, 10, 1,000, 90 m (millions)."""
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.4g} m"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:g}"


def _tip(row) -> str:
    lines = [row.id, f"{row.quantity}, {row.region}, {row.date} ({row.kind})",
             f"reported: {row.reported} [{row.reported_min}..{row.reported_max or 'open'}] "
             f"{row.unit}", f"source: {row.source}"]
    if row.within == "not simulated":
        lines.append(f"not simulated: {row.why}")
    else:
        lines.append(f"simulated: {_fmt(float(row.simulated))} {row.unit} "
                     f"(within the reported range: {row.within})")
        if row.why:
            lines.append(row.why)
    return "\n".join(lines)


def _units(frame: pd.DataFrame) -> list[str]:
    """Units in order of first appearance."""
    return list(dict.fromkeys(frame["unit"]))


def comparison_figure(frame: pd.DataFrame):
    """The dot-and-range chart: (fig, tips). One panel per unit, one row per figure in the file's
    order (top to bottom). Every artist of a row carries a label tests can find:
    'reported <id>' (range bar or arrow, x = [min, max or the axis's right end]), 'point <id>'
    (the single reported value), 'simulated <id>' (the dot, x = [simulated]),
    'not simulated <id>' (the text)."""
    units = _units(frame)
    counts = [int((frame["unit"] == u).sum()) for u in units]
    height = 0.6 + sum(0.26 * n + 0.55 for n in counts)
    fig, axes = style.figure(10, height, nrows=len(units), squeeze=False,
                             gridspec_kw={"height_ratios": [n + 1.2 for n in counts]})
    tips = {}
    for ax, unit in zip(axes[:, 0], units):
        rows = frame[frame["unit"] == unit]
        values = []
        for r in rows.itertuples(index=False):
            values += [v for v in (_num(r.reported_min), _num(r.reported_max), _num(r.simulated))
                       if v is not None]
        top = max(values) if values else 1.0
        positive = [v for v in values if v > 0]
        logx = bool(positive) and top / min(positive) >= LOG_SPAN
        right = top * (3.0 if logx else 1.12) if top > 0 else 1.0
        if logx:
            ax.set_xscale("symlog", linthresh=1.0, linscale=0.3)
        # A little room left of 0, so that a value of 0 is a whole dot beside the axis.
        ax.set_xlim(-0.4 if logx else -0.015 * right, right)
        ax.xaxis.set_major_formatter(FuncFormatter(_tick))
        n = len(rows)
        for k, r in enumerate(rows.itertuples(index=False)):
            y = n - 1 - k
            tip = _tip(r)
            lo, hi = float(r.reported_min), _num(r.reported_max)
            band = ax.axhspan(y - 0.5, y + 0.5, color="#eceff1", alpha=0.0 if k % 2 else 0.6,
                              lw=0, zorder=0)
            tips[band] = tip
            if hi is None:  # open-ended: from the min to the right edge, with an arrow head
                (bar,) = ax.plot([lo, right], [y, y], color=RANGE_COLOUR, lw=6,
                                 solid_capstyle="butt", label=f"reported {r.id}", zorder=2)
                ax.plot([right], [y], marker=">", color=RANGE_COLOUR, ms=9, clip_on=False,
                        zorder=2)
                tips[bar] = tip
            elif hi > lo:
                (bar,) = ax.plot([lo, hi], [y, y], color=RANGE_COLOUR, lw=6,
                                 solid_capstyle="butt", label=f"reported {r.id}", zorder=2)
                tips[bar] = tip
            else:
                (point,) = ax.plot([lo], [y], marker="D", color=style.COLOURS["reported"], ms=5,
                                   ls="none", label=f"point {r.id}", zorder=3)
                tips[point] = tip
            if r.within == "not simulated":
                text = ax.text(1.035, y, "not simulated", transform=ax.get_yaxis_transform(),
                               ha="left", va="center", fontsize=7.5, style="italic",
                               color=WITHIN_COLOURS["not simulated"], label=f"not simulated {r.id}")
                tips[text] = tip
            else:
                partial = r.why.startswith("partial")
                colour = WITHIN_COLOURS[r.within]
                (dot,) = ax.plot([float(r.simulated)], [y], marker="o", ms=7, ls="none",
                                 color=colour, mfc="white" if partial else colour, mew=1.8,
                                 label=f"simulated {r.id}", zorder=4, clip_on=False)
                tips[dot] = tip
        ax.set_ylim(-0.6, n - 0.4)
        ax.set_yticks(range(n))
        ax.set_yticklabels(list(rows["id"])[::-1], fontsize=7.5)
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="y", length=0)
        scale = "symmetric log scale" if logx else "linear scale"
        ax.set_xlabel(style.axis_label(f"value, {scale}", unit))
    handles = [
        Line2D([], [], color=RANGE_COLOUR, lw=6, label="reported range"),
        Line2D([], [], color=style.COLOURS["reported"], marker="D", ls="none", ms=5,
               label="reported value"),
        Line2D([], [], color=WITHIN_COLOURS["yes"], marker="o", ls="none", ms=7,
               label="simulated, within the range"),
        Line2D([], [], color=WITHIN_COLOURS["no"], marker="o", ls="none", ms=7,
               label="simulated, outside the range"),
        Line2D([], [], color="#616161", marker="o", mfc="white", mew=1.8, ls="none", ms=7,
               label="hollow: run covers part of the dates"),
    ]
    axes[0, 0].legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.02), ncol=3,
                      fontsize=7.5)
    fig.tight_layout()
    return fig, tips


def counts_caption(frame: pd.DataFrame) -> str:
    n = len(frame)
    simulated = int((frame["within"] != "not simulated").sum())
    within = int((frame["within"] == "yes").sum())
    partial = int(frame["why"].str.startswith("partial").sum())
    text = (f"{n} reported figures: {simulated} simulated, {within} of them within the reported "
            f"range, {n - simulated} not simulated")
    if partial:
        text += f"; {partial} over part of their dates only"
    return text + "."


def build(outputs, options) -> Section | None:
    path = outputs.directory / FILE
    if not path.exists():
        return None
    frame = read_comparison(path)
    counts = counts_caption(frame)
    figures = []
    if len(frame):
        fig, tips = comparison_figure(frame)
        figures.append(Figure(
            id="comparison-chart", title="Simulated against reported, figure by figure",
            caption=(f"{counts} Grey bar: the reported range (arrow: open-ended); black diamond: "
                     "a single reported value; dot: the run's value, green within the range, red "
                     "outside, hollow when the run covers only part of the figure's dates. One "
                     "panel per unit; axes spanning two orders of magnitude are on a symmetric "
                     "log scale (linear below 1). Hover a row for its source and words."),
            svg=style.svg_of(fig, "comparison-chart", tips)))
    table = Table(id="comparison-table", title="comparison.csv", frame=frame,
                  caption=f"{counts} As the run wrote it (docs/reported_figures.md).")
    return Section(
        id="comparison", title="Comparison with the reported figures",
        intro=("Each figure reported about the events is compared with the run on its own terms "
               "(its region, dates and kind); reports that disagree stay side by side."),
        figures=figures, tables=[table])
