"""The animation of a region over the run: frames drawn straight from the snapshot arrays (numpy
and PIL, not matplotlib), the player embedded in the page, and the video file beside the page.

The player follows the page contract (docs/report.md): `<div class="player" id="anim-<region>"
data-frames="N">` holding a Play/Pause button, a range input, the frame's local time and the
frame's image; `window.unrestPlayers[id]` = {frame(), play(), pause(), show(i)}; playing shows
FPS frames per second and loops. Frames travel as palette PNG data URIs inside the player.
"""

from __future__ import annotations

import base64
import html
import io
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from . import style
from .errors import ReportError
from .maps import OPACITY, Box, compose, opacity, window_sum
from .snapshots import LAYERS, SITE_STATUS, RegionSnapshots

FPS = 5
MAP_PIXELS = 600  # a lone panel (the whole grid) is enlarged by a whole factor to about this
WHOLE_PIXELS = 372  # the whole grid beside the enlarged part: about this size
ZOOM_PIXELS = 500  # the enlarged part: about this size
MIN_DOT = 3  # an agent is drawn at least this many pixels a side
HEADER = 46
FOOTER = 24
MARGIN = 8
GAP = 12
MIN_WIDTH = 640  # the legend's width
PALETTE_COLOURS = 128
QUIET_RADIUS = 3  # the quiet density's window: 7 x 7 cells
QUIET_BANDS = (0.2, 0.6, 1.6, 3.0)  # bounds of the density's bands, times the mean at the start
QUIET_CELLS = 128 * 128  # grids of at most this many cells show quiet agents cell by cell


def subsample(count: int, max_frames: int) -> list[int]:
    """At most `max_frames` frame indexes spread evenly over `count`, the first and last kept."""
    if count <= max_frames:
        return list(range(count))
    if max_frames == 1:
        return [0]
    idx = np.rint(np.linspace(0, count - 1, max_frames)).astype(int)
    return sorted(set(idx.tolist()))


def _font(size: int, bold: bool = False):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:
        return ImageFont.load_default()


def _rgb(name: str) -> tuple[int, int, int]:
    h = style.COLOURS[name].lstrip("#")
    return tuple(int(h[i : i + 2], 16) for i in (0, 2, 4))


def _nice_length(span: float) -> float:
    """A round length (1, 2 or 5 x 10^k) near a fifth of `span`."""
    target = span / 5
    k = 10 ** np.floor(np.log10(target))
    for m in (5, 2, 1):
        if m * k <= target:
            return float(m * k)
    return float(k)


def quiet_shade(quiet: np.ndarray, mean: float) -> np.ndarray:
    """The quiet layer's opacity in the animation: the density of quiet agents over 7 x 7 cells
    against the grid's mean at the start, in five bands (QUIET_BANDS) from none to the quiet
    colour's full opacity; a city as it started is the middle band. Quiet agents stand scattered
    one to a cell: drawn cell by cell they are noise that makes the frames several times larger
    and shows nothing that the banded density does not (the maps draw them cell by cell)."""
    k = 2 * QUIET_RADIUS + 1
    d = window_sum(quiet, QUIET_RADIUS) / (k * k) / max(mean, 1e-9)
    band = np.searchsorted(np.asarray(QUIET_BANDS), d, side="right")
    return band / len(QUIET_BANDS) * OPACITY["quiet"][1]


@dataclass
class Panel:
    """A part of the grid drawn `scale` pixels per cell, each agent that is not quiet as a square
    of `dot` pixels (at least MIN_DOT, so that a lone agent shows on a large grid)."""

    box: Box
    scale: int
    dot: int
    site: int  # a site is a square of 2 site + 1 pixels

    @property
    def size(self) -> tuple[int, int]:
        return self.box.width * self.scale, self.box.height * self.scale

    def pixel(self, x: int, y: int) -> tuple[int, int]:
        """The panel pixel (column, row) at the centre of cell (x, y): north up."""
        s = self.scale
        return (x - self.box.x0) * s + s // 2, (self.box.y1 - 1 - y) * s + s // 2


@dataclass
class FrameStyle:
    """What every frame of one region shares: the panels (the whole grid, and the crowds' part
    enlarged when maps.activity_box gives one), where they stand in the frame, the scale tops of
    the layers (maps.layer_max) and the quiet agents per cell at the start."""

    panels: list[Panel]
    offsets: list[tuple[int, int]]  # each panel's top-left corner in the frame
    size: tuple[int, int]  # the frame's width and height, both even
    top: np.ndarray
    quiet_mean: float
    quiet_cells: bool  # the quiet layer cell by cell (small grids), else `quiet_shade`

    def shade(self, region: RegionSnapshots, f: int) -> np.ndarray:
        """The quiet layer's opacity per cell at frame f."""
        if self.quiet_cells:
            return opacity(region.frames[f, 0], 0, int(self.top[0]))
        return quiet_shade(region.frames[f, 0], self.quiet_mean)

    @staticmethod
    def of(region: RegionSnapshots, box: Box | None, top: np.ndarray) -> "FrameStyle":
        whole = Box(0, region.width, 0, region.height)
        side = max(region.width, region.height)
        if box is None:
            s = max(1, int(np.ceil(MAP_PIXELS / side)))
            panels = [Panel(whole, s, max(s, MIN_DOT), max(2, s // 2 + 2))]
        else:
            sw = max(1, int(round(WHOLE_PIXELS / side)))
            sz = max(1, int(np.ceil(ZOOM_PIXELS / max(box.width, box.height))))
            panels = [Panel(whole, sw, max(sw, MIN_DOT), 2),
                      Panel(box, sz, max(sz, MIN_DOT), max(2, sz // 2 + 2))]
        offsets = []
        x = MARGIN
        for p in panels:
            offsets.append((x, HEADER))
            x += p.size[0] + GAP
        width = max(x - GAP + MARGIN, MIN_WIDTH)
        height = HEADER + max(p.size[1] for p in panels) + FOOTER
        size = (width + width % 2, height + height % 2)
        return FrameStyle(panels, offsets, size, top, float(region.frames[0, 0].mean()),
                          region.width * region.height <= QUIET_CELLS)


def panel_pixels(region: RegionSnapshots, f: int, panel: Panel, top: np.ndarray,
                 shade: np.ndarray) -> np.ndarray:
    """One panel of frame f, uint8 (rows, columns, 3), north up: the cells of its box composed
    (maps.compose, the quiet layer as `shade`), enlarged `scale` times; when an agent's square is
    larger than a cell, the other layers are painted over as squares of `dot` pixels."""
    b, s, d = panel.box, panel.scale, panel.dot
    layers = region.frames[f][:, b.y0 : b.y1, b.x0 : b.x1]
    sh = shade[b.y0 : b.y1, b.x0 : b.x1]
    if d == s:
        rgb = compose(layers, top, sh)[::-1]
        return np.repeat(np.repeat(rgb, s, axis=0), s, axis=1)
    quiet_only = np.zeros_like(layers)
    rgb = compose(quiet_only, top, sh)[::-1]
    img = np.repeat(np.repeat(rgb, s, axis=0), s, axis=1).astype(np.float32)
    h, w = img.shape[:2]
    for k in range(1, len(LAYERS)):
        ys, xs = np.nonzero(layers[k])
        if len(ys) == 0:
            continue
        a = opacity(layers[k][ys, xs], k, int(top[k]))[:, None]
        colour = np.asarray(_rgb(LAYERS[k]), np.float32)
        r0 = (b.height - 1 - ys) * s + s // 2 - d // 2
        c0 = xs * s + s // 2 - d // 2
        for dy in range(d):
            for dx in range(d):
                r = np.clip(r0 + dy, 0, h - 1)
                c = np.clip(c0 + dx, 0, w - 1)
                img[r, c] = img[r, c] * (1.0 - a) + colour * a
    return np.rint(img).astype(np.uint8)


def render_frame(region: RegionSnapshots, f: int, fs: FrameStyle, title: str,
                 counts: str) -> Image.Image:
    """One frame (RGB, even width and height): a header with the local time and the counts; the
    panels (the whole grid, then the crowds' part enlarged) with the sites coloured by status, a
    scale bar and north; a legend."""
    img = Image.new("RGB", fs.size, (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.text((MARGIN, 5), title, fill=(33, 33, 33), font=_font(15, bold=True))
    d.text((MARGIN, 26), counts, fill=(66, 66, 66), font=_font(11))
    shade = fs.shade(region, f)
    small = _font(11)
    cell_km = region.cell_size_m / 1000.0 if region.cell_size_m else None
    unit = "km" if cell_km else "cells"
    status = region.site_status[f]
    for n, (panel, (left, top)) in enumerate(zip(fs.panels, fs.offsets)):
        pix = panel_pixels(region, f, panel, fs.top, shade)
        img.paste(Image.fromarray(pix), (left, top))
        pw, ph = panel.size
        d.rectangle([left - 1, top - 1, left + pw, top + ph], outline=(120, 120, 120))
        b, s = panel.box, panel.scale
        if n == 0 and len(fs.panels) > 1:
            z = fs.panels[1].box
            d.rectangle([left + z.x0 * s - 1, top + (b.y1 - z.y1) * s - 1, left + z.x1 * s,
                         top + (b.y1 - z.y0) * s], outline=(0, 0, 0))
        # Sites: squares at their cells, coloured by status at this frame.
        r = panel.site
        for site, st in zip(region.sites, status):
            if not b.contains(site.x, site.y):
                continue
            cx, cy = panel.pixel(site.x, site.y)
            d.rectangle([left + cx - r, top + cy - r, left + cx + r, top + cy + r],
                        fill=_rgb(SITE_STATUS[st]), outline=(0, 0, 0))
        # Scale bar (bottom left) and north (top right).
        length = _nice_length(b.width * (cell_km or 1.0))
        px = int(round(length / (cell_km or 1.0) * s))
        y = top + ph - 12
        d.rectangle([left + 8, y, left + 8 + px, y + 4], fill=(0, 0, 0))
        d.text((left + 12 + px, y - 7), f"{length:g} {unit}", fill=(0, 0, 0), font=small)
        d.text((left + pw - 30, top + 4), "N \u2191", fill=(0, 0, 0), font=_font(13, bold=True))
    # Legend.
    x = MARGIN
    y = fs.size[1] - FOOTER + 6
    for k, name in enumerate(LAYERS):
        if fs.top[k] == 0:
            continue
        alpha = OPACITY[name][1]
        if name == "quiet" and not fs.quiet_cells:
            alpha /= 2  # the middle band
        c = tuple(int(round(255 * (1 - alpha) + v * alpha)) for v in _rgb(name))
        d.rectangle([x, y + 1, x + 10, y + 11], fill=c)
        x += 14
        d.text((x, y), name, fill=(33, 33, 33), font=small)
        x += int(d.textlength(name, font=small)) + 12
    for name in SITE_STATUS if region.sites else []:
        d.rectangle([x, y + 1, x + 10, y + 11], fill=_rgb(name), outline=(0, 0, 0))
        x += 14
        d.text((x, y), name, fill=(33, 33, 33), font=small)
        x += int(d.textlength(name, font=small)) + 12
    return img


def palette_of(images: list[Image.Image]) -> Image.Image:
    """One palette for all frames (so that a colour does not flicker): from a few frames side by
    side."""
    pick = [images[i] for i in sorted({0, len(images) // 3, 2 * len(images) // 3, len(images) - 1})]
    w = sum(i.width for i in pick)
    h = max(i.height for i in pick)
    strip = Image.new("RGB", (w, h), (255, 255, 255))
    x = 0
    for i in pick:
        strip.paste(i, (x, 0))
        x += i.width
    return strip.quantize(colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT)


def to_palette(images: list[Image.Image]) -> list[Image.Image]:
    pal = palette_of(images)
    return [i.quantize(palette=pal, dither=Image.Dither.NONE) for i in images]


def png_bytes(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


PLAYER_SCRIPT = r"""
(function () {
  var players = window.unrestPlayers = window.unrestPlayers || {};
  var divs = document.querySelectorAll("div.player");
  Array.prototype.forEach.call(divs, function (div) {
    var data = JSON.parse(div.querySelector("script.frames").textContent);
    var img = div.querySelector("img.frame-img");
    var slider = div.querySelector("input.frame");
    var label = div.querySelector(".frame-label");
    var button = div.querySelector("button.play");
    var n = data.src.length, current = 0, timer = null;
    function show(i) {
      i = Math.min(Math.max(Math.floor(Number(i)) || 0, 0), n - 1);
      current = i;
      img.src = data.src[i];
      slider.value = String(i);
      label.textContent = data.labels[i];
    }
    function play() {
      if (timer === null) {
        timer = setInterval(function () { show((current + 1) % n); }, data.interval_ms);
      }
      button.textContent = "Pause";
    }
    function pause() {
      if (timer !== null) { clearInterval(timer); timer = null; }
      button.textContent = "Play";
    }
    button.addEventListener("click", function () { if (timer === null) play(); else pause(); });
    slider.addEventListener("input", function () { show(slider.value); });
    players[div.id] = {
      frame: function () { return current; }, play: play, pause: pause, show: show
    };
  });
})();
"""


def player_html(player_id: str, pngs: list[bytes], labels: list[str], alt: str) -> str:
    """The player of the page contract; its frames (data URIs) and labels in a JSON script."""
    src = ["data:image/png;base64," + base64.b64encode(p).decode("ascii") for p in pngs]
    data = json.dumps({"src": src, "labels": labels, "interval_ms": 1000 // FPS})
    data = data.replace("</", "<\\/")
    n = len(pngs)
    esc = html.escape
    return (
        f"<div class='player' id='{player_id}' data-frames='{n}'>"
        f"<div><button class='play' type='button'>Play</button>"
        f"<input type='range' class='frame' min='0' max='{n - 1}' value='0' step='1' "
        f"aria-label='frame'>"
        f"<span class='frame-label'>{esc(labels[0])}</span></div>"
        f"<img class='frame-img' alt='{esc(alt)}' src='{src[0]}'>"
        f"<script type='application/json' class='frames'>{data}</script></div>"
    )


def video_kind(option: str) -> str | None:
    """'mp4', 'gif' or None for --video mp4|gif|none|auto (auto: mp4 with ffmpeg on PATH)."""
    if option == "none":
        return None
    if option == "auto":
        return "mp4" if shutil.which("ffmpeg") else "gif"
    if option == "mp4" and not shutil.which("ffmpeg"):
        raise ReportError("--video mp4: ffmpeg is not on PATH (install it, or use --video gif)")
    if option not in ("mp4", "gif"):
        raise ReportError(f"--video {option}: expected mp4, gif, none or auto")
    return option


def _encoder() -> str:
    out = subprocess.run(["ffmpeg", "-hide_banner", "-encoders"], capture_output=True, text=True)
    return "libx264" if " libx264 " in out.stdout else "mpeg4"


def write_video(images: list[Image.Image], path: Path, kind: str) -> Path:
    """The frames as an MP4 (ffmpeg, H.264 or MPEG-4, yuv420p) or a GIF (PIL), FPS frames per
    second, written under a temporary name beside `path` and renamed."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ReportError(f"{path.parent}: no such directory (for {path.name})")
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        if kind == "gif":
            pal = to_palette(images) if images[0].mode != "P" else images
            pal[0].save(tmp, format="GIF", save_all=True, append_images=pal[1:],
                        duration=1000 // FPS, loop=0, optimize=False, disposal=1)
        elif kind == "mp4":
            _write_mp4(images, tmp, path)
        else:
            raise ValueError(kind)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def _write_mp4(images: list[Image.Image], tmp: Path, path: Path) -> None:
    w, h = images[0].size
    codec = _encoder()
    cmd = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo",
           "-pix_fmt", "rgb24", "-s", f"{w}x{h}", "-r", str(FPS), "-i", "-",
           "-c:v", codec, "-pix_fmt", "yuv420p", "-movflags", "+faststart"]
    cmd += ["-crf", "23"] if codec == "libx264" else ["-q:v", "4"]
    cmd += ["-f", "mp4", str(tmp)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for im in images:
            proc.stdin.write(im.convert("RGB").tobytes())
        proc.stdin.close()
    except BrokenPipeError:
        pass
    err = proc.stderr.read().decode("utf-8", "replace")
    if proc.wait() != 0:
        raise ReportError(f"{path}: ffmpeg failed: {err.strip()[-300:]}")
