"""Ranking: the reference implementation of the query the browser runs."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

from .documents import Index, Posting, SearchDoc
from .query import Query, parse_query





# --- ranking -------------------------------------------------------------

@dataclass(frozen=True)
class Hit:
    doc: int
    matched: int  # required terms found
    exact: int  # accented query words found with the same accents
    hinted: int  # number hints found ("nghị quyết 18": 18-NQ and its citers)
    score: float


Lookup = Callable[[str], Sequence[tuple[str, Sequence[Posting]]]]


def idf(lists: Sequence[tuple[str, Sequence[Posting]]], n: int) -> float:
    """BM25's idf of a term, from the documents holding any of its variants."""
    df = len(lists[0][1]) if len(lists) == 1 else len({d for _, p in lists for d, _ in p})
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def rank(query: Query, lookup: Lookup, n_docs: int) -> tuple[list[Hit], bool]:
    """Hits best first, and whether they hold every required term.

    Documents that hold all the words and numbers come first and alone; when
    none does, the ones that hold most of them. Then exact-accent matches,
    then the document a kind name and serial point to ("nghị quyết 18") and
    its citers, then score (phrases add to it), then index order.
    ``search.js`` does the same arithmetic in the same order.
    """
    acc: dict[int, list] = {}  # doc -> [matched, exact, score]
    required = query.required
    for term, var in required:
        lists = lookup(term)
        weight = idf(lists, n_docs)
        for list_var, plist in lists:
            exact = bool(var) and list_var == var
            for doc, w in plist:
                a = acc.get(doc)
                if a is None:
                    a = acc[doc] = [0, 0, 0.0, None, None, 0]  # matched, exact, score, last term, last hint, hinted
                if a[3] != term:
                    a[0] += 1
                    a[3] = term
                if exact:
                    a[1] += 1
                a[2] += weight * w
    for hint, term in [(False, t) for t in query.phrases] + [(True, t) for t in query.hints]:
        lists = lookup(term)
        weight = idf(lists, n_docs)
        for _, plist in lists:
            for doc, w in plist:
                a = acc.get(doc)
                if a is not None:
                    a[2] += weight * w
                    if hint and a[4] != term:
                        a[4] = term
                        a[5] += 1
    hits = sorted((Hit(doc, a[0], a[1], a[5], a[2]) for doc, a in acc.items()),
                  key=lambda h: (-h.matched, -h.exact, -h.hinted, -h.score, h.doc))
    complete = bool(hits) and hits[0].matched == len(required)
    if complete:
        hits = [h for h in hits if h.matched == len(required)]
    return hits, complete


def query(index: Index, text: str) -> tuple[list[SearchDoc], bool]:
    """The documents ``text`` finds, best first (see ``rank``)."""
    hits, complete = rank(parse_query(text, index.issuers), index.lookup, len(index.docs))
    return [index.docs[h.doc] for h in hits], complete


