"""Monthly bulletins (Bản tin tháng): the directives issued in one month,
gathered for a cell meeting, with the slogans in force that month.

A directive belongs to the month of its date of issue. One with no date
belongs to no month: we never guess one.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Mapping

from . import slogans
from .formatting import month_label
from .records import Directive, SloganSet


@dataclass(frozen=True)
class Bulletin:
    year: int
    month: int
    directives: tuple[Directive, ...]  # in order of issue

    @property
    def slug(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def number(self) -> int:
        """The issue number: one issue a month, numbered by its month in the year."""
        return self.month

    @property
    def label(self) -> str:
        return month_label(self.year, self.month)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])


def monthly(directives: Iterable[Directive]) -> tuple[list[Bulletin], list[Directive]]:
    """One bulletin per month that has directives, newest month first; and
    the directives with no date of issue, which belong to none."""
    months: dict[tuple[int, int], list[Directive]] = {}
    undated: list[Directive] = []
    for d in directives:
        if d.date is None:
            undated.append(d)
        else:
            months.setdefault((d.date.year, d.date.month), []).append(d)
    bulletins = [Bulletin(y, m, tuple(sorted(ds, key=lambda d: (d.date, d.number or "", d.path))))
                 for (y, m), ds in sorted(months.items(), reverse=True)]
    return bulletins, sorted(undated, key=lambda d: d.path)


def slogans_in_force(bulletin: Bulletin, sets: Iterable[SloganSet],
                     directives: Mapping[str, Directive]) -> list[SloganSet]:
    """Sets in force on some day of the month, by ``bantin.slogans``' rules:
    not starting after the month, not ended before it, and approved by its
    end when that date is known. Those still in force at the month's end
    come first, then those that ended during it; newest first within each."""
    at_end = slogans.arrange(sets, directives, bulletin.last_day)
    return [s for s in at_end.current + at_end.ended
            if slogans.status(s, bulletin.first_day) != slogans.ENDED
            and (slogans.approval_date(s, directives) or bulletin.first_day) <= bulletin.last_day]
