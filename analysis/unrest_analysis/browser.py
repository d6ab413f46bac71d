"""A small driver of headless Chromium through the Chrome DevTools Protocol (CDP), to check the
report page as a reader's browser shows it: console errors, requests, a screenshot, and scripts run
in the page (the animation player's controls).

    with Browser() as browser:
        page = browser.open(Path("report.html"))  # navigates and waits for the load event
        page.console_errors            # console.error, uncaught exceptions, log errors
        page.remote_requests()         # every request not file:, data:, about:, blob:
        png = page.screenshot()        # the whole page, PNG bytes
        page.evaluate("document.title")  # a value back (returnByValue)
        page.click(".player .play")     # a real mouse click at the element's centre

It starts Debian's `/usr/bin/chromium --headless=new` with a temporary profile and
`--remote-debugging-port=0`, reads the port Chromium chose from `<profile>/DevToolsActivePort`,
opens a tab through the HTTP endpoint (`/json/new`) and talks to it over its WebSocket
(python3-websocket). Closing sends `Browser.close`, kills the process if it has not ended within a
few seconds, and removes the profile. Every wait has a deadline: a browser that hangs raises
BrowserError rather than blocking the caller.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websocket

CHROMIUM = Path("/usr/bin/chromium")
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")


class BrowserError(Exception):
    """Chromium did not start, answer or behave as the protocol says."""


@dataclass
class ConsoleMessage:
    source: str  # console, exception or log
    text: str
    url: str = ""


@dataclass
class Request:
    url: str
    type: str = ""  # Document, Image, Script...

    @property
    def remote(self) -> bool:
        return not self.url.startswith(LOCAL_SCHEMES)


@dataclass
class Page:
    """One tab, connected over its WebSocket. Events that arrive while waiting for an answer are
    recorded (console messages, requests) and kept for `wait_event`."""

    ws: websocket.WebSocket
    timeout: float
    console_errors: list[ConsoleMessage] = field(default_factory=list)
    console_messages: list[ConsoleMessage] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    _next_id: int = 0
    _pending_events: list[dict] = field(default_factory=list)

    # -- the protocol -------------------------------------------------------------------------
    def _receive(self, deadline: float) -> dict:
        left = deadline - time.monotonic()
        if left <= 0:
            raise BrowserError("timed out waiting for the browser")
        self.ws.settimeout(left)
        try:
            raw = self.ws.recv()
        except websocket.WebSocketTimeoutException as e:
            raise BrowserError("timed out waiting for the browser") from e
        except (websocket.WebSocketException, OSError) as e:
            raise BrowserError(f"connection to the browser lost: {e}") from e
        message = json.loads(raw)
        if "method" in message:
            self._record(message)
        return message

    def send(self, method: str, params: dict | None = None, timeout: float | None = None) -> dict:
        """Sends one command and returns its result; BrowserError on an error answer."""
        self._next_id += 1
        mid = self._next_id
        self.ws.send(json.dumps({"id": mid, "method": method, "params": params or {}}))
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            message = self._receive(deadline)
            if "method" in message:
                self._pending_events.append(message)
            elif message.get("id") == mid:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error'].get('message', message)}")
                return message.get("result", {})

    def wait_event(self, method: str, timeout: float | None = None) -> dict:
        """The first event `method` received since the last wait for it (params)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            for i, event in enumerate(self._pending_events):
                if event["method"] == method:
                    del self._pending_events[i]
                    return event.get("params", {})
            self._pending_events.append(self._receive_event(deadline, method))

    def _receive_event(self, deadline: float, what: str) -> dict:
        try:
            while True:
                message = self._receive(deadline)
                if "method" in message:
                    return message
        except BrowserError as e:
            raise BrowserError(f"{e} ({what})") from e

    def drain(self, seconds: float = 0.3) -> None:
        """Reads the events that arrive within `seconds` (console messages after an action)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                self._pending_events.append(self._receive_event(deadline, "drain"))
            except BrowserError:
                return

    def _record(self, event: dict) -> None:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
            msg = ConsoleMessage("console", text)
            self.console_messages.append(msg)
            if params.get("type") in ("error", "assert"):
                self.console_errors.append(msg)
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            exception = details.get("exception", {})
            text = exception.get("description") or details.get("text", "exception")
            self.console_errors.append(ConsoleMessage("exception", text, details.get("url", "")))
        elif method == "Log.entryAdded":
            entry = params.get("entry", {})
            msg = ConsoleMessage("log", entry.get("text", ""), entry.get("url", ""))
            self.console_messages.append(msg)
            if entry.get("level") == "error":
                self.console_errors.append(msg)
        elif method == "Network.requestWillBeSent":
            request = params.get("request", {})
            self.requests.append(Request(request.get("url", ""), params.get("type", "")))

    # -- what a check needs ---------------------------------------------------------------------
    def navigate(self, url: str) -> None:
        """Loads `url` and waits for its load event."""
        self._pending_events = [e for e in self._pending_events
                                if e["method"] != "Page.loadEventFired"]
        result = self.send("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise BrowserError(f"{url}: {result['errorText']}")
        self.wait_event("Page.loadEventFired")

    def remote_requests(self) -> list[Request]:
        return [r for r in self.requests if r.remote]

    def evaluate(self, expression: str, await_promise: bool = False):
        """The value of a JavaScript expression in the page; BrowserError when it throws."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": await_promise})
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise BrowserError(f"{expression!r} threw: {text}")
        return result.get("result", {}).get("value")

    def click(self, selector: str) -> None:
        """A real mouse click (pressed and released) at the centre of the first element matching
        `selector`, scrolled into view first."""
        sel = json.dumps(selector)
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({sel}); if (!e) return null;"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return {x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width}; })()"
        )
        if box is None:
            raise BrowserError(f"no element matches {selector!r}")
        if box["w"] <= 0:
            raise BrowserError(f"{selector!r} is not displayed")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            params = {"type": kind, "x": box["x"], "y": box["y"]}
            if kind != "mouseMoved":
                params.update(button="left", clickCount=1)
            self.send("Input.dispatchMouseEvent", params)

    def screenshot(self, max_height: int = 16000) -> bytes:
        """PNG of the whole page (at most `max_height` CSS pixels tall)."""
        metrics = self.send("Page.getLayoutMetrics")
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        width = max(1, int(size["width"]))
        height = max(1, min(int(size["height"]), max_height))
        result = self.send(
            "Page.captureScreenshot",
            {"format": "png", "captureBeyondViewport": True,
             "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}},
            timeout=max(self.timeout, 60),
        )
        return base64.b64decode(result["data"])


class Browser:
    """Headless Chromium with a temporary profile; a context manager (closed on exit)."""

    def __init__(self, chromium: Path = CHROMIUM, timeout: float = 30.0,
                 window: tuple[int, int] = (1280, 900)):
        self.chromium = Path(chromium)
        self.timeout = timeout
        self.window = window
        self.process: subprocess.Popen | None = None
        self.directory: Path | None = None
        self.port: int | None = None
        self.browser_ws: str | None = None
        self._pages: list[Page] = []

    def __enter__(self) -> Browser:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        if not self.chromium.exists():
            raise BrowserError(f"{self.chromium}: not installed (apt-get install chromium)")
        self.directory = Path(tempfile.mkdtemp(prefix="unrest-chromium-"))
        profile = self.directory / "profile"
        log = open(self.directory / "stderr.log", "wb")
        args = [
            str(self.chromium), "--headless=new", "--remote-debugging-port=0",
            f"--user-data-dir={profile}", "--no-sandbox", "--disable-gpu", "--no-first-run",
            # Containers often give /dev/shm 64 MB: Chromium's shared memory goes to /tmp instead.
            "--disable-dev-shm-usage", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--mute-audio", "--hide-scrollbars",
            f"--window-size={self.window[0]},{self.window[1]}", "about:blank",
        ]
        try:
            # Its own process group: Chromium's helpers (zygote, renderers) end with it.
            self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL, stderr=log,
                                            start_new_session=True)
        finally:
            log.close()
        try:
            self._read_port(profile / "DevToolsActivePort")
        except BaseException:
            self.close()
            raise

    def _read_port(self, active_port: Path) -> None:
        """The port Chromium chose: from DevToolsActivePort (line 1 the port, line 2 the browser's
        WebSocket path), else from the 'DevTools listening on ws://...' line of its stderr."""
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BrowserError(
                    f"{self.chromium} exited with status {self.process.returncode}: "
                    + self._stderr_tail())
            lines = active_port.read_text().splitlines() if active_port.exists() else []
            if len(lines) >= 2 and lines[0].isdigit():
                self.port = int(lines[0])
                self.browser_ws = f"ws://127.0.0.1:{self.port}{lines[1]}"
                return
            for line in self._stderr().splitlines():
                if line.startswith("DevTools listening on ws://"):
                    self.browser_ws = line.split(" on ", 1)[1].strip()
                    self.port = urllib.parse.urlsplit(self.browser_ws).port
                    return
            time.sleep(0.05)
        raise BrowserError(f"{self.chromium} did not open its DevTools port within "
                           f"{self.timeout:g} s: " + self._stderr_tail())

    def _stderr(self) -> str:
        path = self.directory / "stderr.log" if self.directory else None
        return path.read_text(errors="replace") if path and path.exists() else ""

    def _stderr_tail(self) -> str:
        return " | ".join(self._stderr().strip().splitlines()[-5:]) or "(no output)"

    def _http(self, path: str, method: str = "GET"):
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", method=method)
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            return json.loads(response.read().decode("utf-8"))

    def new_page(self) -> Page:
        """A new blank tab (PUT /json/new; an existing page target from /json/list if refused)
        with Page, Runtime, Log and Network enabled."""
        try:
            target = self._http("/json/new?about:blank", method="PUT")
        except OSError:
            pages = [t for t in self._http("/json/list") if t.get("type") == "page"]
            if not pages:
                raise BrowserError("no page target in /json/list")
            target = pages[0]
        ws = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=self.timeout,
                                         suppress_origin=True)
        page = Page(ws, self.timeout)
        self._pages.append(page)
        for domain in ("Page", "Runtime", "Log", "Network"):
            page.send(f"{domain}.enable")
        return page

    def open(self, path: Path | str) -> Page:
        """A new tab showing the file `path` (a local file, as file://), loaded."""
        page = self.new_page()
        page.navigate(Path(path).resolve().as_uri())
        return page

    def close(self) -> None:
        """Browser.close, then kill if the process has not ended within 5 s; removes the profile."""
        for page in self._pages:
            try:
                page.ws.close()
            except Exception:
                pass
        self._pages = []
        if self.process is not None and self.process.poll() is None:
            if self.browser_ws:
                try:
                    ws = websocket.create_connection(self.browser_ws, timeout=5,
                                                     suppress_origin=True)
                    ws.send(json.dumps({"id": 1, "method": "Browser.close"}))
                    ws.close()
                except Exception:
                    pass
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        if self.process is not None:
            try:  # whatever of its group is left (the group is Chromium's alone)
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        self.process = None
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None
