"""The report's sweep sections on sweeps run by the real program (tests/python/data/sweep_*.yaml:
a 3 x 3 grid with 3 replicates, a Latin hypercube, a grid with failing runs): the drawn values
are read back from the figures and compared with runs.csv; and malformed sweep directories."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "analysis"))

from unrest_analysis.errors import ReportError  # noqa: E402
from unrest_analysis.report import ReportOptions, build_report  # noqa: E402
from unrest_analysis.sections import sweep  # noqa: E402
from unrest_analysis.sections.sweep_data import load_sweep, metric_unit  # noqa: E402

BINARY = ROOT / "build" / "unrest"
DATA = ROOT / "tests/python/data"
LEG, COP = "legitimacy.initial", "population.cop_density"

@pytest.fixture(autouse=True)
def close_figures():
    """The figure builders return open matplotlib figures: each test starts and ends with none."""
    plt.close("all")
    yield
    plt.close("all")


def _sweep(base: Path, name: str) -> Path:
    if not BINARY.exists():
        pytest.fail(f"{BINARY} not built: run scripts/build.sh first")
    out = base / name
    subprocess.run([str(BINARY), "sweep", str(DATA / f"{name}.yaml"), "--out", str(out),
                    "--quiet", "--jobs", "2"], check=True)
    return out


@pytest.fixture(scope="module")
def sweeps(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("sweeps")
    return {n: _sweep(base, n) for n in ("sweep_small", "sweep_lhs", "sweep_failing")}


def runs_csv(d: Path) -> pd.DataFrame:
    """runs.csv read independently of the report's reader (metrics as floats, NaN when empty)."""
    with open(d / "runs.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    frame = pd.DataFrame(rows)
    for c in frame.columns:
        if c not in ("status", "error", "vision.shape"):
            frame[c] = pd.to_numeric(frame[c].replace("", np.nan))
    return frame


def _by_label(fig, kind: str) -> dict:
    out = {}
    for ax in fig.axes:
        artists = list(ax.lines) + list(ax.collections) + list(ax.images)
        for a in artists:
            label = a.get_label()
            if label.startswith(kind + " "):
                out[label[len(kind) + 1:]] = (ax, a)
    return out


def test_heatmap_cells_are_the_means_of_runs_csv(sweeps) -> None:
    d = sweeps["sweep_small"]
    data = load_sweep(d)
    runs = runs_csv(d)
    ok = runs[runs["status"] == "ok"]
    for metric in data.metrics:
        fig, pairs = sweep.heatmap_figure(data, metric)
        assert [(x.key, y.key) for x, y in pairs] == [(LEG, COP)]
        (ax, image), = _by_label(fig, "heatmap").values()
        z = np.ma.filled(image.get_array().astype(float), np.nan)
        expected = ok.groupby([COP, LEG])[metric].mean().unstack()  # rows: cop, columns: leg
        assert z.shape == (3, 3)
        assert np.allclose(z, expected.to_numpy(), equal_nan=True)
        assert [t.get_text() for t in ax.get_xticklabels()] == ["0.7", "0.8", "0.9"]
        assert [t.get_text() for t in ax.get_yticklabels()] == ["0.02", "0.04", "0.06"]
    # outbursts.duration.mean is undefined where no outburst completed: blank cells, counted.
    figures = sweep.metric_figures(data, "outbursts.duration.mean")
    undefined = int(ok["outbursts.duration.mean"].isna().sum())
    assert undefined > 0
    assert f"{undefined} successful runs have no value (undefined)" in figures[0].caption


def _band(collection) -> dict[float, tuple[float, float]]:
    """fill_between's polygon as x -> (low, high)."""
    verts = collection.get_paths()[0].vertices
    out: dict[float, list[float]] = {}
    for x, y in verts:
        out.setdefault(round(float(x), 12), []).append(float(y))
    return {x: (min(v), max(v)) for x, v in out.items()}


def test_lines_and_bands_are_read_back_from_runs_csv(sweeps) -> None:
    d = sweeps["sweep_small"]
    data = load_sweep(d)
    runs = runs_csv(d)
    metric = "totals.arrests"
    fig, _ = sweep.lines_figure(data, metric)
    lines = _by_label(fig, "mean")
    bands = _by_label(fig, "band")
    # Over legitimacy, one line per cop density (nothing else is averaged): the mean of the three
    # replicates at each value, the band their min to max (fewer than 10 replicates).
    for x, series in ((LEG, COP), (COP, LEG)):
        for level in (0.02, 0.04, 0.06) if series == COP else (0.7, 0.8, 0.9):
            name = f"{x} {series}={level:g}"
            ax, line = lines[name]
            part = runs[runs[series] == level].groupby(x)[metric]
            assert list(line.get_xdata()) == list(part.mean().index)
            assert np.allclose(line.get_ydata(), part.mean().to_numpy())
            band = _band(bands[name][1])
            for xv, lo, hi in zip(part.min().index, part.min(), part.max()):
                assert np.allclose(band[round(xv, 12)], (lo, hi))
        assert ax.get_xlabel() == x
        assert ax.get_ylabel() == "totals.arrests (persons)"
    assert "min to max of the 3 replicates" in sweep.metric_figures(data, metric)[1].caption


def test_a_parameter_averaged_over_uses_replicate_means(sweeps, tmp_path: Path) -> None:
    # Drop cop density from the manifest's varied parameters: it is then a column the report
    # ignores, so treat the sweep as one over legitimacy; and check averaging with three
    # parameters by adding a made-up third one that takes two values per replicate.
    d = tmp_path / "three"
    shutil.copytree(sweeps["sweep_small"], d)
    runs = runs_csv(d)
    manifest = json.loads((d / "sweep_manifest.json").read_text())
    manifest["design"]["parameters"].append({"key": "made.up", "kind": "list",
                                             "values": ["1", "2"], "integer": False})
    (d / "sweep_manifest.json").write_text(json.dumps(manifest))
    raw = pd.read_csv(d / "runs.csv", dtype=str, keep_default_na=False)
    raw.insert(6, "made.up", ["1" if i % 2 else "2" for i in range(len(raw))])
    raw.to_csv(d / "runs.csv", index=False)
    data = load_sweep(d)
    assert [p.key for p in data.parameters] == [LEG, COP, "made.up"]
    fig, pairs = sweep.heatmap_figure(data, "final.jailed")
    assert len(pairs) == 3
    fig, _ = sweep.lines_figure(data, "final.jailed")
    lines = _by_label(fig, "mean")
    bands = _by_label(fig, "band")
    # Over legitimacy, one line per made.up value (2 values, the fewest); cop density averaged:
    # each replicate's value is the mean of its runs at that legitimacy and made.up value.
    runs["made.up"] = [2 if i % 2 == 0 else 1 for i in range(len(runs))]
    for level in (1, 2):
        name = f"{LEG} made.up={level}"
        part = runs[runs["made.up"] == level]
        ax, line = lines[name]
        assert np.allclose(line.get_ydata(), part.groupby(LEG)["final.jailed"].mean())
        per_rep = part.groupby([LEG, "replicate"])["final.jailed"].mean().unstack()
        band = _band(bands[name][1])
        for xv in per_rep.index:
            assert np.allclose(band[round(xv, 12)], (per_rep.loc[xv].min(), per_rep.loc[xv].max()))
        assert ax.get_title() == f"averaged over {COP}"


def test_failed_runs_are_left_out_and_counted(sweeps) -> None:
    d = sweeps["sweep_failing"]
    data = load_sweep(d)
    runs = runs_csv(d)
    failed = runs[runs["status"] == "error"]
    assert len(failed) == 2 and len(data.failed) == 2
    fig, _ = sweep.heatmap_figure(data, "final.jailed")
    (ax, image), = _by_label(fig, "heatmap").values()
    z = np.ma.filled(image.get_array().astype(float), np.nan)
    ok = runs[runs["status"] == "ok"]
    expected = ok.groupby(["population.cop_density", "population.citizen_density"])[
        "final.jailed"].mean().unstack()
    assert np.allclose(z, expected.reindex(index=[0.04, 0.06], columns=[0.7, 0.95]).to_numpy(),
                       equal_nan=True)
    assert np.isnan(z[1, 1])  # (0.95, 0.06): both replicates failed
    assert "no value" in [t.get_text() for t in ax.texts]
    sections = sweep.build(d, ReportOptions())
    caption = sections[1].figures[0].caption
    assert "2 of 8 runs failed and are left out" in caption
    failed_table = next(t for t in sections[0].tables if t.id == "sweep-failed")
    assert failed_table.frame["run_id"].tolist() == ["6", "7"]
    errors = failed_table.frame["error"]
    assert errors.str.contains("citizen_density + cop_density", regex=False).all()


def test_lhs_gets_scatter_plots_of_every_run(sweeps) -> None:
    d = sweeps["sweep_lhs"]
    data = load_sweep(d)
    runs = runs_csv(d)
    assert data.scattered
    ids = [f.id for s in sweep.build(d, ReportOptions()) for f in s.figures]
    assert ids == ["sweep-scatter-outbursts-count", "sweep-scatter-totals-arrests"]
    fig = sweep.scatter_figure(data, "totals.arrests")
    scattered = _by_label(fig, "runs")
    means = _by_label(fig, "means")
    ax, dots = scattered[LEG]
    assert np.allclose(dots.get_offsets(), runs[[LEG, "totals.arrests"]].to_numpy())
    ax, dots = scattered[COP]
    assert ax.get_xscale() == "log"  # log_uniform
    ax, dots = scattered["vision.shape"]  # names: at their index
    shapes = runs["vision.shape"].map({"disc": 0, "moore": 1})
    assert np.allclose(dots.get_offsets()[:, 0], shapes)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["disc", "moore"]
    point_means = runs.groupby("point")[[LEG, "totals.arrests"]].mean()
    assert np.allclose(means[LEG][1].get_offsets(), point_means.to_numpy())
    (ax, plane), = _by_label(fig, "plane").values()
    assert np.allclose(plane.get_array(), point_means["totals.arrests"])


def test_tables_and_provenance(sweeps) -> None:
    d = sweeps["sweep_small"]
    title, prov = sweep.title_and_provenance(d)
    assert title == "Sweep sweep_small.yaml"
    prov = dict(prov)
    assert prov["design"] == "grid, 9 points x 3 replicates = 27 runs"
    assert prov["status"] == "complete; 27 runs ok, 0 failed"
    sections = sweep.build(d, ReportOptions())
    tables = {t.id: t.frame for t in sections[0].tables}
    assert tables["sweep-design"]["parameter"].tolist() == [LEG, COP, "ticks"]
    assert tables["sweep-design"]["varied"].tolist()[2] == "fixed at 100"
    with open(d / "runs.csv", newline="") as f:
        rows = list(csv.reader(f))
    assert tables["sweep-runs"].values.tolist() == rows[1:21]
    summary = tables["sweep-metrics-summary"].set_index("metric")
    assert summary.loc["final.jailed", "unit"] == "persons"
    assert summary.loc["outbursts.duration.mean", "undefined"] == int(
        runs_csv(d)["outbursts.duration.mean"].isna().sum())


def test_the_report_of_a_sweep(sweeps, tmp_path: Path) -> None:
    d = sweeps["sweep_small"]
    page = build_report(d, ReportOptions(out=tmp_path / "r.html")).read_text()
    for metric in load_sweep(d).metrics:
        s = sweep.slug(metric)
        assert f"id='sweep-heatmap-{s}'" in page and f"id='sweep-lines-{s}'" in page
    assert "<title>Sweep sweep_small.yaml</title>" in page


@pytest.mark.parametrize("name, unit", [
    ("final.jailed", "persons"), ("totals.arrests", "persons"),
    ("outbursts.duration.mean", "ticks"), ("outbursts.duration.n", "count"),
    ("outbursts.count", "outbursts"), ("activity.mean_active_fraction", "fraction"),
    ("totals.damage_usd", "usd"), ("regions.almaty.final.sites_burned", "sites"),
    ("final.legitimacy", "fraction"), ("final.unheard_of", None), ("nonsense", None),
])
def test_metric_units(name: str, unit: str | None) -> None:
    assert metric_unit(name) == unit


def _copy(sweeps, tmp_path: Path) -> Path:
    d = tmp_path / "s"
    shutil.copytree(sweeps["sweep_small"], d)
    return d


def test_malformed_runs_csv(sweeps, tmp_path: Path) -> None:
    d = _copy(sweeps, tmp_path)
    text = (d / "runs.csv").read_text().splitlines()
    text[3] = text[3].replace(",ok,", ",fine,")
    (d / "runs.csv").write_text("\n".join(text) + "\n")
    with pytest.raises(ReportError, match=r"runs.csv:4: column status: expected ok or error, "
                                          r"found 'fine'"):
        sweep.build(d, ReportOptions())
    raw = pd.read_csv(sweeps["sweep_small"] / "runs.csv", dtype=str, keep_default_na=False)
    raw.loc[4, "final.jailed"] = "many"
    raw.to_csv(d / "runs.csv", index=False)
    with pytest.raises(ReportError, match=r"runs.csv:6: column final.jailed: expected a number"):
        sweep.build(d, ReportOptions())
    raw.drop(columns=["totals.arrests"]).to_csv(d / "runs.csv", index=False)
    with pytest.raises(ReportError, match=r"runs.csv: missing column\(s\) totals.arrests"):
        sweep.build(d, ReportOptions())
    (d / "runs.csv").unlink()
    with pytest.raises(ReportError, match=r"runs.csv: no such file \(sweep status: complete\)"):
        sweep.build(d, ReportOptions())


def test_malformed_manifest(sweeps, tmp_path: Path) -> None:
    d = _copy(sweeps, tmp_path)
    (d / "sweep_manifest.json").write_text("{not json")
    with pytest.raises(ReportError, match=r"sweep_manifest.json: not valid JSON"):
        sweep.title_and_provenance(d)
    (d / "sweep_manifest.json").write_text(json.dumps({"design": {"kind": "grid"}}))
    with pytest.raises(ReportError, match=r"sweep_manifest.json: design.parameters: expected a "
                                          r"list"):
        sweep.build(d, ReportOptions())


def test_an_unfinished_sweep_reads_its_journal(sweeps, tmp_path: Path) -> None:
    d = _copy(sweeps, tmp_path)
    lines = (d / "runs.csv").read_text().splitlines()
    (d / "runs.csv").unlink()
    (d / "runs.journal.csv").write_text("\n".join(lines[:10]) + "\n")
    sections = sweep.build(d, ReportOptions())
    assert "has not completed" in sections[0].intro
    assert len(load_sweep(d).runs) == 9
