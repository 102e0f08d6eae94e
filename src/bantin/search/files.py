"""The index as files a phone fetches piece by piece, and reading them back."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from pathlib import Path
from typing import Mapping, Sequence

from .analysis import CODES, KIND_WORDS
from .documents import Index, SearchDoc


SHARD_TARGET = 8 * 1024  # characters of postings per shard, on average
CHUNK = 32  # documents per chunk of the document table
FOLDER = "search"


# --- files ---------------------------------------------------------------

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

    A term whose record would fill half a shard or more (a common word: its
    postings are most of the index) has a file of its own, ``b<i>.js``, the
    i-th of ``meta["big"]``: a query fetches its own postings and nothing of
    its neighbours'. The other terms share the hashed shards ``t<i>.js``.

    ``page_url`` is the results page (the service worker caches it too).
    ``extra`` adds data files to the versioned folder, by name ("f": the
    results page's filters, see ``bantin.search_facets``).
    """
    records = {term: _record(term, lists) for term, lists in index.postings.items()}
    big = sorted(term for term, record in records.items() if len(record) >= shard_target // 2)
    for term in big:
        del records[term]  # the small ones stay
    shards = max(1, math.ceil(sum(len(r) + 1 for r in records.values()) / shard_target))
    by_shard: list[list[str]] = [[] for _ in range(shards)]
    for term in sorted(records):
        by_shard[shard_of(term, shards)].append(records[term])
    rows = [doc.row() for doc in index.docs]
    body = {f"t{i}.js": _script(f"t{i}", RECORD_SEP.join(shard)) for i, shard in enumerate(by_shard)}
    body.update({f"b{i}.js": _script(f"b{i}", _record(term, index.postings[term])) for i, term in enumerate(big)})
    body.update({f"d{j}.js": _script(f"d{j}", rows[j * chunk:(j + 1) * chunk])
                 for j in range(max(1, math.ceil(len(rows) / chunk)))})
    body.update({f"{name}.js": _script(name, data) for name, data in (extra or {}).items()})
    digest = hashlib.sha256()
    for name in sorted(body):
        digest.update(name.encode() + b"\0" + body[name].encode() + b"\0")
    version = digest.hexdigest()[:12]
    meta = {
        "version": version, "docs": len(rows), "shards": shards, "chunk": chunk, "big": big,
        "codes": list(CODES), "kinds": [[" ".join(words), code] for words, code in KIND_WORDS],
        "issuers": sorted(index.issuers),
    }
    out = {f"{FOLDER}/index.js": _script("meta", meta)}
    out.update({f"{FOLDER}/{version}/{name}": text for name, text in sorted(body.items())})
    manifest = {"version": version, "page": page_url, "script": "assets/javascripts/search.js",
                "files": sorted(out)}
    out[f"{FOLDER}/manifest.json"] = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return out


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
    shards = [f"t{i}.js" for i in range(meta["shards"])] + [f"b{i}.js" for i in range(len(meta["big"]))]
    for name in shards:
        _, shard = _unscript((version / name).read_text(encoding="utf-8"))
        for record in filter(None, shard.split(RECORD_SEP)):
            term, *entry = record.split(FIELD_SEP)
            postings[term] = tuple((entry[k], entry[k + 1]) for k in range(0, len(entry), 2))
    docs = []
    for j in range(math.ceil(meta["docs"] / meta["chunk"])):
        _, rows = _unscript((version / f"d{j}.js").read_text(encoding="utf-8"))
        for url, kind, number, date, title, issuer, group in rows:
            docs.append(SearchDoc(url, title, group, kind, number, dt.date.fromisoformat(date) if date else None, issuer))
    return Index(tuple(docs), postings, frozenset(meta["issuers"]))

