"""The postings lists of the index, built whole or updated document by document.

Each key (a word, a word's variant, a phrase, a number's term) has one list:
for each document that holds it, in document order, the varint of the gap
from the previous document's id and the varint of the weight. A preview
rebuilds after every save; rebuilding every list (four million postings at
5,000 directives) cost seconds. ``Postings`` keeps the lists of the last
build and, when the documents are the same pages in the same order, redoes
only the lists of the keys of documents whose postings changed: the text of
one directive, or a weight moved by the new average length. The result is
the same, byte for byte, as building them whole.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import defaultdict, deque
from itertools import chain, repeat
from operator import sub
from typing import Callable, Sequence

from .codec import _varint

_VARIANT_SEP = "\x00"

# Per document: its key names and, aligned with them, their weights (bytes:
# weights are 1..OWN_WEIGHT). Postings of a list are kept as arrays of
# machine integers, not lists of Python objects: 5 bytes a posting rather
# than 16, at 5,000 directives four million postings.
DocPostings = tuple[tuple[str, ...], array]
_WEIGHT_VARINTS = [_varint(v) for v in range(256)]


class Postings:
    """The postings lists by key name, and the terms' lists made from them."""

    def __init__(self) -> None:
        self.urls: tuple[str, ...] | None = None
        self.docs: list[DocPostings] = []
        self.lists: dict[str, tuple[array, array]] = {}  # name -> document ids ("i"), weights ("B")
        self.by_term: dict[str, dict[str, str]] = {}  # term -> variant -> encoded list
        self.common = 0.0
        self.varints: list[str] = []

    def build(self, urls: tuple[str, ...], docs: list[DocPostings], common: float) -> dict[str, tuple[tuple[str, str], ...]]:
        """The index's postings by term, variants in order, for ``docs`` in
        document order; a phrase held by more than ``common`` documents is left out."""
        self.varints = [_varint(v) for v in range(len(docs) + 2)]
        if urls == self.urls and common == self.common and len(docs) == len(self.docs):
            dirty = self._update(docs)
        else:
            dirty = self._rebuild(docs)
        self.urls, self.docs, self.common = urls, docs, common
        self._encode(dirty)
        return {term: tuple(sorted(variants.items())) for term, variants in sorted(self.by_term.items())}

    def _rebuild(self, docs: list[DocPostings]) -> set[str]:
        ids: defaultdict[str, array] = defaultdict(lambda: array("i"))
        weights: defaultdict[str, array] = defaultdict(lambda: array("B"))
        for doc_id, (names, weighed) in enumerate(docs):
            # array.append mapped over the postings: the loop runs in C, not in bytecode.
            deque(map(array.append, map(ids.__getitem__, names), repeat(doc_id)), maxlen=0)
            deque(map(array.append, map(weights.__getitem__, names), weighed), maxlen=0)
        self.lists = {name: (ids[name], weights[name]) for name in ids}
        self.by_term = {}
        return set(self.lists)

    def _update(self, docs: list[DocPostings]) -> set[str]:
        dirty: set[str] = set()
        for doc_id, (now, before) in enumerate(zip(docs, self.docs)):
            if now == before:
                continue
            old = dict(zip(*before))
            new = dict(zip(*now))
            for name in old.keys() - new.keys():
                ids, weights = self.lists[name]
                at = bisect_left(ids, doc_id)
                del ids[at], weights[at]
                if not ids:
                    del self.lists[name]
                dirty.add(name)
            for name, weight in new.items():
                if old.get(name) == weight:
                    continue
                ids, weights = self.lists.setdefault(name, (array("i"), array("B")))
                at = bisect_left(ids, doc_id)
                if at < len(ids) and ids[at] == doc_id:
                    weights[at] = weight
                else:
                    ids.insert(at, doc_id)
                    weights.insert(at, weight)
                dirty.add(name)
        return dirty

    def _encode(self, dirty: set[str]) -> None:
        by_distance = ["", *self.varints]  # by_distance[id - previous id]: the varint of the gap
        for name in dirty:
            term, _, var = name.partition(_VARIANT_SEP)
            found = self.lists.get(name)
            variants = self.by_term.get(term)
            if found is None or (" " in name and len(found[0]) > self.common):
                if variants is not None:
                    variants.pop(var, None)
                    if not variants:
                        del self.by_term[term]
                continue
            ids, weights = found
            gaps = map(by_distance.__getitem__, map(sub, ids, chain((-1,), ids[:-1])))
            text = "".join(chain.from_iterable(zip(gaps, map(_WEIGHT_VARINTS.__getitem__, weights))))
            self.by_term.setdefault(term, {})[var] = text


def doc_weights(values: Sequence[int], weight_of: Callable[[int], int]) -> array:
    """The weights of one document's packed counts, each distinct count computed once."""
    weight = {p: weight_of(p) for p in set(values)}
    return array("B", map(weight.__getitem__, values))
