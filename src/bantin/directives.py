"""One directive file: front matter validated field by field, body checked."""

from __future__ import annotations

import bisect
import itertools
import re
from pathlib import Path
from types import MappingProxyType
from typing import Any

from . import mdlimits, originals, refs, status, urls, yamlsrc
from .fields import Fields
from .problems import Problem
from .records import (
    AUTHORITIES, KIND_BY_NAME, LEVELS, STATE_AUTHORITIES, UNDATED_FOLDER, Directive, Recipient, Signer,
)
from .sources import decode_source, read_raw
from .text import squash_spaces

DIRECTIVE_FIELDS = (
    "number", "kind", "title", "issuer", "parent", "place", "date", "level", "signer",
    "addressees", "recipients", "recipient_notes", "topics", "inferred", "draft", "replaced_by",
)
REQUIRED_DIRECTIVE_FIELDS = ("number", "kind", "title", "issuer", "date")
SIGNER_FIELDS = ("authority", "on_behalf_of", "second_authority", "second_on_behalf_of", "position", "name")
RESERVED_SLUGS = frozenset({"index"})  # van-ban/<year>/index.md is the year's listing
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


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


def load_directive(path: Path, shown: str, rel: str, original: str | None | bool = True
                   ) -> tuple[Directive | None, list[Problem]]:
    """Read and validate one directive file. ``rel`` is its path under content/;
    ``original``, the original file beside it (True: look for it)."""
    raw, problems = read_raw(path, shown)
    if raw is None:
        return None, problems
    return directive_from_bytes(raw, shown, rel, originals.beside(path, rel) if original is True else original or None)


def directive_from_bytes(raw: bytes, shown: str, rel: str, original: str | None
                         ) -> tuple[Directive | None, list[Problem]]:
    """``load_directive`` for a file's bytes already read: the record depends
    on nothing else, so it can be kept by them (``bantin.memo``)."""
    text, problems = decode_source(raw, shown)
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

    f = Fields(shown, located, default_line=1)
    f.known(DIRECTIVE_FIELDS)
    f.required(REQUIRED_DIRECTIVE_FIELDS)

    number = f.text("number", nullable=True)
    parsed = None
    if number is not None:
        parsed = refs.parse_number(number)
        if parsed is None or not parsed.complete:
            f.error("number", f"số hiệu '{number}' không đúng dạng <số>-<ký hiệu loại>/<ký hiệu cơ quan> (văn bản "
                              "Đảng, ví dụ 02-KH/BTGDUK) hoặc <số>/<năm>/<ký hiệu> (văn bản nhà nước, ví dụ "
                              "30/2020/NĐ-CP, 547/QĐ-UBND)")
            number = parsed = None
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
    if slug in RESERVED_SLUGS:
        f.error(None, f"tên tệp '{slug}.md' dành cho trang danh sách văn bản của thư mục: hãy đặt tên khác, "
                      "ví dụ theo số hiệu: 02-kh-btgduk.md")
    elif not _SLUG.match(slug):
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
        original=original,
    )
    costly = mdlimits.hazards(body, body_line)
    for hazard in costly:
        f.error(None, hazard.message, line=hazard.line)
    for line, message in [] if costly else [*_unsafe_links(body, body_line), *_theme_ids(body, body_line)]:
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
        doc_number=parsed,
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
_NEWLINE = re.compile(r"\n")
_MAX_LABEL = 1000  # CommonMark's limit on a link label
MAX_LINK_PROBLEMS = 20
_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?" + _DESTINATION)


def _unsafe_links(body: str, body_line: int) -> list[tuple[int, str]]:
    """(line, message) for each link to another scheme and each image from
    another host; after ``MAX_LINK_PROBLEMS``, one line says how many more."""
    found: dict[int, tuple[int, str]] = {}  # by the destination's offset: one message for each
    line_starts = [0, *(m.end() for m in _NEWLINE.finditer(body))]

    def line_index(offset: int) -> int:
        return bisect.bisect_right(line_starts, offset) - 1

    links = [*_INLINE_LINK.finditer(body), *_AUTOLINK.finditer(body)]
    for match in _DEFINITION.finditer(body):
        start = line_starts[line_index(match.start())]
        # A label is short; past that the "]:" is inside a line, and checking would scan the line again.
        if match.start() - start <= _MAX_LABEL and _DEFINITION_LABEL.fullmatch(body, start, match.start()):
            links.append(match)
    for match in links:
        if not urls.link_allowed(match.group(1)):
            found[match.start(1)] = (body_line + line_index(match.start()), f"liên kết '{_shorten(match.group(1))}' "
                                     "không được phép: chỉ dùng http://, https://, mailto: hoặc tel:")
    for match in _IMAGE.finditer(body):
        if not urls.image_allowed(match.group(1)):
            found[match.start(1)] = (body_line + line_index(match.start()), f"ảnh '{_shorten(match.group(1))}' "
                                     "lấy từ nơi khác: bản tin không tải gì từ máy chủ khác; hãy bỏ ảnh này")
    listed = [found[offset] for offset in sorted(found)]
    if len(listed) > MAX_LINK_PROBLEMS:
        more = len(listed) - MAX_LINK_PROBLEMS
        listed = listed[:MAX_LINK_PROBLEMS] + [(listed[MAX_LINK_PROBLEMS][0], f"còn {more} liên kết hoặc ảnh không "
                                                f"được phép nữa từ dòng này (chỉ kể {MAX_LINK_PROBLEMS} cái đầu)")]
    return listed


# Attribute lists, "{: #bt-search-q }", and the ids in them: the site's own
# templates use ids starting with "bt-", and their scripts find them by id.
# (Material's, starting with "__", are renamed by bantin.mdext instead.)
# Two steps: one pattern for both would rescan the line at each '#'.
_ATTRIBUTE_LIST = re.compile(r"\{[^{}\n]*\}")
_THEME_ID = re.compile(r"#(bt-[^\s{}]*)")


def _theme_ids(body: str, body_line: int) -> list[tuple[int, str]]:
    found = itertools.islice((m for block in _ATTRIBUTE_LIST.finditer(body) if "#bt-" in block.group()
                              for m in _THEME_ID.finditer(body, block.start(), block.end())), MAX_LINK_PROBLEMS)
    return [(body_line + body.count("\n", 0, m.start()), f"mã '#{m.group(1)}' trùng với mã của giao diện bản tin "
             "(bắt đầu bằng 'bt-'): hãy đặt mã khác") for m in found]


def _shorten(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _replaced_by(f: Fields) -> str | None:
    value = f.text("replaced_by", nullable=True)
    if value is None:
        return None
    stored, error = status.parse_replaced_by(value)
    if error:
        f.error("replaced_by", error)
    return stored


def _signer(f: Fields) -> Signer | None:
    data = f.mapping("signer")
    if data is None:
        return None
    f.known(SIGNER_FIELDS, "signer.", data)
    signer = Signer(
        name=f.text("signer.name", nullable=True),
        position=f.text("signer.position", nullable=True),
        authority=_authority(f, "signer.authority"),
        on_behalf_of=f.text("signer.on_behalf_of", nullable=True),
        second_authority=_authority(f, "signer.second_authority"),
        second_on_behalf_of=f.text("signer.second_on_behalf_of", nullable=True),
    )
    if (signer.second_authority or signer.second_on_behalf_of) and not signer.authority:
        f.error("signer.second_authority", "dòng thẩm quyền thứ hai chỉ dùng khi đã có dòng thứ nhất (signer.authority)")
    return signer


_PARTY_FORM = {state: party for party, state in STATE_AUTHORITIES.items()}


def _authority(f: Fields, name: str) -> str | None:
    """An authority in its Party form, written in either ("TM." is "T/M")."""
    value = f.choice(name, (*AUTHORITIES, *_PARTY_FORM))
    return _PARTY_FORM.get(value, value) if value is not None else None


def _recipients(f: Fields) -> tuple[Recipient, ...]:
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
