#!/usr/bin/env python3
"""Lighthouse on the built site, as a phone on a slow network sees it.

    bench/lighthouse.py [SITE_DIR] [--out bench/out/lighthouse] [--runs 3] [--pages NAME ...]
    bench/lighthouse.py --archive 5000 [--seed 1] [--keep DIR]   # a generated archive
    bench/lighthouse.py SITE_DIR --pick                           # an archive already built

Builds the sample site (unless SITE_DIR is given), serves it the way the
production nginx does (gzip for text, long caching for hashed assets), and
runs Lighthouse (npm, through npx; Debian's chromium via CHROME_PATH) with
its mobile preset on a directive page, the timeline and the other page types.
Prints, per page: the performance, accessibility and best-practices scores
(median of --runs), the first view's weight (every byte transferred, gzipped,
until the page is loaded and quiet), every request over 300 KB, any request
made after the load event, and any request to another host; and once what
the service worker then fetches in the background.

With --archive N (bench/generate.py's archive of N directives, built with
mkdocs) or --pick, the pages are chosen from the site itself, the heaviest
of each type (bench/PHONES.md): the longest directive and a typical one,
the most cited document, the largest page of each listing and of the
timeline, the largest monthly bulletin and its print page, the search page
after a query. A reader's session in chromium then records, from the
server's side, everything downloaded without the reader asking.

Not part of `make test`: it needs npm's registry (once) and takes minutes.
Targets (issues 6 and 15): performance >= 95, accessibility and best
practices 100, first view of a directive page <= 150 KB, no other host, no
download over 300 KB the reader did not ask for.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = "lighthouse@12.8.2"  # pinned: scores move between versions; 13 needs node 22
PAGES = {  # the sample site's (make bench runs these by name)
    "directive": "/van-ban/2024/02-kh-btgduk/",
    "timeline": "/dong-thoi-gian/",
    "home": "/",
    "cited document": "/dan-chieu/18-nq-tw-2017/",
    "slogans": "/khau-hieu/",
    "bulletin": "/ban-tin/2024-12/",
    "bulletin print": "/ban-tin/2024-12/ban-in/",
}
QUERY = "kế hoạch tuyên truyền nghị quyết"  # common words: the largest shards of the index
BUDGET = 300 * 1024  # no download over this that the reader did not ask for
CATEGORIES = ("performance", "accessibility", "best-practices")
TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/manifest+json",
              "image/svg+xml", "application/xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Like deploy/nginx/bantin.conf: gzip for text, hashed assets cached.
    Every response is noted in ``log`` as (time, path, bytes sent)."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "application/javascript", ".webmanifest": "application/manifest+json",
                      ".woff2": "font/woff2"}

    def __init__(self, *args, log: list, **kwargs) -> None:
        self.log = log
        super().__init__(*args, **kwargs)

    def send_head(self):  # noqa: ANN201 - http.server's API
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
            if not self.path.split("?")[0].endswith("/"):
                return self._noted(super().send_head())  # the redirect to the folder
        ctype = self.guess_type(str(path))
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "") \
                or not ctype.startswith(TEXT_TYPES):
            return self._noted(super().send_head())
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self._cache_headers()
        self.end_headers()
        self.log.append((time.monotonic(), self.path, len(body)))
        return _Body(body)

    def _noted(self, body):  # noqa: ANN001, ANN202
        size = os.fstat(body.fileno()).st_size if hasattr(body, "fileno") else 0
        self.log.append((time.monotonic(), self.path, size))
        return body

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


def _env() -> dict[str, str]:
    epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or epoch.strip()}


def build(project: Path = ROOT, site: Path | None = None) -> Path:
    site = site or Path(tempfile.mkdtemp(prefix="bantin-lh-")) / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=project, env=_env(), check=True)
    return site


def archive(n: int, seed: int, where: Path) -> Path:
    """bench/generate.py's archive of ``n`` directives, built: its site folder."""
    sys.path.insert(0, str(ROOT / "bench"))
    import generate  # noqa: PLC0415 - a sibling script, not a package

    project = generate.write_project(generate.generate(n, seed), where / "bantin")
    print(f"[{time.strftime('%H:%M:%S')}] {n} văn bản: {project}; building…", file=sys.stderr, flush=True)
    return build(project, where / "site")


# -- which pages -------------------------------------------------------------


def _url(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return "/" + (rel.removesuffix("index.html") if rel.endswith("/index.html") or rel == "index.html" else rel)


def _largest(site: Path, pages: list[Path]) -> str:
    return _url(site, max(pages, key=lambda p: p.stat().st_size))


def _citers(page: Path) -> int:
    """How many directives cite the document of this page (its heading says)."""
    found = re.search(r"Văn bản dẫn chiếu \((\d+)\)", page.read_text(encoding="utf-8"))
    return int(found.group(1)) if found else 0


def pick_pages(site: Path, query: str = QUERY) -> dict[str, str]:
    """Every page type of a built site, the heaviest of each where there are many."""
    directives = sorted((p for p in site.glob("van-ban/*/*/index.html")
                         if p.parent.parent.name not in ("loai", "co-quan") and not p.parent.name.startswith("trang-")),
                        key=lambda p: p.stat().st_size)
    years = [p for p in site.glob("van-ban/[0-9]*/**/index.html")
             if p.parent.parent == site / "van-ban" or p.parent.name.startswith("trang-")]
    months = [p for p in site.glob("ban-tin/*/index.html") if (p.parent / "ban-in/index.html").is_file()]
    bulletin = max(months, key=lambda p: (p.parent / "ban-in/index.html").stat().st_size)
    pages = {
        "home": "/",
        "directive": _url(site, directives[len(directives) // 2]),
        "directive longest": _url(site, directives[-1]),
        "cited document": _url(site, max(site.glob("dan-chieu/*/index.html"), key=_citers)),
        "archive": "/van-ban/",
        "by year": _largest(site, years),
        "by kind": _largest(site, list(site.glob("van-ban/loai/**/index.html"))),
        "by issuer": _largest(site, list(site.glob("van-ban/co-quan/**/index.html"))),
        "timeline": _largest(site, list(site.glob("dong-thoi-gian/**/index.html"))),
        "bulletins": "/ban-tin/",
        "bulletin": _url(site, bulletin),
        "bulletin print": _url(site, bulletin.parent / "ban-in/index.html"),
        "slogans": "/khau-hieu/",
        "search": "/tim-kiem/?q=" + quote(query),
        "editors' guide": _largest(site, list(site.glob("huong-dan-bien-tap/**/index.html"))),
        "offline notice": "/ngoai-tuyen/",
        "404": "/404.html",
    }
    return {name: url for name, url in pages.items() if (site / urlsplit(url).path.lstrip("/")).exists()}


# -- Lighthouse --------------------------------------------------------------


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str, list]:
    log: list = []
    handler = functools.partial(GzipHandler, directory=str(site), log=log)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}", log


def lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(["npx", "--yes", LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu"], env=env, check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def summary(report: dict, host: str) -> dict:
    requests = report["audits"]["network-requests"]["details"]["items"]
    page_load = [r for r in requests if r.get("sessionTargetType", "page") == "page"]
    loaded = report["audits"]["metrics"]["details"]["items"][0].get("observedLoad", float("inf"))
    path = lambda r: urlsplit(r["url"]).path  # noqa: E731
    return {
        "scores": {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "first_view_kb": round(sum(r.get("transferSize", 0) for r in page_load) / 1024, 1),
        "first_view_requests": len(page_load),
        "dom_elements": report["audits"]["dom-size"].get("numericValue"),
        "lcp_ms": round(report["audits"]["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(report["audits"]["total-blocking-time"]["numericValue"]),
        "over_budget": [(path(r), round(r["transferSize"] / 1024, 1)) for r in requests
                        if r.get("transferSize", 0) > BUDGET],
        "after_load": [(path(r), round(r.get("transferSize", 0) / 1024, 1)) for r in requests
                       if r.get("networkRequestTime", 0) > loaded and urlsplit(r["url"]).scheme.startswith("http")],
        "other_hosts": sorted({urlsplit(r["url"]).netloc for r in requests
                               if urlsplit(r["url"]).scheme in ("http", "https") and urlsplit(r["url"]).netloc != host}),
        "failed": [{"id": a["id"], "text": a.get("displayValue") or a["title"]} for a in report["audits"].values()
                   if a.get("score") is not None and a["score"] < 1
                   and a.get("scoreDisplayMode") in ("binary", "metricSavings") and a["id"] != "network-requests"],
    }


def measure(base: str, host: str, name: str, url: str, runs: int, out: Path) -> dict:
    done = [summary(lighthouse(base + url, out / f"{name.replace(' ', '-').replace(chr(39), '')}-{i}.json"), host)
            for i in range(runs)]
    done.sort(key=lambda r: r["scores"]["performance"])
    s = dict(done[len(done) // 2], url=url, name=name, range=[done[0]["scores"]["performance"],
                                                          done[-1]["scores"]["performance"]])
    return s


# -- what downloads without the reader asking -----------------------------------


def worker_kb(site: Path) -> tuple[float, float]:
    """What the service worker downloads in the background, gzipped as the
    server sends it: the shell after a first view, and the search index when
    the reader asks for it (bantin.mkdocs.offline)."""
    settings = worker_settings(site)

    def size(rel: str) -> int:
        dest = "index.html" if rel == "./" else rel + "index.html" if rel.endswith("/") else rel
        data = (site / dest).read_bytes()
        return len(data) if rel.endswith((".png", ".woff2")) else len(gzip.compress(data, 6))

    shell = sum(size(rel) for rel in settings["shell"])
    search = sum(size(rel) for rel in settings["search"] if rel not in settings["shell"])
    return round(shell / 1024, 1), round(search / 1024, 1)


def worker_settings(site: Path) -> dict:
    source = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(source.split("const SETTINGS = ", 1)[1].split(";\n", 1)[0])


def session(base: str, log: list, pages: dict[str, str]) -> list[dict]:
    """A reader in a fresh chromium (tests/browser.py): a directive page, then
    the search page with a query. Per step, what the server sent while the
    page loaded and what it sent after (the service worker, search shards,
    excerpts), until 3 s of quiet."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import Browser  # noqa: PLC0415 - the tests' own chromium driver

    browser = Browser()
    steps = []
    try:
        tab = browser.tab()
        for name in ("directive", "search"):
            start = len(log)
            tab.goto(base + pages[name], settle=0)
            loaded = len(log)
            last = -1
            while last != len(log):  # quiet: nothing new for 3 s
                last = len(log)
                time.sleep(3)
            steps.append({"page": name, "url": pages[name],
                          "load": [(p, n) for _, p, n in log[start:loaded]],
                          "after": [(p, n) for _, p, n in log[loaded:]]})
    finally:
        browser.close()
    return steps


# -- report ------------------------------------------------------------------


def print_table(results: list[dict]) -> None:
    print(f"{'page':18} {'perf':>9} {'a11y':>4} {'bp':>4} {'first view':>11} {'reqs':>4} {'DOM':>6}  url")
    for s in results:
        sc = s["scores"]
        spread = f"({s['range'][0]}–{s['range'][1]})" if s["range"][0] != s["range"][1] else ""
        print(f"{s['name']:18} {sc['performance']:>3}{spread:>6} {sc['accessibility']:>4} {sc['best-practices']:>4} "
              f"{s['first_view_kb']:>8} KB {s['first_view_requests']:>4} {s['dom_elements'] or 0:>6.0f}  {s['url']}"
              + (f"  OTHER HOSTS: {', '.join(s['other_hosts'])}" if s["other_hosts"] else ""))
        for path, kb in s["over_budget"]:
            print(f"    over 300 KB: {path} {kb} KB")
        for path, kb in s["after_load"]:
            print(f"    after load: {path} {kb} KB")
        for audit in s["failed"]:
            print(f"    {audit['id']}: {audit['text']}")


def print_session(steps: list[dict], site: Path) -> None:
    settings = worker_settings(site)
    search = {"/" + rel for rel in settings["search"]}
    for step in steps:
        print(f"{step['page']} ({step['url']}): {sum(n for _, n in step['load']) / 1024:.1f} KB "
              f"in {len(step['load'])} requests while loading")
        after = step["after"]
        shards = [(p, n) for p, n in after if p in search]
        print(f"  then, unasked: {sum(n for _, n in after) / 1024:.1f} KB in {len(after)} requests"
              f" ({len(shards)} of the search index's {len(search)} files, {sum(n for _, n in shards) / 1024:.1f} KB)")
        for path, n in after:
            if path not in search or n > BUDGET:
                print(f"    {path} {n / 1024:.1f} KB" + ("  OVER 300 KB" if n > BUDGET else ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, help="a built site (default: build the sample site)")
    parser.add_argument("--archive", type=int, metavar="N", help="generate an archive of N directives and build it")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="with --archive: where to write the project and site")
    parser.add_argument("--pick", action="store_true", help="choose the pages from the site (implied by --archive)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/out/lighthouse")
    parser.add_argument("--pages", nargs="*", help="page names to run (default: all)")
    parser.add_argument("--runs", type=int, default=3,
                        help="runs per page; the median performance run is shown (scores move with the machine's load)")
    parser.add_argument("--query", default=QUERY, help=f"the search page's query (default: {QUERY})")
    parser.add_argument("--no-session", action="store_true", help="skip the reader's session in chromium")
    args = parser.parse_args()
    if args.archive:
        site = archive(args.archive, args.seed, args.keep or Path(tempfile.mkdtemp(prefix="bantin-lh-")))
    else:
        site = args.site or build()
    pages = pick_pages(site, args.query) if args.archive or args.pick else PAGES
    unknown = set(args.pages or ()) - set(pages)
    if unknown:
        parser.error(f"no such page: {', '.join(sorted(unknown))} (pages: {', '.join(pages)})")
    args.out.mkdir(parents=True, exist_ok=True)
    server, base, log = serve(site)
    host = urlsplit(base).netloc
    results, steps = [], []
    try:
        shell, search = worker_kb(site)
        settings = worker_settings(site)
        print(f"service worker: {shell} KB after a first view ({len(settings['shell'])} files, once per version); "
              f"the full search index, {search} KB gzip in {len(settings['search'])} files, "
              f"only when the reader asks (the button says {settings['searchBytes'] / 1e6:.1f} MB)")
        for name in args.pages or pages:
            results.append(measure(base, host, name, pages[name], args.runs, args.out))
            print(f"[{time.strftime('%H:%M:%S')}] {name}: {results[-1]['scores']}", file=sys.stderr, flush=True)
        print_table(results)
        if (args.archive or args.pick) and not args.no_session:
            steps = session(base, log, pages)
            print_session(steps, site)
    finally:
        server.shutdown()
        server.server_close()
    (args.out / "summary.json").write_text(json.dumps(
        {"site": str(site), "archive": args.archive, "runs": args.runs, "worker_shell_kb": shell,
         "search_index_kb": search, "pages": results, "session": steps}, ensure_ascii=False, indent=1),
        encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
