"""The places a text cites a document number, and the document's own number.

Texts cite numbers in many shapes: "Nghị quyết số 18-NQ/TW, ngày 25/10/2017",
"Kết luận 127 -KL/TW", "Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm
2020 của Chính phủ", "các Nghị quyết số 18-NQ/TW, 19-NQ/TW và 20-NQ/TW",
"Chỉ thị số 35 ngày 30/5/2019". Every serial of digits is a candidate
(``numbers.NUMBER_CORE``, which sre finds fast because it starts with a
digit); what comes before it (a kind word, "số") and after it (a date, or an
issuer clause and a date) is read around that candidate, on the text's
shadow so that a misplaced tone mark does not hide a citation.

All functions take a text in NFC (``text.nfc``); offsets are into that text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .numbers import (
    BARE,
    KIND_CODES,
    NUMBER_CORE,
    DocNumber,
    glued_before,
    number_from,
    parse_number,
    shadow,
)
from .sentences import paragraphs
from .text import runs_back

__all__ = ["DocNumber", "Mention", "find_mentions", "own_number", "parse_number", "IMPLEMENTS", "BASIS"]

IMPLEMENTS = "implements"  # "Thực hiện …", "Triển khai …"
BASIS = "basis"  # "Căn cứ …"

_HS = r"[^\S\n]"
_GAP = rf"{_HS}*+\n?{_HS}*+"  # white space with at most one line break; possessive: no backtracking
_MARKS = r"[*_]{0,3}"
# Kind words on the shadow, longest first so "thong bao ket luan" wins.
_KINDS = "|".join(
    rf"{_HS}+".join(map(re.escape, name.split())) for name in sorted(KIND_CODES, key=len, reverse=True)
)
_QUALIFIER = rf"lien{_HS}+tich|phoi{_HS}+hop|hanh{_HS}+dong|ket{_HS}+luan"
# What may stand right before a serial: a kind word (with "số" or not), or
# "số" alone; matched so that it ends where the serial starts.
_LEAD = re.compile(
    rf"""
    (?:
        (?<![a-z])(?P<kind>(?:{_KINDS})(?:{_HS}+(?:{_QUALIFIER}))?)
        {_MARKS}{_GAP}(?:(?P<so>so){_HS}*:?{_MARKS}{_GAP})?
      | (?<![a-z])(?P<so_only>so){_HS}*:?{_HS}*{_MARKS}
    )\Z
    """,
    re.VERBOSE,
)
_LEAD_GAPS = 6
# Bare serials that are years, not documents ("Kế hoạch 2025"), unless "số" says so.
_YEARLIKE = range(1945, 2101)

_DATE = rf"""
    (?:
        (?P<d>\d{{1,2}}){_HS}?(?P<sep>[/.\-]){_HS}?(?P<m>\d{{1,2}}){_HS}?(?P=sep){_HS}?(?P<y>\d{{4}})
      | (?P<ld>\d{{1,2}}){_GAP}thang{_GAP}(?P<lm>\d{{1,2}}){_GAP}nam{_GAP}(?P<ly>\d{{4}})
    )(?!\d)
"""
# A date that belongs to the number: right after it ("18-NQ/TW, ngày
# 25/10/2017", "(ngày 3/9/2025)"), or after a short "của <issuer>" clause
# ("… của Ban Chấp hành Trung ương Đảng khóa XII ngày 25/10/2017"). A clause
# that turns to the subject ("về …", a quote) or holds a digit ends the search:
# a date there is the meeting's, not the document's.
_CLAUSE_WORD = rf"(?!(?:ve|ngay|tai|theo|nham|de|voi|trong|ban{_HS}+hanh)\b)[a-z()]++,?"
_DATE_AFTER = re.compile(
    rf"""
    {_MARKS}{_HS}*
    (?:
        ,?{_GAP}\(?{_HS}*(?:(?:ban{_HS}+hanh{_HS}+)?ngay{_HS}*:?{_GAP})?
      | ,?{_GAP}cua(?:(?=\s){_GAP}{_CLAUSE_WORD}){{1,20}}{_GAP}(?:ban{_HS}+hanh{_HS}+)?ngay{_HS}*:?{_GAP}
    )
    {_MARKS}{_DATE}
    """,
    re.VERBOSE,
)
# Between two numbers of one list: ", ", " và ", ", số ".
_LIST_GAP = re.compile(rf"{_MARKS}{_HS}*(?:,|;)?{_GAP}(?:va{_GAP}|cac{_GAP})?(?:so{_HS}*)?{_MARKS}\Z")

# The own number in a header: a line that starts with "Số" and the number.
_OWN_LINE = re.compile(rf"[\s*_#>|]*so(?:{_HS}+hieu)?{_HS}*:?{_HS}*{_MARKS}")
_BODY_START = re.compile(r"[\s*_#>]*(?:thuc hien|can cu|kinh gui|trien khai)\b")
_HEADER_LINES = 60

# Headings and numbered sections end a directive's opening clauses.
_HEADING = re.compile(
    r"""[\s*_]*(?:
        \#{1,6}\s
      | [IVXLC]+[^\S\n]*[.\-–)]\s
      | \d+(?:\.\d+)*\\?[.\-–)]\s
      | \(\d+\)\s
    )""",
    re.VERBOSE,
)
_OPENING = re.compile(r"[\s*_>]*(?P<word>thuc hien|trien khai|can cu)\b")
# Inside an opening clause, where the object gives way to its subject.
# The opening sentence ends at a full stop or colon before white space.
_CLAUSE_END = re.compile(r"[.:](?=\s)")
_SUBJECT = re.compile(r"\bve\b|[“\"«]|\(sau day|\b(?:thuc hien|trien khai|quan triet|tong ket|nham)\b")


@dataclass(frozen=True)
class Mention:
    """One place a text cites a document number."""

    number: DocNumber
    kind_word: str | None  # "Nghị quyết" as written, None when the number stands alone
    date: dt.date | None  # the date the text gives this number, if any
    start: int  # from the kind word, or the number when there is none ...
    end: int  # ... to the end of the number (the date is not included)
    relation: str | None = None  # IMPLEMENTS or BASIS in the opening clauses
    after: int = -1  # end of the date when there is one, else ``end``

    @property
    def implements(self) -> bool:
        return self.relation == IMPLEMENTS


def _date(match: re.Match[str]) -> dt.date | None:
    parts = (match["y"], match["m"], match["d"]) if match["y"] else (match["ly"], match["lm"], match["ld"])
    try:
        return dt.date(*(int(p) for p in parts))
    except ValueError:  # 31/02/2024 is a typo, not a date
        return None


def _lead(shadow_text: str, start: int) -> re.Match[str] | None:
    """What stands before a serial; a lead holds at most six runs of white
    space (three in the kind word and its qualifier, three around "số")."""
    return _LEAD.search(shadow_text, runs_back(shadow_text, start, _LEAD_GAPS), start)


def _candidates(text: str, shade: str):
    """(start, end, number, lead) of every serial that is a number."""
    numbered = set()
    for core in NUMBER_CORE.finditer(shade):
        start = core.start()
        if glued_before(shade, start) and not _so_glued(shade, start):
            continue
        lead = _lead(shade, start)
        number = number_from(text, core, short_ok=lead is not None)
        if number is not None:
            numbered.add(start)
            yield start, core.end(), number, lead
    for bare in _BARE.finditer(shade):
        if bare.start() in numbered:  # "số 12 HD/BTGTW": the serial of a number
            continue
        lead = _lead(shade, bare.start())
        if lead is None or not lead["kind"]:
            continue
        serial = text[bare.start():bare.end()]
        if int(serial) in _YEARLIKE and not lead["so"]:
            continue
        code = KIND_CODES[_kind_key(lead["kind"])]
        yield bare.start(), bare.end(), DocNumber(serial, code, None, style=BARE), lead


# A serial standing alone: not part of a number, date, time, decimal or range.
_BARE = re.compile(r"(?<![\w./\-])\d{1,5}(?![\w/]|[.,:]\d|[^\S\n]*-[^\S\n]*[\w])")


def _so_glued(shade: str, start: int) -> bool:
    """"số18-NQ/TW": "số" typed without its space still introduces a number."""
    return shade.endswith("so", 0, start) and (start < 3 or not shade[start - 3].isalpha())


@lru_cache(maxsize=256)
def _kind_key(kind: str) -> str:
    """The ``KIND_CODES`` key of a kind word read on the shadow."""
    words = " ".join(kind.split())
    for name in sorted(KIND_CODES, key=len, reverse=True):
        if words.startswith(name):
            return name
    return words


def find_mentions(text: str, own: DocNumber | None = None) -> list[Mention]:
    """Every document number ``text`` (NFC) cites, in text order.

    Works on plain text and on Markdown bodies alike. Mentions of ``own``
    (compared by ``key``) are left out: a document does not cite itself.
    """
    shade = shadow(text)
    relations = _relations(text, shade)
    own_key = own.key if own else None
    found = sorted(_candidates(text, shade), key=lambda c: c[0])
    mentions: list[Mention] = []
    for start, end, number, lead in found:
        kind_word = None
        if lead is not None and lead["kind"]:
            kind_word = " ".join(text[lead.start("kind"):lead.end("kind")].split())
            start = lead.start("kind")
        dated = _DATE_AFTER.match(shade, end)
        date = _date(dated) if dated else None
        if kind_word is None and mentions and _same_list(shade, mentions[-1], start, number):
            kind_word = mentions[-1].kind_word  # "các Nghị quyết số 18-NQ/TW, 19-NQ/TW và 20-NQ/TW"
        mention = Mention(number, kind_word, date, start, end, relations(start), dated.end() if dated and date else end)
        if number.key != own_key:
            mentions.append(mention)
    return mentions


def _same_list(shade: str, previous: Mention, start: int, number: DocNumber) -> bool:
    """True when ``number`` continues a list that ``previous`` opened with
    its kind word: only list punctuation between, and the same kind code."""
    if previous.kind_word is None or _LIST_GAP.match(shade, previous.after, start) is None:
        return False
    return KIND_CODES.get(_kind_key(shadow(previous.kind_word).lower())) == number.code


def _relations(text: str, shade: str):
    """A function from a mention's start to its relation: the objects of the
    opening "Thực hiện …"/"Triển khai …" (implements) and "Căn cứ …" (basis)
    clauses, never a number inside such an object's subject."""
    objects: list[tuple[int, int, str]] = []  # spans where a mention is an object
    for start, end in paragraphs(text):
        if _HEADING.match(text, start):
            break
        opening = _OPENING.match(shade, start)
        if opening is None:
            if objects:
                break
            continue
        relation = BASIS if opening["word"] == "can cu" else IMPLEMENTS
        stop = _CLAUSE_END.search(shade, start, end)
        end = stop.start() if stop else end
        item = start
        for item_end in [*(m.start() for m in re.finditer(";", shade[start:end])), end - start]:
            item_end += start
            lead = _OPENING.match(shade, item, item_end)
            body = lead.end() if lead else item
            if lead:  # "Căn cứ …; Thực hiện …" in one paragraph: each item says which
                relation = BASIS if lead["word"] == "can cu" else IMPLEMENTS
            subject = _SUBJECT.search(shade, body, item_end)
            objects.append((item, subject.start() if subject else item_end, relation))
            item = item_end + 1

    def relation_at(position: int) -> str | None:
        for low, high, relation in objects:
            if low <= position < high:
                return relation
        return None

    return relation_at


def own_number(text: str) -> DocNumber | None:
    """The number of a plain-text document, from its "Số …" header line.

    The header is what precedes the body (the first "Thực hiện", "Căn cứ",
    "Kính gửi" line); lines before the header (a page title, a heading) are
    passed over. None without such a line.
    """
    shade = shadow(text)
    position = 0
    for count, line in enumerate(text.split("\n")):
        end = position + len(line)
        if count >= _HEADER_LINES or _BODY_START.match(shade, position, end):
            return None
        lead = _OWN_LINE.match(shade, position, end)
        core = NUMBER_CORE.match(shade, lead.end(), end) if lead else None
        number = number_from(text, core, short_ok=True) if core else None
        if number is not None and number.complete:
            return number
        position = end + 1
    return None
