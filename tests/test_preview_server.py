"""The preview server (``make serve``: ``mkdocs serve --dirty``) keeps answering
while it rebuilds, and serves the change once the rebuild is done."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, ""


@pytest.fixture(params=["events", "polling"])
def server(project: Path, request: pytest.FixtureRequest):
    """A preview on loopback; ``polling``: with BANTIN_POLLING=1 (where file events do not arrive)."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600", "BANTIN_CACHE": "0"}
    if request.param == "polling":
        env["BANTIN_POLLING"] = "1"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if _get(base)[0] == 200:
                break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        pytest.fail("mkdocs serve did not start: " + (server.stderr.read() if server.stderr else ""))
    yield base, server
    server.terminate()
    server.wait(timeout=30)


@pytest.fixture()
def preview(server) -> str:  # type: ignore[no-untyped-def]
    return server[0]


def test_pages_are_served_during_a_rebuild_and_the_change_after_it(project: Path, preview: str) -> None:
    cv = project / "content/directives/2024/229-cv-btghu.md"
    url = preview + "van-ban/2024/229-cv-btghu/"
    sentence = "Câu này được thêm khi bản xem trước đang chạy."
    cv.write_text(cv.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    answers = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status, body = _get(url)
        answers.append(status)
        if sentence in body:
            break
        time.sleep(0.05)
    assert sentence in body
    assert set(answers) == {200}, answers
    assert len(answers) > 1  # some answers came while the rebuild ran, with the old page


def test_one_save_is_one_rebuild_and_reading_content_starts_none(project: Path, server) -> None:  # type: ignore[no-untyped-def]
    # Every build reads content/: were a read a change, each build would start the next.
    base, process = server
    cv = project / "content/directives/2024/229-cv-btghu.md"
    cv.write_text(cv.read_text(encoding="utf-8") + "\nMột câu thêm vào.\n", encoding="utf-8")
    deadline = time.monotonic() + 60
    while "Một câu thêm vào." not in _get(base + "van-ban/2024/229-cv-btghu/")[1] and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(3)  # time for a rebuild the last one would have started
    process.terminate()
    log = process.communicate(timeout=30)[1]
    assert log.count("Building documentation") == 2, log  # the first build and the save's
