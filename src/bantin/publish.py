"""Publishing a built site atomically, one build at a time per folder.

The published folder (``site``, ``dist/bantin-offline``, or a web server's
``/srv/bantin/current``) is a symbolic link to a complete release::

    site -> site-releases/20261204-212530-123456/

A publish fills ``<releases>/<id>.partial`` (by running ``mkdocs build``, or
by copying a folder already built), renames it to ``<releases>/<id>`` once
complete, makes a new link beside the old one and renames it over the old
one. rename(2) is atomic, so a kill at any moment leaves the link naming a
complete site, old or new. The previous releases stay for ``rollback``; older
ones are pruned. A lock file in the releases folder serialises publishes;
writability and free space are checked before any work starts.

This file needs nothing but the standard library, so a web server without
bantin installed can run it as a script (``ssh host python3 - … < publish.py``).
MkDocs runs in a child process: nothing here imports it.
"""

from __future__ import annotations

import argparse
import ctypes
import errno
import fnmatch
import fcntl
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Sequence

PARTIAL = ".partial"
LOCK = ".lock"
KEEP = 3
MIN_FREE_MB = 50
KEPT_NOTE = "trang đang đăng vẫn giữ nguyên"


class PublishError(Exception):
    """One Vietnamese line for the editor; nothing was published."""


def os_message(error: OSError, doing: str = "ghi") -> str:
    """The operating system's complaint as one Vietnamese line saying what to do."""
    where = f" {error.filename}" if error.filename else ""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"hết chỗ trống trên đĩa khi {doing}{where}: hãy giải phóng chỗ trống rồi chạy lại; {KEPT_NOTE}"
    if error.errno in (errno.EACCES, errno.EPERM):
        return (f"không có quyền {doing}{where}: hãy cấp quyền ghi cho thư mục này hoặc chạy bằng "
                f"người dùng sở hữu nó; {KEPT_NOTE}")
    if error.errno == errno.EROFS:
        return f"ổ đĩa chỉ cho đọc, không {doing} được{where}: hãy chọn thư mục khác; {KEPT_NOTE}"
    if error.errno == errno.EFBIG:
        return f"tệp vượt giới hạn kích thước của hệ thống khi {doing}{where}; {KEPT_NOTE}"
    return f"không {doing} được{where}: {error.strerror or error}; {KEPT_NOTE}"


@dataclass(frozen=True)
class Target:
    """A published folder: the link readers see and the releases behind it."""

    link: Path
    releases: Path

    @classmethod
    def at(cls, link: Path, releases: Path | None = None) -> "Target":
        link = Path(os.path.abspath(link))
        return cls(link, Path(os.path.abspath(releases)) if releases else link.with_name(f"{link.name}-releases"))

    def current(self) -> Path | None:
        """The release the link names, if it is one of ours."""
        if not self.link.is_symlink():
            return None
        return Path(os.path.normpath(self.link.parent / os.readlink(self.link)))

    def complete(self) -> list[Path]:
        """Complete releases, oldest first (ids sort by time)."""
        if not self.releases.is_dir():
            return []
        return sorted(p for p in self.releases.iterdir()
                      if p.is_dir() and not p.name.endswith(PARTIAL) and not p.name.startswith("."))


# --- before any work --------------------------------------------------------

def _probe_writable(folder: Path) -> None:
    """Write and remove a file: os.access says yes to root even on a read-only disk."""
    try:
        fd, name = tempfile.mkstemp(prefix=".bantin-probe-", dir=folder)
        os.close(fd)
        os.unlink(name)
    except OSError as error:
        error.filename = str(folder)  # not the probe's own name
        raise PublishError(os_message(error, "ghi vào thư mục")) from None


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def preflight(target: Target) -> None:
    """The link's folder can be written, and the link is not somebody's file."""
    parent = target.link.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PublishError(os_message(error, "tạo thư mục")) from None
    if target.link.exists() and not target.link.is_dir():
        raise PublishError(f"{target.link} là một tệp, không phải thư mục trang: hãy đổi tên hoặc xóa tệp đó")
    _probe_writable(parent)
    try:
        target.releases.mkdir(exist_ok=True)
    except OSError as error:
        raise PublishError(os_message(error, "tạo thư mục")) from None
    _probe_writable(target.releases)


def check_space(target: Target, min_free_mb: int) -> None:
    """As much free space as the site now takes, and never less than ``min_free_mb``."""
    current = target.current()
    now = _size(current) if current and current.is_dir() else 0
    need = max(min_free_mb * 2**20, now)
    free = shutil.disk_usage(target.releases).free
    if free < need:
        raise PublishError(
            f"không đủ chỗ trống trên đĩa: còn {free / 2**20:.0f} MB ở {target.releases}, cần ít nhất "
            f"{need / 2**20:.0f} MB: hãy giải phóng chỗ trống rồi chạy lại; {KEPT_NOTE}")


@contextmanager
def locked(target: Target) -> Iterator[int]:
    """Hold the folder's lock; say so when waiting for another publish."""
    fd = os.open(target.releases / LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Đang chờ một lần dựng/đăng khác vào {target.link} kết thúc…", file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)  # releases the lock


# --- the switch -------------------------------------------------------------

def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _sync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def switch(target: Target, release: Path) -> None:
    """Point the link at ``release`` with one rename."""
    parent = target.link.parent
    new = parent / f".{target.link.name}.switch-{os.getpid()}"
    if new.is_symlink() or new.exists():
        _remove(new)
    os.symlink(os.path.relpath(release, parent), new)
    if target.link.is_dir() and not target.link.is_symlink():
        # A site built before releases existed: exchange it with the link in
        # one step, then keep it as the oldest release.
        kept = target.releases / f"00000000-000000-{os.getpid():06d}-truoc"
        if _exchange(new, target.link):
            os.rename(new, kept)
        else:  # no renameat2: a moment without a site, once
            os.rename(target.link, kept)
            os.rename(new, target.link)
    else:
        os.replace(new, target.link)
    _sync_dir(parent)


def _remove(path: Path) -> None:
    if path.is_symlink() or not path.is_dir():
        path.unlink()
    else:
        shutil.rmtree(path)


def prune(target: Target, keep: int) -> None:
    """Drop leftovers of killed publishes and all but the newest ``keep`` releases."""
    current = target.current()
    stale = [p for p in target.releases.iterdir() if p.name.endswith(PARTIAL)]
    stale += list(target.link.parent.glob(f".{target.link.name}.switch-*"))
    stale += [p for p in target.complete()[:-keep] if p != current]
    for path in stale:
        try:
            _remove(path)
        except OSError as error:
            print(f"cảnh báo: {os_message(error, 'xóa bản cũ')}", file=sys.stderr)


def new_release(target: Target) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
    release = target.releases / stamp
    while release.exists() or release.with_name(release.name + PARTIAL).exists():
        release = release.with_name(release.name + "x")
    return release


def publish(target: Target, fill: Callable[[Path], None], *, keep: int = KEEP,
            min_free_mb: int = MIN_FREE_MB, also: Callable[[Path], None] | None = None) -> Path:
    """Fill a new release, switch the link to it, prune; returns the release.

    ``fill`` writes a complete site into the folder it is given, and ``also``
    makes something more of it (the offline zip) before the switch; any error
    either raises leaves the published site as it was.
    """
    preflight(target)
    with locked(target):
        prune(target, keep)  # leftovers of a killed publish free their space first
        check_space(target, min_free_mb)
        release = new_release(target)
        partial = release.with_name(release.name + PARTIAL)
        try:
            fill(partial)
            if not (partial / "index.html").is_file():
                raise PublishError(f"bản dựng không có trang chủ index.html; {KEPT_NOTE}")
            if also:
                also(partial)
            os.rename(partial, release)
            switch(target, release)
        except OSError as error:
            _discard(partial)
            raise PublishError(os_message(error)) from None
        except BaseException:
            _discard(partial)
            raise
        prune(target, keep)
    return release


def _discard(partial: Path) -> None:
    shutil.rmtree(partial, ignore_errors=True)


def rollback(target: Target) -> Path:
    """Switch back to the newest release older than the current one."""
    preflight(target)
    with locked(target):
        current = target.current()
        older = [p for p in target.complete() if current is None or p.name < current.name]
        if not older:
            raise PublishError(f"không còn bản nào trước bản đang đăng ở {target.link} để quay lại")
        switch(target, older[-1])
        return older[-1]


# --- ways to fill a release -------------------------------------------------

# "OSError: [Errno 28] No space left on device: 'from' -> 'to'": the last path is the one written.
_OS_ERROR_LINE = re.compile(r"^\w*Error: \[Errno (\d+)\] ([^:]+)(?:: '(.*?)'(?: -> '(.*)')?)?$")


def mkdocs_build(config_file: str | None) -> Callable[[Path], None]:
    """``mkdocs build --strict`` into the folder, its messages passed on as they come.

    A traceback from the child is held back: a disk or permission failure
    becomes one Vietnamese line; anything else is saved to a file for the
    developers and named in one line.
    """
    def fill(dest: Path) -> None:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)]
        if config_file:
            command += ["--config-file", config_file]
        proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace",
                                preexec_fn=_die_with_parent)
        held: list[str] = []
        assert proc.stderr is not None
        for line in proc.stderr:
            if held or line.startswith("Traceback (most recent call last):"):
                held.append(line)
            else:
                sys.stderr.write(line)
        if proc.wait() == 0:
            return
        if held:
            last = held[-1].strip()
            found = _OS_ERROR_LINE.match(last)
            if found:
                error = OSError(int(found[1]), found[2], found[4] or found[3])
                raise PublishError(os_message(error))
            log = dest.parent / "loi-dung-trang.txt"
            log.write_text("".join(held), encoding="utf-8")
            raise PublishError(f"lỗi không lường trước khi dựng trang ({last}): chi tiết ở {log}, "
                               f"hãy gửi tệp này cho người phát triển bantin; {KEPT_NOTE}")
        raise PublishError(f"dựng trang không thành công (xem thông báo ở trên); {KEPT_NOTE}")
    return fill


def _die_with_parent() -> None:
    """In the child: a publisher killed takes its build with it (Linux), so no
    orphan writes on while the next publish runs."""
    try:
        ctypes.CDLL(None).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):
        pass


def copy_of(source: Path) -> Callable[[Path], None]:
    def fill(dest: Path) -> None:
        if not (source / "index.html").is_file():
            raise PublishError(f"{source} không phải một trang đã dựng (thiếu index.html)")
        shutil.copytree(source, dest, symlinks=False)
    return fill


def write_zip(release: Path, zip_path: Path, folder: str, leave_out: Sequence[str]) -> None:
    """Zip the release as ``folder/…``, written beside and renamed into place."""
    for stale in zip_path.parent.glob(f".{zip_path.name}.*.tmp"):  # a killed publish's; we hold the lock
        stale.unlink()
    tmp = zip_path.with_name(f".{zip_path.name}.{os.getpid()}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(release.rglob("*")):
                rel = path.relative_to(release).as_posix()
                if path.is_file() and not any(fnmatch.fnmatch(rel, pattern) for pattern in leave_out):
                    archive.write(path, f"{folder}/{rel}")
        os.replace(tmp, zip_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# --- command line -----------------------------------------------------------

def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bantin.publish",
                                     description="Đăng trang một cách nguyên tử (thay cả trang trong một bước).")
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--site", default="site", help="thư mục trang (một liên kết tới bản đang đăng)")
    common.add_argument("--releases", help="thư mục chứa các bản (mặc định: <site>-releases)")
    common.add_argument("--keep", type=int, default=KEEP, help="số bản giữ lại để quay lại")
    common.add_argument("--min-free-mb", type=int, default=MIN_FREE_MB, help="chỗ trống tối thiểu (MB)")
    p = sub.add_parser("build", parents=[common], help="dựng bằng mkdocs build --strict rồi đăng")
    p.add_argument("--config-file", help="tệp cấu hình MkDocs")
    p.add_argument("--zip", help="cũng đóng gói bản mới thành tệp .zip này")
    p.add_argument("--zip-leave-out", action="append", default=[], help="mẫu tệp không đưa vào .zip")
    p = sub.add_parser("install", parents=[common], help="đăng một thư mục trang đã dựng sẵn")
    p.add_argument("source", help="thư mục trang đã dựng")
    sub.add_parser("rollback", parents=[common], help="quay lại bản đăng trước")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    target = Target.at(Path(args.site), Path(args.releases) if args.releases else None)
    try:
        if args.command == "rollback":
            release = rollback(target)
            print(f"Đã quay lại bản {release.name} ở {args.site}.", file=sys.stderr)
            return 0
        if args.command == "install":
            fill = copy_of(Path(args.source))
        else:
            fill = mkdocs_build(args.config_file)
        also = None
        if getattr(args, "zip", None):
            zip_path = Path(args.zip)
            def also(release: Path) -> None:  # noqa: E306
                write_zip(release, zip_path, target.link.name, args.zip_leave_out)
        release = publish(target, fill, keep=args.keep, min_free_mb=args.min_free_mb, also=also)
    except PublishError as error:
        print(f"lỗi: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"lỗi: {os_message(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"Đã dừng; {KEPT_NOTE}.", file=sys.stderr)
        return 130
    print(f"Đã đăng bản {release.name} ở {args.site}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
