"""The report's maps and animation (unrest_analysis.snapshots, .maps, .animation, sections.maps)
on snapshots written by the real program: Almaty for 560 ticks (to 5 January 21:10, through the
violence of the 5th) with a snapshot every hour, Model I's run 2 with one every 10 ticks (no
calendar, no sites, no geography) and run 2 without snapshots."""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "analysis"))

from unrest_analysis import animation, maps, snapshots, style  # noqa: E402
from unrest_analysis.errors import ReportError  # noqa: E402
from unrest_analysis.outputs import load_run  # noqa: E402
from unrest_analysis.report import ReportOptions  # noqa: E402
from unrest_analysis.sections import maps as maps_section  # noqa: E402

BINARY = ROOT / "build" / "unrest"
ALMATY_TICKS = 560
EVERY = 6  # 1h of 10-minute ticks
CLASSIC_TICKS = 100
CELL_KM = 0.07


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Path]:
    """{'almaty': snapshots every hour, 'classic': Model I run 2 every 10 ticks, 'plain': run 2
    without snapshots}."""
    if not BINARY.exists():
        pytest.fail(f"{BINARY} not built: run scripts/build.sh first")
    base = tmp_path_factory.mktemp("maps")
    out = {name: base / name for name in ("almaty", "classic", "plain")}
    run2 = str(ROOT / "scenarios/epstein2002/run2.yaml")
    commands = [
        [str(ROOT / "scenarios/kazakhstan2022/almaty.yaml"), "--ticks", str(ALMATY_TICKS),
         "--snapshot-every", "1h", "--out", str(out["almaty"])],
        [run2, "--ticks", str(CLASSIC_TICKS), "--snapshot-every", "10", "--out",
         str(out["classic"])],
        [run2, "--ticks", "20", "--out", str(out["plain"])],
    ]
    for c in commands:
        subprocess.run([str(BINARY), "run", *c, "--quiet"], check=True)
    return out


def _options(tmp_path: Path, **kwargs) -> ReportOptions:
    kwargs.setdefault("video", "none")
    return ReportOptions(out=tmp_path / "report.html", **kwargs)


# --- The reader ------------------------------------------------------------------------------


def test_reader_returns_the_arrays(runs) -> None:
    d = runs["almaty"]
    snaps = snapshots.load(d)
    meta = json.loads((d / "snapshots.json").read_text())
    frames = ALMATY_TICKS // EVERY + 1
    assert snaps.count == frames == len(meta["frames"])
    assert snaps.every_ticks == EVERY
    assert snaps.ticks.tolist() == [EVERY * k for k in range(frames)]
    assert snaps.persons_per_agent == 20
    (region,) = snaps.regions
    assert (region.name, region.width, region.height, region.cell_size_m) == ("almaty", 372, 372,
                                                                             70)
    assert region.origin == {"lat": 43.15, "lon": 76.78}
    with np.load(d / "snapshots.npz") as npz:
        assert np.array_equal(region.frames, npz["frames_almaty"])
        assert np.array_equal(region.site_status, npz["sites_almaty"])
    assert region.frames.shape == (frames, 5, 372, 372)
    assert [(s.name, s.x, s.y) for s in region.sites] == [
        (s["name"], s["x"], s["y"]) for s in meta["regions"][0]["sites"]]
    assert len(region.sites) == 31
    # The frames' times are timeseries.csv's local times at their ticks.
    ts = load_run(d).region("almaty").set_index("tick")
    assert snaps.times == ts.loc[snaps.ticks, "time"].tolist()
    assert snaps.times[0] == "2022-01-02T00:00"
    # Every citizen standing on the grid is in the quiet, active or violent layer: at tick 0 all
    # 101,514 agents (2,030,280 persons) are quiet and stand somewhere.
    assert int(region.frames[0, 0].sum(dtype=np.int64)) * 20 == int(ts.loc[0, "quiet"])
    # Over the run the on-grid active and violent agents follow timeseries.csv (cells saturate
    # at 255 agents, so the sums can only be smaller).
    last = snaps.count - 1
    for k, column in ((1, "active"), (2, "violent")):
        drawn = int(region.frames[last, k].sum(dtype=np.int64)) * 20
        assert drawn <= int(ts.loc[snaps.ticks[last], column])
    # A run that reached the violence of 5 January damaged or seized sites.
    assert region.site_status[-1].max() >= 1
    assert region.site_status[0].max() == 0


def test_reader_without_geography_or_sites(runs) -> None:
    snaps = snapshots.load(runs["classic"])
    (region,) = snaps.regions
    assert snaps.times is None
    assert snaps.count == CLASSIC_TICKS // 10 + 1
    assert (region.width, region.height, region.cell_size_m, region.origin) == (40, 40, None, None)
    assert region.sites == [] and region.site_status.shape == (snaps.count, 0)
    assert snapshots.load(runs["plain"]) is None


def _copy(src: Path, dst: Path) -> Path:
    dst.mkdir()
    for name in ("snapshots.json", "snapshots.npz"):
        shutil.copy(src / name, dst / name)
    return dst


def _rewrite_npz(d: Path, change) -> None:
    with np.load(d / "snapshots.npz") as npz:
        arrays = {k: npz[k] for k in npz.files}
    change(arrays)
    np.savez_compressed(d / "snapshots.npz", **arrays)


def _rewrite_json(d: Path, change) -> None:
    meta = json.loads((d / "snapshots.json").read_text())
    change(meta)
    (d / "snapshots.json").write_text(json.dumps(meta))


def _drop(key):
    return lambda a: a.pop(key)


def _set(key, value):
    return lambda m: m.__setitem__(key, value)


MALFORMED = {
    "no npz": ("json", lambda d: (d / "snapshots.npz").unlink(), "snapshots.npz: missing"),
    "no json": ("json", lambda d: (d / "snapshots.json").unlink(), "snapshots.json: missing"),
    "not json": ("json", lambda d: (d / "snapshots.json").write_text("{frames"),
                 "snapshots.json: line 1 column 2: not JSON"),
    "format": ("json", lambda d: _rewrite_json(d, _set("format", "other")),
               "snapshots.json: format: expected \"unrest-snapshots\", got 'other'"),
    "version": ("json", lambda d: _rewrite_json(d, _set("version", 2)),
                "snapshots.json: version: expected 1 (the version this report reads), got 2"),
    "layers": ("json", lambda d: _rewrite_json(d, _set("layers", ["quiet", "active"])),
               "snapshots.json: layers: expected ['quiet', 'active', 'violent', 'police', "),
    "frame missing": ("json", lambda d: _rewrite_json(d, lambda m: m["frames"].pop()),
                      "snapshots.npz: member ticks.npy: expected the 93 frames of snapshots.json, "
                      "got shape (94,)"),
    "frame tick": ("json", lambda d: _rewrite_json(
        d, lambda m: m["frames"][1].__setitem__("tick", 7)), "differ from snapshots.json"),
    "region width": ("json", lambda d: _rewrite_json(
        d, lambda m: m["regions"][0].__setitem__("width", 371)),
        "snapshots.npz: member frames_almaty.npy: expected shape (94, 5, 372, 371), got "
        "(94, 5, 372, 372)"),
    "site outside": ("json", lambda d: _rewrite_json(
        d, lambda m: m["regions"][0]["sites"][0].__setitem__("x", 372)),
        "snapshots.json: regions[0].sites[0].x: expected a column in [0, 372), got 372"),
    "region key": ("json", lambda d: _rewrite_json(
        d, lambda m: m["regions"][0].pop("height")),
        "snapshots.json: regions[0].height: missing"),
    "member missing": ("npz", lambda d: _rewrite_npz(d, _drop("frames_almaty")),
                       "snapshots.npz: no member frames_almaty.npy"),
    "sites missing": ("npz", lambda d: _rewrite_npz(d, _drop("sites_almaty")),
                      "snapshots.npz: no member sites_almaty.npy"),
    "dtype": ("npz", lambda d: _rewrite_npz(
        d, lambda a: a.__setitem__("frames_almaty", a["frames_almaty"].astype(np.uint16))),
        "snapshots.npz: member frames_almaty.npy: expected dtype uint8, got uint16"),
    "ticks dtype": ("npz", lambda d: _rewrite_npz(
        d, lambda a: a.__setitem__("ticks", a["ticks"].astype(np.int32))),
        "snapshots.npz: member ticks.npy: expected dtype int64, got int32"),
    "shape": ("npz", lambda d: _rewrite_npz(
        d, lambda a: a.__setitem__("frames_almaty", a["frames_almaty"][:, :4])),
        "snapshots.npz: member frames_almaty.npy: expected shape (94, 5, 372, 372), got "
        "(94, 4, 372, 372)"),
    "status": ("npz", lambda d: _rewrite_npz(
        d, lambda a: a["sites_almaty"].__setitem__((3, 0), 4)),
        "snapshots.npz: member sites_almaty.npy: site status 4: expected 0..3"),
    "not a zip": ("npz", lambda d: (d / "snapshots.npz").write_bytes(b"not a zip archive"),
                  "snapshots.npz: not a NumPy .npz archive"),
    "truncated": ("npz", lambda d: (d / "snapshots.npz").write_bytes(
        (d / "snapshots.npz").read_bytes()[:5000]), "snapshots.npz: "),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_reader_rejects_malformed_files(runs, tmp_path: Path, case: str) -> None:
    _, spoil, message = MALFORMED[case]
    d = _copy(runs["almaty"], tmp_path / "run")
    spoil(d)
    with pytest.raises(ReportError) as e:
        snapshots.load(d)
    assert message in str(e.value)
    assert str(d) in str(e.value)  # the message names the file by its path


# --- Maps ------------------------------------------------------------------------------------


def _drawn(ax) -> dict[str, np.ndarray]:
    """What a map axes draws per layer, as a (height, width) count grid: the quiet image's data,
    and each other layer's markers (offsets at cell centres, colour data the counts)."""
    out = {im.get_label(): np.ma.filled(im.get_array(), 0) for im in ax.get_images()}
    shape = out["quiet"].shape
    for c in ax.collections:
        label = str(c.get_label())
        if label in snapshots.LAYERS:
            grid = np.zeros(shape, np.int64)
            xy = np.asarray(c.get_offsets()).reshape(-1, 2) / CELL_KM - 0.5
            cells = np.rint(xy).astype(int)
            assert np.allclose(xy, cells)  # at cell centres
            grid[cells[:, 1], cells[:, 0]] = np.asarray(c.get_array())
            assert len(cells) == len({(x, y) for x, y in cells})  # one marker per cell
            out[label] = grid
    return out


def _sites(ax) -> dict[str, np.ndarray]:
    out = {}
    for c in ax.collections:
        if str(c.get_label()).startswith("sites: "):
            out[c.get_label()[len("sites: "):]] = np.asarray(c.get_offsets()).reshape(-1, 2)
    return out


def test_map_draws_the_snapshot(runs) -> None:
    snaps = snapshots.load(runs["almaty"])
    (region,) = snaps.regions
    top = maps.layer_max(region)
    box = maps.activity_box(region)
    # 372 x 372 cells: the crowds' part is enlarged beside the whole grid; Republic Square, where
    # they gathered, is in it.
    assert box is not None and box.width == box.height < 0.6 * 372
    assert box.contains(region.sites[0].x, region.sites[0].y)
    assert region.sites[0].name == "republic_square"
    f = snaps.count - 1
    fig = maps.map_figure(region, f, top, "t", box)
    whole, zoom = fig.axes[:2]
    for ax in (whole, zoom):
        drawn = _drawn(ax)
        assert list(drawn) == snapshots.LAYERS
        for k, name in enumerate(snapshots.LAYERS):
            assert np.array_equal(drawn[name], region.frames[f, k]), name
        sites = _sites(ax)
        assert list(sites) == snapshots.SITE_STATUS
        for k, status in enumerate(snapshots.SITE_STATUS):
            expected = [((s.x + 0.5) * CELL_KM, (s.y + 0.5) * CELL_KM)
                        for s, st in zip(region.sites, region.site_status[f]) if st == k]
            assert np.allclose(sites[status], np.array(expected).reshape(-1, 2)), status
    # North up, in km: row 0 at the bottom of a 26.04 km square.
    assert whole.get_ylim() == pytest.approx((0, 372 * CELL_KM))
    assert whole.get_images()[0].origin == "lower"
    assert zoom.get_xlim() == pytest.approx((box.x0 * CELL_KM, box.x1 * CELL_KM))
    assert zoom.get_ylim() == pytest.approx((box.y0 * CELL_KM, box.y1 * CELL_KM))
    assert "km" in whole.get_xlabel()
    # The enlarged panel names the sites in it, the whole grid those outside.
    def named(ax):
        return {t.get_text() for t in ax.texts}

    inside = {s.name.replace("_", " ") for s in region.sites if box.contains(s.x, s.y)}
    assert named(zoom) == inside
    assert named(whole) == {s.name.replace("_", " ") for s in region.sites} - inside
    png = style.png_of(fig)
    assert Image.open(io.BytesIO(png)).format == "PNG"
    small = maps.palette_png(png)
    with Image.open(io.BytesIO(png)) as full, Image.open(io.BytesIO(small)) as pal:
        assert pal.mode == "P" and pal.size == full.size and len(small) < len(png) / 2


def test_small_grid_map_in_cells(runs) -> None:
    snaps = snapshots.load(runs["classic"])
    (region,) = snaps.regions
    assert maps.activity_box(region) is None  # 40 x 40: the whole grid
    fig = maps.map_figure(region, 3, maps.layer_max(region), "t", None)
    (ax,) = fig.axes
    global CELL_KM
    km, CELL_KM = CELL_KM, 1.0  # axes in cells
    try:
        drawn = _drawn(ax)
    finally:
        CELL_KM = km
    for k, name in enumerate(snapshots.LAYERS):
        assert np.array_equal(drawn[name], region.frames[3, k])
    assert ax.get_xlim() == (0, 40) and ax.get_xlabel() == "x (cells)"
    # Model I: citizens quiet or active on the grid, 64 cops, nothing else.
    assert int(region.frames[3, 3].sum()) == 64
    assert int(region.frames[3, 2].sum()) == int(region.frames[3, 4].sum()) == 0


def test_compose_colours_and_opacity(runs) -> None:
    snaps = snapshots.load(runs["almaty"])
    (region,) = snaps.regions
    top = maps.layer_max(region)
    f = int(np.argmax(region.frames[:, 2].max(axis=(1, 2))))
    rgb = maps.compose(region.frames[f], top)
    assert rgb.shape == (372, 372, 3) and rgb.dtype == np.uint8
    layers = region.frames[f]
    # An empty cell is white; a cell holding the run's most violent agents and no police or
    # military on it is the violent colour itself (full opacity).
    empty = np.argwhere(layers.sum(axis=0) == 0)
    y, x = empty[0]
    assert tuple(rgb[y, x]) == (255, 255, 255)
    full = np.argwhere((layers[2] == top[2]) & (layers[3] == 0) & (layers[4] == 0))
    assert len(full) > 0
    y, x = full[0]
    assert tuple(rgb[y, x]) == animation._rgb("violent")
    # One police agent alone: the layer's lowest opacity over white (its highest when no cell
    # ever holds more than one).
    one = np.argwhere((layers[3] == 1) & (layers[[0, 1, 2, 4]].sum(axis=0) == 0))
    y, x = one[0]
    low, high = maps.OPACITY["police"]
    a = low if top[3] > 1 else high
    expected = [round(255 * (1 - a) + c * a) for c in animation._rgb("police")]
    assert list(rgb[y, x]) == pytest.approx(expected, abs=1)


# --- Choosing the maps' times ----------------------------------------------------------------


def _titles(sections) -> list[str]:
    (section,) = sections
    return [f.title for f in section.figures if f.id.startswith("map-")]


def test_default_maps_start_peaks_end(runs, tmp_path: Path) -> None:
    outputs = load_run(runs["almaty"])
    sections = maps_section.build(outputs, _options(tmp_path, animation=False))
    ts = outputs.region("almaty").set_index("tick")
    ticks = [EVERY * k for k in range(ALMATY_TICKS // EVERY + 1)]
    at = ts.loc[ticks]
    peak_active = ticks[int(np.argmax(at["active"].to_numpy()))]
    peak_violent = ticks[int(np.argmax(at["violent"].to_numpy()))]
    assert at["violent"].max() > 0 and peak_active != peak_violent
    expected = {0: "start", peak_active: "peak of actives", peak_violent: "peak of violence",
                ticks[-1]: "end"}
    titles = _titles(sections)
    assert titles == [
        f"Map of almaty at {ts.loc[t, 'time'].replace('T', ' ')} ({why})"
        for t, why in sorted(expected.items())]
    (section,) = sections
    for f in section.figures:
        assert Image.open(io.BytesIO(f.png)).mode == "P"
    ids = [f.id for f in section.figures]
    assert ids == ["map-almaty-1", "map-almaty-2", "map-almaty-3", "map-almaty-4"]
    assert section.placeholder is None and section.extra_script == ""
    # The caption gives the counts of timeseries.csv at the map's tick.
    last = section.figures[-1].caption
    assert f"active {int(at['active'].iloc[-1]):,}" in last
    assert f"police {int(at['cops'].iloc[-1]):,}" in last
    assert "North is up" in last and "43.15" in last


def test_at_picks_the_nearest_frame(runs, tmp_path: Path) -> None:
    outputs = load_run(runs["almaty"])
    # The frames' times are timeseries.csv's at their ticks: the nearest of those.
    ts = outputs.region("almaty").set_index("tick")
    times = pd.to_datetime(ts.loc[[EVERY * k for k in range(ALMATY_TICKS // EVERY + 1)], "time"])
    wanted = ["2022-01-05T12:20", "2022-01-03T00:00"]
    expected = []
    for w in wanted:
        i = int(np.argmin(np.abs((times - pd.Timestamp(w)).dt.total_seconds().to_numpy())))
        expected.append((times.iloc[i], w))
    sections = maps_section.build(outputs, _options(tmp_path, at=wanted, animation=False))
    assert _titles(sections) == [
        f"Map of almaty at {t.strftime('%Y-%m-%d %H:%M')} (--at {w})" for t, w in sorted(expected)]


@pytest.mark.parametrize("at, message", [
    ("2022-01-12T00:00", "--at 2022-01-12T00:00: outside the run (almaty: 2022-01-02 00:00 to "
                         "2022-01-05 21:10 local time)"),
    ("2022-01-01T23:50", "--at 2022-01-01T23:50: outside the run"),
    ("5 January noon", "--at '5 January noon': expected a local time such as 2022-01-05T12:00"),
])
def test_at_outside_the_run(runs, tmp_path: Path, at: str, message: str) -> None:
    outputs = load_run(runs["almaty"])
    assert outputs.region("almaty")["time"].iloc[-1] == "2022-01-05T21:10"
    with pytest.raises(ReportError) as e:
        maps_section.build(outputs, _options(tmp_path, at=[at]))
    assert str(e.value) == message or str(e.value).startswith(message)


def test_at_without_a_calendar_takes_ticks(runs, tmp_path: Path) -> None:
    outputs = load_run(runs["classic"])
    sections = maps_section.build(outputs, _options(tmp_path, at=["34"], animation=False))
    assert _titles(sections) == ["Map of main at tick 30 (--at 34)"]
    with pytest.raises(ReportError, match="--at '2022-01-05T12:00': this run has no calendar"):
        maps_section.build(outputs, _options(tmp_path, at=["2022-01-05T12:00"]))


# --- The animation ---------------------------------------------------------------------------


class _Player(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: dict[str, str] = {}
        self._open: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        self._open = a.get("class")

    def handle_data(self, data):
        if self._open:
            self.text[self._open] = self.text.get(self._open, "") + data

    def handle_endtag(self, tag):
        self._open = None

    def one(self, tag: str, cls: str) -> dict:
        found = [a for t, a in self.tags if t == tag and a.get("class") == cls]
        assert len(found) == 1, (tag, cls)
        return found[0]


def _player(section, region="almaty") -> _Player:
    (fig,) = [f for f in section.figures if f.id == f"animation-{region}"]
    p = _Player()
    p.feed(fig.html)
    return p


def test_player_follows_the_page_contract(runs, tmp_path: Path) -> None:
    outputs = load_run(runs["almaty"])
    snaps = snapshots.load(runs["almaty"])
    (section,) = maps_section.build(outputs, _options(tmp_path, max_frames=10))
    p = _player(section)
    div = p.one("div", "player")
    assert div["id"] == "anim-almaty" and div["data-frames"] == "10"
    assert p.one("button", "play") is not None and p.text["play"] == "Play"
    slider = p.one("input", "frame")
    assert (slider["type"], slider["min"], slider["max"], slider["value"]) == ("range", "0", "9",
                                                                               "0")
    img = p.one("img", "frame-img")
    data = json.loads(p.text["frames"])
    # Ten frames spread evenly over the 94, the first and the last kept; each labelled with its
    # local time from timeseries.csv.
    picked = animation.subsample(snaps.count, 10)
    assert picked[0] == 0 and picked[-1] == snaps.count - 1 and len(picked) == 10
    assert np.diff(picked).max() - np.diff(picked).min() <= 1
    assert data["labels"] == [snaps.times[f].replace("T", " ") for f in picked]
    assert p.text["frame-label"] == data["labels"][0]
    assert len(data["src"]) == 10 and img["src"] == data["src"][0]
    sizes = set()
    for src in data["src"]:
        assert src.startswith("data:image/png;base64,")
        im = Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1])))
        assert im.format == "PNG" and im.mode == "P"
        sizes.add(im.size)
    assert len(sizes) == 1
    assert data["interval_ms"] == 200  # 5 frames per second
    script = section.extra_script
    for needle in ("window.unrestPlayers", "frame:", "play:", "pause:", "show:", "setInterval",
                   "% n", '"Pause"', '"Play"'):
        assert needle in script
    assert "http" not in script and "http" not in json.dumps(data["labels"])


def test_animation_frames_show_the_arrays(runs) -> None:
    snaps = snapshots.load(runs["almaty"])
    (region,) = snaps.regions
    top = maps.layer_max(region)
    box = maps.activity_box(region)
    fs = animation.FrameStyle.of(region, box, top)
    whole, zoom = fs.panels
    assert whole.box == maps.Box(0, 372, 0, 372) and zoom.box == box
    f = snaps.count - 1
    img = np.asarray(animation.render_frame(region, f, fs, "title", "counts"))
    assert img.shape[:2] == fs.size[::-1] and fs.size[0] % 2 == 0 and fs.size[1] % 2 == 0
    layers = region.frames[f]
    assert not fs.quiet_cells  # 372 x 372: the quiet density in bands
    shade = fs.shade(region, f)
    assert np.array_equal(shade, animation.quiet_shade(layers[0], fs.quiet_mean))
    rgb = maps.compose(layers, top, shade)
    # The enlarged part: a whole number of pixels per cell, every cell its composed colour,
    # north up (the picture's top row is the box's northernmost grid row).
    s = zoom.scale
    pz = animation.panel_pixels(region, f, zoom, top, shade)
    assert pz.shape == (box.height * s, box.width * s, 3)
    cells = rgb[box.y0 : box.y1, box.x0 : box.x1][::-1]
    assert np.array_equal(pz, np.repeat(np.repeat(cells, s, axis=0), s, axis=1))
    assert np.array_equal(pz[0, 0], rgb[box.y1 - 1, box.x0])
    # Cells with violent agents (and no police or military on them) are red.
    v = (layers[2] > 0) & (layers[3:].sum(axis=0) == 0)
    red = rgb[v].astype(int)
    assert len(red) > 0
    assert (red[:, 0] > red[:, 1] + 40).all() and (red[:, 0] > red[:, 2] + 40).all()
    # The whole grid: one pixel per cell, each agent that is not quiet a 3-pixel square; an agent
    # with no other within two cells shows its colour at its cell's centre.
    assert (whole.scale, whole.dot) == (1, 3)
    pw = animation.panel_pixels(region, f, whole, top, shade)
    assert pw.shape == (372, 372, 3)
    near = maps.window_sum(layers[1:].sum(axis=0), 2)
    background = maps.compose(np.zeros_like(layers), top, shade)
    checked = 0
    for k in range(1, 5):
        ys, xs = np.nonzero((layers[k] > 0) & (near == layers[k]))
        for y, x in zip(ys, xs):
            a = maps.opacity(layers[k][y : y + 1, x], k, int(top[k]))[0]
            colour = np.asarray(animation._rgb(snapshots.LAYERS[k]))
            px, py = whole.pixel(x, y)
            for dx, dy in ((0, 0), (-1, -1), (1, 1)):
                want = background[y - dy, x + dx] * (1 - a) + colour * a
                assert np.allclose(pw[py + dy, px + dx], want, atol=1), (k, x, y)
            checked += 1
    assert checked > 20
    # The frame holds the panels where FrameStyle says (overlays aside: sites, the box's
    # outline, scale bars, north).
    for panel, pix in ((whole, pw), (zoom, pz)):
        (left, top_), (w, h) = fs.offsets[fs.panels.index(panel)], panel.size
        assert np.mean(np.all(img[top_ : top_ + h, left : left + w] == pix, axis=2)) > 0.9
    # Each site is a square of its status's colour at this frame, in each panel that shows it
    # (where squares overlap, the later site's).
    seen = 0
    for panel, (left, top_) in zip(fs.panels, fs.offsets):
        shown = [(si, st) for si, st in zip(region.sites, region.site_status[f])
                 if panel.box.contains(si.x, si.y)]
        for site, _ in shown:
            cx, cy = panel.pixel(site.x, site.y)
            want = None
            for si, st in shown:  # in drawing order: the last square over the centre shows
                x, y = panel.pixel(si.x, si.y)
                d = max(abs(x - cx), abs(y - cy))
                if d < panel.site:
                    want = animation._rgb(snapshots.SITE_STATUS[st])
                elif d == panel.site:
                    want = (0, 0, 0)  # its outline
            assert tuple(img[top_ + cy, left + cx]) == want, site.name
            seen += 1
    assert seen > len(region.sites)
    # The quiet density: a city as it started is the middle band.
    start = animation.quiet_shade(region.frames[0, 0], fs.quiet_mean)
    middle = 2 / 4 * maps.OPACITY["quiet"][1]
    assert np.mean(np.isclose(start, middle)) > 0.9


def test_gif_written_beside_the_page(runs, tmp_path: Path) -> None:
    outputs = load_run(runs["almaty"])
    (section,) = maps_section.build(outputs, _options(tmp_path, video="gif", max_frames=12))
    gif = tmp_path / "animation_almaty.gif"
    with Image.open(gif) as im:
        assert im.format == "GIF" and im.n_frames == 12
        assert im.info["duration"] == 200 and im.info["loop"] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["animation_almaty.gif"]
    (fig,) = [f for f in section.figures if f.id == "animation-almaty"]
    assert "href='animation_almaty.gif'" in fig.html
    assert _player(section).one("div", "player")["data-frames"] == "12"


def test_no_animation_but_a_video(runs, tmp_path: Path) -> None:
    outputs = load_run(runs["classic"])
    (section,) = maps_section.build(outputs, _options(tmp_path, video="gif", animation=False))
    (fig,) = [f for f in section.figures if f.id == "animation-main"]
    assert "class='player'" not in fig.html and "animation_main.gif" in fig.html
    assert section.extra_script == ""
    with Image.open(tmp_path / "animation_main.gif") as im:
        assert im.n_frames == CLASSIC_TICKS // 10 + 1
    (section,) = maps_section.build(outputs, _options(tmp_path, video="none", animation=False))
    assert not [f for f in section.figures if f.id.startswith("animation-")]


@pytest.mark.skipif(shutil.which("ffprobe") is None, reason="ffmpeg not installed")
def test_mp4_written_beside_the_page(runs, tmp_path: Path) -> None:
    outputs = load_run(runs["almaty"])
    maps_section.build(outputs, _options(tmp_path, video="mp4", max_frames=15))
    mp4 = tmp_path / "animation_almaty.mp4"
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
         "stream=codec_name,pix_fmt,width,height,nb_read_frames,r_frame_rate", "-of", "json",
         str(mp4)], capture_output=True, text=True, check=True)
    (stream,) = json.loads(probe.stdout)["streams"]
    assert int(stream["nb_read_frames"]) == 15
    assert stream["codec_name"] in ("h264", "mpeg4") and stream["pix_fmt"] == "yuv420p"
    assert stream["width"] % 2 == 0 and stream["height"] % 2 == 0
    assert stream["r_frame_rate"] == "5/1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["animation_almaty.mp4"]


def test_video_kind_without_ffmpeg(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert animation.video_kind("auto") == "gif"
    assert animation.video_kind("none") is None
    with pytest.raises(ReportError, match="--video mp4: ffmpeg is not on PATH"):
        animation.video_kind("mp4")


def test_no_snapshots_placeholder(runs, tmp_path: Path) -> None:
    outputs = load_run(runs["plain"])
    (section,) = maps_section.build(outputs, _options(tmp_path, video="auto"))
    assert section.id == "maps" and section.figures == []
    assert "--snapshot-every 1h" in section.placeholder
    assert list(tmp_path.iterdir()) == []


def test_snapshots_of_another_run(runs, tmp_path: Path) -> None:
    d = tmp_path / "run"
    shutil.copytree(runs["plain"], d)
    for name in ("snapshots.json", "snapshots.npz"):
        shutil.copy(runs["classic"] / name, d / name)
    with pytest.raises(ReportError, match="frames at ticks .* that timeseries.csv does not have"):
        maps_section.build(load_run(d), _options(tmp_path))


def test_report_command_exit_status(runs, tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "analysis"))
    out = tmp_path / "page.html"
    bad = subprocess.run(
        ["/usr/bin/python3", "-m", "unrest_analysis", "report", str(runs["almaty"]), "--out",
         str(out), "--at", "2023-01-01T00:00"], capture_output=True, text=True, env=env)
    assert bad.returncode == 2
    assert bad.stderr.startswith("error: --at 2023-01-01T00:00: outside the run (almaty: ")
    assert "Traceback" not in bad.stderr and not out.exists()
    assert not list(tmp_path.iterdir())

