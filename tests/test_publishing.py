"""Publishing is safe: identical builds, and a failed build keeps the old site."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_build


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_content_are_byte_identical(project: Path, tmp_path: Path) -> None:
    first = run_build(project)
    assert first.returncode == 0, first.output
    kept = tmp_path / "first"
    shutil.copytree(first.site, kept)
    second = run_build(project)
    assert second.returncode == 0, second.output
    assert tree(kept) == tree(second.site)


def make_build(project: Path) -> subprocess.CompletedProcess:
    # The real Makefile recipe, with the venv this test already runs in.
    bin_dir = Path(sys.executable).parent
    return subprocess.run(["make", "--no-print-directory", "build", "STAMP=", f"BIN={bin_dir}"],
                          cwd=project, capture_output=True, text=True, timeout=600)


def test_a_failed_make_build_leaves_the_published_site_untouched(project: Path) -> None:
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    good = make_build(project)
    assert good.returncode == 0, good.stdout + good.stderr
    before = tree(project / "site")

    path = project / "content/directives/2024/02-kh-btgduk.md"
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2024-12-16", "date: 2024-13-01"), encoding="utf-8")
    bad = make_build(project)
    assert bad.returncode != 0
    assert "content/directives/2024/02-kh-btgduk.md:8: date: ngày '2024-13-01' không tồn tại" in bad.stdout + bad.stderr
    assert tree(project / "site") == before
    assert [p.name for p in (project / "site-releases").iterdir() if p.name.endswith(".partial")] == []
