"""Two-column rows put back as two columns: the header and the Nơi nhận / signature row.

On paper the header is a table: issuer, "*" and number on the left; the
Party name (or the State name and motto) and the date on the right. PDF text
in layout mode, a table pasted as text or a row with tab-separated cells
gives both cells on one line. Every cell keeps its line's number; the left
column comes first, then the right one, which is the order the header and
tail parsers already read in.
"""

from __future__ import annotations

import re

from ...text import fold
from ..source import Source, strip_emphasis

_GAP = re.compile(r"\t+ *|(?<=\S) {3,}")
_PIPE_ROW = re.compile(r"^\s*\|(?P<cells>.*)\|\s*$")
# Right-hand cells that may follow the left one on a line with a single space between.
_RIGHT_HEADS = ("dang cong san viet nam", "cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc")
# Capital words (or the "*") before a place name in title case, then the date.
_CAPS_BEFORE_PLACE = re.compile(
    r"^(?P<left>\*|(?:[^\W\d_a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]+ )+"
    r"[^\W\d_a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]+)\s+(?P<date>[^\W\d_]\w*[a-zđ-ỹ].*)$"
)
_KIND_OR_ADDRESSEE = re.compile(r"^(?:kinh g[uo]i\b|v/v\b)", re.IGNORECASE)
_RECIPIENTS = re.compile(r"^\s*\**\s*Nơi\s+nhận", re.IGNORECASE)
_AUTHORITY = re.compile(r"^\s*\**\s*(?:T/M|K/T|T/L|T/UQ|TM\.|KT\.|TL\.|TUQ\.|T\.M|K\.T|T\.L|T\.UQ)\.?\s", re.IGNORECASE)
_HEADER_ZONE_MAX = 30  # lines: a header never runs longer
_SIDE_TOLERANCE = 8
_RIGHT_COLUMN_MIN = 20  # characters from the line's start
_EXPLICIT = 40  # where a cell after a tab, a "|" or the Party/State name is placed  # characters: a lone line this close to the right column's start belongs to it


def cells(line: str) -> list[tuple[int, str]]:
    """The cells of one row with their offsets; a single cell when the line is not a row."""
    from ..header import is_date_line  # a blank date ("ngày    tháng    năm") is one cell, not three

    at = line.find("ngày")
    if at > 0 and not _GAP.search(line[:at].strip()) and is_date_line(" ".join(line.split())):
        indent = len(line) - len(line.lstrip())
        m = _CAPS_BEFORE_PLACE.match(line.strip())
        if m:  # "BAN TUYÊN GIÁO Vĩnh Bảo, ngày …", "* Vĩnh Bảo, ngày …": the left cell, then the date
            return [(indent, m["left"]), (max(indent + m.start("date"), _EXPLICIT), m["date"])]
        return [(indent, line.strip())]
    m = _PIPE_ROW.match(line)
    if m:
        parts = [p.strip() for p in m["cells"].split("|")]
        return [(k * _EXPLICIT, p) for k, p in enumerate(parts) if p and not set(p) <= set("-: ")]
    out: list[tuple[int, str]] = []
    start = offset = len(line) - len(line.lstrip())
    for gap in _GAP.finditer(line):
        if line[start : gap.start()].strip():
            out.append((offset, line[start : gap.start()].strip()))
        start = gap.end()
        # a tab separates cells wherever it stands: the next cell is placed as a right column
        offset = max(start, _EXPLICIT * len(out)) if "\t" in gap.group() else start
    if line[start:].strip():
        out.append((offset, line[start:].strip()))
    return [piece for offset, text in out for piece in _split_at_heads(offset, text)]


def _split_at_heads(offset: int, text: str) -> list[tuple[int, str]]:
    folded = fold(text)
    if len(folded) != len(text):
        return [(offset, text)]
    for head in _RIGHT_HEADS:
        at = folded.find(head, 1)
        if at > 0 and text[at - 1] == " " and text[:at].strip(" *"):
            return [(offset, text[:at].rstrip()), (max(offset + at, _EXPLICIT), text[at:])]
    return [(offset, text)]


def _header_zone(src: Source) -> int:
    from ..header import kind_of_line  # the header module reads the zone this one rebuilds

    for i, line in enumerate(src.lines[:_HEADER_ZONE_MAX]):
        text = strip_emphasis(line)
        if kind_of_line(text) or _KIND_OR_ADDRESSEE.match(fold(text)):
            return i
    return min(len(src.lines), _HEADER_ZONE_MAX)


def _tail_zone(src: Source) -> int | None:
    at = next((i for i in range(len(src.lines) - 1, -1, -1) if _RECIPIENTS.match(src.lines[i])), None)
    if at is None:
        return None
    start = at
    for i in range(at - 1, max(at - 4, -1), -1):
        if _AUTHORITY.match(src.lines[i]) or (src.lines[i] and len(cells(src.lines[i])) == 1
                                              and src.lines[i].startswith(" " * 20)):
            start = i
        elif src.lines[i]:
            break
    return start


def _unfold(src: Source, start: int, end: int) -> list[tuple[int, str]] | None:
    """Lines start..end as left column then right column; None when no line there is a row."""
    rows = {i: cells(src.lines[i]) for i in range(start, end) if src.lines[i]}
    # a right column starts well into the line: "1   Chú thích" is a note's number, not two columns
    right_starts = [c[-1][0] for c in rows.values() if len(c) >= 2 and c[-1][0] >= _RIGHT_COLUMN_MIN]
    if not right_starts:
        return None
    x = min(right_starts)
    left: list[tuple[int, str]] = []
    right: list[tuple[int, str]] = []
    for i in range(start, end):
        if i not in rows:
            left.append((i, ""))
            right.append((i, ""))
            continue
        lhs = " ".join(t for o, t in rows[i] if o < x - _SIDE_TOLERANCE)
        rhs = " ".join(t for o, t in rows[i] if o >= x - _SIDE_TOLERANCE)
        if lhs:
            left.append((i, lhs))
        if rhs:
            right.append((i, rhs))
    return [*left, (end - 1, ""), *right, (end - 1, "")]


def unfold_columns(src: Source) -> Source:
    """The header and tail rows read one column after the other."""
    head_end = _header_zone(src)
    tail_start = _tail_zone(src)
    if tail_start is not None and tail_start < head_end:
        tail_start = None
    head = _unfold(src, 0, head_end)
    tail = _unfold(src, tail_start, len(src.lines)) if tail_start is not None else None
    if head is None and tail is None:
        return src
    middle_end = tail_start if tail is not None and tail_start is not None else len(src.lines)
    order: list[tuple[int, str]] = [
        *(head if head is not None else [(i, src.lines[i]) for i in range(head_end)]),
        *((i, src.lines[i]) for i in range(head_end, middle_end)),
        *(tail or []),
    ]
    return src.rebuilt(order)
