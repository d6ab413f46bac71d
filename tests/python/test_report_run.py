"""The run's sections of the report (sections/run.py and the figures it draws) on outputs made by
the real program: a short Almaty run (calendar, timeline, sites, casualties, comparison.csv), the
two-cities comparison test scenario (two regions in two time zones, compare.regions) and Model I's
run 2 (no calendar). What is drawn is read back from the matplotlib artists and compared with the
CSV files it came from."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
import pytest
from matplotlib.patches import Rectangle

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "analysis"))

from unrest_analysis import figures_daily, figures_run  # noqa: E402
from unrest_analysis.__main__ import main  # noqa: E402
from unrest_analysis.errors import ReportError  # noqa: E402
from unrest_analysis.outputs import load_comparison, load_run  # noqa: E402
from unrest_analysis.report import ReportOptions, build_report  # noqa: E402
from unrest_analysis.reported import ALL, reported_figures  # noqa: E402
from unrest_analysis.sections import run as run_section  # noqa: E402

BINARY = ROOT / "build" / "unrest"


def _run(out: Path, scenario: str, *args: str) -> Path:
    if not BINARY.exists():
        pytest.fail(f"{BINARY} not built: run scripts/build.sh first")
    subprocess.run([str(BINARY), "run", str(ROOT / scenario), "--out", str(out), "--quiet",
                    *args], check=True)
    return out


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("report_run")
    return {
        # 720 ten-minute ticks: 2 January 00:00 to 7 January 00:00, protests, seizures, lethal
        # force, the National Guard and the CSTO; comparison.csv against reported.yaml.
        "almaty": _run(base / "almaty", "scenarios/kazakhstan2022/almaty.yaml", "--ticks", "720"),
        "two": _run(base / "two", "tests/cli/data/compare/two_cities_compare.yaml"),
        "run2": _run(base / "run2", "scenarios/epstein2002/run2.yaml", "--ticks", "200"),
    }


def local(text: str) -> float:
    """A local date-time of the outputs as a matplotlib date number."""
    fmt = "%Y-%m-%dT%H:%M" if "T" in text else "%Y-%m-%d"
    return float(mdates.date2num(datetime.strptime(text, fmt)))


def at(x: float):
    """Equal as a date number to within a tenth of a second (pytest.approx's default relative
    tolerance would be half an hour)."""
    return pytest.approx(x, rel=0, abs=1e-6)


def axes_titled(fig, title: str):
    found = [ax for ax in fig.axes if ax.get_title(loc="left") == title]
    assert len(found) == 1, [ax.get_title(loc="left") for ax in fig.axes]
    return found[0]


def line(ax, label: str):
    found = [ln for ln in ax.get_lines() if ln.get_label() == label]
    assert len(found) == 1, [ln.get_label() for ln in ax.get_lines()]
    return found[0]


def axes_gid(fig, gid: str):
    found = [ax for ax in fig.axes if ax.get_gid() == gid]
    assert len(found) == 1, [ax.get_gid() for ax in fig.axes]
    return found[0]


def reported_artist(ax, fid: str):
    label = f"_reported {fid}"
    found = [a for a in list(ax.get_lines()) + list(ax.patches) if a.get_label() == label]
    assert len(found) == 1, fid
    return found[0]


# --- Time series ---------------------------------------------------------------------------


def test_time_series_lines_equal_timeseries_csv(runs) -> None:
    out = load_run(runs["almaty"])
    ts = pd.read_csv(runs["almaty"] / "timeseries.csv")
    fig = figures_run.timeseries_figure(out)
    states = axes_titled(fig, "Citizens by state")
    for state in ["active", "violent", "jailed", "injured", "dead"]:
        assert line(states, state).get_ydata().tolist() == ts[state].tolist(), state
    # Two million quiet citizens get a panel of their own.
    quiet = axes_titled(fig, "Quiet citizens (free, not protesting)")
    assert line(quiet, "quiet").get_ydata().tolist() == ts["quiet"].tolist()
    forces = axes_titled(fig, "Forces on duty")
    assert line(forces, "police on duty").get_ydata().tolist() == ts["cops"].tolist()
    assert line(forces, "military on duty").get_ydata().tolist() == ts["military"].tolist()
    # x: local time at the end of each tick (tick 0, the initial state, at the start).
    x = line(states, "active").get_xdata()
    start = local("2022-01-02T00:00")
    assert x[0] == at(start)
    ten_minutes = 10 / (24 * 60)
    assert np.allclose(np.diff(x[1:]), ten_minutes)
    assert x[1] == at(start + ten_minutes)
    assert x[-1] == at(local("2022-01-07T00:00"))
    # The controls that vary (legitimacy, communications, force), the fuel price does not.
    assert line(axes_titled(fig, "Legitimacy"), "legitimacy").get_ydata().tolist() == \
        ts["legitimacy"].tolist()
    comms = axes_titled(fig, "Communications (internet and mobile available)")
    assert line(comms, "comms").get_ydata().tolist() == ts["comms"].tolist()
    force = axes_titled(fig, "Force the police may use")
    assert [t.get_text() for t in force.get_yticklabels()] == [
        "arrests only", "less lethal", "lethal"]
    assert not [ax for ax in fig.axes if ax.get_title(loc="left") == "Fuel price"]


def test_events_are_marked_at_their_times(runs) -> None:
    out = load_run(runs["almaty"])
    ev = pd.read_csv(runs["almaty"] / "events.csv", keep_default_na=False)
    fig = figures_run.timeseries_figure(out)
    states = axes_titled(fig, "Citizens by state")
    named = ev[~ev["type"].isin(["curfew", "site", "police", "military"])
               & ev["phase"].isin(["at", "start"])]
    assert {"protests_spread", "less_lethal", "shutdown", "ato_lethal", "national_guard",
            "csto"} <= set(named["id"])
    strip = fig.axes[0]
    labels = {t.get_label(): t for t in strip.texts}
    for _, row in named.iterrows():
        mark = line(states, f"_event {row['type']} {row['id']}")
        assert mark.get_xdata()[0] == at(local(row["time"])), row["id"]
        text = labels[f"_label {row['type']} {row['id']}"]
        assert text.get_text().strip() == row["id"]
        assert text.get_position()[0] == at(local(row["time"]))
    # No two labels overlap.
    fig.canvas.draw()
    boxes = [t.get_window_extent() for t in strip.texts]
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            assert not boxes[i].overlaps(boxes[j]), (strip.texts[i].get_text(),
                                                     strip.texts[j].get_text())
    # Curfews: bands from start to end; the last ends after the run, at its end.
    curfews = ev[ev["type"] == "curfew"]
    bands = {p.get_label(): p for p in states.patches if p.get_label().startswith("_curfew")}
    for cid, rows in curfews.groupby("id"):
        xs = bands[f"_curfew {cid}"].get_xy()[:, 0]
        start = local(rows[rows["phase"] == "start"]["time"].iloc[0])
        ends = rows[rows["phase"] == "end"]["time"]
        end = local(ends.iloc[0]) if len(ends) else local("2022-01-07T00:00")
        assert (xs.min(), xs.max()) == (at(start), at(end)), cid
    assert set(bands) == {f"_curfew {c}" for c in curfews["id"].unique()}
    # Sites seized and burned, as markers at their times.
    for _, row in ev[ev["type"] == "site"].iterrows():
        mark = line(states, f"_site {row['phase']} {row['id']}")
        assert mark.get_xdata()[0] == at(local(row["time"]))
    # Each mark has a hover text with its time, id and details.
    tips = figures_run.tips_of(fig)
    shutdown = line(states, "_event comms shutdown")
    assert tips[shutdown].startswith("2022-01-05 16:30")
    assert "shutdown" in tips[shutdown] and "comms 1 -> 0.02" in tips[shutdown]


def test_regions_get_small_multiples_on_their_own_clocks(runs) -> None:
    out = load_run(runs["two"])
    ts = pd.read_csv(runs["two"] / "timeseries.csv")
    fig = figures_run.regions_figure(out)
    for region, zone in [("West", "+05:00"), ("East", "+06:00")]:
        ax = axes_gid(fig, f"region {region}")
        assert ax.get_title(loc="left") == f"{region} (UTC{zone})"
        mine = ts[ts["region"] == region]
        active = line(ax, "active")
        assert active.get_ydata().tolist() == mine["active"].tolist()
        assert active.get_xdata()[0] == at(local(mine["time"].iloc[0]))
        shock = line(ax, "_event legitimacy shock")
        row = pd.read_csv(runs["two"] / "events.csv").query("region == @region").iloc[0]
        assert shock.get_xdata()[0] == at(local(row["time"]))
    # The whole run adds the regions up, on the first region's clock.
    whole = figures_run.timeseries_figure(out)
    states = axes_titled(whole, "Citizens by state")
    by_tick = ts.groupby("tick")["jailed"].sum()
    assert line(states, "jailed").get_ydata().tolist() == by_tick.tolist()
    # The shock applied in both regions at the same tick is one mark.
    assert len([ln for ln in states.get_lines() if ln.get_label().startswith("_event")]) == 1


# --- Daily bars and the reported figures ---------------------------------------------------


def bars(ax, label: str) -> dict[str, float]:
    """date -> height of the bars of a series."""
    found = [c for c in ax.containers if c.get_label() == label]
    assert len(found) == 1, [c.get_label() for c in ax.containers]
    out = {}
    for p in found[0].patches:
        day = mdates.num2date(math.floor(p.get_x())).strftime("%Y-%m-%d")
        out[day] = p.get_height()
    return out


def test_daily_bars_equal_daily_csv(runs) -> None:
    out = load_run(runs["almaty"])
    daily = pd.read_csv(runs["almaty"] / "daily.csv")
    ts = pd.read_csv(runs["almaty"] / "timeseries.csv")
    figs = reported_figures(out, load_comparison(runs["almaty"]))
    fig = figures_daily.daily_figure(out, "arrests", figs)
    day = axes_gid(fig, "per-day almaty")
    assert bars(day, "arrests") == dict(zip(daily["date"], daily["arrests"].astype(float)))
    assert daily["arrests"].sum() > 0
    running = axes_gid(fig, "running almaty")
    assert line(running, "arrested since the start").get_ydata().tolist() == ts["detained"].tolist()

    deaths = figures_daily.daily_figure(out, "deaths", figs)
    day = axes_gid(deaths, "per-day almaty")
    for label, column in [("protesters", "protesters_killed"), ("bystanders", "bystanders_killed"),
                          ("police", "police_killed"), ("military", "military_killed")]:
        assert bars(day, label) == dict(zip(daily["date"], daily[column].astype(float))), label
    assert daily[["protesters_killed", "police_killed", "military_killed"]].to_numpy().sum() > 0
    running = axes_gid(deaths, "running almaty")
    assert line(running, "police").get_ydata().tolist() == ts["police_killed"].cumsum().tolist()

    injured = figures_daily.daily_figure(out, "injured", figs)
    day = axes_gid(injured, "per-day almaty")
    for label, column in [("citizens", "citizens_wounded"), ("police", "police_wounded"),
                          ("military", "military_wounded")]:
        assert bars(day, label) == dict(zip(daily["date"], daily[column].astype(float))), label

    damage = figures_daily.daily_figure(out, "damage", figs)
    day = axes_gid(damage, "per-day almaty")
    assert bars(day, "damage") == pytest.approx(dict(zip(daily["date"], daily["damage_usd"])))
    assert day.get_ylabel() == "damage per day (US dollars)"
    assert day.yaxis.get_major_formatter()(25e6, 0) == "$25M"


def test_reported_figures_are_drawn_from_comparison_csv(runs) -> None:
    out = load_run(runs["almaty"])
    cmp = pd.read_csv(runs["almaty"] / "comparison.csv", keep_default_na=False).set_index("id")
    figs = reported_figures(out, load_comparison(runs["almaty"]))

    arrests = figures_daily.daily_figure(out, "arrests", figs)
    day = axes_gid(arrests, "per-day almaty")
    running = axes_gid(arrests, "running almaty")
    # A daily value beside the day's bar: the diamond at 2,998 within 6 January.
    value = reported_artist(day, "arrests_almaty_2022-01-06_article")
    assert value.get_ydata().tolist() == [2998]
    assert local("2022-01-06") + 0.6 < value.get_xdata()[0] < local("2022-01-07")
    # A daily range: its min and max.
    rng = reported_artist(day, "arrests_almaty_2022-01-06_almanews24")
    row = cmp.loc["arrests_almaty_2022-01-06_almanews24"]
    assert rng.get_ydata().tolist() == [float(row["reported_min"]), float(row["reported_max"])]
    # A cumulative range on the running total at the end of its day, and a cumulative figure
    # as of a time at that time; a national figure on the run's one region, hollow.
    cum = reported_artist(running, "detained_almaty_2022-01-06_moi")
    assert cum.get_ydata().tolist() == [1800, 2200]
    assert cum.get_xdata()[0] == pytest.approx(local("2022-01-07"), abs=0.2)
    national = reported_artist(running, "detained_national_2022-01-05_morning_moi")
    assert national.get_ydata().tolist() == [200]  # more than 200: open-ended
    assert national.get_marker() == "^" and national.get_markerfacecolor() == "white"
    assert national.get_xdata()[0] == pytest.approx(local("2022-01-05T12:00"), abs=0.2)
    tips = figures_run.tips_of(arrests)
    assert "MoI (TASS 5 Jan)" in tips[national] and "national" in tips[national]
    # Not in the run: Nur-Sultan's figure is not drawn, and the caption says so.
    text = figures_daily.caption(out, figures_daily.GROUP["arrests"], figs)
    assert "detained_nur-sultan_2022-01-03_rferl (region nur-sultan is not in the run)" in text
    assert "arrests_almaty_2022-01-06_article (seed article)" in text

    # A span of hours: a box across it, from its min to its max.
    deaths = figures_daily.daily_figure(out, "deaths", figs)
    box = reported_artist(axes_gid(deaths, "per-day almaty"),
                          "protesters_killed_almaty_night_2022-01-05_police")
    assert isinstance(box, Rectangle)
    assert (box.get_x(), box.get_x() + box.get_width()) == (
        at(local("2022-01-05T20:00")), at(local("2022-01-06T05:00")))
    assert (box.get_y(), box.get_y() + box.get_height()) == (24, 99)

    # Every figure of a drawn quantity, about the run's region and dates, is drawn.
    for group in figures_daily.GROUPS:
        fig = figures_daily.daily_figure(out, group, figs)
        labels = {a.get_label() for ax in fig.axes for a in list(ax.get_lines()) + ax.patches}
        expect = cmp[cmp["quantity"].isin(list(group.quantities))
                     & (cmp["within"] != "not simulated")]
        assert len(expect) > 0
        assert {f"_reported {i}" for i in expect.index} <= labels, group.key


def test_reported_figures_follow_compare_regions(runs) -> None:
    out = load_run(runs["two"])
    daily = pd.read_csv(runs["two"] / "daily.csv")
    figs = reported_figures(out, load_comparison(runs["two"]))
    scope = {f.id: f.scope for f in figs}
    assert scope["arrests_west_2022-01-03"] == "West"
    assert scope["arrests_mangystau_2022-01-03"] == "West"  # compare.regions: mangystau: West
    assert scope["detained_national_2022-01-04"] == ALL
    assert scope["crowd_aktau_2022-01-03"] is None
    fig = figures_daily.daily_figure(out, "arrests", figs)
    west = axes_gid(fig, "per-day West")
    both = reported_artist(west, "arrests_mangystau_2022-01-03")
    assert both.get_ydata().tolist() == [200, 999]
    assert reported_artist(west, "arrests_west_2022-01-03").get_ydata().tolist() == [24, 99]
    national = reported_artist(axes_gid(fig, "running all regions"), "detained_national_2022-01-04")
    assert national.get_ydata().tolist() == [100]
    # All regions: the regions' days of the same date added.
    assert bars(axes_gid(fig, "per-day all regions"), "arrests") == \
        daily.groupby("date")["arrests"].sum().astype(float).to_dict()
    assert bars(axes_gid(fig, "per-day East"), "arrests") == \
        daily[daily["region"] == "East"].set_index("date")["arrests"].astype(float).to_dict()
    # After the run: not drawn, said in the caption.
    text = figures_daily.caption(out, figures_daily.GROUP["arrests"], figs)
    assert "arrests_east_2022-01-07 (no tick of the run starts within" in text


# --- Sections, tables, provenance ----------------------------------------------------------


def test_sections_of_a_calendar_run(runs) -> None:
    out = load_run(runs["almaty"])
    sections = run_section.build(out, ReportOptions())
    assert [s.id for s in sections] == ["time-series", "daily", "summary"]
    ids = {f.id for s in sections for f in s.figures}
    assert ids == {"run-timeseries", "daily-arrests", "daily-deaths", "daily-injured",
                   "daily-damage"}
    for s in sections:
        for f in s.figures:
            assert f.svg is not None and f.svg.startswith("<svg")
            assert f'id="{f.id}-' in f.svg  # ids inside prefixed with the figure's
            assert "<title>" in f.svg  # hover texts
    tables = {t.id: t for s in sections for t in s.tables}
    assert set(tables) == {"timeline-events", "summary-totals", "summary-activity",
                           "summary-outbursts"}
    summary = json.loads((runs["almaty"] / "summary.json").read_text())
    totals = tables["summary-totals"].frame.set_index("metric")
    for name, value in summary["totals"].items():
        if value:
            assert float(totals.loc[name, "whole run"].replace(",", "")) == \
                pytest.approx(value, abs=0.5), name
    for name in ["jailed", "dead", "cops", "military", "detained"]:
        assert totals.loc[name, "whole run"] == f"{summary['final'][name]:,}"
    outbursts = tables["summary-outbursts"].frame
    assert outbursts["start (tick)"].tolist() == [o["start"] for o in summary["outbursts"]["list"]]
    events = tables["timeline-events"].frame
    assert len(events) == len(pd.read_csv(runs["almaty"] / "events.csv"))

    title, lines = run_section.title_and_provenance(out)
    manifest = json.loads((runs["almaty"] / "manifest.json").read_text())
    assert title == "kazakhstan2022-almaty"
    prov = dict(lines)
    assert manifest["run"]["scenario_sha256"] in prov["Scenario"]
    assert prov["Seed"] == "2022"
    assert prov["Ticks"] == ("720 of 10 min, 2022-01-02 00:00 to 2022-01-07 00:00 local time "
                             "(UTC+06:00, almaty)")
    assert prov["Persons per agent"] == "20"
    assert prov["Threads"] == str(manifest["run"]["threads"])


def test_model_one_run_has_ticks_and_no_daily_part(runs) -> None:
    out = load_run(runs["run2"])
    ts = pd.read_csv(runs["run2"] / "timeseries.csv")
    fig = figures_run.timeseries_figure(out)
    states = axes_titled(fig, "Citizens by state")
    # Quiet, active and jailed together, as in the paper; no violence, injuries or deaths.
    assert [ln.get_label() for ln in states.get_lines()] == ["quiet", "active", "jailed"]
    assert line(states, "active").get_ydata().tolist() == ts["active"].tolist()
    assert line(states, "active").get_xdata().tolist() == ts["tick"].tolist()
    assert states.get_xlabel() == "" and fig.axes[-1].get_xlabel() == "tick"
    assert not [t for ax in fig.axes for t in ax.texts]  # no events, no label strip
    sections = run_section.build(out, ReportOptions())
    assert [s.id for s in sections] == ["time-series", "summary"]
    assert [f.id for f in sections[0].figures] == ["run-timeseries"]
    title, lines = run_section.title_and_provenance(out)
    assert title == "epstein2002-run2"
    assert dict(lines)["Ticks"] == "200 (no calendar)"


def test_report_command_writes_the_page(runs, tmp_path: Path) -> None:
    for name, ids in [("two", ["run-timeseries", "run-timeseries-regions", "daily-arrests",
                               "summary-totals", "timeline-events"]),
                      ("run2", ["run-timeseries", "summary-totals", "summary-outbursts"])]:
        page = tmp_path / f"{name}.html"
        result = subprocess.run(
            ["/usr/bin/python3", "-m", "unrest_analysis", "report", str(runs[name]), "--out",
             str(page), "--video", "none"], cwd=ROOT / "analysis", capture_output=True,
            text=True)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"report: {page}"
        html = page.read_text()
        for fid in ids:
            assert f"id='{fid}'" in html, (name, fid)
    assert "<title>two-cities-compare</title>" in (tmp_path / "two.html").read_text()
    assert "daily-" not in (tmp_path / "run2.html").read_text()


def test_summary_tables_have_a_column_per_region(runs) -> None:
    out = load_run(runs["two"])
    summary = json.loads((runs["two"] / "summary.json").read_text())
    sections = run_section.build(out, ReportOptions())
    tables = {t.id: t.frame for s in sections for t in s.tables}
    totals = tables["summary-totals"]
    assert list(totals.columns) == ["metric", "unit", "value", "whole run", "West", "East"]
    arrests = totals.set_index("metric").loc["arrests"]
    for column, block in [("whole run", summary), ("West", summary["regions"]["West"]),
                          ("East", summary["regions"]["East"])]:
        assert arrests[column] == f"{block['totals']['arrests']:,}"
    activity = tables["summary-activity"].set_index("statistic")
    assert activity.loc["most active at once", "East"] == \
        f"{summary['regions']['East']['activity']['peak_active']:,}"
    # A tick of the whole run is shown with its local time on the first region's clock.
    peak = summary["activity"]["peak_tick"]
    ts = pd.read_csv(runs["two"] / "timeseries.csv")
    when = ts[(ts["tick"] == peak) & (ts["region"] == "West")]["time"].iloc[0]
    assert activity.loc["first tick with the most active", "whole run"] == \
        f"{peak:,} ({when.replace('T', ' ')})"


# --- Bad input -------------------------------------------------------------------------------


@pytest.fixture
def copy_of(runs, tmp_path: Path):
    made = []

    def make(name: str) -> Path:
        made.append(name)
        d = tmp_path / f"{name}{len(made)}"
        shutil.copytree(runs[name], d)
        return d
    return make


def report_error(d: Path) -> str:
    with pytest.raises(ReportError) as e:
        build_report(d, ReportOptions(video="none"))
    return str(e.value)


def test_missing_or_malformed_files_name_the_file(copy_of) -> None:
    d = copy_of("two")
    (d / "summary.json").unlink()
    assert report_error(d) == f"{d / 'summary.json'}: missing (every run directory has it)"

    d = copy_of("run2")
    (d / "manifest.json").write_text('{"run": {"seed": 1,}}')
    assert report_error(d).startswith(f"{d / 'manifest.json'}: line 1 column 20: expected JSON")

    d = copy_of("two")
    text = (d / "daily.csv").read_text().splitlines()
    text[3] = text[3].replace(",", ",oops,", 1)  # one cell too many
    (d / "daily.csv").write_text("\n".join(text) + "\n")
    message = report_error(d)
    assert message.startswith(f"{d / 'daily.csv'}: not a valid CSV file (")
    assert "line 4" in message

    d = copy_of("two")
    ts = pd.read_csv(d / "timeseries.csv", keep_default_na=False, dtype=str)
    ts.drop(columns=["jailed"]).to_csv(d / "timeseries.csv", index=False)
    assert report_error(d) == f"{d / 'timeseries.csv'}: missing columns ['jailed']"

    d = copy_of("two")
    ts = pd.read_csv(d / "timeseries.csv", keep_default_na=False, dtype=str)
    ts.loc[5, "active"] = "many"
    ts.to_csv(d / "timeseries.csv", index=False)
    assert report_error(d) == \
        f"{d / 'timeseries.csv'}: line 7: column active: expected a number, found 'many'"

    d = copy_of("two")
    cmp = pd.read_csv(d / "comparison.csv", keep_default_na=False, dtype=str)
    cmp.drop(columns=["reported_max"]).to_csv(d / "comparison.csv", index=False)
    assert report_error(d) == f"{d / 'comparison.csv'}: missing columns ['reported_max']"

    d = copy_of("two")
    (d / "events.csv").unlink()
    assert report_error(d) == f"{d / 'events.csv'}: missing"


def test_bad_input_gives_one_line_and_status_2(copy_of, capsys) -> None:
    d = copy_of("run2")
    (d / "summary.json").write_text("[1, 2]")
    assert main(["report", str(d)]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {d / 'summary.json'}: expected a JSON object, found list\n"
    assert not (d / "report.html").exists()
