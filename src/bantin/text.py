"""Vietnamese text helpers: Unicode normalisation, accent folding, ASCII slugs.

Everything that compares or indexes Vietnamese text goes through here, so that
composed and decomposed input (NFC/NFD), and "khoá"/"khóa", behave the same.
"""

from __future__ import annotations

import re
import unicodedata

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
    decomposed = unicodedata.normalize("NFD", text.translate(_STROKED))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.lower()


def slugify(text: str, max_length: int = 0) -> str:
    """ASCII, lowercase, dash-separated slug; cut at a word boundary if long."""
    slug = _NON_SLUG.sub("-", fold(text)).strip("-")
    if max_length and len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]
    return slug


def squash_spaces(text: str) -> str:
    """Collapse runs of white space into single spaces and trim the ends."""
    return " ".join(text.split())
