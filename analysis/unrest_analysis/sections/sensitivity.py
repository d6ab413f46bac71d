"""Sensitivity section: Morris elementary effects and Sobol indices of the model's summary metrics.

No program writes these files yet (`unrest sensitivity` is a later issue); this section defines
them and shows them when DIR/sensitivity/ holds them, and otherwise says what it will show and
which files it needs:

- `sensitivity/morris.csv`: `parameter, metric, mu_star, sigma, mu_star_conf`: per parameter and
  metric, the mean of the absolute elementary effects (mu*, in the metric's unit per the
  parameter's range), their standard deviation (sigma) and the half-width of mu*'s 95% interval.
- `sensitivity/sobol.csv`: `parameter, metric, S1, S1_conf, ST, ST_conf`: first-order and total
  indices with the half-widths of their 95% intervals.

A (parameter, metric) pair appears once per file. Metrics are summary.json paths, as in sweeps.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .. import style
from ..errors import ReportError
from ..page import Figure, Section, Table
from .csv_input import files_placeholder, present, read_checked
from .sweep_data import metric_unit

DIR = "sensitivity"
MORRIS = "morris.csv"
SOBOL = "sobol.csv"
FILES = {
    MORRIS: "the Morris mu*-sigma chart, from parameter, metric, mu_star, sigma, mu_star_conf",
    SOBOL: "Sobol first-order and total indices with intervals, from parameter, metric, S1, "
           "S1_conf, ST, ST_conf",
}
S1_COLOUR = "#1565c0"
ST_COLOUR = "#e65100"


def _unique_pairs(path: Path, frame: pd.DataFrame) -> None:
    dup = frame.duplicated(["parameter", "metric"])
    if dup.any():
        i = int(np.flatnonzero(dup.to_numpy())[0])
        raise ReportError(f"{path}:{i + 2}: columns parameter, metric: expected each pair once, "
                          f"found ({frame['parameter'][i]}, {frame['metric'][i]}) again")


def read_morris(path: Path) -> pd.DataFrame:
    frame = read_checked(path, {"parameter": "text", "metric": "text", "mu_star": "weight",
                                "sigma": "weight", "mu_star_conf": "weight"})
    _unique_pairs(path, frame)
    return frame


def read_sobol(path: Path) -> pd.DataFrame:
    frame = read_checked(path, {"parameter": "text", "metric": "text", "S1": "number",
                                "S1_conf": "weight", "ST": "number", "ST_conf": "weight"})
    _unique_pairs(path, frame)
    return frame


def _panels(n: int, height: float):
    columns = min(n, 2)
    rows = (n + columns - 1) // columns
    fig, axes = style.figure(10 if columns > 1 else 6, height * rows, nrows=rows, ncols=columns,
                             squeeze=False)
    flat = list(axes.flat)
    for ax in flat[n:]:
        ax.set_visible(False)
    return fig, flat[:n]


def morris_figure(frame: pd.DataFrame):
    """One panel per metric: each parameter at (mu*, sigma) (PathCollection labelled 'morris
    <metric>', offsets in the file's order) with its name beside it and mu*'s interval as a
    horizontal bar; the dashed line sigma = mu* (above it, effects that vary with the other
    parameters: interactions or non-linearity). Returns (fig, tips)."""
    metrics = list(dict.fromkeys(frame["metric"]))
    fig, axes = _panels(len(metrics), 3.6)
    tips = {}
    for ax, metric in zip(axes, metrics):
        part = frame[frame["metric"] == metric]
        ax.errorbar(part["mu_star"], part["sigma"], xerr=part["mu_star_conf"], fmt="none",
                    ecolor="#90a4ae", lw=1, capsize=2)
        dots = ax.scatter(part["mu_star"], part["sigma"], s=30, color=S1_COLOUR, zorder=3,
                          label=f"morris {metric}")
        tips[dots] = "\n".join(
            f"{r.parameter}: mu* {r.mu_star:.4g} (+/- {r.mu_star_conf:.3g}), sigma {r.sigma:.4g}"
            for r in part.itertuples(index=False))
        for r in part.itertuples(index=False):
            ax.annotate(r.parameter, (r.mu_star, r.sigma), xytext=(4, 3),
                        textcoords="offset points", fontsize=7.5)
        top = max(float((part["mu_star"] + part["mu_star_conf"]).max()),
                  float(part["sigma"].max()), 1e-12) * 1.15
        ax.plot([0, top], [0, top], ls="--", lw=0.8, color="#9e9e9e")
        ax.set_xlim(0, top)
        ax.set_ylim(0, top)
        unit = metric_unit(metric)
        ax.set_xlabel(style.axis_label("mu*, mean |elementary effect|", unit))
        ax.set_ylabel(style.axis_label("sigma", unit))
        ax.set_title(metric, fontsize=9)
    fig.tight_layout()
    return fig, tips


def sobol_figure(frame: pd.DataFrame):
    """One panel per metric: per parameter (sorted by ST, largest on top) a bar of S1 (the
    BarContainer labelled 'S1 <metric>') and of ST ('ST <metric>') with their 95% intervals.
    Returns (fig, tips)."""
    metrics = list(dict.fromkeys(frame["metric"]))
    most = max(int((frame["metric"] == m).sum()) for m in metrics)
    fig, axes = _panels(len(metrics), 0.9 + 0.38 * most)
    tips = {}
    for ax, metric in zip(axes, metrics):
        part = frame[frame["metric"] == metric].sort_values("ST", kind="stable")
        y = np.arange(len(part))
        s1 = ax.barh(y + 0.2, part["S1"], height=0.38, xerr=part["S1_conf"], color=S1_COLOUR,
                     error_kw={"lw": 1, "capsize": 2}, label=f"S1 {metric}")
        st = ax.barh(y - 0.2, part["ST"], height=0.38, xerr=part["ST_conf"], color=ST_COLOUR,
                     error_kw={"lw": 1, "capsize": 2}, label=f"ST {metric}")
        for rect, r in zip(s1.patches, part.itertuples(index=False)):
            tips[rect] = f"{metric}, {r.parameter}: S1 {r.S1:.3g} +/- {r.S1_conf:.3g}"
        for rect, r in zip(st.patches, part.itertuples(index=False)):
            tips[rect] = f"{metric}, {r.parameter}: ST {r.ST:.3g} +/- {r.ST_conf:.3g}"
        ax.set_yticks(y)
        ax.set_yticklabels(part["parameter"], fontsize=8)
        ax.axvline(0, color="#424242", lw=0.8)
        ax.set_xlabel("index (share of the variance)")
        ax.set_title(metric, fontsize=9)
        ax.grid(axis="y", visible=False)
        ax.legend([s1, st], ["first order S1", "total ST"], loc="lower right", fontsize=7)
    fig.tight_layout()
    return fig, tips


def build(d, options) -> Section:
    d = Path(d)
    found = present(d / DIR, list(FILES))
    section = Section(id="sensitivity", title="Sensitivity")
    section.placeholder = files_placeholder(
        DIR, FILES, found,
        "No sensitivity analysis in this directory. This section shows Morris screening and "
        "Sobol indices (a later `unrest sensitivity`) once the directory holds them: ")
    if not found:
        return section
    if MORRIS in found:
        morris = read_morris(found[MORRIS])
        fig, tips = morris_figure(morris)
        section.figures.append(Figure(
            id="sensitivity-morris", title="Morris screening: mu* against sigma",
            caption=("Each parameter at its mean absolute elementary effect mu* (grey bar: 95% "
                     "interval) and their standard deviation sigma, one panel per metric. Far "
                     "right: influential; above the dashed line sigma = mu*: effects that change "
                     "with the other parameters (interactions, non-linearity); near 0: "
                     "negligible."),
            svg=style.svg_of(fig, "sensitivity-morris", tips)))
        section.tables.append(Table(id="sensitivity-morris-table", title=MORRIS, frame=morris))
    if SOBOL in found:
        sobol = read_sobol(found[SOBOL])
        fig, tips = sobol_figure(sobol)
        section.figures.append(Figure(
            id="sensitivity-sobol", title="Sobol indices",
            caption=("First-order S1 (blue: the share of the metric's variance due to the "
                     "parameter alone) and total ST (orange: with all its interactions), with 95% "
                     "intervals; one panel per metric, parameters by ST. ST much above S1: the "
                     "parameter acts through interactions."),
            svg=style.svg_of(fig, "sensitivity-sobol", tips)))
        section.tables.append(Table(id="sensitivity-sobol-table", title=SOBOL, frame=sobol))
    return section
