"""YAML read with line numbers, so every problem can name its line.

PyYAML's loaders forget where values came from; composing the node tree and
converting it ourselves keeps the line of every value. Timestamps are left as
strings: dates are checked by ``corpus`` with a message an editor understands,
instead of PyYAML's ValueError on "2024-02-30".

The data is built from LibYAML's event stream in one loop, not from a composed
node tree: nothing recurses (LibYAML's composer crashes the process on deeply
nested input), nesting is bounded by ``MAX_DEPTH``, and anchors, aliases and
explicit tags are refused where they stand. Front matter needs none of them,
and an alias is how a 1 KB file expands to gigabytes ("billion laughs").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml

from .sources import as_ascii
from .text import nfc

_CONSTRUCTOR = yaml.SafeLoader("")
# LibYAML's parser keeps the same marks and is ~20x faster than PyYAML's
# pure-Python one: it matters with thousands of files per build.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlProblem(Exception):
    """A YAML syntax problem, with its 1-based line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Located:
    """Plain Python data plus the line of every value, by dotted path."""

    data: Any
    lines: dict[str, int]

    def line(self, path: str, default: int) -> int:
        return self.lines.get(path, default)


MAX_DEPTH = 20  # front matter nests three deep (recipients[0].name); 20 is a mistake or an attack

_ALIAS = ("giá trị bắt đầu bằng '&' hoặc '*' phải đặt trong nháy kép "
          "(bantin không dùng neo và bí danh YAML)")
_TAG = "giá trị bắt đầu bằng '!' phải đặt trong nháy kép (bantin không dùng thẻ kiểu YAML như !!int)"


_BRACKET = re.compile(r"[\[\]{}]")
# LibYAML's scanner costs time in proportion to the open brackets at every
# token, and opens them all before the first event: brackets are counted first.
_MAX_BRACKETS = 200


def _too_deep(line: int) -> YamlProblem:
    return YamlProblem(line, f"các trường lồng nhau quá sâu (tối đa {MAX_DEPTH} tầng): "
                             "hãy viết lại phần này cho phẳng hơn")


def _check_brackets(text: str, first_line: int) -> None:
    depth = 0
    for found in _BRACKET.finditer(text):
        depth += 1 if found.group() in "[{" else -1
        if depth > _MAX_BRACKETS:
            raise _too_deep(first_line + text.count("\n", 0, found.start()))


def load(text: str, first_line: int = 1) -> Located:
    """Parse ``text`` (whose first line is file line ``first_line``)."""
    _check_brackets(text, first_line)
    try:
        return _build(yaml.parse(text, Loader=_LOADER), first_line)
    except yaml.MarkedYAMLError as error:
        line, message = _explain(error, text, first_line)
        raise YamlProblem(line, message) from None
    except yaml.reader.ReaderError as error:  # such as U+FFFF; control characters are caught before
        # LibYAML gives a byte offset, PyYAML a character one: find the character instead.
        line = first_line + text.count("\n", 0, max(text.find(chr(error.character)), 0))
        raise YamlProblem(line, f"lỗi cú pháp YAML: ký tự U+{error.character:04X} không dùng được; hãy xóa ký tự này") from None
    except yaml.YAMLError as error:  # pragma: no cover - none known, but never a traceback for an editor
        raise YamlProblem(first_line, f"lỗi cú pháp YAML ({error})") from None


class _Open:
    """A mapping or list being filled, with its dotted path."""

    __slots__ = ("value", "path", "key", "key_line")

    def __init__(self, value: dict | list, path: str) -> None:
        self.value = value
        self.path = path
        self.key: str | None = None  # a mapping's key waiting for its value
        self.key_line = 0

    def child_path(self) -> str:
        if isinstance(self.value, list):
            return f"{self.path}[{len(self.value)}]"
        return f"{self.path}.{self.key}" if self.path else str(self.key)


def _build(events, first: int) -> Located:  # type: ignore[no-untyped-def]
    lines: dict[str, int] = {}
    stack: list[_Open] = []
    result: Any = None
    documents = 0
    for event in events:
        line = first + event.start_mark.line
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise YamlProblem(line, "lỗi cú pháp YAML: phần đầu chỉ được có một khối; xóa dòng '---' hoặc '...' thừa")
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            done = stack.pop()
            if not stack:
                result = done.value
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            raise YamlProblem(line, f"lỗi cú pháp YAML: {_ALIAS}")
        if event.tag is not None and not (isinstance(event, yaml.CollectionStartEvent) and event.implicit):
            raise YamlProblem(line, f"lỗi cú pháp YAML: {_TAG}")
        parent = stack[-1] if stack else None
        if parent is not None and isinstance(parent.value, dict) and parent.key is None:
            key = _scalar(event) if isinstance(event, yaml.ScalarEvent) else None
            if not isinstance(key, str):
                raise YamlProblem(line, "tên trường phải là chữ")
            if key in parent.value:
                raise YamlProblem(line, f"trường '{key}' bị lặp lại")
            parent.key, parent.key_line = key, line
            continue
        path = parent.child_path() if parent is not None else ""
        lines[path] = line
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                raise _too_deep(line)
            value: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
        else:
            value = _scalar(event)
            if isinstance(value, _Bad):
                raise YamlProblem(line, f"{path}: {value.message}" if path else value.message)
        if parent is None:
            result = value
        elif isinstance(parent.value, list):
            parent.value.append(value)
        else:
            parent.value[parent.key] = value
            parent.key = None
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append(_Open(value, path))
    return Located(result, lines)


# What LibYAML (or PyYAML, its pure-Python twin) says, and what an editor
# needs to hear: what is wrong and how to fix it. "context" says the line to
# name is where the broken part began (an unclosed quote), and "+context" that
# both lines matter (an unclosed bracket). A problem not listed keeps PyYAML's
# own words rather than a guess.
_EXPLAINED: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), where, text)
    for pattern, where, text in (
        (r"mapping values are not allowed", "problem",
         "dấu ':' ở chỗ không được có: giá trị có dấu ':' phải đặt trong nháy kép,"
         " hoặc dòng trên thiếu dấu ':' sau tên trường"),
        (r"tab character|character '\\t'", "problem", "có ký tự tab; hãy thụt lề bằng dấu cách"),
        (r"while scanning a quoted scalar", "context",
         "dấu nháy mở ở dòng này chưa được đóng; thêm dấu nháy đóng ở cuối giá trị"),
        (r"expected ',' or '\]'", "+context",
         "danh sách mở bằng '[' chưa đóng bằng ']', hoặc thiếu dấu ',' giữa các mục"),
        (r"expected ',' or '\}'", "+context", "phần mở bằng '{' chưa đóng bằng '}', hoặc thiếu dấu ',' giữa các mục"),
        (r"expected '-' indicator|block collection", "problem",
         "mỗi mục của danh sách phải bắt đầu bằng '- ' và thẳng hàng với các mục trên"),
        (r"expected key|expected <block end>", "problem",
         "dòng thụt lề lệch so với các trường cùng cấp, hoặc có chữ thừa sau dấu nháy đóng"),
        (r"expected ':'", "problem", "thiếu dấu ':' sau tên trường"),
        (r"block scalar|chomping", "problem", "sau '|' hoặc '>' không được viết gì trên cùng dòng"),
        (r"node content", "+context", "thiếu giá trị, hoặc '[' hay '{' chưa được đóng"),
        (r"cannot start any token", "problem", "giá trị bắt đầu bằng ký tự đặc biệt phải đặt trong nháy kép"),
        (r"another document", "problem", "phần đầu chỉ được có một khối; xóa dòng '---' hoặc '...' thừa"),
    )
)


def _explain(error: yaml.MarkedYAMLError, text: str, first_line: int) -> tuple[int, str]:
    """The file line to name and the Vietnamese message for a syntax error."""
    problem, context = error.problem_mark, error.context_mark
    mark = problem or context
    line = first_line + (mark.line if mark else 0)
    said = f"{error.context or ''} {error.problem or ''}"
    if "cannot start any token" in said and problem is not None:
        # LibYAML does not say which character: look, since a tab needs
        # another fix than an '@' or a backquote.
        rows = text.split("\n")
        row = rows[problem.line] if problem.line < len(rows) else ""
        char = row[problem.column] if problem.column < len(row) else ""
        if char == "\t":
            return line, "lỗi cú pháp YAML: có ký tự tab; hãy thụt lề bằng dấu cách"
        if char.isprintable() and char.strip():
            return line, f"lỗi cú pháp YAML: giá trị bắt đầu bằng '{char}' phải đặt trong nháy kép"
    for pattern, where, explained in _EXPLAINED:
        if pattern.search(said):
            message = f"lỗi cú pháp YAML: {explained}"
            break
    else:
        where, message = "+context", f"lỗi cú pháp YAML ({error.problem or 'không đọc được'})"
    if where == "context" and context is not None:
        return first_line + context.line, message
    if where == "+context" and context is not None and problem is not None and context.line != problem.line:
        message += f", phần bị lỗi bắt đầu ở dòng {first_line + context.line}"
    return line, message


class _Bad:
    def __init__(self, message: str) -> None:
        self.message = message


_RESOLVER = yaml.resolver.Resolver()


def _unescaped(value: str) -> str | _Bad:
    """A double-quoted value, whose escapes ("\\u202e", "\\a", "\\uff10") may
    make what the file's text is checked for: control and invisible format
    characters (refused), look-alike digits and letters (made ASCII)."""
    for char in value:
        if char not in "\t\n" and unicodedata.category(char) in ("Cc", "Cf"):
            return _Bad(f"giá trị trong nháy kép có mã thoát tạo ra ký tự không nhìn thấy U+{ord(char):04X}: "
                        "hãy xóa mã thoát này (chữ phải hiện ra đúng như chữ thật)")
    return as_ascii(nfc(value))


def _scalar(event: yaml.ScalarEvent) -> Any:
    """A plain scalar as YAML 1.1 reads it (null, true, 12, 1.5); a quoted one as text."""
    if event.style:  # quoted or block: always text
        if event.style == '"':
            return _unescaped(event.value)
        return event.value
    tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, (True, False)).rsplit(":", 1)[-1]
    node = yaml.ScalarNode(tag, event.value)
    if tag == "null":
        return None
    if tag == "bool":
        return _CONSTRUCTOR.construct_yaml_bool(node)
    try:
        if tag == "int":
            return _CONSTRUCTOR.construct_yaml_int(node)
        if tag == "float":
            return _CONSTRUCTOR.construct_yaml_float(node)
    except ValueError:  # an integer of more than 4,300 digits: Python will not convert it
        return event.value
    return event.value
