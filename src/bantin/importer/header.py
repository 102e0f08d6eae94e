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
from .source import Source, ends_sentence, is_caps, is_ornament, strip_emphasis

_NUMBER_LINE = re.compile(r"^Số\s*:?\s*(?P<rest>\d*\s*[a-zA-Z]?\s*-.*)$")
NUMBER_SHAPE = re.compile(r"^[0-9]+[a-z]?-[^\s/]+(/[^\s/]+)+$")  # as in directive.schema.json
_SUBJECT_LINE = re.compile(r"^V/v\b\s*(?P<rest>.*)$")
_DATE_LINE = re.compile(
    r"^(?P<place>[^,\d]*?)\s*,?\s*ngày\s+(?P<d>\d{0,2})\s*tháng\s+(?P<m>\d{0,2})\s*năm\s+(?P<y>\d{4})\s*$",
    re.IGNORECASE,
)
_ADDRESSEES_LINE = re.compile(r"^Kính\s+gửi\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_HEADING = re.compile(r"^(?:[IVXL]+\s*[.\-–]|\d+[.\-)])\s")
_ITEM = re.compile(r"^[-–+•]\s*")
# "Kính gửi: - A; - B." on one line; "chính trị - xã hội" has no comma before its dash.
_INLINE_ITEM = re.compile(r"(?<=[;,])\s+(?=[-–•]\s)")
_KIND_BY_FOLDED = {fold(k.name): k for k in KINDS}
_KIND_BY_CODE = {k.code: k for k in KINDS}
# A line of the issuer block that starts one of these names a new body;
# any other line ("VÀ DOANH NGHIỆP TỈNH THÁI BÌNH") continues the one above.
_BODY_HEADS = (
    "ban ", "dang uy", "dang bo", "dang doan", "chi bo", "chi uy", "huyen uy", "quan uy", "thi uy",
    "thanh uy", "tinh uy", "van phong", "uy ban", "bo chinh tri", "hoi dong", "so ", "phong ",
)
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
    body_start: int = 0
    where: Mapping[str, str] = field(default_factory=dict)  # field -> "dòng 7"
    notes: tuple[str, ...] = ()  # report lines: how a value was read, what was odd


def kind_of_line(text: str) -> Kind | None:
    return _KIND_BY_FOLDED.get(fold(squash_spaces(text)))


def number_code(number: str) -> str:
    """"KH" of "02-KH/BTGDUK"."""
    return number.split("-", 1)[1].split("/", 1)[0]


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
    i = 0
    while i < len(lines):
        if not lines[i]:
            i += 1
            continue
        text = strip_emphasis(lines[i])
        if is_ornament(text):
            i += 1
        elif "number" not in where and (m := _NUMBER_LINE.match(text)):
            _read_number(src, i, m["rest"], values, where, notes)
            i += 1
        elif "title" not in where and (m := _SUBJECT_LINE.match(text)):
            end = _title_block_end(lines, i)
            parts = [m["rest"], *(strip_emphasis(x) for x in lines[i + 1 : end])]
            values["title"] = squash_spaces(" ".join(parts))
            where["title"] = src.where(i, end - 1) + ", sau “V/v”"
            i = end
        elif "date" not in where and (m := _DATE_LINE.match(text)):
            _read_date(src, i, m, values, where, notes)
            i += 1
        elif "kind" not in where and (kind := kind_of_line(text)):
            values["kind"] = kind.name
            where["kind"] = src.where(i)
            i = _read_title_after_kind(src, i, values, where)
        elif "addressees" not in where and (m := _ADDRESSEES_LINE.match(text)):
            i = _read_addressees(src, i, m["rest"], values, where)
        elif "kind" not in where and "title" not in where and is_caps(text) and not _HEADING.match(text):
            issuer_lines.append(i)
            i += 1
        else:
            break
    if issuer_lines:
        _read_issuer_block(src, issuer_lines, values, where, notes)
    if "kind" not in values and values.get("number"):
        code = number_code(str(values["number"]))
        if code in _KIND_BY_CODE:
            values["kind"] = _KIND_BY_CODE[code].name
            where["kind"] = f"theo ký hiệu “{code}” của số hiệu, {where['number']}"
    elif values.get("kind") and values.get("number"):
        code = number_code(str(values["number"]))
        known = _KIND_BY_CODE.get(code)
        if known and known.name != values["kind"]:
            notes.append(
                f"chú ý: loại “{values['kind']}” ({where['kind']}) không khớp ký hiệu “{code}” "
                f"trong số hiệu ({known.name}) — giữ theo dòng tên loại"
            )
    return Header(
        **values,  # type: ignore[arg-type]
        body_start=i,
        where=MappingProxyType(where),
        notes=tuple(notes),
    )


def _read_number(src: Source, i: int, rest: str, values: dict, where: dict, notes: list) -> None:
    number = re.sub(r"\s+", "", rest)
    where["number"] = src.where(i)
    if NUMBER_SHAPE.match(number):
        values["number"] = number
    else:
        values["number"] = None
        notes.append(f"{src.where(i)}: số hiệu “{squash_spaces(rest)}” không đủ dạng <số>-<loại>/<cơ quan> — để trống (null)")


def _read_date(src: Source, i: int, m: re.Match[str], values: dict, where: dict, notes: list) -> None:
    place = m["place"].strip(" ,")
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
    """A title runs to the first empty line, and never into the date or Kính gửi line."""
    end = start + 1
    while end < len(lines) and lines[end]:
        text = strip_emphasis(lines[end])
        if _DATE_LINE.match(text) or _ADDRESSEES_LINE.match(text) or is_ornament(text):
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
    """Items of a "- A;\\n- B," list; a line without a dash continues the item above."""
    items: list[str] = []
    for line in (part for whole in lines for part in _INLINE_ITEM.split(whole)):
        text = strip_emphasis(line)
        if not text:
            continue
        if _ITEM.match(text) or not items:
            items.append(_ITEM.sub("", text))
        else:
            items[-1] = f"{items[-1]} {text}"
    return [squash_spaces(item).rstrip(" ,;.") for item in items if item.strip(" ,;.")]


def list_end(lines: tuple[str, ...], start: int) -> int:
    """End of a dashed list that may be interrupted by empty lines (one item per Word paragraph)."""
    end = block_end(lines, start)
    while True:
        nxt = next_filled(lines, end)
        if nxt < len(lines) and _ITEM.match(strip_emphasis(lines[nxt])):
            end = block_end(lines, nxt)
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
        notes.append(f"chú ý: {src.where(lines[0], lines[-1])}: “{text}” ở trên cơ quan cấp trên — chưa ghi vào trường nào")
