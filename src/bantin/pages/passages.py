"""Where each citation sits in its directive's page: which mentions are
links, and the anchor a cited document's page links its excerpts to.

A number mentioned fourteen times in one document is a link once per
section (the first time each section names it) and plain text after, so the
page reads as text, not as a list of links. Every linked mention carries an
anchor (``dc-<n>``); an excerpt of a later, plain mention links to the
anchor of the linked one in its section, a few lines above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .. import paths
from ..links import Citation
from ..sentences import clean

# Markdown headings start sections; so does the top of the body.
_HEADING = re.compile(r"^#{1,6}[ \t]", re.M)


@dataclass(frozen=True)
class Passage:
    """One citation in the page: linked or plain, and its passage's anchor
    ("" where no link in its section has been placed yet)."""

    citation: Citation
    linked: bool
    anchor: str


@dataclass(frozen=True)
class Excerpt:
    """A citing sentence split around the mention, to mark the number."""

    before: str
    marked: str
    after: str
    anchor: str


def section_starts(body: str) -> list[int]:
    """Where each heading of ``body`` starts: the sections a link is made once in."""
    return [m.start() for m in _HEADING.finditer(body)]


def passages(body: str, citations: Iterable[Citation], starts: list[int] | None = None) -> list[Passage]:
    """Every citation of ``body`` in text order, with its link and anchor
    (``starts``: ``section_starts(body)``, if the caller keeps it)."""
    starts = section_starts(body) if starts is None else starts
    out: list[Passage] = []
    first: dict[tuple[int, str], str] = {}  # (section, target) -> anchor
    section, index = 0, 0
    for n, c in enumerate(sorted(citations, key=lambda c: c.mention.start)):
        while index < len(starts) and starts[index] <= c.mention.start:
            section, index = index + 1, index + 1
        key = (section, c.target)
        # Inside an editor's own link a citation takes no link of its own
        # (links do not nest); the section's next mention takes it.
        linked = c.mention.linkable and key not in first
        if linked:
            first[key] = paths.citation_anchor(n)
        out.append(Passage(c, linked, first.get(key, "")))
    return out


def excerpt(body: str, passage: Passage) -> Excerpt:
    """The sentence around a citation, with the number as written marked."""
    sentence = passage.citation.sentence
    m = passage.citation.mention
    spelled = clean(body[m.start:m.end])
    at = sentence.find(spelled)
    if at < 0:  # cut out of a long sentence: shown whole, nothing marked
        return Excerpt(sentence, "", "", passage.anchor)
    return Excerpt(sentence[:at], spelled, sentence[at + len(spelled):], passage.anchor)
