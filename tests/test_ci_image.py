"""The CI image (Dockerfile) holds everything `make test` needs, and the
GitLab jobs that run in it fetch nothing: the package lists cannot drift from
.ci/run's and requirements.txt. (No Docker engine here: the files are read.)"""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WHEELS = "/opt/bantin/wheels"
# What the jobs run besides .ci/run's packages: the Makefile, publish.sh.
JOB_TOOLS = {"make", "git", "rsync", "openssh-client"}
FETCHERS = re.compile(r"\b(apt-get|apt|pip install|curl|wget|docker pull)\b")


def instructions(dockerfile: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments), continuation lines joined, comments dropped."""
    lines = [line for line in dockerfile.splitlines() if not line.lstrip().startswith("#")]
    joined = re.sub(r"\\\n", " ", "\n".join(lines))
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in joined.splitlines() if line.strip()]


def apt_packages(command: str) -> set[str]:
    packages: set[str] = set()
    for part in command.split("&&"):
        words = shlex.split(part)
        if words[:2] == ["apt-get", "install"]:
            packages |= {w for w in words[2:] if not w.startswith("-")}
    return packages


def ci_run_packages() -> set[str]:
    text = (ROOT / ".ci/run").read_text(encoding="utf-8")
    body = re.search(r"^PACKAGES=\((.*?)^\)", text, re.S | re.M)
    assert body
    return {word for line in body[1].splitlines() for word in line.split("#")[0].split()}


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    return instructions((ROOT / "Dockerfile").read_text(encoding="utf-8"))


def test_the_image_is_debian_bookworm_with_the_python_bantin_requires(dockerfile) -> None:
    assert dockerfile[0] == ("FROM", "python:3.11-slim-bookworm")
    requires = re.search(r'requires-python = ">=(\d+\.\d+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert requires and requires[1] == "3.11"


def test_the_image_installs_every_debian_package_ci_run_installs_and_the_jobs_tools(dockerfile) -> None:
    installed = set().union(*(apt_packages(args) for kind, args in dockerfile if kind == "RUN"))
    assert installed == ci_run_packages() | JOB_TOOLS


def test_the_image_holds_wheels_of_requirements_txt_and_pip_uses_only_them(dockerfile) -> None:
    assert ("COPY", "requirements.txt /opt/bantin/requirements.txt") in dockerfile
    runs = " ".join(args for kind, args in dockerfile if kind == "RUN")
    assert f"pip wheel --no-cache-dir --index-url \"$PIP_INDEX_URL\" -r /opt/bantin/requirements.txt -w {WHEELS}" in runs
    assert f"--no-index --find-links {WHEELS} -r /opt/bantin/requirements.txt" in runs  # proved complete
    env = " ".join(args for kind, args in dockerfile if kind == "ENV")
    assert "PIP_NO_INDEX=1" in env and f"PIP_FIND_LINKS={WHEELS}" in env
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert "!requirements.txt" in ignored


def jobs(path: Path) -> tuple[dict, dict]:
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    keywords = {"image", "variables", "cache", "stages", "default", "include", "workflow"}
    return config, {name: job for name, job in config.items() if name not in keywords}


@pytest.mark.parametrize("path", [".gitlab-ci.yml", "deploy/webserver/publish.gitlab-ci.yml"])
def test_every_job_runs_in_the_image_and_fetches_nothing(path: str) -> None:
    config, found = jobs(ROOT / path)
    assert found
    for name, job in found.items():
        assert job.get("image", config.get("image")) == "$BANTIN_CI_IMAGE", name
        variables = {**config.get("variables", {}), **job.get("variables", {})}
        assert (variables["PIP_NO_INDEX"], variables["PIP_FIND_LINKS"]) == ("1", WHEELS), name
        lines = job.get("before_script", []) + job["script"]
        assert [line for line in lines if FETCHERS.search(line)] == [], name


def test_every_push_runs_the_whole_test_suite_the_way_ci_run_does() -> None:
    config, found = jobs(ROOT / ".gitlab-ci.yml")
    assert config["image"] == "$BANTIN_CI_IMAGE"
    assert config["variables"]["BANTIN_CI_IMAGE"] == "$CI_REGISTRY_IMAGE/ci:1"
    assert "bash .ci/run" in found["test"]["script"] and "rules" not in found["test"]


def test_the_pages_job_publishes_the_site_not_the_link(tmp_path: Path) -> None:
    """`site` is a link to a release: GitLab must get the files."""
    _, found = jobs(ROOT / ".gitlab-ci.yml")
    copy = found["pages"]["script"][-1].split("#")[0]
    (tmp_path / "site-releases/1").mkdir(parents=True)
    (tmp_path / "site-releases/1/index.html").write_text("trang\n", encoding="utf-8")
    (tmp_path / "site").symlink_to("site-releases/1")
    subprocess.run(["bash", "-c", copy], cwd=tmp_path, check=True)
    public = tmp_path / "public"
    assert not public.is_symlink() and (public / "index.html").read_text(encoding="utf-8") == "trang\n"
