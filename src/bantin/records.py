"""Validated records: what a directive or a slogan set is once it has been read.

These are plain frozen dataclasses; ``bantin.corpus`` builds them from content
files and every later stage (links, timeline, pages) only reads them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Iterable, Mapping

from .kinds import KIND_BY_NAME, KINDS, Kind
from .numbers import STATE, DocNumber

_NEWLINE = re.compile("\n")



# Issuer levels a reader filters by (cấp ban hành).
LEVELS: Mapping[str, str] = MappingProxyType(
    {
        "trung-uong": "Trung ương",
        "tinh": "Tỉnh, thành phố",
        "huyen": "Huyện, quận",
        "co-so": "Cơ sở",
    }
)

# Signing authority before the position (thẩm quyền ký).
AUTHORITIES: Mapping[str, str] = MappingProxyType(
    {
        "T/M": "thay mặt",
        "K/T": "ký thay",
        "T/L": "thừa lệnh",
        "T/UQ": "thừa ủy quyền",
    }
)

# The same authorities as State documents write them (Nghị định 30/2020/NĐ-CP):
# content may use either; records keep the Party form, pages print the
# document's own.
STATE_AUTHORITIES: Mapping[str, str] = MappingProxyType({"T/M": "TM.", "K/T": "KT.", "T/L": "TL.", "T/UQ": "TUQ."})

UNDATED_FOLDER = "chua-ro-ngay"

# Which official form a document takes: a State number ("15/KH-UBND") is a
# State document's, unless its issuer is a Party committee ("15/QĐ-ĐU", as
# some committees write theirs); without a number, the issuer's name says.
_PARTY_SYMBOL = re.compile(r"(?:TW|TU|HU|QU|TXU|TPU|ĐU|DU|ĐUK|DUK)$", re.IGNORECASE)
_STATE_ISSUER = re.compile(r"(?:ủy ban nhân dân|uỷ ban nhân dân|hội đồng nhân dân|sở|bộ(?! chính trị)|chính phủ|thủ tướng|"
                           r"quốc hội|cục|tổng cục|phòng)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Signer:
    """Signature block: "K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN / Dương Thị Bích";
    a State one may have two authority lines: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ
    TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn A"."""

    name: str | None
    position: str | None
    authority: str | None = None
    on_behalf_of: str | None = None
    second_authority: str | None = None
    second_on_behalf_of: str | None = None


@dataclass(frozen=True)
class Recipient:
    """One line of "Nơi nhận", with its note such as "để báo cáo"."""

    name: str
    note: str | None = None


@dataclass(frozen=True)
class Directive:
    """One published or draft directive, validated."""

    path: str  # relative to the content folder: "directives/2024/02-kh-btgduk.md"
    folder: str  # "2024", or UNDATED_FOLDER
    slug: str
    number: str | None
    kind: str
    title: str
    issuer: str
    parent: str | None
    place: str | None
    date: dt.date | None
    level: str | None
    signer: Signer | None
    addressees: tuple[str, ...]
    recipients: tuple[Recipient, ...]
    recipient_notes: tuple[str, ...]
    topics: tuple[str, ...]
    inferred: Mapping[str, str]
    draft: bool
    body: str
    body_line: int  # 1-based line of the file on which ``body`` starts
    replaced_by: str | None = None  # a number or a content path (bantin.status), when an editor says so
    original: str | None = None  # the original file beside the Markdown ("directives/2024/x.pdf"), if any
    field_lines: Mapping[str, int] = field(default_factory=dict, compare=False)
    doc_number: DocNumber | None = None  # ``number`` parsed once, at load

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @cached_property
    def state_form(self) -> bool:
        """Whether the page shows the State form (Nghị định 30/2020/NĐ-CP)
        rather than the Party's (Hướng dẫn 36-HD/VPTW)."""
        if self.doc_number is None:
            return _STATE_ISSUER.match(self.issuer.strip()) is not None
        symbol = (self.doc_number.issuer or "").rsplit("-", 1)[-1]
        return self.doc_number.style == STATE and _PARTY_SYMBOL.search(symbol) is None

    @cached_property  # every listing and the graph sort by it
    def newest_first(self) -> tuple:
        """Sort key: newest first, undated last, then by path (stable)."""
        return (self.date is None, -(self.date.toordinal() if self.date else 0), self.path)

    def line_of(self, offset: int) -> int:
        """File line of a character offset into ``body``."""
        return self.body_line + bisect.bisect_left(self._newlines, offset)

    @cached_property
    def _newlines(self) -> list[int]:
        # Counting from the start for each offset grew with the square: 15,000
        # deadlines in a 1 MB body took 9 s of a build.
        return [found.start() for found in _NEWLINE.finditer(self.body)]

    def lines_of(self, offsets: Iterable[int]) -> list[int]:
        """File lines of increasing offsets into ``body``, counted in one pass."""
        lines, line, counted = [], self.body_line, 0
        for offset in offsets:
            line += self.body.count("\n", counted, offset)
            counted = offset
            lines.append(line)
        return lines


@dataclass(frozen=True)
class Slogan:
    position: int  # 1-based, the official order
    text: str


@dataclass(frozen=True)
class SloganSet:
    """Approved slogans (khẩu hiệu) and the directive that approves them."""

    path: str
    slug: str
    directive_path: str  # the approving directive, resolved
    occasion: str
    approved: dt.date | None
    valid_from: dt.date | None
    valid_until: dt.date | None
    slogans: tuple[Slogan, ...]
    field_lines: Mapping[str, int] = field(default_factory=dict, compare=False)
