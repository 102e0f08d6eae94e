"""The summary box at the top of a directive's page: what a reader needs
before the text (number, kind, issuer, date, signer, what it implements),
its deadlines, its status, and the original file when there is one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from . import originals, status
from .records import Directive
from .status import DeadlineState
from .timeline import find_deadlines


@dataclass(frozen=True)
class Summary:
    deadlines: tuple[DeadlineState, ...]
    on: dt.date  # the day the status is judged on (the build's date)
    replaced_by: str | None  # as the editor wrote it: a number, or a content path
    replacing: Directive | None  # the replacing directive, when it is in the bulletin
    original_uri: str | None  # the original file's place in the site
    original_label: str | None  # "PDF", "Word"

    @property
    def passed(self) -> int:
        return sum(1 for s in self.deadlines if s.passed)


def summarise(d: Directive, directives: Sequence[Directive], page_src_uri: str, on: dt.date) -> Summary:
    original = originals.site_name(d.original, page_src_uri) if d.original else None
    return Summary(
        deadlines=status.deadline_states(find_deadlines(d), on),
        on=on,
        replaced_by=d.replaced_by,
        replacing=status.replacing(d, directives),
        original_uri=original,
        original_label=originals.label(d.original) if d.original else None,
    )
