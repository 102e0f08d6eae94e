"""Markdown bodies that would cost Python-Markdown far more than their
length, or crash it by recursion, are refused with the line to fix; what
people write passes. Costs are measured in ``bantin.mdlimits``' docstring and
the README, never timed here."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from bantin import mdlimits
from conftest import page, run_build
from test_corpus import GOOD, messages, write

F = "content/directives/2024/02-kh-btgduk.md"
BRACKETS = ("đoạn văn có quá nhiều dấu '[' hoặc '(' chưa đóng hay lồng nhau, trang sẽ dựng rất lâu: "
            "hãy đóng ngoặc; dấu ngoặc thật viết là \\[")
BACKTICKS = "đoạn văn có quá nhiều cụm dấu ` liền nhau, trang sẽ dựng rất lâu: hãy bớt; dấu ` thật viết là \\`"
N = 200_000  # a fifth of a megabyte: seconds to minutes of Markdown for each case before the limits


def body_messages(tmp_path: Path, body: str) -> list[str]:
    """Problems of GOOD followed by a blank line and ``body`` (which starts on line 13)."""
    write(tmp_path, "directives/2024/02-kh-btgduk.md", GOOD + "\n" + body)
    return messages(tmp_path)


@pytest.mark.parametrize("body", ["[" * N, "![" * (N // 2), "[^" * (N // 2), "[" * (N // 2) + "]" * (N // 2),
                                  "[a](b" * (N // 5), "[](" * (N // 3), "[a\n" * (N // 3)],
                         ids=["open", "images", "footnotes", "nested", "open-parenthesis", "empty-links", "lines"])
def test_runs_of_unclosed_or_nested_brackets_are_refused(tmp_path: Path, body: str) -> None:
    assert body_messages(tmp_path, body) == [f"{F}:13: {BRACKETS}"]


@pytest.mark.parametrize("body", ["``a`" * (N // 4), "```a`" * (N // 5)], ids=["two-one", "three-one"])
def test_runs_of_backticks_of_mixed_lengths_are_refused(tmp_path: Path, body: str) -> None:
    assert body_messages(tmp_path, body) == [f"{F}:13: {BACKTICKS}"]


def test_nested_emphasis_deeper_than_fifty_is_refused(tmp_path: Path) -> None:
    assert body_messages(tmp_path, "*a " * 1000 + "b" + " a*" * 1000) == [
        f"{F}:13: đoạn văn có 1000 dấu '*' hoặc '_' mở lồng nhau (tối đa 50): hãy đóng bớt; dấu sao thật viết là \\*"]


def test_a_list_nested_deeper_than_forty_columns_is_refused_at_its_line(tmp_path: Path) -> None:
    nested = "".join(" " * (4 * i) + "- mục\n" for i in range(400))
    assert body_messages(tmp_path, nested) == [
        f"{F}:24: dòng thụt vào 44 cột (tối đa 40): danh sách lồng quá sâu; hãy bớt thụt lề"]


def test_block_quotes_nested_deeper_than_ten_are_refused(tmp_path: Path) -> None:
    assert body_messages(tmp_path, "Mở đầu.\n\n" + ">" * N + " a\n") == [
        f"{F}:15: trích dẫn lồng {N} tầng (tối đa 10 dấu '>' đầu dòng): hãy bớt dấu '>'"]


def test_every_limit_is_reported_once_each(tmp_path: Path) -> None:
    body = "[" * N + "\n\n" + "``a`" * (N // 4) + "\n\n" + " " * 50 + "x\n\n" + ">" * 20 + "\n"
    assert [m.split(": ", 1)[0] for m in body_messages(tmp_path, body)] == [f"{F}:13", f"{F}:15", f"{F}:17", f"{F}:19"]


@pytest.mark.parametrize("body", [
    "Theo [Kế hoạch số 77-KH/BTGTU](https://example.vn/77) và [^1], ![ảnh](../anh/a.png), `mã`, ``a ` b``.",
    "[" * 300 + " là dấu ngoặc thừa", "*Ghi chú:* " * 2000, "- a\n" + "    - b\n" * 8,
    "> trích dẫn\n>> lồng\n", "a > b\n<> c", "Điều 1. **Bãi bỏ** một phần; *sửa đổi* phần còn lại.\n" * 1000, "Điều 1. [Bãi bỏ] một phần; [sửa đổi] phần còn lại.\n" * 5000,
], ids=["links", "a-few-stray-brackets", "much-emphasis", "a-list", "quotes", "angle-brackets", "much-emphasis-in-a-long-paragraph", "a-long-body"])
def test_what_people_write_is_within_the_limits(body: str) -> None:
    assert mdlimits.hazards(body) == []


def test_a_body_just_within_the_bracket_limit_still_renders() -> None:
    body = "[" * 300  # cost 45,000: under the allowance, and Markdown keeps the brackets as text
    assert mdlimits.hazards(body) == []
    assert markdown.markdown(body, extensions=["bantin.mdext", "footnotes"]) == f"<p>{body}</p>"


# -- one URL rule, after entity decoding; ids of the theme stay the theme's ------------

LINK = "liên kết '{}' không được phép: chỉ dùng http://, https://, mailto: hoặc tel:"
IMAGE = "ảnh '{}' lấy từ nơi khác: bản tin không tải gì từ máy chủ khác; hãy bỏ ảnh này"


@pytest.mark.parametrize(("body", "message"), [
    ("[bấm](&#106;avascript:alert(1))", LINK.format("&#106;avascript:alert(1)")),
    ("[bấm](&#x6A;&#x61;vascript:alert(1))", LINK.format("&#x6A;&#x61;vascript:alert(1)")),
    ("[bấm](java&Tab;script:alert(1))", LINK.format("java&Tab;script:alert(1)")),
    ("[bấm][x]\n\n\n[x]: &#106;avascript:alert(1)", LINK.format("&#106;avascript:alert(1)")),
    ("![ảnh](/&#47;example.vn/a.png)", IMAGE.format("/&#47;example.vn/a.png")),
    ("![ảnh](&#104;ttps://example.vn/a.png)", IMAGE.format("&#104;ttps://example.vn/a.png")),
], ids=["decimal", "hex", "named-tab", "definition", "slash-entity", "scheme-entity"])
def test_urls_written_with_entities_are_checked_as_the_browser_reads_them(tmp_path: Path, body: str,
                                                                         message: str) -> None:
    line = 13 + body.count("\n")  # a definition is named on its own line
    assert body_messages(tmp_path, body) == [f"{F}:{line}: {message}"]


@pytest.mark.parametrize(("text", "expected"), [
    ("[bấm](&#106;avascript:alert(1))", "<p><a>bấm</a></p>"),
    ("![ảnh](/&#47;example.vn/a.png)", '<p><img alt="ảnh" /></p>'),
    ("[bấm](https://example.vn/?a=1&amp;b=2)", '<p><a href="https://example.vn/?a=1&amp;b=2">bấm</a></p>'),
])
def test_the_build_applies_the_same_rule(text: str, expected: str) -> None:
    assert markdown.markdown(text, extensions=["bantin.mdext"]) == expected


def test_a_theme_id_from_content_gets_a_prefix_and_links_to_it_follow() -> None:
    md = markdown.Markdown(extensions=["bantin.mdext", "attr_list", "toc"])
    assert md.convert("Đoạn\n{: #__config }\n\n# __search\n\n[về](#__config) [tìm](#__search)") == (
        '<p id="muc__config">Đoạn</p>\n<h1 id="muc__search">__search</h1>\n'
        '<p><a href="#muc__config">về</a> <a href="#muc__search">tìm</a></p>')
    assert [t["id"] for t in md.toc_tokens] == ["muc__search"]


def test_an_id_of_the_bulletins_own_templates_is_refused_in_content(tmp_path: Path) -> None:
    assert body_messages(tmp_path, "## Tìm kiếm {: #bt-search-q }\n") == [
        f"{F}:13: mã '#bt-search-q' trùng với mã của giao diện bản tin (bắt đầu bằng 'bt-'): hãy đặt mã khác"]


def test_a_theme_id_in_content_leaves_materials_configuration_alone(project: Path) -> None:
    path = project / "content/directives/2024/229-cv-btghu.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Trân trọng./.", "Trân trọng./.\n{: #__config }"),
                    encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    html = page(result.site, "/van-ban/2024/229-cv-btghu/")
    assert html.count('id="__config"') == 1 and 'id="muc__config"' in html


def test_looking_for_numbers_reaches_back_a_bounded_distance_in_a_run_without_spaces(monkeypatch) -> None:
    """A 1 MB run such as "12-KH/X12-KH/X…" has a number every 7 characters;
    what stands before each is looked for only so far back, or the search
    grows with the square."""
    from bantin import refs, text

    windows = []

    def spy(body: str, position: int, runs: int) -> int:
        low = text.runs_back(body, position, runs)
        windows.append(position - low)
        return low

    monkeypatch.setattr(refs, "runs_back", spy)
    # Glued to the number before it, a serial is no number: nothing to look back for.
    refs.find_mentions("Theo " + "12-KH/X" * 20_000)
    assert len(windows) == 1
    windows.clear()
    refs.find_mentions("Theo " + "Kế hoạch số 12-KH/X, " * 20_000)
    assert len(windows) >= 20_000 and max(windows) <= 2 * text.MAX_REACH + 64


def test_more_than_a_thousand_footnotes_are_refused(tmp_path: Path) -> None:
    body = "".join(f"a[^{i}] " for i in range(1001)) + "\n\n" + "".join(f"[^{i}]: b\n" for i in range(1001))
    assert body_messages(tmp_path, body) == [
        f"{F}:13: có 1001 chỗ dẫn chú thích [^…] (tối đa 1000 một văn bản; chỗ thứ 1001 ở dòng này): "
        "hãy tách văn bản, hoặc bớt chú thích"]


def test_a_line_opening_more_than_twenty_nested_lists_is_refused(tmp_path: Path) -> None:
    assert body_messages(tmp_path, "1. " * 1000 + "mục\n") == [
        f"{F}:13: dòng mở đầu bằng 1000 dấu danh sách lồng nhau (tối đa 20): hãy bớt các dấu '-', '*', '1.' ở đầu dòng"]


def test_a_rule_of_many_spaced_dashes_is_not_a_list() -> None:
    assert mdlimits.hazards("- " * 40 + "\n\n* * * * *\n") == []


def test_a_paragraph_of_more_than_5000_inline_elements_is_refused(tmp_path: Path) -> None:
    assert body_messages(tmp_path, " ".join(f"**{i}**" for i in range(3000))) == [
        f"{F}:13: đoạn văn có 6000 chỗ định dạng (tối đa 5000 một đoạn): hãy tách thành nhiều đoạn, "
        "cách nhau một dòng trống"]
