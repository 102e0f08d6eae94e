"""PDF with a text layer, read by poppler's ``pdftotext -layout``.

Layout mode keeps each line where the page has it: the header's two columns
stay apart (layout.columns puts them back one after the other) and a
paragraph's first line shows its indent. PDF text has no paragraph marks;
they are put back here from the shape of the lines: an indented line, a
centred line after body text, or a short line ending a sentence before it.
Pages stay apart with a form feed, for the page-furniture and footnote passes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from ..source import Source, text_source
from .tools import run

_ROW_GAP = re.compile(r"\S {4,}\S")
_SENTENCE_END = re.compile(r"(?:[.:;!?…]|\./\.)$")
_MARKER = re.compile(r"^(?:[-–+•]\s|\d+(?:\.\d+)*[.)]\s|[IVXL]+[.\-–]\s|[a-zđ]\)\s|Điều\s+\d)")
_TIMEOUT = 120
_FIRST_LINE_INDENT = 6  # characters: a paragraph's first line is indented at most this much
MIN_LETTERS = 40  # fewer letters on every page: a scan, to be read by OCR


def pdf_text(path: Path) -> str:
    return run("pdftotext", ["-layout", "-enc", "UTF-8", str(path), "-"], timeout=_TIMEOUT).stdout.decode(
        "utf-8", "replace")


def has_text(text: str) -> bool:
    return sum(c.isalpha() for c in text) >= MIN_LETTERS


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def paragraphs_of_page(page: str) -> str:
    """One page's layout text with an empty line wherever a paragraph ends."""
    lines = page.split("\n")
    filled = [ln.rstrip() for ln in lines if ln.strip()]
    if not filled:
        return page
    # the text block's width, not a header row's, which may run into the margin
    width = max((len(ln) for ln in filled if not _ROW_GAP.search(ln.strip())), default=max(map(len, filled)))
    long_lines = [ln for ln in filled if len(ln) >= 0.8 * width and not _ROW_GAP.search(ln)]
    margin = Counter(_indent(ln) for ln in long_lines).most_common(1)[0][0] if long_lines else 0

    def shape(line: str) -> str:
        body = line.strip()
        if _ROW_GAP.search(body):
            return "row"
        indent = _indent(line) - margin
        if indent > 2:
            # centred: as much room on the right as on the left; a first-line indent is smaller than that
            right = width - len(line)
            centred = indent > _FIRST_LINE_INDENT and abs(indent - right) <= max(4, width // 10)
            return "centred" if centred else "indented"
        return "full" if len(line) >= 0.85 * width else "margin"

    def continues(kind: str, line: str, before: str, before_kind: str) -> bool:
        if kind in ("centred", "row"):
            return before_kind == kind
        if _MARKER.match(line.strip()):
            return False
        if kind == "indented":
            # "V/v góp ý dự thảo quy chế" / "dân chủ ở cơ sở": a short line's words go on in lowercase
            return (before_kind in ("indented", "centred") and len(before) < 0.85 * width
                    and not _SENTENCE_END.search(before) and line.lstrip()[:1].islower())
        # at the margin: the paragraph goes on after a full line, or after its indented first line
        return before_kind == "full" or (before_kind == "indented" and len(before) >= 0.85 * width)

    out: list[str] = []
    prev: str | None = None
    prev_shape = ""
    for line in lines:
        line = line.rstrip()
        if not line.strip():
            out.append("")
            prev = None
            continue
        kind = shape(line)
        if prev is not None and not continues(kind, line, prev, prev_shape):
            out.append("")
        out.append(line)
        prev, prev_shape = line, kind
    return "\n".join(out)


def layout_to_text(text: str) -> str:
    return "\f".join(paragraphs_of_page(page) for page in text.split("\f"))


def read_pdf_text(name: str, text: str) -> Source:
    return text_source(name, layout_to_text(text))


def read_pdf(path: Path) -> Source:
    """The text layer; a PDF without one (a scan) goes to OCR."""
    text = pdf_text(path)
    if not has_text(text):
        from .ocr import read_scanned_pdf

        return read_scanned_pdf(path)
    source = read_pdf_text(str(path), text)
    return replace(source, origin="pdf", reading=("đọc lớp chữ của PDF bằng pdftotext (poppler-utils)",))
