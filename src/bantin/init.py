"""``bantin init DIR``: a new bulletin, ready to preview and build.

The files come from ``bantin/scaffold`` (Jinja templates, so the values an
editor types are quoted for YAML, never pasted raw). The new project has no
Python of its own: ``plugins: [bantin]`` in its mkdocs.yml does the work.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

import bantin

SCAFFOLD = Path(__file__).resolve().parent / "scaffold"
DEFAULT_NAME = "Bản tin Thông tin nội bộ"
# Names in the package that would be hidden files or tool configs there.
_RENAMED = {"gitlab-ci.yml": ".gitlab-ci.yml", "pre-commit-config.yaml": ".pre-commit-config.yaml",
            "gitignore": ".gitignore"}


class InitError(Exception):
    """Why the folder cannot become a bulletin (in Vietnamese)."""


@dataclass(frozen=True)
class Bulletin:
    organisation: str
    bulletin_name: str = DEFAULT_NAME


# Material prints site_name and site_description into attributes unescaped;
# a name is one line of plain words, so these never reach a page.
_FORBIDDEN = set('<>"&') | {chr(c) for c in range(32)} | {"\x7f"}


def _check_name(value: str, option: str) -> None:
    bad = sorted(set(value) & _FORBIDDEN)
    if bad:
        shown = " ".join("xuống dòng" if c in "\r\n" else repr(c) for c in bad)
        raise InitError(f"{option}: tên chỉ gồm chữ, số và dấu câu thường, trên một dòng; hãy bỏ {shown}")


def _yaml(value: str) -> str:
    # A JSON string is a YAML double-quoted scalar: any name is safe in mkdocs.yml.
    return json.dumps(value, ensure_ascii=False)


def scaffold(target: Path, bulletin: Bulletin, today: dt.date | None = None) -> list[Path]:
    """Write the new project into ``target`` (missing or empty); returns the files written."""
    if not bulletin.organisation.strip():
        raise InitError("cần tên tổ chức (--to-chuc), ví dụ: --to-chuc \"Ban Tuyên giáo Huyện ủy Vĩnh An\"")
    _check_name(bulletin.organisation, "--to-chuc")
    _check_name(bulletin.bulletin_name, "--ten-ban-tin")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InitError(f"{target}: thư mục đã có tệp; hãy chọn một thư mục mới hoặc trống")
    today = today or dt.date.today()
    env = Environment(loader=FileSystemLoader(SCAFFOLD), undefined=StrictUndefined,
                      keep_trailing_newline=True, autoescape=False)
    env.filters["yaml"] = _yaml
    values = {"organisation": bulletin.organisation.strip(), "bulletin_name": bulletin.bulletin_name.strip() or DEFAULT_NAME,
              "today": today.isoformat(), "year": today.year, "version": bantin.__version__}
    written = []
    for source in sorted(p for p in SCAFFOLD.rglob("*") if p.is_file()):
        rel = source.relative_to(SCAFFOLD).as_posix()
        out = target / _RENAMED.get(rel, rel.replace("YEAR", str(today.year)))
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(env.get_template(rel).render(values), encoding="utf-8")
        written.append(out)
    return written
