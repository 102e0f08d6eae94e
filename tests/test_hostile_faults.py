"""No Python traceback reaches an editor: whatever no check foresaw, the
``bantin`` command and the build say it in one Vietnamese line and fail."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bantin import check
from bantin.cli import main

UNFORESEEN = "bantin: lỗi không lường trước (RuntimeError): hãy báo cho người quản trị, kèm lệnh vừa chạy và tệp vừa sửa"
FAULTS = [
    (RuntimeError("x"), UNFORESEEN),
    (MemoryError(), "bantin: hết bộ nhớ: có tệp nội dung quá lớn hoặc quá phức tạp; hãy chạy 'bantin check' để tìm tệp"),
    (RecursionError(), "bantin: nội dung lồng nhau quá sâu để xử lý; hãy chạy 'bantin check' để tìm tệp, "
                       "hoặc báo cho người quản trị"),
    (OSError(errno.ENOSPC, "No space left on device", "site"),
     "bantin: lỗi hệ thống (site): ổ đĩa đã đầy; hãy giải phóng chỗ trống rồi chạy lại"),
    (PermissionError(errno.EACCES, "Permission denied", "content/x.md"),
     "bantin: lỗi hệ thống (content/x.md): không có quyền đọc tệp"),
]


@pytest.mark.parametrize(("error", "line"), FAULTS, ids=lambda v: type(v).__name__ if isinstance(v, BaseException) else "")
def test_bantin_check_says_an_unforeseen_error_in_one_line(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, error: BaseException, line: str) -> None:
    def fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise error

    monkeypatch.setattr(check, "check_project", fail)
    monkeypatch.delenv("BANTIN_DEBUG", raising=False)
    assert main(["check"]) == 1
    assert capsys.readouterr().err == line + "\n"


def test_an_interrupted_command_stops_quietly(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(check, "check_project", interrupt)
    assert main(["check"]) == 130
    assert capsys.readouterr().err == "bantin: đã dừng theo yêu cầu.\n"


def test_developers_still_get_the_traceback_with_bantin_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("x")

    monkeypatch.setattr(check, "check_project", fail)
    monkeypatch.setenv("BANTIN_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["check"])


# The build: MkDocs prints a traceback for any exception a hook raises other
# than its own; the site hook turns them into one line. The fault is injected
# by replacing bantin.corpus.load_corpus before MkDocs loads the hook.
_INJECT = """
import sys, bantin.corpus
def fail(*args, **kwargs):
    raise {error}
bantin.corpus.load_corpus = fail
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--strict", "--site-dir", sys.argv[1]]
cli()
"""


@pytest.mark.parametrize(("error", "line"), [
    ("RuntimeError('x')", UNFORESEEN),
    ("RecursionError()", FAULTS[2][1]),
    ("OSError(28, 'No space left on device', 'site')", FAULTS[3][1]),
], ids=["unforeseen", "recursion", "disk-full"])
def test_the_build_says_an_unforeseen_error_in_one_line(project: Path, error: str, line: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BANTIN_DEBUG", None)
    proc = subprocess.run([sys.executable, "-c", _INJECT.format(error=error), str(project / "site")],
                          cwd=project, capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 1
    assert proc.stderr == f"ERROR   -  {line}\n"  # one line, no traceback
    assert not (project / "site").exists()

