"""Approved slogan sets: which are in force on a given day, in what order,
and when two slogans are the same.

"Today" is taken from ``SOURCE_DATE_EPOCH`` when it is set (the Makefile sets
it to the last commit's time), so two builds of one commit are identical; a
day is a day in Việt Nam (UTC+7, no daylight saving).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from .records import Directive, SloganSet
from .text import nfc

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")
_SPACE_BEFORE_MARK = re.compile(r"\s+(?=[!?.,;:…])")


def slogan_key(text: str) -> str:
    """What two slogans are compared by: case, spacing (also before "!") and
    Unicode form do not count; letters and their marks do."""
    folded = nfc(nfc(text).casefold())
    return _SPACE_BEFORE_MARK.sub("", " ".join(folded.split()))


def reference_date(environ: Mapping[str, str] = os.environ) -> dt.date:
    """The day slogan sets are judged on: the build's ``SOURCE_DATE_EPOCH``, or today."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.datetime.now(VIETNAM).date()
    if not epoch.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH phải là số giây kể từ 1970-01-01, không phải '{epoch}'")
    return dt.datetime.fromtimestamp(int(epoch), VIETNAM).date()


CURRENT, UPCOMING, ENDED = "current", "upcoming", "ended"


def status(sset: SloganSet, on: dt.date) -> str:
    """In force unless its validity has not begun or has ended; both ends count as in force."""
    if sset.valid_until is not None and sset.valid_until < on:
        return ENDED
    if sset.valid_from is not None and sset.valid_from > on:
        return UPCOMING
    return CURRENT


def approval_date(sset: SloganSet, directives: Mapping[str, Directive]) -> dt.date | None:
    """When the set was approved: as written, else its directive's date of issue."""
    return sset.approved or directives[sset.directive_path].date


@dataclass(frozen=True)
class Arranged:
    current: tuple[SloganSet, ...]  # newest first
    upcoming: tuple[SloganSet, ...]  # soonest first
    ended: tuple[SloganSet, ...]  # newest first


def arrange(sets: Iterable[SloganSet], directives: Mapping[str, Directive], on: dt.date) -> Arranged:
    """Sets by status on ``on``; undated sets after dated ones, by file name."""
    def newest_first(s: SloganSet) -> tuple:
        date = approval_date(s, directives) or s.valid_from
        return (date is None, -(date.toordinal() if date else 0), s.path)

    ordered = sorted(sets, key=newest_first)
    upcoming = sorted((s for s in ordered if status(s, on) == UPCOMING), key=lambda s: (s.valid_from, s.path))
    return Arranged(
        current=tuple(s for s in ordered if status(s, on) == CURRENT),
        upcoming=tuple(upcoming),
        ended=tuple(s for s in ordered if status(s, on) == ENDED),
    )
