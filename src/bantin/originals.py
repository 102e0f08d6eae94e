"""Original files: the PDF or Word file an editor puts beside a directive's
Markdown, with the same name ("02-kh-btgduk.md" and "02-kh-btgduk.pdf"). The
site copies it next to the directive's page and links it "Tải văn bản gốc".
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

SUFFIXES = (".pdf", ".docx", ".doc", ".odt")  # in order of preference when there are several
LONELY = ("tệp gốc không có văn bản đi kèm: đặt nó cạnh tệp .md cùng tên "
          "(ví dụ 02-kh-btgduk.md và 02-kh-btgduk.pdf), hoặc xóa nó")
LABELS = {".pdf": "PDF", ".docx": "Word", ".doc": "Word", ".odt": "OpenDocument"}


def is_original(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def has_text(path: Path) -> bool:
    """Whether the Markdown of the directive this original belongs to is there."""
    return path.with_suffix(".md").is_file()


def beside(markdown: Path, rel: str) -> str | None:
    """The original of the directive at ``markdown`` (``rel`` under content/),
    as a path under content/, or None."""
    by_suffix = {p.suffix.lower(): p for p in markdown.parent.glob(markdown.stem + ".*")
                 if p.stem == markdown.stem and p.is_file()}
    for suffix in SUFFIXES:
        if suffix in by_suffix:
            return str(PurePosixPath(rel).parent / by_suffix[suffix].name)
    return None


class Finder:
    """``beside`` for many files, reading each folder once (a year's folder
    may hold thousands of directives: a glob per file grew with the square)."""

    def __init__(self) -> None:
        self._folders: dict[str, dict[str, dict[str, str]]] = {}  # folder -> stem -> suffix -> file name

    def beside(self, markdown: Path, rel: str) -> str | None:
        # Names as text, not Path objects: 5,000 directives a preview's rebuild.
        parent, name = os.path.split(markdown)
        folder = self._folders.get(parent)
        if folder is None:
            folder = self._folders[parent] = {}
            with os.scandir(parent) as entries:
                for entry in entries:
                    stem, suffix = os.path.splitext(entry.name)
                    if suffix.lower() in SUFFIXES and entry.is_file():
                        folder.setdefault(stem, {})[suffix.lower()] = entry.name
        by_suffix = folder.get(os.path.splitext(name)[0])
        if by_suffix:
            for suffix in SUFFIXES:
                if suffix in by_suffix:
                    return str(PurePosixPath(rel).parent / by_suffix[suffix])
        return None


def site_name(original: str, page_src_uri: str) -> str:
    """Where the copy goes in the site: beside the page, lower-case suffix
    ("van-ban/2024/02-kh-btgduk/02-kh-btgduk.pdf" for "van-ban/2024/02-kh-btgduk.md")."""
    page = PurePosixPath(page_src_uri)
    name = PurePosixPath(original)
    return str(page.parent / page.stem / (name.stem + name.suffix.lower()))


def label(original: str) -> str:
    return LABELS[PurePosixPath(original).suffix.lower()]
