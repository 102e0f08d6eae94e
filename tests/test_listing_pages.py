"""Listings a hundred directives a page: a busy year stays light on a phone."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import page, run_build


def add_directives(project: Path, count: int) -> None:
    folder = project / "content/directives/2023"
    folder.mkdir(parents=True)
    for n in range(1, count + 1):
        (folder / f"{n}-tb-btgtu.md").write_text(
            f"---\nnumber: {n}-TB/BTGTU\nkind: Thông báo\ntitle: thông báo thử số {n}\nissuer: Ban Tuyên giáo\n"
            f"date: 2023-01-{1 + n % 28:02d}\n---\n\nNội dung.\n", encoding="utf-8")


def test_a_listing_of_more_than_a_hundred_is_cut_into_pages(project: Path) -> None:
    add_directives(project, 130)
    result = run_build(project)
    assert result.returncode == 0, result.output
    first = page(result.site, "/van-ban/2023/")
    second = page(result.site, "/van-ban/2023/trang-2/")
    assert len(re.findall(r'<li class="bt-entry', first)) == 100
    assert len(re.findall(r'<li class="bt-entry', second)) == 30
    assert '<p class="bt-count">130 văn bản; trang 1/2</p>' in first
    assert '<a class="bt-pager__step" href="trang-2/" rel="next">Trang sau</a>' in first
    assert '<a class="bt-pager__step" href="../" rel="prev">Trang trước</a>' in second
    assert "<title>Văn bản năm 2023 (trang 2)" in second


def test_a_short_listing_has_one_page_and_no_pager(project: Path) -> None:
    result = run_build(project)
    assert result.returncode == 0, result.output
    html = page(result.site, "/van-ban/2024/")
    assert '<p class="bt-count">2 văn bản</p>' in html and "bt-pager" not in html
