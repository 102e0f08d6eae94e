"""The copy opened from disk (`make offline`) logs no error in the browser's
console and requests nothing but its own files: a page that names something
a browser fetches by itself (the web app manifest, a feed, which makes the
theme fetch sitemap.xml) gets a CORS error from file:// on every page."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import requires_chromium
from test_offline import disk_copy  # noqa: F401  (the fixture: what `make offline` builds)

PAGES = ["index.html", "van-ban/index.html", "van-ban/2024/02-kh-btgduk.html", "van-ban/2024/229-cv-btghu.html",
         "dong-thoi-gian/index.html", "khau-hieu/index.html", "ban-tin/index.html", "ban-tin/2024-12/index.html",
         "huong-dan-bien-tap/index.html", "ngoai-tuyen/index.html", "tim-kiem.html?q=229-CV%2FBTGHU"]


def complaints(events: list[dict]) -> list[str]:
    """Console errors and warnings, uncaught exceptions, requests to anything but a file."""
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
            found.append(f"{params['entry']['level']}: {params['entry']['text'][:200]}")
        elif method == "Runtime.exceptionThrown":
            found.append(f"exception: {params['exceptionDetails'].get('text')}")
        elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "warning", "assert"):
            found.append(f"console.{params['type']}: {[a.get('value') for a in params['args']]}")
        elif method == "Network.requestWillBeSent" and not params["request"]["url"].startswith(("file:", "data:")):
            found.append(f"request: {params['request']['url']}")
        elif method == "Network.loadingFailed":
            found.append(f"failed: {params.get('errorText')} {params.get('corsErrorStatus') or ''}")
    return found


def test_the_disk_copy_names_no_manifest_and_no_feed(disk_copy: Path) -> None:
    for path in disk_copy.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert 'rel="manifest"' not in html and 'rel="alternate"' not in html, path


@requires_chromium
@pytest.mark.parametrize("page", PAGES)
def test_a_page_opened_from_disk_logs_no_error_and_requests_nothing_else(browser, disk_copy: Path, page: str) -> None:
    tab = browser.tab()
    tab.call("Log.enable")
    tab.call("Network.enable")
    name, _, query = page.partition("?")
    assert (disk_copy / name).is_file()
    tab.goto((disk_copy / name).as_uri() + (f"?{query}" if query else ""), settle=1.0)
    if query:
        tab.wait_for("!!document.querySelector('.bt-search__hit a')")
    tab.eval("1")  # collect what the page logged while it settled
    assert complaints(browser.events) == []
