"""The signature block: authority (T/M, K/T, T/L, T/UQ), on whose behalf, position, name.

Found from its end: the name is the last line of the range, above it the
lines in capitals ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"; "Q. GIÁM ĐỐC" for an
acting head). "(đã ký)" between them, which a typed copy puts where the
signature was, is not part of any field: its lines are handed back so the
report can say they were left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import STATE_AUTHORITIES, Signer
from ..text import fold, squash_spaces
from .source import Source, is_caps, is_ornament, strip_emphasis

# "T/M", State "TM.", and "T.M" / "K.T" as many typists write them.
# The code ends at a dot or a space: "KTX SINH VIÊN" is no "KT.".
_AUTHORITY = re.compile(r"^(?P<a>T/M|K/T|T/L|T/UQ|TM|KT|TL|TUQ|T\.M|K\.T|T\.L|T\.UQ)(?:\.\s*|\s+)(?P<rest>\S.*)$")
# A second authority on the first one's line, as PDF text gives it:
# "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH".
_INNER_AUTHORITY = re.compile(r"\s(?P<a>K/T|T/L|T/UQ|KT\.|TL\.|TUQ\.)\s*(?P<rest>\S.*)$")
# Each code without its marks ("TM", from "T/M", "TM." or "T.M"), to its Party form.
_AUTHORITY_NAMES = {state.rstrip("."): party for party, state in STATE_AUTHORITIES.items()}
_POSITION_WORDS = ("truong", "pho", "bi thu", "chu tich", "chanh", "uy vien", "giam doc", "thuong truc", "ban ",
                   "q. ", "tong ", "cuc ", "vu ")
# A name in capitals is no position: the words with their tones and whole, so that
# "VŨ", "TRƯƠNG", "TỐNG", "PHONG" (names) are not "vụ", "trưởng", "tổng", "phó".
_POSITION_IN_NAME = re.compile(
    r"(?<!\w)(?:trưởng|phó|bí thư|chủ tịch|chánh|ủy viên|uỷ viên|giám đốc|thường trực|ban|q\.|tổng|cục|vụ)(?!\w)")
_NAME = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+){1,6}$")
# A degree or a rank before the name ("TS. Nguyễn Văn A", "Thiếu tướng Trần B"): part of the name as signed.
_TITLE_BEFORE_NAME = re.compile(
    r"^(?:(?:(?:PGS|GS)\.\s?)?(?:TS|ThS|BS|KS|CN|TS\.BS|BSCKII|BSCKI)\.\s?"
    r"|(?:Đại|Thượng|Trung|Thiếu)\s(?:tướng|tá|úy)\s|(?:Nhà giáo|Nghệ sĩ) (?:Nhân dân|Ưu tú) )"
)
# "Nguyễn Văn A (đã ký)": the mark typed on the name's line.
_SIGNED_AFTER = re.compile(r"^(?P<name>.*?\S)\s*(?P<mark>[(\[][^()\[\]]*[)\]])$")
_SIGNED = re.compile(r"^[(\[]\s*(?:đã\s+ký|ký|ký\s+tên|ký,?\s+đóng\s+dấu|đã\s+ký\s+và\s+đóng\s+dấu)[^)\]]*[)\]]$",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Signature:
    signer: Signer
    first: int  # first line of the block
    signed: tuple[tuple[int, str], ...] = ()  # (line, "(đã ký)"): marks left out of every field


def is_signed_mark(text: str) -> bool:
    return bool(_SIGNED.match(text))


def last_filled(lines: tuple[str, ...], end: int) -> int:
    i = end - 1
    while i > 0 and not lines[i]:
        i -= 1
    return i


def _looks_like_name(text: str) -> bool:
    text = _TITLE_BEFORE_NAME.sub("", text)
    if not _NAME.match(text):
        return False
    words = text.split()
    if all(w[0].isupper() and not w.isupper() for w in words if len(w) > 1):
        return True
    return is_caps(text) and _POSITION_IN_NAME.search(text.lower()) is None


def _authority(m: re.Match[str]) -> str:
    return _AUTHORITY_NAMES.get(re.sub(r"[./]", "", m["a"]), m["a"])


def find_signature(src: Source, start: int, end: int) -> Signature | None:
    """The signature at the end of lines[start:end]: capitals, then a name."""
    lines = src.lines
    name_at = last_filled(lines, end)
    signed: list[tuple[int, str]] = []
    while name_at > start and is_signed_mark(strip_emphasis(lines[name_at])):  # "(đã ký)" under the name
        signed.append((name_at, squash_spaces(strip_emphasis(lines[name_at]))))
        name_at = last_filled(lines, name_at)
    if name_at < start or not lines[name_at]:
        return None
    name = squash_spaces(strip_emphasis(lines[name_at]))
    after = _SIGNED_AFTER.match(name)
    if after and is_signed_mark(after["mark"]):
        signed.append((name_at, after["mark"]))
        name = after["name"]
    if not _looks_like_name(name):
        return None
    position_lines: list[int] = []
    i = name_at - 1
    while i >= start:
        text = strip_emphasis(lines[i])
        if not text:
            i -= 1
            continue
        if is_signed_mark(text):
            signed.append((i, squash_spaces(text)))
            i -= 1
            continue
        if not is_caps(text) or is_ornament(text):
            break
        position_lines.insert(0, i)
        i -= 1
    if not position_lines:
        return None
    parts = [squash_spaces(strip_emphasis(lines[j])) for j in position_lines]
    m = _AUTHORITY.match(parts[0])
    if m is None and not any(w in fold(" ".join(parts)) for w in _POSITION_WORDS):
        return None
    if m is not None:
        lines_after = parts[1:]
        # A last line that is an authority ("… / KT. CHỦ TỊCH" over the name) is no position.
        position = lines_after.pop() if lines_after and not _AUTHORITY.match(lines_after[-1]) else None
        behalf = [m["rest"], *lines_after]
        # "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": a second authority line.
        at, second = next(((k, found) for k, line in enumerate(behalf[1:], 1)
                           if (found := _AUTHORITY.match(line))), (len(behalf), None))
        if second is None and (inner := _INNER_AUTHORITY.search(behalf[0])):
            behalf[0] = behalf[0][:inner.start()]
            second = inner
        signer = Signer(name=name, position=position, authority=_authority(m), on_behalf_of=" ".join(behalf[:at]) or None,
                        second_authority=_authority(second) if second else None,
                        second_on_behalf_of=" ".join([second["rest"], *behalf[at + 1:]]) if second else None)
    else:
        signer = Signer(name=name, position=" ".join(parts))
    return Signature(signer, position_lines[0], tuple(sorted(signed)))
