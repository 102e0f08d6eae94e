"""Footnotes in text: a mark in the sentence (¹, [1] or an attached (1)) and its text at a page foot.

The text of a footnote sits where the page ended, which may be the middle of
a paragraph continued on the next page, or after the signature. It is taken
out of the flow (so the paragraph is whole again and the signature is the
last block) and becomes a Markdown footnote ``[^1]: …`` at the end of the
body; the mark becomes ``[^1]``. A definition counts only when its mark
appears earlier in the text; a list numbered "(1)" at line starts is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...text import squash_spaces
from ..source import Source

_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGIT = str.maketrans(_SUPERSCRIPT, "0123456789")
_DEFINITION = re.compile(
    rf"^\s*(?:(?P<sup>[{_SUPERSCRIPT}]+)|\[(?P<bracket>\d{{1,3}})\]|\((?P<paren>\d{{1,3}})\))\s*(?P<text>\S.*)$"
)


# PDF text loses the superscript: the mark is a plain digit glued to its word ("trình1") or after a
# space ("HU 1,"); its text stands at the page foot, the number set off by two spaces or more.
_FOOT_DEFINITION = re.compile(r"^\s*(?P<n>\d{1,2})\s{2,}(?P<text>\S.*)$")
# OCR sets the note's number off by one space, and reads a small raised "1" after a word as an apostrophe.
_OCR_FOOT_DEFINITION = re.compile(r"^\s*(?P<n>\d)\s+(?P<text>[^\W\d_].*)$")
_OCR_MARK = re.compile(r"(?<=[^\W_])['’‘`](?=[\s,.;:]|$)")
_FOOT_LINES = 12  # lines from a page's end that may hold its notes
_COUNTED = {"điều", "số", "tháng", "ngày", "năm", "khoản", "mục", "điểm", "lần", "chương", "phần", "trang", "đoạn"}


@dataclass(frozen=True)
class Found:
    source: Source
    notes: tuple[str, ...]


def _mark(kind: str, label: str) -> re.Pattern[str]:
    """The mark in running text: attached to the word or sign before it, never at a line start."""
    if kind == "sup":
        sup = label.translate(str.maketrans("0123456789", _SUPERSCRIPT))
        return re.compile(rf"(?<=\S){re.escape(sup)}(?![{_SUPERSCRIPT}])")
    if kind == "bracket":
        return re.compile(rf"(?<=\S)\[{label}\](?!:)")
    return re.compile(rf"(?<=[^\s(]){re.escape('(' + label + ')')}")


def _digit_mark(line: str, label: str, ocr: bool = False) -> re.Match[str] | None:
    if ocr and (misread := _OCR_MARK.search(line)):
        return misread
    glued = re.search(rf"(?<=[^\W\d_]){label}(?![\d/])", line)
    if glued:
        return glued
    for m in re.finditer(rf"(?<=[^\s\d]) {label}(?=[,.;:!?)]|$|\s+[a-zđà-ỹ])", line):
        word = line[: m.start()].split()[-1].lower().strip(",.;:")
        if word not in _COUNTED:
            return m
    # after a number ("nhiệm kỳ 2025 - 2030 1,"): only where punctuation follows the mark at once
    return re.search(rf"(?<=\d) {label}(?=[,;:])", line)


def _page_foot_notes(src: Source) -> tuple[list[tuple[str, str, int, int]], dict[int, list[tuple[int, int, str]]]]:
    """PDF footnotes: (label, text, first, end) at each page's foot, and the marks to rewrite per line."""
    lines = src.lines
    ocr = src.origin == "ocr"
    definition = _OCR_FOOT_DEFINITION if ocr else _FOOT_DEFINITION
    bounds = [0, *src.pages, len(lines)]
    notes: list[tuple[str, str, int, int]] = []
    marks: dict[int, list[tuple[int, int, str]]] = {}
    for a, b in zip(bounds, bounds[1:]):
        # The foot: the topmost note number among the page's last lines; everything below it is note text.
        tops = [i for i in range(max(a, b - _FOOT_LINES), b) if definition.match(lines[i])]
        if not tops:
            continue
        starts = [i for i in range(tops[0], b) if definition.match(lines[i])]
        foot = [(start, end) for start, end in zip(starts, [*starts[1:], b])]
        for start, end in foot:
            m = definition.match(lines[start])
            if m is None:
                continue
            label = m["n"]
            found = next(((j, mk) for j in range(a, foot[0][0]) if (mk := _digit_mark(lines[j], label, ocr))), None)
            if found is None:
                continue
            j, mk = found
            marks.setdefault(j, []).append((mk.start(), mk.end(), label))
            notes.append((label, squash_spaces(" ".join([m["text"], *lines[start + 1 : end]])), start, end))
    return notes, marks


def find_footnotes(src: Source) -> Found:
    if src.origin in ("pdf", "ocr"):
        return _pdf_footnotes(src)
    lines = src.lines
    page_starts = set(src.pages)
    taken: set[int] = set()
    defs: list[tuple[str, str, str, int]] = []  # (kind, label, text, first line)
    seen_labels = {label for label, _ in src.footnotes}
    # A list numbered "(1)" may come before the note "(1)": of several candidates, the last is the note.
    last: dict[str, int] = {}
    for i, line in enumerate(lines):
        m = _DEFINITION.match(line)
        if m:
            kind = next(k for k in ("sup", "bracket", "paren") if m[k])
            last[m[kind].translate(_TO_DIGIT)] = i
    for i, line in enumerate(lines):
        m = _DEFINITION.match(line)
        if not m or i in taken:
            continue
        kind = next(k for k in ("sup", "bracket", "paren") if m[k])
        label = m[kind].translate(_TO_DIGIT)
        mark = _mark(kind, label)
        if label in seen_labels or last[label] != i or not any(mark.search(lines[j]) for j in range(i) if j not in taken):
            continue
        end = i + 1
        while end < len(lines) and lines[end].strip() and end not in page_starts and not _DEFINITION.match(lines[end]):
            end += 1
        text = squash_spaces(" ".join([m["text"], *lines[i + 1 : end]]))
        defs.append((kind, label, text, i))
        taken.update(range(i, end))
        seen_labels.add(label)
    if not defs:
        return Found(src, ())
    kept = [i for i in range(len(lines)) if i not in taken]
    out = src.keep(kept)
    new_lines = list(out.lines)
    for kind, label, _, _ in defs:
        mark = _mark(kind, label)
        for k, line in enumerate(new_lines):
            new_lines[k] = mark.sub(f"[^{label}]", line)
    notes = tuple(f"chú thích [^{label}] ({src.where(first)}) chuyển xuống cuối văn bản" for _, label, _, first in defs)
    return Found(
        replace(out, lines=tuple(new_lines), footnotes=(*src.footnotes, *((label, text) for _, label, text, _ in defs))),
        notes,
    )


def _pdf_footnotes(src: Source) -> Found:
    notes, marks = _page_foot_notes(src)
    if not notes:
        return Found(src, ())
    taken = {i for _, _, start, end in notes for i in range(start, end)}
    lines = list(src.lines)
    for j, spans in marks.items():
        for start, end, label in sorted(spans, reverse=True):
            lines[j] = f"{lines[j][:start]}[^{label}]{lines[j][end:]}"
    marked = replace(src, lines=tuple(lines))
    out = marked.keep(i for i in range(len(lines)) if i not in taken)
    return Found(
        replace(out, footnotes=(*src.footnotes, *((label, text) for label, text, _, _ in notes))),
        tuple(f"chú thích [^{label}] ({src.where(start)}) chuyển xuống cuối văn bản" for label, _, start, _ in notes),
    )
