"""Layout recognition on text: every part of the official form, wherever the document puts it.

The documents under tests/fixtures/import/ were written for these tests
(Party forms after Hướng dẫn 36-HD/VPTW, State forms after Nghị định
30/2020/NĐ-CP); each test checks its fields exactly and, with
tests/faithful.py, that not a word was lost or invented.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bantin.importer import convert, directive_file, text_source
from bantin.records import Recipient, Signer

from faithful import difference
from import_expect import DECISION, PLAN, fields

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
PARTY = ("ĐẢNG CỘNG SẢN VIỆT NAM", "*")
STATE = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def fixture(name: str):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return text, convert(text_source(name, text))


def conv_of(text: str):
    return convert(text_source("t.txt", text))


def assert_faithful(text: str, conv, dropped=(), derived=()):
    lost, added = difference(text, directive_file(conv), dropped, derived)
    assert (lost, added) == ({}, {})


# ---------------------------------------------------------------------------
# The helper itself.

def test_faithfulness_helper_catches_a_lost_an_added_and_a_changed_word():
    text, conv = fixture("cong-van-duoi-tieu-de.txt")
    emitted = directive_file(conv)
    kind = ("kind",)  # "Công văn" is read from the number's "CV", not from a line of the text
    assert difference(text, emitted, PARTY, kind) == ({}, {})
    assert difference(text, emitted, PARTY) == ({}, {"công": 1, "văn": 1})
    assert difference(text, emitted.replace("Trân trọng./.", "Trân trọng"), PARTY, kind) == ({}, {})  # punctuation
    assert difference(text, emitted.replace("nghiên cứu, ", ""), PARTY, kind) == ({"nghiên": 1, "cứu": 1}, {})
    assert difference(text, emitted.replace("góp ý bằng", "góp ý ngay bằng"), PARTY, kind) == ({}, {"ngay": 1})
    assert difference(text, emitted.replace("Lộc", "Lục"), PARTY, kind) == ({"lộc": 1}, {"lục": 1})


# ---------------------------------------------------------------------------
# A Party plan over three pages: page numbers and running headers, a footnote
# a page break left mid-sentence, the signature after Nơi nhận, a footnote after it.

def test_party_plan_with_signature_after_recipients_and_footnotes_at_page_feet():
    text, conv = fixture("ke-hoach-chu-ky-sau-noi-nhan.txt")
    assert fields(conv, PLAN) == PLAN and conv.level == "huyen"
    assert conv.body == (
        "Thực hiện Chương trình số 06-CTr/HU[^1] của Ban Thường vụ Huyện ủy về công tác giáo dục truyền thống, "
        "Ban Thường vụ Huyện ủy xây dựng kế hoạch tổ chức hội thi như sau:\n\n"
        "## I. MỤC ĐÍCH, YÊU CẦU\n\n"
        "1\\. Nâng cao hiểu biết của đoàn viên thanh niên về truyền thống cách mạng của quê hương, bồi đắp lòng tự "
        "hào và ý thức trách nhiệm với việc xây dựng địa phương ngày càng giàu đẹp.\n\n"
        "2\\. Hội thi được tổ chức tiết kiệm, thiết thực, thu hút đông đảo đoàn viên tham gia.\n\n"
        "## II. NỘI DUNG\n\n"
        "Hội thi gồm hai vòng: vòng sơ khảo tại các chi đoàn và vòng chung khảo tại Hội trường huyện[^2].\n\n"
        "[^1]: Chương trình giáo dục truyền thống giai đoạn 2025 - 2027.\n\n"
        "[^2]: Thời gian cụ thể do Ban Tổ chức thông báo sau.\n"
    )
    assert "bỏ số trang: dòng 20, dòng 32, dòng 48" in conv.notes
    assert "bỏ dòng lặp lại ở đầu mỗi trang “Kế hoạch số 14-KH/HU”: dòng 21, dòng 33" in conv.notes
    assert "dòng 42: “(đã ký)” ở chỗ chữ ký — không ghi vào trường nào" in conv.notes
    assert_faithful(text, conv, (*PARTY, "2", "3", "4", "Kế hoạch số 14-KH/HU", "(đã ký)"))


def test_without_page_marks_only_a_number_standing_alone_is_a_page_number():
    conv = conv_of("KẾ HOẠCH\nvề y\n\nĐoạn một của văn bản\n\n7\n\nvẫn tiếp tục.\n\n2. Mục hai\n\nNội dung.\n")
    assert conv.body == "Đoạn một của văn bản vẫn tiếp tục.\n\n### 2. Mục hai\n\nNội dung.\n"
    assert "bỏ số trang: dòng 6" in conv.notes


# ---------------------------------------------------------------------------
# A Công văn under a title line: the header is still the header.

def test_cong_van_with_a_title_above_the_header_and_its_subject_under_the_number():
    text, conv = fixture("cong-van-duoi-tieu-de.txt")
    assert (conv.number, conv.kind) == ("31-CV/BDVHU", "Công văn")
    assert conv.title == "về việc góp ý dự thảo quy chế dân chủ ở cơ sở"
    assert (conv.issuer, conv.parent, conv.place, conv.date) == (
        "BAN DÂN VẬN", "HUYỆN ỦY SÔNG CẦU", "Sông Cầu", dt.date(2025, 5, 20))
    assert conv.addressees == ("Các đảng ủy xã, thị trấn", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện")
    assert conv.signer == Signer(name="Trần Văn Lộc", position="PHÓ TRƯỞNG BAN", authority="K/T",
                                 on_behalf_of="TRƯỞNG BAN")
    assert conv.body.startswith("TÀI LIỆU GỬI KÈM\n\nBan Dân vận Huyện ủy gửi kèm")
    assert "dòng 1: dòng đứng trên phần đầu văn bản — giữ ở đầu nội dung" in conv.notes
    assert_faithful(text, conv, PARTY, derived=("kind",))


def test_a_v_v_subject_beside_the_date_is_the_title_and_makes_a_cong_van():
    conv = conv_of("BAN TUYÊN GIÁO\n\nSố 5-CV/BTG\nV/V tổ chức hội nghị\n\nHà Nội, ngày 2 tháng 3 năm 2025\n\n"
                   "Kính gửi: Các chi bộ.\n\nNội dung.\n")
    assert (conv.title, conv.kind, conv.addressees) == ("tổ chức hội nghị", "Công văn", ("Các chi bộ",))
    assert conv.body == "Nội dung.\n"


# ---------------------------------------------------------------------------
# State forms (Nghị định 30/2020/NĐ-CP).

def test_state_decision_with_a_two_column_header_and_signature_beside_recipients():
    text, conv = fixture("quyet-dinh-ubnd-hai-cot.txt")
    assert fields(conv, DECISION) == DECISION
    assert conv.body.startswith("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\n\nCăn cứ Luật")
    assert conv.body.endswith("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
    assert_faithful(text, conv, (*STATE, "(Đã ký)"))


def test_state_cong_van_whose_header_cells_arrive_as_table_rows():
    text, conv = fixture("cong-van-ubnd-hang-bang.txt")
    assert (conv.number, conv.kind, conv.place, conv.date) == (
        "1234/UBND-VX", "Công văn", "Đồng Văn", dt.date(2024, 11, 7))
    assert conv.title == "tăng cường phòng chống dịch bệnh trên đàn gia súc"
    assert (conv.issuer, conv.parent) == ("ỦY BAN NHÂN DÂN HUYỆN ĐỒNG VĂN", None)
    assert conv.addressees == ("Ủy ban nhân dân các xã, thị trấn",)
    assert conv.signer == Signer(name="Phạm Thị Hà", position="CHÁNH VĂN PHÒNG", authority="T/L", on_behalf_of="CHỦ TỊCH")
    assert conv.body.endswith("trước ngày 15 tháng 11 năm 2024[^1].\n\n[^1]: Mẫu báo cáo kèm theo công văn này.\n")
    assert_faithful(text, conv, STATE, derived=("kind",))


STATE_HEAD = "BỘ NỘI VỤ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n{number}\n\nHà Nội, ngày 9 tháng 1 năm 2025\n\n"


@pytest.mark.parametrize("line, number, kind", [
    ("Số: 547/QĐ-UBND", "547/QĐ-UBND", "Quyết định"),
    ("Số: 30/2020/NĐ-CP", "30/2020/NĐ-CP", None),  # a Nghị định is not a kind the bulletin publishes
    ("Số:  12 / 2024 / TT-BNV", "12/2024/TT-BNV", None),  # a State "TT" is a Thông tư, not a Thông tri
    ("Số: 88/KH-BNV", "88/KH-BNV", "Kế hoạch"),
    ("Số:     /QĐ-BNV", None, None),  # left blank to be numbered on signing
])
def test_state_numbers_are_kept_as_written_and_the_motto_is_never_the_issuer(line, number, kind):
    conv = conv_of(STATE_HEAD.format(number=line) + "Nội dung.\n")
    assert (conv.number, conv.kind, conv.issuer, conv.parent) == (number, kind, "BỘ NỘI VỤ", None)
    assert conv.date == dt.date(2025, 1, 9) and conv.body == "Nội dung.\n"


def test_a_state_kind_outside_the_bulletin_kinds_stays_in_the_body_not_in_the_issuer():
    conv = conv_of(STATE_HEAD.format(number="Số: 30/2020/NĐ-CP") + "NGHỊ ĐỊNH\nVề công tác văn thư\n\nNội dung.\n")
    assert conv.issuer == "BỘ NỘI VỤ" and conv.kind is None
    assert conv.body.startswith("NGHỊ ĐỊNH")


# ---------------------------------------------------------------------------
# Signature blocks, wherever they stand.

@pytest.mark.parametrize("block, signer", [
    ("TUQ. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nĐỗ Văn Nam", Signer("Đỗ Văn Nam", "CHÁNH VĂN PHÒNG", "T/UQ", "CHỦ TỊCH")),
    ("Q. GIÁM ĐỐC\n\n(đã ký)\n\nĐỗ Văn Nam", Signer("Đỗ Văn Nam", "Q. GIÁM ĐỐC")),
    ("TL. BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\n\n[đã ký]\n\nĐỗ Văn Nam", Signer("Đỗ Văn Nam", "CHÁNH VĂN PHÒNG", "T/L", "BAN THƯỜNG VỤ")),
])
def test_signature_forms(block, signer):
    conv = conv_of(f"THÔNG BÁO\nvề y\n\nNội dung.\n\nNơi nhận:\n- Lưu VT.\n\n{block}\n")
    assert conv.signer == signer
    assert conv.recipients == (Recipient("Lưu VT"),) and conv.recipient_notes == ()
    assert conv.body == "Nội dung.\n"


def test_a_signature_right_under_the_recipients_list_is_not_a_recipient():
    conv = conv_of("THÔNG BÁO\nvề y\n\nNội dung.\n\nNơi nhận:\n- Như trên;\n- Lưu VT.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n"
                   "Nguyễn Văn Bình\n")
    assert conv.recipients == (Recipient("Như trên"), Recipient("Lưu VT"))
    assert conv.signer == Signer("Nguyễn Văn Bình", "BÍ THƯ", "T/M", "BAN THƯỜNG VỤ")


def test_a_recipient_note_on_its_own_line_belongs_to_the_item_above():
    conv = conv_of("THÔNG BÁO\nvề y\n\nNội dung.\n\nNơi nhận:\n- Thường trực Tỉnh ủy\n(để báo cáo);\n- Lưu VT.\n\n"
                   "TRƯỞNG BAN\n\nNguyễn Văn Bình\n")
    assert conv.recipients == (Recipient("Thường trực Tỉnh ủy", "để báo cáo"), Recipient("Lưu VT"))


# ---------------------------------------------------------------------------
# Footnote marks.

def test_parenthesised_footnote_marks_attached_to_a_word_but_not_a_list_numbered_the_same_way():
    text = ("KẾ HOẠCH\nvề y\n\nTheo Nghị quyết số 5-NQ/TU(1), các đơn vị:\n\n(1) Rà soát danh sách;\n\n"
            "(2) Báo cáo kết quả.\n\n(1) Nghị quyết về công tác cán bộ.\n")
    conv = conv_of(text)
    assert conv.body == ("Theo Nghị quyết số 5-NQ/TU[^1], các đơn vị:\n\n(1) Rà soát danh sách;\n\n"
                         "(2) Báo cáo kết quả.\n\n[^1]: Nghị quyết về công tác cán bộ.\n")
    assert_faithful(text, conv)


def test_a_definition_whose_mark_is_nowhere_stays_in_the_text():
    conv = conv_of("KẾ HOẠCH\nvề y\n\nNội dung không có dấu chú thích.\n\n¹ Một dòng lạ.\n")
    assert conv.body == "Nội dung không có dấu chú thích.\n\n¹ Một dòng lạ.\n"


def test_a_clause_cut_after_a_semicolon_goes_on_in_lowercase_but_a_list_item_does_not():
    conv = conv_of("KẾ HOẠCH\nvề y\n\nCác cấp ủy đã quán triệt văn bản của cấp trên;\n\ncông tác tuyên truyền được đẩy "
                   "mạnh.\n\nGồm các việc sau;\n\n- rà soát danh sách.\n")
    assert conv.body == ("Các cấp ủy đã quán triệt văn bản của cấp trên; công tác tuyên truyền được đẩy mạnh.\n\n"
                         "Gồm các việc sau;\n\n- rà soát danh sách.\n")


@pytest.mark.parametrize("row", [
    "BỘ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",  # cells copied from a Word table
    "BỘ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",  # the same with the tab lost
    "| BỘ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",  # a Markdown table row
    "   BỘ NỘI VỤ                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",  # PDF layout columns
])
def test_a_header_row_with_both_cells_on_one_line(row):
    text = f"{row}\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 12/KH-BNV\n\nHà Nội, ngày 3 tháng 3 năm 2025\n\nKẾ HOẠCH\nvề y\n\nNội dung.\n"
    conv = conv_of(text)
    assert (conv.issuer, conv.number, conv.date, conv.kind) == ("BỘ NỘI VỤ", "12/KH-BNV", dt.date(2025, 3, 3), "Kế hoạch")
    assert conv.body == "Nội dung.\n"
    assert_faithful(text, conv, STATE)


def test_the_issuer_or_the_star_on_the_date_line_is_a_cell_of_its_own():
    text = ("HUYỆN ỦY VĨNH AN ĐẢNG CỘNG SẢN VIỆT NAM\nBAN TUYÊN GIÁO Vĩnh An, ngày 2 tháng 3 năm 2025\n"
            "* \nSố 7-TB/BTGHU\n\nTHÔNG BÁO\nvề y\n\nNội dung.\n")
    conv = conv_of(text)
    assert (conv.issuer, conv.parent, conv.place, conv.date) == ("BAN TUYÊN GIÁO", "HUYỆN ỦY VĨNH AN", "Vĩnh An",
                                                                 dt.date(2025, 3, 2))
    assert (conv.number, conv.kind, conv.body) == ("7-TB/BTGHU", "Thông báo", "Nội dung.\n")
    assert_faithful(text, conv, PARTY)


def test_a_third_issuer_level_no_field_holds_is_kept_at_the_body_start_not_lost():
    text = "TỈNH ỦY THÁI BÌNH\nĐẢNG ỦY KHỐI CƠ QUAN\nBAN TUYÊN GIÁO\n*\nSố 3-KH/BTG\n\nKẾ HOẠCH\nvề y\n\nNội dung.\n"
    conv = conv_of(text)
    assert (conv.issuer, conv.parent) == ("BAN TUYÊN GIÁO", "ĐẢNG ỦY KHỐI CƠ QUAN")
    assert conv.body == "TỈNH ỦY THÁI BÌNH\n\nNội dung.\n"
    assert_faithful(text, conv, PARTY)


def test_words_after_the_number_that_are_not_a_date_are_kept_too():
    text = "BAN TUYÊN GIÁO\n*\nSố 3-KH/BTG (bản sao)\n\nKẾ HOẠCH\nvề y\n\nNội dung.\n"
    conv = conv_of(text)
    assert (conv.number, conv.body) == ("3-KH/BTG", "(bản sao)\n\nNội dung.\n")
    assert_faithful(text, conv, PARTY)


def test_a_word_header_laid_out_with_tabs_instead_of_a_table(tmp_path):
    import zipfile

    from bantin.importer import read_docx

    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    rows = [["HUYỆN ỦY VĨNH AN", "ĐẢNG CỘNG SẢN VIỆT NAM"], ["BAN TUYÊN GIÁO"], ["Số 7-TB/BTGHU", "Vĩnh An, ngày 2 tháng 3 năm 2025"],
            ["THÔNG BÁO"], ["về lịch sinh hoạt"], ["Nội dung."]]
    body = "".join("<w:p>" + "<w:r><w:tab/><w:tab/></w:r>".join(f"<w:r><w:t>{c}</w:t></w:r>" for c in row) + "</w:p>"
                   for row in rows)
    path = tmp_path / "tab.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", f'<w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>')
    conv = convert(read_docx(path.read_bytes(), "tab.docx"))
    assert (conv.issuer, conv.parent, conv.number, conv.place, conv.date) == (
        "BAN TUYÊN GIÁO", "HUYỆN ỦY VĨNH AN", "7-TB/BTGHU", "Vĩnh An", dt.date(2025, 3, 2))
    assert (conv.kind, conv.title, conv.body) == ("Thông báo", "về lịch sinh hoạt", "Nội dung.\n")
