"""Document numbers (số hiệu): one typed value for every shape officials write.

Two families of shapes exist:

- **Party** (Hướng dẫn 36-HD/VPTW): ``<serial>-<code>/<issuer>``, "18-NQ/TW",
  "02-KH/BTGDUK", "06-CV/BCĐ". People also write "12 KH/TU" (no dash),
  "127 -KL/TW", "18–NQ/TW", and cut the symbol short: "Thông báo số 15-TB".
- **State** (Nghị định 30/2020/NĐ-CP): ``<serial>/[<year>/]<symbol>``,
  "30/2020/NĐ-CP", "80/2015/QH13", "1234/QĐ-UBND", "15/CT-TTg",
  "123/UBND-VX". Some Party bodies number their papers this way too.

A citation may also give only a kind and a serial ("Kết luận 191"): that is a
``DocNumber`` with no symbol, ``complete`` False.

The text is matched on its *shadow* (``shadow``): the same text with every
Vietnamese letter folded to ASCII and lowercased, one character for one, so
offsets stay the same and a misplaced tone mark ("Kết lúận") hides nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .kinds import KINDS
from .text import fold, nfc, slugify

PARTY = "party"
STATE = "state"
BARE = "bare"  # a kind and a serial only: "Kết luận 191"

# Kind codes of State documents (Nghị định 30/2020/NĐ-CP, appendix I and III;
# Luật Ban hành văn bản quy phạm pháp luật). Party codes come from ``KINDS``.
STATE_CODES = (
    "NĐ", "TT", "TTLT", "NQLT", "PL", "QĐ", "CT", "NQ", "QyĐ", "QC", "TB", "HD", "CTr", "KH",
    "PA", "ĐA", "DA", "BC", "BB", "TTr", "HĐ", "CĐ", "GM", "GUQ", "BGN", "BTT",
)
_PARTY_CODES = {k.code for k in KINDS}
_ALL_CODES = _PARTY_CODES | set(STATE_CODES)
# Folded code -> the official spelling, where only one official code folds to
# it ("qd" -> "QĐ"). "HD"/"HĐ" and "DA"/"ĐA" are both official: a code written
# as one of them is kept as written.
_BY_FOLD: dict[str, str] = {}
for _code in sorted(_ALL_CODES):
    _BY_FOLD[fold(_code)] = _code if fold(_code) not in _BY_FOLD else ""
_EXACT = {c.upper(): c for c in _ALL_CODES}

# Kind words that name State documents in citations, with their code (None
# where the symbol carries none: a law's "QH13", a State letter's "UBND-VX").
STATE_KIND_WORDS: dict[str, str | None] = {
    "Nghị định": "NĐ",
    "Thông tư liên tịch": "TTLT",
    "Thông tư": "TT",
    "Nghị quyết liên tịch": "NQLT",
    "Pháp lệnh": "PL",
    "Công điện": "CĐ",
    "Luật": None,
    "Bộ luật": None,
    "Văn bản": None,
}
# Every kind word a citation may open with, folded, and the code it implies.
KIND_CODES: dict[str, str | None] = {fold(k.name): k.code for k in KINDS}
KIND_CODES.update({fold(name): code for name, code in STATE_KIND_WORDS.items()})


def code_family(code: str | None) -> str:
    """A kind code folded as lists, shared symbols and bare serials match it:
    Quy định's QĐi is also written QĐ ("Quy định 24" may mean 24-QĐ/TW)."""
    folded = fold(code or "")
    return "qd" if folded == "qdi" else folded


def canonical_code(code: str) -> str | None:
    """The official spelling of a kind code, or None when it is not one."""
    exact = _EXACT.get(nfc(code).upper().replace("Ð", "Đ"))
    if exact:
        return exact
    return _BY_FOLD.get(fold(code)) or None


@dataclass(frozen=True)
class DocNumber:
    """A document number: serial digits, kind code, issuer symbol, and for
    State numbers the year.

    ``code`` is the kind code ("NQ", "QĐ", "NĐ"), None where the number has
    none ("123/UBND-VX", "80/2015/QH13", "Kết luận 191"). ``issuer`` is the
    issuer's symbol ("TW", "BTGDĐUK", "CP", "UBND-VX"), None where the text
    cut it off ("15-TB") or never gave it ("Kết luận 191").
    """

    serial: str  # digits as written: "02"
    code: str | None
    issuer: str | None
    year: int | None = None
    style: str = PARTY
    # Identity without spelling noise: 02 == 2, Đ == D, Ư == U, any case.
    key: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "key",
            (self.style, int(self.serial), self.year, fold(self.code or ""), fold(self.issuer or "")),
        )

    def __str__(self) -> str:
        if self.style == STATE:
            symbol = "-".join(p for p in (self.code, self.issuer) if p)
            year = f"{self.year}/" if self.year else ""
            return f"{self.serial}/{year}{symbol}"
        if self.style == BARE or self.code is None:
            return self.serial
        if self.issuer is None:
            return f"{self.serial}-{self.code}"
        return f"{self.serial}-{self.code}/{self.issuer}"

    @property
    def complete(self) -> bool:
        """True when the number names its issuer: enough to give it a page."""
        return self.issuer is not None

    @property
    def family(self) -> tuple:
        """Everything of the key but the issuer: numbers one letter apart in
        the issuer and equal here may be one document spelled two ways."""
        return self.key[:4]

    @property
    def slug(self) -> str:
        return slugify(str(self))


# --- the shadow text ------------------------------------------------------

def _shadow_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for point in range(0x80, 0x2000):
        ch = chr(point)
        base = unicodedata.normalize("NFD", ch)[:1]
        folded = {"Đ": "d", "đ": "d", "Ð": "d", "ð": "d"}.get(ch) or base.lower()
        if len(folded) == 1 and folded.isascii() and folded.isalpha() and ch.isalpha():
            table[point] = folded
    for point in range(ord("A"), ord("Z") + 1):
        table[point] = chr(point).lower()
    # Dashes people type between serial and code become one hyphen; the em
    # dash is left alone because it only ever separates clauses.
    for dash in "\u2010\u2011\u2012\u2013\u2212":
        table[ord(dash)] = "-"
    return table


_SHADOW = str.maketrans(_shadow_table())


def shadow(text: str) -> str:
    """``text`` (NFC) with letters folded to lowercase ASCII, dashes to "-",
    and every offset unchanged."""
    return text.translate(_SHADOW)


# --- parsing ---------------------------------------------------------------

# On the text itself: the serial and what follows it. ``party`` takes a dash
# or spaces before the code; ``state`` a slash, an optional year and a symbol.
# Symbols are ASCII letters with Đ and Ư (Ð is Đ typed with the Icelandic key).
_L = "A-Za-zĐđƯưÐð"
_DASH = "\\-\u2010\u2011\u2012\u2013\u2212"
# Word and LibreOffice break a line after a hyphen ("1234/QĐ-" / "UBND"), and
# people type an en dash inside a symbol ("53/2025/NĐ–CP").
# A part may join two units' codes with "&" ("17/SNV-XDCQ&CTTN").
_PART = rf"[{_L}][{_L}0-9]*(?:&[{_L}][{_L}0-9]*)*"
_SYMBOL = rf"{_PART}(?:[{_DASH}]\n?{_PART})*"
_PARTS = re.compile(rf"[{_DASH}]\n?")
# A Party symbol is letters ("TW", "BTGTU"), or letters and a number of two
# digits or more ("BCĐ389"); one digit after letters is a footnote's mark.
_FOOTNOTE_MARK = re.compile(r"[A-ZĐƯ]{2,}[1-9]")
NUMBER_CORE = re.compile(
    rf"""
    (?P<serial>\d{{1,3}}(?:\.\d{{3}})+|\d{{1,5}})  # "1.245-CV/…": a thousands dot
    (?:
        # PDF text wraps before or after a dash ("Kết luận số 222" / "-KL/TW")
        (?P<dash>[^\S\n]{{0,3}}\n?[^\S\n]{{0,3}}[{_DASH}][^\S\n]{{0,3}}\n?[^\S\n]{{0,3}}|[^\S\n]{{1,3}})
        (?P<code>[{_L}]{{2,6}})
        (?:[^\S\n]?/[^\S\n]?\n?(?P<issuer>{_SYMBOL}))?  # "45-KH/" / "ĐU": a line break after the slash; "12-KH/ TU"
        # "1237 /QĐ-UBND", "2150" / "/SVHTTDL-QLVH": a space or a line break before the slash;
        # "123/ QĐ-UBND", "15/2024 /NĐ-CP": one space after or before a slash
      | [^\S\n]?\n?/[^\S\n]?(?:(?P<year>\d{{4}})[^\S\n]?/[^\S\n]?)?(?P<symbol>{_SYMBOL})
    )
    (?![{_L}0-9/])
    """,
    re.VERBOSE,
)
# Characters that, right before a serial, make it part of a longer token:
# "COVID-19/..", "2021-2025", "1.5-", "/2020/".
_GLUED = set("./-_\u2010\u2011\u2012\u2013\u2212")


def glued_before(text: str, start: int) -> bool:
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in _GLUED)


def number_from(text: str, match: re.Match[str], short_ok: bool = False) -> DocNumber | None:
    """The number a ``NUMBER_CORE`` match on ``text`` spells; None when the
    shape is not a number.

    A Party number without a dash needs an official code ("12 KH/TU"), and
    one cut short ("15-TB") only counts where ``short_ok`` (after a kind word
    or "số"). A State number needs a year or a dash in its symbol, so "5/TW"
    and fractions are not numbers.
    """
    serial = match["serial"].replace(".", "")
    if match["symbol"] is not None:
        return _state_number(text, match, serial)
    code_text = text[match.start("code"):match.end("code")]
    code = canonical_code(code_text)
    has_dash = bool(match["dash"].strip())
    if match["issuer"] is None:
        if not (short_ok and has_dash and code in _PARTY_CODES):
            return None
        return DocNumber(serial, code, None)
    if code is None:
        # Unknown codes must look like one ("HDLT"), so "100-kg/ha" is not a number.
        if not (has_dash and code_text[0].isupper()):
            return None
        code = code_text.replace("Ð", "Đ")  # as written: "CTrPH" keeps its lowercase r, as "CTr" does
    issuer = "-".join(_PARTS.split(text[match.start("issuer"):match.end("issuer")])).upper().replace("Ð", "Đ")
    if _FOOTNOTE_MARK.fullmatch(issuer):  # "121-KL/TW2,": pdftotext glues a footnote's mark on
        issuer = issuer[:-1]
    return DocNumber(serial, code, issuer)


def _state_number(text: str, match: re.Match[str], serial: str) -> DocNumber | None:
    parts = _PARTS.split(text[match.start("symbol"):match.end("symbol")].replace("Ð", "Đ"))
    symbol = "-".join(parts)
    if not all(p[0].isupper() for p in parts) or sum(c.isalpha() for c in symbol) < 2:
        return None
    year = int(match["year"]) if match["year"] else None
    if len(parts) < 2 and (year is None or canonical_code(symbol)):
        return None  # "5/TW", or a kind code with no issuer ("…/2025/NĐ")
    if year is not None and not 1945 <= year <= 2100:
        return None
    code = canonical_code(parts[0]) if len(parts) > 1 else None
    if code is not None:
        issuer = "-".join(parts[1:])
    else:
        issuer = symbol
    return DocNumber(serial, code, issuer, year, STATE)


def parse_number(text: str) -> DocNumber | None:
    """The number ``text`` consists of ("02 -KH/BTGDUK" -> 02-KH/BTGDUK,
    "30/2020/NĐ-CP"), else None."""
    text = nfc(text).strip()
    match = NUMBER_CORE.match(text)
    if match is None or match.end() != len(text):
        return None
    return number_from(text, match)
