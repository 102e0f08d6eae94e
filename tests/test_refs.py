"""Specification of ``bantin.refs``: document numbers and the texts that cite them.

Ground truth is the four real documents in tests/fixtures/seeds and the
phrases quoted in the issue; expectations are exact.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest

from bantin import identity, refs
from bantin.sentences import sentence_around
from bantin.refs import DocNumber
from bantin.text import nfc

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = {path.name[:3]: path for path in (FIXTURES / "seeds").glob("*.txt")}
D = dt.date


def seed(name: str) -> str:
    return nfc(SEEDS[name].read_text(encoding="utf-8"))


def markdown_body() -> str:
    return nfc((FIXTURES / "refs" / "body.md").read_text(encoding="utf-8"))


def found(text: str, own: DocNumber | None = None) -> list[tuple[str, str | None, dt.date | None, str]]:
    """Each mention as (normalised number, kind word, date, spanned text)."""
    return [(str(m.number), m.kind_word, m.date, text[m.start : m.end]) for m in refs.find_mentions(text, own)]


def documents(text: str, own: DocNumber | None = None) -> list[tuple[str, dt.date | None, tuple[str, ...], int]]:
    return [(str(d.number), d.date, d.spellings, d.count) for d in identity.cited_documents(text, own)]


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# --- DocNumber ---------------------------------------------------------------


def test_number_prints_in_normal_form():
    assert str(DocNumber("127", "KL", "TW")) == "127-KL/TW"
    assert str(DocNumber("02", "KH", "BTGDUK")) == "02-KH/BTGDUK"


def test_slug_is_ascii_lowercase():
    assert DocNumber("127", "KL", "TW").slug == "127-kl-tw"
    assert DocNumber("11", "HD", "BTGDUK").slug == "11-hd-btgduk"
    assert DocNumber("11", "HD", "BTGDĐUK").slug == "11-hd-btgdduk"


def test_key_ignores_leading_zeros_case_and_d_u_marks():
    assert DocNumber("02", "KH", "BTGDUK").key == ("party", 2, None, "kh", "btgduk")
    assert DocNumber("2", "KH", "BTGDƯK").key == DocNumber("02", "KH", "BTGDUK").key
    assert DocNumber("5", "QĐ", "ĐUK").key == DocNumber("05", "QĐ", "DUK").key


def test_key_keeps_a_letter_that_is_really_there():
    # BTGDĐUK has one more letter than BTGDUK: matching them is collection work.
    assert DocNumber("11", "HD", "BTGDĐUK").key != DocNumber("11", "HD", "BTGDUK").key


def test_key_tells_quyet_dinh_from_quy_dinh():
    assert DocNumber("101", "QĐ", "TW").key != DocNumber("101", "QĐi", "TW").key


# --- parse_number ------------------------------------------------------------


def test_parse_number_accepts_spaces_around_the_dash():
    assert refs.parse_number("02 -KH/BTGDUK") == DocNumber("02", "KH", "BTGDUK")


@pytest.mark.parametrize("text", ["18-NQ/TW", "18\u2010NQ/TW", "18\u2013NQ/TW", "18 – NQ/TW", " 18-NQ/TW "])
def test_parse_number_accepts_dash_variants(text):
    assert refs.parse_number(text) == DocNumber("18", "NQ", "TW")


@pytest.mark.parametrize(
    ("text", "code"),
    [("05-qđi/tw", "QĐi"), ("12-ctr/tu", "CTr"), ("3-TTR/HU", "TTr"), ("7-đa/tu", "ĐA"), ("9-Hd/TU", "HD")],
)
def test_parse_number_gives_codes_their_official_casing(text, code):
    assert refs.parse_number(text).code == code


def test_parse_number_reads_a_code_typed_without_its_stroke_as_the_official_one():
    assert refs.parse_number("238-QD/TW") == DocNumber("238", "QĐ", "TW")


def test_parse_number_keeps_an_unknown_code_uppercased_and_a_joint_issuer_whole():
    assert refs.parse_number("01-HDLT/BTCTW-BTGTW") == DocNumber("01", "HDLT", "BTCTW-BTGTW")


def test_parse_number_uppercases_issuers_with_d_and_u_marks():
    assert refs.parse_number("11-HD/btgdđuk") == DocNumber("11", "HD", "BTGDĐUK")
    assert refs.parse_number("11-HD/BTGDƯK").issuer == "BTGDƯK"


def test_parse_number_composes_decomposed_input():
    assert refs.parse_number(unicodedata.normalize("NFD", "06-CV/BCĐ")) == DocNumber("06", "CV", "BCĐ")


@pytest.mark.parametrize(
    "text",
    ["", "Số 02-KH/BTGDUK", "18-NQ/TW ngày 25/10/2017", "25/11/2024", "CT-XH", "100-kg/ha", "18-NQ/", "NQ/TW"],
)
def test_parse_number_rejects_anything_but_one_number(text):
    assert refs.parse_number(text) is None


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_normalised_number_parses_back_to_itself(name):
    for mention in refs.find_mentions(seed(name)):
        assert refs.parse_number(str(mention.number)) == mention.number


# --- find_mentions: the shapes real documents use ------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nghị quyết số 18-NQ/TW", [("18-NQ/TW", "Nghị quyết", None, "Nghị quyết số 18-NQ/TW")]),
        ("Nghị quyết 18-NQ/TW", [("18-NQ/TW", "Nghị quyết", None, "Nghị quyết 18-NQ/TW")]),
        ("Kết luận 127 -KL/TW", [("127-KL/TW", "Kết luận", None, "Kết luận 127 -KL/TW")]),
        (
            "Quy định số 101 -QĐ/TW, 28/02/2023",
            [("101-QĐ/TW", "Quy định", D(2023, 2, 28), "Quy định số 101 -QĐ/TW")],
        ),
        (
            "Kế hoạch số 293-KH/TU, ngày 20/7/2023",
            [("293-KH/TU", "Kế hoạch", D(2023, 7, 20), "Kế hoạch số 293-KH/TU")],
        ),
        (
            "Hướng dẫn số 61-HD/BTGHU ngày 17/12/2024",
            [("61-HD/BTGHU", "Hướng dẫn", D(2024, 12, 17), "Hướng dẫn số 61-HD/BTGHU")],
        ),
        (
            "Kế hoạch số 12-KH/TU, ngày 16 tháng 12 năm 2024",
            [("12-KH/TU", "Kế hoạch", D(2024, 12, 16), "Kế hoạch số 12-KH/TU")],
        ),
        (
            "Nghị quyết số 18-NQ/TW, ngày 25-10-2017",
            [("18-NQ/TW", "Nghị quyết", D(2017, 10, 25), "Nghị quyết số 18-NQ/TW")],
        ),
    ],
)
def test_finds_the_issue_examples(text, expected):
    assert found(text) == expected


def test_a_date_belongs_only_to_the_number_it_follows():
    text = "Kết luận số 05-KL/BCĐ, Công văn số 06-CV/BCĐ ngày 10/12/2024"
    assert found(text) == [
        ("05-KL/BCĐ", "Kết luận", None, "Kết luận số 05-KL/BCĐ"),
        ("06-CV/BCĐ", "Công văn", D(2024, 12, 10), "Công văn số 06-CV/BCĐ"),
    ]


def test_an_impossible_date_is_no_date():
    assert found("Công văn số 06-CV/BCĐ ngày 31/02/2024") == [
        ("06-CV/BCĐ", "Công văn", None, "Công văn số 06-CV/BCĐ")
    ]


def test_a_date_after_the_issuer_clause_is_the_numbers():
    assert found("Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương ngày 25/10/2017") == [
        ("18-NQ/TW", "Nghị quyết", D(2017, 10, 25), "Nghị quyết số 18-NQ/TW")
    ]


def test_a_date_after_the_subject_is_the_meetings_not_the_numbers():
    text = "Hướng dẫn số 173-HD/BTGTW của Ban Tuyên giáo Trung ương về Hội nghị Trung ương ngày 25/11/2024"
    assert found(text) == [("173-HD/BTGTW", "Hướng dẫn", None, "Hướng dẫn số 173-HD/BTGTW")]


@pytest.mark.parametrize("dash", ["-", "\u2010", "\u2013", " - ", " \u2013 "])
def test_dash_variants_give_the_same_number(dash):
    text = f"Kết luận số 127{dash}KL/TW ngày 28/02/2025"
    assert [(str(m.number), m.date) for m in refs.find_mentions(text)] == [("127-KL/TW", D(2025, 2, 28))]


def test_kind_words_and_codes_are_read_in_any_case():
    text = "nghị quyết số 18-nq/tw; QUY ĐỊNH SỐ 05-QĐI/TW; Chương trình số 12-ctr/tu"
    assert found(text) == [
        ("18-NQ/TW", "nghị quyết", None, "nghị quyết số 18-nq/tw"),
        ("05-QĐi/TW", "QUY ĐỊNH", None, "QUY ĐỊNH SỐ 05-QĐI/TW"),
        ("12-CTr/TU", "Chương trình", None, "Chương trình số 12-ctr/tu"),
    ]


def test_every_official_code_is_recognised():
    codes = ["NQ", "QĐ", "CT", "KL", "QĐi", "QC", "HD", "KH", "CTr", "TB", "TT", "BC", "TTr", "CV", "ĐA", "PA", "BB"]
    text = "; ".join(f"số {n}-{code.upper()}/TU" for n, code in enumerate(codes, 1))
    assert [m.number.code for m in refs.find_mentions(text)] == codes


def test_issuer_symbols_keep_their_d_and_u_marks():
    text = "Hướng dẫn số 11-HD/BTGDĐUK, Kết luận số 05-KL/BCĐ, Công văn số 3-CV/ĐUK, Hướng dẫn số 11-HD/BTGDƯK"
    assert [m.number.issuer for m in refs.find_mentions(text)] == ["BTGDĐUK", "BCĐ", "ĐUK", "BTGDƯK"]


def test_kind_word_qualifiers_stay_with_the_kind_word():
    text = (
        "Hướng dẫn liên tịch số 01-HDLT/BTCTW-BTGTW; Thông báo kết luận số 15-TB/TW; "
        "Chương trình hành động số 12-CTr/TU"
    )
    assert [(str(m.number), m.kind_word) for m in refs.find_mentions(text)] == [
        ("01-HDLT/BTCTW-BTGTW", "Hướng dẫn liên tịch"),
        ("15-TB/TW", "Thông báo kết luận"),
        ("12-CTr/TU", "Chương trình hành động"),
    ]


def test_numbers_listed_after_a_kind_word_share_it():
    assert found("các Nghị quyết số 18-NQ/TW, 19-NQ/TW và 20-NQ/TW") == [
        ("18-NQ/TW", "Nghị quyết", None, "Nghị quyết số 18-NQ/TW"),
        ("19-NQ/TW", "Nghị quyết", None, "19-NQ/TW"),
        ("20-NQ/TW", "Nghị quyết", None, "20-NQ/TW"),
    ]


def test_a_listed_number_of_another_kind_does_not_take_the_kind_word():
    assert found("Nghị quyết 18-NQ/TW, 05-KL/TW") == [
        ("18-NQ/TW", "Nghị quyết", None, "Nghị quyết 18-NQ/TW"),
        ("05-KL/TW", None, None, "05-KL/TW"),
    ]


def test_so_typed_without_its_space_still_introduces_the_number():
    assert found("Nghị quyết số18-NQ/TW") == [("18-NQ/TW", "Nghị quyết", None, "Nghị quyết số18-NQ/TW")]


def test_markdown_emphasis_around_a_mention_is_tolerated():
    text = "theo *Quyết định số 238-QĐ/TW ngày 20/9/2020* và **Kế hoạch số 12-KH/TU** ngày 5/3/2025"
    assert found(text) == [
        ("238-QĐ/TW", "Quyết định", D(2020, 9, 20), "Quyết định số 238-QĐ/TW"),
        ("12-KH/TU", "Kế hoạch", D(2025, 3, 5), "Kế hoạch số 12-KH/TU"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "25/11/2024",
        "07 định hướng chiến lược",
        "Ban Chỉ đạo 35",
        "BCĐ 35 tỉnh",
        "COP26",
        "lần thứ XIV",
        "40 năm đổi mới",
        "CT-XH",
        "CT - XH",
        "T/M BAN THƯỜNG VỤ",
        "K/T TRƯỞNG BAN",
        "V/v đẩy mạnh",
        "(để b/c)",
        "t/hiện",
        "Đ/c Phạm Đức Tiến",
        "cổng/trang thông tin",
        "Tinh - Gọn - Mạnh",
        "1- Tiếp tục chỉ đạo",
        "năm 2030, năm 2045",
        "giai đoạn 2021-2025",
        "100-kg/ha",
        "khóa XIII ngày 25/11/2024",
        "ngày **31/12/2024**",
    ],
)
def test_false_positives_yield_nothing(text):
    assert refs.find_mentions(text) == []


def test_the_widest_mention_keeps_its_kind_word():
    # Every gap a mention may hold, some of them long: mentions are looked for
    # only near the dash of a number, and this is as far back as one reaches.
    widest = "Thông" + " " * 300 + "báo kết  luận**  số :**  18 - KL/TW"
    text = f"Thực hiện {widest} ngày 1/2/2024; Nghị quyết" + " " * 300 + "số 9-NQ/TW"
    assert found(text) == [
        ("18-KL/TW", "Thông báo kết luận", D(2024, 2, 1), widest),  # the kind word in single spaces
        ("9-NQ/TW", "Nghị quyết", None, "Nghị quyết" + " " * 300 + "số 9-NQ/TW"),
    ]


def test_decomposed_input_composed_first_gives_the_same_mentions():
    text = seed("000")
    assert refs.find_mentions(nfc(unicodedata.normalize("NFD", text))) == refs.find_mentions(text)


def test_mentions_come_in_text_order_with_spans_on_the_kind_word_and_number():
    text = seed("001")
    assert [(text[m.start : m.end], line_of(text, m.start)) for m in refs.find_mentions(text)] == [
        ("229-CV/BTGHU", 10),  # the header's own number: no own given, so it is kept
        ("Kế hoạch số 187-KH/HU", 21),
        ("Kết luận số 01-KL/BCĐ", 21),
        ("Nghị quyết số 18-NQ/TW", 21),
        ("Công văn số 2497-CV/BTGTU", 21),
        ("Hướng dẫn số 61-HD/BTGHU", 23),
        ("Nghị quyết số 18-NQ/TW", 23),
    ]


# --- the document's own number -------------------------------------------------


def test_own_number_comes_from_the_header_line():
    assert refs.own_number(seed("000")) == DocNumber("02", "KH", "BTGDUK")
    assert refs.own_number(seed("001")) == DocNumber("229", "CV", "BTGHU")


def test_own_number_is_none_without_a_header_number():
    assert refs.own_number(seed("002")) is None
    assert refs.own_number(seed("004")) is None


def test_own_number_accepts_a_colon_and_a_second_column_on_the_line():
    text = "TỈNH ỦY THÁI BÌNH\nSố: 293-KH/TU        Thái Bình, ngày 20 tháng 7 năm 2023\n\nKẾ HOẠCH\n"
    assert refs.own_number(text) == DocNumber("293", "KH", "TU")


def test_own_number_ignores_numbers_in_the_body():
    text = "KẾ HOẠCH\n\n" + "Thực hiện Kế hoạch số 77-KH/BTGTU, ngày 10/12/2024 của Ban Tuyên giáo Tỉnh ủy.\n\nSố 5-KH/TU\n"
    assert refs.own_number(text) is None


def test_own_number_is_not_a_citation_of_itself():
    text = seed("000")
    assert found(text)[0] == ("02-KH/BTGDUK", None, None, "02 -KH/BTGDUK")
    assert "02-KH/BTGDUK" not in [number for number, *_ in found(text, refs.own_number(text))]


def test_own_number_is_compared_by_key():
    text = seed("000")
    assert found(text, refs.parse_number("2-kh/btgdưk")) == found(text, DocNumber("02", "KH", "BTGDUK"))


# --- the seeds: the documents each one cites -----------------------------------


def test_seed_000_cites_exactly_these_documents():
    text = seed("000")
    assert documents(text, refs.own_number(text)) == [
        ("18-NQ/TW", D(2017, 10, 25), ("18-NQ/TW",), 15),
        ("77-KH/BTGTU", D(2024, 12, 10), ("77-KH/BTGTU",), 1),
        # One document spelled three ways (one letter apart, same date), as on the site.
        ("11-HD/BTGDĐUK", D(2024, 12, 6), ("11-HD/BTGDĐUK", "11-HD/BTGDƯK", "11-HD/BTGDUK"), 3),
        ("05-KL/BCĐ", None, ("05-KL/BCĐ",), 2),
        ("06-CV/BCĐ", D(2024, 12, 10), ("06-CV/BCĐ",), 2),
        ("09-KL/TW", D(2024, 11, 24), ("09-KL/TW",), 1),
        ("67-HD/BTGTU", D(2024, 12, 5), ("67-HD/BTGTU",), 1),
    ]


def test_seed_001_cites_exactly_these_documents():
    text = seed("001")
    assert documents(text, refs.own_number(text)) == [
        ("187-KH/HU", D(2024, 12, 13), ("187-KH/HU",), 1),
        ("01-KL/BCĐ", None, ("01-KL/BCĐ",), 1),
        ("18-NQ/TW", D(2017, 10, 25), ("18-NQ/TW",), 2),
        ("2497-CV/BTGTU", D(2024, 12, 20), ("2497-CV/BTGTU",), 1),
        ("61-HD/BTGHU", D(2024, 12, 17), ("61-HD/BTGHU",), 1),
    ]


def test_seed_002_cites_exactly_these_documents():
    assert documents(seed("002")) == [
        ("127-KL/TW", D(2025, 2, 28), ("127-KL/TW",), 6),
        ("303-KH/TU", D(2025, 3, 5), ("303-KH/TU",), 1),
        ("18-NQ/TW", None, ("18-NQ/TW",), 1),
    ]


def test_seed_004_cites_exactly_these_documents():
    assert documents(seed("004")) == [
        ("173-HD/BTGTW", D(2024, 11, 28), ("173-HD/BTGTW",), 1),
        ("18-NQ/TW", None, ("18-NQ/TW",), 13),
        ("238-QĐ/TW", D(2020, 9, 20), ("238-QĐ/TW",), 2),
    ]


def test_seed_002_document_as_json():
    first = identity.cited_documents(seed("002"))[0]
    assert first.as_json() == {
        "number": "127-KL/TW",
        "kind": "KL",
        "issuer_symbol": "TW",
        "year": None,
        "date": "2025-02-28",
        "incomplete": False,
        "kind_word": "Kết luận",
        "kind_words": ["Kết luận"],
        "spellings": ["127-KL/TW"],
        "count": 6,
        "first": {"line": 5, "column": 38},
    }


# --- implements: the objects of the opening "Thực hiện …" clauses -----------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # 18-NQ/TW is the subject of 77-KH/BTGTU ("… về tuyên truyền … Nghị quyết số
        # 18-NQ/TW"), not an object of "Thực hiện".
        ("000", [("77-KH/BTGTU", 19)]),
        ("001", [("187-KH/HU", 21), ("2497-CV/BTGTU", 21)]),
        ("002", [("127-KL/TW", 9), ("303-KH/TU", 11)]),
        ("004", [("173-HD/BTGTW", 7)]),
    ],
)
def test_implements_marks_exactly_the_opening_clauses(name, expected):
    text = seed(name)
    mentions = refs.find_mentions(text, refs.own_number(text))
    assert [(str(m.number), line_of(text, m.start)) for m in mentions if m.implements] == expected


def test_a_title_mention_before_the_opening_does_not_implement():
    text = seed("002")
    title = refs.find_mentions(text)[0]
    assert (text[title.start : title.end], line_of(text, title.start), title.implements) == (
        "Kết luận 127 -KL/TW",
        5,
        False,
    )


# --- Markdown bodies ------------------------------------------------------------


def test_markdown_body_mentions_with_emphasis_lists_and_escaped_numbering():
    text = markdown_body()
    assert [(str(m.number), m.kind_word, m.date, m.relation) for m in refs.find_mentions(text)] == [
        ("24-QĐ/TW", "Quy định", D(2021, 7, 30), refs.BASIS),  # "Căn cứ …": the legal basis
        ("187-KH/HU", "Kế hoạch", D(2024, 12, 13), refs.IMPLEMENTS),
        ("61-HD/BTGHU", "Hướng dẫn", D(2024, 12, 17), refs.IMPLEMENTS),
        ("2497-CV/BTGTU", "Công văn", D(2024, 12, 20), None),
        ("18-NQ/TW", "Nghị quyết", None, None),
        ("01-KL/BCĐ", "Kết luận", None, None),  # "Thực hiện" inside a numbered section
        ("61-HD/BTGHU", "Hướng dẫn", None, None),
        ("238-QĐ/TW", "Quyết định", D(2020, 9, 20), None),
    ]


def test_markdown_body_documents_join_an_undated_mention_to_its_dated_one():
    assert documents(markdown_body()) == [
        ("24-QĐ/TW", D(2021, 7, 30), ("24-QĐ/TW",), 1),
        ("187-KH/HU", D(2024, 12, 13), ("187-KH/HU",), 1),
        ("61-HD/BTGHU", D(2024, 12, 17), ("61-HD/BTGHU",), 2),
        ("2497-CV/BTGTU", D(2024, 12, 20), ("2497-CV/BTGTU",), 1),
        ("18-NQ/TW", None, ("18-NQ/TW",), 1),
        ("01-KL/BCĐ", None, ("01-KL/BCĐ",), 1),
        ("238-QĐ/TW", D(2020, 9, 20), ("238-QĐ/TW",), 1),
    ]


# --- sentence_around ------------------------------------------------------------


def sentences(text: str, number: str) -> list[str]:
    return [sentence_around(text, m.start, m.end) for m in refs.find_mentions(text) if str(m.number) == number]


def test_sentence_of_a_list_item_drops_the_bullet():
    assert sentences(seed("004"), "238-QĐ/TW")[1] == (
        "Chỉ đạo các ban tuyên giáo, tuyên huấn phối hợp chặt chẽ với các cơ quan nhà nước cùng cấp chỉ đạo, "
        "định hướng và tổ chức các hoạt động thông tin, tuyên truyền trên địa bàn theo tinh thần "
        "Quyết định số 238-QĐ/TW ngày 20/9/2020 của Ban Bí thư."
    )


def test_sentence_ends_at_a_semicolon_and_keeps_quotes():
    assert sentences(seed("002"), "303-KH/TU") == [
        "Thực hiện Kế hoạch số 303-KH/TU ngày 05/3/2025 của Thành ủy Hà Nội về “Tuyên truyền, quán triệt thực "
        "hiện Kết luận 127 -KL/TW của Bộ Chính trị, Ban Bí thư về triển khai nghiên cứu, đề xuất tiếp tục sắp xếp "
        "tổ chức bộ máy của hệ thống chính trị”;"
    ]


def test_sentence_drops_bold_markers_and_joins_wrapped_lines():
    assert sentences(seed("002"), "127-KL/TW")[0] == (
        "Tuyên truyền, quán triệt thực hiện Kết luận 127 -KL/TW của Bộ Chính trị, Ban Bí thư về triển khai "
        "nghiên cứu, đề xuất tiếp tục sắp xếp tổ chức bộ máy của hệ thống chính trị"
    )


def test_sentence_skips_section_numbers_and_spans_a_page_break():
    # "1.1." opens the sentence; a blank line before a lower-case word is a page break.
    assert sentences(seed("004"), "18-NQ/TW")[5] == (
        "Tuyên truyền, quán triệt sâu sắc chủ trương, quan điểm, mục đích, yêu cầu, quan điểm, nội dung tổng kết, "
        "tiến độ thực hiện, trách nhiệm của các cấp uy, tổ chức đảng, cơ quan, đơn vị trong triển khai tổng kết "
        "Nghị quyết số 18-NQ/TW, nhất là một số vấn đề trọng tâm sau:"
    )


def test_a_long_sentence_is_cut_around_the_mention():
    assert sentences(seed("000"), "06-CV/BCĐ")[0] == (
        "…chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả ở các cấp, các ngành, "
        "địa phương, cơ quan, đơn vị theo Kết luận số 05-KL/BCĐ, Công văn số 06-CV/BCĐ ngày 10/12/2024 của "
        "Ban Chỉ đạo tỉnh về triển khai nhiệm vụ tổng kết Nghị quyết số 18-NQ/TW và các văn bản chỉ đạo của tỉnh."
    )


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_sentence_is_at_most_about_300_characters(name):
    text = seed(name)
    assert max(len(sentence_around(text, m.start, m.end)) for m in refs.find_mentions(text)) <= 302


def test_sentence_in_markdown_drops_escapes_and_emphasis():
    text = markdown_body()
    assert sentences(text, "18-NQ/TW") == [
        "Tuyên truyền việc tổng kết Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XII."
    ]
    assert sentences(text, "238-QĐ/TW") == ["Phối hợp theo Quyết định số 238-QĐ/TW ngày 20/9/2020 của Ban Bí thư."]


def test_sentence_is_not_cut_inside_the_closing_mark():
    text = "Đề nghị các chi bộ thực hiện nghiêm Kế hoạch số 12-KH/TU./."
    (mention,) = refs.find_mentions(text)
    assert sentence_around(text, mention.start, mention.end) == text


# --- cited_documents: grouping ----------------------------------------------------


def test_the_same_number_with_two_dates_is_two_documents():
    text = (
        "Quy định số 101-QĐ/TW, ngày 07/6/2012 của Ban Bí thư đã được thay bằng "
        "Quy định số 101 -QĐ/TW, 28/02/2023; Quy định số 101-QĐ/TW quy định rõ."
    )
    assert documents(text) == [
        ("101-QĐ/TW", D(2012, 6, 7), ("101-QĐ/TW",), 1),
        ("101-QĐ/TW", D(2023, 2, 28), ("101-QĐ/TW",), 1),
        ("101-QĐ/TW", None, ("101-QĐ/TW",), 1),  # undated with two candidates: never guess
    ]


def test_an_undated_mention_first_still_joins_the_only_dated_one():
    text = "Nghị quyết số 18-NQ/TW đã chỉ rõ. Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành."
    (document,) = identity.cited_documents(text)
    assert (document.date, document.count, document.first_line, document.first_column) == (D(2017, 10, 25), 2, 1, 1)


def test_spellings_differing_only_in_zeros_and_marks_are_one_document():
    text = "Kế hoạch số 02-KH/ĐUK ngày 1/2/2024; Kế hoạch 2-KH/DUK; kế hoạch số 02 -kh/đuk."
    (document,) = identity.cited_documents(text)
    assert document.as_json() == {
        "number": "02-KH/ĐUK",
        "kind": "KH",
        "issuer_symbol": "ĐUK",
        "year": None,
        "date": "2024-02-01",
        "incomplete": False,
        "kind_word": "Kế hoạch",
        "kind_words": ["Kế hoạch", "kế hoạch"],
        "spellings": ["02-KH/ĐUK", "2-KH/DUK"],
        "count": 3,
        "first": {"line": 1, "column": 1},
    }


# --- the command line --------------------------------------------------------------


def test_refs_command_prints_one_json_line_per_cited_document(capsys):
    from bantin.cli import main

    path = str(SEEDS["001"])
    assert main(["refs", path]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["file"], r["number"], r["date"], r["count"]) for r in lines] == [
        (path, "187-KH/HU", "2024-12-13", 1),
        (path, "01-KL/BCĐ", None, 1),
        (path, "18-NQ/TW", "2017-10-25", 2),
        (path, "2497-CV/BTGTU", "2024-12-20", 1),
        (path, "61-HD/BTGHU", "2024-12-17", 1),
    ]


def test_refs_command_leaves_out_the_files_own_number(capsys):
    from bantin.cli import main

    main(["refs", str(SEEDS["000"])])
    numbers = [json.loads(line)["number"] for line in capsys.readouterr().out.splitlines()]
    assert numbers == [
        "18-NQ/TW",
        "77-KH/BTGTU",
        "11-HD/BTGDĐUK",  # with 11-HD/BTGDƯK and 11-HD/BTGDUK: one document
        "05-KL/BCĐ",
        "06-CV/BCĐ",
        "09-KL/TW",
        "67-HD/BTGTU",
    ]


# --- scale --------------------------------------------------------------------------


def test_a_five_megabyte_text_is_read_in_one_linear_pass():
    unit = "\n\n".join(seed(name) for name in sorted(SEEDS))
    copies = 5_000_000 // len(unit) + 1
    per_unit = len(refs.find_mentions(unit))
    assert len(refs.find_mentions(unit * copies)) == per_unit * copies


def test_refs_command_refuses_a_pipe_without_opening_it(tmp_path, capsys):
    import os

    from bantin.cli import main

    pipe = tmp_path / "ong.txt"
    os.mkfifo(pipe)
    assert main(["refs", str(pipe)]) == 1
    assert capsys.readouterr().err == (
        f"{pipe}: đây là ống dẫn (FIFO), không phải tệp văn bản: hãy xóa nó khỏi thư mục content/\n")


def test_refs_command_reads_past_soft_hyphens_and_zero_width_spaces(tmp_path, capsys):
    from bantin.cli import main

    source = tmp_path / "web.txt"
    source.write_text("Theo Quy định số 1\u00ad89-QĐ/TW và Thông báo số 12\u200b3-TB/TU.", encoding="utf-8")
    main(["refs", str(source)])
    assert [json.loads(line)["number"] for line in capsys.readouterr().out.splitlines()] == ["189-QĐ/TW", "123-TB/TU"]


@pytest.mark.parametrize("written", ["02-CTrPH/BTGTU-HND", "01-HDLT/BTGTU-SVHTTDL"])
def test_a_joint_partys_code_not_in_the_list_is_kept_as_written(written):
    # "Chương trình phối hợp" codes keep their lowercase letter as "CTr" does.
    assert str(refs.parse_number(written)) == written
    assert [str(m.number) for m in refs.find_mentions(f"Chương trình phối hợp số {written} ngày 3/4/2024")] == [written]


@pytest.mark.parametrize(("text", "number"), [
    ("Kế hoạch số 12-KH/ TU ngày 5/3/2024", "12-KH/TU"),
    ("Kế hoạch số 12-KH / TU ngày 5/3/2024", "12-KH/TU"),
    ("Quyết định số 123/ QĐ-UBND ngày 5/3/2024", "123/QĐ-UBND"),
    ("Quyết định số 123 / QĐ-UBND ngày 5/3/2024", "123/QĐ-UBND"),
    ("Nghị định số 15/ 2024/NĐ-CP ngày 5/3/2024", "15/2024/NĐ-CP"),
    ("Nghị định số 15/2024 /NĐ-CP ngày 5/3/2024", "15/2024/NĐ-CP"),
])
def test_a_space_typed_beside_a_slash_does_not_break_or_change_the_number(text, number):
    # "15/ 2024/NĐ-CP" was read as another document, "2024/NĐ-CP"; the others not at all or cut short.
    assert [(str(m.number), m.date) for m in refs.find_mentions(text)] == [(number, dt.date(2024, 3, 5))]


def test_spaces_around_slashes_in_plain_prose_are_no_numbers():
    assert refs.find_mentions("Tỷ lệ 3 / 4 đạt; ngày 12/ 3/2024; trang 5 / Hà Nội; 50 / KH.") == []


@pytest.mark.parametrize("written", ["17/SNV-XDCQ&CTTN", "12/UBND-KT&HT"])
def test_a_symbol_joining_two_units_with_an_ampersand_is_one_number(written):
    # "17/SNV-XDCQ&CTTN" was cut at "&": another document, "17/SNV-XDCQ".
    assert str(refs.parse_number(written)) == written
    assert [str(m.number) for m in refs.find_mentions(f"Văn bản số {written} ngày 3/4/2024 của Sở.")] == [written]


def test_an_ampersand_after_a_number_is_not_part_of_it():
    assert [str(m.number) for m in refs.find_mentions("Quyết định 5/QĐ-UBND& Kế hoạch 12-KH/TU&.")] == [
        "5/QĐ-UBND", "12-KH/TU"]
