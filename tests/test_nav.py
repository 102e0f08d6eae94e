"""The shared navigation render (bantin.mkdocs.nav) changes nothing a reader gets."""

from __future__ import annotations

import re
from pathlib import Path

from bantin.mkdocs.nav import MATERIAL_TEMPLATES
from conftest import override, run_build


def test_every_page_is_byte_identical_to_a_build_where_each_page_renders_its_own_navigation(
        built_site: Path, project: Path) -> None:
    # Material's own partial again, in the site's overrides, which win over bantin's theme.
    override(project, "partials/nav.html", (MATERIAL_TEMPLATES / "partials" / "nav.html").read_bytes())
    result = run_build(project)
    assert result.returncode == 0, result.output
    pages = sorted(p.relative_to(built_site) for p in built_site.rglob("*.html"))
    assert pages == sorted(p.relative_to(result.site) for p in result.site.rglob("*.html"))
    differing = [str(p) for p in pages if (built_site / p).read_bytes() != (result.site / p).read_bytes()]
    assert differing == []


def test_a_page_the_navigation_lists_still_marks_its_own_link_active(built_site: Path) -> None:
    timeline = (built_site / "dong-thoi-gian" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a href="([^"]*)" class="md-nav__link md-nav__link--active"', timeline) == ["./"]


def test_a_shared_render_links_the_sections_relative_to_each_page(built_site: Path) -> None:
    directive = (built_site / "van-ban" / "2024" / "02-kh-btgduk" / "index.html").read_text(encoding="utf-8")
    cited = (built_site / "dan-chieu" / "18-nq-tw-2017" / "index.html").read_text(encoding="utf-8")
    for html, up in ((directive, "../../../"), (cited, "../../")):
        assert f'href="{up}dong-thoi-gian/" class="md-nav__link"' in html
        assert "md-nav__link--active" not in html
