"""The timeline: directives by date of issue, the dated documents they cite,
and the deadlines their texts set.

A deadline is a date a directive tells someone to act by: "hoàn thành trước
ngày 31/12/2024", "chậm nhất ngày 20/12/2024", "thời hạn: 15/01/2025". Most
dates in a directive are not deadlines (a cited document's date of issue, the
day a conference met), so a date counts only when a deadline phrase stands
right before it: precision over recall, since a wrong deadline on the timeline
misleads a cell more than a missing one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from .sentences import sentence_around
from .derived import once
from .links import Document, Graph
from .records import KINDS, Directive
from .text import finditer_near, fold

# Spacing inside a paragraph: a hard-wrapped line may break anywhere, a blank
# line ends the paragraph. Possessive, so runs of spaces cannot backtrack.
_HS = r"[^\S\n]"
_SP = rf"{_HS}*+\n?{_HS}*+"
_WS = rf"(?=\s){_SP}"
_MARKS = r"[*_]{0,3}"  # Markdown emphasis: "trước ngày **31/12/2024**"
_TIME = rf"\d{{1,2}}{_HS}*(?:giờ|h|g)(?:{_HS}*\d{{2}}(?:{_HS}*phút)?)?,?"  # "17 giờ 00," "16h30"

_DATE = rf"""
    (?:
        (?P<d>\d{{1,2}})(?P<sep>[/.\-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})
      | (?P<nd>\d{{1,2}})/(?P<nm>\d{{1,2}})(?![/.\-]?\d)                       # 20/12: year from the directive
      | (?P<ld>\d{{1,2}}){_WS}tháng{_WS}(?P<lm>\d{{1,2}})(?:{_WS}năm{_WS}(?P<ly>\d{{4}}))?
    )
    (?!\d)
"""
# What may stand between a trigger and its date: "là", "vào", a time of day,
# "ngày", emphasis. Anything else ("trước Hội nghị ngày 25/11") is no deadline.
_LEAD = rf"(?:{_WS}(?:là|vào|trong|đến{_WS}hết|đến|trước))?(?:{_WS}{_TIME})?(?:{_WS}{_MARKS}(?P<day_word>ngày))?{_MARKS}{_WS}{_MARKS}"
_TRIGGER = rf"""
    (?<!\w)(?P<trigger>
        (?:chậm|muộn){_WS}nhất
      | không{_WS}(?:chậm|muộn){_WS}hơn
      | thời{_WS}hạn(?:{_WS}hoàn{_WS}thành)?{_HS}*:?
      | hạn{_WS}(?:chót|cuối|nộp|gửi){_HS}*:?
      | trước
    )
"""
_DEADLINE = re.compile(rf"{_TRIGGER}{_LEAD}{_DATE}", re.VERBOSE | re.IGNORECASE)
# Every deadline ends in a date, and dates are rare: ``find_deadlines`` looks
# for deadlines only before them. A date starts a run of digits, at most 12 runs
# of white space after the start of its deadline (4 in the trigger, 8 in the
# lead: its word, a time of day and "ngày"). The time's digits start no date.
_DATE_ALONE = re.compile(_DATE, re.VERBOSE | re.IGNORECASE)
_DATE_START = re.compile(r"\d\d?(?=[/.\-]\d|\s)")  # cheap to find; _DATE_ALONE decides
_GAPS_BEFORE_DATE = 12

# "ban hành trước ngày …", "đã hoàn thành trước …", "có hiệu lực trước …":
# a condition or a past event, not an order (compared accent-free).
_NOT_AN_ORDER_BEFORE = re.compile(r"(?<!\w)(?:ban hanh|hieu luc|ky|da(?: \w+){0,2}|tu)\W*$")
# "trước ngày 15/12 hằng năm" recurs: it has no single date to stand on.
_RECURRING_AFTER = re.compile(rf"{_MARKS}{_SP}(?:hằng|hàng){_WS}năm", re.IGNORECASE)

ROLES = ("cited", "directive", "deadline")  # order of events that share a date


@dataclass(frozen=True)
class Deadline:
    """A date a directive's text sets for doing something."""

    path: str  # the directive's content path
    date: dt.date
    start: int  # span in the body: from the deadline phrase ...
    end: int  # ... to the end of the date
    line: int
    phrase: str  # "trước ngày 31/12/2024", as plain words
    sentence: str  # the sentence that sets it, as plain words


@dataclass(frozen=True)
class Event:
    """One line of the timeline."""

    date: dt.date | None
    role: str  # "directive", "cited" (a dated document the directives cite) or "deadline"
    doc_id: str  # a directive's path or a cited document's graph id
    kind: str | None  # kind name ("Nghị quyết"), when known
    level: str | None  # records.LEVELS key, when known
    deadline: Deadline | None = None


def _date(match: re.Match[str], issued: dt.date | None) -> dt.date | None:
    try:
        if match["y"]:
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        if match["ly"]:
            return dt.date(int(match["ly"]), int(match["lm"]), int(match["ld"]))
        day, month = (match["nd"], match["nm"]) if match["nd"] else (match["ld"], match["lm"])
        if issued is None:
            return None  # no year written and none to take: never guess
        date = dt.date(issued.year, int(month), int(day))
        # "trước ngày 10/01" in a directive of December means next January.
        return date if date >= issued else dt.date(issued.year + 1, int(month), int(day))
    except ValueError:  # 31/02 is a typo, not a date
        return None


def _dates(body: str) -> Iterator[tuple[int, int]]:
    """Spans of the dates in ``body`` and the two characters a date's end looks at."""
    for start in _DATE_START.finditer(body):
        date = _DATE_ALONE.match(body, start.start())
        if date:
            yield date.start(), date.end() + 2


def find_deadlines(d: Directive) -> tuple[Deadline, ...]:
    """The deadlines ``d``'s body sets, in text order (found once per record)."""
    return once(d, "deadlines", lambda: tuple(_find_deadlines(d)))


def _find_deadlines(d: Directive) -> list[Deadline]:
    """The deadlines ``d``'s body sets, in text order.

    A deadline of a dated directive cannot fall before its date of issue: such
    a date tells of the past ("trước ngày 25/11/2024, Bộ Chính trị đã …").
    """
    found = []
    body = d.body
    for match in finditer_near(_DEADLINE, body, _dates(body), _GAPS_BEFORE_DATE):
        before = fold(body[max(0, match.start() - 24) : match.start()])
        if _NOT_AN_ORDER_BEFORE.search(before) or _RECURRING_AFTER.match(body, match.end()):
            continue
        # "ngày" must be written before a date without its year or in words:
        # a bare "1/2" is a half, "trước 3 tháng" three months before.
        if not match["y"] and not match["day_word"]:
            continue
        date = _date(match, d.date)
        if date is None or (d.date is not None and date < d.date):
            continue
        start, end = match.span()
        phrase = " ".join(re.sub(r"[*_]", "", body[start:end]).split())
        found.append(Deadline(d.path, date, start, end, d.line_of(start), phrase,
                              sentence_around(body, start, end)))
    return found


# Kind names folded, longest first: a name wins over a shorter one it starts with.
_FOLDED_KINDS = tuple((fold(k.name), k.name) for k in sorted(KINDS, key=lambda k: len(k.name), reverse=True))


def kind_of(words: Iterable[str]) -> str | None:
    """The kind a citing text names ("Chương trình hành động" is a "Chương trình")."""
    for word in words:
        folded = fold(" ".join(word.split()))
        for folded_name, name in _FOLDED_KINDS:
            if folded.startswith(folded_name):
                return name
    return None


def cited_level(doc: Document) -> str | None:
    """A cited document's issuer level, only where its symbol says it.

    Symbols ending in "TW" (TW, BTGTW, VPTW) are organs of the Central
    Committee; other symbols ("TU" is a provincial or a city committee,
    "BCĐ" any steering committee) do not tell, so the level stays unknown.
    """
    return "trung-uong" if doc.number and fold(doc.number.issuer).endswith("tw") else None


def events(published: Iterable[Directive], graph: Graph) -> list[Event]:
    """Every timeline event, oldest first; undated directives last."""
    out: list[Event] = []
    for d in published:
        out.append(Event(d.date, "directive", d.path, d.kind, d.level))
        out += [Event(x.date, "deadline", d.path, d.kind, d.level, x) for x in find_deadlines(d)]
    for doc in graph.documents.values():
        if doc.directive is None and doc.date is not None and not doc.is_ambiguous:
            kind = (doc.info.kind if doc.info and doc.info.kind else None) or kind_of(doc.kind_words)
            out.append(Event(doc.date, "cited", doc.id, kind, cited_level(doc)))
    return sorted(out, key=_chronological)


def _chronological(e: Event) -> tuple:
    where = e.deadline.start if e.deadline else 0
    return (e.date is None, e.date or dt.date.min, ROLES.index(e.role), e.doc_id, where)


@dataclass(frozen=True)
class YearGroup:
    key: str  # "2024", or records.UNDATED_FOLDER
    year: int | None
    events: tuple[Event, ...]


def by_year(timeline: Iterable[Event], undated_key: str) -> list[YearGroup]:
    """Events grouped by year, oldest year first, the undated group last."""
    groups: dict[int | None, list[Event]] = {}
    for e in timeline:
        groups.setdefault(e.date.year if e.date else None, []).append(e)
    years = sorted(y for y in groups if y is not None)
    out = [YearGroup(str(y), y, tuple(groups[y])) for y in years]
    if None in groups:
        out.append(YearGroup(undated_key, None, tuple(groups[None])))
    return out


def by_month(group: YearGroup) -> list[tuple[int, tuple[Event, ...]]]:
    """A dated year's events by month, oldest month first."""
    months: dict[int, list[Event]] = {}
    for e in group.events:
        assert e.date is not None
        months.setdefault(e.date.month, []).append(e)
    return [(m, tuple(months[m])) for m in sorted(months)]


def recent_months(groups: list[YearGroup], budget: int) -> list[tuple[int, int]]:
    """(year, month) of the newest months whose events fit in ``budget``, at
    least one, oldest first."""
    chosen: list[tuple[int, int]] = []
    total = 0
    for group in reversed([g for g in groups if g.year is not None]):
        for month, events in reversed(by_month(group)):
            if chosen and total + len(events) > budget:
                return chosen[::-1]
            chosen.append((group.year, month))
            total += len(events)
    return chosen[::-1]
