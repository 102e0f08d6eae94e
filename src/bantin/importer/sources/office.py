"""Old Word (.doc) and OpenDocument (.odt) files: LibreOffice converts them to .docx, read as any .docx.

soffice runs headless with a profile of its own in a temporary folder, so
two imports at once (or an editor's open LibreOffice) never share one, and
under a time limit, so a file that hangs it cannot hang the import.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from ..docx import read_docx
from ..source import Source
from .tools import ToolError, run

TIMEOUT = 180


def to_docx(path: Path, folder: Path) -> Path:
    profile = (folder / "profile").as_uri()
    run("soffice", [f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder), str(path.resolve())],
        timeout=TIMEOUT)
    out = folder / f"{path.stem}.docx"
    if not out.is_file():
        raise ToolError(f"LibreOffice không chuyển được tệp {path.suffix} này sang .docx — tệp có thể bị hỏng")
    return out


def read_office(path: Path) -> Source:
    with tempfile.TemporaryDirectory(prefix="bantin-office-") as tmp:
        data = to_docx(path, Path(tmp)).read_bytes()
    source = read_docx(data, str(path))
    return replace(source, reading=(*source.reading,
                                    f"chuyển {path.suffix.lower()} sang .docx bằng LibreOffice (libreoffice-writer-nogui)"))
