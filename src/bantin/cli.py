"""The ``bantin`` command: editors' tools (init, import, new, check, refs).

Argument parsing and printing live here; the work is done by the domain
modules. Messages are in Vietnamese, one ``path:line: message`` per problem.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from pathlib import Path
from typing import NoReturn, Sequence

from .problems import NOT_UTF8, cannot_read, unexpected
from .text import nfc


_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def _read_text(path: Path) -> str:
    """A text file named on the command line, read as content is: a pipe or a
    device is refused, never opened (a link is followed: the editor named it)."""
    import errno
    import os

    from .sources import read_bytes

    path = path.resolve()
    if path.is_dir():  # said as the operating system says it, like a missing file
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    raw = read_bytes(path)
    text = raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    # Soft hyphens and zero-width characters a web page leaves inside words
    # ("1\u00ad89-QĐ/TW") would split a number in two.
    return nfc(text.translate(_INVISIBLE))


def cmd_refs(args: argparse.Namespace) -> int:
    """Print one JSON object per document each file cites."""
    from . import refs
    from .corpus import split_front_matter
    from .identity import cited_documents
    from .sources import SourceRefused

    status = 0
    for name in args.files:
        path = Path(name)
        try:
            text = _read_text(path)
        except OSError as error:
            print(f"{path}: {cannot_read(error)}", file=sys.stderr)
            status = 1
            continue
        except SourceRefused as refused:
            print(f"{path}: {refused.message}", file=sys.stderr)
            status = 1
            continue
        except UnicodeDecodeError:
            print(f"{path}: {NOT_UTF8}", file=sys.stderr)
            status = 1
            continue
        meta, body, body_line = split_front_matter(text)
        if meta is not None:
            own = refs.parse_number(str(meta.get("number") or ""))
            date = meta.get("date")
            own_date = date if isinstance(date, dt.date) else None
            # Blank out the front matter so lines are counted in the file.
            text = "\n" * (body_line - 1) + body
        else:
            own, own_date = refs.own_number(text), refs.own_date(text)
        for doc in cited_documents(text, own=own, own_date=own_date):
            record = {"file": str(path), **doc.as_json()}
            print(json.dumps(record, ensure_ascii=False))
    return status


def cmd_check(args: argparse.Namespace) -> int:
    """Validate all content without building; one line per problem."""
    from .check import blocking, check_project

    problems = check_project(Path(args.root), progress=_progress if sys.stderr.isatty() else None)
    for problem in problems:
        print(problem, file=sys.stderr)
    failing = blocking(problems)
    if failing:
        print(f"Có {len(failing)} vấn đề phải sửa trước khi đăng.", file=sys.stderr)
        return 1
    print("Nội dung hợp lệ.", file=sys.stderr)
    return 0


def _progress(done: int, total: int) -> None:
    if total >= 200 and (done % 100 == 0 or done == total):
        end = "\n" if done == total else "\r"
        print(f"Đang kiểm tra {done}/{total} tệp…", end=end, file=sys.stderr, flush=True)


def cmd_import(args: argparse.Namespace) -> int:
    """Turn plain-text or .docx directives into content files."""
    from .importer import run_import

    return run_import([Path(f) for f in args.files], Path(args.root) / "content", force=args.force)


def cmd_new(args: argparse.Namespace) -> int:
    """Write a directive skeleton with a Vietnamese comment on every field."""
    from .importer import skeleton

    try:
        print(skeleton(args.kind), end="")
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    """Scaffold a new bulletin; ask for the names not given when a person is typing."""
    from .init import DEFAULT_NAME, Bulletin, InitError, scaffold

    organisation, name = args.to_chuc, args.ten_ban_tin
    if organisation is None and sys.stdin.isatty():
        organisation = input("Tên tổ chức (ví dụ: Ban Tuyên giáo Huyện ủy Vĩnh An): ")
    if name is None and sys.stdin.isatty():
        name = input(f"Tên bản tin [{DEFAULT_NAME}]: ")
    try:
        written = scaffold(Path(args.dir), Bulletin(organisation or "", name or DEFAULT_NAME))
    except InitError as error:
        print(f"bantin init: {error}", file=sys.stderr)
        return 2
    print(f"Đã tạo {len(written)} tệp trong {args.dir}. Xem README.md: "
          "`mkdocs serve` để xem trước, `bantin check && mkdocs build --strict` để kiểm tra.", file=sys.stderr)
    return 0


class _HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "cách dùng: " if prefix is None else prefix)


# argparse writes its own messages in English whatever the locale; these are
# the ones an editor meets. Any other keeps argparse's words.
_ARGPARSE_MESSAGES = tuple((re.compile(pattern), said) for pattern, said in (
    (r"the following arguments are required: (.*)", "thiếu {0}"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", "không có {1}; chọn một trong: {2}"),
    (r"unrecognized arguments: (.*)", "không hiểu: {0}"),
    (r"argument (\S+): expected one argument", "{0} cần một giá trị"),
))


class _Parser(argparse.ArgumentParser):
    """ArgumentParser that speaks Vietnamese: usage, section titles, help and errors."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", help="in hướng dẫn này rồi thoát")

    def error(self, message: str) -> NoReturn:
        for pattern, said in _ARGPARSE_MESSAGES:
            found = pattern.fullmatch(message)
            if found:
                message = said.format(*found.groups())
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bantin", description="Công cụ biên tập Bản tin Thông tin nội bộ.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="LỆNH", title="lệnh")

    p = sub.add_parser("refs", help="liệt kê các văn bản được dẫn chiếu trong tệp")
    p.add_argument("files", nargs="+", metavar="TỆP", help="tệp văn bản (.md hoặc .txt)")
    p.set_defaults(func=cmd_refs)

    p = sub.add_parser("check", help="kiểm tra toàn bộ nội dung, không dựng trang")
    p.add_argument("--root", default=".", metavar="THƯ_MỤC", help="thư mục dự án (mặc định: thư mục hiện tại)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("import", help="nhập văn bản: .txt, .docx, .doc, .odt, PDF, bản scan, ảnh")
    p.add_argument("files", nargs="+", metavar="TỆP", help="tệp .txt, .docx, .doc, .odt, .pdf, ảnh, hoặc thư mục chứa chúng")
    p.add_argument("--root", default=".", metavar="THƯ_MỤC", help="thư mục dự án (mặc định: thư mục hiện tại)")
    p.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("new", help="in khung văn bản mới với chú thích cho từng trường")
    p.add_argument("kind", metavar="LOẠI", help="loại văn bản, ví dụ: 'Kế hoạch'")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("init", help="tạo một bản tin mới trong thư mục trống")
    p.add_argument("dir", metavar="THƯ_MỤC", help="thư mục mới hoặc trống")
    p.add_argument("--to-chuc", metavar="TÊN", help="tên tổ chức ban hành, ví dụ: 'Ban Tuyên giáo Huyện ủy Vĩnh An'")
    p.add_argument("--ten-ban-tin", metavar="TÊN", help=f"tên bản tin (mặc định: '{'Bản tin Thông tin nội bộ'}')")
    p.set_defaults(func=cmd_init)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("bantin: đã dừng theo yêu cầu.", file=sys.stderr)
        return 130
    except Exception as error:  # the last resort: never a traceback for an editor
        if os.environ.get("BANTIN_DEBUG"):
            raise
        print(unexpected(error), file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
