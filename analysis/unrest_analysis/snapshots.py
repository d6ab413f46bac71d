"""Reading the grid snapshots of a run (`unrest run --snapshot-every`, docs/outputs.md).

Two files in the run directory: `snapshots.json` (what was taken: the frames' ticks and local
times, each region's grid, geography and sites) and `snapshots.npz` (the arrays: `ticks`, and per
region `frames_<region>`, uint8 (frames, 5, height, width), agents standing in each cell by layer,
and `sites_<region>`, uint8 (frames, sites), each site's status). Everything is checked against
the JSON before use: a malformed file gives one ReportError naming the file and what was wrong.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import ReportError

JSON_NAME = "snapshots.json"
NPZ_NAME = "snapshots.npz"
FORMAT = "unrest-snapshots"
VERSION = 1
LAYERS = ["quiet", "active", "violent", "police", "military"]
SITE_STATUS = ["intact", "damaged", "seized", "burned"]


@dataclass
class Site:
    name: str
    type: str
    x: int  # grid column
    y: int  # grid row (y grows north when the grid has an origin)


@dataclass
class RegionSnapshots:
    name: str
    width: int
    height: int
    cell_size_m: float | None  # None: no geography (axes in cells)
    origin: dict | None  # {"lat", "lon"} of the south-west corner, or None
    utc_offset: str | None
    frames: np.ndarray  # uint8 (frames, 5, height, width): [f, layer, y, x]
    sites: list[Site]
    site_status: np.ndarray  # uint8 (frames, len(sites)); shape (frames, 0) without sites

    def layer(self, f: int, name: str) -> np.ndarray:
        """Agents per cell of one layer ('quiet', 'active', ...) at frame f: (height, width)."""
        return self.frames[f, LAYERS.index(name)]


@dataclass
class Snapshots:
    directory: Path
    every_ticks: int
    persons_per_agent: float
    ticks: np.ndarray  # int64 (frames,)
    times: list[str] | None  # the first region's local wall clock per frame; None: no calendar
    regions: list[RegionSnapshots]

    @property
    def count(self) -> int:
        return len(self.ticks)

    def region(self, name: str) -> RegionSnapshots:
        for r in self.regions:
            if r.name == name:
                return r
        raise KeyError(name)


def exists(directory: str | Path) -> bool:
    """Whether the run took snapshots. One of the two files without the other is an error."""
    d = Path(directory)
    js, npz = (d / JSON_NAME).exists(), (d / NPZ_NAME).exists()
    if js != npz:
        have, lack = (JSON_NAME, NPZ_NAME) if js else (NPZ_NAME, JSON_NAME)
        raise ReportError(f"{d / lack}: missing (the run directory has {have}; both are written "
                          "by `unrest run --snapshot-every`)")
    return js


class _Json:
    """Field access on the JSON with errors naming the file and the key."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, where: str, expected: str, got: object) -> None:
        shown = repr(got)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        raise ReportError(f"{self.path}: {where}: expected {expected}, got {shown}")

    def get(self, obj: dict, key: str, where: str, kinds, expected: str, nullable=False):
        here = f"{where}.{key}" if where else key
        if key not in obj:
            raise ReportError(f"{self.path}: {here}: missing (expected {expected})")
        value = obj[key]
        if value is None and nullable:
            return None
        if isinstance(value, bool) or not isinstance(value, kinds):
            self.fail(here, expected, value)
        return value


def _read_json(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, UnicodeDecodeError) as e:
        raise ReportError(f"{path}: cannot read: {e}") from None
    except json.JSONDecodeError as e:
        raise ReportError(f"{path}: line {e.lineno} column {e.colno}: not JSON: {e.msg}") from None
    if not isinstance(data, dict):
        raise ReportError(f"{path}: expected a JSON object, got {type(data).__name__}")
    return data


def _open_npz(path: Path):
    try:
        archive = np.load(path, allow_pickle=False)
    except (OSError, ValueError, zipfile.BadZipFile) as e:
        raise ReportError(f"{path}: not a NumPy .npz archive ({e})") from None
    if not isinstance(archive, np.lib.npyio.NpzFile):
        raise ReportError(f"{path}: not a NumPy .npz archive (a single .npy array)")
    return archive


def _member(archive, path: Path, key: str, dtype, shape: tuple | None) -> np.ndarray:
    if key not in archive.files:
        raise ReportError(f"{path}: no member {key}.npy (snapshots.json names it; the archive "
                          f"holds {sorted(archive.files)})")
    try:
        value = archive[key]
    except (OSError, ValueError, zipfile.BadZipFile, EOFError) as e:
        raise ReportError(f"{path}: member {key}.npy unreadable ({e})") from None
    if value.dtype != np.dtype(dtype):
        raise ReportError(f"{path}: member {key}.npy: expected dtype {np.dtype(dtype)}, "
                          f"got {value.dtype}")
    if shape is not None and value.shape != shape:
        raise ReportError(f"{path}: member {key}.npy: expected shape {shape}, got {value.shape}")
    return value


def load(directory: str | Path) -> Snapshots | None:
    """The snapshots of a run directory, checked; None when the run took none."""
    d = Path(directory)
    if not exists(d):
        return None
    jpath, npath = d / JSON_NAME, d / NPZ_NAME
    data = _read_json(jpath)
    j = _Json(jpath)
    fmt = j.get(data, "format", "", str, f'"{FORMAT}"')
    if fmt != FORMAT:
        j.fail("format", f'"{FORMAT}"', fmt)
    version = j.get(data, "version", "", int, f"{VERSION}")
    if version != VERSION:
        j.fail("version", f"{VERSION} (the version this report reads)", version)
    every = j.get(data, "every_ticks", "", int, "an integer >= 1")
    if every < 1:
        j.fail("every_ticks", "an integer >= 1", every)
    layers = j.get(data, "layers", "", list, f"{LAYERS}")
    if layers != LAYERS:
        j.fail("layers", f"{LAYERS}", layers)
    status = j.get(data, "site_status", "", list, f"{SITE_STATUS}")
    if status != SITE_STATUS:
        j.fail("site_status", f"{SITE_STATUS}", status)
    ppa = j.get(data, "persons_per_agent", "", (int, float), "a number > 0")
    if not ppa > 0:
        j.fail("persons_per_agent", "a number > 0", ppa)
    frames = j.get(data, "frames", "", list, "a list of frames")
    if not frames:
        j.fail("frames", "at least one frame", frames)
    json_ticks: list[int] = []
    times: list[str] = []
    for i, fr in enumerate(frames):
        where = f"frames[{i}]"
        if not isinstance(fr, dict):
            j.fail(where, "an object {frame, tick, time}", fr)
        if j.get(fr, "frame", where, int, f"{i}") != i:
            j.fail(f"{where}.frame", f"{i}", fr["frame"])
        json_ticks.append(j.get(fr, "tick", where, int, "an integer >= 0"))
        if "time" in fr:
            times.append(j.get(fr, "time", where, str, "a local time 'YYYY-MM-DDTHH:MM'"))
    if times and len(times) != len(frames):
        raise ReportError(f"{jpath}: frames: every frame or none has a time "
                          f"({len(times)} of {len(frames)} have one)")
    regions_json = j.get(data, "regions", "", list, "a list of regions")
    if not regions_json:
        j.fail("regions", "at least one region", regions_json)

    archive = _open_npz(npath)
    with archive:
        n = len(frames)
        ticks = _member(archive, npath, "ticks", np.int64, None)
        if ticks.shape != (n,):
            raise ReportError(f"{npath}: member ticks.npy: expected the {n} frames of "
                              f"{JSON_NAME}, got shape {ticks.shape}")
        if ticks.tolist() != json_ticks:
            raise ReportError(f"{npath}: ticks {ticks.tolist()[:6]}... differ from "
                              f"{JSON_NAME}'s frames' ticks {json_ticks[:6]}...")
        expected = [k * every for k in range(n)]
        if json_ticks != expected:
            raise ReportError(f"{jpath}: frames' ticks: expected 0, {every}, {2 * every}, ... "
                              f"(every_ticks {every}), got {json_ticks[:6]}...")
        regions = [_region(j, archive, npath, r, i, n) for i, r in enumerate(regions_json)]
    names = [r.name for r in regions]
    if len(set(names)) != len(names):
        raise ReportError(f"{jpath}: regions: a name appears twice in {names}")
    return Snapshots(d, every, float(ppa), ticks, times or None, regions)


def _region(j: _Json, archive, npath: Path, r: object, i: int, n: int) -> RegionSnapshots:
    where = f"regions[{i}]"
    if not isinstance(r, dict):
        j.fail(where, "an object", r)
    name = j.get(r, "name", where, str, "a region name")
    width = j.get(r, "width", where, int, "an integer >= 1")
    height = j.get(r, "height", where, int, "an integer >= 1")
    if width < 1:
        j.fail(f"{where}.width", "an integer >= 1", width)
    if height < 1:
        j.fail(f"{where}.height", "an integer >= 1", height)
    cell = j.get(r, "cell_size_m", where, (int, float), "a number > 0 or null", nullable=True)
    if cell is not None and not cell > 0:
        j.fail(f"{where}.cell_size_m", "a number > 0 or null", cell)
    origin = j.get(r, "origin", where, dict, "{lat, lon} or null", nullable=True)
    offset = j.get(r, "utc_offset", where, str, "'+06:00' or null", nullable=True)
    member = j.get(r, "member", where, str, "the frames' member name")
    sites_member = j.get(r, "sites_member", where, str, "the sites' member name or null",
                         nullable=True)
    sites_json = j.get(r, "sites", where, list, "a list of sites")
    sites = []
    for k, s in enumerate(sites_json):
        w = f"{where}.sites[{k}]"
        if not isinstance(s, dict):
            j.fail(w, "an object {name, type, x, y}", s)
        site = Site(j.get(s, "name", w, str, "a name"), j.get(s, "type", w, str, "a type"),
                    j.get(s, "x", w, int, f"a column in [0, {width})"),
                    j.get(s, "y", w, int, f"a row in [0, {height})"))
        if not 0 <= site.x < width:
            j.fail(f"{w}.x", f"a column in [0, {width})", site.x)
        if not 0 <= site.y < height:
            j.fail(f"{w}.y", f"a row in [0, {height})", site.y)
        sites.append(site)
    frames = _member(archive, npath, member, np.uint8, (n, len(LAYERS), height, width))
    if sites and sites_member is None:
        j.fail(f"{where}.sites_member", f"a member name ({len(sites)} sites)", None)
    if sites_member is not None:
        status = _member(archive, npath, sites_member, np.uint8, (n, len(sites)))
        if status.size and int(status.max()) >= len(SITE_STATUS):
            raise ReportError(f"{npath}: member {sites_member}.npy: site status "
                              f"{int(status.max())}: expected 0..{len(SITE_STATUS) - 1} "
                              f"({', '.join(SITE_STATUS)})")
    else:
        status = np.zeros((n, 0), np.uint8)
    return RegionSnapshots(name, width, height, float(cell) if cell is not None else None,
                           origin, offset, frames, sites, status)
