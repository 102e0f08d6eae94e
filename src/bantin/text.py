"""Vietnamese text helpers: Unicode normalisation, accent folding, ASCII slugs,
and ``finditer_near`` for patterns too slow to run over whole texts.

Everything that compares or indexes Vietnamese text goes through here, so that
composed and decomposed input (NFC/NFD), and "khoá"/"khóa", behave the same.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable, Iterator

# Đ/đ carry no combining mark, so NFD does not strip them: map them by hand.
_STROKED = str.maketrans({"Đ": "D", "đ": "d"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    """Return ``text`` in composed form (NFC), the form content is stored in."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lowercase ``text`` and drop every Vietnamese diacritic (đ becomes d).

    Old and new tone placement ("hoà"/"hòa", "khoá"/"khóa") fold to the same
    string, which is what matching and search need.
    """
    if text.isascii():  # most document codes and symbols: nothing to strip
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text.translate(_STROKED))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.lower()


@functools.lru_cache(maxsize=8192)  # the same issuers, kinds and years, thousands of times a build
def slugify(text: str, max_length: int = 0) -> str:
    """ASCII, lowercase, dash-separated slug; cut at a word boundary if long."""
    slug = _NON_SLUG.sub("-", fold(text)).strip("-")
    if max_length and len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]
    return slug


# C0 and C1 control characters other than tab and line ends: invisible in an
# editor, invalid in HTML and XML feeds. C1 ones (U+0080–U+009F) are what
# Windows-1252 quotes become when a file was decoded with the wrong table.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# The same characters in UTF-8: C0 ones as themselves (mapped to NUL here), C1
# ones after the lead byte 0xC2. Looking at the bytes first is 3x faster than
# searching the text, and every content file is looked at on every build.
_C0_AS_NUL = bytes(0 if b < 0x80 and _CONTROL.match(chr(b)) else b for b in range(256))
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")


def may_have_control(data: bytes) -> bool:
    """False when the UTF-8 ``data`` has no character ``find_control`` finds."""
    return b"\0" in data.translate(_C0_AS_NUL) or _C1_UTF8.search(data) is not None


def find_control(text: str) -> tuple[int, int, str] | None:
    """(1-based line, 1-based column, "U+0007") of the first control character, if any."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    start = found.start()
    return text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start), f"U+{ord(found.group()):04X}"


def squash_spaces(text: str) -> str:
    """Collapse runs of white space into single spaces and trim the ends."""
    return " ".join(text.split())


def finditer_near(
    pattern: re.Pattern[str], text: str, anchors: Iterable[tuple[int, int]], gaps: int
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, trying ``pattern`` only just
    before each anchor: (start, end) spans in text order.

    ``finditer`` tries a pattern at every position, and a pattern that starts
    with a lookbehind or a case-insensitive word gives the engine nothing to
    skip ahead with: over a whole corpus that costs many times more than
    finding anchors with a regex that starts with a character or a class.
    The matches are the same when each of them holds a "key" anchor such that:

    - the match starts at most ``gaps`` runs of white space, and at most
      ``MAX_REACH`` other characters, before its key (without the second
      bound, a long run without spaces full of anchors, "12-KH/X12-KH/X…",
      made each anchor look back over the whole run: minutes for 1 MB);
    - the pattern also matches there in ``text[:key end]`` (the key's end
      covers every character the match looks at up to the key);
    - no other anchor starts inside the match before its key.
    """
    pos = 0
    for anchor_start, anchor_end in anchors:
        low = max(pos, runs_back(text, anchor_start, gaps))
        while low <= anchor_start:
            cut = pattern.search(text, low, anchor_end)
            if cut is None or cut.start() > anchor_start:
                break
            match = pattern.match(text, cut.start())  # lookaheads may look past the anchor
            if match:
                yield match
                pos = low = match.end()
            else:
                low = cut.start() + 1


MAX_REACH = 200  # characters other than white space a match may hold before its key


def runs_back(text: str, position: int, runs: int) -> int:
    """A position that has more than ``runs`` runs of white space, or more
    than ``MAX_REACH`` other characters, between it and ``position``; or 0."""
    width = 64
    while True:
        low = max(0, position - width)
        words = text[low:position].split()
        if low == 0 or len(words) > runs + 1 or sum(map(len, words)) > MAX_REACH:
            return low
        width *= 2
