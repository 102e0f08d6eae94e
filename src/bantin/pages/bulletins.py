"""Monthly bulletins (/ban-tin/<yyyy>-<mm>/) and their index (/ban-tin/).

A bulletin page prints as one document for a cell meeting: a cover, a table
of contents, every directive of the month in the official form, and the
slogans in force. Its Markdown is the bodies of the month's directives one
after another, each closed by a marker paragraph the template splits on, so
the bodies are rendered by MkDocs like every other page (raw HTML escaped,
links checked) and the template still passes nothing but ``page.content``
unescaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..bulletins import Bulletin, monthly, slogans_in_force
from ..records import UNDATED_FOLDER, Directive
from . import Entry, Facet, PageSpec, Site, linked_body

INDEX_URI = "ban-tin/index.md"
UNDATED_URI = f"van-ban/{UNDATED_FOLDER}/index.md"
# Closes each body in the Markdown; rendered as <p>SPLIT</p>, split on by
# bulletin.html. A body containing it verbatim is refused (see _markdown).
SPLIT = "bantin-bulletin-split-7f3c"
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")


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
        markdown=_markdown(b, src, site),
        description=f"{len(docs)} văn bản ban hành trong {b.label.lower()}",
        context={
            "bulletin": b,
            "documents": docs,
            "slogan_sets": slogans_in_force(b, site.corpus.slogan_sets, directives),
            "split": f"<p>{SPLIT}</p>",
            "issuers": list(dict.fromkeys(doc.entry.issuer for doc in docs)),
        },
    )


def _markdown(b: Bulletin, src: str, site: Site) -> str:
    """The month's bodies, each closed by the split marker.

    Footnote labels get the document's number in front: every body numbers
    its notes from 1, and one page cannot hold two notes called [^1]. The
    page is left out of the search index: its text is already there, once
    per directive.
    """
    parts = ["---\nsearch:\n  exclude: true\nhide:\n  - toc\n---\n"]
    for i, d in enumerate(b.directives, 1):
        if SPLIT in d.body:
            raise ValueError(f"{d.path}: nội dung chứa chuỗi dành riêng {SPLIT}")
        body = linked_body(d, src, site.graph.by_source.get(d.path, ()), site.graph.documents)
        parts.append(_FOOTNOTE.sub(lambda m: f"[^{i}-{m.group(1)}]", body).rstrip())
        parts.append(f"\n\n{SPLIT}\n\n")
    return "".join(parts)
