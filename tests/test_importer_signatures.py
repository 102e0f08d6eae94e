"""Signature blocks as typists really write them: "T.M" for "T/M", a degree
or a rank before the name, "(đã ký)" typed on the name's line."""

from __future__ import annotations

import pytest

from bantin.importer import convert, text_source
from bantin.records import Signer

HEAD = ("BAN TUYÊN GIÁO\n\nSố 5-CV/BTG\nV/v tổ chức hội nghị\n\nHà Nội, ngày 2 tháng 3 năm 2025\n\n"
        "Kính gửi: Các chi bộ.\n\nNội dung.\n\n")


def signed(block: str):
    return convert(text_source("t.txt", HEAD + block))


@pytest.mark.parametrize("block, signer", [
    ("T.M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nNguyễn Văn An\n",
     Signer(name="Nguyễn Văn An", position="PHÓ BÍ THƯ", authority="T/M", on_behalf_of="BAN THƯỜNG VỤ")),
    ("K.T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nNguyễn Văn An\n",
     Signer(name="Nguyễn Văn An", position="PHÓ TRƯỞNG BAN", authority="K/T", on_behalf_of="TRƯỞNG BAN")),
    ("T/M BAN THƯỜNG VỤ\nBÍ THƯ\nThiếu tướng Nguyễn Văn An\n",
     Signer(name="Thiếu tướng Nguyễn Văn An", position="BÍ THƯ", authority="T/M", on_behalf_of="BAN THƯỜNG VỤ")),
    ("K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nTS. Lê Thị Hoa\n",
     Signer(name="TS. Lê Thị Hoa", position="PHÓ TRƯỞNG BAN", authority="K/T", on_behalf_of="TRƯỞNG BAN")),
])
def test_the_signature_block_is_read_with_its_authority_and_the_name_as_signed(block, signer):
    conv = signed(block)
    assert conv.signer == signer
    assert conv.body == "Nội dung.\n"


def test_signed_typed_on_the_names_line_is_left_out_of_the_name_and_reported():
    conv = signed("T/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn An (đã ký)\n")
    assert conv.signer == Signer(name="Nguyễn Văn An", position="BÍ THƯ", authority="T/M",
                                 on_behalf_of="BAN THƯỜNG VỤ")
    assert conv.body == "Nội dung.\n"
    assert "dòng 14: “(đã ký)” ở chỗ chữ ký — không ghi vào trường nào" in conv.notes


TAIL = ("BAN TUYÊN GIÁO\n\nSố 5-CV/BTG\nV/v tổ chức hội nghị\n\nHà Nội, ngày 2 tháng 3 năm 2025\n\n"
        "Kính gửi:\n{bullet} Ban Tuyên giáo Tỉnh ủy;\n{bullet} Các chi bộ.\n\nNội dung gồm:\n{bullet} Tuyên truyền;\n"
        "{bullet} Học tập.\n\nNơi nhận:\n{bullet} Như trên,\n{bullet} Lưu VP.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn An\n")


@pytest.mark.parametrize("bullet", ["*", "●", "▪", "·", "\uf0b7"])
def test_lists_with_the_bullets_word_and_web_pages_leave_are_lists(bullet):
    conv = convert(text_source("t.txt", TAIL.format(bullet=bullet)))
    assert conv.addressees == ("Ban Tuyên giáo Tỉnh ủy", "Các chi bộ")
    assert [r.name for r in conv.recipients] == ["Như trên", "Lưu VP"]
    item = "\\*" if bullet == "*" else "-"  # "* " stays a literal asterisk in the body, as typed
    assert conv.body == f"Nội dung gồm:\n\n{item} Tuyên truyền;\n\n{item} Học tập.\n"


def test_lists_whose_bullets_were_lost_are_split_at_line_ends():
    text = ("BAN TUYÊN GIÁO\n\nSố 5-CV/BTG\nV/v tổ chức hội nghị\n\nHà Nội, ngày 2 tháng 3 năm 2025\n\n"
            "Kính gửi:\nBan Tuyên giáo Tỉnh ủy;\nCác chi bộ trực thuộc.\n\nNội dung.\n\n"
            "Nơi nhận:\nNhư trên;\nThường trực Huyện ủy (để b/c);\nBan Dân vận Huyện ủy, Ủy ban\nMặt trận Tổ quốc huyện;\n"
            "Lưu VT.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn An\n")
    conv = convert(text_source("t.txt", text))
    assert conv.addressees == ("Ban Tuyên giáo Tỉnh ủy", "Các chi bộ trực thuộc")
    assert [(r.name, r.note) for r in conv.recipients] == [
        ("Như trên", None), ("Thường trực Huyện ủy", "để b/c"),
        ("Ban Dân vận Huyện ủy, Ủy ban Mặt trận Tổ quốc huyện", None), ("Lưu VT", None)]


@pytest.mark.parametrize("name", ["VŨ VĂN AN", "TRƯƠNG THỊ HOA", "NGUYỄN THANH PHONG", "TỐNG VĂN BÌNH", "LÊ THỊ CÚC"])
def test_a_name_in_capitals_that_folds_like_a_position_is_still_a_name(name):
    # Vũ/vụ, Trương/trưởng, Phong/phó, Tống/tổng, Cúc/cục: one letter apart once tones are dropped.
    conv = signed(f"K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n{name}\n")
    assert conv.signer == Signer(name=name, position="PHÓ TRƯỞNG BAN", authority="K/T", on_behalf_of="TRƯỞNG BAN")
    assert conv.body == "Nội dung.\n"


def test_a_position_without_a_name_is_no_signature():
    conv = signed("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n")
    assert conv.signer is None


STATE_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH\n\nSố: 15/KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "Độc lập - Tự do - Hạnh phúc\n\nThái Bình, ngày 2 tháng 3 năm 2025\n\nKẾ HOẠCH\n"
              "Tuyên truyền kỷ niệm ngày thành lập tỉnh\n\nNội dung.\n\n")


def test_a_state_signature_with_two_authority_lines_keeps_each_line():
    conv = convert(text_source("t.txt", STATE_HEAD + "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n"))
    assert conv.signer == Signer(name="Nguyễn Văn An", position="PHÓ CHỦ TỊCH", authority="T/M",
                                 on_behalf_of="ỦY BAN NHÂN DÂN", second_authority="K/T", second_on_behalf_of="CHỦ TỊCH")
    assert conv.body == "Nội dung.\n"


@pytest.mark.parametrize("block, signer", [
    # Both authorities on one line, as PDF text gives them.
    ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n",
     Signer(name="Nguyễn Văn An", position="PHÓ CHỦ TỊCH", authority="T/M", on_behalf_of="ỦY BAN NHÂN DÂN",
            second_authority="K/T", second_on_behalf_of="CHỦ TỊCH")),
    # No position line: the second authority line is not taken for one.
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nNguyễn Văn An\n",
     Signer(name="Nguyễn Văn An", position=None, authority="T/M", on_behalf_of="ỦY BAN NHÂN DÂN",
            second_authority="K/T", second_on_behalf_of="CHỦ TỊCH")),
    # "KTX" (ký túc xá) is no "KT.": every word stays where it was.
    ("T/M BAN THƯỜNG VỤ\nKTX SINH VIÊN\nPHÓ BÍ THƯ\nNguyễn Văn An\n",
     Signer(name="Nguyễn Văn An", position="PHÓ BÍ THƯ", authority="T/M", on_behalf_of="BAN THƯỜNG VỤ KTX SINH VIÊN")),
])
def test_a_second_authority_is_only_an_authority_code_with_its_dot_or_space(block, signer):
    assert convert(text_source("t.txt", STATE_HEAD + block)).signer == signer
