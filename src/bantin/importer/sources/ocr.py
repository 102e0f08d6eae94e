"""Scans: Vietnamese OCR with tesseract (Debian tesseract-ocr, tesseract-ocr-vie), pages rasterised by pdftoppm.

tesseract's TSV gives every word with its box and its confidence. The words
are laid back on a grid of characters, a row per line of the page, so the
result has the shape of ``pdftotext -layout`` and goes through the same
paragraph and column passes as a PDF with a text layer. A scan is always a
draft; the report names each line holding a word the OCR was unsure of.
"""

from __future__ import annotations

import statistics
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from ..source import Source
from .pdf import read_pdf_text
from .tools import ToolError, install_hint, run

DPI = 300
UNSURE = 70  # a word below this confidence (0–100) makes its line "unsure"
_PAGE_TIMEOUT = 300
_SHOWN = 40
_COLUMN_GAP = 3  # letters' width: a wider gap between two words on a row is a gap between columns
_MIN_GAP = 4  # spaces written for such a gap, the column gap layout.columns looks for  # unsure lines named one by one in the report; the rest are counted


@dataclass(frozen=True)
class Word:
    left: int
    top: int
    width: int
    height: int
    conf: float
    text: str


@dataclass(frozen=True)
class Row:
    text: str  # laid out on the character grid
    conf: float  # the least confident word's


def pages_of_words(tsv: str) -> list[list[Word]]:
    """The words of each page (a TIFF may hold several), in tesseract's order."""
    pages: dict[int, list[Word]] = {}
    for line in tsv.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        try:
            page = int(cols[1])
            left, top, width, height = (int(c) for c in cols[6:10])
            conf = float(cols[10])
        except ValueError:
            continue
        pages.setdefault(page, []).append(Word(left, top, width, height, conf, cols[11].strip()))
    return [pages[k] for k in sorted(pages)]


def _rows(words: list[Word]) -> list[list[Word]]:
    """Words side by side on the page, whatever block tesseract put them in, make one row."""
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.top + w.height / 2):
        middle = w.top + w.height / 2
        if rows:
            last = rows[-1]
            centre = statistics.median(x.top + x.height / 2 for x in last)
            if abs(middle - centre) < 0.5 * statistics.median(x.height for x in last):
                last.append(w)
                continue
        rows.append([w])
    return [sorted(r, key=lambda w: w.left) for r in rows]


def layout_page(words: list[Word]) -> list[Row]:
    """The page as rows of text, each word at its column, an empty row where the page has a gap."""
    if not words:
        return []
    char = statistics.median(w.width / len(w.text) for w in words if len(w.text) >= 3) if any(
        len(w.text) >= 3 for w in words) else 20
    origin = min(w.left for w in words)
    line_height = statistics.median(w.height for w in words)
    out: list[Row] = []
    previous_bottom = None
    for row in _rows(words):
        top = min(w.top for w in row)
        if previous_bottom is not None and top - previous_bottom > 1.2 * line_height:
            out.append(Row("", 100.0))
        text = ""
        end = None
        for w in row:
            column = round((w.left - origin) / char)
            if end is not None and w.left - end < _COLUMN_GAP * char:
                text += " " + w.text  # the next word; capitals are wider than the grid's median letter
            else:
                text += " " * max(column - len(text), _MIN_GAP if text else 0) + w.text
            end = w.left + w.width
        out.append(Row(text, min(w.conf for w in row)))
        previous_bottom = max(w.top + w.height for w in row)
    return out


def _check_language() -> None:
    langs = run("tesseract", ["--list-langs"], timeout=60).stdout.decode("utf-8", "replace").split()
    if "vie" not in langs:
        raise ToolError(f"tesseract chưa có dữ liệu tiếng Việt — {install_hint('tesseract-ocr-vie')}")


def ocr_pages(images: Iterable[Path]) -> list[list[Row]]:
    _check_language()
    pages = []
    for image in images:
        tsv = run("tesseract", [str(image), "stdout", "-l", "vie", "tsv"], timeout=_PAGE_TIMEOUT).stdout
        pages += [layout_page(words) for words in pages_of_words(tsv.decode("utf-8", "replace"))]
    return pages


def source_of_pages(name: str, pages: list[list[Row]]) -> Source:
    text = "\n\f".join("\n".join(r.text for r in page) for page in pages)
    source = read_pdf_text(name, text)
    unsure: list[str] = []
    at = 0
    for page in pages:
        for row in page:
            if not row.text:
                continue
            while at < len(source.lines) and source.lines[at].rstrip() != row.text.rstrip():
                at += 1
            if at < len(source.lines) and row.conf < UNSURE:
                unsure.append(f"dòng {at + 1}: “{' '.join(row.text.split())}” ({round(row.conf)}%)")
    reading = [
        "nhận dạng chữ (OCR) bằng tesseract, tiếng Việt — bản nháp: đối chiếu từng dòng với bản giấy trước khi xuất bản",
    ]
    if unsure:
        more = len(unsure) - _SHOWN
        reading.append(f"OCR không chắc {len(unsure)} dòng (chữ có độ tin cậy dưới {UNSURE}%), cần soát kỹ:")
        reading += [f"  {u}" for u in unsure[:_SHOWN]]
        if more > 0:
            reading.append(f"  … và {more} dòng khác")
    return replace(source, origin="ocr", reading=tuple(reading))


def read_images(name: str, images: list[Path]) -> Source:
    return source_of_pages(name, ocr_pages(images))


def read_scanned_pdf(path: Path) -> Source:
    with tempfile.TemporaryDirectory(prefix="bantin-ocr-") as tmp:
        run("pdftoppm", ["-r", str(DPI), "-gray", "-png", str(path), f"{tmp}/trang"], timeout=_PAGE_TIMEOUT)
        images = sorted(Path(tmp).glob("trang*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[-1]))
        return read_images(str(path), images)
