"""Every page type on a 360×740 phone: no sideways scrolling, body text of
at least 16 px, tap targets of at least 44 px, the document header in one
column. Measured in chromium on the built sample site, as a reader sees it."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from browser import requires_chromium, serve

KH02 = "/van-ban/2024/02-kh-btgduk/"
CV229 = "/van-ban/2024/229-cv-btghu/"
HD_CB = "/van-ban/chua-ro-ngay/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi/"

PAGES = {
    "home": "/",
    "directive": KH02,
    "cong-van": CV229,
    "undated-directive": HD_CB,
    "cited-document": "/dan-chieu/18-nq-tw-2017/",
    "timeline": "/dong-thoi-gian/",
    "slogans": "/khau-hieu/",
    "archive": "/van-ban/",
    "year": "/van-ban/2024/",
    "bulletin": "/ban-tin/2024-12/",
    "bulletin-print": "/ban-tin/2024-12/ban-in/",
    "bulletins": "/ban-tin/",
    "offline-notice": "/ngoai-tuyen/",
    "search": "/tim-kiem/",
}

# What a reader meets on the page as loaded: every visible text in the
# content, and every visible control of the page. A link inside a sentence is
# exempt from the target size (WCAG 2.5.8 "inline"); one standing alone is
# not. Labels count when they are the control (Material's menu and search
# buttons are labels of hidden checkboxes), not as captions of a field.
MEASURE = r"""(() => {
  const vw = window.innerWidth;
  const shown = (el) => {
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > 0 && r.left < vw;
  };
  const squash = (s) => s.replace(/\s+/g, " ").trim();
  const name = (el) => (el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : el.tagName.toLowerCase());
  const small = [];
  const walker = document.createTreeWalker(document.querySelector(".md-content"), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!squash(node.textContent) || !shown(el)) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 16) small.push(`${name(el)} ${size}px «${squash(node.textContent).slice(0, 30)}»`);
  }
  const tiny = [];
  const controls = "a[href], button, input:not([type=hidden]), select, textarea, summary, label[for]";
  for (const el of document.querySelectorAll(controls)) {
    if (el.matches("label") && !document.getElementById(el.htmlFor)?.matches("[type=checkbox], [type=radio]")) continue;
    if (!shown(el)) continue;
    if (getComputedStyle(el).display.startsWith("inline")) {  // inline-block too: a citation kept in one piece
      let block = el.parentElement;
      while (getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
      if (squash(block.textContent) !== squash(el.textContent)) continue;  // a link in running text
    }
    const r = el.getBoundingClientRect();
    if (r.height < 44 || r.width < 44) tiny.push(`${name(el)} ${Math.round(r.width)}×${Math.round(r.height)} «${squash(el.textContent).slice(0, 30)}»`);
  }
  return {scroll: document.documentElement.scrollWidth, viewport: vw, small, tiny};
})()"""


@pytest.fixture(scope="module")
def phone(browser, built_site: Path) -> Iterator:
    with serve(built_site) as base:
        tab = browser.tab(width=360, height=740)
        tab.base = base
        yield tab


def measure(phone, url: str) -> dict:
    phone.goto(phone.base + url)
    return phone.eval(MEASURE)


@requires_chromium
@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_nothing_is_wider_than_the_phone(phone, url: str) -> None:
    found = measure(phone, url)
    assert (found["scroll"], found["viewport"]) == (360, 360)


@requires_chromium
def test_the_search_filters_fit_the_phone(phone) -> None:
    # An issuer's long name makes its option, and with it the select, wider than the screen.
    phone.goto(phone.base + "/tim-kiem/?q=18-NQ/TW")
    phone.wait_for("document.documentElement.dataset.btSearch === 'done' && !document.getElementById('bt-search-filters').hidden")
    found = phone.eval(MEASURE)
    assert (found["scroll"], found["viewport"]) == (360, 360)
    assert phone.eval("document.getElementById('bt-filter-issuer').getBoundingClientRect().right") <= 360


@requires_chromium
@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_text_is_at_least_16_px(phone, url: str) -> None:
    assert measure(phone, url)["small"] == []


@requires_chromium
@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_every_tap_target_is_at_least_44_px(phone, url: str) -> None:
    assert measure(phone, url)["tiny"] == []


@requires_chromium
@pytest.mark.parametrize("url", [KH02, CV229, HD_CB], ids=["ke-hoach", "cong-van", "undated"])
def test_the_document_header_reflows_into_one_column(phone, url: str) -> None:
    phone.goto(phone.base + url)
    issuer, party = phone.eval("""[".bt-doc__issuer", ".bt-doc__party"].map((s) => {
        const r = document.querySelector(s).getBoundingClientRect();
        return {left: Math.round(r.left), right: Math.round(r.right), top: r.top, bottom: r.bottom};
    })""")
    assert (party["left"], party["right"]) == (issuer["left"], issuer["right"])
    assert party["top"] >= issuer["bottom"]


@requires_chromium
def test_on_a_wide_screen_the_header_keeps_its_two_columns(browser, built_site: Path) -> None:
    with serve(built_site) as base:
        tab = browser.tab(width=1280, height=900, mobile=False)
        tab.goto(base + KH02)
        issuer, party = tab.eval("""[".bt-doc__issuer", ".bt-doc__party"].map((s) => {
            const r = document.querySelector(s).getBoundingClientRect();
            return {left: r.left, right: r.right, top: Math.round(r.top)};
        })""")
    assert issuer["right"] <= party["left"]
    assert issuer["top"] == party["top"]


@requires_chromium
def test_capitals_come_from_the_style_not_the_content(phone) -> None:
    phone.goto(phone.base + CV229)
    shown = phone.eval("""[".bt-doc__issuer-name", ".bt-doc__party-name", ".bt-doc__authority", ".bt-doc__position"]
        .map((s) => document.querySelector(s).innerText)""")
    assert shown == ["BAN TUYÊN GIÁO", "ĐẢNG CỘNG SẢN VIỆT NAM", "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
    phone.goto(phone.base + KH02)
    assert phone.eval("document.querySelector('.bt-doc__kind').innerText") == "KẾ HOẠCH"


@requires_chromium
def test_a_phone_downloads_no_print_font(phone) -> None:
    phone.goto(phone.base + KH02, settle=1.0)
    fonts = phone.eval("performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/fonts/'))")
    assert fonts == []


@requires_chromium
def test_citations_never_break_inside_on_a_phone(phone) -> None:
    broken = []
    for url in ("/van-ban/2024/02-kh-btgduk/", "/van-ban/2024/229-cv-btghu/",
                "/van-ban/chua-ro-ngay/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi/"):
        phone.goto(phone.base + url)
        links = """[...document.querySelectorAll('.bt-doc__body a[href*="dan-chieu/"], .bt-doc__body a[href*="van-ban/"]')]"""
        assert phone.eval(links + ".length") > 0, url
        broken += phone.eval(links + ".filter((a) => a.getClientRects().length > 1).map((a) => a.textContent)")
    assert broken == []


@requires_chromium
def test_a_summary_link_too_wide_for_its_line_puts_kind_and_number_on_lines_of_their_own(phone) -> None:
    phone.goto(phone.base + KH02)
    # "Kế hoạch 77-KH/BTGTU" is wider than the summary's column at 360 px.
    lines = phone.eval("""(() => {
      const a = document.querySelector('.bt-summary__list a.bt-cite');
      const lines = (node) => { const r = document.createRange(); r.selectNodeContents(node); return r; };
      const kind = lines(a.firstChild), number = lines(a.querySelector('.bt-nowrap').firstChild);
      return [a.textContent.trim(), kind.getClientRects().length, number.getClientRects().length,
              Math.round(number.getBoundingClientRect().top - kind.getBoundingClientRect().top) > 0];
    })()""")
    assert lines == ["Kế hoạch 77-KH/BTGTU", 1, 1, True]
