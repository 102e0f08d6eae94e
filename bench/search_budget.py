#!/usr/bin/env python3
"""What a phone pays for one search: bytes downloaded and time to answer.

    search_budget.py SITE_DIR [QUERY ...] [--cpu-throttle N] [--repeat N] [--json]

Interface (for ``make bench``)::

    from search_budget import measure, DEFAULT_QUERIES
    budgets = measure(Path("site"), DEFAULT_QUERIES, cpu_throttle=1.0, repeat=3)
    for b in budgets:
        b.query            # the query as typed
        b.search_gzip      # bytes (gzip -6) of the search files fetched before
                           # the first results appeared: search.js, the index
                           # entry point, the shards and document-table chunks
        b.search_raw       # the same, uncompressed
        b.page_gzip        # everything the results page loaded (HTML, theme
                           # CSS and JS too), for context; a reader who opened
                           # any page before has most of it cached
        b.query_ms         # time to answer once the data is there: decoding
                           # and ranking, plus drawing the first results
                           # (median of ``repeat`` fresh page loads)
        b.wall_ms          # the same from the last byte received, so with
                           # whatever else held the main thread (median)
        b.hits             # number of results
        b.first            # URLs of the first results, in order
        b.files            # [(path, raw bytes, gzip bytes)] of the search files
    print(report(budgets))

A real headless chromium (Debian's, through ``tests/browser.py``) opens the
built site's results page ``/tim-kiem/?q=…`` served from 127.0.0.1, with an
empty cache, once per query. Which files it fetched comes from the page's
Resource Timing entries; their sizes are measured on disk and gzipped at
level 6 (what a web server sends), because the test server does not
compress. The site's service worker is kept from registering: its background
precaching is the offline feature's cost, not search's. ``cpu_throttle`` > 1 slows the CPU down as DevTools does, to
approximate a slower phone; the budget (issue 5) is stated for this machine.

Exit status 1 when a query is over the budget: more than 1 MB gzipped before
the first results, or more than 100 ms to answer.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Sequence
from urllib.parse import quote, unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM, INSTALL_HINT, Browser, serve  # noqa: E402

BYTES_BUDGET = 1_000_000  # gzip bytes before the first results
TIME_BUDGET_MS = 100.0
DEFAULT_QUERIES = (
    "nghi quyet 18",
    "sap xep bo may",
    "khoá XIII",
    "18-NQ/TW",
    "tuyên truyền kỷ niệm ngày thành lập Đảng",  # many common words: many shards
)
SEARCH_PREFIXES = ("search/", "assets/javascripts/search.js")


@dataclass(frozen=True)
class QueryBudget:
    query: str
    search_gzip: int
    search_raw: int
    page_gzip: int
    query_ms: float
    wall_ms: float
    hits: int
    first: tuple[str, ...]
    files: tuple[tuple[str, int, int], ...]

    @property
    def within_budget(self) -> bool:
        return self.search_gzip <= BYTES_BUDGET and self.query_ms <= TIME_BUDGET_MS


def _sizes(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6, mtime=0))


def _results_url(site: Path) -> str:
    manifest = json.loads((site / "search" / "manifest.json").read_text(encoding="utf-8"))
    return manifest["page"]


def _file_of(site: Path, base: str, url: str) -> Path | None:
    if not url.startswith(base):
        return None
    rel = unquote(urlsplit(url).path).lstrip("/")
    path = site / rel
    if path.is_dir() or rel == "" or rel.endswith("/"):
        path = path / "index.html"
    return path if path.is_file() else None


# Run in the results page once it is done: what it fetched, and two times.
# ``ms``: search's own work once its data is there (search.js's clock around
# decoding and ranking, and around drawing the first results); the files'
# evaluation is under a millisecond. ``wall_ms``: from the last byte of the
# shards to the ranking plus from the last byte of the document chunks to the
# drawn results, so also whatever else held the main thread meanwhile (the
# theme starting up, other processes on the machine).
_PROBE = r"""(() => {
  const last = window.bantinSearch && bantinSearch.last;
  const t = last ? last.timing : null;
  const entries = performance.getEntriesByType('resource');
  const end = re => Math.max(0, ...entries.filter(e => re.test(e.name)).map(e => e.responseEnd));
  const shards = end(/\/search\/[^/]+\/[tb]\d+\.js$/), chunks = end(/\/search\/[^/]+\/d\d+\.js$/);
  return {
    urls: [location.href.split('?')[0], ...entries.map(e => e.name)],
    ms: t ? (t.ranked - t.loaded) + (t.shown - t.drawing) : null,
    wall_ms: t ? (t.ranked - Math.max(shards, t.started)) + (t.shown - Math.max(chunks, t.ranked)) : null,
    hits: last ? last.hits.length : 0,
    first: Array.from(document.querySelectorAll('#bt-search-results a'), a => a.href),
  };
})()"""


_NO_WORKER = "if (navigator.serviceWorker) navigator.serviceWorker.register = () => new Promise(() => {});"


def _load(browser: Browser, base: str, page: str, q: str, cpu_throttle: float) -> dict:
    """Open the results page for ``q`` in a fresh tab with no cache."""
    tab = browser.tab()
    tab.call("Network.enable")
    tab.call("Network.setCacheDisabled", {"cacheDisabled": True})
    # The service worker would precache in the background meanwhile: it is
    # the offline feature's cost, measured there, not search's.
    tab.call("Page.addScriptToEvaluateOnNewDocument", {"source": _NO_WORKER})
    if cpu_throttle > 1:
        tab.call("Emulation.setCPUThrottlingRate", {"rate": cpu_throttle})
    tab.goto(f"{base}/{page}?q={quote(q)}", settle=0)
    tab.wait_for("document.documentElement.dataset.btSearch === 'done'", timeout=120)
    result = tab.eval(_PROBE)
    target = tab.call("Target.getTargetInfo")["targetInfo"]["targetId"]
    browser.send("Target.closeTarget", {"targetId": target})
    return result


def _median(runs: list[dict], key: str) -> float:
    values = sorted(r[key] for r in runs if r[key] is not None)
    return round(values[len(values) // 2], 1) if values else float("nan")


def measure(site: Path, queries: Sequence[str] = DEFAULT_QUERIES, cpu_throttle: float = 1.0,
            repeat: int = 3) -> list[QueryBudget]:
    """Fresh, uncached results pages per query; see the module docstring."""
    if CHROMIUM is None:
        raise RuntimeError(INSTALL_HINT)
    site = Path(site)
    page = _results_url(site)
    out = []
    browser = Browser()
    try:
        with serve(site) as base:
            for q in queries:
                runs = [_load(browser, base, page, q, cpu_throttle) for _ in range(max(1, repeat))]
                result = runs[0]
                result["ms"], result["wall_ms"] = _median(runs, "ms"), _median(runs, "wall_ms")
                files, page_gzip = [], 0
                for url in dict.fromkeys(result["urls"]):
                    path = _file_of(site, base, url)
                    if path is None:
                        continue
                    raw, packed = _sizes(path)
                    page_gzip += packed
                    rel = path.relative_to(site).as_posix()
                    if rel.startswith(SEARCH_PREFIXES):
                        files.append((rel, raw, packed))
                out.append(QueryBudget(
                    query=q,
                    search_gzip=sum(f[2] for f in files),
                    search_raw=sum(f[1] for f in files),
                    page_gzip=page_gzip,
                    query_ms=result["ms"],
                    wall_ms=result["wall_ms"],
                    hits=result["hits"],
                    first=tuple(u[len(base):] for u in result["first"]),
                    files=tuple(files),
                ))
    finally:
        browser.close()
    return out


def report(budgets: Sequence[QueryBudget]) -> str:
    lines = [f"{'query':<44} {'search gz':>10} {'files':>5} {'page gz':>9} {'answer':>8} {'wall':>8} {'hits':>6}"]
    for b in budgets:
        flag = "" if b.within_budget else "  OVER BUDGET"
        lines.append(f"{b.query[:44]:<44} {b.search_gzip / 1024:>8.1f}KB {len(b.files):>5} "
                     f"{b.page_gzip / 1024:>7.1f}KB {b.query_ms:>6.1f}ms {b.wall_ms:>6.1f}ms {b.hits:>6}{flag}")
    worst_bytes = max(b.search_gzip for b in budgets)
    worst_ms = max(b.query_ms for b in budgets)
    lines.append(f"worst: {worst_bytes / 1024:.1f} KB gzip before first results (budget {BYTES_BUDGET / 1e6:.0f} MB), "
                 f"{worst_ms:.1f} ms to answer (budget {TIME_BUDGET_MS:.0f} ms), "
                 f"{max(b.wall_ms for b in budgets):.1f} ms wall")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site (mkdocs build)")
    parser.add_argument("queries", nargs="*", help=f"queries (default: {', '.join(DEFAULT_QUERIES)})")
    parser.add_argument("--cpu-throttle", type=float, default=1.0, help="slow the CPU down N times, as DevTools does")
    parser.add_argument("--repeat", type=int, default=3, help="page loads per query; the median time counts")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    budgets = measure(args.site, args.queries or DEFAULT_QUERIES, args.cpu_throttle, args.repeat)
    if args.json:
        print(json.dumps([{**asdict(b), "within_budget": b.within_budget} for b in budgets], ensure_ascii=False, indent=1))
    else:
        print(report(budgets))
    return 0 if all(b.within_budget for b in budgets) else 1


if __name__ == "__main__":
    sys.exit(main())
