"""Citations in documents the seeds are not: State numbers, a Công văn whose
header sits under other lines, every way officials write a number, and the
numbers that are not citations. The texts in tests/fixtures/citations are
written for these tests (Party forms after Hướng dẫn 36-HD/VPTW, State forms
after Nghị định 30/2020/NĐ-CP); each expectation was labelled by hand."""

from __future__ import annotations

import datetime as dt
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
