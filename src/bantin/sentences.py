"""Sentences and paragraphs of a directive's text, for quoting a citation.

A citation is shown with the sentence around it (on a cited document's page,
in the timeline). Texts come from PDFs and Word files: a page break may split
a paragraph in two, and list items start sentences of their own. All offsets
are into the NFC text the caller passes.
"""

from __future__ import annotations

import re
from typing import Iterator

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
# A sentence ends at . ; ! ? followed by white space (so the dots of "./." and
# of "1.1" inside a token do not end one), at a blank line, or where a new list
# item begins on its own line.
_BOUNDARY = re.compile(
    r"""
        (?P<punct>[.!?;…]+(?:[*_]+|[”"’)\]]+)*)(?=\s|\Z)
      | (?P<blank>\n[^\S\n]*\n\s*)
      | \n(?=[^\S\n]*(?:[-+•]|\*(?=\s)|\d+(?:\.\d+)*\\?[.)\-]|\(\d+\))[^\S\n])
    """,
    re.VERBOSE,
)
# The first character of every boundary. _BOUNDARY begins with alternatives,
# which leaves sre no way to skip ahead; this class does.
_BOUNDARY_START = re.compile(r"[.!?;…\n]")
_LIST_MARKER = re.compile(r"\s*(?:[-+•*]|\d+(?:\.\d+)*\\?[.)\-]|\(\d+\)|[IVXLC]+[.\-])[^\S\n]+")
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
# A footnote's mark ("[^1]") or the label opening its text ("[^1]: "): Markdown, not words.
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]+\](?::[^\S\n]*)?")
# White space to collapse to one space: a run of two or more characters, or
# one that is not a space (the same as \s+ but skips the single spaces).
_SPACES = re.compile(r"\s(?:\s+|(?<=[^\S ]))")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_SENTENCE_LIMIT = 300
_SENTENCE_WINDOW = 2000  # how far to look for a sentence's ends; longer ones are cut anyway


def starts_continuation(text: str, start: int) -> bool:
    """True for a block that begins in lower case: the rest of a paragraph a
    PDF page break split, not a paragraph of its own ("a) ..." is an item)."""
    head = text[start : start + 16].lstrip("*_ \t")
    return bool(head) and head[0].islower() and not re.match(r"\w[.)]\s", head)


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the blank-line separated blocks of ``text``."""
    position = 0
    for gap in _BLANK_LINE.finditer(text):
        if gap.start() > position:
            yield position, gap.start()
        position = gap.end()
    if position < len(text):
        yield position, len(text)


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of paragraphs: blocks, with page-break halves joined again."""
    current: tuple[int, int] | None = None
    for start, end in _blocks(text):
        if current and starts_continuation(text, start):
            current = (current[0], end)
            continue
        if current:
            yield current
        current = (start, end)
    if current:
        yield current


def _sentence_breaks(text: str, low: int, high: int) -> Iterator[re.Match[str]]:
    """Sentence boundaries in ``text[low:high]``; a page break is none.

    The boundaries ``_BOUNDARY.finditer`` finds, tried only where one can start.
    """
    position = low
    while first := _BOUNDARY_START.search(text, position, high):
        boundary = _BOUNDARY.match(text, first.start(), high)
        if boundary is None:
            position = first.start() + 1
            continue
        position = boundary.end()
        if not (boundary["blank"] and starts_continuation(text, boundary.end())):
            yield boundary


def _last_break(text: str, low: int, high: int) -> re.Match[str] | None:
    """The last sentence boundary a scan of ``text[low:high]`` finds.

    Scanning only the end of the span, wider each time, finds the same one
    once a letter or digit comes before it: no boundary holds one, so scans
    from two starts agree from the first letter both pass.
    """
    width = 256
    while True:
        near = max(low, high - width)
        breaks = list(_sentence_breaks(text, near, high))
        last = breaks[-1] if breaks else None
        if near == low or (last and _LETTER_OR_DIGIT.search(text, near, last.start())):
            return last
        width *= 4


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    window = max(0, start - _SENTENCE_WINDOW)
    last = _last_break(text, window, start)
    left = last.end() if last else window
    right = min(len(text), end + _SENTENCE_WINDOW)
    for boundary in _sentence_breaks(text, end, right):
        right = boundary.end("punct") if boundary["punct"] else boundary.start()
        break
    marker = _LIST_MARKER.match(text, left, start)  # "- ", "1. ", "(2) " are not words
    return (marker.end() if marker else left), right


def clean(piece: str) -> str:
    """Plain words: no emphasis markers, escapes or footnote marks, single spaces."""
    # Most pieces have neither markers nor escapes: skip those passes.
    if "*" in piece or "_" in piece:
        piece = _EMPHASIS.sub("", piece)
    if "\\" in piece:
        piece = _ESCAPE.sub(r"\1", piece)
    if "[^" in piece:
        piece = _FOOTNOTE_MARK.sub("", piece)
    return _SPACES.sub(" ", piece)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` (NFC) holding ``text[start:end]``, as plain words.

    Long sentences keep about 300 characters around the span, with "…" where
    they are cut.
    """
    left_end, right_end = _sentence_bounds(text, start, end)
    left = clean(text[left_end:start]).lstrip()
    middle = clean(text[start:end])
    right = clean(text[end:right_end]).rstrip()
    if len(left) + len(middle) + len(right) <= _SENTENCE_LIMIT:
        return left + middle + right
    room = max(_SENTENCE_LIMIT - len(middle), 0)
    left_room = min(len(left), room // 2)
    right_room = min(len(right), room - left_room)
    left_room = min(len(left), room - right_room)
    if left_room < len(left):
        kept = left[len(left) - left_room :]
        cut = kept.find(" ")  # start on a whole word
        left = "…" + (kept[cut + 1 :] if cut >= 0 else kept)
    if right_room < len(right):
        kept = right[:right_room]
        cut = kept.rfind(" ")
        right = (kept[:cut] if cut > 0 else kept).rstrip(",;:") + "…"
    return left + middle + right


