"""The run's sections: its title and provenance, the time series with the timeline's events, the
daily figures beside the reported ones, and the summary tables.

Figures: `run-timeseries` (the whole run), `run-timeseries-regions` (several regions),
`daily-arrests`, `daily-deaths`, `daily-injured`, `daily-damage` (a calendar, daily.csv); tables
`timeline-events`, `summary-totals`, `summary-activity`, `summary-outbursts`. A run without a
calendar (Model I) has ticks on its time axis and no daily section."""

from __future__ import annotations

from datetime import timedelta

from .. import figures_daily, figures_run, style
from ..outputs import RunOutputs, load_comparison
from ..page import Figure, Section, Table
from ..reported import reported_figures
from ..summary_tables import activity_table, events_table, outbursts_table, totals_table
from ..timeline_marks import fmt_time, time_axis


def title_and_provenance(outputs: RunOutputs) -> tuple[str, list[tuple[str, str]]]:
    """The page's title (the scenario's name) and the lines under it: where the run came from."""
    run = outputs.manifest.get("run") or {}
    program = outputs.manifest.get("program") or {}
    title = run.get("scenario_name") or outputs.directory.name
    lines: list[tuple[str, str]] = []
    if run.get("scenario_file"):
        sha = run.get("scenario_sha256", "?")
        lines.append(("Scenario", f"{run['scenario_file']} (sha256 {sha})"))
    if run.get("overrides"):
        lines.append(("Overrides", ", ".join(str(o) for o in run["overrides"])))
    if run.get("seed") is not None:
        lines.append(("Seed", str(run["seed"])))
    if program:
        build = ", ".join(str(program[k]) for k in ("git_revision", "build_type", "compiler")
                          if program.get(k))
        lines.append(("Program", f"unrest {program.get('version', '?')}"
                      + (f" ({build})" if build else "")))
    if run.get("threads") is not None:
        lines.append(("Threads", str(run["threads"])))
    lines.append(("Ticks", _span(outputs)))
    ppa = (outputs.summary.get("scale") or {}).get("persons_per_agent")
    if ppa is not None:
        lines.append(("Persons per agent", f"{ppa:,}"))
    regions = outputs.dictionary.get("regions") or []
    calendar = time_axis(outputs).calendar  # without one, time zones mean nothing
    lines.append(("Regions", ", ".join(
        f"{r['name']} ({r.get('citizens', 0):,} citizens"
        + (f", UTC{r['time_zone']})" if calendar and r.get("time_zone") else ")")
        for r in regions)))
    if run.get("started_utc"):
        wall = run.get("wall_seconds")
        took = f", in {wall:,.1f} s" if isinstance(wall, (int, float)) else ""
        lines.append(("Written", f"{run['started_utc']} (UTC){took}; in {outputs.directory}"))
    return title, lines


def _span(outputs: RunOutputs) -> str:
    ticks = outputs.summary.get("ticks", int(outputs.timeseries["tick"].max()))
    axis = time_axis(outputs)
    if not axis.calendar:
        return f"{ticks:,} (no calendar)"
    step = timedelta(seconds=axis.tick_seconds)
    minutes = axis.tick_seconds / 60
    size = f"{minutes:g} min" if minutes < 60 else f"{minutes / 60:g} h"
    start = axis.tick_start[min(axis.tick_start)]
    end = axis.tick_start[max(axis.tick_start)] + step
    zone = f" (UTC{axis.utc_offset}, {axis.region})" if axis.utc_offset else ""
    return f"{ticks:,} of {size}, {fmt_time(start)} to {fmt_time(end)} local time{zone}"


def _svg(fig, fid: str) -> str:
    return style.svg_of(fig, fid, tips=figures_run.tips_of(fig))


def build(outputs: RunOutputs, options) -> list[Section]:
    sections = [_time_series(outputs)]
    if outputs.daily is not None and len(outputs.daily) > 0:
        sections.append(_daily(outputs))
    sections.append(_summary(outputs))
    return sections


def _time_series(outputs: RunOutputs) -> Section:
    axis = time_axis(outputs)
    calendar = axis.calendar
    marks = ("Dashed lines: the timeline's events (their ids above the panels), shaded: "
             "curfews, triangles: sites seized (red) or burned (black), ticks under the forces: "
             "the forces' own records (officers overwhelmed or ordered off, contingents "
             "deployed); hover over any of them for its time and details. ")
    has_events = outputs.events is not None and len(outputs.events) > 0
    varying = [figures_run.CONTROL_NAMES.get(c, c) for c in figures_run.controls_varying(outputs)]
    caption = (
        f"Persons by state after each tick ({'on the ' + axis.label if calendar else 'by tick'}"
        "), and the forces on duty below"
        + (f"; then what changed during the run: {', '.join(varying)}. " if varying else ". ")
        + (marks if has_events else "No timeline events in this run. ")
        + "Jailed, injured and dead citizens are off the streets; quiet ones are drawn apart "
        "when they outnumber the others many times."
    )
    figures = [Figure("run-timeseries", "The run over time", caption,
                      svg=_svg(figures_run.timeseries_figure(outputs), "run-timeseries"))]
    if len(outputs.regions) > 1:
        figures.append(Figure(
            "run-timeseries-regions", "By region",
            "Citizens by state in each region, on its own local clock, with its events and "
            "curfews (hover for the ids).",
            svg=_svg(figures_run.regions_figure(outputs), "run-timeseries-regions")))
    tables = []
    events = events_table(outputs)
    if events is not None:
        tables.append(Table("timeline-events", "The timeline's events (events.csv)", events,
                            "Every event applied, in the order the run applied it; times are "
                            "the region's local wall clock at the start of the tick."))
    intro = ("" if calendar else
             "This run has no calendar: its time is counted in ticks, and it has no daily "
             "figures.")
    return Section("time-series", "Time series", intro, figures, tables)


def _daily(outputs: RunOutputs) -> Section:
    comparison = load_comparison(outputs.directory)
    figures_reported = reported_figures(outputs, comparison)
    figures, left_out = [], []
    for group in figures_daily.GROUPS:
        if not figures_daily.has_data(outputs, group, figures_reported):
            left_out.append(group.title.lower())
            continue
        fid = f"daily-{group.key}"
        fig = figures_daily.daily_figure(outputs, group, figures_reported)
        figures.append(Figure(fid, group.title, figures_daily.caption(
            outputs, group, figures_reported), svg=_svg(fig, fid)))
    intro = ["Per local day (each region's own time zone; a tick belongs to the day in which it "
             "starts), from daily.csv; the running totals from timeseries.csv."]
    if len(outputs.regions) > 1:
        intro.append("'All regions' adds the regions' days of the same date.")
    if comparison is None:
        intro.append("The run has no comparison.csv (its scenario has no compare: block): no "
                     "reported figures to draw.")
    else:
        intro.append(figures_daily.GLYPHS)
        elsewhere = sorted({f.quantity for f in figures_reported
                            if f.drawable and not any(f.quantity in g.quantities
                                                      for g in figures_daily.GROUPS)})
        if elsewhere:
            intro.append("Reported figures of other quantities (" + ", ".join(elsewhere)
                         + ") are in the comparison.")
    if left_out:
        intro.append("Nothing to show for " + ", ".join(left_out)
                     + ": 0 on every day and no reported figure.")
    return Section("daily", "Daily figures", " ".join(intro), figures)


def _summary(outputs: RunOutputs) -> Section:
    axis = time_axis(outputs)
    totals, zero = totals_table(outputs)
    tables = [Table("summary-totals", "Totals and final values", totals,
                    "From summary.json: flows summed over ticks 1..N, other metrics at the last "
                    "tick." + (f" 0 throughout, left out: {', '.join(zero)}." if zero else ""))]
    threshold = (outputs.summary.get("outbursts") or {}).get("threshold")
    tables.append(Table("summary-activity", "Activity and outbursts", activity_table(outputs, axis),
                        f"From summary.json (tick 0 excluded). An outburst: more than {threshold} "
                        "active until fewer than that (docs/outputs.md)."))
    outbursts = outbursts_table(outputs, axis)
    if len(outbursts):
        tables.append(Table("summary-outbursts", "Outbursts of the whole run", outbursts,
                            "Each outburst of the whole run, in order (summary.json)."))
    return Section("summary", "Summary", "", [], tables)
