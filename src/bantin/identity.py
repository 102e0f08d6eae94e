"""Which mentions name one document: the rule the site's graph and
``bantin refs`` share, so both count the same documents.

Party numbers restart with each term, so a Party number alone does not name
a document: a number with a date names exactly one; a number without a date
names the only document with that number, or is ambiguous. A State number
with its year ("30/2020/NĐ-CP") names one document whatever the date.
Symbols spelled slightly differently (11-HD/BTGDĐUK, 11-HD/BTGDƯK,
11-HD/BTGDUK) with the same number, kind and date are one document.
A number without its symbol ("Kết luận 191", "Thông báo số 15-TB") names a
document only when exactly one known document has that kind, serial (and
date, if given); otherwise it stays incomplete and gets no page.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Hashable, Iterable

from .numbers import STATE, DocNumber, code_family
from .refs import Mention, find_mentions


_CLOSE_MIN = 4


def serial_family(number: DocNumber) -> tuple[int, str]:
    """Serial and kind code, with Quy định's two codes as one (``code_family``)."""
    return number.key[1], code_family(number.code)


def issuer_close(a: str, b: str) -> bool:
    """True when folded symbols differ by at most one letter (edit distance 1)."""
    if a == b:
        return True
    # Short symbols one letter apart are different bodies: TU and HU are a
    # province's and a district's committee.
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < _CLOSE_MIN:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


@dataclass(eq=False)
class Entry:
    """A document while mentions are being resolved (mutable, identity-compared)."""

    number: DocNumber  # as first registered
    date: dt.date | None
    owner: Hashable | None = None  # the collection's own record of it (a directive)
    spellings: Counter = field(default_factory=Counter)
    kind_words: dict[str, None] = field(default_factory=dict)
    candidates: tuple["Entry", ...] = ()  # set only for an ambiguous number

    @property
    def issuer(self) -> str:
        return self.number.key[4]


class Registry:
    """Documents by identity, merging spellings that differ by one letter."""

    def __init__(self) -> None:
        self.by_family: dict[tuple, list[Entry]] = defaultdict(list)
        self.by_serial: dict[tuple[int, str], list[Entry]] = defaultdict(list)  # by ``serial_family``
        self.ambiguous: dict[tuple, Entry] = {}

    def add(self, number: DocNumber, date: dt.date | None, owner: Hashable | None = None) -> Entry:
        """The document ``number`` and ``date`` name, registered if new."""
        entry = self._same(number, date, owner)
        if entry is None:
            entry = Entry(number, date, owner)
            self.by_family[number.family].append(entry)
            self.by_serial[serial_family(number)].append(entry)
        else:
            if owner is not None and entry.owner is None:
                entry.owner = owner
            if entry.date is None and date is not None:
                entry.date = date
        return entry

    def _same(self, number: DocNumber, date: dt.date | None, owner: Hashable | None) -> Entry | None:
        """The document this number names, if registered.

        A State number with its year is one document. Otherwise only a
        dated number names one: an exact symbol wins; a symbol one letter off
        is the same document spelled differently only when that is the one
        candidate, and never when both sides are the collection's own
        (05-KH/TU and 05-KH/HU of one day are two committees' plans).
        """
        family = self.by_family.get(number.family, ())
        issuer = number.key[4]
        if number.style == STATE and number.year is not None:
            return next((e for e in family if e.issuer == issuer), None)
        if date is None:
            return None
        exact = [e for e in family if e.date == date and e.issuer == issuer]
        if exact:
            return exact[0]
        close = [e for e in family if e.date == date and issuer_close(e.issuer, issuer)
                 and not (owner is not None and e.owner is not None)]
        return close[0] if len(close) == 1 else None

    def add_named(self, mentions: Iterable[Mention]) -> None:
        """Register what names one document by itself (a number with its date,
        a State number with its year), so undated mentions can find it."""
        for m in mentions:
            if m.number.complete and (m.date is not None or m.number.year is not None):
                self.add(m.number, m.date)

    def resolve(self, mention: Mention, local_date: dt.date | None) -> Entry | None:
        """The document a mention names; None for an incomplete number that
        no single known document matches."""
        number = mention.number
        date = mention.date or local_date
        if not number.complete:
            return self._by_kind_and_serial(number, date)
        if date is not None or (number.style == STATE and number.year is not None):
            return self.add(number, date)
        options = self._candidates(number)
        if len(options) == 1:
            return options[0]
        if not options:
            return self.add(number, None)
        if number.key not in self.ambiguous:
            self.ambiguous[number.key] = Entry(number, None, candidates=tuple(options))
        return self.ambiguous[number.key]

    def _candidates(self, number: DocNumber) -> list[Entry]:
        """Documents an undated mention may mean: exact symbol first."""
        family = self.by_family.get(number.family, ())
        exact = [e for e in family if e.issuer == number.key[4]]
        return exact or [e for e in family if issuer_close(e.issuer, number.key[4])]

    def _by_kind_and_serial(self, number: DocNumber, date: dt.date | None) -> Entry | None:
        matches = [e for e in self.by_serial.get(serial_family(number), ())
                   if number.key[3] and (date is None or e.date == date)]
        return matches[0] if len(matches) == 1 else None

    def entries(self) -> Iterable[Entry]:
        for family in self.by_family.values():
            yield from family
        yield from self.ambiguous.values()


def local_dates(mentions: Iterable[Mention]) -> dict[tuple, dt.date]:
    """Within one text, an undated mention means the dated one, if unique."""
    dates: dict[tuple, set[dt.date]] = defaultdict(set)
    for m in mentions:
        if m.date is not None:
            dates[m.number.key].add(m.date)
    return {key: next(iter(found)) for key, found in dates.items() if len(found) == 1}


@dataclass(frozen=True)
class CitedDocument:
    """One distinct document a text cites, with every way the text spells it."""

    number: DocNumber  # the spelling used most, first mentioned among equals
    date: dt.date | None
    kind_words: tuple[str, ...]
    spellings: tuple[str, ...]
    count: int
    first_line: int  # 1-based
    first_column: int  # 1-based

    def as_json(self) -> dict:
        return {
            "number": str(self.number),
            "kind": self.number.code,
            "issuer_symbol": self.number.issuer,
            "year": self.number.year,
            "date": self.date.isoformat() if self.date else None,
            "incomplete": not self.number.complete,
            "kind_word": self.kind_words[0] if self.kind_words else None,
            "kind_words": list(self.kind_words),
            "spellings": list(self.spellings),
            "count": self.count,
            "first": {"line": self.first_line, "column": self.first_column},
        }


def cited_documents(text: str, own: DocNumber | None = None, own_date: dt.date | None = None) -> list[CitedDocument]:
    """The distinct documents ``text`` (NFC) cites, in order of first mention,
    by the same identity the site's graph uses."""
    mentions = find_mentions(text, own, own_date)
    registry = Registry()
    registry.add_named(mentions)
    dates = local_dates(mentions)
    groups: dict[object, list[Mention]] = {}
    for m in mentions:
        entry = registry.resolve(m, dates.get(m.number.key))
        key = entry if entry is not None else (m.number.key, m.date)
        groups.setdefault(key, []).append(m)
    documents = []
    line, counted_to = 1, 0  # groups come in order of first mention
    for key, members in groups.items():
        first = members[0]
        line += text.count("\n", counted_to, first.start)
        counted_to = first.start
        spelled = Counter(str(m.number) for m in members)
        best = max(members, key=lambda m: spelled[str(m.number)])  # first among equals
        documents.append(CitedDocument(
            number=best.number,
            date=key.date if isinstance(key, Entry) else first.date,
            kind_words=tuple(dict.fromkeys(m.kind_word for m in members if m.kind_word)),
            spellings=tuple(dict.fromkeys(str(m.number) for m in members)),
            count=len(members),
            first_line=line,
            first_column=first.start - text.rfind("\n", 0, first.start),
        ))
    return documents
