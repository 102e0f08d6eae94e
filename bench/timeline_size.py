#!/usr/bin/env python3
"""How big the timeline's pages get on a large archive.

    timeline_size.py [--n 5000] [--seed 1] [--site SITE_DIR]

Generates a synthetic archive of N directives (generate.py), builds it with
``mkdocs build --strict`` and prints, for every page under /dong-thoi-gian/,
its lines (directives, cited documents, deadlines), its HTML weight raw and
gzipped, and its bytes per line: a page that grew faster than its lines
would show a rising bytes-per-line figure. With --site, measures a site
already built instead.

Targets: the main page stays near its budget of lines (pages/timeline.py
MAIN_BUDGET) whatever N is; a year page above YEAR_BUDGET lines becomes an
index of month pages; bytes per line stay flat.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import generate

ROOT = Path(__file__).resolve().parent.parent
_ITEM = re.compile(r'<li class="bt-tl__item bt-tl__item--(\w+)"')


def build(n: int, seed: int, work: Path) -> Path:
    project = generate.write_project(generate.generate(n, seed), work / "project")
    site = work / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1767225600")}
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=project, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(proc.stdout[-3000:] + proc.stderr[-3000:])
    print(f"{n} văn bản: dựng trong {time.monotonic() - started:.0f} s", file=sys.stderr)
    return site


def measure(site: Path) -> list[tuple[str, dict[str, int], int, int]]:
    rows = []
    for path in sorted((site / "dong-thoi-gian").rglob("index.html")):
        html = path.read_bytes()
        roles = {"directive": 0, "cited": 0, "deadline": 0}
        for role in _ITEM.findall(html.decode("utf-8")):
            roles[role] += 1
        rows.append(("/" + path.parent.relative_to(site).as_posix() + "/", roles, len(html),
                     len(gzip.compress(html, compresslevel=6))))
    return rows


def report(rows: list[tuple[str, dict[str, int], int, int]]) -> str:
    out = ["| trang | văn bản | dẫn chiếu | hạn | HTML | gzip | byte/dòng |", "|---|--:|--:|--:|--:|--:|--:|"]
    for url, roles, raw, packed in rows:
        lines = sum(roles.values())
        per_line = f"{raw // lines}" if lines else "–"
        out.append(f"| {url} | {roles['directive']} | {roles['cited']} | {roles['deadline']} | "
                   f"{raw / 1024:.0f} KB | {packed / 1024:.0f} KB | {per_line} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--site", type=Path, help="a built site to measure, instead of generating one")
    args = parser.parse_args(argv)
    if args.site:
        print(report(measure(args.site)))
        return 0
    with tempfile.TemporaryDirectory(prefix="bantin-timeline-") as work:
        print(report(measure(build(args.n, args.seed, Path(work)))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
