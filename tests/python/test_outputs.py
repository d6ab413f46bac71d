"""The output reader (unrest_analysis.outputs) on outputs made by the real program (a short run2)
and on hand-made output directories."""

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

from unrest_analysis.errors import ReportError  # noqa: E402
from unrest_analysis.outputs import columns_of, load_run  # noqa: E402

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


def test_outputs_load_with_the_dictionarys_columns(run_dir: Path) -> None:
    run = load_run(run_dir)
    # The columns come from the run's dictionary.json, written from the metric registry.
    assert list(run.timeseries.columns) == columns_of(run.dictionary, "timeseries.csv")
    assert list(run.timeseries.columns)[:2] == ["tick", "region"]
    assert list(run.timeseries.columns)[2:] == run.metric_names
    for classic in ["quiet", "active", "jailed", "cops", "arrests", "releases", "legitimacy"]:
        assert classic in run.metric_names
    assert {m["name"]: m["daily_reduction"] for m in run.metrics}["arrests"] == "sum"
    assert run.regions == ["main"]
    assert len(run.timeseries) == 301  # tick 0 and ticks 1..300, one region
    assert (run.timeseries["region"] == "main").all()
    assert run.timeseries["tick"].tolist() == list(range(301))
    # Conservation: citizens are quiet, active or jailed (1,120 = 0.7 x 1,600).
    totals = run.timeseries[["quiet", "active", "jailed"]].sum(axis=1)
    assert (totals == 1120).all()
    assert (run.timeseries["cops"] == 64).all()
    assert run.summary["ticks"] == 300
    assert run.manifest["run"]["seed"] == 2002
    assert run.summary["totals"]["arrests"] == int(run.timeseries["arrests"].sum())
    assert run.summary["regions"]["main"]["totals"] == run.summary["totals"]
    # No calendar: no daily.csv; no timeline events in Model I's run 2.
    assert run.daily is None
    assert run.events is not None and len(run.events) == 0
    assert list(run.events.columns) == columns_of(run.dictionary, "events.csv")
    written = {p.name for p in run_dir.iterdir()}
    assert sorted(run.manifest["files"]) == sorted(written)
    whole = run.totals()
    assert whole["active"].tolist() == run.timeseries["active"].tolist()


def _hand_made(directory: Path, regions: list[tuple[str, int]]) -> None:
    """An output directory of two ticks for `regions` ((name, citizens)), with the dictionary of
    a real run (its metrics) and made-up values."""
    metrics = [
        {"name": "active", "daily_reduction": "last", "across_regions": "sum"},
        {"name": "legitimacy", "daily_reduction": "mean", "across_regions": "mean"},
    ]
    columns = [{"name": "tick"}, {"name": "region"}] + [{"name": m["name"]} for m in metrics]
    dictionary = {
        "files": [{"name": "timeseries.csv", "columns": columns}],
        "metrics": metrics,
        "regions": [{"name": n, "citizens": c} for n, c in regions],
    }
    (directory / "dictionary.json").write_text(json.dumps(dictionary))
    rows = []
    for tick in range(2):
        for i, (name, _) in enumerate(regions):
            rows.append({"tick": tick, "region": name, "active": 10 * (i + 1) + tick,
                         "legitimacy": 0.5 + 0.25 * i})
    pd.DataFrame(rows).to_csv(directory / "timeseries.csv", index=False)
    (directory / "summary.json").write_text(json.dumps({}))
    (directory / "manifest.json").write_text(json.dumps({}))


def test_totals_combine_regions_as_the_dictionary_says(tmp_path: Path) -> None:
    _hand_made(tmp_path, [("NA", 100), ("Aktau, port", 300)])
    run = load_run(tmp_path)
    assert run.regions == ["NA", "Aktau, port"]
    assert run.region("NA")["active"].tolist() == [10, 11]  # "NA" stays a name
    whole = run.totals()
    assert whole["active"].tolist() == [30, 32]
    assert whole["legitimacy"].tolist() == [(100 * 0.5 + 300 * 0.75) / 400] * 2


def test_daily_and_events_are_read_when_listed(tmp_path: Path) -> None:
    _hand_made(tmp_path, [("main", 10)])
    dictionary = json.loads((tmp_path / "dictionary.json").read_text())
    dictionary["files"] += [
        {"name": "daily.csv", "columns": [{"name": "region"}, {"name": "date"}, {"name": "active"}]},
        {"name": "events.csv", "columns": [{"name": "tick"}, {"name": "region"}, {"name": "id"},
                                           {"name": "details"}]},
    ]
    (tmp_path / "dictionary.json").write_text(json.dumps(dictionary))
    (tmp_path / "daily.csv").write_text("region,date,active\nmain,2022-01-02,11\n")
    (tmp_path / "events.csv").write_text('tick,region,id,details\n3,main,,"a, ""b"""\n')
    run = load_run(tmp_path)
    assert run.daily is not None and run.daily["date"].tolist() == ["2022-01-02"]
    assert run.events is not None
    assert run.events["id"].tolist() == [""]
    assert run.events["details"].tolist() == ['a, "b"']


def test_load_run_rejects_missing_columns(tmp_path: Path) -> None:
    _hand_made(tmp_path, [("main", 10)])
    pd.DataFrame({"tick": [0], "region": ["main"], "active": [1]}).to_csv(
        tmp_path / "timeseries.csv", index=False)
    with pytest.raises(ReportError, match="missing columns"):
        load_run(tmp_path)


def test_load_run_needs_a_dictionary(tmp_path: Path) -> None:
    _hand_made(tmp_path, [("main", 10)])
    (tmp_path / "dictionary.json").unlink()
    with pytest.raises(ReportError, match="no dictionary.json"):
        load_run(tmp_path)


def test_page_into_a_missing_directory_is_a_report_error(tmp_path: Path) -> None:
    from unrest_analysis.page import write_page

    with pytest.raises(ReportError, match="does not exist"):
        write_page(tmp_path / "no" / "report.html", "<html></html>")
    with pytest.raises(ReportError, match="a directory"):
        write_page(tmp_path, "<html></html>")
    write_page(tmp_path / "report.html", "<p>x</p>")
    assert (tmp_path / "report.html").read_text() == "<p>x</p>"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary left
