"""Page paths, anchors and the theme colour are spelled once (bantin.paths,
the theme_color option), and the built site has what they name."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import run_build, set_options

from bantin import paths
from bantin.mkdocs.config import option_problems


def _url(src_uri: str) -> str:
    """The file MkDocs writes for a source URI, with directory URLs."""
    path = src_uri.removesuffix(".md")
    return f"{path}.html" if path == "index" or path.endswith("/index") else f"{path}/index.html"


def test_every_page_paths_names_is_a_page_of_the_sample_site(built_site: Path) -> None:
    uris = [paths.HOME_URI, paths.ARCHIVE_URI, paths.BULLETINS_URI, paths.TIMELINE_URI, paths.SLOGANS_URI,
            paths.SEARCH_URI, paths.OFFLINE_NOTICE_URI, paths.UNDATED_URI, paths.bulletin_uri("2024-12"),
            paths.bulletin_print_uri("2024-12"), paths.directive_uri("2024", "02-kh-btgduk")]
    assert [u for u in uris if not (built_site / _url(u)).is_file()] == []


def test_every_file_paths_names_is_in_the_sample_site_and_named_by_its_pages(built_site: Path) -> None:
    files = [paths.FEED, paths.FEED_INDEX, paths.MANIFEST, paths.WORKER, paths.app_icon(192), paths.app_icon(512)]
    assert [f for f in files if not (built_site / f).is_file()] == []
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert [f for f in (paths.FEED, paths.MANIFEST, paths.app_icon(192)) if f'href="{f}"' not in home] == []


def test_links_into_a_page_find_the_anchor_paths_names(built_site: Path) -> None:
    bulletin = (built_site / _url(paths.bulletin_print_uri("2024-12"))).read_text(encoding="utf-8")
    anchor = paths.BULLETIN_SLOGANS
    assert f'href="#{anchor}"' in bulletin and f'id="{anchor}"' in bulletin
    slug = "huong-dan-tuyen-truyen-mot-so-noi-dung-trong-tam-cua-hoi"
    directive = (built_site / _url(paths.directive_uri("chua-ro-ngay", slug))).read_text(encoding="utf-8")
    set_anchor = re.search(r'khau-hieu/#(bo-[a-z0-9-]+)"', directive)[1]
    assert f'id="{set_anchor}"' in (built_site / _url(paths.SLOGANS_URI)).read_text(encoding="utf-8")


def test_a_theme_colour_that_is_not_rrggbb_is_refused_in_vietnamese() -> None:
    _, problems = option_problems({"theme_color": "red"})
    assert problems == [("theme_color", "phải là mã màu dạng #rrggbb, ví dụ #c62828, không phải 'red'")]


def test_the_theme_colour_reaches_the_browser_bar_and_the_installed_app(project: Path) -> None:
    set_options(project, '    theme_color: "#1565c0"\n')
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert '<meta name="theme-color" content="#1565c0">' in (result.site / "index.html").read_text(encoding="utf-8")
    manifest = json.loads((result.site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["theme_color"] == "#1565c0"
