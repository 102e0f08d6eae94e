"""Word analysis: folded terms, tone variants, phrases and document numbers."""

from __future__ import annotations

import re
import unicodedata

from .. import refs
from ..numbers import STATE
from ..records import KINDS
from ..text import fold


_WORD = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"[0-9]{1,5}")
_SYMBOL = re.compile(r"[a-z][a-z0-9]*")
# Typographic dashes (U+2010–2015, U+2212) part a pasted number as the hyphen does.
_SEPARATORS = frozenset(" \t\n\r\u00a0-/._\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
# Tone marks; the other marks (ă â ê ô ơ ư) stay part of the letter.
_TONE_DIGIT = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}


# --- words ---------------------------------------------------------------

def variant(word: str) -> str:
    """Tone-placement-independent accented key of a lowercase word, or ""
    when the word carries no marks at all: "khoá" and "khóa" -> "khoa1",
    "đảng" -> "đang3", "đang" -> "đang", "dang" -> ""."""
    if word == fold(word):
        return ""
    tone, kept = "", []
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONE_DIGIT:
            tone = _TONE_DIGIT[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)) + tone


_KEYS: dict[str, tuple[str, str]] = {}


def word_keys(word: str) -> tuple[str, str]:
    """(folded term, variant) of a word as written; cached, syllables repeat."""
    keys = _KEYS.get(word)
    if keys is None:
        lower = word.lower()
        keys = (fold(lower), variant(lower))
        if len(_KEYS) < 500_000:
            _KEYS[word] = keys
    return keys


_JOINING = re.compile(r"[^\S\n]*\n?[^\S\n]*|[-/]")


def _joins(gap: str) -> bool:
    """Two words form a phrase when only white space (at most one line
    break: a blank line ends a paragraph), or one - or /, part them."""
    return _JOINING.fullmatch(gap) is not None


# --- document numbers ----------------------------------------------------

def _symbol(issuer: str) -> str:
    return "".join(_WORD.findall(fold(issuer)))


def number_terms(number: refs.DocNumber) -> tuple[str, str]:
    """("18-nq/tw", "18-nq"): the full number and its serial and kind, as
    indexed for every spelling ("18-NQ/TW", "018-nq/tw"). A State number
    gives ("30/2020/nd-cp", "30-nd")."""
    partial = f"{int(number.serial)}-{fold(number.code or '')}"
    if number.style == STATE:
        year = f"{number.year}/" if number.year else ""
        symbol = "-".join(_symbol(p) for p in (number.code, number.issuer) if p)
        return f"{int(number.serial)}/{year}{symbol}", partial
    return f"{partial}/{_symbol(number.issuer or '')}", partial


CODES: tuple[str, ...] = tuple(sorted({fold(k.code) for k in KINDS}))
# Kind names as query words, longest first: "nghi quyet" -> "nq".
KIND_WORDS: tuple[tuple[tuple[str, ...], str], ...] = tuple(sorted(
    ((tuple(fold(k.name).split()), fold(k.code)) for k in KINDS), key=lambda kw: (-len(kw[0]), kw)))


