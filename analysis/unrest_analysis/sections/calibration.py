"""Calibration section: an ABC-SMC calibration's posterior, its generations, the posterior
predictive against the reported figures, and the forecast.

No program writes these files yet (`unrest calibrate` is a later issue); this section defines them
and shows them when DIR/calibration/ holds them, and otherwise says what it will show and which
files it needs. The files (CSV, a header line, one row per line):

- `calibration/posterior.csv`: one row per accepted particle: `generation` (integer >= 0),
  `weight` (>= 0; the weights of a generation need not sum to 1), then one column per calibrated
  parameter (its scenario key path, e.g. `legitimacy.initial`), numbers. The marginals and pairs
  show the last generation; earlier generations are outlined in the marginals.
- `calibration/generations.csv`: `generation, tolerance, accepted, proposed, acceptance_rate`
  (accepted <= proposed; acceptance_rate in [0, 1]).
- `calibration/predictive.csv`: one row per posterior predictive draw and reported figure:
  `id` (the figure's id in the reported-figures file), `value` (the simulated value of that draw,
  in the figure's unit); an optional `draw` column numbers the draws. The reported ranges come
  from `calibration/comparison.csv`, else DIR/comparison.csv (the columns of comparison.csv).
- `calibration/forecast.csv`: `quantity, region, date, q05, q25, q50, q75, q95`: the forecast's
  quantiles (q05 <= q25 <= q50 <= q75 <= q95) of a quantity in a region on a local date
  (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`), one row per quantity, region and date.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from .. import style
from ..page import Figure, Section, Table
from . import comparison
from .calibration_files import (  # noqa: F401 (the readers are this section's API too)
    DIR,
    FILES,
    FORECAST,
    GENERATIONS,
    POSTERIOR,
    PREDICTIVE,
    quantity_unit,
    read_forecast,
    read_generations,
    read_posterior,
    read_predictive,
)
from .csv_input import files_placeholder, present

MAX_PAIRS = 6  # parameters in the pairs plot at most
FAN = "#1565c0"


def _weighted_quantile(values: np.ndarray, weights: np.ndarray, q: float) -> float:
    order = np.argsort(values)
    v, w = values[order], weights[order]
    cum = np.cumsum(w) / w.sum()
    return float(v[min(np.searchsorted(cum, q), len(v) - 1)])


def _bins(n: int) -> int:
    return int(min(30, max(8, np.sqrt(n) * 2)))


# -- figures ------------------------------------------------------------------------------------

def marginals_figure(posterior: pd.DataFrame, params: list[str]):
    """One panel per parameter: the last generation's weighted histogram (density; its bars are
    the panel's BarContainer labelled 'posterior <param>'), earlier generations as grey outlines,
    the weighted mean (a vertical line) and the weighted 5-95% interval (shaded)."""
    columns = min(len(params), 3)
    rows = (len(params) + columns - 1) // columns
    fig, axes = style.figure(10 if columns > 1 else 5, 2.8 * rows, nrows=rows, ncols=columns,
                             squeeze=False)
    last_gen = posterior["generation"].max()
    last = posterior[posterior["generation"] == last_gen]
    earlier = sorted(g for g in posterior["generation"].unique() if g != last_gen)
    w = last["weight"].to_numpy()
    for k, ax in enumerate(axes.flat):
        if k >= len(params):
            ax.set_visible(False)
            continue
        p = params[k]
        v = last[p].to_numpy()
        lo, hi = posterior[p].min(), posterior[p].max()
        edges = np.linspace(lo, hi, _bins(len(v)) + 1) if hi > lo else np.array([lo - .5, lo + .5])
        for g in earlier:
            prev = posterior[posterior["generation"] == g]
            if prev["weight"].sum() > 0:
                ax.hist(prev[p], bins=edges, weights=prev["weight"], density=True,
                        histtype="step", color="#b0bec5", lw=0.8)
        _, _, bars = ax.hist(v, bins=edges, weights=w, density=True, color=FAN, alpha=0.75)
        bars.set_label(f"posterior {p}")
        mean = float(np.average(v, weights=w))
        q05, q95 = _weighted_quantile(v, w, 0.05), _weighted_quantile(v, w, 0.95)
        ax.axvspan(q05, q95, color=FAN, alpha=0.08, lw=0)
        ax.axvline(mean, color="#212121", lw=1.2, ls="--")
        ax.set_title(f"{p}: mean {mean:.4g}, 90% in [{q05:.4g}, {q95:.4g}]", fontsize=8.5)
        ax.set_xlabel(p)
        ax.set_ylabel("density")
    fig.tight_layout()
    return fig


def pairs_figure(posterior: pd.DataFrame, params: list[str]):
    """The last generation's particles in the plane of each pair of parameters (lower triangle;
    dot area by weight; PathCollection labelled 'pair <x> <y>'), weighted histograms on the
    diagonal."""
    params = params[:MAX_PAIRS]
    n = len(params)
    last = posterior[posterior["generation"] == posterior["generation"].max()]
    w = last["weight"].to_numpy()
    size = 6 + 30 * w / w.max()
    fig, axes = style.figure(min(10, 2.4 * n + 1), min(10, 2.4 * n + 0.6), nrows=n, ncols=n,
                             squeeze=False)
    for i, yp in enumerate(params):
        for j, xp in enumerate(params):
            ax = axes[i, j]
            if j > i:
                ax.set_visible(False)
                continue
            if i == j:
                ax.hist(last[xp], bins=_bins(len(last)), weights=w, color=FAN, alpha=0.75)
                ax.set_yticks([])
            else:
                ax.scatter(last[xp], last[yp], s=size, color=FAN, alpha=0.5, lw=0,
                           label=f"pair {xp} {yp}")
            if i == n - 1:
                ax.set_xlabel(xp, fontsize=8)
            else:
                ax.set_xticklabels([])
            if j == 0 and i > 0:
                ax.set_ylabel(yp, fontsize=8)
            elif j > 0:
                ax.set_yticklabels([])
            ax.tick_params(labelsize=7)
    fig.tight_layout()
    return fig


def generations_figure(gens: pd.DataFrame):
    """Tolerance (Line2D labelled 'tolerance') and acceptance rate (bars labelled 'acceptance')
    per generation."""
    fig, (a, b) = style.figure(10, 3.0, ncols=2)
    g = gens["generation"].to_numpy()
    tol = gens["tolerance"].to_numpy()
    a.plot(g, tol, marker="o", color=FAN, label="tolerance")
    if (tol > 0).all() and tol.max() / tol.min() >= 20:
        a.set_yscale("log")
    a.set_xlabel("generation")
    a.set_ylabel("tolerance (distance)")
    a.set_xticks(g)
    bars = b.bar(g, gens["acceptance_rate"], color="#fb8c00", label="acceptance")
    for rect, acc, prop in zip(bars, gens["accepted"], gens["proposed"]):
        b.annotate(f"{acc}/{prop}", (rect.get_x() + rect.get_width() / 2, rect.get_height()),
                   ha="center", va="bottom", fontsize=7, xytext=(0, 2),
                   textcoords="offset points")
    b.set_xlabel("generation")
    b.set_ylabel("acceptance rate (fraction)")
    b.set_xticks(g)
    b.set_ylim(0, max(1e-9, gens["acceptance_rate"].max()) * 1.2)
    fig.tight_layout()
    return fig


def predictive_figure(pred: pd.DataFrame, reported: pd.DataFrame | None):
    """One row per figure id (comparison.csv's order, then the others): the reported range as
    in the comparison chart (labelled 'reported <id>'/'point <id>') and the draws' 5-95% whisker
    ('whisker <id>', x = [q05, q95]), 25-75% box ('box <id>', x = [q25, q75]) and median ('median
    <id>'); one panel per unit. Returns (fig, tips)."""
    ids = list(dict.fromkeys(pred["id"]))
    ref = {} if reported is None else {r.id: r for r in reported.itertuples(index=False)}
    order = [i for i in (reported["id"] if reported is not None else []) if i in ids]
    order += [i for i in ids if i not in order]
    units = {i: (ref[i].unit if i in ref else "value") for i in order}
    unit_list = list(dict.fromkeys(units.values()))
    counts = [sum(1 for i in order if units[i] == u) for u in unit_list]
    fig, axes = style.figure(10, 0.6 + sum(0.3 * n + 0.6 for n in counts), nrows=len(unit_list),
                             squeeze=False,
                             gridspec_kw={"height_ratios": [n + 1.2 for n in counts]})
    tips = {}
    for ax, unit in zip(axes[:, 0], unit_list):
        rows = [i for i in order if units[i] == unit]
        values = []
        for i in rows:
            values += list(pred.loc[pred["id"] == i, "value"])
            if i in ref:
                values += [float(ref[i].reported_min)]
                if ref[i].reported_max:
                    values.append(float(ref[i].reported_max))
        top = max(values) if values else 1.0
        positive = [v for v in values if v > 0]
        logx = bool(positive) and min(values) >= 0 and top / min(positive) >= comparison.LOG_SPAN
        right = top * (3.0 if logx else 1.12) if top > 0 else 1.0
        if logx:
            ax.set_xscale("symlog", linthresh=1.0, linscale=0.3)
        n = len(rows)
        for k, fid in enumerate(rows):
            y = n - 1 - k
            v = pred.loc[pred["id"] == fid, "value"].to_numpy()
            q = np.quantile(v, [0.05, 0.25, 0.5, 0.75, 0.95])
            tip = (f"{fid}\nposterior predictive, {len(v)} draws: median {q[2]:.4g}, "
                   f"50% in [{q[1]:.4g}, {q[3]:.4g}], 90% in [{q[0]:.4g}, {q[4]:.4g}]")
            if fid in ref:
                r = ref[fid]
                tip += f"\nreported: {r.reported} ({r.source})"
                lo, hi = float(r.reported_min), comparison._num(r.reported_max)
                if hi is None:
                    (bar,) = ax.plot([lo, right], [y, y], color=comparison.RANGE_COLOUR, lw=9,
                                     solid_capstyle="butt", label=f"reported {fid}", zorder=1)
                elif hi > lo:
                    (bar,) = ax.plot([lo, hi], [y, y], color=comparison.RANGE_COLOUR, lw=9,
                                     solid_capstyle="butt", label=f"reported {fid}", zorder=1)
                else:
                    (bar,) = ax.plot([lo], [y], marker="D", color=style.COLOURS["reported"],
                                     ms=5, ls="none", label=f"point {fid}", zorder=4)
                tips[bar] = tip
            else:
                tip += "\nno reported figure with this id in comparison.csv"
            (whisker,) = ax.plot([q[0], q[4]], [y, y], color=FAN, lw=1.2, label=f"whisker {fid}",
                                 zorder=2)
            (box,) = ax.plot([q[1], q[3]], [y, y], color=FAN, lw=5, alpha=0.7,
                             solid_capstyle="butt", label=f"box {fid}", zorder=3)
            (median,) = ax.plot([q[2]], [y], marker="|", ms=11, mew=2, color="#0d47a1",
                                ls="none", label=f"median {fid}", zorder=5)
            for artist in (whisker, box, median):
                tips[artist] = tip
        ax.set_xlim(-0.4 if logx else min(0.0, min(values)) - 0.015 * right, right)
        ax.xaxis.set_major_formatter(comparison.FuncFormatter(comparison._tick))
        ax.set_ylim(-0.6, n - 0.4)
        ax.set_yticks(range(n))
        ax.set_yticklabels(rows[::-1], fontsize=7.5)
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="y", length=0)
        scale = "symmetric log scale" if logx else "linear scale"
        ax.set_xlabel(style.axis_label(f"value, {scale}", None if unit == "value" else unit))
    handles = [
        Line2D([], [], color=comparison.RANGE_COLOUR, lw=6, label="reported range"),
        Line2D([], [], color=style.COLOURS["reported"], marker="D", ls="none", ms=5,
               label="reported value"),
        Line2D([], [], color=FAN, lw=5, alpha=0.7, label="predictive 25-75%"),
        Line2D([], [], color=FAN, lw=1.2, label="predictive 5-95%"),
        Line2D([], [], color="#0d47a1", marker="|", ms=11, mew=2, ls="none", label="median"),
    ]
    axes[0, 0].legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.02), ncol=5,
                      fontsize=7.5)
    fig.tight_layout()
    return fig, tips


def forecast_figure(fc: pd.DataFrame):
    """One panel per (quantity, region): the median (Line2D labelled 'median <quantity>
    <region>', ydata q50 in date order), the 25-75% and 5-95% bands (fill_between, labelled
    'q25-q75 ...' and 'q05-q95 ...')."""
    keys = list(dict.fromkeys(zip(fc["quantity"], fc["region"])))
    columns = min(len(keys), 2)
    rows = (len(keys) + columns - 1) // columns
    fig, axes = style.figure(10 if columns > 1 else 6, 3.0 * rows, nrows=rows, ncols=columns,
                             squeeze=False)
    for k, ax in enumerate(axes.flat):
        if k >= len(keys):
            ax.set_visible(False)
            continue
        quantity, region = keys[k]
        part = fc[(fc["quantity"] == quantity) & (fc["region"] == region)].sort_values("time")
        t = part["time"].to_numpy()
        name = f"{quantity} {region}"
        ax.fill_between(t, part["q05"], part["q95"], color=FAN, alpha=0.15, lw=0,
                        label=f"q05-q95 {name}")
        ax.fill_between(t, part["q25"], part["q75"], color=FAN, alpha=0.3, lw=0,
                        label=f"q25-q75 {name}")
        ax.plot(t, part["q50"], color=FAN, marker="o", ms=3, lw=1.6, label=f"median {name}")
        ax.set_title(f"{quantity}, {region}", fontsize=9)
        ax.set_ylabel(style.axis_label(quantity, quantity_unit(quantity)))
        ax.set_xlabel("local date")
        times = part["time"]
        if (times == times.dt.normalize()).all():  # dates: one tick a day (or every few days)
            days = max(1, (times.max() - times.min()).days)
            ax.xaxis.set_major_locator(mdates.DayLocator(interval=max(1, days // 8)))
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
        else:
            locator = mdates.AutoDateLocator()
            ax.xaxis.set_major_locator(locator)
            ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    fig.tight_layout()
    return fig


# -- the section --------------------------------------------------------------------------------

def build(d, options) -> Section:
    d = Path(d)
    found = present(d / DIR, list(FILES))
    section = Section(id="calibration", title="Calibration")
    section.placeholder = files_placeholder(
        DIR, FILES, found,
        "No calibration in this directory. This section shows an ABC-SMC calibration "
        "(a later `unrest calibrate`) once the directory holds its outputs: ")
    if not found:
        return section
    if POSTERIOR in found:
        post, params = read_posterior(found[POSTERIOR])
        gens = sorted(post["generation"].unique())
        last = post[post["generation"] == gens[-1]]
        section.figures.append(Figure(
            id="calibration-marginals", title="Posterior marginals",
            caption=(f"Generation {gens[-1]}: {len(last)} particles, weighted histograms "
                     f"(density); dashed: weighted mean; shaded: weighted 5-95%. "
                     + (f"Grey outlines: generations {', '.join(str(g) for g in gens[:-1])}."
                        if len(gens) > 1 else "")),
            svg=style.svg_of(marginals_figure(post, params), "calibration-marginals")))
        if len(params) >= 2:
            shown = params[:MAX_PAIRS]
            section.figures.append(Figure(
                id="calibration-pairs", title="Posterior pairs",
                caption=(f"Generation {gens[-1]}: each particle in the plane of two parameters, "
                         "dot area by weight; weighted histograms on the diagonal."
                         + (f" The first {MAX_PAIRS} of {len(params)} parameters."
                            if len(params) > MAX_PAIRS else "")),
                svg=style.svg_of(pairs_figure(post, shown), "calibration-pairs")))
    if GENERATIONS in found:
        gens = read_generations(found[GENERATIONS])
        section.figures.append(Figure(
            id="calibration-generations", title="Tolerance and acceptance per generation",
            caption="Left: the distance tolerance of each generation; right: accepted / proposed "
                    "particles.",
            svg=style.svg_of(generations_figure(gens), "calibration-generations")))
        section.tables.append(Table(id="calibration-generations-table", title="Generations",
                                    frame=gens))
    if PREDICTIVE in found:
        pred = read_predictive(found[PREDICTIVE])
        source = next((p for p in (d / DIR / comparison.FILE, d / comparison.FILE)
                       if p.is_file()), None)
        reported = comparison.read_comparison(source) if source else None
        fig, tips = predictive_figure(pred, reported)
        unmatched = sorted(set(pred["id"]) - set(reported["id"] if reported is not None else []))
        words = (f"Reported ranges from {source.relative_to(d)}." if source else
                 "No comparison.csv: reported ranges not shown.")
        if source and unmatched:
            words += f" Not in it: {', '.join(unmatched)}."
        section.figures.append(Figure(
            id="calibration-predictive", title="Posterior predictive against the reported figures",
            caption=(f"{pred['id'].nunique()} figures, {len(pred)} draws in all. Blue: the draws' "
                     "median (tick), 25-75% (box) and 5-95% (whisker); grey bar: the reported "
                     f"range (arrow-less open end at the right edge); black diamond: a single "
                     f"reported value. {words}"),
            svg=style.svg_of(fig, "calibration-predictive", tips)))
    if FORECAST in found:
        fc = read_forecast(found[FORECAST])
        section.figures.append(Figure(
            id="calibration-forecast", title="Forecast",
            caption="Median (line), 25-75% (dark band) and 5-95% (light band) of the forecast, "
                    "by local date.",
            svg=style.svg_of(forecast_figure(fc), "calibration-forecast")))
    return section
