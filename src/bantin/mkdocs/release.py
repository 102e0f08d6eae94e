"""Letting go of each generated page's text once MkDocs no longer needs it.

MkDocs keeps every page's Markdown and HTML article until the build ends:
at 5,000 directives, two copies of every text besides the records' own, a
few hundred megabytes. A generated page's Markdown is of no use once it is
converted (its title is in its front matter, which ``site.set_meta`` sets),
and its article once its own page and every page that embeds it (a
monthly bulletin's print page) are written.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Mapping

from mkdocs.structure.pages import Page


class Release:
    """One build's pages: which articles may still be embedded."""

    def __init__(self, embeds: Mapping[str, Iterable[str]] | None = None) -> None:
        self.generated: frozenset[str] = frozenset(embeds or ())
        self.embeds = {uri: tuple(e) for uri, e in (embeds or {}).items() if e}
        self.waiting = Counter(e for found in self.embeds.values() for e in found)  # embedders not yet written
        self.written: dict[str, Page] = {}  # embedded pages written, their articles kept for an embedder

    def converted(self, page: Page) -> None:
        """After ``on_page_content``: the Markdown has become the article."""
        if page.file.src_uri in self.generated:
            page.markdown = ""  # not None: MkDocs reads None as "never read" and gives no title
            page.file.content_string = ""  # the source MkDocs read it from

    def written_out(self, page: Page) -> None:
        """After ``on_post_page``: this page is in the site."""
        uri = page.file.src_uri
        if uri not in self.generated:
            return
        if self.waiting[uri]:
            self.written[uri] = page
        else:
            page.content = None
        for embedded in self.embeds.get(uri, ()):
            self.waiting[embedded] -= 1
            if not self.waiting[embedded] and embedded in self.written:
                self.written.pop(embedded).content = None
