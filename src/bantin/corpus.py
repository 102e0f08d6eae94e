"""Loading and validating content: files in ``content/`` become records.

Every problem names the file, the line and the field, in Vietnamese, so an
editor can fix it without reading code. Nothing is dropped silently: a file
that cannot be read is an error, never a skipped page.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Iterable

from . import originals, refs, status, urls, yamlsrc
from .records import (
    AUTHORITIES,
    KIND_BY_NAME,
    LEVELS,
    UNDATED_FOLDER,
    Directive,
    Recipient,
    Signer,
    Slogan,
    SloganSet,
)
from .problems import NOT_UTF8, WARNING, ContentError, Problem, cannot_read
from .slogans import slogan_key
from .text import find_control, may_have_control, nfc, squash_spaces

__all__ = ["ContentError", "Corpus", "Problem", "ReferenceInfo", "load_corpus", "split_front_matter"]

MAX_FILE_BYTES = 2 * 1024 * 1024  # a long directive is ~50 KB; 2 MB is a mistake
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)

DIRECTIVE_FIELDS = (
    "number", "kind", "title", "issuer", "parent", "place", "date", "level", "signer",
    "addressees", "recipients", "recipient_notes", "topics", "inferred", "draft", "replaced_by",
)
REQUIRED_DIRECTIVE_FIELDS = ("number", "kind", "title", "issuer", "date")
SIGNER_FIELDS = ("authority", "on_behalf_of", "position", "name")
SLOGAN_FIELDS = ("directive", "occasion", "approved", "valid_from", "valid_until", "slogans")
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


# -- reading files -----------------------------------------------------------


def read_source(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """Decode a content file: UTF-8 (a BOM is allowed), any line ends, NFC."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            mb = f"{size / 1024 / 1024:.1f}".replace(".", ",")
            return None, [Problem(shown, 1, None, f"tệp quá lớn ({mb} MB; tối đa 2 MB một văn bản)")]
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(shown, 1, None, cannot_read(error))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [Problem(shown, line, None, NOT_UTF8)]
    if not text.strip():
        return None, [Problem(shown, 1, None, "tệp rỗng")]
    if "\r" in text:  # rare: skip two passes over every other file
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = find_control(text) if may_have_control(raw) else None
    if control is not None:
        line, column, code = control
        return None, [Problem(shown, line, None, f"ký tự điều khiển {code} (không nhìn thấy) ở cột {column}: "
                                                 "hãy xóa ký tự này; thường do chép từ PDF hoặc Word")]
    return nfc(text), []


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str, int]:
    """Split ``---`` front matter from the body, without validating it.

    Returns (plain data or None when there is no front matter, body, the
    1-based line the body starts on). Used by tools that only need a peek.
    """
    located, body, body_line = _split(text)
    if located is None:
        return None, text, 1
    data = located.data if isinstance(located.data, dict) else {}
    return data, body, body_line


def _split(text: str) -> tuple[yamlsrc.Located | None, str, int]:
    if not text.startswith("---\n"):
        return None, text, 1
    end = _FENCE.search(text, 4)
    if end is None:
        raise yamlsrc.YamlProblem(1, "phần đầu YAML mở bằng '---' nhưng không có dòng '---' đóng lại")
    located = yamlsrc.load(text[4 : end.start()], first_line=2)
    body = text[end.end() + 1 :]
    stripped = body.lstrip("\n")
    body_line = text.count("\n", 0, end.end()) + 2 + (len(body) - len(stripped))
    return located, stripped, body_line


# -- validating fields -------------------------------------------------------


class _Fields:
    """Reads typed fields from located YAML, collecting problems as it goes."""

    def __init__(self, shown: str, located: yamlsrc.Located, default_line: int) -> None:
        self.shown = shown
        self.located = located
        self.data: dict[str, Any] = located.data if isinstance(located.data, dict) else {}
        self.default_line = default_line
        self.problems: list[Problem] = []

    def line(self, name: str) -> int:
        return self.located.line(name, self.default_line)

    def error(self, name: str | None, message: str, line: int | None = None) -> None:
        at = line if line is not None else (self.line(name) if name else self.default_line)
        self.problems.append(Problem(self.shown, at, name, message))

    def known(self, allowed: tuple[str, ...], prefix: str = "", data: dict | None = None) -> None:
        for key in data if data is not None else self.data:
            if key not in allowed:
                hint = difflib.get_close_matches(key, allowed, n=1)
                tip = f"; có phải là '{hint[0]}'?" if hint else f"; các trường hợp lệ: {', '.join(allowed)}"
                self.error(prefix + key, f"trường không xác định{tip}")

    def required(self, names: tuple[str, ...]) -> None:
        for name in names:
            if name not in self.data:
                self.error(name, "thiếu trường bắt buộc (ghi null nếu văn bản không có)")

    def get(self, name: str) -> Any:
        return _dig(self.data, name)

    def text(self, name: str, *, nullable: bool) -> str | None:
        value = self.get(name)
        if value is None:
            if not nullable and self._present(name):
                self.error(name, "không được để trống")
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.error(name, f"phải là một chuỗi chữ, không phải {_type_vi(value)}")
            return None
        value = squash_spaces(value)
        if not value and not nullable:
            self.error(name, "không được để trống")
            return None
        return value or None

    def date(self, name: str) -> dt.date | None:
        value = self.get(name)
        if value is None:
            return None
        return parse_date(str(value), lambda msg: self.error(name, msg))

    def choice(self, name: str, options: Iterable[str]) -> str | None:
        value = self.text(name, nullable=True)
        options = tuple(options)
        if value is not None and value not in options:
            hint = difflib.get_close_matches(value, options, n=1)
            tip = f"có phải là '{hint[0]}'? " if hint else ""
            self.error(name, f"giá trị '{value}' không hợp lệ; {tip}chọn một trong: {', '.join(options)}")
            return None
        return value

    def strings(self, name: str) -> tuple[str, ...]:
        value = self.get(name)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.error(name, "phải là một danh sách (mỗi dòng bắt đầu bằng '- ')")
            return ()
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.error(f"{name}[{i}]", "phải là một chuỗi chữ không rỗng", self.line(f"{name}[{i}]"))
                continue
            out.append(squash_spaces(item))
        return tuple(out)

    def boolean(self, name: str) -> bool:
        value = self.get(name)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.error(name, "phải là true hoặc false")
            return False
        return value

    def mapping(self, name: str) -> dict[str, Any] | None:
        value = self.get(name)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.error(name, "phải là một nhóm trường (mỗi trường một dòng, thụt vào)")
            return None
        return value

    def _present(self, name: str) -> bool:
        return name in self.located.lines


def _dig(data: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _type_vi(value: Any) -> str:
    if isinstance(value, bool):
        return "giá trị đúng/sai"
    if isinstance(value, list):
        return "danh sách"
    if isinstance(value, dict):
        return "nhóm trường"
    return "số"


def parse_date(value: str, report: Callable[[str], None]) -> dt.date | None:
    """Parse ``YYYY-MM-DD``; report a Vietnamese message on anything else."""
    match = _ISO_DATE.match(value.strip())
    if not match:
        report(f"ngày '{value}' không đúng dạng NĂM-THÁNG-NGÀY, ví dụ 2024-12-16")
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        report(f"ngày '{value}' không tồn tại")
        return None


# -- directives --------------------------------------------------------------


def load_directive(path: Path, shown: str, rel: str) -> tuple[Directive | None, list[Problem]]:
    """Read and validate one directive file. ``rel`` is its path under content/."""
    text, problems = read_source(path, shown)
    if text is None:
        return None, problems
    try:
        located, body, body_line = _split(text)
    except yamlsrc.YamlProblem as problem:
        return None, [Problem(shown, problem.line, None, problem.message)]
    if located is None:
        return None, [Problem(shown, 1, None, "thiếu phần đầu YAML: tệp phải mở đầu bằng dòng '---'")]
    if located.data is None:
        return None, [Problem(shown, 2, None, "phần đầu YAML trống: cần ít nhất number, kind, title, issuer, date")]
    if not isinstance(located.data, dict):
        return None, [Problem(shown, 2, None, "phần đầu YAML phải là các dòng 'trường: giá trị'")]

    f = _Fields(shown, located, default_line=1)
    f.known(DIRECTIVE_FIELDS)
    f.required(REQUIRED_DIRECTIVE_FIELDS)

    number = f.text("number", nullable=True)
    if number is not None:
        parsed = refs.parse_number(number)
        if parsed is None:
            f.error("number", f"số hiệu '{number}' không đúng dạng <số>-<ký hiệu loại>/<ký hiệu cơ quan>, ví dụ 02-KH/BTGDUK")
            number = None
        elif str(parsed) != number:
            f.error("number", f"số hiệu phải viết là '{parsed}' (chữ hoa, không có khoảng trắng, dấu '-' thường)")
    kind = f.choice("kind", KIND_BY_NAME)
    title = f.text("title", nullable=False)
    issuer = f.text("issuer", nullable=False)
    date = f.date("date")
    level = f.choice("level", LEVELS)
    signer = _signer(f)
    recipients = _recipients(f)
    inferred = f.mapping("inferred") or {}
    for key, value in inferred.items():
        if key not in DIRECTIVE_FIELDS:
            f.error(f"inferred.{key}", "không phải tên một trường của văn bản")
        elif not isinstance(value, str):
            f.error(f"inferred.{key}", "phải ghi nguồn suy ra bằng chữ")

    parts = Path(rel).parts  # ("directives", folder, file)
    folder, slug = parts[-2], Path(parts[-1]).stem
    if len(parts) != 3:
        f.error(None, f"văn bản phải nằm ở content/directives/<năm>/<tên>.md hoặc content/directives/{UNDATED_FOLDER}/<tên>.md")
    if not _SLUG.match(slug):
        f.error(None, f"tên tệp '{slug}' chỉ được gồm chữ thường không dấu, số và dấu '-', ví dụ 02-kh-btgduk.md")
    expected = str(date.year) if date else UNDATED_FOLDER
    date_known = "date" in f.data and (f.get("date") is None or date is not None)
    if date_known and folder != expected:
        f.error("date", f"tệp nằm trong thư mục '{folder}' nhưng theo ngày ban hành phải nằm trong content/directives/{expected}/")

    values = dict(
        parent=f.text("parent", nullable=True),
        place=f.text("place", nullable=True),
        addressees=f.strings("addressees"),
        recipient_notes=f.strings("recipient_notes"),
        topics=f.strings("topics"),
        draft=f.boolean("draft"),
        replaced_by=_replaced_by(f),
        original=originals.beside(path, rel),
    )
    for line, message in _unsafe_links(body, body_line):
        f.error(None, message, line=line)
    if f.problems or kind is None or title is None or issuer is None:
        return None, problems + f.problems
    directive = Directive(
        path=rel,
        folder=folder,
        slug=slug,
        number=number,
        kind=kind,
        title=title,
        issuer=issuer,
        date=date,
        level=level,
        signer=signer,
        recipients=recipients,
        inferred=MappingProxyType({k: squash_spaces(v) for k, v in inferred.items()}),
        body=body,
        body_line=body_line,
        field_lines=MappingProxyType(dict(located.lines)),
        **values,
    )
    return directive, problems


# Markdown link and image destinations: [text](dest), ![alt](dest), [label]: dest
# and <scheme:…>, to name the line of one that bantin.mdext would make inert.
# Each pattern starts with a literal, which keeps the scan of a body cheap.
_DESTINATION = r"((?:[^\s()<>]|\([^\s()]*\))+)"  # as Markdown reads it: balanced parentheses allowed
_INLINE_LINK = re.compile(r"\]\(\s*<?" + _DESTINATION)
_DEFINITION = re.compile(r"\]:[ \t]*<?([^\s>]+)")
_DEFINITION_LABEL = re.compile(r" {0,3}\[[^\]\n]+")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]*:[^\s<>]*)>")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?" + _DESTINATION)


def _unsafe_links(body: str, body_line: int) -> list[tuple[int, str]]:
    """(line, message) for each link to another scheme and each image from another host."""
    found: dict[int, tuple[int, str]] = {}  # by the destination's offset: one message for each

    def line(offset: int) -> int:
        return body_line + body.count("\n", 0, offset)

    links = [*_INLINE_LINK.finditer(body), *_AUTOLINK.finditer(body)]
    for match in _DEFINITION.finditer(body):
        start = body.rfind("\n", 0, match.start()) + 1
        if _DEFINITION_LABEL.fullmatch(body, start, match.start()):
            links.append(match)
    for match in links:
        if not urls.link_allowed(match.group(1)):
            found[match.start(1)] = (line(match.start()), f"liên kết '{_shorten(match.group(1))}' không được phép: "
                                                           "chỉ dùng http://, https://, mailto: hoặc tel:")
    for match in _IMAGE.finditer(body):
        if not urls.image_allowed(match.group(1)):
            found[match.start(1)] = (line(match.start()), f"ảnh '{_shorten(match.group(1))}' lấy từ nơi khác: "
                                                           "bản tin không tải gì từ máy chủ khác; hãy bỏ ảnh này")
    return [found[offset] for offset in sorted(found)]


def _shorten(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _replaced_by(f: _Fields) -> str | None:
    value = f.text("replaced_by", nullable=True)
    if value is None:
        return None
    stored, error = status.parse_replaced_by(value)
    if error:
        f.error("replaced_by", error)
    return stored


def _signer(f: _Fields) -> Signer | None:
    data = f.mapping("signer")
    if data is None:
        return None
    f.known(SIGNER_FIELDS, "signer.", data)
    return Signer(
        name=f.text("signer.name", nullable=True),
        position=f.text("signer.position", nullable=True),
        authority=f.choice("signer.authority", AUTHORITIES),
        on_behalf_of=f.text("signer.on_behalf_of", nullable=True),
    )


def _recipients(f: _Fields) -> tuple[Recipient, ...]:
    value = f.get("recipients")
    if value is None:
        return ()
    if not isinstance(value, list):
        f.error("recipients", "phải là một danh sách nơi nhận")
        return ()
    out = []
    for i, item in enumerate(value):
        where = f"recipients[{i}]"
        line = f.line(where)
        if isinstance(item, str) and item.strip():
            out.append(Recipient(squash_spaces(item)))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            f.error(where, "mỗi nơi nhận cần trường 'name' (tên nơi nhận)", line)
            continue
        f.known(("name", "note"), f"{where}.", item)
        note = item.get("note")
        if note is not None and not isinstance(note, str):
            f.error(f"{where}.note", "phải là chữ", line)
            note = None
        out.append(Recipient(squash_spaces(item["name"]), squash_spaces(note) if note else None))
    return tuple(out)


# -- slogan sets and reference metadata --------------------------------------


def _load_yaml_file(path: Path, shown: str) -> tuple[_Fields | None, list[Problem]]:
    text, problems = read_source(path, shown)
    if text is None:
        return None, problems
    try:
        located = yamlsrc.load(text)
    except yamlsrc.YamlProblem as problem:
        return None, [Problem(shown, problem.line, None, problem.message)]
    if not isinstance(located.data, dict):
        return None, [Problem(shown, 1, None, "tệp phải là các dòng 'trường: giá trị'")]
    return _Fields(shown, located, default_line=1), []


def load_slogan_set(
    path: Path, shown: str, rel: str, directives: tuple[Directive, ...]
) -> tuple[SloganSet | None, list[Problem]]:
    """Read one ``content/slogans/*.yml``; its directive must exist."""
    f, problems = _load_yaml_file(path, shown)
    if f is None:
        return None, problems
    f.known(SLOGAN_FIELDS)
    f.required(("directive", "occasion", "slogans"))
    directive = _approving_directive(f, directives)
    occasion = f.text("occasion", nullable=False)
    approved, valid_from, valid_until = f.date("approved"), f.date("valid_from"), f.date("valid_until")
    if valid_from and valid_until and valid_until < valid_from:
        f.error("valid_until", "ngày hết hiệu lực trước ngày bắt đầu hiệu lực")
    slogans = _slogans(f)
    if approved and directive is not None and directive.date and approved < directive.date:
        problems.append(Problem(shown, f.line("approved"), "approved", f"ngày phê duyệt {approved:%d/%m/%Y} trước ngày "
                                f"ban hành {directive.date:%d/%m/%Y} của văn bản phê duyệt", WARNING))
    if f.problems or directive is None or occasion is None:
        return None, problems + f.problems
    return SloganSet(
        path=rel,
        slug=Path(rel).stem,
        directive_path=directive.path,
        occasion=occasion,
        approved=approved,
        valid_from=valid_from,
        valid_until=valid_until,
        slogans=slogans,
        field_lines=MappingProxyType(dict(f.located.lines)),
    ), problems


def _approving_directive(f: _Fields, directives: tuple[Directive, ...]) -> Directive | None:
    value = f.get("directive")
    found: list[Directive] = []
    if isinstance(value, str):
        path = value.strip()
        found = [d for d in directives if d.path == path]
        if not found:
            # A high cutoff: every path shares "directives/<year>/", so a low one suggests anything.
            hint = difflib.get_close_matches(path, [d.path for d in directives], n=1, cutoff=0.85)
            tip = f"; có phải là '{hint[0]}'?" if hint else " (ghi đường dẫn dạng directives/<năm>/<tên>.md)"
            f.error("directive", f"không có văn bản '{value}' trong content/{tip}")
            return None
    elif isinstance(value, dict):
        f.known(("number", "date"), "directive.", value)
        number = refs.parse_number(str(value.get("number") or ""))
        date = f.date("directive.date")
        if number is None:
            f.error("directive.number", "cần số hiệu văn bản phê duyệt, ví dụ 02-KH/BTGDUK")
            return None
        found = [
            d for d in directives
            if d.number and refs.parse_number(d.number).key == number.key and (date is None or d.date == date)
        ]
        if len(found) != 1:
            what = "không có" if not found else "có nhiều hơn một"
            f.error("directive", f"{what} văn bản số {number}{f' ngày {date:%d/%m/%Y}' if date else ''} trong content/")
            return None
    elif value is not None:
        f.error("directive", "ghi đường dẫn tệp văn bản, hoặc nhóm {number, date}")
    if not found:
        return None
    if found[0].draft:
        # Its page is not published, so the slogans would link to nothing.
        f.error("directive", f"văn bản content/{found[0].path} còn là bản nháp (draft: true): khẩu hiệu chỉ đăng kèm văn bản đã ban hành")
        return None
    return found[0]


def _slogans(f: _Fields) -> tuple[Slogan, ...]:
    value = f.get("slogans")
    if value is None or value == []:
        if "slogans" in f.data:  # a missing field is reported by required()
            f.error("slogans", "chưa có khẩu hiệu nào: ghi mỗi khẩu hiệu trên một dòng bắt đầu bằng '- '")
        return ()
    if not isinstance(value, list):
        f.error("slogans", "phải là danh sách khẩu hiệu, mỗi dòng một khẩu hiệu")
        return ()
    seen: dict[str, int] = {}
    out = []
    for i, item in enumerate(value):
        where = f"slogans[{i}]"
        line = f.line(where)
        if isinstance(item, dict):
            # YAML reads "- Đổi mới: sắp xếp!" as a field, because of ": ".
            f.error(where, f"khẩu hiệu số {i + 1} có dấu ':' nên phải đặt trong ngoặc kép \"…\"", line)
            continue
        if item is not None and not isinstance(item, str):  # YAML reads "- 2025" as a number
            f.error(where, f"khẩu hiệu số {i + 1} phải là chữ; nếu đúng là {item}, hãy đặt trong ngoặc kép \"…\"", line)
            continue
        text = squash_spaces(item) if item is not None else ""
        if not text:
            f.error(where, f"khẩu hiệu số {i + 1} rỗng", line)
            continue
        key = slogan_key(text)
        if key in seen:
            f.error(where, f"khẩu hiệu số {i + 1} trùng với khẩu hiệu số {seen[key]}", line)
            continue
        seen[key] = i + 1
        out.append(Slogan(i + 1, text))
    return tuple(out)


def load_reference_info(path: Path, shown: str, rel: str) -> tuple[ReferenceInfo | None, list[Problem]]:
    """Read one ``content/references/*.yml`` about a cited document."""
    f, problems = _load_yaml_file(path, shown)
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

    directive_files = _files(content / "directives", "*.md", problems, shown)
    for done, path in enumerate(directive_files, 1):
        if progress:
            progress(done, len(directive_files))
        directive, found = load_directive(path, shown(path), path.relative_to(content).as_posix())
        problems += found
        if directive:
            directives.append(directive)
    problems += _duplicate_numbers(directives, root)
    problems += status.replacement_problems(directives)

    slogan_sets: list[SloganSet] = []
    for path in _files(content / "slogans", "*.yml", problems, shown):
        sset, found = load_slogan_set(path, shown(path), path.relative_to(content).as_posix(), tuple(directives))
        problems += found
        if sset:
            slogan_sets.append(sset)

    references: list[ReferenceInfo] = []
    for path in _files(content / "references", "*.yml", problems, shown):
        info, found = load_reference_info(path, shown(path), path.relative_to(content).as_posix())
        problems += found
        if info:
            references.append(info)

    return Corpus(tuple(directives), tuple(slogan_sets), tuple(references), tuple(problems))


def _files(folder: Path, pattern: str, problems: list[Problem], shown: Callable[[Path], str]) -> list[Path]:
    """Content files in a stable order; stray files are reported, not ignored."""
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        if path.match(pattern):
            found.append(path)
        elif originals.is_original(path):
            if not originals.has_text(path):
                problems.append(Problem(shown(path), 1, None, originals.LONELY))
        else:
            problems.append(Problem(shown(path), 1, None, f"tệp không được xử lý: thư mục này chỉ chứa tệp {pattern}"))
    return found


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
