"""The citation graph: which document each mention names, and who cites whom.

Identity is ``identity.Registry``'s (the same rule ``bantin refs`` uses).
Besides "cites" and "cited by", the graph holds what each directive
implements ("Thực hiện …") and its legal basis ("Căn cứ …"), what citing
texts say of a cited document's issuer and subject, and related directives,
ranked by the citations they share, rare ones counting most.

Everything here is linear in the size of the collection: one pass of
``refs.find_mentions`` per directive and dictionary look-ups after that.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Mapping

from . import paths, refs
from .corpus import ReferenceInfo
from .derived import once
from .describe import Description, describe
from .identity import Entry, Registry, local_dates
from .numbers import DocNumber, parse_number
from .formatting import short_date
from .problems import INFO, WARNING, Problem
from .records import Directive
from .sentences import sentence_around

# A document cited by more directives than this says little about how they
# relate (every directive of a campaign cites its resolution), and pairing
# all its citers would make "related" quadratic.
RELATED_HUB_LIMIT = 50
RELATED_HUB_SHARE = 0.5  # nor one that more than half of the directives cite
RELATED_COUNT = 5


@dataclass(frozen=True)
class Document:
    """A document the collection knows: a directive, or one the directives cite."""

    id: str  # a directive's content path, or "dan-chieu/<slug>" (paths.CITED) for a cited one
    number: DocNumber | None
    date: dt.date | None
    directive: Directive | None = None
    kind_words: tuple[str, ...] = ()
    spellings: tuple[str, ...] = ()
    info: ReferenceInfo | None = None
    candidates: tuple[str, ...] = ()  # for an ambiguous number: the documents it may mean
    claims: tuple["Claim", ...] = ()  # what citing texts say of its issuer and subject

    @property
    def is_ambiguous(self) -> bool:
        return bool(self.candidates)

    @cached_property  # a document cited by thousands is asked on each of their pages
    def issuers(self) -> tuple[str, ...]:
        """Distinct issuers the citing texts give, in order of first saying."""
        return tuple(dict.fromkeys(c.issuer for c in self.claims if c.issuer))

    @cached_property
    def subjects(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.subject for c in self.claims if c.subject))


@dataclass(frozen=True)
class Claim:
    """The issuer and subject one citing directive gives a document, and where."""

    issuer: str | None
    subject: str | None
    source: str  # citing directive's path
    line: int


@dataclass(frozen=True)
class Citation:
    """One mention in one directive, resolved to a document."""

    source: str  # citing directive's path
    target: str  # Document.id
    mention: refs.Mention
    line: int
    sentence: str


@dataclass(frozen=True)
class Graph:
    documents: Mapping[str, Document]
    citations: tuple[Citation, ...]
    by_source: Mapping[str, tuple[Citation, ...]]
    cited_by: Mapping[str, tuple[str, ...]]  # document id -> citing paths, newest first
    related: Mapping[str, tuple[tuple[str, int], ...]]  # path -> (other path, shared count)
    problems: tuple[Problem, ...] = field(default=())
    # What ``relink`` needs to redo one directive without the others (a preview's edit):
    parts: "Parts | None" = field(default=None, compare=False, repr=False)

    def cites(self, path: str) -> tuple[str, ...]:
        """Distinct documents a directive cites, in order of first mention."""
        return tuple(dict.fromkeys(c.target for c in self.by_source.get(path, ())))

    def implements(self, path: str) -> tuple[str, ...]:
        """Documents the opening "Thực hiện …/Triển khai …" clauses name as their object."""
        return self._related_by(path, refs.IMPLEMENTS)

    def basis(self, path: str) -> tuple[str, ...]:
        """Documents the opening "Căn cứ …" clauses name: the legal basis."""
        return self._related_by(path, refs.BASIS)

    def _related_by(self, path: str, relation: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.target for c in self.by_source.get(path, ()) if c.mention.relation == relation))


@dataclass(frozen=True)
class Parts:
    """The graph's working state, kept so an edit that leaves every number
    and date as it was can redo the edited directives alone (``relink``)."""

    signature: tuple  # ``signature`` of the directives and references it was built from
    records: Mapping[str, Directive]  # the directives, by path
    registry: Registry
    ids: Mapping[Entry, str]
    resolve_notes: Mapping[str, tuple[Problem, ...]]  # by directive path
    check_notes: Mapping[str, tuple[Problem, ...]]


def signature(directives: tuple[Directive, ...], references: tuple[ReferenceInfo, ...]) -> tuple:
    """Everything of the directives that decides which document each mention
    names, what ids documents get and how they are ordered: equal signatures,
    equal graphs but for the sentences, lines and claims of edited texts."""
    return tuple(once(d, "graph_signature", lambda d=d: (
        d.path, d.number, d.doc_number, d.date, d.newest_first,
        tuple((str(m.number), m.number, m.kind_word, m.date, m.relation) for m in mentions_of(d)),
    )) for d in directives) + (references,)


def _problem(d: Directive, line: int, message: str, level: str) -> Problem:
    return Problem(f"content/{d.path}", line, None, message, level)


def _first_by_target(mine: tuple[Citation, ...]) -> dict[str, Citation]:
    """Each cited document's first citation, in order of first mention."""
    first: dict[str, Citation] = {}
    for c in mine:
        first.setdefault(c.target, c)
    return first


def mentions_of(d: Directive) -> tuple[refs.Mention, ...]:
    """The mentions of other documents in ``d``'s text (found once per record)."""
    return once(d, "mentions", lambda: tuple(refs.find_mentions(d.body, own=d.doc_number, own_date=d.date)))


def build_graph(directives: Iterable[Directive], references: Iterable[ReferenceInfo] = ()) -> Graph:
    """Resolve every mention in the published ``directives``."""
    directives = tuple(d for d in directives if not d.draft)
    registry = Registry()
    own: dict[str, DocNumber | None] = {}
    for d in directives:
        own[d.path] = d.doc_number
        if own[d.path]:
            registry.add(own[d.path], d.date, d)

    mentions = {d.path: mentions_of(d) for d in directives}
    # Dated mentions define documents first, so undated ones can find them.
    for found in mentions.values():
        registry.add_named(found)

    resolve_notes: dict[str, tuple[Problem, ...]] = {}
    resolved: dict[str, list[tuple[refs.Mention, Entry]]] = {}
    for d in directives:
        resolved[d.path], resolve_notes[d.path] = _resolve_all(d, registry, mentions[d.path])

    ids = _assign_ids(registry)
    citations: list[Citation] = []
    by_source: dict[str, tuple[Citation, ...]] = {}
    claims: dict[str, list[Claim]] = defaultdict(list)
    for d in directives:
        by_source[d.path] = mine = citations_of(d, resolved[d.path], ids)
        citations.extend(mine)
        _collect_claims(d, mine, claims)
    docs = _documents(ids, references, claims)
    check_notes = {d.path: check_notes_of(d, by_source[d.path], docs) for d in directives}

    cited_by = _cited_by(directives, by_source)
    parts = Parts(signature(directives, tuple(references)), {d.path: d for d in directives}, registry, ids,
                  resolve_notes, check_notes)
    return Graph(
        documents=docs,
        citations=tuple(citations),
        by_source=by_source,
        cited_by=cited_by,
        related=_related(directives, by_source, cited_by),
        problems=all_notes(parts),
        parts=parts,
    )


def all_notes(parts: Parts) -> tuple[Problem, ...]:
    """The notes of every directive: those of resolving first, as they are found."""
    return tuple(p for notes in (parts.resolve_notes, parts.check_notes) for mine in notes.values() for p in mine)


def citations_of(d: Directive, pairs: list[tuple[refs.Mention, Entry]], ids: Mapping[Entry, str]) -> tuple[Citation, ...]:
    """``d``'s resolved mentions as citations, with their lines and sentences."""
    lines = d.lines_of(m.start for m, _ in pairs)  # mentions come in text order
    return tuple(Citation(d.path, ids[entry], m, line, _sentence(d, m)) for (m, entry), line in zip(pairs, lines))


def check_notes_of(d: Directive, mine: tuple[Citation, ...], docs: Mapping[str, Document]) -> tuple[Problem, ...]:
    """What the editor should check in ``d``'s citations once all documents are known."""
    first = _first_by_target(mine)
    return (*_spelling_notes(d, mine, docs), *_date_order(d, first, docs), *_unresolved_notes(d, first, docs))


def _resolve_all(d: Directive, registry: Registry, found: tuple[refs.Mention, ...],
                 count: bool = True) -> tuple[list, tuple[Problem, ...]]:
    """Each mention of ``d`` with the document it names, and notes for the
    editor; ``count``: add the spellings and kind words to the documents
    (not when ``relink`` resolves an edited text again)."""
    dates = local_dates(found)
    pairs, notes = [], []
    for m in found:
        entry = registry.resolve(m, dates.get(m.number.key))
        if entry is None:
            notes.append(_problem(d, d.line_of(m.start), f"dẫn chiếu “{d.body[m.start:m.end]}” chưa đủ số hiệu "
                                  "(thiếu ký hiệu) và không khớp đúng một văn bản: không tạo liên kết", INFO))
            continue
        if entry.candidates:
            notes.append(_problem(
                d, d.line_of(m.start),
                f"số hiệu {m.number} không ghi ngày và có {len(entry.candidates)} văn bản cùng số hiệu: "
                "ghi thêm ngày ban hành để chỉ rõ văn bản nào", WARNING))
        if entry.owner is not None and entry.owner.path == d.path:  # relink's registry has the old record
            notes.append(_problem(d, d.line_of(m.start),
                                  f"văn bản tự dẫn chiếu chính nó ({m.number}): không tạo liên kết", INFO))
            continue
        if count and m.number.complete:
            entry.spellings[str(m.number)] += 1
        if count and m.kind_word:
            entry.kind_words.setdefault(m.kind_word, None)
        pairs.append((m, entry))
    return pairs, tuple(notes)


def _described(d: Directive, m: refs.Mention) -> Description | None:
    """``describe`` of one mention of ``d``: its text alone decides, so it is kept on the record."""
    seen: dict[tuple[int, int, int], Description | None] = once(d, "descriptions", dict)
    key = (m.start, m.end, m.after)
    if key not in seen:
        seen[key] = describe(d.body, m)
    return seen[key]


def _sentence(d: Directive, m: refs.Mention) -> str:
    """The sentence around a mention of ``d``, kept on the record as ``_described``."""
    seen: dict[tuple[int, int], str] = once(d, "sentences", dict)
    key = (m.start, m.end)
    if key not in seen:
        seen[key] = sentence_around(d.body, m.start, m.end)
    return seen[key]


def _collect_claims(d: Directive, mine: tuple[Citation, ...], claims: dict[str, list[Claim]]) -> None:
    """What ``d`` says of the issuer and subject of each document it cites."""
    for c in mine:
        said = _described(d, c.mention)
        if said is not None:
            claims[c.target].append(Claim(said.issuer, said.subject, d.path, c.line))


def _assign_ids(registry: Registry) -> dict[Entry, str]:
    """Directives keep their path; cited documents get ``dan-chieu/<slug>``.

    The slug is the number's, plus the year when the date is known and the
    number has none (Party numbers restart each term; number and year do
    not repeat), plus the full date in the rare case two still collide.
    """
    ids: dict[Entry, str] = {}
    taken: set[str] = set()
    for entry in registry.entries():
        if entry.owner is not None:
            ids[entry] = entry.owner.path
            continue
        if not entry.spellings:
            continue  # known only from mentions that were dropped (self-citations)
        number = parse_number(entry.spellings.most_common(1)[0][0])
        slug = number.slug
        if entry.candidates:
            slug += "-nhieu-van-ban"
        elif entry.date is not None and number.year is None:
            slug += f"-{entry.date.year}"
            if slug in taken:
                slug += f"-{entry.date:%m-%d}"
        taken.add(slug)
        ids[entry] = f"{paths.CITED}/{slug}"
    return ids


def _documents(ids: Mapping[Entry, str], references: Iterable[ReferenceInfo],
               claims: Mapping[str, list[Claim]]) -> dict[str, Document]:
    infos: dict[tuple, ReferenceInfo] = {}
    for info in references:
        number = parse_number(info.number)
        if number:
            infos[(number.key, info.date)] = info
            infos.setdefault((number.key, None), info)
    docs: dict[str, Document] = {}
    for entry, doc_id in ids.items():
        spellings = tuple(s for s, _ in entry.spellings.most_common())
        d = entry.owner
        number = d.doc_number if d else (parse_number(spellings[0]) if spellings else None)
        info = None
        if number and d is None:
            info = infos.get((number.key, entry.date))
            if info is None and number.year is not None:  # its year names it: any date will do
                info = infos.get((number.key, None))
        docs[doc_id] = Document(
            id=doc_id,
            number=number,
            date=d.date if d else entry.date,
            directive=d,
            kind_words=tuple(entry.kind_words),
            spellings=spellings,
            info=info,
            candidates=tuple(ids[c] for c in entry.candidates if c in ids),
            claims=tuple(claims.get(doc_id, ())),
        )
    return docs


def _spelling_notes(d: Directive, mine: tuple[Citation, ...], docs: Mapping[str, Document]) -> list[Problem]:
    """Tell the editor where one document's number is spelled several ways."""
    seen: dict[str, dict[str, int]] = defaultdict(dict)
    for c in mine:
        seen[c.target].setdefault(str(c.mention.number), c.line)
    notes = []
    for target, spellings in seen.items():
        canonical = docs[target].directive.number if docs[target].directive else None
        if len(spellings) > 1 or (canonical and set(spellings) != {canonical}):
            listed = ", ".join(f"{s} (dòng {line})" for s, line in spellings.items())
            first_line = min(spellings.values())
            notes.append(_problem(d, first_line, f"cùng một văn bản được ghi số hiệu khác nhau: {listed}", INFO))
    return notes


def _unresolved_notes(d: Directive, first: Mapping[str, Citation], docs: Mapping[str, Document]) -> list[Problem]:
    """Cited documents the bulletin does not hold: linked to their own page."""
    return [
        _problem(d, c.line, f"dẫn chiếu {docs[t].number} chưa có trong bản tin: liên kết tới trang /{t}/", INFO)
        for t, c in first.items()
        if docs[t].directive is None and not docs[t].is_ambiguous
    ]


def _date_order(d: Directive, first: Mapping[str, Citation], docs: Mapping[str, Document]) -> list[Problem]:
    """A directive cannot cite a document issued after it: a typo somewhere."""
    if d.date is None:
        return []
    return [
        _problem(d, c.line, f"dẫn chiếu {docs[t].number} ngày {short_date(docs[t].date)}, sau ngày ban hành của chính "
                 f"văn bản ({short_date(d.date)}): kiểm tra lại số hiệu hoặc ngày", WARNING)
        for t, c in first.items()
        if docs[t].date and docs[t].date > d.date
    ]


def _cited_by(directives: tuple[Directive, ...], by_source: Mapping[str, tuple[Citation, ...]]) -> dict[str, tuple[str, ...]]:
    citers: dict[str, list[Directive]] = defaultdict(list)
    for d in directives:
        for target in dict.fromkeys(c.target for c in by_source[d.path]):
            citers[target].append(d)
    return {target: tuple(d.path for d in sorted(ds, key=lambda d: d.newest_first)) for target, ds in citers.items()}


def _related(
    directives: tuple[Directive, ...],
    by_source: Mapping[str, tuple[Citation, ...]],
    cited_by: Mapping[str, tuple[str, ...]],
) -> dict[str, tuple[tuple[str, int], ...]]:
    """Directives that cite the same documents, ranked by what they share and
    how rare it is: each shared document weighs log(N / its citers), so a
    document that most directives cite relates none of them, and one that
    two cite relates those two strongly."""
    rank = {d.path: d.newest_first for d in directives}
    total = len(directives)
    limit = min(RELATED_HUB_LIMIT, max(2, int(total * RELATED_HUB_SHARE)))
    related = {}
    for d in directives:
        weight: Counter = Counter()
        shared: Counter = Counter()
        for target in dict.fromkeys(c.target for c in by_source[d.path]):
            citers = cited_by.get(target, ())
            if len(citers) <= limit:
                others = [p for p in citers if p != d.path]
                shared.update(others)
                rarity = math.log(total / len(citers))
                for p in others:
                    weight[p] += rarity
        best = sorted(shared, key=lambda p: (-weight[p], -shared[p], rank[p]))[:RELATED_COUNT]
        related[d.path] = tuple((p, shared[p]) for p in best)
    return related
