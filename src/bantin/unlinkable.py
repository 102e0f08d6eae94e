"""The places of a Markdown text where a cited number cannot become a link.

A citation link is written into the body as Markdown (``[Kế hoạch số
12-KH/TU](…)``). Inside a code span it would show as that source text;
inside an image's alt text or title, or a URL, it would break them. ``mask``
turns these places into spaces, offsets kept, before numbers are looked for.
An editor's own link text (``[Kế hoạch số 12-KH/TU](https://…)``) still
cites the document, but a link cannot nest in it: ``mask`` gives its spans.

Every scan here is linear in the text: bodies are hostile input too
(``mdlimits``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# "[text](url "title")", "![alt](src)", "[text][ref]": the brackets' content has
# no bracket and no line break, so each "[" is scanned at most to the next bracket.
_LINK = re.compile(r"(?P<image>!)?\[(?P<text>[^\[\]\n]*)\](?P<target>\([^()\n]*\)|\[[^\[\]\n]*\])")
_FOOTNOTE_REF = re.compile(r"\[\^")
_URL = re.compile(r"<?(?:https?://|www\.)[^\s<>()]+")
_NOT_NEWLINE = re.compile(r"[^\n]")
_LEADS = ("`", "](", "][", "://", "www.")


@dataclass(frozen=True)
class Masked:
    text: str  # the text with code, images, link targets and URLs as spaces
    link_texts: tuple[tuple[int, int], ...] = ()  # (start, end) of each link's text

    def in_link(self, start: int, end: int) -> bool:
        at = bisect.bisect_right(self.link_texts, (start, len(self.text) + 1)) - 1
        return at >= 0 and self.link_texts[at][0] <= start and end <= self.link_texts[at][1]


def mask(text: str) -> Masked:
    """``text`` with code spans, images, link targets and URLs turned into
    spaces (line breaks kept, so line numbers stay), and where link texts are."""
    if not any(lead in text for lead in _LEADS):
        return Masked(text)
    spans = [*_code_spans(text)]
    texts = []
    for m in _LINK.finditer(text):
        if _FOOTNOTE_REF.match(text, m.start()):
            continue
        if m["image"]:
            spans.append(m.span())
        else:
            spans.append((m.start("target") + 1, m.end("target") - 1))  # brackets kept: "](…)" still ends a link
            texts.append(m.span("text"))
    spans += (m.span() for m in _URL.finditer(text))
    if not spans:
        return Masked(text, tuple(texts))
    out, pos = [], 0
    for start, end in sorted(spans):
        start = max(start, pos)  # a URL inside a code span: spans may overlap
        if start < end:
            out += (text[pos:start], _NOT_NEWLINE.sub(" ", text[start:end]))
            pos = end
    out.append(text[pos:])
    return Masked("".join(out), tuple(texts))


def _code_spans(text: str):
    """Code spans as Python-Markdown pairs them: a run of backticks closes at
    the next run of the same length in the same paragraph (an escaped run
    opens nothing). Runs are indexed by length, so pairing is one binary
    search per run."""
    runs = [m.span() for m in _BACKTICKS.finditer(text) if not _escaped(text, m.start())]
    breaks = [m.start() for m in _BLANK_LINE.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for k, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(k)
    k = 0
    while k < len(runs):
        start, end = runs[k]
        same = by_length[end - start]
        at = bisect.bisect_right(same, k)
        close = same[at] if at < len(same) else None
        if close is not None and bisect.bisect_left(breaks, end) == bisect.bisect_left(breaks, runs[close][0]):
            yield start, runs[close][1]
            k = close + 1
        else:
            k += 1


def _escaped(text: str, at: int) -> bool:
    slashes = len(text[max(0, at - 8):at]) - len(text[max(0, at - 8):at].rstrip("\\"))
    return slashes % 2 == 1
