"""How dates and document labels are written for readers, in Vietnamese."""

from __future__ import annotations

import datetime as dt
import re

from markupsafe import Markup

from .records import STATE_AUTHORITIES

UNKNOWN_DATE = "chưa rõ ngày"


def short_date(date: dt.date | None) -> str:
    """16/12/2024, the way lists and citations write dates."""
    return f"{date.day:02d}/{date.month:02d}/{date.year}" if date else UNKNOWN_DATE


def issued_line(place: str | None, date: dt.date | None) -> str:
    """"Thái Bình, ngày 16 tháng 12 năm 2024", the official place-and-date line.

    Hướng dẫn 36-HD/VPTW writes days below 10 and the months January and
    February with a leading zero ("ngày 05 tháng 02 năm 2025").
    """
    if date is None:
        return f"{place}, văn bản không ghi ngày" if place else "Văn bản không ghi địa danh, ngày ban hành"
    when = issued_date(date)
    return f"{place}, {when}" if place else f"Văn bản không ghi địa danh, {when}"


def issued_date(date: dt.date) -> str:
    """"ngày 05 tháng 02 năm 2025": the date of the place-and-date line."""
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"ngày {date.day:02d} tháng {month} năm {date.year}"


def month_label(year: int, month: int) -> str:
    return f"Tháng {month} năm {year}"


BLANK = "…"  # an official slot the document leaves empty, to be filled by hand


def issued_slots(place: str | None, date: dt.date | None) -> str:
    """The place-and-date line as printed: what the document does not give
    stays an empty slot ("…, ngày … tháng … năm …"), never a remark."""
    if date is not None:
        return issued_line(place or BLANK, date)
    return f"{place or BLANK}, ngày {BLANK} tháng {BLANK} năm {BLANK}"


# An administrative unit's word, then its name to the end of an issuer's
# name: "… tỉnh Thái Bình", "Huyện ủy Vĩnh Bảo", "Quận ủy Nam Từ Liêm".
_PLACE = re.compile(r"(?i)\b((?:tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường)(?: (?:ủy|uỷ))?) "
                    r"((?:\S+ ){0,3}\S+)$")


def keep_place(name: str) -> Markup:
    """An issuer's name, escaped, its unit ("Quận ủy") and closing place name
    ("Nam Từ Liêm") each kept on one line: a printed column must not break
    "Thái / Bình"."""
    match = _PLACE.search(name)
    if match is None:
        return Markup.escape(name)
    keep = Markup('<span class="bt-nowrap">%s</span>')
    return Markup.escape(name[:match.start()]) + keep % match[1] + " " + keep % match[2]


def state_authority(authority: str) -> str:
    """A signing authority as State documents write it: "T/M" is "TM."."""
    return STATE_AUTHORITIES.get(authority, authority)
