"""The report's calibration and sensitivity sections.

FORMAT TESTS: no program writes calibration/*.csv or sensitivity/*.csv yet (`unrest calibrate` and
`unrest sensitivity` are a later issue), so these files are made by hand here, in the formats the
sections define (see their module docstrings). The drawn values are read back from the figures and
compared with the files; the placeholder (no files) and malformed files are checked too."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "analysis"))

from unrest_analysis.errors import ReportError  # noqa: E402
from unrest_analysis.page import render_page  # noqa: E402
from unrest_analysis.report import ReportOptions  # noqa: E402
from unrest_analysis.sections import calibration, comparison, sensitivity  # noqa: E402

PARAMS = ["legitimacy.initial", "arrest.k", "citizen.threshold"]
COMPARISON = (
    ",".join(comparison.COLUMNS) + "\n"
    "arrests_a,arrests,almaty,2022-01-06,daily,\"about 3,000\",2700,3300,persons,1520,no,,src a\n"
    "dead_b,police_dead,national,2022-01-06,cumulative,18,18,18,persons,20,no,,src b\n"
    "crowd_c,crowd,almaty,2022-01-05,peak,more than 1000,1000,,persons,2940,yes,,src c\n"
    "damage_d,damage_usd,almaty,2022-01-06,cumulative,$90 m,90000000,90000000,usd,3e7,no,,src d\n"
)

@pytest.fixture(autouse=True)
def close_figures():
    """The figure builders return open matplotlib figures: each test starts and ends with none."""
    plt.close("all")
    yield
    plt.close("all")


def write_calibration(d: Path) -> None:
    """Hand-made calibration outputs: 3 generations of 40 particles, predictive draws for four
    reported figures and one figure without a report, a forecast of two quantities."""
    rng = np.random.default_rng(7)
    c = d / "calibration"
    c.mkdir(parents=True)
    rows = []
    for g, sd in enumerate([0.08, 0.04, 0.02]):
        for _ in range(40):
            rows.append({"generation": g, "weight": rng.uniform(0.1, 1.0),
                         PARAMS[0]: 0.8 + sd * rng.normal(),
                         PARAMS[1]: 2.3 + 10 * sd * rng.normal(),
                         PARAMS[2]: 0.1 + sd * rng.normal()})
    pd.DataFrame(rows).to_csv(c / "posterior.csv", index=False)
    pd.DataFrame({"generation": [0, 1, 2], "tolerance": [100.0, 30.0, 9.5],
                  "accepted": [40, 40, 40], "proposed": [80, 400, 1600],
                  "acceptance_rate": [0.5, 0.1, 0.025]}).to_csv(c / "generations.csv", index=False)
    (c / "comparison.csv").write_text(COMPARISON)
    rows = []
    for draw in range(50):
        for fid, m, s in [("arrests_a", 2500, 300), ("dead_b", 15, 4), ("crowd_c", 3000, 800),
                          ("damage_d", 6e7, 1e7), ("unreported_e", 5, 1)]:
            rows.append({"draw": draw, "id": fid, "value": max(0.0, rng.normal(m, s))})
    pd.DataFrame(rows).to_csv(c / "predictive.csv", index=False)
    rows = []
    for q, base in [("arrests", 800), ("crowd", 3000)]:
        for k, day in enumerate(pd.date_range("2022-01-07", periods=5)):
            m, s = base * (1 - 0.1 * k), base * 0.05 * (1 + k)
            rows.append({"quantity": q, "region": "almaty", "date": day.strftime("%Y-%m-%d"),
                         "q05": m - 1.6 * s, "q25": m - 0.7 * s, "q50": m, "q75": m + 0.7 * s,
                         "q95": m + 1.6 * s})
    pd.DataFrame(rows[::-1]).to_csv(c / "forecast.csv", index=False)  # dates out of order


def write_sensitivity(d: Path) -> None:
    rng = np.random.default_rng(11)
    s = d / "sensitivity"
    s.mkdir(parents=True)
    morris, sobol = [], []
    for metric in ["outbursts.count", "totals.arrests"]:
        for p in PARAMS + ["vision.radius"]:
            mu = rng.uniform(0, 10)
            morris.append({"parameter": p, "metric": metric, "mu_star": mu,
                           "sigma": mu * rng.uniform(0.2, 1.5), "mu_star_conf": 0.2 * mu})
            s1 = rng.uniform(0, 0.5)
            sobol.append({"parameter": p, "metric": metric, "S1": s1, "S1_conf": 0.05,
                          "ST": s1 + rng.uniform(0, 0.3), "ST_conf": 0.07})
    pd.DataFrame(morris).to_csv(s / "morris.csv", index=False)
    pd.DataFrame(sobol).to_csv(s / "sobol.csv", index=False)


@pytest.fixture()
def made(tmp_path: Path) -> Path:
    write_calibration(tmp_path)
    write_sensitivity(tmp_path)
    return tmp_path


def _labelled(fig, prefix: str) -> dict:
    out = {}
    for ax in fig.axes:
        for a in list(ax.lines) + list(ax.collections) + list(ax.containers):
            label = a.get_label()
            if isinstance(label, str) and label.startswith(prefix + " "):
                out[label[len(prefix) + 1:]] = (ax, a)
    return out


# -- placeholders -------------------------------------------------------------------------------

def test_placeholders_say_which_files_they_need(tmp_path: Path) -> None:
    cal = calibration.build(tmp_path, ReportOptions())
    sen = sensitivity.build(tmp_path, ReportOptions())
    assert cal.figures == [] and sen.figures == []
    for name in ["calibration/posterior.csv", "calibration/generations.csv",
                 "calibration/predictive.csv", "calibration/forecast.csv",
                 "generation, weight", "q05, q25, q50, q75, q95"]:
        assert name in cal.placeholder
    for name in ["sensitivity/morris.csv", "sensitivity/sobol.csv", "mu_star, sigma",
                 "S1, S1_conf, ST, ST_conf"]:
        assert name in sen.placeholder
    page = render_page("t", [], [cal, sen])
    assert "class='placeholder'" in page and "calibration/posterior.csv" in page


def test_a_missing_file_is_named_beside_the_others(made: Path) -> None:
    (made / "calibration" / "forecast.csv").unlink()
    (made / "sensitivity" / "sobol.csv").unlink()
    cal = calibration.build(made, ReportOptions())
    assert [f.id for f in cal.figures] == ["calibration-marginals", "calibration-pairs",
                                           "calibration-generations", "calibration-predictive"]
    assert cal.placeholder.startswith("Not found, so not shown: calibration/forecast.csv")
    sen = sensitivity.build(made, ReportOptions())
    assert [f.id for f in sen.figures] == ["sensitivity-morris"]
    assert "sensitivity/sobol.csv" in sen.placeholder


# -- calibration --------------------------------------------------------------------------------

def test_calibration_section_shows_every_file(made: Path) -> None:
    cal = calibration.build(made, ReportOptions())
    assert cal.placeholder is None
    assert [f.id for f in cal.figures] == ["calibration-marginals", "calibration-pairs",
                                           "calibration-generations", "calibration-predictive",
                                           "calibration-forecast"]
    assert all(f.svg.startswith("<svg") for f in cal.figures)
    assert "Not in it: unreported_e." in cal.figures[3].caption
    render_page("t", [], [cal])  # ids valid and unique


def test_marginals_are_weighted_histograms_of_the_last_generation(made: Path) -> None:
    post, params = calibration.read_posterior(made / "calibration/posterior.csv")
    assert params == PARAMS
    raw = pd.read_csv(made / "calibration/posterior.csv")
    last = raw[raw["generation"] == 2]
    fig = calibration.marginals_figure(post, params)
    bars = _labelled(fig, "posterior")
    for p in PARAMS:
        ax, container = bars[p]
        heights = np.array([r.get_height() for r in container.patches])
        edges = [r.get_x() for r in container.patches] + [
            container.patches[-1].get_x() + container.patches[-1].get_width()]
        expected, _ = np.histogram(last[p], bins=edges, weights=last["weight"], density=True)
        assert np.allclose(heights, expected)
        mean = np.average(last[p], weights=last["weight"])
        assert f"mean {mean:.4g}" in ax.get_title()
    fig = calibration.pairs_figure(post, params)
    pairs = _labelled(fig, "pair")
    assert sorted(pairs) == sorted([f"{PARAMS[0]} {PARAMS[1]}", f"{PARAMS[0]} {PARAMS[2]}",
                                    f"{PARAMS[1]} {PARAMS[2]}"])
    _, dots = pairs[f"{PARAMS[0]} {PARAMS[2]}"]
    assert np.allclose(dots.get_offsets(), last[[PARAMS[0], PARAMS[2]]].to_numpy())


def test_generations_are_drawn_from_the_file(made: Path) -> None:
    gens = calibration.read_generations(made / "calibration/generations.csv")
    fig = calibration.generations_figure(gens)
    (line,) = [x for ax in fig.axes for x in ax.lines if x.get_label() == "tolerance"]
    assert list(line.get_ydata()) == [100.0, 30.0, 9.5]
    (bars,) = [c for ax in fig.axes for c in ax.containers if c.get_label() == "acceptance"]
    assert [r.get_height() for r in bars.patches] == [0.5, 0.1, 0.025]


def test_predictive_quantiles_beside_the_reported_ranges(made: Path) -> None:
    pred = calibration.read_predictive(made / "calibration/predictive.csv")
    reported = comparison.read_comparison(made / "calibration/comparison.csv")
    fig, tips = calibration.predictive_figure(pred, reported)
    raw = pd.read_csv(made / "calibration/predictive.csv")
    whiskers, boxes = _labelled(fig, "whisker"), _labelled(fig, "box")
    medians = _labelled(fig, "median")
    for fid, values in raw.groupby("id")["value"]:
        q = np.quantile(values, [0.05, 0.25, 0.5, 0.75, 0.95])
        assert np.allclose(whiskers[fid][1].get_xdata(), [q[0], q[4]])
        assert np.allclose(boxes[fid][1].get_xdata(), [q[1], q[3]])
        assert np.allclose(medians[fid][1].get_xdata(), [q[2]])
    ranges, points = _labelled(fig, "reported"), _labelled(fig, "point")
    assert list(ranges["arrests_a"][1].get_xdata()) == [2700.0, 3300.0]
    ax, crowd = ranges["crowd_c"]
    assert list(crowd.get_xdata()) == [1000.0, ax.get_xlim()[1]]  # open-ended
    assert list(points["dead_b"][1].get_xdata()) == [18.0]
    assert "unreported_e" not in ranges and "unreported_e" not in points
    # One panel per unit: persons (ids in comparison.csv's order), usd, then the unreported.
    labels = [[t.get_text() for t in ax.get_yticklabels()][::-1]
              for ax in fig.axes if ax.get_yticks().size]
    assert labels == [["arrests_a", "dead_b", "crowd_c"], ["damage_d"], ["unreported_e"]]
    assert any("src a" in t for t in tips.values())


def test_forecast_fan_in_date_order(made: Path) -> None:
    fc = calibration.read_forecast(made / "calibration/forecast.csv")
    fig = calibration.forecast_figure(fc)
    medians = _labelled(fig, "median")
    raw = pd.read_csv(made / "calibration/forecast.csv").sort_values("date")
    for q in ("arrests", "crowd"):
        ax, line = medians[f"{q} almaty"]
        part = raw[raw["quantity"] == q]
        assert np.allclose(line.get_ydata(), part["q50"])
        assert [str(pd.Timestamp(t).date()) for t in line.get_xdata()] == part["date"].tolist()
        assert ax.get_ylabel() == f"{q} (persons)"
        band = _labelled(fig, "q05-q95")[f"{q} almaty"][1]
        ys = band.get_paths()[0].vertices[:, 1]
        assert np.isclose(ys.min(), part["q05"].min()) and np.isclose(ys.max(), part["q95"].max())


# -- sensitivity --------------------------------------------------------------------------------

def test_morris_points_are_mu_star_and_sigma(made: Path) -> None:
    morris = sensitivity.read_morris(made / "sensitivity/morris.csv")
    fig, tips = sensitivity.morris_figure(morris)
    dots = _labelled(fig, "morris")
    raw = pd.read_csv(made / "sensitivity/morris.csv")
    for metric, part in raw.groupby("metric"):
        ax, collection = dots[metric]
        assert np.allclose(collection.get_offsets(), part[["mu_star", "sigma"]].to_numpy())
        assert sorted(t.get_text() for t in ax.texts) == sorted(part["parameter"])
        assert ax.get_title() == metric
    assert dots["totals.arrests"][0].get_xlabel() == "mu*, mean |elementary effect| (persons)"


def test_sobol_bars_are_the_indices(made: Path) -> None:
    sobol = sensitivity.read_sobol(made / "sensitivity/sobol.csv")
    fig, tips = sensitivity.sobol_figure(sobol)
    raw = pd.read_csv(made / "sensitivity/sobol.csv")
    containers = {c.get_label(): (ax, c) for ax in fig.axes for c in ax.containers}
    for metric, part in raw.groupby("metric"):
        part = part.sort_values("ST", kind="stable")
        ax, s1 = containers[f"S1 {metric}"]
        _, st = containers[f"ST {metric}"]
        assert np.allclose([r.get_width() for r in s1.patches], part["S1"])
        assert np.allclose([r.get_width() for r in st.patches], part["ST"])
        assert [t.get_text() for t in ax.get_yticklabels()] == part["parameter"].tolist()
    assert len(tips) == 2 * len(raw)


# -- malformed files ----------------------------------------------------------------------------

def _rewrite(path: Path, edit) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    edit(frame).to_csv(path, index=False)


@pytest.mark.parametrize("file, edit, message", [
    ("calibration/posterior.csv", lambda f: f.drop(columns=["weight"]),
     r"posterior.csv: missing column weight"),
    ("calibration/posterior.csv", lambda f: f.assign(weight=["-1"] + list(f["weight"][1:])),
     r"posterior.csv:2: column weight: expected a number >= 0, found '-1'"),
    ("calibration/posterior.csv", lambda f: f[["generation", "weight"]],
     r"posterior.csv: expected one column per parameter"),
    ("calibration/posterior.csv",
     lambda f: f.assign(**{"arrest.k": list(f["arrest.k"][:3]) + ["x"] + list(f["arrest.k"][4:])}),
     r"posterior.csv:5: column arrest.k: expected a finite number, found 'x'"),
    ("calibration/generations.csv", lambda f: f.assign(proposed=["10", "400", "1600"]),
     r"generations.csv:2: column accepted: expected at most proposed \(10\), found 40"),
    ("calibration/generations.csv", lambda f: f.assign(acceptance_rate=["0.5", "1.5", "0.1"]),
     r"generations.csv:3: column acceptance_rate: expected a number in \[0, 1\], found '1.5'"),
    ("calibration/predictive.csv", lambda f: f.rename(columns={"value": "val"}),
     r"predictive.csv: missing column value"),
    ("calibration/forecast.csv",
     lambda f: f.assign(date=["2022-01-32"] + list(f["date"][1:])),
     r"forecast.csv:2: column date: expected a local date YYYY-MM-DD"),
    ("calibration/forecast.csv", lambda f: f.assign(q75=f["q25"]).assign(q50=f["q95"]),
     r"forecast.csv:2: column q75: expected >= q50"),
    ("calibration/forecast.csv", lambda f: f.assign(extra="1"),
     r"forecast.csv: unexpected column extra"),
    ("sensitivity/morris.csv", lambda f: f.drop(columns=["sigma"]),
     r"morris.csv: missing column sigma"),
    ("sensitivity/morris.csv", lambda f: pd.concat([f, f.head(1)]),
     r"morris.csv:10: columns parameter, metric: expected each pair once"),
    ("sensitivity/sobol.csv", lambda f: f.assign(ST_conf=["nan"] + list(f["ST_conf"][1:])),
     r"sobol.csv:2: column ST_conf: expected a number >= 0, found 'nan'"),
    ("sensitivity/sobol.csv", lambda f: f.assign(parameter=[""] + list(f["parameter"][1:])),
     r"sobol.csv:2: column parameter: expected a non-empty text, found ''"),
])
def test_malformed_files_name_file_and_column(made: Path, file: str, edit, message: str) -> None:
    for other in (made / file).parent.glob("*.csv"):  # only the file under test: no drawing
        if other.name not in (Path(file).name, "comparison.csv"):
            other.unlink()
    _rewrite(made / file, edit)
    build = calibration.build if file.startswith("calibration") else sensitivity.build
    with pytest.raises(ReportError, match=message):
        build(made, ReportOptions())


def test_an_empty_file_is_refused(made: Path) -> None:
    (made / "sensitivity/sobol.csv").write_text("")
    with pytest.raises(ReportError, match=r"sobol.csv: empty file \(expected a header line"):
        sensitivity.build(made, ReportOptions())
