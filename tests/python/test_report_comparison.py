"""The report's comparison section on a real comparison.csv: Almaty (scenarios/kazakhstan2022)
run by the real program for 432 ticks (2 January 00:00 to 5 January 00:00), so that its figures
are within, outside, partial and not simulated; and on hand-made malformed files."""

from __future__ import annotations

import csv
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import matplotlib.pyplot as plt
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "analysis"))

from unrest_analysis.errors import ReportError  # noqa: E402
from unrest_analysis.page import render_page  # noqa: E402
from unrest_analysis.report import ReportOptions, build_report  # noqa: E402
from unrest_analysis.sections import comparison  # noqa: E402

BINARY = ROOT / "build" / "unrest"

@pytest.fixture(autouse=True)
def close_figures():
    """The figure builders return open matplotlib figures: each test starts and ends with none."""
    plt.close("all")
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    if not BINARY.exists():
        pytest.fail(f"{BINARY} not built: run scripts/build.sh first")
    out = tmp_path_factory.mktemp("cmp") / "almaty"
    subprocess.run([str(BINARY), "run", str(ROOT / "scenarios/kazakhstan2022/almaty.yaml"),
                    "--out", str(out), "--ticks", "432", "--quiet"], check=True)
    return out


def csv_rows(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


class TableCells(HTMLParser):
    """The header and body cells (text) of the table inside the element with id `wanted`."""

    def __init__(self, wanted: str):
        super().__init__()
        self.wanted, self.depth, self.inside = wanted, 0, False
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if dict(attrs).get("id") == self.wanted:
            self.inside, self.depth = True, 0
        if not self.inside:
            return
        self.depth += 1
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell))
            self.cell = None
        self.depth -= 1
        if self.depth == 0:
            self.inside = False

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def page_table(page: str, table_id: str) -> list[list[str]]:
    parser = TableCells(table_id)
    parser.feed(page)
    return parser.rows


def test_the_run_gives_every_kind_of_row(run_dir: Path) -> None:
    # What the other tests rely on: the real file holds rows of each kind.
    frame = comparison.read_comparison(run_dir / "comparison.csv")
    assert set(frame["within"]) == {"yes", "no", "not simulated"}
    assert frame["why"].str.startswith("partial").any()
    assert len(set(frame["unit"])) >= 3
    assert (frame["reported_max"] == "").any()  # open-ended figures


def test_the_page_table_equals_comparison_csv(run_dir: Path, tmp_path: Path) -> None:
    page_path = build_report(run_dir, ReportOptions(out=tmp_path / "r.html", animation=False,
                                                    video="none"))
    page = page_path.read_text(encoding="utf-8")
    expected = csv_rows(run_dir / "comparison.csv")
    assert page_table(page, "comparison-table") == expected
    assert "id='comparison-chart'" in page


def test_the_section_table_is_the_csv_as_text(run_dir: Path) -> None:
    section = comparison.build(SimpleNamespace(directory=run_dir), None)
    rows = csv_rows(run_dir / "comparison.csv")
    table = section.tables[0]
    assert list(table.frame.columns) == rows[0]
    assert table.frame.values.tolist() == rows[1:]
    assert [f.id for f in section.figures] == ["comparison-chart"]
    n = len(rows) - 1
    simulated = sum(1 for r in rows[1:] if r[10] != "not simulated")
    within = sum(1 for r in rows[1:] if r[10] == "yes")
    assert f"{n} reported figures: {simulated} simulated, {within} of them within" in (
        section.figures[0].caption)


def _labelled(fig) -> dict[str, object]:
    out = {}
    for ax in fig.axes:
        for artist in list(ax.lines) + list(ax.texts):
            label = artist.get_label()
            if not label.startswith("_"):
                assert label not in out, label
                out[label] = (ax, artist)
    return out


def test_the_chart_draws_every_figure_from_the_csv(run_dir: Path) -> None:
    frame = comparison.read_comparison(run_dir / "comparison.csv")
    fig, tips = comparison.comparison_figure(frame)
    drawn = _labelled(fig)
    units = list(dict.fromkeys(frame["unit"]))
    panels = [ax for ax in fig.axes if ax.get_yticks().size]
    assert len(panels) == len(units)
    for ax, unit in zip(panels, units):
        ids = list(frame.loc[frame["unit"] == unit, "id"])
        # One row per figure, in the file's order from the top.
        assert [t.get_text() for t in ax.get_yticklabels()] == ids[::-1]
        assert unit in ax.get_xlabel()
    for r in frame.itertuples(index=False):
        lo = float(r.reported_min)
        if r.reported_max == "":
            ax, bar = drawn[f"reported {r.id}"]
            assert bar.get_xdata()[0] == lo
            assert bar.get_xdata()[1] == ax.get_xlim()[1]  # open-ended: to the right edge
        elif float(r.reported_max) > lo:
            ax, bar = drawn[f"reported {r.id}"]
            assert list(bar.get_xdata()) == [lo, float(r.reported_max)]
        else:
            ax, point = drawn[f"point {r.id}"]
            assert list(point.get_xdata()) == [lo]
        row_y = (drawn.get(f"reported {r.id}") or drawn[f"point {r.id}"])[1].get_ydata()[0]
        if r.within == "not simulated":
            assert f"simulated {r.id}" not in drawn
            assert drawn[f"not simulated {r.id}"][1].get_position()[1] == row_y
        else:
            ax, dot = drawn[f"simulated {r.id}"]
            assert list(dot.get_xdata()) == [float(r.simulated)]
            assert dot.get_ydata()[0] == row_y
            assert dot.get_color() == comparison.WITHIN_COLOURS[r.within]
            hollow = dot.get_markerfacecolor() == "white"
            assert hollow == r.why.startswith("partial")
    # Persons span 0 to thousands: a log axis; every simulated value is inside the axes.
    persons = panels[units.index("persons")]
    assert persons.get_xscale() == "symlog"
    for label, (ax, artist) in drawn.items():
        if label.startswith("simulated "):
            assert ax.get_xlim()[0] < artist.get_xdata()[0] <= ax.get_xlim()[1]
    # Hover: every figure's id, source and reported words are in a tip.
    for r in frame.itertuples(index=False):
        assert any(t.startswith(r.id + "\n") and r.source in t and r.reported in t
                   for t in tips.values()), r.id


def test_the_svg_carries_a_hover_title_per_figure(run_dir: Path) -> None:
    section = comparison.build(SimpleNamespace(directory=run_dir), None)
    svg = section.figures[0].svg
    frame = comparison.read_comparison(run_dir / "comparison.csv")
    for r in frame.itertuples(index=False):
        assert f"<title>{r.id}\n" in svg
    page = render_page("t", [], [section])
    assert page.count("<svg") == 1


def test_no_comparison_csv_no_section(tmp_path: Path) -> None:
    assert comparison.build(SimpleNamespace(directory=tmp_path), None) is None


HEADER = ",".join(comparison.COLUMNS)
GOOD = "a,arrests,almaty,2022-01-05,daily,dozens,24,99,persons,30,yes,,src"


@pytest.mark.parametrize("text, message", [
    ("id,quantity\na,arrests\n", r"comparison.csv: missing column\(s\) region, date"),
    (HEADER + "\n" + GOOD.replace(",yes,", ",maybe,") + "\n",
     r"comparison.csv:2: column within: expected yes, no or not simulated, found 'maybe'"),
    (HEADER + "\n" + GOOD + "\n" + GOOD.replace(",30,", ",lots,") + "\n",
     r"comparison.csv:3: column simulated: expected a number, found 'lots'"),
    (HEADER + "\n" + GOOD.replace(",24,", ",,") + "\n",
     r"comparison.csv:2: column reported_min: expected a number, found nothing"),
    (HEADER + "\n" + GOOD.replace(",30,yes,", ",,yes,") + "\n",
     r"comparison.csv:2: column simulated: expected a number, found nothing"),
])
def test_malformed_comparison_csv(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "comparison.csv").write_text(text)
    with pytest.raises(ReportError, match=message):
        comparison.build(SimpleNamespace(directory=tmp_path), None)


def test_a_hand_made_file_draws_linear_axes_for_small_spans(tmp_path: Path) -> None:
    (tmp_path / "comparison.csv").write_text(
        HEADER + "\n" + GOOD + "\n"
        + "b,vehicles_burned,almaty,2022-01-05,event,5,5,5,vehicles,,not simulated,"
          "the model does not simulate vehicles_burned,src\n")
    frame = comparison.read_comparison(tmp_path / "comparison.csv")
    fig, _ = comparison.comparison_figure(frame)
    panels = [ax for ax in fig.axes if ax.get_yticks().size]
    assert [ax.get_xscale() for ax in panels] == ["linear", "linear"]
    drawn = _labelled(fig)
    assert np.allclose(drawn["reported a"][1].get_xdata(), [24, 99])
    assert list(drawn["point b"][1].get_xdata()) == [5.0]
    assert drawn["not simulated b"][1].get_text() == "not simulated"
