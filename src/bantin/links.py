"""The citation graph: which document each mention names, and who cites whom.

Party document numbers restart with each term, so a number alone does not
name a document: a number with a date names exactly one; a number without a
date names the only document with that number, or is ambiguous. Symbols
spelled slightly differently (11-HD/BTGDĐUK, 11-HD/BTGDƯK, 11-HD/BTGDUK)
with the same number, kind and date are one document, and the editor is told.

Everything here is linear in the size of the collection: one pass of
``refs.find_mentions`` per directive and dictionary look-ups after that.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from . import refs
from .corpus import ReferenceInfo
from .formatting import short_date
from .problems import INFO, WARNING, Problem
from .records import Directive

# A document cited by more directives than this says little about how they
# relate (every directive of a campaign cites its resolution), and pairing
# all its citers would make "related" quadratic.
RELATED_HUB_LIMIT = 50
RELATED_COUNT = 5


@dataclass(frozen=True)
class Document:
    """A document the collection knows: a directive, or one the directives cite."""

    id: str  # a directive's content path, or "dan-chieu/<slug>" for a cited one
    number: refs.DocNumber | None
    date: dt.date | None
    directive: Directive | None = None
    kind_words: tuple[str, ...] = ()
    spellings: tuple[str, ...] = ()
    info: ReferenceInfo | None = None
    candidates: tuple[str, ...] = ()  # for an ambiguous number: the documents it may mean

    @property
    def is_ambiguous(self) -> bool:
        return bool(self.candidates)


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

    def cites(self, path: str) -> tuple[str, ...]:
        """Distinct documents a directive cites, in order of first mention."""
        return tuple(dict.fromkeys(c.target for c in self.by_source.get(path, ())))

    def implements(self, path: str) -> tuple[str, ...]:
        """Documents named in the directive's opening "Thực hiện/Căn cứ" clauses."""
        return tuple(dict.fromkeys(c.target for c in self.by_source.get(path, ()) if c.mention.implements))


def _issuer_close(a: str, b: str) -> bool:
    """True when folded symbols differ by at most one letter (edit distance 1)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _problem(d: Directive, line: int, message: str, level: str) -> Problem:
    return Problem(f"content/{d.path}", line, None, message, level)


def _first_by_target(mine: tuple[Citation, ...]) -> dict[str, Citation]:
    """Each cited document's first citation, in order of first mention."""
    first: dict[str, Citation] = {}
    for c in mine:
        first.setdefault(c.target, c)
    return first


def _family(number: refs.DocNumber) -> tuple[int, str]:
    serial, code, _ = number.key
    return serial, code


@dataclass(eq=False)
class _Entry:
    """A document while the graph is being built (mutable, identity-compared)."""

    issuer: str  # folded issuer symbol
    date: dt.date | None
    directive: Directive | None = None
    spellings: Counter = field(default_factory=Counter)
    kind_words: dict[str, None] = field(default_factory=dict)
    candidates: tuple["_Entry", ...] = ()  # set only for an ambiguous number


class _Registry:
    """Documents by identity, merging spellings that differ by one letter."""

    def __init__(self) -> None:
        self.by_family: dict[tuple[int, str], list[_Entry]] = defaultdict(list)
        self.ambiguous: dict[tuple, _Entry] = {}

    def add(self, number: refs.DocNumber, date: dt.date | None, directive: Directive | None = None) -> _Entry:
        entry = self._same(number, date, directive) if date is not None else None
        if entry is None:
            entry = _Entry(number.key[2], date, directive)
            self.by_family[_family(number)].append(entry)
        elif directive is not None and entry.directive is None:
            entry.directive = directive
        return entry

    def _same(self, number: refs.DocNumber, date: dt.date, directive: Directive | None) -> _Entry | None:
        """The dated document this number names, if any.

        An exact symbol wins. A symbol one letter off is the same document
        spelled differently only when that is the one candidate, and never
        when both sides are directives of the collection (05-KH/TU and
        05-KH/HU of one day are two committees' plans).
        """
        family = self.by_family[_family(number)]
        issuer = number.key[2]
        exact = [e for e in family if e.date == date and e.issuer == issuer]
        if exact:
            return exact[0]
        close = [e for e in family if e.date == date and _issuer_close(e.issuer, issuer)
                 and not (directive is not None and e.directive is not None)]
        return close[0] if len(close) == 1 else None

    def candidates(self, number: refs.DocNumber) -> list[_Entry]:
        """Documents an undated mention may mean: exact symbol first."""
        family = self.by_family[_family(number)]
        exact = [e for e in family if e.issuer == number.key[2]]
        return exact or [e for e in family if _issuer_close(e.issuer, number.key[2])]

    def ambiguity(self, number: refs.DocNumber, options: list[_Entry]) -> _Entry:
        """One shared entry per ambiguous number; its page lists the candidates."""
        if number.key not in self.ambiguous:
            self.ambiguous[number.key] = _Entry(number.key[2], None, candidates=tuple(options))
        return self.ambiguous[number.key]

    def entries(self) -> Iterable[_Entry]:
        for family in self.by_family.values():
            yield from family
        yield from self.ambiguous.values()


def build_graph(directives: Iterable[Directive], references: Iterable[ReferenceInfo] = ()) -> Graph:
    """Resolve every mention in the published ``directives``."""
    directives = tuple(d for d in directives if not d.draft)
    registry = _Registry()
    own: dict[str, refs.DocNumber | None] = {}
    for d in directives:
        own[d.path] = refs.parse_number(d.number) if d.number else None
        if own[d.path]:
            registry.add(own[d.path], d.date, d)

    mentions = {d.path: refs.find_mentions(d.body, own=own[d.path]) for d in directives}
    # Dated mentions define documents first, so undated ones can find them.
    for found in mentions.values():
        for m in found:
            if m.date is not None:
                registry.add(m.number, m.date)

    problems: list[Problem] = []
    resolved: dict[str, list[tuple[refs.Mention, _Entry]]] = {}
    for d in directives:
        local_dates = _local_dates(mentions[d.path])
        pairs = []
        for m in mentions[d.path]:
            entry = _resolve(registry, m, local_dates.get(m.number.key))
            if entry.candidates:
                problems.append(_problem(
                    d, d.line_of(m.start),
                    f"số hiệu {m.number} không ghi ngày và có {len(entry.candidates)} văn bản cùng số hiệu: "
                    "ghi thêm ngày ban hành để chỉ rõ văn bản nào", WARNING))
            if entry.directive is d:
                problems.append(_problem(d, d.line_of(m.start),
                                         f"văn bản tự dẫn chiếu chính nó ({m.number}): không tạo liên kết", INFO))
                continue
            entry.spellings[str(m.number)] += 1
            if m.kind_word:
                entry.kind_words.setdefault(m.kind_word, None)
            pairs.append((m, entry))
        resolved[d.path] = pairs

    ids = _assign_ids(registry)
    docs = _documents(ids, references)
    citations: list[Citation] = []
    by_source: dict[str, tuple[Citation, ...]] = {}
    for d in directives:
        pairs = resolved[d.path]
        lines = d.lines_of(m.start for m, _ in pairs)  # mentions come in text order
        mine = tuple(
            Citation(d.path, ids[entry], m, line, refs.sentence_around(d.body, m.start, m.end))
            for (m, entry), line in zip(pairs, lines)
        )
        by_source[d.path] = mine
        citations.extend(mine)
        first = _first_by_target(mine)
        problems += _spelling_notes(d, mine, docs)
        problems += _date_order(d, first, docs)
        problems += _unresolved_notes(d, first, docs)

    cited_by = _cited_by(directives, by_source)
    return Graph(
        documents=docs,
        citations=tuple(citations),
        by_source=by_source,
        cited_by=cited_by,
        related=_related(directives, by_source, cited_by),
        problems=tuple(problems),
    )


def _resolve(registry: _Registry, m: refs.Mention, local_date: dt.date | None) -> _Entry:
    date = m.date or local_date
    if date is not None:
        return registry.add(m.number, date)
    options = registry.candidates(m.number)
    if len(options) == 1:
        return options[0]
    if not options:
        return registry.add(m.number, None)
    return registry.ambiguity(m.number, options)


def _local_dates(mentions: list[refs.Mention]) -> dict[tuple, dt.date]:
    """Within one text, an undated mention means the dated one, if unique."""
    dates: dict[tuple, set[dt.date]] = defaultdict(set)
    for m in mentions:
        if m.date is not None:
            dates[m.number.key].add(m.date)
    return {key: next(iter(found)) for key, found in dates.items() if len(found) == 1}


def _assign_ids(registry: _Registry) -> dict[_Entry, str]:
    """Directives keep their path; cited documents get ``dan-chieu/<slug>``.

    The slug is the number's, plus the year when the date is known (numbers
    restart each term, number and year do not repeat), plus the full date in
    the rare case two documents still collide.
    """
    ids: dict[_Entry, str] = {}
    taken: set[str] = set()
    for entry in registry.entries():
        if entry.directive is not None:
            ids[entry] = entry.directive.path
            continue
        if not entry.spellings:
            continue  # known only from mentions that were dropped (self-citations)
        slug = refs.parse_number(entry.spellings.most_common(1)[0][0]).slug
        if entry.candidates:
            slug += "-nhieu-van-ban"
        elif entry.date is not None:
            slug += f"-{entry.date.year}"
            if slug in taken:
                slug += f"-{entry.date:%m-%d}"
        taken.add(slug)
        ids[entry] = f"dan-chieu/{slug}"
    return ids


def _documents(ids: Mapping[_Entry, str], references: Iterable[ReferenceInfo]) -> dict[str, Document]:
    infos: dict[tuple, ReferenceInfo] = {}
    for info in references:
        number = refs.parse_number(info.number)
        if number:
            infos[(number.key, info.date)] = info
            infos.setdefault((number.key, None), info)
    docs: dict[str, Document] = {}
    for entry, doc_id in ids.items():
        spellings = tuple(s for s, _ in entry.spellings.most_common())
        d = entry.directive
        number = refs.parse_number(d.number) if d and d.number else (refs.parse_number(spellings[0]) if spellings else None)
        info = infos.get((number.key, entry.date)) if number and d is None else None
        docs[doc_id] = Document(
            id=doc_id,
            number=number,
            date=d.date if d else entry.date,
            directive=d,
            kind_words=tuple(entry.kind_words),
            spellings=spellings,
            info=info,
            candidates=tuple(ids[c] for c in entry.candidates if c in ids),
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
    """Directives that cite the same documents, most shared first."""
    rank = {d.path: d.newest_first for d in directives}
    related = {}
    for d in directives:
        shared: Counter = Counter()
        for target in dict.fromkeys(c.target for c in by_source[d.path]):
            citers = cited_by.get(target, ())
            if len(citers) <= RELATED_HUB_LIMIT:
                shared.update(p for p in citers if p != d.path)
        best = sorted(shared.items(), key=lambda item: (-item[1], rank[item[0]]))[:RELATED_COUNT]
        related[d.path] = tuple(best)
    return related
