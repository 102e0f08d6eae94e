"""A hedge for the stack: the sample site builds the same with ProperDocs 1.6.7,
the maintained fork of MkDocs 1.6, in its own virtual environment (``make test``
itself stays on mkdocs 1.6.1).

The environment is made once under .cache/ (keyed by requirements.txt) from
PyPI: ProperDocs with its dependencies, then everything else bantin pins but
MkDocs, without dependencies, since Material asks for mkdocs by name.
ProperDocs answers ``import mkdocs`` itself. bantin comes from src/.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_project

PROPERDOCS = "properdocs==1.6.7"
GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def properdocs_python() -> Path:
    """The environment's python, made once; the test skips if it cannot be made."""
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    pins = [line for line in requirements.splitlines()
            if line and not line.startswith("#") and not re.match(r"(?i)mkdocs(-get-deps)?==", line)]
    key = hashlib.sha256((PROPERDOCS + "\n" + "\n".join(pins)).encode()).hexdigest()[:12]
    venv = ROOT / ".cache" / f"properdocs-{key}"
    python = venv / "bin" / "python"
    if (venv / ".installed").is_file():
        return python
    partial = venv.with_name(venv.name + f".{os.getpid()}")
    shutil.rmtree(partial, ignore_errors=True)
    steps = ([sys.executable, "-m", "venv", str(partial)],
             [str(partial / "bin" / "python"), "-m", "pip", "install", "--quiet", PROPERDOCS],
             [str(partial / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps", *pins])
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            shutil.rmtree(partial, ignore_errors=True)
            pytest.skip(f"Không cài được {PROPERDOCS} (cần mạng tới PyPI; thử lại khi có mạng, "
                        f"hoặc cài tay: python3 -m venv {venv} && {venv}/bin/pip install {PROPERDOCS}): "
                        f"{(done.stderr.strip().splitlines() or [str(done.returncode)])[-1]}")
    (partial / ".installed").write_text(PROPERDOCS + "\n", encoding="utf-8")
    if venv.exists():  # another run finished first
        shutil.rmtree(partial, ignore_errors=True)
    else:
        partial.rename(venv)
    return python


def test_properdocs_builds_the_same_pages_as_mkdocs(built_site: Path, tmp_path: Path) -> None:
    python = properdocs_python()
    project = copy_project(tmp_path / "project")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "SOURCE_DATE_EPOCH": "1767225600"}
    result = subprocess.run([str(python), "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml",
                             "--site-dir", str(project / "site")], cwd=project, capture_output=True, text=True,
                            env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    site = project / "site"
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file())
    # The same HTML but for the generator's name (and so the worker's version, a hash of its pages).
    differing = [rel for rel in files if rel.endswith(".html") and
                 GENERATOR.sub("", (site / rel).read_text(encoding="utf-8"))
                 != GENERATOR.sub("", (built_site / rel).read_text(encoding="utf-8"))]
    assert differing == []
