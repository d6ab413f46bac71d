"""One style for every plot of the report: colours by state and side, fonts, sizes, dates, and the
conversion of a matplotlib figure into inline SVG with hover titles.

Every figure builder takes its colours from here, labels its axes with units (`axis_label`) and
shows dates as local dates (the run's calendar is local time: events.csv and timeseries.csv carry
the region's wall clock)."""

from __future__ import annotations

import io
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.artist import Artist  # noqa: E402

# Agents by state (maps, time series) and casualties by side (bars).
COLOURS = {
    "quiet": "#90a4ae",
    "active": "#fb8c00",
    "violent": "#d32f2f",
    "jailed": "#5d4037",
    "injured": "#ab47bc",
    "dead": "#212121",
    "police": "#1565c0",
    "cops": "#1565c0",
    "military": "#2e7d32",
    "reported": "#000000",
    "simulated": "#e65100",
    # Casualties by side
    "protesters": "#d32f2f",
    "bystanders": "#f06292",
    "citizens": "#d32f2f",
    # Sites by status
    "intact": "#9e9e9e",
    "damaged": "#fbc02d",
    "seized": "#e53935",
    "burned": "#000000",
}

RC = {
    "figure.figsize": (10, 4),
    "figure.dpi": 100,
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "svg.fonttype": "none",  # text stays text: smaller files, searchable
    "svg.hashsalt": "unrest",  # the same figure gives the same SVG (reproducible pages)
}


def figure(width: float = 10, height: float = 4, **kwargs):
    """A new figure and axes in the report's style (plt.subplots' arguments)."""
    with plt.rc_context(RC):
        return plt.subplots(figsize=(width, height), **kwargs)


def axis_label(name: str, unit: str | None) -> str:
    """'arrests (persons)'; the unit from dictionary.json's metric entry."""
    return f"{name} ({unit})" if unit else name


_SVG_ID = re.compile(r'\bid="([^"]+)"')
_SVG_URL = re.compile(r"url\(#([^)]+)\)")
_SVG_HREF = re.compile(r'(xlink:href|href)="#([^"]+)"')


def svg_of(fig, fid: str, tips: dict[Artist, str] | None = None) -> str:
    """The figure as an inline <svg> element, closed after. Every id inside is prefixed with `fid`
    (several SVGs share one page); each artist in `tips` gets a <title> (shown on hover)."""
    tips = tips or {}
    names: dict[str, str] = {}
    for n, (artist, _) in enumerate(tips.items()):
        gid = f"tip{n}"
        artist.set_gid(gid)
        names[gid] = _
    buf = io.StringIO()
    with plt.rc_context(RC):
        fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    text = buf.getvalue()
    text = text[text.index("<svg") :]  # drop the XML prolog and doctype: inline in HTML
    for gid, tip in names.items():
        esc = tip.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        text = text.replace(f'<g id="{gid}">', f'<g id="{gid}"><title>{esc}</title>', 1)
    text = _SVG_ID.sub(lambda m: f'id="{fid}-{m.group(1)}"', text)
    text = _SVG_URL.sub(lambda m: f"url(#{fid}-{m.group(1)})", text)
    text = _SVG_HREF.sub(lambda m: f'{m.group(1)}="#{fid}-{m.group(2)}"', text)
    return text


def png_of(fig, dpi: int = 100) -> bytes:
    """The figure as PNG bytes (for raster content such as maps)."""
    buf = io.BytesIO()
    with plt.rc_context(RC):
        fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()
