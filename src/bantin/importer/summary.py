"""The table printed after importing several files: one row per file, what became of it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .convert import Conversion

HEADINGS = ("Tệp", "Kết quả", "Số hiệu", "Loại", "Cần làm")
_NOTE_MAX = 70


@dataclass(frozen=True)
class Row:
    file: str
    result: str
    number: str = ""
    kind: str = ""
    todo: str = ""


def imported_row(path: Path, conv: Conversion) -> Row:
    todo = []
    if conv.missing_required:
        todo.append("điền " + ", ".join(_LABELS[n] for n in conv.missing_required))
    if conv.source.origin == "ocr":
        unsure = next((r for r in conv.source.reading if r.startswith("OCR không chắc")), None)
        todo.append("đối chiếu bản scan" + (f" ({unsure.split(' (')[0].removeprefix('OCR không chắc ')})" if unsure else ""))
    todo.append("soát rồi đổi draft: false")
    return Row(path.name, "đã nhập", conv.number or "—", conv.kind or "—", "; ".join(todo))


def failed_row(path: Path, message: str) -> Row:
    short = message if len(message) <= _NOTE_MAX else message[: _NOTE_MAX - 1] + "…"
    return Row(path.name, "không nhập", todo=short)


_LABELS = {"kind": "loại", "title": "trích yếu", "issuer": "cơ quan ban hành"}


def table(rows: Sequence[Row]) -> list[str]:
    cells = [HEADINGS, *((r.file, r.result, r.number, r.kind, r.todo) for r in rows)]
    widths = [max(len(row[k]) for row in cells) for k in range(len(HEADINGS))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return lines
