"""A source document as numbered lines, and the line-level tests every stage shares.

Plain text keeps its own line numbers; a .docx becomes the same kind of text,
each line labelled with its paragraph number, so the report can say where a
value came from in words the editor can check ("dòng 7", "đoạn 12").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable

from ..text import fold, nfc

# PDF extraction leaves NBSP, tabs and zero-width marks that look like nothing.
# pdftotext starts each page's first line with a form feed.
# Tabs stay: a tab between two header cells is a column gap (layout.columns).
_INVISIBLE = str.maketrans({"\u00a0": " ", "\u200b": None, "\ufeff": None, "\u00ad": None})
_EMPHASIS_ENDS = re.compile(r"^\*{1,3}|\*{1,3}$")
_ORNAMENT = re.compile(r"^[\s*\-_=~.]+$")
# "./." closes a letter ("Trân trọng./.").
_SENTENCE_END = re.compile(r"(?:[.:;!?…”\"»]|\./\.)$")


@dataclass(frozen=True)
class Source:
    """One document to import: its lines, and how to name a line to an editor."""

    name: str
    lines: tuple[str, ...]
    unit: str = "dòng"  # "đoạn" for .docx, where a line is part of a paragraph
    labels: tuple[int, ...] = ()  # editor-facing number per line; empty: line index + 1
    footnotes: tuple[tuple[str, str], ...] = ()  # (label, text)
    pages: tuple[int, ...] = ()  # indexes of the lines that begin a new page (a form feed in PDF text)
    origin: str = "text"  # "text", "docx", "pdf" (a text layer), "ocr"
    reading: tuple[str, ...] = ()  # how the file was read, for the report: tool, encoding, OCR doubts

    def number(self, index: int) -> int:
        return self.labels[index] if self.labels else index + 1

    def where(self, first: int, last: int | None = None) -> str:
        """``dòng 7`` or ``dòng 15–17`` for 0-based line indexes."""
        a = self.number(first)
        b = self.number(last) if last is not None else a
        return f"{self.unit} {a}" if a == b else f"{self.unit} {a}–{b}"


    def keep(self, indexes: Iterable[int]) -> "Source":
        """The same document with only these lines, each still named by its place in the original."""
        kept = list(indexes)
        where = {old: new for new, old in enumerate(kept)}
        return replace(
            self,
            lines=tuple(self.lines[i] for i in kept),
            labels=tuple(self.number(i) for i in kept),
            pages=tuple(where[i] for i in self.pages if i in where),
        )


    def rebuilt(self, order: Iterable[tuple[int, str]]) -> "Source":
        """New lines, each (index of the original line it comes from, its text), in a new order."""
        order = list(order)
        firsts: dict[int, int] = {}
        for new, (old, _) in enumerate(order):
            firsts.setdefault(old, new)
        return replace(
            self,
            lines=tuple(text for _, text in order),
            labels=tuple(self.number(old) for old, _ in order),
            pages=tuple(firsts[i] for i in self.pages if i in firsts),
        )


def text_source(name: str, text: str) -> Source:
    """A plain-text document; whitespace-only lines become empty lines; form feeds mark pages."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    lines: list[str] = []
    pages: list[int] = []
    for line in text.split("\n"):
        if "\f" in line:
            pages.append(len(lines))
            line = line.replace("\f", "")
        lines.append(line.rstrip() if line.strip() else "")
    return Source(name=name, lines=tuple(lines), pages=tuple(p for p in pages if p > 0))


def strip_emphasis(line: str) -> str:
    """The line without Markdown emphasis markers at its ends (a bold span may cover several lines)."""
    return _EMPHASIS_ENDS.sub("", line.strip()).strip()


def is_caps(text: str) -> bool:
    """True for a line written in capitals, such as "BAN TUYÊN GIÁO" or "K/T TRƯỞNG BAN"."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# The Party name; the State name and motto of Nghị định 30's header (any dash, any spacing).
_NATIONAL = {"dang cong san viet nam", "cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc"}


def is_ornament(text: str) -> bool:
    """Lines the page template prints itself: the Party or State name, the motto, "*", rules."""
    if not text.strip() or _ORNAMENT.match(text):
        return True
    return " ".join(re.sub(r"\s*[-–—]\s*", " - ", fold(text)).split()) in _NATIONAL


# The body's first words: with no empty line under the title they end it, and
# after an empty line they start a paragraph of their own, never a page's rest.
_OPENING = re.compile(r"^(?:Thực hiện|Căn cứ|Triển khai|Quán triệt)\b")


def opens_body(text: str) -> bool:
    return bool(_OPENING.match(text))


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip("* ")))


def starts_lower(text: str) -> bool:
    first = next((c for c in text if c.isalpha()), "")
    return first.islower()
