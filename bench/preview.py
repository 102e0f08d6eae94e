#!/usr/bin/env python3
"""The preview and the cached publishing build at archive scale.

    bench/preview.py [--n 1000 5000] [--edits 5] [--rebuilds 20] [--out FILE]

For each N, generates an archive (generate.py), then:

- **Preview.** Starts the real ``mkdocs serve --dirty`` (what ``make serve``
  runs) on loopback, and for each edit writes the file and times how long
  until the preview serves the change, learnt as a browser learns it: MkDocs'
  livereload request returns when a newer build is visible, then the page is
  asked once (again after each build until it shows the change). Body edits
  of ``--edits`` directives (median), a title edit (checked on the home page,
  which lists the newest directives), a new directive, a deleted directive
  (checked until its page is gone) and a changed slogan set. Meanwhile
  another thread asks for the home page twenty times a second: every answer
  is counted, and any failure. Then ``--rebuilds`` more body edits, reading
  the server's resident memory after each.
- **Publishing builds.** ``make build`` (``bantin.publish``: each build into
  a release folder of its own) cold (no cache), then again after one changed
  directive with the cache the first build left in ``.cache/``: CPU time of
  each build, user and system apart. System time is the file system's work
  (thousands of folders and files written), which on a shared machine varies
  by several seconds from run to run; user time is bantin's and MkDocs' own.

Writes the figures as Markdown to --out (default bench/PREVIEW.md).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return None if e.code == 404 else f"HTTP {e.code}"


def _rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


@dataclass
class Poller:
    """Asks for one page over and over while edits are made: is the server answering?"""

    url: str
    answered: int = 0
    failed: list[str] = field(default_factory=list)
    longest: float = 0.0
    stop: bool = False

    def run(self) -> None:
        while not self.stop:
            start = time.perf_counter()
            try:
                body = _get(self.url)
                if body is None or body.startswith("HTTP"):
                    self.failed.append(body or "404")
                else:
                    self.answered += 1
            except Exception as error:  # noqa: BLE001 - every failure is a figure
                self.failed.append(type(error).__name__)
            self.longest = max(self.longest, time.perf_counter() - start)
            time.sleep(0.05)


def _wait_until(check, timeout: float = 600.0) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check():
            return time.perf_counter() - start
        time.sleep(0.02)
    raise TimeoutError("the preview never showed the change")


def _directives(project: Path) -> list[Path]:
    return sorted((project / "content" / "directives").rglob("*.md"))


def _page_url(base: str, project: Path, path: Path) -> str:
    rel = path.relative_to(project / "content" / "directives")
    return f"{base}van-ban/{rel.parent.as_posix()}/{rel.stem}/"


def preview(project: Path, edits: int, rebuilds: int) -> dict:
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**ENV, "BANTIN_CACHE": "0"}  # the first build is cold, as on a fresh clone
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    out: dict = {}
    try:
        out["first"] = _wait_until(lambda: _answers(base))
        poller = Poller(base)
        thread = threading.Thread(target=poller.run, daemon=True)
        thread.start()
        files = _directives(project)
        picks = [files[i * len(files) // edits] for i in range(edits)]
        body = []
        for i, path in enumerate(picks):
            body.append(_edit_body(project, base, path, f"Câu sửa thử số {i} của bench."))
        out["body"] = body
        # A title edit shows on the home page, which lists the newest directives.
        newest = _newest(project)
        text = newest.read_text(encoding="utf-8")
        marker = "Tiêu đề sửa thử của bench"
        titled = re.sub(r"^title: ", f"title: {marker} ", text, count=1, flags=re.M)
        out["title"] = _shown(base, lambda: newest.write_text(titled, encoding="utf-8"),
                              lambda: marker in (_get(base) or ""))
        # A new directive: a copy of the newest under another number.
        new = newest.with_name("bench-moi.md")
        copy = re.sub(r"^number: (\d+)", lambda m: f"number: {int(m[1]) + 9000}", text, count=1, flags=re.M)
        out["new"] = _shown(base, lambda: new.write_text(copy, encoding="utf-8"),
                            lambda: _get(_page_url(base, project, new)) not in (None, ""))
        out["deleted"] = _shown(base, new.unlink, lambda: _get(_page_url(base, project, new)) is None)
        sets = sorted((project / "content" / "slogans").glob("*.yml"))
        if sets:
            s_text = sets[0].read_text(encoding="utf-8")
            out["slogans"] = _shown(base, lambda: sets[0].write_text(s_text.replace("!", " (bench)!", 1), encoding="utf-8"),
                                    lambda: "(bench)" in (_get(base + "khau-hieu/") or ""))
        memory = []
        for i in range(rebuilds):
            _edit_body(project, base, picks[i % len(picks)], f"Lần dựng lại {i} của bench.")
            memory.append(_rss(server.pid))
        out["memory"] = memory
        poller.stop = True
        thread.join()
        out["answered"], out["failed"], out["longest_answer"] = poller.answered, poller.failed, poller.longest
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    return out


def _answers(base: str) -> bool:
    try:
        return _get(base) is not None
    except Exception:  # noqa: BLE001 - not up yet
        return False


def _newest(project: Path) -> Path:
    dated = [p for p in _directives(project) if p.parent.name.isdigit()]
    return max(dated, key=lambda p: (p.parent.name, p.read_text(encoding="utf-8").split("\ndate: ", 1)[-1][:10]))


_PACE = random.Random(1)  # the moments of the saves, the same in every run
_EPOCH = re.compile(r"livereload\((\d+), \d+\)")  # MkDocs' script in every page it serves


def _shown(base: str, change, check, timeout: float = 600.0) -> float:  # type: ignore[no-untyped-def]
    """Seconds from ``change()`` until the preview serves what ``check()``
    looks for, learnt as a browser learns it: MkDocs' livereload request
    returns as soon as a newer build is visible, then the page is asked once.
    (Asking for the page fifty times a second, as this bench did before,
    loaded the very server it timed.) Each save comes 0.5–1.5 s after the
    last one was shown, at a moment out of step with MkDocs' polling."""
    # An editor saves at any moment; right after the last rebuild, as a script
    # would, every save waits nearly all of MkDocs' 0.5 s polling interval.
    time.sleep(_PACE.uniform(0.5, 1.5))
    found = _EPOCH.search(_get(base) or "")
    epoch = found[1] if found else "0"
    change()
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        epoch = (_get(f"{base}livereload/{epoch}/1") or epoch).strip()
        if check():
            return time.perf_counter() - start
    raise TimeoutError("the preview never showed the change")


def _edit_body(project: Path, base: str, path: Path, sentence: str) -> float:
    text = path.read_text(encoding="utf-8")
    url = _page_url(base, project, path)
    return _shown(base, lambda: path.write_text(text.rstrip("\n") + f"\n\n{sentence}\n", encoding="utf-8"),
                  lambda: sentence in (_get(url) or ""))


def publishing(project: Path) -> dict:
    """CPU seconds of a cold build and of one after a changed directive, cache warm."""
    shutil.rmtree(project / ".cache", ignore_errors=True)

    def timed() -> tuple[float, float, float, float]:
        """(CPU, wall, user, system) seconds of one ``make build``."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bantin.publish", "build", "--site", str(project / "site")],
                       cwd=project, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        user, system = after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
        return (user + system, time.perf_counter() - wall, user, system)

    cold = timed()
    path = _directives(project)[len(_directives(project)) // 2]
    path.write_text(path.read_text(encoding="utf-8") + "\nMột câu sửa thử.\n", encoding="utf-8")
    warm = timed()
    again = timed()  # nothing changed
    return {"cold": cold, "one_edit": warm, "unchanged": again,
            "cache_mb": sum(p.stat().st_size for p in (project / ".cache").rglob("*") if p.is_file()) / 1e6}


def report(results: dict[int, dict]) -> str:
    lines = ["# Preview and cached builds at archive scale", "",
             "Written by `bench/preview.py` (`make bench-preview`); rerun it rather than editing the figures.", "",
             f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} CPUs, "
             f"load average {os.getloadavg()[0]:.1f} at the end.", "",
             "| | " + " | ".join(f"N={n:,}" for n in results) + " |", "|---|" + "---:|" * len(results)]

    def row(label: str, fn) -> None:
        lines.append(f"| {label} | " + " | ".join(fn(r) for r in results.values()) + " |")

    row("first build of the preview (s, wall)", lambda r: f"{r['preview']['first']:.1f}")
    row("save → preview shows a body edit, median of 5 (s)", lambda r: f"{statistics.median(r['preview']['body']):.2f}")
    row("… each of the 5 (s)", lambda r: " / ".join(f"{t:.2f}" for t in r["preview"]["body"]))
    row("… a title edit, seen on the home page (s)", lambda r: f"{r['preview']['title']:.2f}")
    row("… a new directive (s)", lambda r: f"{r['preview']['new']:.2f}")
    row("… a deleted directive, its page gone (s)", lambda r: f"{r['preview']['deleted']:.2f}")
    row("… a slogan set changed (s)", lambda r: f"{r['preview']['slogans']:.2f}" if "slogans" in r["preview"] else "–")
    row("home page requests answered during all this / failed", lambda r: f"{r['preview']['answered']} / {len(r['preview']['failed'])}")
    row("longest answer (s)", lambda r: f"{r['preview']['longest_answer']:.2f}")

    def memory(r: dict) -> str:
        m = r["preview"]["memory"]
        if not m:
            return "–"
        return (f"{m[0] / 1e6:.0f} → {m[-1] / 1e6:.0f} MB, lowest {min(m) / 1e6:.0f}, highest {max(m) / 1e6:.0f} "
                f"({(max(m) - min(m)) / min(m) * 100:.1f} % spread)")

    row("server memory over the rebuilds (first → last)", memory)
    def build(r: dict, name: str) -> str:
        cpu, wall, user, system = r["build"][name]
        return f"{cpu:.1f} ({user:.1f} + {system:.1f}) / {wall:.1f}"

    row("publishing build (`make build`), cold (CPU s (user + system) / wall s)", lambda r: build(r, "cold"))
    row("… after one changed directive, cache warm (same)", lambda r: build(r, "one_edit"))
    row("… ratio to cold: CPU (user time alone)", lambda r: "{:.0f} % ({:.0f} %)".format(
        r["build"]["one_edit"][0] / r["build"]["cold"][0] * 100, r["build"]["one_edit"][2] / r["build"]["cold"][2] * 100))
    row("… nothing changed (CPU s)", lambda r: f"{r['build']['unchanged'][0]:.1f}")
    row("cache on disk (MB)", lambda r: f"{r['build']['cache_mb']:.0f}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--rebuilds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE / "PREVIEW.md")
    args = parser.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory(prefix="bantin-preview-") as tmp:
        for n in args.n:
            project = Path(tmp) / f"n{n}"
            subprocess.run([sys.executable, str(HERE / "generate.py"), str(n), str(project), "--seed", str(args.seed)],
                           check=True, env=ENV, stdout=subprocess.DEVNULL)
            print(f"N={n}: preview …", flush=True)
            results[n] = {"preview": preview(project, args.edits, args.rebuilds)}
            print(f"N={n}: publishing builds …", flush=True)
            results[n]["build"] = publishing(project)
            args.out.write_text(report(results), encoding="utf-8")
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
