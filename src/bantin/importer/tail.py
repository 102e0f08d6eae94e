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
from .signature import Signature, find_signature, last_filled
from .source import Source, is_ornament, strip_emphasis

_RECIPIENTS_LINE = re.compile(r"^Nơi\s+nhận\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_TRAILING_NOTE = re.compile(r"^(?P<name>.*?)\s*\((?P<note>[^()]+)\)\s*[,;.]?$")
# Notes a recipient line carries, folded: "(để báo cáo)", "(b/c)", "(để thực hiện)".
_NOTE_WORDS = {"bao cao", "b/c", "thuc hien", "t/h", "t/hien", "biet", "phoi hop", "p/h", "chi dao", "theo doi"}


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
        where["signer"] = src.where(found.first, last_filled(lines, len(lines)))
        return Tail(body_end=found.first, signer=found.signer, where=MappingProxyType(where),
                    notes=tuple(_signed_notes(src, found)))

    # A signature after the list ends it, even with no empty line between.
    after = find_signature(src, at + 1, len(lines))
    limit = after.first if after is not None else len(lines)
    rest = _RECIPIENTS_LINE.match(strip_emphasis(lines[at]))["rest"]  # type: ignore[index]
    if rest:  # "Nơi nhận: - A," on one line
        end = list_end(lines, at, limit)
        item_lines = [rest, *lines[at + 1 : end]]
    else:
        start = next_filled(lines, at + 1)
        end = list_end(lines, start, limit) if start < limit else min(start, limit)
        item_lines = list(lines[start:end])
    recipients = tuple(_recipient(item) for item in split_items(item_lines))
    where["recipients"] = src.where(at, max(at, end - 1))

    body_end = at
    signature = after
    if after is not None:
        where["signer"] = src.where(after.first, last_filled(lines, len(lines)))
        loose = _blocks(lines, end, after.first)
    else:
        loose = _blocks(lines, end, len(lines))
        signature = find_signature(src, body_start, at)
        if signature is not None:
            body_end = signature.first
            where["signer"] = src.where(signature.first, last_filled(lines, at))
    if signature is not None:
        notes += _signed_notes(src, signature)
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
        signer=signature.signer if signature else None,
        where=MappingProxyType(where),
        notes=tuple(notes),
    )


def _signed_notes(src: Source, found: Signature) -> list[str]:
    return [f"{src.where(i)}: “{mark}” ở chỗ chữ ký — không ghi vào trường nào" for i, mark in found.signed]


def _recipient(item: str) -> Recipient:
    m = _TRAILING_NOTE.match(item)
    if m:
        note = squash_spaces(m["note"])
        words = fold(note)
        words = words[3:] if words.startswith("de ") else words
        if words in _NOTE_WORDS:
            return Recipient(name=m["name"].rstrip(" ,;."), note=note)
    return Recipient(name=item)


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


