"""``bantin init`` makes a bulletin another department can build at once,
from the wheel alone: theme, plugin and scaffold all ship in the package."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

from bantin.cli import build_parser
from bantin.init import Bulletin, InitError, scaffold
from bantin.mkdocs.config import BantinConfig
from conftest import ROOT, page

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
ORG = "Ban Tuyên giáo Huyện ủy Vĩnh An"


def build(project: Path, python: str = sys.executable) -> subprocess.CompletedProcess[str]:
    return subprocess.run([python, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True,
                          text=True, env=ENV, timeout=600)


def test_a_new_bulletin_builds_strict_with_no_warning_and_names_its_organisation(tmp_path: Path) -> None:
    project = tmp_path / "ban-tin-vinh-an"
    scaffold(project, Bulletin(ORG, "Bản tin Vĩnh An"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    home = page(project / "site", "/")
    assert "<title>Bản tin Vĩnh An</title>" in home
    assert "Văn bản chỉ đạo, hướng dẫn của Ban Tuyên giáo Huyện ủy Vĩnh An" in home
    assert (project / "site" / "van-ban" / str(dt.date.today().year) / "01-kh" / "index.html").is_file()
    assert "Đọc văn bản đúng, hiểu văn bản đủ, làm theo văn bản nghiêm!" in page(project / "site", "/khau-hieu/")


def test_a_new_bulletin_needs_no_validation_setting_to_keep_its_generated_pages_out_of_the_nav(
        tmp_path: Path) -> None:
    scaffold(tmp_path / "b", Bulletin(ORG))
    assert "omitted_files" not in (tmp_path / "b" / "mkdocs.yml").read_text(encoding="utf-8")
    result = build(tmp_path / "b")
    assert result.returncode == 0, result.stderr
    assert 'not included in the "nav"' not in result.stderr


def test_the_new_bulletin_has_no_python_and_no_overrides_of_its_own(tmp_path: Path) -> None:
    written = scaffold(tmp_path / "b", Bulletin(ORG))
    names = sorted(p.relative_to(tmp_path / "b").as_posix() for p in written)
    assert names == [".gitignore", ".gitlab-ci.yml", ".pre-commit-config.yaml", "README.md",
                     f"content/directives/{dt.date.today().year}/01-kh.md",
                     "content/slogans/vi-du.yml", "docs/index.md", "docs/tim-kiem.md", "mkdocs.yml", "requirements.txt"]
    config = (tmp_path / "b" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks:" not in config and "\n  custom_dir:" not in config
    assert yaml.safe_load((tmp_path / "b" / ".gitlab-ci.yml").read_text(encoding="utf-8"))["test"]["script"] == [
        "bantin check", "mkdocs build --strict"]


def test_the_editors_readme_gives_the_commands_to_preview_and_to_check(tmp_path: Path) -> None:
    scaffold(tmp_path / "b", Bulletin(ORG))
    readme = (tmp_path / "b" / "README.md").read_text(encoding="utf-8")
    assert "mkdocs serve --dirty --dev-addr 127.0.0.1:8000" in readme
    assert "bantin check && mkdocs build --strict" in readme


def test_a_folder_with_files_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InitError, match="thư mục đã có tệp"):
        scaffold(tmp_path, Bulletin(ORG))
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_name_that_a_page_would_print_unescaped_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InitError, match="--to-chuc: .*hãy bỏ '<' '>'"):
        scaffold(tmp_path / "b", Bulletin("Ban <b>Tuyên giáo</b>"))
    assert not (tmp_path / "b").exists()


def test_the_command_asks_for_nothing_when_given_both_names(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "bantin.cli", "init", str(tmp_path / "b"), "--to-chuc", ORG,
                             "--ten-ban-tin", "Bản tin Vĩnh An"], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert 'organisation: "Ban Tuyên giáo Huyện ủy Vĩnh An"' in (tmp_path / "b" / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_wheel_installed_into_a_fresh_environment_scaffolds_and_builds(tmp_path: Path) -> None:
    # The wheel is built from a copy (setuptools writes build/ beside the sources).
    source = tmp_path / "source"
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy2(ROOT / "pyproject.toml", source / "pyproject.toml")
    wheels = tmp_path / "wheels"
    made = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                           "--no-index", "-w", str(wheels), str(source)], capture_output=True, text=True, timeout=600)
    assert made.returncode == 0, made.stderr
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=600)
    python = str(venv / "bin" / "python")
    (wheel,) = wheels.glob("bantin-*.whl")
    installed = subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
                               capture_output=True, text=True, timeout=600)
    assert installed.returncode == 0, installed.stderr
    # Its dependencies (MkDocs, Material …) from this environment, offline; a
    # .pth line adds the folder without running its .pth files, so this
    # project's editable bantin stays out of reach.
    site_packages = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                   capture_output=True, text=True, check=True).stdout.strip()
    Path(site_packages, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    where = subprocess.run([python, "-c", "import bantin; print(bantin.__file__)"], capture_output=True, text=True)
    assert where.stdout.startswith(str(venv)), where.stdout + where.stderr

    project = tmp_path / "empty"
    project.mkdir()
    init = subprocess.run([str(venv / "bin" / "bantin"), "init", str(project), "--to-chuc", ORG],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600)
    assert init.returncode == 0, init.stderr
    result = build(project, python)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (project / "site" / "assets" / "stylesheets" / "bantin.css").is_file()
    assert (project / "site" / "sw.js").read_text(encoding="utf-8").startswith("// bantin service worker")


def test_the_package_and_its_metadata_say_the_same_version() -> None:
    import tomllib

    import bantin

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert (bantin.__version__, project["version"], project["license"]) == ("0.2.0", "0.2.0", "MIT")


def test_a_misspelt_or_mistyped_plugin_option_is_said_in_vietnamese(tmp_path: Path) -> None:
    project = tmp_path / "b"
    scaffold(project, Bulletin(ORG))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("      bulletin_name:", "      bulletn_name:")
    config.write_text(text.replace("      organisation:", "      csp: \"no\"\n      organisation:"), encoding="utf-8")
    result = build(project)
    assert result.returncode == 1
    assert "Plugin 'bantin' option 'bulletn_name': không có tùy chọn này; có phải là 'bulletin_name'?" in result.stderr
    assert "Plugin 'bantin' option 'csp': phải là true hoặc false, không phải 'no'" in result.stderr


def test_the_editors_guide_to_a_new_bulletin_shows_every_option_of_bantin_init_and_of_the_plugin() -> None:
    guide = (ROOT / "docs" / "huong-dan-bien-tap" / "ban-tin-moi.md").read_text(encoding="utf-8")
    assert "pip install bantin" in guide
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    flags = [f for a in commands.choices["init"]._actions for f in a.option_strings if f not in ("-h", "--help")]
    assert flags and [f for f in flags if f"`{f}`" not in guide] == []
    # disk_copy belongs to this repository's `make offline`, not to a department's bulletin.
    options = [name for name, _ in BantinConfig._schema if name != "disk_copy"]
    assert [o for o in options if f"`{o}`" not in guide] == []
