"""Building the index: counting words, phrases and numbers, BM25 weights, postings."""

from __future__ import annotations

import hashlib
import math
from array import array
import pickle
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import compress
from typing import Callable, Iterable, Sequence

from .. import gcpause, refs
from ..text import nfc
from .analysis import _joins, _symbol, number_terms, word_keys
from .documents import CITED, DIRECTIVE, Index, PAGE, SearchDoc, _order
from .postings import _VARIANT_SEP, Postings, doc_weights  # raw key: "term", or "term\x00variant"


HEAD_BOOST = 4.0  # kind, number, subject, topics
META_BOOST = 2.0  # issuer, place, signer
# The body of a page that is not a document mostly repeats documents (lists,
# timelines), and a cited document's page repeats what its citing directives
# say of it: it counts half, so the directives rank first.
BODY_BOOST = {DIRECTIVE: 1.0, CITED: 0.5, PAGE: 0.5}
K1, B = 1.2, 0.75  # BM25 saturation and body-length normalisation
SCALE = 30  # BM25 weights are quantised to 1..SCALE
OWN_WEIGHT = 2 * SCALE  # a document's own number outranks any citation of it
COMMON_PHRASE_MIN = 100  # documents: below this, no phrase is too common to keep


_SPLIT = re.compile(r"([^\W_]+)")


def _bmp_letters_and_digits() -> str:
    r"""The characters of the BMP that ``[^\W_]`` matches, as a class body of ranges."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        if chr(code).isalnum():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(f"{chr(first)}-{chr(last)}" for first, last in ranges)


# The same split for text within the BMP (beyond it: emoji, rare CJK,
# historic scripts): a class of explicit ranges is tested with a bitmap
# rather than Unicode categories, and the split, a third of the index's
# build, runs a fifth faster.
_SPLIT_BMP = re.compile(f"([{_bmp_letters_and_digits()}]+)")
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")
_FIELD_BITS = 32  # per-field counts packed in one integer: body | head << 32 | meta << 64
_OWN = -1  # packed value of a document's own number


class _Ids(dict[str, int]):
    """Ids 0, 1, 2… in order of first look-up; ``names`` lists the keys by id."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def __missing__(self, name: str) -> int:
        self[name] = len(self.names)
        self.names.append(name)
        return self[name]


class _Memo(dict):
    """A dict that makes a missing value with ``make`` and keeps it."""

    def __init__(self, make: Callable) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, item: object) -> object:
        value = self[item] = self.make(item)
        return value


def _number_keys(spelling: str) -> tuple[tuple[str, str], str] | None:
    """``number_terms`` and the issuer symbol of a number as written, if it is one."""
    number = refs.parse_number(spelling)
    return (number_terms(number), _symbol(number.issuer)) if number else None


class _Vocabulary:
    """Integer ids of one build's postings keys, words and gaps.

    A build counts millions of words and phrases: turned into ids by ``map``
    over these dicts and counted by ``Counter``, they never pass through a
    loop in Python; only a form seen for the first time does (``__missing__``).
    """

    def __init__(self) -> None:
        # Raw keys: "term" or "term\x00variant" of a word, "term term" of a
        # phrase, and numbers' terms; one id space, so postings group by id.
        self.keys = _Ids()
        self.word_key = _Memo(self._word_key)  # word as written -> key id
        self.phrase_key = _Memo(self._phrase_key)  # key ids of adjacent words -> key id
        self.joins = _Memo(_joins)  # gap between two words -> whether they form a phrase
        self.numbers = _Memo(_number_keys)  # a number as written -> its terms and issuer symbol

    def _word_key(self, word: str) -> int:
        term, var = word_keys(word)
        return self.keys[f"{term}{_VARIANT_SEP}{var}" if var else term]

    def _phrase_key(self, pair: tuple[int, int]) -> int:
        first, second = (self.keys.names[key].partition(_VARIANT_SEP)[0] for key in pair)
        return self.keys[f"{first} {second}"]

    def count(self, texts: Iterable[str]) -> tuple[Counter[int], int]:
        """Occurrences of each word and phrase key in ``texts``; the number
        of words."""
        counts: Counter[int] = Counter()
        n = 0
        for text in texts:
            text = nfc(text)
            # Words at odd indices, gaps between them at even ones.
            parts = (_SPLIT if _BEYOND_BMP.search(text) else _SPLIT_BMP).split(text)
            words = list(map(self.word_key.__getitem__, parts[1::2]))
            n += len(words)
            counts.update(words)
            joined = compress(zip(words, words[1:]), map(self.joins.__getitem__, parts[2:-1:2]))
            counts.update(map(self.phrase_key.__getitem__, joined))
        return counts, n


# What counting one document found, by key name rather than id: ids are
# one build's, names are the same in every build (``build_index``'s ``kept``).
Counted = tuple[tuple[str, ...], tuple[int, ...], int, frozenset[str]]


# Per document: the normalisations its weights hold for (``_steady``), and the weights.
Weights = tuple[float, float, array]
Saved = tuple[Counted, Weights]  # what a build writes to disk of each document


@dataclass
class Kept:
    """What ``build_index`` keeps from one build to the next (a preview's, or
    through ``saved`` a publishing build's): each document's counts and
    weights, and the postings lists to update in place."""

    counts: dict[SearchDoc, Counted] = field(default_factory=dict)
    postings: Postings = field(default_factory=Postings)
    saved: dict[bytes, Saved] = field(default_factory=dict)  # read from disk, by ``doc_key``
    weights: dict[SearchDoc, Weights] = field(default_factory=dict)
    keys: dict[SearchDoc, bytes] = field(default_factory=dict)  # ``doc_key`` of documents looked up in ``saved``

    def counted(self, doc: SearchDoc) -> Counted | None:
        found = self.counts.get(doc)
        if found is None and self.saved:
            key = self.keys[doc] = doc_key(doc)
            saved = self.saved.get(key)
            if saved is not None:
                found = saved[0]
                self.weights.setdefault(doc, saved[1])  # weighed again only if the normalisation moved
        return found

    def to_save(self) -> dict[bytes, Saved]:
        """This build's counts and weights, by ``doc_key``, to write to disk."""
        keys = self.keys
        return {keys.get(doc) or doc_key(doc): (counted, self.weights[doc]) for doc, counted in self.counts.items()}


def doc_key(doc: SearchDoc) -> bytes:
    """A document's hash, the same in every process."""
    return hashlib.blake2b(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL), digest_size=16).digest()


def build_index(docs: Iterable[SearchDoc], kept: Kept | None = None) -> Index:
    """The inverted index of ``docs``; document ids follow ``_order``.

    Counts are kept document by document; weights need every body's length
    first, so the postings are weighed and listed (``postings``) in a second
    pass over the documents. Nothing built here can form a reference cycle,
    so the cycle collector is paused meanwhile: inside a build it would walk
    the whole site's objects again and again (it doubled the time on 5,000
    directives).

    With ``kept`` from an earlier build, a document met again is not counted
    again and only the postings lists that changed are redone; ``kept`` is
    left holding this build's documents only.
    """
    with gcpause.paused():
        return _build_index(docs, Kept() if kept is None else kept)


def _build_index(docs: Iterable[SearchDoc], kept: Kept) -> Index:
    ordered = tuple(sorted(docs, key=_order))
    urls = tuple(d.url for d in ordered)
    if len(set(urls)) != len(urls):
        raise ValueError("search: two documents share a URL")
    vocabulary = _Vocabulary()
    if not kept.saved:
        kept.keys.clear()  # the saved counts are read by a process's first build only
    found = [kept.counted(doc) or _count(doc, vocabulary) for doc in ordered]
    kept.counts.clear()
    kept.counts.update(zip(ordered, found))
    issuers = frozenset().union(*(f[3] for f in found))
    weighed = []
    weights_now: dict[SearchDoc, Weights] = {}
    for doc, (names, values, _, _), norm in zip(ordered, found, _inverse_norms(ordered, [f[2] for f in found])):
        before = kept.weights.get(doc)
        if before is None or not before[0] < norm < before[1]:
            low, high = _steady(values, norm)
            before = (low, high, doc_weights(values, lambda p: _weight(p, norm)))
        weights_now[doc] = before
        weighed.append((names, before[2]))
    kept.weights = weights_now
    # A phrase in more than half the documents hardly ranks (its idf is below
    # log 2) yet its postings are the longest: on a large site, such phrases
    # are left out (on a small one they cost nothing).
    common = max(len(ordered) / 2, COMMON_PHRASE_MIN)
    return Index(ordered, kept.postings.build(urls, weighed, common), issuers)


def _count(doc: SearchDoc, vocabulary: _Vocabulary) -> Counted:
    """The key names of ``doc`` with their packed counts (body, head and meta
    fields in one integer), its body's length in words, its numbers' issuers."""
    counts, length = vocabulary.count(doc.body)
    for texts, shift in ((doc.head, _FIELD_BITS), (doc.meta, 2 * _FIELD_BITS)):
        for key, c in vocabulary.count(texts)[0].items():
            counts[key] = counts.get(key, 0) + (c << shift)
    own: set[str] = set()
    issuers: set[str] = set()
    for spelling in doc.own_numbers:
        number = vocabulary.numbers[spelling]
        if number:
            own.update(number[0])
            issuers.add(number[1])
    for spelling in doc.cited_numbers:
        number = vocabulary.numbers[spelling]
        if number:
            issuers.add(number[1])
            for term in number[0]:
                if term not in own:
                    key = vocabulary.keys[term]
                    counts[key] = counts.get(key, 0) + 1
    for term in own:
        counts[vocabulary.keys[term]] = _OWN
    names = vocabulary.keys.names
    return tuple(map(names.__getitem__, counts)), tuple(counts.values()), length, frozenset(issuers)


def _inverse_norms(ordered: Sequence[SearchDoc], lengths: Sequence[int]) -> list[float]:
    """Per document, BM25's body-length normalisation, inverted, times the body boost."""
    # Lengths are compared within a group: a cited document's few quoted
    # sentences are not "shorter" than a directive in any useful sense.
    by_group: dict[int, list[int]] = defaultdict(list)
    for doc, length in zip(ordered, lengths):
        if length:
            by_group[doc.group].append(length)
    average = {group: sum(ls) / len(ls) for group, ls in by_group.items()}
    return [BODY_BOOST[doc.group] / (1 - B + B * length / average[doc.group]) if length else 1.0
            for doc, length in zip(ordered, lengths)]


def _steady(values: Sequence[int], inverse_norm: float) -> tuple[float, float]:
    """The interval of body normalisations around ``inverse_norm`` in which
    every weight of a document with these packed counts stays what it is.

    A document's normalisation follows the average body length, which any
    edit moves a little; its quantised weights seldom move with it. Each
    weight rounds an increasing function of the normalisation, so it keeps
    its value between two bounds found by inverting that function; a small
    margin keeps clear of rounding at the bounds themselves.
    """
    low, high = -math.inf, math.inf
    mask = (1 << _FIELD_BITS) - 1
    for packed in set(values):
        body = packed & mask if packed != _OWN else 0
        if body == 0:
            continue  # no body count: the normalisation does not enter
        fixed = HEAD_BOOST * ((packed >> _FIELD_BITS) & mask) + META_BOOST * (packed >> 2 * _FIELD_BITS)
        tf = fixed + body * inverse_norm
        k = round(tf / (tf + K1) * SCALE)
        for bound, side in ((k - 0.5, -1), (k + 0.5, 1)):
            if side < 0 and k <= 1:
                continue  # clamped to 1 below
            if side > 0 and bound >= SCALE:
                continue  # tf / (tf + K1) never reaches 1
            limit = (K1 * bound / (SCALE - bound) - fixed) / body
            if side < 0:
                low = max(low, limit)
            else:
                high = min(high, limit)
    margin = 1e-9 * max(1.0, abs(inverse_norm))
    return low + margin, high - margin


def _weight(packed: int, inverse_norm: float) -> int:
    """BM25 with field boosts, quantised to 1..SCALE; OWN_WEIGHT for own numbers."""
    if packed == _OWN:
        return OWN_WEIGHT
    mask = (1 << _FIELD_BITS) - 1
    tf = (HEAD_BOOST * ((packed >> _FIELD_BITS) & mask) + META_BOOST * (packed >> 2 * _FIELD_BITS)
          + (packed & mask) * inverse_norm)
    return max(1, round(tf / (tf + K1) * SCALE))


