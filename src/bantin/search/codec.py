"""Postings as compact text: delta- and varint-encoded, one alphabet that
JavaScript decodes as easily (``search.js`` has the same decoder)."""

from __future__ import annotations

from typing import Iterable

Posting = tuple[int, int]  # (document id, weight)


_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


_DIGIT_VALUE = {ch: i for i, ch in enumerate(_ALPHABET)}


def _varint(value: int) -> str:
    digits = [value & 31]
    value >>= 5
    while value:
        digits.append(32 | (value & 31))
        value >>= 5
    return "".join(_ALPHABET[d] for d in reversed(digits))


_VARINTS = [_varint(v) for v in range(1024)]


def encode(postings: Iterable[Posting]) -> str:
    """Postings as text: per document the gap to the previous id (minus one)
    and the weight, each a varint of 5-bit digits, 32 marking "more"."""
    out, previous, small = [], -1, _VARINTS
    for doc, weight in postings:
        gap = doc - previous - 1
        out.append(small[gap] if gap < 1024 else _varint(gap))
        out.append(small[weight] if weight < 1024 else _varint(weight))
        previous = doc
    return "".join(out)


def decode(text: str) -> list[Posting]:
    values, value = [], 0
    for ch in text:
        digit = _DIGIT_VALUE[ch]
        value = value * 32 + (digit & 31)
        if digit < 32:
            values.append(value)
            value = 0
    out, previous = [], -1
    for gap, weight in zip(values[::2], values[1::2]):
        previous += gap + 1
        out.append((previous, weight))
    return out
