"""Loading and validating content: files in ``content/`` become records.

Every problem names the file, the line and the field, in Vietnamese, so an
editor can fix it without reading code. Nothing is dropped silently: a file
that cannot be read is an error, never a skipped page. Each kind of file has
its own module (``directives``, ``slogan_sets``, ``references``; reading in
``sources``); this one walks the folders and checks the collection as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from . import refs
from .directives import load_directive, split_front_matter
from .problems import ContentError, Problem
from .records import Directive, SloganSet
from .references import ReferenceInfo, load_reference_info
from .slogan_sets import load_slogan_set
from .sources import content_files

__all__ = ["ContentError", "Corpus", "Problem", "ReferenceInfo", "load_corpus", "split_front_matter"]


@dataclass(frozen=True)
class Corpus:
    """All content, validated. ``directives`` includes drafts; see ``published``."""

    directives: tuple[Directive, ...]
    slogan_sets: tuple[SloganSet, ...]
    references: tuple[ReferenceInfo, ...]
    problems: tuple[Problem, ...] = field(default=())

    @property
    def published(self) -> tuple[Directive, ...]:
        return tuple(d for d in self.directives if not d.draft)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


# -- the whole collection ----------------------------------------------------


def load_corpus(
    root: Path, content_dir: str = "content", progress: Callable[[int, int], None] | None = None
) -> Corpus:
    """Load everything under ``root/content``; never raises for bad content.

    Problems are collected in ``Corpus.problems``; callers decide whether to
    stop (the build does on any error).
    """
    content = root / content_dir
    if not content.is_dir():  # a wrong folder or option, not an empty bulletin: say so
        return Corpus((), (), (), problems=(Problem(content_dir, 1, None,
                                        f"không có thư mục nội dung '{content_dir}/' trong {root}: tạo thư mục "
                                        f"{content_dir}/directives/, hoặc sửa extra.bantin.content_dir trong mkdocs.yml"),))
    problems: list[Problem] = []
    directives: list[Directive] = []

    def shown(path: Path) -> str:
        return path.relative_to(root).as_posix()

    directive_files = content_files(content / "directives", "*.md", problems, shown)
    for done, path in enumerate(directive_files, 1):
        if progress:
            progress(done, len(directive_files))
        directive, found = load_directive(path, shown(path), path.relative_to(content).as_posix())
        problems += found
        if directive:
            directives.append(directive)
    problems += _duplicate_numbers(directives, root)

    slogan_sets: list[SloganSet] = []
    for path in content_files(content / "slogans", "*.yml", problems, shown):
        sset, found = load_slogan_set(path, shown(path), path.relative_to(content).as_posix(), tuple(directives))
        problems += found
        if sset:
            slogan_sets.append(sset)

    references: list[ReferenceInfo] = []
    for path in content_files(content / "references", "*.yml", problems, shown):
        info, found = load_reference_info(path, shown(path), path.relative_to(content).as_posix())
        problems += found
        if info:
            references.append(info)

    return Corpus(tuple(directives), tuple(slogan_sets), tuple(references), tuple(problems))


def _duplicate_numbers(directives: list[Directive], root: Path) -> list[Problem]:
    """Two directives with the same number in the same year are an error."""
    first: dict[tuple[Any, int | None], Directive] = {}
    problems = []
    for d in directives:
        if d.number is None:
            continue
        key = (refs.parse_number(d.number).key, d.year)
        if key in first:
            other = first[key]
            year = f"năm {d.year}" if d.year else "cùng không rõ ngày"
            problems.append(
                Problem(
                    f"content/{d.path}",
                    d.field_lines.get("number", 1),
                    "number",
                    f"số hiệu {d.number} ({year}) đã dùng cho content/{other.path}",
                )
            )
        else:
            first[key] = d
    return problems
