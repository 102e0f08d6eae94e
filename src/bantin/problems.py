"""Problems found in content, each naming its file, line and field."""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

ERROR, WARNING, INFO = "error", "warning", "info"
_PREFIX = {ERROR: "", WARNING: "cảnh báo: ", INFO: "ghi chú: "}

NOT_UTF8 = "tệp không được mã hóa UTF-8: hãy lưu lại tệp với bảng mã UTF-8"

# The operating system says why a file could not be read in English.
_OS_REASONS = {
    errno.ENOENT: "không có tệp này",
    errno.EACCES: "không có quyền đọc tệp",
    errno.EPERM: "không có quyền đọc tệp",
    errno.EISDIR: "đây là thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ELOOP: "liên kết tượng trưng vòng quanh",
    errno.ENAMETOOLONG: "tên tệp quá dài",
}


def cannot_read(error: OSError) -> str:
    """"không đọc được tệp: …", with the reason in Vietnamese where it is a common one."""
    reason = _OS_REASONS.get(error.errno) if error.errno is not None else None
    return f"không đọc được tệp: {reason or error.strerror or error}"


def unexpected(error: BaseException) -> str:
    """One Vietnamese line for an error no check foresaw: what an editor sees
    instead of a traceback (``BANTIN_DEBUG=1`` shows the traceback)."""
    if isinstance(error, MemoryError):
        return "bantin: hết bộ nhớ: có tệp nội dung quá lớn hoặc quá phức tạp; hãy chạy 'bantin check' để tìm tệp"
    if isinstance(error, RecursionError):
        return ("bantin: nội dung lồng nhau quá sâu để xử lý; hãy chạy 'bantin check' để tìm tệp, "
                "hoặc báo cho người quản trị")
    if isinstance(error, OSError):
        reason = _OS_REASONS.get(error.errno) if error.errno is not None else None
        reason = reason or _SYSTEM_REASONS.get(error.errno or 0) or error.strerror or type(error).__name__
        where = f" ({error.filename})" if error.filename else ""
        return f"bantin: lỗi hệ thống{where}: {reason}"
    return (f"bantin: lỗi không lường trước ({type(error).__name__}): hãy báo cho người quản trị, "
            "kèm lệnh vừa chạy và tệp vừa sửa")


_SYSTEM_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy; hãy giải phóng chỗ trống rồi chạy lại",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
}


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


# What varies between two notes of one kind: quoted or parenthesised words,
# anything holding a digit (numbers, dates, lines), page paths.
_VARIES = re.compile(r"“[^”]*”|'[^']*'|\([^)]*\)|/\S+/|\S*\d\S*")
_SPACES = re.compile(r"\s+")
_ELLIPSES = re.compile(r"…(?:[\s,;]*…)+")


def note_kind(problem: Problem) -> str:
    """A note's message with what varies left out: "dẫn chiếu … chưa có trong
    bản tin: liên kết tới trang …"."""
    return _kind(f"{problem.field}: " if problem.field else "", problem.message)


@lru_cache(maxsize=1 << 16)  # a preview logs the same notes after every save
def _kind(what: str, message: str) -> str:
    return _ELLIPSES.sub("…", _SPACES.sub(" ", _VARIES.sub("…", what + message))).strip()


def build_log(problems: Iterable[Problem]) -> list[tuple[str, str]]:
    """(level, line) to log for a build: every warning and error on a line of
    its own with file and line; notes as one line per kind, with a count,
    since thousands of them would bury the one line that matters."""
    lines: list[tuple[str, str]] = []
    kinds: dict[str, int] = {}
    for problem in problems:
        if problem.level == INFO:
            kind = note_kind(problem)
            kinds[kind] = kinds.get(kind, 0) + 1
        else:
            lines.append((problem.level, str(problem)))
    lines += [(INFO, f"ghi chú ({count} chỗ): {kind} — xem từng chỗ bằng lệnh 'bantin check'")
              for kind, count in kinds.items()]
    return lines
