"""What the results page filters and groups by, for every indexed page: its
kind, year and issuer (filters), and whether it belongs to the editors'
guide (shown in its own group, below the documents).

One small file for the whole archive (``f.js`` in the index's versioned
folder): a few numbers per document, so the filters can count every hit
without fetching the document table of hits the reader never sees.
"""

from __future__ import annotations

from typing import Sequence

from .search import SearchDoc


def facets(docs: Sequence[SearchDoc], guide_prefix: str) -> dict:
    """``{"kinds": [...], "issuers": [...], "k": [...], "y": [...], "i": [...], "g": [...]}``:
    per document (in index order) the index of its kind and issuer (-1: none),
    its year (0: none), and 1 if it is a page of the editors' guide."""
    kinds = sorted({d.kind for d in docs if d.kind})
    issuers = sorted({d.issuer for d in docs if d.issuer})
    kind_at = {k: i for i, k in enumerate(kinds)}
    issuer_at = {k: i for i, k in enumerate(issuers)}
    return {
        "kinds": kinds,
        "issuers": issuers,
        "k": [kind_at.get(d.kind, -1) if d.kind else -1 for d in docs],
        "y": [d.date.year if d.date else 0 for d in docs],
        "i": [issuer_at.get(d.issuer, -1) if d.issuer else -1 for d in docs],
        "g": [1 if d.url.startswith(guide_prefix) else 0 for d in docs],
    }
