#!/usr/bin/env python3
"""Lighthouse on the built site, as a phone on a slow network sees it.

    bench/lighthouse.py [SITE_DIR] [--out bench/out/lighthouse]

Builds the sample site (unless SITE_DIR is given), serves it the way the
production nginx does (gzip for text, long caching for hashed assets), and
runs Lighthouse (npm, through npx; Debian's chromium via CHROME_PATH) with
its mobile preset on a directive page, the timeline and the other page types.
Prints, per page: the performance, accessibility and best-practices scores
(median of --runs), the first view's weight (every byte transferred, gzipped,
until the page is loaded and quiet) and any request to another host; and once
what the service worker then fetches in the background.

Not part of `make test`: it needs npm's registry (once) and takes minutes.
Targets (issue 6): performance >= 95, accessibility and best practices 100,
first view of a directive page <= 150 KB, no other host.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = "lighthouse@12.8.2"  # pinned: scores move between versions; 13 needs node 22
PAGES = {
    "directive": "/van-ban/2024/02-kh-btgduk/",
    "timeline": "/dong-thoi-gian/",
    "home": "/",
    "cited document": "/dan-chieu/18-nq-tw-2017/",
    "slogans": "/khau-hieu/",
    "bulletin": "/ban-tin/2024-12/",
    "bulletin print": "/ban-tin/2024-12/ban-in/",
}
CATEGORIES = ("performance", "accessibility", "best-practices")
TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/manifest+json",
              "image/svg+xml", "application/xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Like deploy/nginx/bantin.conf: gzip for text, hashed assets cached."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "application/javascript", ".webmanifest": "application/manifest+json",
                      ".woff2": "font/woff2"}

    def send_head(self):  # noqa: ANN201 - http.server's API
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder
        ctype = self.guess_type(str(path))
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "") \
                or not ctype.startswith(TEXT_TYPES):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self._cache_headers()
        self.end_headers()
        return _Body(body)

    def end_headers(self) -> None:
        if not getattr(self, "_cached", False):
            self._cache_headers()
        super().end_headers()

    def _cache_headers(self) -> None:
        self._cached = True
        hashed = "/assets/" in self.path and any(part.count(".") >= 2 for part in self.path.split("/"))
        self.send_header("Cache-Control", "max-age=31536000, immutable" if hashed else "no-cache")

    def log_message(self, *args) -> None:
        pass


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_):  # noqa: ANN201
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def build() -> Path:
    site = Path(tempfile.mkdtemp(prefix="bantin-lh-")) / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=ROOT, env=env, check=True)
    return site


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(["npx", "--yes", LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu"], env=env, check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def summary(report: dict, host: str) -> dict:
    requests = report["audits"]["network-requests"]["details"]["items"]
    page_load = [r for r in requests if r.get("sessionTargetType", "page") == "page"]
    return {
        "scores": {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "first_view_kb": round(sum(r.get("transferSize", 0) for r in page_load) / 1024, 1),
        "first_view_requests": len(page_load),
        "other_hosts": sorted({urlsplit(r["url"]).netloc for r in requests
                               if urlsplit(r["url"]).scheme in ("http", "https") and urlsplit(r["url"]).netloc != host}),
        "failed": [a for a in report["audits"].values()
                   if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") in ("binary", "metricSavings")
                   and a["id"] not in ("network-requests",)],
    }


def worker_kb(site: Path) -> tuple[float, float]:
    """What the service worker downloads in the background, gzipped as the
    server sends it: the shell after a first view, and the search index at
    the reader's first search (bantin.mkdocs.offline)."""
    source = (site / "sw.js").read_text(encoding="utf-8")
    settings = json.loads(source.split("const SETTINGS = ", 1)[1].split(";\n", 1)[0])

    def size(rel: str) -> int:
        dest = "index.html" if rel == "./" else rel + "index.html" if rel.endswith("/") else rel
        data = (site / dest).read_bytes()
        return len(data) if rel.endswith((".png", ".woff2")) else len(gzip.compress(data, 6))

    shell = sum(size(rel) for rel in settings["shell"])
    search = sum(size(rel) for rel in settings["search"] if rel not in settings["shell"])
    return round(shell / 1024, 1), round(search / 1024, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, help="a built site (default: build the sample site)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/out/lighthouse")
    parser.add_argument("--pages", nargs="*", default=list(PAGES), choices=list(PAGES))
    parser.add_argument("--runs", type=int, default=3,
                        help="runs per page; the median performance run is shown (scores move with the machine's load)")
    args = parser.parse_args()
    site = args.site or build()
    args.out.mkdir(parents=True, exist_ok=True)
    server, base = serve(site)
    host = urlsplit(base).netloc
    try:
        shell, search = worker_kb(site)
        print(f"service worker: {shell} KB after a first view (once per version), "
              f"{search} KB more at the first search (gzip)")
        print(f"{'page':16} {'perf':>4} {'a11y':>4} {'bp':>4} {'first view':>11} {'reqs':>4}  other hosts")
        for name in args.pages:
            runs = [summary(lighthouse(base + PAGES[name], args.out / f"{name.replace(' ', '-')}-{i}.json"), host)
                    for i in range(args.runs)]
            runs.sort(key=lambda r: r["scores"]["performance"])
            s = runs[len(runs) // 2]
            sc = s["scores"]
            spread = f" ({runs[0]['scores']['performance']}–{runs[-1]['scores']['performance']})" if len(runs) > 1 else ""
            print(f"{name:16} {sc['performance']:>4}{spread} {sc['accessibility']:>4} {sc['best-practices']:>4} "
                  f"{s['first_view_kb']:>8} KB {s['first_view_requests']:>4}  "
                  f"{', '.join(s['other_hosts']) or 'none'}")
            for audit in s["failed"]:
                print(f"    {audit['id']}: {audit.get('displayValue') or audit['title']}")
    finally:
        server.shutdown()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
