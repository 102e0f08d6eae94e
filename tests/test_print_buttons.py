"""Paper and the screen's controls. A print button where a reader prints
(a directive's page, the monthly bulletin's print page): on a phone the
browser's print command is three taps deep (menu, Share, Print); the button
opens it. Buttons, filters and page links stay off the paper."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import requires_chromium, serve
from conftest import many_directives, run_build
from test_print import read_pdf, squash

pytestmark = requires_chromium

BUTTONS = {
    "/van-ban/2024/229-cv-btghu/": "In văn bản (khổ A4)",
    "/van-ban/chua-ro-ngay/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi/": "In văn bản (khổ A4)",
    "/ban-tin/2024-12/ban-in/": "In cả bản tin (khổ A4)",
}


@pytest.fixture(scope="module")
def site(built_site: Path):
    with serve(built_site) as base:
        yield base


@pytest.mark.parametrize(("url", "label"), BUTTONS.items(), ids=["cong-van", "undated", "bulletin"])
def test_a_tap_on_the_print_button_opens_the_print_command(browser, site: str, url: str, label: str) -> None:
    tab = browser.tab(width=360, height=740)
    tab.goto(site + url)
    tab.eval("window.printed = 0; window.print = () => { window.printed += 1; }")
    box = tab.eval("""(() => { const b = document.querySelector('[data-bt-print-page]');
        const r = b.getBoundingClientRect();
        return {text: b.textContent, width: r.width >= 44, height: r.height >= 44, inside: r.right <= innerWidth}; })()""")
    assert box == {"text": label, "width": True, "height": True, "inside": True}
    tab.eval("document.querySelector('[data-bt-print-page]').click()")
    assert tab.eval("window.printed") == 1


@pytest.mark.parametrize("url", BUTTONS, ids=["cong-van", "undated", "bulletin"])
def test_the_print_button_is_not_printed(browser, site: str, url: str, tmp_path: Path) -> None:
    tab = browser.tab(width=1280, height=900, mobile=False)
    tab.goto(site + url)
    tab.eval("document.fonts.ready.then(() => true)")
    text = squash(" ".join(p.text for p in read_pdf(tab.pdf(tmp_path / "p.pdf"))))
    assert "(khổ A4)" not in text
    assert "Ban Tuyên giáo" in text  # the printout is the document: the check says something


def test_search_results_print_without_their_controls(browser, site: str, tmp_path: Path) -> None:
    tab = browser.tab(width=1280, height=900, mobile=False)
    tab.goto(site + "/tim-kiem/?q=18-NQ/TW")
    tab.wait_for("document.documentElement.dataset.btSearch === 'done' && !document.getElementById('bt-search-filters').hidden")
    text = squash(" ".join(p.text for p in read_pdf(tab.pdf(tmp_path / "p.pdf"))))
    assert "Tìm thấy 5 kết quả cho “18-NQ/TW”." in text
    assert [w for w in ("Loại văn bản", "Tất cả", "Đang lấy đoạn trích", "Xem thêm") if w in text] == []


def test_the_offline_page_prints_without_its_download_button(browser, site: str, tmp_path: Path) -> None:
    tab = browser.tab(width=1280, height=900, mobile=False)
    tab.goto(site + "/ngoai-tuyen/", settle=1.0)
    assert tab.eval("[...document.querySelectorAll('.md-content button')].some((b) => b.textContent.startsWith('Tải chỉ mục'))")
    text = squash(" ".join(p.text for p in read_pdf(tab.pdf(tmp_path / "p.pdf"))))
    assert "Các trang đã lưu trên máy này" in text
    assert "Tải chỉ mục" not in text


def test_a_long_listing_prints_its_lines_without_the_page_links(browser, project: Path, tmp_path: Path) -> None:
    # 101 directives of one year: the year's listing has a second page.
    many_directives(project, "2024/229-cv-btghu.md", range(300, 400))
    built = run_build(project)
    assert built.returncode == 0, built.output
    with serve(built.site) as base:
        tab = browser.tab(width=1280, height=900, mobile=False)
        tab.goto(base + "/van-ban/2024/trang-2/")
        assert tab.eval("document.querySelector('.bt-pager').innerText").split() == ["Trang", "trước", "1", "2"]
        text = squash(" ".join(p.text for p in read_pdf(tab.pdf(tmp_path / "p.pdf"))))
    assert "Văn bản năm 2024 (trang 2) 102 văn bản; trang 2/2" in text
    assert "Kế hoạch 02-KH/BTGDUK" in text  # the oldest, last
    assert "Trang trước" not in text
