"""Queries as readers type them: words, phrases, numbers, issuers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..text import nfc
from .analysis import CODES, KIND_WORDS, _DIGITS, _SEPARATORS, _SYMBOL, _WORD, _joins, word_keys





# --- queries -------------------------------------------------------------

@dataclass(frozen=True)
class Query:
    words: tuple[tuple[str, str], ...]  # (term, variant); variant "" when typed without marks
    numbers: tuple[str, ...]  # document numbers typed: required like words
    phrases: tuple[str, ...]  # adjacent words: rank only
    hints: tuple[str, ...]  # "nghị quyết 18" -> "18-nq": rank only

    @property
    def required(self) -> tuple[tuple[str, str], ...]:
        return self.words + tuple((n, "") for n in self.numbers)


def parse_query(text: str, issuers: Iterable[str] = ()) -> Query:
    """What a reader typed, as index terms.

    A number is a serial, a kind code and an issuer symbol, parted by any of
    space - / . _ ("18-NQ/TW", "18 NQ/TW", "18-nq-tw", "18/NQ-TW"); the issuer
    may be parted by a space only when it is a symbol the index knows
    (``issuers``), so "18-NQ nghị quyết" keeps its words. Without an issuer
    it is "18-nq", every 18-NQ. A kind name before a serial ("nghị quyết 18")
    adds "18-nq" as a hint that ranks that document and its citers first; so
    does a code before it ("NQ 18").
    """
    text = nfc(text)
    matches = list(_WORD.finditer(text))
    toks = []  # (term, variant, gap before)
    end = 0
    for m in matches:
        term, var = word_keys(m.group())
        toks.append((term, var, text[end:m.start()] if toks else ""))
        end = m.end()
    known = set(issuers)

    def separated(i: int) -> bool:
        return all(ch in _SEPARATORS for ch in toks[i][2])

    words: dict[str, str] = {}
    numbers: list[str] = []
    phrases: list[str] = []
    hints: list[str] = []
    previous: str | None = None  # the word before, while words stay adjacent
    i = 0
    while i < len(toks):
        term, var, gap = toks[i]
        nxt = i + 1
        if _DIGITS.fullmatch(term) and nxt < len(toks) and toks[nxt][0] in CODES and separated(nxt):
            number = f"{int(term)}-{toks[nxt][0]}"
            j = nxt + 1
            if j < len(toks) and _SYMBOL.fullmatch(toks[j][0]) and (toks[j][2] in ("/", "-") or toks[j][0] in known):
                symbol = toks[j][0]
                j += 1
                while j < len(toks) and toks[j][2] == "-" and _SYMBOL.fullmatch(toks[j][0]):
                    symbol += toks[j][0]  # joint issuers: "BTCTW-BTGTW"
                    j += 1
                number += "/" + symbol
            numbers.append(number)
            previous = None
            i = j
            continue
        if term in CODES and nxt < len(toks) and _DIGITS.fullmatch(toks[nxt][0]) and separated(nxt):
            hints.append(f"{int(toks[nxt][0])}-{term}")  # the code typed first: "HD 36", "CV-229"
        for kind, code in KIND_WORDS:
            k = i + len(kind)
            if tuple(t[0] for t in toks[i:k]) == kind:
                k += 1 if k < len(toks) and toks[k][0] == "so" else 0
                if k < len(toks) and _DIGITS.fullmatch(toks[k][0]) and not (
                        k + 1 < len(toks) and toks[k + 1][0] in CODES and separated(k + 1)):
                    hints.append(f"{int(toks[k][0])}-{code}")
                break
        words.setdefault(term, var)
        if previous is not None and _joins(gap):
            phrases.append(f"{previous} {term}")
        previous = term
        i = nxt
    return Query(tuple(words.items()), tuple(dict.fromkeys(numbers)),
                 tuple(dict.fromkeys(phrases)), tuple(dict.fromkeys(hints)))


