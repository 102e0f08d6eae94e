"""Show one page's rendered body inside another (the monthly bulletin).

Rendering a directive's Markdown again for its bulletin doubled the build's
Markdown work; instead the bulletin takes the HTML already rendered for the
directive page. Two things must change on the way: relative links were
written for the directive's URL, and ids (headings, footnotes) would repeat
when several directives share one page.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache

_ATTR = re.compile(r'(\s(?:href|src|id)=")([^"]*)"')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _base(url: str) -> str:
    """The folder a page's relative links start from ("a/b/" for "a/b/" and "a/b.html")."""
    return url if url.endswith("/") or not url else posixpath.dirname(url) + "/"


@lru_cache(maxsize=65536)  # a month's bulletin repeats the same cited documents' links
def _relative(target: str, page_url: str) -> str:
    """``target`` (from the site root) as seen from ``page_url``."""
    base = _base(page_url)
    rel = posixpath.relpath(target or ".", base or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel


def rebase(html: str, from_url: str, to_url: str, prefix: str) -> str:
    """``html`` rendered for ``from_url``, fit to sit inside ``to_url``.

    Relative links are re-pointed from the new page; ids and same-page
    anchors get ``prefix-`` in front. Absolute URLs are left alone.
    """

    def fix(match: re.Match[str]) -> str:
        head, value = match.group(1), match.group(2)
        if head.endswith('id="'):
            return f'{head}{prefix}-{value}"'
        if value.startswith("#"):
            return f'{head}#{prefix}-{value[1:]}"'
        if not value or value.startswith("/") or _SCHEME.match(value):
            return match.group(0)
        path, hash_, fragment = value.partition("#")
        return f'{head}{_relative(_target(path, from_url), to_url)}{hash_}{fragment}"'

    return _ATTR.sub(fix, html)


@lru_cache(maxsize=65536)
def _target(path: str, from_url: str) -> str:
    """A relative link ``path`` of the page at ``from_url``, from the site root."""
    target = posixpath.normpath(posixpath.join(_base(from_url), path))
    if path.endswith("/") or path in ("", "."):
        target += "/"
    return "" if target in ("./", "/") else target
