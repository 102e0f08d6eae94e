"""Search in a real browser: what a reader types on a 360 px phone, what the
results page shows, the header form, and the copy opened from disk."""

from __future__ import annotations

import re

import json
from pathlib import Path
from urllib.parse import quote

import pytest

from bantin import search
from browser import requires_chromium, serve
from conftest import run_build

pytestmark = requires_chromium

NQ18 = "dan-chieu/18-nq-tw-2017/"
KH02 = "van-ban/2024/02-kh-btgduk/"
CV229 = "van-ban/2024/229-cv-btghu/"
HD_CB = "van-ban/chua-ro-ngay/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi/"
KH127 = "van-ban/chua-ro-ngay/ke-hoach-tuyen-truyen-quan-triet-thuc-hien-ket-luan-127-kl/"
DONE = "document.documentElement.dataset.btSearch === 'done'"
LINKS = "Array.from(document.querySelectorAll('#bt-search-results a'), a => a.getAttribute('href'))"
STATUS = "document.getElementById('bt-search-status').textContent"


@pytest.fixture(scope="module")
def site(built_site: Path):
    with serve(built_site) as base:
        yield base


@pytest.fixture()
def tab(browser):
    return browser.tab(width=360, height=740)


def typed(tab, base: str, text: str) -> list[str]:
    """Open the results page, type ``text`` into its field, press Enter."""
    tab.goto(f"{base}/tim-kiem/")
    tab.wait_for(DONE)
    assert tab.eval("document.activeElement.id") == "bt-search-q"
    tab.eval("document.documentElement.removeAttribute('data-bt-search')")
    tab.type(text)
    tab.eval("document.querySelector('.bt-search').requestSubmit()")
    tab.wait_for(DONE)
    return [href.removeprefix("../") for href in tab.eval(LINKS)]


def test_nghi_quyet_18_typed_without_marks(tab, site: str) -> None:
    found = typed(tab, site, "nghi quyet 18")
    assert found[0] == NQ18
    assert found[1:5] == [KH02, HD_CB, CV229, KH127]


def test_sap_xep_bo_may(tab, site: str) -> None:
    assert typed(tab, site, "sap xep bo may")[:4] == [HD_CB, KH127, CV229, KH02]


def test_khoa_xiii_with_the_old_tone_placement(tab, site: str) -> None:
    found = typed(tab, site, "khoá XIII")
    assert found[:4] == [HD_CB, KH02, CV229, "dan-chieu/173-hd-btgtw-2024/"]
    # The next two score within a hair of each other (the slogans page and a
    # cited guide): their order follows how many pages the site indexes, so
    # only their place after the four is the behaviour.
    assert set(found[4:6]) == {"dan-chieu/61-hd-btghu-2024/", "khau-hieu/"}


def test_a_number_gives_its_page_then_its_citers_only(tab, site: str) -> None:
    assert typed(tab, site, "18-NQ/TW") == [NQ18, KH02, HD_CB, CV229, KH127]
    assert tab.eval(STATUS) == "Tìm thấy 5 kết quả cho “18-NQ/TW”."


def test_a_result_shows_date_kind_number_subject_and_issuer(tab, site: str) -> None:
    tab.goto(f"{site}/tim-kiem/?q={quote('18-NQ/TW')}")
    tab.wait_for(DONE)
    # The excerpts (tested below) come later, from each page: leave them aside.
    lines = tab.eval("Array.from(document.querySelectorAll('#bt-search-results li'), li => { const c = li.cloneNode(true);"
                     " c.querySelectorAll('.bt-search__excerpt').forEach((x) => x.remove()); li.after(c);"
                     " const t = c.innerText.split('\\n'); c.remove(); return t; })")
    # A cited document shows the subject and issuer its citing texts agree on.
    assert lines[0] == ["25/10/2017 · Nghị quyết 18-NQ/TW · văn bản được dẫn chiếu",
                        "Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, "
                        "hoạt động hiệu lực, hiệu quả",
                        "Ban Chấp hành Trung ương Đảng khóa XII"]
    assert lines[1] == [
        "16/12/2024 · Kế hoạch 02-KH/BTGDUK",
        "tuyên truyền việc tổng kết Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XII và sắp xếp "
        "tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả trên địa bàn tỉnh",
        "Ban Tuyên giáo, Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh Thái Bình",
    ]
    assert lines[2][0] == "chưa rõ ngày · Hướng dẫn không số"  # no number, no date: said, not invented


def test_nothing_found_is_said_in_vietnamese(tab, site: str) -> None:
    assert typed(tab, site, "xyzzy") == []
    assert tab.eval(STATUS).startswith("Không tìm thấy văn bản nào cho “xyzzy”.")


QUERIES = ["nghi quyet 18", "Nghị quyết số 18", "sap xep bo may", "sắp xếp bộ máy", "khoá XIII", "khóa xiii",
           "18-NQ/TW", "18 NQ/TW", "18-nq-tw", "18/NQ-TW", "18-NQ", "ket luan 127", "đảng", "dang", "hòa",
           "tuyên truyền Hội nghị Trung ương", "11-HD/BTGDĐUK", "xyzzy khoá", "Thái Bình", "NQ 18", "CV 229", "229\u2013CV/BTGHU"]


def ranks_as_the_reference(tab, base: str, index: search.Index, queries: list[str]) -> None:
    """Each query's hits in the browser (search.js) are the reference's, in its order."""
    tab.goto(f"{base}/tim-kiem/")
    tab.wait_for(DONE)
    for q in queries:
        expected = [h.doc for h in search.rank(search.parse_query(q, index.issuers), index.lookup, len(index.docs))[0]]
        got = tab.eval(f"bantinSearch.run({json.dumps(q)}).then(r => r.hits.map(h => h.doc))")
        assert (q, got) == (q, expected)
        assert got, q  # every query finds something: the comparison says something


def test_the_browser_ranks_as_the_reference_implementation(tab, site: str, built_site: Path) -> None:
    ranks_as_the_reference(tab, site, search.load(built_site), QUERIES)


def test_the_field_has_a_label_and_results_are_announced(tab, site: str) -> None:
    tab.goto(f"{site}/tim-kiem/?q=khoa")
    tab.wait_for(DONE)
    assert tab.eval("document.getElementById('bt-search-q').labels[0].textContent") == "Từ khóa hoặc số hiệu văn bản"
    assert tab.eval("document.getElementById('bt-search-q').value") == "khoa"
    assert tab.eval("document.getElementById('bt-search-status').getAttribute('role')") == "status"
    assert tab.eval(STATUS).startswith("Tìm thấy ")


def test_more_results_come_on_request(tab, site: str) -> None:
    tab.goto(f"{site}/tim-kiem/?q=dang")
    tab.wait_for(DONE)
    assert tab.eval("document.querySelectorAll('#bt-search-results li').length") == 10
    tab.eval("document.getElementById('bt-search-more').click()")
    tab.wait_for("document.querySelectorAll('#bt-search-results li').length > 10")
    assert tab.eval("document.activeElement === document.querySelectorAll('#bt-search-results a')[10]")


def test_the_header_form_opens_the_results_page(tab, site: str) -> None:
    tab.goto(f"{site}/{KH02}")
    button = "document.querySelector('.md-header .bt-hsearch__button')"
    assert tab.eval(f"{button}.getAttribute('aria-label')") == "Tìm kiếm"
    # On a phone only the button shows; it opens the page with its own field.
    assert tab.eval("getComputedStyle(document.querySelector('.bt-hsearch__input')).display") == "none"
    tab.eval(f"{button}.click()")
    tab.wait_for("location.pathname === '/tim-kiem/'")
    tab.wait_for(DONE)
    assert tab.eval("document.activeElement.id") == "bt-search-q"


def test_on_a_wide_screen_the_header_has_a_field(browser, site: str) -> None:
    tab = browser.tab(width=1280, height=800, mobile=False)
    tab.goto(f"{site}/{KH02}")
    tab.eval("document.querySelector('.bt-hsearch__input').focus()")
    tab.type("18-NQ/TW")
    tab.eval("document.querySelector('.bt-hsearch').requestSubmit()")
    tab.wait_for("location.pathname === '/tim-kiem/'")
    tab.wait_for(DONE)
    assert tab.eval(LINKS)[0] == f"../{NQ18}"


def test_search_works_from_the_copy_opened_from_disk(browser, project: Path) -> None:
    """file:// blocks fetch(): the index files load as scripts."""
    (project / "offline.yml").write_text(
        "INHERIT: mkdocs.yml\nuse_directory_urls: false\nextra:\n  bantin:\n    csp: false\n", encoding="utf-8")
    result = run_build(project, "--config-file", str(project / "offline.yml"))
    assert result.returncode == 0, result.output
    tab = browser.tab()
    tab.goto((result.site / "tim-kiem.html").as_uri() + "?q=" + quote("nghi quyet 18"))
    tab.wait_for(DONE)
    assert tab.eval(LINKS)[:2] == ["./dan-chieu/18-nq-tw-2017.html", "./van-ban/2024/02-kh-btgduk.html"]


def test_each_result_shows_an_excerpt_with_the_words_marked(tab, site: str) -> None:
    tab.goto(f"{site}/tim-kiem/?q={quote('sắp xếp bộ máy')}")
    tab.wait_for(DONE)
    # Each line says its excerpt is on its way until the page arrives; pages are
    # fetched as their lines come near the screen.
    tab.eval("document.querySelectorAll('#bt-search-results li')[3].scrollIntoView()")
    tab.wait_for("document.querySelectorAll('#bt-search-results .bt-search__excerpt:not(.bt-search__excerpt--wait)').length >= 4")
    first = tab.eval("document.querySelector('#bt-search-results li')")
    marked = tab.eval("[...document.querySelector('#bt-search-results li .bt-search__excerpt').querySelectorAll('mark')]"
                      ".map((m) => m.textContent.toLowerCase())")
    assert first is not None and set(marked) == {"sắp", "xếp", "bộ", "máy"}
    excerpt = tab.eval("document.querySelector('#bt-search-results li .bt-search__excerpt').textContent")
    assert "sắp xếp" in excerpt.lower() and len(excerpt) < 260


def test_a_cited_documents_excerpt_is_a_citing_sentence_not_its_facts(tab, site: str) -> None:
    tab.goto(f"{site}/tim-kiem/?q={quote('18-NQ/TW')}")
    tab.wait_for(DONE)
    assert tab.eval(LINKS)[0] == f"../{NQ18}"
    tab.wait_for("!document.querySelector('#bt-search-results li .bt-search__excerpt').matches('.bt-search__excerpt--wait')")
    excerpt = tab.eval("document.querySelector('#bt-search-results li .bt-search__excerpt').textContent")
    assert "Số hiệu" not in excerpt and "Nghị quyết số 18-NQ/TW" in excerpt, excerpt
    assert "… …" not in excerpt and "……" not in excerpt, excerpt  # the quote's own ellipsis is enough


def test_the_editors_guide_comes_in_its_own_group_below_the_documents(tab, site: str) -> None:
    tab.goto(f"{site}/tim-kiem/?q={quote('khẩu hiệu')}")
    tab.wait_for(DONE)
    documents = tab.eval("[...document.querySelectorAll('#bt-search-results .bt-entry__link')].map((a) => a.getAttribute('href'))")
    guide = tab.eval("[...document.querySelectorAll('#bt-search-guide-results .bt-entry__link')].map((a) => a.getAttribute('href'))")
    assert documents and guide
    assert [h for h in documents if "huong-dan-bien-tap/" in h] == []
    assert all("huong-dan-bien-tap/" in h for h in guide)
    assert tab.eval("document.getElementById('bt-search-guide-h').textContent") == "Trong hướng dẫn biên tập"
    assert tab.eval("document.getElementById('bt-search-guide').hidden") is False


def test_results_filter_by_kind_year_and_issuer(tab, site: str) -> None:
    tab.goto(f"{site}/tim-kiem/?q={quote('tuyên truyền')}")
    tab.wait_for(DONE)
    options = tab.eval("[...document.querySelectorAll('#bt-filter-kind option')].map((o) => o.textContent)")
    assert options[0] == "Tất cả" and any(o.startswith("Kế hoạch (") for o in options)
    total = int(re.search(r"Tìm thấy (\d+) kết quả", tab.eval(STATUS)).group(1))
    tab.eval("const s = document.getElementById('bt-filter-kind');"
             " s.value = [...s.options].find((o) => o.textContent.startsWith('Kế hoạch (')).value;"
             " s.dispatchEvent(new Event('change'))")
    tab.wait_for("document.querySelectorAll('.bt-search__hit').length > 0")
    kinds = tab.eval("[...document.querySelectorAll('.bt-search__hit .bt-entry__kind')].map((k) => k.textContent)")
    assert set(kinds) == {"Kế hoạch"}
    shown = int(re.search(r"đang lọc: (\d+) kết quả", tab.eval(STATUS)).group(1))
    assert 0 < shown < total
    years = tab.eval("[...document.querySelectorAll('#bt-filter-year option')].map((o) => o.textContent)")
    issuers = tab.eval("[...document.querySelectorAll('#bt-filter-issuer option')].map((o) => o.textContent)")
    assert years[0] == "Tất cả" and any(re.fullmatch(r"20\d\d \(\d+\)", y) for y in years[1:])
    assert any(i.startswith("Ban Tuyên giáo, Huyện ủy Vĩnh Bảo (") for i in issuers)
