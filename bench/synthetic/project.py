"""Projects on disk: the repository's site files around generated content,
and the plain MkDocs baselines it is measured against."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from bantin.corpus import load_corpus
from bantin.mkdocs.theme import THEME_DIR
from bantin.pages import directive_title, directive_uri

from synthetic.material import ROOT
from synthetic.writer import to_yaml

PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks")  # content/ is generated


def copy_parts(out: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """A fresh ``out`` holding copies of the repository's ``parts``."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for part in parts:
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy2)(ROOT / part, out / part)
    return out


def _span(key: yaml.Node, value: yaml.Node) -> range:
    """Lines a ``key: value`` entry of mkdocs.yml takes up."""
    end = value.end_mark.line + (1 if value.end_mark.column > 0 else 0)
    return range(key.start_mark.line, end)


def plain_config(text: str) -> tuple[str, list[tuple[str | None, str]]]:
    """mkdocs.yml without bantin: no hooks, no custom_dir (its templates need
    the hooks' filters), no watch. Theme, plugins, extensions and nav stay.

    Returns the text and the nav's pages as (title or None, path).
    """
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    dropped: list[range] = []
    nav: list[tuple[str | None, str]] = []
    for key, value in root.value:
        if key.value in ("hooks", "watch"):
            dropped.append(_span(key, value))
        elif key.value == "theme" and isinstance(value, yaml.MappingNode):
            dropped += [_span(k, v) for k, v in value.value if k.value == "custom_dir"]
        elif key.value == "nav":
            _nav_pages(value, None, nav)
    lines = text.splitlines(keepends=True)
    return "".join(line for i, line in enumerate(lines) if not any(i in r for r in dropped)), nav


def _nav_pages(node: yaml.Node, title: str | None, out: list[tuple[str | None, str]]) -> None:
    if isinstance(node, yaml.ScalarNode):
        if node.value.endswith(".md"):
            out.append((title, node.value))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _nav_pages(item, None, out)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _nav_pages(value, key.value, out)


def write_plain(project: Path, out: Path) -> int:
    """The baseline: every published directive of ``project`` as a plain page at
    the same URL with the same title and body. Returns the number of pages."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(ROOT / "docs", out / "docs")
    for page in (out / "docs").rglob("*.md"):  # pages rendered by bantin templates become plain pages
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"(?m)^template:.*\n", "", text), encoding="utf-8")
    assets = THEME_DIR / "assets"
    if assets.is_dir():  # extra_css/extra_javascript live there; Material serves custom_dir files
        shutil.copytree(assets, out / "docs" / "assets", dirs_exist_ok=True)
    config, nav = plain_config((project / "mkdocs.yml").read_text(encoding="utf-8"))
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    for title, rel in nav:  # pages bantin generates (archive, timeline …): a short plain page each
        page = out / "docs" / rel
        if not page.exists():
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"# {title or rel}\n\nTrang do bantin tạo ra.\n", encoding="utf-8")
    corpus = load_corpus(project)
    for d in corpus.published:
        page = out / "docs" / directive_uri(d)
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"---\n{to_yaml({'title': directive_title(d)})}---\n\n{d.body}", encoding="utf-8")
    return len(corpus.published)


def write_material(plain: Path, out: Path) -> None:
    """The plain baseline as MkDocs sets a site up by default: with its search
    plugin (Material's). bantin replaces that search with its own, so this
    is the like-for-like cost of a searchable site without bantin."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(plain, out)
    config = out / "mkdocs.yml"
    text, count = re.subn(r"(?m)^plugins:.*$", "plugins:\n  - search", config.read_text(encoding="utf-8"), count=1)
    if count != 1:
        raise SystemExit(f"{config}: no plugins line to turn Material's search on")
    config.write_text(text, encoding="utf-8")
