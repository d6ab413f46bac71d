"""The "Maps" section: each region's grid at chosen times, the animation over the run (a player in
the page) and the animation as a video file beside the page, all from the run's snapshots
(`unrest run --snapshot-every`, read by unrest_analysis.snapshots)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import numpy as np

from .. import animation, maps, snapshots, style
from ..errors import ReportError
from ..page import Figure, Section
from ..report import REPORT_NAME

NO_SNAPSHOTS = (
    "This run took no grid snapshots, so there are no maps and no animation. Rerun it with "
    "`unrest run SCENARIO --out DIR --snapshot-every 1h` (a calendar duration, or a tick count "
    "such as `--snapshot-every 10` for a scenario without a calendar) and write the report again."
)

# The counts shown with each frame: (timeseries.csv column, label).
COUNTS = [("quiet", "quiet"), ("active", "active"), ("violent", "violent"), ("cops", "police"),
          ("military", "military")]


def slug(name: str) -> str:
    """A region name as a page id part: lower case, '_' as '-' (ids are [a-z][a-z0-9-]*)."""
    s = name.lower().replace("_", "-")
    return s if s[:1].isalpha() else f"r{s}"


def _shown(time: str) -> str:
    return time.replace("T", " ")


def _parse(text: str, what: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise ReportError(f"{what} {text!r}: expected a local time such as 2022-01-05T12:00") \
            from None


class RegionFrames:
    """One region's frames as the report names them: ticks, local times (None without a
    calendar) and the counts of timeseries.csv at each frame's tick."""

    def __init__(self, outputs, name: str, ticks: np.ndarray):
        ts = outputs.region(name)
        by_tick = ts.set_index("tick")
        missing = [int(t) for t in ticks if t not in by_tick.index]
        if missing:
            raise ReportError(f"{outputs.directory / snapshots.JSON_NAME}: frames at ticks "
                              f"{missing[:5]} that timeseries.csv does not have for region {name} "
                              "(snapshots from another run?)")
        rows = by_tick.loc[ticks]
        self.name = name
        self.ticks = ticks
        self.times = list(rows["time"]) if "time" in ts.columns else None
        self.run_span = (ts["time"].iloc[0], ts["time"].iloc[-1]) if self.times else None
        self.rows = rows.reset_index()
        self.units = {m["name"]: m["unit"] for m in outputs.metrics}

    def label(self, f: int) -> str:
        """The frame's local time ('2022-01-05 12:00'), or 'tick N' without a calendar."""
        return _shown(self.times[f]) if self.times else f"tick {int(self.ticks[f])}"

    def counts(self, f: int) -> str:
        row = self.rows.iloc[f]
        parts = [f"{label} {int(row[c]):,}" for c, label in COUNTS if c in self.rows.columns]
        unit = self.units.get("quiet", "")
        return " \u00b7 ".join(parts) + (f" ({unit})" if unit else "")

    def series(self, column: str) -> np.ndarray | None:
        return self.rows[column].to_numpy() if column in self.rows.columns else None

    def default_frames(self) -> list[tuple[int, str]]:
        """Start, the peak of actives, the peak of violence (when any) and the end."""
        picks = [(0, "start")]
        for column, why in (("active", "peak of actives"), ("violent", "peak of violence")):
            s = self.series(column)
            if s is not None and s.max() > 0:
                picks.append((int(np.argmax(s)), why))
        picks.append((len(self.ticks) - 1, "end"))
        return _merge(picks)

    def frame_at(self, at: str) -> int:
        """The frame nearest a local time given by --at (a tick number without a calendar)."""
        if not self.times:
            try:
                tick = int(at.removeprefix("tick").strip())
            except ValueError:
                raise ReportError(f"--at {at!r}: this run has no calendar; give a tick number "
                                  f"(0 to {int(self.rows['tick'].iloc[-1])})") from None
            if not 0 <= tick <= int(self.ticks[-1]):
                raise ReportError(f"--at {at}: outside the snapshots (ticks 0 to "
                                  f"{int(self.ticks[-1])})")
            return int(np.argmin(np.abs(self.ticks - tick)))
        when = _parse(at, "--at")
        first, last = (_parse(t, "timeseries.csv time") for t in self.run_span)
        if not first <= when <= last:
            raise ReportError(f"--at {at}: outside the run ({self.name}: {_shown(self.run_span[0])}"
                              f" to {_shown(self.run_span[1])} local time)")
        seconds = [abs((_parse(t, "timeseries.csv time") - when).total_seconds())
                   for t in self.times]
        return int(np.argmin(seconds))


def _merge(picks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """One map per frame, the reasons joined, in time order."""
    out: dict[int, list[str]] = {}
    for f, why in picks:
        out.setdefault(f, [])
        if why not in out[f]:
            out[f].append(why)
    return [(f, ", ".join(w)) for f, w in sorted(out.items())]


def chosen_frames(rf: RegionFrames, at: list[str]) -> list[tuple[int, str]]:
    if not at:
        return rf.default_frames()
    return _merge([(rf.frame_at(a), f"--at {a}") for a in at])


def _strength(top: np.ndarray) -> str:
    if top.max() <= 1:
        return "no cell held more than one agent in this run, so every agent is drawn alike"
    return ("the stronger the colour the more agents in the cell, on a log scale from 1 agent to "
            "the most any cell holds in the run (the legend gives it per state)")


def _caption(region: snapshots.RegionSnapshots, snaps: snapshots.Snapshots, top: np.ndarray,
             box: maps.Box | None, counts: str, tick: int) -> str:
    ppa = f"{snaps.persons_per_agent:g}"
    text = (
        "Agents standing in each cell at this snapshot, by state: quiet light grey, active "
        "orange, violent red, police blue, military green, painted in that order; "
        f"{_strength(top)}. One agent stands for {ppa} persons; jailed, injured, dead and "
        "withdrawn agents are not on the grid. Sites are squares coloured by their status "
        "(intact grey, damaged yellow, seized red, burned black). "
    )
    if region.origin and region.cell_size_m:
        text += (f"North is up: row 0 is the grid's south edge and the south-west corner is at "
                 f"{region.origin['lat']:g}\u00b0 N, {region.origin['lon']:g}\u00b0 E; one cell is "
                 f"{region.cell_size_m:g} m, axes in km. ")
    elif region.cell_size_m:
        text += (f"Row 0 is drawn at the bottom (north up when the scenario places the grid "
                 f"with grid.origin); one cell is {region.cell_size_m:g} m, axes in km. ")
    else:
        text += "Row 0 is drawn at the bottom; axes in cells (the grid has no geography). "
    if box is not None:
        text += (f"Left, the whole grid, where each agent that is not quiet is drawn larger than "
                 f"its cell so that a lone one shows; right, enlarged, the part where the crowds "
                 f"stood over the run ({box.width} x {box.height} cells from column {box.x0}, row "
                 f"{box.y0}; the square outlined on the left). ")
    text += f"The run at this tick ({tick}, timeseries.csv): {counts}."
    return text


def _map_figures(region, snaps, rf: RegionFrames, options, top, box) -> list[Figure]:
    figures = []
    offset = f" (UTC{region.utc_offset})" if region.utc_offset else ""
    for k, (f, why) in enumerate(chosen_frames(rf, list(options.at or []))):
        when = rf.label(f) + (" local time" + offset if rf.times else "")
        title = f"{region.name}, {when}: {why}"
        fig = maps.map_figure(region, f, top, title, box)
        figures.append(Figure(
            id=f"map-{slug(region.name)}-{k + 1}",
            title=f"Map of {region.name} at {rf.label(f)} ({why})",
            caption=_caption(region, snaps, top, box, rf.counts(f), int(rf.ticks[f])),
            png=maps.palette_png(style.png_of(fig)),
        ))
    return figures


def _duration(seconds: float) -> str:
    for unit, length in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= length and seconds % length == 0:
            return f"{int(seconds // length)} {unit}"
    return f"{seconds:g} s"


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def _animation_figure(region, snaps, rf: RegionFrames, options, top, box, kind, page: Path):
    if not options.animation and kind is None:
        return None
    frames = animation.subsample(snaps.count, max(1, int(options.max_frames)))
    fs = animation.FrameStyle.of(region, box, top)
    offset = f" (UTC{region.utc_offset})" if region.utc_offset else ""
    images = [animation.render_frame(region, f, fs, f"{region.name}  {rf.label(f)}{offset}",
                                     rf.counts(f)) for f in frames]
    parts = []
    if options.animation:
        pngs = [animation.png_bytes(i) for i in animation.to_palette(images)]
        parts.append(animation.player_html(f"anim-{slug(region.name)}", pngs,
                                           [rf.label(f) for f in frames],
                                           f"animation of {region.name}"))
    if kind is not None:
        path = animation.write_video(images, page.parent / f"animation_{region.name}.{kind}",
                                     kind)
        parts.append(f"<p class='video'>Video file: <a href='{path.name}'>{path.name}</a> "
                     f"({len(images)} frames, {animation.FPS} per second, "
                     f"{_size(path.stat().st_size)}), beside this page.</p>")
    if len(frames) == snaps.count:
        which = f"All {snaps.count} snapshots (every {snaps.every_ticks} ticks)"
    else:
        which = f"{len(frames)} of the run's {snaps.count} snapshots, evenly spread"
    where = "the whole grid" if box is None else (
        f"the whole grid and, enlarged beside it, the part where the crowds stood ({box.width} x "
        f"{box.height} cells)")
    if not fs.quiet_cells:
        where += ("; the quiet citizens as their density over 7 x 7 cells in five shades (a city "
                  "as it started is the middle one)")
    return Figure(
        id=f"animation-{slug(region.name)}",
        title=f"Animation of {region.name} over the run",
        caption=(f"{which}, {animation.FPS} per second, looping: {where}; north up, colours as "
                 "in the maps; each frame's local time and the run's counts at that tick above "
                 "it."),
        html="".join(parts),
    )


def build(outputs, options) -> list[Section]:
    snaps = snapshots.load(outputs.directory)
    if snaps is None:
        return [Section(id="maps", title="Maps", placeholder=NO_SNAPSHOTS)]
    unknown = [r.name for r in snaps.regions if r.name not in outputs.regions]
    if unknown:
        raise ReportError(f"{outputs.directory / snapshots.JSON_NAME}: regions {unknown} are not "
                          f"the run's ({outputs.regions}; snapshots from another run?)")
    kind = animation.video_kind(options.video)
    page = Path(options.out) if options.out else Path(outputs.directory) / REPORT_NAME
    figures: list[Figure] = []
    players = False
    for region in snaps.regions:
        rf = RegionFrames(outputs, region.name, snaps.ticks)
        top = maps.layer_max(region)
        box = maps.activity_box(region)
        figures += _map_figures(region, snaps, rf, options, top, box)
        anim = _animation_figure(region, snaps, rf, options, top, box, kind, page)
        if anim is not None:
            figures.append(anim)
            players = players or options.animation
    when = ("at the times given by --at" if options.at else "at the start, the peak of actives, "
            "the peak of violence (when any) and the end (choose others with --at)")
    every = f"every {snaps.every_ticks} ticks"
    if snaps.times and snaps.count >= 3:
        step = _parse(snaps.times[2], "time") - _parse(snaps.times[1], "time")
        every += f", {_duration(step.total_seconds())}"
    intro = (f"From the run's {snaps.count} grid snapshots (snapshots.npz, {every}): each "
             f"region {when}, then its animation.")
    return [Section(id="maps", title="Maps", intro=intro, figures=figures,
                    extra_script=animation.PLAYER_SCRIPT if players else "")]
