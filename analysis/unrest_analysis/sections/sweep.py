"""Sweep sections: the design, its runs, and each collected metric over the varied parameters.

For a grid design (lists and ranges), each metric gets a heatmap of its mean over two varied
parameters (one panel per pair of the first three; any other varied parameter averaged over) and
lines over each varied parameter with a band across replicates (one line per value of a second
parameter with few values, the rest averaged over). For lhs and sobol designs (values drawn from
continuous ranges), each metric gets a scatter plot against each parameter (every run, and each
point's mean over its replicates) and the design's points in the plane of two parameters coloured
by the metric. Failed runs are left out and counted in the captions. Reading and reductions are in
sweep_data.py.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import matplotlib
import matplotlib.lines
import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from .. import style
from ..page import Figure, Section, Table
from .sweep_data import (MANIFEST, Parameter, Sweep, band_over, grid_means, load_sweep,
                         metric_unit, point_means)

HEAD_ROWS = 20  # rows of runs.csv shown in the page
MAX_SERIES = 6  # a second parameter with at most this many values gets one line per value
MAX_HEATMAP_PARAMETERS = 3  # heatmaps for the pairs among the first three varied parameters
SERIES_COLOURS = ["#1565c0", "#e65100", "#2e7d32", "#6a1b9a", "#c62828", "#00838f"]
RUN_COLOUR = "#90a4ae"
MEAN_COLOUR = "#263238"


def title_and_provenance(d: Path) -> tuple[str, list[tuple[str, str]]]:
    sweep = load_sweep(d)
    m = sweep.manifest
    program = m.get("program", {}) if isinstance(m.get("program"), dict) else {}
    design = sweep.design
    prov = [
        ("sweep file", f"{m.get('sweep_file', '?')} "
                       f"(sha256 {str(m.get('sweep_sha256', '?'))[:12]})"),
        ("scenario", f"{m.get('scenario_file', '?')} "
                     f"(sha256 {str(m.get('scenario_sha256', '?'))[:12]})"),
        ("design", f"{design.get('kind')}, {design.get('points')} points x "
                   f"{sweep.replicates} replicates = {design.get('runs')} runs"),
        ("status", f"{m.get('status', '?')}; {len(sweep.ok)} runs ok, {len(sweep.failed)} failed"),
        ("program", f"unrest {program.get('version', '?')} "
                    f"({program.get('git_revision', '?')}, {program.get('build_type', '?')})"),
        ("ran", f"{m.get('started_utc', '?')} to {m.get('finished_utc', '?')} UTC, "
                f"{m.get('jobs', '?')} jobs, {m.get('ranks', '?')} ranks"),
    ]
    name = Path(str(m.get("sweep_file", d.name))).name
    return f"Sweep {name}", prov


# -- helpers ------------------------------------------------------------------------------------

def slug(name: str) -> str:
    """A metric or parameter name as part of an id: `outbursts.count` -> `outbursts-count`."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "x"


def _label(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _metric_label(metric: str) -> str:
    return style.axis_label(metric, metric_unit(metric))


def _quantiles(sweep: Sweep) -> tuple[float, float] | None:
    return (0.1, 0.9) if sweep.replicates >= 10 else None


def band_words(sweep: Sweep) -> str:
    if _quantiles(sweep) is None:
        return f"min to max of the {sweep.replicates} replicates"
    return f"10% to 90% of the {sweep.replicates} replicates"


def _positions(p: Parameter, values) -> np.ndarray:
    """x positions: the values of a numeric parameter, the index of a name's level otherwise."""
    if p.numeric:
        return np.asarray(values, dtype=float)
    return np.array([p.levels.index(v) for v in values], dtype=float)


def _log_axis(axis) -> None:
    """A log axis with plain numbers at 1, 2 and 5 times the powers of ten (0.01, 0.02, 0.05)."""
    axis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:g}"))
    axis.set_minor_formatter(NullFormatter())


def _setup_x(ax, p: Parameter) -> None:
    if p.numeric:
        if p.log:
            ax.set_xscale("log")
            _log_axis(ax.xaxis)
        if len(p.levels) <= 8 and not p.continuous:
            ax.set_xticks(p.levels)
            ax.set_xticklabels([_label(v) for v in p.levels])
            ax.minorticks_off()
    else:
        ax.set_xticks(range(len(p.levels)))
        ax.set_xticklabels([str(v) for v in p.levels])
        ax.set_xlim(-0.5, len(p.levels) - 0.5)
    ax.set_xlabel(p.key)


def _series_parameter(sweep: Sweep, x: Parameter) -> Parameter | None:
    """The parameter drawn as one line per value over x: the other varied parameter with the
    fewest values (2 to MAX_SERIES), None when there is none."""
    others = [p for p in sweep.parameters
              if p is not x and not p.continuous and 2 <= len(p.levels) <= MAX_SERIES]
    return min(others, key=lambda p: len(p.levels)) if others else None


def _grid(n: int, width: float, panel_height: float, max_columns: int = 3):
    columns = min(n, max_columns)
    rows = (n + columns - 1) // columns
    fig, axes = style.figure(width, panel_height * rows, nrows=rows, ncols=columns,
                             squeeze=False)
    flat = list(axes.flat)
    for ax in flat[n:]:
        ax.set_visible(False)
    return fig, flat[:n]


# -- figures ------------------------------------------------------------------------------------

def heatmap_figure(sweep: Sweep, metric: str):
    """Mean of `metric` over each pair of the first three varied parameters: one panel per pair,
    an image (AxesImage, get_array() = grid_means, rows the y levels) with the values written in
    the cells; a cell without a successful run is blank. Returns (fig, pairs)."""
    params = sweep.parameters[:MAX_HEATMAP_PARAMETERS]
    pairs = list(itertools.combinations(params, 2))
    fig, axes = _grid(len(pairs), 4.2 * min(len(pairs), 3), 3.6)
    ok = sweep.ok
    cmap = matplotlib.colormaps["viridis"].copy()
    cmap.set_bad("#eeeeee")
    for ax, (x, y) in zip(axes, pairs):
        z = grid_means(ok, metric, x, y)
        image = ax.imshow(np.ma.masked_invalid(z), origin="lower", aspect="auto", cmap=cmap,
                          interpolation="nearest")
        image.set_label(f"heatmap {x.key} {y.key}")
        ax.grid(False)
        ax.set_xticks(range(len(x.levels)))
        ax.set_xticklabels([_label(v) for v in x.levels], rotation=45 if len(x.levels) > 6 else 0)
        ax.set_yticks(range(len(y.levels)))
        ax.set_yticklabels([_label(v) for v in y.levels])
        ax.set_xlabel(x.key)
        ax.set_ylabel(y.key)
        if z.size <= 120:
            finite = z[np.isfinite(z)]
            middle = (finite.min() + finite.max()) / 2 if finite.size else 0
            for (i, j), v in np.ndenumerate(z):
                if np.isfinite(v):
                    ax.text(j, i, f"{v:.3g}", ha="center", va="center", fontsize=7.5,
                            color="white" if v < middle else "black")
                else:
                    ax.text(j, i, "no value", ha="center", va="center", fontsize=7,
                            color="#757575")
        bar = fig.colorbar(image, ax=ax, fraction=0.06, pad=0.03)
        bar.set_label(_metric_label(metric))
        averaged = [p.key for p in sweep.parameters if p is not x and p is not y]
        if averaged:
            ax.set_title("mean over replicates and " + ", ".join(averaged), fontsize=8)
    fig.tight_layout()
    return fig, pairs


def lines_figure(sweep: Sweep, metric: str):
    """`metric` over each varied parameter: one panel each; per line a Line2D labelled
    'mean <x> [<series>=<value>]' (ydata: band_over's mean) and a band (fill_between, labelled
    'band ...'). Returns (fig, tips)."""
    fig, axes = _grid(len(sweep.parameters), 10 if len(sweep.parameters) > 1 else 6, 3.2)
    ok = sweep.ok
    quantiles = _quantiles(sweep)
    tips = {}
    for ax, x in zip(axes, sweep.parameters):
        series = _series_parameter(sweep, x)
        groups = [(None, ok)] if series is None else [
            (level, ok[ok[series.key] == level]) for level in series.levels]
        for k, (level, runs) in enumerate(groups):
            band = band_over(runs, metric, x, quantiles)
            if not band.levels:
                continue
            colour = MEAN_COLOUR if series is None else SERIES_COLOURS[k % len(SERIES_COLOURS)]
            name = f"{x.key}" if series is None else f"{x.key} {series.key}={_label(level)}"
            xs = _positions(x, band.levels)
            if x.numeric:
                fill = ax.fill_between(xs, band.low, band.high, color=colour, alpha=0.18, lw=0,
                                       label=f"band {name}")
            else:  # names: no line between them, the band as a bar at each
                shift = 0.0 if series is None else (k - (len(groups) - 1) / 2) * 0.08
                xs = xs + shift
                fill = ax.errorbar(xs, band.mean, yerr=[band.mean - band.low,
                                                        band.high - band.mean],
                                   color=colour, ls="none", capsize=3, lw=1.2,
                                   label=f"band {name}")
                fill = fill.lines[2][0]
            (line,) = ax.plot(xs, band.mean, color=colour, marker="o", ms=3.5 if x.numeric else 5,
                              lw=1.6, ls="-" if x.numeric else "none", label=f"mean {name}")
            text = "\n".join(
                f"{x.key} = {_label(v)}: mean {m:.4g} (band {lo:.4g} to {hi:.4g})"
                for v, m, lo, hi in zip(band.levels, band.mean, band.low, band.high))
            head = metric if series is None else f"{metric}, {series.key} = {_label(level)}"
            tips[line] = f"{head}\n{text}"
            tips[fill] = tips[line]
        _setup_x(ax, x)
        ax.set_ylabel(_metric_label(metric))
        if series is not None:
            handles = [matplotlib.lines.Line2D([], [], color=SERIES_COLOURS[k % 6], marker="o",
                                               ms=3.5, label=f"{series.key} = {_label(v)}")
                       for k, v in enumerate(series.levels)]
            ax.legend(handles=handles, fontsize=7)
        averaged = [p.key for p in sweep.parameters if p is not x and p is not series]
        if averaged:
            ax.set_title("averaged over " + ", ".join(averaged), fontsize=8)
    fig.tight_layout()
    return fig, tips


def scatter_figure(sweep: Sweep, metric: str):
    """For designs of continuous values: `metric` against each varied parameter, every
    successful run (PathCollection labelled 'runs <key>', small grey dots) and each point's mean
    over its replicates ('means <key>'); then, with two or more parameters, the points in the
    plane of the first two coloured by that mean ('plane <x> <y>')."""
    params = sweep.parameters
    plane = len(params) >= 2
    fig, axes = _grid(len(params) + (1 if plane else 0), 10 if len(params) > 1 else 6, 3.2)
    ok = sweep.ok[sweep.ok[metric].notna()]
    keys = [p.key for p in params]
    means = point_means(sweep.ok, metric, keys)
    for ax, p in zip(axes, params):
        ax.scatter(_positions(p, ok[p.key]), ok[metric], s=8, color=RUN_COLOUR, alpha=0.6,
                   lw=0, label=f"runs {p.key}")
        ax.scatter(_positions(p, means[p.key]), means[metric], s=18, color=MEAN_COLOUR, lw=0,
                   label=f"means {p.key}")
        _setup_x(ax, p)
        ax.set_ylabel(_metric_label(metric))
    if plane:
        ax = axes[-1]
        x, y = params[0], params[1]
        dots = ax.scatter(_positions(x, means[x.key]), _positions(y, means[y.key]),
                          c=means[metric], cmap="viridis", s=28, lw=0.3, edgecolor="#555",
                          label=f"plane {x.key} {y.key}")
        _setup_x(ax, x)
        if y.numeric:
            if y.log:
                ax.set_yscale("log")
                _log_axis(ax.yaxis)
        else:
            ax.set_yticks(range(len(y.levels)))
            ax.set_yticklabels([str(v) for v in y.levels])
        ax.set_ylabel(y.key)
        bar = fig.colorbar(dots, ax=ax, fraction=0.06, pad=0.03)
        bar.set_label(_metric_label(metric))
    fig.tight_layout()
    return fig


# -- tables -------------------------------------------------------------------------------------

def design_table(sweep: Sweep) -> pd.DataFrame:
    rows = [{"parameter": p.key, "varied": p.describe(), "values in runs.csv": len(p.levels),
             "integer": "yes" if p.spec.get("integer") else "no"} for p in sweep.parameters]
    fixed = sweep.design.get("fixed", {})
    if isinstance(fixed, dict):
        rows += [{"parameter": k, "varied": f"fixed at {v}", "values in runs.csv": 1,
                  "integer": ""} for k, v in fixed.items()]
    return pd.DataFrame(rows, columns=["parameter", "varied", "values in runs.csv", "integer"])


def metrics_table(sweep: Sweep) -> pd.DataFrame:
    rows = []
    ok = sweep.ok
    for m in sweep.metrics:
        values = ok[m].dropna()
        rows.append({"metric": m, "unit": metric_unit(m) or "",
                     "runs with a value": len(values),
                     "undefined": int(ok[m].isna().sum()),
                     "mean": f"{values.mean():.4g}" if len(values) else "",
                     "min": f"{values.min():.4g}" if len(values) else "",
                     "max": f"{values.max():.4g}" if len(values) else ""})
    return pd.DataFrame(rows)


def _runs_head(sweep: Sweep) -> pd.DataFrame:
    raw = pd.read_csv(sweep.runs_file, dtype=str, keep_default_na=False)
    return raw.head(HEAD_ROWS)


# -- the sections -------------------------------------------------------------------------------

def _failed_words(sweep: Sweep) -> str:
    n = len(sweep.failed)
    if n == 0:
        return f"All {len(sweep.runs)} runs succeeded."
    return (f"{n} of {len(sweep.runs)} runs failed and are left out (status error in "
            f"{sweep.runs_file.name}).")


def _undefined_words(sweep: Sweep, metric: str) -> str:
    n = int(sweep.ok[metric].isna().sum())
    return f" {n} successful runs have no value (undefined) and are left out." if n else ""


def metric_figures(sweep: Sweep, metric: str) -> list[Figure]:
    mid = slug(metric)
    unit = metric_unit(metric)
    unit_words = f" in {unit}" if unit else ""
    tail = f" {_failed_words(sweep)}{_undefined_words(sweep, metric)}"
    figures = []
    if sweep.scattered:
        fig = scatter_figure(sweep, metric)
        plane = (f" Last panel: the design's points in the plane of {sweep.parameters[0].key} and "
                 f"{sweep.parameters[1].key}, coloured by the mean."
                 if len(sweep.parameters) >= 2 else "")
        figures.append(Figure(
            id=f"sweep-scatter-{mid}", title=f"{metric} against each parameter",
            caption=(f"{metric}{unit_words}: grey dots every run, dark dots each design point's "
                     f"mean over its replicates ({sweep.kind} design: values drawn from ranges, "
                     f"so no grid).{plane}{tail}"),
            svg=style.svg_of(fig, f"sweep-scatter-{mid}")))
        return figures
    if len(sweep.parameters) >= 2:
        fig, pairs = heatmap_figure(sweep, metric)
        averaged = [p.key for p in sweep.parameters[2:]]
        more = (f" Panels for the pairs among the first {MAX_HEATMAP_PARAMETERS} parameters; in "
                "each, the parameters not on its axes are averaged over."
                if len(pairs) > 1 or averaged else "")
        figures.append(Figure(
            id=f"sweep-heatmap-{mid}", title=f"{metric}: mean over the replicates",
            caption=(f"Mean of {metric}{unit_words} over the successful runs of each cell."
                     f"{more}{tail}"),
            svg=style.svg_of(fig, f"sweep-heatmap-{mid}")))
    fig, tips = lines_figure(sweep, metric)
    more = (" With another parameter of few values, one line per value; any other varied "
            "parameter averaged over (panel titles)." if len(sweep.parameters) > 1 else "")
    figures.append(Figure(
        id=f"sweep-lines-{mid}", title=f"{metric} over each parameter",
        caption=(f"{metric}{unit_words}: line, the mean of the successful runs at each value; "
                 f"band, {band_words(sweep)} (each replicate's value the mean of its runs there; "
                 f"replicates share seeds across points).{more}{tail}"),
        svg=style.svg_of(fig, f"sweep-lines-{mid}", tips)))
    return figures


def build(d: Path, options) -> list[Section]:
    sweep = load_sweep(Path(d))
    design = sweep.design
    intro = (f"{design.get('kind')} design over {len(sweep.parameters)} varied parameter(s): "
             f"{design.get('points')} points x {sweep.replicates} replicates (seeds "
             f"{', '.join(str(s) for s in design.get('replicate_seeds', []))}). "
             f"{_failed_words(sweep)}")
    if sweep.runs_file.name != "runs.csv":
        intro += (f" The sweep has not completed (status {sweep.manifest.get('status')}): "
                  f"the rows of {sweep.runs_file.name} so far.")
    tables = [
        Table(id="sweep-design", title="Design", frame=design_table(sweep),
              caption=f"From {MANIFEST}."),
        Table(id="sweep-metrics-summary", title="Metrics collected", frame=metrics_table(sweep),
              caption="Over the successful runs; units from the metric's path (docs/outputs.md)."),
        Table(id="sweep-runs", title=f"{sweep.runs_file.name} (first {HEAD_ROWS} rows)",
              frame=_runs_head(sweep), caption=f"{len(sweep.runs)} rows in all."),
    ]
    if len(sweep.failed):
        failed = pd.read_csv(sweep.runs_file, dtype=str, keep_default_na=False)
        failed = failed[failed["status"] != "ok"]
        keep = ["run_id", "point", "replicate", "seed"] + [p.key for p in sweep.parameters]
        tables.append(Table(id="sweep-failed", title="Failed runs",
                            frame=failed[keep + ["error"]].head(HEAD_ROWS),
                            caption=f"{len(failed)} failed runs (first {HEAD_ROWS} shown)."))
    sections = [Section(id="sweep", title="Sweep design and runs", intro=intro, tables=tables)]
    metrics = Section(id="sweep-results", title="Metrics over the parameters")
    if not sweep.parameters:
        metrics.placeholder = "No parameter varies in this sweep: the table above is all there is."
    elif sweep.ok.empty:
        metrics.placeholder = "Every run failed: nothing to draw (see the failed runs above)."
    else:
        for metric in sweep.metrics:
            if sweep.ok[metric].notna().any():
                metrics.figures += metric_figures(sweep, metric)
    sections.append(metrics)
    return sections
