"""One source document read into the fields of a directive, with where each came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from types import MappingProxyType
from typing import Mapping

from ..records import UNDATED_FOLDER, Recipient, Signer
from ..text import slugify
from .body import convert_body
from .header import parse_header
from .infer import infer_issuer, level_of
from .layout.columns import unfold_columns
from .layout.footnotes import find_footnotes
from .layout.pages import drop_page_furniture
from .source import Source
from .tail import parse_tail

REQUIRED = ("kind", "title", "issuer")
SLUG_MAX = 60


@dataclass(frozen=True)
class Conversion:
    source: Source
    number: str | None
    kind: str | None
    title: str | None
    issuer: str | None
    parent: str | None
    place: str | None
    date: dt.date | None
    level: str | None
    signer: Signer | None
    addressees: tuple[str, ...]
    recipients: tuple[Recipient, ...]
    recipient_notes: tuple[str, ...]
    body: str
    slogans: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    inferred: Mapping[str, str] = field(default_factory=dict)
    # A machine conversion is published only once an editor has read it.
    draft: bool = True
    where: Mapping[str, str] = field(default_factory=dict)  # field -> "dòng 7"
    notes: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        if self.number:
            return slugify(self.number)
        if self.kind and self.title:
            return slugify(f"{self.kind} {self.title}", max_length=SLUG_MAX)
        return slugify(PurePosixPath(self.source.name).stem, max_length=SLUG_MAX) or "van-ban"

    @property
    def folder(self) -> str:
        return str(self.date.year) if self.date else UNDATED_FOLDER

    @property
    def path(self) -> str:
        """Relative to the content folder."""
        return f"directives/{self.folder}/{self.slug}.md"

    @property
    def slogan_path(self) -> str | None:
        return f"slogans/{self.slug}.yml" if self.slogans else None

    @property
    def missing_required(self) -> tuple[str, ...]:
        return tuple(name for name in REQUIRED if not getattr(self, name))


def prepare(src: Source) -> tuple[Source, list[str]]:
    """The layout passes: page furniture and footnotes out, columns side by side read one after the other."""
    cleaned = drop_page_furniture(src)
    found = find_footnotes(cleaned.source)
    return unfold_columns(found.source), [*cleaned.notes, *found.notes]


def convert(original: Source) -> Conversion:
    src, notes = prepare(original)
    header = parse_header(src)
    tail = parse_tail(src, header.body_start)
    body = convert_body(src, header.body_start, tail.body_end, preamble_end=header.preamble_end,
                        kept=header.kept)
    where = {**header.where, **tail.where}
    notes += [*header.notes, *tail.notes]
    inferred: dict[str, str] = {}

    issuer, parent = header.issuer, header.parent
    if not issuer:
        found_issuer, found_parent = infer_issuer(src, body.paragraphs)
        if found_issuer:
            issuer = found_issuer.value
            inferred["issuer"] = found_issuer.note()
            where["issuer"] = f"suy ra từ nội dung, {found_issuer.where}"
        if found_parent and not parent:
            parent = found_parent.value
            inferred["parent"] = found_parent.note()
            where["parent"] = f"suy ra từ nội dung, {found_parent.where}"
    level, shown_by = level_of(issuer, parent)
    if level:
        where["level"] = f"theo tên “{shown_by}”"
    for before, after in body.joins:
        notes.append(f"nối lại đoạn bị ngắt trang: {src.where(before)} với {src.where(after)}")
    if body.slogans and body.slogan_lines:
        where["slogans"] = src.where(*body.slogan_lines)

    return Conversion(
        source=src,
        number=header.number,
        kind=header.kind,
        title=header.title,
        issuer=issuer,
        parent=parent,
        place=header.place,
        date=header.date,
        level=level,
        signer=tail.signer,
        addressees=header.addressees,
        recipients=tail.recipients,
        recipient_notes=tail.recipient_notes,
        body=body.markdown,
        slogans=body.slogans,
        inferred=MappingProxyType(inferred),
        where=MappingProxyType(where),
        notes=tuple(notes),
    )
