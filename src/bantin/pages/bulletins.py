"""Monthly bulletins (/ban-tin/<yyyy>-<mm>/) and their index (/ban-tin/).

A bulletin page prints as one document for a cell meeting: a cover, a table
of contents, every directive of the month in the official form, and the
slogans in force. Each body is the HTML MkDocs already rendered for the
directive's own page, so the month's Markdown is not rendered twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..bulletins import Bulletin, monthly, slogans_in_force
from ..records import UNDATED_FOLDER, Directive
from . import Entry, Facet, PageSpec, Site

INDEX_URI = "ban-tin/index.md"
UNDATED_URI = f"van-ban/{UNDATED_FOLDER}/index.md"
@dataclass(frozen=True)
class Document:
    """One directive in a bulletin: its listing line, its record, its anchor."""

    entry: Entry
    directive: Directive
    anchor: str  # "van-ban-1", in the order of the table of contents


def bulletin_uri(b: Bulletin) -> str:
    return f"ban-tin/{b.slug}/index.md"


def build(site: Site) -> list[PageSpec]:
    bulletins, undated = monthly(site.published)
    specs = [_bulletin_page(b, site) for b in bulletins]
    specs.append(PageSpec(
        INDEX_URI, "Bản tin tháng", "bantin/bulletins.html",
        description="Bản tin tháng: các văn bản ban hành trong tháng, in thành một tài liệu cho sinh hoạt chi bộ",
        context={
            "months": [Facet(b.label, bulletin_uri(b), len(b.directives)) for b in bulletins],
            "undated": len(undated),
            "undated_uri": UNDATED_URI if undated else None,
        },
    ))
    return specs


def _bulletin_page(b: Bulletin, site: Site) -> PageSpec:
    src = bulletin_uri(b)
    directives = {d.path: d for d in site.published}
    docs = [Document(site.entries[d.path], d, f"van-ban-{i}") for i, d in enumerate(b.directives, 1)]
    return PageSpec(
        src_uri=src,
        title=f"Bản tin tháng {b.month}/{b.year}",
        template="bantin/bulletin.html",
        markdown=_markdown(),
        description=f"{len(docs)} văn bản ban hành trong {b.label.lower()}",
        context={
            "bulletin": b,
            "documents": docs,
            "slogan_sets": slogans_in_force(b, site.corpus.slogan_sets, directives),
            "issuers": list(dict.fromkeys(doc.entry.issuer for doc in docs)),
        },
    )


def _markdown() -> str:
    """Only front matter: the bodies are the directive pages' own rendered
    HTML (see the ``embedded`` filter), not Markdown rendered a second time.
    The page is left out of the search index: its text is there already.
    """
    return "---\nsearch:\n  exclude: true\nhide:\n  - toc\n---\n"
