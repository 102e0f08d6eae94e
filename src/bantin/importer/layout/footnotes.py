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


def find_footnotes(src: Source) -> Found:
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
