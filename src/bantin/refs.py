"""Party document numbers (số hiệu) and the places a text cites them.

A Party document number reads ``<serial>-<code>/<issuer>``: "18-NQ/TW",
"02-KH/BTGDUK", "06-CV/BCĐ". Texts cite them in many shapes ("Nghị quyết số
18-NQ/TW, ngày 25/10/2017", "Kết luận 127 -KL/TW", "số 11-HD/BTGDĐUK ngày
06/12/2024"); this module finds every such mention with one regex, tried
near the slash of each number, tells apart the document's own number from
citations, and groups mentions into the distinct documents a text cites.

All functions that take a text expect it in NFC (see ``text.nfc``): offsets
returned are offsets into that text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterator

from .records import KINDS
from .text import finditer_near, fold, nfc, slugify

# Canonical code by folded spelling: "qd" -> "QĐ", "qdi" -> "QĐi", "ctr" -> "CTr".
# Folding is safe here because no two official codes fold to the same string.
_CODE_BY_FOLD = {fold(k.code): k.code for k in KINDS}

# Hyphen-like characters seen between serial and code in extracted text; the
# em dash is left out because it only ever separates clauses.
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2212"
_HS = r"[^\S\n]"  # horizontal white space (keeps a match inside one line break)
# At least one white-space character, at most one line break: PDF text wraps
# lines anywhere, but a blank line ends a paragraph. Possessive, so long runs of
# spaces cannot make the engine backtrack.
_GAP = rf"(?=\s){_HS}*+\n?{_HS}*+"
_GAP_OPT = rf"{_HS}*+\n?{_HS}*+"
_MARKS = r"[*_]{0,3}"  # Markdown emphasis around parts of a mention

# Longest names first so "Thông báo kết luận" wins over "Kết luận".
_KIND_NAMES = sorted({k.name for k in KINDS}, key=len, reverse=True)
_KIND_WORD = "|".join(rf"{_HS}+".join(map(re.escape, n.split())) for n in _KIND_NAMES)
# Qualifiers that stay part of the kind word: "Hướng dẫn liên tịch",
# "Quy chế phối hợp", "Chương trình hành động", "Thông báo kết luận".
_KIND_SUFFIX = rf"liên{_HS}+tịch|phối{_HS}+hợp|hành{_HS}+động|kết{_HS}+luận"

_LETTERS = "A-Za-zĐđ"
_ISSUER_CH = "A-Za-zĐđƯư0-9"
# Joint documents join issuer symbols with a bare hyphen ("BTCTW-BTGTW"); a
# spaced dash is prose, so only a hyphen followed by a capital continues one.
_NUMBER = rf"""
    (?P<serial>\d{{1,5}})(?!\d)
    {_HS}{{0,3}}[{_DASHES}]{_HS}{{0,3}}
    (?P<code>[{_LETTERS}]{{2,6}})
    /
    (?P<issuer>[A-Za-zĐđƯư][{_ISSUER_CH}]*(?:-[A-ZĐƯ][{_ISSUER_CH}]*)*)
    (?!\w)
"""
_DATE = rf"""
    (?:
        (?P<d>\d{{1,2}})(?P<sep>[/.\-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})
      | (?P<ld>\d{{1,2}}){_GAP}(?i:tháng){_GAP}(?P<lm>\d{{1,2}}){_GAP}(?i:năm){_GAP}(?P<ly>\d{{4}})
    )
    (?!\d)
"""
# Every mention starts with a digit, "số" or a kind word; saying so up front
# lets the engine give up quickly elsewhere.
_FIRST_CHARS = "".join(sorted({c for n in _KIND_NAMES for c in (n[0].lower(), n[0].upper())} | {"s", "S"}))
_MENTION = re.compile(
    rf"""
    (?=[\d{_FIRST_CHARS}])
    (?:
        (?<!\w)(?P<kind>(?i:{_KIND_WORD})(?:{_HS}+(?i:{_KIND_SUFFIX}))?)
        {_MARKS}{_GAP}(?:(?i:số){_HS}*:?{_MARKS}{_GAP_OPT})?
      | (?<!\w)(?i:số){_HS}*:?{_HS}*{_MARKS}
    )?
    # Not inside a longer token ("COP26-...", "2021-2025", "1.5-"), except
    # right after "số" typed without its space ("số18-NQ/TW").
    (?:(?<=[sS][ốỐ])|(?<![\w./{_DASHES}]))
    {_NUMBER}
    (?:{_MARKS}{_HS}*+,?{_GAP_OPT}(?:(?i:ngày){_GAP})?{_DATE})?
    """,
    re.VERBOSE,
)
# What every mention holds once: the slash after the code of its number, found
# fast because the pattern starts with it. A mention has at most 8 runs of white
# space before that slash (3 in the kind word and its qualifier, 3 around "số"
# and its colon, 2 around the dash); ``find_mentions`` looks only there.
_CODE_SLASH = re.compile(rf"/(?<=[{_LETTERS}]{{2}}/)")
_GAPS_BEFORE_SLASH = 8
_WHOLE_NUMBER = re.compile(rf"\s*{_NUMBER}\s*", re.VERBOSE)
# The own number in a header: a line that starts with "Số" and the number.
_OWN_LINE = re.compile(rf"[*_]*(?i:số){_HS}*:?{_HS}*{_NUMBER}", re.VERBOSE)

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
_OPENING = re.compile(r"[\s*_>]*(?i:thực hiện|căn cứ)(?!\w)")
# Where a plain-text document's header gives way to its body.
_BODY_START = re.compile(r"(?i:thực hiện|căn cứ|kính gửi)(?!\w)")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
# A sentence ends at . ; ! ? followed by white space (so the dots of "./." and
# of "1.1" inside a token do not end one), at a blank line, or where a new list
# item begins on its own line.
_BOUNDARY = re.compile(
    r"""
        (?P<punct>[.!?;…]+(?:[*_]+|[”"’)\]]+)*)(?=\s|\Z)
      | (?P<blank>\n[^\S\n]*\n\s*)
      | \n(?=[^\S\n]*(?:[-+•]|\*(?=\s)|\d+(?:\.\d+)*\\?[.)\-]|\(\d+\))[^\S\n])
    """,
    re.VERBOSE,
)
# The first character of every boundary. _BOUNDARY begins with alternatives,
# which leaves sre no way to skip ahead; this class does.
_BOUNDARY_START = re.compile(r"[.!?;…\n]")
_LIST_MARKER = re.compile(r"\s*(?:[-+•*]|\d+(?:\.\d+)*\\?[.)\-]|\(\d+\)|[IVXLC]+[.\-])[^\S\n]+")
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
# White space to collapse to one space: a run of two or more characters, or
# one that is not a space (the same as \s+ but skips the single spaces).
_SPACES = re.compile(r"\s(?:\s+|(?<=[^\S ]))")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_SENTENCE_LIMIT = 300
_SENTENCE_WINDOW = 2000  # how far to look for a sentence's ends; longer ones are cut anyway


@dataclass(frozen=True)
class DocNumber:
    """A document number as written: serial digits, kind code, issuer symbol."""

    serial: str  # digits as written: "02"
    code: str  # canonical code: "NQ", "QĐi", "CTr"; unknown codes uppercased
    issuer: str  # NFC, uppercase: "TW", "BTGDĐUK"
    # Identity without spelling noise: 02 == 2, Đ == D, Ư == U, any case.
    # Compared many times per number, so computed once.
    key: tuple[int, str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", (int(self.serial), fold(self.code), fold(self.issuer)))

    def __str__(self) -> str:
        return f"{self.serial}-{self.code}/{self.issuer}"

    @property
    def slug(self) -> str:
        return slugify(str(self))


@dataclass(frozen=True)
class Mention:
    """One place a text cites a document number."""

    number: DocNumber
    kind_word: str | None  # "Nghị quyết" as written, None when the number stands alone
    date: dt.date | None  # the date written right after the number, if any
    start: int  # from the kind word, or the number when there is none ...
    end: int  # ... to the end of the number (the date is not included)
    implements: bool  # inside the opening "Thực hiện …"/"Căn cứ …" clauses


@dataclass(frozen=True)
class CitedDocument:
    """One distinct document a text cites, with every way the text spells it."""

    number: DocNumber  # as first mentioned
    date: dt.date | None
    kind_words: tuple[str, ...]
    spellings: tuple[str, ...]
    count: int
    first_line: int  # 1-based
    first_column: int  # 1-based

    def as_json(self) -> dict:
        return {
            "number": str(self.number),
            "kind": self.number.code,
            "issuer_symbol": self.number.issuer,
            "date": self.date.isoformat() if self.date else None,
            "kind_word": self.kind_words[0] if self.kind_words else None,
            "kind_words": list(self.kind_words),
            "spellings": list(self.spellings),
            "count": self.count,
            "first": {"line": self.first_line, "column": self.first_column},
        }


def _make_number(match: re.Match[str]) -> DocNumber | None:
    """The number a match spells, or None when its code is not a code."""
    code = match["code"]
    canonical = _CODE_BY_FOLD.get(fold(code))
    if canonical is None:
        # Unknown codes must look like one ("HDLT"), so "100-kg/ha" is not a number.
        if not code[0].isupper():
            return None
        canonical = code.upper()
    return DocNumber(match["serial"], canonical, match["issuer"].upper())


def _date(match: re.Match[str]) -> dt.date | None:
    if match["y"]:
        parts = match["y"], match["m"], match["d"]
    elif match["ly"]:
        parts = match["ly"], match["lm"], match["ld"]
    else:
        return None
    try:
        return dt.date(*(int(p) for p in parts))
    except ValueError:  # 31/02/2024 is a typo, not a date
        return None


def parse_number(text: str) -> DocNumber | None:
    """The number ``text`` consists of ("02 -KH/BTGDUK" -> 02-KH/BTGDUK), else None."""
    match = _WHOLE_NUMBER.fullmatch(nfc(text))
    return _make_number(match) if match else None


def _starts_continuation(text: str, start: int) -> bool:
    """True for a block that begins in lower case: the rest of a paragraph a
    PDF page break split, not a paragraph of its own ("a) ..." is an item)."""
    head = text[start : start + 16].lstrip("*_ \t")
    return bool(head) and head[0].islower() and not re.match(r"\w[.)]\s", head)


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the blank-line separated blocks of ``text``."""
    position = 0
    for gap in _BLANK_LINE.finditer(text):
        if gap.start() > position:
            yield position, gap.start()
        position = gap.end()
    if position < len(text):
        yield position, len(text)


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of paragraphs: blocks, with page-break halves joined again."""
    current: tuple[int, int] | None = None
    for start, end in _blocks(text):
        if current and _starts_continuation(text, start):
            current = (current[0], end)
            continue
        if current:
            yield current
        current = (start, end)
    if current:
        yield current


def _opening_span(text: str) -> tuple[int, int]:
    """The run of paragraphs starting "Thực hiện"/"Căn cứ" before the first
    heading or numbered section: the documents this one implements."""
    run_start = run_end = -1
    for start, end in _paragraphs(text):
        if _HEADING.match(text, start):
            break
        if _OPENING.match(text, start):
            run_start = start if run_start < 0 else run_start
            run_end = end
        elif run_start >= 0:
            break
    return run_start, run_end


def find_mentions(text: str, own: DocNumber | None = None) -> list[Mention]:
    """Every document number ``text`` (NFC) cites, in text order.

    Works on plain text and on Markdown bodies alike. Mentions of ``own``
    (compared by ``key``) are left out: a document does not cite itself.
    """
    opening_start, opening_end = _opening_span(text)
    own_key = own.key if own else None
    mentions = []
    # The first character of the issuer is all a mention needs past its slash.
    slashes = ((slash.start(), slash.end() + 1) for slash in _CODE_SLASH.finditer(text))
    for match in finditer_near(_MENTION, text, slashes, _GAPS_BEFORE_SLASH):
        number = _make_number(match)
        if number is None or number.key == own_key:
            continue
        start = match.start("kind") if match["kind"] else match.start("serial")
        mentions.append(
            Mention(
                number=number,
                kind_word=match["kind"],
                date=_date(match),
                start=start,
                end=match.end("issuer"),
                implements=opening_start <= start < opening_end,
            )
        )
    return mentions


def own_number(text: str) -> DocNumber | None:
    """The number of a plain-text document, from its "Số …" header line.

    The header is what precedes the body: the lines before the first long
    line or the first "Thực hiện"/"Căn cứ"/"Kính gửi" line. None without one.
    """
    for line in text.splitlines():
        stripped = line.strip()
        if len(stripped) > 120 or _BODY_START.match(stripped):
            return None
        match = _OWN_LINE.match(stripped)
        if match:
            number = _make_number(match)
            if number:
                return number
    return None


def _sentence_breaks(text: str, low: int, high: int) -> Iterator[re.Match[str]]:
    """Sentence boundaries in ``text[low:high]``; a page break is none.

    The boundaries ``_BOUNDARY.finditer`` finds, tried only where one can start.
    """
    position = low
    while first := _BOUNDARY_START.search(text, position, high):
        boundary = _BOUNDARY.match(text, first.start(), high)
        if boundary is None:
            position = first.start() + 1
            continue
        position = boundary.end()
        if not (boundary["blank"] and _starts_continuation(text, boundary.end())):
            yield boundary


def _last_break(text: str, low: int, high: int) -> re.Match[str] | None:
    """The last sentence boundary a scan of ``text[low:high]`` finds.

    Scanning only the end of the span, wider each time, finds the same one
    once a letter or digit comes before it: no boundary holds one, so scans
    from two starts agree from the first letter both pass.
    """
    width = 256
    while True:
        near = max(low, high - width)
        breaks = list(_sentence_breaks(text, near, high))
        last = breaks[-1] if breaks else None
        if near == low or (last and _LETTER_OR_DIGIT.search(text, near, last.start())):
            return last
        width *= 4


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    window = max(0, start - _SENTENCE_WINDOW)
    last = _last_break(text, window, start)
    left = last.end() if last else window
    right = min(len(text), end + _SENTENCE_WINDOW)
    for boundary in _sentence_breaks(text, end, right):
        right = boundary.end("punct") if boundary["punct"] else boundary.start()
        break
    marker = _LIST_MARKER.match(text, left, start)  # "- ", "1. ", "(2) " are not words
    return (marker.end() if marker else left), right


def _clean(piece: str) -> str:
    """Plain words: no emphasis markers or escapes, single spaces."""
    # Most pieces have neither markers nor escapes: skip those passes.
    if "*" in piece or "_" in piece:
        piece = _EMPHASIS.sub("", piece)
    if "\\" in piece:
        piece = _ESCAPE.sub(r"\1", piece)
    return _SPACES.sub(" ", piece)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` (NFC) holding ``text[start:end]``, as plain words.

    Long sentences keep about 300 characters around the span, with "…" where
    they are cut.
    """
    left_end, right_end = _sentence_bounds(text, start, end)
    left = _clean(text[left_end:start]).lstrip()
    middle = _clean(text[start:end])
    right = _clean(text[end:right_end]).rstrip()
    if len(left) + len(middle) + len(right) <= _SENTENCE_LIMIT:
        return left + middle + right
    room = max(_SENTENCE_LIMIT - len(middle), 0)
    left_room = min(len(left), room // 2)
    right_room = min(len(right), room - left_room)
    left_room = min(len(left), room - right_room)
    if left_room < len(left):
        kept = left[len(left) - left_room :]
        cut = kept.find(" ")  # start on a whole word
        left = "…" + (kept[cut + 1 :] if cut >= 0 else kept)
    if right_room < len(right):
        kept = right[:right_room]
        cut = kept.rfind(" ")
        right = (kept[:cut] if cut > 0 else kept).rstrip(",;:") + "…"
    return left + middle + right


def cited_documents(text: str, own: DocNumber | None = None) -> list[CitedDocument]:
    """The distinct documents ``text`` (NFC) cites, in order of first mention.

    Mentions are one document when their keys and dates are equal. An undated
    mention belongs to the dated document of its key when the text dates that
    key exactly once; otherwise it stays a document of its own, undated. The
    same number with two dates is two documents: serials restart every term.
    """
    mentions = find_mentions(text, own)
    dates: dict[tuple[int, str, str], set[dt.date]] = {}
    for mention in mentions:
        if mention.date:
            dates.setdefault(mention.number.key, set()).add(mention.date)
    groups: dict[tuple, list[Mention]] = {}
    for mention in mentions:
        key = mention.number.key
        date = mention.date
        if date is None and len(dates.get(key, ())) == 1:
            (date,) = dates[key]
        groups.setdefault((key, date), []).append(mention)
    documents = []
    # Groups come in order of first mention, so lines can be counted onward
    # from the previous one instead of from the top each time.
    line, counted_to = 1, 0
    for (_, date), members in groups.items():
        first = members[0]
        line += text.count("\n", counted_to, first.start)
        counted_to = first.start
        column = first.start - text.rfind("\n", 0, first.start)
        documents.append(
            CitedDocument(
                number=first.number,
                date=date,
                kind_words=tuple(dict.fromkeys(m.kind_word for m in members if m.kind_word)),
                spellings=tuple(dict.fromkeys(str(m.number) for m in members)),
                count=len(members),
                first_line=line,
                first_column=column,
            )
        )
    return documents
