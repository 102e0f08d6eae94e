"""Unusual but valid input builds; doubtful input fails loudly, never silently."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

from conftest import page, run_build, set_options
from htmltext import text

CV229 = "content/directives/2024/229-cv-btghu.md"


def test_bom_crlf_and_decomposed_unicode_build_like_any_other_file(project: Path) -> None:
    path = project / CV229
    source = path.read_text(encoding="utf-8")
    path.write_bytes(("\ufeff" + unicodedata.normalize("NFD", source).replace("\n", "\r\n")).encode("utf-8"))
    result = run_build(project)
    assert result.returncode == 0, result.output
    html = page(result.site, "/van-ban/2024/229-cv-btghu/")
    assert text(html, "bt-doc__number") == "Số 229-CV/BTGHU"
    assert "Tuyên truyền, lan tỏa ý kiến chỉ đạo của đồng chí Tổng Bí thư Tô Lâm" in text(html, "bt-doc__body")
    assert unicodedata.is_normalized("NFC", html)


def test_an_ambiguous_citation_fails_the_strict_build_naming_file_and_line(project: Path) -> None:
    for year, date in (("2012", "2012-06-07"), ("2023", "2023-02-28")):
        (project / f"content/directives/{year}").mkdir(exist_ok=True)
        (project / f"content/directives/{year}/101-qd-tw.md").write_text(
            f"---\nnumber: 101-QĐ/TW\nkind: Quy định\ntitle: thử\nissuer: Ban Bí thư\ndate: {date}\n---\n\nNội dung.\n",
            encoding="utf-8")
    path = project / CV229
    path.write_text(path.read_text(encoding="utf-8").replace("Trân trọng./.", "Theo Quy định số 101-QĐ/TW.\n\nTrân trọng./."),
                    encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert ("content/directives/2024/229-cv-btghu.md:48: cảnh báo: số hiệu 101-QĐ/TW không ghi ngày và có 2 văn bản "
            "cùng số hiệu: ghi thêm ngày ban hành để chỉ rõ văn bản nào") in result.output


def test_what_an_editor_adds_about_a_cited_document_shows_on_its_page(project: Path) -> None:
    (project / "content/references").mkdir(exist_ok=True)
    (project / "content/references/18-nq-tw.yml").write_text(
        "number: 18-NQ/TW\ndate: 2017-10-25\nkind: Nghị quyết\n"
        "title: Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, "
        "hoạt động hiệu lực, hiệu quả\nissuer: Ban Chấp hành Trung ương Đảng khóa XII\nurl: https://tulieuvankien.dangcongsan.vn/\n",
        encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    facts = text(page(result.site, "/dan-chieu/18-nq-tw-2017/"), "bt-facts")
    assert facts == (
        "Số hiệu 18-NQ/TW Loại văn bản Nghị quyết Ngày ban hành 25/10/2017 Trích yếu Một số vấn đề về tiếp tục đổi mới, "
        "sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả Cơ quan ban hành "
        "Ban Chấp hành Trung ương Đảng khóa XII Bản chính thức https://tulieuvankien.dangcongsan.vn/")


def test_a_reference_file_with_a_bad_link_fails_with_its_line(project: Path) -> None:
    (project / "content/references").mkdir(exist_ok=True)
    (project / "content/references/18-nq-tw.yml").write_text(
        "number: 18-NQ/TW\ndate: 2017-10-25\nurl: javascript:alert(1)\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert ("content/references/18-nq-tw.yml:3: url: đường dẫn chính thức phải bắt đầu bằng http:// hoặc https://"
            in result.output)


def test_a_misspelt_or_mistyped_option_in_mkdocs_yml_is_named_in_vietnamese(project: Path) -> None:
    set_options(project, '    bulletn_name: Bản tin\n    csp: "no"\n')
    result = run_build(project)
    assert result.returncode != 0
    assert ("mkdocs.yml: extra.bantin.bulletn_name: không có tùy chọn này; có phải là 'bulletin_name'?; "
            "extra.bantin.csp: phải là true hoặc false, không phải 'no'") in result.output


def test_a_project_without_its_content_folder_fails_in_vietnamese(project: Path) -> None:
    shutil.rmtree(project / "content")
    result = run_build(project)
    assert result.returncode != 0
    assert "content:1: không có thư mục nội dung 'content/'" in result.output
