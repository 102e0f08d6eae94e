"""The header block of a directive: issuer, number, place and date, kind, title, Kính gửi.

A PDF or Word header is two columns (issuer and number | Party name and date)
above the kind and title; extracted text puts the columns one after the other,
so every line is recognised on its own and the order does not matter. The
header ends at the first line that is none of these: that is the body.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from ..records import KINDS, Kind
from ..text import fold, squash_spaces
from .numbers import NUMBER_LINE, kind_of_number, read_number_line
from .source import Source, ends_sentence, is_caps, is_ornament, opens_body, starts_lower, strip_emphasis

# "V/v", "V/V", "V.v", typed "v/v" or "V/v:" too; OCR reads the italic "V/v" of a scan as "V⁄%".
_SUBJECT_LINE = re.compile(r"^(?:[Vv]\s?[/⁄∕]\s?[vV%]|[Vv]\.[vV])[^\S\n]*:?(?=\s)\s*(?P<rest>.*)$")
# "Tam Kỳ, ngày 15 tháng 3 năm 2024"; a place may end in its number ("Quận 3", "Phường 12");
# a draft leaves the day and month blank or dotted ("ngày … tháng … năm 2024").
_FULL_DATE_LINE = re.compile(
    r"^(?P<place>[^,\d]*?(?:\s\d{1,2})?)\s*,?\s*ngày\s+(?P<d>\d{0,2})[\s.…_]*tháng\s+(?P<m>\d{0,2})[\s.…_]*năm\s+(?P<y>\d{4})\s*$",
    re.IGNORECASE,
)
# Careless typists write "Tam Kỳ, ngày 15/3/2024": a place and a comma, or
# nothing, before it ("của Hội nghị … ngày 25/11/2024" ends a title instead).
_NUMERIC_DATE_LINE = re.compile(
    r"^(?:(?P<place>[^\W\d][^,\d]{0,40}?(?:\s\d{1,2})?)\s*,\s*)?ngày\s+(?P<d>\d{1,2})\s?(?P<sep>[/.\-])\s?(?P<m>\d{1,2})"
    r"\s?(?P=sep)\s?(?P<y>\d{4})\s*$",
    re.IGNORECASE,
)


def _date_line(text: str) -> re.Match[str] | None:
    return _FULL_DATE_LINE.match(text) or _NUMERIC_DATE_LINE.match(text)


_ADDRESSEES_LINE = re.compile(r"^Kính\s+g[ửở]i\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)  # "gởi": the southern spelling
_HEADING = re.compile(r"^(?:[IVXL]+\s*[.\-–]|\d+[.\-)])\s")
# Dashes, "+", and the bullets Word and web pages leave ("•", "●", "▪", "·", Symbol's U+F0B7, "* ").
# Marks stamped in a header (Nghị định 30: độ mật, độ khẩn; a draft's "DỰ THẢO"), often in a text box.
_MARK_LINE = re.compile(r"^(?:DỰ THẢO(?: LẦN \d+)?|\(?Dự thảo(?: lần \d+)?\)?|MẬT|TỐI MẬT|TUYỆT MẬT|KHẨN|THƯỢNG KHẨN"
                        r"|HỎA TỐC(?: HẸN GIỜ)?|HOẢ TỐC(?: HẸN GIỜ)?)$")
_ITEM = re.compile(r"^(?:[-–+•●▪·\uf0b7\uf0a7]\s*|\*\s+)")
# "Kính gửi: - A; - B." on one line; "chính trị - xã hội" has no comma before its dash.
_INLINE_ITEM = re.compile(r"(?<=[;,])\s+(?=[-–•]\s)")
_KIND_BY_FOLDED = {fold(k.name): k for k in KINDS}
# Kinds of State documents the bulletin does not publish: a header line, never an issuer.
_OTHER_KINDS = {"nghi dinh", "thong tu", "thong tu lien tich", "luat", "phap lenh", "lenh", "giay moi", "dieu le"}
# A line of the issuer block that starts one of these names a new body;
# any other line ("VÀ DOANH NGHIỆP TỈNH THÁI BÌNH") continues the one above.
_BODY_HEADS = (
    "ban ", "dang uy", "dang bo", "dang doan", "chi bo", "chi uy", "huyen uy", "quan uy", "thi uy",
    "thanh uy", "tinh uy", "van phong", "uy ban", "bo chinh tri", "hoi dong", "so ", "phong ",
    "ubnd", "hdnd", "bo ", "cuc ", "tong cuc", "chi cuc", "truong ", "benh vien", "cong an", "vien ", "toa an",
    "trung tam", "thanh tra", "kho bac", "doan ", "mat tran",
)
_SUBJECT_WHERE = (", sau “V/v”", ", dưới số hiệu")
_PREAMBLE_MAX = 4  # non-empty lines a title or heading above the header may take
_ANCHOR_WITHIN = 40
_TITLE_MAX_LINES = 6
_TITLE_MAX_CHARS = 400


@dataclass(frozen=True)
class Header:
    number: str | None = None
    kind: str | None = None
    title: str | None = None
    issuer: str | None = None
    parent: str | None = None
    place: str | None = None
    date: dt.date | None = None
    addressees: tuple[str, ...] = ()
    preamble_end: int = 0  # lines before the header (a title above it) go to the body's start
    # header text no field holds (a third issuer level, words after the number): kept at the body's start
    kept: tuple[tuple[int, str], ...] = ()
    body_start: int = 0
    where: Mapping[str, str] = field(default_factory=dict)  # field -> "dòng 7"
    notes: tuple[str, ...] = ()  # report lines: how a value was read, what was odd


def kind_of_line(text: str) -> Kind | None:
    return _KIND_BY_FOLDED.get(fold(squash_spaces(text)))


def _stray_mark(src: Source, text: str) -> bool:
    """One character alone in a scanned header: the "*" under the issuer, misread by OCR ("W", "x")."""
    return src.origin == "ocr" and len(text) == 1


def _ornament_over_two_lines(lines: tuple[str, ...], i: int) -> bool:
    """"CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM": a narrow column wraps the State name."""
    j = next_filled(lines, i + 1)
    if j >= len(lines) or j > i + 2:
        return False
    return is_ornament(f"{strip_emphasis(lines[i])} {strip_emphasis(lines[j])}")


def is_date_line(text: str) -> bool:
    return bool(_date_line(text))


def _is_anchor(text: str) -> bool:
    """A line only a header has: the number, the date, the Party or State name."""
    return bool(NUMBER_LINE.match(text) or _date_line(text)) or (is_ornament(text) and len(text) > 3)


def header_start(src: Source) -> int:
    """Where the header begins: 0, or after a title or heading above it."""
    lines = src.lines
    anchor = next((i for i in range(min(len(lines), _ANCHOR_WITHIN)) if lines[i] and _is_anchor(strip_emphasis(lines[i]))), None)
    if not anchor:
        return 0
    start, i = anchor, anchor - 1
    while i >= 0:
        text = strip_emphasis(lines[i])
        if not text or is_ornament(text) or _stray_mark(src, text):
            i -= 1
            continue
        if not is_caps(text) or kind_of_line(text) or _HEADING.match(text):
            break
        j = i
        while j > 0 and lines[j - 1] and is_caps(strip_emphasis(lines[j - 1])):
            j -= 1
        if start != anchor and not fold(squash_spaces(strip_emphasis(lines[j]))).startswith(_BODY_HEADS):
            break
        start, i = j, j - 1
    while start > 0 and not lines[start - 1]:
        start -= 1
    before = [x for x in lines[:start] if x]
    if not before or len(before) > _PREAMBLE_MAX or any(kind_of_line(strip_emphasis(x)) for x in before):
        return 0
    return start


def block_end(lines: tuple[str, ...], start: int) -> int:
    """Index just past the run of non-empty lines that starts at ``start``."""
    end = start
    while end < len(lines) and lines[end]:
        end += 1
    return end


def next_filled(lines: tuple[str, ...], start: int) -> int:
    while start < len(lines) and not lines[start]:
        start += 1
    return start


def parse_header(src: Source) -> Header:
    lines = src.lines
    values: dict[str, object] = {}
    where: dict[str, str] = {}
    notes: list[str] = []
    issuer_lines: list[int] = []
    i = first = header_start(src)
    if first:
        notes.append(f"{src.where(0, first - 1)}: dòng đứng trên phần đầu văn bản — giữ ở đầu nội dung")
    while i < len(lines):
        if not lines[i]:
            i += 1
            continue
        text = strip_emphasis(lines[i])
        if is_ornament(text):
            i += 1
        elif _ornament_over_two_lines(lines, i):
            i += 2
        elif _stray_mark(src, text) and "number" not in where:
            # the "*" under the issuer, misread by OCR ("W", "x"): a scan is a draft and the report says so
            notes.append(f"{src.where(i)}: “{text}” đứng riêng dưới tên cơ quan — có lẽ dấu * bị OCR đọc nhầm, bỏ qua")
            i += 1
        elif _MARK_LINE.match(text):
            values["kept"] = (*values.get("kept", ()), (i, text))
            notes.append(f"{src.where(i)}: dấu “{text}” trong phần đầu — không có trường nào cho dấu này, "
                         "giữ ở đầu nội dung")
            i += 1
        elif "number" not in where and (m := NUMBER_LINE.match(joined := _number_text(lines, i))):
            last = i if joined == text else i + 1  # "Số 05-HD/" | "BTGTU": the number read from both lines
            after = _read_number(src, i, last, m["rest"], values, where, notes)
            if after and "date" not in where and (d := _date_line(after)):
                _read_date(src, i, d, values, where, notes)
            elif after:
                values["kept"] = (*values.get("kept", ()), (i, after))
                notes.append(f"{src.where(i)}: “{after}” sau số hiệu — không có trường nào cho phần này, giữ ở đầu nội dung")
            i = last + 1
            if i < len(lines) and lines[i] and "title" not in where and _is_subject_under_number(lines[i]):
                end = _title_block_end(lines, i)
                values["title"] = squash_spaces(" ".join(strip_emphasis(x) for x in lines[i:end]))
                where["title"] = src.where(i, end - 1) + _SUBJECT_WHERE[1]
                i = end
        elif "title" not in where and (m := _SUBJECT_LINE.match(text)):
            end = _title_block_end(lines, i)
            parts = [m["rest"], *(strip_emphasis(x) for x in lines[i + 1 : end])]
            values["title"] = squash_spaces(" ".join(parts))
            where["title"] = src.where(i, end - 1) + _SUBJECT_WHERE[0]
            i = end
        elif "date" not in where and (m := _date_line(text)):
            _read_date(src, i, m, values, where, notes)
            i += 1
        elif "kind" not in where and (kind := kind_of_line(text)):
            values["kind"] = kind.name
            where["kind"] = src.where(i)
            i = _read_title_after_kind(src, i, values, where)
        elif "addressees" not in where and (m := _ADDRESSEES_LINE.match(text)):
            i = _read_addressees(src, i, m["rest"], values, where)
        elif (
            "kind" not in where and "title" not in where and "number" not in where and is_caps(text)
            and not _HEADING.match(text) and not ("date" in where and issuer_lines)
            and fold(squash_spaces(text)) not in _OTHER_KINDS
        ):
            issuer_lines.append(i)
            i += 1
        else:
            break
    if issuer_lines:
        _read_issuer_block(src, issuer_lines, values, where, notes)
    known, code = kind_of_number(str(values["number"])) if values.get("number") else (None, "")
    if "kind" not in values and known:
        values["kind"] = known.name
        where["kind"] = f"theo ký hiệu “{code}” của số hiệu, {where['number']}"
    elif "kind" not in values and where.get("title", "").endswith(_SUBJECT_WHERE):
        values["kind"] = "Công văn"  # Nghị định 30, Hướng dẫn 36: a công văn has a subject, not a kind line
        where["kind"] = f"theo trích yếu của công văn, {where['title']}"
    elif values.get("kind") and values.get("number"):
        if known and known.name != values["kind"]:
            notes.append(
                f"chú ý: loại “{values['kind']}” ({where['kind']}) không khớp ký hiệu “{code}” "
                f"trong số hiệu ({known.name}) — giữ theo dòng tên loại"
            )
    return Header(
        **values,  # type: ignore[arg-type]
        preamble_end=first,
        body_start=i,
        where=MappingProxyType(where),
        notes=tuple(notes),
    )


_BROKEN_NUMBER = re.compile(r"\d\s*[-/–]\s*(?:[^\W\d_]+\s*[-/–]\s*)?$")  # ends at a dash or a slash
_SYMBOL_ONLY = re.compile(r"^[^\W_]+(?:[-–/][^\W_]+)*$")


def _number_text(lines: tuple[str, ...], i: int) -> str:
    """The number line, with the next line when a line break cut the number
    after its slash or dash ("Số 05-HD/" | "BTGTU")."""
    text = strip_emphasis(lines[i])
    if _BROKEN_NUMBER.search(text) and i + 1 < len(lines) and _SYMBOL_ONLY.match(strip_emphasis(lines[i + 1])):
        return text + strip_emphasis(lines[i + 1])
    return text


def _read_number(src: Source, i: int, last: int, rest: str, values: dict, where: dict, notes: list) -> str:
    """Reads the number on lines i..last; returns what follows it."""
    read = read_number_line(rest)
    where["number"] = src.where(i, last)
    values["number"] = read.number
    if read.number is not None and "–" in read.written:
        notes.append(f"{src.where(i, last)}: số hiệu viết “{read.written}”: gạch “–” ghi thành “-”")
    if read.number is None:
        notes.append(f"{src.where(i)}: số hiệu “{read.written}” không đủ dạng <số>-<loại>/<cơ quan> "
                      "hay <số>/<loại>-<cơ quan> — để trống (null)")
    return read.rest


def _is_subject_under_number(line: str) -> bool:
    """The Công văn subject written right under the number, without "V/v"."""
    text = strip_emphasis(line)
    if (not text or is_caps(text) or is_ornament(text) or _date_line(text) or _ADDRESSEES_LINE.match(text)
            or _SUBJECT_LINE.match(text)):  # "v/v …": read as a V/v line, without its "v/v"
        return False
    return starts_lower(text) or bool(re.match(r"^(?:Về việc|Về)\s", text))


def _read_date(src: Source, i: int, m: re.Match[str], values: dict, where: dict, notes: list) -> None:
    place = squash_spaces(m["place"] or "").strip(" ,")
    if place:
        values["place"] = place
        where["place"] = src.where(i)
    where["date"] = src.where(i)
    try:
        values["date"] = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        values["date"] = None
        notes.append(f"{src.where(i)}: ngày tháng không đủ hoặc không hợp lệ (“{squash_spaces(m[0])}”) — để trống (null)")


def _title_block_end(lines: tuple[str, ...], start: int) -> int:
    """A title runs to the first empty line, and never into the date or Kính gửi line, the
    body's opening words, or a line in capitals under a title that is not."""
    end = start + 1
    caps = is_caps(strip_emphasis(lines[start]))
    while end < len(lines) and lines[end]:
        text = strip_emphasis(lines[end])
        if _date_line(text) or _ADDRESSEES_LINE.match(text) or is_ornament(text) or opens_body(text):
            break
        if is_caps(text) and not caps:  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" under "Về việc …": the next element
            break
        end += 1
    return end


def _read_title_after_kind(src: Source, i: int, values: dict, where: dict) -> int:
    """The trích yếu under "KẾ HOẠCH": the lines right below it, or the next block."""
    lines = src.lines
    start = i + 1 if i + 1 < len(lines) and lines[i + 1] else next_filled(lines, i + 1)
    if start >= len(lines):
        return start
    end = _title_block_end(lines, start)
    block = [strip_emphasis(x) for x in lines[start:end]]
    joined = squash_spaces(" ".join(block))
    bold = lines[start].lstrip().startswith("**")
    # A long block ending like a sentence is the first body paragraph, not a title.
    if end - start > _TITLE_MAX_LINES or len(joined) > _TITLE_MAX_CHARS or (ends_sentence(joined) and not bold):
        return i + 1
    if _HEADING.match(block[0]) or _ADDRESSEES_LINE.match(block[0]):
        return i + 1
    values["title"] = joined
    where["title"] = src.where(start, end - 1)
    return end


def split_items(lines: list[str]) -> list[str]:
    """Items of a "- A;\\n- B," list; a line without a dash continues the item above.
    In a list with no dash at all (Word's automatic bullets lost on the way),
    a line ending in ";" or "," ends its item."""
    items: list[str] = []
    parts = [text for whole in lines for part in _INLINE_ITEM.split(whole) if (text := _item_text(part))]
    undashed = not any(_ITEM.match(text) for text in parts)
    for text in parts:
        if _ITEM.match(text) or not items or (undashed and items[-1].endswith((";", ","))):
            items.append(_ITEM.sub("", text))
        else:
            items[-1] = f"{items[-1]} {text}"
    return [squash_spaces(item).rstrip(" ,;.") for item in items if item.strip(" ,;.")]


def _item_text(line: str) -> str:
    """The line without emphasis at its ends; a "* " bullet is not emphasis."""
    line = line.strip()
    return "* " + strip_emphasis(line[2:]) if line.startswith("* ") else strip_emphasis(line)


def list_end(lines: tuple[str, ...], start: int, limit: int | None = None) -> int:
    """End of a dashed list that may be interrupted by empty lines (one item per Word paragraph)."""
    limit = len(lines) if limit is None else limit
    end = min(block_end(lines, start), limit)
    while True:
        nxt = next_filled(lines, end)
        if nxt < limit and _ITEM.match(_item_text(lines[nxt])):
            end = min(block_end(lines, nxt), limit)
        else:
            return end


def _read_addressees(src: Source, i: int, rest: str, values: dict, where: dict) -> int:
    end = list_end(src.lines, i)
    values["addressees"] = tuple(split_items([rest, *src.lines[i + 1 : end]]))
    where["addressees"] = src.where(i, end - 1)
    return end


def _read_issuer_block(src: Source, indexes: list[int], values: dict, where: dict, notes: list) -> None:
    units: list[tuple[list[int], str]] = []
    for i in indexes:
        text = squash_spaces(strip_emphasis(src.lines[i]))
        if not units or fold(text).startswith(_BODY_HEADS):
            units.append(([i], text))
        else:
            units[-1][0].append(i)
            units[-1] = (units[-1][0], f"{units[-1][1]} {text}")
    lines, issuer = units[-1]
    values["issuer"] = issuer
    where["issuer"] = src.where(lines[0], lines[-1])
    if len(units) >= 2:
        lines, parent = units[-2]
        values["parent"] = parent
        where["parent"] = src.where(lines[0], lines[-1])
    for lines, text in units[:-2]:
        values["kept"] = (*values.get("kept", ()), *((j, strip_emphasis(src.lines[j])) for j in lines))
        notes.append(f"chú ý: {src.where(lines[0], lines[-1])}: “{text}” ở trên cơ quan cấp trên — không có trường "
                     "nào cho dòng này, giữ ở đầu nội dung")
