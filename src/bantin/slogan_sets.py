"""One slogan set (``content/slogans/*.yml``): its slogans and approving directive."""

from __future__ import annotations

import difflib
from pathlib import Path
from types import MappingProxyType

from . import refs
from .fields import Fields, load_yaml_file
from .problems import WARNING, Problem
from .records import Directive, Slogan, SloganSet
from .slogans import slogan_key
from .text import squash_spaces

SLOGAN_FIELDS = ("directive", "occasion", "approved", "valid_from", "valid_until", "slogans")


def load_slogan_set(
    path: Path, shown: str, rel: str, directives: tuple[Directive, ...]
) -> tuple[SloganSet | None, list[Problem]]:
    """Read one ``content/slogans/*.yml``; its directive must exist."""
    f, problems = load_yaml_file(path, shown)
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


def _approving_directive(f: Fields, directives: tuple[Directive, ...]) -> Directive | None:
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
            if d.doc_number and d.doc_number.key == number.key and (date is None or d.date == date)
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


def _slogans(f: Fields) -> tuple[Slogan, ...]:
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
