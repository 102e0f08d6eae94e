"""One file in, text lines out: the reader for each kind of file, chosen by its name's ending."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import replace
from pathlib import Path

from ...problems import cannot_read
from ...text import find_control
from ..docx import DocxError, read_docx
from ..source import Source, text_source
from .legacy_fonts import LEGACY_NAMES, Decoded, decode_legacy, foreign, garbled
from .tools import ToolError

TEXT = (".txt",)
WORD = (".docx",)
PDF = (".pdf",)
IMAGES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
OFFICE = (".doc", ".odt")
SUFFIXES = (*TEXT, *WORD, *PDF, *IMAGES, *OFFICE)
KNOWN = ".txt, .docx, .doc, .odt, .pdf, ảnh .png/.jpg/.tif"


class ReadError(Exception):
    """A file that cannot be read; the message is for the editor."""


def read_source(path: Path) -> Source:
    suffix = path.suffix.lower()
    try:
        if suffix in PDF:
            from .pdf import read_pdf

            return _checked(read_pdf(path))
        if suffix in IMAGES:
            from .ocr import read_images

            return _checked(read_images(str(path), [path]))
        if suffix in OFFICE:
            from .office import read_office

            return _checked(read_office(path))
        data = path.read_bytes()
    except (ToolError, DocxError) as error:
        raise ReadError(str(error)) from error
    except OSError as error:
        raise ReadError(cannot_read(error)) from error
    if suffix in WORD:
        try:
            return _checked(read_docx(data, str(path)))
        except DocxError as error:
            raise ReadError(str(error)) from error
    return _checked(_plain_text(str(path), data))


def _plain_text(name: str, data: bytes) -> Source:
    """UTF-8 text; UTF-16 with its byte order mark (Notepad's "Unicode"); TCVN3/VNI
    text saved byte for byte, which reads as Latin-1; or Windows-1258."""
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    try:
        text = data.decode("utf-16") if utf16 else data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if utf16:
            raise ReadError("tệp UTF-16 bị hỏng (thiếu byte) — hãy lưu lại với mã UTF-8 rồi nhập lại") from error
        decoded = decode_legacy(data.decode("latin-1"))
        if decoded.encoding is None:
            decoded = _windows_1258(data)
        if decoded.encoding is None:
            raise ReadError("tệp không phải văn bản UTF-8 — hãy lưu lại với mã UTF-8 rồi nhập lại") from error
    else:
        decoded = decode_legacy(text)
    source = text_source(name, decoded.text)
    if decoded.encoding:
        source = with_reading(source, f"chữ gõ bằng bảng mã {LEGACY_NAMES[decoded.encoding]}: đã chuyển sang Unicode")
    return source


def _windows_1258(data: bytes) -> Decoded:
    """Windows-1258 (Windows' Vietnamese code page: tone marks as separate
    bytes), when every mark lands on a letter it belongs to and no letter
    foreign to Vietnamese is left; else nothing."""
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return Decoded("", None)
    stray = any(unicodedata.combining(c) for c in text)  # a mark NFC could not put on a letter
    if stray or foreign(text) or not any(c in _CP1258_LETTERS for c in text):
        return Decoded("", None)
    return Decoded(text, "Windows-1258")


_CP1258_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")


def _checked(source: Source) -> Source:
    """Refuses a file with no text, text with control characters, or letters no encoding explains (mojibake)."""
    if not any(line.strip() for line in source.lines):
        raise ReadError("tệp trống, không có chữ nào — không nhập; hãy kiểm tra lại tệp gốc")
    found = garbled(source.lines)
    if found is not None:
        i, sample = found
        raise ReadError(
            f"{source.where(i)}: chữ bị lỗi bảng mã (“{sample}”) — không đoán được chữ gốc. Hãy mở tệp gốc bằng "
            "phông đúng của nó, lưu lại dạng Unicode (UTF-8 hoặc .docx) rồi nhập lại")
    # Any other control character would be written into content that
    # `bantin check` then refuses: say so now, where it can be fixed.
    control = find_control("\n".join(source.lines))
    if control is not None:
        line, column, code = control
        raise ReadError(f"dòng {line}, cột {column}: ký tự điều khiển {code} (không nhìn thấy) — "
                        "hãy xóa ký tự này rồi nhập lại")
    return source


def with_reading(source: Source, *lines: str) -> Source:
    return replace(source, reading=(*source.reading, *lines))
