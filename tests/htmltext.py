"""Read built HTML the way a reader does: the text, by element class."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SKIP = {"script", "style", "template"}


class _Collector(HTMLParser):
    def __init__(self, css_class: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.css_class = css_class
        self.depth = 0 if css_class is None else -1  # -1: not inside the element yet
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if tag in _SKIP:
            self.skip += 1
        if self.depth >= 0:
            self.depth += 1
        elif self.css_class in (dict(attrs).get("class") or "").split():
            self.depth = 1
        if tag in ("p", "li", "div", "h1", "h2", "h3", "h4", "br", "dt", "dd", "blockquote"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag in _SKIP:
            self.skip -= 1
        if self.depth > 0:
            self.depth -= 1
            if self.depth == 0 and self.css_class is not None:
                self.depth = -2  # done: only the first matching element

    def handle_data(self, data: str) -> None:
        if self.depth > 0 and not self.skip or self.css_class is None and not self.skip:
            self.parts.append(data)


def text(html: str, css_class: str | None = None) -> str:
    """Visible text of the first element with ``css_class`` (or the page), spaces squashed."""
    collector = _Collector(css_class)
    collector.feed(html)
    return re.sub(r"[ \t\r\n\xa0]+", " ", "".join(collector.parts)).strip()
