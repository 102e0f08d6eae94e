"""Directive pages and the pages of the documents they cite.

A document cited by hundreds of directives lists them, with the sentences
that cite it, a hundred to a page (as the archive's listings): its first
page keeps the document's URL and its facts, the others add ``trang-<n>/``
and stay out of search, where the first page stands for the document with
every citing sentence.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Mapping

from ..derived import once
from ..links import Document, Graph
from ..records import LEVELS, Directive, SloganSet
from ..slogans import reference_date
from ..summary import Summary, summarise
from .archive import LISTING_PAGE_SIZE, Pager
from .passages import Excerpt, Passage, excerpt, passages, section_starts
from . import (
    OUT_OF_SEARCH,
    CitingEntry,
    Said,
    Entry,
    PageSpec,
    Site,
    directive_title,
    directive_uri,
    document_entry,
    document_title,
    document_uri,
    linked_body,
)


def build(site: Site) -> list[PageSpec]:
    slogans_by_directive: dict[str, list[SloganSet]] = defaultdict(list)
    for sset in site.corpus.slogan_sets:
        slogans_by_directive[sset.directive_path].append(sset)
    on = reference_date()
    graph, entries, reuse = site.graph, site.entries, site.reuse
    # Where each citation sits in its page (link or plain, anchor): computed
    # once per directive, read by its page and by the cited documents' pages.
    placed: dict[str, list[Passage]] = {}
    for d in site.published:
        mine = graph.by_source.get(d.path, ())
        placed[d.path] = reuse.get(("placed", d.path), (d, mine), lambda d=d, mine=mine: passages(
            d.body, mine, once(d, "section_starts", lambda: section_starts(d.body))))
    # Keys hold everything a spec is made from (``reuse``); listing lines stand for the documents they show.
    shown = {doc.id: document_entry(doc) for doc in graph.documents.values()}
    specs = []
    for d in site.published:
        summary = summarise(d, site.published, directive_uri(d), on)
        key = (d, graph.by_source.get(d.path), tuple(shown[t] for t in graph.cites(d.path)),
               tuple(entries[p] for p in graph.cited_by.get(d.path, ())),
               tuple((entries[p], n) for p, n in graph.related.get(d.path, ())),
               tuple(slogans_by_directive[d.path]), summary,
               entries[summary.replacing.path] if summary.replacing else None)
        specs.append(reuse.get(d.path, key, lambda d=d, summary=summary: _directive_page(
            d, site, slogans_by_directive[d.path], summary, placed[d.path], shown)))
    records = site.records
    by_target: dict[str, dict[str, list[Passage]]] = defaultdict(lambda: defaultdict(list))
    for path, mine in placed.items():
        for p in mine:
            by_target[p.citation.target][path].append(p)
    for doc in graph.documents.values():
        if doc.directive is None:
            citers = graph.cited_by.get(doc.id, ())
            key = (doc, citers, tuple((records[p], graph.by_source[p]) for p in citers),
                   tuple(shown[c] for c in doc.candidates))
            specs += reuse.get(doc.id, key, lambda doc=doc: _document_pages(doc, graph, entries, by_target[doc.id], records))
    return specs


def _directive_page(d: Directive, site: Site, slogan_sets: list[SloganSet], summary: Summary,
                    placed: list[Passage], shown: Mapping[str, Entry]) -> PageSpec:
    graph, entries = site.graph, site.entries
    src = directive_uri(d)
    docs = graph.documents
    implements = graph.implements(d.path)
    basis = [t for t in graph.basis(d.path) if t not in implements]
    cites = [t for t in graph.cites(d.path) if t not in implements and t not in basis]
    return PageSpec(
        src_uri=src,
        title=directive_title(d),
        template="bantin/directive.html",
        markdown=linked_body(d, src, placed, docs),
        description=f"{d.kind} {d.title}",
        context={
            "directive": d,
            "entry": entries[d.path],
            "implements": [shown[t] for t in implements],
            "basis": [shown[t] for t in basis],
            "cites": [shown[t] for t in cites],
            "cited_by": [entries[p] for p in graph.cited_by.get(d.path, ())],
            "related": [(entries[p], n) for p, n in graph.related.get(d.path, ())],
            "slogan_sets": slogan_sets,
            "level": LEVELS.get(d.level) if d.level else None,
            "summary": summary,
            "replacing": entries[summary.replacing.path] if summary.replacing else None,
        },
    )


def _said(doc: Document, entries: Mapping[str, Entry]) -> dict[str, list[Said]]:
    """Each distinct issuer and subject the citing texts give, with the
    directives that give it: shown side by side where they disagree."""
    said: dict[str, dict[str, list[Entry]]] = {"issuer": {}, "subject": {}}
    for claim in doc.claims:
        for field_name in said:
            value = getattr(claim, field_name)
            if value:
                sources = said[field_name].setdefault(value, [])
                if entries[claim.source] not in sources:
                    sources.append(entries[claim.source])
    return {name: [Said(value, tuple(src)) for value, src in values.items()] for name, values in said.items()}


def _document_pages(doc: Document, graph: Graph, entries: Mapping[str, Entry],
                    placed: Mapping[str, list[Passage]], records: Mapping[str, Directive]) -> list[PageSpec]:
    citing = []
    for path in graph.cited_by.get(doc.id, ()):
        seen: dict[str, Excerpt] = {}  # one excerpt per sentence: two mentions in one do not repeat it
        for p in placed.get(path, ()):
            seen.setdefault(p.citation.sentence, excerpt(records[path].body, p))
        citing.append(CitingEntry(entries[path], tuple(seen.values())))
    said = _said(doc, entries)
    first_uri, title = document_uri(doc), document_title(doc)
    chunks = [citing[i:i + LISTING_PAGE_SIZE] for i in range(0, len(citing), LISTING_PAGE_SIZE)] or [[]]
    folder = first_uri.removesuffix(".md")
    uris = tuple([first_uri] + [f"{folder}/trang-{n}.md" for n in range(2, len(chunks) + 1)])
    context = {
        "document": doc,
        "entry": document_entry(doc),
        "citing": citing,  # all of them: search reads the first page for every citing sentence
        "candidates": [document_entry(graph.documents[c]) for c in doc.candidates],
        "issuers": said["issuer"],
        "subjects": said["subject"],
    }
    return [
        PageSpec(
            src_uri=uris[n - 1],
            title=title if n == 1 else f"{title} (trang {n})",
            template="bantin/reference.html",
            markdown="" if n == 1 else OUT_OF_SEARCH,
            context={**context, "shown": chunk, "pager": Pager(n, uris, len(citing))},
        )
        for n, chunk in enumerate(chunks, 1)
    ]
