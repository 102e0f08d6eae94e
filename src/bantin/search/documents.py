"""Search documents: what is indexed of a page, and the index itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Mapping

from .codec import Posting, decode


# Document groups, in index order: ties in score go to the earlier group.
DIRECTIVE, CITED, PAGE = 0, 1, 2


# --- documents -----------------------------------------------------------

@dataclass(frozen=True)
class SearchDoc:
    """One page as search sees it: what results show, and the text to index."""

    url: str  # page URL relative to the site root, as MkDocs writes it
    title: str  # the subject for documents, the page title otherwise
    group: int = PAGE
    kind: str | None = None
    number: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    head: tuple[str, ...] = ()
    meta: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    own_numbers: tuple[str, ...] = ()  # spellings of the document's own number
    cited_numbers: tuple[str, ...] = ()  # one entry per mention in the body

    def row(self) -> list:
        """The document-table row results are drawn from."""
        return [self.url, self.kind, self.number, self.date.isoformat() if self.date else None,
                self.title, self.issuer, self.group]


def _order(doc: SearchDoc) -> tuple:
    # Directives newest first, then cited documents, then the site's pages.
    return (doc.group, doc.date is None, -(doc.date.toordinal() if doc.date else 0), doc.url)




@dataclass(frozen=True)
class Index:
    docs: tuple[SearchDoc, ...]
    # term -> ((variant, encoded postings), ...), variants sorted
    postings: Mapping[str, tuple[tuple[str, str], ...]]
    issuers: frozenset[str]  # issuer symbols of every indexed number

    def lookup(self, term: str) -> tuple[tuple[str, list[Posting]], ...]:
        return tuple((var, decode(enc)) for var, enc in self.postings.get(term, ()))


# A text is cut into its words and the gaps between them in one pass of the
# regex engine: [gap, word, gap, word, ..., gap].
