"""The report in a real browser: Debian's headless Chromium driven over the DevTools protocol
(unrest_analysis.browser). A report of a short Almaty run made by the real program (with grid
snapshots when the program has --snapshot-every, so that the page holds the animation players)
and of a small sweep: no console errors, no remote request, a full-page screenshot, every
referenced id and image present, and the animation players work when clicked. A page holding a
minimal player written to the page contract (see the issue 9 brief) checks the driving itself.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "analysis"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_report_calibration import write_calibration, write_sensitivity  # noqa: E402
from unrest_analysis.browser import CHROMIUM, Browser, BrowserError  # noqa: E402
from unrest_analysis.page import Figure, Section, render_page, write_page  # noqa: E402
from unrest_analysis.report import ReportOptions, build_report  # noqa: E402

BINARY = ROOT / "build" / "unrest"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (scripts/setup.sh installs it)")


def _snapshots_supported() -> bool:
    help_text = subprocess.run([str(BINARY), "run", "--help"], capture_output=True,
                               text=True).stdout
    return "--snapshot-every" in help_text


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    """The report of a 12-hour Almaty run (72 ticks of 10 min; snapshots every hour when the
    program writes them) with hand-made calibration and sensitivity files beside it, and the
    report of a small sweep."""
    if not BINARY.exists():
        pytest.fail(f"{BINARY} not built: run scripts/build.sh first")
    base = tmp_path_factory.mktemp("browser")
    run = base / "almaty"
    args = [str(BINARY), "run", str(ROOT / "scenarios/kazakhstan2022/almaty.yaml"), "--out",
            str(run), "--ticks", "72", "--quiet"]
    if _snapshots_supported():
        args += ["--snapshot-every", "1h"]
    subprocess.run(args, check=True)
    write_calibration(run)
    write_sensitivity(run)
    sweep = base / "sweep"
    subprocess.run([str(BINARY), "sweep", str(ROOT / "tests/python/data/sweep_small.yaml"),
                    "--out", str(sweep), "--quiet", "--jobs", "2"], check=True)
    return {
        "run": build_report(run, ReportOptions(video="none", max_frames=20)),
        "sweep": build_report(sweep, ReportOptions()),
        "run_dir": run,
    }


@pytest.fixture(scope="module")
def browser():
    with Browser() as b:
        yield b


# -- the page contract's player, minimal, for the driving test ----------------------------------

def _png(colour: tuple[int, int, int]) -> str:
    import base64

    buf = io.BytesIO()
    Image.new("RGB", (24, 16), colour).save(buf, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


PLAYER_SCRIPT = """
window.unrestPlayers = window.unrestPlayers || {};
document.querySelectorAll('.player').forEach(function (el) {
  var n = +el.dataset.frames, srcs = JSON.parse(el.dataset.srcs), i = 0, timer = null;
  var button = el.querySelector('.play'), input = el.querySelector('input.frame');
  var label = el.querySelector('.frame-label'), img = el.querySelector('.frame-img');
  function show(k) { i = ((k % n) + n) % n; input.value = i; img.src = srcs[i];
                     label.textContent = 'frame ' + i; }
  function pause() { if (timer) { clearInterval(timer); timer = null; }
                     button.textContent = 'Play'; }
  function play() { if (!timer) { timer = setInterval(function () { show(i + 1); }, 200); }
                    button.textContent = 'Pause'; }
  button.addEventListener('click', function () { timer ? pause() : play(); });
  input.addEventListener('input', function () { pause(); show(+input.value); });
  show(0);
  window.unrestPlayers[el.id] = {frame: function () { return i; }, play: play, pause: pause,
                                 show: show};
});
"""


def minimal_player(pid: str, frames: int) -> str:
    import json

    srcs = [_png((40 * k % 256, 120, 200 - 20 * k % 200)) for k in range(frames)]
    return (f"<div class='player' id='{pid}' data-frames='{frames}' "
            f"data-srcs='{json.dumps(srcs)}'><button class='play'>Play</button>"
            f"<input type='range' class='frame' min='0' max='{frames - 1}' value='0'>"
            f"<span class='frame-label'></span><img class='frame-img' alt='frame'></div>")


# -- checks shared by the pages -----------------------------------------------------------------

class Attributes(HTMLParser):
    """Every attribute value and every <style> text of a page."""

    def __init__(self):
        super().__init__()
        self.attributes: list[tuple[str, str, str]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self._in_style = tag == "style"
        self.attributes += [(tag, k, v or "") for k, v in attrs]

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


REMOTE = re.compile(r"^\s*(https?:|ftp:|//)", re.I)
CSS_REMOTE = re.compile(r"@import|url\(\s*['\"]?\s*(https?:|//)", re.I)


def remote_references(html_text: str) -> list[str]:
    """src/href-like attributes that point off the page and CSS that imports or loads a URL."""
    parser = Attributes()
    parser.feed(html_text)
    found = [f"<{t} {k}={v!r}>" for t, k, v in parser.attributes
             if k in ("src", "href", "xlink:href", "srcset", "poster", "action", "data")
             and REMOTE.match(v)]
    found += [f"style attribute {v!r}" for t, k, v in parser.attributes
              if k == "style" and CSS_REMOTE.search(v)]
    found += [f"<style> {m.group(0)!r}" for s in parser.styles for m in CSS_REMOTE.finditer(s)]
    return found


MISSING_IDS = """(() => {
  const ids = new Set();
  for (const e of document.querySelectorAll('[href^="#"]'))
    ids.add(e.getAttribute('href').slice(1));
  for (const e of document.querySelectorAll('*')) {
    const x = e.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
    if (x && x.startsWith('#')) ids.add(x.slice(1));
    for (const a of e.attributes) {
      for (const m of a.value.matchAll(/url\\(#([^)]+)\\)/g)) ids.add(m[1]);
    }
  }
  return {referenced: ids.size, missing: [...ids].filter(i => !document.getElementById(i))};
})()"""

IMAGES = """[...document.images].map(i => ({src: i.src.slice(0, 40), complete: i.complete,
                                         width: i.naturalWidth}))"""


def check_page(page, expect_figures: list[str]) -> bytes:
    """What every report page must pass in the browser; returns the screenshot."""
    page.drain(0.5)
    assert page.console_errors == []
    assert page.remote_requests() == []
    assert page.requests and page.requests[0].url.startswith("file://")
    ids = page.evaluate(MISSING_IDS)
    assert ids["missing"] == [] and ids["referenced"] > 0
    images = page.evaluate(IMAGES)
    assert all(i["complete"] and i["width"] > 0 for i in images), images
    figures = page.evaluate("[...document.querySelectorAll('figure.figure')].map(f => "
                            "({id: f.id, h: f.querySelector('.body').getBoundingClientRect()"
                            ".height}))")
    assert all(f["h"] > 20 for f in figures), figures
    assert set(expect_figures) <= {f["id"] for f in figures}
    png = page.screenshot()
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.width >= 1000 and image.height >= 1000
    assert len(png) > 20_000
    colours = image.convert("RGB").resize((64, 64)).getcolors(64 * 64)
    assert colours is not None and len(colours) > 20  # not a blank page
    return png


def frame_of(page, pid: str) -> int:
    """The player's frame, as its API and its slider say (they must agree)."""
    state = page.evaluate(f"({{api: window.unrestPlayers[{pid!r}].frame(), "
                          f"slider: +document.querySelector('#{pid} input.frame').value}})")
    assert state["api"] == state["slider"]
    return state["api"]


def drive_player(page, pid: str) -> None:
    """Play: the frame moves (sampled for 1.5 s); pause: it stays; the slider shows a frame."""
    frames = page.evaluate(f"+document.querySelector('#{pid}').dataset.frames")
    assert frames >= 2
    assert page.evaluate(f"typeof window.unrestPlayers[{pid!r}]") == "object"
    button = f"#{pid} button.play"
    start = frame_of(page, pid)
    page.click(button)
    assert page.evaluate(f"document.querySelector({button!r}).textContent.trim()") == "Pause"
    seen = set()
    for _ in range(6):
        time.sleep(0.25)
        seen.add(frame_of(page, pid))
    assert seen - {start}, f"{pid}: the frame stayed at {start} while playing"
    page.click(button)
    assert page.evaluate(f"document.querySelector({button!r}).textContent.trim()") == "Play"
    paused = frame_of(page, pid)
    time.sleep(0.6)
    assert frame_of(page, pid) == paused
    target = (paused + frames // 2) % frames or 1
    page.evaluate(f"(() => {{ const s = document.querySelector('#{pid} input.frame'); "
                  f"s.value = {target}; s.dispatchEvent(new Event('input')); }})()")
    assert frame_of(page, pid) == target
    label = page.evaluate(f"document.querySelector('#{pid} .frame-label').textContent")
    assert label.strip()
    img = page.evaluate(f"(() => {{ const i = document.querySelector('#{pid} img.frame-img'); "
                        f"return {{complete: i.complete, width: i.naturalWidth}}; }})()")
    assert img["complete"] and img["width"] > 0


# -- the tests ----------------------------------------------------------------------------------

def test_the_driver_sees_errors_and_remote_loads(tmp_path: Path, browser) -> None:
    # The checks above can fail: a page with a console error, an uncaught exception and a remote
    # image is seen as such.
    bad = tmp_path / "bad.html"
    bad.write_text("<html><body><img src='http://example.invalid/x.png'>"
                   "<script>console.error('boom'); null.x;</script></body></html>")
    page = browser.open(bad)
    page.drain(0.5)
    sources = sorted({m.source for m in page.console_errors})
    assert "console" in sources and "exception" in sources
    assert any("boom" == m.text for m in page.console_errors)
    assert [r.url for r in page.remote_requests()] == ["http://example.invalid/x.png"]
    assert remote_references(bad.read_text()) == ["<img src='http://example.invalid/x.png'>"]
    with pytest.raises(BrowserError, match="threw"):
        page.evaluate("undefinedName + 1")
    with pytest.raises(BrowserError, match="no element matches"):
        page.click(".nothing")


def test_the_browser_is_closed_and_its_profile_removed() -> None:
    b = Browser()
    b.start()
    process, directory = b.process, b.directory
    assert directory.exists() and process.poll() is None
    b.close()
    assert process.poll() is not None
    assert not directory.exists()


def test_report_pages_load_nothing_remote(reports) -> None:
    for name in ("run", "sweep"):
        text = reports[name].read_text(encoding="utf-8")
        assert remote_references(text) == [], name
        assert "<script src" not in text and "<link" not in text


def test_the_run_report_in_the_browser(reports, browser, tmp_path: Path) -> None:
    page = browser.open(reports["run"])
    png = check_page(page, ["comparison-chart", "calibration-marginals", "calibration-forecast",
                            "sensitivity-morris", "sensitivity-sobol"])
    (tmp_path / "run.png").write_bytes(png)
    sections = page.evaluate("[...document.querySelectorAll('section')].map(s => s.id)")
    assert {"comparison", "calibration", "sensitivity"} <= set(sections)
    # Hover titles reach the page: the comparison chart's rows carry <title>.
    titles = page.evaluate("document.querySelectorAll('#comparison-chart svg title').length")
    assert titles > 40
    # The real animation players: one per region when the run wrote snapshots.
    players = page.evaluate("[...document.querySelectorAll('.player')].map(p => p.id)")
    if (reports["run_dir"] / "snapshots.npz").exists():
        assert players == ["anim-almaty"]
    for pid in players:
        drive_player(page, pid)
    page.drain(0.3)
    assert page.console_errors == []


def test_the_sweep_report_in_the_browser(reports, browser) -> None:
    page = browser.open(reports["sweep"])
    check_page(page, ["sweep-heatmap-totals-arrests", "sweep-lines-totals-arrests"])


def test_a_player_written_to_the_contract_is_driven(tmp_path: Path, browser) -> None:
    players = [Figure(id=f"fig-{pid}", title=pid, html=minimal_player(pid, frames))
               for pid, frames in (("anim-west", 7), ("anim-east", 3))]
    section = Section(id="maps", title="Maps", figures=players, extra_script=PLAYER_SCRIPT)
    path = tmp_path / "player.html"
    write_page(path, render_page("players", [], [section]))
    assert remote_references(path.read_text()) == []
    page = browser.open(path)
    page.drain(0.3)
    assert page.console_errors == []
    for pid in ("anim-west", "anim-east"):
        drive_player(page, pid)
    # Each player is its own: playing one leaves the other (paused) where it was.
    west, east = frame_of(page, "anim-west"), frame_of(page, "anim-east")
    page.evaluate("window.unrestPlayers['anim-west'].play()")
    time.sleep(0.5)  # 2 or 3 steps of 7 frames
    page.evaluate("window.unrestPlayers['anim-west'].pause()")
    assert frame_of(page, "anim-east") == east
    assert frame_of(page, "anim-west") != west
    page.drain(0.3)
    assert page.console_errors == [] and page.remote_requests() == []


def test_a_broken_player_fails_the_drive(tmp_path: Path, browser) -> None:
    # A player whose Play button does nothing is caught by drive_player.
    section = Section(id="maps", title="Maps",
                      figures=[Figure(id="fig", title="p", html=minimal_player("anim-x", 4))],
                      extra_script=PLAYER_SCRIPT.replace("}, 200);", "}, 1e9);"))
    path = tmp_path / "broken.html"
    write_page(path, render_page("broken", [], [section]))
    page = browser.open(path)
    with pytest.raises(AssertionError, match="the frame stayed at 0"):
        drive_player(page, "anim-x")
