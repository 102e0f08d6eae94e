"""What a built site weighs: files, pages, search index, a page's first view."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

GZIP_LEVEL = 6  # what web servers use by default (nginx gzip_comp_level is often set to it)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0))


@dataclass
class SiteStats:
    total_bytes: int
    files: int
    html_pages: int
    largest_page: tuple[int, str]
    directive_pages: int
    search_raw: int
    search_gzip: int


def site_stats(site: Path, directive_urls: list[str]) -> SiteStats:
    total = files = html = 0
    largest = (0, "")
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        files += 1
        if path.suffix == ".html":
            html += 1
            largest = max(largest, (size, "/" + path.relative_to(site).as_posix()))
    search = [p for p in (site / "search").rglob("*") if p.is_file()]
    return SiteStats(
        total_bytes=total,
        files=files,
        html_pages=html,
        largest_page=largest,
        directive_pages=sum((site / u).is_file() for u in directive_urls),
        search_raw=sum(p.stat().st_size for p in search),
        search_gzip=sum(gz(p.read_bytes()) for p in search),
    )


_FONT_URL = re.compile(r"""@font-face\s*{[^}]*?url\(\s*["']?([^"')]+)["']?\s*\)""")


class _Assets(HTMLParser):
    """Stylesheets and scripts a page makes the browser fetch before it is usable."""

    def __init__(self) -> None:
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.css.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"])


def nav_bytes(site: Path, page: str) -> int:
    """Bytes of Material's primary navigation on a page: constant unless the nav lists directives."""
    html = (site / page).read_text(encoding="utf-8")
    start = html.find('<nav class="md-nav md-nav--primary"')
    if start < 0:
        return 0
    depth, pos = 0, start
    for tag in re.finditer(r"<(/?)nav\b", html[start:]):
        depth += -1 if tag[1] else 1
        if depth == 0:
            pos = start + tag.end()
            break
    return len(html[start:pos].encode("utf-8"))


@dataclass
class FirstView:
    html: int
    css: int
    js: int
    fonts: int = 0  # woff2 the CSS declares, as sent (already compressed): at most what the page loads
    external: list[str] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.html + self.css + self.js


def first_view(site: Path, page: str) -> FirstView:
    """Gzipped bytes of a page's HTML and of the CSS and JS it references."""
    path = site / page
    data = path.read_bytes()
    parser = _Assets()
    parser.feed(data.decode("utf-8"))
    view = FirstView(html=gz(data), css=0, js=0)
    for kind, refs in (("css", parser.css), ("js", parser.js)):
        for ref in dict.fromkeys(refs):
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc:
                view.external.append(ref)
                continue
            asset = (path.parent / unquote(parts.path)).resolve()
            size = gz(asset.read_bytes())
            setattr(view, kind, getattr(view, kind) + size)
            view.assets.append(f"{asset.relative_to(site.resolve()).as_posix()} ({size:,} B)")
            if kind == "css":
                for font in dict.fromkeys(_FONT_URL.findall(asset.read_text(encoding="utf-8"))):
                    font_path = (asset.parent / unquote(font)).resolve()
                    view.fonts += font_path.stat().st_size
                    view.assets.append(f"{font_path.relative_to(site.resolve()).as_posix()} "
                                       f"({font_path.stat().st_size:,} B, font)")
    return view


def directive_urls(project: Path) -> list[str]:
    content = project / "content" / "directives"
    return sorted(f"van-ban/{p.parent.name}/{p.stem}/index.html" for p in content.glob("*/*.md"))

