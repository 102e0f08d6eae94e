"""The slogans page in chromium: the copy button copies the exact text,
offline too, and the banner print mode prints one slogan per A4 landscape
page; a plain print is a clean portrait list."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Iterator

import pytest

from browser import requires_chromium, serve
from test_slogans import SLOGANS

SET = "huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi"
A4_LANDSCAPE = "841.92 x 594.96 pts"
A4_PORTRAIT = "594.96 x 841.92 pts"  # the stylesheet's A4, whatever paper is proposed


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as base:
        yield base


@pytest.fixture()
def tab(browser, site_url: str):
    browser.send("Browser.grantPermissions",
                 {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"], "origin": site_url})
    tab = browser.tab(width=360, height=740)
    yield tab
    tab.offline(False)


def tap(tab, selector: str, index: int = 0) -> None:
    """A reader's tap: a real mouse press and release on the element's centre."""
    x, y = tab.eval(f"""(() => {{ const el = document.querySelectorAll({selector!r})[{index}];
        el.scrollIntoView({{block: 'center'}}); const r = el.getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
    for kind in ("mousePressed", "mouseReleased"):
        tab.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})


def pdf_pages(path: Path) -> list[tuple[str, str]]:
    """(page size, text with spaces squashed) of every page."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(path)], capture_output=True, text=True, check=True).stdout
    sizes = [re.sub(r" \(.*", "", s) for s in re.findall(r"^Page +\d+ size: +(.+)$", info, re.MULTILINE)]
    texts = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = texts.split("\f")[: len(sizes)]
    return [(size, " ".join(text.split())) for size, text in zip(sizes, pages, strict=True)]


@requires_chromium
def test_the_copy_button_copies_the_exact_slogan_offline(tab, site_url: str):
    tab.goto(site_url + "/khau-hieu/")
    tab.offline(True)  # nothing the button does needs the network
    tap(tab, "[data-bt-copy]", 6)
    tab.wait_for("document.querySelectorAll('[data-bt-copy]')[6].textContent === 'Đã chép'")
    assert tab.eval("navigator.clipboard.readText()") == SLOGANS[6]


@requires_chromium
def test_without_the_async_clipboard_the_button_still_copies(tab, site_url: str):
    tab.goto(site_url + "/khau-hieu/")
    tab.eval("window.kept = navigator.clipboard; Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    tap(tab, "[data-bt-copy]", 2)
    assert tab.eval("getSelection().toString()") == SLOGANS[2]
    assert tab.eval("window.kept.readText()") == SLOGANS[2]
    assert tab.eval("document.querySelectorAll('[data-bt-copy]')[2].textContent") == "Đã chép"


@requires_chromium
def test_banner_mode_prints_one_slogan_per_a4_landscape_page(tab, site_url: str, tmp_path: Path):
    tab.goto(site_url + "/khau-hieu/?in=bang-ron")
    pages = pdf_pages(tab.pdf(tmp_path / "bang-ron.pdf"))
    assert pages == [(A4_LANDSCAPE, slogan.upper()) for slogan in SLOGANS]  # a banner is in capitals


@requires_chromium
def test_the_banner_button_turns_banner_mode_on_for_its_set_and_prints(tab, site_url: str):
    tab.goto(site_url + "/khau-hieu/")
    tab.eval("window.printed = 0; window.print = () => { window.printed += 1; }")
    tap(tab, f'[data-bt-banner="{SET}"]')
    assert tab.eval("[document.documentElement.className.includes('bt-banner'), location.search, window.printed]") == [
        True, f"?in=bang-ron&bo={SET}", 1]
    # On screen the reader sees the sheets that will print, and a way back.
    assert tab.eval("document.querySelectorAll('.bt-sl__set--banner .bt-sl__text').length") == 10
    tap(tab, "[data-bt-banner-off]")
    assert tab.eval("[document.documentElement.className.includes('bt-banner'), location.search]") == [False, ""]


@requires_chromium
def test_a_plain_print_is_a_clean_portrait_list(tab, site_url: str, tmp_path: Path):
    tab.goto(site_url + "/khau-hieu/")
    pages = pdf_pages(tab.pdf(tmp_path / "khau-hieu.pdf"))
    assert {size for size, _ in pages} == {A4_PORTRAIT}
    printed = " ".join(text for _, text in pages)
    assert re.findall(r"(?:^| )(\d+)\. ", printed) == [str(n) for n in range(1, 11)]
    assert [printed.index(s) for s in SLOGANS] == sorted(printed.index(s) for s in SLOGANS)
    assert "Sao chép" not in printed and "In băng rôn" not in printed
