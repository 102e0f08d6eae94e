"""The archive: directives by year, by kind and by issuer."""

from __future__ import annotations

from collections import defaultdict
from typing import Mapping

from ..records import KIND_BY_NAME, UNDATED_FOLDER, Directive
from ..corpus import issuer_slug
from ..text import fold
from . import ARCHIVE_URI, Entry, Facet, PageSpec, Site, issuer_label


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
        prefix = {"year": "van-ban", "kind": "van-ban/loai", "issuer": "van-ban/co-quan"}[group]
        return f"{prefix}/{key}/index.md"

    facets: dict[str, list[Facet]] = {}
    specs = []
    for group, by_key in groups.items():
        keys = sorted(by_key, key=_year_order if group == "year" else lambda k: fold(labels[k]))
        facets[group] = [Facet(labels[k], uri(group, k), len(by_key[k])) for k in keys]
        for key in keys:
            heading = {"year": "Văn bản năm", "kind": "", "issuer": "Văn bản của"}[group]
            title = f"{heading} {labels[key]}".strip() if key != UNDATED_FOLDER else labels[key]
            specs.append(PageSpec(uri(group, key), title, "bantin/listing.html",
                                  context={"entries": by_key[key], "group": group}))
    specs.append(PageSpec(ARCHIVE_URI, "Kho văn bản", "bantin/archive.html",
                          context={"facets": facets, "total": len(published)}))
    return specs


def _year_order(folder: str) -> tuple[bool, int]:
    """Newest year first; the undated folder last."""
    return (folder == UNDATED_FOLDER, -int(folder) if folder.isdigit() else 0)
