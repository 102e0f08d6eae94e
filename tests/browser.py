"""Drive Debian's chromium for browser tests, with the standard library only.

Chromium speaks the DevTools protocol over a pipe when started with
``--remote-debugging-pipe``: JSON messages separated by NUL bytes, read from
fd 3 and written to fd 4. That is enough to load pages, type, evaluate
script, print to PDF, take screenshots and cut the network, without a test
tool's own browser download (which cannot work here).
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import functools
import http.server
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

CHROMIUM = shutil.which("chromium")
INSTALL_HINT = (
    "cần trình duyệt chromium của Debian cho kiểm thử trình duyệt: "
    "chạy 'apt-get install chromium' (hoặc 'bash .ci/run', tự cài rồi chạy kiểm thử)"
)
requires_chromium = pytest.mark.skipif(CHROMIUM is None, reason=INSTALL_HINT)

# Flags that keep a headless chromium quiet on a machine with no network.
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
)


class BrowserError(RuntimeError):
    pass


def _pipe_fds(read_end: int, write_end: int) -> None:
    """In the child: put the pipe ends on fds 3 and 4, open across exec.

    Copy them above 10 first, so placing one cannot clobber the other, and
    because dup2 onto the same number would keep the close-on-exec flag.
    """
    high_r = fcntl.fcntl(read_end, fcntl.F_DUPFD, 10)
    high_w = fcntl.fcntl(write_end, fcntl.F_DUPFD, 10)
    os.dup2(high_r, 3)
    os.dup2(high_w, 4)
    os.set_inheritable(3, True)
    os.set_inheritable(4, True)


class Browser:
    """One chromium process; ``tab()`` opens a page session."""

    def __init__(self) -> None:
        self.profile = tempfile.mkdtemp(prefix="bantin-chromium-")
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # Chromium reads commands on fd 3 and writes replies on fd 4.
        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, "--remote-debugging-pipe", f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False,  # else subprocess closes the 3 and 4 made below
            preexec_fn=functools.partial(_pipe_fds, to_chrome_r, from_chrome_w),
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._next_id = 0
        self._buffer = b""
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 30) -> dict:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise BrowserError("chromium did not answer in time")
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                raise BrowserError("chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def tab(self, width: int = 360, height: int = 740, mobile: bool = True) -> "Tab":
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        tab = Tab(self, session)
        tab.call("Page.enable")
        tab.call("Runtime.enable")
        tab.call("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
        return tab

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.send("Browser.close", timeout=5)
        with contextlib.suppress(Exception):
            self.proc.wait(timeout=10)
        if self.proc.poll() is None:
            self.proc.kill()
        os.close(self._to_chrome)
        os.close(self._from_chrome)
        shutil.rmtree(self.profile, ignore_errors=True)


class Tab:
    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session

    def call(self, method: str, params: dict | None = None, timeout: float = 30) -> dict:
        return self.browser.send(method, params, self.session, timeout)

    def goto(self, url: str, settle: float = 0.3) -> None:
        """Load ``url`` and wait for its load event (and a moment for scripts)."""
        self.browser.events.clear()
        self.call("Page.navigate", {"url": url})
        self.wait_for("document.readyState === 'complete'")
        time.sleep(settle)

    def eval(self, expression: str, timeout: float = 30) -> Any:
        result = self.call("Runtime.evaluate",
                           {"expression": expression, "awaitPromise": True, "returnByValue": True}, timeout)
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression[:80]}…: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, condition: str, timeout: float = 15) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(BrowserError):
                value = self.eval(condition)
                if value:
                    return value
            time.sleep(0.05)
        raise BrowserError(f"timed out waiting for: {condition}")

    def type(self, text: str) -> None:
        """Type into the focused element, as a reader would."""
        self.call("Input.insertText", {"text": text})

    def screenshot(self, path: Path, full_page: bool = True) -> Path:
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": full_page}
        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot", params)["data"]))
        return path

    def pdf(self, path: Path, landscape: bool = False) -> Path:
        """Print as a reader would: A4, the page's own @page margins."""
        data = self.call("Page.printToPDF", {
            "paperWidth": 8.27, "paperHeight": 11.69, "landscape": landscape,
            "preferCSSPageSize": True, "printBackground": False, "displayHeaderFooter": False,
        }, timeout=60)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def offline(self, on: bool = True) -> None:
        self.call("Network.enable")
        self.call("Network.emulateNetworkConditions",
                  {"offline": on, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 at a free port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if CHROMIUM is None:
        pytest.skip(INSTALL_HINT)
    b = Browser()
    try:
        yield b
    finally:
        b.close()
