"""Problems found in content, each naming its file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

ERROR, WARNING, INFO = "error", "warning", "info"
_PREFIX = {ERROR: "", WARNING: "cảnh báo: ", INFO: "ghi chú: "}


@dataclass(frozen=True)
class Problem:
    """``path:line: field: message``; errors stop the build, warnings stop
    ``--strict`` builds, notes are only reported."""

    path: str
    line: int
    field: str | None
    message: str
    level: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    def __str__(self) -> str:
        what = f"{self.field}: " if self.field else ""
        return f"{self.path}:{self.line}: {_PREFIX[self.level]}{what}{self.message}"


class ContentError(Exception):
    """Raised when content has errors; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
