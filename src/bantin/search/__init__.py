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
    ``search/index.js`` (small: version, sizes, kind codes, the common
    terms) names a versioned folder of shards: terms are spread over shards
    by a hash of the term, so a query fetches one shard per term and nothing
    else; a common term (its record half a shard or more) has a file of its
    own, so a query of common words fetches their postings and not their
    neighbours'. The document table is cut into chunks fetched only for the
    hits shown. Every file is a script
    that pushes its data onto ``self.bantinSearchData``, so it loads from
    ``file://`` too, where fetch() is blocked. ``search/manifest.json`` lists
    the files for the service worker.

``assets/javascripts/search.js`` implements the same query logic in the
browser; ``query`` here is the reference the browser tests compare it with.
"""

from __future__ import annotations

from .analysis import CODES, KIND_WORDS, number_terms, variant, word_keys
from .codec import Posting, decode, encode
from .documents import CITED, DIRECTIVE, PAGE, Index, SearchDoc
from .files import CHUNK, FOLDER, SHARD_TARGET, files, load, shard_of
from .html import SKIP_CLASSES, html_text
from .index import (
    BODY_BOOST,
    COMMON_PHRASE_MIN,
    HEAD_BOOST,
    META_BOOST,
    OWN_WEIGHT,
    SCALE,
    Kept,
    build_index,
)
from .query import Query, parse_query
from .rank import Hit, idf, query, rank

__all__ = [
    "BODY_BOOST", "CHUNK", "CITED", "CODES", "COMMON_PHRASE_MIN", "DIRECTIVE", "FOLDER", "HEAD_BOOST", "Hit",
    "Index", "KIND_WORDS", "META_BOOST", "OWN_WEIGHT", "PAGE", "Posting", "Query", "SCALE", "SHARD_TARGET",
    "Kept", "SKIP_CLASSES", "SearchDoc", "build_index", "decode", "encode", "files", "html_text", "idf", "load",
    "number_terms", "parse_query", "query", "rank", "shard_of", "variant", "word_keys",
]
