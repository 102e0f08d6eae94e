"""The Atom feed of new directives and the JSON index other systems follow."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import run_build

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feed_lists_the_dated_directives_newest_first(built_site: Path) -> None:
    feed = ET.parse(built_site / "van-ban-moi.xml").getroot()
    entries = [(e.findtext(f"{ATOM}link[@rel='alternate']") or e.find(f"{ATOM}link").get("href"),
                e.findtext(f"{ATOM}updated")) for e in feed.findall(f"{ATOM}entry")]
    assert entries == [("van-ban/2024/229-cv-btghu/", "2024-12-24T00:00:00+07:00"),
                       ("van-ban/2024/02-kh-btgduk/", "2024-12-16T00:00:00+07:00")]
    assert feed.findtext(f"{ATOM}updated") == "2024-12-24T00:00:00+07:00"


def test_the_json_index_lists_every_directive_with_null_where_unknown(built_site: Path) -> None:
    records = json.loads((built_site / "van-ban.json").read_text(encoding="utf-8"))["directives"]
    assert [(r["number"], r["date"], r["kind"]) for r in records] == [
        ("229-CV/BTGHU", "2024-12-24", "Công văn"), ("02-KH/BTGDUK", "2024-12-16", "Kế hoạch"),
        (None, None, "Hướng dẫn"), (None, None, "Kế hoạch")]
    assert records[0] == {
        "number": "229-CV/BTGHU", "kind": "Công văn", "date": "2024-12-24", "issuer": "Ban Tuyên giáo",
        "parent": "Huyện ủy Vĩnh Bảo", "url": "van-ban/2024/229-cv-btghu/",
        "title": "đẩy mạnh tuyên truyền chủ trương sắp xếp, tinh gọn tổ chức bộ máy của hệ thống chính trị thành phố"}


def test_every_page_announces_the_feed(built_site: Path) -> None:
    assert '<link rel="alternate" type="application/atom+xml" title="Văn bản mới" href="van-ban-moi.xml">' in (
        built_site / "index.html").read_text(encoding="utf-8")


def test_markup_in_a_title_stays_text_in_the_feed(project: Path) -> None:
    path = project / "content/directives/2024/229-cv-btghu.md"
    source = path.read_text(encoding="utf-8")
    title = next(line for line in source.splitlines() if line.startswith("title: "))
    path.write_text(source.replace(title, "title: '<b>đậm</b> & \"x\" đẩy mạnh'"), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    feed = ET.parse(result.site / "van-ban-moi.xml").getroot()
    assert feed.find(f"{ATOM}entry").findtext(f"{ATOM}title")== 'Công văn 229-CV/BTGHU: <b>đậm</b> & "x" đẩy mạnh'


def test_the_feed_template_is_not_published(built_site: Path) -> None:
    assert not (built_site / "bantin").exists()
