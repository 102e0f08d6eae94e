"""The citation graph after an edit, without building it all again.

Most edits in a preview change the words of one directive, not which
documents it cites: every number, date and relation stays as it was. Then
``links.signature`` is unchanged, so every mention names the same document
as before, documents keep their ids, "cited by" and "related" keep their
order. What the edited texts alone decide is redone (their citations'
lines and sentences, what they say of each cited document's issuer and
subject, their notes); everything else is the previous graph's own objects,
which lets the page specs built from them be reused too (``pages.reuse``).

Anything else (a number, a date, a file added or removed) builds the graph
from scratch: the result is the same either way, only slower.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from .corpus import ReferenceInfo
from .links import (
    Claim, Graph, Parts, _described, _resolve_all, all_notes, build_graph, check_notes_of, citations_of, mentions_of,
    signature,
)
from .records import Directive


def graph(directives: Iterable[Directive], references: Iterable[ReferenceInfo] = (),
          previous: Graph | None = None) -> Graph:
    """``links.build_graph``, from ``previous`` when the edit allows it."""
    directives = tuple(d for d in directives if not d.draft)
    references = tuple(references)
    parts = previous.parts if previous is not None else None
    if previous is None or parts is None or parts.signature != signature(directives, references):
        return build_graph(directives, references)
    changed = [d for d in directives if parts.records.get(d.path) is not d]
    return _update(previous, parts, directives, changed) if changed else previous


def _update(previous: Graph, parts: Parts, directives: tuple[Directive, ...], changed: list[Directive]) -> Graph:
    by_source = dict(previous.by_source)
    resolve_notes = dict(parts.resolve_notes)
    touched: dict[str, None] = {}  # documents whose claims an edited text may have changed
    for d in changed:
        pairs, resolve_notes[d.path] = _resolve_all(d, parts.registry, mentions_of(d), count=False)
        touched.update(dict.fromkeys(c.target for c in previous.by_source[d.path]))
        by_source[d.path] = citations_of(d, pairs, parts.ids)
    docs = dict(previous.documents)
    for d in changed:
        if d.path in docs:
            docs[d.path] = replace(docs[d.path], directive=d)
    order = {d.path: n for n, d in enumerate(directives)}
    records = {d.path: d for d in directives}
    for target in touched:
        claims = _claims(target, previous.cited_by.get(target, ()), by_source, order, records)
        if claims != docs[target].claims:
            docs[target] = replace(docs[target], claims=claims)
    check_notes = dict(parts.check_notes)
    for d in changed:
        check_notes[d.path] = check_notes_of(d, by_source[d.path], docs)
    new_parts = replace(parts, records=records, resolve_notes=resolve_notes, check_notes=check_notes)
    return replace(
        previous,
        documents=docs,
        citations=tuple(c for d in directives for c in by_source[d.path]),
        by_source=by_source,
        problems=all_notes(new_parts),
        parts=new_parts,
    )


def _claims(target: str, citers: tuple[str, ...], by_source: dict, order: dict[str, int],
            records: dict[str, Directive]) -> tuple[Claim, ...]:
    """What the texts citing ``target`` say of it, in the order a full build collects it."""
    out = []
    for path in sorted(citers, key=order.__getitem__):
        d = records[path]
        for c in by_source[path]:
            if c.target == target and (said := _described(d, c.mention)) is not None:
                out.append(Claim(said.issuer, said.subject, path, c.line))
    return tuple(out)
