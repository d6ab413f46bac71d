"""Maps of a region's grid at one snapshot: agents by state, sites by status.

One colour per state (style.COLOURS), painted in the order quiet, active, violent, police,
military (the later over the earlier); the more agents in a cell, the more opaque its colour, on
a log scale from one agent to the most the layer holds in any cell over the run (so that every
map and animation frame of a region share one scale; on the Epstein grid a cell holds one agent,
and every agent is drawn at full strength). `compose` does it cell by cell in numpy (the
animation); `map_figure` draws the same with matplotlib (the maps of the page): the quiet
citizens as an image of their counts, the other states as one square marker per occupied cell,
the size of a cell or, where a cell is smaller than a few pixels, larger, so that a lone police
agent on a 372 x 372 grid is still seen.

North is up: the grid's row 0 is its south edge (grid.origin is the south-west corner and y grows
north, docs/scenario.md), so images are drawn with origin='lower' and flipped for the animation.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import numpy as np
from matplotlib.colors import LinearSegmentedColormap, LogNorm, to_rgb
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from PIL import Image

from . import style
from .snapshots import LAYERS, SITE_STATUS, RegionSnapshots

# (opacity of one agent, opacity of the most agents) per layer: quiet stays light.
OPACITY = {
    "quiet": (0.08, 0.25),
    "active": (0.50, 1.0),
    "violent": (0.60, 1.0),
    "police": (0.65, 1.0),
    "military": (0.65, 1.0),
}
BACKGROUND = "#ffffff"
LAYER_LABEL = {"police": "police on duty", "military": "military on duty"}


def layer_max(region: RegionSnapshots) -> np.ndarray:
    """The most agents in one cell over the run, per layer: the top of the scale (0: the layer
    is empty all along)."""
    return region.frames.max(axis=(0, 2, 3)).astype(np.int64)


def opacity(counts: np.ndarray, layer: int, top: int) -> np.ndarray:
    """Opacity of each cell of one layer: 0 without agents, else from OPACITY's low (one agent)
    to its high (`top` agents), linear in log(count); all at the high when no cell holds more
    than one (the Epstein grid holds one agent per cell)."""
    low, high = OPACITY[LAYERS[layer]]
    c = counts.astype(np.float32)
    if top <= 1:
        a = np.full(c.shape, high, np.float32)
    else:
        a = low + (high - low) * np.log(np.maximum(c, 1.0)) / np.float32(math.log(top))
    return np.where(c > 0, np.clip(a, 0.0, 1.0), 0.0).astype(np.float32)


def compose(layers: np.ndarray, top: np.ndarray, quiet: np.ndarray | None = None) -> np.ndarray:
    """The cells' colours, uint8 (height, width, 3), row 0 the south edge: the layers of one frame
    (5, height, width) painted in order over a white background. `quiet`: the quiet layer's
    opacity per cell when given (the animation's smoothed density), else from its counts."""
    out = np.empty(layers.shape[1:] + (3,), np.float32)
    out[...] = np.asarray(to_rgb(BACKGROUND), np.float32)
    for k, name in enumerate(LAYERS):
        if k == 0 and quiet is not None:
            a = quiet.astype(np.float32)[..., None]
        elif not layers[k].any():
            continue
        else:
            a = opacity(layers[k], k, int(top[k]))[..., None]
        out = out * (1.0 - a) + np.asarray(to_rgb(style.COLOURS[name]), np.float32) * a
    return np.rint(out * 255.0).astype(np.uint8)


@dataclass
class Box:
    """A part of the grid, in cells: columns [x0, x1), rows [y0, y1)."""

    x0: int
    x1: int
    y0: int
    y1: int

    @property
    def width(self) -> int:
        return self.x1 - self.x0

    @property
    def height(self) -> int:
        return self.y1 - self.y0

    def contains(self, x: int, y: int) -> bool:
        return self.x0 <= x < self.x1 and self.y0 <= y < self.y1


def window_sum(counts: np.ndarray, radius: int) -> np.ndarray:
    """Sum over each cell's (2 radius + 1)^2 window, the grid wrapping round (a torus)."""
    k = 2 * radius + 1
    p = np.pad(counts.astype(np.float64), radius, mode="wrap")
    c = np.zeros((p.shape[0] + 1, p.shape[1] + 1))
    c[1:, 1:] = p.cumsum(axis=0).cumsum(axis=1)
    return c[k:, k:] - c[:-k, k:] - c[k:, :-k] + c[:-k, :-k]


def _quantiles(weights: np.ndarray, lo: float, hi: float) -> tuple[int, int]:
    c = np.cumsum(weights, dtype=np.float64)
    c /= c[-1]
    return int(np.searchsorted(c, lo)), int(np.searchsorted(c, hi))


def crowd_weight(region: RegionSnapshots, radius: int = 5) -> np.ndarray:
    """Per cell, over all frames: the active and violent agents in it, each weighted by how many
    stand within `radius` cells of it (a crowd counts, a lone active does not)."""
    out = np.zeros((region.height, region.width))
    for f in range(region.frames.shape[0]):
        a = region.frames[f, 1].astype(np.int64) + region.frames[f, 2]
        if a.any():
            out += a * window_sum(a, radius)
    return out


def activity_box(region: RegionSnapshots, min_side: int = 64, whole: float = 0.6) -> Box | None:
    """Where the crowds were: the square around the middle 96% of the crowd-weighted active and
    violent agents over the run (`crowd_weight`), with a margin, at least `min_side` cells; None
    when no one was active or the square is most of the grid (the whole grid is shown then)."""
    w = crowd_weight(region)
    if not w.any():
        return None
    x0, x1 = _quantiles(w.sum(axis=0), 0.02, 0.98)
    y0, y1 = _quantiles(w.sum(axis=1), 0.02, 0.98)
    side = max(x1 - x0, y1 - y0) + 1
    side = max(min_side, int(side * 1.4) + 6)
    if side >= whole * max(region.width, region.height):
        return None
    cx, cy = (x0 + x1 + 1) / 2, (y0 + y1 + 1) / 2

    def span(c: float, n: int) -> tuple[int, int]:
        s = min(side, n)
        a = min(max(int(round(c - s / 2)), 0), n - s)
        return a, a + s

    bx, by = span(cx, region.width), span(cy, region.height)
    return Box(bx[0], bx[1], by[0], by[1])


def units(region: RegionSnapshots) -> tuple[float, str]:
    """(length of a cell in the axes' unit, the unit): km when the grid has a cell size."""
    if region.cell_size_m:
        return region.cell_size_m / 1000.0, "km"
    return 1.0, "cells"


def _cmap(name: str, top: int) -> LinearSegmentedColormap:
    low, high = OPACITY[name]
    low = high if top <= 1 else low
    r, g, b = to_rgb(style.COLOURS[name])
    cmap = LinearSegmentedColormap.from_list(f"unrest-{name}", [(r, g, b, low), (r, g, b, high)])
    cmap.set_bad((0, 0, 0, 0))
    cmap.set_under((0, 0, 0, 0))
    return cmap


def _dot(ax, cells: int, min_px: float = 3.0) -> float:
    """Marker size (points^2) of one cell in `ax`, which shows `cells` cells across; at least
    `min_px` pixels a side."""
    fig = ax.figure
    width_px = ax.get_position().width * fig.get_figwidth() * fig.dpi
    side_px = max(width_px / cells, min_px)
    return (side_px * 72.0 / fig.dpi) ** 2


def draw_layers(ax, layers: np.ndarray, top: np.ndarray, cell: float, cells_across: int) -> None:
    """The quiet layer as an image of its counts (zero cells masked, label 'quiet'); each other
    layer as one square marker per occupied cell at the cell's centre, its colour data the count
    (label the layer's name)."""
    h, w = layers.shape[1:]
    ax.set_facecolor(BACKGROUND)
    quiet = np.ma.masked_equal(layers[0], 0)
    ax.imshow(quiet, origin="lower", extent=(0, w * cell, 0, h * cell),
              cmap=_cmap("quiet", int(top[0])), norm=LogNorm(vmin=1, vmax=max(int(top[0]), 2)),
              interpolation="nearest", label="quiet", zorder=1)
    size = _dot(ax, cells_across)
    for k, name in enumerate(LAYERS[1:], start=1):
        ys, xs = np.nonzero(layers[k])
        ax.scatter((xs + 0.5) * cell, (ys + 0.5) * cell, c=layers[k][ys, xs], s=size, marker="s",
                   linewidths=0, cmap=_cmap(name, int(top[k])),
                   norm=LogNorm(vmin=1, vmax=max(int(top[k]), 2)), label=name, zorder=2 + k / 10)


def draw_sites(ax, region: RegionSnapshots, f: int, cell: float, size: float = 28) -> list:
    """The sites as squares coloured by their status at frame f: one scatter per status, labelled
    'sites: <status>', its offsets the sites' cell centres."""
    status = region.site_status[f] if region.sites else np.zeros(0, np.uint8)
    out = []
    for k, name in enumerate(SITE_STATUS):
        pts = [((s.x + 0.5) * cell, (s.y + 0.5) * cell)
               for s, st in zip(region.sites, status) if st == k]
        xy = np.array(pts, dtype=float).reshape(-1, 2)
        out.append(ax.scatter(xy[:, 0], xy[:, 1], s=size, marker="s",
                              facecolor=style.COLOURS[name], edgecolor="black", linewidth=0.7,
                              label=f"sites: {name}", zorder=5))
    return out


def _overlap(a, b) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return max(w, 0) * max(h, 0)


def label_sites(ax, region: RegionSnapshots, cell: float, which) -> None:
    """The name of each site for which `which(site)` holds beside its marker, placed where it
    overlaps the fewest names already placed (the centre of a city holds many sites)."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    placed = []
    offsets = [(5, 3, "left", "bottom"), (-5, 3, "right", "bottom"), (5, -3, "left", "top"),
               (-5, -3, "right", "top"), (0, 7, "center", "bottom"), (0, -7, "center", "top")]
    for s in region.sites:
        if not which(s):
            continue
        xy = ((s.x + 0.5) * cell, (s.y + 0.5) * cell)
        best = None
        for dx, dy, ha, va in offsets:
            t = ax.annotate(s.name.replace("_", " "), xy, xytext=(dx, dy),
                            textcoords="offset points", ha=ha, va=va, fontsize=6.5, zorder=6,
                            color="#212121")
            bb = t.get_window_extent(renderer)
            cost = sum(_overlap(bb, p) for p in placed)
            if best is None or cost < best[0]:
                if best is not None:
                    best[1].remove()
                best = (cost, t, bb)
            else:
                t.remove()
            if cost == 0:
                break
        placed.append(best[2])


def legend_handles(top: np.ndarray, sites: bool) -> list:
    """The layers that hold agents at some frame, and the site statuses when there are sites."""
    handles = []
    for k, name in enumerate(LAYERS):
        n = int(top[k])
        if n == 0:
            continue
        most = "1 agent" if n <= 1 else f"1-{n} agents"
        label = f"{LAYER_LABEL.get(name, name)} ({most}/cell)"
        handles.append(Patch(facecolor=style.COLOURS[name], alpha=OPACITY[name][1], label=label))
    for name in SITE_STATUS if sites else []:
        handles.append(Line2D([], [], marker="s", linestyle="none", markersize=6,
                              markerfacecolor=style.COLOURS[name], markeredgecolor="black",
                              label=f"site {name}"))
    return handles


def _axes(ax, region: RegionSnapshots, cell: float, unit: str, box: Box | None) -> None:
    if box is None:
        ax.set_xlim(0, region.width * cell)
        ax.set_ylim(0, region.height * cell)
    else:
        ax.set_xlim(box.x0 * cell, box.x1 * cell)
        ax.set_ylim(box.y0 * cell, box.y1 * cell)
    ax.set_aspect("equal")
    ax.grid(False)
    if unit == "km":
        ax.set_xlabel("km east of the south-west corner")
        ax.set_ylabel("km north of the south-west corner")
    else:
        ax.set_xlabel("x (cells)")
        ax.set_ylabel("y (cells, row 0 at the bottom)")


def map_figure(region: RegionSnapshots, f: int, top: np.ndarray, title: str,
               box: Box | None = None):
    """The map of a region at frame f. Without `box`: the whole grid, sites labelled. With it:
    the whole grid on the left (the box outlined, the sites outside it labelled) and the box
    enlarged on the right (its sites labelled). Returns the figure; each map axes holds the quiet
    image and one scatter per other layer (`draw_layers`), and one scatter per site status
    (`draw_sites`)."""
    cell, unit = units(region)
    layers = region.frames[f]
    if box is None:
        fig, ax = style.figure(7.5, 7.6)
        panels = [(ax, None)]
        rect = (0, 0.1, 1, 0.96)
    else:
        fig, axes = style.figure(12.5, 6.8, ncols=2, gridspec_kw={"width_ratios": [1, 1.3]})
        panels = [(axes[0], None), (axes[1], box)]
        rect = (0, 0.08, 1, 0.96)
    fig.suptitle(title, fontsize=11)
    fig.legend(handles=legend_handles(top, bool(region.sites)), loc="lower center", ncol=5,
               bbox_to_anchor=(0.5, 0.0), fontsize=7.5)
    for ax, b in panels:
        _axes(ax, region, cell, unit, b)
    fig.tight_layout(rect=rect)
    for ax, b in panels:
        across = region.width if b is None else b.width
        draw_layers(ax, layers, top, cell, across)
        draw_sites(ax, region, f, cell, size=16 if (box is not None and b is None) else 30)
    if box is None:
        label_sites(panels[0][0], region, cell, lambda s: True)
    else:
        whole, zoom = panels[0][0], panels[1][0]
        whole.add_patch(Rectangle((box.x0 * cell, box.y0 * cell), box.width * cell,
                                  box.height * cell, fill=False, edgecolor="black", lw=1,
                                  zorder=7))
        whole.set_title("the whole grid")
        zoom.set_title(f"enlarged: {box.width * cell:.3g} x {box.height * cell:.3g} {unit} "
                       "where the crowds were")
        label_sites(zoom, region, cell, lambda s: box.contains(s.x, s.y))
        label_sites(whole, region, cell, lambda s: not box.contains(s.x, s.y))
    return fig


def palette_png(png: bytes, colours: int = 128) -> bytes:
    """A map's PNG with a palette of `colours` (a third of the bytes: the quiet agents' cells
    make the full-colour PNG of a large grid heavy; a map has few colours)."""
    with Image.open(io.BytesIO(png)) as im:
        q = im.convert("RGB").quantize(colors=colours, method=Image.Quantize.MEDIANCUT,
                                       dither=Image.Dither.NONE)
    buf = io.BytesIO()
    q.save(buf, format="PNG", optimize=True)
    return buf.getvalue()
