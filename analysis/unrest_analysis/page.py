"""The report page: sections of figures and tables assembled into one self-contained HTML file.

Everything the page shows is inside the file: figures as inline SVG (hover titles work) or PNG data
URIs, the animation frames as data URIs, the style sheet and the few lines of script inline.
Nothing is loaded from the network (tests/python check it).

A section builder (sections/*.py) returns a `Section` or None when its inputs are absent; the page
shows what it was given, in order, with a table of contents.
"""

from __future__ import annotations

import base64
import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import ReportError

_ID = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass
class Figure:
    """One figure of the page. Exactly one of svg, png or html is set."""

    id: str  # unique in the page: [a-z][a-z0-9-]*
    title: str
    caption: str = ""  # plain text (escaped here): units, sources of the reported figures
    svg: str | None = None  # inline SVG from style.svg_of (ids already prefixed with `id`)
    png: bytes | None = None
    html: str | None = None  # a fragment of its own (the animation player)


@dataclass
class Table:
    id: str
    title: str
    frame: pd.DataFrame
    caption: str = ""


@dataclass
class Section:
    id: str
    title: str
    intro: str = ""  # plain text, escaped
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    # Shown instead of figures when the section's inputs do not exist yet (plain text).
    placeholder: str | None = None
    extra_script: str = ""  # script the section's fragments need (inline, no network)


def _check_id(kind: str, value: str, seen: set[str]) -> None:
    if not _ID.match(value):
        raise ValueError(f"{kind} id {value!r}: expected [a-z][a-z0-9-]*")
    if value in seen:
        raise ValueError(f"{kind} id {value!r} used twice")
    seen.add(value)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return _esc(str(value))


def table_html(table: Table) -> str:
    """A table as HTML: one <th> per column, the cells as the frame's values shown by str()."""
    head = "".join(f"<th>{_esc(str(c))}</th>" for c in table.frame.columns)
    rows = []
    for record in table.frame.itertuples(index=False, name=None):
        rows.append("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in record) + "</tr>")
    caption = f"<p class='caption'>{_esc(table.caption)}</p>" if table.caption else ""
    return (
        f"<div class='table' id='{table.id}'><h3>{_esc(table.title)}</h3>"
        f"<div class='scroll'><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>{caption}</div>"
    )


def figure_html(figure: Figure) -> str:
    bodies = [x for x in (figure.svg, figure.png, figure.html) if x is not None]
    if len(bodies) != 1:
        raise ValueError(f"figure {figure.id}: exactly one of svg, png, html")
    if figure.svg is not None:
        body = figure.svg
    elif figure.png is not None:
        data = base64.b64encode(figure.png).decode("ascii")
        body = f"<img alt='{_esc(figure.title)}' src='data:image/png;base64,{data}'>"
    else:
        body = figure.html or ""
    caption = f"<p class='caption'>{_esc(figure.caption)}</p>" if figure.caption else ""
    return (
        f"<figure class='figure' id='{figure.id}'><h3>{_esc(figure.title)}</h3>"
        f"<div class='body'>{body}</div>{caption}</figure>"
    )


STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 0; color: #222; background: #fafafa; }
header { background: #263238; color: #fff; padding: 1em 2em; }
header h1 { margin: 0 0 .3em 0; font-size: 1.5em; }
header p { margin: .1em 0; font-size: .9em; color: #cfd8dc; }
nav { padding: .5em 2em; background: #eceff1; position: sticky; top: 0; z-index: 2; }
nav a { margin-right: 1.2em; color: #263238; text-decoration: none; font-weight: bold; }
main { padding: 0 2em 2em 2em; max-width: 1400px; }
section { margin-top: 1.5em; }
section h2 { border-bottom: 2px solid #263238; padding-bottom: .2em; }
figure { margin: 1em 0; background: #fff; padding: .8em; border: 1px solid #ddd; }
figure h3, .table h3 { margin: 0 0 .5em 0; font-size: 1.05em; }
figure svg, figure img { max-width: 100%; height: auto; }
.caption { font-size: .85em; color: #555; margin: .4em 0 0 0; }
.placeholder { background: #fff8e1; border: 1px solid #ffe082; padding: .8em; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: .85em; background: #fff; }
th, td { border: 1px solid #ccc; padding: .25em .5em; text-align: left; }
th { background: #eceff1; }
.player button { font-size: 1em; padding: .2em .8em; margin-right: .5em; }
.player input[type=range] { width: 60%; vertical-align: middle; }
.player .frame-label { margin-left: .5em; font-family: monospace; }
"""


def render_page(title: str, provenance: list[tuple[str, str]], sections: list[Section]) -> str:
    """The whole page. `provenance`: (label, value) lines shown under the title (scenario, seed,
    version, threads...)."""
    seen: set[str] = set()
    parts: list[str] = []
    scripts: list[str] = []
    for s in sections:
        _check_id("section", s.id, seen)
        body = [f"<section id='{s.id}'><h2>{_esc(s.title)}</h2>"]
        if s.intro:
            body.append(f"<p>{_esc(s.intro)}</p>")
        if s.placeholder is not None:
            body.append(f"<div class='placeholder'>{_esc(s.placeholder)}</div>")
        for f in s.figures:
            _check_id("figure", f.id, seen)
            body.append(figure_html(f))
        for t in s.tables:
            _check_id("table", t.id, seen)
            body.append(table_html(t))
        body.append("</section>")
        parts.append("".join(body))
        if s.extra_script:
            scripts.append(s.extra_script)
    nav = "".join(f"<a href='#{s.id}'>{_esc(s.title)}</a>" for s in sections)
    prov = "".join(f"<p>{_esc(k)}: {_esc(v)}</p>" for k, v in provenance)
    script = "\n".join(scripts)
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_esc(title)}</title><style>{STYLE}</style></head><body>"
        f"<header><h1>{_esc(title)}</h1>{prov}</header><nav>{nav}</nav>"
        f"<main>{''.join(parts)}</main>"
        f"<script>\n{script}\n</script></body></html>\n"
    )


def write_page(path: Path, text: str) -> None:
    """Writes the page under a temporary name beside `path` and renames it: never half-written."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ReportError(f"{path}: its directory {path.parent} does not exist")
    if path.is_dir():
        raise ReportError(f"{path}: a directory, expected the path of the page to write")
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as e:
        raise ReportError(f"{path}: cannot write the page: {e.strerror}") from None
    finally:
        if tmp.exists():
            tmp.unlink()
