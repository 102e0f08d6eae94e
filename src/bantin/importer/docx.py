"""Reading a Word .docx into the same numbered lines a plain-text seed has.

Only the standard library: a .docx is a zip of XML. Each paragraph becomes a
line (a manual line break, a new line), followed by an empty line, as PDF text
has; consecutive centred paragraphs stay together, since a centred title or
signature split over several paragraphs is still one block. Table cells (the
two-column header, Nơi nhận beside the signature) are read one after another,
as PDF text reads columns. Bold and italic runs become ``**`` and ``*``;
automatic numbering is written out as text ("1.", "a)", "-"); footnotes are
kept for Markdown ``[^n]``.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import Iterator
from xml.etree import ElementTree as ET

from ..text import nfc
from .source import Source
from .sources.legacy_fonts import LEGACY_NAMES, convert_run, font_encoding

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_NOT_READ = frozenset({f"{MC}Fallback", f"{W}del", f"{W}moveFrom"})
_OFF = {"0", "false", "none"}
_BULLET_GLYPHS = {"+": "+"}  # other bullet glyphs (•, , o, –) become Markdown "-"


# The only parts read; every other member of the archive is never inflated.
PARTS = ("word/document.xml", "word/numbering.xml", "word/styles.xml", "word/footnotes.xml")
# Documented limits (README, docs/huong-dan-bien-tap/nhap-van-ban.md): a directive's document.xml is a
# few hundred KB; a part inflating past this is refused before it can fill memory.
PART_LIMIT = 32 * 1024 * 1024
NUMBER_START_LIMIT = 10_000  # Word's lists start at 0 or 1; a start past this is not a real document's


class DocxError(ValueError):
    """The file is not a readable .docx; the message is for the editor."""


def _bounded_read(z: zipfile.ZipFile, name: str) -> bytes:
    """The part, inflated at most PART_LIMIT bytes: the size in the archive's directory may lie."""
    with z.open(name) as member:
        data = member.read(PART_LIMIT + 1)
    if len(data) > PART_LIMIT:
        raise DocxError(f"phần {name} trong tệp .docx giải nén ra quá {PART_LIMIT // (1024 * 1024)} MB — "
                        "không phải văn bản thật (có thể là tệp độc hại); không nhập")
    return data


@dataclass(frozen=True)
class _Para:
    text: str  # with Markdown emphasis; "\n" for a manual line break
    centred: bool
    cell_end: bool  # last paragraph of a table cell


def read_docx(data: bytes, name: str) -> Source:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = {n: _bounded_read(z, n) for n in PARTS if n in z.NameToInfo}
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
        raise DocxError(f"không phải tệp .docx đọc được ({error})") from error
    if "word/document.xml" not in parts:
        raise DocxError("tệp .docx không có word/document.xml")
    try:
        document = ET.fromstring(parts["word/document.xml"])
        numbering = _Numbering(parts.get("word/numbering.xml"), parts.get("word/styles.xml"))
        footnotes = _footnotes(parts.get("word/footnotes.xml"))
    except ET.ParseError as error:
        raise DocxError(f"XML trong tệp .docx bị hỏng ({error})") from error

    body = document.find(f"{W}body")
    default_font = _default_font(parts.get("word/styles.xml"))
    try:
        paras = list(_paragraphs(body, numbering, default_font)) if body is not None else []
    except RecursionError as error:  # tables nested thousands deep: no real document has them
        raise DocxError("bảng lồng trong bảng quá nhiều tầng — không phải văn bản thật; hãy kiểm tra tệp gốc") from error
    fonts = {default_font, *(f.get(f"{W}ascii") or f.get(f"{W}hAnsi") for f in document.iter(f"{W}rFonts"))}
    encodings = sorted({e for e in map(font_encoding, fonts) if e})
    lines: list[str] = []
    labels: list[int] = []
    cited: list[str] = []
    for k, para in enumerate(paras, 1):
        cited += re.findall(r"\[\^(\d+)\]", para.text)
        for line in para.text.split("\n"):
            lines.append(line.rstrip() if line.strip() else "")
            labels.append(k)
        glue = para.centred and not para.cell_end and k < len(paras) and paras[k].centred and para.text.strip()
        if not glue:
            lines.append("")
            labels.append(k)
    # Word numbers notes by an internal id (LibreOffice starts at 2): label them 1, 2, … as the page shows them.
    order = {note_id: str(k) for k, note_id in enumerate((i for i in dict.fromkeys(cited) if i in footnotes), 1)}
    relabel = lambda m: f"[^{order.get(m[1], m[1])}]"  # noqa: E731
    lines = [re.sub(r"\[\^(\d+)\]", relabel, line) for line in lines]
    notes = tuple((order[note_id], footnotes[note_id]) for note_id in order)
    reading = tuple(f"chữ gõ bằng phông {LEGACY_NAMES[e]}: đã chuyển sang Unicode" for e in encodings)
    return Source(name=name, lines=tuple(lines), unit="đoạn", labels=tuple(labels), footnotes=notes,
                  origin="docx", reading=reading)


def _paragraphs(container: ET.Element, numbering: "_Numbering", font: str | None) -> Iterator[_Para]:
    for child in container:
        if child.tag == f"{W}p":
            runs: list[ET.Element] = []
            boxes: list[ET.Element] = []
            _runs_and_boxes(child, runs, boxes)
            yield _paragraph(child, runs, numbering, font, cell_end=False)
            for box in boxes:  # a text box's paragraphs after the paragraph it is anchored in
                yield from _paragraphs(box, numbering, font)
        elif child.tag == f"{W}tbl":
            for row in child.iter(f"{W}tr"):
                for cell in row.findall(f"{W}tc"):
                    inner = list(_paragraphs(cell, numbering, font))
                    if inner:
                        last = inner[-1]
                        inner[-1] = _Para(last.text, last.centred, cell_end=True)
                    yield from inner
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{MC}AlternateContent", f"{MC}Choice"):
            yield from _paragraphs(child, numbering, font)


def _runs_and_boxes(element: ET.Element, runs: list[ET.Element], boxes: list[ET.Element]) -> None:
    """The runs of a paragraph, in order, and the text boxes drawn in it.

    Word writes a text box twice: in ``mc:Choice`` and again, for older
    readers, in ``mc:Fallback``; only the first counts. A text box holds
    paragraphs of its own, which are not this paragraph's words. Tracked
    changes count as accepted: text deleted or moved away is not read."""
    for child in element:
        if child.tag in _NOT_READ:
            continue
        if child.tag == f"{W}txbxContent":
            boxes.append(child)
            continue
        if child.tag == f"{W}r":
            runs.append(child)
        _runs_and_boxes(child, runs, boxes)


def _flag(props: ET.Element | None, tag: str) -> bool:
    if props is None:
        return False
    el = props.find(f"{W}{tag}")
    return el is not None and el.get(f"{W}val", "true") not in _OFF


def _font(rpr: ET.Element | None) -> str | None:
    fonts = rpr.find(f"{W}rFonts") if rpr is not None else None
    return (fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi")) if fonts is not None else None


def _default_font(styles_xml: bytes | None) -> str | None:
    """The document's font where a run names none: the defaults, or the Normal style's."""
    if not styles_xml:
        return None
    root = ET.fromstring(styles_xml)
    for path in (f"{W}docDefaults/{W}rPrDefault/{W}rPr", f"{W}style[@{W}styleId='Normal']/{W}rPr"):
        found = _font(root.find(path))
        if found:
            return found
    return None


def _paragraph(p: ET.Element, runs_in: list[ET.Element], numbering: "_Numbering", default_font: str | None,
               cell_end: bool) -> _Para:
    ppr = p.find(f"{W}pPr")
    jc = ppr.find(f"{W}jc") if ppr is not None else None
    centred = jc is not None and jc.get(f"{W}val") == "center"
    runs: list[tuple[str, bool, bool]] = []
    for run in runs_in:
        rpr = run.find(f"{W}rPr")
        bold, italic = _flag(rpr, "b"), _flag(rpr, "i")
        font = _font(rpr) or default_font
        for el in run:
            if el.tag == f"{W}t":
                runs.append((convert_run(el.text or "", font), bold, italic))
            elif el.tag in (f"{W}tab", f"{W}ptab"):
                runs.append(("\t", bold, italic))  # a tab may part two header cells (layout.columns)
            elif el.tag in (f"{W}br", f"{W}cr") and el.get(f"{W}type") not in ("page", "column"):
                runs.append(("\n", bold, italic))  # keeps a bold span whole across the break
            elif el.tag == f"{W}noBreakHyphen":
                runs.append(("-", bold, italic))
            elif el.tag == f"{W}footnoteReference":
                runs.append((f"[^{el.get(f'{W}id')}]", False, False))
    text = nfc(_emphasise(runs))
    label = numbering.label(ppr)
    return _Para(f"{label}{text}" if label and text.strip() else text, centred, cell_end)


def _emphasise(runs: list[tuple[str, bool, bool]]) -> str:
    """Runs to text with Markdown emphasis; spaces and line breaks stay outside the markers."""
    merged: list[list] = []
    for text, bold, italic in runs:
        if merged and merged[-1][1:] == [bold, italic]:
            merged[-1][0] += text
        else:
            merged.append([text, bold, italic])
    out = []
    for text, bold, italic in merged:
        mark = ("**" if bold else "") + ("*" if italic else "")
        if not mark or not text.strip():
            out.append(text)
            continue
        # "**K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN**": one span over a line break, as PDF text has it.
        core = text.strip()
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        out.append(f"{lead}{mark}{core}{mark[::-1]}{trail}")
    return "".join(out)


def _footnotes(xml: bytes | None) -> dict[str, str]:
    if xml is None:
        return {}
    notes = {}
    for note in ET.fromstring(xml).findall(f"{W}footnote"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in note.iter(f"{W}p"))
        notes[note.get(f"{W}id", "")] = nfc(" ".join(text.split()))
    return notes


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + digits, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerLetter": _letters,
}


class _Numbering:
    """Word's automatic numbering, written out: counters advance as paragraphs are read.

    The one stateful piece of the reader, confined to a single ``read_docx`` call.
    """

    def __init__(self, numbering_xml: bytes | None, styles_xml: bytes | None) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> ilvl -> (format, text, start)
        self.style_num: dict[str, tuple[str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if numbering_xml:
            root = ET.fromstring(numbering_xml)
            abstract = {a.get(f"{W}abstractNumId"): a for a in root.findall(f"{W}abstractNum")}
            for num in root.findall(f"{W}num"):
                ref = num.find(f"{W}abstractNumId")
                a = abstract.get(ref.get(f"{W}val")) if ref is not None else None
                if a is None:
                    continue
                levels = {
                    _int(lvl.get(f"{W}ilvl"), 0): (
                        _val(lvl, "numFmt", "decimal"),
                        _val(lvl, "lvlText", ""),
                        _int(_val(lvl, "start", "1"), 1),
                    )
                    for lvl in a.findall(f"{W}lvl")
                }
                for _, _, start in levels.values():
                    if not -1 < start <= NUMBER_START_LIMIT:
                        raise DocxError(f"danh sách đánh số tự động bắt đầu từ {start} — không phải văn bản thật; "
                                        "hãy sửa số bắt đầu của danh sách trong Word rồi nhập lại")
                self.levels[num.get(f"{W}numId", "")] = levels
        if styles_xml:
            for style in ET.fromstring(styles_xml).findall(f"{W}style"):
                num_pr = style.find(f"{W}pPr/{W}numPr")
                if num_pr is not None and num_pr.find(f"{W}numId") is not None:
                    ilvl = num_pr.find(f"{W}ilvl")
                    self.style_num[style.get(f"{W}styleId", "")] = (
                        num_pr.find(f"{W}numId").get(f"{W}val", ""),  # type: ignore[union-attr]
                        _int(ilvl.get(f"{W}val"), 0) if ilvl is not None else 0,
                    )

    def label(self, ppr: ET.Element | None) -> str:
        if ppr is None:
            return ""
        num_pr = ppr.find(f"{W}numPr")
        if num_pr is not None and num_pr.find(f"{W}numId") is not None:
            num_id = num_pr.find(f"{W}numId").get(f"{W}val", "")  # type: ignore[union-attr]
            ilvl_el = num_pr.find(f"{W}ilvl")
            ilvl = _int(ilvl_el.get(f"{W}val"), 0) if ilvl_el is not None else 0
        else:
            style = ppr.find(f"{W}pStyle")
            found = self.style_num.get(style.get(f"{W}val", "")) if style is not None else None
            if found is None:
                return ""
            num_id, ilvl = found
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""  # numId 0 switches numbering off
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return f"{_BULLET_GLYPHS.get(text.strip(), '-')} "
        if fmt == "none":
            return f"{text} " if text.strip() else ""
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]

        def fill(m: re.Match[str]) -> str:
            k = int(m[1]) - 1
            f = levels.get(k, ("decimal", "", 1))[0]
            return _FORMATS.get(f, str)(counts.get(k, levels.get(k, ("", "", 1))[2]))

        return re.sub(r"%(\d)", fill, text) + " "


def _int(text: str | None, default: int) -> int:
    """A number attribute; a missing or malformed one is the default, as Word reads it."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _val(el: ET.Element, tag: str, default: str) -> str:
    found = el.find(f"{W}{tag}")
    return found.get(f"{W}val", default) if found is not None else default
