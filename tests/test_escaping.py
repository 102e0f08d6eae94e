"""Hostile text in any content field reaches every output as inert text."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from browser import requires_chromium, serve
from conftest import run_build

SCRIPT = '<script>alert("xss")</script>'
BREAKOUT = '"><img src=x onerror=alert(1)>'
QUOTE = "'; alert(2); '"
PAYLOAD = f"{SCRIPT}{BREAKOUT}{QUOTE}"
RAW = ("<script>alert", "<img src=x")  # as markup; the same words escaped are text


def hostile(value: str = "") -> str:
    return json.dumps(f"{value}{PAYLOAD}", ensure_ascii=False)


DIRECTIVE = f"""---
number: 15-KH/BTGTU
kind: Kế hoạch
title: {hostile("tiêu đề ")}
issuer: {hostile("cơ quan ")}
parent: {hostile("cấp trên ")}
place: {hostile("Hà Nội ")}
date: 2024-12-20
level: tinh
signer:
  authority: T/M
  on_behalf_of: {hostile()}
  position: {hostile()}
  name: {hostile("người ký ")}
addressees:
  - {hostile("kính gửi ")}
recipients:
  - name: {hostile("nơi nhận ")}
    note: {hostile()}
recipient_notes:
  - {hostile()}
topics:
  - {hostile("chủ đề ")}
inferred:
  issuer: {hostile("dòng 1: ")}
draft: false
---

Thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017, hoàn thành trước ngày 31/12/2024. {PAYLOAD}

Đoạn mang thuộc tính.
{{: onclick="alert(4)" style="display:none" }}

## I. {SCRIPT} MỤC ĐÍCH

- {BREAKOUT} gạch đầu dòng
"""

SLOGANS = f"""directive: directives/2024/15-kh-btgtu.md
occasion: {hostile("dịp ")}
approved: 2024-12-20
slogans:
  - {hostile("khẩu hiệu ")}
  - Đảng Cộng sản Việt Nam quang vinh muôn năm!
"""

REFERENCE = f"""number: 18-NQ/TW
date: 2017-10-25
kind: Nghị quyết
title: {hostile("trích yếu ")}
issuer: {hostile("Ban Chấp hành ")}
url: "https://example.vn/a?b=1&c=\\"><script>alert(3)</script>"
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    (project / "content/directives/2024/15-kh-btgtu.md").write_text(DIRECTIVE, encoding="utf-8")
    (project / "content/slogans/hostile.yml").write_text(SLOGANS, encoding="utf-8")
    (project / "content/references").mkdir(exist_ok=True)
    (project / "content/references/18-nq-tw.yml").write_text(REFERENCE, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    return result.site


def test_the_hostile_directive_was_published(hostile_site: Path) -> None:
    html = (hostile_site / "van-ban/2024/15-kh-btgtu/index.html").read_text(encoding="utf-8")
    assert "tiêu đề &lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in html or \
        "tiêu đề &lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in html


def test_no_html_file_contains_the_payload_as_markup(hostile_site: Path) -> None:
    offenders = [p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html")
                 if any(raw in p.read_text(encoding="utf-8") for raw in RAW)]
    assert offenders == []


def test_no_html_element_gets_an_event_handler_or_style_from_content(hostile_site: Path) -> None:
    # Markdown's attribute list ({: onclick=…}) is read, and bantin.mdext keeps only ids and classes.
    html = (hostile_site / "van-ban/2024/15-kh-btgtu/index.html").read_text(encoding="utf-8")
    assert "<p>Đoạn mang thuộc tính.</p>" in html
    offenders = [p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html")
                 if event_handlers(p.read_text(encoding="utf-8"))]
    assert offenders == []


def event_handlers(html: str) -> list[str]:
    """Attributes named on… in the markup (not in text or attribute values)."""
    found: list[str] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(f"{tag}[{name}]" for name, _ in attrs if name.startswith("on"))

    Parser().feed(html)
    return found


def test_xml_outputs_stay_well_formed_with_the_payload_as_text(hostile_site: Path) -> None:
    for path in hostile_site.rglob("*.xml"):
        text = path.read_text(encoding="utf-8")
        ET.fromstring(text.encode("utf-8"))
        assert not any(raw in text for raw in RAW), path


def test_json_outputs_stay_valid_json(hostile_site: Path) -> None:
    for path in hostile_site.rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))


def test_generated_scripts_keep_the_payload_inside_strings(hostile_site: Path) -> None:
    # Generated data scripts (search shards, service worker lists) must not let
    # content close a string or a <script> element.
    for path in hostile_site.rglob("*.js"):
        if "/assets/javascripts/bundle" in path.as_posix() or "/workers/" in path.as_posix() or "/lunr/" in path.as_posix():
            continue
        text = path.read_text(encoding="utf-8")
        assert "</script" not in text.lower() and "<script>alert" not in text, path


def test_the_official_link_is_an_attribute_value_not_markup(hostile_site: Path) -> None:
    html = (hostile_site / "dan-chieu/18-nq-tw-2017/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="https://example\.vn/a\?b=1&amp;c=&#34;&gt;&lt;script&gt;alert\(3\)&lt;/script&gt;"', html) or \
        re.search(r'href="https://example\.vn/a\?b=1&amp;c=&quot;&gt;&lt;script&gt;alert\(3\)&lt;/script&gt;"', html)


@requires_chromium
@pytest.mark.parametrize("url", ["/van-ban/2024/15-kh-btgtu/", "/dan-chieu/18-nq-tw-2017/", "/khau-hieu/",
                                 "/dong-thoi-gian/", "/", "/van-ban/2024/"])
def test_no_payload_runs_in_a_browser(browser, hostile_site: Path, url: str) -> None:
    with serve(hostile_site) as base:
        tab = browser.tab()
        # A payload that ran would call alert(): record it instead of blocking the page.
        tab.call("Page.addScriptToEvaluateOnNewDocument", {"source": (
            "window.__dialogs = []; window.alert = window.confirm = window.prompt = "
            "m => { window.__dialogs.push(String(m)); };")})
        tab.goto(base + url)
        assert tab.eval("window.__dialogs") == []
        # Inline scripts: Material's two and the save button's (partials/bantin/save-box.html), none from content.
        assert tab.eval("document.querySelectorAll('img[onerror], script:not([src]):not([type])').length") <= 3
        assert "alert(\"xss\")" in tab.eval("document.body.innerText")
        tab.call("Page.close")
