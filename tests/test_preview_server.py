"""The preview server (``make serve``: ``mkdocs serve --dirty``) keeps answering
while it rebuilds, and serves the change once the rebuild is done."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bantin.mkdocs import serving


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


class _Log:
    """The server's log as it comes, each line with the time it was read."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.lines: list[tuple[float, str]] = []
        self.reader = threading.Thread(target=self._read, args=(process,), daemon=True)
        self.reader.start()
        # The first build's lines, read before anything the test does: MkDocs
        # says where it serves once that build is done.
        deadline = time.monotonic() + 30
        while self.first("Serving on", 0) is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert self.first("Serving on", 0) is not None

    def _read(self, process: subprocess.Popen) -> None:
        assert process.stderr is not None
        for line in process.stderr:
            self.lines.append((time.monotonic(), line))

    def first(self, text: str, after: float) -> float | None:
        return next((t for t, line in self.lines if t > after and text in line), None)


SLOW_HOOK = """
import time
from pathlib import Path

def on_env(env, config, files):
    # Before any page is written: a rebuild that lasts long enough to ask during it.
    if (Path(config.config_file_path).parent / "rebuild-slowly").exists():
        time.sleep(1.5)
    return env
"""


@pytest.fixture()
def slow_rebuilds(project: Path) -> Path:
    """A hook that makes each rebuild of ``project`` last 1.5 s more once
    the file it returns exists (the sample rebuilds in a fraction of a second)."""
    (project / "hooks/slow_rebuild.py").write_text(SLOW_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^(  - hooks/bantin_hooks\.py.*\n)", r"\1  - hooks/slow_rebuild.py\n", text),
                      encoding="utf-8")
    assert "slow_rebuild" in config.read_text(encoding="utf-8")
    return project / "rebuild-slowly"


def test_pages_are_served_during_a_rebuild_and_the_change_after_it(project: Path, slow_rebuilds: Path,
                                                                   server) -> None:  # type: ignore[no-untyped-def]
    base, process = server
    log = _Log(process)
    slow_rebuilds.touch()
    cv = project / "content/directives/2024/229-cv-btghu.md"
    url = base + "van-ban/2024/229-cv-btghu/"
    sentence = "Câu này được thêm khi bản xem trước đang chạy."
    saved = time.monotonic()
    cv.write_text(cv.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    answers: list[tuple[float, int, bool]] = []  # when asked, status, whether the change shows
    deadline = saved + 60
    while time.monotonic() < deadline and not (answers and answers[-1][2]):
        asked = time.monotonic()
        status, body = _get(url)
        answers.append((asked, status, sentence in body))
    assert answers[-1][2]
    assert {status for _, status, _ in answers} == {200}
    while log.first("Reloading browsers", saved) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    building = log.first("Building documentation", saved)
    assert building is not None
    # MkDocs alone would hold a request made after the rebuild began until it
    # ended, and then answer with the new page: the old one came at once.
    assert any(asked > building and not changed for asked, _, changed in answers), answers


def test_after_a_failed_rebuild_the_last_good_site_is_served(project: Path, server) -> None:  # type: ignore[no-untyped-def]
    base, process = server
    log = _Log(process)
    saved = time.monotonic()
    cv = project / "content/directives/2024/229-cv-btghu.md"
    cv.write_text(cv.read_text(encoding="utf-8").replace("---\n", "---\nso_hieu: [\n", 1), encoding="utf-8")
    deadline = saved + 60
    while log.first("lỗi cú pháp YAML", saved) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    asked = time.monotonic()
    status, body = _get(base + "van-ban/2024/229-cv-btghu/")
    assert (status, time.monotonic() - asked < 5) == (200, True)
    assert "229-CV/BTGHU" in body
    while log.first(serving.STUCK_VI, saved) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert log.first(serving.STUCK_VI, saved) is not None
    assert not any("appear stuck" in line for _, line in log.lines)


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
