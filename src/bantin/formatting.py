"""How dates and document labels are written for readers, in Vietnamese."""

from __future__ import annotations

import datetime as dt

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
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    when = f"ngày {date.day:02d} tháng {month} năm {date.year}"
    return f"{place}, {when}" if place else f"Văn bản không ghi địa danh, {when}"


def month_label(year: int, month: int) -> str:
    return f"Tháng {month} năm {year}"
