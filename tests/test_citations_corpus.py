"""Citations in documents the seeds are not: State numbers, a Công văn whose
header sits under other lines, every way officials write a number, and the
numbers that are not citations. The texts in tests/fixtures/citations are
written for these tests (Party forms after Hướng dẫn 36-HD/VPTW, State forms
after Nghị định 30/2020/NĐ-CP); each expectation was labelled by hand."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

import pytest

from bantin import refs
from bantin.identity import cited_documents
from bantin.numbers import DocNumber, parse_number
from bantin.text import nfc

FIXTURES = Path(__file__).parent / "fixtures" / "citations"
D = dt.date


def text_of(name: str) -> str:
    return nfc((FIXTURES / name).read_text(encoding="utf-8"))


def pairs(name: str) -> list[tuple[str, dt.date | None]]:
    text = text_of(name)
    return [(str(d.number), d.date) for d in cited_documents(text, refs.own_number(text))]


LABELS = {
    "ubnd-quyet-dinh.txt": [
        ("65/2025/QH15", None),
        ("30/2020/NĐ-CP", D(2020, 3, 5)),
        ("05/2024/TT-BTTTT", D(2024, 6, 12)),
        ("15/CT-TTg", D(2022, 6, 22)),
        ("24/KH-BTGTU", D(2025, 1, 3)),
        ("1234/QĐ-UBND", D(2023, 9, 5)),
        ("123/UBND-VX", None),
    ],
    "tinh-uy-cong-van.txt": [
        ("12-HD/BTGTW", D(2025, 1, 2)),  # "12 HD/BTGTW": the dash left out
        ("18-NQ/TW", None),
        ("19-NQ/TW", None),
        ("20-NQ/TW", D(2017, 10, 25)),
        ("21-KL/TW", D(2021, 10, 25)),  # "Kết lúận", "ngàỷ", a date broken across lines
        ("15-TB", D(2024, 9, 3)),  # symbol cut short: issuer unknown
        ("191", None),  # "Kết luận 191": no symbol
        ("05-CT/TW", D(2016, 5, 15)),
        ("08-QĐi/TW", None),
        ("35", D(2019, 5, 30)),  # "Chỉ thị số 35 ngày 30/5/2019"
    ],
}


@pytest.mark.parametrize("name", sorted(LABELS))
def test_every_labelled_citation_is_found_and_nothing_else(name: str) -> None:
    assert pairs(name) == LABELS[name]


def test_the_own_number_of_a_state_document_comes_from_its_header() -> None:
    assert refs.own_number(text_of("ubnd-quyet-dinh.txt")) == DocNumber("547", "QĐ", "UBND", style="state")


def test_the_own_number_is_found_under_lines_that_come_before_the_header() -> None:
    assert refs.own_number(text_of("tinh-uy-cong-van.txt")) == DocNumber("369", "CV", "BTGTU")


def test_numbers_without_a_symbol_are_reported_incomplete() -> None:
    text = text_of("tinh-uy-cong-van.txt")
    incomplete = [(str(d.number), d.kind_words) for d in cited_documents(text) if not d.number.complete]
    assert incomplete == [("15-TB", ("Thông báo",)), ("191", ("Kết luận",)), ("35", ("Chỉ thị",))]


def test_legal_basis_and_implementation_are_told_apart_item_by_item() -> None:
    text = text_of("ubnd-quyet-dinh.txt")
    related = [(str(m.number), m.relation) for m in refs.find_mentions(text, refs.own_number(text)) if m.relation]
    assert related == [
        ("65/2025/QH15", refs.BASIS), ("30/2020/NĐ-CP", refs.BASIS), ("05/2024/TT-BTTTT", refs.BASIS),
        ("15/CT-TTg", refs.IMPLEMENTS), ("24/KH-BTGTU", refs.IMPLEMENTS)]


@pytest.mark.parametrize(
    ("written", "number", "slug"),
    [
        ("30/2020/NĐ-CP", DocNumber("30", "NĐ", "CP", 2020, "state"), "30-2020-nd-cp"),
        ("80/2015/QH13", DocNumber("80", None, "QH13", 2015, "state"), "80-2015-qh13"),
        ("1234/QĐ-UBND", DocNumber("1234", "QĐ", "UBND", None, "state"), "1234-qd-ubnd"),
        ("15/CT-TTg", DocNumber("15", "CT", "TTg", None, "state"), "15-ct-ttg"),
        ("123/UBND-VX", DocNumber("123", None, "UBND-VX", None, "state"), "123-ubnd-vx"),
        ("01/2021/TTLT-BTP-BNV", DocNumber("01", "TTLT", "BTP-BNV", 2021, "state"), "01-2021-ttlt-btp-bnv"),
    ],
)
def test_state_numbers_parse_print_and_slug(written: str, number: DocNumber, slug: str) -> None:
    parsed = parse_number(written)
    assert (parsed, str(parsed), parsed.slug) == (number, written, slug)


@pytest.mark.parametrize("text", ["5/TW", "25/10/2017", "3/4", "24/7", "1/2020/x", "km/h", "2020/2025/NĐ"])
def test_shapes_that_are_not_state_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Điều 5", "khoản 2", "điểm a khoản 3 Điều 12", "đạt 100%", "giai đoạn 2020 - 2025", "Ban Chỉ đạo 35",
        "Hội nghị Trung ương 6", "Đại hội XIII", "trang 5/20", "hình 3", "lúc 8 giờ 30", "0297.3852.123",
        "Kế hoạch 2025", "ngày 25/10/2017", "Quý 3/2025", "tỷ lệ 1/3 số đảng viên",
    ],
)
def test_no_citation_in_everyday_numbers(text: str) -> None:
    assert refs.find_mentions(nfc(text)) == []


def test_a_state_number_cited_with_and_without_its_date_is_one_document() -> None:
    text = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020; theo Nghị định 30/2020/NĐ-CP."
    (document,) = cited_documents(text)
    assert (str(document.number), document.date, document.count) == ("30/2020/NĐ-CP", D(2020, 3, 5), 2)


def test_a_number_wrapped_after_its_dash_is_one_number() -> None:
    text = "Thực hiện Nghị quyết số 18-\nNQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương"
    assert pairs_of(text) == [("18-NQ/TW", D(2017, 10, 25))]


def pairs_of(text: str) -> list[tuple[str, dt.date | None]]:
    return [(str(d.number), d.date) for d in cited_documents(nfc(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Broken by a line break, a space before the slash, an en dash inside the symbol.
        ("Quyết định số 1234/QĐ-\nUBND ngày 14/7/2023", [("1234/QĐ-UBND", D(2023, 7, 14))]),
        ("Công văn số 2150\n/SVHTTDL-QLVH ngày 30/10/2025", [("2150/SVHTTDL-QLVH", D(2025, 10, 30))]),
        ("Quyết định số 1237 /QĐ-UBND ngày 4/2/2025", [("1237/QĐ-UBND", D(2025, 2, 4))]),
        ("Kết luận số 222\n-KL/TW ngày 1/2/2025", [("222-KL/TW", D(2025, 2, 1))]),
        ("Nghị định số 53/2025/NĐ–CP", [("53/2025/NĐ-CP", None)]),
        # A footnote's mark glued on by pdftotext; a symbol with a real number stays whole.
        ("Kết luận số 121-KL/TW2, ngày 24/01/2025", [("121-KL/TW", D(2025, 1, 24))]),
        ("Kế hoạch số 01-KH/BCĐ389 ngày 3/3/2024", [("01-KH/BCĐ389", D(2024, 3, 3))]),
        # Dates: after "do … ban hành", broken after a slash, after a Markdown link.
        ("Quyết định số 456/QĐ-UBND do UBND tỉnh ban hành ngày 5/9/2023", [("456/QĐ-UBND", D(2023, 9, 5))]),
        ("Kế hoạch số 5-KH/TU ngày 25/10/\n2017", [("5-KH/TU", D(2017, 10, 25))]),
        ("[Nghị quyết số 36-NQ/TW](/van-ban/x/) ngày 22/10/2018", [("36-NQ/TW", D(2018, 10, 22))]),
        # A serial listed before a number of its kind shares its symbol and date.
        ("các Nghị quyết số 18, 19-NQ/TW ngày 25/10/2017", [("18-NQ/TW", D(2017, 10, 25)), ("19-NQ/TW", D(2017, 10, 25))]),
        # "mùng"/"mồng", "được ban hành ngày", a number in quotes, "cùng ngày", a register's date cell.
        ("Công văn số 1456-CV/TU ngày mùng 5 tháng 11 năm 2025", [("1456-CV/TU", D(2025, 11, 5))]),
        ("NQ số 04-NQ/TW được ban hành ngày\n30/10/2016", [("04-NQ/TW", D(2016, 10, 30))]),
        ('Thực hiện "Quyết định số 1520/QĐ-UBND" ngày 10/10/2025', [("1520/QĐ-UBND", D(2025, 10, 10))]),
        ("Thông báo số 95-TB/HU ngày 20/11/2025 và Kết luận số 55-KL/HU cùng ngày",
         [("95-TB/HU", D(2025, 11, 20)), ("55-KL/HU", D(2025, 11, 20))]),
        ("| 1 | 24-NQ/ĐU | 15/02/2025 | Đã triển khai |", [("24-NQ/ĐU", D(2025, 2, 15))]),
        ("| 1 | Học tập Nghị quyết số 66-NQ/TW | 10/4/2025 |", [("66-NQ/TW", None)]),  # a deadline, not its date
        # A line break after the slash; Quy định's two codes in one shared-symbol list.
        ("Kế hoạch số 45-KH/\nĐU ngày 20/01/2025", [("45-KH/ĐU", D(2025, 1, 20))]),
        ("Quy định số 37, 41-QĐ/TW của Bộ Chính trị", [("37-QĐ/TW", None), ("41-QĐ/TW", None)]),
        # "cùng ngày <date>" dates the whole list; HTML left in the text; a thousands dot; register cells.
        ("Quyết định số 35-QĐ/TW, 36-QĐ/TW, 37-QĐ/TW cùng ngày 20/12/2025 của Ban Bí thư",
         [("35-QĐ/TW", D(2025, 12, 20)), ("36-QĐ/TW", D(2025, 12, 20)), ("37-QĐ/TW", D(2025, 12, 20))]),
        ("<b>Kết luận 123-KL/TW</b> ngày&nbsp;24/01/2025", [("123-KL/TW", D(2025, 1, 24))]),
        ("Công văn số 1.245-CV/BTGDVTW ngày 14/02/2026", [("1245-CV/BTGDVTW", D(2026, 2, 14))]),
        ("| 6 | 318/QĐ-SNV<br>18/3/2026 | |", [("318/QĐ-SNV", D(2026, 3, 18))]),
        ("| 7 | Số: 325/KH-SNV | ngày 24/3/2026 | x |", [("325/KH-SNV", D(2026, 3, 24))]),
        # A form's number is not a document's.
        ("theo biểu mẫu số 01/BC-ĐU và Mẫu số 02/KH-UB; Biểu mẫu 02-BM/TU", []),
        # Two committees' plans of one day: short symbols one letter apart are two documents.
        ("Kế hoạch số 63-KH/TU ngày 1/3/2025 và Kế hoạch số 63-KH/HU ngày 1/3/2025",
         [("63-KH/TU", D(2025, 3, 1)), ("63-KH/HU", D(2025, 3, 1))]),
    ],
)
def test_shapes_real_texts_break_numbers_into(text: str, expected: list) -> None:
    assert pairs_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Triển khai Chương trình 135 và Đề án 06 của Chính phủ;", "hướng dẫn 100% hộ gia đình cài đặt ứng dụng",
        "Báo cáo 6 tháng đầu năm", "Kế hoạch 5 năm 2021 - 2025", "Kế hoạch 100 ngày cao điểm",
        "Thông báo 02 nội dung", "thông báo 3 lần", "Kết luận 3 vấn đề", "Quy định 5 điều",
        "quyết định 2 người", "Chương trình 2 năm học",
    ],
)
def test_a_kind_word_counting_something_is_no_citation(text: str) -> None:
    assert refs.find_mentions(nfc(text)) == []


def test_quy_dinh_with_a_serial_only_names_the_quy_dinh_numbered_qd() -> None:
    text = "Theo Quy định số 24-QĐ/TW ngày 30/7/2021; rà soát theo Quy định 24."
    assert pairs_of(text) == [("24-QĐ/TW", D(2021, 7, 30))]


def test_a_citation_of_the_same_number_another_year_is_not_the_documents_own() -> None:
    text = nfc("Số: 456/QĐ-UBND\nAn Phú, ngày 3 tháng 4 năm 2025\n\n"
               "Căn cứ Quyết định số 456/QĐ-UBND ngày 3/3/2021 của UBND tỉnh;")
    own, date = refs.own_number(text), refs.own_date(text)
    assert (str(own), date) == ("456/QĐ-UBND", D(2025, 4, 3))
    assert [(str(d.number), d.date) for d in cited_documents(text, own, date)] == [("456/QĐ-UBND", D(2021, 3, 3))]


# -- a labelled corpus: 33 documents in the shapes real bulletins take, and short probes -----------
# Written for bantin (hunt/, hunt2/, hunt3/); labels.json holds each file's (number, date) pairs by hand.


def _loose(number: str, date: str | None) -> tuple:
    """How labels are compared: serial as a number, letters without marks, Đ as D, any case."""
    serial, rest = re.match(r"(\d+)(.*)", number).groups()
    return int(serial), unicodedata.normalize("NFD", rest.replace("Đ", "D").replace("đ", "d")).encode(
        "ascii", "ignore").decode().upper(), date


@pytest.mark.parametrize("labels", ["hunt/labels.json", "hunt/probe_labels.json", "hunt2/labels.json", "hunt3/labels.json"])
def test_bantin_refs_finds_exactly_the_labelled_citations(labels: str, capsys) -> None:
    from bantin.cli import main

    wrong = {}
    folder = (FIXTURES / labels).parent
    for name, pairs in json.loads((FIXTURES / labels).read_text(encoding="utf-8")).items():
        main(["refs", str(folder / name)])
        found = {_loose(r["number"], r["date"]) for r in map(json.loads, capsys.readouterr().out.splitlines())}
        expected = {_loose(n, d) for n, d in pairs}
        if found != expected:
            wrong[name] = {"false": sorted(found - expected), "missed": sorted(expected - found)}
    assert wrong == {}


def test_luat_ending_phap_luat_is_not_the_kind_word() -> None:
    text = nfc("Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15; Luật số 80/2015/QH13")
    assert [(str(m.number), m.kind_word) for m in refs.find_mentions(text)] == [
        ("64/2025/QH15", None), ("80/2015/QH13", "Luật")]
