"""YAML read with line numbers, so every problem can name its line.

PyYAML's loaders forget where values came from; composing the node tree and
converting it ourselves keeps the line of every value. Timestamps are left as
strings: dates are checked by ``corpus`` with a message an editor understands,
instead of PyYAML's ValueError on "2024-02-30".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

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


def load(text: str, first_line: int = 1) -> Located:
    """Parse ``text`` (whose first line is file line ``first_line``)."""
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        line, message = _explain(error, text, first_line)
        raise YamlProblem(line, message) from None
    except yaml.reader.ReaderError as error:  # such as U+FFFF; control characters are caught before
        # LibYAML gives a byte offset, PyYAML a character one: find the character instead.
        line = first_line + text.count("\n", 0, max(text.find(chr(error.character)), 0))
        raise YamlProblem(line, f"lỗi cú pháp YAML: ký tự U+{error.character:04X} không dùng được; hãy xóa ký tự này") from None
    except yaml.YAMLError as error:  # pragma: no cover - none known, but never a traceback for an editor
        raise YamlProblem(first_line, f"lỗi cú pháp YAML ({error})") from None
    lines: dict[str, int] = {}
    data = None if node is None else _convert(node, "", lines, first_line)
    return Located(data, lines)


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
        (r"undefined alias", "problem", "giá trị bắt đầu bằng '*' phải đặt trong nháy kép"),
        (r"duplicate anchor|second occurrence", "problem", "giá trị bắt đầu bằng '&' phải đặt trong nháy kép"),
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


def _convert(node: yaml.Node, path: str, lines: dict[str, int], first: int) -> Any:
    lines[path] = first + node.start_mark.line
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                raise YamlProblem(first + key_node.start_mark.line, "tên trường phải là chữ")
            if key in result:
                raise YamlProblem(first + key_node.start_mark.line, f"trường '{key}' bị lặp lại")
            child = f"{path}.{key}" if path else key
            result[key] = _convert(value_node, child, lines, first)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, f"{path}[{i}]", lines, first) for i, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> Any:
    tag = node.tag.rsplit(":", 1)[-1]
    if tag == "null":
        return None
    if tag == "bool":
        return _CONSTRUCTOR.construct_yaml_bool(node)
    if tag == "int":
        return _CONSTRUCTOR.construct_yaml_int(node)
    if tag == "float":
        return _CONSTRUCTOR.construct_yaml_float(node)
    return node.value
