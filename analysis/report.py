#!/usr/bin/env python3
"""A short report on one run: a plot of actives and jailed over time, and report.md with the
run's statistics beside the published ones (Epstein 2002, run 2) where they apply.

Usage: report.py OUTPUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from unrest_outputs import load_run  # noqa: E402

# Epstein (2002), run 2: outbursts of > 50 actives; MODEL.md §2.
PAPER_RUN2 = {
    "mean waiting time": "60 (s.d. 55)",
    "mean total activation per outburst": "708 (s.d. 230)",
    "outbursts per 3,000 ticks (replications)": "~100-120",
}


def plot(run, path: Path) -> None:
    # The whole run (regions combined as summary.json combines them), then each region's actives
    # when there are several.
    ts = run.totals()
    fig, ax = plt.subplots(figsize=(10, 4))
    ax.plot(ts["tick"], ts["active"], label="active", color="tab:red", linewidth=0.8)
    ax.plot(ts["tick"], ts["jailed"], label="jailed", color="tab:gray", linewidth=0.8)
    if len(run.regions) > 1:
        for name in run.regions:
            region = run.region(name)
            ax.plot(region["tick"], region["active"], label=f"active: {name}", linewidth=0.5)
    threshold = run.summary.get("outbursts", {}).get("threshold")
    if threshold is not None:
        ax.axhline(threshold, color="black", linestyle=":", linewidth=0.8, label="outburst threshold")
    ax.set_xlabel("tick")
    ax.set_ylabel("persons")
    ax.set_title(run.manifest.get("run", {}).get("scenario_name", run.directory.name))
    ax.legend(loc="upper right")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def fmt_stat(stats: dict | None) -> str:
    if not stats or stats.get("mean") is None:
        return "n/a"
    sd = stats.get("sd")
    return f"{stats['mean']:.1f}" + (f" (s.d. {sd:.1f})" if sd is not None else "")


def write_report(run, path: Path) -> None:
    s = run.summary
    a = s.get("activity", {})
    o = s.get("outbursts", {})
    r = run.manifest.get("run", {})
    lines = [
        f"# Report: {r.get('scenario_name', run.directory.name)}",
        "",
        f"- ticks: {s.get('ticks')}",
        f"- regions: {', '.join(run.regions)}",
        f"- persons per agent: {s.get('scale', {}).get('persons_per_agent', 1)}",
        f"- seed: {r.get('seed')}",
        f"- mean active fraction: {a.get('mean_active_fraction')}",
        f"- peak actives: {a.get('peak_active')} at tick {a.get('peak_tick')}",
        f"- ticks with fewer than {a.get('quiet_tick_actives')} actives: {a.get('quiet_tick_fraction')}",
        f"- outbursts (> {o.get('threshold')} actives): {o.get('count')}",
        f"- timeline events applied: {0 if run.events is None else len(run.events)}",
        f"- mean total activation per outburst: {fmt_stat(o.get('total_activation'))}",
        f"- mean waiting time between outbursts: {fmt_stat(o.get('waiting_time'))}",
        "",
        "Published figures for Epstein (2002) run 2, for comparison:",
        "",
    ]
    lines += [f"- {k}: {v}" for k, v in PAPER_RUN2.items()]
    lines += ["", "![actives over time](actives.png)", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    run = load_run(argv[1])
    plot(run, run.directory / "actives.png")
    write_report(run, run.directory / "report.md")
    print(f"report written to {run.directory / 'report.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
