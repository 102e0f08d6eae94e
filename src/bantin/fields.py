"""Typed fields from located YAML: every problem names its line and field."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any, Callable, Iterable

from . import yamlsrc
from .problems import Problem
from .sources import read_source
from .text import squash_spaces

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class Fields:
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
            if self._present(name):  # "draft:" left empty must not publish a draft
                self.error(name, "đang để trống: ghi true hoặc false")
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


def load_yaml_file(path: Path, shown: str) -> tuple[Fields | None, list[Problem]]:
    text, problems = read_source(path, shown)
    if text is None:
        return None, problems
    try:
        located = yamlsrc.load(text)
    except yamlsrc.YamlProblem as problem:
        return None, [Problem(shown, problem.line, None, problem.message)]
    if not isinstance(located.data, dict):
        return None, [Problem(shown, 1, None, "tệp phải là các dòng 'trường: giá trị'")]
    return Fields(shown, located, default_line=1), []
