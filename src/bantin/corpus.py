"""Loading and validating content: files in ``content/`` become records.

Every problem names the file, the line and the field, in Vietnamese, so an
editor can fix it without reading code. Nothing is dropped silently: a file
that cannot be read is an error, never a skipped page. Each kind of file has
its own module (``directives``, ``slogan_sets``, ``references``; reading in
``sources``); this one walks the folders and checks the collection as a whole.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from . import originals, refs, status
from .directives import load_directive, split_front_matter
from .memo import Memo
from .problems import ContentError, Problem
from .records import Directive, SloganSet
from .references import ReferenceInfo, load_reference_info
from .slogan_sets import load_slogan_set
from .sources import content_files, printable, stray_entries
from .text import slugify

CONTENT_FOLDERS = ("directives", "slogans", "references")
ISSUER_SLUG_MAX = 80  # characters of /van-ban/co-quan/<slug>/

__all__ = ["ContentError", "Corpus", "Problem", "ReferenceInfo", "issuer_label", "issuer_slug", "load_corpus",
           "split_front_matter"]


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
    root: Path, content_dir: str = "content", progress: Callable[[int, int], None] | None = None,
    memo: Memo | None = None,
) -> Corpus:
    """Load everything under ``root/content``; never raises for bad content.

    Problems are collected in ``Corpus.problems``; callers decide whether to
    stop (the build does on any error). With a ``memo``, a directive whose
    file is unchanged since the memo's last build is not parsed again.
    """
    load = memo.directive if memo is not None else load_directive
    content = root / content_dir
    if not content.is_dir():  # a wrong folder or option, not an empty bulletin: say so
        return Corpus((), (), (), problems=(Problem(content_dir, 1, None,
                                        f"không có thư mục nội dung '{content_dir}/' trong {root}: tạo thư mục "
                                        f"{content_dir}/directives/, hoặc sửa extra.bantin.content_dir trong mkdocs.yml"),))

    # Every path below is under ``root``: slicing its text is what relative_to does, a tenth of the time.
    root_text, content_text = f"{root}{os.sep}", f"{content}{os.sep}"

    def under(path: Path, top: str) -> str:
        text = str(path)
        return (text[len(top):] if text.startswith(top) else os.path.relpath(text, top)).replace(os.sep, "/")

    def shown(path: Path) -> str:
        return printable(under(path, root_text))

    problems: list[Problem] = stray_entries(content, CONTENT_FOLDERS, shown)
    directives: list[Directive] = []

    finder = originals.Finder()
    directive_files = content_files(content / "directives", "*.md", problems, shown)
    for done, path in enumerate(directive_files, 1):
        if progress:
            progress(done, len(directive_files))
        rel = under(path, content_text)
        directive, found = load(path, shown(path), rel, finder.beside(path, rel))
        problems += found
        if directive:
            directives.append(directive)
    problems += _duplicate_numbers(directives, root)
    problems += _issuer_pages(directives)
    problems += status.replacement_problems(directives)

    slogan_sets: list[SloganSet] = []
    for path in content_files(content / "slogans", "*.yml", problems, shown):
        sset, found = load_slogan_set(path, shown(path), path.relative_to(content).as_posix(), tuple(directives))
        problems += found
        if sset:
            slogan_sets.append(sset)
    problems += _same_set_names(slogan_sets)

    references: list[ReferenceInfo] = []
    for path in content_files(content / "references", "*.yml", problems, shown):
        info, found = load_reference_info(path, shown(path), path.relative_to(content).as_posix())
        problems += found
        if info:
            references.append(info)
    problems += _duplicate_references(references)

    return Corpus(tuple(directives), tuple(slogan_sets), tuple(references), tuple(problems))


def _duplicate_numbers(directives: list[Directive], root: Path) -> list[Problem]:
    """Two directives with the same number in the same year are an error."""
    first: dict[tuple[Any, int | None], Directive] = {}
    problems = []
    for d in directives:
        if d.number is None:
            continue
        key = (d.doc_number.key, d.year)
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


def issuer_label(d: Directive) -> str:
    """Issuer as a reader needs it: "Ban Tuyên giáo" alone says little."""
    return f"{d.issuer}, {d.parent}" if d.parent else d.issuer


def issuer_slug(d: Directive) -> str:
    """The part of /van-ban/co-quan/<slug>/ that names the issuer's page."""
    return slugify(issuer_label(d), ISSUER_SLUG_MAX)


def _issuer_pages(directives: list[Directive]) -> list[Problem]:
    """Each issuer gets a page: an issuer with no letter or digit has no
    address, and two issuers whose addresses coincide would share a page."""
    problems = []
    first: dict[str, Directive] = {}
    for d in directives:
        slug, line = issuer_slug(d), d.field_lines.get("issuer", 1)
        if not slug:
            problems.append(Problem(f"content/{d.path}", line, "issuer", f"tên cơ quan '{d.issuer}' không có chữ cái "
                                    "hay chữ số nào: hãy ghi tên cơ quan bằng chữ"))
            continue
        other = first.setdefault(slug, d)
        if other is not d and slugify(issuer_label(other)) != slugify(issuer_label(d)):
            problems.append(Problem(f"content/{d.path}", line, "issuer", f"cơ quan '{issuer_label(d)}' và cơ quan "
                                    f"'{issuer_label(other)}' của content/{other.path} trùng nhau ở "
                                    f"{ISSUER_SLUG_MAX} ký tự đầu nên sẽ chung một trang: hãy viết tên ngắn gọn hơn "
                                    "ở trường issuer, phần còn lại ghi ở trường parent"))
    return problems


def _same_set_names(sets: list[SloganSet]) -> list[Problem]:
    """Two slogan sets in different folders with one file name would share an id."""
    first: dict[str, SloganSet] = {}
    problems = []
    for sset in sets:
        other = first.setdefault(sset.slug, sset)
        if other is not sset:
            problems.append(Problem(f"content/{sset.path}", 1, None,
                                    f"bộ khẩu hiệu trùng tên tệp với content/{other.path}: hãy đổi tên một trong hai tệp"))
    return problems


def _duplicate_references(references: list[ReferenceInfo]) -> list[Problem]:
    """Two files about one document: which one would the page show?"""
    problems = []
    seen: dict[Any, list[ReferenceInfo]] = {}
    for info in references:
        parsed = refs.parse_number(info.number)
        if parsed is None:
            continue
        for other in seen.get(parsed.key, ()):
            if info.date is None or other.date is None or info.date == other.date:
                problems.append(Problem(f"content/{info.path}", 1, "number",
                                        f"số hiệu {info.number} đã có tệp content/{other.path}: mỗi văn bản chỉ "
                                        "một tệp; hãy gộp hai tệp, hoặc ghi ngày ban hành để phân biệt"))
                break
        seen.setdefault(parsed.key, []).append(info)
    return problems
