"""Search as readers type when the Vietnamese keyboard is off or half on:
Telex keys left as letters. The results page reads them as the marks they
stand for, only when the text as typed finds nothing whole, and says so.
And numbers pasted with typographic dashes."""

from __future__ import annotations

import json

import pytest

from browser import requires_chromium
from test_search_browser import DONE, STATUS, site, tab, typed  # noqa: F401  (fixtures)

pytestmark = requires_chromium


@pytest.mark.parametrize(("leftover", "meant"), [
    ("tuyeen truyeenf", "tuyên truyền"),
    ("sawps xeeps booj mays", "sắp xếp bộ máy"),
    ("nghij quyeets 18", "nghị quyết 18"),
    ("Ddangr", "đảng"),
    ("ke hoachj", "ke hoạch"),
])
def test_telex_leftovers_find_what_the_marks_would(tab, site: str, leftover: str, meant: str) -> None:
    expected = typed(tab, site, meant)
    assert expected  # the comparison says something
    found = tab.eval(STATUS).removeprefix("Tìm thấy ").removesuffix(f" kết quả cho “{meant}”.")
    assert typed(tab, site, leftover) == expected
    assert tab.eval(STATUS) == f"Không tìm thấy “{leftover}”. Đọc như gõ kiểu Telex, tìm thấy {found} kết quả cho “{meant}”."


def test_a_text_that_finds_its_words_is_not_reread(tab, site: str) -> None:
    # "tw" would read as Telex "tư"; the number as typed finds its documents.
    typed(tab, site, "18 NQ TW")
    assert tab.eval(STATUS) == "Tìm thấy 5 kết quả cho “18 NQ TW”."


@pytest.mark.parametrize(("text", "read"), [
    ("18-NQ/TW nghij quyeets", "18-NQ/TW nghị quyết"),  # a number's parts stay as typed
    ("Hòa Bình", "Hòa Bình"),  # typed with marks: kept
    ("hoaf thuys", "hoà thuý"),  # the tone on the vowel the new rule names
    ("truwowngf dduowngf quoocs", "trường đường quốc"),
    ("xyzzy", "xyzzy"),
    ("' OR 1=1 --", "' OR 1=1 --"),  # capitals are an abbreviation, not "ỏ"
])
def test_how_telex_is_read(tab, site: str, text: str, read: str) -> None:
    tab.goto(f"{site}/tim-kiem/")
    tab.wait_for(DONE)
    assert tab.eval(f"bantinTelex({json.dumps(text)})") == read


@pytest.mark.parametrize("pasted", ["229–CV/BTGHU", "229‑CV/BTGHU", "229 — CV/BTGHU", "229−CV−BTGHU"])
def test_a_number_with_typographic_dashes_finds_what_its_hyphens_find(tab, site: str, pasted: str) -> None:
    expected = typed(tab, site, "229-CV/BTGHU")
    assert typed(tab, site, pasted) == expected
    assert tab.eval(STATUS) == f"Tìm thấy {len(expected)} kết quả cho “{pasted}”."
