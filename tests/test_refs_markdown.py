"""Numbers written inside Markdown that a citation link cannot enter: a code
span, an image's alt text or title, a URL. None of them is a citation; an
editor's own link text still cites, but says that no link can nest there."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bantin.refs import find_mentions
from conftest import copy_project, page, run_build


def cited(text: str) -> list[tuple[str, bool]]:
    return [(str(m.number), m.linkable) for m in find_mentions(text)]


@pytest.mark.parametrize("text", [
    "Mã lưu trữ `12-KH/TU` của văn bản.",
    "Mã lưu trữ ``Kế hoạch số 12-KH/TU`` của văn bản.",
    '![Ảnh chụp Kế hoạch số 12-KH/TU](anh.png "Kế hoạch số 12-KH/TU")',
    "Xem tại https://tinhuy.vn/van-ban?so=12-KH/TU hoặc <https://tinhuy.vn/?id=12-KH/TU>.",
    "[toàn văn](https://tinhuy.vn/van-ban?so=12-KH/TU)",
])
def test_a_number_in_code_an_image_or_a_url_is_not_a_citation(text: str) -> None:
    assert cited(text) == []


def test_a_number_in_an_editors_link_text_cites_with_its_date_but_takes_no_link() -> None:
    text = "Thực hiện [Kế hoạch số 13-KH/TU](https://tinhuy.vn/kh13) ngày 5/3/2024 và Kế hoạch số 14-KH/TU."
    mentions = find_mentions(text)
    assert [(str(m.number), m.date, m.linkable) for m in mentions] == [
        ("13-KH/TU", dt.date(2024, 3, 5), False), ("14-KH/TU", None, True)]


def test_a_lone_backtick_does_not_hide_the_citations_of_the_next_paragraph() -> None:
    text = "Đảng bộ ` xã.\n\nThực hiện Kế hoạch số 12-KH/TU ` của Tỉnh ủy."
    assert cited(text) == [("12-KH/TU", True)]


def test_footnotes_and_plain_brackets_still_cite() -> None:
    text = "Theo Kế hoạch số 12-KH/TU[^1] [đã ban hành].\n\n[^1]: Kế hoạch số 15-KH/TU ngày 1/2/2024."
    assert cited(text) == [("12-KH/TU", True), ("15-KH/TU", True)]


BODY = """
Thực hiện Kế hoạch số 12-KH/TU ngày 5/3/2024 của Tỉnh ủy.

## Mục hai

Mã lưu trữ `Kế hoạch số 12-KH/TU`.

![Bản chụp](/tai-lieu/anh.png "Kế hoạch số 12-KH/TU")
"""


def test_the_page_shows_code_and_image_titles_as_written(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "content/directives/2024/229-cv-btghu.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("\n---\n") + 5] + BODY, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    html = page(result.site, "/van-ban/2024/229-cv-btghu/")
    assert "<code>Kế hoạch số 12-KH/TU</code>" in html
    assert 'title="Kế hoạch số 12-KH/TU"' in html
    assert "{: #dc-" not in html


def test_a_number_in_an_editors_link_keeps_that_link_and_its_document_still_lists_the_citation(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "content/directives/2024/229-cv-btghu.md"
    text = path.read_text(encoding="utf-8")
    body = "\nThực hiện [Kế hoạch số 13-KH/TU](https://tinhuy.vn/kh13) và Kế hoạch số 14-KH/TU của Tỉnh ủy.\n"
    path.write_text(text[:text.index("\n---\n") + 5] + body, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    html = page(result.site, "/van-ban/2024/229-cv-btghu/")
    article = html[html.index("Thực hiện "):html.index("của Tỉnh ủy.")]
    assert article.count("<a ") == 2 and "](" not in article and "{:" not in article, article
    assert '<a href="https://tinhuy.vn/kh13"' in article and ">Kế hoạch số 13-KH/TU</a>" in article
    cited = page(result.site, "/dan-chieu/13-kh-tu/")
    assert 'href="../../van-ban/2024/229-cv-btghu/"' in cited  # the citing sentence, with no anchor to go to
