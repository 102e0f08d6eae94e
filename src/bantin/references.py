"""Reference metadata (``content/references/*.yml``): what an editor adds
about a document the directives cite."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from . import refs
from .fields import load_yaml_file
from .problems import Problem
from .records import KIND_BY_NAME

REFERENCE_FIELDS = ("number", "date", "kind", "title", "issuer", "url")


@dataclass(frozen=True)
class ReferenceInfo:
    """What an editor adds about a document the directives cite."""

    path: str
    number: str
    date: dt.date | None
    kind: str | None
    title: str | None
    issuer: str | None
    url: str | None


def load_reference_info(path: Path, shown: str, rel: str) -> tuple[ReferenceInfo | None, list[Problem]]:
    """Read one ``content/references/*.yml`` about a cited document."""
    f, problems = load_yaml_file(path, shown)
    if f is None:
        return None, problems
    f.known(REFERENCE_FIELDS)
    f.required(("number",))
    number = f.text("number", nullable=False)
    parsed = refs.parse_number(number) if number else None
    if number and parsed is None:
        f.error("number", f"số hiệu '{number}' không đúng dạng, ví dụ 18-NQ/TW")
    info = ReferenceInfo(
        path=rel,
        number=str(parsed) if parsed else "",
        date=f.date("date"),
        kind=f.choice("kind", KIND_BY_NAME),
        title=f.text("title", nullable=True),
        issuer=f.text("issuer", nullable=True),
        url=f.text("url", nullable=True),
    )
    if info.url and not info.url.startswith(("http://", "https://")):
        f.error("url", "đường dẫn chính thức phải bắt đầu bằng http:// hoặc https://")
    return (None if f.problems else info), problems + f.problems
