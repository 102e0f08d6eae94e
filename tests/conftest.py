"""Shared fixtures: the real site, built once by real MkDocs, and throwaway
copies of the project for builds with broken content."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from browser import browser  # noqa: F401  (the session's chromium, for browser tests)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "content")  # the theme comes with the package


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str
    site: Path


def run_build(project: Path, *extra: str) -> BuildResult:
    """``mkdocs build --strict`` in ``project``, as an editor would run it."""
    site = project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site), *extra],
        cwd=project, capture_output=True, text=True, env=env, timeout=600,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)


def set_options(project: Path, yaml_lines: str) -> None:
    """Add ``yaml_lines`` (indented by four) to ``extra.bantin`` in the project's mkdocs.yml."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  bantin:\n", "  bantin:\n" + yaml_lines, 1),
                      encoding="utf-8")


def many_directives(project: Path, rel: str, serials: range) -> None:
    """Copies of the directive at ``content/directives/<rel>`` under each of
    ``serials``, its number and file name changed: a longer archive."""
    path = project / "content/directives" / rel
    source = path.read_text(encoding="utf-8")
    number = re.search(r"^number: ([0-9]+)(-.*)$", source, re.M)
    assert number, rel
    for n in serials:
        (path.parent / f"{n}-{path.name.split('-', 1)[1]}").write_text(
            source.replace(number.group(0), f"number: {n}{number.group(2)}", 1), encoding="utf-8")


def copy_project(dest: Path) -> Path:
    """A copy of everything a build reads, to break without harm."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        else:
            shutil.copy2(src, dest / part)
    return dest


def override(project: Path, rel: str, content: bytes) -> Path:
    """The site's own ``overrides/`` (``custom_dir``), holding ``rel``: it wins
    over bantin's theme, as an organisation's customisation would."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "custom_dir:" not in text:
        config.write_text(text.replace("theme:\n  name: material\n", "theme:\n  name: material\n  custom_dir: overrides\n", 1),
                          encoding="utf-8")
    path = project / "overrides" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once for the whole session with --strict."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = run_build(project)
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def page(site: Path, url: str) -> str:
    """The HTML of the page at ``url`` (a site path such as /van-ban/2024/x/)."""
    path = site / url.strip("/") / "index.html" if not url.endswith(".html") else site / url.lstrip("/")
    return path.read_text(encoding="utf-8")
