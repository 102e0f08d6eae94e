"""The built sample site: one official page per directive, faithful to its seed."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, copy_project, page, run_build
from htmltext import text

KH02 = "/van-ban/2024/02-kh-btgduk/"
CV229 = "/van-ban/2024/229-cv-btghu/"
KH_NTL = "/van-ban/chua-ro-ngay/ke-hoach-tuyen-truyen-quan-triet-thuc-hien-ket-luan-127-kl/"
HD_CB = "/van-ban/chua-ro-ngay/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi/"

# Each seed, and the words where the part the page must reproduce in order
# begins (the header block before it is laid out differently: checked apart).
SEED_PAGES = {
    "000_6d727a2a5508cfde.txt": (KH02, "Thực hiện Kế hoạch số 77"),
    "001_616bf6ae4a111970.txt": (CV229, "Kính gửi:"),
    "002_79b63b57ade90eba.txt": (KH_NTL, "KẾ HOẠCH"),
    "004_79d78c7148d5feae.txt": (HD_CB, "HƯỚNG DẪN"),
}


def words(value: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", value).lower())


def test_one_page_per_seed_under_van_ban(built_site: Path) -> None:
    pages = sorted(p.parent.relative_to(built_site).as_posix() for p in built_site.glob("van-ban/*/*/index.html")
                   if p.parent.parent.name != "loai" and p.parent.parent.name != "co-quan")
    assert pages == [
        "van-ban/2024/02-kh-btgduk", "van-ban/2024/229-cv-btghu",
        "van-ban/chua-ro-ngay/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi",
        "van-ban/chua-ro-ngay/ke-hoach-tuyen-truyen-quan-triet-thuc-hien-ket-luan-127-kl",
    ]


@pytest.mark.parametrize("seed", sorted(SEED_PAGES))
def test_every_word_of_the_seed_reaches_its_page_in_order(built_site: Path, seed: str) -> None:
    url, start = SEED_PAGES[seed]
    source = (SEEDS / seed).read_text(encoding="utf-8")
    expected = words(source[source.index(start):])
    shown = words(text(page(built_site, url), "bt-doc"))
    missing_at, pos = None, 0
    for i, word in enumerate(expected):
        try:
            pos = shown.index(word, pos) + 1
        except ValueError:
            missing_at = i
            break
    assert missing_at is None, f"từ thứ {missing_at} không có trên trang: …{' '.join(expected[max(0, missing_at - 8):missing_at + 3])}…"
    assert len(expected) > 400


def test_the_directive_page_has_the_official_header_block(built_site: Path) -> None:
    html = page(built_site, KH02)
    assert text(html, "bt-doc__issuer") == "Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh Thái Bình Ban Tuyên giáo * Số 02-KH/BTGDUK"
    assert text(html, "bt-doc__party") == "Đảng Cộng sản Việt Nam Thái Bình, ngày 16 tháng 12 năm 2024"
    assert text(html, "bt-doc__title") == (
        "Kế hoạch tuyên truyền việc tổng kết Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XII "
        "và sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả trên địa bàn tỉnh")
    assert text(html, "bt-doc__signature") == "Trưởng ban Vũ Văn Phóng"
    assert text(html, "bt-doc__recipients").startswith("Nơi nhận: Ban Tuyên giáo Tỉnh ủy (để báo cáo) Thường trực Đảng ủy Khối (để báo cáo)")


def test_a_cong_van_shows_its_subject_under_the_number_and_its_addressees(built_site: Path) -> None:
    html = page(built_site, CV229)
    assert text(html, "bt-doc__vv") == (
        "V/v đẩy mạnh tuyên truyền chủ trương sắp xếp, tinh gọn tổ chức bộ máy của hệ thống chính trị thành phố")
    assert text(html, "bt-doc__addressees") == (
        "Kính gửi: Các chi bộ, đảng bộ trực thuộc Huyện ủy Các cơ quan tham mưu giúp việc Huyện ủy "
        "Ủy ban MTTQ Việt Nam và các tổ chức chính trị xã hội huyện")
    assert text(html, "bt-doc__signature") == "K/T Trưởng ban Phó Trưởng ban Dương Thị Bích"


def test_what_the_text_does_not_give_is_shown_as_missing_not_invented(built_site: Path) -> None:
    html = page(built_site, KH_NTL)
    # The screen says what is missing; paper (tests/test_print.py) keeps the official slot empty.
    assert text(html, "bt-screen") == "Văn bản không ghi số hiệu Văn bản không ghi địa danh, ngày ban hành"
    assert '<span class="bt-print">Số <span class="bt-slot"></span></span>' in html
    assert '<p class="bt-doc__issued bt-print">…, ngày … tháng … năm …</p>' in html
    assert text(html, "bt-doc__inferred").startswith(
        "Văn bản gốc không ghi đủ phần đầu; các thông tin sau được lấy từ nội dung: Cơ quan ban hành: dòng 11:")


def test_heading_anchors_keep_vietnamese_letters(built_site: Path) -> None:
    assert 'id="iii-đối-tượng-hình-thức-triển-khai"' in page(built_site, KH_NTL)


def test_the_first_mention_in_each_section_is_a_link_and_the_rest_plain_text(built_site: Path) -> None:
    body = page(built_site, KH02).split('class="bt-doc__body"')[1].split("</article>")[0]
    # 18-NQ/TW is named 14 times in five sections: five links, each with the anchor of its passage.
    assert body.count("18-NQ/TW") == 14
    assert re.findall(r'<a class="bt-cite" href="../../../dan-chieu/18-nq-tw-2017/" id="(dc-\d+)">Nghị quyết số 18-NQ/TW</a>', body) == [
        "dc-1", "dc-3", "dc-6", "dc-14", "dc-20"]
    assert '<a class="bt-cite" href="../../../dan-chieu/11-hd-btgdduk-2024/" id="dc-15">Hướng dẫn số 11-HD/BTGDƯK</a>' in body
    assert 'href="./"' not in body


def test_a_cited_documents_excerpts_mark_the_number_and_link_to_its_passage(built_site: Path) -> None:
    html = page(built_site, "/dan-chieu/18-nq-tw-2017/")
    quotes = re.findall(r'<blockquote class="bt-quote">(.*?)</blockquote>', html)
    assert quotes[2] == (
        '<a class="bt-quote__link" href="../../van-ban/2024/02-kh-btgduk/#dc-1">Thực hiện Kế hoạch số 77-KH/BTGTU, '
        "ngày 10/12/2024 của Ban Tuyên giáo Tỉnh ủy về tuyên truyền việc tổng kết "
        '<mark class="bt-quote__number">Nghị quyết số 18-NQ/TW</mark> và sắp xếp tổ chức bộ máy của hệ thống chính '
        "trị tinh gọn, hoạt động hiệu lực, hiệu quả (sau đây viết tắt là Nghị quyết số 18-NQ/TW) trên địa bàn "
        "tỉnh, Ban Tuyên giáo…</a>")
    # Two mentions in one sentence give one excerpt, not two.
    assert len(quotes) == len(set(quotes))


def test_the_cited_document_page_lists_every_citing_directive_newest_first(built_site: Path) -> None:
    html = page(built_site, "/dan-chieu/18-nq-tw-2017/")
    citing = re.findall(r'class="bt-entry__link" href="([^"]+)"', html.split("Văn bản dẫn chiếu (4)")[1])
    assert citing == ["../../van-ban/2024/229-cv-btghu/", "../../van-ban/2024/02-kh-btgduk/",
                      "../../" + HD_CB.lstrip("/"), "../../" + KH_NTL.lstrip("/")]
    assert "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII" in text(html)


def test_a_directive_page_shows_who_cites_it_and_what_it_implements(built_site: Path) -> None:
    panel = text(page(built_site, KH_NTL), "bt-links")
    assert panel.startswith("Văn bản liên quan Văn bản này thực hiện 28/02/2025 · Kết luận 127-KL/TW")
    assert "Chưa có văn bản nào trong bản tin dẫn chiếu văn bản này." in panel
    # The sample directives share only 18-NQ/TW, which all of them cite: no "related" list.
    assert "Văn bản cùng dẫn chiếu" not in panel


def test_a_cited_documents_page_shows_what_each_citing_text_says_of_it(built_site: Path) -> None:
    facts = text(page(built_site, "dan-chieu/127-kl-tw-2025/"), "bt-facts")
    assert ("Cơ quan ban hành (các văn bản dẫn chiếu ghi khác nhau) "
            "Bộ Chính trị, Ban Bí thư Trung ương Đảng (theo Kế hoạch không số) "
            "Bộ Chính trị, Ban Bí thư (theo Kế hoạch không số)") in facts


def test_the_home_page_lists_the_newest_directives_first(built_site: Path) -> None:
    home = page(built_site, "/")
    assert re.findall(r'class="bt-entry__number">([^<]+)<', home.split('id="bt-newest-h"')[1])[:2] == [
        "229-CV/BTGHU", "02-KH/BTGDUK"]
    assert all(label in text(home) for label in ("Theo năm", "Theo loại văn bản", "Theo cơ quan ban hành"))


def test_the_site_speaks_vietnamese(built_site: Path) -> None:
    assert '<html lang="vi"' in page(built_site, KH02)


def test_urls_are_ascii_and_lowercase(built_site: Path) -> None:
    bad = [p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
           if not p.relative_to(built_site).as_posix().isascii() or p.relative_to(built_site).as_posix() != p.relative_to(built_site).as_posix().lower()]
    assert bad == []


def test_no_page_or_style_loads_anything_from_another_host(built_site: Path) -> None:
    loads = re.compile(r"""(?:<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc|<link\b[^>]*\bhref)\s*=\s*["']?(?:https?:)?//""", re.I)
    css_loads = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])(?:https?:)?//""", re.I)
    offenders = [p.relative_to(built_site).as_posix() for p in built_site.rglob("*")
                 if p.suffix == ".html" and loads.search(p.read_text(encoding="utf-8"))
                 or p.suffix == ".css" and css_loads.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_a_draft_is_published_nowhere(project: Path) -> None:
    path = project / "content/directives/2024/229-cv-btghu.md"
    path.write_text(path.read_text(encoding="utf-8").replace("draft: false", "draft: true"), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    # Its URL, and a sentence only its body has; its number, everywhere but
    # the editors' guide, which uses it as an example.
    marks = ("229-cv-btghu", "Tổng Bí thư Tô Lâm", "Tô Lâm")
    leaks = []
    for p in result.site.rglob("*"):
        if p.is_file() and p.suffix in (".html", ".xml", ".json", ".js", ".txt"):
            content = unicodedata.normalize("NFC", p.read_text(encoding="utf-8", errors="ignore"))
            rel = p.relative_to(result.site).as_posix()
            if any(m in content for m in marks) or ("229-CV/BTGHU" in content and not rel.startswith("huong-dan-bien-tap/")):
                leaks.append(rel)
    assert leaks == []


@pytest.mark.parametrize(("old", "new", "message"), [
    ("date: 2024-12-16", "date: 2024-02-30", "content/directives/2024/02-kh-btgduk.md:8: date: ngày '2024-02-30' không tồn tại"),
    ("kind: Kế hoạch", "kind: Kế hoạch tuyên truyền", "content/directives/2024/02-kh-btgduk.md:3: kind: giá trị 'Kế hoạch tuyên truyền' không hợp lệ"),
    ("number: 02-KH/BTGDUK", "number: 229-CV/BTGHU",
     "content/directives/2024/229-cv-btghu.md:2: number: số hiệu 229-CV/BTGHU (năm 2024) đã dùng cho content/directives/2024/02-kh-btgduk.md"),
], ids=["impossible-date", "unknown-kind", "duplicate-number"])
def test_broken_front_matter_fails_the_build_naming_file_and_line(project: Path, old: str, new: str, message: str) -> None:
    path = project / "content/directives/2024/02-kh-btgduk.md"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("trang cũ", encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert message in result.output
    # The build stopped before touching the previous site.
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "trang cũ"


def test_heading_links_are_labelled_in_vietnamese(built_site: Path) -> None:
    # Python-Markdown's own label is English ("Permanent link").
    assert page(built_site, KH02).count('class="headerlink" href="#i-mục-đích-yêu-cầu" title="Liên kết tới mục này"') == 1
    assert [p.name for p in built_site.rglob("*.html") if "Permanent link" in p.read_text(encoding="utf-8")] == []


def test_the_404_page_is_vietnamese_with_search_and_the_way_home(built_site: Path) -> None:
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert text(html, "md-content").replace("¶", "").startswith(
        "Không tìm thấy trang này Bản tin không có trang ở địa chỉ vừa mở.")
    assert "Not found" not in html
    # Served at any path: every link starts at the site's root.
    assert '<form class="bt-search" role="search" action="/tim-kiem/" method="get">' in html
    assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', html.split('class="bt-404-ways"')[1]) == [
        ("/", "Trang chủ"), ("/van-ban/", "Kho văn bản"), ("/ban-tin/", "Bản tin tháng"),
        ("/khau-hieu/", "Khẩu hiệu tuyên truyền")]


def test_the_home_page_leads_to_the_latest_bulletin_and_the_slogans(built_site: Path) -> None:
    html = page(built_site, "/")
    assert text(html, "bt-home-ways") == (
        "Bản tin tháng mới nhất Tháng 12 năm 2024 · 2 văn bản Khẩu hiệu tuyên truyền 1 bộ khẩu hiệu đang sử dụng")
    assert re.findall(r'<a href="([^"]+)"><span class="bt-home-ways__name">', html) == ["ban-tin/2024-12/", "khau-hieu/"]


def test_a_directives_legal_basis_is_shown_apart_from_what_it_implements(project: Path) -> None:
    (project / "content/directives/2025").mkdir(parents=True)
    (project / "content/directives/2025/12-kh-btgtu.md").write_text(
        "---\nnumber: 12-KH/BTGTU\nkind: Kế hoạch\ntitle: tuyên truyền công tác văn thư\nissuer: Ban Tuyên giáo\n"
        "date: 2025-03-01\n---\n\n"
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;\n\n"
        "Thực hiện Kế hoạch số 77-KH/BTGTU, ngày 10/12/2024 của Ban Tuyên giáo Tỉnh ủy, Ban Tuyên giáo xây dựng "
        "Kế hoạch như sau:\n\n## I. MỤC ĐÍCH\n\nNội dung.\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    html = page(result.site, "/van-ban/2025/12-kh-btgtu/")
    assert text(html, "bt-summary__facts").split("Người ký")[1].split("Tình trạng")[0] == (
        " Văn bản không ghi người ký Căn cứ Nghị định 30/2020/NĐ-CP công tác văn thư "
        "Thực hiện Kế hoạch 77-KH/BTGTU tuyên truyền việc tổng kết Nghị quyết số 18-NQ/TW và sắp xếp tổ chức bộ máy "
        "của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả ")
    panel = text(html, "bt-links")
    assert panel.startswith("Văn bản liên quan Căn cứ ban hành 05/03/2020 · Nghị định 30/2020/NĐ-CP")
    assert "Văn bản này thực hiện 10/12/2024 · Kế hoạch 77-KH/BTGTU" in panel


def test_a_document_cited_by_many_lists_them_a_page_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    from bantin import links
    from bantin.corpus import load_corpus
    from bantin.pages import build_pages, documents

    monkeypatch.setattr(documents, "LISTING_PAGE_SIZE", 3)
    corpus = load_corpus(ROOT)
    specs = {s.src_uri: s for s in build_pages(corpus, links.build_graph(corpus.published, corpus.references))}
    first, second = specs["dan-chieu/18-nq-tw-2017.md"], specs["dan-chieu/18-nq-tw-2017/trang-2.md"]
    assert [len(s.context["shown"]) for s in (first, second)] == [3, 1]
    assert second.title == "Nghị quyết 18-NQ/TW (trang 2)"
    assert second.context["pager"].previous == "dan-chieu/18-nq-tw-2017.md"
    # Search reads the first page, with every citing sentence; the others stay out of it.
    assert len(first.context["citing"]) == 4 and first.markdown == ""
    assert second.markdown.startswith("---\nsearch:\n  exclude: true\n---\n")


STATE_KH = """---
number: 15/KH-UBND
kind: Kế hoạch
title: tuyên truyền kỷ niệm ngày thành lập tỉnh
issuer: Ủy ban nhân dân tỉnh Thái Bình
place: Thái Bình
date: 2025-03-02
signer:
  authority: T/M
  on_behalf_of: Ủy ban nhân dân
  second_authority: K/T
  second_on_behalf_of: Chủ tịch
  position: Phó Chủ tịch
  name: Nguyễn Văn An
---

Nội dung kế hoạch.
"""


def test_a_state_document_shows_the_state_form(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "content/directives/2025").mkdir(parents=True, exist_ok=True)
    (project / "content/directives/2025/15-kh-ubnd.md").write_text(STATE_KH, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    html = page(result.site, "/van-ban/2025/15-kh-ubnd/")
    assert text(html, "bt-doc__issuer") == "Ủy ban nhân dân tỉnh Thái Bình Số: 15/KH-UBND"
    assert text(html, "bt-doc__party") == (
        "Cộng hòa xã hội chủ nghĩa Việt Nam Độc lập - Tự do - Hạnh phúc Thái Bình, ngày 02 tháng 3 năm 2025")
    assert text(html, "bt-doc__signature") == "TM. Ủy ban nhân dân KT. Chủ tịch Phó Chủ tịch Nguyễn Văn An"
