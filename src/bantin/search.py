"""Search: accent-insensitive, number-aware, and split so a phone fetches little.

Readers type "nghi quyet 18", "khoá XIII" or "18 nq tw"; the index must answer
all of them like the fully accented, canonical spelling, while a fully
accented query still puts exact-accent matches first.

Terms
    Every word is indexed under its folded form ("đảng" -> "dang"), split by
    its *variant*: the word without tone marks plus a tone digit ("đang3").
    The variant is the same for old and new tone placement ("khoá"/"khóa" ->
    "khoa1"), so a query word with marks can prefer exact-accent matches
    without storing anything twice. Adjacent words also form a phrase term
    ("sap xep"), which ranks "bộ máy" above "bộ" and "máy" far apart. A
    document number becomes "18-nq/tw" and "18-nq" however it is spelled.

Postings
    Per term and variant, the documents holding it with a precomputed weight
    (BM25 over the heading, meta and body fields, quantised to a small
    integer), delta- and varint-encoded into a compact string.

Files
    ``search/index.js`` (small: version, sizes, kind codes) names a versioned
    folder of shards: terms are spread over shards by a hash of the term, so a
    query fetches one shard per term and nothing else, and the document table
    is cut into chunks fetched only for the hits shown. Every file is a script
    that pushes its data onto ``self.bantinSearchData``, so it loads from
    ``file://`` too, where fetch() is blocked. ``search/manifest.json`` lists
    the files for the service worker.

``assets/javascripts/search.js`` implements the same query logic in the
browser; ``query`` here is the reference the browser tests compare it with.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import compress, repeat
from operator import sub
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from . import refs
from .numbers import STATE
from .records import KINDS
from .text import fold, nfc

# Document groups, in index order: ties in score go to the earlier group.
DIRECTIVE, CITED, PAGE = 0, 1, 2

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
SHARD_TARGET = 32 * 1024  # characters of postings per shard, on average
CHUNK = 32  # documents per chunk of the document table
FOLDER = "search"

_WORD = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"[0-9]{1,5}")
_SYMBOL = re.compile(r"[a-z][a-z0-9]*")
_SEPARATORS = frozenset(" \t\n\r\u00a0-/._")
# Tone marks; the other marks (ă â ê ô ơ ư) stay part of the letter.
_TONE_DIGIT = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
_DIGIT_VALUE = {ch: i for i, ch in enumerate(_ALPHABET)}


# --- words ---------------------------------------------------------------

def variant(word: str) -> str:
    """Tone-placement-independent accented key of a lowercase word, or ""
    when the word carries no marks at all: "khoá" and "khóa" -> "khoa1",
    "đảng" -> "đang3", "đang" -> "đang", "dang" -> ""."""
    if word == fold(word):
        return ""
    tone, kept = "", []
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONE_DIGIT:
            tone = _TONE_DIGIT[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)) + tone


_KEYS: dict[str, tuple[str, str]] = {}


def word_keys(word: str) -> tuple[str, str]:
    """(folded term, variant) of a word as written; cached, syllables repeat."""
    keys = _KEYS.get(word)
    if keys is None:
        lower = word.lower()
        keys = (fold(lower), variant(lower))
        if len(_KEYS) < 500_000:
            _KEYS[word] = keys
    return keys


_JOINING = re.compile(r"[^\S\n]*\n?[^\S\n]*|[-/]")


def _joins(gap: str) -> bool:
    """Two words form a phrase when only white space (at most one line
    break: a blank line ends a paragraph), or one - or /, part them."""
    return _JOINING.fullmatch(gap) is not None


# --- document numbers ----------------------------------------------------

def _symbol(issuer: str) -> str:
    return "".join(_WORD.findall(fold(issuer)))


def number_terms(number: refs.DocNumber) -> tuple[str, str]:
    """("18-nq/tw", "18-nq"): the full number and its serial and kind, as
    indexed for every spelling ("18-NQ/TW", "018-nq/tw"). A State number
    gives ("30/2020/nd-cp", "30-nd")."""
    partial = f"{int(number.serial)}-{fold(number.code or '')}"
    if number.style == STATE:
        year = f"{number.year}/" if number.year else ""
        symbol = "-".join(_symbol(p) for p in (number.code, number.issuer) if p)
        return f"{int(number.serial)}/{year}{symbol}", partial
    return f"{partial}/{_symbol(number.issuer or '')}", partial


CODES: tuple[str, ...] = tuple(sorted({fold(k.code) for k in KINDS}))
# Kind names as query words, longest first: "nghi quyet" -> "nq".
KIND_WORDS: tuple[tuple[tuple[str, ...], str], ...] = tuple(sorted(
    ((tuple(fold(k.name).split()), fold(k.code)) for k in KINDS), key=lambda kw: (-len(kw[0]), kw)))


# --- queries -------------------------------------------------------------

@dataclass(frozen=True)
class Query:
    words: tuple[tuple[str, str], ...]  # (term, variant); variant "" when typed without marks
    numbers: tuple[str, ...]  # document numbers typed: required like words
    phrases: tuple[str, ...]  # adjacent words: rank only
    hints: tuple[str, ...]  # "nghị quyết 18" -> "18-nq": rank only

    @property
    def required(self) -> tuple[tuple[str, str], ...]:
        return self.words + tuple((n, "") for n in self.numbers)


def parse_query(text: str, issuers: Iterable[str] = ()) -> Query:
    """What a reader typed, as index terms.

    A number is a serial, a kind code and an issuer symbol, parted by any of
    space - / . _ ("18-NQ/TW", "18 NQ/TW", "18-nq-tw", "18/NQ-TW"); the issuer
    may be parted by a space only when it is a symbol the index knows
    (``issuers``), so "18-NQ nghị quyết" keeps its words. Without an issuer
    it is "18-nq", every 18-NQ. A kind name before a serial ("nghị quyết 18")
    adds "18-nq" as a hint that ranks that document and its citers first.
    """
    text = nfc(text)
    matches = list(_WORD.finditer(text))
    toks = []  # (term, variant, gap before)
    end = 0
    for m in matches:
        term, var = word_keys(m.group())
        toks.append((term, var, text[end:m.start()] if toks else ""))
        end = m.end()
    known = set(issuers)

    def separated(i: int) -> bool:
        return all(ch in _SEPARATORS for ch in toks[i][2])

    words: dict[str, str] = {}
    numbers: list[str] = []
    phrases: list[str] = []
    hints: list[str] = []
    previous: str | None = None  # the word before, while words stay adjacent
    i = 0
    while i < len(toks):
        term, var, gap = toks[i]
        nxt = i + 1
        if _DIGITS.fullmatch(term) and nxt < len(toks) and toks[nxt][0] in CODES and separated(nxt):
            number = f"{int(term)}-{toks[nxt][0]}"
            j = nxt + 1
            if j < len(toks) and _SYMBOL.fullmatch(toks[j][0]) and (toks[j][2] in ("/", "-") or toks[j][0] in known):
                symbol = toks[j][0]
                j += 1
                while j < len(toks) and toks[j][2] == "-" and _SYMBOL.fullmatch(toks[j][0]):
                    symbol += toks[j][0]  # joint issuers: "BTCTW-BTGTW"
                    j += 1
                number += "/" + symbol
            numbers.append(number)
            previous = None
            i = j
            continue
        for kind, code in KIND_WORDS:
            k = i + len(kind)
            if tuple(t[0] for t in toks[i:k]) == kind:
                k += 1 if k < len(toks) and toks[k][0] == "so" else 0
                if k < len(toks) and _DIGITS.fullmatch(toks[k][0]) and not (
                        k + 1 < len(toks) and toks[k + 1][0] in CODES and separated(k + 1)):
                    hints.append(f"{int(toks[k][0])}-{code}")
                break
        words.setdefault(term, var)
        if previous is not None and _joins(gap):
            phrases.append(f"{previous} {term}")
        previous = term
        i = nxt
    return Query(tuple(words.items()), tuple(dict.fromkeys(numbers)),
                 tuple(dict.fromkeys(phrases)), tuple(dict.fromkeys(hints)))


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


Posting = tuple[int, int]  # (document id, weight)


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
_VARIANT_SEP = "\x00"  # raw key: "term", or "term\x00variant" when the word carried marks


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


def build_index(docs: Iterable[SearchDoc]) -> Index:
    """The inverted index of ``docs``; document ids follow ``_order``.

    Counts are kept document by document; weights need every body's length
    first, so the postings are weighed, grouped by key and encoded in a
    second pass over the documents. Nothing built here can form a reference
    cycle, so the cycle collector is paused meanwhile: inside a build it
    would walk the whole site's objects again and again (it doubled the time
    on 5,000 directives).
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _build_index(docs)
    finally:
        if paused:
            gc.enable()


def _build_index(docs: Iterable[SearchDoc]) -> Index:
    ordered = tuple(sorted(docs, key=_order))
    urls = [d.url for d in ordered]
    if len(set(urls)) != len(urls):
        raise ValueError("search: two documents share a URL")
    vocabulary = _Vocabulary()
    counted: list[tuple[list[int], list[int]]] = []  # per document: key ids, packed counts
    lengths: list[int] = []
    issuers: set[str] = set()
    for doc in ordered:
        counts, length = vocabulary.count(doc.body)
        lengths.append(length)
        for texts, shift in ((doc.head, _FIELD_BITS), (doc.meta, 2 * _FIELD_BITS)):
            for key, c in vocabulary.count(texts)[0].items():
                counts[key] = counts.get(key, 0) + (c << shift)
        own: set[str] = set()
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
        counted.append((list(counts), list(counts.values())))
    # A phrase in more than half the documents hardly ranks (its idf is below
    # log 2) yet its postings are the longest: on a large site, such phrases
    # are left out (on a small one they cost nothing).
    common = max(len(ordered) / 2, COMMON_PHRASE_MIN)
    encoded = _encode_postings(counted, _inverse_norms(ordered, lengths), len(vocabulary.keys.names))
    postings: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name, (text, df) in sorted(zip(vocabulary.keys.names, encoded)):
        if df == 0 or (" " in name and df > common):
            continue
        term, _, var = name.partition(_VARIANT_SEP)
        postings[term].append((var, text))
    return Index(ordered, {term: tuple(lists) for term, lists in postings.items()}, frozenset(issuers))


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


def _encode_postings(counted: list[tuple[list[int], list[int]]], inverse_norms: Sequence[float],
                     n_keys: int) -> list[tuple[str, int]]:
    """Per key id, its postings in ``encode``'s format and how many documents
    hold it, from each document's key ids and packed counts (``counted``,
    emptied on the way to save memory).

    Document by document, each posting goes to its key's list as the
    document id and the weight's varint (computed once per distinct count);
    then each list's ids are replaced by the varints of their gaps, all at
    C level, and the list joined.
    """
    varints = [_varint(v) for v in range(max(len(counted), OWN_WEIGHT + 1))]
    pieces: list[list] = [[] for _ in range(n_keys)]
    for doc_id, inverse_norm in enumerate(inverse_norms):
        keys, values = counted[doc_id]
        counted[doc_id] = ([], [])
        weight = {p: varints[_weight(p, inverse_norm)] for p in set(values)}
        for key, posting in zip(keys, zip(repeat(doc_id), map(weight.__getitem__, values))):
            pieces[key].extend(posting)
    by_distance = ["", *varints]  # by_distance[id - previous id]: the varint of the gap
    out = []
    for p in pieces:
        ids = p[0::2]
        p[0::2] = map(by_distance.__getitem__, map(sub, ids, [-1, *ids[:-1]]))
        out.append(("".join(p), len(ids)))
    return out


def _weight(packed: int, inverse_norm: float) -> int:
    """BM25 with field boosts, quantised to 1..SCALE; OWN_WEIGHT for own numbers."""
    if packed == _OWN:
        return OWN_WEIGHT
    mask = (1 << _FIELD_BITS) - 1
    tf = (HEAD_BOOST * ((packed >> _FIELD_BITS) & mask) + META_BOOST * (packed >> 2 * _FIELD_BITS)
          + (packed & mask) * inverse_norm)
    return max(1, round(tf / (tf + K1) * SCALE))


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


# --- files ---------------------------------------------------------------

def _varint(value: int) -> str:
    digits = [value & 31]
    value >>= 5
    while value:
        digits.append(32 | (value & 31))
        value >>= 5
    return "".join(_ALPHABET[d] for d in reversed(digits))


_VARINTS = [_varint(v) for v in range(1024)]


def encode(postings: Iterable[Posting]) -> str:
    """Postings as text: per document the gap to the previous id (minus one)
    and the weight, each a varint of 5-bit digits, 32 marking "more"."""
    out, previous, small = [], -1, _VARINTS
    for doc, weight in postings:
        gap = doc - previous - 1
        out.append(small[gap] if gap < 1024 else _varint(gap))
        out.append(small[weight] if weight < 1024 else _varint(weight))
        previous = doc
    return "".join(out)


def decode(text: str) -> list[Posting]:
    values, value = [], 0
    for ch in text:
        digit = _DIGIT_VALUE[ch]
        value = value * 32 + (digit & 31)
        if digit < 32:
            values.append(value)
            value = 0
    out, previous = [], -1
    for gap, weight in zip(values[::2], values[1::2]):
        previous += gap + 1
        out.append((previous, weight))
    return out


def shard_of(term: str, shards: int) -> int:
    """FNV-1a of the term's UTF-8 bytes, the same in ``search.js``."""
    h = 0x811C9DC5
    for byte in term.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h % shards


def _script(name: str, data: object) -> str:
    payload = json.dumps([name, data], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # "<" only occurs inside strings: escaped, no content can write "</script>".
    payload = payload.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"(self.bantinSearchData=self.bantinSearchData||[]).push({payload});\n"


# A shard is one string, not an object: a browser scans a string literal
# far faster than it builds an object of a thousand keys, and splits it into
# terms only when a query looks one up. Terms, variants and encoded postings
# never hold these two characters.
RECORD_SEP, FIELD_SEP = "|", ";"


def _record(term: str, lists: Sequence[tuple[str, str]]) -> str:
    """"term;variant;postings;variant;postings…"."""
    return FIELD_SEP.join([term, *(x for var, enc in lists for x in (var, enc))])


def files(index: Index, page_url: str, shard_target: int = SHARD_TARGET, chunk: int = CHUNK,
          extra: Mapping[str, object] | None = None) -> dict[str, str]:
    """Every search file, by path relative to the site root; deterministic.

    ``page_url`` is the results page (the service worker caches it too).
    ``extra`` adds data files to the versioned folder, by name ("f": the
    results page's filters, see ``bantin.search_facets``).
    """
    records = {term: _record(term, lists) for term, lists in index.postings.items()}
    shards = max(1, math.ceil(sum(len(r) + 1 for r in records.values()) / shard_target))
    by_shard: list[list[str]] = [[] for _ in range(shards)]
    for term in sorted(records):
        by_shard[shard_of(term, shards)].append(records[term])
    rows = [doc.row() for doc in index.docs]
    body = {f"t{i}.js": _script(f"t{i}", RECORD_SEP.join(shard)) for i, shard in enumerate(by_shard)}
    body.update({f"d{j}.js": _script(f"d{j}", rows[j * chunk:(j + 1) * chunk])
                 for j in range(max(1, math.ceil(len(rows) / chunk)))})
    body.update({f"{name}.js": _script(name, data) for name, data in (extra or {}).items()})
    digest = hashlib.sha256()
    for name in sorted(body):
        digest.update(name.encode() + b"\0" + body[name].encode() + b"\0")
    version = digest.hexdigest()[:12]
    meta = {
        "version": version, "docs": len(rows), "shards": shards, "chunk": chunk,
        "codes": list(CODES), "kinds": [[" ".join(words), code] for words, code in KIND_WORDS],
        "issuers": sorted(index.issuers),
    }
    out = {f"{FOLDER}/index.js": _script("meta", meta)}
    out.update({f"{FOLDER}/{version}/{name}": text for name, text in sorted(body.items())})
    manifest = {"version": version, "page": page_url, "script": "assets/javascripts/search.js",
                "files": sorted(out)}
    out[f"{FOLDER}/manifest.json"] = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return out


# --- text from HTML --------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 header hr li "
    "main ol p pre section table td th tr ul".split())
_SKIP_TAGS = frozenset("script style template nav svg button form select textarea noscript".split())
_VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
# What a page repeats from the documents, which have their own entries:
# listing lines (bt-entries, bt-facets), a document's full text embedded in
# another page (bt-doc: the monthly bulletins), the timeline's lines
# (bt-tl__list); and permalinks ("¶"). Templates can mark any other repeated
# text with a ``data-search-skip`` attribute.
SKIP_CLASSES = frozenset({"bt-entries", "bt-facets", "bt-doc", "bt-tl__list", "headerlink"})


class _Text(HTMLParser):
    def __init__(self, within: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.within = within
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipping, inside)
        self.segments: list[str] = []
        self.current: list[str] = []

    def _state(self) -> tuple[bool, bool]:
        return (self.stack[-1][1], self.stack[-1][2]) if self.stack else (False, self.within is None)

    def _break(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.segments.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        skipping, inside = self._state()
        classes = set((dict(attrs).get("class") or "").split())
        if tag in _BLOCK_TAGS:
            self._break()
        if tag in _VOID_TAGS:
            return
        inside = inside or (self.within in classes)
        skipping = skipping or tag in _SKIP_TAGS or bool(classes & SKIP_CLASSES) or "data-search-skip" in dict(attrs)
        self.stack.append((tag, skipping, inside))

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._break()
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        skipping, inside = self._state()
        if inside and not skipping:
            self.current.append(data)


# Embedded documents and listings are skipped anyway; cutting them out
# before parsing saves most of the work on bulletins and archive listings
# (no article nests in a document, no list in a listing line). Were one to,
# the parser would still skip what the cut left.
_CUT = re.compile(r'<article class="bt-doc"[^>]*>.*?</article>|<ul class="bt-entries[^"]*">.*?</ul>', re.S)


def html_text(html: str, within: str | None = None) -> tuple[str, ...]:
    """The visible text of ``html`` as one string per block, without scripts,
    navigation or listings; only inside the element of class ``within`` if given."""
    if within:  # the element's start tag comes after <head> and navigation
        start = html.find(f'class="{within}')
        html = html[html.rfind("<", 0, start):] if start >= 0 else ""
    parser = _Text(within)
    parser.feed(_CUT.sub("", html))
    parser.close()
    parser._break()
    return tuple(parser.segments)


# --- reading the files back ------------------------------------------------

def _unscript(text: str) -> tuple[str, object]:
    start, end = text.index(".push(") + len(".push("), text.rindex(");")
    name, data = json.loads(text[start:end])
    return name, data


def load(site: Path | str) -> Index:
    """The index a built site serves, read back from its files (tests, bench)."""
    folder = Path(site) / FOLDER
    _, meta = _unscript((folder / "index.js").read_text(encoding="utf-8"))
    version = folder / meta["version"]
    postings: dict[str, tuple] = {}
    for i in range(meta["shards"]):
        _, shard = _unscript((version / f"t{i}.js").read_text(encoding="utf-8"))
        for record in filter(None, shard.split(RECORD_SEP)):
            term, *entry = record.split(FIELD_SEP)
            postings[term] = tuple((entry[k], entry[k + 1]) for k in range(0, len(entry), 2))
    docs = []
    for j in range(math.ceil(meta["docs"] / meta["chunk"])):
        _, rows = _unscript((version / f"d{j}.js").read_text(encoding="utf-8"))
        for url, kind, number, date, title, issuer, group in rows:
            docs.append(SearchDoc(url, title, group, kind, number, dt.date.fromisoformat(date) if date else None, issuer))
    return Index(tuple(docs), postings, frozenset(meta["issuers"]))
