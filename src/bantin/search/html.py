"""Text from rendered HTML: what a page says, without navigation and listings."""

from __future__ import annotations

import re
from html.parser import HTMLParser






# --- text from HTML --------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 header hr li "
    "main ol p pre section table td th tr ul".split())
_SKIP_TAGS = frozenset("script style template nav svg button form select textarea noscript".split())
_VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
# What a page repeats from the documents, which have their own entries:
# listing lines (bt-entries, bt-facets), a document's full text embedded in
# another page (bt-doc: the monthly bulletins), the timeline's lines
# (bt-tl__list); and permalinks ("¶"). Templates can mark any other repeated
# text with a ``data-search-skip`` attribute.
SKIP_CLASSES = frozenset({"bt-entries", "bt-facets", "bt-doc", "bt-tl__list", "headerlink"})


class _Text(HTMLParser):
    def __init__(self, within: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.within = within
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipping, inside)
        self.segments: list[str] = []
        self.current: list[str] = []

    def _state(self) -> tuple[bool, bool]:
        return (self.stack[-1][1], self.stack[-1][2]) if self.stack else (False, self.within is None)

    def _break(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.segments.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        skipping, inside = self._state()
        classes = set((dict(attrs).get("class") or "").split())
        if tag in _BLOCK_TAGS:
            self._break()
        if tag in _VOID_TAGS:
            return
        inside = inside or (self.within in classes)
        skipping = skipping or tag in _SKIP_TAGS or bool(classes & SKIP_CLASSES) or "data-search-skip" in dict(attrs)
        self.stack.append((tag, skipping, inside))

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._break()
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        skipping, inside = self._state()
        if inside and not skipping:
            self.current.append(data)


# Embedded documents and listings are skipped anyway; cutting them out
# before parsing saves most of the work on bulletins and archive listings
# (no article nests in a document, no list in a listing line). Were one to,
# the parser would still skip what the cut left.
_CUT = re.compile(r'<article class="bt-doc"[^>]*>.*?</article>|<ul class="bt-entries[^"]*">.*?</ul>', re.S)


def html_text(html: str, within: str | None = None) -> tuple[str, ...]:
    """The visible text of ``html`` as one string per block, without scripts,
    navigation or listings; only inside the element of class ``within`` if given."""
    if within:  # the element's start tag comes after <head> and navigation
        start = html.find(f'class="{within}')
        html = html[html.rfind("<", 0, start):] if start >= 0 else ""
    parser = _Text(within)
    parser.feed(_CUT.sub("", html))
    parser.close()
    parser._break()
    return tuple(parser.segments)


