"""Running builds and the other bench scripts, each in a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1]
ROOT = BENCH.parent
RUN = BENCH / "run.py"  # whose child modes (_rebuild, _phases, _profile) in_child() starts


def env() -> dict[str, str]:
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or git("log", "-1", "--format=%ct") or "1767225600"
    # Cold builds: no cache on disk (bench/preview.py measures builds with it).
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": epoch, "BANTIN_CACHE": "0"}


def git(*args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    return proc.stdout.strip() if proc.returncode == 0 else ""


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- one build ---------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock
    cpu: float  # user + system: what the build costs, whatever else the machine runs meanwhile
    peak_rss: int  # bytes
    load: float  # the machine's 1-minute load average when the build ended


def timed_build(project: Path, site: Path, log: Path) -> Run:
    """``mkdocs build --strict`` in a fresh process: wall time and its peak RSS."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env())
        _, status, usage = os.wait4(proc.pid, 0)  # the rusage of this child alone
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8").splitlines()[-15:]
        raise SystemExit(f"mkdocs build failed in {project} (log: {log}):\n" + "\n".join(tail))
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, os.getloadavg()[0])



def search_budget(site: Path) -> list[dict] | str:
    """bench/search_budget.py (another engineer's): what a phone fetches for a search, per query."""
    script = BENCH / "search_budget.py"
    if not script.exists():
        return "not yet available"
    proc = subprocess.run([sys.executable, str(script), str(site), "--json"], cwd=ROOT, capture_output=True,
                          text=True, env=env(), timeout=1800)
    try:  # exit status 1 only says a query is over its budget; the figures are still there
        return json.loads(proc.stdout)
    except json.JSONDecodeError:
        return f"search_budget.py failed ({proc.returncode}): {(proc.stderr or proc.stdout).strip()[-2000:]}"


def run_lighthouse(site: Path, out: Path) -> str:
    """bench/lighthouse.py (another engineer's) on the sample site its pages are chosen for."""
    script = BENCH / "lighthouse.py"
    if not script.exists():
        return "not yet available"
    args, skipped = [sys.executable, str(script), str(site), "--out", str(out)], []
    try:  # only the pages this build has (a page type may not be committed yet)
        import lighthouse

        pages = dict(lighthouse.PAGES)
        skipped = [f"{name} ({url})" for name, url in pages.items() if not (site / url.strip("/") / "index.html").is_file()]
        args += ["--pages", *(name for name, url in pages.items() if (site / url.strip("/") / "index.html").is_file())]
    except (ImportError, AttributeError):
        pass
    try:
        proc = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env=env(), timeout=900)
    except subprocess.TimeoutExpired:
        return "lighthouse.py did not finish in 15 minutes"
    note = f"\n(not in this build, so not measured: {', '.join(skipped)})" if skipped else ""
    if proc.returncode == 0:
        return proc.stdout.strip()[-4000:] + note
    error = "\n".join(proc.stderr.strip().splitlines()[-6:])
    return f"{proc.stdout.strip()[-3000:]}\n[lighthouse.py stopped with exit status {proc.returncode}:]\n{error}{note}"


def in_child(mode: str, *args: str) -> dict:
    """``run.py MODE ARGS`` in a process of its own: the JSON it prints last."""
    proc = subprocess.run([sys.executable, str(RUN), mode, *args], capture_output=True, text=True, env=env())
    if proc.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])

