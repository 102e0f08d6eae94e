"""The Markdown extension turns content into inert HTML, whatever the check before it missed."""

from __future__ import annotations

import markdown
import pytest


def html(text: str) -> str:
    return markdown.markdown(text, extensions=["bantin.mdext", "footnotes", "toc"])


def test_raw_html_is_text() -> None:
    assert html('<img src=x onerror="alert(1)">') == '<p>&lt;img src=x onerror="alert(1)"&gt;</p>'


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)",
                                 "data:text/html,x", "vbscript:x", "file:///etc/passwd"])
def test_a_link_to_another_scheme_loses_its_target(url: str) -> None:
    assert html(f"[bấm]({url})") == "<p><a>bấm</a></p>"


def test_a_link_defined_by_reference_is_checked_too() -> None:
    assert html("[bấm][x]\n\n[x]: javascript:alert(1)") == "<p><a>bấm</a></p>"


@pytest.mark.parametrize("url", ["https://example.vn/x", "mailto:a@b.vn", "tel:+84", "../x/", "#muc-1"])
def test_links_to_the_web_mail_phone_and_the_site_are_kept(url: str) -> None:
    assert html(f"[bấm]({url})") == f'<p><a href="{url}">bấm</a></p>'


@pytest.mark.parametrize("url", ["https://example.vn/a.png", "//example.vn/a.png", "/\\example.vn/a.png",
                                 "javascript:x"])
def test_an_image_from_another_host_loses_its_source(url: str) -> None:
    assert html(f"![ảnh]({url})") == '<p><img alt="ảnh" /></p>'


def test_an_image_of_the_site_keeps_its_source() -> None:
    assert html("![ảnh](../anh/a.png)") == '<p><img alt="ảnh" src="../anh/a.png" /></p>'
