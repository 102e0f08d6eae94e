"""The command-line tools the importer drives, and what to install when one is missing.

Each is a Debian package (installed by .ci/run); an editor without it gets
one Vietnamese line naming the package, never a traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Sequence

PACKAGES = {
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "tesseract": "tesseract-ocr",
    "soffice": "libreoffice-writer-nogui",
}
WHAT = {
    "pdftotext": "đọc chữ trong tệp PDF",
    "pdftoppm": "chuyển trang PDF scan thành ảnh để nhận dạng chữ",
    "tesseract": "nhận dạng chữ (OCR) trong bản scan và ảnh",
    "soffice": "đọc tệp Word cũ (.doc) và .odt",
}


class ToolError(Exception):
    """A tool is missing or failed; the message is for the editor."""


def install_hint(package: str) -> str:
    return f"hãy cài gói Debian “{package}”: sudo apt-get install {package}"


def require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise ToolError(f"thiếu chương trình {tool} (cần để {WHAT[tool]}) — {install_hint(PACKAGES[tool])}")
    return path


def run(tool: str, args: Sequence[str], *, timeout: int, cwd: Path | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Runs a tool; a failure or a timeout is a ToolError in Vietnamese."""
    exe = require(tool)
    try:
        done = subprocess.run([exe, *args], capture_output=True, timeout=timeout, cwd=cwd,
                              env={**os.environ, **(env or {})}, check=False)
    except subprocess.TimeoutExpired as error:
        raise ToolError(f"{tool} chạy quá {timeout} giây mà chưa xong — tệp có thể quá lớn hoặc bị hỏng") from error
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        last = detail[-1] if detail else f"mã lỗi {done.returncode}"
        raise ToolError(f"{tool} không đọc được tệp ({last})")
    return done
