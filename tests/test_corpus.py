"""Content validation: every problem names file, line and field, in Vietnamese."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from bantin.corpus import load_corpus

GOOD = """---
number: 02-KH/BTGDUK
kind: Kế hoạch
title: tuyên truyền việc tổng kết Nghị quyết số 18-NQ/TW
issuer: Ban Tuyên giáo
parent: Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh Thái Bình
place: Thái Bình
date: 2024-12-16
---

Thực hiện Kế hoạch số 77-KH/BTGTU, ngày 10/12/2024 của Ban Tuyên giáo Tỉnh ủy.
"""


def write(root: Path, rel: str, text: str | bytes) -> Path:
    path = root / "content" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def messages(root: Path) -> list[str]:
    return [str(p) for p in load_corpus(root).problems]


def test_a_valid_directive_becomes_a_record(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD)
    corpus = load_corpus(tmp_path)
    assert corpus.problems == ()
    (d,) = corpus.directives
    assert (d.number, d.kind, d.date, d.place, d.slug, d.folder) == (
        "02-KH/BTGDUK", "Kế hoạch", dt.date(2024, 12, 16), "Thái Bình", "02-kh-btgduk", "2024")
    assert d.body.startswith("Thực hiện Kế hoạch số 77-KH/BTGTU")
    assert d.body_line == 11


def test_an_impossible_date_names_file_line_and_field(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("2024-12-16", "2024-02-30"))
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:8: date: ngày '2024-02-30' không tồn tại"]


def test_a_date_in_another_shape_is_explained(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("2024-12-16", "16/12/2024"))
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:8: date: ngày '16/12/2024' không đúng dạng NĂM-THÁNG-NGÀY, ví dụ 2024-12-16"]


def test_an_unknown_kind_suggests_the_nearest(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("kind: Kế hoạch", "kind: Kế hoach"))
    (message,) = messages(tmp_path)
    assert message.startswith("content/directives/2024/02-kh-btgduk.md:3: kind: giá trị 'Kế hoach' không hợp lệ; có phải là 'Kế hoạch'?")


def test_a_mistyped_field_name_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("issuer:", "isuer:"))
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:5: isuer: trường không xác định; có phải là 'issuer'?",
        "content/directives/2024/02-kh-btgduk.md:1: issuer: thiếu trường bắt buộc (ghi null nếu văn bản không có)",
    ]


def test_a_field_of_the_wrong_type_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("place: Thái Bình", "place: [Thái Bình]"))
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:7: place: phải là một chuỗi chữ, không phải danh sách"]


def test_a_malformed_number_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("02-KH/BTGDUK", "KH 02 BTGDUK"))
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:2: number: số hiệu 'KH 02 BTGDUK' không đúng dạng "
        "<số>-<ký hiệu loại>/<ký hiệu cơ quan> (văn bản Đảng, ví dụ 02-KH/BTGDUK) hoặc <số>/<năm>/<ký hiệu> "
        "(văn bản nhà nước, ví dụ 30/2020/NĐ-CP, 547/QĐ-UBND)"]


def test_a_state_number_is_a_directives_number(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("02-KH/BTGDUK", "547/QĐ-UBND"))
    assert messages(tmp_path) == []


def test_a_number_with_a_stray_space_is_shown_its_normal_form(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("02-KH/BTGDUK", "02 -KH/BTGDUK"))
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:2: number: số hiệu phải viết là '02-KH/BTGDUK' (chữ hoa, không có khoảng trắng, dấu '-' thường)"]


def test_two_directives_with_one_number_in_one_year_are_an_error(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD)
    write(tmp_path, "directives/2024/ke-hoach-khac.md", GOOD.replace("2024-12-16", "2024-03-01"))
    assert messages(tmp_path) == [
        "content/directives/2024/ke-hoach-khac.md:2: number: số hiệu 02-KH/BTGDUK (năm 2024) "
        "đã dùng cho content/directives/2024/02-kh-btgduk.md"]


def test_the_same_number_in_another_year_is_another_document(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD)
    write(tmp_path, "directives/2019/02-kh-btgduk.md", GOOD.replace("2024-12-16", "2019-05-02"))
    assert messages(tmp_path) == []


def test_a_yaml_syntax_error_names_its_line(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("place: Thái Bình", "place: [Thái Bình"))
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:8: lỗi cú pháp YAML: danh sách mở bằng '[' chưa đóng bằng ']', "
        "hoặc thiếu dấu ',' giữa các mục, phần bị lỗi bắt đầu ở dòng 7"]


def test_a_colon_inside_an_unquoted_value_says_to_quote_it(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("place: Thái Bình", "place: Thái Bình: tỉnh"))
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:7: lỗi cú pháp YAML: dấu ':' ở chỗ không được có: "
        "giá trị có dấu ':' phải đặt trong nháy kép, hoặc dòng trên thiếu dấu ':' sau tên trường"]


def test_a_tab_in_the_front_matter_says_to_indent_with_spaces(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("place: Thái Bình", "\tplace: Thái Bình"))
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:7: lỗi cú pháp YAML: có ký tự tab; hãy thụt lề bằng dấu cách"]


def test_an_unclosed_quote_names_the_line_it_opens_on(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("place: Thái Bình", 'place: "Thái Bình'))
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:7: lỗi cú pháp YAML: dấu nháy mở ở dòng này chưa được đóng; "
        "thêm dấu nháy đóng ở cuối giá trị"]


def test_a_value_starting_with_a_reserved_character_says_to_quote_it(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("place: Thái Bình", "place: @Thái Bình"))
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:7: lỗi cú pháp YAML: giá trị bắt đầu bằng '@' phải đặt trong nháy kép"]


def test_a_character_yaml_cannot_read_names_its_line(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("place: Thái Bình", "place: Thái Bình\uffff"))
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:7: lỗi cú pháp YAML: ký tự U+FFFF không dùng được; hãy xóa ký tự này"]


def test_a_control_character_names_its_line_and_column(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo\x07 Tỉnh ủy"))
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:11: ký tự điều khiển U+0007 (không nhìn thấy) ở cột 70: "
        "hãy xóa ký tự này; thường do chép từ PDF hoặc Word"]


def test_a_link_to_javascript_in_a_body_names_its_line(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD + "\nXem [tại đây](JavaScript:alert(1)).\n")
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:13: liên kết 'JavaScript:alert(1)' không được phép: "
        "chỉ dùng http://, https://, mailto: hoặc tel:"]


def test_an_image_from_another_host_names_its_line(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD + "\n![Ảnh hội nghị](https://example.vn/a.jpg)\n")
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:13: ảnh 'https://example.vn/a.jpg' lấy từ nơi khác: "
        "bản tin không tải gì từ máy chủ khác; hãy bỏ ảnh này"]


def test_links_to_the_web_mail_and_phone_are_fine(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD + "\n[Cổng](https://example.vn/a_(1)) <mailto:a@b.vn> "
          "[gọi](tel:+842273831234)\n\n[nguồn]: http://example.vn\n")
    assert messages(tmp_path) == []


def test_a_missing_content_folder_is_an_error_not_an_empty_bulletin(tmp_path: Path) -> None:
    assert messages(tmp_path) == [
        f"content:1: không có thư mục nội dung 'content/' trong {tmp_path}: tạo thư mục content/directives/, "
        "hoặc sửa extra.bantin.content_dir trong mkdocs.yml"]


def test_an_empty_content_folder_is_an_empty_bulletin(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    assert messages(tmp_path) == []


def test_a_file_without_front_matter_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", "Thực hiện Kế hoạch số 77-KH/BTGTU.\n")
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:1: thiếu phần đầu YAML: tệp phải mở đầu bằng dòng '---'"]


def test_an_empty_file_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", "")
    assert messages(tmp_path) == ["content/directives/2024/02-kh-btgduk.md:1: tệp rỗng"]


def test_a_file_not_in_utf8_names_the_line(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.encode("utf-8").replace("Thái Bình".encode(), b"Th\xe1i B\xecnh"))
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:6: tệp không được mã hóa UTF-8: hãy lưu lại tệp với bảng mã UTF-8"]


def test_a_5_mb_file_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD + "a" * (5 * 1024 * 1024 - len(GOOD.encode())))
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:1: tệp quá lớn (5,0 MB; tối đa 2 MB một văn bản): "
        "hãy chia thành nhiều văn bản hoặc bỏ phần thừa"]


def test_bom_crlf_and_decomposed_unicode_are_read_as_usual(tmp_path: Path) -> None:
    odd = "\ufeff" + unicodedata.normalize("NFD", GOOD).replace("\n", "\r\n")
    write(tmp_path, "directives/2024/02-kh-btgduk.md", odd.encode("utf-8"))
    corpus = load_corpus(tmp_path)
    assert corpus.problems == ()
    (d,) = corpus.directives
    assert d.kind == "Kế hoạch" and d.place == "Thái Bình"
    assert "\r" not in d.body and unicodedata.is_normalized("NFC", d.body)


def test_a_file_in_the_wrong_year_folder_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "directives/2023/02-kh-btgduk.md", GOOD)
    assert messages(tmp_path) == [
        "content/directives/2023/02-kh-btgduk.md:8: date: tệp nằm trong thư mục '2023' nhưng theo ngày ban hành "
        "phải nằm trong content/directives/2024/"]


def test_an_undated_directive_lives_in_chua_ro_ngay(tmp_path: Path) -> None:
    write(tmp_path, "directives/chua-ro-ngay/ke-hoach-x.md", GOOD.replace("2024-12-16", "null").replace("02-KH/BTGDUK", "null"))
    corpus = load_corpus(tmp_path)
    assert corpus.problems == ()
    assert (corpus.directives[0].date, corpus.directives[0].number, corpus.directives[0].folder) == (None, None, "chua-ro-ngay")


def test_a_missing_date_field_is_not_the_same_as_null(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("date: 2024-12-16\n", ""))
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:1: date: thiếu trường bắt buộc (ghi null nếu văn bản không có)"]


def test_a_stray_file_in_the_content_folder_is_reported_not_ignored(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.txt", b"Ke hoach")
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.txt:1: tệp không được xử lý: thư mục này chỉ chứa tệp *.md"]


def test_an_original_file_belongs_beside_its_markdown(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.docx", b"PK")
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.docx:1: tệp gốc không có văn bản đi kèm: đặt nó cạnh tệp .md "
        "cùng tên (ví dụ 02-kh-btgduk.md và 02-kh-btgduk.pdf), hoặc xóa nó"]
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD)
    corpus = load_corpus(tmp_path)
    assert (corpus.problems, corpus.directives[0].original) == ((), "directives/2024/02-kh-btgduk.docx")


def test_a_draft_is_loaded_but_not_published(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("---\n\n", "draft: true\n---\n\n"))
    corpus = load_corpus(tmp_path)
    assert len(corpus.directives) == 1 and corpus.published == ()


@pytest.mark.parametrize("sample", sorted((Path(__file__).parent.parent / "content" / "directives").rglob("*.md")),
                         ids=lambda p: p.name)
def test_every_sample_directive_is_valid(sample: Path) -> None:
    corpus = load_corpus(Path(__file__).parent.parent)
    assert [str(p) for p in corpus.errors] == []
    assert sample.relative_to(Path(__file__).parent.parent / "content").as_posix() in {d.path for d in corpus.directives}


def test_an_empty_front_matter_says_what_it_needs(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", "---\n---\nNội dung.\n")
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:2: phần đầu YAML trống: cần ít nhất number, kind, title, issuer, date"]


def test_a_number_in_lower_case_is_shown_in_capitals(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("02-KH/BTGDUK", "02-kh/btgduk"))
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:2: number: số hiệu phải viết là '02-KH/BTGDUK' "
        "(chữ hoa, không có khoảng trắng, dấu '-' thường)"]


STATE_SIGNER = """signer:
  authority: TM.
  on_behalf_of: Ủy ban nhân dân
  second_authority: KT.
  second_on_behalf_of: Chủ tịch
  position: Phó Chủ tịch
  name: Nguyễn Văn An
---"""


def test_a_state_signature_may_write_its_authorities_as_state_documents_do(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD.replace("---\n\n", STATE_SIGNER + "\n\n"))
    corpus = load_corpus(tmp_path)
    assert corpus.problems == ()
    s = corpus.directives[0].signer
    assert (s.authority, s.on_behalf_of, s.second_authority, s.second_on_behalf_of) == (
        "T/M", "Ủy ban nhân dân", "K/T", "Chủ tịch")


def test_a_second_authority_line_without_a_first_is_an_error(tmp_path: Path) -> None:
    text = GOOD.replace("---\n\n", STATE_SIGNER.replace("  authority: TM.\n", "") + "\n\n")
    write(tmp_path, "directives/2024/02-kh-btgduk.md", text)
    assert messages(tmp_path) == [
        "content/directives/2024/02-kh-btgduk.md:11: signer.second_authority: "
        "dòng thẩm quyền thứ hai chỉ dùng khi đã có dòng thứ nhất (signer.authority)"]


@pytest.mark.parametrize(("number", "issuer", "state"), [
    ("15/KH-UBND", "Ủy ban nhân dân tỉnh Thái Bình", True),
    ("123/UBND-VX", "Ủy ban nhân dân tỉnh Thái Bình", True),
    ("02-KH/BTGDUK", "Ban Tuyên giáo", False),
    ("15/QĐ-ĐU", "Đảng ủy xã Vũ Hội", False),  # a Party committee writing its number the State way
    ("01/2024/QĐ-TU", "Tỉnh ủy Thái Bình", False),
    ("null", "SỞ NỘI VỤ", True),  # a State draft, not numbered yet
    ("null", "Bộ Chính trị", False),
    ("null", "Ban Tuyên giáo", False),
])
def test_the_official_form_follows_the_number_and_the_issuer(tmp_path: Path, number: str, issuer: str, state: bool) -> None:
    text = GOOD.replace("number: 02-KH/BTGDUK", f"number: {number}").replace("issuer: Ban Tuyên giáo", f"issuer: {issuer}")
    write(tmp_path, "directives/2024/x.md", text)
    corpus = load_corpus(tmp_path)
    assert corpus.problems == ()
    assert corpus.directives[0].state_form is state
