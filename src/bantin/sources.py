"""Reading content files safely: which files there are, and their text.

A content folder is written by people and by tools, and may hold anything a
file system can: links, pipes, devices, hidden files, folders nobody may read.
Each of those is named in a problem, never skipped in silence, and a file is
opened only once ``lstat`` says it is a regular file of a bounded size, so no
pipe blocks a build and no device is read until memory runs out.
"""

from __future__ import annotations

import difflib
import errno
import os
import re
import stat
import sys
import unicodedata
from pathlib import Path
from typing import Callable

from . import originals
from .problems import INFO, NOT_UTF8, Problem, cannot_read
from .text import find_control, may_have_control, nfc

MAX_FILE_BYTES = 2 * 1024 * 1024  # a long directive is ~50 KB; 2 MB is a mistake
MAX_FOLDER_DEPTH = 8

_KIND_OF_FILE = (
    (stat.S_ISFIFO, "ống dẫn (FIFO)"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "tệp thiết bị"),
    (stat.S_ISBLK, "tệp thiết bị"),
)


def _not_regular(mode: int) -> str:
    for test, name in _KIND_OF_FILE:
        if test(mode):
            return name
    return "không phải tệp thường"


def not_a_file(mode: int) -> str:
    """The message for a path that is not a regular file (never opened)."""
    return f"đây là {_not_regular(mode)}, không phải tệp văn bản: hãy xóa nó khỏi thư mục content/"


LINK_MESSAGE = ("là liên kết tượng trưng (symlink): bantin không đi theo liên kết; "
                "hãy chép tệp hoặc thư mục thật vào đây")


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES.

    Raises OSError, or ``SourceRefused`` with the Vietnamese reason. The file
    is opened without following links and without blocking, and checked
    again once open, so a file swapped for a pipe after ``lstat`` still
    cannot hang the build.
    """
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        raise SourceRefused(LINK_MESSAGE)
    if not stat.S_ISREG(info.st_mode):
        raise SourceRefused(not_a_file(info.st_mode))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise SourceRefused(not_a_file(info.st_mode))
        if info.st_size > MAX_FILE_BYTES:
            raise SourceRefused(_too_big(info.st_size))
        raw = handle.read(MAX_FILE_BYTES + 1)  # a file that grew meanwhile is still bounded
    if len(raw) > MAX_FILE_BYTES:
        raise SourceRefused(_too_big(len(raw)))
    return raw


class SourceRefused(Exception):
    """A file bantin will not read, with the Vietnamese reason."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _too_big(size: int) -> str:
    mb = f"{size / 1024 / 1024:.1f}".replace(".", ",")
    return f"tệp quá lớn ({mb} MB; tối đa 2 MB một văn bản): hãy chia thành nhiều văn bản hoặc bỏ phần thừa"


# -- decoding ------------------------------------------------------------------

# Invisible format characters (Unicode category Cf): bidi controls such as
# U+202E turn "fdp.exe" into "exe.pdf" on screen, zero-width ones make two
# equal-looking numbers differ. None has a place in a directive.
_FORMAT_CHARS = "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf")
_FORMAT = re.compile("[" + re.escape(_FORMAT_CHARS) + "]")
_FORMAT_SET = frozenset(_FORMAT_CHARS)
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def find_format(text: str) -> tuple[int, int, str] | None:
    """(1-based line, 1-based column, message) of the first invisible format character.

    A search with a class of every format character runs at 5 MB/s (3 s on a
    1,000-directive archive): ``decode_source`` calls this only for a text
    whose set of characters holds one."""
    found = _FORMAT.search(text)
    if found is None:
        return None
    start, char = found.start(), found.group()
    what = "ký tự đổi chiều chữ" if char in _BIDI else "ký tự định dạng"
    line, column = text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)
    return line, column, (f"{what} U+{ord(char):04X} (không nhìn thấy) ở cột {column}: hãy xóa ký tự này; "
                          "nó làm chữ hiện ra khác với chữ thật")


# Digits of other scripts (full-width "０２", Arabic-Indic "٠٢", …) and the
# full-width forms of ASCII ("ＫＨ／ＴＷ") look like 0–9 and A–Z but are other
# characters: a number typed with them would be another number, and its
# citations another page. They become ASCII, as NFKC makes full-width forms.
_TO_ASCII = {c: str(unicodedata.decimal(chr(c))) for c in range(sys.maxunicode + 1)
             if unicodedata.category(chr(c)) == "Nd" and not chr(c).isascii()}
_TO_ASCII.update({c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)})
_LOOKALIKE_SET = frozenset(map(chr, _TO_ASCII))


def as_ascii(text: str) -> str:
    """``text`` with look-alike digits and full-width forms as ASCII."""
    return text if _LOOKALIKE_SET.isdisjoint(text) else text.translate(_TO_ASCII)


# The letters, marks and punctuation of Vietnamese text, of which none is a
# format character or a look-alike (``tests/test_hostile_content.py`` checks
# each): most files hold no other, and a search for one runs five times
# faster than making the set of a text's characters.
COMMON_RANGES = ((0x00, 0xAC), (0xAE, 0x36F), (0x1E00, 0x1EFF), (0x2010, 0x2027), (0x2030, 0x205F))
_UNCOMMON = re.compile("[^" + "".join(f"{chr(a)}-{chr(b)}" for a, b in COMMON_RANGES) + "]")


def read_source(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """Decode a content file: UTF-8 (a BOM is allowed), any line ends, NFC,
    look-alike digits and letters as ASCII; refuse control and invisible
    format characters."""
    raw, problems = read_raw(path, shown)
    return (None, problems) if raw is None else decode_source(raw, shown)


def read_raw(path: Path, shown: str) -> tuple[bytes | None, list[Problem]]:
    """A content file's bytes, or the Vietnamese reason it cannot be read."""
    try:
        return read_bytes(path), []
    except SourceRefused as refused:
        return None, [Problem(shown, 1, None, refused.message)]
    except OSError as error:
        return None, [Problem(shown, 1, None, cannot_read(error))]


def decode_source(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    """``read_source`` for bytes already read."""
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
    if not raw.isascii():
        # Checked before NFC, so a column counts the characters of the file
        # as the control check does (NFC makes no format or look-alike
        # character, nor takes one away).
        lookalikes = False
        if _UNCOMMON.search(text) is not None:
            # One pass makes the set of the text's characters; both checks
            # then look at its few hundred members.
            chars = set(text)
            invisible = None if _FORMAT_SET.isdisjoint(chars) else find_format(text)
            if invisible is not None:
                return None, [Problem(shown, invisible[0], None, invisible[2])]
            lookalikes = not _LOOKALIKE_SET.isdisjoint(chars)
        text = nfc(text)
        if lookalikes:
            text = text.translate(_TO_ASCII)
    return text, []


# -- finding files -------------------------------------------------------------

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(name: str) -> str:
    """A file name fit for one line of a message: bytes that are not UTF-8
    and control characters (a newline in a name) written as escapes."""
    if name.isprintable():
        return name
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], name)



def content_files(folder: Path, pattern: str, problems: list[Problem], shown: Callable[[Path], str]) -> list[Path]:
    """Files matching ``pattern`` under ``folder``, in a stable order.

    Everything else is reported: stray files, hidden files, links, pipes and
    devices, folders that cannot be read, and ``folder`` itself being a file.
    """
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return []
    except OSError as error:
        problems.append(Problem(shown(folder), 1, None, cannot_read(error)))
        return []
    if stat.S_ISLNK(info.st_mode):
        problems.append(Problem(shown(folder), 1, None, f"thư mục {LINK_MESSAGE}"))
        return []
    if not stat.S_ISDIR(info.st_mode):
        problems.append(Problem(shown(folder), 1, None,
                                f"phải là một thư mục chứa các tệp {pattern}, không phải một tệp: "
                                "hãy đổi tên tệp này rồi tạo thư mục"))
        return []
    found: list[Path] = []
    _walk(folder, pattern, problems, shown, found, MAX_FOLDER_DEPTH)
    return found


def stray_entries(content: Path, known: tuple[str, ...], shown: Callable[[Path], str]) -> list[Problem]:
    """Entries of ``content`` other than its ``known`` folders: a misspelt
    "directive/" would otherwise hold directives nobody ever sees."""
    try:
        names = sorted(os.listdir(content))
    except OSError as error:
        return [Problem(shown(content), 1, None, cannot_read(error))]
    problems = []
    for name in names:
        if name in known:
            continue
        if name.startswith("."):
            problems.append(Problem(shown(content / name), 1, None, "bỏ qua tệp/thư mục ẩn", INFO))
            continue
        hint = difflib.get_close_matches(name, known, n=1)
        tip = f"có phải là '{hint[0]}'?" if hint else "hãy chuyển vào đúng thư mục hoặc xóa"
        problems.append(Problem(shown(content / name), 1, None, "không được xử lý: thư mục nội dung chỉ gồm "
                                f"{', '.join(k + '/' for k in known)}; {tip}"))
    return problems


def _walk(folder: Path, pattern: str, problems: list[Problem], shown: Callable[[Path], str],
          found: list[Path], depth: int) -> None:
    if depth == 0:  # content needs two levels (year/file); thousands would exhaust the stack
        problems.append(Problem(shown(folder), 1, None, f"thư mục lồng quá sâu (tối đa {MAX_FOLDER_DEPTH} tầng): "
                                                       "các tệp trong đó chưa được đọc; hãy chuyển tệp lên trên"))
        return
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as error:
        reason = "không có quyền đọc thư mục" if error.errno in (errno.EACCES, errno.EPERM) else cannot_read(error)
        problems.append(Problem(shown(folder), 1, None, f"{reason}: các tệp trong đó chưa được đọc; "
                                                       "hãy cấp quyền đọc cho thư mục"))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            mode = entry.stat(follow_symlinks=False).st_mode
        except OSError as error:
            problems.append(Problem(shown(path), 1, None, cannot_read(error)))
            continue
        suffix = pattern.removeprefix("*")
        if entry.name.startswith("."):
            if entry.name.endswith(suffix) and not stat.S_ISDIR(mode):
                problems.append(Problem(shown(path), 1, None, "tệp ẩn (tên bắt đầu bằng dấu '.') không được đăng: "
                                                             "hãy bỏ dấu '.' ở đầu tên, hoặc xóa tệp"))
            else:  # .gitkeep, .DS_Store, an editor's folder: said, not read
                problems.append(Problem(shown(path), 1, None, "bỏ qua tệp/thư mục ẩn", INFO))
            continue
        if stat.S_ISLNK(mode):
            problems.append(Problem(shown(path), 1, None, LINK_MESSAGE))
        elif stat.S_ISDIR(mode):
            _walk(path, pattern, problems, shown, found, depth - 1)
        elif not stat.S_ISREG(mode):
            problems.append(Problem(shown(path), 1, None, not_a_file(mode)))
        elif entry.name.endswith(suffix):
            found.append(path)
        elif originals.is_original(path):  # a directive's original file: checked, copied by the site
            if not originals.has_text(path):
                problems.append(Problem(shown(path), 1, None, originals.LONELY))
        else:
            problems.append(Problem(shown(path), 1, None, f"tệp không được xử lý: thư mục này chỉ chứa tệp {pattern}"))
