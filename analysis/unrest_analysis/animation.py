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
from .maps import OPACITY, Box, compose
from .snapshots import LAYERS, SITE_STATUS, RegionSnapshots

FPS = 5
MAP_PIXELS = 560  # the map part of a frame is enlarged by a whole factor to about this size
HEADER = 46
FOOTER = 24
PALETTE_COLOURS = 128
QUIET_RADIUS = 3  # the quiet density's window: 7 x 7 cells
QUIET_BANDS = (0.2, 0.6, 1.6, 3.0)  # bounds of the density's bands, times the mean at the start


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


def window_mean(counts: np.ndarray, radius: int) -> np.ndarray:
    """Mean of each cell's (2 radius + 1)^2 window, the grid wrapping round (a torus)."""
    k = 2 * radius + 1
    p = np.pad(counts.astype(np.float64), radius, mode="wrap")
    c = np.zeros((p.shape[0] + 1, p.shape[1] + 1))
    c[1:, 1:] = p.cumsum(axis=0).cumsum(axis=1)
    s = c[k:, k:] - c[:-k, k:] - c[k:, :-k] + c[:-k, :-k]
    return s / (k * k)


def quiet_shade(quiet: np.ndarray, mean: float) -> np.ndarray:
    """The quiet layer's opacity in the animation: the density of quiet agents over 7 x 7 cells
    against the grid's mean at the start, in five bands (QUIET_BANDS) from none to the quiet
    colour's full opacity; a city as it started is the middle band. Quiet agents stand scattered
    one or two to a cell: drawn cell by cell they are noise that makes the frames several times
    larger and shows nothing that the banded density does not."""
    d = window_mean(quiet, QUIET_RADIUS) / max(mean, 1e-9)
    band = np.searchsorted(np.asarray(QUIET_BANDS), d, side="right")
    return band / len(QUIET_BANDS) * OPACITY["quiet"][1]


@dataclass
class FrameStyle:
    """What every frame of one region shares: the part of the grid, the enlargement, the scale."""

    box: Box
    scale: int  # screen pixels per cell
    top: np.ndarray  # the layers' scale tops (maps.layer_max)
    quiet_mean: float  # quiet agents per cell at the first frame

    @staticmethod
    def of(region: RegionSnapshots, box: Box | None, top: np.ndarray) -> "FrameStyle":
        box = box or Box(0, region.width, 0, region.height)
        scale = max(1, int(np.ceil(MAP_PIXELS / max(box.width, box.height))))
        return FrameStyle(box, scale, top, float(region.frames[0, 0].mean()))


def map_pixels(region: RegionSnapshots, f: int, fs: FrameStyle) -> np.ndarray:
    """The map part of frame f as uint8 (rows, columns, 3), north up: the box's cells composed
    (maps.compose, the quiet layer as `quiet_shade`), flipped so that the grid's last row is at
    the top, enlarged `scale` times."""
    b = fs.box
    shade = quiet_shade(region.frames[f, 0], fs.quiet_mean)[b.y0 : b.y1, b.x0 : b.x1]
    rgb = compose(region.frames[f][:, b.y0 : b.y1, b.x0 : b.x1], fs.top, shade)[::-1]
    return np.repeat(np.repeat(rgb, fs.scale, axis=0), fs.scale, axis=1)


def render_frame(region: RegionSnapshots, f: int, fs: FrameStyle, title: str,
                 counts: str) -> Image.Image:
    """One frame (RGB, even width and height): a header with the local time and the counts, the
    map with the sites coloured by status, a scale bar and north, and a legend."""
    pix = map_pixels(region, f, fs)
    mh, mw = pix.shape[:2]
    width = max(mw, 620)
    width += width % 2
    height = HEADER + mh + FOOTER
    height += height % 2
    img = Image.new("RGB", (width, height), (255, 255, 255))
    left = (width - mw) // 2
    img.paste(Image.fromarray(pix), (left, HEADER))
    d = ImageDraw.Draw(img)
    d.text((8, 5), title, fill=(33, 33, 33), font=_font(15, bold=True))
    d.text((8, 26), counts, fill=(66, 66, 66), font=_font(11))
    d.rectangle([left - 1, HEADER - 1, left + mw, HEADER + mh], outline=(120, 120, 120))
    b, s = fs.box, fs.scale
    # Sites: squares at their cells, coloured by status at this frame.
    r = max(3, s // 2 + 2)
    status = region.site_status[f]
    for site, st in zip(region.sites, status):
        if not b.contains(site.x, site.y):
            continue
        cx = left + (site.x - b.x0) * s + s // 2
        cy = HEADER + (b.y1 - 1 - site.y) * s + s // 2
        d.rectangle([cx - r, cy - r, cx + r, cy + r], fill=_rgb(SITE_STATUS[st]), outline=(0, 0, 0))
    # Scale bar (bottom left of the map) and north.
    small = _font(11)
    cell_km = region.cell_size_m / 1000.0 if region.cell_size_m else None
    span = b.width * (cell_km or 1.0)
    length = _nice_length(span)
    px = int(round(length / (cell_km or 1.0) * s))
    y = HEADER + mh - 12
    d.rectangle([left + 10, y, left + 10 + px, y + 4], fill=(0, 0, 0))
    unit = "km" if cell_km else "cells"
    d.text((left + 14 + px, y - 7), f"{length:g} {unit}", fill=(0, 0, 0), font=small)
    d.text((left + mw - 30, HEADER + 4), "N \u2191", fill=(0, 0, 0), font=_font(13, bold=True))
    # Legend.
    x = 8
    y = HEADER + mh + 6
    for name in LAYERS:
        alpha = OPACITY[name][1]
        c = tuple(int(round(255 * (1 - alpha) + v * alpha)) for v in _rgb(name))
        d.rectangle([x, y + 1, x + 10, y + 11], fill=c)
        x += 14
        d.text((x, y), name, fill=(33, 33, 33), font=small)
        x += int(d.textlength(name, font=small)) + 12
    for name in SITE_STATUS:
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
    players[div.id] = { frame: function () { return current; }, play: play, pause: pause, show: show };
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
