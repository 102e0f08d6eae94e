"""YAML read with line numbers, so every problem can name its line.

PyYAML's loaders forget where values came from; composing the node tree and
converting it ourselves keeps the line of every value. Timestamps are left as
strings: dates are checked by ``corpus`` with a message an editor understands,
instead of PyYAML's ValueError on "2024-02-30".
"""

from __future__ import annotations

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
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        message = f"lỗi cú pháp YAML ({error.problem or 'không đọc được'})"
        if error.context_mark and error.problem_mark and error.context_mark.line != error.problem_mark.line:
            message += f", phần bị lỗi bắt đầu ở dòng {first_line + error.context_mark.line}"
        raise YamlProblem(line, message) from None
    except yaml.YAMLError as error:  # pragma: no cover - reader errors
        raise YamlProblem(first_line, str(error)) from None
    lines: dict[str, int] = {}
    data = None if node is None else _convert(node, "", lines, first_line)
    return Located(data, lines)


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
