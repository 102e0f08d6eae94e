"""Header lines as careless typists and converters leave them: "số" in
lowercase, an en dash in the number, a number cut after its slash, the date
in figures; and a title that ends where a "của … ngày 25/11/2024" clause
goes on (that is not a date line)."""

from __future__ import annotations

import datetime as dt

import pytest

from bantin.importer import convert, text_source

HEADER = "TỈNH ỦY QUẢNG NAM\nBAN TUYÊN GIÁO\n*\n{number}\n{date}\n\nHƯỚNG DẪN\nvề tuyên truyền\n\nNội dung.\n"
FULL_DATE = "Tam Kỳ, ngày 15 tháng 03 năm 2024"


def header(number: str = "Số 05-HD/BTGTU", date: str = FULL_DATE):
    return convert(text_source("t.txt", HEADER.format(number=number, date=date)))


def fields(conv) -> tuple:
    return (conv.number, conv.kind, conv.title, conv.issuer, conv.parent, conv.place, conv.date, conv.body)


EXPECTED = ("05-HD/BTGTU", "Hướng dẫn", "về tuyên truyền", "BAN TUYÊN GIÁO", "TỈNH ỦY QUẢNG NAM", "Tam Kỳ",
            dt.date(2024, 3, 15), "Nội dung.\n")


@pytest.mark.parametrize("number", ["số 05-HD/BTGTU", "Số 05–HD/BTGTU", "Số 05-HD/\nBTGTU", "Số: 05-\nHD/BTGTU"])
def test_the_number_line_is_read_however_it_was_typed_or_cut(number: str) -> None:
    assert fields(header(number=number)) == EXPECTED


def test_an_en_dash_in_the_number_is_reported() -> None:
    assert "dòng 4: số hiệu viết “05–HD/BTGTU”: gạch “–” ghi thành “-”" in header(number="Số 05–HD/BTGTU").notes


def test_a_number_cut_after_its_slash_is_named_by_both_lines() -> None:
    assert header(number="Số 05-HD/\nBTGTU").where["number"] == "dòng 4–5"


@pytest.mark.parametrize("date", ["Tam Kỳ, ngày 15/3/2024", "Tam Kỳ, ngày 15-03-2024", "Tam Kỳ, ngày 15.3.2024"])
def test_a_date_in_figures_is_the_header_date(date: str) -> None:
    assert fields(header(date=date)) == EXPECTED


def test_an_impossible_date_in_figures_is_null_and_reported() -> None:
    conv = header(date="Tam Kỳ, ngày 31/02/2024")
    assert (conv.place, conv.date, conv.body) == ("Tam Kỳ", None, "Nội dung.\n")
    assert "dòng 5: ngày tháng không đủ hoặc không hợp lệ (“Tam Kỳ, ngày 31/02/2024”) — để trống (null)" in conv.notes


def test_a_title_line_ending_in_a_date_in_figures_stays_in_the_title() -> None:
    text = ("HƯỚNG DẪN\nTuyên truyền nội dung trọng tâm\ncủa Hội nghị Trung ương khóa XIII ngày 25/11/2024\n\n"
            "Thực hiện chỉ đạo của cấp trên.\n")
    conv = convert(text_source("t.txt", text))
    assert conv.title == "Tuyên truyền nội dung trọng tâm của Hội nghị Trung ương khóa XIII ngày 25/11/2024"
    assert conv.date is None


def test_a_paragraph_opening_with_can_cu_after_an_empty_line_is_never_a_pages_rest() -> None:
    text = "THÔNG BÁO\nvề lịch học\n\nNội dung học tập chuyên đề\n\nCăn cứ chương trình công tác năm.\n"
    conv = convert(text_source("t.txt", text))
    assert conv.body == "Nội dung học tập chuyên đề\n\nCăn cứ chương trình công tác năm.\n"


@pytest.mark.parametrize(("place", "date"), [("Quận 3", "ngày 15 tháng 3 năm 2024"), ("Phường 12", "ngày 15/3/2024")])
def test_a_place_named_by_its_number_is_read_with_the_date(place: str, date: str) -> None:
    conv = header(date=f"{place}, {date}")
    assert (conv.place, conv.date, conv.title, conv.body) == (place, dt.date(2024, 3, 15), "về tuyên truyền",
                                                              "Nội dung.\n")


def test_a_two_column_header_with_a_numbered_place_is_read() -> None:
    text = ("QUẬN ỦY QUẬN 3                    ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY PHƯỜNG 5\n"
            "      *                           Quận 3, ngày 15 tháng 3 năm 2024\nSố 12-KH/ĐU\n\n"
            "KẾ HOẠCH\nvề tuyên truyền\n\nNội dung.\n")
    conv = convert(text_source("t.txt", text))
    assert (conv.number, conv.issuer, conv.parent, conv.place, conv.date, conv.title) == (
        "12-KH/ĐU", "ĐẢNG ỦY PHƯỜNG 5", "QUẬN ỦY QUẬN 3", "Quận 3", dt.date(2024, 3, 15), "về tuyên truyền")


@pytest.mark.parametrize(("number", "date"), [("Số: …/QĐ-SNV", "Tam Kỳ, ngày … tháng … năm 2024"),
                                              ("Số ....../QĐ-SNV", "Tam Kỳ, ngày ..... tháng ..... năm 2024"),
                                              ("Số ___/QĐ-SNV", "Tam Kỳ, ngày ___ tháng ___ năm 2024")])
def test_a_drafts_dotted_number_and_date_are_null_and_the_header_is_still_read(number: str, date: str) -> None:
    text = f"UBND TỈNH QUẢNG NAM\nSỞ NỘI VỤ\n{number}\n{date}\n\nQUYẾT ĐỊNH\nVề việc thành lập tổ\n\nNội dung.\n"
    conv = convert(text_source("t.txt", text))
    assert (conv.number, conv.date, conv.place, conv.kind, conv.title, conv.issuer, conv.body) == (
        None, None, "Tam Kỳ", "Quyết định", "Về việc thành lập tổ", "SỞ NỘI VỤ", "Nội dung.\n")
    assert f"dòng 4: ngày tháng không đủ hoặc không hợp lệ (“{date}”) — để trống (null)" in conv.notes


@pytest.mark.parametrize("subject", ["V/v tổ chức hội nghị", "v/v tổ chức hội nghị", "V/v: tổ chức hội nghị",
                                     "V.v tổ chức hội nghị"])
def test_a_cong_van_subject_line_however_v_v_is_typed(subject: str) -> None:
    text = (f"BAN TUYÊN GIÁO\n*\nSố 05-CV/BTGTU\n{subject}\nTam Kỳ, ngày 15 tháng 3 năm 2024\n\n"
            "Kính gửi: Các chi bộ.\n\nNội dung.\n")
    conv = convert(text_source("t.txt", text))
    assert (conv.kind, conv.title, conv.place, conv.date, conv.addressees, conv.body) == (
        "Công văn", "tổ chức hội nghị", "Tam Kỳ", dt.date(2024, 3, 15), ("Các chi bộ",), "Nội dung.\n")


def test_kinh_goi_the_southern_spelling_opens_the_addressees() -> None:
    text = ("BAN TUYÊN GIÁO\n*\nSố 05-CV/BTGTU\nV/v tổ chức hội nghị\nTam Kỳ, ngày 15 tháng 3 năm 2024\n\n"
            "Kính gởi:\n- Các chi bộ;\n- Các đảng ủy cơ sở.\n\nNội dung.\n")
    conv = convert(text_source("t.txt", text))
    assert (conv.addressees, conv.body) == (("Các chi bộ", "Các đảng ủy cơ sở"), "Nội dung.\n")
