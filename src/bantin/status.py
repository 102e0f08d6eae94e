"""A directive's status for its summary box: in force or replaced (the
editors say so in ``replaced_by:``), and which of its deadlines have passed.

``replaced_by`` holds the number of the replacing document ("05-KH/BTGDUK")
or the content path of a directive in the bulletin
("directives/2025/05-kh-btgduk.md"). Nothing is inferred from the text: a
document is replaced only when an editor says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from . import refs
from .problems import Problem
from .records import Directive

if TYPE_CHECKING:  # the corpus reads this module, and the timeline reads the corpus's records
    from .timeline import Deadline

PATH_PREFIX = "directives/"


def parse_replaced_by(value: str) -> tuple[str | None, str | None]:
    """The field's value as stored (a path, or a number written canonically),
    or a Vietnamese error saying what to write."""
    if value.startswith(PATH_PREFIX):
        if not value.endswith(".md"):
            return None, f"đường dẫn '{value}' phải là tệp văn bản .md, ví dụ directives/2025/05-kh-btgduk.md"
        return value, None
    number = refs.parse_number(value)
    if number is None:
        return None, (f"'{value}' không phải số hiệu (ví dụ 05-KH/BTGDUK) hay đường dẫn văn bản "
                      "(ví dụ directives/2025/05-kh-btgduk.md)")
    return str(number), None


def replacement_problems(directives: Iterable[Directive]) -> list[Problem]:
    """A path in ``replaced_by`` must name another directive of the bulletin."""
    directives = tuple(directives)
    paths = {d.path for d in directives}
    problems = []
    for d in directives:
        target = d.replaced_by
        if target is None or not target.startswith(PATH_PREFIX):
            continue
        where = (f"content/{d.path}", d.field_lines.get("replaced_by", 1), "replaced_by")
        if target == d.path:
            problems.append(Problem(*where, "văn bản không thể thay thế chính nó"))
        elif target not in paths:
            problems.append(Problem(*where, f"không có văn bản content/{target}; ghi đường dẫn dạng "
                                            "directives/<năm>/<tên>.md, hoặc ghi số hiệu văn bản thay thế"))
    return problems


def replacing(d: Directive, directives: Sequence[Directive]) -> Directive | None:
    """The directive of the bulletin that replaces ``d``, when there is one."""
    target = d.replaced_by
    if target is None:
        return None
    if target.startswith(PATH_PREFIX):
        return next((o for o in directives if o.path == target), None)
    key = refs.parse_number(target).key
    found = [o for o in directives if o.doc_number and o.doc_number.key == key and o.path != d.path]
    return found[0] if len(found) == 1 else None


@dataclass(frozen=True)
class DeadlineState:
    deadline: Deadline
    passed: bool


def deadline_states(deadlines: Iterable[Deadline], today: dt.date) -> tuple[DeadlineState, ...]:
    """Each deadline once per date, in date order; passed when before ``today``."""
    first: dict[dt.date, Deadline] = {}
    for dl in deadlines:
        first.setdefault(dl.date, dl)
    return tuple(DeadlineState(dl, dl.date < today) for _, dl in sorted(first.items()))
