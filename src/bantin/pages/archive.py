"""The archive: directives by year, by kind and by issuer, a hundred a page.

A listing of a busy year holds thousands of directives: on a phone one page
of them all is megabytes of markup and tens of thousands of elements.
Each listing is cut into pages of ``LISTING_PAGE_SIZE``, newest first; the
first page keeps the listing's URL, the others add ``trang-<n>/``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping

from .. import paths
from ..records import KIND_BY_NAME, UNDATED_FOLDER, Directive
from ..corpus import issuer_slug
from ..text import fold
from . import ARCHIVE_URI, Entry, Facet, PageSpec, Site, issuer_label


LISTING_PAGE_SIZE = 100


@dataclass(frozen=True)
class Pager:
    """Where a page of a listing stands among the listing's pages."""

    number: int  # 1-based
    uris: tuple[str, ...]  # every page's source URI, in order
    total: int  # directives in the whole listing

    @property
    def previous(self) -> str | None:
        return self.uris[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.uris[self.number] if self.number < len(self.uris) else None


def build(site: Site) -> list[PageSpec]:
    return _listing_pages(list(site.published), site.entries)


def _listing_pages(published: list[Directive], entries: Mapping[str, Entry]) -> list[PageSpec]:
    """The archive: by year, by kind, by issuer, and an index of the three."""
    groups: dict[str, dict[str, list[Entry]]] = {"year": defaultdict(list), "kind": defaultdict(list),
                                                 "issuer": defaultdict(list)}
    labels: dict[str, str] = {}
    for d in published:
        year = d.folder
        groups["year"][year].append(entries[d.path])
        labels[year] = str(d.year) if d.year else "Chưa rõ ngày ban hành"
        groups["kind"][KIND_BY_NAME[d.kind].slug].append(entries[d.path])
        labels[KIND_BY_NAME[d.kind].slug] = d.kind
        issuer = issuer_slug(d)
        groups["issuer"][issuer].append(entries[d.path])
        labels.setdefault(issuer, issuer_label(d))

    def uri(group: str, key: str) -> str:
        prefix = {"year": paths.ARCHIVE, "kind": paths.KINDS, "issuer": paths.ISSUERS}[group]
        return paths.index_uri(f"{prefix}/{key}")

    facets: dict[str, list[Facet]] = {}
    specs = []
    for group, by_key in groups.items():
        keys = sorted(by_key, key=_year_order if group == "year" else lambda k: fold(labels[k]))
        facets[group] = [Facet(labels[k], uri(group, k), len(by_key[k])) for k in keys]
        for key in keys:
            heading = {"year": "Văn bản năm", "kind": "", "issuer": "Văn bản của"}[group]
            title = f"{heading} {labels[key]}".strip() if key != UNDATED_FOLDER else labels[key]
            specs += _pages(uri(group, key), title, by_key[key], group)
    specs.append(PageSpec(ARCHIVE_URI, "Kho văn bản", "bantin/archive.html",
                          context={"facets": facets, "total": len(published)}))
    return specs


def _pages(first_uri: str, title: str, entries: list[Entry], group: str) -> list[PageSpec]:
    """A listing cut into pages: ``…/index.md``, ``…/trang-2/index.md``, …"""
    chunks = [entries[i:i + LISTING_PAGE_SIZE] for i in range(0, len(entries), LISTING_PAGE_SIZE)] or [[]]
    uris = tuple([first_uri] + [paths.listing_page_uri(first_uri, n) for n in range(2, len(chunks) + 1)])
    return [
        PageSpec(uris[n - 1], title if n == 1 else f"{title} (trang {n})", "bantin/listing.html",
                 context={"entries": chunk, "group": group, "pager": Pager(n, uris, len(entries))})
        for n, chunk in enumerate(chunks, 1)
    ]


def _year_order(folder: str) -> tuple[bool, int]:
    """Newest year first; the undated folder last."""
    return (folder == UNDATED_FOLDER, -int(folder) if folder.isdigit() else 0)
