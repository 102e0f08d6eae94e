"""Monthly bulletins (/ban-tin/<yyyy>-<mm>/), their print pages
(/ban-tin/<yyyy>-<mm>/ban-in/) and their index (/ban-tin/).

On screen a bulletin is its cover, its contents with each directive's summary
(signer, what it implements, deadlines) and a link to its page, and the
slogans in force: light on a phone however many directives the month holds.
The print page is the whole document for a cell meeting: a cover, a table of
contents, every directive of the month in the official form, and the slogans.
Each body there is the HTML MkDocs already rendered for the directive's own
page, so the month's Markdown is not rendered twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from .. import paths
from ..bulletins import Bulletin, monthly, slogans_in_force
from ..records import Directive
from ..summary import Summary
from . import Entry, Facet, PageSpec, Site, directive_uri

INDEX_URI = paths.BULLETINS_URI
PRINT_LINK = "Bản in đầy đủ của bản tin (để in, A4)"


@dataclass(frozen=True)
class Document:
    """One directive in a bulletin: its listing line, its record, its anchor,
    and what its summary box says (the summary, the documents it implements)."""

    entry: Entry
    directive: Directive
    anchor: str  # "van-ban-1", in the order of the table of contents
    summary: Summary
    implements: tuple[Entry, ...]


def bulletin_uri(b: Bulletin) -> str:
    return paths.bulletin_uri(b.slug)


def print_uri(b: Bulletin) -> str:
    return paths.bulletin_print_uri(b.slug)


def build(site: Site, directive_pages: Mapping[str, PageSpec]) -> list[PageSpec]:
    """``directive_pages`` (by source URI) lend each directive's summary,
    computed once for its own page."""
    bulletins, undated = monthly(site.published)
    specs = [spec for b in bulletins for spec in _bulletin_pages(b, site, directive_pages)]
    specs.append(PageSpec(
        INDEX_URI, "Bản tin tháng", "bantin/bulletins.html",
        description="Bản tin tháng: các văn bản ban hành trong tháng, in thành một tài liệu cho sinh hoạt chi bộ",
        context={
            "months": [Facet(b.label, bulletin_uri(b), len(b.directives)) for b in bulletins],
            "undated": len(undated),
            "undated_uri": paths.UNDATED_URI if undated else None,
        },
    ))
    return specs


def _document(d: Directive, anchor: str, site: Site, directive_pages: Mapping[str, PageSpec]) -> Document:
    own = directive_pages[directive_uri(d)].context
    return Document(site.entries[d.path], d, anchor, own["summary"], tuple(own["implements"]))


def _bulletin_pages(b: Bulletin, site: Site, directive_pages: Mapping[str, PageSpec]) -> list[PageSpec]:
    docs = [_document(d, paths.bulletin_document_anchor(i), site, directive_pages) for i, d in enumerate(b.directives, 1)]
    context = {
        "bulletin": b,
        "documents": docs,
        "slogan_sets": slogans_in_force(b, site.corpus.slogan_sets, site.records),
        "issuers": list(dict.fromkeys(doc.entry.issuer for doc in docs)),
        "screen_uri": bulletin_uri(b),
        "print_uri": print_uri(b),
    }
    title = f"Bản tin tháng {b.month}/{b.year}"
    description = f"{len(docs)} văn bản ban hành trong {b.label.lower()}"
    return [
        PageSpec(bulletin_uri(b), title, "bantin/bulletin.html", _markdown(), context, description),
        PageSpec(print_uri(b), f"{title} (bản in đầy đủ)", "bantin/bulletin-print.html", _markdown(), context,
                 f"{description}: toàn văn, để in", embeds=tuple(doc.entry.src_uri for doc in docs)),
    ]


def _markdown() -> str:
    """Only front matter: the print page's bodies are the directive pages' own
    rendered HTML (see the ``embedded`` filter), not Markdown rendered a second
    time. Both pages are left out of the search index: their text is there already.
    """
    return "---\nsearch:\n  exclude: true\nhide:\n  - toc\n---\n"
