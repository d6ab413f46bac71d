"""The analysis scripts on outputs made by the real program (a short run2) and on a hand-made
output directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "analysis"))

import report  # noqa: E402
from unrest_outputs import TIMESERIES_COLUMNS, load_run  # noqa: E402

BINARY = ROOT / "build" / "unrest"


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    if not BINARY.exists():
        pytest.fail(f"{BINARY} not built: run scripts/build.sh first")
    out = tmp_path_factory.mktemp("runs") / "run2"
    subprocess.run(
        [str(BINARY), "run", str(ROOT / "scenarios/epstein2002/run2.yaml"), "--out", str(out),
         "--ticks", "300", "--quiet"],
        check=True,
    )
    return out


def test_outputs_load_with_documented_columns(run_dir: Path) -> None:
    run = load_run(run_dir)
    assert list(run.timeseries.columns) == TIMESERIES_COLUMNS
    assert len(run.timeseries) == 301  # tick 0 and ticks 1..300
    assert run.timeseries["tick"].tolist() == list(range(301))
    # Conservation: citizens are quiet, active or jailed (1,120 = 0.7 x 1,600).
    totals = run.timeseries[["quiet", "active", "jailed"]].sum(axis=1)
    assert (totals == 1120).all()
    assert (run.timeseries["cops"] == 64).all()
    assert run.summary["ticks"] == 300
    assert run.manifest["run"]["seed"] == 2002
    assert run.summary["totals"]["arrests"] == int(run.timeseries["arrests"].sum())


def test_report_written(run_dir: Path) -> None:
    assert report.main(["report.py", str(run_dir)]) == 0
    text = (run_dir / "report.md").read_text(encoding="utf-8")
    assert "outbursts (> 50 actives)" in text
    assert (run_dir / "actives.png").stat().st_size > 1000


def test_load_run_rejects_missing_columns(tmp_path: Path) -> None:
    pd.DataFrame({"tick": [0], "quiet": [1]}).to_csv(tmp_path / "timeseries.csv", index=False)
    (tmp_path / "summary.json").write_text(json.dumps({}))
    (tmp_path / "manifest.json").write_text(json.dumps({}))
    with pytest.raises(ValueError, match="missing columns"):
        load_run(tmp_path)


def test_report_usage_error() -> None:
    assert report.main(["report.py"]) == 2
