"""Body text to Markdown, word for word.

Only structure changes: Roman-numeral sections become ``##`` headings, short
numbered lines that head the text below them become ``###``/``####``, dashes
become list items, hard line breaks become spaces, and a paragraph that a page
break cut in two is whole again. Every word and punctuation mark stays as it
is, typos included; a literal "1." is escaped so Markdown does not renumber it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import fold, squash_spaces
from .source import Source, ends_sentence, is_caps, opens_body, starts_lower, strip_emphasis

ROMAN_HEADING = re.compile(r"^(?P<num>[IVXL]+)\s*[.\-–]\s+(?P<text>\S.*)$")
NUMBERED = re.compile(r"^(?P<num>\d+(?:\.\d+)+\.?|\d+[.\-)])\s+\S")
_MARKER = re.compile(r"^(?:[-–+•●▪·\uf0b7\uf0a7]\s|\(\d+\)\s|\d+(?:\.\d+)+\.?\s|\d+[.\-)]\s|[IVXL]+\s*[.\-–]\s|[a-zđ]\)\s)")
_BULLET = re.compile(r"^[–•●▪·\uf0b7\uf0a7]\s+")  # bullet glyphs Markdown does not know (U+F0B7: Word's Symbol bullet)
_ESCAPE_NUMBER = re.compile(r"^(\d+)([.)\-])(\s)")
_ESCAPE_START = re.compile(r"^([#>]|[*+](?=\s))")
_SLOGAN = re.compile(r"^\d+[.\-)]\s+(?P<text>.+)$")
_HEADING_MAX_CHARS = 250
_WRAPPED_MIN = 60  # characters: a shorter line without a full stop is a heading or a list's line


@dataclass(frozen=True)
class Paragraph:
    text: str
    first: int  # source line indexes
    last: int


@dataclass(frozen=True)
class Body:
    markdown: str
    paragraphs: tuple[Paragraph, ...]
    slogans: tuple[str, ...] = ()
    slogan_lines: tuple[int, int] | None = None
    joins: tuple[tuple[int, int], ...] = ()  # (last line before, first line after) a rejoined page break


def paragraphs(src: Source, start: int, end: int) -> tuple[tuple[Paragraph, ...], tuple[tuple[int, int], ...]]:
    """Paragraphs of lines[start:end], page breaks mended; and where they were mended."""
    blocks: list[list[Paragraph]] = []
    current: list[Paragraph] = []
    per_line = src.origin == "text" and one_paragraph_per_line(src.lines[start:end])
    for i in range(start, end):
        line = src.lines[i].strip()
        if not line:
            if current:
                blocks.append(current)
                current = []
            continue
        if current and (not per_line or _cut_short(current[-1].text)) and not _starts_paragraph(line, current[-1].text):
            last = current[-1]
            current[-1] = Paragraph(f"{last.text} {line}", last.first, i)
        else:
            current.append(Paragraph(line, i, i))
    if current:
        blocks.append(current)

    out: list[Paragraph] = []
    joins: list[tuple[int, int]] = []
    for block in blocks:
        head, *rest = block
        if out and continues(out[-1].text, head.text):
            joins.append((out[-1].last, head.first))
            out[-1] = Paragraph(f"{out[-1].text} {head.text}", out[-1].first, head.last)
        else:
            out.append(head)
        out.extend(rest)
    return tuple(Paragraph(squash_spaces(p.text), p.first, p.last) for p in out), tuple(joins)


def one_paragraph_per_line(lines: tuple[str, ...]) -> bool:
    """True for text saved from Word or copied from a page: one paragraph a
    line, no empty line between ("I. MỤC ĐÍCH" / "1. Mục đích" / "Nâng cao …").
    A wrapped text (a PDF's lines, a hand-wrapped file) breaks lines inside
    sentences, so some line goes on in lowercase; here none does, and some
    line ends a sentence or a heading above a line that starts a new one."""
    split = False
    for before, line in zip(lines, lines[1:]):
        before, line = before.strip(), line.strip()
        if not before or not line or _MARKER.match(line):
            continue
        if starts_lower(line):
            return False
        split = split or ends_sentence(before) or is_caps(before) or bool(NUMBERED.match(before))
    return split


def _cut_short(text: str) -> bool:
    """In a text of one paragraph a line, a long line that ends mid-sentence
    ("… Kế hoạch số 12-KH/TU của") was wrapped all the same: the next line goes on."""
    return len(text) >= _WRAPPED_MIN and not ends_sentence(text) and not is_caps(text) and not NUMBERED.match(text)


def _starts_paragraph(line: str, before: str) -> bool:
    """Within a run of lines, a list or number marker starts a new paragraph..."""
    if not _MARKER.match(line):
        # "II. NỘI DUNG" / "Các cấp ủy …": a section heading never runs on into text.
        return is_roman_heading(before) and not is_caps(line)
    # ...except "- xã hội" carried over from "chính trị" on the line above.
    return not (line[0] in "-–" and starts_lower(line[1:]) and not ends_sentence(before))


def continues(before: str, after: str) -> bool:
    """True when an empty line between two paragraphs is a page break inside one sentence."""
    if _MARKER.match(after) or opens_body(after):
        return False
    if ends_sentence(before):
        # "…văn bản của cấp trên;" | "công tác tuyên truyền…": a clause goes on in lowercase on the next page
        return before.rstrip("* ").endswith((";", ",")) and starts_lower(after)
    if is_roman_heading(before) or is_caps(before):
        return False  # a heading or "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" above "Căn cứ …" stands alone
    if NUMBERED.match(before) or before.startswith("**") and before.endswith("**"):
        # "1. Đối tượng" above "Cấp ủy, …" is a heading; "1.1. … của các cấp" above "uy, …" is cut.
        return starts_lower(after)
    return True


def is_roman_heading(text: str) -> bool:
    m = ROMAN_HEADING.match(strip_emphasis(text))
    return bool(m) and is_caps(m["text"]) and len(text) <= _HEADING_MAX_CHARS


def _numbered_heading_depth(para: Paragraph, following: Paragraph | None) -> int:
    """Depth (1 for "1.", 2 for "1.1.") when the paragraph is a short numbered heading, else 0."""
    text = strip_emphasis(para.text)
    m = NUMBERED.match(text)
    if not m or following is None or ends_sentence(text) or len(text) > _HEADING_MAX_CHARS:
        return 0
    return m["num"].rstrip(".-)").count(".") + 1


def to_markdown(paragraph: str, following: Paragraph | None, para: Paragraph) -> str:
    if is_roman_heading(paragraph):
        return f"## {strip_emphasis(paragraph)}"
    depth = _numbered_heading_depth(para, following)
    if depth:
        return f"{'#' * min(depth + 2, 6)} {strip_emphasis(paragraph)}"
    if paragraph.startswith("- "):
        return paragraph
    paragraph = _BULLET.sub("- ", paragraph)
    if paragraph.startswith("- "):
        return paragraph
    paragraph = _ESCAPE_NUMBER.sub(r"\1\\\2\3", paragraph)
    return _ESCAPE_START.sub(r"\\\1", paragraph)


def slogans_of(paras: tuple[Paragraph, ...]) -> tuple[tuple[str, ...], tuple[int, int] | None]:
    """The numbered lines of a "KHẨU HIỆU …" section, without their numbers."""
    for k, para in enumerate(paras):
        if is_roman_heading(para.text) and "khau hieu" in fold(para.text):
            section = []
            for p in paras[k + 1 :]:
                if is_roman_heading(p.text):
                    break
                section.append(p)
            found = [(p, m["text"]) for p in section if (m := _SLOGAN.match(p.text))]
            if found:
                return tuple(text for _, text in found), (found[0][0].first, found[-1][0].last)
    return (), None


def convert_body(src: Source, start: int, end: int, preamble_end: int = 0,
                 kept: tuple[tuple[int, str], ...] = ()) -> Body:
    """The body is lines start..end, after the lines that stood above the header (0..preamble_end)
    and the header lines no field holds (``kept``)."""
    before, _ = paragraphs(src, 0, preamble_end)
    held = tuple(Paragraph(squash_spaces(text), i, i) for i, text in kept)
    paras, joins = paragraphs(src, start, end)
    paras = (*before, *held, *paras)
    blocks = [
        to_markdown(p.text, paras[k + 1] if k + 1 < len(paras) else None, p) for k, p in enumerate(paras)
    ]
    blocks.extend(f"[^{label}]: {text}" for label, text in src.footnotes)
    slogans, slogan_lines = slogans_of(paras)
    return Body(
        markdown="\n\n".join(blocks) + "\n" if blocks else "",
        paragraphs=paras,
        slogans=slogans,
        slogan_lines=slogan_lines,
        joins=joins,
    )
