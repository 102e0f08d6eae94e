"""What the text states outside the header: the issuer of a headerless document, and its level.

Only a statement counts: "…, Ban Tuyên giáo Tỉnh ủy hướng dẫn tuyên truyền như
sau:" names the issuer; a document that is merely about an organ does not.
Every value found this way is returned with the sentence it comes from, so the
front matter can say so in ``inferred``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import fold
from .body import Paragraph, is_roman_heading, NUMBERED
from .source import Source

_ORGAN = r"(?:ban|dang uy|dang bo|chi bo|chi uy|huyen uy|quan uy|thi uy|thanh uy|tinh uy|van phong|uy ban|thuong truc)"
_VERB = r"(?:ban hanh|huong dan|xay dung|de nghi|thong bao|yeu cau|chi dao)"
# An organ's name never holds these: "Ban Bí thư về triển khai" is a clause, not a name.
_NOT_IN_NAME = frozenset({"ve", "cua", "theo", "voi", "trong", "tai", "cho", "tu", "den", "nham", "de", "la", "da", "se", "duoc"})
# On folded text (lowercase, no accents), which keeps every character's offset.
_STATEMENT = re.compile(rf"(?:^|[,;]\s+)(?P<org>{_ORGAN}\b[^,;:.!?“”\"]*?)\s+(?P<verb>{_VERB})\b[^.:;!?]*[.:;!?]?")
_COMMITTEE = re.compile(r"^(?P<organ>.+?)\s+(?P<committee>(?:tinh|thanh|huyen|quan|thi) uy)$")
# Cities run directly by the centre: their Thành ủy is at province level.
_CENTRAL_CITIES = ("ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue")


@dataclass(frozen=True)
class Inferred:
    value: str
    where: str  # "dòng 11"
    quote: str  # the words that state it, verbatim

    def note(self) -> str:
        return f"{self.where}: “{self.quote}”"


def infer_issuer(src: Source, paras: tuple[Paragraph, ...]) -> tuple[Inferred | None, Inferred | None]:
    """(issuer, parent) stated in the opening paragraphs, before the first heading."""
    for para in paras:
        if is_roman_heading(para.text) or NUMBERED.match(para.text):
            break
        text = para.text
        folded = fold(text)
        if len(folded) != len(text):  # offsets would not line up; say nothing rather than guess
            continue
        for m in _STATEMENT.finditer(folded):
            org = text[m.start("org") : m.end("org")]
            verb = text[m.start("verb") : m.end("verb")]
            if not org[0].isupper() or not verb.islower() or _holds_clause(org):
                continue
            quote = text[m.start("org") : m.end()].strip()
            where = src.where(_line_of(src, para, m.start("org")))
            return _split_committee(src, Inferred(org, where, quote))
    return None, None


def _holds_clause(org: str) -> bool:
    # Only lowercase words: "Từ" in "Nam Từ Liêm" is a name, "từ" is a preposition.
    return any(fold(word) in _NOT_IN_NAME for word in org.split() if word.islower())


def _line_of(src: Source, para: Paragraph, offset: int) -> int:
    """Source line of a character offset into a paragraph joined from its lines with spaces."""
    seen = 0
    for i in range(para.first, para.last + 1):
        if not src.lines[i]:
            continue
        seen += len(src.lines[i].strip()) + 1
        if offset < seen:
            return i
    return para.last


def _split_committee(src: Source, issuer: Inferred) -> tuple[Inferred, Inferred | None]:
    """"Ban Tuyên giáo Tỉnh ủy" is "Ban Tuyên giáo" under the one Tỉnh ủy the text names, if it names one."""
    m = _COMMITTEE.match(fold(issuer.value))
    if m is None:
        return issuer, None
    pattern = re.compile(rf"\b{m['committee']}\s+((?:[^\W\d_]+\s?)+)")
    named: dict[str, tuple[int, str]] = {}
    for i, line in enumerate(src.lines):
        folded = fold(line)
        if len(folded) != len(line):
            continue
        for hit in pattern.finditer(folded):
            words = []
            for w in line[hit.start(1) : hit.end(1)].split():
                if not w[0].isupper():
                    break
                words.append(w)
            if words:
                named.setdefault(fold(" ".join(words)), (i, line[hit.start() : hit.start(1)] + " ".join(words)))
    if len(named) != 1:
        return issuer, None
    ((i, name),) = named.values()
    first, quote = _item_around(src, i)
    parent = Inferred(name, src.where(first, i), quote)
    organ = issuer.value[: m.end("organ")]
    return Inferred(organ, issuer.where, issuer.quote), parent


def _item_around(src: Source, i: int) -> tuple[int, str]:
    """The list item a line ends: "Đ/c …, theo dõi công tác tuyên giáo Tỉnh ủy Cao Bằng", and its first line."""
    first = i
    while first > 0 and src.lines[first - 1] and not src.lines[first].lstrip().startswith("-"):
        first -= 1
    text = " ".join(src.lines[j].strip() for j in range(first, i + 1))
    return first, text.lstrip("- ").rstrip(" ,;.")


def level_of(issuer: str | None, parent: str | None) -> tuple[str | None, str | None]:
    """(level, the name that shows it): the issuer's own name first, then its parent's."""
    for name in (issuer, parent):
        if not name:
            continue
        f = fold(name)
        if re.search(r"\b(huyen|quan|thi) uy\b", f) or re.search(r"\bdang bo (huyen|quan|thi xa)\b", f):
            return "huyen", name
        if re.search(r"\bdang uy (xa|phuong|thi tran)\b", f) or f.startswith("chi bo"):
            return "co-so", name
        if "tinh uy" in f or "dang bo tinh" in f or re.search(r"\bthanh uy (tp\.? ?)?(" + "|".join(_CENTRAL_CITIES) + r")\b", f):
            return "tinh", name
        if "dang uy khoi" in f and re.search(r"\btinh\b", f):
            return "tinh", name
        if re.search(r"\b(trung uong|bo chinh tri|ban bi thu)\b", f):
            return "trung-uong", name
    return None, None
