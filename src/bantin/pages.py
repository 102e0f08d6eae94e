"""Pages: the last step, from records and the citation graph to page specs.

A ``PageSpec`` says where a page lives (its source URI, which MkDocs turns
into the URL), its title, which template in ``overrides/`` renders it, its
Markdown, and the objects the template shows. Nothing here renders HTML:
the templates do, with every content value escaped.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from .corpus import Corpus
from .links import Citation, Document, Graph
from .records import KIND_BY_NAME, LEVELS, UNDATED_FOLDER, Directive, SloganSet
from .text import fold, slugify

HOME_NEWEST = 20


@dataclass(frozen=True)
class PageSpec:
    src_uri: str
    title: str
    template: str
    markdown: str = ""
    context: Mapping[str, Any] = field(default_factory=dict)
    description: str | None = None


@dataclass(frozen=True)
class Entry:
    """A document as one line of a listing: enough to tell documents apart."""

    src_uri: str
    kind: str | None
    number: str | None
    date: dt.date | None
    title: str | None
    issuer: str | None
    is_directive: bool


@dataclass(frozen=True)
class CitingEntry:
    """A directive that cites a document, with the sentences that do."""

    entry: Entry
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Facet:
    """One way of browsing: a kind, an issuer or a year, with its page."""

    label: str
    src_uri: str
    count: int


def directive_uri(d: Directive) -> str:
    return f"van-ban/{d.folder}/{d.slug}.md"


def document_uri(doc: Document) -> str:
    return directive_uri(doc.directive) if doc.directive else f"{doc.id}.md"


def issuer_label(d: Directive) -> str:
    """Issuer as a reader needs it: "Ban Tuyên giáo" alone says little."""
    return f"{d.issuer}, {d.parent}" if d.parent else d.issuer


def directive_entry(d: Directive) -> Entry:
    return Entry(directive_uri(d), d.kind, d.number, d.date, d.title, issuer_label(d), True)


def document_entry(doc: Document) -> Entry:
    if doc.directive:
        return directive_entry(doc.directive)
    info = doc.info
    kind = info.kind if info and info.kind else (doc.kind_words[0] if doc.kind_words else None)
    number = str(doc.number) if doc.number else None
    return Entry(document_uri(doc), kind, number, doc.date, info.title if info else None,
                 info.issuer if info else None, False)


def newest_first(d: Directive) -> tuple:
    return (d.date is None, -(d.date.toordinal() if d.date else 0), d.path)


def linked_body(d: Directive, src_uri: str, citations: Iterable[Citation], docs: Mapping[str, Document]) -> str:
    """The body with every mention turned into a relative Markdown link.

    Links point at source ``.md`` files so MkDocs validates them and writes
    the right URL for both directory and ``.html`` URLs (the offline copy).
    """
    here = posixpath.dirname(src_uri)
    out, pos = [], 0
    for c in sorted(citations, key=lambda c: c.mention.start):
        start, end = c.mention.start, c.mention.end
        target = posixpath.relpath(document_uri(docs[c.target]), here)
        out.append(d.body[pos:start])
        out.append(f"[{d.body[start:end]}]({target})")
        pos = end
    out.append(d.body[pos:])
    return "".join(out)


def directive_title(d: Directive) -> str:
    return f"{d.kind} {d.number}" if d.number else f"{d.kind} {d.title}"


def document_title(doc: Document) -> str:
    entry = document_entry(doc)
    label = f"{entry.kind} {entry.number}" if entry.kind else f"Văn bản {entry.number}"
    return f"{label} (nhiều văn bản cùng số hiệu)" if doc.is_ambiguous else label


def build_pages(corpus: Corpus, graph: Graph) -> list[PageSpec]:
    """Every generated page of the site, in a stable order."""
    published = sorted(corpus.published, key=newest_first)
    slogans_by_directive: dict[str, list[SloganSet]] = defaultdict(list)
    for sset in corpus.slogan_sets:
        slogans_by_directive[sset.directive_path].append(sset)
    entries = {d.path: directive_entry(d) for d in published}

    specs = [_directive_page(d, graph, entries, slogans_by_directive[d.path]) for d in published]
    specs += [_document_page(doc, graph, entries) for doc in graph.documents.values() if doc.directive is None]
    specs += _listing_pages(published, entries)
    return specs


def _directive_page(d: Directive, graph: Graph, entries: Mapping[str, Entry], slogan_sets: list[SloganSet]) -> PageSpec:
    src = directive_uri(d)
    docs = graph.documents
    implements = graph.implements(d.path)
    cites = [t for t in graph.cites(d.path) if t not in implements]
    return PageSpec(
        src_uri=src,
        title=directive_title(d),
        template="bantin/directive.html",
        markdown=linked_body(d, src, graph.by_source.get(d.path, ()), docs),
        description=f"{d.kind} {d.title}",
        context={
            "directive": d,
            "entry": entries[d.path],
            "implements": [document_entry(docs[t]) for t in implements],
            "cites": [document_entry(docs[t]) for t in cites],
            "cited_by": [entries[p] for p in graph.cited_by.get(d.path, ())],
            "related": [(entries[p], n) for p, n in graph.related.get(d.path, ())],
            "slogan_sets": slogan_sets,
            "level": LEVELS.get(d.level) if d.level else None,
        },
    )


def _document_page(doc: Document, graph: Graph, entries: Mapping[str, Entry]) -> PageSpec:
    sentences: dict[str, list[str]] = defaultdict(list)
    for path in graph.cited_by.get(doc.id, ()):
        for c in graph.by_source[path]:
            if c.target == doc.id and c.sentence not in sentences[path]:
                sentences[path].append(c.sentence)
    citing = [CitingEntry(entries[p], tuple(sentences[p])) for p in graph.cited_by.get(doc.id, ())]
    return PageSpec(
        src_uri=document_uri(doc),
        title=document_title(doc),
        template="bantin/reference.html",
        context={
            "document": doc,
            "entry": document_entry(doc),
            "citing": citing,
            "candidates": [document_entry(graph.documents[c]) for c in doc.candidates],
        },
    )


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
        issuer = slugify(issuer_label(d), 80)
        groups["issuer"][issuer].append(entries[d.path])
        labels.setdefault(issuer, issuer_label(d))

    def uri(group: str, key: str) -> str:
        prefix = {"year": "van-ban", "kind": "van-ban/loai", "issuer": "van-ban/co-quan"}[group]
        return f"{prefix}/{key}/index.md"

    facets: dict[str, list[Facet]] = {}
    specs = []
    for group, by_key in groups.items():
        keys = sorted(by_key, key=lambda k: (k == UNDATED_FOLDER, _desc(k)) if group == "year" else fold(labels[k]))
        facets[group] = [Facet(labels[k], uri(group, k), len(by_key[k])) for k in keys]
        for key in keys:
            heading = {"year": "Văn bản năm", "kind": "", "issuer": "Văn bản của"}[group]
            title = f"{heading} {labels[key]}".strip() if key != UNDATED_FOLDER else labels[key]
            specs.append(PageSpec(uri(group, key), title, "bantin/listing.html",
                                  context={"entries": by_key[key], "group": group}))
    specs.append(PageSpec("van-ban/index.md", "Kho văn bản", "bantin/archive.html",
                          context={"facets": facets, "total": len(published)}))
    return specs


def _desc(key: str) -> str:
    # Years sort newest first; string keys of equal length compare as numbers.
    return "".join(chr(0x10FFFF - ord(ch)) for ch in key)


def home_context(corpus: Corpus, specs: Iterable[PageSpec]) -> dict[str, Any]:
    """What the home page shows: the newest directives and ways to browse."""
    published = sorted(corpus.published, key=newest_first)
    archive = next(s for s in specs if s.src_uri == "van-ban/index.md")
    return {"newest": [directive_entry(d) for d in published[:HOME_NEWEST]], **archive.context}
