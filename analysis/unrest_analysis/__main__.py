"""python3 -m unrest_analysis report DIR [--out FILE] [--at TIME]... [--no-animation]
[--video mp4|gif|none|auto] [--max-frames N]

What `unrest report` runs. Bad input: one line on stderr naming the file and what was expected,
exit status 2 (no traceback)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import ReportError
from .report import ReportOptions, build_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="unrest", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("report", help="write the HTML report of a run or sweep directory")
    rep.add_argument("directory", help="output directory of `unrest run` or `unrest sweep`")
    rep.add_argument("--out", type=Path, help="the page (default: DIR/report.html)")
    rep.add_argument("--at", action="append", default=[],
                     help="local time of a map, e.g. 2022-01-05T12:00 (repeatable)")
    rep.add_argument("--no-animation", action="store_true", help="no animation in the page")
    rep.add_argument("--video", choices=["mp4", "gif", "none", "auto"], default="auto",
                     help="also write the animation as a video file (default: auto)")
    rep.add_argument("--max-frames", type=int, default=240, help="animation frames at most")
    args = parser.parse_args(argv)
    if args.max_frames < 1:
        parser.error("--max-frames: expected an integer >= 1")
    options = ReportOptions(out=args.out, at=args.at, animation=not args.no_animation,
                            video=args.video, max_frames=args.max_frames)
    try:
        path = build_report(args.directory, options)
    except ReportError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"report: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
