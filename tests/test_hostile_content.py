"""Hostile and careless content: each input is answered quickly with one
Vietnamese line naming file and line, or read as it should be; no file under
content/ is skipped without a message."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from bantin import sources
from bantin.check import check_project
from bantin.corpus import load_corpus
from test_corpus import GOOD, messages, write

KH02 = "directives/2024/02-kh-btgduk.md"
F = f"content/{KH02}"
ALIAS = ("lỗi cú pháp YAML: giá trị bắt đầu bằng '&' hoặc '*' phải đặt trong nháy kép "
         "(bantin không dùng neo và bí danh YAML)")
TAG = "lỗi cú pháp YAML: giá trị bắt đầu bằng '!' phải đặt trong nháy kép (bantin không dùng thẻ kiểu YAML như !!int)"
DEEP = "các trường lồng nhau quá sâu (tối đa 20 tầng): hãy viết lại phần này cho phẳng hơn"


def front(extra: str) -> str:
    """GOOD with ``extra`` as the front matter's last lines (from line 9)."""
    return GOOD.replace("date: 2024-12-16\n", "date: 2024-12-16\n" + extra)


# -- YAML: small input, huge cost -------------------------------------------------

BILLION_LAUGHS = 'topics: &a ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]\n' + "".join(
    f"t{i}: &a{i} [{', '.join(['*a' if i == 0 else f'*a{i - 1}'] * 9)}]\n" for i in range(9))


def test_yaml_aliases_that_would_expand_a_billion_times_are_refused(tmp_path: Path) -> None:
    write(tmp_path, KH02, front(BILLION_LAUGHS))
    assert messages(tmp_path) == [f"{F}:9: {ALIAS}"]


def test_an_alias_pointing_into_itself_is_refused(tmp_path: Path) -> None:
    write(tmp_path, KH02, front("topics: [x]\nsigner: &s {name: *s}\n"))
    assert messages(tmp_path) == [f"{F}:10: {ALIAS}"]


def test_a_merge_key_is_an_alias_too(tmp_path: Path) -> None:
    write(tmp_path, KH02, front("signer:\n  <<: *base\n"))
    assert messages(tmp_path) == [f"{F}:10: {ALIAS}"]


@pytest.mark.parametrize("value", ["!!int abc", "!!python/object/apply:os.system ['ls']", "!!str 12", "!x y",
                                   "!!binary aGVsbG8="])
def test_an_explicit_yaml_tag_is_refused(tmp_path: Path, value: str) -> None:
    write(tmp_path, KH02, GOOD.replace("place: Thái Bình", f"place: {value}"))
    assert messages(tmp_path) == [f"{F}:7: {TAG}"]


def test_a_hundred_thousand_nested_brackets_are_refused_at_once(tmp_path: Path) -> None:
    write(tmp_path, KH02, GOOD.replace("place: Thái Bình", "place: " + "[" * 100_000))
    assert messages(tmp_path) == [f"{F}:7: {DEEP}"]


def test_nesting_deeper_than_twenty_levels_is_refused(tmp_path: Path) -> None:
    nested = "signer:\n" + "".join(" " * (2 * i) + f"  k{i}:\n" for i in range(25))
    write(tmp_path, KH02, front(nested))
    assert messages(tmp_path) == [f"{F}:29: {DEEP}"]


def test_an_empty_draft_field_is_an_error_not_a_publication(tmp_path: Path) -> None:
    write(tmp_path, KH02, front("draft:\n"))
    assert messages(tmp_path) == [f"{F}:9: draft: đang để trống: ghi true hoặc false"]


def test_a_second_yaml_document_in_a_slogan_file_is_named(tmp_path: Path) -> None:
    write(tmp_path, "slogans/bo.yml", "occasion: x\n---\noccasion: y\n")
    assert messages(tmp_path) == [
        "content/slogans/bo.yml:2: lỗi cú pháp YAML: phần đầu chỉ được có một khối; xóa dòng '---' hoặc '...' thừa"]


# -- files that are not plain files -------------------------------------------------


def test_a_fifo_is_named_and_never_opened(tmp_path: Path) -> None:
    write(tmp_path, KH02, GOOD)
    os.mkfifo(tmp_path / "content/directives/2024/ong.md")  # opening it for reading would block
    assert messages(tmp_path) == [
        "content/directives/2024/ong.md:1: đây là ống dẫn (FIFO), không phải tệp văn bản: "
        "hãy xóa nó khỏi thư mục content/"]


def test_a_socket_is_named(tmp_path: Path) -> None:
    write(tmp_path, KH02, GOOD)
    path = tmp_path / "content/directives/2024/s.md"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        assert messages(tmp_path) == [
            "content/directives/2024/s.md:1: đây là socket, không phải tệp văn bản: hãy xóa nó khỏi thư mục content/"]


def test_a_device_file_is_named_by_its_kind() -> None:
    assert sources.not_a_file(stat.S_IFCHR | 0o666) == (
        "đây là tệp thiết bị, không phải tệp văn bản: hãy xóa nó khỏi thư mục content/")


def test_a_file_read_through_a_link_is_refused(tmp_path: Path) -> None:
    write(tmp_path, KH02, GOOD)
    (tmp_path / "content/directives/2024/lien-ket.md").symlink_to("/dev/zero")
    assert messages(tmp_path) == [
        "content/directives/2024/lien-ket.md:1: là liên kết tượng trưng (symlink): bantin không đi theo liên kết; "
        "hãy chép tệp hoặc thư mục thật vào đây"]


def test_a_year_folder_that_is_a_link_is_named(tmp_path: Path) -> None:
    write(tmp_path, KH02, GOOD)
    (tmp_path / "content/directives/2025").symlink_to(tmp_path / "content/directives/2024")
    assert messages(tmp_path) == [
        "content/directives/2025:1: là liên kết tượng trưng (symlink): bantin không đi theo liên kết; "
        "hãy chép tệp hoặc thư mục thật vào đây"]


def test_a_folder_that_cannot_be_read_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, KH02, GOOD)
    real = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("2024"):  # chmod 000 does not stop root, who runs CI
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert messages(tmp_path) == [
        "content/directives/2024:1: không có quyền đọc thư mục: các tệp trong đó chưa được đọc; "
        "hãy cấp quyền đọc cho thư mục"]


def test_a_hidden_directive_file_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, ".an.md".join(KH02.rsplit("02-kh-btgduk.md", 1)), GOOD)
    assert messages(tmp_path) == [
        "content/directives/2024/.an.md:1: tệp ẩn (tên bắt đầu bằng dấu '.') không được đăng: "
        "hãy bỏ dấu '.' ở đầu tên, hoặc xóa tệp"]


def test_other_hidden_files_are_noted(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/.gitkeep", "")
    assert messages(tmp_path) == ["content/directives/2024/.gitkeep:1: ghi chú: bỏ qua tệp/thư mục ẩn"]


def test_a_directives_folder_that_is_a_file_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "directives", "không phải thư mục\n")
    assert messages(tmp_path) == [
        "content/directives:1: phải là một thư mục chứa các tệp *.md, không phải một tệp: "
        "hãy đổi tên tệp này rồi tạo thư mục"]


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = write(tmp_path, KH02, GOOD)
    os.truncate(path, sources.MAX_FILE_BYTES + 1)
    assert messages(tmp_path) == [
        f"{F}:1: tệp quá lớn (2,0 MB; tối đa 2 MB một văn bản): hãy chia thành nhiều văn bản hoặc bỏ phần thừa"]


# -- names that collide or are reserved -------------------------------------------


def test_a_directive_named_index_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "directives/2024/index.md", GOOD)
    assert messages(tmp_path) == [
        "content/directives/2024/index.md:1: tên tệp 'index.md' dành cho trang danh sách văn bản của thư mục: "
        "hãy đặt tên khác, ví dụ theo số hiệu: 02-kh-btgduk.md"]


def test_an_issuer_of_symbols_only_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, KH02, GOOD.replace("issuer: Ban Tuyên giáo", 'issuer: "★ ✿ 🌸"').replace(
        "parent: Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh Thái Bình\n", ""))
    assert messages(tmp_path) == [
        f"{F}:5: issuer: tên cơ quan '★ ✿ 🌸' không có chữ cái hay chữ số nào: hãy ghi tên cơ quan bằng chữ"]


def test_two_issuers_sharing_their_first_80_characters_name_both_files(tmp_path: Path) -> None:
    long = "Ban Tuyên giáo " + "Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh Thái Bình " * 2
    write(tmp_path, KH02, GOOD.replace("issuer: Ban Tuyên giáo", f"issuer: {long}Một").replace(
        "parent: Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh Thái Bình\n", ""))
    write(tmp_path, "directives/2024/03-kh-btgduk.md", GOOD.replace("02-KH", "03-KH").replace(
        "issuer: Ban Tuyên giáo", f"issuer: {long}Hai").replace(
        "parent: Đảng ủy Khối Các cơ quan và Doanh nghiệp tỉnh Thái Bình\n", ""))
    assert messages(tmp_path) == [
        f"content/directives/2024/03-kh-btgduk.md:5: issuer: cơ quan '{long}Hai' và cơ quan '{long}Một' của "
        f"{F} trùng nhau ở 80 ký tự đầu nên sẽ chung một trang: hãy viết tên ngắn gọn hơn ở trường issuer, "
        "phần còn lại ghi ở trường parent"]


SET = "directive: directives/2024/02-kh-btgduk.md\noccasion: Tết\nslogans:\n  - Mừng Đảng, mừng Xuân\n"


def test_two_slogan_sets_with_one_file_name_in_two_folders_name_both_files(tmp_path: Path) -> None:
    write(tmp_path, KH02, GOOD)
    write(tmp_path, "slogans/2024/tet.yml", SET)
    write(tmp_path, "slogans/2025/tet.yml", SET)
    assert messages(tmp_path) == [
        "content/slogans/2025/tet.yml:1: bộ khẩu hiệu trùng tên tệp với content/slogans/2024/tet.yml: "
        "hãy đổi tên một trong hai tệp"]


def test_two_reference_files_for_one_document_name_both(tmp_path: Path) -> None:
    write(tmp_path, "references/18-nq-tw.yml", "number: 18-NQ/TW\ndate: 2017-10-25\n")
    write(tmp_path, "references/nq-18.yml", "number: 18-NQ/TW\n")
    assert messages(tmp_path) == [
        "content/references/nq-18.yml:1: number: số hiệu 18-NQ/TW đã có tệp content/references/18-nq-tw.yml: "
        "mỗi văn bản chỉ một tệp; hãy gộp hai tệp, hoặc ghi ngày ban hành để phân biệt"]


def test_a_reference_file_no_directive_cites_is_noted_by_check(tmp_path: Path) -> None:
    write(tmp_path, KH02, GOOD)
    write(tmp_path, "references/77-kh-btgtu.yml", "number: 77-KH/BTGTU\ndate: 2024-12-10\n")
    write(tmp_path, "references/18-nq-tw.yml", "number: 18-NQ/TW\n")
    assert [str(p) for p in check_project(tmp_path) if p.path.startswith("content/references/")] == [
        "content/references/18-nq-tw.yml:1: ghi chú: number: không văn bản nào dẫn chiếu số hiệu 18-NQ/TW: "
        "tệp chưa được dùng; hãy kiểm tra lại số hiệu, hoặc xóa tệp"]


# -- look-alikes and invisible characters -----------------------------------------


@pytest.mark.parametrize("digits", ["０２", "٠٢", "۰۲", "०२"])
def test_digits_of_other_scripts_in_a_number_are_read_as_0_to_9(tmp_path: Path, digits: str) -> None:
    write(tmp_path, KH02, GOOD.replace("number: 02-KH", f"number: {digits}-KH").replace("2024-12-16", "２０２４-12-16"))
    corpus = load_corpus(tmp_path)
    assert corpus.problems == ()
    assert (corpus.directives[0].number, str(corpus.directives[0].date)) == ("02-KH/BTGDUK", "2024-12-16")


@pytest.mark.parametrize(("char", "name"), [("\u202e", "ký tự đổi chiều chữ U+202E"),
                                            ("\u2066", "ký tự đổi chiều chữ U+2066"),
                                            ("\u200b", "ký tự định dạng U+200B"),
                                            ("\u00ad", "ký tự định dạng U+00AD")])
def test_bidi_and_invisible_format_characters_are_named_with_line_and_column(
        tmp_path: Path, char: str, name: str) -> None:
    write(tmp_path, KH02, GOOD.replace("title: tuyên truyền", f"title: tuyên{char} truyền"))
    assert messages(tmp_path) == [
        f"{F}:4: {name} (không nhìn thấy) ở cột 13: hãy xóa ký tự này; nó làm chữ hiện ra khác với chữ thật"]


def test_an_invisible_character_in_decomposed_text_is_named_at_its_column_in_the_file(tmp_path: Path) -> None:
    # "tuyên" typed as NFD (e, circumflex, grave: as macOS and some PDFs give it)
    write(tmp_path, KH02, GOOD.replace("title: tuyên truyền", "title: tuye\u0302n\u200b truyền"))
    assert messages(tmp_path) == [
        f"{F}:4: ký tự định dạng U+200B (không nhìn thấy) ở cột 14: hãy xóa ký tự này; "
        "nó làm chữ hiện ra khác với chữ thật"]


def test_the_characters_read_without_checks_hold_no_format_character_nor_look_alike() -> None:
    """Files made only of these skip both checks (``sources.COMMON_RANGES``)."""
    common = {chr(c) for first, last in sources.COMMON_RANGES for c in range(first, last + 1)}
    assert common & sources._FORMAT_SET == set()
    assert common & sources._LOOKALIKE_SET == set()


def test_an_invisible_character_in_a_slogan_file_is_named_too(tmp_path: Path) -> None:
    write(tmp_path, KH02, GOOD)
    write(tmp_path, "slogans/tet.yml", SET.replace("Mừng Đảng", "Mừng\u2067 Đảng"))
    assert messages(tmp_path) == [
        "content/slogans/tet.yml:4: ký tự đổi chiều chữ U+2067 (không nhìn thấy) ở cột 9: hãy xóa ký tự này; "
        "nó làm chữ hiện ra khác với chữ thật"]


def test_fullwidth_letters_and_slash_in_a_number_are_read_as_ascii(tmp_path: Path) -> None:
    write(tmp_path, KH02, GOOD.replace("number: 02-KH/BTGDUK", "number: ０２-ＫＨ／ＢＴＧＤＵＫ"))
    corpus = load_corpus(tmp_path)
    assert (corpus.problems, corpus.directives[0].number) == ((), "02-KH/BTGDUK")


def test_a_citation_typed_with_arabic_indic_digits_is_the_same_document(tmp_path: Path) -> None:
    write(tmp_path, KH02, GOOD.replace("Kế hoạch số 77-KH/BTGTU", "Kế hoạch số ٧٧-KH/BTGTU"))
    assert "Kế hoạch số 77-KH/BTGTU" in load_corpus(tmp_path).directives[0].body


def test_a_misspelt_folder_in_content_is_named_with_a_suggestion(tmp_path: Path) -> None:
    write(tmp_path, "directive/2024/02-kh-btgduk.md", GOOD)
    write(tmp_path, "ghi-chu.txt", "x\n")
    assert messages(tmp_path) == [
        "content/directive:1: không được xử lý: thư mục nội dung chỉ gồm directives/, slogans/, references/; "
        "có phải là 'directives'?",
        "content/ghi-chu.txt:1: không được xử lý: thư mục nội dung chỉ gồm directives/, slogans/, references/; "
        "hãy chuyển vào đúng thư mục hoặc xóa"]


def test_a_slogans_folder_that_is_a_file_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, KH02, GOOD)
    write(tmp_path, "slogans", "x\n")
    assert messages(tmp_path) == [
        "content/slogans:1: phải là một thư mục chứa các tệp *.yml, không phải một tệp: hãy đổi tên tệp này rồi tạo thư mục"]


def test_folders_nested_deeper_than_eight_levels_are_named_not_walked(tmp_path: Path) -> None:
    write(tmp_path, "slogans/" + "a/" * 12 + "tet.yml", SET)
    assert messages(tmp_path) == [
        "content/slogans/a/a/a/a/a/a/a/a:1: thư mục lồng quá sâu (tối đa 8 tầng): các tệp trong đó chưa được đọc; "
        "hãy chuyển tệp lên trên"]


def test_an_integer_of_ten_thousand_digits_is_read_as_text(tmp_path: Path) -> None:
    write(tmp_path, KH02, GOOD.replace("place: Thái Bình", "place: " + "9" * 10_000))
    assert load_corpus(tmp_path).directives[0].place == "9" * 10_000


def test_a_file_name_with_a_newline_or_bytes_that_are_not_utf8_stays_on_one_line(tmp_path: Path) -> None:
    write(tmp_path, KH02, GOOD)
    (tmp_path / "content/directives/2024").joinpath(os.fsdecode(b"x\xff\nb.md")).write_bytes(b"---\n")
    assert messages(tmp_path) == [
        "content/directives/2024/x\\xff\\nb.md:1: phần đầu YAML mở bằng '---' nhưng không có dòng '---' đóng lại"]


@pytest.mark.parametrize(("escape", "code"), [("\\u202e", "U+202E"), ("\\u200b", "U+200B"), ("\\a", "U+0007"),
                                              ("\\x00", "U+0000"), ("\\e", "U+001B")])
def test_an_escape_in_double_quotes_cannot_make_an_invisible_character(tmp_path: Path, escape: str, code: str) -> None:
    # The file's text holds only visible characters; YAML makes the invisible one from the escape.
    write(tmp_path, KH02, GOOD.replace("place: Thái Bình", f'place: "Thái{escape} Bình"'))
    assert messages(tmp_path) == [
        f"{F}:7: place: giá trị trong nháy kép có mã thoát tạo ra ký tự không nhìn thấy {code}: "
        "hãy xóa mã thoát này (chữ phải hiện ra đúng như chữ thật)"]


def test_ordinary_escapes_in_double_quotes_are_still_text(tmp_path: Path) -> None:
    write(tmp_path, KH02, GOOD.replace("place: Thái Bình", 'place: "Th\\u00e1i\\tB\\u00ecnh \\"x\\""'))
    corpus = load_corpus(tmp_path)
    assert corpus.problems == () and corpus.directives[0].place == 'Thái Bình "x"'


def test_look_alike_digits_made_by_an_escape_are_read_as_0_to_9(tmp_path: Path) -> None:
    write(tmp_path, KH02, GOOD.replace("number: 02-KH", 'number: "\\uff10\\uff12-KH').replace("BTGDUK\n", 'BTGDUK"\n', 1))
    corpus = load_corpus(tmp_path)
    assert corpus.problems == () and corpus.directives[0].number == "02-KH/BTGDUK"
