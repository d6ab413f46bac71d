"""`unrest report DIR`: what kind of output DIR holds, which sections describe it, and the page.

A run directory (dictionary.json, written by `unrest run`) gives the run sections (time series,
daily figures beside the reported ones, summary), the maps and the animation when it holds
snapshots (`--snapshot-every`), and the comparison when it holds comparison.csv. A sweep directory
(sweep_manifest.json, runs.csv) gives the sweep sections. The calibration and sensitivity sections
are filled from their outputs when the directory holds them and otherwise say what they need.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import ReportError
from .page import Section, render_page, write_page

REPORT_NAME = "report.html"


@dataclass
class ReportOptions:
    out: Path | None = None  # the page; default DIR/report.html
    # Local wall-clock times ("2022-01-05T12:00") of the maps; empty: chosen from the run (start,
    # peak of actives, peak of violence, end).
    at: list[str] = field(default_factory=list)
    animation: bool = True  # the animation in the page (needs snapshots)
    video: str = "auto"  # also write the animation as a file: mp4, gif, none; auto: mp4 with
    #                      ffmpeg on PATH, else gif
    max_frames: int = 240  # frames of the animation at most (snapshots are subsampled evenly)


def directory_kind(d: Path) -> str:
    """'run' or 'sweep'; ReportError when DIR is neither."""
    if not d.exists():
        raise ReportError(f"{d}: no such directory")
    if not d.is_dir():
        raise ReportError(f"{d}: not a directory")
    if (d / "sweep_manifest.json").exists():
        return "sweep"
    if (d / "dictionary.json").exists():
        return "run"
    raise ReportError(
        f"{d}: neither a run (dictionary.json, from `unrest run`) nor a sweep "
        "(sweep_manifest.json, from `unrest sweep`)"
    )


def build_sections(d: Path, kind: str, options: ReportOptions) -> tuple[str, list, list[Section]]:
    """(title, provenance lines, sections) for the directory."""
    from .sections import calibration, comparison, maps, run, sensitivity, sweep

    if kind == "run":
        from .outputs import load_run

        outputs = load_run(d)
        sections = run.build(outputs, options)
        sections += maps.build(outputs, options)
        cmp = comparison.build(outputs, options)
        if cmp is not None:
            sections.append(cmp)
        title, prov = run.title_and_provenance(outputs)
    else:
        sections = sweep.build(d, options)
        title, prov = sweep.title_and_provenance(d)
    sections.append(calibration.build(d, options))
    sections.append(sensitivity.build(d, options))
    return title, prov, sections


def build_report(directory: str | Path, options: ReportOptions | None = None) -> Path:
    """Writes the report of DIR; returns the page's path. ReportError on bad input."""
    options = options or ReportOptions()
    d = Path(directory)
    kind = directory_kind(d)
    title, prov, sections = build_sections(d, kind, options)
    out = Path(options.out) if options.out else d / REPORT_NAME
    write_page(out, render_page(title, prov, sections))
    return out
