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


# What a .doc or .odt file begins with: Word 97–2003 (OLE2), RTF or HTML saved as .doc, a zip for .odt.
_SIGNATURES = {".doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"{\\rtf", b"<"), ".odt": (b"PK\x03\x04",)}


def read_office(path: Path) -> Source:
    suffix = path.suffix.lower()
    with path.open("rb") as f:
        head = f.read(16).lstrip()
    if not head.startswith(_SIGNATURES.get(suffix, (b"",))):
        raise ToolError(f"tệp không phải tệp {suffix} thật (phần đầu tệp không đúng dạng) — "
                        "hãy mở bằng Word hoặc LibreOffice, lưu lại rồi nhập lại")
    with tempfile.TemporaryDirectory(prefix="bantin-office-") as tmp:
        data = to_docx(path, Path(tmp)).read_bytes()
    source = read_docx(data, str(path))
    return replace(source, reading=(*source.reading,
                                    f"chuyển {path.suffix.lower()} sang .docx bằng LibreOffice (libreoffice-writer-nogui)"))
