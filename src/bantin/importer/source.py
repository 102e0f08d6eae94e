"""A source document as numbered lines, and the line-level tests every stage shares.

Plain text keeps its own line numbers; a .docx becomes the same kind of text,
each line labelled with its paragraph number, so the report can say where a
value came from in words the editor can check ("dòng 7", "đoạn 12").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import fold, nfc

# PDF extraction leaves NBSP, tabs and zero-width marks that look like nothing.
# pdftotext starts each page's first line with a form feed.
_INVISIBLE = str.maketrans({"\u00a0": " ", "\t": " ", "\u200b": None, "\ufeff": None, "\u00ad": None,
                            "\f": None})
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
    footnotes: tuple[tuple[str, str], ...] = ()  # (label, text), .docx only

    def number(self, index: int) -> int:
        return self.labels[index] if self.labels else index + 1

    def where(self, first: int, last: int | None = None) -> str:
        """``dòng 7`` or ``dòng 15–17`` for 0-based line indexes."""
        a = self.number(first)
        b = self.number(last) if last is not None else a
        return f"{self.unit} {a}" if a == b else f"{self.unit} {a}–{b}"


def text_source(name: str, text: str) -> Source:
    """A plain-text document; whitespace-only lines become empty lines."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    return Source(name=name, lines=tuple(line.rstrip() if line.strip() else "" for line in text.split("\n")))


def strip_emphasis(line: str) -> str:
    """The line without Markdown emphasis markers at its ends (a bold span may cover several lines)."""
    return _EMPHASIS_ENDS.sub("", line.strip()).strip()


def is_caps(text: str) -> bool:
    """True for a line written in capitals, such as "BAN TUYÊN GIÁO" or "K/T TRƯỞNG BAN"."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_ornament(text: str) -> bool:
    """Lines the page template prints itself: the Party name, "*", rules (empty once emphasis is stripped)."""
    return not text.strip() or bool(_ORNAMENT.match(text)) or fold(text) == "dang cong san viet nam"


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip("* ")))


def starts_lower(text: str) -> bool:
    first = next((c for c in text if c.isalpha()), "")
    return first.islower()
