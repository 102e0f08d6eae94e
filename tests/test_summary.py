"""The summary box at the top of a directive: its facts, what it implements,
its deadlines and status (an editor's ``replaced_by:``), its original file
(PDF or Word beside the Markdown), and contents that work on a phone."""

from __future__ import annotations

import re
from pathlib import Path

from browser import requires_chromium, serve
from conftest import page, run_build
from htmltext import text

KH02 = "/van-ban/2024/02-kh-btgduk/"
CV229 = "/van-ban/2024/229-cv-btghu/"
HD_CB = "/van-ban/chua-ro-ngay/huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi/"
KH02_MD = "content/directives/2024/02-kh-btgduk.md"
# Not a real PDF's content, but what a PDF begins with: the site copies bytes as they are.
PDF = b"%PDF-1.4\n% bantin test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def summary(html: str) -> str:
    return text(html, "bt-summary__facts")


def add_field(project: Path, line: str) -> None:
    path = project / KH02_MD
    path.write_text(path.read_text(encoding="utf-8").replace("draft: false\n", f"draft: false\n{line}\n"),
                    encoding="utf-8")


def test_the_top_of_a_directive_sums_it_up(built_site: Path) -> None:
    assert summary(page(built_site, KH02)) == (
        "Số hiệu 02-KH/BTGDUK Loại Kế hoạch "
        "Cơ quan ban hành Ban Tuyên giáo (Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh Thái Bình) "
        "Ngày ban hành 16/12/2024 Người ký Vũ Văn Phóng, trưởng ban "
        # What it implements: only 77-KH/BTGTU (18-NQ/TW is that plan's subject), with
        # the subject its citing text gives.
        "Thực hiện Kế hoạch 77-KH/BTGTU tuyên truyền việc tổng kết Nghị quyết số 18-NQ/TW và sắp xếp tổ chức "
        "bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả "
        "Tình trạng Còn hiệu lực (chưa có văn bản thay thế) (tính đến 01/01/2026).")


def test_the_summary_comes_before_the_official_text_and_stays_off_paper(built_site: Path) -> None:
    html = page(built_site, KH02)
    assert html.index('class="bt-summary bt-noprint"') < html.index('class="bt-doc"')


def test_what_the_text_lacks_is_said_and_passed_deadlines_are_marked(built_site: Path) -> None:
    facts = summary(page(built_site, HD_CB))
    assert facts.startswith("Số hiệu Văn bản không ghi số hiệu Loại Hướng dẫn")
    assert "Ngày ban hành Văn bản không ghi ngày" in facts
    assert re.search(r"Thời hạn 31/12/2024 \(đã qua\): ", facts)
    assert facts.endswith("Còn hiệu lực (chưa có văn bản thay thế); đã qua mọi thời hạn (tính đến 01/01/2026).")


def test_an_editor_says_a_directive_is_replaced_by_a_number(project: Path) -> None:
    add_field(project, "replaced_by: 05-kh/btgduk")
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert text(page(result.site, KH02), "bt-summary__status") == (
        "Đã được thay thế bằng văn bản số 05-KH/BTGDUK (tính đến 01/01/2026).")


def test_a_replacement_in_the_bulletin_is_linked(project: Path) -> None:
    add_field(project, "replaced_by: directives/2024/229-cv-btghu.md")
    result = run_build(project)
    assert result.returncode == 0, result.output
    html = page(result.site, KH02)
    assert text(html, "bt-summary__status") == "Đã được thay thế bằng Công văn 229-CV/BTGHU (tính đến 01/01/2026)."
    assert '<a href="../229-cv-btghu/">Công văn 229-CV/BTGHU</a>' in html


def test_a_replacement_that_is_neither_number_nor_directive_stops_the_build(project: Path) -> None:
    add_field(project, "replaced_by: kế hoạch mới")
    result = run_build(project)
    assert result.returncode != 0
    assert ("content/directives/2024/02-kh-btgduk.md:27: replaced_by: 'kế hoạch mới' không phải số hiệu "
            "(ví dụ 05-KH/BTGDUK) hay đường dẫn văn bản (ví dụ directives/2025/05-kh-btgduk.md)") in result.output
    assert "Traceback" not in result.output


def test_a_replacement_path_must_name_a_directive(project: Path) -> None:
    add_field(project, "replaced_by: directives/2025/05-kh-btgduk.md")
    result = run_build(project)
    assert result.returncode != 0
    assert "content/directives/2024/02-kh-btgduk.md:27: replaced_by: không có văn bản content/directives/2025/05-kh-btgduk.md" in result.output


def test_the_original_file_beside_the_markdown_is_offered_for_download(project: Path) -> None:
    (project / "content/directives/2024/02-kh-btgduk.PDF").write_bytes(PDF)
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert (result.site / "van-ban/2024/02-kh-btgduk/02-kh-btgduk.pdf").read_bytes() == PDF
    html = page(result.site, KH02)
    assert '<a href="02-kh-btgduk.pdf" download>Tải văn bản gốc (PDF)</a>' in html
    assert "Tải văn bản gốc" not in page(result.site, CV229)


def test_a_word_original_is_offered_when_there_is_no_pdf(project: Path) -> None:
    (project / "content/directives/2024/229-cv-btghu.docx").write_bytes(b"PK\x03\x04 not really a docx")
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert '<a href="229-cv-btghu.docx" download>Tải văn bản gốc (Word)</a>' in page(result.site, CV229)


def test_an_original_without_its_markdown_stops_the_build(project: Path) -> None:
    (project / "content/directives/2024/03-kh-btgduk.pdf").write_bytes(PDF)
    result = run_build(project)
    assert result.returncode != 0
    assert ("content/directives/2024/03-kh-btgduk.pdf:1: tệp gốc không có văn bản đi kèm: đặt nó cạnh tệp .md "
            "cùng tên (ví dụ 02-kh-btgduk.md và 02-kh-btgduk.pdf), hoặc xóa nó") in result.output


@requires_chromium
def test_the_contents_open_and_lead_to_a_section_on_a_phone(browser, built_site: Path) -> None:
    tab = browser.tab(width=360)
    with serve(built_site) as base:
        tab.goto(base + HD_CB)
        box = tab.eval("(() => { const r = document.querySelector('.bt-summary__toc > summary').getBoundingClientRect();"
                       " return [r.width > 0, r.height >= 44]; })()")
        assert box == [True, True]
        tab.eval("document.querySelector('.bt-summary__toc > summary').click()")
        first = tab.eval("document.querySelector('.bt-summary__toc a').getAttribute('href')")
        assert first.startswith("#")
        tab.eval("document.querySelector('.bt-summary__toc a').click()")
        tab.wait_for(f"decodeURIComponent(location.hash) === {first!r}")
        top = tab.eval(f"document.getElementById(decodeURIComponent({first[1:]!r})).getBoundingClientRect().top")
        assert 0 <= top < 200  # the section is on screen, below the header
