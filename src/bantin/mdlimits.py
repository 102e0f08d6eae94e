"""Markdown that would cost Python-Markdown far more than its length.

Python-Markdown is fast on text people write, but some short inputs make it
slow or make it crash, as measured in ``tests/test_hostile_markdown.py``:

- every ``[`` (and ``![``, ``[^``, ``](``) is matched by scanning forward to
  its closing bracket, or to the end of the paragraph when there is none, in
  Python: 8,000 ``[`` in a row take 9 s, a 1 MB paragraph of them days;
- runs of two or more backticks of different lengths are scanned the same
  way by a backtracking regex;
- lists, block quotes and emphasis nest by recursion: 400 indented list
  levels or 1,000 nested ``*`` raise RecursionError;
- the footnotes extension looks each reference up in a list: 20,000
  footnotes take 18 s, growing with the square;
- inline elements of one paragraph cost more than their number: 110,000
  ``**a**`` take 12 s in one paragraph, 3 s in a hundred;
- "1. 1. 1. …" opens one list inside another on a single line: a thousand
  of them raise RecursionError.

Each is measured here in one pass over the body, and a body over a limit is
refused with the line to fix, before Markdown sees it. The limits sit far
above anything a directive needs and far below what costs a second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_INDENT = 40  # columns of leading space (a tab counts 4): ten nested lists
MAX_QUOTE_DEPTH = 10  # '>' at the start of one line
MAX_LINE_MARKERS = 20  # list markers opening one line, "- 1. - a"
MAX_INLINE_RUNS = 5000  # runs of * _ ` and links "](" in one paragraph
MAX_EMPHASIS_DEPTH = 50  # '*' or '_' opened and not yet closed in one paragraph
# Characters Python-Markdown scans to match brackets, per character of body,
# plus a fixed allowance: a body's own links cost about their length.
BRACKET_COST_PER_CHAR = 2
BRACKET_COST_BASE = 100_000
MAX_FOOTNOTES = 1000  # references [^n]: 1,000 take 0.1 s
# Runs of two or more backticks times the paragraph's length, summed.
BACKTICK_COST = 50_000_000

_BRACKET = re.compile(r"\\.|\]\(|[\[\]]", re.S)
_TICKS = re.compile(r"``+")
_EMPHASIS = re.compile(r"[*_]+")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\[\s]+\](?!:)")  # a reference, not a definition
_QUOTE = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")
_MARKERS = re.compile(r"(?:[ \t]*(?:>|[*+-]|\d{1,9}[.)])(?=[ \t]))+")
_RULE = re.compile(r"[ \t]*([-*_])(?:[ \t]*\1)*[ \t]*$")
_INLINE_RUN = re.compile(r"[*_`]+|\]\(")  # what makes elements; "[x]" alone, "<", "&" are cheap


@dataclass(frozen=True)
class Hazard:
    line: int
    message: str


def hazards(body: str, first_line: int = 1) -> list[Hazard]:
    """What in ``body`` (whose first line is ``first_line``) is over a limit; at most one of each kind."""
    found: dict[str, Hazard] = {}
    bracket_cost = backtick_cost = 0
    worst_brackets = worst_ticks = (0, first_line)
    crowded: list[Hazard] = []
    for start, lines in _paragraphs(body):
        line = first_line + start
        for offset, text in enumerate(lines):
            _line_limits(text, line + offset, found)
        paragraph = "\n".join(lines)
        if "[" in paragraph:
            cost = _bracket_cost(paragraph)
            bracket_cost += cost
            worst_brackets = max(worst_brackets, (cost, line))
        if "``" in paragraph:
            cost = sum(1 for _ in _TICKS.finditer(paragraph)) * len(paragraph)
            backtick_cost += cost
            worst_ticks = max(worst_ticks, (cost, line))
        if len(paragraph) > MAX_INLINE_RUNS:
            runs = sum(1 for _ in _INLINE_RUN.finditer(paragraph))
            if runs > MAX_INLINE_RUNS:
                crowded.append(Hazard(line, f"đoạn văn có {runs} chỗ định dạng (tối đa {MAX_INLINE_RUNS} một "
                                            "đoạn): hãy tách thành nhiều đoạn, cách nhau một dòng trống"))
        if "emphasis" not in found and ("*" in paragraph or "_" in paragraph):
            depth = _emphasis_depth(paragraph)
            if depth > MAX_EMPHASIS_DEPTH:
                found["emphasis"] = Hazard(line, f"đoạn văn có {depth} dấu '*' hoặc '_' mở lồng nhau (tối đa "
                                                 f"{MAX_EMPHASIS_DEPTH}): hãy đóng bớt; dấu sao thật viết là \\*")
    footnotes = [m.start() for m in _FOOTNOTE_REF.finditer(body)] if "[^" in body else []
    if len(footnotes) > MAX_FOOTNOTES:
        line = first_line + body.count("\n", 0, footnotes[MAX_FOOTNOTES])
        found["footnotes"] = Hazard(line, f"có {len(footnotes)} chỗ dẫn chú thích [^…] (tối đa {MAX_FOOTNOTES} "
                                          f"một văn bản; chỗ thứ {MAX_FOOTNOTES + 1} ở dòng này): hãy tách văn bản, "
                                          "hoặc bớt chú thích")
    if bracket_cost > BRACKET_COST_BASE + BRACKET_COST_PER_CHAR * len(body):
        found["brackets"] = Hazard(worst_brackets[1], "đoạn văn có quá nhiều dấu '[' hoặc '(' chưa đóng hay lồng "
                                                      "nhau, trang sẽ dựng rất lâu: hãy đóng ngoặc; dấu ngoặc "
                                                      "thật viết là \\[")
    if backtick_cost > BACKTICK_COST:
        found["backticks"] = Hazard(worst_ticks[1], "đoạn văn có quá nhiều cụm dấu ` liền nhau, trang sẽ dựng "
                                                    "rất lâu: hãy bớt; dấu ` thật viết là \\`")
    # A crowded paragraph already named for its brackets or emphasis needs no second line.
    named = {h.line for h in found.values()}
    crowd = next((h for h in crowded if h.line not in named), None)
    return sorted([*found.values(), *([crowd] if crowd else [])], key=lambda h: h.line)


def _paragraphs(body: str) -> list[tuple[int, list[str]]]:
    """(0-based first line, lines) of each run of non-blank lines."""
    out: list[tuple[int, list[str]]] = []
    current: list[str] = []
    for number, text in enumerate(body.split("\n")):
        if text.strip():
            if not current:
                out.append((number, current))
            current.append(text)
        elif current:
            current = []
    return out


def _line_limits(text: str, line: int, found: dict[str, Hazard]) -> None:
    if "indent" not in found and text[:1] in (" ", "\t"):
        indent = len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip(" "))
        if indent > MAX_INDENT:
            found["indent"] = Hazard(line, f"dòng thụt vào {indent} cột (tối đa {MAX_INDENT}): danh sách lồng "
                                           "quá sâu; hãy bớt thụt lề")
    markers = _MARKERS.match(text) if "markers" not in found else None
    if markers is not None and not _RULE.match(text):  # "- - - -" alone is a rule, not lists
        count = len(markers.group().split())
        if count > MAX_LINE_MARKERS and count > markers.group().count(">"):
            found["markers"] = Hazard(line, f"dòng mở đầu bằng {count} dấu danh sách lồng nhau (tối đa "
                                            f"{MAX_LINE_MARKERS}): hãy bớt các dấu '-', '*', '1.' ở đầu dòng")
    quote = _QUOTE.match(text) if "quote" not in found and ">" in text[:4] else None
    if quote is not None:
        depth = quote.group().count(">")
        if depth > MAX_QUOTE_DEPTH:
            found["quote"] = Hazard(line, f"trích dẫn lồng {depth} tầng (tối đa {MAX_QUOTE_DEPTH} dấu '>' "
                                          "đầu dòng): hãy bớt dấu '>'")


def _bracket_cost(paragraph: str) -> int:
    """How far Python-Markdown scans for closing brackets and parentheses."""
    cost = 0
    opened: list[int] = []
    close = -1  # the next ')' at or after the last "](", found once for all that share it
    for found in _BRACKET.finditer(paragraph):
        token, at = found.group(), found.start()
        if token == "[":
            opened.append(at)
        elif token == "]" or token == "](":
            if not opened:  # a ']' closing nothing starts nothing
                continue
            cost += at - opened.pop()
            if token == "](":  # a link's destination is scanned to its ')', or to the end
                if close < at and close != len(paragraph):
                    close = paragraph.find(")", at)
                    close = len(paragraph) if close < 0 else close
                cost += close - at
    end = len(paragraph)
    return cost + sum(end - at for at in opened)


def _emphasis_depth(paragraph: str) -> int:
    """The most '*'/'_' that open before any closes: what Markdown nests by recursion."""
    depth = deepest = 0
    end = len(paragraph)
    for found in _EMPHASIS.finditer(paragraph):
        start, stop = found.span()
        before = paragraph[start - 1] if start else " "
        after = paragraph[stop] if stop < end else " "
        opens, closes = not after.isspace(), not before.isspace()
        if opens and not closes:
            depth += stop - start
            deepest = max(deepest, depth)
        elif closes and not opens:
            depth = max(0, depth - (stop - start))
    return deepest
