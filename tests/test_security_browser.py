"""In a real browser: the site works under its Content-Security-Policy and
asks nothing of any host but its own."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser import requires_chromium, serve

WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
"""

PAGES = ["/", "/van-ban/2024/02-kh-btgduk/", "/dan-chieu/18-nq-tw-2017/", "/van-ban/", "/van-ban/2024/",
         "/khau-hieu/", "/huong-dan-bien-tap/", "/404.html"]


@requires_chromium
@pytest.mark.parametrize("url", PAGES)
def test_the_page_runs_under_its_policy_and_loads_only_from_its_own_host(browser, built_site: Path, url: str) -> None:
    with serve(built_site) as base:
        tab = browser.tab()
        tab.call("Network.enable")
        tab.call("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH})
        tab.goto(base + url)
        requested = {e["params"]["request"]["url"] for e in browser.events
                     if e.get("method") == "Network.requestWillBeSent"}
        assert tab.eval("window.__violations") == []
        # The theme's inline setup script ran (allowed by its hash) and its bundle loaded.
        assert tab.eval("typeof __md_scope !== 'undefined' && typeof document$ !== 'undefined'")
        hosts = {urlsplit(u).netloc for u in requested if urlsplit(u).scheme in ("http", "https")}
        assert hosts == {urlsplit(base).netloc}
        tab.call("Page.close")
