"""The number line of a header, Party form ("Số 02-KH/BTGDUK") and State form ("Số: 547/QĐ-UBND").

The number is stored as written, spaces taken out; anything after it on the
same line (a date cell the layout put beside it) is handed back to the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import KINDS, Kind

# "Số: …/QĐ-UBND", "Số ....-KH/TU": a draft leaves the serial blank or dotted.
NUMBER_LINE = re.compile(r"^(?:Số|SỐ|số)\s*:?\s*(?P<rest>(?:\d*|[.…_]+)\s*[a-zA-Z]?\s*[-/–].*)$")
_TOKEN = re.compile(r"^\d+\s*[a-zA-Z]?(?:\s*[-/–]\s*[^\s,/\-–]+)+")
PARTY_SHAPE = re.compile(r"^[0-9]+[a-z]?-[^\s/]+(/[^\s/]+)+$")  # as in directive.schema.json
# Nghị định 30/2020/NĐ-CP: <số>/<năm>/<loại>-<cơ quan>, or <số>/<loại>-<cơ quan> without the year.
STATE_SHAPE = re.compile(r"^[0-9]+[a-z]?(?:/[0-9]{4})?/[^\s/\-]+(?:-[^\s/]+)*$")
_KIND_BY_CODE = {k.code: k for k in KINDS}
# State codes that name another kind than the Party code does ("TT" is a Thông tư there, not a Thông tri).
_STATE_CODES = {"QĐ", "NQ", "CT", "KH", "TB", "BC", "TTr", "HD", "QC", "KL", "BB", "CTr", "ĐA", "PA"}


@dataclass(frozen=True)
class NumberLine:
    number: str | None  # None when the line lacks a part
    written: str  # as the line has it, spaces squashed
    rest: str  # what follows the number on the line


def read_number_line(rest: str) -> NumberLine:
    m = _TOKEN.match(rest.strip())
    token = m[0] if m else rest.strip()
    after = rest.strip()[len(token):].strip() if m else ""
    number = re.sub(r"\s+", "", token).replace("–", "-")  # an en dash typed for the hyphen
    ok = PARTY_SHAPE.match(number) or STATE_SHAPE.match(number)
    return NumberLine(number if ok else None, " ".join(token.split()), after)


def is_state(number: str) -> bool:
    return not PARTY_SHAPE.match(number) and bool(STATE_SHAPE.match(number))


def kind_of_number(number: str) -> tuple[Kind | None, str]:
    """The kind a number's code names, and the code: "KH" of "02-KH/BTGDUK", "QĐ" of "547/QĐ-UBND"."""
    if is_state(number):
        code = number.rsplit("/", 1)[1].split("-", 1)[0]
        return (_KIND_BY_CODE[code] if code in _STATE_CODES and code in _KIND_BY_CODE else None), code
    code = number.split("-", 1)[1].split("/", 1)[0]
    return _KIND_BY_CODE.get(code), code
