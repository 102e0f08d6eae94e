"""The end of a directive: Nơi nhận, and the signature block.

On paper the recipients list (left) and the signature (right) stand side by
side; extracted text puts one column after the other, in either order, and a
brace that groups several recipients under "(để b/c)" becomes loose lines. A
note that cannot be tied to one recipient is kept as written, on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from ..records import Recipient, Signer
from ..text import fold, squash_spaces
from .header import list_end, next_filled, split_items
from .source import Source, is_caps, is_ornament, strip_emphasis

_RECIPIENTS_LINE = re.compile(r"^Nơi\s+nhận\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_AUTHORITY = re.compile(r"^(?P<a>T/M|K/T|T/L|T/UQ|TM\.?|KT\.?|TL\.?|TUQ\.?)\s+(?P<rest>.*)$")
_AUTHORITY_NAMES = {"TM": "T/M", "KT": "K/T", "TL": "T/L", "TUQ": "T/UQ"}
_TRAILING_NOTE = re.compile(r"^(?P<name>.*?)\s*\((?P<note>[^()]+)\)\s*[,;.]?$")
# Notes a recipient line carries, folded: "(để báo cáo)", "(b/c)", "(để thực hiện)".
_NOTE_WORDS = {"bao cao", "b/c", "thuc hien", "t/h", "t/hien", "biet", "phoi hop", "p/h", "chi dao", "theo doi"}
_POSITION_WORDS = ("truong", "pho", "bi thu", "chu tich", "chanh", "uy vien", "giam doc", "thuong truc", "ban ")
_NAME = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+){1,6}$")


@dataclass(frozen=True)
class Tail:
    body_end: int  # the body is src.lines[header.body_start:body_end]
    recipients: tuple[Recipient, ...] = ()
    recipient_notes: tuple[str, ...] = ()
    signer: Signer | None = None
    where: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


def parse_tail(src: Source, body_start: int) -> Tail:
    lines = src.lines
    at = next(
        (i for i in range(len(lines) - 1, body_start - 1, -1) if _RECIPIENTS_LINE.match(strip_emphasis(lines[i]))),
        None,
    )
    where: dict[str, str] = {}
    notes: list[str] = []
    if at is None:
        found = find_signature(src, body_start, len(lines))
        if found is None:
            return Tail(body_end=len(lines))
        signer, first = found
        where["signer"] = src.where(first, _last_filled(lines, len(lines)))
        return Tail(body_end=first, signer=signer, where=MappingProxyType(where))

    rest = _RECIPIENTS_LINE.match(strip_emphasis(lines[at]))["rest"]  # type: ignore[index]
    if rest:  # "Nơi nhận: - A," on one line
        end = list_end(lines, at)
        item_lines = [rest, *lines[at + 1 : end]]
    else:
        start = next_filled(lines, at + 1)
        end = list_end(lines, start) if start < len(lines) else start
        item_lines = list(lines[start:end])
    recipients = tuple(_recipient(item) for item in split_items(item_lines))
    where["recipients"] = src.where(at, max(at, end - 1))

    body_end = at
    found = find_signature(src, end, len(lines))
    if found is not None:
        signer, first = found
        where["signer"] = src.where(first, _last_filled(lines, len(lines)))
        loose = _blocks(lines, end, first)
    else:
        loose = _blocks(lines, end, len(lines))
        before = find_signature(src, body_start, at)
        signer = before[0] if before else None
        if before is not None:
            body_end = before[1]
            where["signer"] = src.where(before[1], _last_filled(lines, at))
    recipient_notes = tuple(text for _, text in loose)
    if loose:
        spots = ", ".join(src.where(a, b) for (a, b), _ in loose)
        where["recipient_notes"] = spots
        notes.append(
            f"ghi chú nơi nhận không gắn được với dòng nào ({spots}): giữ nguyên trong recipient_notes, "
            "không đoán nó thuộc dòng nào"
        )
    return Tail(
        body_end=body_end,
        recipients=recipients,
        recipient_notes=recipient_notes,
        signer=signer,
        where=MappingProxyType(where),
        notes=tuple(notes),
    )


def _recipient(item: str) -> Recipient:
    m = _TRAILING_NOTE.match(item)
    if m:
        note = squash_spaces(m["note"])
        words = fold(note)
        words = words[3:] if words.startswith("de ") else words
        if words in _NOTE_WORDS:
            return Recipient(name=m["name"].rstrip(" ,;."), note=note)
    return Recipient(name=item)


def _last_filled(lines: tuple[str, ...], end: int) -> int:
    i = end - 1
    while i > 0 and not lines[i]:
        i -= 1
    return i


def _blocks(lines: tuple[str, ...], start: int, end: int) -> list[tuple[tuple[int, int], str]]:
    """Runs of non-empty lines, each joined into one string."""
    out: list[tuple[tuple[int, int], str]] = []
    i = start
    while i < end:
        if not lines[i] or is_ornament(strip_emphasis(lines[i])):
            i += 1
            continue
        j = i
        while j < end and lines[j]:
            j += 1
        out.append(((i, j - 1), squash_spaces(" ".join(strip_emphasis(x) for x in lines[i:j]))))
        i = j
    return out


def _looks_like_name(text: str) -> bool:
    if not _NAME.match(text):
        return False
    words = text.split()
    if all(w[0].isupper() and not w.isupper() for w in words if len(w) > 1):
        return True
    return is_caps(text) and not any(p in fold(text) for p in _POSITION_WORDS)


def find_signature(src: Source, start: int, end: int) -> tuple[Signer, int] | None:
    """The signature at the end of lines[start:end]: capitals, then a name; with the index it starts at."""
    lines = src.lines
    name_at = _last_filled(lines, end)
    if name_at < start or not lines[name_at]:
        return None
    name = strip_emphasis(lines[name_at])
    if not _looks_like_name(name):
        return None
    position_lines: list[int] = []
    i = name_at - 1
    while i >= start:
        text = strip_emphasis(lines[i])
        if not text:
            i -= 1
            continue
        if not is_caps(text) or is_ornament(text):
            break
        position_lines.insert(0, i)
        i -= 1
    if not position_lines:
        return None
    parts = [squash_spaces(strip_emphasis(lines[j])) for j in position_lines]
    m = _AUTHORITY.match(parts[0])
    if m is None and not any(w in fold(" ".join(parts)) for w in _POSITION_WORDS):
        return None
    if m is not None:
        authority = _AUTHORITY_NAMES.get(m["a"].rstrip(".").replace("/", ""), m["a"])
        behalf = [m["rest"], *parts[1:-1]] if len(parts) > 1 else [m["rest"]]
        position = parts[-1] if len(parts) > 1 else None
        signer = Signer(name=name, position=position, authority=authority, on_behalf_of=" ".join(behalf) or None)
    else:
        signer = Signer(name=name, position=" ".join(parts))
    return signer, position_lines[0]
