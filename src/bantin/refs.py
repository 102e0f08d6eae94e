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
from dataclasses import dataclass, replace
from functools import lru_cache

from .numbers import (
    BARE,
    code_family,
    KIND_CODES,
    NUMBER_CORE,
    DocNumber,
    glued_before,
    number_from,
    parse_number,
    shadow,
)
from . import unlinkable
from .sentences import paragraphs
from .text import fold, runs_back

__all__ = ["DocNumber", "Mention", "find_mentions", "own_number", "own_date", "parse_number", "IMPLEMENTS", "BASIS"]

IMPLEMENTS = "implements"  # "Thực hiện …", "Triển khai …"
BASIS = "basis"  # "Căn cứ …"

_HS = r"[^\S\n]"
_GAP = rf"{_HS}*+\n?{_HS}*+"  # white space with at most one line break; possessive: no backtracking
_MARKS = r"[*_]{0,3}"
# Kind words on the shadow, longest first so "thong bao ket luan" wins.
_KINDS = "|".join(
    rf"{_HS}+".join(map(re.escape, name.split())) for name in sorted(KIND_CODES, key=len, reverse=True)
)
# "… văn bản quy phạm pháp luật số 64/2025/QH15": "luật" there ends "pháp luật",
# it is not the kind word.
_KINDS = re.sub(r"\|luat(?=\||$)", r"|(?<!phap[ ])luat", _KINDS)  # [ ]: the patterns are verbose
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
# Kinds whose name with a serial names a programme or a project, not a
# document ("Chương trình 135", "Đề án 06"), and kinds with no code of their own.
_NO_BARE = frozenset({"CTr", "ĐA", "DA", "PA", "BB", None})
# What may follow a serial that names a document without "số".
_BARE_END = re.compile(r"[^\S\n]*(?:\Z|\n|[,.;:)\]!?(]|(?:va|cua|ve|tai|theo|do|da|duoc|la)\b|ngay\s*:?\s*\d)")
# The last words of kind words and qualifiers, and "số": what may stand right
# before a bare serial ("Kết luận 191", "Chỉ thị số 35").
_LEAD_ENDS = frozenset({name.split()[-1] for name in KIND_CODES} | {"so", "tich", "hop", "dong", "luan"})
_DATE_NEAR = 48  # "…, ngày 25 tháng 10 năm 2017" right after the number
_DATE_REACH = 400  # a date after the issuer clause: at most 20 words away
_OF_NEXT = re.compile(r"(?:\]\([^)\n]*\))?[*_\s,]*(?:cua|do)\b")
_LIST_REACH = 40
# Tags and entities a web page or a Word export leaves ("</b>", "&nbsp;", "<br>").
_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|&(?:[A-Za-z]{2,8}|#[0-9]{1,6}|#x[0-9A-Fa-f]{1,6});")
# Between two numbers of one list, kind words allowed: "217-QĐ/TW, Quyết định số 218-QĐ/TW".
_LIST_OR_KIND = re.compile(r"[*_\s]*(?:,|va|;)?[*_\s]*(?:va[*_\s]+)?(?:[a-z]+[^\S\n]+){0,3}?(?:so[^\S\n]*)?[*_\s]*")
_SAME_DAY = re.compile(r"[*_\s,]*cung\s+ngay\b")
# "biểu mẫu số 01/BC-ĐU", "Mẫu số 02/KH": a form's number, not a document's.
_FORM_BEFORE = re.compile(r"(?<![a-z])(?:mau|bieu)(?:\s+mau)?(?:\s+so)?\s*:?\s*\Z")
_SUFFIX_GAP = re.compile(r"[^\S\n]*(?:,|va|,[^\S\n]*va)[^\S\n]*")
# Bare serials that are years, not documents ("Kế hoạch 2025"), unless "số" says so.
_YEARLIKE = range(1945, 2101)

_DATE = rf"""
    (?:
        (?P<d>\d{{1,2}})\s?(?P<sep>[/.\-])\s?(?P<m>\d{{1,2}})\s?(?P=sep)\s?(?P<y>\d{{4}})  # "25/10/" / "2017"
      | (?P<ld>\d{{1,2}}){_GAP}thang{_GAP}(?P<lm>\d{{1,2}}){_GAP}nam{_GAP}(?P<ly>\d{{4}})
    )(?!\d)
"""
# A date that belongs to the number: right after it ("18-NQ/TW, ngày
# 25/10/2017", "(ngày 3/9/2025)"), or after a short "của <issuer>" or "do
# <issuer> ban hành" clause
# ("… của Ban Chấp hành Trung ương Đảng khóa XII ngày 25/10/2017"). A clause
# that turns to the subject ("về …", a quote) or holds a digit ends the search:
# a date there is the meeting's, not the document's.
_CLAUSE_WORD = rf"(?!(?:ve|ngay|tai|theo|nham|de|voi|trong|ban{_HS}+hanh)\b)[a-z()]++,?"
# "ban hành ngày", "được ban hành ngày", "đã ký ngày"; "ngày mùng 5", "ngày mồng 8".
_ISSUED = rf"(?:(?:(?:duoc|da){_HS}+)?(?:ban{_HS}+hanh|ky){_GAP})?"
_MUNG = rf"(?:(?:mung|mong){_GAP})?"
_DATE_AFTER = re.compile(
    rf"""
    (?:\]\([^)\n]*\))?  # the rest of a Markdown link the number is written in
    [”"»']?  # the close of a quote the number is written in
    {_MARKS}{_HS}*
    (?:
        ,?{_GAP}\(?{_HS}*(?:{_ISSUED}ngay{_HS}*:?{_GAP}{_MUNG})?
      | ,?{_GAP}(?:cua|do)(?:(?=\s){_GAP}{_CLAUSE_WORD}){{1,20}}{_GAP}{_ISSUED}ngay{_HS}*:?{_GAP}{_MUNG}
    )
    {_MARKS}{_DATE}
    """,
    re.VERBOSE,
)
_CELL_DATE = re.compile(rf"{_MARKS}{_HS}*\|{_HS}*{_MARKS}(?:ngay{_HS}*)?{_DATE}{_MARKS}{_HS}*(?:\||\Z|\n)", re.VERBOSE)
_CELL_LEAD = re.compile(r"so(?:\s+hieu)?\s*:?\s*\Z")
_SHARED_DATE = re.compile(rf"[*_\s,]*cung[^\S\n]+ngay[^\S\n]*:?{_GAP}{_DATE}", re.VERBOSE)
# Between two numbers of one list: ", ", " và ", ", số ".
_LIST_GAP = re.compile(rf"{_MARKS}{_HS}*(?:,|;)?{_GAP}(?:va{_GAP}|cac{_GAP})?(?:so{_HS}*)?{_MARKS}\Z")

# The own number in a header: a line that starts with "Số" and the number.
_OWN_LINE = re.compile(rf"[\s*_#>|]*so(?:{_HS}+hieu)?{_HS}*:?{_HS}*{_MARKS}")
_BODY_START = re.compile(r"[\s*_#>]*(?:thuc hien|can cu|kinh g[uo]i|trien khai)\b")
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
    linkable: bool = True  # False inside an editor's own link text: a link cannot nest there

    @property
    def implements(self) -> bool:
        return self.relation == IMPLEMENTS


def _date(match: re.Match[str]) -> dt.date | None:
    parts = (match["y"], match["m"], match["d"]) if match["y"] else (match["ly"], match["lm"], match["ld"])
    try:
        return dt.date(*(int(p) for p in parts))
    except ValueError:  # 31/02/2024 is a typo, not a date
        return None


def _shade(text: str, low: int, high: int) -> str:
    """The shadow of ``text[low:high]``, with one character of context before
    it so that lookbehinds see what precedes ``low``."""
    return shadow(text[low - 1:high]) if low > 0 else " " + shadow(text[:high])


def _lead(text: str, start: int) -> tuple[re.Match[str], int] | None:
    """What stands before a serial, and the offset of the window it was read
    in; a lead holds at most six runs of white space (three in the kind word
    and its qualifier, three around "số")."""
    low = runs_back(text, start, _LEAD_GAPS)
    window = _shade(text, low, start)
    lead = _LEAD.search(window, 1)
    return (lead, max(0, low) - 1) if lead else None


def _may_lead(text: str, start: int) -> bool:
    """A cheap first look: the word before a bare serial ends a kind word or is
    "số". Most bare numbers (years, articles, quantities) fail here."""
    before = text[max(0, start - 24):start].rstrip(" \t\n*_:")
    word = before[before.rfind(" ") + 1:] if " " in before else before
    return fold(word) in _LEAD_ENDS


def _candidates(text: str):
    """(start, end, number, lead) of every serial that is a number.

    Numbers with a symbol hold a slash before a letter, which sre finds by
    its literal "/" far faster than it tries every digit; the core is matched
    just before it. Serials without one ("Kết luận 191", "Thông báo số 15-TB")
    follow a word and a space: only those after a kind word or "số" count.
    """
    numbered = set()
    for slash in _SLASH_LETTER.finditer(text):
        at = slash.start()
        for core in NUMBER_CORE.finditer(text, max(0, at - _CORE_BEFORE_SLASH), at + _CORE_AFTER_SLASH):
            start = core.start()
            if core.end() <= at or start in numbered:
                continue
            if start > at:
                break
            if glued_before(text, start) and not _so_glued(text, start):
                continue
            found = _lead(text, start)
            number = number_from(text, core, short_ok=found is not None)
            if number is not None and _FORM_BEFORE.search(_shade(text, start - 24, start), 1):
                continue
            if number is not None:
                numbered.add(start)
                yield start, core.end(), number, found
    for digit in _AFTER_WORD.finditer(text):
        start = digit.start()
        if start in numbered or not _may_lead(text, start):
            continue  # "số 12 HD/BTGTW": the serial of a number
        found = _lead(text, start)
        if found is None:
            continue
        core = NUMBER_CORE.match(text, start)
        short = number_from(text, core, short_ok=True) if core and core["symbol"] is None else None
        if short is not None and not short.complete:  # "Thông báo số 15-TB"
            yield start, core.end(), short, found
            continue
        bare = _BARE.match(text, start)
        if bare is None or not found[0]["kind"]:
            continue
        code = _kind_code(found[0]["kind"])
        if code in _NO_BARE or not (found[0]["so"] or _names_a_document(text, found, bare)):
            continue
        yield start, bare.end(), DocNumber(bare.group(), code, None, style=BARE), found


_SLASH_LETTER = re.compile(r"/[^\S\n]?\n?[A-Za-zĐđƯưÐð]")
_CORE_BEFORE_SLASH = 24  # serial, dash and code with their spaces: at most 5 + 3 + 1 + 3 + 6
_CORE_AFTER_SLASH = 80
# The first digit of a serial after a word and one to three spaces, a colon
# or emphasis marks ("số 35", "số: 35", "số **35**").
_AFTER_WORD = re.compile(r"\d(?<=[^\W\d][\s:*_]\d)|\d(?<=[^\W\d][\s:*_]{2}\d)|\d(?<=[^\W\d][\s:*_]{3}\d)")
# A serial standing alone: not part of a number, date, time, decimal or range.
_BARE = re.compile(r"\d{1,5}(?![\w/]|[.,:]\d|[^\S\n]*-[^\S\n]*[\w])")


def _names_a_document(text: str, lead: tuple[re.Match[str], int], bare: re.Match[str]) -> bool:
    """Without "số", a kind word and a serial name a document only as a name
    does: the kind word capitalised ("Kết luận 191", not "hướng dẫn 100%"),
    not a year ("Kế hoạch 2025"), and the serial ending the phrase ("Kết luận
    191 của …", "Chỉ thị 35,"), not counting something ("Báo cáo 6 tháng",
    "Kế hoạch 100 ngày cao điểm", "Kết luận 3 vấn đề")."""
    match, offset = lead
    if not text[offset + match.start("kind")].isupper() or int(bare.group()) in _YEARLIKE:
        return False
    return _BARE_END.match(_shade(text, bare.end(), bare.end() + 24), 1) is not None


def _so_glued(text: str, start: int) -> bool:
    """"số18-NQ/TW": "số" typed without its space still introduces a number."""
    return start >= 2 and fold(text[start - 2:start]) == "so" and (start < 3 or not text[start - 3].isalpha())


@lru_cache(maxsize=256)
def _kind_key(kind: str) -> str:
    """The ``KIND_CODES`` key of a kind word read on the shadow."""
    words = " ".join(kind.split())
    for name in sorted(KIND_CODES, key=len, reverse=True):
        if words.startswith(name):
            return name
    return words


def _kind_code(kind_word: str) -> str | None:
    """The code a kind word implies ("Nghị quyết" -> "NQ"), as written or on the shadow."""
    return KIND_CODES.get(_kind_key(shadow(kind_word).lower()))


def find_mentions(text: str, own: DocNumber | None = None, own_date: dt.date | None = None) -> list[Mention]:
    """Every document number ``text`` (NFC) cites, in text order.

    Works on plain text and on Markdown bodies alike. Mentions of ``own``
    (compared by ``key``) are left out: a document does not cite itself;
    but one dated otherwise than ``own_date`` is another document with the
    same number (State numbers restart every year, Party ones every term).
    """
    if "<" in text or "&" in text:  # HTML left in the text: read past it, offsets kept
        text = _HTML.sub(lambda m: " " * len(m.group()), text)
    masked = unlinkable.mask(text)  # code, images, link targets and URLs: no citation there
    text = masked.text
    relations = _relations(text)
    own_key = own.key if own else None
    found = sorted(_candidates(text), key=lambda c: c[0])
    mentions: list[Mention] = []
    for start, end, number, lead in found:
        kind_word = None
        if lead is not None and lead[0]["kind"]:
            match, offset = lead
            kind_word = " ".join(text[offset + match.start("kind"):offset + match.end("kind")].split())
            start = offset + match.start("kind")
        near = _shade(text, end, end + _DATE_NEAR)  # what follows the number, read once
        dated = _date_after(text, end, near)
        date = _date(dated) if dated else None
        if date is None:  # "…, Quyết định số 218-QĐ/TW cùng ngày 12/12/2013": for the whole list
            shared = _SHARED_DATE.match(near, 1)
            date = _date(shared) if shared else None
            if date is not None:
                mentions = _date_list(text, mentions, start, date)
        if date is None and _alone_in_cell(text, start):
            cell = _CELL_DATE.match(near, 1)  # "| 24-NQ/ĐU | 15/02/2025 |": a register
            date = _date(cell) if cell else None
        if date is None and mentions and _SAME_DAY.match(near, 1):
            date = mentions[-1].date  # "Thông báo số 95-TB/HU ngày 20/11/2025 và Kết luận số 55-KL/HU cùng ngày"
        if kind_word is None and mentions and _same_list(text, mentions[-1], start, number):
            kind_word = mentions[-1].kind_word  # "các Nghị quyết số 18-NQ/TW, 19-NQ/TW và 20-NQ/TW"
        after = end + dated.end() - 1 if dated and date else end
        mention = Mention(number, kind_word, date, start, end, relations(start), after,
                          not masked.link_texts or not masked.in_link(start, end))
        if number.key != own_key or (date is not None and own_date is not None and date != own_date):
            mentions.append(mention)
    return _shared_suffixes(text, mentions)


def _shared_suffixes(text: str, mentions: list[Mention]) -> list[Mention]:
    """"các Nghị quyết số 18, 19-NQ/TW ngày 25/10/2017": a serial listed
    before a number of its kind shares that number's symbol and date."""
    for i in range(len(mentions) - 2, -1, -1):
        bare, full = mentions[i], mentions[i + 1]
        if bare.number.style != BARE or not full.number.complete or full.number.style == BARE:
            continue
        if code_family(bare.number.code) != code_family(full.number.code):
            continue
        if _SUFFIX_GAP.fullmatch(shadow(text[bare.end:full.start])) is None:
            continue
        n = full.number
        number = DocNumber(bare.number.serial, n.code, n.issuer, n.year, n.style)
        mentions[i] = replace(bare, number=number, date=bare.date or full.date)
    return mentions


def _date_after(text: str, end: int, window: str) -> re.Match[str] | None:
    """The date that follows a number ending at ``end``, matched on
    ``window``, the shadow of what follows it from one character before
    ``end``. Most numbers are followed by their date or by nothing: the wide
    window that a "của …" clause needs is shadowed only after "của"."""
    if _OF_NEXT.match(window, 1):
        window = _shade(text, end, end + _DATE_REACH)
    return _DATE_AFTER.match(window, 1)


def _date_list(text: str, mentions: list[Mention], start: int, date: dt.date) -> list[Mention]:
    """Give ``date`` to the undated mentions that list up to ``start``."""
    for i in range(len(mentions) - 1, -1, -1):
        m = mentions[i]
        gap = shadow(text[m.after:start])
        if m.date is not None or len(gap) > _LIST_REACH or not _LIST_OR_KIND.fullmatch(gap):
            break
        mentions[i] = replace(m, date=date)
        start = m.start
    return mentions


def _alone_in_cell(text: str, start: int) -> bool:
    """True when a mention starts a Markdown table cell ("| 24-NQ/ĐU |",
    "| Số: 325/KH-SNV |")."""
    before = _CELL_LEAD.sub("", shadow(text[max(0, start - 16):start]))
    return before.rstrip(" \t*_").endswith("|")


def _same_list(text: str, previous: Mention, start: int, number: DocNumber) -> bool:
    """True when ``number`` continues a list that ``previous`` opened with
    its kind word: only list punctuation between, and the same kind code."""
    if previous.kind_word is None or start - previous.after > _LIST_REACH:
        return False
    if _LIST_GAP.match(_shade(text, previous.after, start), 1) is None:
        return False
    return code_family(_kind_code(previous.kind_word)) == code_family(number.code)


def _relations(text: str):
    """A function from a mention's start to its relation: the objects of the
    opening "Thực hiện …"/"Triển khai …" (implements) and "Căn cứ …" (basis)
    clauses, never a number inside such an object's subject."""
    objects: list[tuple[int, int, str]] = []  # spans where a mention is an object
    for start, end in paragraphs(text):
        if _HEADING.match(text, start):
            break
        shade = _shade(text, start, end)[1:]  # offsets from ``start``
        opening = _OPENING.match(shade)
        if opening is None:
            if objects:
                break
            continue
        relation = BASIS if opening["word"] == "can cu" else IMPLEMENTS
        stop = _CLAUSE_END.search(shade)
        length = stop.start() if stop else len(shade)
        item = 0
        for item_end in [*(m.start() for m in re.finditer(";", shade[:length])), length]:
            lead = _OPENING.match(shade, item, item_end)
            body = lead.end() if lead else item
            if lead:  # "Căn cứ …; Thực hiện …" in one paragraph: each item says which
                relation = BASIS if lead["word"] == "can cu" else IMPLEMENTS
            subject = _SUBJECT.search(shade, body, item_end)
            objects.append((start + item, start + (subject.start() if subject else item_end), relation))
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
    for count, line in enumerate(text.split("\n")):
        shade = shadow(line)
        if count >= _HEADER_LINES or _BODY_START.match(shade):
            return None
        lead = _OWN_LINE.match(shade)
        core = NUMBER_CORE.match(line, lead.end()) if lead else None
        number = number_from(line, core, short_ok=True) if core else None
        if number is not None and number.complete:
            return number
    return None


_HEADER_DATE = re.compile(r"(?:.*,)?[^\S\n]*ngay[^\S\n]+(\d{1,2})[^\S\n]+thang[^\S\n]+(\d{1,2})[^\S\n]+nam[^\S\n]+(\d{4})")


def own_date(text: str) -> dt.date | None:
    """The date of a plain-text document, from its header's "<place>, ngày …
    tháng … năm …" line (before the body, as ``own_number``). None without one."""
    for count, line in enumerate(text.split("\n")):
        shade = shadow(line)
        if count >= _HEADER_LINES or _BODY_START.match(shade):
            return None
        found = _HEADER_DATE.match(shade)
        if found:
            try:
                return dt.date(int(found[3]), int(found[2]), int(found[1]))
            except ValueError:
                return None
    return None
