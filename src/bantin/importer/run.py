"""``bantin import``: files and folders in, content files and a report out."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence, TextIO

from ..records import LEVELS
from .convert import Conversion, convert
from .emit import directive_file, slogan_file
from .source import is_caps
from .sources.read import KNOWN, SUFFIXES, ReadError, read_source
from .summary import Row, failed_row, imported_row, table

LABELS = {
    "number": "số hiệu",
    "kind": "loại",
    "title": "trích yếu",
    "issuer": "cơ quan ban hành",
    "parent": "cơ quan cấp trên",
    "place": "địa danh",
    "date": "ngày ban hành",
    "level": "cấp ban hành",
    "signer": "người ký",
    "addressees": "kính gửi",
    "recipients": "nơi nhận",
    "recipient_notes": "ghi chú nơi nhận",
    "slogans": "khẩu hiệu",
}


@dataclass(frozen=True)
class Output:
    path: Path
    text: str


def collect(paths: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """Files to import, folders expanded, and an error per argument that gives none."""
    files: list[Path] = []
    errors: list[str] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(("~$", "."))
            )
            if not found:
                errors.append(f"{path}: thư mục không có tệp văn bản nào ({KNOWN})")
            files += found
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                files.append(path)
            else:
                errors.append(f"{path}: không nhập được tệp “{path.suffix or path.name}” — chỉ nhận {KNOWN}")
        else:
            errors.append(f"{path}: không tìm thấy tệp hoặc thư mục")
    return files, errors


def outputs(conv: Conversion, content_dir: Path) -> list[Output]:
    out = [Output(content_dir / conv.path, directive_file(conv))]
    if conv.slogan_path:
        out.append(Output(content_dir / conv.slogan_path, slogan_file(conv)))
    return out


def _value(conv: Conversion, name: str) -> str:
    if name == "signer" and conv.signer:
        s = conv.signer
        lines = ((s.authority, s.on_behalf_of), (s.second_authority, s.second_on_behalf_of))
        authorities = tuple(f"{a} {behalf or ''}".strip() for a, behalf in lines if a)
        return " / ".join(x for x in (*authorities, s.position, s.name) if x)
    if name in ("addressees", "recipients"):
        items = getattr(conv, name)
        noted = sum(1 for r in items if getattr(r, "note", None))
        return f"{len(items)} nơi" + (f", {noted} nơi có ghi chú" if noted else "")
    if name == "recipient_notes":
        return "; ".join(f"“{n}”" for n in conv.recipient_notes)
    if name == "slogans":
        return f"{len(conv.slogans)} câu → {conv.slogan_path}"
    if name == "level" and conv.level:
        return f"{conv.level} ({LEVELS[conv.level]})"
    value = getattr(conv, name)
    return "" if value is None else str(value)


def report(conv: Conversion, written: Sequence[Path]) -> list[str]:
    """What was found and where, what was inferred and from which sentence, what is missing."""
    lines = [f"{conv.source.name} → {', '.join(str(p) for p in written)}"]
    if conv.source.reading:
        lines += ["  cách đọc:", *(f"    {r}" for r in conv.source.reading)]
    found, inferred, missing = [], [], []
    for name, label in LABELS.items():
        value = getattr(conv, name, None)
        if name in conv.inferred:
            inferred.append(f"    {label}: {_value(conv, name)} — theo {conv.inferred[name]}")
        elif name == "level" and conv.level:
            inferred.append(f"    {label}: {_value(conv, name)} — {conv.where['level']}")
        elif value:
            found.append(f"    {label}: {_value(conv, name)} ({conv.where.get(name, '?')})")
        elif name in ("addressees", "recipient_notes", "slogans"):
            continue  # most documents have none; not having them is not a gap
        elif name == "level":
            missing.append(f"  thiếu {label}: tên cơ quan không cho biết rõ — bỏ trống")
        elif name in conv.missing_required:
            missing.append(f"  thiếu {label}: văn bản không ghi — để trống (null); phải điền trước khi xuất bản")
        else:
            missing.append(f"  thiếu {label}: văn bản không ghi — để trống (null)")
    lines += ["  tìm thấy:", *found]
    if inferred:
        lines += ["  suy ra:", *inferred]
    lines += missing
    notes = list(conv.notes)
    if any(x and is_caps(x) for x in (conv.issuer, conv.parent, conv.signer and conv.signer.position)):
        notes.append("tên cơ quan, chức vụ giữ chữ in hoa như văn bản (trang tự in hoa phần đầu); có thể sửa thành chữ thường tự nhiên")
    if notes:
        lines += ["  chú ý:", *(f"    {n}" for n in notes)]
    lines.append("  bản nháp (draft: true): soát lại, điền chủ đề (topics) rồi đổi thành draft: false để xuất bản")
    return lines


def run_import(files: Sequence[Path], content_dir: Path, force: bool = False, *, out: TextIO | None = None,
               err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    paths, errors = collect(files)
    for message in errors:
        print(message, file=err)
    status = 1 if errors else 0
    made_by: dict[Path, Path] = {}  # output -> the input it came from, in this run
    imported = 0
    rows: list[Row] = []
    for k, path in enumerate(paths, 1):
        if len(paths) > 1:
            print(f"[{k}/{len(paths)}] {path}", file=out, flush=True)
        try:
            conv = convert(read_source(path))
        except ReadError as error:
            print(f"{path}: {error}", file=err)
            rows.append(failed_row(path, str(error)))
            status = 1
            continue
        planned = outputs(conv, content_dir)
        clashes = []
        for o in planned:
            if o.path in made_by:
                clashes.append(f"{o.path}: đã được tạo từ {made_by[o.path]} trong lần nhập này — không ghi đè")
            elif o.path.exists() and not force:
                clashes.append(f"{o.path}: tệp đã có — không ghi đè (thêm --force nếu muốn ghi đè)")
        if clashes:
            for message in clashes:
                print(f"{path}: {message}", file=err)
            rows.append(failed_row(path, "tệp đích đã có, không ghi đè"))
            status = 1
            continue
        for o in planned:
            o.path.parent.mkdir(parents=True, exist_ok=True)
            o.path.write_text(o.text, encoding="utf-8", newline="\n")
            made_by[o.path] = path
        imported += 1
        rows.append(imported_row(path, conv))
        print("\n".join(report(conv, [o.path for o in planned])), file=out)
        if conv.missing_required:
            status = 1
    if len(paths) > 1:
        print("", *table(rows), sep="\n", file=out)
        print(f"Đã nhập {imported}/{len(paths)} văn bản.", file=out)
    return status
