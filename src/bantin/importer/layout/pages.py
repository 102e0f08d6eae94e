"""Page furniture dropped: page numbers and running headers, which are the printer's, not the text's.

Text from a PDF marks each new page with a form feed (``Source.pages``):
there the line that ends or begins a page is tested, and a first line that
repeats at the top of two or more pages is a running header. Plain text has
no page marks: there only a number standing alone between empty lines is a
page number. Every dropped line is named in the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text import squash_spaces
from ..source import Source

_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?(?:(?:Trang|trang)\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–—])?\s*$")
_HEADER_LINES = 2  # the first lines of a document are never page furniture


@dataclass(frozen=True)
class Cleaned:
    source: Source
    notes: tuple[str, ...]


def _filled(lines: tuple[str, ...], start: int, end: int, step: int) -> int | None:
    i = start
    while 0 <= i < len(lines) and (i < end if step > 0 else i > end):
        if lines[i].strip():
            return i
        i += step
    return None


def _furniture(src: Source) -> tuple[set[int], set[int]]:
    """(page-number lines, running-header lines)."""
    lines = src.lines
    numbers: set[int] = set()
    headers: set[int] = set()
    if src.pages:
        bounds = [*src.pages, len(lines)]
        tops: dict[str, list[int]] = {}
        for page_start in src.pages:
            before = _filled(lines, page_start - 1, -1, -1)
            if before is not None and before >= _HEADER_LINES and _PAGE_NUMBER.match(lines[before]):
                numbers.add(before)
            page_end = next(b for b in bounds if b > page_start)
            top = _filled(lines, page_start, page_end, 1)
            if top is not None and _PAGE_NUMBER.match(lines[top]):
                numbers.add(top)
                top = _filled(lines, top + 1, page_end, 1)
            if top is not None:
                tops.setdefault(squash_spaces(re.sub(r"\d+", "#", lines[top])), []).append(top)
        last = _filled(lines, len(lines) - 1, -1, -1)
        if last is not None and last >= _HEADER_LINES and _PAGE_NUMBER.match(lines[last]):
            numbers.add(last)
        headers = {i for found in tops.values() if len(found) >= 2 for i in found}
    elif src.unit == "dòng":
        for i in range(_HEADER_LINES, len(lines)):
            alone = (i == 0 or not lines[i - 1].strip()) and (i + 1 == len(lines) or not lines[i + 1].strip())
            if alone and _PAGE_NUMBER.match(lines[i]):
                numbers.add(i)
    return numbers, headers


def drop_page_furniture(src: Source) -> Cleaned:
    numbers, headers = _furniture(src)
    if not numbers and not headers:
        return Cleaned(src, ())
    notes = []
    if numbers:
        notes.append("bỏ số trang: " + ", ".join(src.where(i) for i in sorted(numbers)))
    for text in sorted({squash_spaces(src.lines[i]) for i in headers}):
        spots = ", ".join(src.where(i) for i in sorted(headers) if squash_spaces(src.lines[i]) == text)
        notes.append(f"bỏ dòng lặp lại ở đầu mỗi trang “{text}”: {spots}")
    gone = numbers | headers
    return Cleaned(src.keep(i for i in range(len(src.lines)) if i not in gone), tuple(notes))
