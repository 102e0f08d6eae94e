"""What a citing text says about the document it cites: its issuer and subject.

"… Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng
khóa XII “Một số vấn đề về tiếp tục đổi mới …”" gives the issuer "Ban Chấp hành
Trung ương Đảng khóa XII" and the subject in quotes; "… của Ban Tuyên giáo
Tỉnh ủy về tuyên truyền …" gives the subject after "về". Only what the text
says right after the number (and its date) is read; nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import shadow
from .refs import Mention
from .sentences import clean

_HS = r"[^\S\n]"
_SKIP = re.compile(r"[\s*_,)]*")
_DATE_TAIL = re.compile(
    rf"[\s*_,(]*(?:ban{_HS}+hanh{_HS}+)?ngay{_HS}*:?\s*(?:\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}\s*[/.\-]\s*\d{{4}}"
    rf"|\d{{1,2}}\s+thang\s+\d{{1,2}}\s+nam\s+\d{{4}})[\s*_,)]*"
)
_OF = re.compile(r"cua\s+")
# The issuer runs to where the subject or the sentence turns: "về", a date,
# a verb, a quote, a digit, a comma or "và" unless another body follows
# ("của Bộ Chính trị, Ban Bí thư"; not "… khóa XII và sắp xếp …").
_BODY = r"(?:ban|bo|van phong|uy ban|thu tuong|chinh phu|quoc hoi|hoi dong|tinh uy|thanh uy|huyen uy|dang uy)\b"
_ISSUER_END = re.compile(
    rf"\s+(?:ve|ngay|ban{_HS}+hanh|tai|theo|nham|de|trong|voi|gan|toi|den|cho|da|duoc|la|thi)\b"
    rf"|[“\"«;.:(\[\d]|\n\s*\n|,(?!\s+{_BODY})|\s+va\s+(?!{_BODY})"
)
_ABOUT = re.compile(r"ve(?:\s+viec)?\s+")
_SUBJECT_END = re.compile(r"[;:]|\.(?=\s)|\(sau day|\n\s*\n")
# ", Ban Tuyên giáo … xây dựng": the main clause after an opening clause.
_MAIN_CLAUSE = re.compile(
    r",\s+(?:Ban|Bộ|Sở|Ủy|UBND|Huyện|Tỉnh|Thành|Quận|Đảng|Chi|Thường|Mặt|Các|Nay|Đề nghị)\b"
)
_QUOTES = {"“": "”", '"': '"', "«": "»"}
_ISSUER_LIMIT = 120
_SUBJECT_LIMIT = 300
_WINDOW = 800  # what follows a mention that may hold its issuer, date and subject


@dataclass(frozen=True)
class Description:
    """The issuer and subject one citing text gives a document."""

    issuer: str | None
    subject: str | None


def describe(text: str, mention: Mention) -> Description | None:
    """What ``text`` says of the document ``mention`` cites, or None."""
    # Everything is read in a window after the mention, on its shadow (same
    # offsets, letters folded), so a misplaced tone mark hides nothing.
    base = mention.after
    window = text[base:base + _WINDOW]
    shade = shadow(window)
    position = _SKIP.match(shade).end()
    issuer = None
    of = _OF.match(shade, position)
    if of:
        end = _ISSUER_END.search(shade, of.end(), of.end() + _ISSUER_LIMIT + 1)
        if end and end.start() > of.end():
            issuer = clean(window[of.end():end.start()]).strip(" *_")
            position = end.start()
    dated = _DATE_TAIL.match(shade, position)
    if dated:
        position = dated.end()
    position = _SKIP.match(shade, position).end() if not issuer else _spaces(shade, position)
    subject = _quoted(window, position) or _about(window, shade, position, base + len(window) < len(text))
    if not issuer and not subject:
        return None
    return Description(issuer or None, subject or None)


def _spaces(shade: str, position: int) -> int:
    while position < len(shade) and shade[position] in " \t\n*_":
        position += 1
    return position


def _quoted(text: str, position: int) -> str | None:
    close = _QUOTES.get(text[position:position + 1])
    if close is None:
        return None
    end = text.find(close, position + 1, position + 2 + _SUBJECT_LIMIT)
    return clean(text[position + 1:end]).strip() if end > position + 1 else None


def _about(text: str, shade: str, position: int, more: bool) -> str | None:
    """The subject after "về"; ``more`` when ``text`` is cut short of the whole."""
    about = _ABOUT.match(shade, position)
    if about is None:
        return None
    start = about.end()
    quoted = _quoted(text, start)
    if quoted:
        return quoted
    limit = min(len(text), start + _SUBJECT_LIMIT)
    stops = [m.start() for m in (_SUBJECT_END.search(shade, start, limit), _MAIN_CLAUSE.search(text, start, limit)) if m]
    end = min(stops, default=limit)
    subject = clean(text[start:end]).strip(" ,*_")
    if end == limit and (limit < len(text) or more):
        subject = subject[: subject.rfind(" ")] + "…" if " " in subject else subject
    if subject.startswith(tuple(_QUOTES)):
        subject = subject.strip("“”\"«»")
    elif subject.endswith(("”", "»")) and not any(q in subject for q in "“«"):
        subject = subject[:-1]  # the close of a quote the mention stood in: not the subject's
    return subject or None
